//! Answering a questionnaire in the chat: one question per message, buttons wherever
//! possible, a voice note wherever free text, a number or a date is asked, "⬅️ back", "🔁 repeat" and "⏭ skip"
//! always at hand. Every answer is saved as it comes and the position with it, so a member
//! who stops — or a bot that restarts — continues exactly there, even days later.

use crate::domain::ids::{FormVersionId, ResponseId};
use crate::i18n::{I18n, Reader};
use chrono::{Duration, NaiveDate};
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::{
    ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, KeyboardButton, KeyboardMarkup,
    KeyboardRemove,
};
use teloxide::utils::command::BotCommands;

use super::Said;
use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, media, menu};
use crate::domain::form::model::OTHER;
use crate::domain::form::walk::{self, Answers, Rejection};
use crate::domain::form::{Form, Item, Kind};
use crate::domain::ids::MediaId;
use crate::domain::onboarding::Dialogue;
use crate::domain::text::clean_text;
use crate::store::{Response, Status};
use crate::tr;

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
    pub response_id: ResponseId,
    pub position: u32,
    pub action: FormAction,
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
        ("t", d) => FormAction::DaysAgo(codes::offered(d, &DAYS_AGO_CHOICES)?),
        ("v", n) => FormAction::Number(n.parse().ok()?),
        _ => return None,
    })
}

impl ButtonCode for FormButton {
    const HEADS: &'static [&'static str] = &["q"];

    fn encode(&self) -> String {
        format!("q:{}:{}:{}", codes::b36(self.response_id), self.position, form_action_code(self.action))
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        match rest {
            [rid, pos, action] => Some(Self {
                response_id: codes::from_b36(rid)?,
                position: pos.parse().ok()?,
                action: parse_form_action(action)?,
            }),
            _ => None,
        }
    }
}

/// `pending` while waiting for the text that explains an "other" choice.
const SPECIFY: &str = "specify";

/// A response with everything needed to show or answer its current question.
struct Session {
    response: Response,
    form_pk: FormVersionId,
    form: std::sync::Arc<Form>,
    answers: Answers,
    closed: bool,
    /// Today in the cluster's time zone, for `s.today` in the form and the date buttons.
    today: NaiveDate,
}

async fn load(app: &App, response_id: ResponseId) -> Result<Session, BotError> {
    let response = app.store.response(response_id).await?;
    let launch = app.store.launch(response.launch_id).await?;
    let form = app.store.form(launch.form_pk).await?;
    let tz = app.store.cluster(launch.cluster_id).await?.tz();
    let today = crate::store::now().with_timezone(&tz).date_naive();
    let mut answers = app.store.answers(response_id).await?;
    walk::compute(&form, &mut answers, today);
    let closed = launch.deadline_at.is_some_and(|d| d <= crate::store::now());
    Ok(Session { response, form_pk: launch.form_pk, form, answers, closed, today })
}

/// The member's language for the form: theirs if the form has it, else the form's default
/// (resolved per text by [`crate::domain::form::Text::get`]).
fn text(t: &crate::domain::form::Text, form: &Form, l: Reader) -> String {
    t.get(l.locale, &form.default_language).unwrap_or_default().to_owned()
}

