//! The directory end to end: the service publishes the shipped directory,
//! the app receives it, the service goes away, and she still finds, in
//! Arabic and in French, the training listings of her region; opens one,
//! sees it is a sample, calls a service, saves a listing with her PIN and
//! finds it again after a restart.

use anyhow::{anyhow, Result};
use fantoccini::{Client, Locator};
use kulna_e2e::{
    attr, body_text, choose, click, eventually, screenshot, set_first_pin, shipped_directory,
    type_into, wait_attr, Central, Driver,
};
use std::collections::BTreeSet;
use std::time::Duration;

const TRAINING: &str = "sample-fes-couture";

/// Types `query` in the search box and returns the ids of the results
/// shown for exactly that text.
async fn search(c: &Client, query: &str) -> Result<BTreeSet<String>> {
    type_into(c, "#directory-search", query).await?;
    results_for(c, query).await
}

/// The ids listed once the results answer `query`.
async fn results_for(c: &Client, query: &str) -> Result<BTreeSet<String>> {
    let found = eventually(
        &format!("results for {query:?}"),
        Duration::from_secs(15),
        || async {
            if attr(c, "#directory-results", "data-query").await.as_deref() != Some(query) {
                return None;
            }
            let ids = attr(c, "#directory-results", "data-ids").await?;
            Some(
                ids.split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        },
    )
    .await;
    match found {
        Ok(ids) => Ok(ids),
        Err(e) => {
            // Say what the screen showed instead.
            let shown = attr(c, "#directory-results", "data-query").await;
            let error = attr(c, "#directory-error", "data-error").await;
            let search = value_of(c, "#directory-search").await.unwrap_or_default();
            Err(e.context(format!(
                "results are for {shown:?}; the search box holds {search:?}; error {error:?}; \
                 the screen says: {}",
                body_text(c).await
            )))
        }
    }
}

/// Waits until the shown results differ from `before` (a filter changed).
async fn results_change(
    c: &Client,
    query: &str,
    before: &BTreeSet<String>,
) -> Result<BTreeSet<String>> {
    eventually(
        "the results to follow the filter",
        Duration::from_secs(15),
        || async {
            let now = results_for(c, query).await.ok()?;
            (now != *before).then_some(now)
        },
    )
    .await
}

async fn value_of(c: &Client, css: &str) -> Result<String> {
    let v = c
        .execute(
            "return document.querySelector(arguments[0]).value",
            vec![css.into()],
        )
        .await?;
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("{css} has no value"))
}

/// Brings the results into view for a screenshot.
async fn show_results(c: &Client) -> Result<()> {
    c.execute(
        "document.getElementById('directory-search').scrollIntoView({block: 'start'})",
        vec![],
    )
    .await?;
    Ok(())
}

async fn open_directory(c: &Client) -> Result<()> {
    click(c, "#open-directory").await?;
    c.wait().for_element(Locator::Css("#directory")).await?;
    Ok(())
}

async fn close_directory(c: &Client) -> Result<()> {
    click(c, "#directory-close").await?;
    c.wait()
        .for_element(Locator::Css("#open-directory"))
        .await?;
    Ok(())
}

