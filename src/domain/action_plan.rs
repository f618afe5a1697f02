//! A cluster's action plan as a table — one row per joint action — turned into the actions
//! to create. The whole table is checked: either every row is right and every action comes
//! back, or every problem comes back, each naming its row (and column), and nothing is
//! created.
//!
//! Columns are found by their header (case does not matter, spaces and underscores are the
//! same): `title` and `due` are required; `description`, `cooperatives`, `start`, `target`,
//! `unit` and `rhythm_days` (or `checkin_days`) are optional; other columns are ignored.

use crate::domain::ids::ClusterId;
use crate::domain::ids::CooperativeId;
use std::fmt;

use chrono::NaiveDate;

use super::action::{NewAction, parse_target};
use super::form::walk::{parse_date, parse_number};
use super::form::xlsform::{Sheet, column_letter};

/// Longest title accepted, in characters (it is shown on buttons and in lists).
pub const MAX_TITLE_CHARS: usize = 200;

/// Longest check-in rhythm accepted, in days.
pub const MAX_RHYTHM_DAYS: i64 = 366;

/// What is wrong with one row (or with the header row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Row number as the spreadsheet shows it (the header is usually row 1).
    pub row: usize,
    /// Column letter and header as written, e.g. `C (due)`.
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}", self.row)?;
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The columns clusterbot reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Description,
    Cooperatives,
    Start,
    Due,
    Target,
    Unit,
    Rhythm,
}

impl Field {
    fn of_header(header: &str) -> Option<Self> {
        Some(match normalize_header(header).as_str() {
            "title" => Self::Title,
            "description" => Self::Description,
            "cooperatives" => Self::Cooperatives,
            "start" => Self::Start,
            "due" => Self::Due,
            "target" => Self::Target,
            "unit" => Self::Unit,
            "rhythm_days" | "checkin_days" => Self::Rhythm,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Description => "description",
            Self::Cooperatives => "cooperatives",
            Self::Start => "start",
            Self::Due => "due",
            Self::Target => "target",
            Self::Unit => "unit",
            Self::Rhythm => "rhythm_days",
        }
    }
}

/// `Rhythm Days`, `rhythm_days`, ` RHYTHM  days ` → `rhythm_days`.
fn normalize_header(header: &str) -> String {
    let lower = header.trim_start_matches('\u{feff}').trim().to_lowercase();
    lower
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Cooperative names compare without case and with spaces collapsed.
fn normalize_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Where each column is, with the header as written (for messages).
struct Columns<'a> {
    sheet: &'a Sheet,
    found: Vec<(Field, usize)>,
}

impl Columns<'_> {
    fn index(&self, field: Field) -> Option<usize> {
        self.found.iter().find(|(f, _)| *f == field).map(|(_, i)| *i)
    }

    fn label(&self, index: usize) -> String {
        let header = self
            .sheet
            .rows
            .first()
            .and_then(|r| r.get(index))
            .map_or("", |h| h.trim_start_matches('\u{feff}').trim());
        format!("{} ({header})", column_letter(self.sheet.first_col + index))
    }

    fn cell<'r>(&self, row: &'r [String], field: Field) -> &'r str {
        self.index(field).and_then(|i| row.get(i)).map_or("", |c| c.trim())
    }
}

/// Headers that are not read, as `F (notes)`: worth a warning, since a misspelt optional
/// column (`rythm_days`) would otherwise be dropped without a word.
pub fn ignored_columns(sheet: &Sheet) -> Vec<String> {
    let Some(header) = sheet.rows.first() else { return Vec::new() };
    header
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.trim_start_matches('\u{feff}').trim().is_empty() && Field::of_header(h).is_none())
        .map(|(i, h)| {
            format!("{} ({})", column_letter(sheet.first_col + i), h.trim_start_matches('\u{feff}').trim())
        })
        .collect()
}

/// Finds the columns in the header row; a missing required column or a column given twice
/// is an error on the header row.
fn columns(sheet: &Sheet) -> Result<Columns<'_>, Vec<RowError>> {
    let header_row = sheet.first_row;
    let Some(header) = sheet.rows.first().filter(|r| r.iter().any(|c| !c.trim().is_empty())) else {
        return Err(vec![RowError {
            row: header_row,
            column: None,
            message: "the table is empty: its first row must name the columns (title, due, and optionally description, \
                      cooperatives, start, target, unit, rhythm_days)"
                .into(),
        }]);
    };
    let mut cols = Columns { sheet, found: Vec::new() };
    let mut errors = Vec::new();
    for (index, text) in header.iter().enumerate() {
        let Some(field) = Field::of_header(text) else { continue };
        match cols.index(field) {
            Some(first) => errors.push(RowError {
                row: header_row,
                column: Some(cols.label(index)),
                message: format!(
                    "the {} column is already column {}; keep only one",
                    field.name(),
                    cols.label(first)
                ),
            }),
            None => cols.found.push((field, index)),
        }
    }
    for field in [Field::Title, Field::Due] {
        if cols.index(field).is_none() {
            errors.push(RowError {
                row: header_row,
                column: None,
                message: format!(
                    "there is no '{}' column; the first row must name the columns",
                    field.name()
                ),
            });
        }
    }
    if errors.is_empty() { Ok(cols) } else { Err(errors) }
}

