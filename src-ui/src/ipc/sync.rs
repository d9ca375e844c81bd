use super::{call, tauri_listen, NoArgs};
use kulna_model::{CommandError, SyncState};
use wasm_bindgen::prelude::*;

#[derive(serde::Deserialize)]
struct Event<T> {
    payload: T,
}

/// The sync state now (`None` without a service).
pub async fn get_sync_state() -> Result<Option<SyncState>, CommandError> {
    call("get_sync_state", &NoArgs {}).await
}

/// "Send now".
pub async fn send_now() -> Result<(), CommandError> {
    call("send_now", &NoArgs {}).await
}

/// Calls `on_change` with every sync state the shell pushes, for as long as
/// the page lives.
pub async fn on_sync_state(on_change: impl Fn(SyncState) + 'static) {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        if let Ok(e) = serde_wasm_bindgen::from_value::<Event<SyncState>>(event) {
            on_change(e.payload);
        }
    });
    if tauri_listen("sync-state", &handler).await.is_ok() {
        // The listener lives as long as the page.
        handler.forget();
    }
}

/// Calls `on_locked` each time the shell locks the vault on its own (the
/// auto-lock after a while without use).
pub async fn on_vault_locked(on_locked: impl Fn() + 'static) {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| on_locked());
    if tauri_listen("vault-locked", &handler).await.is_ok() {
        handler.forget();
    }
}
