//! Safety settings of the open app: change the PIN, set a duress PIN, and
//! erase everything (after a five-second countdown she can cancel).

use crate::i18n::{t, t_count};
use crate::ipc;
use crate::lock::{pin_field, Problem, MIN_PIN_CHARS};
use kulna_model::Locale;
use leptos::ev::SubmitEvent;
use leptos::leptos_dom::helpers::{set_interval_with_handle, IntervalHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How long she has to cancel an erase.
const WIPE_COUNTDOWN_SECS: u32 = 5;

fn notice(
    locale: ReadSignal<Locale>,
    id: &'static str,
    message: RwSignal<Option<(Problem, bool)>>,
) -> impl IntoView {
    move || {
        message.get().map(|(p, ok)| {
            let class = if ok { "status-line ok" } else { "status-line warn" };
            view! { <p id=id class=class role="status" data-message=p.id>{p.text(locale.get())}</p> }
        })
    }
}

/// The safety card, shown while the vault is open.
#[component]
pub fn SafetyCard(
    locale: ReadSignal<Locale>,
    on_wiped: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new_pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let change_message = RwSignal::new(None::<(Problem, bool)>);
    let change = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (old, new, repeat) = (
            current.get_untracked(),
            new_pin.get_untracked(),
            again.get_untracked(),
        );
        if new.chars().count() < MIN_PIN_CHARS {
            change_message.set(Some((Problem::plain("pin-too-short"), false)));
            return;
        }
        if new != repeat {
            change_message.set(Some((Problem::plain("pin-mismatch"), false)));
            return;
        }
        for s in [current, new_pin, again] {
            s.set(String::new());
        }
        spawn_local(async move {
            change_message.set(Some(match ipc::change_pin(old, new).await {
                Ok(()) => (Problem::plain("pin-changed"), true),
                Err(e) => (Problem::from_error(&e), false),
            }));
        });
    };

    let duress = RwSignal::new(String::new());
    let wipe_real = RwSignal::new(false);
    let duress_message = RwSignal::new(None::<(Problem, bool)>);
    let save_duress = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = duress.get_untracked();
        if text.chars().count() < MIN_PIN_CHARS {
            duress_message.set(Some((Problem::plain("pin-too-short"), false)));
            return;
        }
        duress.set(String::new());
        let wipe = wipe_real.get_untracked();
        spawn_local(async move {
            duress_message.set(Some(match ipc::set_duress_pin(text, wipe).await {
                Ok(()) => (Problem::plain("duress-saved"), true),
                Err(e) => (Problem::from_error(&e), false),
            }));
        });
    };

    let wipe_left = RwSignal::new(None::<u32>);
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(h) = ticker.get_value() {
            h.clear();
        }
        ticker.set_value(None);
    };
    let tick = move || match wipe_left.get_untracked() {
        Some(n) if n > 1 => wipe_left.set(Some(n - 1)),
        Some(_) => {
            stop();
            wipe_left.set(None);
            spawn_local(async move {
                let _ = ipc::wipe_app().await;
                on_wiped();
            });
        }
        None => stop(),
    };
    let start_wipe = move |_| {
        if wipe_left.get_untracked().is_none() {
            wipe_left.set(Some(WIPE_COUNTDOWN_SECS));
            if let Ok(h) = set_interval_with_handle(tick, Duration::from_secs(1)) {
                ticker.set_value(Some(h));
            }
        }
    };
    let cancel_wipe = move |_| {
        stop();
        wipe_left.set(None);
    };

    view! {
        <section class="card" id="safety" aria-labelledby="safety-heading">
            <h2 id="safety-heading">{move || t(locale.get(), "safety-heading")}</h2>

            <form id="change-pin" on:submit=change>
                <h3>{move || t(locale.get(), "change-pin-heading")}</h3>
                {pin_field(locale, "pin-current", "pin-current-label", current)}
                {pin_field(locale, "pin-changed-new", "pin-label", new_pin)}
                {pin_field(locale, "pin-changed-again", "pin-again-label", again)}
                <button id="change-pin-button" type="submit">{move || t(locale.get(), "change-pin-button")}</button>
                {notice(locale, "change-pin-message", change_message)}
            </form>

            <form id="duress" on:submit=save_duress>
                <h3>{move || t(locale.get(), "duress-heading")}</h3>
                <p class="hint">{move || t(locale.get(), "duress-hint")}</p>
                {pin_field(locale, "duress-pin", "pin-label", duress)}
                <label class="toggle">
                    <input id="duress-wipe" type="checkbox" prop:checked=wipe_real
                        on:change=move |ev| wipe_real.set(event_target_checked(&ev)) />
                    {move || t(locale.get(), "duress-wipe-toggle")}
                </label>
                <button id="duress-save" type="submit">{move || t(locale.get(), "duress-save")}</button>
                {notice(locale, "duress-message", duress_message)}
            </form>

            <h3>{move || t(locale.get(), "wipe-heading")}</h3>
            <p class="hint">{move || t(locale.get(), "wipe-hint")}</p>
            {move || match wipe_left.get() {
                None => view! {
                    <button id="wipe-button" type="button" class="danger" on:click=start_wipe>
                        {move || t(locale.get(), "wipe-button")}
                    </button>
                }.into_any(),
                Some(n) => view! {
                    <p id="wipe-countdown" class="status-line warn" role="alert">{t_count(locale.get(), "wipe-countdown", n)}</p>
                    <button id="wipe-cancel" type="button" class="secondary" on:click=cancel_wipe>
                        {move || t(locale.get(), "panic-cancel")}
                    </button>
                }.into_any(),
            }}
        </section>
    }
}
