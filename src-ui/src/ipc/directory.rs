use super::{call, NoArgs};
use kulna_model::directory::{DirectoryEntry, DirectoryHit, DirectoryQuery, DirectoryState};
use kulna_model::CommandError;
use serde::Serialize;

#[derive(Serialize)]
struct SearchArgs<'a> {
    query: &'a DirectoryQuery,
    limit: u32,
}

#[derive(Serialize)]
struct IdArgs<'a> {
    id: &'a str,
}

/// Searches the directory cached on the phone (no network, no PIN).
pub async fn search_directory(
    query: &DirectoryQuery,
    limit: u32,
) -> Result<Vec<DirectoryHit>, CommandError> {
    call("search_directory", &SearchArgs { query, limit }).await
}

/// One listing, for its detail page.
pub async fn get_directory_listing(id: &str) -> Result<DirectoryEntry, CommandError> {
    call("get_directory_listing", &IdArgs { id }).await
}

/// The cached directory's version, age and size.
pub async fn get_directory_state() -> Result<DirectoryState, CommandError> {
    call("get_directory_state", &NoArgs {}).await
}

/// Saves a listing in the vault (`Locked` without the PIN); the saved ids.
pub async fn save_listing(id: &str) -> Result<Vec<String>, CommandError> {
    call("save_listing", &IdArgs { id }).await
}

/// Forgets a saved listing; the saved ids.
pub async fn unsave_listing(id: &str) -> Result<Vec<String>, CommandError> {
    call("unsave_listing", &IdArgs { id }).await
}

/// The listings she saved (`Locked` without the PIN).
pub async fn get_saved_listings() -> Result<Vec<DirectoryEntry>, CommandError> {
    call("get_saved_listings", &NoArgs {}).await
}
