//! Meetings: CDAs (and leaders, for their cooperative) schedule them with buttons; members
//! get invitations and reminders in their language and time zone with 👍 ❌ ❔ buttons,
//! and the message shows their current answer; `/meetings` shows who comes, who did not
//! answer and who could not be reached, with "remind those who have not answered".

use crate::domain::ids::{ClusterId, MeetingId};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::utils::command::BotCommands;

use super::Said;
use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult};
use crate::domain::Role;
use crate::domain::access::Act;
use crate::domain::ids::CooperativeId;
use crate::domain::meeting::{
    COMMON_HOURS, DEFAULT_REMINDERS, MeetingAudience, MeetingDraft, MeetingStep, REMINDER_CHOICES, Rsvp,
    WhenError, hours_on, local_to_utc, next_days, parse_time, parse_when,
};
use crate::domain::onboarding::Dialogue;
use crate::domain::text::clean_line;
use crate::i18n::{I18n, Reader};
use crate::store::{Meeting, NewMeeting, Recipient};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingButton {
    Rsvp(MeetingId, crate::domain::meeting::Rsvp),
    /// Schedule in this cluster.
    InCluster(ClusterId),
    Open(MeetingId),
    RemindUnanswered(MeetingId),
    Move(MeetingId),
    Cancel(MeetingId),
    CancelConfirmed(MeetingId),
    /// Scheduling: a day (as YYYYMMDD).
    Day(u32),
    /// Scheduling: an hour (as HHMM).
    Hour(u16),
    Audience(crate::domain::meeting::MeetingAudience),
    /// Toggle a reminder (minutes before).
    Reminder(u16),
    RemindersDone,
}

fn rsvp_letter(r: Rsvp) -> char {
    match r {
        Rsvp::Coming => 'c',
        Rsvp::NotComing => 'n',
        Rsvp::Maybe => 'm',
    }
}

fn meeting_audience_code(a: MeetingAudience) -> String {
    match a {
        MeetingAudience::Cluster => "c".into(),
        MeetingAudience::Leaders => "l".into(),
        MeetingAudience::Commission => "x".into(),
        MeetingAudience::Cooperative(id) => format!("k{}", codes::b36(id)),
    }
}

fn parse_meeting_audience(s: &str) -> Option<MeetingAudience> {
    match s.split_at_checked(1)? {
        ("c", "") => Some(MeetingAudience::Cluster),
        ("l", "") => Some(MeetingAudience::Leaders),
        ("x", "") => Some(MeetingAudience::Commission),
        ("k", id) => codes::from_b36(id).map(MeetingAudience::Cooperative),
        _ => None,
    }
}

impl ButtonCode for MeetingButton {
    const HEADS: &'static [&'static str] =
        &["mv", "mo", "mc", "mr", "mt", "mx", "my", "md", "mh", "ma", "mm", "mmd"];

    fn encode(&self) -> String {
        use codes::b36;
        match self {
            Self::Rsvp(id, r) => format!("mv:{}:{}", b36(*id), rsvp_letter(*r)),
            Self::Open(id) => format!("mo:{}", b36(*id)),
            Self::InCluster(id) => format!("mc:{}", b36(*id)),
            Self::RemindUnanswered(id) => format!("mr:{}", b36(*id)),
            Self::Move(id) => format!("mt:{}", b36(*id)),
            Self::Cancel(id) => format!("mx:{}", b36(*id)),
            Self::CancelConfirmed(id) => format!("my:{}", b36(*id)),
            Self::Day(d) => format!("md:{d}"),
            Self::Hour(h) => format!("mh:{h}"),
            Self::Audience(a) => format!("ma:{}", meeting_audience_code(*a)),
            Self::Reminder(m) => format!("mm:{m}"),
            Self::RemindersDone => "mmd".to_owned(),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        use codes::from_b36;
        Some(match (head, rest) {
            ("mv", [id, r]) => Self::Rsvp(
                from_b36(id)?,
                match *r {
                    "c" => Rsvp::Coming,
                    "n" => Rsvp::NotComing,
                    "m" => Rsvp::Maybe,
                    _ => return None,
                },
            ),
            ("mo", [id]) => Self::Open(from_b36(id)?),
            ("mc", [id]) => Self::InCluster(from_b36(id)?),
            ("mr", [id]) => Self::RemindUnanswered(from_b36(id)?),
            ("mt", [id]) => Self::Move(from_b36(id)?),
            ("mx", [id]) => Self::Cancel(from_b36(id)?),
            ("my", [id]) => Self::CancelConfirmed(from_b36(id)?),
            ("md", [d]) => Self::Day(d.parse().ok()?),
            ("mh", [h]) => Self::Hour(h.parse().ok().filter(|h: &u16| *h < 2400 && h % 100 < 60)?),
            ("ma", [a]) => Self::Audience(parse_meeting_audience(a)?),
            ("mm", [m]) => {
                Self::Reminder(m.parse().ok().filter(|m: &u16| REMINDER_CHOICES.contains(&i64::from(*m)))?)
            }
            ("mmd", []) => Self::RemindersDone,
            _ => return None,
        })
    }
}

