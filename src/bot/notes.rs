//! Field notes: whatever a CDA sends outside a dialogue — a message, a voice note, a photo,
//! a document, a location — is kept as a note of the cluster they are working in (`/cluster`
//! switches), with an optional tag; `/notes` lists the latest and sends media back.

use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::{InlineKeyboardMarkup, InputFile};
use teloxide::utils::command::BotCommands;

use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, media};
use crate::domain::access::Act;
use crate::domain::ids::{ClusterId, FieldNoteId};
use crate::domain::text::{clean_line, clean_text};
use crate::store::NewFieldNote;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteButton {
    /// Tag a field note (index in `notes::TAGS`).
    Tag(FieldNoteId, u8),
    /// Work in this cluster.
    Cluster(ClusterId),
    /// Send a note's media back.
    Media(FieldNoteId),
}

impl ButtonCode for NoteButton {
    const HEADS: &'static [&'static str] = &["nt", "nc", "nm"];

    fn encode(&self) -> String {
        use codes::b36;
        match self {
            Self::Tag(id, i) => format!("nt:{}:{i}", b36(*id)),
            Self::Cluster(id) => format!("nc:{}", b36(*id)),
            Self::Media(id) => format!("nm:{}", b36(*id)),
        }
    }

    fn decode_parts(head: &str, rest: &[&str]) -> Option<Self> {
        use codes::from_b36;
        Some(match (head, rest) {
            ("nt", [id, i]) => Self::Tag(from_b36(id)?, codes::index_below(i, TAGS.len())?),
            ("nc", [id]) => Self::Cluster(from_b36(id)?),
            ("nm", [id]) => Self::Media(from_b36(id)?),
            _ => return None,
        })
    }
}

/// Tags, in the order of their buttons.
pub const TAGS: [&str; 4] = ["meeting", "visit", "problem", "success"];

fn tag_name(app: &App, l: crate::domain::Locale, tag: &str) -> String {
    match tag {
        "meeting" => tr!(app.i18n, l, "btn-tag-meeting"),
        "visit" => tr!(app.i18n, l, "btn-tag-visit"),
        "problem" => tr!(app.i18n, l, "btn-tag-problem"),
        _ => tr!(app.i18n, l, "btn-tag-success"),
    }
}

/// The cluster a CDA works in — where their notes go and whose questions they see: the one
/// chosen with /cluster, else the first they serve.
pub(super) async fn working_cluster(
    app: &App,
    caller: &Caller,
) -> Result<Option<(ClusterId, String)>, BotError> {
    let Some(member) = &caller.member else { return Ok(None) };
    let served: Vec<_> =
        caller.memberships.iter().filter(|m| caller.can(Act::Coordinate, m.cluster_id)).collect();
    let chosen = app.store.working_cluster(member.member_id).await?;
    Ok(served
        .iter()
        .find(|m| Some(m.cluster_id) == chosen)
        .or(served.first())
        .map(|m| (m.cluster_id, m.cluster_name.clone())))
}

/// Stores what a CDA sent as a field note. Returns false when the message is not something a
/// note can hold (a sticker, say).
/// What a CDA says outside a dialogue is a field note of their working cluster; without
/// one, it is not understood.
pub async fn on_message(bot: &Bot, app: &App, caller: &Caller, msg: &Message) -> HandlerResult {
    if !take_note(bot, app, caller, msg).await? {
        return super::menu::not_understood(bot, app, caller).await;
    }
    Ok(())
}

