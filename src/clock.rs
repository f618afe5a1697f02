//! The time the bot lives in. In production it is the system clock; only `clusterbot
//! sandbox` moves it forward (its "⏩ time" control), so reminders, check-ins and deadlines
//! can be seen firing without waiting for them. Nothing else ever sets the offset.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

/// How far this process's clock is ahead of the system clock, in microseconds.
static AHEAD_MICROS: AtomicI64 = AtomicI64::new(0);

/// The current time: the system clock plus whatever the sandbox moved it forward by.
pub fn now() -> DateTime<Utc> {
    Utc::now() + ahead()
}

/// How far the clock has been moved forward.
pub fn ahead() -> Duration {
    Duration::microseconds(AHEAD_MICROS.load(Ordering::Relaxed))
}

/// Moves the clock forward by `by` (never back: what is stored stays in order). For the
/// sandbox only.
pub fn advance(by: Duration) {
    let micros = by.num_microseconds().unwrap_or(0).max(0);
    AHEAD_MICROS.fetch_add(micros, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    // The offset is per process: nextest (the project's runner) gives each test its own.
    #[test]
    fn the_clock_moves_forward_only() {
        let before = now();
        advance(Duration::hours(24));
        advance(Duration::hours(-5));
        assert_eq!(ahead(), Duration::hours(24), "a negative step is ignored");
        assert!(now() - before >= Duration::hours(24));
    }
}
