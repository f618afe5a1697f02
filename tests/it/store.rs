//! The store, on SQLite and on PostgreSQL alike.

use chrono::Duration;
use clusterbot::domain::ids::{ClusterId, InviteId};
use clusterbot::domain::invite::{InviteCode, InviteProblem};
use clusterbot::domain::onboarding::{Dialogue, Onboarding, Step};
use clusterbot::domain::{Gender, InviteSpec, Locale, Role};
use clusterbot::store::{NewMember, Redeemed, Store, StoreError, now};

use crate::both_backends;

pub async fn cluster(store: &Store, name: &str) -> ClusterId {
    store
        .add_cluster(name, chrono_tz::Asia::Karachi, Locale::Ur, Some("surgical instruments"))
        .await
        .unwrap()
        .cluster_id
}

pub fn spec(cluster_id: ClusterId, role: Role, max_uses: i64) -> InviteSpec {
    InviteSpec {
        cluster_id,
        role,
        cooperative_id: None,
        max_uses,
        expires_at: now() + Duration::days(7),
        created_by: None,
    }
}

pub fn newcomer(telegram_user_id: i64) -> NewMember {
    NewMember {
        telegram_user_id,
        chat_id: telegram_user_id,
        display_name: "Fatima Zahra".into(),
        locale: Locale::Ar,
        gender: Some(Gender::Woman),
        cooperative_id: None,
    }
}

both_backends!(clusters_are_listed_and_names_are_unique, |store: Store| async move {
    let id = cluster(&store, "Sialkot surgical instruments").await;
    let second = store.add_cluster("Djebba figs", chrono_tz::Africa::Tunis, Locale::Ar, None).await.unwrap();
    let all = store.clusters().await.unwrap();
    assert_eq!(
        all.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Sialkot surgical instruments", "Djebba figs"]
    );
    assert_eq!(all[0].cluster_id, id);
    assert_eq!(all[0].timezone, "Asia/Karachi");
    assert_eq!(all[0].locale, Locale::Ur);
    assert_eq!(second.sector, None);
    let dup = store.add_cluster("Djebba figs", chrono_tz::UTC, Locale::En, None).await;
    assert!(matches!(dup, Err(StoreError::Duplicate(_))), "{dup:?}");
});

both_backends!(cooperatives_belong_to_an_existing_cluster, |store: Store| async move {
    let id = cluster(&store, "Argan").await;
    store.add_cooperative(id, "Tifawin").await.unwrap();
    store.add_cooperative(id, "Amal").await.unwrap();
    let names: Vec<_> = store.cooperatives(id).await.unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Amal", "Tifawin"], "sorted by name");
    assert!(matches!(store.add_cooperative(id, "Amal").await, Err(StoreError::Duplicate(_))));
    assert!(matches!(store.add_cooperative(ClusterId(999), "X").await, Err(StoreError::NotFound("cluster"))));
});

both_backends!(an_invite_is_found_by_its_code, |store: Store| async move {
    let id = cluster(&store, "Ghana cosmetics").await;
    let coop = store.add_cooperative(id, "Shea butter women").await.unwrap();
    let invite = store
        .add_invite(&InviteSpec { cooperative_id: Some(coop.cooperative_id), ..spec(id, Role::Leader, 2) })
        .await
        .unwrap();
    let code = InviteCode::parse(&invite.code).expect("stored code is a valid code");
    let found = store.invite_by_code(&code).await.unwrap().unwrap();
    assert_eq!(found, invite);
    assert_eq!((found.role, found.uses, found.max_uses), (Role::Leader, 0, 2));
    assert_eq!(found.cooperative_id, Some(coop.cooperative_id));
    assert_eq!(store.invite_by_code(&InviteCode::generate()).await.unwrap(), None);
});

both_backends!(an_invite_cannot_name_another_clusters_cooperative, |store: Store| async move {
    let a = cluster(&store, "A").await;
    let b = cluster(&store, "B").await;
    let coop_b = store.add_cooperative(b, "Coop B").await.unwrap();
    let res = store
        .add_invite(&InviteSpec { cooperative_id: Some(coop_b.cooperative_id), ..spec(a, Role::Producer, 1) })
        .await;
    assert!(matches!(res, Err(StoreError::NotFound(_))), "{res:?}");
});

