//! Links leave the app, never the window: every navigation of the window
//! is decided by `kulna_core::links::link_target`. Without this a tap on
//! "call 8350" would take the window away from the app, or do nothing.
//!
//! Nothing here logs an address: a phone number or a place is hers.

use kulna_core::links::{link_target, LinkTarget};
use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

/// The plugin that decides every navigation of the window.
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("links")
        .on_navigation(|webview, url| {
            let dev = webview.config().build.dev_url.clone();
            let dev = dev.filter(|_| cfg!(debug_assertions) && !cfg!(feature = "custom-protocol"));
            match link_target(url, dev.as_ref()) {
                LinkTarget::App => true,
                LinkTarget::Elsewhere => {
                    if webview
                        .opener()
                        .open_url(url.as_str(), None::<&str>)
                        .is_err()
                    {
                        tracing::warn!(scheme = url.scheme(), "no app opened the link");
                    }
                    false
                }
                LinkTarget::Refused => {
                    tracing::warn!(scheme = url.scheme(), "navigation refused");
                    false
                }
            }
        })
        .build()
}
