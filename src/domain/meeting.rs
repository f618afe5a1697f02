//! Meetings: when they are (typed or tapped in the cluster's time zone, stored in UTC), who
//! is invited, how people answer, and when reminders are due.

use crate::domain::ids::ClusterId;
use crate::domain::ids::{CooperativeId, MeetingId};
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::form::walk::normalize_digits;

/// Who a meeting is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingAudience {
    /// Every member of the cluster.
    Cluster,
    /// Cooperative leaders and CDAs.
    Leaders,
    /// One cooperative (and the cluster's CDAs).
    Cooperative(CooperativeId),
    /// The Cluster Commission / Steering Committee members (and the CDAs).
    Commission,
}

impl MeetingAudience {
    pub fn code(self) -> String {
        match self {
            Self::Cluster => "cluster".into(),
            Self::Leaders => "leaders".into(),
            Self::Cooperative(id) => format!("cooperative:{id}"),
            Self::Commission => "commission".into(),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.split_once(':') {
            None if s == "cluster" => Some(Self::Cluster),
            None if s == "leaders" => Some(Self::Leaders),
            None if s == "commission" => Some(Self::Commission),
            Some(("cooperative", id)) => id.parse().ok().map(Self::Cooperative),
            _ => None,
        }
    }
}

/// A member's answer to an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rsvp {
    Coming,
    NotComing,
    Maybe,
}

impl Rsvp {
    pub const ALL: [Rsvp; 3] = [Self::Coming, Self::NotComing, Self::Maybe];

    pub fn code(self) -> &'static str {
        match self {
            Self::Coming => "coming",
            Self::NotComing => "not_coming",
            Self::Maybe => "maybe",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }

    pub fn emoji(self) -> &'static str {
        match self {
            Self::Coming => "👍",
            Self::NotComing => "❌",
            Self::Maybe => "❔",
        }
    }
}

/// A meeting being scheduled (or moved) in the chat; the step is the first missing piece.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingDraft {
    pub cluster_id: ClusterId,
    /// Moving this meeting: only the day and time are asked.
    pub reschedule_of: Option<MeetingId>,
    /// A leader schedules for their own cooperative only.
    pub only_cooperative: Option<CooperativeId>,
    pub title: Option<String>,
    pub day: Option<NaiveDate>,
    pub starts_at: Option<DateTime<Utc>>,
    pub place: Option<String>,
    pub location: Option<(f64, f64)>,
    pub audience: Option<MeetingAudience>,
    #[serde(default)]
    pub offsets: Vec<i64>,
    #[serde(default)]
    pub offsets_done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingStep {
    Title,
    Day,
    Time,
    Place,
    Audience,
    Reminders,
    Complete,
}

impl MeetingDraft {
    /// Nothing said yet.
    pub fn new(cluster_id: ClusterId) -> Self {
        Self {
            cluster_id,
            reschedule_of: None,
            only_cooperative: None,
            title: None,
            day: None,
            starts_at: None,
            place: None,
            location: None,
            audience: None,
            offsets: Vec::new(),
            offsets_done: false,
        }
    }

    pub fn step(&self) -> MeetingStep {
        let moving = self.reschedule_of.is_some();
        if self.title.is_none() && !moving {
            MeetingStep::Title
        } else if self.starts_at.is_none() && self.day.is_none() {
            MeetingStep::Day
        } else if self.starts_at.is_none() {
            MeetingStep::Time
        } else if moving {
            MeetingStep::Complete
        } else if self.place.is_none() {
            MeetingStep::Place
        } else if self.audience.is_none() {
            MeetingStep::Audience
        } else if !self.offsets_done {
            MeetingStep::Reminders
        } else {
            MeetingStep::Complete
        }
    }
}

/// Reminder offsets offered, in minutes before the start.
pub const REMINDER_CHOICES: [i64; 4] = [7 * 24 * 60, 24 * 60, 3 * 60, 60];
/// The default: a day before and an hour before.
pub const DEFAULT_REMINDERS: [i64; 2] = [24 * 60, 60];

/// Why a typed date or time was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenError {
    Unreadable,
    /// The clock skips this time (the spring daylight-saving jump).
    DoesNotExist,
    InThePast,
}

/// A local date and time in the cluster's zone, as UTC. An ambiguous time (the autumn hour
/// that happens twice) is taken the first time; a time the clock skips is refused.
pub fn local_to_utc(local: NaiveDateTime, tz: Tz) -> Result<DateTime<Utc>, WhenError> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(WhenError::DoesNotExist),
    }
}

