//! The listeners' queue and the work on a case.
//!
//! * Need to know: a case is visible only inside the caller's scope (their
//!   center, their region, or national); outside it, the service answers 404
//!   as if the case did not exist.
//! * Every opening of a case (the only way to read what she wrote) is written
//!   to the audit log before the content is sent.
//! * No referral without her recorded consent to it; a supervisor may
//!   override with a reason, which is logged.
//! * Each action is one transaction (status change, event, referral, status
//!   update for her device, audit lines): all of it or nothing. Status
//!   changes are conditional on the status read, so two listeners acting at
//!   once cannot both win.
//! * Staff notes are sealed to the service key at rest, like her records.

use crate::error::{AppError, AppResult};
use crate::http::{ApiJson, ApiPath, ApiQuery};
use crate::staff::{filter_of, StaffAuth};
use crate::store::{
    AuditRecord, CaseAction, CaseEventRecord, CaseRow, QueueQuery, ReferralRecord, ReferralWrite,
};
use crate::AppState;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::Json;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use futures_util::Stream;
use kulna_model::api::{CaseStatus, StatusUpdate, STATUS_UPDATE_CONTEXT};
use kulna_model::directory::{DirectorySnapshot, EntryKind};
use kulna_model::record::RecordPayload;
use kulna_model::staff::{
    AcknowledgeRequest, AssignRequest, AuditEntry, AuditLogResponse, CaseDetail, CaseEvent,
    CloseRequest, MessageRequest, NoteRequest, QueueItem, QueueResponse, Referral, ReferralRequest,
    ReferralStatus, ReferralUpdateRequest, Role, Scope,
};
use kulna_model::{Envelope, RecordId};
use serde::Deserialize;
use std::convert::Infallible;
use std::time::Duration;
use tokio_stream::StreamExt as _;

const NOTE_CONTEXT: &[u8] = b"kulna-maak/staff-note v1";
const MAX_NOTE: usize = 8000;
const MAX_MESSAGE: usize = 1000;

fn item_of(c: &CaseRow) -> QueueItem {
    QueueItem {
        id: c.id,
        kind: c.kind,
        region: c.region,
        center_id: c.center_id.clone(),
        status: c.status,
        created_at_ms: c.created_at_ms,
        received_at_ms: c.received_at_ms,
        acknowledged_at_ms: c.acknowledged_at_ms,
    }
}

/// Whether a case is inside a scope.
pub fn in_scope(scope: &Scope, region: Option<u8>, center: Option<&str>) -> bool {
    match scope {
        Scope::National => true,
        Scope::Region { region: r } => region == Some(*r),
        Scope::Center { center_id } => center == Some(center_id.as_str()),
    }
}

/// Query of `GET /v1/queue`.
#[derive(Debug, Deserialize)]
pub struct QueueParams {
    /// Closed cases too.
    #[serde(default)]
    pub include_closed: bool,
    /// At most this many (1 to 1000, default 200).
    pub limit: Option<u32>,
}

/// `GET /v1/queue`.
pub async fn queue(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiQuery(p): ApiQuery<QueueParams>,
) -> AppResult<Json<QueueResponse>> {
    let rows = state
        .store()
        .queue(&QueueQuery {
            scope: filter_of(&who.scope),
            include_closed: p.include_closed,
            limit: p.limit.unwrap_or(200).clamp(1, 1000),
        })
        .await?;
    Ok(Json(QueueResponse {
        items: rows.iter().map(item_of).collect(),
    }))
}

/// `GET /v1/queue/events`: server-sent events, one `queue` event per new or
/// changed case in the caller's scope, and a `ping` every 15 s, until the
/// session expires. A client that reconnects should fetch `/v1/queue` again.
pub async fn queue_events(
    State(state): State<AppState>,
    who: StaffAuth,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = state.inner.events.subscribe();
    let scope = who.scope.clone();
    let stream =
        tokio_stream::wrappers::BroadcastStream::new(rx).filter_map(move |item| match item {
            Ok(item) if in_scope(&scope, item.region, item.center_id.as_deref()) => {
                Event::default()
                    .event("queue")
                    .json_data(&item)
                    .ok()
                    .map(Ok)
            }
            Ok(_) => None,
            // Lagged: tell the client to refetch.
            Err(_) => Some(Ok(Event::default().event("resync").data("{}"))),
        });
    let stream = futures_util::StreamExt::take_until(stream, session_over(state, who));
    Sse::new(stream).keep_alive(
        KeepAlive::new()
            .interval(Duration::from_secs(15))
            .text("ping"),
    )
}

