use super::call;
use kulna_model::{CommandError, Locale};
use serde::Serialize;

#[derive(Serialize)]
struct SetLocale {
    locale: Locale,
}

/// Remembers her language.
pub async fn set_locale(locale: Locale) -> Result<(), CommandError> {
    call("set_locale", &SetLocale { locale }).await
}

#[derive(Serialize)]
struct SetDisguise {
    on: bool,
}

/// Makes the app open as a calculator (or not).
pub async fn set_disguise(on: bool) -> Result<(), CommandError> {
    call("set_disguise", &SetDisguise { on }).await
}
