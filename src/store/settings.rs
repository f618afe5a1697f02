//! Small facts the bot learns at run time, such as its own username.

use super::{Result, Store, now, on_pool, on_write};

pub const BOT_USERNAME: &str = "bot_username";

impl Store {
    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar("select value from bot_setting where key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await)?)
    }

    /// Claims a one-time key (e.g. a button on one message): true the first time only, so a
    /// double tap — or two processes — cannot do the same thing twice.
    pub async fn claim_key(&self, key: &str) -> Result<bool> {
        let n = on_write!(self, pool => sqlx::query(
            "insert into bot_setting (key, value, updated_at) values ($1, 'claimed', $2) on conflict (key) do nothing",
        )
        .bind(key)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into bot_setting (key, value, updated_at) values ($1, $2, $3) \
             on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(key)
        .bind(value)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }
}
