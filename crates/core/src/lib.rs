//! The app's storage and sync, as a plain library: no Tauri, no UI.
//!
//! [`AppData`] is the app data directory: one SQLite database for settings
//! that are not secret (the chosen language) and the [`Vault`]: records
//! encrypted under her PIN, the outbox of envelopes sealed to the service,
//! the device identity, and wipe. The Tauri shell holds one `AppData` and
//! calls into it (off the async runtime: every call is blocking).
//!
//! * [`vault`]: key slots, PIN life cycle, duress PIN, auto-lock, wipe.
//! * [`records`]: records and the outbox.
//! * [`device`]: the device id, signing key, sealing key and token.
//! * [`directory`]: the cached directory's search (no PIN needed).
//! * [`sync`]: the sync client ([`SyncEngine`]): outbox to the service,
//!   exactly once, alerts first; statuses and the directory back.
//! * [`staff`]: the staff side ([`Staff`]): sign-in, the session kept in
//!   the vault, the queue (live), cases and their actions.
//! * [`schema`]: the migrations.
//! * [`error`]: [`StoreError`], mapped onto `kulna_model::ErrorKind`.

#![warn(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

/// The condition every query of what waits to be sent adds: the service
/// does not hold the row's record yet (a held one is marked in
/// `outbox_sent` and its row deleted after the pass; schema 11). `$outbox`
/// names the outbox table or its alias. One fragment, so that no new query
/// of the outbox can forget it.
macro_rules! not_yet_held {
    ($outbox:literal) => {
        concat!(
            "NOT EXISTS (SELECT 1 FROM outbox_sent s WHERE s.record_id = ",
            $outbox,
            ".record_id)"
        )
    };
}

pub mod contacts;
pub mod device;
pub mod directory;
pub mod error;
pub mod links;
pub mod records;
pub mod schema;
pub mod service;
pub mod staff;
pub mod store;
pub mod sync;
pub mod vault;
pub mod voice;

pub use device::DeviceToken;
pub use directory::{DirectoryError, DirectoryUpdate};
pub use error::StoreError;
pub use kulna_crypto::{KdfCost, Pin, SealingPublicKey};
pub use records::{NewRecord, StoredRecord};
pub use service::{check_health, ServiceUrl, ServiceUrlError};
pub use staff::{Staff, StaffError};
pub use store::AppData;
pub use sync::{RefusedItem, SyncEngine, SyncError, SyncOptions};
pub use vault::{Clock, SystemClock, Vault, VaultOptions, VaultState};
