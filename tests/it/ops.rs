//! Operating clusterbot: backups of a live database, and logs for log shippers.

use std::process::Command;

use clusterbot::domain::Locale;
use clusterbot::domain::ids::ClusterId;
use clusterbot::store::Store;

use crate::botapi::{BotApi, TgUser};
use crate::e2e::{BIN, BotProcess, cli, t};
use crate::support::{TestDb, postgres_admin_url, rand_suffix};

fn backup(db_url: &str, out: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .args(["backup", "--out"])
        .arg(out)
        .env("DATABASE_URL", db_url)
        .env_remove("RUST_LOG")
        .env_remove("LOG_FORMAT")
        .output()
        .expect("run clusterbot backup")
}

/// A backup taken while the bot keeps writing is a consistent, complete database: it opens,
/// passes SQLite's integrity check, has the whole schema and every row committed before it
/// began; and an existing file is never overwritten.
#[tokio::test]
async fn sqlite_backup_of_a_live_database_is_complete_and_consistent() {
    let db = TestDb::sqlite().await;
    let cluster = cli(&db.url, &["cluster", "add", "--name", "Djebba figs", "--timezone", "Africa/Tunis"])[0]
        .parse::<i64>()
        .unwrap();
    for i in 0..20 {
        db.store.add_cooperative(ClusterId(cluster), &format!("before {i}")).await.unwrap();
    }

    // A writer keeps adding cooperatives while the backup runs.
    let written = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let writer = {
        let (store, written) = (db.store.clone(), written.clone());
        tokio::spawn(async move {
            for n in 0..100_000 {
                store.add_cooperative(ClusterId(cluster), &format!("during {n}")).await.unwrap();
                written.store(n + 1, std::sync::atomic::Ordering::SeqCst);
            }
        })
    };
    while written.load(std::sync::atomic::Ordering::SeqCst) == 0 {
        tokio::task::yield_now().await;
    }
    let written_before = written.load(std::sync::atomic::Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("clusterbot-backup.db");
    let url = db.url.clone();
    let copy_path = out.clone();
    let output = tokio::task::spawn_blocking(move || backup(&url, &copy_path)).await.unwrap();
    let written_after = written.load(std::sync::atomic::Ordering::SeqCst);
    writer.abort();
    assert!(written_after > written_before, "the bot kept writing while the backup ran");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "backup failed: {stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), out.display().to_string());
    assert!(stderr.contains("backup written and checked"), "{stderr}");

    // The copy is a database of its own, already at the current schema (migrating it is a
    // no-op), with everything written before the backup began.
    let copy_url = format!("sqlite://{}", out.display());
    let copy = Store::open(&copy_url).await.expect("the backup opens and is at the current schema");
    let coops = copy.cooperatives(ClusterId(cluster)).await.unwrap();
    let before = coops.iter().filter(|c| c.name.starts_with("before ")).count();
    assert_eq!(before, 20, "every row committed before the backup is in it");
    // Rows written during the backup are either wholly in or wholly out: their names are
    // a gap-free prefix of what the writer wrote.
    let mut during: Vec<usize> =
        coops.iter().filter_map(|c| c.name.strip_prefix("during ")).map(|n| n.parse().unwrap()).collect();
    during.sort_unstable();
    assert!(during.iter().enumerate().all(|(i, n)| i == *n), "a consistent snapshot: {during:?}");
    copy.close().await;

    // Never overwrite: a second backup into the same file is refused and leaves it as is.
    let size = std::fs::metadata(&out).unwrap().len();
    let again = backup(&db.url, &out);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("already exists") && err.lines().count() == 1, "{err}");
    assert_eq!(std::fs::metadata(&out).unwrap().len(), size);
    db.cleanup().await;
}

/// A backup never migrates: the database is copied as it is, so an operator can back up
/// before upgrading.
#[tokio::test]
async fn sqlite_backup_does_not_touch_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("empty.db").display());
    std::fs::File::create(dir.path().join("empty.db")).unwrap();
    let out = dir.path().join("copy.db");
    let output = backup(&url, &out);
    // An empty file is not a clusterbot database: the backup says so and leaves nothing.
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("could not back up"));
    assert!(!out.exists(), "a failed backup leaves no half file");
    let store = Store::connect(&url).await.unwrap();
    assert!(store.clusters().await.is_err(), "the database was not migrated by the backup");
    store.close().await;
}

