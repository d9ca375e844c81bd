//! Uploads: large envelopes (a voice note, a photo) sent in chunks that
//! resume where they stopped.
//!
//! # Design
//!
//! An upload carries **one envelope's JSON text**, byte for byte as a batch
//! would carry it, so nothing new is sealed, signed or opened: once the last
//! byte is there and its SHA-256 is the one declared, the text is checked
//! exactly like a batch item (format, caller, service key, region, the
//! device's signature, and that it carries the declared record id) and
//! handed to the same writer as `POST /v1/envelopes`. It becomes an ordinary
//! record: in the queue, opened by listeners like any other case, idempotent
//! by record id.
//!
//! 1. `GET /v1/limits` announces the sizes: envelopes longer than
//!    `max_inline_envelope_bytes` go as uploads, up to `max_upload_bytes`,
//!    in chunks of at most `upload_chunk_bytes`.
//! 2. `POST /v1/uploads` declares `{record_id, size, sha256}` (201). The
//!    same declaration again answers where the upload stands (200): this is
//!    how a device resumes. Another size or digest starts it over.
//! 3. `PATCH /v1/uploads/{record_id}?offset=N` carries the bytes from `N`.
//!    Bytes already held are skipped (a resend is harmless); a chunk that
//!    starts past the bytes held gets 409 with the offset held
//!    (`ApiError::offset`, and an `Upload-Offset` header). Each chunk is
//!    stored whole or not at all, with the new offset, in one transaction.
//! 4. The chunk that completes the upload completes it: digest, checks,
//!    record stored, chunks dropped, all before the answer (`held: true`). A
//!    wrong digest (422) or a refused envelope (400/409 with its reason)
//!    discards the upload. If the service stops between storing the record
//!    and dropping the chunks, the next request on the upload finishes it
//!    again (the insert is idempotent).
//! 5. `GET /v1/uploads/{record_id}` answers where it stands.
//!
//! Uploads belong to the device that declared them: every lookup names the
//! caller, so another device's token finds nothing (404). A device has at
//! most [`MAX_OPEN_PER_DEVICE`] uploads in progress (a new one replaces its
//! least recently touched), and an upload untouched for [`UPLOAD_TTL_MS`]
//! is dropped.

use crate::devices::{DeviceAuth, KnownDevice};
use crate::error::{AppError, AppResult};
use crate::http::{ApiJson, ApiPath, ApiQuery};
use crate::store::uploads::{AppendOutcome, NewUpload, UploadRecord};
use crate::store::{InsertOutcome, NewRecord};
use crate::AppState;
use axum::extract::{FromRequest as _, State};
use axum::http::StatusCode;
use axum::Json;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_crypto::EnvelopeError;
use kulna_model::api::{
    CreateUploadRequest, RejectReason, ServiceLimits, UploadStatus, MAX_BATCH,
    MAX_INLINE_ENVELOPE_BYTES,
};
use kulna_model::{Envelope, RecordId, ENVELOPE_VERSION};
use serde::Deserialize;
use subtle::ConstantTimeEq as _;
use tokio::sync::Semaphore;

/// An upload untouched for this long is dropped (a week: a phone may stay
/// offline for days).
pub const UPLOAD_TTL_MS: i64 = 7 * 24 * 3600 * 1000;
/// Most uploads one device has in progress.
pub const MAX_OPEN_PER_DEVICE: u32 = 4;
/// Smallest chunk limit the service announces, whatever the configuration.
const MIN_CHUNK_BYTES: usize = 4 * 1024;
/// Uploads completed at once (each holds its whole envelope in memory).
static FINISHING: Semaphore = Semaphore::const_new(2);

