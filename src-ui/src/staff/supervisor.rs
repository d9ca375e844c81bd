//! Supervisor views: the audit log of who did what on which case, and the
//! anonymous statistics (consented records only; the service suppresses
//! cells under five) drawn as bars per month and a schematic map of the 12
//! regions shaded by count, each with its table beside it. Drawn here as
//! SVG: no network, no tiles.

use super::{error_line, region_id, when, Ctx};
use crate::i18n::t;
use crate::ipc;
use kulna_model::staff::{AuditEntry, StatsCell, STATS_MIN_CELL};
use kulna_model::{ErrorKind, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// The actions the service writes to the audit log, each with a sentence;
/// an unknown one is shown as the service named it.
const AUDIT_ACTIONS: [&str; 11] = [
    "case_read",
    "acknowledge",
    "assign",
    "refer",
    "consent_override",
    "referral_update",
    "note",
    "message",
    "close",
    "device_link",
    "stats_read",
];

#[component]
pub(crate) fn AuditLog(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let entries = RwSignal::new(None::<Vec<AuditEntry>>);
    let error = RwSignal::new(None::<ErrorKind>);
    spawn_local(async move {
        // The newest page: read from the start, keep the last 500.
        let mut all = Vec::new();
        let mut after = 0;
        loop {
            match ipc::get_audit_log(after).await {
                Ok(page) => {
                    let Some(last) = page.last().map(|e| e.seq) else {
                        break;
                    };
                    let full = page.len() >= 500;
                    all.extend(page);
                    after = last;
                    if !full || all.len() > 20_000 {
                        break;
                    }
                }
                Err(e) => {
                    ctx.fail(&e, error);
                    return;
                }
            }
        }
        let skip = all.len().saturating_sub(500);
        let mut recent: Vec<AuditEntry> = all.into_iter().skip(skip).collect();
        recent.reverse();
        entries.try_set(Some(recent));
    });
    view! {
        <section class="card" aria-labelledby="audit-heading">
            <h3 id="audit-heading">{move || t(locale.get(), "staff-audit-heading")}</h3>
            <p class="hint">{move || t(locale.get(), "staff-audit-hint")}</p>
            {error_line(locale, "audit-error", error)}
            {move || entries.get().map(|list| {
                let count = list.len();
                view! {
                <table id="audit-log" data-count=count.to_string()>
                    <thead><tr>
                        <th>{move || t(locale.get(), "staff-audit-when")}</th>
                        <th>{move || t(locale.get(), "staff-audit-who")}</th>
                        <th>{move || t(locale.get(), "staff-audit-what")}</th>
                        <th>{move || t(locale.get(), "staff-audit-case")}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|e| {
                            let known = AUDIT_ACTIONS.contains(&e.action.as_str());
                            let label = format!("staff-audit-action-{}", e.action);
                            let action = e.action.clone();
                            view! {
                                <tr class="audit-entry" data-action=e.action.clone()
                                    data-case=e.case_id.map(|c| c.to_string()).unwrap_or_default()>
                                    <td>{when(e.at_ms)}</td>
                                    <td><bdi>{e.username}</bdi></td>
                                    <td>{move || if known { t(locale.get(), &label) } else { action.clone() }}</td>
                                    <td dir="ltr">{e.case_id.map(|c| c.to_string().chars().take(8).collect::<String>()).unwrap_or_default()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }})}
        </section>
    }
}

/// A total over cells: what is known, and whether some cells were
/// suppressed (fewer than five each).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Total {
    known: u64,
    suppressed: bool,
}

impl Total {
    fn add(&mut self, c: &StatsCell) {
        match c.count {
            Some(n) => self.known += n,
            None => self.suppressed = true,
        }
    }

    fn label(&self) -> String {
        match (self.known, self.suppressed) {
            (0, true) => format!("<{STATS_MIN_CELL}"),
            (n, true) => format!("{n}+"),
            (n, false) => n.to_string(),
        }
    }
}

fn count_label(c: Option<u64>) -> String {
    c.map(|n| n.to_string())
        .unwrap_or_else(|| format!("<{STATS_MIN_CELL}"))
}

/// Where each region sits on the schematic map (column, row): north at the
/// top, the Atlantic on the left. Not a geographic outline.
const TILES: [(u8, u8, u8); 12] = [
    (1, 3, 0),
    (2, 4, 1),
    (3, 3, 1),
    (4, 2, 1),
    (5, 3, 2),
    (6, 2, 2),
    (7, 2, 3),
    (8, 4, 3),
    (9, 2, 4),
    (10, 1, 5),
    (11, 1, 6),
    (12, 0, 7),
];

#[component]
pub(crate) fn Stats(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let cells = RwSignal::new(None::<Vec<StatsCell>>);
    let error = RwSignal::new(None::<ErrorKind>);
    spawn_local(async move {
        match ipc::get_stats().await {
            Ok(s) => {
                cells.try_set(Some(s.cells));
            }
            Err(e) => ctx.fail(&e, error),
        }
    });
    view! {
        <section class="card stats" aria-labelledby="stats-heading">
            <h3 id="stats-heading">{move || t(locale.get(), "staff-stats-heading")}</h3>
            <p class="hint">{move || t(locale.get(), "staff-stats-hint")}</p>
            {error_line(locale, "stats-error", error)}
            {move || cells.get().map(|c| view! { <StatsBody locale=locale cells=c /> })}
        </section>
    }
}

#[component]
fn StatsBody(locale: ReadSignal<Locale>, cells: Vec<StatsCell>) -> impl IntoView {
    let mut by_month: BTreeMap<String, Total> = BTreeMap::new();
    let mut by_region: BTreeMap<u8, Total> = BTreeMap::new();
    for c in &cells {
        by_month.entry(c.month.clone()).or_default().add(c);
        if let Some(r) = c.region {
            by_region.entry(r).or_default().add(c);
        }
    }
    let max_month = by_month.values().map(|t| t.known).max().unwrap_or(0).max(1);
    let max_region = by_region
        .values()
        .map(|t| t.known)
        .max()
        .unwrap_or(0)
        .max(1);

    // Bars: one per month, oldest on the left (in every language: time runs
    // left to right on a chart, and the labels say which month is which).
    let bar_w = 36.0;
    let height = 160.0;
    let months: Vec<(String, Total)> = by_month.into_iter().collect();
    let width = (months.len().max(1) as f64) * (bar_w + 12.0) + 12.0;
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, (month, total))| {
            let h = (total.known as f64 / max_month as f64) * (height - 40.0);
            let x = 12.0 + i as f64 * (bar_w + 12.0);
            let y = height - 20.0 - h;
            view! {
                <g class="stats-bar" data-month=month.clone() data-count=total.label()>
                    <rect x=x y=y width=bar_w height=h.max(1.0) fill="#7a3e9d" />
                    <text x=x + bar_w / 2.0 y=y - 4.0 text-anchor="middle" font-size="11" direction="ltr" unicode-bidi="embed">{total.label()}</text>
                    <text x=x + bar_w / 2.0 y=height - 6.0 text-anchor="middle" font-size="9">{month.clone()}</text>
                </g>
            }
        })
        .collect_view();

    let tile = 44.0;
    let map = TILES
        .iter()
        .map(|(code, col, row)| {
            let total = by_region.get(code).copied().unwrap_or_default();
            let share = total.known as f64 / max_region as f64;
            // Paler for fewer; a suppressed-only region is lightly hatched by opacity.
            let opacity = if total.known == 0 && !total.suppressed {
                0.06
            } else {
                0.15 + 0.85 * share
            };
            let x = f64::from(*col) * (tile + 4.0) + 4.0;
            let y = f64::from(*row) * (tile + 4.0) + 4.0;
            let name = region_id(Some(*code));
            view! {
                <g class="stats-region" data-region=code.to_string() data-count=total.label()>
                    <title>{move || format!("{} — {}", t(locale.get(), &name), total.label())}</title>
                    <rect x=x y=y width=tile height=tile rx="6" fill="#7a3e9d" fill-opacity=opacity.to_string() stroke="#4b2161" />
                    <text x=x + tile / 2.0 y=y + 18.0 text-anchor="middle" font-size="11">{format!("{code:02}")}</text>
                    <text x=x + tile / 2.0 y=y + 34.0 text-anchor="middle" font-size="11" direction="ltr" unicode-bidi="embed">{total.label()}</text>
                </g>
            }
        })
        .collect_view();
    let map_w = 6.0 * (tile + 4.0) + 4.0;
    let map_h = 8.0 * (tile + 4.0) + 4.0;

    view! {
        <div class="stats-row">
            <figure>
                <figcaption>{move || t(locale.get(), "staff-stats-by-month")}</figcaption>
                <svg id="stats-bars" role="img" width=width height=height viewBox=format!("0 0 {width} {height}")
                    aria-label=move || t(locale.get(), "staff-stats-by-month")>
                    {bars}
                </svg>
            </figure>
            <table id="stats-months">
                <thead><tr><th>{move || t(locale.get(), "staff-stats-month")}</th><th>{move || t(locale.get(), "staff-stats-count")}</th></tr></thead>
                <tbody>{months.iter().map(|(m, total)| view! { <tr><td dir="ltr">{m.clone()}</td><td><bdi dir="ltr">{total.label()}</bdi></td></tr> }).collect_view()}</tbody>
            </table>
        </div>
        <div class="stats-row">
            <figure>
                <figcaption>{move || t(locale.get(), "staff-stats-by-region")}</figcaption>
                <svg id="stats-map" role="img" width=map_w height=map_h viewBox=format!("0 0 {map_w} {map_h}")
                    aria-label=move || t(locale.get(), "staff-stats-by-region")>
                    {map}
                </svg>
                <p class="hint">{move || t(locale.get(), "staff-stats-map-note")}</p>
            </figure>
            <table id="stats-regions">
                <thead><tr><th>{move || t(locale.get(), "staff-stats-region")}</th><th>{move || t(locale.get(), "staff-stats-count")}</th></tr></thead>
                <tbody>{(1..=12u8).map(|r| {
                    let total = by_region.get(&r).copied().unwrap_or_default();
                    view! { <tr><td>{move || t(locale.get(), &region_id(Some(r)))}</td><td><bdi dir="ltr">{total.label()}</bdi></td></tr> }
                }).collect_view()}</tbody>
            </table>
        </div>
        <details>
            <summary>{move || t(locale.get(), "staff-stats-all-cells")}</summary>
            <table id="stats-table">
                <thead><tr>
                    <th>{move || t(locale.get(), "staff-stats-region")}</th>
                    <th>{move || t(locale.get(), "staff-stats-month")}</th>
                    <th>{move || t(locale.get(), "staff-stats-type")}</th>
                    <th>{move || t(locale.get(), "staff-stats-count")}</th>
                </tr></thead>
                <tbody>{cells.into_iter().map(|c| {
                    let region = region_id(c.region);
                    let kind = format!("staff-incident-{}", c.incident_type);
                    view! { <tr>
                        <td>{move || t(locale.get(), &region)}</td>
                        <td dir="ltr">{c.month.clone()}</td>
                        <td>{move || t(locale.get(), &kind)}</td>
                        <td><bdi dir="ltr">{count_label(c.count)}</bdi></td>
                    </tr> }
                }).collect_view()}</tbody>
            </table>
        </details>
    }
}
