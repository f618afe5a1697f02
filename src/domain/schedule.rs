//! When clusterbot may disturb someone: reminders go out in the member's daytime, at most
//! once a day, only while there is still time to act.

use chrono::{DateTime, Duration, Timelike, Utc};
use chrono_tz::Tz;

/// A cluster's time zone by its IANA name. Names are checked when a cluster is created; a
/// name this build does not know (the zone database changes) falls back to UTC.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::UTC)
}

/// Local hours (start inclusive, end exclusive) in which reminders may arrive.
pub const DAYTIME: (u32, u32) = (8, 20);

/// Whether it is daytime at `now` in `tz` (daylight-saving time included).
pub fn is_daytime(now: DateTime<Utc>, tz: Tz) -> bool {
    let hour = now.with_timezone(&tz).hour();
    (DAYTIME.0..DAYTIME.1).contains(&hour)
}

/// Whether a member who has not finished a questionnaire should be reminded now: the
/// deadline is still ahead, they were invited at least half a day ago, the last reminder is
/// more than a day old, and it is daytime where they live.
pub fn nudge_due(
    now: DateTime<Utc>,
    tz: Tz,
    invited_at: DateTime<Utc>,
    last_nudge_at: Option<DateTime<Utc>>,
    deadline_at: DateTime<Utc>,
) -> bool {
    deadline_at > now
        && now - invited_at >= Duration::hours(12)
        && last_nudge_at.is_none_or(|last| now - last >= Duration::hours(23))
        && is_daytime(now, tz)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn nights_are_quiet_in_the_members_own_time_zone() {
        let karachi: Tz = "Asia/Karachi".parse().unwrap(); // UTC+5
        assert!(!is_daytime(utc(2026, 6, 1, 1), karachi), "06:00 in Karachi");
        assert!(is_daytime(utc(2026, 6, 1, 4), karachi), "09:00 in Karachi");
        assert!(!is_daytime(utc(2026, 6, 1, 16), karachi), "21:00 in Karachi");
    }

    #[test]
    fn daylight_saving_moves_the_quiet_hours_with_the_clock() {
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        // 07:30 UTC is 08:30 in winter (UTC+1) and 09:30 in summer (UTC+2): daytime both.
        // 06:30 UTC is 07:30 in winter (night) but 08:30 in summer (daytime).
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 6, 30, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 6, 30, 0).unwrap();
        assert!(!is_daytime(winter, madrid));
        assert!(is_daytime(summer, madrid));
    }

    #[test]
    fn at_most_one_reminder_a_day_and_none_after_the_deadline() {
        let tz: Tz = "Africa/Tunis".parse().unwrap(); // UTC+1
        let invited = utc(2026, 3, 1, 9);
        let deadline = utc(2026, 3, 8, 9);
        let morning = utc(2026, 3, 2, 9);
        assert!(nudge_due(morning, tz, invited, None, deadline));
        assert!(!nudge_due(morning, tz, invited, Some(morning - Duration::hours(3)), deadline), "one a day");
        assert!(nudge_due(morning, tz, invited, Some(morning - Duration::hours(24)), deadline));
        assert!(
            !nudge_due(utc(2026, 3, 1, 15), tz, invited, None, deadline),
            "not right after the invitation"
        );
        assert!(!nudge_due(utc(2026, 3, 9, 9), tz, invited, None, deadline), "not after the deadline");
        assert!(!nudge_due(utc(2026, 3, 2, 22), tz, invited, None, deadline), "not at night");
    }
}
