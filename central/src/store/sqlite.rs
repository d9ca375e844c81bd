//! The embedded SQLite backend.
//!
//! One writer connection (the group-commit writer and every other write go
//! through it, so writers never contend for SQLite's lock) and a few reader
//! connections, all in WAL mode with `synchronous=FULL`: a commit is on disk
//! before the service answers. Every call runs on tokio's blocking pool.
//!
//! # Alerts while a group is being written
//!
//! An alert that finds the writer connection busy (a group commit of
//! thousands of rows in flight) does not wait for it: it is made durable in
//! a small database of its own next to the main one (`<database>.alerts`,
//! one table, its own WAL and disk sync), answered, and moved into
//! `records` as soon as the writer is free, in the background. Alerts left
//! there by a crash are moved when the store opens, and every 250 ms after
//! a failed move. A resend finds its alert in either place and is answered
//! as held, so a device still delivers each alert exactly once. Configured
//! elsewhere (`alert_journal`: a disk of its own), the journal takes every
//! alert first, the writer busy or not.

use super::{
    AuditRecord, CaseAction, CaseEventRecord, CaseRow, CenterRecord, DeviceRecord,
    DirectoryVersionRecord, InsertOutcome, NewRecord, QueueQuery, ReferralRecord, ReferralWrite,
    RegisterOutcome, ScopeFilter, SessionRecord, StaffRecord, StatsSource, Storage, StoreError,
    StoreResult, StoredServiceKeys, UpdateRecord,
};
use anyhow::anyhow;
use async_trait::async_trait;
use kulna_model::api::CaseStatus;
use kulna_model::staff::{ReferralDestination, ReferralStatus, Role};
use kulna_model::{DeviceId, RecordId, RecordKind};
use rusqlite::{params, Connection, OptionalExtension as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/sqlite/0001_initial.sql")),
    (2, include_str!("../../migrations/sqlite/0002_uploads.sql")),
    (
        3,
        include_str!("../../migrations/sqlite/0003_referral_listing.sql"),
    ),
    (
        4,
        include_str!("../../migrations/sqlite/0004_alert_journals.sql"),
    ),
];
const READERS: usize = 4;

const JOURNAL_SCHEMA: &str = "CREATE TABLE IF NOT EXISTS held_alerts (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    region INTEGER,
    center_id TEXT,
    created_at_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    envelope TEXT NOT NULL
)";

/// How much of the WAL file is kept when it starts over (the rest is given
/// back to the file system): room for dozens of full group commits.
const WAL_KEPT_BYTES: i64 = 64 << 20;

/// The default alert journal of the database at `path`: `<path>.alerts`.
pub fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".alerts");
    path.with_file_name(name)
}

/// The SQLite store.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    path: PathBuf,
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Connection>>>,
    next_reader: Arc<AtomicUsize>,
    /// Alerts held while the writer was busy, not yet in `records`.
    journal: Arc<Mutex<Connection>>,
    /// Where that journal is.
    journal_file: PathBuf,
    /// The journal was put somewhere else than beside the database (on a
    /// disk of its own): every alert goes there first, even when the writer
    /// is free, so that no alert waits for the main disk.
    journal_first: bool,
    /// Told after each move of held alerts into `records`.
    moved: Arc<tokio::sync::Notify>,
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
    /// Opens (creating if needed) the database at `path`, with its alert
    /// journal beside it, and brings its schema up to date.
    pub fn open(path: &Path) -> StoreResult<Self> {
        Self::open_with_journal(path, &journal_path(path))
    }

    /// [`SqliteStore::open`] with the alert journal at `journal` (on a disk
    /// of its own, an alert's disk sync does not queue behind the batches').
    /// Alerts left in any journal this database used before (its default
    /// place included) are moved into `records` first.
    pub fn open_with_journal(path: &Path, journal: &Path) -> StoreResult<Self> {
        for file in [path, journal] {
            if let Some(dir) = file.parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).map_err(|e| StoreError::Unavailable(e.into()))?;
                }
            }
        }
        let absolute =
            |p: &Path| std::path::absolute(p).map_err(|e| StoreError::Unavailable(e.into()));
        let journal = absolute(journal)?;
        let default_journal = absolute(&journal_path(path))?;
        if absolute(path)? == journal {
            return Err(other(anyhow!(
                "the alert journal must be another file than the database"
            )));
        }
        let mut writer = open_conn(path)?;
        migrate(&mut writer)?;
        // Checkpoints run on their own connection (below), not inside the
        // writer's commits, so a commit never waits for one. A 16 MB page
        // cache: inserts append at the right edge of each index, and the
        // load benchmark's peak RSS stays well under 100 MiB (32 MB cost
        // ~15 MiB of it for no measurable speed). Under a sustained burst
        // the WAL grows (1.6 GB after 960,000 envelopes in 29 s of
        // `kulna-load --batches 300`): once the checkpoints have caught up
        // and it starts over, it is cut back to `WAL_KEPT_BYTES` instead of
        // keeping the burst's size on disk for good.
        writer
            .execute_batch(&format!(
                "PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=-16000; PRAGMA journal_size_limit={WAL_KEPT_BYTES};"
            ))
            .map_err(sql_err)?;
        let earlier = journals_used(&writer, &default_journal, &journal)?;
        let writer = Arc::new(Mutex::new(writer));
        let moved = Arc::new(tokio::sync::Notify::new());
        // Alerts left in a journal used before, then those a crash left in
        // this one, go where staff see them.
        for old in earlier {
            let old_journal = open_conn(&old)?;
            old_journal.execute_batch(JOURNAL_SCHEMA).map_err(sql_err)?;
            let old_journal = Mutex::new(old_journal);
            let n = move_held_alerts(&writer, &old_journal, &moved)?;
            if n > 0 {
                tracing::warn!(alerts = n, "alerts moved from an alert journal used before");
            }
        }
        let journal_first = journal != default_journal;
        let journal_file = journal;
        let journal = open_conn(&journal_file)?;
        journal.execute_batch(JOURNAL_SCHEMA).map_err(sql_err)?;
        let journal = Arc::new(Mutex::new(journal));
        move_held_alerts(&writer, &journal, &moved)?;
        let checkpointer = open_conn(path)?;
        let alive = Arc::downgrade(&writer);
        let (j, m) = (Arc::downgrade(&journal), Arc::downgrade(&moved));
        std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || {
                // PASSIVE never blocks the writer; it ends with the store.
                while let Some(writer) = alive.upgrade() {
                    if let Err(e) = checkpointer.execute_batch("PRAGMA wal_checkpoint(PASSIVE);") {
                        tracing::warn!(error = %e, "checkpoint failed");
                    }
                    // Alerts whose move failed (a full disk): again.
                    if let (Some(journal), Some(moved)) = (j.upgrade(), m.upgrade()) {
                        if journal_holds(&journal, None) {
                            if let Err(e) = move_held_alerts(&writer, &journal, &moved) {
                                tracing::warn!(error = %e, "moving held alerts failed");
                            }
                        }
                    }
                    drop(writer);
                    std::thread::sleep(std::time::Duration::from_millis(250));
                }
            })
            .map_err(|e| other(anyhow!("checkpoint thread: {e}")))?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let r = open_conn(path)?;
            r.execute_batch("PRAGMA query_only=ON;").map_err(sql_err)?;
            readers.push(Mutex::new(r));
        }
        Ok(Self {
            path: path.to_owned(),
            writer,
            readers: Arc::new(readers),
            next_reader: Arc::new(AtomicUsize::new(0)),
            journal,
            journal_file,
            journal_first,
            moved,
        })
    }

    /// Where the alert journal is.
    pub fn alert_journal(&self) -> &Path {
        &self.journal_file
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
        tokio::task::spawn_blocking(move || read_now(&readers, start, f))
            .await
            .map_err(other)?
    }
}

