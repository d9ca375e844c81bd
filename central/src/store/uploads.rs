//! Storage of uploads: large envelopes sent in chunks (see `crate::uploads`
//! for the protocol), on both backends.
//!
//! # Invariants
//!
//! * An upload belongs to one device: every call names the device, so
//!   another device's token never reaches it.
//! * `received` is the length of the contiguous bytes held from the start.
//!   A chunk is stored whole, in the same transaction that moves
//!   `received`, or not at all: a cut leaves the upload exactly as it was.
//! * A chunk that starts before `received` is trimmed to its new bytes (a
//!   resend is harmless); one that starts after it is refused with the
//!   offset held.
//! * Uploads untouched for a while expire, and a device has a bounded
//!   number open: a new one beyond it replaces its oldest.

use super::postgres::{pg_err, PgStore};
use super::sqlite::{sql_err, SqliteStore};
use super::{StoreError, StoreResult};
use anyhow::anyhow;
use async_trait::async_trait;
use kulna_model::{DeviceId, RecordId};
use rusqlite::{params, OptionalExtension as _};

/// An upload as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRecord {
    /// Whose.
    pub device_id: DeviceId,
    /// The record the envelope carries.
    pub record_id: RecordId,
    /// Declared length of the envelope text.
    pub size: u64,
    /// Declared SHA-256 of the envelope text.
    pub sha256: Vec<u8>,
    /// Contiguous bytes held from the start.
    pub received: u64,
    /// Complete, checked and stored as a record (the chunks are gone).
    pub held: bool,
}

/// An upload a device declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUpload {
    /// Whose.
    pub device_id: DeviceId,
    /// The record the envelope carries.
    pub record_id: RecordId,
    /// Length of the envelope text.
    pub size: u64,
    /// SHA-256 of the envelope text.
    pub sha256: Vec<u8>,
    /// Now (service clock).
    pub now_ms: i64,
    /// Uploads of any device untouched since before this are dropped.
    pub expire_before_ms: i64,
    /// Most uploads in progress per device; a new one beyond it replaces the
    /// device's least recently touched one.
    pub max_open: u32,
}

/// What became of a chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppendOutcome {
    /// Stored (or already held): where the upload stands now.
    Stored(UploadRecord),
    /// The chunk starts after the bytes held.
    Gap {
        /// Where the next chunk must start.
        held: u64,
    },
    /// The chunk goes past the declared size.
    Overflow,
    /// No such upload for this device (never made, expired, discarded).
    Missing,
}

/// Uploads, as each backend keeps them.
#[async_trait]
pub trait UploadStore: Send + Sync {
    /// Finds the upload the device declares, or starts it (`true`): the same
    /// size and digest find it again, another size or digest starts it over.
    async fn open_upload(&self, upload: &NewUpload) -> StoreResult<(UploadRecord, bool)>;
    /// One of a device's uploads.
    async fn upload(&self, device: DeviceId, record: RecordId)
        -> StoreResult<Option<UploadRecord>>;
    /// Appends a chunk that starts at byte `start` (see the invariants).
    async fn append_upload(
        &self,
        device: DeviceId,
        record: RecordId,
        start: u64,
        data: Vec<u8>,
        now_ms: i64,
    ) -> StoreResult<AppendOutcome>;
    /// The bytes held, in order.
    async fn upload_bytes(
        &self,
        device: DeviceId,
        record: RecordId,
    ) -> StoreResult<Option<Vec<u8>>>;
    /// The envelope is stored as a record: drop the chunks, keep the receipt.
    async fn mark_upload_held(
        &self,
        device: DeviceId,
        record: RecordId,
        now_ms: i64,
    ) -> StoreResult<()>;
    /// Drops an upload and its bytes.
    async fn discard_upload(&self, device: DeviceId, record: RecordId) -> StoreResult<()>;
    /// The device a stored record came from, if it is stored.
    async fn record_device(&self, record: RecordId) -> StoreResult<Option<DeviceId>>;
}

fn to_i64(v: u64) -> StoreResult<i64> {
    i64::try_from(v).map_err(|_| StoreError::Other(anyhow!("upload size out of range")))
}

