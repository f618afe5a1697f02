//! Which Telegram updates were handled already. getUpdates re-delivers everything after
//! the last confirmed offset, so after a crash the same update can arrive twice.

use std::collections::HashSet;
use std::sync::PoisonError;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Duration;
use sqlx::PgPool;

use super::{Db, Result, Store, StoreError, now, on_pool, on_write};

/// Claims per statement, at most.
const CLAIM_BATCH: usize = 500;

type Waiter = (i64, tokio::sync::oneshot::Sender<std::result::Result<bool, String>>);

/// The claims waiting for the next batch (see [`Store::claim_update`]).
#[derive(Debug, Default)]
pub(crate) struct Claims {
    waiting: std::sync::Mutex<Vec<Waiter>>,
    /// A task is claiming what waits.
    draining: AtomicBool,
    /// PostgreSQL: two connections whose commits do not wait for the disk, for claims only.
    pub(crate) pool: Option<PgPool>,
}

impl Claims {
    pub(crate) fn new(pool: Option<PgPool>) -> Self {
        Self { pool, ..Default::default() }
    }
}

/// Should a drain panic, the next claim starts another (which also takes what this one left).
struct DrainGuard<'a>(&'a Claims);

impl Drop for DrainGuard<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.draining.store(false, Ordering::Release);
        }
    }
}

/// Tells each waiter whether its update is theirs: claimed if the batch inserted its id (the
/// first waiter of an id only, should the same update be waited on twice), or the error.
fn answer_waiters(waiters: Vec<Waiter>, claimed: Result<HashSet<i64>>) {
    let mut claimed = claimed.map_err(|e| e.to_string());
    for (id, tx) in waiters {
        let answer = match &mut claimed {
            Ok(ids) => Ok(ids.remove(&id)),
            Err(e) => Err(e.clone()),
        };
        let _ = tx.send(answer);
    }
}

impl Store {
    /// Claims an update for handling. Returns `false` when it was claimed before (by this
    /// process before a restart, or by another process on the same database).
    ///
    /// The claim alone acknowledges nothing, so its commit does not wait for the disk (on
    /// SQLite it skips the group flush, on PostgreSQL it runs with `synchronous_commit = off`):
    /// the first write of the update that does wait takes it to disk too, since both logs keep
    /// commits in order; a claim lost in a power cut goes with everything after it, and
    /// Telegram's re-delivery is then handled as new.
    ///
    /// Claims are batched: the updates that arrive while a claim statement runs are claimed
    /// together by the next one (one statement for a whole `getUpdates` batch under load, at
    /// once when idle), in a task of its own, so a caller that gives up cannot strand the
    /// others.
    pub async fn claim_update(&self, update_id: i64) -> Result<bool> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.claims.waiting.lock().unwrap_or_else(PoisonError::into_inner).push((update_id, tx));
        if !self.claims.draining.swap(true, Ordering::AcqRel) {
            let store = self.clone();
            tokio::spawn(async move { store.drain_claims().await });
        }
        match rx.await {
            Ok(Ok(claimed)) => Ok(claimed),
            Ok(Err(e)) => Err(StoreError::Database(sqlx::Error::Protocol(format!("claiming updates: {e}")))),
            Err(_) => Err(StoreError::Database(sqlx::Error::Protocol("the claim batch was dropped".into()))),
        }
    }

    /// Claims what waits, batch after batch, until nothing does.
    async fn drain_claims(&self) {
        let _guard = DrainGuard(&self.claims);
        loop {
            let batch =
                std::mem::take(&mut *self.claims.waiting.lock().unwrap_or_else(PoisonError::into_inner));
            if batch.is_empty() {
                self.claims.draining.store(false, Ordering::Release);
                // A claim that came after the take saw a drain running: take it, unless a
                // new drain already has.
                let more = !self.claims.waiting.lock().unwrap_or_else(PoisonError::into_inner).is_empty();
                if more && !self.claims.draining.swap(true, Ordering::AcqRel) {
                    continue;
                }
                return;
            }
            let mut batch = batch;
            while !batch.is_empty() {
                let rest = batch.split_off(batch.len().min(CLAIM_BATCH));
                let ids: Vec<i64> = batch.iter().map(|(id, _)| *id).collect();
                answer_waiters(batch, self.claim_batch(&ids).await);
                batch = rest;
            }
        }
    }

    /// One statement for many claims: the ids it inserted (those not claimed before).
    async fn claim_batch(&self, ids: &[i64]) -> Result<HashSet<i64>> {
        let inserted: Vec<i64> = match (&self.claims.pool, &self.db) {
            // PostgreSQL: on the claims' own connections (the main pool only if there are none).
            (Some(pool), _) | (None, Db::Postgres(pool)) => {
                sqlx::query_scalar(
                    "insert into processed_update (update_id, created_at) select unnest($1::bigint[]), $2 \
                 on conflict (update_id) do nothing returning update_id",
                )
                .bind(ids)
                .bind(now())
                .fetch_all(pool)
                .await?
            }
            // `where true`: SQLite's upsert after a select needs a where clause to parse.
            (None, Db::Sqlite(pool)) => sqlx::query_scalar(
                "insert into processed_update (update_id, created_at) select value, $2 from json_each($1) \
                 where true on conflict (update_id) do nothing returning update_id",
            )
            .bind(serde_json::to_string(ids).map_err(|e| StoreError::Corrupt(e.to_string()))?)
            .bind(now())
            .fetch_all(self.sqlite_writer(pool))
            .await?,
        };
        Ok(inserted.into_iter().collect())
    }

    /// Forgets claims older than `age`; Telegram keeps undelivered updates for 24 hours.
    pub async fn prune_updates(&self, age: Duration) -> Result<u64> {
        Ok(on_write!(self, pool => sqlx::query("delete from processed_update where created_at < $1")
            .bind(now() - age)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?)
    }

    /// Keeps an update whose handling failed inside the bot, so what the member sent is not
    /// lost (the first failure of an update is kept; a retry of it changes nothing).
    pub async fn keep_failed_update(
        &self,
        update_id: i64,
        chat_id: i64,
        payload: &str,
        error: &str,
    ) -> Result<()> {
        let sql = match self.backend() {
            super::Backend::Sqlite => {
                "insert into failed_update (update_id, chat_id, payload, error, failed_at) \
                 values ($1, $2, $3, $4, $5) on conflict (update_id) do nothing"
            }
            super::Backend::Postgres => {
                "insert into failed_update (update_id, chat_id, payload, error, failed_at) \
                 values ($1, $2, $3::jsonb, $4, $5) on conflict (update_id) do nothing"
            }
        };
        on_write!(self, pool => sqlx::query(sql)
            .bind(update_id)
            .bind(chat_id)
            .bind(payload)
            .bind(error)
            .bind(now())
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The kept failed updates of a chat, oldest first: (update id, payload as JSON text).
    pub async fn failed_updates(&self, chat_id: i64) -> Result<Vec<(i64, String)>> {
        let sql = match self.backend() {
            super::Backend::Sqlite => {
                "select update_id, payload from failed_update where chat_id = $1 order by failed_at"
            }
            super::Backend::Postgres => {
                "select update_id, payload::text from failed_update where chat_id = $1 order by failed_at"
            }
        };
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(chat_id).fetch_all(pool).await)?)
    }

    /// Forgets failed updates older than `age`.
    pub async fn prune_failed_updates(&self, age: Duration) -> Result<u64> {
        Ok(on_write!(self, pool => sqlx::query("delete from failed_update where failed_at < $1")
            .bind(now() - age)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?)
    }
}
