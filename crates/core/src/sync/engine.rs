//! The engine the app shell drives: two lanes (alerts, everything else),
//! each one task, and the state it publishes.

use super::client::{ServiceClient, Timeouts};
use super::error::{Backoff, SyncError};
use super::local::{
    Pending, RefusedItem, SETTING_DIRECTORY_KEY, SETTING_LAST_CONTACT, SETTING_REGISTERED_SEALING,
    SETTING_UPDATES_CURSOR, SETTLE_CHUNK,
};
use crate::device::DeviceToken;
use crate::error::StoreError;
use crate::service::ServiceUrl;
use crate::store::AppData;
use crate::vault::Vault;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_crypto::SealingSecretKey;
use kulna_model::api::{
    CreateUploadRequest, IngestResponse, RegisterDeviceRequest, RejectReason, ServiceLimits,
    UploadStatus,
};
use kulna_model::directory::{
    DirectoryBodyKind, DirectoryDelta, DirectorySnapshot, SignedDirectory, DIRECTORY_SIGNATURE_TAG,
};
use kulna_model::{
    DirectoryDownload, OutboxCounts, RecordId, RecordKind, SyncProblem, SyncState, UploadProgress,
};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;

/// How the engine runs. [`SyncOptions::new`] gives the production values.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// The central service.
    pub service: ServiceUrl,
    /// A sync runs at least this often (statuses, directory, retries of
    /// anything left).
    pub interval: Duration,
    /// Most envelopes per batch (the service takes at most 500).
    pub batch_max_records: usize,
    /// About this many bytes of envelopes per batch (the service's body
    /// limit is 4 MiB).
    pub batch_max_bytes: usize,
    /// Batches in flight at once.
    pub pipeline: usize,
    /// First retry wait (backoff base) of the main lane.
    pub retry_base: Duration,
    /// Longest wait between two tries of the main lane.
    pub retry_cap: Duration,
    /// First retry wait of an alert.
    pub alert_retry_base: Duration,
    /// Longest wait between two tries of an alert: "every few seconds".
    pub alert_retry_cap: Duration,
    /// The directory is asked for at most this often (and on `send_now`).
    pub directory_interval: Duration,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Timeout of a whole request (batches, pulls).
    pub request_timeout: Duration,
    /// Timeout of one alert request.
    pub alert_timeout: Duration,
}

impl SyncOptions {
    /// Production values for a service.
    pub fn new(service: ServiceUrl) -> Self {
        Self {
            service,
            interval: Duration::from_secs(5 * 60),
            batch_max_records: kulna_model::api::MAX_BATCH,
            batch_max_bytes: 2 * 1024 * 1024,
            pipeline: 2,
            retry_base: Duration::from_secs(1),
            retry_cap: Duration::from_secs(60),
            alert_retry_base: Duration::from_millis(500),
            alert_retry_cap: Duration::from_secs(4),
            directory_interval: Duration::from_secs(6 * 3600),
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            alert_timeout: Duration::from_secs(8),
        }
    }
}

/// The most a `Retry-After` may hold the main lane back.
const MAX_ASKED_WAIT: Duration = Duration::from_secs(15 * 60);
/// Sent envelopes' rows deleted between two checkpoints (a full batch's
/// worth, as the push checkpoints after each batch).
const PURGE_ROUND: usize = kulna_model::api::MAX_BATCH;
/// The main lane refreshes the counts it shows at most this often.
const COUNT_EVERY: Duration = Duration::from_millis(250);
/// Status updates asked per request.
const UPDATES_PAGE: u32 = 500;
/// Steps of directory index merging after one update, at most (the rest
/// waits for the next update).
const MAX_TIDY_STEPS: usize = 1_000;
/// The smallest chunk an upload shrinks to on a network that keeps cutting.
const MIN_CHUNK: usize = 16 * 1024;
/// An upload whose bytes the service found altered this many times in a
/// row (digest mismatch) is kept as refused (`digest_mismatch`) instead of
/// being sent again and again.
const DIGEST_FAILURES: u32 = 3;

#[derive(Debug, Default)]
struct Session {
    /// The token in use; `None` before registration or once refused.
    token: Option<DeviceToken>,
    /// The stored token was read (or found stale) already.
    loaded: bool,
    /// The service key was checked against the pinned one in this run.
    key_checked: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    Main,
    Alert,
}

#[derive(Debug, Default)]
struct LaneState {
    problem: Option<SyncProblem>,
    retry_at: Option<Instant>,
    syncing: bool,
}

#[derive(Debug, Default)]
struct Board {
    main: LaneState,
    alert: LaneState,
    waiting: OutboxCounts,
    refused: u32,
    status_updates: u32,
    last_refused: Option<RefusedItem>,
    last_contact_ms: Option<i64>,
    directory_checked: Option<Instant>,
    upload: Option<UploadProgress>,
    directory: Option<DirectoryDownload>,
}

impl Board {
    fn lane(&mut self, lane: Lane) -> &mut LaneState {
        match lane {
            Lane::Main => &mut self.main,
            Lane::Alert => &mut self.alert,
        }
    }

    fn state(&self) -> SyncState {
        let now = Instant::now();
        // An alert's problem first: it is what matters most to her now.
        let (problem, retry_at) = match (&self.alert.problem, &self.main.problem) {
            (Some(p), _) => (Some(p.clone()), self.alert.retry_at),
            (None, Some(p)) => (Some(p.clone()), self.main.retry_at),
            (None, None) => (
                self.last_refused
                    .as_ref()
                    .map(|r| SyncProblem::ItemRefused {
                        id: r.id,
                        kind: r.kind,
                        reason: r.reason,
                    }),
                None,
            ),
        };
        SyncState {
            waiting: self.waiting,
            refused: self.refused,
            status_updates: self.status_updates,
            last_contact_ms: self.last_contact_ms,
            syncing: self.main.syncing || self.alert.syncing,
            problem,
            retry_in_secs: retry_at.map(|t| {
                u32::try_from(t.saturating_duration_since(now).as_secs()).unwrap_or(u32::MAX)
            }),
            upload: self.upload,
            directory: self.directory,
        }
    }
}