/// The date part of what a spreadsheet gives for a date cell: `2026-03-15`,
/// `2026-03-15 00:00:00`, `2026-03-15T10:30:00`; typed dates pass unchanged.
fn date_text(raw: &str) -> &str {
    let raw = raw.trim();
    let iso_prefix = raw.len() > 10
        && raw.is_char_boundary(10)
        && raw[..10]
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        && matches!(raw.as_bytes()[10], b' ' | b'T')
        && raw[11..].contains(':');
    if iso_prefix { &raw[..10] } else { raw }
}

fn parse_date_cell(raw: &str) -> Result<NaiveDate, String> {
    parse_date(date_text(raw))
        .map_err(|_| format!("'{raw}' is not a date; write it as 2026-03-15 or 15/03/2026"))
}

/// The owning cooperatives named in a cell: `;`-separated (then names may hold commas), else
/// `,`-separated; a cell that is exactly one cooperative's name is that cooperative.
fn owners(raw: &str, cooperatives: &[(CooperativeId, String)]) -> Result<Vec<CooperativeId>, Vec<String>> {
    let lookup = |name: &str| -> Result<CooperativeId, String> {
        let wanted = normalize_name(name);
        let matches: Vec<CooperativeId> =
            cooperatives.iter().filter(|(_, n)| normalize_name(n) == wanted).map(|(id, _)| *id).collect();
        if let [id] = matches.as_slice() { Ok(*id) } else { Err(name.to_owned()) }
    };
    if raw.trim().is_empty() {
        return Ok(Vec::new());
    }
    if let Ok(id) = lookup(raw) {
        return Ok(vec![id]);
    }
    let separator = if raw.contains(';') { ';' } else { ',' };
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for name in raw.split(separator).map(str::trim).filter(|n| !n.is_empty()) {
        match lookup(name) {
            Ok(id) if !ids.contains(&id) => ids.push(id),
            Ok(_) => {}
            Err(name) => unknown.push(name),
        }
    }
    if unknown.is_empty() { Ok(ids) } else { Err(unknown) }
}

fn cooperative_error(name: &str, cooperatives: &[(CooperativeId, String)]) -> String {
    let wanted = normalize_name(name);
    if cooperatives.iter().filter(|(_, n)| normalize_name(n) == wanted).count() > 1 {
        return format!("several cooperatives of this cluster are named '{name}'; rename them apart first");
    }
    if cooperatives.is_empty() {
        return format!(
            "no cooperative is named '{name}': this cluster has no cooperatives yet (leave the cell empty for the whole cluster)"
        );
    }
    let known: Vec<&str> = cooperatives.iter().map(|(_, n)| n.as_str()).collect();
    format!("no cooperative of this cluster is named '{name}' (its cooperatives: {})", known.join(", "))
}

