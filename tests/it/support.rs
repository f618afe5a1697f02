//! Test databases: a fresh SQLite file or a fresh PostgreSQL database per test, so tests
//! run in parallel. PostgreSQL is not optional: if it is unreachable the tests fail loudly.

use clusterbot::store::Store;
use tempfile::TempDir;

/// Where the PostgreSQL tests connect to create their databases (an empty TEST_POSTGRES_URL
/// counts as unset, as in .ci/run's check).
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct TestDb {
    pub store: Store,
    pub url: String,
    pg_name: Option<String>,
    _dir: Option<TempDir>,
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let store = Store::open(&url).await.expect("open SQLite");
        Self { store, url, pg_name: None, _dir: Some(dir) }
    }

    pub async fn postgres() -> Self {
        let admin_url = postgres_admin_url();
        let name = format!("clusterbot_test_{}", rand_suffix());
        let admin = admin_connection(&admin_url).await;
        sqlx::query(&format!("create database {name}")).execute(&admin).await.expect("create test database");
        admin.close().await;
        let url = replace_db(&admin_url, &name);
        let store = Store::open(&url).await.expect("open PostgreSQL test database");
        Self { store, url, pg_name: Some(name), _dir: None }
    }

    pub async fn of(backend: &str) -> Self {
        match backend {
            "sqlite" => Self::sqlite().await,
            "postgres" => Self::postgres().await,
            other => panic!("unknown backend {other}"),
        }
    }

    /// Drops the PostgreSQL database (SQLite files go with their temp dir).
    pub async fn cleanup(self) {
        self.store.close().await;
        if let Some(name) = &self.pg_name {
            let admin = admin_connection(&postgres_admin_url()).await;
            let _ =
                sqlx::query(&format!("drop database if exists {name} with (force)")).execute(&admin).await;
            admin.close().await;
        }
    }
}

async fn admin_connection(url: &str) -> sqlx::PgPool {
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(std::time::Duration::from_secs(10))
        .connect(url)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is required by these tests and is not reachable at {url}: {e}. \
                 Start it (e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) \
                 or point TEST_POSTGRES_URL at a server with trust auth."
            )
        })
}

fn replace_db(url: &str, name: &str) -> String {
    let (base, _) = url.rsplit_once('/').expect("postgres URL has a database part");
    format!("{base}/{name}")
}

pub fn rand_suffix() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..12).map(|_| (b'a' + rng.random_range(0..26u8)) as char).collect()
}

/// Runs an async test body once on SQLite and once on PostgreSQL:
/// `both_backends!(name, |store| async move { … })`.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let db = $crate::support::TestDb::sqlite().await;
                ($body)(db.store.clone()).await;
                db.cleanup().await;
            }

            #[tokio::test]
            async fn postgres() {
                let db = $crate::support::TestDb::postgres().await;
                ($body)(db.store.clone()).await;
                db.cleanup().await;
            }
        }
    };
}
