//! Exports for CDAs: a cluster's members, form responses (one row per submission, one column
//! per question, as KoboToolbox exports them), progress reports, meetings with their
//! answers, and field notes — as CSV (UTF-8 with a BOM, so Excel shows Arabic and Urdu) or
//! XLSX, streamed row by row from the database, with an optional ZIP of the media files the
//! rows point at.
//!
//! The SQL lives in `store::exports`; this module turns rows into cells.

mod media;
mod sink;

use crate::domain::ids::ClusterId;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use self::media::MediaZip;
pub use self::sink::{BOM, Cell};
use self::sink::{CsvSink, Sink, XlsxSink};
use crate::domain::Locale;
use crate::domain::form::{Form, Item, Kind, Meta};
use crate::domain::ids::FormVersionId;
use crate::store::{ExportScope, Store, StoreError};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dataset {
    Members,
    Responses,
    Reports,
    Meetings,
    Notes,
}

impl Dataset {
    pub const ALL: [Dataset; 5] =
        [Self::Members, Self::Responses, Self::Reports, Self::Meetings, Self::Notes];

    pub fn code(self) -> &'static str {
        match self {
            Self::Members => "members",
            Self::Responses => "responses",
            Self::Reports => "reports",
            Self::Meetings => "meetings",
            Self::Notes => "notes",
        }
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a dataset: use members, responses, reports, meetings or notes")]
pub struct UnknownDataset(String);

impl FromStr for Dataset {
    type Err = UnknownDataset;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|d| d.code() == s.trim().to_lowercase())
            .ok_or_else(|| UnknownDataset(s.to_owned()))
    }
}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an export format: use csv or xlsx")]
pub struct UnknownFormat(String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "csv" => Ok(Self::Csv),
            "xlsx" => Ok(Self::Xlsx),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        })
    }
}

/// An export to make.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub cluster_id: ClusterId,
    pub dataset: Dataset,
    pub format: Format,
    /// For responses: the form id, and a version (else the latest).
    pub form: Option<(String, Option<String>)>,
    /// First day (inclusive, in the cluster's time zone) of the rows' main date.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive, in the cluster's time zone).
    pub to: Option<NaiveDate>,
    /// Choice labels in this language instead of choice codes (responses), and action titles
    /// in it where a CDA translated them (reports).
    pub labels: Option<Locale>,
    /// Names, genders and Telegram ids: only for roles allowed to see them.
    pub include_personal: bool,
    /// Also write the media files the rows refer to into this ZIP.
    pub media_zip: Option<PathBuf>,
    /// Where media paths (`media/voice/…`) are relative to.
    pub data_dir: PathBuf,
}

