//! The PostgreSQL backend, for the national line: several stateless
//! instances share one database. Migrations run under an advisory lock, so
//! instances starting together do not race.

use super::{Storage, StoreError, StoreResult, StoredServiceKeys};
use anyhow::{anyhow, Context as _};
use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use std::str::FromStr as _;
use tokio_postgres::NoTls;

const MIGRATIONS: &[(i64, &str)] = &[(
    1,
    include_str!("../../migrations/postgres/0001_initial.sql"),
)];
const MIGRATION_LOCK: i64 = 0x6b75_6c6e_61;

/// The PostgreSQL store.
#[derive(Clone)]
pub struct PgStore {
    pub(crate) pool: Pool,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgStore")
    }
}

pub(crate) fn pg_err(e: tokio_postgres::Error) -> StoreError {
    if e.is_closed() || e.as_db_error().is_none() {
        StoreError::Unavailable(e.into())
    } else {
        StoreError::Other(e.into())
    }
}

pub(crate) fn pool_err(e: deadpool_postgres::PoolError) -> StoreError {
    StoreError::Unavailable(anyhow!("database pool: {e}"))
}

fn is_valid_schema_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() < 60
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl PgStore {
    /// Connects to `url` and migrates. With `schema`, everything lives in that
    /// schema (created if needed): tests use one fresh schema each.
    pub async fn connect(
        url: &str,
        schema: Option<&str>,
        max_connections: usize,
    ) -> StoreResult<Self> {
        let mut cfg = tokio_postgres::Config::from_str(url)
            .context("invalid PostgreSQL URL")
            .map_err(StoreError::Other)?;
        if let Some(schema) = schema {
            if !is_valid_schema_name(schema) {
                return Err(StoreError::Other(anyhow!("invalid schema name")));
            }
            let (client, conn) = cfg.connect(NoTls).await.map_err(pg_err)?;
            let task = tokio::spawn(conn);
            client
                .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .await
                .map_err(pg_err)?;
            drop(client);
            let _ = task.await;
            cfg.options(format!("-c search_path={schema}"));
        }
        let mgr = Manager::from_config(
            cfg,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(mgr)
            .max_size(max_connections)
            .build()
            .map_err(|e| StoreError::Other(anyhow!("database pool: {e}")))?;
        let store = Self { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> StoreResult<()> {
        let mut client = self.pool.get().await.map_err(pool_err)?;
        let tx = client.transaction().await.map_err(pg_err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(pg_err)?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at_ms BIGINT NOT NULL)")
            .await
            .map_err(pg_err)?;
        for (version, sql) in MIGRATIONS {
            let done = tx
                .query_opt(
                    "SELECT version FROM schema_migrations WHERE version = $1",
                    &[version],
                )
                .await
                .map_err(pg_err)?;
            if done.is_none() {
                tx.batch_execute(sql).await.map_err(pg_err)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, applied_at_ms) VALUES ($1, $2)",
                    &[version, &crate::now_ms()],
                )
                .await
                .map_err(pg_err)?;
            }
        }
        tx.commit().await.map_err(pg_err)?;
        Ok(())
    }

    pub(crate) async fn client(&self) -> StoreResult<deadpool_postgres::Object> {
        self.pool.get().await.map_err(pool_err)
    }
}

fn u32_of(v: i64) -> StoreResult<u32> {
    u32::try_from(v).map_err(|_| StoreError::Other(anyhow!("stored value out of range")))
}

#[async_trait]
impl Storage for PgStore {
    async fn ping(&self) -> StoreResult<()> {
        let c = self.client().await?;
        c.query_one("SELECT 1", &[]).await.map_err(pg_err)?;
        Ok(())
    }

    async fn service_keys(&self) -> StoreResult<Option<StoredServiceKeys>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT key_id, sealing_public, signing_public, kdf_salt, kdf_m_kib, kdf_t, kdf_p, nonce, sealed_secrets, created_at_ms
                 FROM service_keys ORDER BY created_at_ms DESC LIMIT 1",
                &[],
            )
            .await
            .map_err(pg_err)?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(StoredServiceKeys {
            key_id: r.get(0),
            sealing_public: r.get(1),
            signing_public: r.get(2),
            kdf_salt: r.get(3),
            kdf_m_kib: u32_of(r.get(4))?,
            kdf_t: u32_of(r.get(5))?,
            kdf_p: u32_of(r.get(6))?,
            nonce: r.get(7),
            sealed_secrets: r.get(8),
            created_at_ms: r.get(9),
        }))
    }

    async fn save_service_keys(&self, k: &StoredServiceKeys) -> StoreResult<bool> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&(MIGRATION_LOCK + 1)])
            .await
            .map_err(pg_err)?;
        let n: i64 = tx
            .query_one("SELECT COUNT(*) FROM service_keys", &[])
            .await
            .map_err(pg_err)?
            .get(0);
        if n > 0 {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO service_keys (key_id, sealing_public, signing_public, kdf_salt, kdf_m_kib, kdf_t, kdf_p, nonce, sealed_secrets, created_at_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                &k.key_id,
                &k.sealing_public,
                &k.signing_public,
                &k.kdf_salt,
                &i64::from(k.kdf_m_kib),
                &i64::from(k.kdf_t),
                &i64::from(k.kdf_p),
                &k.nonce,
                &k.sealed_secrets,
                &k.created_at_ms,
            ],
        )
        .await
        .map_err(pg_err)?;
        tx.commit().await.map_err(pg_err)?;
        Ok(true)
    }
}
