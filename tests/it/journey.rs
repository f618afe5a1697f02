//! The journey of issue 12, end to end through the real bot: a woman producer joins in her
//! language, answers the shipped diagnostic with buttons and voice notes, reports progress on
//! a joint action, asks her CDA by voice and is invited to a meeting whose date she can read —
//! addressed as a woman wherever her language says so. Five women, in Arabic, Urdu, French, Spanish and Russian, at once on one bot.

use chrono::NaiveDate;
use clusterbot::domain::action::{ActionStatus, NewAction};
use clusterbot::domain::form::{Audience, Form};
use clusterbot::domain::ids::FormVersionId;
use clusterbot::domain::meeting::MeetingAudience;
use clusterbot::domain::{Gender, InviteSpec, Locale, Role};
use clusterbot::i18n::I18n;
use clusterbot::store::{NewMeeting, Store, now};

use crate::botapi::{BotApi, Call, TgUser};
use crate::e2e::{BotProcess, t, woman};
use crate::questionnaire::{label, member};
use crate::support::TestDb;

/// One woman's language, and the words that show she is addressed as a woman.
struct Producer {
    locale: Locale,
    telegram: TgUser,
    cluster: &'static str,
    cooperative: &'static str,
    /// (message key, what only the feminine form says) checked on what the bot sent her.
    feminine: &'static [(&'static str, &'static str)],
}

fn producers() -> Vec<Producer> {
    vec![
        Producer {
            locale: Locale::Ar,
            telegram: TgUser::new(9601, "Itto", "ar"),
            cluster: "Argan Souss",
            cooperative: "Tifawin",
            feminine: &[
                ("coop-ask", "تنتمين؟"),
                ("onboarding-done", "بصفة منتجة"),
                ("menu-title", "ماذا تريدين أن تفعلي؟"),
                ("form-invitation", "عندما تكونين مستعدّة"),
                ("form-hint-date", "اكتبي تاريخًا"),
                ("report-ask-progress-target", "اضغطي على نسبة مئوية"),
            ],
        },
        Producer {
            locale: Locale::Ur,
            telegram: TgUser::new(9602, "Shazia", "ur"),
            cluster: "Sialkot",
            cooperative: "Ghazi Sports",
            feminine: &[
                ("coop-ask", "کی رکن ہیں؟"),
                ("onboarding-done", "کی رکن ہیں"),
                ("menu-title", "چاہیں گی؟"),
                ("form-invitation", "جاری رکھ سکتی ہیں"),
                ("report-recorded", "بھیج سکتی ہیں"),
            ],
        },
        Producer {
            locale: Locale::Fr,
            telegram: TgUser::new(9603, "Aïcha", "fr"),
            cluster: "Djebba figues",
            cooperative: "Nour",
            feminine: &[("onboarding-done", "en tant que productrice")],
        },
        Producer {
            locale: Locale::Es,
            telegram: TgUser::new(9604, "Rosa", "es"),
            cluster: "Café Huila",
            cooperative: "Las Marías",
            feminine: &[("onboarding-done", "como productora")],
        },
        Producer {
            locale: Locale::Ru,
            telegram: TgUser::new(9605, "Olga", "ru"),
            cluster: "Самара",
            cooperative: "Волжанка",
            feminine: &[("onboarding-done", "Ваша роль: производительница")],
        },
    ]
}

/// Follows one member's side of the conversation.
struct Chat<'a> {
    api: &'a BotApi,
    user: TgUser,
    at: usize,
    /// Every message the bot sent her, in order.
    seen: Vec<Call>,
}

impl Chat<'_> {
    /// Waits for the next message to her (text, or a voice note's caption) containing `needle`.
    async fn expect(&mut self, needle: &str) -> Call {
        let id = self.user.id;
        let needle_owned = needle.to_owned();
        let (i, call) = self
            .api
            .wait_for(self.at, &format!("a message to {id} containing {needle:?}"), move |c| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(id)
                    && c.text().contains(&needle_owned)
            })
            .await;
        self.at = i + 1;
        self.seen.push(call.clone());
        call
    }

    fn press(&self, on: &Call, label: &str) {
        self.api.press(&self.user, on, &on.button_eq(label));
    }
}

