//! Choosing a PIN, unlocking, locking.

use crate::i18n::{t, t_count};
use crate::ipc;
use kulna_model::{CommandError, ErrorKind, Locale};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The smallest PIN the vault accepts (characters).
pub(crate) const MIN_PIN_CHARS: usize = 4;

/// A message to show, by id, with an optional count for plural forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) id: &'static str,
    pub(crate) count: Option<u32>,
}

impl Problem {
    pub(crate) const fn plain(id: &'static str) -> Self {
        Self { id, count: None }
    }

    pub(crate) fn from_error(e: &CommandError) -> Self {
        let wait = e
            .retry_after_secs
            .filter(|s| *s > 0)
            .map(|s| u32::try_from(s).unwrap_or(u32::MAX));
        match (e.kind, wait) {
            (ErrorKind::WrongPin | ErrorKind::TooManyAttempts, Some(secs)) => Self {
                id: "pin-wait",
                count: Some(secs),
            },
            (ErrorKind::WrongPin, None) => Self::plain("wrong-pin"),
            (ErrorKind::InvalidInput, _) => Self::plain("pin-too-short"),
            _ => Self::plain("error-generic"),
        }
    }

    pub(crate) fn text(self, locale: Locale) -> String {
        match self.count {
            Some(n) => t_count(locale, self.id, n),
            None => t(locale, self.id),
        }
    }
}

fn problem_view(locale: ReadSignal<Locale>, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    move || {
        problem.get().map(|p| {
            view! { <p id="pin-problem" class="status-line warn" role="alert" data-problem=p.id>{p.text(locale.get())}</p> }
        })
    }
}

/// A labelled PIN field: hidden text, a numeric keypad on phones, never
/// remembered by the browser.
pub(crate) fn pin_field(
    locale: ReadSignal<Locale>,
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label for=id>{move || t(locale.get(), label)}</label>
        <input id=id type="password" inputmode="numeric" autocomplete="off"
            prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
    }
}

/// First run: choose a PIN (optional: the panic button works without one).
#[component]
pub fn PinSetup(locale: ReadSignal<Locale>, on_done: impl Fn() + Copy + 'static) -> impl IntoView {
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let first = pin.get_untracked();
        if first.chars().count() < MIN_PIN_CHARS {
            problem.set(Some(Problem::plain("pin-too-short")));
            return;
        }
        if first != again.get_untracked() {
            problem.set(Some(Problem::plain("pin-mismatch")));
            return;
        }
        // Nothing of the PIN stays in the page once it is handed over.
        pin.set(String::new());
        again.set(String::new());
        spawn_local(async move {
            match ipc::set_pin(first).await {
                Ok(()) => {
                    problem.set(None);
                    on_done();
                }
                Err(e) => problem.set(Some(Problem::from_error(&e))),
            }
        });
    };
    view! {
        <section class="card" id="pin-setup" aria-labelledby="pin-setup-heading">
            <h2 id="pin-setup-heading">{move || t(locale.get(), "pin-setup-heading")}</h2>
            <p>{move || t(locale.get(), "pin-setup-hint")}</p>
            <form on:submit=submit>
                {pin_field(locale, "pin-new", "pin-label", pin)}
                {pin_field(locale, "pin-again", "pin-again-label", again)}
                <button id="pin-save" type="submit">{move || t(locale.get(), "pin-save")}</button>
                {problem_view(locale, problem)}
            </form>
        </section>
    }
}

/// The vault is locked: her PIN opens it.
#[component]
pub fn UnlockForm(
    locale: ReadSignal<Locale>,
    on_done: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let pin = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = pin.get_untracked();
        pin.set(String::new());
        busy.set(true);
        spawn_local(async move {
            let outcome = ipc::unlock_vault(text).await;
            busy.set(false);
            match outcome {
                Ok(()) => {
                    problem.set(None);
                    on_done();
                }
                Err(e) => problem.set(Some(Problem::from_error(&e))),
            }
        });
    };
    view! {
        <section class="card" id="unlock" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading">{move || t(locale.get(), "unlock-heading")}</h2>
            <form on:submit=submit>
                {pin_field(locale, "pin-unlock", "pin-label", pin)}
                <button id="unlock-button" type="submit" prop:disabled=busy aria-busy=move || busy.get().to_string()>
                    {move || t(locale.get(), "unlock-button")}
                </button>
                // Opening takes a moment on purpose (it makes guessing slow).
                <Show when=move || busy.get()>
                    <p id="unlock-progress" class="status-line" role="status">
                        <progress class="working"></progress>
                        " "
                        {move || t(locale.get(), "unlock-opening")}
                    </p>
                </Show>
                {problem_view(locale, problem)}
            </form>
        </section>
    }
}

/// The vault is open: lock it now, and choose whether the app opens as a
/// calculator.
#[component]
pub fn LockCard(
    locale: ReadSignal<Locale>,
    disguise: bool,
    on_done: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        spawn_local(async move {
            let _ = ipc::set_disguise(on).await;
            on_done();
        });
    };
    let lock = move |_| {
        spawn_local(async move {
            let _ = ipc::lock_vault().await;
            on_done();
        });
    };
    view! {
        <section class="card" id="lock" aria-labelledby="lock-heading">
            <h2 id="lock-heading">{move || t(locale.get(), "lock-heading")}</h2>
            <button id="lock-button" type="button" on:click=lock>{move || t(locale.get(), "lock-button")}</button>
            <label class="toggle">
                <input id="disguise-toggle" type="checkbox" prop:checked=disguise on:change=toggle />
                {move || t(locale.get(), "disguise-toggle")}
            </label>
            <p class="hint">{move || t(locale.get(), "disguise-hint")}</p>
        </section>
    }
}
