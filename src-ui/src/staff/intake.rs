//! A walk-in intake: a field worker records a report or a support request
//! with and for a woman at the center, with the consents she gives there.
//! Works with no connection: sealed at once, sent when the network returns,
//! into the center's queue.

use super::{error_line, Ctx};
use crate::i18n::t;
use crate::ipc;
use crate::report::{non_empty, parse_region, region_options};
use kulna_model::record::{Consents, RecordPayload, SafeContact, SupportTopic, ViolenceForm};
use kulna_model::ErrorKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(crate) fn IntakeForm(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let support = RwSignal::new(false);
    let region = RwSignal::new(None::<u8>);
    let violence = RwSignal::new(Vec::<ViolenceForm>::new());
    let topic = RwSignal::new(None::<SupportTopic>);
    let text = RwSignal::new(String::new());
    let services = RwSignal::new(false);
    let referral = RwSignal::new(false);
    let contact = RwSignal::new(false);
    let phone = RwSignal::new(String::new());
    let safe_times = RwSignal::new(String::new());
    let statistics = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorKind>);
    let saved = RwSignal::new(false);

    let submit = move |_| {
        error.set(None);
        saved.set(false);
        let is_support = support.get_untracked();
        let payload = RecordPayload {
            consents: Consents {
                services: services.get_untracked(),
                referral: referral.get_untracked(),
                referral_to: Vec::new(),
                contact: contact.get_untracked(),
                statistics: statistics.get_untracked(),
            },
            violence: if is_support {
                Vec::new()
            } else {
                violence.get_untracked()
            },
            support_topic: if is_support {
                topic.get_untracked()
            } else {
                None
            },
            description: non_empty(text.get_untracked()),
            contact: contact.get_untracked().then(|| SafeContact {
                phone: non_empty(phone.get_untracked()),
                safe_times: non_empty(safe_times.get_untracked()),
            }),
            language: Some(locale.get_untracked()),
            ..RecordPayload::default()
        };
        let region = region.get_untracked();
        spawn_local(async move {
            match ipc::record_intake(region, &payload).await {
                Ok(_) => {
                    text.set(String::new());
                    phone.set(String::new());
                    safe_times.set(String::new());
                    violence.set(Vec::new());
                    saved.set(true);
                }
                Err(e) => ctx.fail(&e, error),
            }
        });
    };
    let check = move |id: &'static str, label: &'static str, value: RwSignal<bool>| {
        view! {
            <label class="toggle">
                <input id=id type="checkbox" prop:checked=value
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                {move || t(locale.get(), label)}
            </label>
        }
    };
    view! {
        <section class="card report" id="intake" aria-labelledby="intake-heading">
            <h3 id="intake-heading">{move || t(locale.get(), "staff-intake-heading")}</h3>
            <p class="hint">{move || t(locale.get(), "staff-intake-hint")}</p>
            <label for="intake-kind">{move || t(locale.get(), "staff-intake-kind")}</label>
            <select id="intake-kind" on:change=move |ev| support.set(event_target_value(&ev) == "support")>
                <option value="report">{move || t(locale.get(), "staff-kind-report")}</option>
                <option value="support">{move || t(locale.get(), "staff-kind-support_request")}</option>
            </select>
            <label for="intake-region">{move || t(locale.get(), "report-region")}</label>
            <select id="intake-region"
                on:change=move |ev| region.set(parse_region(&event_target_value(&ev)))>
                {region_options(locale)}
            </select>
            <Show when=move || !support.get()>
                <fieldset>
                    {ViolenceForm::ALL.into_iter().map(|v| {
                        let code = match v {
                            ViolenceForm::Physical => "physical",
                            ViolenceForm::Sexual => "sexual",
                            ViolenceForm::Psychological => "psychological",
                            ViolenceForm::Economic => "economic",
                            ViolenceForm::Digital => "digital",
                        };
                        view! {
                            <label class="toggle">
                                <input type="checkbox" id=format!("intake-violence-{code}")
                                    prop:checked=move || violence.with(|l| l.contains(&v))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        violence.update(|l| {
                                            l.retain(|x| *x != v);
                                            if on { l.push(v); }
                                        });
                                    } />
                                {move || t(locale.get(), &format!("violence-{code}"))}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </Show>
            <Show when=move || support.get()>
                <label for="intake-topic">{move || t(locale.get(), "staff-topic")}</label>
                <select id="intake-topic" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    topic.set(SupportTopic::ALL.into_iter().find(|x| topic_code(*x) == v));
                }>
                    <option value="">{move || t(locale.get(), "staff-choose")}</option>
                    {SupportTopic::ALL.into_iter().map(|x| view! {
                        <option value=topic_code(x)>{move || t(locale.get(), &format!("topic-{}", topic_code(x)))}</option>
                    }).collect_view()}
                </select>
            </Show>
            <label for="intake-text">{move || t(locale.get(), "staff-intake-text")}</label>
            <textarea id="intake-text" rows="4" prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <fieldset>
                <legend>{move || t(locale.get(), "staff-consents")}</legend>
                {check("intake-consent-services", "staff-consent-services", services)}
                {check("intake-consent-referral", "staff-consent-referral", referral)}
                {check("intake-consent-contact", "staff-consent-contact", contact)}
                <Show when=move || contact.get()>
                    <label for="intake-phone">{move || t(locale.get(), "report-phone")}</label>
                    <input id="intake-phone" type="tel" dir="ltr" prop:value=phone
                        on:input=move |ev| phone.set(event_target_value(&ev)) />
                    <label for="intake-safe-times">{move || t(locale.get(), "staff-safe-times")}</label>
                    <input id="intake-safe-times" type="text" prop:value=safe_times
                        on:input=move |ev| safe_times.set(event_target_value(&ev)) />
                </Show>
                {check("intake-consent-statistics", "staff-consent-statistics", statistics)}
            </fieldset>
            {error_line(locale, "intake-error", error)}
            <Show when=move || saved.get()>
                <p id="intake-saved" class="status-line ok" role="status">{move || t(locale.get(), "staff-intake-saved")}</p>
            </Show>
            <button id="intake-submit" type="button" class="primary" on:click=submit>
                {move || t(locale.get(), "staff-intake-submit")}
            </button>
        </section>
    }
}

fn topic_code(s: SupportTopic) -> &'static str {
    match s {
        SupportTopic::Job => "job",
        SupportTopic::Training => "training",
        SupportTopic::VocationalTraining => "vocational_training",
        SupportTopic::Business => "business",
        SupportTopic::IncomeGeneratingProject => "income_generating_project",
        SupportTopic::Other => "other",
    }
}