both_backends!(joining_creates_member_and_membership_and_uses_the_invite, |store: Store| async move {
    let id = cluster(&store, "Sialkot").await;
    let coop = store.add_cooperative(id, "Forgers").await.unwrap();
    let invite = store.add_invite(&spec(id, Role::Producer, 5)).await.unwrap();
    let new = NewMember { cooperative_id: Some(coop.cooperative_id), ..newcomer(1001) };
    let Redeemed::Joined(member) = store.join(invite.invite_id, &new).await.unwrap() else {
        panic!("not joined")
    };
    assert_eq!(member.display_name.as_deref(), Some("Fatima Zahra"));
    assert_eq!(member.locale, Some(Locale::Ar));
    assert_eq!(member.gender, Some(Gender::Woman));
    assert!(member.consent_at.is_some());
    assert_eq!(store.member_by_telegram(1001).await.unwrap(), Some(member.clone()));
    let ms = store.memberships(member.member_id).await.unwrap();
    assert_eq!(ms.len(), 1);
    assert_eq!((ms[0].role, ms[0].cooperative_name.as_deref()), (Role::Producer, Some("Forgers")));
    assert_eq!(ms[0].cluster_name, "Sialkot");
    assert_eq!(store.invite(invite.invite_id).await.unwrap().uses, 1);
});

both_backends!(a_used_up_or_expired_invite_creates_nothing, |store: Store| async move {
    let id = cluster(&store, "Djebba").await;
    let single = store.add_invite(&spec(id, Role::Producer, 1)).await.unwrap();
    assert!(matches!(store.join(single.invite_id, &newcomer(1)).await.unwrap(), Redeemed::Joined(_)));
    assert_eq!(
        store.join(single.invite_id, &newcomer(2)).await.unwrap(),
        Redeemed::Refused(InviteProblem::UsedUp)
    );
    assert_eq!(store.member_by_telegram(2).await.unwrap(), None);

    let expired = store
        .add_invite(&InviteSpec { expires_at: now() - Duration::minutes(1), ..spec(id, Role::Producer, 5) })
        .await
        .unwrap();
    assert_eq!(
        store.join(expired.invite_id, &newcomer(3)).await.unwrap(),
        Redeemed::Refused(InviteProblem::Expired)
    );
    assert_eq!(store.member_by_telegram(3).await.unwrap(), None);
    assert_eq!(store.invite(expired.invite_id).await.unwrap().uses, 0);
});

both_backends!(concurrent_joins_never_exceed_the_invites_uses, |store: Store| async move {
    let id = cluster(&store, "Busy").await;
    let invite = store.add_invite(&spec(id, Role::Producer, 3)).await.unwrap();
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move { store.join(invite.invite_id, &newcomer(5000 + i)).await.unwrap() })
        })
        .collect();
    let mut joined = 0;
    for t in tasks {
        if matches!(t.await.unwrap(), Redeemed::Joined(_)) {
            joined += 1;
        }
    }
    assert_eq!(joined, 3);
    assert_eq!(store.invite(invite.invite_id).await.unwrap().uses, 3);
});

both_backends!(a_cda_can_serve_several_clusters, |store: Store| async move {
    let a = cluster(&store, "Cluster A").await;
    let b = cluster(&store, "Cluster B").await;
    let first = store.add_invite(&spec(a, Role::Cda, 1)).await.unwrap();
    let Redeemed::Joined(cda) = store.join(first.invite_id, &newcomer(77)).await.unwrap() else { panic!() };
    let second = store.add_invite(&spec(b, Role::Cda, 1)).await.unwrap();
    assert_eq!(store.add_membership(cda.member_id, second.invite_id).await.unwrap(), Redeemed::AddedCluster);
    let again = store.add_invite(&spec(b, Role::Producer, 1)).await.unwrap();
    assert_eq!(
        store.add_membership(cda.member_id, again.invite_id).await.unwrap(),
        Redeemed::AlreadyInCluster
    );
    assert_eq!(store.invite(again.invite_id).await.unwrap().uses, 0, "an unneeded invite is not used");
    let clusters: Vec<_> =
        store.memberships(cda.member_id).await.unwrap().into_iter().map(|m| m.cluster_name).collect();
    assert_eq!(clusters, ["Cluster A", "Cluster B"]);
});

