//! Exports, on SQLite and PostgreSQL: a small cluster (answers in Arabic, reports with notes,
//! meetings with answers, field notes) exported as CSV and as XLSX, and every file read back;
//! labels in a language or raw codes; without personal columns; after /forget; the media ZIP;
//! the command line; and 100 000 rows streamed (SQLite).

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use clusterbot::domain::action::{ActionStatus, Blocker};
use clusterbot::domain::form::Audience;
use clusterbot::domain::ids::{ActionId, ClusterId, FieldNoteId, MeetingId, MemberId, ReportId, ResponseId};
use clusterbot::domain::meeting::{MeetingAudience, Rsvp};
use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::export::{self, BOM, Dataset, ExportRequest, Format};
use clusterbot::store::{NewFieldNote, NewMeeting, NewReport, Status, Store, now};
use tempfile::TempDir;

use crate::actions::new_action;
use crate::botapi::TgUser;
use crate::e2e::cli;
use crate::forms::diagnostic;
use crate::questionnaire::member;
use crate::support::TestDb;

const FATIMA: &str = "فاطمة الزهراء";
const FATIMA_TG: i64 = 5_550_001_234;
const VOICE: &str = "media/voice/AgADfatima.ogg";
const VOICE_BYTES: &[u8] = b"OggS\0fatima's voice note";
const PHOTO: &str = "media/photo/AgADphoto.jpg";
const NOTE_VOICE: &str = "media/voice/AgADnote.ogg";
const REPORT_VOICE: &str = "media/voice/AgADreport.ogg";
const GONE: &str = "media/photo/AgADgone.jpg";

struct Cluster {
    id: ClusterId,
    cda: MemberId,
    fatima: MemberId,
    omar: MemberId,
    responses: [ResponseId; 3],
    action: ActionId,
    reports: [ReportId; 2],
    meetings: [MeetingId; 2],
    notes: [FieldNoteId; 3],
    dir: TempDir,
}

impl Cluster {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn request(&self, dataset: Dataset, format: Format) -> ExportRequest {
        let mut r = ExportRequest::new(self.id, dataset, format);
        r.include_personal = true;
        r.data_dir = self.data();
        if dataset == Dataset::Responses {
            r.form = Some(("cluster_diagnostic".into(), None));
        }
        r
    }
}

