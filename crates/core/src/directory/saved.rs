//! The listings she saved: a list of ids kept **in the vault** (encrypted
//! under her PIN, per vault space, so the decoy vault has its own empty
//! list), never in the public directory cache. Needs the vault open.

use crate::error::StoreError;
use crate::vault::Vault;
use kulna_model::directory::DirectoryEntry;

/// The vault item holding the saved ids (JSON array of strings).
const ITEM_SAVED: &str = "directory.saved";
/// The most listings kept saved (the oldest go first).
pub const MAX_SAVED: usize = 500;

/// Checks a listing id as the service writes them: 1 to 100 lower-case
/// letters, digits, `-` or `_`.
pub fn check_listing_id(id: &str) -> Result<&str, StoreError> {
    let fine = !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if fine {
        Ok(id)
    } else {
        Err(StoreError::InvalidInput(
            "a listing id is 1 to 100 lower-case letters, digits, '-' or '_'",
        ))
    }
}

impl Vault {
    /// Saves a listing of the cached directory in her vault; returns the
    /// saved ids. `InvalidInput` for a malformed id, `Locked` when the
    /// vault is locked (or no PIN is set), `NotFound` when the cache has no
    /// such listing. Saving twice keeps it once.
    pub fn save_listing(&self, id: &str) -> Result<Vec<String>, StoreError> {
        let id = check_listing_id(id)?;
        // Locked first: a locked vault says nothing about what is saved.
        self.saved_listing_ids()?;
        if self.directory_listing(id)?.is_none() {
            return Err(StoreError::NotFound);
        }
        self.set_listing_saved(id, true)
    }

    /// One listing of the cached directory, for its detail page:
    /// `InvalidInput` for a malformed id, `NotFound` when the cache has
    /// none. Needs no PIN.
    pub fn listing(&self, id: &str) -> Result<DirectoryEntry, StoreError> {
        self.directory_listing(check_listing_id(id)?)?
            .ok_or(StoreError::NotFound)
    }

    /// Forgets a saved listing (nothing happens if it was not saved);
    /// returns the saved ids. `InvalidInput` for a malformed id, `Locked`
    /// when the vault is locked.
    pub fn unsave_listing(&self, id: &str) -> Result<Vec<String>, StoreError> {
        self.set_listing_saved(check_listing_id(id)?, false)
    }

    /// The ids of the listings she saved, oldest first. `Locked` when the
    /// vault is locked.
    pub fn saved_listing_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(match self.item(ITEM_SAVED)? {
            Some(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
            None => Vec::new(),
        })
    }

    /// Saves (`saved = true`) or forgets a listing; returns the new list.
    /// `Locked` when the vault is locked.
    pub fn set_listing_saved(&self, id: &str, saved: bool) -> Result<Vec<String>, StoreError> {
        let mut ids = self.saved_listing_ids()?;
        ids.retain(|i| i != id);
        if saved && !id.is_empty() {
            ids.push(id.to_owned());
            let over = ids.len().saturating_sub(MAX_SAVED);
            ids.drain(..over);
        }
        let bytes = serde_json::to_vec(&ids).map_err(|_| StoreError::Damaged)?;
        self.put_item(ITEM_SAVED, &bytes)?;
        Ok(ids)
    }

    /// The saved listings still in the cached directory, in the order she
    /// saved them (a listing the service removed is left out, its id kept).
    pub fn saved_listings(&self) -> Result<Vec<DirectoryEntry>, StoreError> {
        let ids = self.saved_listing_ids()?;
        let inner = self.inner();
        let mut stmt = inner
            .conn
            .prepare_cached("SELECT entry FROM directory_entry WHERE id = ?1")?;
        let mut out = Vec::new();
        for id in ids {
            let json: Option<String> = match stmt.query_row([&id], |r| r.get(0)) {
                Ok(j) => Some(j),
                Err(rusqlite::Error::QueryReturnedNoRows) => None,
                Err(e) => return Err(e.into()),
            };
            if let Some(e) = json.and_then(|j| serde_json::from_str(&j).ok()) {
                out.push(e);
            }
        }
        Ok(out)
    }
}