both_backends!(the_same_telegram_account_cannot_join_twice, |store: Store| async move {
    let id = cluster(&store, "Twice").await;
    let invite = store.add_invite(&spec(id, Role::Producer, 5)).await.unwrap();
    store.join(invite.invite_id, &newcomer(9)).await.unwrap();
    let again = store.join(invite.invite_id, &newcomer(9)).await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))), "{again:?}");
    assert_eq!(store.invite(invite.invite_id).await.unwrap().uses, 1, "the failed join gave its place back");
});

both_backends!(dialogue_state_survives_and_can_be_cleared, |store: Store| async move {
    assert_eq!(store.dialogue(42).await.unwrap(), None);
    let mut o = Onboarding::new(InviteId(1), Locale::Ar, Some("Amina".into()), true);
    store.set_dialogue(42, &Dialogue::Onboarding(o.clone())).await.unwrap();
    o.step = Step::Gender;
    o.name = Some("أمينة".into());
    store.set_dialogue(42, &Dialogue::Onboarding(o.clone())).await.unwrap();
    assert_eq!(store.dialogue(42).await.unwrap(), Some(Dialogue::Onboarding(o)));
    store.clear_dialogue(42).await.unwrap();
    assert_eq!(store.dialogue(42).await.unwrap(), None);
});

both_backends!(each_update_is_claimed_once, |store: Store| async move {
    assert!(store.claim_update(1).await.unwrap());
    assert!(!store.claim_update(1).await.unwrap(), "a re-delivered update is not handled again");
    assert!(store.claim_update(2).await.unwrap());
    assert_eq!(store.prune_updates(Duration::days(1)).await.unwrap(), 0, "recent claims are kept");
    assert_eq!(store.prune_updates(Duration::seconds(-1)).await.unwrap(), 2);
});

// Claims are batched: many at once, some the same update twice, each update won exactly once.
both_backends!(concurrent_claims_are_each_won_once, |store: Store| async move {
    let claims: Vec<_> = (0..300_i64)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move { (100 + i % 200, store.claim_update(100 + i % 200).await.unwrap()) })
        })
        .collect();
    let mut won = std::collections::BTreeMap::<i64, usize>::new();
    for c in claims {
        let (id, claimed) = c.await.unwrap();
        *won.entry(id).or_default() += usize::from(claimed);
    }
    assert_eq!(won.len(), 200);
    assert!(won.values().all(|&n| n == 1), "{won:?}");
    assert!(!store.claim_update(150).await.unwrap(), "claimed before");
});

/// A change another process makes to a member (the command line on SQLite, another instance
/// on PostgreSQL) reaches the bot's cached view of that member within seconds, though the bot
/// keeps a member a minute while it follows such changes.
mod another_process_changes_a_member {
    use super::*;
    use crate::support::TestDb;

