//! Walking through a form in a chat: which item comes next, which choices to offer, and
//! whether an answer is acceptable. Answers are kept as ODK stores them: text, with
//! select_multiple values space-separated, dates as YYYY-MM-DD, geopoints as
//! "lat lon alt accuracy".

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::expr::{Context, Value};
use super::model::{Choice, Form, Item, Kind, Meta};

/// Answers so far, by question name.
pub type Answers = BTreeMap<String, String>;

struct Fields<'a> {
    answers: &'a Answers,
    current: Option<&'a str>,
    choice: Option<&'a Choice>,
    today: NaiveDate,
}

impl Context for Fields<'_> {
    fn field(&self, name: &str) -> Value {
        Value::Str(self.answers.get(name).cloned().unwrap_or_default())
    }

    fn current(&self) -> Value {
        Value::Str(self.current.unwrap_or_default().to_owned())
    }

    fn path(&self, name: &str) -> Value {
        let Some(choice) = self.choice else { return Value::Str(String::new()) };
        let value = if name == "name" { Some(&choice.name) } else { choice.columns.get(name) };
        Value::Str(value.cloned().unwrap_or_default())
    }

    fn today(&self) -> NaiveDate {
        self.today
    }
}

/// Whether the item and all the groups around it are relevant now.
pub fn is_relevant(item: &Item, answers: &Answers, today: NaiveDate) -> bool {
    let ctx = Fields { answers, current: None, choice: None, today };
    item.relevant.iter().all(|e| e.eval(&ctx).as_bool())
}

/// Recomputes every `calculate` and every read-only question with a `calculation`, in form
/// order (a calculation may use an earlier one). One that is not relevant holds no value.
pub fn compute(form: &Form, answers: &mut Answers, today: NaiveDate) {
    for item in form.items.iter().filter(|i| i.kind == Kind::Calculate || i.is_computed()) {
        let value = match (&item.calculation, is_relevant(item, answers, today)) {
            (Some(calc), true) => {
                let ctx = Fields { answers, current: None, choice: None, today };
                Some(calc.eval(&ctx).as_string())
            }
            _ => None,
        };
        match value {
            Some(v) => answers.insert(item.name.clone(), v),
            None => answers.remove(&item.name),
        };
    }
}

/// The next item to show after position `after` (`None`: from the start), skipping items
/// that are not relevant, calculations and metadata. `None` when the form is done.
pub fn next_shown(form: &Form, answers: &Answers, after: Option<usize>, today: NaiveDate) -> Option<usize> {
    let start = after.map_or(0, |a| a + 1);
    (start..form.items.len()).find(|&i| {
        let item = &form.items[i];
        item.kind.is_shown() && is_relevant(item, answers, today)
    })
}

/// "Question n of N": the place of the question at `pos` among the questions the member is
/// asked, and how many those are. Irrelevant, read-only, computed and metadata items do not
/// count; a later question whose relevance waits on an answer not given yet does, so the
/// total can only shrink as the member answers.
pub fn progress(form: &Form, answers: &Answers, pos: usize, today: NaiveDate) -> (usize, usize) {
    let may_be_asked = |i: usize| {
        let item = &form.items[i];
        item.is_asked()
            && (is_relevant(item, answers, today)
                || (i > pos
                    && item.relevant.iter().any(|e| e.references().iter().any(|r| !answers.contains_key(r)))))
    };
    let asked: Vec<usize> = (0..form.items.len()).filter(|&i| i == pos || may_be_asked(i)).collect();
    let n = asked.iter().position(|&i| i == pos).unwrap_or(0) + 1;
    (n, asked.len())
}

/// The most squares a progress bar has; longer questionnaires fill them in proportion.
pub const BAR_CELLS: usize = 10;

/// "🟩🟩⬜⬜ 2/4": where question `n` of `total` stands, seen without reading (one square a
/// question, at most [`BAR_CELLS`] squares), with the count for those who read digits.
pub fn progress_bar(n: usize, total: usize) -> String {
    let total = total.max(1);
    let n = n.clamp(1, total);
    let cells = total.min(BAR_CELLS);
    let filled = (n * cells).div_ceil(total);
    format!("{}{} {n}/{total}", "🟩".repeat(filled), "⬜".repeat(cells - filled))
}

