//! Transcripts of voice notes (optional, see `jobs::transcribe`): kept on the `media_file`
//! row next to the audio, with the language the transcriber recognised. Voice notes without
//! a transcript are claimed one at a time, so two bot processes never send the same file;
//! a failure is tried again later, less often each time, and given up after
//! [`MAX_TRANSCRIBE_ATTEMPTS`].

use chrono::{DateTime, Duration, Utc};

use super::{Db, Result, Store, on_pool, on_write};
use crate::domain::ids::MediaId;

/// Attempts per voice note before it is given up.
pub const MAX_TRANSCRIBE_ATTEMPTS: i64 = 6;

/// How long a claim holds a file: another process takes it over only after this (when the
/// process that claimed it died mid-request). Longer than the client's timeout.
pub const TRANSCRIBE_LEASE: Duration = Duration::minutes(10);

/// The wait after the 1st, 2nd, … failed attempt.
pub fn transcribe_backoff(attempts: i64) -> Option<Duration> {
    match attempts {
        1 => Some(Duration::minutes(1)),
        2 => Some(Duration::minutes(5)),
        3 => Some(Duration::minutes(30)),
        4 => Some(Duration::hours(2)),
        5 => Some(Duration::hours(12)),
        _ => None,
    }
}

/// A voice note claimed for transcription.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TranscriptJob {
    pub media_file_id: MediaId,
    /// Relative to the data directory.
    pub path: String,
    /// Including this one.
    pub attempts: i64,
}

/// Where a file stands with its transcript.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TranscriptState {
    pub media_file_id: MediaId,
    pub kind: String,
    pub transcript: Option<String>,
    pub transcript_language: Option<String>,
    pub transcribed_at: Option<DateTime<Utc>>,
    pub transcribe_attempts: i64,
    pub transcribe_error: Option<String>,
    pub next_transcribe_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Claims the oldest voice note that still needs a transcript and whose time has come at
    /// `now`: counts the attempt and holds the file for [`TRANSCRIBE_LEASE`], in the same
    /// statement that picks it.
    pub async fn claim_transcription(&self, now: DateTime<Utc>) -> Result<Option<TranscriptJob>> {
        const SET: &str =
            "update media_file set next_transcribe_at = $2, transcribe_attempts = transcribe_attempts + 1";
        const DUE: &str = "select media_file_id from media_file where kind = 'voice' and transcript is null \
             and transcribe_attempts < $3 and (next_transcribe_at is null or next_transcribe_at <= $1) \
             order by media_file_id limit 1";
        const RETURNING: &str = "returning media_file_id, path, transcribe_attempts as attempts";
        let lease = now + TRANSCRIBE_LEASE;
        let job = match &self.db {
            Db::Postgres(pool) => {
                sqlx::query_as(&format!(
                    "{SET} where media_file_id = ({DUE} for update skip locked) {RETURNING}"
                ))
                .bind(now)
                .bind(lease)
                .bind(MAX_TRANSCRIBE_ATTEMPTS)
                .fetch_optional(pool)
                .await?
            }
            Db::Sqlite(pool) => {
                // SQLite runs one writer at a time: the statement alone is atomic.
                sqlx::query_as(&format!("{SET} where media_file_id = ({DUE}) {RETURNING}"))
                    .bind(now)
                    .bind(lease)
                    .bind(MAX_TRANSCRIBE_ATTEMPTS)
                    .fetch_optional(self.sqlite_writer(pool))
                    .await?
            }
        };
        Ok(job)
    }

    /// Stores the transcript and the language it was recognised in; the file is done.
    pub async fn save_transcript(
        &self,
        media_file_id: MediaId,
        text: &str,
        language: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "update media_file set transcript = $1, transcript_language = $2, transcribed_at = $3, \
             transcribe_error = null, next_transcribe_at = null where media_file_id = $4",
        )
        .bind(text)
        .bind(language)
        .bind(at)
        .bind(media_file_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Records a failed attempt (the `attempts`-th): tried again after
    /// [`transcribe_backoff`], or never again after the last attempt.
    pub async fn transcript_failed(
        &self,
        media_file_id: MediaId,
        attempts: i64,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let next = transcribe_backoff(attempts).map(|wait| now + wait);
        self.set_transcribe_failure(media_file_id, None, error, next).await
    }

    /// Records a failure that trying again cannot mend (the audio file is gone): the file is
    /// not tried again.
    pub async fn transcript_given_up(&self, media_file_id: MediaId, error: &str) -> Result<()> {
        self.set_transcribe_failure(media_file_id, Some(MAX_TRANSCRIBE_ATTEMPTS), error, None).await
    }

    async fn set_transcribe_failure(
        &self,
        media_file_id: MediaId,
        attempts: Option<i64>,
        error: &str,
        next: Option<DateTime<Utc>>,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "update media_file set transcribe_error = $1, next_transcribe_at = $2, \
             transcribe_attempts = coalesce($3, transcribe_attempts) where media_file_id = $4 and transcript is null",
        )
        .bind(error)
        .bind(next)
        .bind(attempts)
        .bind(media_file_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The transcript of a file and its language, when it has one (for exports).
    pub async fn transcript_of(&self, media_file_id: MediaId) -> Result<Option<(String, Option<String>)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select transcript, transcript_language from media_file where media_file_id = $1 and transcript is not null",
        )
        .bind(media_file_id)
        .fetch_optional(pool)
        .await)?)
    }

    /// Everything about a file's transcription, for checks and reports.
    pub async fn transcript_state(&self, media_file_id: MediaId) -> Result<Option<TranscriptState>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select media_file_id, kind, transcript, transcript_language, transcribed_at, transcribe_attempts, \
             transcribe_error, next_transcribe_at from media_file where media_file_id = $1",
        )
        .bind(media_file_id)
        .fetch_optional(pool)
        .await)?)
    }
}
