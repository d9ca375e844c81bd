use super::{call, NoArgs};
use kulna_model::CommandError;
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChangePin {
    current: String,
    new_pin: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Duress {
    pin_text: String,
    wipe_real: bool,
}

/// Changes her PIN.
pub async fn change_pin(current: String, new_pin: String) -> Result<(), CommandError> {
    call("change_pin", &ChangePin { current, new_pin }).await
}

/// Sets the duress PIN.
pub async fn set_duress_pin(pin_text: String, wipe_real: bool) -> Result<(), CommandError> {
    call(
        "set_duress_pin",
        &Duress {
            pin_text,
            wipe_real,
        },
    )
    .await
}

/// Erases everything on this device.
pub async fn wipe_app() -> Result<(), CommandError> {
    call("wipe_app", &NoArgs {}).await
}

/// Her trusted contacts (an error while locked).
pub async fn get_trusted_contacts() -> Result<Vec<String>, CommandError> {
    call("get_trusted_contacts", &NoArgs {}).await
}

#[derive(Serialize)]
struct Contacts {
    numbers: Vec<String>,
}

/// Replaces her trusted contacts; answers them as saved.
pub async fn set_trusted_contacts(numbers: Vec<String>) -> Result<Vec<String>, CommandError> {
    call("set_trusted_contacts", &Contacts { numbers }).await
}
