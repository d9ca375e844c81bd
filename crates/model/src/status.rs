//! What the home screen shows about the app itself.

use crate::Locale;
use serde::{Deserialize, Serialize};

/// How many records wait in the outbox, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxCounts {
    /// Alerts not yet acknowledged by the service.
    pub alerts: u32,
    /// Reports waiting to be sent.
    pub reports: u32,
    /// Support requests waiting to be sent.
    pub requests: u32,
}

impl OutboxCounts {
    /// Everything waiting.
    pub const fn total(&self) -> u32 {
        self.alerts + self.reports + self.requests
    }
}

/// What the app last learned about the central service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceHealth {
    /// No service address is configured.
    NotConfigured,
    /// Not contacted yet in this run.
    Unknown,
    /// The last request succeeded.
    Reachable,
    /// The last request failed.
    Unreachable,
}

/// Whether her vault is set up and open. The panic button works in every state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockState {
    /// No PIN chosen yet (first run, or after a wipe).
    NotSetUp,
    /// A PIN is set and the vault is closed.
    Locked,
    /// Open.
    Unlocked,
}

/// The state of the app, for the home screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppStatus {
    /// The app's version.
    pub version: String,
    /// The language she chose.
    pub locale: Locale,
    /// Whether local storage is open and at the current schema.
    pub storage_ready: bool,
    /// The schema version of local storage.
    pub schema_version: u32,
    /// What waits to be sent.
    pub outbox: OutboxCounts,
    /// What the app knows of the service.
    pub service: ServiceHealth,
    /// Whether her vault is set up and open.
    pub lock: LockState,
    /// Whether the app opens disguised as a calculator.
    pub disguise: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned() {
        let s = AppStatus {
            version: "0.1.0".into(),
            locale: Locale::Fr,
            storage_ready: true,
            schema_version: 1,
            outbox: OutboxCounts {
                alerts: 1,
                reports: 2,
                requests: 0,
            },
            service: ServiceHealth::Reachable,
            lock: LockState::Locked,
            disguise: false,
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"version":"0.1.0","locale":"fr","storage_ready":true,"schema_version":1,"outbox":{"alerts":1,"reports":2,"requests":0},"service":"reachable","lock":"locked","disguise":false}"#
        );
        assert_eq!(s.outbox.total(), 3);
    }
}