/// How many questions a member who has not started may be asked: the questions that are
/// relevant before any answer, and those whose relevance depends on answers. Questions that
/// are never relevant, read-only ones, calculations and metadata do not count.
pub fn question_count(form: &Form, today: NaiveDate) -> usize {
    let none = Answers::new();
    form.asked()
        .filter(|i| is_relevant(i, &none, today) || i.relevant.iter().any(|e| !e.references().is_empty()))
        .count()
}

/// The choices to offer now, after the item's `choice_filter`.
pub fn visible_choices(form: &Form, item: &Item, answers: &Answers, today: NaiveDate) -> Vec<Choice> {
    let choices = form.choices(item);
    let Some(filter) = &item.choice_filter else { return choices };
    choices
        .into_iter()
        .filter(|c| {
            let ctx = Fields { answers, current: None, choice: Some(c), today };
            c.name == super::model::OTHER || filter.eval(&ctx).as_bool()
        })
        .collect()
}

/// Values for metadata items, set when a member starts or finishes.
/// `today` is the date in the cluster's time zone, as `today()` in the form's expressions.
pub fn meta_value(
    meta: Meta,
    now: chrono::DateTime<chrono::Utc>,
    today: NaiveDate,
    telegram_user_id: i64,
    display_name: &str,
) -> String {
    match meta {
        Meta::Start | Meta::End => now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        Meta::Today => today.to_string(),
        Meta::DeviceId => format!("telegram:{telegram_user_id}"),
        Meta::Username => display_name.to_owned(),
        Meta::Unavailable => String::new(),
    }
}

/// Why an answer was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// Required, and the member tried to skip.
    Required,
    NotANumber,
    NotAWholeNumber,
    NotADate,
    /// The form's constraint says no.
    Constraint,
}

/// Western digits for Eastern Arabic (٠–٩) and Extended Arabic-Indic / Urdu (۰–۹) ones, and
/// the Arabic decimal and thousands separators.
pub fn normalize_digits(raw: &str) -> String {
    raw.trim()
        .chars()
        .filter_map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
            '\u{066B}' => Some('.'),
            '\u{066C}' | '\u{00A0}' | '\u{202F}' => None,
            '\u{2212}' => Some('-'),
            c => Some(c),
        })
        .collect()
}

/// A typed number: `12`, `-3`, `2.5`, `2,5`, `١٢`, `۱۲`.
pub fn parse_number(raw: &str, whole: bool) -> Result<String, Rejection> {
    let mut s: String = normalize_digits(raw).chars().filter(|c| !c.is_whitespace()).collect();
    if !s.contains('.') && s.matches(',').count() == 1 {
        s = s.replace(',', ".");
    }
    if whole {
        let n: i64 = s.parse().map_err(|_| {
            if s.parse::<f64>().is_ok() { Rejection::NotAWholeNumber } else { Rejection::NotANumber }
        })?;
        Ok(n.to_string())
    } else {
        let n: f64 = s.parse().map_err(|_| Rejection::NotANumber)?;
        if !n.is_finite() {
            return Err(Rejection::NotANumber);
        }
        Ok(if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() })
    }
}

