//! Rows for exports, streamed: each query is read with `fetch()` and every row is handed to
//! a callback as it arrives, so an export of 100 000 rows never holds them all. Rows that
//! span several database rows (a response and its answers, a report and its notes) are
//! ordered so that they arrive together, and are put together here one at a time.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;

use super::{Result, Store, StoreError, on_pool};
use crate::domain::ids::{
    ActionId, ClusterId, FieldNoteId, FormVersionId, MeetingId, MemberId, ReportId, ResponseId,
};

/// Which rows of a cluster: `from` inclusive, `until` exclusive, on the row's main date
/// (joined, started, reported, starts, written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportScope {
    pub cluster_id: ClusterId,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// One membership of the cluster. Identity fields are `None` for a forgotten member.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct MemberExportRow {
    pub member_id: MemberId,
    pub telegram_user_id: Option<i64>,
    pub display_name: Option<String>,
    pub gender: Option<String>,
    pub locale: Option<String>,
    pub role: String,
    pub cooperative: Option<String>,
    pub joined_at: DateTime<Utc>,
    pub consent_at: Option<DateTime<Utc>>,
    pub opted_out_at: Option<DateTime<Utc>>,
    pub forgotten_at: Option<DateTime<Utc>>,
}

/// A stored answer: its value and, for voice notes and photos, the file's path under the
/// data directory (and a voice note's transcript, once made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportAnswer {
    pub value: String,
    pub media_path: Option<String>,
    pub transcript: Option<String>,
}

/// One response (submission) with all of its answers, by question name.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseExportRow {
    pub response_id: ResponseId,
    pub member_id: MemberId,
    pub display_name: Option<String>,
    pub gender: Option<String>,
    pub forgotten_at: Option<DateTime<Utc>>,
    pub cooperative: Option<String>,
    pub status: String,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub answers: BTreeMap<String, ExportAnswer>,
}

#[derive(sqlx::FromRow)]
struct ResponseAnswerRow {
    response_id: ResponseId,
    member_id: MemberId,
    display_name: Option<String>,
    gender: Option<String>,
    forgotten_at: Option<DateTime<Utc>>,
    cooperative: Option<String>,
    status: String,
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
    question: Option<String>,
    value: Option<String>,
    media_path: Option<String>,
    transcript: Option<String>,
}

/// One progress report (not withdrawn) with its notes: text notes in order, the files of
/// voice and photo notes, and the transcripts of voice notes.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportExportRow {
    pub report_id: ReportId,
    pub action_id: ActionId,
    pub action_title: String,
    pub member_id: MemberId,
    pub display_name: Option<String>,
    pub cooperative: Option<String>,
    pub status: String,
    pub percent: Option<f64>,
    pub amount: Option<f64>,
    pub unit: Option<String>,
    pub blocker: Option<String>,
    pub created_at: DateTime<Utc>,
    pub notes: Vec<String>,
    pub media: Vec<String>,
    pub transcripts: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct ReportNoteRow {
    report_id: ReportId,
    action_id: ActionId,
    action_title: String,
    member_id: MemberId,
    display_name: Option<String>,
    cooperative: Option<String>,
    status: String,
    percent: Option<f64>,
    amount: Option<f64>,
    unit: Option<String>,
    blocker: Option<String>,
    created_at: DateTime<Utc>,
    note_body: Option<String>,
    media_path: Option<String>,
    transcript: Option<String>,
}

/// One invitee of one meeting.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct MeetingExportRow {
    pub meeting_id: MeetingId,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub member_id: MemberId,
    pub display_name: Option<String>,
    pub rsvp: Option<String>,
    pub rsvp_at: Option<DateTime<Utc>>,
    /// The answer given before the meeting was moved.
    pub previous_rsvp: Option<String>,
}

/// One field note.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct NoteExportRow {
    pub field_note_id: FieldNoteId,
    pub created_at: DateTime<Utc>,
    pub member_id: Option<MemberId>,
    pub display_name: Option<String>,
    pub kind: String,
    pub tag: Option<String>,
    pub body: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub media_path: Option<String>,
    pub transcript: Option<String>,
}

/// `and <column> >= $2 and <column> < $3`, when given.
fn date_filter(column: &str) -> String {
    format!("($2 is null or {column} >= $2) and ($3 is null or {column} < $3)")
}

