//! Records (reports, alerts, support requests, intakes) and the outbox.
//!
//! A record is stored as its kind, time and region, and an opaque payload:
//! the serialized form the UI gives (its fields belong to the UI). The
//! payload is encrypted under the open vault's data key, bound to the
//! `record` table, the `payload` column, the record's id and the schema
//! version; made while locked, it is sealed to the device's own public key
//! instead, and re-encrypted under the data key at the next real unlock.
//!
//! Every record meant for the service is sealed to the service's key
//! (HPKE), signed by the device, and written to the **outbox in the same
//! transaction** as the record: there is never a record without its
//! envelope or the reverse. Alerts are committed with `synchronous = FULL`
//! (fsync before returning); other records with WAL's `NORMAL`, which a
//! crash of the app cannot undo (only a power cut, for the last moments).
//!
//! The outbox hands out envelopes alerts first, then in the order they were
//! written; the sync client marks exactly the ids the service says it holds
//! as delivered, and the ones it refused as rejected (kept, not resent; see
//! `crate::sync`).

use crate::error::StoreError;
use crate::schema::VAULT_SCHEMA;
use crate::vault::{Inner, Session, Vault};
use kulna_crypto::envelope::{open_sealed, seal_to};
use kulna_crypto::vault::FieldAad;
use kulna_crypto::{seal_envelope, DataKey, SealInput, SealingSecretKey};
use kulna_model::{Envelope, OutboxCounts, RecordId, RecordKind};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::fmt;
use uuid::Uuid;
use zeroize::Zeroizing;

/// Context of a payload sealed to the device key while locked.
const LOCAL_CONTEXT: &[u8] = b"kulna-maak/local-record v1";

/// A record as read back from the open vault.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredRecord {
    /// Its UUIDv7.
    pub id: RecordId,
    /// What it is.
    pub kind: RecordKind,
    /// When it was made (device clock, ms since the epoch).
    pub created_at_ms: i64,
    /// The region she gave, if any.
    pub region: Option<u8>,
    /// A draft: kept here, not queued for the service.
    pub draft: bool,
    /// Waiting in the outbox.
    pub queued: bool,
    /// When the service confirmed it holds the record.
    pub sent_at_ms: Option<i64>,
    /// The payload as the UI serialized it; `None` for a record made before
    /// any PIN was set (its only copy is the sealed envelope).
    pub payload: Option<Zeroizing<Vec<u8>>>,
}

impl fmt::Debug for StoredRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredRecord")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("created_at_ms", &self.created_at_ms)
            .field("draft", &self.draft)
            .field("queued", &self.queued)
            .field("payload", &self.payload.as_ref().map(|_| "[redacted]"))
            .finish_non_exhaustive()
    }
}

/// A record to write.
#[derive(Clone, Copy)]
pub struct NewRecord<'a> {
    /// What it is.
    pub kind: RecordKind,
    /// The region (1 to 12) it concerns, if she said.
    pub region: Option<u8>,
    /// The serialized record.
    pub payload: &'a [u8],
}

impl fmt::Debug for NewRecord<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewRecord")
            .field("kind", &self.kind)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

pub(crate) fn record_aad(id: &[u8], schema_version: u32) -> FieldAad<'_> {
    FieldAad {
        table: "record",
        column: "payload",
        row_id: id,
        schema_version,
    }
}

fn kind_of(code: u8) -> Result<RecordKind, StoreError> {
    RecordKind::from_code(code).ok_or(StoreError::BadSetting("record.kind"))
}

fn id_of(bytes: &[u8]) -> Result<RecordId, StoreError> {
    Uuid::from_slice(bytes)
        .map(RecordId::from_uuid)
        .map_err(|_| StoreError::BadSetting("record.id"))
}

fn validate_region(region: Option<u8>) -> Result<(), StoreError> {
    if matches!(region, Some(r) if !(1..=12).contains(&r)) {
        return Err(StoreError::Envelope(kulna_crypto::EnvelopeError::BadRegion));
    }
    Ok(())
}

