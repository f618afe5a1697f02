//! Joint actions in the store, on SQLite and PostgreSQL.

use chrono::{Duration, NaiveDate};
use clusterbot::domain::action::{ActionStatus, Blocker, NewAction};
use clusterbot::domain::ids::{ActionId, ClusterId, CooperativeId, MemberId};
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::store::{NewReport, Store, now};

use crate::botapi::TgUser;
use crate::both_backends;
use crate::questionnaire::member;

pub fn new_action(
    cluster_id: ClusterId,
    title: &str,
    cooperatives: Vec<CooperativeId>,
    rhythm: Option<i64>,
) -> NewAction {
    NewAction {
        cluster_id,
        title: title.into(),
        description: None,
        cooperatives,
        start_date: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        due_date: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        target: Some(10.0),
        unit: Some("t".into()),
        rhythm_days: rhythm,
        created_by: None,
    }
}

fn report(action_id: ActionId, member_id: MemberId, status: ActionStatus) -> NewReport {
    NewReport { action_id, member_id, status, percent: None, amount: None, blocker: None }
}

struct Plan {
    cluster: ClusterId,
    coop_a: CooperativeId,
    producer_a: MemberId,
    producer_b: MemberId,
    leader_a: MemberId,
    cda: MemberId,
}

async fn plan(store: &Store) -> Plan {
    let cluster =
        store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::Ur, None).await.unwrap().cluster_id;
    let coop_a = store.add_cooperative(cluster, "Forgers").await.unwrap().cooperative_id;
    let coop_b = store.add_cooperative(cluster, "Polishers").await.unwrap().cooperative_id;
    let m = |id: i64, name: &str| TgUser::new(id, name, "en");
    Plan {
        cluster,
        coop_a,
        producer_a: member(
            store,
            cluster,
            Some(coop_a),
            Role::Producer,
            &m(1, "Ali"),
            Locale::Ur,
            Gender::Man,
        )
        .await,
        producer_b: member(
            store,
            cluster,
            Some(coop_b),
            Role::Producer,
            &m(2, "Bano"),
            Locale::Ur,
            Gender::Woman,
        )
        .await,
        leader_a: member(
            store,
            cluster,
            Some(coop_a),
            Role::Leader,
            &m(3, "Zara"),
            Locale::Ur,
            Gender::Woman,
        )
        .await,
        cda: member(store, cluster, None, Role::Cda, &m(4, "Imran"), Locale::En, Gender::Man).await,
    }
}

both_backends!(members_see_their_cooperatives_and_the_whole_clusters_actions, |store: Store| async move {
    let p = plan(&store).await;
    let owned = store
        .add_action(&new_action(p.cluster, "Joint steel purchase", vec![p.coop_a], Some(14)))
        .await
        .unwrap();
    let whole = store.add_action(&new_action(p.cluster, "Trade fair stand", vec![], None)).await.unwrap();
    assert_eq!(store.action_owners(owned.action_id).await.unwrap(), [(p.coop_a, "Forgers".to_owned())]);
    assert_eq!((owned.target, owned.unit.as_deref(), owned.rhythm_days), (Some(10.0), Some("t"), Some(14)));
    let titles = |v: Vec<clusterbot::store::JointAction>| v.into_iter().map(|a| a.title).collect::<Vec<_>>();
    assert_eq!(
        titles(store.actions_for_member(p.producer_a).await.unwrap()),
        ["Joint steel purchase", "Trade fair stand"]
    );
    assert_eq!(titles(store.actions_for_member(p.producer_b).await.unwrap()), ["Trade fair stand"]);
    assert_eq!(titles(store.actions_for_member(p.cda).await.unwrap()).len(), 2);
    assert_eq!(whole.cluster_id, p.cluster);
    // A cooperative of another cluster cannot own an action.
    let other = store.add_cluster("Elsewhere", chrono_tz::UTC, Locale::En, None).await.unwrap().cluster_id;
    assert!(store.add_action(&new_action(other, "X", vec![p.coop_a], None)).await.is_err());
});

