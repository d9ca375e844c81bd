//! What sync keeps on the device: the outbox as the sync client reads and
//! settles it, the pinned keys and cursors, status updates (sealed to the
//! device key, opened only in the unlocked real vault) and the directory
//! cache (only versions whose signature verified).

use crate::directory::index::{self, ListingWriter};
use crate::error::StoreError;
use crate::records::DELIVERED;
use crate::vault::Vault;
use kulna_crypto::envelope::open_sealed;
use kulna_model::api::{RejectReason, SealedUpdate, StatusUpdate, STATUS_UPDATE_CONTEXT};
use kulna_model::directory::{DirectoryDelta, DirectoryEntry, DirectorySnapshot};
use kulna_model::{AlertProgress, OutboxCounts, RecordId, RecordKind};
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

/// One envelope waiting in the outbox, as the sync client sends it.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    /// Position in the outbox (the order it was written).
    pub(crate) rowid: i64,
    pub(crate) id: RecordId,
    pub(crate) kind: RecordKind,
    /// The envelope's JSON text, sent as it is.
    pub(crate) json: String,
}

/// A record the service refused: it stays here, is not sent again, and the
/// UI lists it with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedItem {
    /// The record.
    pub id: RecordId,
    /// What it is.
    pub kind: RecordKind,
    /// Why the service refused it.
    pub reason: RejectReason,
    /// When (device clock, ms since the epoch).
    pub at_ms: i64,
}

/// Counts for the sync state.
#[derive(Debug)]
pub(crate) struct SyncCounts {
    pub(crate) waiting: OutboxCounts,
    pub(crate) last_refused: Option<RefusedItem>,
    pub(crate) refused: u32,
    pub(crate) status_updates: u32,
}

/// Ids settled per local transaction (see [`Vault::outbox_settle`]).
pub(crate) const SETTLE_CHUNK: usize = 100;

pub(crate) const SETTING_DIRECTORY_KEY: &str = "sync.directory_key";
pub(crate) const SETTING_REGISTERED_SEALING: &str = "sync.registered_sealing_key";
pub(crate) const SETTING_UPDATES_CURSOR: &str = "sync.updates_cursor";
pub(crate) const SETTING_DIRECTORY_VERSION: &str = "sync.directory_version";
/// When the cached directory version was published (service clock, ms).
pub(crate) const SETTING_DIRECTORY_PUBLISHED: &str = "sync.directory_published_at_ms";
pub(crate) const SETTING_LAST_CONTACT: &str = "sync.last_contact_ms";

fn id_of(bytes: &[u8]) -> Result<RecordId, StoreError> {
    Uuid::from_slice(bytes)
        .map(RecordId::from_uuid)
        .map_err(|_| StoreError::BadSetting("outbox.record_id"))
}

fn kind_of(code: u8) -> Result<RecordKind, StoreError> {
    RecordKind::from_code(code).ok_or(StoreError::BadSetting("outbox.kind"))
}

fn reason_name(reason: RejectReason) -> String {
    // The serde name: stable, and what the UI already knows.
    serde_json::to_value(reason)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "malformed".to_owned())
}

fn reason_of(name: &str) -> RejectReason {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .unwrap_or(RejectReason::Malformed)
}

pub(crate) fn get_setting(conn: &Connection, name: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn put_setting(conn: &Connection, name: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO setting (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, value],
    )?;
    Ok(())
}

impl Vault {
    /// Alerts waiting to be sent, in the order they were made (ahead of
    /// ordinary callers waiting for the database).
    pub(crate) fn pending_alerts(&self, limit: usize) -> Result<Vec<Pending>, StoreError> {
        pending_in(
            &self.inner_urgent().conn,
            0,
            0,
            limit,
            usize::MAX,
            usize::MAX,
        )
    }

    /// Other records waiting, after `after_rowid`, in written order, at most
    /// `limit` of them and about `max_bytes` of envelope text (at least one),
    /// leaving out envelopes longer than `max_item_bytes` (they go as uploads).
    /// Read on the second connection: a batch being read never holds up an
    /// alert being written.
    pub(crate) fn pending_batch(
        &self,
        after_rowid: i64,
        limit: usize,
        max_bytes: usize,
        max_item_bytes: usize,
    ) -> Result<Vec<Pending>, StoreError> {
        let read =
            |conn: &Connection| pending_in(conn, 1, after_rowid, limit, max_bytes, max_item_bytes);
        match self.with_side(read) {
            Some(batch) => batch,
            None => read(&self.inner().conn),
        }
    }

