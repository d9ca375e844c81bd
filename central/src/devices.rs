//! Devices: anonymous registration, bearer-token authentication, and the
//! status updates sealed back to them.
//!
//! A device makes its own random id and keys (so the panic button works
//! before it ever reached the service) and registers them. The token it gets
//! back only lets it send envelopes signed by its registered key and fetch
//! updates sealed to its registered key: a stolen token can neither forge
//! a record nor read a status.

use crate::error::{AppError, AppResult};
use crate::http::{ApiJson, ApiQuery};
use crate::store::{DeviceRecord, RegisterOutcome};
use crate::tokens;
use crate::AppState;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_crypto::{DeviceVerifyingKey, SealingPublicKey};
use kulna_model::api::{
    DeviceUpdatesResponse, RegisterDeviceRequest, RegisterDeviceResponse, SealedUpdate,
};
use kulna_model::DeviceId;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A registered device, as the service keeps it in memory.
#[derive(Debug)]
pub struct KnownDevice {
    /// Its id.
    pub id: DeviceId,
    /// Verifies its envelopes.
    pub verifying_key: DeviceVerifyingKey,
    /// Status updates are sealed to it.
    pub sealing_key: SealingPublicKey,
    /// The center it belongs to, if a field worker linked it.
    pub center_id: Option<String>,
    token_hash: Vec<u8>,
}

impl KnownDevice {
    fn from_record(r: &DeviceRecord) -> AppResult<Self> {
        Ok(Self {
            id: r.id,
            verifying_key: DeviceVerifyingKey::from_bytes(&r.verifying_key).map_err(|_| {
                AppError::internal(anyhow::anyhow!("stored device key is malformed"))
            })?,
            sealing_key: SealingPublicKey::from_bytes(&r.sealing_key).map_err(|_| {
                AppError::internal(anyhow::anyhow!("stored device key is malformed"))
            })?,
            token_hash: r.token_hash.clone(),
            center_id: r.center_id.clone(),
        })
    }
}

/// Devices seen recently, so that ingest does not read the database for
/// every request. Keys never change for an id; a token renewed on another
/// instance is picked up by re-reading on a mismatch, and every entry is
/// re-read after a minute (a center link made through another instance).
#[derive(Debug, Default)]
pub struct DeviceCache {
    map: Mutex<HashMap<DeviceId, (Arc<KnownDevice>, Instant)>>,
}

const CACHE_MAX: usize = 200_000;
/// How long a device is trusted from memory: bounds how long another
/// instance's change (a renewed token, a center link) goes unseen.
const CACHE_TTL: Duration = Duration::from_secs(60);

impl DeviceCache {
    fn get(&self, id: &DeviceId) -> Option<Arc<KnownDevice>> {
        let map = self.map.lock().ok()?;
        let (device, at) = map.get(id)?;
        (at.elapsed() < CACHE_TTL).then(|| device.clone())
    }

    fn put(&self, d: Arc<KnownDevice>) {
        if let Ok(mut m) = self.map.lock() {
            if m.len() >= CACHE_MAX {
                m.clear();
            }
            m.insert(d.id, (d, Instant::now()));
        }
    }

    /// Forgets a device, so the next lookup reads storage.
    pub fn forget(&self, id: &DeviceId) {
        if let Ok(mut m) = self.map.lock() {
            m.remove(id);
        }
    }

    /// Looks a device up, from memory or storage.
    pub async fn load(
        &self,
        state: &AppState,
        id: DeviceId,
        fresh: bool,
    ) -> AppResult<Option<Arc<KnownDevice>>> {
        if !fresh {
            if let Some(d) = self.get(&id) {
                return Ok(Some(d));
            }
        }
        let Some(rec) = state.store().device(id).await? else {
            return Ok(None);
        };
        let d = Arc::new(KnownDevice::from_record(&rec)?);
        self.put(d.clone());
        Ok(Some(d))
    }
}

/// The calling device, authenticated by its bearer token.
#[derive(Debug, Clone)]
pub struct DeviceAuth(pub Arc<KnownDevice>);

impl FromRequestParts<AppState> for DeviceAuth {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        const BAD: AppError = AppError::Unauthorized("missing or invalid device token");
        let (id, secret) = tokens::bearer(&parts.headers).ok_or(BAD)?;
        let id = DeviceId::parse(id).map_err(|_| BAD)?;
        let cache = &state.inner.devices;
        let device = cache.load(state, id, false).await?.ok_or(BAD)?;
        if tokens::secret_matches(secret, &device.token_hash) {
            return Ok(Self(device));
        }
        // The token may have been renewed through another instance.
        let device = cache.load(state, id, true).await?.ok_or(BAD)?;
        if tokens::secret_matches(secret, &device.token_hash) {
            Ok(Self(device))
        } else {
            Err(BAD)
        }
    }
}

