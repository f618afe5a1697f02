//! Joining a cluster: `/start <code>` → language → consent → name → gender → cooperative →
//! main menu. The dialogue is saved after every step; nothing about the person is stored
//! as member data until the last step, in one transaction.

use chrono::Duration;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::utils::command::BotCommands;

use super::Said;
use super::account::AccountCommand;
use super::codes::{self, ButtonCode, LanguageButton};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, account, menu};
use crate::domain::ids::{CooperativeId, InviteId};
use crate::domain::invite::{InviteCode, InviteProblem};
use crate::domain::member::parse_display_name;
use crate::domain::onboarding::{Dialogue, Next, Onboarding, Step};
use crate::domain::{Gender, Locale};
use crate::i18n::{I18n, Reader};
use crate::store::{NewMember, Redeemed, StoreError};
use crate::tr;

/// The buttons of joining. The language buttons ([`LanguageButton`]) work here too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoiningButton {
    Consent(bool),
    /// "ℹ️ More": the consent in full.
    ConsentInFull,
    /// "That is my name": take the name Telegram knows.
    SuggestedName,
    Gender(Gender),
    /// A cooperative, or none.
    Cooperative(Option<CooperativeId>),
    Back,
}

impl ButtonCode for JoiningButton {
    const HEADS: &'static [&'static str] = &["c", "n", "g", "k", "b"];

    fn encode(&self) -> String {
        match self {
            Self::Consent(yes) => format!("c:{}", if *yes { 'y' } else { 'n' }),
            Self::ConsentInFull => "c:m".to_owned(),
            Self::SuggestedName => "n".to_owned(),
            Self::Gender(g) => format!("g:{}", g.code()),
            Self::Cooperative(Some(id)) => format!("k:{id}"),
            Self::Cooperative(None) => "k:-".to_owned(),
            Self::Back => "b".to_owned(),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        Some(match (head, rest) {
            ("c", ["y"]) => Self::Consent(true),
            ("c", ["n"]) => Self::Consent(false),
            ("c", ["m"]) => Self::ConsentInFull,
            ("n", []) => Self::SuggestedName,
            ("g", [code]) => Self::Gender(code.parse().ok()?),
            ("k", [id]) => Self::Cooperative(codes::opt_id(id)?),
            ("b", []) => Self::Back,
            _ => return None,
        })
    }
}

/// Wrong invite codes allowed per Telegram user within [`GUESS_WINDOW_MINUTES`].
pub const MAX_WRONG_CODES: i64 = 5;
pub const GUESS_WINDOW_MINUTES: i64 = 10;

/// Who the joining messages are written for: the language chosen, and the gender once given.
fn o_reader(o: &Onboarding) -> Reader {
    Reader::new(o.locale, o.gender)
}

fn problem_text(i18n: &I18n, locale: Reader, problem: InviteProblem) -> String {
    match problem {
        InviteProblem::Unknown => tr!(i18n, locale, "start-invalid-code"),
        InviteProblem::Expired => tr!(i18n, locale, "start-expired"),
        InviteProblem::UsedUp => tr!(i18n, locale, "start-used-up"),
    }
}

/// `/start` with or without an invite code.
pub async fn start(bot: &Bot, app: &App, caller: &Caller, payload: &str) -> HandlerResult {
    if payload.is_empty() {
        if let Some(Dialogue::Onboarding(o)) = app.store.dialogue(caller.chat_id.0).await? {
            return resend(bot, app, caller.chat_id, &o).await;
        }
        if caller.member.is_some() {
            return menu::send_menu(bot, app, caller).await;
        }
        bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "start-no-code")).await?;
        return Ok(());
    }
    // Guessing codes is slowed down: after a few wrong ones, no code is even looked up.
    let user_id = caller.user.id.0 as i64;
    if app.store.failed_invites(user_id, Duration::minutes(GUESS_WINDOW_MINUTES)).await? >= MAX_WRONG_CODES {
        bot.send_message(
            caller.chat_id,
            tr!(app.i18n, caller.reader(), "start-too-many", minutes = GUESS_WINDOW_MINUTES),
        )
        .await?;
        return Ok(());
    }
    let invite = match InviteCode::parse(payload) {
        Some(code) => app.store.invite_by_code(&code).await?,
        None => None,
    };
    if invite.is_none() {
        app.store.record_failed_invite(user_id, Duration::minutes(GUESS_WINDOW_MINUTES)).await?;
    }
    let checked =
        invite.ok_or(InviteProblem::Unknown).and_then(|i| i.check_usable(crate::store::now()).map(|()| i));
    let invite = match checked {
        Ok(invite) => invite,
        Err(problem) => {
            bot.send_message(caller.chat_id, problem_text(&app.i18n, caller.reader(), problem)).await?;
            return Ok(());
        }
    };
    join_with(bot, app, caller, invite).await
}