/// Runs `$sql` (with `$1` the cluster and `$2`/`$3` the date range, then `$extra` binds),
/// handing each decoded row to `$each` as it arrives.
macro_rules! stream_rows {
    ($store:expr, $row:ty, $sql:expr, $scope:expr, [$($extra:expr),*], |$r:ident| $each:expr) => {
        on_pool!($store, pool => {
            let mut rows = sqlx::query_as::<_, $row>($sql)
                .bind($scope.cluster_id)
                .bind($scope.from)
                .bind($scope.until)
                $(.bind($extra))*
                .fetch(pool);
            while let Some($r) = rows.try_next().await.map_err(StoreError::from)? {
                $each;
            }
        })
    };
}

impl Store {
    /// The form stored as `form_id` at `version`, or its latest version.
    pub async fn export_form_pk(
        &self,
        form_id: &str,
        version: Option<&str>,
    ) -> Result<Option<FormVersionId>> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "select form_pk from form where form_id = $1 and ($2 = '' or version = $2) order by form_pk desc limit 1",
        )
        .bind(form_id)
        .bind(version.unwrap_or(""))
        .fetch_optional(pool)
        .await)?)
    }

    /// Every membership of the cluster joined in the range, by member id.
    pub async fn export_members<E: From<StoreError>>(
        &self,
        scope: &ExportScope,
        mut each: impl FnMut(MemberExportRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        let sql = format!(
            "select p.member_id, p.telegram_user_id, p.display_name, p.gender, p.locale, m.role, k.name as cooperative, \
             m.created_at as joined_at, p.consent_at, p.opted_out_at, p.forgotten_at \
             from membership m join member p on p.member_id = m.member_id \
             left join cooperative k on k.cooperative_id = m.cooperative_id \
             where m.cluster_id = $1 and {} order by p.member_id",
            date_filter("m.created_at")
        );
        let mut n = 0;
        stream_rows!(self, MemberExportRow, &sql, scope, [], |row| {
            each(row)?;
            n += 1;
        });
        Ok(n)
    }

    /// Every response to launches of `form_pk` in the cluster started in the range (without a
    /// range: also those not started), each with its answers, by response id.
    pub async fn export_responses<E: From<StoreError>>(
        &self,
        scope: &ExportScope,
        form_pk: FormVersionId,
        mut each: impl FnMut(ResponseExportRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        let sql = format!(
            "select r.response_id, r.member_id, p.display_name, p.gender, p.forgotten_at, k.name as cooperative, r.status, \
             r.started_at, r.finished_at, a.question, a.value, f.path as media_path, f.transcript \
             from response r join launch l on l.launch_id = r.launch_id join member p on p.member_id = r.member_id \
             left join membership m on m.member_id = r.member_id and m.cluster_id = l.cluster_id \
             left join cooperative k on k.cooperative_id = m.cooperative_id \
             left join answer a on a.response_id = r.response_id \
             left join media_file f on f.media_file_id = a.media_file_id \
             where l.cluster_id = $1 and l.form_pk = $4 and {} order by r.response_id, a.question",
            date_filter("r.started_at")
        );
        let mut current: Option<ResponseExportRow> = None;
        let mut n = 0;
        stream_rows!(self, ResponseAnswerRow, &sql, scope, [form_pk], |row| {
            if current.as_ref().is_some_and(|c| c.response_id != row.response_id) {
                each(current.take().expect("checked"))?;
                n += 1;
            }
            let response = current.get_or_insert_with(|| ResponseExportRow {
                response_id: row.response_id,
                member_id: row.member_id,
                display_name: row.display_name,
                gender: row.gender,
                forgotten_at: row.forgotten_at,
                cooperative: row.cooperative,
                status: row.status,
                started_at: row.started_at,
                finished_at: row.finished_at,
                answers: BTreeMap::new(),
            });
            if let Some(question) = row.question {
                let answer = ExportAnswer {
                    value: row.value.unwrap_or_default(),
                    media_path: row.media_path,
                    transcript: row.transcript,
                };
                response.answers.insert(question, answer);
            }
        });
        if let Some(last) = current {
            each(last)?;
            n += 1;
        }
        Ok(n)
    }

    /// Every report (not withdrawn) on the cluster's actions made in the range, with its
    /// notes, by report id. Action titles are given in `locale` when a CDA translated them.
    pub async fn export_reports<E: From<StoreError>>(
        &self,
        scope: &ExportScope,
        locale: Option<crate::domain::Locale>,
        mut each: impl FnMut(ReportExportRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        let sql = format!(
            "select r.report_id, r.action_id, coalesce(t.title, a.title) as action_title, r.member_id, p.display_name, \
             k.name as cooperative, r.status, r.percent, r.amount, a.unit, r.blocker, r.created_at, \
             case when n.kind = 'text' then n.body end as note_body, f.path as media_path, f.transcript \
             from progress_report r join joint_action a on a.action_id = r.action_id \
             join member p on p.member_id = r.member_id \
             left join joint_action_title t on t.action_id = a.action_id and t.locale = $4 \
             left join membership m on m.member_id = r.member_id and m.cluster_id = a.cluster_id \
             left join cooperative k on k.cooperative_id = m.cooperative_id \
             left join report_note n on n.report_id = r.report_id \
             left join media_file f on f.media_file_id = n.media_file_id \
             where a.cluster_id = $1 and r.undone_at is null and {} order by r.report_id, n.note_id",
            date_filter("r.created_at")
        );
        let locale = locale.map(|l| l.code()).unwrap_or("");
        let mut current: Option<ReportExportRow> = None;
        let mut n = 0;
        stream_rows!(self, ReportNoteRow, &sql, scope, [locale], |row| {
            if current.as_ref().is_some_and(|c| c.report_id != row.report_id) {
                each(current.take().expect("checked"))?;
                n += 1;
            }
            let report = current.get_or_insert_with(|| ReportExportRow {
                report_id: row.report_id,
                action_id: row.action_id,
                action_title: row.action_title,
                member_id: row.member_id,
                display_name: row.display_name,
                cooperative: row.cooperative,
                status: row.status,
                percent: row.percent,
                amount: row.amount,
                unit: row.unit,
                blocker: row.blocker,
                created_at: row.created_at,
                notes: Vec::new(),
                media: Vec::new(),
                transcripts: Vec::new(),
            });
            report.notes.extend(row.note_body.filter(|b| !b.trim().is_empty()));
            report.media.extend(row.media_path);
            report.transcripts.extend(row.transcript.filter(|t| !t.trim().is_empty()));
        });
        if let Some(last) = current {
            each(last)?;
            n += 1;
        }
        Ok(n)
    }

    /// One row per invitee of every meeting of the cluster starting in the range, by start.
    pub async fn export_meetings<E: From<StoreError>>(
        &self,
        scope: &ExportScope,
        mut each: impl FnMut(MeetingExportRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        let sql = format!(
            "select g.meeting_id, g.title, g.starts_at, g.place, g.latitude, g.longitude, g.cancelled_at, i.member_id, \
             p.display_name, i.rsvp, i.rsvp_at, i.previous_rsvp \
             from meeting g join meeting_invitee i on i.meeting_id = g.meeting_id join member p on p.member_id = i.member_id \
             where g.cluster_id = $1 and {} order by g.starts_at, g.meeting_id, i.member_id",
            date_filter("g.starts_at")
        );
        let mut n = 0;
        stream_rows!(self, MeetingExportRow, &sql, scope, [], |row| {
            each(row)?;
            n += 1;
        });
        Ok(n)
    }

    /// Every field note of the cluster written in the range, oldest first.
    pub async fn export_notes<E: From<StoreError>>(
        &self,
        scope: &ExportScope,
        mut each: impl FnMut(NoteExportRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        let sql = format!(
            "select n.field_note_id, n.created_at, n.member_id, p.display_name, n.kind, n.tag, n.body, n.latitude, \
             n.longitude, f.path as media_path, f.transcript \
             from field_note n left join member p on p.member_id = n.member_id \
             left join media_file f on f.media_file_id = n.media_file_id \
             where n.cluster_id = $1 and {} order by n.field_note_id",
            date_filter("n.created_at")
        );
        let mut n = 0;
        stream_rows!(self, NoteExportRow, &sql, scope, [], |row| {
            each(row)?;
            n += 1;
        });
        Ok(n)
    }
}
