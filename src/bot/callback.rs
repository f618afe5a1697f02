//! Compact, language-free `callback_data` codes (Telegram allows 64 bytes). Translated
//! text never goes into callback data: buttons carry codes, the label is Fluent's.
//! Any code that does not decode — an old layout, a forged one — is answered as expired.

use std::fmt::Write;

use crate::domain::action::{Blocker, DUE_MONTH_CHOICES, PERCENT_CHOICES, RHYTHM_CHOICES};
use crate::domain::form::audience::DEADLINE_CHOICES;
use crate::domain::meeting::REMINDER_CHOICES;
use crate::domain::{Gender, Locale, Role};

/// A number read from a button, kept only if the keyboard offers it: the same constants
/// build the keyboards, so a forged value (65535 days) is refused like any old layout.
fn offered<T: std::str::FromStr + PartialEq>(raw: &str, choices: &[T]) -> Option<T> {
    raw.parse().ok().filter(|v| choices.contains(v))
}

/// The same for a choice that may also be "none" (0).
fn offered_or_none(raw: &str, choices: &[u16]) -> Option<u16> {
    raw.parse().ok().filter(|v| *v == 0 || choices.contains(v))
}

/// An index into a list of `len` entries.
fn index_below(raw: &str, len: usize) -> Option<u8> {
    raw.parse().ok().filter(|i: &u8| usize::from(*i) < len)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    MyData,
    Language,
    Help,
    Invite,
    Questionnaires,
    Launch,
    Results,
    Report,
    Progress,
    Meetings,
    Export,
}

/// What a button on a question does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    /// Start, or continue where the member stopped.
    Start,
    /// A choice, by its index in the form's list.
    Choice(u32),
    /// Finish a select_multiple.
    Done,
    Skip,
    Back,
    Repeat,
    /// Past a note or an acknowledgement.
    Next,
    /// A date button: 0 today, 1 yesterday.
    DaysAgo(u8),
    /// A number keypad button.
    Number(i64),
}

/// A button of a questionnaire: which response, at which item (so a button of an earlier
/// question is recognised as old), and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormButton {
    pub response_id: i64,
    pub position: u32,
    pub action: FormAction,
}

/// Where a launch being prepared by a CDA stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaunchDraft {
    pub cluster_id: i64,
    pub form_pk: Option<i64>,
    pub audience: Option<crate::domain::form::Audience>,
    /// Deadline in days; `Some(0)`: none.
    pub days: Option<u16>,
}

/// Where an invite being made in the chat stands; each button carries the choices so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InviteDraft {
    pub role: Role,
    pub cluster_id: Option<i64>,
    /// `Some(None)`: "no cooperative" was chosen.
    pub cooperative: Option<Option<i64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callback {
    Language(Locale),
    Consent(bool),
    /// "That is my name": take the name Telegram knows.
    SuggestedName,
    Gender(Gender),
    /// A cooperative, or none.
    Cooperative(Option<i64>),
    Back,
    Menu(MenuItem),
    Forget(bool),
    Invite(InviteDraft),
    Form(FormButton),
    Launch(LaunchDraft),
    /// Results of a launch; with an item index, that question's chart.
    Results {
        launch_id: i64,
        item: Option<u32>,
    },
    Report(ReportButton),
    /// CDA/leader views of the action plan.
    Progress(ProgressButton),
    /// Adding a joint action: a choice at the current step.
    Draft(DraftButton),
    Meeting(MeetingButton),
    Note(NoteButton),
    Export(ExportButton),
}

