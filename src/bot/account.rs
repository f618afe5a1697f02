//! A member's own things: main menu, help, language, what is stored about them, and
//! deleting it.

use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::utils::command::BotCommands;

use super::codes::ButtonCode;
use super::keyboards::{self, button};
use super::menu;
use super::{App, BotError, Caller, HandlerResult};
use crate::domain::{Gender, Locale};
use crate::tr;

/// The forget buttons: yes, delete my data; no, keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForgetButton(pub bool);

impl ButtonCode for ForgetButton {
    const HEADS: &'static [&'static str] = &["f"];

    fn encode(&self) -> String {
        format!("f:{}", if self.0 { 'y' } else { 'n' })
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        match rest {
            ["y"] => Some(Self(true)),
            ["n"] => Some(Self(false)),
            _ => None,
        }
    }
}

/// `/help`: a button for each thing the caller's role can do, two to a row, rather than a
/// list of commands to read and type.
pub async fn send_help(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.reader());
    let actions = menu::actions_for(caller);
    if actions.is_empty() {
        bot.send_message(caller.chat_id, tr!(i18n, l, "start-no-code")).await?;
        return Ok(());
    }
    let buttons: Vec<_> =
        actions.into_iter().map(|item| button(menu::label(i18n, l, item), menu::MenuButton(item))).collect();
    let keyboard = InlineKeyboardMarkup::new(buttons.chunks(2).map(<[_]>::to_vec));
    bot.send_message(caller.chat_id, tr!(i18n, l, "help-title"))
        .reply_markup(super::speak::with_speak(app, l, keyboard))
        .await?;
    Ok(())
}

pub async fn ask_language(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "lang-choose"))
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
    super::publish_member_commands(bot, app, &caller, locale, caller.role()).await;
    bot.send_message(caller.chat_id, tr!(app.i18n, locale, "lang-changed")).await?;
    menu::send_menu(bot, app, &caller).await?;
    Ok(None)
}

pub async fn send_my_data(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.reader());
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
        tr!(i18n, l, "mydata-language", language = l.locale.native_name()),
        tr!(i18n, l, "mydata-gender", answer = gender),
    ];
    for m in &caller.memberships {
        let role = menu::role_name(i18n, l, m.role);
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
        let tz = match caller.memberships.first() {
            Some(m) => app.store.cluster(m.cluster_id).await?.tz(),
            None => chrono_tz::UTC,
        };
        lines.push(tr!(i18n, l, "mydata-consent", date = i18n.day(l, at, tz)));
    }
    lines.push(tr!(i18n, l, "mydata-telegram", id = caller.user.id.0.to_string()));
    lines.push(String::new());
    lines.push(tr!(i18n, l, "mydata-forget-hint"));
    bot.send_message(caller.chat_id, app.i18n.lines(l, &lines.join("\n"))).await?;
    Ok(())
}

pub async fn ask_forget(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (i18n, l) = (&app.i18n, caller.reader());
    if caller.member.is_none() {
        bot.send_message(caller.chat_id, tr!(i18n, l, "forget-nothing")).await?;
        return Ok(());
    }
    let keyboard = InlineKeyboardMarkup::new([vec![
        button(tr!(i18n, l, "btn-forget-yes"), ForgetButton(true)),
        button(tr!(i18n, l, "btn-forget-no"), ForgetButton(false)),
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
    let (i18n, l) = (&app.i18n, caller.reader());
    let Some(member) = &caller.member else {
        // Already forgotten (an old confirmation pressed twice).
        return Ok(Some(tr!(i18n, l, "forget-nothing")));
    };
    if !yes {
        bot.send_message(caller.chat_id, tr!(i18n, l, "forget-kept")).await?;
        return Ok(None);
    }
    app.store.forget_member(member.member_id).await?;
    super::publish_member_commands(bot, app, caller, l.locale, None).await;
    bot.send_message(caller.chat_id, tr!(i18n, l, "forget-done")).await?;
    Ok(None)
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
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "mydata-none")).await?;
            Ok(())
        }
        AccountCommand::Mydata => send_my_data(bot, app, caller).await,
        AccountCommand::Menu if caller.member.is_none() => {
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "start-no-code")).await?;
            Ok(())
        }
        AccountCommand::Menu => menu::send_menu(bot, app, caller).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forget_buttons_round_trip_and_refuse_junk() {
        crate::bot::codes::assert_codes(
            &[ForgetButton(true), ForgetButton(false)],
            &["f:", "f:maybe", "f:y:1"],
        );
    }
}
