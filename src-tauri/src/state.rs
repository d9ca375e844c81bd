//! What the app holds while it runs.

use kulna_core::{
    AppData, SealingPublicKey, ServiceUrl, Staff, SyncEngine, SyncOptions, VaultOptions,
};
use kulna_model::{CommandError, RecordKind};
use std::path::Path;
use std::sync::Arc;

/// The open data directory and the configured service.
pub struct AppState {
    pub data: Arc<AppData>,
    pub service: Option<ServiceUrl>,
    /// Moves the outbox to the service; `None` without a service address.
    pub sync: Option<SyncEngine>,
    /// The staff side (listeners, field workers); `None` without a service address.
    pub staff: Option<Arc<Staff>>,
}

fn from_env<T, E: std::fmt::Display>(
    name: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Option<T> {
    match std::env::var(name) {
        Ok(text) if !text.trim().is_empty() => match parse(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::warn!("ignoring {name}: {e}");
                None
            }
        },
        _ => None,
    }
}

impl AppState {
    /// Opens the data directory. Field deployments (and the run script)
    /// configure the service with `KULNA_SERVICE_URL` and pin its sealing
    /// key with `KULNA_SERVICE_KEY` (base64); an unacceptable value is
    /// reported once and ignored.
    pub fn open(dir: &Path) -> Result<Self, Box<dyn std::error::Error>> {
        let options = VaultOptions {
            service_key: from_env("KULNA_SERVICE_KEY", SealingPublicKey::from_base64),
            ..VaultOptions::default()
        };
        let data = Arc::new(AppData::open_with(dir, options)?);
        let service = from_env("KULNA_SERVICE_URL", ServiceUrl::parse);
        let sync = match &service {
            Some(url) => {
                let runtime = tauri::async_runtime::handle();
                match SyncEngine::start_on(
                    runtime.inner(),
                    Arc::clone(&data),
                    SyncOptions::new(url.clone()),
                ) {
                    Ok(engine) => Some(engine),
                    Err(e) => {
                        tracing::warn!("sync could not start: {e}");
                        None
                    }
                }
            }
            None => None,
        };
        let staff = match &service {
            Some(url) => match Staff::new(Arc::clone(&data), url.clone()) {
                Ok(staff) => Some(Arc::new(staff)),
                Err(e) => {
                    tracing::warn!("the staff side could not start: {e}");
                    None
                }
            },
            None => None,
        };
        Ok(Self {
            data,
            service,
            sync,
            staff,
        })
    }

    /// Tells sync a record was just written, so it goes at once.
    pub fn record_saved(&self, kind: RecordKind) {
        if let Some(engine) = &self.sync {
            engine.record_saved(kind);
        }
    }

    /// The staff side, or a network error the UI explains when no service
    /// address is configured.
    pub fn staff(&self) -> Result<&Arc<Staff>, CommandError> {
        self.staff.as_ref().ok_or_else(|| {
            CommandError::new(
                kulna_model::ErrorKind::Network,
                "no service address is configured",
            )
        })
    }

    /// Runs blocking storage work (SQLite, PIN derivation) off the async
    /// runtime, so the window never freezes.
    pub async fn blocking<T, F>(&self, work: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&AppData) -> Result<T, kulna_core::StoreError> + Send + 'static,
    {
        let data = Arc::clone(&self.data);
        tauri::async_runtime::spawn_blocking(move || work(&data))
            .await
            .map_err(|_| {
                CommandError::new(kulna_model::ErrorKind::Internal, "storage task failed")
            })?
            .map_err(CommandError::from)
    }
}
