//! The real app binary, driven through WebDriver under Xvfb, against the
//! real central service on loopback.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use anyhow::Result;
use fantoccini::{Client, Locator};
use kulna_e2e::{attr, eventually, screenshot, text, wait_attr, Central, Driver};
use kulna_i18n::Catalog;
use kulna_model::Locale;
use std::time::Duration;

/// Clicks a language and waits until the page speaks it and the shell has
/// saved it.
async fn switch_to(c: &Client, catalog: &Catalog, locale: Locale) -> Result<()> {
    c.find(Locator::Css(&format!("#lang-{}", locale.code())))
        .await?
        .click()
        .await?;
    eventually(
        &format!("<html lang={}>", locale.code()),
        Duration::from_secs(10),
        || async {
            (kulna_e2e::root_attr(c, "lang").await.as_deref() == Some(locale.code())).then_some(())
        },
    )
    .await?;
    assert_eq!(
        kulna_e2e::root_attr(c, "dir").await.as_deref(),
        Some(locale.direction().as_str()),
        "direction of {}",
        locale.code()
    );
    assert_eq!(
        text(c, "#app-name").await.unwrap_or_default(),
        catalog.text(locale, "app-name")
    );
    assert_eq!(
        text(c, "#status-service").await.unwrap_or_default(),
        catalog.text(locale, "service-reachable")
    );
    wait_attr(c, "main", "data-saved-locale", locale.code()).await
}

