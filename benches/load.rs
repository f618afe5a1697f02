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
//! Every phase has a deadline: users who never finished are reported, never waited for
//! forever. A reply the flow does not expect, a request the double refused, a second
//! invitation to the same chat, and work missing from the database (members, the invite's
//! uses, the outbox rows) are failures: they are reported, no numbers are printed, and the
//! benchmark exits with status 1.
//!
//! Run: `cargo bench --bench load` (release build), `BENCH_USERS=500` to change N,
//! `BENCH_DATABASE_URL=postgres://…` for PostgreSQL (default: a SQLite file). Results are kept
//! in BENCHMARKS.md.

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

/// The bot process, killed however the benchmark ends.
struct BotProcess(Child);

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
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

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let users: usize = std::env::var("BENCH_USERS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let failures = run(users).await;
    if !failures.0.is_empty() {
        eprintln!("clusterbot load benchmark FAILED ({} problems), no numbers:", failures.0.len());
        for f in failures.0.iter().take(50) {
            eprintln!("  - {f}");
        }
        if failures.0.len() > 50 {
            eprintln!("  … and {} more", failures.0.len() - 50);
        }
        std::process::exit(1);
    }
}

async fn run(users: usize) -> Failures {
    let mut failures = Failures::default();
    let i18n = I18n::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let cluster =
        cli(&db, &["cluster", "add", "--name", CLUSTER, "--timezone", "Africa/Tunis", "--locale", "en"]);
    let cluster_id: ClusterId = cluster.parse().unwrap();
    let code =
        cli(&db, &["invite", "--cluster", &cluster, "--role", "producer", "--uses", &users.to_string()]);

    let api = BotApi::start().await;
    let bot = BotProcess(
        Command::new(BIN)
            .arg("run")
            .env("TELOXIDE_TOKEN", TOKEN)
            .env("TELOXIDE_API_URL", &api.url)
            .env("DATABASE_URL", &db)
            .env("DATA_DIR", dir.path().join("data"))
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let bot_pid = bot.0.id();
    // Ready once the command menus are published (wait_for gives up after 30 s).
    api.wait_for(0, "start-up", |c| c.method == "setMyCommands").await;

    println!(
        "clusterbot load benchmark: {users} users, database {}",
        if db.starts_with("postgres") { "PostgreSQL" } else { "SQLite" }
    );

    // 1. Onboarding.
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
        en(&i18n, "consent-ask", &[("cluster", CLUSTER)]),
        en(&i18n, "name-ask", &[]),
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
                0 => api.press(u, call, &call.button_eq("English")),
                1 => api.press(u, call, &call.button(&en(&i18n, "btn-agree", &[]))),
                2 => api.press(u, call, &call.buttons()[0].1),
                3 => api.press(u, call, &call.button(&en(&i18n, "btn-woman", &[]))),
                _ => done += 1,
            }
            step[i] += 1;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let onboarding_took = started.elapsed();
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
    let answers =
        answer_burst(&api, &store, &i18n, cluster_id, &people, &index, bot_pid, &mut failures).await;
    store.close().await;
    if !failures.0.is_empty() {
        return failures;
    }

    // Everything verified: the numbers.
    println!(
        "onboarding: {users} users joined in {:.2} s — {:.0} updates/s handled \
         ({members} members stored, invite used {} times; 0 unexpected replies, 0 refused)",
        onboarding_took.as_secs_f64(),
        (users * 5) as f64 / onboarding_took.as_secs_f64(),
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
    answers.print();
    assert_eq!(unexpected, 0);
    failures
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

/// What the answer burst measured.
struct Answers {
    users: usize,
    took: Duration,
    taps: usize,
    calls: usize,
    latencies: Vec<Duration>,
    peak_rss_kib: u64,
}

impl Answers {
    fn print(&self) {
        println!(
            "answers: {} users answered {QUESTIONS} questions in {:.2} s — {:.0} taps/s handled, \
             {:.2} Bot API calls per tap, bot peak RSS {} MB (every response finished with \
             {QUESTIONS} answers stored; 0 unexpected, 0 refused)",
            self.users,
            self.took.as_secs_f64(),
            self.taps as f64 / self.took.as_secs_f64(),
            self.calls as f64 / self.taps as f64,
            self.peak_rss_kib / 1024
        );
        let mut v = self.latencies.clone();
        v.sort();
        summary("tap → next question", v.clone());
        println!("  {:<22} p99 {:>7.1} ms", "", percentile(&v, 0.99).as_secs_f64() * 1e3);
    }
}

/// The bot process's peak resident memory so far (Linux), in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
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
    bot_pid: u32,
    failures: &mut Failures,
) -> Answers {
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
        return Answers {
            users,
            took: Duration::ZERO,
            taps: 1,
            calls: 0,
            latencies: vec![Duration::ZERO],
            peak_rss_kib: 0,
        };
    }
    let start_label = en(i18n, "btn-form-start", &[]);
    let finished = en(i18n, "form-finished", &[("title", &title)]);
    let burst_from = api.calls().len();
    let started = Instant::now();
    let mut since = vec![started; users];
    for (i, u) in people.iter().enumerate() {
        let inv = &invitations[&i];
        api.press(u, inv, &inv.button(&start_label));
    }
    let mut answered = vec![0_usize; users];
    let mut done = vec![false; users];
    let mut latencies = Vec::with_capacity(users * QUESTIONS);
    let mut taps = users;
    let mut finished_count = 0;
    let mut seen = burst_from;
    let deadline =
        started + Duration::from_secs(60) + Duration::from_millis(100) * (users * QUESTIONS) as u32;
    while finished_count < users && Instant::now() < deadline {
        let new = api.calls_since(seen);
        seen += new.len();
        for call in new.iter().filter(|c| c.method == "sendMessage") {
            let Some(&i) = call.body["chat_id"].as_i64().and_then(|c| index.get(&c)) else { continue };
            let text = call.text();
            if text == finished {
                if !done[i] {
                    done[i] = true;
                    finished_count += 1;
                    latencies.push(since[i].elapsed());
                }
                continue;
            }
            // A question: its choice buttons carry `q:<response>:<position>:c<index>`.
            let Some((_, data)) =
                call.buttons().into_iter().find(|(_, d)| d.starts_with("q:") && d.ends_with(":c0"))
            else {
                continue;
            };
            latencies.push(since[i].elapsed());
            since[i] = Instant::now();
            answered[i] += 1;
            taps += 1;
            api.press(&people[i], call, &data);
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let took = started.elapsed();
    let calls = api.calls().len() - burst_from;
    let stuck: Vec<_> = (0..users).filter(|&i| !done[i]).collect();
    if !stuck.is_empty() {
        let who: Vec<_> =
            stuck.iter().take(10).map(|&i| format!("User{i} after {} answers", answered[i])).collect();
        failures.add(format!("{} of {users} never finished the questionnaire: {who:?}", stuck.len()));
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
    Answers { users, took, taps, calls, latencies, peak_rss_kib: peak_rss_kib(bot_pid) }
}
