//! Joint actions, progress reports with their notes, and check-ins.

use crate::domain::ids::{ActionId, ClusterId, MediaId, MemberId, ReportId, ReportNoteId};
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::action::{ActionStatus, Blocker, NewAction};
use crate::domain::ids::CooperativeId;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct JointAction {
    pub action_id: ActionId,
    pub cluster_id: ClusterId,
    pub title: String,
    pub description: Option<String>,
    pub start_date: NaiveDate,
    pub due_date: NaiveDate,
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub rhythm_days: Option<i64>,
    pub done_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

const ACTION_COLUMNS: &str = "a.action_id, a.cluster_id, a.title, a.description, a.start_date, a.due_date, a.target, \
     a.unit, a.rhythm_days, a.done_at, a.created_at";

/// A report with who made it, for histories.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Report {
    pub report_id: ReportId,
    pub action_id: ActionId,
    pub member_id: MemberId,
    pub member_name: Option<String>,
    pub status: ActionStatus,
    pub percent: Option<f64>,
    pub amount: Option<f64>,
    pub blocker: Option<Blocker>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Note {
    pub note_id: ReportNoteId,
    pub report_id: ReportId,
    pub kind: String,
    pub body: Option<String>,
    pub media_path: Option<String>,
}

/// A report to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReport {
    pub action_id: ActionId,
    pub member_id: MemberId,
    pub status: ActionStatus,
    pub percent: Option<f64>,
    pub amount: Option<f64>,
    pub blocker: Option<Blocker>,
}

/// Someone to ask about an action, with what decides whether to ask now.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CheckinCandidate {
    pub action_id: ActionId,
    pub member_id: MemberId,
    pub chat_id: i64,
    pub locale: Option<crate::domain::Locale>,
    pub cluster_locale: crate::domain::Locale,
    pub timezone: String,
    pub rhythm_days: Option<i64>,
    pub done: bool,
    /// Latest report, check-in or the action's creation.
    pub last_activity: DateTime<Utc>,
    pub pending: bool,
}

impl Store {
    pub async fn add_action(&self, new: &NewAction) -> Result<JointAction> {
        let mut added = self.add_actions(std::slice::from_ref(new)).await?;
        added.pop().ok_or(StoreError::NotFound("joint action"))
    }

