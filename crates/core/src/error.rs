//! The one error type of local storage, and what the UI should say about it.
//!
//! Messages name the operation or the state, never data: no PIN, key, token
//! or anything she wrote appears in an error, a log line or a panic.

use kulna_crypto::{EnvelopeError, KeyError, PinError, VaultCryptoError};
use kulna_model::{CommandError, ErrorKind};
use rusqlite::ErrorCode;

/// Storage failed, or the vault refused. Each variant maps to an
/// [`ErrorKind`] the UI can explain in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory could not be created or read.
    #[error("cannot use the data directory: {0}")]
    Directory(#[source] std::io::Error),
    /// SQLite failed.
    #[error("local database error: {0}")]
    Sqlite(#[source] rusqlite::Error),
    /// The disk is full: nothing was written, nothing saved before was lost.
    #[error("the disk is full")]
    DiskFull,
    /// The database file is damaged or is not a database.
    #[error("the local database is damaged")]
    Corrupt,
    /// The database was written by a newer version of the app.
    #[error("the local database is from a newer version of the app")]
    NewerSchema,
    /// The database could not be brought to the current schema.
    #[error("local database cannot be migrated: {0}")]
    Migration(#[source] rusqlite_migration::Error),
    /// A stored value is not one this version understands.
    #[error("stored setting `{0}` is not valid")]
    BadSetting(&'static str),
    /// No PIN has been set yet.
    #[error("no PIN is set yet")]
    NotSetUp,
    /// A PIN is already set.
    #[error("a PIN is already set")]
    AlreadySetUp,
    /// The vault is locked.
    #[error("the vault is locked")]
    Locked,
    /// The PIN did not open the vault.
    #[error("wrong PIN")]
    WrongPin {
        /// Wrong PINs left before the vault is wiped, if she chose a limit.
        attempts_left: Option<u32>,
        /// How long to wait before the next try, in seconds (0: none).
        retry_after_secs: u64,
    },
    /// Too many wrong PINs: wait before trying again.
    #[error("too many wrong PINs; try again in {retry_after_secs} s")]
    TooManyAttempts {
        /// Seconds to wait.
        retry_after_secs: u64,
    },
    /// The PIN is not acceptable (too short or too long).
    #[error("PIN not accepted: {0}")]
    BadPin(#[from] PinError),
    /// The new PIN is the other slot's PIN (the duress PIN must differ).
    #[error("this PIN is already in use")]
    PinInUse,
    /// Not a phone number (or more numbers than allowed).
    #[error("not a phone number")]
    BadPhoneNumber,
    /// A region number that is not one of the twelve.
    #[error("no such region")]
    UnknownRegion,
    /// No such record, or not in the open vault.
    #[error("no such record")]
    NotFound,
    /// An argument is not acceptable (the message names the rule, never
    /// the value).
    #[error("input not accepted: {0}")]
    InvalidInput(&'static str),
    /// A stored ciphertext did not open: it was altered or moved.
    #[error("a stored record is damaged")]
    Damaged,
    /// The central service's public key has not been given.
    #[error("the service key is not configured")]
    NoServiceKey,
    /// Records wait to be sent to the current service (sealed to its key):
    /// the service cannot be changed before they go.
    #[error("{0} items wait to be sent to the current service")]
    ItemsWaiting(u32),
    /// A record could not be sealed to the service.
    #[error("sealing failed: {0}")]
    Envelope(#[from] EnvelopeError),
    /// A stored key is malformed.
    #[error("stored key: {0}")]
    Key(#[from] KeyError),
    /// Encryption failed (random number generator, malformed data).
    #[error("encryption: {0}")]
    Crypto(VaultCryptoError),
}

impl StoreError {
    /// The reason, for the UI.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Locked | Self::NotSetUp => ErrorKind::Locked,
            Self::WrongPin { .. } => ErrorKind::WrongPin,
            Self::TooManyAttempts { .. } => ErrorKind::TooManyAttempts,
            Self::BadPin(_)
            | Self::PinInUse
            | Self::AlreadySetUp
            | Self::UnknownRegion
            | Self::BadPhoneNumber
            | Self::InvalidInput(_) => ErrorKind::InvalidInput,
            Self::ItemsWaiting(_) => ErrorKind::ItemsWaiting,
            Self::Envelope(EnvelopeError::BadRegion) => ErrorKind::InvalidInput,
            Self::NotFound => ErrorKind::NotFound,
            Self::Directory(_)
            | Self::Sqlite(_)
            | Self::DiskFull
            | Self::Corrupt
            | Self::NewerSchema
            | Self::Migration(_)
            | Self::BadSetting(_)
            | Self::Damaged => ErrorKind::Storage,
            Self::NoServiceKey | Self::Envelope(_) | Self::Key(_) | Self::Crypto(_) => {
                ErrorKind::Internal
            }
        }
    }

    /// Whether the same call could succeed later without anything changing
    /// on her side (the database was busy, the wait is over).
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::TooManyAttempts { .. } => true,
            Self::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                matches!(e.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
            }
            _ => false,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Self::Corrupt,
            _ => Self::Sqlite(e),
        }
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        use rusqlite_migration::{Error as M, MigrationDefinitionError as D};
        match e {
            M::MigrationDefinition(D::DatabaseTooFarAhead) => Self::NewerSchema,
            M::RusqliteError { err, .. } => Self::from(err),
            other => Self::Migration(other),
        }
    }
}

impl From<VaultCryptoError> for StoreError {
    fn from(e: VaultCryptoError) -> Self {
        match e {
            VaultCryptoError::OpenFailed | VaultCryptoError::Malformed => Self::Damaged,
            other => Self::Crypto(other),
        }
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        // The message names the failed operation only; never data.
        let mut out = Self::new(e.kind(), e.to_string());
        match e {
            StoreError::WrongPin {
                attempts_left,
                retry_after_secs,
            } => {
                out.attempts_left = attempts_left;
                out.retry_after_secs = Some(retry_after_secs);
            }
            StoreError::TooManyAttempts { retry_after_secs } => {
                out.retry_after_secs = Some(retry_after_secs);
            }
            _ => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_the_ui_explains() {
        assert_eq!(StoreError::Locked.kind(), ErrorKind::Locked);
        let wrong = StoreError::WrongPin {
            attempts_left: Some(3),
            retry_after_secs: 0,
        };
        assert_eq!(wrong.kind(), ErrorKind::WrongPin);
        let wait = StoreError::TooManyAttempts {
            retry_after_secs: 30,
        };
        assert_eq!(wait.kind(), ErrorKind::TooManyAttempts);
        assert!(wait.is_retryable());
        assert_eq!(StoreError::DiskFull.kind(), ErrorKind::Storage);
        assert_eq!(StoreError::NewerSchema.kind(), ErrorKind::Storage);
        let c: CommandError = wrong.into();
        assert_eq!(c.kind, ErrorKind::WrongPin);
        assert_eq!(c.message, "wrong PIN");
        assert_eq!(c.attempts_left, Some(3));
        assert_eq!(c.retry_after_secs, Some(0));
    }
}
