//! The action plan for CDAs and leaders: adding joint actions in the chat, `/progress`
//! (where each action stands, ⚠️ where nobody reported for longer than its rhythm), an
//! action's history with its notes (voice notes and photos sent back on request), and a
//! chart of the whole plan. CDAs see their clusters; leaders their cooperative's actions.

use crate::domain::ids::{ActionId, ClusterId};
use crate::i18n::Reader;
use chrono::{Duration, Months, NaiveDate};
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::{InlineKeyboardMarkup, InputFile};
use teloxide::utils::command::BotCommands;

use super::Said;
use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::report::{blocker_name, status_name};
use super::{App, BotError, Caller, HandlerResult};
use crate::domain::access::Act;
use crate::domain::action::{self, ActionDraft, DUE_MONTH_CHOICES, DraftStep, RHYTHM_CHOICES, parse_target};
use crate::domain::form::walk;
use crate::domain::ids::{CooperativeId, ReportNoteId};
use crate::domain::onboarding::Dialogue;
use crate::domain::readable;
use crate::domain::text::{clean_line, clean_text};
use crate::domain::{Locale, Role};
use crate::store::{JointAction, Report};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressButton {
    /// An action's history.
    History(ActionId),
    /// Send the voice note or photo of a report note.
    Media(ReportNoteId),
    /// The status chart of a cluster.
    Chart(ClusterId),
    /// Start adding an action in a cluster.
    Add(ClusterId),
    /// Give an action's title in another language: choose the language…
    Translate(ActionId),
    /// …then type the title.
    TranslateTo(ActionId, Locale),
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftButton {
    Skip,
    /// Toggle a cooperative as owner.
    Owner(CooperativeId),
    OwnersDone,
    /// Start today.
    Today,
    /// Due in so many months.
    Months(u8),
    /// Check-in every so many days (0: none).
    Rhythm(u16),
}

impl ButtonCode for ProgressButton {
    const HEADS: &'static [&'static str] = &["ph", "pm", "pc", "pa", "pt", "pl"];

    fn encode(&self) -> String {
        use codes::b36;
        match self {
            Self::History(a) => format!("ph:{}", b36(*a)),
            Self::Media(n) => format!("pm:{}", b36(*n)),
            Self::Chart(c) => format!("pc:{}", b36(*c)),
            Self::Add(c) => format!("pa:{}", b36(*c)),
            Self::Translate(a) => format!("pt:{}", b36(*a)),
            Self::TranslateTo(a, l) => format!("pl:{}:{}", b36(*a), l.code()),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        use codes::from_b36;
        Some(match (head, rest) {
            ("ph", [a]) => Self::History(from_b36(a)?),
            ("pm", [n]) => Self::Media(from_b36(n)?),
            ("pc", [c]) => Self::Chart(from_b36(c)?),
            ("pa", [c]) => Self::Add(from_b36(c)?),
            ("pt", [a]) => Self::Translate(from_b36(a)?),
            ("pl", [a, l]) => Self::TranslateTo(from_b36(a)?, l.parse().ok()?),
            _ => return None,
        })
    }
}

impl ButtonCode for DraftButton {
    const HEADS: &'static [&'static str] = &["d"];

    fn encode(&self) -> String {
        match self {
            Self::Skip => "d:skip".to_owned(),
            Self::Owner(c) => format!("d:o{}", codes::b36(*c)),
            Self::OwnersDone => "d:od".to_owned(),
            Self::Today => "d:today".to_owned(),
            Self::Months(m) => format!("d:m{m}"),
            Self::Rhythm(r) => format!("d:r{r}"),
        }
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        Some(match rest {
            ["skip"] => Self::Skip,
            ["od"] => Self::OwnersDone,
            ["today"] => Self::Today,
            [x] if x.starts_with('o') => Self::Owner(codes::from_b36(&x[1..])?),
            [x] if x.starts_with('m') => Self::Months(codes::offered(&x[1..], &DUE_MONTH_CHOICES)?),
            [x] if x.starts_with('r') => Self::Rhythm(codes::offered_or_none(&x[1..], &RHYTHM_CHOICES)?),
            _ => return None,
        })
    }
}

