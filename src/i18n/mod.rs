//! Translations. Every user-facing string comes from `locales/<lang>/main.ftl` through
//! Fluent; the files are compiled into the binary, so the bot needs nothing beside it.
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

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};

use crate::domain::Locale;
use crate::domain::readable::{self, DayPart, Relative, Words};
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

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{locale}/main.ftl does not parse: {detail}")]
    Parse { locale: Locale, detail: String },
    #[error("message '{key}' is missing in locale {locale}")]
    Missing { locale: Locale, key: String },
    #[error("message '{key}' in locale {locale} does not format: {detail}")]
    Format { locale: Locale, key: String, detail: String },
}

pub struct I18n {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("locales", &self.bundles.len()).finish()
    }
}

impl I18n {
    pub fn load() -> Result<Self, I18nError> {
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
            bundles.insert(locale, bundle);
        }
        Ok(Self { bundles })
    }

    /// Formats a message, failing on a missing key or a formatting error (tests use this).
    pub fn try_format(
        &self,
        locale: Locale,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, I18nError> {
        let bundle = &self.bundles[&locale];
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| I18nError::Missing { locale, key: key.to_owned() })?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        let text = rtl_lines(locale, &text);
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(I18nError::Format { locale, key: key.to_owned(), detail: format!("{errors:?}") })
        }
    }

    /// Formats a message for a user. Tests guarantee every key exists in every locale; should
    /// one slip through anyway, the user gets English rather than nothing.
    pub fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
        match self.try_format(locale, key, args) {
            Ok(text) => text,
            Err(e) => {
                tracing::error!(error = %e, "translation problem");
                self.try_format(Locale::En, key, args).unwrap_or_else(|_| key.to_owned())
            }
        }
    }

    /// Text written by the code around translated pieces (lists, labels with a name), laid
    /// out like a translated message: right-to-left on every line in Arabic and Urdu.
    pub fn lines(&self, locale: Locale, text: &str) -> String {
        rtl_lines(locale, text)
    }

    /// An instant as the reader reads it, in the zone `tz`: "tomorrow, Tue 3 Dec, 10:00 AM".
    pub fn when(&self, locale: Locale, at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
        readable::when(at, tz, locale, crate::clock::now(), &LocaleWords::new(self, locale))
    }

    /// The day of an instant as the reader reads it, in the zone `tz`: "tomorrow, Tue 3 Dec".
    pub fn day(&self, locale: Locale, at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
        readable::day_of(at, tz, locale, crate::clock::now(), &LocaleWords::new(self, locale))
    }

    /// A time of day on the reader's clock: "10:00 AM", "10:00", "صبح 10:00".
    pub fn time(&self, locale: Locale, t: chrono::NaiveTime) -> String {
        readable::time(t, locale, readable::Clock::of(locale), &LocaleWords::new(self, locale))
    }

    /// A calendar date as the reader reads it ("Thu 12 Dec"), `today` being the reader's.
    pub fn date(&self, locale: Locale, day: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
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
pub fn arrows(locale: Locale, text: &str) -> String {
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

/// `tr!(i18n, locale, "key")` or `tr!(i18n, locale, "key", name = value, …)`.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $locale:expr, $key:literal) => {
        $i18n.format($locale, $key, None)
    };
    ($i18n:expr, $locale:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $crate::i18n::FluentValue::from($value));)+
        $i18n.format($locale, $key, Some(&args))
    }};
}