    async fn seen_by_the_bot(backend: &str) {
        let db = TestDb::of(backend).await;
        let bot = db.store.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let follower = {
            let bot = bot.clone();
            tokio::spawn(async move {
                bot.follow_member_changes(async {
                    let _ = stopped.await;
                })
                .await
            })
        };
        let id = cluster(&bot, "Elsewhere").await;
        let invite = bot.add_invite(&spec(id, Role::Producer, 5)).await.unwrap();
        let Redeemed::Joined(m) = bot.join(invite.invite_id, &newcomer(41)).await.unwrap() else { panic!() };
        let locale = |c: (Option<clusterbot::store::Member>, Vec<_>)| c.0.and_then(|m| m.locale);
        assert_eq!(locale(bot.caller_record(41).await.unwrap()), Some(Locale::Ar));

        // Another process: its own connections, its own cache.
        let other = Store::connect(&db.url).await.unwrap();
        other.set_member_locale(m.member_id, Locale::Fr).await.unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let seen = locale(bot.caller_record(41).await.unwrap());
            if seen == Some(Locale::Fr) {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the bot still sees {seen:?}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // The bot's own change is seen at once, by the bot and then by the other process.
        bot.set_member_locale(m.member_id, Locale::Es).await.unwrap();
        assert_eq!(locale(bot.caller_record(41).await.unwrap()), Some(Locale::Es));
        assert_eq!(other.member(m.member_id).await.unwrap().locale, Some(Locale::Es));
        stop.send(()).unwrap();
        follower.await.unwrap();
        other.close().await;
        db.cleanup().await;
    }

    #[tokio::test]
    async fn sqlite() {
        seen_by_the_bot("sqlite").await;
    }

    #[tokio::test]
    async fn postgres() {
        seen_by_the_bot("postgres").await;
    }
}

both_backends!(forgetting_removes_identity_but_keeps_anonymous_membership, |store: Store| async move {
    let id = cluster(&store, "Forget").await;
    let invite = store.add_invite(&spec(id, Role::Producer, 5)).await.unwrap();
    let Redeemed::Joined(m) = store.join(invite.invite_id, &newcomer(31)).await.unwrap() else { panic!() };
    store
        .set_dialogue(31, &Dialogue::Onboarding(Onboarding::new(InviteId(1), Locale::En, None, false)))
        .await
        .unwrap();
    store.forget_member(m.member_id).await.unwrap();
    let gone = store.member(m.member_id).await.unwrap();
    assert_eq!((gone.telegram_user_id, gone.chat_id, gone.display_name.clone()), (None, None, None));
    assert_eq!((gone.gender, gone.locale), (None, None));
    assert!(gone.forgotten_at.is_some());
    assert_eq!(store.member_by_telegram(31).await.unwrap(), None);
    assert_eq!(store.dialogue(31).await.unwrap(), None);
    assert_eq!(
        store.memberships(m.member_id).await.unwrap().len(),
        1,
        "anonymous membership stays for statistics"
    );
    // The person may come back later as a new member.
    assert!(matches!(store.join(invite.invite_id, &newcomer(31)).await.unwrap(), Redeemed::Joined(_)));
});

both_backends!(blocking_the_bot_marks_the_member_unreachable, |store: Store| async move {
    let id = cluster(&store, "Reach").await;
    let invite = store.add_invite(&spec(id, Role::Producer, 5)).await.unwrap();
    store.join(invite.invite_id, &newcomer(55)).await.unwrap();
    assert!(store.set_opted_out(55, true).await.unwrap());
    assert!(store.member_by_telegram(55).await.unwrap().unwrap().opted_out_at.is_some());
    assert!(store.set_opted_out(55, false).await.unwrap());
    assert!(store.member_by_telegram(55).await.unwrap().unwrap().opted_out_at.is_none());
    assert!(!store.set_opted_out(56, true).await.unwrap(), "strangers are not recorded");
});

both_backends!(a_refusal_is_counted_without_identity, |store: Store| async move {
    let id = cluster(&store, "Refuse").await;
    let invite = store.add_invite(&spec(id, Role::Producer, 5)).await.unwrap();
    store.record_consent_refusal(invite.invite_id).await.unwrap();
    assert_eq!(store.consent_refusals(invite.invite_id).await.unwrap(), 1);
    assert_eq!(store.invite(invite.invite_id).await.unwrap().uses, 0);
});

both_backends!(settings_are_overwritten, |store: Store| async move {
    assert_eq!(store.setting("bot_username").await.unwrap(), None);
    store.set_setting("bot_username", "old_bot").await.unwrap();
    store.set_setting("bot_username", "cluster_bot").await.unwrap();
    assert_eq!(store.setting("bot_username").await.unwrap().as_deref(), Some("cluster_bot"));
});

both_backends!(member_locale_can_change, |store: Store| async move {
    let id = cluster(&store, "Lang").await;
    let invite = store.add_invite(&spec(id, Role::Producer, 5)).await.unwrap();
    let Redeemed::Joined(m) = store.join(invite.invite_id, &newcomer(8)).await.unwrap() else { panic!() };
    store.set_member_locale(m.member_id, Locale::Ru).await.unwrap();
    assert_eq!(store.member(m.member_id).await.unwrap().locale, Some(Locale::Ru));
});

both_backends!(migrations_are_idempotent, |store: Store| async move {
    store.migrate().await.unwrap();
    store.migrate().await.unwrap();
});

/// Every state of every dialogue, as a strategy: each field takes each of its shapes
/// (not asked yet, answered "none", answered), so a state that does not survive being
/// saved and loaded is found.
mod dialogue_states {
    use chrono::{DateTime, NaiveDate, Utc};
    use clusterbot::domain::action::ActionDraft;
    use clusterbot::domain::ids::*;
    use clusterbot::domain::meeting::{MeetingAudience, MeetingDraft};
    use clusterbot::domain::onboarding::{Dialogue, Onboarding, Step};
    use clusterbot::domain::{Gender, Locale};
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    fn date() -> impl Strategy<Value = NaiveDate> {
        (0i64..40_000).prop_map(|d| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(d))
    }

    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        (0i64..4_000_000_000, 0u32..1_000_000_000).prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![Just(String::new()), any::<String>(), "[a-zA-Z ]{1,20}", "[\u{600}-\u{6ff} ]{1,20}"]
    }

