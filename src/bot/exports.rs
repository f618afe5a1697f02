//! `/export` for CDAs: dataset → (form) → format, and the file arrives as a document —
//! streamed to disk first, so a large export never sits in memory.

use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::types::{InlineKeyboardMarkup, InputFile};
use teloxide::utils::command::BotCommands;

use super::codes::{self, ButtonCode};
use super::keyboards::{self, button};
use super::{App, BotError, Caller, HandlerResult, launch};
use crate::domain::access::Act;
use crate::domain::ids::{ClusterId, FormVersionId};
use crate::export::{Dataset, ExportRequest, Format};
use crate::tr;
use std::fmt::Write;

/// An export being chosen: cluster, then dataset (index in `Dataset::ALL`), form (for
/// responses), format (0 CSV, 1 XLSX, 2 XLSX with a media ZIP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportButton {
    pub cluster_id: ClusterId,
    pub dataset: Option<u8>,
    pub form_pk: Option<FormVersionId>,
    pub format: Option<u8>,
}

impl ButtonCode for ExportButton {
    const HEADS: &'static [&'static str] = &["x"];

    fn encode(&self) -> String {
        let mut s = format!("x:{}", codes::b36(self.cluster_id));
        if let Some(d) = self.dataset {
            write!(s, ":{d}:{}", self.form_pk.map(codes::b36).unwrap_or_else(|| "-".into()))
                .expect("writing to a String");
            if let Some(f) = self.format {
                write!(s, ":{f}").expect("writing to a String");
            }
        }
        s
    }

    fn decode_parts(_: &str, rest: &[&str]) -> Option<Self> {
        use codes::from_b36;
        Some(match rest {
            [cluster] => Self { cluster_id: from_b36(cluster)?, dataset: None, form_pk: None, format: None },
            [cluster, d, form, more @ ..] if more.len() <= 1 => Self {
                cluster_id: from_b36(cluster)?,
                dataset: Some(codes::index_below(d, crate::export::Dataset::ALL.len())?),
                form_pk: match *form {
                    "-" => None,
                    f => Some(from_b36(f)?),
                },
                format: more.first().map(|f| codes::offered(f, &FORMATS).ok_or(())).transpose().ok()?,
            },
            _ => return None,
        })
    }
}

/// Bots may send documents up to 50 MB.
const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;

fn dataset_name(app: &App, l: crate::domain::Locale, d: Dataset) -> String {
    match d {
        Dataset::Members => tr!(app.i18n, l, "btn-export-members"),
        Dataset::Responses => tr!(app.i18n, l, "btn-export-responses"),
        Dataset::Reports => tr!(app.i18n, l, "btn-export-reports"),
        Dataset::Meetings => tr!(app.i18n, l, "btn-export-meetings"),
        Dataset::Notes => tr!(app.i18n, l, "btn-export-notes"),
    }
}

pub async fn start(bot: &Bot, app: &App, caller: &Caller) -> HandlerResult {
    let l = caller.reader();
    let served: Vec<_> =
        caller.memberships.iter().filter(|m| caller.can(Act::Coordinate, m.cluster_id)).collect();
    match served.as_slice() {
        [] => return Err(BotError::NotAllowed),
        [only] => {
            ask(
                bot,
                app,
                caller,
                ExportButton { cluster_id: only.cluster_id, dataset: None, form_pk: None, format: None },
            )
            .await?
        }
        several => {
            let buttons = several.iter().map(|m| {
                button(
                    format!("🌍 {}", m.cluster_name),
                    ExportButton { cluster_id: m.cluster_id, dataset: None, form_pk: None, format: None },
                )
            });
            bot.send_message(caller.chat_id, tr!(app.i18n, l, "invite-choose-cluster"))
                .reply_markup(keyboards::column(buttons))
                .await?;
        }
    }
    Ok(())
}

/// Export formats as their buttons carry them: CSV, XLSX, XLSX with a ZIP of the media.
pub const FORMAT_CSV: u8 = 0;
pub const FORMAT_XLSX: u8 = 1;
pub const FORMAT_ZIP: u8 = 2;
pub const FORMATS: [u8; 3] = [FORMAT_CSV, FORMAT_XLSX, FORMAT_ZIP];

pub async fn on_button(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    q: &CallbackQuery,
    b: ExportButton,
) -> Result<Option<String>, BotError> {
    caller.require(Act::Coordinate, b.cluster_id)?;
    keyboards::clear(bot, q).await;
    ask(bot, app, caller, b).await?;
    Ok(None)
}

async fn ask(bot: &Bot, app: &App, caller: &Caller, b: ExportButton) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let Some(index) = b.dataset else {
        let buttons = Dataset::ALL.iter().enumerate().map(|(i, d)| {
            button(dataset_name(app, l.locale, *d), ExportButton { dataset: Some(i as u8), ..b })
        });
        bot.send_message(caller.chat_id, tr!(i18n, l, "export-choose-dataset"))
            .reply_markup(keyboards::column(buttons))
            .await?;
        return Ok(());
    };
    let dataset = Dataset::ALL[usize::from(index).min(Dataset::ALL.len() - 1)];
    if dataset == Dataset::Responses && b.form_pk.is_none() {
        return launch::ask_form(bot, app, caller, |form_pk| ExportButton { form_pk: Some(form_pk), ..b })
            .await;
    }
    let Some(format) = b.format else {
        let with = |f: u8| ExportButton { format: Some(f), ..b };
        let label = |f: u8| match f {
            FORMAT_CSV => tr!(i18n, l, "btn-export-csv"),
            FORMAT_XLSX => tr!(i18n, l, "btn-export-xlsx"),
            _ => tr!(i18n, l, "btn-export-zip"),
        };
        let rows: Vec<Vec<_>> =
            FORMATS.chunks(2).map(|row| row.iter().map(|f| button(label(*f), with(*f))).collect()).collect();
        let keyboard = InlineKeyboardMarkup::new(rows);
        bot.send_message(caller.chat_id, tr!(i18n, l, "export-choose-format")).reply_markup(keyboard).await?;
        return Ok(());
    };
    send(bot, app, caller, b.cluster_id, dataset, b.form_pk, format).await
}

