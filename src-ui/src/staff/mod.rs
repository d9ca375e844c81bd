//! The staff side: listeners, field workers and supervisors signed in to
//! the central service. Reached from a small link at the foot of home; a
//! woman who never signs in never sees more of it than that link.
//!
//! * sign-in (the session is kept encrypted in the vault by the shell),
//! * the queue of her scope, live ([`queue`]),
//! * a case and its actions ([`case`]),
//! * for supervisors, the audit log and the statistics ([`supervisor`]).
//!
//! A session that ends (expired, revoked) brings her back to sign-in with
//! a sentence saying so.

mod case;
mod intake;
mod queue;
mod supervisor;

use crate::i18n::t;
use crate::ipc;
use kulna_model::staff::{Role, Scope, StaffSession};
use kulna_model::{CommandError, ErrorKind, Locale, RecordId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What every staff screen shares.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub locale: ReadSignal<Locale>,
    /// Who is signed in; `None` shows the sign-in form.
    pub session: RwSignal<Option<StaffSession>>,
    /// A sentence above the form (why she is back at sign-in).
    pub notice: RwSignal<Option<&'static str>>,
}

impl Ctx {
    /// Deals with a failed command: an ended session goes back to sign-in;
    /// anything else is shown where it happened, by its kind.
    pub fn fail(&self, e: &CommandError, shown: RwSignal<Option<ErrorKind>>) {
        if e.kind == ErrorKind::SessionEnded {
            self.session.set(None);
            self.notice.set(Some("staff-session-ended"));
        } else {
            shown.set(Some(e.kind));
        }
    }

    pub fn supervises(&self) -> bool {
        self.session
            .with(|s| s.as_ref().is_some_and(|s| s.staff.role.supervises()))
    }
}

/// The message id that explains an error kind to staff.
pub(crate) fn error_id(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::WrongCredentials => "staff-error-wrong-credentials",
        ErrorKind::SessionEnded => "staff-session-ended",
        ErrorKind::Forbidden => "staff-error-forbidden",
        ErrorKind::NotFound => "staff-error-not-found",
        ErrorKind::InvalidInput => "staff-error-invalid",
        ErrorKind::Refused => "staff-error-refused",
        ErrorKind::TooManyAttempts => "staff-error-wait",
        ErrorKind::Network => "staff-error-network",
        ErrorKind::Locked | ErrorKind::WrongPin => "staff-error-locked",
        ErrorKind::Storage | ErrorKind::Internal | ErrorKind::ItemsWaiting => "staff-error-other",
    }
}

pub(crate) fn kind_code(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Locked => "locked",
        ErrorKind::WrongPin => "wrong_pin",
        ErrorKind::TooManyAttempts => "too_many_attempts",
        ErrorKind::InvalidInput => "invalid_input",
        ErrorKind::NotFound => "not_found",
        ErrorKind::Storage => "storage",
        ErrorKind::Network => "network",
        ErrorKind::Refused => "refused",
        ErrorKind::Internal => "internal",
        ErrorKind::WrongCredentials => "wrong_credentials",
        ErrorKind::SessionEnded => "session_ended",
        ErrorKind::Forbidden => "forbidden",
        ErrorKind::ItemsWaiting => "items_waiting",
    }
}

/// An error line, when there is one.
pub(crate) fn error_line(
    locale: ReadSignal<Locale>,
    id: &'static str,
    shown: RwSignal<Option<ErrorKind>>,
) -> impl IntoView {
    move || {
        shown.get().map(|k| {
            view! {
                <p id=id class="status-line warn" role="alert" data-kind=kind_code(k)>
                    {move || t(locale.get(), error_id(k))}
                </p>
            }
        })
    }
}

fn role_id(role: Role) -> &'static str {
    match role {
        Role::Listener => "staff-role-listener",
        Role::FieldWorker => "staff-role-field_worker",
        Role::Supervisor => "staff-role-supervisor",
        Role::Admin => "staff-role-admin",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Queue,
    Intake,
    Audit,
    Stats,
}