/// Replaces `${name}` in a label with the answer (a choice's label for select questions).
/// A label with its `${name}` references filled in, each value shown as the reader reads it
/// (`read`: the translations and the reader's today, for dates).
fn fill(label: &str, form: &Form, answers: &Answers, l: Reader, read: (&I18n, NaiveDate)) -> String {
    let mut out = String::new();
    let mut rest = label;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        let value = answers.get(name).cloned().unwrap_or_default();
        let shown = form.item(name).map(|i| shown_value(form, i, &value, l, read)).unwrap_or(value);
        out.push_str(&shown);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A value as the member reads it: a choice's label for select questions.
fn shown_value(form: &Form, item: &Item, value: &str, l: Reader, read: (&I18n, NaiveDate)) -> String {
    match item.kind {
        // A date as the reader reads it ("tomorrow, Tue 8 Dec"), never as stored.
        Kind::Date => {
            return NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                .map(|day| read.0.date(l, day, read.1))
                .unwrap_or_else(|_| value.to_owned());
        }
        // Numbers with the reader's decimal separator; a place as a pin, never coordinates.
        Kind::Decimal | Kind::Calculate => return crate::domain::readable::decimal_text(value, l.locale),
        Kind::Geopoint => return "📍".to_owned(),
        _ if item.kind.list().is_none() => return value.to_owned(),
        _ => {}
    }
    let choices = form.choices(item);
    value
        .split_whitespace()
        .map(|v| {
            choices
                .iter()
                .find(|c| c.name == v)
                .map(|c| text(&c.label, form, l))
                .unwrap_or_else(|| v.to_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A form's title short enough for a button.
pub fn button_title(form: &Form, l: Reader) -> String {
    let title = form.title(l.locale);
    crate::domain::form::xlsform::cut(title, crate::domain::form::xlsform::BUTTON_MAX)
        .unwrap_or_else(|| title.to_owned())
}

fn choice_label(app: &App, form: &Form, choice: &crate::domain::form::Choice, l: Reader) -> String {
    if choice.name == OTHER && choice.label.is_empty() {
        tr!(app.i18n, l, "btn-form-other")
    } else {
        text(&choice.label, form, l)
    }
}

fn form_button(s: &Session, action: FormAction) -> FormButton {
    FormButton {
        response_id: s.response.response_id,
        position: s.response.position.unwrap_or(0) as u32,
        action,
    }
}

/// Starts (or continues) a questionnaire from its invitation, a reminder or the menu.
pub async fn begin(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    response_id: ResponseId,
) -> Result<Option<String>, BotError> {
    let l = caller.reader();
    let Some(member) = &caller.member else { return Err(BotError::NoLongerActive) };
    let mut s = match app.store.response(response_id).await {
        Ok(r) if r.member_id == member.member_id => load(app, response_id).await?,
        _ => return Err(BotError::NoLongerActive),
    };
    if s.response.status == Status::Finished {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "form-already-done")).await?;
        return Ok(None);
    }
    if s.closed {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "form-closed")).await?;
        return Ok(None);
    }
    if s.response.status == Status::Invited {
        let now = crate::store::now();
        for item in &s.form.items {
            if let Kind::Meta(meta) = item.kind
                && meta != crate::domain::form::Meta::End
            {
                let value = walk::meta_value(
                    meta,
                    now,
                    s.today,
                    caller.user.id.0 as i64,
                    member.display_name.as_deref().unwrap_or_default(),
                );
                app.store.save_answer(response_id, &item.name, &value, None).await?;
                s.answers.insert(item.name.clone(), value);
            }
        }
        s.response.status = Status::Started;
        s.response.position = walk::next_shown(&s.form, &s.answers, None, s.today);
        app.store.save_progress(&s.response).await?;
    }
    app.store.set_dialogue(caller.chat_id.0, &Dialogue::Questionnaire { response_id }).await?;
    match s.response.position {
        Some(_) => ask(bot, app, caller, &s).await?,
        None => finish(bot, app, caller, s).await?,
    }
    Ok(None)
}

/// Sends the current question: its audio prompt first when the form has one, then the
/// text with the buttons that answer it.
async fn ask(bot: &Bot, app: &App, caller: &Caller, s: &Session) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let Some(pos) = s.response.position else { return Ok(()) };
    let item = &s.form.items[pos];
    if s.response.pending.as_deref() == Some(SPECIFY) {
        let keyboard = InlineKeyboardMarkup::new([nav_row(app, s, item, l)]);
        bot.send_message(caller.chat_id, tr!(i18n, l, "form-specify-other")).reply_markup(keyboard).await?;
        return Ok(());
    }
    send_audio_prompt(bot, app, caller, s, item).await;

    let mut lines = Vec::new();
    if let Some(group) = &item.group {
        lines.push(format!("📂 {}", text(group, &s.form, l)));
    }
    if item.is_asked() {
        let (n, total) = walk::progress(&s.form, &s.answers, pos, s.today);
        lines.push(walk::progress_bar(n, total));
    }
    lines.push(fill(&text(&item.label, &s.form, l), &s.form, &s.answers, l, (i18n, s.today)));
    if item.read_only {
        // Shown, never asked: with a calculation, the value the form computes.
        if let Some(value) = s.answers.get(&item.name).filter(|v| !v.is_empty()) {
            lines.push(crate::i18n::arrows(
                l,
                &format!("➡️ {}", shown_value(&s.form, item, value, l, (i18n, s.today))),
            ));
        }
    }
    let hint = fill(&text(&item.hint, &s.form, l), &s.form, &s.answers, l, (i18n, s.today));
    if !hint.is_empty() {
        lines.push(format!("💡 {hint}"));
    }
    let instruction = match item.kind {
        _ if item.read_only => None,
        Kind::Text => Some(tr!(i18n, l, "form-hint-text")),
        Kind::Integer if walk::keypad(item, &s.answers, s.today).is_none() => {
            Some(tr!(i18n, l, "form-hint-number"))
        }
        Kind::Decimal => Some(tr!(i18n, l, "form-hint-decimal")),
        Kind::Date => Some(tr!(i18n, l, "form-hint-date")),
        Kind::Audio => Some(tr!(i18n, l, "form-hint-audio")),
        Kind::Image => Some(tr!(i18n, l, "form-hint-image")),
        Kind::Geopoint => Some(tr!(i18n, l, "form-hint-geopoint")),
        Kind::SelectMultiple { .. } => Some(tr!(i18n, l, "form-hint-multiple")),
        _ => None,
    };
    lines.extend(instruction);
    let body: String = app.i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();

    if item.kind == Kind::Geopoint && !item.read_only {
        // Only a reply keyboard can ask for a location; back/skip ride along as text buttons.
        let mut rows = vec![vec![
            KeyboardButton::new(tr!(i18n, l, "btn-form-location")).request(ButtonRequest::Location),
        ]];
        rows.push(nav_row(app, s, item, l).into_iter().map(|b| KeyboardButton::new(b.text)).collect());
        let keyboard = KeyboardMarkup::new(rows).resize_keyboard().one_time_keyboard();
        bot.send_message(caller.chat_id, body).reply_markup(keyboard).await?;
        return Ok(());
    }
    let keyboard =
        InlineKeyboardMarkup::new(answer_rows(app, s, item, l).into_iter().chain([nav_row(app, s, item, l)]));
    // The form's own recording comes first: 🔊 only where the form has none.
    let keyboard = if item.audio.get(l.locale, &s.form.default_language).is_some() {
        keyboard
    } else {
        super::speak::with_speak(app, l, keyboard)
    };
    bot.send_message(caller.chat_id, body).reply_markup(keyboard).await?;
    Ok(())
}