/// On PostgreSQL the backup is pg_dump's custom format, and it restores into a new database
/// with the data in it.
#[tokio::test]
async fn postgres_backup_restores_with_pg_restore() {
    let db = TestDb::postgres().await;
    let cluster =
        cli(&db.url, &["cluster", "add", "--name", "Sialkot", "--timezone", "Asia/Karachi"])[0].clone();
    cli(&db.url, &["cooperative", "add", "--cluster", &cluster, "--name", "Forgers of Ugoki"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("clusterbot.dump");
    let output = backup(&db.url, &out);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PGDMP"), "pg_dump's custom format");

    // Restore into a new database, as docs/deploy.md tells.
    let admin_url = postgres_admin_url();
    let name = format!("clusterbot_restore_{}", rand_suffix());
    let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
    sqlx::query(&format!("create database {name}")).execute(&admin).await.unwrap();
    let restore_url = format!("{}/{name}", admin_url.rsplit_once('/').unwrap().0);
    let restored =
        Command::new("pg_restore").args(["--no-owner", "--dbname", &restore_url]).arg(&out).output().unwrap();
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    let store = Store::open(&restore_url).await.unwrap();
    let coops = store.cooperatives(cluster.parse().unwrap()).await.unwrap();
    assert_eq!(coops.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Forgers of Ugoki"]);
    store.close().await;
    sqlx::query(&format!("drop database if exists {name} with (force)")).execute(&admin).await.unwrap();
    admin.close().await;
    db.cleanup().await;
}

/// `LOG_FORMAT=json`: every line the running bot logs is one JSON object with a level, a
/// target and a message — and still no message text or name.
#[tokio::test]
async fn json_logs_are_one_object_a_line() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let api = BotApi::start().await;
    let bot = BotProcess::spawn_with(
        &api,
        &db.url,
        dir.path(),
        "json",
        "debug",
        &["run"],
        &[("LOG_FORMAT", "json")],
    );
    let stranger = TgUser::new(7301, "Zeineb", "fr");
    api.send_text(&stranger, "/start");
    api.expect_text(0, &stranger, &t(Locale::Fr, "start-no-code", &[])).await;
    let log = bot.kill();
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 2, "the bot logged its start: {log}");
    for line in &lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(value["level"].is_string() && value["target"].is_string(), "{line}");
        assert!(value["fields"].is_object(), "{line}");
    }
    assert!(log.contains("clusterbot is running"), "{log}");
    assert!(!log.contains("Zeineb"), "no names in the log");
    db.cleanup().await;
}

