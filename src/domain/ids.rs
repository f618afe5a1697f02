//! Ids that could be swapped by mistake are types of their own: a `MemberId` cannot be passed
//! where a `ClusterId` is expected. Each is the database row's integer key; it reads and
//! writes as that bare integer in JSON (stored dialogue states keep their shape) and in the
//! database (see `store/ids.rs`). Telegram's own numbers (chat and user ids) stay plain.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The row's integer key.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl From<i64> for $name {
            fn from(key: i64) -> Self {
                Self(key)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    )*};
}

ids! {
    /// A person known to the bot.
    MemberId;
    /// A cluster: the network of firms a CDA works with.
    ClusterId;
    /// A cooperative (or firm group) inside a cluster.
    CooperativeId;
    /// One imported version of a form (an XLSForm `form_id` and `version`).
    FormVersionId;
    /// A form sent to a cluster's members.
    LaunchId;
    /// One member's answers to one launch.
    ResponseId;
    /// A joint action of a cluster's action plan.
    ActionId;
    /// One progress report on a joint action.
    ReportId;
    /// A note (text, voice or photo) added to a progress report.
    ReportNoteId;
    /// A meeting of a cluster.
    MeetingId;
    /// A CDA's field note.
    FieldNoteId;
    /// An invite link.
    InviteId;
    /// A voice note, photo or document a member sent.
    MediaId;
    /// A member's question to the CDAs of their cluster.
    QuestionId;
    /// A message waiting in the outbox.
    OutboxId;
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! round_trip {
        ($($name:ident),*) => {$(
            let id = $name(i64::MAX - 7);
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, (i64::MAX - 7).to_string(), stringify!($name));
            assert_eq!(serde_json::from_str::<$name>(&json).unwrap(), id);
            assert_eq!(id.to_string().parse::<$name>().unwrap(), id);
        )*};
    }

    #[test]
    fn ids_read_and_write_as_bare_integers() {
        round_trip!(
            MemberId,
            ClusterId,
            CooperativeId,
            FormVersionId,
            LaunchId,
            ResponseId,
            ActionId,
            ReportId,
            ReportNoteId,
            MeetingId,
            FieldNoteId,
            InviteId,
            MediaId,
            OutboxId
        );
    }
}
