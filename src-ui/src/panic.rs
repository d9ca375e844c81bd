//! The panic button: press and hold (so it cannot go off in a pocket), then
//! a short countdown she can cancel, then the alert is sealed and saved.
//! Works while the app is locked. Mouse, touch and keyboard (Enter or
//! Space, held) follow the same rule.

use crate::contacts::sms_link;
use crate::i18n::{t, t_count};
use crate::ipc;
use kulna_model::{AlertProgress, Locale};
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
    /// Her region, named in the SMS to her trusted contacts.
    #[prop(into)]
    region: Signal<Option<u8>>,
    on_saved: impl Fn() + Copy + 'static,
) -> impl IntoView {
    // Her trusted contacts, read when an alert is saved (none while locked).
    let contacts = RwSignal::new(Vec::<String>::new());
    let phase = RwSignal::new(Phase::Idle);
    let ticker = StoredValue::new(None::<IntervalHandle>);
    // Where the last alert has got to, asked of the shell every second
    // until a listener has it (or the service refused it).
    let progress = RwSignal::new(None::<AlertProgress>);
    let watcher = StoredValue::new(None::<IntervalHandle>);
    let stop_watching = move || {
        if let Some(handle) = watcher.get_value() {
            handle.clear();
        }
        watcher.set_value(None);
    };
    let watch = move |id| {
        stop_watching();
        let check = move || {
            spawn_local(async move {
                if let Ok(now) = ipc::get_alert_progress(id).await {
                    progress.set(Some(now));
                    if matches!(now, AlertProgress::Received | AlertProgress::Refused) {
                        stop_watching();
                    }
                }
            });
        };
        check();
        if let Ok(handle) = set_interval_with_handle(check, Duration::from_secs(1)) {
            watcher.set_value(Some(handle));
        }
    };
    on_cleanup(stop_watching);

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
                Ok(id) => {
                    progress.set(Some(AlertProgress::Saved));
                    phase.set(Phase::Saved);
                    watch(id);
                    on_saved();
                    contacts.set(ipc::get_trusted_contacts().await.unwrap_or_default());
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
            // A new alert: the steps of the last one no longer apply.
            stop_watching();
            progress.set(None);
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
            <p id="panic-message" class="panic-message" aria-live="assertive"
                data-progress=move || progress.get().map(progress_code).unwrap_or("")>
                {move || {
                    let l = locale.get();
                    match phase.get() {
                        Phase::Idle | Phase::Holding(_) => t(l, "panic-hold-hint"),
                        Phase::Countdown(ms) => t_count(l, "panic-countdown", ms.div_ceil(1000)),
                        Phase::Saving => t(l, "panic-sending"),
                        Phase::Saved => match progress.get() {
                            Some(AlertProgress::Sent) => t(l, "panic-sent"),
                            Some(AlertProgress::Received) => t(l, "panic-received"),
                            Some(AlertProgress::Refused) => t(l, "panic-refused"),
                            Some(AlertProgress::Saved) | None => t(l, "panic-saved"),
                        },
                        Phase::Failed => t(l, "panic-failed"),
                    }
                }}
            </p>
            <Show when=move || phase.get() == Phase::Saved>
                <ol class="alert-steps" aria-hidden="true">
                    {move || {
                        let l = locale.get();
                        let reached = progress.get().map(step_reached).unwrap_or(1);
                        [(1, "panic-step-saved"), (2, "panic-step-sent"), (3, "panic-step-received")]
                            .into_iter()
                            .map(|(n, key)| view! {
                                <li data-done=(n <= reached).to_string()>
                                    <span class="step-mark">{if n <= reached { "✓" } else { "○" }}</span>
                                    {t(l, key)}
                                </li>
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
            <Show when=move || phase.get() == Phase::Saved>
                <a id="panic-sms" class="call secondary" href=move || {
                    let l = locale.get();
                    let body = match region.get() {
                        Some(r) => {
                            let mut args = kulna_i18n::FluentArgs::new();
                            args.set("region", t(l, &format!("region-{r:02}")));
                            crate::i18n::t_args(l, "panic-sms-body", &args)
                        }
                        None => t(l, "panic-sms-body-no-region"),
                    };
                    sms_link(&contacts.get(), &body)
                }>
                    <span aria-hidden="true">"✉ "</span>
                    {move || t(locale.get(), "panic-sms")}
                </a>
            </Show>
            <Show when=move || matches!(phase.get(), Phase::Countdown(_))>
                <button id="panic-cancel" class="secondary" type="button" on:click=cancel>
                    {move || t(locale.get(), "panic-cancel")}
                </button>
            </Show>
        </section>
    }
}

fn progress_code(p: AlertProgress) -> &'static str {
    match p {
        AlertProgress::Saved => "saved",
        AlertProgress::Sent => "sent",
        AlertProgress::Received => "received",
        AlertProgress::Refused => "refused",
    }
}

/// How many of the three steps (saved, sent, received) are behind her.
fn step_reached(p: AlertProgress) -> u32 {
    match p {
        AlertProgress::Saved | AlertProgress::Refused => 1,
        AlertProgress::Sent => 2,
        AlertProgress::Received => 3,
    }
}
