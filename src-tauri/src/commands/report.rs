use crate::state::AppState;
use kulna_model::record::ReportDraft;
use kulna_model::{CommandError, RecordId, RecordKind};

/// Starts a report as an encrypted draft.
#[tauri::command]
pub async fn start_report(state: tauri::State<'_, AppState>) -> Result<ReportDraft, CommandError> {
    state.blocking(|data| data.start_report()).await
}

/// Saves what she has written so far.
#[tauri::command]
pub async fn save_report(
    state: tauri::State<'_, AppState>,
    draft: ReportDraft,
) -> Result<(), CommandError> {
    state.blocking(move |data| data.save_report(&draft)).await
}

/// The report she left unfinished, if any.
#[tauri::command]
pub async fn get_unfinished_report(
    state: tauri::State<'_, AppState>,
) -> Result<Option<ReportDraft>, CommandError> {
    state.blocking(|data| data.unfinished_report()).await
}

/// Seals the report and queues it for the service.
#[tauri::command]
pub async fn submit_report(
    state: tauri::State<'_, AppState>,
    draft: ReportDraft,
) -> Result<RecordId, CommandError> {
    let id = state
        .blocking(move |data| data.submit_report(&draft))
        .await?;
    state.record_saved(RecordKind::Report);
    Ok(id)
}

/// Throws an unfinished report away.
#[tauri::command]
pub async fn discard_report(
    state: tauri::State<'_, AppState>,
    id: RecordId,
) -> Result<(), CommandError> {
    state.blocking(move |data| data.discard_report(id)).await
}
