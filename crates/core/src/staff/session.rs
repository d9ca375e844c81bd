//! The staff session in the vault.
//!
//! One row per vault space in `staff_session` (schema 6): the token, its
//! expiry and the profile, serialized together and encrypted under the
//! space's data key, bound to its table, column, space and schema version.
//! The vault must be open to sign in or to use the session; locking it
//! makes the session unreadable until the PIN opens it again. A duress PIN
//! opens a space without a session. Signing out deletes the row
//! (`secure_delete` zeroes the freed page).

use super::client::StaffToken;
use crate::error::StoreError;
use crate::schema::STAFF_SCHEMA;
use crate::vault::Vault;
use kulna_crypto::vault::FieldAad;
use kulna_model::staff::{StaffProfile, StaffSession};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// What is stored: the session as the UI sees it, and the token.
#[derive(Serialize, Deserialize)]
struct Stored {
    token: String,
    expires_at_ms: i64,
    staff: StaffProfile,
}

impl Drop for Stored {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.token);
    }
}

/// A stored session, read back.
#[derive(Debug, Clone)]
pub(crate) struct LoadedSession {
    pub(crate) token: StaffToken,
    pub(crate) session: StaffSession,
}

fn aad(row: &[u8], schema_version: u32) -> FieldAad<'_> {
    FieldAad {
        table: "staff_session",
        column: "session",
        row_id: row,
        schema_version,
    }
}

impl Vault {
    /// Keeps a staff session, encrypted, replacing any before it.
    pub(crate) fn save_staff_session(
        &self,
        token: &StaffToken,
        session: &StaffSession,
    ) -> Result<(), StoreError> {
        let stored = Stored {
            token: token.expose().to_owned(),
            expires_at_ms: session.expires_at_ms,
            staff: session.staff.clone(),
        };
        let plain = Zeroizing::new(serde_json::to_vec(&stored).map_err(|_| StoreError::Damaged)?);
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            let row = s.slot.to_be_bytes();
            let ct = s.key.encrypt_field(aad(&row, STAFF_SCHEMA), &plain)?;
            conn.execute(
                "INSERT INTO staff_session (space, schema_version, session) VALUES (?1, ?2, ?3)
                 ON CONFLICT (space) DO UPDATE SET schema_version = excluded.schema_version,
                 session = excluded.session",
                params![s.slot, STAFF_SCHEMA, ct],
            )?;
            Ok(())
        })
    }

    /// The staff session kept in the open vault, if any.
    pub(crate) fn staff_session(&self) -> Result<Option<LoadedSession>, StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            let row: Option<(u32, Vec<u8>)> = conn
                .query_row(
                    "SELECT schema_version, session FROM staff_session WHERE space = ?1",
                    [s.slot],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((version, ct)) = row else {
                return Ok(None);
            };
            let id = s.slot.to_be_bytes();
            let plain = s.key.decrypt_field(aad(&id, version), &ct)?;
            let stored: Stored = serde_json::from_slice(&plain).map_err(|_| StoreError::Damaged)?;
            Ok(Some(LoadedSession {
                token: StaffToken::new(stored.token.clone()),
                session: StaffSession {
                    staff: stored.staff.clone(),
                    expires_at_ms: stored.expires_at_ms,
                },
            }))
        })
    }

    /// Forgets the staff session of the open vault.
    pub(crate) fn clear_staff_session(&self) -> Result<(), StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            conn.execute("DELETE FROM staff_session WHERE space = ?1", [s.slot])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::VaultOptions;
    use kulna_crypto::{KdfCost, Pin};
    use kulna_model::staff::{Role, Scope};

    fn options() -> VaultOptions {
        VaultOptions {
            kdf_cost: KdfCost::insecure_for_tests(std::num::NonZeroU32::MIN),
            ..VaultOptions::default()
        }
    }

    fn session() -> StaffSession {
        StaffSession {
            staff: StaffProfile {
                id: "s1".into(),
                username: "amina".into(),
                role: Role::Listener,
                scope: Scope::Region { region: 6 },
            },
            expires_at_ms: 42,
        }
    }

    #[test]
    fn the_session_is_ciphertext_survives_a_restart_and_needs_the_pin() {
        let dir = tempfile::tempdir().unwrap();
        let pin = Pin::new("2468".into()).unwrap();
        let token = StaffToken::new("sid.sentinel-token-secret".into());
        {
            let vault = Vault::open(dir.path(), options()).unwrap();
            assert!(matches!(
                vault.save_staff_session(&token, &session()),
                Err(StoreError::Locked)
            ));
            vault.set_pin(&pin).unwrap();
            vault.save_staff_session(&token, &session()).unwrap();
        }
        // Nothing of it readable in the file.
        let bytes = std::fs::read(dir.path().join(crate::vault::DATABASE_FILE)).unwrap();
        let wal = std::fs::read(dir.path().join("kulna.sqlite-wal")).unwrap_or_default();
        for hay in [&bytes, &wal] {
            assert!(!hay.windows(8).any(|w| w == b"sentinel"));
            assert!(!hay.windows(5).any(|w| w == b"amina"));
        }
        let vault = Vault::open(dir.path(), options()).unwrap();
        assert!(matches!(vault.staff_session(), Err(StoreError::Locked)));
        vault.unlock(&pin).unwrap();
        let loaded = vault.staff_session().unwrap().unwrap();
        assert_eq!(loaded.session, session());
        assert_eq!(loaded.token.expose(), "sid.sentinel-token-secret");
        vault.clear_staff_session().unwrap();
        assert!(vault.staff_session().unwrap().is_none());
    }

    #[test]
    fn the_duress_space_has_no_session() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path(), options()).unwrap();
        let real = Pin::new("2468".into()).unwrap();
        let duress = Pin::new("1357".into()).unwrap();
        vault.set_pin(&real).unwrap();
        vault.set_duress_pin(&duress, false).unwrap();
        vault
            .save_staff_session(&StaffToken::new("t".into()), &session())
            .unwrap();
        vault.lock();
        vault.unlock(&duress).unwrap();
        assert!(vault.staff_session().unwrap().is_none());
        vault.lock();
        vault.unlock(&real).unwrap();
        assert!(vault.staff_session().unwrap().is_some());
    }

    #[test]
    fn a_schema_4_database_gains_the_session_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(crate::vault::DATABASE_FILE);
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            crate::directory::index::register(&conn).unwrap();
            crate::schema::migrations()
                .to_version(&mut conn, 4)
                .unwrap();
            conn.execute(
                "INSERT INTO setting (name, value) VALUES ('locale', 'fr')",
                [],
            )
            .unwrap();
        }
        let vault = Vault::open(dir.path(), options()).unwrap();
        let v: u32 = vault
            .inner()
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, crate::schema::latest_version());
        let locale: String = vault
            .inner()
            .conn
            .query_row("SELECT value FROM setting WHERE name = 'locale'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(locale, "fr");
        vault.set_pin(&Pin::new("2468".into()).unwrap()).unwrap();
        vault
            .save_staff_session(&StaffToken::new("t".into()), &session())
            .unwrap();
        assert!(vault.staff_session().unwrap().is_some());
    }
}
