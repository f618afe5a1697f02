//! End to end, through the real bot (issue 12): a member reaches her CDA by text and by
//! voice and hears the answer; a question nobody could receive is kept and listed; a name
//! said by voice while joining reaches the CDAs; a number answered by voice is kept for
//! review; the 🔊 button reads a message aloud with espeak-ng, synthesised once.

use clusterbot::domain::{Gender, Locale, Role};

use crate::botapi::{BotApi, Call, TgUser};
use crate::e2e::{BotProcess, cli, name_question, t};
use crate::questionnaire::member;
use crate::support::TestDb;

fn en(key: &str) -> String {
    t(Locale::En, key, &[])
}

/// The next message (text or voice) the bot sends to `user` after call `from`.
async fn next_to(api: &BotApi, from: usize, user: &TgUser, method: &str, needle: &str) -> (usize, Call) {
    let (id, method, needle) = (user.id, method.to_owned(), needle.to_owned());
    let what = format!("{method} to {id} with {needle:?}");
    api.wait_for(from, &what, move |c| {
        let words = c.body.get("caption").and_then(|v| v.as_str()).unwrap_or(c.text());
        c.method == method && c.body["chat_id"].as_i64() == Some(id) && words.contains(&needle)
    })
    .await
}

/// Waits until the sender has recorded that `call` carries a question (it does so once
/// Telegram has answered the send): a CDA replies to a message she has received, which the
/// double shows a moment before the bot hears back.
async fn delivered(store: &clusterbot::store::Store, cda: &TgUser, call: &Call) {
    let message_id = call.message_id.expect("a sent message");
    for _ in 0..500 {
        if store.question_by_message(cda.id, message_id).await.unwrap().is_some() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the question sent to {} as message {message_id} was never recorded", cda.id);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_asks_her_cda_by_text_and_by_voice_and_the_answers_reach_her() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let cluster =
        store.add_cluster("Argan Souss", chrono_tz::Africa::Casablanca, Locale::Fr, None).await.unwrap();
    let amal = store.add_cooperative(cluster.cluster_id, "Amal").await.unwrap().cooperative_id;
    let nadia = TgUser::new(9101, "Nadia", "en");
    let amina = TgUser::new(9102, "Amina", "en");
    member(&store, cluster.cluster_id, None, Role::Cda, &nadia, Locale::En, Gender::Woman).await;
    member(&store, cluster.cluster_id, Some(amal), Role::Producer, &amina, Locale::En, Gender::Woman).await;
    let api = BotApi::start().await;
    api.put_file("amina-question", b"OggS\0\x02 where do we buy the bottles".to_vec());
    api.put_file("nadia-answer", b"OggS\0\x02 at the cooperative in Agadir".to_vec());
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");

    // "🙋 Ask my CDA" is in her menu; she types her question.
    api.send_text(&amina, "/menu");
    let (i, menu) = api.expect_text(0, &amina, &en("menu-title")).await;
    api.press(&amina, &menu, &menu.button_eq(&en("btn-ask-cda")));
    let (i, _) = api.expect_text(i + 1, &amina, &en("ask-prompt")).await;
    api.send_text(&amina, "When will the dryer be repaired?");
    api.expect_text(i + 1, &amina, &en("ask-sent")).await;

    // Nadia gets it, through the outbox, with the member's name and cooperative.
    let (_, question) = next_to(&api, 0, &nadia, "sendMessage", "When will the dryer be repaired?").await;
    assert!(
        question.text().contains("Amina") && question.text().contains("Amal"),
        "who asked: {}",
        question.text()
    );
    // She answers by replying to it; Amina receives the answer in the bot.
    let before = api.calls().len();
    delivered(&store, &nadia, &question).await;
    api.reply_text(&nadia, &question, "Next Monday, inshallah");
    next_to(&api, before, &nadia, "sendMessage", &t(Locale::En, "ask-answer-sent", &[("name", "Amina")]))
        .await;
    let (_, answer) = next_to(&api, before, &amina, "sendMessage", "Next Monday, inshallah").await;
    assert!(
        answer.text().starts_with(&t(Locale::En, "ask-answer", &[("cda", "Nadia")])),
        "{}",
        answer.text()
    );

    // A voice note outside any dialogue: a question too, never "not understood".
    let before = api.calls().len();
    api.send_voice(&amina, "amina-question");
    api.expect_text(before, &amina, &en("ask-sent")).await;
    let (_, spoken) = next_to(&api, before, &nadia, "sendVoice", "Amina").await;
    assert!(spoken.body["caption"].as_str().unwrap().contains("Amal"));
    assert!(!api.calls_since(before).iter().any(|c| c.text() == en("not-understood")));
    // Nadia replies with a voice note; Amina hears it.
    let before = api.calls().len();
    delivered(&store, &nadia, &spoken).await;
    api.reply_voice(&nadia, &spoken, "nadia-answer");
    let (_, heard) =
        next_to(&api, before, &amina, "sendVoice", &t(Locale::En, "ask-answer", &[("cda", "Nadia")])).await;
    assert!(heard.body["voice"].is_object(), "the voice note itself is sent: {:?}", heard.body);

    // A CDA's own voice note outside a dialogue stays a field note.
    api.put_file("nadia-note", b"OggS\0\x02 field note".to_vec());
    let before = api.calls().len();
    api.send_voice(&nadia, "nadia-note");
    api.expect_text(before, &nadia, &t(Locale::En, "field-note-saved", &[("cluster", "Argan Souss")])).await;

    // /questions shows both, answered by Nadia.
    let before = api.calls().len();
    api.send_text(&nadia, "/questions");
    let (_, list) = next_to(
        &api,
        before,
        &nadia,
        "sendMessage",
        &t(Locale::En, "questions-title", &[("cluster", "Argan Souss")]),
    )
    .await;
    let answered = t(Locale::En, "question-answered", &[("cda", "Nadia")]);
    assert_eq!(list.text().matches(&answered).count(), 2, "{}", list.text());
    assert!(!list.text().contains(&en("question-waiting")), "{}", list.text());
    assert_eq!(api.violations(), Vec::<String>::new());
    bot.kill();
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_question_nobody_can_receive_is_kept_and_answered_from_the_list() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let cluster = store.add_cluster("Djebba", chrono_tz::Africa::Tunis, Locale::Ar, None).await.unwrap();
    let salma = TgUser::new(9201, "Salma", "en");
    member(&store, cluster.cluster_id, None, Role::Producer, &salma, Locale::En, Gender::Woman).await;
    let api = BotApi::start().await;
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");

    // No CDA in the cluster yet: the question is kept, and she is told so.
    api.send_text(&salma, "/ask");
    let (i, _) = api.expect_text(0, &salma, &en("ask-prompt")).await;
    api.send_text(&salma, "Who buys dried figs this year?");
    api.expect_text(i + 1, &salma, &en("ask-kept")).await;

    // A CDA joins later and finds it waiting.
    let karim = TgUser::new(9202, "Karim", "en");
    member(&store, cluster.cluster_id, None, Role::Cda, &karim, Locale::En, Gender::Man).await;
    let before = api.calls().len();
    api.send_text(&karim, "/questions");
    let (_, list) = next_to(
        &api,
        before,
        &karim,
        "sendMessage",
        &t(Locale::En, "questions-title", &[("cluster", "Djebba")]),
    )
    .await;
    assert!(list.text().contains("Who buys dried figs this year?") && list.text().contains("Salma"));
    assert!(list.text().contains(&en("question-waiting")), "{}", list.text());
    // ↩️ sends the question again, to be replied to.
    api.press(&karim, &list, &list.button("↩️ 1"));
    let (_, again) = next_to(&api, before, &karim, "sendMessage", &en("ask-reply-hint")).await;
    let before = api.calls().len();
    delivered(&store, &karim, &again).await;
    api.reply_text(&karim, &again, "The Béja market, from September");
    let (_, answer) = next_to(&api, before, &salma, "sendMessage", "The Béja market, from September").await;
    assert!(answer.text().contains("Karim"), "{}", answer.text());
    assert_eq!(api.violations(), Vec::<String>::new());
    bot.kill();
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_said_by_voice_reaches_the_cda_who_can_write_it_down() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let cluster = cli(
        &db.url,
        &["cluster", "add", "--name", "Argan Souss", "--timezone", "Africa/Casablanca", "--locale", "en"],
    );
    let code =
        cli(&db.url, &["invite", "--cluster", &cluster[0], "--role", "producer", "--uses", "1"])[0].clone();
    let store = db.store.clone();
    let cluster_id = cluster[0].parse::<i64>().unwrap().into();
    let nadia = TgUser::new(9301, "Nadia", "en");
    member(&store, cluster_id, None, Role::Cda, &nadia, Locale::En, Gender::Woman).await;
    let api = BotApi::start().await;
    api.put_file("itto-name", b"OggS\0\x02 Itto Ait Baha".to_vec());
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");

    let itto = TgUser::new(9302, "I.", "en");
    api.send_text(&itto, &format!("/start {code}"));
    let (i, languages) =
        api.wait_for(0, "languages", |c| c.method == "sendMessage" && !c.buttons().is_empty()).await;
    api.press(&itto, &languages, &languages.button("English"));
    let (i, consent) =
        api.expect_text(i + 1, &itto, &t(Locale::En, "consent-short", &[("cluster", "Argan Souss")])).await;
    api.press(&itto, &consent, &consent.button(&en("btn-agree")));
    let (i, _) = api.expect_text(i + 1, &itto, &name_question(Locale::En, "name-ask")).await;
    // She says her name.
    api.send_voice(&itto, "itto-name");
    let (i, _) = api.expect_text(i + 1, &itto, &en("name-voice-kept")).await;
    let (i, gender) = api.expect_text(i + 1, &itto, &en("gender-ask")).await;
    api.press(&itto, &gender, &gender.button(&en("btn-woman")));
    api.expect_text(i + 1, &itto, &en("menu-title")).await;
    let joined = store.member_by_telegram(itto.id).await.unwrap().unwrap();
    assert_eq!(joined.display_name.as_deref(), Some(""), "no written name: not Telegram's");
    assert!(joined.name_media_file_id.is_some(), "the spoken name is kept");

    // The CDA sees 🎤, hears the name, and types it.
    let before = api.calls().len();
    api.send_text(&nadia, "/names");
    let (_, list) = next_to(
        &api,
        before,
        &nadia,
        "sendMessage",
        &t(Locale::En, "names-title", &[("cluster", "Argan Souss")]),
    )
    .await;
    assert!(list.text().contains("1. 🎤"), "{}", list.text());
    api.press(&nadia, &list, &list.button("🎤 1"));
    let (_, voice) = api.wait_for(before, "the spoken name", |c| c.method == "sendVoice").await;
    assert!(voice.body["voice"].is_object());
    api.press(&nadia, &list, &list.button("✍️ 1"));
    let (i, _) = api.expect_text(before, &nadia, &en("names-type")).await;
    api.send_text(&nadia, "Itto Ait Baha");
    api.expect_text(i + 1, &nadia, &t(Locale::En, "names-saved", &[("name", "Itto Ait Baha")])).await;
    let named = store.member_by_telegram(itto.id).await.unwrap().unwrap();
    assert_eq!(named.display_name.as_deref(), Some("Itto Ait Baha"));

    // When a transcript arrives for a name nobody wrote yet, it becomes the name.
    let media = named.name_media_file_id.unwrap();
    assert_eq!(store.name_from_transcript(media, "Itto").await.unwrap(), 0, "a written name stays");
    bot.kill();
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_speak_button_reads_the_menu_aloud_with_espeak_once() {
    assert!(
        std::process::Command::new("espeak-ng").arg("--version").output().is_ok(),
        "espeak-ng is needed by this test (.ci/run installs it)"
    );
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let cluster = store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::Ur, None).await.unwrap();
    let bilal = TgUser::new(9401, "Bilal", "ur");
    member(&store, cluster.cluster_id, None, Role::Producer, &bilal, Locale::Ur, Gender::Man).await;
    let api = BotApi::start().await;
    let bot = BotProcess::spawn_with(
        &api,
        &db.url,
        dir.path(),
        "bot",
        "warn",
        &["run"],
        &[("TTS_COMMAND", "espeak-ng")],
    );

    api.send_text(&bilal, "/menu");
    let bilal_reads = clusterbot::i18n::Reader::new(Locale::Ur, Some(Gender::Man));
    let (_, menu) = api.expect_text(0, &bilal, &t(bilal_reads, "menu-title", &[])).await;
    let speak = t(Locale::Ur, "btn-speak", &[]);
    api.press(&bilal, &menu, &menu.button_eq(&speak));
    let audio = |c: &Call| c.method == "sendVoice" || c.method == "sendAudio";
    let (i, first) = api.wait_for(0, "the menu read aloud", audio).await;
    let field = if first.method == "sendVoice" { "voice" } else { "audio" };
    // Uploaded as a file, with real audio in it (WAV or OGG).
    let size = first.body[field]["size"].as_u64().unwrap_or_default();
    assert!(size > 1000, "espeak-ng's audio was uploaded: {:?}", first.body);
    // The press is answered once the recording's file id is kept.
    let (i, _) = api.wait_for(i + 1, "the press answered", |c| c.method == "answerCallbackQuery").await;
    assert_eq!(store.spoken_count().await.unwrap(), 1);

    // Pressed again: the same recording, by Telegram's file id, not synthesised again.
    api.press(&bilal, &menu, &menu.button_eq(&speak));
    let (_, second) = api.wait_for(i + 1, "the menu read aloud again", audio).await;
    assert!(second.body[field].is_string(), "sent by file id: {:?}", second.body);
    assert_eq!(store.spoken_count().await.unwrap(), 1);
    assert_eq!(api.violations(), Vec::<String>::new());
    bot.kill();
    db.cleanup().await;
}
