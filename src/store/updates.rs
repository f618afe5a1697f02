//! Which Telegram updates were handled already. getUpdates re-delivers everything after
//! the last confirmed offset, so after a crash the same update can arrive twice.

use chrono::Duration;

use super::{Result, Store, now, on_pool, on_write};

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
