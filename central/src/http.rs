//! The HTTP API: routes and the shared extractors.

use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_model::api::{HealthResponse, ServiceKeyResponse};
use serde::de::DeserializeOwned;

/// A JSON body whose every rejection is an [`AppError`].
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Self(v)),
            Err(rej) => Err(json_rejection(rej)),
        }
    }
}

pub(crate) fn json_rejection(rej: JsonRejection) -> AppError {
    match rej.status() {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge("request body too large".into()),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            AppError::UnsupportedMediaType("expected Content-Type: application/json".into())
        }
        _ => AppError::InvalidInput(rej.body_text()),
    }
}

/// Builds the whole API.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/ready", get(ready))
        .route("/v1/service-key", get(service_key))
        .fallback(not_found)
        .with_state(state)
}

async fn health() -> Json<HealthResponse> {
    Json(HealthResponse {
        status: "ok".into(),
    })
}

async fn ready(State(state): State<AppState>) -> AppResult<Json<HealthResponse>> {
    state.store().ping().await?;
    Ok(Json(HealthResponse {
        status: "ok".into(),
    }))
}

async fn service_key(State(state): State<AppState>) -> Json<ServiceKeyResponse> {
    let keys = state.keys();
    Json(ServiceKeyResponse {
        key_id: keys.key_id().to_owned(),
        sealing_public_key: keys.sealing_public().to_base64(),
        directory_signing_key: B64.encode(keys.signing_public()),
    })
}

async fn not_found() -> AppError {
    AppError::NotFound("no such route")
}