fn u64_of(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// The limits this configuration announces.
pub fn limits_of(config: &crate::config::Config) -> ServiceLimits {
    let chunk = config
        .upload_chunk_bytes
        .min(config.body_limit_bytes)
        .max(MIN_CHUNK_BYTES);
    ServiceLimits {
        max_batch: u32::try_from(MAX_BATCH).unwrap_or(u32::MAX),
        max_inline_envelope_bytes: u64_of(MAX_INLINE_ENVELOPE_BYTES),
        max_upload_bytes: u64_of(config.max_upload_bytes.max(MAX_INLINE_ENVELOPE_BYTES)),
        upload_chunk_bytes: u64_of(chunk),
    }
}

/// The chunk body limit of the router (the announced chunk size).
pub fn chunk_limit(config: &crate::config::Config) -> usize {
    usize::try_from(limits_of(config).upload_chunk_bytes).unwrap_or(MIN_CHUNK_BYTES)
}

/// `GET /v1/limits`.
pub async fn limits(State(state): State<AppState>) -> Json<ServiceLimits> {
    Json(limits_of(state.config()))
}

fn status_of(up: &UploadRecord) -> UploadStatus {
    UploadStatus {
        record_id: up.record_id,
        size: up.size,
        received: if up.held { up.size } else { up.received },
        held: up.held,
    }
}

fn id_conflict() -> AppError {
    AppError::RefusedEnvelope {
        index: None,
        reason: RejectReason::IdConflict,
        message: "this record id is already held for another device".into(),
    }
}

/// `POST /v1/uploads`.
pub async fn create(
    State(state): State<AppState>,
    DeviceAuth(device): DeviceAuth,
    ApiJson(req): ApiJson<CreateUploadRequest>,
) -> AppResult<(StatusCode, Json<UploadStatus>)> {
    let limits = limits_of(state.config());
    if req.size == 0 {
        return Err(AppError::InvalidInput("`size` must be at least 1".into()));
    }
    if req.size > limits.max_upload_bytes {
        return Err(AppError::PayloadTooLarge(format!(
            "uploads are at most {} bytes",
            limits.max_upload_bytes
        )));
    }
    let sha256 = B64
        .decode(req.sha256.trim())
        .ok()
        .filter(|d| d.len() == 32)
        .ok_or_else(|| AppError::InvalidInput("`sha256` must be 32 bytes, base64".into()))?;
    let store = state.store();
    // Stored already (the receipt expired, or sent in a batch): say so.
    match store.record_device(req.record_id).await? {
        Some(owner) if owner == device.id => {
            return Ok((
                StatusCode::OK,
                Json(UploadStatus {
                    record_id: req.record_id,
                    size: req.size,
                    received: req.size,
                    held: true,
                }),
            ))
        }
        Some(_) => return Err(id_conflict()),
        None => {}
    }
    let now = crate::now_ms();
    let (up, created) = store
        .open_upload(&NewUpload {
            device_id: device.id,
            record_id: req.record_id,
            size: req.size,
            sha256,
            now_ms: now,
            expire_before_ms: now.saturating_sub(UPLOAD_TTL_MS),
            max_open: MAX_OPEN_PER_DEVICE,
        })
        .await?;
    let code = if created {
        tracing::info!(bytes = up.size, "upload started");
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let status = finish_if_complete(&state, &device, up).await?;
    Ok((code, Json(status)))
}

/// `GET /v1/uploads/{record_id}`.
pub async fn status(
    State(state): State<AppState>,
    DeviceAuth(device): DeviceAuth,
    ApiPath(record_id): ApiPath<RecordId>,
) -> AppResult<Json<UploadStatus>> {
    let up = state
        .store()
        .upload(device.id, record_id)
        .await?
        .ok_or(AppError::NotFound("no such upload for this device"))?;
    Ok(Json(status_of(&up)))
}

/// Query of `PATCH /v1/uploads/{record_id}`.
#[derive(Debug, Deserialize)]
pub struct ChunkQuery {
    /// Where the chunk's first byte goes.
    pub offset: u64,
}

/// `PATCH /v1/uploads/{record_id}?offset=N`: the next bytes.
pub async fn append(
    State(state): State<AppState>,
    DeviceAuth(device): DeviceAuth,
    ApiPath(record_id): ApiPath<RecordId>,
    ApiQuery(q): ApiQuery<ChunkQuery>,
    req: axum::extract::Request,
) -> AppResult<Json<UploadStatus>> {
    let is_binary = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/octet-stream")
        });
    if !is_binary {
        return Err(AppError::UnsupportedMediaType(
            "expected Content-Type: application/octet-stream".into(),
        ));
    }
    // The route's body limit is the announced chunk size.
    let body = axum::body::Bytes::from_request(req, &())
        .await
        .map_err(|rej| {
            if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge(format!(
                    "a chunk is at most {} bytes",
                    chunk_limit(state.config())
                ))
            } else {
                AppError::InvalidInput("the chunk could not be read".into())
            }
        })?;
    let outcome = state
        .store()
        .append_upload(
            device.id,
            record_id,
            q.offset,
            body.to_vec(),
            crate::now_ms(),
        )
        .await?;
    match outcome {
        AppendOutcome::Stored(up) => Ok(Json(finish_if_complete(&state, &device, up).await?)),
        AppendOutcome::Gap { held } => Err(AppError::WrongOffset { held }),
        AppendOutcome::Overflow => Err(AppError::InvalidInput(
            "the chunk goes past the size declared for this upload".into(),
        )),
        AppendOutcome::Missing => Err(AppError::NotFound(
            "no such upload for this device; declare it with POST /v1/uploads",
        )),
    }
}

