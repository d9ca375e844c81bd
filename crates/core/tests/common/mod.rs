//! Helpers shared by the vault tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use kulna_core::{AppData, Clock, KdfCost, Pin, VaultOptions};
use kulna_crypto::SealingSecretKey;
use std::num::NonZeroU32;
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A clock the test moves by hand.
#[derive(Debug, Default)]
pub struct TestClock(AtomicI64);

impl TestClock {
    pub fn new() -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(1_764_000_000_000)))
    }
    pub fn advance_secs(&self, secs: i64) {
        self.0.fetch_add(secs * 1000, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// A cheap PIN cost: these tests are about behaviour, not brute-force cost.
pub fn cheap() -> KdfCost {
    KdfCost::insecure_for_tests(NonZeroU32::new(1_000).unwrap())
}

pub struct Fixture {
    pub service: SealingSecretKey,
    pub clock: Arc<TestClock>,
}

impl Fixture {
    pub fn new() -> Self {
        Self {
            service: SealingSecretKey::generate(),
            clock: TestClock::new(),
        }
    }

    pub fn options(&self, cost: KdfCost) -> VaultOptions {
        VaultOptions {
            kdf_cost: cost,
            service_key: Some(self.service.public_key().clone()),
            clock: self.clock.clone(),
        }
    }

    pub fn open(&self, dir: &Path) -> AppData {
        AppData::open_with(dir, self.options(cheap())).unwrap()
    }
}

pub fn pin(text: &str) -> Pin {
    Pin::new(text.to_owned()).unwrap()
}

/// Every byte of every file under `dir`.
pub fn dir_bytes(dir: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(dir_bytes(&path));
        } else {
            out.extend(std::fs::read(&path).unwrap());
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
