//! The vault on real SQLite files: PIN life cycle, duress, wipe, device
//! identity, records and outbox.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{contains, dir_bytes, pin, Fixture};
use kulna_core::{AppData, DeviceToken, KdfCost, NewRecord, StoreError, VaultState};
use kulna_crypto::envelope::seal_to;
use kulna_crypto::vault::thread_unlock_work;
use kulna_crypto::{open_envelope, verify_envelope};
use kulna_model::{ErrorKind, OutboxCounts, RecordKind, ServiceHealth};
use std::time::{Duration, Instant};

fn report(payload: &[u8]) -> NewRecord<'_> {
    NewRecord {
        kind: RecordKind::Report,
        region: Some(6),
        payload,
    }
}

#[test]
fn pin_set_lock_unlock_change() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    assert_eq!(v.state().unwrap(), VaultState::NotSetUp);
    assert!(matches!(v.unlock(&pin("1234")), Err(StoreError::NotSetUp)));
    v.set_pin(&pin("1234")).unwrap();
    assert!(matches!(
        v.set_pin(&pin("9999")),
        Err(StoreError::AlreadySetUp)
    ));
    assert_eq!(v.state().unwrap(), VaultState::Unlocked);
    let id = v.save_record(report(b"he hit me")).unwrap();
    v.lock();
    assert_eq!(v.state().unwrap(), VaultState::Locked);
    let err = v.records().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Locked);

    let err = v.unlock(&pin("4321")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WrongPin);
    assert!(!format!("{err} {err:?}").contains("4321"));
    v.unlock(&pin("1234")).unwrap();
    let r = v.record(id).unwrap();
    assert_eq!(&r.payload.as_deref().unwrap()[..], b"he hit me");
    assert!(r.queued && !r.draft);

    // Change: re-wrap only; the record written before still opens.
    assert_eq!(
        v.change_pin(&pin("0000"), &pin("5678")).unwrap_err().kind(),
        ErrorKind::WrongPin
    );
    let before = raw_slots(dir.path());
    v.change_pin(&pin("1234"), &pin("5678")).unwrap();
    // The old wrapped key (which the old PIN opens) is left nowhere: not in
    // the database, not in the WAL.
    let files = dir_bytes(dir.path());
    let after = raw_slots(dir.path());
    for old in &before {
        if !after.contains(old) {
            assert!(
                !contains(&files, &old[34..]),
                "old wrapped key still on disk"
            );
        }
    }
    assert_eq!(before.iter().filter(|w| after.contains(w)).count(), 1);
    v.lock();
    assert!(v.unlock(&pin("1234")).is_err());
    v.unlock(&pin("5678")).unwrap();
    assert_eq!(v.records().unwrap().len(), 1);
    // A wrong PIN typed while open closes the vault.
    assert!(v.unlock(&pin("0000")).is_err());
    assert_eq!(v.state().unwrap(), VaultState::Locked);

    // A restart keeps everything and starts locked.
    drop(app);
    let app = f.open(dir.path());
    assert_eq!(app.vault().state().unwrap(), VaultState::Locked);
    app.vault().unlock(&pin("5678")).unwrap();
    assert_eq!(
        &app.vault().record(id).unwrap().payload.unwrap()[..],
        b"he hit me"
    );
}

#[test]
fn production_cost_sets_and_unlocks() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = AppData::open_with(dir.path(), f.options(KdfCost::PRODUCTION)).unwrap();
    let v = app.vault();
    v.set_pin(&pin("2580")).unwrap();
    v.save_record(report(b"x")).unwrap();
    v.lock();
    let t = Instant::now();
    v.unlock(&pin("2580")).unwrap();
    let took = t.elapsed();
    assert_eq!(v.records().unwrap().len(), 1);
    // Both slots share one parameter set: one derivation per unlock.
    let wrapped = raw_slots(dir.path());
    for w in &wrapped {
        assert_eq!(u32::from_be_bytes(w[2..6].try_into().unwrap()), 600_000);
    }
    eprintln!("unlock at production cost took {took:?}");
}

