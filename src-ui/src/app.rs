//! The home screen: the panic button first, then her PIN (choose, unlock or
//! lock), what the app knows of itself, and her language.

use crate::calls::CallCard;
use crate::cases::MyCases;
use crate::contacts::TrustedContactsCard;
use crate::directory::DirectoryPage;
use crate::disguise::Calculator;
use crate::firstrun::FirstRun;
use crate::i18n::{apply_to_document, t, t_count, t_num};
use crate::ipc;
use crate::lock::{LockCard, PinSetup, UnlockForm};
use crate::panic::PanicButton;
use crate::report::{ReportOutcome, ReportPage};
use crate::safety::SafetyCard;
use crate::settings::{apply_text_size, SettingsCard};
use crate::staff::StaffPage;
use crate::support::SupportPage;
use kulna_model::record::{MyCase, ReportDraft};
use kulna_model::{
    AppStatus, CommandError, Locale, LockState, ServiceHealth, SyncProblem, SyncState,
};
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
    // The report being written, if the form is open.
    let writing = RwSignal::new(None::<ReportDraft>);
    // A report left unfinished (offered as "continue your report?").
    let unfinished = RwSignal::new(None::<ReportDraft>);
    let report_sent = RwSignal::new(false);
    // Her cases with their statuses (only while unlocked).
    let cases = RwSignal::new(Vec::<MyCase>::new());
    // The support request form is open; a request was just sent.
    let asking = RwSignal::new(false);
    let support_sent = RwSignal::new(false);
    // The directory screen is open.
    let browsing = RwSignal::new(false);
    // The staff area (listeners, field workers) is open instead of home.
    let staff_open = RwSignal::new(false);
    // Which of her own screens is shown: home, or one reached from it.
    let screen = RwSignal::new(Screen::Home);

    Effect::new(move |_| apply_to_document(locale.get()));
    Effect::new(move |_| {
        if let Some(Ok(s)) = status.get() {
            apply_text_size(s.text_size);
        }
    });

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
            let unlocked = matches!(&answer, Ok(s) if s.lock == LockState::Unlocked);
            status.set(Some(answer));
            unfinished.set(if unlocked {
                ipc::get_unfinished_report().await.ok().flatten()
            } else {
                None
            });
            cases.set(if unlocked {
                ipc::get_my_cases().await.unwrap_or_default()
            } else {
                Vec::new()
            });
        });
    };
    refresh();

    // What sync reports: pushed by the shell whenever it changes.
    let sync = RwSignal::new(None::<SyncState>);
    spawn_local(async move {
        if let Ok(now) = ipc::get_sync_state().await {
            sync.set(now);
        }
        ipc::on_sync_state(move |now: SyncState| {
            // Something was delivered or a listener answered: show it.
            let changed = sync.with_untracked(|before| {
                before.as_ref().is_none_or(|b| {
                    b.waiting != now.waiting || b.status_updates != now.status_updates
                })
            });
            sync.set(Some(now));
            if changed && lock_state_untracked(status) == Some(LockState::Unlocked) {
                spawn_local(async move {
                    if let Ok(list) = ipc::get_my_cases().await {
                        cases.set(list);
                    }
                });
            }
        })
        .await;
    });
    let lock_state = move || status.get().and_then(|s| s.ok()).map(|s| s.lock);
    let unlocked = Memo::new(move |_| lock_state() == Some(LockState::Unlocked));
    // Locked (by her, by the shell, or by a quick exit): screens that need
    // the PIN give way to home, where the PIN is asked.
    Effect::new(move |_| {
        if !unlocked.get() && screen.get_untracked().needs_pin() {
            screen.set(Screen::Home);
        }
    });
    // The shell locked the vault after a while without use: hide what was open.
    spawn_local(async move {
        ipc::on_vault_locked(move || {
            writing.set(None);
            // The staff session lives in the vault: back to home and the PIN.
            staff_open.set(false);
            refresh();
        })
        .await;
    });

    // Quick exit: the calculator replaces every sensitive node at once, then
    // the vault locks.
    let quick_exit = move || {
        disguised.set(true);
        // The form's last change is already saved; it will be offered again.
        writing.set(None);
        asking.set(false);
        browsing.set(false);
        staff_open.set(false);
        screen.set(Screen::Home);
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
    let open_report = move |_| {
        report_sent.set(false);
        spawn_local(async move {
            if let Ok(draft) = ipc::start_report().await {
                writing.set(Some(draft));
            }
        });
    };
    let close_report = move |outcome: ReportOutcome| {
        writing.set(None);
        report_sent.set(outcome == ReportOutcome::Submitted);
        refresh();
    };
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
            {move || writing.get().map(|draft| view! {
                <ReportPage locale=locale.read_only() initial=draft on_close=close_report />
            })}
            <Show when=move || asking.get()>
                <SupportPage locale=locale.read_only() on_close=move |sent: bool| {
                    asking.set(false);
                    support_sent.set(sent);
                    refresh();
                } />
            </Show>
            <Show when=move || browsing.get()>
                <DirectoryPage
                    locale=locale.read_only()
                    on_close=move || browsing.set(false)
                    sync=sync.read_only()
                    her_region=status.with_untracked(|s| s.as_ref().and_then(|s| s.as_ref().ok()).and_then(|s| s.region))
                />
            </Show>
            <div class="home" hidden=move || writing.with(Option::is_some) || asking.get() || browsing.get() || staff_open.get() || screen.get() != Screen::Home>
            <PanicButton
                locale=locale.read_only()
                region=Signal::derive(move || status.get().and_then(|s| s.ok()).and_then(|s| s.region))
                on_saved=refresh
            />
            <CallCard locale=locale.read_only() sync=sync.read_only() />
            <Show when=move || support_sent.get()>
                <p id="support-sent" class="status-line ok" role="status">{move || t(locale.get(), "support-sent")}</p>
            </Show>
            <section class="card">
                <button id="open-support" type="button" class="primary wide"
                    on:click=move |_| {
                        support_sent.set(false);
                        asking.set(true);
                    }>
                    {move || t(locale.get(), "support-open")}
                </button>
                <button id="open-directory" type="button" class="primary wide with-icon"
                    on:click=move |_| browsing.set(true)>
                    {crate::directory::icon("search")}
                    {move || t(locale.get(), "directory-open")}
                </button>
            </section>
            <Show when=move || report_sent.get()>
                <p id="report-sent" class="status-line ok" role="status">{move || t(locale.get(), "report-sent")}</p>
            </Show>
            {move || (lock_state() == Some(LockState::Unlocked)).then(|| match unfinished.get() {
                Some(draft) => {
                    let id = draft.id;
                    view! {
                        <section class="card" id="resume" aria-labelledby="resume-heading">
                            <h2 id="resume-heading">{move || t(locale.get(), "resume-heading")}</h2>
                            <div class="actions">
                                <button id="resume-continue" type="button" class="primary"
                                    on:click=move |_| {
                                        report_sent.set(false);
                                        writing.set(unfinished.get_untracked());
                                    }>
                                    {move || t(locale.get(), "resume-continue")}
                                </button>
                                <button id="resume-discard" type="button" class="secondary"
                                    on:click=move |_| {
                                        if let Some(id) = id {
                                            spawn_local(async move {
                                                let _ = ipc::discard_report(id).await;
                                                refresh();
                                            });
                                        }
                                    }>
                                    {move || t(locale.get(), "resume-discard")}
                                </button>
                            </div>
                        </section>
                    }.into_any()
                }
                None => view! {
                    <section class="card">
                        <button id="open-report" type="button" class="primary wide" on:click=open_report>
                            {move || t(locale.get(), "report-open")}
                        </button>
                    </section>
                }.into_any(),
            })}
            {move || match lock_state() {
                Some(LockState::NotSetUp) => view! { <PinSetup locale=locale.read_only() on_done=refresh /> }.into_any(),
                Some(LockState::Locked) => view! { <UnlockForm locale=locale.read_only() on_done=refresh /> }.into_any(),
                Some(LockState::Unlocked) | None => ().into_any(),
            }}
            // Her screens and the languages before what the device and sync
            // cards say: those change height as the service comes and goes
            // (a problem line, an upload's bar), and would move the buttons
            // below them from under her finger.
            <nav class="screens" aria-label=move || t(locale.get(), "nav-label")>
                <Show when=move || unlocked.get()>
                    <button id="nav-cases" type="button" class="nav-button" on:click=move |_| screen.set(Screen::Cases)>
                        {nav_icon(Screen::Cases)}<span>{move || t(locale.get(), "nav-cases")}</span>
                    </button>
                    <button id="nav-safety" type="button" class="nav-button" on:click=move |_| screen.set(Screen::Safety)>
                        {nav_icon(Screen::Safety)}<span>{move || t(locale.get(), "nav-safety")}</span>
                    </button>
                </Show>
                <button id="nav-settings" type="button" class="nav-button" on:click=move |_| screen.set(Screen::Settings)>
                    {nav_icon(Screen::Settings)}<span>{move || t(locale.get(), "nav-settings")}</span>
                </button>
            </nav>
            <LanguagePicker locale=locale.read_only() choose=choose />
            <Show when=move || save_failed.get()>
                <p class="status-line warn" role="alert">{move || t(locale.get(), "error-generic")}</p>
            </Show>
            <StatusCard locale=locale.read_only() status=status.read_only() sync=sync.read_only() />
            <SyncCard locale=locale.read_only() sync=sync.read_only() />
            <p class="staff-entry">
                <button id="staff-entry" type="button" class="link" on:click=move |_| staff_open.set(true)>
                    {move || t(locale.get(), "staff-entry")}
                </button>
            </p>
            </div>
            // Her other screens, one at a time, each with the way back.
            <Show when=move || screen.get() == Screen::Cases && unlocked.get()>
                <div class="screen" id="screen-cases">
                    <BackHome locale=locale.read_only() screen=screen />
                    <MyCases locale=locale.read_only() cases=cases.read_only() />
                </div>
            </Show>
            <Show when=move || screen.get() == Screen::Safety && unlocked.get()>
                <div class="screen" id="screen-safety">
                    <BackHome locale=locale.read_only() screen=screen />
                    <LockCard
                        locale=locale.read_only()
                        disguise=status.get_untracked().and_then(|s| s.ok()).is_some_and(|s| s.disguise)
                        on_done=refresh
                    />
                    <TrustedContactsCard locale=locale.read_only() />
                    <SafetyCard locale=locale.read_only() on_wiped=refresh />
                </div>
            </Show>
            <Show when=move || screen.get() == Screen::Settings>
            <div class="screen" id="screen-settings">
                <BackHome locale=locale.read_only() screen=screen />
            // Drawn again only when the lock changes, not on every status
            // refresh (which would drop what the card just said).
            {move || {
                let unlocked = unlocked.get();
                status.with_untracked(|s| s.as_ref().and_then(|s| s.as_ref().ok()).map(|s| view! {
                    <SettingsCard
                        locale=locale.read_only()
                        region=s.region
                        text_size=s.text_size
                        auto_lock_minutes=s.auto_lock_minutes
                        unlocked=unlocked
                        service_url=s.service_url.clone()
                        may_change_service=s.lock != LockState::Locked
                        on_changed=refresh
                    />
                }))
            }}
            </div>
            </Show>
            <Show when=move || staff_open.get()>
                <StaffPage locale=locale.read_only() on_close=move || { staff_open.set(false); refresh(); } />
            </Show>
        </main>
        }
    };

    // The root re-renders only when these change, never on a status refresh
    // (which would reset the panic button and any half-typed field).
    let loaded = Memo::new(move |_| status.with(Option::is_some));
    let pin_set = Memo::new(move |_| lock_state() != Some(LockState::NotSetUp));
    let first_run = Memo::new(move |_| matches!(status.get(), Some(Ok(s)) if !s.first_run_done));
    move || {
        if disguised.get() {
            let pin_set = pin_set.get_untracked();
            view! {
                <div class="calc-page">
                    <Calculator pin_set=pin_set on_return=leave_disguise />
                </div>
            }
            .into_any()
        } else if !loaded.get() {
            // Nothing until we know whether to open disguised.
            ().into_any()
        } else if first_run.get() {
            view! {
                <FirstRun locale=locale.read_only() pin_set=pin_set.get_untracked() choose=choose on_done=refresh />
            }
            .into_any()
        } else {
            app().into_any()
        }
    }
}

