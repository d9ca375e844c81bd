//! A request for help with work, training, vocational training, a business
//! or an income-generating project. Sent like everything else: sealed,
//! queued, delivered when there is a connection. No PIN needed.

use crate::i18n::t;
use crate::ipc;
use crate::report::{non_empty, parse_region, region_options};
use kulna_model::record::{AgeGroup, RecordPayload, SafeContact, Schooling, SupportTopic};
use kulna_model::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn topic_code(t: SupportTopic) -> &'static str {
    match t {
        SupportTopic::Job => "job",
        SupportTopic::Training => "training",
        SupportTopic::VocationalTraining => "vocational_training",
        SupportTopic::Business => "business",
        SupportTopic::IncomeGeneratingProject => "income_generating_project",
        SupportTopic::Other => "other",
    }
}

fn age_code(a: AgeGroup) -> &'static str {
    match a {
        AgeGroup::Under18 => "under_18",
        AgeGroup::From18To24 => "18_24",
        AgeGroup::From25To34 => "25_34",
        AgeGroup::From35To49 => "35_49",
        AgeGroup::From50 => "50_plus",
    }
}

fn schooling_code(s: Schooling) -> &'static str {
    match s {
        Schooling::None => "none",
        Schooling::Primary => "primary",
        Schooling::Secondary => "secondary",
        Schooling::Vocational => "vocational",
        Schooling::University => "university",
    }
}

/// A `<select>` over a fixed list of choices, labelled by message ids
/// `{prefix}-{code}`.
fn choice<T: Copy + PartialEq + Send + Sync + 'static>(
    locale: ReadSignal<Locale>,
    id: &'static str,
    prefix: &'static str,
    all: &'static [T],
    code: fn(T) -> &'static str,
    value: RwSignal<Option<T>>,
) -> impl IntoView {
    view! {
        <select id=id
            prop:value=move || value.get().map(code).unwrap_or_default()
            on:change=move |ev| {
                let picked = event_target_value(&ev);
                value.set(all.iter().copied().find(|x| code(*x) == picked));
            }>
            <option value="">{move || t(locale.get(), "relation-none")}</option>
            {all.iter()
                .map(|x| {
                    let c = code(*x);
                    view! { <option value=c>{move || t(locale.get(), &format!("{prefix}-{c}"))}</option> }
                })
                .collect_view()}
        </select>
    }
}

/// What the form starts with when she asks about a directory listing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupportPrefill {
    /// What she asks help with.
    pub topic: Option<SupportTopic>,
    /// The listing's region.
    pub region: Option<u8>,
    /// A first sentence naming the listing (she may change it).
    pub text: String,
    /// The listing's id, sent with the request for the listener.
    pub listing: Option<String>,
}

/// The support request form.
#[component]
pub fn SupportPage(
    locale: ReadSignal<Locale>,
    on_close: impl Fn(bool) + Copy + Send + Sync + 'static,
    /// Filled in when she asks about a directory listing.
    #[prop(optional)]
    prefill: Option<SupportPrefill>,
) -> impl IntoView {
    let prefill = prefill.unwrap_or_default();
    let topic = RwSignal::new(prefill.topic);
    let region = RwSignal::new(prefill.region);
    let age = RwSignal::new(None::<AgeGroup>);
    let schooling = RwSignal::new(None::<Schooling>);
    let text = RwSignal::new(prefill.text);
    let listing = prefill.listing;
    let contact = RwSignal::new(false);
    let phone = RwSignal::new(String::new());
    let safe_times = RwSignal::new(String::new());
    let statistics = RwSignal::new(false);
    let failed = RwSignal::new(false);

    let submit = move |_| {
        let mut payload = RecordPayload {
            support_topic: topic.get_untracked(),
            age_group: age.get_untracked(),
            schooling: schooling.get_untracked(),
            description: non_empty(text.get_untracked()),
            listing: listing.clone(),
            ..RecordPayload::default()
        };
        payload.consents.contact = contact.get_untracked();
        payload.consents.statistics = statistics.get_untracked();
        if payload.consents.contact {
            payload.contact = Some(SafeContact {
                phone: non_empty(phone.get_untracked()),
                safe_times: non_empty(safe_times.get_untracked()),
            });
        }
        let region = region.get_untracked();
        spawn_local(async move {
            match ipc::submit_support_request(region, &payload).await {
                Ok(_) => on_close(true),
                Err(_) => failed.set(true),
            }
        });
    };
    let text_input = move |id: &'static str,
                           label: &'static str,
                           value: RwSignal<String>,
                           kind: &'static str| {
        view! {
            <label for=id>{move || t(locale.get(), label)}</label>
            <input id=id type=kind autocomplete="off" prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev)) />
        }
    };

    view! {
        <section class="card report" id="support" aria-labelledby="support-heading">
            <h2 id="support-heading">{move || t(locale.get(), "support-heading")}</h2>
            <label for="support-topic">{move || t(locale.get(), "support-topic")}</label>
            {choice(locale, "support-topic", "topic", &SupportTopic::ALL, topic_code, topic)}
            <label for="support-region">{move || t(locale.get(), "report-region")}</label>
            <select id="support-region"
                prop:value=move || region.get().map(|r| format!("{r:02}")).unwrap_or_default()
                on:change=move |ev| region.set(parse_region(&event_target_value(&ev)))>
                {region_options(locale)}
            </select>
            <label for="support-age">{move || t(locale.get(), "support-age")}</label>
            {choice(locale, "support-age", "age", &AgeGroup::ALL, age_code, age)}
            <label for="support-schooling">{move || t(locale.get(), "support-schooling")}</label>
            {choice(locale, "support-schooling", "schooling", &Schooling::ALL, schooling_code, schooling)}
            <label for="support-text">{move || t(locale.get(), "support-text")}</label>
            <textarea id="support-text" rows="4" prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <fieldset>
                <label class="toggle">
                    <input id="support-consent-contact" type="checkbox" prop:checked=contact
                        on:change=move |ev| contact.set(event_target_checked(&ev)) />
                    {move || t(locale.get(), "consent-contact")}
                </label>
                <Show when=move || contact.get()>
                    {text_input("support-phone", "report-phone", phone, "tel")}
                    {text_input("support-safe-times", "report-safe-times", safe_times, "text")}
                </Show>
                <label class="toggle">
                    <input id="support-consent-statistics" type="checkbox" prop:checked=statistics
                        on:change=move |ev| statistics.set(event_target_checked(&ev)) />
                    {move || t(locale.get(), "consent-statistics")}
                </label>
            </fieldset>
            <Show when=move || failed.get()>
                <p class="status-line warn" role="alert">{move || t(locale.get(), "error-generic")}</p>
            </Show>
            <div class="actions">
                <button id="support-submit" type="button" class="primary" on:click=submit>{move || t(locale.get(), "support-submit")}</button>
                <button id="support-cancel" type="button" class="secondary" on:click=move |_| on_close(false)>{move || t(locale.get(), "panic-cancel")}</button>
            </div>
        </section>
    }
}
