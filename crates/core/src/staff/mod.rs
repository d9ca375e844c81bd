//! The staff side: listeners, field workers and supervisors signed in to the
//! central service from the app.
//!
//! [`Staff`] holds the app data and a [`StaffClient`]. Signing in keeps the
//! session (token, expiry, profile) encrypted in the open vault (see
//! [`session`]); every later call reads the token from there. A session past
//! its expiry, or one the service answers with 401 (expired, revoked, the
//! account disabled), is deleted from the vault and the call fails with
//! [`StaffError::SessionEnded`], so the UI sends her back to sign-in with a
//! clear message. Signing out deletes the session first, then tells the
//! service (a failure to reach it leaves the service session to expire).
//!
//! The live queue ([`Staff::watch_queue`]) follows `GET /v1/queue/events`
//! while someone is signed in, reconnecting with a short backoff. It follows
//! the session in the vault: a sign-out, or another staff member signing in
//! on the same device, drops the old stream at once and opens hers. An
//! answer about a session that is no longer the one kept (a 401 for the
//! previous one) never clears the current one.

pub mod client;
pub mod error;
pub mod session;

pub use client::{QueueEvent, StaffClient, StaffToken};
pub use error::StaffError;

use crate::service::ServiceUrl;
use crate::store::AppData;
use kulna_model::staff::{
    AcknowledgeRequest, AuditEntry, CaseDetail, CloseRequest, MessageRequest, NoteRequest,
    QueueFilter, QueueItem, ReferralRequest, ReferralUpdateRequest, StaffSession, StatsResponse,
};
use kulna_model::RecordId;
use session::LoadedSession;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use zeroize::Zeroizing;

/// Longest note or message accepted before sending (the service has its own limit).
pub const MAX_TEXT_CHARS: usize = 4000;

/// The staff side of the app, on one data directory and one service.
#[derive(Debug)]
pub struct Staff {
    data: Arc<AppData>,
    client: StaffClient,
    /// Counts the changes of the kept session (sign-in, sign-out, cleared),
    /// so the live queue follows them at once.
    changes: watch::Sender<u64>,
    /// This device is linked to the signed-in field worker's center.
    linked: std::sync::atomic::AtomicBool,
}

async fn blocking<T: Send + 'static>(
    data: &Arc<AppData>,
    work: impl FnOnce(&AppData) -> Result<T, crate::StoreError> + Send + 'static,
) -> Result<T, StaffError> {
    let data = Arc::clone(data);
    tokio::task::spawn_blocking(move || work(&data))
        .await
        .map_err(|_| StaffError::Incompatible)?
        .map_err(StaffError::from)
}

fn text(label: &str, value: &str) -> Result<String, StaffError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(StaffError::InvalidInput(format!("the {label} is empty")));
    }
    if v.chars().count() > MAX_TEXT_CHARS {
        return Err(StaffError::InvalidInput(format!("the {label} is too long")));
    }
    Ok(v.to_owned())
}

fn optional_text(label: &str, value: Option<String>) -> Result<Option<String>, StaffError> {
    match value {
        Some(v) if !v.trim().is_empty() => text(label, &v).map(Some),
        _ => Ok(None),
    }
}

