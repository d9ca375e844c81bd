//! HTTP bodies between devices and the central service.
//!
//! Routes (all JSON; binary fields base64, standard alphabet, padded):
//!
//! | route | body | answer |
//! |---|---|---|
//! | `GET /health` | — | [`HealthResponse`] |
//! | `GET /ready` | — | [`HealthResponse`] (503 and [`ApiError`] when storage does not answer) |
//! | `GET /v1/service-key` | — | [`ServiceKeyResponse`] |
//! | `POST /v1/devices` | [`RegisterDeviceRequest`] | [`RegisterDeviceResponse`] (201 new, 200 again) |
//! | `POST /v1/envelopes` | [`IngestRequest`] | [`IngestResponse`] |
//! | `POST /v1/alerts` | one [`crate::Envelope`] of kind `alert` | [`AlertResponse`] |
//! | `GET /v1/devices/me/updates?since=N` | — | [`DeviceUpdatesResponse`] |
//! | `GET /v1/limits` | — | [`ServiceLimits`] |
//! | `POST /v1/uploads` | [`CreateUploadRequest`] | [`UploadStatus`] (201 new, 200 known) |
//! | `GET /v1/uploads/{record_id}` | — | [`UploadStatus`] |
//! | `PATCH /v1/uploads/{record_id}?offset=N` | the next bytes (`application/octet-stream`) | [`UploadStatus`] |
//!
//! Device routes take `Authorization: Bearer <token>` with the token from
//! registration. Every refusal is an [`ApiError`].
//!
//! # Large records: uploads
//!
//! An envelope whose JSON text is longer than
//! [`ServiceLimits::max_inline_envelope_bytes`] (a voice note, a photo) does
//! not go in a batch. The device uploads **the envelope's JSON text itself**
//! in chunks: it declares the record id, the size in bytes and the SHA-256 of
//! the text, then sends the bytes in order, each chunk at the offset the
//! service holds. Resending bytes already held is harmless; a chunk that
//! starts past the held offset is refused with 409 and the held offset
//! ([`ApiError::offset`]), so after a cut the device asks (or reads the
//! refusal) and goes on from there, never from zero. When the last byte is
//! there and the digest matches, the service checks the text as an ordinary
//! envelope and stores it like one sent in a batch ([`UploadStatus::held`]):
//! listeners open it like any other case. A digest mismatch (422,
//! [`ApiErrorCode::DigestMismatch`]) or an envelope the service refuses (400
//! with [`ApiError::reason`]) discards the upload.

use crate::{DeviceId, RecordId};
use serde::{Deserialize, Serialize};

/// `GET /health` and `GET /ready`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthResponse {
    /// `"ok"`.
    pub status: String,
}

/// `GET /v1/service-key`: what a device pins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceKeyResponse {
    /// The id of the sealing key, to put in every envelope's `key_id`.
    pub key_id: String,
    /// The service's X25519 HPKE public key, 32 bytes, base64.
    pub sealing_public_key: String,
    /// The Ed25519 key that signs directory versions, 32 bytes, base64.
    pub directory_signing_key: String,
}

/// `POST /v1/devices`: an anonymous device makes itself known. The device
/// made its id (a random UUID) and its keys itself, so it can seal an alert
/// before it ever reached the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterDeviceRequest {
    /// The device's own random id.
    pub device_id: DeviceId,
    /// Its Ed25519 verifying key, 32 bytes, base64: envelopes must be signed by it.
    pub verifying_key: String,
    /// Its X25519 public key, 32 bytes, base64: status updates are sealed to it.
    pub sealing_public_key: String,
}

/// The answer to a registration. Registering again with the same keys gives a
/// fresh token (the previous one stops working); other keys under the same id
/// are refused with 409.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterDeviceResponse {
    /// The registered id.
    pub device_id: DeviceId,
    /// The bearer token for this device's routes. Keep it secret.
    pub token: String,
}

/// `POST /v1/envelopes`: a batch (at most [`MAX_BATCH`] envelopes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestRequest {
    /// The envelopes, all from the calling device.
    pub envelopes: Vec<crate::Envelope>,
    /// The device's Ed25519 signature over the batch (base64; see
    /// `kulna_crypto::sign_batch`): the SHA-256 of each envelope's JSON text,
    /// exactly as it stands in the body. With it the service checks one
    /// signature for the batch instead of one per envelope; without it, or
    /// when it does not match, each envelope's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_signature: Option<String>,
}