/// Actions the caller may follow: all actions of the clusters they serve as CDA; for a
/// leader, their cluster's actions owned by their cooperative or by the whole cluster.
async fn visible_actions(app: &App, caller: &Caller) -> Result<Vec<JointAction>, BotError> {
    let mut out = Vec::new();
    for m in caller.memberships.iter().filter(|m| m.role >= Role::Leader || caller.coordinator) {
        for a in app.store.actions(m.cluster_id).await? {
            let owners: Vec<CooperativeId> =
                app.store.action_owners(a.action_id).await?.into_iter().map(|(id, _)| id).collect();
            if caller.can(Act::Lead { cooperatives: &owners }, a.cluster_id) {
                out.push(a);
            }
        }
    }
    Ok(out)
}

/// Refuses unless the caller sees this action; an action that is not there is `NotFound`
/// (the button is out of date), not a refusal.
async fn may_follow(app: &App, caller: &Caller, action_id: ActionId) -> Result<(), BotError> {
    app.store.action(action_id).await?;
    if visible_actions(app, caller).await?.iter().any(|a| a.action_id == action_id) {
        Ok(())
    } else {
        Err(BotError::NotAllowed)
    }
}

fn cda_of(caller: &Caller, cluster_id: ClusterId) -> bool {
    caller.can(Act::Coordinate, cluster_id)
}

/// `/progress`: each action's latest status, percent and report date.
pub async fn overview(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    if !caller.memberships.iter().any(|m| matches!(m.role, Role::Cda | Role::Leader)) {
        bot.send_message(caller.chat_id, tr!(i18n, l, "error-not-leader")).await?;
        return Ok(());
    }
    let mut actions = visible_actions(app, caller).await?;
    app.store.localize_actions(&mut actions, l.locale).await?;
    let mut lines = vec![tr!(i18n, l, "progress-title")];
    let mut buttons = Vec::new();
    let now = crate::store::now();
    for a in &actions {
        let latest = app.store.reports(a.action_id).await?.into_iter().next();
        let mut line = format!("🎯 {}", a.title);
        match &latest {
            Some(r) => {
                line.push_str(&format!(" — {}", status_name(i18n, l, r.status)));
                if let Some(p) = r.percent {
                    line.push_str(&format!(" · {}", action::percent_label(p)));
                }
                let tz = app.store.cluster(a.cluster_id).await?.tz();
                line.push_str(&format!(" · {}", i18n.day(l, r.created_at, tz)));
            }
            None => line.push_str(&format!(" — {}", tr!(i18n, l, "progress-no-report"))),
        }
        let last = latest.as_ref().map_or(a.created_at, |r| r.created_at);
        let quiet = a.rhythm_days.is_some_and(|d| now - last > Duration::days(d));
        if quiet && a.done_at.is_none() {
            line.push_str(" ⚠️");
        }
        lines.push(line);
        // Those asked for its check-ins who cannot be reached, as results and meetings show.
        let unreachable = app.store.action_unreachable(a.action_id).await?;
        if !unreachable.is_empty() {
            lines.push(format!("   {}", tr!(i18n, l, "meeting-unreachable", names = unreachable.join(", "))));
        }
        buttons.push(button(format!("🎯 {}", a.title), ProgressButton::History(a.action_id)));
    }
    if actions.is_empty() {
        lines.push(tr!(i18n, l, "progress-empty"));
    } else {
        lines.push(String::new());
        lines.push(tr!(i18n, l, "progress-warning-legend"));
    }
    let mut rows: Vec<_> = buttons.into_iter().take(keyboards::MAX_BUTTONS - 10).map(|b| vec![b]).collect();
    let mut clusters: Vec<ClusterId> = actions.iter().map(|a| a.cluster_id).collect();
    clusters.sort_unstable();
    clusters.dedup();
    // Who reports, by cooperative and by gender (for CDAs, who see the whole cluster).
    for cluster_id in clusters.iter().filter(|c| cda_of(caller, **c)) {
        let breakdown = app.store.report_breakdown(*cluster_id).await?;
        if breakdown.is_empty() {
            continue;
        }
        let mut by_coop: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
        let mut by_gender: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
        for (coop, gender, n) in breakdown {
            *by_coop.entry(coop.unwrap_or_else(|| tr!(i18n, l, "results-no-cooperative"))).or_default() += n;
            let g = match gender {
                Some(crate::domain::Gender::Woman) => tr!(i18n, l, "gender-woman"),
                Some(crate::domain::Gender::Man) => tr!(i18n, l, "gender-man"),
                Some(crate::domain::Gender::Undisclosed) => tr!(i18n, l, "gender-undisclosed"),
                None => tr!(i18n, l, "gender-unknown"),
            };
            *by_gender.entry(g).or_default() += n;
        }
        let join = |m: std::collections::BTreeMap<String, i64>| {
            m.into_iter().map(|(k, n)| format!("{k}: {n}")).collect::<Vec<_>>().join(" · ")
        };
        lines.push(String::new());
        lines.push(tr!(i18n, l, "progress-reports-by"));
        lines.push(format!("{} {}", tr!(i18n, l, "results-by-cooperative"), join(by_coop)));
        lines.push(format!("{} {}", tr!(i18n, l, "results-by-gender"), join(by_gender)));
    }
    let several = caller.memberships.len() > 1;
    let name_of = |cluster_id: ClusterId| {
        let name = caller
            .memberships
            .iter()
            .find(|m| m.cluster_id == cluster_id)
            .map(|m| m.cluster_name.clone())
            .unwrap_or_default();
        if several { format!(" · {name}") } else { String::new() }
    };
    for cluster_id in clusters {
        let label = format!("{}{}", tr!(i18n, l, "btn-progress-chart"), name_of(cluster_id));
        rows.push(vec![button(label, ProgressButton::Chart(cluster_id))]);
    }
    for m in caller.memberships.iter().filter(|m| cda_of(caller, m.cluster_id)) {
        let label = format!("{}{}", tr!(i18n, l, "btn-action-add"), name_of(m.cluster_id));
        rows.push(vec![button(label, ProgressButton::Add(m.cluster_id))]);
    }
    let text: String = i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    bot.send_message(caller.chat_id, text).reply_markup(InlineKeyboardMarkup::new(rows)).await?;
    Ok(())
}

