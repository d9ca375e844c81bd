//! The staff side of the real app against the real service: a woman's
//! alert reaches a listener's queue live and her acknowledgement reaches
//! the woman's app; a field worker sees only her center's cases; a referral
//! without consent is refused and a supervisor's override is audited; a
//! case goes from arrival to referral and closure in the app.

use anyhow::{anyhow, Result};
use fantoccini::Locator;
use kulna_core::{AppData, KdfCost, Pin, SealingPublicKey, ServiceUrl, SyncEngine, SyncOptions};
use kulna_e2e::{
    attr, body_text, choose, click, eventually, hold_panic, screenshot, send_now, set_first_pin,
    staff_sign_in, staff_sign_out, tick, type_into, wait_attr, Central, Driver,
};
use kulna_model::{RecordId, RecordKind};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A real device made with the app's own library (vault, sealing, sync),
/// for the cases the staff app then works on.
struct Phone {
    _dir: tempfile::TempDir,
    data: Arc<AppData>,
    engine: SyncEngine,
}

async fn phone(central: &Central) -> Result<Phone> {
    let dir = tempfile::tempdir()?;
    let key = SealingPublicKey::from_base64(&central.sealing_key().await?)
        .map_err(|e| anyhow!("service key: {e}"))?;
    let data = Arc::new(AppData::open_with(
        dir.path(),
        kulna_core::VaultOptions {
            kdf_cost: KdfCost::insecure_for_tests(
                NonZeroU32::new(1_000).unwrap_or(NonZeroU32::MIN),
            ),
            service_key: Some(key),
            ..Default::default()
        },
    )?);
    data.vault().set_pin(&Pin::new("1234".into())?)?;
    let engine = SyncEngine::start(
        data.clone(),
        SyncOptions::new(ServiceUrl::parse(&central.url)?),
    )?;
    // Registered with the service once it has been in contact.
    let mut rx = engine.subscribe();
    eventually("the phone registers", Duration::from_secs(15), || {
        let contact = rx.borrow_and_update().last_contact_ms;
        async move { contact.map(|_| ()) }
    })
    .await?;
    Ok(Phone {
        _dir: dir,
        data,
        engine,
    })
}

async fn staff_app(central: &Central) -> Result<(Driver, fantoccini::Client)> {
    let key = central.sealing_key().await?;
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    set_first_pin(&c, "1357").await?;
    Ok((driver, c))
}

