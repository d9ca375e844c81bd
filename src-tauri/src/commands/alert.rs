use crate::state::AppState;
use kulna_model::{AlertProgress, CommandError, RecordId, RecordKind};

/// The panic button: seals an alert to the service and commits it durably.
/// Works while the vault is locked.
#[tauri::command]
pub async fn raise_alert(state: tauri::State<'_, AppState>) -> Result<RecordId, CommandError> {
    let id = state.blocking(|data| data.raise_alert(None)).await?;
    state.record_saved(RecordKind::Alert);
    Ok(id)
}

/// Where an alert has got to (saved, sent, received by a listener,
/// refused). Works while the vault is locked.
#[tauri::command]
pub async fn get_alert_progress(
    state: tauri::State<'_, AppState>,
    id: RecordId,
) -> Result<AlertProgress, CommandError> {
    state.blocking(move |data| data.alert_progress(id)).await
}
