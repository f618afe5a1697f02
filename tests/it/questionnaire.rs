//! End to end: a CDA launches the shipped diagnostic; a producer answers in Arabic (a
//! constraint failure, skip, back, a crash of the bot in the middle, a multi-select that
//! breaks its constraint, a voice answer), another in French (a typed date, "other" with its
//! explanation); the database holds exactly their answers; the CDA reads results and a chart.

use chrono::Duration;
use clusterbot::domain::form::Form;
use clusterbot::domain::ids::{ClusterId, CooperativeId, MemberId};
use clusterbot::domain::{Gender, InviteSpec, Locale, Role};
use clusterbot::store::{NewMember, Redeemed, Status, Store, now};

use crate::botapi::{BotApi, Call, TgUser};
use crate::e2e::{BotProcess, cli, t};
use crate::support::TestDb;

pub async fn member(
    store: &Store,
    cluster: ClusterId,
    coop: Option<CooperativeId>,
    role: Role,
    user: &TgUser,
    locale: Locale,
    gender: Gender,
) -> MemberId {
    let spec = InviteSpec {
        cluster_id: cluster,
        role,
        cooperative_id: coop,
        max_uses: 1,
        expires_at: now() + Duration::days(1),
        created_by: None,
    };
    let invite = store.add_invite(&spec).await.unwrap();
    let new = NewMember {
        telegram_user_id: user.id,
        chat_id: user.id,
        display_name: user.first_name.clone(),
        locale,
        gender: Some(gender),
        cooperative_id: coop,
    };
    let Redeemed::Joined(m) = store.join(invite.invite_id, &new).await.unwrap() else { panic!() };
    m.member_id
}

/// The label of a question or a choice, as the member sees it.
pub fn label(form: &Form, question: &str, choice: Option<&str>, l: Locale) -> String {
    let item = form.item(question).unwrap();
    match choice {
        None => item.label.get(l, &form.default_language).unwrap().to_owned(),
        Some(c) => form
            .choices(item)
            .into_iter()
            .find(|x| x.name == c)
            .unwrap()
            .label
            .get(l, &form.default_language)
            .unwrap()
            .to_owned(),
    }
}

struct Player<'a> {
    api: &'a BotApi,
    user: TgUser,
    form: Form,
    l: Locale,
    at: usize,
}

impl Player<'_> {
    /// Waits for the next message to this member that contains `needle`.
    async fn expect(&mut self, needle: &str) -> Call {
        let id = self.user.id;
        let (i, call) = self
            .api
            .wait_for(self.at, &format!("a message to {id} containing {needle:?}"), |c| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(id)
                    && c.text().contains(needle)
            })
            .await;
        self.at = i + 1;
        call
    }

    async fn question(&mut self, name: &str) -> Call {
        let text = label(&self.form, name, None, self.l);
        self.expect(&text).await
    }

    fn choose(&self, on: &Call, question: &str, choice: &str) {
        let text = label(&self.form, question, Some(choice), self.l);
        self.api.press(&self.user, on, &on.button_eq(&text));
    }

    fn tick(&self, on: &Call, question: &str, choice: &str) {
        let text = label(&self.form, question, Some(choice), self.l);
        self.api.press(&self.user, on, &on.button_eq(&format!("⬜ {text}")));
    }

    fn press(&self, on: &Call, key: &str) {
        self.api.press(&self.user, on, &on.button_eq(&t(self.l, key, &[])));
    }

    fn say(&self, text: &str) {
        self.api.send_text(&self.user, text);
    }
}

