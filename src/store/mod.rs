//! Persistence. The only place with SQL. Every query is written once with `$n` placeholders
//! (SQLite reads `$n` as the n-th argument too) and runs on SQLite or PostgreSQL; where the
//! dialects differ, the migrations differ (`migrations/sqlite`, `migrations/postgres`). One
//! write is written per dialect on purpose: the answer tap's, in one round trip on each.

mod actions;
mod backup;
mod cache;
mod clusters;
mod codec;
mod dialogues;
mod durable;
mod exports;
mod forms;
mod ids;
mod invites;
mod meetings;
mod members;
mod notes;
mod operations;
mod outbox;
mod questionnaires;
mod questions;
mod settings;
mod spoken;
pub mod transcripts;
mod turns;
mod updates;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{PgPool, SqlitePool};

pub use actions::{CheckinCandidate, JointAction, NewReport, Note, Report};
pub use backup::BackupCheck;
pub use clusters::{Cluster, Cooperative};
pub use exports::{
    ExportAnswer, ExportScope, MeetingExportRow, MemberExportRow, NoteExportRow, ReportExportRow,
    ResponseExportRow,
};
pub use forms::{FormSummary, Saved};
pub use invites::NewMember;
pub use invites::Redeemed;
pub use meetings::{Invitee as MeetingInvitee, Meeting, NewMeeting, Recipient};
pub use members::{Member, Membership, SpokenName};
pub use notes::{FieldNote, NewFieldNote};
pub use operations::Operations;
pub use outbox::{Address, FormDelivery, OutboxItem, SenderLease};
pub use questionnaires::{Invitee, Launch, NudgeCandidate, OpenResponse, Participation, Response, Status};
pub use questions::{Asked, Question};
pub use settings::BOT_USERNAME;
pub use turns::{ChatTurn, ChatTurns, TurnError, turn_key};

/// Runs the same block against whichever pool the store holds. The block is compiled once
/// per backend, so a query that does not type-check on both does not build.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.db {
            $crate::store::Db::Sqlite($pool) => $body,
            $crate::store::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// [`on_pool!`] for a write: once the body is done, waits until what it committed is on disk
/// (see [`durable`]; at once on PostgreSQL, whose commit is durable). Every write of the
/// store goes through it, so a handler that answers after a write answers after the disk has
/// it. On a SQLite file the body runs on the one writer connection (see
/// [`Store::sqlite_writer`]).
macro_rules! on_write {
    ($store:expr, $pool:ident => $body:expr) => {{
        let written = match &$store.db {
            $crate::store::Db::Sqlite(readers) => {
                let $pool = $store.sqlite_writer(readers);
                $body
            }
            $crate::store::Db::Postgres($pool) => $body,
        };
        $store.durable().await?;
        written
    }};
}
pub(crate) use on_write;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not apply migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0} already exists")]
    Duplicate(&'static str),
    #[error("no {0} with that id")]
    NotFound(&'static str),
    #[error("stored value is corrupt: {0}")]
    Corrupt(String),
    #[error(
        "another clusterbot process is running on {0}: SQLite takes one bot process per database file; \
         stop the other one, or use PostgreSQL to run several"
    )]
    InUse(String),
    #[error("could not lock {0}: {1}")]
    Lock(String, std::io::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Maps a unique-constraint violation to a friendly [`StoreError::Duplicate`].
fn on_duplicate(what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate(what),
        _ => StoreError::Database(e),
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The database, cheap to clone (it is a pool).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) db: Db,
    /// On SQLite, the lock on `<database>.lock` of the one bot process that owns the file.
    file_lock: std::sync::Arc<std::sync::OnceLock<std::fs::File>>,
    /// What does not change between taps (see [`cache`]).
    pub(crate) cache: std::sync::Arc<cache::Cache>,
    /// SQLite on a file: the group flush of its write-ahead log (see [`durable`]).
    wal: Option<std::sync::Arc<durable::WalSync>>,
    /// SQLite on a file: the one connection that writes (see [`Store::sqlite_writer`]).
    writer: Option<SqlitePool>,
    /// Update claims, batched (see [`Store::claim_update`]).
    claims: std::sync::Arc<updates::Claims>,
}

/// Which database a `DATABASE_URL` points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

