//! What the store keeps in memory so a tap reads only what changes.
//!
//! - Form versions, launches and clusters never change once written: kept for good (a form
//!   version is parsed once).
//! - Members with their memberships, looked up by Telegram account on every update: bounded,
//!   and dropped at once by every write of this process that changes a member or a
//!   membership. Changes made by other processes (the command line, another instance on
//!   PostgreSQL) are followed ([`Store::follow_member_changes`](super::Store::follow_member_changes)):
//!   on PostgreSQL by `LISTEN`, on a SQLite file by polling `PRAGMA data_version` every
//!   second (it moves when another connection commits). While they are followed a member is
//!   kept [`FOLLOWED_MEMBER_TTL`]; while they are not (before the follower starts, while its
//!   connection is down, in a process that does not follow), only [`MEMBER_TTL`].
//! - Dialogue states, and the responses being answered with their answers, written through:
//!   only in the one bot process that owns a SQLite file (nobody else writes a chat's
//!   dialogue or a member's answers there). On PostgreSQL several instances may take the same
//!   chat, so they are read from the database each time.
//!
//! Nothing here loads a whole table: each cache holds at most [`CAPACITY`] entries.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use quick_cache::sync::Cache as Lru;

use super::{Cluster, Launch, Member, Membership, Response};
use crate::domain::form::Form;
use crate::domain::form::walk::Answers;
use crate::domain::ids::{ClusterId, FormVersionId, LaunchId, ResponseId};
use crate::domain::onboarding::Dialogue;

/// How long a member read from the database is trusted while other processes' changes are
/// not followed: how long such a change can take to be seen.
pub const MEMBER_TTL: Duration = Duration::from_secs(5);

/// How long a member read from the database is trusted while other processes' changes are
/// followed. It bounds a change whose announcement never came (on PostgreSQL, an instance
/// that stopped between its write and its `NOTIFY`).
pub const FOLLOWED_MEMBER_TTL: Duration = Duration::from_secs(60);

/// How often a SQLite file is asked whether another connection committed.
pub const DATA_VERSION_EVERY: Duration = Duration::from_secs(1);

/// Entries per cache: the people active at once on a national deployment, with room.
pub const CAPACITY: usize = 20_000;

/// A member as the caller lookup needs them (`None`: no member behind that account).
#[derive(Debug, Clone)]
pub struct CachedCaller {
    pub member: Option<Member>,
    pub memberships: Vec<Membership>,
    read_at: Instant,
    epoch: Epoch,
}

/// What a cached caller was read under: the global epoch and its account's bucket's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Epoch(u64, u64);

const BUCKETS: usize = 256;

/// A chat's dialogue: the state and when it last changed; `None`: no dialogue.
pub type CachedDialogue = Option<(Dialogue, DateTime<Utc>)>;

/// Responses (with their answers) kept: the members answering at once, with room. An entry
/// is a few hundred bytes, a few kilobytes for a long form.
pub const RESPONSES: usize = 4_096;

/// A response as last written or read here, and its answers once read.
#[derive(Debug, Clone, Default)]
struct CachedResponse {
    response: Option<Response>,
    answers: Option<Answers>,
}

pub struct Cache {
    forms: Lru<FormVersionId, Arc<Form>>,
    launches: Lru<LaunchId, Launch>,
    clusters: Lru<ClusterId, Cluster>,
    callers: Lru<i64, Arc<CachedCaller>>,
    dialogues: Lru<i64, CachedDialogue>,
    responses: Lru<ResponseId, CachedResponse>,
    /// Whether dialogue states and responses may be cached (this process owns the SQLite
    /// file).
    dialogues_on: AtomicBool,
    /// Whether other processes' member changes reach this cache (see
    /// [`FOLLOWED_MEMBER_TTL`]).
    followed: AtomicBool,
    /// Raised by a write that may change any member's view (a new cluster for coordinators,
    /// a membership, a language): every cached caller older than it is read again.
    epoch: AtomicU64,
    /// Raised by a write to one account (joining, opting out): only the accounts of its
    /// bucket are read again.
    buckets: Box<[AtomicU64]>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache").finish_non_exhaustive()
    }
}

impl Default for Cache {
    fn default() -> Self {
        Self {
            forms: Lru::new(256),
            launches: Lru::new(1024),
            clusters: Lru::new(1024),
            callers: Lru::new(CAPACITY),
            dialogues: Lru::new(CAPACITY),
            responses: Lru::new(RESPONSES),
            dialogues_on: AtomicBool::new(false),
            followed: AtomicBool::new(false),
            epoch: AtomicU64::new(0),
            buckets: (0..BUCKETS).map(|_| AtomicU64::new(0)).collect(),
        }
    }
}

