//! The quality bars for people who read little, use one thumb, a screen
//! reader or a keyboard, checked on the real page: every control has a
//! name, every touch target is at least 44 px high, text contrast meets
//! WCAG AA, and every control shows where the keyboard focus is.

use anyhow::{bail, Result};
use fantoccini::{Client, Locator};
use kulna_e2e::{click, screenshot, set_first_pin, shipped_directory, wait_attr, Central, Driver};
use kulna_model::Locale;

/// Finds what the page gets wrong; an empty list when nothing.
const AUDIT: &str = r#"
const problems = [];
const visible = (e) => {
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
};
const where = (e) => (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + (e.className || '')) ;
const text = (e) => (e ? (e.innerText || e.textContent || '') : '');
function accessibleName(e) {
  if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');
  const by = e.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ');
  if (e.id) {
    const l = document.querySelector('label[for="' + e.id + '"]');
    if (l) return text(l);
  }
  const wrap = e.closest('label');
  if (wrap) return text(wrap);
  if (e.title) return e.title;
  return text(e);
}
// Names and targets.
for (const e of document.querySelectorAll('button, a[href], input, select, textarea, summary')) {
  if (!visible(e)) continue;
  if (!accessibleName(e).trim()) problems.push('no name: ' + where(e));
  const tick = e.tagName === 'INPUT' && (e.type === 'checkbox' || e.type === 'radio');
  const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline';
  const target = tick ? (e.closest('label') || e) : e;
  const h = target.getBoundingClientRect().height;
  if (!inline && h < 43.5) problems.push('target ' + Math.round(h) + ' px: ' + where(e));
}
// A visible keyboard focus: every control is styled by a `:focus-visible`
// rule that draws a ring. (Under a test display the window itself may not
// hold the system focus, so the rule is checked rather than the pixels.)
const rings = [];
for (const sheet of document.styleSheets) {
  for (const r of sheet.cssRules) {
    if (!r.selectorText || !r.selectorText.includes(':focus-visible')) continue;
    const drawn = (r.style.outlineStyle && r.style.outlineStyle !== 'none') || (r.style.boxShadow && r.style.boxShadow !== 'none');
    if (drawn) rings.push(r.selectorText.replace(/:focus-visible/g, ''));
  }
}
for (const e of document.querySelectorAll('button, a[href], input, select, textarea, summary')) {
  if (!visible(e)) continue;
  const ringed = rings.some((sel) => { try { return e.matches(sel); } catch (_) { return false; } });
  if (!ringed) problems.push('no focus ring: ' + where(e));
}
// Contrast of every piece of text against what is behind it.
const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
const lum = ([r, g, b]) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const background = (e) => {
  for (let n = e; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
  }
  return [255, 255, 255];
};
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let t = walker.nextNode(); t; t = walker.nextNode()) {
  const e = t.parentElement;
  if (!t.textContent.trim() || !e || seen.has(e) || !visible(e)) continue;
  if (e.closest('svg, option, [disabled], [aria-disabled="true"]')) continue;
  seen.add(e);
  const s = getComputedStyle(e);
  const fg = rgb(s.color).slice(0, 3);
  const bg = background(e);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  const ratio = (a + 0.05) / (b + 0.05);
  const size = parseFloat(s.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    problems.push('contrast ' + ratio.toFixed(2) + ': ' + where(e) + ' "' + t.textContent.trim().slice(0, 30) + '"');
  }
}
return problems;
"#;

async fn audit(c: &Client, screen: &str) -> Result<()> {
    let found = c.execute(AUDIT, vec![]).await?;
    let problems: Vec<String> = serde_json::from_value(found)?;
    if !problems.is_empty() {
        screenshot(c, &format!("access-{screen}")).await?;
        bail!("{screen}: {}", problems.join("; "));
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_meets_the_access_bars() -> Result<()> {
    let mut central = Central::start()?;
    central.publish_directory(&shipped_directory())?;
    let key = central.sealing_key().await?;
    let driver = Driver::start_with(Some(&central.url), &[("KULNA_SERVICE_KEY", &key)]).await?;
    let c = driver.launch().await?;
    // The audit itself can fail: a nameless, small button and faint text
    // put on the page are found, then taken away.
    c.execute(
        "const b = document.createElement('button'); b.id = 'probe'; b.style.height = '20px';
         document.body.appendChild(b);
         const p = document.createElement('p'); p.id = 'probe-text'; p.textContent = 'faint';
         p.style.color = '#dddddd'; document.body.appendChild(p);",
        vec![],
    )
    .await?;
    let found: Vec<String> = serde_json::from_value(c.execute(AUDIT, vec![]).await?)?;
    for wanted in ["no name: #probe", "target 20 px: #probe", "contrast"] {
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(wanted) || p.contains(wanted)),
            "{wanted} in {found:?}"
        );
    }
    c.execute(
        "document.getElementById('probe').remove(); document.getElementById('probe-text').remove();",
        vec![],
    )
    .await?;
    audit(&c, "home-no-pin").await?;
    set_first_pin(&c, "3690").await?;
    wait_attr(&c, "main", "data-lock", "unlocked").await?;

    for locale in [Locale::Ar, Locale::Fr] {
        click(&c, &format!("#lang-{}", locale.code())).await?;
        wait_attr(&c, "main", "data-saved-locale", locale.code()).await?;
        let l = locale.code();
        audit(&c, &format!("home-{l}")).await?;
        for screen in ["cases", "safety", "settings"] {
            kulna_e2e::show(&c, screen).await?;
            audit(&c, &format!("{screen}-{l}")).await?;
        }
        kulna_e2e::go_home(&c).await?;

        click(&c, "#open-report").await?;
        c.wait().for_element(Locator::Css("#report")).await?;
        audit(&c, &format!("report-{l}")).await?;
        click(&c, "#report-discard").await?;
        c.wait().for_element(Locator::Css("#open-report")).await?;

        click(&c, "#open-support").await?;
        c.wait().for_element(Locator::Css("#support")).await?;
        audit(&c, &format!("support-{l}")).await?;
        click(&c, "#support-cancel").await?;

        click(&c, "#open-directory").await?;
        wait_attr(&c, "#directory-age", "data-version", "1").await?;
        click(&c, "#listing-sample-tanger-ecoute").await?;
        wait_attr(&c, "#listing-detail", "data-id", "sample-tanger-ecoute").await?;
        audit(&c, &format!("listing-{l}")).await?;
        click(&c, "#listing-back").await?;
        audit(&c, &format!("directory-{l}")).await?;
        click(&c, "#directory-close").await?;

        click(&c, "#staff-entry").await?;
        wait_attr(&c, "#staff", "data-signed-in", "false").await?;
        audit(&c, &format!("staff-sign-in-{l}")).await?;
        click(&c, "#staff-close").await?;

        kulna_e2e::lock(&c).await?;
        wait_attr(&c, "main", "data-lock", "locked").await?;
        audit(&c, &format!("locked-{l}")).await?;
        kulna_e2e::type_into(&c, "#pin-unlock", "3690").await?;
        click(&c, "#unlock-button").await?;
        wait_attr(&c, "main", "data-lock", "unlocked").await?;
    }

    // The calculator of the quick exit is a working calculator too.
    click(&c, "#quick-exit").await?;
    c.wait().for_element(Locator::Css(".calc-page")).await?;
    audit(&c, "calculator").await?;
    central.stop();
    c.close().await?;
    Ok(())
}
