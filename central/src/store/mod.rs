//! Storage: one trait, two backends.
//!
//! [`Storage`] is everything the service keeps. The SQLite backend
//! ([`sqlite::SqliteStore`], embedded, the default: one women's center or a
//! laptop) and the PostgreSQL backend ([`postgres::PgStore`]: the national line,
//! several stateless instances) implement it with their own migrations. The
//! service only ever stores envelopes as they came (ciphertext); it opens
//! them in memory when an authorized staff member reads a case.
//!
//! Ingest goes through [`Storage::insert_records`], which commits a whole group
//! of batches in one transaction (see `crate::ingest` for the group commit).

pub mod postgres;
pub mod sqlite;

pub use crate::service_keys::StoredServiceKeys;
use async_trait::async_trait;

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached or is busy; retrying may help.
    #[error("storage unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// Anything else: a bug or a damaged database.
    #[error("storage failure: {0}")]
    Other(#[source] anyhow::Error),
}

/// Result of a storage call.
pub type StoreResult<T> = Result<T, StoreError>;

/// Everything the service keeps.
#[async_trait]
pub trait Storage: Send + Sync + std::fmt::Debug + 'static {
    /// Answers when the database does.
    async fn ping(&self) -> StoreResult<()>;
    /// The service keys, if `init` made them.
    async fn service_keys(&self) -> StoreResult<Option<StoredServiceKeys>>;
    /// Stores the service keys unless some are already there; says whether it stored them.
    async fn save_service_keys(&self, keys: &StoredServiceKeys) -> StoreResult<bool>;
}
