//! The app's storage and sync, as a plain library: no Tauri, no UI.
//!
//! [`AppData`] is the app data directory: a SQLite database for settings
//! that are not secret (the chosen language) and, later, the vault and the
//! outbox. The Tauri shell holds one `AppData` and calls into it.

#![warn(missing_docs)]

pub mod service;
pub mod store;

pub use service::{check_health, ServiceUrl, ServiceUrlError};
pub use store::{AppData, StoreError};
