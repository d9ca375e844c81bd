use crate::state::AppState;
use kulna_model::{AppStatus, CommandError, ServiceHealth};

/// The home screen's view of the app: storage, what waits, the service.
#[tauri::command]
pub async fn get_app_status(state: tauri::State<'_, AppState>) -> Result<AppStatus, CommandError> {
    let service = match &state.service {
        Some(url) => kulna_core::check_health(url).await,
        None => ServiceHealth::NotConfigured,
    };
    Ok(state.data.status(service)?)
}