/// A typed time of day: `14:30`, `14h30`, `14.30`, `9`, `٩:٠٠`.
pub fn parse_time(raw: &str) -> Option<NaiveTime> {
    let s = normalize_digits(raw).to_lowercase();
    let s = s.trim().trim_end_matches('h');
    let (h, m) = match s.split_once([':', 'h', '.']) {
        Some((h, m)) => (h.trim().parse().ok()?, m.trim().parse().ok()?),
        None => (s.parse().ok()?, 0),
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// A typed date and time, in the cluster's zone: "25/12/2026 14:30", "2026-12-25 14:30",
/// "25.12.2026 9h". The date may be given without the year ("25/12 14:30": the next such day).
pub fn parse_when(raw: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, WhenError> {
    let s = normalize_digits(raw);
    let mut parts = s.split_whitespace();
    let (Some(date_part), Some(time_part), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(WhenError::Unreadable);
    };
    let time = parse_time(time_part).ok_or(WhenError::Unreadable)?;
    let today = now.with_timezone(&tz).date_naive();
    let date = super::form::walk::parse_date(date_part).ok().or_else(|| {
        // Day and month only: this year, or next year if that day has passed.
        let (d, m) = date_part.split_once(['/', '.', '-'])?;
        let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
        let this_year = NaiveDate::from_ymd_opt(today.year(), m, d)?;
        if this_year >= today { Some(this_year) } else { NaiveDate::from_ymd_opt(today.year() + 1, m, d) }
    });
    let date = date.ok_or(WhenError::Unreadable)?;
    let at = local_to_utc(date.and_time(time), tz)?;
    if at <= now {
        return Err(WhenError::InThePast);
    }
    Ok(at)
}

/// When each reminder is due; those already past (or at/after the start) are left out, so a
/// meeting set for tomorrow morning gets no "one week before" reminder.
pub fn reminder_times(
    starts_at: DateTime<Utc>,
    offsets_minutes: &[i64],
    now: DateTime<Utc>,
) -> Vec<(i64, DateTime<Utc>)> {
    offsets_minutes
        .iter()
        .filter(|m| **m > 0)
        .map(|m| (*m, starts_at - Duration::minutes(*m)))
        .filter(|(_, at)| *at > now)
        .collect()
}

/// Whether a reminder may still go out: its time has come and the meeting has not started.
/// After downtime, a late reminder is still sent — but never once the meeting began.
pub fn reminder_sendable(now: DateTime<Utc>, due_at: DateTime<Utc>, starts_at: DateTime<Utc>) -> bool {
    now >= due_at && now < starts_at
}

/// The weekday's index for translations (0 = Monday).
pub fn weekday_index(at: DateTime<Utc>, tz: Tz) -> u32 {
    at.with_timezone(&tz).weekday().num_days_from_monday()
}

/// Common meeting hours offered as buttons.
pub const COMMON_HOURS: [(u32, u32); 6] = [(8, 0), (9, 0), (10, 0), (14, 0), (16, 0), (18, 0)];

/// The hour buttons to offer on `day`: the common hours still ahead of `now` in the
/// cluster's zone (all of them on a later day; none that the clock skips).
pub fn hours_on(day: NaiveDate, now: DateTime<Utc>, tz: Tz) -> Vec<(u32, u32)> {
    COMMON_HOURS
        .into_iter()
        .filter(|(h, m)| {
            NaiveTime::from_hms_opt(*h, *m, 0)
                .and_then(|t| local_to_utc(day.and_time(t), tz).ok())
                .is_some_and(|at| at > now)
        })
        .collect()
}

/// The seven days to offer as buttons, in the cluster's zone: from today — or from tomorrow
/// when every hour button of today has passed (late in the evening).
pub fn next_days(now: DateTime<Utc>, tz: Tz) -> Vec<(NaiveDate, Weekday)> {
    let today = now.with_timezone(&tz).date_naive();
    let first = if hours_on(today, now, tz).is_empty() { today + Duration::days(1) } else { today };
    (0..7).map(|i| first + Duration::days(i)).map(|d| (d, d.weekday())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn typed_times_are_read_in_the_clusters_zone() {
        let karachi: Tz = "Asia/Karachi".parse().unwrap(); // UTC+5
        let now = utc(2026, 12, 1, 0, 0);
        assert_eq!(parse_when("25/12/2026 14:30", karachi, now), Ok(utc(2026, 12, 25, 9, 30)));
        assert_eq!(parse_when("2026-12-25 14h30", karachi, now), Ok(utc(2026, 12, 25, 9, 30)));
        assert_eq!(parse_when("٢٥/١٢/٢٠٢٦ ١٤:٣٠", karachi, now), Ok(utc(2026, 12, 25, 9, 30)));
        assert_eq!(
            parse_when("25.12 9h", karachi, now),
            Ok(utc(2026, 12, 25, 4, 0)),
            "no year: the next 25 December"
        );
        assert_eq!(parse_when("tomorrow", karachi, now), Err(WhenError::Unreadable));
        assert_eq!(parse_when("01/01/2020 10:00", karachi, now), Err(WhenError::InThePast));
    }

    #[test]
    fn the_spring_jump_is_refused_and_the_autumn_hour_taken_once() {
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        let now = utc(2026, 1, 1, 0, 0);
        // 29 March 2026, 02:30 does not exist in Madrid.
        assert_eq!(parse_when("29/03/2026 02:30", madrid, now), Err(WhenError::DoesNotExist));
        // 25 October 2026, 02:30 happens twice: the first one (still UTC+2).
        assert_eq!(parse_when("25/10/2026 02:30", madrid, now), Ok(utc(2026, 10, 25, 0, 30)));
    }

    #[test]
    fn reminders_keep_their_offset_across_a_daylight_saving_change() {
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        // Meeting on Monday 30 March 2026 at 10:00 local (UTC+2, the day after the change).
        let start = parse_when("30/03/2026 10:00", madrid, utc(2026, 3, 1, 0, 0)).unwrap();
        assert_eq!(start, utc(2026, 3, 30, 8, 0));
        let times = reminder_times(start, &DEFAULT_REMINDERS, utc(2026, 3, 1, 0, 0));
        // 24 hours before is 09:00 local on Sunday (UTC+2 already), 1 hour before is 09:00.
        assert_eq!(times, vec![(1440, utc(2026, 3, 29, 8, 0)), (60, utc(2026, 3, 30, 7, 0))]);
        assert_eq!(weekday_index(start, madrid), 0, "Monday");
    }

    #[test]
    fn past_reminders_are_dropped_and_none_goes_after_the_start() {
        let start = utc(2026, 6, 10, 10, 0);
        let now = utc(2026, 6, 10, 8, 0);
        assert_eq!(reminder_times(start, &REMINDER_CHOICES, now), vec![(60, utc(2026, 6, 10, 9, 0))]);
        assert!(
            reminder_sendable(utc(2026, 6, 10, 9, 30), utc(2026, 6, 10, 9, 0), start),
            "late but before the start"
        );
        assert!(
            !reminder_sendable(utc(2026, 6, 10, 10, 0), utc(2026, 6, 10, 9, 0), start),
            "never after the start"
        );
        assert!(
            !reminder_sendable(utc(2026, 6, 10, 8, 59), utc(2026, 6, 10, 9, 0), start),
            "not before its time"
        );
    }

    #[test]
    fn late_in_the_evening_today_is_not_offered_and_today_offers_only_hours_ahead() {
        let karachi: Tz = "Asia/Karachi".parse().unwrap(); // UTC+5
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        // 23:10 in Karachi on 5 December: every hour button of the 5th has passed.
        let late = utc(2026, 12, 5, 18, 10);
        let days: Vec<NaiveDate> = next_days(late, karachi).into_iter().map(|(d, _)| d).collect();
        assert_eq!(days, (6..=12).map(day).collect::<Vec<_>>(), "tomorrow and the six days after");
        assert_eq!(hours_on(day(5), late, karachi), [], "nothing left today");
        assert_eq!(hours_on(day(6), late, karachi), COMMON_HOURS, "every hour tomorrow");
        // 12:30 in Karachi: today is offered, with only the hours still ahead.
        let noon = utc(2026, 12, 5, 7, 30);
        assert_eq!(next_days(noon, karachi)[0], (day(5), Weekday::Sat));
        assert_eq!(next_days(noon, karachi).len(), 7);
        assert_eq!(hours_on(day(5), noon, karachi), [(14, 0), (16, 0), (18, 0)]);
        // 18:00 sharp has begun: it is not ahead any more.
        assert_eq!(next_days(utc(2026, 12, 5, 13, 0), karachi)[0].0, day(6));
        assert_eq!(next_days(utc(2026, 12, 5, 12, 59), karachi)[0].0, day(5));
    }

    #[test]
    fn times_of_day_come_in_common_forms() {
        assert_eq!(parse_time("14:30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("9h"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(parse_time("9H15"), NaiveTime::from_hms_opt(9, 15, 0));
        assert_eq!(parse_time("25:00"), None);
    }

    #[test]
    fn audiences_round_trip() {
        for a in [
            MeetingAudience::Cluster,
            MeetingAudience::Leaders,
            MeetingAudience::Cooperative(CooperativeId(7)),
            MeetingAudience::Commission,
        ] {
            assert_eq!(MeetingAudience::parse(&a.code()), Some(a));
        }
    }
}
