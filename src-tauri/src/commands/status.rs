use crate::state::AppState;
use kulna_model::{AppStatus, CommandError, ServiceHealth};

/// The home screen's view of the app: storage, lock, what waits, the service.
#[tauri::command]
pub async fn get_app_status(state: tauri::State<'_, AppState>) -> Result<AppStatus, CommandError> {
    let link = state.link();
    let service = match &link.service {
        Some(url) => kulna_core::check_health(url).await,
        None => ServiceHealth::NotConfigured,
    };
    let url = link.service.as_ref().map(ToString::to_string);
    let mut status = state.blocking(move |data| data.status(service)).await?;
    status.service_url = url;
    Ok(status)
}
