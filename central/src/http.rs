//! The HTTP API: routes and the shared extractors.

use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
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

/// Query parameters whose every rejection is an [`AppError`].
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| Self(v))
            .map_err(|rej| AppError::InvalidInput(rej.body_text()))
    }
}

/// Path parameters whose every rejection is an [`AppError`].
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| Self(v))
            .map_err(|rej| AppError::InvalidInput(rej.body_text()))
    }
}

/// Builds the whole API.
pub fn router(state: AppState) -> Router {
    let limit = state.config().body_limit_bytes;
    let open = Router::new()
        .route("/v1/service-key", get(service_key))
        .route("/v1/devices", post(crate::devices::register))
        .route("/v1/staff/login", post(crate::staff::login))
        .route("/v1/directory", get(crate::directory::get_directory))
        .route("/v1/limits", get(crate::uploads::limits))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            crate::ratelimit::limit,
        ));
    let devices = Router::new()
        .route("/v1/envelopes", post(crate::ingest::post_envelopes))
        .route("/v1/alerts", post(crate::ingest::post_alert))
        .route("/v1/devices/me/updates", get(crate::devices::updates))
        .route("/v1/uploads", post(crate::uploads::create))
        .route(
            "/v1/uploads/{record_id}",
            get(crate::uploads::status)
                .patch(crate::uploads::append)
                .layer(DefaultBodyLimit::max(crate::uploads::chunk_limit(
                    state.config(),
                ))),
        );
    let staff = Router::new()
        .route("/v1/staff/logout", post(crate::staff::logout))
        .route("/v1/staff/me", get(crate::staff::me))
        .route("/v1/staff/devices", post(crate::devices::link))
        .route("/v1/queue", get(crate::cases::queue))
        .route("/v1/queue/events", get(crate::cases::queue_events))
        .route("/v1/cases/{id}", get(crate::cases::open_case))
        .route(
            "/v1/cases/{id}/acknowledge",
            post(crate::cases::acknowledge),
        )
        .route("/v1/cases/{id}/assign", post(crate::cases::assign))
        .route("/v1/cases/{id}/referrals", post(crate::cases::refer))
        .route(
            "/v1/cases/{id}/referrals/{referral_id}",
            post(crate::cases::update_referral),
        )
        .route("/v1/cases/{id}/notes", post(crate::cases::note))
        .route("/v1/cases/{id}/messages", post(crate::cases::message))
        .route("/v1/cases/{id}/close", post(crate::cases::close))
        .route("/v1/audit", get(crate::cases::audit_log))
        .route("/v1/stats", get(crate::stats::get_stats));
    Router::new()
        .route("/health", get(health))
        .route("/ready", get(ready))
        .route("/openapi.json", get(crate::openapi::serve))
        .merge(open)
        .merge(devices)
        .merge(staff)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

async fn method_not_allowed() -> AppError {
    AppError::InvalidInput("method not allowed on this route".into())
}

async fn health() -> Json<HealthResponse> {
    Json(HealthResponse {
        status: "ok".into(),
    })
}

async fn ready(State(state): State<AppState>) -> AppResult<Json<HealthResponse>> {
    state
        .store()
        .ping()
        .await
        .map_err(|e| AppError::Unavailable(e.into()))?;
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
