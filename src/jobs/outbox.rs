//! Delivering the outbox: invitations, reminders and notices of meetings. Each row is
//! claimed and marked "sending" in one statement right before its request leaves, and
//! "sent" when Telegram accepts it; a row a crash leaves "sending" is not sent again. Pace:
//! under 30 messages a second overall and one a second per chat; a 429 puts the row back for
//! Telegram's `retry_after`; a 403 marks the member unreachable.

use std::collections::HashMap;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use teloxide::prelude::*;
use teloxide::{ApiError, RequestError};

use crate::bot::{App, BotError, meeting_message};
use crate::domain::meeting::reminder_sendable;

/// A row left "sending" longer than this by a process that died is given up as uncertain.
pub const LEASE: Duration = Duration::minutes(2);
/// Pause between two messages: about 25 a second overall.
const GAP: StdDuration = StdDuration::from_millis(40);
const MAX_ATTEMPTS: i64 = 5;

/// What became of one outbox row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    Skipped,
    Retry,
    Failed,
}

/// Works through every row due at `now`; returns what happened to each.
pub async fn deliver_due(
    bot: &Bot,
    app: &App,
    worker: &str,
    now: DateTime<Utc>,
    last_per_chat: &mut HashMap<i64, Instant>,
) -> Result<Vec<Delivery>, BotError> {
    let mut done = Vec::new();
    // Between two messages, never in the middle of one, the sender may stop.
    while !app.stop.is_raised()
        && let Some(item) = app.store.claim_outbox(worker, now).await?
    {
        let meeting = app.store.meeting(item.meeting_id).await?;
        let to = app.store.recipient(item.meeting_id, item.member_id).await?;
        let Some(chat_id) = to.chat_id.filter(|_| !to.opted_out) else {
            app.store.outbox_failed(item.outbox_id, "unreachable").await?;
            done.push(Delivery::Failed);
            continue;
        };
        let stale = match item.kind.as_str() {
            "cancel" => false,
            _ if meeting.cancelled_at.is_some() => true,
            "reminder" => !reminder_sendable(now, item.due_at, meeting.starts_at),
            _ => now >= meeting.starts_at,
        };
        if stale {
            app.store.outbox_skipped(item.outbox_id, "the meeting started, moved or was cancelled").await?;
            done.push(Delivery::Skipped);
            continue;
        }
        if let Some(last) = last_per_chat.get(&chat_id) {
            let since = last.elapsed();
            if since < StdDuration::from_secs(1) {
                tokio::time::sleep(StdDuration::from_secs(1) - since).await;
            }
        }
        let (text, keyboard) = meeting_message(app, &meeting, &to, &item.kind, item.offset_minutes);
        let mut request = bot.send_message(ChatId(chat_id), text);
        if let Some(k) = keyboard {
            request = request.reply_markup(k);
        }
        let result = request.await;
        last_per_chat.insert(chat_id, Instant::now());
        let outcome = match result {
            Ok(_) => {
                app.store.outbox_sent(item.outbox_id).await?;
                // The pin goes with the invitation and a new time; the text already says where.
                if let (Some(lat), Some(lon), "invitation" | "update") =
                    (meeting.latitude, meeting.longitude, item.kind.as_str())
                    && let Err(e) = bot.send_location(ChatId(chat_id), lat, lon).await
                {
                    tracing::debug!(error = %e, "could not send the meeting's location pin");
                }
                Delivery::Sent
            }
            Err(RequestError::RetryAfter(wait)) => {
                let due = crate::store::now() + Duration::seconds(i64::from(wait.seconds()));
                app.store.outbox_retry(item.outbox_id, due, "429: too many requests").await?;
                Delivery::Retry
            }
            Err(RequestError::Api(
                ApiError::BotBlocked
                | ApiError::UserDeactivated
                | ApiError::CantInitiateConversation
                | ApiError::ChatNotFound,
            )) => {
                if let Some(user) = to.telegram_user_id {
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
        };
        done.push(outcome);
        tokio::time::sleep(GAP).await;
    }
    Ok(done)
}

/// Runs the outbox until the task is dropped: first gives up rows an earlier crash left
/// mid-send, then delivers whatever is due, checking every second.
pub async fn run(bot: Bot, app: App, worker: String) {
    match app.store.outbox_recover(LEASE).await {
        Ok(0) => {}
        Ok(n) => tracing::warn!(rows = n, "messages interrupted by a crash are not sent again"),
        Err(e) => tracing::warn!(error = %e, "could not check the outbox after a restart"),
    }
    let mut last_per_chat = HashMap::new();
    loop {
        app.metrics.sender_alive();
        match deliver_due(&bot, &app, &worker, crate::store::now(), &mut last_per_chat).await {
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
    }
}
