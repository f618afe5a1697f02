//! The CDA's side of questionnaires: import a form by sending the XLSForm file, launch it to
//! an audience with an optional deadline, and read the results — all with buttons.
//! Every step checks server-side that the caller is a CDA of that cluster.

use chrono::Duration;
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::{InlineKeyboardMarkup, InputFile};
use teloxide::utils::command::BotCommands;

use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, media, questionnaire};
use crate::domain::Role;
use crate::domain::access::Act;
use crate::domain::form::audience::DEADLINE_CHOICES;
use crate::domain::form::results::{self, Rate};
use crate::domain::form::{Audience, Kind, walk};
use crate::domain::ids::{ClusterId, FormVersionId, LaunchId};
use crate::i18n::Reader;
use crate::import::ImportFailure;
use crate::store::Saved;
use crate::tr;
use std::fmt::Write;

/// Where a launch being prepared by a CDA stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaunchDraft {
    pub cluster_id: ClusterId,
    pub form_pk: Option<FormVersionId>,
    pub audience: Option<crate::domain::form::Audience>,
    /// Deadline in days; `Some(0)`: none.
    pub days: Option<u16>,
}

/// The buttons of launching a questionnaire and reading its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchButton {
    /// A launch being prepared: each button carries the choices so far.
    Draft(LaunchDraft),
    /// Results of a launch; with an item index, that question's chart.
    Results { launch_id: LaunchId, item: Option<u32> },
}

fn audience_code(a: Audience) -> String {
    match a {
        Audience::Cluster => "c".into(),
        Audience::Cooperative(id) => format!("k{}", codes::b36(id)),
        Audience::Role(role) => format!("r{}", role.code()),
    }
}

fn parse_audience(s: &str) -> Option<Audience> {
    match s.split_at_checked(1)? {
        ("c", "") => Some(Audience::Cluster),
        ("k", id) => codes::from_b36(id).map(Audience::Cooperative),
        ("r", role) => role.parse().ok().map(Audience::Role),
        _ => None,
    }
}

impl ButtonCode for LaunchButton {
    const HEADS: &'static [&'static str] = &["L", "R"];

    fn encode(&self) -> String {
        match self {
            Self::Draft(d) => {
                let mut s = format!("L:{}", codes::b36(d.cluster_id));
                if let Some(form) = d.form_pk {
                    write!(s, ":{}", codes::b36(form)).expect("writing to a String");
                    if let Some(audience) = d.audience {
                        write!(s, ":{}", audience_code(audience)).expect("writing to a String");
                        if let Some(days) = d.days {
                            write!(s, ":{days}").expect("writing to a String");
                        }
                    }
                }
                s
            }
            Self::Results { launch_id, item: Some(i) } => format!("R:{}:{i}", codes::b36(*launch_id)),
            Self::Results { launch_id, item: None } => format!("R:{}", codes::b36(*launch_id)),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        Some(match (head, rest) {
            ("L", [cluster, more @ ..]) if more.len() <= 3 => Self::Draft(LaunchDraft {
                cluster_id: codes::from_b36(cluster)?,
                form_pk: more.first().map(|f| codes::from_b36(f).ok_or(())).transpose().ok()?,
                audience: more.get(1).map(|a| parse_audience(a).ok_or(())).transpose().ok()?,
                days: more
                    .get(2)
                    .map(|d| codes::offered_or_none(d, &DEADLINE_CHOICES).ok_or(()))
                    .transpose()
                    .ok()?,
            }),
            ("R", [launch]) => Self::Results { launch_id: codes::from_b36(launch)?, item: None },
            ("R", [launch, item]) => {
                Self::Results { launch_id: codes::from_b36(launch)?, item: Some(item.parse().ok()?) }
            }
            _ => return None,
        })
    }
}

/// Clusters the caller serves as a CDA.
fn served(caller: &Caller) -> Vec<(ClusterId, String)> {
    caller
        .memberships
        .iter()
        .filter(|m| caller.can(Act::Coordinate, m.cluster_id))
        .map(|m| (m.cluster_id, m.cluster_name.clone()))
        .collect()
}

