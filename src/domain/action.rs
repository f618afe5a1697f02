//! Joint actions of the cluster's action plan, and reports on their progress.

use crate::domain::ids::ClusterId;
use crate::domain::ids::{CooperativeId, MemberId};
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Where a joint action stands, as members report it with one tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    NotStarted,
    OnTrack,
    Delayed,
    Blocked,
    Done,
}

impl ActionStatus {
    /// In the order the buttons are offered: Done, which closes the action for everyone,
    /// comes last (and is confirmed before it counts).
    pub const ALL: [ActionStatus; 5] =
        [Self::OnTrack, Self::Delayed, Self::Blocked, Self::NotStarted, Self::Done];

    pub fn code(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::OnTrack => "on_track",
            Self::Delayed => "delayed",
            Self::Blocked => "blocked",
            Self::Done => "done",
        }
    }

    /// The pictogram that carries the meaning for those who read little.
    pub fn emoji(self) -> &'static str {
        match self {
            Self::NotStarted => "⚪",
            Self::OnTrack => "🟢",
            Self::Delayed => "🟡",
            Self::Blocked => "🔴",
            Self::Done => "🏁",
        }
    }

    /// Short code for buttons.
    pub fn letter(self) -> char {
        match self {
            Self::NotStarted => 'n',
            Self::OnTrack => 'o',
            Self::Delayed => 'l',
            Self::Blocked => 'b',
            Self::Done => 'd',
        }
    }

    pub fn from_letter(c: char) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.letter() == c)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status '{0}'")]
pub struct UnknownCode(pub String);

impl FromStr for ActionStatus {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|x| x.code() == s).ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What holds a blocked action back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Blocker {
    Money,
    Inputs,
    People,
    Equipment,
    Permits,
    Other,
}

impl Blocker {
    pub const ALL: [Blocker; 6] =
        [Self::Money, Self::Inputs, Self::People, Self::Equipment, Self::Permits, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::Money => "money",
            Self::Inputs => "inputs",
            Self::People => "people",
            Self::Equipment => "equipment",
            Self::Permits => "permits",
            Self::Other => "other",
        }
    }
}

impl FromStr for Blocker {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|x| x.code() == s).ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

/// A joint action to create.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    pub cluster_id: ClusterId,
    pub title: String,
    pub description: Option<String>,
    /// Owning cooperatives; empty: the whole cluster.
    pub cooperatives: Vec<CooperativeId>,
    pub start_date: NaiveDate,
    pub due_date: NaiveDate,
    /// e.g. 10 (t of fertiliser bought jointly).
    pub target: Option<f64>,
    pub unit: Option<String>,
    /// Check-in rhythm in days.
    pub rhythm_days: Option<i64>,
    pub created_by: Option<MemberId>,
}

/// What a CDA adding a joint action in the chat has said so far; the step is the first
/// missing piece.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionDraft {
    pub cluster_id: ClusterId,
    pub title: Option<String>,
    /// `Some("")`: skipped.
    pub description: Option<String>,
    #[serde(default)]
    pub cooperatives: Vec<CooperativeId>,
    #[serde(default)]
    pub owners_done: bool,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// `Some(None)`: no target.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::domain::double_option")]
    pub target: Option<Option<(f64, String)>>,
    /// `Some(None)`: no check-ins.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::domain::double_option")]
    pub rhythm_days: Option<Option<i64>>,
}

/// The pieces of a joint action, asked in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftStep {
    Title,
    Description,
    Owners,
    StartDate,
    DueDate,
    Target,
    Rhythm,
    Complete,
}

impl ActionDraft {
    /// Nothing said yet.
    pub fn new(cluster_id: ClusterId) -> Self {
        Self {
            cluster_id,
            title: None,
            description: None,
            cooperatives: Vec::new(),
            owners_done: false,
            start_date: None,
            due_date: None,
            target: None,
            rhythm_days: None,
        }
    }

