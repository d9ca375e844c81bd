//! The real app binary, driven through WebDriver under Xvfb, against the
//! real central service on loopback.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use anyhow::Result;
use fantoccini::{Client, Locator};
use kulna_e2e::{attr, eventually, screenshot, text, wait_attr, Central, Driver};
use kulna_i18n::Catalog;
use kulna_model::Locale;
use std::time::Duration;

async fn html(c: &Client, name: &str) -> Option<String> {
    let script = format!("return document.documentElement.getAttribute('{name}')");
    c.execute(&script, vec![])
        .await
        .ok()?
        .as_str()
        .map(str::to_owned)
}

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
        || async { (html(c, "lang").await.as_deref() == Some(locale.code())).then_some(()) },
    )
    .await?;
    assert_eq!(
        html(c, "dir").await.as_deref(),
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
    assert_eq!(html(c, "lang").await.as_deref(), Some(locale.code()));
    assert_eq!(
        html(c, "dir").await.as_deref(),
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
    // One tap to call the line and the emergency numbers.
    for number in ["8350", "19", "177", "15"] {
        assert_eq!(
            attr(&c, &format!("#call-{number}"), "href")
                .await
                .as_deref(),
            Some(format!("tel:{number}").as_str())
        );
    }
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
