//! A member's own things: main menu, help, language, what is stored about them, and
//! deleting it.

use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::utils::command::BotCommands;

use super::codes::ButtonCode;
use super::keyboards::{self, button};
use super::{
    App, BotError, Caller, HandlerResult, commands, exports, invite, launch, meetings, onboarding, plan,
    questionnaire, report,
};
use crate::domain::{Gender, Locale};
use crate::tr;

/// The main menu's entries. The menu knows every feature; no feature needs its internals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    MyData,
    Language,
    Help,
    Invite,
    Questionnaires,
    Launch,
    Results,
    Report,
    Progress,
    Meetings,
    Export,
}

impl MenuItem {
    pub const ALL: [Self; 11] = [
        Self::MyData,
        Self::Language,
        Self::Help,
        Self::Invite,
        Self::Questionnaires,
        Self::Launch,
        Self::Results,
        Self::Report,
        Self::Progress,
        Self::Meetings,
        Self::Export,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::MyData => "data",
            Self::Language => "lang",
            Self::Help => "help",
            Self::Invite => "inv",
            Self::Questionnaires => "forms",
            Self::Launch => "launch",
            Self::Results => "res",
            Self::Report => "rep",
            Self::Progress => "prog",
            Self::Meetings => "meet",
            Self::Export => "exp",
        }
    }
}

/// The buttons of the member's own account: the menu, and forgetting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountButton {
    Menu(MenuItem),
    Forget(bool),
}

impl ButtonCode for AccountButton {
    const HEADS: &'static [&'static str] = &["m", "f"];

    fn encode(&self) -> String {
        match self {
            Self::Menu(item) => format!("m:{}", item.code()),
            Self::Forget(yes) => format!("f:{}", if *yes { 'y' } else { 'n' }),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        match (head, rest) {
            ("m", [code]) => MenuItem::ALL.into_iter().find(|i| i.code() == *code).map(Self::Menu),
            ("f", ["y"]) => Some(Self::Forget(true)),
            ("f", ["n"]) => Some(Self::Forget(false)),
            _ => None,
        }
    }
}

/// A button of the account: the menu or forgetting.
pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: AccountButton,
) -> Result<Option<String>, BotError> {
    match b {
        AccountButton::Menu(item) => on_menu(bot, app, caller, item).await,
        AccountButton::Forget(yes) => on_forget(bot, app, caller, q, yes).await,
    }
}

pub async fn send_menu(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.locale);
    let mut rows = vec![
        vec![
            button(tr!(i18n, l, "btn-report"), AccountButton::Menu(MenuItem::Report)),
            button(tr!(i18n, l, "btn-forms"), AccountButton::Menu(MenuItem::Questionnaires)),
        ],
        vec![
            button(tr!(i18n, l, "btn-mydata"), AccountButton::Menu(MenuItem::MyData)),
            button(tr!(i18n, l, "btn-language"), AccountButton::Menu(MenuItem::Language)),
        ],
        vec![button(tr!(i18n, l, "btn-help"), AccountButton::Menu(MenuItem::Help))],
    ];
    if caller.role().is_some_and(|r| r >= crate::domain::Role::Leader) {
        rows.push(vec![
            button(tr!(i18n, l, "btn-progress"), AccountButton::Menu(MenuItem::Progress)),
            button(tr!(i18n, l, "btn-meetings"), AccountButton::Menu(MenuItem::Meetings)),
        ]);
    }
    if caller.is_cda() {
        rows[2].push(button(tr!(i18n, l, "btn-invite"), AccountButton::Menu(MenuItem::Invite)));
        rows.push(vec![
            button(tr!(i18n, l, "btn-launch"), AccountButton::Menu(MenuItem::Launch)),
            button(tr!(i18n, l, "btn-results"), AccountButton::Menu(MenuItem::Results)),
            button(tr!(i18n, l, "btn-export"), AccountButton::Menu(MenuItem::Export)),
        ]);
    }
    bot.send_message(caller.chat_id, tr!(i18n, l, "menu-title"))
        .reply_markup(InlineKeyboardMarkup::new(rows))
        .await?;
    Ok(())
}