/// Sends the form's audio prompt for this question as a voice note, caching Telegram's
/// file id so the bytes go up once. A prompt that cannot be sent never blocks the question.
async fn send_audio_prompt(bot: &Bot, app: &App, caller: &Caller, s: &Session, item: &Item) {
    let Some(name) = item.audio.get(caller.locale, &s.form.default_language) else { return };
    let result: Result<(), BotError> = async {
        let Some((media_id, file_id, bytes)) = app.store.form_media(s.form_pk, name).await? else {
            return Ok(());
        };
        let input = match file_id {
            Some(id) => InputFile::file_id(id.into()),
            None => InputFile::memory(bytes).file_name(name.to_owned()),
        };
        let sent = bot.send_voice(caller.chat_id, input).await?;
        if let Some(voice) = sent.voice() {
            app.store.set_form_media_file_id(media_id, &voice.file.id.to_string()).await?;
        }
        Ok(())
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, "could not send an audio prompt");
    }
}

fn answer_rows(app: &App, s: &Session, item: &Item, l: Reader) -> Vec<Vec<InlineKeyboardButton>> {
    let i18n = &app.i18n;
    let choice_button =
        |label: String, index: usize| button(label, form_button(s, FormAction::Choice(index as u32)));
    match &item.kind {
        _ if item.read_only => {
            vec![vec![button(tr!(i18n, l, "btn-form-next"), form_button(s, FormAction::Next))]]
        }
        Kind::SelectOne { .. } | Kind::SelectMultiple { .. } => {
            let all = s.form.choices(item);
            let visible = walk::visible_choices(&s.form, item, &s.answers, s.today);
            let selected: Vec<&str> = match &item.kind {
                Kind::SelectMultiple { .. } => {
                    s.response.pending.as_deref().unwrap_or_default().split_whitespace().collect()
                }
                _ => Vec::new(),
            };
            let mut rows: Vec<Vec<InlineKeyboardButton>> = visible
                .iter()
                .take(keyboards::MAX_BUTTONS)
                .filter_map(|c| all.iter().position(|a| a.name == c.name).map(|i| (i, c)))
                .map(|(i, c)| {
                    let label = choice_label(app, &s.form, c, l);
                    let label = match item.kind {
                        Kind::SelectMultiple { .. } if selected.contains(&c.name.as_str()) => {
                            format!("✅ {label}")
                        }
                        Kind::SelectMultiple { .. } => format!("⬜ {label}"),
                        _ => label,
                    };
                    vec![choice_button(label, i)]
                })
                .collect();
            if matches!(item.kind, Kind::SelectMultiple { .. }) {
                rows.push(vec![button(tr!(i18n, l, "btn-form-done"), form_button(s, FormAction::Done))]);
            }
            rows
        }
        Kind::Integer => match walk::keypad(item, &s.answers, s.today) {
            Some(values) => values
                .chunks(4)
                .map(|chunk| {
                    chunk
                        .iter()
                        .map(|n| button(n.to_string(), form_button(s, FormAction::Number(*n))))
                        .collect()
                })
                .collect(),
            None => Vec::new(),
        },
        Kind::Date => vec![
            DAYS_AGO_CHOICES
                .map(|d| {
                    let label = if d == 0 {
                        tr!(i18n, l, "btn-form-today")
                    } else {
                        tr!(i18n, l, "btn-form-yesterday")
                    };
                    button(label, form_button(s, FormAction::DaysAgo(d)))
                })
                .to_vec(),
        ],
        Kind::Note => vec![vec![button(tr!(i18n, l, "btn-form-next"), form_button(s, FormAction::Next))]],
        Kind::Acknowledge => {
            vec![vec![button(tr!(i18n, l, "btn-form-ok"), form_button(s, FormAction::Next))]]
        }
        _ => Vec::new(),
    }
}