/// How often a live queue asks whether its session still stands. A sign-out
/// on this instance ends it at once; a session revoked elsewhere (another
/// instance, `staff disable`) within this time.
pub const SESSION_RECHECK: Duration = Duration::from_secs(5);

/// Resolves when the session of a live queue is over: expired, signed out,
/// revoked, or its account disabled. A store error is not taken for an end:
/// the next check asks again.
async fn session_over(state: AppState, who: StaffAuth) {
    loop {
        let left = u64::try_from(who.expires_at_ms.saturating_sub(crate::now_ms())).unwrap_or(0);
        if left == 0 {
            return;
        }
        let wait = Duration::from_millis(left).min(SESSION_RECHECK);
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = state.inner.sessions_ended.notified() => {}
        }
        if let Ok(false) = who.still_valid(&state).await {
            return;
        }
    }
}

async fn load_visible(
    state: &AppState,
    who: &StaffAuth,
    id: RecordId,
) -> AppResult<(CaseRow, String)> {
    let (case, envelope) = state
        .store()
        .case(id)
        .await?
        .ok_or(AppError::NotFound("no such case"))?;
    if !in_scope(&who.scope, case.region, case.center_id.as_deref()) {
        tracing::info!(staff_id = %who.staff.id, "case outside scope refused");
        return Err(AppError::NotFound("no such case"));
    }
    Ok((case, envelope))
}

/// The record in a case's envelope, once its own signature is found to be
/// its device's (a batch signature vouched for it at ingest; see
/// `crate::ingest`). `None` when it cannot be read: a payload of another
/// shape, or a signature that does not match (then nothing of it is shown,
/// and a warning names the case).
async fn open_payload(state: &AppState, envelope: &str) -> AppResult<Option<RecordPayload>> {
    let env: Envelope = serde_json::from_str(envelope).map_err(AppError::internal)?;
    let signed_by_device = state
        .inner
        .devices
        .load(state, env.device_id, false)
        .await?
        .is_some_and(|d| kulna_crypto::verify_envelope(&env, &d.verifying_key).is_ok());
    if !signed_by_device {
        tracing::warn!(case = %env.id, "the envelope's signature does not match its device; not opened");
        return Ok(None);
    }
    let plain = kulna_crypto::open_envelope(&env, state.keys().sealing_secret())
        .map_err(AppError::internal)?;
    Ok(serde_json::from_slice::<RecordPayload>(&plain).ok())
}

fn audit(who: &StaffAuth, action: &str, case: Option<RecordId>, detail: String) -> AuditRecord {
    AuditRecord {
        seq: 0,
        at_ms: crate::now_ms(),
        staff_id: who.staff.id.clone(),
        username: who.staff.username.clone(),
        action: action.to_owned(),
        case_id: case,
        detail,
    }
}

fn note_aad(case: RecordId) -> Vec<u8> {
    case.as_bytes().to_vec()
}

fn seal_note(state: &AppState, case: RecordId, text: &str) -> AppResult<String> {
    let sealed = kulna_crypto::envelope::seal_to(
        state.keys().sealing_public(),
        NOTE_CONTEXT,
        &note_aad(case),
        text.as_bytes(),
    )
    .map_err(AppError::internal)?;
    Ok(format!("sealed:{}", B64.encode(sealed)))
}

fn read_detail(state: &AppState, case: RecordId, detail: &str) -> String {
    match detail.strip_prefix("sealed:") {
        Some(b64) => B64
            .decode(b64)
            .ok()
            .and_then(|s| {
                kulna_crypto::envelope::open_sealed(
                    state.keys().sealing_secret(),
                    NOTE_CONTEXT,
                    &note_aad(case),
                    &s,
                )
                .ok()
            })
            .and_then(|p| String::from_utf8(p.to_vec()).ok())
            .unwrap_or_else(|| "[unreadable]".into()),
        None => detail.to_owned(),
    }
}

async fn detail_of(state: &AppState, case: &CaseRow, envelope: &str) -> AppResult<CaseDetail> {
    let payload = open_payload(state, envelope).await?;
    let (events, referrals) = state.store().case_history(case.id).await?;
    Ok(CaseDetail {
        case: item_of(case),
        consents: payload
            .as_ref()
            .map(|p| p.consents.clone())
            .unwrap_or_default(),
        payload,
        referrals: referrals.iter().map(referral_of).collect(),
        events: events
            .iter()
            .map(|e| CaseEvent {
                at_ms: e.at_ms,
                by: e.username.clone(),
                action: e.action.clone(),
                detail: read_detail(state, case.id, &e.detail),
            })
            .collect(),
    })
}