/// An unknown LOG_FORMAT stops the program with one line naming it.
#[test]
fn unknown_log_format_is_refused_in_one_line() {
    let out = Command::new(BIN)
        .arg("migrate")
        .env("LOG_FORMAT", "xml")
        .env("DATABASE_URL", "sqlite://unused.db")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim(),
        "error: LOG_FORMAT 'xml' is not known; use LOG_FORMAT=text (the default) or LOG_FORMAT=json"
    );
    assert!(!std::path::Path::new("unused.db").exists());
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `clusterbot webhook`: Telegram is told where to post, with the secret, the updates the
/// bot handles and the connection limit; a request without the secret is refused and never
/// handled; one with it is answered as in polling mode; `/healthz` answers; nothing polls.
#[tokio::test]
async fn webhook_mode_takes_updates_only_with_the_secret() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let api = BotApi::start().await;
    let listen = format!("127.0.0.1:{}", free_port());
    let secret = "s3cret-Token_1";
    let _bot = BotProcess::spawn_with(
        &api,
        &db.url,
        dir.path(),
        "webhook",
        "info",
        &["webhook", "--listen", &listen, "--public-url", "https://bot.example.org/tg/hook"],
        &[("WEBHOOK_SECRET_TOKEN", secret), ("WEBHOOK_MAX_CONNECTIONS", "12")],
    );
    let (_, set) = api.wait_for(0, "setWebhook", |c| c.method == "setWebhook").await;
    assert_eq!(set.body["url"], "https://bot.example.org/tg/hook");
    assert_eq!(set.body["secret_token"], secret);
    // setWebhook goes as multipart, where every field is text.
    assert_eq!(set.body["max_connections"], "12");
    let allowed = &set.body["allowed_updates"];
    let allowed: serde_json::Value = match allowed.as_str() {
        Some(text) => serde_json::from_str(text).unwrap(),
        None => allowed.clone(),
    };
    assert_eq!(allowed, serde_json::json!(["message", "callback_query", "my_chat_member"]));

    let http = reqwest::Client::new();
    let hook = format!("http://{listen}/tg/hook");
    let health = healthy(&http, &listen).await;
    assert_eq!(health["database"], "ok");
    assert_eq!(health["sender"], "ok");
    assert!(health["last_bot_api_ok"].is_string(), "{health}");

    // A forged update (no secret, a wrong one) is refused; the real one is handled.
    let zeineb = TgUser::new(7302, "Zeineb", "fr");
    api.send_text(&zeineb, "/help");
    let forged = api.take_updates().pop().unwrap();
    let refused = http.post(&hook).json(&forged).send().await.unwrap();
    assert_eq!(refused.status(), 401);
    let refused = http
        .post(&hook)
        .header("X-Telegram-Bot-Api-Secret-Token", "guess")
        .json(&forged)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    api.send_text(&zeineb, "/start");
    let real = api.take_updates().pop().unwrap();
    let accepted =
        http.post(&hook).header("X-Telegram-Bot-Api-Secret-Token", secret).json(&real).send().await.unwrap();
    assert_eq!(accepted.status(), 200);
    let (i, _) = api.expect_text(0, &zeineb, &t(Locale::Fr, "start-no-code", &[])).await;
    let to_her: Vec<_> =
        api.calls()[..=i].iter().filter(|c| c.body["chat_id"] == zeineb.id).cloned().collect();
    assert_eq!(to_her.len(), 1, "the forged /help was never handled: {to_her:?}");
    assert_eq!(api.polls(), 0, "webhook mode never polls");

    // The command was counted and timed; the queues are read from the database.
    let metrics = http.get(format!("http://{listen}/metrics")).send().await.unwrap();
    assert_eq!(metrics.status(), 200);
    let metrics = metrics.text().await.unwrap();
    assert!(metrics.contains("clusterbot_updates_total{kind=\"command\",outcome=\"ok\"} 1\n"), "{metrics}");
    assert!(metrics.contains("clusterbot_handler_seconds_count{kind=\"command\"} 1\n"), "{metrics}");
    assert!(metrics.contains("clusterbot_outbox_backlog 0\n"), "{metrics}");
    assert!(metrics.contains("clusterbot_transcription_queue 0\n"), "{metrics}");
    // Every SQL statement is counted (the migrations, the update's claim and reads, the
    // gauges just read).
    let statements: u64 = metrics
        .lines()
        .find_map(|l| l.strip_prefix("clusterbot_sql_statements_total "))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no statement counter: {metrics}"));
    assert!(statements > 3, "{metrics}");
    db.cleanup().await;
}