    /// The next record waiting after `after_rowid` whose envelope is longer
    /// than `inline_bytes`: it goes to the service as an upload, in chunks.
    pub(crate) fn next_upload(
        &self,
        after_rowid: i64,
        inline_bytes: usize,
    ) -> Result<Option<Pending>, StoreError> {
        let inner = self.inner();
        let mut stmt = inner.conn.prepare_cached(concat!(
            "SELECT rowid, record_id, kind, envelope FROM outbox
                 WHERE urgency = 1 AND rowid > ?1 AND rejected_reason IS NULL
                   AND length(CAST(envelope AS BLOB)) > ?2 AND ",
            not_yet_held!("outbox"),
            " ORDER BY rowid LIMIT 1"
        ))?;
        let inline = i64::try_from(inline_bytes).unwrap_or(i64::MAX);
        let mut rows = stmt.query(params![after_rowid, inline])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        Ok(Some(Pending {
            rowid: row.get(0)?,
            id: id_of(&row.get::<_, Vec<u8>>(1)?)?,
            kind: kind_of(row.get(2)?)?,
            json: row.get(3)?,
        }))
    }

    /// What this device remembers of an upload: (size, SHA-256, bytes the
    /// service confirmed).
    pub(crate) fn upload_progress(
        &self,
        id: RecordId,
    ) -> Result<Option<(u64, Vec<u8>, u64)>, StoreError> {
        let inner = self.inner();
        let row: Option<(i64, Vec<u8>, i64)> = inner
            .conn
            .query_row(
                "SELECT size, sha256, sent FROM outbox_upload WHERE record_id = ?1",
                [&id.as_bytes()[..]],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(row.map(|(size, sha, sent)| {
            (
                u64::try_from(size).unwrap_or(0),
                sha,
                u64::try_from(sent).unwrap_or(0),
            )
        }))
    }

    /// Remembers how far an upload got (the bytes the service confirmed).
    /// The row goes with the outbox item (a trigger), in the same
    /// transaction that settles it.
    pub(crate) fn set_upload_progress(
        &self,
        id: RecordId,
        size: u64,
        sha256: &[u8],
        sent: u64,
    ) -> Result<(), StoreError> {
        let now = self.now_ms();
        let inner = self.inner();
        inner.conn.execute(
            "INSERT INTO outbox_upload (record_id, size, sha256, sent, updated_at_ms)
             SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM outbox WHERE record_id = ?1)
             ON CONFLICT (record_id) DO UPDATE SET
                size = excluded.size, sha256 = excluded.sha256,
                sent = excluded.sent, updated_at_ms = excluded.updated_at_ms",
            params![
                &id.as_bytes()[..],
                i64::try_from(size).unwrap_or(i64::MAX),
                sha256,
                i64::try_from(sent).unwrap_or(i64::MAX),
                now
            ],
        )?;
        Ok(())
    }

    /// Settles what the service answered: exactly the `held` ids stop
    /// waiting (marked sent; their records remember when), and each
    /// `refused` one stays, marked with its reason, never resent. In short
    /// local transactions (100 ids each), so that an alert waiting for the
    /// database gets in between two of them; an app killed between two
    /// leaves the rest queued, sent again and answered as held by the
    /// service (which keeps one copy). Returns how many stopped waiting.
    ///
    /// The rows of the envelopes sent are deleted afterwards, by
    /// [`Vault::outbox_purge_sent`]: deleting zeroes their pages, the most
    /// the disk writes for a batch, and the next batch need not wait for it.
    pub fn outbox_settle(
        &self,
        held: &[RecordId],
        refused: &[(RecordId, RejectReason)],
    ) -> Result<usize, StoreError> {
        let now = self.now_ms();
        let mut n = 0;
        let mut chunks = held.chunks(SETTLE_CHUNK).peekable();
        if chunks.peek().is_none() {
            return settle_in(&mut self.inner().conn, now, &[], refused, Held::MarkSent);
        }
        while let Some(chunk) = chunks.next() {
            // The refusals with the last ids of the answer.
            let refused = if chunks.peek().is_none() {
                refused
            } else {
                &[]
            };
            // Taken again for each transaction: an alert waiting goes first.
            n += settle_in(&mut self.inner().conn, now, chunk, refused, Held::MarkSent)?;
        }
        Ok(n)
    }

    /// [`Vault::outbox_settle`] for the alert lane: one transaction, ahead of
    /// ordinary callers waiting for the database. An alert the service holds
    /// leaves the outbox at once (a few rows: nothing to gain by waiting).
    pub(crate) fn alert_settle(
        &self,
        held: &[RecordId],
        refused: &[(RecordId, RejectReason)],
    ) -> Result<usize, StoreError> {
        let now = self.now_ms();
        settle_in(
            &mut self.inner_urgent().conn,
            now,
            held,
            refused,
            Held::Delete,
        )
    }

