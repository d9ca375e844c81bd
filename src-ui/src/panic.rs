//! The panic button: press and hold (so it cannot go off in a pocket), then
//! a short countdown she can cancel, then the alert is sealed and saved.
//! Works while the app is locked. Mouse, touch and keyboard (Enter or
//! Space, held) follow the same rule.

use crate::i18n::{t, t_count};
use crate::ipc;
use kulna_model::Locale;
use leptos::leptos_dom::helpers::{set_interval_with_handle, IntervalHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

const TICK_MS: u32 = 100;
/// How long she must hold the button.
pub const HOLD_MS: u32 = 2_000;
/// The countdown after the hold, during which she can cancel.
pub const COUNTDOWN_MS: u32 = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    Holding(u32),
    Countdown(u32),
    Saving,
    Saved,
    Failed,
}

/// The button, its progress, its countdown and its outcome.
#[component]
pub fn PanicButton(
    locale: ReadSignal<Locale>,
    on_saved: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Idle);
    let ticker = StoredValue::new(None::<IntervalHandle>);

    let stop = move || {
        if let Some(handle) = ticker.get_value() {
            handle.clear();
        }
        ticker.set_value(None);
    };
    let fire = move || {
        stop();
        phase.set(Phase::Saving);
        spawn_local(async move {
            match ipc::raise_alert().await {
                Ok(_) => {
                    phase.set(Phase::Saved);
                    on_saved();
                }
                Err(_) => phase.set(Phase::Failed),
            }
        });
    };
    let tick = move || match phase.get_untracked() {
        Phase::Holding(ms) if ms + TICK_MS >= HOLD_MS => phase.set(Phase::Countdown(COUNTDOWN_MS)),
        Phase::Holding(ms) => phase.set(Phase::Holding(ms + TICK_MS)),
        Phase::Countdown(ms) if ms <= TICK_MS => fire(),
        Phase::Countdown(ms) => phase.set(Phase::Countdown(ms - TICK_MS)),
        _ => stop(),
    };
    let press = move || {
        if matches!(
            phase.get_untracked(),
            Phase::Idle | Phase::Saved | Phase::Failed
        ) {
            stop();
            phase.set(Phase::Holding(0));
            if let Ok(handle) =
                set_interval_with_handle(tick, Duration::from_millis(TICK_MS.into()))
            {
                ticker.set_value(Some(handle));
            }
        }
    };
    let release = move || {
        if matches!(phase.get_untracked(), Phase::Holding(_)) {
            stop();
            phase.set(Phase::Idle);
        }
    };
    let cancel = move |_| {
        stop();
        phase.set(Phase::Idle);
    };
    let is_hold_key = |key: &str| key == "Enter" || key == " ";

    let held_percent = move || match phase.get() {
        Phase::Holding(ms) => ms * 100 / HOLD_MS,
        Phase::Countdown(_) | Phase::Saving | Phase::Saved => 100,
        _ => 0,
    };

    view! {
        <section class="card panic" aria-labelledby="panic-button">
            <button
                id="panic-button"
                class="panic-button"
                type="button"
                aria-label=move || t(locale.get(), "panic-button-label")
                data-phase=move || format!("{:?}", phase.get()).to_lowercase()
                on:pointerdown=move |ev| {
                    ev.prevent_default();
                    press();
                }
                on:pointerup=move |_| release()
                on:pointerleave=move |_| release()
                on:pointercancel=move |_| release()
                on:contextmenu=move |ev| ev.prevent_default()
                on:keydown=move |ev| {
                    if is_hold_key(&ev.key()) {
                        ev.prevent_default();
                        if !ev.repeat() {
                            press();
                        }
                    }
                }
                on:keyup=move |ev| {
                    if is_hold_key(&ev.key()) {
                        release();
                    }
                }
            >
                {move || t(locale.get(), "panic-button")}
            </button>
            <div
                class="hold-progress"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || held_percent().to_string()
            >
                <div class="hold-progress-bar" style=move || format!("inline-size: {}%", held_percent())></div>
            </div>
            <p id="panic-message" class="panic-message" aria-live="assertive">
                {move || {
                    let l = locale.get();
                    match phase.get() {
                        Phase::Idle | Phase::Holding(_) => t(l, "panic-hold-hint"),
                        Phase::Countdown(ms) => t_count(l, "panic-countdown", ms.div_ceil(1000)),
                        Phase::Saving => t(l, "panic-sending"),
                        Phase::Saved => t(l, "panic-saved"),
                        Phase::Failed => t(l, "panic-failed"),
                    }
                }}
            </p>
            <Show when=move || matches!(phase.get(), Phase::Countdown(_))>
                <button id="panic-cancel" class="secondary" type="button" on:click=cancel>
                    {move || t(locale.get(), "panic-cancel")}
                </button>
            </Show>
        </section>
    }
}