fn write_media(data: &Path, relative: &str, bytes: &[u8]) {
    let path = data.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Djebba figs: a CDA, Fatima (Arabic) and Omar (French) in the cooperative Amal; the shipped
/// diagnostic launched to all, answered by Fatima (with a voice note) and partly by Omar;
/// a joint action with reports (one withdrawn); two meetings; three field notes.
async fn cluster(store: &Store) -> Cluster {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let id = store
        .add_cluster("Djebba figs", chrono_tz::Africa::Tunis, Locale::Ar, Some("figs"))
        .await
        .unwrap()
        .cluster_id;
    let coop = store.add_cooperative(id, "Amal").await.unwrap().cooperative_id;
    let cda = member(
        store,
        id,
        None,
        Role::Cda,
        &TgUser::new(5_550_000_001, "Sami", "en"),
        Locale::En,
        Gender::Man,
    )
    .await;
    let fatima = member(
        store,
        id,
        Some(coop),
        Role::Producer,
        &TgUser::new(FATIMA_TG, FATIMA, "ar"),
        Locale::Ar,
        Gender::Woman,
    )
    .await;
    let omar = member(
        store,
        id,
        Some(coop),
        Role::Producer,
        &TgUser::new(5_550_000_003, "Omar", "fr"),
        Locale::Fr,
        Gender::Man,
    )
    .await;

    // The diagnostic, answered.
    let imported =
        clusterbot::import::import(store, &diagnostic(), "cluster_diagnostic.xlsx", None).await.unwrap();
    let (_, invitees) =
        store.create_launch(imported.form_pk, id, Audience::Cluster, None, Some(cda)).await.unwrap();
    let responses: Vec<ResponseId> = invitees.iter().map(|i| i.response_id).collect();
    assert_eq!(invitees.iter().map(|i| i.member_id).collect::<Vec<_>>(), [cda, fatima, omar]);
    write_media(&data, VOICE, VOICE_BYTES);
    let voice = store.add_media_file("AgADfatima", "voice", VOICE, VOICE_BYTES.len() as i64).await.unwrap();
    let r = responses[1];
    for (question, value) in [
        ("start", "2026-11-27T08:00:00Z"),
        ("end", "2026-11-27T08:10:00Z"),
        ("workers", "12"),
        ("firm_start", "2019-05-01"),
        ("women_role", "owner_manager"),
        ("cooperation", "often"),
        ("trust", "4"),
        ("joint_actions", "joint_purchase training"),
        ("main_bottleneck", "other"),
        ("main_bottleneck_other", "نقص الماء"),
        ("credit_access", "no"),
        ("credit_barrier", "no_collateral"),
    ] {
        store.save_answer(ResponseId(r.get()), question, value, None).await.unwrap();
    }
    store.save_answer(ResponseId(r.get()), "help_wish", "", Some(voice)).await.unwrap();
    store.save_transcript(voice, "نريد سوقا مشتركا", Some("ar"), now()).await.unwrap();
    finish(store, ResponseId(r.get()), Status::Finished).await;
    store.save_answer(ResponseId(responses[2].get()), "workers", "3", None).await.unwrap();
    store.save_answer(ResponseId(responses[2].get()), "women_role", "worker", None).await.unwrap();
    finish(store, ResponseId(responses[2].get()), Status::Started).await;

    // A joint action and its reports.
    let action =
        store.add_action(&new_action(id, "شراء مشترك للسماد", vec![coop], Some(14))).await.unwrap().action_id;
    store.set_action_title(action, Locale::Fr, "Achat groupé d'engrais").await.unwrap();
    let report = |member_id, status, percent, amount, blocker| NewReport {
        action_id: action,
        member_id,
        status,
        percent,
        amount,
        blocker,
    };
    let r1 =
        store.add_report(&report(fatima, ActionStatus::OnTrack, Some(40.0), Some(4.0), None)).await.unwrap();
    store.add_report_note(r1, "text", Some("وصلت الشحنة الأولى"), None).await.unwrap();
    write_media(&data, PHOTO, b"\xff\xd8\xff photo");
    let photo = store.add_media_file("AgADphoto", "photo", PHOTO, 10).await.unwrap();
    store.add_report_note(r1, "photo", None, Some(photo)).await.unwrap();
    store.add_report_note(r1, "text", Some("الجودة جيدة"), None).await.unwrap();
    let withdrawn = store
        .add_report(&report(omar, ActionStatus::Blocked, None, None, Some(Blocker::Money)))
        .await
        .unwrap();
    assert!(store.undo_report(withdrawn, omar, Duration::minutes(10)).await.unwrap());
    let r3 = store.add_report(&report(omar, ActionStatus::Delayed, Some(25.0), None, None)).await.unwrap();
    write_media(&data, REPORT_VOICE, b"OggS\0report");
    let report_voice = store.add_media_file("AgADreport", "voice", REPORT_VOICE, 11).await.unwrap();
    store.add_report_note(r3, "voice", None, Some(report_voice)).await.unwrap();
    store.save_transcript(report_voice, "Le fournisseur est en retard", Some("fr"), now()).await.unwrap();

    // Two meetings: one at 00:30 Tunis time on 15 January (still the 14th in UTC), cancelled;
    // one at 10:00, with answers.
    let meeting = |title: &str, starts_at: DateTime<Utc>| NewMeeting {
        cluster_id: id,
        title: title.into(),
        starts_at,
        place: "دار البلدية".into(),
        location: Some((36.5, 9.1)),
        audience: MeetingAudience::Cluster,
        reminder_offsets: vec![60],
        created_by: Some(cda),
    };
    let (night, n) = store
        .create_meeting(&meeting("Night watch", Utc.with_ymd_and_hms(2030, 1, 14, 23, 30, 0).unwrap()))
        .await
        .unwrap();
    assert_eq!(n, 3);
    store.cancel_meeting(night.meeting_id).await.unwrap();
    let (day, _) = store
        .create_meeting(&meeting("اجتماع اللجنة", Utc.with_ymd_and_hms(2030, 1, 15, 9, 0, 0).unwrap()))
        .await
        .unwrap();
    assert!(store.set_rsvp(day.meeting_id, fatima, Rsvp::Coming).await.unwrap());
    assert!(store.set_rsvp(day.meeting_id, omar, Rsvp::NotComing).await.unwrap());

    // Field notes: a tagged text, a voice note with a place, a photo whose file is gone.
    let note = |kind, body: Option<&str>, media_file_id, location| NewFieldNote {
        cluster_id: id,
        member_id: cda,
        kind,
        body: body.map(str::to_owned),
        media_file_id,
        location,
    };
    let n1 = store.add_field_note(&note("text", Some("زيارة مزرعة التين"), None, None)).await.unwrap();
    assert!(store.tag_field_note(n1, cda, "visit").await.unwrap());
    write_media(&data, NOTE_VOICE, b"OggS\0note");
    let note_voice = store.add_media_file("AgADnote", "voice", NOTE_VOICE, 9).await.unwrap();
    let n2 = store.add_field_note(&note("voice", None, Some(note_voice), Some((36.8, 10.25)))).await.unwrap();
    store.save_transcript(note_voice, "الأشجار بحالة جيدة", Some("ar"), now()).await.unwrap();
    let gone = store.add_media_file("AgADgone", "photo", GONE, 9).await.unwrap();
    let n3 = store.add_field_note(&note("photo", Some("Fatima's figs"), Some(gone), None)).await.unwrap();

    Cluster {
        id,
        cda,
        fatima,
        omar,
        responses: [
            ResponseId(responses[0].get()),
            ResponseId(responses[1].get()),
            ResponseId(responses[2].get()),
        ],
        action,
        reports: [r1, r3],
        meetings: [night.meeting_id, day.meeting_id],
        notes: [n1, n2, n3],
        dir,
    }
}

async fn finish(store: &Store, response_id: ResponseId, status: Status) {
    let mut r = store.response(response_id).await.unwrap();
    r.status = status;
    store.save_progress(&r).await.unwrap();
}

type Table = Vec<Vec<String>>;

/// A CSV export: it starts with the BOM, and is read as it is (no trimming).
fn read_csv(path: &Path) -> Table {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(BOM), "{} has no BOM", path.display());
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(&bytes[BOM.len()..]);
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

fn read_xlsx(path: &Path, sheet: &str) -> Table {
    let sheets = clusterbot::xlsx::read_workbook(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].name, sheet);
    assert_eq!((sheets[0].first_row, sheets[0].first_col), (1, 0));
    sheets[0].rows.clone()
}