impl Cache {
    pub fn form(&self, form_pk: FormVersionId) -> Option<Arc<Form>> {
        self.forms.get(&form_pk)
    }

    pub fn keep_form(&self, form_pk: FormVersionId, form: Arc<Form>) {
        self.forms.insert(form_pk, form);
    }

    pub fn launch(&self, launch_id: LaunchId) -> Option<Launch> {
        self.launches.get(&launch_id)
    }

    pub fn keep_launch(&self, launch: &Launch) {
        self.launches.insert(launch.launch_id, launch.clone());
    }

    pub fn cluster(&self, cluster_id: ClusterId) -> Option<Cluster> {
        self.clusters.get(&cluster_id)
    }

    pub fn keep_cluster(&self, cluster: &Cluster) {
        self.clusters.insert(cluster.cluster_id, cluster.clone());
    }

    /// The cached caller behind a Telegram account, if still fresh.
    pub fn caller(&self, telegram_user_id: i64) -> Option<Arc<CachedCaller>> {
        let c = self.callers.get(&telegram_user_id)?;
        let ttl = if self.followed.load(Ordering::Acquire) { FOLLOWED_MEMBER_TTL } else { MEMBER_TTL };
        (c.epoch == self.epoch(telegram_user_id) && c.read_at.elapsed() < ttl).then_some(c)
    }

    /// Other processes' member changes are followed from now (`true`: every member cached
    /// until now is read again, since what changed before is not known) or no longer
    /// (`false`).
    fn follow(&self, on: bool) {
        if on {
            self.forget_callers();
        }
        self.followed.store(on, Ordering::Release);
    }

    fn bucket(&self, telegram_user_id: i64) -> &AtomicU64 {
        &self.buckets[telegram_user_id.rem_euclid(BUCKETS as i64) as usize]
    }

    /// The epoch to read a caller under, taken before reading: pass it back to
    /// [`keep_caller`](Self::keep_caller), so a read that raced a write is never trusted.
    pub fn epoch(&self, telegram_user_id: i64) -> Epoch {
        Epoch(self.epoch.load(Ordering::Acquire), self.bucket(telegram_user_id).load(Ordering::Acquire))
    }

    pub fn keep_caller(
        &self,
        telegram_user_id: i64,
        epoch: Epoch,
        member: Option<Member>,
        memberships: Vec<Membership>,
    ) {
        let entry = CachedCaller { member, memberships, read_at: Instant::now(), epoch };
        self.callers.insert(telegram_user_id, Arc::new(entry));
    }

    /// A write changed this account's member: read it again next time.
    pub fn forget_caller(&self, telegram_user_id: i64) {
        // A lookup that read before this write may still be about to keep what it read: its
        // epoch is now behind.
        self.bucket(telegram_user_id).fetch_add(1, Ordering::AcqRel);
        self.callers.remove(&telegram_user_id);
    }

    /// A write that may change any member's view: read every member again.
    pub fn forget_callers(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
    }

    pub fn cache_dialogues(&self, on: bool) {
        self.dialogues_on.store(on, Ordering::Release);
        if !on {
            self.dialogues.clear();
            self.responses.clear();
        }
    }

    /// The chat's dialogue as last written (`None`: not known here, read the database).
    pub fn dialogue(&self, chat_id: i64) -> Option<CachedDialogue> {
        if !self.dialogues_on.load(Ordering::Acquire) {
            return None;
        }
        self.dialogues.get(&chat_id)
    }

    pub fn keep_dialogue(&self, chat_id: i64, dialogue: CachedDialogue) {
        if self.dialogues_on.load(Ordering::Acquire) {
            self.dialogues.insert(chat_id, dialogue);
        }
    }

    pub fn forget_dialogue(&self, chat_id: i64) {
        self.dialogues.remove(&chat_id);
    }

    /// The response as last written or read here (`None`: read the database).
    pub fn response(&self, response_id: ResponseId) -> Option<Response> {
        if !self.dialogues_on.load(Ordering::Acquire) {
            return None;
        }
        self.responses.get(&response_id)?.response
    }

    /// Its answers as last written or read here (`None`: read the database).
    pub fn answers(&self, response_id: ResponseId) -> Option<Answers> {
        if !self.dialogues_on.load(Ordering::Acquire) {
            return None;
        }
        self.responses.get(&response_id)?.answers
    }

