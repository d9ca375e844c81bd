use super::{call, NoArgs};
use kulna_model::{CommandError, Locale, TextSize};
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

#[derive(Serialize)]
struct SetRegion {
    region: Option<u8>,
}

/// Remembers her region (or forgets it).
pub async fn set_region(region: Option<u8>) -> Result<(), CommandError> {
    call("set_region", &SetRegion { region }).await
}

#[derive(Serialize)]
struct SetTextSize {
    size: TextSize,
}

/// Remembers how large she wants the text.
pub async fn set_text_size(size: TextSize) -> Result<(), CommandError> {
    call("set_text_size", &SetTextSize { size }).await
}

/// The first-run screens are done.
pub async fn finish_first_run() -> Result<(), CommandError> {
    call("finish_first_run", &NoArgs {}).await
}

#[derive(Serialize)]
struct SetAutoLock {
    minutes: Option<u32>,
}

/// Locks after this many idle minutes (`None`: never). Needs the vault open.
pub async fn set_auto_lock(minutes: Option<u32>) -> Result<(), CommandError> {
    call("set_auto_lock", &SetAutoLock { minutes }).await
}

#[derive(Serialize)]
struct SetServiceUrl<'a> {
    url: &'a str,
}

/// Points the app at another central service (fetches and pins its keys).
pub async fn set_service_url(url: &str) -> Result<(), CommandError> {
    call("set_service_url", &SetServiceUrl { url }).await
}
