//! Dates, times and numbers as people read them: "tomorrow, Tue 3 Dec, 10:00 AM" rather than
//! "2026-12-03T09:00:00Z". An instant is shown in the reader's time zone (the cluster's),
//! with the weekday, a relative day word where one fits (yesterday, today, tomorrow), the
//! year only when it is not this year, and the clock and separators the language usually
//! writes: 12-hour in English and Urdu (Urdu with the part of the day, صبح / دوپہر / شام /
//! رات), 24-hour elsewhere; Russian as "пн, 30.03.2026, 10:00"; a decimal comma in French,
//! Spanish, Russian and Maghreb Arabic.
//!
//! The words (weekday and month names, "today"…) come from the caller through [`Words`]
//! (the bot takes them from Fluent); this module only decides which word goes where.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::Tz;

use super::Locale;

/// A day named relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    Yesterday,
    Today,
    Tomorrow,
}

/// The part of the day a 12-hour clock names. English uses it as AM/PM, Urdu as صبح
/// (morning), دوپہر (early afternoon), شام (evening), رات (night).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    /// 00:00–03:59 (AM; Urdu night).
    SmallHours,
    /// 04:00–11:59.
    Morning,
    /// 12:00–15:59.
    Afternoon,
    /// 16:00–19:59.
    Evening,
    /// 20:00–23:59 (PM; Urdu night).
    Night,
}

impl DayPart {
    pub fn of(hour: u32) -> Self {
        match hour {
            0..=3 => Self::SmallHours,
            4..=11 => Self::Morning,
            12..=15 => Self::Afternoon,
            16..=19 => Self::Evening,
            _ => Self::Night,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::SmallHours => "small-hours",
            Self::Morning => "morning",
            Self::Afternoon => "afternoon",
            Self::Evening => "evening",
            Self::Night => "night",
        }
    }
}

/// The words a date is written with, in the reader's language.
pub trait Words {
    /// "today", "tomorrow", "yesterday".
    fn relative(&self, day: Relative) -> String;
    /// The weekday as written in a date ("Tue", "mar.", "вт", "الثلاثاء").
    fn weekday(&self, day: Weekday) -> String;
    /// The month as written in a date, 1 = January ("Dec", "déc.", "ديسمبر").
    fn month(&self, month: u32) -> String;
    /// The part of the day, for languages with a 12-hour clock ("AM", "صبح").
    fn day_part(&self, part: DayPart) -> String;
}

/// How a language writes the time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    H12,
    H24,
}

impl Clock {
    /// The clock a language is usually written with.
    pub fn of(locale: Locale) -> Self {
        match locale {
            Locale::En | Locale::Ur => Self::H12,
            Locale::Fr | Locale::Es | Locale::Ru | Locale::Ar => Self::H24,
        }
    }
}

/// The separator between the parts of a date and its time ("tomorrow, Tue 3 Dec, 10:00").
fn comma(locale: Locale) -> &'static str {
    if locale.is_rtl() { "، " } else { ", " }
}

/// A time of day: "10:00 AM", "10:00", "صبح 10:00".
pub fn time(t: NaiveTime, locale: Locale, clock: Clock, words: &impl Words) -> String {
    let (h, m) = (t.hour(), t.minute());
    match clock {
        Clock::H24 => format!("{h:02}:{m:02}"),
        Clock::H12 => {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            let part = words.day_part(DayPart::of(h));
            match locale {
                // Urdu names the part of the day first: صبح 10:00, شام 5:30.
                Locale::Ur => format!("{part} {h12}:{m:02}"),
                _ => format!("{h12}:{m:02} {part}"),
            }
        }
    }
}

/// A date without its relative word: "Tue 3 Dec", "mar. 3 déc. 2027", "вт, 03.12.2026".
fn plain_date(day: NaiveDate, locale: Locale, today: NaiveDate, words: &impl Words) -> String {
    let weekday = words.weekday(day.weekday());
    match locale {
        // The way Russian writes it: the short weekday, then the numeric date with the year.
        Locale::Ru => format!("{weekday}, {}", day.format("%d.%m.%Y")),
        _ => {
            let mut text = format!("{weekday} {} {}", day.day(), words.month(day.month()));
            if day.year() != today.year() {
                text.push_str(&format!(" {}", day.year()));
            }
            text
        }
    }
}

fn relative(day: NaiveDate, today: NaiveDate) -> Option<Relative> {
    match (day - today).num_days() {
        -1 => Some(Relative::Yesterday),
        0 => Some(Relative::Today),
        1 => Some(Relative::Tomorrow),
        _ => None,
    }
}