fn serves(caller: &Caller, cluster_id: ClusterId) -> bool {
    caller.can(Act::Coordinate, cluster_id)
}

/// A CDA sends an XLSForm as a document (the caller checked it is one, with
/// [`crate::xlsx::is_form_file`]): import it, or say exactly what is wrong with it.
pub async fn on_document(bot: &Bot, app: &App, caller: &Caller, msg: &Message) -> HandlerResult {
    let l = caller.reader();
    let Some(doc) = msg.document() else { return Ok(()) };
    let name = doc
        .file_name
        .as_deref()
        .map(crate::domain::text::clean_line)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "form.xlsx".into());
    if doc.file.size > media::MAX_BYTES {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "form-file-too-big")).await?;
        return Ok(());
    }
    let file = bot.get_file(doc.file.id.clone()).await?;
    let mut bytes: Vec<u8> = Vec::new();
    bot.download_file(&file.path, &mut bytes).await?;
    let text = match crate::import::import(&app.store, &bytes, &name, None).await {
        Ok(imported) => {
            let form = &imported.form;
            let title = form.title(l.locale).to_owned();
            let languages = if form.languages.is_empty() {
                tr!(app.i18n, l, "import-one-language")
            } else {
                form.languages.join(", ")
            };
            let mut text = match imported.saved {
                Saved::New(_) => tr!(
                    app.i18n,
                    l,
                    "import-ok",
                    title = title,
                    count = walk::question_count(form, crate::store::now().date_naive()) as i64,
                    languages = languages
                ),
                Saved::Unchanged(_) => tr!(app.i18n, l, "import-unchanged", title = title),
            };
            if !imported.cut.is_empty() {
                let texts: Vec<String> = imported.cut.iter().take(20).map(|c| format!("• {c}")).collect();
                text.push_str("\n\n");
                text.push_str(&tr!(app.i18n, l, "import-texts-cut", texts = texts.join("\n")));
            }
            text
        }
        Err(ImportFailure::Invalid(errors)) => {
            let problems: String =
                errors.iter().take(20).map(|e| format!("• {e}")).collect::<Vec<_>>().join("\n");
            tr!(app.i18n, l, "import-failed", problems = problems)
        }
        Err(ImportFailure::Read(_)) => tr!(app.i18n, l, "import-not-xlsx"),
        Err(ImportFailure::Store(e)) => {
            tracing::warn!(error = %e, "a form could not be stored");
            tr!(app.i18n, l, "import-version-conflict")
        }
    };
    let text: String = text.chars().take(4000).collect();
    bot.send_message(caller.chat_id, text).await?;
    Ok(())
}

/// `/launch`: choose the cluster (when the CDA serves several), then the form.
pub async fn start(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let clusters = served(caller);
    match clusters.as_slice() {
        [] => return Err(BotError::NotAllowed),
        [(only, _)] => {
            let draft = LaunchDraft { cluster_id: *only, form_pk: None, audience: None, days: None };
            ask_next(bot, app, caller, draft).await?;
        }
        several => {
            let buttons = several.iter().map(|(id, name)| {
                button(
                    format!("🌍 {name}"),
                    LaunchButton::Draft(LaunchDraft {
                        cluster_id: *id,
                        form_pk: None,
                        audience: None,
                        days: None,
                    }),
                )
            });
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "invite-choose-cluster"))
                .reply_markup(keyboards::column(buttons))
                .await?;
        }
    }
    Ok(())
}

/// A button of launching or of results.
pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: LaunchButton,
) -> Result<Option<String>, BotError> {
    match b {
        LaunchButton::Draft(draft) => on_draft(bot, app, caller, q, draft).await,
        LaunchButton::Results { launch_id, item } => on_results(bot, app, caller, q, launch_id, item).await,
    }
}

async fn on_draft(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    draft: LaunchDraft,
) -> Result<Option<String>, BotError> {
    if !serves(caller, draft.cluster_id) {
        return Err(BotError::NotAllowed);
    }
    // The last step launches: a double tap must not launch twice.
    if draft.days.is_some()
        && let Some(key) = keyboards::once_key("launch", q)
        && !app.store.claim_key(&key).await?
    {
        return Err(BotError::NoLongerActive);
    }
    keyboards::clear(bot, q).await;
    ask_next(bot, app, caller, draft).await?;
    Ok(None)
}

