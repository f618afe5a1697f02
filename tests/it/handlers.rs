//! Handler tests through the real handler tree, with teloxide_tests' fake Bot API.
//! (teloxide_tests serialises these tests with a global lock; they use SQLite, whose
//! connections do not belong to the per-dispatch runtime.)

use chrono::Duration;
use clusterbot::bot::{App, schema};
use clusterbot::domain::ids::{ClusterId, CooperativeId, MemberId};
use clusterbot::domain::invite::InviteCode;
use clusterbot::domain::onboarding::{Dialogue, Onboarding, Step};
use clusterbot::domain::{InviteSpec, Locale, Role};
use clusterbot::i18n::I18n;
use clusterbot::store::{NewFieldNote, NewMember, Redeemed, Store, now};
use teloxide::dptree::deps;
use teloxide::types::Update;
use teloxide_tests::{
    MockBot, MockCallbackQuery, MockGroupChat, MockMessageSticker, MockMessageText, MockMessageVoice,
    MockUser,
};

use crate::e2e::t;
use crate::support::TestDb;

const USER: i64 = MockUser::ID as i64;

type Bot = MockBot<clusterbot::bot::BotError, teloxide_tests::mock_bot::DistributionKey>;

struct Fixture {
    _db: TestDb,
    app: App,
    cluster_id: ClusterId,
    coop_id: CooperativeId,
}

async fn fixture() -> Fixture {
    let db = TestDb::sqlite().await;
    let store = db.store.clone();
    let cluster_id = store
        .add_cluster("Sialkot surgical", chrono_tz::Asia::Karachi, Locale::Ur, None)
        .await
        .unwrap()
        .cluster_id;
    let coop_id = store.add_cooperative(cluster_id, "Ugoki forgers").await.unwrap().cooperative_id;
    let data_dir =
        std::env::temp_dir().join(format!("clusterbot-handlers-{}", crate::support::rand_suffix()));
    let app = App::new(store, std::sync::Arc::new(I18n::load().unwrap()), data_dir);
    Fixture { _db: db, app, cluster_id, coop_id }
}

impl Fixture {
    fn store(&self) -> &Store {
        &self.app.store
    }

    async fn invite(&self, role: Role, max_uses: i64, valid: Duration) -> clusterbot::domain::invite::Invite {
        let spec = InviteSpec {
            cluster_id: self.cluster_id,
            role,
            cooperative_id: None,
            max_uses,
            expires_at: now() + valid,
            created_by: None,
        };
        self.store().add_invite(&spec).await.unwrap()
    }

    /// The test user as an existing member with `role`, speaking English.
    async fn member(&self, role: Role) -> MemberId {
        let invite = self.invite(role, 1, Duration::days(1)).await;
        let new = NewMember {
            telegram_user_id: USER,
            chat_id: USER,
            display_name: "Bilal Ahmed".into(),
            locale: Locale::En,
            gender: None,
            cooperative_id: role.belongs_to_cooperative().then_some(self.coop_id),
        };
        let Redeemed::Joined(m) = self.store().join(invite.invite_id, &new).await.unwrap() else { panic!() };
        m.member_id
    }

    async fn onboarding_at(&self, step: Step) {
        let invite = self.invite(Role::Producer, 5, Duration::days(1)).await;
        let o = Onboarding {
            step,
            ..Onboarding::new(invite.invite_id, Locale::Fr, Some("Bilal Ahmed".into()), true)
        };
        self.store().set_dialogue(USER, &Dialogue::Onboarding(o)).await.unwrap();
    }

    fn bot(&self, update: impl teloxide_tests::IntoUpdate) -> Bot {
        let mut bot = MockBot::new(update, schema());
        bot.dependencies(deps![self.app.clone()]);
        bot
    }
}

fn texts(bot: &Bot) -> Vec<String> {
    bot.get_responses().sent_messages.iter().map(|m| m.text().unwrap_or_default().to_owned()).collect()
}

fn toast(bot: &Bot) -> Option<String> {
    let answered = bot.get_responses().answered_callback_queries;
    assert_eq!(answered.len(), 1, "every button press is answered exactly once");
    answered[0].text.clone()
}

fn press(data: &str) -> MockCallbackQuery {
    MockCallbackQuery::new().data(data)
}

fn user(language: &str) -> teloxide::types::User {
    MockUser::new().language_code(language).build()
}

#[tokio::test]
async fn start_without_a_code_explains_how_to_join_in_the_users_language() {
    let f = fixture().await;
    let mut bot = f.bot(MockMessageText::new().text("/start").from(user("fr")));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Fr, "start-no-code", &[])]);
}

