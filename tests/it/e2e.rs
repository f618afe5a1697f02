//! End to end: the real `clusterbot run` process, its command line, a database, and the
//! Bot API double — driven as a user would.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::i18n::{FluentArgs, I18n, Reader};
use clusterbot::store::Store;

use crate::botapi::{BotApi, TOKEN, TgUser};
use crate::support::TestDb;

pub const BIN: &str = env!("CARGO_BIN_EXE_clusterbot");

/// Runs a `clusterbot` subcommand against `db_url`; returns stdout lines, panics on failure.
pub fn cli(db_url: &str, args: &[&str]) -> Vec<String> {
    let out = Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db_url)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env_remove("RUST_LOG")
        .env_remove("LOG_FORMAT")
        .output()
        .expect("run clusterbot");
    assert!(out.status.success(), "clusterbot {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect()
}

/// A running `clusterbot run`; killed when dropped.
pub struct BotProcess {
    child: Child,
    pub log: PathBuf,
}

impl BotProcess {
    pub fn spawn(api: &BotApi, db_url: &str, dir: &Path, name: &str) -> Self {
        Self::spawn_logging(api, db_url, dir, name, "debug")
    }

    /// Like [`spawn`](Self::spawn), with the given `RUST_LOG`.
    pub fn spawn_logging(api: &BotApi, db_url: &str, dir: &Path, name: &str, rust_log: &str) -> Self {
        Self::spawn_with(api, db_url, dir, name, rust_log, &["run"], &[])
    }

    /// Like [`spawn_logging`](Self::spawn_logging), with the subcommand and its arguments,
    /// and more environment variables.
    pub fn spawn_with(
        api: &BotApi,
        db_url: &str,
        dir: &Path,
        name: &str,
        rust_log: &str,
        args: &[&str],
        envs: &[(&str, &str)],
    ) -> Self {
        let log = dir.join(format!("{name}.log"));
        let file = std::fs::File::create(&log).unwrap();
        let child = Command::new(BIN)
            .args(args)
            .env_remove("LOG_FORMAT")
            .envs(envs.iter().copied())
            .env("TELOXIDE_TOKEN", TOKEN)
            .env("TELOXIDE_API_URL", &api.url)
            .env("DATABASE_URL", db_url)
            .env("DATA_DIR", dir.join("data"))
            .env("RUST_LOG", rust_log)
            .stdin(Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .expect("start clusterbot run");
        Self { child, log }
    }

    /// SIGTERM, as systemd or a container runtime sends at a stop: the bot should finish
    /// what it has in hand and exit.
    pub fn terminate(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
    }

    /// Waits (up to a minute) for the process to exit by itself; its status and log.
    pub async fn exited(mut self) -> (std::process::ExitStatus, String) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, std::fs::read_to_string(&self.log).unwrap());
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the bot did not exit: {}",
                std::fs::read_to_string(&self.log).unwrap()
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// SIGKILL: no chance to finish anything, as in a crash or a power cut.
    pub fn kill(mut self) -> String {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        std::fs::read_to_string(&self.log).unwrap()
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Formats a message as the bot would.
/// The name question of joining (`name-ask` or `name-ask-type`), with its line saying the
/// name may be said in a voice note.
pub fn name_question(locale: Locale, key: &str) -> String {
    format!("{}\n{}", t(locale, key, &[]), t(locale, "name-voice-hint", &[]))
}

/// `reader`: a bare locale (gender unknown, as before joining) or a [`Reader`] with the
/// member's gender.
pub fn t(reader: impl Into<Reader>, key: &str, args: &[(&str, &str)]) -> String {
    let i18n = I18n::load().unwrap();
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, *v);
    }
    i18n.try_format(reader, key, Some(&fa)).unwrap()
}

/// A woman reading in `locale`.
pub fn woman(locale: Locale) -> Reader {
    Reader::new(locale, Some(Gender::Woman))
}

