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
