//! Clusters and their cooperatives.

use chrono::{DateTime, Utc};

use super::{Result, Store, StoreError, now, on_duplicate, on_pool, on_write};
use crate::domain::Locale;
use crate::domain::ids::{ClusterId, CooperativeId};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Cluster {
    pub cluster_id: ClusterId,
    pub name: String,
    /// IANA time zone, e.g. `Asia/Karachi`; validated on the way in.
    pub timezone: String,
    pub locale: Locale,
    pub sector: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Cooperative {
    pub cooperative_id: CooperativeId,
    pub cluster_id: ClusterId,
    pub name: String,
}

impl Cluster {
    /// The cluster's time zone.
    pub fn tz(&self) -> chrono_tz::Tz {
        crate::domain::schedule::zone(&self.timezone)
    }
}

const CLUSTER_COLUMNS: &str = "cluster_id, name, timezone, locale, sector, created_at";

impl Store {
    pub async fn add_cluster(
        &self,
        name: &str,
        timezone: chrono_tz::Tz,
        locale: Locale,
        sector: Option<&str>,
    ) -> Result<Cluster> {
        let sql = format!(
            "insert into cluster (name, timezone, locale, sector, created_at) \
             values ($1, $2, $3, $4, $5) returning {CLUSTER_COLUMNS}"
        );
        let cluster = on_write!(self, pool => sqlx::query_as(&sql)
            .bind(name)
            .bind(timezone.name())
            .bind(locale.code())
            .bind(sector)
            .bind(now())
            .fetch_one(pool)
            .await)
        .map_err(on_duplicate("a cluster with that name"))?;
        // Coordinators work in every cluster: theirs just grew.
        self.members_changed(None).await?;
        Ok(cluster)
    }

    pub async fn clusters(&self) -> Result<Vec<Cluster>> {
        let sql = format!("select {CLUSTER_COLUMNS} from cluster order by cluster_id");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).fetch_all(pool).await)?)
    }

    /// A cluster (never changed once made: kept in memory).
    pub async fn cluster(&self, cluster_id: ClusterId) -> Result<Cluster> {
        if let Some(cluster) = self.cache.cluster(cluster_id) {
            return Ok(cluster);
        }
        let sql = format!("select {CLUSTER_COLUMNS} from cluster where cluster_id = $1");
        let cluster: Cluster =
            on_pool!(self, pool => sqlx::query_as(&sql).bind(cluster_id).fetch_optional(pool).await)?
                .ok_or(StoreError::NotFound("cluster"))?;
        self.cache.keep_cluster(&cluster);
        Ok(cluster)
    }

    pub async fn add_cooperative(&self, cluster_id: ClusterId, name: &str) -> Result<Cooperative> {
        self.cluster(cluster_id).await?;
        on_write!(self, pool => sqlx::query_as(
            "insert into cooperative (cluster_id, name, created_at) values ($1, $2, $3) \
             returning cooperative_id, cluster_id, name",
        )
        .bind(cluster_id)
        .bind(name)
        .bind(now())
        .fetch_one(pool)
        .await)
        .map_err(on_duplicate("a cooperative with that name in this cluster"))
    }

    pub async fn cooperatives(&self, cluster_id: ClusterId) -> Result<Vec<Cooperative>> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "select cooperative_id, cluster_id, name from cooperative \
             where cluster_id = $1 order by name, cooperative_id",
        )
        .bind(cluster_id)
        .fetch_all(pool)
        .await)?)
    }

    pub async fn cooperative(&self, cooperative_id: CooperativeId) -> Result<Cooperative> {
        on_pool!(self, pool => sqlx::query_as(
            "select cooperative_id, cluster_id, name from cooperative where cooperative_id = $1",
        )
        .bind(cooperative_id)
        .fetch_optional(pool)
        .await)?
        .ok_or(StoreError::NotFound("cooperative"))
    }
}
