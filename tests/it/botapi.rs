//! A small HTTP double of the Telegram Bot API, bound to 127.0.0.1, for end-to-end tests of
//! the real `clusterbot run` process (pointed here with `TELOXIDE_API_URL`).
//!
//! It queues updates that tests make users send, serves them through getUpdates with real
//! offset semantics (everything after the last confirmed offset is re-delivered — as after a
//! crash), records every request, and rejects requests that break the Bot API as described
//! by `tests/data/telegram-bot-api.json`: unknown methods, missing required fields,
//! unknown fields, callback_data over 64 bytes, text over 4096 characters, captions over 1024.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::{Value, json};
use tokio::sync::Notify;

pub const TOKEN: &str = "4839574812:AAFD39kkdpWt3ywyRZergyOLMaJhac60qc";
pub const BOT_USERNAME: &str = "cluster_test_bot";
const BOT_ID: i64 = 4839574812;

/// Method name → (field name → required).
type Spec = HashMap<String, HashMap<String, bool>>;

fn load_spec() -> Spec {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/telegram-bot-api.json");
    let raw = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the Bot API spec is needed by the e2e tests: {path}: {e}"));
    let doc: Value = serde_json::from_str(&raw).expect("spec is JSON");
    doc["methods"]
        .as_object()
        .expect("spec has methods")
        .iter()
        .map(|(name, m)| {
            let fields = m["fields"]
                .as_array()
                .map(|fs| {
                    fs.iter()
                        .map(|f| {
                            (f["name"].as_str().unwrap().to_owned(), f["required"].as_bool().unwrap_or(false))
                        })
                        .collect()
                })
                .unwrap_or_default();
            (name.clone(), fields)
        })
        .collect()
}

/// A user of the test, as Telegram describes them.
#[derive(Debug, Clone)]
pub struct TgUser {
    pub id: i64,
    pub first_name: String,
    pub last_name: Option<String>,
    pub language_code: Option<String>,
}

impl TgUser {
    pub fn new(id: i64, first_name: &str, language_code: &str) -> Self {
        Self { id, first_name: first_name.into(), last_name: None, language_code: Some(language_code.into()) }
    }

    fn json(&self) -> Value {
        let mut u = json!({"id": self.id, "is_bot": false, "first_name": self.first_name});
        if let Some(l) = &self.last_name {
            u["last_name"] = json!(l);
        }
        if let Some(l) = &self.language_code {
            u["language_code"] = json!(l);
        }
        u
    }

    fn chat(&self) -> Value {
        json!({"id": self.id, "type": "private", "first_name": self.first_name})
    }
}

/// A request the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub body: Value,
    /// The message id the double gave a sent message.
    pub message_id: Option<i64>,
    /// When the request arrived.
    pub at: Instant,
}

impl Call {
    pub fn text(&self) -> &str {
        self.body["text"].as_str().unwrap_or_default()
    }

