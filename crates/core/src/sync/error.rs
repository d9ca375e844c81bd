//! Why a sync step failed, whether retrying can help, and what the UI says.
//!
//! Messages name what failed, never data: no token, key, record text or URL
//! query appears in an error.

use crate::error::StoreError;
use kulna_model::api::{ApiErrorCode, RejectReason};
use kulna_model::SyncProblem;
use std::time::Duration;

/// A sync step failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The network cannot be reached (DNS, no route, no interface).
    #[error("no network connection")]
    NoConnection(#[source] reqwest::Error),
    /// The service did not answer properly: refused connection, timeout,
    /// connection cut mid-request or mid-answer, an answer cut short.
    #[error("the service could not be reached")]
    Unreachable(#[source] reqwest::Error),
    /// The service stopped sending in the middle of a long answer.
    #[error("the service stopped answering")]
    Stalled,
    /// The service answered 5xx.
    #[error("the service failed (HTTP {status})")]
    ServerError {
        /// The HTTP status.
        status: u16,
        /// Its `Retry-After`, if any.
        retry_after: Option<Duration>,
    },
    /// The service answered 429.
    #[error("the service asked to slow down")]
    RateLimited {
        /// Its `Retry-After`, if any.
        retry_after: Option<Duration>,
    },
    /// The device token was not accepted (401): register again.
    #[error("the device token was not accepted")]
    Unauthorized,
    /// The service answered something this client does not understand (an
    /// unknown route, an unexpected body).
    #[error("the service does not speak this app's protocol ({0})")]
    Incompatible(&'static str),
    /// The whole request was refused as too large (413).
    #[error("the request was too large for the service")]
    TooLarge,
    /// The whole request was refused as invalid (400) or conflicting (409).
    #[error("the service refused the request ({code:?})")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The service's error code, when it sent one.
        code: Option<ApiErrorCode>,
        /// For one item of a request: its index.
        index: Option<usize>,
        /// For a refused envelope: why, as a batch would say it.
        reason: Option<RejectReason>,
        /// For an upload chunk that did not start where the upload stands:
        /// the bytes the service holds.
        offset: Option<u64>,
    },
    /// The service no longer has an upload this device was sending (it
    /// expired or was discarded): it starts again.
    #[error("the service no longer has this upload")]
    UploadGone,
    /// One record was refused; it stays on the device with the reason.
    #[error("a record was refused ({reason:?})")]
    ItemRefused {
        /// Why.
        reason: RejectReason,
    },
    /// The service presents another key than the one pinned on this device.
    #[error("the service key changed; nothing is sent until it is checked")]
    ServiceKeyChanged,
    /// The service sent a key that is not a key.
    #[error("the service sent a malformed key")]
    BadServiceKey,
    /// The service refuses this device's registration (its id is held with
    /// other keys).
    #[error("the service refuses this device")]
    DeviceRefused,
    /// A directory version's signature did not verify; the old directory is kept.
    #[error("a directory update had a bad signature and was ignored")]
    DirectoryBadSignature,
    /// Local storage failed.
    #[error("local storage: {0}")]
    Storage(#[from] StoreError),
    /// The engine was stopped.
    #[error("sync stopped")]
    Stopped,
}

impl SyncError {
    /// Whether trying again later (with backoff) could succeed without
    /// anyone doing anything.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::NoConnection(_)
            | Self::Unreachable(_)
            | Self::Stalled
            | Self::ServerError { .. }
            | Self::RateLimited { .. }
            | Self::Unauthorized
            | Self::UploadGone
            // A portal answering HTML, a service being upgraded: try again later.
            | Self::Incompatible(_) => true,
            Self::Storage(e) => e.is_retryable(),
            _ => false,
        }
    }

    /// How long the service asked to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::ServerError { retry_after, .. } | Self::RateLimited { retry_after } => {
                *retry_after
            }
            _ => None,
        }
    }

    /// What the UI shows for it.
    pub fn problem(&self) -> SyncProblem {
        match self {
            Self::NoConnection(_) => SyncProblem::NoConnection,
            Self::Unreachable(_)
            | Self::Stalled
            | Self::ServerError {
                status: 500..=502 | 504..,
                ..
            } => SyncProblem::ServiceUnreachable,
            Self::ServerError { .. } | Self::RateLimited { .. } => SyncProblem::ServiceBusy,
            Self::Unauthorized | Self::Stopped | Self::UploadGone => {
                SyncProblem::ServiceUnreachable
            }
            Self::Incompatible(_)
            | Self::TooLarge
            | Self::Refused { .. }
            | Self::BadServiceKey
            | Self::ItemRefused { .. } => SyncProblem::Incompatible,
            Self::ServiceKeyChanged => SyncProblem::ServiceKeyChanged,
            Self::DeviceRefused => SyncProblem::DeviceRefused,
            Self::DirectoryBadSignature => SyncProblem::DirectoryRefused,
            Self::Storage(_) => SyncProblem::Storage,
        }
    }
}