/// Date-times as both formats show them read back: `2026-11-27 08:30:00`.
fn normalized(table: &Table) -> Table {
    let utc = regex::Regex::new(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)Z$").unwrap();
    let local = regex::Regex::new(r"^\d{4}-\d\d-\d\d \d\d:\d\d$").unwrap();
    table
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    if let Some(m) = utc.captures(c) {
                        format!("{} {}", &m[1], &m[2])
                    } else if local.is_match(c) {
                        format!("{c}:00")
                    } else {
                        c.clone()
                    }
                })
                .collect()
        })
        .collect()
}

fn is_recent_utc(cell: &str) -> bool {
    DateTime::parse_from_rfc3339(cell)
        .is_ok_and(|t| cell.ends_with('Z') && (Utc::now() - t.with_timezone(&Utc)).num_minutes().abs() < 10)
}

/// Exports `request` as CSV and as XLSX, reads both back, checks that they hold the same
/// table, and returns the CSV's.
async fn both_formats(store: &Store, c: &Cluster, request: &ExportRequest) -> Table {
    let name = format!("{}-{}", request.dataset, export_count());
    let csv_path = c.out(&format!("{name}.csv"));
    let xlsx_path = c.out(&format!("{name}.xlsx"));
    let csv_summary =
        export::export(store, &ExportRequest { format: Format::Csv, ..request.clone() }, &csv_path)
            .await
            .unwrap();
    let xlsx_summary =
        export::export(store, &ExportRequest { format: Format::Xlsx, ..request.clone() }, &xlsx_path)
            .await
            .unwrap();
    assert_eq!(csv_summary, xlsx_summary);
    let csv = read_csv(&csv_path);
    let xlsx = read_xlsx(&xlsx_path, request.dataset.code());
    assert_eq!(csv[0], csv_summary.columns);
    assert_eq!(csv.len() as u64, csv_summary.rows + 1);
    assert_eq!(normalized(&xlsx), normalized(&csv), "{name}: XLSX and CSV differ");
    csv
}

fn export_count() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

fn column<'a>(table: &'a Table, name: &str) -> Vec<&'a str> {
    let i = table[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", table[0]));
    table[1..].iter().map(|r| r[i].as_str()).collect()
}

fn row(table: &Table, first: i64) -> &[String] {
    table.iter().find(|r| r[0] == first.to_string()).unwrap_or_else(|| panic!("no row {first}"))
}

const RESPONSE_QUESTIONS: [&str; 17] = [
    "start",
    "end",
    "workers",
    // Numbers and dates may be answered by voice: their transcripts follow them.
    "workers_transcript",
    "firm_start",
    "firm_start_transcript",
    "women_role",
    "women_decisions",
    "cooperation",
    "trust",
    "joint_actions",
    "main_bottleneck",
    "main_bottleneck_other",
    "credit_access",
    "credit_barrier",
    "help_wish",
    "help_wish_transcript",
];