/// Runs `f` in a transaction committed with `synchronous = FULL` when
/// `durable`, restoring `NORMAL` afterwards whatever happened.
fn in_transaction<T>(
    conn: &mut Connection,
    durable: bool,
    f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    if durable {
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    let result = (|| {
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    })();
    if durable {
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    result
}

fn insert_record(
    tx: &Connection,
    id: &RecordId,
    space: Option<i64>,
    record: &NewRecord<'_>,
    created_at_ms: i64,
    payload: Option<&[u8]>,
    draft: bool,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO record (id, space, kind, region, created_at_ms, schema_version, payload, draft)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            &id.as_bytes()[..],
            space,
            record.kind.code(),
            record.region,
            created_at_ms,
            VAULT_SCHEMA,
            payload,
            draft
        ],
    )?;
    Ok(())
}

fn enqueue(tx: &Connection, space: Option<i64>, envelope: &Envelope) -> Result<(), StoreError> {
    let json = serde_json::to_string(envelope).map_err(|_| StoreError::BadSetting("envelope"))?;
    tx.execute(
        "INSERT INTO outbox (record_id, space, kind, urgency, created_at_ms, envelope)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            &envelope.id.as_bytes()[..],
            space,
            envelope.kind.code(),
            // Alerts first, then oldest first, whatever the kind.
            u8::from(envelope.kind != RecordKind::Alert),
            envelope.created_at_ms,
            json
        ],
    )?;
    Ok(())
}

impl Vault {
    fn seal(
        &self,
        inner: &Inner,
        id: RecordId,
        record: &NewRecord<'_>,
        now: i64,
    ) -> Result<Envelope, StoreError> {
        let service = self.service_key()?;
        Ok(seal_envelope(
            &SealInput {
                id,
                kind: record.kind,
                device_id: inner.device.id,
                created_at_ms: now,
                region: record.region,
                plaintext: record.payload,
            },
            &service,
            &inner.device.signing,
        )?)
    }

    /// Saves a record and queues it for the service, in one transaction.
    /// Works locked (the panic button) and unlocked. Alerts are committed
    /// durably (`synchronous = FULL`) before this returns, and go ahead of
    /// every other caller waiting for the database (see [`Vault`]).
    pub fn save_record(&self, record: NewRecord<'_>) -> Result<RecordId, StoreError> {
        validate_region(record.region)?;
        let id = RecordId::new_v7();
        let now = self.now_ms();
        let durable = record.kind == RecordKind::Alert;
        let mut inner = if durable {
            self.inner_urgent()
        } else {
            self.inner()
        };
        let envelope = self.seal(&inner, id, &record, now)?;
        let session = self.with_session(&mut inner, |_, s| {
            Ok((
                s.slot,
                s.key
                    .encrypt_field(record_aad(id.as_bytes(), VAULT_SCHEMA), record.payload)?,
            ))
        });
        let (space, local) = match session {
            Ok((slot, ct)) => (Some(slot), Some(ct)),
            Err(StoreError::Locked) => {
                let local = inner
                    .device
                    .sealing_public
                    .as_ref()
                    .map(|pk| seal_to(pk, LOCAL_CONTEXT, id.as_bytes(), record.payload))
                    .transpose()?;
                (None, local)
            }
            Err(e) => return Err(e),
        };
        in_transaction(&mut inner.conn, durable, |tx| {
            insert_record(tx, &id, space, &record, now, local.as_deref(), false)?;
            enqueue(tx, space, &envelope)
        })?;
        Ok(id)
    }

    /// The panic button: seals an alert and commits it durably. Works while
    /// the vault is locked.
    pub fn seal_alert(&self, region: Option<u8>, payload: &[u8]) -> Result<RecordId, StoreError> {
        self.save_record(NewRecord {
            kind: RecordKind::Alert,
            region,
            payload,
        })
    }