impl Staff {
    /// The staff side on `data`, talking to the service at `url`.
    pub fn new(data: Arc<AppData>, url: ServiceUrl) -> Result<Self, StaffError> {
        Ok(Self {
            data,
            client: StaffClient::new(url)?,
            changes: watch::Sender::new(0),
            linked: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The HTTP client (for calls this type does not wrap).
    pub fn client(&self) -> &StaffClient {
        &self.client
    }

    /// Signs in and keeps the session in the vault (which must be open).
    pub async fn sign_in(
        &self,
        username: &str,
        password: Zeroizing<String>,
    ) -> Result<StaffSession, StaffError> {
        let username = username.trim();
        if username.is_empty() || password.is_empty() {
            return Err(StaffError::InvalidInput(
                "the username and the password are needed".into(),
            ));
        }
        // Refuse before the password travels if the session could not be kept.
        if blocking(&self.data, |d| d.vault().state()).await? != crate::VaultState::Unlocked {
            return Err(StaffError::Store(crate::StoreError::Locked));
        }
        let answer = self.client.login(username, &password).await?;
        let token = StaffToken::new(answer.token.clone());
        let session = StaffSession {
            staff: answer.staff,
            expires_at_ms: answer.expires_at_ms,
        };
        let (t, s) = (token.clone(), session.clone());
        if let Err(e) = blocking(&self.data, move |d| d.vault().save_staff_session(&t, &s)).await {
            // Not kept: do not leave a live session behind on the service.
            let _ = self.client.logout(&token).await;
            return Err(e);
        }
        tracing::info!(role = session.staff.role.as_str(), "staff signed in");
        if matches!(
            session.staff.scope,
            kulna_model::staff::Scope::Center { .. }
        ) {
            // A center's laptop: its walk-in intakes go to the center's queue.
            if let Err(e) = self.link_this_device().await {
                tracing::warn!("this device could not be linked to the center yet ({e})");
            }
        }
        self.changed();
        Ok(session)
    }

    /// Signs out: the session leaves the vault, then the service is told.
    pub async fn sign_out(&self) -> Result<(), StaffError> {
        let loaded = match self.loaded().await {
            Ok(l) => l,
            Err(StaffError::NotSignedIn | StaffError::SessionEnded) => return Ok(()),
            Err(e) => return Err(e),
        };
        blocking(&self.data, |d| d.vault().clear_staff_session()).await?;
        self.changed();
        match self.client.logout(&loaded.token).await {
            Ok(()) | Err(StaffError::SessionEnded) => {}
            Err(e) => {
                tracing::warn!("sign-out: the service was not told ({e}); its session will expire")
            }
        }
        tracing::info!("staff signed out");
        Ok(())
    }

    /// Who is signed in, if anyone (no network). An expired session is
    /// cleared and reported as `None`.
    pub async fn session(&self) -> Result<Option<StaffSession>, StaffError> {
        match self.loaded().await {
            Ok(l) => Ok(Some(l.session)),
            Err(StaffError::NotSignedIn | StaffError::SessionEnded) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The stored session, if still valid by the clock.
    async fn loaded(&self) -> Result<LoadedSession, StaffError> {
        let now = self.data.vault().now_ms();
        let loaded = blocking(&self.data, |d| d.vault().staff_session())
            .await?
            .ok_or(StaffError::NotSignedIn)?;
        if loaded.session.expires_at_ms <= now {
            self.forget(&loaded.token).await?;
            return Err(StaffError::SessionEnded);
        }
        Ok(loaded)
    }

    fn changed(&self) {
        self.changes.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// Clears the kept session if it is still the one with `token`; true
    /// when it was. A session that ended after another replaced it (she
    /// signed out and a colleague signed in) leaves the new one alone.
    async fn forget(&self, token: &StaffToken) -> Result<bool, StaffError> {
        let token = token.clone();
        let cleared = blocking(&self.data, move |d| {
            let vault = d.vault();
            match vault.staff_session()? {
                Some(kept) if kept.token.same_as(&token) => {
                    vault.clear_staff_session()?;
                    Ok(true)
                }
                _ => Ok(false),
            }
        })
        .await?;
        if cleared {
            self.changed();
            tracing::info!("staff session ended; cleared");
        }
        Ok(cleared)
    }

    /// Runs an authenticated call; a 401 clears the session.
    async fn with_token<T, F, Fut>(&self, call: F) -> Result<T, StaffError>
    where
        F: FnOnce(StaffClient, StaffToken) -> Fut,
        Fut: std::future::Future<Output = Result<T, StaffError>>,
    {
        let loaded = self.loaded().await?;
        match call(self.client.clone(), loaded.token.clone()).await {
            Err(StaffError::SessionEnded) => {
                self.forget(&loaded.token).await?;
                Err(StaffError::SessionEnded)
            }
            other => other,
        }
    }

    /// The queue of the account's scope: alerts first, then reports and
    /// intakes, then support requests (the service's order), filtered.
    pub async fn queue(&self, filter: QueueFilter) -> Result<Vec<QueueItem>, StaffError> {
        let all = self
            .with_token(|c, t| async move { c.queue(&t, filter.wants_closed()).await })
            .await?;
        Ok(all.items.into_iter().filter(|i| filter.admits(i)).collect())
    }

    /// Opens a case (the service audits the read).
    pub async fn open_case(&self, id: RecordId) -> Result<CaseDetail, StaffError> {
        self.with_token(|c, t| async move { c.open_case(&t, id).await })
            .await
    }

    /// Acknowledges a case; the optional message goes to her device.
    pub async fn acknowledge(
        &self,
        id: RecordId,
        message: Option<String>,
    ) -> Result<CaseDetail, StaffError> {
        let req = AcknowledgeRequest {
            message: optional_text("message", message)?,
        };
        self.with_token(|c, t| async move { c.acknowledge(&t, id, &req).await })
            .await
    }

    /// Refers a case. Without her consent to that destination only a
    /// supervisor may, with an override reason (logged by the service).
    pub async fn refer(
        &self,
        id: RecordId,
        req: ReferralRequest,
    ) -> Result<CaseDetail, StaffError> {
        let req = ReferralRequest {
            listing: optional_text("listing", req.listing)?,
            override_reason: optional_text("override reason", req.override_reason)?,
            message: optional_text("message", req.message)?,
            ..req
        };
        self.with_token(|c, t| async move { c.refer(&t, id, &req).await })
            .await
    }

    /// Moves a referral along its lifecycle.
    pub async fn update_referral(
        &self,
        id: RecordId,
        referral_id: String,
        req: ReferralUpdateRequest,
    ) -> Result<CaseDetail, StaffError> {
        if matches!(
            req.status,
            kulna_model::staff::ReferralStatus::Rejected
                | kulna_model::staff::ReferralStatus::Revoked
        ) && req.reason.is_none()
        {
            return Err(StaffError::InvalidInput(
                "a rejected or revoked referral needs a reason".into(),
            ));
        }
        let req = ReferralUpdateRequest {
            message: optional_text("message", req.message)?,
            ..req
        };
        self.with_token(|c, t| async move { c.update_referral(&t, id, &referral_id, &req).await })
            .await
    }

    /// Adds a note for staff.
    pub async fn add_note(&self, id: RecordId, note: &str) -> Result<CaseDetail, StaffError> {
        let req = NoteRequest {
            text: text("note", note)?,
        };
        self.with_token(|c, t| async move { c.note(&t, id, &req).await })
            .await
    }

    /// Sends a status message to her device (sealed to it by the service).
    pub async fn send_message(
        &self,
        id: RecordId,
        message: &str,
    ) -> Result<CaseDetail, StaffError> {
        let req = MessageRequest {
            message: text("message", message)?,
        };
        self.with_token(|c, t| async move { c.message(&t, id, &req).await })
            .await
    }

    /// Closes a case.
    pub async fn close(
        &self,
        id: RecordId,
        message: Option<String>,
    ) -> Result<CaseDetail, StaffError> {
        let req = CloseRequest {
            message: optional_text("message", message)?,
        };
        self.with_token(|c, t| async move { c.close(&t, id, &req).await })
            .await
    }

    /// The audit log after `after` (supervisors, administrators).
    pub async fn audit(&self, after: i64, limit: u32) -> Result<Vec<AuditEntry>, StaffError> {
        self.with_token(|c, t| async move { c.audit(&t, after, limit.clamp(1, 1000)).await })
            .await
            .map(|r| r.entries)
    }

    /// The anonymous statistics (supervisors, administrators).
    pub async fn stats(&self) -> Result<StatsResponse, StaffError> {
        self.with_token(|c, t| async move { c.stats(&t).await })
            .await
    }

    /// Links this device to the signed-in field worker's center: its
    /// intakes then go to the center's queue.
    pub async fn link_this_device(&self) -> Result<(), StaffError> {
        let device = blocking(&self.data, |d| Ok(d.vault().device_id())).await?;
        self.with_token(|c, t| async move { c.link_device(&t, device).await })
            .await
    }

    /// A center's laptop: links this device to the center, so its walk-in
    /// intakes go to the center's queue. Best effort; retried by
    /// [`Staff::watch_queue`] until it succeeds (the device must have
    /// registered with the service first).
    async fn ensure_linked(&self, session: &StaffSession) {
        if !matches!(
            session.staff.scope,
            kulna_model::staff::Scope::Center { .. }
        ) || self.linked.load(std::sync::atomic::Ordering::SeqCst)
        {
            return;
        }
        match self.link_this_device().await {
            Ok(()) => self.linked.store(true, std::sync::atomic::Ordering::SeqCst),
            Err(e) => tracing::info!("this device is not linked to the center yet ({e})"),
        }
    }

    /// A walk-in intake: a field worker records a report or a support
    /// request with and for a woman at the center, with the consents she
    /// gives. Works offline: it is sealed to the service and queued like
    /// any record, and sent when the connection returns. Needs a staff
    /// session (the vault open), not the network.
    pub async fn record_intake(
        &self,
        region: Option<u8>,
        payload: kulna_model::record::RecordPayload,
    ) -> Result<RecordId, StaffError> {
        self.loaded().await?;
        if region.is_some_and(|r| !(1..=12).contains(&r)) {
            return Err(StaffError::InvalidInput("region must be 1 to 12".into()));
        }
        if !payload.consents.services {
            return Err(StaffError::InvalidInput(
                "an intake needs her consent to receive services".into(),
            ));
        }
        blocking(&self.data, move |d| {
            let mut payload = payload;
            if payload.language.is_none() {
                payload.language = Some(d.locale()?);
            }
            let bytes = serde_json::to_vec(&payload).map_err(|_| crate::StoreError::Damaged)?;
            d.vault().save_record(crate::NewRecord {
                kind: kulna_model::RecordKind::Intake,
                region,
                payload: &bytes,
            })
        })
        .await
    }

    /// Follows the live queue while someone is signed in, for as long as the
    /// returned future runs: `on_event` gets every change in scope, and
    /// `Resync` after every (re)connection, when events may have been missed.
    /// `on_session_ended` is called when the kept session ends under it.
    ///
    /// The stream is always the kept session's: a sign-out or a sign-in
    /// drops it and, for a new session, opens another at once.
    pub async fn watch_queue(
        &self,
        on_event: impl Fn(QueueEvent) + Send + Sync,
        on_session_ended: impl Fn() + Send + Sync,
    ) {
        let mut changes = self.changes.subscribe();
        let mut failures: u32 = 0;
        loop {
            changes.borrow_and_update();
            let loaded = match self.loaded().await {
                Ok(l) => l,
                Err(StaffError::SessionEnded) => {
                    on_session_ended();
                    continue;
                }
                Err(_) => {
                    // Not signed in, or the vault is locked: wait for a sign-in
                    // (or look again soon: an unlock does not notify).
                    let _ = tokio::time::timeout(Duration::from_secs(2), changes.changed()).await;
                    continue;
                }
            };
            self.ensure_linked(&loaded.session).await;
            on_event(QueueEvent::Resync);
            // Until this laptop is linked to the center, keep trying beside the stream.
            let relink = async {
                loop {
                    tokio::time::sleep(Duration::from_secs(2)).await;
                    if self.linked.load(std::sync::atomic::Ordering::SeqCst) {
                        std::future::pending::<()>().await;
                    }
                    self.ensure_linked(&loaded.session).await;
                }
            };
            let events = self.client.queue_events(&loaded.token, &on_event);
            let outcome = tokio::select! {
                r = events => r,
                () = relink => Ok(()),
                // Signed out, or someone else signed in: this stream is not hers.
                _ = changes.changed() => {
                    failures = 0;
                    continue;
                }
            };
            match outcome {
                Ok(()) => failures = 0,
                Err(StaffError::SessionEnded) => {
                    if let Ok(true) = self.forget(&loaded.token).await {
                        on_session_ended();
                    }
                    continue;
                }
                Err(_) => failures = failures.saturating_add(1),
            }
            let wait = Duration::from_millis(250u64 << failures.min(5));
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                _ = changes.changed() => failures = 0,
            }
        }
    }
}
