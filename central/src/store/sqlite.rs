//! The embedded SQLite backend.
//!
//! One writer connection (the group-commit writer and every other write go
//! through it, so writers never contend for SQLite's lock) and a few reader
//! connections, all in WAL mode with `synchronous=FULL`: a commit is on disk
//! before the service answers. Every call runs on tokio's blocking pool.

use super::{Storage, StoreError, StoreResult, StoredServiceKeys};
use anyhow::anyhow;
use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const MIGRATIONS: &[(i64, &str)] = &[(1, include_str!("../../migrations/sqlite/0001_initial.sql"))];
const READERS: usize = 4;

/// The SQLite store.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    path: PathBuf,
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Connection>>>,
    next_reader: Arc<AtomicUsize>,
}

fn other(e: impl Into<anyhow::Error>) -> StoreError {
    StoreError::Other(e.into())
}

pub(crate) fn sql_err(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseBusy
                    | rusqlite::ErrorCode::DatabaseLocked
                    | rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::DiskFull
            ) =>
        {
            StoreError::Unavailable(e.into())
        }
        _ => StoreError::Other(e.into()),
    }
}

fn open_conn(path: &Path) -> StoreResult<Connection> {
    let conn = Connection::open(path).map_err(sql_err)?;
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;",
    )
    .map_err(sql_err)?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> StoreResult<()> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at_ms INTEGER NOT NULL)")
        .map_err(sql_err)?;
    for (version, sql) in MIGRATIONS {
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql_err)?;
        let done: Option<i64> = tx
            .query_row(
                "SELECT version FROM schema_migrations WHERE version = ?1",
                [version],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_err)?;
        if done.is_none() {
            tx.execute_batch(sql).map_err(sql_err)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at_ms) VALUES (?1, ?2)",
                params![version, crate::now_ms()],
            )
            .map_err(sql_err)?;
        }
        tx.commit().map_err(sql_err)?;
    }
    Ok(())
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> StoreResult<Self> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Unavailable(e.into()))?;
            }
        }
        let mut writer = open_conn(path)?;
        migrate(&mut writer)?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let r = open_conn(path)?;
            r.execute_batch("PRAGMA query_only=ON;").map_err(sql_err)?;
            readers.push(Mutex::new(r));
        }
        Ok(Self {
            path: path.to_owned(),
            writer: Arc::new(Mutex::new(writer)),
            readers: Arc::new(readers),
            next_reader: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// Where the database file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with the writer connection on the blocking pool.
    pub(crate) async fn write<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let writer = self.writer.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = writer
                .lock()
                .map_err(|_| other(anyhow!("writer connection poisoned")))?;
            f(&mut conn)
        })
        .await
        .map_err(other)?
    }

    /// Runs `f` with a reader connection on the blocking pool.
    pub(crate) async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> StoreResult<T> + Send + 'static,
    {
        let readers = self.readers.clone();
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            for i in 0..readers.len() {
                if let Some(r) = readers.get((start + i) % readers.len()) {
                    if let Ok(conn) = r.try_lock() {
                        return f(&conn);
                    }
                }
            }
            let r = readers
                .get(start % readers.len())
                .ok_or_else(|| other(anyhow!("no reader")))?;
            let conn = r
                .lock()
                .map_err(|_| other(anyhow!("reader connection poisoned")))?;
            f(&conn)
        })
        .await
        .map_err(other)?
    }
}

fn keys_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredServiceKeys> {
    Ok(StoredServiceKeys {
        key_id: r.get(0)?,
        sealing_public: r.get(1)?,
        signing_public: r.get(2)?,
        kdf_salt: r.get(3)?,
        kdf_m_kib: r.get(4)?,
        kdf_t: r.get(5)?,
        kdf_p: r.get(6)?,
        nonce: r.get(7)?,
        sealed_secrets: r.get(8)?,
        created_at_ms: r.get(9)?,
    })
}

#[async_trait]
impl Storage for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        self.read(|c| {
            c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))
                .map(|_| ())
                .map_err(sql_err)
        })
        .await
    }

    async fn service_keys(&self) -> StoreResult<Option<StoredServiceKeys>> {
        self.read(|c| {
            c.query_row(
                "SELECT key_id, sealing_public, signing_public, kdf_salt, kdf_m_kib, kdf_t, kdf_p, nonce, sealed_secrets, created_at_ms
                 FROM service_keys ORDER BY created_at_ms DESC LIMIT 1",
                [],
                keys_from_row,
            )
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn save_service_keys(&self, k: &StoredServiceKeys) -> StoreResult<bool> {
        let k = k.clone();
        self.write(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql_err)?;
            let n: i64 = tx.query_row("SELECT COUNT(*) FROM service_keys", [], |r| r.get(0)).map_err(sql_err)?;
            if n > 0 {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO service_keys (key_id, sealing_public, signing_public, kdf_salt, kdf_m_kib, kdf_t, kdf_p, nonce, sealed_secrets, created_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![k.key_id, k.sealing_public, k.signing_public, k.kdf_salt, k.kdf_m_kib, k.kdf_t, k.kdf_p, k.nonce, k.sealed_secrets, k.created_at_ms],
            )
            .map_err(sql_err)?;
            tx.commit().map_err(sql_err)?;
            Ok(true)
        })
        .await
    }
}