async fn wait_in_service_queue(central: &Central, id: RecordId) -> Result<()> {
    eventually(
        "the case on the service",
        Duration::from_secs(15),
        || async {
            central
                .queue()
                .await
                .ok()?
                .iter()
                .any(|i| i.id == id)
                .then_some(())
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_womans_alert_reaches_the_listener_live_and_the_acknowledgement_reaches_her() -> Result<()>
{
    let central = Central::start()?;
    central.add_staff("salma", "listener", &[])?;

    // The listener's app, signed in, the queue empty and live.
    let (_staff_driver, staff) = staff_app(&central).await?;
    // The entry is one small link at the foot of home.
    let entry = staff.find(Locator::Css("#staff-entry")).await?;
    assert_eq!(entry.attr("class").await?.as_deref(), Some("link"));
    staff_sign_in(&staff, "salma").await?;
    wait_attr(&staff, "#staff-queue", "data-count", "0").await?;
    screenshot(&staff, "staff-queue-empty").await?;

    // The woman's app, at the same time, with its own data directory.
    let key = central.sealing_key().await?;
    let woman_driver =
        Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let woman = woman_driver.launch().await?;
    set_first_pin(&woman, "2468").await?;
    hold_panic(&woman, Duration::from_millis(2400)).await?;

    // The alert appears in the listener's queue; note when.
    let (id, seen_at_ms) = eventually(
        "the alert in the listener's queue",
        Duration::from_secs(30),
        || async {
            let item = staff
                .find(Locator::Css(
                    "#staff-queue li.queue-item[data-kind='alert']",
                ))
                .await
                .ok()?;
            let seen = now_ms();
            let id = item.attr("data-id").await.ok()??;
            Some((RecordId::parse(&id).ok()?, seen))
        },
    )
    .await?;
    let received_at_ms = central
        .queue()
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| anyhow!("the alert is not on the service"))?
        .received_at_ms;
    let latency = seen_at_ms - received_at_ms;
    println!("alert delivered → shown in the listener's queue: {latency} ms");
    assert!(
        latency <= 2000,
        "the alert took {latency} ms from delivery to the listener's queue"
    );
    screenshot(&staff, "staff-queue-alert").await?;

    // One click acknowledges it.
    click(
        &staff,
        &format!("#staff-queue li[data-id='{id}'] .queue-ack"),
    )
    .await?;
    wait_attr(
        &staff,
        &format!("#staff-queue li[data-id='{id}']"),
        "data-status",
        "acknowledged",
    )
    .await?;

    // Her app shows it.
    send_now(&woman).await?;
    kulna_e2e::show(&woman, "cases").await?;
    wait_attr(
        &woman,
        &format!("#case-{id}"),
        "data-status",
        "case-status-acknowledged",
    )
    .await?;
    screenshot(&woman, "woman-alert-acknowledged").await?;
    woman.close().await?;
    staff.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_field_worker_of_one_center_cannot_see_or_open_another_centers_case() -> Result<()> {
    let central = Central::start()?;
    central.add_center("center-a", "Centre A", 6)?;
    central.add_center("center-b", "Centre B", 7)?;
    central.add_staff("fatima", "field_worker", &["--center", "center-a"])?;
    central.add_staff("khadija", "field_worker", &["--center", "center-b"])?;

    // Center B's laptop, linked to center B, sends a request.
    let laptop = phone(&central).await?;
    let khadija = central.login("khadija").await?;
    let device_id = laptop.data.vault().device_id();
    assert_eq!(
        central
            .post_as(
                &khadija,
                "/v1/staff/devices",
                serde_json::json!({ "device_id": device_id }),
            )
            .await?,
        204
    );
    let payload = kulna_model::record::RecordPayload {
        description: Some("center-b walk-in".into()),
        ..Default::default()
    };
    let id = laptop.data.submit_support_request(Some(7), &payload)?;
    laptop.engine.record_saved(RecordKind::SupportRequest);
    wait_in_service_queue(&central, id).await?;

    // Through the API: not in A's queue, not readable, not actionable.
    let fatima = central.login("fatima").await?;
    let (status, queue) = central
        .get_as(&fatima, "/v1/queue?include_closed=true")
        .await?;
    assert_eq!(status, 200);
    assert!(!queue.to_string().contains(&id.to_string()));
    assert_eq!(
        central.get_as(&fatima, &format!("/v1/cases/{id}")).await?.0,
        404
    );
    assert_eq!(
        central
            .post_as(
                &fatima,
                &format!("/v1/cases/{id}/acknowledge"),
                serde_json::json!({})
            )
            .await?,
        404
    );
    assert_eq!(
        central
            .get_as(&khadija, &format!("/v1/cases/{id}"))
            .await?
            .0,
        200
    );

    // Through the app: A's queue does not list it, whatever the filter.
    let (_driver, c) = staff_app(&central).await?;
    staff_sign_in(&c, "fatima").await?;
    wait_attr(&c, "#staff-queue", "data-count", "0").await?;
    for status in ["new", "closed"] {
        choose(&c, "#queue-filter-status", status).await?;
        wait_attr(&c, "#staff-queue", "data-count", "0").await?;
    }
    assert!(c
        .find(Locator::Css(&format!("li[data-id='{id}']")))
        .await
        .is_err());
    screenshot(&c, "staff-field-worker-a").await?;

    // B, in the same app after A signs out, sees it and opens it.
    staff_sign_out(&c).await?;
    staff_sign_in(&c, "khadija").await?;
    choose(&c, "#queue-filter-status", "").await?;
    click(&c, &format!("#staff-queue li[data-id='{id}'] .queue-open")).await?;
    wait_attr(&c, "#case-view", "data-id", &id.to_string()).await?;
    eventually("her words in the case", Duration::from_secs(10), || async {
        body_text(&c)
            .await
            .contains("center-b walk-in")
            .then_some(())
    })
    .await?;
    c.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_case_from_arrival_to_referral_and_closure_with_consent_enforced() -> Result<()> {
    let central = Central::start()?;
    // The directory the referral's organisation is chosen from.
    let dir = tempfile::tempdir()?;
    let listings = dir.path().join("directory.json");
    std::fs::write(
        &listings,
        serde_json::json!([{
            "id": "sample-police-rabat",
            "kind": "service",
            "category": "police",
            "region": 4,
            "town": "Rabat",
            "title": {"fr": "Commissariat (exemple)", "ar": "مفوضية الشرطة (مثال)"},
            "sample": true
        }])
        .to_string(),
    )?;
    central.publish_directory(&listings)?;
    central.add_staff("salma", "listener", &[])?;
    central.add_staff("nadia", "supervisor", &[])?;

    // An alert from a real device: she consented to contact, not to referral.
    let her = phone(&central).await?;
    her.data.set_locale(kulna_model::Locale::Ary)?;
    let id = her.data.raise_alert(Some(4))?;
    her.engine.record_saved(RecordKind::Alert);
    wait_in_service_queue(&central, id).await?;

    let (_driver, c) = staff_app(&central).await?;
    staff_sign_in(&c, "salma").await?;
    click(&c, &format!("#staff-queue li[data-id='{id}'] .queue-open")).await?;
    wait_attr(&c, "#case-view", "data-status", "new").await?;
    wait_attr(&c, "#case-language", "data-lang", "ary").await?;
    wait_attr(&c, "#case-consents", "data-referral", "false").await?;
    // She consented to contact: the call-back section is there.
    assert!(c.find(Locator::Css("#case-callback")).await.is_ok());
    click(&c, "#case-ack").await?;
    wait_attr(&c, "#case-view", "data-status", "acknowledged").await?;

    // A listener's referral without her consent is refused.
    choose(&c, "#refer-destination", "police").await?;
    assert!(c.find(Locator::Css("#refer-no-consent")).await.is_ok());
    assert!(
        c.find(Locator::Css("#refer-override")).await.is_err(),
        "only a supervisor is offered an override"
    );
    click(&c, "#refer-submit").await?;
    wait_attr(&c, "#case-error", "data-kind", "forbidden").await?;
    assert!(c.find(Locator::Css("#case-referrals")).await.is_err());
    screenshot(&c, "staff-referral-refused").await?;

    // A supervisor overrides, with a reason.
    click(&c, "#case-back").await?;
    staff_sign_out(&c).await?;
    staff_sign_in(&c, "nadia").await?;
    click(&c, &format!("#staff-queue li[data-id='{id}'] .queue-open")).await?;
    wait_attr(&c, "#case-view", "data-status", "acknowledged").await?;
    choose(&c, "#refer-destination", "police").await?;
    // The police station is picked from the directory, near her region.
    choose(&c, "#refer-listing", "sample-police-rabat").await?;
    type_into(&c, "#refer-override", "children at risk tonight").await?;
    type_into(&c, "#refer-message", "The police of Rabat will call you.").await?;
    click(&c, "#refer-submit").await?;
    wait_attr(&c, "#case-view", "data-status", "referred").await?;
    wait_attr(&c, "#case-referrals li.referral", "data-override", "true").await?;
    wait_attr(
        &c,
        "#case-referrals .referral-listing",
        "data-listing",
        "sample-police-rabat",
    )
    .await?;
    eventually("the station's name", Duration::from_secs(10), || async {
        kulna_e2e::text(&c, "#case-referrals .referral-listing")
            .await
            .filter(|t| t.contains("مفوضية الشرطة"))
    })
    .await?;
    screenshot(&c, "staff-referral-listing").await?;

    // The lifecycle: accepted, then done.
    click(&c, "#case-referrals li.referral .referral-accept").await?;
    wait_attr(&c, "#case-referrals li.referral", "data-status", "accepted").await?;
    click(&c, "#case-referrals li.referral .referral-done").await?;
    wait_attr(&c, "#case-referrals li.referral", "data-status", "done").await?;

    // A note, a message to her phone, and closure; all in the history.
    type_into(&c, "#case-note", "called her back at the safe time").await?;
    click(&c, "#case-note-add").await?;
    wait_attr(&c, "#case-done", "data-action", "staff-done-note").await?;
    type_into(&c, "#case-message", "The police will contact you.").await?;
    click(&c, "#case-message-send").await?;
    wait_attr(&c, "#case-done", "data-action", "staff-done-message").await?;
    click(&c, "#case-close").await?;
    wait_attr(&c, "#case-view", "data-status", "closed").await?;
    for action in [
        "acknowledge",
        "refer",
        "referral_update",
        "note",
        "message",
        "close",
    ] {
        assert!(
            c.find(Locator::Css(&format!(
                "#case-history li[data-action='{action}']"
            )))
            .await
            .is_ok(),
            "{action} is not in the history"
        );
    }
    // The history says the referral's steps in her language, not in codes.
    let update = kulna_e2e::text(
        &c,
        "#case-history li[data-action='referral_update'] .event-detail",
    )
    .await
    .unwrap_or_default();
    assert!(
        update.contains("الشرطة") && !update.contains("->"),
        "{update}"
    );
    screenshot(&c, "staff-case-closed").await?;

    // Her phone learns of it.
    her.engine.send_now();
    eventually(
        "her phone sees the case closed",
        Duration::from_secs(15),
        || async {
            let cases = her.data.my_cases().ok()?;
            let case = cases.into_iter().find(|c| c.id == id)?;
            (case.status == Some(kulna_model::api::CaseStatus::Closed)
                && case
                    .messages
                    .iter()
                    .any(|m| m == "The police will contact you.")
                && case
                    .messages
                    .iter()
                    .any(|m| m == "The police of Rabat will call you."))
            .then_some(())
        },
    )
    .await?;

    // The audit log names the override.
    click(&c, "#case-back").await?;
    click(&c, "#staff-tab-audit").await?;
    wait_attr(
        &c,
        "#audit-log tr.audit-entry[data-action='consent_override']",
        "data-case",
        &id.to_string(),
    )
    .await?;
    screenshot(&c, "staff-audit-log").await?;
    click(&c, "#staff-tab-stats").await?;
    eventually("the statistics drawn", Duration::from_secs(10), || async {
        c.find(Locator::Css("#stats-map g.stats-region")).await.ok()
    })
    .await?;
    screenshot(&c, "staff-stats").await?;

    // Her account disabled: the next action sends her back to sign-in, saying why.
    central.disable_staff("nadia")?;
    click(&c, "#staff-tab-queue").await?;
    wait_attr(&c, "#staff", "data-signed-in", "false").await?;
    assert!(attr(&c, "#staff-notice", "role").await.is_some());
    screenshot(&c, "staff-session-ended").await?;
    c.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_walk_in_intake_made_offline_reaches_the_centers_queue_once() -> Result<()> {
    let mut central = Central::start()?;
    central.add_center("center-a", "Centre A", 6)?;
    central.add_staff("fatima", "field_worker", &["--center", "center-a"])?;
    central.add_staff("nadia", "supervisor", &[])?;

    // Signing in on the center's laptop links it to the center (once it is
    // registered with the service: the audit log says when).
    let (_driver, c) = staff_app(&central).await?;
    // A link needs the laptop registered with the service: "send now"
    // makes sure it is before the link is awaited below. (Had the intake
    // gone out before the link, the link would still bring it into the
    // center's queue: the service's staff story tests that.)
    send_now(&c).await?;
    staff_sign_in(&c, "fatima").await?;
    let fatima = central.login("fatima").await?;
    let (_, audit_free_queue) = central.get_as(&fatima, "/v1/queue").await?;
    assert_eq!(audit_free_queue["items"].as_array().map(Vec::len), Some(0));
    let nadia = central.login("nadia").await?;
    eventually(
        "the laptop linked to the center",
        Duration::from_secs(20),
        || async {
            let (_, audit) = central.get_as(&nadia, "/v1/audit").await.ok()?;
            audit["entries"]
                .as_array()?
                .iter()
                .any(|e| e["action"] == "device_link")
                .then_some(())
        },
    )
    .await?;

    // The connection is gone; the intake is taken anyway.
    central.stop();
    click(&c, "#staff-tab-intake").await?;
    choose(&c, "#intake-region", "06").await?;
    click(&c, "#intake-violence-psychological").await?;
    type_into(
        &c,
        "#intake-text",
        "intake-sentinel: she came in this morning",
    )
    .await?;
    tick(&c, "#intake-consent-services").await?;
    tick(&c, "#intake-consent-contact").await?;
    type_into(&c, "#intake-safe-times", "mornings").await?;
    click(&c, "#intake-submit").await?;
    wait_attr(&c, "#intake-saved", "role", "status").await?;
    screenshot(&c, "staff-intake-saved").await?;

    // Back online: "send now", and it is in the center's queue, once.
    central.start_again()?;
    click(&c, "#staff-close").await?;
    send_now(&c).await?;
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;
    click(&c, "#staff-entry").await?;
    wait_attr(&c, "#staff", "data-signed-in", "true").await?;
    let id = eventually(
        "the intake in the queue",
        Duration::from_secs(15),
        || async {
            let item = c
                .find(Locator::Css(
                    "#staff-queue li.queue-item[data-kind='intake']",
                ))
                .await
                .ok()?;
            item.attr("data-id").await.ok()?
        },
    )
    .await?;
    let fatima = central.login("fatima").await?;
    let (_, queue) = central.get_as(&fatima, "/v1/queue").await?;
    let items = queue["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["id"].as_str(), Some(id.as_str()));
    assert_eq!(items[0]["center_id"].as_str(), Some("center-a"));
    click(&c, &format!("#staff-queue li[data-id='{id}'] .queue-open")).await?;
    eventually("her words in the case", Duration::from_secs(10), || async {
        body_text(&c)
            .await
            .contains("intake-sentinel: she came in this morning")
            .then_some(())
    })
    .await?;
    c.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_supervisor_sees_the_statistics_as_pictures_and_a_table() -> Result<()> {
    let central = Central::start()?;
    central.add_staff("nadia", "supervisor", &[])?;
    // Six requests from Casablanca-Settat, two from Tanger: counted only with
    // her consent, and a count under five is not shown.
    let her = phone(&central).await?;
    let consenting = kulna_model::record::RecordPayload {
        consents: kulna_model::record::Consents {
            statistics: true,
            ..Default::default()
        },
        support_topic: Some(kulna_model::record::SupportTopic::Job),
        ..Default::default()
    };
    for region in [6, 6, 6, 6, 6, 6, 1, 1] {
        her.data.submit_support_request(Some(region), &consenting)?;
    }
    // One without consent to statistics: not counted.
    her.data
        .submit_support_request(Some(6), &kulna_model::record::RecordPayload::default())?;
    her.engine.record_saved(RecordKind::SupportRequest);
    eventually(
        "all nine on the service",
        Duration::from_secs(20),
        || async {
            let n = central.queued(RecordKind::SupportRequest).await.ok()?.len();
            (n == 9).then_some(())
        },
    )
    .await?;

    let (_driver, c) = staff_app(&central).await?;
    staff_sign_in(&c, "nadia").await?;
    click(&c, "#staff-tab-stats").await?;
    wait_attr(
        &c,
        "#stats-map g.stats-region[data-region='6']",
        "data-count",
        "6",
    )
    .await?;
    assert_eq!(
        attr(
            &c,
            "#stats-map g.stats-region[data-region='1']",
            "data-count"
        )
        .await
        .as_deref(),
        Some("<5")
    );
    // A bar for this month, and the same figures in the table beside.
    assert!(c
        .find(Locator::Css("#stats-bars g.stats-bar"))
        .await
        .is_ok());
    let table = kulna_e2e::text(&c, "#stats-regions")
        .await
        .unwrap_or_default();
    assert!(table.contains('6'), "{table}");
    screenshot(&c, "staff-stats-drawn").await?;
    c.close().await?;
    Ok(())
}
