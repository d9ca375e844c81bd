//! The first run: her language (each shown in its own script), what the app
//! does and keeps, her region, and a PIN. Everything after the language can
//! be skipped, and home (with the panic button) is one tap away throughout.

use crate::i18n::t;
use crate::ipc;
use crate::lock::PinSetup;
use crate::report::{parse_region, region_options};
use kulna_model::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Language,
    About,
    Region,
    Pin,
}

impl Step {
    const fn code(self) -> &'static str {
        match self {
            Self::Language => "language",
            Self::About => "about",
            Self::Region => "region",
            Self::Pin => "pin",
        }
    }
}

/// The first-run screens. `choose` switches the language at once (and saves
/// it); `on_done` is called once they are finished or skipped.
#[component]
pub fn FirstRun(
    locale: ReadSignal<Locale>,
    pin_set: bool,
    choose: impl Fn(Locale) + Copy + Send + Sync + 'static,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let step = RwSignal::new(Step::Language);
    let region = RwSignal::new(None::<u8>);
    let failed = RwSignal::new(false);
    let finish = move || {
        spawn_local(async move {
            match ipc::finish_first_run().await {
                Ok(()) => on_done(),
                Err(_) => failed.set(true),
            }
        });
    };
    let after_region = move || {
        if pin_set {
            finish();
        } else {
            step.set(Step::Pin);
        }
    };
    let save_region = move |_| {
        let chosen = region.get_untracked();
        spawn_local(async move {
            match ipc::set_region(chosen).await {
                Ok(()) => after_region(),
                Err(_) => failed.set(true),
            }
        });
    };
    let skip = move |_| finish();

    view! {
        <main id="first-run" class="first-run" data-step=move || step.get().code()>
            {move || match step.get() {
                Step::Language => view! {
                    <section class="card" aria-labelledby="first-run-language-heading">
                        // She has not chosen yet: the question in every language.
                        <h1 id="first-run-language-heading" class="all-languages">
                            {Locale::ALL.into_iter().map(|l| view! {
                                <span lang=l.code() dir=l.direction().as_str()>{t(l, "first-run-language")}</span>
                            }).collect_view()}
                        </h1>
                        <div class="languages big" role="group" aria-labelledby="first-run-language-heading">
                            {Locale::ALL.into_iter().map(|l| view! {
                                <button id=format!("first-lang-{}", l.code()) type="button"
                                    lang=l.code() dir=l.direction().as_str()
                                    on:click=move |_| {
                                        choose(l);
                                        step.set(Step::About);
                                    }>
                                    {l.native_name()}
                                </button>
                            }).collect_view()}
                        </div>
                    </section>
                }.into_any(),
                Step::About => view! {
                    <section class="card" aria-labelledby="first-run-about-heading">
                        <h1 id="first-run-about-heading">{move || t(locale.get(), "first-run-about-heading")}</h1>
                        <ul class="first-run-points">
                            <li><span class="point-icon" aria-hidden="true">"🆘"</span>{move || t(locale.get(), "first-run-about-alert")}</li>
                            <li><span class="point-icon" aria-hidden="true">"📝"</span>{move || t(locale.get(), "first-run-about-report")}</li>
                            <li><span class="point-icon" aria-hidden="true">"💼"</span>{move || t(locale.get(), "first-run-about-support")}</li>
                            <li><span class="point-icon" aria-hidden="true">"🔒"</span>{move || t(locale.get(), "first-run-about-stored")}</li>
                            <li><span class="point-icon" aria-hidden="true">"📶"</span>{move || t(locale.get(), "first-run-about-offline")}</li>
                            <li><span class="point-icon" aria-hidden="true">"🚪"</span>{move || t(locale.get(), "first-run-about-exit")}</li>
                        </ul>
                        <div class="actions">
                            <button id="first-run-next" type="button" class="primary" on:click=move |_| step.set(Step::Region)>
                                {move || t(locale.get(), "first-run-next")}
                            </button>
                        </div>
                    </section>
                }.into_any(),
                Step::Region => view! {
                    <section class="card" aria-labelledby="first-run-region-heading">
                        <h1 id="first-run-region-heading">{move || t(locale.get(), "first-run-region-heading")}</h1>
                        <p>{move || t(locale.get(), "first-run-region-why")}</p>
                        <label for="first-run-region">{move || t(locale.get(), "report-region")}</label>
                        <select id="first-run-region"
                            on:change=move |ev| region.set(parse_region(&event_target_value(&ev)))>
                            {region_options(locale)}
                        </select>
                        <div class="actions">
                            <button id="first-run-region-save" type="button" class="primary" on:click=save_region>
                                {move || t(locale.get(), "first-run-next")}
                            </button>
                        </div>
                    </section>
                }.into_any(),
                Step::Pin => view! {
                    <p class="first-run-pin-why">{move || t(locale.get(), "first-run-pin-why")}</p>
                    <PinSetup locale=locale on_done=move || finish() />
                }.into_any(),
            }}
            <Show when=move || step.get() != Step::Language>
                <div class="actions">
                    <button id="first-run-skip" type="button" class="secondary" on:click=skip>
                        {move || t(locale.get(), "first-run-skip")}
                    </button>
                </div>
            </Show>
            <Show when=move || failed.get()>
                <p class="status-line warn" role="alert">{move || t(locale.get(), "error-generic")}</p>
            </Show>
        </main>
    }
}