fn to_u64(v: i64) -> StoreResult<u64> {
    u64::try_from(v).map_err(|_| StoreError::Other(anyhow!("stored upload size is malformed")))
}

fn chunk_len(data: &[u8]) -> StoreResult<u64> {
    u64::try_from(data.len()).map_err(|_| StoreError::Other(anyhow!("chunk too large")))
}

/// Assembles chunks read in order, checking that they follow each other.
fn assemble(
    chunks: impl IntoIterator<Item = (i64, Vec<u8>)>,
    received: u64,
) -> StoreResult<Vec<u8>> {
    let mut out = Vec::with_capacity(usize::try_from(received).unwrap_or(0));
    for (start, data) in chunks {
        if to_u64(start)? != chunk_len(&out)? {
            return Err(StoreError::Other(anyhow!(
                "upload chunks do not follow each other"
            )));
        }
        out.extend_from_slice(&data);
    }
    if chunk_len(&out)? != received {
        return Err(StoreError::Other(anyhow!("upload chunks do not add up")));
    }
    Ok(out)
}

// ----- SQLite ---------------------------------------------------------------

const SQLITE_COLUMNS: &str = "size, sha256, received, held";

fn sqlite_row(
    device: DeviceId,
    record: RecordId,
    r: &rusqlite::Row<'_>,
) -> rusqlite::Result<(DeviceId, RecordId, i64, Vec<u8>, i64, bool)> {
    Ok((device, record, r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn upload_of(row: (DeviceId, RecordId, i64, Vec<u8>, i64, bool)) -> StoreResult<UploadRecord> {
    let (device_id, record_id, size, sha256, received, held) = row;
    Ok(UploadRecord {
        device_id,
        record_id,
        size: to_u64(size)?,
        sha256,
        received: to_u64(received)?,
        held,
    })
}

fn sqlite_get(
    c: &rusqlite::Connection,
    device: DeviceId,
    record: RecordId,
) -> StoreResult<Option<UploadRecord>> {
    c.query_row(
        &format!("SELECT {SQLITE_COLUMNS} FROM uploads WHERE device_id = ?1 AND record_id = ?2"),
        params![device.to_string(), record.to_string()],
        |r| sqlite_row(device, record, r),
    )
    .optional()
    .map_err(sql_err)?
    .map(upload_of)
    .transpose()
}

#[async_trait]
impl UploadStore for SqliteStore {
    async fn open_upload(&self, u: &NewUpload) -> StoreResult<(UploadRecord, bool)> {
        let u = u.clone();
        self.write(move |c| {
            let tx = c
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(sql_err)?;
            let (device, record) = (u.device_id.to_string(), u.record_id.to_string());
            tx.execute(
                "DELETE FROM uploads WHERE updated_at_ms < ?1",
                [u.expire_before_ms],
            )
            .map_err(sql_err)?;
            if let Some(found) = sqlite_get(&tx, u.device_id, u.record_id)? {
                if found.size == u.size && found.sha256 == u.sha256 {
                    tx.commit().map_err(sql_err)?;
                    return Ok((found, false));
                }
                tx.execute(
                    "DELETE FROM uploads WHERE device_id = ?1 AND record_id = ?2",
                    params![device, record],
                )
                .map_err(sql_err)?;
            }
            let open: i64 = tx
                .query_row(
                    "SELECT COUNT(*) FROM uploads WHERE device_id = ?1 AND held = 0",
                    [&device],
                    |r| r.get(0),
                )
                .map_err(sql_err)?;
            let excess = open - i64::from(u.max_open.max(1)) + 1;
            if excess > 0 {
                tx.execute(
                    "DELETE FROM uploads WHERE device_id = ?1 AND record_id IN (
                        SELECT record_id FROM uploads WHERE device_id = ?1 AND held = 0
                        ORDER BY updated_at_ms, created_at_ms LIMIT ?2)",
                    params![device, excess],
                )
                .map_err(sql_err)?;
            }
            tx.execute(
                "INSERT INTO uploads (device_id, record_id, size, sha256, received, held, created_at_ms, updated_at_ms)
                 VALUES (?1, ?2, ?3, ?4, 0, 0, ?5, ?5)",
                params![device, record, to_i64(u.size)?, u.sha256, u.now_ms],
            )
            .map_err(sql_err)?;
            tx.commit().map_err(sql_err)?;
            Ok((
                UploadRecord {
                    device_id: u.device_id,
                    record_id: u.record_id,
                    size: u.size,
                    sha256: u.sha256,
                    received: 0,
                    held: false,
                },
                true,
            ))
        })
        .await
    }

    async fn upload(
        &self,
        device: DeviceId,
        record: RecordId,
    ) -> StoreResult<Option<UploadRecord>> {
        self.read(move |c| sqlite_get(c, device, record)).await
    }

    async fn append_upload(
        &self,
        device: DeviceId,
        record: RecordId,
        start: u64,
        data: Vec<u8>,
        now_ms: i64,
    ) -> StoreResult<AppendOutcome> {
        self.write(move |c| {
            let tx = c
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(sql_err)?;
            let Some(mut up) = sqlite_get(&tx, device, record)? else {
                return Ok(AppendOutcome::Missing);
            };
            let Some(plan) = plan_append(&up, start, &data)? else {
                return check_append(&up, start, &data);
            };
            let (at, new) = plan;
            if !new.is_empty() {
                tx.execute(
                    "INSERT INTO upload_chunks (device_id, record_id, start_byte, data) VALUES (?1, ?2, ?3, ?4)",
                    params![device.to_string(), record.to_string(), to_i64(at)?, new],
                )
                .map_err(sql_err)?;
                up.received = at + chunk_len(new)?;
                tx.execute(
                    "UPDATE uploads SET received = ?3, updated_at_ms = ?4 WHERE device_id = ?1 AND record_id = ?2",
                    params![device.to_string(), record.to_string(), to_i64(up.received)?, now_ms],
                )
                .map_err(sql_err)?;
                tx.commit().map_err(sql_err)?;
            }
            Ok(AppendOutcome::Stored(up))
        })
        .await
    }

    async fn upload_bytes(
        &self,
        device: DeviceId,
        record: RecordId,
    ) -> StoreResult<Option<Vec<u8>>> {
        self.read(move |c| {
            let Some(up) = sqlite_get(c, device, record)? else {
                return Ok(None);
            };
            let mut stmt = c
                .prepare_cached(
                    "SELECT start_byte, data FROM upload_chunks WHERE device_id = ?1 AND record_id = ?2 ORDER BY start_byte",
                )
                .map_err(sql_err)?;
            let rows = stmt
                .query_map(params![device.to_string(), record.to_string()], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
                })
                .map_err(sql_err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql_err)?;
            assemble(rows, up.received).map(Some)
        })
        .await
    }

    async fn mark_upload_held(
        &self,
        device: DeviceId,
        record: RecordId,
        now_ms: i64,
    ) -> StoreResult<()> {
        self.write(move |c| {
            let tx = c.transaction().map_err(sql_err)?;
            let (d, r) = (device.to_string(), record.to_string());
            tx.execute(
                "DELETE FROM upload_chunks WHERE device_id = ?1 AND record_id = ?2",
                params![d, r],
            )
            .map_err(sql_err)?;
            tx.execute(
                "UPDATE uploads SET held = 1, received = size, updated_at_ms = ?3 WHERE device_id = ?1 AND record_id = ?2",
                params![d, r, now_ms],
            )
            .map_err(sql_err)?;
            tx.commit().map_err(sql_err)
        })
        .await
    }

    async fn discard_upload(&self, device: DeviceId, record: RecordId) -> StoreResult<()> {
        self.write(move |c| {
            c.execute(
                "DELETE FROM uploads WHERE device_id = ?1 AND record_id = ?2",
                params![device.to_string(), record.to_string()],
            )
            .map_err(sql_err)?;
            Ok(())
        })
        .await
    }

    async fn record_device(&self, record: RecordId) -> StoreResult<Option<DeviceId>> {
        self.read(move |c| {
            let text: Option<String> = c
                .query_row(
                    "SELECT device_id FROM records WHERE id = ?1",
                    [record.to_string()],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql_err)?;
            text.map(|t| {
                DeviceId::parse(&t)
                    .map_err(|_| StoreError::Other(anyhow!("stored device id is malformed")))
            })
            .transpose()
        })
        .await
    }
}

/// What to write for a chunk at `start`: `(where, the new bytes)`, possibly
/// empty (already held); `None` when the chunk cannot be taken.
fn plan_append<'a>(
    up: &UploadRecord,
    start: u64,
    data: &'a [u8],
) -> StoreResult<Option<(u64, &'a [u8])>> {
    let len = chunk_len(data)?;
    if up.held || start.checked_add(len).is_none_or(|end| end > up.size) || start > up.received {
        return Ok(None);
    }
    let skip = usize::try_from(up.received - start).unwrap_or(usize::MAX);
    Ok(Some((up.received, data.get(skip..).unwrap_or(&[]))))
}