    /// Deletes the outbox rows of up to `limit` envelopes the service holds
    /// (marked sent by [`Vault::outbox_settle`]), in one transaction; their
    /// pages are zeroed (`secure_delete`). Returns how many; 0 when none is
    /// left.
    pub fn outbox_purge_sent(&self, limit: usize) -> Result<usize, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // The marks go with their rows (a trigger).
        let n = self.inner().conn.execute(
            "DELETE FROM outbox WHERE record_id IN (
                SELECT s.record_id FROM outbox_sent s
                JOIN outbox o ON o.record_id = s.record_id LIMIT ?1)",
            [limit],
        )?;
        Ok(n)
    }

    /// The records the service refused, newest first. Unlocked: those of the
    /// open vault. Locked: all of them.
    pub fn outbox_refused(&self) -> Result<Vec<RefusedItem>, StoreError> {
        let mut inner = self.inner();
        let space = match self.check_idle(&mut inner) {
            Ok(()) => inner.session.as_ref().map(|s| s.slot),
            Err(StoreError::Locked) => None,
            Err(e) => return Err(e),
        };
        let mut stmt = inner.conn.prepare_cached(
            "SELECT record_id, kind, rejected_reason, rejected_at_ms FROM outbox
             WHERE rejected_reason IS NOT NULL AND (?1 IS NULL OR space = ?1)
             ORDER BY rejected_at_ms DESC, rowid DESC",
        )?;
        let mut rows = stmt.query([space])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(RefusedItem {
                id: id_of(&row.get::<_, Vec<u8>>(0)?)?,
                kind: kind_of(row.get(1)?)?,
                reason: reason_of(&row.get::<_, String>(2)?),
                at_ms: row.get::<_, Option<i64>>(3)?.unwrap_or(0),
            });
        }
        Ok(out)
    }

    /// What waits, what was refused and how many status updates she can
    /// read, for the sync state.
    pub(crate) fn sync_counts(&self) -> Result<SyncCounts, StoreError> {
        let waiting = self.outbox_counts()?;
        let refused = self.outbox_refused()?;
        let n = u32::try_from(refused.len()).unwrap_or(u32::MAX);
        Ok(SyncCounts {
            waiting,
            last_refused: refused.into_iter().next(),
            refused: n,
            status_updates: self.readable_update_count()?,
        })
    }

    /// Status updates held, counted only when the real vault is open: the
    /// lock screen and the decoy vault must not show that any exist.
    fn readable_update_count(&self) -> Result<u32, StoreError> {
        let mut inner = self.inner();
        match self.check_idle(&mut inner) {
            Ok(()) => {}
            Err(StoreError::Locked) => return Ok(0),
            Err(e) => return Err(e),
        }
        if self.device_secret_in(&inner)?.is_none() {
            return Ok(0);
        }
        let n: i64 = inner.conn.query_row(
            "SELECT COUNT(*) FROM case_update WHERE length(sealed) > 0",
            [],
            |r| r.get(0),
        )?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    pub(crate) fn sync_setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        get_setting(&self.inner().conn, name)
    }

    pub(crate) fn set_sync_setting(&self, name: &str, value: &str) -> Result<(), StoreError> {
        put_setting(&self.inner().conn, name, value)
    }

    /// Keeps status updates as they came (sealed to this device), and moves
    /// the cursor, in one transaction.
    pub(crate) fn store_case_updates(
        &self,
        updates: &[SealedUpdate],
        sealed: &[Vec<u8>],
        next: u64,
    ) -> Result<(), StoreError> {
        let mut inner = self.inner();
        let tx = inner.conn.transaction()?;
        {
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO case_update (seq, case_id, created_at_ms, sealed)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (u, bytes) in updates.iter().zip(sealed) {
                let seq = i64::try_from(u.seq).unwrap_or(i64::MAX);
                ins.execute(params![
                    seq,
                    &u.case_id.as_bytes()[..],
                    u.created_at_ms,
                    bytes
                ])?;
            }
        }
        put_setting(&tx, SETTING_UPDATES_CURSOR, &next.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Where an alert has got to. Reads only what is stored in the clear
    /// (the outbox row, the record's existence, the case id of sealed
    /// updates), so it answers while the vault is locked.
    pub fn alert_progress(&self, id: RecordId) -> Result<AlertProgress, StoreError> {
        let inner = self.inner();
        let key = &id.as_bytes()[..];
        let answered: bool = inner.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM case_update WHERE case_id = ?1)",
            [key],
            |r| r.get(0),
        )?;
        if answered {
            return Ok(AlertProgress::Received);
        }
        let queued: Option<Option<String>> = inner
            .conn
            .query_row(
                concat!(
                    "SELECT rejected_reason FROM outbox WHERE record_id = ?1 AND ",
                    not_yet_held!("outbox")
                ),
                [key],
                |r| r.get(0),
            )
            .optional()?;
        match queued {
            Some(Some(_)) => Ok(AlertProgress::Refused),
            Some(None) => Ok(AlertProgress::Saved),
            None => {
                let sent: bool = inner.conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM record WHERE id = ?1 AND kind = ?2)",
                    params![key, RecordKind::Alert.code()],
                    |r| r.get(0),
                )?;
                if sent {
                    Ok(AlertProgress::Sent)
                } else {
                    Err(StoreError::NotFound)
                }
            }
        }
    }

    /// The status updates the service sent about her cases, oldest first,
    /// opened with the device key. Needs the real vault open (locked:
    /// `Locked`; the decoy vault: none). An update that does not open is
    /// skipped, not fatal.
    pub fn case_updates(&self) -> Result<Vec<StatusUpdate>, StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |_, _| Ok(()))?;
        let Some(secret) = self.device_secret_in(&inner)? else {
            return Ok(Vec::new());
        };
        let device = inner.device.id;
        let mut stmt = inner
            .conn
            // Empty: kept only as a sign (sealed to a key thrown away).
            .prepare_cached(
                "SELECT case_id, sealed FROM case_update WHERE length(sealed) > 0 ORDER BY seq",
            )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (case_id, sealed) = row?;
            let mut aad = device.as_bytes().to_vec();
            aad.extend_from_slice(&case_id);
            let Ok(plain) = open_sealed(&secret, STATUS_UPDATE_CONTEXT, &aad, &sealed) else {
                tracing::warn!("a status update did not open; skipped");
                continue;
            };
            match serde_json::from_slice::<StatusUpdate>(&plain) {
                Ok(u) if u.case_id.as_bytes()[..] == case_id[..] => out.push(u),
                _ => tracing::warn!("a status update is not readable; skipped"),
            }
        }
        Ok(out)
    }

    /// The version of the cached directory (0: none yet).
    pub fn directory_version(&self) -> Result<u64, StoreError> {
        Ok(self
            .sync_setting(SETTING_DIRECTORY_VERSION)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    /// Every listing of the cached directory (the last version whose
    /// signature verified), by id.
    pub fn directory_entries(&self) -> Result<Vec<DirectoryEntry>, StoreError> {
        let inner = self.inner();
        let mut stmt = inner
            .conn
            .prepare_cached("SELECT entry FROM directory_entry ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            let e = serde_json::from_str(&row?)
                .map_err(|_| StoreError::BadSetting("directory_entry"))?;
            out.push(e);
        }
        Ok(out)
    }

    /// Replaces the cache with a verified snapshot, in one transaction.
    pub(crate) fn directory_apply_snapshot(&self, s: &DirectorySnapshot) -> Result<(), StoreError> {
        let mut inner = self.inner();
        let tx = inner.conn.transaction()?;
        index::clear(&tx)?;
        // In deadline order: the rows, hence the index keys, come in
        // ascending order (see `index::ListingWriter`).
        let mut entries: Vec<&DirectoryEntry> = s.entries.iter().collect();
        entries.sort_by_key(|e| index::deadline_day(e));
        let mut writer = ListingWriter::new(&tx);
        put_entries(&mut writer, entries)?;
        writer.finish()?;
        index::optimize(&tx)?;
        put_setting(&tx, SETTING_DIRECTORY_VERSION, &s.version.to_string())?;
        put_setting(
            &tx,
            SETTING_DIRECTORY_PUBLISHED,
            &s.published_at_ms.to_string(),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Applies a verified delta from the cached version, in one transaction.
    ///
    /// Its commit leaves the WAL as it is (no automatic checkpoint, which
    /// would copy it all back with an fsync while the lock is held); the
    /// tidying that follows checkpoints without the lock
    /// ([`Vault::tidy_directory_index`]), and any later commit still does.
    pub(crate) fn directory_apply_delta(&self, d: &DirectoryDelta) -> Result<(), StoreError> {
        let mut inner = self.inner();
        let pages: i64 = inner
            .conn
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))?;
        inner.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let applied = apply_delta_in(&mut inner.conn, d);
        inner
            .conn
            .pragma_update(None, "wal_autocheckpoint", pages)?;
        applied
    }
}

/// [`Vault::directory_apply_delta`]'s transaction.
fn apply_delta_in(conn: &mut Connection, d: &DirectoryDelta) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let current: u64 = get_setting(&tx, SETTING_DIRECTORY_VERSION)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if current != d.from_version {
        // Not ours to apply; the next sync asks again from `current`.
        return Ok(());
    }
    let mut writer = ListingWriter::new(&tx);
    put_entries(&mut writer, &d.upserted)?;
    for id in &d.removed {
        writer.remove(id)?;
    }
    writer.finish()?;
    put_setting(&tx, SETTING_DIRECTORY_VERSION, &d.to_version.to_string())?;
    put_setting(
        &tx,
        SETTING_DIRECTORY_PUBLISHED,
        &d.published_at_ms.to_string(),
    )?;
    tx.commit()?;
    Ok(())
}

