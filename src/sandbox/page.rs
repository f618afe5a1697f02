//! The sandbox's web page: server-rendered HTML with a little plain JavaScript
//! (`assets/sandbox/`), all in the binary; nothing is fetched from the network. A phone-sized
//! chat per person, a list of people and invite links, the clock control and form preview.

use std::fmt::Write as _;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

use super::emulator::{Bubble, ChatView, Kind, StoredFile};
use super::{Preview, Sandbox};
use crate::domain::Locale;
use crate::domain::ids::FormVersionId;

const CSS: &str = include_str!("../../assets/sandbox/sandbox.css");
const JS: &str = include_str!("../../assets/sandbox/sandbox.js");
/// A short voice note (OGG/Opus, as Telegram records them) and a photo of figs drying, for
/// people on the page to send.
const SAMPLE_VOICE: &[u8] = include_bytes!("../../assets/sandbox/sample-voice.ogg");
const SAMPLE_PHOTO: &[u8] = include_bytes!("../../assets/sandbox/sample-photo.png");
/// Djebba El Olia, on the slopes of Jebel Goraa (Béja).
const DJEBBA: (f64, f64) = (36.4716, 9.0951);

pub fn router(sandbox: Sandbox) -> Router {
    Router::new()
        .route("/", get(home))
        .route(
            "/assets/sandbox.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS) }),
        )
        .route(
            "/assets/sandbox.js",
            get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], JS) }),
        )
        .route("/chat/{id}", get(chat))
        .route("/chat/{id}/feed", get(feed))
        .route("/chat/{id}/text", post(send_text))
        .route("/chat/{id}/press", post(press))
        .route("/chat/{id}/location", post(send_location))
        .route("/chat/{id}/voice", post(send_voice))
        .route("/chat/{id}/photo", post(send_photo))
        .route("/chat/{id}/document", post(send_document))
        .route("/join", post(join))
        .route("/time", post(time))
        .route("/file/{file_id}", get(file))
        .route("/preview", post(preview_upload))
        .route("/preview/refused", get(preview_refused))
        .route("/preview/{form_pk}", get(preview_ready))
        .route("/preview/{form_pk}/try", post(preview_try))
        .layer(axum::extract::DefaultBodyLimit::max(20 * 1024 * 1024))
        .with_state(sandbox)
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Right to left when the first letter is of a right-to-left script, as Telegram lays out a
/// bubble (emoji, digits and punctuation before it do not count).
pub fn direction(text: &str) -> &'static str {
    for c in text.chars() {
        let u = c as u32;
        if (0x0590..=0x08FF).contains(&u) || (0xFB1D..=0xFDFF).contains(&u) || (0xFE70..=0xFEFF).contains(&u)
        {
            return "rtl";
        }
        if c.is_alphabetic() {
            return "ltr";
        }
    }
    "ltr"
}

fn layout(title: &str, dir: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/assets/sandbox.css\"></head>\
         <body>{body}<script src=\"/assets/sandbox.js\"></script></body></html>",
        esc(title)
    ))
}

fn clock_line() -> String {
    let tunis = crate::store::now().with_timezone(&chrono_tz::Africa::Tunis);
    let ahead = crate::clock::ahead();
    let mut line = format!("🕰 {} (Tunis)", tunis.format("%a %d %b %H:%M"));
    if ahead > chrono::Duration::zero() {
        let _ = write!(line, " · {} h ahead", ahead.num_hours());
    }
    line
}

fn time_control() -> String {
    format!(
        "<details class=\"time\" id=\"time\"><summary>⏩ time</summary><div class=\"time-menu\">\
         <span id=\"clock\">{}</span>\
         <button data-advance=\"1\">+1 hour</button><button data-advance=\"6\">+6 hours</button>\
         <button data-advance=\"24\">+1 day</button><button data-advance=\"168\">+1 week</button>\
         <small>Moves the sandbox clock: reminders, check-ins and deadlines that fall due are sent now.</small>\
         </div></details>",
        esc(&clock_line())
    )
}

fn language_options(selected: Locale) -> String {
    Locale::ALL
        .iter()
        .map(|l| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                l.code(),
                if *l == selected { " selected" } else { "" },
                esc(l.native_name())
            )
        })
        .collect()
}