#[tokio::test]
async fn expired_and_used_up_invites_are_refused_clearly() {
    let f = fixture().await;
    let expired = f.invite(Role::Producer, 5, Duration::minutes(-1)).await;
    let used = f.invite(Role::Producer, 1, Duration::days(1)).await;
    let other = NewMember {
        telegram_user_id: 1,
        chat_id: 1,
        display_name: "Someone".into(),
        locale: Locale::En,
        gender: None,
        cooperative_id: None,
    };
    f.store().join(used.invite_id, &other).await.unwrap();

    let mut bot = f.bot(MockMessageText::new().text(format!("/start {}", expired.code)).from(user("es")));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Es, "start-expired", &[])]);
    bot.update(MockMessageText::new().text(format!("/start {}", used.code)).from(user("es")));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Es, "start-used-up", &[])]);
    assert_eq!(f.store().member_by_telegram(USER).await.unwrap(), None);
    assert_eq!(f.store().dialogue(USER).await.unwrap(), None);
}

#[tokio::test]
async fn a_sticker_where_a_button_is_expected_is_re_asked_and_the_step_stays() {
    let f = fixture().await;
    f.onboarding_at(Step::Consent).await;
    let before = f.store().dialogue(USER).await.unwrap();
    let mut bot = f.bot(MockMessageSticker::new());
    bot.dispatch().await;
    assert_eq!(
        texts(&bot),
        [
            t(Locale::Fr, "reask-buttons", &[]),
            t(Locale::Fr, "consent-short", &[("cluster", "Sialkot surgical")])
        ]
    );
    assert_eq!(f.store().dialogue(USER).await.unwrap(), before);
}

#[tokio::test]
async fn a_voice_note_at_the_name_step_is_kept_as_the_spoken_name() {
    let f = fixture().await;
    f.onboarding_at(Step::Name).await;
    let mut bot = f.bot(MockMessageVoice::new());
    bot.dispatch().await;
    assert_eq!(texts(&bot)[0], t(Locale::Fr, "name-voice-kept", &[]));
    let Some(Dialogue::Onboarding(o)) = f.store().dialogue(USER).await.unwrap() else { panic!() };
    assert_eq!(o.step, Step::Gender, "joining goes on");
    assert!(o.name.is_none() && o.name_voice.is_some(), "{o:?}");
    // Punctuation alone is not a name.
    f.onboarding_at(Step::Name).await;
    bot.update(MockMessageText::new().text("???"));
    bot.dispatch().await;
    assert_eq!(texts(&bot)[0], t(Locale::Fr, "name-invalid", &[]));
    let Some(Dialogue::Onboarding(o)) = f.store().dialogue(USER).await.unwrap() else { panic!() };
    assert_eq!((o.step, o.name), (Step::Name, None));
}

#[tokio::test]
async fn back_returns_to_the_previous_question() {
    let f = fixture().await;
    f.onboarding_at(Step::Gender).await;
    let mut bot = f.bot(press("b"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [crate::e2e::name_question(Locale::Fr, "name-ask")]);
    assert_eq!(toast(&bot), None);
    let Some(Dialogue::Onboarding(o)) = f.store().dialogue(USER).await.unwrap() else { panic!() };
    assert_eq!(o.step, Step::Name);
}

#[tokio::test]
async fn declining_consent_stores_nothing_but_the_refusal() {
    let f = fixture().await;
    f.onboarding_at(Step::Consent).await;
    let Some(Dialogue::Onboarding(o)) = f.store().dialogue(USER).await.unwrap() else { panic!() };
    let mut bot = f.bot(press("c:n"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Fr, "consent-declined", &[])]);
    assert_eq!(toast(&bot), None);
    assert_eq!(f.store().dialogue(USER).await.unwrap(), None);
    assert_eq!(f.store().member_by_telegram(USER).await.unwrap(), None);
    assert_eq!(f.store().consent_refusals(o.invite_id).await.unwrap(), 1);
}

#[tokio::test]
async fn language_can_be_changed_in_the_middle_of_joining() {
    let f = fixture().await;
    f.onboarding_at(Step::Gender).await;
    let mut bot = f.bot(press("l:ru"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Ru, "gender-ask", &[])], "same question, new language");
    bot.update(MockMessageText::new().text("/menu"));
    bot.dispatch().await;
    assert_eq!(texts(&bot)[0], t(Locale::Ru, "onboarding-finish-first", &[]));
}

