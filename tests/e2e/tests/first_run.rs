//! The first run: her language in its own script, what the app does and
//! keeps, her region, a PIN; then settings kept across restarts, and an
//! alert that carries her region and shows saved → sent → received.

use anyhow::Result;
use fantoccini::Locator;
use kulna_e2e::{
    attr, body_text, choose, click, eventually, hold_panic, screenshot, send_now, skip_first_run,
    type_into, wait_attr, Central, Driver,
};
use kulna_i18n::Catalog;
use kulna_model::Locale;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn first_run_then_an_alert_that_carries_her_region_and_comes_back_received() -> Result<()> {
    let catalog = Catalog::new();
    let central = Central::start()?;
    let driver = Driver::start(Some(&central.url)).await?;
    let c = driver.launch_first_run().await?;

    // The question in every language; each language in its own script.
    wait_attr(&c, "#first-run", "data-step", "language").await?;
    let heading = c
        .find(Locator::Css("#first-run-language-heading"))
        .await?
        .text()
        .await?;
    for locale in Locale::ALL {
        assert!(
            heading.contains(&catalog.text(locale, "first-run-language")),
            "{locale:?} missing from the language question"
        );
        assert_eq!(
            c.find(Locator::Css(&format!("#first-lang-{}", locale.code())))
                .await?
                .text()
                .await?,
            locale.native_name()
        );
    }
    // Nothing of home (or its panic button) behind the first run.
    assert!(c.find(Locator::Css("#app-name")).await.is_err());
    screenshot(&c, "first-run-language").await?;

    // French: the page switches at once.
    click(&c, "#first-lang-fr").await?;
    wait_attr(&c, "#first-run", "data-step", "about").await?;
    wait_attr(&c, "html", "lang", "fr").await?;
    let text = body_text(&c).await;
    assert!(text.contains(&catalog.text(Locale::Fr, "first-run-about-stored")));
    assert!(text.contains(&catalog.text(Locale::Fr, "first-run-about-offline")));
    screenshot(&c, "first-run-about-fr").await?;

    click(&c, "#first-run-next").await?;
    wait_attr(&c, "#first-run", "data-step", "region").await?;
    choose(&c, "#first-run-region", "06").await?;
    click(&c, "#first-run-region-save").await?;
    wait_attr(&c, "#first-run", "data-step", "pin").await?;
    type_into(&c, "#pin-new", "2468").await?;
    type_into(&c, "#pin-again", "2468").await?;
    click(&c, "#pin-save").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    assert_eq!(
        attr(&c, "main", "data-saved-locale").await.as_deref(),
        Some("fr")
    );

    // The largest text, kept across a restart with the region.
    kulna_e2e::show(&c, "settings").await?;
    click(&c, "#text-size-larger").await?;
    wait_attr(&c, "html", "data-text-size", "larger").await?;
    wait_attr(&c, "#settings-message", "class", "status-line ok").await?;
    c.close().await?;

    let c = driver.launch_first_run().await?;
    assert!(
        !skip_first_run(&c).await?,
        "the first run came back after a restart"
    );
    wait_attr(&c, "html", "data-text-size", "larger").await?;
    wait_attr(&c, "html", "lang", "fr").await?;
    kulna_e2e::show(&c, "settings").await?;
    let region = c
        .execute(
            "return document.getElementById('settings-region').value",
            vec![],
        )
        .await?;
    assert_eq!(region.as_str(), Some("06"));
    // About and privacy stay within reach in the settings.
    let about = c
        .execute(
            "return document.getElementById('settings-about').textContent",
            vec![],
        )
        .await?;
    assert!(about
        .as_str()
        .unwrap_or_default()
        .contains(&catalog.text(Locale::Fr, "first-run-about-stored")));
    screenshot(&c, "home-larger-text-fr").await?;
    click(&c, "#text-size-normal").await?;
    wait_attr(&c, "html", "data-text-size", "normal").await?;

    // Trusted contacts (after her PIN: the app restarted locked): a bad
    // number saves nothing; good ones are kept.
    wait_attr(&c, "main", "data-lock", "locked").await?;
    kulna_e2e::go_home(&c).await?;
    type_into(&c, "#pin-unlock", "2468").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    kulna_e2e::show(&c, "safety").await?;
    type_into(&c, "#contact-1", "0612 34 56 78").await?;
    type_into(&c, "#contact-2", "call me maybe").await?;
    click(&c, "#contacts-save").await?;
    wait_attr(&c, "#contacts-message", "class", "status-line warn").await?;
    type_into(&c, "#contact-2", "+212 661 000 111").await?;
    click(&c, "#contacts-save").await?;
    wait_attr(&c, "#contacts-message", "class", "status-line ok").await?;
    assert!(!kulna_e2e::files_contain(
        driver.data_home.path(),
        b"0612345678"
    ));

    // Unlocked: the SMS goes to them, naming her region.
    kulna_e2e::go_home(&c).await?;
    hold_panic(&c, Duration::from_millis(2400)).await?;
    wait_attr(&c, "#panic-message", "data-progress", "sent").await?;
    let sms = eventually(
        "the SMS link with her contacts",
        Duration::from_secs(10),
        || async {
            attr(&c, "#panic-sms", "href")
                .await
                .filter(|h| h.starts_with("sms:0612345678,+212661000111?body="))
        },
    )
    .await?;
    let region_name = urlencoding(&catalog.text(Locale::Fr, "region-06"));
    assert!(sms.contains(&region_name), "{sms}");

    // Locked, the alert still goes, with her region, and its three steps
    // show as they happen.
    kulna_e2e::lock(&c).await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    hold_panic(&c, Duration::from_millis(2400)).await?;
    wait_attr(&c, "#panic-message", "data-progress", "sent").await?;
    // Locked: no numbers readable, the message is still ready.
    let sms = attr(&c, "#panic-sms", "href").await.unwrap_or_default();
    assert!(sms.starts_with("sms:?body="), "{sms}");
    let queue = central.queue().await?;
    let alerts: Vec<_> = queue
        .iter()
        .filter(|i| i.kind == kulna_model::RecordKind::Alert)
        .collect();
    assert_eq!(alerts.len(), 2);
    assert!(alerts.iter().all(|a| a.region == Some(6)));
    let alert = alerts
        .iter()
        .max_by_key(|a| a.created_at_ms)
        .ok_or_else(|| anyhow::anyhow!("no alert in the queue"))?;
    assert_eq!(
        text_of(&c, "#panic-message").await,
        catalog.text(Locale::Fr, "panic-sent")
    );

    central.acknowledge(&alert.id, "on arrive").await?;
    send_now(&c).await?;
    wait_attr(&c, "#panic-message", "data-progress", "received").await?;
    assert_eq!(
        text_of(&c, "#panic-message").await,
        catalog.text(Locale::Fr, "panic-received")
    );
    // Still locked: "received" is all it says; the listener's words wait
    // for her PIN.
    assert_eq!(
        attr(&c, "main", "data-lock").await.as_deref(),
        Some("locked")
    );
    assert!(!body_text(&c).await.contains("on arrive"));
    let done = eventually("three steps done", Duration::from_secs(5), || async {
        let steps = c
            .find_all(Locator::Css(".alert-steps li[data-done='true']"))
            .await
            .ok()?;
        (steps.len() == 3).then_some(())
    })
    .await;
    c.execute(
        "document.getElementById('panic-message').scrollIntoView({block: 'center'})",
        vec![],
    )
    .await?;
    screenshot(&c, "panic-received-fr").await?;
    done?;
    c.close().await?;
    Ok(())
}

async fn text_of(c: &fantoccini::Client, css: &str) -> String {
    kulna_e2e::text(c, css).await.unwrap_or_default()
}

/// The percent-encoding `encodeURIComponent` gives a text.
fn urlencoding(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
