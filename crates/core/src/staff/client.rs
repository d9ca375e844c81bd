//! The staff side's HTTP calls to the central service, each answer turned
//! into a [`StaffError`] the UI can explain.
//!
//! The live queue (`GET /v1/queue/events`) is read as server-sent events
//! with a plain chunk loop: `event:` and `data:` lines, a blank line ends an
//! event, comments (`: ping`) keep the connection alive. A connection that
//! says nothing for [`EVENTS_IDLE`] is taken as dead.

use super::error::StaffError;
use crate::service::ServiceUrl;
use crate::sync::client::retry_after;
use kulna_model::api::ApiError;
use kulna_model::staff::{
    AcknowledgeRequest, AuditLogResponse, CaseDetail, CloseRequest, LinkDeviceRequest,
    LoginRequest, LoginResponse, MessageRequest, NoteRequest, QueueItem, QueueResponse,
    ReferralRequest, ReferralUpdateRequest, StaffProfile, StatsResponse,
};
use kulna_model::{DeviceId, RecordId};
use reqwest::header::AUTHORIZATION;
use reqwest::{RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;
use std::time::Duration;
use zeroize::Zeroizing;

/// The server sends a ping every 15 s; three missed means the link is gone.
pub const EVENTS_IDLE: Duration = Duration::from_secs(45);

/// A staff session token. Never printed, zeroized on drop.
#[derive(Clone)]
pub struct StaffToken(Zeroizing<String>);

impl StaffToken {
    /// Wraps a token the service gave.
    pub fn new(token: String) -> Self {
        Self(Zeroizing::new(token))
    }

    fn bearer(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("Bearer {}", self.0.as_str()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// Whether two tokens are the same, compared in constant time.
    pub(crate) fn same_as(&self, other: &StaffToken) -> bool {
        use subtle::ConstantTimeEq as _;
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl fmt::Debug for StaffToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StaffToken([redacted])")
    }
}

/// One thing the live queue said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueueEvent {
    /// A case arrived or changed.
    Changed(QueueItem),
    /// Events were missed: fetch the whole queue again.
    Resync,
}

/// A client of the staff API (connections are reused).
#[derive(Debug, Clone)]
pub struct StaffClient {
    http: reqwest::Client,
    url: ServiceUrl,
}

/// Turns a refusal into an error; a success passes through. A 401 here is
/// a session that ended (sign-in handles its own 401).
async fn check(resp: Response) -> Result<Response, StaffError> {
    let status = resp.status();
    if status.is_success() {
        return Ok(resp);
    }
    match status {
        StatusCode::UNAUTHORIZED => return Err(StaffError::SessionEnded),
        StatusCode::NOT_FOUND => return Err(StaffError::NotFound),
        StatusCode::TOO_MANY_REQUESTS => {
            return Err(StaffError::RateLimited {
                retry_after: retry_after(resp.headers()),
            })
        }
        s if s.is_server_error() => return Err(StaffError::Unreachable),
        _ => {}
    }
    // The service's reason: English, never internals or secrets.
    let reason = resp
        .json::<ApiError>()
        .await
        .map(|e| e.message)
        .unwrap_or_else(|_| status.to_string());
    Err(match status {
        StatusCode::FORBIDDEN => StaffError::Forbidden(reason),
        StatusCode::CONFLICT => StaffError::Conflict(reason),
        _ => StaffError::InvalidInput(reason),
    })
}

async fn json<T: DeserializeOwned>(resp: Response) -> Result<T, StaffError> {
    let bytes = resp.bytes().await.map_err(|_| StaffError::Unreachable)?;
    serde_json::from_slice(&bytes).map_err(|_| StaffError::Incompatible)
}

impl StaffClient {
    /// A client of the service at `url`.
    pub fn new(url: ServiceUrl) -> Result<Self, StaffError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .pool_idle_timeout(Duration::from_secs(30))
            .user_agent(concat!("kulna-maak-staff/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|_| StaffError::Unreachable)?;
        Ok(Self { http, url })
    }

    /// The service's address.
    pub fn url(&self) -> &ServiceUrl {
        &self.url
    }

    fn authed(&self, req: RequestBuilder, token: &StaffToken) -> RequestBuilder {
        req.header(AUTHORIZATION, token.bearer().as_str())
            .timeout(Duration::from_secs(15))
    }

    async fn get<T: DeserializeOwned>(
        &self,
        token: &StaffToken,
        path: &str,
    ) -> Result<T, StaffError> {
        let resp = self
            .authed(self.http.get(self.url.endpoint(path)), token)
            .send()
            .await
            .map_err(|_| StaffError::Unreachable)?;
        json(check(resp).await?).await
    }

    async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        token: &StaffToken,
        path: &str,
        body: &B,
    ) -> Result<T, StaffError> {
        let resp = self
            .authed(self.http.post(self.url.endpoint(path)), token)
            .json(body)
            .send()
            .await
            .map_err(|_| StaffError::Unreachable)?;
        json(check(resp).await?).await
    }

    /// `POST /v1/staff/login`.
    pub async fn login(&self, username: &str, password: &str) -> Result<LoginResponse, StaffError> {
        let body = Zeroizing::new(
            serde_json::to_vec(&LoginRequest {
                username: username.to_owned(),
                password: password.to_owned(),
            })
            .map_err(|_| StaffError::Incompatible)?,
        );
        let resp = self
            .http
            .post(self.url.endpoint("/v1/staff/login"))
            .timeout(Duration::from_secs(15))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_vec())
            .send()
            .await
            .map_err(|_| StaffError::Unreachable)?;
        match check(resp).await {
            Err(StaffError::SessionEnded) => Err(StaffError::WrongCredentials),
            other => json(other?).await,
        }
    }

    /// `POST /v1/staff/logout`.
    pub async fn logout(&self, token: &StaffToken) -> Result<(), StaffError> {
        let resp = self
            .authed(self.http.post(self.url.endpoint("/v1/staff/logout")), token)
            .send()
            .await
            .map_err(|_| StaffError::Unreachable)?;
        check(resp).await.map(|_| ())
    }

    /// `GET /v1/staff/me`.
    pub async fn me(&self, token: &StaffToken) -> Result<StaffProfile, StaffError> {
        self.get(token, "/v1/staff/me").await
    }

    /// `POST /v1/staff/devices`: links a device to the signed-in field
    /// worker's center.
    pub async fn link_device(
        &self,
        token: &StaffToken,
        device_id: DeviceId,
    ) -> Result<(), StaffError> {
        let resp = self
            .authed(
                self.http.post(self.url.endpoint("/v1/staff/devices")),
                token,
            )
            .json(&LinkDeviceRequest { device_id })
            .send()
            .await
            .map_err(|_| StaffError::Unreachable)?;
        check(resp).await.map(|_| ())
    }

    /// `GET /v1/queue`.
    pub async fn queue(
        &self,
        token: &StaffToken,
        include_closed: bool,
    ) -> Result<QueueResponse, StaffError> {
        self.get(
            token,
            &format!("/v1/queue?include_closed={include_closed}&limit=1000"),
        )
        .await
    }

    /// `GET /v1/cases/{id}` (audited by the service).
    pub async fn open_case(
        &self,
        token: &StaffToken,
        id: RecordId,
    ) -> Result<CaseDetail, StaffError> {
        self.get(token, &format!("/v1/cases/{id}")).await
    }

    /// `POST /v1/cases/{id}/acknowledge`.
    pub async fn acknowledge(
        &self,
        token: &StaffToken,
        id: RecordId,
        req: &AcknowledgeRequest,
    ) -> Result<CaseDetail, StaffError> {
        self.post(token, &format!("/v1/cases/{id}/acknowledge"), req)
            .await
    }

    /// `POST /v1/cases/{id}/referrals`.
    pub async fn refer(
        &self,
        token: &StaffToken,
        id: RecordId,
        req: &ReferralRequest,
    ) -> Result<CaseDetail, StaffError> {
        self.post(token, &format!("/v1/cases/{id}/referrals"), req)
            .await
    }

    /// `POST /v1/cases/{id}/referrals/{referral_id}`.
    pub async fn update_referral(
        &self,
        token: &StaffToken,
        id: RecordId,
        referral_id: &str,
        req: &ReferralUpdateRequest,
    ) -> Result<CaseDetail, StaffError> {
        if referral_id.is_empty()
            || referral_id.len() > 64
            || !referral_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(StaffError::InvalidInput("not a referral id".into()));
        }
        self.post(
            token,
            &format!("/v1/cases/{id}/referrals/{referral_id}"),
            req,
        )
        .await
    }

    /// `POST /v1/cases/{id}/notes`.
    pub async fn note(
        &self,
        token: &StaffToken,
        id: RecordId,
        req: &NoteRequest,
    ) -> Result<CaseDetail, StaffError> {
        self.post(token, &format!("/v1/cases/{id}/notes"), req)
            .await
    }

    /// `POST /v1/cases/{id}/messages`.
    pub async fn message(
        &self,
        token: &StaffToken,
        id: RecordId,
        req: &MessageRequest,
    ) -> Result<CaseDetail, StaffError> {
        self.post(token, &format!("/v1/cases/{id}/messages"), req)
            .await
    }

    /// `POST /v1/cases/{id}/close`.
    pub async fn close(
        &self,
        token: &StaffToken,
        id: RecordId,
        req: &CloseRequest,
    ) -> Result<CaseDetail, StaffError> {
        self.post(token, &format!("/v1/cases/{id}/close"), req)
            .await
    }

    /// `GET /v1/audit?after=N&limit=M`.
    pub async fn audit(
        &self,
        token: &StaffToken,
        after: i64,
        limit: u32,
    ) -> Result<AuditLogResponse, StaffError> {
        self.get(token, &format!("/v1/audit?after={after}&limit={limit}"))
            .await
    }

    /// `GET /v1/stats`.
    pub async fn stats(&self, token: &StaffToken) -> Result<StatsResponse, StaffError> {
        self.get(token, "/v1/stats").await
    }

    /// `GET /v1/queue/events`: calls `on_event` for every event until the
    /// service ends the stream (the session's end), the connection drops or
    /// stays silent for [`EVENTS_IDLE`]. `Ok` when the stream ended cleanly.
    pub async fn queue_events(
        &self,
        token: &StaffToken,
        mut on_event: impl FnMut(QueueEvent),
    ) -> Result<(), StaffError> {
        let resp = self
            .http
            .get(self.url.endpoint("/v1/queue/events"))
            .header(AUTHORIZATION, token.bearer().as_str())
            .header(reqwest::header::ACCEPT, "text/event-stream")
            .send()
            .await
            .map_err(|_| StaffError::Unreachable)?;
        let mut resp = check(resp).await?;
        let mut parser = SseParser::default();
        loop {
            let chunk = tokio::time::timeout(EVENTS_IDLE, resp.chunk())
                .await
                .map_err(|_| StaffError::Unreachable)?
                .map_err(|_| StaffError::Unreachable)?;
            let Some(chunk) = chunk else {
                return Ok(());
            };
            for event in parser.feed(&chunk) {
                on_event(event);
            }
        }
    }
}