pub async fn send_help(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.locale);
    let text = match (caller.member.is_some(), caller.is_cda()) {
        (false, _) => tr!(i18n, l, "start-no-code"),
        (true, false) => tr!(i18n, l, "help-member"),
        (true, true) => format!("{}\n{}", tr!(i18n, l, "help-member"), tr!(i18n, l, "help-cda")),
    };
    bot.send_message(caller.chat_id, text).await?;
    Ok(())
}

pub async fn ask_language(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    bot.send_message(caller.chat_id, tr!(app.i18n, caller.locale, "lang-choose"))
        .reply_markup(keyboards::languages())
        .await?;
    Ok(())
}

/// A language button outside onboarding. Members keep the choice; for anyone else nothing
/// is stored (they have not consented), they just get the joining hint in that language.
pub async fn set_language(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    locale: Locale,
) -> Result<Option<String>, BotError> {
    let Some(member) = &caller.member else {
        bot.send_message(caller.chat_id, tr!(app.i18n, locale, "start-no-code")).await?;
        return Ok(None);
    };
    app.store.set_member_locale(member.member_id, locale).await?;
    let caller = Caller { locale, ..caller.clone() };
    commands::publish_member_commands(bot, app, &caller, locale, caller.role()).await;
    bot.send_message(caller.chat_id, tr!(app.i18n, locale, "lang-changed")).await?;
    send_menu(bot, app, &caller).await?;
    Ok(None)
}

pub async fn send_my_data(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.locale);
    let Some(member) = &caller.member else {
        bot.send_message(caller.chat_id, tr!(i18n, l, "mydata-none")).await?;
        return Ok(());
    };
    let gender = match member.gender {
        Some(Gender::Woman) => tr!(i18n, l, "gender-woman"),
        Some(Gender::Man) => tr!(i18n, l, "gender-man"),
        Some(Gender::Undisclosed) => tr!(i18n, l, "gender-undisclosed"),
        None => tr!(i18n, l, "gender-unknown"),
    };
    let mut lines = vec![
        tr!(i18n, l, "mydata-title"),
        tr!(i18n, l, "mydata-name", name = member.display_name.clone().unwrap_or_default()),
        tr!(i18n, l, "mydata-language", language = l.native_name()),
        tr!(i18n, l, "mydata-gender", gender = gender),
    ];
    for m in &caller.memberships {
        let role = onboarding::role_name(i18n, l, m.role);
        lines.push(match &m.cooperative_name {
            Some(coop) => tr!(
                i18n,
                l,
                "mydata-membership-coop",
                cluster = m.cluster_name.clone(),
                role = role,
                cooperative = coop.clone()
            ),
            None => tr!(i18n, l, "mydata-membership", cluster = m.cluster_name.clone(), role = role),
        });
    }
    if let Some(at) = member.consent_at {
        lines.push(tr!(i18n, l, "mydata-consent", date = at.format("%Y-%m-%d").to_string()));
    }
    lines.push(tr!(i18n, l, "mydata-telegram", id = caller.user.id.0.to_string()));
    lines.push(String::new());
    lines.push(tr!(i18n, l, "mydata-forget-hint"));
    bot.send_message(caller.chat_id, lines.join("\n")).await?;
    Ok(())
}

pub async fn ask_forget(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.locale);
    if caller.member.is_none() {
        bot.send_message(caller.chat_id, tr!(i18n, l, "forget-nothing")).await?;
        return Ok(());
    }
    let keyboard = InlineKeyboardMarkup::new([vec![
        button(tr!(i18n, l, "btn-forget-yes"), AccountButton::Forget(true)),
        button(tr!(i18n, l, "btn-forget-no"), AccountButton::Forget(false)),
    ]]);
    bot.send_message(caller.chat_id, tr!(i18n, l, "forget-confirm")).reply_markup(keyboard).await?;
    Ok(())
}

