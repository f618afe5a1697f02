//! Reading spreadsheets (XLSForms, action plans) into plain grids of cell text with calamine,
//! and CSV files into the same grids. Cell positions are kept, so errors can name Excel rows
//! and columns.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, open_workbook_auto_from_rs};

use crate::domain::form::xlsform::Sheet;

#[derive(Debug, thiserror::Error)]
#[error("this file is not a readable spreadsheet (.xlsx, .xls or .ods): {0}")]
pub struct ReadError(String);

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::DateTime(_) => cell
            .as_datetime()
            .map(|d| if d.time() == chrono::NaiveTime::MIN { d.date().to_string() } else { d.to_string() })
            .unwrap_or_else(|| cell.to_string()),
        // Excel stores many whole numbers as floats: 1.0 reads "1".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        other => other.to_string(),
    }
}

/// Every sheet of a workbook, as text.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ReadError(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| ReadError(e.to_string()))?;
        let (first_row, first_col) =
            range.start().map(|(r, c)| (r as usize + 1, c as usize)).unwrap_or((1, 0));
        let rows = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
        sheets.push(Sheet { name, first_row, first_col, rows });
    }
    Ok(sheets)
}

/// Why a table (CSV or spreadsheet) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error(transparent)]
    Spreadsheet(#[from] ReadError),
    #[error("the spreadsheet has no sheet")]
    NoSheet,
    #[error("'{0}' is neither a .csv file nor a spreadsheet (.xlsx, .xls, .ods)")]
    UnknownKind(String),
    #[error(
        "this CSV file is not UTF-8 text; in Excel, save it as \"CSV UTF-8\" (or send the .xlsx file itself)"
    )]
    NotUtf8,
    #[error("this file is not readable CSV: {0}")]
    Csv(String),
}

/// Whether a file a CDA sends is a questionnaire to import (an XLSForm workbook) rather
/// than a field note.
pub fn is_form_file(file_name: &str) -> bool {
    let name = file_name.to_lowercase();
    [".xlsx", ".xls", ".ods"].iter().any(|ext| name.ends_with(ext))
}

/// A table from a file, by its extension: a `.csv` file (UTF-8, `,` or `;` between cells), or
/// the sheet named `actions` of a spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods), else its first sheet.
pub fn read_table(bytes: &[u8], file_name: &str) -> Result<Sheet, TableError> {
    let extension = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase();
    match extension.as_str() {
        "csv" => read_csv(bytes, file_name),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            let mut sheets = read_workbook(bytes)?;
            let index =
                sheets.iter().position(|s| s.name.trim().eq_ignore_ascii_case("actions")).unwrap_or(0);
            if sheets.is_empty() { Err(TableError::NoSheet) } else { Ok(sheets.swap_remove(index)) }
        }
        _ => Err(TableError::UnknownKind(file_name.to_owned())),
    }
}

/// The cell separator of a CSV file: `;` when its first non-blank line (outside quotes) has more `;`
/// than `,` — as Excel writes in locales whose decimal separator is a comma — else `,`.
fn csv_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for c in text.trim_start_matches(['\r', '\n']).chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// How many blank lines start at `at`, where the CSV reader began reading a record (just
/// after the previous record's `\n`, or between the `\r` and `\n` of a `\r\n`).
fn blank_lines_at(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    if i > 0 && bytes.get(i - 1) == Some(&b'\r') && bytes.get(i) == Some(&b'\n') {
        i += 1;
    }
    let mut blank = 0;
    while let Some(b) = bytes.get(i) {
        match b {
            b'\n' => blank += 1,
            b'\r' => {}
            _ => break,
        }
        i += 1;
    }
    blank
}

/// A CSV file as a grid: the header is row 1 and every line a row, as a spreadsheet shows
/// it (blank lines count as rows; a quoted cell may span lines and stays in its row).
pub fn read_csv(bytes: &[u8], file_name: &str) -> Result<Sheet, TableError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(TableError::NotUtf8);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| TableError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(csv_delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut first_row = 1;
    for record in reader.records() {
        let record = record.map_err(|e| TableError::Csv(e.to_string()))?;
        // The reader skips blank lines; a spreadsheet shows them as rows, so they are put back.
        let blank = blank_lines_at(text, record.position().map_or(0, |p| p.byte() as usize));
        if rows.is_empty() {
            first_row += blank;
        } else {
            rows.extend(std::iter::repeat_n(Vec::new(), blank));
        }
        rows.push(record.iter().map(str::to_owned).collect());
    }
    let name =
        std::path::Path::new(file_name).file_stem().and_then(|s| s.to_str()).unwrap_or("csv").to_owned();
    Ok(Sheet { name, first_row, first_col: 0, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(sheet: &Sheet) -> Vec<Vec<&str>> {
        sheet.rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn a_semicolon_csv_with_a_bom_reads_like_a_comma_csv_without_one() {
        let semi = read_table(
            "\u{feff}title;due;target\r\nAchat groupé, engrais;15/03/2026;2,5 t\r\n".as_bytes(),
            "plan.CSV",
        )
        .unwrap();
        let comma = read_table(
            "title,due,target\n\"Achat groupé, engrais\",15/03/2026,\"2,5 t\"\n".as_bytes(),
            "plan.csv",
        )
        .unwrap();
        assert_eq!(
            rows(&semi),
            [vec!["title", "due", "target"], vec!["Achat groupé, engrais", "15/03/2026", "2,5 t"]]
        );
        assert_eq!(semi.rows, comma.rows);
        assert_eq!((semi.first_row, semi.first_col, semi.name.as_str()), (1, 0, "plan"));
    }

    #[test]
    fn csv_rows_keep_the_numbers_a_spreadsheet_shows_across_blank_lines_and_multi_line_cells() {
        let sheet = read_csv(b"title,due\n\"two\nlines\",x\n\nthird,y\nshort\n", "a.csv").unwrap();
        assert_eq!(
            rows(&sheet),
            [vec!["title", "due"], vec!["two\nlines", "x"], vec![], vec!["third", "y"], vec!["short"]]
        );
        let crlf = read_csv(b"\r\n\r\ntitle;due\r\na;b\r\n\r\n\r\nc;d\r\n", "b.csv").unwrap();
        assert_eq!(crlf.first_row, 3, "blank lines above the header");
        assert_eq!(rows(&crlf), [vec!["title", "due"], vec!["a", "b"], vec![], vec![], vec!["c", "d"]]);
    }

    #[test]
    fn a_csv_that_is_not_utf8_is_refused_with_how_to_save_it() {
        let latin1 = b"title;due\nAchat group\xe9;15/03/2026\n";
        let err = read_table(latin1, "plan.csv").unwrap_err().to_string();
        assert!(err.contains("CSV UTF-8"), "{err}");
        assert!(matches!(read_table(&[0xFF, 0xFE, b't', 0], "plan.csv"), Err(TableError::NotUtf8)));
    }

    #[test]
    fn files_that_are_neither_csv_nor_spreadsheets_are_refused_by_name() {
        let err = read_table(b"title", "plan.docx").unwrap_err().to_string();
        assert_eq!(err, "'plan.docx' is neither a .csv file nor a spreadsheet (.xlsx, .xls, .ods)");
        assert!(matches!(read_table(b"not a zip", "plan.xlsx"), Err(TableError::Spreadsheet(_))));
    }
}
