//! The staff side's commands and events.

use super::{call, tauri_listen, NoArgs};
use kulna_model::staff::{
    AuditEntry, CaseDetail, QueueFilter, QueueItem, ReferralDestination, ReferralFailureReason,
    ReferralStatus, StaffSession, StatsResponse,
};
use kulna_model::{CommandError, RecordId};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct SignIn<'a> {
    username: &'a str,
    password: &'a str,
}

#[derive(Serialize)]
struct Filter {
    filter: QueueFilter,
}

#[derive(Serialize)]
struct Case {
    id: RecordId,
}

#[derive(Serialize)]
struct WithMessage<'a> {
    id: RecordId,
    message: Option<&'a str>,
}

#[derive(Serialize)]
struct Refer<'a> {
    id: RecordId,
    destination: ReferralDestination,
    listing: Option<&'a str>,
    override_reason: Option<&'a str>,
    message: Option<&'a str>,
}

#[derive(Serialize)]
struct UpdateReferral<'a> {
    id: RecordId,
    referral_id: &'a str,
    status: ReferralStatus,
    reason: Option<ReferralFailureReason>,
    message: Option<&'a str>,
}

#[derive(Serialize)]
struct Note<'a> {
    id: RecordId,
    text: &'a str,
}

#[derive(Serialize)]
struct Message<'a> {
    id: RecordId,
    message: &'a str,
}

#[derive(Serialize)]
struct After {
    after: i64,
}

/// Signs a staff member in.
pub async fn staff_sign_in(username: &str, password: &str) -> Result<StaffSession, CommandError> {
    call("staff_sign_in", &SignIn { username, password }).await
}

/// Signs out.
pub async fn staff_sign_out() -> Result<(), CommandError> {
    call("staff_sign_out", &NoArgs {}).await
}

/// Who is signed in.
pub async fn staff_session() -> Result<Option<StaffSession>, CommandError> {
    call("staff_session", &NoArgs {}).await
}

/// The queue, filtered.
pub async fn get_queue(filter: QueueFilter) -> Result<Vec<QueueItem>, CommandError> {
    call("get_queue", &Filter { filter }).await
}

/// Opens a case.
pub async fn open_case(id: RecordId) -> Result<CaseDetail, CommandError> {
    call("open_case", &Case { id }).await
}

/// Acknowledges a case.
pub async fn acknowledge_case(
    id: RecordId,
    message: Option<&str>,
) -> Result<CaseDetail, CommandError> {
    call("acknowledge_case", &WithMessage { id, message }).await
}

/// Refers a case.
pub async fn refer_case(
    id: RecordId,
    destination: ReferralDestination,
    listing: Option<&str>,
    override_reason: Option<&str>,
    message: Option<&str>,
) -> Result<CaseDetail, CommandError> {
    let args = Refer {
        id,
        destination,
        listing,
        override_reason,
        message,
    };
    call("refer_case", &args).await
}

/// Moves a referral along its lifecycle.
pub async fn update_referral(
    id: RecordId,
    referral_id: &str,
    status: ReferralStatus,
    reason: Option<ReferralFailureReason>,
) -> Result<CaseDetail, CommandError> {
    let args = UpdateReferral {
        id,
        referral_id,
        status,
        reason,
        message: None,
    };
    call("update_referral", &args).await
}

/// Adds a note.
pub async fn add_case_note(id: RecordId, text: &str) -> Result<CaseDetail, CommandError> {
    call("add_case_note", &Note { id, text }).await
}

/// Sends a status message to her device.
pub async fn send_case_message(id: RecordId, message: &str) -> Result<CaseDetail, CommandError> {
    call("send_case_message", &Message { id, message }).await
}

/// Closes a case.
pub async fn close_case(id: RecordId) -> Result<CaseDetail, CommandError> {
    call("close_case", &WithMessage { id, message: None }).await
}

/// The audit log (supervisors).
pub async fn get_audit_log(after: i64) -> Result<Vec<AuditEntry>, CommandError> {
    call("get_audit_log", &After { after }).await
}

/// The anonymous statistics (supervisors).
pub async fn get_stats() -> Result<StatsResponse, CommandError> {
    call("get_stats", &NoArgs {}).await
}

/// Which staff event to follow.
#[derive(Debug, Clone, Copy)]
pub enum StaffEvent {
    /// A case in scope arrived or changed.
    QueueChanged,
    /// The session expired or was revoked.
    SessionEnded,
}

/// Calls `on_event` at each such event until the returned function is
/// called (the page closed).
pub async fn on_staff_event(
    which: StaffEvent,
    on_event: impl Fn() + 'static,
) -> Option<js_sys::Function> {
    let name = match which {
        StaffEvent::QueueChanged => "staff-queue",
        StaffEvent::SessionEnded => "staff-session-ended",
    };
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| on_event());
    let unlisten = tauri_listen(name, &handler).await.ok()?;
    // Lives until unlisten is called; then the closure is never called again.
    handler.forget();
    unlisten.dyn_into::<js_sys::Function>().ok()
}

#[derive(Serialize)]
struct Intake<'a> {
    region: Option<u8>,
    intake: &'a kulna_model::record::RecordPayload,
}

/// Records a walk-in intake (works offline).
pub async fn record_intake(
    region: Option<u8>,
    intake: &kulna_model::record::RecordPayload,
) -> Result<RecordId, CommandError> {
    call("record_intake", &Intake { region, intake }).await
}
