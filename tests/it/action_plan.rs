//! Importing an action plan with the real binary, on SQLite and PostgreSQL: a French-Excel
//! CSV (`;`, BOM, Arabic text, quoted owners), the shipped spreadsheet fixture, and a broken
//! plan that is refused whole with every problem named by row and column.

use std::path::Path;
use std::process::Command;

use chrono::{Duration, NaiveDate, Utc};
use clusterbot::domain::ids::{ActionId, ClusterId, CooperativeId};
use clusterbot::store::JointAction;

use crate::e2e::{BIN, cli};
use crate::support::TestDb;

fn fails(db_url: &str, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db_url)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(out.stdout.is_empty(), "nothing on stdout: {}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
    stderr
}

/// Stderr of a command that succeeds (the human summary).
fn summary(db_url: &str, args: &[&str]) -> String {
    let out =
        Command::new(BIN).args(args).env("DATABASE_URL", db_url).env_remove("RUST_LOG").output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stderr).unwrap()
}

/// A cluster in Tunisia with two cooperatives: (cluster id, Djebba Figs, Béja Dry Fruits).
fn fig_cluster(db_url: &str) -> (String, CooperativeId, CooperativeId) {
    let cluster = cli(
        db_url,
        &["cluster", "add", "--name", "Djebba figs", "--timezone", "Africa/Tunis", "--locale", "ar"],
    )[0]
    .clone();
    let djebba = cli(db_url, &["cooperative", "add", "--cluster", &cluster, "--name", "Djebba Figs"])[0]
        .parse()
        .unwrap();
    let beja = cli(db_url, &["cooperative", "add", "--cluster", &cluster, "--name", "Béja Dry Fruits"])[0]
        .parse()
        .unwrap();
    (cluster, djebba, beja)
}

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_owned()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn tunis_today() -> NaiveDate {
    Utc::now().with_timezone(&chrono_tz::Africa::Tunis).date_naive()
}

async fn owners(db: &TestDb, action: &JointAction) -> Vec<CooperativeId> {
    let mut ids: Vec<CooperativeId> =
        db.store.action_owners(action.action_id).await.unwrap().into_iter().map(|(id, _)| id).collect();
    ids.sort_unstable();
    ids
}

async fn csv_plan(backend: &str) {
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let (cluster, djebba, beja) = fig_cluster(&db.url);
    let cluster_id: ClusterId = cluster.parse().unwrap();
    let before = tunis_today();
    let fair_due = before + Duration::days(200);
    // As Excel writes "CSV UTF-8" in a French locale: BOM, `;`, CRLF, quotes around a cell
    // holding the separator.
    let csv = format!(
        "\u{feff}Title;Description;Cooperatives;Start;Due;Target;Unit;Rhythm days\r\n\
         شراء مشترك لعلب التين;للموسم ٢٠٢٦;\"Djebba Figs; béja dry fruits\";15/03/2026;2026-06-30;10 t;;14\r\n\
         ;;;;;;;\r\n\
         Stand au salon SIAT;;;;{};;;\r\n",
        fair_due.format("%d.%m.%Y")
    );
    let file = write(dir.path(), "plan.csv", csv.as_bytes());

    let ids = cli(&db.url, &["actions", "import", "--cluster", &cluster, &file]);
    assert_eq!(ids.len(), 2, "one id per action: {ids:?}");
    let actions = db.store.actions(cluster_id).await.unwrap();
    let ids: Vec<ActionId> = ids.iter().map(|id| id.parse().unwrap()).collect();
    assert_eq!(actions.iter().map(|a| a.action_id).collect::<Vec<_>>(), ids, "by due date, as in the file");

    let figs = &actions[0];
    assert_eq!(figs.title, "شراء مشترك لعلب التين");
    assert_eq!(figs.description.as_deref(), Some("للموسم ٢٠٢٦"));
    assert_eq!((figs.start_date, figs.due_date), (date(2026, 3, 15), date(2026, 6, 30)));
    assert_eq!((figs.target, figs.unit.as_deref(), figs.rhythm_days), (Some(10.0), Some("t"), Some(14)));
    let mut both = vec![djebba, beja];
    both.sort_unstable();
    assert_eq!(owners(&db, figs).await, both);

    let fair = &actions[1];
    assert_eq!(fair.title, "Stand au salon SIAT");
    assert!(
        [before, tunis_today()].contains(&fair.start_date),
        "no start: today in Tunis, got {}",
        fair.start_date
    );
    assert_eq!(fair.due_date, fair_due);
    assert_eq!(
        (fair.target, fair.unit.as_deref(), fair.rhythm_days, fair.description.as_deref()),
        (None, None, None, None)
    );
    assert!(owners(&db, fair).await.is_empty(), "no cooperatives: the whole cluster");

    let listed = cli(&db.url, &["actions", "list", "--cluster", &cluster]);
    assert_eq!(listed[0], "id\ttitle\towners\tstart\tdue\ttarget\trhythm_days\tdone");
    assert_eq!(
        listed[1],
        format!(
            "{}\tشراء مشترك لعلب التين\tBéja Dry Fruits, Djebba Figs\t2026-03-15\t2026-06-30\t10 t\t14\tno",
            ids[0]
        )
    );
    assert_eq!(
        listed[2],
        format!("{}\tStand au salon SIAT\t(whole cluster)\t{}\t{fair_due}\t\t\tno", ids[1], fair.start_date)
    );
    db.cleanup().await;
}

