use super::pin;
use crate::state::AppState;
use kulna_model::CommandError;

/// Chooses her PIN on first run.
#[tauri::command]
pub async fn set_pin(
    state: tauri::State<'_, AppState>,
    pin_text: String,
) -> Result<(), CommandError> {
    state
        .blocking(move |data| data.vault().set_pin(&pin(pin_text)?))
        .await
}

/// Opens the vault (or, with the duress PIN, the decoy: the same answer).
#[tauri::command]
pub async fn unlock_vault(
    state: tauri::State<'_, AppState>,
    pin_text: String,
) -> Result<(), CommandError> {
    state
        .blocking(move |data| data.vault().unlock(&pin(pin_text)?))
        .await
}

/// Closes the vault at once; the data key is zeroized.
#[tauri::command]
pub async fn lock_vault(state: tauri::State<'_, AppState>) -> Result<(), CommandError> {
    state
        .blocking(|data| {
            data.vault().lock();
            Ok(())
        })
        .await
}
