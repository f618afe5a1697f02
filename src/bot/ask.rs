//! A line to a person. "🙋 Ask my CDA" in a member's menu: the next message, typed or
//! spoken, goes to the CDAs of the member's cluster through the outbox, with the member's
//! name and cooperative; a CDA answers by replying to it in Telegram, and the answer reaches
//! the member through the outbox too. A voice note a member sends outside any dialogue is a
//! question as well. Nothing is lost when no CDA can be reached: `/questions` lists what
//! was asked, answered or not, and lets a CDA answer from there.
//!
//! Names said in a voice note while joining are here too: `/names` lists those members for
//! their CDAs, who can hear each name and type it.

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{BotCommand, InlineKeyboardMarkup, InputFile};
use teloxide::utils::command::BotCommands;

use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, Said, media, menu};
use crate::domain::access::Act;
use crate::domain::ids::{ClusterId, MediaId, MemberId, QuestionId};
use crate::domain::member::parse_display_name;
use crate::domain::onboarding::Dialogue;
use crate::domain::text::clean_text;
use crate::i18n::{I18n, Reader};
use crate::store::Question;
use crate::tr;

/// The buttons of this feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskButton {
    /// Stop asking: back to the menu.
    Cancel,
    /// A CDA hears a question's voice note.
    Hear(QuestionId),
    /// A CDA answers a question from `/questions`: it is sent again, to be replied to.
    Answer(QuestionId),
    /// A CDA hears how a member said their name.
    HearName(MemberId),
    /// A CDA types that member's name.
    TypeName(MemberId),
}

impl ButtonCode for AskButton {
    const HEADS: &'static [&'static str] = &["ak", "ah", "aw", "an", "ay"];

    fn encode(&self) -> String {
        use codes::b36;
        match self {
            Self::Cancel => "ak".to_owned(),
            Self::Hear(id) => format!("ah:{}", b36(*id)),
            Self::Answer(id) => format!("aw:{}", b36(*id)),
            Self::HearName(id) => format!("an:{}", b36(*id)),
            Self::TypeName(id) => format!("ay:{}", b36(*id)),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        use codes::from_b36;
        Some(match (head, rest) {
            ("ak", []) => Self::Cancel,
            ("ah", [id]) => Self::Hear(from_b36(id)?),
            ("aw", [id]) => Self::Answer(from_b36(id)?),
            ("an", [id]) => Self::HearName(from_b36(id)?),
            ("ay", [id]) => Self::TypeName(from_b36(id)?),
            _ => return None,
        })
    }
}

/// How a member's name shows to a CDA: with 🎤 when they said it in a voice note (alone
/// while nobody has written it yet), "—" once forgotten.
pub fn shown_name(name: Option<&str>, spoken: bool) -> String {
    match (name.map(str::trim).filter(|n| !n.is_empty()), spoken) {
        (Some(n), true) => format!("🎤 {n}"),
        (Some(n), false) => n.to_owned(),
        (None, true) => "🎤".to_owned(),
        (None, false) => "—".to_owned(),
    }
}

/// Who asked, as the CDA reads it: name and cooperative.
fn who(q: &Question) -> String {
    let name = shown_name(q.display_name.as_deref(), q.name_spoken);
    match &q.cooperative_name {
        Some(coop) => format!("{name} · 🏠 {coop}"),
        None => name,
    }
}

/// The cluster a member asks in: the first where they are not a CDA.
fn asking_cluster(caller: &Caller) -> Option<ClusterId> {
    caller.memberships.iter().find(|m| !m.role.is_cda()).or(caller.memberships.first()).map(|m| m.cluster_id)
}

/// "🙋 Ask my CDA": the next message goes to the CDAs.
pub async fn start(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let Some(cluster_id) = asking_cluster(caller) else { return Err(BotError::NotAllowed) };
    app.store.set_dialogue(caller.chat_id.0, &Dialogue::AskCda { cluster_id }).await?;
    prompt(bot, app, caller).await
}

async fn prompt(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "ask-prompt"))
        .reply_markup(InlineKeyboardMarkup::new([vec![button(
            tr!(app.i18n, l, "btn-back"),
            AskButton::Cancel,
        )]]))
        .await?;
    Ok(())
}

/// What a message asks: its text, or its voice note (downloaded). `None`: neither.
async fn asked(
    bot: &Bot,
    app: &App,
    msg: &Message,
) -> Result<Option<(Option<String>, Option<MediaId>)>, BotError> {
    if let Some(text) = msg.text().map(clean_text).filter(|t| !t.is_empty() && !t.starts_with('/')) {
        return Ok(Some((Some(text), None)));
    }
    if let Some(voice) = msg.voice() {
        return Ok(match media::store(bot, app, &voice.file, "voice", "ogg").await? {
            Ok(id) => Some((None, Some(id))),
            Err(media::TooBig) => None,
        });
    }
    Ok(None)
}