async fn send(
    bot: &Bot,
    app: &App,
    caller: &Caller,
    cluster_id: ClusterId,
    dataset: Dataset,
    form_pk: Option<FormVersionId>,
    format: u8,
) -> HandlerResult {
    let (l, i18n) = (caller.reader(), &app.i18n);
    let mut request = ExportRequest::new(
        cluster_id,
        dataset,
        if format == FORMAT_CSV { Format::Csv } else { Format::Xlsx },
    );
    // Only CDAs and coordinators get here: they may see personal fields.
    request.include_personal = true;
    request.labels = Some(l.locale);
    request.data_dir = app.data_dir.as_ref().clone();
    if let Some(pk) = form_pk {
        let f = app
            .store
            .forms()
            .await?
            .into_iter()
            .find(|f| f.form_pk == pk)
            .ok_or(crate::store::StoreError::NotFound("form"))?;
        request.form = Some((f.form_id, Some(f.version)));
    }
    let dir = app.data_dir.join("exports").join(format!(
        "{}-{}",
        caller.chat_id.0,
        crate::domain::invite::InviteCode::generate()
    ));
    tokio::fs::create_dir_all(&dir).await?;
    let stamp = crate::store::now().format("%Y%m%d-%H%M");
    let file =
        dir.join(format!("{}-{stamp}.{}", dataset.code(), if format == FORMAT_CSV { "csv" } else { "xlsx" }));
    if format == FORMAT_ZIP {
        request.media_zip = Some(dir.join(format!("{}-{stamp}-media.zip", dataset.code())));
    }
    let result = crate::export::export(&app.store, &request, &file).await;
    let outcome = match result {
        Ok(summary) => {
            let too_big = |p: &std::path::Path| {
                std::fs::metadata(p).map(|m| m.len() > MAX_DOCUMENT_BYTES).unwrap_or(false)
            };
            if too_big(&file) || request.media_zip.as_deref().is_some_and(too_big) {
                bot.send_message(caller.chat_id, tr!(i18n, l, "export-too-big")).await?;
            } else {
                let caption = tr!(i18n, l, "export-ready", rows = summary.rows as i64);
                bot.send_document(caller.chat_id, InputFile::file(&file)).caption(caption).await?;
                if let Some(zip) = &request.media_zip {
                    let caption = tr!(i18n, l, "export-media-ready", files = summary.media_files as i64);
                    bot.send_document(caller.chat_id, InputFile::file(zip)).caption(caption).await?;
                }
            }
            Ok(())
        }
        Err(e) => {
            tracing::warn!(error = %e, "an export failed");
            bot.send_message(caller.chat_id, tr!(i18n, l, "error-generic")).await?;
            Ok(())
        }
    };
    let _ = tokio::fs::remove_dir_all(&dir).await;
    outcome
}

/// Exports.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum ExportCommand {
    Export,
}

impl ExportCommand {
    /// Its entries in Telegram's command menu, for someone with `role`.
    pub fn menu(
        i18n: &crate::i18n::I18n,
        l: crate::domain::Locale,
        role: Option<crate::domain::Role>,
    ) -> Vec<BotCommand> {
        let mut menu = Vec::new();
        if role.is_some_and(crate::domain::Role::is_cda) {
            menu.push(BotCommand::new("export", tr!(i18n, l, "cmd-export")));
        }
        menu
    }
}

/// Runs one of this feature's commands.
pub async fn on_command(bot: &Bot, app: &App, caller: &Caller, cmd: ExportCommand) -> HandlerResult {
    match cmd {
        ExportCommand::Export => start(bot, app, caller).await,
    }
}

#[cfg(test)]
mod button_tests {
    use super::*;

    #[test]
    fn export_buttons_round_trip_and_refuse_junk() {
        codes::assert_codes(
            &[
                ExportButton { cluster_id: ClusterId(i64::MAX), dataset: None, form_pk: None, format: None },
                ExportButton {
                    cluster_id: ClusterId(i64::MAX),
                    dataset: Some(4),
                    form_pk: None,
                    format: Some(2),
                },
                ExportButton {
                    cluster_id: ClusterId(i64::MAX),
                    dataset: Some(1),
                    form_pk: Some(FormVersionId(i64::MAX)),
                    format: Some(1),
                },
                ExportButton {
                    cluster_id: ClusterId(1),
                    dataset: Some(1),
                    form_pk: Some(FormVersionId(7)),
                    format: None,
                },
            ],
            &["x", "x:1:1:-:3", "x:1:5:-", "x:1:1"],
        );
    }
}
