//! A Bot API emulator inside the sandbox process: the real bot (teloxide, pointed here with
//! `set_api_url`) polls it for updates and sends to it; the chat page reads what it holds
//! and makes the people on the page send through it. Bound to 127.0.0.1 on a port the
//! system picks; nothing leaves the machine.
//!
//! It keeps, per chat, every message both ways (with inline buttons, edits and files), the
//! last toast, the reply keyboard and the command menus as `setMyCommands` scoped them, and
//! serves updates with Telegram's offset semantics.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::Notify;

/// The token the in-process bot uses. It is not a Telegram token: it only opens this
/// emulator, which listens on 127.0.0.1.
pub const TOKEN: &str = "1000000001:SANDBOX-not-a-telegram-token";
pub const BOT_USERNAME: &str = "clusterbot_sandbox_bot";
const BOT_ID: i64 = 1_000_000_001;

/// A person on the page, as Telegram would describe them.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct Person {
    pub id: i64,
    pub first_name: String,
    /// Telegram's app language (`ar`, `fr`…).
    pub language_code: String,
    /// What the page says about them: "producer, women's cooperative".
    pub about: String,
}

/// One inline button.
#[derive(Debug, Clone, Serialize)]
pub struct Button {
    pub text: String,
    pub data: Option<String>,
    pub url: Option<String>,
}

/// A button of a reply keyboard (the one under the input field).
#[derive(Debug, Clone, Serialize)]
pub struct KeyButton {
    pub text: String,
    pub location: bool,
}

/// A file the bot sent or a person shared.
#[derive(Debug, Clone, Serialize)]
pub struct FileRef {
    pub file_id: String,
    pub name: String,
    pub mime: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Text,
    Photo,
    Voice,
    Document,
    Location,
}

/// A message in a chat, either way.
#[derive(Debug, Clone, Serialize)]
pub struct Bubble {
    pub message_id: i64,
    pub from_bot: bool,
    pub kind: Kind,
    /// Text, or a media caption.
    pub text: String,
    pub file: Option<FileRef>,
    pub location: Option<(f64, f64)>,
    pub buttons: Vec<Vec<Button>>,
    pub edited: bool,
}

#[derive(Debug, Default)]
pub struct Chat {
    pub person: Option<Person>,
    pub bubbles: Vec<Bubble>,
    /// The last toast (answerCallbackQuery text) and a counter so the page shows it once.
    pub toast: Option<(u64, String)>,
    pub keyboard: Vec<Vec<KeyButton>>,
    /// Bumped at every change, for the page to know when to redraw.
    pub version: u64,
}

#[derive(Debug, Clone)]
pub struct StoredFile {
    pub bytes: Vec<u8>,
    pub name: String,
    pub mime: String,
}

#[derive(Default)]
struct Inner {
    next_update_id: i64,
    next_message_id: i64,
    next_file: u64,
    toasts: u64,
    confirmed: i64,
    updates: Vec<Value>,
    chats: HashMap<i64, Chat>,
    files: HashMap<String, StoredFile>,
    /// `setMyCommands` by scope: `chat:<id>`, `private:<lang>`, `private`, `default:<lang>`, `default`.
    commands: HashMap<String, Vec<(String, String)>>,
    /// Requests the emulator could not serve, for the page and the log.
    refused: Vec<String>,
    /// Which chat pressed the button of each callback query (for its toast).
    pressed: HashMap<String, i64>,
}

/// The emulator's state, shared by its Bot API routes and the page.
#[derive(Clone, Default)]
pub struct Emulator {
    inner: Arc<Mutex<Inner>>,
    new_updates: Arc<Notify>,
}

