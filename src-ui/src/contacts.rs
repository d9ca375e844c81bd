//! Her trusted contacts: up to three numbers the panic screen offers to
//! text, kept in the vault.

use crate::i18n::t;
use crate::ipc;
use kulna_model::{ErrorKind, Locale};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

const SLOTS: usize = 3;

/// The card to keep her trusted contacts (shown while unlocked).
#[component]
pub fn TrustedContactsCard(locale: ReadSignal<Locale>) -> impl IntoView {
    let numbers: [RwSignal<String>; SLOTS] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // Some(true) saved; Some(false) a number was not accepted; the error
    // kind otherwise.
    let message = RwSignal::new(None::<&'static str>);
    spawn_local(async move {
        if let Ok(saved) = ipc::get_trusted_contacts().await {
            for (slot, n) in numbers.iter().zip(saved) {
                slot.set(n);
            }
        }
    });
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed: Vec<String> = numbers.iter().map(|n| n.get_untracked()).collect();
        spawn_local(async move {
            match ipc::set_trusted_contacts(typed).await {
                Ok(saved) => {
                    for (i, slot) in numbers.iter().enumerate() {
                        slot.set(saved.get(i).cloned().unwrap_or_default());
                    }
                    message.set(Some("contacts-saved"));
                }
                Err(e) if e.kind == ErrorKind::InvalidInput => {
                    message.set(Some("contacts-bad-number"))
                }
                Err(_) => message.set(Some("error-generic")),
            }
        });
    };
    view! {
        <section class="card" id="trusted-contacts" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{move || t(locale.get(), "contacts-heading")}</h2>
            <p class="hint">{move || t(locale.get(), "contacts-hint")}</p>
            <form on:submit=save>
                {numbers.into_iter().enumerate().map(|(i, value)| {
                    let id = format!("contact-{}", i + 1);
                    view! {
                        <input id=id type="tel" inputmode="tel" autocomplete="off" dir="ltr"
                            aria-label=move || t(locale.get(), "contacts-number")
                            prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev)) />
                    }
                }).collect_view()}
                <button id="contacts-save" type="submit">{move || t(locale.get(), "contacts-save")}</button>
            </form>
            {move || message.get().map(|key| {
                let class = if key == "contacts-saved" { "ok" } else { "warn" };
                view! { <p id="contacts-message" class=format!("status-line {class}") role="status">{t(locale.get(), key)}</p> }
            })}
        </section>
    }
}

/// The `sms:` link the panic screen offers: her trusted contacts (none
/// while locked: she picks them in her messaging app) and a message with
/// her region, ready for when there is no data connection.
pub fn sms_link(numbers: &[String], body: &str) -> String {
    let body = String::from(js_sys::encode_uri_component(body));
    format!("sms:{}?body={body}", numbers.join(","))
}
