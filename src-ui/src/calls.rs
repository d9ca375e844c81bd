//! One tap to call the listening line and the emergency numbers.
//!
//! The numbers come from the service: they are listings of the category
//! `emergency` in the signed directory (so a change reaches every phone the
//! way any listing does, verified against the service's key), shown in the
//! order of their ids. Until a directory has arrived, or if it holds none,
//! Morocco's numbers built into the app are shown.

use crate::directory::{pick, tel};
use crate::i18n::t;
use crate::ipc;
use kulna_model::directory::{DirectoryEntry, DirectoryQuery};
use kulna_model::sync::SyncState;
use kulna_model::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The directory category of the numbers to call.
pub const EMERGENCY: &str = "emergency";

/// (message id, number): the numbers built into the app.
const BUILT_IN: [(&str, &str); 4] = [
    ("call-line", "8350"),
    ("call-police", "19"),
    ("call-gendarmerie", "177"),
    ("call-civil", "15"),
];

/// A number on the card and what it is called in her language.
#[derive(Debug, Clone, PartialEq)]
struct Number {
    number: String,
    href: String,
    label: String,
    /// The label's own language (a listing may lack hers).
    lang: Locale,
}

fn built_in(locale: Locale) -> Vec<Number> {
    BUILT_IN
        .into_iter()
        .map(|(label, number)| Number {
            number: number.to_owned(),
            href: format!("tel:{number}"),
            label: t(locale, label),
            lang: locale,
        })
        .collect()
}

/// The published numbers, in order; listings without a usable phone are
/// left out. The label is the listing's title in her language; if the
/// listing lacks it, the app's own words for a number it knows, or else
/// the title in the language she reads next best.
fn published(locale: Locale, entries: &[DirectoryEntry]) -> Vec<Number> {
    let mut entries: Vec<&DirectoryEntry> = entries.iter().collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    entries
        .into_iter()
        .filter_map(|e| {
            let phone = e.phone.as_deref()?.trim();
            let href = tel(phone)?;
            let known = BUILT_IN.iter().find(|(_, n)| *n == phone);
            let (label, lang) = match (pick(locale, &e.title), known) {
                (Some((text, lang)), _) if lang == locale => (text, lang),
                (_, Some((id, _))) => (t(locale, id), locale),
                (Some(found), None) => found,
                (None, None) => (phone.to_owned(), locale),
            };
            Some(Number {
                number: phone.to_owned(),
                href,
                label,
                lang,
            })
        })
        .collect()
}

/// The call buttons. `sync` is followed so that numbers published while
/// the app is open replace the old ones after the next contact.
#[component]
pub fn CallCard(locale: ReadSignal<Locale>, sync: ReadSignal<Option<SyncState>>) -> impl IntoView {
    let entries = RwSignal::new(Vec::<DirectoryEntry>::new());
    let contact = Memo::new(move |_| sync.with(|s| s.as_ref().and_then(|s| s.last_contact_ms)));
    Effect::new(move |_| {
        contact.track();
        spawn_local(async move {
            let query = DirectoryQuery {
                categories: vec![EMERGENCY.to_owned()],
                ..DirectoryQuery::default()
            };
            // No directory yet, or an error: the built-in numbers stay.
            if let Ok(hits) = ipc::search_directory(&query, 20).await {
                entries.set(hits.into_iter().map(|h| h.entry).collect());
            }
        });
    });
    let numbers = move || {
        let l = locale.get();
        let from_service = entries.with(|e| published(l, e));
        if from_service.is_empty() {
            built_in(l)
        } else {
            from_service
        }
    };

    view! {
        <section class="card" id="calls" aria-labelledby="calls-heading"
            data-source=move || if entries.with(Vec::is_empty) { "app" } else { "service" }>
            <h2 id="calls-heading">{move || t(locale.get(), "call-heading")}</h2>
            <div class="calls">
                <For
                    each=numbers
                    key=|n| (n.number.clone(), n.label.clone())
                    children=|n| {
                        let id = format!("call-{}", n.href.trim_start_matches("tel:").trim_start_matches('+'));
                        view! {
                            <a class="call" id=id href=n.href>
                                <span class="call-number" dir="ltr">{n.number}</span>
                                <span lang=n.lang.code() dir=n.lang.direction().as_str()>{n.label}</span>
                            </a>
                        }
                    }
                />
            </div>
        </section>
    }
}
