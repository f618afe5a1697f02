//! Invites, and redeeming them: the one way to become a member.

use chrono::{DateTime, Utc};

use super::{Member, Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::ids::{ClusterId, CooperativeId, InviteId, MemberId};
use crate::domain::invite::{Invite, InviteCode, InviteProblem, InviteSpec};
use crate::domain::{Gender, Locale, Role};

#[derive(Debug, sqlx::FromRow)]
struct InviteRow {
    invite_id: InviteId,
    code: String,
    cluster_id: ClusterId,
    role: Role,
    cooperative_id: Option<CooperativeId>,
    max_uses: i64,
    uses: i64,
    expires_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
}

impl From<InviteRow> for Invite {
    fn from(r: InviteRow) -> Self {
        Self {
            invite_id: r.invite_id,
            code: r.code,
            cluster_id: r.cluster_id,
            role: r.role,
            cooperative_id: r.cooperative_id,
            max_uses: r.max_uses,
            uses: r.uses,
            expires_at: r.expires_at,
            revoked_at: r.revoked_at,
        }
    }
}

const INVITE_COLUMNS: &str =
    "invite_id, code, cluster_id, role, cooperative_id, max_uses, uses, expires_at, revoked_at";

/// What redeeming an invite did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    /// A new member was created with their first membership.
    Joined(Member),
    /// An existing member gained a membership in one more cluster.
    AddedCluster,
    /// The member already belongs to the invite's cluster; the invite was not used.
    AlreadyInCluster,
    Refused(InviteProblem),
}

/// Everything onboarding collected about a new member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    pub telegram_user_id: i64,
    pub chat_id: i64,
    pub display_name: String,
    pub locale: Locale,
    pub gender: Option<Gender>,
    pub cooperative_id: Option<CooperativeId>,
}

impl Store {
    pub async fn add_invite(&self, spec: &InviteSpec) -> Result<Invite> {
        let cluster = self.cluster(spec.cluster_id).await?;
        if let Some(coop) = spec.cooperative_id
            && self.cooperative(coop).await?.cluster_id != cluster.cluster_id
        {
            return Err(StoreError::NotFound("cooperative in this cluster"));
        }
        let sql = format!(
            "insert into invite (code, cluster_id, role, cooperative_id, max_uses, expires_at, \
             created_by_member_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) \
             returning {INVITE_COLUMNS}"
        );
        let code = InviteCode::generate();
        let row: InviteRow = on_write!(self, pool => sqlx::query_as(&sql)
            .bind(code.as_str())
            .bind(spec.cluster_id)
            .bind(spec.role.code())
            .bind(spec.cooperative_id)
            .bind(spec.max_uses)
            .bind(spec.expires_at)
            .bind(spec.created_by)
            .bind(now())
            .fetch_one(pool)
            .await)?;
        Ok(row.into())
    }

    pub async fn invite_by_code(&self, code: &InviteCode) -> Result<Option<Invite>> {
        let sql = format!("select {INVITE_COLUMNS} from invite where code = $1");
        let row: Option<InviteRow> =
            on_pool!(self, pool => sqlx::query_as(&sql).bind(code.as_str()).fetch_optional(pool).await)?;
        Ok(row.map(Into::into))
    }

    pub async fn invite(&self, invite_id: InviteId) -> Result<Invite> {
        let sql = format!("select {INVITE_COLUMNS} from invite where invite_id = $1");
        let row: Option<InviteRow> =
            on_pool!(self, pool => sqlx::query_as(&sql).bind(invite_id).fetch_optional(pool).await)?;
        row.map(Into::into).ok_or(StoreError::NotFound("invite"))
    }

    /// Records that someone declined consent after opening this invite — and nothing about who.
    pub async fn record_consent_refusal(&self, invite_id: InviteId) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into consent_refusal (invite_id, created_at) values ($1, $2)",
        )
        .bind(invite_id)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn consent_refusals(&self, invite_id: InviteId) -> Result<i64> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select count(*) from consent_refusal where invite_id = $1",
        )
        .bind(invite_id)
        .fetch_one(pool)
        .await)?)
    }

    /// Creates the member and their membership, using one place of the invite, in one
    /// transaction: either all of it is stored or nothing is.
    pub async fn join(&self, invite_id: InviteId, new: &NewMember) -> Result<Redeemed> {
        let at = now();
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let claimed = sqlx::query(
                "update invite set uses = uses + 1 \
                 where invite_id = $1 and uses < max_uses and expires_at > $2 and revoked_at is null",
            )
            .bind(invite_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                drop(tx);
                return Ok(Redeemed::Refused(self.why_unusable(invite_id).await?));
            }
            let invite: InviteRow = sqlx::query_as(&format!(
                "select {INVITE_COLUMNS} from invite where invite_id = $1"
            ))
            .bind(invite_id)
            .fetch_one(&mut *tx)
            .await?;
            let member: Member = sqlx::query_as(&format!(
                "insert into member (telegram_user_id, chat_id, display_name, locale, gender, \
                 consent_at, created_at) values ($1, $2, $3, $4, $5, $6, $6) \
                 returning {}",
                super::members::MEMBER_COLUMNS
            ))
            .bind(new.telegram_user_id)
            .bind(new.chat_id)
            .bind(&new.display_name)
            .bind(new.locale.code())
            .bind(new.gender.map(Gender::code))
            .bind(at)
            .fetch_one(&mut *tx)
            .await
            .map_err(super::on_duplicate("a member with that Telegram account"))?;
            sqlx::query(
                "insert into membership (member_id, cluster_id, role, cooperative_id, invite_id, \
                 created_at) values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(member.member_id)
            .bind(invite.cluster_id)
            .bind(invite.role.code())
            .bind(invite.cooperative_id.or(new.cooperative_id))
            .bind(invite_id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            self.members_changed(Some(new.telegram_user_id)).await?;
            Ok(Redeemed::Joined(member))
        })
    }

    /// An existing member opens an invite to another cluster (a CDA serving several
    /// clusters): adds the membership and uses one place of the invite.
    pub async fn add_membership(&self, member_id: MemberId, invite_id: InviteId) -> Result<Redeemed> {
        let invite = self.invite(invite_id).await?;
        if self.memberships(member_id).await?.iter().any(|m| m.cluster_id == invite.cluster_id) {
            return Ok(Redeemed::AlreadyInCluster);
        }
        let at = now();
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let claimed = sqlx::query(
                "update invite set uses = uses + 1 \
                 where invite_id = $1 and uses < max_uses and expires_at > $2 and revoked_at is null",
            )
            .bind(invite_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                drop(tx);
                return Ok(Redeemed::Refused(self.why_unusable(invite_id).await?));
            }
            let inserted = sqlx::query(
                "insert into membership (member_id, cluster_id, role, cooperative_id, invite_id, \
                 created_at) values ($1, $2, $3, $4, $5, $6) \
                 on conflict (member_id, cluster_id) do nothing",
            )
            .bind(member_id)
            .bind(invite.cluster_id)
            .bind(invite.role.code())
            .bind(invite.cooperative_id)
            .bind(invite_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if inserted == 0 {
                // Joined concurrently through another invite: give this place back.
                return Ok(Redeemed::AlreadyInCluster);
            }
            tx.commit().await?;
            self.members_changed(None).await?;
            Ok(Redeemed::AddedCluster)
        })
    }

    async fn why_unusable(&self, invite_id: InviteId) -> Result<InviteProblem> {
        let invite = self.invite(invite_id).await?;
        Ok(invite.check_usable(now()).err().unwrap_or(InviteProblem::UsedUp))
    }
}
