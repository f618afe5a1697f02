//! "🔊 Listen": with speech synthesis on (see [`crate::speech`]), questions, the consent,
//! menus and meeting invitations carry a button that sends the message's words as audio.
//! The words are those of the message the button is on, in the presser's language; each
//! (text, language, voice) is synthesised once and sent again by its Telegram file id.

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile};

use super::codes::ButtonCode;
use super::keyboards::button;
use super::{App, BotError, Caller};
use crate::i18n::Reader;
use crate::speech::speakable;
use crate::tr;

/// The 🔊 button: it names nothing, the message it is on is what is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeakButton;

impl ButtonCode for SpeakButton {
    const HEADS: &'static [&'static str] = &["sp"];

    fn encode(&self) -> String {
        "sp".to_owned()
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        rest.is_empty().then_some(Self)
    }
}

/// The 🔊 button when speech synthesis is on.
pub fn speak_button(app: &App, l: Reader) -> Option<InlineKeyboardButton> {
    app.speech.as_ref().map(|_| button(tr!(app.i18n, l, "btn-speak"), SpeakButton))
}

/// `keyboard` with a 🔊 row at its end, when speech synthesis is on.
pub fn with_speak(app: &App, l: Reader, keyboard: InlineKeyboardMarkup) -> InlineKeyboardMarkup {
    match speak_button(app, l) {
        Some(b) => keyboard.append_row([b]),
        None => keyboard,
    }
}

/// Reads the message the button is on aloud. A slow or failing engine costs the member a
/// toast, never a reply: nothing else waits for it.
pub async fn on_press(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
) -> Result<Option<String>, BotError> {
    let l = caller.reader();
    let Some(speech) = app.speech.as_ref() else { return Err(BotError::NoLongerActive) };
    let Some(text) = q.regular_message().and_then(|m| m.text().or(m.caption())).map(speakable) else {
        return Err(BotError::NoLongerActive);
    };
    if text.is_empty() {
        return Err(BotError::NoLongerActive);
    }
    let voice = speech.voice();
    if let Some(kept) = app.store.spoken_file_id(&text, l.locale, &voice).await? {
        // An audio file (WAV, without an OGG encoder) is kept as `audio:<file id>`.
        match kept.strip_prefix("audio:") {
            Some(id) => bot.send_audio(caller.chat_id, InputFile::file_id(id.to_owned().into())).await?,
            None => bot.send_voice(caller.chat_id, InputFile::file_id(kept.into())).await?,
        };
        return Ok(None);
    }
    let audio = match speech.synthesise(&text, l.locale).await {
        Ok(audio) => audio,
        Err(e) => {
            tracing::warn!(error = %e, "speech synthesis failed");
            return Ok(Some(tr!(app.i18n, l, "tts-failed")));
        }
    };
    let file_id = if audio.ogg {
        let sent =
            bot.send_voice(caller.chat_id, InputFile::memory(audio.bytes).file_name("speech.ogg")).await?;
        sent.voice().map(|v| v.file.id.to_string())
    } else {
        let sent =
            bot.send_audio(caller.chat_id, InputFile::memory(audio.bytes).file_name("speech.wav")).await?;
        sent.audio().map(|a| format!("audio:{}", a.file.id))
    };
    if let Some(id) = file_id {
        app.store.keep_spoken(&text, l.locale, &voice, &id).await?;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_speak_button_round_trips_and_refuses_junk() {
        crate::bot::codes::assert_codes(&[SpeakButton], &["sp:1", "sp:x:y"]);
    }
}