/// Her screens besides home.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Home,
    Cases,
    Safety,
    Settings,
}

impl Screen {
    /// Shown only while the app is open with her PIN.
    const fn needs_pin(self) -> bool {
        matches!(self, Self::Cases | Self::Safety)
    }
}

/// The icon beside a screen's name (decorative: the name says it).
fn nav_icon(screen: Screen) -> impl IntoView {
    let paths = match screen {
        Screen::Cases => r#"<path d="M4 4h16v16H4zM8 9h8M8 13h8M8 17h5"/>"#,
        Screen::Safety => {
            r#"<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M9 12l2 2 4-4"/>"#
        }
        Screen::Settings | Screen::Home => {
            r#"<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1"/>"#
        }
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="28" height="28" fill="none"
            stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"
            aria-hidden="true" focusable="false" inner_html=paths></svg>
    }
}

/// The way back to home, at the top of every other screen.
#[component]
fn BackHome(locale: ReadSignal<Locale>, screen: RwSignal<Screen>) -> impl IntoView {
    view! {
        <button id="screen-back" type="button" class="secondary back" on:click=move |_| screen.set(Screen::Home)>
            {move || t(locale.get(), "nav-back")}
        </button>
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

/// Every way the device card may say the service's state.
const SERVICE_MESSAGES: [&str; 4] = [
    "service-reachable",
    "service-unreachable",
    "service-unknown",
    "service-not-configured",
];

/// Counts of waiting items whose sentences are the longest the device card
/// may say: one of each plural form (Arabic has six) and up to four digits.
const WAITING_SAMPLES: [u32; 7] = [0, 1, 2, 3, 11, 100, 1000];

/// The inside of a line that keeps the height of the longest thing it may
/// say: `shown`, with each of `alternatives` laid unseen in the same place
/// (`.steady` in style.css), so that when the line changes, or wraps
/// differently on a narrow screen, nothing below it moves. The unseen ones
/// are neither read out nor part of the line's text.
fn steady<const N: usize>(shown: String, alternatives: [String; N]) -> impl IntoView {
    view! {
        <span>{shown}</span>
        {alternatives
            .into_iter()
            .map(|text| view! { <span class="steady-unseen" aria-hidden="true">{text}</span> })
            .collect_view()}
    }
}

#[component]
fn StatusCard(
    locale: ReadSignal<Locale>,
    status: ReadSignal<Option<Result<AppStatus, CommandError>>>,
    sync: ReadSignal<Option<SyncState>>,
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
                        // Sync knows better than the check made when the page loaded.
                        let health = sync.with(|now| now.as_ref().map(|n| match &n.problem {
                            None if n.last_contact_ms.is_some() => ServiceHealth::Reachable,
                            Some(SyncProblem::NoConnection | SyncProblem::ServiceUnreachable | SyncProblem::ServiceBusy) => ServiceHealth::Unreachable,
                            _ => s.service,
                        })).unwrap_or(s.service);
                        let (service_id, service_class) = service_message(health);
                        // Sync's own count is the live one; the stored count
                        // stands in when no service is configured.
                        let waiting = sync.with(|now| now.as_ref().map(|n| n.waiting.total()))
                            .unwrap_or(s.outbox.total());
                        view! {
                            <p id="status-storage" class="status-line ok" data-ready=s.storage_ready.to_string()>
                                {t(l, "status-storage-ready")}
                            </p>
                            <p id="outbox-waiting" class="status-line steady" data-count=waiting.to_string()>
                                {steady(
                                    t_count(l, "home-waiting", waiting),
                                    WAITING_SAMPLES.map(|n| t_count(l, "home-waiting", n)),
                                )}
                            </p>
                            <p id="status-service" class=format!("status-line steady {service_class}") data-health=service_id>
                                {steady(t(l, service_id), SERVICE_MESSAGES.map(|m| t(l, m)))}
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

fn problem_code(p: &SyncProblem) -> &'static str {
    match p {
        SyncProblem::NotConfigured => "not_configured",
        SyncProblem::NoConnection => "no_connection",
        SyncProblem::ServiceUnreachable => "service_unreachable",
        SyncProblem::ServiceBusy => "service_busy",
        SyncProblem::ItemRefused { .. } => "item_refused",
        SyncProblem::ServiceKeyChanged => "service_key_changed",
        SyncProblem::DeviceRefused => "device_refused",
        SyncProblem::DirectoryRefused => "directory_refused",
        SyncProblem::Incompatible => "incompatible",
        SyncProblem::Storage => "storage",
    }
}

/// What waits to be sent, when the service was last reached, what is
/// wrong in plain words, and "send now".
#[component]
fn SyncCard(locale: ReadSignal<Locale>, sync: ReadSignal<Option<SyncState>>) -> impl IntoView {
    let send = move |_| {
        spawn_local(async move {
            let _ = ipc::send_now().await;
        });
    };
    move || {
        sync.get().map(|s| {
            let l = locale.get();
            let code = s.problem.as_ref().map(problem_code);
            let contact = match s.last_contact_ms {
                Some(ms) => {
                    let minutes = ((js_sys::Date::now() - ms as f64) / 60_000.0).max(0.0) as u32;
                    t_count(l, "sync-last-contact", minutes)
                }
                None => t(l, "sync-never"),
            };
            view! {
                <section class="card" id="sync" data-waiting=s.waiting.total().to_string()
                    data-syncing=s.syncing.to_string() data-problem=code.unwrap_or("")>
                    // "Send now" first: what is said below it comes and goes
                    // (a problem, an upload's progress) without moving it from
                    // under her finger.
                    <button id="send-now" type="button" class="primary" on:click=send>{t(l, "send-now")}</button>
                    <p id="last-contact" class="status-line">{contact}</p>
                    {code.map(|c| view! {
                        <p id="sync-problem" class="status-line warn" role="status">{t(l, &format!("sync-problem-{c}"))}</p>
                    })}
                    {s.upload.map(|u| {
                        // A large item (a voice note) goes in chunks: how far.
                        let percent = (u.sent_bytes.saturating_mul(100) / u.total_bytes.max(1)).min(100);
                        let text = t_num(l, "sync-upload", "percent", u32::try_from(percent).unwrap_or(100));
                        view! {
                            <p id="sync-upload" class="status-line" data-percent=percent.to_string()>
                                <progress max="100" value=percent.to_string() aria-label=text.clone()></progress>
                                " "{text}
                            </p>
                        }
                    })}
                </section>
            }
        })
    }
}

fn lock_state_untracked(
    status: RwSignal<Option<Result<AppStatus, CommandError>>>,
) -> Option<LockState> {
    status.with_untracked(|s| s.as_ref().and_then(|s| s.as_ref().ok()).map(|s| s.lock))
}
