//! The running bot: receives updates (long polling or a webhook) into the handler tree, and
//! runs the background jobs beside it — the outbox sender, reminders and check-ins, the
//! transcriber — until Ctrl-C or SIGTERM. It knows both `bot` and `jobs`; they do not know
//! each other's running.

use std::sync::Arc;

use teloxide::RequestError;
use teloxide::prelude::*;

use crate::bot::{ALLOWED_UPDATES, App, schema};

mod chats;

pub use chats::{AT_ONCE, Chats};

/// How updates reach this process.
pub enum Receive {
    /// Long polling (`clusterbot run`): only one process may poll a token.
    Polling,
    /// Telegram posts to our webhook (`clusterbot webhook`); the listener is fed by
    /// [`crate::web::webhook`], with the chats' turns its updates took (on PostgreSQL).
    Webhook(crate::web::WebhookListener, crate::web::HandedTurns),
}

/// An update's chat turn (see [`crate::store::ChatTurns`]), in the update's dependencies: it
/// is dropped, and the turn ends, when the update's handling is over.
struct HeldTurn(#[allow(dead_code)] Option<crate::store::ChatTurn>);

/// Why the bot stopped on its own rather than being asked to.
#[derive(Debug, thiserror::Error)]
pub enum Stopped {
    #[error(
        "another process is already receiving this bot's updates (409 Conflict from getUpdates): stop it, or run every instance as `clusterbot webhook`"
    )]
    Conflict,
}

/// Receives updates until Ctrl-C or SIGTERM; then stops taking updates, finishes those in
/// hand, lets the sender finish the message it is sending, and returns.
pub async fn run(bot: Bot, app: App, receive: Receive) -> Result<(), Stopped> {
    let prune_store = app.store.clone();
    let prune_stop = app.stop.clone();
    let pruner = tokio::spawn(async move {
        loop {
            if let Err(e) = prune_store.prune_updates(chrono::Duration::days(2)).await {
                tracing::warn!(error = %e, "could not prune handled updates");
            }
            if let Err(e) = prune_store.prune_failed_updates(chrono::Duration::days(30)).await {
                tracing::warn!(error = %e, "could not prune kept failed updates");
            }
            if prune_stop.sleep(std::time::Duration::from_secs(3600)).await {
                return;
            }
        }
    });
    let follow = {
        let (store, stop) = (app.store.clone(), app.stop.clone());
        tokio::spawn(async move { store.follow_member_changes(stop.raised()).await })
    };
    let nudges = tokio::spawn(crate::jobs::run(app.clone()));
    let worker = format!("{}-{}", std::process::id(), crate::domain::invite::InviteCode::generate());
    let outbox = tokio::spawn(crate::jobs::outbox::run(bot.clone(), app.clone(), worker));
    let transcriber = tokio::spawn(crate::jobs::transcribe::run(app.clone()));
    let stop = app.stop.clone();
    let handler = match &receive {
        Receive::Webhook(_, handed) => {
            let handed = handed.clone();
            // The first step of every update: it holds its chat's turn from here to the end.
            dptree::entry().map(move |update: Update| HeldTurn(handed.take(&update))).chain(schema())
        }
        Receive::Polling => schema(),
    };
    // teloxide receives the updates and hands each on at once; `chats` handles each chat's in
    // turn, every chat at once, and logs what the handler could not answer.
    let chats = Chats::new(handler, app.clone());
    let mut dispatcher = Dispatcher::builder(bot.clone(), Chats::entry())
        .dependencies(dptree::deps![app, chats.clone()])
        .distribution_function(|_| None::<()>)
        .default_handler(|_| async {})
        .build();
    let conflict = Arc::new(tokio::sync::Notify::new());
    let mut stopped = Ok(());
    match receive {
        Receive::Polling => {
            let mut polling = teloxide::update_listeners::Polling::builder(bot)
                .timeout(std::time::Duration::from_secs(10))
                .allowed_updates(ALLOWED_UPDATES.to_vec())
                .delete_webhook()
                .await
                .build();
            stop_on_signal(teloxide::update_listeners::UpdateListener::stop_token(&mut polling));
            let on_error = Arc::new(PollingErrors { conflict: conflict.clone() });
            // Nothing is in hand when getUpdates is refused: stop at once.
            tokio::select! {
                () = dispatcher.dispatch_with_listener(polling, on_error) => {}
                () = conflict.notified() => stopped = Err(Stopped::Conflict),
            }
        }
        Receive::Webhook(mut listener, _) => {
            stop_on_signal(teloxide::update_listeners::UpdateListener::stop_token(&mut listener));
            let on_error = teloxide::error_handlers::LoggingErrorHandler::with_custom_text("webhook");
            dispatcher.dispatch_with_listener(listener, on_error).await;
        }
    }
    // No update is taken any more; once those in hand are done, the jobs finish what they
    // hold (the sender the message it is sending) and stop.
    if stopped.is_ok() {
        chats.finished().await;
    }
    stop.raise();
    let jobs = async {
        let _ = outbox.await;
        let _ = nudges.await;
    };
    if tokio::time::timeout(std::time::Duration::from_secs(30), jobs).await.is_err() {
        tracing::warn!("background jobs did not stop within 30 s");
    }
    pruner.abort();
    transcriber.abort();
    follow.abort();
    stopped
}

/// On SIGTERM or Ctrl-C: stop the listener, so no new update is taken; the dispatcher then
/// finishes the updates in hand and returns.
fn stop_on_signal(listener: teloxide::stop::StopToken) {
    tokio::spawn(async move {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut term) => {
                    term.recv().await;
                }
                Err(_) => std::future::pending().await,
            }
        };
        tokio::select! {
            () = term => tracing::info!("SIGTERM: finishing the updates in hand"),
            _ = tokio::signal::ctrl_c() => tracing::info!("Ctrl-C: finishing the updates in hand"),
        }
        listener.stop();
    });
}

/// Errors of getUpdates: a 409 Conflict means another process polls this token, which no
/// retry can fix, so the bot stops and says so; other errors are retried by teloxide.
struct PollingErrors {
    conflict: Arc<tokio::sync::Notify>,
}

impl teloxide::error_handlers::ErrorHandler<RequestError> for PollingErrors {
    fn handle_error(
        self: Arc<Self>,
        error: RequestError,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
        if let RequestError::Api(teloxide::ApiError::TerminatedByOtherGetUpdates) = error {
            // A stored permit: the stop is not lost if it comes before anyone waits.
            self.conflict.notify_one();
        } else {
            tracing::warn!(error = %error, "could not get updates from Telegram; retrying");
        }
        Box::pin(async {})
    }
}