pub async fn on_forget(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    yes: bool,
) -> Result<Option<String>, BotError> {
    keyboards::clear(bot, q).await;
    let (i18n, l) = (&app.i18n, caller.locale);
    let Some(member) = &caller.member else {
        // Already forgotten (an old confirmation pressed twice).
        return Ok(Some(tr!(i18n, l, "forget-nothing")));
    };
    if !yes {
        bot.send_message(caller.chat_id, tr!(i18n, l, "forget-kept")).await?;
        return Ok(None);
    }
    app.store.forget_member(member.member_id).await?;
    commands::publish_member_commands(bot, app, caller, l, None).await;
    bot.send_message(caller.chat_id, tr!(i18n, l, "forget-done")).await?;
    Ok(None)
}

pub async fn on_menu(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    item: MenuItem,
) -> Result<Option<String>, BotError> {
    if caller.member.is_none() {
        let text = if item == MenuItem::MyData {
            tr!(app.i18n, caller.locale, "mydata-none")
        } else {
            tr!(app.i18n, caller.locale, "start-no-code")
        };
        bot.send_message(caller.chat_id, text).await?;
        return Ok(None);
    }
    match item {
        MenuItem::MyData => send_my_data(bot, app, caller).await?,
        MenuItem::Language => ask_language(bot, app, caller).await?,
        MenuItem::Help => send_help(bot, app, caller).await?,
        MenuItem::Invite => invite::start(bot, app, caller).await?,
        MenuItem::Questionnaires => questionnaire::list_open(bot, app, caller).await?,
        MenuItem::Launch => launch::start(bot, app, caller).await?,
        MenuItem::Results => launch::start_results(bot, app, caller).await?,
        MenuItem::Report => report::start(bot, app, caller).await?,
        MenuItem::Progress => plan::overview(bot, app, caller).await?,
        MenuItem::Meetings => meetings::list(bot, app, caller).await?,
        MenuItem::Export => exports::start(bot, app, caller).await?,
    }
    Ok(None)
}

/// Something said outside any dialogue that no feature takes: members get the menu, anyone
/// else how to join.
pub async fn not_understood(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    if caller.member.is_some() {
        bot.send_message(caller.chat_id, tr!(app.i18n, caller.locale, "not-understood")).await?;
        send_menu(bot, app, caller).await
    } else {
        bot.send_message(caller.chat_id, tr!(app.i18n, caller.locale, "start-no-code")).await?;
        Ok(())
    }
}

/// The member's own commands; open to people who have not joined too.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum AccountCommand {
    Menu,
    Mydata,
    Language,
    Help,
    Forget,
}

impl AccountCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        _role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        vec![
            BotCommand::new("menu", tr!(i18n, l, "cmd-menu")),
            BotCommand::new("mydata", tr!(i18n, l, "cmd-mydata")),
            BotCommand::new("language", tr!(i18n, l, "cmd-language")),
            BotCommand::new("help", tr!(i18n, l, "cmd-help")),
            BotCommand::new("forget", tr!(i18n, l, "cmd-forget")),
        ]
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: AccountCommand) -> HandlerResult {
    match cmd {
        AccountCommand::Help => send_help(bot, app, caller).await,
        AccountCommand::Language => ask_language(bot, app, caller).await,
        AccountCommand::Forget => ask_forget(bot, app, caller).await,
        // A stranger, someone who declined or was forgotten: nothing is stored.
        AccountCommand::Mydata if caller.member.is_none() => {
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.locale, "mydata-none")).await?;
            Ok(())
        }
        AccountCommand::Mydata => send_my_data(bot, app, caller).await,
        AccountCommand::Menu if caller.member.is_none() => {
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.locale, "start-no-code")).await?;
            Ok(())
        }
        AccountCommand::Menu => send_menu(bot, app, caller).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_buttons_round_trip_and_refuse_junk() {
        let mut all: Vec<_> = MenuItem::ALL.map(AccountButton::Menu).to_vec();
        all.extend([AccountButton::Forget(true), AccountButton::Forget(false)]);
        crate::bot::codes::assert_codes(&all, &["m:", "m:x", "f:", "f:maybe", "m:data:1"]);
    }
}
