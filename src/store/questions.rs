//! "🙋 Ask my CDA": a member's question (text or voice) to the CDAs of their cluster, the
//! messages that carried it to each CDA (a reply to one of them answers it), and the answer.
//! Asking queues one outbox row per reachable CDA, in the same transaction; an answer queues
//! one row back to the member. A question nobody could be sent is kept and listed.

use chrono::{DateTime, Utc};

use super::{Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::ids::{ClusterId, MediaId, MemberId, OutboxId, QuestionId};

/// A question with what a CDA or the member reads of it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Question {
    pub question_id: QuestionId,
    pub cluster_id: ClusterId,
    pub member_id: MemberId,
    /// The member's name as the CDAs know it (empty while only spoken, `None` once forgotten).
    pub display_name: Option<String>,
    /// Whether the member's name is a voice note.
    pub name_spoken: bool,
    pub cooperative_name: Option<String>,
    pub cluster_name: String,
    pub body: Option<String>,
    /// The voice note, relative to the data directory.
    pub media_path: Option<String>,
    pub transcript: Option<String>,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    pub answered_by: Option<String>,
    pub answer_body: Option<String>,
    pub answer_media_path: Option<String>,
}

const QUESTION_COLUMNS: &str = "q.question_id, q.cluster_id, q.member_id, p.display_name, \
     p.name_media_file_id is not null as name_spoken, k.name as cooperative_name, c.name as cluster_name, \
     q.body, f.path as media_path, f.transcript, q.created_at, q.answered_at, a.display_name as answered_by, \
     q.answer_body, af.path as answer_media_path";

const QUESTION_FROM: &str = "from cda_question q join member p on p.member_id = q.member_id \
     join cluster c on c.cluster_id = q.cluster_id \
     left join membership m on m.member_id = q.member_id and m.cluster_id = q.cluster_id \
     left join cooperative k on k.cooperative_id = m.cooperative_id \
     left join media_file f on f.media_file_id = q.media_file_id \
     left join member a on a.member_id = q.answered_by_member_id \
     left join media_file af on af.media_file_id = q.answer_media_file_id";

/// What asking did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub question_id: QuestionId,
    /// CDAs it is on its way to (0: kept until a CDA lists it).
    pub cdas: usize,
}

impl Store {
    /// Keeps a member's question and queues it to every CDA of the cluster who can be
    /// written to, in one transaction.
    pub async fn ask_cda(
        &self,
        cluster_id: ClusterId,
        member_id: MemberId,
        body: Option<&str>,
        media_file_id: Option<MediaId>,
    ) -> Result<Asked> {
        let at = now();
        Ok(on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let question_id: QuestionId = sqlx::query_scalar(
                "insert into cda_question (cluster_id, member_id, body, media_file_id, created_at) \
                 values ($1, $2, $3, $4, $5) returning question_id",
            )
            .bind(cluster_id)
            .bind(member_id)
            .bind(body)
            .bind(media_file_id)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            let queued = sqlx::query(
                "insert into outbox (question_id, member_id, kind, due_at, created_at) \
                 select $1, m.member_id, 'question', $2, $2 from membership m join member p on p.member_id = m.member_id \
                 where m.cluster_id = $3 and m.role = 'cda' and m.member_id <> $4 and p.chat_id is not null \
                 and p.opted_out_at is null and p.forgotten_at is null",
            )
            .bind(question_id)
            .bind(at)
            .bind(cluster_id)
            .bind(member_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Asked { question_id, cdas: queued as usize }
        }))
    }

    pub async fn question(&self, question_id: QuestionId) -> Result<Question> {
        let sql = format!("select {QUESTION_COLUMNS} {QUESTION_FROM} where q.question_id = $1");
        on_pool!(self, pool => sqlx::query_as(&sql).bind(question_id).fetch_optional(pool).await)?
            .ok_or(StoreError::NotFound("question"))
    }

    /// The latest questions of a cluster, newest first.
    pub async fn questions(&self, cluster_id: ClusterId, limit: i64) -> Result<Vec<Question>> {
        let sql = format!(
            "select {QUESTION_COLUMNS} {QUESTION_FROM} where q.cluster_id = $1 \
             order by q.answered_at is not null, q.question_id desc limit $2"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(cluster_id).bind(limit).fetch_all(pool).await)?)
    }

    /// Remembers that `message_id` in `chat_id` carries the question: a reply to it answers.
    pub async fn question_message(
        &self,
        question_id: QuestionId,
        chat_id: i64,
        message_id: i64,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into cda_question_message (question_id, chat_id, message_id, created_at) values ($1, $2, $3, $4) \
             on conflict (chat_id, message_id) do nothing",
        )
        .bind(question_id)
        .bind(chat_id)
        .bind(message_id)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The question a message of the bot in this chat carried, if any.
    pub async fn question_by_message(&self, chat_id: i64, message_id: i64) -> Result<Option<QuestionId>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select question_id from cda_question_message where chat_id = $1 and message_id = $2",
        )
        .bind(chat_id)
        .bind(message_id)
        .fetch_optional(pool)
        .await)?)
    }

    /// A CDA's answer: kept on the question (a later answer replaces it) and queued to the
    /// member, in one transaction.
    pub async fn answer_question(
        &self,
        question_id: QuestionId,
        cda: MemberId,
        body: Option<&str>,
        media_file_id: Option<MediaId>,
    ) -> Result<OutboxId> {
        let at = now();
        Ok(on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let member_id: MemberId = sqlx::query_scalar(
                "update cda_question set answered_at = $1, answered_by_member_id = $2, answer_body = $3, \
                 answer_media_file_id = $4 where question_id = $5 returning member_id",
            )
            .bind(at)
            .bind(cda)
            .bind(body)
            .bind(media_file_id)
            .bind(question_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound("question"))?;
            let outbox_id: OutboxId = sqlx::query_scalar(
                "insert into outbox (question_id, member_id, kind, due_at, created_at) values ($1, $2, 'answer', $3, $3) \
                 returning outbox_id",
            )
            .bind(question_id)
            .bind(member_id)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            outbox_id
        }))
    }
}
