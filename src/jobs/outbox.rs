//! The one sender: delivers every row of the outbox — meeting invitations, reminders and
//! notices, questionnaire invitations and reminders, joint-action check-ins, members'
//! questions to their CDAs and the answers — at one pace.
//!
//! - One active sender per deployment: on PostgreSQL the process holding the sender lease (an
//!   advisory lock) sends; the others wait and take over within seconds when it dies.
//! - Each row is claimed and marked "sending" in one statement right before its request
//!   leaves, and "sent" when Telegram accepts it; a row a crash leaves "sending" may have been
//!   delivered and is not sent again ("uncertain").
//! - Pace: about 25 messages a second overall and at most one a second per chat. A 429 pauses
//!   the whole sender for Telegram's `retry_after` (the row goes back to the queue); a 403
//!   marks the member unreachable for every feature.

use std::collections::HashMap;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::{ApiError, RequestError};

use crate::bot::{
    App, BotError, cda_answer_message, cda_question_message, checkin_message, meeting_message,
    questionnaire_invitation,
};
use crate::domain::meeting::reminder_sendable;
use crate::domain::schedule;
use crate::i18n::Reader;
use crate::store::OutboxItem;

/// Without the lease (another process sent a moment ago), a row left "sending" longer than
/// this is given up as uncertain.
pub const LEASE: Duration = Duration::minutes(2);
/// Pause between two messages: about 25 a second overall, under Telegram's 30.
pub const GAP: StdDuration = StdDuration::from_millis(40);
/// Per chat: one message a second.
const PER_CHAT: StdDuration = StdDuration::from_secs(1);
/// How often a process without the lease asks for it.
const LEASE_RETRY: StdDuration = StdDuration::from_secs(2);
const MAX_ATTEMPTS: i64 = 5;

/// What became of one outbox row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    Skipped,
    Retry,
    Failed,
}

/// The pace of everything the sender sends: one clock for the whole process (and, with the
/// lease, for the whole deployment).
#[derive(Debug, Default)]
pub struct Pacer {
    last_per_chat: HashMap<i64, Instant>,
    last: Option<Instant>,
}

impl Pacer {
    /// Waits until a message to `chat` may leave.
    async fn wait_for(&mut self, chat: i64) {
        let now = Instant::now();
        let mut until = self.last.map_or(now, |l| l + GAP);
        if let Some(last) = self.last_per_chat.get(&chat) {
            until = until.max(*last + PER_CHAT);
        }
        if until > now {
            tokio::time::sleep(until - now).await;
        }
    }

    fn sent(&mut self, chat: i64) {
        let now = Instant::now();
        self.last = Some(now);
        self.last_per_chat.insert(chat, now);
        // Forget chats that can no longer hold anything back.
        if self.last_per_chat.len() > 10_000 {
            self.last_per_chat.retain(|_, at| now.duration_since(*at) < PER_CHAT);
        }
    }
}

/// One message ready to leave.
struct Outgoing {
    chat_id: i64,
    telegram_user_id: Option<i64>,
    text: String,
    keyboard: Option<InlineKeyboardMarkup>,
    /// A meeting's pin, sent after its invitation or new time.
    location: Option<(f64, f64)>,
    /// A voice note (relative to the data directory) sent with the text as its caption.
    voice: Option<String>,
}