async fn open_listing(c: &Client, id: &str) -> Result<()> {
    click(c, &format!("#listing-{id}")).await?;
    wait_attr(c, "#listing-detail", "data-id", id).await?;
    c.wait().for_element(Locator::Css("#listing-title")).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn she_finds_saves_and_keeps_listings_offline_in_arabic_and_french() -> Result<()> {
    let mut central = Central::start()?;
    assert_eq!(central.publish_directory(&shipped_directory())?, 1);
    let key = central.sealing_key().await?;
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    wait_attr(&c, "main", "data-lock", "not_set_up").await?;
    click(&c, "#lang-ar").await?;
    wait_attr(&c, "main", "data-saved-locale", "ar").await?;

    // The first sync brings the signed directory; then the service goes away.
    open_directory(&c).await?;
    wait_attr(&c, "#directory-age", "data-version", "1").await?;
    wait_attr(&c, "#directory-age", "data-listings", "19").await?;
    central.stop();
    assert!(c.find(Locator::Css("#directory-offline")).await.is_ok());

    // Arabic, with and without the article: the same listings, the Fès
    // training among them.
    let with_article = search(&c, "التكوين").await?;
    let without = search(&c, "تكوين").await?;
    assert!(without.contains(TRAINING), "{without:?}");
    assert_eq!(with_article, without);
    // Oujda's training (region 02) is there until she picks Fès-Meknès.
    assert!(without.contains("sample-oujda-informatique"), "{without:?}");
    show_results(&c).await?;
    screenshot(&c, "directory-ar").await?;

    choose(&c, "#directory-region", "03").await?;
    let in_region = results_change(&c, "تكوين", &without).await?;
    assert!(in_region.contains(TRAINING), "{in_region:?}");
    assert!(
        !in_region.contains("sample-oujda-informatique"),
        "{in_region:?}"
    );
    // National programmes stay: they are for every region.
    assert!(in_region.contains("programme-ofppt"), "{in_region:?}");
    show_results(&c).await?;
    screenshot(&c, "directory-ar-region").await?;

    // The detail says it is a sample; saving needs a PIN she has not chosen yet.
    open_listing(&c, TRAINING).await?;
    let sample = c
        .find(Locator::Css("#listing-sample"))
        .await?
        .text()
        .await?;
    assert!(sample.contains("مثال"), "{sample}");
    assert!(body_text(&c).await.contains("31/03/2027"));
    click(&c, "#listing-save").await?;
    wait_attr(
        &c,
        "#listing-save-status",
        "data-note",
        "directory-save-locked",
    )
    .await?;
    wait_attr(&c, "#listing-detail", "data-saved", "false").await?;
    screenshot(&c, "directory-ar-detail").await?;

    // "Ask a listener about this" opens the request form, filled in.
    click(&c, "#listing-ask").await?;
    c.wait().for_element(Locator::Css("#support")).await?;
    assert_eq!(value_of(&c, "#support-topic").await?, "vocational_training");
    assert_eq!(value_of(&c, "#support-region").await?, "03");
    assert!(value_of(&c, "#support-text").await?.contains("الخياطة"));
    click(&c, "#support-cancel").await?;
    wait_attr(&c, "#listing-detail", "data-id", TRAINING).await?;

    // A service with a phone: the call link.
    click(&c, "#listing-back").await?;
    choose(&c, "#directory-region", "").await?;
    click(&c, "#directory-kind-service").await?;
    choose(&c, "#directory-category", "listening_center").await?;
    let centers = search(&c, "استماع").await?;
    assert_eq!(
        centers.into_iter().collect::<Vec<_>>(),
        vec!["sample-tanger-ecoute"]
    );
    open_listing(&c, "sample-tanger-ecoute").await?;
    assert_eq!(
        attr(&c, "#listing-call", "href").await.as_deref(),
        Some("tel:8350")
    );
    // Call, open the address, write: each goes to the phone's own app, and
    // the app stays where it was.
    click(&c, "#listing-call").await?;
    click(&c, "#listing-map").await?;
    click(&c, "#listing-contact").await?;
    let opened = eventually("the links handed over", Duration::from_secs(10), || async {
        let opened = driver.opened();
        (opened.len() >= 3).then_some(opened)
    })
    .await?;
    assert_eq!(opened[0], "tel:8350");
    assert!(opened[1].starts_with("geo:0,0?q="), "{opened:?}");
    assert!(
        opened[1].contains("%D8%B7%D9%86%D8%AC%D8%A9"),
        "Tanger in Arabic: {opened:?}"
    );
    assert_eq!(opened[2], "mailto:ecoute.exemple@example.org");
    wait_attr(&c, "#listing-detail", "data-id", "sample-tanger-ecoute").await?;
    screenshot(&c, "directory-ar-service").await?;
    click(&c, "#listing-back").await?;
    close_directory(&c).await?;

    // French: "Fes" finds Fès.
    click(&c, "#lang-fr").await?;
    wait_attr(&c, "main", "data-saved-locale", "fr").await?;
    open_directory(&c).await?;
    let fes = search(&c, "Fes").await?;
    assert!(fes.contains(TRAINING), "{fes:?}");
    let card = text(&c, &format!("#listing-{TRAINING}")).await;
    assert!(card.contains("Fès") && card.contains("exemple"), "{card}");
    show_results(&c).await?;
    screenshot(&c, "directory-fr").await?;

    // Nothing found says so, and clearing the filters brings listings back.
    assert!(search(&c, "zzqxw").await?.is_empty());
    c.wait()
        .for_element(Locator::Css("#directory-empty"))
        .await?;
    click(&c, "#directory-clear").await?;
    let all = results_for(&c, "").await?;
    assert_eq!(all.len(), 19, "{all:?}");
    close_directory(&c).await?;

    // With a PIN, she saves the training.
    set_first_pin(&c, "2468").await?;
    open_directory(&c).await?;
    search(&c, "Fes").await?;
    open_listing(&c, TRAINING).await?;
    click(&c, "#listing-save").await?;
    wait_attr(
        &c,
        "#listing-save-status",
        "data-note",
        "directory-saved-ok",
    )
    .await?;
    wait_attr(&c, "#listing-detail", "data-saved", "true").await?;
    screenshot(&c, "directory-fr-saved").await?;

    // After a restart (still offline): locked, the saved list waits for
    // the PIN; the directory itself does not.
    c.close().await?;
    let c = driver.launch().await?;
    wait_attr(&c, "main", "data-lock", "locked").await?;
    open_directory(&c).await?;
    wait_attr(&c, "#directory-age", "data-version", "1").await?;
    assert!(search(&c, "couture").await?.contains(TRAINING));
    click(&c, "#directory-tab-saved").await?;
    c.wait().for_element(Locator::Css("#saved-locked")).await?;
    close_directory(&c).await?;
    type_into(&c, "#pin-unlock", "2468").await?;
    click(&c, "#unlock-button").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    open_directory(&c).await?;
    click(&c, "#directory-tab-saved").await?;
    wait_attr(&c, "#saved-listings", "data-ids", TRAINING).await?;
    screenshot(&c, "directory-fr-saved-after-restart").await?;

    // Quick exit from the directory: nothing of it stays on screen, and her
    // PIN on the calculator brings back the home screen, not the directory.
    click(&c, "#quick-exit").await?;
    c.wait().for_element(Locator::Css("#calculator")).await?;
    assert!(c.find(Locator::Css("#directory")).await.is_err());
    assert!(!body_text(&c).await.contains("couture"));
    for k in ["2", "4", "6", "8", "="] {
        click(&c, &format!(".calc-key[data-key='{k}']")).await?;
    }
    wait_attr(&c, "main", "data-lock", "unlocked").await?;
    c.wait()
        .for_element(Locator::Css("#open-directory"))
        .await?;
    assert!(c.find(Locator::Css("#directory")).await.is_err());
    c.close().await?;
    Ok(())
}

/// A directory of `n` listings, large enough that its first download
/// takes a moment.
fn large_directory(dir: &std::path::Path, n: usize) -> Result<std::path::PathBuf> {
    let about = "Accueil, écoute et orientation des femmes; formation et emploi. ".repeat(4);
    let entries: Vec<_> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("centre-{i:05}"),
                "kind": "service",
                "category": "shelter",
                "region": 1 + i % 12,
                "title": {"ar": format!("مركز الاستماع رقم {i}"), "fr": format!("Centre d'écoute n° {i}")},
                "summary": {"ar": "استقبال النساء والاستماع إليهن وتوجيههن.", "fr": about},
            })
        })
        .collect();
    let file = dir.join("directory.json");
    std::fs::write(&file, serde_json::to_vec(&entries)?)?;
    Ok(file)
}

