//! Offline first: a report made while the service is down waits in the
//! outbox, the screen says why in plain words, and it arrives exactly once
//! when the service is back.

use anyhow::Result;
use fantoccini::Locator;
use kulna_e2e::{
    app_with_service, attr, click, eventually, screenshot, send_now, set_first_pin, tick,
    type_into, wait_attr,
};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn a_report_made_while_the_service_is_down_arrives_once_when_it_returns() -> Result<()> {
    let (mut central, _driver, c) = app_with_service().await?;
    // A small phone's width: the sentences about the service wrap to more
    // lines here than on a wider screen, and still nothing may move.
    c.set_window_size(320, 800).await?;
    set_first_pin(&c, "2468").await?;
    // Registered and in contact before the outage.
    c.wait().for_element(Locator::Css("#sync")).await?;

    central.stop();
    click(&c, "#open-report").await?;
    c.wait().for_element(Locator::Css("#report")).await?;
    tick(&c, "#violence-economic").await?;
    type_into(&c, "#report-text", "written offline").await?;
    wait_attr(&c, "#report-saved", "data-saved", "true").await?;
    click(&c, "#report-submit").await?;
    c.wait().for_element(Locator::Css("#report-sent")).await?;

    // It waits on the phone, and the screen says why.
    wait_attr(&c, "#outbox-waiting", "data-count", "1").await?;
    let problem = eventually(
        "a sync problem on screen",
        Duration::from_secs(20),
        || async {
            attr(&c, "#sync", "data-problem")
                .await
                .filter(|p| !p.is_empty())
        },
    )
    .await?;
    assert!(
        ["service_unreachable", "no_connection"].contains(&problem.as_str()),
        "{problem}"
    );
    assert!(c.find(Locator::Css("#sync-problem")).await.is_ok());
    wait_attr(&c, "#status-service", "data-health", "service-unreachable").await?;
    screenshot(&c, "offline-waiting").await?;

    // Back: "send now" delivers it, once.
    let aimed_at = places_she_taps(&c).await?;
    central.start_again()?;
    send_now(&c).await?;
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;
    wait_attr(&c, "#sync", "data-problem", "").await?;
    // The problem line went away, and the device card now says the service
    // is reached, without moving the button, or her screens' buttons, on
    // the page.
    wait_attr(&c, "#status-service", "data-health", "service-reachable").await?;
    assert_eq!(
        places_she_taps(&c).await?,
        aimed_at,
        "\"send now\", the screens' or the languages' buttons moved (on the page, in the card, on the page, on the page)"
    );
    // A second "send now" sends nothing again.
    send_now(&c).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let reports = central.queued(kulna_model::RecordKind::Report).await?;
    assert_eq!(reports.len(), 1, "{reports:?}");
    let case = central.open_case(&reports[0].id).await?;
    assert_eq!(
        case.payload.and_then(|p| p.description).as_deref(),
        Some("written offline")
    );
    screenshot(&c, "offline-delivered").await?;
    c.close().await?;
    Ok(())
}

/// Where "send now" is (its top edge on the page, and below its card's
/// top) and where the buttons to her settings and to the last language
/// are (their tops on the page), in CSS pixels, the page's scroll counted.
/// All stay put while what the cards say changes (the service's state, a
/// sync problem).
async fn places_she_taps(c: &fantoccini::Client) -> Result<(f64, f64, f64, f64)> {
    let place = c
        .execute(
            "const b = document.getElementById('send-now'); const s = document.getElementById('sync');
             const n = document.getElementById('nav-settings');
             const l = document.querySelector('.languages button:last-child');
             if (!b || !s || !n || !l) { return null; }
             const top = b.getBoundingClientRect().top;
             return [top + window.scrollY, top - s.getBoundingClientRect().top,
                     n.getBoundingClientRect().top + window.scrollY,
                     l.getBoundingClientRect().top + window.scrollY];",
            vec![],
        )
        .await?;
    place
        .as_array()
        .and_then(|a| {
            Some((
                a.first()?.as_f64()?,
                a.get(1)?.as_f64()?,
                a.get(2)?.as_f64()?,
                a.get(3)?.as_f64()?,
            ))
        })
        .ok_or_else(|| {
            anyhow::anyhow!("no #send-now, #nav-settings or language button on the page: {place:?}")
        })
}