/// A typed date: `2024-03-15`, `15/03/2024`, `15.03.2024`, `15-03-2024`, `15 3 2024`, with any
/// digits. Day first, as in most of the places clusterbot serves.
pub fn parse_date(raw: &str) -> Result<NaiveDate, Rejection> {
    let s = normalize_digits(raw);
    let parts: Vec<&str> = s.split(['-', '/', '.', ' ']).filter(|p| !p.is_empty()).collect();
    let nums: Vec<u32> =
        parts.iter().map(|p| p.parse().map_err(|_| Rejection::NotADate)).collect::<Result<_, _>>()?;
    let (y, m, d) = match nums.as_slice() {
        [y, m, d] if parts[0].len() == 4 => (*y, *m, *d),
        [d, m, y] if parts[2].len() == 4 => (*y, *m, *d),
        _ => return Err(Rejection::NotADate),
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(Rejection::NotADate)
}

/// Checks the form's constraint on a candidate value.
pub fn check_constraint(
    item: &Item,
    value: &str,
    answers: &Answers,
    today: NaiveDate,
) -> Result<(), Rejection> {
    let Some(constraint) = &item.constraint else { return Ok(()) };
    let ctx = Fields { answers, current: Some(value), choice: None, today };
    if constraint.eval(&ctx).as_bool() { Ok(()) } else { Err(Rejection::Constraint) }
}

/// A typed answer for a question that takes text, numbers or dates, validated and in the
/// stored format.
pub fn typed_answer(
    item: &Item,
    raw: &str,
    answers: &Answers,
    today: NaiveDate,
) -> Result<String, Rejection> {
    let value = match item.kind {
        Kind::Integer => parse_number(raw, true)?,
        Kind::Decimal => parse_number(raw, false)?,
        Kind::Date => parse_date(raw)?.to_string(),
        _ => raw.trim().to_owned(),
    };
    check_constraint(item, &value, answers, today)?;
    Ok(value)
}

/// Whether a small keypad of number buttons fits the question: an integer whose
/// constraint, tried on 0..=10, allows between 2 and 10 values and nothing beyond.
pub fn keypad(item: &Item, answers: &Answers, today: NaiveDate) -> Option<Vec<i64>> {
    if item.kind != Kind::Integer || item.constraint.is_none() {
        return None;
    }
    let allowed: Vec<i64> =
        (-1..=11).filter(|n| check_constraint(item, &n.to_string(), answers, today).is_ok()).collect();
    let inside = allowed.iter().all(|n| (0..=10).contains(n));
    (inside && (2..=11).contains(&allowed.len())).then_some(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_has_a_square_a_question_up_to_ten() {
        assert_eq!(progress_bar(1, 4), "🟩⬜⬜⬜ 1/4");
        assert_eq!(progress_bar(4, 4), "🟩🟩🟩🟩 4/4");
        assert_eq!(progress_bar(1, 30), "🟩⬜⬜⬜⬜⬜⬜⬜⬜⬜ 1/30");
        assert_eq!(progress_bar(15, 30), "🟩🟩🟩🟩🟩⬜⬜⬜⬜⬜ 15/30");
        assert_eq!(progress_bar(30, 30), "🟩🟩🟩🟩🟩🟩🟩🟩🟩🟩 30/30");
    }

    #[test]
    fn eastern_arabic_and_urdu_digits_are_numbers() {
        assert_eq!(parse_number("١٢", true), Ok("12".into()));
        assert_eq!(parse_number("۱۲", true), Ok("12".into()));
        assert_eq!(parse_number("٣٫٥", false), Ok("3.5".into()));
        assert_eq!(parse_number("2,5", false), Ok("2.5".into()));
        assert_eq!(parse_number(" 1 200 ", true), Ok("1200".into()));
        assert_eq!(parse_number("−4", true), Ok("-4".into()));
    }

    #[test]
    fn words_and_fractions_are_refused_where_whole_numbers_are_asked() {
        assert_eq!(parse_number("twelve", true), Err(Rejection::NotANumber));
        assert_eq!(parse_number("2.5", true), Err(Rejection::NotAWholeNumber));
        assert_eq!(parse_number("", false), Err(Rejection::NotANumber));
        assert_eq!(parse_number("inf", false), Err(Rejection::NotANumber));
    }

    #[test]
    fn dates_come_in_common_formats_day_first() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
        for raw in ["2024-03-15", "15/03/2024", "15.3.2024", "15-03-2024", "15 3 2024", "١٥/٠٣/٢٠٢٤"]
        {
            assert_eq!(parse_date(raw), Ok(d), "{raw}");
        }
        for bad in ["31/02/2024", "03/15", "yesterday", "15/03/24"] {
            assert_eq!(parse_date(bad), Err(Rejection::NotADate), "{bad}");
        }
    }
}