#[tokio::test]
async fn an_old_onboarding_button_after_joining_is_answered_as_expired() {
    let f = fixture().await;
    f.member(Role::Producer).await;
    let mut bot = f.bot(press("g:woman"));
    bot.dispatch().await;
    assert_eq!(toast(&bot), Some(t(Locale::En, "button-expired", &[])));
    assert!(texts(&bot).is_empty());
    assert_eq!(bot.get_responses().edited_messages_reply_markup.len(), 1, "the stale keyboard is removed");
}

#[tokio::test]
async fn an_unknown_button_code_is_answered_not_left_spinning() {
    let f = fixture().await;
    let mut bot = f.bot(press("v0|legacy|42"));
    bot.dispatch().await;
    assert_eq!(toast(&bot), Some(t(Locale::En, "button-expired", &[])));
}

#[tokio::test]
async fn producers_cannot_use_cda_commands_even_with_a_forged_button() {
    let f = fixture().await;
    f.member(Role::Producer).await;
    let mut bot = f.bot(MockMessageText::new().text("/invite"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "error-not-allowed", &[])]);
    bot.update(press(&format!("i:cda:{}", f.cluster_id)));
    bot.dispatch().await;
    assert_eq!(toast(&bot), Some(t(Locale::En, "error-not-allowed", &[])));
    assert!(texts(&bot).is_empty(), "no invite was made");
}

#[tokio::test]
async fn a_cda_makes_an_invite_link_with_buttons_only() {
    let f = fixture().await;
    f.member(Role::Cda).await;
    let mut bot = f.bot(MockMessageText::new().text("/invite"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "invite-choose-role", &[])]);
    bot.update(press("i:producer"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "invite-choose-coop", &[])]);
    bot.update(press(&format!("i:producer:{}:{}", f.cluster_id, f.coop_id)));
    bot.dispatch().await;
    let sent = texts(&bot);
    assert_eq!(sent.len(), 1, "one message with the link: {sent:?}");
    let link = sent[0].lines().find(|l| l.starts_with("https://t.me/test_bot?start=")).expect("a deep link");
    let code = InviteCode::parse(link.rsplit('=').next().unwrap()).unwrap();
    let invite = f.store().invite_by_code(&code).await.unwrap().unwrap();
    assert_eq!((invite.role, invite.cooperative_id, invite.max_uses), (Role::Producer, Some(f.coop_id), 50));
    assert!(sent[0].contains("50"), "{}", sent[0]);
}

#[tokio::test]
async fn a_cda_joining_a_second_cluster_keeps_one_account() {
    let f = fixture().await;
    let member_id = f.member(Role::Cda).await;
    let other =
        f.store().add_cluster("Djebba figs", chrono_tz::Africa::Tunis, Locale::Ar, None).await.unwrap();
    let spec = InviteSpec {
        cluster_id: other.cluster_id,
        role: Role::Cda,
        cooperative_id: None,
        max_uses: 1,
        expires_at: now() + Duration::days(1),
        created_by: None,
    };
    let invite = f.store().add_invite(&spec).await.unwrap();
    let mut bot = f.bot(MockMessageText::new().text(format!("/start {}", invite.code)));
    bot.dispatch().await;
    let role = t(Locale::En, "role-cda", &[]);
    assert_eq!(
        texts(&bot)[0],
        t(Locale::En, "start-added-cluster", &[("cluster", "Djebba figs"), ("role", &role)])
    );
    assert_eq!(f.store().memberships(member_id).await.unwrap().len(), 2);
}

