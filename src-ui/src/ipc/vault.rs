use super::{call, NoArgs};
use kulna_model::{AlertProgress, CommandError, RecordId};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PinArgs {
    pin_text: String,
}

/// Chooses her PIN.
pub async fn set_pin(pin_text: String) -> Result<(), CommandError> {
    call("set_pin", &PinArgs { pin_text }).await
}

/// Opens the vault.
pub async fn unlock_vault(pin_text: String) -> Result<(), CommandError> {
    call("unlock_vault", &PinArgs { pin_text }).await
}

/// Closes the vault now.
pub async fn lock_vault() -> Result<(), CommandError> {
    call("lock_vault", &NoArgs {}).await
}

/// The panic button: seals and saves an alert (works while locked).
pub async fn raise_alert() -> Result<RecordId, CommandError> {
    call("raise_alert", &NoArgs {}).await
}

#[derive(Serialize)]
struct AlertArgs {
    id: RecordId,
}

/// Where an alert has got to (works while locked).
pub async fn get_alert_progress(id: RecordId) -> Result<AlertProgress, CommandError> {
    call("get_alert_progress", &AlertArgs { id }).await
}