/// Joining again after the saved joining dialogue was lost (an upgrade changed its shape):
/// the same invite, from its first step, if it can still be used.
pub async fn rejoin(bot: &Bot, app: &App, caller: &Caller, invite_id: InviteId) -> HandlerResult {
    let invite = match app.store.invite(invite_id).await {
        Ok(invite) => invite,
        Err(StoreError::NotFound(_)) => {
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "start-no-code")).await?;
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    if let Err(problem) = invite.check_usable(crate::store::now()) {
        bot.send_message(caller.chat_id, problem_text(&app.i18n, caller.reader(), problem)).await?;
        return Ok(());
    }
    join_with(bot, app, caller, invite).await
}

/// A usable invite: a member joins its cluster at once; anyone else starts joining.
async fn join_with(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    invite: crate::domain::invite::Invite,
) -> HandlerResult {
    let cluster = app.store.cluster(invite.cluster_id).await?;

    if let Some(member) = &caller.member {
        let text = match app.store.add_membership(member.member_id, invite.invite_id).await? {
            Redeemed::AddedCluster => tr!(
                app.i18n,
                caller.reader(),
                "start-added-cluster",
                cluster = cluster.name.clone(),
                role = menu::role_name(&app.i18n, caller.reader(), invite.role)
            ),
            Redeemed::Refused(problem) => problem_text(&app.i18n, caller.reader(), problem),
            Redeemed::AlreadyInCluster | Redeemed::Joined(_) => {
                tr!(app.i18n, caller.reader(), "start-already-member", cluster = cluster.name.clone())
            }
        };
        bot.send_message(caller.chat_id, text).await?;
        let caller = app.caller(&caller.user, caller.chat_id).await?;
        super::publish_member_commands(bot, app, &caller, caller.locale, caller.role()).await;
        return menu::send_menu(bot, app, &caller).await;
    }

    let locale = Locale::negotiate(None, caller.user.language_code.as_deref(), Some(cluster.locale));
    let asks_cooperative = invite.role.belongs_to_cooperative()
        && invite.cooperative_id.is_none()
        && !app.store.cooperatives(cluster.cluster_id).await?.is_empty();
    let suggested = parse_display_name(&caller.user.full_name());
    let onboarding = Onboarding::new(invite.invite_id, locale, suggested, asks_cooperative);
    save_and_ask(bot, app, caller.chat_id, onboarding).await
}

async fn save_and_ask(bot: &Bot, app: &App, chat_id: ChatId, onboarding: Onboarding) -> HandlerResult {
    app.store.set_dialogue(chat_id.0, &Dialogue::Onboarding(onboarding.clone())).await?;
    resend(bot, app, chat_id, &onboarding).await
}

