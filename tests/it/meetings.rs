//! Meetings and the outbox in the store, on SQLite and PostgreSQL: who is invited, what is
//! queued, answers, moving and cancelling, and claims that never hand a row out twice.

use std::collections::BTreeSet;

use chrono::{Duration, Utc};
use clusterbot::domain::ids::{ClusterId, CooperativeId, MemberId};
use clusterbot::domain::meeting::{MeetingAudience, Rsvp};
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::export::{Dataset, ExportRequest, Format};
use clusterbot::store::{NewMeeting, Store, now};

use crate::botapi::TgUser;
use crate::both_backends;
use crate::questionnaire::member;

pub struct Town {
    pub cluster: ClusterId,
    pub coop: CooperativeId,
    pub members: Vec<(MemberId, TgUser)>,
}

/// A cluster with a CDA (first), a leader (second) and producers.
pub async fn town(store: &Store, base: i64, producers: usize) -> Town {
    let cluster = store
        .add_cluster(&format!("Djebba {base}"), chrono_tz::Africa::Tunis, Locale::Ar, None)
        .await
        .unwrap()
        .cluster_id;
    let coop = store.add_cooperative(cluster, "Amal").await.unwrap().cooperative_id;
    let mut members = Vec::new();
    let cda = TgUser::new(base, "Sami", "en");
    members.push((member(store, cluster, None, Role::Cda, &cda, Locale::En, Gender::Man).await, cda));
    let leader = TgUser::new(base + 1, "Leila", "fr");
    members.push((
        member(store, cluster, Some(coop), Role::Leader, &leader, Locale::Fr, Gender::Woman).await,
        leader,
    ));
    for i in 0..producers {
        let user = TgUser::new(base + 2 + i as i64, &format!("Producer{i}"), "ar");
        members.push((
            member(store, cluster, None, Role::Producer, &user, Locale::Ar, Gender::Woman).await,
            user,
        ));
    }
    Town { cluster, coop, members }
}

pub fn meeting(cluster: ClusterId, audience: MeetingAudience, in_hours: i64) -> NewMeeting {
    NewMeeting {
        cluster_id: cluster,
        title: "Cluster Commission".into(),
        starts_at: now() + Duration::hours(in_hours),
        place: "Town hall".into(),
        location: None,
        audience,
        reminder_offsets: vec![10080, 1440, 60],
        created_by: None,
    }
}

both_backends!(audiences_pick_who_is_invited_and_what_is_queued, |store: Store| async move {
    let t = town(&store, 100, 2).await;
    let (everyone, n) =
        store.create_meeting(&meeting(t.cluster, MeetingAudience::Cluster, 30)).await.unwrap();
    assert_eq!(n, 4);
    // A week before is already past: only the day-before and hour-before reminders are queued.
    let states = store.outbox_states(everyone.meeting_id).await.unwrap();
    assert_eq!(
        states,
        [
            ("invitation".to_owned(), "pending".to_owned(), 4),
            ("reminder".to_owned(), "pending".to_owned(), 8)
        ]
    );
    assert_eq!(
        store.create_meeting(&meeting(t.cluster, MeetingAudience::Leaders, 30)).await.unwrap().1,
        2,
        "leader and CDA"
    );
    assert_eq!(
        store.create_meeting(&meeting(t.cluster, MeetingAudience::Cooperative(t.coop), 30)).await.unwrap().1,
        2,
        "the coop and the CDA"
    );
    assert_eq!(
        store.create_meeting(&meeting(t.cluster, MeetingAudience::Commission, 30)).await.unwrap().1,
        1,
        "only the CDA so far"
    );
    assert!(store.set_commission(t.cluster, t.members[2].1.id, true).await.unwrap());
    assert_eq!(
        store.create_meeting(&meeting(t.cluster, MeetingAudience::Commission, 30)).await.unwrap().1,
        2
    );
});