async fn home(State(s): State<Sandbox>) -> Html<String> {
    let roster = s.roster.lock().await.clone();
    let mut people = String::new();
    for p in &roster.people {
        let _ = write!(
            people,
            "<a class=\"person\" href=\"/chat/{}\" data-person=\"{}\"><span class=\"avatar\">{}</span>\
             <span><b dir=\"auto\">{}</b><small>{}</small></span></a>",
            p.id,
            esc(&p.first_name),
            esc(&p.first_name.chars().next().unwrap_or('?').to_string()),
            esc(&p.first_name),
            esc(&p.about)
        );
    }
    let mut invites = String::new();
    for (what, code) in &roster.invites {
        let link = format!("https://t.me/{}?start={code}", super::emulator::BOT_USERNAME);
        let _ = write!(
            invites,
            "<form class=\"invite\" method=\"post\" action=\"/join\"><div><b>{}</b><code>{}</code></div>\
             <input type=\"hidden\" name=\"code\" value=\"{}\">\
             <input name=\"name\" placeholder=\"your name in Telegram (optional)\" aria-label=\"name\">\
             <select name=\"lang\" aria-label=\"Telegram app language\">{}</select>\
             <button type=\"submit\">Open the link</button></form>",
            esc(what),
            esc(&link),
            esc(code),
            language_options(Locale::En)
        );
    }
    let body = format!(
        "<main class=\"home\"><header><h1>clusterbot sandbox</h1>{}</header>\
         <p class=\"lead\">The real bot, with the Djebba fig cluster (Béja, Tunisia) as a demo. Nothing here \
         reaches Telegram; everything is stored in <code>{}</code>.</p>\
         <section><h2>Who are you?</h2><div class=\"people\">{people}</div></section>\
         <section><h2>Join as someone new</h2><p>Invite links as a CDA would share them. Opening one in \
         Telegram starts the bot with the invite.</p>{invites}</section>\
         <section id=\"preview\"><h2>Preview a form</h2><p>Drop an XLSForm (.xlsx) here, or choose one, then answer \
         it as a member would, in any of its languages.</p>\
         <label class=\"drop\" id=\"drop\"><input type=\"file\" id=\"form-file\" accept=\".xlsx,.xls,.ods\">\
         <span>📄 Drop an .xlsx here or tap to choose</span></label></section>{}</main>",
        time_control(),
        esc(&s.database_url),
        refused(&s),
    );
    layout("clusterbot sandbox", "ltr", &body)
}

/// The bot's requests the emulator could not serve: a gap in the emulator, shown so it is seen.
fn refused(s: &Sandbox) -> String {
    let refused = s.emulator.refused();
    if refused.is_empty() {
        return String::new();
    }
    let items: String =
        refused.iter().rev().take(20).map(|r| format!("<li><code>{}</code></li>", esc(r))).collect();
    format!(
        "<section id=\"refused\"><h2>Bot API requests the sandbox could not serve</h2>\
         <p>The bot asked for something this emulator does not do; in Telegram it would have worked \
         or been answered differently.</p><ul>{items}</ul></section>"
    )
}

async fn chat(State(s): State<Sandbox>, Path(id): Path<i64>) -> Response {
    let Some(view) = s.emulator.snapshot(id) else {
        return (
            StatusCode::NOT_FOUND,
            layout("not found", "ltr", "<main><p>No such person. <a href=\"/\">People</a></p></main>"),
        )
            .into_response();
    };
    let person = view.person.clone().unwrap_or_else(|| super::emulator::Person {
        id,
        first_name: "?".into(),
        language_code: "en".into(),
        about: String::new(),
    });
    let rtl = person.language_code.parse::<Locale>().is_ok_and(Locale::is_rtl);
    let (messages, keyboard, menu) = render_view(&view);
    let body = format!(
        "<main class=\"phone\" data-chat=\"{id}\" data-version=\"{}\">\
         <header class=\"bar\"><a href=\"/\" class=\"back\" aria-label=\"people\">‹</a>\
         <div class=\"who\"><b>Cluster Bot</b><small dir=\"auto\">you are {} · {}</small></div>{}</header>\
         <div class=\"messages\" id=\"messages\">{messages}</div>\
         <div class=\"toast\" id=\"toast\" hidden></div>\
         <div class=\"menu\" id=\"menu\" hidden>{menu}</div>\
         <div class=\"attach\" id=\"attach\" hidden>\
           <button data-send=\"location\">📍 Location</button>\
           <button data-send=\"voice\">🎤 Voice note</button>\
           <button data-send=\"photo\">📷 Photo</button>\
           <label class=\"file\">📄 File<input type=\"file\" id=\"doc-file\"></label></div>\
         <div class=\"keyboard\" id=\"keyboard\">{keyboard}</div>\
         <form class=\"composer\" id=\"composer\"><button type=\"button\" id=\"menu-button\" aria-label=\"menu\">☰</button>\
         <input id=\"text\" name=\"text\" autocomplete=\"off\" dir=\"auto\" placeholder=\"Message\">\
         <button type=\"button\" id=\"attach-button\" aria-label=\"attach\">📎</button>\
         <button type=\"submit\" id=\"send\" aria-label=\"send\">➤</button></form></main>",
        view.version,
        esc(&person.first_name),
        esc(Locale::ALL.iter().find(|l| l.code() == person.language_code).map_or("", |l| l.native_name())),
        time_control(),
    );
    layout(&person.first_name, if rtl { "rtl" } else { "ltr" }, &body).into_response()
}

