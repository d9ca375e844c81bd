//! What the app holds while it runs.

use kulna_core::{
    AppData, SealingPublicKey, ServiceUrl, Staff, SyncEngine, SyncOptions, VaultOptions,
};
use kulna_model::{CommandError, RecordKind};
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

/// The open data directory and the service it talks to.
pub struct AppState {
    pub data: Arc<AppData>,
    /// The service in use, with what runs against it; replaced whole when
    /// she changes the service address in Settings.
    link: RwLock<Arc<Link>>,
}

/// One service and what runs against it.
#[derive(Default)]
pub struct Link {
    pub service: Option<ServiceUrl>,
    /// Moves the outbox to the service; `None` without a service address.
    pub sync: Option<Arc<SyncEngine>>,
    /// The staff side (listeners, field workers); `None` without a service address.
    pub staff: Option<Arc<Staff>>,
    /// The shell's tasks that follow this link (events to the window).
    tasks: Mutex<Vec<tauri::async_runtime::JoinHandle<()>>>,
}

impl Drop for Link {
    fn drop(&mut self) {
        for task in self.tasks.get_mut().map(std::mem::take).unwrap_or_default() {
            task.abort();
        }
    }
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

impl Link {
    /// Starts sync and the staff side against `service`.
    fn start(data: &Arc<AppData>, service: Option<ServiceUrl>) -> Self {
        let sync = service.as_ref().and_then(|url| {
            let runtime = tauri::async_runtime::handle();
            match SyncEngine::start_on(
                runtime.inner(),
                Arc::clone(data),
                SyncOptions::new(url.clone()),
            ) {
                Ok(engine) => Some(Arc::new(engine)),
                Err(e) => {
                    tracing::warn!("sync could not start: {e}");
                    None
                }
            }
        });
        let staff =
            service
                .as_ref()
                .and_then(|url| match Staff::new(Arc::clone(data), url.clone()) {
                    Ok(staff) => Some(Arc::new(staff)),
                    Err(e) => {
                        tracing::warn!("the staff side could not start: {e}");
                        None
                    }
                });
        Self {
            service,
            sync,
            staff,
            tasks: Mutex::new(Vec::new()),
        }
    }

    /// Keeps a task that lives as long as this link.
    pub fn keep(&self, task: tauri::async_runtime::JoinHandle<()>) {
        self.tasks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(task);
    }
}

impl AppState {
    /// Opens the data directory. The service is the one chosen in the app
    /// (Settings), else the one the app was set up with:
    /// `KULNA_SERVICE_URL`, its sealing key pinned with `KULNA_SERVICE_KEY`
    /// (base64); an unacceptable value is reported once and ignored.
    pub fn open(dir: &Path) -> Result<Self, Box<dyn std::error::Error>> {
        let data = Arc::new(AppData::open_with(dir, VaultOptions::default())?);
        let chosen = data.service_url().unwrap_or_else(|e| {
            tracing::warn!("ignoring the stored service address: {e}");
            None
        });
        let service = match chosen {
            Some(url) => Some(url),
            None => {
                if let Some(key) = from_env("KULNA_SERVICE_KEY", SealingPublicKey::from_base64) {
                    data.vault().set_service_key(key)?;
                }
                from_env("KULNA_SERVICE_URL", ServiceUrl::parse)
            }
        };
        let link = Link::start(&data, service);
        Ok(Self {
            data,
            link: RwLock::new(Arc::new(link)),
        })
    }

    /// The service in use and what runs against it.
    pub fn link(&self) -> Arc<Link> {
        Arc::clone(&self.link.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Moves to another service: checked and switched in the core (see
    /// `kulna_core::sync::change_service`), then sync and the staff side
    /// start again on it; `follow` starts the shell's tasks on the new link.
    /// The old link's engine stops when its last user lets go.
    pub async fn change_service(
        &self,
        url: ServiceUrl,
        follow: impl FnOnce(&Link),
    ) -> Result<(), CommandError> {
        let current = self.link();
        kulna_core::sync::change_service(&self.data, current.service.as_ref(), url.clone())
            .await
            .map_err(command_error)?;
        if current.service.as_ref() == Some(&url) {
            return Ok(());
        }
        let link = Link::start(&self.data, Some(url));
        follow(&link);
        let old = std::mem::replace(
            &mut *self.link.write().unwrap_or_else(|e| e.into_inner()),
            Arc::new(link),
        );
        drop(old);
        Ok(())
    }

    /// Tells sync a record was just written, so it goes at once.
    pub fn record_saved(&self, kind: RecordKind) {
        if let Some(engine) = &self.link().sync {
            engine.record_saved(kind);
        }
    }

    /// The staff side, or a network error the UI explains when no service
    /// address is configured.
    pub fn staff(&self) -> Result<Arc<Staff>, CommandError> {
        self.link().staff.clone().ok_or_else(|| {
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

/// What the window is told when changing the service fails. Messages name
/// the failure, never the address or a key.
fn command_error(e: kulna_core::SyncError) -> CommandError {
    use kulna_core::SyncError as E;
    use kulna_model::ErrorKind;
    match e {
        E::Storage(e) => CommandError::from(e),
        E::BadServiceKey | E::Incompatible(_) => {
            CommandError::new(ErrorKind::Refused, "that address is not a Kulna service")
        }
        other => CommandError::new(ErrorKind::Network, other.to_string()),
    }
}