/// Sends the question of the step the onboarding is at.
pub async fn resend(bot: &Bot, app: &App, chat_id: ChatId, o: &Onboarding) -> HandlerResult {
    let (l, i18n) = (o_reader(o), &app.i18n);
    let back = || vec![button(tr!(i18n, l, "btn-back"), JoiningButton::Back)];
    let invite = app.store.invite(o.invite_id).await?;
    // The invite may have been used up, revoked or expired since `/start`: say so now,
    // before the person answers more questions for nothing (joining checks it again, atomically).
    if let Err(problem) = invite.check_usable(crate::store::now()) {
        app.store.clear_dialogue(chat_id.0).await?;
        bot.send_message(chat_id, problem_text(i18n, l, problem)).await?;
        return Ok(());
    }
    let cluster = app.store.cluster(invite.cluster_id).await?;
    let (text, keyboard) = match o.step {
        Step::Language => (
            format!(
                "{}\n\n{}",
                tr!(i18n, l, "onboarding-welcome", cluster = cluster.name.clone()),
                tr!(i18n, l, "lang-choose")
            ),
            keyboards::languages(),
        ),
        // The consent in about 200 characters; "ℹ️ More" shows it in full.
        Step::Consent => (
            tr!(i18n, l, "consent-short", cluster = cluster.name.clone()),
            InlineKeyboardMarkup::new([
                consent_buttons(i18n, l),
                vec![button(tr!(i18n, l, "btn-more"), JoiningButton::ConsentInFull)],
                back(),
            ]),
        ),
        Step::Name => match &o.suggested_name {
            Some(name) => (
                format!("{}\n{}", tr!(i18n, l, "name-ask"), tr!(i18n, l, "name-voice-hint")),
                InlineKeyboardMarkup::new([
                    vec![button(format!("✅ {name}"), JoiningButton::SuggestedName)],
                    back(),
                ]),
            ),
            None => (
                format!("{}\n{}", tr!(i18n, l, "name-ask-type"), tr!(i18n, l, "name-voice-hint")),
                InlineKeyboardMarkup::new([back()]),
            ),
        },
        Step::Gender => (
            tr!(i18n, l, "gender-ask"),
            InlineKeyboardMarkup::new([
                vec![
                    button(tr!(i18n, l, "btn-woman"), JoiningButton::Gender(Gender::Woman)),
                    button(tr!(i18n, l, "btn-man"), JoiningButton::Gender(Gender::Man)),
                ],
                vec![button(tr!(i18n, l, "btn-undisclosed"), JoiningButton::Gender(Gender::Undisclosed))],
                back(),
            ]),
        ),
        Step::Cooperative => {
            let coops = app.store.cooperatives(cluster.cluster_id).await?;
            let mut buttons: Vec<_> = coops
                .iter()
                .map(|c| button(format!("🏠 {}", c.name), JoiningButton::Cooperative(Some(c.cooperative_id))))
                .collect();
            if !invite.role.cooperative_required() {
                buttons.push(button(tr!(i18n, l, "btn-no-coop"), JoiningButton::Cooperative(None)));
            }
            let mut keyboard = keyboards::column(buttons);
            keyboard = keyboard.append_row(back());
            (tr!(i18n, l, "coop-ask"), keyboard)
        }
    };
    // Everything a newcomer reads while joining can be heard (the language step names each
    // language in itself).
    let keyboard =
        if o.step == Step::Language { keyboard } else { super::speak::with_speak(app, l, keyboard) };
    bot.send_message(chat_id, text).reply_markup(keyboard).await?;
    Ok(())
}

fn consent_buttons(
    i18n: &crate::i18n::I18n,
    l: crate::i18n::Reader,
) -> Vec<teloxide::types::InlineKeyboardButton> {
    vec![
        button(tr!(i18n, l, "btn-agree"), JoiningButton::Consent(true)),
        button(tr!(i18n, l, "btn-decline"), JoiningButton::Consent(false)),
    ]
}

/// The consent in full, after "ℹ️ More", with the same answers.
async fn send_consent_in_full(bot: &Bot, app: &App, caller: &Caller, o: &Onboarding) -> HandlerResult {
    let (i18n, l) = (&app.i18n, o_reader(o));
    let invite = app.store.invite(o.invite_id).await?;
    let cluster = app.store.cluster(invite.cluster_id).await?;
    let keyboard = InlineKeyboardMarkup::new([
        consent_buttons(i18n, l),
        vec![button(tr!(i18n, l, "btn-back"), JoiningButton::Back)],
    ]);
    bot.send_message(caller.chat_id, tr!(i18n, l, "consent-ask", cluster = cluster.name))
        .reply_markup(super::speak::with_speak(app, l, keyboard))
        .await?;
    Ok(())
}

/// `/language` in the middle of joining: go back to the language question.
pub async fn to_language_step(bot: &Bot, app: &App, caller: &Caller, mut o: Onboarding) -> HandlerResult {
    o.step = Step::Language;
    save_and_ask(bot, app, caller.chat_id, o).await
}

/// Text, stickers, photos, voice notes… while a step is waiting.
pub async fn on_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    mut o: Onboarding,
    msg: &Message,
) -> HandlerResult {
    if o.step == Step::Name {
        if let Some(name) = msg.text().and_then(parse_display_name) {
            o.name = Some(name);
            o.name_voice = None;
            return advance(bot, app, caller, o).await;
        }
        // A name said in a voice note: kept for the CDAs, who hear it and can write it down
        // (a transcript writes it when transcription is on).
        if let Some(voice) = msg.voice() {
            match super::media::store(bot, app, &voice.file, "voice", "ogg").await? {
                Ok(id) => {
                    o.name = None;
                    o.name_voice = Some(id);
                    bot.send_message(caller.chat_id, tr!(app.i18n, o_reader(&o), "name-voice-kept")).await?;
                    return advance(bot, app, caller, o).await;
                }
                Err(super::media::TooBig) => {
                    bot.send_message(caller.chat_id, tr!(app.i18n, o_reader(&o), "form-file-too-big"))
                        .await?;
                    return resend(bot, app, caller.chat_id, &o).await;
                }
            }
        }
        let text = if msg.text().is_some() {
            tr!(app.i18n, o_reader(&o), "name-invalid")
        } else {
            tr!(app.i18n, o_reader(&o), "reask-name")
        };
        bot.send_message(caller.chat_id, text).await?;
    } else {
        bot.send_message(caller.chat_id, tr!(app.i18n, o_reader(&o), "reask-buttons")).await?;
    }
    resend(bot, app, caller.chat_id, &o).await
}

