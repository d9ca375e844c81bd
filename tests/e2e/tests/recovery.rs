//! The page's process dies (a crash inside the web engine; WebKit's
//! recorder has been seen to take it down): the app stays, loads the page
//! again, and the panic button is back on the screen.
//!
//! The WebDriver session ends with the page's process, so what the window
//! shows afterwards is read from the X display itself.

use anyhow::Result;
use kulna_e2e::{eventually, pixels_of_colours, set_first_pin, Central, Driver};
use std::time::Duration;

/// The panic button's red (`.panic-button` in src-ui/style.css).
const PANIC_RED: u32 = 0xb3121f;
/// A colour the app never paints, laid over the page before its process
/// is killed: a page that was not loaded again would still show it.
const MARKER: u32 = 0x0a0b0c;

#[tokio::test(flavor = "multi_thread")]
async fn the_page_comes_back_after_its_process_dies() -> Result<()> {
    let central = Central::start()?;
    let driver = Driver::start(Some(&central.url)).await?;
    let c = driver.launch().await?;
    set_first_pin(&c, "2468").await?;
    c.execute("window.scrollTo(0, 0)", vec![]).await?;
    let red = eventually(
        "the panic button on the screen",
        Duration::from_secs(5),
        || async {
            pixels_of_colours(&[PANIC_RED])
                .ok()?
                .first()
                .copied()
                .filter(|n| *n > 1_000)
        },
    )
    .await?;
    c.execute(
        &format!(
            "document.body.style.setProperty('background', '#{MARKER:06x}', 'important');
             return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));"
        ),
        vec![],
    )
    .await?;
    eventually(
        "the marker on the screen",
        Duration::from_secs(5),
        || async { (*pixels_of_colours(&[MARKER]).ok()?.first()? > 10_000).then_some(()) },
    )
    .await?;

    let app = driver.pids("kulna-app");
    let page = driver.pids("WebKitWebProcess");
    driver.kill_page()?;

    eventually(
        "the page back, in a new process",
        Duration::from_secs(30),
        || async {
            let now = driver.pids("WebKitWebProcess");
            let fresh = !now.is_empty() && now.iter().all(|p| !page.contains(p));
            let shown = match pixels_of_colours(&[PANIC_RED, MARKER]).ok()?[..] {
                [panic, marker] => panic > red / 2 && marker == 0,
                _ => false,
            };
            (fresh && shown).then_some(())
        },
    )
    .await?;
    assert_eq!(driver.pids("kulna-app"), app, "the app itself restarted");
    let log = driver.log();
    assert!(
        log.contains("the page's process ended: loading the page again"),
        "{log}"
    );
    Ok(())
}
