//! Voice notes: what happened, in her voice, for a woman who would rather
//! speak than write.
//!
//! The UI records (the webview's `MediaRecorder`) and hands the recording
//! over once; from then on it lives inside the report's encrypted draft and
//! is sealed with the report when she sends it. The form itself only ever
//! holds a [`VoiceNoteInfo`]: autosaves never carry the sound across IPC,
//! and [`AppData::save_report`] keeps the stored recording whatever the
//! form sends.

use crate::records::StoredRecord;
use crate::store::{AppData, StoreError};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_model::record::{RecordPayload, VoiceNote, VoiceNoteInfo};
use kulna_model::{RecordId, RecordKind};

/// The longest voice note she can record: five minutes.
pub const VOICE_NOTE_MAX_MS: u32 = 5 * 60 * 1000;

/// The largest voice note, in bytes of sound (five minutes at the ~70 kbit/s
/// the desktop webview records, AAC in MP4, is about 2.6 MB; WAV at 16 kHz,
/// about 9.6 MB, would not fit, and is not what the app records).
pub const VOICE_NOTE_MAX_BYTES: usize = 8 * 1024 * 1024;

/// A voice note as the recorder gave it, checked: a media type the app
/// records, a length within bounds, base64 that decodes to a container of
/// that type. The media type comes back normalized (lower case, no spaces),
/// safe to put in a `data:` URL.
pub fn check_voice_note(note: &VoiceNote) -> Result<VoiceNote, StoreError> {
    let mime = note
        .media_type()
        .ok_or(StoreError::InvalidInput("voice note media type"))?;
    let base = mime.split(';').next().unwrap_or_default();
    let &(_, magic, offset) = VoiceNote::CONTAINERS
        .iter()
        .find(|(name, _, _)| *name == base)
        .ok_or(StoreError::InvalidInput("voice note media type"))?;
    if note.duration_ms == 0 || note.duration_ms > VOICE_NOTE_MAX_MS {
        return Err(StoreError::InvalidInput("voice note length"));
    }
    // Refuse an oversized note before decoding it.
    if note.data.len() > VOICE_NOTE_MAX_BYTES / 3 * 4 + 4 {
        return Err(StoreError::InvalidInput("voice note size"));
    }
    let bytes = B64
        .decode(note.data.as_bytes())
        .map_err(|_| StoreError::InvalidInput("voice note encoding"))?;
    if bytes.len() > VOICE_NOTE_MAX_BYTES {
        return Err(StoreError::InvalidInput("voice note size"));
    }
    if bytes.get(offset..offset + magic.len()) != Some(magic) {
        return Err(StoreError::InvalidInput("voice note content"));
    }
    Ok(VoiceNote {
        mime,
        duration_ms: note.duration_ms,
        data: note.data.clone(),
    })
}

impl AppData {
    /// Adds a voice note to her unfinished report (replacing one recorded
    /// before). Needs the vault open.
    pub fn attach_voice_note(
        &self,
        id: RecordId,
        note: &VoiceNote,
    ) -> Result<VoiceNoteInfo, StoreError> {
        let note = check_voice_note(note)?;
        let info = note.info();
        let _editing = self.edit_draft();
        let (record, mut payload) = self.report_draft(id)?;
        payload.voice_note = Some(note);
        self.store_draft(&record, &payload)?;
        Ok(info)
    }

    /// Takes the voice note off her unfinished report.
    pub fn remove_voice_note(&self, id: RecordId) -> Result<(), StoreError> {
        let _editing = self.edit_draft();
        let (record, mut payload) = self.report_draft(id)?;
        if payload.voice_note.take().is_some() {
            self.store_draft(&record, &payload)?;
        }
        Ok(())
    }

    /// The voice note of one of her reports, to listen to it again. Needs
    /// the vault open.
    pub fn voice_note(&self, id: RecordId) -> Result<Option<VoiceNote>, StoreError> {
        let record = self.vault().record(id)?;
        if record.kind != RecordKind::Report {
            return Err(StoreError::NotFound);
        }
        Ok(payload_of(&record)?.voice_note)
    }

