//! The bot's HTTP side: Telegram's webhook, and `/healthz` for the operator's probes.
//!
//! The webhook is served here rather than by teloxide's `webhooks-axum` so that the secret
//! is compared in constant time, a malformed body is never copied into the log (it holds
//! what users wrote), and a process that is shutting down answers 503 — Telegram then
//! delivers the update again, to another instance or after the restart.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use sha2::{Digest, Sha256};
use teloxide::stop::{StopToken, mk_stop_token};
use teloxide::types::Update;
use teloxide::update_listeners::StatefulListener;
use tokio::sync::mpsc;
use tokio_stream::wrappers::UnboundedReceiverStream;

use crate::metrics::Metrics;
use crate::store::{ChatTurn, ChatTurns, Store};

/// The header Telegram puts the webhook's secret in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// The webhook secret when none is configured: derived from the bot token, so that every
/// instance of one bot computes the same one, and nobody without the token can.
pub fn default_secret(token: &str) -> String {
    let digest = Sha256::digest(format!("clusterbot webhook secret\n{token}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// How long a webhook request waits in all for a connection of the turns' pool and then for
/// its chat's turn, before it is answered 503 (Telegram then delivers it again later). Well under
/// the time Telegram waits for an answer.
pub const TURN_WAIT: std::time::Duration = std::time::Duration::from_secs(25);

type Sender = mpsc::UnboundedSender<Result<Update, Infallible>>;

#[derive(Clone)]
struct Hook {
    secret: Arc<str>,
    /// `None` once the bot stops taking updates.
    tx: Arc<Mutex<Option<Sender>>>,
    /// On PostgreSQL: each update takes its chat's turn before it is answered (see
    /// [`crate::store::ChatTurns`]).
    turns: Option<ChatTurns>,
    handed: HandedTurns,
    metrics: Arc<Metrics>,
}

/// The turns of updates handed to the dispatcher, until the handler tree takes each (see
/// [`HandedTurns::take`]); the turn then ends when the update's handling does.
#[derive(Clone, Default)]
pub struct HandedTurns(Arc<Mutex<HashMap<u32, ChatTurn>>>);

impl HandedTurns {
    /// The turn `update` took, if any; held by the caller until the update is handled.
    pub fn take(&self, update: &Update) -> Option<ChatTurn> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(&update.id.0)
    }

    fn hand(&self, update: &Update, turn: ChatTurn) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(update.id.0, turn);
    }
}

/// The chat whose turn an update takes: its chat, or for a press on an inline message (which
/// has none) the user who pressed.
pub(crate) fn turn_chat(update: &Update) -> Option<i64> {
    update.chat().map(|c| c.id.0).or_else(|| update.from().map(|u| u.id.0 as i64))
}

type Updates = UnboundedReceiverStream<Result<Update, Infallible>>;
type ListenerState = (Updates, StopToken);

fn updates_of(state: &mut ListenerState) -> &mut Updates {
    &mut state.0
}

fn stop_token_of(state: &mut ListenerState) -> StopToken {
    state.1.clone()
}

/// The update listener the webhook feeds (see [`webhook`]).
pub type WebhookListener = StatefulListener<
    ListenerState,
    for<'a> fn(&'a mut ListenerState) -> &'a mut Updates,
    fn(&mut ListenerState) -> StopToken,
    for<'a, 'b> fn(&'a mut ListenerState, &'b mut dyn Iterator<Item = teloxide::types::AllowedUpdate>),
>;

/// An update listener fed by POSTs on `path`, the router that serves them, and the turns of
/// the updates it hands on (with `turns`, on PostgreSQL: the handler tree must take each and
/// hold it while the update is handled, see [`HandedTurns::take`]).
pub fn webhook(
    path: &str,
    secret: &str,
    turns: Option<ChatTurns>,
    metrics: Arc<Metrics>,
) -> (WebhookListener, Router, HandedTurns) {
    let (tx, rx) = mpsc::unbounded_channel();
    let (stop_token, stop_flag) = mk_stop_token();
    let handed = HandedTurns::default();
    let hook = Hook {
        secret: secret.into(),
        tx: Arc::new(Mutex::new(Some(tx))),
        turns,
        handed: handed.clone(),
        metrics,
    };
    let closing = hook.tx.clone();
    tokio::spawn(async move {
        // After stop: refuse new updates (503, so Telegram retries) and let the stream end
        // once those in hand are handled.
        stop_flag.await;
        closing.lock().unwrap_or_else(|e| e.into_inner()).take();
    });
    let path = if path.is_empty() { "/" } else { path };
    let router = Router::new().route(path, post(on_update)).with_state(hook);
    let listener: WebhookListener = StatefulListener::new(
        (UnboundedReceiverStream::new(rx), stop_token),
        updates_of as for<'a> fn(&'a mut ListenerState) -> &'a mut Updates,
        stop_token_of as fn(&mut ListenerState) -> StopToken,
    );
    (listener, router, handed)
}

