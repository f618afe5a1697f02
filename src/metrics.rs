//! What operators watch: counters kept in memory by this process, and gauges read from the
//! database at each scrape (so every instance reports the same backlog), in Prometheus'
//! text format.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Instant;

use chrono::{DateTime, Utc};
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::store::{Operations, Store};

/// SQL statements this process ran (counted from sqlx's own events, see
/// [`crate::cli::init_logging`]): one counter for the whole process, whatever pool ran them.
static SQL_STATEMENTS: std::sync::LazyLock<Counter> = std::sync::LazyLock::new(Counter::default);

/// sqlx ran one more statement.
pub fn count_statement() {
    SQL_STATEMENTS.inc();
}

/// SQL statements this process ran so far.
pub fn statements() -> u64 {
    SQL_STATEMENTS.get()
}

/// What kind of update a handler took.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
pub enum UpdateKind {
    message,
    command,
    callback,
    group,
    chat_member,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct UpdateLabels {
    kind: UpdateKind,
    outcome: Outcome,
}

#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
pub enum Outcome {
    ok,
    /// Answered with a refusal: not allowed, no longer active, not found, invalid input.
    refused,
    /// Failed inside the bot: the member was told their update is kept.
    error,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabel {
    status: u16,
}

/// The process's metrics; one per process, shared by every handler and job.
pub struct Metrics {
    registry: Registry,
    updates: Family<UpdateLabels, Counter>,
    handler_seconds: Family<KindOnly, Histogram>,
    sent: Family<KindLabel, Counter>,
    refusals: Family<StatusLabel, Counter>,
    outbox_backlog: Gauge,
    outbox_oldest_seconds: Gauge<f64, AtomicU64>,
    outbox_due: Family<KindLabel, Gauge>,
    transcription_queue: Gauge,
    failed_updates: Gauge,
    turn_wait_seconds: Histogram,
    turns_refused: Counter,
    sender_active: Gauge,
    /// Unix seconds of the last Bot API call known to have succeeded; 0: none yet.
    last_api_ok: AtomicI64,
    /// Unix seconds of the sender's last round; 0: not started.
    sender_beat: AtomicI64,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindOnly {
    kind: UpdateKind,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Times one update from its first line to its answer; see [`Metrics::start`].
pub struct Timer<'a> {
    metrics: &'a Metrics,
    kind: UpdateKind,
    started: Instant,
}

impl Timer<'_> {
    /// Records the update's outcome and latency.
    pub fn finish(self, outcome: Outcome) {
        self.metrics.record(self.kind, outcome, self.started);
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("clusterbot");
        let updates = Family::<UpdateLabels, Counter>::default();
        registry.register("updates", "Updates handled, by kind and outcome", updates.clone());
        let handler_seconds = Family::<KindOnly, Histogram>::new_with_constructor(
            (|| Histogram::new(exponential_buckets(0.001, 2.0, 16))) as fn() -> Histogram,
        );
        registry.register(
            "handler_seconds",
            "Time from an update's arrival in its handler to the end of its answer",
            handler_seconds.clone(),
        );
        let sent = Family::<KindLabel, Counter>::default();
        registry.register("messages_sent", "Messages the sender delivered, by kind", sent.clone());
        let refusals = Family::<StatusLabel, Counter>::default();
        registry.register(
            "bot_api_refusals",
            "Bot API refusals of the sender: 429 (too many requests), 403 (blocked by the member)",
            refusals.clone(),
        );
        let outbox_backlog = Gauge::default();
        registry.register("outbox_backlog", "Outbox messages due and not yet sent", outbox_backlog.clone());
        let outbox_oldest_seconds = Gauge::<f64, AtomicU64>::default();
        registry.register(
            "outbox_oldest_seconds",
            "How long the oldest due outbox message has waited, in seconds",
            outbox_oldest_seconds.clone(),
        );
        let outbox_due = Family::<KindLabel, Gauge>::default();
        registry.register(
            "outbox_due",
            "Outbox messages due and not yet sent, by kind (invitations, reminders, check-ins…)",
            outbox_due.clone(),
        );
        let transcription_queue = Gauge::default();
        registry.register(
            "transcription_queue",
            "Voice notes waiting for a transcript (with attempts left)",
            transcription_queue.clone(),
        );
        let failed_updates = Gauge::default();
        registry.register(
            "failed_updates_kept",
            "Updates whose handling failed inside the bot, kept for an operator (pruned after 30 days)",
            failed_updates.clone(),
        );
        let turn_wait_seconds = Histogram::new(exponential_buckets(0.0005, 2.0, 18));
        registry.register(
            "chat_turn_wait_seconds",
            "Webhook (PostgreSQL): how long an update waited for its chat's turn before it was accepted",
            turn_wait_seconds.clone(),
        );
        let turns_refused = Counter::default();
        registry.register(
            "chat_turns_refused",
            "Webhook (PostgreSQL): updates answered 503 because their chat's turn did not come in time",
            turns_refused.clone(),
        );
        let sender_active = Gauge::default();
        registry.register(
            "sender_active",
            "1 while this process holds the sender lease and sends the outbox, 0 while it stands by",
            sender_active.clone(),
        );
        registry.register(
            "sql_statements",
            "SQL statements run by this process (reads and writes; BEGIN and COMMIT not counted)",
            SQL_STATEMENTS.clone(),
        );
        Self {
            registry,
            updates,
            handler_seconds,
            sent,
            refusals,
            outbox_backlog,
            outbox_oldest_seconds,
            outbox_due,
            transcription_queue,
            failed_updates,
            turn_wait_seconds,
            turns_refused,
            sender_active,
            last_api_ok: AtomicI64::new(0),
            sender_beat: AtomicI64::new(0),
        }
    }