struct Shared {
    data: Arc<AppData>,
    client: ServiceClient,
    options: SyncOptions,
    wake_main: Notify,
    wake_alert: Notify,
    /// `send_now` / foreground: retry at once, from the first backoff step.
    forced: AtomicBool,
    /// Shrunk when the service refuses a whole batch for its size or shape.
    batch_limit: AtomicUsize,
    /// An alert is being sent: the main lane starts no new batch meanwhile,
    /// so the alert meets neither a busy service nor a busy local database.
    alert_sending: AtomicBool,
    alert_done: Notify,
    /// An alert starts: an upload chunk in flight gives way at once.
    alert_started: Notify,
    /// What the service takes (`None`: a service without uploads), asked
    /// once per run by the main lane (an alert never waits for it).
    limits: Mutex<Option<ServiceLimits>>,
    limits_known: AtomicBool,
    /// The chunk size uploads use now: the announced one, halved after a
    /// cut mid-chunk, doubled back after each chunk that gets through.
    chunk_bytes: AtomicUsize,
    /// Digest mismatches in a row, per record being uploaded (this run).
    digest_failures: Mutex<HashMap<RecordId, u32>>,
    session: tokio::sync::Mutex<Session>,
    board: Mutex<Board>,
    state: watch::Sender<SyncState>,
    stop: watch::Sender<bool>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("service", &self.options.service)
            .finish_non_exhaustive()
    }
}

/// The sync engine: one per app, started once the data directory is open.
///
/// Every method returns at once; the work happens on the runtime it was
/// started on. Dropping the engine stops it (what was in flight is simply
/// sent again next time: the service keeps one copy).
#[derive(Debug)]
pub struct SyncEngine {
    shared: Arc<Shared>,
    tasks: Mutex<Vec<JoinHandle<()>>>,
}

impl SyncEngine {
    /// Starts the engine on the current tokio runtime. Must be called from
    /// inside a runtime (else see [`SyncEngine::start_on`]).
    pub fn start(data: Arc<AppData>, options: SyncOptions) -> Result<Self, SyncError> {
        let handle = tokio::runtime::Handle::try_current().map_err(|_| SyncError::Stopped)?;
        Self::start_on(&handle, data, options)
    }

    /// Starts the engine on `runtime` (the Tauri shell passes its own).
    /// A first sync runs at once.
    pub fn start_on(
        runtime: &tokio::runtime::Handle,
        data: Arc<AppData>,
        options: SyncOptions,
    ) -> Result<Self, SyncError> {
        let client = ServiceClient::new(
            options.service.clone(),
            Timeouts {
                connect: options.connect_timeout,
                request: options.request_timeout,
                alert: options.alert_timeout,
            },
        )?;
        let last_contact = data
            .vault()
            .sync_setting(SETTING_LAST_CONTACT)?
            .and_then(|v| v.parse().ok());
        let (state, _) = watch::channel(SyncState {
            last_contact_ms: last_contact,
            ..SyncState::default()
        });
        let (stop, _) = watch::channel(false);
        let shared = Arc::new(Shared {
            data,
            client,
            batch_limit: AtomicUsize::new(options.batch_max_records.max(1)),
            options,
            wake_main: Notify::new(),
            wake_alert: Notify::new(),
            forced: AtomicBool::new(true),
            alert_sending: AtomicBool::new(false),
            alert_done: Notify::new(),
            alert_started: Notify::new(),
            limits: Mutex::new(None),
            limits_known: AtomicBool::new(false),
            chunk_bytes: AtomicUsize::new(0),
            digest_failures: Mutex::new(HashMap::new()),
            session: tokio::sync::Mutex::new(Session::default()),
            board: Mutex::new(Board {
                last_contact_ms: last_contact,
                ..Board::default()
            }),
            state,
            stop,
        });
        let tasks = vec![
            runtime.spawn(shared.clone().main_lane()),
            runtime.spawn(shared.clone().alert_lane()),
        ];
        Ok(Self {
            shared,
            tasks: Mutex::new(tasks),
        })
    }

    /// "Send now": try everything at once, forgetting any backoff, and ask
    /// for the directory too.
    pub fn send_now(&self) {
        self.shared.forced.store(true, Ordering::SeqCst);
        self.shared.wake_main.notify_one();
        self.shared.wake_alert.notify_one();
    }

    /// The app came to the foreground: same as [`SyncEngine::send_now`].
    pub fn on_foreground(&self) {
        self.send_now();
    }

    /// A record was just written to the outbox: send it (an alert at once,
    /// on its own lane).
    pub fn record_saved(&self, kind: RecordKind) {
        if kind == RecordKind::Alert {
            self.shared.alert_sending.store(true, Ordering::SeqCst);
            self.shared.alert_started.notify_waiters();
            self.shared.wake_alert.notify_one();
        } else {
            self.shared.wake_main.notify_one();
        }
    }

    /// The panic button: seals the alert durably (works while locked), then
    /// sends it at once. Returns when the alert is safe on the device.
    pub async fn raise_alert(
        &self,
        region: Option<u8>,
        payload: Vec<u8>,
    ) -> Result<RecordId, SyncError> {
        // From now on the main lane starts no batch, settles nothing and
        // an upload chunk gives way: the device's database and the link are
        // the alert's while it is written and sent.
        self.shared.alert_sending.store(true, Ordering::SeqCst);
        self.shared.alert_started.notify_waiters();
        let saved = self
            .shared
            .blocking(move |v| v.seal_alert(region, &payload))
            .await;
        // Either way the alert lane looks (and clears the flag if nothing waits).
        self.record_saved(RecordKind::Alert);
        saved
    }

    /// The state for the UI, updated whenever it changes.
    pub fn subscribe(&self) -> watch::Receiver<SyncState> {
        self.shared.state.subscribe()
    }

