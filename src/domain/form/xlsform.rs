//! XLSForm → [`Form`]. Works on plain grids of cell text (the `forms` module reads them from
//! .xlsx with calamine), so every rule here is testable without a file.
//!
//! A form is imported whole or not at all: every problem is reported with its sheet, row,
//! column and the construct at fault, all of them at once, so the author can fix the file in
//! one pass.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use super::expr::{self, Expr};
use super::model::{Choice, Form, Item, Kind, Meta, Text};
use crate::domain::Locale;

/// One sheet as cell text. `rows[0]` is the header row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    /// Excel row number of `rows[0]` (1 for a sheet that starts at the top).
    pub first_row: usize,
    /// Excel column index (0 = A) of the first cell of each row.
    pub first_col: usize,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub sheet: String,
    pub row: Option<usize>,
    /// Column letter and header, e.g. `C (relevant)`.
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} sheet", self.sheet)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(col) = &self.column {
            write!(f, ", column {col}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Excel's column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// Maps the language part of a column header (`English (en)`, `English(en)`, `english`,
/// `Français (fr)`) to a key: our locale code when we ship the language, else the form's code,
/// else the lowercased name.
pub fn language_key(raw: &str) -> String {
    let raw = raw.trim();
    if let (Some(open), true) = (raw.rfind('('), raw.ends_with(')')) {
        let code = raw[open + 1..raw.len() - 1].trim().to_lowercase();
        if !code.is_empty() {
            return Locale::from_language_tag(&code).map(|l| l.code().to_owned()).unwrap_or(code);
        }
    }
    let name = raw.to_lowercase();
    let code = match name.as_str() {
        "english" | "anglais" => "en",
        "french" | "français" | "francais" => "fr",
        "arabic" | "العربية" | "arabe" => "ar",
        "spanish" | "español" | "espanol" => "es",
        "urdu" | "اردو" => "ur",
        "russian" | "русский" => "ru",
        _ => {
            return Locale::from_language_tag(&name)
                .filter(|_| name.len() == 2)
                .map(|l| l.code().to_owned())
                .unwrap_or(name);
        }
    };
    code.to_owned()
}

#[derive(Debug, Clone)]
struct Column {
    index: usize,
    header: String,
    base: String,
    lang: String,
}

fn normalize_base(base: &str) -> String {
    let b = base.trim().to_lowercase().replace(' ', "_");
    match b.as_str() {
        "list_name" | "listname" => "list_name".into(),
        "jr:constraintmsg" | "constraintmsg" => "constraint_message".into(),
        "jr:requiredmsg" | "requiredmsg" => "required_message".into(),
        "bind::relevant" => "relevant".into(),
        _ => b,
    }
}

fn columns(header: &[String]) -> Vec<Column> {
    header
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.trim().is_empty())
        .map(|(index, h)| {
            let parts: Vec<&str> = h.split("::").collect();
            let (base, lang) = match parts.as_slice() {
                [media, kind, lang @ ..] if media.trim().eq_ignore_ascii_case("media") => {
                    (normalize_base(kind), lang.first().map(|l| language_key(l)).unwrap_or_default())
                }
                [base, lang, ..] => (normalize_base(base), language_key(lang)),
                [base] => (normalize_base(base), String::new()),
                [] => (String::new(), String::new()),
            };
            Column { index, header: h.trim().to_owned(), base, lang }
        })
        .collect()
}

struct Table<'a> {
    sheet: &'a Sheet,
    columns: Vec<Column>,
}

impl<'a> Table<'a> {
    fn new(sheet: &'a Sheet) -> Self {
        let header = sheet.rows.first().cloned().unwrap_or_default();
        Self { sheet, columns: columns(&header) }
    }

    fn has(&self, base: &str) -> bool {
        self.columns.iter().any(|c| c.base == base)
    }

    /// Data rows with their Excel row numbers, skipping blank rows.
    fn rows(&self) -> impl Iterator<Item = (usize, &'a Vec<String>)> + 'a {
        let first = self.sheet.first_row;
        self.sheet
            .rows
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .map(move |(i, r)| (first + i, r))
    }

    fn column(&self, base: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.base == base && c.lang.is_empty())
            .or_else(|| self.columns.iter().find(|c| c.base == base))
    }