    /// Saves drafts (kept encrypted here, not queued) in one transaction.
    /// Needs the vault open.
    pub fn save_drafts(&self, records: &[NewRecord<'_>]) -> Result<Vec<RecordId>, StoreError> {
        for r in records {
            validate_region(r.region)?;
        }
        let now = self.now_ms();
        let mut inner = self.inner();
        let (space, rows) = self.with_session(&mut inner, |_, s| {
            let mut rows = Vec::with_capacity(records.len());
            for r in records {
                let id = RecordId::new_v7();
                let ct = s
                    .key
                    .encrypt_field(record_aad(id.as_bytes(), VAULT_SCHEMA), r.payload)?;
                rows.push((id, ct));
            }
            Ok((s.slot, rows))
        })?;
        in_transaction(&mut inner.conn, false, |tx| {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO record (id, space, kind, region, created_at_ms, schema_version, payload, draft)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
            )?;
            for (r, (id, ct)) in records.iter().zip(&rows) {
                stmt.execute(params![
                    &id.as_bytes()[..],
                    space,
                    r.kind.code(),
                    r.region,
                    now,
                    VAULT_SCHEMA,
                    ct
                ])?;
            }
            Ok(())
        })?;
        Ok(rows.into_iter().map(|(id, _)| id).collect())
    }

    /// Replaces a draft's payload (autosave). Needs the vault open.
    pub fn update_draft(&self, id: RecordId, payload: &[u8]) -> Result<(), StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            let ct = s
                .key
                .encrypt_field(record_aad(id.as_bytes(), VAULT_SCHEMA), payload)?;
            let n = conn.execute(
                "UPDATE record SET payload = ?3, schema_version = ?4
                 WHERE id = ?1 AND space = ?2 AND draft = 1",
                params![&id.as_bytes()[..], s.slot, ct, VAULT_SCHEMA],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }

    /// Replaces a draft's payload and region together (autosave of a form
    /// whose region she may change). Needs the vault open.
    pub fn update_draft_in_region(
        &self,
        id: RecordId,
        region: Option<u8>,
        payload: &[u8],
    ) -> Result<(), StoreError> {
        validate_region(region)?;
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            let ct = s
                .key
                .encrypt_field(record_aad(id.as_bytes(), VAULT_SCHEMA), payload)?;
            let n = conn.execute(
                "UPDATE record SET payload = ?3, schema_version = ?4, region = ?5
                 WHERE id = ?1 AND space = ?2 AND draft = 1",
                params![&id.as_bytes()[..], s.slot, ct, VAULT_SCHEMA, region],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }

    /// Sends a draft: seals it and queues it in one transaction.
    pub fn submit_draft(&self, id: RecordId) -> Result<(), StoreError> {
        let record = self.record(id)?;
        if !record.draft {
            return Err(StoreError::NotFound);
        }
        let payload = record.payload.ok_or(StoreError::NotFound)?;
        let new = NewRecord {
            kind: record.kind,
            region: record.region,
            payload: &payload,
        };
        let mut inner = self.inner();
        let envelope = self.seal(&inner, id, &new, record.created_at_ms)?;
        let space = self.with_session(&mut inner, |_, s| Ok(s.slot))?;
        in_transaction(&mut inner.conn, record.kind == RecordKind::Alert, |tx| {
            let n = tx.execute(
                "UPDATE record SET draft = 0 WHERE id = ?1 AND space = ?2 AND draft = 1",
                params![&id.as_bytes()[..], space],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            enqueue(tx, Some(space), &envelope)
        })
    }

    /// One record of the open vault.
    pub fn record(&self, id: RecordId) -> Result<StoredRecord, StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            let mut stmt =
                conn.prepare_cached(&format!("{SELECT_RECORD} WHERE r.id = ?1 AND r.space = ?2"))?;
            let row = stmt
                .query_row(params![&id.as_bytes()[..], s.slot], RawRecord::from_row)
                .optional()?
                .ok_or(StoreError::NotFound)?;
            row.decrypt(&s.key)
        })
    }

    /// Every record of the open vault, oldest first.
    pub fn records(&self) -> Result<Vec<StoredRecord>, StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            let mut stmt = conn.prepare_cached(&format!(
                "{SELECT_RECORD} WHERE r.space = ?1 ORDER BY r.created_at_ms, r.id"
            ))?;
            let rows = stmt.query_map([s.slot], RawRecord::from_row)?;
            let mut out = Vec::new();
            for row in rows {
                out.push(row?.decrypt(&s.key)?);
            }
            Ok(out)
        })
    }

    /// Deletes a record of the open vault, and its envelope if not yet sent.
    pub fn delete_record(&self, id: RecordId) -> Result<(), StoreError> {
        let mut inner = self.inner();
        let space = self.with_session(&mut inner, |_, s| Ok(s.slot))?;
        in_transaction(&mut inner.conn, false, |tx| {
            let n = tx.execute(
                "DELETE FROM record WHERE id = ?1 AND space = ?2",
                params![&id.as_bytes()[..], space],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            tx.execute(
                "DELETE FROM outbox WHERE record_id = ?1",
                [&id.as_bytes()[..]],
            )?;
            Ok(())
        })
    }

    /// The next envelopes to send: alerts first, then oldest first. Works
    /// while locked, and whichever vault is open.
    pub fn outbox_next_batch(&self, limit: usize) -> Result<Vec<Envelope>, StoreError> {
        let inner = self.inner();
        let mut stmt = inner.conn.prepare_cached(
            // Written order (rowid), not the device clock, which may be wrong.
            concat!(
                "SELECT envelope FROM outbox WHERE rejected_reason IS NULL AND ",
                not_yet_held!("outbox"),
                " ORDER BY urgency, rowid LIMIT ?1"
            ),
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map([limit], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            let env: Envelope = serde_json::from_str(&row?)
                .map_err(|_| StoreError::BadSetting("outbox.envelope"))?;
            out.push(env);
        }
        Ok(out)
    }

    /// Marks as delivered exactly the ids the service says it holds: their
    /// envelopes stop waiting (their rows are deleted by
    /// [`Vault::outbox_purge_sent`]) and their records remember when.
    /// Returns how many were waiting. Ids not waiting are ignored (a
    /// resend). The same as [`Vault::outbox_settle`] with nothing refused.
    pub fn outbox_mark_delivered(&self, ids: &[RecordId]) -> Result<usize, StoreError> {
        self.outbox_settle(ids, &[])
    }

    /// What waits to be sent, by kind. Unlocked: what the open vault queued.
    /// Locked: everything.
    pub fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let mut inner = self.inner();
        // A status poll is not activity: it must not keep the vault open.
        let space = match self.check_idle(&mut inner) {
            Ok(()) => inner.session.as_ref().map(|s| s.slot),
            Err(StoreError::Locked) => None,
            Err(e) => return Err(e),
        };
        let mut stmt = inner.conn.prepare_cached(
            // Index entries only (kind, space, record id), never an envelope.
            concat!(
                "SELECT kind, COUNT(*) FROM outbox INDEXED BY outbox_waiting
                 WHERE (?1 IS NULL OR space = ?1) AND rejected_reason IS NULL AND ",
                not_yet_held!("outbox"),
                " GROUP BY kind"
            ),
        )?;
        let rows = stmt.query_map([space], |r| Ok((r.get::<_, u8>(0)?, r.get::<_, u32>(1)?)))?;
        let mut counts = OutboxCounts::default();
        for row in rows {
            let (kind, n) = row?;
            match kind_of(kind)? {
                RecordKind::Alert => counts.alerts += n,
                RecordKind::Report | RecordKind::Intake => counts.reports += n,
                RecordKind::SupportRequest => counts.requests += n,
            }
        }
        Ok(counts)
    }
}

/// Remembers when a record (if it is one of hers) left the outbox; the
/// first time counts (schema 10).
pub(crate) const DELIVERED: &str = "INSERT OR IGNORE INTO delivered (record_id, at_ms)
    SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM record WHERE id = ?1)";

const SELECT_RECORD: &str = concat!(
    "SELECT r.id, r.kind, r.region, r.created_at_ms, r.schema_version,
    r.payload, r.draft,
    COALESCE(r.sent_at_ms, (SELECT d.at_ms FROM delivered d WHERE d.record_id = r.id)),
    EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id AND o.rejected_reason IS NULL AND ",
    not_yet_held!("o"),
    ") FROM record r"
);

struct RawRecord {
    id: Vec<u8>,
    kind: u8,
    region: Option<u8>,
    created_at_ms: i64,
    schema_version: u32,
    payload: Option<Vec<u8>>,
    draft: bool,
    sent_at_ms: Option<i64>,
    queued: bool,
}

