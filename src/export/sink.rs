//! Where exported rows go, one at a time: CSV through the `csv` crate into any writer, or an
//! XLSX workbook in rust_xlsxwriter's constant-memory mode (rows are flushed to a temporary
//! file as they are written, so memory does not grow with the row count).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::ExportError;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Number(f64),
    /// A moment, shown in UTC: `2026-11-27T08:30:00Z` in CSV, a date-time cell in XLSX.
    Utc(DateTime<Utc>),
    /// A wall-clock time in the cluster's zone: `2026-11-27 09:30` in CSV, a date-time cell
    /// in XLSX.
    Local(NaiveDateTime),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        let s = s.into();
        if s.is_empty() { Self::Empty } else { Self::Text(s) }
    }

    pub fn opt_text(s: Option<impl Into<String>>) -> Self {
        s.map(Self::text).unwrap_or(Self::Empty)
    }

    pub fn opt_utc(t: Option<DateTime<Utc>>) -> Self {
        t.map(Self::Utc).unwrap_or(Self::Empty)
    }

    pub fn opt_number(n: Option<f64>) -> Self {
        n.map(Self::Number).unwrap_or(Self::Empty)
    }

    /// The cell as CSV shows it.
    fn csv(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => defuse(s),
            Self::Int(n) => n.to_string(),
            Self::Number(n) => n.to_string(),
            Self::Utc(t) => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            Self::Local(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    /// Characters the cell needs, for column widths.
    fn width(&self) -> usize {
        match self {
            Self::Empty => 0,
            Self::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Self::Int(n) => n.to_string().len(),
            Self::Number(n) => n.to_string().len(),
            Self::Utc(_) => 19,
            Self::Local(_) => 16,
        }
    }
}

/// Text that Excel would run as a formula (`=`, `+`, `@`, or `-` not followed by a number)
/// gets a leading `'`: answers come from anyone in the cluster, and a CSV file opened in
/// Excel must not compute what they typed.
fn defuse(s: &str) -> String {
    let risky = match s.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !s.split(' ').all(|part| part.parse::<f64>().is_ok()),
        _ => false,
    };
    if risky { format!("'{s}") } else { s.to_owned() }
}

/// A destination for rows: a header, then rows in order.
pub trait Sink {
    fn header(&mut self, columns: &[String]) -> Result<(), ExportError>;
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError>;
    /// Writes what is left; the export is complete only after this.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// CSV, UTF-8 with a byte-order mark first: without it Excel reads UTF-8 as the local code
/// page, and Arabic and Urdu text turns to mojibake.
pub struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
}

pub const BOM: &[u8] = "\u{feff}".as_bytes();

impl<W: Write> CsvSink<W> {
    pub fn new(mut out: W) -> Result<Self, ExportError> {
        out.write_all(BOM)?;
        Ok(Self { writer: csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out) })
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn header(&mut self, columns: &[String]) -> Result<(), ExportError> {
        self.writer.write_record(columns)?;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        self.writer.write_record(cells.iter().map(Cell::csv))?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        let mut out = self.writer.into_inner().map_err(|e| ExportError::Io(e.into_error()))?;
        out.flush()?;
        Ok(())
    }
}

/// Excel's limit on the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// One worksheet, written row by row in constant-memory mode, saved to `path` at the end.
pub struct XlsxSink {
    workbook: Workbook,
    path: PathBuf,
    row: u32,
    widths: Vec<usize>,
    bold: Format,
    utc: Format,
    local: Format,
}

impl XlsxSink {
    pub fn new(path: &Path, sheet: &str) -> Result<Self, ExportError> {
        let mut workbook = Workbook::new();
        let sheet_dir = path.parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf);
        // The temporary row file goes beside the output (not to a tmpfs /tmp, which is memory).
        if let Some(dir) = &sheet_dir {
            workbook.set_tempdir(dir)?;
        }
        workbook.set_zip_compression_level(1);
        let worksheet = workbook.add_worksheet_with_constant_memory()?;
        worksheet.set_name(sheet)?;
        worksheet.set_freeze_panes(1, 0)?;
        Ok(Self {
            workbook,
            path: path.to_path_buf(),
            row: 0,
            widths: Vec::new(),
            bold: Format::new().set_bold(),
            utc: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            local: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        })
    }

    fn note_width(&mut self, col: usize, width: usize) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(width);
    }
}

fn excel_datetime(t: &NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)?.and_hms(
        t.hour() as u16,
        t.minute() as u8,
        t.second(),
    )
}

impl Sink for XlsxSink {
    fn header(&mut self, columns: &[String]) -> Result<(), ExportError> {
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (col, name) in columns.iter().enumerate() {
            sheet.write_string_with_format(self.row, col as u16, name, &self.bold)?;
        }
        for (col, name) in columns.iter().enumerate() {
            self.note_width(col, name.chars().count() + 2);
        }
        self.row += 1;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        let row = self.row;
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (col, cell) in cells.iter().enumerate() {
            let col16 = col as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) if s.chars().count() > MAX_CELL_CHARS => {
                    let cut: String = s.chars().take(MAX_CELL_CHARS).collect();
                    sheet.write_string(row, col16, cut)?;
                }
                Cell::Text(s) => {
                    sheet.write_string(row, col16, s)?;
                }
                Cell::Int(n) => {
                    sheet.write_number(row, col16, *n as f64)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(row, col16, *n)?;
                }
                Cell::Utc(t) => {
                    sheet.write_datetime_with_format(
                        row,
                        col16,
                        excel_datetime(&t.naive_utc())?,
                        &self.utc,
                    )?;
                }
                Cell::Local(t) => {
                    sheet.write_datetime_with_format(row, col16, excel_datetime(t)?, &self.local)?;
                }
            }
        }
        for (col, cell) in cells.iter().enumerate() {
            self.note_width(col, cell.width() + 1);
        }
        self.row += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        let widths = std::mem::take(&mut self.widths);
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (col, width) in widths.into_iter().enumerate() {
            sheet.set_column_width(col as u16, width.clamp(MIN_WIDTH, MAX_WIDTH) as f64)?;
        }
        self.workbook.save(&self.path)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_typed_by_members_are_not_run_by_excel() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("+1+1"), "'+1+1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-1+2"), "'-1+2");
        assert_eq!(defuse("-33.9 18.4 0 5"), "-33.9 18.4 0 5", "a geopoint in the south");
        assert_eq!(defuse("-3"), "-3");
        assert_eq!(defuse("مرحبا = hello"), "مرحبا = hello");
    }

    #[test]
    fn csv_cells_are_iso_in_utc_and_plain_numbers() {
        let t = DateTime::parse_from_rfc3339("2026-11-27T08:30:05.123456Z").unwrap().with_timezone(&Utc);
        assert_eq!(Cell::Utc(t).csv(), "2026-11-27T08:30:05Z");
        assert_eq!(Cell::Number(40.0).csv(), "40");
        assert_eq!(Cell::Number(2.5).csv(), "2.5");
        assert_eq!(Cell::text("").csv(), "");
    }
}
