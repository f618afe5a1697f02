//! Invite codes: how members join a cluster.

use crate::domain::ids::MemberId;
use crate::domain::ids::{ClusterId, CooperativeId, InviteId};
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use rand::Rng;

use super::Role;

/// Alphabet of invite codes: 32 symbols without look-alikes (no 0/O, 1/I/L), so a code
/// read aloud or copied by hand survives. Each symbol carries 5 bits.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZa";
/// 16 symbols × 5 bits = 80 bits of randomness (the floor is 64).
pub const CODE_LEN: usize = 16;

/// A random invite code, safe to put in a `t.me/<bot>?start=<code>` deep link
/// (Telegram allows `[A-Za-z0-9_-]`, up to 64 characters).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InviteCode(String);

impl InviteCode {
    /// Draws a fresh code from the thread-local CSPRNG (ChaCha, seeded by the OS).
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let code = (0..CODE_LEN).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect();
        Self(code)
    }

    /// Accepts what a user sends after `/start`; anything that cannot be a code is `None`,
    /// so it never reaches the database.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        (raw.len() == CODE_LEN && raw.bytes().all(|b| ALPHABET.contains(&b))).then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for InviteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a new invite grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteSpec {
    pub cluster_id: ClusterId,
    pub role: Role,
    pub cooperative_id: Option<CooperativeId>,
    pub max_uses: i64,
    pub expires_at: DateTime<Utc>,
    pub created_by: Option<MemberId>,
}

/// An invite as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub invite_id: InviteId,
    pub code: String,
    pub cluster_id: ClusterId,
    pub role: Role,
    pub cooperative_id: Option<CooperativeId>,
    pub max_uses: i64,
    pub uses: i64,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Why an invite cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteProblem {
    Unknown,
    Expired,
    UsedUp,
}

impl Invite {
    pub fn check_usable(&self, now: DateTime<Utc>) -> Result<(), InviteProblem> {
        if self.revoked_at.is_some() || self.expires_at <= now {
            Err(InviteProblem::Expired)
        } else if self.uses >= self.max_uses {
            Err(InviteProblem::UsedUp)
        } else {
            Ok(())
        }
    }
}

/// Parses a validity such as `7d`, `12h`, `30m` or `2w`.
pub fn parse_validity(raw: &str) -> Result<Duration, String> {
    let raw = raw.trim();
    let err = || format!("'{raw}' is not a duration: write a number and a unit, e.g. 7d, 12h, 30m or 2w");
    let unit = raw.chars().last().ok_or_else(err)?;
    let number: i64 = raw[..raw.len() - unit.len_utf8()].parse().map_err(|_| err())?;
    if number <= 0 {
        return Err(err());
    }
    let duration = match unit {
        'm' => Duration::try_minutes(number),
        'h' => Duration::try_hours(number),
        'd' => Duration::try_days(number),
        'w' => Duration::try_weeks(number),
        _ => None,
    };
    duration
        .filter(|d| *d <= Duration::days(366))
        .ok_or_else(|| format!("'{raw}' is not a validity between 1 minute and 366 days"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_carry_80_random_bits_and_parse_back() {
        // As the README promises: 16 symbols of 5 bits, every symbol of the alphabet drawn.
        let bits = CODE_LEN as f64 * (ALPHABET.len() as f64).log2();
        assert_eq!(bits, 80.0);
        assert_eq!(ALPHABET.iter().collect::<std::collections::BTreeSet<_>>().len(), 32, "no symbol twice");
        let codes: Vec<_> = (0..300).map(|_| InviteCode::generate()).collect();
        assert!(codes.iter().all(|c| c.as_str().len() == CODE_LEN));
        let used: std::collections::BTreeSet<u8> = codes.iter().flat_map(|c| c.as_str().bytes()).collect();
        // 4800 draws: a symbol that never comes up would mean fewer than 5 bits per symbol.
        assert_eq!(used.len(), ALPHABET.len(), "every symbol is drawn: {used:?}");
        let code = InviteCode::generate();
        assert_eq!(InviteCode::parse(code.as_str()), Some(code.clone()));
        assert_ne!(InviteCode::generate(), code);
    }

    #[test]
    fn codes_fit_telegram_deep_links() {
        let code = InviteCode::generate();
        assert!(code.as_str().len() <= 64);
        assert!(code.as_str().bytes().all(|b| b.is_ascii_alphanumeric()));
    }

    #[test]
    fn garbage_after_start_is_not_a_code() {
        assert_eq!(InviteCode::parse(""), None);
        assert_eq!(InviteCode::parse("hello"), None);
        assert_eq!(InviteCode::parse("0000000000000000"), None, "0 is not in the alphabet");
        assert_eq!(InviteCode::parse("'; drop table x;--"), None);
    }

    #[test]
    fn validities_parse_in_common_units() {
        assert_eq!(parse_validity("7d"), Ok(Duration::days(7)));
        assert_eq!(parse_validity("12h"), Ok(Duration::hours(12)));
        assert_eq!(parse_validity("30m"), Ok(Duration::minutes(30)));
        assert_eq!(parse_validity("2w"), Ok(Duration::weeks(2)));
    }

    #[test]
    fn bad_validities_say_how_to_write_one() {
        for bad in ["", "d", "7", "-1d", "0d", "7y", "5000d", "٧d"] {
            let err = parse_validity(bad).unwrap_err();
            assert!(err.contains("7d") || err.contains("366"), "{bad}: {err}");
        }
    }

    fn invite(uses: i64, max_uses: i64, expires_in: Duration) -> Invite {
        Invite {
            invite_id: InviteId(1),
            code: "x".into(),
            cluster_id: ClusterId(1),
            role: Role::Producer,
            cooperative_id: None,
            max_uses,
            uses,
            expires_at: Utc::now() + expires_in,
            revoked_at: None,
        }
    }

    #[test]
    fn an_invite_is_usable_until_it_expires_or_is_used_up() {
        let now = Utc::now();
        assert_eq!(invite(0, 1, Duration::hours(1)).check_usable(now), Ok(()));
        assert_eq!(invite(1, 1, Duration::hours(1)).check_usable(now), Err(InviteProblem::UsedUp));
        assert_eq!(invite(0, 1, Duration::hours(-1)).check_usable(now), Err(InviteProblem::Expired));
    }
}