    fn onboarding() -> impl Strategy<Value = Onboarding> {
        (
            any::<i64>(),
            prop::sample::select(vec![
                Step::Language,
                Step::Consent,
                Step::Name,
                Step::Gender,
                Step::Cooperative,
            ]),
            prop::sample::select(Locale::ALL.to_vec()),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(prop::sample::select(Gender::ALL.to_vec())),
            any::<bool>(),
        )
            .prop_map(|(invite_id, step, locale, suggested_name, name, gender, asks_cooperative)| {
                Onboarding {
                    invite_id: InviteId(invite_id),
                    step,
                    locale,
                    suggested_name,
                    name,
                    name_voice: None,
                    gender,
                    asks_cooperative,
                }
            })
    }

    fn action_draft() -> impl Strategy<Value = ActionDraft> {
        (
            any::<i64>(),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::collection::vec(any::<i64>(), 0..4),
            any::<bool>(),
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(prop::option::of((0.001f64..1e9, text()))),
            prop::option::of(prop::option::of(1i64..367)),
        )
            .prop_map(
                |(
                    cluster_id,
                    title,
                    description,
                    cooperatives,
                    owners_done,
                    start_date,
                    due_date,
                    target,
                    rhythm_days,
                )| {
                    ActionDraft {
                        cluster_id: ClusterId(cluster_id),
                        title,
                        description,
                        cooperatives: cooperatives.into_iter().map(CooperativeId).collect(),
                        owners_done,
                        start_date,
                        due_date,
                        target,
                        rhythm_days,
                    }
                },
            )
    }

    fn meeting_draft() -> impl Strategy<Value = MeetingDraft> {
        let audience = prop_oneof![
            Just(MeetingAudience::Cluster),
            Just(MeetingAudience::Leaders),
            Just(MeetingAudience::Commission),
            any::<i64>().prop_map(|c| MeetingAudience::Cooperative(CooperativeId(c))),
        ];
        (
            (any::<i64>(), prop::option::of(any::<i64>()), prop::option::of(any::<i64>())),
            (prop::option::of(text()), prop::option::of(date()), prop::option::of(instant())),
            (prop::option::of(text()), prop::option::of((-90.0f64..90.0, -180.0f64..180.0))),
            (prop::option::of(audience), prop::collection::vec(1i64..20_000, 0..4), any::<bool>()),
        )
            .prop_map(
                |(
                    (cluster_id, reschedule_of, only_cooperative),
                    (title, day, starts_at),
                    (place, location),
                    (audience, offsets, offsets_done),
                )| MeetingDraft {
                    cluster_id: ClusterId(cluster_id),
                    reschedule_of: reschedule_of.map(MeetingId),
                    only_cooperative: only_cooperative.map(CooperativeId),
                    title,
                    day,
                    starts_at,
                    place,
                    location,
                    audience,
                    offsets,
                    offsets_done,
                },
            )
    }

