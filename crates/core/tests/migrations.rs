//! Databases made by earlier schemas open after migrating, with every record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{pin, Fixture};
use kulna_core::{NewRecord, VaultState};
use kulna_model::{Locale, RecordKind};
use std::path::Path;

/// The first schema, as the first release created it.
const SCHEMA_1: &str =
    "CREATE TABLE setting (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;";

#[test]
fn a_first_schema_database_opens_with_every_setting() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = rusqlite::Connection::open(dir.path().join("kulna.sqlite")).unwrap();
        db.execute_batch(SCHEMA_1).unwrap();
        db.execute(
            "INSERT INTO setting (name, value) VALUES ('locale', 'zgh')",
            [],
        )
        .unwrap();
        db.pragma_update(None, "user_version", 1).unwrap();
    }
    let f = Fixture::new();
    let app = f.open(dir.path());
    assert_eq!(app.locale().unwrap(), Locale::Zgh);
    assert_eq!(
        app.schema_version().unwrap(),
        kulna_core::schema::latest_version()
    );
    assert_eq!(app.vault().state().unwrap(), VaultState::NotSetUp);
    app.vault().set_pin(&pin("1234")).unwrap();
    app.vault().seal_alert(None, b"works").unwrap();
}

const FIXTURE_V2: &str = "tests/fixtures/vault-v2.db";
const FIXTURE_RECORDS: usize = 20;

fn fixture_payload(i: usize) -> Vec<u8> {
    format!("fixture record {i}").into_bytes()
}

/// A database made by schema 2 (committed as a file), holding records: it
/// opens after migrating to the current schema, and every record decrypts.
#[test]
fn a_schema_2_database_opens_with_every_record() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_V2);
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&src, dir.path().join("kulna.sqlite")).unwrap();
    let f = Fixture::new();
    let app = f.open(dir.path());
    assert_eq!(app.locale().unwrap(), Locale::Fr);
    let v = app.vault();
    assert_eq!(v.state().unwrap(), VaultState::Locked);
    v.unlock(&pin("1234")).unwrap();
    let records = v.records().unwrap();
    assert_eq!(records.len(), FIXTURE_RECORDS);
    let mut payloads: Vec<Vec<u8>> = records
        .iter()
        .map(|r| r.payload.as_deref().unwrap().to_vec())
        .collect();
    payloads.sort();
    let mut expected: Vec<Vec<u8>> = (0..FIXTURE_RECORDS).map(fixture_payload).collect();
    expected.sort();
    assert_eq!(payloads, expected);
    assert_eq!(v.outbox_next_batch(100).unwrap().len(), FIXTURE_RECORDS - 5);
    assert_eq!(v.item("note").unwrap().unwrap().as_slice(), b"fixture item");
}

/// Migration 3 as it was released (sync: refusals kept in the outbox,
/// status updates, the directory cache). Pinned here: the database below is
/// what a phone that ran schema 3 holds.
const MIGRATION_3: &str = "ALTER TABLE outbox ADD COLUMN rejected_reason TEXT;
    ALTER TABLE outbox ADD COLUMN rejected_at_ms INTEGER;
    CREATE INDEX outbox_pending ON outbox (urgency) WHERE rejected_reason IS NULL;
    CREATE TABLE case_update (
        seq INTEGER PRIMARY KEY NOT NULL,
        case_id BLOB NOT NULL CHECK (length(case_id) = 16),
        created_at_ms INTEGER NOT NULL,
        sealed BLOB NOT NULL
    ) STRICT;
    CREATE TABLE directory_entry (
        id TEXT PRIMARY KEY NOT NULL,
        entry TEXT NOT NULL
    ) STRICT;";

