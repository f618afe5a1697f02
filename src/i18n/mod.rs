//! Translations. Every user-facing string comes from `locales/<lang>/main.ftl` through
//! Fluent; the files are compiled into the binary, so the bot needs nothing beside it. A
//! deployment may override entries (the words for cluster, cooperative, CDA… are Fluent
//! terms for that) with its own `.ftl` files in `LOCALES_DIR/<lang>/`, read at start-up.
//!
//! Words that agree with the reader: every message gets a `$gender` variable ("woman",
//! "man" or "other") from the [`Reader`] it is written for, so a language that marks the
//! reader's gender selects on it (`{ $gender -> [woman] … *[other] … }`).
//!
//! Bidi: Fluent wraps every placeable in invisible FSI/PDI isolation marks by default. In a
//! Telegram bubble they are not always invisible (older clients draw boxes), they break
//! string comparisons and they cost bytes in button labels. We turn them off. Instead, every
//! Arabic and Urdu message is laid out right-to-left line by line: Telegram (like the Unicode
//! bidi algorithm) gives each line the direction of its first strong character, so a line
//! that begins with Latin text, digits or a variable (a member's name, a date) would flip to
//! left-to-right. At format time [`rtl_lines`] puts a RIGHT-TO-LEFT MARK (U+200F) at the
//! start of each such line, and mirrors the directional arrows (⬅️/➡️, ▶️, ↩️, →) so that
//! "back" points the way a right-to-left reader goes back. Text the code writes around
//! translated pieces goes through [`I18n::lines`]. A test checks every line of every message.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};

use crate::domain::readable::{self, DayPart, Relative, Words};
use crate::domain::{Gender, Locale};
use crate::tr;

/// The shipped translations, as compiled in.
pub const SOURCES: [(Locale, &str); 6] = [
    (Locale::En, include_str!("../../locales/en/main.ftl")),
    (Locale::Fr, include_str!("../../locales/fr/main.ftl")),
    (Locale::Ar, include_str!("../../locales/ar/main.ftl")),
    (Locale::Es, include_str!("../../locales/es/main.ftl")),
    (Locale::Ur, include_str!("../../locales/ur/main.ftl")),
    (Locale::Ru, include_str!("../../locales/ru/main.ftl")),
];

/// The variable every message receives: the reader's gender as Fluent selects on it.
pub const GENDER_VARIABLE: &str = "gender";

/// Who a message is written for: their language and, when known, their gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reader {
    pub locale: Locale,
    pub gender: Option<Gender>,
}

impl Reader {
    pub fn new(locale: Locale, gender: Option<Gender>) -> Self {
        Self { locale, gender }
    }

    /// The value of `$gender`: "woman", "man", or "other" for "prefer not to say" and unknown.
    pub fn gender_word(self) -> &'static str {
        match self.gender {
            Some(Gender::Woman) => "woman",
            Some(Gender::Man) => "man",
            Some(Gender::Undisclosed) | None => "other",
        }
    }
}

/// Code that only knows a language writes for a reader of unknown gender.
impl From<Locale> for Reader {
    fn from(locale: Locale) -> Self {
        Self { locale, gender: None }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{locale}/main.ftl does not parse: {detail}")]
    Parse { locale: Locale, detail: String },
    #[error("message '{key}' is missing in locale {locale}")]
    Missing { locale: Locale, key: String },
    #[error("message '{key}' in locale {locale} does not format: {detail}")]
    Format { locale: Locale, key: String, detail: String },
    #[error("LOCALES_DIR: {path}:{line}: {detail}")]
    Override { path: PathBuf, line: usize, detail: String },
    #[error("LOCALES_DIR: {path}: {detail}")]
    OverrideFolder { path: PathBuf, detail: String },
}

pub struct I18n {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("locales", &self.bundles.len()).finish()
    }
}

/// 1-based line of a byte offset.
fn line_of(source: &str, at: usize) -> usize {
    source[..at.min(source.len())].matches('\n').count() + 1
}

impl I18n {
    /// The shipped translations only.
    pub fn load() -> Result<Self, I18nError> {
        Self::load_with(None)
    }