/// Server-sent events, parsed as they arrive.
#[derive(Debug, Default)]
pub(crate) struct SseParser {
    buf: Vec<u8>,
    event: String,
    data: String,
}

/// The longest event kept; anything longer is dropped as garbage.
const MAX_EVENT: usize = 64 * 1024;

impl SseParser {
    pub(crate) fn feed(&mut self, bytes: &[u8]) -> Vec<QueueEvent> {
        self.buf.extend_from_slice(bytes);
        let mut out = Vec::new();
        while let Some(end) = self.buf.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.buf.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                let event = std::mem::take(&mut self.event);
                let data = std::mem::take(&mut self.data);
                match event.as_str() {
                    "queue" => match serde_json::from_str::<QueueItem>(&data) {
                        Ok(item) => out.push(QueueEvent::Changed(item)),
                        Err(_) => out.push(QueueEvent::Resync),
                    },
                    "resync" => out.push(QueueEvent::Resync),
                    _ => {}
                }
                continue;
            }
            if line.starts_with(':') {
                continue;
            }
            let (field, value) = match line.split_once(':') {
                Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
                None => (line, ""),
            };
            match field {
                "event" => value.clone_into(&mut self.event),
                "data" if self.data.len() + value.len() < MAX_EVENT => {
                    if !self.data.is_empty() {
                        self.data.push('\n');
                    }
                    self.data.push_str(value);
                }
                _ => {}
            }
        }
        if self.buf.len() > MAX_EVENT {
            self.buf.clear();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_split_across_chunks_are_parsed() {
        let item = r#"{"id":"01890a5d-ac96-774b-bcce-b302099a8057","kind":"alert","region":6,"status":"new","created_at_ms":1,"received_at_ms":2}"#;
        let text = format!(": ping\n\nevent: queue\ndata: {item}\n\nevent: resync\ndata: {{}}\n\n");
        let mut p = SseParser::default();
        let mut out = Vec::new();
        for piece in text.as_bytes().chunks(7) {
            out.extend(p.feed(piece));
        }
        assert_eq!(out.len(), 2);
        assert!(matches!(&out[0], QueueEvent::Changed(i) if i.region == Some(6)));
        assert_eq!(out[1], QueueEvent::Resync);
    }

    #[test]
    fn a_token_never_prints() {
        let t = StaffToken::new("secret-token-value".into());
        assert!(!format!("{t:?}").contains("secret"));
    }
}
