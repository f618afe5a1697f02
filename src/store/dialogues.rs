//! Dialogue state, one row per chat, so a conversation survives a restart.

use chrono::{DateTime, Utc};

use super::{Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::ids::{InviteId, ResponseId};
use crate::domain::onboarding::{Dialogue, LostDialogue, Resumed};

/// Reads what it can of a state that no longer decodes: its kind and the ids that say where
/// the member was.
fn lost_dialogue(raw: &str) -> LostDialogue {
    let value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    let id = |key: &str| value.get(key).and_then(serde_json::Value::as_i64);
    LostDialogue {
        kind: value.get("dialogue").and_then(|k| k.as_str()).map(str::to_owned),
        invite_id: id("invite_id").map(InviteId),
        response_id: id("response_id").map(ResponseId),
        locale: value.get("locale").and_then(|l| l.as_str()).and_then(|l| l.parse().ok()),
    }
}

impl Store {
    /// The chat's dialogue, if any. A state that no longer reads counts as none (the entry
    /// points drop it with [`resume_dialogue`](Self::resume_dialogue) before anyone asks).
    pub async fn dialogue(&self, chat_id: i64) -> Result<Option<Dialogue>> {
        Ok(match self.resume_dialogue_row(chat_id).await? {
            Resumed::In(d) => Some(d),
            Resumed::Idle | Resumed::Lost(_) => None,
        })
    }

    /// The chat's dialogue as the update's entry point reads it: a stored state that no
    /// longer decodes (an upgrade changed it) is deleted, and what can still be told of
    /// where the member was is returned, so the chat is never stuck on it.
    pub async fn resume_dialogue(&self, chat_id: i64) -> Result<Resumed> {
        let resumed = self.resume_dialogue_row(chat_id).await?;
        if matches!(resumed, Resumed::Lost(_)) {
            self.clear_dialogue(chat_id).await?;
        }
        Ok(resumed)
    }

    async fn resume_dialogue_row(&self, chat_id: i64) -> Result<Resumed> {
        match self.dialogue_row(chat_id).await? {
            None => Ok(Resumed::Idle),
            Some(Ok((d, _))) => Ok(Resumed::In(d)),
            Some(Err(lost)) => Ok(Resumed::Lost(lost)),
        }
    }

    /// The chat's stored state and when it changed: from memory where this process is the
    /// only writer (see [`super::cache`]), else from the database.
    async fn dialogue_row(
        &self,
        chat_id: i64,
    ) -> Result<Option<std::result::Result<(Dialogue, DateTime<Utc>), LostDialogue>>> {
        if let Some(cached) = self.cache.dialogue(chat_id) {
            return Ok(cached.map(Ok));
        }
        let row: Option<(String, DateTime<Utc>)> = on_pool!(self, pool => sqlx::query_as(
            "select state, updated_at from dialogue_state where chat_id = $1",
        )
        .bind(chat_id)
        .fetch_optional(pool)
        .await)?;
        let Some((raw, at)) = row else {
            self.cache.keep_dialogue(chat_id, None);
            return Ok(None);
        };
        Ok(Some(match serde_json::from_str::<Dialogue>(&raw) {
            Ok(d) => {
                self.cache.keep_dialogue(chat_id, Some((d.clone(), at)));
                Ok((d, at))
            }
            Err(e) => {
                let lost = lost_dialogue(&raw);
                tracing::warn!(
                    kind = lost.kind.as_deref().unwrap_or("unreadable"),
                    error = %e,
                    "a stored dialogue no longer decodes; it is dropped and the member is asked again"
                );
                Err(lost)
            }
        }))
    }

    /// Puts the chat in `dialogue`. Writing the state it is already in is skipped, unless the
    /// state lives only for a while after its last change (then the change is its time).
    pub async fn set_dialogue(&self, chat_id: i64, dialogue: &Dialogue) -> Result<()> {
        if dialogue.lifetime().is_none()
            && let Some(Some((current, _))) = self.cache.dialogue(chat_id)
            && current == *dialogue
        {
            return Ok(());
        }
        let json = serde_json::to_string(dialogue).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let at = now();
        on_write!(self, pool => sqlx::query(
            "insert into dialogue_state (chat_id, state, updated_at) values ($1, $2, $3) \
             on conflict (chat_id) do update set state = excluded.state, updated_at = excluded.updated_at",
        )
        .bind(chat_id)
        .bind(json)
        .bind(at)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        self.cache.keep_dialogue(chat_id, Some((dialogue.clone(), at)));
        Ok(())
    }

    /// When the chat's dialogue last changed.
    pub async fn dialogue_updated_at(&self, chat_id: i64) -> Result<Option<DateTime<Utc>>> {
        Ok(match self.dialogue_row(chat_id).await? {
            Some(Ok((_, at))) => Some(at),
            _ => None,
        })
    }

    pub async fn clear_dialogue(&self, chat_id: i64) -> Result<()> {
        if let Some(None) = self.cache.dialogue(chat_id) {
            return Ok(());
        }
        on_write!(self, pool => sqlx::query("delete from dialogue_state where chat_id = $1")
            .bind(chat_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        self.cache.keep_dialogue(chat_id, None);
        Ok(())
    }
}