fn message_json(chat: &Chat, chat_id: i64, b: &Bubble) -> Value {
    let first_name = chat.person.as_ref().map_or("Member", |p| p.first_name.as_str());
    let mut m = json!({
        "message_id": b.message_id,
        "date": crate::clock::now().timestamp(),
        "chat": {"id": chat_id, "type": "private", "first_name": first_name},
    });
    if b.from_bot {
        m["from"] = bot_user();
    } else if let Some(p) = &chat.person {
        m["from"] = person_json(p);
    }
    let text_field = if b.kind == Kind::Text { "text" } else { "caption" };
    if !b.text.is_empty() {
        m[text_field] = json!(b.text);
    }
    if let Some(f) = &b.file {
        let size = 1024;
        match b.kind {
            Kind::Photo => {
                m["photo"] = json!([{"file_id": f.file_id, "file_unique_id": format!("u{}", f.file_id), "width": 800, "height": 600, "file_size": size}]);
            }
            Kind::Voice => {
                m["voice"] = json!({"file_id": f.file_id, "file_unique_id": format!("u{}", f.file_id), "duration": 3, "mime_type": f.mime, "file_size": size});
            }
            Kind::Document => {
                m["document"] = json!({"file_id": f.file_id, "file_unique_id": format!("u{}", f.file_id), "file_name": f.name, "mime_type": f.mime, "file_size": size});
            }
            _ => {}
        }
    }
    if let Some((lat, lon)) = b.location {
        m["location"] = json!({"latitude": lat, "longitude": lon});
    }
    if !b.buttons.is_empty() {
        let rows: Vec<Value> = b
            .buttons
            .iter()
            .map(|row| {
                Value::Array(
                    row.iter()
                        .map(|k| match (&k.data, &k.url) {
                            (Some(d), _) => json!({"text": k.text, "callback_data": d}),
                            (None, Some(u)) => json!({"text": k.text, "url": u}),
                            _ => json!({"text": k.text, "callback_data": "-"}),
                        })
                        .collect(),
                )
            })
            .collect();
        m["reply_markup"] = json!({"inline_keyboard": rows});
    }
    m
}

fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Cluster Bot", "username": BOT_USERNAME})
}

fn person_json(p: &Person) -> Value {
    json!({"id": p.id, "is_bot": false, "first_name": p.first_name, "language_code": p.language_code})
}

impl Emulator {
    pub fn new() -> Self {
        let e = Self::default();
        {
            let mut inner = e.inner.lock().unwrap();
            inner.next_update_id = 1;
            inner.next_message_id = 1;
        }
        e
    }

