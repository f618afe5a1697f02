//! Load benchmark (not a test): the real `clusterbot run` process, driven through the Bot API
//! double (tests/it/botapi.rs) by many simulated users at once.
//!
//! 1. Onboarding: N users open an invite link at the same moment and join with buttons only
//!    (language → consent → name → gender → main menu: 5 updates each). Reports how long
//!    until all have joined, updates handled per second, and the latency of each step.
//! 2. Meeting invitations: one meeting for all N members; how fast the outbox delivers them
//!    (it paces itself under Telegram's 30 messages a second).
//! 3. Answers: a 10-question, 4-choice button questionnaire launched to all N; once every
//!    invitation has arrived, all N press Start at the same moment and answer each question
//!    as soon as it comes. Reports answers per second, the latency from a tap to the next
//!    question, Bot API calls per tap, and the bot's peak memory.
//!
//! 4. Reports: every member reports progress on a joint action at once (/report → 🟢 on
//!    track → 50 %: 3 updates each).
//!
//! 5. Idle: once per database, 100 000 members (and their memberships) are written straight
//!    into a fresh database and the bot is started on it and left alone while its jobs run
//!    their first round; its resident memory then, and its peak (`BENCH_IDLE_MEMBERS=N`
//!    changes the count, `0` skips it).
//!
//! Each phase reports updates handled per second, the latency from an update being served
//! to the bot's answer (p50/p95/p99), the bot's CPU time per update (from /proc), SQL
//! statements per update (the bot's own `clusterbot_sql_statements_total`) and Bot API calls
//! per update. In the same run, minutes apart, a minimal teloxide + sqlx bot (below, in this
//! file: one insert per answer, nothing else) answers the same 10 questions for the same N
//! members on the same database, and each answer result carries its ratio to it.
//!
//! Every phase has a deadline: users who never finished are reported, never waited for
//! forever. A reply the flow does not expect, a request the double refused, a second
//! invitation to the same chat, and work missing from the database (members, the invite's
//! uses, the outbox rows) are failures: they are reported, no numbers are printed, and the
//! benchmark exits with status 1.
//!
//! Run: `cargo bench --bench load` (release build): 200 and 2 000 members, on SQLite and on
//! PostgreSQL (`postgres://postgres@127.0.0.1:5432/clusterbot_bench`, recreated for each
//! run). `BENCH_USERS=500` or `BENCH_USERS=200,2000` chooses N (`BENCH_USERS=` alone runs
//! only the idle measurement), `BENCH_DATABASES=sqlite` the databases,
//! `BENCH_POSTGRES_URL=postgres://…/DB` the PostgreSQL database (dropped and created again).
//! Results are kept in BENCHMARKS.md.

#[path = "../tests/it/botapi.rs"]
#[allow(dead_code)]
mod botapi;

use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use botapi::{BotApi, Call, TOKEN, TgUser};
use clusterbot::domain::ids::ClusterId;
use clusterbot::domain::invite::InviteCode;
use clusterbot::domain::meeting::MeetingAudience;
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::i18n::{FluentArgs, I18n};
use clusterbot::store::{NewMeeting, Store, now};

const BIN: &str = env!("CARGO_BIN_EXE_clusterbot");
const CLUSTER: &str = "Bench cluster";

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

/// `BENCH_PERF=<dir>`: a system-wide `perf record` (499 Hz, call graphs) for the length of a
/// phase, written to `<dir>/<phase>-<pid>.data`; read the bot's part with
/// `perf report -i FILE --comm clusterbot` (or `--pid`). System-wide, because the bot's
/// threads come and go; the other processes of the run are in it too, for comparison.
struct Profile(Option<Child>);

impl Profile {
    fn start(phase: &str) -> Self {
        let Ok(dir) = std::env::var("BENCH_PERF") else { return Self(None) };
        let out = format!("{dir}/{phase}-{}.data", std::process::id());
        // `BENCH_PERF_CALL_GRAPH=dwarf` for whole stacks (the release build keeps no frame
        // pointers; its line tables let perf unwind).
        let graph = std::env::var("BENCH_PERF_CALL_GRAPH").unwrap_or_else(|_| "fp".into());
        let perf = Command::new("perf")
            .args(["record", "-a", "--call-graph", &graph, "-F", "499", "-o", &out])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("BENCH_PERF needs perf on PATH");
        // Let it attach before the phase starts.
        std::thread::sleep(Duration::from_millis(500));
        eprintln!("profiling {phase} into {out}");
        Self(Some(perf))
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        if let Some(mut perf) = self.0.take() {
            let _ = Command::new("kill").args(["-INT", &perf.id().to_string()]).status();
            let _ = perf.wait();
        }
    }
}

/// The command that starts the bot: `BENCH_BOT_WRAP="heaptrack -o /tmp/bot"` runs it under
/// a tool (the CPU and memory read from /proc are then the tool's, not the bot's).
fn bot_command() -> Command {
    let wrap = std::env::var("BENCH_BOT_WRAP").unwrap_or_default();
    let mut words = wrap.split_whitespace();
    match words.next() {
        Some(tool) => {
            let mut command = Command::new(tool);
            // Its own process group, so that the end of the run stops the tool and the bot.
            std::os::unix::process::CommandExt::process_group(command.args(words).arg(BIN), 0);
            command
        }
        None => Command::new(BIN),
    }
}

