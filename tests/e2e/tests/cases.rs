//! A listener's answer comes back to her phone: the alert shows "received
//! by a listener" with the listener's message, only while the app is open.

use anyhow::Result;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, Locator};
use kulna_e2e::{eventually, screenshot, wait_attr, Central, Driver};
use std::time::Duration;

async fn click(c: &Client, css: &str) -> Result<()> {
    c.find(Locator::Css(css)).await?.click().await?;
    Ok(())
}

async fn type_into(c: &Client, css: &str, text: &str) -> Result<()> {
    let field = c.find(Locator::Css(css)).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

async fn body_text(c: &Client) -> String {
    c.execute("return document.body.innerText", vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

const MESSAGE: &str = "listener-message: we are calling you";

#[tokio::test(flavor = "multi_thread")]
async fn an_acknowledged_alert_shows_received_with_the_message() -> Result<()> {
    let central = Central::start()?;
    let key = central.sealing_key().await?;
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    wait_attr(&c, "main", "data-lock", "not_set_up").await?;
    type_into(&c, "#pin-new", "2468").await?;
    type_into(&c, "#pin-again", "2468").await?;
    click(&c, "#pin-save").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;

    let button = c.find(Locator::Css("#panic-button")).await?;
    c.perform_actions(
        MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: button,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(2400),
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            }),
    )
    .await?;
    c.release_actions().await?;
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;
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
    click(&c, "#send-now").await?;
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
    click(&c, "#lock-button").await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    assert!(!body_text(&c).await.contains(MESSAGE));
    c.close().await?;
    Ok(())
}