/// The first download of the directory shows how far it got, and the
/// listings appear as soon as it ends.
#[tokio::test(flavor = "multi_thread")]
async fn the_first_directory_download_shows_progress() -> Result<()> {
    const LISTINGS: usize = 3_000;
    let mut central = Central::start()?;
    let files = tempfile::tempdir()?;
    assert_eq!(
        central.publish_directory(&large_directory(files.path(), LISTINGS)?)?,
        1
    );
    let key = central.sealing_key().await?;
    // The service is away when she first opens the directory.
    central.stop();
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    wait_attr(&c, "main", "data-lock", "not_set_up").await?;
    click(&c, "#lang-fr").await?;
    wait_attr(&c, "main", "data-saved-locale", "fr").await?;
    open_directory(&c).await?;
    wait_attr(&c, "#directory-age", "data-version", "0").await?;
    assert!(text(&c, "#directory-age").await.contains("pas encore"));
    assert!(c.find(Locator::Css("#directory-receiving")).await.is_err());

    // Every state of the download, as the page showed it.
    c.execute(
        "window.kulnaDownload = [];
         new MutationObserver(() => {
           const e = document.getElementById('directory-receiving');
           if (e) window.kulnaDownload.push([e.dataset.percent, e.dataset.saving, e.textContent]);
         }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});",
        vec![],
    )
    .await?;
    central.start_again()?;
    click(&c, "#directory-refresh").await?;
    wait_attr(&c, "#directory-age", "data-listings", &LISTINGS.to_string()).await?;
    let shown: Vec<(String, String, String)> =
        serde_json::from_value(c.execute("return window.kulnaDownload", vec![]).await?)?;
    assert!(!shown.is_empty(), "no download progress was shown");
    println!(
        "{} states of the download shown, first {:?}, last {:?}",
        shown.len(),
        shown.first(),
        shown.last()
    );
    assert!(
        shown.iter().all(|(p, _, text)| text.contains("annuaire")
            && (p.is_empty() || p.parse::<u8>().is_ok_and(|p| p <= 100))),
        "{shown:?}"
    );
    // It goes away once the listings are here, and they are found.
    eventually(
        "the progress line to go",
        Duration::from_secs(5),
        || async {
            c.find(Locator::Css("#directory-receiving"))
                .await
                .is_err()
                .then_some(())
        },
    )
    .await?;
    let found = search(&c, "écoute").await?;
    assert!(found.contains("centre-00042"), "{found:?}");
    c.close().await?;
    Ok(())
}

async fn text(c: &Client, css: &str) -> String {
    kulna_e2e::text(c, css).await.unwrap_or_default()
}
