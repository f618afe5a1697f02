//! Progress reports on joint actions, for members: 📝 Report → the action → its status
//! (one tap; a check-in brings the status buttons straight to the member) → how far along
//! (25/50/75/100 % or a number typed against the target) → recorded, with an ↩️ Undo for a
//! few minutes; notes (text, voice notes, photos) sent right after are attached to it.

use crate::domain::ids::{ActionId, MemberId, ReportId};
use chrono::Duration;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::utils::command::BotCommands;

use super::Said;
use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, media, menu};
use crate::domain::access::Act;
use crate::domain::action::{self, ActionStatus, Blocker, PERCENT_CHOICES};
use crate::domain::form::walk;
use crate::domain::ids::CooperativeId;
use crate::domain::onboarding::Dialogue;
use crate::domain::text::clean_text;
use crate::i18n::{I18n, Reader};
use crate::store::{JointAction, NewReport};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportButton {
    /// Report on this action.
    Pick(ActionId),
    /// One-tap status, from the report flow or a check-in.
    Status(ActionId, crate::domain::action::ActionStatus),
    /// What blocks the action (index in `Blocker::ALL`).
    Blocker(ReportId, u8),
    /// A progress button: percent.
    Percent(ReportId, u8),
    Finish(ReportId),
    Undo(ReportId),
    /// "Yes, it is finished": the confirmed ✅ Done of an action.
    ConfirmDone(ActionId),
}

impl ButtonCode for ReportButton {
    const HEADS: &'static [&'static str] = &["a", "as", "ab", "ap", "af", "au", "ad"];

    fn encode(&self) -> String {
        use codes::b36;
        match self {
            Self::Pick(a) => format!("a:{}", b36(*a)),
            Self::Status(a, s) => format!("as:{}:{}", b36(*a), s.letter()),
            Self::Blocker(r, i) => format!("ab:{}:{i}", b36(*r)),
            Self::Percent(r, p) => format!("ap:{}:{p}", b36(*r)),
            Self::Finish(r) => format!("af:{}", b36(*r)),
            Self::Undo(r) => format!("au:{}", b36(*r)),
            Self::ConfirmDone(a) => format!("ad:{}", b36(*a)),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        use codes::from_b36;
        Some(match (head, rest) {
            ("a", [a]) => Self::Pick(from_b36(a)?),
            ("as", [a, s]) => Self::Status(
                from_b36(a)?,
                crate::domain::action::ActionStatus::from_letter(s.chars().next().filter(|_| s.len() == 1)?)?,
            ),
            ("ab", [r, i]) => Self::Blocker(from_b36(r)?, codes::index_below(i, Blocker::ALL.len())?),
            ("ap", [r, p]) => Self::Percent(from_b36(r)?, codes::offered(p, &PERCENT_CHOICES)?),
            ("af", [r]) => Self::Finish(from_b36(r)?),
            ("au", [r]) => Self::Undo(from_b36(r)?),
            ("ad", [a]) => Self::ConfirmDone(from_b36(a)?),
            _ => return None,
        })
    }
}

/// How long a report can be withdrawn.
pub const UNDO_WINDOW_MINUTES: i64 = 10;

pub fn status_name(i18n: &I18n, l: Reader, s: ActionStatus) -> String {
    let word = match s {
        ActionStatus::NotStarted => tr!(i18n, l, "status-not-started"),
        ActionStatus::OnTrack => tr!(i18n, l, "status-on-track"),
        ActionStatus::Delayed => tr!(i18n, l, "status-delayed"),
        ActionStatus::Blocked => tr!(i18n, l, "status-blocked"),
        ActionStatus::Done => tr!(i18n, l, "status-done"),
    };
    format!("{} {word}", s.emoji())
}

pub fn blocker_name(i18n: &I18n, l: Reader, b: Blocker) -> String {
    match b {
        Blocker::Money => tr!(i18n, l, "blocker-money"),
        Blocker::Inputs => tr!(i18n, l, "blocker-inputs"),
        Blocker::People => tr!(i18n, l, "blocker-people"),
        Blocker::Equipment => tr!(i18n, l, "blocker-equipment"),
        Blocker::Permits => tr!(i18n, l, "blocker-permits"),
        Blocker::Other => tr!(i18n, l, "blocker-other"),
    }
}

