//! The error the UI receives when an IPC command fails.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable, machine-readable reason. The UI picks its localized sentence by
/// this kind; the `message` beside it is for logs and developers and never
/// holds a secret or anything she wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The vault is locked; unlock first.
    Locked,
    /// The PIN did not open the vault.
    WrongPin,
    /// Too many wrong PINs: wait before trying again.
    TooManyAttempts,
    /// The input was not acceptable (a field is missing or malformed).
    InvalidInput,
    /// What was asked for does not exist.
    NotFound,
    /// Local storage failed (disk full, corrupted file).
    Storage,
    /// The central service could not be reached.
    Network,
    /// The central service refused the request.
    Refused,
    /// A bug: something that should not happen.
    Internal,
    /// Staff sign-in: the username or password is wrong.
    WrongCredentials,
    /// The staff session expired or was revoked: sign in again.
    SessionEnded,
    /// Signed in, but this account may not do that (out of scope, no
    /// consent without a supervisor's override).
    Forbidden,
    /// Something must first be sent (e.g. before the service is changed).
    ItemsWaiting,
}

/// A failed IPC command, as the UI sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandError {
    /// Why it failed, for the UI to explain in her language.
    pub kind: ErrorKind,
    /// A short English description for logs; never contains secrets.
    pub message: String,
    /// For a wrong PIN or too many attempts: seconds before the next try.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
    /// For a wrong PIN when a wipe limit is set: tries left before the wipe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
}

impl CommandError {
    /// Builds an error of a kind with a developer-facing message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            retry_after_secs: None,
            attempts_left: None,
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for CommandError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned() {
        let e = CommandError::new(ErrorKind::WrongPin, "wrong PIN");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"kind":"wrong_pin","message":"wrong PIN"}"#
        );
        let e = CommandError {
            retry_after_secs: Some(30),
            attempts_left: Some(2),
            ..e
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"kind":"wrong_pin","message":"wrong PIN","retry_after_secs":30,"attempts_left":2}"#
        );
        assert_eq!(
            serde_json::to_string(&ErrorKind::SessionEnded).unwrap(),
            r#""session_ended""#
        );
        assert_eq!(
            serde_json::to_string(&ErrorKind::WrongCredentials).unwrap(),
            r#""wrong_credentials""#
        );
    }
}
