//! Speech synthesis's memory: each (text, language, voice) spoken once, then sent again by
//! the Telegram file id its first sending returned.

use sha2::{Digest, Sha256};

use super::{Result, Store, now, on_pool, on_write};
use crate::domain::Locale;

fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// The Telegram file id of `text` already spoken in `locale` with `voice`.
    pub async fn spoken_file_id(&self, text: &str, locale: Locale, voice: &str) -> Result<Option<String>> {
        let found: Option<Option<String>> = on_pool!(self, pool => sqlx::query_scalar(
            "select telegram_file_id from spoken_text where text_hash = $1 and locale = $2 and voice = $3",
        )
        .bind(hash(text))
        .bind(locale.code())
        .bind(voice)
        .fetch_optional(pool)
        .await)?;
        Ok(found.flatten())
    }

    /// Keeps the file id of a text just spoken and sent.
    pub async fn keep_spoken(&self, text: &str, locale: Locale, voice: &str, file_id: &str) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into spoken_text (text_hash, locale, voice, body, telegram_file_id, created_at) \
             values ($1, $2, $3, $4, $5, $6) on conflict (text_hash, locale, voice) \
             do update set telegram_file_id = excluded.telegram_file_id",
        )
        .bind(hash(text))
        .bind(locale.code())
        .bind(voice)
        .bind(text)
        .bind(file_id)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// How many texts were synthesised (for tests and operators).
    pub async fn spoken_count(&self) -> Result<i64> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("select count(*) from spoken_text").fetch_one(pool).await)?,
        )
    }
}
