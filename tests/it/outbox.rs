//! The one delivery path: everything the bot sends on its own — here questionnaire
//! invitations and joint-action check-ins — leaves through the outbox and its one sender.

use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use clusterbot::bot::App;
use clusterbot::domain::form::Audience;
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::i18n::I18n;
use clusterbot::jobs::outbox::{Delivery, Pacer, deliver_due};
use clusterbot::store::{Store, now};
use teloxide::Bot;

use crate::botapi::{BotApi, Call, Fault, TOKEN, TgUser};
use crate::e2e::BotProcess;
use crate::forms::diagnostic;
use crate::questionnaire::member;
use crate::support::TestDb;

/// Waits until the outbox holds nothing pending or being sent.
async fn wait_until_drained(store: &Store, what: &str) {
    let deadline = Instant::now() + StdDuration::from_secs(120);
    loop {
        let summary = store.outbox_summary().await.unwrap();
        if !summary.iter().any(|(_, state, _)| state == "pending" || state == "sending") {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: the outbox was not drained: {summary:?}");
        tokio::time::sleep(StdDuration::from_millis(200)).await;
    }
}

fn log_of(bot: &BotProcess) -> String {
    std::fs::read_to_string(&bot.log).unwrap_or_default()
}

const SENDER: &str = "this process sends the outbox";

/// A CDA launches the diagnostic to 500 members; the process sending the invitations is
/// killed (-9) while one invitation is on its way. Every member gets exactly one invitation:
/// the one in flight is recorded as uncertain and not sent again, the rest are sent by the
/// next sender. On PostgreSQL two processes run from the start: only one sends, and the
/// other takes over within seconds of the kill; together they never exceed Telegram's pace.
async fn kill_9_mid_launch(backend: &str) {
    const MEMBERS: i64 = 500;
    let db = TestDb::of(backend).await;
    let store = db.store.clone();
    let dir = tempfile::tempdir().unwrap();
    let cluster =
        store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::Ur, None).await.unwrap().cluster_id;
    let base = 20_000;
    let mut users = Vec::new();
    for i in 0..MEMBERS {
        let user = TgUser::new(base + i, &format!("Maker{i}"), "en");
        member(&store, cluster, None, Role::Producer, &user, Locale::En, Gender::Man).await;
        users.push(user);
    }
    let imported =
        clusterbot::import::import(&store, &diagnostic(), "cluster_diagnostic.xlsx", None).await.unwrap();
    let title = imported.form.title(Locale::En).to_owned();

    let api = BotApi::start().await;
    let held = users[150].clone();
    api.fault(held.id, Fault::HoldOnce { seconds: 30 });
    let first = BotProcess::spawn(&api, &db.url, dir.path(), "first");
    let second = (backend == "postgres").then(|| BotProcess::spawn(&api, &db.url, dir.path(), "second"));
    if let Some(second) = &second {
        // Both have asked for the lease before the launch.
        let asked = Instant::now();
        while !(log_of(&first).contains(SENDER) || log_of(second).contains(SENDER)) {
            assert!(asked.elapsed() < StdDuration::from_secs(30), "nobody took the sender lease");
            tokio::time::sleep(StdDuration::from_millis(100)).await;
        }
    }
    let (_, invitees) =
        store.create_launch(imported.form_pk, cluster, Audience::Cluster, None, None).await.unwrap();
    assert_eq!(invitees.len(), MEMBERS as usize);

    api.wait_for(0, "the held invitation", |c: &Call| {
        c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(held.id)
    })
    .await;
    let (sender, survivor) = match second {
        None => (first, None),
        Some(second) => {
            let first_sends = log_of(&first).contains(SENDER);
            assert_ne!(first_sends, log_of(&second).contains(SENDER), "exactly one process sends");
            if first_sends { (first, Some(second)) } else { (second, Some(first)) }
        }
    };
    let killed_log = sender.kill();
    assert!(killed_log.contains(SENDER), "{killed_log}");
    let _next = match survivor {
        // The other process takes the lease and goes on.
        Some(survivor) => {
            let since = Instant::now();
            while !log_of(&survivor).contains(SENDER) {
                assert!(since.elapsed() < StdDuration::from_secs(10), "no takeover within seconds");
                tokio::time::sleep(StdDuration::from_millis(100)).await;
            }
            survivor
        }
        // One process on SQLite: it is restarted.
        None => BotProcess::spawn(&api, &db.url, dir.path(), "restarted"),
    };
    wait_until_drained(&store, "after the kill").await;

    let calls = api.calls();
    for user in &users {
        let got = calls
            .iter()
            .filter(|c| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(user.id)
                    && c.text().contains(&title)
            })
            .count();
        assert_eq!(got, 1, "{} got {got} invitations", user.first_name);
    }
    let summary = store.outbox_summary().await.unwrap();
    assert_eq!(
        summary,
        [
            ("form_invitation".to_owned(), "sent".to_owned(), MEMBERS - 1),
            ("form_invitation".to_owned(), "uncertain".to_owned(), 1),
        ],
        "the one in flight is recorded as uncertain"
    );
    let peak = api.peak_messages_per_second();
    assert!(peak <= 30, "{peak} messages in one second");
    assert_eq!(api.violations(), Vec::<String>::new());
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_launch_to_500_members_survives_kill_9_with_every_invitation_once_on_sqlite() {
    kill_9_mid_launch("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_launch_to_500_members_survives_kill_9_and_a_takeover_at_one_pace_on_postgres() {
    kill_9_mid_launch("postgres").await;
}

/// 429 and 403 on questionnaire invitations and check-ins: a 429 pauses the whole sender
/// for `retry_after` and the message arrives once after it; a 403 marks the member
/// unreachable for every feature — the CDA's results name them, later check-ins and
/// invitations are not tried — until they write to the bot again.
async fn refusals(backend: &str) {
    let db = TestDb::of(backend).await;
    let store = db.store.clone();
    let cluster = store
        .add_cluster("Djebba figs", chrono_tz::Africa::Tunis, Locale::Ar, None)
        .await
        .unwrap()
        .cluster_id;
    let coop = store.add_cooperative(cluster, "Amal").await.unwrap().cooperative_id;
    let busy = TgUser::new(31_001, "Amina", "ar");
    let blocked = TgUser::new(31_002, "Salma", "ar");
    let fine = TgUser::new(31_003, "Hedi", "ar");
    let leader = TgUser::new(31_004, "Leila", "fr");
    for user in [&busy, &blocked, &fine] {
        member(&store, cluster, Some(coop), Role::Producer, user, Locale::Ar, Gender::Woman).await;
    }
    let leader_id =
        member(&store, cluster, Some(coop), Role::Leader, &leader, Locale::Fr, Gender::Woman).await;
    let action = store
        .add_action(&crate::actions::new_action(cluster, "Joint fig drying", vec![coop], Some(7)))
        .await
        .unwrap()
        .action_id;
    let imported =
        clusterbot::import::import(&store, &diagnostic(), "cluster_diagnostic.xlsx", None).await.unwrap();
    let (launch, _) = store
        .create_launch(imported.form_pk, cluster, Audience::Role(Role::Producer), None, None)
        .await
        .unwrap();
    assert!(store.queue_checkin(action, leader_id, now()).await.unwrap());

    let api = BotApi::start().await;
    api.fault(busy.id, Fault::TooManyRequestsOnce { retry_after: 2 });
    api.fault(blocked.id, Fault::Blocked);
    api.fault(leader.id, Fault::Blocked);
    let bot = Bot::new(TOKEN).set_api_url(api.url.parse().unwrap());
    let data = tempfile::tempdir().unwrap();
    let app = App::new(store.clone(), Arc::new(I18n::load().unwrap()), data.path().to_owned());
    let mut pacer = Pacer::default();

    let first = deliver_due(&bot, &app, "test", now(), &mut pacer).await.unwrap();
    assert_eq!(first, [Delivery::Retry, Delivery::Failed, Delivery::Sent, Delivery::Failed]);
    // The 429 held everyone back, not only Amina.
    let refused_at = api.refused_at(busy.id, 429).expect("the 429");
    let next = api.calls().iter().filter(|c| c.at > refused_at).map(|c| c.at).min();
    let next =
        api.refused_at(blocked.id, 403).into_iter().chain(next).min().expect("a request after the 429");
    assert!(next.duration_since(refused_at) >= StdDuration::from_millis(1950), "{:?}", next - refused_at);
    let again = deliver_due(&bot, &app, "test", now(), &mut pacer).await.unwrap();
    assert_eq!(again, [Delivery::Sent], "Amina's invitation, after the pause");
    let to = |user: &TgUser| {
        api.calls()
            .iter()
            .filter(|c| c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(user.id))
            .count()
    };
    assert_eq!((to(&busy), to(&fine), to(&blocked), to(&leader)), (1, 1, 0, 0));

    // Blocked is unreachable everywhere: in the results, and for the next check-in.
    for user in [&blocked, &leader] {
        assert!(
            store.member_by_telegram(user.id).await.unwrap().unwrap().opted_out_at.is_some(),
            "{}",
            user.first_name
        );
    }
    assert_eq!(store.launch_unreachable(launch.launch_id).await.unwrap(), ["Salma"]);
    assert_eq!(store.action_unreachable(action).await.unwrap(), ["Leila"], "the check-in's leader");
    assert_eq!(
        clusterbot::jobs::checkins_once(&app, now() + chrono::Duration::days(30)).await.unwrap(),
        0,
        "no check-in is queued for someone who cannot be reached"
    );
    let (launch2, invitees) = store
        .create_launch(imported.form_pk, cluster, Audience::Role(Role::Producer), None, None)
        .await
        .unwrap();
    assert_eq!(invitees.len(), 2, "the next launch leaves Salma out");

    // Salma writes to the bot again: she can be reached, by every feature.
    let user = teloxide::types::User {
        id: teloxide::types::UserId(blocked.id as u64),
        is_bot: false,
        first_name: "Salma".into(),
        last_name: None,
        username: None,
        language_code: Some("ar".into()),
        is_premium: false,
        added_to_attachment_menu: false,
    };
    app.caller(&user, teloxide::types::ChatId(blocked.id)).await.unwrap();
    assert!(store.member_by_telegram(blocked.id).await.unwrap().unwrap().opted_out_at.is_none());
    assert_eq!(store.launch_unreachable(launch2.launch_id).await.unwrap(), Vec::<String>::new());
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_pauses_every_message_and_a_403_makes_a_member_unreachable_on_sqlite() {
    refusals("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_pauses_every_message_and_a_403_makes_a_member_unreachable_on_postgres() {
    refusals("postgres").await;
}