    /// The shipped translations, with the entries of `overrides/<lang>/*.ftl` (`LOCALES_DIR`)
    /// replacing theirs. A file that does not parse is refused with its path and line.
    pub fn load_with(overrides: Option<&Path>) -> Result<Self, I18nError> {
        let mut extra: HashMap<Locale, Vec<FluentResource>> = HashMap::new();
        if let Some(dir) = overrides {
            for (locale, files) in override_files(dir)? {
                for path in files {
                    let source = std::fs::read_to_string(&path).map_err(|e| I18nError::OverrideFolder {
                        path: path.clone(),
                        detail: e.to_string(),
                    })?;
                    let resource =
                        FluentResource::try_new(arrows(locale, &source)).map_err(|(_, errors)| {
                            // The line where the broken entry begins, else where the parser stopped.
                            let first = &errors[0];
                            let at = first.slice.as_ref().map_or(first.pos.start, |s| s.start);
                            I18nError::Override {
                                path: path.clone(),
                                line: line_of(&source, at),
                                detail: first.kind.to_string(),
                            }
                        })?;
                    extra.entry(locale).or_default().push(resource);
                }
            }
        }
        let mut bundles = HashMap::new();
        for (locale, source) in SOURCES {
            let resource = FluentResource::try_new(arrows(locale, source))
                .map_err(|(_, errors)| I18nError::Parse { locale, detail: format!("{errors:?}") })?;
            let langid = locale.code().parse().expect("locale codes are valid language tags");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| I18nError::Parse { locale, detail: format!("{errors:?}") })?;
            for resource in extra.remove(&locale).unwrap_or_default() {
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(locale, bundle);
        }
        Ok(Self { bundles })
    }

    /// Formats a message, failing on a missing key or a formatting error (tests use this).
    pub fn try_format(
        &self,
        reader: impl Into<Reader>,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, I18nError> {
        let reader = reader.into();
        let locale = reader.locale;
        let bundle = &self.bundles[&locale];
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| I18nError::Missing { locale, key: key.to_owned() })?;
        let mut all = FluentArgs::new();
        all.set(GENDER_VARIABLE, reader.gender_word());
        for (name, value) in args.into_iter().flat_map(FluentArgs::iter) {
            all.set(name.to_owned(), value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&all), &mut errors).into_owned();
        // Only Arabic and Urdu lines need marks; other messages are not copied again.
        let text = if locale.is_rtl() { rtl_lines(locale, &text) } else { text };
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(I18nError::Format { locale, key: key.to_owned(), detail: format!("{errors:?}") })
        }
    }

    /// Formats a message for a user. Tests guarantee every key exists in every locale; should
    /// one slip through anyway, the user gets English rather than nothing.
    pub fn format(&self, reader: impl Into<Reader>, key: &str, args: Option<&FluentArgs>) -> String {
        let reader = reader.into();
        match self.try_format(reader, key, args) {
            Ok(text) => text,
            Err(e) => {
                tracing::error!(error = %e, "translation problem");
                self.try_format(Reader { locale: Locale::En, ..reader }, key, args)
                    .unwrap_or_else(|_| key.to_owned())
            }
        }
    }

    /// Text written by the code around translated pieces (lists, labels with a name), laid
    /// out like a translated message: right-to-left on every line in Arabic and Urdu.
    pub fn lines(&self, reader: impl Into<Reader>, text: &str) -> String {
        let locale = reader.into().locale;
        rtl_lines(locale, text)
    }

    /// An instant as the reader reads it, in the zone `tz`: "tomorrow, Tue 3 Dec, 10:00 AM".
    pub fn when(
        &self,
        reader: impl Into<Reader>,
        at: chrono::DateTime<chrono::Utc>,
        tz: chrono_tz::Tz,
    ) -> String {
        let locale = reader.into().locale;
        readable::when(at, tz, locale, crate::clock::now(), &LocaleWords::new(self, locale))
    }

    /// The day of an instant as the reader reads it, in the zone `tz`: "tomorrow, Tue 3 Dec".
    pub fn day(
        &self,
        reader: impl Into<Reader>,
        at: chrono::DateTime<chrono::Utc>,
        tz: chrono_tz::Tz,
    ) -> String {
        let locale = reader.into().locale;
        readable::day_of(at, tz, locale, crate::clock::now(), &LocaleWords::new(self, locale))
    }

    /// A time of day on the reader's clock: "10:00 AM", "10:00", "صبح 10:00".
    pub fn time(&self, reader: impl Into<Reader>, t: chrono::NaiveTime) -> String {
        let locale = reader.into().locale;
        readable::time(t, locale, readable::Clock::of(locale), &LocaleWords::new(self, locale))
    }

    /// A calendar date as the reader reads it ("Thu 12 Dec"), `today` being the reader's.
    pub fn date(
        &self,
        reader: impl Into<Reader>,
        day: chrono::NaiveDate,
        today: chrono::NaiveDate,
    ) -> String {
        let locale = reader.into().locale;
        readable::date(day, locale, today, &LocaleWords::new(self, locale))
    }
}