/// "tomorrow, Tue 3 Dec, 10:00 AM", in the reader's language and the cluster's time zone.
pub fn when(i18n: &I18n, l: Reader, at: DateTime<Utc>, tz: Tz) -> String {
    i18n.when(l, at, tz)
}

fn rsvp_name(i18n: &I18n, l: Reader, r: Rsvp) -> String {
    let word = match r {
        Rsvp::Coming => tr!(i18n, l, "rsvp-coming"),
        Rsvp::NotComing => tr!(i18n, l, "rsvp-not-coming"),
        Rsvp::Maybe => tr!(i18n, l, "rsvp-maybe"),
    };
    format!("{} {word}", r.emoji())
}

fn rsvp_keyboard(i18n: &I18n, l: Reader, meeting_id: MeetingId) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([Rsvp::ALL
        .map(|r| button(rsvp_name(i18n, l, r), MeetingButton::Rsvp(meeting_id, r)))
        .to_vec()])
}

/// Where a meeting is, as a member reads it: the place typed, or — for a place shared as a
/// location — a word pointing at the pin sent with the message, never its coordinates.
fn place(app: &App, meeting: &Meeting, l: Reader) -> String {
    if meeting.latitude.is_some() && meeting.place.starts_with('📍') {
        tr!(app.i18n, l, "read-location-pin")
    } else {
        meeting.place.clone()
    }
}

/// The text of a meeting message of a given kind, with the reader's current answer — or,
/// after the meeting was moved and before they answered again, the answer they gave for the
/// old time, with a request to answer again.
fn body(
    app: &App,
    meeting: &Meeting,
    l: Reader,
    tz: Tz,
    kind: &str,
    rsvp: Option<Rsvp>,
    previous: Option<Rsvp>,
) -> String {
    let i18n = &app.i18n;
    let (title, at, place) =
        (meeting.title.clone(), when(i18n, l, meeting.starts_at, tz), place(app, meeting, l));
    let mut text = match kind {
        "reminder" => tr!(i18n, l, "meeting-reminder", title = title, when = at, place = place),
        "update" => tr!(i18n, l, "meeting-moved", title = title, when = at, place = place),
        "cancel" => tr!(i18n, l, "meeting-cancelled", title = title, when = at),
        "nudge" => tr!(i18n, l, "meeting-nudge", title = title, when = at, place = place),
        _ => tr!(i18n, l, "meeting-invitation", title = title, when = at, place = place),
    };
    if kind != "cancel" {
        let line = match (rsvp, previous) {
            (Some(r), _) => Some(tr!(i18n, l, "meeting-your-answer", answer = rsvp_name(i18n, l, r))),
            (None, Some(p)) => Some(tr!(i18n, l, "meeting-answer-again", answer = rsvp_name(i18n, l, p))),
            (None, None) => None,
        };
        if let Some(line) = line {
            text.push('\n');
            text.push_str(&line);
        }
    }
    text
}

/// The message an outbox row sends (used by the outbox job).
pub fn meeting_message(
    app: &App,
    meeting: &Meeting,
    to: &Recipient,
    kind: &str,
    _offset_minutes: i64,
) -> (String, Option<InlineKeyboardMarkup>) {
    let l = Reader::new(to.locale.unwrap_or(to.cluster_locale), to.gender);
    let rsvp = to.rsvp.as_deref().and_then(Rsvp::parse);
    let previous = to.previous_rsvp.as_deref().and_then(Rsvp::parse);
    let text = body(app, meeting, l, crate::domain::schedule::zone(&to.timezone), kind, rsvp, previous);
    let keyboard = (kind != "cancel").then(|| rsvp_keyboard(&app.i18n, l, meeting.meeting_id));
    // An invitation can be heard (🔊) when speech synthesis is on.
    let keyboard = match (kind, keyboard) {
        ("invitation", Some(k)) => Some(super::speak::with_speak(app, l, k)),
        (_, k) => k,
    };
    (text, keyboard)
}

