//! Members and their memberships.

use chrono::{DateTime, Utc};

use super::{Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::ids::{ClusterId, CooperativeId, MediaId, MemberId};
use crate::domain::{Gender, Locale, Role};

/// A person known to the bot. Identity fields are `None` once they used `/forget`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Member {
    pub member_id: MemberId,
    pub telegram_user_id: Option<i64>,
    pub chat_id: Option<i64>,
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
    pub gender: Option<Gender>,
    pub consent_at: Option<DateTime<Utc>>,
    pub opted_out_at: Option<DateTime<Utc>>,
    pub forgotten_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Project staff who see every cluster (`clusterbot coordinator`).
    pub coordinator: bool,
    /// The name as the member said it, in a voice note while joining.
    pub name_media_file_id: Option<MediaId>,
}

pub(super) const MEMBER_COLUMNS: &str = "member_id, telegram_user_id, chat_id, display_name, locale, \
     gender, consent_at, opted_out_at, forgotten_at, created_at, coordinator, name_media_file_id";

/// A member whose name was given as a voice note, as a CDA lists them.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SpokenName {
    pub member_id: MemberId,
    /// Empty until a CDA types it or a transcript fills it.
    pub display_name: Option<String>,
    pub cooperative_name: Option<String>,
    /// The voice note, relative to the data directory.
    pub path: String,
}

/// A member's place in one cluster, with the names a person reads.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Membership {
    pub member_id: MemberId,
    pub cluster_id: ClusterId,
    pub cluster_name: String,
    pub cluster_locale: Locale,
    pub role: Role,
    pub cooperative_id: Option<CooperativeId>,
    pub cooperative_name: Option<String>,
}