#[tokio::test]
async fn mydata_shows_what_is_stored() {
    let f = fixture().await;
    f.member(Role::Producer).await;
    let mut bot = f.bot(MockMessageText::new().text("/mydata"));
    bot.dispatch().await;
    let text = &texts(&bot)[0];
    for expected in
        ["Bilal Ahmed", "Sialkot surgical", "Ugoki forgers", &USER.to_string(), "English", "/forget"]
    {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
}

#[tokio::test]
async fn mydata_answers_nothing_stored_to_a_stranger_a_decliner_and_the_forgotten() {
    let f = fixture().await;
    let nothing = |l| t(l, "mydata-none", &[]);
    // A stranger, by command and by an old menu button, in their Telegram language.
    let mut bot = f.bot(MockMessageText::new().text("/mydata").from(user("es")));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [nothing(Locale::Es)]);
    bot.update(press("m:data").from(user("es")));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [nothing(Locale::Es)]);

    // Someone in the middle of joining: nothing is stored yet, and the question comes again.
    f.onboarding_at(Step::Consent).await;
    bot.update(MockMessageText::new().text("/mydata"));
    bot.dispatch().await;
    let sent = texts(&bot);
    assert_eq!(sent[0], nothing(Locale::Fr), "the language they chose while joining");
    assert!(sent[1].starts_with(&t(Locale::Fr, "consent-short", &[("cluster", "Sialkot surgical")])[..20]));

    // After declining consent.
    bot.update(press("c:n"));
    bot.dispatch().await;
    bot.update(MockMessageText::new().text("/mydata"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [nothing(Locale::En)]);

    // After /forget.
    f.member(Role::Producer).await;
    bot.update(MockMessageText::new().text("/forget"));
    bot.dispatch().await;
    bot.update(press("f:y"));
    bot.dispatch().await;
    bot.update(MockMessageText::new().text("/mydata"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [nothing(Locale::En)]);
}

#[tokio::test]
async fn a_group_pointer_speaks_the_language_the_member_chose() {
    let f = fixture().await;
    let member_id = f.member(Role::Producer).await;
    f.store().set_member_locale(member_id, Locale::Ur).await.unwrap();
    let group = MockGroupChat::new().build();
    // Telegram says English; the member chose Urdu in the bot.
    let mut bot = f.bot(MockMessageText::new().text("/report").chat(group.clone()).from(user("en")));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Ur, "group-private-only", &[])]);
    // Someone who is not a member gets their Telegram language.
    let stranger = MockUser::new().id(4242).language_code("ru").build();
    bot.update(MockMessageText::new().text("/start").chat(group).from(stranger));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Ru, "group-private-only", &[])]);
}

#[tokio::test]
async fn an_invite_used_up_while_joining_is_refused_at_the_next_step() {
    let f = fixture().await;
    let invite = f.invite(Role::Producer, 1, Duration::days(1)).await;
    let mut bot = f.bot(MockMessageText::new().text(format!("/start {}", invite.code)).from(user("es")));
    bot.dispatch().await;
    assert!(texts(&bot)[0].contains(&t(Locale::Es, "lang-choose", &[])));
    // Someone else takes the last place meanwhile.
    let other = NewMember {
        telegram_user_id: 1,
        chat_id: 1,
        display_name: "Someone".into(),
        locale: Locale::En,
        gender: None,
        cooperative_id: None,
    };
    assert!(matches!(f.store().join(invite.invite_id, &other).await.unwrap(), Redeemed::Joined(_)));
    // Her next tap is refused in the language she chose, before consent, name or gender.
    bot.update(press("l:fr").from(user("es")));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Fr, "start-used-up", &[])]);
    assert_eq!(f.store().dialogue(USER).await.unwrap(), None);
    assert_eq!(f.store().member_by_telegram(USER).await.unwrap(), None);
}

#[tokio::test]
async fn forget_asks_first_then_anonymises() {
    let f = fixture().await;
    let member_id = f.member(Role::Producer).await;
    let mut bot = f.bot(MockMessageText::new().text("/forget"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "forget-confirm", &[])]);
    assert!(f.store().member_by_telegram(USER).await.unwrap().is_some(), "nothing deleted before confirming");
    bot.update(press("f:y"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "forget-done", &[])]);
    assert_eq!(f.store().member_by_telegram(USER).await.unwrap(), None);
    let anon = f.store().member(member_id).await.unwrap();
    assert_eq!((anon.display_name, anon.telegram_user_id), (None, None));
    // Pressing the confirmation again: said, not done twice.
    bot.update(press("f:y"));
    bot.dispatch().await;
    assert_eq!(toast(&bot), Some(t(Locale::En, "forget-nothing", &[])));
}

#[tokio::test]
async fn language_choice_of_a_member_is_kept() {
    let f = fixture().await;
    let member_id = f.member(Role::Producer).await;
    let mut bot = f.bot(press("l:ur"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::Ur, "lang-changed", &[]), t(Locale::Ur, "menu-title", &[])]);
    assert_eq!(f.store().member(member_id).await.unwrap().locale, Some(Locale::Ur));
    let menu = &bot.get_responses().set_my_commands;
    assert_eq!(menu.last().unwrap().commands[0].description, t(Locale::Ur, "cmd-start", &[]));
}

#[tokio::test]
async fn commands_in_a_group_point_to_the_private_chat_and_chatter_is_ignored() {
    let f = fixture().await;
    let group = MockGroupChat::new().build();
    let mut bot = f.bot(MockMessageText::new().text("/start").chat(group.clone()));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "group-private-only", &[])]);
    bot.update(MockMessageText::new().text("good morning everyone").chat(group));
    bot.dispatch().await;
    assert!(texts(&bot).is_empty());
}