fn pending_in(
    conn: &Connection,
    urgency: u8,
    after_rowid: i64,
    limit: usize,
    max_bytes: usize,
    max_item_bytes: usize,
) -> Result<Vec<Pending>, StoreError> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT rowid, record_id, kind, envelope FROM outbox
             WHERE urgency = ?1 AND rowid > ?2 AND rejected_reason IS NULL
               AND (?4 IS NULL OR length(CAST(envelope AS BLOB)) <= ?4) AND ",
        not_yet_held!("outbox"),
        " ORDER BY urgency, rowid LIMIT ?3"
    ))?;
    let limit = i64::try_from(limit.max(1)).unwrap_or(i64::MAX);
    let max_item =
        (max_item_bytes != usize::MAX).then(|| i64::try_from(max_item_bytes).unwrap_or(i64::MAX));
    let mut rows = stmt.query(params![urgency, after_rowid, limit, max_item])?;
    let mut out = Vec::new();
    let mut bytes = 0usize;
    while let Some(row) = rows.next()? {
        let json: String = row.get(3)?;
        if !out.is_empty() && bytes.saturating_add(json.len()) > max_bytes {
            break;
        }
        bytes = bytes.saturating_add(json.len());
        out.push(Pending {
            rowid: row.get(0)?,
            id: id_of(&row.get::<_, Vec<u8>>(1)?)?,
            kind: kind_of(row.get(2)?)?,
            json,
        });
    }
    Ok(out)
}

