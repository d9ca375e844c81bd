//! What the app holds while it runs.

use kulna_core::{AppData, ServiceUrl};
use std::path::Path;

/// The open data directory and the configured service.
pub struct AppState {
    pub data: AppData,
    pub service: Option<ServiceUrl>,
}

impl AppState {
    /// Opens the data directory. The service address comes from
    /// `KULNA_SERVICE_URL` (set by the run script and field deployments);
    /// an unacceptable address is reported once and ignored.
    pub fn open(dir: &Path) -> Result<Self, Box<dyn std::error::Error>> {
        let data = AppData::open(dir)?;
        let service = match std::env::var("KULNA_SERVICE_URL") {
            Ok(text) if !text.trim().is_empty() => match ServiceUrl::parse(&text) {
                Ok(url) => Some(url),
                Err(e) => {
                    tracing::warn!("ignoring KULNA_SERVICE_URL: {e}");
                    None
                }
            },
            _ => None,
        };
        Ok(Self { data, service })
    }
}
