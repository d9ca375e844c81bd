//! Her PIN and the panic button, in the real app binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use anyhow::Result;
use fantoccini::{Client, Locator};
use kulna_e2e::{
    app_with_service, attr, body_text, click, files_contain, hold_panic, lock_and_unlock,
    screenshot, set_first_pin, type_into, wait_attr, Driver,
};
use std::time::Duration;

/// Presses the panic button with the mouse for `hold`, then releases.

#[tokio::test(flavor = "multi_thread")]
async fn pin_lock_and_panic_while_locked() -> Result<()> {
    let (central, driver, c) = app_with_service().await?;

    // First run: no PIN yet; she chooses one.
    wait_attr(&c, "main", "data-lock", "not_set_up").await?;
    type_into(&c, "#pin-new", "2468").await?;
    type_into(&c, "#pin-again", "2486").await?;
    click(&c, "#pin-save").await?;
    wait_attr(&c, "#pin-problem", "data-problem", "pin-mismatch").await?;
    type_into(&c, "#pin-new", "2468").await?;
    type_into(&c, "#pin-again", "2468").await?;
    click(&c, "#pin-save").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    // The PIN fields are gone from the page once it is saved.
    assert!(c.find(Locator::Css("#pin-new")).await.is_err());

    kulna_e2e::lock(&c).await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;

    // A tap is not enough: nothing is sent by a brush in a pocket.
    click(&c, "#panic-button").await?;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        attr(&c, "#panic-button", "data-phase").await.as_deref(),
        Some("idle")
    );
    assert_eq!(
        attr(&c, "#outbox-waiting", "data-count").await.as_deref(),
        Some("0")
    );

    // Held for two seconds while locked: a countdown, then the alert is saved.
    hold_panic(&c, Duration::from_millis(2400)).await?;
    kulna_e2e::eventually("the alert to be saved", Duration::from_secs(15), || async {
        (attr(&c, "#panic-button", "data-phase").await.as_deref() == Some("saved")).then_some(())
    })
    .await?;
    // Sent at once, still locked: the alert is in the listeners' queue.
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;
    let alerts = central.queued(kulna_model::RecordKind::Alert).await?;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let case = central.open_case(&alerts[0].id).await?;
    assert_eq!(case.payload.and_then(|p| p.in_danger_now), Some(true));
    assert_eq!(
        attr(&c, "main", "data-lock").await.as_deref(),
        Some("locked")
    );
    screenshot(&c, "panic-saved-while-locked").await?;

    // A wrong PIN is refused with a plain message; the right one opens.
    type_into(&c, "#pin-unlock", "1111").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "#pin-problem", "data-problem", "wrong-pin").await?;
    type_into(&c, "#pin-unlock", "2468").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;

    // After a restart the app is locked again, with nothing left to send.
    c.close().await?;
    let c = driver.launch().await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;
    c.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_countdown_can_be_cancelled() -> Result<()> {
    let (_central, _driver, c) = app_with_service().await?;
    wait_attr(&c, "main", "data-lock", "not_set_up").await?;
    hold_panic(&c, Duration::from_millis(2400)).await?;
    kulna_e2e::eventually("the countdown", Duration::from_secs(5), || async {
        attr(&c, "#panic-button", "data-phase")
            .await
            .filter(|p| p.starts_with("countdown"))
            .map(|_| ())
    })
    .await?;
    click(&c, "#panic-cancel").await?;
    wait_attr(&c, "#panic-button", "data-phase", "idle").await?;
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(
        attr(&c, "#outbox-waiting", "data-count").await.as_deref(),
        Some("0")
    );
    c.close().await?;
    Ok(())
}