fn raw_db(dir: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(kulna_core::store::DATABASE_FILE)).unwrap()
}

fn raw_slots(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let db = raw_db(dir);
    let mut stmt = db
        .prepare("SELECT wrapped FROM key_slot ORDER BY slot")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn wrong_pins_are_counted_on_disk_with_growing_waits() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    {
        let app = f.open(dir.path());
        app.vault().set_pin(&pin("1234")).unwrap();
        app.vault().lock();
        for i in 1..=4 {
            match app.vault().unlock(&pin("0000")) {
                Err(StoreError::WrongPin {
                    retry_after_secs: 0,
                    attempts_left: None,
                }) => {}
                other => panic!("attempt {i}: {other:?}"),
            }
        }
    }
    // A restart does not reset the count.
    let app = f.open(dir.path());
    let v = app.vault();
    assert_eq!(v.pin_attempts().unwrap().0, 4);
    match v.unlock(&pin("0000")) {
        Err(StoreError::WrongPin {
            retry_after_secs: 30,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    // During the wait even the right PIN is refused, and not checked.
    let err = v.unlock(&pin("1234")).unwrap_err();
    assert!(matches!(
        err,
        StoreError::TooManyAttempts {
            retry_after_secs: 30
        }
    ));
    assert_eq!(err.kind(), ErrorKind::TooManyAttempts);
    drop(app);
    let app = f.open(dir.path());
    let v = app.vault();
    assert!(matches!(
        v.unlock(&pin("1234")),
        Err(StoreError::TooManyAttempts { .. })
    ));
    f.clock.advance_secs(30);
    match v.unlock(&pin("0000")) {
        Err(StoreError::WrongPin {
            retry_after_secs: 60,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    f.clock.advance_secs(59);
    assert!(matches!(
        v.unlock(&pin("1234")),
        Err(StoreError::TooManyAttempts {
            retry_after_secs: 1
        })
    ));
    f.clock.advance_secs(1);
    v.unlock(&pin("1234")).unwrap();
    assert_eq!(v.pin_attempts().unwrap(), (0, Duration::ZERO));
}

#[test]
fn wipe_after_too_many_wrong_pins() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    v.set_wipe_after(Some(3)).unwrap();
    v.save_record(report(b"x")).unwrap();
    v.lock();
    match v.unlock(&pin("1111")) {
        Err(StoreError::WrongPin {
            attempts_left: Some(2),
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    assert!(v.unlock(&pin("1112")).is_err());
    match v.unlock(&pin("1113")) {
        Err(StoreError::WrongPin {
            attempts_left: Some(0),
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(v.state().unwrap(), VaultState::NotSetUp);
    assert!(matches!(v.unlock(&pin("1234")), Err(StoreError::NotSetUp)));
    assert_eq!(v.outbox_counts().unwrap(), OutboxCounts::default());
}

#[test]
fn auto_lock_after_inactivity() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    v.set_auto_lock(Some(Duration::from_secs(60))).unwrap();
    f.clock.advance_secs(59);
    assert!(!v.lock_if_idle().unwrap());
    v.records().unwrap(); // activity
    f.clock.advance_secs(59);
    assert!(!v.lock_if_idle().unwrap());
    f.clock.advance_secs(1);
    assert!(v.lock_if_idle().unwrap());
    assert_eq!(v.state().unwrap(), VaultState::Locked);
    // Already locked: nothing new to report.
    assert!(!v.lock_if_idle().unwrap());
    // Without the shell's timer, the next call still finds it locked.
    v.unlock(&pin("1234")).unwrap();
    f.clock.advance_secs(61);
    assert_eq!(v.records().unwrap_err().kind(), ErrorKind::Locked);
    v.unlock(&pin("1234")).unwrap();
    v.set_auto_lock(None).unwrap();
    f.clock.advance_secs(100_000);
    assert!(!v.lock_if_idle().unwrap());
}

#[test]
fn duress_pin_opens_an_empty_decoy() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    let real = v.save_record(report(b"real report")).unwrap();
    assert!(matches!(
        v.set_duress_pin(&pin("1234"), false),
        Err(StoreError::PinInUse)
    ));
    v.set_duress_pin(&pin("9876"), false).unwrap();
    assert!(v.duress_pin_set().unwrap());
    v.lock();

    v.unlock(&pin("9876")).unwrap();
    assert_eq!(v.state().unwrap(), VaultState::Unlocked);
    assert!(v.records().unwrap().is_empty());
    assert_eq!(v.outbox_counts().unwrap(), OutboxCounts::default());
    assert!(!v.duress_pin_set().unwrap());
    assert_eq!(v.record(real).unwrap_err().kind(), ErrorKind::NotFound);
    // The decoy works like a vault.
    let decoy = v.save_drafts(&[report(b"shopping list")]).unwrap();
    assert_eq!(v.records().unwrap().len(), 1);
    // Changing the PIN to the real one is refused the same way as any clash.
    assert!(matches!(
        v.change_pin(&pin("9876"), &pin("1234")),
        Err(StoreError::PinInUse)
    ));
    v.lock();

    v.unlock(&pin("1234")).unwrap();
    let records = v.records().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].id, real);
    assert_eq!(v.record(decoy[0]).unwrap_err().kind(), ErrorKind::NotFound);
    // Sync is not affected by which vault is open.
    assert_eq!(v.outbox_next_batch(10).unwrap().len(), 1);
}

#[test]
fn duress_pin_can_wipe_the_real_vault() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    v.save_record(report(b"SENTINEL-report")).unwrap();
    v.seal_alert(Some(6), b"help").unwrap();
    v.put_item("staff.session", b"secret-session").unwrap();
    v.set_duress_pin(&pin("9876"), true).unwrap();
    v.lock();
    v.unlock(&pin("9876")).unwrap();
    assert!(v.records().unwrap().is_empty());
    v.lock();
    // The real PIN opens nothing now.
    assert_eq!(
        v.unlock(&pin("1234")).unwrap_err().kind(),
        ErrorKind::WrongPin
    );
    let db = raw_db(dir.path());
    let records: i64 = db
        .query_row("SELECT COUNT(*) FROM record", [], |r| r.get(0))
        .unwrap();
    let items: i64 = db
        .query_row("SELECT COUNT(*) FROM vault_item", [], |r| r.get(0))
        .unwrap();
    assert_eq!((records, items), (0, 0));
    // The alert still goes out: it is sealed to the service and she may need help.
    let batch = v.outbox_next_batch(10).unwrap();
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0].kind, RecordKind::Alert);
    // Two slots remain, so the files still look the same.
    assert_eq!(raw_slots(dir.path()).len(), 2);
}

#[test]
fn real_duress_and_wrong_pins_take_the_same_work_and_time() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let cost = KdfCost::insecure_for_tests(std::num::NonZeroU32::new(100_000).unwrap());
    let app = AppData::open_with(dir.path(), f.options(cost)).unwrap();
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    v.set_duress_pin(&pin("9876"), false).unwrap();

    // The work, counted exactly: one PBKDF2 run and both slots tried, whichever PIN.
    let work = |p: &str| {
        v.lock();
        let before = thread_unlock_work();
        let _ = v.unlock(&pin(p));
        let after = thread_unlock_work();
        (
            after.derivations - before.derivations,
            after.slot_attempts - before.slot_attempts,
        )
    };
    assert_eq!(work("1234"), (1, 2));
    assert_eq!(work("9876"), (1, 2));
    assert_eq!(work("5555"), (1, 2));

    // And the clock agrees. Interleaved, so that other tests running
    // alongside load all three alike; the fastest of several runs is the
    // work itself. The bound is loose: the exact check is the one above.
    let time = |p: &str| {
        v.lock();
        let t = Instant::now();
        let _ = v.unlock(&pin(p));
        t.elapsed()
    };
    let (mut real, mut duress, mut wrong) = (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..9 {
        real = real.min(time("1234"));
        duress = duress.min(time("9876"));
        wrong = wrong.min(time("5555"));
    }
    let (lo, hi) = [real, duress, wrong]
        .iter()
        .fold((Duration::MAX, Duration::ZERO), |(lo, hi), t| {
            (lo.min(*t), hi.max(*t))
        });
    eprintln!("real {real:?} duress {duress:?} wrong {wrong:?}");
    assert!(
        hi.as_secs_f64() < lo.as_secs_f64() * 2.0,
        "real {real:?} duress {duress:?} wrong {wrong:?}"
    );
}

#[test]
fn the_panic_button_works_locked_and_before_any_pin() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    // First run, no PIN yet: the alert still goes out.
    let first = v.seal_alert(None, b"help before pin").unwrap();
    assert_eq!(v.outbox_counts().unwrap().alerts, 1);
    v.set_pin(&pin("1234")).unwrap();
    v.lock();
    let second = v.seal_alert(Some(3), b"help while locked").unwrap();
    let status = app.status(ServiceHealth::Unknown).unwrap();
    assert_eq!(status.outbox.alerts, 2);
    let batch = v.outbox_next_batch(10).unwrap();
    assert_eq!(batch.len(), 2);
    for e in &batch {
        verify_envelope(e, &v.device_verifying_key()).unwrap();
        assert_eq!(e.device_id, v.device_id());
    }
    assert_eq!(
        &*open_envelope(&batch[1], &f.service).unwrap(),
        b"help while locked"
    );
    // The local copy made while locked is readable once she unlocks.
    v.unlock(&pin("1234")).unwrap();
    let r = v.record(second).unwrap();
    assert_eq!(&r.payload.unwrap()[..], b"help while locked");
    let r = v.record(first).unwrap();
    assert!(
        r.payload.is_none(),
        "no device key existed yet: envelope only"
    );
}

#[test]
fn outbox_alerts_first_then_oldest_and_mark_delivered() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    let request = v
        .save_record(NewRecord {
            kind: RecordKind::SupportRequest,
            region: None,
            payload: b"training",
        })
        .unwrap();
    f.clock.advance_secs(1);
    let rep = v.save_record(report(b"r")).unwrap();
    f.clock.advance_secs(1);
    let alert = v.seal_alert(None, b"a").unwrap();
    let order: Vec<_> = v
        .outbox_next_batch(10)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(order, vec![alert, request, rep]);
    assert_eq!(v.outbox_next_batch(1).unwrap()[0].id, alert);
    assert_eq!(
        v.outbox_counts().unwrap(),
        OutboxCounts {
            alerts: 1,
            reports: 1,
            requests: 1
        }
    );
    assert_eq!(v.outbox_mark_delivered(&[alert, request]).unwrap(), 2);
    // A repeated acknowledgement changes nothing.
    assert_eq!(v.outbox_mark_delivered(&[alert]).unwrap(), 0);
    assert_eq!(v.outbox_counts().unwrap().total(), 1);
    let r = v.record(alert).unwrap();
    assert!(!r.queued && r.sent_at_ms.is_some());

    // Drafts wait here until submitted.
    let draft = v.save_drafts(&[report(b"half written")]).unwrap()[0];
    assert_eq!(v.outbox_counts().unwrap().reports, 1);
    v.update_draft(draft, b"fully written").unwrap();
    v.submit_draft(draft).unwrap();
    assert_eq!(v.outbox_counts().unwrap().reports, 2);
    let sent = v.outbox_next_batch(10).unwrap();
    let e = sent.iter().find(|e| e.id == draft).unwrap();
    assert_eq!(&*open_envelope(e, &f.service).unwrap(), b"fully written");
    assert!(v.submit_draft(draft).is_err());
}

/// What the service holds stops waiting at once; its outbox rows stay until
/// the purge, which deletes them and leaves no trace of the envelopes in
/// the database file (`secure_delete`).
#[test]
fn sent_envelopes_stop_waiting_then_the_purge_leaves_no_trace_of_them() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    let ids: Vec<_> = (0..150u8)
        .map(|i| v.save_record(report(&[i; 1024])).unwrap())
        .collect();
    let kept = v.save_record(report(b"still waiting")).unwrap();
    let signatures: Vec<String> = v
        .outbox_next_batch(200)
        .unwrap()
        .into_iter()
        .filter(|e| e.id != kept)
        .map(|e| e.signature)
        .collect();
    assert_eq!(signatures.len(), ids.len());
    let rows = |sql: &str| -> i64 { raw_db(dir.path()).query_row(sql, [], |r| r.get(0)).unwrap() };

    assert_eq!(v.outbox_settle(&ids, &[]).unwrap(), ids.len());
    // Answered twice: nothing more stops waiting.
    assert_eq!(v.outbox_settle(&ids[..10], &[]).unwrap(), 0);
    assert_eq!(v.outbox_counts().unwrap().total(), 1);
    let next: Vec<_> = v
        .outbox_next_batch(200)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(next, vec![kept]);
    let r = v.record(ids[0]).unwrap();
    assert!(!r.queued && r.sent_at_ms.is_some());
    assert_eq!(rows("SELECT COUNT(*) FROM outbox"), 151);
    assert_eq!(rows("SELECT COUNT(*) FROM outbox_sent"), 150);

    assert_eq!(v.outbox_purge_sent(100).unwrap(), 100);
    assert_eq!(v.outbox_purge_sent(100).unwrap(), 50);
    assert_eq!(v.outbox_purge_sent(100).unwrap(), 0);
    assert_eq!(rows("SELECT COUNT(*) FROM outbox"), 1);
    assert_eq!(rows("SELECT COUNT(*) FROM outbox_sent"), 0);
    assert_eq!(v.outbox_counts().unwrap().total(), 1);
    assert!(v.record(ids[0]).unwrap().sent_at_ms.is_some());

    raw_db(dir.path())
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let file = std::fs::read(dir.path().join(kulna_core::store::DATABASE_FILE)).unwrap();
    let found = signatures
        .iter()
        .filter(|s| file.windows(s.len()).any(|w| w == s.as_bytes()))
        .count();
    assert_eq!(found, 0, "{found} deleted envelopes are still in the file");
}

#[test]
fn device_identity_survives_restarts_and_seals_back() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let (id, vk) = {
        let app = f.open(dir.path());
        let v = app.vault();
        assert!(v.device_sealing_key().is_none());
        v.set_device_token(&DeviceToken::new("tok-123".into()))
            .unwrap();
        v.set_pin(&pin("1234")).unwrap();
        (v.device_id(), v.device_verifying_key())
    };
    let app = f.open(dir.path());
    let v = app.vault();
    assert_eq!(v.device_id(), id);
    assert_eq!(v.device_verifying_key(), vk);
    let token = v.device_token().unwrap().unwrap();
    assert_eq!(token.expose(), "tok-123");
    assert_eq!(format!("{token:?}"), "DeviceToken([redacted])");
    // The service seals a case status to the device; only the unlocked vault reads it.
    let pk = v.device_sealing_key().unwrap();
    let sealed = seal_to(&pk, b"case-status", b"case-1", b"referred to police").unwrap();
    assert_eq!(
        v.open_for_device(b"case-status", b"case-1", &sealed)
            .unwrap_err()
            .kind(),
        ErrorKind::Locked
    );
    v.unlock(&pin("1234")).unwrap();
    assert_eq!(
        &*v.open_for_device(b"case-status", b"case-1", &sealed)
            .unwrap(),
        b"referred to police"
    );
}