/// Polls `/healthz` until the process is up and its sender has gone round once.
async fn healthy(http: &reqwest::Client, listen: &str) -> serde_json::Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let last = match http.get(format!("http://{listen}/healthz")).send().await {
            Ok(r) if r.status() == 200 => return r.json().await.unwrap(),
            Ok(r) => format!("{} {}", r.status(), r.text().await.unwrap_or_default()),
            Err(e) => e.to_string(),
        };
        assert!(std::time::Instant::now() < deadline, "/healthz never became healthy: {last}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// `METRICS_LISTEN` serves `/healthz` and `/metrics` in polling mode too, and `/healthz`
/// reports a database that stopped answering.
#[tokio::test]
async fn polling_mode_serves_health_and_metrics() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let api = BotApi::start().await;
    let listen = format!("127.0.0.1:{}", free_port());
    let _bot = BotProcess::spawn_with(
        &api,
        &db.url,
        dir.path(),
        "metrics",
        "info",
        &["run"],
        &[("METRICS_LISTEN", &listen)],
    );
    let http = reqwest::Client::new();
    let health = healthy(&http, &listen).await;
    assert_eq!(health["status"], "ok");
    let zeineb = TgUser::new(7303, "Zeineb", "fr");
    api.send_text(&zeineb, "bonjour");
    api.expect_text(0, &zeineb, &t(Locale::Fr, "start-no-code", &[])).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let text = http.get(format!("http://{listen}/metrics")).send().await.unwrap().text().await.unwrap();
        if text.contains("clusterbot_updates_total{kind=\"message\",outcome=\"ok\"} 1\n") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the message was not counted: {text}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    db.cleanup().await;
}

// The outbox and transcription gauges, read from the database at each scrape: due messages
// by kind, and how long the oldest has waited.
crate::both_backends!(operations_count_what_is_due, |store: Store| async move {
    use clusterbot::domain::meeting::MeetingAudience;
    let t = crate::meetings::town(&store, 7400, 2).await;
    let empty = store.operations(clusterbot::store::now()).await.unwrap();
    assert_eq!(empty.outbox_due, Vec::<(String, i64)>::new());
    assert_eq!(empty.outbox_oldest_due, None);
    assert_eq!(empty.transcription_queue, 0);
    store.create_meeting(&crate::meetings::meeting(t.cluster, MeetingAudience::Cluster, 30)).await.unwrap();
    let later = clusterbot::store::now() + chrono::Duration::minutes(5);
    let ops = store.operations(later).await.unwrap();
    // Four invitations are due now; the reminders only later.
    assert_eq!(ops.outbox_due, [("invitation".to_owned(), 4)]);
    let waited = later - ops.outbox_oldest_due.unwrap();
    assert!(waited >= chrono::Duration::minutes(5) && waited < chrono::Duration::minutes(6), "{waited}");
    let metrics = clusterbot::metrics::Metrics::new();
    let text = metrics.render(&store).await.unwrap();
    assert!(text.contains("clusterbot_outbox_backlog 4\n"), "{text}");
    assert!(text.contains("clusterbot_outbox_due{kind=\"invitation\"} 4\n"), "{text}");
});

/// `clusterbot run` while another process polls the same token: one line says so and the
/// process exits, instead of retrying silently.
#[tokio::test]
async fn polling_stops_with_one_line_on_409_conflict() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let api = BotApi::start().await;
    api.conflict();
    let bot = BotProcess::spawn_with(&api, &db.url, dir.path(), "conflict", "info", &["run"], &[]);
    let (status, log) = bot.exited().await;
    assert!(!status.success(), "{log}");
    let lines: Vec<&str> = log.lines().filter(|l| l.contains("409 Conflict")).collect();
    assert_eq!(lines.len(), 2, "logged once and printed once as the error: {log}");
    assert!(log.contains("error: another process is already receiving this bot's updates (409 Conflict from getUpdates): stop it, or run every instance as `clusterbot webhook`"), "{log}");
    assert!(api.polls() >= 1);
    db.cleanup().await;
}