both_backends!(every_row_is_claimed_by_exactly_one_worker, |store: Store| async move {
    let t = town(&store, 200, 10).await;
    for _ in 0..3 {
        store.create_meeting(&meeting(t.cluster, MeetingAudience::Cluster, 30)).await.unwrap();
    }
    let later = now() + Duration::hours(29) + Duration::minutes(30); // invitations and both reminders are due
    let workers = (0..4).map(|w| {
        let store = store.clone();
        tokio::spawn(async move {
            let mut mine = Vec::new();
            while let Some(item) = store.claim_outbox(&format!("w{w}"), later).await.unwrap() {
                mine.push(item.outbox_id);
            }
            mine
        })
    });
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap());
    }
    let unique: BTreeSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "no row handed out twice");
    assert_eq!(all.len(), 3 * 12 * 3, "every invitation and reminder due, each once");
    assert!(store.claim_outbox("late", later).await.unwrap().is_none());
    // A crash leaves rows "sending": they are not sent again, but recorded as uncertain.
    // (claimed at the test's "later", 29.5 hours ahead: a lease of -30 hours has expired for them)
    assert_eq!(store.outbox_recover(Duration::hours(-30)).await.unwrap(), 108);
});

both_backends!(answers_count_until_the_meeting_starts, |store: Store| async move {
    let t = town(&store, 300, 1).await;
    let (m, _) = store.create_meeting(&meeting(t.cluster, MeetingAudience::Cluster, 2)).await.unwrap();
    let producer = t.members[2].0;
    assert!(store.set_rsvp(m.meeting_id, producer, Rsvp::Maybe).await.unwrap());
    assert!(store.set_rsvp(m.meeting_id, producer, Rsvp::Coming).await.unwrap(), "the answer can change");
    let invitees = store.invitees(m.meeting_id).await.unwrap();
    assert_eq!(invitees.iter().find(|i| i.member_id == producer).unwrap().rsvp.as_deref(), Some("coming"));
    let stranger = store.add_cluster("Other", chrono_tz::UTC, Locale::En, None).await.unwrap();
    let _ = stranger;
    store.cancel_meeting(m.meeting_id).await.unwrap();
    assert!(!store.set_rsvp(m.meeting_id, producer, Rsvp::NotComing).await.unwrap(), "not after cancelling");
    let states = store.outbox_states(m.meeting_id).await.unwrap();
    assert!(states.contains(&("cancel".to_owned(), "pending".to_owned(), 3)), "{states:?}");
    assert!(states.contains(&("reminder".to_owned(), "skipped".to_owned(), 3)), "{states:?}");
});

both_backends!(moving_a_meeting_requeues_its_reminders_and_tells_everyone, |store: Store| async move {
    let t = town(&store, 400, 1).await;
    let (m, _) = store.create_meeting(&meeting(t.cluster, MeetingAudience::Cluster, 48)).await.unwrap();
    let new_time = now() + Duration::hours(72);
    store.reschedule_meeting(m.meeting_id, new_time).await.unwrap();
    let moved = store.meeting(m.meeting_id).await.unwrap();
    assert_eq!((moved.generation, moved.starts_at.timestamp()), (1, new_time.timestamp()));
    let states = store.outbox_states(m.meeting_id).await.unwrap();
    assert!(states.contains(&("update".to_owned(), "pending".to_owned(), 3)), "{states:?}");
    assert!(
        states.contains(&("reminder".to_owned(), "skipped".to_owned(), 6)),
        "old reminders dropped: {states:?}"
    );
    assert!(
        states.contains(&("reminder".to_owned(), "pending".to_owned(), 6)),
        "new ones queued: {states:?}"
    );
    assert_eq!(store.remind_unanswered(m.meeting_id).await.unwrap(), 3);
    assert!(moved.starts_at > Utc::now());
});