/// Why [`plan_append`] refused a chunk.
fn check_append(up: &UploadRecord, start: u64, data: &[u8]) -> StoreResult<AppendOutcome> {
    if up.held {
        // Everything is there already: a late resend.
        return Ok(AppendOutcome::Stored(up.clone()));
    }
    let len = chunk_len(data)?;
    if start.checked_add(len).is_none_or(|end| end > up.size) {
        return Ok(AppendOutcome::Overflow);
    }
    Ok(AppendOutcome::Gap { held: up.received })
}

// ----- PostgreSQL -------------------------------------------------------------

async fn pg_get(
    c: &impl tokio_postgres::GenericClient,
    device: DeviceId,
    record: RecordId,
    lock: bool,
) -> StoreResult<Option<UploadRecord>> {
    let sql = if lock {
        "SELECT size, sha256, received, held FROM uploads WHERE device_id = $1 AND record_id = $2 FOR UPDATE"
    } else {
        "SELECT size, sha256, received, held FROM uploads WHERE device_id = $1 AND record_id = $2"
    };
    let row = c
        .query_opt(sql, &[&device.to_string(), &record.to_string()])
        .await
        .map_err(pg_err)?;
    row.map(|r| upload_of((device, record, r.get(0), r.get(1), r.get(2), r.get(3))))
        .transpose()
}

