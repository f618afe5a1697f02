//! Reading spreadsheets (XLSForms, and later action-plan imports) into plain grids of cell
//! text with calamine. Cell positions are kept, so errors can name Excel rows and columns.

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
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ReadError(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| ReadError(e.to_string()))?;
        let (first_row, first_col) = range.start().map(|(r, c)| (r as usize + 1, c as usize)).unwrap_or((1, 0));
        let rows = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
        sheets.push(Sheet { name, first_row, first_col, rows });
    }
    Ok(sheets)
}
