use crate::state::AppState;
use kulna_model::{CommandError, Locale};

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