/// Clusters where the caller may schedule: as CDA (any audience) or leader (their cooperative).
fn organiser_of(caller: &Caller) -> Vec<(ClusterId, String, Option<CooperativeId>)> {
    caller
        .memberships
        .iter()
        .filter_map(|m| match m.role {
            Role::Cda => Some((m.cluster_id, m.cluster_name.clone(), None)),
            Role::Leader => m.cooperative_id.map(|c| (m.cluster_id, m.cluster_name.clone(), Some(c))),
            Role::Producer => None,
        })
        .collect()
}

fn may_manage(caller: &Caller, meeting: &Meeting) -> bool {
    caller.can(Act::ManageMeeting { creator: meeting.created_by_member_id }, meeting.cluster_id)
}

/// A meeting that can still be changed: not cancelled, not started.
fn still_open(meeting: &Meeting) -> bool {
    meeting.cancelled_at.is_none() && meeting.starts_at > crate::store::now()
}

fn may_view(caller: &Caller, meeting: &Meeting) -> bool {
    may_manage(caller, meeting) || caller.can(Act::Lead { cooperatives: &[] }, meeting.cluster_id)
}

/// `/meeting`: schedule a meeting — in which cluster first, when the caller organises in several.
pub async fn start(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    match organiser_of(caller).as_slice() {
        [] => {
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "error-not-leader")).await?;
            Ok(())
        }
        [(cluster_id, _, _)] => start_in(bot, app, caller, *cluster_id).await,
        several => {
            let buttons = several
                .iter()
                .map(|(id, name, _)| button(format!("🌍 {name}"), MeetingButton::InCluster(*id)));
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "invite-choose-cluster"))
                .reply_markup(keyboards::column(buttons))
                .await?;
            Ok(())
        }
    }
}

async fn start_in(bot: &Bot, app: &App, caller: &Caller, cluster_id: ClusterId) -> HandlerResult {
    let Some((_, _, only_cooperative)) =
        organiser_of(caller).into_iter().find(|(id, _, _)| *id == cluster_id)
    else {
        return Err(BotError::NotAllowed);
    };
    let draft = MeetingDraft {
        only_cooperative,
        offsets: DEFAULT_REMINDERS.to_vec(),
        ..MeetingDraft::new(cluster_id)
    };
    app.store.set_dialogue(caller.chat_id.0, &Dialogue::Meeting(draft.clone())).await?;
    ask(bot, app, caller, &draft).await
}

