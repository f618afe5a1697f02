//! Slash commands: each feature owns its own (a `BotCommands` enum, its menu entries and
//! its handler, beside the feature's buttons and dialogue); here they are assembled into one
//! branch behind one gate, and into the menus Telegram shows.

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Me, Recipient};
use teloxide::utils::command::BotCommands;

use super::account::AccountCommand;
use super::onboarding::JoiningCommand;
use super::{
    App, BotError, Caller, HandlerResult, Said, account, ask, exports, failure, invite, launch, meetings,
    menu, notes, onboarding, plan, questionnaire, report,
};
use crate::domain::onboarding::Dialogue;
use crate::domain::{Locale, Role};
use crate::i18n::I18n;
use crate::metrics::UpdateKind;
use crate::tr;

/// Every feature's commands, each to its feature, behind [`gate`].
pub fn branch() -> UpdateHandler<BotError> {
    dptree::filter(|s: Said, me: Me| s.msg.text().is_some_and(|t| known(t, me.username())))
        .filter_map_async(gate)
        .branch(on(|s: Said, c: JoiningCommand| async move {
            onboarding::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: AccountCommand| async move {
            account::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: questionnaire::FormsCommand| async move {
            questionnaire::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: report::ReportCommand| async move {
            report::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: plan::PlanCommand| async move {
            plan::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: meetings::MeetingCommand| async move {
            meetings::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: notes::NotesCommand| async move {
            notes::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: exports::ExportCommand| async move {
            exports::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: invite::InviteCommand| async move {
            invite::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: launch::LaunchCommand| async move {
            launch::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
        .branch(on(|s: Said, c: ask::AskCommand| async move {
            ask::on_command(&s.bot, &s.app, &s.caller, c).await
        }))
}

/// Whether some feature has this command. Anything else starting with `/` is a message.
fn known(text: &str, bot_name: &str) -> bool {
    JoiningCommand::parse(text, bot_name).is_ok()
        || AccountCommand::parse(text, bot_name).is_ok()
        || questionnaire::FormsCommand::parse(text, bot_name).is_ok()
        || report::ReportCommand::parse(text, bot_name).is_ok()
        || plan::PlanCommand::parse(text, bot_name).is_ok()
        || meetings::MeetingCommand::parse(text, bot_name).is_ok()
        || notes::NotesCommand::parse(text, bot_name).is_ok()
        || exports::ExportCommand::parse(text, bot_name).is_ok()
        || invite::InviteCommand::parse(text, bot_name).is_ok()
        || launch::LaunchCommand::parse(text, bot_name).is_ok()
        || ask::AskCommand::parse(text, bot_name).is_ok()
}

/// A feature's commands: those `C` parses, handled by `handle`, failures answered.
fn on<C, F, Fut>(handle: F) -> UpdateHandler<BotError>
where
    C: BotCommands + Clone + Send + Sync + 'static,
    F: Fn(Said, C) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = HandlerResult> + Send + 'static,
{
    dptree::filter_map(|s: Said, me: Me| s.msg.text().and_then(|t| C::parse(t, me.username()).ok())).endpoint(
        move |s: Said, cmd: C| {
            let handle = handle.clone();
            async move {
                let result = handle(s.clone(), cmd).await;
                s.app.metrics.record(UpdateKind::command, failure::outcome(&result), s.started);
                failure::answer_message(&s.app, &s.bot, &s.update, &s.msg, result).await;
                Ok(())
            }
        },
    )
}

/// Before any feature sees a command: joining holds commands back (joining answers them,
/// but `/start`); any other dialogue ends, so later messages are not taken for it (a
/// questionnaire continues from its buttons or /forms); someone who has not joined is told
/// how to, but for joining's and the account's commands.
async fn gate(mut s: Said, me: Me) -> Option<Said> {
    let text = s.msg.text().unwrap_or_default().to_owned();
    let result = async {
        match &s.dialogue {
            Some(Dialogue::Onboarding(o)) if JoiningCommand::parse(&text, me.username()).is_err() => {
                let account = AccountCommand::parse(&text, me.username()).ok();
                onboarding::while_joining(&s.bot, &s.app, &s.caller, o.clone(), account).await?;
                return Ok(None);
            }
            Some(Dialogue::Onboarding(_)) | None => {}
            Some(_) => {
                s.app.store.clear_dialogue(s.caller.chat_id.0).await?;
                std::sync::Arc::make_mut(&mut s.0).dialogue = None;
            }
        }
        let open = JoiningCommand::parse(&text, me.username()).is_ok()
            || AccountCommand::parse(&text, me.username()).is_ok();
        if s.caller.member.is_none() && !open {
            s.bot.send_message(s.caller.chat_id, tr!(s.app.i18n, s.caller.locale, "start-no-code")).await?;
            return Ok(None);
        }
        Ok::<_, BotError>(Some(s.clone()))
    }
    .await;
    match result {
        Ok(Some(next)) => Some(next),
        // Answered here: counted here.
        Ok(None) => {
            s.app.metrics.record(UpdateKind::command, crate::metrics::Outcome::ok, s.started);
            None
        }
        Err(e) => {
            let failed: HandlerResult = Err(e);
            s.app.metrics.record(UpdateKind::command, failure::outcome(&failed), s.started);
            failure::answer_message(&s.app, &s.bot, &s.update, &s.msg, failed).await;
            None
        }
    }
}

/// What a main-menu entry opens: the menu knows the features.
pub async fn on_menu(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    item: menu::MenuItem,
) -> Result<Option<String>, BotError> {
    if caller.member.is_none() {
        let text = if item == menu::MenuItem::MyData {
            tr!(app.i18n, caller.reader(), "mydata-none")
        } else {
            tr!(app.i18n, caller.reader(), "start-no-code")
        };
        bot.send_message(caller.chat_id, text).await?;
        return Ok(None);
    }
    match item {
        menu::MenuItem::MyData => account::send_my_data(bot, app, caller).await?,
        menu::MenuItem::Language => account::ask_language(bot, app, caller).await?,
        menu::MenuItem::Help => account::send_help(bot, app, caller).await?,
        menu::MenuItem::Invite => invite::start(bot, app, caller).await?,
        menu::MenuItem::Questionnaires => questionnaire::list_open(bot, app, caller).await?,
        menu::MenuItem::Launch => launch::start(bot, app, caller).await?,
        menu::MenuItem::Results => launch::start_results(bot, app, caller).await?,
        menu::MenuItem::Report => report::start(bot, app, caller).await?,
        menu::MenuItem::Progress => plan::overview(bot, app, caller).await?,
        menu::MenuItem::Meetings => meetings::list(bot, app, caller).await?,
        menu::MenuItem::Export => exports::start(bot, app, caller).await?,
        menu::MenuItem::AskCda => ask::start(bot, app, caller).await?,
    }
    Ok(None)
}

/// The commands a role sees in Telegram's menu, described in `locale`: each feature's
/// entries, `/start` first.
pub fn menu_for(i18n: &I18n, locale: Locale, role: Option<Role>) -> Vec<BotCommand> {
    [
        JoiningCommand::menu(i18n, locale, role),
        AccountCommand::menu(i18n, locale, role),
        questionnaire::FormsCommand::menu(i18n, locale, role),
        report::ReportCommand::menu(i18n, locale, role),
        plan::PlanCommand::menu(i18n, locale, role),
        meetings::MeetingCommand::menu(i18n, locale, role),
        notes::NotesCommand::menu(i18n, locale, role),
        exports::ExportCommand::menu(i18n, locale, role),
        invite::InviteCommand::menu(i18n, locale, role),
        launch::LaunchCommand::menu(i18n, locale, role),
        ask::AskCommand::menu(i18n, locale.into(), role),
    ]
    .concat()
}

/// Default menus for every private chat, one per shipped language (Telegram picks by the
/// user's app language), plus English for all other languages. Members' own chats get a
/// role menu on top of this (see [`publish_member_commands`]).
pub async fn publish_default_commands(bot: &Bot, i18n: &I18n) -> Result<(), teloxide::RequestError> {
    bot.set_my_commands(menu_for(i18n, Locale::En, None)).scope(BotCommandScope::AllPrivateChats).await?;
    for locale in Locale::ALL {
        bot.set_my_commands(menu_for(i18n, locale, None))
            .scope(BotCommandScope::AllPrivateChats)
            .language_code(locale.code())
            .await?;
    }
    Ok(())
}

/// The menu of one member's chat: their role's commands, in their language. Called after
/// joining, after a language change, and (with no role) after `/forget`.
pub async fn publish_member_commands(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    locale: Locale,
    role: Option<Role>,
) {
    let result = bot
        .set_my_commands(menu_for(&app.i18n, locale, role))
        .scope(BotCommandScope::Chat { chat_id: Recipient::Id(caller.chat_id) })
        .await;
    if let Err(e) = result {
        // The menu is a convenience: the commands work without it.
        tracing::warn!(error = %e, "could not publish a member's command menu");
    }
}