enum Prepared {
    Send(Outgoing),
    /// No longer worth sending; why.
    Skip(&'static str),
    /// The member cannot be written to (blocked the bot, left, never gave a chat).
    Unreachable,
}

/// Writes the message of a row, as it reads now (language, answers, cancellations).
async fn prepare(app: &App, item: &OutboxItem, now: DateTime<Utc>) -> Result<Prepared, BotError> {
    if let Some(meeting_id) = item.meeting_id {
        let meeting = app.store.meeting(meeting_id).await?;
        let to = app.store.recipient(meeting_id, item.member_id).await?;
        let Some(chat_id) = to.chat_id.filter(|_| !to.opted_out) else { return Ok(Prepared::Unreachable) };
        let stale = match item.kind.as_str() {
            "cancel" => false,
            _ if meeting.cancelled_at.is_some() => true,
            "reminder" => !reminder_sendable(now, item.due_at, meeting.starts_at),
            _ => now >= meeting.starts_at,
        };
        if stale {
            return Ok(Prepared::Skip("the meeting started, moved or was cancelled"));
        }
        let (text, keyboard) = meeting_message(app, &meeting, &to, &item.kind, item.offset_minutes);
        let location = match (meeting.latitude, meeting.longitude, item.kind.as_str()) {
            // The place is this pin: every message that names the place carries it.
            (Some(lat), Some(lon), "invitation" | "update" | "reminder" | "nudge") => Some((lat, lon)),
            _ => None,
        };
        return Ok(Prepared::Send(Outgoing {
            chat_id,
            telegram_user_id: to.telegram_user_id,
            text,
            keyboard,
            location,
            voice: None,
        }));
    }
    if let Some(response_id) = item.response_id {
        let d = app.store.form_delivery(response_id).await?;
        let Some(chat_id) = d.chat_id.filter(|_| !d.opted_out) else { return Ok(Prepared::Unreachable) };
        if d.status == "finished" {
            return Ok(Prepared::Skip("the questionnaire is answered"));
        }
        if d.deadline_at.is_some_and(|at| at <= now) {
            return Ok(Prepared::Skip("the questionnaire's deadline has passed"));
        }
        let form = app.store.form(d.form_pk).await?;
        let l = Reader::new(d.locale.unwrap_or(d.cluster_locale), d.gender);
        let tz = schedule::zone(&d.timezone);
        let deadline = d.deadline_at.map(|at| app.i18n.when(l, at, tz));
        let reminder = item.kind == "form_reminder";
        let (text, keyboard) = questionnaire_invitation(app, l, &form, response_id, deadline, reminder);
        return Ok(Prepared::Send(Outgoing {
            chat_id,
            telegram_user_id: d.telegram_user_id,
            text,
            keyboard: Some(keyboard),
            location: None,
            voice: None,
        }));
    }
    if let Some(action_id) = item.action_id {
        let to = app.store.address(item.member_id).await?;
        let Some(chat_id) = to.chat_id.filter(|_| !to.opted_out) else { return Ok(Prepared::Unreachable) };
        let cluster_locale = {
            let a = app.store.action(action_id).await?;
            if a.done_at.is_some() {
                return Ok(Prepared::Skip("the action is done"));
            }
            app.store.cluster(a.cluster_id).await?.locale
        };
        let l = Reader::new(to.locale.unwrap_or(cluster_locale), to.gender);
        let a = app.store.action_in(action_id, l.locale).await?;
        let (text, keyboard) = checkin_message(&app.i18n, l, &a);
        return Ok(Prepared::Send(Outgoing {
            chat_id,
            telegram_user_id: to.telegram_user_id,
            text,
            keyboard: Some(keyboard),
            location: None,
            voice: None,
        }));
    }
    if let Some(question_id) = item.question_id {
        let q = app.store.question(question_id).await?;
        let to = app.store.address(item.member_id).await?;
        let Some(chat_id) = to.chat_id.filter(|_| !to.opted_out) else { return Ok(Prepared::Unreachable) };
        let l = Reader::new(to.locale.unwrap_or(app.store.cluster(q.cluster_id).await?.locale), to.gender);
        let (text, voice) = match item.kind.as_str() {
            "answer" => cda_answer_message(&app.i18n, l, &q),
            _ if q.body.is_none() && q.media_path.is_none() => {
                return Ok(Prepared::Skip("the member's words were forgotten"));
            }
            _ => cda_question_message(&app.i18n, l, &q),
        };
        return Ok(Prepared::Send(Outgoing {
            chat_id,
            telegram_user_id: to.telegram_user_id,
            text,
            keyboard: None,
            location: None,
            voice,
        }));
    }
    Err(crate::store::StoreError::Corrupt(format!("outbox row {} names no subject", item.outbox_id)).into())
}

/// Works through every row due at `now`; returns what happened to each. Stops between two
/// messages, never in the middle of one, when the bot stops.
pub async fn deliver_due(
    bot: &Bot,
    app: &App,
    worker: &str,
    now: DateTime<Utc>,
    pacer: &mut Pacer,
) -> Result<Vec<Delivery>, BotError> {
    let mut done = Vec::new();
    while !app.stop.is_raised()
        && let Some(item) = app.store.claim_outbox(worker, now).await?
    {
        let outcome = match prepare(app, &item, now).await {
            Ok(Prepared::Send(out)) => send(bot, app, &item, out, pacer).await?,
            Ok(Prepared::Skip(why)) => {
                app.store.outbox_skipped(item.outbox_id, why).await?;
                Delivery::Skipped
            }
            Ok(Prepared::Unreachable) => {
                app.store.outbox_failed(item.outbox_id, "unreachable").await?;
                Delivery::Failed
            }
            // What the row names is gone (a member forgotten, a meeting deleted): nothing to send.
            Err(BotError::Store(crate::store::StoreError::NotFound(what))) => {
                app.store.outbox_skipped(item.outbox_id, what).await?;
                Delivery::Skipped
            }
            Err(e) => {
                app.store.outbox_retry(item.outbox_id, now + Duration::seconds(60), &e.to_string()).await?;
                return Err(e);
            }
        };
        done.push(outcome);
    }
    Ok(done)
}

async fn send(
    bot: &Bot,
    app: &App,
    item: &OutboxItem,
    out: Outgoing,
    pacer: &mut Pacer,
) -> Result<Delivery, BotError> {
    pacer.wait_for(out.chat_id).await;
    let result = match &out.voice {
        Some(path) => {
            let file = teloxide::types::InputFile::file(app.data_dir.join(path));
            let mut request = bot.send_voice(ChatId(out.chat_id), file).caption(out.text);
            if let Some(k) = out.keyboard {
                request = request.reply_markup(k);
            }
            request.await
        }
        None => {
            let mut request = bot.send_message(ChatId(out.chat_id), out.text);
            if let Some(k) = out.keyboard {
                request = request.reply_markup(k);
            }
            request.await
        }
    };
    pacer.sent(out.chat_id);
    Ok(match result {
        Ok(sent) => {
            app.store.outbox_sent(item.outbox_id, Some((out.chat_id, i64::from(sent.id.0)))).await?;
            app.metrics.api_ok();
            app.metrics.sent(&item.kind);
            if let Some((lat, lon)) = out.location {
                pacer.wait_for(out.chat_id).await;
                if let Err(e) = bot.send_location(ChatId(out.chat_id), lat, lon).await {
                    tracing::debug!(error = %e, "could not send the meeting's location pin");
                }
                pacer.sent(out.chat_id);
            }
            Delivery::Sent
        }
        Err(RequestError::RetryAfter(wait)) => {
            // Telegram asks the whole bot to slow down: the row waits, and so does every other.
            app.metrics.refused(429);
            let pause = StdDuration::from_secs(u64::from(wait.seconds()));
            let due = crate::store::now() + Duration::from_std(pause).unwrap_or(Duration::seconds(1));
            app.store.outbox_retry(item.outbox_id, due, "429: too many requests").await?;
            tracing::warn!(seconds = pause.as_secs(), "Telegram asked to slow down: the sender pauses");
            app.stop.sleep(pause).await;
            Delivery::Retry
        }
        Err(RequestError::Api(
            ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::CantInitiateConversation
            | ApiError::ChatNotFound,
        )) => {
            app.metrics.refused(403);
            if let Some(user) = out.telegram_user_id {
                app.store.set_opted_out(user, true).await?;
            }
            app.store.outbox_failed(item.outbox_id, "unreachable: the member blocked the bot").await?;
            Delivery::Failed
        }
        Err(e) if item.attempts < MAX_ATTEMPTS => {
            // Not accepted by Telegram: safe to try again, a little later each time.
            let due = crate::store::now() + Duration::seconds(30 * item.attempts);
            app.store.outbox_retry(item.outbox_id, due, &e.to_string()).await?;
            Delivery::Retry
        }
        Err(e) => {
            app.store.outbox_failed(item.outbox_id, &e.to_string()).await?;
            Delivery::Failed
        }
    })
}

/// Runs the sender until the bot stops: waits for the sender lease, gives up rows an earlier
/// crash left mid-send, then delivers whatever is due, checking every second; if the lease
/// is lost (its database connection broke), waits for it again.
pub async fn run(bot: Bot, app: App, worker: String) {
    loop {
        let mut lease = loop {
            match app.store.sender_lease().await {
                Ok(Some(lease)) => break lease,
                // Standing by is alive too: another instance sends, this one takes over.
                Ok(None) => app.metrics.sender_standby(),
                Err(e) => tracing::warn!(error = %e, "could not ask for the sender lease"),
            }
            if app.stop.sleep(LEASE_RETRY).await {
                return;
            }
        };
        // With the lease, no other sender is alive: whatever is "sending" was cut short.
        let cut_short = if lease.exclusive() { Duration::zero() } else { LEASE };
        match app.store.outbox_recover(cut_short).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!(rows = n, "messages interrupted by a crash are not sent again"),
            Err(e) => tracing::warn!(error = %e, "could not check the outbox after a restart"),
        }
        tracing::info!(worker = %worker, exclusive = lease.exclusive(), "this process sends the outbox");
        let mut pacer = Pacer::default();
        loop {
            app.metrics.sender_alive();
            match deliver_due(&bot, &app, &worker, crate::store::now(), &mut pacer).await {
                Ok(done) if !done.is_empty() => {
                    let sent = done.iter().filter(|d| **d == Delivery::Sent).count();
                    tracing::info!(sent, handled = done.len(), "outbox delivered");
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox delivery failed"),
            }
            if app.stop.sleep(StdDuration::from_secs(1)).await {
                return;
            }
            if !lease.alive().await {
                tracing::warn!("the sender lease was lost; waiting for it again");
                break;
            }
        }
    }
}
