use crate::state::AppState;
use kulna_model::record::MyCase;
use kulna_model::CommandError;

/// Her reports, alerts and requests with their status and the listeners'
/// messages (needs the vault open).
#[tauri::command]
pub async fn get_my_cases(state: tauri::State<'_, AppState>) -> Result<Vec<MyCase>, CommandError> {
    state.blocking(|data| data.my_cases()).await
}