async fn assert_started_in(c: &Client, catalog: &Catalog, locale: Locale) -> Result<()> {
    wait_attr(c, "main", "data-saved-locale", locale.code()).await?;
    assert_eq!(
        kulna_e2e::root_attr(c, "lang").await.as_deref(),
        Some(locale.code())
    );
    assert_eq!(
        kulna_e2e::root_attr(c, "dir").await.as_deref(),
        Some(locale.direction().as_str())
    );
    assert_eq!(
        text(c, "#app-tagline").await.unwrap_or_default(),
        catalog.text(locale, "app-tagline")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn home_shows_status_switches_language_and_remembers_it() -> Result<()> {
    let catalog = Catalog::new();
    let central = Central::start()?;
    let driver = Driver::start(Some(&central.url)).await?;

    let c = driver.launch().await?;
    // Through every layer: UI -> IPC -> core (SQLite) and core -> service.
    wait_attr(&c, "#status-storage", "data-ready", "true").await?;
    wait_attr(&c, "#status-service", "data-health", "service-reachable").await?;
    assert_eq!(
        attr(&c, "#outbox-waiting", "data-count").await.as_deref(),
        Some("0")
    );
    // One tap to call the line and the emergency numbers: the app's own
    // until the service publishes them.
    wait_attr(&c, "#calls", "data-source", "app").await?;
    for number in ["8350", "19", "177", "15"] {
        assert_eq!(
            attr(&c, &format!("#call-{number}"), "href")
                .await
                .as_deref(),
            Some(format!("tel:{number}").as_str())
        );
    }
    // A tap calls: the number goes to the phone's dialler, the app stays.
    kulna_e2e::click(&c, "#call-8350").await?;
    eventually("the call handed over", Duration::from_secs(10), || async {
        (driver.opened() == ["tel:8350"]).then_some(())
    })
    .await?;
    wait_attr(&c, "#status-storage", "data-ready", "true").await?;
    // The window title says nothing about violence or help.
    assert_eq!(c.title().await?, "Kulna");

    // Every locale once: direction, strings, and a screenshot each.
    for locale in [Locale::Fr, Locale::En, Locale::Zgh, Locale::Ary, Locale::Ar] {
        switch_to(&c, &catalog, locale).await?;
        screenshot(&c, &format!("home-{}", locale.code())).await?;
    }

    // Choose Tamazight, restart: it is remembered.
    switch_to(&c, &catalog, Locale::Zgh).await?;
    c.close().await?;
    let c = driver.launch().await?;
    assert_started_in(&c, &catalog, Locale::Zgh).await?;

    // Switch to Arabic, restart: right to left, Arabic text.
    switch_to(&c, &catalog, Locale::Ar).await?;
    c.close().await?;
    let c = driver.launch().await?;
    assert_started_in(&c, &catalog, Locale::Ar).await?;
    assert_eq!(text(&c, "#app-name").await.unwrap_or_default(), "كلنا معك");
    screenshot(&c, "home-ar-after-restart").await?;
    c.close().await?;

    // The choice lives in the app's own database under its data directory.
    let db = driver
        .data_home
        .path()
        .join("ma.kulna.app")
        .join("kulna.sqlite");
    assert!(db.is_file(), "{} missing", db.display());
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_service_is_said_plainly() -> Result<()> {
    let catalog = Catalog::new();
    // A port nothing listens on.
    let port = kulna_e2e::free_port()?;
    let driver = Driver::start(Some(&format!("http://127.0.0.1:{port}"))).await?;
    let c = driver.launch().await?;
    wait_attr(&c, "#status-service", "data-health", "service-unreachable").await?;
    assert_eq!(
        text(&c, "#status-service").await.unwrap_or_default(),
        catalog.text(Locale::Ar, "service-unreachable")
    );
    c.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_numbers_to_call_come_from_the_service() -> Result<()> {
    // The service publishes its numbers as listings of the category
    // "emergency"; here the police's is changed to 112.
    let shipped = std::fs::read_to_string(kulna_e2e::shipped_directory())?;
    let mut entries: Vec<serde_json::Value> = serde_json::from_str(&shipped)?;
    let police = entries
        .iter_mut()
        .find(|e| e["id"] == "emergency-2-police")
        .expect("the shipped police number");
    police["phone"] = "112".into();
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("directory.json");
    std::fs::write(&file, serde_json::to_string(&entries)?)?;

    let mut central = Central::start()?;
    central.publish_directory(&file)?;
    let key = central.sealing_key().await?;
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    wait_attr(&c, "#calls", "data-source", "service").await?;
    c.wait().for_element(Locator::Css("#call-112")).await?;
    assert!(c.find(Locator::Css("#call-19")).await.is_err());
    assert_eq!(
        attr(&c, "#call-8350", "href").await.as_deref(),
        Some("tel:8350")
    );
    screenshot(&c, "calls-from-service-ar").await?;

    // Kept on the phone: with the service gone, after a restart, the same.
    central.stop();
    c.close().await?;
    let c = driver.launch().await?;
    wait_attr(&c, "#calls", "data-source", "service").await?;
    c.wait().for_element(Locator::Css("#call-112")).await?;
    c.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_field_team_points_the_app_at_its_own_service() -> Result<()> {
    // Installed for one service; the center runs its own.
    let old = Central::start()?;
    let center = Central::start()?;
    let key = old.sealing_key().await?;
    let driver = Driver::start_with(Some(&old.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    kulna_e2e::set_first_pin(&c, "1470").await?;
    wait_attr(&c, "#status-service", "data-health", "service-reachable").await?;
    kulna_e2e::show(&c, "settings").await?;
    kulna_e2e::click(&c, "#settings-service-details summary").await?;

    // Plain http to another machine is refused, nothing changes.
    kulna_e2e::type_into(&c, "#settings-service", "http://192.0.2.1:8787").await?;
    kulna_e2e::click(&c, "#settings-service-save").await?;
    wait_attr(&c, "#settings-service-message", "data-result", "invalid").await?;

    // The center's address: connected.
    kulna_e2e::type_into(&c, "#settings-service", &center.url).await?;
    kulna_e2e::click(&c, "#settings-service-save").await?;
    wait_attr(&c, "#settings-service-message", "data-result", "saved").await?;
    screenshot(&c, "settings-service-ar").await?;

    // The panic button now reaches the center's service, and only it.
    kulna_e2e::go_home(&c).await?;
    kulna_e2e::hold_panic(&c, Duration::from_millis(2400)).await?;
    eventually(
        "the alert at the center",
        Duration::from_secs(20),
        || async {
            let alerts = center.queued(kulna_model::RecordKind::Alert).await.ok()?;
            (alerts.len() == 1).then_some(())
        },
    )
    .await?;
    assert!(old.queued(kulna_model::RecordKind::Alert).await?.is_empty());

    // Kept across a restart, whatever the app was installed with.
    c.close().await?;
    let c = driver.launch().await?;
    kulna_e2e::type_into(&c, "#pin-unlock", "1470").await?;
    kulna_e2e::click(&c, "#unlock-button").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    kulna_e2e::show(&c, "settings").await?;
    kulna_e2e::click(&c, "#settings-service-details summary").await?;
    eventually(
        "the center's address shown",
        Duration::from_secs(10),
        || async {
            let shown: String = c
                .execute(
                    "return document.getElementById('settings-service').value",
                    vec![],
                )
                .await
                .ok()?
                .as_str()?
                .to_owned();
            (shown == center.url).then_some(())
        },
    )
    .await?;
    c.close().await?;
    Ok(())
}