both_backends!(moving_a_meeting_asks_everyone_again_and_keeps_the_old_answers, |store: Store| async move {
    let t = town(&store, 500, 2).await;
    let (m, _) = store.create_meeting(&meeting(t.cluster, MeetingAudience::Cluster, 48)).await.unwrap();
    let (fatima, omar) = (t.members[2].0, t.members[3].0);
    assert!(store.set_rsvp(m.meeting_id, fatima, Rsvp::Coming).await.unwrap());
    assert!(store.set_rsvp(m.meeting_id, omar, Rsvp::NotComing).await.unwrap());
    store.reschedule_meeting(m.meeting_id, now() + Duration::hours(72)).await.unwrap();
    let answers = |store: Store| async move {
        let invitees = store.invitees(m.meeting_id).await.unwrap();
        let of = |id| invitees.iter().find(|i| i.member_id == id).unwrap().clone();
        [of(fatima), of(omar)].map(|i| (i.rsvp, i.previous_rsvp))
    };
    let s = |v: &str| Some(v.to_owned());
    assert_eq!(answers(store.clone()).await, [(None, s("coming")), (None, s("not_coming"))]);
    assert_eq!(store.remind_unanswered(m.meeting_id).await.unwrap(), 4, "everyone is asked again");
    // Fatima answers again; Omar does not, and the meeting moves once more: his answer stays.
    assert!(store.set_rsvp(m.meeting_id, fatima, Rsvp::Maybe).await.unwrap());
    store.reschedule_meeting(m.meeting_id, now() + Duration::hours(96)).await.unwrap();
    assert_eq!(answers(store.clone()).await, [(None, s("maybe")), (None, s("not_coming"))]);
    // The export tells the same: no answer for the new time, the one before the change.
    let mut request = ExportRequest::new(t.cluster, Dataset::Meetings, Format::Csv);
    request.include_personal = true;
    let mut out = Vec::new();
    clusterbot::export::export_csv(&store, &request, &mut out).await.unwrap();
    let csv = String::from_utf8(out).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row = csv.lines().find(|l| l.split(',').nth(col("member_id")) == Some(&fatima.to_string())).unwrap();
    let cells: Vec<&str> = row.split(',').collect();
    assert_eq!([cells[col("rsvp")], cells[col("rsvp_at")], cells[col("previous_rsvp")]], ["", "", "maybe"]);
});

