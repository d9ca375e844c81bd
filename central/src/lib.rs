//! The central service of Kulna Ma'ak.
//!
//! Devices register anonymously and send sealed envelopes; listeners and
//! field workers sign in, work the queue of their center or region, open
//! cases (decrypted in memory with the service key, every read audited),
//! refer, note, close, and send statuses back sealed to the device.
//!
//! * [`router`] builds the HTTP API for a [`AppState`];
//! * [`launch`] serves it on a listener until a shutdown future resolves;
//! * [`init`] makes the database and the service keys.

pub mod bulk;
pub mod cases;
pub mod config;
pub mod devices;
pub mod directory;
pub mod error;
pub mod http;
pub mod ingest;
pub mod openapi;
pub mod ratelimit;
pub mod service_keys;
pub mod staff;
pub mod stats;
pub mod store;
pub mod tokens;
pub mod uploads;

use anyhow::Context as _;
use config::{Config, DatabaseTarget};
use secrecy::{ExposeSecret as _, SecretString};
use service_keys::ServiceKeys;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use store::Storage;

pub use http::router;

/// Milliseconds since the Unix epoch, by the service's clock.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct AppState {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) store: Arc<dyn Storage>,
    pub(crate) keys: ServiceKeys,
    pub(crate) config: Config,
    pub(crate) devices: devices::DeviceCache,
    pub(crate) writer: ingest::Writer,
    pub(crate) limiter: ratelimit::RateLimiter,
    pub(crate) events: tokio::sync::broadcast::Sender<kulna_model::staff::QueueItem>,
    pub(crate) logins: staff::LoginThrottle,
    pub(crate) verifiers: tokio::sync::Semaphore,
    /// Woken when a session of this instance ends (sign-out), so its live
    /// queue stops at once; other ends are found by a periodic check.
    pub(crate) sessions_ended: tokio::sync::Notify,
}

impl AppState {
    /// Builds the state from an opened store and the opened service keys.
    pub fn new(store: Arc<dyn Storage>, keys: ServiceKeys, config: Config) -> Self {
        let (events, _) = tokio::sync::broadcast::channel(4096);
        let writer =
            ingest::Writer::spawn(store.clone(), config.max_group_envelopes, events.clone());
        let limiter =
            ratelimit::RateLimiter::new(config.rate_limit_per_minute, config.rate_limit_burst);
        if store.shares_events() {
            let (store, events) = (store.clone(), events.clone());
            tokio::spawn(async move {
                if let Err(e) = store.listen_events(events).await {
                    tracing::warn!(error = %format!("{e:#}"), "queue events from other instances unavailable");
                }
            });
        }
        Self {
            inner: Arc::new(Inner {
                store,
                keys,
                config,
                devices: devices::DeviceCache::default(),
                writer,
                limiter,
                events,
                logins: staff::LoginThrottle::default(),
                sessions_ended: tokio::sync::Notify::new(),
                verifiers: tokio::sync::Semaphore::new(
                    std::thread::available_parallelism()
                        .map(|n| n.get())
                        .unwrap_or(2),
                ),
            }),
        }
    }

    /// The configuration it runs with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The storage behind the service.
    pub fn store(&self) -> &Arc<dyn Storage> {
        &self.inner.store
    }

    /// The opened service keys.
    pub fn keys(&self) -> &ServiceKeys {
        &self.inner.keys
    }
}

/// Opens the configured database (creating and migrating it if needed).
pub async fn open_store(config: &Config) -> anyhow::Result<Arc<dyn Storage>> {
    match config.database()? {
        DatabaseTarget::Sqlite { path, journal } => {
            let store = tokio::task::spawn_blocking(move || {
                store::sqlite::SqliteStore::open_with_journal(&path, &journal)
            })
            .await
            .context("opening SQLite")??;
            Ok(Arc::new(store))
        }
        DatabaseTarget::Postgres(url) => {
            let store = store::postgres::PgStore::connect(
                url.expose_secret(),
                None,
                config.database_max_connections.max(2),
            )
            .await
            .context("cannot connect to PostgreSQL")?;
            Ok(Arc::new(store))
        }
    }
}

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InitOutcome {
    /// Made the keys; here is their id.
    Created(String),
    /// Keys were already there; nothing was touched.
    AlreadyInitialised(String),
}

/// Makes the database and the service keys, unless they exist.
pub async fn init(
    store: &Arc<dyn Storage>,
    passphrase: SecretString,
) -> anyhow::Result<InitOutcome> {
    if let Some(existing) = store.service_keys().await? {
        return Ok(InitOutcome::AlreadyInitialised(existing.key_id));
    }
    let now = now_ms();
    let (keys, stored) =
        tokio::task::spawn_blocking(move || ServiceKeys::generate(&passphrase, now))
            .await
            .context("key generation")??;
    if store.save_service_keys(&stored).await? {
        Ok(InitOutcome::Created(keys.key_id().to_owned()))
    } else {
        let existing = store
            .service_keys()
            .await?
            .map(|k| k.key_id)
            .unwrap_or_default();
        Ok(InitOutcome::AlreadyInitialised(existing))
    }
}

/// Opens the stored service keys with the operator passphrase.
pub async fn open_keys(
    store: &Arc<dyn Storage>,
    passphrase: SecretString,
) -> anyhow::Result<ServiceKeys> {
    let stored = store
        .service_keys()
        .await?
        .context("the service is not initialised: run `kulna-central init` first")?;
    tokio::task::spawn_blocking(move || ServiceKeys::open(&stored, &passphrase))
        .await
        .context("opening the service keys")?
}

/// Builds the state from configuration: opens storage and the keys.
pub async fn build_state(config: Config) -> anyhow::Result<AppState> {
    let passphrase = config.passphrase()?;
    let store = open_store(&config).await?;
    let keys = open_keys(&store, passphrase).await?;
    Ok(AppState::new(store, keys, config))
}

/// Serves the API on `listener` until `shutdown` resolves, then finishes the
/// requests in flight.
pub async fn launch(
    config: Config,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let state = build_state(config).await?;
    serve(state, listener, shutdown).await
}

/// Serves an already built state (tests and `launch`).
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let app = router(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .context("server failed")
}
