//! What can go wrong on the staff side, and what the UI should say.

use crate::error::StoreError;
use kulna_model::{CommandError, ErrorKind};
use std::time::Duration;

/// A staff call failed. Messages name the failure only: never a password,
/// a token or anything from a case.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// No staff member is signed in on this device.
    #[error("no staff member is signed in")]
    NotSignedIn,
    /// The username or password was wrong.
    #[error("wrong username or password")]
    WrongCredentials,
    /// The session expired or was revoked; it has been cleared from the
    /// vault. Sign in again.
    #[error("the staff session ended; sign in again")]
    SessionEnded,
    /// Signed in, but not allowed (out of scope, no consent).
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// No such case in this account's scope.
    #[error("no such case")]
    NotFound,
    /// The request was not acceptable (the service's reason).
    #[error("not accepted: {0}")]
    InvalidInput(String),
    /// The service refused: the case changed meanwhile (closed, referral
    /// already answered).
    #[error("refused: {0}")]
    Conflict(String),
    /// Too many attempts: wait.
    #[error("too many attempts; wait")]
    RateLimited {
        /// How long the service asked to wait.
        retry_after: Option<Duration>,
    },
    /// The service could not be reached, or failed on its side.
    #[error("the service could not be reached")]
    Unreachable,
    /// No service address is configured.
    #[error("no service address is configured")]
    NotConfigured,
    /// The service answered something this version does not understand.
    #[error("unexpected answer from the service")]
    Incompatible,
    /// Local storage (the vault) failed or is locked.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl StaffError {
    /// The reason, for the UI.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::NotSignedIn | Self::SessionEnded => ErrorKind::SessionEnded,
            Self::WrongCredentials => ErrorKind::WrongCredentials,
            Self::Forbidden(_) => ErrorKind::Forbidden,
            Self::NotFound => ErrorKind::NotFound,
            Self::InvalidInput(_) => ErrorKind::InvalidInput,
            Self::Conflict(_) => ErrorKind::Refused,
            Self::RateLimited { .. } => ErrorKind::TooManyAttempts,
            Self::Unreachable | Self::NotConfigured => ErrorKind::Network,
            Self::Incompatible => ErrorKind::Internal,
            Self::Store(e) => e.kind(),
        }
    }

    /// Whether the same call could succeed later with nothing changed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Unreachable | Self::RateLimited { .. })
    }
}

impl From<StaffError> for CommandError {
    fn from(e: StaffError) -> Self {
        let mut out = CommandError::new(e.kind(), e.to_string());
        if let StaffError::RateLimited {
            retry_after: Some(wait),
        } = e
        {
            out.retry_after_secs = Some(wait.as_secs());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_the_ui_explains() {
        assert_eq!(StaffError::SessionEnded.kind(), ErrorKind::SessionEnded);
        assert_eq!(StaffError::NotSignedIn.kind(), ErrorKind::SessionEnded);
        assert_eq!(
            StaffError::WrongCredentials.kind(),
            ErrorKind::WrongCredentials
        );
        assert_eq!(
            StaffError::Forbidden("x".into()).kind(),
            ErrorKind::Forbidden
        );
        assert_eq!(
            StaffError::Store(StoreError::Locked).kind(),
            ErrorKind::Locked
        );
        let c: CommandError = StaffError::RateLimited {
            retry_after: Some(Duration::from_secs(30)),
        }
        .into();
        assert_eq!(c.kind, ErrorKind::TooManyAttempts);
        assert_eq!(c.retry_after_secs, Some(30));
    }
}