/// Who sent a report's voice note or photo, about which action, and when (in the viewer's
/// language and the cluster's time zone): what a forwarded file does not say by itself.
async fn media_caption(app: &App, l: Reader, report: &Report) -> Result<String, BotError> {
    let action = app.store.action_in(report.action_id, l.locale).await?;
    let cluster = app.store.cluster(action.cluster_id).await?;
    let name = report.member_name.clone().unwrap_or_else(|| "—".into());
    let cooperative = app
        .store
        .memberships(report.member_id)
        .await?
        .into_iter()
        .find(|m| m.cluster_id == action.cluster_id)
        .and_then(|m| m.cooperative_name);
    let who = match cooperative {
        Some(c) => format!("{name} · {c}"),
        None => name,
    };
    let when = super::meetings::when(&app.i18n, l, report.created_at, cluster.tz());
    let caption = tr!(app.i18n, l, "progress-media-caption", who = who, action = action.title, when = when);
    Ok(fit_caption(caption))
}

/// Telegram refuses captions over 1024 characters.
fn fit_caption(text: String) -> String {
    const MAX: usize = 1024;
    if text.chars().count() <= MAX { text } else { text.chars().take(MAX - 1).chain(['…']).collect() }
}

pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: ProgressButton,
) -> Result<Option<String>, BotError> {
    let (l, i18n) = (caller.reader(), &app.i18n);
    match b {
        ProgressButton::History(action_id) => {
            may_follow(app, caller, action_id).await?;
            history(bot, app, caller, action_id).await?;
        }
        ProgressButton::Media(note_id) => {
            // A note of a withdrawn report: the button is out of date.
            let Ok(note) = app.store.note(note_id).await else { return Err(BotError::NoLongerActive) };
            let Ok(report) = app.store.report(note.report_id).await else {
                return Err(BotError::NoLongerActive);
            };
            may_follow(app, caller, report.action_id).await?;
            let Some(path) = note.media_path else { return Err(BotError::NoLongerActive) };
            let file = InputFile::file(app.data_dir.join(path));
            let caption = media_caption(app, l, &report).await?;
            match note.kind.as_str() {
                "voice" => bot.send_voice(caller.chat_id, file).caption(caption).await?,
                _ => bot.send_photo(caller.chat_id, file).caption(caption).await?,
            };
        }
        ProgressButton::Chart(cluster_id) => {
            let mut actions: Vec<_> = visible_actions(app, caller)
                .await?
                .into_iter()
                .filter(|a| a.cluster_id == cluster_id)
                .collect();
            app.store.localize_actions(&mut actions, l.locale).await?;
            if actions.is_empty() {
                return Err(BotError::NotAllowed);
            }
            let mut bars = Vec::new();
            for a in &actions {
                let latest = app.store.reports(a.action_id).await?.into_iter().next();
                let status = latest
                    .as_ref()
                    .map(|r| status_name(i18n, l, r.status))
                    .unwrap_or_else(|| tr!(i18n, l, "progress-no-report"));
                let percent = latest.and_then(|r| r.percent).unwrap_or(0.0).round() as u64;
                bars.push(crate::chart::Bar::with_note(a.title.clone(), status, percent));
            }
            let title = tr!(i18n, l, "progress-chart-title");
            let rtl = l.locale.is_rtl();
            let chart_title = title.clone();
            let png = tokio::task::spawn_blocking(move || {
                crate::chart::bar_chart_png(&chart_title, &bars, crate::chart::Values::Percents, rtl)
            })
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))?;
            match png {
                Ok(png) => {
                    bot.send_photo(caller.chat_id, InputFile::memory(png).file_name("progress.png"))
                        .caption(title)
                        .await?;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "could not draw the progress chart");
                    return Ok(Some(tr!(i18n, l, "error-generic")));
                }
            }
        }
        ProgressButton::Translate(action_id) => {
            let a = app.store.action(action_id).await?;
            caller.require(Act::Coordinate, a.cluster_id)?;
            let buttons: Vec<_> = Locale::ALL
                .into_iter()
                .map(|to| button(to.button_label(), ProgressButton::TranslateTo(action_id, to)))
                .collect();
            bot.send_message(caller.chat_id, tr!(i18n, l, "action-translate-language"))
                .reply_markup(InlineKeyboardMarkup::new(buttons.chunks(2).map(<[_]>::to_vec)))
                .await?;
        }
        ProgressButton::TranslateTo(action_id, to) => {
            let a = app.store.action(action_id).await?;
            caller.require(Act::Coordinate, a.cluster_id)?;
            keyboards::clear(bot, q).await;
            app.store
                .set_dialogue(caller.chat_id.0, &Dialogue::ActionTitle { action_id, locale: to })
                .await?;
            let text =
                tr!(i18n, l, "action-translate-type", action = a.title.clone(), language = to.native_name());
            bot.send_message(caller.chat_id, text).await?;
        }
        ProgressButton::Add(cluster_id) => {
            caller.require(Act::Coordinate, cluster_id)?;
            keyboards::clear(bot, q).await;
            let draft = ActionDraft::new(cluster_id);
            app.store.set_dialogue(caller.chat_id.0, &Dialogue::NewAction(draft.clone())).await?;
            ask_draft(bot, app, caller, &draft).await?;
        }
    }
    Ok(None)
}