async fn spreadsheet_plan(backend: &str) {
    let db = TestDb::of(backend).await;
    let (cluster, djebba, beja) = fig_cluster(&db.url);
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/actions.xlsx");
    let stderr = summary(&db.url, &["actions", "import", "--cluster", &cluster, file]);
    assert!(
        stderr.contains("imported 3 joint action(s)") && stderr.contains("sheet \"actions\""),
        "{stderr}"
    );
    assert!(stderr.contains("column H (Notes)"), "the ignored column is named: {stderr}");

    let actions = db.store.actions(cluster.parse().unwrap()).await.unwrap();
    let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Joint purchase of fruit boxes", "Chambre froide partagée", "Stand at the SIAT fair"]
    );
    let boxes = &actions[0];
    assert_eq!((boxes.start_date, boxes.due_date), (date(2026, 3, 1), date(2026, 6, 30)), "date cells");
    assert_eq!(
        (boxes.target, boxes.unit.as_deref(), boxes.rhythm_days),
        (Some(5000.0), Some("boxes"), Some(14))
    );
    assert_eq!(owners(&db, boxes).await, [djebba]);
    let cold = &actions[1];
    assert_eq!(
        (cold.start_date, cold.due_date),
        (date(2026, 5, 1), date(2026, 9, 15)),
        "dates typed as text"
    );
    assert_eq!((cold.target, cold.unit.as_deref(), cold.rhythm_days), (Some(2.0), Some("t"), None));
    let mut both = vec![djebba, beja];
    both.sort_unstable();
    assert_eq!(owners(&db, cold).await, both);
    let fair = &actions[2];
    assert_eq!(
        (fair.start_date, fair.due_date, fair.rhythm_days),
        (date(2026, 4, 1), date(2026, 10, 15), Some(30))
    );
    assert!(owners(&db, fair).await.is_empty());
    db.cleanup().await;
}

async fn broken_plan(backend: &str) {
    let db = TestDb::of(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let (cluster, _, _) = fig_cluster(&db.url);
    let csv = "title,cooperatives,start,due\n\
               Joint purchase,Nowhere Coop,,31/02/2030\n\
               ,,,2030-01-01\n\
               Trade fair,,2030-05-01,2030-04-01\n\
               A good row,Djebba Figs,,2030-06-01\n";
    let file = write(dir.path(), "plan.csv", csv.as_bytes());

    let stderr = fails(&db.url, &["actions", "import", "--cluster", &cluster, &file]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "error: the action plan was not imported:",
            "  - row 2, column B (cooperatives): no cooperative of this cluster is named 'Nowhere Coop' (its cooperatives: Béja Dry Fruits, Djebba Figs)",
            "  - row 2, column D (due): '31/02/2030' is not a date; write it as 2026-03-15 or 15/03/2026",
            "  - row 3, column A (title): the title is missing",
            "  - row 4, column D (due): the due date 2030-04-01 is before the start (2030-05-01)",
        ]
    );
    assert!(
        db.store.actions(cluster.parse().unwrap()).await.unwrap().is_empty(),
        "nothing stored, not even the good row"
    );
    assert_eq!(cli(&db.url, &["actions", "list", "--cluster", &cluster]).len(), 1, "only the header");

    let no_header = write(dir.path(), "plan2.csv", "name;deadline\nJoint purchase;2030-01-01\n".as_bytes());
    let stderr = fails(&db.url, &["actions", "import", "--cluster", &cluster, &no_header]);
    assert!(
        stderr.contains("  - row 1: there is no 'title' column")
            && stderr.contains("  - row 1: there is no 'due' column"),
        "{stderr}"
    );
    let err = fails(&db.url, &["actions", "import", "--cluster", "999", &file]);
    assert!(err.contains("no cluster 999"), "{err}");
    let err = fails(&db.url, &["actions", "list", "--cluster", "999"]);
    assert!(err.contains("no cluster 999"), "{err}");
    let err = fails(
        &db.url,
        &["actions", "import", "--cluster", &cluster, &write(dir.path(), "plan.txt", b"title")],
    );
    assert!(err.contains("neither a .csv file nor a spreadsheet"), "{err}");
    db.cleanup().await;
}

#[tokio::test]
async fn a_french_excel_csv_plan_in_arabic_is_imported_with_owners_dates_target_and_rhythm_on_sqlite() {
    csv_plan("sqlite").await;
}

#[tokio::test]
async fn a_french_excel_csv_plan_in_arabic_is_imported_with_owners_dates_target_and_rhythm_on_postgres() {
    csv_plan("postgres").await;
}

#[tokio::test]
async fn a_spreadsheet_plan_is_read_from_its_actions_sheet_on_sqlite() {
    spreadsheet_plan("sqlite").await;
}

#[tokio::test]
async fn a_spreadsheet_plan_is_read_from_its_actions_sheet_on_postgres() {
    spreadsheet_plan("postgres").await;
}

#[tokio::test]
async fn a_broken_plan_stores_nothing_and_names_every_problem_by_row_on_sqlite() {
    broken_plan("sqlite").await;
}

#[tokio::test]
async fn a_broken_plan_stores_nothing_and_names_every_problem_by_row_on_postgres() {
    broken_plan("postgres").await;
}

#[test]
fn the_action_plan_commands_have_help() {
    for args in [["actions", "import", "--help"], ["actions", "list", "--help"]] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Usage:") && help.contains("--cluster"), "{args:?}: {help}");
    }
}
