//! A listener's answer comes back to her phone: the alert shows "received
//! by a listener" with the listener's message, only while the app is open.

use anyhow::Result;
use fantoccini::Locator;
use kulna_e2e::{
    app_with_service, body_text, eventually, hold_panic, screenshot, send_now, set_first_pin,
    wait_attr,
};
use std::time::Duration;

const MESSAGE: &str = "listener-message: we are calling you";

#[tokio::test(flavor = "multi_thread")]
async fn an_acknowledged_alert_shows_received_with_the_message() -> Result<()> {
    let (central, _driver, c) = app_with_service().await?;
    set_first_pin(&c, "2468").await?;

    hold_panic(&c, Duration::from_millis(2400)).await?;
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;
    kulna_e2e::show(&c, "cases").await?;
    let alert_css = eventually("the alert in my cases", Duration::from_secs(15), || async {
        let item = c.find(Locator::Css("#my-cases li.case")).await.ok()?;
        let status = item.attr("data-status").await.ok()??;
        (status == "case-status-sent").then_some(item)
    })
    .await?;
    let id_attr = alert_css.attr("id").await?.unwrap_or_default();
    let id = kulna_model::RecordId::parse(id_attr.trim_start_matches("case-"))?;

    // A listener acknowledges it on the service, with a message.
    central.acknowledge(&id, MESSAGE).await?;
    kulna_e2e::go_home(&c).await?;
    send_now(&c).await?;
    kulna_e2e::show(&c, "cases").await?;
    wait_attr(
        &c,
        &format!("#case-{id}"),
        "data-status",
        "case-status-acknowledged",
    )
    .await?;
    assert!(body_text(&c).await.contains(MESSAGE));
    c.execute(
        "document.getElementById('my-cases').scrollIntoView()",
        vec![],
    )
    .await?;
    screenshot(&c, "alert-received").await?;

    // Locked: the message is gone from the page.
    kulna_e2e::lock(&c).await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    assert!(!body_text(&c).await.contains(MESSAGE));
    c.close().await?;
    Ok(())
}
