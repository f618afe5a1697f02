//! The onboarding dialogue: the steps a new member goes through after opening an invite,
//! and what has been collected so far. The value is persisted after every step, so a
//! restart of the bot resumes exactly where the member was.

use serde::{Deserialize, Serialize};

use super::{Gender, Locale};
use crate::domain::ids::{ActionId, ClusterId, InviteId, MediaId, ReportId, ResponseId};

/// What the bot is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Language,
    Consent,
    Name,
    Gender,
    Cooperative,
}

/// An onboarding in progress. Nothing of it is stored as member data until the last step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onboarding {
    pub invite_id: InviteId,
    pub step: Step,
    pub locale: Locale,
    /// The name Telegram knows, offered as a one-tap answer.
    pub suggested_name: Option<String>,
    pub name: Option<String>,
    /// The name given as a voice note (kept for the CDAs, who may type it later).
    #[serde(default)]
    pub name_voice: Option<MediaId>,
    pub gender: Option<Gender>,
    /// Whether the member still has to pick a cooperative (their role belongs to one, the
    /// invite did not name one, and the cluster has some).
    #[serde(default)]
    pub asks_cooperative: bool,
}

/// Where a step leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Ask(Step),
    /// Everything is collected: create the member.
    Finish,
}

impl Onboarding {
    pub fn new(
        invite_id: InviteId,
        locale: Locale,
        suggested_name: Option<String>,
        asks_cooperative: bool,
    ) -> Self {
        Self {
            invite_id,
            step: Step::Language,
            locale,
            suggested_name,
            name: None,
            name_voice: None,
            gender: None,
            asks_cooperative,
        }
    }

    /// The step after the current one.
    pub fn next(&self) -> Next {
        match self.step {
            Step::Language => Next::Ask(Step::Consent),
            Step::Consent => Next::Ask(Step::Name),
            Step::Name => Next::Ask(Step::Gender),
            Step::Gender if self.asks_cooperative => Next::Ask(Step::Cooperative),
            Step::Gender | Step::Cooperative => Next::Finish,
        }
    }

    /// The step before the current one ("⬅️ back"); the first step has none.
    pub fn previous(&self) -> Option<Step> {
        match self.step {
            Step::Language => None,
            Step::Consent => Some(Step::Language),
            Step::Name => Some(Step::Consent),
            Step::Gender => Some(Step::Name),
            Step::Cooperative => Some(Step::Gender),
        }
    }
}

/// A dialogue a chat is in. No row at all means the chat is idle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "dialogue", rename_all = "snake_case")]
pub enum Dialogue {
    Onboarding(Onboarding),
    /// Answering a questionnaire; where they are is kept with the response.
    Questionnaire {
        response_id: ResponseId,
    },
    /// A progress report was recorded; notes sent now are attached to it.
    ReportNotes {
        report_id: ReportId,
    },
    /// A report waiting for a progress figure, typed or tapped.
    ReportProgress {
        report_id: ReportId,
    },
    /// A CDA adding a joint action.
    NewAction(crate::domain::action::ActionDraft),
    /// A CDA or leader scheduling or moving a meeting.
    Meeting(crate::domain::meeting::MeetingDraft),
    /// A CDA typing an action's title in another language.
    ActionTitle {
        action_id: ActionId,
        locale: Locale,
    },
    /// A member's next message (text or voice) goes to the CDAs of the cluster.
    AskCda {
        cluster_id: ClusterId,
    },
    /// A CDA typing the name of a member who gave it as a voice note.
    MemberName {
        member_id: crate::domain::ids::MemberId,
    },
}

impl Dialogue {
    /// How long a dialogue lasts without a word: notes belong to a report for a while after
    /// it, not forever. `None`: until it ends.
    pub fn lifetime(&self) -> Option<chrono::Duration> {
        match self {
            Self::ReportNotes { .. } | Self::ReportProgress { .. } => {
                Some(chrono::Duration::minutes(REPORT_NOTES_MINUTES))
            }
            Self::AskCda { .. } | Self::MemberName { .. } => Some(chrono::Duration::minutes(ASK_MINUTES)),
            _ => None,
        }
    }
}

/// How long after a report the member's messages are attached to it as notes.
pub const REPORT_NOTES_MINUTES: i64 = 30;

/// How long "🙋 Ask my CDA" (or typing a member's name) waits for the message.
pub const ASK_MINUTES: i64 = 30;

/// A chat's dialogue as read back from storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Resumed {
    /// No dialogue: the chat is idle.
    Idle,
    In(Dialogue),
    /// A state that no longer reads (written by an older version of the bot): it is
    /// dropped, and this is what could still be told of where the member was.
    Lost(LostDialogue),
}

/// What survives of a dialogue that no longer reads: enough to ask again where the member
/// was (the invite they were joining with, the questionnaire they were answering).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LostDialogue {
    /// The dialogue's kind as stored (`onboarding`, `questionnaire`, …), if readable.
    pub kind: Option<String>,
    pub invite_id: Option<InviteId>,
    pub response_id: Option<ResponseId>,
    /// The language the dialogue was held in, if it kept one.
    pub locale: Option<Locale>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(step: Step, asks_cooperative: bool) -> Onboarding {
        Onboarding { step, ..Onboarding::new(InviteId(1), Locale::En, None, asks_cooperative) }
    }

    #[test]
    fn the_cooperative_is_asked_only_when_needed() {
        assert_eq!(at(Step::Gender, true).next(), Next::Ask(Step::Cooperative));
        assert_eq!(at(Step::Gender, false).next(), Next::Finish);
        assert_eq!(at(Step::Cooperative, true).next(), Next::Finish);
    }

    #[test]
    fn steps_go_language_consent_name_gender() {
        let mut o = at(Step::Language, false);
        let mut seen = vec![o.step];
        while let Next::Ask(step) = o.next() {
            o.step = step;
            seen.push(step);
        }
        assert_eq!(seen, vec![Step::Language, Step::Consent, Step::Name, Step::Gender]);
    }

    #[test]
    fn back_walks_the_same_path_in_reverse() {
        assert_eq!(at(Step::Language, true).previous(), None);
        assert_eq!(at(Step::Cooperative, true).previous(), Some(Step::Gender));
        assert_eq!(at(Step::Consent, true).previous(), Some(Step::Language));
    }

    #[test]
    fn a_dialogue_survives_a_round_trip_through_json() {
        let d = Dialogue::Onboarding(Onboarding {
            name: Some("Aïcha".into()),
            gender: Some(Gender::Woman),
            ..at(Step::Cooperative, true)
        });
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Dialogue>(&json).unwrap(), d);
    }
}
