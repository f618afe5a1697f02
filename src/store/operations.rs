//! What the operator's metrics read from the database: the same for every instance.

use chrono::{DateTime, Utc};

use super::transcripts::MAX_TRANSCRIBE_ATTEMPTS;
use super::{Result, Store, on_pool};

/// Queues that work their way down, as seen at one instant.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Operations {
    /// Outbox messages due and not yet sent, by kind.
    pub outbox_due: Vec<(String, i64)>,
    /// When the oldest of them was due.
    pub outbox_oldest_due: Option<DateTime<Utc>>,
    /// Voice notes without a transcript that will still be tried.
    pub transcription_queue: i64,
    /// Updates whose handling failed inside the bot, kept for an operator to look at.
    pub failed_updates: i64,
}

impl Store {
    pub async fn operations(&self, now: DateTime<Utc>) -> Result<Operations> {
        on_pool!(self, pool => {
            let outbox_due: Vec<(String, i64)> = sqlx::query_as(
                "select kind, count(*) from outbox where state = 'pending' and due_at <= $1 group by kind order by kind",
            )
            .bind(now)
            .fetch_all(pool)
            .await?;
            let outbox_oldest_due: Option<DateTime<Utc>> =
                sqlx::query_scalar("select min(due_at) from outbox where state = 'pending' and due_at <= $1")
                    .bind(now)
                    .fetch_one(pool)
                    .await?;
            let transcription_queue: i64 = sqlx::query_scalar(
                "select count(*) from media_file where kind = 'voice' and transcript is null and transcribe_attempts < $1",
            )
            .bind(MAX_TRANSCRIBE_ATTEMPTS)
            .fetch_one(pool)
            .await?;
            let failed_updates: i64 =
                sqlx::query_scalar("select count(*) from failed_update").fetch_one(pool).await?;
            Ok(Operations { outbox_due, outbox_oldest_due, transcription_queue, failed_updates })
        })
    }
}
