//! The sealed envelope: how a record travels from a device to the service.
//!
//! # Format, version 1
//!
//! A device seals every report, alert, support request and intake to the
//! central service's public key with HPKE (RFC 9180, base mode,
//! DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM). Sealing needs no
//! vault key, so an alert can be sealed while the app is locked.
//!
//! The header fields travel in the clear (inside TLS) and are bound twice:
//!
//! * as HPKE **associated data**, so a ciphertext moved under another header
//!   fails to open;
//! * under the device's **Ed25519 signature**, so the service knows which
//!   registered device sent it (HPKE base mode alone says nothing of the
//!   sender).
//!
//! The associated data is a fixed binary layout, never JSON, so that both
//! sides compute the same bytes (see `kulna_crypto::envelope::header_bytes`):
//!
//! ```text
//! "kulna-maak/envelope" | version u8 | kind u8 | record id [16] |
//! device id [16] | created_at_ms i64 BE | region u8 (0 = none) |
//! key_id length u8 | key_id bytes
//! ```
//!
//! The signature covers `"kulna-maak/envelope-sig" | header bytes | enc | ciphertext`.
//! Binary fields are base64 (standard alphabet, padded) in JSON.

use crate::{DeviceId, RecordId};
use serde::{Deserialize, Serialize};

/// The envelope format this build writes and reads.
pub const ENVELOPE_VERSION: u8 = 1;

/// What a record is. The service's queue orders by this: alerts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// The panic button: she is in danger now.
    Alert,
    /// A report of violence.
    Report,
    /// A request for help with work, training or a business.
    SupportRequest,
    /// A report or request taken by a field worker with a woman at a center.
    Intake,
}

impl RecordKind {
    /// Every kind, in queue order.
    pub const ALL: [RecordKind; 4] = [
        Self::Alert,
        Self::Report,
        Self::Intake,
        Self::SupportRequest,
    ];

    /// The byte bound into an envelope's associated data. Never renumber.
    pub const fn code(self) -> u8 {
        match self {
            Self::Alert => 1,
            Self::Report => 2,
            Self::SupportRequest => 3,
            Self::Intake => 4,
        }
    }

    /// The kind for a code, if any.
    pub const fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::Alert),
            2 => Some(Self::Report),
            3 => Some(Self::SupportRequest),
            4 => Some(Self::Intake),
            _ => None,
        }
    }

    /// Lower is more urgent: alerts 0, reports and intakes 1, requests 2.
    pub const fn urgency_rank(self) -> u8 {
        match self {
            Self::Alert => 0,
            Self::Report | Self::Intake => 1,
            Self::SupportRequest => 2,
        }
    }

    /// The snake_case name used in JSON and in storage.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Alert => "alert",
            Self::Report => "report",
            Self::SupportRequest => "support_request",
            Self::Intake => "intake",
        }
    }
}

/// A record sealed to the central service, as it crosses HTTP and waits in
/// the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Format version; this build writes [`ENVELOPE_VERSION`].
    pub version: u8,
    /// The record's UUIDv7, made by the device; the service's idempotency key.
    pub id: RecordId,
    /// What the record is.
    pub kind: RecordKind,
    /// The sending device.
    pub device_id: DeviceId,
    /// When the device made it (milliseconds since the Unix epoch, device clock,
    /// informative only: the service keeps its own receipt time).
    pub created_at_ms: i64,
    /// The region (1 to 12) the record concerns, for routing to the right
    /// listening cell; `None` when she did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<u8>,
    /// Which service key it was sealed to.
    pub key_id: String,
    /// HPKE encapsulated key, base64.
    pub enc: String,
    /// HPKE ciphertext, base64.
    pub ciphertext: String,
    /// Ed25519 signature by the device, base64.
    pub signature: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_round_trip() {
        for k in RecordKind::ALL {
            assert_eq!(RecordKind::from_code(k.code()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert_eq!(RecordKind::from_code(0), None);
    }

    #[test]
    fn json_shape_is_pinned() {
        let e = Envelope {
            version: 1,
            id: RecordId::parse("01890a5d-ac96-774b-bcce-b302099a8057").unwrap(),
            kind: RecordKind::Alert,
            device_id: DeviceId::parse("6f0c1a43-1111-4222-8333-944455556666").unwrap(),
            created_at_ms: 1_700_000_000_000,
            region: Some(6),
            key_id: "k1".into(),
            enc: "AA==".into(),
            ciphertext: "AQ==".into(),
            signature: "Ag==".into(),
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"version":1,"id":"01890a5d-ac96-774b-bcce-b302099a8057","kind":"alert","device_id":"6f0c1a43-1111-4222-8333-944455556666","created_at_ms":1700000000000,"region":6,"key_id":"k1","enc":"AA==","ciphertext":"AQ==","signature":"Ag=="}"#
        );
    }
}
