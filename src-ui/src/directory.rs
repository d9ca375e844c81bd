//! The directory: work, training, business and income-generating
//! opportunities, and the services that help (listening centers, care
//! cells, police, gendarmerie, health, shelters, legal aid, associations).
//!
//! Everything here reads the signed copy sync keeps on the phone, so it
//! works with no network and no PIN; only saving a listing needs the PIN
//! (saved listings live in the encrypted vault). Results follow what she
//! types at each keystroke; a text she types in one script finds listings
//! written in that script (the search normalizes Arabic and French spelling).
//!
//! Listing texts come in up to five languages: each is shown in hers, or
//! else in the nearest one available, with its own `lang` and `dir` so an
//! Arabic title stays readable on a French screen and the reverse.

use crate::i18n::{t, t_count, t_num, t_str};
use crate::ipc;
use crate::report::parse_region;
use crate::support::{SupportPage, SupportPrefill};
use kulna_model::directory::{
    DirectoryEntry, DirectoryHit, DirectoryQuery, DirectoryState, EntryKind, Localized,
};
use kulna_model::record::SupportTopic;
use kulna_model::{CommandError, ErrorKind, Locale, SyncState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How many results one search shows.
const RESULTS: u32 = 50;

/// Categories of opportunities, in the order the filter lists them.
const OPPORTUNITY_CATEGORIES: [&str; 7] = [
    "job",
    "training",
    "vocational_training",
    "business_creation",
    "income_generating",
    "financing",
    "programme",
];

/// Categories of services, in the order the filter lists them.
const SERVICE_CATEGORIES: [&str; 9] = [
    "emergency",
    "listening_center",
    "care_cell",
    "police",
    "gendarmerie",
    "health",
    "shelter",
    "legal_aid",
    "association",
];

fn categories(kind: Option<EntryKind>) -> Vec<&'static str> {
    match kind {
        Some(EntryKind::Opportunity) => OPPORTUNITY_CATEGORIES.to_vec(),
        Some(EntryKind::Service) => SERVICE_CATEGORIES.to_vec(),
        None => OPPORTUNITY_CATEGORIES
            .into_iter()
            .chain(SERVICE_CATEGORIES)
            .collect(),
    }
}

/// The message id naming a category; an unknown one (a newer service)
/// reads as its kind.
fn category_label(category: &str, kind: EntryKind) -> String {
    if OPPORTUNITY_CATEGORIES.contains(&category) || SERVICE_CATEGORIES.contains(&category) {
        format!("directory-category-{category}")
    } else {
        match kind {
            EntryKind::Opportunity => "directory-kind-opportunity".into(),
            EntryKind::Service => "directory-kind-service".into(),
        }
    }
}

/// The languages to show a listing's text in, hers first. The data's own
/// rule is "then Arabic, then French"; French and English readers get the
/// other Latin-script language before Arabic.
fn preference(locale: Locale) -> [Locale; 5] {
    use Locale::{Ar, Ary, En, Fr, Zgh};
    match locale {
        Ar => [Ar, Ary, Fr, En, Zgh],
        Ary => [Ary, Ar, Fr, En, Zgh],
        Zgh => [Zgh, Ar, Fr, En, Ary],
        Fr => [Fr, Ar, En, Ary, Zgh],
        En => [En, Fr, Ar, Ary, Zgh],
    }
}

/// A listing's text in the best language she reads, and that language.
pub(crate) fn pick(locale: Locale, text: &Localized) -> Option<(String, Locale)> {
    preference(locale).into_iter().find_map(|l| {
        let value = match l {
            Locale::Ar => &text.ar,
            Locale::Ary => &text.ary,
            Locale::Zgh => &text.zgh,
            Locale::Fr => &text.fr,
            Locale::En => &text.en,
        };
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| (v.to_owned(), l))
    })
}

/// A listing's text as an element carrying its own language and direction.
fn localized(
    locale: Locale,
    text: &Localized,
    tag_class: &'static str,
    id: Option<&'static str>,
) -> Option<AnyView> {
    pick(locale, text).map(|(value, lang)| {
        view! {
            <span class=tag_class id=id lang=lang.code() dir=lang.direction().as_str()>{value}</span>
        }
        .into_any()
    })
}