/// Runs `f` with a free reader connection (or waits for one), here.
fn read_now<T>(
    readers: &[Mutex<Connection>],
    start: usize,
    f: impl FnOnce(&Connection) -> StoreResult<T>,
) -> StoreResult<T> {
    for i in 0..readers.len() {
        if let Some(r) = readers.get((start + i) % readers.len()) {
            if let Ok(conn) = r.try_lock() {
                return f(&conn);
            }
        }
    }
    let r = readers
        .get(start % readers.len().max(1))
        .ok_or_else(|| other(anyhow!("no reader")))?;
    let conn = r
        .lock()
        .map_err(|_| other(anyhow!("reader connection poisoned")))?;
    f(&conn)
}

const INSERT_RECORD: &str = "INSERT INTO records (id, device_id, kind, urgency, region, created_at_ms, received_at_ms, envelope, center_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO NOTHING";

/// Inserts records in the open transaction, idempotently by id; one
/// outcome each, appended to `out`.
fn insert_rows(
    c: &Connection,
    records: &[NewRecord],
    out: &mut Vec<InsertOutcome>,
) -> StoreResult<()> {
    let mut insert = c.prepare_cached(INSERT_RECORD).map_err(sql_err)?;
    let mut owner = c
        .prepare_cached("SELECT device_id FROM records WHERE id = ?1")
        .map_err(sql_err)?;
    for r in records {
        let id = r.id.to_string();
        let device = r.device_id.to_string();
        let n = insert
            .execute(params![
                id,
                device,
                r.kind.as_str(),
                r.kind.urgency_rank(),
                r.region,
                r.created_at_ms,
                r.received_at_ms,
                r.envelope,
                r.center_id
            ])
            .map_err(sql_err)?;
        out.push(if n == 1 {
            InsertOutcome::Inserted
        } else {
            let held_by: String = owner.query_row([&id], |row| row.get(0)).map_err(sql_err)?;
            if held_by == device {
                InsertOutcome::AlreadyHeld
            } else {
                InsertOutcome::IdConflict
            }
        });
    }
    Ok(())
}

/// The group commit on SQLite: every record in one durable transaction.
/// An alert that comes meanwhile does not wait for it: it goes to the alert
/// journal (see the module's documentation).
fn insert_group(
    writer: &Mutex<Connection>,
    records: &[NewRecord],
) -> StoreResult<Vec<InsertOutcome>> {
    let mut conn = writer
        .lock()
        .map_err(|_| other(anyhow!("writer connection poisoned")))?;
    insert_now(&mut conn, records)
}

/// Inserts records on the writer connection, in one transaction.
fn insert_now(conn: &mut Connection, records: &[NewRecord]) -> StoreResult<Vec<InsertOutcome>> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(sql_err)?;
    let mut out = Vec::with_capacity(records.len());
    insert_rows(&tx, records, &mut out)?;
    tx.commit().map_err(sql_err)?;
    Ok(out)
}

/// Holds urgent records in the alert journal, durably, while the writer is
/// busy. A record `records` already has is answered from there (a resend,
/// or an id another device holds) and not journaled again.
fn hold_in_journal(
    readers: &[Mutex<Connection>],
    start: usize,
    journal: &Mutex<Connection>,
    records: &[NewRecord],
) -> StoreResult<Vec<InsertOutcome>> {
    let held: Vec<Option<String>> = read_now(readers, start, |c| {
        let mut owner = c
            .prepare_cached("SELECT device_id FROM records WHERE id = ?1")
            .map_err(sql_err)?;
        records
            .iter()
            .map(|r| {
                owner
                    .query_row([r.id.to_string()], |row| row.get(0))
                    .optional()
                    .map_err(sql_err)
            })
            .collect()
    })?;
    let mut conn = journal
        .lock()
        .map_err(|_| other(anyhow!("alert journal poisoned")))?;
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(sql_err)?;
    let mut out = Vec::with_capacity(records.len());
    {
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO held_alerts (id, device_id, kind, region, center_id, created_at_ms, received_at_ms, envelope)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO NOTHING",
            )
            .map_err(sql_err)?;
        let mut owner = tx
            .prepare_cached("SELECT device_id FROM held_alerts WHERE id = ?1")
            .map_err(sql_err)?;
        for (r, held_by) in records.iter().zip(held) {
            let (id, device) = (r.id.to_string(), r.device_id.to_string());
            let held_by = match held_by {
                Some(d) => Some(d),
                None => {
                    let n = insert
                        .execute(params![
                            id,
                            device,
                            r.kind.as_str(),
                            r.region,
                            r.center_id,
                            r.created_at_ms,
                            r.received_at_ms,
                            r.envelope
                        ])
                        .map_err(sql_err)?;
                    if n == 1 {
                        None
                    } else {
                        Some(owner.query_row([&id], |row| row.get(0)).map_err(sql_err)?)
                    }
                }
            };
            out.push(match held_by {
                None => InsertOutcome::Inserted,
                Some(d) if d == device => InsertOutcome::AlreadyHeld,
                Some(_) => InsertOutcome::IdConflict,
            });
        }
    }
    tx.commit().map_err(sql_err)?;
    Ok(out)
}