/// The five status buttons, one per row so the pictogram and word are easy to hit.
pub fn status_keyboard(i18n: &I18n, l: Reader, action_id: ActionId) -> InlineKeyboardMarkup {
    keyboards::column(
        ActionStatus::ALL.map(|s| button(status_name(i18n, l, s), ReportButton::Status(action_id, s))),
    )
}

/// "📝 Report": the actions this member can report on, not done yet.
pub async fn start(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let Some(member) = &caller.member else { return Ok(()) };
    let mut open: Vec<JointAction> = app
        .store
        .actions_for_member(member.member_id)
        .await?
        .into_iter()
        .filter(|a| a.done_at.is_none())
        .collect();
    app.store.localize_actions(&mut open, l.locale).await?;
    match open.as_slice() {
        [] => {
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "report-no-actions")).await?;
        }
        // One action: straight to its status, one tap saved.
        [only] => ask_status(bot, app, caller, only).await?,
        several => {
            let buttons = several
                .iter()
                .take(30)
                .map(|a| button(format!("🎯 {}", a.title), ReportButton::Pick(a.action_id)));
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "report-choose-action"))
                .reply_markup(keyboards::column(buttons))
                .await?;
        }
    }
    Ok(())
}

pub async fn ask_status(bot: &Bot, app: &App, caller: &Caller, a: &JointAction) -> HandlerResult {
    let l = caller.reader();
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "report-ask-status", action = a.title.clone()))
        .reply_markup(status_keyboard(&app.i18n, l, a.action_id))
        .await?;
    Ok(())
}

/// Whether the member may report on this action (checked on every button).
async fn may_report(app: &App, caller: &Caller, action_id: ActionId) -> Result<bool, BotError> {
    let a = app.store.action(action_id).await?;
    let owners: Vec<CooperativeId> =
        app.store.action_owners(action_id).await?.into_iter().map(|(id, _)| id).collect();
    Ok(caller.member.is_some() && caller.can(Act::Report { cooperatives: &owners }, a.cluster_id))
}

fn percent_keyboard(i18n: &I18n, l: Reader, report_id: ReportId) -> InlineKeyboardMarkup {
    let p = |n: u8| button(action::percent_label(f64::from(n)), ReportButton::Percent(report_id, n));
    let mut rows: Vec<Vec<_>> =
        PERCENT_CHOICES.chunks(3).map(|row| row.iter().map(|n| p(*n)).collect()).collect();
    rows.push(vec![button(tr!(i18n, l, "btn-form-skip"), ReportButton::Finish(report_id))]);
    InlineKeyboardMarkup::new(rows)
}

pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: ReportButton,
) -> Result<Option<String>, BotError> {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let Some(member) = caller.member.clone() else { return Err(BotError::NoLongerActive) };
    match b {
        ReportButton::Pick(action_id) => {
            if !may_report(app, caller, action_id).await? {
                return Err(BotError::NotAllowed);
            }
            keyboards::clear(bot, q).await;
            let a = app.store.action_in(action_id, l.locale).await?;
            if a.done_at.is_some() {
                return Ok(Some(tr!(i18n, l, "report-already-done")));
            }
            ask_status(bot, app, caller, &a).await?;
        }
        ReportButton::Status(action_id, ActionStatus::Done) => {
            // Done closes the action for the whole cooperative: one mistaken tap must not.
            if !may_report(app, caller, action_id).await? {
                return Err(BotError::NotAllowed);
            }
            let a = app.store.action_in(action_id, l.locale).await?;
            keyboards::clear(bot, q).await;
            if a.done_at.is_some() {
                return Ok(Some(tr!(i18n, l, "report-already-done")));
            }
            let keyboard = InlineKeyboardMarkup::new([
                vec![button(tr!(i18n, l, "btn-done-yes"), ReportButton::ConfirmDone(action_id))],
                vec![button(tr!(i18n, l, "btn-done-no"), ReportButton::Pick(action_id))],
            ]);
            bot.send_message(caller.chat_id, tr!(i18n, l, "report-confirm-done", action = a.title.clone()))
                .reply_markup(keyboard)
                .await?;
        }
        ReportButton::ConfirmDone(action_id) => {
            return record_status(bot, app, caller, q, member.member_id, action_id, ActionStatus::Done).await;
        }
        ReportButton::Status(action_id, status) => {
            return record_status(bot, app, caller, q, member.member_id, action_id, status).await;
        }
        ReportButton::Blocker(report_id, index) => {
            let Some(r) = own_report(app, report_id, member.member_id).await? else {
                return Err(BotError::NoLongerActive);
            };
            keyboards::clear(bot, q).await;
            let blocker = Blocker::ALL[usize::from(index).min(Blocker::ALL.len() - 1)];
            app.store.update_report(report_id, None, None, Some(blocker)).await?;
            if blocker == Blocker::Other {
                // "Other" is best explained in their own words: the next note is about it.
                bot.send_message(caller.chat_id, tr!(i18n, l, "report-blocker-explain")).await?;
            }
            let a = app.store.action_in(r.action_id, l.locale).await?;
            ask_progress(bot, app, caller, report_id, &a).await?;
        }
        ReportButton::Percent(report_id, percent) => {
            if own_report(app, report_id, member.member_id).await?.is_none() {
                return Err(BotError::NoLongerActive);
            }
            keyboards::clear(bot, q).await;
            app.store.update_report(report_id, Some(f64::from(percent)), None, None).await?;
            confirm(bot, app, caller, report_id).await?;
        }
        ReportButton::Finish(report_id) => {
            keyboards::clear(bot, q).await;
            if own_report(app, report_id, member.member_id).await?.is_none() {
                return Err(BotError::NoLongerActive);
            }
            match app.store.dialogue(caller.chat_id.0).await? {
                Some(Dialogue::ReportProgress { report_id: r }) if r == report_id => {
                    confirm(bot, app, caller, report_id).await?
                }
                Some(Dialogue::ReportNotes { report_id: r }) if r == report_id => {
                    app.store.clear_dialogue(caller.chat_id.0).await?;
                    menu::send_menu(bot, app, caller).await?;
                }
                // An old Finish button: whatever the chat is doing now stays as it is.
                _ => return Err(BotError::NoLongerActive),
            }
        }
        ReportButton::Undo(report_id) => {
            if own_report(app, report_id, member.member_id).await?.is_none() {
                return Err(BotError::NoLongerActive);
            }
            keyboards::clear(bot, q).await;
            let undone = app
                .store
                .undo_report(report_id, member.member_id, Duration::minutes(UNDO_WINDOW_MINUTES))
                .await?;
            if matches!(app.store.dialogue(caller.chat_id.0).await?, Some(Dialogue::ReportNotes { report_id: r } | Dialogue::ReportProgress { report_id: r }) if r == report_id)
            {
                app.store.clear_dialogue(caller.chat_id.0).await?;
            }
            let text =
                if undone { tr!(i18n, l, "report-undone") } else { tr!(i18n, l, "report-undo-too-late") };
            bot.send_message(caller.chat_id, text).await?;
        }
    }
    Ok(None)
}

/// Records a status tap (Done only once confirmed), then asks what that status needs next.
async fn record_status(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    member_id: MemberId,
    action_id: ActionId,
    status: ActionStatus,
) -> Result<Option<String>, BotError> {
    let (l, i18n) = (caller.reader(), &app.i18n);
    if !may_report(app, caller, action_id).await? {
        return Err(BotError::NotAllowed);
    }
    let a = app.store.action_in(action_id, l.locale).await?;
    // An old status button pressed after the action was finished.
    if a.done_at.is_some() {
        keyboards::clear(bot, q).await;
        return Ok(Some(tr!(i18n, l, "report-already-done")));
    }
    // One report per status message: a double tap is not a second report.
    if let Some(key) = keyboards::once_key(&format!("status{action_id}"), q)
        && !app.store.claim_key(&key).await?
    {
        return Err(BotError::NoLongerActive);
    }
    keyboards::clear(bot, q).await;
    let percent = match status {
        ActionStatus::Done => Some(100.0),
        ActionStatus::NotStarted => Some(0.0),
        _ => None,
    };
    let report_id = app
        .store
        .add_report(&NewReport { action_id, member_id, status, percent, amount: None, blocker: None })
        .await?;
    match status {
        ActionStatus::Blocked => {
            let buttons = Blocker::ALL
                .iter()
                .enumerate()
                .map(|(i, b)| button(blocker_name(i18n, l, *b), ReportButton::Blocker(report_id, i as u8)));
            bot.send_message(caller.chat_id, tr!(i18n, l, "report-ask-blocker"))
                .reply_markup(keyboards::column(buttons))
                .await?;
        }
        ActionStatus::OnTrack | ActionStatus::Delayed => {
            ask_progress(bot, app, caller, report_id, &a).await?
        }
        ActionStatus::Done | ActionStatus::NotStarted => confirm(bot, app, caller, report_id).await?,
    }
    Ok(None)
}

