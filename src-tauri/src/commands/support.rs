use crate::state::AppState;
use kulna_model::record::RecordPayload;
use kulna_model::{CommandError, RecordId, RecordKind};

/// Sends a request for help with work, training or a business.
#[tauri::command]
pub async fn submit_support_request(
    state: tauri::State<'_, AppState>,
    region: Option<u8>,
    request: RecordPayload,
) -> Result<RecordId, CommandError> {
    let id = state
        .blocking(move |data| data.submit_support_request(region, &request))
        .await?;
    state.record_saved(RecordKind::SupportRequest);
    Ok(id)
}
