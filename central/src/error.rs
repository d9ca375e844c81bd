//! One error type for every handler. It answers with an [`ApiError`] body and
//! the right status; internals are logged, never sent.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kulna_model::api::{ApiError, ApiErrorCode, RejectReason};

use crate::store::StoreError;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400 with a reason.
    #[error("{0}")]
    InvalidInput(String),
    /// 400 about one item of a batch.
    #[error("item {index}: {message}")]
    InvalidItem {
        /// Which item.
        index: usize,
        /// Why.
        message: String,
    },
    /// 401.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// 403.
    #[error("{0}")]
    Forbidden(String),
    /// 404.
    #[error("{0}")]
    NotFound(&'static str),
    /// 409.
    #[error("{0}")]
    Conflict(String),
    /// 400 (409 for an id held for another device) about one envelope, with
    /// the same reason a batch would give.
    #[error("{message}")]
    RefusedEnvelope {
        /// Its index in the request, when the request could hold several.
        index: Option<usize>,
        /// Why, for machines.
        reason: RejectReason,
        /// Why, for people.
        message: String,
    },
    /// 409: a chunk that does not start where the upload stands.
    #[error(
        "this chunk does not start where the upload stands; the next chunk starts at byte {held}"
    )]
    WrongOffset {
        /// The bytes held: where the next chunk starts.
        held: u64,
    },
    /// 422: an upload's bytes do not match their declared SHA-256.
    #[error("{0}")]
    DigestMismatch(String),
    /// 413.
    #[error("{0}")]
    PayloadTooLarge(String),
    /// 415.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 429.
    #[error("too many requests; retry in {retry_after_s} s")]
    RateLimited {
        /// Seconds to wait.
        retry_after_s: u64,
    },
    /// 503.
    #[error("storage is not answering")]
    Unavailable(#[source] anyhow::Error),
    /// 500.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    /// An internal error from anything printable (logged, never sent).
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        Self::Internal(e.into())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(inner) => Self::Unavailable(inner),
            other => Self::Internal(anyhow::Error::new(other)),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            Self::InvalidInput(_) | Self::InvalidItem { .. } => {
                (StatusCode::BAD_REQUEST, ApiErrorCode::InvalidInput)
            }
            Self::Unauthorized(_) => (StatusCode::UNAUTHORIZED, ApiErrorCode::Unauthorized),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, ApiErrorCode::Forbidden),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, ApiErrorCode::NotFound),
            Self::Conflict(_) | Self::WrongOffset { .. } => {
                (StatusCode::CONFLICT, ApiErrorCode::Conflict)
            }
            Self::RefusedEnvelope {
                reason: RejectReason::IdConflict,
                ..
            } => (StatusCode::CONFLICT, ApiErrorCode::Conflict),
            Self::RefusedEnvelope { .. } => (StatusCode::BAD_REQUEST, ApiErrorCode::InvalidInput),
            Self::DigestMismatch(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiErrorCode::DigestMismatch,
            ),
            Self::PayloadTooLarge(_) => {
                (StatusCode::PAYLOAD_TOO_LARGE, ApiErrorCode::PayloadTooLarge)
            }
            Self::UnsupportedMediaType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ApiErrorCode::UnsupportedMediaType,
            ),
            Self::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, ApiErrorCode::RateLimited),
            Self::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, ApiErrorCode::Unavailable),
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ApiErrorCode::Internal),
        };
        match &self {
            Self::Unavailable(e) => {
                tracing::warn!(error = %format!("{e:#}"), "storage unavailable")
            }
            Self::Internal(e) => tracing::error!(error = %format!("{e:#}"), "internal error"),
            _ => tracing::debug!(status = status.as_u16(), "request refused"),
        }
        let index = match &self {
            Self::InvalidItem { index, .. } => Some(*index),
            Self::RefusedEnvelope { index, .. } => *index,
            _ => None,
        };
        let message = match &self {
            Self::InvalidItem { message, .. } => message.clone(),
            other => other.to_string(),
        };
        let reason = match &self {
            Self::RefusedEnvelope { reason, .. } => Some(*reason),
            _ => None,
        };
        let offset = match &self {
            Self::WrongOffset { held } => Some(*held),
            _ => None,
        };
        let mut resp = (
            status,
            Json(ApiError {
                error: code,
                message,
                index,
                reason,
                offset,
            }),
        )
            .into_response();
        if let Some(held) = offset {
            if let Ok(v) = HeaderValue::from_str(&held.to_string()) {
                resp.headers_mut().insert("upload-offset", v);
            }
        }
        if let Self::RateLimited { retry_after_s } = self {
            if let Ok(v) = HeaderValue::from_str(&retry_after_s.to_string()) {
                resp.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        resp
    }
}

/// Result of a handler.
pub type AppResult<T> = Result<T, AppError>;