async fn ask(bot: &Bot, app: &App, caller: &Caller, d: &MeetingDraft) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let tz = app.store.cluster(d.cluster_id).await?.tz();
    let now = crate::store::now();
    let (text, keyboard) = match d.step() {
        MeetingStep::Title => (tr!(i18n, l, "meeting-ask-title"), None),
        MeetingStep::Day => {
            let buttons: Vec<_> = next_days(now, tz)
                .into_iter()
                .map(|(day, _)| {
                    let code = day.year() as u32 * 10000 + day.month() * 100 + day.day();
                    let label = i18n.date(l, day, now.with_timezone(&tz).date_naive());
                    button(label, MeetingButton::Day(code))
                })
                .collect();
            let rows: Vec<Vec<_>> = buttons.chunks(2).map(<[_]>::to_vec).collect();
            (tr!(i18n, l, "meeting-ask-day"), Some(InlineKeyboardMarkup::new(rows)))
        }
        MeetingStep::Time => {
            let day = d.day.unwrap_or_else(|| now.with_timezone(&tz).date_naive());
            let buttons: Vec<_> = hours_on(day, now, tz)
                .iter()
                .map(|(h, m)| {
                    let at = NaiveTime::from_hms_opt(*h, *m, 0).unwrap_or_default();
                    button(format!("🕒 {}", i18n.time(l, at)), MeetingButton::Hour((*h * 100 + *m) as u16))
                })
                .collect();
            // (Every hour of that day passed while the question waited: the time can be typed.)
            let rows: Vec<Vec<_>> = buttons.chunks(3).map(<[_]>::to_vec).collect();
            (tr!(i18n, l, "meeting-ask-time"), (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows)))
        }
        MeetingStep::Place => (tr!(i18n, l, "meeting-ask-place"), None),
        MeetingStep::Audience => {
            let with = |a| MeetingButton::Audience(a);
            let mut buttons = Vec::new();
            match d.only_cooperative {
                Some(coop) => {
                    let name = app.store.cooperative(coop).await?.name;
                    buttons.push(button(format!("🏠 {name}"), with(MeetingAudience::Cooperative(coop))));
                }
                None => {
                    buttons
                        .push(button(tr!(i18n, l, "btn-audience-cluster"), with(MeetingAudience::Cluster)));
                    buttons
                        .push(button(tr!(i18n, l, "btn-audience-leaders"), with(MeetingAudience::Leaders)));
                    buttons.push(button(
                        tr!(i18n, l, "btn-audience-commission"),
                        with(MeetingAudience::Commission),
                    ));
                    for c in app.store.cooperatives(d.cluster_id).await? {
                        buttons.push(button(
                            format!("🏠 {}", c.name),
                            with(MeetingAudience::Cooperative(c.cooperative_id)),
                        ));
                    }
                }
            }
            (tr!(i18n, l, "meeting-ask-audience"), Some(keyboards::column(buttons)))
        }
        MeetingStep::Reminders => {
            let mut rows: Vec<Vec<_>> = REMINDER_CHOICES
                .iter()
                .map(|m| {
                    let mark = if d.offsets.contains(m) { "✅" } else { "⬜" };
                    let label = match m {
                        60 => tr!(i18n, l, "reminder-1h"),
                        180 => tr!(i18n, l, "reminder-3h"),
                        1440 => tr!(i18n, l, "reminder-1d"),
                        _ => tr!(i18n, l, "reminder-1w"),
                    };
                    vec![button(format!("{mark} {label}"), MeetingButton::Reminder(*m as u16))]
                })
                .collect();
            rows.push(vec![button(tr!(i18n, l, "btn-form-done"), MeetingButton::RemindersDone)]);
            (tr!(i18n, l, "meeting-ask-reminders"), Some(InlineKeyboardMarkup::new(rows)))
        }
        MeetingStep::Complete => return complete(bot, app, caller, d).await,
    };
    let mut message = bot.send_message(caller.chat_id, text);
    if let Some(k) = keyboard {
        message = message.reply_markup(k);
    }
    message.await?;
    Ok(())
}

async fn complete(bot: &Bot, app: &App, caller: &Caller, d: &MeetingDraft) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    app.store.clear_dialogue(caller.chat_id.0).await?;
    let Some(starts_at) = d.starts_at else { return Ok(()) };
    let tz = app.store.cluster(d.cluster_id).await?.tz();
    if let Some(meeting_id) = d.reschedule_of {
        if !still_open(&app.store.meeting(meeting_id).await?) {
            bot.send_message(caller.chat_id, tr!(i18n, l, "meeting-closed")).await?;
            return Ok(());
        }
        app.store.reschedule_meeting(meeting_id, starts_at).await?;
        let m = app.store.meeting(meeting_id).await?;
        bot.send_message(
            caller.chat_id,
            tr!(i18n, l, "meeting-moved-done", title = m.title.clone(), when = when(i18n, l, starts_at, tz)),
        )
        .await?;
        return Ok(());
    }
    let (Some(title), Some(place), Some(audience)) = (d.title.clone(), d.place.clone(), d.audience) else {
        return Ok(());
    };
    let new = NewMeeting {
        cluster_id: d.cluster_id,
        title,
        starts_at,
        place,
        location: d.location,
        audience,
        reminder_offsets: d.offsets.clone(),
        created_by: caller.member.as_ref().map(|m| m.member_id),
    };
    let (meeting, invited) = app.store.create_meeting(&new).await?;
    let text = tr!(
        i18n,
        l,
        "meeting-scheduled",
        title = meeting.title.clone(),
        when = when(i18n, l, starts_at, tz),
        count = invited as i64
    );
    let keyboard = InlineKeyboardMarkup::new([vec![button(
        tr!(i18n, l, "btn-meeting-details"),
        MeetingButton::Open(meeting.meeting_id),
    )]]);
    bot.send_message(caller.chat_id, text).reply_markup(keyboard).await?;
    Ok(())
}

