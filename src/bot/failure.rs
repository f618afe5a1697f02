//! The one error boundary. A handler that fails returns a [`BotError`]; here, and only here,
//! it becomes words in the member's language — a toast for a button, a message for a
//! message or a command. Nothing fails silently: a refusal (not allowed, no longer active,
//! not found, invalid input) is answered as such; an internal error (database, Telegram, a
//! file) is logged once, its update is kept (`failed_update`), and the member is told that
//! what they sent is kept.

use teloxide::prelude::*;
use teloxide::types::User;

use super::{App, BotError, HandlerResult};
use crate::domain::Locale;
use crate::i18n::Reader;
use crate::metrics::Outcome;
use crate::store::StoreError;
use crate::tr;

impl BotError {
    /// Whether the failure is the bot's own (logged, update kept) rather than an answer.
    pub fn is_internal(&self) -> bool {
        match self {
            Self::NotAllowed | Self::NoLongerActive | Self::NotFound(_) | Self::Invalid(_) => false,
            Self::Store(StoreError::NotFound(_)) => false,
            Self::Store(_) | Self::Telegram(_) | Self::Download(_) | Self::Io(_) => true,
        }
    }
}

/// How an update ended, for `/metrics`.
pub fn outcome<T>(result: &Result<T, BotError>) -> Outcome {
    match result {
        Ok(_) => Outcome::ok,
        Err(e) if e.is_internal() => Outcome::error,
        Err(_) => Outcome::refused,
    }
}

/// The words for a failure: `on_button` for a toast (at most 200 characters), else a message.
fn words(app: &App, l: Reader, error: &BotError, on_button: bool) -> String {
    let i18n = &app.i18n;
    match error {
        BotError::NotAllowed => tr!(i18n, l, "error-not-allowed"),
        BotError::NoLongerActive | BotError::NotFound(_) | BotError::Store(StoreError::NotFound(_))
            if on_button =>
        {
            tr!(i18n, l, "button-expired")
        }
        BotError::NoLongerActive => tr!(i18n, l, "error-no-longer-active"),
        BotError::NotFound(_) | BotError::Store(StoreError::NotFound(_)) => tr!(i18n, l, "error-not-found"),
        BotError::Invalid(text) => text.clone(),
        _ => tr!(i18n, l, "error-internal"),
    }
}

/// Logs an internal failure once and keeps its update, so what the member sent is not lost.
/// A refusal is no error: anyone could fill the log with forged buttons, so it is only traced.
async fn record(app: &App, update: &Update, chat_id: ChatId, error: &BotError) {
    if !error.is_internal() {
        tracing::debug!(refusal = %error, "an update was refused");
        return;
    }
    let update_id = i64::from(update.id.0);
    tracing::error!(error = %error, update_id, "an update could not be handled; it is kept");
    let payload = serde_json::to_string(update).unwrap_or_else(|_| "{}".to_owned());
    if let Err(e) = app.store.keep_failed_update(update_id, chat_id.0, &payload, &error.to_string()).await {
        tracing::error!(error = %e, update_id, "could not keep the failed update");
    }
}

/// The member's language when the handler could not say: their stored choice if it can be
/// read, else Telegram's.
async fn locale_of(app: &App, user: Option<&User>, chat_id: ChatId) -> Reader {
    match user {
        Some(user) => match app.caller(user, chat_id).await {
            Ok(caller) => caller.reader(),
            Err(_) => Locale::negotiate(None, user.language_code.as_deref(), None).into(),
        },
        None => Locale::negotiate(None, None, None).into(),
    }
}

/// A message or command was handled with `result`: a failure is answered with a message.
pub async fn answer_message(app: &App, bot: &Bot, update: &Update, msg: &Message, result: HandlerResult) {
    let Err(error) = result else { return };
    record(app, update, msg.chat.id, &error).await;
    let locale = locale_of(app, msg.from.as_ref(), msg.chat.id).await;
    if let Err(e) = bot.send_message(msg.chat.id, words(app, locale, &error, false)).await {
        tracing::warn!(error = %e, "could not tell the member what went wrong");
    }
}

/// A button was handled with `result` (the toast to show, if any): the toast for a failure.
pub async fn toast(
    app: &App,
    update: &Update,
    chat_id: ChatId,
    locale: Reader,
    result: &Result<Option<String>, BotError>,
) -> Option<String> {
    match result {
        Ok(toast) => toast.clone(),
        Err(error) => {
            record(app, update, chat_id, error).await;
            Some(words(app, locale, error, true))
        }
    }
}