    /// The voice note stored with a report draft, which the form never
    /// holds: what an autosave must keep.
    pub(crate) fn stored_voice_note(&self, id: RecordId) -> Result<Option<VoiceNote>, StoreError> {
        Ok(self.report_draft(id)?.1.voice_note)
    }

    fn report_draft(&self, id: RecordId) -> Result<(StoredRecord, RecordPayload), StoreError> {
        let record = self.vault().record(id)?;
        if !record.draft || record.kind != RecordKind::Report {
            return Err(StoreError::NotFound);
        }
        let payload = payload_of(&record)?;
        Ok((record, payload))
    }

    fn store_draft(
        &self,
        record: &StoredRecord,
        payload: &RecordPayload,
    ) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(payload).map_err(|_| StoreError::Damaged)?;
        self.vault()
            .update_draft_in_region(record.id, record.region, &bytes)
    }
}

/// A stored record's payload, read back.
pub(crate) fn payload_of(record: &StoredRecord) -> Result<RecordPayload, StoreError> {
    match &record.payload {
        Some(bytes) => serde_json::from_slice(bytes).map_err(|_| StoreError::Damaged),
        None => Ok(RecordPayload::default()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn note(mime: &str, bytes: &[u8], duration_ms: u32) -> VoiceNote {
        VoiceNote {
            mime: mime.into(),
            duration_ms,
            data: B64.encode(bytes),
        }
    }

    fn webm(len: usize) -> Vec<u8> {
        let mut b = vec![0x1a, 0x45, 0xdf, 0xa3];
        b.resize(len, 7);
        b
    }

    #[test]
    fn a_recording_is_checked_for_what_it_claims_to_be() {
        let ok = check_voice_note(&note("audio/webm; codecs=opus", &webm(100), 1500)).unwrap();
        assert_eq!(ok.mime, "audio/webm;codecs=opus");
        assert_eq!(ok.info().duration_ms, 1500);
        let mut mp4 = b"\0\0\0\x20ftypM4A ".to_vec();
        mp4.resize(64, 0);
        check_voice_note(&note("audio/mp4", &mp4, 10)).unwrap();
        check_voice_note(&note("Audio/Ogg;codecs=opus", b"OggS\0\x02", 10)).unwrap();

        let refused = |n: VoiceNote| check_voice_note(&n).unwrap_err().to_string();
        // A type the app does not record, or one that would break a data: URL.
        assert!(refused(note("video/webm", &webm(10), 10)).contains("media type"));
        assert!(refused(note("audio/webm\",x", &webm(10), 10)).contains("media type"));
        assert!(refused(note("text/html", b"<html>", 10)).contains("media type"));
        // Content that is not the container it claims.
        assert!(refused(note("audio/ogg", &webm(10), 10)).contains("content"));
        assert!(refused(note("audio/webm", b"", 10)).contains("content"));
        // Not base64.
        let mut bad = note("audio/webm", &webm(10), 10);
        bad.data.push('!');
        assert!(refused(bad).contains("encoding"));
        // Too long, empty, too big.
        assert!(refused(note("audio/webm", &webm(10), VOICE_NOTE_MAX_MS + 1)).contains("length"));
        assert!(refused(note("audio/webm", &webm(10), 0)).contains("length"));
        assert!(refused(note("audio/webm", &webm(VOICE_NOTE_MAX_BYTES + 1), 10)).contains("size"));
        // The refusal never repeats the recording.
        let long = note("audio/ogg", &webm(300), 10);
        assert!(!refused(long.clone()).contains(&long.data[..20]));
        assert!(!format!("{long:?}").contains(&long.data[..20]));
    }

    #[test]
    fn her_voice_note_stays_with_her_report_until_it_is_sealed() {
        use crate::vault::VaultOptions;
        let dir = tempfile::tempdir().unwrap();
        let service = kulna_crypto::SealingSecretKey::generate();
        let options = || VaultOptions::for_tests(Some(service.public_key()));
        let pin = || kulna_crypto::Pin::new("2468".into()).unwrap();
        // A recognizable "recording" that must never be readable in the file.
        let mut sound = webm(40_000);
        sound[100..124].copy_from_slice(b"SENTINEL-VOICE-RECORDING");
        let recorded = note("audio/webm;codecs=opus", &sound, 12_000);

        let id = {
            let data = AppData::open_with(dir.path(), options()).unwrap();
            data.vault().set_pin(&pin()).unwrap();
            let mut draft = data.start_report().unwrap();
            let id = draft.id.unwrap();
            let info = data.attach_voice_note(id, &recorded).unwrap();
            assert_eq!(info.duration_ms, 12_000);
            assert_eq!(info.mime, "audio/webm;codecs=opus");
            // The form autosaves without the recording: it is kept.
            draft.payload.description = Some("words too".into());
            data.save_report(&draft).unwrap();
            assert_eq!(data.voice_note(id).unwrap(), Some(recorded.clone()));
            // A bad recording is refused and the good one kept.
            let mut bad = recorded.clone();
            bad.mime = "text/html".into();
            assert!(data.attach_voice_note(id, &bad).is_err());
            assert_eq!(data.voice_note(id).unwrap(), Some(recorded.clone()));
            id
        };
        let file = std::fs::read(dir.path().join(crate::store::DATABASE_FILE)).unwrap();
        let wal = std::fs::read(
            dir.path()
                .join(format!("{}-wal", crate::store::DATABASE_FILE)),
        )
        .unwrap_or_default();
        for bytes in [&file, &wal] {
            assert!(!bytes.windows(24).any(|w| w == b"SENTINEL-VOICE-RECORDING"));
            assert!(!bytes
                .windows(20)
                .any(|w| w == &recorded.data.as_bytes()[..20]));
        }

        // The app died; she comes back: the form hears of the note, not its sound.
        let data = AppData::open_with(dir.path(), options()).unwrap();
        assert!(data.voice_note(id).is_err(), "locked: nothing readable");
        data.vault().unlock(&pin()).unwrap();
        let draft = data.unfinished_report().unwrap().unwrap();
        assert_eq!(draft.payload.voice_note, None);
        assert_eq!(
            draft.voice_note.as_ref().map(|n| n.duration_ms),
            Some(12_000)
        );
        assert_eq!(draft.payload.description.as_deref(), Some("words too"));

        // Sent: the service opens the recording with the report.
        data.submit_report(&draft).unwrap();
        let batch = data.vault().outbox_next_batch(10).unwrap();
        assert_eq!(batch.len(), 1);
        let opened = kulna_crypto::open_envelope(&batch[0], &service).unwrap();
        let payload: RecordPayload = serde_json::from_slice(&opened).unwrap();
        assert_eq!(payload.voice_note, Some(recorded));
        assert_eq!(payload.description.as_deref(), Some("words too"));
        // Sent reports are not drafts: the note can no longer change.
        assert!(data.remove_voice_note(id).is_err());
    }

    #[test]
    fn a_removed_voice_note_is_not_sent() {
        use crate::vault::VaultOptions;
        let dir = tempfile::tempdir().unwrap();
        let service = kulna_crypto::SealingSecretKey::generate();
        let data = AppData::open_with(
            dir.path(),
            VaultOptions::for_tests(Some(service.public_key())),
        )
        .unwrap();
        data.vault()
            .set_pin(&kulna_crypto::Pin::new("2468".into()).unwrap())
            .unwrap();
        let draft = data.start_report().unwrap();
        let id = draft.id.unwrap();
        data.attach_voice_note(id, &note("audio/ogg", b"OggS-and-more", 900))
            .unwrap();
        data.remove_voice_note(id).unwrap();
        assert_eq!(data.voice_note(id).unwrap(), None);
        assert_eq!(data.unfinished_report().unwrap().unwrap().voice_note, None);
        data.submit_report(&draft).unwrap();
        let batch = data.vault().outbox_next_batch(10).unwrap();
        let opened = kulna_crypto::open_envelope(&batch[0], &service).unwrap();
        let payload: RecordPayload = serde_json::from_slice(&opened).unwrap();
        assert_eq!(payload.voice_note, None);
    }
}