    /// Serves the Bot API on 127.0.0.1 (a port the system picks); returns its base URL.
    pub async fn serve(&self) -> std::io::Result<url::Url> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let router = Router::new()
            .route("/bot{token}/{method}", post(api).get(api))
            .route("/file/bot{token}/{*path}", get(download))
            .layer(axum::extract::DefaultBodyLimit::max(50 * 1024 * 1024))
            .with_state(self.clone());
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).await {
                tracing::error!(error = %e, "the sandbox's Bot API emulator stopped");
            }
        });
        Ok(url::Url::parse(&format!("http://{addr}/")).expect("a socket address makes a URL"))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        f(&mut self.inner.lock().unwrap())
    }

    /// Opens (or finds) the chat of a person on the page.
    pub fn open_chat(&self, person: &Person) {
        self.with(|i| {
            let chat = i.chats.entry(person.id).or_default();
            if chat.person.is_none() {
                chat.person = Some(person.clone());
            }
        });
    }

    /// The person's Telegram app language changed (the form preview person, per form).
    pub fn set_language(&self, person_id: i64, language_code: &str) {
        self.with(|i| {
            if let Some(p) = i.chats.get_mut(&person_id).and_then(|c| c.person.as_mut()) {
                p.language_code = language_code.to_owned();
            }
        });
    }

    fn push_update(&self, kind: &str, payload: Value) {
        self.with(|i| {
            let update_id = i.next_update_id;
            i.next_update_id += 1;
            i.updates.push(json!({"update_id": update_id, kind: payload}));
        });
        self.new_updates.notify_waiters();
    }

    /// Adds what the person sent to their chat and hands it to the bot.
    fn person_sends(&self, person_id: i64, mut bubble: Bubble, extra: impl FnOnce(&mut Value)) {
        let msg = self.with(|i| {
            bubble.message_id = i.next_message_id;
            i.next_message_id += 1;
            let chat = i.chats.entry(person_id).or_default();
            let mut msg = message_json(chat, person_id, &bubble);
            extra(&mut msg);
            chat.bubbles.push(bubble);
            chat.version += 1;
            msg
        });
        self.push_update("message", msg);
    }

    pub fn send_text(&self, person_id: i64, text: &str) {
        let bubble = text_bubble(false, text);
        let command_len =
            text.starts_with('/').then(|| text.split(' ').next().unwrap_or("").encode_utf16().count());
        self.person_sends(person_id, bubble, |m| {
            if let Some(len) = command_len {
                m["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
            }
        });
    }

    pub fn send_location(&self, person_id: i64, latitude: f64, longitude: f64) {
        let mut bubble = text_bubble(false, "");
        bubble.kind = Kind::Location;
        bubble.location = Some((latitude, longitude));
        self.person_sends(person_id, bubble, |_| {});
    }

    /// The person shares a file (a voice note, a photo or a document) with the bot.
    pub fn send_file(&self, person_id: i64, kind: Kind, file: StoredFile) {
        let file_ref = self.put_file(file);
        let mut bubble = text_bubble(false, "");
        bubble.kind = kind;
        bubble.file = Some(file_ref);
        self.person_sends(person_id, bubble, |_| {});
    }

    /// The person taps an inline button.
    pub fn press(&self, person_id: i64, message_id: i64, data: &str) -> bool {
        let query = self.with(|i| {
            let chat = i.chats.get(&person_id)?;
            let bubble = chat.bubbles.iter().find(|b| b.message_id == message_id && b.from_bot)?;
            let person = chat.person.as_ref()?;
            let id = format!("cbq{}", i.next_message_id);
            let query = json!({
                "id": id,
                "from": person_json(person),
                "chat_instance": format!("ci{person_id}"),
                "data": data,
                "message": message_json(chat, person_id, bubble),
            });
            i.pressed.insert(id, person_id);
            Some(query)
        });
        match query {
            Some(q) => {
                self.with(|i| i.next_message_id += 1);
                self.push_update("callback_query", q);
                true
            }
            None => false,
        }
    }

    fn put_file(&self, file: StoredFile) -> FileRef {
        self.with(|i| {
            i.next_file += 1;
            let file_id = format!("sbx{}", i.next_file);
            let r = FileRef { file_id: file_id.clone(), name: file.name.clone(), mime: file.mime.clone() };
            i.files.insert(file_id, file);
            r
        })
    }

    pub fn file(&self, file_id: &str) -> Option<StoredFile> {
        self.with(|i| i.files.get(file_id).cloned())
    }

    /// What the page shows of one chat.
    pub fn snapshot(&self, person_id: i64) -> Option<ChatView> {
        self.with(|i| {
            let chat = i.chats.get(&person_id)?;
            let language = chat.person.as_ref().map(|p| p.language_code.clone()).unwrap_or_default();
            let commands = [
                "chat:".to_owned() + &person_id.to_string(),
                format!("private:{language}"),
                "private".into(),
                format!("default:{language}"),
                "default".into(),
            ]
            .iter()
            .find_map(|k| i.commands.get(k))
            .cloned()
            .unwrap_or_default();
            Some(ChatView {
                person: chat.person.clone(),
                bubbles: chat.bubbles.clone(),
                toast: chat.toast.clone(),
                keyboard: chat.keyboard.clone(),
                commands,
                version: chat.version,
            })
        })
    }

    /// The bot's requests the emulator could not serve (a method it does not emulate, a
    /// message to a chat it does not know…), for the page.
    pub fn refused(&self) -> Vec<String> {
        self.with(|i| i.refused.clone())
    }

    async fn get_updates(&self, body: &Value) -> Value {
        let offset = body.get("offset").and_then(as_i64);
        let timeout = body.get("timeout").and_then(as_i64).unwrap_or(0).clamp(0, 30) as u64;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
        loop {
            let notified = self.new_updates.notified();
            let pending = self.with(|i| {
                if let Some(offset) = offset {
                    i.confirmed = i.confirmed.max(offset);
                    let confirmed = i.confirmed;
                    i.updates.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= confirmed);
                }
                i.updates.clone()
            });
            if !pending.is_empty() || tokio::time::Instant::now() >= deadline {
                return Value::Array(pending);
            }
            let _ = tokio::time::timeout_at(deadline, notified).await;
        }
    }

    /// One Bot API call from the bot.
    async fn call(&self, method: &str, mut body: Value, uploads: Uploads) -> Result<Value, (u16, String)> {
        let method = method.to_ascii_lowercase();
        if let Some(id) = body.get("chat_id").and_then(as_i64) {
            body["chat_id"] = json!(id);
        }
        let chat_id = body.get("chat_id").and_then(Value::as_i64).unwrap_or(0);
        let text = |field: &str| body.get(field).and_then(Value::as_str).unwrap_or("").to_owned();
        match method.as_str() {
            "getme" => {
                let mut me = bot_user();
                for flag in [
                    "can_join_groups",
                    "can_read_all_group_messages",
                    "supports_inline_queries",
                    "can_connect_to_business",
                    "has_main_web_app",
                ] {
                    me[flag] = json!(false);
                }
                Ok(me)
            }
            "getupdates" => Ok(self.get_updates(&body).await),
            "deletewebhook" | "setwebhook" | "sendchataction" | "deletemycommands" => Ok(json!(true)),
            "getwebhookinfo" => {
                Ok(json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0}))
            }
            "setmycommands" => {
                let commands: Vec<(String, String)> = parse_json_field(&body, "commands")
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| {
                        (
                            c["command"].as_str().unwrap_or("").to_owned(),
                            c["description"].as_str().unwrap_or("").to_owned(),
                        )
                    })
                    .collect();
                let scope = parse_json_field(&body, "scope");
                let language = text("language_code");
                let key = match scope["type"].as_str().unwrap_or("default") {
                    "chat" => format!("chat:{}", scope["chat_id"]),
                    "all_private_chats" if language.is_empty() => "private".to_owned(),
                    "all_private_chats" => format!("private:{language}"),
                    _ if language.is_empty() => "default".to_owned(),
                    _ => format!("default:{language}"),
                };
                self.with(|i| {
                    i.commands.insert(key, commands);
                    for chat in i.chats.values_mut() {
                        chat.version += 1;
                    }
                });
                Ok(json!(true))
            }
            "answercallbackquery" => {
                let toast = text("text");
                let query = text("callback_query_id");
                if !toast.is_empty() {
                    self.with(|i| {
                        // The query's id names no chat: the toast goes to the chat that pressed last.
                        let chat_id = i.pressed.remove(&query);
                        i.toasts += 1;
                        let n = i.toasts;
                        if let Some(chat) = chat_id.and_then(|c| i.chats.get_mut(&c)) {
                            chat.toast = Some((n, toast));
                            chat.version += 1;
                        }
                    });
                }
                Ok(json!(true))
            }
            "sendmessage" | "sendphoto" | "sendvoice" | "senddocument" | "sendlocation" | "sendaudio" => {
                let kind = match method.as_str() {
                    "sendphoto" => Kind::Photo,
                    "sendvoice" | "sendaudio" => Kind::Voice,
                    "senddocument" => Kind::Document,
                    "sendlocation" => Kind::Location,
                    _ => Kind::Text,
                };
                let field = match kind {
                    Kind::Photo => "photo",
                    Kind::Voice if method == "sendaudio" => "audio",
                    Kind::Voice => "voice",
                    Kind::Document => "document",
                    _ => "",
                };
                let file =
                    if field.is_empty() { None } else { Some(self.file_of(&body, &uploads, field, kind)?) };
                let reply_markup = parse_json_field(&body, "reply_markup");
                let mut bubble =
                    text_bubble(true, &if kind == Kind::Text { text("text") } else { text("caption") });
                bubble.kind = kind;
                bubble.file = file;
                bubble.buttons = inline_buttons(&reply_markup);
                if kind == Kind::Location {
                    bubble.location = Some((
                        body.get("latitude").and_then(as_f64).unwrap_or(0.0),
                        body.get("longitude").and_then(as_f64).unwrap_or(0.0),
                    ));
                }
                self.with(|i| {
                    if !i.chats.contains_key(&chat_id) {
                        return Err((400, "Bad Request: chat not found".to_owned()));
                    }
                    bubble.message_id = i.next_message_id;
                    i.next_message_id += 1;
                    let chat = i.chats.get_mut(&chat_id).expect("checked above");
                    if reply_markup.get("keyboard").is_some() {
                        chat.keyboard = reply_buttons(&reply_markup);
                    } else if reply_markup.get("remove_keyboard").is_some() {
                        chat.keyboard.clear();
                    }
                    let json = message_json(chat, chat_id, &bubble);
                    chat.bubbles.push(bubble);
                    chat.version += 1;
                    Ok(json)
                })
            }
            "editmessagetext" | "editmessagereplymarkup" | "editmessagecaption" => {
                let message_id = body.get("message_id").and_then(as_i64).unwrap_or(0);
                let reply_markup = parse_json_field(&body, "reply_markup");
                let new_text = match method.as_str() {
                    "editmessagetext" => Some(text("text")),
                    "editmessagecaption" => Some(text("caption")),
                    _ => None,
                };
                self.with(|i| {
                    let chat =
                        i.chats.get_mut(&chat_id).ok_or((400, "Bad Request: chat not found".to_owned()))?;
                    let b = chat
                        .bubbles
                        .iter_mut()
                        .find(|b| b.message_id == message_id && b.from_bot)
                        .ok_or((400, "Bad Request: message to edit not found".to_owned()))?;
                    if let Some(t) = new_text {
                        b.text = t;
                        b.edited = true;
                    }
                    b.buttons = inline_buttons(&reply_markup);
                    let b = b.clone();
                    chat.version += 1;
                    Ok(message_json(chat, chat_id, &b))
                })
            }
            "deletemessage" => {
                let message_id = body.get("message_id").and_then(as_i64).unwrap_or(0);
                self.with(|i| {
                    if let Some(chat) = i.chats.get_mut(&chat_id) {
                        chat.bubbles.retain(|b| b.message_id != message_id);
                        chat.version += 1;
                    }
                });
                Ok(json!(true))
            }
            "getfile" => {
                let id = text("file_id");
                let size = self
                    .file(&id)
                    .map(|f| f.bytes.len())
                    .ok_or((400, "Bad Request: invalid file_id".to_owned()))?;
                Ok(
                    json!({"file_id": id, "file_unique_id": format!("u{id}"), "file_size": size, "file_path": format!("files/{id}")}),
                )
            }
            other => Err((501, format!("the sandbox does not emulate the Bot API method '{other}'"))),
        }
    }

    /// The file a send names: uploaded in the request, or an id sent before.
    fn file_of(
        &self,
        body: &Value,
        uploads: &Uploads,
        field: &str,
        kind: Kind,
    ) -> Result<FileRef, (u16, String)> {
        if let Some((name, bytes)) = uploads.get(field) {
            let mime = mime_of(name, kind, bytes);
            return Ok(self.put_file(StoredFile { bytes: bytes.clone(), name: name.clone(), mime }));
        }
        match body.get(field) {
            Some(Value::String(id)) => {
                let f = self.file(id).ok_or((400, "Bad Request: wrong file identifier".to_owned()))?;
                Ok(FileRef { file_id: id.clone(), name: f.name, mime: f.mime })
            }
            _ => Err((400, format!("Bad Request: there is no {field} in the request"))),
        }
    }

    fn refuse(&self, what: String) {
        tracing::warn!(refused = %what, "sandbox Bot API emulator");
        self.with(|i| {
            i.refused.push(what);
        });
    }
}

