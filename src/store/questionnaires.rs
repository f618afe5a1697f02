//! Launches of a form to an audience, one response per invited member, answers saved one by
//! one as they come, and the media files behind voice and photo answers.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{Db, Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::form::Audience;
use crate::domain::ids::{ClusterId, FormVersionId, LaunchId, MediaId, MemberId, ResponseId};
use crate::domain::{Gender, Locale, Role};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Launch {
    pub launch_id: LaunchId,
    pub form_pk: FormVersionId,
    pub cluster_id: ClusterId,
    pub audience: String,
    pub deadline_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A member a launch reaches.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Invitee {
    pub response_id: ResponseId,
    pub member_id: MemberId,
    pub chat_id: i64,
    pub locale: Option<Locale>,
    pub cluster_locale: Locale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Invited,
    Started,
    Finished,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Self::Invited => "invited",
            Self::Started => "started",
            Self::Finished => "finished",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "invited" => Self::Invited,
            "started" => Self::Started,
            "finished" => Self::Finished,
            other => return Err(StoreError::Corrupt(format!("response status '{other}'"))),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub response_id: ResponseId,
    pub launch_id: LaunchId,
    pub member_id: MemberId,
    pub status: Status,
    /// Index of the form item the member is at.
    pub position: Option<usize>,
    /// Items shown before, for "back".
    pub history: Vec<usize>,
    /// A select_multiple selection in progress, or a pending "please specify".
    pub pending: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    response_id: ResponseId,
    launch_id: LaunchId,
    member_id: MemberId,
    status: String,
    position: Option<i64>,
    history: String,
    pending: Option<String>,
}

impl TryFrom<ResponseRow> for Response {
    type Error = StoreError;

    fn try_from(r: ResponseRow) -> Result<Self> {
        Ok(Self {
            response_id: r.response_id,
            launch_id: r.launch_id,
            member_id: r.member_id,
            status: Status::parse(&r.status)?,
            position: r.position.and_then(|p| usize::try_from(p).ok()),
            history: serde_json::from_str(&r.history)
                .map_err(|e| StoreError::Corrupt(format!("response history: {e}")))?,
            pending: r.pending,
        })
    }
}

const RESPONSE_COLUMNS: &str = "response_id, launch_id, member_id, status, position, history, pending";

/// A response still open to a member: not finished, deadline not passed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenResponse {
    pub response_id: ResponseId,
    pub form_pk: FormVersionId,
    pub status: String,
    pub deadline_at: Option<DateTime<Utc>>,
}

/// One invited member of a launch, for response rates.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Participation {
    pub status: String,
    pub gender: Option<Gender>,
    pub cooperative_name: Option<String>,
}

/// A response to remind: not finished, the launch has a deadline still ahead.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NudgeCandidate {
    pub response_id: ResponseId,
    pub form_pk: FormVersionId,
    pub chat_id: i64,
    pub locale: Option<Locale>,
    pub cluster_locale: Locale,
    pub timezone: String,
    pub status: String,
    pub deadline_at: DateTime<Utc>,
    pub last_nudge_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// The response's new place: $1 status, $2 position, $3 history, $4 pending, $5 the time, $6
/// the response. A macro, so that the answer tap's one-round-trip writes below share its text.
macro_rules! save_progress {
    () => {
        "update response set status = $1, position = $2, history = $3, pending = $4, \
         started_at = case when $1 <> 'invited' and started_at is null then $5 else started_at end, \
         finished_at = case when $1 = 'finished' then $5 else finished_at end \
         where response_id = $6"
    };
}

const SAVE_PROGRESS: &str = save_progress!();

/// An answer saved, or replaced if the question was answered before; the placeholders are
/// given in the order response, question, value, media, time (each write numbers its own).
macro_rules! save_answer {
    ($response:literal, $question:literal, $value:literal, $media:literal, $at:literal) => {
        concat!(
            "insert into answer (response_id, question, value, media_file_id, answered_at) values (",
            $response,
            ", ",
            $question,
            ", ",
            $value,
            ", ",
            $media,
            ", ",
            $at,
            ") on conflict (response_id, question) do update set value = excluded.value, \
             media_file_id = excluded.media_file_id, answered_at = excluded.answered_at"
        )
    };
}

/// An answer removed; placeholders for the response and the question.
macro_rules! remove_answer {
    ($response:literal, $question:literal) => {
        concat!("delete from answer where response_id = ", $response, " and question = ", $question)
    };
}