async fn history(bot: &Bot, app: &App, caller: &Caller, action_id: ActionId) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let a = app.store.action_in(action_id, l.locale).await?;
    let owners = app.store.action_owners(action_id).await?;
    let owner_names = if owners.is_empty() {
        tr!(i18n, l, "action-whole-cluster")
    } else {
        owners.into_iter().map(|(_, n)| n).collect::<Vec<_>>().join(", ")
    };
    let tz = app.store.cluster(a.cluster_id).await?.tz();
    let today = crate::store::now().with_timezone(&tz).date_naive();
    let mut lines = vec![
        format!("🎯 {}", a.title),
        tr!(
            i18n,
            l,
            "action-details",
            owners = owner_names,
            start = i18n.date(l, a.start_date, today),
            due = i18n.date(l, a.due_date, today)
        ),
    ];
    if let Some(d) = &a.description {
        lines.push(d.clone());
    }
    if let Some(t) = a.target {
        lines.push(format!("🎯 {} {}", readable::number(t, l.locale), a.unit.clone().unwrap_or_default()));
    }
    lines.push(String::new());
    let mut media_buttons = Vec::new();
    let reports = app.store.reports(action_id).await?;
    if reports.is_empty() {
        lines.push(tr!(i18n, l, "progress-no-report"));
    }
    for r in reports.iter().take(10) {
        let mut line = format!(
            "{} · {} · {}",
            i18n.when(l, r.created_at, tz),
            r.member_name.clone().unwrap_or_else(|| "—".into()),
            status_name(i18n, l, r.status)
        );
        if let Some(p) = r.percent {
            line.push_str(&format!(" · {}", action::percent_label(p)));
        }
        if let (Some(amount), Some(unit)) = (r.amount, &a.unit) {
            line.push_str(&format!(" · {} {unit}", readable::number(amount, l.locale)));
        }
        if let Some(b) = r.blocker {
            line.push_str(&format!(" · {}", blocker_name(i18n, l, b)));
        }
        lines.push(line);
        for note in app.store.report_notes(r.report_id).await? {
            match note.kind.as_str() {
                "text" => lines.push(format!("   💬 {}", note.body.unwrap_or_default())),
                kind => {
                    let label = if kind == "voice" {
                        tr!(i18n, l, "btn-note-voice")
                    } else {
                        tr!(i18n, l, "btn-note-photo")
                    };
                    lines.push(format!("   {label}"));
                    media_buttons.push(button(
                        format!("{label} · {}", i18n.day(l, r.created_at, tz)),
                        ProgressButton::Media(note.note_id),
                    ));
                }
            }
        }
    }
    let text: String = i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    let mut buttons: Vec<_> = media_buttons.into_iter().take(20).collect();
    if cda_of(caller, a.cluster_id) {
        buttons.push(button(tr!(i18n, l, "btn-action-translate"), ProgressButton::Translate(action_id)));
    }
    let mut message = bot.send_message(caller.chat_id, text);
    if !buttons.is_empty() {
        message = message.reply_markup(keyboards::column(buttons));
    }
    message.await?;
    Ok(())
}

