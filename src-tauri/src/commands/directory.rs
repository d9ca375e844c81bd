//! The directory of opportunities and services, searched offline in the
//! cache sync keeps. Public listings need no PIN; what she saves lives in
//! the vault and needs it (`Locked` otherwise).

use crate::state::AppState;
use kulna_model::directory::{DirectoryEntry, DirectoryHit, DirectoryQuery, DirectoryState};
use kulna_model::CommandError;

/// Searches the cached directory (text and filters), best first; at most
/// `limit` hits (capped by the core). Called at each keystroke.
#[tauri::command]
pub async fn search_directory(
    state: tauri::State<'_, AppState>,
    query: DirectoryQuery,
    limit: u32,
) -> Result<Vec<DirectoryHit>, CommandError> {
    state
        .blocking(move |data| data.vault().search_directory(&query, limit as usize))
        .await
}

/// One listing, for its detail page; `NotFound` when the cache has none.
#[tauri::command]
pub async fn get_directory_listing(
    state: tauri::State<'_, AppState>,
    id: String,
) -> Result<DirectoryEntry, CommandError> {
    state.blocking(move |data| data.vault().listing(&id)).await
}

/// The cached directory's version, age and size ("never downloaded" when
/// the version is 0).
#[tauri::command]
pub async fn get_directory_state(
    state: tauri::State<'_, AppState>,
) -> Result<DirectoryState, CommandError> {
    state.blocking(|data| data.vault().directory_state()).await
}

/// Saves a listing in her vault; returns the saved ids.
#[tauri::command]
pub async fn save_listing(
    state: tauri::State<'_, AppState>,
    id: String,
) -> Result<Vec<String>, CommandError> {
    state
        .blocking(move |data| data.vault().save_listing(&id))
        .await
}

/// Forgets a saved listing; returns the saved ids.
#[tauri::command]
pub async fn unsave_listing(
    state: tauri::State<'_, AppState>,
    id: String,
) -> Result<Vec<String>, CommandError> {
    state
        .blocking(move |data| data.vault().unsave_listing(&id))
        .await
}

/// The listings she saved that the cache still holds, in the order saved.
#[tauri::command]
pub async fn get_saved_listings(
    state: tauri::State<'_, AppState>,
) -> Result<Vec<DirectoryEntry>, CommandError> {
    state.blocking(|data| data.vault().saved_listings()).await
}
