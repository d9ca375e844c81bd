use crate::state::AppState;
use kulna_model::{AppStatus, CommandError, ServiceHealth};

/// The home screen's view of the app: storage, lock, what waits, the service.
#[tauri::command]
pub async fn get_app_status(state: tauri::State<'_, AppState>) -> Result<AppStatus, CommandError> {
    let service = match &state.service {
        Some(url) => kulna_core::check_health(url).await,
        None => ServiceHealth::NotConfigured,
    };
    state.blocking(move |data| data.status(service)).await
}
