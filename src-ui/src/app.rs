//! The home screen: the panic button first, then her PIN (choose, unlock or
//! lock), what the app knows of itself, and her language.

use crate::disguise::Calculator;
use crate::i18n::{apply_to_document, t, t_count, t_num};
use crate::ipc;
use crate::lock::{LockCard, PinSetup, UnlockForm};
use crate::panic::PanicButton;
use kulna_model::{AppStatus, CommandError, Locale, LockState, ServiceHealth};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let locale = RwSignal::new(Locale::default());
    // The language the shell has confirmed it saved (for tests and for
    // knowing a restart will keep it).
    let saved_locale = RwSignal::new(None::<Locale>);
    let status = RwSignal::new(None::<Result<AppStatus, CommandError>>);
    let save_failed = RwSignal::new(false);
    // Showing the calculator instead of the app (quick exit, or the
    // disguise at start).
    let disguised = RwSignal::new(false);

    Effect::new(move |_| apply_to_document(locale.get()));

    let refresh = move || {
        spawn_local(async move {
            let answer = ipc::get_app_status().await;
            if let Ok(s) = &answer {
                if saved_locale.get_untracked().is_none() {
                    locale.set(s.locale);
                    disguised.set(s.disguise);
                }
                saved_locale.set(Some(s.locale));
            }
            status.set(Some(answer));
        });
    };
    refresh();
    let lock_state = move || status.get().and_then(|s| s.ok()).map(|s| s.lock);

    // Quick exit: the calculator replaces every sensitive node at once, then
    // the vault locks.
    let quick_exit = move || {
        disguised.set(true);
        spawn_local(async move {
            let _ = ipc::lock_vault().await;
            refresh();
        });
    };
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            quick_exit();
        }
    });
    on_cleanup(move || escape.remove());
    let leave_disguise = move || {
        disguised.set(false);
        refresh();
    };

    let choose = move |l: Locale| {
        locale.set(l);
        spawn_local(async move {
            match ipc::set_locale(l).await {
                Ok(()) => {
                    save_failed.set(false);
                    saved_locale.set(Some(l));
                }
                Err(_) => save_failed.set(true),
            }
        });
    };

    let app = move || {
        view! {
        <main
            data-saved-locale=move || saved_locale.get().map(|l| l.code()).unwrap_or("")
            data-lock=move || match lock_state() {
                Some(LockState::NotSetUp) => "not_set_up",
                Some(LockState::Locked) => "locked",
                Some(LockState::Unlocked) => "unlocked",
                None => "",
            }
        >
            <div class="quick-exit-bar">
                <button id="quick-exit" class="quick-exit" type="button"
                    aria-label=move || t(locale.get(), "quick-exit-label")
                    on:click=move |_| quick_exit()>
                    {move || t(locale.get(), "quick-exit")}
                </button>
            </div>
            <header>
                <h1 id="app-name">{move || t(locale.get(), "app-name")}</h1>
                <p class="tagline" id="app-tagline">{move || t(locale.get(), "app-tagline")}</p>
            </header>
            <PanicButton locale=locale.read_only() on_saved=refresh />
            {move || match lock_state() {
                Some(LockState::NotSetUp) => view! { <PinSetup locale=locale.read_only() on_done=refresh /> }.into_any(),
                Some(LockState::Locked) => view! { <UnlockForm locale=locale.read_only() on_done=refresh /> }.into_any(),
                Some(LockState::Unlocked) => view! {
                    <LockCard
                        locale=locale.read_only()
                        disguise=status.get().and_then(|s| s.ok()).is_some_and(|s| s.disguise)
                        on_done=refresh
                    />
                }.into_any(),
                None => ().into_any(),
            }}
            <StatusCard locale=locale.read_only() status=status.read_only() />
            <LanguagePicker locale=locale.read_only() choose=choose />
            <Show when=move || save_failed.get()>
                <p class="status-line warn" role="alert">{move || t(locale.get(), "error-generic")}</p>
            </Show>
        </main>
        }
    };

    // The root re-renders only when these change, never on a status refresh
    // (which would reset the panic button and any half-typed field).
    let loaded = Memo::new(move |_| status.with(Option::is_some));
    let pin_set = Memo::new(move |_| lock_state() != Some(LockState::NotSetUp));
    move || {
        if disguised.get() {
            let pin_set = pin_set.get_untracked();
            view! { <Calculator pin_set=pin_set on_return=leave_disguise /> }.into_any()
        } else if !loaded.get() {
            // Nothing until we know whether to open disguised.
            ().into_any()
        } else {
            app().into_any()
        }
    }
}

#[component]
fn LanguagePicker(
    locale: ReadSignal<Locale>,
    choose: impl Fn(Locale) + Copy + 'static,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="language-heading">
            <h2 id="language-heading">{move || t(locale.get(), "language-label")}</h2>
            <div class="languages" role="group" aria-labelledby="language-heading">
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <button
                                id=format!("lang-{}", l.code())
                                lang=l.code()
                                dir=l.direction().as_str()
                                aria-pressed=move || (locale.get() == l).to_string()
                                on:click=move |_| choose(l)
                            >
                                {l.native_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

fn service_message(health: ServiceHealth) -> (&'static str, &'static str) {
    match health {
        ServiceHealth::Reachable => ("service-reachable", "ok"),
        ServiceHealth::Unreachable => ("service-unreachable", "warn"),
        ServiceHealth::Unknown => ("service-unknown", "warn"),
        ServiceHealth::NotConfigured => ("service-not-configured", "warn"),
    }
}

#[component]
fn StatusCard(
    locale: ReadSignal<Locale>,
    status: ReadSignal<Option<Result<AppStatus, CommandError>>>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="status-heading" aria-live="polite">
            <h2 id="status-heading">{move || t(locale.get(), "status-heading")}</h2>
            {move || {
                let l = locale.get();
                match status.get() {
                    None => view! { <p id="status-loading">{t(l, "status-loading")}</p> }.into_any(),
                    Some(Err(_)) => {
                        view! { <p id="status-storage" class="status-line warn" role="alert">{t(l, "error-storage")}</p> }
                            .into_any()
                    }
                    Some(Ok(s)) => {
                        let (service_id, service_class) = service_message(s.service);
                        view! {
                            <p id="status-storage" class="status-line ok" data-ready=s.storage_ready.to_string()>
                                {t(l, "status-storage-ready")}
                            </p>
                            <p id="outbox-waiting" class="status-line" data-count=s.outbox.total().to_string()>
                                {t_count(l, "home-waiting", s.outbox.total())}
                            </p>
                            <p id="status-service" class=format!("status-line {service_class}") data-health=service_id>
                                {t(l, service_id)}
                            </p>
                            <p class="version">
                                {t_num(l, "status-storage-version", "version", s.schema_version)}
                            </p>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}
