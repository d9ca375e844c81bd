//! The page comes back when its process dies.
//!
//! The page runs in a process of its own. If that process ends (a crash
//! inside the web engine, or the system taking its memory back), the
//! window would stay blank: no panic button, no way back but to close the
//! app. The shell loads the page again instead; everything she had
//! written is in the vault, saved as she typed, and the page finds it
//! there as after any restart. A page that dies again and again is not
//! reloaded forever: at most [`MAX_RELOADS`] times in [`WINDOW`].

use std::time::Duration;

/// How many reloads in [`WINDOW`] before the shell stops trying.
const MAX_RELOADS: usize = 3;
/// See [`MAX_RELOADS`].
const WINDOW: Duration = Duration::from_secs(60);

/// Whether one more reload is allowed now, given the earlier ones (kept
/// in `recent`, oldest first).
fn may_reload(recent: &mut Vec<std::time::Instant>, now: std::time::Instant) -> bool {
    recent.retain(|t| now.duration_since(*t) < WINDOW);
    if recent.len() >= MAX_RELOADS {
        return false;
    }
    recent.push(now);
    true
}

/// Watches the window's page process and reloads the page when it dies.
pub fn reload_on_crash<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    window.with_webview(|webview| {
        use webkit2gtk::{WebProcessTerminationReason, WebViewExt};
        let recent = std::cell::RefCell::new(Vec::new());
        webview
            .inner()
            .connect_web_process_terminated(move |view, reason| {
                if reason == WebProcessTerminationReason::TerminatedByApi {
                    return;
                }
                if may_reload(&mut recent.borrow_mut(), std::time::Instant::now()) {
                    tracing::warn!(?reason, "the page's process ended: loading the page again");
                    view.reload();
                } else {
                    tracing::error!(
                        ?reason,
                        "the page's process ended {MAX_RELOADS} times within {WINDOW:?}: not loading it again"
                    );
                }
            });
    })?;
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_page_that_keeps_dying_is_reloaded_three_times_a_minute() {
        let start = Instant::now();
        let mut recent = Vec::new();
        let at = |s: u64| start + Duration::from_secs(s);
        assert!(may_reload(&mut recent, at(0)));
        assert!(may_reload(&mut recent, at(10)));
        assert!(may_reload(&mut recent, at(20)));
        assert!(!may_reload(&mut recent, at(30)));
        assert!(!may_reload(&mut recent, at(59)));
        // A minute after the first, one more.
        assert!(may_reload(&mut recent, at(61)));
        assert!(!may_reload(&mut recent, at(62)));
    }
}