/// A day as people read it: "today", "tomorrow, Tue 3 Dec", "Thu 12 Dec", "Mon 4 Jan 2027".
pub fn date(day: NaiveDate, locale: Locale, today: NaiveDate, words: &impl Words) -> String {
    match relative(day, today) {
        Some(Relative::Today) => words.relative(Relative::Today),
        Some(r) => format!("{}{}{}", words.relative(r), comma(locale), plain_date(day, locale, today, words)),
        None => plain_date(day, locale, today, words),
    }
}

/// An instant as people read it, in the zone `tz`: "today, 10:00 AM",
/// "tomorrow, Tue 3 Dec, 10:00 AM", "jeu. 12 déc., 10:00", "пн, 30.03.2026, 10:00".
pub fn when(at: DateTime<Utc>, tz: Tz, locale: Locale, now: DateTime<Utc>, words: &impl Words) -> String {
    let local = at.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    let day = local.date_naive();
    let clock = time(local.time(), locale, Clock::of(locale), words);
    format!("{}{}{clock}", date(day, locale, today, words), comma(locale))
}

/// The day of an instant in the zone `tz`, as [`date`] writes it.
pub fn day_of(at: DateTime<Utc>, tz: Tz, locale: Locale, now: DateTime<Utc>, words: &impl Words) -> String {
    let today = now.with_timezone(&tz).date_naive();
    date(at.with_timezone(&tz).date_naive(), locale, today, words)
}

/// The decimal separator a language writes.
pub fn decimal_separator(locale: Locale) -> char {
    match locale {
        // Maghreb Arabic writes Western digits with a decimal comma; Urdu (Pakistan) a point.
        Locale::Fr | Locale::Es | Locale::Ru | Locale::Ar => ',',
        Locale::En | Locale::Ur => '.',
    }
}

/// A number with at most two decimals, without trailing zeros, with the language's decimal
/// separator: 2.5 → "2,5" in French, 3.0 → "3".
pub fn number(value: f64, locale: Locale) -> String {
    let mut text = format!("{value:.2}");
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if text == "-0" {
        text = "0".into();
    }
    text.replace('.', &decimal_separator(locale).to_string())
}