/// The organisation of a referral must be a service of the directory the
/// service publishes now.
async fn check_listing(state: &AppState, id: &str) -> AppResult<()> {
    let unknown =
        || AppError::InvalidInput("`listing` is not a service of the published directory".into());
    if id.is_empty() || id.len() > 200 {
        return Err(unknown());
    }
    let Some(latest) = state.store().directory_version(None).await? else {
        return Err(unknown());
    };
    let snapshot: DirectorySnapshot =
        serde_json::from_str(&latest.snapshot).map_err(AppError::internal)?;
    if snapshot
        .entries
        .iter()
        .any(|e| e.id == id && e.kind == EntryKind::Service)
    {
        Ok(())
    } else {
        Err(unknown())
    }
}

fn referral_of(r: &ReferralRecord) -> Referral {
    Referral {
        id: r.id.clone(),
        destination: r.destination,
        status: r.status,
        reason: r.reason,
        consent_override: r.consent_override,
        listing: r.listing.clone(),
        created_at_ms: r.created_at_ms,
        updated_at_ms: r.updated_at_ms,
    }
}

/// `GET /v1/cases/{id}`: opens a case (audited).
pub async fn open_case(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath(id): ApiPath<RecordId>,
) -> AppResult<Json<CaseDetail>> {
    let (case, envelope) = load_visible(&state, &who, id).await?;
    // The read is on record before the content leaves the service.
    state
        .store()
        .append_audit(&audit(&who, "case_read", Some(id), String::new()))
        .await?;
    Ok(Json(detail_of(&state, &case, &envelope).await?))
}

fn check_message(m: &Option<String>) -> AppResult<()> {
    match m {
        Some(m) if m.chars().count() > MAX_MESSAGE => Err(AppError::InvalidInput(format!(
            "a message has at most {MAX_MESSAGE} characters"
        ))),
        _ => Ok(()),
    }
}

/// Seals a status update to the device that sent the case.
async fn sealed_update(
    state: &AppState,
    case: &CaseRow,
    status: CaseStatus,
    message: Option<String>,
) -> AppResult<Option<(kulna_model::DeviceId, Vec<u8>)>> {
    let Some(device) = state
        .inner
        .devices
        .load(state, case.device_id, false)
        .await?
    else {
        return Ok(None);
    };
    let update = StatusUpdate {
        case_id: case.id,
        status,
        message,
        at_ms: crate::now_ms(),
    };
    let plain = serde_json::to_vec(&update).map_err(AppError::internal)?;
    let mut aad = case.device_id.as_bytes().to_vec();
    aad.extend_from_slice(case.id.as_bytes());
    let sealed =
        kulna_crypto::envelope::seal_to(&device.sealing_key, STATUS_UPDATE_CONTEXT, &aad, &plain)
            .map_err(AppError::internal)?;
    Ok(Some((case.device_id, sealed)))
}

struct Step {
    action: &'static str,
    detail: String,
    status_change: Option<CaseStatus>,
    assign_center: Option<String>,
    referral: Option<ReferralWrite>,
    message: Option<String>,
    notify: bool,
    extra_audit: Vec<AuditRecord>,
}

impl Step {
    fn new(action: &'static str) -> Self {
        Self {
            action,
            detail: String::new(),
            status_change: None,
            assign_center: None,
            referral: None,
            message: None,
            notify: false,
            extra_audit: Vec::new(),
        }
    }
}

