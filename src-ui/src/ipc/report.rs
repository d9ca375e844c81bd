use super::{call, NoArgs};
use kulna_model::record::ReportDraft;
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