    fn cell(&self, row: &[String], base: &str) -> String {
        self.column(base).and_then(|c| row.get(c.index)).map(|s| s.trim().to_owned()).unwrap_or_default()
    }

    fn text(&self, row: &[String], base: &str) -> Text {
        Text(
            self.columns
                .iter()
                .filter(|c| c.base == base)
                .filter_map(|c| row.get(c.index).map(|v| (c.lang.clone(), v.trim().to_owned())))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        )
    }

    fn col_name(&self, base: &str) -> Option<String> {
        self.column(base).map(|c| format!("{} ({})", column_letter(self.sheet.first_col + c.index), c.header))
    }

    fn error(&self, row: usize, base: Option<&str>, message: impl Into<String>) -> ImportError {
        ImportError {
            sheet: self.sheet.name.clone(),
            row: Some(row),
            column: base.and_then(|b| self.col_name(b)),
            message: message.into(),
        }
    }
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// `${name}` references inside a label or hint.
fn label_references(text: &Text) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    for value in text.0.values() {
        let mut rest = value.as_str();
        while let Some(start) = rest.find("${") {
            let after = &rest[start + 2..];
            match after.find('}') {
                Some(end) => {
                    refs.insert(after[..end].trim().to_owned());
                    rest = &after[end + 1..];
                }
                None => break,
            }
        }
    }
    refs
}

enum Parsed {
    Item(Kind),
    BeginGroup,
    EndGroup,
}

/// The constructs a chat cannot carry, with the words used in the refusal.
fn unsupported(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "begin_repeat" | "end_repeat" => "repeats are not supported in a chat questionnaire",
        "select_one_from_file" | "select_multiple_from_file" => {
            "choices from an external file are not supported"
        }
        "rank" => "ranking questions are not supported",
        "range" => "range sliders are not supported",
        "time" | "datetime" => "time and date-time questions are not supported (use date)",
        "barcode" => "barcode scanning is not possible in Telegram",
        "video" | "file" | "background-audio" | "background_audio" => {
            "this media type is not supported (audio and image are)"
        }
        "geotrace" | "geoshape" | "start-geopoint" => "traces and shapes are not supported (geopoint is)",
        "xml-external" | "csv-external" => "external data files are not supported",
        _ => return None,
    })
}

fn parse_type(raw: &str) -> Result<Parsed, String> {
    let mut tokens: Vec<String> = raw.split_whitespace().map(str::to_owned).collect();
    if tokens.is_empty() {
        return Err("the type is empty".into());
    }
    tokens[0] = tokens[0].to_lowercase();
    // "select one", "begin group"… written with a space.
    if tokens.len() >= 2 && matches!(tokens[0].as_str(), "select" | "begin" | "end") {
        let second = tokens.remove(1).to_lowercase();
        tokens[0] = format!("{}_{second}", tokens[0]);
    }
    if tokens.len() >= 3
        && matches!(tokens[0].as_str(), "select_one" | "select_multiple")
        && tokens[1].eq_ignore_ascii_case("from")
    {
        tokens[0] = format!("{}_from_file", tokens[0]);
    }
    let head = tokens[0].as_str();
    if let Some(why) = unsupported(head) {
        return Err(format!("'{raw}': {why}"));
    }
    let or_other = tokens.len() == 3 && tokens[2].eq_ignore_ascii_case("or_other");
    let kind = match head {
        "select_one" | "select_multiple" => {
            let (2 | 3) = tokens.len() else {
                return Err(format!("'{raw}' must be '{head} LIST' (optionally followed by or_other)"));
            };
            if tokens.len() == 3 && !or_other {
                return Err(format!("'{raw}': only 'or_other' may follow the list name"));
            }
            let list = tokens[1].clone();
            if head == "select_one" {
                Kind::SelectOne { list, or_other }
            } else {
                Kind::SelectMultiple { list, or_other }
            }
        }
        _ if tokens.len() > 1 => return Err(format!("'{raw}' is not a question type")),
        "begin_group" => return Ok(Parsed::BeginGroup),
        "end_group" => return Ok(Parsed::EndGroup),
        "integer" | "int" => Kind::Integer,
        "decimal" => Kind::Decimal,
        "text" | "string" => Kind::Text,
        "audio" => Kind::Audio,
        "image" | "photo" => Kind::Image,
        "geopoint" => Kind::Geopoint,
        "date" => Kind::Date,
        "note" => Kind::Note,
        "acknowledge" | "trigger" => Kind::Acknowledge,
        "calculate" => Kind::Calculate,
        "start" => Kind::Meta(Meta::Start),
        "end" => Kind::Meta(Meta::End),
        "today" => Kind::Meta(Meta::Today),
        "deviceid" | "uri:deviceid" => Kind::Meta(Meta::DeviceId),
        "username" | "uri:username" => Kind::Meta(Meta::Username),
        "phonenumber" | "simserial" | "subscriberid" | "email" | "uri:email" | "audit" | "hidden" => {
            Kind::Meta(Meta::Unavailable)
        }
        _ => return Err(format!("unknown question type '{raw}'")),
    };
    Ok(Parsed::Item(kind))
}

