//! The app data directory and its settings database.

use kulna_model::{AppStatus, Locale, OutboxCounts, ServiceHealth};
use rusqlite::{Connection, OptionalExtension};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The file that holds settings, under the app data directory.
pub const DATABASE_FILE: &str = "kulna.sqlite";

/// Storage failed. Messages name the operation, never data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory could not be created or read.
    #[error("cannot use the data directory: {0}")]
    Directory(#[source] std::io::Error),
    /// SQLite failed.
    #[error("local database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database could not be brought to the current schema (it may be
    /// from a newer version of the app, or damaged).
    #[error("local database cannot be migrated: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A stored value is not one this version understands.
    #[error("stored setting `{0}` is not valid")]
    BadSetting(&'static str),
}

impl From<StoreError> for kulna_model::CommandError {
    fn from(e: StoreError) -> Self {
        // The message names the failed operation only; never data.
        Self::new(kulna_model::ErrorKind::Storage, e.to_string())
    }
}

fn migrations() -> Migrations<'static> {
    // Released migrations are never edited: add new ones at the end.
    Migrations::new(vec![M::up(
        "CREATE TABLE setting (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;",
    )])
}

/// The app's data directory, open.
#[derive(Debug)]
pub struct AppData {
    dir: PathBuf,
    db: Mutex<Connection>,
}

impl AppData {
    /// Opens (creating if needed) the data directory and its database, and
    /// brings the schema up to date.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(StoreError::Directory)?;
        let mut conn = Connection::open(dir.join(DATABASE_FILE))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        migrations().to_latest(&mut conn)?;
        Ok(Self {
            dir: dir.to_owned(),
            db: Mutex::new(conn),
        })
    }

    /// The directory this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (transactions roll back), so a poisoned lock is still usable.
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM setting WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn set_setting(&self, name: &str, value: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO setting (name, value) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            [name, value],
        )?;
        Ok(())
    }

    /// The language she chose, or the default before she chose.
    pub fn locale(&self) -> Result<Locale, StoreError> {
        match self.setting("locale")? {
            None => Ok(Locale::default()),
            Some(code) => Locale::parse(&code).map_err(|_| StoreError::BadSetting("locale")),
        }
    }

    /// Remembers her language across restarts.
    pub fn set_locale(&self, locale: Locale) -> Result<(), StoreError> {
        self.set_setting("locale", locale.code())
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let v: u32 = self
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(v)
    }

    /// What the home screen shows about the app.
    pub fn status(&self, service: ServiceHealth) -> Result<AppStatus, StoreError> {
        Ok(AppStatus {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            locale: self.locale()?,
            storage_ready: true,
            schema_version: self.schema_version()?,
            outbox: OutboxCounts::default(),
            service,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn locale_persists_across_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let data = AppData::open(dir.path()).unwrap();
            assert_eq!(data.locale().unwrap(), Locale::Ar);
            data.set_locale(Locale::Zgh).unwrap();
        }
        let data = AppData::open(dir.path()).unwrap();
        assert_eq!(data.locale().unwrap(), Locale::Zgh);
        let status = data.status(ServiceHealth::Unknown).unwrap();
        assert!(status.storage_ready);
        assert_eq!(status.schema_version, 1);
        assert!(dir.path().join(DATABASE_FILE).exists());
    }

    #[test]
    fn a_damaged_setting_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let data = AppData::open(dir.path()).unwrap();
        data.set_setting("locale", "xx").unwrap();
        assert!(matches!(data.locale(), Err(StoreError::BadSetting("locale"))));
    }

    #[test]
    fn a_file_that_is_not_a_database_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(DATABASE_FILE), b"this is not sqlite at all, not even close....................................................................").unwrap();
        assert!(AppData::open(dir.path()).is_err());
    }
}
