//! The command line: bootstrap commands on both databases, and clear one-line errors.

use std::process::Command;

use crate::botapi::{BOT_USERNAME, BotApi, TOKEN};
use crate::e2e::{BIN, cli};
use crate::support::TestDb;

fn fails(db_url: &str, args: &[&str], envs: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("DATABASE_URL", db_url)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env_remove("RUST_LOG");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(!out.status.success(), "{args:?} should fail");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
    stderr
}

async fn bootstrap(backend: &str) {
    let db = TestDb::of(backend).await;
    let id = cli(
        &db.url,
        &[
            "cluster",
            "add",
            "--name",
            "Sialkot surgical instruments",
            "--timezone",
            "Asia/Karachi",
            "--locale",
            "ur",
            "--sector",
            "surgical instruments",
        ],
    );
    assert_eq!(id.len(), 1);
    let id = &id[0];
    assert!(id.parse::<i64>().is_ok(), "prints the id: {id}");
    let listed = cli(&db.url, &["cluster", "list"]);
    assert_eq!(
        listed[1],
        format!("{id}\tSialkot surgical instruments\tAsia/Karachi\tur\tsurgical instruments")
    );
    let coop =
        cli(&db.url, &["cooperative", "add", "--cluster", id, "--name", "Forgers of Ugoki"])[0].clone();
    assert_eq!(
        cli(&db.url, &["cooperative", "list", "--cluster", id])[1],
        format!("{coop}\tForgers of Ugoki")
    );
    let invite = cli(
        &db.url,
        &[
            "invite",
            "--cluster",
            id,
            "--role",
            "leader",
            "--cooperative",
            &coop,
            "--uses",
            "2",
            "--expires",
            "12h",
        ],
    );
    assert_eq!(invite.len(), 1, "no link without a known bot username: {invite:?}");
    assert_eq!(invite[0].len(), 16);
    cli(&db.url, &["migrate"]);
    db.cleanup().await;
}

#[tokio::test]
async fn bootstrap_commands_work_on_sqlite() {
    bootstrap("sqlite").await;
}

#[tokio::test]
async fn bootstrap_commands_work_on_postgres() {
    bootstrap("postgres").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn invite_prints_the_deep_link_when_the_bot_is_known() {
    let db = TestDb::sqlite().await;
    let api = BotApi::start().await;
    let id = cli(&db.url, &["cluster", "add", "--name", "Ghana cosmetics", "--timezone", "Africa/Accra"])[0]
        .clone();
    let out = Command::new(BIN)
        .args(["invite", "--cluster", &id, "--role", "cda"])
        .env("DATABASE_URL", &db.url)
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<_> = stdout.lines().collect();
    assert_eq!(lines[1], format!("https://t.me/{BOT_USERNAME}?start={}", lines[0]));
    // The username is remembered: later invites get a link without asking Telegram.
    let again = cli(&db.url, &["invite", "--cluster", &id, "--role", "producer", "--uses", "40"]);
    assert_eq!(again[1], format!("https://t.me/{BOT_USERNAME}?start={}", again[0]));
    api.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn logs_written_to_a_file_have_no_colour_codes() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("stderr.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let status = Command::new(BIN)
        .arg("migrate")
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "debug")
        .stderr(log)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read(&log_path).unwrap();
    assert!(!text.is_empty(), "RUST_LOG=debug should log something");
    assert!(!text.contains(&0x1b), "{}", String::from_utf8_lossy(&text));
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_settings_get_one_line_that_names_them() {
    let db = TestDb::sqlite().await;
    let url = db.url.clone();
    let err = fails(&url, &["run"], &[]);
    assert!(err.starts_with("error: TELOXIDE_TOKEN is not set"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let err = fails(&url, &["run"], &[("TELOXIDE_TOKEN", "123:has spaces and s3cret")]);
    assert!(err.contains("TELOXIDE_TOKEN is malformed") && !err.contains("s3cret"), "{err}");
    let err = fails(&url, &["run"], &[("TELOXIDE_TOKEN", TOKEN), ("TELOXIDE_API_URL", "localhost:8081")]);
    assert!(err.contains("TELOXIDE_API_URL"), "{err}");
    // An in-memory SQLite database would start empty: every update would fail with `no such table`.
    for memory in ["sqlite:", "sqlite::memory:", "sqlite://:memory:", "sqlite://bot.db?mode=memory"] {
        let err = fails(memory, &["run"], &[("TELOXIDE_TOKEN", TOKEN)]);
        assert!(
            err.starts_with("error: DATABASE_URL points at an in-memory SQLite database"),
            "{memory}: {err}"
        );
        assert!(err.contains("sqlite://clusterbot.db"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let err = fails("mysql://root:hunter2@db/x", &["migrate"], &[]);
    assert!(err.contains("DATABASE_URL") && !err.contains("hunter2"), "{err}");
    let err = fails(&url, &["migrate"], &[("RUST_LOG", "[[[")]);
    assert!(err.contains("RUST_LOG"), "{err}");
    let err = fails(&url, &["cluster", "add", "--name", "X", "--timezone", "Mars/Olympus"], &[]);
    assert!(err.contains("--timezone") && err.contains("Asia/Karachi"), "{err}");
    let err = fails(&url, &["invite", "--cluster", "99", "--role", "cda"], &[]);
    assert!(err.contains("no cluster 99"), "{err}");
    let err = fails(&url, &["invite", "--cluster", "1", "--role", "admin"], &[]);
    assert!(err.contains("producer, leader or cda"), "{err}");
    let err = fails(&url, &["invite", "--cluster", "1", "--role", "cda", "--expires", "soon"], &[]);
    assert!(err.contains("7d"), "{err}");
    // A Bot API that refuses the token: named, and the token is not echoed.
    let api = BotApi::start().await;
    let err = fails(&url, &["run"], &[("TELOXIDE_TOKEN", "999:wrongsecret"), ("TELOXIDE_API_URL", &api.url)]);
    assert!(err.contains("TELOXIDE_TOKEN was refused") && !err.contains("wrongsecret"), "{err}");
    api.stop().await;
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        vec!["--help"],
        vec!["run", "--help"],
        vec!["migrate", "--help"],
        vec!["cluster", "add", "--help"],
        vec!["cluster", "list", "--help"],
        vec!["cooperative", "add", "--help"],
        vec!["invite", "--help"],
    ] {
        let out = Command::new(BIN).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8(out.stdout).unwrap().contains("Usage:"), "{args:?}");
    }
}

#[tokio::test]
async fn commission_members_are_marked_from_the_command_line() {
    use clusterbot::domain::meeting::MeetingAudience;
    let db = TestDb::sqlite().await;
    let t = crate::meetings::town(&db.store, 9800, 2).await;
    let cluster = t.cluster.to_string();
    let producer = t.members[2].1.id.to_string();
    cli(&db.url, &["commission", "--cluster", &cluster, "--telegram-user", &producer]);
    let (_, invited) = db
        .store
        .create_meeting(&crate::meetings::meeting(t.cluster, MeetingAudience::Commission, 30))
        .await
        .unwrap();
    assert_eq!(invited, 2, "the CDA and the new commission member");
    cli(&db.url, &["commission", "--cluster", &cluster, "--telegram-user", &producer, "--remove"]);
    let (_, invited) = db
        .store
        .create_meeting(&crate::meetings::meeting(t.cluster, MeetingAudience::Commission, 30))
        .await
        .unwrap();
    assert_eq!(invited, 1);
    let err = fails(&db.url, &["commission", "--cluster", &cluster, "--telegram-user", "424242"], &[]);
    assert!(err.contains("no member with Telegram id 424242"), "{err}");
}
