//! Dialogue state, one row per chat, so a conversation survives a restart.

use super::{Result, Store, StoreError, now, on_pool};
use crate::domain::onboarding::Dialogue;

impl Store {
    pub async fn dialogue(&self, chat_id: i64) -> Result<Option<Dialogue>> {
        let raw: Option<String> = on_pool!(self, pool => sqlx::query_scalar(
            "select state from dialogue_state where chat_id = $1",
        )
        .bind(chat_id)
        .fetch_optional(pool)
        .await)?;
        raw.map(|s| {
            serde_json::from_str(&s)
                .map_err(|e| StoreError::Corrupt(format!("dialogue of chat {chat_id}: {e}")))
        })
        .transpose()
    }

    pub async fn set_dialogue(&self, chat_id: i64, dialogue: &Dialogue) -> Result<()> {
        let json = serde_json::to_string(dialogue).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        on_pool!(self, pool => sqlx::query(
            "insert into dialogue_state (chat_id, state, updated_at) values ($1, $2, $3) \
             on conflict (chat_id) do update set state = excluded.state, updated_at = excluded.updated_at",
        )
        .bind(chat_id)
        .bind(json)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// When the chat's dialogue last changed.
    pub async fn dialogue_updated_at(&self, chat_id: i64) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("select updated_at from dialogue_state where chat_id = $1")
            .bind(chat_id)
            .fetch_optional(pool)
            .await)?,
        )
    }

    pub async fn clear_dialogue(&self, chat_id: i64) -> Result<()> {
        on_pool!(self, pool => sqlx::query("delete from dialogue_state where chat_id = $1")
            .bind(chat_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }
}
