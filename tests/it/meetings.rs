//! Meetings and the outbox in the store, on SQLite and PostgreSQL: who is invited, what is
//! queued, answers, moving and cancelling, and claims that never hand a row out twice.

use std::collections::BTreeSet;

use chrono::{Duration, Utc};
use clusterbot::domain::meeting::{MeetingAudience, Rsvp};
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::store::{NewMeeting, Store, now};

use crate::both_backends;
use crate::botapi::TgUser;
use crate::questionnaire::member;

pub struct Town {
    pub cluster: i64,
    pub coop: i64,
    pub members: Vec<(i64, TgUser)>,
}

/// A cluster with a CDA (first), a leader (second) and producers.
pub async fn town(store: &Store, base: i64, producers: usize) -> Town {
    let cluster = store.add_cluster(&format!("Djebba {base}"), chrono_tz::Africa::Tunis, Locale::Ar, None).await.unwrap().cluster_id;
    let coop = store.add_cooperative(cluster, "Amal").await.unwrap().cooperative_id;
    let mut members = Vec::new();
    let cda = TgUser::new(base, "Sami", "en");
    members.push((member(store, cluster, None, Role::Cda, &cda, Locale::En, Gender::Man).await, cda));
    let leader = TgUser::new(base + 1, "Leila", "fr");
    members.push((member(store, cluster, Some(coop), Role::Leader, &leader, Locale::Fr, Gender::Woman).await, leader));
    for i in 0..producers {
        let user = TgUser::new(base + 2 + i as i64, &format!("Producer{i}"), "ar");
        members.push((member(store, cluster, None, Role::Producer, &user, Locale::Ar, Gender::Woman).await, user));
    }
    Town { cluster, coop, members }
}

pub fn meeting(cluster: i64, audience: MeetingAudience, in_hours: i64) -> NewMeeting {
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
    let (everyone, n) = store.create_meeting(&meeting(t.cluster, MeetingAudience::Cluster, 30)).await.unwrap();
    assert_eq!(n, 4);
    // A week before is already past: only the day-before and hour-before reminders are queued.
    let states = store.outbox_states(everyone.meeting_id).await.unwrap();
    assert_eq!(states, [("invitation".to_owned(), "pending".to_owned(), 4), ("reminder".to_owned(), "pending".to_owned(), 8)]);
    assert_eq!(store.create_meeting(&meeting(t.cluster, MeetingAudience::Leaders, 30)).await.unwrap().1, 2, "leader and CDA");
    assert_eq!(store.create_meeting(&meeting(t.cluster, MeetingAudience::Cooperative(t.coop), 30)).await.unwrap().1, 2, "the coop and the CDA");
    assert_eq!(store.create_meeting(&meeting(t.cluster, MeetingAudience::Commission, 30)).await.unwrap().1, 1, "only the CDA so far");
    assert!(store.set_commission(t.cluster, t.members[2].1.id, true).await.unwrap());
    assert_eq!(store.create_meeting(&meeting(t.cluster, MeetingAudience::Commission, 30)).await.unwrap().1, 2);
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
    assert!(states.contains(&("reminder".to_owned(), "skipped".to_owned(), 6)), "old reminders dropped: {states:?}");
    assert!(states.contains(&("reminder".to_owned(), "pending".to_owned(), 6)), "new ones queued: {states:?}");
    assert_eq!(store.remind_unanswered(m.meeting_id).await.unwrap(), 3);
    assert!(moved.starts_at > Utc::now());
});
