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

/// How large the app's text is drawn (her choice in the settings).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// The platform's size.
    #[default]
    Normal,
    /// About a quarter larger.
    Large,
    /// About half again as large.
    Larger,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [Self; 3] = [Self::Normal, Self::Large, Self::Larger];

    /// The stable code stored in settings and used in the UI.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Normal => "normal",
            Self::Large => "large",
            Self::Larger => "larger",
        }
    }

    /// The size a code names, if any.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Where an alert she raised has got to, as the panic screen tells her.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertProgress {
    /// Sealed and saved on this phone; waiting for a connection.
    Saved,
    /// The service holds it.
    Sent,
    /// A listener acted on it (an answer about it came back).
    Received,
    /// The service refused it (it is kept; she should call instead).
    Refused,
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
    /// Whether she has been through (or skipped) the first-run screens.
    pub first_run_done: bool,
    /// Her region (1–12, as in `regions.json`), if she chose one: the place
    /// an alert carries when the platform gives no location.
    pub region: Option<u8>,
    /// How large the text is drawn.
    pub text_size: TextSize,
    /// Minutes without use after which the vault locks itself (`None`:
    /// never).
    pub auto_lock_minutes: Option<u32>,
    /// The service address in use, if any (shown in Settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_url: Option<String>,
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
            first_run_done: true,
            region: Some(6),
            text_size: TextSize::Large,
            auto_lock_minutes: Some(5),
            service_url: None,
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"version":"0.1.0","locale":"fr","storage_ready":true,"schema_version":1,"outbox":{"alerts":1,"reports":2,"requests":0},"service":"reachable","lock":"locked","disguise":false,"first_run_done":true,"region":6,"text_size":"large","auto_lock_minutes":5}"#
        );
        assert_eq!(s.outbox.total(), 3);
    }

    #[test]
    fn text_sizes_round_trip_and_alert_progress_is_pinned() {
        for size in TextSize::ALL {
            assert_eq!(TextSize::parse(size.code()), Some(size));
        }
        assert_eq!(TextSize::parse("huge"), None);
        assert_eq!(
            serde_json::to_string(&AlertProgress::Received).unwrap(),
            r#""received""#
        );
    }
}