/// SIGTERM in the middle of a burst: the bot stops taking updates, finishes those in hand and
/// exits cleanly; after the restart every update is answered exactly once — none lost, none
/// twice.
#[tokio::test]
async fn sigterm_in_a_burst_loses_and_duplicates_nothing() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let api = BotApi::start().await;
    let users: Vec<TgUser> = (0..60).map(|i| TgUser::new(7500 + i, &format!("Member{i}"), "ar")).collect();
    let bot = BotProcess::spawn(&api, &db.url, dir.path(), "first");
    let answer = t(Locale::Ar, "start-no-code", &[]);
    for user in &users {
        api.send_text(user, "/start");
    }
    // Stop once the first answers are out, while the rest are still coming.
    api.expect_text(0, &users[0], &answer).await;
    bot.terminate();
    let (status, log) = bot.exited().await;
    assert!(status.success(), "a clean exit: {log}");
    assert!(log.contains("SIGTERM: finishing the updates in hand"), "{log}");
    assert!(log.contains("clusterbot stopped"), "{log}");

    let _bot = BotProcess::spawn(&api, &db.url, dir.path(), "second");
    for user in &users {
        api.expect_text(0, user, &answer).await;
    }
    for user in &users {
        let answers =
            api.calls().iter().filter(|c| c.body["chat_id"] == user.id && c.text() == answer).count();
        assert_eq!(answers, 1, "{} was answered {answers} times", user.first_name);
    }
    db.cleanup().await;
}

/// SQLite takes one bot process per database file: a second `run` on the same file says so in
/// one line and exits, while the first keeps answering.
#[tokio::test]
async fn a_second_process_on_one_sqlite_file_is_refused_in_one_line() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let api = BotApi::start().await;
    let _first = BotProcess::spawn(&api, &db.url, dir.path(), "first");
    let amina = TgUser::new(7601, "Amina", "ar");
    api.send_text(&amina, "/start");
    api.expect_text(0, &amina, &t(Locale::Ar, "start-no-code", &[])).await;
    let second = BotProcess::spawn(&api, &db.url, dir.path(), "second");
    let (status, log) = second.exited().await;
    assert!(!status.success(), "{log}");
    let errors: Vec<&str> = log.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{log}");
    assert!(
        errors[0].contains("another clusterbot process is running on")
            && errors[0].contains("use PostgreSQL to run several"),
        "{log}"
    );
    let omar = TgUser::new(7602, "Omar", "fr");
    api.send_text(&omar, "/start");
    api.expect_text(0, &omar, &t(Locale::Fr, "start-no-code", &[])).await;
    db.cleanup().await;
}

/// A `clusterbot webhook` process on `db_url`, listening on a port of its own.
struct Instance {
    process: BotProcess,
    hook: String,
    listen: String,
}

const HOOK_SECRET: &str = "turns-Secret_1";

fn webhook_instance(api: &BotApi, db_url: &str, dir: &std::path::Path, name: &str) -> Instance {
    let listen = format!("127.0.0.1:{}", free_port());
    let process = BotProcess::spawn_with(
        api,
        db_url,
        dir,
        name,
        "info",
        &["webhook", "--listen", &listen, "--public-url", "https://bot.example.org/tg/hook"],
        &[("WEBHOOK_SECRET_TOKEN", HOOK_SECRET)],
    );
    Instance { process, hook: format!("http://{listen}/tg/hook"), listen }
}

/// Posts an update to an instance as Telegram does; the answer's status.
async fn deliver(http: &reqwest::Client, hook: &str, update: &serde_json::Value) -> u16 {
    let answer = http
        .post(hook)
        .header("X-Telegram-Bot-Api-Secret-Token", HOOK_SECRET)
        .json(update)
        .send()
        .await
        .expect("the webhook answers");
    answer.status().as_u16()
}

/// The update a user's last action made, taken from the double to be posted by hand.
fn last_update(api: &BotApi) -> serde_json::Value {
    api.take_updates().pop().expect("an update")
}

/// A press on a button the bot has not been seen to send yet: what a fast thumb does.
fn press_code(api: &BotApi, user: &TgUser, data: &str) -> serde_json::Value {
    let on = crate::botapi::Call {
        method: "sendMessage".into(),
        body: serde_json::json!({"text": "…"}),
        message_id: Some(1),
        at: std::time::Instant::now(),
    };
    api.press(user, &on, data);
    last_update(api)
}

