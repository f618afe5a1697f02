//! Importing a questionnaire file: read the spreadsheet, turn it into a [`Form`] (refusing it
//! whole if anything is wrong), store it, and store the audio prompts it names. Used by
//! `clusterbot form import` and by CDAs sending the file in the chat.
//!
//! Importing an action plan (`clusterbot actions import`): read the CSV or spreadsheet, check
//! every row ([`crate::domain::action_plan`]), and store the actions only if all are right.

use crate::domain::ids::FormVersionId;
use std::collections::BTreeSet;
use std::path::Path;

use crate::domain::action::NewAction;
use crate::domain::action_plan::{self, RowError};
use crate::domain::form::Form;
use crate::domain::form::xlsform::{self, ImportError};
use crate::domain::ids::CooperativeId;
use crate::store::{Cluster, JointAction, Saved, Store, StoreError, now};
use crate::xlsx::{self, ReadError, TableError};

#[derive(Debug)]
pub struct Imported {
    pub form_pk: FormVersionId,
    pub form: Form,
    pub saved: Saved,
    /// Audio prompts the form names but that were not found beside it.
    pub missing_media: Vec<String>,
    /// Texts too long for a chat, cut at import (see [`xlsform::import_noting`]).
    pub cut: Vec<String>,
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
    let id: String =
        stem.chars().map(|c| if c.is_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect();
    if id.starts_with(|c: char| c.is_alphabetic() || c == '_') { id } else { format!("form_{id}") }
}

/// Reads and checks a form without storing it.
pub fn parse(bytes: &[u8], file_name: &str) -> Result<Form, ImportFailure> {
    parse_noting(bytes, file_name).map(|(form, _)| form)
}

/// Reads and checks a form without storing it, with the texts that were cut to fit a chat.
pub fn parse_noting(bytes: &[u8], file_name: &str) -> Result<(Form, Vec<String>), ImportFailure> {
    let sheets = xlsx::read_workbook(bytes)?;
    xlsform::import_noting(&sheets, &fallback_id(file_name)).map_err(ImportFailure::Invalid)
}

/// Imports a form; audio prompts are looked up in `media_dir` when given.
pub async fn import(
    store: &Store,
    bytes: &[u8],
    file_name: &str,
    media_dir: Option<&Path>,
) -> Result<Imported, ImportFailure> {
    let (form, cut) = parse_noting(bytes, file_name)?;
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
    Ok(Imported { form_pk, form, saved, missing_media, cut })
}

/// An action plan that was stored.
#[derive(Debug)]
pub struct PlanImported {
    /// The sheet (or CSV file stem) it was read from.
    pub sheet: String,
    pub actions: Vec<JointAction>,
    /// Header cells that are not columns clusterbot reads, as `F (notes)`.
    pub ignored_columns: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PlanFailure {
    #[error(transparent)]
    Read(#[from] TableError),
    #[error("the action plan was not imported:\n{}", .0.iter().map(|e| format!("  - {e}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<RowError>),
    /// The database failed: nothing was stored (the plan is added in one transaction).
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// Reads and checks an action plan for `cluster` without storing it. Actions without a start
/// date start today in the cluster's time zone.
pub fn parse_plan(
    bytes: &[u8],
    file_name: &str,
    cluster: &Cluster,
    cooperatives: &[(CooperativeId, String)],
) -> Result<(xlsform::Sheet, Vec<NewAction>), PlanFailure> {
    let sheet = xlsx::read_table(bytes, file_name)?;
    let tz = cluster.tz();
    let today = now().with_timezone(&tz).date_naive();
    let actions =
        action_plan::parse(&sheet, cluster.cluster_id, cooperatives, today).map_err(PlanFailure::Invalid)?;
    Ok((sheet, actions))
}

/// Imports an action plan into `cluster`: every row is checked first, and nothing is stored
/// unless all are right.
pub async fn import_plan(
    store: &Store,
    cluster: &Cluster,
    bytes: &[u8],
    file_name: &str,
) -> Result<PlanImported, PlanFailure> {
    let cooperatives: Vec<(CooperativeId, String)> = store
        .cooperatives(cluster.cluster_id)
        .await?
        .into_iter()
        .map(|c| (c.cooperative_id, c.name))
        .collect();
    let (sheet, new_actions) = parse_plan(bytes, file_name, cluster, &cooperatives)?;
    // One transaction: the whole plan, or nothing.
    let actions = store.add_actions(&new_actions).await?;
    Ok(PlanImported { ignored_columns: action_plan::ignored_columns(&sheet), sheet: sheet.name, actions })
}