fn parse_required(raw: &str) -> Result<bool, String> {
    match raw.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "false()" | "0" => Ok(false),
        "yes" | "true" | "true()" | "1" => Ok(true),
        other => Err(format!("required must be yes or no, not '{other}'")),
    }
}

/// Most choices a question may show at once (one button each).
pub const MAX_CHOICES: usize = 90;

struct Group {
    label: Option<Text>,
    relevant: Option<Expr>,
    row: usize,
}

/// Imports a workbook. `fallback_id` names the form when its settings sheet does not (the
/// file name, usually).
pub fn import(sheets: &[Sheet], fallback_id: &str) -> Result<Form, Vec<ImportError>> {
    import_noting(sheets, fallback_id).map(|(form, _)| form)
}

/// Longest form title: it is shown in invitations, reminders and on buttons.
pub const TITLE_MAX: usize = 100;
/// Longest label, hint or message of a question: a question's message (≤ 4096 characters)
/// holds a group header, a label and a hint, and a label is a chart's caption (≤ 1024).
pub const TEXT_MAX: usize = 900;
/// Longest group header.
pub const GROUP_MAX: usize = 200;
/// Longest choice label: a button a phone shows in one line or two.
pub const BUTTON_MAX: usize = 60;

/// `text` cut to `max` characters, ending with "…" when cut.
pub fn cut(text: &str, max: usize) -> Option<String> {
    (text.chars().count() > max)
        .then(|| format!("{}…", text.chars().take(max.saturating_sub(1)).collect::<String>().trim_end()))
}

/// A label as plain text: XLSForm's markdown (`**bold**`, `*italic*`, `_italic_`, `# heading`,
/// `[text](url)`) and inline HTML (`<span style=…>`) are taken out, their words kept.
pub fn plain(text: &str) -> String {
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        let line = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            trimmed[hashes..].trim_start()
        } else {
            line
        };
        out.push_str(&plain_line(line));
    }
    out
}