    /// (label, callback_data) of each inline button, row by row.
    pub fn buttons(&self) -> Vec<(String, String)> {
        let markup = match &self.body["reply_markup"] {
            Value::String(s) => serde_json::from_str(s).unwrap_or(Value::Null),
            v => v.clone(),
        };
        markup["inline_keyboard"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row.as_array().cloned().unwrap_or_default())
            .map(|b| {
                (
                    b["text"].as_str().unwrap_or_default().to_owned(),
                    b["callback_data"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    /// The callback data of the button labelled exactly `label`.
    pub fn button_eq(&self, label: &str) -> String {
        self.buttons()
            .into_iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("no button '{label}' in {:?}", self.buttons()))
            .1
    }

    /// The callback data of the button whose label contains `label`.
    pub fn button(&self, label: &str) -> String {
        self.buttons()
            .into_iter()
            .find(|(l, _)| l.contains(label))
            .unwrap_or_else(|| panic!("no button '{label}' in {:?}", self.buttons()))
            .1
    }
}

/// A failure the double plays for messages to one chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answer the next sendMessage with 429 and `retry_after`, then accept.
    TooManyRequestsOnce { retry_after: u32 },
    /// Answer every sendMessage with 403: the user blocked the bot.
    Blocked,
    /// Accept the next sendMessage (it is delivered) but hold the answer this long.
    HoldOnce { seconds: u64 },
    /// Accept every sendMessage (each is delivered) but hold its answer until
    /// [`BotApi::open`]: the bot is caught in the middle of handling an update.
    HoldUntilOpened,
}

enum Hold {
    For(u64),
    UntilOpened(i64),
}

#[derive(Default)]
struct Inner {
    updates: Vec<Value>,
    confirmed: i64,
    calls: Vec<Call>,
    violations: Vec<String>,
    faults: HashMap<i64, Fault>,
    /// Requests answered with an injected error: (method, chat, status).
    refused: Vec<(String, i64, u16)>,
    /// When each of them was answered: (chat, status, time).
    refused_at: Vec<(i64, u16, Instant)>,
    /// getUpdates answers 409 Conflict, as when another process polls the token.
    conflict: bool,
    /// getUpdates requests seen.
    polls: usize,
}

#[derive(Clone)]
struct Shared {
    inner: Arc<Mutex<Inner>>,
    /// Contents served for file ids the test registered; others get a few OGG-like bytes.
    files: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    new_updates: Arc<Notify>,
    new_calls: Arc<Notify>,
    /// A chat's [`Fault::HoldUntilOpened`] was lifted.
    opened: Arc<Notify>,
    spec: Arc<Spec>,
    next_message_id: Arc<AtomicI64>,
}

pub struct BotApi {
    shared: Shared,
    pub url: String,
    next_update_id: AtomicI64,
    handle: actix_web::dev::ServerHandle,
}

fn ok(result: Value) -> HttpResponse {
    HttpResponse::Ok().json(json!({"ok": true, "result": result}))
}

fn refuse(shared: &Shared, status: u16, description: String) -> HttpResponse {
    shared.inner.lock().unwrap().violations.push(description.clone());
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
        .json(json!({"ok": false, "error_code": status, "description": description}))
}

/// A multipart body as JSON: text fields as strings, files as `{"file": name, "size": n,
/// "png": bool}`.
fn parse_multipart(content_type: &str, body: &[u8]) -> Result<Value, String> {
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .ok_or("Bad Request: multipart without boundary")?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut fields = serde_json::Map::new();
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
            find(&rest[content_start..], &delimiter).map(|e| content_start + e - 2).unwrap_or(rest.len());
        let content = &rest[content_start..content_end.max(content_start)];
        let attr = |name: &str| {
            headers.split(';').find_map(|p| {
                p.trim().strip_prefix(&format!("{name}=")).map(|v| v.trim_matches('"').to_owned())
            })
        };
        let Some(name) = attr("name") else { continue };
        let value = match attr("filename") {
            Some(file) => {
                let mut f = json!({"file": file, "size": content.len(), "png": content.starts_with(b"\x89PNG\r\n\x1a\n")});
                if content.len() <= 64 * 1024 {
                    // Small uploads keep their bytes, for tests to open.
                    f["bytes"] = json!(content);
                }
                f
            }
            None => {
                let text = String::from_utf8_lossy(content).to_string();
                serde_json::from_str::<Value>(&text)
                    .ok()
                    .filter(|v| v.is_object() || v.is_array())
                    .unwrap_or(Value::String(text))
            }
        };
        fields.insert(name, value);
        rest = &rest[content_end..];
    }
    // `photo: "attach://<part>"` names the part that holds the file.
    let attached: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(k, v)| {
            v.as_str().and_then(|s| s.strip_prefix("attach://")).map(|part| (k.clone(), part.to_owned()))
        })
        .collect();
    for (field, part) in attached {
        let file = fields.remove(&part).ok_or(format!("Bad Request: {field} refers to a missing part"))?;
        fields.insert(field, file);
    }
    Ok(Value::Object(fields))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn parse_body(req: &HttpRequest, body: &[u8]) -> Result<Value, String> {
    let content_type = req.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        return parse_multipart(content_type, body);
    }
    if body.is_empty() {
        Ok(json!({}))
    } else if content_type.starts_with("application/json") {
        serde_json::from_slice(body).map_err(|e| format!("Bad Request: body is not JSON: {e}"))
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
        Ok(Value::Object(pairs.into_iter().map(|(k, v)| (k, Value::String(v))).collect()))
    } else {
        Err(format!("Bad Request: content type '{content_type}' is not emulated"))
    }
}

/// A message the bot sent, as Telegram puts it in `reply_to_message`.
fn replied(user: &TgUser, to: &Call) -> Value {
    let mut msg = json!({
        "message_id": to.message_id.expect("a reply is to a sent message"),
        "date": chrono::Utc::now().timestamp(),
        "chat": user.chat(),
        "from": bot_user(),
    });
    match to.body.get("caption").and_then(Value::as_str) {
        Some(caption) => msg["caption"] = json!(caption),
        None => msg["text"] = json!(to.text()),
    }
    msg
}

/// Checks one request against the spec and the limits that matter to us.
fn check(spec: &Spec, method: &str, body: &Value) -> Result<(), (u16, String)> {
    let Some(fields) = spec.get(method) else {
        return Err((404, format!("Not Found: method '{method}' does not exist")));
    };
    let given = body.as_object().cloned().unwrap_or_default();
    for (field, required) in fields {
        if *required && !given.contains_key(field) {
            return Err((400, format!("Bad Request: {method} needs field '{field}'")));
        }
    }
    for field in given.keys() {
        if !fields.contains_key(field) {
            return Err((400, format!("Bad Request: {method} has no field '{field}'")));
        }
    }
    if let Some(text) = body.get("text").and_then(Value::as_str) {
        let n = text.chars().count();
        if n == 0 || n > 4096 {
            return Err((400, format!("Bad Request: {method} text is {n} characters (1 to 4096)")));
        }
    }
    if let Some(caption) = body.get("caption").and_then(Value::as_str)
        && caption.chars().count() > 1024
    {
        return Err((400, format!("Bad Request: {method} caption is over 1024 characters")));
    }
    let markup = match body.get("reply_markup") {
        Some(Value::String(s)) => serde_json::from_str(s).unwrap_or(Value::Null),
        Some(v) => v.clone(),
        None => Value::Null,
    };
    for row in markup["inline_keyboard"].as_array().into_iter().flatten() {
        for button in row.as_array().into_iter().flatten() {
            if button["text"].as_str().is_none_or(str::is_empty) {
                return Err((400, format!("Bad Request: {method} has a button without text")));
            }
            if let Some(data) = button.get("callback_data").and_then(Value::as_str)
                && (data.is_empty() || data.len() > 64)
            {
                return Err((
                    400,
                    format!("Bad Request: BUTTON_DATA_INVALID ({} bytes: {data})", data.len()),
                ));
            }
        }
    }
    Ok(())
}

/// File downloads (`/file/bot<token>/files/<file id>.oga`).
async fn download(shared: web::Data<Shared>, path: web::Path<(String, String)>) -> HttpResponse {
    let (token, file) = path.into_inner();
    if token != TOKEN {
        return HttpResponse::NotFound().finish();
    }
    let id = file.trim_start_matches("files/").trim_end_matches(".oga");
    let registered = shared.files.lock().unwrap().get(id).cloned();
    let bytes = registered.unwrap_or_else(|| {
        let mut b = b"OggS\0\x02".to_vec();
        b.extend(id.as_bytes());
        b
    });
    HttpResponse::Ok().content_type("application/octet-stream").body(bytes)
}

fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Cluster Bot", "username": BOT_USERNAME})
}

