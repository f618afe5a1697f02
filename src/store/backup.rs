//! Online backups of the embedded database.

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::{Db, Result, Store, StoreError};

/// What a finished backup holds, read back from the copy itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupCheck {
    /// Bytes written.
    pub bytes: u64,
    /// Migrations applied in the copy (its schema version).
    pub migrations: i64,
    /// Members in the copy.
    pub members: i64,
}

impl Store {
    /// Copies a live SQLite database into `out` with `VACUUM INTO`: one read transaction,
    /// so the copy is a consistent snapshot even while the bot writes; then opens the copy
    /// and runs `PRAGMA integrity_check` on it. `out` must not exist.
    pub async fn backup_sqlite(&self, out: &Path) -> Result<BackupCheck> {
        let Db::Sqlite(pool) = &self.db else {
            return Err(StoreError::Corrupt("backup_sqlite needs a SQLite database".into()));
        };
        let target =
            out.to_str().ok_or_else(|| StoreError::Corrupt("the backup path is not UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(pool).await?;

        let mut copy =
            SqliteConnectOptions::from_str(&format!("sqlite://{target}"))?.read_only(true).connect().await?;
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut copy).await?;
        if integrity != "ok" {
            return Err(StoreError::Corrupt(format!("the copy fails its integrity check: {integrity}")));
        }
        let migrations: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut copy)
            .await?;
        let members: i64 = sqlx::query_scalar("SELECT count(*) FROM member").fetch_one(&mut copy).await?;
        copy.close().await?;
        let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
        Ok(BackupCheck { bytes, migrations, members })
    }
}
