//! Inline keyboards. Every label is an emoji and one or two words from Fluent; every
//! button carries a compact code (see `codes`).

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::codes::{ButtonCode, LanguageButton};
use crate::domain::Locale;

/// A button of any feature: its label, and the code its feature decodes.
pub fn button(label: impl Into<String>, code: impl ButtonCode) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(label, code.encode())
}

/// The six languages, each written in itself, two per row.
pub fn languages() -> InlineKeyboardMarkup {
    let buttons: Vec<_> =
        Locale::ALL.into_iter().map(|l| button(l.button_label(), LanguageButton(l))).collect();
    InlineKeyboardMarkup::new(buttons.chunks(2).map(<[_]>::to_vec))
}

/// Telegram refuses inline keyboards of more than about 100 buttons; lists stop here.
pub const MAX_BUTTONS: usize = 90;

/// One button per row, for lists of names that may be long (cooperatives, clusters).
pub fn column(buttons: impl IntoIterator<Item = InlineKeyboardButton>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(buttons.into_iter().take(MAX_BUTTONS).map(|b| vec![b]))
}

/// A key naming the message a button is on, for [`crate::store::Store::claim_key`].
pub fn once_key(what: &str, q: &CallbackQuery) -> Option<String> {
    q.message.as_ref().map(|m| format!("once:{what}:{}:{}", m.chat().id.0, m.id().0))
}

/// Removes the keyboard from the message whose button was pressed, so an answered step
/// cannot be answered twice. Best effort: a message too old to edit keeps its buttons,
/// and they are answered as expired if pressed.
pub async fn clear(bot: &Bot, q: &CallbackQuery) {
    if let Some(msg) = &q.message
        && let Err(e) = bot.edit_message_reply_markup(msg.chat().id, msg.id()).await
    {
        tracing::debug!(error = %e, "could not remove an answered keyboard");
    }
}

/// An answered step's buttons removed and the press answered, at once (see
/// [`super::answer_press_early`]): for a step that goes on, run beside what comes next.
pub async fn done_with(bot: &Bot, q: &CallbackQuery) {
    tokio::join!(clear(bot, q), super::answer_press_early(bot, q));
}

/// Turns the question whose button was pressed into its read-back — the question, then
/// "✔️ choice", the keyboard gone — in one edit, instead of clearing the keyboard and echoing
/// the choice. The press is answered at the same time, so the member waits for neither.
/// Best effort, like [`clear`]: a message that cannot be edited gets the echo instead.
pub async fn read_back(bot: &Bot, q: &CallbackQuery, chosen: &str) {
    let answer = super::answer_press_early(bot, q);
    let echo = format!("✔️ {chosen}");
    let question = q.message.as_ref().and_then(|msg| {
        let text = msg.regular_message()?.text()?;
        (text.chars().count() + echo.chars().count() < 4_000).then(|| (msg.chat().id, msg.id(), text))
    });
    if let Some((chat_id, id, text)) = question {
        let edit = bot.edit_message_text(chat_id, id, format!("{text}\n\n{echo}"));
        let (edited, ()) = tokio::join!(edit.into_future(), answer);
        match edited {
            Ok(_) => return,
            Err(e) => tracing::debug!(error = %e, "could not turn the answered question into its read-back"),
        }
    } else {
        answer.await;
    }
    clear(bot, q).await;
    if let Some(msg) = &q.message
        && let Err(e) = bot.send_message(msg.chat().id, echo).await
    {
        tracing::debug!(error = %e, "could not echo the choice");
    }
}