#[test]
fn wipe_leaves_no_trace_of_a_sentinel() {
    const SENTINEL: &[u8] = b"SENTINEL-f00d-c0ffee-kulna";
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    let token = DeviceToken::new("device-token-abc".into());
    v.set_device_token(&token).unwrap();
    for _ in 0..50 {
        v.save_record(report(SENTINEL)).unwrap();
    }
    v.save_drafts(&[report(SENTINEL)]).unwrap();
    v.seal_alert(Some(1), SENTINEL).unwrap();
    v.put_item("note", SENTINEL).unwrap();
    // Encrypted before the wipe: not in the database, the WAL or anywhere.
    let before = dir_bytes(dir.path());
    assert!(before.len() > 50 * SENTINEL.len());
    assert!(!contains(&before, SENTINEL));
    let old_slots = raw_slots(dir.path());
    let old_device = v.device_id();

    v.wipe().unwrap();
    let after = dir_bytes(dir.path());
    assert!(!contains(&after, SENTINEL));
    assert!(!contains(&after, b"device-token-abc"));
    for slot in &old_slots {
        // The sealed part of each wrapped key (after version, KDF, cost, salt, nonce).
        assert!(!contains(&after, &slot[34..]));
    }
    assert_eq!(v.state().unwrap(), VaultState::NotSetUp);
    assert_ne!(v.device_id(), old_device);
    assert!(v.device_token().unwrap().is_none());
    assert_eq!(v.outbox_counts().unwrap().total(), 0);
    assert_eq!(
        app.status(ServiceHealth::Unknown).unwrap().outbox.total(),
        0
    );
    // And the app starts as new.
    v.set_pin(&pin("4321")).unwrap();
    assert!(v.records().unwrap().is_empty());
}

