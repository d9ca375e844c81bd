//! The microphone, for voice notes, and nothing else.
//!
//! The webview may record sound only: a request for the microphone is
//! granted (she pressed "record" in the app's own form, and the page is
//! the app's own), every other device or permission (camera, screen,
//! location, notifications…) is refused. On Linux, WebKitGTK keeps media
//! capture off until the app turns it on.
//!
//! `KULNA_TEST_MICROPHONE=1` gives WebKitGTK's mock capture devices (a
//! generated tone) in place of a real microphone: the end-to-end tests
//! record a voice note with it on machines that have no sound hardware.

use tauri::webview::{PermissionKind, PermissionResponse};

/// What the webview may use.
pub fn permission(kind: PermissionKind) -> PermissionResponse {
    match kind {
        PermissionKind::Microphone => PermissionResponse::Allow,
        _ => PermissionResponse::Deny,
    }
}

/// Turns media capture on in the window's webview.
pub fn enable_capture<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let mock = std::env::var_os("KULNA_TEST_MICROPHONE").is_some_and(|v| v == "1");
        window.with_webview(move |webview| {
            use webkit2gtk::{SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_enable_media_stream(true);
                settings.set_enable_mock_capture_devices(mock);
            }
        })?;
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
}