const SAVE_ANSWER: &str = save_answer!("$1", "$2", "$3", "$4", "$5");

const REMOVE_ANSWER: &str = remove_answer!("$1", "$2");

// The answer tap's transaction, in one round trip (see `save_answer_and_progress`). The
// arguments: $1–$6 as in `save_progress!`, then $7 the question, and to save it $8 the value
// and $9 its media.
macro_rules! save_answer_as_tapped {
    () => {
        save_answer!("$6", "$7", "$8", "$9", "$5")
    };
}

macro_rules! remove_answer_as_tapped {
    () => {
        remove_answer!("$6", "$7")
    };
}

// PostgreSQL runs a statement's data-modifying WITH to completion, in the same transaction.
const SAVE_ANSWER_AND_PROGRESS_PG: &str =
    concat!("with saved as (", save_answer_as_tapped!(), ") ", save_progress!());

const REMOVE_ANSWER_AND_SAVE_PROGRESS_PG: &str =
    concat!("with removed as (", remove_answer_as_tapped!(), ") ", save_progress!());

const SAVE_ANSWER_AND_PROGRESS_SQLITE: &str =
    concat!("begin; ", save_answer_as_tapped!(), "; ", save_progress!(), "; commit");

const REMOVE_ANSWER_AND_SAVE_PROGRESS_SQLITE: &str =
    concat!("begin; ", remove_answer_as_tapped!(), "; ", save_progress!(), "; commit");