/// "⬅️ back" (when there is somewhere to go back to), "🔁 repeat", "⏭ skip" (when allowed).
fn nav_row(app: &App, s: &Session, item: &Item, l: Reader) -> Vec<InlineKeyboardButton> {
    let i18n = &app.i18n;
    let mut row = Vec::new();
    if !s.response.history.is_empty() {
        row.push(button(tr!(i18n, l, "btn-back"), form_button(s, FormAction::Back)));
    }
    row.push(button(tr!(i18n, l, "btn-form-repeat"), form_button(s, FormAction::Repeat)));
    if item.is_asked() && !item.required {
        row.push(button(tr!(i18n, l, "btn-form-skip"), form_button(s, FormAction::Skip)));
    }
    row
}

/// Stores an answer and moves on to the next relevant question (or finishes).
async fn advance(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    s: Session,
    value: Option<(String, Option<MediaId>)>,
) -> HandlerResult {
    advance_reading_back(bot, app, caller, s, value, None).await
}

/// [`advance`], and once the answer is stored, the pressed question turned into its
/// read-back (see [`keyboards::read_back`]) while the next question is sent.
async fn advance_reading_back(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    mut s: Session,
    value: Option<(String, Option<MediaId>)>,
    read_back: Option<(&CallbackQuery, String)>,
) -> HandlerResult {
    let Some(pos) = s.response.position else { return Ok(()) };
    let name = s.form.items[pos].name.clone();
    match &value {
        Some((v, _)) => s.answers.insert(name.clone(), v.clone()),
        None => s.answers.remove(&name),
    };
    // "Other" chosen on an or_other question: ask what it is before moving on.
    let or_other = matches!(
        s.form.items[pos].kind,
        Kind::SelectOne { or_other: true, .. } | Kind::SelectMultiple { or_other: true, .. }
    );
    let specify = or_other && value.as_ref().is_some_and(|(v, _)| v.split_whitespace().any(|c| c == OTHER));
    if specify {
        s.response.pending = Some(SPECIFY.to_owned());
    } else {
        s.response.pending = None;
        walk::compute(&s.form, &mut s.answers, s.today);
        s.response.history.push(pos);
        s.response.position = walk::next_shown(&s.form, &s.answers, Some(pos), s.today);
    }
    // The answer and where the member is now, in one commit.
    let answer = value.as_ref().map(|(v, media)| (v.as_str(), *media));
    app.store.save_answer_and_progress(&s.response, &name, answer).await?;
    // The answer is stored: now it may be shown as taken.
    let shown = async {
        if let Some((q, chosen)) = &read_back {
            keyboards::read_back(bot, q, chosen).await;
        }
    };
    let next = async {
        match s.response.position {
            _ if specify => ask(bot, app, caller, &s).await,
            Some(_) => ask(bot, app, caller, &s).await,
            None => finish(bot, app, caller, s).await,
        }
    };
    tokio::join!(shown, next).1
}

async fn finish(bot: &Bot, app: &App, caller: &Caller, mut s: Session) -> HandlerResult {
    let now = crate::store::now();
    let mut save: Vec<(String, String)> = Vec::new();
    let mut remove: Vec<String> = Vec::new();
    for item in &s.form.items {
        if item.kind == Kind::Meta(crate::domain::form::Meta::End) {
            let end = walk::meta_value(crate::domain::form::Meta::End, now, s.today, 0, "");
            save.push((item.name.clone(), end));
        }
        // Calculations are stored with the answers, as ODK submits them.
        if item.kind == Kind::Calculate || item.is_computed() {
            match s.answers.get(&item.name) {
                Some(v) => save.push((item.name.clone(), v.clone())),
                None => remove.push(item.name.clone()),
            }
        }
    }
    // Answers to questions that later answers made irrelevant are not part of the submission.
    for item in s.form.questions() {
        if s.answers.contains_key(&item.name) && !walk::is_relevant(item, &s.answers, s.today) {
            remove.push(item.name.clone());
        }
    }
    s.response.status = Status::Finished;
    s.response.position = None;
    s.response.pending = None;
    let save: Vec<(&str, &str)> = save.iter().map(|(q, v)| (q.as_str(), v.as_str())).collect();
    let remove: Vec<&str> = remove.iter().map(String::as_str).collect();
    app.store.finish_response(&s.response, &save, &remove, caller.chat_id.0).await?;
    let title = s.form.title(caller.locale).to_owned();
    bot.send_message(caller.chat_id, tr!(app.i18n, caller.reader(), "form-finished", title = title))
        .reply_markup(KeyboardRemove::new())
        .await?;
    menu::send_menu(bot, app, caller).await
}

