//! Envelope signature checks at ingest: a batch of 100 envelopes of 1 KiB
//! from one device, checked one by one ([`verify_envelope`], the baseline,
//! measured in the same run) and all at once ([`verify_envelopes`]), plus a
//! batch with one bad signature (the batch fails, then every envelope is
//! checked on its own: the worst case).
//!
//! Run: `cargo bench -p kulna-crypto --bench verify`
//!
//! [`verify_envelope`]: kulna_crypto::verify_envelope
//! [`verify_envelopes`]: kulna_crypto::verify_envelopes
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use criterion::{Criterion, Throughput};
use kulna_crypto::{
    seal_envelope, verify_envelope, verify_envelopes, DeviceSigningKey, SealInput, SealingSecretKey,
};
use kulna_model::{DeviceId, Envelope, RecordId, RecordKind};
use std::hint::black_box;
use std::time::Duration;

const BATCH: usize = 100;

fn main() {
    let service = SealingSecretKey::generate();
    let device = DeviceSigningKey::generate().unwrap();
    let device_id = DeviceId::new_random();
    let payload = vec![b'x'; 1024];
    let envelopes: Vec<Envelope> = (0..BATCH)
        .map(|_| {
            seal_envelope(
                &SealInput {
                    id: RecordId::new_v7(),
                    kind: RecordKind::Report,
                    device_id,
                    created_at_ms: 1_764_000_000_000,
                    region: Some(6),
                    plaintext: &payload,
                },
                service.public_key(),
                &device,
            )
            .unwrap()
        })
        .collect();
    let key = device.verifying_key();
    let refs: Vec<&Envelope> = envelopes.iter().collect();
    let mut spoiled = envelopes.clone();
    spoiled[BATCH / 2].created_at_ms += 1;
    let spoiled_refs: Vec<&Envelope> = spoiled.iter().collect();

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let mut g = c.benchmark_group("verify 100 envelopes of 1 KiB");
    g.throughput(Throughput::Elements(BATCH as u64));
    g.bench_function("one by one (baseline)", |b| {
        b.iter(|| {
            for e in &refs {
                black_box(verify_envelope(e, &key)).unwrap();
            }
        })
    });
    g.bench_function("batch", |b| {
        b.iter(|| {
            let r = verify_envelopes(black_box(&refs), &key);
            assert!(r.iter().all(Result::is_ok));
        })
    });
    g.bench_function("batch with one bad signature", |b| {
        b.iter(|| {
            let r = verify_envelopes(black_box(&spoiled_refs), &key);
            assert_eq!(r.iter().filter(|r| r.is_err()).count(), 1);
        })
    });
    g.finish();
    c.final_summary();
}