    pub fn step(&self) -> DraftStep {
        if self.title.is_none() {
            DraftStep::Title
        } else if self.description.is_none() {
            DraftStep::Description
        } else if !self.owners_done {
            DraftStep::Owners
        } else if self.start_date.is_none() {
            DraftStep::StartDate
        } else if self.due_date.is_none() {
            DraftStep::DueDate
        } else if self.target.is_none() {
            DraftStep::Target
        } else if self.rhythm_days.is_none() {
            DraftStep::Rhythm
        } else {
            DraftStep::Complete
        }
    }

    /// The action to create, once every piece is there.
    pub fn finish(&self, created_by: Option<MemberId>) -> Option<NewAction> {
        let target = self.target.clone()?;
        Some(NewAction {
            cluster_id: self.cluster_id,
            title: self.title.clone()?,
            description: self.description.clone().filter(|d| !d.is_empty()),
            cooperatives: self.cooperatives.clone(),
            start_date: self.start_date?,
            due_date: self.due_date?,
            target: target.as_ref().map(|(n, _)| *n),
            unit: target.map(|(_, u)| u).filter(|u| !u.is_empty()),
            rhythm_days: self.rhythm_days?,
            created_by,
        })
    }
}

/// A target as typed: "10 t", "500 kg", "12" (no unit), with any digits.
pub fn parse_target(raw: &str) -> Option<(f64, String)> {
    let s = super::form::walk::normalize_digits(raw);
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(s.len());
    let number: f64 =
        s[..split].replace(',', ".").parse().ok().filter(|n: &f64| *n > 0.0 && n.is_finite())?;
    Some((number, s[split..].trim().to_owned()))
}

/// Local time of day at which check-ins are asked.
pub const CHECKIN_TIME: (u32, u32) = (10, 0);

/// Check-in rhythms offered when an action is added in the chat, in days (besides "none").
pub const RHYTHM_CHOICES: [u16; 3] = [7, 14, 30];
/// Due dates offered when an action is added in the chat, in months from the start.
pub const DUE_MONTH_CHOICES: [u8; 3] = [1, 3, 6];
/// Progress buttons of a report, in percent.
pub const PERCENT_CHOICES: [u8; 5] = [0, 25, 50, 75, 100];

/// A percentage as a pie that fills up (○ ◔ ◑ ◕ ●), read without reading the number.
pub fn percent_pictogram(percent: f64) -> &'static str {
    match percent.round() as i64 {
        ..=12 => "○",
        13..=37 => "◔",
        38..=62 => "◑",
        63..=87 => "◕",
        _ => "●",
    }
}

/// A percentage with its pie: "◑ 50 %".
pub fn percent_label(percent: f64) -> String {
    format!("{} {} %", percent_pictogram(percent), percent.round())
}

/// When the next check-in is due: `rhythm_days` calendar days after `last` in the cluster's
/// time zone, at 10:00 local time — so a daylight-saving change moves the UTC time, not the
/// local hour people expect.
pub fn next_checkin_at(last: DateTime<Utc>, rhythm_days: i64, tz: Tz) -> DateTime<Utc> {
    let day = last.with_timezone(&tz).date_naive() + Duration::days(rhythm_days.max(1));
    let time = NaiveTime::from_hms_opt(CHECKIN_TIME.0, CHECKIN_TIME.1, 0).unwrap_or(NaiveTime::MIN);
    // 10:00 exists on every day (DST gaps are at night); take the earlier of an ambiguous pair.
    tz.from_local_datetime(&day.and_time(time))
        .earliest()
        .map_or(last + Duration::days(rhythm_days), |t| t.with_timezone(&Utc))
}

/// Whether an owner should be asked "How is <action>?" now: the action has a rhythm and is
/// not done, nothing was reported or asked for a whole rhythm, no check-in is still waiting
/// for this person, and it is daytime.
pub fn checkin_due(
    now: DateTime<Utc>,
    tz: Tz,
    rhythm_days: Option<i64>,
    done: bool,
    last_activity: DateTime<Utc>,
    pending: bool,
) -> bool {
    let Some(rhythm) = rhythm_days.filter(|r| *r > 0) else { return false };
    !done
        && !pending
        && now >= next_checkin_at(last_activity, rhythm, tz)
        && super::schedule::is_daytime(now, tz)
}