#[test]
fn tampered_rows_are_errors_not_panics() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    v.set_pin(&pin("1234")).unwrap();
    let a = v.save_record(report(b"first")).unwrap();
    let b = v.save_record(report(b"second")).unwrap();
    let db = raw_db(dir.path());
    // Move b's ciphertext into a's row: bound to its row id, it fails.
    db.execute(
        "UPDATE record SET payload = (SELECT payload FROM record WHERE id = ?2) WHERE id = ?1",
        [&a.as_bytes()[..], &b.as_bytes()[..]],
    )
    .unwrap();
    let err = v.record(a).unwrap_err();
    assert!(matches!(err, StoreError::Damaged), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Storage);
    assert_eq!(&v.record(b).unwrap().payload.unwrap()[..], b"second");
    // Truncated, and a flipped bit.
    db.execute(
        "UPDATE record SET payload = substr(payload, 1, 20) WHERE id = ?1",
        [&b.as_bytes()[..]],
    )
    .unwrap();
    assert!(matches!(v.record(b), Err(StoreError::Damaged)));
    assert!(matches!(v.records(), Err(StoreError::Damaged)));
    // A damaged wrapped key is a wrong PIN, not a panic.
    db.execute("UPDATE key_slot SET wrapped = x'00'", [])
        .unwrap();
    v.lock();
    assert!(v.unlock(&pin("1234")).is_err());
}

