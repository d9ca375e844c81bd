use super::call;
use kulna_model::record::RecordPayload;
use kulna_model::{CommandError, RecordId};
use serde::Serialize;

#[derive(Serialize)]
struct SupportArgs<'a> {
    region: Option<u8>,
    request: &'a RecordPayload,
}

/// Sends a request for help with work, training or a business.
pub async fn submit_support_request(
    region: Option<u8>,
    request: &RecordPayload,
) -> Result<RecordId, CommandError> {
    call("submit_support_request", &SupportArgs { region, request }).await
}
