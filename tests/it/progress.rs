//! End to end: members report progress on joint actions by buttons only, with a voice note
//! and a photo; an old status button after the action was done; undo; the CDA's overview,
//! history and chart; adding an action in the chat; a one-tap check-in — on both databases.

use std::sync::Arc;

use chrono::Duration;
use clusterbot::bot::App;
use clusterbot::domain::action::ActionStatus;
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::i18n::I18n;
use clusterbot::store::Store;
use teloxide::Bot;

use crate::actions::new_action;
use crate::botapi::{BotApi, Call, TOKEN, TgUser};
use crate::e2e::{BotProcess, t};
use crate::questionnaire::member;
use crate::support::TestDb;

fn en(key: &str) -> String {
    t(Locale::En, key, &[])
}

fn status(s: &str) -> String {
    let (emoji, key) = match s {
        "on_track" => ("🟢", "status-on-track"),
        "blocked" => ("🔴", "status-blocked"),
        "done" => ("🏁", "status-done"),
        _ => unreachable!(),
    };
    format!("{emoji} {}", en(key))
}

async fn reporting(backend: &str) {
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let cluster =
        store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::En, None).await.unwrap().cluster_id;
    let forgers = store.add_cooperative(cluster, "Forgers").await.unwrap().cooperative_id;
    let ali = TgUser::new(9401, "Ali", "en");
    let zara = TgUser::new(9402, "Zara", "en");
    let imran = TgUser::new(9403, "Imran", "en");
    let ali_id = member(&store, cluster, Some(forgers), Role::Producer, &ali, Locale::En, Gender::Man).await;
    let zara_id =
        member(&store, cluster, Some(forgers), Role::Leader, &zara, Locale::En, Gender::Woman).await;
    member(&store, cluster, None, Role::Cda, &imran, Locale::En, Gender::Man).await;
    let steel = store
        .add_action(&new_action(cluster, "Joint steel purchase", vec![forgers], Some(14)))
        .await
        .unwrap();
    let fair = store
        .add_action(&clusterbot::domain::action::NewAction {
            target: None,
            unit: None,
            ..new_action(cluster, "Trade fair stand", vec![], None)
        })
        .await
        .unwrap();

    let api = BotApi::start().await;
    let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
    let expect = |from: usize, user: &TgUser, needle: String| {
        let id = user.id;
        let api = &api;
        async move {
            api.wait_for(from, &format!("a message to {id} containing {needle:?}"), move |c: &Call| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(id)
                    && c.text().contains(&needle)
            })
            .await
        }
    };

    // Ali reports with buttons only: menu → Report → action → 🟢 → 50 %.
    api.send_text(&ali, "/menu");
    let (i, menu) = expect(0, &ali, en("menu-title")).await;
    api.press(&ali, &menu, &menu.button_eq(&en("btn-report")));
    let (i, actions) = expect(i + 1, &ali, en("report-choose-action")).await;
    api.press(&ali, &actions, &actions.button("Joint steel purchase"));
    let (i, statuses) = expect(i + 1, &ali, "Joint steel purchase".into()).await;
    let old_statuses = statuses.clone();
    api.press(&ali, &statuses, &statuses.button_eq(&status("on_track")));
    let (i, progress) = expect(i + 1, &ali, "10 t".into()).await;
    // The percentages are pies that fill up, told apart without reading the number.
    let labels: Vec<String> = progress.buttons().into_iter().map(|(l, _)| l).collect();
    for pie in ["○ 0 %", "◔ 25 %", "◑ 50 %", "◕ 75 %", "● 100 %"] {
        assert!(labels.iter().any(|l| l == pie), "{pie} in {labels:?}");
    }
    api.press(&ali, &progress, &progress.button_eq("◑ 50 %"));
    let (i, _) = expect(i + 1, &ali, format!("{} · ◑ 50 %", status("on_track"))).await;
    // Then a voice note and a photo, attached to that report.
    api.send_voice(&ali, "ali-voice");
    let (i, _) = expect(i + 1, &ali, en("report-note-added")).await;
    api.send_photo(&ali, "ali-photo");
    let (i, added) = expect(i + 1, &ali, en("report-note-added")).await;
    api.press(&ali, &added, &added.button_eq(&en("btn-report-finish")));
    let (i, _) = expect(i + 1, &ali, en("menu-title")).await;
    // After Finish (or any command), what he writes is no longer a note of that report.
    api.send_text(&ali, "unrelated chat");
    let (i, _) = expect(i + 1, &ali, en("not-understood")).await;

    // The trade fair is blocked by money; how far along is typed.
    api.send_text(&ali, "/report");
    let (i, actions) = expect(i + 1, &ali, en("report-choose-action")).await;
    api.press(&ali, &actions, &actions.button("Trade fair stand"));
    let (i, statuses) = expect(i + 1, &ali, "Trade fair stand".into()).await;
    api.press(&ali, &statuses, &statuses.button_eq(&status("blocked")));
    let (i, blockers) = expect(i + 1, &ali, en("report-ask-blocker")).await;
    api.press(&ali, &blockers, &blockers.button_eq(&en("blocker-money")));
    let (i, _) = expect(i + 1, &ali, en("report-ask-progress")).await;
    api.send_text(&ali, "٣٠"); // 30, in Eastern Arabic digits
    let (i, recorded) = expect(i + 1, &ali, "◔ 30 %".into()).await;
    // He changes his mind: undo.
    api.press(&ali, &recorded, &recorded.button_eq(&en("btn-report-undo")));
    let (i, _) = expect(i + 1, &ali, en("report-undone")).await;

    // Zara, the leader, marks the steel purchase done.
    api.send_text(&zara, "/report");
    let (j, actions) = expect(0, &zara, en("report-choose-action")).await;
    api.press(&zara, &actions, &actions.button("Joint steel purchase"));
    let (j, statuses) = expect(j + 1, &zara, "Joint steel purchase".into()).await;
    // Done, which closes the action for the whole cooperative, is the last button and is
    // confirmed first: a mistaken tap is undone with "not yet", and nothing is recorded.
    let labels: Vec<String> = statuses.buttons().into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels.last(), Some(&status("done")), "{labels:?}");
    api.press(&zara, &statuses, &statuses.button_eq(&status("done")));
    let confirm = t(Locale::En, "report-confirm-done", &[("action", "Joint steel purchase")]);
    let (j, question) = expect(j + 1, &zara, confirm.clone()).await;
    api.press(&zara, &question, &question.button_eq(&en("btn-done-no")));
    let (j, statuses) = expect(j + 1, &zara, "Joint steel purchase".into()).await;
    assert!(!statuses.text().contains(&confirm));
    assert!(
        store.action(steel.action_id).await.unwrap().done_at.is_none(),
        "not done until the member confirms"
    );
    api.press(&zara, &statuses, &statuses.button_eq(&status("done")));
    let (j, question) = expect(j + 1, &zara, confirm).await;
    api.press(&zara, &question, &question.button_eq(&en("btn-done-yes")));
    expect(j + 1, &zara, format!("{} · ● 100 %", status("done"))).await;

    // Ali presses an old status button of the steel purchase: it is done, he is told so.
    api.press(&ali, &old_statuses, &old_statuses.button_eq(&status("on_track")));
    let done = en("report-already-done");
    api.wait_for(i + 1, "the old button's answer", |c| {
        c.method == "answerCallbackQuery" && c.body["text"] == done.as_str()
    })
    .await;

    // The CDA's overview, the steel purchase's history, Ali's voice note sent back, the chart.
    api.send_text(&imran, "/progress");
    let (k, overview) = expect(0, &imran, en("progress-title")).await;
    assert!(
        overview.text().contains(&format!("Joint steel purchase — {}", status("done"))),
        "{}",
        overview.text()
    );
    assert!(
        overview.text().contains(&format!("Trade fair stand — {}", en("progress-no-report"))),
        "the withdrawn report is not counted: {}",
        overview.text()
    );
    api.press(&imran, &overview, &overview.button("🎯 Joint steel purchase"));
    let (k, history) = expect(k + 1, &imran, "Ali".into()).await;
    assert!(history.text().contains("Zara") && history.text().contains("◑ 50 %"), "{}", history.text());
    api.press(&imran, &history, &history.button(&en("btn-note-voice")));
    let (k, voice) = api.wait_for(k + 1, "the voice note", |c| c.method == "sendVoice").await;
    assert!(voice.body["voice"]["size"].as_u64().unwrap() > 0);
    // It says who sent it, from which cooperative, about which action, and when (Sialkot time).
    let caption = voice.body["caption"].as_str().unwrap_or_default().to_owned();
    let reported = store.reports(steel.action_id).await.unwrap();
    let ali_report = reported.iter().find(|r| r.member_id == ali_id).expect("Ali's report");
    // On the English reader's 12-hour clock, in Sialkot's zone (UTC+5).
    let local = ali_report.created_at.with_timezone(&chrono_tz::Asia::Karachi).format("%-I:%M %p");
    for part in ["Ali · Forgers", "Joint steel purchase", &local.to_string()] {
        assert!(caption.contains(part), "the caption {caption:?} lacks {part:?}");
    }
    assert!(caption.chars().count() <= 1024);
    api.press(&imran, &history, &history.button(&en("btn-note-photo")));
    let (k, photo) = api.wait_for(k + 1, "the photo", |c| c.method == "sendPhoto").await;
    assert_eq!(photo.body["caption"].as_str(), Some(caption.as_str()), "the photo says the same");
    api.press(&imran, &overview, &overview.button_eq(&en("btn-progress-chart")));
    let (k, chart) = api.wait_for(k + 1, "the chart", |c| c.method == "sendPhoto").await;
    assert_eq!(chart.body["photo"]["png"], true);

    // The CDA gives the steel purchase's title in French.
    api.press(&imran, &history, &history.button_eq(&en("btn-action-translate")));
    let (k, languages) = expect(k + 1, &imran, en("action-translate-language")).await;
    api.press(&imran, &languages, &languages.button_eq("🇫🇷 Français"));
    let (k, _) = expect(k + 1, &imran, "Français".into()).await;
    api.send_text(&imran, "Achat groupé d’acier");
    let (k, _) = expect(k + 1, &imran, "Achat groupé d’acier".into()).await;
    assert_eq!(store.action_in(steel.action_id, Locale::Fr).await.unwrap().title, "Achat groupé d’acier");
    assert_eq!(
        store.action_in(steel.action_id, Locale::Ar).await.unwrap().title,
        "Joint steel purchase",
        "untranslated: as written"
    );

    // The CDA adds a joint action in the chat.
    api.press(&imran, &overview, &overview.button_eq(&en("btn-action-add")));
    let (k, _) = expect(k + 1, &imran, en("action-ask-title")).await;
    api.send_text(&imran, "Shared polishing machine");
    let (k, description) = expect(k + 1, &imran, en("action-ask-description")).await;
    api.press(&imran, &description, &description.button_eq(&en("btn-form-skip")));
    let (k, owners) = expect(k + 1, &imran, en("action-ask-owners")).await;
    api.press(&imran, &owners, &owners.button_eq("⬜ Forgers"));
    let (k, owners) = expect(k + 1, &imran, en("action-ask-owners")).await;
    api.press(&imran, &owners, &owners.button_eq(&en("btn-form-done")));
    let (k, start) = expect(k + 1, &imran, en("action-ask-start")).await;
    api.press(&imran, &start, &start.button_eq(&en("btn-form-today")));
    let (k, due) = expect(k + 1, &imran, en("action-ask-due")).await;
    api.send_text(&imran, "31/02/2027");
    let (k, _) = expect(k + 1, &imran, en("action-reask")).await;
    api.press(&imran, &due, &due.button("3"));
    let (k, _) = expect(k + 1, &imran, en("action-ask-target")).await;
    api.send_text(&imran, "1 machine");
    let (k, rhythm) = expect(k + 1, &imran, en("action-ask-rhythm")).await;
    api.press(&imran, &rhythm, &rhythm.button("14"));
    expect(k + 1, &imran, "Shared polishing machine".into()).await;
    assert_eq!(api.violations(), Vec::<String>::new());

    // The database holds it all.
    let check = Store::connect(&db.url).await.unwrap();
    let reports = check.reports(steel.action_id).await.unwrap();
    assert_eq!(
        reports.iter().map(|r| (r.member_id, r.status)).collect::<Vec<_>>(),
        [(zara_id, ActionStatus::Done), (ali_id, ActionStatus::OnTrack)]
    );
    let notes = check.report_notes(reports[1].report_id).await.unwrap();
    assert_eq!(
        notes.iter().map(|n| n.kind.as_str()).collect::<Vec<_>>(),
        ["voice", "photo"],
        "nothing else attached"
    );
    for note in &notes {
        assert!(dir.path().join("data").join(note.media_path.as_ref().unwrap()).is_file(), "{note:?}");
    }
    assert!(check.reports(fair.action_id).await.unwrap().is_empty(), "the undone report is withdrawn");
    let added = check
        .actions(cluster)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.title == "Shared polishing machine")
        .expect("added");
    assert_eq!(
        (added.target, added.unit.as_deref(), added.rhythm_days),
        (Some(1.0), Some("machine"), Some(14))
    );
    assert_eq!(added.due_date, added.start_date.checked_add_months(chrono::Months::new(3)).unwrap());
    assert_eq!(check.action_owners(added.action_id).await.unwrap(), [(forgers, "Forgers".to_owned())]);
    check.close().await;

    // Two weeks later (on a Karachi morning), the leader is asked how the new action goes, and
    // answers with one tap.
    let bot = Bot::new(TOKEN).set_api_url(api.url.parse().unwrap());
    let app = App::new(store.clone(), Arc::new(I18n::load().unwrap()), dir.path().join("data"));
    let later = {
        let day = (clusterbot::store::now() + Duration::days(15)).date_naive();
        day.and_hms_opt(5, 0, 0).unwrap().and_utc() // 10:00 in Karachi
    };
    let before = api.calls().len();
    assert_eq!(clusterbot::jobs::checkins_once(&app, later).await.unwrap(), 1);
    assert_eq!(clusterbot::jobs::checkins_once(&app, later).await.unwrap(), 0, "one pending at a time");
    // The job only queued it: the sender delivers it.
    let mut pacer = clusterbot::jobs::outbox::Pacer::default();
    let delivered =
        clusterbot::jobs::outbox::deliver_due(&bot, &app, "test", later, &mut pacer).await.unwrap();
    assert_eq!(delivered, [clusterbot::jobs::outbox::Delivery::Sent]);
    let (_, checkin) = expect(before, &zara, "Shared polishing machine".into()).await;
    api.press(&zara, &checkin, &checkin.button_eq(&status("on_track")));
    expect(before, &zara, en("report-ask-progress").split('?').next().unwrap().to_owned()).await;
    let reports = store.reports(added.action_id).await.unwrap();
    assert_eq!((reports.len(), reports[0].status, reports[0].member_id), (1, ActionStatus::OnTrack, zara_id));
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn members_report_progress_and_cdas_follow_it_on_sqlite() {
    reporting("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn members_report_progress_and_cdas_follow_it_on_postgres() {
    reporting("postgres").await;
}