async fn every_dataset_reads_back(backend: &str) {
    let db = TestDb::of(backend).await;
    let store = &db.store;
    let c = cluster(store).await;

    // Members.
    let members = both_formats(store, &c, &c.request(Dataset::Members, Format::Csv)).await;
    assert_eq!(
        members[0],
        [
            "member_id",
            "display_name",
            "gender",
            "telegram_user_id",
            "locale",
            "role",
            "cooperative",
            "joined_at",
            "consent_at",
            "opted_out_at",
            "forgotten_at"
        ]
    );
    assert_eq!(members.len(), 4);
    let fatima = row(&members, c.fatima.get());
    assert_eq!(
        fatima[..7],
        [
            c.fatima.to_string(),
            FATIMA.into(),
            "woman".into(),
            FATIMA_TG.to_string(),
            "ar".into(),
            "producer".into(),
            "Amal".into()
        ]
    );
    assert!(is_recent_utc(&fatima[7]), "{}", fatima[7]);
    let consent = store.member(c.fatima).await.unwrap().consent_at.unwrap();
    assert_eq!(fatima[8], consent.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    assert_eq!(fatima[9..], ["", ""]);
    assert_eq!(row(&members, c.cda.get())[1..7], ["Sami", "man", "5550000001", "en", "cda", ""]);

    // Responses: one row per submission, one column per question, raw codes.
    let responses = both_formats(store, &c, &c.request(Dataset::Responses, Format::Csv)).await;
    let mut header = vec![
        "response_id",
        "member_id",
        "display_name",
        "gender",
        "cooperative",
        "status",
        "started_at",
        "finished_at",
    ];
    header.extend(RESPONSE_QUESTIONS);
    assert_eq!(responses[0], header);
    assert_eq!(column(&responses, "response_id"), c.responses.map(|r| r.to_string()));
    assert_eq!(column(&responses, "status"), ["invited", "finished", "started"]);
    let fatima = row(&responses, c.responses[1].get());
    assert_eq!(
        fatima[1..6],
        [c.fatima.to_string(), FATIMA.into(), "woman".into(), "Amal".into(), "finished".into()]
    );
    assert!(is_recent_utc(&fatima[6]) && is_recent_utc(&fatima[7]), "{fatima:?}");
    assert_eq!(
        fatima[8..],
        [
            "2026-11-27T08:00:00Z",
            "2026-11-27T08:10:00Z",
            "12",
            "",
            "2019-05-01",
            "",
            "owner_manager",
            "",
            "often",
            "4",
            "joint_purchase training",
            "other",
            "نقص الماء",
            "no",
            "no_collateral",
            VOICE,
            "نريد سوقا مشتركا",
        ]
    );
    let cda = row(&responses, c.responses[0].get());
    assert_eq!(
        cda[1..8],
        [
            c.cda.to_string(),
            "Sami".into(),
            "man".into(),
            String::new(),
            "invited".into(),
            String::new(),
            String::new()
        ]
    );
    assert!(cda[8..].iter().all(String::is_empty));
    let omar = row(&responses, c.responses[2].get());
    assert_eq!((omar[10].as_str(), omar[14].as_str(), omar[7].as_str()), ("3", "worker", ""));

    // The same responses with the choices' Arabic labels.
    let mut arabic = c.request(Dataset::Responses, Format::Csv);
    arabic.labels = Some(Locale::Ar);
    let labelled = both_formats(store, &c, &arabic).await;
    assert_eq!(labelled[0], header);
    let fatima = row(&labelled, c.responses[1].get());
    assert_eq!(fatima[10], "12");
    assert_eq!(fatima[14], "👩\u{200d}💼 مالكة أو مديرة");
    assert_eq!(
        fatima[16..],
        [
            "👍 غالبًا",
            "🙂 كبيرة",
            "🛒 شراء مشترك للمواد الأولية; 🎓 تدريب",
            "✏️ أخرى",
            "نقص الماء",
            "❌ لا",
            "🏠 لا توجد ضمانات",
            VOICE,
            "نريد سوقا مشتركا",
        ]
    );
    assert_eq!(row(&labelled, c.responses[2].get())[14], "👩\u{200d}🏭 عاملة");
    let mut french = arabic.clone();
    french.labels = Some(Locale::Fr);
    let fr = both_formats(store, &c, &french).await;
    assert_eq!(row(&fr, c.responses[1].get())[21], "❌ Non");

    // Reports: the withdrawn one is not there; text notes in order, the photo by its name.
    let reports = both_formats(store, &c, &c.request(Dataset::Reports, Format::Csv)).await;
    assert_eq!(
        reports[0],
        [
            "report_id",
            "action_id",
            "action",
            "member_id",
            "display_name",
            "cooperative",
            "status",
            "percent",
            "amount",
            "unit",
            "blocker",
            "created_at",
            "notes",
            "media",
            "transcripts"
        ]
    );
    assert_eq!(column(&reports, "report_id"), c.reports.map(|r| r.to_string()));
    let r1 = row(&reports, c.reports[0].get());
    assert_eq!(
        r1[1..11],
        [
            c.action.to_string(),
            "شراء مشترك للسماد".into(),
            c.fatima.to_string(),
            FATIMA.into(),
            "Amal".into(),
            "on_track".into(),
            "40".into(),
            "4".into(),
            "t".into(),
            String::new()
        ]
    );
    assert!(is_recent_utc(&r1[11]));
    assert_eq!(r1[12..], ["وصلت الشحنة الأولى\nالجودة جيدة", PHOTO, ""]);
    let r3 = row(&reports, c.reports[1].get());
    assert_eq!(
        r3[3..11],
        [
            c.omar.to_string(),
            "Omar".into(),
            "Amal".into(),
            "delayed".into(),
            "25".into(),
            String::new(),
            "t".into(),
            String::new()
        ]
    );
    assert_eq!(r3[12..], ["", REPORT_VOICE, "Le fournisseur est en retard"]);
    let mut titled = c.request(Dataset::Reports, Format::Csv);
    titled.labels = Some(Locale::Fr);
    assert_eq!(column(&both_formats(store, &c, &titled).await, "action"), ["Achat groupé d'engrais"; 2]);

    // Meetings: one row per invitee, UTC and Tunis time.
    let meetings = both_formats(store, &c, &c.request(Dataset::Meetings, Format::Csv)).await;
    assert_eq!(
        meetings[0],
        [
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
            "display_name",
            "rsvp",
            "rsvp_at",
            "previous_rsvp"
        ]
    );
    assert_eq!(meetings.len(), 7);
    let night = &meetings[1];
    assert_eq!(
        night[..10],
        [
            c.meetings[0].to_string(),
            "Night watch".into(),
            "2030-01-14T23:30:00Z".into(),
            "2030-01-15 00:30".into(),
            "Africa/Tunis".into(),
            "دار البلدية".into(),
            "36.5".into(),
            "9.1".into(),
            "yes".into(),
            c.cda.to_string()
        ]
    );
    let day: Vec<&Vec<String>> = meetings.iter().filter(|r| r[0] == c.meetings[1].to_string()).collect();
    assert_eq!(day.len(), 3);
    assert_eq!(day[0][2..5], ["2030-01-15T09:00:00Z", "2030-01-15 10:00", "Africa/Tunis"]);
    assert_eq!(day[0][8..12], ["no".to_owned(), c.cda.to_string(), "Sami".into(), String::new()]);
    assert_eq!(day[1][9..12], [c.fatima.to_string(), FATIMA.into(), "coming".into()]);
    assert!(is_recent_utc(&day[1][12]));
    assert_eq!(day[2][9..12], [c.omar.to_string(), "Omar".into(), "not_coming".into()]);

    // Field notes.
    let notes = both_formats(store, &c, &c.request(Dataset::Notes, Format::Csv)).await;
    assert_eq!(
        notes[0],
        [
            "field_note_id",
            "created_at",
            "member_id",
            "display_name",
            "kind",
            "tag",
            "body",
            "latitude",
            "longitude",
            "media",
            "transcript"
        ]
    );
    assert_eq!(column(&notes, "field_note_id"), c.notes.map(|n| n.to_string()));
    assert!(is_recent_utc(&notes[1][1]));
    assert_eq!(
        notes[1][2..],
        [
            c.cda.to_string(),
            "Sami".into(),
            "text".into(),
            "visit".into(),
            "زيارة مزرعة التين".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new()
        ]
    );
    assert_eq!(notes[2][4..], ["voice", "", "", "36.8", "10.25", NOTE_VOICE, "الأشجار بحالة جيدة"]);
    assert_eq!(notes[3][4..], ["photo", "", "Fatima's figs", "", "", GONE, ""]);

    db.cleanup().await;
}

#[tokio::test]
async fn every_dataset_reads_back_on_sqlite() {
    every_dataset_reads_back("sqlite").await;
}

#[tokio::test]
async fn every_dataset_reads_back_on_postgres() {
    every_dataset_reads_back("postgres").await;
}

/// Every export of the cluster, as CSV bytes and as XLSX cells.
async fn everything(store: &Store, c: &Cluster, personal: bool) -> Vec<(Dataset, Vec<u8>, Table)> {
    let mut all = Vec::new();
    for dataset in Dataset::ALL {
        let mut request = c.request(dataset, Format::Csv);
        request.include_personal = personal;
        let path = c.out(&format!("all-{dataset}-{}.csv", export_count()));
        export::export(store, &request, &path).await.unwrap();
        let xlsx = c.out(&format!("all-{dataset}-{}.xlsx", export_count()));
        export::export(store, &ExportRequest { format: Format::Xlsx, ..request }, &xlsx).await.unwrap();
        all.push((dataset, std::fs::read(&path).unwrap(), read_xlsx(&xlsx, dataset.code())));
    }
    all
}

fn mentions(csv: &[u8], xlsx: &Table, needle: &str) -> bool {
    String::from_utf8_lossy(csv).contains(needle) || xlsx.iter().flatten().any(|c| c.contains(needle))
}

async fn personal_columns_only_when_allowed_and_never_after_forget(backend: &str) {
    let db = TestDb::of(backend).await;
    let store = &db.store;
    let c = cluster(store).await;

    let tg = FATIMA_TG.to_string();
    let names = ["Sami", FATIMA, "Omar", "5550000001", tg.as_str()];
    let with = everything(store, &c, true).await;
    for needle in [FATIMA, tg.as_str()] {
        assert!(
            with.iter().any(|(_, csv, xlsx)| mentions(csv, xlsx, needle)),
            "{needle} should be in some export"
        );
    }
    for (dataset, csv, xlsx) in everything(store, &c, false).await {
        let header = &xlsx[0];
        for personal in ["display_name", "gender", "telegram_user_id"] {
            assert!(!header.iter().any(|h| h == personal), "{dataset}: {personal} in {header:?}");
        }
        for needle in names {
            assert!(!mentions(&csv, &xlsx, needle), "{dataset} without personal columns mentions {needle}");
        }
    }
    let members = read_csv(&{
        let path = c.out("members-anonymous.csv");
        let mut r = c.request(Dataset::Members, Format::Csv);
        r.include_personal = false;
        export::export(store, &r, &path).await.unwrap();
        path
    });
    assert_eq!(
        members[0],
        [
            "member_id",
            "locale",
            "role",
            "cooperative",
            "joined_at",
            "consent_at",
            "opted_out_at",
            "forgotten_at"
        ]
    );

    // Fatima asks to be forgotten: no export names her or holds her Telegram id, even for a
    // role that sees personal columns; her answers stay, under her member id.
    store.forget_member(c.fatima).await.unwrap();
    for (dataset, csv, xlsx) in everything(store, &c, true).await {
        for needle in [FATIMA, "فاطمة", tg.as_str()] {
            assert!(!mentions(&csv, &xlsx, needle), "{dataset} still mentions {needle} after /forget");
        }
    }
    let members = both_formats(store, &c, &c.request(Dataset::Members, Format::Csv)).await;
    let fatima = row(&members, c.fatima.get());
    assert_eq!(fatima[1..7], ["", "", "", "", "producer", "Amal"]);
    assert!(is_recent_utc(&fatima[10]), "forgotten_at: {fatima:?}");
    let responses = both_formats(store, &c, &c.request(Dataset::Responses, Format::Csv)).await;
    let fatima = row(&responses, c.responses[1].get());
    assert_eq!(
        fatima[1..6],
        [c.fatima.to_string(), String::new(), String::new(), "Amal".into(), "finished".into()]
    );
    assert_eq!(fatima[10], "12");

    db.cleanup().await;
}

#[tokio::test]
async fn personal_columns_only_when_allowed_and_never_after_forget_on_sqlite() {
    personal_columns_only_when_allowed_and_never_after_forget("sqlite").await;
}

#[tokio::test]
async fn personal_columns_only_when_allowed_and_never_after_forget_on_postgres() {
    personal_columns_only_when_allowed_and_never_after_forget("postgres").await;
}

fn zip_entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

async fn media_zip_holds_the_files_under_the_names_rows_show(backend: &str) {
    let db = TestDb::of(backend).await;
    let store = &db.store;
    let c = cluster(store).await;

    let zip = c.out("responses-media.zip");
    let mut request = c.request(Dataset::Responses, Format::Xlsx);
    request.media_zip = Some(zip.clone());
    let out = c.out("responses.xlsx");
    let summary = export::export(store, &request, &out).await.unwrap();
    assert_eq!((summary.rows, summary.media_files), (3, 1));
    assert!(summary.missing_media.is_empty());
    let table = read_xlsx(&out, "responses");
    assert_eq!(column(&table, "help_wish"), ["", VOICE, ""]);
    assert_eq!(zip_entries(&zip), [(VOICE.to_owned(), VOICE_BYTES.to_vec())]);

    // Reports: the photo and the voice note; notes: the voice note, and the photo whose file
    // is gone is named as missing (the row still shows it).
    let mut request = c.request(Dataset::Reports, Format::Csv);
    request.media_zip = Some(c.out("reports.zip"));
    let summary = export::export(store, &request, &c.out("reports.csv")).await.unwrap();
    assert_eq!(summary.media_files, 2);
    assert_eq!(
        zip_entries(&c.out("reports.zip")),
        [
            (PHOTO.to_owned(), b"\xff\xd8\xff photo".to_vec()),
            (REPORT_VOICE.to_owned(), b"OggS\0report".to_vec()),
        ]
    );
    let mut request = c.request(Dataset::Notes, Format::Csv);
    request.media_zip = Some(c.out("notes.zip"));
    let summary = export::export(store, &request, &c.out("notes.csv")).await.unwrap();
    assert_eq!((summary.media_files, summary.missing_media.clone()), (1, vec![GONE.to_owned()]));
    assert_eq!(
        zip_entries(&c.out("notes.zip")).into_iter().map(|(n, _)| n).collect::<Vec<_>>(),
        [NOTE_VOICE]
    );
    assert_eq!(column(&read_csv(&c.out("notes.csv")), "media"), ["", NOTE_VOICE, GONE]);

    db.cleanup().await;
}

#[tokio::test]
async fn media_zip_holds_the_files_under_the_names_rows_show_on_sqlite() {
    media_zip_holds_the_files_under_the_names_rows_show("sqlite").await;
}

#[tokio::test]
async fn media_zip_holds_the_files_under_the_names_rows_show_on_postgres() {
    media_zip_holds_the_files_under_the_names_rows_show("postgres").await;
}

async fn dates_filter_by_local_days_and_mistakes_are_refused(backend: &str) {
    let db = TestDb::of(backend).await;
    let store = &db.store;
    let tunis_day = || Utc::now().with_timezone(&chrono_tz::Africa::Tunis).date_naive();
    // The rows below are stamped with the clock as they are made: between these two days.
    let first_day = tunis_day();
    let c = cluster(store).await;
    let last_day = tunis_day();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);

    let meetings_between = |from, to| {
        let mut r = c.request(Dataset::Meetings, Format::Csv);
        (r.from, r.to) = (from, to);
        r
    };
    let ids = |table: Table| {
        let mut ids: Vec<String> = table[1..].iter().map(|r| r[0].clone()).collect();
        ids.dedup();
        ids
    };
    let mut out = Vec::new();
    // 23:30 UTC on the 14th is the 15th in Tunis: both meetings are on the 15th.
    export::export_csv(store, &meetings_between(day(2030, 1, 15), day(2030, 1, 15)), &mut out).await.unwrap();
    let both = csv::Reader::from_reader(&out[BOM.len()..]).records().count();
    assert_eq!(both, 6);
    let path = c.out("m.csv");
    export::export(store, &meetings_between(day(2030, 1, 14), day(2030, 1, 14)), &path).await.unwrap();
    assert!(ids(read_csv(&path)).is_empty());
    export::export(store, &meetings_between(None, day(2030, 1, 14)), &path).await.unwrap();
    assert!(ids(read_csv(&path)).is_empty());
    export::export(store, &meetings_between(day(2030, 1, 16), None), &path).await.unwrap();
    assert!(ids(read_csv(&path)).is_empty());

    // Members joined today (in Tunis); responses started today; reports made today. "Today"
    // is the day the rows were made on (two days only if a Tunis midnight fell in between).
    for dataset in [Dataset::Members, Dataset::Responses, Dataset::Reports, Dataset::Notes] {
        let mut r = c.request(dataset, Format::Csv);
        (r.from, r.to) = (Some(first_day), Some(last_day));
        let expected = match dataset {
            // The CDA's response was never started: it has no day.
            Dataset::Responses | Dataset::Reports => 2,
            _ => 3,
        };
        assert_eq!(export::export(store, &r, &path).await.unwrap().rows, expected, "{dataset} today");
        (r.from, r.to) = (last_day.succ_opt(), None);
        assert_eq!(export::export(store, &r, &path).await.unwrap().rows, 0, "{dataset} tomorrow");
        (r.from, r.to) = (None, first_day.pred_opt());
        assert_eq!(export::export(store, &r, &path).await.unwrap().rows, 0, "{dataset} yesterday");
    }

    // Mistakes are refused, leave no partial file behind and an older file as it was.
    let refused = async |r: ExportRequest| {
        let path = c.out("refused.csv");
        std::fs::write(&path, "older").unwrap();
        let err = export::export(store, &r, &path).await.unwrap_err().to_string();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "older", "{err}");
        let left: Vec<_> = std::fs::read_dir(c.dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(!left.iter().any(|n| n.to_string_lossy().ends_with(".partial")), "{left:?}");
        err
    };
    let mut r = c.request(Dataset::Responses, Format::Csv);
    r.form = None;
    assert!(refused(r).await.contains("--form FORM_ID"));
    let mut r = c.request(Dataset::Responses, Format::Csv);
    r.form = Some(("cluster_diagnostic".into(), Some("1999".into())));
    assert!(refused(r).await.contains("no form 'cluster_diagnostic' with version '1999'"));
    let mut r = c.request(Dataset::Members, Format::Csv);
    r.form = Some(("cluster_diagnostic".into(), None));
    assert!(refused(r).await.contains("only for the responses dataset"));
    let mut r = c.request(Dataset::Members, Format::Xlsx);
    r.cluster_id = ClusterId(999);
    assert!(refused(r).await.contains("no cluster 999"));
    let r = meetings_between(day(2030, 2, 1), day(2030, 1, 1));
    assert!(refused(r).await.contains("--from 2030-02-01 is after --to 2030-01-01"));
    // A failure while writing (here: the media ZIP's folder does not exist) also leaves nothing.
    let mut r = c.request(Dataset::Responses, Format::Xlsx);
    r.media_zip = Some(c.out("no-such-folder/media.zip"));
    assert!(refused(r).await.contains("could not write"));

    db.cleanup().await;
}

