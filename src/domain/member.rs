//! Roles and personal attributes of cluster members.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a member does in a cluster. Ordered by reach: a CDA sees more than a leader,
/// a leader more than a producer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Producer,
    Leader,
    Cda,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Producer, Role::Leader, Role::Cda];

    pub fn code(self) -> &'static str {
        match self {
            Self::Producer => "producer",
            Self::Leader => "leader",
            Self::Cda => "cda",
        }
    }

    /// Producers and leaders belong to a cooperative when their cluster has any; CDAs serve
    /// the whole cluster.
    pub fn belongs_to_cooperative(self) -> bool {
        !matches!(self, Self::Cda)
    }

    /// A producer may work on their own; a leader leads a cooperative.
    pub fn cooperative_required(self) -> bool {
        matches!(self, Self::Leader)
    }

    /// Whether this role may use the CDA commands (invites, and later launches and exports).
    pub fn is_cda(self) -> bool {
        matches!(self, Self::Cda)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role '{0}': use producer, leader or cda")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|r| r.code() == s).ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// Gender, asked once and optional; needed to disaggregate M&E indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Woman,
    Man,
    /// The member chose "prefer not to say".
    Undisclosed,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Woman, Gender::Man, Gender::Undisclosed];

    pub fn code(self) -> &'static str {
        match self {
            Self::Woman => "woman",
            Self::Man => "man",
            Self::Undisclosed => "undisclosed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown gender '{0}'")]
pub struct UnknownGender(pub String);

impl FromStr for Gender {
    type Err = UnknownGender;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|g| g.code() == s).ok_or_else(|| UnknownGender(s.to_owned()))
    }
}

/// A display name as typed by a member (or known to Telegram), cleaned as
/// [`clean_name`](super::text::clean_name) does: one line of 1 to 64 characters with at least one letter.
pub fn parse_display_name(raw: &str) -> Option<String> {
    let name = super::text::clean_name(raw);
    name.chars().any(char::is_alphanumeric).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_leaders_must_pick_a_cooperative() {
        assert!(Role::Leader.cooperative_required());
        assert!(!Role::Producer.cooperative_required());
        assert!(Role::Producer.belongs_to_cooperative());
        assert!(!Role::Cda.belongs_to_cooperative());
    }

    #[test]
    fn roles_and_genders_round_trip_through_their_codes() {
        for r in Role::ALL {
            assert_eq!(r.code().parse::<Role>().unwrap(), r);
        }
        for g in Gender::ALL {
            assert_eq!(g.code().parse::<Gender>().unwrap(), g);
        }
        assert!("admin".parse::<Role>().is_err());
    }

    #[test]
    fn names_are_trimmed_and_collapsed_to_one_line() {
        assert_eq!(parse_display_name("  Amina \n  Benali "), Some("Amina Benali".into()));
        assert_eq!(parse_display_name("فاطمة الزهراء"), Some("فاطمة الزهراء".into()));
    }

    #[test]
    fn empty_garbage_or_letterless_names_are_refused() {
        assert_eq!(parse_display_name("   "), None);
        assert_eq!(parse_display_name("!!! ???"), None);
        assert_eq!(parse_display_name("\0\u{202E}\u{200B}\u{1b}"), None);
    }

    #[test]
    fn overlong_names_are_cut_to_64_characters() {
        assert_eq!(parse_display_name(&"a".repeat(65)), Some("a".repeat(64)));
    }
}