async fn diagnostic_in_two_languages(backend: &str) {
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let cluster = store
        .add_cluster("Djebba figs", chrono_tz::Africa::Tunis, Locale::Ar, Some("figs"))
        .await
        .unwrap()
        .cluster_id;
    let amal = store.add_cooperative(cluster, "Amal").await.unwrap().cooperative_id;
    let cda = TgUser::new(9001, "Sami", "en");
    let amina_user = TgUser::new(9002, "Amina", "ar");
    let pierre_user = TgUser::new(9003, "Pierre", "fr");
    member(&store, cluster, None, Role::Cda, &cda, Locale::En, Gender::Man).await;
    let amina_id =
        member(&store, cluster, Some(amal), Role::Producer, &amina_user, Locale::Ar, Gender::Woman).await;
    let pierre_id =
        member(&store, cluster, Some(amal), Role::Producer, &pierre_user, Locale::Fr, Gender::Man).await;
    let form_file = concat!(env!("CARGO_MANIFEST_DIR"), "/forms/cluster_diagnostic.xlsx");
    let imported = cli(&db.url, &["form", "import", form_file]);
    assert_eq!(imported, ["cluster_diagnostic\t2026120701"]);
    let form =
        clusterbot::import::parse(&std::fs::read(form_file).unwrap(), "cluster_diagnostic.xlsx").unwrap();

    let api = BotApi::start().await;
    let mut bot = Some(BotProcess::spawn(&api, &db.url, dir.path(), "first"));

    // The CDA launches the diagnostic to the cooperative, due in 7 days, with buttons only.
    let mut sami = Player { api: &api, user: cda.clone(), form: form.clone(), l: Locale::En, at: 0 };
    sami.say("/launch");
    let forms = sami.expect(&t(Locale::En, "launch-choose-form", &[])).await;
    api.press(&cda, &forms, &forms.button("Cluster diagnostic"));
    let audience = sami.expect(&t(Locale::En, "launch-choose-audience", &[])).await;
    api.press(&cda, &audience, &audience.button_eq("🏠 Amal"));
    let deadline = sami.expect(&t(Locale::En, "launch-choose-deadline", &[])).await;
    // A double tap on a slow network launches once.
    api.press(&cda, &deadline, &deadline.button("7"));
    api.press(&cda, &deadline, &deadline.button("7"));
    sami.expect(&t(Locale::En, "launch-sent", &[("count", "2")])).await;

    // Amina, in Arabic.
    let mut amina = Player { api: &api, user: amina_user.clone(), form: form.clone(), l: Locale::Ar, at: 0 };
    let invitation = amina.expect(form.title(Locale::Ar)).await;
    amina.press(&invitation, "btn-form-start");
    let intro = amina.question("intro").await;
    amina.press(&intro, "btn-form-next");
    let workers = amina.question("workers").await;
    assert!(
        // A short bar (ten squares at most) and the count, with no words to read.
        workers.text().contains("🟩⬜⬜⬜⬜⬜⬜⬜⬜⬜ 1/11"),
        "{}",
        workers.text()
    );
    amina.say("٦٠٠"); // 600, in Eastern Arabic digits: over the form's limit of 500
    let constraint =
        form.item("workers").unwrap().constraint_message.get(Locale::Ar, "en").unwrap().to_owned();
    amina.expect(&constraint).await;
    amina.question("workers").await;
    amina.say("١٢");
    let firm_start = amina.question("firm_start").await;
    amina.press(&firm_start, "btn-form-skip");
    let role = amina.question("women_role").await;
    amina.choose(&role, "women_role", "worker");
    let decisions = amina.question("women_decisions").await;
    amina.press(&decisions, "btn-back");
    let role = amina.question("women_role").await;
    let pressed_at = api.calls().len();
    amina.choose(&role, "women_role", "owner_manager");
    let decisions = amina.question("women_decisions").await;
    // The answered question becomes its read-back in one edit (keyboard gone), the press is
    // answered, the next question comes: three calls (the press's answer has no chat), no
    // echo message and no separate clearing of the keyboard.
    let chosen = label(&form, "women_role", Some("owner_manager"), Locale::Ar);
    let (_, read_back) = api
        .wait_for(pressed_at, "the read-back", |c| {
            c.method == "editMessageText" && c.body["message_id"].as_i64() == role.message_id
        })
        .await;
    assert_eq!(read_back.text(), format!("{}\n\n✔️ {chosen}", role.text()));
    assert!(read_back.body.get("reply_markup").is_none_or(|m| m.is_null()), "{:?}", read_back.body);
    api.wait_for(pressed_at, "the press answered", |c| c.method == "answerCallbackQuery").await;
    let mut calls: Vec<_> = api
        .calls_since(pressed_at)
        .into_iter()
        .filter(|c| c.body["chat_id"].as_i64() == Some(amina_user.id))
        .map(|c| c.method)
        .collect();
    calls.sort();
    assert_eq!(calls, ["editMessageText", "sendMessage"]);
    amina.choose(&decisions, "women_decisions", "sometimes");
    let cooperation = amina.question("cooperation").await;

    // The bot dies here, and comes back. The buttons already on her screen still work.
    bot.take().unwrap().kill();
    bot = Some(BotProcess::spawn(&api, &db.url, dir.path(), "second"));
    amina.choose(&cooperation, "cooperation", "often");
    let trust = amina.question("trust").await;
    amina.choose(&trust, "trust", "4");
    let joint = amina.question("joint_actions").await;
    amina.tick(&joint, "joint_actions", "joint_purchase");
    amina.tick(&joint, "joint_actions", "training");
    amina.tick(&joint, "joint_actions", "none");
    amina.press(&joint, "btn-form-done");
    let none_rule =
        form.item("joint_actions").unwrap().constraint_message.get(Locale::Ar, "en").unwrap().to_owned();
    amina.expect(&none_rule).await;
    let none_ticked = format!("✅ {}", label(&form, "joint_actions", Some("none"), Locale::Ar));
    amina.tick(&joint, "joint_actions", "none"); // the same button again unticks "none"
    // Wait until the untick is saved (the keyboard is redrawn) before pressing Done.
    api.wait_for(amina.at, "the redrawn ticks", |c| {
        c.method == "editMessageReplyMarkup"
            && c.body["chat_id"].as_i64() == Some(amina_user.id)
            && !c.buttons().iter().any(|(l, _)| l == &none_ticked)
    })
    .await;
    amina.press(&joint, "btn-form-done");
    let bottleneck = amina.question("main_bottleneck").await;
    amina.choose(&bottleneck, "main_bottleneck", "credit");
    let access = amina.question("credit_access").await;
    amina.choose(&access, "credit_access", "no");
    let barrier = amina.question("credit_barrier").await;
    amina.choose(&barrier, "credit_barrier", "too_expensive");
    amina.question("help_wish").await;
    api.send_voice(&amina_user, "amina-voice-1");
    let thanks = amina.question("thanks").await;
    amina.press(&thanks, "btn-form-next");
    amina.expect(&t(Locale::Ar, "form-finished", &[("title", form.title(Locale::Ar))])).await;

    // Pierre, in French.
    let mut pierre =
        Player { api: &api, user: pierre_user.clone(), form: form.clone(), l: Locale::Fr, at: 0 };
    let invitation = pierre.expect(form.title(Locale::Fr)).await;
    pierre.press(&invitation, "btn-form-start");
    let intro = pierre.question("intro").await;
    pierre.press(&intro, "btn-form-next");
    pierre.question("workers").await;
    pierre.say("huit");
    pierre.expect(&t(Locale::Fr, "form-not-a-number", &[])).await;
    pierre.say("8");
    pierre.question("firm_start").await;
    pierre.say("15/03/2010");
    pierre.question("women_role").await;
    // A voice note where a choice is asked: kept as a comment, and the buttons come again.
    api.send_voice(&pierre_user, "pierre-comment");
    pierre.expect(&t(Locale::Fr, "form-voice-kept", &[])).await;
    let role = pierre.question("women_role").await;
    pierre.choose(&role, "women_role", "worker");
    let decisions = pierre.question("women_decisions").await;
    pierre.choose(&decisions, "women_decisions", "never");
    let cooperation = pierre.question("cooperation").await;
    pierre.choose(&cooperation, "cooperation", "never");
    let trust = pierre.question("trust").await;
    pierre.choose(&trust, "trust", "3");
    let joint = pierre.question("joint_actions").await;
    pierre.tick(&joint, "joint_actions", "none");
    api.wait_for(pierre.at, "the tick", |c| {
        c.method == "editMessageReplyMarkup" && c.body["chat_id"].as_i64() == Some(pierre_user.id)
    })
    .await;
    pierre.press(&joint, "btn-form-done");
    let bottleneck = pierre.question("main_bottleneck").await;
    pierre.choose(&bottleneck, "main_bottleneck", "other");
    pierre.expect(&t(Locale::Fr, "form-specify-other", &[])).await;
    pierre.say("Le transport");
    let access = pierre.question("credit_access").await;
    pierre.choose(&access, "credit_access", "yes");
    let wish = pierre.question("help_wish").await; // credit_barrier is not relevant for him
    pierre.press(&wish, "btn-form-skip");
    let thanks = pierre.question("thanks").await;
    pierre.press(&thanks, "btn-form-next");
    pierre.expect(&t(Locale::Fr, "form-finished", &[("title", form.title(Locale::Fr))])).await;

    // The CDA reads the results, then the chart of the trust question.
    sami.say("/results");
    let launches = sami.expect(&t(Locale::En, "results-choose", &[])).await;
    api.press(&cda, &launches, &launches.buttons()[0].1);
    let summary = sami.expect("Finished: 2").await;
    assert!(summary.text().contains("Amal: 2 finished"), "{}", summary.text());
    let trust_label = label(&form, "trust", None, Locale::En);
    api.press(&cda, &summary, &summary.button(&trust_label));
    let (_, photo) = api.wait_for(sami.at, "the chart", |c| c.method == "sendPhoto").await;
    assert_eq!(photo.body["photo"]["png"], true, "the chart is a PNG");
    assert_eq!(
        photo.body["caption"].as_str(),
        Some(t(Locale::En, "results-chart-caption", &[("question", &trust_label), ("count", "2")]).as_str()),
        "the question and its two answers"
    );

    let log = bot.take().unwrap().kill();
    assert!(!log.contains("panicked"), "{log}");
    assert_eq!(api.violations(), Vec::<String>::new());

    // The database holds exactly their answers.
    let check = Store::connect(&db.url).await.unwrap();
    let [amina_response] =
        check.member_responses(amina_id).await.unwrap().try_into().expect("one launch, one response");
    assert_eq!(amina_response.status, Status::Finished);
    let a = check.answers(amina_response.response_id).await.unwrap();
    let get = |m: &std::collections::BTreeMap<String, String>, k: &str| m.get(k).cloned();
    assert_eq!(get(&a, "workers").as_deref(), Some("12"));
    assert_eq!(get(&a, "firm_start"), None, "skipped");
    assert_eq!(get(&a, "women_role").as_deref(), Some("owner_manager"), "the answer after going back");
    assert_eq!(get(&a, "women_decisions").as_deref(), Some("sometimes"));
    assert_eq!(get(&a, "cooperation").as_deref(), Some("often"), "answered after the restart");
    assert_eq!(get(&a, "trust").as_deref(), Some("4"));
    assert_eq!(get(&a, "joint_actions").as_deref(), Some("joint_purchase training"));
    assert_eq!(get(&a, "credit_barrier").as_deref(), Some("too_expensive"));
    assert!(get(&a, "start").is_some() && get(&a, "end").is_some());
    let (kind, path) = check
        .answer_media(amina_response.response_id, "help_wish")
        .await
        .unwrap()
        .expect("voice answer stored");
    assert_eq!(kind, "voice");
    let stored = std::fs::read(dir.path().join("data").join(&path)).expect("the voice note is on disk");
    assert!(stored.starts_with(b"OggS"));

    let [pierre_response] = check.member_responses(pierre_id).await.unwrap().try_into().unwrap();
    assert_eq!(pierre_response.status, Status::Finished);
    let p = check.answers(pierre_response.response_id).await.unwrap();
    assert_eq!(get(&p, "workers").as_deref(), Some("8"));
    assert_eq!(get(&p, "firm_start").as_deref(), Some("2010-03-15"));
    assert_eq!(get(&p, "joint_actions").as_deref(), Some("none"));
    assert_eq!(get(&p, "main_bottleneck").as_deref(), Some("other"));
    assert_eq!(get(&p, "main_bottleneck_other").as_deref(), Some("Le transport"));
    assert_eq!(get(&p, "credit_barrier"), None);
    assert_eq!(get(&p, "help_wish"), None);
    let comments = check.voice_comments(pierre_response.response_id).await.unwrap();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].0, "women_role");
    check.close().await;
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_diagnostic_runs_in_arabic_and_french_on_sqlite() {
    diagnostic_in_two_languages("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_diagnostic_runs_in_arabic_and_french_on_postgres() {
    diagnostic_in_two_languages("postgres").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cda_imports_forms_by_sending_the_file_and_bad_forms_are_explained() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let cluster =
        store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::Ur, None).await.unwrap().cluster_id;
    let cda = TgUser::new(9101, "Nadia", "en");
    let producer = TgUser::new(9102, "Omar", "ur");
    member(&store, cluster, None, Role::Cda, &cda, Locale::En, Gender::Woman).await;
    member(&store, cluster, None, Role::Producer, &producer, Locale::Ur, Gender::Man).await;
    let api = BotApi::start().await;
    let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
    let data = |name: &str| {
        std::fs::read(format!("{}/tests/data/forms/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };

    // A form with unsupported questions: every problem named, nothing stored.
    api.put_file("waste", data("waste_collection.xlsx"));
    api.send_document(&cda, "waste", "waste_collection.xlsx");
    let (i, refused) = api
        .wait_for(0, "the refusal", |c| {
            c.method == "sendMessage"
                && c.text()
                    .starts_with(&t(Locale::En, "import-failed", &[("problems", "")]).trim_end().to_owned())
        })
        .await;
    assert!(refused.text().contains("survey sheet, row 12, column H (default)"), "{}", refused.text());
    assert!(store.latest_forms().await.unwrap().is_empty());

    // A good one is imported.
    api.put_file("sample", data("sample_xlsform.xlsx"));
    api.send_document(&cda, "sample", "sample_xlsform.xlsx");
    let (i, ok) = api
        .wait_for(i + 1, "the import", |c| c.method == "sendMessage" && c.text().starts_with("📥 Imported"))
        .await;
    assert!(ok.text().contains("3 questions"), "{}", ok.text());
    assert_eq!(store.latest_forms().await.unwrap()[0].form_id, "sample_xlsform");

    // Not a spreadsheet: kept as a field note instead.
    api.send_document(&cda, "pdf", "minutes.pdf");
    api.expect_text(i + 1, &cda, &t(Locale::En, "field-note-saved", &[("cluster", "Sialkot")])).await;

    // A producer cannot launch, even with the CDA's button forwarded to them.
    api.send_text(&producer, "/launch");
    api.expect_text(0, &producer, &t(Locale::Ur, "error-not-allowed", &[])).await;
    assert_eq!(api.violations(), Vec::<String>::new());
    api.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn audio_prompts_come_first_as_voice_notes_and_are_uploaded_once() {
    use clusterbot::domain::form::xlsform::{Sheet, import};
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let cluster =
        store.add_cluster("Ghana shea", chrono_tz::Africa::Accra, Locale::En, None).await.unwrap().cluster_id;
    let ama = TgUser::new(9301, "Ama", "en");
    member(&store, cluster, None, Role::Producer, &ama, Locale::En, Gender::Woman).await;
    let grid = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect();
    let sheets = vec![
        Sheet {
            name: "survey".into(),
            first_row: 1,
            first_col: 0,
            rows: grid(&[
                &["type", "name", "label::English (en)", "media::audio::English (en)", "required"],
                &["select_one yn", "sells_together", "Do you sell together?", "sells.ogg", "yes"],
            ]),
        },
        Sheet {
            name: "choices".into(),
            first_row: 1,
            first_col: 0,
            rows: grid(&[&["list_name", "name", "label"], &["yn", "yes", "👍 Yes"], &["yn", "no", "👎 No"]]),
        },
    ];
    let form = import(&sheets, "shea_sales").unwrap();
    let clusterbot::store::Saved::New(form_pk) = store.save_form(&form).await.unwrap() else { panic!() };
    store.add_form_media(form_pk, "sells.ogg", b"OggS recorded prompt").await.unwrap();
    store
        .create_launch(form_pk, cluster, clusterbot::domain::form::Audience::Cluster, None, None)
        .await
        .unwrap();

    let api = BotApi::start().await;
    let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
    api.send_text(&ama, "/forms");
    let (i, list) = api.expect_text(0, &ama, &t(Locale::En, "form-open-list", &[])).await;
    api.press(&ama, &list, &list.buttons()[0].1);
    let (i, first) = api.wait_for(i + 1, "the voice prompt", |c| c.method == "sendVoice").await;
    assert_eq!(first.body["voice"]["file"], "sells.ogg", "uploaded the first time");
    let (i, question) = api
        .wait_for(i + 1, "the question", |c| {
            c.method == "sendMessage" && c.text().contains("Do you sell together?")
        })
        .await;
    api.press(&ama, &question, &question.button(&t(Locale::En, "btn-form-repeat", &[])));
    let (_, again) = api.wait_for(i + 1, "the voice prompt again", |c| c.method == "sendVoice").await;
    assert!(
        again.body["voice"].is_string(),
        "sent by Telegram's file id the second time: {}",
        again.body["voice"]
    );
    let cached = store.form_media(form_pk, "sells.ogg").await.unwrap().and_then(|m| m.1);
    assert_eq!(cached.as_deref(), again.body["voice"].as_str());
    assert_eq!(api.violations(), Vec::<String>::new());
    api.stop().await;
}

/// A workbook written as an author would: sheets of cell text.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, *cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The next message to `user` that contains `needle`.
async fn says(api: &BotApi, from: usize, user: &TgUser, needle: &str) -> (usize, Call) {
    api.wait_for(from, &format!("a message to {} containing {needle:?}", user.id), |c| {
        c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(user.id) && c.text().contains(needle)
    })
    .await
}

/// A form with what ODK forms carry — a title far too long for a chat, an author's notes
/// row, markdown and HTML in labels, a question that is never relevant, a computed read-only
/// question, the `today` metadata, duplicate choice names allowed by the settings — imported
/// from the chat, launched, and answered with voice notes where numbers and dates are asked.
async fn an_odk_form_is_asked_as_odk_means_it(backend: &str) {
    const BUTTON_MAX: usize = 60; // xlsform::BUTTON_MAX
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    // A zone whose date is not UTC's right now, whatever the hour the test runs at.
    let tz = if chrono::Utc::now().format("%H").to_string().as_str() < "12" {
        chrono_tz::Etc::GMTPlus12
    } else {
        chrono_tz::Pacific::Kiritimati
    };
    let cluster = store.add_cluster("Plots", tz, Locale::En, None).await.unwrap().cluster_id;
    let cda = TgUser::new(9401, "Nadia", "en");
    let ama_user = TgUser::new(9402, "Ama", "en");
    let kofi_user = TgUser::new(9403, "Kofi", "en");
    member(&store, cluster, None, Role::Cda, &cda, Locale::En, Gender::Woman).await;
    let ama = member(&store, cluster, None, Role::Producer, &ama_user, Locale::En, Gender::Woman).await;
    member(&store, cluster, None, Role::Producer, &kofi_user, Locale::En, Gender::Man).await;
    let title = format!("Plot survey {}", "and more ".repeat(600));
    let long_choice = format!("Yes, {}", "really ".repeat(40));
    let file = workbook(&[
        (
            "survey",
            &[
                &["type", "name", "label", "calculation", "read_only", "relevant", "required", "notes"],
                &["today", "day", "", "", "", "", "", ""],
                &["", "", "", "", "", "", "", "Ask the plots first"],
                &["integer", "plots", "**How many** plots?", "", "", "", "yes", ""],
                &["text", "never", "Never asked", "", "", "false()", "", ""],
                &["decimal", "area", "Area of *one* plot?", "", "", "", "yes", ""],
                &["decimal", "total", "Total area", "${plots} * ${area}", "yes", "", "", ""],
                &["date", "visit", "<span style=\"color:red\">Visit</span> date?", "", "", "", "yes", ""],
                &["select_one yn", "ok", "# All correct? Visit: ${visit}", "", "", "", "yes", ""],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["yn", "yes", "Yes"],
                &["yn", "no", "No"],
                &["yn", "yes", &long_choice],
            ],
        ),
        ("settings", &[&["form_id", "form_title", "allow_choice_duplicates"], &["plots", &title, "yes"]]),
    ]);
    let api = BotApi::start().await;
    let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
    api.fault(kofi_user.id, crate::botapi::Fault::Blocked);

    // The import says which texts were cut, and something true about the languages.
    api.put_file("plots", file);
    api.send_document(&cda, "plots", "plots.xlsx");
    let (i, ok) = api
        .wait_for(0, "the import", |c| c.method == "sendMessage" && c.text().starts_with("📥 Imported"))
        .await;
    assert!(ok.text().contains("4 questions"), "{}", ok.text());
    assert!(ok.text().contains(&t(Locale::En, "import-one-language", &[])), "{}", ok.text());
    let cut_header = t(Locale::En, "import-texts-cut", &[("texts", "")]);
    assert!(ok.text().contains(cut_header.trim_end()), "{}", ok.text());
    assert!(ok.text().contains("the form title"), "{}", ok.text());
    assert!(ok.text().contains("the label of choice 'yes'"), "{}", ok.text());

    // The launch promises no delivery, and the blocked member is reported.
    api.send_text(&cda, "/launch");
    let (i, forms) = api.expect_text(i + 1, &cda, &t(Locale::En, "launch-choose-form", &[])).await;
    let form_button = forms.buttons().into_iter().find(|(label, _)| label.contains("Plot survey")).unwrap();
    assert!(form_button.0.chars().count() <= BUTTON_MAX + 3, "{}", form_button.0);
    api.press(&cda, &forms, &form_button.1);
    let (i, audience) = api.expect_text(i + 1, &cda, &t(Locale::En, "launch-choose-audience", &[])).await;
    api.press(&cda, &audience, &audience.button_eq(&t(Locale::En, "btn-audience-producers", &[])));
    let (i, deadline) = api.expect_text(i + 1, &cda, &t(Locale::En, "launch-choose-deadline", &[])).await;
    api.press(&cda, &deadline, &deadline.button_eq(&t(Locale::En, "btn-deadline-none", &[])));
    let (i, _) = api.expect_text(i + 1, &cda, &t(Locale::En, "launch-sent", &[("count", "2")])).await;
    // The sender meets Kofi's block (403); the CDA's results say he could not be reached.
    let blocked_at = std::time::Instant::now();
    while !api.refused().iter().any(|(_, chat, status)| *chat == kofi_user.id && *status == 403) {
        assert!(
            blocked_at.elapsed() < std::time::Duration::from_secs(30),
            "Kofi's invitation was never tried"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    api.send_text(&cda, "/results");
    let (i, launches) = api.expect_text(i + 1, &cda, &t(Locale::En, "results-choose", &[])).await;
    api.press(&cda, &launches, &launches.buttons()[0].1);
    let (_, results) = api.wait_for(i + 1, "the results", |c| c.text().contains("Plot survey")).await;
    let unreachable = t(Locale::En, "meeting-unreachable", &[("names", "Kofi")]);
    assert!(results.text().contains(&unreachable), "{}", results.text());

    // The invitation arrives, and counts only the questions Ama will be asked.
    let (i, invitation) = api
        .wait_for(0, "the invitation", |c| {
            c.method == "sendMessage"
                && c.body["chat_id"].as_i64() == Some(ama_user.id)
                && c.text().contains("Plot survey")
        })
        .await;
    assert!(invitation.text().contains("4 questions"), "{}", invitation.text());
    let response_id = store.open_responses(ama).await.unwrap()[0].response_id;
    api.press(&ama_user, &invitation, &invitation.button_eq(&t(Locale::En, "btn-form-start", &[])));
    // One square a question that will be asked: four, filled as she goes.
    let progress = |n: &str| {
        let n: usize = n.parse().unwrap();
        format!("{}{} {n}/4", "🟩".repeat(n), "⬜".repeat(4 - n))
    };
    let (i, plots) = says(&api, i + 1, &ama_user, "How many plots?").await;
    assert!(plots.text().contains(&progress("1")), "{}", plots.text());

    // A voice note where a number is asked is the answer's audio, kept for review; she may
    // still go back and type the number.
    api.send_voice(&ama_user, "v1");
    let (i, area) = says(&api, i + 1, &ama_user, "Area of one plot?").await;
    let voiced = store.launch_voice_answers(store.response(response_id).await.unwrap().launch_id, "plots");
    assert_eq!(voiced.await.unwrap().len(), 1, "the voice note is the answer");
    api.press(&ama_user, &area, &area.button_eq(&t(Locale::En, "btn-back", &[])));
    let (i, _) = says(&api, i + 1, &ama_user, "How many plots?").await;
    api.send_text(&ama_user, "3");
    let (i, area) = says(&api, i + 1, &ama_user, "Area of one plot?").await;
    assert!(area.text().contains(&progress("2")), "{}", area.text());
    api.send_text(&ama_user, "2.5");

    // The computed read-only question is shown with its value, never asked.
    let (i, total) = says(&api, i + 1, &ama_user, "Total area").await;
    assert!(total.text().contains("7.5"), "{}", total.text());
    assert!(!total.text().contains("❓"), "not a question: {}", total.text());
    api.send_text(&ama_user, "100");
    let (i, _) = api.expect_text(i + 1, &ama_user, &t(Locale::En, "form-use-buttons", &[])).await;
    let (i, total) = says(&api, i + 1, &ama_user, "Total area").await;
    api.press(&ama_user, &total, &total.button_eq(&t(Locale::En, "btn-form-next", &[])));

    let (i, visit) = says(&api, i + 1, &ama_user, "Visit date?").await;
    assert!(visit.text().contains(&progress("3")), "{}", visit.text());
    // A date by voice too; back, and today by its button.
    api.send_voice(&ama_user, "v2");
    let (i, correct) = says(&api, i + 1, &ama_user, "All correct?").await;
    api.press(&ama_user, &correct, &correct.button_eq(&t(Locale::En, "btn-back", &[])));
    let (i, visit) = says(&api, i + 1, &ama_user, "Visit date?").await;
    api.press(&ama_user, &visit, &visit.button_eq(&t(Locale::En, "btn-form-today", &[])));

    let (i, correct) = says(&api, i + 1, &ama_user, "All correct?").await;
    assert!(correct.text().contains(&progress("4")), "{}", correct.text());
    assert!(!correct.text().contains('#'), "{}", correct.text());
    // The date answered comes back in the label as she reads dates, not as stored.
    let today_iso = now().with_timezone(&tz).date_naive().to_string();
    assert!(correct.text().contains("Visit: today"), "{}", correct.text());
    assert!(!correct.text().contains(&today_iso), "{}", correct.text());
    let labels: Vec<String> = correct.buttons().into_iter().map(|(l, _)| l).collect();
    assert!(labels.contains(&"Yes".to_owned()) && labels.contains(&"No".to_owned()), "{labels:?}");
    let long = labels.iter().find(|l| l.starts_with("Yes, really")).expect("the duplicate choice");
    assert!(long.chars().count() <= BUTTON_MAX && long.ends_with('…'), "{long}");
    api.press(&ama_user, &correct, &correct.button_eq("No"));
    says(&api, i + 1, &ama_user, "Thank you!").await;

    let answers = store.answers(response_id).await.unwrap();
    let cluster_today = now().with_timezone(&tz).date_naive().to_string();
    assert_eq!(answers.get("day"), Some(&cluster_today), "the cluster's date, not UTC's");
    assert_eq!(answers.get("visit"), Some(&cluster_today));
    assert_eq!(answers.get("total").map(String::as_str), Some("7.5"), "{answers:?}");
    assert_eq!(answers.get("plots").map(String::as_str), Some("3"));
    assert_eq!(answers.get("ok").map(String::as_str), Some("no"));
    assert!(!answers.contains_key("never"));
    assert_eq!(api.violations(), Vec::<String>::new());
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_odk_form_is_asked_as_odk_means_it_on_sqlite() {
    an_odk_form_is_asked_as_odk_means_it("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_odk_form_is_asked_as_odk_means_it_on_postgres() {
    an_odk_form_is_asked_as_odk_means_it("postgres").await;
}