/// The title typed in another language.
pub async fn on_title_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    action_id: ActionId,
    to: Locale,
    msg: &Message,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let a = app.store.action(action_id).await?;
    let title = msg.text().map(clean_line).unwrap_or_default();
    if title.is_empty() || title.chars().count() > 200 || title.starts_with('/') {
        bot.send_message(
            caller.chat_id,
            tr!(i18n, l, "action-translate-type", action = a.title.clone(), language = to.native_name()),
        )
        .await?;
        return Ok(());
    }
    if !cda_of(caller, a.cluster_id) {
        // No longer a CDA here: the draft ends, and they are told why.
        app.store.clear_dialogue(caller.chat_id.0).await?;
        return Err(BotError::NotAllowed);
    }
    app.store.set_action_title(action_id, to, &title).await?;
    app.store.clear_dialogue(caller.chat_id.0).await?;
    bot.send_message(
        caller.chat_id,
        tr!(i18n, l, "action-translate-saved", language = to.native_name(), title = title),
    )
    .await?;
    Ok(())
}

/// Asks for the first missing piece of a new action.
async fn ask_draft(bot: &Bot, app: &App, caller: &Caller, d: &ActionDraft) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let skip = || button(tr!(i18n, l, "btn-form-skip"), DraftButton::Skip);
    let (text, keyboard) = match d.step() {
        DraftStep::Title => (tr!(i18n, l, "action-ask-title"), None),
        DraftStep::Description => {
            (tr!(i18n, l, "action-ask-description"), Some(InlineKeyboardMarkup::new([vec![skip()]])))
        }
        DraftStep::Owners => {
            let mut rows: Vec<_> = app
                .store
                .cooperatives(d.cluster_id)
                .await?
                .into_iter()
                .map(|c| {
                    let mark = if d.cooperatives.contains(&c.cooperative_id) { "✅" } else { "⬜" };
                    vec![button(format!("{mark} {}", c.name), DraftButton::Owner(c.cooperative_id))]
                })
                .collect();
            rows.push(vec![button(tr!(i18n, l, "btn-form-done"), DraftButton::OwnersDone)]);
            (tr!(i18n, l, "action-ask-owners"), Some(InlineKeyboardMarkup::new(rows)))
        }
        DraftStep::StartDate => (
            tr!(i18n, l, "action-ask-start"),
            Some(InlineKeyboardMarkup::new([vec![button(
                tr!(i18n, l, "btn-form-today"),
                DraftButton::Today,
            )]])),
        ),
        DraftStep::DueDate => {
            let months =
                |m: u8| button(tr!(i18n, l, "btn-months", months = i64::from(m)), DraftButton::Months(m));
            (
                tr!(i18n, l, "action-ask-due"),
                Some(InlineKeyboardMarkup::new([DUE_MONTH_CHOICES.map(months).to_vec()])),
            )
        }
        DraftStep::Target => {
            (tr!(i18n, l, "action-ask-target"), Some(InlineKeyboardMarkup::new([vec![skip()]])))
        }
        DraftStep::Rhythm => {
            let days = |n: u16| {
                button(tr!(i18n, l, "btn-deadline-days", days = i64::from(n)), DraftButton::Rhythm(n))
            };
            let keyboard = InlineKeyboardMarkup::new([
                RHYTHM_CHOICES.map(days).to_vec(),
                vec![button(tr!(i18n, l, "btn-no-checkins"), DraftButton::Rhythm(0))],
            ]);
            (tr!(i18n, l, "action-ask-rhythm"), Some(keyboard))
        }
        DraftStep::Complete => return save_draft(bot, app, caller, d).await,
    };
    let mut message = bot.send_message(caller.chat_id, text);
    if let Some(k) = keyboard {
        message = message.reply_markup(k);
    }
    message.await?;
    Ok(())
}

