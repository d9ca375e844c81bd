//! Which addresses the app's window may load, and which go to another app.
//!
//! The app's own pages load in the window; a call, a text message, an
//! e-mail, a place on a map or a web page is handed to the phone's (or
//! computer's) own app for it; anything else is refused. The shell applies
//! this to every navigation of the window.

use url::Url;

/// What an address is to the app's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    /// One of the app's own pages: load it.
    App,
    /// For another app on the device: hand it over.
    Elsewhere,
    /// Neither: do nothing.
    Refused,
}

/// Schemes another app handles: the phone, messages, mail, maps, the web.
const HANDED_OVER: [&str; 6] = ["tel", "sms", "mailto", "geo", "https", "http"];

/// Where `url` belongs. `dev_server` is the development server's address
/// when the UI is served by one (debug builds), else `None`.
pub fn link_target(url: &Url, dev_server: Option<&Url>) -> LinkTarget {
    let host = url.host_str().unwrap_or_default();
    if dev_server.is_some_and(|dev| dev.origin() == url.origin()) {
        return LinkTarget::App;
    }
    match url.scheme() {
        // The embedded UI: `tauri://localhost` (Linux, macOS, iOS) or
        // `http(s)://tauri.localhost` (Windows, Android).
        "tauri" if host == "localhost" => LinkTarget::App,
        "http" | "https" if host == "tauri.localhost" => LinkTarget::App,
        "about" if url.path() == "blank" => LinkTarget::App,
        scheme if HANDED_OVER.contains(&scheme) => LinkTarget::Elsewhere,
        _ => LinkTarget::Refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(s: &str) -> LinkTarget {
        let dev = Url::parse("http://127.0.0.1:1420").ok();
        link_target(&Url::parse(s).expect("a test URL"), dev.as_ref())
    }

    #[test]
    fn the_app_stays_and_everything_else_leaves_or_is_refused() {
        assert_eq!(target("tauri://localhost/index.html"), LinkTarget::App);
        assert_eq!(target("http://tauri.localhost/"), LinkTarget::App);
        assert_eq!(target("http://127.0.0.1:1420/x"), LinkTarget::App);
        assert_eq!(target("tel:8350"), LinkTarget::Elsewhere);
        assert_eq!(target("sms:+212600000000?body=x"), LinkTarget::Elsewhere);
        assert_eq!(target("geo:0,0?q=Tanger"), LinkTarget::Elsewhere);
        assert_eq!(target("mailto:a@example.org"), LinkTarget::Elsewhere);
        assert_eq!(target("https://www.anapec.org/"), LinkTarget::Elsewhere);
        assert_eq!(target("http://127.0.0.1:1421/"), LinkTarget::Elsewhere);
        assert_eq!(target("tauri://elsewhere/"), LinkTarget::Refused);
        assert_eq!(target("file:///etc/passwd"), LinkTarget::Refused);
        assert_eq!(target("javascript:alert(1)"), LinkTarget::Refused);
        assert_eq!(target("data:text/html,x"), LinkTarget::Refused);
        // Without a development server, its address is just a web page.
        assert_eq!(
            link_target(&Url::parse("http://127.0.0.1:1420/").expect("url"), None),
            LinkTarget::Elsewhere
        );
    }
}
