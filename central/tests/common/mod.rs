//! Test harness: the service on port 0 over a fresh database per test, on
//! SQLite or PostgreSQL.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_central::config::Config;
use kulna_central::service_keys::ServiceKeys;
use kulna_central::store::postgres::PgStore;
use kulna_central::store::sqlite::SqliteStore;
use kulna_central::store::Storage;
use kulna_central::AppState;
use kulna_crypto::{
    seal_envelope, DeviceSigningKey, SealInput, SealingPublicKey, SealingSecretKey,
};
use kulna_model::api::{RegisterDeviceRequest, RegisterDeviceResponse};
use kulna_model::{DeviceId, Envelope, RecordId, RecordKind};
use secrecy::SecretString;
use std::sync::Arc;

/// Which storage a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL URL for tests, or `None` when explicitly skipped.
/// Panics (fails the test) when neither is set: a silent skip hides a defect.
pub fn postgres_url() -> Option<String> {
    if let Ok(url) = std::env::var("KULNA_TEST_POSTGRES_URL") {
        if !url.is_empty() {
            return Some(url);
        }
    }
    if std::env::var("KULNA_SKIP_POSTGRES").as_deref() == Ok("1") {
        eprintln!("PostgreSQL story skipped: KULNA_SKIP_POSTGRES=1");
        return None;
    }
    panic!(
        "KULNA_TEST_POSTGRES_URL is not set. Start a test server with \
         `export KULNA_TEST_POSTGRES_URL=$(scripts/postgres-test-server.sh)`, \
         or set KULNA_SKIP_POSTGRES=1 to skip the PostgreSQL stories on purpose."
    );
}

pub struct TestApp {
    pub url: String,
    /// The fresh PostgreSQL schema (PostgreSQL only).
    pub schema: Option<String>,
    pub state: AppState,
    pub client: reqwest::Client,
    pub backend: Backend,
    _dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub fn test_config(dir: &std::path::Path) -> Config {
    Config {
        data_dir: dir.to_owned(),
        rate_limit_per_minute: 6000,
        rate_limit_burst: 1000,
        password_memory_kib: 1024,
        ..Config::default()
    }
}

/// A fresh store, and its PostgreSQL schema (PostgreSQL only).
pub async fn open_store(
    backend: Backend,
    dir: &std::path::Path,
) -> Option<(Arc<dyn Storage>, Option<String>)> {
    match backend {
        Backend::Sqlite => Some((
            Arc::new(SqliteStore::open(&dir.join("central.sqlite3")).unwrap()),
            None,
        )),
        Backend::Postgres => {
            let url = postgres_url()?;
            let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
            let store = PgStore::connect(&url, Some(&schema), 8).await.unwrap();
            Some((Arc::new(store), Some(schema)))
        }
    }
}

/// Starts the service for one test; `None` when PostgreSQL is skipped on purpose.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(backend: Backend, tweak: impl FnOnce(&mut Config)) -> Option<TestApp> {
    let dir = tempfile::tempdir().unwrap();
    let (store, schema) = open_store(backend, dir.path()).await?;
    let pass = SecretString::from("test passphrase".to_owned());
    let (keys, stored) =
        tokio::task::spawn_blocking(move || ServiceKeys::generate(&pass, 1).unwrap())
            .await
            .unwrap();
    assert!(store.save_service_keys(&stored).await.unwrap());
    let mut config = test_config(dir.path());
    tweak(&mut config);
    let mut app = serve_store(store, keys, config, dir, backend).await;
    app.schema = schema;
    Some(app)
}

/// A second instance over a store that already has its keys.
pub async fn spawn_instance(store: Arc<dyn Storage>, backend: Backend) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let stored = store.service_keys().await.unwrap().expect("initialised");
    let pass = SecretString::from("test passphrase".to_owned());
    let keys = tokio::task::spawn_blocking(move || ServiceKeys::open(&stored, &pass).unwrap())
        .await
        .unwrap();
    let config = test_config(dir.path());
    serve_store(store, keys, config, dir, backend).await
}

async fn serve_store(
    store: Arc<dyn Storage>,
    keys: ServiceKeys,
    config: Config,
    dir: tempfile::TempDir,
    backend: Backend,
) -> TestApp {
    let state = AppState::new(store, keys, config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let s = state.clone();
    tokio::spawn(async move {
        kulna_central::serve(s, listener, async move {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    TestApp {
        url: format!("http://{addr}"),
        schema: None,
        state,
        client: reqwest::Client::new(),
        backend,
        _dir: dir,
        shutdown: Some(tx),
    }
}

impl TestApp {
    pub fn at(&self, path: &str) -> String {
        format!("{}{}", self.url, path)
    }

    pub fn service_key(&self) -> SealingPublicKey {
        self.state.keys().sealing_public().clone()
    }

    pub async fn device(&self) -> TestDevice {
        let d = TestDevice::new();
        let token = d.register(self).await;
        TestDevice { token, ..d }
    }
}

pub struct TestDevice {
    pub id: DeviceId,
    pub signing: DeviceSigningKey,
    pub sealing: SealingSecretKey,
    pub token: String,
}

impl TestDevice {
    pub fn new() -> Self {
        Self {
            id: DeviceId::new_random(),
            signing: DeviceSigningKey::generate().unwrap(),
            sealing: SealingSecretKey::generate(),
            token: String::new(),
        }
    }

    pub fn registration(&self) -> RegisterDeviceRequest {
        RegisterDeviceRequest {
            device_id: self.id,
            verifying_key: self.signing.verifying_key().to_base64(),
            sealing_public_key: self.sealing.public_key().to_base64(),
        }
    }

    pub async fn register(&self, app: &TestApp) -> String {
        let resp = app
            .client
            .post(app.at("/v1/devices"))
            .json(&self.registration())
            .send()
            .await
            .unwrap();
        assert!(
            resp.status().is_success(),
            "registration failed: {}",
            resp.status()
        );
        resp.json::<RegisterDeviceResponse>().await.unwrap().token
    }

    pub fn seal(
        &self,
        app: &TestApp,
        kind: RecordKind,
        region: Option<u8>,
        payload: &serde_json::Value,
    ) -> Envelope {
        let text = serde_json::to_vec(payload).unwrap();
        self.seal_bytes(&app.service_key(), kind, region, &text)
    }

    pub fn seal_bytes(
        &self,
        service: &SealingPublicKey,
        kind: RecordKind,
        region: Option<u8>,
        text: &[u8],
    ) -> Envelope {
        seal_envelope(
            &SealInput {
                id: RecordId::new_v7(),
                kind,
                device_id: self.id,
                created_at_ms: 1_764_000_000_000,
                region,
                plaintext: text,
            },
            service,
            &self.signing,
        )
        .unwrap()
    }

    pub fn bearer(&self) -> String {
        format!("Bearer {}", self.token)
    }
}

pub fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

/// One test per backend for a story `async fn name(app: TestApp)`.
#[macro_export]
macro_rules! stories {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let app = $crate::common::spawn_app($crate::common::Backend::Sqlite).await.expect("sqlite");
                    super::$name(app).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(app) = $crate::common::spawn_app($crate::common::Backend::Postgres).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
    };
}