async fn calculator_keys(c: &Client, keys: &[&str]) -> Result<()> {
    for k in keys {
        click(c, &format!(".calc-key[data-key='{k}']")).await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn quick_exit_shows_a_working_calculator_and_the_pin_returns() -> Result<()> {
    let catalog = kulna_i18n::Catalog::new();
    let (_central, driver, c) = app_with_service().await?;
    set_first_pin(&c, "2468").await?;

    // The visible button: the calculator, and nothing of the app left.
    click(&c, "#quick-exit").await?;
    c.wait().for_element(Locator::Css("#calculator")).await?;
    assert!(c.find(Locator::Css("main")).await.is_err());
    let text = body_text(&c).await;
    for id in ["app-name", "panic-button", "lock-heading", "status-heading"] {
        let words = catalog.text(kulna_model::Locale::Ar, id);
        assert!(
            !text.contains(&words),
            "{id} still on screen after quick exit"
        );
    }
    screenshot(&c, "quick-exit-calculator").await?;

    // It really calculates.
    calculator_keys(&c, &["1", "2", "+", "3", "×", "2", "="]).await?;
    assert_eq!(
        c.find(Locator::Css("#calc-display")).await?.text().await?,
        "18"
    );
    calculator_keys(&c, &["C"]).await?;

    // A wrong code is just a number; her PIN and = open the app, which was locked.
    calculator_keys(&c, &["1", "1", "1", "1", "="]).await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(c.find(Locator::Css("#calculator")).await.is_ok());
    calculator_keys(&c, &["C", "2", "4", "6", "8", "="]).await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;

    // Escape does the same from the keyboard.
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&char::from(fantoccini::key::Key::Escape).to_string())
        .await?;
    c.wait().for_element(Locator::Css("#calculator")).await?;
    calculator_keys(&c, &["2", "4", "6", "8", "="]).await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;

    // With the disguise on, the app opens as the calculator after a restart.
    kulna_e2e::show(&c, "safety").await?;
    click(&c, "#disguise-toggle").await?;
    kulna_e2e::eventually(
        "the disguise to be saved",
        Duration::from_secs(10),
        || async {
            c.execute(
                "return document.getElementById('disguise-toggle').checked",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .filter(|on| *on)
            .map(|_| ())
        },
    )
    .await?;
    c.close().await?;
    let c = driver.launch().await?;
    c.wait().for_element(Locator::Css("#calculator")).await?;
    assert!(c.find(Locator::Css("main")).await.is_err());
    calculator_keys(&c, &["2", "4", "6", "8", "="]).await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    c.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn duress_pin_change_pin_and_erase() -> Result<()> {
    let (_central, driver, c) = app_with_service().await?;
    set_first_pin(&c, "2468").await?;

    // A report left as a draft.
    click(&c, "#open-report").await?;
    type_into(&c, "#report-text", "erase-sentinel").await?;
    wait_attr(&c, "#report-saved", "data-saved", "true").await?;
    click(&c, "#report-close").await?;
    c.wait().for_element(Locator::Css("#resume")).await?;

    // A duress PIN opens an app with nothing in it.
    kulna_e2e::show(&c, "safety").await?;
    type_into(&c, "#duress-pin", "1357").await?;
    click(&c, "#duress-save").await?;
    wait_attr(&c, "#duress-message", "data-message", "duress-saved").await?;
    lock_and_unlock(&c, "1357").await?;
    c.wait().for_element(Locator::Css("#open-report")).await?;
    assert!(
        c.find(Locator::Css("#resume")).await.is_err(),
        "the decoy shows her draft"
    );
    screenshot(&c, "duress-decoy").await?;
    lock_and_unlock(&c, "2468").await?;
    c.wait().for_element(Locator::Css("#resume")).await?;

    // Change the PIN: the old one no longer opens, the new one does.
    kulna_e2e::show(&c, "safety").await?;
    type_into(&c, "#pin-current", "2468").await?;
    type_into(&c, "#pin-changed-new", "8642").await?;
    type_into(&c, "#pin-changed-again", "8642").await?;
    click(&c, "#change-pin-button").await?;
    wait_attr(&c, "#change-pin-message", "data-message", "pin-changed").await?;
    kulna_e2e::lock(&c).await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    type_into(&c, "#pin-unlock", "2468").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "#pin-problem", "data-problem", "wrong-pin").await?;
    type_into(&c, "#pin-unlock", "8642").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    c.wait().for_element(Locator::Css("#resume")).await?;

    // Erase: a countdown she can cancel, then nothing is left.
    kulna_e2e::show(&c, "safety").await?;
    click(&c, "#wipe-button").await?;
    c.wait()
        .for_element(Locator::Css("#wipe-countdown"))
        .await?;
    click(&c, "#wipe-cancel").await?;
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(
        attr(&c, "main", "data-lock").await.as_deref(),
        Some("unlocked")
    );
    click(&c, "#wipe-button").await?;
    // As new: the first run again, then no PIN.
    kulna_e2e::eventually(
        "the app to start as new",
        Duration::from_secs(20),
        || async { c.find(Locator::Css("#first-run")).await.ok() },
    )
    .await?;
    assert!(kulna_e2e::skip_first_run(&c).await?);
    wait_attr(&c, "main", "data-lock", "not_set_up").await?;
    assert!(c.find(Locator::Css("#resume")).await.is_err());
    c.close().await?;
    assert!(
        !files_contain(driver.data_home.path(), b"erase-sentinel"),
        "the draft's text survived the erase"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_pins_make_her_wait() -> Result<()> {
    let driver = Driver::start(None).await?;
    let c = driver.launch().await?;
    set_first_pin(&c, "2468").await?;
    kulna_e2e::lock(&c).await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    let mut problems = Vec::new();
    for _ in 0..6 {
        type_into(&c, "#pin-unlock", "0000").await?;
        click(&c, "#unlock-button").await?;
        wait_attr(&c, "#unlock-button", "aria-busy", "false").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        problems.push(
            attr(&c, "#pin-problem", "data-problem")
                .await
                .unwrap_or_default(),
        );
    }
    // Four are free; then every try waits (and the wait grows on disk).
    assert_eq!(&problems[..4], ["wrong-pin"; 4], "{problems:?}");
    assert_eq!(&problems[4..], ["pin-wait"; 2], "{problems:?}");
    screenshot(&c, "pin-wait").await?;
    // Even the right PIN waits now.
    type_into(&c, "#pin-unlock", "2468").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "#pin-problem", "data-problem", "pin-wait").await?;
    assert_eq!(
        attr(&c, "main", "data-lock").await.as_deref(),
        Some("locked")
    );
    c.close().await?;
    Ok(())
}