/// The body of `POST /v1/envelopes` from envelopes already in JSON text,
/// each written into the body exactly as given (a batch signature covers
/// these texts).
pub fn ingest_body(envelopes: &[&str], batch_signature: Option<&str>) -> String {
    let mut body = String::with_capacity(
        64 + batch_signature.map_or(0, str::len)
            + envelopes.iter().map(|e| e.len() + 1).sum::<usize>(),
    );
    body.push_str("{\"envelopes\":[");
    for (i, e) in envelopes.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(e);
    }
    body.push(']');
    if let Some(sig) = batch_signature {
        // Base64: nothing to escape.
        body.push_str(",\"batch_signature\":\"");
        body.push_str(sig);
        body.push('"');
    }
    body.push('}');
    body
}

/// Most envelopes in one batch.
pub const MAX_BATCH: usize = 500;

/// Largest accepted ciphertext of one envelope, in bytes after base64 decoding.
pub const MAX_CIPHERTEXT_BYTES: usize = 256 * 1024;

/// The longest envelope JSON text a device sends inline (in a batch or as an
/// alert): its ciphertext, in base64, cannot exceed [`MAX_CIPHERTEXT_BYTES`].
/// Longer envelopes go as uploads (see [`ServiceLimits`]).
pub const MAX_INLINE_ENVELOPE_BYTES: usize = MAX_CIPHERTEXT_BYTES / 3 * 4;

/// `GET /v1/limits`: the sizes this service takes, so a device knows which
/// records go in batches and which go as uploads, and how to cut them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceLimits {
    /// Most envelopes in one batch (`POST /v1/envelopes`).
    pub max_batch: u32,
    /// The longest envelope JSON text sent in a batch or to
    /// `POST /v1/alerts`; longer ones go as uploads.
    pub max_inline_envelope_bytes: u64,
    /// The longest envelope JSON text taken as an upload.
    pub max_upload_bytes: u64,
    /// The most bytes one chunk (`PATCH /v1/uploads/{record_id}`) may carry.
    /// A device may send smaller chunks.
    pub upload_chunk_bytes: u64,
}

/// `POST /v1/uploads`: a device starts (or finds again) the upload of one
/// large envelope. Asking again with the same size and digest answers where
/// the upload stands; another size or digest starts it over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateUploadRequest {
    /// The record the envelope carries.
    pub record_id: RecordId,
    /// Length of the envelope's JSON text, in bytes.
    pub size: u64,
    /// SHA-256 of the envelope's JSON text, 32 bytes, base64.
    pub sha256: String,
}

/// Where an upload stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadStatus {
    /// The record the envelope carries.
    pub record_id: RecordId,
    /// Length of the whole envelope text, in bytes.
    pub size: u64,
    /// Bytes the service holds, from the start: the next chunk starts here.
    pub received: u64,
    /// The envelope is complete, checked and stored as a record: the device
    /// marks it as sent.
    pub held: bool,
}

/// The answer to a batch: exactly the ids the service now holds durably (the
/// client marks these as sent), and why each other item was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestResponse {
    /// Records held, whether stored now or by an earlier request.
    pub held: Vec<RecordId>,
    /// Items refused; resending them unchanged will not help.
    pub rejected: Vec<Rejection>,
}

/// One refused item of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Position of the item in the request's `envelopes`, from 0.
    pub index: usize,
    /// The item's record id, when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// Why, for machines.
    pub reason: RejectReason,
    /// Why, for people (English, no content of the record).
    pub message: String,
}

/// Why one envelope of a batch was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Not an envelope: a field is missing or has the wrong type.
    Malformed,
    /// An envelope format this service does not read.
    UnknownVersion,
    /// The envelope names another device than the caller.
    WrongDevice,
    /// Sealed to a key that is not the service's current one.
    WrongKey,
    /// The signature is not the registered device key's.
    BadSignature,
    /// A binary field is not valid base64.
    BadBase64,
    /// The region is outside 1 to 12.
    BadRegion,
    /// The ciphertext is larger than [`MAX_CIPHERTEXT_BYTES`].
    TooLarge,
    /// The record id is already held for another device.
    IdConflict,
    /// `POST /v1/alerts` accepts alerts only.
    NotAnAlert,
    /// Set by the device, never sent by the service: an upload of this
    /// record arrived altered (its SHA-256 did not match) every time it was
    /// sent, so the device stopped sending it.
    DigestMismatch,
}

/// `POST /v1/alerts`: answered once the alert is durable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertResponse {
    /// The alert's record id, now held.
    pub id: RecordId,
}

/// `GET /v1/devices/me/updates?since=N`: status updates sealed to this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceUpdatesResponse {
    /// Updates after the cursor, oldest first.
    pub updates: Vec<SealedUpdate>,
    /// The cursor for the next call (the last `seq` returned, or `since`).
    pub next: u64,
}