/// The staff area, in place of home. `on_close` returns to home.
#[component]
pub fn StaffPage(
    locale: ReadSignal<Locale>,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = Ctx {
        locale,
        session: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    let loaded = RwSignal::new(false);
    let load_error = RwSignal::new(None::<ErrorKind>);
    spawn_local(async move {
        match ipc::staff_session().await {
            Ok(s) => ctx.session.set(s),
            Err(e) => ctx.fail(&e, load_error),
        }
        loaded.set(true);
    });
    // The shell says when the session ends under her.
    let unlisten = StoredValue::new_local(None::<js_sys::Function>);
    spawn_local(async move {
        let f = ipc::on_staff_event(ipc::StaffEvent::SessionEnded, move || {
            if ctx.session.try_get_untracked().flatten().is_some() {
                ctx.session.try_set(None);
                ctx.notice.try_set(Some("staff-session-ended"));
            }
        })
        .await;
        unlisten.try_set_value(f);
    });
    on_cleanup(move || {
        if let Some(Some(f)) = unlisten.try_get_value() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    });

    view! {
        <section class="staff" id="staff" data-signed-in=move || ctx.session.with(Option::is_some).to_string()>
            <div class="staff-bar">
                <h2 id="staff-heading">{move || t(locale.get(), "staff-heading")}</h2>
                <button id="staff-close" type="button" class="secondary" on:click=move |_| on_close()>
                    {move || t(locale.get(), "staff-back-home")}
                </button>
            </div>
            {error_line(locale, "staff-load-error", load_error)}
            {move || {
                if !loaded.get() {
                    return ().into_any();
                }
                match ctx.session.get() {
                    None => view! { <SignIn ctx=ctx /> }.into_any(),
                    Some(s) => view! { <SignedIn ctx=ctx session=s /> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn SignIn(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ErrorKind>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let u = username.get_untracked();
        let p = password.get_untracked();
        spawn_local(async move {
            let answer = ipc::staff_sign_in(&u, &p).await;
            busy.set(false);
            match answer {
                Ok(s) => {
                    password.set(String::new());
                    ctx.notice.set(None);
                    ctx.session.set(Some(s));
                }
                Err(e) => {
                    password.set(String::new());
                    error.set(Some(e.kind));
                }
            }
        });
    };
    view! {
        <form class="card" id="staff-sign-in-form" on:submit=submit>
            {move || ctx.notice.get().map(|id| view! {
                <p id="staff-notice" class="status-line warn" role="status">{move || t(locale.get(), id)}</p>
            })}
            <h3>{move || t(locale.get(), "staff-sign-in-heading")}</h3>
            <p class="hint">{move || t(locale.get(), "staff-sign-in-hint")}</p>
            <label for="staff-username">{move || t(locale.get(), "staff-username")}</label>
            <input id="staff-username" type="text" autocomplete="username" dir="ltr"
                prop:value=username on:input=move |ev| username.set(event_target_value(&ev)) />
            <label for="staff-password">{move || t(locale.get(), "staff-password")}</label>
            <input id="staff-password" type="password" autocomplete="current-password" dir="ltr"
                prop:value=password on:input=move |ev| password.set(event_target_value(&ev)) />
            {error_line(locale, "staff-sign-in-error", error)}
            <button id="staff-sign-in" type="submit" class="primary" disabled=move || busy.get()>
                {move || t(locale.get(), "staff-sign-in")}
            </button>
        </form>
    }
}

#[component]
fn SignedIn(ctx: Ctx, session: StaffSession) -> impl IntoView {
    let locale = ctx.locale;
    let open = RwSignal::new(None::<RecordId>);
    let tab = RwSignal::new(Tab::Queue);
    let error = RwSignal::new(None::<ErrorKind>);
    let sign_out = move |_| {
        spawn_local(async move {
            match ipc::staff_sign_out().await {
                Ok(()) => {
                    ctx.notice.set(Some("staff-signed-out"));
                    ctx.session.set(None);
                }
                Err(e) => ctx.fail(&e, error),
            }
        });
    };
    let scope = match &session.staff.scope {
        Scope::National => ("staff-scope-national", String::new()),
        Scope::Region { region } => ("staff-scope-region", format!("region-{region:02}")),
        Scope::Center { center_id } => ("staff-scope-center", center_id.clone()),
    };
    let username = session.staff.username.clone();
    let role = session.staff.role;
    let tab_button = move |id: &'static str, label: &'static str, which: Tab| {
        view! {
            <button id=id type="button" class="tab" aria-pressed=move || (tab.get() == which).to_string()
                on:click=move |_| {
                    open.set(None);
                    tab.set(which);
                }>
                {move || t(locale.get(), label)}
            </button>
        }
    };
    view! {
        <div class="card staff-who">
            <p id="staff-who" data-username=username.clone() data-role=role.as_str()>
                <bdi>{username.clone()}</bdi>" · "{move || t(locale.get(), role_id(role))}" · "
                {move || {
                    let l = locale.get();
                    let (id, arg) = &scope;
                    match *id {
                        "staff-scope-region" => format!("{} {}", t(l, id), t(l, arg)),
                        "staff-scope-center" => format!("{} {}", t(l, id), arg),
                        _ => t(l, id),
                    }
                }}
            </p>
            <button id="staff-sign-out" type="button" class="secondary" on:click=sign_out>
                {move || t(locale.get(), "staff-sign-out")}
            </button>
            {error_line(locale, "staff-sign-out-error", error)}
        </div>
        <div class="tabs" role="group">
            {tab_button("staff-tab-queue", "staff-tab-queue", Tab::Queue)}
            {(role == Role::FieldWorker || role.supervises()).then(|| tab_button("staff-tab-intake", "staff-tab-intake", Tab::Intake))}
            <Show when=move || ctx.supervises()>
                {tab_button("staff-tab-audit", "staff-tab-audit", Tab::Audit)}
                {tab_button("staff-tab-stats", "staff-tab-stats", Tab::Stats)}
            </Show>
        </div>
        {move || match (tab.get(), open.get()) {
            (Tab::Queue, None) => view! { <queue::Queue ctx=ctx open=open /> }.into_any(),
            (Tab::Queue, Some(id)) => view! { <case::CaseView ctx=ctx id=id open=open /> }.into_any(),
            (Tab::Intake, _) => view! { <intake::IntakeForm ctx=ctx /> }.into_any(),
            (Tab::Audit, _) => view! { <supervisor::AuditLog ctx=ctx /> }.into_any(),
            (Tab::Stats, _) => view! { <supervisor::Stats ctx=ctx /> }.into_any(),
        }}
    }
}

/// "3 minutes ago", from a time in milliseconds since the epoch.
pub(crate) fn ago(locale: Locale, at_ms: i64, now_ms: f64) -> String {
    let minutes = ((now_ms - at_ms as f64) / 60_000.0).max(0.0) as u32;
    if minutes < 60 {
        crate::i18n::t_count(locale, "staff-minutes-ago", minutes)
    } else if minutes < 48 * 60 {
        crate::i18n::t_count(locale, "staff-hours-ago", minutes / 60)
    } else {
        crate::i18n::t_count(locale, "staff-days-ago", minutes / (24 * 60))
    }
}

/// A time as the reader's clock shows it.
pub(crate) fn when(at_ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The message id of a region, or of "no region given".
pub(crate) fn region_id(region: Option<u8>) -> String {
    match region {
        Some(r @ 1..=12) => format!("region-{r:02}"),
        _ => "staff-region-none".to_owned(),
    }
}
