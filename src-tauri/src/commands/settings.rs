use crate::state::AppState;
use kulna_model::{CommandError, Locale, TextSize};

/// Remembers her language across restarts.
#[tauri::command]
pub async fn set_locale(
    state: tauri::State<'_, AppState>,
    locale: Locale,
) -> Result<(), CommandError> {
    state.blocking(move |data| data.set_locale(locale)).await
}

/// Makes the app open as a calculator (or not).
#[tauri::command]
pub async fn set_disguise(state: tauri::State<'_, AppState>, on: bool) -> Result<(), CommandError> {
    state.blocking(move |data| data.set_disguise(on)).await
}

/// Her region (1–12), or none: the place an alert carries on desktop.
#[tauri::command]
pub async fn set_region(
    state: tauri::State<'_, AppState>,
    region: Option<u8>,
) -> Result<(), CommandError> {
    state.blocking(move |data| data.set_region(region)).await
}

/// How large the text is drawn.
#[tauri::command]
pub async fn set_text_size(
    state: tauri::State<'_, AppState>,
    size: TextSize,
) -> Result<(), CommandError> {
    state.blocking(move |data| data.set_text_size(size)).await
}

/// The first-run screens are done (or skipped): open on home from now on.
#[tauri::command]
pub async fn finish_first_run(state: tauri::State<'_, AppState>) -> Result<(), CommandError> {
    state.blocking(|data| data.finish_first_run()).await
}

/// Locks the vault after this many minutes without use (`None`: never).
/// Needs the vault open.
#[tauri::command]
pub async fn set_auto_lock(
    state: tauri::State<'_, AppState>,
    minutes: Option<u32>,
) -> Result<(), CommandError> {
    let after = minutes.map(|m| std::time::Duration::from_secs(u64::from(m) * 60));
    state
        .blocking(move |data| data.vault().set_auto_lock(after))
        .await
}

/// Points the app at another central service (a field deployment's own).
/// The new service's keys are fetched and pinned before anything changes;
/// refused while the app is locked or while something waits to be sent.
#[tauri::command]
pub async fn set_service_url(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    url: String,
) -> Result<(), CommandError> {
    let url = kulna_core::ServiceUrl::parse(&url)
        .map_err(|e| CommandError::new(kulna_model::ErrorKind::InvalidInput, e.to_string()))?;
    state
        .change_service(url, |link| crate::follow(&app, link))
        .await
}