/// `clusterbot run` on `db` against the Bot API double, logging warnings only.
fn bot_run(api: &BotApi, db: &str, dir: &std::path::Path) -> Command {
    let mut command = bot_command();
    command
        .arg("run")
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .env("DATABASE_URL", db)
        .env("DATA_DIR", dir.join("data"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    command
}

/// The bot process, killed however the benchmark ends.
struct BotProcess(Child);

impl Drop for BotProcess {
    fn drop(&mut self) {
        if std::env::var_os("BENCH_BOT_WRAP").is_some() {
            // The bot stops as it does in production, and the tool writes what it recorded.
            let group = format!("-{}", self.0.id());
            let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        } else {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

/// An English message as the bot formats it.
fn en(i18n: &I18n, key: &str, args: &[(&str, &str)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, *v);
    }
    i18n.try_format(Locale::En, key, Some(&fa)).unwrap()
}

/// A short form of a message, for the failure report.
fn excerpt(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    first.chars().take(60).collect()
}

/// What went wrong; the benchmark prints its numbers only when this stays empty.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn add(&mut self, what: String) {
        self.0.push(what);
    }
}
fn main() {
    if std::env::args().nth(1).as_deref() == Some(minimal::ARG) {
        minimal::serve();
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(bench());
}

/// Which runs: every database of `BENCH_DATABASES` with every N of `BENCH_USERS`.
async fn bench() {
    let users: Vec<usize> = std::env::var("BENCH_USERS")
        .unwrap_or_else(|_| "200,2000".into())
        .split(',')
        .filter(|n| !n.trim().is_empty())
        .map(|n| n.trim().parse().expect("BENCH_USERS: numbers separated by commas"))
        .collect();
    let databases = std::env::var("BENCH_DATABASES").unwrap_or_else(|_| "sqlite,postgres".into());
    let postgres = std::env::var("BENCH_POSTGRES_URL")
        .or_else(|_| std::env::var("BENCH_DATABASE_URL"))
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/clusterbot_bench".into());
    let mut table = Vec::new();
    let mut idle_table = Vec::new();
    for database in databases.split(',').map(str::trim) {
        let label = if database == "sqlite" { "SQLite" } else { "PostgreSQL" };
        for &n in &users {
            let dir = tempfile::tempdir().unwrap();
            let url = |name: &str| match database {
                "sqlite" => format!("sqlite://{}", dir.path().join(format!("{name}.db")).display()),
                "postgres" => format!("{postgres}{}", if name == "bot" { "" } else { "_minimal" }),
                other => panic!("BENCH_DATABASES: {other} is neither sqlite nor postgres"),
            };
            let (bot_db, minimal_db) = (url("bot"), url("minimal"));
            for db in [&bot_db, &minimal_db] {
                if db.starts_with("postgres") {
                    recreate_postgres(db).await;
                }
            }
            println!("\n## clusterbot load benchmark: {n} members, {label}");
            let bot = match run(&bot_db, n, dir.path()).await {
                Ok(bot) => bot,
                Err(failures) => failures.exit(),
            };
            let minimal = match minimal::run(&minimal_db, n).await {
                Ok(m) => m,
                Err(failures) => failures.exit(),
            };
            minimal.print("minimal teloxide + sqlx bot, answers");
            let ratio = bot.answers.rate() / minimal.rate();
            println!(
                "  → clusterbot answers {:.0} updates/s = {ratio:.2}× the minimal bot's {:.0}/s \
                 (p99 {:.0} ms vs {:.0} ms)",
                bot.answers.rate(),
                minimal.rate(),
                bot.answers.p(0.99),
                minimal.p(0.99)
            );
            table.push((label, n, bot, minimal));
        }
        let stored: usize = std::env::var("BENCH_IDLE_MEMBERS")
            .map(|n| n.trim().parse().expect("BENCH_IDLE_MEMBERS: a number"))
            .unwrap_or(100_000);
        if stored > 0 {
            let dir = tempfile::tempdir().unwrap();
            let db = match database {
                "sqlite" => format!("sqlite://{}", dir.path().join("idle.db").display()),
                _ => format!("{postgres}_idle"),
            };
            if db.starts_with("postgres") {
                recreate_postgres(&db).await;
            }
            let (now_kib, peak_kib) = idle(&db, stored, dir.path()).await;
            println!(
                "\n## idle, {stored} members stored, {label}: RSS {} MB, peak {} MB",
                now_kib / 1024,
                peak_kib / 1024
            );
            idle_table.push((label, stored, now_kib, peak_kib));
        }
    }
    println!(
        "\n| database | members | onboarding updates/s | answers updates/s | × minimal bot | answer p50 / p95 / p99 ms \
         | CPU ms/update | SQL/update | Bot API calls/update | reports updates/s | peak RSS MB | minimal bot updates/s, p99 ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (label, n, bot, minimal) in &table {
        let a = &bot.answers;
        println!(
            "| {label} | {n} | {:.0} | {:.0} | {:.2} | {:.0} / {:.0} / {:.0} | {:.2} | {:.1} | {:.2} | {:.0} | {} | {:.0}, {:.0} |",
            bot.onboarding.rate(),
            a.rate(),
            a.rate() / minimal.rate(),
            a.p(0.5),
            a.p(0.95),
            a.p(0.99),
            a.cpu_ms_per_update(),
            a.statements_per_update(),
            a.calls_per_update(),
            bot.reports.rate(),
            bot.peak_rss_kib / 1024,
            minimal.rate(),
            minimal.p(0.99),
        );
    }
    if !idle_table.is_empty() {
        println!("\n| database | members stored | idle RSS MB | peak RSS MB |\n|---|---|---|---|");
        for (label, stored, now_kib, peak_kib) in &idle_table {
            println!("| {label} | {stored} | {} | {} |", now_kib / 1024, peak_kib / 1024);
        }
    }
}

/// How long the idle bot is left alone: its jobs (nudges, the outbox, transcripts) all run
/// their first round at start-up.
const IDLE_FOR: Duration = Duration::from_secs(15);

/// The bot at rest on a database holding `members` members of one cluster: its resident
/// memory after [`IDLE_FOR`], and its peak so far, in KiB. Nothing the bot does at rest
/// should grow with the members stored.
async fn idle(db: &str, members: usize, dir: &std::path::Path) -> (u64, u64) {
    let cluster =
        cli(db, &["cluster", "add", "--name", CLUSTER, "--timezone", "Africa/Tunis", "--locale", "en"]);
    let cluster: i64 = cluster.parse().unwrap();
    let at = now();
    // Straight into the tables, as many joins would have left them (a join through the bot
    // is what the onboarding phase measures).
    let (people, places) = (
        "insert into member (telegram_user_id, chat_id, display_name, locale, gender, consent_at, created_at) \
         select 7000000 + i, 7000000 + i, 'Member ' || i, 'en', 'woman', $2, $2 from n",
        "insert into membership (member_id, cluster_id, role, created_at) \
         select member_id, $1, 'producer', $2 from member where telegram_user_id >= 7000000",
    );
    let members = members as i64;
    if db.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(db).await.unwrap();
        let n = "with recursive n(i) as (select 1 union all select i + 1 from n where i < $1) ";
        sqlx::query(&format!("{n}{people}")).bind(members).bind(at).execute(&pool).await.unwrap();
        sqlx::query(places).bind(cluster).bind(at).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(db).await.unwrap();
        let n = "with n(i) as (select generate_series(1, $1)) ";
        sqlx::query(&format!("{n}{people}")).bind(members).bind(at).execute(&pool).await.unwrap();
        sqlx::query(places).bind(cluster).bind(at).execute(&pool).await.unwrap();
        pool.close().await;
    }
    let api = BotApi::start().await;
    let bot = BotProcess(bot_run(&api, db, dir).spawn().unwrap());
    api.wait_for(0, "start-up", |c| c.method == "setMyCommands").await;
    tokio::time::sleep(IDLE_FOR).await;
    let pid = bot.0.id();
    (rss_kib(pid, "VmRSS:"), rss_kib(pid, "VmHWM:"))
}

/// Drops and creates the PostgreSQL database of `url`, so each run starts empty.
async fn recreate_postgres(url: &str) {
    use sqlx::Connection;
    let (server, name) = url.rsplit_once('/').unwrap();
    let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres")).await.unwrap();
    sqlx::query(&format!("drop database if exists \"{name}\" with (force)"))
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query(&format!("create database \"{name}\"")).execute(&mut admin).await.unwrap();
}

impl Failures {
    fn exit(self) -> ! {
        eprintln!("clusterbot load benchmark FAILED ({} problems), no numbers:", self.0.len());
        for f in self.0.iter().take(50) {
            eprintln!("  - {f}");
        }
        if self.0.len() > 50 {
            eprintln!("  … and {} more", self.0.len() - 50);
        }
        std::process::exit(1);
    }
}

/// What one phase measured.
#[derive(Default)]
struct Phase {
    updates: usize,
    took: Duration,
    latencies: Vec<Duration>,
    cpu_ms: f64,
    statements: u64,
    calls: usize,
}

impl Phase {
    fn rate(&self) -> f64 {
        self.updates as f64 / self.took.as_secs_f64()
    }

    /// The latency percentile `p`, in ms.
    fn p(&self, p: f64) -> f64 {
        let mut v = self.latencies.clone();
        v.sort();
        if v.is_empty() { 0.0 } else { percentile(&v, p).as_secs_f64() * 1e3 }
    }

    fn cpu_ms_per_update(&self) -> f64 {
        self.cpu_ms / self.updates as f64
    }

    fn statements_per_update(&self) -> f64 {
        self.statements as f64 / self.updates as f64
    }

    fn calls_per_update(&self) -> f64 {
        self.calls as f64 / self.updates as f64
    }

    fn print(&self, what: &str) {
        println!(
            "{what}: {} updates in {:.2} s — {:.0} updates/s; latency p50 {:.1} / p95 {:.1} / p99 {:.1} / max {:.1} ms; \
             {:.2} CPU ms, {:.1} SQL statements, {:.2} Bot API calls per update",
            self.updates,
            self.took.as_secs_f64(),
            self.rate(),
            self.p(0.5),
            self.p(0.95),
            self.p(0.99),
            self.p(1.0),
            self.cpu_ms_per_update(),
            self.statements_per_update(),
            self.calls_per_update(),
        );
    }
}

/// Reads what a bot process used: CPU time from /proc, statements from its /metrics.
struct Probe {
    pid: u32,
    metrics: Option<String>,
}

/// A reading of a [`Probe`], and the Bot API calls so far.
struct Reading {
    cpu_ticks: u64,
    statements: u64,
    calls: usize,
}

impl Probe {
    async fn read(&self, api: &BotApi) -> Reading {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).unwrap_or_default();
        // After the command name in parentheses: state is field 3, utime 14, stime 15.
        let fields: Vec<&str> =
            stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
        let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
        let statements = match &self.metrics {
            Some(url) => {
                let text = reqwest::get(url).await.unwrap().text().await.unwrap();
                text.lines()
                    .find_map(|l| l.strip_prefix("clusterbot_sql_statements_total "))
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0)
            }
            None => 0,
        };
        Reading { cpu_ticks: tick(11) + tick(12), statements, calls: api.calls().len() }
    }

    /// A phase between two readings.
    fn phase(
        from: &Reading,
        to: &Reading,
        updates: usize,
        took: Duration,
        latencies: Vec<Duration>,
    ) -> Phase {
        // /proc counts in USER_HZ, 100 a second on Linux.
        Phase {
            updates,
            took,
            latencies,
            cpu_ms: (to.cpu_ticks - from.cpu_ticks) as f64 * 10.0,
            statements: to.statements - from.statements,
            calls: to.calls - from.calls,
        }
    }
}

