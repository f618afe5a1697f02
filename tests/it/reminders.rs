//! Reminders to members who have not finished a questionnaire: in their daytime, at most
//! once a day, never after the deadline, and never twice even with two bot processes.

use std::sync::Arc;

use chrono::{Duration, Timelike};
use clusterbot::bot::App;
use clusterbot::domain::form::Audience;
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::i18n::I18n;
use clusterbot::jobs::outbox::{Delivery, Pacer, deliver_due};
use clusterbot::store::{Status, now};
use teloxide::Bot;

use crate::botapi::{BotApi, TOKEN, TgUser};
use crate::e2e::t;
use crate::forms::diagnostic;
use crate::support::TestDb;

/// A fixed-offset zone in which `at` is in the local hour `hour` (no daylight-saving time).
fn zone_at(at: chrono::DateTime<chrono::Utc>, hour: i32) -> chrono_tz::Tz {
    let mut offset = hour - at.hour() as i32;
    if offset < -12 {
        offset += 24; // the same clock time, on the next local day
    }
    let name = match offset {
        0 => "Etc/GMT".to_owned(),
        n if n > 0 => format!("Etc/GMT-{n}"),
        n => format!("Etc/GMT+{}", -n),
    };
    name.parse().unwrap()
}

async fn reminders(backend: &str) {
    let db = TestDb::of(backend).await;
    let store = db.store.clone();
    // The invitation goes out at 09:xx local time. Every check below is in local daytime
    // (08:00–20:00) unless it is the night check, so each can only pass through its own rule.
    let invited = now();
    let tz = zone_at(invited, 9);
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&tz).hour();
    let cluster = store.add_cluster("Souss argan", tz, Locale::Fr, None).await.unwrap().cluster_id;
    let done = TgUser::new(9201, "Fatima", "fr");
    let late = TgUser::new(9202, "Khadija", "ar");
    let done_id =
        crate::questionnaire::member(&store, cluster, None, Role::Producer, &done, Locale::Fr, Gender::Woman)
            .await;
    crate::questionnaire::member(&store, cluster, None, Role::Producer, &late, Locale::Ar, Gender::Woman)
        .await;
    let imported =
        clusterbot::import::import(&store, &diagnostic(), "cluster_diagnostic.xlsx", None).await.unwrap();
    let deadline = invited + Duration::days(7);
    let (_, invitees) = store
        .create_launch(imported.form_pk, cluster, Audience::Cluster, Some(deadline), None)
        .await
        .unwrap();
    assert_eq!(invitees.len(), 2);
    let mut finished = store.member_responses(done_id).await.unwrap().remove(0);
    finished.status = Status::Finished;
    store.save_progress(&finished).await.unwrap();

    let api = BotApi::start().await;
    let bot = Bot::new(TOKEN).set_api_url(api.url.parse().unwrap());
    let data = tempfile::tempdir().unwrap();
    let app = App::new(store.clone(), Arc::new(I18n::load().unwrap()), data.path().to_owned());
    let mut pacer = Pacer::default();
    // The jobs only queue; the one sender delivers. Each step below runs both.
    macro_rules! nudge {
        ($at:expr) => {{
            let queued = clusterbot::jobs::nudge_once(&app, $at).await.unwrap();
            deliver_due(&bot, &app, "test", $at, &mut pacer).await.unwrap();
            queued
        }};
    }
    // The invitations leave first: only to the one who has not answered yet.
    let delivered = deliver_due(&bot, &app, "test", now(), &mut pacer).await.unwrap();
    assert_eq!(delivered, [Delivery::Skipped, Delivery::Sent], "Fatima answered before hers left");
    let (_, invitation) = api.wait_for(0, "the invitation", |c| c.method == "sendMessage").await;
    assert_eq!(invitation.body["chat_id"].as_i64(), Some(late.id));
    // Its deadline reads as a day of the week in Arabic, never as an ISO date.
    let iso = regex::Regex::new(r"\d{4}-\d{2}-\d{2}").unwrap();
    assert!(!iso.is_match(invitation.text()) && !invitation.text().contains("UTC"), "{}", invitation.text());
    let weekday = clusterbot::i18n::I18n::load().unwrap().date(
        Locale::Ar,
        deadline.with_timezone(&tz).date_naive(),
        invited.with_timezone(&tz).date_naive(),
    );
    assert!(invitation.text().contains(&weekday), "{weekday} in {}", invitation.text());
    let after_invitation = api.calls().len();

    // An hour after the invitation, in the morning: too early (less than half a day).
    let soon = invited + Duration::hours(1);
    assert_eq!(local(soon), 10);
    assert_eq!(nudge!(soon), 0, "not right after the invitation");
    // The next morning.
    let later = invited + Duration::hours(24);
    assert_eq!(local(later), 9);
    assert_eq!(nudge!(later), 1, "only the one who has not finished");
    let (_, nudge) = api.wait_for(after_invitation, "the reminder", |c| c.method == "sendMessage").await;
    assert_eq!(nudge.body["chat_id"].as_i64(), Some(late.id));
    assert!(nudge.text().contains(imported.form.title(Locale::Ar)), "in her language: {}", nudge.text());
    assert_eq!(nudge.buttons()[0].0, t(Locale::Ar, "btn-form-continue", &[]));

    // The same day at noon: daytime, but she had one this morning.
    let noon = later + Duration::hours(3);
    assert_eq!(local(noon), 12);
    assert_eq!(nudge!(noon), 0, "not twice a day");
    // The next evening at 21:xx: more than a day since the last one, but night.
    let night = later + Duration::hours(36);
    assert_eq!(local(night), 21);
    assert_eq!(nudge!(night), 0, "not at night");
    // Two bot processes on the same database the morning after: one reminder, not two.
    let next_day = later + Duration::hours(48);
    let (a, b) = tokio::join!(
        clusterbot::jobs::nudge_once(&app, next_day),
        clusterbot::jobs::nudge_once(&app, next_day)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    deliver_due(&bot, &app, "test", next_day, &mut pacer).await.unwrap();
    // An hour after the deadline, in the morning, days after the last reminder.
    let overdue = deadline + Duration::hours(1);
    assert_eq!(local(overdue), 10);
    assert_eq!(nudge!(overdue), 0, "never after the deadline");
    let sent = api.calls_since(after_invitation).iter().filter(|c| c.method == "sendMessage").count();
    assert_eq!(sent, 2, "the first reminder and the one two days later");
    assert_eq!(api.violations(), Vec::<String>::new());
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_go_once_a_day_in_daytime_until_the_deadline_on_sqlite() {
    reminders("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_go_once_a_day_in_daytime_until_the_deadline_on_postgres() {
    reminders("postgres").await;
}
