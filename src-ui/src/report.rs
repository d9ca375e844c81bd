//! The report form. Every change is saved at once as an encrypted draft
//! on her phone (nothing is lost if the app is killed), and nothing is
//! sent until she chooses "send".

use crate::i18n::t;
use crate::ipc;
use kulna_model::record::{
    PerpetratorRelation, RecordPayload, ReportDraft, SafeContact, ViolenceForm,
};
use kulna_model::staff::ReferralDestination;
use kulna_model::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn violence_code(v: ViolenceForm) -> &'static str {
    match v {
        ViolenceForm::Physical => "physical",
        ViolenceForm::Sexual => "sexual",
        ViolenceForm::Psychological => "psychological",
        ViolenceForm::Economic => "economic",
        ViolenceForm::Digital => "digital",
    }
}

fn relation_code(r: PerpetratorRelation) -> &'static str {
    match r {
        PerpetratorRelation::Partner => "partner",
        PerpetratorRelation::FormerPartner => "former_partner",
        PerpetratorRelation::Family => "family",
        PerpetratorRelation::Acquaintance => "acquaintance",
        PerpetratorRelation::Work => "work",
        PerpetratorRelation::Stranger => "stranger",
        PerpetratorRelation::NotSaid => "not_said",
    }
}

/// The twelve regions as `<option>`s, after a "choose" option.
pub(crate) fn region_options(locale: ReadSignal<Locale>) -> impl IntoView {
    view! {
        <option value="">{move || t(locale.get(), "report-region-none")}</option>
        {(1u8..=12)
            .map(|r| {
                let code = format!("{r:02}");
                let label = format!("region-{code}");
                view! { <option value=code>{move || t(locale.get(), &label)}</option> }
            })
            .collect_view()}
    }
}

/// The region an `<option>` value names, if any.
pub(crate) fn parse_region(value: &str) -> Option<u8> {
    value.parse::<u8>().ok().filter(|r| (1..=12).contains(r))
}

pub(crate) fn non_empty(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// How the form ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOutcome {
    /// Sent to the outbox.
    Submitted,
    /// Kept as a draft for later.
    Kept,
    /// Deleted.
    Discarded,
}