/// The member's message while asking.
pub async fn on_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    cluster_id: ClusterId,
    msg: &Message,
) -> HandlerResult {
    match asked(bot, app, msg).await? {
        Some((body, media)) => send_question(bot, app, caller, cluster_id, body, media).await,
        None => prompt(bot, app, caller).await,
    }
}

/// A voice note a member sends outside any dialogue: a question to their CDA.
pub async fn voice_outside(bot: &Bot, app: &App, caller: &Caller, msg: &Message) -> HandlerResult {
    let Some(cluster_id) = asking_cluster(caller) else {
        return menu::not_understood(bot, app, caller).await;
    };
    match asked(bot, app, msg).await? {
        Some((body, media)) => send_question(bot, app, caller, cluster_id, body, media).await,
        None => {
            bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "form-file-too-big")).await?;
            Ok(())
        }
    }
}

async fn send_question(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    cluster_id: ClusterId,
    body: Option<String>,
    media: Option<MediaId>,
) -> HandlerResult {
    let Some(member) = &caller.member else { return Err(BotError::NotAllowed) };
    if !caller.memberships.iter().any(|m| m.cluster_id == cluster_id) {
        return Err(BotError::NotAllowed);
    }
    let asked = app.store.ask_cda(cluster_id, member.member_id, body.as_deref(), media).await?;
    if matches!(app.store.dialogue(caller.chat_id.0).await?, Some(Dialogue::AskCda { .. })) {
        app.store.clear_dialogue(caller.chat_id.0).await?;
    }
    // Kept either way: without a CDA to write to, `/questions` shows it.
    let text = if asked.cdas > 0 {
        tr!(app.i18n, caller.reader(), "ask-sent")
    } else {
        tr!(app.i18n, caller.reader(), "ask-kept")
    };
    bot.send_message(caller.chat_id, text).await?;
    Ok(())
}

/// The question as a CDA receives it (from the outbox, or again from `/questions`): the
/// words, and the voice note to send with them as its caption.
pub fn question_message(i18n: &I18n, l: Reader, q: &Question) -> (String, Option<String>) {
    let mut lines = vec![tr!(i18n, l, "ask-question", who = who(q), cluster = q.cluster_name.clone())];
    if let Some(body) = &q.body {
        lines.push(format!("💬 {body}"));
    }
    if let Some(t) = q.transcript.as_deref().filter(|t| !t.trim().is_empty()) {
        lines.push(format!("📝 {t}"));
    }
    if q.media_path.is_some() && q.body.is_none() && q.transcript.is_none() {
        lines.push(tr!(i18n, l, "ask-question-voice"));
    }
    lines.push(tr!(i18n, l, "ask-reply-hint"));
    let text: String = i18n
        .lines(l, &lines.join("\n"))
        .chars()
        .take(if q.media_path.is_some() { 1024 } else { 4000 })
        .collect();
    (text, q.media_path.clone())
}

/// A CDA's answer as the member receives it.
pub fn answer_message(i18n: &I18n, l: Reader, q: &Question) -> (String, Option<String>) {
    let cda = q.answered_by.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "—".into());
    let mut lines = vec![tr!(i18n, l, "ask-answer", cda = cda)];
    if let Some(body) = &q.answer_body {
        lines.push(format!("💬 {body}"));
    }
    let text: String = i18n
        .lines(l, &lines.join("\n"))
        .chars()
        .take(if q.answer_media_path.is_some() { 1024 } else { 4000 })
        .collect();
    (text, q.answer_media_path.clone())
}

/// Whether a CDA's message replies to a message that carried a question.
pub async fn replies_to_question(s: &Said) -> bool {
    let Some(original) = s.msg.reply_to_message() else { return false };
    s.caller.is_cda()
        && !matches!(s.dialogue, Some(Dialogue::Onboarding(_)))
        && matches!(
            s.app.store.question_by_message(s.caller.chat_id.0, i64::from(original.id.0)).await,
            Ok(Some(_))
        )
}

/// A CDA's reply to a question: the answer goes to the member.
pub async fn on_reply(bot: &Bot, app: &App, caller: &Caller, msg: &Message) -> HandlerResult {
    let l = caller.reader();
    let (Some(member), Some(original)) = (&caller.member, msg.reply_to_message()) else {
        return Err(BotError::NoLongerActive);
    };
    let Some(question_id) = app.store.question_by_message(caller.chat_id.0, i64::from(original.id.0)).await?
    else {
        return Err(BotError::NoLongerActive);
    };
    let q = app.store.question(question_id).await?;
    caller.require(Act::Coordinate, q.cluster_id)?;
    let Some((body, media)) = asked(bot, app, msg).await? else {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "ask-answer-how")).await?;
        return Ok(());
    };
    app.store.answer_question(question_id, member.member_id, body.as_deref(), media).await?;
    let name = shown_name(q.display_name.as_deref(), q.name_spoken);
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "ask-answer-sent", name = name))
        .reply_parameters(teloxide::types::ReplyParameters::new(msg.id))
        .await?;
    Ok(())
}

