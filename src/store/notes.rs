//! Field notes, the cluster a CDA is working in, coordinators, and failed invite attempts.

use chrono::{DateTime, Duration, Utc};

use super::{Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::ids::{ClusterId, FieldNoteId, MediaId, MemberId};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FieldNote {
    pub field_note_id: FieldNoteId,
    pub cluster_id: ClusterId,
    pub member_id: Option<MemberId>,
    pub author: Option<String>,
    pub kind: String,
    pub body: Option<String>,
    pub tag: Option<String>,
    pub media_path: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub created_at: DateTime<Utc>,
}

/// A field note to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFieldNote {
    pub cluster_id: ClusterId,
    pub member_id: MemberId,
    pub kind: &'static str,
    pub body: Option<String>,
    pub media_file_id: Option<MediaId>,
    pub location: Option<(f64, f64)>,
}

const NOTE_COLUMNS: &str = "n.field_note_id, n.cluster_id, n.member_id, p.display_name as author, n.kind, n.body, n.tag, \
     f.path as media_path, n.latitude, n.longitude, n.created_at";

impl Store {
    pub async fn add_field_note(&self, n: &NewFieldNote) -> Result<FieldNoteId> {
        Ok(on_write!(self, pool => sqlx::query_scalar(
            "insert into field_note (cluster_id, member_id, kind, body, media_file_id, latitude, longitude, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8) returning field_note_id",
        )
        .bind(n.cluster_id)
        .bind(n.member_id)
        .bind(n.kind)
        .bind(&n.body)
        .bind(n.media_file_id)
        .bind(n.location.map(|l| l.0))
        .bind(n.location.map(|l| l.1))
        .bind(now())
        .fetch_one(pool)
        .await)?)
    }

    /// Tags a note, only by its author.
    pub async fn tag_field_note(
        &self,
        field_note_id: FieldNoteId,
        member_id: MemberId,
        tag: &str,
    ) -> Result<bool> {
        let n = on_write!(self, pool => sqlx::query("update field_note set tag = $1 where field_note_id = $2 and member_id = $3")
            .bind(tag)
            .bind(field_note_id)
            .bind(member_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn field_note(&self, field_note_id: FieldNoteId) -> Result<FieldNote> {
        let sql = format!(
            "select {NOTE_COLUMNS} from field_note n left join member p on p.member_id = n.member_id \
             left join media_file f on f.media_file_id = n.media_file_id where n.field_note_id = $1"
        );
        on_pool!(self, pool => sqlx::query_as(&sql).bind(field_note_id).fetch_optional(pool).await)?
            .ok_or(StoreError::NotFound("field note"))
    }

    /// The latest notes of a cluster, newest first.
    pub async fn field_notes(&self, cluster_id: ClusterId, limit: i64) -> Result<Vec<FieldNote>> {
        let sql = format!(
            "select {NOTE_COLUMNS} from field_note n left join member p on p.member_id = n.member_id \
             left join media_file f on f.media_file_id = n.media_file_id where n.cluster_id = $1 \
             order by n.field_note_id desc limit $2"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(cluster_id).bind(limit).fetch_all(pool).await)?)
    }

    /// The cluster a CDA chose with /cluster, if any.
    pub async fn working_cluster(&self, member_id: MemberId) -> Result<Option<ClusterId>> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("select cluster_id from working_cluster where member_id = $1")
            .bind(member_id)
            .fetch_optional(pool)
            .await)?,
        )
    }

    pub async fn set_working_cluster(&self, member_id: MemberId, cluster_id: ClusterId) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into working_cluster (member_id, cluster_id, updated_at) values ($1, $2, $3) \
             on conflict (member_id) do update set cluster_id = excluded.cluster_id, updated_at = excluded.updated_at",
        )
        .bind(member_id)
        .bind(cluster_id)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Marks (or unmarks) a member as coordinator: they see every cluster.
    pub async fn set_coordinator(&self, telegram_user_id: i64, coordinator: bool) -> Result<bool> {
        let n = on_write!(self, pool => sqlx::query("update member set coordinator = $1 where telegram_user_id = $2")
            .bind(coordinator)
            .bind(telegram_user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        self.members_changed(Some(telegram_user_id)).await?;
        Ok(n == 1)
    }

    /// Records a wrong invite code from this Telegram user; returns how many they sent in
    /// the last `window`, this one included.
    pub async fn record_failed_invite(&self, telegram_user_id: i64, window: Duration) -> Result<i64> {
        let at = now();
        on_write!(self, pool => {
            sqlx::query("insert into invite_attempt (telegram_user_id, created_at) values ($1, $2)")
                .bind(telegram_user_id)
                .bind(at)
                .execute(pool)
                .await?;
            sqlx::query("delete from invite_attempt where created_at < $1")
                .bind(at - Duration::days(1))
                .execute(pool)
                .await?;
        });
        self.failed_invites(telegram_user_id, window).await
    }

    pub async fn failed_invites(&self, telegram_user_id: i64, window: Duration) -> Result<i64> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select count(*) from invite_attempt where telegram_user_id = $1 and created_at > $2",
        )
        .bind(telegram_user_id)
        .bind(now() - window)
        .fetch_one(pool)
        .await)?)
    }
}
