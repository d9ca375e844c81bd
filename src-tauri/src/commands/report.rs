use crate::state::AppState;
use kulna_model::record::{ReportDraft, VoiceNote, VoiceNoteInfo};
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

/// Adds the voice note she recorded to her unfinished report (replacing
/// an earlier one). The recording crosses IPC once, here.
#[tauri::command]
pub async fn attach_voice_note(
    state: tauri::State<'_, AppState>,
    id: RecordId,
    note: VoiceNote,
) -> Result<VoiceNoteInfo, CommandError> {
    state
        .blocking(move |data| data.attach_voice_note(id, &note))
        .await
}

/// Takes the voice note off her unfinished report.
#[tauri::command]
pub async fn remove_voice_note(
    state: tauri::State<'_, AppState>,
    id: RecordId,
) -> Result<(), CommandError> {
    state.blocking(move |data| data.remove_voice_note(id)).await
}

/// The voice note of one of her reports, to listen to it again.
#[tauri::command]
pub async fn get_voice_note(
    state: tauri::State<'_, AppState>,
    id: RecordId,
) -> Result<Option<VoiceNote>, CommandError> {
    state.blocking(move |data| data.voice_note(id)).await
}