async fn save(bot: &Bot, app: &App, caller: &Caller, d: MeetingDraft) -> HandlerResult {
    app.store.set_dialogue(caller.chat_id.0, &Dialogue::Meeting(d.clone())).await?;
    ask(bot, app, caller, &d).await
}

/// Typed answers while scheduling: the title, a full date and time, a time, the place (or a
/// location pin).
pub async fn on_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    mut d: MeetingDraft,
    msg: &Message,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let tz = app.store.cluster(d.cluster_id).await?.tz();
    let now = crate::store::now();
    let line = msg.text().map(clean_line).filter(|t| !t.starts_with('/')).unwrap_or_default();
    let text = line.as_str();
    let problem = match d.step() {
        MeetingStep::Title if !text.is_empty() => {
            d.title = Some(text.chars().take(200).collect());
            None
        }
        MeetingStep::Day | MeetingStep::Time if !text.is_empty() => {
            let parsed = match (d.step(), d.day) {
                (MeetingStep::Time, Some(day)) => match parse_time(text) {
                    Some(t) => local_to_utc(day.and_time(t), tz)
                        .and_then(|at| if at > now { Ok(at) } else { Err(WhenError::InThePast) }),
                    None => parse_when(text, tz, now),
                },
                _ => parse_when(text, tz, now),
            };
            match parsed {
                Ok(at) => {
                    d.starts_at = Some(at);
                    None
                }
                Err(WhenError::DoesNotExist) => Some(tr!(i18n, l, "meeting-time-skipped")),
                Err(WhenError::InThePast) => Some(tr!(i18n, l, "meeting-time-past")),
                Err(WhenError::Unreadable) => Some(tr!(i18n, l, "meeting-time-unreadable")),
            }
        }
        MeetingStep::Place if msg.location().is_some() => {
            let loc = msg.location().expect("checked above");
            d.location = Some((loc.latitude, loc.longitude));
            d.place = Some(format!("📍 {:.5}, {:.5}", loc.latitude, loc.longitude));
            None
        }
        MeetingStep::Place if !text.is_empty() => {
            d.place = Some(text.chars().take(300).collect());
            None
        }
        _ => Some(tr!(i18n, l, "action-reask")),
    };
    if let Some(p) = problem {
        bot.send_message(caller.chat_id, p).await?;
        return ask(bot, app, caller, &d).await;
    }
    save(bot, app, caller, d).await
}

pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: MeetingButton,
) -> Result<Option<String>, BotError> {
    let (l, i18n) = (caller.reader(), &app.i18n);
    match b {
        MeetingButton::Rsvp(meeting_id, r) => return rsvp(bot, app, caller, q, meeting_id, r).await,
        MeetingButton::InCluster(cluster_id) => {
            if !organiser_of(caller).iter().any(|(id, _, _)| *id == cluster_id) {
                return Err(BotError::NotAllowed);
            }
            keyboards::clear(bot, q).await;
            start_in(bot, app, caller, cluster_id).await?;
        }
        MeetingButton::Open(meeting_id) => {
            let m = app.store.meeting(meeting_id).await?;
            if !may_view(caller, &m) {
                return Err(BotError::NotAllowed);
            }
            detail(bot, app, caller, &m).await?;
        }
        MeetingButton::RemindUnanswered(meeting_id) => {
            let m = app.store.meeting(meeting_id).await?;
            if !may_manage(caller, &m) {
                return Err(BotError::NotAllowed);
            }
            if m.cancelled_at.is_some() || m.starts_at <= crate::store::now() {
                return Ok(Some(tr!(i18n, l, "meeting-closed")));
            }
            let n = app.store.remind_unanswered(meeting_id).await?;
            return Ok(Some(tr!(i18n, l, "meeting-reminded", count = n as i64)));
        }
        MeetingButton::Move(meeting_id) => {
            let m = app.store.meeting(meeting_id).await?;
            if !may_manage(caller, &m) {
                return Err(BotError::NotAllowed);
            }
            if !still_open(&m) {
                return Ok(Some(tr!(i18n, l, "meeting-closed")));
            }
            let d = MeetingDraft { reschedule_of: Some(meeting_id), ..MeetingDraft::new(m.cluster_id) };
            save(bot, app, caller, d).await?;
        }
        MeetingButton::Cancel(meeting_id) => {
            let m = app.store.meeting(meeting_id).await?;
            if !may_manage(caller, &m) {
                return Err(BotError::NotAllowed);
            }
            if !still_open(&m) {
                return Ok(Some(tr!(i18n, l, "meeting-closed")));
            }
            let keyboard = InlineKeyboardMarkup::new([vec![button(
                tr!(i18n, l, "btn-meeting-cancel-confirm"),
                MeetingButton::CancelConfirmed(meeting_id),
            )]]);
            bot.send_message(caller.chat_id, tr!(i18n, l, "meeting-cancel-ask", title = m.title.clone()))
                .reply_markup(keyboard)
                .await?;
        }
        MeetingButton::CancelConfirmed(meeting_id) => {
            let m = app.store.meeting(meeting_id).await?;
            if !may_manage(caller, &m) {
                return Err(BotError::NotAllowed);
            }
            keyboards::clear(bot, q).await;
            if !still_open(&m) {
                return Ok(Some(tr!(i18n, l, "meeting-closed")));
            }
            app.store.cancel_meeting(meeting_id).await?;
            bot.send_message(caller.chat_id, tr!(i18n, l, "meeting-cancel-done", title = m.title.clone()))
                .await?;
        }
        MeetingButton::Day(_)
        | MeetingButton::Hour(_)
        | MeetingButton::Audience(_)
        | MeetingButton::Reminder(_)
        | MeetingButton::RemindersDone => {
            let Some(Dialogue::Meeting(mut d)) = app.store.dialogue(caller.chat_id.0).await? else {
                keyboards::clear(bot, q).await;
                return Err(BotError::NoLongerActive);
            };
            let tz = app.store.cluster(d.cluster_id).await?.tz();
            match (d.step(), b) {
                (MeetingStep::Day, MeetingButton::Day(code)) => {
                    let Some(day) =
                        NaiveDate::from_ymd_opt((code / 10000) as i32, (code / 100) % 100, code % 100)
                    else {
                        return Err(BotError::NoLongerActive);
                    };
                    // A day button left from earlier in the evening: no hour is left that day.
                    if hours_on(day, crate::store::now(), tz).is_empty() {
                        return Ok(Some(tr!(i18n, l, "meeting-time-past")));
                    }
                    // Only the days the keyboard offers (a forged year 9999 is not one).
                    if !next_days(crate::store::now(), tz).iter().any(|(offered, _)| *offered == day) {
                        return Err(BotError::NoLongerActive);
                    }
                    d.day = Some(day);
                }
                (MeetingStep::Time, MeetingButton::Hour(hhmm)) => {
                    let (Some(day), Some(time)) =
                        (d.day, NaiveTime::from_hms_opt(u32::from(hhmm / 100), u32::from(hhmm % 100), 0))
                    else {
                        return Err(BotError::NoLongerActive);
                    };
                    if !COMMON_HOURS.contains(&(u32::from(hhmm / 100), u32::from(hhmm % 100))) {
                        return Err(BotError::NoLongerActive);
                    }
                    match local_to_utc(day.and_time(time), tz) {
                        Ok(at) if at > crate::store::now() => d.starts_at = Some(at),
                        Ok(_) => return Ok(Some(tr!(i18n, l, "meeting-time-past"))),
                        Err(_) => return Ok(Some(tr!(i18n, l, "meeting-time-skipped"))),
                    }
                }
                (MeetingStep::Audience, MeetingButton::Audience(a)) => {
                    let allowed = match a {
                        MeetingAudience::Cooperative(c) => {
                            app.store.cooperative(c).await.is_ok_and(|k| k.cluster_id == d.cluster_id)
                                && caller.can(Act::Lead { cooperatives: &[c] }, d.cluster_id)
                        }
                        _ => d.only_cooperative.is_none() && caller.can(Act::Coordinate, d.cluster_id),
                    };
                    if !allowed {
                        return Err(BotError::NotAllowed);
                    }
                    d.audience = Some(a);
                }
                (MeetingStep::Reminders, MeetingButton::Reminder(m)) => {
                    let m = i64::from(m);
                    if !REMINDER_CHOICES.contains(&m) {
                        return Err(BotError::NoLongerActive);
                    }
                    match d.offsets.iter().position(|o| *o == m) {
                        Some(at) => {
                            d.offsets.remove(at);
                        }
                        None => d.offsets.push(m),
                    }
                    d.offsets.sort_unstable_by(|a, b| b.cmp(a));
                }
                (MeetingStep::Reminders, MeetingButton::RemindersDone) => {
                    // This tap schedules the meeting: once.
                    if let Some(key) = keyboards::once_key("meeting", q)
                        && !app.store.claim_key(&key).await?
                    {
                        return Err(BotError::NoLongerActive);
                    }
                    d.offsets_done = true;
                }
                _ => {
                    keyboards::clear(bot, q).await;
                    return Err(BotError::NoLongerActive);
                }
            }
            keyboards::clear(bot, q).await;
            save(bot, app, caller, d).await?;
        }
    }
    Ok(None)
}