/// What a journey needs that is there before she comes: her cluster in her language, its
/// cooperative, its CDA, a joint action of her cooperative, and the invite she opens.
struct Place {
    cluster: clusterbot::domain::ids::ClusterId,
    cda: TgUser,
    cda_id: clusterbot::domain::ids::MemberId,
    action: clusterbot::store::JointAction,
    code: String,
}

async fn place_for(store: &Store, p: &Producer, n: i64) -> Place {
    let l = p.locale;
    let cluster =
        store.add_cluster(p.cluster, chrono_tz::Africa::Casablanca, l, None).await.unwrap().cluster_id;
    let coop = store.add_cooperative(cluster, p.cooperative).await.unwrap().cooperative_id;
    let cda = TgUser::new(9700 + n, "Karim", "en");
    let cda_id = member(store, cluster, None, Role::Cda, &cda, Locale::En, Gender::Man).await;
    let action = store
        .add_action(&NewAction {
            cluster_id: cluster,
            title: format!("Joint purchase {n}"),
            description: None,
            cooperatives: vec![coop],
            start_date: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            due_date: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
            target: Some(10.0),
            unit: Some("t".into()),
            rhythm_days: None,
            created_by: None,
        })
        .await
        .unwrap();
    let invite = store
        .add_invite(&InviteSpec {
            cluster_id: cluster,
            role: Role::Producer,
            cooperative_id: None,
            max_uses: 1,
            expires_at: now() + chrono::Duration::days(1),
            created_by: None,
        })
        .await
        .unwrap();
    Place { cluster, cda, cda_id, action, code: invite.code }
}