/// `/questions`: what members asked in the working cluster, waiting ones first.
pub async fn list(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let Some((cluster_id, cluster_name)) = super::notes::working_cluster(app, caller).await? else {
        return Err(BotError::NotAllowed);
    };
    let questions = app.store.questions(cluster_id, 20).await?;
    let tz = app.store.cluster(cluster_id).await?.tz();
    let mut lines = vec![tr!(app.i18n, l, "questions-title", cluster = cluster_name)];
    if questions.is_empty() {
        lines.push(tr!(app.i18n, l, "questions-none"));
    }
    let mut rows = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let n = i + 1;
        let status = match &q.answered_by {
            Some(cda) if q.answered_at.is_some() => tr!(app.i18n, l, "question-answered", cda = cda.clone()),
            _ if q.answered_at.is_some() => tr!(app.i18n, l, "question-answered", cda = "—"),
            _ => tr!(app.i18n, l, "question-waiting"),
        };
        let said = q
            .body
            .clone()
            .or_else(|| q.transcript.clone().map(|t| format!("🎤 {t}")))
            .or_else(|| q.media_path.as_ref().map(|_| "🎤".to_owned()))
            .unwrap_or_else(|| "—".into());
        let said: String = said.chars().take(200).collect();
        lines.push(format!(
            "{n}. {} · {}\n   {said}\n   {status}",
            super::meetings::when(&app.i18n, l, q.created_at, tz),
            who(q)
        ));
        let mut row = Vec::new();
        if q.media_path.is_some() {
            row.push(button(format!("🎤 {n}"), AskButton::Hear(q.question_id)));
        }
        row.push(button(crate::i18n::arrows(l, &format!("↩️ {n}")), AskButton::Answer(q.question_id)));
        rows.push(row);
    }
    let text: String = app.i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    bot.send_message(caller.chat_id, text).reply_markup(InlineKeyboardMarkup::new(rows)).await?;
    Ok(())
}

/// `/names`: members who said their name in a voice note, to hear and write down.
pub async fn names(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let Some((cluster_id, cluster_name)) = super::notes::working_cluster(app, caller).await? else {
        return Err(BotError::NotAllowed);
    };
    let spoken = app.store.spoken_names(cluster_id).await?;
    let mut lines = vec![tr!(app.i18n, l, "names-title", cluster = cluster_name)];
    if spoken.is_empty() {
        lines.push(tr!(app.i18n, l, "names-none"));
    }
    let mut rows = Vec::new();
    for (i, m) in spoken.iter().enumerate().take(keyboards::MAX_BUTTONS / 2) {
        let n = i + 1;
        let name = shown_name(m.display_name.as_deref(), true);
        let coop = m.cooperative_name.as_ref().map(|c| format!(" · 🏠 {c}")).unwrap_or_default();
        lines.push(format!("{n}. {name}{coop}"));
        rows.push(vec![
            button(format!("🎤 {n}"), AskButton::HearName(m.member_id)),
            button(format!("✍️ {n}"), AskButton::TypeName(m.member_id)),
        ]);
    }
    let text: String = app.i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    bot.send_message(caller.chat_id, text).reply_markup(InlineKeyboardMarkup::new(rows)).await?;
    Ok(())
}

/// Whether the caller may see this member's data as a CDA.
async fn require_cda_of(app: &App, caller: &Caller, member_id: MemberId) -> Result<(), BotError> {
    let clusters = app.store.memberships(member_id).await?;
    if clusters.iter().any(|m| caller.can(Act::Coordinate, m.cluster_id)) {
        Ok(())
    } else {
        Err(BotError::NotAllowed)
    }
}

pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: AskButton,
) -> Result<Option<String>, BotError> {
    let l = caller.reader();
    match b {
        AskButton::Cancel => {
            keyboards::clear(bot, q).await;
            if matches!(app.store.dialogue(caller.chat_id.0).await?, Some(Dialogue::AskCda { .. })) {
                app.store.clear_dialogue(caller.chat_id.0).await?;
            }
            menu::send_menu(bot, app, caller).await?;
        }
        AskButton::Hear(id) => {
            let question = app.store.question(id).await?;
            caller.require(Act::Coordinate, question.cluster_id)?;
            let Some(path) = &question.media_path else { return Err(BotError::NoLongerActive) };
            let (caption, _) = question_message(&app.i18n, l, &question);
            let sent = bot
                .send_voice(caller.chat_id, InputFile::file(app.data_dir.join(path)))
                .caption(caption)
                .await?;
            app.store.question_message(id, caller.chat_id.0, i64::from(sent.id.0)).await?;
        }
        AskButton::Answer(id) => {
            let question = app.store.question(id).await?;
            caller.require(Act::Coordinate, question.cluster_id)?;
            let (text, voice) = question_message(&app.i18n, l, &question);
            let sent = match voice {
                Some(path) => {
                    bot.send_voice(caller.chat_id, InputFile::file(app.data_dir.join(path)))
                        .caption(text)
                        .await?
                }
                None => bot.send_message(caller.chat_id, text).await?,
            };
            app.store.question_message(id, caller.chat_id.0, i64::from(sent.id.0)).await?;
        }
        AskButton::HearName(member_id) => {
            require_cda_of(app, caller, member_id).await?;
            let m = app.store.member(member_id).await?;
            let Some(media) = m.name_media_file_id else { return Err(BotError::NoLongerActive) };
            let Some(path) = app.store.media_path(media).await? else {
                return Err(BotError::NotFound("voice note"));
            };
            let caption = shown_name(m.display_name.as_deref(), true);
            bot.send_voice(caller.chat_id, InputFile::file(app.data_dir.join(path))).caption(caption).await?;
        }
        AskButton::TypeName(member_id) => {
            require_cda_of(app, caller, member_id).await?;
            app.store.set_dialogue(caller.chat_id.0, &Dialogue::MemberName { member_id }).await?;
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "names-type")).await?;
        }
    }
    Ok(None)
}

/// A CDA typing a member's name.
async fn on_name(bot: &Bot, app: &App, caller: &Caller, member_id: MemberId, msg: &Message) -> HandlerResult {
    let l = caller.reader();
    require_cda_of(app, caller, member_id).await?;
    let Some(name) = msg.text().and_then(parse_display_name) else {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "names-type")).await?;
        return Ok(());
    };
    app.store.clear_dialogue(caller.chat_id.0).await?;
    if !app.store.set_display_name(member_id, &name).await? {
        return Err(BotError::NotFound("member"));
    }
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "names-saved", name = name)).await?;
    Ok(())
}

/// Messages while asking, and while a CDA types a name.
pub fn replies() -> UpdateHandler<BotError> {
    dptree::entry()
        .branch(super::dialogue_replies(
            |d| match d {
                Dialogue::AskCda { cluster_id } => Some(*cluster_id),
                _ => None,
            },
            |s: Said, cluster_id| async move { on_message(&s.bot, &s.app, &s.caller, cluster_id, &s.msg).await },
        ))
        .branch(super::dialogue_replies(
            |d| match d {
                Dialogue::MemberName { member_id } => Some(*member_id),
                _ => None,
            },
            |s: Said, member_id| async move { on_name(&s.bot, &s.app, &s.caller, member_id, &s.msg).await },
        ))
}

/// This feature's commands.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum AskCommand {
    /// A member: ask the CDA.
    Ask,
    /// A CDA: members' questions.
    Questions,
    /// A CDA: names said by voice.
    Names,
}

impl AskCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(i18n: &I18n, l: Reader, role: Option<crate::domain::Role>) -> Vec<BotCommand> {
        match role {
            Some(r) if r.is_cda() => vec![
                BotCommand::new("questions", tr!(i18n, l, "cmd-questions")),
                BotCommand::new("names", tr!(i18n, l, "cmd-names")),
            ],
            Some(_) => vec![BotCommand::new("ask", tr!(i18n, l, "cmd-ask"))],
            None => Vec::new(),
        }
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: AskCommand) -> HandlerResult {
    match cmd {
        AskCommand::Ask => start(bot, app, caller).await,
        AskCommand::Questions => list(bot, app, caller).await,
        AskCommand::Names => names(bot, app, caller).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ask_buttons_round_trip_and_refuse_junk() {
        codes::assert_codes(
            &[
                AskButton::Cancel,
                AskButton::Hear(QuestionId(i64::MAX)),
                AskButton::Answer(QuestionId(7)),
                AskButton::HearName(MemberId(i64::MAX)),
                AskButton::TypeName(MemberId(3)),
            ],
            &["ak:1", "ah:", "aw:1:2", "an", "ay:x:y"],
        );
    }

    #[test]
    fn a_spoken_name_shows_with_a_microphone() {
        assert_eq!(shown_name(Some("Amina"), true), "🎤 Amina");
        assert_eq!(shown_name(Some(" "), true), "🎤");
        assert_eq!(shown_name(None, false), "—");
        assert_eq!(shown_name(Some("Omar"), false), "Omar");
    }
}