async fn reask(bot: &Bot, app: &App, caller: &Caller, s: &Session, message: String) -> HandlerResult {
    bot.send_message(caller.chat_id, message).await?;
    ask(bot, app, caller, s).await
}

fn rejection_text(app: &App, s: &Session, item: &Item, l: Reader, r: Rejection) -> String {
    let i18n = &app.i18n;
    match r {
        Rejection::Required => text(&item.required_message, &s.form, l)
            .chars()
            .next()
            .map(|_| text(&item.required_message, &s.form, l))
            .unwrap_or_else(|| tr!(i18n, l, "form-required")),
        Rejection::NotANumber => tr!(i18n, l, "form-not-a-number"),
        Rejection::NotAWholeNumber => tr!(i18n, l, "form-not-whole"),
        Rejection::NotADate => tr!(i18n, l, "form-not-a-date"),
        Rejection::Constraint => {
            let own = fill(
                &text(&item.constraint_message, &s.form, l),
                &s.form,
                &s.answers,
                l,
                (&app.i18n, s.today),
            );
            if own.is_empty() { tr!(i18n, l, "form-constraint-default") } else { format!("⚠️ {own}") }
        }
    }
}

/// A message while a questionnaire is open: a typed answer, a voice note, a photo, a
/// location — or something that does not fit, which gets a re-ask.
pub async fn on_message(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    response_id: ResponseId,
    msg: &Message,
) -> HandlerResult {
    let l = caller.reader();
    let s = match load(app, response_id).await {
        Ok(s) if s.response.status != Status::Finished && !s.closed => s,
        _ => {
            app.store.clear_dialogue(caller.chat_id.0).await?;
            return menu::send_menu(bot, app, caller).await;
        }
    };
    let Some(pos) = s.response.position else { return Ok(()) };
    let item = s.form.items[pos].clone();

    // Text buttons of the location keyboard.
    if let (Kind::Geopoint, Some(t)) = (&item.kind, msg.text()) {
        if t == tr!(app.i18n, l, "btn-back") {
            return go_back(bot, app, caller, s).await;
        }
        if t == tr!(app.i18n, l, "btn-form-repeat") {
            return ask(bot, app, caller, &s).await;
        }
        if t == tr!(app.i18n, l, "btn-form-skip") && !item.required {
            return advance(bot, app, caller, s, None).await;
        }
    }

    if s.response.pending.as_deref() == Some(SPECIFY) {
        let other_name = format!("{}_other", item.name);
        let answer =
            if let Some(t) = msg.text().map(clean_text).filter(|t| !t.is_empty() && !t.starts_with('/')) {
                Some((t, None))
            } else if let Some(voice) = msg.voice() {
                match media::store(bot, app, &voice.file, "voice", "ogg").await? {
                    Ok(id) => Some((String::new(), Some(id))),
                    Err(media::TooBig) => {
                        return reask(bot, app, caller, &s, tr!(app.i18n, l, "form-file-too-big")).await;
                    }
                }
            } else {
                None
            };
        let Some((value, media_id)) = answer else {
            return reask(bot, app, caller, &s, tr!(app.i18n, l, "form-specify-other")).await;
        };
        app.store.save_answer(response_id, &other_name, &value, media_id).await?;
        let mut s = s;
        s.response.pending = None;
        // Move on from the question whose "other" this explains.
        s.response.history.push(pos);
        walk::compute(&s.form, &mut s.answers, s.today);
        s.response.position = walk::next_shown(&s.form, &s.answers, Some(pos), s.today);
        app.store.save_progress(&s.response).await?;
        return match s.response.position {
            Some(_) => ask(bot, app, caller, &s).await,
            None => finish(bot, app, caller, s).await,
        };
    }

    // What to say when the message is not an answer: what the question expects.
    let i18n = &app.i18n;
    let expected = match item.kind {
        _ if item.read_only => tr!(i18n, l, "form-use-buttons"),
        Kind::Integer if walk::keypad(&item, &s.answers, s.today).is_some() => {
            tr!(i18n, l, "form-use-buttons")
        }
        Kind::Integer | Kind::Decimal => tr!(i18n, l, "form-not-a-number"),
        Kind::Date => tr!(i18n, l, "form-hint-date"),
        Kind::Text => tr!(i18n, l, "form-hint-text"),
        _ => tr!(i18n, l, "form-use-buttons"),
    };
    match &item.kind {
        _ if item.read_only => reask(bot, app, caller, &s, expected).await,
        Kind::Text | Kind::Integer | Kind::Decimal | Kind::Date if msg.text().is_some() => {
            let raw = msg.text().map(clean_text).unwrap_or_default();
            if raw.is_empty() || raw.starts_with('/') {
                return reask(bot, app, caller, &s, expected).await;
            }
            match walk::typed_answer(&item, &raw, &s.answers, s.today) {
                Ok(value) => advance(bot, app, caller, s, Some((value, None))).await,
                Err(r) => {
                    let message = rejection_text(app, &s, &item, l, r);
                    reask(bot, app, caller, &s, message).await
                }
            }
        }
        // A voice note where free text, a number or a date is asked: the answer's audio, no
        // value yet; the CDA sees it marked for review (with its transcript when there is one).
        Kind::Text | Kind::Audio | Kind::Integer | Kind::Decimal | Kind::Date if msg.voice().is_some() => {
            let voice = msg.voice().expect("checked above");
            match media::store(bot, app, &voice.file, "voice", "ogg").await? {
                Ok(id) => {
                    let value = if item.kind == Kind::Audio {
                        format!("{}.ogg", voice.file.unique_id)
                    } else {
                        String::new()
                    };
                    advance(bot, app, caller, s, Some((value, Some(id)))).await
                }
                Err(media::TooBig) => {
                    reask(bot, app, caller, &s, tr!(app.i18n, l, "form-file-too-big")).await
                }
            }
        }
        Kind::Image if msg.photo().is_some() => {
            let Some(photo) = msg.photo().and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height))
            else {
                return Ok(());
            };
            match media::store(bot, app, &photo.file, "photo", "jpg").await? {
                Ok(id) => {
                    advance(bot, app, caller, s, Some((format!("{}.jpg", photo.file.unique_id), Some(id))))
                        .await
                }
                Err(media::TooBig) => {
                    reask(bot, app, caller, &s, tr!(app.i18n, l, "form-file-too-big")).await
                }
            }
        }
        Kind::Geopoint if msg.location().is_some() => {
            let loc = msg.location().expect("checked above");
            let accuracy = loc.horizontal_accuracy.unwrap_or(0.0);
            let value = format!("{} {} 0 {accuracy}", loc.latitude, loc.longitude);
            bot.send_message(caller.chat_id, "📍✅").reply_markup(KeyboardRemove::new()).await?;
            advance(bot, app, caller, s, Some((value, None))).await
        }
        Kind::SelectOne { .. } | Kind::SelectMultiple { .. } if msg.voice().is_some() => {
            // A voice note where a choice is asked: keep it as a comment, ask for the choice.
            let voice = msg.voice().expect("checked above");
            if let Ok(id) = media::store(bot, app, &voice.file, "voice", "ogg").await? {
                app.store.add_voice_comment(response_id, &item.name, id).await?;
            }
            reask(bot, app, caller, &s, tr!(app.i18n, l, "form-voice-kept")).await
        }
        Kind::Audio => reask(bot, app, caller, &s, tr!(app.i18n, l, "form-send-voice")).await,
        Kind::Image => reask(bot, app, caller, &s, tr!(app.i18n, l, "form-send-photo")).await,
        Kind::Geopoint => reask(bot, app, caller, &s, tr!(app.i18n, l, "form-send-location")).await,
        _ => reask(bot, app, caller, &s, expected).await,
    }
}