#[test]
fn raising_the_kdf_cost_rewraps_at_the_next_unlock() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    {
        let app = f.open(dir.path());
        app.vault().set_pin(&pin("1234")).unwrap();
        app.vault().save_record(report(b"kept")).unwrap();
    }
    let iters = |d: &std::path::Path| -> Vec<u32> {
        raw_slots(d)
            .iter()
            .map(|w| u32::from_be_bytes(w[2..6].try_into().unwrap()))
            .collect()
    };
    assert_eq!(iters(dir.path()), vec![1_000, 1_000]);
    let higher = KdfCost::insecure_for_tests(std::num::NonZeroU32::new(3_000).unwrap());
    let app = AppData::open_with(dir.path(), f.options(higher)).unwrap();
    app.vault().unlock(&pin("1234")).unwrap();
    // Both slots (the real one and the unused decoy) now use the new cost.
    assert_eq!(iters(dir.path()), vec![3_000, 3_000]);
    app.vault().lock();
    app.vault().unlock(&pin("1234")).unwrap();
    assert_eq!(
        &app.vault().records().unwrap()[0]
            .payload
            .as_deref()
            .unwrap()[..],
        b"kept"
    );
}

#[test]
fn bad_input_gives_typed_errors() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let app = f.open(dir.path());
    let v = app.vault();
    assert_eq!(
        kulna_core::Pin::new("12".into()).unwrap_err().to_string(),
        "PIN is too short"
    );
    v.set_pin(&pin("1234")).unwrap();
    let bad = v.save_record(NewRecord {
        kind: RecordKind::Report,
        region: Some(13),
        payload: b"x",
    });
    assert_eq!(bad.unwrap_err().kind(), ErrorKind::InvalidInput);
    // Without the service key, records cannot be sealed; drafts still save.
    let dir2 = tempfile::tempdir().unwrap();
    let bare = AppData::open_with(
        dir2.path(),
        kulna_core::VaultOptions {
            kdf_cost: common::cheap(),
            ..Default::default()
        },
    )
    .unwrap();
    bare.vault().set_pin(&pin("1234")).unwrap();
    assert!(matches!(
        bare.vault().seal_alert(None, b"x"),
        Err(StoreError::NoServiceKey)
    ));
    bare.vault().save_drafts(&[report(b"x")]).unwrap();
    bare.vault()
        .set_service_key(f.service.public_key().clone())
        .unwrap();
    bare.vault().seal_alert(None, b"x").unwrap();
    // Remembered across a restart (and a wipe): the panic button works offline.
    drop(bare);
    let bare = AppData::open(dir2.path()).unwrap();
    bare.vault().seal_alert(None, b"y").unwrap();
    bare.vault().wipe().unwrap();
    drop(bare);
    let bare = AppData::open(dir2.path()).unwrap();
    bare.vault().seal_alert(None, b"z").unwrap();
}

