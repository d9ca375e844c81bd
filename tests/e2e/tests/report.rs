//! Writing a report: saved encrypted at every step, resumed after the app
//! is killed, sent once.

use anyhow::Result;
use fantoccini::{Client, Locator};
use kulna_e2e::{
    app_with_service, choose, click, eventually, files_contain, screenshot, set_first_pin, tick,
    type_into, wait_attr,
};
use std::time::Duration;

async fn prop(c: &Client, id: &str, name: &str) -> serde_json::Value {
    c.execute(
        &format!("const e = document.getElementById('{id}'); return e ? e.{name} : null"),
        vec![],
    )
    .await
    .unwrap_or(serde_json::Value::Null)
}

const TEXT: &str = "sentinel-words هادشي وقع البارح";

#[tokio::test(flavor = "multi_thread")]
async fn a_report_survives_the_app_being_killed_and_is_sent_once() -> Result<()> {
    let (central, driver, c) = app_with_service().await?;
    set_first_pin(&c, "2468").await?;

    click(&c, "#open-report").await?;
    c.wait().for_element(Locator::Css("#report")).await?;
    tick(&c, "#violence-physical").await?;
    tick(&c, "#violence-digital").await?;
    type_into(&c, "#report-when", "yesterday evening").await?;
    choose(&c, "#report-region", "07").await?;
    type_into(&c, "#report-place", "Marrakech").await?;
    tick(&c, "#report-danger").await?;
    choose(&c, "#report-relation", "former_partner").await?;
    type_into(&c, "#report-text", TEXT).await?;
    tick(&c, "#consent-contact").await?;
    type_into(&c, "#report-phone", "0600000000").await?;
    tick(&c, "#consent-referral").await?;
    tick(&c, "#refer-police").await?;
    tick(&c, "#consent-statistics").await?;
    wait_attr(&c, "#report-saved", "data-saved", "true").await?;
    screenshot(&c, "report-form-ar").await?;

    // Killed mid-form: no chance to save anything more.
    driver.kill_app()?;
    drop(c);

    // What she wrote is on disk, but never in the clear.
    for needle in [TEXT.as_bytes(), b"sentinel-words"] {
        assert!(
            !files_contain(driver.data_home.path(), needle),
            "report text in the clear on disk"
        );
    }

    let c = driver.launch().await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    type_into(&c, "#pin-unlock", "2468").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    c.wait().for_element(Locator::Css("#resume")).await?;
    click(&c, "#resume-continue").await?;
    c.wait().for_element(Locator::Css("#report")).await?;

    // Every field is back.
    for id in [
        "violence-physical",
        "violence-digital",
        "report-danger",
        "consent-contact",
        "consent-referral",
        "refer-police",
        "consent-statistics",
    ] {
        assert_eq!(
            prop(&c, id, "checked").await,
            serde_json::json!(true),
            "{id}"
        );
    }
    for id in ["violence-sexual", "report-children", "refer-gendarmerie"] {
        assert_eq!(
            prop(&c, id, "checked").await,
            serde_json::json!(false),
            "{id}"
        );
    }
    assert_eq!(prop(&c, "report-when", "value").await, "yesterday evening");
    assert_eq!(prop(&c, "report-region", "value").await, "07");
    assert_eq!(prop(&c, "report-place", "value").await, "Marrakech");
    assert_eq!(prop(&c, "report-relation", "value").await, "former_partner");
    assert_eq!(prop(&c, "report-text", "value").await, TEXT);
    assert_eq!(prop(&c, "report-phone", "value").await, "0600000000");

    click(&c, "#report-submit").await?;
    c.wait().for_element(Locator::Css("#report-sent")).await?;
    // Nothing left to continue, and sync empties the outbox.
    eventually(
        "the resume prompt to go",
        Duration::from_secs(10),
        || async { c.find(Locator::Css("#resume")).await.is_err().then_some(()) },
    )
    .await?;
    assert!(c.find(Locator::Css("#open-report")).await.is_ok());
    wait_attr(&c, "#sync", "data-waiting", "0").await?;
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;
    screenshot(&c, "report-sent").await?;

    // On the service: exactly one report, and what she wrote, intact.
    let reports = central.queued(kulna_model::RecordKind::Report).await?;
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!(reports[0].region, Some(7));
    let case = central.open_case(&reports[0].id).await?;
    let payload = case.payload.expect("a decrypted payload");
    assert_eq!(payload.description.as_deref(), Some(TEXT));
    assert_eq!(payload.place.as_deref(), Some("Marrakech"));
    assert!(case.consents.referral && case.consents.statistics && case.consents.contact);
    c.close().await?;
    Ok(())
}