#[async_trait]
impl UploadStore for PgStore {
    async fn open_upload(&self, u: &NewUpload) -> StoreResult<(UploadRecord, bool)> {
        let mut c = self.client().await?;
        let (device, record) = (u.device_id.to_string(), u.record_id.to_string());
        // Expired uploads go in their own statement: concurrent opens never
        // hold each other's rows.
        c.execute(
            "DELETE FROM uploads WHERE updated_at_ms < $1",
            &[&u.expire_before_ms],
        )
        .await
        .map_err(pg_err)?;
        let tx = c.transaction().await.map_err(pg_err)?;
        // One device's uploads are opened one at a time (its count below);
        // this lock does not stand in the way of its records' inserts.
        tx.execute(
            "SELECT 1 FROM devices WHERE id = $1 FOR NO KEY UPDATE",
            &[&device],
        )
        .await
        .map_err(pg_err)?;
        if let Some(found) = pg_get(&*tx, u.device_id, u.record_id, true).await? {
            if found.size == u.size && found.sha256 == u.sha256 {
                tx.commit().await.map_err(pg_err)?;
                return Ok((found, false));
            }
            tx.execute(
                "DELETE FROM uploads WHERE device_id = $1 AND record_id = $2",
                &[&device, &record],
            )
            .await
            .map_err(pg_err)?;
        }
        let open: i64 = tx
            .query_one(
                "SELECT COUNT(*) FROM uploads WHERE device_id = $1 AND NOT held",
                &[&device],
            )
            .await
            .map_err(pg_err)?
            .get(0);
        let excess = open - i64::from(u.max_open.max(1)) + 1;
        if excess > 0 {
            tx.execute(
                "DELETE FROM uploads WHERE device_id = $1 AND record_id IN (
                    SELECT record_id FROM uploads WHERE device_id = $1 AND NOT held
                    ORDER BY updated_at_ms, created_at_ms LIMIT $2)",
                &[&device, &excess],
            )
            .await
            .map_err(pg_err)?;
        }
        tx.execute(
            "INSERT INTO uploads (device_id, record_id, size, sha256, received, held, created_at_ms, updated_at_ms)
             VALUES ($1, $2, $3, $4, 0, FALSE, $5, $5)",
            &[&device, &record, &to_i64(u.size)?, &u.sha256, &u.now_ms],
        )
        .await
        .map_err(pg_err)?;
        tx.commit().await.map_err(pg_err)?;
        Ok((
            UploadRecord {
                device_id: u.device_id,
                record_id: u.record_id,
                size: u.size,
                sha256: u.sha256.clone(),
                received: 0,
                held: false,
            },
            true,
        ))
    }

    async fn upload(
        &self,
        device: DeviceId,
        record: RecordId,
    ) -> StoreResult<Option<UploadRecord>> {
        let c = self.client().await?;
        pg_get(&**c, device, record, false).await
    }

    async fn append_upload(
        &self,
        device: DeviceId,
        record: RecordId,
        start: u64,
        data: Vec<u8>,
        now_ms: i64,
    ) -> StoreResult<AppendOutcome> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        let Some(mut up) = pg_get(&*tx, device, record, true).await? else {
            return Ok(AppendOutcome::Missing);
        };
        let Some((at, new)) = plan_append(&up, start, &data)? else {
            return check_append(&up, start, &data);
        };
        if !new.is_empty() {
            let (d, r) = (device.to_string(), record.to_string());
            tx.execute(
                "INSERT INTO upload_chunks (device_id, record_id, start_byte, data) VALUES ($1, $2, $3, $4)",
                &[&d, &r, &to_i64(at)?, &new],
            )
            .await
            .map_err(pg_err)?;
            up.received = at + chunk_len(new)?;
            tx.execute(
                "UPDATE uploads SET received = $3, updated_at_ms = $4 WHERE device_id = $1 AND record_id = $2",
                &[&d, &r, &to_i64(up.received)?, &now_ms],
            )
            .await
            .map_err(pg_err)?;
            tx.commit().await.map_err(pg_err)?;
        }
        Ok(AppendOutcome::Stored(up))
    }

    async fn upload_bytes(
        &self,
        device: DeviceId,
        record: RecordId,
    ) -> StoreResult<Option<Vec<u8>>> {
        let mut c = self.client().await?;
        // One snapshot: the row and its chunks agree.
        let tx = c
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .map_err(pg_err)?;
        let Some(up) = pg_get(&*tx, device, record, false).await? else {
            return Ok(None);
        };
        let rows = tx
            .query(
                "SELECT start_byte, data FROM upload_chunks WHERE device_id = $1 AND record_id = $2 ORDER BY start_byte",
                &[&device.to_string(), &record.to_string()],
            )
            .await
            .map_err(pg_err)?;
        tx.commit().await.map_err(pg_err)?;
        assemble(
            rows.into_iter()
                .map(|r| (r.get::<_, i64>(0), r.get::<_, Vec<u8>>(1))),
            up.received,
        )
        .map(Some)
    }

    async fn mark_upload_held(
        &self,
        device: DeviceId,
        record: RecordId,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(pg_err)?;
        let (d, r) = (device.to_string(), record.to_string());
        tx.execute(
            "DELETE FROM upload_chunks WHERE device_id = $1 AND record_id = $2",
            &[&d, &r],
        )
        .await
        .map_err(pg_err)?;
        tx.execute(
            "UPDATE uploads SET held = TRUE, received = size, updated_at_ms = $3 WHERE device_id = $1 AND record_id = $2",
            &[&d, &r, &now_ms],
        )
        .await
        .map_err(pg_err)?;
        tx.commit().await.map_err(pg_err)
    }

    async fn discard_upload(&self, device: DeviceId, record: RecordId) -> StoreResult<()> {
        let c = self.client().await?;
        c.execute(
            "DELETE FROM uploads WHERE device_id = $1 AND record_id = $2",
            &[&device.to_string(), &record.to_string()],
        )
        .await
        .map_err(pg_err)?;
        Ok(())
    }

    async fn record_device(&self, record: RecordId) -> StoreResult<Option<DeviceId>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT device_id FROM records WHERE id = $1",
                &[&record.to_string()],
            )
            .await
            .map_err(pg_err)?;
        row.map(|r| {
            DeviceId::parse(r.get::<_, &str>(0))
                .map_err(|_| StoreError::Other(anyhow!("stored device id is malformed")))
        })
        .transpose()
    }
}
