//! What the sync client tells the UI: what waits, when the service was last
//! reached, and the one problem standing in the way, as a stable code the UI
//! turns into words in her language.

use crate::api::RejectReason;
use crate::{OutboxCounts, RecordId, RecordKind};
use serde::{Deserialize, Serialize};

/// The sync client's state, pushed to the UI whenever it changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// Records waiting to be sent, by kind.
    pub waiting: OutboxCounts,
    /// Records the service refused; they stay on the device, listed with
    /// their reason, and are not sent again.
    pub refused: u32,
    /// Status updates about her cases held on the device, readable now (0
    /// while locked, and in the decoy vault). When it grows, the UI reads
    /// them again.
    pub status_updates: u32,
    /// When the service last answered, milliseconds since the epoch (device
    /// clock); `None` before the first answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_contact_ms: Option<i64>,
    /// A sync is running now.
    pub syncing: bool,
    /// What stands in the way, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<SyncProblem>,
    /// When a problem is being retried: seconds until the next try.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_in_secs: Option<u32>,
    /// A large record (a voice note, a photo) going to the service in
    /// chunks: how far it got. It counts in `waiting` until the service
    /// holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload: Option<UploadProgress>,
    /// The first download of the directory, while it comes (it can be a
    /// few megabytes on a slow link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directory: Option<DirectoryDownload>,
}

/// How far the first download of the directory got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryDownload {
    /// Bytes received so far.
    pub received_bytes: u64,
    /// Bytes in all, when the service said (`None`: not known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_bytes: Option<u64>,
    /// Everything arrived; the phone is checking the signature and
    /// putting the listings in its search index.
    #[serde(default)]
    pub saving: bool,
}

impl DirectoryDownload {
    /// Percentage received, when the total is known (0–100).
    #[must_use]
    pub fn percent(&self) -> Option<u8> {
        let total = self.total_bytes.filter(|t| *t > 0)?;
        let p = self.received_bytes.saturating_mul(100) / total;
        Some(u8::try_from(p.min(100)).unwrap_or(100))
    }
}

/// How far the upload of one large record got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadProgress {
    /// The record.
    pub id: RecordId,
    /// What it is.
    pub kind: RecordKind,
    /// Bytes the service confirmed it holds.
    pub sent_bytes: u64,
    /// Bytes in all.
    pub total_bytes: u64,
}

/// Why records are not reaching the service. Each code is one sentence in
/// the UI; the codes never change meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum SyncProblem {
    /// No service address is configured in this build or device.
    NotConfigured,
    /// The network cannot be reached (no connection, no DNS, a portal).
    NoConnection,
    /// The network works but the service did not answer properly (down,
    /// restarting, overloaded, a timeout). Retried by itself.
    ServiceUnreachable,
    /// The service asked to slow down. Retried by itself.
    ServiceBusy,
    /// The service refused one record; it stays on the device and the rest
    /// goes on.
    ItemRefused {
        /// The refused record.
        id: RecordId,
        /// What it is.
        kind: RecordKind,
        /// Why.
        reason: RejectReason,
    },
    /// The service presents another key than the one this device trusts:
    /// nothing is sent until someone checks (it may not be the real service).
    ServiceKeyChanged,
    /// The service refuses this device (its id is registered with other
    /// keys). Needs help from support.
    DeviceRefused,
    /// A directory update did not carry the service's signature: it was
    /// thrown away and the directory she has is kept.
    DirectoryRefused,
    /// The service does not speak this app's protocol (an old or a wrong
    /// address).
    Incompatible,
    /// Local storage failed (disk full, damaged database).
    Storage,
}

impl SyncProblem {
    /// Whether the client keeps retrying by itself.
    pub const fn retries_by_itself(&self) -> bool {
        matches!(
            self,
            Self::NoConnection | Self::ServiceUnreachable | Self::ServiceBusy | Self::Storage
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn directory_download_percent() {
        let at = |received_bytes, total_bytes| DirectoryDownload {
            received_bytes,
            total_bytes,
            saving: false,
        };
        assert_eq!(at(0, Some(4_000)).percent(), Some(0));
        assert_eq!(at(1_000, Some(4_000)).percent(), Some(25));
        assert_eq!(at(4_000, Some(4_000)).percent(), Some(100));
        // A service that sent more than it announced: never above 100.
        assert_eq!(at(9_000, Some(4_000)).percent(), Some(100));
        assert_eq!(at(u64::MAX, Some(3)).percent(), Some(100));
        assert_eq!(at(1_000, None).percent(), None);
        assert_eq!(at(1_000, Some(0)).percent(), None);
    }

    #[test]
    fn json_shape_is_pinned() {
        let idle = SyncState::default();
        assert_eq!(
            serde_json::to_string(&idle).unwrap(),
            r#"{"waiting":{"alerts":0,"reports":0,"requests":0},"refused":0,"status_updates":0,"syncing":false}"#
        );
        let s = SyncState {
            waiting: OutboxCounts {
                alerts: 1,
                reports: 20,
                requests: 3,
            },
            refused: 1,
            status_updates: 2,
            last_contact_ms: Some(1_764_000_000_000),
            syncing: true,
            problem: Some(SyncProblem::ServiceUnreachable),
            retry_in_secs: Some(8),
            upload: Some(UploadProgress {
                id: RecordId::parse("01890a5d-ac96-774b-bcce-b302099a8057").unwrap(),
                kind: RecordKind::Report,
                sent_bytes: 65_536,
                total_bytes: 3_145_728,
            }),
            directory: Some(DirectoryDownload {
                received_bytes: 1_000,
                total_bytes: Some(4_000),
                saving: false,
            }),
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"waiting":{"alerts":1,"reports":20,"requests":3},"refused":1,"status_updates":2,"last_contact_ms":1764000000000,"syncing":true,"problem":{"code":"service_unreachable"},"retry_in_secs":8,"upload":{"id":"01890a5d-ac96-774b-bcce-b302099a8057","kind":"report","sent_bytes":65536,"total_bytes":3145728},"directory":{"received_bytes":1000,"total_bytes":4000,"saving":false}}"#
        );
        let refused = SyncProblem::ItemRefused {
            id: RecordId::parse("01890a5d-ac96-774b-bcce-b302099a8057").unwrap(),
            kind: RecordKind::Report,
            reason: RejectReason::TooLarge,
        };
        assert_eq!(
            serde_json::to_string(&refused).unwrap(),
            r#"{"code":"item_refused","id":"01890a5d-ac96-774b-bcce-b302099a8057","kind":"report","reason":"too_large"}"#
        );
        for (p, code) in [
            (SyncProblem::NotConfigured, "not_configured"),
            (SyncProblem::NoConnection, "no_connection"),
            (SyncProblem::ServiceBusy, "service_busy"),
            (SyncProblem::ServiceKeyChanged, "service_key_changed"),
            (SyncProblem::DeviceRefused, "device_refused"),
            (SyncProblem::DirectoryRefused, "directory_refused"),
            (SyncProblem::Incompatible, "incompatible"),
            (SyncProblem::Storage, "storage"),
        ] {
            let text = serde_json::to_string(&p).unwrap();
            assert_eq!(text, format!(r#"{{"code":"{code}"}}"#));
            assert_eq!(serde_json::from_str::<SyncProblem>(&text).unwrap(), p);
        }
        let back: SyncState = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        assert!(SyncProblem::NoConnection.retries_by_itself());
        assert!(!SyncProblem::ServiceKeyChanged.retries_by_itself());
    }
}