fn decode_key(field: &str, text: &str) -> AppResult<Vec<u8>> {
    let bytes = B64
        .decode(text.trim())
        .map_err(|_| AppError::InvalidInput(format!("`{field}` is not valid base64")))?;
    if bytes.len() != 32 {
        return Err(AppError::InvalidInput(format!(
            "`{field}` must be 32 bytes"
        )));
    }
    Ok(bytes)
}

/// `POST /v1/devices`.
pub async fn register(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<RegisterDeviceRequest>,
) -> AppResult<(StatusCode, Json<RegisterDeviceResponse>)> {
    let verifying_key = decode_key("verifying_key", &req.verifying_key)?;
    let sealing_key = decode_key("sealing_public_key", &req.sealing_public_key)?;
    SealingPublicKey::from_bytes(&sealing_key)
        .map_err(|_| AppError::InvalidInput("`sealing_public_key` is not an X25519 key".into()))?;
    let (secret, token_hash) = tokens::new_secret().map_err(AppError::Internal)?;
    let record = DeviceRecord {
        id: req.device_id,
        verifying_key,
        sealing_key,
        token_hash,
        registered_at_ms: crate::now_ms(),
        center_id: None,
    };
    let status = match state.store().register_device(&record).await? {
        RegisterOutcome::Created => StatusCode::CREATED,
        RegisterOutcome::Renewed => StatusCode::OK,
        RegisterOutcome::Conflict => {
            return Err(AppError::Conflict(
                "this device id is registered with other keys".into(),
            ))
        }
    };
    // Re-read: a renewed device keeps its center link.
    state.inner.devices.forget(&req.device_id);
    tracing::info!(created = status == StatusCode::CREATED, "device registered");
    Ok((
        status,
        Json(RegisterDeviceResponse {
            device_id: req.device_id,
            token: format!("{}.{}", req.device_id, secret),
        }),
    ))
}

/// Query of `GET /v1/devices/me/updates`.
#[derive(Debug, Deserialize)]
pub struct UpdatesQuery {
    /// The last `seq` already seen (0 for all).
    #[serde(default)]
    pub since: u64,
    /// At most this many (1 to 500, default 100).
    pub limit: Option<u32>,
}

/// `GET /v1/devices/me/updates?since=N`.
pub async fn updates(
    State(state): State<AppState>,
    DeviceAuth(device): DeviceAuth,
    ApiQuery(q): ApiQuery<UpdatesQuery>,
) -> AppResult<Json<DeviceUpdatesResponse>> {
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let since = i64::try_from(q.since)
        .map_err(|_| AppError::InvalidInput("`since` is too large".into()))?;
    let rows = state.store().updates_since(device.id, since, limit).await?;
    let next = rows.last().map(|r| r.seq).unwrap_or(since);
    Ok(Json(DeviceUpdatesResponse {
        updates: rows
            .into_iter()
            .map(|r| SealedUpdate {
                seq: u64::try_from(r.seq).unwrap_or(0),
                case_id: r.case_id,
                created_at_ms: r.created_at_ms,
                sealed: B64.encode(r.sealed),
            })
            .collect(),
        next: u64::try_from(next).unwrap_or(0),
    }))
}

/// `POST /v1/staff/devices`: a field worker links her center's device (the
/// laptop or tablet she takes intakes on), so its records go straight to the
/// center's queue.
pub async fn link(
    State(state): State<AppState>,
    who: crate::staff::StaffAuth,
    ApiJson(req): ApiJson<kulna_model::staff::LinkDeviceRequest>,
) -> AppResult<StatusCode> {
    let kulna_model::staff::Scope::Center { center_id } = &who.scope else {
        return Err(AppError::Forbidden(
            "only staff of a women's center link devices to it".into(),
        ));
    };
    if !state.store().link_device(req.device_id, center_id).await? {
        return Err(AppError::NotFound("no such device; register it first"));
    }
    state.inner.devices.forget(&req.device_id);
    state
        .store()
        .append_audit(&crate::store::AuditRecord {
            seq: 0,
            at_ms: crate::now_ms(),
            staff_id: who.staff.id.clone(),
            username: who.staff.username.clone(),
            action: "device_link".into(),
            case_id: None,
            detail: format!("center {center_id}"),
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