/// Whether the journal holds any alert (`None`), or any of `ids`.
fn journal_holds(journal: &Mutex<Connection>, ids: Option<&[RecordId]>) -> bool {
    journal.lock().is_ok_and(|c| match ids {
        None => c
            .query_row("SELECT EXISTS (SELECT 1 FROM held_alerts)", [], |r| {
                r.get(0)
            })
            .unwrap_or(false),
        Some(ids) => ids.iter().any(|id| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM held_alerts WHERE id = ?1)",
                [id.to_string()],
                |r| r.get(0),
            )
            .unwrap_or(false)
        }),
    })
}

/// Records `journal` as used by this database and returns the journals it
/// used before that still exist (`default`, beside the database, included:
/// databases older than the setting used only that one).
fn journals_used(writer: &Connection, default: &Path, journal: &Path) -> StoreResult<Vec<PathBuf>> {
    let current = journal.to_string_lossy().into_owned();
    writer
        .execute(
            "INSERT OR IGNORE INTO alert_journals (path, first_used_ms) VALUES (?1, ?2)",
            params![current, crate::now_ms()],
        )
        .map_err(sql_err)?;
    let mut stmt = writer
        .prepare("SELECT path FROM alert_journals WHERE path <> ?1")
        .map_err(sql_err)?;
    let mut earlier: Vec<PathBuf> = stmt
        .query_map([&current], |r| r.get::<_, String>(0))
        .map_err(sql_err)?
        .map(|p| p.map(PathBuf::from))
        .collect::<Result<_, _>>()
        .map_err(sql_err)?;
    if default != journal && !earlier.iter().any(|p| p == default) {
        earlier.push(default.to_owned());
    }
    earlier.retain(|p| p.exists());
    Ok(earlier)
}

/// Moves the journal's alerts into `records` (idempotently, so a crash
/// between the two commits only repeats the move), then forgets them. An
/// alert whose id another device took meanwhile stays in the journal, with
/// a warning: nothing acknowledged is destroyed. Answers how many moved.
fn move_held_alerts(
    writer: &Mutex<Connection>,
    journal: &Mutex<Connection>,
    told: &tokio::sync::Notify,
) -> StoreResult<usize> {
    let moved = move_held_alerts_now(writer, journal);
    told.notify_waiters();
    moved
}

fn move_held_alerts_now(
    writer: &Mutex<Connection>,
    journal: &Mutex<Connection>,
) -> StoreResult<usize> {
    let mut moved = 0;
    loop {
        let rows: Vec<NewRecord> = {
            let conn = journal
                .lock()
                .map_err(|_| other(anyhow!("alert journal poisoned")))?;
            let mut stmt = conn
                .prepare_cached(
                    "SELECT id, device_id, kind, region, center_id, created_at_ms, received_at_ms, envelope
                     FROM held_alerts ORDER BY received_at_ms LIMIT 256",
                )
                .map_err(sql_err)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(NewRecord {
                        id: record_id(r.get(0)?)?,
                        device_id: device_id(r.get(1)?)?,
                        kind: kind_of(r.get(2)?)?,
                        region: region_of(r.get(3)?)?,
                        center_id: r.get(4)?,
                        created_at_ms: r.get(5)?,
                        received_at_ms: r.get(6)?,
                        envelope: r.get(7)?,
                    })
                })
                .map_err(sql_err)?;
            rows.collect::<Result<_, _>>().map_err(sql_err)?
        };
        if rows.is_empty() {
            return Ok(moved);
        }
        // After the group in flight, not in its middle: these alerts are
        // durable already.
        let outcomes = {
            let mut conn = writer
                .lock()
                .map_err(|_| other(anyhow!("writer connection poisoned")))?;
            insert_now(&mut conn, &rows)?
        };
        let mut conn = journal
            .lock()
            .map_err(|_| other(anyhow!("alert journal poisoned")))?;
        // One transaction (one disk sync) for the lot.
        let tx = conn.transaction().map_err(sql_err)?;
        let mut kept = 0;
        {
            let mut forget = tx
                .prepare_cached("DELETE FROM held_alerts WHERE id = ?1")
                .map_err(sql_err)?;
            for (r, o) in rows.iter().zip(&outcomes) {
                if *o == InsertOutcome::IdConflict {
                    kept += 1;
                    continue;
                }
                forget.execute([r.id.to_string()]).map_err(sql_err)?;
                moved += 1;
            }
        }
        tx.commit().map_err(sql_err)?;
        if kept > 0 {
            tracing::warn!(
                alerts = kept,
                "held alerts whose id another device took meanwhile stay in the alert journal"
            );
            return Ok(moved);
        }
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

fn bad(what: &'static str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        anyhow!("stored {what} is malformed").into(),
    )
}

fn record_id(text: String) -> rusqlite::Result<RecordId> {
    RecordId::parse(&text).map_err(|_| bad("record id"))
}

fn device_id(text: String) -> rusqlite::Result<DeviceId> {
    DeviceId::parse(&text).map_err(|_| bad("device id"))
}

fn kind_of(text: String) -> rusqlite::Result<RecordKind> {
    RecordKind::ALL
        .into_iter()
        .find(|k| k.as_str() == text)
        .ok_or_else(|| bad("kind"))
}

fn region_of(v: Option<i64>) -> rusqlite::Result<Option<u8>> {
    v.map(|r| u8::try_from(r).map_err(|_| bad("region")))
        .transpose()
}

const CASE_COLUMNS: &str =
    "seq, id, device_id, kind, region, center_id, status, created_at_ms, received_at_ms, acknowledged_at_ms, closed_at_ms";

fn case_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CaseRow> {
    Ok(CaseRow {
        seq: r.get(0)?,
        id: record_id(r.get(1)?)?,
        device_id: device_id(r.get(2)?)?,
        kind: kind_of(r.get(3)?)?,
        region: region_of(r.get(4)?)?,
        center_id: r.get(5)?,
        status: CaseStatus::parse(&r.get::<_, String>(6)?).ok_or_else(|| bad("status"))?,
        created_at_ms: r.get(7)?,
        received_at_ms: r.get(8)?,
        acknowledged_at_ms: r.get(9)?,
        closed_at_ms: r.get(10)?,
    })
}

fn staff_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StaffRecord> {
    Ok(StaffRecord {
        id: r.get(0)?,
        username: r.get(1)?,
        password_hash: r.get(2)?,
        role: Role::parse(&r.get::<_, String>(3)?).ok_or_else(|| bad("role"))?,
        scope_region: region_of(r.get(4)?)?,
        scope_center: r.get(5)?,
        disabled: r.get(6)?,
        created_at_ms: r.get(7)?,
    })
}

const STAFF_COLUMNS: &str =
    "id, username, password_hash, role, scope_region, scope_center, disabled, created_at_ms";

