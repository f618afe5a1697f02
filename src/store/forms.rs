//! Imported questionnaires, one row per version, and their audio prompts.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::{Result, Store, StoreError, now, on_pool, on_write};
use crate::domain::form::Form;
use crate::domain::ids::FormVersionId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FormSummary {
    pub form_pk: FormVersionId,
    pub form_id: String,
    pub version: String,
    pub title: String,
    pub created_at: DateTime<Utc>,
}

/// What saving an imported form did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// A new form, or a new version of a known one.
    New(FormVersionId),
    /// This exact version was imported before, with the same content.
    Unchanged(FormVersionId),
}

fn definition(form: &Form) -> Result<String> {
    serde_json::to_string(form).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    /// Stores an imported form. Re-importing the same version with other content is refused:
    /// answers already given must keep meaning what they meant.
    pub async fn save_form(&self, form: &Form) -> Result<Saved> {
        let json = definition(form)?;
        let existing: Option<(FormVersionId, String)> = on_pool!(self, pool => sqlx::query_as(
            "select form_pk, definition from form where form_id = $1 and version = $2",
        )
        .bind(&form.form_id)
        .bind(&form.version)
        .fetch_optional(pool)
        .await)?;
        if let Some((form_pk, stored)) = existing {
            return if stored == json {
                Ok(Saved::Unchanged(form_pk))
            } else {
                Err(StoreError::Duplicate("this version of the form, with other content,"))
            };
        }
        let title = form.title(crate::domain::Locale::En).to_owned();
        let form_pk = on_write!(self, pool => sqlx::query_scalar(
            "insert into form (form_id, version, title, definition, created_at) values ($1, $2, $3, $4, $5) \
             returning form_pk",
        )
        .bind(&form.form_id)
        .bind(&form.version)
        .bind(title)
        .bind(json)
        .bind(now())
        .fetch_one(pool)
        .await)
        .map_err(super::on_duplicate("this version of the form"))?;
        Ok(Saved::New(form_pk))
    }

    /// A form version, parsed once: a version never changes.
    pub async fn form(&self, form_pk: FormVersionId) -> Result<Arc<Form>> {
        if let Some(form) = self.cache.form(form_pk) {
            return Ok(form);
        }
        let json: Option<String> = on_pool!(self, pool => sqlx::query_scalar("select definition from form where form_pk = $1")
            .bind(form_pk)
            .fetch_optional(pool)
            .await)?;
        let json = json.ok_or(StoreError::NotFound("form"))?;
        let form: Arc<Form> = Arc::new(
            serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(format!("form {form_pk}: {e}")))?,
        );
        self.cache.keep_form(form_pk, form.clone());
        Ok(form)
    }

    /// The newest version of every form, newest first.
    pub async fn latest_forms(&self) -> Result<Vec<FormSummary>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select form_pk, form_id, version, title, created_at from form f \
             where form_pk = (select max(form_pk) from form g where g.form_id = f.form_id) \
             order by form_pk desc",
        )
        .fetch_all(pool)
        .await)?)
    }

    /// Every version of every form.
    pub async fn forms(&self) -> Result<Vec<FormSummary>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select form_pk, form_id, version, title, created_at from form order by form_id, form_pk",
        )
        .fetch_all(pool)
        .await)?)
    }

    pub async fn add_form_media(
        &self,
        form_pk: FormVersionId,
        file_name: &str,
        content: &[u8],
    ) -> Result<()> {
        on_write!(self, pool => sqlx::query(
            "insert into form_media (form_pk, file_name, content, created_at) values ($1, $2, $3, $4) \
             on conflict (form_pk, file_name) do nothing",
        )
        .bind(form_pk)
        .bind(file_name)
        .bind(content)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// An audio prompt: its id, the Telegram file id if it was sent before, and its bytes.
    pub async fn form_media(
        &self,
        form_pk: FormVersionId,
        file_name: &str,
    ) -> Result<Option<(i64, Option<String>, Vec<u8>)>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select form_media_id, telegram_file_id, content from form_media where form_pk = $1 and file_name = $2",
        )
        .bind(form_pk)
        .bind(file_name)
        .fetch_optional(pool)
        .await)?)
    }

    pub async fn set_form_media_file_id(&self, form_media_id: i64, telegram_file_id: &str) -> Result<()> {
        on_write!(self, pool => sqlx::query("update form_media set telegram_file_id = $1 where form_media_id = $2")
            .bind(telegram_file_id)
            .bind(form_media_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }
}