/// Completes an upload whose bytes are all there: digest, envelope checks,
/// the record stored, the chunks dropped. Anything else passes through.
async fn finish_if_complete(
    state: &AppState,
    device: &std::sync::Arc<KnownDevice>,
    up: UploadRecord,
) -> AppResult<UploadStatus> {
    if up.held || up.received < up.size {
        return Ok(status_of(&up));
    }
    let _permit = FINISHING
        .acquire()
        .await
        .map_err(|_| AppError::Unavailable(anyhow::anyhow!("shutting down")))?;
    let store = state.store();
    let Some(bytes) = store.upload_bytes(device.id, up.record_id).await? else {
        return Err(AppError::NotFound("no such upload for this device"));
    };
    let key_id = state.keys().key_id().to_owned();
    let (dev, expected) = (device.clone(), up.clone());
    let checked =
        tokio::task::spawn_blocking(move || check_upload(&bytes, &expected, &dev, &key_id))
            .await
            .map_err(AppError::internal)?;
    let env = match checked {
        Ok(env) => env,
        Err(e) => {
            store.discard_upload(device.id, up.record_id).await?;
            tracing::info!("upload refused and discarded");
            return Err(e);
        }
    };
    let envelope = serde_json::to_string(&env).map_err(AppError::internal)?;
    let record = NewRecord {
        id: env.id,
        device_id: env.device_id,
        kind: env.kind,
        region: env.region,
        created_at_ms: env.created_at_ms,
        received_at_ms: crate::now_ms(),
        envelope,
        center_id: device.center_id.clone(),
    };
    let outcome = state.inner.writer.submit(vec![record], false).await?;
    match outcome.first() {
        Some(InsertOutcome::Inserted | InsertOutcome::AlreadyHeld) => {
            store
                .mark_upload_held(device.id, up.record_id, crate::now_ms())
                .await?;
            tracing::info!(bytes = up.size, "upload complete; record held");
            Ok(UploadStatus {
                record_id: up.record_id,
                size: up.size,
                received: up.size,
                held: true,
            })
        }
        Some(InsertOutcome::IdConflict) => {
            store.discard_upload(device.id, up.record_id).await?;
            Err(id_conflict())
        }
        None => Err(AppError::internal(anyhow::anyhow!(
            "no outcome for the uploaded record"
        ))),
    }
}

fn refused(reason: RejectReason, message: impl Into<String>) -> AppError {
    AppError::RefusedEnvelope {
        index: None,
        reason,
        message: message.into(),
    }
}

/// Checks a complete upload: its digest, then the envelope it carries, as
/// ingest checks a batch item. Pure CPU work.
fn check_upload(
    bytes: &[u8],
    up: &UploadRecord,
    device: &KnownDevice,
    key_id: &str,
) -> AppResult<Envelope> {
    let digest = ring::digest::digest(&ring::digest::SHA256, bytes);
    if !bool::from(digest.as_ref().ct_eq(&up.sha256)) {
        return Err(AppError::DigestMismatch(
            "the bytes received do not have the declared SHA-256; the upload was discarded, start it again".into(),
        ));
    }
    let env: Envelope = serde_json::from_slice(bytes)
        .map_err(|e| refused(RejectReason::Malformed, format!("not an envelope: {e}")))?;
    if env.id != up.record_id {
        return Err(refused(
            RejectReason::Malformed,
            "the envelope carries another record id than the upload",
        ));
    }
    if env.version != ENVELOPE_VERSION {
        return Err(refused(
            RejectReason::UnknownVersion,
            format!("unknown envelope version {}", env.version),
        ));
    }
    if env.device_id != device.id {
        return Err(refused(
            RejectReason::WrongDevice,
            "the envelope names another device than the caller",
        ));
    }
    if env.key_id != key_id {
        return Err(refused(
            RejectReason::WrongKey,
            "sealed to a key this service does not hold; fetch /v1/service-key",
        ));
    }
    kulna_crypto::verify_envelope(&env, &device.verifying_key).map_err(|e| {
        let reason = match e {
            EnvelopeError::UnknownVersion(_) => RejectReason::UnknownVersion,
            EnvelopeError::WrongKey | EnvelopeError::BadKeyId => RejectReason::WrongKey,
            EnvelopeError::BadBase64(_) => RejectReason::BadBase64,
            EnvelopeError::BadRegion => RejectReason::BadRegion,
            _ => RejectReason::BadSignature,
        };
        refused(reason, e.to_string())
    })?;
    Ok(env)
}