fn render_view(view: &ChatView) -> (String, String, String) {
    let mut messages = String::new();
    for b in &view.bubbles {
        render_bubble(&mut messages, b);
    }
    let mut keyboard = String::new();
    for row in &view.keyboard {
        keyboard.push_str("<div class=\"row\">");
        for k in row {
            let _ = write!(
                keyboard,
                "<button data-key=\"{}\"{}>{}</button>",
                esc(&k.text),
                if k.location { " data-location=\"1\"" } else { "" },
                esc(&k.text)
            );
        }
        keyboard.push_str("</div>");
    }
    let mut menu = String::new();
    for (command, description) in &view.commands {
        let _ = write!(
            menu,
            "<button data-command=\"/{}\"><b>/{}</b><span dir=\"auto\">{}</span></button>",
            esc(command),
            esc(command),
            esc(description)
        );
    }
    if menu.is_empty() {
        menu.push_str("<p>No commands yet.</p>");
    }
    (messages, keyboard, menu)
}

fn render_bubble(out: &mut String, b: &Bubble) {
    let side = if b.from_bot { "bot" } else { "me" };
    let dir = direction(&b.text);
    let _ = write!(
        out,
        "<div class=\"msg {side}\" id=\"m{}\" data-message=\"{}\"><div class=\"bubble\" dir=\"{dir}\">",
        b.message_id, b.message_id
    );
    if let Some(f) = &b.file {
        let src = format!("/file/{}", esc(&f.file_id));
        match b.kind {
            Kind::Photo => {
                let _ = write!(
                    out,
                    "<a href=\"{src}\" target=\"_blank\"><img class=\"photo\" src=\"{src}\" alt=\"photo\"></a>"
                );
            }
            Kind::Voice => {
                let _ = write!(
                    out,
                    "<div class=\"voice\">🎤 <audio controls preload=\"none\" src=\"{src}\"></audio></div>"
                );
            }
            _ => {
                let _ = write!(
                    out,
                    "<a class=\"document\" href=\"{src}\" download=\"{}\">📄 {}</a>",
                    esc(&f.name),
                    esc(&f.name)
                );
            }
        }
    }
    if let Some((lat, lon)) = b.location {
        let _ = write!(out, "<div class=\"location\">📍 {lat:.4}, {lon:.4}</div>");
    }
    if !b.text.is_empty() {
        let _ = write!(out, "<div class=\"text\">{}</div>", esc(&b.text).replace('\n', "<br>"));
    }
    if b.edited {
        out.push_str("<small class=\"edited\">edited</small>");
    }
    out.push_str("</div>");
    if !b.buttons.is_empty() {
        out.push_str("<div class=\"inline\">");
        for row in &b.buttons {
            out.push_str("<div class=\"row\">");
            for k in row {
                match (&k.data, &k.url) {
                    (Some(data), _) => {
                        let _ = write!(
                            out,
                            "<button data-callback=\"{}\" data-on=\"{}\" dir=\"auto\">{}</button>",
                            esc(data),
                            b.message_id,
                            esc(&k.text)
                        );
                    }
                    (None, Some(url)) => {
                        let _ = write!(
                            out,
                            "<a class=\"button\" href=\"{}\" target=\"_blank\" dir=\"auto\">{}</a>",
                            esc(url),
                            esc(&k.text)
                        );
                    }
                    _ => {}
                }
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
}

#[derive(Deserialize)]
struct Since {
    v: Option<u64>,
}

async fn feed(State(s): State<Sandbox>, Path(id): Path<i64>, Query(since): Query<Since>) -> Response {
    let Some(view) = s.emulator.snapshot(id) else { return StatusCode::NOT_FOUND.into_response() };
    if since.v == Some(view.version) {
        return axum::Json(json!({"v": view.version, "clock": clock_line()})).into_response();
    }
    let (messages, keyboard, menu) = render_view(&view);
    axum::Json(json!({
        "v": view.version,
        "messages": messages,
        "keyboard": keyboard,
        "menu": menu,
        "toast": view.toast.map(|(n, t)| json!({"n": n, "text": t})),
        "clock": clock_line(),
    }))
    .into_response()
}

#[derive(Deserialize)]
struct TextForm {
    text: String,
}

async fn send_text(
    State(s): State<Sandbox>,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<TextForm>,
) -> StatusCode {
    let text = f.text.trim();
    if text.is_empty() || s.emulator.snapshot(id).is_none() {
        return StatusCode::BAD_REQUEST;
    }
    s.emulator.send_text(id, text);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct PressForm {
    message_id: i64,
    data: String,
}

async fn press(
    State(s): State<Sandbox>,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<PressForm>,
) -> StatusCode {
    if s.emulator.press(id, f.message_id, &f.data) { StatusCode::NO_CONTENT } else { StatusCode::NOT_FOUND }
}

async fn send_location(State(s): State<Sandbox>, Path(id): Path<i64>) -> StatusCode {
    s.emulator.send_location(id, DJEBBA.0, DJEBBA.1);
    StatusCode::NO_CONTENT
}

async fn send_voice(State(s): State<Sandbox>, Path(id): Path<i64>) -> StatusCode {
    let file =
        StoredFile { bytes: SAMPLE_VOICE.to_vec(), name: "voice.ogg".into(), mime: "audio/ogg".into() };
    s.emulator.send_file(id, Kind::Voice, file);
    StatusCode::NO_CONTENT
}

async fn send_photo(State(s): State<Sandbox>, Path(id): Path<i64>) -> StatusCode {
    let file = StoredFile { bytes: SAMPLE_PHOTO.to_vec(), name: "figs.png".into(), mime: "image/png".into() };
    s.emulator.send_file(id, Kind::Photo, file);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct Named {
    name: Option<String>,
}

async fn send_document(
    State(s): State<Sandbox>,
    Path(id): Path<i64>,
    Query(q): Query<Named>,
    body: Bytes,
) -> StatusCode {
    let name = q.name.unwrap_or_else(|| "file".into());
    let mime = if name.ends_with(".xlsx") {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else {
        "application/octet-stream"
    };
    s.emulator.send_file(id, Kind::Document, StoredFile { bytes: body.to_vec(), name, mime: mime.into() });
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct JoinForm {
    code: String,
    name: Option<String>,
    lang: String,
}

async fn join(State(s): State<Sandbox>, axum::Form(f): axum::Form<JoinForm>) -> Response {
    let language = f.lang.parse().unwrap_or(Locale::En);
    match s.join(&f.code, f.name.as_deref().unwrap_or(""), language).await {
        Ok(id) => Redirect::to(&format!("/chat/{id}")).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("could not join: {e:#}")).into_response(),
    }
}

#[derive(Deserialize)]
struct TimeForm {
    hours: i64,
}

async fn time(State(s): State<Sandbox>, axum::Form(f): axum::Form<TimeForm>) -> Response {
    let hours = f.hours.clamp(1, 24 * 31);
    match s.advance(chrono::Duration::hours(hours)).await {
        Ok((nudges, checkins)) => {
            axum::Json(json!({"clock": clock_line(), "reminders": nudges, "checkins": checkins}))
                .into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")).into_response(),
    }
}

async fn file(State(s): State<Sandbox>, Path(file_id): Path<String>) -> Response {
    let Some(f) = s.emulator.file(&file_id) else { return StatusCode::NOT_FOUND.into_response() };
    let inline = f.mime.starts_with("image/") || f.mime.starts_with("audio/");
    let disposition = if inline {
        "inline".to_owned()
    } else {
        let safe: String = f
            .name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' })
            .collect();
        format!("attachment; filename=\"{safe}\"")
    };
    ([(header::CONTENT_TYPE, f.mime.clone()), (header::CONTENT_DISPOSITION, disposition)], f.bytes)
        .into_response()
}

async fn preview_upload(State(s): State<Sandbox>, Query(q): Query<Named>, body: Bytes) -> Response {
    let name = q.name.unwrap_or_else(|| "form.xlsx".into());
    match s.preview(&body, &name).await {
        Ok(Preview::Ready { form_pk, .. }) => Redirect::to(&format!("/preview/{form_pk}")).into_response(),
        Ok(other) => {
            *s.last_preview.lock().expect("not poisoned") = Some(other);
            Redirect::to("/preview/refused").into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")).into_response(),
    }
}

async fn preview_refused(State(s): State<Sandbox>) -> Html<String> {
    let mut body = String::from(
        "<main class=\"home\"><header><h1>Form preview</h1><a href=\"/#preview\">← back</a></header>",
    );
    match s.last_preview.lock().expect("not poisoned").as_ref() {
        Some(Preview::Refused(problems)) => {
            let _ = write!(
                body,
                "<p class=\"refused\">❌ This form was not imported: {} problem(s). Fix them in the spreadsheet and drop it again.</p>\
                 <table class=\"problems\"><thead><tr><th>sheet</th><th>row</th><th>column</th><th>problem</th></tr></thead><tbody>",
                problems.len()
            );
            for p in problems {
                let _ = write!(
                    body,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td dir=\"auto\">{}</td></tr>",
                    esc(&p.sheet),
                    p.row.map(|r| r.to_string()).unwrap_or_default(),
                    esc(p.column.as_deref().unwrap_or("")),
                    esc(&p.message)
                );
            }
            body.push_str("</tbody></table>");
        }
        Some(Preview::Unreadable(why)) => {
            let _ = write!(
                body,
                "<p class=\"refused\">❌ This file is not a spreadsheet clusterbot reads: {}</p>",
                esc(why)
            );
        }
        _ => body.push_str("<p>No form was refused.</p>"),
    }
    body.push_str("</main>");
    layout("Form preview", "ltr", &body)
}

async fn preview_ready(State(s): State<Sandbox>, Path(form_pk): Path<FormVersionId>) -> Response {
    let form = match s.app.store.form(form_pk).await {
        Ok(f) => f,
        Err(_) => return (StatusCode::NOT_FOUND, "no such form").into_response(),
    };
    let languages: Vec<Locale> = {
        let l: Vec<Locale> =
            Locale::ALL.into_iter().filter(|l| form.languages.iter().any(|f| f == l.code())).collect();
        if l.is_empty() { vec![form.default_language.parse().unwrap_or(Locale::En)] } else { l }
    };
    let questions = crate::domain::form::walk::question_count(&form, crate::store::now().date_naive());
    let mut buttons = String::new();
    for l in &languages {
        let _ = write!(
            buttons,
            "<form method=\"post\" action=\"/preview/{form_pk}/try\"><input type=\"hidden\" name=\"lang\" value=\"{}\">\
             <button type=\"submit\" data-lang=\"{}\">Answer in {}</button></form>",
            l.code(),
            l.code(),
            esc(l.native_name())
        );
    }
    let body = format!(
        "<main class=\"home\"><header><h1>Form preview</h1><a href=\"/#preview\">← back</a></header>\
         <p class=\"ready\">✅ <b dir=\"auto\">{}</b> was imported into the sandbox: {} questions, in {} language(s).</p>\
         <p>Answer it as a member would: the bot sends it to the preview person, in the language you pick.</p>\
         <div class=\"languages\">{buttons}</div></main>",
        esc(form.title(languages[0])),
        questions,
        languages.len()
    );
    layout("Form preview", "ltr", &body).into_response()
}

#[derive(Deserialize)]
struct LangForm {
    lang: String,
}

async fn preview_try(
    State(s): State<Sandbox>,
    Path(form_pk): Path<FormVersionId>,
    axum::Form(f): axum::Form<LangForm>,
) -> Response {
    let language = f.lang.parse().unwrap_or(Locale::En);
    match s.try_form(form_pk, language).await {
        Ok(id) => Redirect::to(&format!("/chat/{id}")).into_response(),
        Err(e) => {
            (StatusCode::INTERNAL_SERVER_ERROR, format!("could not send the form: {e:#}")).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bubble_is_right_to_left_when_its_first_letter_is_arabic_script() {
        assert_eq!(direction("📋 استبيان جديد: Cluster diagnostic"), "rtl");
        assert_eq!(direction("👋 سلام، Amira"), "rtl");
        assert_eq!(direction("12 — Bonjour أميرة"), "ltr");
        assert_eq!(direction("🙂"), "ltr");
    }

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(esc("<b>\"x\" & 'y'</b>"), "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }
}