/// What settling does with the outbox row of an envelope the service holds.
#[derive(Debug, Clone, Copy)]
enum Held {
    /// Marks it sent; [`Vault::outbox_purge_sent`] deletes it later.
    MarkSent,
    /// Deletes it now.
    Delete,
}

/// Settles `held` and `refused` in one transaction.
fn settle_in(
    conn: &mut Connection,
    now: i64,
    held: &[RecordId],
    refused: &[(RecordId, RejectReason)],
    how: Held,
) -> Result<usize, StoreError> {
    let tx = conn.transaction()?;
    let mut n = 0;
    {
        let mut leave = tx.prepare_cached(match how {
            // Only a row still waiting: a resend's answer counts nothing.
            Held::MarkSent => {
                "INSERT OR IGNORE INTO outbox_sent (record_id)
                 SELECT record_id FROM outbox WHERE record_id = ?1"
            }
            Held::Delete => "DELETE FROM outbox WHERE record_id = ?1",
        })?;
        let mut sent = tx.prepare_cached(DELIVERED)?;
        for id in held {
            n += leave.execute([&id.as_bytes()[..]])?;
            sent.execute(params![&id.as_bytes()[..], now])?;
        }
        let mut reject = tx.prepare_cached(concat!(
            "UPDATE outbox SET rejected_reason = ?2, rejected_at_ms = ?3
                 WHERE record_id = ?1 AND rejected_reason IS NULL AND ",
            not_yet_held!("outbox")
        ))?;
        for (id, reason) in refused {
            reject.execute(params![&id.as_bytes()[..], reason_name(*reason), now])?;
        }
    }
    tx.commit()?;
    Ok(n)
}

fn put_entries<'e>(
    writer: &mut ListingWriter<'_>,
    entries: impl IntoIterator<Item = &'e DirectoryEntry>,
) -> Result<(), StoreError> {
    for e in entries {
        let text =
            serde_json::to_string(e).map_err(|_| StoreError::BadSetting("directory_entry"))?;
        writer.put(e, &text)?;
    }
    Ok(())
}