async fn on_update(State(hook): State<Hook>, headers: HeaderMap, body: String) -> StatusCode {
    let given = headers.get(SECRET_HEADER).map(|v| v.as_bytes()).unwrap_or_default();
    if !constant_time_eq(given, hook.secret.as_bytes()) {
        tracing::warn!("a webhook request without the right secret token was refused");
        return StatusCode::UNAUTHORIZED;
    }
    if hook.tx.lock().unwrap_or_else(|e| e.into_inner()).is_none() {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    let update = match serde_json::from_str::<Update>(&body) {
        Ok(update) => update,
        Err(e) => {
            // serde_json's error names a line and column, never the text around it.
            tracing::warn!(error = %e, bytes = body.len(), "a webhook request is not an update; ignored");
            return StatusCode::OK;
        }
    };
    // The chat's turn first: an earlier update of this chat, in this process or another, is
    // handled before this one is even accepted.
    let turn = match (&hook.turns, turn_chat(&update)) {
        (Some(turns), Some(chat)) => {
            let started = std::time::Instant::now();
            match turns.take(chat).await {
                Ok(turn) => {
                    hook.metrics.turn_taken(started);
                    Some(turn)
                }
                Err(e) => {
                    // Telegram delivers it again later; nothing of it was handled.
                    hook.metrics.turn_refused();
                    tracing::warn!(error = %e, "an update was refused for now (503): its chat's turn did not come");
                    return StatusCode::SERVICE_UNAVAILABLE;
                }
            }
        }
        _ => None,
    };
    // Checked again: the bot may have begun stopping while the update waited for its turn.
    let Some(tx) = hook.tx.lock().unwrap_or_else(|e| e.into_inner()).clone() else {
        if let Some(turn) = turn {
            turn.release().await;
        }
        return StatusCode::SERVICE_UNAVAILABLE;
    };
    if let Some(turn) = turn {
        hook.handed.hand(&update, turn);
    }
    match tx.send(Ok(update)) {
        Ok(()) => StatusCode::OK,
        Err(e) => {
            let Ok(update) = e.0;
            if let Some(turn) = hook.handed.take(&update) {
                turn.release().await;
            }
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// How long the sender may go without a round before `/healthz` calls it dead.
const SENDER_SILENCE: chrono::Duration = chrono::Duration::seconds(120);

#[derive(Clone)]
struct Ops {
    store: Store,
    metrics: Arc<Metrics>,
}

/// `GET /healthz` and `GET /metrics`.
///
/// `/healthz` answers 200 when the database answers and the sender is alive, else 503; its
/// JSON body says which part fails and when a Bot API call last succeeded. `/metrics` is
/// Prometheus' text format (see [`crate::metrics`]).
pub fn operations(store: Store, metrics: Arc<Metrics>) -> Router {
    Router::new()
        .route("/healthz", get(on_health))
        .route("/metrics", get(on_metrics))
        .with_state(Ops { store, metrics })
}

async fn on_health(State(ops): State<Ops>) -> Response {
    let now = chrono::Utc::now();
    let database = ops.store.ping().await;
    let sender = match ops.metrics.sender_beat() {
        None => Err("not started".to_owned()),
        Some(beat) if now - beat > SENDER_SILENCE => {
            Err(format!("silent for {} s", (now - beat).num_seconds()))
        }
        Some(_) => Ok(()),
    };
    let healthy = database.is_ok() && sender.is_ok();
    let status = if healthy { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = serde_json::json!({
        "status": if healthy { "ok" } else { "failing" },
        "database": match &database { Ok(()) => "ok".to_owned(), Err(e) => e.to_string() },
        "sender": match &sender {
            Ok(()) if ops.metrics.sender_active() => "ok".to_owned(),
            // Alive, asking for the lease: another instance sends, this one takes over.
            Ok(()) => "standby".to_owned(),
            Err(e) => e.clone(),
        },
        "last_bot_api_ok": ops.metrics.last_api_ok().map(|at| at.to_rfc3339()),
    });
    (status, [("content-type", "application/json")], body.to_string()).into_response()
}

async fn on_metrics(State(ops): State<Ops>) -> Response {
    match ops.metrics.render(&ops.store).await {
        Ok(text) => (StatusCode::OK, [("content-type", "text/plain; version=0.0.4; charset=utf-8")], text)
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "metrics could not be read from the database");
            (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response()
        }
    }
}

/// Serves `router` on `addr` until the process ends; the bind error is returned at once.
pub async fn serve(addr: SocketAddr, router: Router) -> std::io::Result<tokio::task::JoinHandle<()>> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    Ok(tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "the HTTP server stopped");
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_secret_is_stable_valid_and_token_bound() {
        let a = default_secret("123:abc");
        assert_eq!(a, default_secret("123:abc"));
        assert_ne!(a, default_secret("123:abd"));
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|b| b.is_ascii_alphanumeric()));
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(constant_time_eq(b"s3cret", b"s3cret"));
        assert!(!constant_time_eq(b"s3cret", b"s3cres"));
        assert!(!constant_time_eq(b"s3cret", b"s3cre"));
        assert!(!constant_time_eq(b"", b"x"));
    }
}