impl ExportRequest {
    /// An export of the whole dataset, without personal columns, labels or media.
    pub fn new(cluster_id: ClusterId, dataset: Dataset, format: Format) -> Self {
        Self {
            cluster_id,
            dataset,
            format,
            form: None,
            from: None,
            to: None,
            labels: None,
            include_personal: false,
            media_zip: None,
            data_dir: PathBuf::new(),
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportSummary {
    /// Rows, not counting the header.
    pub rows: u64,
    pub columns: Vec<String>,
    /// Files written to the media ZIP.
    pub media_files: u64,
    /// Media paths the rows show but that are not in the data directory.
    pub missing_media: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write {}", path.display())]
    File { path: PathBuf, source: std::io::Error },
    #[error("could not write the export")]
    Io(#[from] std::io::Error),
    #[error("could not write CSV")]
    Csv(#[from] csv::Error),
    #[error("could not write XLSX")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("could not write the media ZIP")]
    Zip(#[from] zip::result::ZipError),
    #[error("there is no cluster {0}; `clusterbot cluster list` shows the ids")]
    NoCluster(ClusterId),
    #[error("the responses export needs a form: --form FORM_ID (see `clusterbot form list`)")]
    FormRequired,
    #[error("--form is only for the responses dataset, not {0}")]
    FormNotApplicable(Dataset),
    #[error("there is no form '{form_id}'{}; `clusterbot form list` shows the forms and versions",
        version.as_ref().map(|v| format!(" with version '{v}'")).unwrap_or_default())]
    NoForm { form_id: String, version: Option<String> },
    #[error("--from {from} is after --to {to}")]
    BadRange { from: NaiveDate, to: NaiveDate },
    #[error("cluster {0} has an unknown time zone '{1}'")]
    BadTimezone(ClusterId, String),
}

/// Writes the export to the file `out` (and the media ZIP, when asked). Files are written
/// under a temporary name beside their place and renamed when complete: a failed export
/// leaves no partial file, and an older file of the same name stays as it was.
pub async fn export(
    store: &Store,
    request: &ExportRequest,
    out: &Path,
) -> Result<ExportSummary, ExportError> {
    let plan = plan(store, request).await?;
    let partial = Partial::new(out);
    let zip = request.media_zip.as_deref().map(Partial::new);
    let result = async {
        let sink: Box<dyn Sink + Send> = match request.format {
            Format::Csv => Box::new(CsvSink::new(std::io::BufWriter::new(partial.create()?))?),
            Format::Xlsx => {
                // rust_xlsxwriter writes the file only at the end: find out now if it can be written.
                partial.create()?;
                Box::new(XlsxSink::new(&partial.temporary, request.dataset.code())?)
            }
        };
        write(store, request, &plan, sink, zip.as_ref()).await
    }
    .await;
    let complete = result.is_ok();
    let settled = partial.settle(complete);
    let zip_settled = zip.as_ref().map_or(Ok(()), |z| z.settle(complete));
    settled?;
    zip_settled?;
    result
}

/// Writes the export as CSV into any writer (`request.format` is not consulted).
pub async fn export_csv<W: Write + Send>(
    store: &Store,
    request: &ExportRequest,
    out: W,
) -> Result<ExportSummary, ExportError> {
    let plan = plan(store, request).await?;
    let zip = request.media_zip.as_deref().map(Partial::new);
    let result = write(store, request, &plan, Box::new(CsvSink::new(out)?), zip.as_ref()).await;
    if let Some(zip) = &zip {
        zip.settle(result.is_ok())?;
    }
    result
}

/// A file written under a temporary name (`.NAME.partial` in the same folder) until complete.
struct Partial {
    temporary: PathBuf,
    path: PathBuf,
}

impl Partial {
    fn new(path: &Path) -> Self {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Self { temporary: path.with_file_name(format!(".{name}.partial")), path: path.to_path_buf() }
    }

    fn create(&self) -> Result<std::fs::File, ExportError> {
        std::fs::File::create(&self.temporary)
            .map_err(|source| ExportError::File { path: self.path.clone(), source })
    }

    /// Renames a complete file into place, or removes an incomplete one.
    fn settle(&self, complete: bool) -> Result<(), ExportError> {
        if complete {
            std::fs::rename(&self.temporary, &self.path)
                .map_err(|source| ExportError::File { path: self.path.clone(), source })
        } else {
            let _ = std::fs::remove_file(&self.temporary);
            Ok(())
        }
    }
}

/// Midnight starting `day` in `tz`, as UTC (the first hour that exists, on a day whose
/// midnight the clock skips).
fn day_start(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    (0..24)
        .find_map(|h| {
            crate::domain::meeting::local_to_utc(day.and_time(NaiveTime::from_hms_opt(h, 0, 0)?), tz).ok()
        })
        .unwrap_or_else(|| day.and_time(NaiveTime::MIN).and_utc())
}

/// What a request means, checked before any file is touched.
struct Plan {
    scope: ExportScope,
    tz: Tz,
    /// For responses: the form's key and the form.
    form: Option<(FormVersionId, std::sync::Arc<Form>)>,
}

async fn plan(store: &Store, request: &ExportRequest) -> Result<Plan, ExportError> {
    let cluster = store.cluster(request.cluster_id).await.map_err(|e| match e {
        StoreError::NotFound(_) => ExportError::NoCluster(request.cluster_id),
        other => other.into(),
    })?;
    let tz: Tz = cluster
        .timezone
        .parse()
        .map_err(|_| ExportError::BadTimezone(cluster.cluster_id, cluster.timezone.clone()))?;
    if let (Some(from), Some(to)) = (request.from, request.to)
        && from > to
    {
        return Err(ExportError::BadRange { from, to });
    }
    let form = match (&request.form, request.dataset) {
        (None, Dataset::Responses) => return Err(ExportError::FormRequired),
        (Some(_), other) if other != Dataset::Responses => return Err(ExportError::FormNotApplicable(other)),
        (Some((form_id, version)), _) => {
            let form_pk = store
                .export_form_pk(form_id, version.as_deref())
                .await?
                .ok_or_else(|| ExportError::NoForm { form_id: form_id.clone(), version: version.clone() })?;
            Some((form_pk, store.form(form_pk).await?))
        }
        (None, _) => None,
    };
    let scope = ExportScope {
        cluster_id: cluster.cluster_id,
        from: request.from.map(|d| day_start(d, tz)),
        until: request.to.and_then(|d| d.checked_add_days(Days::new(1))).map(|d| day_start(d, tz)),
    };
    Ok(Plan { scope, tz, form })
}

async fn write<'a>(
    store: &Store,
    request: &ExportRequest,
    plan: &Plan,
    mut sink: Box<dyn Sink + Send + 'a>,
    zip: Option<&Partial>,
) -> Result<ExportSummary, ExportError> {
    let (scope, tz) = (&plan.scope, plan.tz);
    let mut zip = match zip {
        Some(partial) => Some(MediaZip::create(partial.create()?, &request.data_dir)),
        None => None,
    };
    let personal = request.include_personal;
    let mut media = |path: &str| -> Result<(), ExportError> {
        match zip.as_mut() {
            Some(z) => z.add(path),
            None => Ok(()),
        }
    };

    let mut columns: Vec<String> = Vec::new();
    let mut add = |names: &[&str], when: bool| {
        if when {
            columns.extend(names.iter().map(|n| (*n).to_owned()));
        }
    };
    let rows = match request.dataset {
        Dataset::Members => {
            add(&["member_id"], true);
            add(&["display_name", "gender", "telegram_user_id"], personal);
            add(
                &["locale", "role", "cooperative", "joined_at", "consent_at", "opted_out_at", "forgotten_at"],
                true,
            );
            sink.header(&columns)?;
            store
                .export_members(scope, |r| {
                    let mut cells = vec![Cell::Int(r.member_id.get())];
                    if personal {
                        cells.extend([
                            Cell::opt_text(r.display_name),
                            Cell::opt_text(r.gender),
                            r.telegram_user_id.map(Cell::Int).unwrap_or(Cell::Empty),
                        ]);
                    }
                    cells.extend([
                        Cell::opt_text(r.locale),
                        Cell::text(r.role),
                        Cell::opt_text(r.cooperative),
                        Cell::Utc(r.joined_at),
                        Cell::opt_utc(r.consent_at),
                        Cell::opt_utc(r.opted_out_at),
                        Cell::opt_utc(r.forgotten_at),
                    ]);
                    sink.row(&cells)
                })
                .await?
        }
        Dataset::Responses => {
            let (form_pk, form) = plan.form.as_ref().ok_or(ExportError::FormRequired)?;
            let questions = question_columns(form, personal);
            add(&["response_id", "member_id"], true);
            add(&["display_name", "gender"], personal);
            add(&["cooperative", "status", "started_at", "finished_at"], true);
            columns.extend(questions.iter().map(|q| q.header.clone()));
            sink.header(&columns)?;
            store
                .export_responses(scope, *form_pk, |r| {
                    let mut cells = vec![Cell::Int(r.response_id.get()), Cell::Int(r.member_id.get())];
                    if personal {
                        cells.extend([Cell::opt_text(r.display_name), Cell::opt_text(r.gender)]);
                    }
                    cells.extend([
                        Cell::opt_text(r.cooperative),
                        Cell::text(r.status),
                        Cell::opt_utc(r.started_at),
                        Cell::opt_utc(r.finished_at),
                    ]);
                    for q in &questions {
                        let item = &form.items[q.item];
                        let cell = match (r.answers.get(&q.answer), q.part) {
                            (None, _) => Cell::Empty,
                            (Some(a), Part::Transcript) => Cell::opt_text(a.transcript.clone()),
                            // Who answered is not kept for a member who asked to be forgotten.
                            (Some(_), Part::Value) if r.forgotten_at.is_some() && is_identity(item) => {
                                Cell::Empty
                            }
                            (Some(a), part) => match &a.media_path {
                                Some(path) => {
                                    media(path)?;
                                    Cell::text(path.clone())
                                }
                                None if part == Part::Other => Cell::text(a.value.clone()),
                                None => answer_cell(form, item, &a.value, request.labels),
                            },
                        };
                        cells.push(cell);
                    }
                    sink.row(&cells)
                })
                .await?
        }
        Dataset::Reports => {
            add(&["report_id", "action_id", "action", "member_id"], true);
            add(&["display_name"], personal);
            add(
                &[
                    "cooperative",
                    "status",
                    "percent",
                    "amount",
                    "unit",
                    "blocker",
                    "created_at",
                    "notes",
                    "media",
                    "transcripts",
                ],
                true,
            );
            sink.header(&columns)?;
            store
                .export_reports(scope, request.labels, |r| {
                    let mut cells = vec![
                        Cell::Int(r.report_id.get()),
                        Cell::Int(r.action_id.get()),
                        Cell::text(r.action_title),
                        Cell::Int(r.member_id.get()),
                    ];
                    if personal {
                        cells.push(Cell::opt_text(r.display_name));
                    }
                    for path in &r.media {
                        media(path)?;
                    }
                    cells.extend([
                        Cell::opt_text(r.cooperative),
                        Cell::text(r.status),
                        Cell::opt_number(r.percent),
                        Cell::opt_number(r.amount),
                        Cell::opt_text(r.unit),
                        Cell::opt_text(r.blocker),
                        Cell::Utc(r.created_at),
                        Cell::text(r.notes.join("\n")),
                        Cell::text(r.media.join(" ")),
                        Cell::text(r.transcripts.join("\n")),
                    ]);
                    sink.row(&cells)
                })
                .await?
        }
        Dataset::Meetings => {
            add(
                &[
                    "meeting_id",
                    "title",
                    "starts_at",
                    "starts_at_local",
                    "timezone",
                    "place",
                    "latitude",
                    "longitude",
                    "cancelled",
                    "member_id",
                ],
                true,
            );
            add(&["display_name"], personal);
            add(&["rsvp", "rsvp_at", "previous_rsvp"], true);
            sink.header(&columns)?;
            store
                .export_meetings(scope, |r| {
                    let mut cells = vec![
                        Cell::Int(r.meeting_id.get()),
                        Cell::text(r.title),
                        Cell::Utc(r.starts_at),
                        Cell::Local(r.starts_at.with_timezone(&tz).naive_local()),
                        Cell::text(tz.name()),
                        Cell::text(r.place),
                        Cell::opt_number(r.latitude),
                        Cell::opt_number(r.longitude),
                        Cell::text(if r.cancelled_at.is_some() { "yes" } else { "no" }),
                        Cell::Int(r.member_id.get()),
                    ];
                    if personal {
                        cells.push(Cell::opt_text(r.display_name));
                    }
                    cells.extend([
                        Cell::opt_text(r.rsvp),
                        Cell::opt_utc(r.rsvp_at),
                        Cell::opt_text(r.previous_rsvp),
                    ]);
                    sink.row(&cells)
                })
                .await?
        }
        Dataset::Notes => {
            add(&["field_note_id", "created_at", "member_id"], true);
            add(&["display_name"], personal);
            add(&["kind", "tag", "body", "latitude", "longitude", "media", "transcript"], true);
            sink.header(&columns)?;
            store
                .export_notes(scope, |r| {
                    let mut cells = vec![
                        Cell::Int(r.field_note_id.get()),
                        Cell::Utc(r.created_at),
                        r.member_id.map(|m| Cell::Int(m.get())).unwrap_or(Cell::Empty),
                    ];
                    if personal {
                        cells.push(Cell::opt_text(r.display_name));
                    }
                    if let Some(path) = &r.media_path {
                        media(path)?;
                    }
                    cells.extend([
                        Cell::text(r.kind),
                        Cell::opt_text(r.tag),
                        Cell::opt_text(r.body),
                        Cell::opt_number(r.latitude),
                        Cell::opt_number(r.longitude),
                        Cell::opt_text(r.media_path),
                        Cell::opt_text(r.transcript),
                    ]);
                    sink.row(&cells)
                })
                .await?
        }
    };
    sink.finish()?;
    let (media_files, missing_media) = match zip {
        Some(z) => z.finish()?,
        None => (0, Vec::new()),
    };
    Ok(ExportSummary { rows, columns, media_files, missing_media })
}

/// A column of the responses export: a form item's answer; the "please specify" answer of
/// an `or_other` question (`<name>_other`, as KoboToolbox names it); or the transcript of a
/// voice answer to a text, audio, number or date question (`<name>_transcript`).
struct QuestionColumn {
    header: String,
    /// The stored answer the column shows.
    answer: String,
    item: usize,
    part: Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Value,
    Other,
    Transcript,
}

/// Metadata that says who answered: only with personal columns.
fn is_identity(item: &Item) -> bool {
    matches!(item.kind, Kind::Meta(Meta::DeviceId | Meta::Username))
}

/// Every item that stores a value, in form order: questions, calculations and metadata;
/// notes and groups carry none.
fn question_columns(form: &Form, personal: bool) -> Vec<QuestionColumn> {
    let mut columns = Vec::new();
    for (i, item) in form.items.iter().enumerate() {
        let stored = item.kind.takes_answer() || matches!(item.kind, Kind::Calculate | Kind::Meta(_));
        if !stored || (is_identity(item) && !personal) {
            continue;
        }
        columns.push(QuestionColumn {
            header: item.name.clone(),
            answer: item.name.clone(),
            item: i,
            part: Part::Value,
        });
        if matches!(
            item.kind,
            Kind::SelectOne { or_other: true, .. } | Kind::SelectMultiple { or_other: true, .. }
        ) {
            let other = format!("{}_other", item.name);
            columns.push(QuestionColumn { header: other.clone(), answer: other, item: i, part: Part::Other });
        }
        // Numbers and dates may be answered by voice too: the value column then holds the
        // voice note (to review), this one its transcript.
        if matches!(item.kind, Kind::Text | Kind::Audio | Kind::Integer | Kind::Decimal | Kind::Date) {
            let header = format!("{}_transcript", item.name);
            columns.push(QuestionColumn {
                header,
                answer: item.name.clone(),
                item: i,
                part: Part::Transcript,
            });
        }
    }
    columns
}

/// An answer as a cell: choice codes, or their labels in `labels` (several, for
/// select_multiple: codes separated by spaces as ODK stores them, labels by "; "); numbers
/// as numbers; anything else as stored.
fn answer_cell(form: &Form, item: &Item, value: &str, labels: Option<Locale>) -> Cell {
    let label = |code: &str, locale: Locale| -> String {
        form.choices(item)
            .iter()
            .find(|c| c.name == code)
            .and_then(|c| c.label.get(locale, &form.default_language))
            .map(str::to_owned)
            .unwrap_or_else(|| code.to_owned())
    };
    match (&item.kind, labels) {
        (Kind::SelectOne { .. }, Some(l)) => Cell::text(label(value.trim(), l)),
        (Kind::SelectMultiple { .. }, Some(l)) => {
            Cell::text(value.split_whitespace().map(|c| label(c, l)).collect::<Vec<_>>().join("; "))
        }
        (Kind::SelectMultiple { .. }, None) => {
            Cell::text(value.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        (Kind::Integer, _) => {
            value.trim().parse::<i64>().map(Cell::Int).unwrap_or_else(|_| Cell::text(value))
        }
        (Kind::Decimal, _) => value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Cell::Number)
            .unwrap_or_else(|| Cell::text(value)),
        _ => Cell::text(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datasets_and_formats_parse_from_their_names() {
        for d in Dataset::ALL {
            assert_eq!(d.code().parse::<Dataset>().unwrap(), d);
        }
        assert_eq!("XLSX".parse::<Format>().unwrap(), Format::Xlsx);
        assert!("answers".parse::<Dataset>().unwrap_err().to_string().contains("members, responses"));
        assert!("ods".parse::<Format>().is_err());
    }

    #[test]
    fn days_start_at_local_midnight() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(day_start(d, chrono_tz::Asia::Karachi).to_rfc3339(), "2026-11-26T19:00:00+00:00");
        // Havana moves its clocks at midnight: the day starts at 01:00.
        let skipped = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        assert_eq!(day_start(skipped, chrono_tz::America::Havana).to_rfc3339(), "2026-03-08T05:00:00+00:00");
    }
}