async fn own_report(
    app: &App,
    report_id: ReportId,
    member_id: MemberId,
) -> Result<Option<crate::store::Report>, BotError> {
    match app.store.report(report_id).await {
        Ok(r) if r.member_id == member_id => Ok(Some(r)),
        Ok(_) | Err(crate::store::StoreError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

async fn ask_progress(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    report_id: ReportId,
    a: &JointAction,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let text = match (&a.target, &a.unit) {
        (Some(t), unit) => tr!(
            i18n,
            l,
            "report-ask-progress-target",
            target = format!(
                "{} {}",
                crate::domain::readable::number(*t, l.locale),
                unit.clone().unwrap_or_default()
            )
            .trim()
            .to_owned()
        ),
        (None, _) => tr!(i18n, l, "report-ask-progress"),
    };
    app.store.set_dialogue(caller.chat_id.0, &Dialogue::ReportProgress { report_id }).await?;
    bot.send_message(caller.chat_id, text).reply_markup(percent_keyboard(i18n, l, report_id)).await?;
    Ok(())
}

/// "Recorded: …", with ↩️ Undo; what the member sends next is attached as a note.
async fn confirm(bot: &Bot, app: &App, caller: &Caller, report_id: ReportId) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let r = app.store.report(report_id).await?;
    let a = app.store.action_in(r.action_id, l.locale).await?;
    let mut parts = vec![status_name(i18n, l, r.status)];
    if let Some(p) = r.percent {
        parts.push(action::percent_label(p));
    }
    if let (Some(amount), Some(unit)) = (r.amount, &a.unit) {
        parts.push(format!("{} {unit}", crate::domain::readable::number(amount, l.locale)));
    }
    if let Some(b) = r.blocker {
        parts.push(blocker_name(i18n, l, b));
    }
    let text = tr!(
        i18n,
        l,
        "report-recorded",
        action = a.title.clone(),
        summary = parts.join(" · "),
        minutes = UNDO_WINDOW_MINUTES
    );
    let keyboard = InlineKeyboardMarkup::new([vec![
        button(tr!(i18n, l, "btn-report-undo"), ReportButton::Undo(report_id)),
        button(tr!(i18n, l, "btn-report-finish"), ReportButton::Finish(report_id)),
    ]]);
    app.store.set_dialogue(caller.chat_id.0, &Dialogue::ReportNotes { report_id }).await?;
    bot.send_message(caller.chat_id, text).reply_markup(keyboard).await?;
    Ok(())
}

/// A number typed at the progress question: an amount against the target, or a percentage.
pub async fn on_progress_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    report_id: ReportId,
    msg: &Message,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let r = app.store.report(report_id).await?;
    let a = app.store.action_in(r.action_id, l.locale).await?;
    let number = msg
        .text()
        .and_then(|t| walk::parse_number(t.trim_end_matches('%'), false).ok())
        .and_then(|n| n.parse::<f64>().ok());
    let Some(n) = number.filter(|n| *n >= 0.0) else {
        bot.send_message(caller.chat_id, tr!(i18n, l, "report-not-a-number"))
            .reply_markup(percent_keyboard(i18n, l, report_id))
            .await?;
        return Ok(());
    };
    let (percent, amount) = match a.target {
        Some(_) if !msg.text().unwrap_or_default().contains('%') => (action::percent(n, a.target), Some(n)),
        _ => (Some(n.min(100.0)), None),
    };
    app.store.update_report(report_id, percent, amount, None).await?;
    confirm(bot, app, caller, report_id).await
}

/// Text, voice notes and photos sent after a report: attached to it as notes.
pub async fn on_note_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    report_id: ReportId,
    msg: &Message,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let stored = if let Some(text) = msg.text().map(clean_text).filter(|t| !t.is_empty()) {
        app.store.add_report_note(report_id, "text", Some(&text), None).await?;
        true
    } else if let Some(voice) = msg.voice() {
        match media::store(bot, app, &voice.file, "voice", "ogg").await? {
            Ok(id) => app.store.add_report_note(report_id, "voice", None, Some(id)).await.map(|_| true)?,
            Err(media::TooBig) => {
                bot.send_message(caller.chat_id, tr!(i18n, l, "form-file-too-big")).await?;
                return Ok(());
            }
        }
    } else if let Some(photo) = msg.photo().and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height))
    {
        match media::store(bot, app, &photo.file, "photo", "jpg").await? {
            Ok(id) => {
                let caption = msg.caption().map(clean_text).filter(|c| !c.is_empty());
                app.store
                    .add_report_note(report_id, "photo", caption.as_deref(), Some(id))
                    .await
                    .map(|_| true)?
            }
            Err(media::TooBig) => {
                bot.send_message(caller.chat_id, tr!(i18n, l, "form-file-too-big")).await?;
                return Ok(());
            }
        }
    } else {
        false
    };
    let text = if stored { tr!(i18n, l, "report-note-added") } else { tr!(i18n, l, "report-note-kinds") };
    let keyboard = InlineKeyboardMarkup::new([vec![button(
        tr!(i18n, l, "btn-report-finish"),
        ReportButton::Finish(report_id),
    )]]);
    bot.send_message(caller.chat_id, text).reply_markup(keyboard).await?;
    Ok(())
}