/// One status update as the device receives it: sealed to its own key with
/// HPKE ([`STATUS_UPDATE_CONTEXT`] as info, the associated data being the
/// device id bytes followed by the case id bytes). The plaintext is a
/// [`StatusUpdate`] in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedUpdate {
    /// Position in this device's update stream.
    pub seq: u64,
    /// The case (the device's record) it is about.
    pub case_id: RecordId,
    /// When the service made it, milliseconds since the epoch.
    pub created_at_ms: i64,
    /// `enc || ciphertext`, base64.
    pub sealed: String,
}

/// HPKE info for status updates sealed to a device.
pub const STATUS_UPDATE_CONTEXT: &[u8] = b"kulna-maak/status-update v1";

/// What a device reads once it opens a [`SealedUpdate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusUpdate {
    /// The case (the device's record) it is about.
    pub case_id: RecordId,
    /// Where the case stands now.
    pub status: CaseStatus,
    /// A short message from the listener, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// When, milliseconds since the epoch.
    pub at_ms: i64,
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Held by the service, not yet seen by a listener.
    New,
    /// A listener has it.
    Acknowledged,
    /// Referred to a service (see the case's referrals).
    Referred,
    /// Finished.
    Closed,
}

impl CaseStatus {
    /// The snake_case name used in JSON and storage.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Acknowledged => "acknowledged",
            Self::Referred => "referred",
            Self::Closed => "closed",
        }
    }

    /// The status for a stored name.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "new" => Some(Self::New),
            "acknowledged" => Some(Self::Acknowledged),
            "referred" => Some(Self::Referred),
            "closed" => Some(Self::Closed),
            _ => None,
        }
    }
}

/// Every refusal from the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// What went wrong, for machines.
    pub error: ApiErrorCode,
    /// What went wrong, for people (English; never internals or secrets).
    pub message: String,
    /// For a batch-level refusal about one item: its index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// For a refused envelope (`POST /v1/alerts`, a completed upload): why,
    /// as in a batch's [`Rejection`]; sending it again will not help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RejectReason>,
    /// For a chunk that does not start where the upload stands (409): the
    /// bytes the service holds, where the next chunk must start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

/// The machine-readable kind of an [`ApiError`]. Retrying can help only for
/// `rate_limited`, `unavailable` and `internal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorCode {
    /// 400: the body or a parameter is not acceptable.
    InvalidInput,
    /// 401: no valid token or session.
    Unauthorized,
    /// 403: authenticated, but not allowed.
    Forbidden,
    /// 404: no such thing (or not in your scope).
    NotFound,
    /// 409: conflicts with what is stored.
    Conflict,
    /// 413: the body is too large.
    PayloadTooLarge,
    /// 415: the body is not JSON.
    UnsupportedMediaType,
    /// 422: an upload's bytes do not have the SHA-256 declared for them; the
    /// upload was discarded and starts over.
    DigestMismatch,
    /// 429: too many requests; see `Retry-After`.
    RateLimited,
    /// 503: storage or a dependency is not answering.
    Unavailable,
    /// 500: a bug or an unexpected failure on the service.
    Internal,
}

