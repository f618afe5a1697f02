//! Slash commands and the per-role, per-language command menus.

use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};
use teloxide::utils::command::BotCommands;

use super::{
    App, Caller, HandlerResult, account, exports, invite, launch, meetings, notes, onboarding, plan,
    questionnaire, report,
};
use crate::domain::onboarding::{Dialogue, Resumed};
use crate::domain::{Locale, Role};
use crate::i18n::I18n;
use crate::tr;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    /// `/start` or `/start <invite code>` (what a t.me deep link sends).
    Start(String),
    Menu,
    Mydata,
    Language,
    Help,
    Forget,
    Invite,
    Forms,
    Launch,
    Results,
    Report,
    Progress,
    Actions,
    Meeting,
    Meetings,
    Cluster,
    Notes,
    Export,
}

pub async fn on_command(bot: Bot, app: App, msg: Message, cmd: Command) -> HandlerResult {
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let caller = app.caller(user, msg.chat.id).await?;
    // Only joining holds commands back. Any other dialogue ends with a command, so later
    // messages are not taken for it; a questionnaire continues from its buttons or /forms.
    let dialogue = match app.store.resume_dialogue(msg.chat.id.0).await? {
        Resumed::In(Dialogue::Onboarding(o)) => Some(o),
        Resumed::In(_) => {
            app.store.clear_dialogue(msg.chat.id.0).await?;
            None
        }
        // Joining that no longer reads: join again from the same invite, unless this very
        // command brings a new one. Any other lost dialogue is what a command ends anyway.
        Resumed::Lost(lost)
            if lost.kind.as_deref() == Some("onboarding")
                && caller.member.is_none()
                && !matches!(&cmd, Command::Start(p) if !p.trim().is_empty()) =>
        {
            return super::reask_lost(&bot, &app, &caller, lost).await;
        }
        Resumed::Lost(_) | Resumed::Idle => None,
    };
    match (cmd, dialogue) {
        (Command::Start(payload), _) => onboarding::start(&bot, &app, &caller, payload.trim()).await,
        (Command::Help, dialogue) => {
            account::send_help(&bot, &app, &caller).await?;
            if let Some(d) = dialogue {
                onboarding::resend(&bot, &app, caller.chat_id, &d).await?;
            }
            Ok(())
        }
        (Command::Language, Some(d)) => onboarding::to_language_step(&bot, &app, &caller, d).await,
        (Command::Mydata, dialogue) if caller.member.is_none() => {
            // A stranger, someone who declined, someone forgotten or still joining: the
            // honest answer is that nothing is stored (a joining dialogue is not member data).
            let locale = dialogue.as_ref().map_or(caller.locale, |d| d.locale);
            bot.send_message(caller.chat_id, tr!(app.i18n, locale, "mydata-none")).await?;
            if let Some(d) = dialogue {
                onboarding::resend(&bot, &app, caller.chat_id, &d).await?;
            }
            Ok(())
        }
        (Command::Forget, Some(_)) if caller.member.is_none() => {
            // Someone in the middle of joining: nothing is stored yet but the dialogue itself.
            app.store.clear_dialogue(caller.chat_id.0).await?;
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.locale, "forget-nothing")).await?;
            Ok(())
        }
        (_, Some(d)) => {
            bot.send_message(caller.chat_id, tr!(app.i18n, d.locale, "onboarding-finish-first")).await?;
            onboarding::resend(&bot, &app, caller.chat_id, &d).await
        }
        (Command::Language, None) => account::ask_language(&bot, &app, &caller).await,
        (Command::Forget, None) => account::ask_forget(&bot, &app, &caller).await,
        (_, None) if caller.member.is_none() => {
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.locale, "start-no-code")).await?;
            Ok(())
        }
        (Command::Menu, None) => account::send_menu(&bot, &app, &caller).await,
        (Command::Mydata, None) => account::send_my_data(&bot, &app, &caller).await,
        (Command::Invite, None) => invite::start(&bot, &app, &caller).await,
        (Command::Forms, None) => questionnaire::list_open(&bot, &app, &caller).await,
        (Command::Launch, None) => launch::start(&bot, &app, &caller).await,
        (Command::Results, None) => launch::start_results(&bot, &app, &caller).await,
        (Command::Report, None) => report::start(&bot, &app, &caller).await,
        (Command::Progress | Command::Actions, None) => plan::overview(&bot, &app, &caller).await,
        (Command::Meeting, None) => meetings::start(&bot, &app, &caller).await,
        (Command::Meetings, None) => meetings::list(&bot, &app, &caller).await,
        (Command::Cluster, None) => notes::choose_cluster(&bot, &app, &caller).await,
        (Command::Notes, None) => notes::list(&bot, &app, &caller).await,
        (Command::Export, None) => exports::start(&bot, &app, &caller).await,
    }
}

/// The commands a role sees in Telegram's menu, described in `locale`.
pub fn menu_for(i18n: &I18n, locale: Locale, role: Option<Role>) -> Vec<BotCommand> {
    let mut commands = vec![
        BotCommand::new("start", tr!(i18n, locale, "cmd-start")),
        BotCommand::new("menu", tr!(i18n, locale, "cmd-menu")),
        BotCommand::new("forms", tr!(i18n, locale, "cmd-forms")),
        BotCommand::new("report", tr!(i18n, locale, "cmd-report")),
        BotCommand::new("mydata", tr!(i18n, locale, "cmd-mydata")),
        BotCommand::new("language", tr!(i18n, locale, "cmd-language")),
        BotCommand::new("help", tr!(i18n, locale, "cmd-help")),
        BotCommand::new("forget", tr!(i18n, locale, "cmd-forget")),
    ];
    if role.is_some_and(|r| r >= Role::Leader) {
        commands.push(BotCommand::new("progress", tr!(i18n, locale, "cmd-progress")));
        commands.push(BotCommand::new("meeting", tr!(i18n, locale, "cmd-meeting")));
        commands.push(BotCommand::new("meetings", tr!(i18n, locale, "cmd-meetings")));
    }
    if role.is_some_and(Role::is_cda) {
        commands.push(BotCommand::new("actions", tr!(i18n, locale, "cmd-actions")));
        commands.push(BotCommand::new("notes", tr!(i18n, locale, "cmd-notes")));
        commands.push(BotCommand::new("export", tr!(i18n, locale, "cmd-export")));
        commands.push(BotCommand::new("cluster", tr!(i18n, locale, "cmd-cluster")));
        commands.push(BotCommand::new("invite", tr!(i18n, locale, "cmd-invite")));
        commands.push(BotCommand::new("launch", tr!(i18n, locale, "cmd-launch")));
        commands.push(BotCommand::new("results", tr!(i18n, locale, "cmd-results")));
    }
    commands
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