/// `YYYY-MM-DD` as Morocco writes it, `DD/MM/YYYY`; anything else as is.
fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

/// Today in Morocco (UTC+1), `YYYY-MM-DD`, to tell a passed deadline.
fn today() -> String {
    let now = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        js_sys::Date::now() + 3_600_000.0,
    ));
    let iso: String = now.to_iso_string().into();
    iso.chars().take(10).collect()
}

fn closed(entry: &DirectoryEntry) -> bool {
    entry
        .details
        .deadline
        .as_deref()
        .is_some_and(|d| d < today().as_str())
}

/// A phone number as a `tel:` address: digits and a leading `+` only.
pub(crate) fn tel(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    (digits.chars().filter(char::is_ascii_digit).count() >= 2).then(|| format!("tel:{digits}"))
}

/// A place as a map address (`geo:` with a query): the phone's map app
/// looks it up; nothing is sent anywhere by the app itself.
fn map_link(address: &str) -> String {
    let query: String = js_sys::encode_uri_component(address.trim()).into();
    format!("geo:0,0?q={query}")
}

/// A listing's free-text contact as a link, when it is one thing the
/// device can open: an e-mail address, a web page or a phone number.
fn contact_link(contact: &str) -> Option<String> {
    let c = contact.trim();
    let phone_like = c
        .chars()
        .all(|ch| ch.is_ascii_digit() || " +-.()".contains(ch));
    if phone_like {
        return tel(c);
    }
    if c.contains(char::is_whitespace) {
        // Words ("ask for Fatima at the desk"): shown as written.
        return None;
    }
    if c.starts_with("https://") || c.starts_with("http://") {
        Some(c.to_owned())
    } else if c.starts_with("www.") {
        Some(format!("https://{c}"))
    } else if c
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    {
        Some(format!("mailto:{c}"))
    } else {
        None
    }
}

fn support_topic(category: &str) -> SupportTopic {
    match category {
        "job" => SupportTopic::Job,
        "training" => SupportTopic::Training,
        "vocational_training" => SupportTopic::VocationalTraining,
        "business_creation" | "financing" => SupportTopic::Business,
        "income_generating" => SupportTopic::IncomeGeneratingProject,
        _ => SupportTopic::Other,
    }
}

/// A small line icon per category (static markup, never data).
fn icon_paths(category: &str) -> &'static str {
    match category {
        "job" => {
            r#"<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2M3 13h18"/>"#
        }
        "training" => {
            r#"<path d="M3 5h7a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H3zM21 5h-7a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h7z"/>"#
        }
        "vocational_training" => {
            r#"<path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z"/>"#
        }
        "business_creation" => r#"<path d="M3 9l2-5h14l2 5M4 9v11h16V9M9 20v-6h6v6M3 9h18"/>"#,
        "income_generating" => {
            r#"<path d="M12 21v-9M12 12C12 7 8 5 4 5c0 4 3 7 8 7zM12 10c0-4 3-6 8-6 0 4-3 6-8 6z"/>"#
        }
        "financing" => r#"<circle cx="9" cy="9" r="6"/><path d="M15.5 8.6a6 6 0 1 1-6.9 6.9"/>"#,
        "programme" => {
            r#"<path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z"/>"#
        }
        "emergency" => {
            r#"<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z"/>"#
        }
        "listening_center" => r#"<path d="M4 5h16v11H9l-5 4z"/>"#,
        "care_cell" | "legal_aid" => {
            r#"<path d="M12 3v18M6 21h12M5 7h14M5 7l-3 6a3 3 0 0 0 6 0zM19 7l-3 6a3 3 0 0 0 6 0z"/>"#
        }
        "police" | "gendarmerie" => r#"<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/>"#,
        "health" => r#"<path d="M9 3h6v6h6v6h-6v6H9v-6H3V9h6z"/>"#,
        "shelter" => r#"<path d="M3 11l9-8 9 8M5 10v10h14V10M10 20v-5h4v5"/>"#,
        "association" => {
            r#"<circle cx="9" cy="8" r="3"/><circle cx="17" cy="9" r="2.5"/><path d="M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6M15 14.5c3 0 6 2 6 5.5"/>"#
        }
        "search" => r#"<circle cx="11" cy="11" r="7"/><path d="M20 20l-4-4"/>"#,
        _ => {
            r#"<path d="M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z"/><circle cx="12" cy="9" r="2.5"/>"#
        }
    }
}