async fn apply(
    state: &AppState,
    who: &StaffAuth,
    case: CaseRow,
    step: Step,
) -> AppResult<Json<CaseDetail>> {
    let new_status = step.status_change.unwrap_or(case.status);
    let device_update = if step.notify || step.message.is_some() {
        sealed_update(state, &case, new_status, step.message.clone()).await?
    } else {
        None
    };
    let mut audit_lines = vec![audit(who, step.action, Some(case.id), String::new())];
    audit_lines.extend(step.extra_audit);
    let action = CaseAction {
        case_id: case.id,
        event: CaseEventRecord {
            at_ms: crate::now_ms(),
            staff_id: who.staff.id.clone(),
            username: who.staff.username.clone(),
            action: step.action.to_owned(),
            detail: step.detail,
        },
        status_change: step
            .status_change
            .filter(|s| *s != case.status)
            .map(|to| (case.status, to)),
        assign_center: step.assign_center,
        referral: step.referral,
        device_update,
        audit: audit_lines,
    };
    if !state.store().apply_case_action(&action).await? {
        return Err(AppError::Conflict(
            "the case changed meanwhile; reload it and try again".into(),
        ));
    }
    tracing::info!(action = step.action, staff_id = %who.staff.id, "case action");
    let (case, envelope) = state
        .store()
        .case(case.id)
        .await?
        .ok_or(AppError::NotFound("no such case"))?;
    crate::store::deliver_events(state.store(), &state.inner.events, vec![item_of(&case)]).await;
    Ok(Json(detail_of(state, &case, &envelope).await?))
}

fn not_closed(case: &CaseRow) -> AppResult<()> {
    if case.status == CaseStatus::Closed {
        Err(AppError::Conflict("the case is closed".into()))
    } else {
        Ok(())
    }
}

/// `POST /v1/cases/{id}/acknowledge`.
pub async fn acknowledge(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(req): ApiJson<AcknowledgeRequest>,
) -> AppResult<Json<CaseDetail>> {
    check_message(&req.message)?;
    let (case, _) = load_visible(&state, &who, id).await?;
    if case.status != CaseStatus::New {
        return Err(AppError::Conflict(
            "the case was already acknowledged".into(),
        ));
    }
    let mut step = Step::new("acknowledge");
    step.status_change = Some(CaseStatus::Acknowledged);
    step.message = req.message;
    step.notify = true;
    apply(&state, &who, case, step).await
}

/// `POST /v1/cases/{id}/assign`.
pub async fn assign(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(req): ApiJson<AssignRequest>,
) -> AppResult<Json<CaseDetail>> {
    if matches!(who.scope, Scope::Center { .. }) || who.staff.role == Role::FieldWorker {
        return Err(AppError::Forbidden(
            "only regional or national staff assign cases to centers".into(),
        ));
    }
    let (case, _) = load_visible(&state, &who, id).await?;
    not_closed(&case)?;
    let center = state
        .store()
        .center(&req.center_id)
        .await?
        .ok_or_else(|| AppError::InvalidInput("no such center".into()))?;
    if let Some(r) = case.region {
        if r != center.region {
            return Err(AppError::InvalidInput(
                "the center is in another region than the case".into(),
            ));
        }
    }
    let mut step = Step::new("assign");
    step.detail = format!("center {}", center.id);
    step.assign_center = Some(center.id);
    apply(&state, &who, case, step).await
}

/// `POST /v1/cases/{id}/referrals`.
pub async fn refer(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(req): ApiJson<ReferralRequest>,
) -> AppResult<Json<CaseDetail>> {
    check_message(&req.message)?;
    let (case, envelope) = load_visible(&state, &who, id).await?;
    not_closed(&case)?;
    if let Some(listing) = &req.listing {
        check_listing(&state, listing).await?;
    }
    let consents = open_payload(&state, &envelope)
        .await?
        .map(|p| p.consents)
        .unwrap_or_default();
    let mut step = Step::new("refer");
    let consent_override = if consents.allows_referral_to(req.destination) {
        false
    } else {
        let reason = req.override_reason.as_deref().map(str::trim).unwrap_or("");
        if !who.staff.role.supervises() {
            return Err(AppError::Forbidden(
                "she has not consented to this referral; only a supervisor may override, with a reason".into(),
            ));
        }
        if reason.is_empty() || reason.chars().count() > MAX_MESSAGE {
            return Err(AppError::InvalidInput(
                "she has not consented to this referral: an override needs `override_reason`"
                    .into(),
            ));
        }
        step.extra_audit.push(audit(
            &who,
            "consent_override",
            Some(id),
            req.destination.as_str().to_owned(),
        ));
        true
    };
    let now = crate::now_ms();
    step.detail = format!(
        "{}{}{}",
        req.destination.as_str(),
        req.listing
            .as_deref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default(),
        if consent_override {
            " (consent overridden by a supervisor)"
        } else {
            ""
        }
    );
    step.status_change = Some(CaseStatus::Referred);
    step.referral = Some(ReferralWrite::New(ReferralRecord {
        id: uuid::Uuid::new_v4().to_string(),
        destination: req.destination,
        status: ReferralStatus::InProgress,
        reason: None,
        consent_override,
        listing: req.listing,
        created_by: who.staff.id.clone(),
        created_at_ms: now,
        updated_at_ms: now,
    }));
    step.message = req.message;
    step.notify = true;
    apply(&state, &who, case, step).await
}