/// An export being chosen: cluster, then dataset (index in `Dataset::ALL`), form (for
/// responses), format (0 CSV, 1 XLSX, 2 XLSX with a media ZIP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportButton {
    pub cluster_id: i64,
    pub dataset: Option<u8>,
    pub form_pk: Option<i64>,
    pub format: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteButton {
    /// Tag a field note (index in `notes::TAGS`).
    Tag(i64, u8),
    /// Work in this cluster.
    Cluster(i64),
    /// Send a note's media back.
    Media(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingButton {
    Rsvp(i64, crate::domain::meeting::Rsvp),
    /// Schedule in this cluster.
    InCluster(i64),
    Open(i64),
    RemindUnanswered(i64),
    Move(i64),
    Cancel(i64),
    CancelConfirmed(i64),
    /// Scheduling: a day (as YYYYMMDD).
    Day(u32),
    /// Scheduling: an hour (as HHMM).
    Hour(u16),
    Audience(crate::domain::meeting::MeetingAudience),
    /// Toggle a reminder (minutes before).
    Reminder(u16),
    RemindersDone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportButton {
    /// Report on this action.
    Pick(i64),
    /// One-tap status, from the report flow or a check-in.
    Status(i64, crate::domain::action::ActionStatus),
    /// What blocks the action (index in `Blocker::ALL`).
    Blocker(i64, u8),
    /// A progress button: percent.
    Percent(i64, u8),
    Finish(i64),
    Undo(i64),
    /// "Yes, it is finished": the confirmed ✅ Done of an action.
    ConfirmDone(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressButton {
    /// An action's history.
    History(i64),
    /// Send the voice note or photo of a report note.
    Media(i64),
    /// The status chart of a cluster.
    Chart(i64),
    /// Start adding an action in a cluster.
    Add(i64),
    /// Give an action's title in another language: choose the language…
    Translate(i64),
    /// …then type the title.
    TranslateTo(i64, Locale),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftButton {
    Skip,
    /// Toggle a cooperative as owner.
    Owner(i64),
    OwnersDone,
    /// Start today.
    Today,
    /// Due in so many months.
    Months(u8),
    /// Check-in every so many days (0: none).
    Rhythm(u16),
}

fn rsvp_letter(r: crate::domain::meeting::Rsvp) -> char {
    use crate::domain::meeting::Rsvp;
    match r {
        Rsvp::Coming => 'c',
        Rsvp::NotComing => 'n',
        Rsvp::Maybe => 'm',
    }
}

fn meeting_audience_code(a: crate::domain::meeting::MeetingAudience) -> String {
    use crate::domain::meeting::MeetingAudience as A;
    match a {
        A::Cluster => "c".into(),
        A::Leaders => "l".into(),
        A::Commission => "x".into(),
        A::Cooperative(id) => format!("k{}", b36(id)),
    }
}

fn parse_meeting_audience(s: &str) -> Option<crate::domain::meeting::MeetingAudience> {
    use crate::domain::meeting::MeetingAudience as A;
    match s.split_at_checked(1)? {
        ("c", "") => Some(A::Cluster),
        ("l", "") => Some(A::Leaders),
        ("x", "") => Some(A::Commission),
        ("k", id) => from_b36(id).map(A::Cooperative),
        _ => None,
    }
}

const MAX_LEN: usize = 64;

fn opt_id(raw: &str) -> Option<Option<i64>> {
    match raw {
        "-" => Some(None),
        id => id.parse().ok().map(Some),
    }
}

/// Ids (always positive) in base 36 keep the longest codes well under 64 bytes.
fn b36(id: i64) -> String {
    let mut n = id.unsigned_abs();
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

fn from_b36(s: &str) -> Option<i64> {
    if s.is_empty() || s.starts_with('-') {
        return None;
    }
    i64::from_str_radix(s, 36).ok()
}

fn audience_code(a: crate::domain::form::Audience) -> String {
    use crate::domain::form::Audience;
    match a {
        Audience::Cluster => "c".into(),
        Audience::Cooperative(id) => format!("k{}", b36(id)),
        Audience::Role(role) => format!("r{}", role.code()),
    }
}

fn parse_audience(s: &str) -> Option<crate::domain::form::Audience> {
    use crate::domain::form::Audience;
    match s.split_at_checked(1)? {
        ("c", "") => Some(Audience::Cluster),
        ("k", id) => from_b36(id).map(Audience::Cooperative),
        ("r", role) => role.parse().ok().map(Audience::Role),
        _ => None,
    }
}

/// Date buttons of a questionnaire: today, yesterday.
pub const DAYS_AGO_CHOICES: [u8; 2] = [0, 1];

fn form_action_code(a: FormAction) -> String {
    match a {
        FormAction::Start => "s".into(),
        FormAction::Choice(i) => format!("c{i}"),
        FormAction::Done => "d".into(),
        FormAction::Skip => "k".into(),
        FormAction::Back => "b".into(),
        FormAction::Repeat => "r".into(),
        FormAction::Next => "n".into(),
        FormAction::DaysAgo(d) => format!("t{d}"),
        FormAction::Number(n) => format!("v{n}"),
    }
}

fn parse_form_action(s: &str) -> Option<FormAction> {
    let (head, rest) = s.split_at_checked(1)?;
    Some(match (head, rest) {
        ("s", "") => FormAction::Start,
        ("c", i) => FormAction::Choice(i.parse().ok()?),
        ("d", "") => FormAction::Done,
        ("k", "") => FormAction::Skip,
        ("b", "") => FormAction::Back,
        ("r", "") => FormAction::Repeat,
        ("n", "") => FormAction::Next,
        ("t", d) => FormAction::DaysAgo(offered(d, &DAYS_AGO_CHOICES)?),
        ("v", n) => FormAction::Number(n.parse().ok()?),
        _ => return None,
    })
}

impl Callback {
    pub fn encode(&self) -> String {
        let code = match self {
            Self::Language(l) => format!("l:{}", l.code()),
            Self::Consent(yes) => format!("c:{}", if *yes { 'y' } else { 'n' }),
            Self::SuggestedName => "n".to_owned(),
            Self::Gender(g) => format!("g:{}", g.code()),
            Self::Cooperative(Some(id)) => format!("k:{id}"),
            Self::Cooperative(None) => "k:-".to_owned(),
            Self::Back => "b".to_owned(),
            Self::Menu(item) => format!(
                "m:{}",
                match item {
                    MenuItem::MyData => "data",
                    MenuItem::Language => "lang",
                    MenuItem::Help => "help",
                    MenuItem::Invite => "inv",
                    MenuItem::Questionnaires => "forms",
                    MenuItem::Launch => "launch",
                    MenuItem::Results => "res",
                    MenuItem::Report => "rep",
                    MenuItem::Progress => "prog",
                    MenuItem::Meetings => "meet",
                    MenuItem::Export => "exp",
                }
            ),
            Self::Forget(yes) => format!("f:{}", if *yes { 'y' } else { 'n' }),
            Self::Invite(d) => {
                let mut s = format!("i:{}", d.role.code());
                if let Some(cluster) = d.cluster_id {
                    write!(s, ":{cluster}").expect("writing to a String");
                    if let Some(coop) = d.cooperative {
                        match coop {
                            Some(id) => write!(s, ":{id}").expect("writing to a String"),
                            None => s.push_str(":-"),
                        }
                    }
                }
                s
            }
            Self::Form(b) => {
                format!("q:{}:{}:{}", b36(b.response_id), b.position, form_action_code(b.action))
            }
            Self::Launch(d) => {
                let mut s = format!("L:{}", b36(d.cluster_id));
                if let Some(form) = d.form_pk {
                    write!(s, ":{}", b36(form)).expect("writing to a String");
                    if let Some(audience) = d.audience {
                        write!(s, ":{}", audience_code(audience)).expect("writing to a String");
                        if let Some(days) = d.days {
                            write!(s, ":{days}").expect("writing to a String");
                        }
                    }
                }
                s
            }
            Self::Report(r) => match r {
                ReportButton::Pick(a) => format!("a:{}", b36(*a)),
                ReportButton::Status(a, s) => format!("as:{}:{}", b36(*a), s.letter()),
                ReportButton::Blocker(r, i) => format!("ab:{}:{i}", b36(*r)),
                ReportButton::Percent(r, p) => format!("ap:{}:{p}", b36(*r)),
                ReportButton::Finish(r) => format!("af:{}", b36(*r)),
                ReportButton::Undo(r) => format!("au:{}", b36(*r)),
                ReportButton::ConfirmDone(a) => format!("ad:{}", b36(*a)),
            },
            Self::Progress(p) => match p {
                ProgressButton::History(a) => format!("ph:{}", b36(*a)),
                ProgressButton::Media(n) => format!("pm:{}", b36(*n)),
                ProgressButton::Chart(c) => format!("pc:{}", b36(*c)),
                ProgressButton::Add(c) => format!("pa:{}", b36(*c)),
                ProgressButton::Translate(a) => format!("pt:{}", b36(*a)),
                ProgressButton::TranslateTo(a, l) => format!("pl:{}:{}", b36(*a), l.code()),
            },
            Self::Draft(d) => match d {
                DraftButton::Skip => "d:skip".to_owned(),
                DraftButton::Owner(c) => format!("d:o{}", b36(*c)),
                DraftButton::OwnersDone => "d:od".to_owned(),
                DraftButton::Today => "d:today".to_owned(),
                DraftButton::Months(m) => format!("d:m{m}"),
                DraftButton::Rhythm(r) => format!("d:r{r}"),
            },
            Self::Meeting(m) => match m {
                MeetingButton::Rsvp(id, r) => format!("mv:{}:{}", b36(*id), rsvp_letter(*r)),
                MeetingButton::Open(id) => format!("mo:{}", b36(*id)),
                MeetingButton::InCluster(id) => format!("mc:{}", b36(*id)),
                MeetingButton::RemindUnanswered(id) => format!("mr:{}", b36(*id)),
                MeetingButton::Move(id) => format!("mt:{}", b36(*id)),
                MeetingButton::Cancel(id) => format!("mx:{}", b36(*id)),
                MeetingButton::CancelConfirmed(id) => format!("my:{}", b36(*id)),
                MeetingButton::Day(d) => format!("md:{d}"),
                MeetingButton::Hour(h) => format!("mh:{h}"),
                MeetingButton::Audience(a) => format!("ma:{}", meeting_audience_code(*a)),
                MeetingButton::Reminder(m) => format!("mm:{m}"),
                MeetingButton::RemindersDone => "mmd".to_owned(),
            },
            Self::Export(e) => {
                let mut s = format!("x:{}", b36(e.cluster_id));
                if let Some(d) = e.dataset {
                    write!(s, ":{d}:{}", e.form_pk.map(b36).unwrap_or_else(|| "-".into()))
                        .expect("writing to a String");
                    if let Some(f) = e.format {
                        write!(s, ":{f}").expect("writing to a String");
                    }
                }
                s
            }
            Self::Note(n) => match n {
                NoteButton::Tag(id, i) => format!("nt:{}:{i}", b36(*id)),
                NoteButton::Cluster(id) => format!("nc:{}", b36(*id)),
                NoteButton::Media(id) => format!("nm:{}", b36(*id)),
            },
            Self::Results { launch_id, item } => match item {
                Some(i) => format!("R:{}:{i}", b36(*launch_id)),
                None => format!("R:{}", b36(*launch_id)),
            },
        };
        debug_assert!(code.len() <= MAX_LEN);
        code
    }

    pub fn decode(data: &str) -> Option<Self> {
        if data.len() > MAX_LEN {
            return None;
        }
        let mut parts = data.split(':');
        let head = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        let cb = match (head, rest.as_slice()) {
            ("l", [code]) => Self::Language(code.parse().ok()?),
            ("c", ["y"]) => Self::Consent(true),
            ("c", ["n"]) => Self::Consent(false),
            ("n", []) => Self::SuggestedName,
            ("g", [code]) => Self::Gender(code.parse().ok()?),
            ("k", [id]) => Self::Cooperative(opt_id(id)?),
            ("b", []) => Self::Back,
            ("m", ["data"]) => Self::Menu(MenuItem::MyData),
            ("m", ["lang"]) => Self::Menu(MenuItem::Language),
            ("m", ["help"]) => Self::Menu(MenuItem::Help),
            ("m", ["inv"]) => Self::Menu(MenuItem::Invite),
            ("m", ["forms"]) => Self::Menu(MenuItem::Questionnaires),
            ("m", ["launch"]) => Self::Menu(MenuItem::Launch),
            ("m", ["res"]) => Self::Menu(MenuItem::Results),
            ("m", ["rep"]) => Self::Menu(MenuItem::Report),
            ("m", ["prog"]) => Self::Menu(MenuItem::Progress),
            ("m", ["meet"]) => Self::Menu(MenuItem::Meetings),
            ("m", ["exp"]) => Self::Menu(MenuItem::Export),
            ("q", [rid, pos, action]) => Self::Form(FormButton {
                response_id: from_b36(rid)?,
                position: pos.parse().ok()?,
                action: parse_form_action(action)?,
            }),
            ("L", [cluster, more @ ..]) if more.len() <= 3 => Self::Launch(LaunchDraft {
                cluster_id: from_b36(cluster)?,
                form_pk: more.first().map(|f| from_b36(f).ok_or(())).transpose().ok()?,
                audience: more.get(1).map(|a| parse_audience(a).ok_or(())).transpose().ok()?,
                days: more
                    .get(2)
                    .map(|d| offered_or_none(d, &DEADLINE_CHOICES).ok_or(()))
                    .transpose()
                    .ok()?,
            }),
            ("a", [a]) => Self::Report(ReportButton::Pick(from_b36(a)?)),
            ("as", [a, s]) => Self::Report(ReportButton::Status(
                from_b36(a)?,
                crate::domain::action::ActionStatus::from_letter(s.chars().next().filter(|_| s.len() == 1)?)?,
            )),
            ("ab", [r, i]) => {
                Self::Report(ReportButton::Blocker(from_b36(r)?, index_below(i, Blocker::ALL.len())?))
            }
            ("ap", [r, p]) => {
                Self::Report(ReportButton::Percent(from_b36(r)?, offered(p, &PERCENT_CHOICES)?))
            }
            ("af", [r]) => Self::Report(ReportButton::Finish(from_b36(r)?)),
            ("au", [r]) => Self::Report(ReportButton::Undo(from_b36(r)?)),
            ("ad", [a]) => Self::Report(ReportButton::ConfirmDone(from_b36(a)?)),
            ("ph", [a]) => Self::Progress(ProgressButton::History(from_b36(a)?)),
            ("pm", [n]) => Self::Progress(ProgressButton::Media(from_b36(n)?)),
            ("pc", [c]) => Self::Progress(ProgressButton::Chart(from_b36(c)?)),
            ("pa", [c]) => Self::Progress(ProgressButton::Add(from_b36(c)?)),
            ("pt", [a]) => Self::Progress(ProgressButton::Translate(from_b36(a)?)),
            ("pl", [a, l]) => Self::Progress(ProgressButton::TranslateTo(from_b36(a)?, l.parse().ok()?)),
            ("d", ["skip"]) => Self::Draft(DraftButton::Skip),
            ("d", ["od"]) => Self::Draft(DraftButton::OwnersDone),
            ("d", ["today"]) => Self::Draft(DraftButton::Today),
            ("d", [x]) if x.starts_with('o') => Self::Draft(DraftButton::Owner(from_b36(&x[1..])?)),
            ("d", [x]) if x.starts_with('m') => {
                Self::Draft(DraftButton::Months(offered(&x[1..], &DUE_MONTH_CHOICES)?))
            }
            ("d", [x]) if x.starts_with('r') => {
                Self::Draft(DraftButton::Rhythm(offered_or_none(&x[1..], &RHYTHM_CHOICES)?))
            }
            ("mv", [id, r]) => Self::Meeting(MeetingButton::Rsvp(
                from_b36(id)?,
                match *r {
                    "c" => crate::domain::meeting::Rsvp::Coming,
                    "n" => crate::domain::meeting::Rsvp::NotComing,
                    "m" => crate::domain::meeting::Rsvp::Maybe,
                    _ => return None,
                },
            )),
            ("mo", [id]) => Self::Meeting(MeetingButton::Open(from_b36(id)?)),
            ("mc", [id]) => Self::Meeting(MeetingButton::InCluster(from_b36(id)?)),
            ("mr", [id]) => Self::Meeting(MeetingButton::RemindUnanswered(from_b36(id)?)),
            ("mt", [id]) => Self::Meeting(MeetingButton::Move(from_b36(id)?)),
            ("mx", [id]) => Self::Meeting(MeetingButton::Cancel(from_b36(id)?)),
            ("my", [id]) => Self::Meeting(MeetingButton::CancelConfirmed(from_b36(id)?)),
            ("md", [d]) => Self::Meeting(MeetingButton::Day(d.parse().ok()?)),
            ("mh", [h]) => Self::Meeting(MeetingButton::Hour(
                h.parse().ok().filter(|h: &u16| *h < 2400 && h % 100 < 60)?,
            )),
            ("ma", [a]) => Self::Meeting(MeetingButton::Audience(parse_meeting_audience(a)?)),
            ("mm", [m]) => Self::Meeting(MeetingButton::Reminder(
                m.parse().ok().filter(|m: &u16| REMINDER_CHOICES.contains(&i64::from(*m)))?,
            )),
            ("mmd", []) => Self::Meeting(MeetingButton::RemindersDone),
            ("x", [cluster]) => Self::Export(ExportButton {
                cluster_id: from_b36(cluster)?,
                dataset: None,
                form_pk: None,
                format: None,
            }),
            ("x", [cluster, d, form, more @ ..]) if more.len() <= 1 => Self::Export(ExportButton {
                cluster_id: from_b36(cluster)?,
                dataset: Some(index_below(d, crate::export::Dataset::ALL.len())?),
                form_pk: match *form {
                    "-" => None,
                    f => Some(from_b36(f)?),
                },
                format: more
                    .first()
                    .map(|f| offered(f, &super::exports::FORMATS).ok_or(()))
                    .transpose()
                    .ok()?,
            }),
            ("nt", [id, i]) => {
                Self::Note(NoteButton::Tag(from_b36(id)?, index_below(i, super::notes::TAGS.len())?))
            }
            ("nc", [id]) => Self::Note(NoteButton::Cluster(from_b36(id)?)),
            ("nm", [id]) => Self::Note(NoteButton::Media(from_b36(id)?)),
            ("R", [launch]) => Self::Results { launch_id: from_b36(launch)?, item: None },
            ("R", [launch, item]) => {
                Self::Results { launch_id: from_b36(launch)?, item: Some(item.parse().ok()?) }
            }
            ("f", ["y"]) => Self::Forget(true),
            ("f", ["n"]) => Self::Forget(false),
            ("i", [role, more @ ..]) if more.len() <= 2 => Self::Invite(InviteDraft {
                role: role.parse().ok()?,
                cluster_id: more.first().map(|c| c.parse()).transpose().ok()?,
                cooperative: more.get(1).map(|c| opt_id(c)).map(|o| o.ok_or(())).transpose().ok()?,
            }),
            _ => return None,
        };
        Some(cb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_kinds() -> Vec<Callback> {
        let mut all = vec![
            Callback::Consent(true),
            Callback::Consent(false),
            Callback::SuggestedName,
            Callback::Cooperative(Some(i64::MAX)),
            Callback::Cooperative(None),
            Callback::Back,
            Callback::Forget(true),
            Callback::Forget(false),
        ];
        all.extend(Locale::ALL.map(Callback::Language));
        all.extend(Gender::ALL.map(Callback::Gender));
        all.extend(
            [
                MenuItem::MyData,
                MenuItem::Language,
                MenuItem::Help,
                MenuItem::Invite,
                MenuItem::Questionnaires,
                MenuItem::Launch,
                MenuItem::Results,
                MenuItem::Report,
                MenuItem::Progress,
                MenuItem::Meetings,
                MenuItem::Export,
            ]
            .map(Callback::Menu),
        );
        let actions = [
            FormAction::Start,
            FormAction::Choice(u32::MAX),
            FormAction::Done,
            FormAction::Skip,
            FormAction::Back,
            FormAction::Repeat,
            FormAction::Next,
            FormAction::DaysAgo(1),
            FormAction::Number(i64::MIN),
        ];
        for action in actions {
            all.push(Callback::Form(FormButton { response_id: i64::MAX, position: u32::MAX, action }));
        }
        use crate::domain::form::Audience;
        for audience in [Audience::Cluster, Audience::Cooperative(i64::MAX), Audience::Role(Role::Leader)] {
            all.push(Callback::Launch(LaunchDraft {
                cluster_id: i64::MAX,
                form_pk: Some(i64::MAX),
                audience: Some(audience),
                days: Some(14),
            }));
            all.push(Callback::Launch(LaunchDraft {
                cluster_id: i64::MAX,
                form_pk: Some(i64::MAX),
                audience: Some(audience),
                days: None,
            }));
        }
        all.push(Callback::Launch(LaunchDraft { cluster_id: 1, form_pk: None, audience: None, days: None }));
        all.push(Callback::Results { launch_id: i64::MAX, item: Some(u32::MAX) });
        all.push(Callback::Results { launch_id: 1, item: None });
        for status in crate::domain::action::ActionStatus::ALL {
            all.push(Callback::Report(ReportButton::Status(i64::MAX, status)));
        }
        all.extend(
            [
                ReportButton::Pick(i64::MAX),
                ReportButton::Blocker(i64::MAX, 5),
                ReportButton::Percent(i64::MAX, 100),
                ReportButton::Finish(i64::MAX),
                ReportButton::Undo(i64::MAX),
                ReportButton::ConfirmDone(i64::MAX),
            ]
            .map(Callback::Report),
        );
        all.extend(
            [
                ProgressButton::History(i64::MAX),
                ProgressButton::Media(i64::MAX),
                ProgressButton::Chart(i64::MAX),
                ProgressButton::Add(i64::MAX),
                ProgressButton::Translate(i64::MAX),
                ProgressButton::TranslateTo(i64::MAX, Locale::Ur),
            ]
            .map(Callback::Progress),
        );
        all.extend(
            [NoteButton::Tag(i64::MAX, 3), NoteButton::Cluster(i64::MAX), NoteButton::Media(i64::MAX)]
                .map(Callback::Note),
        );
        all.push(Callback::Export(ExportButton {
            cluster_id: i64::MAX,
            dataset: None,
            form_pk: None,
            format: None,
        }));
        all.push(Callback::Export(ExportButton {
            cluster_id: i64::MAX,
            dataset: Some(4),
            form_pk: None,
            format: Some(2),
        }));
        all.push(Callback::Export(ExportButton {
            cluster_id: i64::MAX,
            dataset: Some(1),
            form_pk: Some(i64::MAX),
            format: Some(1),
        }));
        all.push(Callback::Export(ExportButton {
            cluster_id: 1,
            dataset: Some(1),
            form_pk: Some(7),
            format: None,
        }));
        use crate::domain::meeting::{MeetingAudience, Rsvp};
        all.extend(Rsvp::ALL.map(|r| Callback::Meeting(MeetingButton::Rsvp(i64::MAX, r))));
        all.extend(
            [
                MeetingButton::Open(i64::MAX),
                MeetingButton::InCluster(i64::MAX),
                MeetingButton::RemindUnanswered(i64::MAX),
                MeetingButton::Move(i64::MAX),
                MeetingButton::Cancel(i64::MAX),
                MeetingButton::CancelConfirmed(i64::MAX),
                MeetingButton::Day(20261231),
                MeetingButton::Hour(2359),
                MeetingButton::Audience(MeetingAudience::Cooperative(i64::MAX)),
                MeetingButton::Audience(MeetingAudience::Commission),
                MeetingButton::Audience(MeetingAudience::Leaders),
                MeetingButton::Audience(MeetingAudience::Cluster),
                MeetingButton::Reminder(10080),
                MeetingButton::RemindersDone,
            ]
            .map(Callback::Meeting),
        );
        all.extend(
            [
                DraftButton::Skip,
                DraftButton::Owner(i64::MAX),
                DraftButton::OwnersDone,
                DraftButton::Today,
                DraftButton::Months(6),
                DraftButton::Rhythm(14),
            ]
            .map(Callback::Draft),
        );
        for role in Role::ALL {
            all.push(Callback::Invite(InviteDraft { role, cluster_id: None, cooperative: None }));
            all.push(Callback::Invite(InviteDraft { role, cluster_id: Some(i64::MAX), cooperative: None }));
            all.push(Callback::Invite(InviteDraft {
                role,
                cluster_id: Some(i64::MAX),
                cooperative: Some(None),
            }));
            all.push(Callback::Invite(InviteDraft {
                role,
                cluster_id: Some(i64::MAX),
                cooperative: Some(Some(i64::MAX)),
            }));
        }
        all
    }

    #[test]
    fn every_button_code_round_trips_and_fits_telegrams_64_bytes() {
        for cb in all_kinds() {
            let code = cb.encode();
            assert!(code.len() <= 64, "{code} is {} bytes", code.len());
            assert_eq!(Callback::decode(&code), Some(cb), "{code}");
        }
    }

    #[test]
    fn unknown_or_forged_codes_decode_to_nothing() {
        for junk in [
            "",
            "x",
            "l:de",
            "c:maybe",
            "k:abc",
            "i:admin",
            "i:cda:1:2:3",
            "m:",
            &"k:1".repeat(30),
            "q:1:2",
            "q:-1:0:s",
            "q:1:0:t7",
            "L:1:2:x",
            "R:",
            "as:1:z",
            "ap:1:101",
            "ab:1:9",
            "d:m0",
            "d:x",
            "mv:1:z",
            "mh:2460",
            "ma:q",
            // Numbers the keyboards never offer, from the constants that build them.
            "d:r65535",
            "d:r5",
            "d:m24",
            "L:1:2:c:65535",
            "L:1:2:c:5",
            "mm:5",
            "ap:1:33",
            "x:1:1:-:3",
            "x:1:5:-",
            "nt:1:4",
        ] {
            assert_eq!(Callback::decode(junk), None, "{junk}");
        }
    }
}
