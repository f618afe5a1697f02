//! End to end: what people type is stored clean. Control characters, escape sequences,
//! right-to-left overrides and zero-width characters at the ends never reach the database
//! (PostgreSQL refused a NUL and the member could not join), on SQLite and PostgreSQL.

use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::store::Store;

use crate::botapi::{BotApi, TgUser};
use crate::e2e::{BotProcess, cli, name_question, t};
use crate::questionnaire::member;
use crate::support::TestDb;

fn en(key: &str) -> String {
    t(Locale::En, key, &[])
}

/// Opens the invite, picks English and agrees: the name question is next.
async fn to_name_step(api: &BotApi, user: &TgUser, code: &str) -> crate::botapi::Call {
    let before = api.calls().len();
    api.send_text(user, &format!("/start {code}"));
    let (_, languages) = api
        .wait_for(before, "the language question", |c| {
            c.body["chat_id"].as_i64() == Some(user.id) && !c.buttons().is_empty()
        })
        .await;
    api.press(user, &languages, &languages.button("English"));
    let (i, consent) =
        api.expect_text(before, user, &t(Locale::En, "consent-short", &[("cluster", "Sialkot")])).await;
    api.press(user, &consent, &consent.button(&en("btn-agree")));
    let (_, name) = api
        .wait_for(i + 1, "the name question", |c| {
            c.body["chat_id"].as_i64() == Some(user.id)
                && (c.text() == name_question(Locale::En, "name-ask")
                    || c.text() == name_question(Locale::En, "name-ask-type"))
        })
        .await;
    name
}

/// Answers the gender question: the member joins (the cluster has no cooperatives).
async fn joins_as(api: &BotApi, user: &TgUser, from: usize, name: &str) {
    let (i, gender) = api.expect_text(from, user, &en("gender-ask")).await;
    api.press(user, &gender, &gender.button(&en("btn-woman")));
    let done = t(
        Locale::En,
        "onboarding-done",
        &[("name", name), ("cluster", "Sialkot"), ("role", &en("role-producer"))],
    );
    api.expect_text(i + 1, user, &done).await;
}

async fn typed_text_is_stored_clean(backend: &str) {
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let sialkot =
        store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::Ur, None).await.unwrap().cluster_id;
    let code =
        cli(&db.url, &["invite", "--cluster", &sialkot.to_string(), "--role", "producer", "--uses", "5"])[0]
            .clone();
    let nadia = TgUser::new(9801, "Nadia", "en");
    member(&store, sialkot, None, Role::Cda, &nadia, Locale::En, Gender::Woman).await;
    let api = BotApi::start().await;
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");

    // A typed name full of garbage: NUL, bell, a colour escape, an override, zero-width ends.
    let amina = TgUser::new(9802, ".", "en");
    to_name_step(&api, &amina, &code).await;
    let before = api.calls().len();
    api.send_text(&amina, "\u{feff}\u{200b}\0Amina\u{7} \u{1b}[1;31mBenali\u{1b}[0m\u{202e}\u{200b}");
    joins_as(&api, &amina, before, "Amina Benali").await;

    // The "use my Telegram name" button with a Telegram name as garbled.
    let omar = TgUser {
        last_name: Some("\u{202e}Haddad\u{0}\u{2060}".into()),
        ..TgUser::new(9803, "\u{feff}Omar\u{1b}[2J", "en")
    };
    let name = to_name_step(&api, &omar, &code).await;
    assert_eq!(name.buttons()[0].0, "✅ Omar Haddad", "the offered name is clean");
    let before = api.calls().len();
    api.press(&omar, &name, &name.buttons()[0].1);
    joins_as(&api, &omar, before, "Omar Haddad").await;

    // A name of nothing but garbage is asked again, in her language.
    let nour = TgUser::new(9804, ".", "en");
    to_name_step(&api, &nour, &code).await;
    let before = api.calls().len();
    api.send_text(&nour, "\0\u{200b}\u{202e}\u{1b}[0m\u{feff}");
    let (i, _) = api.expect_text(before, &nour, &en("name-invalid")).await;
    let (i, _) = api.expect_text(i + 1, &nour, &name_question(Locale::En, "name-ask-type")).await;
    api.send_text(&nour, "Nour \u{200c}\u{200d}");
    joins_as(&api, &nour, i + 1, "Nour").await;

    // A CDA's field note with a NUL and an override, line breaks kept.
    let before = api.calls().len();
    api.send_text(&nadia, "Dryer\0 broken\u{202e}\nat Amal\u{1b}[2J");
    api.expect_text(before, &nadia, &t(Locale::En, "field-note-saved", &[("cluster", "Sialkot")])).await;
    bot.kill();

    let check = Store::connect(&db.url).await.unwrap();
    for (user, name) in [(&amina, "Amina Benali"), (&omar, "Omar Haddad"), (&nour, "Nour")] {
        let m = check.member_by_telegram(user.id).await.unwrap().unwrap_or_else(|| panic!("{name} joined"));
        assert_eq!(m.display_name.as_deref(), Some(name));
    }
    let notes = check.field_notes(sialkot, 10).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body.as_deref(), Some("Dryer broken\nat Amal"));
    assert_eq!(api.violations(), Vec::<String>::new());
    check.close().await;
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn names_and_notes_are_stored_clean_on_sqlite() {
    typed_text_is_stored_clean("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn names_and_notes_are_stored_clean_on_postgres() {
    typed_text_is_stored_clean("postgres").await;
}