    /// The response as just written or read (its answers, if kept, stay).
    pub fn keep_response(&self, response: &Response) {
        if self.dialogues_on.load(Ordering::Acquire) {
            let mut entry = self.responses.get(&response.response_id).unwrap_or_default();
            entry.response = Some(response.clone());
            self.responses.insert(response.response_id, entry);
        }
    }

    /// All its answers, as just read.
    pub fn keep_answers(&self, response_id: ResponseId, answers: &Answers) {
        if self.dialogues_on.load(Ordering::Acquire) {
            let mut entry = self.responses.get(&response_id).unwrap_or_default();
            entry.answers = Some(answers.clone());
            self.responses.insert(response_id, entry);
        }
    }

    /// One answer as just written (`None`: removed). Answers not read yet stay unread.
    pub fn keep_answer(&self, response_id: ResponseId, question: &str, value: Option<&str>) {
        if let Some(mut entry) = self.responses.get(&response_id)
            && let Some(answers) = &mut entry.answers
        {
            match value {
                Some(v) => answers.insert(question.to_owned(), v.to_owned()),
                None => answers.remove(question),
            };
            self.responses.insert(response_id, entry);
        }
    }

    pub fn forget_response(&self, response_id: ResponseId) {
        self.responses.remove(&response_id);
    }
}

/// The PostgreSQL channel on which every instance tells the others which members changed:
/// a Telegram user id, or `*` for all.
pub const CHANNEL: &str = "clusterbot_members";

impl super::Store {
    /// A write changed the member behind `telegram_user_id` (`None`: possibly any member):
    /// forgotten here at once, and on PostgreSQL every other instance is told (see
    /// [`follow_member_changes`](Self::follow_member_changes)).
    pub(crate) async fn members_changed(&self, telegram_user_id: Option<i64>) -> super::Result<()> {
        match telegram_user_id {
            Some(id) => self.cache.forget_caller(id),
            None => self.cache.forget_callers(),
        }
        if let super::Db::Postgres(pool) = &self.db {
            let payload = telegram_user_id.map_or_else(|| "*".to_owned(), |id| id.to_string());
            sqlx::query("select pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(pool).await?;
        }
        Ok(())
    }

    /// Until `stop`: follows the member changes of other processes and drops what they
    /// changed from this process's cache. On PostgreSQL it listens for the other instances'
    /// `NOTIFY`; while the listening connection is down (and once it is back), every cached
    /// member is read again. On a SQLite file it asks the writer connection for
    /// `PRAGMA data_version` every [`DATA_VERSION_EVERY`]: the number moves when another
    /// connection (the command line, a tool) committed, and every cached member is then read
    /// again. This process writes only on that same connection, so its own writes do not move
    /// it. Nothing to do on an in-memory database.
    pub async fn follow_member_changes(&self, stop: impl std::future::Future<Output = ()>) {
        tokio::pin!(stop);
        match &self.db {
            super::Db::Postgres(pool) => loop {
                let listened = async {
                    let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
                    listener.listen(CHANNEL).await?;
                    // Whatever changed while nobody listened.
                    self.cache.follow(true);
                    loop {
                        let n = listener.recv().await?;
                        match n.payload().parse::<i64>() {
                            Ok(id) => self.cache.forget_caller(id),
                            Err(_) => self.cache.forget_callers(),
                        }
                    }
                    #[allow(unreachable_code)]
                    Ok::<(), sqlx::Error>(())
                };
                tokio::select! {
                    () = &mut stop => return,
                    result = listened => {
                        self.cache.follow(false);
                        self.cache.forget_callers();
                        if let Err(e) = result {
                            tracing::warn!(error = %e, "lost the member-change notifications; listening again");
                        }
                    }
                }
                tokio::select! {
                    () = &mut stop => return,
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            },
            super::Db::Sqlite(_) => {
                let Some(writer) = &self.writer else { return };
                let (mut seen, mut failing) = (None, false);
                loop {
                    match sqlx::query_scalar::<_, i64>("pragma data_version").fetch_one(writer).await {
                        Ok(version) if seen.is_none() => {
                            // Whatever changed before the first reading.
                            self.cache.follow(true);
                            seen = Some(version);
                        }
                        Ok(version) if seen != Some(version) => {
                            self.cache.forget_callers();
                            seen = Some(version);
                        }
                        Ok(_) => {}
                        Err(e) => {
                            if !failing {
                                tracing::warn!(error = %e, "could not ask the database for other processes' changes; asking again");
                            }
                            self.cache.follow(false);
                            seen = None;
                        }
                    }
                    failing = seen.is_none();
                    tokio::select! {
                        () = &mut stop => return,
                        () = tokio::time::sleep(DATA_VERSION_EVERY) => {}
                    }
                }
            }
        }
    }
}