both_backends!(a_done_report_closes_the_action_and_undo_reopens_it, |store: Store| async move {
    let p = plan(&store).await;
    let a =
        store.add_action(&new_action(p.cluster, "Shared grinder", vec![p.coop_a], Some(7))).await.unwrap();
    let first = store.add_report(&report(a.action_id, p.producer_a, ActionStatus::OnTrack)).await.unwrap();
    store.update_report(first, Some(50.0), Some(5.0), None).await.unwrap();
    store.add_report_note(first, "text", Some("Half of the steel is bought"), None).await.unwrap();
    let done = store.add_report(&report(a.action_id, p.leader_a, ActionStatus::Done)).await.unwrap();
    assert!(store.action(a.action_id).await.unwrap().done_at.is_some());
    assert!(
        !store.undo_report(done, p.producer_a, Duration::minutes(10)).await.unwrap(),
        "only its author can undo"
    );
    assert!(store.undo_report(done, p.leader_a, Duration::minutes(10)).await.unwrap());
    assert!(store.action(a.action_id).await.unwrap().done_at.is_none(), "open again");
    assert!(!store.undo_report(first, p.producer_a, Duration::zero()).await.unwrap(), "too late");
    let reports = store.reports(a.action_id).await.unwrap();
    assert_eq!(reports.len(), 1, "the withdrawn report is gone from the history");
    assert_eq!(
        (reports[0].status, reports[0].percent, reports[0].amount),
        (ActionStatus::OnTrack, Some(50.0), Some(5.0))
    );
    assert_eq!(reports[0].member_name.as_deref(), Some("Ali"));
    let notes = store.report_notes(first).await.unwrap();
    assert_eq!(notes[0].body.as_deref(), Some("Half of the steel is bought"));
    let blocked = store.add_report(&report(a.action_id, p.producer_a, ActionStatus::Blocked)).await.unwrap();
    store.update_report(blocked, None, None, Some(Blocker::Permits)).await.unwrap();
    assert_eq!(store.report(blocked).await.unwrap().blocker, Some(Blocker::Permits));
});

both_backends!(check_ins_go_to_the_owners_leader_once_until_answered, |store: Store| async move {
    let p = plan(&store).await;
    let a =
        store.add_action(&new_action(p.cluster, "Collective brand", vec![p.coop_a], Some(14))).await.unwrap();
    store.add_action(&new_action(p.cluster, "No rhythm", vec![p.coop_a], None)).await.unwrap();
    let candidates = store.checkin_candidates().await.unwrap();
    assert_eq!(candidates.len(), 1, "only actions with a rhythm, only the leader: {candidates:#?}");
    assert_eq!(
        (candidates[0].action_id, candidates[0].member_id, candidates[0].pending),
        (a.action_id, p.leader_a, false)
    );
    assert!(store.queue_checkin(a.action_id, p.leader_a, now()).await.unwrap());
    assert!(!store.queue_checkin(a.action_id, p.leader_a, now()).await.unwrap(), "one pending at a time");
    assert!(store.checkin_candidates().await.unwrap()[0].pending);
    store.add_report(&report(a.action_id, p.leader_a, ActionStatus::Delayed)).await.unwrap();
    let after = store.checkin_candidates().await.unwrap();
    assert!(!after[0].pending, "a report answers the check-in");
    assert!(after[0].last_activity >= candidates[0].last_activity);
    store.add_report(&report(a.action_id, p.leader_a, ActionStatus::Done)).await.unwrap();
    assert!(store.checkin_candidates().await.unwrap().is_empty(), "no check-ins on done actions");
});

// Several bot processes on one PostgreSQL database run the check-in job each: when they
// queue the same check-in at the same moment, exactly one is queued and one message waits.
both_backends!(check_ins_queued_at_once_by_several_jobs_are_queued_once, |store: Store| async move {
    let p = plan(&store).await;
    let a = store.add_action(&new_action(p.cluster, "Shared kiln", vec![p.coop_a], Some(14))).await.unwrap();
    let at = now();
    let mut jobs = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let store = store.clone();
        jobs.spawn(async move { store.queue_checkin(a.action_id, p.leader_a, at).await.unwrap() });
    }
    let queued = jobs.join_all().await.into_iter().filter(|queued| *queued).count();
    assert_eq!(queued, 1, "one of the jobs queued it");
    let ops = store.operations(at + Duration::minutes(1)).await.unwrap();
    assert_eq!(ops.outbox_due, [("checkin".to_owned(), 1)], "one message waits");
});
