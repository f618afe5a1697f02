//! Small facts the bot learns at run time, such as its own username.

use super::{Result, Store, now, on_pool};

pub const BOT_USERNAME: &str = "bot_username";

impl Store {
    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar("select value from bot_setting where key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await)?)
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        on_pool!(self, pool => sqlx::query(
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
