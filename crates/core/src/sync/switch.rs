//! Pointing the app at another central service (Settings → service
//! address, for a field deployment on a center's own service).
//!
//! The change is all or nothing, and it never leaves the panic button
//! without a key to seal to: the new service is asked for its keys first,
//! and only once they are in hand does one local transaction store the new
//! address, pin the new keys, and forget everything that belonged to the
//! old service (the device token, the status-update cursor and the updates,
//! the directory version, a staff session). Records already sent stay on
//! the old service. With anything still waiting to be sent (sealed to the
//! old service's key) the change is refused: those must go first.

use super::client::{ServiceClient, Timeouts};
use super::local::{
    put_setting, SETTING_DIRECTORY_KEY, SETTING_DIRECTORY_PUBLISHED, SETTING_DIRECTORY_VERSION,
    SETTING_LAST_CONTACT, SETTING_REGISTERED_SEALING, SETTING_UPDATES_CURSOR,
};
use super::SyncError;
use crate::vault::VaultState;
use crate::{AppData, ServiceUrl, StoreError};
use kulna_crypto::SealingPublicKey;
use std::sync::Arc;
use std::time::Duration;

/// The setting holding the address chosen in the app.
pub(crate) const SETTING_SERVICE_URL: &str = "service.url";

/// Settings that belong to one service and are forgotten with it.
const PER_SERVICE: [&str; 5] = [
    SETTING_REGISTERED_SEALING,
    SETTING_UPDATES_CURSOR,
    SETTING_DIRECTORY_VERSION,
    SETTING_DIRECTORY_PUBLISHED,
    SETTING_LAST_CONTACT,
];

/// The new service's keys, checked.
struct Keys {
    sealing: SealingPublicKey,
    directory: String,
}

async fn fetch_keys(url: &ServiceUrl) -> Result<Keys, SyncError> {
    let client = ServiceClient::new(
        url.clone(),
        Timeouts {
            connect: Duration::from_secs(10),
            request: Duration::from_secs(20),
            alert: Duration::from_secs(10),
        },
    )?;
    let (sealing, directory) = client.service_keys().await?;
    Ok(Keys { sealing, directory })
}

impl AppData {
    /// The service address chosen in the app, if any (it wins over the
    /// address the app was installed with).
    pub fn service_url(&self) -> Result<Option<ServiceUrl>, StoreError> {
        let inner = self.vault().inner();
        match super::local::get_setting(&inner.conn, SETTING_SERVICE_URL)? {
            None => Ok(None),
            Some(text) => ServiceUrl::parse(&text)
                .map(Some)
                .map_err(|_| StoreError::BadSetting("service.url")),
        }
    }

    /// Whether the service may be changed now: with a PIN the app must be
    /// open, and nothing may wait to be sent.
    fn check_service_change(&self) -> Result<(), StoreError> {
        if self.vault().state()? == VaultState::Locked {
            return Err(StoreError::Locked);
        }
        let waiting = self.vault().outbox_counts()?;
        let n = waiting.alerts + waiting.reports + waiting.requests;
        if n > 0 {
            return Err(StoreError::ItemsWaiting(n));
        }
        Ok(())
    }

    fn switch_service(&self, url: &ServiceUrl, keys: Keys) -> Result<(), StoreError> {
        self.check_service_change()?;
        {
            let mut inner = self.vault().inner();
            let tx = inner.conn.transaction()?;
            put_setting(&tx, SETTING_SERVICE_URL, &url.to_string())?;
            put_setting(&tx, SETTING_DIRECTORY_KEY, &keys.directory)?;
            for name in PER_SERVICE {
                tx.execute("DELETE FROM setting WHERE name = ?1", [name])?;
            }
            tx.execute("UPDATE device SET token = NULL", [])?;
            tx.execute("DELETE FROM case_update", [])?;
            tx.execute("DELETE FROM staff_session", [])?;
            tx.commit()?;
        }
        self.vault().set_service_key(keys.sealing)
    }
}

/// Points the app at the service at `url`: fetches and checks its keys,
/// then switches in one transaction (see the module). The running sync
/// engine and staff side must be restarted on the new address by the
/// caller. Choosing the address already in use changes nothing.
pub async fn change_service(
    data: &Arc<AppData>,
    current: Option<&ServiceUrl>,
    url: ServiceUrl,
) -> Result<(), SyncError> {
    if current == Some(&url) {
        return Ok(());
    }
    let check = Arc::clone(data);
    blocking(move || check.check_service_change()).await?;
    let keys = fetch_keys(&url).await?;
    let data = Arc::clone(data);
    blocking(move || data.switch_service(&url, keys)).await?;
    tracing::info!("the app now uses another service");
    Ok(())
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, SyncError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| SyncError::Stopped)?
        .map_err(SyncError::Storage)
}
