//! The staff side: sign-in, the queue, cases and their actions. Each
//! command is one call into `kulna_core::Staff`; the token never reaches
//! the window. Arguments are snake_case in the UI's calls.

use crate::state::AppState;
use kulna_model::staff::{
    AuditEntry, CaseDetail, QueueFilter, QueueItem, ReferralDestination, ReferralFailureReason,
    ReferralRequest, ReferralStatus, ReferralUpdateRequest, StaffSession, StatsResponse,
};
use kulna_model::{CommandError, RecordId};
use zeroize::Zeroizing;

/// Signs a listener, field worker or supervisor in; the session is kept
/// encrypted in the open vault.
#[tauri::command(rename_all = "snake_case")]
pub async fn staff_sign_in(
    state: tauri::State<'_, AppState>,
    username: String,
    password: String,
) -> Result<StaffSession, CommandError> {
    Ok(state
        .staff()?
        .sign_in(&username, Zeroizing::new(password))
        .await?)
}

/// Signs out: the session leaves the vault and the service is told.
#[tauri::command(rename_all = "snake_case")]
pub async fn staff_sign_out(state: tauri::State<'_, AppState>) -> Result<(), CommandError> {
    Ok(state.staff()?.sign_out().await?)
}

/// Who is signed in, if anyone.
#[tauri::command(rename_all = "snake_case")]
pub async fn staff_session(
    state: tauri::State<'_, AppState>,
) -> Result<Option<StaffSession>, CommandError> {
    Ok(state.staff()?.session().await?)
}

/// The queue of the account's scope, urgent first, filtered.
#[tauri::command(rename_all = "snake_case")]
pub async fn get_queue(
    state: tauri::State<'_, AppState>,
    filter: QueueFilter,
) -> Result<Vec<QueueItem>, CommandError> {
    Ok(state.staff()?.queue(filter).await?)
}

/// Opens a case (audited by the service).
#[tauri::command(rename_all = "snake_case")]
pub async fn open_case(
    state: tauri::State<'_, AppState>,
    id: RecordId,
) -> Result<CaseDetail, CommandError> {
    Ok(state.staff()?.open_case(id).await?)
}

/// Acknowledges a case; her device shows it.
#[tauri::command(rename_all = "snake_case")]
pub async fn acknowledge_case(
    state: tauri::State<'_, AppState>,
    id: RecordId,
    message: Option<String>,
) -> Result<CaseDetail, CommandError> {
    Ok(state.staff()?.acknowledge(id, message).await?)
}

/// Refers a case; without her consent only a supervisor may, with a reason.
#[tauri::command(rename_all = "snake_case")]
pub async fn refer_case(
    state: tauri::State<'_, AppState>,
    id: RecordId,
    destination: ReferralDestination,
    listing: Option<String>,
    override_reason: Option<String>,
    message: Option<String>,
) -> Result<CaseDetail, CommandError> {
    let req = ReferralRequest {
        destination,
        listing,
        override_reason,
        message,
    };
    Ok(state.staff()?.refer(id, req).await?)
}

/// Moves a referral along: accepted, rejected, revoked, done.
#[tauri::command(rename_all = "snake_case")]
pub async fn update_referral(
    state: tauri::State<'_, AppState>,
    id: RecordId,
    referral_id: String,
    status: ReferralStatus,
    reason: Option<ReferralFailureReason>,
    message: Option<String>,
) -> Result<CaseDetail, CommandError> {
    let req = ReferralUpdateRequest {
        status,
        reason,
        message,
    };
    Ok(state.staff()?.update_referral(id, referral_id, req).await?)
}

/// Adds a note for staff.
#[tauri::command(rename_all = "snake_case")]
pub async fn add_case_note(
    state: tauri::State<'_, AppState>,
    id: RecordId,
    text: String,
) -> Result<CaseDetail, CommandError> {
    Ok(state.staff()?.add_note(id, &text).await?)
}

/// Sends a status message to her device.
#[tauri::command(rename_all = "snake_case")]
pub async fn send_case_message(
    state: tauri::State<'_, AppState>,
    id: RecordId,
    message: String,
) -> Result<CaseDetail, CommandError> {
    Ok(state.staff()?.send_message(id, &message).await?)
}

/// Closes a case.
#[tauri::command(rename_all = "snake_case")]
pub async fn close_case(
    state: tauri::State<'_, AppState>,
    id: RecordId,
    message: Option<String>,
) -> Result<CaseDetail, CommandError> {
    Ok(state.staff()?.close(id, message).await?)
}

/// The audit log after `after` (supervisors).
#[tauri::command(rename_all = "snake_case")]
pub async fn get_audit_log(
    state: tauri::State<'_, AppState>,
    after: i64,
) -> Result<Vec<AuditEntry>, CommandError> {
    Ok(state.staff()?.audit(after, 500).await?)
}

/// The anonymous statistics (supervisors).
#[tauri::command(rename_all = "snake_case")]
pub async fn get_stats(state: tauri::State<'_, AppState>) -> Result<StatsResponse, CommandError> {
    Ok(state.staff()?.stats().await?)
}

/// A walk-in intake at a women's center: sealed and queued at once, sent
/// when the connection returns.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_intake(
    state: tauri::State<'_, AppState>,
    region: Option<u8>,
    intake: kulna_model::record::RecordPayload,
) -> Result<RecordId, CommandError> {
    let id = state.staff()?.record_intake(region, intake).await?;
    state.record_saved(kulna_model::RecordKind::Intake);
    Ok(id)
}
