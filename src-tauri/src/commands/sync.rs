use crate::state::AppState;
use kulna_model::{CommandError, SyncState};

/// What waits, when the service was last reached, and what is wrong, if
/// anything. `None` when no service is configured. Also pushed to the
/// window as `sync-state` events whenever it changes.
#[tauri::command]
pub fn get_sync_state(
    state: tauri::State<'_, AppState>,
) -> Result<Option<SyncState>, CommandError> {
    Ok(state.link().sync.as_ref().map(|engine| engine.state()))
}

/// "Send now": tries everything at once, forgetting any backoff.
#[tauri::command]
pub fn send_now(state: tauri::State<'_, AppState>) -> Result<(), CommandError> {
    if let Some(engine) = &state.link().sync {
        engine.send_now();
    }
    Ok(())
}
