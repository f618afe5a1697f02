//! The one outbox: every message the bot sends on its own initiative — meeting invitations,
//! reminders and notices, questionnaire invitations and reminders, joint-action check-ins —
//! is a row here, written in the same transaction as the fact that causes it, and delivered
//! by the one sender (`jobs::outbox`). Each row names exactly one subject: a meeting, a
//! response (questionnaire) or a joint action.

use chrono::{DateTime, Duration, Utc};

use super::{Db, Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::ids::{
    ActionId, FormVersionId, LaunchId, MeetingId, MemberId, OutboxId, QuestionId, ResponseId,
};
use crate::domain::{Gender, Locale};

/// A claimed outbox row with what is needed to write the message.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OutboxItem {
    pub outbox_id: OutboxId,
    pub meeting_id: Option<MeetingId>,
    pub response_id: Option<ResponseId>,
    pub action_id: Option<ActionId>,
    pub question_id: Option<QuestionId>,
    pub member_id: MemberId,
    pub kind: String,
    pub offset_minutes: i64,
    pub due_at: DateTime<Utc>,
    pub attempts: i64,
}

/// A member as the sender writes to them.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Address {
    pub chat_id: Option<i64>,
    pub telegram_user_id: Option<i64>,
    pub locale: Option<Locale>,
    /// The addressee's gender, which the words agree with.
    pub gender: Option<Gender>,
    pub opted_out: bool,
}

/// What a questionnaire invitation or reminder needs, read at the moment it is sent.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FormDelivery {
    pub chat_id: Option<i64>,
    pub telegram_user_id: Option<i64>,
    pub locale: Option<Locale>,
    pub gender: Option<Gender>,
    pub cluster_locale: Locale,
    pub timezone: String,
    pub opted_out: bool,
    pub form_pk: FormVersionId,
    pub status: String,
    pub deadline_at: Option<DateTime<Utc>>,
}

/// Queues a questionnaire row (an invitation or a reminder) inside a transaction.
macro_rules! queue_form_row {
    ($tx:expr, $response:expr, $member:expr, $kind:expr, $at:expr) => {
        sqlx::query(
            "insert into outbox (response_id, member_id, kind, due_at, created_at) values ($1, $2, $3, $4, $4)",
        )
        .bind($response)
        .bind($member)
        .bind($kind)
        .bind($at)
        .execute(&mut *$tx)
        .await?
    };
}
pub(crate) use queue_form_row;

/// Held by the one process whose sender delivers the outbox. On PostgreSQL it is a session
/// advisory lock on a connection of its own: when the process dies, the connection closes,
/// the lock is released, and another process's sender takes over.
pub struct SenderLease {
    conn: Option<sqlx::PgConnection>,
    owns_file: bool,
}

/// The advisory lock's key ("clusterbot outbox").
const SENDER_LOCK: i64 = 0x636c_7573_6f75_7462;

impl SenderLease {
    /// Whether the lease still holds (its connection answers).
    pub async fn alive(&mut self) -> bool {
        match &mut self.conn {
            None => true,
            Some(conn) => sqlx::query("select 1").execute(&mut *conn).await.is_ok(),
        }
    }

    /// Whether the lease excludes every other sender: the advisory lock on PostgreSQL, the
    /// database file's lock on SQLite.
    pub fn exclusive(&self) -> bool {
        self.conn.is_some() || self.owns_file
    }
}

impl Store {
    /// Tries to become the deployment's sender. `None`: another process is it.
    pub async fn sender_lease(&self) -> Result<Option<SenderLease>> {
        match &self.db {
            Db::Sqlite(_) => Ok(Some(SenderLease { conn: None, owns_file: self.owns_database_file() })),
            Db::Postgres(pool) => {
                let mut conn = pool.acquire().await?.detach();
                let won: bool = sqlx::query_scalar("select pg_try_advisory_lock($1)")
                    .bind(SENDER_LOCK)
                    .fetch_one(&mut conn)
                    .await?;
                Ok(won.then_some(SenderLease { conn: Some(conn), owns_file: false }))
            }
        }
    }

    /// Claims the next due message for `worker` and marks it as being sent, in one
    /// statement, right before its request leaves.
    pub async fn claim_outbox(&self, worker: &str, at: DateTime<Utc>) -> Result<Option<OutboxItem>> {
        const RETURNING: &str = "returning outbox_id, meeting_id, response_id, action_id, question_id, member_id, kind, \
             offset_minutes, due_at, attempts";
        let lock = match self.db {
            Db::Postgres(_) => " for update skip locked",
            Db::Sqlite(_) => "",
        };
        let sql = format!(
            "update outbox set state = 'sending', claimed_by = $1, claimed_at = $2, attempts = attempts + 1 \
             where outbox_id = (select outbox_id from outbox where state = 'pending' and due_at <= $2 \
             order by due_at, outbox_id limit 1{lock}) {RETURNING}"
        );
        Ok(on_write!(self, pool => sqlx::query_as(&sql).bind(worker).bind(at).fetch_optional(pool).await)?)
    }