async fn onboarding_survives_a_crash(backend: &str) {
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let cluster_name = "Argan Souss";
    let cluster = cli(
        &db.url,
        &["cluster", "add", "--name", cluster_name, "--timezone", "Africa/Casablanca", "--locale", "fr"],
    );
    let cluster_id = &cluster[0];
    cli(&db.url, &["cooperative", "add", "--cluster", cluster_id, "--name", "Amal"]);
    let tifawin =
        cli(&db.url, &["cooperative", "add", "--cluster", cluster_id, "--name", "Tifawin"])[0].clone();
    let code =
        cli(&db.url, &["invite", "--cluster", cluster_id, "--role", "producer", "--uses", "3"])[0].clone();

    let api = BotApi::start().await;
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "first");
    let fatima = TgUser { last_name: Some("Zahra".into()), ..TgUser::new(7001, "Fatima", "en") };

    // Opening the deep link: greeted in English (her Telegram language), with language buttons.
    api.send_text(&fatima, &format!("/start {code}"));
    let welcome = format!(
        "{}\n\n{}",
        t(Locale::En, "onboarding-welcome", &[("cluster", cluster_name)]),
        t(Locale::En, "lang-choose", &[])
    );
    let (i, languages) = api.expect_text(0, &fatima, &welcome).await;
    let labels: Vec<_> = languages.buttons().into_iter().map(|(l, _)| l).collect();
    // Each with a flag, so they are told apart without reading.
    assert_eq!(labels, ["🇬🇧 English", "🇫🇷 Français", "🇸🇦 العربية", "🇪🇸 Español", "🇵🇰 اردو", "🇷🇺 Русский"]);

    // A sticker where a button was expected: a short re-ask, the question again.
    api.send_sticker(&fatima);
    let (i, _) = api.expect_text(i + 1, &fatima, &t(Locale::En, "reask-buttons", &[])).await;
    let (i, _) = api.expect_text(i + 1, &fatima, &welcome).await;

    // She chooses Arabic; everything from here is in Arabic.
    api.press(&fatima, &languages, &languages.button("العربية"));
    // The consent in a few words, with the full text one tap away.
    let (i, short) =
        api.expect_text(i + 1, &fatima, &t(Locale::Ar, "consent-short", &[("cluster", cluster_name)])).await;
    assert!(short.text().chars().count() <= 200, "{}", short.text());
    api.press(&fatima, &short, &short.button_eq(&t(Locale::Ar, "btn-more", &[])));
    let (i, consent) =
        api.expect_text(i + 1, &fatima, &t(Locale::Ar, "consent-ask", &[("cluster", cluster_name)])).await;
    assert!(
        consent.text().contains("/forget") && consent.text().chars().count() > short.text().chars().count()
    );
    api.press(&fatima, &consent, &consent.button(&t(Locale::Ar, "btn-agree", &[])));
    let (_, name) = api.expect_text(i + 1, &fatima, &name_question(Locale::Ar, "name-ask")).await;
    assert_eq!(name.buttons()[0].0, "✅ Fatima Zahra", "her Telegram name is offered");

    // The bot dies in the middle of onboarding, and comes back.
    let first_log = bot.kill();
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "second");

    // She types her name in Arabic script; the dialogue resumes at the gender question.
    let before = api.calls().len();
    api.send_text(&fatima, "فاطمة الزهراء");
    let (i, gender) = api.expect_text(before, &fatima, &t(Locale::Ar, "gender-ask", &[])).await;
    api.press(&fatima, &gender, &gender.button(&t(Locale::Ar, "btn-woman", &[])));
    // From here she is addressed as a woman.
    let (i, coops) = api.expect_text(i + 1, &fatima, &t(woman(Locale::Ar), "coop-ask", &[])).await;
    assert!(coops.text().contains("تنتمين؟"), "{}", coops.text());
    let coop_labels: Vec<_> = coops.buttons().into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        coop_labels,
        ["🏠 Amal", "🏠 Tifawin", &t(Locale::Ar, "btn-no-coop", &[]), &t(Locale::Ar, "btn-back", &[])]
    );

    // An old button (consent, from before the crash) is answered, not left spinning.
    api.press(&fatima, &consent, &consent.button(&t(Locale::Ar, "btn-agree", &[])));
    let expired = t(Locale::Ar, "button-expired", &[]);
    let (i, _) = api
        .wait_for(i + 1, "the old button's answer", |c| {
            c.method == "answerCallbackQuery" && c.body["text"] == expired.as_str()
        })
        .await;

    api.press(&fatima, &coops, &coops.button("Tifawin"));
    let done = t(
        woman(Locale::Ar),
        "onboarding-done",
        &[
            ("name", "فاطمة الزهراء"),
            ("cluster", cluster_name),
            ("role", &t(woman(Locale::Ar), "role-producer", &[])),
        ],
    );
    let (i, welcome) = api.expect_text(i + 1, &fatima, &done).await;
    assert!(welcome.text().contains("بصفة منتجة"), "a producer, in the feminine: {}", welcome.text());
    let (_, menu) = api.expect_text(i + 1, &fatima, &t(woman(Locale::Ar), "menu-title", &[])).await;
    assert!(menu.text().contains("ماذا تريدين أن تفعلي؟"), "{}", menu.text());
    assert!(menu.buttons().iter().any(|(l, _)| l == &t(Locale::Ar, "btn-mydata", &[])));
    let second_log = bot.kill();

    // Her member-specific command menu was published in Arabic.
    let menus: Vec<_> = api.calls().into_iter().filter(|c| c.method == "setMyCommands").collect();
    assert!(menus.iter().any(|c| c.body["scope"]["type"] == "chat"
        && c.body["commands"][0]["description"] == t(Locale::Ar, "cmd-start", &[]).as_str()));

    // Nothing was asked twice after the restart: re-delivered updates were recognised.
    let name_asks = api.calls().iter().filter(|c| c.text() == name_question(Locale::Ar, "name-ask")).count();
    assert_eq!(name_asks, 1);
    assert_eq!(api.violations(), Vec::<String>::new(), "every request respected the Bot API");

    // The database holds exactly what she gave.
    let store = Store::connect(&db.url).await.unwrap();
    let member = store.member_by_telegram(7001).await.unwrap().expect("member stored");
    assert_eq!(member.display_name.as_deref(), Some("فاطمة الزهراء"));
    assert_eq!(member.locale, Some(Locale::Ar));
    assert_eq!(member.gender, Some(Gender::Woman));
    assert_eq!(member.chat_id, Some(7001));
    assert!(member.consent_at.is_some());
    let ms = store.memberships(member.member_id).await.unwrap();
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].role, Role::Producer);
    assert_eq!(ms[0].cooperative_id, Some(tifawin.parse().unwrap()));
    assert_eq!(store.dialogue(7001).await.unwrap(), None, "the finished dialogue is gone");
    let code = clusterbot::domain::invite::InviteCode::parse(&code).unwrap();
    assert_eq!(store.invite_by_code(&code).await.unwrap().unwrap().uses, 1);
    store.close().await;

    // The token never reached the logs, even at debug level.
    for log in [&first_log, &second_log] {
        assert!(!log.contains(TOKEN), "token leaked into the log");
        assert!(!log.contains(TOKEN.split(':').nth(1).unwrap()), "token secret leaked into the log");
        assert!(!log.contains("panicked"), "{log}");
    }
    assert!(second_log.contains("clusterbot is running"));

    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_woman_joining_in_arabic_survives_a_crash_and_is_addressed_as_a_woman_on_sqlite() {
    onboarding_survives_a_crash("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_woman_joining_in_arabic_survives_a_crash_and_is_addressed_as_a_woman_on_postgres() {
    onboarding_survives_a_crash("postgres").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_invite_codes_and_no_code_get_clear_answers_and_create_nothing() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let cluster = cli(
        &db.url,
        &["cluster", "add", "--name", "Djebba figs", "--timezone", "Africa/Tunis", "--locale", "ar"],
    )[0]
    .clone();
    let single = cli(&db.url, &["invite", "--cluster", &cluster, "--role", "leader"])[0].clone();
    let api = BotApi::start().await;
    let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");

    let ana = TgUser::new(8001, "Ana", "es");
    api.send_text(&ana, "/start");
    let (i, _) = api.expect_text(0, &ana, &t(Locale::Es, "start-no-code", &[])).await;
    api.send_text(&ana, "/start NOTAREALCODE");
    let (i, _) = api.expect_text(i + 1, &ana, &t(Locale::Es, "start-invalid-code", &[])).await;
    api.send_text(&ana, "/start 2222222222222222");
    let (i, _) = api.expect_text(i + 1, &ana, &t(Locale::Es, "start-invalid-code", &[])).await;
    api.send_text(&ana, "hola");
    let (_, _) = api.expect_text(i + 1, &ana, &t(Locale::Es, "start-no-code", &[])).await;

    // A Russian speaker without a stored language is answered in Russian.
    let ivan = TgUser::new(8002, "Ivan", "ru");
    api.send_text(&ivan, "/help");
    api.expect_text(0, &ivan, &t(Locale::Ru, "start-no-code", &[])).await;

    // Someone whose Telegram language we do not ship gets the cluster's language once the
    // invite tells us the cluster: Arabic for Djebba.
    let joao = TgUser::new(8003, "João", "pt-BR");
    api.send_text(&joao, &format!("/start {single}"));
    let welcome = format!(
        "{}\n\n{}",
        t(Locale::Ar, "onboarding-welcome", &[("cluster", "Djebba figs")]),
        t(Locale::Ar, "lang-choose", &[])
    );
    api.expect_text(0, &joao, &welcome).await;

    // Nobody became a member: not with bad codes, not without one, not yet with a good one.
    let store = Store::connect(&db.url).await.unwrap();
    for user in [&ana, &ivan, &joao] {
        assert_eq!(store.member_by_telegram(user.id).await.unwrap(), None, "{}", user.first_name);
    }
    for user in [&ana, &ivan] {
        assert_eq!(store.dialogue(user.id).await.unwrap(), None, "no dialogue for {}", user.first_name);
    }
    let single = clusterbot::domain::invite::InviteCode::parse(&single).unwrap();
    assert_eq!(store.invite_by_code(&single).await.unwrap().unwrap().uses, 0, "the invite is not used up");
    assert_eq!(api.violations(), Vec::<String>::new());
    store.close().await;
    api.stop().await;
}

/// The last place of an invite goes to whoever finishes first; the other person is told at
/// their next tap, in their language, and nothing about them is stored.
async fn last_place_taken_while_joining(backend: &str) {
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let cluster = cli(
        &db.url,
        &["cluster", "add", "--name", "Djebba figs", "--timezone", "Africa/Tunis", "--locale", "ar"],
    )[0]
    .clone();
    let code = cli(&db.url, &["invite", "--cluster", &cluster, "--role", "leader", "--uses", "1"])[0].clone();
    let api = BotApi::start().await;
    let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "bot");
    let welcome = |l| {
        format!(
            "{}\n\n{}",
            t(l, "onboarding-welcome", &[("cluster", "Djebba figs")]),
            t(l, "lang-choose", &[])
        )
    };

    let ana = TgUser::new(8101, "Ana", "en");
    let bea = TgUser::new(8102, "Béatrice", "es");
    api.send_text(&ana, &format!("/start {code}"));
    let (_, ana_languages) = api.expect_text(0, &ana, &welcome(Locale::En)).await;
    api.send_text(&bea, &format!("/start {code}"));
    let (_, bea_languages) = api.expect_text(0, &bea, &welcome(Locale::Es)).await;

    // Ana joins to the end.
    api.press(&ana, &ana_languages, &ana_languages.button("English"));
    let (i, consent) =
        api.expect_text(0, &ana, &t(Locale::En, "consent-short", &[("cluster", "Djebba figs")])).await;
    api.press(&ana, &consent, &consent.button(&t(Locale::En, "btn-agree", &[])));
    let (i, name) = api.expect_text(i + 1, &ana, &name_question(Locale::En, "name-ask")).await;
    api.press(&ana, &name, &name.button("Ana"));
    let (i, gender) = api.expect_text(i + 1, &ana, &t(Locale::En, "gender-ask", &[])).await;
    api.press(&ana, &gender, &gender.button(&t(Locale::En, "btn-woman", &[])));
    api.expect_text(i + 1, &ana, &t(Locale::En, "menu-title", &[])).await;

    // Béatrice chooses French: she is told at once, in French, that the link is used up.
    let before = api.calls().len();
    api.press(&bea, &bea_languages, &bea_languages.button("Français"));
    api.expect_text(before, &bea, &t(Locale::Fr, "start-used-up", &[])).await;
    // Someone opening the link now is refused at /start, in his language.
    let ivan = TgUser::new(8103, "Ivan", "ru");
    api.send_text(&ivan, &format!("/start {code}"));
    api.expect_text(0, &ivan, &t(Locale::Ru, "start-used-up", &[])).await;
    // Nothing is stored about either, and /mydata says so.
    api.send_text(&bea, "/mydata");
    api.expect_text(before, &bea, &t(Locale::Es, "mydata-none", &[])).await;

    let store = Store::connect(&db.url).await.unwrap();
    for user in [&bea, &ivan] {
        assert_eq!(store.member_by_telegram(user.id).await.unwrap(), None, "{}", user.first_name);
        assert_eq!(store.dialogue(user.id).await.unwrap(), None, "{}", user.first_name);
    }
    assert!(store.member_by_telegram(ana.id).await.unwrap().is_some());
    assert_eq!(api.violations(), Vec::<String>::new());
    store.close().await;
    api.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_place_taken_while_joining_is_said_at_the_next_step_on_sqlite() {
    last_place_taken_while_joining("sqlite").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_place_taken_while_joining_is_said_at_the_next_step_on_postgres() {
    last_place_taken_while_joining("postgres").await;
}

/// `LOCALES_DIR`: a deployment says "facilitator" where the shipped words say CDA, without
/// rebuilding; the bot's messages carry its words.
#[tokio::test(flavor = "multi_thread")]
async fn a_deployment_s_own_words_reach_members_without_rebuilding() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let words = dir.path().join("words");
    std::fs::create_dir_all(words.join("en")).unwrap();
    std::fs::write(words.join("en/terms.ftl"), "-cda = facilitator\n-cda-long = Cluster Facilitator\n")
        .unwrap();
    let api = BotApi::start().await;
    let envs = [("LOCALES_DIR", words.to_str().unwrap())];
    let bot = BotProcess::spawn_with(&api, &db.url, dir.path(), "bot", "info", &["run"], &envs);

    let ana = TgUser::new(8101, "Ana", "en");
    api.send_text(&ana, "/start");
    let (_, hello) = api
        .wait_for(0, "the answer to /start", |c| c.method == "sendMessage" && c.body["chat_id"] == ana.id)
        .await;
    assert!(
        hello.text().contains("ask your Cluster Facilitator (facilitator) for an invite link"),
        "{}",
        hello.text()
    );
    assert!(!hello.text().contains("CDA"), "{}", hello.text());
    let log = bot.kill();
    assert!(log.contains("LOCALES_DIR"), "the override is logged: {log}");
    api.stop().await;
}

/// A broken override file stops the start, naming the file and the line.
#[tokio::test(flavor = "multi_thread")]
async fn a_broken_override_stops_the_start_with_its_file_and_line() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let words = dir.path().join("words");
    std::fs::create_dir_all(words.join("es")).unwrap();
    let file = words.join("es/terms.ftl");
    std::fs::write(&file, "-cooperative = consorcio\n-cda = { $case\n").unwrap();
    let api = BotApi::start().await;
    let envs = [("LOCALES_DIR", words.to_str().unwrap())];
    let bot = BotProcess::spawn_with(&api, &db.url, dir.path(), "bot", "info", &["run"], &envs);
    let (status, log) = bot.exited().await;
    assert!(!status.success(), "{log}");
    assert!(log.contains(&format!("{}:2:", file.display())), "the file and line are named: {log}");
    api.stop().await;
}
