//! The app data directory: settings, and the vault that holds everything else.
//!
//! [`AppData`] is what the Tauri shell holds: the settings that are not secret
//! (the chosen language) and the [`Vault`] (records, outbox, device identity),
//! all in one SQLite database, `kulna.sqlite`.

pub use crate::error::StoreError;
pub use crate::vault::DATABASE_FILE;

use crate::records::NewRecord;
use crate::sync::local::{get_setting, put_setting};
use crate::vault::{Vault, VaultOptions, VaultState};
use kulna_model::record::{Consents, MyCase, RecordPayload, ReportDraft};
use kulna_model::{
    AlertProgress, AppStatus, Locale, LockState, RecordId, RecordKind, ServiceHealth, TextSize,
};
use std::path::{Path, PathBuf};

#[cfg(test)]
fn migrations() -> rusqlite_migration::Migrations<'static> {
    crate::schema::migrations()
}

/// The app's data directory, open.
#[derive(Debug)]
pub struct AppData {
    dir: PathBuf,
    vault: Vault,
    /// Held while a report draft is read and written back (an autosave, a
    /// voice note added or removed), so one never undoes the other.
    draft_edit: std::sync::Mutex<()>,
}

impl AppData {
    /// Opens (creating if needed) the data directory and its database, and
    /// brings the schema up to date. Production PIN cost, no service key
    /// yet (see [`Vault::set_service_key`]).
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        Self::open_with(dir, VaultOptions::default())
    }

    /// Opens with explicit vault options (service key, PIN cost, clock).
    pub fn open_with(dir: &Path, options: VaultOptions) -> Result<Self, StoreError> {
        let vault = Vault::open(dir, options)?;
        Ok(Self {
            dir: dir.to_owned(),
            vault,
            draft_edit: std::sync::Mutex::new(()),
        })
    }

    /// The directory this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The right to read a report draft and write it back.
    pub(crate) fn edit_draft(&self) -> std::sync::MutexGuard<'_, ()> {
        // The guard protects no data: a panic elsewhere leaves nothing to heal.
        self.draft_edit
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The vault: PIN, records, outbox, device identity, wipe.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    fn setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        get_setting(&self.vault.inner().conn, name)
    }

    fn set_setting(&self, name: &str, value: &str) -> Result<(), StoreError> {
        put_setting(&self.vault.inner().conn, name, value)
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

    /// Whether the app opens as a calculator (the disguise).
    pub fn disguise(&self) -> Result<bool, StoreError> {
        Ok(self.setting("disguise")?.as_deref() == Some("calculator"))
    }

    /// Turns the disguise on or off.
    pub fn set_disguise(&self, on: bool) -> Result<(), StoreError> {
        self.set_setting("disguise", if on { "calculator" } else { "none" })
    }

    /// Whether she has been through (or skipped) the first-run screens.
    pub fn first_run_done(&self) -> Result<bool, StoreError> {
        Ok(self.setting("first_run")?.as_deref() == Some("done"))
    }

    /// Marks the first run as done: the app opens on home from now on
    /// (until a wipe, which starts it again).
    pub fn finish_first_run(&self) -> Result<(), StoreError> {
        self.set_setting("first_run", "done")
    }

    /// Her region, if she chose one. Kept outside the vault on purpose: the
    /// panic button reads it while the app is locked, and it names one of
    /// twelve regions, nothing closer.
    pub fn region(&self) -> Result<Option<u8>, StoreError> {
        match self.setting("region")?.as_deref() {
            None | Some("") => Ok(None),
            Some(code) => code
                .parse::<u8>()
                .ok()
                .filter(|r| crate::directory::regions::region(*r).is_some())
                .map(Some)
                .ok_or(StoreError::BadSetting("region")),
        }
    }

    /// Sets (or, with `None`, forgets) her region; only the twelve exist.
    pub fn set_region(&self, region: Option<u8>) -> Result<(), StoreError> {
        match region {
            None => self.set_setting("region", ""),
            Some(r) if crate::directory::regions::region(r).is_some() => {
                self.set_setting("region", &r.to_string())
            }
            Some(_) => Err(StoreError::UnknownRegion),
        }
    }

    /// How large she wants the text.
    pub fn text_size(&self) -> Result<TextSize, StoreError> {
        match self.setting("text_size")? {
            None => Ok(TextSize::default()),
            Some(code) => TextSize::parse(&code).ok_or(StoreError::BadSetting("text_size")),
        }
    }

    /// Remembers how large she wants the text.
    pub fn set_text_size(&self, size: TextSize) -> Result<(), StoreError> {
        self.set_setting("text_size", size.code())
    }

    /// Where an alert she raised has got to: saved here, held by the
    /// service, acted on by a listener, or refused. Readable while locked:
    /// it says no more than the panic screen already showed her.
    pub fn alert_progress(&self, id: RecordId) -> Result<AlertProgress, StoreError> {
        self.vault.alert_progress(id)
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let v: u32 = self
            .vault
            .inner()
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(v)
    }

    /// The panic button: an alert in her language, asking for help now,
    /// sealed and committed durably. Works while the vault is locked.
    pub fn raise_alert(&self, region: Option<u8>) -> Result<RecordId, StoreError> {
        let payload = RecordPayload {
            consents: Consents {
                services: true,
                contact: true,
                ..Consents::default()
            },
            in_danger_now: Some(true),
            language: Some(self.locale()?),
            ..RecordPayload::default()
        };
        let bytes = serde_json::to_vec(&payload).map_err(|_| StoreError::Damaged)?;
        // Without a place from the platform, her chosen region; a damaged
        // setting must never stop the alert.
        let region = region.or_else(|| self.region().ok().flatten());
        self.vault.seal_alert(region, &bytes)
    }

    /// Starts a report: an empty encrypted draft, so every later step is an
    /// update of the same record. Needs the vault open.
    pub fn start_report(&self) -> Result<ReportDraft, StoreError> {
        let payload = RecordPayload {
            // Writing a report is asking for services; every other consent
            // is hers to give in the form.
            consents: Consents {
                services: true,
                ..Consents::default()
            },
            language: Some(self.locale()?),
            ..RecordPayload::default()
        };
        let bytes = serde_json::to_vec(&payload).map_err(|_| StoreError::Damaged)?;
        let ids = self.vault.save_drafts(&[NewRecord {
            kind: RecordKind::Report,
            region: None,
            payload: &bytes,
        }])?;
        let id = ids.into_iter().next().ok_or(StoreError::NotFound)?;
        Ok(ReportDraft {
            id: Some(id),
            region: None,
            payload,
            voice_note: None,
        })
    }

    /// Saves what she has written so far (autosave, at every step). The
    /// voice note stored with the draft stays as it is: the form never
    /// holds the recording (see [`AppData::attach_voice_note`]).
    pub fn save_report(&self, draft: &ReportDraft) -> Result<(), StoreError> {
        let id = draft.id.ok_or(StoreError::NotFound)?;
        let _editing = self.edit_draft();
        let mut payload = draft.payload.clone();
        payload.voice_note = self.stored_voice_note(id)?;
        let bytes = serde_json::to_vec(&payload).map_err(|_| StoreError::Damaged)?;
        self.vault.update_draft_in_region(id, draft.region, &bytes)
    }

    /// The report she left unfinished, if any (the newest), to offer
    /// "continue your report?". Needs the vault open.
    pub fn unfinished_report(&self) -> Result<Option<ReportDraft>, StoreError> {
        let newest = self
            .vault
            .records()?
            .into_iter()
            .filter(|r| r.draft && r.kind == RecordKind::Report)
            .max_by_key(|r| r.created_at_ms);
        let Some(record) = newest else {
            return Ok(None);
        };
        let mut payload = crate::voice::payload_of(&record)?;
        let voice_note = payload.voice_note.take().map(|n| n.info());
        Ok(Some(ReportDraft {
            id: Some(record.id),
            region: record.region,
            payload,
            voice_note,
        }))
    }

    /// Saves the last changes, then seals the report and queues it for the
    /// service.
    pub fn submit_report(&self, draft: &ReportDraft) -> Result<RecordId, StoreError> {
        self.save_report(draft)?;
        let id = draft.id.ok_or(StoreError::NotFound)?;
        self.vault.submit_draft(id)?;
        Ok(id)
    }

    /// Throws an unfinished report away.
    pub fn discard_report(&self, id: RecordId) -> Result<(), StoreError> {
        self.vault.delete_record(id)
    }

    /// A request for help with work, training or a business: sealed and
    /// queued at once (no PIN needed, like the panic button).
    pub fn submit_support_request(
        &self,
        region: Option<u8>,
        payload: &RecordPayload,
    ) -> Result<RecordId, StoreError> {
        let mut payload = payload.clone();
        payload.consents.services = true;
        payload.language = Some(self.locale()?);
        let bytes = serde_json::to_vec(&payload).map_err(|_| StoreError::Damaged)?;
        self.vault.save_record(NewRecord {
            kind: RecordKind::SupportRequest,
            region,
            payload: &bytes,
        })
    }

    /// Her reports, alerts and requests, newest first, each with the
    /// latest status and the messages listeners sealed back to this device.
    /// Needs the vault open.
    pub fn my_cases(&self) -> Result<Vec<MyCase>, StoreError> {
        let updates = self.vault.case_updates()?;
        let mut cases: Vec<MyCase> = self
            .vault
            .records()?
            .into_iter()
            .filter(|r| !r.draft)
            .map(|r| {
                let mine = updates.iter().filter(|u| u.case_id == r.id);
                MyCase {
                    id: r.id,
                    kind: r.kind,
                    created_at_ms: r.created_at_ms,
                    sent: r.sent_at_ms.is_some(),
                    status: mine.clone().max_by_key(|u| u.at_ms).map(|u| u.status),
                    messages: mine.filter_map(|u| u.message.clone()).collect(),
                }
            })
            .collect();
        cases.sort_by_key(|c| std::cmp::Reverse(c.created_at_ms));
        Ok(cases)
    }

    /// What the home screen shows about the app, with what waits in the outbox.
    pub fn status(&self, service: ServiceHealth) -> Result<AppStatus, StoreError> {
        Ok(AppStatus {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            locale: self.locale()?,
            storage_ready: true,
            schema_version: self.schema_version()?,
            outbox: self.vault.outbox_counts()?,
            service,
            disguise: self.disguise()?,
            first_run_done: self.first_run_done()?,
            region: self.region().unwrap_or(None),
            text_size: self.text_size().unwrap_or_default(),
            auto_lock_minutes: self
                .vault
                .auto_lock()?
                .map(|d| u32::try_from(d.as_secs().div_ceil(60)).unwrap_or(u32::MAX)),
            // The shell knows which service it talks to.
            service_url: None,
            lock: match self.vault.state()? {
                VaultState::NotSetUp => LockState::NotSetUp,
                VaultState::Locked => LockState::Locked,
                VaultState::Unlocked => LockState::Unlocked,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_for_the_first_run_persist_and_bad_values_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let service = kulna_crypto::SealingSecretKey::generate();
        let options = || VaultOptions::for_tests(Some(service.public_key()));
        {
            let data = AppData::open_with(dir.path(), options()).unwrap();
            let s = data.status(ServiceHealth::NotConfigured).unwrap();
            assert!(!s.first_run_done);
            assert_eq!(s.region, None);
            assert_eq!(s.text_size, TextSize::Normal);
            assert!(matches!(
                data.set_region(Some(13)),
                Err(StoreError::UnknownRegion)
            ));
            assert!(matches!(
                data.set_region(Some(0)),
                Err(StoreError::UnknownRegion)
            ));
            data.set_region(Some(6)).unwrap();
            data.set_text_size(TextSize::Larger).unwrap();
            data.finish_first_run().unwrap();
        }
        let data = AppData::open_with(dir.path(), options()).unwrap();
        let s = data.status(ServiceHealth::NotConfigured).unwrap();
        assert!(s.first_run_done);
        assert_eq!(s.region, Some(6));
        assert_eq!(s.text_size, TextSize::Larger);

        // Locked (no PIN at all): the alert carries her region and waits.
        let id = data.raise_alert(None).unwrap();
        assert_eq!(data.alert_progress(id).unwrap(), AlertProgress::Saved);
        let envelope: String = data
            .vault()
            .inner()
            .conn
            .query_row(
                "SELECT envelope FROM outbox WHERE record_id = ?1",
                [&id.as_bytes()[..]],
                |r| r.get(0),
            )
            .unwrap();
        let envelope: kulna_model::Envelope = serde_json::from_str(&envelope).unwrap();
        assert_eq!(envelope.region, Some(6));

        data.set_region(None).unwrap();
        assert_eq!(data.region().unwrap(), None);
        // A wipe starts the first run again.
        data.vault().wipe().unwrap();
        assert!(!data.first_run_done().unwrap());
    }

    #[test]
    fn migrations_are_valid() {
        // What `Migrations::validate` does, on a connection set up like
        // every other: the migration to schema 7 calls `kulna_dir_key`.
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::directory::index::register(&conn).unwrap();
        migrations().to_latest(&mut conn).unwrap();
        assert_eq!(
            conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))
                .unwrap(),
            crate::schema::latest_version()
        );
    }

    #[test]
    fn an_unfinished_report_survives_a_restart_and_is_sent_once() {
        let dir = tempfile::tempdir().unwrap();
        let options = || VaultOptions {
            kdf_cost: kulna_crypto::KdfCost::insecure_for_tests(std::num::NonZeroU32::MIN),
            service_key: Some(
                kulna_crypto::SealingSecretKey::generate()
                    .public_key()
                    .clone(),
            ),
            ..VaultOptions::default()
        };
        let pin = || kulna_crypto::Pin::new("2468".into()).unwrap();
        let id = {
            let data = AppData::open_with(dir.path(), options()).unwrap();
            data.vault().set_pin(&pin()).unwrap();
            assert_eq!(data.unfinished_report().unwrap(), None);
            let mut draft = data.start_report().unwrap();
            draft.region = Some(7);
            draft.payload.description = Some("sentinel words".into());
            draft.payload.children_at_risk = Some(true);
            data.save_report(&draft).unwrap();
            draft.id.unwrap()
        };
        // The app died; she comes back and unlocks.
        let data = AppData::open_with(dir.path(), options()).unwrap();
        assert!(
            data.unfinished_report().is_err(),
            "locked: nothing readable"
        );
        data.vault().unlock(&pin()).unwrap();
        let draft = data.unfinished_report().unwrap().unwrap();
        assert_eq!(draft.id, Some(id));
        assert_eq!(draft.region, Some(7));
        assert_eq!(draft.payload.description.as_deref(), Some("sentinel words"));
        assert_eq!(
            data.status(ServiceHealth::Unknown).unwrap().outbox.reports,
            0
        );
        data.submit_report(&draft).unwrap();
        assert_eq!(data.unfinished_report().unwrap(), None);
        assert_eq!(
            data.status(ServiceHealth::Unknown).unwrap().outbox.reports,
            1
        );
        assert!(data.submit_report(&draft).is_err(), "sent once");
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
        assert!(!data.disguise().unwrap());
        data.set_disguise(true).unwrap();
        assert!(data.status(ServiceHealth::Unknown).unwrap().disguise);
        let status = data.status(ServiceHealth::Unknown).unwrap();
        assert!(status.storage_ready);
        assert_eq!(status.schema_version, crate::schema::latest_version());
        assert!(dir.path().join(DATABASE_FILE).exists());
    }

    #[test]
    fn a_damaged_setting_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let data = AppData::open(dir.path()).unwrap();
        data.set_setting("locale", "xx").unwrap();
        assert!(matches!(
            data.locale(),
            Err(StoreError::BadSetting("locale"))
        ));
    }

    #[test]
    fn a_file_that_is_not_a_database_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(DATABASE_FILE), b"this is not sqlite at all, not even close....................................................................").unwrap();
        assert!(AppData::open(dir.path()).is_err());
    }
}

#[cfg(test)]
mod shell_contract {
    /// The Tauri shell keeps one `AppData` in its managed state, shared
    /// across threads.
    #[test]
    fn app_data_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<super::AppData>();
        assert_send_sync::<crate::Vault>();
    }
}