async fn go_back(bot: &Bot, app: &App, caller: &Caller, mut s: Session) -> HandlerResult {
    if let Some(previous) = s.response.history.pop() {
        s.response.position = Some(previous);
        s.response.pending = match &s.form.items[previous].kind {
            // Going back to a select_multiple shows what was ticked.
            Kind::SelectMultiple { .. } => s.answers.get(&s.form.items[previous].name).cloned(),
            _ => None,
        };
        app.store.save_progress(&s.response).await?;
    }
    ask(bot, app, caller, &s).await
}

/// A questionnaire button. Buttons of another question than the current one — an old
/// message — are answered as expired, and the current question is shown again.
pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: FormButton,
    dialogue: Option<&Dialogue>,
) -> Result<Option<String>, BotError> {
    let l = caller.reader();
    if b.action == FormAction::Start {
        keyboards::clear(bot, q).await;
        return begin(bot, app, caller, b.response_id).await;
    }
    let Some(member) = &caller.member else { return Err(BotError::NoLongerActive) };
    let mut s = match load(app, b.response_id).await {
        Ok(s) if s.response.member_id == member.member_id => s,
        Ok(_) | Err(BotError::Store(crate::store::StoreError::NotFound(_))) => {
            return Err(BotError::NoLongerActive);
        }
        Err(e) => return Err(e),
    };
    if s.response.status == Status::Finished || s.closed {
        keyboards::clear(bot, q).await;
        let why =
            if s.closed { tr!(app.i18n, l, "form-closed") } else { tr!(app.i18n, l, "form-already-done") };
        return Ok(Some(why));
    }
    let Some(pos) = s.response.position.filter(|p| *p as u32 == b.position) else {
        keyboards::clear(bot, q).await;
        app.store
            .set_dialogue(caller.chat_id.0, &Dialogue::Questionnaire { response_id: b.response_id })
            .await?;
        ask(bot, app, caller, &s).await?;
        return Err(BotError::NoLongerActive);
    };
    // Whatever the button, this chat is now answering this questionnaire.
    let answering = Dialogue::Questionnaire { response_id: b.response_id };
    if dialogue != Some(&answering) {
        app.store.set_dialogue(caller.chat_id.0, &answering).await?;
    }
    let item = s.form.items[pos].clone();
    match b.action {
        FormAction::Start => unreachable!("handled above"),
        FormAction::Repeat => {
            ask(bot, app, caller, &s).await?;
        }
        FormAction::Back => {
            keyboards::clear(bot, q).await;
            go_back(bot, app, caller, s).await?;
        }
        FormAction::Skip if s.response.pending.as_deref() == Some(SPECIFY) => {
            // No explanation of "other": the choice stays, the form moves on.
            keyboards::clear(bot, q).await;
            s.response.pending = None;
            s.response.history.push(pos);
            walk::compute(&s.form, &mut s.answers, s.today);
            s.response.position = walk::next_shown(&s.form, &s.answers, Some(pos), s.today);
            app.store.save_progress(&s.response).await?;
            match s.response.position {
                Some(_) => ask(bot, app, caller, &s).await?,
                None => finish(bot, app, caller, s).await?,
            }
        }
        FormAction::Skip if !item.required => {
            keyboards::clear(bot, q).await;
            s.response.pending = None;
            advance(bot, app, caller, s, None).await?;
        }
        FormAction::Skip => return Ok(Some(rejection_text(app, &s, &item, l, Rejection::Required))),
        FormAction::Next if item.read_only => {
            // Nothing to answer: the value stays what the form computes (or none).
            keyboards::clear(bot, q).await;
            let value = s.answers.get(&item.name).map(|v| (v.clone(), None));
            advance(bot, app, caller, s, value).await?;
        }
        FormAction::Next if matches!(item.kind, Kind::Note | Kind::Acknowledge) => {
            keyboards::clear(bot, q).await;
            let value = (item.kind == Kind::Acknowledge).then(|| ("OK".to_owned(), None));
            advance(bot, app, caller, s, value).await?;
        }
        FormAction::Choice(index) if s.response.pending.as_deref() != Some(SPECIFY) => {
            let choices = s.form.choices(&item);
            let visible = walk::visible_choices(&s.form, &item, &s.answers, s.today);
            let Some(choice) =
                choices.get(index as usize).filter(|c| visible.iter().any(|v| v.name == c.name))
            else {
                return Err(BotError::NoLongerActive);
            };
            match item.kind {
                Kind::SelectOne { .. } => {
                    if let Err(r) = walk::check_constraint(&item, &choice.name, &s.answers, s.today) {
                        return Ok(Some(rejection_text(app, &s, &item, l, r)));
                    }
                    let chosen = choice_label(app, &s.form, choice, l);
                    let value = Some((choice.name.clone(), None));
                    advance_reading_back(bot, app, caller, s, value, Some((q, chosen))).await?;
                }
                Kind::SelectMultiple { .. } => {
                    let mut picked: Vec<String> = s
                        .response
                        .pending
                        .as_deref()
                        .unwrap_or_default()
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect();
                    match picked.iter().position(|p| *p == choice.name) {
                        Some(at) => {
                            picked.remove(at);
                        }
                        None => picked.push(choice.name.clone()),
                    }
                    // Keep the form's order, whatever the order of the taps.
                    picked.sort_by_key(|p| choices.iter().position(|c| &c.name == p));
                    s.response.pending = Some(picked.join(" ")).filter(|p| !p.is_empty());
                    app.store.save_progress(&s.response).await?;
                    if let Some(msg) = &q.message {
                        let keyboard = InlineKeyboardMarkup::new(
                            answer_rows(app, &s, &item, l).into_iter().chain([nav_row(app, &s, &item, l)]),
                        );
                        if let Err(e) = bot
                            .edit_message_reply_markup(msg.chat().id, msg.id())
                            .reply_markup(keyboard)
                            .await
                        {
                            tracing::debug!(error = %e, "could not update the ticks");
                        }
                    }
                }
                _ => return Err(BotError::NoLongerActive),
            }
        }
        FormAction::Done if matches!(item.kind, Kind::SelectMultiple { .. }) => {
            let picked = s.response.pending.clone().unwrap_or_default();
            if picked.is_empty() {
                if item.required {
                    return Ok(Some(rejection_text(app, &s, &item, l, Rejection::Required)));
                }
                keyboards::clear(bot, q).await;
                return advance(bot, app, caller, s, None).await.map(|()| None);
            }
            if let Err(r) = walk::check_constraint(&item, &picked, &s.answers, s.today) {
                let message = rejection_text(app, &s, &item, l, r);
                bot.send_message(caller.chat_id, message).await?;
                return Ok(None);
            }
            keyboards::clear(bot, q).await;
            advance(bot, app, caller, s, Some((picked, None))).await?;
        }
        FormAction::DaysAgo(days) if item.kind == Kind::Date => {
            let date = s.today - Duration::days(i64::from(days));
            match walk::typed_answer(&item, &date.to_string(), &s.answers, s.today) {
                Ok(value) => {
                    keyboards::clear(bot, q).await;
                    advance(bot, app, caller, s, Some((value, None))).await?;
                }
                Err(r) => return Ok(Some(rejection_text(app, &s, &item, l, r))),
            }
        }
        FormAction::Number(n) if item.kind == Kind::Integer => {
            match walk::typed_answer(&item, &n.to_string(), &s.answers, s.today) {
                Ok(value) => {
                    keyboards::clear(bot, q).await;
                    advance(bot, app, caller, s, Some((value, None))).await?;
                }
                Err(r) => return Ok(Some(rejection_text(app, &s, &item, l, r))),
            }
        }
        _ => return Err(BotError::NoLongerActive),
    }
    Ok(None)
}