#[tokio::test]
async fn dates_filter_by_local_days_and_mistakes_are_refused_on_sqlite() {
    dates_filter_by_local_days_and_mistakes_are_refused("sqlite").await;
}

#[tokio::test]
async fn dates_filter_by_local_days_and_mistakes_are_refused_on_postgres() {
    dates_filter_by_local_days_and_mistakes_are_refused("postgres").await;
}

/// The XLSX has a bold header, a frozen header row and column widths, and is written in
/// constant-memory mode (inline strings, no shared-string table).
#[tokio::test]
async fn xlsx_has_a_bold_frozen_header_and_widths() {
    let db = TestDb::sqlite().await;
    let c = cluster(&db.store).await;
    let out = c.out("members.xlsx");
    export::export(&db.store, &c.request(Dataset::Members, Format::Xlsx), &out).await.unwrap();
    let parts: std::collections::BTreeMap<String, String> =
        zip_entries(&out).into_iter().map(|(n, b)| (n, String::from_utf8(b).unwrap())).collect();
    let sheet = &parts["xl/worksheets/sheet1.xml"];
    assert!(sheet.contains(r#"ySplit="1""#), "frozen header");
    assert!(sheet.contains("<cols>") && sheet.contains("customWidth=\"1\""), "widths");
    assert!(
        sheet.contains(r#"t="inlineStr""#) && !parts.contains_key("xl/sharedStrings.xml"),
        "constant memory"
    );
    assert!(parts["xl/styles.xml"].contains("<b/>"), "bold");
    assert!(sheet.contains(FATIMA));
    db.cleanup().await;
}

async fn the_command_line_exports(backend: &str) {
    let db = TestDb::of(backend).await;
    let c = cluster(&db.store).await;
    let id = c.id.to_string();
    let data = c.data();
    let out = c.out("cli.xlsx");
    let zip = c.out("cli.zip");
    let lines = cli(
        &db.url,
        &[
            "export",
            "--cluster",
            &id,
            "--dataset",
            "responses",
            "--form",
            "cluster_diagnostic",
            "--format",
            "xlsx",
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "ar",
            "--media-zip",
            zip.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
        ],
    );
    assert_eq!(lines, ["3"]);
    let table = read_xlsx(&out, "responses");
    assert_eq!(table[0][2..4], ["display_name", "gender"]);
    assert_eq!(column(&table, "credit_access"), ["", "❌ لا", ""]);
    assert_eq!(zip_entries(&zip)[0].0, VOICE);

    let csv = c.out("cli.csv");
    let lines = cli(
        &db.url,
        &[
            "export",
            "--cluster",
            &id,
            "--dataset",
            "meetings",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
            "--from",
            "15/01/2030",
            "--to",
            "2030-01-15",
            "--no-personal",
        ],
    );
    assert_eq!(lines, ["6"]);
    assert!(!read_csv(&csv)[0].iter().any(|h| h == "display_name"));
    db.cleanup().await;
}

#[tokio::test]
async fn the_command_line_exports_on_sqlite() {
    the_command_line_exports("sqlite").await;
}

#[tokio::test]
async fn the_command_line_exports_on_postgres() {
    the_command_line_exports("postgres").await;
}

/// 100 000 members, inserted in bulk, stream out as CSV and XLSX without the process's peak
/// memory growing with them.
#[tokio::test]
async fn a_hundred_thousand_rows_stream_out() {
    const N: i64 = 100_000;
    let db = TestDb::sqlite().await;
    let cluster =
        db.store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::Ur, None).await.unwrap().cluster_id;
    let coop = db.store.add_cooperative(cluster, "Surgical").await.unwrap().cooperative_id;
    let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
    sqlx::query(
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < $1) \
         insert into member (member_id, telegram_user_id, chat_id, display_name, locale, gender, consent_at, created_at) \
         select i, 9000000000 + i, 9000000000 + i, 'عضو رقم ' || i, 'ur', case when i % 2 = 0 then 'woman' else 'man' end, \
         '2026-11-27T10:00:00+00:00', '2026-11-27T10:00:00+00:00' from n",
    )
    .bind(N)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into membership (member_id, cluster_id, role, cooperative_id, created_at) \
         select member_id, $1, 'producer', $2, created_at from member",
    )
    .bind(cluster)
    .bind(coop)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let dir = tempfile::tempdir().unwrap();
    let mut request = ExportRequest::new(cluster, Dataset::Members, Format::Csv);
    request.include_personal = true;
    let hwm = || -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap().to_owned();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    };
    let before = hwm();
    let csv_path = dir.path().join("members.csv");
    assert_eq!(export::export(&db.store, &request, &csv_path).await.unwrap().rows, N as u64);
    request.format = Format::Xlsx;
    let xlsx_path = dir.path().join("members.xlsx");
    assert_eq!(export::export(&db.store, &request, &xlsx_path).await.unwrap().rows, N as u64);
    // Streaming: the exports raised the process's peak memory by a few MB (measured: 2 MB for
    // the CSV, 7 MB for the XLSX); holding 100 000 rows would take tens of MB more.
    assert!(hwm() - before < 32 * 1024, "peak memory grew from {before} kB to {} kB", hwm());

    let table = read_csv(&csv_path);
    assert_eq!(table.len() as i64, N + 1);
    assert_eq!(
        table[N as usize][..4],
        [N.to_string(), format!("عضو رقم {N}"), "woman".into(), (9_000_000_000 + N).to_string()]
    );
    // Reading 100 000 rows back with calamine takes long in a debug build: the sheet's XML
    // is checked instead (its last row, and the first member's name as an inline string).
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx_path).unwrap()).unwrap();
    let mut xml = String::new();
    archive.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(
        xml.contains(&format!("<row r=\"{}\"", N + 1)) && !xml.contains(&format!("<row r=\"{}\"", N + 2))
    );
    assert!(xml.contains("<is><t>عضو رقم 1</t></is>"));
    db.cleanup().await;
}