/// Progress as a percentage: given directly, or as an amount against the target.
pub fn percent(amount: f64, target: Option<f64>) -> Option<f64> {
    match target {
        Some(t) if t > 0.0 => Some((amount / t * 100.0).clamp(0.0, 100.0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn check_ins_keep_their_local_hour_across_a_daylight_saving_change() {
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        // Last report on 20 March (UTC+1); Spain moves to UTC+2 on 29 March 2026.
        let last = utc(2026, 3, 20, 9, 0);
        let next = next_checkin_at(last, 14, madrid);
        assert_eq!(next, utc(2026, 4, 3, 8, 0), "10:00 in Madrid, now UTC+2");
        assert_eq!(next.with_timezone(&madrid).format("%H:%M").to_string(), "10:00");
        // And back in autumn (UTC+2 → UTC+1 on 25 October 2026).
        let autumn = next_checkin_at(utc(2026, 10, 20, 8, 0), 7, madrid);
        assert_eq!(autumn, utc(2026, 10, 27, 9, 0));
    }

    #[test]
    fn a_check_in_is_due_after_a_quiet_rhythm_in_daytime_only() {
        let tunis: Tz = "Africa/Tunis".parse().unwrap(); // UTC+1, no DST
        let last = utc(2026, 5, 1, 9, 0);
        let due_day = utc(2026, 5, 15, 10, 0); // 11:00 local, 14 days later
        assert!(checkin_due(due_day, tunis, Some(14), false, last, false));
        assert!(!checkin_due(due_day - Duration::days(1), tunis, Some(14), false, last, false), "too early");
        assert!(!checkin_due(due_day, tunis, Some(14), true, last, false), "done actions are left alone");
        assert!(!checkin_due(due_day, tunis, Some(14), false, last, true), "one pending at a time");
        assert!(!checkin_due(due_day, tunis, None, false, last, false), "no rhythm, no check-in");
        assert!(!checkin_due(utc(2026, 5, 15, 22, 0), tunis, Some(14), false, last, false), "not at night");
    }

    #[test]
    fn a_draft_asks_for_what_is_missing_in_order() {
        let mut d = ActionDraft::new(ClusterId(1));
        assert_eq!(d.step(), DraftStep::Title);
        d.title = Some("Joint purchase of fertiliser".into());
        d.description = Some(String::new());
        assert_eq!(d.step(), DraftStep::Owners);
        d.owners_done = true;
        d.start_date = NaiveDate::from_ymd_opt(2026, 12, 1);
        d.due_date = NaiveDate::from_ymd_opt(2027, 3, 1);
        d.target = Some(parse_target("10 t"));
        assert_eq!(d.step(), DraftStep::Rhythm);
        d.rhythm_days = Some(Some(14));
        let a = d.finish(Some(MemberId(7))).unwrap();
        assert_eq!((a.target, a.unit.as_deref(), a.description), (Some(10.0), Some("t"), None));
    }

    #[test]
    fn targets_are_a_number_and_an_optional_unit() {
        assert_eq!(parse_target("10 t"), Some((10.0, "t".into())));
        assert_eq!(parse_target("٥٠٠ kg"), Some((500.0, "kg".into())));
        assert_eq!(parse_target("2,5 tonnes"), Some((2.5, "tonnes".into())));
        assert_eq!(parse_target("12"), Some((12.0, String::new())));
        assert_eq!(parse_target("lots"), None);
        assert_eq!(parse_target("0"), None);
    }

    #[test]
    fn amounts_become_percentages_of_the_target() {
        assert_eq!(percent(2.5, Some(10.0)), Some(25.0));
        assert_eq!(percent(12.0, Some(10.0)), Some(100.0));
        assert_eq!(percent(3.0, None), None);
    }

    #[test]
    fn status_codes_and_letters_round_trip() {
        for s in ActionStatus::ALL {
            assert_eq!(s.code().parse::<ActionStatus>(), Ok(s));
            assert_eq!(ActionStatus::from_letter(s.letter()), Some(s));
        }
        for b in Blocker::ALL {
            assert_eq!(b.code().parse::<Blocker>(), Ok(b));
        }
    }
}