    async fn set_outbox_state(
        &self,
        outbox_id: OutboxId,
        state: &str,
        error: Option<&str>,
        due_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "update outbox set state = $1, last_error = coalesce($2, last_error), due_at = coalesce($3, due_at), \
             sent_at = case when $1 = 'sent' then $4 else sent_at end where outbox_id = $5",
        )
        .bind(state)
        .bind(error)
        .bind(due_at)
        .bind(now())
        .bind(outbox_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Telegram accepted the message. A questionnaire invitation also marks its response
    /// as invited, and a question to a CDA remembers the message that carried it (`sent`:
    /// chat and message id), in the same transaction.
    pub async fn outbox_sent(&self, outbox_id: OutboxId, sent: Option<(i64, i64)>) -> Result<()> {
        let at = now();
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("update outbox set state = 'sent', sent_at = $1 where outbox_id = $2")
                .bind(at)
                .bind(outbox_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "update response set invited_at = $1 where response_id = \
                 (select response_id from outbox where outbox_id = $2 and kind = 'form_invitation')",
            )
            .bind(at)
            .bind(outbox_id)
            .execute(&mut *tx)
            .await?;
            if let Some((chat_id, message_id)) = sent {
                sqlx::query(
                    "insert into cda_question_message (question_id, chat_id, message_id, created_at) \
                     select question_id, $1, $2, $3 from outbox where outbox_id = $4 and kind = 'question' \
                     on conflict (chat_id, message_id) do nothing",
                )
                .bind(chat_id)
                .bind(message_id)
                .bind(at)
                .bind(outbox_id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Not delivered (e.g. Telegram answered 429): back in the queue for `due_at`.
    pub async fn outbox_retry(&self, outbox_id: OutboxId, due_at: DateTime<Utc>, error: &str) -> Result<()> {
        self.set_outbox_state(outbox_id, "pending", Some(error), Some(due_at)).await
    }

    pub async fn outbox_failed(&self, outbox_id: OutboxId, error: &str) -> Result<()> {
        self.set_outbox_state(outbox_id, "failed", Some(error), None).await
    }

    /// No longer to be sent (the meeting started or moved, the questionnaire was answered,
    /// the action is done).
    pub async fn outbox_skipped(&self, outbox_id: OutboxId, why: &str) -> Result<()> {
        self.set_outbox_state(outbox_id, "skipped", Some(why), None).await
    }

    /// Rows a crashed process left mid-send, claimed before `now - lease`: they may have
    /// been delivered, so they are not sent again, but marked for the record. Returns how many.
    pub async fn outbox_recover(&self, lease: Duration) -> Result<u64> {
        Ok(on_write!(self, pool => sqlx::query(
            "update outbox set state = 'uncertain', last_error = 'interrupted while sending' \
             where state = 'sending' and claimed_at <= $1",
        )
        .bind(now() - lease)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?)
    }

    /// Who a row that is not a meeting's goes to.
    pub async fn address(&self, member_id: MemberId) -> Result<Address> {
        on_pool!(self, pool => sqlx::query_as(
            "select chat_id, telegram_user_id, locale, gender, opted_out_at is not null as opted_out from member \
             where member_id = $1",
        )
        .bind(member_id)
        .fetch_optional(pool)
        .await)?
        .ok_or(StoreError::NotFound("member"))
    }

    /// A questionnaire row's recipient, form and deadline.
    pub async fn form_delivery(&self, response_id: ResponseId) -> Result<FormDelivery> {
        on_pool!(self, pool => sqlx::query_as(
            "select p.chat_id, p.telegram_user_id, p.locale, p.gender, c.locale as cluster_locale, c.timezone, \
             p.opted_out_at is not null as opted_out, l.form_pk, r.status, l.deadline_at \
             from response r join launch l on l.launch_id = r.launch_id join cluster c on c.cluster_id = l.cluster_id \
             join member p on p.member_id = r.member_id where r.response_id = $1",
        )
        .bind(response_id)
        .fetch_optional(pool)
        .await)?
        .ok_or(StoreError::NotFound("response"))
    }

    /// Counts of outbox rows by kind and state for a launch (for tests and the CDA's view).
    pub async fn launch_outbox_states(&self, launch_id: LaunchId) -> Result<Vec<(String, String, i64)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select o.kind, o.state, count(*) from outbox o join response r on r.response_id = o.response_id \
             where r.launch_id = $1 group by o.kind, o.state order by o.kind, o.state",
        )
        .bind(launch_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Names of a launch's invitees who cannot be reached: their invitation failed, or they
    /// blocked the bot since.
    pub async fn launch_unreachable(&self, launch_id: LaunchId) -> Result<Vec<String>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select p.display_name from response r join member p on p.member_id = r.member_id \
             where r.launch_id = $1 and (p.opted_out_at is not null or exists (select 1 from outbox o \
             where o.response_id = r.response_id and o.kind = 'form_invitation' and o.state = 'failed')) \
             order by p.display_name",
        )
        .bind(launch_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Every row's kind and state (for tests of the delivery path).
    pub async fn outbox_summary(&self) -> Result<Vec<(String, String, i64)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select kind, state, count(*) from outbox group by kind, state order by kind, state",
        )
        .fetch_all(pool)
        .await)?)
    }
}