/// What the page shows of a chat.
#[derive(Debug, Clone)]
pub struct ChatView {
    pub person: Option<Person>,
    pub bubbles: Vec<Bubble>,
    pub toast: Option<(u64, String)>,
    pub keyboard: Vec<Vec<KeyButton>>,
    pub commands: Vec<(String, String)>,
    pub version: u64,
}

fn text_bubble(from_bot: bool, text: &str) -> Bubble {
    Bubble {
        message_id: 0,
        from_bot,
        kind: Kind::Text,
        text: text.to_owned(),
        file: None,
        location: None,
        buttons: Vec::new(),
        edited: false,
    }
}

fn as_i64(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

fn as_f64(v: &Value) -> Option<f64> {
    v.as_f64().or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

/// A field that JSON requests carry as an object and multipart ones as a JSON string.
fn parse_json_field(body: &Value, field: &str) -> Value {
    match body.get(field) {
        Some(Value::String(s)) => serde_json::from_str(s).unwrap_or(Value::Null),
        Some(v) => v.clone(),
        None => Value::Null,
    }
}

fn inline_buttons(markup: &Value) -> Vec<Vec<Button>> {
    markup["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|row| {
            row.as_array()
                .into_iter()
                .flatten()
                .map(|b| Button {
                    text: b["text"].as_str().unwrap_or("").to_owned(),
                    data: b["callback_data"].as_str().map(str::to_owned),
                    url: b["url"].as_str().map(str::to_owned),
                })
                .collect()
        })
        .collect()
}

fn reply_buttons(markup: &Value) -> Vec<Vec<KeyButton>> {
    markup["keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|row| {
            row.as_array()
                .into_iter()
                .flatten()
                .map(|b| match b {
                    Value::String(s) => KeyButton { text: s.clone(), location: false },
                    b => KeyButton {
                        text: b["text"].as_str().unwrap_or("").to_owned(),
                        location: b["request_location"].as_bool().unwrap_or(false),
                    },
                })
                .collect()
        })
        .collect()
}