/// The check-in message: "How is <action>?" with the status buttons — one tap reports.
pub fn checkin_message(i18n: &I18n, l: Reader, a: &JointAction) -> (String, InlineKeyboardMarkup) {
    (tr!(i18n, l, "checkin-ask", action = a.title.clone()), status_keyboard(i18n, l, a.action_id))
}

/// Messages after a report: a progress figure it waits for, or notes attached to it.
pub fn replies() -> UpdateHandler<BotError> {
    dptree::entry()
        .branch(super::dialogue_replies(
            |d| match d {
                Dialogue::ReportProgress { report_id } => Some(*report_id),
                _ => None,
            },
            |s: Said, report_id| async move {
                on_progress_message(&s.bot, &s.app, &s.caller, report_id, &s.msg).await
            },
        ))
        .branch(super::dialogue_replies(
            |d| match d {
                Dialogue::ReportNotes { report_id } => Some(*report_id),
                _ => None,
            },
            |s: Said, report_id| async move {
                on_note_message(&s.bot, &s.app, &s.caller, report_id, &s.msg).await
            },
        ))
}

/// Reporting progress on joint actions.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum ReportCommand {
    Report,
}

impl ReportCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        _role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        vec![BotCommand::new("report", tr!(i18n, l, "cmd-report"))]
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: ReportCommand) -> HandlerResult {
    match cmd {
        ReportCommand::Report => start(bot, app, caller).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_buttons_round_trip_and_refuse_junk() {
        let mut all: Vec<_> = crate::domain::action::ActionStatus::ALL
            .map(|s| ReportButton::Status(ActionId(i64::MAX), s))
            .to_vec();
        all.extend([
            ReportButton::Pick(ActionId(i64::MAX)),
            ReportButton::Blocker(ReportId(i64::MAX), 5),
            ReportButton::Percent(ReportId(i64::MAX), 100),
            ReportButton::Finish(ReportId(i64::MAX)),
            ReportButton::Undo(ReportId(i64::MAX)),
            ReportButton::ConfirmDone(ActionId(i64::MAX)),
        ]);
        codes::assert_codes(&all, &["as:1:z", "ap:1:101", "ap:1:33", "ab:1:9", "a:", "af:-1"]);
    }
}