#[tokio::test]
async fn blocking_the_bot_marks_the_member_unreachable() {
    let f = fixture().await;
    f.member(Role::Producer).await;
    let raw = serde_json::json!({
        "update_id": 1,
        "my_chat_member": {
            "chat": {"id": USER, "type": "private", "first_name": "Bilal"},
            "from": {"id": USER, "is_bot": false, "first_name": "Bilal"},
            "date": 1_700_000_000,
            "old_chat_member": {"user": {"id": 123456, "is_bot": true, "first_name": "Test"}, "status": "member"},
            "new_chat_member": {"user": {"id": 123456, "is_bot": true, "first_name": "Test"}, "status": "kicked", "until_date": 0}, "via_chat_folder_invite_link": false,
        }
    });
    // (teloxide's Update reads from JSON text; from a serde_json::Value it loses the kind.)
    let blocked: Update = serde_json::from_str(&raw.to_string()).unwrap();
    assert!(matches!(blocked.kind, teloxide::types::UpdateKind::MyChatMember(_)), "{:?}", blocked.kind);
    let mut bot = f.bot(blocked);
    bot.dispatch().await;
    assert!(f.store().member_by_telegram(USER).await.unwrap().unwrap().opted_out_at.is_some());
}

/// Ids in button codes are base 36.
fn b36(id: i64) -> String {
    let mut n = id as u64;
    let mut digits = Vec::new();
    loop {
        digits.push(std::char::from_digit((n % 36) as u32, 36).unwrap());
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

impl Fixture {
    /// A CDA of the cluster, other than the test user.
    async fn other_cda(&self) -> MemberId {
        let invite = self.invite(Role::Cda, 1, Duration::days(1)).await;
        let new = NewMember {
            telegram_user_id: USER + 1,
            chat_id: USER + 1,
            display_name: "Imran".into(),
            locale: Locale::En,
            gender: None,
            cooperative_id: None,
        };
        let Redeemed::Joined(m) = self.store().join(invite.invite_id, &new).await.unwrap() else { panic!() };
        m.member_id
    }
}

/// One press of `data` in the private chat, through the same bot (update ids go on, so the
/// press is not taken for a duplicate): the toast and the messages sent.
async fn press_once(bot: &mut Bot, data: &str) -> (Option<String>, Vec<String>) {
    bot.update(press(data));
    bot.dispatch().await;
    (toast(bot), texts(bot))
}

#[tokio::test]
async fn a_joint_action_added_in_the_chat_can_skip_its_target_and_refuses_a_forged_rhythm() {
    let f = fixture().await;
    f.member(Role::Cda).await;
    let steps = [
        (format!("pa:{}", b36(f.cluster_id.get())), "action-ask-title"),
        ("Shared polishing machine".to_owned(), "action-ask-description"),
        ("d:skip".to_owned(), "action-ask-owners"),
        ("d:od".to_owned(), "action-ask-start"),
        ("d:today".to_owned(), "action-ask-due"),
        ("d:m3".to_owned(), "action-ask-target"),
        // ⏭ Skip at the target: the draft is saved without a target, and loaded so.
        ("d:skip".to_owned(), "action-ask-rhythm"),
    ];
    let mut bot = f.bot(MockMessageText::new().text("/progress"));
    for (input, key) in steps {
        if input.contains(':') {
            bot.update(press(&input));
        } else {
            bot.update(MockMessageText::new().text(&input));
        }
        bot.dispatch().await;
        assert_eq!(texts(&bot).last(), Some(&t(Locale::En, key, &[])), "{input}");
    }
    // The keyboard offers 7, 14 and 30 days or none: 65535 is no button of it.
    for forged in ["d:r65535", "d:r5", "d:m24"] {
        let (toast, sent) = press_once(&mut bot, forged).await;
        assert_eq!(toast, Some(t(Locale::En, "button-expired", &[])), "{forged}");
        assert!(sent.is_empty(), "{forged}: {sent:?}");
    }
    assert!(f.store().actions(f.cluster_id).await.unwrap().is_empty(), "nothing stored");
    let (_, sent) = press_once(&mut bot, "d:r14").await;
    assert!(sent.iter().any(|s| s.contains("Shared polishing machine")), "{sent:?}");
    let actions = f.store().actions(f.cluster_id).await.unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(
        (actions[0].target, actions[0].unit.as_deref(), actions[0].rhythm_days),
        (None, None, Some(14))
    );
}

#[tokio::test]
async fn forged_buttons_naming_missing_things_are_answered_as_no_longer_active() {
    let f = fixture().await;
    f.member(Role::Cda).await;
    let missing = b36(9_999_999);
    let mut bot = f.bot(MockMessageText::new().text("/help"));
    for code in ["nm", "nt", "ph", "pm", "pt", "mo", "mr", "mt", "mx", "my", "R", "a", "af", "au", "ad"] {
        let data = match code {
            "nt" => format!("nt:{missing}:0"),
            _ => format!("{code}:{missing}"),
        };
        let (toast, sent) = press_once(&mut bot, &data).await;
        assert_eq!(toast, Some(t(Locale::En, "button-expired", &[])), "{data}");
        assert!(sent.is_empty(), "{data}: {sent:?}");
    }
}

#[tokio::test]
async fn every_cda_button_pressed_by_a_producer_says_only_cdas_can() {
    let f = fixture().await;
    let cda = f.other_cda().await;
    f.member(Role::Producer).await;
    let note = f
        .store()
        .add_field_note(&NewFieldNote {
            cluster_id: f.cluster_id,
            member_id: cda,
            kind: "text",
            body: Some("Visited the Ugoki forge".into()),
            media_file_id: None,
            location: None,
        })
        .await
        .unwrap();
    let action = f
        .store()
        .add_action(&crate::actions::new_action(f.cluster_id, "Joint steel purchase", vec![], None))
        .await
        .unwrap()
        .action_id;
    let (c, n, a) = (b36(f.cluster_id.get()), b36(note.get()), b36(action.get()));
    let mut bot = f.bot(MockMessageText::new().text("/help"));
    let buttons = [
        format!("nt:{n}:0"),
        format!("nc:{c}"),
        format!("nm:{n}"),
        format!("x:{c}"),
        format!("x:{c}:0:-:1"),
        format!("i:cda:{}", f.cluster_id),
        format!("L:{c}"),
        format!("pa:{c}"),
        format!("pt:{a}"),
        format!("pl:{a}:fr"),
        format!("mc:{c}"),
    ];
    for data in buttons {
        let (toast, sent) = press_once(&mut bot, &data).await;
        assert_eq!(toast, Some(t(Locale::En, "error-not-allowed", &[])), "{data}");
        assert!(sent.is_empty(), "{data}: {sent:?}");
    }
    assert_eq!(f.store().field_note(note).await.unwrap().tag, None, "the note is not tagged");
}

/// Joining whose saved step no longer reads after an upgrade: the person is told gently and
/// joins again from the same invite, from its first step; nothing fails.
#[tokio::test]
async fn a_joining_dialogue_that_no_longer_reads_starts_again_from_the_invite() {
    let f = fixture().await;
    let invite = f.invite(Role::Producer, 5, Duration::days(1)).await;
    let old = format!(
        r#"{{"dialogue":"onboarding","invite_id":{},"step":"village","locale":"fr"}}"#,
        invite.invite_id
    );
    crate::store::write_raw_dialogue(&f._db, USER, &old).await;
    let mut bot = f.bot(MockMessageText::new().text("Bilal").from(user("fr")));
    bot.dispatch().await;
    let sent = texts(&bot);
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[0], t(Locale::Fr, "dialogue-lost", &[]));
    assert!(sent[1].ends_with(&t(Locale::Fr, "lang-choose", &[])), "{sent:?}");
    bot.update(press("l:fr").from(user("fr")));
    bot.dispatch().await;
    assert_eq!(texts(&bot).last(), Some(&t(Locale::Fr, "consent-short", &[("cluster", "Sialkot surgical")])));
}

/// A member whose saved dialogue no longer reads gets a gentle word and the menu, from a
/// message or a button; the chat then works as before.
#[tokio::test]
async fn a_members_dialogue_that_no_longer_reads_shows_the_menu_and_never_sticks() {
    let f = fixture().await;
    f.member(Role::Producer).await;
    crate::store::write_raw_dialogue(&f._db, USER, r#"{"dialogue":"survey_v0","form":3}"#).await;
    let mut bot = f.bot(MockMessageText::new().text("12"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "dialogue-lost", &[]), t(Locale::En, "menu-title", &[])]);
    bot.update(MockMessageText::new().text("12"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "not-understood", &[]), t(Locale::En, "menu-title", &[])]);

    crate::store::write_raw_dialogue(&f._db, USER, r#"{"dialogue":"survey_v0","form":3}"#).await;
    let (toast, sent) = press_once(&mut bot, "m:help").await;
    assert_eq!(toast, None);
    assert_eq!(sent, [t(Locale::En, "dialogue-lost", &[]), t(Locale::En, "menu-title", &[])]);
}

/// A lost dialogue that names a questionnaire response picks the questionnaire up again at
/// the member's question (where they are is kept with the response).
#[tokio::test]
async fn a_lost_questionnaire_dialogue_asks_the_open_question_again() {
    use clusterbot::domain::form::Audience;
    let f = fixture().await;
    f.member(Role::Producer).await;
    let imported =
        clusterbot::import::import(f.store(), &crate::forms::diagnostic(), "cluster_diagnostic.xlsx", None)
            .await
            .unwrap();
    let (_, invitees) =
        f.store().create_launch(imported.form_pk, f.cluster_id, Audience::Cluster, None, None).await.unwrap();
    let response = invitees[0].response_id;
    let old = format!(r#"{{"dialogue":"questionnaire_v0","response_id":{response},"page":2}}"#);
    crate::store::write_raw_dialogue(&f._db, USER, &old).await;
    let mut bot = f.bot(MockMessageText::new().text("12"));
    bot.dispatch().await;
    let sent = texts(&bot);
    assert_eq!(sent[0], t(Locale::En, "dialogue-lost", &[]));
    let intro = imported.form.item("intro").unwrap();
    let intro_label = intro.label.get(Locale::En, &imported.form.default_language).unwrap();
    assert!(sent[1..].iter().any(|m| m.contains(intro_label)), "the first question is asked: {sent:?}");
    assert_eq!(
        f.store().dialogue(USER).await.unwrap(),
        Some(Dialogue::Questionnaire { response_id: response })
    );
}

/// No handler failure is silent: when the bot itself fails (here its notes table is gone),
/// the member is told in their language that what they sent is kept, and it is — until
/// they ask to be forgotten.
#[tokio::test]
async fn an_internal_failure_is_answered_and_what_was_sent_is_kept() {
    let f = fixture().await;
    let member = f.member(Role::Cda).await;
    let pool = sqlx::SqlitePool::connect(&f._db.url).await.unwrap();
    sqlx::query("drop table field_note").execute(&pool).await.unwrap();
    pool.close().await;
    let mut bot = f.bot(MockMessageText::new().text("The kiln in Djebba is broken again"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "error-internal", &[])]);
    let kept = f.store().failed_updates(USER).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].1.contains("The kiln in Djebba is broken again"), "{}", kept[0].1);
    // A button fails the same way, as its toast.
    let (toast, _) = press_once(&mut bot, &format!("nt:{}:0", b36(1))).await;
    assert_eq!(toast, Some(t(Locale::En, "error-internal", &[])));
    assert_eq!(f.store().failed_updates(USER).await.unwrap().len(), 2);
    f.store().forget_member(member).await.unwrap();
    assert_eq!(f.store().failed_updates(USER).await.unwrap(), [], "their words go with them");
}

