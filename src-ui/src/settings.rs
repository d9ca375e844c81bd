//! Her settings: region (what an alert carries on a computer), text size,
//! and how soon the app locks itself when left alone.

use crate::i18n::t;
use crate::ipc;
use crate::report::{parse_region, region_options};
use kulna_model::{ErrorKind, Locale, TextSize};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The minutes she can choose for the auto-lock (0 stands for "never").
const AUTO_LOCK_CHOICES: [u32; 5] = [1, 5, 15, 60, 0];

/// Draws the page at her text size (on the root element, so every `rem`
/// follows).
pub fn apply_text_size(size: TextSize) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("data-text-size", size.code());
}

/// The settings card. `on_changed` refreshes the app's status after a save.
#[component]
pub fn SettingsCard(
    locale: ReadSignal<Locale>,
    region: Option<u8>,
    text_size: TextSize,
    auto_lock_minutes: Option<u32>,
    unlocked: bool,
    /// The service address in use.
    service_url: Option<String>,
    /// Whether she may change it now (the app is open, or has no PIN yet).
    may_change_service: bool,
    on_changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    // What the last save said: Some(true) saved, Some(false) failed.
    let saved = RwSignal::new(None::<bool>);
    let report = move |ok: bool| {
        saved.set(Some(ok));
        if ok {
            on_changed();
        }
    };
    let choose_region = move |ev: leptos::ev::Event| {
        let chosen = parse_region(&event_target_value(&ev));
        spawn_local(async move { report(ipc::set_region(chosen).await.is_ok()) });
    };
    let current_size = RwSignal::new(text_size);
    let choose_size = move |size: TextSize| {
        apply_text_size(size);
        current_size.set(size);
        spawn_local(async move { report(ipc::set_text_size(size).await.is_ok()) });
    };
    let choose_auto_lock = move |ev: leptos::ev::Event| {
        let minutes = event_target_value(&ev)
            .parse::<u32>()
            .ok()
            .filter(|m| *m > 0);
        spawn_local(async move { report(ipc::set_auto_lock(minutes).await.is_ok()) });
    };
    let region_value = region.map(|r| format!("{r:02}")).unwrap_or_default();
    // The service address: what she typed, and what the last try said.
    let address = RwSignal::new(service_url.unwrap_or_default());
    let service_result = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let connect = move |_| {
        let url = address.get_untracked();
        busy.set(true);
        service_result.set(None);
        spawn_local(async move {
            let result = match ipc::set_service_url(url.trim()).await {
                Ok(()) => "saved",
                Err(e) => match e.kind {
                    ErrorKind::InvalidInput => "invalid",
                    ErrorKind::ItemsWaiting => "waiting",
                    ErrorKind::Refused => "refused",
                    ErrorKind::Network => "unreachable",
                    _ => "failed",
                },
            };
            busy.set(false);
            service_result.set(Some(result));
            if result == "saved" {
                on_changed();
            }
        });
    };
    view! {
        <section class="card" id="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{move || t(locale.get(), "settings-heading")}</h2>
            <label for="settings-region">{move || t(locale.get(), "settings-region")}</label>
            <select id="settings-region" prop:value=region_value on:change=choose_region>
                {region_options(locale)}
            </select>
            <p class="hint">{move || t(locale.get(), "first-run-region-why")}</p>

            <h3 id="text-size-heading">{move || t(locale.get(), "settings-text-size")}</h3>
            <div class="text-sizes" role="group" aria-labelledby="text-size-heading">
                {TextSize::ALL.into_iter().map(|size| {
                    let chosen = move || current_size.get() == size;
                    view! {
                        <button type="button" id=format!("text-size-{}", size.code())
                            class=format!("text-size-{}", size.code())
                            aria-pressed=move || chosen().to_string()
                            on:click=move |_| choose_size(size)>
                            {move || t(locale.get(), &format!("settings-text-size-{}", size.code()))}
                        </button>
                    }
                }).collect_view()}
            </div>

            <Show when=move || unlocked>
                <label for="settings-auto-lock">{move || t(locale.get(), "settings-auto-lock")}</label>
                <select id="settings-auto-lock" on:change=choose_auto_lock>
                    {AUTO_LOCK_CHOICES.into_iter().map(|m| {
                        let label = move || if m == 0 {
                            t(locale.get(), "settings-auto-lock-never")
                        } else {
                            crate::i18n::t_count(locale.get(), "settings-auto-lock-minutes", m)
                        };
                        let selected = auto_lock_minutes.unwrap_or(0) == m;
                        view! { <option value=m.to_string() selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </Show>
            // For field teams: the address of their center's own service.
            <Show when=move || may_change_service>
                <details id="settings-service-details">
                    <summary>{move || t(locale.get(), "settings-service")}</summary>
                    <p class="hint">{move || t(locale.get(), "settings-service-hint")}</p>
                    <label for="settings-service">{move || t(locale.get(), "settings-service-address")}</label>
                    <input id="settings-service" type="url" dir="ltr" autocomplete="off" inputmode="url"
                        prop:value=address on:input=move |ev| address.set(event_target_value(&ev)) />
                    <button id="settings-service-save" type="button" class="secondary"
                        disabled=move || busy.get() on:click=connect>
                        {move || t(locale.get(), if busy.get() { "settings-service-connecting" } else { "settings-service-save" })}
                    </button>
                    {move || service_result.get().map(|result| {
                        let class = if result == "saved" { "ok" } else { "warn" };
                        view! {
                            <p id="settings-service-message" class=format!("status-line {class}") role="status"
                                data-result=result>
                                {t(locale.get(), &format!("settings-service-{result}"))}
                            </p>
                        }
                    })}
                </details>
            </Show>
            // About and privacy, in the same plain words as the first run.
            <details id="settings-about">
                <summary>{move || t(locale.get(), "settings-about")}</summary>
                <ul class="first-run-points">
                    {["first-run-about-alert", "first-run-about-stored", "first-run-about-offline", "first-run-about-exit"]
                        .into_iter()
                        .map(|key| view! { <li>{move || t(locale.get(), key)}</li> })
                        .collect_view()}
                </ul>
            </details>
            {move || saved.get().map(|ok| {
                let (key, class) = if ok { ("settings-saved", "ok") } else { ("error-generic", "warn") };
                view! { <p id="settings-message" class=format!("status-line {class}") role="status">{t(locale.get(), key)}</p> }
            })}
        </section>
    }
}