fn plain_line(line: &str) -> String {
    // Tags: `<` followed by a letter or `/`, up to the next `>`.
    let mut no_tags = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        let tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match after.find('>').filter(|_| tag) {
            Some(end) => {
                no_tags.push_str(&rest[..at]);
                rest = &after[end + 1..];
            }
            None => {
                no_tags.push_str(&rest[..=at]);
                rest = after;
            }
        }
    }
    no_tags.push_str(rest);
    let no_tags = no_tags
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    // Links: [text](url) → text (url).
    let mut linked = String::new();
    let mut rest = no_tags.as_str();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let parsed = after.find("](").and_then(|mid| {
            let url_part = &after[mid + 2..];
            url_part.find(')').map(|close| (&after[..mid], &url_part[..close], &url_part[close + 1..]))
        });
        match parsed {
            Some((label, url, tail)) if !label.contains('[') => {
                linked.push_str(&rest[..open]);
                if label.trim().is_empty() || label.trim() == url.trim() {
                    linked.push_str(url.trim());
                } else {
                    linked.push_str(&format!("{label} ({})", url.trim()));
                }
                rest = tail;
            }
            _ => {
                linked.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    linked.push_str(rest);
    emphasis(&emphasis(&emphasis(&linked, "**"), "__"), "*")
}

/// Takes out pairs of `mark` around words (`**word**`), leaving lone marks (`2 * 3`) alone.
fn emphasis(text: &str, mark: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(mark) {
        let inner = &rest[open + mark.len()..];
        let starts_word = inner.starts_with(|c: char| !c.is_whitespace() && !mark.starts_with(c));
        let close = inner.find(mark).filter(|&c| c > 0 && !inner[..c].ends_with(char::is_whitespace));
        match close.filter(|_| starts_word) {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push_str(&inner[..close]);
                rest = &inner[close + mark.len()..];
            }
            None => {
                out.push_str(&rest[..open + mark.len()]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every text of the form a member reads, with what it is (for the import's notes) and the
/// longest it may be.
fn shown_texts(form: &mut Form) -> Vec<(String, usize, &mut Text)> {
    let mut texts: Vec<(String, usize, &mut Text)> =
        vec![("the form title".to_owned(), TITLE_MAX, &mut form.title)];
    for item in &mut form.items {
        let row = item.row;
        texts.push((format!("survey row {row}, the label"), TEXT_MAX, &mut item.label));
        texts.push((format!("survey row {row}, the hint"), TEXT_MAX, &mut item.hint));
        texts.push((
            format!("survey row {row}, the constraint message"),
            TEXT_MAX,
            &mut item.constraint_message,
        ));
        texts.push((format!("survey row {row}, the required message"), TEXT_MAX, &mut item.required_message));
        if let Some(group) = &mut item.group {
            texts.push((format!("the group label around survey row {row}"), GROUP_MAX, group));
        }
    }
    for (list, choices) in &mut form.lists {
        for choice in choices {
            texts.push((
                format!("list '{list}', the label of choice '{}'", choice.name),
                BUTTON_MAX,
                &mut choice.label,
            ));
        }
    }
    texts
}

/// Takes markup out of every text a member reads, and cuts the ones too long for where they
/// are shown; says which were cut.
fn fit_texts(form: &mut Form) -> Vec<String> {
    let mut notes = Vec::new();
    let mut groups_seen = BTreeSet::new();
    for (what, max, text) in shown_texts(form) {
        // A group's label is on each of its items: noted once, for the first.
        let repeated = what.starts_with("the group label") && !groups_seen.insert(format!("{:?}", text.0));
        let mut cut_languages = Vec::new();
        for (lang, value) in text.0.iter_mut() {
            *value = plain(value);
            if let Some(short) = cut(value, max) {
                *value = short;
                cut_languages.push(lang.clone());
            }
        }
        if !cut_languages.is_empty() && !repeated {
            let named: Vec<&str> =
                cut_languages.iter().filter(|l| !l.is_empty()).map(String::as_str).collect();
            let languages = if named.is_empty() { String::new() } else { format!(" ({})", named.join(", ")) };
            notes.push(format!("{what}{languages} was cut to {max} characters"));
        }
    }
    notes
}

/// Imports a workbook, and says which texts had to be cut to fit a chat.
pub fn import_noting(sheets: &[Sheet], fallback_id: &str) -> Result<(Form, Vec<String>), Vec<ImportError>> {
    let find = |name: &str| sheets.iter().find(|s| s.name.trim().eq_ignore_ascii_case(name));
    let Some(survey_sheet) = find("survey") else {
        return Err(vec![ImportError {
            sheet: "survey".into(),
            row: None,
            column: None,
            message: "the workbook has no 'survey' sheet".into(),
        }]);
    };
    let mut errors = Vec::new();
    let survey = Table::new(survey_sheet);
    for required in ["type", "name"] {
        if !survey.has(required) {
            errors.push(ImportError {
                sheet: survey_sheet.name.clone(),
                row: Some(survey_sheet.first_row),
                column: None,
                message: format!("the header row has no '{required}' column"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut items: Vec<Item> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut languages: BTreeSet<String> =
        survey.columns.iter().filter(|c| c.base == "label").map(|c| c.lang.clone()).collect();

    let parse_expr = |row: usize, base: &str, raw: &str, errors: &mut Vec<ImportError>| -> Option<Expr> {
        if raw.is_empty() {
            return None;
        }
        match expr::parse(raw) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.push(survey.error(
                    row,
                    Some(base),
                    format!("'{raw}' is not an expression clusterbot understands: {e}"),
                ));
                None
            }
        }
    };

    for (row, cells) in survey.rows() {
        let raw_type = survey.cell(cells, "type");
        if raw_type.is_empty() && survey.cell(cells, "name").is_empty() {
            continue; // A comment or notes row, as ODK reads it: no type and no name.
        }
        if raw_type.is_empty() {
            errors.push(survey.error(row, Some("type"), "this row has content but no type"));
            continue;
        }
        let parsed = match parse_type(&raw_type) {
            Ok(p) => p,
            Err(message) => {
                errors.push(survey.error(row, Some("type"), message));
                continue;
            }
        };
        let label = survey.text(cells, "label");
        let relevant = parse_expr(row, "relevant", &survey.cell(cells, "relevant"), &mut errors);
        let kind = match parsed {
            Parsed::BeginGroup => {
                groups.push(Group { label: (!label.is_empty()).then_some(label), relevant, row });
                continue;
            }
            Parsed::EndGroup => {
                if groups.pop().is_none() {
                    errors.push(survey.error(
                        row,
                        Some("type"),
                        "'end group' without a 'begin group' before it",
                    ));
                }
                continue;
            }
            Parsed::Item(kind) => kind,
        };
        let mut name = survey.cell(cells, "name");
        if name.is_empty() && kind == Kind::Note {
            name = format!("note_row{row}");
        }
        if name.is_empty() {
            errors.push(survey.error(row, Some("name"), "this question has no name"));
            continue;
        }
        if !valid_name(&name) {
            errors.push(survey.error(
                row,
                Some("name"),
                format!(
                    "'{name}' is not a valid name (letters, digits, _ - . and not starting with a digit)"
                ),
            ));
            continue;
        }
        if let Some(first) = seen.insert(name.clone(), row) {
            errors.push(survey.error(
                row,
                Some("name"),
                format!("the name '{name}' is already used on row {first}"),
            ));
            continue;
        }
        let audio = survey.text(cells, "audio");
        if kind.is_shown() && label.is_empty() && audio.is_empty() {
            if kind == Kind::Note {
                continue; // A note with nothing to show (e.g. only an image): nothing to send.
            }
            errors.push(survey.error(row, Some("label"), format!("the question '{name}' has no label")));
            continue;
        }
        let required = match parse_required(&survey.cell(cells, "required")) {
            Ok(r) => r && kind.takes_answer(),
            Err(message) => {
                errors.push(survey.error(row, Some("required"), message));
                false
            }
        };
        let read_only = match parse_required(&survey.cell(cells, "read_only")) {
            Ok(r) => r && kind.takes_answer(),
            Err(_) => {
                errors.push(survey.error(
                    row,
                    Some("read_only"),
                    format!("read_only must be yes or no, not '{}'", survey.cell(cells, "read_only")),
                ));
                false
            }
        };
        let calculation = parse_expr(row, "calculation", &survey.cell(cells, "calculation"), &mut errors);
        if kind == Kind::Calculate && calculation.is_none() && !survey.cell(cells, "calculation").is_empty() {
            // The parse error is already reported.
        } else if kind == Kind::Calculate && calculation.is_none() {
            errors.push(survey.error(
                row,
                Some("calculation"),
                format!("the calculate '{name}' has no calculation"),
            ));
        }
        let mut all_relevant: Vec<Expr> = groups.iter().filter_map(|g| g.relevant.clone()).collect();
        all_relevant.extend(relevant);
        let default = Some(survey.cell(cells, "default")).filter(|d| !d.is_empty());
        items.push(Item {
            name,
            label,
            hint: survey.text(cells, "hint"),
            required,
            required_message: survey.text(cells, "required_message"),
            relevant: all_relevant,
            constraint: parse_expr(row, "constraint", &survey.cell(cells, "constraint"), &mut errors),
            constraint_message: survey.text(cells, "constraint_message"),
            choice_filter: parse_expr(
                row,
                "choice_filter",
                &survey.cell(cells, "choice_filter"),
                &mut errors,
            ),
            calculation,
            read_only,
            default,
            audio,
            group: groups.iter().rev().find_map(|g| g.label.clone()),
            row,
            kind,
        });
    }
    for open in groups {
        errors.push(survey.error(open.row, Some("type"), "this group is never closed with 'end group'"));
    }

    // References to other questions must exist.
    let names: BTreeSet<&str> = items.iter().map(|i| i.name.as_str()).collect();
    for item in &items {
        let exprs = item.relevant.iter().map(|e| ("relevant", e)).chain(
            [
                ("constraint", &item.constraint),
                ("choice_filter", &item.choice_filter),
                ("calculation", &item.calculation),
            ]
            .into_iter()
            .filter_map(|(b, e)| e.as_ref().map(|e| (b, e))),
        );
        for (base, e) in exprs {
            for r in e.references() {
                if !names.contains(r.as_str()) {
                    errors.push(survey.error(
                        item.row,
                        Some(base),
                        format!("refers to ${{{r}}}, which is not a question of this form"),
                    ));
                }
            }
        }
        for r in label_references(&item.label).union(&label_references(&item.hint)) {
            if !names.contains(r.as_str()) {
                errors.push(survey.error(
                    item.row,
                    Some("label"),
                    format!("the label shows ${{{r}}}, which is not a question of this form"),
                ));
            }
        }
    }

    // Choice lists. Duplicate names in a list are refused unless the settings allow them.
    let allow_choice_duplicates = find("settings").is_some_and(|sheet| {
        let settings = Table::new(sheet);
        settings.rows().next().is_some_and(|(_, cells)| {
            parse_required(&settings.cell(cells, "allow_choice_duplicates")) == Ok(true)
        })
    });
    let used: BTreeMap<&str, &Item> = items.iter().filter_map(|i| i.kind.list().map(|l| (l, i))).collect();
    let mut lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    match find("choices") {
        None if !used.is_empty() => {
            errors.push(ImportError {
                sheet: "choices".into(),
                row: None,
                column: None,
                message: "the form has select questions but no 'choices' sheet".into(),
            });
        }
        None => {}
        Some(sheet) => {
            let choices = Table::new(sheet);
            languages.extend(choices.columns.iter().filter(|c| c.base == "label").map(|c| c.lang.clone()));
            if !choices.has("list_name") || !choices.has("name") {
                errors.push(ImportError {
                    sheet: sheet.name.clone(),
                    row: Some(sheet.first_row),
                    column: None,
                    message: "the header row needs 'list_name' and 'name' columns".into(),
                });
            } else {
                for (row, cells) in choices.rows() {
                    let list = choices.cell(cells, "list_name");
                    if list.is_empty() && choices.cell(cells, "name").is_empty() {
                        continue; // A comment or notes row.
                    }
                    if list.is_empty() {
                        errors.push(choices.error(row, Some("list_name"), "this choice has no list_name"));
                        continue;
                    }
                    if !used.contains_key(list.as_str()) {
                        continue; // Lists no question uses are not imported, nor checked.
                    }
                    let name = choices.cell(cells, "name");
                    if name.is_empty() {
                        errors.push(choices.error(
                            row,
                            Some("name"),
                            format!("a choice of list '{list}' has no name"),
                        ));
                        continue;
                    }
                    let entry = lists.entry(list.clone()).or_default();
                    if !allow_choice_duplicates && entry.iter().any(|c| c.name == name) {
                        errors.push(choices.error(
                            row,
                            Some("name"),
                            format!("the choice '{name}' appears twice in list '{list}'"),
                        ));
                        continue;
                    }
                    let mut label = choices.text(cells, "label");
                    if label.is_empty() {
                        label.0.insert(String::new(), name.clone());
                    }
                    let extra = choices
                        .columns
                        .iter()
                        .filter(|c| {
                            !matches!(
                                c.base.as_str(),
                                "list_name" | "name" | "label" | "image" | "audio" | "video"
                            )
                        })
                        .filter_map(|c| cells.get(c.index).map(|v| (c.base.clone(), v.trim().to_owned())))
                        .collect();
                    entry.push(Choice { name, label, columns: extra });
                }
            }
        }
    }
    for (list, item) in &used {
        match lists.get(*list) {
            None => errors.push(survey.error(item.row, Some("type"), format!("the choice list '{list}' is not in the choices sheet"))),
            // A chat shows choices as buttons: an unfiltered list must fit on one keyboard.
            Some(choices) if choices.len() > MAX_CHOICES && item.choice_filter.is_none() => errors.push(survey.error(
                item.row,
                Some("type"),
                format!("the choice list '{list}' has {} choices; a chat can show {MAX_CHOICES} buttons at most: split the question, or narrow it with a choice_filter", choices.len()),
            )),
            Some(_) => {}
        }
    }
    for item in &items {
        if let (Some(default), Some(list)) = (&item.default, item.kind.list().and_then(|l| lists.get(l))) {
            for value in default.split_whitespace() {
                if !list.iter().any(|c| c.name == value) {
                    errors.push(survey.error(
                        item.row,
                        Some("default"),
                        format!(
                            "the default '{default}' is not a choice of list '{}'",
                            item.kind.list().unwrap_or_default()
                        ),
                    ));
                    break;
                }
            }
        }
    }

    // Settings.
    let mut form_id = fallback_id.to_owned();
    let mut version = String::new();
    let mut title = Text::default();
    let mut default_language = None;
    if let Some(sheet) = find("settings") {
        let settings = Table::new(sheet);
        if let Some((row, cells)) = settings.rows().next() {
            let id = settings.cell(cells, "form_id");
            if !id.is_empty() {
                if valid_name(&id) {
                    form_id = id;
                } else {
                    errors.push(settings.error(
                        row,
                        Some("form_id"),
                        format!("'{id}' is not a valid form id (letters, digits, _ - .)"),
                    ));
                }
            }
            version = settings.cell(cells, "version");
            title = settings.text(cells, "form_title");
            if title.is_empty() {
                title = settings.text(cells, "title");
            }
            let lang = settings.cell(cells, "default_language");
            if !lang.is_empty() {
                default_language = Some(language_key(&lang));
            }
        }
    }
    if !errors.is_empty() {
        // In reading order: sheet by sheet, row by row.
        let rank = |e: &ImportError| sheets.iter().position(|s| s.name == e.sheet).unwrap_or(usize::MAX);
        errors.sort_by_key(|e| (rank(e), e.row));
        return Err(errors);
    }
    if title.is_empty() {
        title.0.insert(String::new(), form_id.clone());
    }
    languages.remove("");
    let default_language = default_language
        .or_else(|| languages.contains("en").then(|| "en".to_owned()))
        .or_else(|| languages.iter().next().cloned())
        .unwrap_or_default();
    let mut form = Form {
        form_id,
        version: version.clone(),
        title,
        default_language,
        languages: languages.into_iter().collect(),
        items,
        lists,
    };
    let notes = fit_texts(&mut form);
    if version.is_empty() {
        // No version in the settings: the content decides, so a changed form is a new version.
        form.version = format!("h{:016x}", fingerprint(&form));
    }
    Ok((form, notes))
}

/// FNV-1a over the form's JSON: stable across builds and platforms.
pub fn fingerprint(form: &Form) -> u64 {
    let json = serde_json::to_string(&(&form.title, &form.items, &form.lists)).unwrap_or_default();
    json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
