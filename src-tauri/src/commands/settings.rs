use crate::state::AppState;
use kulna_model::{CommandError, Locale};

/// Remembers her language across restarts.
#[tauri::command]
pub fn set_locale(state: tauri::State<'_, AppState>, locale: Locale) -> Result<(), CommandError> {
    Ok(state.data.set_locale(locale)?)
}