#[test]
fn a_newer_or_damaged_database_is_refused_and_left_untouched() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    {
        let app = f.open(dir.path());
        app.vault().set_pin(&pin("1234")).unwrap();
        app.vault().save_record(report(b"kept")).unwrap();
    }
    raw_db(dir.path())
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(dir.path().join("kulna.sqlite")).unwrap();
    let err = AppData::open_with(dir.path(), f.options(common::cheap())).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Storage);
    assert_eq!(
        std::fs::read(dir.path().join("kulna.sqlite")).unwrap(),
        before
    );

    // Truncated to half: an error, never a panic, and the file is not replaced.
    let dir = tempfile::tempdir().unwrap();
    {
        let app = f.open(dir.path());
        app.vault().set_pin(&pin("1234")).unwrap();
        for _ in 0..200 {
            app.vault().save_record(report(&[7u8; 1024])).unwrap();
        }
    }
    let path = dir.path().join("kulna.sqlite");
    let full = std::fs::read(&path).unwrap();
    std::fs::write(&path, &full[..full.len() / 2]).unwrap();
    match AppData::open_with(dir.path(), f.options(common::cheap())) {
        Err(e) => assert_eq!(e.kind(), ErrorKind::Storage),
        Ok(app) => {
            // SQLite opens lazily; the damage shows on first use.
            let _ = app.vault().unlock(&pin("1234"));
            let r = app.vault().records();
            assert!(r.is_err() || r.unwrap().len() < 200);
        }
    }
    assert_eq!(std::fs::read(&path).unwrap().len(), full.len() / 2);
}