    pub fn any_dialogue() -> impl Strategy<Value = Dialogue> {
        prop_oneof![
            onboarding().prop_map(Dialogue::Onboarding),
            any::<i64>()
                .prop_map(|response_id| Dialogue::Questionnaire { response_id: ResponseId(response_id) }),
            any::<i64>().prop_map(|report_id| Dialogue::ReportNotes { report_id: ReportId(report_id) }),
            any::<i64>().prop_map(|report_id| Dialogue::ReportProgress { report_id: ReportId(report_id) }),
            action_draft().prop_map(Dialogue::NewAction),
            meeting_draft().prop_map(Dialogue::Meeting),
            (any::<i64>(), prop::sample::select(Locale::ALL.to_vec())).prop_map(|(action_id, locale)| {
                Dialogue::ActionTitle { action_id: ActionId(action_id), locale }
            }),
        ]
    }

    /// `cases` states drawn from the strategy (the store is async, so no shrinking).
    pub fn samples(cases: usize) -> Vec<Dialogue> {
        let mut runner = TestRunner::deterministic();
        let strategy = any_dialogue();
        (0..cases).map(|_| strategy.new_tree(&mut runner).unwrap().current()).collect()
    }

    /// The shapes most likely to be lost, whatever the sampler draws: each draft step
    /// answered with "none".
    pub fn skipped_steps() -> Vec<Dialogue> {
        let at_target = ActionDraft {
            title: Some("Joint purchase of steel".into()),
            description: Some(String::new()),
            owners_done: true,
            start_date: NaiveDate::from_ymd_opt(2026, 12, 6),
            due_date: NaiveDate::from_ymd_opt(2027, 3, 6),
            ..ActionDraft::new(ClusterId(1))
        };
        vec![
            Dialogue::NewAction(at_target.clone()),
            Dialogue::NewAction(ActionDraft { target: Some(None), ..at_target.clone() }),
            Dialogue::NewAction(ActionDraft {
                target: Some(None),
                rhythm_days: Some(None),
                ..at_target.clone()
            }),
            Dialogue::NewAction(ActionDraft {
                target: Some(Some((500.0, "kg".into()))),
                rhythm_days: Some(Some(14)),
                ..at_target
            }),
        ]
    }
}

both_backends!(every_dialogue_state_survives_being_saved_and_loaded, |store: Store| async move {
    let states = dialogue_states::samples(300);
    for (chat, state) in dialogue_states::skipped_steps().into_iter().chain(states).enumerate() {
        let chat = 1_000 + chat as i64;
        store.set_dialogue(chat, &state).await.unwrap();
        assert_eq!(store.dialogue(chat).await.unwrap().as_ref(), Some(&state), "chat {chat}");
    }
});