async fn route(
    shared: web::Data<Shared>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    let (token, raw_method) = path.into_inner();
    if token != TOKEN {
        return HttpResponse::Unauthorized()
            .json(json!({"ok": false, "error_code": 401, "description": "Unauthorized"}));
    }
    // Telegram matches method names case-insensitively (teloxide sends `SendMessage`).
    let Some(method) = shared.spec.keys().find(|m| m.eq_ignore_ascii_case(&raw_method)).cloned() else {
        return refuse(&shared, 404, format!("Not Found: method '{raw_method}' does not exist"));
    };
    let body = match parse_body(&req, &body) {
        Ok(b) => b,
        Err(e) => return refuse(&shared, 400, e),
    };
    if let Err((status, description)) = check(&shared.spec, &method, &body) {
        return refuse(&shared, status, description);
    }
    if method == "getUpdates" {
        let conflict = {
            let mut inner = shared.inner.lock().unwrap();
            inner.polls += 1;
            inner.conflict
        };
        if conflict {
            return HttpResponse::Conflict().json(json!({"ok": false, "error_code": 409,
                "description": "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}));
        }
        return get_updates(&shared, &body).await;
    }
    // Multipart fields arrive as text: a numeric chat id is still a number.
    let mut body = body;
    if let Some(id) = body.get("chat_id").and_then(Value::as_str).and_then(|s| s.parse::<i64>().ok()) {
        body["chat_id"] = json!(id);
    }
    let mut hold = None;
    if method == "sendMessage" {
        let chat = body["chat_id"].as_i64().unwrap_or_default();
        let fault = shared.inner.lock().unwrap().faults.get(&chat).copied();
        match fault {
            Some(Fault::TooManyRequestsOnce { retry_after }) => {
                let mut inner = shared.inner.lock().unwrap();
                inner.faults.remove(&chat);
                inner.refused.push((method.clone(), chat, 429));
                inner.refused_at.push((chat, 429, Instant::now()));
                return HttpResponse::TooManyRequests().json(json!({
                    "ok": false, "error_code": 429,
                    "description": format!("Too Many Requests: retry after {retry_after}"),
                    "parameters": {"retry_after": retry_after}
                }));
            }
            Some(Fault::Blocked) => {
                let mut inner = shared.inner.lock().unwrap();
                inner.refused.push((method.clone(), chat, 403));
                inner.refused_at.push((chat, 403, Instant::now()));
                drop(inner);
                return HttpResponse::Forbidden().json(json!({"ok": false, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}));
            }
            Some(Fault::HoldOnce { seconds }) => {
                shared.inner.lock().unwrap().faults.remove(&chat);
                hold = Some(Hold::For(seconds));
            }
            Some(Fault::HoldUntilOpened) => hold = Some(Hold::UntilOpened(chat)),
            None => {}
        }
    }
    let message_id = matches!(
        method.as_str(),
        "sendMessage" | "sendPhoto" | "sendVoice" | "sendAudio" | "sendLocation" | "sendDocument"
    )
    .then(|| shared.next_message_id.fetch_add(1, Ordering::SeqCst));
    let result = match method.as_str() {
        "getMe" => {
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
            me
        }
        "sendMessage" => {
            let mut msg = json!({
                "message_id": message_id,
                "date": chrono::Utc::now().timestamp(),
                "chat": {"id": body["chat_id"], "type": "private", "first_name": "User"},
                "from": bot_user(),
                "text": body["text"],
            });
            if let Some(markup) = body.get("reply_markup") {
                msg["reply_markup"] = markup.clone();
            }
            msg
        }
        "sendPhoto" => json!({
            "message_id": message_id,
            "date": chrono::Utc::now().timestamp(),
            "chat": {"id": body["chat_id"], "type": "private", "first_name": "User"},
            "from": bot_user(),
            "photo": [{"file_id": format!("photo{}", message_id.unwrap_or_default()), "file_unique_id": "p", "width": 800, "height": 600, "file_size": body["photo"]["size"]}],
            "caption": body.get("caption").cloned().unwrap_or(Value::Null),
        }),
        "sendVoice" => json!({
            "message_id": message_id,
            "date": chrono::Utc::now().timestamp(),
            "chat": {"id": body["chat_id"], "type": "private", "first_name": "User"},
            "from": bot_user(),
            "voice": {"file_id": format!("voice{}", message_id.unwrap_or_default()), "file_unique_id": "v", "duration": 2, "mime_type": "audio/ogg", "file_size": body["voice"]["size"]},
        }),
        "sendAudio" => json!({
            "message_id": message_id,
            "date": chrono::Utc::now().timestamp(),
            "chat": {"id": body["chat_id"], "type": "private", "first_name": "User"},
            "from": bot_user(),
            "audio": {"file_id": format!("audio{}", message_id.unwrap_or_default()), "file_unique_id": "a", "duration": 2, "mime_type": "audio/wav", "file_size": body["audio"]["size"]},
        }),
        "sendDocument" => json!({
            "message_id": message_id,
            "date": chrono::Utc::now().timestamp(),
            "chat": {"id": body["chat_id"], "type": "private", "first_name": "User"},
            "from": bot_user(),
            "document": {"file_id": format!("doc{}", message_id.unwrap_or_default()), "file_unique_id": "d", "file_name": body["document"]["file"], "file_size": body["document"]["size"]},
            "caption": body.get("caption").cloned().unwrap_or(Value::Null),
        }),
        "sendLocation" => json!({
            "message_id": message_id,
            "date": chrono::Utc::now().timestamp(),
            "chat": {"id": body["chat_id"], "type": "private", "first_name": "User"},
            "from": bot_user(),
            "location": {"latitude": body["latitude"], "longitude": body["longitude"]},
        }),
        "getFile" => {
            let id = body["file_id"].as_str().unwrap_or_default();
            json!({"file_id": id, "file_unique_id": format!("u{id}"), "file_size": 1024, "file_path": format!("files/{id}.oga")})
        }
        "editMessageReplyMarkup" | "editMessageText" => json!({
            "message_id": body["message_id"],
            "date": chrono::Utc::now().timestamp(),
            "chat": {"id": body["chat_id"], "type": "private", "first_name": "User"},
            "from": bot_user(),
            "text": body.get("text").cloned().unwrap_or(json!("…")),
        }),
        "getWebhookInfo" => json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0}),
        "setWebhook"
        | "deleteWebhook"
        | "setMyCommands"
        | "deleteMyCommands"
        | "answerCallbackQuery"
        | "sendChatAction" => {
            json!(true)
        }
        other => {
            return refuse(&shared, 501, format!("method '{other}' is valid but not emulated by the double"));
        }
    };
    {
        let mut inner = shared.inner.lock().unwrap();
        inner.calls.push(Call { method, body, message_id, at: Instant::now() });
    }
    shared.new_calls.notify_waiters();
    match hold {
        // Delivered, but the answer is late: the sender may die before it arrives.
        Some(Hold::For(seconds)) => tokio::time::sleep(Duration::from_secs(seconds)).await,
        Some(Hold::UntilOpened(chat)) => loop {
            let opened = shared.opened.notified();
            tokio::pin!(opened);
            opened.as_mut().enable();
            if shared.inner.lock().unwrap().faults.get(&chat) != Some(&Fault::HoldUntilOpened) {
                break;
            }
            opened.await;
        },
        None => {}
    }
    ok(result)
}

async fn get_updates(shared: &Shared, body: &Value) -> HttpResponse {
    let offset = body.get("offset").and_then(Value::as_i64);
    let timeout = body.get("timeout").and_then(Value::as_u64).unwrap_or(0).min(2);
    let deadline = Instant::now() + Duration::from_secs(timeout);
    loop {
        let notified = shared.new_updates.notified();
        let pending: Vec<Value> = {
            let mut inner = shared.inner.lock().unwrap();
            if let Some(offset) = offset {
                inner.confirmed = inner.confirmed.max(offset);
            }
            let confirmed = inner.confirmed;
            inner.updates.iter().filter(|u| u["update_id"].as_i64().unwrap() >= confirmed).cloned().collect()
        };
        let now = Instant::now();
        if !pending.is_empty() || now >= deadline {
            return ok(Value::Array(pending));
        }
        let _ = tokio::time::timeout(deadline - now, notified).await;
    }
}

impl BotApi {
    pub async fn start() -> Self {
        let shared = Shared {
            inner: Arc::default(),
            files: Arc::default(),
            new_updates: Arc::default(),
            new_calls: Arc::default(),
            opened: Arc::default(),
            spec: Arc::new(load_spec()),
            next_message_id: Arc::new(AtomicI64::new(1000)),
        };
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the Bot API double");
        let port = listener.local_addr().unwrap().port();
        let data = web::Data::new(shared.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .app_data(web::PayloadConfig::new(50 * 1024 * 1024))
                .route("/bot{token}/{method}", web::route().to(route))
                .route("/file/bot{token}/{path:.*}", web::get().to(download))
        })
        .workers(2)
        .disable_signals()
        .listen(listener)
        .expect("listen")
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        Self { shared, url: format!("http://127.0.0.1:{port}"), next_update_id: AtomicI64::new(1), handle }
    }

    fn push_update(&self, kind: &str, payload: Value) {
        let update_id = self.next_update_id.fetch_add(1, Ordering::SeqCst);
        self.shared.inner.lock().unwrap().updates.push(json!({"update_id": update_id, kind: payload}));
        self.shared.new_updates.notify_waiters();
    }

    fn message(&self, user: &TgUser, extra: Value) -> Value {
        let mut msg = json!({
            "message_id": self.shared.next_message_id.fetch_add(1, Ordering::SeqCst),
            "date": chrono::Utc::now().timestamp(),
            "chat": user.chat(),
            "from": user.json(),
        });
        for (k, v) in extra.as_object().unwrap() {
            msg[k] = v.clone();
        }
        msg
    }

    pub fn send_text(&self, user: &TgUser, text: &str) {
        let mut extra = json!({"text": text});
        if text.starts_with('/') {
            let len = text.split(' ').next().unwrap().encode_utf16().count();
            extra["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
        }
        let msg = self.message(user, extra);
        self.push_update("message", msg);
    }

    pub fn send_sticker(&self, user: &TgUser) {
        let msg = self.message(
            user,
            json!({"sticker": {"file_id": "CAACAgIAAxk", "file_unique_id": "AgAD", "type": "regular",
                   "width": 512, "height": 512, "is_animated": false, "is_video": false, "emoji": "👍"}}),
        );
        self.push_update("message", msg);
    }

    pub fn send_voice(&self, user: &TgUser, file_id: &str) {
        let msg = self.message(
            user,
            json!({"voice": {"file_id": file_id, "file_unique_id": format!("u{file_id}"), "duration": 4, "mime_type": "audio/ogg", "file_size": 2048}}),
        );
        self.push_update("message", msg);
    }

    /// The user replies (Telegram's "Reply") to a message the bot sent, with text.
    pub fn reply_text(&self, user: &TgUser, to: &Call, text: &str) {
        let msg = self.message(user, json!({"text": text, "reply_to_message": replied(user, to)}));
        self.push_update("message", msg);
    }

    /// The user replies to a message the bot sent with a voice note.
    pub fn reply_voice(&self, user: &TgUser, to: &Call, file_id: &str) {
        let msg = self.message(
            user,
            json!({"voice": {"file_id": file_id, "file_unique_id": format!("u{file_id}"), "duration": 4, "mime_type": "audio/ogg", "file_size": 2048},
                   "reply_to_message": replied(user, to)}),
        );
        self.push_update("message", msg);
    }

    pub fn send_location(&self, user: &TgUser, latitude: f64, longitude: f64) {
        let msg = self.message(user, json!({"location": {"latitude": latitude, "longitude": longitude}}));
        self.push_update("message", msg);
    }

    pub fn send_photo(&self, user: &TgUser, file_id: &str) {
        let msg = self.message(
            user,
            json!({"photo": [
                {"file_id": format!("{file_id}-small"), "file_unique_id": format!("u{file_id}-small"), "width": 90, "height": 60, "file_size": 900},
                {"file_id": file_id, "file_unique_id": format!("u{file_id}"), "width": 1280, "height": 960, "file_size": 90000}
            ]}),
        );
        self.push_update("message", msg);
    }

    /// Makes `file_id` downloadable with these contents.
    pub fn put_file(&self, file_id: &str, content: Vec<u8>) {
        self.shared.files.lock().unwrap().insert(file_id.to_owned(), content);
    }

    pub fn send_document(&self, user: &TgUser, file_id: &str, file_name: &str) {
        let msg = self.message(
            user,
            json!({"document": {"file_id": file_id, "file_unique_id": format!("u{file_id}"), "file_name": file_name, "file_size": 4096}}),
        );
        self.push_update("message", msg);
    }

    /// The user presses an inline button on a message the bot sent.
    pub fn press(&self, user: &TgUser, on: &Call, data: &str) {
        let query = json!({
            "id": format!("cbq{}", self.shared.next_message_id.fetch_add(1, Ordering::SeqCst)),
            "from": user.json(),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": on.message_id.expect("buttons are on a sent message"),
                "date": chrono::Utc::now().timestamp(),
                "chat": user.chat(),
                "from": bot_user(),
                "text": on.text(),
            },
        });
        self.push_update("callback_query", query);
    }

    /// Takes the updates users sent that nobody fetched yet, for a test to post them to a
    /// webhook as Telegram would.
    pub fn take_updates(&self) -> Vec<Value> {
        std::mem::take(&mut self.shared.inner.lock().unwrap().updates)
    }

    /// From now on getUpdates answers 409 Conflict.
    pub fn conflict(&self) {
        self.shared.inner.lock().unwrap().conflict = true;
    }

    /// How many getUpdates requests arrived.
    pub fn polls(&self) -> usize {
        self.shared.inner.lock().unwrap().polls
    }

    pub fn fault(&self, chat: i64, fault: Fault) {
        self.shared.inner.lock().unwrap().faults.insert(chat, fault);
    }

    /// Lifts a chat's [`Fault::HoldUntilOpened`]: the held answers go out.
    pub fn open(&self, chat: i64) {
        self.shared.inner.lock().unwrap().faults.remove(&chat);
        self.shared.opened.notify_waiters();
    }

    /// Requests answered with an injected error: (method, chat, status).
    pub fn refused(&self) -> Vec<(String, i64, u16)> {
        self.shared.inner.lock().unwrap().refused.clone()
    }

    /// The calls made after the first `from` (cloning only those).
    #[allow(dead_code)]
    /// When a request to `chat` was first answered with `status`.
    pub fn refused_at(&self, chat: i64, status: u16) -> Option<Instant> {
        let inner = self.shared.inner.lock().unwrap();
        inner.refused_at.iter().find(|(c, s, _)| *c == chat && *s == status).map(|(_, _, at)| *at)
    }

    /// The most messages sent in any one-second window (Telegram allows about 30).
    pub fn peak_messages_per_second(&self) -> usize {
        let times: Vec<Instant> =
            self.calls().iter().filter(|c| c.method.starts_with("send")).map(|c| c.at).collect();
        let mut peak = 0;
        let mut start = 0;
        for end in 0..times.len() {
            while times[end].duration_since(times[start]) >= Duration::from_secs(1) {
                start += 1;
            }
            peak = peak.max(end - start + 1);
        }
        peak
    }

    pub fn calls_since(&self, from: usize) -> Vec<Call> {
        self.shared.inner.lock().unwrap().calls.iter().skip(from).cloned().collect()
    }

    pub fn calls(&self) -> Vec<Call> {
        self.shared.inner.lock().unwrap().calls.clone()
    }

    pub fn violations(&self) -> Vec<String> {
        self.shared.inner.lock().unwrap().violations.clone()
    }

    /// Waits until the bot has made a call after index `from` that matches; returns its index
    /// and the call.
    pub async fn wait_for(&self, from: usize, what: &str, matches: impl Fn(&Call) -> bool) -> (usize, Call) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let notified = self.shared.new_calls.notified();
            if let Some((i, c)) = self.calls().into_iter().enumerate().skip(from).find(|(_, c)| matches(c)) {
                return (i, c);
            }
            let now = Instant::now();
            if now >= deadline {
                let sent: Vec<_> =
                    self.calls().iter().skip(from).map(|c| format!("{} {}", c.method, c.text())).collect();
                panic!(
                    "timed out waiting for {what}; the bot made these calls since: {sent:#?}; violations: {:?}",
                    self.violations()
                );
            }
            let _ = tokio::time::timeout(Duration::from_millis(200).min(deadline - now), notified).await;
        }
    }

    /// Waits for the next sendMessage to `user` (after call index `from`) whose text is `text`.
    pub async fn expect_text(&self, from: usize, user: &TgUser, text: &str) -> (usize, Call) {
        self.wait_for(from, &format!("a message to {} saying {text:?}", user.id), |c| {
            c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(user.id) && c.text() == text
        })
        .await
    }

    pub async fn stop(self) {
        self.handle.stop(false).await;
    }
}