/// The icon of a category (decorative: the text beside it says the same).
pub fn icon(category: &str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="28" height="28" fill="none"
            stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"
            aria-hidden="true" focusable="false" inner_html=icon_paths(category)></svg>
    }
}

/// Where a listing is: its town as written in her language (or the town
/// key), and its region; national programmes say so.
fn place(locale: Locale, e: &DirectoryEntry) -> String {
    let town = pick(locale, &e.details.place)
        .map(|(p, _)| p)
        .or_else(|| e.town.clone());
    let region = e
        .region
        .filter(|r| (1..=12).contains(r))
        .map(|r| t(locale, &format!("region-{r:02}")));
    match (town, region) {
        (Some(town), Some(region)) => format!("{town} · {region}"),
        (Some(town), None) => town,
        (None, Some(region)) => region,
        (None, None) => t(locale, "directory-national"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Search,
    Saved,
}

/// What a save or unsave did, for the line under the buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveNote {
    Saved,
    Removed,
    Locked,
    Failed,
}

/// The directory screen: search and filters, results, one listing's
/// detail, saved listings, and "ask a listener about this".
#[component]
pub fn DirectoryPage(
    locale: ReadSignal<Locale>,
    /// Back to the home screen.
    on_close: impl Fn() + Copy + Send + Sync + 'static,
    /// Her region, when the app knows it: the region filter starts there.
    #[prop(optional_no_strip)]
    her_region: Option<u8>,
    /// What sync reports: the first download of the directory shows here.
    sync: ReadSignal<Option<SyncState>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let region = RwSignal::new(her_region.filter(|r| (1..=12).contains(r)));
    let kind = RwSignal::new(None::<EntryKind>);
    let category = RwSignal::new(None::<&'static str>);
    let tab = RwSignal::new(Tab::Search);
    // (the text they answer, the answer)
    let results = RwSignal::new(None::<(String, Result<Vec<DirectoryHit>, CommandError>)>);
    let state = RwSignal::new(None::<DirectoryState>);
    let opened = RwSignal::new(None::<String>);
    let detail = RwSignal::new(None::<Result<DirectoryEntry, CommandError>>);
    // Ids she saved; `None` while the vault is locked.
    let saved_ids = RwSignal::new(None::<Vec<String>>);
    let saved = RwSignal::new(None::<Result<Vec<DirectoryEntry>, CommandError>>);
    let save_note = RwSignal::new(None::<SaveNote>);
    let asking = RwSignal::new(None::<SupportPrefill>);
    let ask_sent = RwSignal::new(false);

    let load_state = move || {
        spawn_local(async move {
            if let Ok(now) = ipc::get_directory_state().await {
                // Setting it only on change keeps the search from re-running.
                if state.get_untracked() != Some(now) {
                    state.set(Some(now));
                }
            }
        });
    };
    let load_saved = move || {
        spawn_local(async move {
            let answer = ipc::get_saved_listings().await;
            saved_ids.set(
                answer
                    .as_ref()
                    .ok()
                    .map(|list| list.iter().map(|e| e.id.clone()).collect()),
            );
            saved.set(Some(answer));
        });
    };
    load_state();
    load_saved();
    // Sync may bring the directory while the screen is open.
    if let Ok(timer) = set_interval_with_handle(load_state, Duration::from_secs(3)) {
        on_cleanup(move || timer.clear());
    }
    // The first download: how far it got, and the listings at once when
    // it ends.
    let download = Memo::new(move |_| sync.with(|s| s.as_ref().and_then(|s| s.directory)));
    Effect::new(move |was: Option<bool>| {
        let now = download.with(Option::is_some);
        if was == Some(true) && !now {
            load_state();
        }
        now
    });

    // Search at each keystroke and filter change, and when the cache
    // changes; only the latest answer is shown.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let query = DirectoryQuery {
            text: text.get(),
            kind: kind.get(),
            categories: category
                .get()
                .map(|c| vec![c.to_owned()])
                .unwrap_or_default(),
            region: region.get(),
            near_region: region.get().or(her_region),
            ..DirectoryQuery::default()
        };
        let _ = state.with(|s| s.map(|s| s.version));
        let n = generation.get_value().wrapping_add(1);
        generation.set_value(n);
        spawn_local(async move {
            let answer = ipc::search_directory(&query, RESULTS).await;
            if generation.get_value() == n {
                results.set(Some((query.text, answer)));
            }
        });
    });

    let open_listing = move |id: String| {
        save_note.set(None);
        ask_sent.set(false);
        detail.set(None);
        opened.set(Some(id.clone()));
        spawn_local(async move {
            let answer = ipc::get_directory_listing(&id).await;
            if opened.get_untracked().as_deref() == Some(id.as_str()) {
                detail.set(Some(answer));
            }
        });
    };
    let clear_filters = move || {
        text.set(String::new());
        region.set(None);
        kind.set(None);
        category.set(None);
    };

    let header = move || {
        let l = locale.get();
        let age = match state.get() {
            None => String::new(),
            Some(s) if s.is_empty() => t(l, "directory-never"),
            Some(s) => {
                let days = s.published_at_ms.map_or(0.0, |p| {
                    ((js_sys::Date::now() - p as f64) / 86_400_000.0).max(0.0)
                }) as u32;
                format!(
                    "{} {}",
                    t_count(l, "directory-updated", days),
                    t_count(l, "directory-count", s.listings)
                )
            }
        };
        view! {
            <p id="directory-age" class="status-line"
                data-version=move || state.get().map(|s| s.version.to_string()).unwrap_or_default()
                data-listings=move || state.get().map(|s| s.listings.to_string()).unwrap_or_default()>
                {age}
            </p>
            <p id="directory-offline" class="hint">{t(l, "directory-offline")}</p>
        }
    };
    let receiving = move || {
        let d = download.get()?;
        let l = locale.get();
        let percent = d.percent();
        let text = match percent {
            _ if d.saving => t(l, "directory-saving"),
            Some(p) => t_num(l, "directory-receiving", "percent", u32::from(p)),
            None => t(l, "directory-receiving-started"),
        };
        // No value while the size is unknown or the phone is saving: the
        // bar moves without claiming a figure.
        let value = percent.filter(|_| !d.saving).map(|p| p.to_string());
        Some(view! {
            <p id="directory-receiving" class="status-line" role="status"
                data-percent=percent.map(|p| p.to_string()).unwrap_or_default()
                data-saving=d.saving.to_string()>
                <progress max="100" value=value aria-label=text.clone()></progress>
                " "{text}
            </p>
        })
    };

    let filters = move || {
        view! {
            <label for="directory-search">{move || t(locale.get(), "directory-search-label")}</label>
            <input id="directory-search" type="search" dir="auto" autocomplete="off"
                placeholder=move || t(locale.get(), "directory-search-placeholder")
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev)) />
            <div class="kinds" role="group" aria-label=move || t(locale.get(), "directory-kind-label")>
                {[(None, "all"), (Some(EntryKind::Opportunity), "opportunity"), (Some(EntryKind::Service), "service")]
                    .into_iter()
                    .map(|(k, code)| view! {
                        <button type="button" id=format!("directory-kind-{code}")
                            aria-pressed=move || (kind.get() == k).to_string()
                            on:click=move |_| {
                                kind.set(k);
                                if category.get_untracked().is_some_and(|c| !categories(k).contains(&c)) {
                                    category.set(None);
                                }
                            }>
                            {move || t(locale.get(), &format!("directory-kind-{code}"))}
                        </button>
                    })
                    .collect_view()}
            </div>
            <div class="filters">
                <div>
                    <label for="directory-category">{move || t(locale.get(), "directory-category-label")}</label>
                    <select id="directory-category"
                        prop:value=move || category.get().unwrap_or_default()
                        on:change=move |ev| {
                            let picked = event_target_value(&ev);
                            category.set(categories(None).into_iter().find(|c| *c == picked));
                        }>
                        <option value="">{move || t(locale.get(), "directory-category-all")}</option>
                        {move || categories(kind.get())
                            .into_iter()
                            .map(|c| view! {
                                <option value=c selected=move || category.get() == Some(c)>
                                    {move || t(locale.get(), &format!("directory-category-{c}"))}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div>
                    <label for="directory-region">{move || t(locale.get(), "directory-region-label")}</label>
                    <select id="directory-region"
                        prop:value=move || region.get().map(|r| format!("{r:02}")).unwrap_or_default()
                        on:change=move |ev| region.set(parse_region(&event_target_value(&ev)))>
                        <option value="">{move || t(locale.get(), "directory-region-all")}</option>
                        {(1u8..=12)
                            .map(|r| {
                                let code = format!("{r:02}");
                                let label = format!("region-{code}");
                                view! {
                                    <option value=code selected=move || region.get() == Some(r)>
                                        {move || t(locale.get(), &label)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
        }
    };

    let result_list = move || {
        let l = locale.get();
        match results.get() {
            None => {
                view! { <p id="directory-loading" class="hint">{t(l, "directory-loading")}</p> }
                    .into_any()
            }
            // The kind and developer message (never data) help a bug report.
            Some((_, Err(e))) => view! {
                <p id="directory-error" class="status-line warn" role="alert"
                    data-error=format!("{:?}: {}", e.kind, e.message)>{t(l, "directory-error")}</p>
            }
            .into_any(),
            Some((query, Ok(hits))) => {
                let ids = hits
                    .iter()
                    .map(|h| h.entry.id.as_str())
                    .collect::<Vec<_>>()
                    .join(",");
                let count = u32::try_from(hits.len()).unwrap_or(u32::MAX);
                let never = state.with(|s| s.is_some_and(|s| s.is_empty()));
                let empty = hits.is_empty().then(|| view! {
                    <div id="directory-empty" role="status">
                        <p>{t(l, if never { "directory-empty-never" } else { "directory-empty" })}</p>
                        <button id="directory-clear" type="button" class="secondary"
                            on:click=move |_| clear_filters()>
                            {t(l, "directory-clear")}
                        </button>
                    </div>
                });
                view! {
                    <p id="directory-count" class="hint" aria-live="polite">{t_count(l, "directory-results", count)}</p>
                    {empty}
                    <ul id="directory-results" class="listings" data-query=query data-ids=ids data-count=count.to_string()>
                        {hits.into_iter().map(|h| card(l, h.entry, h.closed, open_listing)).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }
    };

    let saved_list = move || {
        let l = locale.get();
        match saved.get() {
            None => ().into_any(),
            Some(Err(e)) if e.kind == ErrorKind::Locked => view! {
                <p id="saved-locked" class="status-line warn" role="status">{t(l, "directory-saved-locked")}</p>
            }
            .into_any(),
            Some(Err(_)) => view! {
                <p class="status-line warn" role="alert">{t(l, "directory-error")}</p>
            }
            .into_any(),
            Some(Ok(list)) => {
                let ids = list.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(",");
                let count = list.len().to_string();
                view! {
                    {list.is_empty().then(|| view! { <p id="saved-none" class="hint">{t(l, "directory-saved-none")}</p> })}
                    <ul id="saved-listings" class="listings" data-ids=ids data-count=count>
                        {list.into_iter().map(|e| {
                            let is_closed = closed(&e);
                            card(l, e, is_closed, open_listing)
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }
    };

    let toggle_save = move |id: String, now_saved: bool| {
        spawn_local(async move {
            let answer = if now_saved {
                ipc::unsave_listing(&id).await
            } else {
                ipc::save_listing(&id).await
            };
            match answer {
                Ok(ids) => {
                    saved_ids.set(Some(ids));
                    save_note.set(Some(if now_saved {
                        SaveNote::Removed
                    } else {
                        SaveNote::Saved
                    }));
                    load_saved();
                }
                Err(e) if e.kind == ErrorKind::Locked => {
                    saved_ids.set(None);
                    save_note.set(Some(SaveNote::Locked));
                }
                Err(_) => save_note.set(Some(SaveNote::Failed)),
            }
        });
    };

    let detail_view = move || {
        let l = locale.get();
        let back = view! {
            <button id="listing-back" type="button" class="secondary"
                on:click=move |_| { opened.set(None); detail.set(None); }>
                {t(l, "directory-back-list")}
            </button>
        };
        match detail.get() {
            None => view! { {back} <p class="hint">{t(l, "directory-loading")}</p> }.into_any(),
            Some(Err(e)) => {
                let id = if e.kind == ErrorKind::NotFound {
                    "directory-not-found"
                } else {
                    "directory-error"
                };
                view! { {back} <p id="listing-missing" class="status-line warn" role="alert">{t(l, id)}</p> }.into_any()
            }
            Some(Ok(e)) => {
                let is_saved = saved_ids.with(|s| s.as_ref().is_some_and(|s| s.contains(&e.id)));
                view! { {back} {listing_detail(l, e, is_saved, toggle_save, save_note, asking)} }
                    .into_any()
            }
        }
    };

    view! {
        <section class="card directory" id="directory" aria-labelledby="directory-heading">
            <div class="directory-top">
                <h2 id="directory-heading">{move || t(locale.get(), "directory-heading")}</h2>
                <button id="directory-close" type="button" class="secondary" on:click=move |_| on_close()>
                    {move || t(locale.get(), "directory-close")}
                </button>
            </div>
            {move || asking.get().map(|prefill| view! {
                <SupportPage locale=locale prefill=prefill on_close=move |sent: bool| {
                    asking.set(None);
                    ask_sent.set(sent);
                } />
            })}
            <div hidden=move || asking.with(Option::is_some)>
                {header}
                {receiving}
                <button id="directory-refresh" type="button" class="secondary"
                    on:click=move |_| spawn_local(async move {
                        let _ = ipc::send_now().await;
                    })>
                    {move || t(locale.get(), "directory-refresh")}
                </button>
                <Show when=move || ask_sent.get()>
                    <p id="directory-ask-sent" class="status-line ok" role="status">{move || t(locale.get(), "directory-ask-sent")}</p>
                </Show>
                {move || match opened.get() {
                    Some(id) => view! {
                        <div id="listing-detail" data-id=id
                            data-saved=move || detail.with(|d| match d {
                                Some(Ok(e)) => saved_ids.with(|s| s.as_ref().is_some_and(|s| s.contains(&e.id))).to_string(),
                                _ => String::new(),
                            })>
                            {detail_view}
                        </div>
                    }
                    .into_any(),
                    None => view! {
                        <div class="tabs" role="group">
                            <button id="directory-tab-search" type="button"
                                aria-pressed=move || (tab.get() == Tab::Search).to_string()
                                on:click=move |_| tab.set(Tab::Search)>
                                {move || t(locale.get(), "directory-tab-search")}
                            </button>
                            <button id="directory-tab-saved" type="button"
                                aria-pressed=move || (tab.get() == Tab::Saved).to_string()
                                on:click=move |_| { tab.set(Tab::Saved); load_saved(); }>
                                {move || t(locale.get(), "directory-tab-saved")}
                            </button>
                        </div>
                        {move || match tab.get() {
                            Tab::Search => view! { {filters} {result_list} }.into_any(),
                            Tab::Saved => view! { {saved_list} }.into_any(),
                        }}
                    }
                    .into_any(),
                }}
            </div>
        </section>
    }
}

/// One result: kind icon, title, organisation, town, deadline, and the
/// sample mark.
fn card(
    l: Locale,
    e: DirectoryEntry,
    is_closed: bool,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = e.id.clone();
    let title = localized(l, &e.title, "listing-title", None)
        .unwrap_or_else(|| view! { <span class="listing-title">{e.id.clone()}</span> }.into_any());
    let organisation = localized(l, &e.details.organisation, "listing-org", None);
    let deadline = if is_closed {
        Some(view! { <span class="listing-deadline closed">{t(l, "directory-closed")}</span> })
    } else {
        e.details.deadline.as_deref().map(|d| {
            view! { <span class="listing-deadline">{t_str(l, "directory-deadline", "date", &date(d))}</span> }
        })
    };
    view! {
        <li class="listing" data-id=e.id.clone() data-sample=e.sample.to_string()>
            <button type="button" class="listing-card" id=format!("listing-{}", e.id)
                on:click=move |_| open(id.clone())>
                <span class="listing-icon">{icon(&e.category)}</span>
                <span class="listing-text">
                    {title}
                    {e.sample.then(|| view! { <span class="sample-badge">{t(l, "directory-sample")}</span> })}
                    <span class="listing-kind">{t(l, &category_label(&e.category, e.kind))}</span>
                    {organisation}
                    <span class="listing-place">{place(l, &e)}</span>
                    {deadline}
                </span>
            </button>
        </li>
    }
}

/// A heading and a listing text, if the listing has that text.
fn section(
    l: Locale,
    heading: &'static str,
    text: &Localized,
    id: &'static str,
) -> Option<AnyView> {
    localized(l, text, "", None).map(|body| {
        view! {
            <h3>{t(l, heading)}</h3>
            <p id=id>{body}</p>
        }
        .into_any()
    })
}

/// One listing in full, with call, ask and save.
fn listing_detail(
    l: Locale,
    e: DirectoryEntry,
    is_saved: bool,
    toggle_save: impl Fn(String, bool) + Copy + Send + Sync + 'static,
    save_note: RwSignal<Option<SaveNote>>,
    asking: RwSignal<Option<SupportPrefill>>,
) -> impl IntoView {
    let d = &e.details;
    let title_text = pick(l, &e.title)
        .map(|(t, _)| t)
        .unwrap_or_else(|| e.id.clone());
    let title = localized(l, &e.title, "", None);
    let organisation = localized(l, &d.organisation, "listing-org", Some("listing-org"));

    let mut eligibility = Vec::new();
    if d.women_only {
        eligibility.push(t(l, "directory-women-only"));
    }
    if let Some(min) = d.age_min {
        eligibility.push(t_count(l, "directory-age-min", u32::from(min)));
    }
    if let Some(max) = d.age_max {
        eligibility.push(t_count(l, "directory-age-max", u32::from(max)));
    }
    let schooling = localized(l, &d.schooling, "", None);
    let has_eligibility = !eligibility.is_empty() || schooling.is_some();

    let cost_word = d.free.map(|f| {
        t(
            l,
            if f {
                "directory-free"
            } else {
                "directory-not-free"
            },
        )
    });
    let cost_text = localized(l, &d.cost, "", None);
    let has_cost = cost_word.is_some() || cost_text.is_some();

    let starts = d
        .starts_on
        .as_deref()
        .map(|s| t_str(l, "directory-starts", "date", &date(s)));
    let deadline = if closed(&e) {
        Some(t(l, "directory-closed"))
    } else {
        d.deadline
            .as_deref()
            .map(|s| t_str(l, "directory-deadline", "date", &date(s)))
    };

    let languages: Vec<&'static str> = d
        .languages
        .iter()
        .filter_map(|c| Locale::parse(c).ok())
        .map(Locale::native_name)
        .collect();

    let call = e
        .phone
        .as_deref()
        .and_then(|p| tel(p).map(|href| (p.to_owned(), href)));
    let contact = d.contact.clone();
    let address = localized(l, &d.address, "", None);
    let map = pick(l, &d.address).map(|(text, _)| map_link(&text));

    let ask = {
        let prefill = SupportPrefill {
            topic: Some(support_topic(&e.category)),
            region: e.region,
            text: t_str(l, "directory-ask-text", "title", &title_text),
            listing: Some(e.id.clone()),
        };
        move |_| asking.set(Some(prefill.clone()))
    };
    let id = e.id.clone();

    view! {
        <article class="listing-detail" lang=l.code()>
            <div class="detail-head">
                <span class="listing-icon">{icon(&e.category)}</span>
                <h2 id="listing-title">{title}</h2>
            </div>
            {e.sample.then(|| view! {
                <p id="listing-sample" class="sample-badge" role="note">{t(l, "directory-sample")}</p>
            })}
            <p class="listing-kind">{t(l, &category_label(&e.category, e.kind))}</p>
            {organisation}
            <p id="listing-place" class="listing-place">{place(l, &e)}</p>
            {section(l, "directory-about", &e.summary, "listing-summary")}
            {has_eligibility.then(|| view! {
                <h3>{t(l, "directory-eligibility")}</h3>
                <ul id="listing-eligibility">
                    {eligibility.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    {schooling.map(|s| view! { <li>{t(l, "directory-schooling")} " " {s}</li> })}
                </ul>
            })}
            {section(l, "directory-how-to-apply", &e.how_to_apply, "listing-how")}
            {has_cost.then(|| view! {
                <h3>{t(l, "directory-cost")}</h3>
                <p id="listing-cost">{cost_word} {cost_text.map(|c| view! { " " {c} })}</p>
            })}
            {(starts.is_some() || deadline.is_some()).then(|| view! {
                <h3>{t(l, "directory-dates")}</h3>
                {starts.map(|s| view! { <p id="listing-starts">{s}</p> })}
                {deadline.map(|s| view! { <p id="listing-deadline">{s}</p> })}
            })}
            {section(l, "directory-hours", &d.hours, "listing-hours")}
            {(!languages.is_empty()).then(|| view! {
                <h3>{t(l, "directory-languages")}</h3>
                <p id="listing-languages">{languages.join(" · ")}</p>
            })}
            {(call.is_some() || contact.is_some() || address.is_some()).then(|| view! {
                <h3>{t(l, "directory-contact")}</h3>
                {call.map(|(number, href)| view! {
                    <a id="listing-call" class="call" href=href>
                        <span>{t(l, "directory-call")}</span>
                        <span class="call-number" dir="ltr">{number}</span>
                    </a>
                })}
                {contact.map(|c| match contact_link(&c) {
                    Some(href) => view! {
                        <p><a id="listing-contact" href=href dir="ltr">{c}</a></p>
                    }.into_any(),
                    None => view! { <p id="listing-contact" dir="ltr">{c}</p> }.into_any(),
                })}
                {address.map(|a| view! {
                    <p id="listing-address"><strong>{t(l, "directory-address")}</strong> " " {a}</p>
                })}
                {map.map(|href| view! {
                    <a id="listing-map" class="call" href=href>
                        <span>{t(l, "directory-open-map")}</span>
                    </a>
                })}
            })}
            <div class="actions">
                <button id="listing-ask" type="button" class="primary" on:click=ask>
                    {t(l, "directory-ask")}
                </button>
                <button id="listing-save" type="button" class="secondary"
                    aria-pressed=is_saved.to_string()
                    on:click=move |_| toggle_save(id.clone(), is_saved)>
                    {t(l, if is_saved { "directory-unsave" } else { "directory-save" })}
                </button>
            </div>
            {move || save_note.get().map(|note| {
                let (msg, class) = match note {
                    SaveNote::Saved => ("directory-saved-ok", "ok"),
                    SaveNote::Removed => ("directory-unsaved-ok", "ok"),
                    SaveNote::Locked => ("directory-save-locked", "warn"),
                    SaveNote::Failed => ("directory-error", "warn"),
                };
                view! {
                    <p id="listing-save-status" class=format!("status-line {class}") role="status"
                        data-note=msg>{t(l, msg)}</p>
                }
            })}
            {e.details.source.clone().map(|s| view! {
                <p id="listing-source" class="hint">{t(l, "directory-source")} " " <span dir="auto">{s}</span></p>
            })}
            {e.details.verified_on.as_deref().map(|v| view! {
                <p class="hint">{t_str(l, "directory-verified", "date", &date(v))}</p>
            })}
        </article>
    }
}
