//! The demo a sandbox starts with, written once into its own database with the store's
//! ordinary methods: the Djebba fig cluster (Béja, Tunisia) with a women's cooperative and
//! an agricultural SMSA, members in several languages and roles, three joint actions of the
//! action plan with reports already in, the shipped diagnostic launched to the producers,
//! and a Cluster Commission meeting tomorrow morning.

use chrono::{Duration, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};

use super::emulator::Person;
use crate::domain::action::{ActionStatus, Blocker, NewAction};
use crate::domain::form::Audience;
use crate::domain::ids::{ClusterId, CooperativeId, InviteId, MemberId};
use crate::domain::meeting::MeetingAudience;
use crate::domain::{Gender, InviteSpec, Locale, Role};
use crate::store::{NewMeeting, NewMember, NewReport, Redeemed, Status, Store, now};

/// The form every sandbox launches: the one clusterbot ships (`forms/`).
pub const DIAGNOSTIC: &[u8] = include_bytes!("../../forms/cluster_diagnostic.xlsx");
const SEEDED: &str = "sandbox-seeded";
const ROSTER: &str = "sandbox-roster";

/// Who is on the page, kept in the sandbox database's settings so a restart shows the same
/// people: the demo cast, people who joined from an invite, the form-preview person.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Roster {
    pub people: Vec<Person>,
    /// Invite links shown on the page: (what they are for, code).
    pub invites: Vec<(String, String)>,
    pub cluster_id: Option<ClusterId>,
    /// The cluster forms are previewed in, and the invite its preview person joins with.
    pub preview: Option<(ClusterId, InviteId)>,
    /// The person who answers previewed forms, once they exist.
    pub preview_person: Option<i64>,
}

impl Roster {
    pub async fn load(store: &Store) -> anyhow::Result<Self> {
        Ok(match store.setting(ROSTER).await? {
            Some(json) => serde_json::from_str(&json)?,
            None => Self::default(),
        })
    }

    pub async fn save(&self, store: &Store) -> anyhow::Result<()> {
        store.set_setting(ROSTER, &serde_json::to_string(self)?).await?;
        Ok(())
    }

    /// A Telegram user id no one on the page has yet.
    pub fn next_id(&self) -> i64 {
        self.people.iter().map(|p| p.id).max().unwrap_or(700_000_000).max(700_000_000) + 1
    }
}

struct Cast {
    id: i64,
    name: &'static str,
    locale: Locale,
    gender: Gender,
    role: Role,
    /// 0: the women's cooperative, 1: the SMSA, None: the whole cluster (CDA).
    coop: Option<usize>,
    commission: bool,
    about: &'static str,
}

const CAST: [Cast; 8] = [
    Cast {
        id: 700_000_101,
        name: "أميرة بن صالح",
        locale: Locale::Ar,
        gender: Gender::Woman,
        role: Role::Producer,
        coop: Some(0),
        commission: false,
        about: "producer, women's cooperative Nour El Jebel — Arabic",
    },
    Cast {
        id: 700_000_102,
        name: "Leïla Trabelsi",
        locale: Locale::Fr,
        gender: Gender::Woman,
        role: Role::Leader,
        coop: Some(0),
        commission: true,
        about: "leader of the women's cooperative, Cluster Commission — French",
    },
    Cast {
        id: 700_000_103,
        name: "محمد الجزيري",
        locale: Locale::Ar,
        gender: Gender::Man,
        role: Role::Leader,
        coop: Some(1),
        commission: true,
        about: "leader of SMSA Djebba El Olia, Cluster Commission — Arabic",
    },
    Cast {
        id: 700_000_104,
        name: "Karim Ayari",
        locale: Locale::Fr,
        gender: Gender::Man,
        role: Role::Producer,
        coop: Some(1),
        commission: false,
        about: "producer, SMSA Djebba El Olia — French",
    },
    Cast {
        id: 700_000_105,
        name: "Sarah Miller",
        locale: Locale::En,
        gender: Gender::Woman,
        role: Role::Cda,
        coop: None,
        commission: true,
        about: "Cluster Development Agent (CDA) — English",
    },
    Cast {
        id: 700_000_106,
        name: "Lucía Romero",
        locale: Locale::Es,
        gender: Gender::Woman,
        role: Role::Cda,
        coop: None,
        commission: false,
        about: "CDA on a field mission, visiting — Spanish",
    },
    Cast {
        id: 700_000_107,
        name: "سلمى الورتاني",
        locale: Locale::Ar,
        gender: Gender::Woman,
        role: Role::Producer,
        coop: Some(0),
        commission: false,
        about: "producer, women's cooperative Nour El Jebel; has answered the diagnostic — Arabic",
    },
    Cast {
        id: 700_000_108,
        name: "Nizar Hammami",
        locale: Locale::Fr,
        gender: Gender::Man,
        role: Role::Producer,
        coop: Some(1),
        commission: false,
        about: "producer, SMSA Djebba El Olia; has answered the diagnostic — French",
    },
];