impl ApiErrorCode {
    /// Whether sending the same request later could succeed.
    pub const fn is_retryable(self) -> bool {
        matches!(self, Self::RateLimited | Self::Unavailable | Self::Internal)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn rid() -> RecordId {
        RecordId::parse("01890a5d-ac96-774b-bcce-b302099a8057").unwrap()
    }

    fn did() -> DeviceId {
        DeviceId::parse("6f0c1a43-1111-4222-8333-944455556666").unwrap()
    }

    #[test]
    fn service_key_shape() {
        let v = ServiceKeyResponse {
            key_id: "0011223344556677".into(),
            sealing_public_key: "AA==".into(),
            directory_signing_key: "AQ==".into(),
        };
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"key_id":"0011223344556677","sealing_public_key":"AA==","directory_signing_key":"AQ=="}"#
        );
        assert_eq!(
            serde_json::to_string(&HealthResponse {
                status: "ok".into()
            })
            .unwrap(),
            r#"{"status":"ok"}"#
        );
    }

    #[test]
    fn registration_shapes() {
        let r = RegisterDeviceRequest {
            device_id: did(),
            verifying_key: "AA==".into(),
            sealing_public_key: "AQ==".into(),
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"device_id":"6f0c1a43-1111-4222-8333-944455556666","verifying_key":"AA==","sealing_public_key":"AQ=="}"#
        );
        let a = RegisterDeviceResponse {
            device_id: did(),
            token: "t".into(),
        };
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"device_id":"6f0c1a43-1111-4222-8333-944455556666","token":"t"}"#
        );
    }

    #[test]
    fn ingest_shapes() {
        let r = IngestResponse {
            held: vec![rid()],
            rejected: vec![
                Rejection {
                    index: 1,
                    id: Some(rid()),
                    reason: RejectReason::BadSignature,
                    message: "m".into(),
                },
                Rejection {
                    index: 2,
                    id: None,
                    reason: RejectReason::Malformed,
                    message: "m".into(),
                },
            ],
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"held":["01890a5d-ac96-774b-bcce-b302099a8057"],"rejected":[{"index":1,"id":"01890a5d-ac96-774b-bcce-b302099a8057","reason":"bad_signature","message":"m"},{"index":2,"reason":"malformed","message":"m"}]}"#
        );
        assert_eq!(
            serde_json::to_string(&IngestRequest {
                envelopes: vec![],
                batch_signature: None
            })
            .unwrap(),
            r#"{"envelopes":[]}"#
        );
        // The body built from texts reads back as the request.
        let body = ingest_body(&[r#"{"a":1}"#, r#"{"b":2}"#], Some("c2ln"));
        assert_eq!(
            body,
            r#"{"envelopes":[{"a":1},{"b":2}],"batch_signature":"c2ln"}"#
        );
        assert_eq!(ingest_body(&[], None), r#"{"envelopes":[]}"#);
        assert_eq!(
            serde_json::to_string(&AlertResponse { id: rid() }).unwrap(),
            r#"{"id":"01890a5d-ac96-774b-bcce-b302099a8057"}"#
        );
    }

    #[test]
    fn update_shapes() {
        let u = DeviceUpdatesResponse {
            updates: vec![SealedUpdate {
                seq: 3,
                case_id: rid(),
                created_at_ms: 5,
                sealed: "AA==".into(),
            }],
            next: 3,
        };
        assert_eq!(
            serde_json::to_string(&u).unwrap(),
            r#"{"updates":[{"seq":3,"case_id":"01890a5d-ac96-774b-bcce-b302099a8057","created_at_ms":5,"sealed":"AA=="}],"next":3}"#
        );
        let s = StatusUpdate {
            case_id: rid(),
            status: CaseStatus::Acknowledged,
            message: Some("we are with you".into()),
            at_ms: 7,
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"case_id":"01890a5d-ac96-774b-bcce-b302099a8057","status":"acknowledged","message":"we are with you","at_ms":7}"#
        );
        for st in [
            CaseStatus::New,
            CaseStatus::Acknowledged,
            CaseStatus::Referred,
            CaseStatus::Closed,
        ] {
            assert_eq!(CaseStatus::parse(st.as_str()), Some(st));
        }
    }

    #[test]
    fn upload_shapes() {
        let l = ServiceLimits {
            max_batch: 500,
            max_inline_envelope_bytes: 349_524,
            max_upload_bytes: 33_554_432,
            upload_chunk_bytes: 262_144,
        };
        assert_eq!(
            serde_json::to_string(&l).unwrap(),
            r#"{"max_batch":500,"max_inline_envelope_bytes":349524,"max_upload_bytes":33554432,"upload_chunk_bytes":262144}"#
        );
        let c = CreateUploadRequest {
            record_id: rid(),
            size: 3_145_728,
            sha256: "AA==".into(),
        };
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"record_id":"01890a5d-ac96-774b-bcce-b302099a8057","size":3145728,"sha256":"AA=="}"#
        );
        let u = UploadStatus {
            record_id: rid(),
            size: 3_145_728,
            received: 262_144,
            held: false,
        };
        let text = serde_json::to_string(&u).unwrap();
        assert_eq!(
            text,
            r#"{"record_id":"01890a5d-ac96-774b-bcce-b302099a8057","size":3145728,"received":262144,"held":false}"#
        );
        assert_eq!(serde_json::from_str::<UploadStatus>(&text).unwrap(), u);
    }

    #[test]
    fn error_shape() {
        let e = ApiError {
            error: ApiErrorCode::PayloadTooLarge,
            message: "body too large".into(),
            index: None,
            reason: None,
            offset: None,
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"error":"payload_too_large","message":"body too large"}"#
        );
        let e = ApiError {
            error: ApiErrorCode::Conflict,
            message: "m".into(),
            index: Some(0),
            reason: Some(RejectReason::BadSignature),
            offset: Some(65536),
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"error":"conflict","message":"m","index":0,"reason":"bad_signature","offset":65536}"#
        );
        assert_eq!(
            serde_json::to_string(&ApiErrorCode::DigestMismatch).unwrap(),
            r#""digest_mismatch""#
        );
        assert!(!ApiErrorCode::DigestMismatch.is_retryable());
        assert!(ApiErrorCode::RateLimited.is_retryable());
        assert!(!ApiErrorCode::Conflict.is_retryable());
    }
}