fn insert_audit(c: &Connection, a: &AuditRecord) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO audit_log (at_ms, staff_id, username, action, case_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![a.at_ms, a.staff_id, a.username, a.action, a.case_id.map(|c| c.to_string()), a.detail])?;
    Ok(())
}

fn apply_action(tx: &rusqlite::Transaction<'_>, a: &CaseAction) -> rusqlite::Result<bool> {
    let case = a.case_id.to_string();
    if let Some((from, to)) = a.status_change {
        let now = a.event.at_ms;
        let n = tx.execute(
            "UPDATE records SET status = ?1,
                acknowledged_at_ms = CASE WHEN ?1 = 'acknowledged' AND acknowledged_at_ms IS NULL THEN ?3 ELSE acknowledged_at_ms END,
                closed_at_ms = CASE WHEN ?1 = 'closed' THEN ?3 ELSE closed_at_ms END
             WHERE id = ?2 AND status = ?4",
            params![to.as_str(), case, now, from.as_str()],
        )?;
        if n == 0 {
            return Ok(false);
        }
    }
    if let Some(center) = &a.assign_center {
        let n = tx.execute(
            "UPDATE records SET center_id = ?1 WHERE id = ?2",
            params![center, case],
        )?;
        if n == 0 {
            return Ok(false);
        }
    }
    match &a.referral {
        Some(ReferralWrite::New(r)) => {
            tx.execute(
                "INSERT INTO referrals (id, case_id, destination, status, reason, consent_override, created_by, created_at_ms, updated_at_ms, listing_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    r.id,
                    case,
                    r.destination.as_str(),
                    r.status.as_str(),
                    r.reason.map(reason_name),
                    r.consent_override,
                    r.created_by,
                    r.created_at_ms,
                    r.updated_at_ms,
                    r.listing
                ],
            )?;
        }
        Some(ReferralWrite::Update {
            id,
            from,
            to,
            reason,
        }) => {
            let n = tx.execute(
                "UPDATE referrals SET status = ?1, reason = COALESCE(?2, reason), updated_at_ms = ?3
                 WHERE id = ?4 AND case_id = ?5 AND status = ?6",
                params![to.as_str(), reason.map(reason_name), a.event.at_ms, id, case, from.as_str()],
            )?;
            if n == 0 {
                return Ok(false);
            }
        }
        None => {}
    }
    tx.execute(
        "INSERT INTO case_events (case_id, staff_id, at_ms, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![case, a.event.staff_id, a.event.at_ms, a.event.action, a.event.detail],
    )?;
    if let Some((device, sealed)) = &a.device_update {
        tx.execute(
            "INSERT INTO device_updates (device_id, case_id, created_at_ms, sealed) VALUES (?1, ?2, ?3, ?4)",
            params![device.to_string(), case, a.event.at_ms, sealed],
        )?;
    }
    for line in &a.audit {
        insert_audit(tx, line)?;
    }
    Ok(true)
}

pub(crate) fn reason_name(r: kulna_model::staff::ReferralFailureReason) -> &'static str {
    use kulna_model::staff::ReferralFailureReason as R;
    match r {
        R::RefusedServices => "refused_services",
        R::NoCapacity => "no_capacity",
        R::NoLongerNeeded => "no_longer_needed",
        R::UnableToContactHer => "unable_to_contact_her",
        R::UnableToContactService => "unable_to_contact_service",
        R::Other => "other",
    }
}