async fn journey(
    api: &BotApi,
    store: &Store,
    form: &Form,
    form_pk: FormVersionId,
    p: Producer,
    place: Place,
    n: i64,
) {
    let l = p.locale;
    let her = woman(l);
    let Place { cluster, cda, cda_id, action, code } = place;
    let user = p.telegram.clone();
    let voice = |what: &str| {
        let id = format!("{}-{what}", user.id);
        api.put_file(&id, format!("OggS\0\x02 {what}").into_bytes());
        api.send_voice(&user, &id);
    };
    let mut chat = Chat { api, user: user.clone(), at: 0, seen: Vec::new() };

    // She joins: buttons, and her name said in a voice note.
    api.send_text(&user, &format!("/start {code}"));
    let languages = chat.expect(&t(l, "lang-choose", &[])).await;
    // Each language button carries a flag beside the language's own name.
    api.press(&user, &languages, &languages.button(l.native_name()));
    let agree = t(l, "btn-agree", &[]);
    let (i, consent) = api
        .wait_for(chat.at, "the consent", |c| {
            c.body["chat_id"].as_i64() == Some(user.id) && c.buttons().iter().any(|(b, _)| b == &agree)
        })
        .await;
    chat.at = i + 1;
    // The short consent, with the full text one button away.
    assert_eq!(consent.text(), t(l, "consent-short", &[("cluster", p.cluster)]));
    assert!(consent.buttons().iter().any(|(b, _)| b == &t(l, "btn-more", &[])));
    chat.press(&consent, &agree);
    chat.expect(&t(l, "name-ask", &[])).await;
    voice("name");
    chat.expect(&t(l, "name-voice-kept", &[])).await;
    let gender = chat.expect(&t(l, "gender-ask", &[])).await;
    chat.press(&gender, &t(l, "btn-woman", &[]));
    let coops = chat.expect(&t(her, "coop-ask", &[])).await;
    chat.press(&coops, &format!("🏠 {}", p.cooperative));
    let role = t(her, "role-producer", &[]);
    chat.expect(&t(her, "onboarding-done", &[("name", "🎤"), ("cluster", p.cluster), ("role", &role)])).await;
    chat.expect(&t(her, "menu-title", &[])).await;

    // The diagnostic reaches her through the outbox; she answers with buttons, and with voice
    // notes where a number, a date or words are asked.
    store.create_launch(form_pk, cluster, Audience::Role(Role::Producer), None, Some(cda_id)).await.unwrap();
    let title = form.title(l);
    let invitation = chat.expect(title).await;
    let mut args = clusterbot::i18n::FluentArgs::new();
    args.set("title", title);
    args.set("count", form.questions().count() as i64);
    let expected =
        clusterbot::i18n::I18n::load().unwrap().try_format(her, "form-invitation", Some(&args)).unwrap();
    assert!(invitation.text().contains(&expected), "{l}: {}", invitation.text());
    chat.press(&invitation, &t(l, "btn-form-start", &[]));
    let q = |name: &str| label(form, name, None, l);
    let choice = |name: &str, c: &str| label(form, name, Some(c), l);
    let intro = chat.expect(&q("intro")).await;
    chat.press(&intro, &t(l, "btn-form-next", &[]));
    chat.expect(&q("workers")).await;
    voice("workers");
    let started = chat.expect(&q("firm_start")).await;
    assert!(started.text().contains(&t(her, "form-hint-date", &[])), "{l}: {}", started.text());
    voice("firm-start");
    let role_q = chat.expect(&q("women_role")).await;
    chat.press(&role_q, &choice("women_role", "owner_manager"));
    for (name, answer) in [("women_decisions", "often"), ("cooperation", "sometimes"), ("trust", "4")] {
        let asked = chat.expect(&q(name)).await;
        chat.press(&asked, &choice(name, answer));
    }
    let joint = chat.expect(&q("joint_actions")).await;
    chat.press(&joint, &format!("⬜ {}", choice("joint_actions", "joint_purchase")));
    let ticked = format!("✅ {}", choice("joint_actions", "joint_purchase"));
    let id = user.id;
    api.wait_for(chat.at, "the tick", |c| {
        c.method == "editMessageReplyMarkup"
            && c.body["chat_id"].as_i64() == Some(id)
            && c.buttons().iter().any(|(b, _)| b == &ticked)
    })
    .await;
    chat.press(&joint, &t(l, "btn-form-done", &[]));
    let bottleneck = chat.expect(&q("main_bottleneck")).await;
    chat.press(&bottleneck, &choice("main_bottleneck", "credit"));
    let credit = chat.expect(&q("credit_access")).await;
    chat.press(&credit, &choice("credit_access", "yes"));
    chat.expect(&q("help_wish")).await;
    voice("wish");
    let thanks = chat.expect(&q("thanks")).await;
    chat.press(&thanks, &t(l, "btn-form-next", &[]));
    chat.expect(&t(her, "form-finished", &[("title", title)])).await;

    // She reports progress on the joint purchase: menu → 📝 → 🟢 → 50 %.
    api.send_text(&user, "/menu");
    let menu = chat.expect(&t(her, "menu-title", &[])).await;
    chat.press(&menu, &t(l, "btn-report", &[]));
    // Her cooperative has one open action: straight to its status.
    let statuses =
        chat.expect(&t(her, "report-ask-status", &[("action", &format!("Joint purchase {n}"))])).await;
    let on_track = format!("{} {}", ActionStatus::OnTrack.emoji(), t(her, "status-on-track", &[]));
    chat.press(&statuses, &on_track);
    let progress = chat.expect(&t(her, "report-ask-progress-target", &[("target", "10 t")])).await;
    api.press(&user, &progress, &progress.button("50"));
    let recorded = chat.expect(&t(her, "status-on-track", &[])).await;
    assert!(recorded.text().contains("50"), "{l}: {}", recorded.text());
    chat.press(&recorded, &t(l, "btn-report-finish", &[]));
    let menu = chat.expect(&t(her, "menu-title", &[])).await;
    let reports = store.reports(action.action_id).await.unwrap();
    assert_eq!(reports.len(), 1, "{l}: her report is kept");

    // She asks her CDA by voice, from the 🙋 button; the CDA gets her voice note with her
    // cooperative's name, and she is told it was sent.
    chat.press(&menu, &t(l, "btn-ask-cda", &[]));
    chat.expect(&t(her, "ask-prompt", &[])).await;
    voice("question");
    chat.expect(&t(her, "ask-sent", &[])).await;
    let cda_id = cda.id;
    let cooperative = p.cooperative;
    let (_, question) = api
        .wait_for(0, "her question at the CDA", |c| {
            c.method == "sendVoice"
                && c.body["chat_id"].as_i64() == Some(cda_id)
                && c.body["caption"].as_str().is_some_and(|s| s.contains(cooperative))
        })
        .await;
    assert!(question.body["voice"].is_object(), "the voice note itself reaches the CDA");

    // Her cluster meets tomorrow at 10:00, her time: the invitation says so as she reads dates
    // (a weekday, "tomorrow" where her language says it, her clock), never an ISO date or UTC.
    let tz = chrono_tz::Africa::Casablanca;
    let tomorrow = now().with_timezone(&tz).date_naive() + chrono::Duration::days(1);
    let starts_at = tomorrow
        .and_hms_opt(10, 0, 0)
        .and_then(|t| t.and_local_timezone(tz).single())
        .unwrap()
        .with_timezone(&chrono::Utc);
    store
        .create_meeting(&NewMeeting {
            cluster_id: cluster,
            title: format!("Assemblée {n}"),
            starts_at,
            place: "Hall".into(),
            location: None,
            audience: MeetingAudience::Cluster,
            reminder_offsets: vec![60],
            created_by: None,
        })
        .await
        .unwrap();
    let when = I18n::load().unwrap().when(her, starts_at, tz);
    let invitation = chat.expect(&format!("Assemblée {n}")).await;
    let text = invitation.text();
    assert!(text.contains(&when), "{l}: {when:?} not in {text:?}");
    assert!(when.contains("10"), "{l}: {when:?}");
    let iso = tomorrow.format("%Y-%m-%d").to_string();
    assert!(!text.contains(&iso) && !text.contains("UTC"), "{l}: {text:?}");
    if l != Locale::Ru {
        // Russian writes the date in full: "пн, 30.03.2026, 10:00".
        assert!(when.contains(&t(l, "read-tomorrow", &[])), "{l}: {when:?}");
    }

    // Where her language marks it, she was addressed as a woman.
    for (key, feminine) in p.feminine {
        assert!(
            chat.seen.iter().any(|c| c.text().contains(feminine)),
            "{l} {key}: nothing the bot sent her says {feminine:?}: {:#?}",
            chat.seen.iter().map(Call::text).collect::<Vec<_>>()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_woman_producer_joins_answers_the_diagnostic_reports_progress_and_asks_her_cda_by_voice_addressed_as_a_woman_in_five_languages()
 {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let form_file = concat!(env!("CARGO_MANIFEST_DIR"), "/forms/cluster_diagnostic.xlsx");
    let bytes = std::fs::read(form_file).unwrap();
    let imported =
        clusterbot::import::import(&db.store, &bytes, "cluster_diagnostic.xlsx", None).await.unwrap();
    let mut places = Vec::new();
    for (p, n) in producers().into_iter().zip(1..) {
        places.push((place_for(&db.store, &p, n).await, p, n));
    }
    let api = BotApi::start().await;
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
    let journeys = places
        .into_iter()
        .map(|(place, p, n)| journey(&api, &db.store, &imported.form, imported.form_pk, p, place, n));
    futures_util::future::join_all(journeys).await;

    let log = bot.kill();
    assert!(!log.contains("panicked"), "{log}");
    assert_eq!(api.violations(), Vec::<String>::new());
    // Her answers were kept: the voice notes as the answers' audio.
    let store = Store::connect(&db.url).await.unwrap();
    for p in producers() {
        let member = store.member_by_telegram(p.telegram.id).await.unwrap().expect("she joined");
        assert_eq!(member.gender, Some(Gender::Woman));
        let [response] = store.member_responses(member.member_id).await.unwrap().try_into().unwrap();
        assert_eq!(response.status, clusterbot::store::Status::Finished, "{}", p.locale);
        for question in ["workers", "firm_start", "help_wish"] {
            assert!(
                store.answer_media(response.response_id, question).await.unwrap().is_some(),
                "{} {question}: the voice note is the answer",
                p.locale
            );
        }
    }
    store.close().await;
    api.stop().await;
    db.cleanup().await;
}
