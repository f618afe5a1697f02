//! Load benchmark (not a test): the real `clusterbot run` process, driven through the Bot API
//! double (tests/it/botapi.rs) by many simulated users at once.
//!
//! 1. Onboarding: N users open an invite link at the same moment and join with buttons only
//!    (language → consent → name → gender → main menu: 5 updates each). Reports how long
//!    until all have joined, updates handled per second, and the latency of each step.
//! 2. Meeting invitations: one meeting for all N members; how fast the outbox delivers them
//!    (it paces itself under Telegram's 30 messages a second).
//!
//! Run: `cargo bench --bench load` (release build), `BENCH_USERS=500` to change N,
//! `BENCH_DATABASE_URL=postgres://…` for PostgreSQL (default: a SQLite file). Results are kept
//! in BENCHMARKS.md.

#[path = "../tests/it/botapi.rs"]
#[allow(dead_code)]
mod botapi;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use botapi::{BotApi, TOKEN, TgUser};
use clusterbot::domain::meeting::MeetingAudience;
use clusterbot::store::{NewMeeting, Store, now};

const BIN: &str = env!("CARGO_BIN_EXE_clusterbot");

fn cli(db: &str, args: &[&str]) -> String {
    let out =
        Command::new(BIN).args(args).env("DATABASE_URL", db).env_remove("TELOXIDE_TOKEN").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().next().unwrap_or_default().to_owned()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn summary(label: &str, mut v: Vec<Duration>) {
    v.sort();
    println!(
        "  {label:<22} p50 {:>7.1} ms   p95 {:>7.1} ms   max {:>7.1} ms",
        percentile(&v, 0.5).as_secs_f64() * 1e3,
        percentile(&v, 0.95).as_secs_f64() * 1e3,
        v.last().unwrap().as_secs_f64() * 1e3
    );
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let users: usize = std::env::var("BENCH_USERS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let db = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let cluster = cli(
        &db,
        &["cluster", "add", "--name", "Bench cluster", "--timezone", "Africa/Tunis", "--locale", "en"],
    );
    let code =
        cli(&db, &["invite", "--cluster", &cluster, "--role", "producer", "--uses", &users.to_string()]);

    let api = BotApi::start().await;
    let mut bot = Command::new(BIN)
        .arg("run")
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .env("DATABASE_URL", &db)
        .env("DATA_DIR", dir.path().join("data"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    // Ready once the command menus are published.
    api.wait_for(0, "start-up", |c| c.method == "setMyCommands").await;

    println!(
        "clusterbot load benchmark: {users} users, database {}",
        if db.starts_with("postgres") { "PostgreSQL" } else { "SQLite" }
    );
    let started = Instant::now();
    let people: Vec<TgUser> =
        (0..users).map(|i| TgUser::new(100_000 + i as i64, &format!("User{i}"), "en")).collect();
    for u in &people {
        api.send_text(u, &format!("/start {code}"));
    }
    // One driver for everyone: read the bot's new messages, answer each with the next tap.
    // (Waiting per user would make the harness, not the bot, the bottleneck.)
    let index: std::collections::HashMap<i64, usize> =
        people.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    let mut step = vec![0_usize; users];
    let mut since = vec![started; users];
    let mut latencies: Vec<Vec<Duration>> = vec![Vec::new(); 5];
    let mut seen = 0;
    let mut done = 0;
    while done < users {
        let new = api.calls_since(seen);
        seen += new.len();
        for call in new.iter().filter(|c| c.method == "sendMessage") {
            let Some(&i) = call.body["chat_id"].as_i64().and_then(|id| index.get(&id)) else { continue };
            let text = call.text();
            let expected = [
                "Choose your language",
                "Do you agree?",
                "What is your name?",
                "woman or a man",
                "Main menu",
            ];
            if step[i] >= expected.len() || !text.contains(expected[step[i]]) {
                continue;
            }
            latencies[step[i]].push(since[i].elapsed());
            since[i] = Instant::now();
            let u = &people[i];
            match step[i] {
                0 => api.press(u, call, &call.button_eq("English")),
                1 => api.press(u, call, &call.button("I agree")),
                2 => api.press(u, call, &call.buttons()[0].1),
                3 => api.press(u, call, &call.button("Woman")),
                _ => done += 1,
            }
            step[i] += 1;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let took = started.elapsed();
    println!(
        "onboarding: {users} users joined in {:.2} s — {:.0} updates/s handled",
        took.as_secs_f64(),
        (users * 5) as f64 / took.as_secs_f64()
    );
    for (k, label) in
        ["/start → language", "language → consent", "consent → name", "name → gender", "gender → menu"]
            .iter()
            .enumerate()
    {
        summary(label, latencies[k].clone());
    }

    // Meeting invitations through the outbox.
    let store = Store::connect(&db).await.unwrap();
    let cluster_id: i64 = cluster.parse().unwrap();
    let before = api.calls().len();
    let started = Instant::now();
    let new = NewMeeting {
        cluster_id,
        title: "Bench meeting".into(),
        starts_at: now() + chrono::Duration::days(2),
        place: "Hall".into(),
        location: None,
        audience: MeetingAudience::Cluster,
        reminder_offsets: vec![60],
        created_by: None,
    };
    let (_, invited) = store.create_meeting(&new).await.unwrap();
    let mut delivered = 0;
    let mut seen = before;
    while delivered < invited {
        let new = api.calls_since(seen);
        seen += new.len();
        delivered += new.iter().filter(|c| c.text().starts_with("📅 Invitation: Bench meeting")).count();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let took = started.elapsed();
    println!(
        "meeting: {invited} invitations delivered in {:.2} s — {:.1} messages/s (paced under 30/s)",
        took.as_secs_f64(),
        invited as f64 / took.as_secs_f64()
    );
    assert_eq!(api.violations(), Vec::<String>::new());
    bot.kill().unwrap();
    bot.wait().unwrap();
    store.close().await;
}