/// Two webhook processes on one PostgreSQL database, and one member's joining split across
/// them: every update goes to the other process than the one before, the moment the previous
/// request was answered — before the bot has replied to it, as a fast thumb and Telegram's
/// several connections allow. Each is applied after the one before: the member ends joined
/// with what she chose, and the bot's replies came in the order of the conversation.
#[tokio::test(flavor = "multi_thread")]
async fn one_conversation_split_across_two_webhook_processes_is_applied_in_order() {
    let db = TestDb::postgres().await;
    let dir = tempfile::tempdir().unwrap();
    let cluster =
        cli(&db.url, &["cluster", "add", "--name", "Djebba figs", "--timezone", "Africa/Tunis"])[0].clone();
    cli(&db.url, &["cooperative", "add", "--cluster", &cluster, "--name", "Amal"]);
    let coop = cli(&db.url, &["cooperative", "add", "--cluster", &cluster, "--name", "Tifawin"])[0].clone();
    let code = cli(&db.url, &["invite", "--cluster", &cluster, "--role", "producer"])[0].clone();
    let api = BotApi::start().await;
    let instances =
        [webhook_instance(&api, &db.url, dir.path(), "a"), webhook_instance(&api, &db.url, dir.path(), "b")];
    let http = reqwest::Client::new();
    let mut senders = Vec::new();
    for instance in &instances {
        senders.push(healthy(&http, &instance.listen).await["sender"].as_str().unwrap().to_owned());
    }
    // Both are healthy: one sends the outbox, the other stands by to take over.
    senders.sort();
    assert_eq!(senders, ["ok", "standby"]);

    let fatima = TgUser::new(7701, "Fatima", "en");
    api.send_text(&fatima, &format!("/start {code}"));
    let mut conversation = vec![last_update(&api)];
    conversation.push(press_code(&api, &fatima, "l:fr"));
    conversation.push(press_code(&api, &fatima, "c:y"));
    api.send_text(&fatima, "Fatima Zahra");
    conversation.push(last_update(&api));
    conversation.push(press_code(&api, &fatima, "g:woman"));
    conversation.push(press_code(&api, &fatima, &format!("k:{coop}")));
    let before = api.calls().len();
    for (i, update) in conversation.iter().enumerate() {
        assert_eq!(deliver(&http, &instances[i % 2].hook, update).await, 200, "update {i}");
    }

    // She said she is a woman: a "productrice".
    let done = t(
        super::e2e::woman(Locale::Fr),
        "onboarding-done",
        &[
            ("name", "Fatima Zahra"),
            ("cluster", "Djebba figs"),
            ("role", &t(super::e2e::woman(Locale::Fr), "role-producer", &[])),
        ],
    );
    api.expect_text(before, &fatima, &done).await;
    let replies: Vec<String> = api
        .calls_since(before)
        .into_iter()
        .filter(|c| c.method == "sendMessage" && c.body["chat_id"] == fatima.id)
        .map(|c| c.text().to_owned())
        .collect();
    let welcome = format!(
        "{}\n\n{}",
        t(Locale::En, "onboarding-welcome", &[("cluster", "Djebba figs")]),
        t(Locale::En, "lang-choose", &[])
    );
    let expected = [
        welcome,
        t(Locale::Fr, "consent-short", &[("cluster", "Djebba figs")]),
        super::e2e::name_question(Locale::Fr, "name-ask"),
        t(Locale::Fr, "gender-ask", &[]),
        t(super::e2e::woman(Locale::Fr), "coop-ask", &[]),
        done,
    ];
    assert_eq!(&replies[..expected.len()], &expected[..], "the replies, in the conversation's order");
    let expired = t(Locale::Fr, "button-expired", &[]);
    assert!(
        !api.calls().iter().any(|c| c.body["text"] == expired.as_str()),
        "no press was taken for an old button"
    );
    assert_eq!(api.violations(), Vec::<String>::new());

    let store = Store::connect(&db.url).await.unwrap();
    let member = store.member_by_telegram(fatima.id).await.unwrap().expect("she joined");
    assert_eq!(member.display_name.as_deref(), Some("Fatima Zahra"));
    assert_eq!(member.locale, Some(Locale::Fr));
    assert_eq!(member.gender, Some(clusterbot::domain::Gender::Woman));
    let memberships = store.memberships(member.member_id).await.unwrap();
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].cooperative_id, Some(coop.parse().unwrap()));
    assert_eq!(store.dialogue(fatima.id).await.unwrap(), None, "the joining dialogue is over");
    store.close().await;
    db.cleanup().await;
}

