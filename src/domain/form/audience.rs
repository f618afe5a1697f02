//! Who a questionnaire is launched to.

use std::fmt;
use std::str::FromStr;

use crate::domain::Role;
use crate::domain::ids::CooperativeId;

/// Answer deadlines offered when a questionnaire is launched, in days (besides "none").
pub const DEADLINE_CHOICES: [u16; 3] = [3, 7, 14];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Every reachable member of the cluster.
    Cluster,
    Cooperative(CooperativeId),
    Role(Role),
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Cluster => f.write_str("cluster"),
            Self::Cooperative(id) => write!(f, "cooperative:{id}"),
            Self::Role(role) => write!(f, "role:{role}"),
        }
    }
}

impl FromStr for Audience {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.split_once(':') {
            None if s == "cluster" => Ok(Self::Cluster),
            Some(("cooperative", id)) => {
                id.parse().map(Self::Cooperative).map_err(|_| format!("bad cooperative in '{s}'"))
            }
            Some(("role", role)) => role.parse().map(Self::Role).map_err(|e| format!("{e}")),
            _ => Err(format!("unknown audience '{s}'")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences_round_trip_through_their_codes() {
        for a in [Audience::Cluster, Audience::Cooperative(CooperativeId(12)), Audience::Role(Role::Leader)] {
            assert_eq!(a.to_string().parse::<Audience>(), Ok(a));
        }
        assert!("everyone".parse::<Audience>().is_err());
    }
}