/// Seeds the demo unless this database already has it; returns the roster either way.
pub async fn seed(store: &Store) -> anyhow::Result<Roster> {
    if store.setting(SEEDED).await?.is_some() {
        return Roster::load(store).await;
    }
    // A database with clusters the sandbox did not make is someone's real data: never mix
    // the demo (and everything tried on the page) into it.
    let clusters = store.clusters().await?;
    if !clusters.is_empty() {
        anyhow::bail!(
            "this database already holds {} cluster(s) that the sandbox did not make; the sandbox runs only on a database of its own (leave out --database-url to use clusterbot-sandbox.db)",
            clusters.len()
        );
    }
    let tz = chrono_tz::Africa::Tunis;
    let cluster =
        store.add_cluster("Djebba figs", tz, Locale::Ar, Some("figs and dried figs (Béja, Tunisia)")).await?;
    let women = store.add_cooperative(cluster.cluster_id, "Coopérative féminine Nour El Jebel").await?;
    let smsa = store.add_cooperative(cluster.cluster_id, "SMSA Djebba El Olia").await?;
    let coops = [women.cooperative_id, smsa.cooperative_id];
    let year = Duration::days(365);
    let invite = |role: Role, coop: Option<CooperativeId>, uses: i64| InviteSpec {
        cluster_id: cluster.cluster_id,
        role,
        cooperative_id: coop,
        max_uses: uses,
        expires_at: now() + year,
        created_by: None,
    };
    let mut roster = Roster { cluster_id: Some(cluster.cluster_id), ..Roster::default() };
    let mut members: Vec<MemberId> = Vec::new();
    for c in &CAST {
        let coop = c.coop.map(|i| coops[i]);
        let inv = store.add_invite(&invite(c.role, coop, 1)).await?;
        let joined = store
            .join(
                inv.invite_id,
                &NewMember {
                    telegram_user_id: c.id,
                    chat_id: c.id,
                    display_name: c.name.to_owned(),
                    locale: c.locale,
                    gender: Some(c.gender),
                    cooperative_id: coop,
                },
            )
            .await?;
        let Redeemed::Joined(member) = joined else {
            anyhow::bail!("the demo member {} could not join", c.name)
        };
        members.push(member.member_id);
        if c.commission {
            store.set_commission(cluster.cluster_id, c.id, true).await?;
        }
        roster.people.push(Person {
            id: c.id,
            first_name: c.name.to_owned(),
            language_code: c.locale.code().to_owned(),
            about: c.about.to_owned(),
        });
    }
    let cda = members[4];
    for (what, role, coop) in [
        ("a producer of the women's cooperative", Role::Producer, Some(women.cooperative_id)),
        ("a producer of SMSA Djebba El Olia", Role::Producer, Some(smsa.cooperative_id)),
        ("a cooperative leader (chooses the cooperative)", Role::Leader, None),
    ] {
        let inv = store.add_invite(&invite(role, coop, 100)).await?;
        roster.invites.push((what.to_owned(), inv.code));
    }

    // The action plan: three joint actions, with reports already in.
    let today = now().with_timezone(&tz).date_naive();
    let plan = [
        (
            "Joint purchase of drying trays",
            "Sun-drying trays with insect nets, bought together for both cooperatives",
            vec![women.cooperative_id, smsa.cooperative_id],
            -40,
            20,
            Some((200.0, "trays")),
            Some(14),
            [(Locale::Fr, "Achat groupé de claies de séchage"), (Locale::Ar, "شراء مشترك لأطباق التجفيف")],
        ),
        (
            "Collective brand \"Figues de Djebba\" (AOC label)",
            "Label, packaging and the AOC file with the Ministry",
            vec![],
            -90,
            120,
            None,
            Some(30),
            [
                (Locale::Fr, "Marque collective « Figues de Djebba » (AOC)"),
                (Locale::Ar, "العلامة الجماعية «تين جبة» (تسمية المنشأ)"),
            ],
        ),
        (
            "Stand at the Djebba fig festival",
            "A shared stand of the women's cooperative at the August fig festival",
            vec![women.cooperative_id],
            -20,
            45,
            None,
            Some(7),
            [
                (Locale::Fr, "Stand au festival de la figue de Djebba"),
                (Locale::Ar, "جناح في مهرجان التين بجبة"),
            ],
        ),
    ];
    let mut actions = Vec::new();
    for (title, description, cooperatives, start, due, target, rhythm, titles) in plan {
        let a = store
            .add_action(&NewAction {
                cluster_id: cluster.cluster_id,
                title: title.to_owned(),
                description: Some(description.to_owned()),
                cooperatives,
                start_date: today + Duration::days(start),
                due_date: today + Duration::days(due),
                target: target.map(|(t, _)| t),
                unit: target.map(|(_, u)| u.to_owned()),
                rhythm_days: rhythm,
                created_by: Some(cda),
            })
            .await?;
        for (locale, t) in titles {
            store.set_action_title(a.action_id, locale, t).await?;
        }
        actions.push(a.action_id);
    }
    let reports = [
        (
            actions[0],
            members[0],
            ActionStatus::OnTrack,
            Some(60.0),
            Some(120.0),
            None,
            Some("اشترينا 120 طبقًا، والباقي في الطريق"),
        ),
        (
            actions[0],
            members[3],
            ActionStatus::Delayed,
            Some(40.0),
            None,
            None,
            Some("Le fournisseur de Béja attend l'acompte"),
        ),
        (
            actions[1],
            members[2],
            ActionStatus::Blocked,
            Some(25.0),
            None,
            Some(Blocker::Money),
            Some("ملف تسمية المنشأ ينتظر رسوم المخبر"),
        ),
        (
            actions[2],
            members[1],
            ActionStatus::OnTrack,
            Some(30.0),
            None,
            None,
            Some("Stand réservé, il reste les affiches"),
        ),
    ];
    for (action_id, member_id, status, percent, amount, blocker, note) in reports {
        let report =
            store.add_report(&NewReport { action_id, member_id, status, percent, amount, blocker }).await?;
        if let Some(note) = note {
            store.add_report_note(report, "text", Some(note), None).await?;
        }
    }

    // The diagnostic, launched to the producers (the sender delivers the invitations).
    let imported = crate::import::import(store, DIAGNOSTIC, "cluster_diagnostic.xlsx", None).await?;
    let (_, invitees) = store
        .create_launch(
            imported.form_pk,
            cluster.cluster_id,
            Audience::Role(Role::Producer),
            Some(now() + Duration::days(14)),
            Some(cda),
        )
        .await?;
    // Two producers answered already, so results and charts have something to show; the
    // others still have it open.
    let answered: [(MemberId, [(&str, &str); 10]); 2] = [
        (
            members[6],
            [
                ("workers", "4"),
                ("women_role", "owner_manager"),
                ("women_decisions", "sometimes"),
                ("cooperation", "often"),
                ("trust", "4"),
                ("joint_actions", "joint_purchase training"),
                ("main_bottleneck", "markets"),
                ("credit_access", "no"),
                ("credit_barrier", "no_collateral"),
                ("help_wish", "نحتاج مجففًا شمسيًا مشتركًا وزبائن في تونس العاصمة"),
            ],
        ),
        (
            members[7],
            [
                ("workers", "9"),
                ("women_role", "family_helper"),
                ("women_decisions", "never"),
                ("cooperation", "sometimes"),
                ("trust", "3"),
                ("joint_actions", "trade_fair"),
                ("main_bottleneck", "credit"),
                ("credit_access", "never_tried"),
                ("credit_barrier", ""),
                ("help_wish", "Un camion frigorifique partagé pour livrer à Tunis"),
            ],
        ),
    ];
    for (member_id, answers) in answered {
        let Some(invitee) = invitees.iter().find(|i| i.member_id == member_id) else { continue };
        for (question, value) in answers.iter().filter(|(_, v)| !v.is_empty()) {
            store.save_answer(invitee.response_id, question, value, None).await?;
        }
        let mut response = store.response(invitee.response_id).await?;
        response.status = Status::Finished;
        response.position = None;
        store.save_progress(&response).await?;
    }

    // The Cluster Commission meets tomorrow at 10:00, Tunis time.
    let tomorrow = today + Duration::days(1);
    let ten = tomorrow.and_time(NaiveTime::from_hms_opt(10, 0, 0).expect("10:00 is a time"));
    let starts_at = tz.from_local_datetime(&ten).earliest().expect("Tunis has no DST gap at 10:00").to_utc();
    store
        .create_meeting(&NewMeeting {
            cluster_id: cluster.cluster_id,
            title: "Cluster Commission: drying trays and the AOC file".to_owned(),
            starts_at,
            place: "Maison des jeunes, Djebba".to_owned(),
            location: Some((36.4716, 9.0951)),
            audience: MeetingAudience::Commission,
            reminder_offsets: vec![24 * 60, 60],
            created_by: Some(cda),
        })
        .await?;

    // Form previews get a cluster of their own, apart from the demo's data.
    let preview = store
        .add_cluster("Form preview", tz, Locale::En, Some("questionnaires tried out in the sandbox"))
        .await?;
    let inv = store
        .add_invite(&InviteSpec {
            cluster_id: preview.cluster_id,
            role: Role::Producer,
            cooperative_id: None,
            max_uses: 1000,
            expires_at: now() + year,
            created_by: None,
        })
        .await?;
    roster.preview = Some((preview.cluster_id, inv.invite_id));
    roster.save(store).await?;
    store.set_setting(SEEDED, &now().to_rfc3339()).await?;
    Ok(roster)
}