impl RawRecord {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: r.get(0)?,
            kind: r.get(1)?,
            region: r.get(2)?,
            created_at_ms: r.get(3)?,
            schema_version: r.get(4)?,
            payload: r.get(5)?,
            draft: r.get(6)?,
            sent_at_ms: r.get(7)?,
            queued: r.get(8)?,
        })
    }

    fn decrypt(self, key: &DataKey) -> Result<StoredRecord, StoreError> {
        let payload = match &self.payload {
            Some(ct) => Some(key.decrypt_field(record_aad(&self.id, self.schema_version), ct)?),
            None => None,
        };
        Ok(StoredRecord {
            id: id_of(&self.id)?,
            kind: kind_of(self.kind)?,
            created_at_ms: self.created_at_ms,
            region: self.region,
            draft: self.draft,
            queued: self.queued,
            sent_at_ms: self.sent_at_ms,
            payload,
        })
    }
}

/// Moves the records made while locked into the open real vault.
pub(crate) fn adopt_orphans(
    conn: &Connection,
    session: &Session,
    secret: &SealingSecretKey,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("SELECT id, payload FROM record WHERE space IS NULL")?;
    let orphans: Vec<(Vec<u8>, Option<Vec<u8>>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    if orphans.is_empty() {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    for (id, sealed) in orphans {
        let ct = match sealed {
            Some(sealed) => {
                // A payload that does not open is kept as it is, not lost.
                let Ok(plain) = open_sealed(secret, LOCAL_CONTEXT, &id, &sealed) else {
                    tracing::warn!("a record made while locked could not be opened");
                    continue;
                };
                Some(
                    session
                        .key
                        .encrypt_field(record_aad(&id, VAULT_SCHEMA), &plain)?,
                )
            }
            None => None,
        };
        tx.execute(
            "UPDATE record SET space = ?2, payload = ?3, schema_version = ?4 WHERE id = ?1",
            params![id, session.slot, ct, VAULT_SCHEMA],
        )?;
        tx.execute(
            "UPDATE outbox SET space = ?2 WHERE record_id = ?1",
            params![id, session.slot],
        )?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::VaultOptions;
    use kulna_crypto::{KdfCost, Pin, SealingSecretKey};
    use std::num::NonZeroU32;

    #[test]
    fn a_full_disk_is_a_typed_error_and_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let service = SealingSecretKey::generate();
        let v = Vault::open(
            dir.path(),
            VaultOptions {
                kdf_cost: KdfCost::insecure_for_tests(NonZeroU32::new(1000).unwrap()),
                service_key: Some(service.public_key().clone()),
                ..Default::default()
            },
        )
        .unwrap();
        v.set_pin(&Pin::new("1234".into()).unwrap()).unwrap();
        {
            let inner = v.inner();
            let pages: i64 = inner
                .conn
                .query_row("PRAGMA page_count", [], |r| r.get(0))
                .unwrap();
            inner
                .conn
                .pragma_update(None, "max_page_count", pages + 8)
                .unwrap();
        }
        let mut saved = Vec::new();
        let err = loop {
            let payload = vec![b'x'; 2048];
            match v.save_record(NewRecord {
                kind: RecordKind::Report,
                region: None,
                payload: &payload,
            }) {
                Ok(id) => saved.push(id),
                Err(e) => break e,
            }
            assert!(saved.len() < 1000, "the limit was never reached");
        };
        assert!(matches!(err, StoreError::DiskFull), "{err:?}");
        assert_eq!(err.kind(), kulna_model::ErrorKind::Storage);
        // An alert on a full disk fails the same way, and nothing is half-written.
        assert!(matches!(
            v.seal_alert(None, &[b'a'; 4096]),
            Err(StoreError::DiskFull)
        ));
        let records = v.records().unwrap();
        assert_eq!(records.len(), saved.len());
        assert_eq!(v.outbox_next_batch(10_000).unwrap().len(), saved.len());
        for r in records {
            assert_eq!(r.payload.unwrap().len(), 2048);
        }
    }
}
