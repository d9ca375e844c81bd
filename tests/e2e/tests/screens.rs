//! Every screen once in every locale: the page's language and direction,
//! no message left untranslated on screen (a missing message shows its id),
//! and a screenshot of each, kept as an artifact.

use anyhow::{bail, Result};
use fantoccini::{Client, Locator};
use kulna_e2e::{
    body_text, click, eventually, screenshot, set_first_pin, shipped_directory, type_into,
    wait_attr, Central, Driver,
};
use kulna_model::Locale;
use std::collections::BTreeSet;
use std::time::Duration;

const PIN: &str = "2580";
const LISTING: &str = "sample-fes-couture";

/// Every message id of the catalog, in any locale.
fn all_ids() -> BTreeSet<String> {
    Locale::ALL
        .into_iter()
        .flat_map(kulna_i18n::message_ids)
        .collect()
}

/// The message ids the page shows as words: a message missing in the
/// locale (and in its fallbacks) is shown as its id.
fn ids_shown(text: &str, ids: &BTreeSet<String>) -> Vec<String> {
    text.split(|ch: char| ch.is_whitespace() || matches!(ch, '«' | '»' | '(' | ')' | ':' | ','))
        .filter(|word| ids.contains(*word))
        .map(str::to_owned)
        .collect()
}

/// Checks the screen now shown, brings `anchor` to the top and keeps a
/// screenshot named after the screen and the locale.
async fn check(
    c: &Client,
    ids: &BTreeSet<String>,
    locale: Locale,
    screen: &str,
    anchor: &str,
) -> Result<()> {
    assert_eq!(
        kulna_e2e::root_attr(c, "lang").await.as_deref(),
        Some(locale.code()),
        "{screen}"
    );
    assert_eq!(
        kulna_e2e::root_attr(c, "dir").await.as_deref(),
        Some(locale.direction().as_str()),
        "{screen} in {}",
        locale.code()
    );
    let text = body_text(c).await;
    let missing = ids_shown(&text, ids);
    if !missing.is_empty() {
        bail!(
            "{screen} in {} shows message ids instead of text: {missing:?}",
            locale.code()
        );
    }
    c.execute(
        "const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'start'})",
        vec![anchor.into()],
    )
    .await?;
    screenshot(c, &format!("screen-{screen}-{}", locale.code())).await?;
    Ok(())
}

async fn switch_to(c: &Client, locale: Locale) -> Result<()> {
    click(c, &format!("#lang-{}", locale.code())).await?;
    eventually(
        &format!("<html lang={}>", locale.code()),
        Duration::from_secs(10),
        || async {
            (kulna_e2e::root_attr(c, "lang").await.as_deref() == Some(locale.code())).then_some(())
        },
    )
    .await?;
    wait_attr(c, "main", "data-saved-locale", locale.code()).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_every_locale() -> Result<()> {
    let ids = all_ids();
    // The check itself can fail: an id on the page is caught.
    assert_eq!(
        ids_shown("Envoyer report-heading maintenant", &ids),
        vec!["report-heading"]
    );

    let mut central = Central::start()?;
    assert_eq!(central.publish_directory(&shipped_directory())?, 1);
    let key = central.sealing_key().await?;
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    set_first_pin(&c, PIN).await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;

    for locale in Locale::ALL {
        switch_to(&c, locale).await?;

        // Home, and her screens reached from it.
        check(&c, &ids, locale, "home", "main").await?;
        for screen in ["cases", "safety", "settings"] {
            kulna_e2e::show(&c, screen).await?;
            check(&c, &ids, locale, screen, "main").await?;
        }
        kulna_e2e::go_home(&c).await?;

        // A report, then thrown away.
        click(&c, "#open-report").await?;
        c.wait().for_element(Locator::Css("#report")).await?;
        check(&c, &ids, locale, "report", "#report").await?;
        click(&c, "#report-discard").await?;
        c.wait().for_element(Locator::Css("#open-report")).await?;

        // A request for help with work or training, not sent.
        click(&c, "#open-support").await?;
        c.wait().for_element(Locator::Css("#support")).await?;
        check(&c, &ids, locale, "support", "#support").await?;
        click(&c, "#support-cancel").await?;
        c.wait().for_element(Locator::Css("#open-support")).await?;

        // The directory: the list, then one listing.
        click(&c, "#open-directory").await?;
        c.wait().for_element(Locator::Css("#directory")).await?;
        wait_attr(&c, "#directory-age", "data-version", "1").await?;
        type_into(&c, "#directory-search", "تكوين").await?;
        c.wait()
            .for_element(Locator::Css(&format!("#listing-{LISTING}")))
            .await?;
        check(&c, &ids, locale, "directory", "#directory").await?;
        click(&c, &format!("#listing-{LISTING}")).await?;
        wait_attr(&c, "#listing-detail", "data-id", LISTING).await?;
        check(&c, &ids, locale, "listing", "#directory").await?;
        click(&c, "#listing-back").await?;
        click(&c, "#directory-close").await?;
        c.wait()
            .for_element(Locator::Css("#open-directory"))
            .await?;

        // The staff entry, signed out.
        click(&c, "#staff-entry").await?;
        wait_attr(&c, "#staff", "data-signed-in", "false").await?;
        check(&c, &ids, locale, "staff-sign-in", "#staff").await?;
        click(&c, "#staff-close").await?;
        c.wait().for_element(Locator::Css("#open-support")).await?;

        // Locked: what anyone holding the phone sees.
        kulna_e2e::lock(&c).await?;
        wait_attr(&c, "main", "data-lock", "locked").await?;
        check(&c, &ids, locale, "locked", "main").await?;
        type_into(&c, "#pin-unlock", PIN).await?;
        click(&c, "#unlock-button").await?;
        wait_attr(&c, "main", "data-lock", "unlocked").await?;
    }

    central.stop();
    c.close().await?;
    Ok(())
}