/// 👍 ❌ ❔ on an invitation or reminder: recorded until the meeting starts, and the message
/// is edited to show the answer.
async fn rsvp(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    meeting_id: MeetingId,
    r: Rsvp,
) -> Result<Option<String>, BotError> {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let Some(member) = &caller.member else { return Err(BotError::NoLongerActive) };
    let Ok(m) = app.store.meeting(meeting_id).await else { return Err(BotError::NoLongerActive) };
    if !app.store.set_rsvp(meeting_id, member.member_id, r).await? {
        keyboards::clear(bot, q).await;
        return Ok(Some(tr!(i18n, l, "meeting-closed")));
    }
    if let Some(msg) = &q.message {
        let tz = app.store.cluster(m.cluster_id).await?.tz();
        let text = body(app, &m, l, tz, "invitation", Some(r), None);
        let edit = bot
            .edit_message_text(msg.chat().id, msg.id(), text)
            .reply_markup(rsvp_keyboard(i18n, l, meeting_id))
            .await;
        if let Err(e) = edit {
            tracing::debug!(error = %e, "could not show the answer on the invitation");
        }
    }
    Ok(Some(rsvp_name(i18n, l, r)))
}

/// `/meetings`: upcoming meetings of the caller's clusters, with answer counts.
pub async fn list(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    if !caller.memberships.iter().any(|m| m.role >= Role::Leader) {
        bot.send_message(caller.chat_id, tr!(i18n, l, "error-not-leader")).await?;
        return Ok(());
    }
    let mut lines = vec![tr!(i18n, l, "meetings-title")];
    let mut buttons = Vec::new();
    for ms in caller.memberships.iter().filter(|m| m.role >= Role::Leader) {
        let tz = app.store.cluster(ms.cluster_id).await?.tz();
        for m in app.store.upcoming_meetings(ms.cluster_id).await? {
            let invitees = app.store.invitees(m.meeting_id).await?;
            let count = |code: &str| invitees.iter().filter(|i| i.rsvp.as_deref() == Some(code)).count();
            let unanswered = invitees.iter().filter(|i| i.rsvp.is_none()).count();
            lines.push(format!(
                "📅 {} — {}\n   👍 {} · ❌ {} · ❔ {} · ⏳ {}",
                m.title,
                when(i18n, l, m.starts_at, tz),
                count("coming"),
                count("not_coming"),
                count("maybe"),
                unanswered
            ));
            buttons.push(button(format!("📅 {}", m.title), MeetingButton::Open(m.meeting_id)));
        }
    }
    if buttons.is_empty() {
        lines.push(tr!(i18n, l, "meetings-none"));
    }
    let text: String = app.i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    bot.send_message(caller.chat_id, text)
        .reply_markup(keyboards::column(buttons.into_iter().take(30)))
        .await?;
    Ok(())
}