/// Turns a table into the actions of `cluster_id`. `cooperatives` are the cluster's
/// (id, name); `today` (in the cluster's time zone) is the start of actions without one.
pub fn parse(
    sheet: &Sheet,
    cluster_id: ClusterId,
    cooperatives: &[(CooperativeId, String)],
    today: NaiveDate,
) -> Result<Vec<NewAction>, Vec<RowError>> {
    let cols = columns(sheet)?;
    let mut actions = Vec::new();
    let mut errors = Vec::new();
    for (offset, row) in sheet.rows.iter().enumerate().skip(1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row_number = sheet.first_row + offset;
        let mut problems: Vec<(Field, String)> = Vec::new();
        let cell = |field| cols.cell(row, field);

        // One line: a title is shown on buttons and in lists.
        let title = cell(Field::Title).split_whitespace().collect::<Vec<_>>().join(" ");
        let length = title.chars().count();
        if title.is_empty() {
            problems.push((Field::Title, "the title is missing".into()));
        } else if length > MAX_TITLE_CHARS {
            problems.push((
                Field::Title,
                format!("the title is {length} characters long; at most {MAX_TITLE_CHARS} are allowed"),
            ));
        }

        let description = Some(cell(Field::Description)).filter(|d| !d.is_empty()).map(str::to_owned);

        let owner_ids = owners(cell(Field::Cooperatives), cooperatives).unwrap_or_else(|unknown| {
            for name in unknown {
                problems.push((Field::Cooperatives, cooperative_error(&name, cooperatives)));
            }
            Vec::new()
        });

        let start = match cell(Field::Start) {
            "" => Some(today),
            raw => parse_date_cell(raw).map_err(|e| problems.push((Field::Start, e))).ok(),
        };
        let due = match cell(Field::Due) {
            "" => {
                problems.push((Field::Due, "the due date is missing".into()));
                None
            }
            raw => parse_date_cell(raw).map_err(|e| problems.push((Field::Due, e))).ok(),
        };
        if let (Some(start), Some(due)) = (start, due)
            && due < start
        {
            let message = if cell(Field::Start).is_empty() {
                format!("the due date {due} is before today ({start}), the start when none is given")
            } else {
                format!("the due date {due} is before the start ({start})")
            };
            problems.push((Field::Due, message));
        }

        let unit_cell = cell(Field::Unit);
        let (target, unit) = match cell(Field::Target) {
            "" if unit_cell.is_empty() => (None, None),
            "" => {
                problems.push((Field::Unit, format!("a unit ('{unit_cell}') without a target: give the target too, or leave the unit empty")));
                (None, None)
            }
            raw => match parse_target(raw)
                .filter(|(_, unit)| !unit.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ','))
            {
                None => {
                    problems.push((Field::Target, format!("'{raw}' is not a target; write a positive number, with its unit if any, e.g. 10 t")));
                    (None, None)
                }
                Some((n, own_unit)) if own_unit.is_empty() => {
                    (Some(n), Some(unit_cell.to_owned()).filter(|u| !u.is_empty()))
                }
                Some((n, own_unit)) => {
                    if !unit_cell.is_empty() && normalize_name(unit_cell) != normalize_name(&own_unit) {
                        problems.push((Field::Unit, format!("the target says '{own_unit}' but the unit column says '{unit_cell}'; keep one")));
                    }
                    (Some(n), Some(own_unit))
                }
            },
        };

        let rhythm_days = match cell(Field::Rhythm) {
            "" => None,
            raw => match parse_number(raw, true).ok().and_then(|n| n.parse::<i64>().ok()) {
                Some(n) if (1..=MAX_RHYTHM_DAYS).contains(&n) => Some(n),
                _ => {
                    problems.push((
                        Field::Rhythm,
                        format!("'{raw}' is not a check-in rhythm; write a whole number of days from 1 to {MAX_RHYTHM_DAYS}, e.g. 14"),
                    ));
                    None
                }
            },
        };

        if !problems.is_empty() {
            errors.extend(problems.into_iter().map(|(field, message)| RowError {
                row: row_number,
                column: cols.index(field).map(|i| cols.label(i)),
                message,
            }));
            continue;
        }
        let (Some(start_date), Some(due_date)) = (start, due) else { continue };
        actions.push(NewAction {
            cluster_id,
            title,
            description,
            cooperatives: owner_ids,
            start_date,
            due_date,
            target,
            unit,
            rhythm_days,
            created_by: None,
        });
    }
    if actions.is_empty() && errors.is_empty() {
        errors.push(RowError {
            row: sheet.first_row,
            column: None,
            message: "there are no actions below the header row".into(),
        });
    }
    if errors.is_empty() { Ok(actions) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 1, 10)
    }

    fn coops() -> Vec<(CooperativeId, String)> {
        vec![
            (CooperativeId(7), "Tifawin".into()),
            (CooperativeId(8), "Aït Baha, Souss".into()),
            (CooperativeId(9), "Tamount".into()),
        ]
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "actions".into(),
            first_row: 1,
            first_col: 0,
            rows: rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect(),
        }
    }

    fn errors(rows: &[&[&str]]) -> Vec<String> {
        parse(&sheet(rows), ClusterId(1), &coops(), today())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_full_row_becomes_an_action_with_its_owners_dates_target_and_rhythm() {
        let s = sheet(&[
            &[
                "Title",
                "Description",
                "Cooperatives",
                "Start",
                "Due",
                "Target",
                "Unit",
                "Rhythm days",
                "Notes",
            ],
            &[
                "شراء مشترك للأسمدة",
                "for the spring",
                "tifawin; TAMOUNT",
                "15/03/2026",
                "2026-06-30",
                "10 t",
                "",
                "14",
                "ignored",
            ],
        ]);
        let actions = parse(&s, ClusterId(3), &coops(), today()).unwrap();
        assert_eq!(
            actions,
            [NewAction {
                cluster_id: ClusterId(3),
                title: "شراء مشترك للأسمدة".into(),
                description: Some("for the spring".into()),
                cooperatives: vec![CooperativeId(7), CooperativeId(9)],
                start_date: date(2026, 3, 15),
                due_date: date(2026, 6, 30),
                target: Some(10.0),
                unit: Some("t".into()),
                rhythm_days: Some(14),
                created_by: None,
            }]
        );
    }

    #[test]
    fn optional_cells_left_empty_mean_today_the_whole_cluster_and_no_target_or_check_ins() {
        let actions = parse(
            &sheet(&[&["title", "due", "start", "cooperatives"], &["Trade fair stand", "1.6.2026", "", ""]]),
            ClusterId(1),
            &coops(),
            today(),
        )
        .unwrap();
        let a = &actions[0];
        assert_eq!((a.start_date, a.due_date), (today(), date(2026, 6, 1)));
        assert!(a.cooperatives.is_empty());
        assert_eq!(
            (a.target, a.unit.as_deref(), a.rhythm_days, a.description.as_deref()),
            (None, None, None, None)
        );
    }

    #[test]
    fn headers_match_without_case_and_with_spaces_or_underscores_and_checkin_days_is_the_rhythm() {
        let s =
            sheet(&[&["\u{feff}TITLE", " Due ", "checkin_days"], &["Shared\n dryer ", "2026-05-01", "7"]]);
        let action = &parse(&s, ClusterId(1), &coops(), today()).unwrap()[0];
        assert_eq!(
            (action.title.as_str(), action.rhythm_days),
            ("Shared dryer", Some(7)),
            "titles are one line"
        );
        let s = sheet(&[&["title", "due", "RHYTHM_DAYS"], &["Shared dryer", "2026-05-01", "٣٠"]]);
        assert_eq!(parse(&s, ClusterId(1), &coops(), today()).unwrap()[0].rhythm_days, Some(30));
    }

    #[test]
    fn a_plain_number_target_takes_its_unit_from_the_unit_column() {
        let s = sheet(&[
            &["title", "due", "target", "unit"],
            &["Oil", "2026-05-01", "٥٠٠", "litres"],
            &["Jars", "2026-05-01", "2,5", ""],
        ]);
        let actions = parse(&s, ClusterId(1), &coops(), today()).unwrap();
        assert_eq!((actions[0].target, actions[0].unit.as_deref()), (Some(500.0), Some("litres")));
        assert_eq!((actions[1].target, actions[1].unit.as_deref()), (Some(2.5), None));
    }

    #[test]
    fn spreadsheet_dates_with_a_time_part_and_eastern_arabic_digits_are_read() {
        let s = sheet(&[
            &["title", "start", "due"],
            &["A", "2026-02-01 00:00:00", "٢٠/٠٣/٢٠٢٦"],
            &["B", "2026-02-01T08:30:00", "2026-02-01"],
        ]);
        let actions = parse(&s, ClusterId(1), &coops(), today()).unwrap();
        assert_eq!((actions[0].start_date, actions[0].due_date), (date(2026, 2, 1), date(2026, 3, 20)));
        assert_eq!(actions[1].due_date, actions[1].start_date, "due on the start day is fine");
    }

    #[test]
    fn cooperatives_are_split_on_semicolons_or_commas_and_a_name_with_a_comma_still_matches() {
        assert_eq!(owners("Tifawin, tamount", &coops()), Ok(vec![CooperativeId(7), CooperativeId(9)]));
        assert_eq!(owners("aït baha, souss", &coops()), Ok(vec![CooperativeId(8)]));
        assert_eq!(
            owners("Aït Baha, Souss; Tifawin; tifawin", &coops()),
            Ok(vec![CooperativeId(8), CooperativeId(7)])
        );
        assert_eq!(owners("  ", &coops()), Ok(vec![]));
        assert_eq!(
            owners("Tifawin; Nowhere; Elsewhere", &coops()),
            Err(vec!["Nowhere".into(), "Elsewhere".into()])
        );
    }

    #[test]
    fn every_problem_of_every_row_is_reported_with_its_row_and_column() {
        let errs = errors(&[
            &["title", "cooperatives", "start", "due", "target", "rhythm_days"],
            &["Joint purchase", "Tifawin; Nowhere", "", "31/02/2026", "", ""],
            &[],
            &["", "", "2026-03-01", "2026-02-01", "lots", "0"],
            &["Fine", "", "", "2026-12-01", "10 t", "14"],
        ]);
        assert_eq!(
            errs,
            [
                "row 2, column B (cooperatives): no cooperative of this cluster is named 'Nowhere' (its cooperatives: Tifawin, Aït Baha, Souss, Tamount)",
                "row 2, column D (due): '31/02/2026' is not a date; write it as 2026-03-15 or 15/03/2026",
                "row 4, column A (title): the title is missing",
                "row 4, column D (due): the due date 2026-02-01 is before the start (2026-03-01)",
                "row 4, column E (target): 'lots' is not a target; write a positive number, with its unit if any, e.g. 10 t",
                "row 4, column F (rhythm_days): '0' is not a check-in rhythm; write a whole number of days from 1 to 366, e.g. 14",
            ]
        );
    }

    #[test]
    fn a_due_date_before_today_is_refused_when_the_start_defaults_to_today() {
        let errs = errors(&[&["title", "due"], &["Late", "2026-01-09"]]);
        assert_eq!(
            errs,
            [
                "row 2, column B (due): the due date 2026-01-09 is before today (2026-01-10), the start when none is given"
            ]
        );
    }

    #[test]
    fn a_missing_title_or_due_column_is_an_error_on_the_header_row() {
        let errs = errors(&[&["name", "deadline"], &["Joint purchase", "2026-03-01"]]);
        assert_eq!(
            errs,
            [
                "row 1: there is no 'title' column; the first row must name the columns",
                "row 1: there is no 'due' column; the first row must name the columns",
            ]
        );
    }

    #[test]
    fn a_column_given_twice_is_refused() {
        let errs =
            errors(&[&["title", "due", "rhythm days", "checkin days"], &["A", "2026-03-01", "7", "14"]]);
        assert_eq!(
            errs,
            [
                "row 1, column D (checkin days): the rhythm_days column is already column C (rhythm days); keep only one"
            ]
        );
    }

    #[test]
    fn row_and_column_numbers_follow_the_spreadsheet_when_the_table_does_not_start_at_a1() {
        let mut s = sheet(&[&["title", "due"], &["A", "tomorrow"]]);
        s.first_row = 3;
        s.first_col = 1;
        let errs: Vec<String> =
            parse(&s, ClusterId(1), &[], today()).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            errs,
            ["row 4, column C (due): 'tomorrow' is not a date; write it as 2026-03-15 or 15/03/2026"]
        );
    }

    #[test]
    fn titles_longer_than_two_hundred_characters_are_refused() {
        let long = "ب".repeat(201);
        let errs = errors(&[&["title", "due"], &[&long, "2026-03-01"], &[&"ب".repeat(200), "2026-03-01"]]);
        assert_eq!(
            errs,
            ["row 2, column A (title): the title is 201 characters long; at most 200 are allowed"]
        );
    }

    #[test]
    fn a_unit_that_contradicts_the_target_or_has_no_target_is_refused() {
        let errs = errors(&[
            &["title", "due", "target", "unit"],
            &["A", "2026-03-01", "10 t", "kg"],
            &["B", "2026-03-01", "", "kg"],
            &["C", "2026-03-01", "10 T", "t"],
        ]);
        assert_eq!(
            errs,
            [
                "row 2, column D (unit): the target says 't' but the unit column says 'kg'; keep one",
                "row 3, column D (unit): a unit ('kg') without a target: give the target too, or leave the unit empty",
            ]
        );
    }

    #[test]
    fn a_number_with_a_space_as_thousands_separator_is_not_taken_as_a_unit() {
        let errs = errors(&[&["title", "due", "target"], &["A", "2026-03-01", "1 000 kg"]]);
        assert_eq!(
            errs,
            [
                "row 2, column C (target): '1 000 kg' is not a target; write a positive number, with its unit if any, e.g. 10 t"
            ]
        );
    }

    #[test]
    fn blank_rows_are_skipped_and_an_empty_table_is_an_error() {
        let actions = parse(
            &sheet(&[&["title", "due"], &["", "  "], &["A", "2026-03-01"], &[]]),
            ClusterId(1),
            &[],
            today(),
        )
        .unwrap();
        assert_eq!(actions.len(), 1);
        assert_eq!(
            errors(&[&["title", "due"], &["", ""]]),
            ["row 1: there are no actions below the header row"]
        );
        assert!(errors(&[])[0].starts_with("row 1: the table is empty"));
    }

    #[test]
    fn unknown_columns_are_named_so_a_misspelt_one_can_be_noticed() {
        let s = sheet(&[&["title", "due", "rythm days", "", "Notes"]]);
        assert_eq!(ignored_columns(&s), ["C (rythm days)", "E (Notes)"]);
    }
}