/// The "📋 Questionnaires" menu: what the member can still answer.
pub async fn list_open(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let Some(member) = &caller.member else { return Ok(()) };
    let open = app.store.open_responses(member.member_id).await?;
    if open.is_empty() {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "form-none-open")).await?;
        return Ok(());
    }
    let mut buttons = Vec::new();
    for r in open.iter().take(20) {
        let form = app.store.form(r.form_pk).await?;
        let icon = if r.status == "started" { "▶️" } else { "📋" };
        let cb = FormButton { response_id: r.response_id, position: 0, action: FormAction::Start };
        buttons.push(button(crate::i18n::arrows(l, &format!("{icon} {}", button_title(&form, l))), cb));
    }
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "form-open-list"))
        .reply_markup(keyboards::column(buttons))
        .await?;
    Ok(())
}

/// The invitation a member gets when a form is launched (and, reworded, as a reminder).
pub fn invitation(
    app: &App,
    l: Reader,
    form: &Form,
    response_id: ResponseId,
    deadline: Option<String>,
    reminder: bool,
) -> (String, InlineKeyboardMarkup) {
    let title = form.title(l.locale).to_owned();
    let count = walk::question_count(form, crate::store::now().date_naive()) as i64;
    let mut text = if reminder {
        tr!(app.i18n, l, "form-nudge", title = title, date = deadline.clone().unwrap_or_default())
    } else {
        tr!(app.i18n, l, "form-invitation", title = title, count = count)
    };
    if let (Some(date), false) = (deadline, reminder) {
        text.push('\n');
        text.push_str(&tr!(app.i18n, l, "form-invitation-deadline", date = date));
    }
    let label =
        if reminder { tr!(app.i18n, l, "btn-form-continue") } else { tr!(app.i18n, l, "btn-form-start") };
    let cb = FormButton { response_id, position: 0, action: FormAction::Start };
    (text, InlineKeyboardMarkup::new([vec![button(label, cb)]]))
}

/// Messages while answering a questionnaire: the answer to the current question.
pub fn replies() -> UpdateHandler<BotError> {
    super::dialogue_replies(
        |d| match d {
            Dialogue::Questionnaire { response_id } => Some(*response_id),
            _ => None,
        },
        |s: Said, response_id| async move { on_message(&s.bot, &s.app, &s.caller, response_id, &s.msg).await },
    )
}

/// Answering questionnaires.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum FormsCommand {
    Forms,
}

impl FormsCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        _role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        vec![BotCommand::new("forms", tr!(i18n, l, "cmd-forms"))]
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: FormsCommand) -> HandlerResult {
    match cmd {
        FormsCommand::Forms => list_open(bot, app, caller).await,
    }
}

#[cfg(test)]
mod button_tests {
    use super::*;

    #[test]
    fn form_buttons_round_trip_and_refuse_junk() {
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
        let all: Vec<_> = actions
            .map(|action| FormButton { response_id: ResponseId(i64::MAX), position: u32::MAX, action })
            .to_vec();
        codes::assert_codes(&all, &["q:1:2", "q:-1:0:s", "q:1:0:t7", "q:1:0:z", "q:1:x:s"]);
    }
}