async fn take_note(bot: &Bot, app: &App, caller: &Caller, msg: &Message) -> Result<bool, BotError> {
    let l = caller.reader();
    let (Some(member), Some((cluster_id, cluster_name))) =
        (&caller.member, working_cluster(app, caller).await?)
    else {
        return Ok(false);
    };
    let mut note = NewFieldNote {
        cluster_id,
        member_id: member.member_id,
        kind: "text",
        body: None,
        media_file_id: None,
        location: None,
    };
    let caption = msg.caption().map(clean_text).filter(|c| !c.is_empty());
    let stored = if let Some(text) = msg.text().map(clean_text).filter(|t| !t.is_empty()) {
        note.body = Some(text);
        Ok(())
    } else if let Some(loc) = msg.location() {
        note.kind = "location";
        note.location = Some((loc.latitude, loc.longitude));
        Ok(())
    } else if let Some(voice) = msg.voice() {
        note.kind = "voice";
        media::store(bot, app, &voice.file, "voice", "ogg").await?.map(|id| note.media_file_id = Some(id))
    } else if let Some(photo) = msg.photo().and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height))
    {
        note.kind = "photo";
        note.body = caption;
        media::store(bot, app, &photo.file, "photo", "jpg").await?.map(|id| note.media_file_id = Some(id))
    } else if let Some(doc) = msg.document() {
        note.kind = "document";
        note.body = doc.file_name.as_deref().map(clean_line).filter(|n| !n.is_empty()).or(caption);
        let extension: String = doc
            .file_name
            .as_deref()
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.chars().filter(char::is_ascii_alphanumeric).take(8).collect())
            .filter(|e: &String| !e.is_empty())
            .unwrap_or_else(|| "bin".into());
        media::store(bot, app, &doc.file, "document", &extension)
            .await?
            .map(|id| note.media_file_id = Some(id))
    } else {
        return Ok(false);
    };
    if stored.is_err() {
        bot.send_message(caller.chat_id, tr!(app.i18n, l, "form-file-too-big")).await?;
        return Ok(true);
    }
    let note_id = app.store.add_field_note(&note).await?;
    let buttons: Vec<_> = TAGS
        .iter()
        .enumerate()
        .map(|(i, t)| button(tag_name(app, l.locale, t), NoteButton::Tag(note_id, i as u8)))
        .collect();
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "field-note-saved", cluster = cluster_name))
        .reply_markup(InlineKeyboardMarkup::new(buttons.chunks(2).map(<[_]>::to_vec)))
        .await?;
    Ok(true)
}

/// `/cluster`: which cluster the CDA's notes go to.
pub async fn choose_cluster(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let served: Vec<_> =
        caller.memberships.iter().filter(|m| caller.can(Act::Coordinate, m.cluster_id)).collect();
    if served.is_empty() {
        return Err(BotError::NotAllowed);
    }
    let buttons =
        served.iter().map(|m| button(format!("🌍 {}", m.cluster_name), NoteButton::Cluster(m.cluster_id)));
    bot.send_message(caller.chat_id, tr!(app.i18n, l, "cluster-choose"))
        .reply_markup(keyboards::column(buttons))
        .await?;
    Ok(())
}

/// `/notes`: the latest notes of the working cluster.
pub async fn list(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let Some((cluster_id, cluster_name)) = working_cluster(app, caller).await? else {
        return Err(BotError::NotAllowed);
    };
    let notes = app.store.field_notes(cluster_id, 15).await?;
    let tz = app.store.cluster(cluster_id).await?.tz();
    let mut lines = vec![tr!(app.i18n, l, "notes-title", cluster = cluster_name)];
    if notes.is_empty() {
        lines.push(tr!(app.i18n, l, "notes-none"));
    }
    let mut buttons = Vec::new();
    for n in &notes {
        let tag = n.tag.as_deref().map(|t| format!(" · {}", tag_name(app, l.locale, t))).unwrap_or_default();
        let what = match n.kind.as_str() {
            "voice" => tr!(app.i18n, l, "btn-note-voice"),
            "photo" => tr!(app.i18n, l, "btn-note-photo"),
            "document" => tr!(app.i18n, l, "btn-note-document"),
            "location" => tr!(app.i18n, l, "btn-note-location"),
            _ => String::new(),
        };
        let body = n.body.clone().unwrap_or_default();
        let when = app.i18n.when(l, n.created_at, tz);
        lines.push(format!(
            "{when} · {}{tag}\n   {what} {body}",
            n.author.clone().unwrap_or_else(|| "—".into())
        ));
        if n.kind != "text" {
            buttons.push(button(
                app.i18n.lines(l, &format!("{what} · {when}")),
                NoteButton::Media(n.field_note_id),
            ));
        }
    }
    let text: String = app.i18n.lines(l, &lines.join("\n")).chars().take(4000).collect();
    bot.send_message(caller.chat_id, text)
        .reply_markup(keyboards::column(buttons.into_iter().take(15)))
        .await?;
    Ok(())
}

pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: NoteButton,
) -> Result<Option<String>, BotError> {
    let l = caller.reader();
    let Some(member) = &caller.member else { return Err(BotError::NoLongerActive) };
    match b {
        NoteButton::Tag(note_id, index) => {
            let n = app.store.field_note(note_id).await?;
            caller.require(Act::Coordinate, n.cluster_id)?;
            let tag = TAGS[usize::from(index).min(TAGS.len() - 1)];
            if !app.store.tag_field_note(note_id, member.member_id, tag).await? {
                return Err(BotError::NoLongerActive);
            }
            keyboards::clear(bot, q).await;
            return Ok(Some(tr!(app.i18n, l, "field-note-tagged", tag = tag_name(app, l.locale, tag))));
        }
        NoteButton::Cluster(cluster_id) => {
            caller.require(Act::Coordinate, cluster_id)?;
            keyboards::clear(bot, q).await;
            app.store.set_working_cluster(member.member_id, cluster_id).await?;
            let name = app.store.cluster(cluster_id).await?.name;
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "cluster-chosen", cluster = name)).await?;
        }
        NoteButton::Media(note_id) => {
            let n = app.store.field_note(note_id).await?;
            caller.require(Act::Coordinate, n.cluster_id)?;
            let cluster = app.store.cluster(n.cluster_id).await?;
            let caption: String = tr!(
                app.i18n,
                l,
                "note-media-caption",
                who = n.author.clone().unwrap_or_else(|| "—".into()),
                cluster = cluster.name.clone(),
                when = super::meetings::when(&app.i18n, l, n.created_at, cluster.tz())
            )
            .chars()
            .take(1024)
            .collect();
            match (n.kind.as_str(), n.media_path) {
                ("location", _) => {
                    if let (Some(lat), Some(lon)) = (n.latitude, n.longitude) {
                        bot.send_location(caller.chat_id, lat, lon).await?;
                    }
                }
                ("voice", Some(path)) => {
                    bot.send_voice(caller.chat_id, InputFile::file(app.data_dir.join(path)))
                        .caption(caption)
                        .await?;
                }
                ("photo", Some(path)) => {
                    bot.send_photo(caller.chat_id, InputFile::file(app.data_dir.join(path)))
                        .caption(caption)
                        .await?;
                }
                (_, Some(path)) => {
                    bot.send_document(caller.chat_id, InputFile::file(app.data_dir.join(path)))
                        .caption(caption)
                        .await?;
                }
                _ => return Err(BotError::NoLongerActive),
            }
        }
    }
    Ok(None)
}

/// Field notes.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum NotesCommand {
    Cluster,
    Notes,
}

impl NotesCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        let mut menu = Vec::new();
        if role.is_some_and(crate::domain::Role::is_cda) {
            menu.push(BotCommand::new("notes", tr!(i18n, l, "cmd-notes")));
            menu.push(BotCommand::new("cluster", tr!(i18n, l, "cmd-cluster")));
        }
        menu
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: NotesCommand) -> HandlerResult {
    match cmd {
        NotesCommand::Cluster => choose_cluster(bot, app, caller).await,
        NotesCommand::Notes => list(bot, app, caller).await,
    }
}

#[cfg(test)]
mod button_tests {
    use super::*;

    #[test]
    fn note_buttons_round_trip_and_refuse_junk() {
        codes::assert_codes(
            &[
                NoteButton::Tag(FieldNoteId(i64::MAX), 3),
                NoteButton::Cluster(ClusterId(i64::MAX)),
                NoteButton::Media(FieldNoteId(i64::MAX)),
            ],
            &["nt:1:4", "nc:", "nm:1:2"],
        );
    }
}
