//! The device's HTTP calls to the central service, each answer classified
//! into a [`SyncError`] a retrying caller can act on.

use super::error::{transport, SyncError};
use crate::device::DeviceToken;
use crate::service::ServiceUrl;
use kulna_model::api::{
    AlertResponse, ApiError, CreateUploadRequest, DeviceUpdatesResponse, IngestResponse,
    RegisterDeviceRequest, RegisterDeviceResponse, ServiceKeyResponse, ServiceLimits, UploadStatus,
};
use kulna_model::directory::SignedDirectory;
use kulna_model::RecordId;
use reqwest::header::{HeaderMap, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use std::time::Duration;

/// The largest directory answer taken. A snapshot of a national directory
/// (a few thousand listings, five languages) is a few megabytes.
const MAX_DIRECTORY_BYTES: u64 = 64 << 20;

/// Timeouts of the calls.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeouts {
    pub(crate) connect: Duration,
    pub(crate) request: Duration,
    pub(crate) alert: Duration,
}

/// The HTTP clients for the service (connections are reused): one for
/// everything, and one for alerts alone, so an alert never waits for a
/// connection busy with a batch or an upload chunk.
#[derive(Debug, Clone)]
pub(crate) struct ServiceClient {
    http: reqwest::Client,
    alerts: reqwest::Client,
    url: ServiceUrl,
    timeouts: Timeouts,
}

/// The wait a 429 or 503 asks for, in whole seconds.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

fn bearer(token: &DeviceToken) -> String {
    format!("Bearer {}", token.expose())
}

/// Turns a non-success answer into an error; a success passes through.
async fn check(resp: Response) -> Result<Response, SyncError> {
    let status = resp.status();
    if status.is_success() {
        return Ok(resp);
    }
    let wait = retry_after(resp.headers());
    let code = status.as_u16();
    match status {
        StatusCode::TOO_MANY_REQUESTS => return Err(SyncError::RateLimited { retry_after: wait }),
        s if s.is_server_error() => {
            return Err(SyncError::ServerError {
                status: code,
                retry_after: wait,
            })
        }
        StatusCode::UNAUTHORIZED => return Err(SyncError::Unauthorized),
        StatusCode::PAYLOAD_TOO_LARGE => return Err(SyncError::TooLarge),
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => {
            return Err(SyncError::Incompatible("unknown route"))
        }
        _ => {}
    }
    // Other 4xx: the service's reason, if it sent one.
    let body: Option<ApiError> = resp.json().await.ok();
    Err(SyncError::Refused {
        status: code,
        code: body.as_ref().map(|b| b.error),
        index: body.as_ref().and_then(|b| b.index),
        reason: body.as_ref().and_then(|b| b.reason),
        offset: body.and_then(|b| b.offset),
    })
}

async fn json<T: DeserializeOwned>(resp: Response) -> Result<T, SyncError> {
    parse(&resp.bytes().await.map_err(transport)?)
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, SyncError> {
    serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            SyncError::Incompatible("answer cut short")
        } else {
            SyncError::Incompatible("unexpected answer")
        }
    })
}