/// Classifies a transport error: the network itself, or the service.
pub(crate) fn transport(e: reqwest::Error) -> SyncError {
    if e.is_connect() && !refused(&e) {
        SyncError::NoConnection(e)
    } else {
        SyncError::Unreachable(e)
    }
}

/// A refused connection means the network works and the host answered:
/// the service is down, not her connection.
fn refused(e: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::ConnectionReset
            );
        }
        source = s.source();
    }
    false
}

/// Exponential backoff with full jitter: the n-th wait is uniform in
/// `[0, min(cap, base·2ⁿ)]`, so devices that lost the service together do
/// not come back together.
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    attempt: u32,
}

impl Backoff {
    /// Starts at `base`, never waits longer than `cap`.
    pub fn new(base: Duration, cap: Duration) -> Self {
        Self {
            base,
            cap,
            attempt: 0,
        }
    }

    /// The wait before the next try.
    pub fn next_delay(&mut self) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(1u32 << self.attempt.min(20))
            .min(self.cap);
        self.attempt = self.attempt.saturating_add(1);
        let ms = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(fastrand::u64(0..=ms))
    }

    /// The wait before the next try, at least what the service asked for
    /// (itself capped at `max_asked`).
    pub fn delay_for(&mut self, e: &SyncError, max_asked: Duration) -> Duration {
        let jitter = self.next_delay();
        match e.retry_after() {
            Some(asked) => jitter.max(asked.min(max_asked)),
            None => jitter,
        }
    }

    /// After a success: start again from `base`.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }

    /// How many failures in a row so far.
    pub fn failures(&self) -> u32 {
        self.attempt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_secs(2));
        let mut max_seen = Duration::ZERO;
        for n in 0..40u32 {
            let d = b.next_delay();
            let ceiling = Duration::from_millis(100)
                .saturating_mul(1 << n.min(20))
                .min(Duration::from_secs(2));
            assert!(d <= ceiling, "{d:?} > {ceiling:?}");
            max_seen = max_seen.max(d);
        }
        assert!(max_seen > Duration::from_millis(500), "jitter never grew");
        b.reset();
        assert_eq!(b.failures(), 0);
        assert!(b.next_delay() <= Duration::from_millis(100));
        let asked = SyncError::RateLimited {
            retry_after: Some(Duration::from_secs(30)),
        };
        assert!(asked.is_retryable());
        assert_eq!(
            b.delay_for(&asked, Duration::from_secs(5)),
            Duration::from_secs(5)
        );
    }

    #[test]
    fn problems_for_people() {
        assert_eq!(
            SyncError::ServerError {
                status: 503,
                retry_after: None
            }
            .problem(),
            SyncProblem::ServiceBusy
        );
        assert_eq!(
            SyncError::ServerError {
                status: 500,
                retry_after: None
            }
            .problem(),
            SyncProblem::ServiceUnreachable
        );
        assert!(!SyncError::ServiceKeyChanged.is_retryable());
        assert_eq!(
            SyncError::ServiceKeyChanged.problem(),
            SyncProblem::ServiceKeyChanged
        );
    }
}