/// A meeting's detail: names by answer, who has not answered, who could not be reached.
async fn detail(bot: &Bot, app: &App, caller: &Caller, m: &Meeting) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let tz = app.store.cluster(m.cluster_id).await?.tz();
    let invitees = app.store.invitees(m.meeting_id).await?;
    let names = |pred: &dyn Fn(&crate::store::MeetingInvitee) -> bool| {
        let list: Vec<String> = invitees
            .iter()
            .filter(|i| pred(i))
            .map(|i| i.display_name.clone().unwrap_or_else(|| "—".into()))
            .collect();
        if list.is_empty() { "—".to_owned() } else { list.join(", ") }
    };
    let mut lines = vec![
        format!("📅 {}", m.title),
        format!("🗓 {}", when(i18n, l, m.starts_at, tz)),
        format!("📍 {}", place(app, m, l)),
    ];
    if m.cancelled_at.is_some() {
        lines.push(tr!(i18n, l, "meeting-is-cancelled"));
    }
    for r in Rsvp::ALL {
        lines.push(format!(
            "{}: {}",
            rsvp_name(i18n, l, r),
            names(&|i| i.rsvp.as_deref() == Some(r.code()) && !i.unreachable)
        ));
    }
    lines.push(tr!(i18n, l, "meeting-unanswered", names = names(&|i| i.rsvp.is_none() && !i.unreachable)));
    // After a move: who had answered what for the old time, and has not answered again.
    let before: Vec<String> = invitees
        .iter()
        .filter(|i| i.rsvp.is_none() && !i.unreachable)
        .filter_map(|i| {
            let p = i.previous_rsvp.as_deref().and_then(Rsvp::parse)?;
            Some(format!("{} {}", i.display_name.as_deref().unwrap_or("—"), rsvp_name(i18n, l, p)))
        })
        .collect();
    if !before.is_empty() {
        lines.push(tr!(i18n, l, "meeting-before-change", names = before.join(", ")));
    }
    lines.push(tr!(i18n, l, "meeting-unreachable", names = names(&|i| i.unreachable)));
    let mut rows = Vec::new();
    if may_manage(caller, m) && m.cancelled_at.is_none() && m.starts_at > crate::store::now() {
        rows.push(vec![button(
            tr!(i18n, l, "btn-meeting-remind"),
            MeetingButton::RemindUnanswered(m.meeting_id),
        )]);
        rows.push(vec![
            button(tr!(i18n, l, "btn-meeting-move"), MeetingButton::Move(m.meeting_id)),
            button(tr!(i18n, l, "btn-meeting-cancel"), MeetingButton::Cancel(m.meeting_id)),
        ]);
    }
    let text: String = app.i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    bot.send_message(caller.chat_id, text).reply_markup(InlineKeyboardMarkup::new(rows)).await?;
    if let (Some(lat), Some(lon)) = (m.latitude, m.longitude) {
        bot.send_location(caller.chat_id, lat, lon).await?;
    }
    Ok(())
}

/// Messages while scheduling or moving a meeting.
pub fn replies() -> UpdateHandler<BotError> {
    super::dialogue_replies(
        |d| match d {
            Dialogue::Meeting(draft) => Some(draft.clone()),
            _ => None,
        },
        |s: Said, draft| async move { on_message(&s.bot, &s.app, &s.caller, draft, &s.msg).await },
    )
}

/// Scheduling and following meetings.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum MeetingCommand {
    Meeting,
    Meetings,
}

impl MeetingCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        let mut menu = Vec::new();
        if role.is_some_and(|r| r >= crate::domain::Role::Leader) {
            menu.push(BotCommand::new("meeting", tr!(i18n, l, "cmd-meeting")));
            menu.push(BotCommand::new("meetings", tr!(i18n, l, "cmd-meetings")));
        }
        menu
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: MeetingCommand) -> HandlerResult {
    match cmd {
        MeetingCommand::Meeting => start(bot, app, caller).await,
        MeetingCommand::Meetings => list(bot, app, caller).await,
    }
}

#[cfg(test)]
mod button_tests {
    use super::*;

    #[test]
    fn meeting_buttons_round_trip_and_refuse_junk() {
        let mut all: Vec<_> = Rsvp::ALL.map(|r| MeetingButton::Rsvp(MeetingId(i64::MAX), r)).to_vec();
        all.extend([
            MeetingButton::Open(MeetingId(i64::MAX)),
            MeetingButton::InCluster(ClusterId(i64::MAX)),
            MeetingButton::RemindUnanswered(MeetingId(i64::MAX)),
            MeetingButton::Move(MeetingId(i64::MAX)),
            MeetingButton::Cancel(MeetingId(i64::MAX)),
            MeetingButton::CancelConfirmed(MeetingId(i64::MAX)),
            MeetingButton::Day(20261231),
            MeetingButton::Hour(2359),
            MeetingButton::Audience(MeetingAudience::Cooperative(CooperativeId(i64::MAX))),
            MeetingButton::Audience(MeetingAudience::Commission),
            MeetingButton::Audience(MeetingAudience::Leaders),
            MeetingButton::Audience(MeetingAudience::Cluster),
            MeetingButton::Reminder(10080),
            MeetingButton::RemindersDone,
        ]);
        codes::assert_codes(&all, &["mv:1:z", "mh:2460", "mh:1261", "ma:q", "mm:5", "mmd:1"]);
    }
}