/// Writes a dialogue row as an older version of the bot might have left it.
pub async fn write_raw_dialogue(db: &crate::support::TestDb, chat_id: i64, state: &str) {
    let sql = "insert into dialogue_state (chat_id, state, updated_at) values ($1, $2, $3)";
    if db.url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        sqlx::query(sql).bind(chat_id).bind(state).bind(now()).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        sqlx::query(sql).bind(chat_id).bind(state).bind(now()).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

/// A stored state that no longer decodes (an upgrade changed it) is dropped when read, and
/// what it still tells of where the member was comes back; it never fails the read.
#[tokio::test]
async fn a_dialogue_that_no_longer_decodes_is_dropped_with_where_the_member_was() {
    use clusterbot::domain::onboarding::{LostDialogue, Resumed};
    for backend in ["sqlite", "postgres"] {
        let db = crate::support::TestDb::of(backend).await;
        let store = db.store.clone();
        // A joining step this version does not have.
        write_raw_dialogue(
            &db,
            7,
            r#"{"dialogue":"onboarding","invite_id":12,"step":"village","locale":"fr"}"#,
        )
        .await;
        // A dialogue kind this version does not have, and a row that is not JSON at all.
        write_raw_dialogue(&db, 8, r#"{"dialogue":"survey_v0","form":3}"#).await;
        write_raw_dialogue(&db, 9, "\u{1}not json").await;
        assert_eq!(store.dialogue(7).await.unwrap(), None, "{backend}: read as no dialogue, never an error");
        assert_eq!(
            store.resume_dialogue(7).await.unwrap(),
            Resumed::Lost(LostDialogue {
                kind: Some("onboarding".into()),
                invite_id: Some(InviteId(12)),
                response_id: None,
                locale: Some(Locale::Fr),
            }),
            "{backend}"
        );
        assert_eq!(store.resume_dialogue(7).await.unwrap(), Resumed::Idle, "{backend}: the row is gone");
        let Resumed::Lost(lost) = store.resume_dialogue(8).await.unwrap() else { panic!("{backend}") };
        assert_eq!(lost.kind.as_deref(), Some("survey_v0"));
        assert_eq!(
            store.resume_dialogue(9).await.unwrap(),
            Resumed::Lost(LostDialogue::default()),
            "{backend}"
        );
        assert_eq!(store.resume_dialogue(9).await.unwrap(), Resumed::Idle, "{backend}");
        db.cleanup().await;
    }
}

/// States are tolerant of fields added or removed by an upgrade: a draft stored without the
/// lists and flags of a newer version, and with a field this version does not know, reads.
#[test]
fn dialogue_states_tolerate_added_and_removed_fields() {
    use clusterbot::domain::action::ActionDraft;
    use clusterbot::domain::meeting::MeetingDraft;
    let action: Dialogue = serde_json::from_str(
        r#"{"dialogue":"new_action","cluster_id":3,"title":"Shared kiln","colour":"blue"}"#,
    )
    .unwrap();
    assert_eq!(
        action,
        Dialogue::NewAction(ActionDraft {
            title: Some("Shared kiln".into()),
            ..ActionDraft::new(ClusterId(3))
        })
    );
    let meeting: Dialogue =
        serde_json::from_str(r#"{"dialogue":"meeting","cluster_id":3,"title":"Commission","room":4}"#)
            .unwrap();
    assert_eq!(
        meeting,
        Dialogue::Meeting(MeetingDraft {
            title: Some("Commission".into()),
            ..MeetingDraft::new(ClusterId(3))
        })
    );
    let joining: Dialogue =
        serde_json::from_str(r#"{"dialogue":"onboarding","invite_id":5,"step":"name","locale":"ar"}"#)
            .unwrap();
    let Dialogue::Onboarding(o) = joining else { panic!() };
    assert_eq!((o.step, o.locale, o.asks_cooperative), (Step::Name, Locale::Ar, false));
}

both_backends!(failed_updates_are_kept_once_and_pruned, |store: Store| async move {
    store
        .keep_failed_update(10, 77, r#"{"update_id":10,"message":{"text":"مرحبا"}}"#, "database error")
        .await
        .unwrap();
    store.keep_failed_update(10, 77, r#"{"update_id":10}"#, "again").await.unwrap();
    let kept = store.failed_updates(77).await.unwrap();
    assert_eq!(kept.len(), 1, "the first failure of an update is kept");
    assert!(kept[0].1.contains("مرحبا"), "{}", kept[0].1);
    assert_eq!(store.operations(now()).await.unwrap().failed_updates, 1);
    assert_eq!(store.prune_failed_updates(Duration::days(30)).await.unwrap(), 0);
    assert_eq!(store.prune_failed_updates(Duration::seconds(-1)).await.unwrap(), 1);
    assert_eq!(store.failed_updates(77).await.unwrap(), []);
});