/// `POST /v1/cases/{id}/referrals/{referral_id}`.
pub async fn update_referral(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath((id, referral_id)): ApiPath<(RecordId, String)>,
    ApiJson(req): ApiJson<ReferralUpdateRequest>,
) -> AppResult<Json<CaseDetail>> {
    check_message(&req.message)?;
    let (case, _) = load_visible(&state, &who, id).await?;
    not_closed(&case)?;
    let (_, referrals) = state.store().case_history(id).await?;
    let current = referrals
        .iter()
        .find(|r| r.id == referral_id)
        .ok_or(AppError::NotFound("no such referral on this case"))?;
    if !current.status.can_become(req.status) {
        return Err(AppError::Conflict(format!(
            "a referral {} cannot become {}",
            current.status.as_str(),
            req.status.as_str()
        )));
    }
    if matches!(
        req.status,
        ReferralStatus::Rejected | ReferralStatus::Revoked
    ) && req.reason.is_none()
    {
        return Err(AppError::InvalidInput(
            "a rejected or revoked referral needs a `reason`".into(),
        ));
    }
    let mut step = Step::new("referral_update");
    step.detail = format!(
        "{} {} -> {}",
        current.destination.as_str(),
        current.status.as_str(),
        req.status.as_str()
    );
    step.referral = Some(ReferralWrite::Update {
        id: referral_id,
        from: current.status,
        to: req.status,
        reason: req.reason,
    });
    step.message = req.message;
    apply(&state, &who, case, step).await
}

/// `POST /v1/cases/{id}/notes`.
pub async fn note(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(req): ApiJson<NoteRequest>,
) -> AppResult<Json<CaseDetail>> {
    let text = req.text.trim();
    if text.is_empty() || text.chars().count() > MAX_NOTE {
        return Err(AppError::InvalidInput(format!(
            "a note has 1 to {MAX_NOTE} characters"
        )));
    }
    let (case, _) = load_visible(&state, &who, id).await?;
    let mut step = Step::new("note");
    step.detail = seal_note(&state, id, text)?;
    apply(&state, &who, case, step).await
}

/// `POST /v1/cases/{id}/messages`.
pub async fn message(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(req): ApiJson<MessageRequest>,
) -> AppResult<Json<CaseDetail>> {
    let text = req.message.trim().to_owned();
    if text.is_empty() {
        return Err(AppError::InvalidInput("an empty message".into()));
    }
    check_message(&Some(text.clone()))?;
    let (case, _) = load_visible(&state, &who, id).await?;
    let mut step = Step::new("message");
    step.detail = seal_note(&state, id, &text)?;
    step.message = Some(text);
    apply(&state, &who, case, step).await
}

/// `POST /v1/cases/{id}/close`.
pub async fn close(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(req): ApiJson<CloseRequest>,
) -> AppResult<Json<CaseDetail>> {
    check_message(&req.message)?;
    let (case, _) = load_visible(&state, &who, id).await?;
    not_closed(&case)?;
    let mut step = Step::new("close");
    step.status_change = Some(CaseStatus::Closed);
    step.message = req.message;
    step.notify = true;
    apply(&state, &who, case, step).await
}

/// Query of `GET /v1/audit`.
#[derive(Debug, Deserialize)]
pub struct AuditParams {
    /// Entries after this position.
    #[serde(default)]
    pub after: i64,
    /// At most this many (1 to 1000, default 200).
    pub limit: Option<u32>,
}

/// `GET /v1/audit`: supervisors and administrators.
pub async fn audit_log(
    State(state): State<AppState>,
    who: StaffAuth,
    ApiQuery(p): ApiQuery<AuditParams>,
) -> AppResult<Json<AuditLogResponse>> {
    who.require_supervisor()?;
    let rows = state
        .store()
        .audit_log(
            p.after,
            p.limit.unwrap_or(200).clamp(1, 1000),
            &filter_of(&who.scope),
        )
        .await?;
    Ok(Json(AuditLogResponse {
        entries: rows
            .into_iter()
            .map(|a| AuditEntry {
                seq: a.seq,
                at_ms: a.at_ms,
                staff_id: a.staff_id,
                username: a.username,
                action: a.action,
                case_id: a.case_id,
            })
            .collect(),
    }))
}