/// Refusals are answered in the member's language whether they typed or tapped, and a
/// refusal is no failure: nothing is kept.
#[tokio::test]
async fn refusals_are_answered_as_messages_and_toasts_and_nothing_is_kept() {
    let f = fixture().await;
    f.member(Role::Producer).await;
    let mut bot = f.bot(MockMessageText::new().text("/invite"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "error-not-allowed", &[])]);
    let (toast, sent) = press_once(&mut bot, &format!("pa:{}", b36(f.cluster_id.get()))).await;
    assert_eq!((toast, sent), (Some(t(Locale::En, "error-not-allowed", &[])), vec![]));
    let (toast, _) = press_once(&mut bot, "zz:forged").await;
    assert_eq!(toast, Some(t(Locale::En, "button-expired", &[])));
    assert_eq!(f.store().failed_updates(USER).await.unwrap(), []);
}

/// The progress view names who cannot be reached for an action's check-ins, as results
/// and meetings do; once they write again they are no longer named.
#[tokio::test]
async fn progress_names_the_check_in_recipients_who_cannot_be_reached() {
    let f = fixture().await;
    f.member(Role::Cda).await;
    let leader = {
        let invite = f.invite(Role::Leader, 1, Duration::days(1)).await;
        let new = NewMember {
            telegram_user_id: USER + 7,
            chat_id: USER + 7,
            display_name: "Nadia".into(),
            locale: Locale::Ur,
            gender: None,
            cooperative_id: Some(f.coop_id),
        };
        let Redeemed::Joined(m) = f.store().join(invite.invite_id, &new).await.unwrap() else { panic!() };
        m.member_id
    };
    let action = f
        .store()
        .add_action(&crate::actions::new_action(
            f.cluster_id,
            "Shared forging press",
            vec![f.coop_id],
            Some(7),
        ))
        .await
        .unwrap()
        .action_id;
    assert!(f.store().queue_checkin(action, leader, now()).await.unwrap());
    f.store().set_opted_out(USER + 7, true).await.unwrap();
    let unreachable = t(Locale::En, "meeting-unreachable", &[("names", "Nadia")]);
    let mut bot = f.bot(MockMessageText::new().text("/progress"));
    bot.dispatch().await;
    assert!(texts(&bot)[0].contains(&unreachable), "{:?}", texts(&bot));
    f.store().set_opted_out(USER + 7, false).await.unwrap();
    bot.update(MockMessageText::new().text("/progress"));
    bot.dispatch().await;
    assert!(!texts(&bot)[0].contains(&unreachable), "{:?}", texts(&bot));
}

