//! Background work: questionnaire reminders, joint-action check-ins, and the meeting outbox
//! (see [`outbox`]). Reminders go to members who have not finished a questionnaire. Reads the
//! store, decides with the domain's rules, sends through the same Bot.

pub mod outbox;
pub mod transcribe;

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use teloxide::prelude::*;

use crate::bot::{App, BotError, checkin_message, questionnaire_invitation};
use crate::domain::{action, schedule};

/// How often reminders are considered.
pub const NUDGE_EVERY: StdDuration = StdDuration::from_secs(300);

/// Sends the reminders that are due at `now`; returns how many were sent. A reminder is
/// claimed in the database before it is sent, so two bot processes never both send it.
pub async fn nudge_once(bot: &Bot, app: &App, now: DateTime<Utc>) -> Result<usize, BotError> {
    let mut sent = 0;
    for c in app.store.nudge_candidates().await? {
        let tz = schedule::zone(&c.timezone);
        if !schedule::nudge_due(now, tz, c.created_at, c.last_nudge_at, c.deadline_at) {
            continue;
        }
        if !app.store.claim_nudge(c.response_id, c.last_nudge_at, now).await? {
            continue;
        }
        let form = app.store.form(c.form_pk).await?;
        let locale = c.locale.unwrap_or(c.cluster_locale);
        let deadline = c.deadline_at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string();
        let (text, keyboard) =
            questionnaire_invitation(app, locale, &form, c.response_id, Some(deadline), true);
        match bot.send_message(ChatId(c.chat_id), text).reply_markup(keyboard).await {
            Ok(_) => sent += 1,
            Err(e) => {
                tracing::warn!(error = %e, response = c.response_id, "a reminder could not be delivered")
            }
        }
        tokio::time::sleep(StdDuration::from_millis(40)).await;
    }
    Ok(sent)
}

/// Asks the owners of joint actions "How is <action>?" when a rhythm has passed without a
/// report; returns how many were asked. At most one check-in waits per person and action.
pub async fn checkins_once(bot: &Bot, app: &App, now: DateTime<Utc>) -> Result<usize, BotError> {
    let mut sent = 0;
    for c in app.store.checkin_candidates().await? {
        let tz = schedule::zone(&c.timezone);
        if !action::checkin_due(now, tz, c.rhythm_days, c.done, c.last_activity, c.pending) {
            continue;
        }
        if !app.store.add_checkin(c.action_id, c.member_id, now).await? {
            continue;
        }
        let locale = c.locale.unwrap_or(c.cluster_locale);
        let a = app.store.action_in(c.action_id, locale).await?;
        let (text, keyboard) = checkin_message(&app.i18n, locale, &a);
        match bot.send_message(ChatId(c.chat_id), text).reply_markup(keyboard).await {
            Ok(_) => sent += 1,
            Err(e) => tracing::warn!(error = %e, action = c.action_id, "a check-in could not be delivered"),
        }
        tokio::time::sleep(StdDuration::from_millis(40)).await;
    }
    Ok(sent)
}

/// Runs the reminders and check-ins every [`NUDGE_EVERY`] until the task is dropped.
pub async fn run(bot: Bot, app: App) {
    let mut every = tokio::time::interval(NUDGE_EVERY);
    loop {
        tokio::select! {
            _ = every.tick() => {}
            () = app.stop.raised() => return,
        }
        let now = crate::store::now();
        match nudge_once(&bot, &app, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "questionnaire reminders sent"),
            Err(e) => tracing::warn!(error = %e, "questionnaire reminders failed"),
        }
        match checkins_once(&bot, &app, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(checkins = n, "joint-action check-ins sent"),
            Err(e) => tracing::warn!(error = %e, "joint-action check-ins failed"),
        }
    }
}
