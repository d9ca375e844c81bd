//! Typed wrappers around the app shell's commands. This is the only place a
//! command name appears in the UI.

mod cases;
mod directory;
mod report;
mod safety;
mod settings;
mod staff;
mod status;
mod support;
mod sync;
mod vault;

pub use cases::get_my_cases;
pub use directory::{
    get_directory_listing, get_directory_state, get_saved_listings, save_listing, search_directory,
    unsave_listing,
};
pub use report::{
    attach_voice_note, discard_report, get_unfinished_report, get_voice_note, remove_voice_note,
    save_report, start_report, submit_report,
};
pub use safety::{
    change_pin, get_trusted_contacts, set_duress_pin, set_trusted_contacts, wipe_app,
};
pub use settings::{
    finish_first_run, set_auto_lock, set_disguise, set_locale, set_region, set_service_url,
    set_text_size,
};
pub use staff::{
    acknowledge_case, add_case_note, close_case, get_audit_log, get_queue, get_stats,
    on_staff_event, open_case, record_intake, refer_case, send_case_message, staff_session,
    staff_sign_in, staff_sign_out, update_referral, StaffEvent,
};
pub use status::get_app_status;
pub use support::submit_support_request;
pub use sync::{get_sync_state, on_sync_state, on_vault_locked, send_now};
pub use vault::{get_alert_progress, lock_vault, raise_alert, set_pin, unlock_vault};

use kulna_model::{CommandError, ErrorKind};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// Listens to an event the shell emits; resolves to the "unlisten" function.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], js_name = listen, catch)]
    pub(crate) async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

/// Calls a command and decodes its result, or its rejection as the shared
/// error type.
pub(crate) async fn call<A: Serialize, R: DeserializeOwned>(
    command: &str,
    args: &A,
) -> Result<R, CommandError> {
    let args = serde_wasm_bindgen::to_value(args)
        .map_err(|_| CommandError::new(ErrorKind::Internal, "arguments did not encode"))?;
    match invoke(command, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value)
            .map_err(|_| CommandError::new(ErrorKind::Internal, "answer did not decode")),
        Err(rejection) => Err(serde_wasm_bindgen::from_value(rejection)
            .unwrap_or_else(|_| CommandError::new(ErrorKind::Internal, "command failed"))),
    }
}

/// For commands without arguments.
#[derive(Serialize)]
pub(crate) struct NoArgs {}