    /// The state now.
    pub fn state(&self) -> SyncState {
        self.shared.state.borrow().clone()
    }

    /// Stops both lanes and waits for them. Requests in flight are dropped
    /// (they are resent next time; the service keeps one copy).
    pub async fn shutdown(self) {
        // `send_replace`: stored even when no lane is listening right now.
        self.shared.stop.send_replace(true);
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(|e| e.into_inner()));
        for t in tasks {
            let _ = t.await;
        }
    }
}

impl Drop for SyncEngine {
    fn drop(&mut self) {
        self.shared.stop.send_replace(true);
    }
}

/// What a batch request came back with.
type BatchResult = (Vec<Pending>, Result<IngestResponse, SyncError>);

impl Shared {
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Vault) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, SyncError> {
        let data = self.data.clone();
        tokio::task::spawn_blocking(move || f(data.vault()))
            .await
            .map_err(|_| SyncError::Stopped)?
            .map_err(SyncError::Storage)
    }

    fn publish(&self, edit: impl FnOnce(&mut Board)) {
        let state = {
            let mut board = self.board.lock().unwrap_or_else(|e| e.into_inner());
            edit(&mut board);
            board.state()
        };
        self.state.send_if_modified(|s| {
            if *s == state {
                false
            } else {
                *s = state;
                true
            }
        });
    }

    fn set_problem(&self, lane: Lane, problem: Option<SyncProblem>, retry_in: Option<Duration>) {
        self.publish(|b| {
            let l = b.lane(lane);
            l.problem = problem;
            l.retry_at = retry_in.map(|d| Instant::now() + d);
        });
    }

    fn set_syncing(&self, lane: Lane, syncing: bool) {
        self.publish(|b| b.lane(lane).syncing = syncing);
    }

    async fn refresh_counts(&self) {
        match self.blocking(|v| v.sync_counts()).await {
            Ok(c) => self.publish(|b| {
                b.waiting = c.waiting;
                b.last_refused = c.last_refused;
                b.refused = c.refused;
                b.status_updates = c.status_updates;
            }),
            Err(e) => tracing::warn!(error = %e, "sync: cannot count the outbox"),
        }
    }

    async fn contact(&self) {
        let now = self.data.vault().now_ms();
        self.publish(|b| b.last_contact_ms = Some(now));
        let _ = self
            .blocking(move |v| v.set_sync_setting(SETTING_LAST_CONTACT, &now.to_string()))
            .await;
    }

    fn stopped(&self) -> bool {
        *self.stop.borrow()
    }

    /// Waits for a wake-up, the delay, or the stop; false when stopped.
    async fn wait(&self, wake: &Notify, delay: Duration) -> bool {
        let mut stop = self.stop.subscribe();
        if *stop.borrow() {
            return false;
        }
        tokio::select! {
            _ = wake.notified() => true,
            _ = tokio::time::sleep(delay) => true,
            _ = stop.changed() => false,
        }
    }

    // ----- keys and registration -------------------------------------------

    /// Checks (or pins, the first time) the service's keys.
    async fn check_service_key(&self) -> Result<(), SyncError> {
        let (key, dir_key) = self.client.service_keys().await?;
        let same = self
            .blocking(move |v| {
                match v.service_key() {
                    Ok(pinned) if pinned != key => return Ok(false),
                    Ok(_) => {}
                    Err(StoreError::NoServiceKey) => v.set_service_key(key)?,
                    Err(e) => return Err(e),
                }
                match v.sync_setting(SETTING_DIRECTORY_KEY)? {
                    Some(pinned) if pinned != dir_key => Ok(false),
                    Some(_) => Ok(true),
                    None => {
                        v.set_sync_setting(SETTING_DIRECTORY_KEY, &dir_key)?;
                        Ok(true)
                    }
                }
            })
            .await?;
        if same {
            Ok(())
        } else {
            tracing::error!("the service presents another key than the pinned one; sync stopped");
            Err(SyncError::ServiceKeyChanged)
        }
    }

    /// The token to use, registering first if needed and `register` is set.
    async fn session(&self, register: bool) -> Result<Option<DeviceToken>, SyncError> {
        let mut s = self.session.lock().await;
        if !s.key_checked {
            self.check_service_key().await?;
            s.key_checked = true;
        }
        if !s.loaded {
            s.token = self.blocking(|v| v.device_token()).await?;
            s.loaded = true;
        }
        if s.token.is_none() && register {
            s.token = Some(self.register().await?);
        }
        Ok(s.token.clone())
    }

    /// The service no longer takes `token`: the next call registers again.
    async fn token_refused(&self, token: &DeviceToken) {
        let mut s = self.session.lock().await;
        if s.token.as_ref() == Some(token) {
            s.token = None;
            s.loaded = true;
        }
    }

    async fn register(&self) -> Result<DeviceToken, SyncError> {
        let req = self
            .blocking(|v| {
                let sealing = match v.sync_setting(SETTING_REGISTERED_SEALING)? {
                    // Registered before: always the same keys, or the service refuses.
                    Some(k) => k,
                    None => {
                        let k = match v.device_sealing_key() {
                            Some(k) => k.to_base64(),
                            // No PIN yet, and something must go now (an
                            // alert): register with a key whose secret is
                            // thrown away. Statuses for this device cannot
                            // be read; calling for help comes first.
                            None => SealingSecretKey::generate().public_key().to_base64(),
                        };
                        v.set_sync_setting(SETTING_REGISTERED_SEALING, &k)?;
                        k
                    }
                };
                Ok(RegisterDeviceRequest {
                    device_id: v.device_id(),
                    verifying_key: v.device_verifying_key().to_base64(),
                    sealing_public_key: sealing,
                })
            })
            .await?;
        let resp = self.client.register(&req).await?;
        if resp.device_id != req.device_id {
            return Err(SyncError::Incompatible("registered another device id"));
        }
        let token = DeviceToken::new(resp.token);
        let stored = token.clone();
        self.blocking(move |v| v.set_device_token(&stored)).await?;
        tracing::info!("device registered with the service");
        Ok(token)
    }

    // ----- the alert lane -----------------------------------------------------

    async fn alert_lane(self: Arc<Self>) {
        let mut backoff = Backoff::new(self.options.alert_retry_base, self.options.alert_retry_cap);
        let mut auth_retry = false;
        // Alerts were sent (or tried) since the counts were last read.
        let mut sent_since_count = false;
        while !self.stopped() {
            let alerts = match self.blocking(|v| v.pending_alerts(16)).await {
                Ok(a) => a,
                Err(e) => {
                    let d = backoff.next_delay();
                    self.set_problem(Lane::Alert, Some(e.problem()), Some(d));
                    if !self.wait(&self.wake_alert, d).await {
                        break;
                    }
                    continue;
                }
            };
            if alerts.is_empty() {
                self.alerts_idle();
                if sent_since_count {
                    // The full counts, once the alerts are out.
                    sent_since_count = false;
                    self.refresh_counts().await;
                }
                backoff.reset();
                self.set_problem(Lane::Alert, None, None);
                if !self.wait(&self.wake_alert, self.options.interval).await {
                    break;
                }
                continue;
            }
            self.alert_sending.store(true, Ordering::SeqCst);
            self.alert_started.notify_waiters();
            self.set_syncing(Lane::Alert, true);
            let result = self.send_alerts(alerts).await;
            self.set_syncing(Lane::Alert, false);
            sent_since_count = true;
            if result.is_err() {
                // Waiting to retry: the backlog need not wait too.
                self.alerts_idle();
                self.refresh_counts().await;
            }
            match result {
                Ok(()) => {
                    backoff.reset();
                    auth_retry = false;
                    self.set_problem(Lane::Alert, None, None);
                }
                Err(SyncError::Unauthorized) if !auth_retry => auth_retry = true,
                Err(e) => {
                    auth_retry = false;
                    let d = if e.is_retryable() {
                        backoff.delay_for(&e, self.options.alert_retry_cap)
                    } else {
                        // Nothing will change by itself (a changed key):
                        // ask again now and then, not every few seconds.
                        self.options.retry_cap
                    };
                    tracing::warn!(error = %e, retry_in_ms = d.as_millis() as u64, "alert not sent yet");
                    self.set_problem(Lane::Alert, Some(e.problem()), Some(d));
                    if !self.wait(&self.wake_alert, d).await {
                        break;
                    }
                }
            }
        }
        self.alerts_idle();
    }

    fn alerts_idle(&self) {
        self.alert_sending.store(false, Ordering::SeqCst);
        self.alert_done.notify_waiters();
    }

    /// Before a new batch: let an alert being sent go first (bounded by the
    /// alert timeout, so a stuck alert never stops the backlog for long).
    async fn yield_to_alerts(&self) {
        let deadline = Instant::now() + self.options.alert_timeout;
        while self.alert_sending.load(Ordering::SeqCst)
            && Instant::now() < deadline
            && !self.stopped()
        {
            let done = self.alert_done.notified();
            if !self.alert_sending.load(Ordering::SeqCst) {
                break;
            }
            let _ = tokio::time::timeout_at(deadline, done).await;
        }
    }

    async fn send_alerts(&self, alerts: Vec<Pending>) -> Result<(), SyncError> {
        let Some(token) = self.session(true).await? else {
            return Err(SyncError::Unauthorized);
        };
        let mut held_any = false;
        let result = self.send_alerts_with(&token, alerts, &mut held_any).await;
        if held_any {
            self.contact().await;
        }
        result
    }

    async fn send_alerts_with(
        &self,
        token: &DeviceToken,
        alerts: Vec<Pending>,
        held_any: &mut bool,
    ) -> Result<(), SyncError> {
        let token = token.clone();
        for alert in alerts {
            match self.client.post_alert(&token, &alert.json).await {
                Ok(resp) if resp.id == alert.id => {
                    self.blocking(move |v| v.alert_settle(&[alert.id], &[]))
                        .await?;
                    *held_any = true;
                    // Tell the screen at once: help has been called (the full
                    // counts follow once no alert waits).
                    self.publish(|b| b.waiting.alerts = b.waiting.alerts.saturating_sub(1));
                    tracing::info!("alert held by the service");
                }
                Ok(_) => return Err(SyncError::Incompatible("acknowledged another alert")),
                Err(SyncError::Unauthorized) => {
                    self.token_refused(&token).await;
                    return Err(SyncError::Unauthorized);
                }
                // Refused with its reason: kept here with it, not resent.
                Err(SyncError::Refused {
                    reason: Some(reason),
                    ..
                }) => {
                    tracing::warn!(?reason, "an alert was refused by the service");
                    self.blocking(move |v| v.alert_settle(&[], &[(alert.id, reason)]))
                        .await?;
                }
                // Refused without a reason (an older service), or no alert
                // route: the batch route says precisely what it holds or
                // why it refuses.
                Err(SyncError::Refused { status: 400, .. })
                | Err(SyncError::Refused { status: 409, .. })
                | Err(SyncError::Incompatible("unknown route")) => {
                    let resp = self.client.post_batch(&token, &[&alert.json], None).await?;
                    self.settle(vec![alert], resp).await?;
                    *held_any = true;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    // ----- the main lane --------------------------------------------------------

    async fn main_lane(self: Arc<Self>) {
        let mut backoff = Backoff::new(self.options.retry_base, self.options.retry_cap);
        let mut auth_retry = false;
        while !self.stopped() {
            let forced = self.forced.swap(false, Ordering::SeqCst);
            if forced {
                backoff.reset();
            }
            self.set_syncing(Lane::Main, true);
            // What waits is on the screen before a long pass (a backlog, an
            // upload) starts, not only after it.
            self.refresh_counts().await;
            let result = self.pass(forced).await;
            self.set_syncing(Lane::Main, false);
            self.refresh_counts().await;
            // Local, so whatever the pass met: the rows of what the service
            // now holds are deleted (zeroed) before the engine rests.
            self.purge_sent().await;
            let wait = match result {
                Ok(()) => {
                    backoff.reset();
                    auth_retry = false;
                    self.set_problem(Lane::Main, None, None);
                    self.options.interval
                }
                Err(SyncError::Unauthorized) if !auth_retry => {
                    auth_retry = true;
                    continue;
                }
                Err(SyncError::Stopped) => break,
                Err(e) => {
                    auth_retry = false;
                    if e.is_retryable() {
                        let d = backoff.delay_for(&e, MAX_ASKED_WAIT);
                        tracing::info!(error = %e, retry_in_ms = d.as_millis() as u64, "sync failed; will retry");
                        self.set_problem(Lane::Main, Some(e.problem()), Some(d));
                        d
                    } else {
                        tracing::warn!(error = %e, "sync stopped until something changes");
                        self.set_problem(Lane::Main, Some(e.problem()), None);
                        self.options.interval
                    }
                }
            };
            if !self.wait(&self.wake_main, wait).await {
                break;
            }
        }
    }

    /// One sync: push the backlog, pull statuses and (when due) the directory.
    async fn pass(&self, forced: bool) -> Result<(), SyncError> {
        let (has_pending, has_sealing_key) = self
            .blocking(|v| {
                Ok((
                    !v.pending_batch(0, 1, usize::MAX, usize::MAX)?.is_empty(),
                    v.device_sealing_key().is_some(),
                ))
            })
            .await?;
        let token = self.session(has_pending || has_sealing_key).await?;
        if let Some(token) = token {
            let pushed = match self.push(&token).await {
                Err(SyncError::Unauthorized) => {
                    self.token_refused(&token).await;
                    Err(SyncError::Unauthorized)
                }
                other => other,
            };
            pushed?;
            match self.pull_updates(&token).await {
                Err(SyncError::Unauthorized) => {
                    self.token_refused(&token).await;
                    return Err(SyncError::Unauthorized);
                }
                other => other?,
            }
        }
        self.contact().await;
        let due = {
            let board = self.board.lock().unwrap_or_else(|e| e.into_inner());
            board
                .directory_checked
                .is_none_or(|t| t.elapsed() >= self.options.directory_interval)
        };
        if forced || due {
            self.publish(|b| b.directory_checked = Some(Instant::now()));
            self.pull_directory().await?;
        }
        Ok(())
    }

    /// Sends the backlog (not alerts) until nothing is left or a request fails.
    ///
    /// Up to [`SyncOptions::pipeline`] batches are in flight, each read
    /// after the last one sent (by row id, so no record is in two of them).
    /// When an answer comes back the next batch is read and sent first, and
    /// only then is the answer settled: the service always has work while
    /// the device writes.
    async fn push(&self, token: &DeviceToken) -> Result<(), SyncError> {
        if !self.limits_known.load(Ordering::SeqCst) {
            let limits = self.client.limits().await?;
            *self.limits.lock().unwrap_or_else(|e| e.into_inner()) = limits;
            self.limits_known.store(true, Ordering::SeqCst);
        }
        let mut last_count = Instant::now();
        let mut checkpoint: Option<JoinHandle<()>> = None;
        'pass: loop {
            let mut cursor = 0i64;
            let mut inflight: JoinSet<BatchResult> = JoinSet::new();
            let mut failure: Option<SyncError> = None;
            let mut split = false;
            loop {
                // Stopped between batches: what is in flight is settled
                // below or simply resent next time.
                if failure.is_none()
                    && !split
                    && !self.fill(token, &mut inflight, &mut cursor).await?
                {
                    failure = Some(SyncError::Stopped);
                }
                let Some(joined) = inflight.join_next().await else {
                    break;
                };
                let (batch, result) = joined.map_err(|_| SyncError::Stopped)?;
                match result {
                    Ok(resp) => {
                        if failure.is_none()
                            && !split
                            && !self.fill(token, &mut inflight, &mut cursor).await?
                        {
                            failure = Some(SyncError::Stopped);
                        }
                        // The last batch's WAL is copied back first, so that
                        // this settle starts the WAL over instead of growing
                        // it past SQLite's threshold, where the commit that
                        // crosses it checkpoints under the lock, an alert
                        // waiting. Meanwhile the next batches are on the wire.
                        if let Some(c) = checkpoint.take() {
                            let _ = c.await;
                        }
                        // An alert being written or sent has the device's
                        // database first.
                        self.yield_to_alerts().await;
                        self.settle(batch, resp).await?;
                        // The WAL those writes grew is copied back now, on
                        // a connection of its own: an alert's commit never
                        // pays for it, nor does the next batch's read wait
                        // for it.
                        self.yield_to_alerts().await;
                        checkpoint = Some(self.checkpoint_in_background());
                        // Counting scans the outbox: not after every batch.
                        if last_count.elapsed() >= COUNT_EVERY {
                            last_count = Instant::now();
                            self.refresh_counts().await;
                        }
                    }
                    // Refused as a whole for its size or shape: halve it
                    // until the one item at fault is alone, then refuse it.
                    Err(e @ (SyncError::TooLarge | SyncError::Refused { status: 400, .. })) => {
                        if batch.len() == 1 {
                            let reason = match e {
                                SyncError::TooLarge => RejectReason::TooLarge,
                                _ => RejectReason::Malformed,
                            };
                            let id = batch[0].id;
                            tracing::warn!(?reason, "a record was refused by the service");
                            self.blocking(move |v| v.outbox_settle(&[], &[(id, reason)]))
                                .await?;
                        } else {
                            self.batch_limit
                                .store((batch.len() / 2).max(1), Ordering::SeqCst);
                        }
                        split = true;
                    }
                    Err(e) => {
                        if failure.is_none() {
                            failure = Some(e);
                        }
                    }
                }
            }
            if let Some(e) = failure {
                return Err(e);
            }
            if split {
                continue 'pass;
            }
            // A clean pass: allow full batches again.
            self.batch_limit
                .store(self.options.batch_max_records.max(1), Ordering::SeqCst);
            // Then the large records, one at a time, in the order written.
            return self.push_uploads(token).await;
        }
    }

    /// Reads and sends batches, after `cursor`, until
    /// [`SyncOptions::pipeline`] are in flight or nothing is left. Each
    /// waits for an alert being sent to go first. False when the engine
    /// stops.
    async fn fill(
        &self,
        token: &DeviceToken,
        inflight: &mut JoinSet<BatchResult>,
        cursor: &mut i64,
    ) -> Result<bool, SyncError> {
        while inflight.len() < self.options.pipeline.max(1) {
            self.yield_to_alerts().await;
            if self.stopped() {
                return Ok(false);
            }
            let limit = self.batch_limit.load(Ordering::SeqCst).max(1);
            let max_bytes = self.options.batch_max_bytes;
            let max_item = self.inline_limit();
            let after = *cursor;
            // Signed as a whole: the service then checks one signature
            // instead of one per envelope.
            let (batch, signature) = self
                .blocking(move |v| {
                    let batch = v.pending_batch(after, limit, max_bytes, max_item)?;
                    let texts: Vec<&str> = batch.iter().map(|p| p.json.as_str()).collect();
                    let signature = v.sign_batch(&texts);
                    Ok((batch, signature))
                })
                .await?;
            let Some(last) = batch.last() else {
                return Ok(true);
            };
            *cursor = last.rowid;
            let client = self.client.clone();
            let token = token.clone();
            inflight.spawn(async move {
                let texts: Vec<&str> = batch.iter().map(|p| p.json.as_str()).collect();
                let result = client.post_batch(&token, &texts, Some(&signature)).await;
                (batch, result)
            });
        }
        Ok(true)
    }

    /// Deletes the outbox rows of the envelopes the service holds (see
    /// [`Vault::outbox_settle`]), [`PURGE_ROUND`] at a time in transactions
    /// of [`SETTLE_CHUNK`] (an alert waiting goes first between two), each
    /// round's WAL checkpointed off the lane before the next, as
    /// [`Self::push`] does. What a stop or an error leaves is deleted after
    /// the next pass.
    async fn purge_sent(&self) {
        let mut checkpoint: Option<JoinHandle<()>> = None;
        loop {
            if let Some(c) = checkpoint.take() {
                let _ = c.await;
            }
            let mut round = 0;
            while round < PURGE_ROUND {
                self.yield_to_alerts().await;
                if self.stopped() {
                    return;
                }
                match self.blocking(|v| v.outbox_purge_sent(SETTLE_CHUNK)).await {
                    Ok(n) => {
                        round += n;
                        if n < SETTLE_CHUNK {
                            break;
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "deleting sent envelopes failed; tried again after the next sync");
                        return;
                    }
                }
            }
            if round == 0 {
                return;
            }
            checkpoint = Some(self.checkpoint_in_background());
            if round < PURGE_ROUND {
                return;
            }
        }
    }

    /// Starts a WAL checkpoint off the lane.
    fn checkpoint_in_background(&self) -> JoinHandle<()> {
        let data = self.data.clone();
        tokio::task::spawn_blocking(move || data.vault().checkpoint())
    }

    // ----- uploads of large records -----------------------------------------

    fn limits(&self) -> Option<ServiceLimits> {
        self.limits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The longest envelope sent in a batch; longer ones are uploaded. A
    /// service without uploads takes everything in batches (and refuses
    /// what is too large, as it always did).
    fn inline_limit(&self) -> usize {
        self.limits().map_or(usize::MAX, |l| {
            usize::try_from(l.max_inline_envelope_bytes).unwrap_or(usize::MAX)
        })
    }

    /// Uploads every large record waiting, one at a time, in written order.
    async fn push_uploads(&self, token: &DeviceToken) -> Result<(), SyncError> {
        let Some(limits) = self.limits() else {
            return Ok(());
        };
        let inline = usize::try_from(limits.max_inline_envelope_bytes).unwrap_or(usize::MAX);
        let mut cursor = 0i64;
        let result = loop {
            self.yield_to_alerts().await;
            if self.stopped() {
                break Err(SyncError::Stopped);
            }
            let next = self
                .blocking(move |v| v.next_upload(cursor, inline))
                .await?;
            let Some(item) = next else {
                break Ok(());
            };
            cursor = item.rowid;
            if let Err(e) = self.upload_one(token, &limits, item).await {
                break Err(e);
            }
        };
        self.publish(|b| b.upload = None);
        result
    }

    /// The chunk size to use now, within what the service takes.
    fn chunk_size(&self, limits: &ServiceLimits) -> usize {
        let max = usize::try_from(limits.upload_chunk_bytes)
            .unwrap_or(usize::MAX)
            .max(1);
        match self.chunk_bytes.load(Ordering::SeqCst) {
            0 => max,
            n => n.min(max),
        }
    }

    fn resize_chunks(&self, limits: &ServiceLimits, grow: bool) {
        let now = self.chunk_size(limits);
        let max = usize::try_from(limits.upload_chunk_bytes).unwrap_or(usize::MAX);
        let next = if grow {
            now.saturating_mul(2).min(max)
        } else {
            (now / 2).max(MIN_CHUNK.min(max))
        };
        self.chunk_bytes.store(next, Ordering::SeqCst);
    }

    /// Sends one large record as an upload, resuming where the service says
    /// it stands: the bytes it holds are never sent again (except the rest
    /// of a chunk cut on the way). Settles the record when the service
    /// holds it or refuses it.
    async fn upload_one(
        &self,
        token: &DeviceToken,
        limits: &ServiceLimits,
        item: Pending,
    ) -> Result<(), SyncError> {
        let (id, kind) = (item.id, item.kind);
        let text = Arc::new(item.json.into_bytes());
        let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
        if size > limits.max_upload_bytes {
            tracing::warn!(
                kind = kind.as_str(),
                "a record is larger than the service takes"
            );
            return self.refuse(id, RejectReason::TooLarge).await;
        }
        // The digest this device declared before (a resumed upload), else
        // computed now.
        let mut digest = match self.blocking(move |v| v.upload_progress(id)).await? {
            Some((known, digest, _)) if known == size && digest.len() == 32 => digest,
            _ => sha256_of(text.clone()).await?,
        };
        let mut request = CreateUploadRequest {
            record_id: id,
            size,
            sha256: B64.encode(&digest),
        };
        let mut status = match self.declare_upload(token, &request).await? {
            Some(s) => s,
            None => return Ok(()),
        };
        loop {
            if status.record_id != id || status.received > size {
                return Err(SyncError::Incompatible("unexpected upload status"));
            }
            self.note_upload(id, kind, size, &digest, &status).await?;
            if status.held {
                self.digest_failures().remove(&id);
                self.blocking(move |v| v.outbox_settle(&[id], &[])).await?;
                self.refresh_counts().await;
                tracing::info!(bytes = size, "large record held by the service");
                return Ok(());
            }
            let from = usize::try_from(status.received).unwrap_or(usize::MAX);
            let len = self.chunk_size(limits).min(text.len().saturating_sub(from));
            let chunk = text.get(from..from + len).unwrap_or_default().to_vec();
            // An alert goes first, and a chunk in flight gives way to it.
            self.yield_to_alerts().await;
            if self.stopped() {
                return Err(SyncError::Stopped);
            }
            let started = self.alert_started.notified();
            tokio::pin!(started);
            started.as_mut().enable();
            let sent = tokio::select! {
                r = self.client.send_chunk(token, id, status.received, chunk) => r,
                _ = &mut started => continue,
            };
            match sent {
                Ok(next) => {
                    self.resize_chunks(limits, true);
                    status = next;
                }
                // Not where the service stands: go on from where it does.
                Err(SyncError::Refused {
                    status: 409,
                    offset: Some(held),
                    ..
                }) => status.received = held,
                // The bytes did not add up (altered on the way): the service
                // discarded them; start over, a few times in a row at most.
                Err(SyncError::Refused { status: 422, .. }) => {
                    let failures = {
                        let mut all = self.digest_failures();
                        let n = all.entry(id).or_insert(0);
                        *n += 1;
                        *n
                    };
                    if failures >= DIGEST_FAILURES {
                        self.digest_failures().remove(&id);
                        tracing::warn!(
                            failures,
                            "an upload arrived altered every time; kept as refused"
                        );
                        return self.refuse(id, RejectReason::DigestMismatch).await;
                    }
                    tracing::warn!(failures, "an upload arrived altered; sending it again");
                    // Declared with the digest computed afresh.
                    digest = sha256_of(text.clone()).await?;
                    request.sha256 = B64.encode(&digest);
                    match self.declare_upload(token, &request).await? {
                        Some(s) => status = s,
                        None => return Ok(()),
                    }
                }
                Err(SyncError::UploadGone) => match self.declare_upload(token, &request).await? {
                    Some(s) => status = s,
                    None => return Ok(()),
                },
                Err(SyncError::Refused {
                    reason: Some(reason),
                    ..
                }) => return self.refuse(id, reason).await,
                // The chunk was larger than the service takes now.
                Err(SyncError::TooLarge) if len > MIN_CHUNK => self.resize_chunks(limits, false),
                Err(e) => {
                    if matches!(e, SyncError::Unreachable(_) | SyncError::NoConnection(_)) {
                        // Cut on the way: smaller chunks lose less next time.
                        self.resize_chunks(limits, false);
                    }
                    return Err(e);
                }
            }
        }
    }

    fn digest_failures(&self) -> std::sync::MutexGuard<'_, HashMap<RecordId, u32>> {
        self.digest_failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Declares an upload (or finds it again): where it stands, or `None`
    /// when the service refused the record (settled as refused).
    async fn declare_upload(
        &self,
        token: &DeviceToken,
        request: &CreateUploadRequest,
    ) -> Result<Option<UploadStatus>, SyncError> {
        match self.client.create_upload(token, request).await {
            Ok(s) => Ok(Some(s)),
            Err(SyncError::TooLarge) => {
                self.refuse(request.record_id, RejectReason::TooLarge)
                    .await?;
                Ok(None)
            }
            Err(SyncError::Refused {
                reason: Some(reason),
                ..
            }) => {
                self.refuse(request.record_id, reason).await?;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Remembers (and shows) how far an upload got.
    async fn note_upload(
        &self,
        id: RecordId,
        kind: RecordKind,
        size: u64,
        digest: &[u8],
        status: &UploadStatus,
    ) -> Result<(), SyncError> {
        let (sent, digest) = (status.received, digest.to_vec());
        if !status.held {
            self.blocking(move |v| v.set_upload_progress(id, size, &digest, sent))
                .await?;
        }
        self.publish(|b| {
            b.upload = Some(UploadProgress {
                id,
                kind,
                sent_bytes: sent,
                total_bytes: size,
            })
        });
        Ok(())
    }

    async fn refuse(&self, id: RecordId, reason: RejectReason) -> Result<(), SyncError> {
        tracing::warn!(?reason, "a large record was refused by the service");
        self.blocking(move |v| v.outbox_settle(&[], &[(id, reason)]))
            .await?;
        self.refresh_counts().await;
        Ok(())
    }

    /// Marks exactly what the service holds as delivered, and what it
    /// refused as refused, in one local transaction.
    async fn settle(&self, batch: Vec<Pending>, resp: IngestResponse) -> Result<(), SyncError> {
        let held: HashSet<RecordId> = resp.held.iter().copied().collect();
        let refused: Vec<(RecordId, RejectReason)> = resp
            .rejected
            .iter()
            .filter_map(|r| {
                let item = batch.get(r.index)?;
                // The index must point at the id the service names.
                if r.id.is_some_and(|id| id != item.id) || held.contains(&item.id) {
                    return None;
                }
                tracing::warn!(
                    reason = ?r.reason,
                    kind = item.kind.as_str(),
                    "a record was refused by the service"
                );
                Some((item.id, r.reason))
            })
            .collect();
        let held: Vec<RecordId> = resp.held;
        self.blocking(move |v| v.outbox_settle(&held, &refused))
            .await?;
        Ok(())
    }

    /// Status updates for this device, kept sealed.
    async fn pull_updates(&self, token: &DeviceToken) -> Result<(), SyncError> {
        let (mut cursor, registered_here) = self
            .blocking(|v| {
                let cursor: u64 = v
                    .sync_setting(SETTING_UPDATES_CURSOR)?
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(0);
                let registered = v.sync_setting(SETTING_REGISTERED_SEALING)?;
                let mine = v.device_sealing_key().map(|k| k.to_base64());
                Ok((cursor, registered.is_some() && registered == mine))
            })
            .await?;
        // Registered before she chose a PIN, with a key whose secret was
        // thrown away: the updates cannot be opened here, but that one came
        // for a case says a listener acted on it (the panic screen's
        // "received"). Only the case id and time are kept.
        let readable = registered_here;
        loop {
            let page = self.client.updates(token, cursor, UPDATES_PAGE).await?;
            if page.updates.is_empty() {
                return Ok(());
            }
            let mut sealed = Vec::with_capacity(page.updates.len());
            for u in &page.updates {
                let bytes = B64
                    .decode(u.sealed.trim())
                    .map_err(|_| SyncError::Incompatible("status update is not base64"))?;
                sealed.push(if readable { bytes } else { Vec::new() });
            }
            let full = page.updates.len() >= UPDATES_PAGE as usize;
            let next = page.next.max(cursor);
            let updates = page.updates;
            self.blocking(move |v| v.store_case_updates(&updates, &sealed, next))
                .await?;
            if !full || next == cursor {
                return Ok(());
            }
            cursor = next;
        }
    }

    /// The directory since the cached version, verified against the pinned
    /// key. The first download shows how far it got.
    async fn pull_directory(&self) -> Result<(), SyncError> {
        let (version, key) = self
            .blocking(|v| {
                Ok((
                    v.directory_version()?,
                    v.sync_setting(SETTING_DIRECTORY_KEY)?,
                ))
            })
            .await?;
        let Some(key) = key.and_then(|k| B64.decode(k).ok()) else {
            return Ok(());
        };
        let first = version == 0;
        let pulled = self.pull_directory_from(version, &key, first).await;
        if first {
            self.publish(|b| b.directory = None);
        }
        pulled?;
        self.tidy_directory_index().await
    }

    async fn pull_directory_from(
        &self,
        version: u64,
        key: &[u8],
        first: bool,
    ) -> Result<(), SyncError> {
        // One event per percent (or per 64 KiB when the size is not
        // announced), not one per piece of the answer.
        let mut shown = None;
        let signed = self
            .client
            .directory(version, |received, total| {
                let step = DirectoryDownload {
                    received_bytes: received,
                    total_bytes: total,
                    saving: false,
                };
                let mark = step.percent().map_or(received >> 16, u64::from);
                if first && shown != Some(mark) {
                    shown = Some(mark);
                    self.publish(|b| b.directory = Some(step));
                }
            })
            .await?;
        let Some(signed) = signed else {
            return Ok(());
        };
        if first {
            self.publish(|b| {
                if let Some(d) = b.directory.as_mut() {
                    d.saving = true;
                }
            });
        }
        apply_directory(self, key, version, signed).await
    }

    /// Merges what the directory updates left in the search index, one
    /// small transaction per call, so the database is never held long.
    async fn tidy_directory_index(&self) -> Result<(), SyncError> {
        for _ in 0..MAX_TIDY_STEPS {
            if self.stopped() || !self.blocking(|v| v.tidy_directory_index()).await? {
                break;
            }
        }
        Ok(())
    }
}

/// SHA-256 of an envelope text, off the async runtime.
async fn sha256_of(text: Arc<Vec<u8>>) -> Result<Vec<u8>, SyncError> {
    tokio::task::spawn_blocking(move || {
        ring::digest::digest(&ring::digest::SHA256, &text)
            .as_ref()
            .to_vec()
    })
    .await
    .map_err(|_| SyncError::Stopped)
}

/// Verifies a signed directory body and applies it; a bad signature leaves
/// the cached directory as it was.
async fn apply_directory(
    shared: &Shared,
    key: &[u8],
    current: u64,
    signed: SignedDirectory,
) -> Result<(), SyncError> {
    let signature = B64
        .decode(signed.signature.trim())
        .map_err(|_| SyncError::DirectoryBadSignature)?;
    let mut message = DIRECTORY_SIGNATURE_TAG.to_vec();
    message.extend_from_slice(signed.body.as_bytes());
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, key)
        .verify(&message, &signature)
        .map_err(|_| {
            tracing::error!("a directory update had a bad signature; the old directory is kept");
            SyncError::DirectoryBadSignature
        })?;
    match signed.kind {
        DirectoryBodyKind::Snapshot => {
            let s: DirectorySnapshot = serde_json::from_str(&signed.body)
                .map_err(|_| SyncError::Incompatible("directory snapshot"))?;
            // An older version, even signed, is not taken (a replay).
            if s.version > current {
                shared
                    .blocking(move |v| v.directory_apply_snapshot(&s))
                    .await?;
            }
        }
        DirectoryBodyKind::Delta => {
            let d: DirectoryDelta = serde_json::from_str(&signed.body)
                .map_err(|_| SyncError::Incompatible("directory delta"))?;
            if d.from_version == current && d.to_version > current {
                shared
                    .blocking(move |v| v.directory_apply_delta(&d))
                    .await?;
            }
        }
    }
    Ok(())
}
