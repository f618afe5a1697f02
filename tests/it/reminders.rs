//! Reminders to members who have not finished a questionnaire: in their daytime, at most
//! once a day, never after the deadline, and never twice even with two bot processes.

use std::sync::Arc;

use chrono::{Duration, Timelike};
use clusterbot::bot::App;
use clusterbot::domain::form::Audience;
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::i18n::I18n;
use clusterbot::store::{Status, now};
use teloxide::Bot;

use crate::botapi::{BotApi, TOKEN, TgUser};
use crate::e2e::t;
use crate::forms::diagnostic;
use crate::support::TestDb;

/// A fixed-offset zone in which `at` is around noon.
fn zone_at_noon(at: chrono::DateTime<chrono::Utc>) -> chrono_tz::Tz {
    let offset = 12 - at.hour() as i32;
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
    let later = now() + Duration::hours(13);
    let cluster =
        store.add_cluster("Souss argan", zone_at_noon(later), Locale::Fr, None).await.unwrap().cluster_id;
    let done = TgUser::new(9201, "Fatima", "fr");
    let late = TgUser::new(9202, "Khadija", "ar");
    let done_id =
        crate::questionnaire::member(&store, cluster, None, Role::Producer, &done, Locale::Fr, Gender::Woman)
            .await;
    crate::questionnaire::member(&store, cluster, None, Role::Producer, &late, Locale::Ar, Gender::Woman)
        .await;
    let imported =
        clusterbot::import::import(&store, &diagnostic(), "cluster_diagnostic.xlsx", None).await.unwrap();
    let deadline = now() + Duration::days(7);
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

    assert_eq!(
        clusterbot::jobs::nudge_once(&bot, &app, now()).await.unwrap(),
        0,
        "not right after the invitation"
    );
    assert_eq!(
        clusterbot::jobs::nudge_once(&bot, &app, later).await.unwrap(),
        1,
        "only the one who has not finished"
    );
    let (_, nudge) = api.wait_for(0, "the reminder", |c| c.method == "sendMessage").await;
    assert_eq!(nudge.body["chat_id"].as_i64(), Some(late.id));
    assert!(nudge.text().contains(imported.form.title(Locale::Ar)), "in her language: {}", nudge.text());
    assert_eq!(nudge.buttons()[0].0, t(Locale::Ar, "btn-form-continue", &[]));

    assert_eq!(clusterbot::jobs::nudge_once(&bot, &app, later).await.unwrap(), 0, "at most one a day");
    assert_eq!(
        clusterbot::jobs::nudge_once(&bot, &app, later + Duration::hours(12)).await.unwrap(),
        0,
        "not at night, not twice a day"
    );
    // Two bot processes on the same database the next day: one reminder, not two.
    let next_day = later + Duration::hours(24);
    let (a, b) = tokio::join!(
        clusterbot::jobs::nudge_once(&bot, &app, next_day),
        clusterbot::jobs::nudge_once(&bot, &app, next_day)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(
        clusterbot::jobs::nudge_once(&bot, &app, deadline + Duration::hours(1)).await.unwrap(),
        0,
        "never after the deadline"
    );
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