/// The inline buttons (label, data) of the last message sent.
fn last_buttons(bot: &Bot) -> Vec<(String, String)> {
    let responses = bot.get_responses();
    let Some(m) = responses.sent_messages.last() else { return Vec::new() };
    let Some(markup) = m.reply_markup() else { return Vec::new() };
    markup
        .inline_keyboard
        .iter()
        .flatten()
        .filter_map(|b| match &b.kind {
            teloxide::types::InlineKeyboardButtonKind::CallbackData(d) => Some((b.text.clone(), d.clone())),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn help_offers_a_button_for_each_thing_the_role_can_do() {
    let f = fixture().await;
    f.member(Role::Producer).await;
    let mut bot = f.bot(MockMessageText::new().text("/help"));
    bot.dispatch().await;
    assert_eq!(texts(&bot), [t(Locale::En, "help-title", &[])], "no list of commands to read");
    let labels: Vec<String> =
        last_buttons(&bot).into_iter().map(|(l, _)| l).filter(|l| !l.starts_with("🔊")).collect();
    let en = |k: &str| t(Locale::En, k, &[]);
    assert_eq!(
        labels,
        [en("btn-ask-cda"), en("btn-report"), en("btn-forms"), en("btn-mydata"), en("btn-language")],
        "a producer's actions"
    );
    // A button works: "my data" shows what is stored.
    let mydata = last_buttons(&bot).into_iter().find(|(l, _)| *l == en("btn-mydata")).unwrap().1;
    bot.update(press(&mydata));
    bot.dispatch().await;
    assert!(
        texts(&bot).iter().any(|t| t.contains("Bilal Ahmed") && t.contains("/forget")),
        "{:?}",
        texts(&bot)
    );
}

#[tokio::test]
async fn help_offers_a_cda_the_cda_actions_and_no_question_to_a_cda() {
    let f = fixture().await;
    f.member(Role::Cda).await;
    let mut bot = f.bot(MockMessageText::new().text("/help"));
    bot.dispatch().await;
    let labels: Vec<String> = last_buttons(&bot).into_iter().map(|(l, _)| l).collect();
    let en = |k: &str| t(Locale::En, k, &[]);
    for key in ["btn-invite", "btn-launch", "btn-results", "btn-export", "btn-progress", "btn-meetings"] {
        assert!(labels.contains(&en(key)), "{key} in {labels:?}");
    }
    assert!(!labels.contains(&en("btn-ask-cda")), "{labels:?}");
    assert!(!texts(&bot)[0].contains('/'), "{:?}", texts(&bot));
    let invite = last_buttons(&bot).into_iter().find(|(l, _)| *l == en("btn-invite")).unwrap().1;
    bot.update(press(&invite));
    bot.dispatch().await;
    assert!(texts(&bot).contains(&en("invite-choose-role")), "{:?}", texts(&bot));
}

#[tokio::test]
async fn the_short_consent_has_a_more_button_that_shows_it_in_full() {
    let f = fixture().await;
    f.onboarding_at(Step::Consent).await;
    let mut bot = f.bot(press("c:m"));
    bot.dispatch().await;
    let full = t(Locale::Fr, "consent-ask", &[("cluster", "Sialkot surgical")]);
    assert_eq!(texts(&bot), [full]);
    let labels: Vec<String> = last_buttons(&bot).into_iter().map(|(l, _)| l).collect();
    assert!(labels.contains(&t(Locale::Fr, "btn-agree", &[])), "{labels:?}");
    assert!(!labels.contains(&t(Locale::Fr, "btn-more", &[])), "{labels:?}");
    // Agreeing from the full text goes on to the name.
    let agree = last_buttons(&bot).into_iter().find(|(l, _)| l.starts_with('✅')).unwrap().1;
    bot.update(press(&agree));
    bot.dispatch().await;
    assert!(texts(&bot).iter().any(|m| m.contains(&t(Locale::Fr, "name-ask", &[]))), "{:?}", texts(&bot));
}