/// What may be pressed while joining: a joining button, or a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoiningPress {
    Joining(JoiningButton),
    Language(Locale),
}

impl JoiningPress {
    pub fn decode(data: &str) -> Option<Self> {
        JoiningButton::decode(data)
            .map(Self::Joining)
            .or_else(|| LanguageButton::decode(data).map(|l| Self::Language(l.0)))
    }
}

/// A button pressed while joining. Buttons of an earlier step (or another message) are
/// answered as expired; the language buttons work at any step.
pub async fn on_callback(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    mut o: Onboarding,
    q: &CallbackQuery,
    press: JoiningPress,
) -> Result<Option<String>, BotError> {
    use JoiningPress::{Joining, Language};
    match (o.step, press) {
        (step, Language(locale)) => {
            o.locale = locale;
            let next = async {
                if step == Step::Language {
                    advance(bot, app, caller, o).await
                } else {
                    save_and_ask(bot, app, caller.chat_id, o).await
                }
            };
            tokio::join!(keyboards::done_with(bot, q), next).1?;
        }
        (Step::Consent, Joining(JoiningButton::Consent(true))) => {
            tokio::join!(keyboards::done_with(bot, q), advance(bot, app, caller, o)).1?;
        }
        (Step::Consent, Joining(JoiningButton::ConsentInFull)) => {
            tokio::join!(keyboards::clear(bot, q), send_consent_in_full(bot, app, caller, &o)).1?;
        }
        (Step::Consent, Joining(JoiningButton::Consent(false))) => {
            keyboards::clear(bot, q).await;
            app.store.record_consent_refusal(o.invite_id).await?;
            app.store.clear_dialogue(caller.chat_id.0).await?;
            bot.send_message(caller.chat_id, tr!(app.i18n, o_reader(&o), "consent-declined")).await?;
        }
        (Step::Name, Joining(JoiningButton::SuggestedName)) if o.suggested_name.is_some() => {
            o.name = o.suggested_name.clone();
            o.name_voice = None;
            tokio::join!(keyboards::done_with(bot, q), advance(bot, app, caller, o)).1?;
        }
        (Step::Gender, Joining(JoiningButton::Gender(gender))) => {
            o.gender = Some(gender);
            tokio::join!(keyboards::done_with(bot, q), advance(bot, app, caller, o)).1?;
        }
        (Step::Cooperative, Joining(JoiningButton::Cooperative(choice))) => {
            let invite = app.store.invite(o.invite_id).await?;
            let valid = match choice {
                Some(id) => {
                    app.store.cooperatives(invite.cluster_id).await?.iter().any(|c| c.cooperative_id == id)
                }
                None => !invite.role.cooperative_required(),
            };
            if !valid {
                return Ok(Some(tr!(app.i18n, o_reader(&o), "button-expired")));
            }
            keyboards::clear(bot, q).await;
            finish(bot, app, caller, o, choice).await?;
        }
        (_, Joining(JoiningButton::Back)) => {
            let Some(previous) = o.previous() else {
                return Ok(Some(tr!(app.i18n, o_reader(&o), "button-expired")));
            };
            keyboards::clear(bot, q).await;
            o.step = previous;
            save_and_ask(bot, app, caller.chat_id, o).await?;
        }
        _ => {
            keyboards::clear(bot, q).await;
            return Ok(Some(tr!(app.i18n, o_reader(&o), "button-expired")));
        }
    }
    Ok(None)
}

async fn advance(bot: &Bot, app: &App, caller: &Caller, mut o: Onboarding) -> HandlerResult {
    match o.next() {
        Next::Ask(step) => {
            o.step = step;
            save_and_ask(bot, app, caller.chat_id, o).await
        }
        Next::Finish => finish(bot, app, caller, o, None).await,
    }
}

