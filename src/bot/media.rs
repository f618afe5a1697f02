//! Downloading what members send (voice notes, photos) with getFile, into the data
//! directory, so it outlives Telegram's file links.

use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::FileMeta;

use super::{App, BotError};
use crate::domain::ids::MediaId;

/// The Bot API serves files up to 20 MB.
pub const MAX_BYTES: u32 = 20 * 1024 * 1024;

/// The file was over the Bot API's limit: nothing was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooBig;

/// Downloads a file once and records it; returns its media_file id.
pub async fn store(
    bot: &Bot,
    app: &App,
    file: &FileMeta,
    kind: &str,
    extension: &str,
) -> Result<Result<MediaId, TooBig>, BotError> {
    if file.size > MAX_BYTES {
        return Ok(Err(TooBig));
    }
    let unique = file.unique_id.to_string();
    if let Some(id) = app.store.media_file_by_unique_id(&unique).await? {
        return Ok(Ok(id));
    }
    let remote = bot.get_file(file.id.clone()).await?;
    let safe: String =
        unique.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
    let relative = format!("media/{kind}/{safe}.{extension}");
    let path = app.data_dir.join(&relative);
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir).await?;
    }
    let partial = path.with_extension("part");
    let mut out = tokio::fs::File::create(&partial).await?;
    bot.download_file(&remote.path, &mut out).await?;
    out.sync_all().await?;
    tokio::fs::rename(&partial, &path).await?;
    let size = tokio::fs::metadata(&path).await?.len();
    let id = app.store.add_media_file(&unique, kind, &relative, size as i64).await?;
    Ok(Ok(id))
}
