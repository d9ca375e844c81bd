//! Property tests: whatever she writes comes back as written, through the
//! vault and through the envelope; a damaged row is an error, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{pin, Fixture};
use kulna_core::{NewRecord, StoreError};
use kulna_crypto::open_envelope;
use kulna_model::RecordKind;
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = RecordKind> {
    prop::sample::select(RecordKind::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn records_round_trip_locked_and_unlocked(
        payload in proptest::collection::vec(any::<u8>(), 0..4096),
        kind in kind(),
        region in proptest::option::of(1u8..=12),
        locked in any::<bool>(),
    ) {
        let f = Fixture::new();
        let dir = tempfile::tempdir().unwrap();
        let app = f.open(dir.path());
        let v = app.vault();
        v.set_pin(&pin("1234")).unwrap();
        if locked {
            v.lock();
        }
        let id = v.save_record(NewRecord { kind, region, payload: &payload }).unwrap();
        let batch = v.outbox_next_batch(1).unwrap();
        prop_assert_eq!(batch[0].id, id);
        prop_assert_eq!(batch[0].region, region);
        prop_assert_eq!(&*open_envelope(&batch[0], &f.service).unwrap(), &payload[..]);
        if locked {
            v.unlock(&pin("1234")).unwrap();
        }
        let r = v.record(id).unwrap();
        prop_assert_eq!(r.kind, kind);
        prop_assert_eq!(r.region, region);
        prop_assert_eq!(&r.payload.unwrap()[..], &payload[..]);
        // Items too.
        v.put_item("k", &payload).unwrap();
        prop_assert_eq!(&v.item("k").unwrap().unwrap()[..], &payload[..]);
    }

    #[test]
    fn a_damaged_stored_payload_is_an_error(
        payload in proptest::collection::vec(any::<u8>(), 0..512),
        byte in any::<prop::sample::Index>(),
        bit in 0u8..8,
        cut in any::<bool>(),
    ) {
        let f = Fixture::new();
        let dir = tempfile::tempdir().unwrap();
        let app = f.open(dir.path());
        let v = app.vault();
        v.set_pin(&pin("1234")).unwrap();
        let id = v.save_drafts(&[NewRecord { kind: RecordKind::Report, region: None, payload: &payload }]).unwrap()[0];
        let db = rusqlite::Connection::open(dir.path().join("kulna.sqlite")).unwrap();
        let mut ct: Vec<u8> = db.query_row("SELECT payload FROM record", [], |r| r.get(0)).unwrap();
        let i = byte.index(ct.len());
        if cut {
            ct.truncate(i);
        } else {
            ct[i] ^= 1 << bit;
        }
        db.execute("UPDATE record SET payload = ?1", [&ct]).unwrap();
        prop_assert!(matches!(v.record(id), Err(StoreError::Damaged)));
    }
}