/// The report form, for one draft.
#[component]
pub fn ReportPage(
    locale: ReadSignal<Locale>,
    initial: ReportDraft,
    on_close: impl Fn(ReportOutcome) + Copy + 'static,
) -> impl IntoView {
    let draft = RwSignal::new(initial);
    let saved = RwSignal::new(true);
    let failed = RwSignal::new(false);
    let in_flight = StoredValue::new(false);
    let dirty = StoredValue::new(false);

    // Saves are strictly one after another, always of the newest state.
    let save = move || {
        saved.set(false);
        if in_flight.get_value() {
            dirty.set_value(true);
            return;
        }
        in_flight.set_value(true);
        spawn_local(async move {
            loop {
                dirty.set_value(false);
                let current = draft.get_untracked();
                let ok = ipc::save_report(&current).await.is_ok();
                failed.set(!ok);
                if !dirty.get_value() {
                    saved.set(ok);
                    break;
                }
            }
            in_flight.set_value(false);
        });
    };
    let edit = move |change: &dyn Fn(&mut RecordPayload)| {
        draft.update(|d| change(&mut d.payload));
        save();
    };

    // Not while a voice note is being recorded or kept: it would be lost.
    let voice_busy = RwSignal::new(false);
    let submit = move |_| {
        if voice_busy.get_untracked() {
            return;
        }
        let current = draft.get_untracked();
        spawn_local(async move {
            match ipc::submit_report(&current).await {
                Ok(_) => on_close(ReportOutcome::Submitted),
                Err(_) => failed.set(true),
            }
        });
    };
    let discard = move |_| {
        if let Some(id) = draft.get_untracked().id {
            spawn_local(async move {
                let _ = ipc::discard_report(id).await;
                on_close(ReportOutcome::Discarded);
            });
        }
    };
    let keep = move |_| on_close(ReportOutcome::Kept);

    let checkbox = move |id: String,
                         label: &'static str,
                         get: fn(&RecordPayload) -> bool,
                         set: fn(&mut RecordPayload, bool)| {
        view! {
            <label class="toggle">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || draft.with(|d| get(&d.payload))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit(&|p| set(p, on));
                    }
                />
                {move || t(locale.get(), label)}
            </label>
        }
    };

    view! {
        <section class="card report" id="report" aria-labelledby="report-heading">
            <h2 id="report-heading">{move || t(locale.get(), "report-heading")}</h2>
            <p id="report-saved" class="status-line" data-saved=move || saved.get().to_string() aria-live="polite">
                {move || if saved.get() { t(locale.get(), "report-saved") } else { String::new() }}
            </p>

            <fieldset>
                <legend>{move || t(locale.get(), "report-violence")}</legend>
                {ViolenceForm::ALL
                    .into_iter()
                    .map(|v| {
                        let code = violence_code(v);
                        view! {
                            <label class="toggle">
                                <input
                                    type="checkbox"
                                    id=format!("violence-{code}")
                                    prop:checked=move || draft.with(|d| d.payload.violence.contains(&v))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        edit(&|p| {
                                            p.violence.retain(|x| *x != v);
                                            if on {
                                                p.violence.push(v);
                                            }
                                        });
                                    }
                                />
                                {move || t(locale.get(), &format!("violence-{code}"))}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>

            <label for="report-when">{move || t(locale.get(), "report-when")}</label>
            <input id="report-when" type="text" autocomplete="off"
                prop:value=move || draft.with(|d| d.payload.happened.clone().unwrap_or_default())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(&|p| p.happened = non_empty(text.clone()));
                } />

            <label for="report-region">{move || t(locale.get(), "report-region")}</label>
            <select id="report-region"
                prop:value=move || draft.with(|d| d.region.map(|r| format!("{r:02}")).unwrap_or_default())
                on:change=move |ev| {
                    let region = parse_region(&event_target_value(&ev));
                    draft.update(|d| d.region = region);
                    save();
                }>
                {region_options(locale)}
            </select>

            <label for="report-place">{move || t(locale.get(), "report-place")}</label>
            <input id="report-place" type="text" autocomplete="off"
                prop:value=move || draft.with(|d| d.payload.place.clone().unwrap_or_default())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(&|p| p.place = non_empty(text.clone()));
                } />

            {checkbox("report-danger".into(), "report-danger",
                |p| p.in_danger_now == Some(true), |p, on| p.in_danger_now = Some(on))}
            {checkbox("report-children".into(), "report-children",
                |p| p.children_at_risk == Some(true), |p, on| p.children_at_risk = Some(on))}

            <label for="report-relation">{move || t(locale.get(), "report-relation")}</label>
            <select id="report-relation"
                prop:value=move || draft.with(|d| d.payload.perpetrator.map(relation_code).unwrap_or_default())
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    let relation = PerpetratorRelation::ALL.into_iter().find(|r| relation_code(*r) == code);
                    edit(&|p| p.perpetrator = relation);
                }>
                <option value="">{move || t(locale.get(), "relation-none")}</option>
                {PerpetratorRelation::ALL
                    .into_iter()
                    .map(|r| {
                        let code = relation_code(r);
                        view! { <option value=code>{move || t(locale.get(), &format!("relation-{code}"))}</option> }
                    })
                    .collect_view()}
            </select>

            <label for="report-text">{move || t(locale.get(), "report-text")}</label>
            <textarea id="report-text" rows="6"
                prop:value=move || draft.with(|d| d.payload.description.clone().unwrap_or_default())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(&|p| p.description = non_empty(text.clone()));
                }></textarea>
            <crate::voice::VoiceNoteField locale=locale draft=draft busy=voice_busy />

            <fieldset>
                {checkbox("consent-contact".into(), "consent-contact",
                    |p| p.consents.contact, |p, on| p.consents.contact = on)}
                <Show when=move || draft.with(|d| d.payload.consents.contact)>
                    <label for="report-phone">{move || t(locale.get(), "report-phone")}</label>
                    <input id="report-phone" type="tel" autocomplete="off" dir="ltr"
                        prop:value=move || draft.with(|d| d.payload.contact.as_ref().and_then(|c| c.phone.clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            edit(&|p| p.contact.get_or_insert_with(SafeContact::default).phone = non_empty(text.clone()));
                        } />
                    <label for="report-safe-times">{move || t(locale.get(), "report-safe-times")}</label>
                    <input id="report-safe-times" type="text" autocomplete="off"
                        prop:value=move || draft.with(|d| d.payload.contact.as_ref().and_then(|c| c.safe_times.clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            edit(&|p| p.contact.get_or_insert_with(SafeContact::default).safe_times = non_empty(text.clone()));
                        } />
                </Show>
            </fieldset>

            <fieldset>
                {checkbox("consent-referral".into(), "consent-referral",
                    |p| p.consents.referral, |p, on| p.consents.referral = on)}
                <Show when=move || draft.with(|d| d.payload.consents.referral)>
                    {ReferralDestination::FOR_CONSENT
                        .into_iter()
                        .map(|dest| {
                            let code = dest.as_str();
                            view! {
                                <label class="toggle">
                                    <input
                                        type="checkbox"
                                        id=format!("refer-{code}")
                                        prop:checked=move || draft.with(|d| d.payload.consents.referral_to.contains(&dest))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit(&|p| {
                                                p.consents.referral_to.retain(|x| *x != dest);
                                                if on {
                                                    p.consents.referral_to.push(dest);
                                                }
                                            });
                                        }
                                    />
                                    {move || t(locale.get(), &format!("refer-{code}"))}
                                </label>
                            }
                        })
                        .collect_view()}
                </Show>
                {checkbox("consent-statistics".into(), "consent-statistics",
                    |p| p.consents.statistics, |p, on| p.consents.statistics = on)}
            </fieldset>

            <Show when=move || failed.get()>
                <p class="status-line warn" role="alert">{move || t(locale.get(), "error-generic")}</p>
            </Show>
            <div class="actions">
                <button id="report-submit" type="button" class="primary" on:click=submit
                    disabled=move || voice_busy.get()>{move || t(locale.get(), "report-submit")}</button>
                <button id="report-close" type="button" class="secondary" on:click=keep>{move || t(locale.get(), "report-close")}</button>
                <button id="report-discard" type="button" class="secondary" on:click=discard>{move || t(locale.get(), "report-discard")}</button>
            </div>
        </section>
    }
}