async fn save_draft(bot: &Bot, app: &App, caller: &Caller, d: &ActionDraft) -> HandlerResult {
    let l = caller.reader();
    let Some(new) = d.finish(caller.member.as_ref().map(|m| m.member_id)) else { return Ok(()) };
    let a = app.store.add_action(&new).await?;
    app.store.clear_dialogue(caller.chat_id.0).await?;
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "action-added", action = a.title.clone())).await?;
    overview(bot, app, caller).await
}

async fn update_draft(bot: &Bot, app: &App, caller: &Caller, d: ActionDraft) -> HandlerResult {
    if !cda_of(caller, d.cluster_id) {
        // No longer a CDA here: the draft ends, and they are told why.
        app.store.clear_dialogue(caller.chat_id.0).await?;
        return Err(BotError::NotAllowed);
    }
    app.store.set_dialogue(caller.chat_id.0, &Dialogue::NewAction(d.clone())).await?;
    ask_draft(bot, app, caller, &d).await
}

pub async fn on_draft_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: DraftButton,
) -> Result<Option<String>, BotError> {
    let Some(Dialogue::NewAction(mut d)) = app.store.dialogue(caller.chat_id.0).await? else {
        keyboards::clear(bot, q).await;
        return Err(BotError::NoLongerActive);
    };
    let tz = app.store.cluster(d.cluster_id).await?.tz();
    let today = crate::store::now().with_timezone(&tz).date_naive();
    match (d.step(), b) {
        (DraftStep::Description, DraftButton::Skip) => d.description = Some(String::new()),
        (DraftStep::Target, DraftButton::Skip) => d.target = Some(None),
        (DraftStep::Owners, DraftButton::Owner(id)) => {
            if app.store.cooperative(id).await.map(|c| c.cluster_id).ok() != Some(d.cluster_id) {
                return Err(BotError::NoLongerActive);
            }
            match d.cooperatives.iter().position(|c| *c == id) {
                Some(at) => {
                    d.cooperatives.remove(at);
                }
                None => d.cooperatives.push(id),
            }
            app.store.set_dialogue(caller.chat_id.0, &Dialogue::NewAction(d.clone())).await?;
            keyboards::clear(bot, q).await;
            ask_draft(bot, app, caller, &d).await?;
            return Ok(None);
        }
        (DraftStep::Owners, DraftButton::OwnersDone) => d.owners_done = true,
        (DraftStep::StartDate, DraftButton::Today) => d.start_date = Some(today),
        (DraftStep::DueDate, DraftButton::Months(m)) => {
            let start = d.start_date.unwrap_or(today);
            d.due_date = start.checked_add_months(Months::new(u32::from(m)));
        }
        (DraftStep::Rhythm, DraftButton::Rhythm(days)) => {
            d.rhythm_days = Some((days > 0).then_some(i64::from(days)))
        }
        _ => {
            keyboards::clear(bot, q).await;
            return Err(BotError::NoLongerActive);
        }
    }
    keyboards::clear(bot, q).await;
    update_draft(bot, app, caller, d).await?;
    Ok(None)
}

