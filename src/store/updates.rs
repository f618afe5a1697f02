//! Which Telegram updates were handled already. getUpdates re-delivers everything after
//! the last confirmed offset, so after a crash the same update can arrive twice.

use chrono::Duration;

use super::{Result, Store, now, on_pool};

impl Store {
    /// Claims an update for handling. Returns `false` when it was claimed before (by this
    /// process before a restart, or by another process on the same database).
    pub async fn claim_update(&self, update_id: i64) -> Result<bool> {
        let n = on_pool!(self, pool => sqlx::query(
            "insert into processed_update (update_id, created_at) values ($1, $2) \
             on conflict (update_id) do nothing",
        )
        .bind(update_id)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Forgets claims older than `age`; Telegram keeps undelivered updates for 24 hours.
    pub async fn prune_updates(&self, age: Duration) -> Result<u64> {
        Ok(on_pool!(self, pool => sqlx::query("delete from processed_update where created_at < $1")
            .bind(now() - age)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?)
    }
}