/// "Which questionnaire?": a button per form (its newest version), each leading to
/// `next(form_pk)`; or how to import one when there is none.
pub async fn ask_form<B: ButtonCode>(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    next: impl Fn(FormVersionId) -> B,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let forms = app.store.latest_forms().await?;
    if forms.is_empty() {
        bot.send_message(caller.chat_id, tr!(i18n, l, "launch-no-forms")).await?;
        return Ok(());
    }
    let mut buttons = Vec::new();
    for f in forms.iter().take(20) {
        let title = questionnaire::button_title(&*app.store.form(f.form_pk).await?, l);
        buttons.push(button(format!("📋 {title}"), next(f.form_pk)));
    }
    bot.send_message(caller.chat_id, tr!(i18n, l, "launch-choose-form"))
        .reply_markup(keyboards::column(buttons))
        .await?;
    Ok(())
}

/// Asks for the first missing piece of the launch; launches when nothing is missing.
async fn ask_next(bot: &Bot, app: &App, caller: &Caller, draft: LaunchDraft) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let Some(form_pk) = draft.form_pk else {
        return ask_form(bot, app, caller, |form_pk| {
            LaunchButton::Draft(LaunchDraft { form_pk: Some(form_pk), ..draft })
        })
        .await;
    };
    let Some(audience) = draft.audience else {
        let with = |a| LaunchButton::Draft(LaunchDraft { audience: Some(a), ..draft });
        let mut buttons = vec![
            button(tr!(i18n, l, "btn-audience-cluster"), with(Audience::Cluster)),
            button(tr!(i18n, l, "btn-audience-leaders"), with(Audience::Role(Role::Leader))),
            button(tr!(i18n, l, "btn-audience-producers"), with(Audience::Role(Role::Producer))),
        ];
        for coop in app.store.cooperatives(draft.cluster_id).await? {
            buttons
                .push(button(format!("🏠 {}", coop.name), with(Audience::Cooperative(coop.cooperative_id))));
        }
        bot.send_message(caller.chat_id, tr!(i18n, l, "launch-choose-audience"))
            .reply_markup(keyboards::column(buttons))
            .await?;
        return Ok(());
    };
    let Some(days) = draft.days else {
        let with = |d| LaunchButton::Draft(LaunchDraft { days: Some(d), ..draft });
        let keyboard = InlineKeyboardMarkup::new([
            DEADLINE_CHOICES
                .map(|days| button(tr!(i18n, l, "btn-deadline-days", days = i64::from(days)), with(days)))
                .to_vec(),
            vec![button(tr!(i18n, l, "btn-deadline-none"), with(0))],
        ]);
        bot.send_message(caller.chat_id, tr!(i18n, l, "launch-choose-deadline"))
            .reply_markup(keyboard)
            .await?;
        return Ok(());
    };
    if let Audience::Cooperative(id) = audience
        && app.store.cooperative(id).await?.cluster_id != draft.cluster_id
    {
        return Err(BotError::NotAllowed);
    }
    let deadline = (days > 0).then(|| crate::store::now() + Duration::days(i64::from(days)));
    let by = caller.member.as_ref().map(|m| m.member_id);
    let (_, invitees) = app.store.create_launch(form_pk, draft.cluster_id, audience, deadline, by).await?;
    if invitees.is_empty() {
        bot.send_message(caller.chat_id, tr!(i18n, l, "launch-nobody")).await?;
        return Ok(());
    }
    bot.send_message(caller.chat_id, tr!(i18n, l, "launch-sent", count = invitees.len() as i64)).await?;
    Ok(())
}

