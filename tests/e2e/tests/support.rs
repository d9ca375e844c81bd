//! A request for help with work or training, sent without any PIN.

use anyhow::Result;
use fantoccini::Locator;
use kulna_e2e::{app_with_service, choose, click, screenshot, tick, wait_attr};
use kulna_model::record::{AgeGroup, SupportTopic};

#[tokio::test(flavor = "multi_thread")]
async fn a_support_request_reaches_the_service() -> Result<()> {
    let (central, _driver, c) = app_with_service().await?;
    wait_attr(&c, "main", "data-lock", "not_set_up").await?;
    // French this time: the form follows her language.
    click(&c, "#lang-fr").await?;
    wait_attr(&c, "main", "data-saved-locale", "fr").await?;

    click(&c, "#open-support").await?;
    c.wait().for_element(Locator::Css("#support")).await?;
    choose(&c, "#support-topic", "vocational_training").await?;
    choose(&c, "#support-region", "03").await?;
    choose(&c, "#support-age", "18_24").await?;
    choose(&c, "#support-schooling", "secondary").await?;
    c.find(Locator::Css("#support-text"))
        .await?
        .send_keys("couture, je voudrais une formation à Fès")
        .await?;
    tick(&c, "#support-consent-statistics").await?;
    screenshot(&c, "support-form-fr").await?;
    click(&c, "#support-submit").await?;
    c.wait().for_element(Locator::Css("#support-sent")).await?;
    wait_attr(&c, "#outbox-waiting", "data-count", "0").await?;

    let requests = central
        .queued(kulna_model::RecordKind::SupportRequest)
        .await?;
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0].region, Some(3));
    let case = central.open_case(&requests[0].id).await?;
    let payload = case.payload.expect("a decrypted payload");
    assert_eq!(
        payload.support_topic,
        Some(SupportTopic::VocationalTraining)
    );
    assert_eq!(payload.age_group, Some(AgeGroup::From18To24));
    assert_eq!(payload.language, Some(kulna_model::Locale::Fr));
    assert!(case.consents.statistics && !case.consents.contact);
    c.close().await?;
    Ok(())
}