/// A free port on 127.0.0.1.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// What clusterbot did in one run.
struct BotRun {
    onboarding: Phase,
    answers: Phase,
    reports: Phase,
    peak_rss_kib: u64,
}

async fn run(db: &str, users: usize, dir: &std::path::Path) -> Result<BotRun, Failures> {
    let db = db.to_owned();
    let mut failures = Failures::default();
    let i18n = I18n::load().unwrap();
    let cluster =
        cli(&db, &["cluster", "add", "--name", CLUSTER, "--timezone", "Africa/Tunis", "--locale", "en"]);
    let cluster_id: ClusterId = cluster.parse().unwrap();
    let code =
        cli(&db, &["invite", "--cluster", &cluster, "--role", "producer", "--uses", &users.to_string()]);

    let api = BotApi::start().await;
    let metrics_listen = format!("127.0.0.1:{}", free_port());
    let bot = BotProcess(
        bot_run(&api, &db, dir)
            .env("METRICS_LISTEN", &metrics_listen)
            // `BENCH_BOT_LOG=sqlx::query=debug` shows every statement the bot runs.
            .env("RUST_LOG", std::env::var("BENCH_BOT_LOG").unwrap_or_else(|_| "warn".into()))
            .stderr(match std::env::var("BENCH_BOT_LOG_FILE") {
                Ok(path) => Stdio::from(std::fs::File::create(path).unwrap()),
                Err(_) => Stdio::inherit(),
            })
            .spawn()
            .unwrap(),
    );
    let bot_pid = bot.0.id();
    // Ready once the command menus are published (wait_for gives up after 30 s).
    api.wait_for(0, "start-up", |c| c.method == "setMyCommands").await;
    let probe = Probe { pid: bot_pid, metrics: Some(format!("http://{metrics_listen}/metrics")) };

    // 1. Onboarding.
    let before = probe.read(&api).await;
    let started = Instant::now();
    let people: Vec<TgUser> =
        (0..users).map(|i| TgUser::new(100_000 + i as i64, &format!("User{i}"), "en")).collect();
    for u in &people {
        api.send_text(u, &format!("/start {code}"));
    }
    // What each user is shown, step by step; "onboarding-done" comes between the last two.
    let steps = [
        format!(
            "{}\n\n{}",
            en(&i18n, "onboarding-welcome", &[("cluster", CLUSTER)]),
            en(&i18n, "lang-choose", &[])
        ),
        en(&i18n, "consent-short", &[("cluster", CLUSTER)]),
        // The name question says a voice note will do too.
        format!("{}\n{}", en(&i18n, "name-ask", &[]), en(&i18n, "name-voice-hint", &[])),
        en(&i18n, "gender-ask", &[]),
        en(&i18n, "menu-title", &[]),
    ];
    let role = en(&i18n, "role-producer", &[]);
    let joined: Vec<String> = people
        .iter()
        .map(|u| {
            en(&i18n, "onboarding-done", &[("name", &u.first_name), ("cluster", CLUSTER), ("role", &role)])
        })
        .collect();
    // One driver for everyone: read the bot's new messages, answer each with the next tap.
    // (Waiting per user would make the harness, not the bot, the bottleneck.)
    let index: HashMap<i64, usize> = people.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    let mut step = vec![0_usize; users];
    let mut since = vec![started; users];
    let mut latencies: Vec<Vec<Duration>> = vec![Vec::new(); steps.len()];
    let mut unexpected = 0;
    let mut seen = 0;
    let mut done = 0;
    let deadline = started + Duration::from_secs(60) + Duration::from_millis(100) * users as u32;
    while done < users && Instant::now() < deadline {
        let new = api.calls_since(seen);
        seen += new.len();
        for call in new.iter().filter(|c| c.method == "sendMessage") {
            let chat = call.body["chat_id"].as_i64().unwrap_or_default();
            let Some(&i) = index.get(&chat) else {
                unexpected += 1;
                failures.add(format!("a message to chat {chat}, not a user: {:?}", excerpt(call.text())));
                continue;
            };
            let text = call.text();
            if step[i] == steps.len() - 1 && text == joined[i] {
                continue;
            }
            if step[i] >= steps.len() || text != steps[step[i]] {
                unexpected += 1;
                failures.add(format!("User{i} got {:?} at step {}", excerpt(text), step[i]));
                continue;
            }
            latencies[step[i]].push(since[i].elapsed());
            since[i] = Instant::now();
            let u = &people[i];
            match step[i] {
                0 => api.press(u, call, &call.button("English")),
                1 => api.press(u, call, &call.button(&en(&i18n, "btn-agree", &[]))),
                2 => api.press(u, call, &call.buttons()[0].1),
                3 => api.press(u, call, &call.button(&en(&i18n, "btn-woman", &[]))),
                _ => done += 1,
            }
            step[i] += 1;
        }
        if unexpected >= 50 {
            // The flow changed under the benchmark: say so now rather than at the deadline.
            break;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let onboarding_took = started.elapsed();
    let after = probe.read(&api).await;
    let all_latencies: Vec<Duration> = latencies.iter().flatten().copied().collect();
    let onboarding = Probe::phase(&before, &after, users * 5, onboarding_took, all_latencies);
    let stuck: Vec<_> = (0..users).filter(|&i| step[i] < steps.len()).collect();
    if !stuck.is_empty() {
        let who: Vec<_> = stuck.iter().take(10).map(|&i| format!("User{i} at step {}", step[i])).collect();
        failures.add(format!(
            "{} of {users} users never finished onboarding within {:.0} s: {who:?}",
            stuck.len(),
            onboarding_took.as_secs_f64()
        ));
    }
    let refused = api.violations();
    for r in &refused {
        failures.add(format!("the Bot API refused a request: {r}"));
    }

    // The database holds what they gave: N producers, the invite used N times.
    let store = Store::connect(&db).await.unwrap();
    let members = store.count_members(cluster_id, Some(Role::Producer)).await.unwrap();
    if members != users as i64 {
        failures.add(format!("{members} producers stored, not {users}"));
    }
    let invite = store.invite_by_code(&InviteCode::parse(&code).unwrap()).await.unwrap().unwrap();
    if invite.uses != users as i64 {
        failures.add(format!("the invite was used {} times, not {users}", invite.uses));
    }
    for u in &people {
        match store.member_by_telegram(u.id).await.unwrap() {
            Some(m)
                if m.display_name.as_deref() == Some(u.first_name.as_str())
                    && m.gender == Some(Gender::Woman)
                    && m.consent_at.is_some() => {}
            other => failures.add(format!("{} is not stored as she joined: {other:?}", u.first_name)),
        }
    }

    // 2. Meeting invitations through the outbox: each chat exactly once.
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
    let (meeting, invited) = store.create_meeting(&new).await.unwrap();
    let invitation =
        en(&i18n, "meeting-invitation", &[("title", "Bench meeting"), ("when", "W"), ("place", "P")]);
    let invitation = invitation.lines().next().unwrap().to_owned();
    let is_invitation = |c: &Call| c.method == "sendMessage" && c.text().starts_with(&invitation);
    let mut delivered: HashSet<i64> = HashSet::new();
    let mut duplicates = 0;
    let mut seen = before;
    let deadline = started + Duration::from_secs(60) + Duration::from_millis(200) * invited as u32;
    while delivered.len() < invited && Instant::now() < deadline {
        let new = api.calls_since(seen);
        seen += new.len();
        for call in new.iter().filter(|c| c.method == "sendMessage") {
            let chat = call.body["chat_id"].as_i64().unwrap_or_default();
            if !is_invitation(call) || !index.contains_key(&chat) {
                unexpected += 1;
                failures.add(format!("chat {chat} got {:?} instead of an invitation", excerpt(call.text())));
            } else if !delivered.insert(chat) {
                duplicates += 1;
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let meeting_took = started.elapsed();
    if delivered.len() < invited {
        failures.add(format!(
            "{} of {invited} invitations never arrived within {:.0} s",
            invited - delivered.len(),
            meeting_took.as_secs_f64()
        ));
    }
    // The outbox agrees: every invitation row sent, none left.
    let states = store.outbox_states(meeting.meeting_id).await.unwrap();
    let sent = states
        .iter()
        .find(|(kind, state, _)| kind == "invitation" && state == "sent")
        .map_or(0, |(_, _, n)| *n);
    if invited != users || sent != invited as i64 {
        failures.add(format!("{users} members, {invited} invited, outbox: {states:?}"));
    }
    // A late duplicate counts too.
    let all_invitations = api.calls().iter().skip(before).filter(|c| is_invitation(c)).count();
    duplicates = duplicates.max(all_invitations.saturating_sub(delivered.len()));
    if duplicates > 0 {
        failures.add(format!("{duplicates} invitations went to a chat a second time"));
    }
    for r in api.violations().iter().skip(refused.len()) {
        failures.add(format!("the Bot API refused a request: {r}"));
    }
    let answers = answer_burst(&api, &store, &i18n, cluster_id, &people, &index, &probe, &mut failures).await;
    let reports = report_burst(&api, &store, &i18n, cluster_id, &people, &index, &probe, &mut failures).await;
    let peak_rss_kib = rss_kib(bot_pid, "VmHWM:");
    store.close().await;
    if !failures.0.is_empty() {
        return Err(failures);
    }

    // Everything verified: the numbers.
    onboarding.print("onboarding");
    println!(
        "  verified: {members} members stored as they joined, the invite used {} times; 0 unexpected replies, 0 refused",
        invite.uses
    );
    for (k, label) in
        ["/start → language", "language → consent", "consent → name", "name → gender", "gender → menu"]
            .iter()
            .enumerate()
    {
        summary(label, latencies[k].clone());
    }
    println!(
        "meeting: {invited} invitations delivered in {:.2} s — {:.1} messages/s (paced under 30/s; \
         each chat once, {sent} outbox rows sent; 0 unexpected, 0 refused)",
        meeting_took.as_secs_f64(),
        invited as f64 / meeting_took.as_secs_f64()
    );
    answers.print("answers (10 questions, 4 choices)");
    println!(
        "  verified: every response finished with {QUESTIONS} answers stored; 0 unexpected, 0 refused; \
         bot peak RSS {} MB",
        peak_rss_kib / 1024
    );
    reports.print("reports (/report → status → percent)");
    println!("  verified: {users} progress reports stored, one per member");
    assert_eq!(unexpected, 0);
    Ok(BotRun { onboarding, answers, reports, peak_rss_kib })
}

const QUESTIONS: usize = 10;

/// A questionnaire of ten questions with four choices each, as a CDA would write it.
fn bench_form() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let survey = book.add_worksheet();
    survey.set_name("survey").unwrap();
    for (c, h) in ["type", "name", "label"].iter().enumerate() {
        survey.write_string(0, c as u16, *h).unwrap();
    }
    for q in 0..QUESTIONS {
        let r = q as u32 + 1;
        survey.write_string(r, 0, "select_one level").unwrap();
        survey.write_string(r, 1, format!("q{q}")).unwrap();
        survey
            .write_string(r, 2, format!("Question {q}: how often does your cooperative buy together?"))
            .unwrap();
    }
    let choices = book.add_worksheet();
    choices.set_name("choices").unwrap();
    for (c, h) in ["list_name", "name", "label"].iter().enumerate() {
        choices.write_string(0, c as u16, *h).unwrap();
    }
    for (i, label) in ["Never", "Sometimes", "Often", "Always"].iter().enumerate() {
        let r = i as u32 + 1;
        choices.write_string(r, 0, "level").unwrap();
        choices.write_string(r, 1, format!("l{i}")).unwrap();
        choices.write_string(r, 2, *label).unwrap();
    }
    let settings = book.add_worksheet();
    settings.set_name("settings").unwrap();
    settings.write_string(0, 0, "form_id").unwrap();
    settings.write_string(0, 1, "form_title").unwrap();
    settings.write_string(1, 0, "bench_answers").unwrap();
    settings.write_string(1, 1, "Bench questionnaire").unwrap();
    book.save_to_buffer().unwrap()
}

/// A memory line of the process's /proc status (`VmRSS:` now, `VmHWM:` the peak), in KiB.
fn rss_kib(pid: u32, line: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(line))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

/// What a burst of taps did: how long, how many updates, each latency (from the update
/// being served to the bot's answer), who never finished.
struct Burst {
    took: Duration,
    updates: usize,
    latencies: Vec<Duration>,
    stuck: Vec<(usize, usize)>,
}

/// Everyone at once: `kick(i)` starts user i, then each taps the first choice of every
/// question (the button whose data `is_choice` takes) as soon as it comes, until `finished`.
async fn tap_burst(
    api: &BotApi,
    people: &[TgUser],
    index: &HashMap<i64, usize>,
    kick: impl Fn(usize),
    is_choice: impl Fn(&str) -> bool,
    finished: &str,
    deadline: Duration,
) -> Burst {
    let users = people.len();
    let from = api.calls().len();
    let started = Instant::now();
    let mut since = vec![started; users];
    for i in 0..users {
        kick(i);
    }
    let mut answered = vec![0_usize; users];
    let mut done = vec![false; users];
    let mut latencies = Vec::with_capacity(users * (QUESTIONS + 1));
    let mut updates = users;
    let mut finished_count = 0;
    let mut seen = from;
    while finished_count < users && started.elapsed() < deadline {
        let new = api.calls_since(seen);
        seen += new.len();
        for call in new.iter().filter(|c| c.method == "sendMessage") {
            let Some(&i) = call.body["chat_id"].as_i64().and_then(|c| index.get(&c)) else { continue };
            if call.text() == finished {
                if !done[i] {
                    done[i] = true;
                    finished_count += 1;
                    latencies.push(since[i].elapsed());
                }
                continue;
            }
            let Some((_, data)) = call.buttons().into_iter().find(|(_, d)| is_choice(d)) else { continue };
            latencies.push(since[i].elapsed());
            since[i] = Instant::now();
            answered[i] += 1;
            updates += 1;
            api.press(&people[i], call, &data);
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let stuck = (0..users).filter(|&i| !done[i]).map(|i| (i, answered[i])).collect();
    Burst { took: started.elapsed(), updates, latencies, stuck }
}

/// Phase 3: everyone answers the same questionnaire at once.
#[allow(clippy::too_many_arguments)]
async fn answer_burst(
    api: &BotApi,
    store: &Store,
    i18n: &I18n,
    cluster_id: ClusterId,
    people: &[TgUser],
    index: &HashMap<i64, usize>,
    probe: &Probe,
    failures: &mut Failures,
) -> Phase {
    let users = people.len();
    let imported = clusterbot::import::import(store, &bench_form(), "bench.xlsx", None).await.unwrap();
    let before = api.calls().len();
    let (_, invitees) = store
        .create_launch(imported.form_pk, cluster_id, clusterbot::domain::form::Audience::Cluster, None, None)
        .await
        .unwrap();
    // The invitations come through the paced outbox; the burst starts once all have arrived.
    let title = imported.form.title(Locale::En).to_owned();
    let invitation = en(i18n, "form-invitation", &[("title", &title), ("count", "10")]);
    let invitation = invitation.lines().next().unwrap().to_owned();
    let mut invitations: HashMap<usize, Call> = HashMap::new();
    let mut seen = before;
    let deadline = Instant::now() + Duration::from_secs(60) + Duration::from_millis(200) * users as u32;
    while invitations.len() < users && Instant::now() < deadline {
        let new = api.calls_since(seen);
        seen += new.len();
        for call in new.into_iter().filter(|c| c.method == "sendMessage" && c.text().starts_with(&invitation))
        {
            if let Some(&i) = call.body["chat_id"].as_i64().and_then(|c| index.get(&c)) {
                invitations.insert(i, call);
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    if invitations.len() < users || invitees.len() != users {
        failures.add(format!("{} of {users} questionnaire invitations arrived", invitations.len()));
        return Phase::default();
    }
    let start_label = en(i18n, "btn-form-start", &[]);
    let finished = en(i18n, "form-finished", &[("title", &title)]);
    let reading = probe.read(api).await;
    let profile = Profile::start("answers");
    let burst = tap_burst(
        api,
        people,
        index,
        |i| api.press(&people[i], &invitations[&i], &invitations[&i].button(&start_label)),
        // A question's choice buttons carry `q:<response>:<position>:c<index>`.
        |d| d.starts_with("q:") && d.ends_with(":c0"),
        &finished,
        Duration::from_secs(60) + Duration::from_millis(100) * (users * QUESTIONS) as u32,
    )
    .await;
    drop(profile);
    let after = probe.read(api).await;
    if !burst.stuck.is_empty() {
        let who: Vec<_> =
            burst.stuck.iter().take(10).map(|(i, n)| format!("User{i} after {n} answers")).collect();
        failures.add(format!("{} of {users} never finished the questionnaire: {who:?}", burst.stuck.len()));
    }
    for r in api.violations() {
        failures.add(format!("the Bot API refused a request: {r}"));
    }
    // The database holds every answer.
    for inv in &invitees {
        let answers = store.answers(inv.response_id).await.unwrap();
        let response = store.response(inv.response_id).await.unwrap();
        if response.status != clusterbot::store::Status::Finished || answers.len() < QUESTIONS {
            failures.add(format!(
                "response {} is {:?} with {} answers",
                inv.response_id,
                response.status,
                answers.len()
            ));
        }
    }
    Probe::phase(&reading, &after, burst.updates, burst.took, burst.latencies)
}

/// Phase 4: every member reports progress on the cluster's joint action at once.
#[allow(clippy::too_many_arguments)]
async fn report_burst(
    api: &BotApi,
    store: &Store,
    i18n: &I18n,
    cluster_id: ClusterId,
    people: &[TgUser],
    index: &HashMap<i64, usize>,
    probe: &Probe,
    failures: &mut Failures,
) -> Phase {
    let users = people.len();
    let today = chrono::Utc::now().date_naive();
    let action = clusterbot::domain::action::NewAction {
        cluster_id,
        title: "Joint purchase of jars".into(),
        description: None,
        cooperatives: vec![],
        start_date: today - chrono::Duration::days(30),
        due_date: today + chrono::Duration::days(60),
        target: None,
        unit: None,
        rhythm_days: None,
        created_by: None,
    };
    let action = store.add_actions(&[action]).await.unwrap().remove(0);
    let on_track = en(i18n, "status-on-track", &[]);
    let ask_status = en(i18n, "report-ask-status", &[("action", &action.title)]);
    let ask_progress = en(i18n, "report-ask-progress", &[]);
    // "📥 Recorded: <action>: …": the summary after it is the report's own.
    let recorded =
        en(i18n, "report-recorded", &[("action", &action.title), ("summary", "S"), ("minutes", "5")]);
    let recorded = recorded.split(": S").next().unwrap_or_default().to_owned();
    let reading = probe.read(api).await;
    let from = api.calls().len();
    let started = Instant::now();
    let mut since = vec![started; users];
    let mut step = vec![0_usize; users];
    let mut latencies = Vec::with_capacity(users * 3);
    for u in people {
        api.send_text(u, "/report");
    }
    let mut done = 0;
    let mut seen = from;
    let deadline = started + Duration::from_secs(60) + Duration::from_millis(100) * users as u32;
    while done < users && Instant::now() < deadline {
        let new = api.calls_since(seen);
        seen += new.len();
        for call in new.iter().filter(|c| c.method == "sendMessage") {
            let Some(&i) = call.body["chat_id"].as_i64().and_then(|c| index.get(&c)) else { continue };
            let text = call.text();
            let next = match step[i] {
                0 if text == ask_status => Some(call.button(&on_track)),
                1 if text == ask_progress => Some(call.button("50")),
                2 if text.starts_with(&recorded) => None,
                _ => {
                    failures.add(format!("User{i} got {:?} at report step {}", excerpt(text), step[i]));
                    continue;
                }
            };
            latencies.push(since[i].elapsed());
            since[i] = Instant::now();
            step[i] += 1;
            match next {
                Some(data) => api.press(&people[i], call, &data),
                None => done += 1,
            }
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let took = started.elapsed();
    let after = probe.read(api).await;
    if done < users {
        failures.add(format!("{} of {users} never finished their report", users - done));
    }
    let reports = store.reports(action.action_id).await.unwrap();
    if reports.len() != users || reports.iter().any(|r| r.percent != Some(50.0)) {
        failures.add(format!("{} reports stored for {users} members", reports.len()));
    }
    Probe::phase(&reading, &after, users * 3, took, latencies)
}

/// The yardstick: a minimal teloxide + sqlx bot asking the same 10 questions with 4 buttons,
/// one insert per answer and nothing else — no members, no dialogue, no idempotency, no
/// read-back — run as its own process (this benchmark's binary, started again with
/// [`ARG`]) against the same Bot API double and the same kind of database.
mod minimal {
    use std::collections::HashMap;
    use std::process::{Command, Stdio};
    use std::time::Duration;

    use teloxide::prelude::*;
    use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

    use super::{BotApi, BotProcess, Failures, Phase, Probe, QUESTIONS, TOKEN, TgUser, tap_burst};

    pub const ARG: &str = "--minimal-bot";
    const DONE: &str = "Thank you, all answered.";

    #[derive(Clone)]
    enum Db {
        Sqlite(sqlx::SqlitePool),
        Postgres(sqlx::PgPool),
    }

    const CREATE: &str = "create table if not exists answer (chat_id bigint not null, question integer not null, \
         choice integer not null, primary key (chat_id, question))";
    const INSERT: &str = "insert into answer (chat_id, question, choice) values ($1, $2, $3)";

    fn question(n: usize) -> (String, InlineKeyboardMarkup) {
        let buttons =
            (0..4).map(|c| InlineKeyboardButton::callback(format!("Choice {c}"), format!("m:{n}:c{c}")));
        (format!("Question {n}"), InlineKeyboardMarkup::new([buttons.collect::<Vec<_>>()]))
    }

    /// The minimal bot's process: `DATABASE_URL`, `TELOXIDE_API_URL`, `TELOXIDE_TOKEN`.
    pub fn serve() {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let url = std::env::var("DATABASE_URL").unwrap();
            let db = if url.starts_with("sqlite") {
                // The usual recipe for a fast SQLite bot: WAL with `synchronous = NORMAL` (a commit
                // is not flushed: a power cut may lose answers it already acknowledged).
                let options = url
                    .parse::<sqlx::sqlite::SqliteConnectOptions>()
                    .unwrap()
                    .create_if_missing(true)
                    .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sqlx::sqlite::SqliteSynchronous::Normal);
                let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
                sqlx::query(CREATE).execute(&pool).await.unwrap();
                Db::Sqlite(pool)
            } else {
                let pool = sqlx::PgPool::connect(&url).await.unwrap();
                sqlx::query(CREATE).execute(&pool).await.unwrap();
                Db::Postgres(pool)
            };
            let bot =
                Bot::from_env().set_api_url(std::env::var("TELOXIDE_API_URL").unwrap().parse().unwrap());
            let handler = dptree::entry()
                .branch(Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
                    let (text, keyboard) = question(0);
                    bot.send_message(msg.chat.id, text).reply_markup(keyboard).await?;
                    Ok::<_, teloxide::RequestError>(())
                }))
                .branch(Update::filter_callback_query().endpoint(
                    |bot: Bot, db: Db, q: CallbackQuery| async move {
                        let (Some(data), Some(msg)) = (q.data.as_deref(), q.message.as_ref()) else {
                            return Ok(());
                        };
                        let parts: Vec<&str> = data.split(':').collect();
                        let n: i64 = parts[1].parse().unwrap();
                        let choice: i64 = parts[2][1..].parse().unwrap();
                        let chat = msg.chat().id;
                        let inserted = match &db {
                            Db::Sqlite(p) => sqlx::query(INSERT)
                                .bind(chat.0)
                                .bind(n)
                                .bind(choice)
                                .execute(p)
                                .await
                                .map(|_| ()),
                            Db::Postgres(p) => sqlx::query(INSERT)
                                .bind(chat.0)
                                .bind(n)
                                .bind(choice)
                                .execute(p)
                                .await
                                .map(|_| ()),
                        };
                        inserted.expect("the answer is stored");
                        bot.answer_callback_query(q.id.clone()).await?;
                        let next = n as usize + 1;
                        if next < QUESTIONS {
                            let (text, keyboard) = question(next);
                            bot.send_message(chat, text).reply_markup(keyboard).await?;
                        } else {
                            bot.send_message(chat, DONE).await?;
                        }
                        Ok(())
                    },
                ));
            Dispatcher::builder(bot, handler).dependencies(dptree::deps![db]).build().dispatch().await;
        });
    }

    /// N members answer the 10 questions at once, as in phase 3 for clusterbot.
    pub async fn run(db: &str, users: usize) -> Result<Phase, Failures> {
        let mut failures = Failures::default();
        let api = BotApi::start().await;
        let bot = BotProcess(
            Command::new(std::env::current_exe().unwrap())
                .arg(ARG)
                .env("TELOXIDE_TOKEN", TOKEN)
                .env("TELOXIDE_API_URL", &api.url)
                .env("DATABASE_URL", db)
                .env("RUST_LOG", "warn")
                .stdin(Stdio::null())
                .spawn()
                .unwrap(),
        );
        // Ready once it polls.
        let ready = std::time::Instant::now();
        while api.polls() == 0 && ready.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let probe = Probe { pid: bot.0.id(), metrics: None };
        let people: Vec<TgUser> =
            (0..users).map(|i| TgUser::new(500_000 + i as i64, &format!("Min{i}"), "en")).collect();
        let index: HashMap<i64, usize> = people.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        let before = probe.read(&api).await;
        let profile = super::Profile::start("minimal");
        let burst = tap_burst(
            &api,
            &people,
            &index,
            |i| api.send_text(&people[i], "/start"),
            |d| d.starts_with("m:") && d.ends_with(":c0"),
            DONE,
            Duration::from_secs(60) + Duration::from_millis(100) * (users * QUESTIONS) as u32,
        )
        .await;
        drop(profile);
        let after = probe.read(&api).await;
        if !burst.stuck.is_empty() {
            failures.add(format!("the minimal bot: {} of {users} never finished", burst.stuck.len()));
        }
        for r in api.violations() {
            failures.add(format!("the Bot API refused a request of the minimal bot: {r}"));
        }
        drop(bot);
        let stored: i64 = if db.starts_with("sqlite") {
            let pool = sqlx::SqlitePool::connect(db).await.unwrap();
            sqlx::query_scalar("select count(*) from answer").fetch_one(&pool).await.unwrap()
        } else {
            let pool = sqlx::PgPool::connect(db).await.unwrap();
            sqlx::query_scalar("select count(*) from answer").fetch_one(&pool).await.unwrap()
        };
        if stored != (users * QUESTIONS) as i64 {
            failures.add(format!("the minimal bot stored {stored} answers, not {}", users * QUESTIONS));
        }
        if !failures.0.is_empty() {
            return Err(failures);
        }
        let mut phase = Probe::phase(&before, &after, burst.updates, burst.took, burst.latencies);
        // One insert per answer, nothing else (it has no statement counter of its own).
        phase.statements = (users * QUESTIONS) as u64;
        Ok(phase)
    }
}