fn mime_of(name: &str, kind: Kind, bytes: &[u8]) -> String {
    let lower = name.to_ascii_lowercase();
    if bytes.starts_with(b"\x89PNG") || lower.ends_with(".png") {
        "image/png"
    } else if lower.ends_with(".jpg") || lower.ends_with(".jpeg") || bytes.starts_with(&[0xff, 0xd8]) {
        "image/jpeg"
    } else if bytes.starts_with(b"OggS") || kind == Kind::Voice {
        "audio/ogg"
    } else if lower.ends_with(".csv") {
        "text/csv"
    } else if lower.ends_with(".xlsx") {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else if lower.ends_with(".zip") {
        "application/zip"
    } else {
        "application/octet-stream"
    }
    .to_owned()
}

fn reply(result: Result<Value, (u16, String)>) -> Response {
    match result {
        Ok(result) => axum::Json(json!({"ok": true, "result": result})).into_response(),
        Err((status, description)) => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
            axum::Json(json!({"ok": false, "error_code": status, "description": description})),
        )
            .into_response(),
    }
}

async fn api(
    State(emulator): State<Emulator>,
    Path((token, method)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if token != TOKEN {
        return reply(Err((401, "Unauthorized".to_owned())));
    }
    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
    let (body, uploads) = match parse_body(content_type, &body) {
        Ok(b) => b,
        Err(e) => {
            emulator.refuse(format!("{method}: {e}"));
            return reply(Err((400, e)));
        }
    };
    let result = emulator.call(&method, body, uploads).await;
    if let Err((_, why)) = &result {
        emulator.refuse(format!("{method}: {why}"));
    }
    reply(result)
}

async fn download(State(emulator): State<Emulator>, Path((token, path)): Path<(String, String)>) -> Response {
    if token != TOKEN {
        return StatusCode::NOT_FOUND.into_response();
    }
    match emulator.file(path.trim_start_matches("files/")) {
        Some(f) => f.bytes.into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Files uploaded with a request, by field: (file name, bytes).
type Uploads = HashMap<String, (String, Vec<u8>)>;

fn parse_body(content_type: &str, body: &[u8]) -> Result<(Value, Uploads), String> {
    if content_type.starts_with("multipart/form-data") {
        return parse_multipart(content_type, body);
    }
    let json = if body.is_empty() {
        Ok(json!({}))
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
        Ok(Value::Object(pairs.into_iter().map(|(k, v)| (k, Value::String(v))).collect()))
    } else {
        serde_json::from_slice(body).map_err(|e| format!("Bad Request: body is not JSON: {e}"))
    };
    json.map(|j| (j, Uploads::new()))
}

/// A multipart body: text fields as JSON strings, files apart.
fn parse_multipart(content_type: &str, body: &[u8]) -> Result<(Value, Uploads), String> {
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .ok_or("Bad Request: multipart without boundary")?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut fields = serde_json::Map::new();
    let mut uploads = Uploads::new();
    let mut rest = body;
    while let Some(start) = find(rest, &delimiter) {
        rest = &rest[start + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let Some(header_end) = find(rest, b"\r\n\r\n") else { break };
        let headers = String::from_utf8_lossy(&rest[..header_end]).to_string();
        let content_start = header_end + 4;
        let content_end =
            find(&rest[content_start..], &delimiter).map_or(rest.len(), |e| content_start + e - 2);
        let content = &rest[content_start..content_end.max(content_start)];
        let attr = |name: &str| {
            headers.split(';').find_map(|p| {
                p.trim().strip_prefix(&format!("{name}=")).map(|v| v.trim_matches('"').to_owned())
            })
        };
        let Some(name) = attr("name") else { continue };
        match attr("filename") {
            Some(file) => {
                uploads.insert(name, (file, content.to_vec()));
            }
            None => {
                fields.insert(name, Value::String(String::from_utf8_lossy(content).to_string()));
            }
        }
        rest = &rest[content_end..];
    }
    let attached: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(k, v)| {
            v.as_str().and_then(|s| s.strip_prefix("attach://")).map(|part| (k.clone(), part.to_owned()))
        })
        .collect();
    for (field, part) in attached {
        let file = uploads.remove(&part).ok_or(format!("Bad Request: {field} refers to a missing part"))?;
        fields.remove(&field);
        uploads.insert(field, file);
    }
    Ok((Value::Object(fields), uploads))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amira() -> Person {
        Person { id: 7, first_name: "أميرة".into(), language_code: "ar".into(), about: String::new() }
    }

    async fn call(e: &Emulator, method: &str, body: Value) -> Value {
        e.call(method, body, Uploads::new()).await.unwrap_or_else(|(s, d)| panic!("{method}: {s} {d}"))
    }

    #[tokio::test]
    async fn updates_are_served_again_until_their_offset_is_confirmed() {
        let e = Emulator::new();
        e.open_chat(&amira());
        e.send_text(7, "/start ABC");
        e.send_text(7, "hello");
        let first = call(&e, "getUpdates", json!({})).await;
        assert_eq!(first.as_array().unwrap().len(), 2);
        assert_eq!(first[0]["message"]["entities"][0]["type"], "bot_command");
        assert_eq!(first[0]["message"]["from"]["language_code"], "ar");
        let again = call(&e, "getUpdates", json!({"offset": first[0]["update_id"]})).await;
        assert_eq!(again.as_array().unwrap().len(), 2, "not confirmed yet: both again");
        let next = first[1]["update_id"].as_i64().unwrap() + 1;
        let none = call(&e, "getUpdates", json!({"offset": next, "timeout": 0})).await;
        assert_eq!(none, json!([]));
    }

    #[tokio::test]
    async fn a_chat_menu_wins_over_the_language_menu_and_the_default_one() {
        let e = Emulator::new();
        e.open_chat(&amira());
        let menu = |c: &str| json!([{"command": c, "description": c}]);
        call(&e, "SetMyCommands", json!({"commands": menu("all"), "scope": {"type": "all_private_chats"}}))
            .await;
        assert_eq!(e.snapshot(7).unwrap().commands[0].0, "all");
        call(
            &e,
            "SetMyCommands",
            json!({"commands": menu("ar"), "scope": {"type": "all_private_chats"}, "language_code": "ar"}),
        )
        .await;
        assert_eq!(e.snapshot(7).unwrap().commands[0].0, "ar", "Telegram picks the app language's menu");
        call(&e, "SetMyCommands", json!({"commands": menu("mine"), "scope": {"type": "chat", "chat_id": 7}}))
            .await;
        assert_eq!(e.snapshot(7).unwrap().commands[0].0, "mine");
    }

    #[tokio::test]
    async fn buttons_pressed_reach_the_bot_and_edits_and_toasts_reach_the_chat() {
        let e = Emulator::new();
        e.open_chat(&amira());
        let sent = call(
            &e,
            "SendMessage",
            json!({"chat_id": 7, "text": "سؤال", "reply_markup": {"inline_keyboard": [[{"text": "✅", "callback_data": "q:1"}]]}}),
        )
        .await;
        let id = sent["message_id"].as_i64().unwrap();
        assert!(e.press(7, id, "q:1"));
        assert!(!e.press(7, id + 100, "q:1"), "no such message");
        let updates = call(&e, "getUpdates", json!({})).await;
        let query = &updates[0]["callback_query"];
        assert_eq!(query["data"], "q:1");
        assert_eq!(query["message"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"], "q:1");
        call(&e, "answerCallbackQuery", json!({"callback_query_id": query["id"], "text": "تم"})).await;
        call(&e, "editMessageText", json!({"chat_id": 7, "message_id": id, "text": "سؤال ✅"})).await;
        let view = e.snapshot(7).unwrap();
        assert_eq!(view.toast.unwrap().1, "تم");
        assert_eq!(view.bubbles[0].text, "سؤال ✅");
        assert!(
            view.bubbles[0].edited && view.bubbles[0].buttons.is_empty(),
            "the edit took the buttons away"
        );
        let unknown = e.call("sendMessage", json!({"chat_id": 99, "text": "x"}), Uploads::new()).await;
        assert_eq!(unknown.unwrap_err().0, 400, "a chat nobody opened is not found, as in Telegram");
    }

    #[tokio::test]
    async fn a_photo_uploaded_as_multipart_is_kept_and_can_be_sent_again_by_its_id() {
        let e = Emulator::new();
        e.open_chat(&amira());
        let body = b"--XYZ\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n7\r\n\
--XYZ\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nchart\r\n\
--XYZ\r\nContent-Disposition: form-data; name=\"reply_markup\"\r\n\r\n{\"inline_keyboard\":[[{\"text\":\"ok\",\"callback_data\":\"x\"}]]}\r\n\
--XYZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"chart.png\"\r\n\r\n\x89PNG\r\n\x1a\nDATA\r\n--XYZ--\r\n";
        let (json, uploads) = parse_body("multipart/form-data; boundary=XYZ", body).unwrap();
        let sent = e.call("sendPhoto", json, uploads).await.unwrap();
        let file_id = sent["photo"][0]["file_id"].as_str().unwrap().to_owned();
        let file = e.file(&file_id).unwrap();
        assert_eq!(file.bytes, b"\x89PNG\r\n\x1a\nDATA");
        assert_eq!(file.mime, "image/png");
        let view = e.snapshot(7).unwrap();
        assert_eq!((view.bubbles[0].kind, view.bubbles[0].text.as_str()), (Kind::Photo, "chart"));
        assert_eq!(view.bubbles[0].buttons[0][0].data.as_deref(), Some("x"));
        let again = call(&e, "sendPhoto", json!({"chat_id": 7, "photo": file_id})).await;
        assert_eq!(again["photo"][0]["file_id"], file_id.as_str());
        let path = call(&e, "getFile", json!({"file_id": file_id})).await;
        assert_eq!(path["file_path"], format!("files/{file_id}"));
    }
}
