use super::{call, NoArgs};
use kulna_model::record::{ReportDraft, VoiceNote, VoiceNoteInfo};
use kulna_model::{CommandError, RecordId};
use serde::Serialize;

#[derive(Serialize)]
struct DraftArgs<'a> {
    draft: &'a ReportDraft,
}

#[derive(Serialize)]
struct IdArgs {
    id: RecordId,
}

/// Starts a report as an encrypted draft.
pub async fn start_report() -> Result<ReportDraft, CommandError> {
    call("start_report", &NoArgs {}).await
}

/// Saves what she has written so far.
pub async fn save_report(draft: &ReportDraft) -> Result<(), CommandError> {
    call("save_report", &DraftArgs { draft }).await
}

/// The report she left unfinished, if any.
pub async fn get_unfinished_report() -> Result<Option<ReportDraft>, CommandError> {
    call("get_unfinished_report", &NoArgs {}).await
}

/// Seals the report and queues it.
pub async fn submit_report(draft: &ReportDraft) -> Result<RecordId, CommandError> {
    call("submit_report", &DraftArgs { draft }).await
}

/// Throws an unfinished report away.
pub async fn discard_report(id: RecordId) -> Result<(), CommandError> {
    call("discard_report", &IdArgs { id }).await
}

#[derive(Serialize)]
struct VoiceNoteArgs<'a> {
    id: RecordId,
    note: &'a VoiceNote,
}

/// Adds the voice note she recorded to her unfinished report.
pub async fn attach_voice_note(
    id: RecordId,
    note: &VoiceNote,
) -> Result<VoiceNoteInfo, CommandError> {
    call("attach_voice_note", &VoiceNoteArgs { id, note }).await
}

/// Takes the voice note off her unfinished report.
pub async fn remove_voice_note(id: RecordId) -> Result<(), CommandError> {
    call("remove_voice_note", &IdArgs { id }).await
}

/// The voice note of one of her reports, to listen to it again.
pub async fn get_voice_note(id: RecordId) -> Result<Option<VoiceNote>, CommandError> {
    call("get_voice_note", &IdArgs { id }).await
}