/// Typed answers while adding an action.
pub async fn on_draft_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    mut d: ActionDraft,
    msg: &Message,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let typed = msg.text().map(clean_text).unwrap_or_default();
    let line = clean_line(&typed);
    let text = line.as_str();
    let date = |t: &str| walk::parse_date(t).ok();
    let valid = match d.step() {
        DraftStep::Title if !text.is_empty() && text.chars().count() <= 200 => {
            d.title = Some(text.to_owned());
            true
        }
        DraftStep::Description if !typed.is_empty() => {
            d.description = Some(typed.chars().take(1000).collect());
            true
        }
        DraftStep::StartDate => date(text).map(|s| d.start_date = Some(s)).is_some(),
        DraftStep::DueDate => match date(text) {
            Some(due) if d.start_date.is_none_or(|s: NaiveDate| due >= s) => {
                d.due_date = Some(due);
                true
            }
            Some(_) => {
                bot.send_message(caller.chat_id, tr!(i18n, l, "action-due-before-start")).await?;
                false
            }
            None => false,
        },
        DraftStep::Target => parse_target(text).map(|t| d.target = Some(Some(t))).is_some(),
        _ => false,
    };
    if !valid {
        bot.send_message(caller.chat_id, tr!(i18n, l, "action-reask")).await?;
        return ask_draft(bot, app, caller, &d).await;
    }
    update_draft(bot, app, caller, d).await
}

/// Messages while adding a joint action or translating its title.
pub fn replies() -> UpdateHandler<BotError> {
    dptree::entry()
        .branch(super::dialogue_replies(
            |d| match d {
                Dialogue::NewAction(draft) => Some(draft.clone()),
                _ => None,
            },
            |s: Said, draft| async move { on_draft_message(&s.bot, &s.app, &s.caller, draft, &s.msg).await },
        ))
        .branch(super::dialogue_replies(
            |d| match d {
                Dialogue::ActionTitle { action_id, locale } => Some((*action_id, *locale)),
                _ => None,
            },
            |s: Said, (action_id, locale)| async move {
                on_title_message(&s.bot, &s.app, &s.caller, action_id, locale, &s.msg).await
            },
        ))
}

/// Following the action plan.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum PlanCommand {
    Progress,
    Actions,
}

impl PlanCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        let mut menu = Vec::new();
        if role.is_some_and(|r| r >= crate::domain::Role::Leader) {
            menu.push(BotCommand::new("progress", tr!(i18n, l, "cmd-progress")));
        }
        if role.is_some_and(crate::domain::Role::is_cda) {
            menu.push(BotCommand::new("actions", tr!(i18n, l, "cmd-actions")));
        }
        menu
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: PlanCommand) -> HandlerResult {
    match cmd {
        PlanCommand::Progress | PlanCommand::Actions => overview(bot, app, caller).await,
    }
}

#[cfg(test)]
mod button_tests {
    use super::*;

    #[test]
    fn progress_and_draft_buttons_round_trip_and_refuse_junk() {
        codes::assert_codes(
            &[
                ProgressButton::History(ActionId(i64::MAX)),
                ProgressButton::Media(ReportNoteId(i64::MAX)),
                ProgressButton::Chart(ClusterId(i64::MAX)),
                ProgressButton::Add(ClusterId(i64::MAX)),
                ProgressButton::Translate(ActionId(i64::MAX)),
                ProgressButton::TranslateTo(ActionId(i64::MAX), Locale::Ur),
            ],
            &["pl:1:de", "ph:", "pc:1:2"],
        );
        // The keyboard offers 7, 14 and 30 days or none, and its own month choices.
        codes::assert_codes(
            &[
                DraftButton::Skip,
                DraftButton::Owner(CooperativeId(i64::MAX)),
                DraftButton::OwnersDone,
                DraftButton::Today,
                DraftButton::Months(6),
                DraftButton::Rhythm(14),
                DraftButton::Rhythm(0),
            ],
            &["d:m0", "d:x", "d:r65535", "d:r5", "d:m24", "d:"],
        );
    }
}