impl ServiceClient {
    pub(crate) fn new(url: ServiceUrl, timeouts: Timeouts) -> Result<Self, SyncError> {
        let build = || {
            reqwest::Client::builder()
                .connect_timeout(timeouts.connect)
                .pool_idle_timeout(Duration::from_secs(30))
                .tcp_nodelay(true)
                .user_agent(concat!("kulna-maak/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(SyncError::Unreachable)
        };
        Ok(Self {
            http: build()?,
            alerts: build()?,
            url,
            timeouts,
        })
    }

    /// `GET /v1/service-key`, checked: the sealing key (whose id must be
    /// the one announced) and the directory signing key (32 bytes, base64).
    pub(crate) async fn service_keys(
        &self,
    ) -> Result<(kulna_crypto::SealingPublicKey, String), SyncError> {
        use base64::Engine as _;
        let resp = self.service_key().await?;
        let key = kulna_crypto::SealingPublicKey::from_base64(&resp.sealing_public_key)
            .map_err(|_| SyncError::BadServiceKey)?;
        if key.key_id() != resp.key_id {
            return Err(SyncError::BadServiceKey);
        }
        let dir_key = resp.directory_signing_key.trim().to_owned();
        let decoded = base64::engine::general_purpose::STANDARD.decode(&dir_key);
        if decoded.map(|k| k.len()) != Ok(32) {
            return Err(SyncError::BadServiceKey);
        }
        Ok((key, dir_key))
    }

    /// `GET /v1/service-key`.
    pub(crate) async fn service_key(&self) -> Result<ServiceKeyResponse, SyncError> {
        let resp = self
            .http
            .get(self.url.endpoint("/v1/service-key"))
            .timeout(self.timeouts.request)
            .send()
            .await
            .map_err(transport)?;
        json(check(resp).await?).await
    }

    /// `POST /v1/devices`.
    pub(crate) async fn register(
        &self,
        req: &RegisterDeviceRequest,
    ) -> Result<RegisterDeviceResponse, SyncError> {
        let resp = self
            .http
            .post(self.url.endpoint("/v1/devices"))
            .timeout(self.timeouts.request)
            .json(req)
            .send()
            .await
            .map_err(transport)?;
        match check(resp).await {
            Err(SyncError::Refused { status: 409, .. }) => Err(SyncError::DeviceRefused),
            other => json(other?).await,
        }
    }

    /// `POST /v1/envelopes` with envelopes already in JSON text and, if
    /// given, the device's signature over them (`Vault::sign_batch`).
    pub(crate) async fn post_batch(
        &self,
        token: &DeviceToken,
        envelopes: &[&str],
        batch_signature: Option<&str>,
    ) -> Result<IngestResponse, SyncError> {
        let body = kulna_model::api::ingest_body(envelopes, batch_signature);
        let resp = self
            .http
            .post(self.url.endpoint("/v1/envelopes"))
            .timeout(self.timeouts.request)
            .header(AUTHORIZATION, bearer(token))
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .map_err(transport)?;
        json(check(resp).await?).await
    }

    /// `POST /v1/alerts`: answered once the alert is durable on the service.
    pub(crate) async fn post_alert(
        &self,
        token: &DeviceToken,
        envelope: &str,
    ) -> Result<AlertResponse, SyncError> {
        let resp = self
            .alerts
            .post(self.url.endpoint("/v1/alerts"))
            .timeout(self.timeouts.alert)
            .header(AUTHORIZATION, bearer(token))
            .header(CONTENT_TYPE, "application/json")
            .body(envelope.to_owned())
            .send()
            .await
            .map_err(transport)?;
        json(check(resp).await?).await
    }

    /// `GET /v1/limits`: `None` from a service that predates uploads.
    pub(crate) async fn limits(&self) -> Result<Option<ServiceLimits>, SyncError> {
        let resp = self
            .http
            .get(self.url.endpoint("/v1/limits"))
            .timeout(self.timeouts.request)
            .send()
            .await
            .map_err(transport)?;
        match check(resp).await {
            Err(SyncError::Incompatible("unknown route")) => Ok(None),
            other => json(other?).await.map(Some),
        }
    }

    /// `POST /v1/uploads`: declares an upload, or finds it again.
    pub(crate) async fn create_upload(
        &self,
        token: &DeviceToken,
        req: &CreateUploadRequest,
    ) -> Result<UploadStatus, SyncError> {
        let resp = self
            .http
            .post(self.url.endpoint("/v1/uploads"))
            .timeout(self.timeouts.request)
            .header(AUTHORIZATION, bearer(token))
            .json(req)
            .send()
            .await
            .map_err(transport)?;
        json(check(resp).await?).await
    }

    /// `PATCH /v1/uploads/{id}?offset=N`: the next bytes of an upload.
    pub(crate) async fn send_chunk(
        &self,
        token: &DeviceToken,
        id: RecordId,
        offset: u64,
        bytes: Vec<u8>,
    ) -> Result<UploadStatus, SyncError> {
        let resp = self
            .http
            .patch(
                self.url
                    .endpoint(&format!("/v1/uploads/{id}?offset={offset}")),
            )
            .timeout(self.timeouts.request)
            .header(AUTHORIZATION, bearer(token))
            .header(CONTENT_TYPE, "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .map_err(transport)?;
        // On this route a 404 is the upload, not the route: it is gone.
        if resp.status() == StatusCode::NOT_FOUND {
            return Err(SyncError::UploadGone);
        }
        json(check(resp).await?).await
    }

    /// `GET /v1/devices/me/updates?since=N`.
    pub(crate) async fn updates(
        &self,
        token: &DeviceToken,
        since: u64,
        limit: u32,
    ) -> Result<DeviceUpdatesResponse, SyncError> {
        let resp = self
            .http
            .get(self.url.endpoint(&format!(
                "/v1/devices/me/updates?since={since}&limit={limit}"
            )))
            .timeout(self.timeouts.request)
            .header(AUTHORIZATION, bearer(token))
            .send()
            .await
            .map_err(transport)?;
        json(check(resp).await?).await
    }

    /// `GET /v1/directory[?since=N]`: `None` when nothing is newer or
    /// nothing is published. `progress` hears (bytes received, bytes in
    /// all when announced) as the answer comes.
    ///
    /// No deadline for the whole answer: a first download on a slow link
    /// may take minutes. Each wait (for the headers, for every piece of the
    /// body) has the request timeout instead.
    pub(crate) async fn directory(
        &self,
        since: u64,
        mut progress: impl FnMut(u64, Option<u64>),
    ) -> Result<Option<SignedDirectory>, SyncError> {
        let path = if since == 0 {
            "/v1/directory".to_owned()
        } else {
            format!("/v1/directory?since={since}")
        };
        let wait = self.timeouts.request;
        let resp = tokio::time::timeout(wait, self.http.get(self.url.endpoint(&path)).send())
            .await
            .map_err(|_| SyncError::Stalled)?
            .map_err(transport)?;
        if resp.status() == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let mut resp = match check(resp).await {
            // Nothing published yet.
            Err(SyncError::Incompatible(_)) => return Ok(None),
            other => other?,
        };
        let total = resp.content_length();
        if total.is_some_and(|t| t > MAX_DIRECTORY_BYTES) {
            return Err(SyncError::TooLarge);
        }
        let mut body = Vec::with_capacity(
            usize::try_from(total.unwrap_or(0).min(MAX_DIRECTORY_BYTES)).unwrap_or(0),
        );
        progress(0, total);
        while let Some(piece) = tokio::time::timeout(wait, resp.chunk())
            .await
            .map_err(|_| SyncError::Stalled)?
            .map_err(transport)?
        {
            body.extend_from_slice(&piece);
            let received = u64::try_from(body.len()).unwrap_or(u64::MAX);
            if received > MAX_DIRECTORY_BYTES {
                return Err(SyncError::TooLarge);
            }
            progress(received, total);
        }
        parse(&body).map(Some)
    }
}
