//! Background work. Jobs only decide and enqueue: questionnaire reminders to members who
//! have not finished, joint-action check-ins when a rhythm has passed without a report. Each
//! decision is written with its outbox row in one transaction; the one sender ([`outbox`])
//! delivers them, at one pace for everything the bot sends on its own.

pub mod outbox;
pub mod transcribe;

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};

use crate::bot::{App, BotError};
use crate::domain::{action, schedule};

/// How often reminders are considered.
pub const NUDGE_EVERY: StdDuration = StdDuration::from_secs(300);

/// Queues the questionnaire reminders that are due at `now`; returns how many. A reminder is
/// claimed in the database with its outbox row, so two bot processes never both queue it.
pub async fn nudge_once(app: &App, now: DateTime<Utc>) -> Result<usize, BotError> {
    let mut queued = 0;
    for c in app.store.nudge_candidates().await? {
        let tz = schedule::zone(&c.timezone);
        if schedule::nudge_due(now, tz, c.created_at, c.last_nudge_at, c.deadline_at)
            && app.store.queue_nudge(c.response_id, c.last_nudge_at, now).await?
        {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Queues "How is <action>?" for the owners of joint actions when a rhythm has passed
/// without a report; returns how many. At most one check-in waits per person and action.
pub async fn checkins_once(app: &App, now: DateTime<Utc>) -> Result<usize, BotError> {
    let mut queued = 0;
    for c in app.store.checkin_candidates().await? {
        let tz = schedule::zone(&c.timezone);
        if action::checkin_due(now, tz, c.rhythm_days, c.done, c.last_activity, c.pending)
            && app.store.queue_checkin(c.action_id, c.member_id, now).await?
        {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Considers reminders and check-ins every [`NUDGE_EVERY`] until the bot stops.
pub async fn run(app: App) {
    let mut every = tokio::time::interval(NUDGE_EVERY);
    loop {
        tokio::select! {
            _ = every.tick() => {}
            () = app.stop.raised() => return,
        }
        let now = crate::store::now();
        match nudge_once(&app, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "questionnaire reminders queued"),
            Err(e) => tracing::warn!(error = %e, "questionnaire reminders failed"),
        }
        match checkins_once(&app, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(checkins = n, "joint-action check-ins queued"),
            Err(e) => tracing::warn!(error = %e, "joint-action check-ins failed"),
        }
    }
}
