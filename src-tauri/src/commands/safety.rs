use super::pin;
use crate::state::AppState;
use kulna_model::CommandError;

/// Changes her PIN (the data key is re-wrapped; nothing is re-encrypted).
#[tauri::command]
pub async fn change_pin(
    state: tauri::State<'_, AppState>,
    current: String,
    new_pin: String,
) -> Result<(), CommandError> {
    state
        .blocking(move |data| data.vault().change_pin(&pin(current)?, &pin(new_pin)?))
        .await
}

/// Sets a duress PIN: it opens an empty vault and, if she chooses, erases
/// the real one.
#[tauri::command]
pub async fn set_duress_pin(
    state: tauri::State<'_, AppState>,
    pin_text: String,
    wipe_real: bool,
) -> Result<(), CommandError> {
    state
        .blocking(move |data| data.vault().set_duress_pin(&pin(pin_text)?, wipe_real))
        .await
}

/// Erases everything on this device (crypto-shredding, then the files).
#[tauri::command]
pub async fn wipe_app(state: tauri::State<'_, AppState>) -> Result<(), CommandError> {
    state.blocking(|data| data.vault().wipe()).await
}

/// Her trusted contacts (needs the vault open).
#[tauri::command]
pub async fn get_trusted_contacts(
    state: tauri::State<'_, AppState>,
) -> Result<Vec<String>, CommandError> {
    state.blocking(|data| data.trusted_contacts()).await
}

/// Replaces her trusted contacts; answers them as saved (normalized).
#[tauri::command]
pub async fn set_trusted_contacts(
    state: tauri::State<'_, AppState>,
    numbers: Vec<String>,
) -> Result<Vec<String>, CommandError> {
    state
        .blocking(move |data| data.set_trusted_contacts(&numbers))
        .await
}
