//! One tap to call the listening line and the emergency numbers. The
//! numbers are Morocco's (CONTEXT.md); the service will be able to change
//! them once it publishes them.

use crate::i18n::t;
use kulna_model::Locale;
use leptos::prelude::*;

/// (message id, number)
const NUMBERS: [(&str, &str); 4] = [
    ("call-line", "8350"),
    ("call-police", "19"),
    ("call-gendarmerie", "177"),
    ("call-civil", "15"),
];

/// The call buttons.
#[component]
pub fn CallCard(locale: ReadSignal<Locale>) -> impl IntoView {
    view! {
        <section class="card" id="calls" aria-labelledby="calls-heading">
            <h2 id="calls-heading">{move || t(locale.get(), "call-heading")}</h2>
            <div class="calls">
                {NUMBERS
                    .into_iter()
                    .map(|(label, number)| {
                        view! {
                            <a class="call" id=format!("call-{number}") href=format!("tel:{number}")>
                                <span class="call-number" dir="ltr">{number}</span>
                                <span>{move || t(locale.get(), label)}</span>
                            </a>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