    /// Starts timing an update of `kind`.
    pub fn start(&self, kind: UpdateKind) -> Timer<'_> {
        Timer { metrics: self, kind, started: Instant::now() }
    }

    /// Records an update of `kind` that began at `started` and ended with `outcome`.
    pub fn record(&self, kind: UpdateKind, outcome: Outcome, started: Instant) {
        self.updates.get_or_create(&UpdateLabels { kind, outcome }).inc();
        self.handler_seconds.get_or_create(&KindOnly { kind }).observe(started.elapsed().as_secs_f64());
        if outcome != Outcome::error {
            // A handler that answered made its Bot API calls successfully.
            self.api_ok();
        }
    }

    /// A webhook update took its chat's turn, having waited since `started`.
    pub fn turn_taken(&self, started: Instant) {
        self.turn_wait_seconds.observe(started.elapsed().as_secs_f64());
    }

    /// A webhook update was refused (503) because its chat's turn did not come in time.
    pub fn turn_refused(&self) {
        self.turns_refused.inc();
    }

    /// The sender delivered a message of `kind`.
    pub fn sent(&self, kind: &str) {
        self.sent.get_or_create(&KindLabel { kind: kind.to_owned() }).inc();
        self.api_ok();
    }

    /// The Bot API refused a message with `status` (429, 403…).
    pub fn refused(&self, status: u16) {
        self.refusals.get_or_create(&StatusLabel { status }).inc();
    }

    /// A Bot API call succeeded now.
    pub fn api_ok(&self) {
        self.last_api_ok.store(Utc::now().timestamp(), Ordering::Relaxed);
    }

    /// The sender holds the lease, is alive and went round its loop now.
    pub fn sender_alive(&self) {
        self.sender_active.set(1);
        self.sender_beat.store(Utc::now().timestamp(), Ordering::Relaxed);
    }

    /// The sender is alive and standing by: another instance holds the lease.
    pub fn sender_standby(&self) {
        self.sender_active.set(0);
        self.sender_beat.store(Utc::now().timestamp(), Ordering::Relaxed);
    }

    /// Whether this process's sender holds the lease (sends), rather than standing by.
    pub fn sender_active(&self) -> bool {
        self.sender_active.get() == 1
    }

    /// When a Bot API call last succeeded, if ever.
    pub fn last_api_ok(&self) -> Option<DateTime<Utc>> {
        at(self.last_api_ok.load(Ordering::Relaxed))
    }

    /// When the sender last went round its loop, if ever.
    pub fn sender_beat(&self) -> Option<DateTime<Utc>> {
        at(self.sender_beat.load(Ordering::Relaxed))
    }

    /// Reads the gauges from the database and renders everything in Prometheus' text format.
    pub async fn render(&self, store: &Store) -> Result<String, crate::store::StoreError> {
        let now = crate::store::now();
        let ops: Operations = store.operations(now).await?;
        self.outbox_backlog.set(ops.outbox_due.iter().map(|(_, n)| *n).sum());
        self.outbox_oldest_seconds.set(
            ops.outbox_oldest_due
                .map(|due| (now - due).num_milliseconds().max(0) as f64 / 1000.0)
                .unwrap_or(0.0),
        );
        self.outbox_due.clear();
        for (kind, n) in &ops.outbox_due {
            self.outbox_due.get_or_create(&KindLabel { kind: kind.clone() }).set(*n);
        }
        self.transcription_queue.set(ops.transcription_queue);
        self.failed_updates.set(ops.failed_updates);
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)
            .map_err(|e| crate::store::StoreError::Corrupt(format!("metrics encoding: {e}")))?;
        Ok(text)
    }
}

fn at(seconds: i64) -> Option<DateTime<Utc>> {
    (seconds > 0).then(|| DateTime::from_timestamp(seconds, 0)).flatten()
}