impl Store {
    /// Connects (creating the SQLite file on first use); does not migrate.
    pub async fn connect(url: &str) -> Result<Self> {
        let (mut wal, mut claims, mut writer) = (None, None, None);
        let db = match Backend::of_url(url) {
            Some(Backend::Sqlite) => {
                let mut options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10));
                if let Some(file) = sqlite_file(url) {
                    // Commits are flushed by the store, many at once (group commit): see
                    // [`durable`]. A commit is never reported done before it is on disk.
                    options = options.synchronous(sqlx::sqlite::SqliteSynchronous::Normal);
                    wal = Some(std::sync::Arc::new(durable::WalSync::new(file)));
                    writer = Some(
                        SqlitePoolOptions::new()
                            .max_connections(1)
                            .test_before_acquire(false)
                            .acquire_timeout(Duration::from_secs(30))
                            .connect_lazy_with(options.clone()),
                    );
                }
                // No ping before each acquire: a connection to a local file does not go stale,
                // and the ping is a round trip to SQLite's worker thread on every statement.
                Db::Sqlite(
                    SqlitePoolOptions::new()
                        .max_connections(8)
                        .test_before_acquire(false)
                        .connect_with(options)
                        .await?,
                )
            }
            Some(Backend::Postgres) => {
                let options = PgConnectOptions::from_str(url)?;
                claims = Some(
                    PgPoolOptions::new()
                        .max_connections(2)
                        .test_before_acquire(false)
                        .acquire_timeout(Duration::from_secs(10))
                        .connect_lazy_with(options.clone().options([("synchronous_commit", "off")])),
                );
                Db::Postgres(
                    // No ping before each acquire (a round trip to the server per statement):
                    // a connection the server dropped fails its next statement, which fails
                    // that one update (kept and told, as every internal error); sqlx tests a
                    // connection as it goes back to the pool and closes a broken one.
                    PgPoolOptions::new()
                        .max_connections(10)
                        .test_before_acquire(false)
                        .acquire_timeout(Duration::from_secs(10))
                        .connect_with(options)
                        .await?,
                )
            }
            None => {
                return Err(StoreError::Database(sqlx::Error::Configuration(
                    "DATABASE_URL must start with sqlite: or postgres://".into(),
                )));
            }
        };
        Ok(Self {
            db,
            file_lock: Default::default(),
            cache: Default::default(),
            wal,
            writer,
            claims: std::sync::Arc::new(updates::Claims::new(claims)),
        })
    }

    /// For a bot process on SQLite: takes the exclusive lock on `<database>.lock`, so a second
    /// bot process on the same file is refused (its sender, jobs and update order would race
    /// this one's). The lock goes with the process, however it ends. Nothing to do on
    /// PostgreSQL, where processes share the database through leases.
    pub fn own_database_file(&self, url: &str) -> Result<()> {
        let Some(path) = sqlite_file(url) else { return Ok(()) };
        let path = path.to_string_lossy();
        let lock_path = format!("{path}.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::Lock(lock_path.clone(), e))?;
        match file.try_lock() {
            Ok(()) => {
                let _ = self.file_lock.set(file);
                // Nobody else writes this file's dialogues now: they can be written through.
                self.cache.cache_dialogues(true);
                Ok(())
            }
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::InUse(path.into_owned())),
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Lock(lock_path, e)),
        }
    }

    /// Whether this process owns the SQLite file (see [`Store::own_database_file`]).
    pub(crate) fn owns_database_file(&self) -> bool {
        self.file_lock.get().is_some()
    }

    /// Connects and applies every pending migration.
    pub async fn open(url: &str) -> Result<Self> {
        let store = Self::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    pub async fn migrate(&self) -> Result<()> {
        match &self.db {
            Db::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Db::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Where a write runs on SQLite: on a file, the one writer connection. SQLite lets one
    /// connection write at a time; writers on several connections would wait for each other
    /// in its busy handler, sleeping for milliseconds at a time (a 1 s insert under load), while
    /// here they queue for the connection and each is served the moment the previous is done.
    /// Readers keep the pool (in WAL mode they never wait for the writer).
    pub(crate) fn sqlite_writer<'a>(&'a self, readers: &'a SqlitePool) -> &'a SqlitePool {
        self.writer.as_ref().unwrap_or(readers)
    }

    /// Waits until every write committed so far is on disk (see [`durable`]).
    pub(crate) async fn durable(&self) -> Result<()> {
        match &self.wal {
            Some(wal) => wal.durable().await.map_err(|e| StoreError::Database(sqlx::Error::Io(e))),
            None => Ok(()),
        }
    }

    /// How many times the SQLite log was flushed for writers (0 on PostgreSQL).
    pub fn log_flushes(&self) -> u64 {
        self.wal.as_ref().map_or(0, |w| w.flushes.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// One round trip to the database, for health checks.
    pub async fn ping(&self) -> Result<()> {
        on_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await);
        if let Some(writer) = &self.writer {
            writer.close().await;
        }
        if let Some(claims) = &self.claims.pool {
            claims.close().await;
        }
    }
}

/// The file of a `sqlite:` URL; `None` for an in-memory database or another backend.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| std::path::PathBuf::from(path))
}

/// The current time as the database keeps it (microseconds, like PostgreSQL), so a value
/// read back equals the value written. It is [`crate::clock::now`], which only the sandbox
/// moves.
pub fn now() -> DateTime<Utc> {
    crate::clock::now().trunc_subsecs(6)
}