/// `/results`: the latest launches of the CDA's clusters.
pub async fn start_results(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let clusters = served(caller);
    if clusters.is_empty() {
        return Err(BotError::NotAllowed);
    }
    let mut buttons = Vec::new();
    for (cluster_id, cluster_name) in &clusters {
        for launch in app.store.launches(*cluster_id, 10).await? {
            let title = app.store.form(launch.form_pk).await?.title(l.locale).to_owned();
            let tz = app.store.cluster(*cluster_id).await?.tz();
            let day = app.i18n.day(l, launch.created_at, tz);
            let label = app.i18n.lines(l, &format!("📊 {title} · {day} · {cluster_name}"));
            buttons.push(button(label, LaunchButton::Results { launch_id: launch.launch_id, item: None }));
        }
    }
    if buttons.is_empty() {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "results-none")).await?;
        return Ok(());
    }
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "results-choose"))
        .reply_markup(keyboards::column(buttons))
        .await?;
    Ok(())
}

fn rate_line(app: &App, l: Reader, group: String, r: &Rate) -> String {
    tr!(
        app.i18n,
        l,
        "results-line",
        group = group,
        finished = r.finished as i64,
        started = r.started as i64,
        invited = r.invited as i64
    )
}

async fn on_results(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    launch_id: LaunchId,
    item: Option<u32>,
) -> Result<Option<String>, BotError> {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let launch = app.store.launch(launch_id).await?;
    if !serves(caller, launch.cluster_id) {
        return Err(BotError::NotAllowed);
    }
    let form = app.store.form(launch.form_pk).await?;
    let label_of = |item: &crate::domain::form::Item| {
        item.label.get(l.locale, &form.default_language).unwrap_or(&item.name).to_owned()
    };

    if let Some(index) = item {
        let Some(question) = form.items.get(index as usize).filter(|i| i.kind.list().is_some()) else {
            return Err(BotError::NoLongerActive);
        };
        let answers = app.store.launch_answers(launch_id, &question.name).await?;
        let choices = form.choices(question);
        let bars: Vec<crate::chart::Bar> = results::distribution(&form, question, &answers)
            .into_iter()
            .map(|(name, value)| {
                let label = choices
                    .iter()
                    .find(|c| c.name == name)
                    .map(|c| {
                        if c.label.is_empty() {
                            tr!(i18n, l, "btn-form-other")
                        } else {
                            c.label.get(l.locale, &form.default_language).unwrap_or(&name).to_owned()
                        }
                    })
                    .unwrap_or(name);
                crate::chart::Bar::new(label, value)
            })
            .collect();
        let title = label_of(question);
        // Rasterising is CPU work: keep it off the async workers.
        let (chart_title, rtl) = (title.clone(), l.locale.is_rtl());
        let rendered = tokio::task::spawn_blocking(move || {
            crate::chart::bar_chart_png(&chart_title, &bars, crate::chart::Values::Counts, rtl)
        })
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
        match rendered {
            Ok(png) => {
                let caption: String =
                    tr!(i18n, l, "results-chart-caption", question = title, count = answers.len() as i64)
                        .chars()
                        .take(1000)
                        .collect();
                bot.send_photo(caller.chat_id, InputFile::memory(png).file_name("chart.png"))
                    .caption(caption)
                    .await?;
            }
            Err(e) => {
                tracing::warn!(error = %e, "could not draw a chart");
                return Ok(Some(tr!(i18n, l, "error-generic")));
            }
        }
        return Ok(None);
    }

    keyboards::clear(bot, q).await;
    let participation = app.store.participation(launch_id).await?;
    let rates = results::rates(
        participation.iter().map(|p| (p.status.as_str(), p.gender, p.cooperative_name.as_deref())),
    );
    let mut lines = vec![tr!(
        i18n,
        l,
        "results-summary",
        title = form.title(l.locale).to_owned(),
        invited = rates.total.invited as i64,
        started = rates.total.started as i64,
        finished = rates.total.finished as i64
    )];
    let unreachable = app.store.launch_unreachable(launch_id).await?;
    if !unreachable.is_empty() {
        lines.push(tr!(i18n, l, "meeting-unreachable", names = unreachable.join(", ")));
    }
    lines.push(String::new());
    lines.push(tr!(i18n, l, "results-by-cooperative"));
    for (coop, r) in &rates.by_cooperative {
        let group = coop.clone().unwrap_or_else(|| tr!(i18n, l, "results-no-cooperative"));
        lines.push(rate_line(app, l, group, r));
    }
    lines.push(String::new());
    lines.push(tr!(i18n, l, "results-by-gender"));
    for (gender, r) in &rates.by_gender {
        let group = match *gender {
            Some("woman") => tr!(i18n, l, "gender-woman"),
            Some("man") => tr!(i18n, l, "gender-man"),
            Some(_) => tr!(i18n, l, "gender-undisclosed"),
            None => tr!(i18n, l, "gender-unknown"),
        };
        lines.push(rate_line(app, l, group, r));
    }
    let mut chart_buttons = Vec::new();
    for (index, question) in form
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.kind, Kind::SelectOne { .. } | Kind::SelectMultiple { .. }))
    {
        let answers = app.store.launch_answers(launch_id, &question.name).await?;
        let choices = form.choices(question);
        let counts: Vec<String> = results::distribution(&form, question, &answers)
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| {
                let label = choices
                    .iter()
                    .find(|c| c.name == name)
                    .and_then(|c| c.label.get(l.locale, &form.default_language))
                    .unwrap_or(&name)
                    .to_owned();
                format!("{label}: {n}")
            })
            .collect();
        lines.push(String::new());
        lines.push(format!("❓ {}", label_of(question)));
        lines.push(if counts.is_empty() { "—".to_owned() } else { counts.join(" · ") });
        chart_buttons.push(button(
            format!("📊 {}", label_of(question)),
            LaunchButton::Results { launch_id, item: Some(index as u32) },
        ));
    }
    // Numbers, dates and texts answered by voice: to review, with their transcripts.
    for question in form
        .items
        .iter()
        .filter(|i| matches!(i.kind, Kind::Integer | Kind::Decimal | Kind::Date | Kind::Text) && !i.read_only)
    {
        let voiced = app.store.launch_voice_answers(launch_id, &question.name).await?;
        if voiced.is_empty() {
            continue;
        }
        lines.push(String::new());
        lines.push(tr!(
            i18n,
            l,
            "results-voice-review",
            question = label_of(question),
            count = voiced.len() as i64
        ));
        for (name, _, transcript) in voiced.iter().take(10) {
            let said = transcript.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "…".into());
            lines.push(format!(
                "   🎤 {}: {said}",
                name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| "—".into())
            ));
        }
    }
    let text: String = app.i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    let mut message = bot.send_message(caller.chat_id, text);
    if !chart_buttons.is_empty() {
        message = message.reply_markup(keyboards::column(chart_buttons));
    }
    message.await?;
    Ok(None)
}