/// The words of a date in one language, from the Fluent messages `read-*`.
pub struct LocaleWords<'a> {
    i18n: &'a I18n,
    locale: Locale,
}

impl<'a> LocaleWords<'a> {
    pub fn new(i18n: &'a I18n, locale: Locale) -> Self {
        Self { i18n, locale }
    }
}

impl Words for LocaleWords<'_> {
    fn relative(&self, day: Relative) -> String {
        let (i18n, l) = (self.i18n, self.locale);
        match day {
            Relative::Yesterday => tr!(i18n, l, "read-yesterday"),
            Relative::Today => tr!(i18n, l, "read-today"),
            Relative::Tomorrow => tr!(i18n, l, "read-tomorrow"),
        }
    }

    fn weekday(&self, day: chrono::Weekday) -> String {
        let code = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.num_days_from_monday() as usize];
        tr!(self.i18n, self.locale, "read-weekday", weekday = code)
    }

    fn month(&self, month: u32) -> String {
        tr!(self.i18n, self.locale, "read-month", month = i64::from(month))
    }

    fn day_part(&self, part: DayPart) -> String {
        tr!(self.i18n, self.locale, "read-day-part", part = part.code())
    }
}

const RLM: char = '\u{200F}';

fn is_rtl_letter(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') || c == RLM
}

/// Whether a line already reads right-to-left: its first strong character (a letter, or a
/// direction mark) is right-to-left.
pub fn line_is_rtl(line: &str) -> bool {
    line.chars().find(|c| c.is_alphabetic() || *c == RLM || *c == '\u{200E}').is_some_and(is_rtl_letter)
}

/// The arrows that point the other way in a right-to-left language.
fn mirrored(c: char) -> char {
    match c {
        '⬅' => '➡',
        '➡' => '⬅',
        '◀' => '▶',
        '▶' => '◀',
        '←' => '→',
        '→' => '←',
        '↩' => '↪',
        '↪' => '↩',
        other => other,
    }
}

/// The directional arrows of a text written for `locale`, pointing the way its reader reads:
/// mirrored in Arabic and Urdu. The shipped translations get this once, when they are
/// loaded; the code applies it to the few arrows it writes itself.
pub fn arrows(reader: impl Into<Reader>, text: &str) -> String {
    let locale = reader.into().locale;
    if locale.is_rtl() { text.chars().map(mirrored).collect() } else { text.to_owned() }
}

/// In Arabic and Urdu, starts with a RIGHT-TO-LEFT MARK every line that would otherwise read
/// left-to-right (it begins with Latin text, digits or a variable). Other languages are
/// returned as they are; applying it twice is the same as once.
pub fn rtl_lines(locale: Locale, text: &str) -> String {
    if !locale.is_rtl() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.trim().is_empty() && !line_is_rtl(line) {
            out.push(RLM);
        }
        out.push_str(line);
    }
    out
}

/// The `.ftl` files of an override folder, per language, in name order.
fn override_files(dir: &Path) -> Result<Vec<(Locale, Vec<PathBuf>)>, I18nError> {
    let folder_error =
        |path: &Path, detail: String| I18nError::OverrideFolder { path: path.to_owned(), detail };
    let entries = std::fs::read_dir(dir).map_err(|e| folder_error(dir, e.to_string()))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| folder_error(dir, e.to_string()))?.path();
        if !path.is_dir() {
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Some(locale) = Locale::ALL.into_iter().find(|l| l.code() == name) else {
            let codes: Vec<_> = Locale::ALL.iter().map(|l| l.code()).collect();
            return Err(folder_error(
                &path,
                format!("not a shipped language (use one of {})", codes.join(", ")),
            ));
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
            .map_err(|e| folder_error(&path, e.to_string()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        out.push((locale, files));
    }
    Ok(out)
}

/// `tr!(i18n, reader, "key")` or `tr!(i18n, reader, "key", name = value, …)`; `reader` is a
/// [`Reader`] or a bare [`Locale`] (gender unknown).
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $reader:expr, $key:literal) => {
        $i18n.format($reader, $key, None)
    };
    ($i18n:expr, $reader:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $crate::i18n::FluentValue::from($value));)+
        $i18n.format($reader, $key, Some(&args))
    }};
}
