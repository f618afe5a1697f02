//! Meetings, invitees with their answers, and the outbox that delivers invitations,
//! reminders and notices exactly once — also with several bot processes on one PostgreSQL.

use crate::domain::ids::{ClusterId, MeetingId, MemberId};
use chrono::{DateTime, Utc};

use super::{Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::ids::CooperativeId;
use crate::domain::meeting::{MeetingAudience, Rsvp, reminder_times};
use crate::domain::{Gender, Locale};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Meeting {
    pub meeting_id: MeetingId,
    pub cluster_id: ClusterId,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub audience: String,
    pub reminder_offsets: String,
    pub generation: i64,
    pub created_by_member_id: Option<MemberId>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

impl Meeting {
    pub fn offsets(&self) -> Vec<i64> {
        serde_json::from_str(&self.reminder_offsets).unwrap_or_default()
    }
}

const MEETING_COLUMNS: &str = "meeting_id, cluster_id, title, starts_at, place, latitude, longitude, audience, reminder_offsets, \
     generation, created_by_member_id, cancelled_at";

#[derive(Debug, Clone, PartialEq)]
pub struct NewMeeting {
    pub cluster_id: ClusterId,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    pub location: Option<(f64, f64)>,
    pub audience: MeetingAudience,
    pub reminder_offsets: Vec<i64>,
    pub created_by: Option<MemberId>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Invitee {
    pub member_id: MemberId,
    pub display_name: Option<String>,
    pub rsvp: Option<String>,
    /// The last answer given before the meeting was moved (asked again since).
    pub previous_rsvp: Option<String>,
    /// The member blocked the bot (or could not be reached).
    pub unreachable: bool,
}

/// Who to write to, in which language and time zone.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Recipient {
    pub chat_id: Option<i64>,
    pub telegram_user_id: Option<i64>,
    pub locale: Option<Locale>,
    pub gender: Option<Gender>,
    pub cluster_locale: Locale,
    pub timezone: String,
    pub opted_out: bool,
    pub rsvp: Option<String>,
    pub previous_rsvp: Option<String>,
}

/// Queues one outbox row inside a transaction (the same statement on both backends).
macro_rules! queue_row {
    ($tx:expr, $meeting:expr, $member:expr, $kind:expr, $offset:expr, $generation:expr, $due:expr, $at:expr) => {
        sqlx::query(
            "insert into outbox (meeting_id, member_id, kind, offset_minutes, generation, due_at, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind($meeting)
        .bind($member)
        .bind($kind)
        .bind($offset)
        .bind($generation)
        .bind($due)
        .bind($at)
        .execute(&mut *$tx)
        .await?
    };
}

fn offsets_json(offsets: &[i64]) -> String {
    serde_json::to_string(offsets).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// Creates a meeting, invites its audience and queues the invitations (due now) and the
    /// reminders (due before the start), in one transaction. Returns the meeting and how many
    /// were invited.
    pub async fn create_meeting(&self, new: &NewMeeting) -> Result<(Meeting, usize)> {
        let at = now();
        let (filter, coop): (&str, Option<CooperativeId>) = match new.audience {
            MeetingAudience::Cluster => ("", None),
            MeetingAudience::Leaders => (" and m.role in ('leader', 'cda')", None),
            MeetingAudience::Cooperative(id) => (" and (m.cooperative_id = $2 or m.role = 'cda')", Some(id)),
            MeetingAudience::Commission => (" and (m.commission or m.role = 'cda')", None),
        };
        let members_sql = format!(
            "select m.member_id from membership m join member p on p.member_id = m.member_id \
             where m.cluster_id = $1 and p.telegram_user_id is not null{filter} order by m.member_id"
        );
        let sql = format!(
            "insert into meeting (cluster_id, title, starts_at, place, latitude, longitude, audience, reminder_offsets, \
             created_by_member_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning {MEETING_COLUMNS}"
        );
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let meeting: Meeting = sqlx::query_as(&sql)
                .bind(new.cluster_id)
                .bind(&new.title)
                .bind(new.starts_at)
                .bind(&new.place)
                .bind(new.location.map(|l| l.0))
                .bind(new.location.map(|l| l.1))
                .bind(new.audience.code())
                .bind(offsets_json(&new.reminder_offsets))
                .bind(new.created_by)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
            let mut q = sqlx::query_scalar::<_, MemberId>(&members_sql).bind(new.cluster_id);
            if let Some(id) = coop {
                q = q.bind(id);
            }
            let members = q.fetch_all(&mut *tx).await?;
            for member_id in &members {
                sqlx::query("insert into meeting_invitee (meeting_id, member_id) values ($1, $2)")
                    .bind(meeting.meeting_id)
                    .bind(member_id)
                    .execute(&mut *tx)
                    .await?;
                let mut rows = vec![("invitation", 0_i64, at)];
                rows.extend(reminder_times(new.starts_at, &new.reminder_offsets, at).into_iter().map(|(m, due)| ("reminder", m, due)));
                for (kind, offset, due) in rows {
                    queue_row!(tx, meeting.meeting_id, member_id, kind, offset, 0_i64, due, at);
                }
            }
            tx.commit().await?;
            Ok((meeting, members.len()))
        })
    }

    pub async fn meeting(&self, meeting_id: MeetingId) -> Result<Meeting> {
        let sql = format!("select {MEETING_COLUMNS} from meeting where meeting_id = $1");
        on_pool!(self, pool => sqlx::query_as(&sql).bind(meeting_id).fetch_optional(pool).await)?
            .ok_or(StoreError::NotFound("meeting"))
    }

    /// Meetings of a cluster that have not started and are not cancelled, soonest first.
    pub async fn upcoming_meetings(&self, cluster_id: ClusterId) -> Result<Vec<Meeting>> {
        let sql = format!(
            "select {MEETING_COLUMNS} from meeting where cluster_id = $1 and cancelled_at is null and starts_at > $2 \
             order by starts_at, meeting_id"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(cluster_id).bind(now()).fetch_all(pool).await)?)
    }

    pub async fn invitees(&self, meeting_id: MeetingId) -> Result<Vec<Invitee>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select i.member_id, p.display_name, i.rsvp, i.previous_rsvp, \
             (p.opted_out_at is not null or p.telegram_user_id is null \
              or exists (select 1 from outbox o where o.meeting_id = i.meeting_id and o.member_id = i.member_id and o.state = 'failed')) as unreachable \
             from meeting_invitee i join member p on p.member_id = i.member_id where i.meeting_id = $1 \
             order by p.display_name, i.member_id",
        )
        .bind(meeting_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Records an answer; refused (false) when the meeting started or was cancelled, or the
    /// member was not invited.
    pub async fn set_rsvp(&self, meeting_id: MeetingId, member_id: MemberId, rsvp: Rsvp) -> Result<bool> {
        let at = now();
        let n = on_write!(self, pool => sqlx::query(
            "update meeting_invitee set rsvp = $1, rsvp_at = $2 where meeting_id = $3 and member_id = $4 \
             and exists (select 1 from meeting m where m.meeting_id = $3 and m.cancelled_at is null and m.starts_at > $2)",
        )
        .bind(rsvp.code())
        .bind(at)
        .bind(meeting_id)
        .bind(member_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Moves a meeting: reminders not yet sent are dropped, new ones queued for the new time,
    /// and everyone invited is told and asked again — each answer becomes the "previous"
    /// one (an earlier previous answer stays for those who had not answered since).
    pub async fn reschedule_meeting(&self, meeting_id: MeetingId, starts_at: DateTime<Utc>) -> Result<()> {
        let at = now();
        let meeting = self.meeting(meeting_id).await?;
        let offsets = meeting.offsets();
        let generation = meeting.generation + 1;
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("update meeting set starts_at = $1, generation = $2 where meeting_id = $3")
                .bind(starts_at)
                .bind(generation)
                .bind(meeting_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("update outbox set state = 'skipped' where meeting_id = $1 and state = 'pending'")
                .bind(meeting_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "update meeting_invitee set previous_rsvp = coalesce(rsvp, previous_rsvp), rsvp = null, rsvp_at = null \
                 where meeting_id = $1",
            )
            .bind(meeting_id)
            .execute(&mut *tx)
            .await?;
            let members: Vec<MemberId> = sqlx::query_scalar("select member_id from meeting_invitee where meeting_id = $1")
                .bind(meeting_id)
                .fetch_all(&mut *tx)
                .await?;
            for member_id in members {
                let mut rows = vec![("update", 0_i64, at)];
                rows.extend(reminder_times(starts_at, &offsets, at).into_iter().map(|(m, due)| ("reminder", m, due)));
                for (kind, offset, due) in rows {
                    queue_row!(tx, meeting_id, member_id, kind, offset, generation, due, at);
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Cancels a meeting: nothing more is reminded, everyone invited is told.
    pub async fn cancel_meeting(&self, meeting_id: MeetingId) -> Result<()> {
        let at = now();
        let generation = self.meeting(meeting_id).await?.generation;
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("update meeting set cancelled_at = $1 where meeting_id = $2")
                .bind(at)
                .bind(meeting_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("update outbox set state = 'skipped' where meeting_id = $1 and state = 'pending'")
                .bind(meeting_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "insert into outbox (meeting_id, member_id, kind, offset_minutes, generation, due_at, created_at) \
                 select meeting_id, member_id, 'cancel', 0, $2, $3, $3 from meeting_invitee where meeting_id = $1",
            )
            .bind(meeting_id)
            .bind(generation)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Queues a reminder for everyone who has not answered; returns how many.
    pub async fn remind_unanswered(&self, meeting_id: MeetingId) -> Result<u64> {
        let at = now();
        Ok(on_write!(self, pool => sqlx::query(
            "insert into outbox (meeting_id, member_id, kind, offset_minutes, generation, due_at, created_at) \
             select i.meeting_id, i.member_id, 'nudge', 0, 0, $2, $2 from meeting_invitee i \
             join member p on p.member_id = i.member_id \
             where i.meeting_id = $1 and i.rsvp is null and p.opted_out_at is null and p.telegram_user_id is not null",
        )
        .bind(meeting_id)
        .bind(at)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?)
    }

    /// Who an outbox row goes to.
    pub async fn recipient(&self, meeting_id: MeetingId, member_id: MemberId) -> Result<Recipient> {
        on_pool!(self, pool => sqlx::query_as(
            "select p.chat_id, p.telegram_user_id, p.locale, p.gender, c.locale as cluster_locale, c.timezone, \
             p.opted_out_at is not null as opted_out, i.rsvp, i.previous_rsvp from member p \
             join meeting m on m.meeting_id = $1 join cluster c on c.cluster_id = m.cluster_id \
             left join meeting_invitee i on i.meeting_id = m.meeting_id and i.member_id = p.member_id \
             where p.member_id = $2",
        )
        .bind(meeting_id)
        .bind(member_id)
        .fetch_optional(pool)
        .await)?
        .ok_or(StoreError::NotFound("recipient"))
    }

    /// Counts of outbox rows by state for a meeting (for tests and the CDA's view).
    pub async fn outbox_states(&self, meeting_id: MeetingId) -> Result<Vec<(String, String, i64)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select kind, state, count(*) from outbox where meeting_id = $1 group by kind, state order by kind, state",
        )
        .bind(meeting_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Marks a membership as a Cluster Commission / Steering Committee member.
    pub async fn set_commission(
        &self,
        cluster_id: ClusterId,
        telegram_user_id: i64,
        member: bool,
    ) -> Result<bool> {
        let n = on_write!(self, pool => sqlx::query(
            "update membership set commission = $1 where cluster_id = $2 \
             and member_id = (select member_id from member where telegram_user_id = $3)",
        )
        .bind(member)
        .bind(cluster_id)
        .bind(telegram_user_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }
}