/// Launching questionnaires and reading their results.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum LaunchCommand {
    Launch,
    Results,
}

impl LaunchCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        let mut menu = Vec::new();
        if role.is_some_and(crate::domain::Role::is_cda) {
            menu.push(BotCommand::new("launch", tr!(i18n, l, "cmd-launch")));
            menu.push(BotCommand::new("results", tr!(i18n, l, "cmd-results")));
        }
        menu
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: LaunchCommand) -> HandlerResult {
    match cmd {
        LaunchCommand::Launch => start(bot, app, caller).await,
        LaunchCommand::Results => start_results(bot, app, caller).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_and_results_buttons_round_trip_and_refuse_junk() {
        let mut all = Vec::new();
        for audience in [
            Audience::Cluster,
            Audience::Cooperative(crate::domain::ids::CooperativeId(i64::MAX)),
            Audience::Role(Role::Leader),
        ] {
            for days in [Some(14), Some(0), None] {
                all.push(LaunchButton::Draft(LaunchDraft {
                    cluster_id: ClusterId(i64::MAX),
                    form_pk: Some(FormVersionId(i64::MAX)),
                    audience: Some(audience),
                    days,
                }));
            }
        }
        all.push(LaunchButton::Draft(LaunchDraft {
            cluster_id: ClusterId(1),
            form_pk: None,
            audience: None,
            days: None,
        }));
        all.push(LaunchButton::Results { launch_id: LaunchId(i64::MAX), item: Some(u32::MAX) });
        all.push(LaunchButton::Results { launch_id: LaunchId(1), item: None });
        // 65535 and 5 days are no button of the deadline keyboard.
        codes::assert_codes(&all, &["L:1:2:x", "R:", "L:1:2:c:65535", "L:1:2:c:5", "L:1:2:c:7:1"]);
    }
}
