//! Importing a questionnaire file: read the spreadsheet, turn it into a [`Form`] (refusing it
//! whole if anything is wrong), store it, and store the audio prompts it names. Used by
//! `clusterbot form import` and by CDAs sending the file in the chat.

use std::collections::BTreeSet;
use std::path::Path;

use crate::domain::form::Form;
use crate::domain::form::xlsform::{self, ImportError};
use crate::store::{Saved, Store, StoreError};
use crate::xlsx::{self, ReadError};

#[derive(Debug)]
pub struct Imported {
    pub form_pk: i64,
    pub form: Form,
    pub saved: Saved,
    /// Audio prompts the form names but that were not found beside it.
    pub missing_media: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("the form was not imported:\n{}", .0.iter().map(|e| format!("  - {e}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<ImportError>),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// The form's id when its settings sheet has none: the file name without extension.
pub fn fallback_id(file_name: &str) -> String {
    let stem = Path::new(file_name).file_stem().and_then(|s| s.to_str()).unwrap_or("form");
    let id: String = stem.chars().map(|c| if c.is_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect();
    if id.starts_with(|c: char| c.is_alphabetic() || c == '_') { id } else { format!("form_{id}") }
}

/// Reads and checks a form without storing it.
pub fn parse(bytes: &[u8], file_name: &str) -> Result<Form, ImportFailure> {
    let sheets = xlsx::read_workbook(bytes)?;
    xlsform::import(&sheets, &fallback_id(file_name)).map_err(ImportFailure::Invalid)
}

/// Imports a form; audio prompts are looked up in `media_dir` when given.
pub async fn import(store: &Store, bytes: &[u8], file_name: &str, media_dir: Option<&Path>) -> Result<Imported, ImportFailure> {
    let form = parse(bytes, file_name)?;
    let saved = store.save_form(&form).await?;
    let form_pk = match saved {
        Saved::New(pk) | Saved::Unchanged(pk) => pk,
    };
    let names: BTreeSet<&String> = form.items.iter().flat_map(|i| i.audio.0.values()).collect();
    let mut missing_media = Vec::new();
    for name in names {
        let file = media_dir.map(|d| d.join(name)).filter(|p| p.is_file());
        match file.map(std::fs::read) {
            Some(Ok(content)) => store.add_form_media(form_pk, name, &content).await?,
            _ => missing_media.push(name.clone()),
        }
    }
    Ok(Imported { form_pk, form, saved, missing_media })
}