impl Store {
    /// The member behind a Telegram account, if they joined and did not ask to be forgotten.
    pub async fn member_by_telegram(&self, telegram_user_id: i64) -> Result<Option<Member>> {
        let sql = format!("select {MEMBER_COLUMNS} from member where telegram_user_id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(telegram_user_id).fetch_optional(pool).await)?)
    }

    pub async fn member(&self, member_id: MemberId) -> Result<Member> {
        let sql = format!("select {MEMBER_COLUMNS} from member where member_id = $1");
        on_pool!(self, pool => sqlx::query_as(&sql).bind(member_id).fetch_optional(pool).await)?
            .ok_or(StoreError::NotFound("member"))
    }

    /// The member's clusters, oldest membership first.
    pub async fn memberships(&self, member_id: MemberId) -> Result<Vec<Membership>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select m.member_id, m.cluster_id, c.name as cluster_name, c.locale as cluster_locale, \
             m.role, m.cooperative_id, k.name as cooperative_name \
             from membership m join cluster c on c.cluster_id = m.cluster_id \
             left join cooperative k on k.cooperative_id = m.cooperative_id \
             where m.member_id = $1 order by m.membership_id",
        )
        .bind(member_id)
        .fetch_all(pool)
        .await)?)
    }

    /// The member behind a Telegram account and their memberships, as every update looks
    /// its caller up: from memory when read in the last seconds (see [`super::cache`]).
    pub async fn caller_record(&self, telegram_user_id: i64) -> Result<(Option<Member>, Vec<Membership>)> {
        if let Some(c) = self.cache.caller(telegram_user_id) {
            return Ok((c.member.clone(), c.memberships.clone()));
        }
        let epoch = self.cache.epoch(telegram_user_id);
        let member = self.member_by_telegram(telegram_user_id).await?;
        let memberships = match &member {
            Some(m) => self.memberships(m.member_id).await?,
            None => Vec::new(),
        };
        self.cache.keep_caller(telegram_user_id, epoch, member.clone(), memberships.clone());
        Ok((member, memberships))
    }

    pub async fn set_member_locale(&self, member_id: MemberId, locale: Locale) -> Result<()> {
        on_write!(self, pool => sqlx::query("update member set locale = $1 where member_id = $2")
            .bind(locale.code())
            .bind(member_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        self.members_changed(None).await?;
        Ok(())
    }

    /// Marks whether the member can be reached: set when they block the bot, cleared when
    /// they unblock it. Returns whether a member was found.
    pub async fn set_opted_out(&self, telegram_user_id: i64, opted_out: bool) -> Result<bool> {
        let at = opted_out.then(now);
        let n = on_write!(self, pool => sqlx::query(
            "update member set opted_out_at = $1 where telegram_user_id = $2",
        )
        .bind(at)
        .bind(telegram_user_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        self.members_changed(Some(telegram_user_id)).await?;
        Ok(n > 0)
    }

    /// Keeps the voice note in which a new member said their name.
    pub async fn set_name_voice(&self, member_id: MemberId, media_file_id: MediaId) -> Result<()> {
        on_write!(self, pool => sqlx::query("update member set name_media_file_id = $1 where member_id = $2")
            .bind(media_file_id)
            .bind(member_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        self.members_changed(None).await?;
        Ok(())
    }

    /// A CDA typed the name of a member who said it. Returns whether a member was found.
    pub async fn set_display_name(&self, member_id: MemberId, name: &str) -> Result<bool> {
        let n = on_write!(self, pool => sqlx::query(
            "update member set display_name = $1 where member_id = $2 and forgotten_at is null",
        )
        .bind(name)
        .bind(member_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        self.members_changed(None).await?;
        Ok(n > 0)
    }

    /// A transcript of a spoken name arrived: it becomes the name of every member who said
    /// their name in that voice note and has no written name yet. Returns how many.
    pub async fn name_from_transcript(&self, media_file_id: MediaId, name: &str) -> Result<u64> {
        let n = on_write!(self, pool => sqlx::query(
            "update member set display_name = $1 where name_media_file_id = $2 \
             and (display_name is null or display_name = '') and forgotten_at is null",
        )
        .bind(name)
        .bind(media_file_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        if n > 0 {
            self.members_changed(None).await?;
        }
        Ok(n)
    }

    /// Members of a cluster who said their name in a voice note, those without a written
    /// name first.
    pub async fn spoken_names(&self, cluster_id: ClusterId) -> Result<Vec<SpokenName>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select p.member_id, p.display_name, k.name as cooperative_name, f.path from member p \
             join membership m on m.member_id = p.member_id join media_file f on f.media_file_id = p.name_media_file_id \
             left join cooperative k on k.cooperative_id = m.cooperative_id \
             where m.cluster_id = $1 and p.forgotten_at is null \
             order by coalesce(p.display_name, '') <> '', p.member_id",
        )
        .bind(cluster_id)
        .fetch_all(pool)
        .await)?)
    }

    /// `/forget`: removes everything that identifies the member. Their memberships stay,
    /// so that answers they gave remain countable by cluster, cooperative and role, but no
    /// longer point at a person.
    pub async fn forget_member(&self, member_id: MemberId) -> Result<()> {
        let at = now();
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let chat: Option<Option<i64>> =
                sqlx::query_scalar("select chat_id from member where member_id = $1")
                    .bind(member_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            sqlx::query(
                "update member set telegram_user_id = null, chat_id = null, display_name = null, \
                 gender = null, locale = null, opted_out_at = null, forgotten_at = $1, \
                 name_media_file_id = null where member_id = $2",
            )
            .bind(at)
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
            // Their questions to the CDAs are their words: kept as asked and answered, empty.
            sqlx::query("update cda_question set body = null, media_file_id = null where member_id = $1")
                .bind(member_id)
                .execute(&mut *tx)
                .await?;
            if let Some(Some(chat_id)) = chat {
                sqlx::query("delete from dialogue_state where chat_id = $1")
                    .bind(chat_id)
                    .execute(&mut *tx)
                    .await?;
                // What they sent that failed to be handled holds their words too.
                sqlx::query("delete from failed_update where chat_id = $1")
                    .bind(chat_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            if let Some(Some(chat_id)) = chat {
                self.cache.forget_dialogue(chat_id);
            }
        });
        self.members_changed(None).await?;
        Ok(())
    }
}