/// Creates the member, in one transaction with the use of the invite.
async fn finish(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    o: Onboarding,
    cooperative_id: Option<CooperativeId>,
) -> HandlerResult {
    let l = o_reader(&o);
    let new = NewMember {
        telegram_user_id: caller.user.id.0 as i64,
        chat_id: caller.chat_id.0,
        // Cleaned again: a dialogue saved by an earlier version may hold an uncleaned name.
        // A name said in a voice note has no written form until a CDA or a transcript gives it.
        display_name: match (&o.name, o.name_voice) {
            (None, Some(_)) => String::new(),
            _ => o
                .name
                .as_deref()
                .or(o.suggested_name.as_deref())
                .and_then(parse_display_name)
                .unwrap_or_default(),
        },
        locale: l.locale,
        gender: o.gender,
        cooperative_id,
    };
    let outcome = match app.store.join(o.invite_id, &new).await {
        Err(StoreError::Duplicate(_)) => Redeemed::AlreadyInCluster,
        other => other?,
    };
    app.store.clear_dialogue(caller.chat_id.0).await?;
    match outcome {
        Redeemed::Joined(member) => {
            if let Some(voice) = o.name_voice {
                app.store.set_name_voice(member.member_id, voice).await?;
            }
            let invite = app.store.invite(o.invite_id).await?;
            let cluster = app.store.cluster(invite.cluster_id).await?;
            let text = tr!(
                app.i18n,
                l,
                "onboarding-done",
                name = super::ask::shown_name(Some(&new.display_name), o.name_voice.is_some()),
                cluster = cluster.name,
                role = menu::role_name(&app.i18n, l, invite.role)
            );
            bot.send_message(caller.chat_id, text).await?;
        }
        Redeemed::Refused(problem) => {
            bot.send_message(caller.chat_id, problem_text(&app.i18n, l, problem)).await?;
            return Ok(());
        }
        Redeemed::AlreadyInCluster | Redeemed::AddedCluster => {}
    }
    let caller = app.caller(&caller.user, caller.chat_id).await?;
    // Their command menu is published while the main menu is shown.
    let commands = super::publish_member_commands(bot, app, &caller, caller.locale, caller.role());
    tokio::join!(commands, menu::send_menu(bot, app, &caller)).1
}

/// Messages while joining: the answer to the current step.
pub fn replies() -> UpdateHandler<BotError> {
    super::dialogue_replies(
        |d| match d {
            Dialogue::Onboarding(o) => Some(o.clone()),
            _ => None,
        },
        |s: Said, o| async move { on_message(&s.bot, &s.app, &s.caller, o, &s.msg).await },
    )
}

/// Joining's command.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum JoiningCommand {
    /// `/start` or `/start <invite code>` (what a t.me deep link sends).
    Start(String),
}

impl JoiningCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        _role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        vec![BotCommand::new("start", tr!(i18n, l, "cmd-start"))]
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: JoiningCommand) -> HandlerResult {
    match cmd {
        JoiningCommand::Start(payload) => start(bot, app, caller, payload.trim()).await,
    }
}

/// A command while joining: joining holds commands back. Help, the language and "what is
/// stored" are answered, then the step is asked again; /forget ends joining; anything
/// else asks to finish joining first. (`/start` goes to [`start`].)
pub async fn while_joining(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    o: Onboarding,
    account: Option<AccountCommand>,
) -> HandlerResult {
    match account {
        Some(AccountCommand::Help) => {
            account::send_help(bot, app, caller).await?;
            resend(bot, app, caller.chat_id, &o).await
        }
        Some(AccountCommand::Language) => to_language_step(bot, app, caller, o).await,
        Some(AccountCommand::Mydata) if caller.member.is_none() => {
            // A joining dialogue is not member data: nothing is stored.
            bot.send_message(caller.chat_id, tr!(app.i18n, o_reader(&o), "mydata-none")).await?;
            resend(bot, app, caller.chat_id, &o).await
        }
        Some(AccountCommand::Forget) if caller.member.is_none() => {
            // Nothing is stored yet but the dialogue itself.
            app.store.clear_dialogue(caller.chat_id.0).await?;
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "forget-nothing")).await?;
            Ok(())
        }
        _ => {
            bot.send_message(caller.chat_id, tr!(app.i18n, o_reader(&o), "onboarding-finish-first")).await?;
            resend(bot, app, caller.chat_id, &o).await
        }
    }
}

#[cfg(test)]
mod button_tests {
    use super::*;

    #[test]
    fn joining_buttons_round_trip_and_refuse_junk() {
        let mut all = vec![
            JoiningButton::Consent(true),
            JoiningButton::Consent(false),
            JoiningButton::SuggestedName,
            JoiningButton::Cooperative(Some(CooperativeId(i64::MAX))),
            JoiningButton::Cooperative(None),
            JoiningButton::Back,
        ];
        all.extend(Gender::ALL.map(JoiningButton::Gender));
        codes::assert_codes(&all, &["", "c:maybe", "k:abc", &"k:1".repeat(30), "g:x", "n:1", "b:1"]);
        assert_eq!(JoiningPress::decode("l:ar"), Some(JoiningPress::Language(Locale::Ar)));
    }
}