impl Store {
    /// Creates a launch, a response for every reachable member of the audience, and their
    /// invitations in the outbox — in one transaction: a launch is never half made, and every
    /// invitation of it is delivered by the sender, whatever happens to this process.
    pub async fn create_launch(
        &self,
        form_pk: FormVersionId,
        cluster_id: ClusterId,
        audience: Audience,
        deadline_at: Option<DateTime<Utc>>,
        launched_by: Option<MemberId>,
    ) -> Result<(Launch, Vec<Invitee>)> {
        let at = now();
        let members_sql = |filter: &str| {
            format!(
                "select m.member_id from membership m join member p on p.member_id = m.member_id \
                 where m.cluster_id = $1 and p.telegram_user_id is not null and p.opted_out_at is null{filter} \
                 order by m.member_id"
            )
        };
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let launch: Launch = sqlx::query_as(
                "insert into launch (form_pk, cluster_id, audience, deadline_at, launched_by_member_id, created_at) \
                 values ($1, $2, $3, $4, $5, $6) \
                 returning launch_id, form_pk, cluster_id, audience, deadline_at, created_at",
            )
            .bind(form_pk)
            .bind(cluster_id)
            .bind(audience.to_string())
            .bind(deadline_at)
            .bind(launched_by)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            let members: Vec<MemberId> = match audience {
                Audience::Cluster => sqlx::query_scalar(&members_sql("")).bind(cluster_id).fetch_all(&mut *tx).await?,
                Audience::Cooperative(id) => sqlx::query_scalar(&members_sql(" and m.cooperative_id = $2"))
                    .bind(cluster_id)
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?,
                Audience::Role(role) => sqlx::query_scalar(&members_sql(" and m.role = $2"))
                    .bind(cluster_id)
                    .bind(role.code())
                    .fetch_all(&mut *tx)
                    .await?,
            };
            for member_id in &members {
                let response_id: ResponseId = sqlx::query_scalar(
                    "insert into response (launch_id, member_id, status, created_at) values ($1, $2, 'invited', $3) \
                     returning response_id",
                )
                .bind(launch.launch_id)
                .bind(member_id)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                super::outbox::queue_form_row!(tx, response_id, member_id, "form_invitation", at);
            }
            let invitees: Vec<Invitee> = sqlx::query_as(
                "select r.response_id, r.member_id, p.chat_id, p.locale, c.locale as cluster_locale \
                 from response r join member p on p.member_id = r.member_id \
                 join launch l on l.launch_id = r.launch_id join cluster c on c.cluster_id = l.cluster_id \
                 where r.launch_id = $1 order by r.response_id",
            )
            .bind(launch.launch_id)
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok((launch, invitees))
        })
    }

    /// A launch (never changed once made: kept in memory).
    pub async fn launch(&self, launch_id: LaunchId) -> Result<Launch> {
        if let Some(launch) = self.cache.launch(launch_id) {
            return Ok(launch);
        }
        let launch: Launch = on_pool!(self, pool => sqlx::query_as(
            "select launch_id, form_pk, cluster_id, audience, deadline_at, created_at from launch where launch_id = $1",
        )
        .bind(launch_id)
        .fetch_optional(pool)
        .await)?
        .ok_or(StoreError::NotFound("launch"))?;
        self.cache.keep_launch(&launch);
        Ok(launch)
    }

    /// The latest launches in a cluster, newest first.
    pub async fn launches(&self, cluster_id: ClusterId, limit: i64) -> Result<Vec<Launch>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select launch_id, form_pk, cluster_id, audience, deadline_at, created_at from launch \
             where cluster_id = $1 order by launch_id desc limit $2",
        )
        .bind(cluster_id)
        .bind(limit)
        .fetch_all(pool)
        .await)?)
    }

    pub async fn response(&self, response_id: ResponseId) -> Result<Response> {
        if let Some(response) = self.cache.response(response_id) {
            return Ok(response);
        }
        let sql = format!("select {RESPONSE_COLUMNS} from response where response_id = $1");
        let row: Option<ResponseRow> =
            on_pool!(self, pool => sqlx::query_as(&sql).bind(response_id).fetch_optional(pool).await)?;
        let response: Response = row.ok_or(StoreError::NotFound("response"))?.try_into()?;
        self.cache.keep_response(&response);
        Ok(response)
    }

    /// Every response of a member, oldest first.
    pub async fn member_responses(&self, member_id: MemberId) -> Result<Vec<Response>> {
        let sql =
            format!("select {RESPONSE_COLUMNS} from response where member_id = $1 order by response_id");
        let rows: Vec<ResponseRow> =
            on_pool!(self, pool => sqlx::query_as(&sql).bind(member_id).fetch_all(pool).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Saves where the member is. Moving to `Started` sets the start time once; moving to
    /// `Finished` sets the finish time.
    pub async fn save_progress(&self, r: &Response) -> Result<()> {
        let at = now();
        let history = serde_json::to_string(&r.history).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        on_write!(self, pool => sqlx::query(SAVE_PROGRESS)
        .bind(r.status.code())
        .bind(r.position.map(|p| p as i64))
        .bind(history)
        .bind(&r.pending)
        .bind(at)
        .bind(r.response_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        self.cache.keep_response(r);
        Ok(())
    }

    /// An answer tap in one transaction: the answer (or its removal, for a skip) and where
    /// the member is now, committed together and on disk when this returns. One round trip to
    /// the database, the hottest write of all: on PostgreSQL one statement (its own
    /// transaction), on SQLite the transaction's four statements sent together.
    pub async fn save_answer_and_progress(
        &self,
        r: &Response,
        question: &str,
        value: Option<(&str, Option<MediaId>)>,
    ) -> Result<()> {
        let at = now();
        let history = serde_json::to_string(&r.history).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let (value, media_file_id) = value.unzip();
        let postgres = matches!(self.db, Db::Postgres(_));
        let sql = match (value.is_some(), postgres) {
            (true, true) => SAVE_ANSWER_AND_PROGRESS_PG,
            (false, true) => REMOVE_ANSWER_AND_SAVE_PROGRESS_PG,
            (true, false) => SAVE_ANSWER_AND_PROGRESS_SQLITE,
            (false, false) => REMOVE_ANSWER_AND_SAVE_PROGRESS_SQLITE,
        };
        on_write!(self, pool => {
            let mut query = sqlx::query(sql)
                .bind(r.status.code())
                .bind(r.position.map(|p| p as i64))
                .bind(history.as_str())
                .bind(&r.pending)
                .bind(at)
                .bind(r.response_id)
                .bind(question);
            if value.is_some() {
                query = query.bind(value).bind(media_file_id.flatten());
            }
            let mut conn = pool.acquire().await?;
            if let Err(error) = query.execute(&mut *conn).await {
                if !postgres {
                    // The transaction may still be open on this connection: end it, or, if
                    // that fails too, close the connection rather than hand it on in the
                    // middle of a transaction.
                    if sqlx::query("rollback").execute(&mut *conn).await.is_err() {
                        conn.close_on_drop();
                    }
                }
                return Err(error.into());
            }
        });
        self.cache.keep_response(r);
        self.cache.keep_answer(r.response_id, question, value);
        Ok(())
    }

    /// Finishes a response in one transaction: the answers the form computes at the end
    /// saved, the answers no longer relevant removed, the response marked finished, and the
    /// chat's dialogue ended.
    pub async fn finish_response(
        &self,
        r: &Response,
        save: &[(&str, &str)],
        remove: &[&str],
        chat_id: i64,
    ) -> Result<()> {
        let at = now();
        let history = serde_json::to_string(&r.history).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            for (question, value) in save {
                sqlx::query(SAVE_ANSWER)
                    .bind(r.response_id)
                    .bind(*question)
                    .bind(*value)
                    .bind(None::<MediaId>)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
            }
            for question in remove {
                sqlx::query(REMOVE_ANSWER).bind(r.response_id).bind(*question).execute(&mut *tx).await?;
            }
            sqlx::query(SAVE_PROGRESS)
                .bind(r.status.code())
                .bind(r.position.map(|p| p as i64))
                .bind(history)
                .bind(&r.pending)
                .bind(at)
                .bind(r.response_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("delete from dialogue_state where chat_id = $1").bind(chat_id).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        self.cache.keep_dialogue(chat_id, None);
        // Done: not read again on the hot path.
        self.cache.forget_response(r.response_id);
        Ok(())
    }

    /// Saves one answer (replacing an earlier answer to the same question).
    pub async fn save_answer(
        &self,
        response_id: ResponseId,
        question: &str,
        value: &str,
        media_file_id: Option<MediaId>,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(SAVE_ANSWER)
        .bind(response_id)
        .bind(question)
        .bind(value)
        .bind(media_file_id)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        self.cache.keep_answer(response_id, question, Some(value));
        Ok(())
    }

    pub async fn remove_answer(&self, response_id: ResponseId, question: &str) -> Result<()> {
        on_write!(self, pool => sqlx::query(REMOVE_ANSWER)
            .bind(response_id)
            .bind(question)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        self.cache.keep_answer(response_id, question, None);
        Ok(())
    }

    /// Answers so far, by question name.
    pub async fn answers(&self, response_id: ResponseId) -> Result<BTreeMap<String, String>> {
        if let Some(answers) = self.cache.answers(response_id) {
            return Ok(answers);
        }
        let rows: Vec<(String, String)> = on_pool!(self, pool => sqlx::query_as(
            "select question, value from answer where response_id = $1",
        )
        .bind(response_id)
        .fetch_all(pool)
        .await)?;
        let answers = rows.into_iter().collect();
        self.cache.keep_answers(response_id, &answers);
        Ok(answers)
    }

    /// The media file behind an answer, if any: (kind, path).
    pub async fn answer_media(
        &self,
        response_id: ResponseId,
        question: &str,
    ) -> Result<Option<(String, String)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select f.kind, f.path from answer a join media_file f on f.media_file_id = a.media_file_id \
             where a.response_id = $1 and a.question = $2",
        )
        .bind(response_id)
        .bind(question)
        .fetch_optional(pool)
        .await)?)
    }

    /// Records a downloaded file; the same Telegram file is stored once.
    pub async fn add_media_file(
        &self,
        telegram_file_unique_id: &str,
        kind: &str,
        path: &str,
        size_bytes: i64,
    ) -> Result<MediaId> {
        on_write!(self, pool => sqlx::query(
            "insert into media_file (telegram_file_unique_id, kind, path, size_bytes, created_at) \
             values ($1, $2, $3, $4, $5) on conflict (telegram_file_unique_id) do nothing",
        )
        .bind(telegram_file_unique_id)
        .bind(kind)
        .bind(path)
        .bind(size_bytes)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select media_file_id from media_file where telegram_file_unique_id = $1",
        )
        .bind(telegram_file_unique_id)
        .fetch_one(pool)
        .await)?)
    }

    /// Where a stored file is, relative to the data directory.
    pub async fn media_path(&self, media_file_id: MediaId) -> Result<Option<String>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar("select path from media_file where media_file_id = $1")
            .bind(media_file_id)
            .fetch_optional(pool)
            .await)?)
    }

    pub async fn media_file_by_unique_id(&self, telegram_file_unique_id: &str) -> Result<Option<MediaId>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select media_file_id from media_file where telegram_file_unique_id = $1",
        )
        .bind(telegram_file_unique_id)
        .fetch_optional(pool)
        .await)?)
    }

    pub async fn add_voice_comment(
        &self,
        response_id: ResponseId,
        question: &str,
        media_file_id: MediaId,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into voice_comment (response_id, question, media_file_id, created_at) values ($1, $2, $3, $4)",
        )
        .bind(response_id)
        .bind(question)
        .bind(media_file_id)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn voice_comments(&self, response_id: ResponseId) -> Result<Vec<(String, MediaId)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select question, media_file_id from voice_comment where response_id = $1 order by voice_comment_id",
        )
        .bind(response_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Questionnaires a member can still answer, newest first.
    pub async fn open_responses(&self, member_id: MemberId) -> Result<Vec<OpenResponse>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select r.response_id, l.form_pk, r.status, l.deadline_at from response r \
             join launch l on l.launch_id = r.launch_id \
             where r.member_id = $1 and r.status <> 'finished' and (l.deadline_at is null or l.deadline_at > $2) \
             order by r.response_id desc",
        )
        .bind(member_id)
        .bind(now())
        .fetch_all(pool)
        .await)?)
    }

    /// Everyone a launch reached, with what the response rates are broken down by.
    pub async fn participation(&self, launch_id: LaunchId) -> Result<Vec<Participation>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select r.status, p.gender, k.name as cooperative_name from response r \
             join launch l on l.launch_id = r.launch_id join member p on p.member_id = r.member_id \
             left join membership m on m.member_id = r.member_id and m.cluster_id = l.cluster_id \
             left join cooperative k on k.cooperative_id = m.cooperative_id \
             where r.launch_id = $1",
        )
        .bind(launch_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Every answer given to one question of a launch.
    pub async fn launch_answers(&self, launch_id: LaunchId, question: &str) -> Result<Vec<String>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select a.value from answer a join response r on r.response_id = a.response_id \
             where r.launch_id = $1 and a.question = $2",
        )
        .bind(launch_id)
        .bind(question)
        .fetch_all(pool)
        .await)?)
    }

    /// Voice notes given as the answer to one question of a launch, with the answering
    /// member's name and the transcript when there is one (for a CDA to review).
    pub async fn launch_voice_answers(
        &self,
        launch_id: LaunchId,
        question: &str,
    ) -> Result<Vec<(Option<String>, String, Option<String>)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select p.display_name, f.path, f.transcript from answer a join response r on r.response_id = a.response_id \
             join member p on p.member_id = r.member_id join media_file f on f.media_file_id = a.media_file_id \
             where r.launch_id = $1 and a.question = $2 and f.kind = 'voice' order by a.answer_id",
        )
        .bind(launch_id)
        .bind(question)
        .fetch_all(pool)
        .await)?)
    }

    /// Unfinished responses of launches whose deadline is still ahead.
    pub async fn nudge_candidates(&self) -> Result<Vec<NudgeCandidate>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select r.response_id, l.form_pk, p.chat_id, p.locale, c.locale as cluster_locale, c.timezone, \
             r.status, l.deadline_at, r.last_nudge_at, r.created_at \
             from response r join launch l on l.launch_id = r.launch_id \
             join member p on p.member_id = r.member_id join cluster c on c.cluster_id = l.cluster_id \
             where r.status <> 'finished' and l.deadline_at is not null and l.deadline_at > $1 \
             and p.chat_id is not null and p.opted_out_at is null order by r.response_id",
        )
        .bind(now())
        .fetch_all(pool)
        .await)?)
    }

    /// Marks a response as nudged at `at` and queues the reminder in the outbox, in one
    /// transaction — unless another process did so since `seen` (so two bot processes never
    /// nudge the same person twice). Returns whether this call won.
    pub async fn queue_nudge(
        &self,
        response_id: ResponseId,
        seen: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        use chrono::SubsecRound;
        let at = at.trunc_subsecs(6);
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let member_id: Option<MemberId> = sqlx::query_scalar(
                "update response set last_nudge_at = $1 where response_id = $2 \
                 and (last_nudge_at = $3 or (last_nudge_at is null and $3 is null)) returning member_id",
            )
            .bind(at)
            .bind(response_id)
            .bind(seen)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(member_id) = member_id else { return Ok(false) };
            super::outbox::queue_form_row!(tx, response_id, member_id, "form_reminder", at);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Members of a role in a cluster (for audience buttons and tests).
    pub async fn count_members(&self, cluster_id: ClusterId, role: Option<Role>) -> Result<i64> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select count(*) from membership m join member p on p.member_id = m.member_id \
             where m.cluster_id = $1 and p.telegram_user_id is not null and ($2 = '' or m.role = $2)",
        )
        .bind(cluster_id)
        .bind(role.map(Role::code).unwrap_or(""))
        .fetch_one(pool)
        .await)?)
    }
}