/// A number as typed or stored ("2.5", "12"), rewritten with the language's separator;
/// anything that is not a plain decimal number is returned as it is.
pub fn decimal_text(raw: &str, locale: Locale) -> String {
    let plain = raw.trim();
    let is_decimal = plain.strip_prefix('-').unwrap_or(plain).split_once('.').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    });
    if is_decimal { plain.replace('.', &decimal_separator(locale).to_string()) } else { raw.to_owned() }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::i18n::{I18n, LocaleWords};

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn read(locale: Locale, at: DateTime<Utc>, tz: &str, now: DateTime<Utc>) -> String {
        let i18n = I18n::load().unwrap();
        when(at, tz.parse().unwrap(), locale, now, &LocaleWords::new(&i18n, locale))
    }

    // Monday 30 November 2026, 08:00 UTC; Tunis is UTC+1 all year.
    fn monday() -> DateTime<Utc> {
        utc(2026, 11, 30, 8, 0)
    }

    #[test]
    fn tomorrow_today_yesterday_and_other_days_in_english() {
        let now = monday(); // Mon 30 Nov 2026
        let tunis = "Africa/Tunis";
        assert_eq!(read(Locale::En, utc(2026, 12, 1, 9, 0), tunis, now), "tomorrow, Tue 1 Dec, 10:00 AM");
        assert_eq!(read(Locale::En, utc(2026, 11, 30, 14, 30), tunis, now), "today, 3:30 PM");
        assert_eq!(read(Locale::En, utc(2026, 11, 29, 11, 0), tunis, now), "yesterday, Sun 29 Nov, 12:00 PM");
        assert_eq!(read(Locale::En, utc(2026, 12, 10, 9, 0), tunis, now), "Thu 10 Dec, 10:00 AM");
        assert_eq!(read(Locale::En, utc(2026, 12, 10, 23, 5), tunis, now), "Fri 11 Dec, 12:05 AM");
    }

    #[test]
    fn each_language_writes_its_own_clock_names_and_separators() {
        let now = monday();
        let at = utc(2026, 12, 1, 9, 0); // Tue 1 Dec, 10:00 in Tunis
        let later = utc(2026, 12, 10, 16, 0); // Thu 10 Dec, 17:00 in Tunis
        let cases = [
            (Locale::Fr, "demain, mar. 1 déc., 10:00", "jeu. 10 déc., 17:00"),
            (Locale::Es, "mañana, mar 1 dic, 10:00", "jue 10 dic, 17:00"),
            (Locale::Ru, "завтра, вт, 01.12.2026, 10:00", "чт, 10.12.2026, 17:00"),
            (Locale::Ar, "غدًا، الثلاثاء 1 ديسمبر، 10:00", "الخميس 10 ديسمبر، 17:00"),
            (Locale::Ur, "کل، منگل 1 دسمبر، صبح 10:00", "جمعرات 10 دسمبر، شام 5:00"),
        ];
        for (locale, tomorrow, other) in cases {
            assert_eq!(read(locale, at, "Africa/Tunis", now), tomorrow, "{locale}");
            assert_eq!(read(locale, later, "Africa/Tunis", now), other, "{locale}");
        }
    }

    #[test]
    fn russian_dates_read_exactly_as_russian_writes_them() {
        // Monday 30 March 2026, 10:00 in Moscow (UTC+3).
        let at = utc(2026, 3, 30, 7, 0);
        assert_eq!(read(Locale::Ru, at, "Europe/Moscow", utc(2026, 3, 20, 7, 0)), "пн, 30.03.2026, 10:00");
        assert_eq!(read(Locale::Ru, at, "Europe/Moscow", at), "сегодня, 10:00");
    }

    #[test]
    fn the_year_shows_only_when_it_is_not_this_year() {
        let new_years_eve = utc(2026, 12, 31, 12, 0);
        // Tomorrow is in next year: it is still "tomorrow", and the date carries the year.
        assert_eq!(
            read(Locale::En, utc(2027, 1, 1, 9, 0), "Africa/Tunis", new_years_eve),
            "tomorrow, Fri 1 Jan 2027, 10:00 AM"
        );
        assert_eq!(
            read(Locale::Fr, utc(2027, 1, 12, 9, 0), "Africa/Tunis", new_years_eve),
            "mar. 12 janv. 2027, 10:00"
        );
        assert_eq!(
            read(Locale::En, utc(2026, 12, 12, 9, 0), "Africa/Tunis", new_years_eve),
            "Sat 12 Dec, 10:00 AM"
        );
    }

    #[test]
    fn the_day_and_hour_are_the_zones_even_across_midnight_and_daylight_saving() {
        // 23:30 UTC on Saturday 24 October 2026 is already Sunday 01:30 in Madrid (UTC+2).
        let now = utc(2026, 10, 24, 12, 0);
        assert_eq!(
            read(Locale::Es, utc(2026, 10, 24, 23, 30), "Europe/Madrid", now),
            "mañana, dom 25 oct, 01:30"
        );
        // The clocks go back that night: 10:00 UTC on Monday is 11:00 in Madrid (UTC+1),
        // while it was 12:00 the Monday before (UTC+2).
        assert_eq!(read(Locale::Es, utc(2026, 10, 26, 10, 0), "Europe/Madrid", now), "lun 26 oct, 11:00");
        assert_eq!(read(Locale::Es, utc(2026, 10, 19, 10, 0), "Europe/Madrid", now), "lun 19 oct, 12:00");
        // In spring the clocks jump forward: 01:30 UTC on 29 March 2026 is 03:30 in Madrid.
        assert_eq!(
            read(Locale::En, utc(2026, 3, 29, 1, 30), "Europe/Madrid", utc(2026, 3, 28, 12, 0)),
            "tomorrow, Sun 29 Mar, 3:30 AM"
        );
    }

    #[test]
    fn urdu_names_the_part_of_the_day() {
        let now = monday();
        let tunis = "Africa/Tunis";
        assert_eq!(read(Locale::Ur, utc(2026, 11, 30, 12, 15), tunis, now), "آج، دوپہر 1:15");
        assert_eq!(read(Locale::Ur, utc(2026, 11, 30, 20, 0), tunis, now), "آج، رات 9:00");
        assert_eq!(read(Locale::Ur, utc(2026, 11, 30, 1, 0), tunis, now), "آج، رات 2:00");
    }

    #[test]
    fn dates_without_a_time_name_the_day() {
        let i18n = I18n::load().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let words = LocaleWords::new(&i18n, Locale::En);
        assert_eq!(date(today, Locale::En, today, &words), "today");
        assert_eq!(date(today.succ_opt().unwrap(), Locale::En, today, &words), "tomorrow, Tue 1 Dec");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(), Locale::En, today, &words),
            "Mon 1 Mar 2027"
        );
    }

    #[test]
    fn decimals_take_the_languages_separator() {
        assert_eq!(number(2.5, Locale::En), "2.5");
        assert_eq!(number(2.5, Locale::Fr), "2,5");
        assert_eq!(number(2.5, Locale::Es), "2,5");
        assert_eq!(number(2.5, Locale::Ru), "2,5");
        assert_eq!(number(2.5, Locale::Ar), "2,5");
        assert_eq!(number(2.5, Locale::Ur), "2.5");
        assert_eq!(number(3.0, Locale::Fr), "3");
        assert_eq!(number(1.234, Locale::Fr), "1,23");
        assert_eq!(decimal_text("12.75", Locale::Ru), "12,75");
        assert_eq!(decimal_text("12", Locale::Ru), "12");
        assert_eq!(decimal_text("v1.2b", Locale::Fr), "v1.2b");
    }
}