/// A database made by schema 3: the schema-2 fixture moved to schema 3 as
/// release 3 did, then used as schema 3 used it (a device token, a refused
/// item, a status update sealed to the device, a cached directory and the
/// sync cursors). It opens after migrating to the current schema with every
/// record, the refusal with its reason, the status update readable, the
/// token and cursors kept; only the directory cache is dropped, as
/// migration 4 says, so the next sync fetches a signed snapshot.
#[test]
fn a_schema_3_database_opens_with_every_record() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_V2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kulna.sqlite");
    std::fs::copy(&src, &path).unwrap();
    let (refused_id, case_id, sent_before, sent_now) = {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch(MIGRATION_3).unwrap();
        db.pragma_update(None, "user_version", 3).unwrap();
        let (device_text, sealing): (String, Vec<u8>) = db
            .query_row("SELECT device_id, sealing_public FROM device", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        db.execute(
            "UPDATE device SET token = ?1",
            [format!("{device_text}.secret")],
        )
        .unwrap();
        let ids: Vec<Vec<u8>> = db
            .prepare("SELECT record_id FROM outbox ORDER BY rowid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let refused = ids[3].clone();
        db.execute(
            "UPDATE outbox SET rejected_reason = 'bad_signature', rejected_at_ms = 5 WHERE record_id = ?1",
            [&refused],
        )
        .unwrap();
        // Sent under schema 3: the time is in the record's row.
        db.execute("UPDATE record SET sent_at_ms = 11 WHERE id = ?1", [&ids[1]])
            .unwrap();
        db.execute("DELETE FROM outbox WHERE record_id = ?1", [&ids[1]])
            .unwrap();
        let as_id =
            |b: &Vec<u8>| kulna_model::RecordId::from_uuid(uuid::Uuid::from_slice(b).unwrap());
        let (sent_before, sent_now) = (as_id(&ids[1]), as_id(&ids[2]));
        let case = ids[0].clone();
        let device = kulna_model::DeviceId::parse(&device_text).unwrap();
        let case_id = kulna_model::RecordId::from_uuid(uuid::Uuid::from_slice(&case).unwrap());
        let update = kulna_model::api::StatusUpdate {
            case_id,
            status: kulna_model::api::CaseStatus::Acknowledged,
            message: Some("nous sommes avec vous".into()),
            at_ms: 7,
        };
        let mut aad = device.as_bytes().to_vec();
        aad.extend_from_slice(&case);
        let sealed = kulna_crypto::envelope::seal_to(
            &kulna_crypto::SealingPublicKey::from_bytes(&sealing).unwrap(),
            kulna_model::api::STATUS_UPDATE_CONTEXT,
            &aad,
            &serde_json::to_vec(&update).unwrap(),
        )
        .unwrap();
        db.execute(
            "INSERT INTO case_update (seq, case_id, created_at_ms, sealed) VALUES (1, ?1, 7, ?2)",
            rusqlite::params![case, sealed],
        )
        .unwrap();
        db.execute(
            "INSERT INTO directory_entry (id, entry) VALUES ('e1', '{\"id\":\"e1\"}')",
            [],
        )
        .unwrap();
        for (name, value) in [
            ("sync.directory_version", "4"),
            ("sync.updates_cursor", "1"),
            ("sync.last_contact_ms", "1764000000000"),
        ] {
            db.execute(
                "INSERT INTO setting (name, value) VALUES (?1, ?2)",
                [name, value],
            )
            .unwrap();
        }
        let refused_id =
            kulna_model::RecordId::from_uuid(uuid::Uuid::from_slice(&refused).unwrap());
        (refused_id, case_id, sent_before, sent_now)
    };
    let f = Fixture::new();
    let app = f.open(dir.path());
    assert_eq!(
        app.schema_version().unwrap(),
        kulna_core::schema::latest_version()
    );
    let v = app.vault();
    assert!(v.device_token().unwrap().is_some(), "the token was lost");
    // The refused item stays refused, with its reason; the rest still waits.
    let refused = v.outbox_refused().unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].id, refused_id);
    assert_eq!(
        refused[0].reason,
        kulna_model::api::RejectReason::BadSignature
    );
    assert_eq!(
        v.outbox_counts().unwrap().total(),
        FIXTURE_RECORDS as u32 - 5 - 1 - 1
    );
    // Migration 4 drops the cache and its version, so a signed snapshot
    // is fetched again.
    assert_eq!(v.directory_version().unwrap(), 0);
    assert!(v.directory_entries().unwrap().is_empty());
    v.unlock(&pin("1234")).unwrap();
    let records = v.records().unwrap();
    assert_eq!(records.len(), FIXTURE_RECORDS);
    let mut payloads: Vec<Vec<u8>> = records
        .iter()
        .map(|r| r.payload.as_deref().unwrap().to_vec())
        .collect();
    payloads.sort();
    let mut expected: Vec<Vec<u8>> = (0..FIXTURE_RECORDS).map(fixture_payload).collect();
    expected.sort();
    assert_eq!(payloads, expected);
    let updates = v.case_updates().unwrap();
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].case_id, case_id);
    assert_eq!(updates[0].message.as_deref(), Some("nous sommes avec vous"));
    // Schema 5 works on it: a large record is saved and queued.
    let big = vec![7u8; 600 * 1024];
    let id = v
        .save_record(NewRecord {
            kind: RecordKind::Report,
            region: Some(3),
            payload: &big,
        })
        .unwrap();
    assert!(v.record(id).unwrap().queued);
    // Schema 10: the time a record left the outbox is kept apart from it.
    // One sent before keeps the time in its row; one sent now has it in
    // `delivered`, and it goes when the record is deleted.
    assert_eq!(v.record(sent_before).unwrap().sent_at_ms, Some(11));
    assert_eq!(v.record(sent_now).unwrap().sent_at_ms, None);
    assert_eq!(v.outbox_settle(&[sent_now], &[]).unwrap(), 1);
    let sent = v.record(sent_now).unwrap();
    assert!(!sent.queued && sent.sent_at_ms.is_some_and(|t| t > 11));
    drop(app);
    let db = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT COUNT(*) FROM outbox_upload"), 0);
    assert_eq!(count("SELECT COUNT(*) FROM delivered"), 1);
    assert_eq!(
        count("SELECT COUNT(*) FROM record WHERE sent_at_ms IS NOT NULL"),
        1,
        "settling rewrote the record's row"
    );
    // Schema 11: marked sent, its outbox row left for the purge.
    assert_eq!(count("SELECT COUNT(*) FROM outbox_sent"), 1);
    drop(db);
    let app = f.open(dir.path());
    app.vault().unlock(&pin("1234")).unwrap();
    app.vault().delete_record(sent_now).unwrap();
    drop(app);
    let db = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT COUNT(*) FROM delivered"),
        0,
        "the delivery time outlived its record"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM outbox_sent"),
        0,
        "the sent mark outlived its outbox row"
    );
}

/// Writes the schema-2 fixture. Run once, by hand, when schema 2 was current:
/// `cargo test -p kulna-core --test migrations -- --ignored make_v2_fixture`.
#[test]
#[ignore = "writes the committed fixture"]
fn make_v2_fixture() {
    let dir = tempfile::tempdir().unwrap();
    {
        let f = Fixture::new();
        let app = f.open(dir.path());
        assert_eq!(app.schema_version().unwrap(), 2);
        app.set_locale(Locale::Fr).unwrap();
        let v = app.vault();
        v.set_pin(&pin("1234")).unwrap();
        for i in 0..FIXTURE_RECORDS {
            let payload = fixture_payload(i);
            let kind = [
                RecordKind::Alert,
                RecordKind::Report,
                RecordKind::SupportRequest,
            ][i % 3];
            let record = NewRecord {
                kind,
                region: Some(1 + (i % 12) as u8),
                payload: &payload,
            };
            if i < 5 {
                v.save_drafts(&[record]).unwrap();
            } else {
                v.save_record(record).unwrap();
            }
        }
        v.put_item("note", b"fixture item").unwrap();
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_V2);
    std::fs::copy(dir.path().join("kulna.sqlite"), src).unwrap();
}