    /// Adds several actions in one transaction: all of them or none.
    pub async fn add_actions(&self, news: &[NewAction]) -> Result<Vec<JointAction>> {
        for new in news {
            for coop in &new.cooperatives {
                if self.cooperative(*coop).await?.cluster_id != new.cluster_id {
                    return Err(StoreError::NotFound("cooperative in this cluster"));
                }
            }
        }
        let at = now();
        let ids: Vec<ActionId> = on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let mut ids = Vec::with_capacity(news.len());
            for new in news {
                let id: ActionId = sqlx::query_scalar(
                    "insert into joint_action (cluster_id, title, description, start_date, due_date, target, unit, \
                     rhythm_days, created_by_member_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                     returning action_id",
                )
                .bind(new.cluster_id)
                .bind(&new.title)
                .bind(&new.description)
                .bind(new.start_date)
                .bind(new.due_date)
                .bind(new.target)
                .bind(&new.unit)
                .bind(new.rhythm_days)
                .bind(new.created_by)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                for coop in &new.cooperatives {
                    sqlx::query("insert into joint_action_owner (action_id, cooperative_id) values ($1, $2) on conflict do nothing")
                        .bind(id)
                        .bind(coop)
                        .execute(&mut *tx)
                        .await?;
                }
                ids.push(id);
            }
            tx.commit().await?;
            ids
        });
        let mut actions = Vec::with_capacity(ids.len());
        for id in ids {
            actions.push(self.action(id).await?);
        }
        Ok(actions)
    }

    pub async fn action(&self, action_id: ActionId) -> Result<JointAction> {
        let sql = format!("select {ACTION_COLUMNS} from joint_action a where a.action_id = $1");
        on_pool!(self, pool => sqlx::query_as(&sql).bind(action_id).fetch_optional(pool).await)?
            .ok_or(StoreError::NotFound("joint action"))
    }

    /// The cluster's actions, by due date.
    pub async fn actions(&self, cluster_id: ClusterId) -> Result<Vec<JointAction>> {
        let sql = format!(
            "select {ACTION_COLUMNS} from joint_action a where a.cluster_id = $1 order by a.due_date, a.action_id"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(cluster_id).fetch_all(pool).await)?)
    }

    /// Adds (or replaces) the title of an action in another language.
    pub async fn set_action_title(
        &self,
        action_id: ActionId,
        locale: crate::domain::Locale,
        title: &str,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into joint_action_title (action_id, locale, title, created_at) values ($1, $2, $3, $4) \
             on conflict (action_id, locale) do update set title = excluded.title",
        )
        .bind(action_id)
        .bind(locale.code())
        .bind(title)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Shows each action under its title in `locale` when a CDA gave one; the title as
    /// written otherwise.
    pub async fn localize_actions(
        &self,
        actions: &mut [JointAction],
        locale: crate::domain::Locale,
    ) -> Result<()> {
        for a in actions.iter_mut() {
            let title: Option<String> = on_pool!(self, pool => sqlx::query_scalar(
                "select title from joint_action_title where action_id = $1 and locale = $2",
            )
            .bind(a.action_id)
            .bind(locale.code())
            .fetch_optional(pool)
            .await)?;
            if let Some(t) = title {
                a.title = t;
            }
        }
        Ok(())
    }

    /// An action, titled in `locale` when a translation was given.
    pub async fn action_in(&self, action_id: ActionId, locale: crate::domain::Locale) -> Result<JointAction> {
        let mut one = [self.action(action_id).await?];
        self.localize_actions(&mut one, locale).await?;
        let [a] = one;
        Ok(a)
    }

    /// Reports on a cluster's actions (not withdrawn), counted by the reporter's cooperative
    /// and gender — the disaggregation M&E asks for.
    pub async fn report_breakdown(
        &self,
        cluster_id: ClusterId,
    ) -> Result<Vec<(Option<String>, Option<crate::domain::Gender>, i64)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select k.name, p.gender, count(*) from progress_report r join joint_action a on a.action_id = r.action_id \
             join member p on p.member_id = r.member_id \
             left join membership m on m.member_id = r.member_id and m.cluster_id = a.cluster_id \
             left join cooperative k on k.cooperative_id = m.cooperative_id \
             where a.cluster_id = $1 and r.undone_at is null group by k.name, p.gender order by k.name, p.gender",
        )
        .bind(cluster_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Names of the owning cooperatives (empty: the whole cluster).
    pub async fn action_owners(&self, action_id: ActionId) -> Result<Vec<(CooperativeId, String)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select k.cooperative_id, k.name from joint_action_owner o join cooperative k on k.cooperative_id = o.cooperative_id \
             where o.action_id = $1 order by k.name",
        )
        .bind(action_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Actions a member can report on: those of their clusters owned by the whole cluster or
    /// by their cooperative. A CDA (no cooperative) may report on all of their clusters'.
    pub async fn actions_for_member(&self, member_id: MemberId) -> Result<Vec<JointAction>> {
        let sql = format!(
            "select {ACTION_COLUMNS} from joint_action a join membership m on m.cluster_id = a.cluster_id \
             where m.member_id = $1 and (m.role = 'cda' \
               or not exists (select 1 from joint_action_owner o where o.action_id = a.action_id) \
               or exists (select 1 from joint_action_owner o where o.action_id = a.action_id and o.cooperative_id = m.cooperative_id)) \
             order by a.due_date, a.action_id"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(member_id).fetch_all(pool).await)?)
    }

    /// Stores a report; a "done" report marks the action done.
    pub async fn add_report(&self, r: &NewReport) -> Result<ReportId> {
        let at = now();
        let id = on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let id: ReportId = sqlx::query_scalar(
                "insert into progress_report (action_id, member_id, status, percent, amount, blocker, created_at) \
                 values ($1, $2, $3, $4, $5, $6, $7) returning report_id",
            )
            .bind(r.action_id)
            .bind(r.member_id)
            .bind(r.status.code())
            .bind(r.percent)
            .bind(r.amount)
            .bind(r.blocker.map(Blocker::code))
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            let done_at = (r.status == ActionStatus::Done).then_some(at);
            sqlx::query("update joint_action set done_at = $1 where action_id = $2")
                .bind(done_at)
                .bind(r.action_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("update checkin set answered_at = $1 where action_id = $2 and member_id = $3 and answered_at is null")
                .bind(at)
                .bind(r.action_id)
                .bind(r.member_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Completes a report being built (status first, then progress and blocker).
    pub async fn update_report(
        &self,
        report_id: ReportId,
        percent: Option<f64>,
        amount: Option<f64>,
        blocker: Option<Blocker>,
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "update progress_report set percent = coalesce($1, percent), amount = coalesce($2, amount), \
             blocker = coalesce($3, blocker) where report_id = $4",
        )
        .bind(percent)
        .bind(amount)
        .bind(blocker.map(Blocker::code))
        .bind(report_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn add_report_note(
        &self,
        report_id: ReportId,
        kind: &str,
        body: Option<&str>,
        media_file_id: Option<MediaId>,
    ) -> Result<ReportNoteId> {
        Ok(on_write!(self, pool => sqlx::query_scalar(
            "insert into report_note (report_id, kind, body, media_file_id, created_at) values ($1, $2, $3, $4, $5) \
             returning note_id",
        )
        .bind(report_id)
        .bind(kind)
        .bind(body)
        .bind(media_file_id)
        .bind(now())
        .fetch_one(pool)
        .await)?)
    }

    /// Withdraws a report made by `member_id` less than `window` ago. Returns whether it did.
    /// If the report had marked the action done, the action is open again.
    pub async fn undo_report(
        &self,
        report_id: ReportId,
        member_id: MemberId,
        window: Duration,
    ) -> Result<bool> {
        let at = now();
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(
                "update progress_report set undone_at = $1 where report_id = $2 and member_id = $3 \
                 and undone_at is null and created_at > $4",
            )
            .bind(at)
            .bind(report_id)
            .bind(member_id)
            .bind(at - window)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 1 {
                // The action is done only if its latest remaining report says so.
                let latest: Option<String> = sqlx::query_scalar(
                    "select status from progress_report where action_id = (select action_id from progress_report where report_id = $1) \
                     and undone_at is null order by report_id desc limit 1",
                )
                .bind(report_id)
                .fetch_optional(&mut *tx)
                .await?;
                if latest.as_deref() != Some("done") {
                    sqlx::query("update joint_action set done_at = null where action_id = (select action_id from progress_report where report_id = $1)")
                        .bind(report_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            Ok(n == 1)
        })
    }

    /// An action's reports, newest first, without withdrawn ones.
    pub async fn reports(&self, action_id: ActionId) -> Result<Vec<Report>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select r.report_id, r.action_id, r.member_id, p.display_name as member_name, r.status, r.percent, r.amount, \
             r.blocker, r.created_at from progress_report r join member p on p.member_id = r.member_id \
             where r.action_id = $1 and r.undone_at is null order by r.report_id desc",
        )
        .bind(action_id)
        .fetch_all(pool)
        .await)?)
    }

    pub async fn report(&self, report_id: ReportId) -> Result<Report> {
        on_pool!(self, pool => sqlx::query_as(
            "select r.report_id, r.action_id, r.member_id, p.display_name as member_name, r.status, r.percent, r.amount, \
             r.blocker, r.created_at from progress_report r join member p on p.member_id = r.member_id \
             where r.report_id = $1 and r.undone_at is null",
        )
        .bind(report_id)
        .fetch_optional(pool)
        .await)?
        .ok_or(StoreError::NotFound("report"))
    }

    pub async fn report_notes(&self, report_id: ReportId) -> Result<Vec<Note>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select n.note_id, n.report_id, n.kind, n.body, f.path as media_path from report_note n \
             left join media_file f on f.media_file_id = n.media_file_id where n.report_id = $1 order by n.note_id",
        )
        .bind(report_id)
        .fetch_all(pool)
        .await)?)
    }

    pub async fn note(&self, note_id: ReportNoteId) -> Result<Note> {
        on_pool!(self, pool => sqlx::query_as(
            "select n.note_id, n.report_id, n.kind, n.body, f.path as media_path from report_note n \
             left join media_file f on f.media_file_id = n.media_file_id where n.note_id = $1",
        )
        .bind(note_id)
        .fetch_optional(pool)
        .await)?
        .ok_or(StoreError::NotFound("note"))
    }

    /// Names of those asked for this action's check-ins who cannot be reached: they blocked
    /// the bot, or their last check-in could not be delivered.
    pub async fn action_unreachable(&self, action_id: ActionId) -> Result<Vec<String>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select p.display_name from member p \
             where p.display_name is not null \
             and exists (select 1 from checkin k where k.action_id = $1 and k.member_id = p.member_id) \
             and (p.opted_out_at is not null or exists (select 1 from outbox o where o.action_id = $1 \
                  and o.member_id = p.member_id and o.kind = 'checkin' and o.state = 'failed')) \
             order by p.display_name",
        )
        .bind(action_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Owners to ask about actions that have a rhythm and are not done: the leaders of the
    /// owning cooperatives, or of every cooperative for a whole-cluster action (the CDAs
    /// when the cluster has no leader).
    pub async fn checkin_candidates(&self) -> Result<Vec<CheckinCandidate>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select a.action_id, p.member_id, p.chat_id, p.locale, c.locale as cluster_locale, c.timezone, a.rhythm_days, \
             a.done_at is not null as done, \
             coalesce((select max(r.created_at) from progress_report r where r.action_id = a.action_id and r.undone_at is null), a.created_at) as last_activity, \
             exists (select 1 from checkin k where k.action_id = a.action_id and k.member_id = p.member_id and k.answered_at is null) as pending \
             from joint_action a join cluster c on c.cluster_id = a.cluster_id \
             join membership m on m.cluster_id = a.cluster_id join member p on p.member_id = m.member_id \
             where a.rhythm_days is not null and a.done_at is null and p.chat_id is not null and p.opted_out_at is null \
             and ((m.role = 'leader' and (not exists (select 1 from joint_action_owner o where o.action_id = a.action_id) \
                    or exists (select 1 from joint_action_owner o where o.action_id = a.action_id and o.cooperative_id = m.cooperative_id))) \
                  or (m.role = 'cda' and not exists (select 1 from membership l where l.cluster_id = a.cluster_id and l.role = 'leader'))) \
             order by a.action_id, p.member_id",
        )
        .fetch_all(pool)
        .await)?)
    }

    /// Records that an owner is asked and queues the check-in in the outbox, in one
    /// transaction; refuses if a check-in is already waiting for them (so two bot processes
    /// never ask twice).
    pub async fn queue_checkin(
        &self,
        action_id: ActionId,
        member_id: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        use chrono::SubsecRound;
        let at = at.trunc_subsecs(6);
        on_write!(self, pool => {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(
                // One waiting per member and action (a unique index): with several processes
                // queueing at once, the second insert waits for the first and does nothing.
                "insert into checkin (action_id, member_id, asked_at) values ($1, $2, $3) \
                 on conflict (action_id, member_id) where answered_at is null do nothing",
            )
            .bind(action_id)
            .bind(member_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n != 1 {
                return Ok(false);
            }
            sqlx::query(
                "insert into outbox (action_id, member_id, kind, due_at, created_at) values ($1, $2, 'checkin', $3, $3)",
            )
            .bind(action_id)
            .bind(member_id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }
}