/// The chat's turn: while one process is in the middle of an update of a chat (its reply is
/// held by the Bot API), the same chat's next update posted to the other process is not
/// accepted — its request waits — while another chat's update there goes through; once the
/// first is done, the waiting one is accepted and handled after it. A process killed in the
/// middle of an update does not keep its chat's turn.
#[tokio::test(flavor = "multi_thread")]
async fn a_chat_s_next_update_waits_for_its_turn_in_another_process() {
    let db = TestDb::postgres().await;
    let dir = tempfile::tempdir().unwrap();
    let cluster =
        cli(&db.url, &["cluster", "add", "--name", "Djebba figs", "--timezone", "Africa/Tunis"])[0].clone();
    let code = cli(&db.url, &["invite", "--cluster", &cluster, "--role", "producer"])[0].clone();
    let api = BotApi::start().await;
    let [a, b] =
        [webhook_instance(&api, &db.url, dir.path(), "a"), webhook_instance(&api, &db.url, dir.path(), "b")];
    let http = reqwest::Client::new();
    healthy(&http, &a.listen).await;
    healthy(&http, &b.listen).await;

    let amina = TgUser::new(7711, "Amina", "fr");
    let omar = TgUser::new(7712, "Omar", "fr");
    api.fault(amina.id, crate::botapi::Fault::HoldUntilOpened);
    api.send_text(&amina, &format!("/start {code}"));
    let start = last_update(&api);
    let press = press_code(&api, &amina, "l:ar");
    assert_eq!(deliver(&http, &a.hook, &start).await, 200);
    let welcome = format!(
        "{}\n\n{}",
        t(Locale::Fr, "onboarding-welcome", &[("cluster", "Djebba figs")]),
        t(Locale::Fr, "lang-choose", &[])
    );
    // Process a is in the middle of her /start: its welcome is out, the answer held.
    let (i, _) = api.expect_text(0, &amina, &welcome).await;

    let waiting = {
        let (http, hook) = (http.clone(), b.hook.clone());
        tokio::spawn(async move { deliver(&http, &hook, &press).await })
    };
    // Another chat goes through process b meanwhile.
    api.send_text(&omar, "/start");
    assert_eq!(deliver(&http, &b.hook, &last_update(&api)).await, 200);
    api.expect_text(0, &omar, &t(Locale::Fr, "start-no-code", &[])).await;
    assert!(!waiting.is_finished(), "her press waits for her /start to be done");
    let consent = t(Locale::Ar, "consent-short", &[("cluster", "Djebba figs")]);
    assert!(!api.calls().iter().any(|c| c.text() == consent), "her press was not handled");

    api.open(amina.id);
    assert_eq!(waiting.await.unwrap(), 200, "accepted once her turn came");
    let (j, _) = api.expect_text(i + 1, &amina, &consent).await;
    assert!(j > i);
    let metrics =
        http.get(format!("http://{}/metrics", b.listen)).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("clusterbot_chat_turns_refused_total 0\n"), "{metrics}");
    assert!(metrics.contains("clusterbot_chat_turn_wait_seconds_count 2\n"), "{metrics}");

    // A process that dies holding a chat's turn does not keep it: its connection closes and
    // the chat's next update goes through the other process.
    api.fault(amina.id, crate::botapi::Fault::HoldUntilOpened);
    let agree = press_code(&api, &amina, "c:y");
    assert_eq!(deliver(&http, &a.hook, &agree).await, 200);
    let name_ask = super::e2e::name_question(Locale::Ar, "name-ask");
    let (k, _) = api.expect_text(j + 1, &amina, &name_ask).await;
    a.process.kill();
    api.open(amina.id);
    api.send_text(&amina, "Amina");
    assert_eq!(deliver(&http, &b.hook, &last_update(&api)).await, 200, "her turn went with process a");
    api.wait_for(k + 1, "process b answering her", |c| {
        c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(amina.id)
    })
    .await;
    db.cleanup().await;
}
