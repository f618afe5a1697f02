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
        Locale::ALL.into_iter().map(|l| button(l.native_name(), LanguageButton(l))).collect();
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
