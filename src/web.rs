//! The bot's HTTP side: Telegram's webhook, and `/healthz` for the operator's probes.
//!
//! The webhook is served here rather than by teloxide's `webhooks-axum` so that the secret
//! is compared in constant time, a malformed body is never copied into the log (it holds
//! what users wrote), and a process that is shutting down answers 503 — Telegram then
//! delivers the update again, to another instance or after the restart.

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
use crate::store::Store;

/// The header Telegram puts the webhook's secret in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// The webhook secret when none is configured: derived from the bot token, so that every
/// instance of one bot computes the same one, and nobody without the token can.
pub fn default_secret(token: &str) -> String {
    let digest = Sha256::digest(format!("clusterbot webhook secret\n{token}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

type Sender = mpsc::UnboundedSender<Result<Update, Infallible>>;

#[derive(Clone)]
struct Hook {
    secret: Arc<str>,
    /// `None` once the bot stops taking updates.
    tx: Arc<Mutex<Option<Sender>>>,
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

/// An update listener fed by POSTs on `path`, and the router that serves them.
pub fn webhook(path: &str, secret: &str) -> (WebhookListener, Router) {
    let (tx, rx) = mpsc::unbounded_channel();
    let (stop_token, stop_flag) = mk_stop_token();
    let hook = Hook { secret: secret.into(), tx: Arc::new(Mutex::new(Some(tx))) };
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
    (listener, router)
}

async fn on_update(State(hook): State<Hook>, headers: HeaderMap, body: String) -> StatusCode {
    let given = headers.get(SECRET_HEADER).map(|v| v.as_bytes()).unwrap_or_default();
    if !constant_time_eq(given, hook.secret.as_bytes()) {
        tracing::warn!("a webhook request without the right secret token was refused");
        return StatusCode::UNAUTHORIZED;
    }
    let Some(tx) = hook.tx.lock().unwrap_or_else(|e| e.into_inner()).clone() else {
        return StatusCode::SERVICE_UNAVAILABLE;
    };
    match serde_json::from_str::<Update>(&body) {
        Ok(update) => match tx.send(Ok(update)) {
            Ok(()) => StatusCode::OK,
            Err(_) => StatusCode::SERVICE_UNAVAILABLE,
        },
        Err(e) => {
            // serde_json's error names a line and column, never the text around it.
            tracing::warn!(error = %e, bytes = body.len(), "a webhook request is not an update; ignored");
            StatusCode::OK
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
        "sender": match &sender { Ok(()) => "ok".to_owned(), Err(e) => e.clone() },
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