pub(crate) fn reason_of(text: &str) -> Option<kulna_model::staff::ReferralFailureReason> {
    use kulna_model::staff::ReferralFailureReason as R;
    [
        R::RefusedServices,
        R::NoCapacity,
        R::NoLongerNeeded,
        R::UnableToContactHer,
        R::UnableToContactService,
        R::Other,
    ]
    .into_iter()
    .find(|r| reason_name(*r) == text)
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

    async fn register_device(&self, d: &DeviceRecord) -> StoreResult<RegisterOutcome> {
        let d = d.clone();
        self.write(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql_err)?;
            let id = d.id.to_string();
            let existing: Option<(Vec<u8>, Vec<u8>)> = tx
                .query_row("SELECT verifying_key, sealing_key FROM devices WHERE id = ?1", [&id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
                .map_err(sql_err)?;
            let outcome = match existing {
                None => {
                    tx.execute(
                        "INSERT INTO devices (id, verifying_key, sealing_key, token_hash, registered_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![id, d.verifying_key, d.sealing_key, d.token_hash, d.registered_at_ms],
                    )
                    .map_err(sql_err)?;
                    RegisterOutcome::Created
                }
                Some((vk, sk)) if vk == d.verifying_key && sk == d.sealing_key => {
                    tx.execute("UPDATE devices SET token_hash = ?1 WHERE id = ?2", params![d.token_hash, id])
                        .map_err(sql_err)?;
                    RegisterOutcome::Renewed
                }
                Some(_) => RegisterOutcome::Conflict,
            };
            tx.commit().map_err(sql_err)?;
            Ok(outcome)
        })
        .await
    }

    async fn device(&self, id: DeviceId) -> StoreResult<Option<DeviceRecord>> {
        self.read(move |c| {
            c.query_row(
                "SELECT verifying_key, sealing_key, token_hash, registered_at_ms, center_id FROM devices WHERE id = ?1",
                [id.to_string()],
                |r| {
                    Ok(DeviceRecord {
                        id,
                        verifying_key: r.get(0)?,
                        sealing_key: r.get(1)?,
                        token_hash: r.get(2)?,
                        registered_at_ms: r.get(3)?,
                        center_id: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn link_device(&self, id: DeviceId, center_id: &str) -> StoreResult<bool> {
        let center = center_id.to_owned();
        self.write(move |c| {
            let tx = c.transaction().map_err(sql_err)?;
            let n = tx
                .execute(
                    "UPDATE devices SET center_id = ?1 WHERE id = ?2",
                    params![center, id.to_string()],
                )
                .map_err(sql_err)?;
            // What it sent before being linked (an intake that went out
            // before the link did) joins the center's queue too.
            tx.execute(
                "UPDATE records SET center_id = ?1 WHERE device_id = ?2 AND center_id IS NULL",
                params![center, id.to_string()],
            )
            .map_err(sql_err)?;
            tx.commit().map_err(sql_err)?;
            Ok(n == 1)
        })
        .await
    }

    async fn insert_records(
        &self,
        records: Arc<Vec<NewRecord>>,
    ) -> StoreResult<Vec<InsertOutcome>> {
        let writer = self.writer.clone();
        // A bulk thread: an alert's thread goes first on a busy machine.
        crate::bulk::run(move || insert_group(&writer, &records))
            .await
            .map_err(other)?
    }

    async fn insert_urgent(&self, records: Arc<Vec<NewRecord>>) -> StoreResult<Vec<InsertOutcome>> {
        let store = self.clone();
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            // The writer free: straight into `records` (unless the journal
            // has a disk of its own).
            if !store.journal_first {
                match store.writer.try_lock() {
                    Ok(mut conn) => return insert_now(&mut conn, &records),
                    Err(std::sync::TryLockError::Poisoned(_)) => {
                        return Err(other(anyhow!("writer connection poisoned")))
                    }
                    Err(std::sync::TryLockError::WouldBlock) => {}
                }
            }
            // Busy with a group: durable in the journal now, moved into
            // `records` once the group lets the writer go.
            let out = hold_in_journal(&store.readers, start, &store.journal, &records)?;
            if out.contains(&InsertOutcome::Inserted) {
                tokio::task::spawn_blocking(move || {
                    if let Err(e) = move_held_alerts(&store.writer, &store.journal, &store.moved) {
                        tracing::warn!(error = %e, "moving held alerts failed; retried");
                    }
                });
            }
            Ok(out)
        })
        .await
        .map_err(other)?
    }

    async fn until_queued(&self, ids: Vec<RecordId>) {
        let ids = Arc::new(ids);
        // Bounded: a journal that cannot be moved (a full disk) is retried
        // by the checkpoint thread; staff then hear of it at the next event.
        for _ in 0..100 {
            let told = self.moved.notified();
            tokio::pin!(told);
            told.as_mut().enable();
            let (journal, ids) = (self.journal.clone(), ids.clone());
            let held = tokio::task::spawn_blocking(move || journal_holds(&journal, Some(&ids)))
                .await
                .unwrap_or(false);
            if !held {
                return;
            }
            let _ = tokio::time::timeout(std::time::Duration::from_millis(100), told).await;
        }
    }

    async fn queue(&self, q: &QueueQuery) -> StoreResult<Vec<CaseRow>> {
        let q = q.clone();
        self.read(move |c| {
            let closed = if q.include_closed { "" } else { " AND status <> 'closed'" };
            let (scope_sql, scope_param): (&str, Option<String>) = match &q.scope {
                ScopeFilter::All => ("1 = 1 AND ?1 IS NULL", None),
                ScopeFilter::Region(r) => ("region = ?1", Some(r.to_string())),
                ScopeFilter::Center(id) => ("center_id = ?1", Some(id.clone())),
            };
            let sql = format!(
                "SELECT {CASE_COLUMNS} FROM records WHERE {scope_sql}{closed} ORDER BY urgency, received_at_ms, seq LIMIT ?2"
            );
            let mut stmt = c.prepare_cached(&sql).map_err(sql_err)?;
            let rows = match &q.scope {
                ScopeFilter::Region(r) => stmt.query_map(params![i64::from(*r), q.limit], case_from_row),
                _ => stmt.query_map(params![scope_param, q.limit], case_from_row),
            }
            .map_err(sql_err)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sql_err)
        })
        .await
    }

    async fn case(&self, id: RecordId) -> StoreResult<Option<(CaseRow, String)>> {
        self.read(move |c| {
            c.query_row(
                &format!("SELECT {CASE_COLUMNS}, envelope FROM records WHERE id = ?1"),
                [id.to_string()],
                |r| Ok((case_from_row(r)?, r.get(11)?)),
            )
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn case_history(
        &self,
        id: RecordId,
    ) -> StoreResult<(Vec<CaseEventRecord>, Vec<ReferralRecord>)> {
        self.read(move |c| {
            let id = id.to_string();
            let mut stmt = c
                .prepare_cached(
                    "SELECT e.at_ms, e.staff_id, COALESCE(s.username, ''), e.action, e.detail
                     FROM case_events e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.case_id = ?1 ORDER BY e.seq",
                )
                .map_err(sql_err)?;
            let events = stmt
                .query_map([&id], |r| {
                    Ok(CaseEventRecord {
                        at_ms: r.get(0)?,
                        staff_id: r.get(1)?,
                        username: r.get(2)?,
                        action: r.get(3)?,
                        detail: r.get(4)?,
                    })
                })
                .map_err(sql_err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql_err)?;
            let mut stmt = c
                .prepare_cached(
                    "SELECT id, destination, status, reason, consent_override, created_by, created_at_ms, updated_at_ms, listing_id
                     FROM referrals WHERE case_id = ?1 ORDER BY created_at_ms, id",
                )
                .map_err(sql_err)?;
            let referrals = stmt
                .query_map([&id], |r| {
                    Ok(ReferralRecord {
                        id: r.get(0)?,
                        destination: ReferralDestination::parse(&r.get::<_, String>(1)?)
                            .ok_or_else(|| bad("destination"))?,
                        status: ReferralStatus::parse(&r.get::<_, String>(2)?).ok_or_else(|| bad("referral status"))?,
                        reason: r.get::<_, Option<String>>(3)?.and_then(|t| reason_of(&t)),
                        consent_override: r.get(4)?,
                        created_by: r.get(5)?,
                        created_at_ms: r.get(6)?,
                        updated_at_ms: r.get(7)?,
                        listing: r.get(8)?,
                    })
                })
                .map_err(sql_err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql_err)?;
            Ok((events, referrals))
        })
        .await
    }

    async fn apply_case_action(&self, a: &CaseAction) -> StoreResult<bool> {
        let a = a.clone();
        self.write(move |c| {
            let tx = c
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(sql_err)?;
            if apply_action(&tx, &a).map_err(sql_err)? {
                tx.commit().map_err(sql_err)?;
                Ok(true)
            } else {
                tx.rollback().map_err(sql_err)?;
                Ok(false)
            }
        })
        .await
    }

    async fn updates_since(
        &self,
        device: DeviceId,
        since: i64,
        limit: u32,
    ) -> StoreResult<Vec<UpdateRecord>> {
        self.read(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT seq, case_id, created_at_ms, sealed FROM device_updates WHERE device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
                )
                .map_err(sql_err)?;
            let rows = stmt
                .query_map(params![device.to_string(), since, limit], |r| {
                    Ok(UpdateRecord {
                        seq: r.get(0)?,
                        case_id: record_id(r.get(1)?)?,
                        created_at_ms: r.get(2)?,
                        sealed: r.get(3)?,
                    })
                })
                .map_err(sql_err)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sql_err)
        })
        .await
    }

    async fn upsert_center(&self, center: &CenterRecord) -> StoreResult<()> {
        let center = center.clone();
        self.write(move |c| {
            c.execute(
                "INSERT INTO centers (id, name, region) VALUES (?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET name = excluded.name, region = excluded.region",
                params![center.id, center.name, center.region],
            )
            .map_err(sql_err)?;
            Ok(())
        })
        .await
    }

    async fn center(&self, id: &str) -> StoreResult<Option<CenterRecord>> {
        let id = id.to_owned();
        self.read(move |c| {
            c.query_row(
                "SELECT id, name, region FROM centers WHERE id = ?1",
                [&id],
                |r| {
                    Ok(CenterRecord {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        region: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn insert_staff(&self, s: &StaffRecord) -> StoreResult<bool> {
        let s = s.clone();
        self.write(move |c| {
            let n = c
                .execute(
                    "INSERT INTO staff (id, username, password_hash, role, scope_region, scope_center, disabled, created_at_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(username) DO NOTHING",
                    params![s.id, s.username, s.password_hash, s.role.as_str(), s.scope_region, s.scope_center, s.disabled, s.created_at_ms],
                )
                .map_err(sql_err)?;
            Ok(n == 1)
        })
        .await
    }

    async fn staff_by_username(&self, username: &str) -> StoreResult<Option<StaffRecord>> {
        let u = username.to_owned();
        self.read(move |c| {
            c.query_row(
                &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?1"),
                [&u],
                staff_from_row,
            )
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn staff_by_id(&self, id: &str) -> StoreResult<Option<StaffRecord>> {
        let id = id.to_owned();
        self.read(move |c| {
            c.query_row(
                &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = ?1"),
                [&id],
                staff_from_row,
            )
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn update_staff(
        &self,
        username: &str,
        disabled: Option<bool>,
        password_hash: Option<String>,
    ) -> StoreResult<bool> {
        let u = username.to_owned();
        self.write(move |c| {
            let tx = c
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(sql_err)?;
            let id: Option<String> = tx
                .query_row("SELECT id FROM staff WHERE username = ?1", [&u], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(sql_err)?;
            let Some(id) = id else { return Ok(false) };
            if let Some(d) = disabled {
                tx.execute(
                    "UPDATE staff SET disabled = ?1 WHERE id = ?2",
                    params![d, id],
                )
                .map_err(sql_err)?;
            }
            if let Some(h) = &password_hash {
                tx.execute(
                    "UPDATE staff SET password_hash = ?1 WHERE id = ?2",
                    params![h, id],
                )
                .map_err(sql_err)?;
            }
            tx.execute("UPDATE sessions SET revoked = 1 WHERE staff_id = ?1", [&id])
                .map_err(sql_err)?;
            tx.commit().map_err(sql_err)?;
            Ok(true)
        })
        .await
    }

    async fn insert_session(&self, s: &SessionRecord) -> StoreResult<()> {
        let s = s.clone();
        self.write(move |c| {
            c.execute(
                "INSERT INTO sessions (id, staff_id, token_hash, created_at_ms, expires_at_ms, revoked) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![s.id, s.staff_id, s.token_hash, s.created_at_ms, s.expires_at_ms, s.revoked],
            )
            .map_err(sql_err)?;
            Ok(())
        })
        .await
    }

    async fn session(&self, id: &str) -> StoreResult<Option<SessionRecord>> {
        let id = id.to_owned();
        self.read(move |c| {
            c.query_row(
                "SELECT id, staff_id, token_hash, created_at_ms, expires_at_ms, revoked FROM sessions WHERE id = ?1",
                [&id],
                |r| {
                    Ok(SessionRecord {
                        id: r.get(0)?,
                        staff_id: r.get(1)?,
                        token_hash: r.get(2)?,
                        created_at_ms: r.get(3)?,
                        expires_at_ms: r.get(4)?,
                        revoked: r.get(5)?,
                    })
                },
            )
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn revoke_session(&self, id: &str) -> StoreResult<()> {
        let id = id.to_owned();
        self.write(move |c| {
            c.execute("UPDATE sessions SET revoked = 1 WHERE id = ?1", [&id])
                .map_err(sql_err)?;
            Ok(())
        })
        .await
    }

    async fn append_audit(&self, entry: &AuditRecord) -> StoreResult<()> {
        let e = entry.clone();
        self.write(move |c| insert_audit(c, &e).map_err(sql_err))
            .await
    }

    async fn audit_log(
        &self,
        after: i64,
        limit: u32,
        scope: &ScopeFilter,
    ) -> StoreResult<Vec<AuditRecord>> {
        let (kind, region, center) = scope.sql_params();
        self.read(move |c| {
            // SQLite numbers `$N` by first appearance; `?N` is by number.
            let sql = super::AUDIT_SQL.replace('$', "?");
            let mut stmt = c.prepare_cached(&sql).map_err(sql_err)?;
            let rows = stmt
                .query_map(params![after, limit, kind, region, center], |r| {
                    Ok(AuditRecord {
                        seq: r.get(0)?,
                        at_ms: r.get(1)?,
                        staff_id: r.get(2)?,
                        username: r.get(3)?,
                        action: r.get(4)?,
                        case_id: r.get::<_, Option<String>>(5)?.map(record_id).transpose()?,
                        detail: r.get(6)?,
                    })
                })
                .map_err(sql_err)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sql_err)
        })
        .await
    }

    async fn replace_directory_draft(
        &self,
        entries: &[(String, String)],
        now_ms: i64,
    ) -> StoreResult<()> {
        let entries = entries.to_vec();
        self.write(move |c| {
            let tx = c
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(sql_err)?;
            tx.execute("DELETE FROM directory_draft", [])
                .map_err(sql_err)?;
            for (id, entry) in &entries {
                tx.execute(
                    "INSERT INTO directory_draft (id, entry, updated_at_ms) VALUES (?1, ?2, ?3)",
                    params![id, entry, now_ms],
                )
                .map_err(sql_err)?;
            }
            tx.commit().map_err(sql_err)?;
            Ok(())
        })
        .await
    }

    async fn directory_draft(&self) -> StoreResult<Vec<(String, String)>> {
        self.read(|c| {
            let mut stmt = c
                .prepare_cached("SELECT id, entry FROM directory_draft ORDER BY id")
                .map_err(sql_err)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(sql_err)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sql_err)
        })
        .await
    }

    async fn insert_directory_version(&self, v: &DirectoryVersionRecord) -> StoreResult<bool> {
        let v = v.clone();
        self.write(move |c| {
            let n = c
                .execute(
                    "INSERT INTO directory_versions (version, published_at_ms, snapshot, signature) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(version) DO NOTHING",
                    params![v.version, v.published_at_ms, v.snapshot, v.signature],
                )
                .map_err(sql_err)?;
            Ok(n == 1)
        })
        .await
    }

    async fn directory_version(
        &self,
        version: Option<i64>,
    ) -> StoreResult<Option<DirectoryVersionRecord>> {
        self.read(move |c| {
            let f = |r: &rusqlite::Row<'_>| {
                Ok(DirectoryVersionRecord {
                    version: r.get(0)?,
                    published_at_ms: r.get(1)?,
                    snapshot: r.get(2)?,
                    signature: r.get(3)?,
                })
            };
            match version {
                Some(v) => c.query_row(
                    "SELECT version, published_at_ms, snapshot, signature FROM directory_versions WHERE version = ?1",
                    [v],
                    f,
                ),
                None => c.query_row(
                    "SELECT version, published_at_ms, snapshot, signature FROM directory_versions ORDER BY version DESC LIMIT 1",
                    [],
                    f,
                ),
            }
            .optional()
            .map_err(sql_err)
        })
        .await
    }

    async fn stats_sources(&self, after_seq: i64, limit: u32) -> StoreResult<Vec<StatsSource>> {
        self.read(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT seq, region, received_at_ms, envelope, center_id FROM records WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                )
                .map_err(sql_err)?;
            let rows = stmt
                .query_map(params![after_seq, limit], |r| {
                    Ok(StatsSource {
                        seq: r.get(0)?,
                        region: region_of(r.get(1)?)?,
                        received_at_ms: r.get(2)?,
                        envelope: r.get(3)?,
                        center_id: r.get(4)?,
                    })
                })
                .map_err(sql_err)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sql_err)
        })
        .await
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn record(device: DeviceId, kind: RecordKind) -> NewRecord {
        NewRecord {
            id: RecordId::new_v7(),
            device_id: device,
            kind,
            region: Some(6),
            created_at_ms: 1,
            received_at_ms: 2,
            envelope: "x".repeat(1500),
            center_id: None,
        }
    }

    fn count(store: &SqliteStore, kind: &str) -> i64 {
        let c = open_conn(store.path()).unwrap();
        c.query_row(
            "SELECT count(*) FROM records WHERE kind = ?1",
            [kind],
            |r| r.get(0),
        )
        .unwrap()
    }

    async fn store_with_device(dir: &Path) -> (SqliteStore, DeviceId) {
        let store = SqliteStore::open(&dir.join("db.sqlite3")).unwrap();
        let device = register(&store).await;
        (store, device)
    }

    async fn register(store: &SqliteStore) -> DeviceId {
        let device = DeviceId::new_random();
        let registered = store
            .register_device(&DeviceRecord {
                id: device,
                verifying_key: vec![1; 32],
                sealing_key: vec![2; 32],
                token_hash: vec![3; 32],
                registered_at_ms: 0,
                center_id: None,
            })
            .await
            .unwrap();
        assert_eq!(registered, RegisterOutcome::Created);
        device
    }

    fn held_in_journal(store: &SqliteStore) -> i64 {
        held_at(store.alert_journal())
    }

    /// Alerts held in the journal at `path`.
    fn held_at(path: &Path) -> i64 {
        let c = open_conn(path).unwrap();
        c.query_row("SELECT count(*) FROM held_alerts", [], |r| r.get(0))
            .unwrap()
    }

    /// How long the WAL of the database at `path` is (0 when it has none).
    fn wal_len(path: &Path) -> u64 {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        std::fs::metadata(wal).map_or(0, |m| m.len())
    }

    async fn eventually(what: &str, check: impl Fn() -> bool) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !check() {
            assert!(std::time::Instant::now() < deadline, "never: {what}");
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }

    /// After a burst, once the checkpoints have caught up, the WAL file is
    /// cut back rather than keeping the burst's size on disk.
    #[tokio::test]
    async fn the_wal_gives_back_a_burst_once_it_is_checkpointed() {
        let dir = tempfile::tempdir().unwrap();
        let (store, device) = store_with_device(dir.path()).await;
        let path = store.path().to_owned();
        let kept = u64::try_from(WAL_KEPT_BYTES).unwrap();
        // A burst of groups, back to back, past what is kept.
        while wal_len(&path) <= kept + (8 << 20) {
            let group: Vec<NewRecord> = (0..2_000)
                .map(|_| record(device, RecordKind::Report))
                .collect();
            store.insert_records(Arc::new(group)).await.unwrap();
        }
        let held = count(&store, "report");
        // The checkpoint thread copies it all into the database; the next
        // commit then starts the WAL over, and cuts it back.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let one = record(device, RecordKind::Report);
            store.insert_records(Arc::new(vec![one])).await.unwrap();
            if wal_len(&path) <= kept {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the WAL was never cut back after the burst: {} bytes",
                wal_len(&path)
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(
            count(&store, "report") > held,
            "nothing lost, still written"
        );
    }

    /// Holds the writer connection (a group commit in flight) until the
    /// returned sender is dropped or sent to.
    fn hold_writer(store: &SqliteStore) -> std::sync::mpsc::Sender<()> {
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let (held, is_held) = std::sync::mpsc::channel();
        let writer = store.writer.clone();
        std::thread::spawn(move || {
            let _guard = writer.lock().unwrap();
            held.send(()).unwrap();
            let _ = wait.recv();
        });
        is_held.recv().unwrap();
        release
    }

    /// An alert does not wait for the group in flight: it is durable in the
    /// alert journal at once, and in `records` once the group is done.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_alert_goes_in_while_a_group_is_being_inserted() {
        let dir = tempfile::tempdir().unwrap();
        let (store, device) = store_with_device(dir.path()).await;
        const GROUP: usize = 20_000;
        let group: Vec<NewRecord> = (0..GROUP)
            .map(|_| record(device, RecordKind::Report))
            .collect();
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let inserting = {
            let (store, done) = (store.clone(), done.clone());
            tokio::spawn(async move {
                let out = store.insert_records(Arc::new(group)).await.unwrap();
                done.store(true, Ordering::SeqCst);
                out
            })
        };
        // Wait until the group holds the writer connection.
        while store.writer.try_lock().is_ok() {
            tokio::time::sleep(std::time::Duration::from_micros(200)).await;
        }
        let alert = record(device, RecordKind::Alert);
        let out = store.insert_urgent(Arc::new(vec![alert])).await.unwrap();
        assert_eq!(out, vec![InsertOutcome::Inserted]);
        assert!(
            !done.load(Ordering::SeqCst),
            "the alert waited for the whole group"
        );
        let out = inserting.await.unwrap();
        assert_eq!(out.len(), GROUP);
        assert!(out.iter().all(|o| *o == InsertOutcome::Inserted));
        assert_eq!(count(&store, "report"), GROUP as i64);
        eventually("the alert is in records", || count(&store, "alert") == 1).await;
        eventually("the journal is empty", || held_in_journal(&store) == 0).await;
    }

    /// While the writer is busy, an alert is held in the journal: a resend
    /// is answered as held, another device's use of its id is refused, and
    /// once the writer is free it is in `records`, once.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_held_alert_is_answered_once_and_moved_once() {
        let dir = tempfile::tempdir().unwrap();
        let (store, device) = store_with_device(dir.path()).await;
        let other_device = register(&store).await;
        let alert = record(device, RecordKind::Alert);
        let mut stolen = record(other_device, RecordKind::Alert);
        stolen.id = alert.id;

        let release = hold_writer(&store);
        let urgent = |r: &NewRecord| store.insert_urgent(Arc::new(vec![r.clone()]));
        assert_eq!(urgent(&alert).await.unwrap(), [InsertOutcome::Inserted]);
        assert_eq!((held_in_journal(&store), count(&store, "alert")), (1, 0));
        assert_eq!(urgent(&alert).await.unwrap(), [InsertOutcome::AlreadyHeld]);
        assert_eq!(urgent(&stolen).await.unwrap(), [InsertOutcome::IdConflict]);
        assert_eq!(held_in_journal(&store), 1);
        // Staff hear of it once it is in the queue, not before.
        let queued = {
            let (store, id) = (store.clone(), alert.id);
            tokio::spawn(async move { store.until_queued(vec![id]).await })
        };
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        assert!(!queued.is_finished());

        drop(release);
        tokio::time::timeout(std::time::Duration::from_secs(5), queued)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(count(&store, "alert"), 1);
        eventually("the journal is empty", || held_in_journal(&store) == 0).await;
        // From `records` now, with the writer free or busy.
        assert_eq!(urgent(&alert).await.unwrap(), [InsertOutcome::AlreadyHeld]);
        let release = hold_writer(&store);
        assert_eq!(urgent(&alert).await.unwrap(), [InsertOutcome::AlreadyHeld]);
        assert_eq!(urgent(&stolen).await.unwrap(), [InsertOutcome::IdConflict]);
        drop(release);
        assert_eq!(held_in_journal(&store), 0);
        let c = open_conn(store.path()).unwrap();
        let (device_of, received): (String, i64) = c
            .query_row(
                "SELECT device_id, received_at_ms FROM records WHERE id = ?1",
                [alert.id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            (device_of, received),
            (device.to_string(), alert.received_at_ms)
        );
    }

    /// An alert a crash left in the journal (held, answered, not yet moved)
    /// is in `records` when the store opens again.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn alerts_left_in_the_journal_are_moved_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let (store, device) = store_with_device(dir.path()).await;
        let path = store.path().to_owned();
        drop(store);
        // What a crash between the journal's commit and the move leaves.
        let alert = record(device, RecordKind::Alert);
        let j = open_conn(&journal_path(&path)).unwrap();
        j.execute(
            "INSERT INTO held_alerts (id, device_id, kind, region, center_id, created_at_ms, received_at_ms, envelope)
             VALUES (?1, ?2, 'alert', 6, NULL, 1, 2, ?3)",
            params![alert.id.to_string(), device.to_string(), alert.envelope],
        )
        .unwrap();
        drop(j);

        let store = SqliteStore::open(&path).unwrap();
        assert_eq!((count(&store, "alert"), held_in_journal(&store)), (1, 0));
    }

    fn leave_in_journal(journal: &Path, device: DeviceId) -> RecordId {
        let alert = record(device, RecordKind::Alert);
        let j = open_conn(journal).unwrap();
        j.execute_batch(JOURNAL_SCHEMA).unwrap();
        j.execute(
            "INSERT INTO held_alerts (id, device_id, kind, region, center_id, created_at_ms, received_at_ms, envelope)
             VALUES (?1, ?2, 'alert', 6, NULL, 1, 2, ?3)",
            params![alert.id.to_string(), device.to_string(), alert.envelope],
        )
        .unwrap();
        alert.id
    }

    /// The journal's place is a setting: alerts left in the journal used
    /// before (the default one, then a configured one) are moved into
    /// `records` when the store opens with another.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn alerts_left_in_an_earlier_journal_are_moved_when_the_setting_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (store, device) = store_with_device(dir.path()).await;
        let path = store.path().to_owned();
        assert_eq!(store.alert_journal(), journal_path(&path));
        drop(store);
        leave_in_journal(&journal_path(&path), device);

        let elsewhere = dir.path().join("other-disk").join("alerts.sqlite3");
        let store = SqliteStore::open_with_journal(&path, &elsewhere).unwrap();
        assert_eq!(store.alert_journal(), elsewhere);
        assert_eq!(count(&store, "alert"), 1);
        // A journal with a disk of its own takes every alert first, even
        // with the writer free (the default one takes none then: below).
        let before = wal_len(&elsewhere);
        let alert = record(device, RecordKind::Alert);
        let id = alert.id;
        let out = store.insert_urgent(Arc::new(vec![alert])).await.unwrap();
        assert_eq!(out, vec![InsertOutcome::Inserted]);
        store.until_queued(vec![id]).await;
        assert!(store.case(id).await.unwrap().is_some());
        assert!(wal_len(&elsewhere) > before);
        assert_eq!(held_in_journal(&store), 0);
        assert_eq!(held_at(&journal_path(&path)), 0);
        drop(store);

        // Back to the default place: the configured journal was recorded.
        leave_in_journal(&elsewhere, device);
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(count(&store, "alert"), 3);
        let before = wal_len(&journal_path(&path));
        let out = store
            .insert_urgent(Arc::new(vec![record(device, RecordKind::Alert)]))
            .await
            .unwrap();
        assert_eq!(out, vec![InsertOutcome::Inserted]);
        assert_eq!(wal_len(&journal_path(&path)), before);
        assert_eq!(held_at(&elsewhere), 0);
    }

    #[test]
    fn the_journal_cannot_be_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("central.sqlite3");
        let err = SqliteStore::open_with_journal(&path, &path).unwrap_err();
        assert!(err.to_string().contains("alert journal"), "{err}");
        let err =
            SqliteStore::open_with_journal(&path, &dir.path().join(".").join("central.sqlite3"))
                .unwrap_err();
        assert!(err.to_string().contains("alert journal"), "{err}");
    }
}