mod end_to_end {
    /// How one language writes a day, spelled out here independently of the bot.
    struct DayWords {
        days: [&'static str; 7],
        months: [&'static str; 12],
        today: &'static str,
        tomorrow: &'static str,
    }

    /// "today", "<tomorrow>, <day> <n> <month>", or "<day> <n> <month>" (the year only when
    /// it is not this year).
    fn day_in(w: &DayWords, d: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
        let mut plain = format!(
            "{} {} {}",
            w.days[d.weekday().num_days_from_monday() as usize],
            d.day(),
            w.months[d.month0() as usize]
        );
        if d.year() != today.year() {
            plain.push_str(&format!(" {}", d.year()));
        }
        match (d - today).num_days() {
            0 => w.today.into(),
            1 => format!("{}, {plain}", w.tomorrow),
            _ => plain,
        }
    }

    /// A day as an English reader reads it on the bot's day buttons: "today",
    /// "tomorrow, Tue 8 Dec", "Thu 10 Dec" (the year only when it is not this year).
    pub fn en_day(d: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
        const EN: DayWords = DayWords {
            days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
            today: "today",
            tomorrow: "tomorrow",
        };
        day_in(&EN, d, today)
    }

    /// The same day as a French reader reads it in a meeting's time: "demain, mar. 8 déc.".
    fn fr_day(d: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
        const FR: DayWords = DayWords {
            days: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
            months: [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                "déc.",
            ],
            today: "aujourd’hui",
            tomorrow: "demain",
        };
        day_in(&FR, d, today)
    }

    use chrono::{Datelike, Duration};
    use clusterbot::domain::Locale;
    use clusterbot::domain::ids::{MeetingId, OutboxId};
    use clusterbot::domain::meeting::{MeetingAudience, Rsvp};

    use super::{meeting, town};
    use crate::botapi::{BotApi, Call, Fault};
    use crate::e2e::{BotProcess, t};
    use crate::support::TestDb;

    fn first_line(locale: Locale, key: &str, title: &str) -> String {
        t(locale, key, &[("title", title), ("when", "W"), ("place", "P")]).lines().next().unwrap().to_owned()
    }

    /// Waits until no row of these meetings is pending or being sent, except `in_flight` (rows
    /// a killed process left "sending": never sent again). A row leaves "sending" only after
    /// its request was answered, so every message has then reached the double. The deadline
    /// is for three debug builds sharing two busy cores.
    async fn wait_until_delivered(db_url: &str, meetings: &[MeetingId], in_flight: &[OutboxId]) {
        let pg = sqlx::PgPool::connect(db_url).await.unwrap();
        let ids = meetings.iter().map(MeetingId::to_string).collect::<Vec<_>>().join(",");
        let open = format!(
            "select outbox_id, kind, state from outbox where meeting_id in ({ids}) \
             and state in ('pending', 'sending') order by outbox_id"
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(240);
        loop {
            let rows: Vec<(OutboxId, String, String)> = sqlx::query_as(&open).fetch_all(&pg).await.unwrap();
            let waiting: Vec<_> = rows.iter().filter(|(id, _, _)| !in_flight.contains(id)).collect();
            if waiting.is_empty() {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the outbox of meetings {ids} was not delivered: {waiting:?} still open"
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        pg.close().await;
    }

    /// The rows being sent right now (by the one process running).
    async fn sending(db_url: &str) -> Vec<OutboxId> {
        let pg = sqlx::PgPool::connect(db_url).await.unwrap();
        let rows = sqlx::query_scalar("select outbox_id from outbox where state = 'sending'")
            .fetch_all(&pg)
            .await
            .unwrap();
        pg.close().await;
        rows
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn every_reminder_arrives_once_through_429_403_a_crash_and_two_processes() {
        let db = TestDb::postgres().await;
        let dir = tempfile::tempdir().unwrap();
        let store = db.store.clone();
        let t_ = town(&store, 9600, 4).await;
        let (a, invited) =
            store.create_meeting(&meeting(t_.cluster, MeetingAudience::Cluster, 2)).await.unwrap();
        assert_eq!(invited, 6);
        let started = clusterbot::store::NewMeeting {
            title: "Steering Committee".into(),
            ..meeting(t_.cluster, MeetingAudience::Cluster, 2)
        };
        let (b, _) = store.create_meeting(&started).await.unwrap();
        // Bring everything due now; meeting B has just started (the bot was down meanwhile).
        let pg = sqlx::PgPool::connect(&db.url).await.unwrap();
        for sql in [
            format!(
                "update outbox set due_at = now() - interval '2 minutes' where meeting_id = {} and kind = 'invitation'",
                a.meeting_id
            ),
            format!(
                "update outbox set due_at = now() - interval '1 minute' where meeting_id = {} and kind = 'reminder'",
                a.meeting_id
            ),
            format!(
                "update meeting set starts_at = now() - interval '1 minute' where meeting_id = {}",
                b.meeting_id
            ),
            format!(
                "update outbox set due_at = now() - interval '3 minutes' where meeting_id = {}",
                b.meeting_id
            ),
        ] {
            sqlx::query(&sql).execute(&pg).await.unwrap();
        }
        pg.close().await;
        let (slow, busy, blocked) =
            (t_.members[4].1.clone(), t_.members[3].1.clone(), t_.members[5].1.clone());

        let api = BotApi::start().await;
        api.fault(busy.id, Fault::TooManyRequestsOnce { retry_after: 1 });
        api.fault(blocked.id, Fault::Blocked);
        api.fault(slow.id, Fault::HoldOnce { seconds: 30 });

        // One process starts delivering and dies while a message is on its way.
        let first = BotProcess::spawn(&api, &db.url, dir.path(), "first");
        api.wait_for(0, "the held message", |c: &Call| {
            c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(slow.id)
        })
        .await;
        first.kill();
        // It died with the held message's row "sending": that row is never sent again.
        let in_flight = sending(&db.url).await;
        assert_eq!(in_flight.len(), 1, "the held message, being sent when the process died");
        // Two processes take over on the same database.
        let _second = BotProcess::spawn(&api, &db.url, dir.path(), "second");
        let _third = BotProcess::spawn(&api, &db.url, dir.path(), "third");
        wait_until_delivered(&db.url, &[a.meeting_id, b.meeting_id], &in_flight).await;
        // The process that took the sender lease knew no other sender was alive: the row cut
        // short is marked uncertain at once (it may have arrived), and never sent again.
        let pg = sqlx::PgPool::connect(&db.url).await.unwrap();
        let state: String = sqlx::query_scalar("select state from outbox where outbox_id = $1")
            .bind(in_flight[0])
            .fetch_one(&pg)
            .await
            .unwrap();
        pg.close().await;
        assert_eq!(state, "uncertain", "the interrupted row is recorded, not resent");

        let calls = api.calls();
        for (id, user) in &t_.members {
            let locale = store.member(*id).await.unwrap().locale.unwrap();
            let count = |key: &str| {
                let line = first_line(locale, key, "Cluster Commission");
                calls
                    .iter()
                    .filter(|c| {
                        c.method == "sendMessage"
                            && c.body["chat_id"].as_i64() == Some(user.id)
                            && c.text().starts_with(&line)
                    })
                    .count()
            };
            let expected = if user.id == blocked.id { 0 } else { 1 };
            assert_eq!(count("meeting-invitation"), expected, "invitations to {}", user.first_name);
            assert_eq!(count("meeting-reminder"), expected, "reminders to {}", user.first_name);
        }
        assert!(
            !calls.iter().any(|c| c.text().contains("Steering Committee")),
            "nothing after a meeting started"
        );
        assert!(
            store.outbox_states(b.meeting_id).await.unwrap().iter().all(|(_, state, _)| state == "skipped")
        );
        let refused = api.refused();
        assert!(refused.iter().any(|(_, chat, status)| *chat == busy.id && *status == 429), "{refused:?}");
        assert!(refused.iter().any(|(_, chat, status)| *chat == blocked.id && *status == 403), "{refused:?}");
        assert!(
            store.member_by_telegram(blocked.id).await.unwrap().unwrap().opted_out_at.is_some(),
            "marked unreachable"
        );
        assert_eq!(api.violations(), Vec::<String>::new());

        // A member answers 👍; the invitation shows the answer.
        let producer = t_.members[2].1.clone();
        let invitation = calls
            .iter()
            .find(|c| {
                c.body["chat_id"].as_i64() == Some(producer.id)
                    && c.text().starts_with(&first_line(
                        Locale::Ar,
                        "meeting-invitation",
                        "Cluster Commission",
                    ))
            })
            .unwrap()
            .clone();
        let coming = format!("👍 {}", t(Locale::Ar, "rsvp-coming", &[]));
        let before = api.calls().len();
        api.press(&producer, &invitation, &invitation.button_eq(&coming));
        let answer = t(Locale::Ar, "meeting-your-answer", &[("answer", &coming)]);
        api.wait_for(before, "the edited invitation", |c| {
            c.method == "editMessageText" && c.text().contains(&answer)
        })
        .await;

        // The CDA sees who comes and who could not be reached.
        let cda = t_.members[0].1.clone();
        let before = api.calls().len();
        api.send_text(&cda, "/meetings");
        let (_, list) = api
            .wait_for(before, "the list", |c| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(cda.id)
                    && c.text().contains("👍 1")
            })
            .await;
        api.press(&cda, &list, &list.button("Cluster Commission"));
        let unreachable = t(Locale::En, "meeting-unreachable", &[("names", &blocked.first_name)]);
        api.wait_for(before, "the detail", |c| c.method == "sendMessage" && c.text().contains(&unreachable))
            .await;
        api.stop().await;
        db.cleanup().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_cda_schedules_with_buttons_and_members_are_invited_in_their_language_and_time() {
        let db = TestDb::sqlite().await;
        let dir = tempfile::tempdir().unwrap();
        let store = db.store.clone();
        let t_ = town(&store, 9700, 1).await;
        let api = BotApi::start().await;
        let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
        let cda = t_.members[0].1.clone();
        let en = |k: &str| t(Locale::En, k, &[]);
        let expect = |from: usize, needle: String| {
            let api = &api;
            let id = cda.id;
            async move {
                api.wait_for(from, &needle.clone(), move |c: &Call| {
                    c.method == "sendMessage"
                        && c.body["chat_id"].as_i64() == Some(id)
                        && c.text().contains(&needle)
                })
                .await
            }
        };
        api.send_text(&cda, "/meeting");
        let (i, _) = expect(0, en("meeting-ask-title")).await;
        api.send_text(&cda, "Fig harvest planning");
        let (i, days) = expect(i + 1, en("meeting-ask-day")).await;
        // The second day offered (tomorrow, counted when the bot made the buttons), 10:00 in
        // Tunis (UTC+1). Its date is read from the button, so a midnight passing between the
        // bot's clock and the test's cannot make the two disagree.
        let (label, data) = days.buttons()[1].clone();
        let today = clusterbot::store::now().with_timezone(&chrono_tz::Africa::Tunis).date_naive();
        let tomorrow = (-1..=8)
            .map(|n| today + Duration::days(n))
            .find(|d| label == en_day(*d, today))
            .unwrap_or_else(|| panic!("the button {label:?} shows no day near {today}"));
        api.press(&cda, &days, &data);
        let (i, hours) = expect(i + 1, en("meeting-ask-time")).await;
        api.press(&cda, &hours, &hours.button_eq("🕒 10:00 AM"));
        let (i, _) = expect(i + 1, en("meeting-ask-place")).await;
        api.send_location(&cda, 36.4703, 9.4612);
        let (i, audience) = expect(i + 1, en("meeting-ask-audience")).await;
        api.press(&cda, &audience, &audience.button_eq(&en("btn-audience-cluster")));
        let (i, reminders) = expect(i + 1, en("meeting-ask-reminders")).await;
        assert!(
            reminders.buttons().iter().any(|(l, _)| l == &format!("✅ {}", en("reminder-1d"))),
            "a day before is on by default"
        );
        api.press(&cda, &reminders, &reminders.button_eq(&en("btn-form-done")));
        expect(i + 1, "Fig harvest planning".into()).await;

        // The leader is invited in French, at 10:00 Tunis time, with the weekday and the day
        // named as she reads it ("demain, mar. 8 déc., 10:00").
        let leader = t_.members[1].1.clone();
        let when = format!("{}, 10:00", fr_day(tomorrow, today));
        let (_, invitation) = api
            .wait_for(0, "the French invitation", |c| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(leader.id)
                    && c.text().contains(&when)
            })
            .await;
        // Never an ISO date, UTC or raw coordinates: the place is the pin that follows.
        let text = invitation.text();
        let iso = regex::Regex::new(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}").unwrap();
        assert!(text.contains("Fig harvest planning"), "{text}");
        assert!(!iso.is_match(text) && !text.contains("UTC") && !text.contains("36.47"), "{text}");
        assert!(text.contains(&t(Locale::Fr, "read-location-pin", &[])), "{text}");
        // The producer reads it in Arabic: every line right-to-left, though the title is Latin.
        let producer = t_.members[2].1.clone();
        let (_, arabic) = api
            .wait_for(0, "the Arabic invitation", |c| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(producer.id)
                    && c.text().contains("Fig harvest planning")
            })
            .await;
        assert!(crate::i18n::every_line_is_rtl(arabic.text()), "{:?}", arabic.text());
        assert!(
            arabic.text().contains(&t(Locale::Ar, "read-tomorrow", &[]))
                || tomorrow != today.succ_opt().unwrap()
        );
        // The CDA, invited too, reads it in English on a 12-hour clock: "tomorrow, Tue 8 Dec, 10:00 AM".
        let in_english = format!("{}, 10:00 AM", en_day(tomorrow, today));
        api.wait_for(0, "the English invitation", |c| {
            c.method == "sendMessage"
                && c.body["chat_id"].as_i64() == Some(cda.id)
                && c.text().contains("Fig harvest planning")
                && c.text().contains(&in_english)
        })
        .await;
        let (_, pin) = api
            .wait_for(0, "the location pin", |c| {
                c.method == "sendLocation" && c.body["chat_id"].as_i64() == Some(leader.id)
            })
            .await;
        assert_eq!(pin.body["latitude"].as_f64(), Some(36.4703));
        let m = store.upcoming_meetings(t_.cluster).await.unwrap().remove(0);
        assert_eq!(m.offsets(), [1440, 60]);
        let local = m.starts_at.with_timezone(&chrono_tz::Africa::Tunis);
        assert_eq!((local.date_naive(), local.format("%H:%M").to_string()), (tomorrow, "10:00".into()));
        assert_eq!(api.violations(), Vec::<String>::new());
        api.stop().await;
    }

    /// Moving a meeting through the bot: the notice of the new time asks again (with the answer
    /// given for the old time), and the CDA's counts start from zero with that answer shown.
    async fn moving_a_meeting_asks_again(backend: &str, base: i64) {
        let db = TestDb::of(backend).await;
        let dir = tempfile::tempdir().unwrap();
        let store = db.store.clone();
        let t_ = town(&store, base, 1).await;
        let (m, _) = store.create_meeting(&meeting(t_.cluster, MeetingAudience::Cluster, 48)).await.unwrap();
        let api = BotApi::start().await;
        let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
        let (cda, producer) = (t_.members[0].1.clone(), t_.members[2].1.clone());
        let to = |user: &crate::botapi::TgUser, c: &Call| {
            c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(user.id)
        };
        let invitation_line = first_line(Locale::Ar, "meeting-invitation", "Cluster Commission");
        let (_, invitation) = api
            .wait_for(0, "the invitation", |c| to(&producer, c) && c.text().starts_with(&invitation_line))
            .await;
        // She answers with the first button (coming).
        let (coming, data) = invitation.buttons()[0].clone();
        let before = api.calls().len();
        api.press(&producer, &invitation, &data);
        let answer = t(Locale::Ar, "meeting-your-answer", &[("answer", &coming)]);
        api.wait_for(before, "the answer shown", |c| {
            c.method == "editMessageText" && c.text().contains(&answer)
        })
        .await;

        // The CDA changes the time: the last day offered, at 10:00.
        let counts = |c: usize, n: usize, m: usize, none: usize| {
            format!(
                "{} {c} · {} {n} · {} {m} · ⏳ {none}",
                Rsvp::Coming.emoji(),
                Rsvp::NotComing.emoji(),
                Rsvp::Maybe.emoji()
            )
        };
        let before = api.calls().len();
        api.send_text(&cda, "/meetings");
        let (_, list) =
            api.wait_for(before, "the list", |c| to(&cda, c) && c.text().contains(&counts(1, 0, 0, 2))).await;
        api.press(&cda, &list, &list.button("Cluster Commission"));
        let (i, detail) = api
            .wait_for(before, "the detail", |c| {
                to(&cda, c) && !c.buttons().is_empty() && c.text().starts_with("📅 Cluster")
            })
            .await;
        api.press(&cda, &detail, &detail.button_eq(&t(Locale::En, "btn-meeting-move", &[])));
        let (i, days) = api
            .wait_for(i + 1, "the days", |c| to(&cda, c) && c.text() == t(Locale::En, "meeting-ask-day", &[]))
            .await;
        let last_day = days.buttons().last().unwrap().1.clone();
        api.press(&cda, &days, &last_day);
        let (i, hours) = api
            .wait_for(i + 1, "the hours", |c| {
                to(&cda, c) && c.text() == t(Locale::En, "meeting-ask-time", &[])
            })
            .await;
        api.press(&cda, &hours, &hours.button_eq("🕒 10:00 AM"));
        let (i, _) =
            api.wait_for(i + 1, "the move done", |c| to(&cda, c) && c.text().contains("🕒 Cluster")).await;

        // The notice of the new time asks her again, with fresh buttons.
        let moved_line = first_line(Locale::Ar, "meeting-moved", "Cluster Commission");
        let (_, notice) =
            api.wait_for(i, "the notice", |c| to(&producer, c) && c.text().starts_with(&moved_line)).await;
        // She is a woman, and the notice says so (كنتِ قد أجبتِ).
        let again = t(crate::e2e::woman(Locale::Ar), "meeting-answer-again", &[("answer", &coming)]);
        assert!(notice.text().contains(&again), "{}", notice.text());
        let your_answer_line = t(Locale::Ar, "meeting-your-answer", &[("answer", &coming)]);
        assert!(!notice.text().contains(&your_answer_line), "{}", notice.text());
        assert_eq!(notice.buttons().len(), 3, "{:?}", notice.buttons());

        // The CDA's counts start again from zero; her old answer is shown as before the change.
        let before = api.calls().len();
        api.send_text(&cda, "/meetings");
        let (_, list) =
            api.wait_for(before, "the new list", |c| to(&cda, c) && c.text().contains("📅 Cluster")).await;
        assert!(list.text().contains(&counts(0, 0, 0, 3)), "{}", list.text());
        api.press(&cda, &list, &list.button("Cluster Commission"));
        let en_coming = format!("{} {}", Rsvp::Coming.emoji(), t(Locale::En, "rsvp-coming", &[]));
        let was = t(
            Locale::En,
            "meeting-before-change",
            &[("names", &format!("{} {en_coming}", producer.first_name))],
        );
        api.wait_for(before, "the new detail", |c| to(&cda, c) && c.text().contains(&was)).await;

        // She answers on the notice: counted for the new time.
        let before = api.calls().len();
        api.press(&producer, &notice, &notice.buttons()[1].1);
        api.wait_for(before, "the new answer", |c| {
            c.method == "editMessageText" && c.body["chat_id"].as_i64() == Some(producer.id)
        })
        .await;
        let invitees = store.invitees(m.meeting_id).await.unwrap();
        let her = invitees.iter().find(|i| i.member_id == t_.members[2].0).unwrap();
        assert_eq!((her.rsvp.as_deref(), her.previous_rsvp.as_deref()), (Some("not_coming"), Some("coming")));
        assert_eq!(api.violations(), Vec::<String>::new());
        api.stop().await;
        db.cleanup().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn moving_a_meeting_asks_again_on_sqlite() {
        moving_a_meeting_asks_again("sqlite", 9800).await;
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn moving_a_meeting_asks_again_on_postgres() {
        moving_a_meeting_asks_again("postgres", 9850).await;
    }

    /// A fixed-offset zone where it is now `hour` o'clock (local minutes are UTC minutes).
    fn zone_at(hour: u32) -> chrono_tz::Tz {
        use chrono::Timelike;
        let utc = clusterbot::store::now().hour() as i32;
        let mut offset = (hour as i32 - utc).rem_euclid(24);
        if offset > 14 {
            offset -= 24;
        }
        // Etc/GMT-5 is UTC+5.
        let name = if offset == 0 { "Etc/GMT".to_owned() } else { format!("Etc/GMT{:+}", -offset) };
        name.parse().unwrap()
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn late_in_the_evening_today_is_not_offered_and_at_noon_only_hours_ahead() {
        let db = TestDb::sqlite().await;
        let dir = tempfile::tempdir().unwrap();
        let store = db.store.clone();
        let mut cdas = Vec::new();
        for (n, hour) in [(0_i64, 22_u32), (1, 12)] {
            let tz = zone_at(hour);
            let cluster =
                store.add_cluster(&format!("Zone {hour}"), tz, Locale::En, None).await.unwrap().cluster_id;
            let user = crate::botapi::TgUser::new(9900 + n, "Sami", "en");
            crate::questionnaire::member(
                &store,
                cluster,
                None,
                clusterbot::domain::Role::Cda,
                &user,
                Locale::En,
                clusterbot::domain::Gender::Man,
            )
            .await;
            cdas.push((user, tz));
        }
        let api = BotApi::start().await;
        let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
        let en = |k: &str| t(Locale::En, k, &[]);
        let label = en_day;
        let mut offered = Vec::new();
        for (user, tz) in &cdas {
            let to = |c: &Call| c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(user.id);
            let before = api.calls().len();
            api.send_text(user, "/meeting");
            let (i, _) = api
                .wait_for(before, "the title question", |c| to(c) && c.text() == en("meeting-ask-title"))
                .await;
            api.send_text(user, "Fig harvest planning");
            let (i, days) =
                api.wait_for(i + 1, "the days", |c| to(c) && c.text() == en("meeting-ask-day")).await;
            let today = clusterbot::store::now().with_timezone(tz).date_naive();
            let labels: Vec<String> = days.buttons().into_iter().map(|(l, _)| l).collect();
            api.press(user, &days, &days.buttons()[0].1);
            let (_, hours) =
                api.wait_for(i + 1, "the hours", |c| to(c) && c.text() == en("meeting-ask-time")).await;
            let hours: Vec<String> = hours.buttons().into_iter().map(|(l, _)| l).collect();
            offered.push((today, labels, hours));
        }
        // 22:xx: every hour of today has passed; the seven days start tomorrow, with every hour.
        let (today, days, hours) = &offered[0];
        let from_tomorrow: Vec<String> = (1..=7).map(|i| label(*today + Duration::days(i), *today)).collect();
        assert_eq!(days, &from_tomorrow);
        assert_eq!(
            hours,
            &["🕒 8:00 AM", "🕒 9:00 AM", "🕒 10:00 AM", "🕒 2:00 PM", "🕒 4:00 PM", "🕒 6:00 PM"]
        );
        // 12:xx: today is offered, and only with the hours still ahead.
        let (today, days, hours) = &offered[1];
        assert_eq!(days[0], label(*today, *today));
        assert_eq!(days[1], label(*today + Duration::days(1), *today));
        assert!(days[1].starts_with("tomorrow, "), "{}", days[1]);
        assert_eq!(days.len(), 7);
        assert_eq!(hours, &["🕒 2:00 PM", "🕒 4:00 PM", "🕒 6:00 PM"]);
        assert_eq!(api.violations(), Vec::<String>::new());
        api.stop().await;
    }
}
