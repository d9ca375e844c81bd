//! One case: what she sent, in the language she wrote it; the consents she
//! gave; the history of what staff did; and the actions: acknowledge, call
//! back (only with her consent, at the times she said are safe), refer and
//! follow the referral, note, message her device, close.

use super::queue::{kind_code, status_code};
use super::{error_line, region_id, when, Ctx};
use crate::directory::pick;
use crate::i18n::t;
use crate::ipc;
use kulna_model::api::CaseStatus;
use kulna_model::directory::{DirectoryEntry, DirectoryQuery, EntryKind};
use kulna_model::record::{Consents, RecordPayload};
use kulna_model::staff::{
    CaseDetail, Referral, ReferralDestination, ReferralFailureReason, ReferralStatus,
};
use kulna_model::{CommandError, ErrorKind, Locale, RecordId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One action on a case, started: the case as the service answers it.
type CaseAction =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<CaseDetail, CommandError>>>>;

fn yes_no(l: Locale, v: bool) -> String {
    t(l, if v { "staff-yes" } else { "staff-no" })
}

#[component]
pub(crate) fn CaseView(ctx: Ctx, id: RecordId, open: RwSignal<Option<RecordId>>) -> impl IntoView {
    let locale = ctx.locale;
    let detail = RwSignal::new(None::<CaseDetail>);
    let error = RwSignal::new(None::<ErrorKind>);
    let done = RwSignal::new(None::<&'static str>);
    spawn_local(async move {
        match ipc::open_case(id).await {
            Ok(d) => detail.try_set(Some(d)),
            Err(e) => {
                ctx.fail(&e, error);
                None
            }
        };
    });
    // Runs an action; its answer is the case as it now stands.
    let act = move |label: &'static str,
                    fut: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<CaseDetail, CommandError>>>,
    >| {
        error.set(None);
        done.set(None);
        spawn_local(async move {
            match fut.await {
                Ok(d) => {
                    detail.try_set(Some(d));
                    done.try_set(Some(label));
                }
                Err(e) => ctx.fail(&e, error),
            }
        });
    };

    view! {
        <section class="card case" id="case-view" data-id=id.to_string()
            data-status=move || detail.with(|d| d.as_ref().map(|d| status_code(d.case.status)).unwrap_or(""))>
            <button id="case-back" type="button" class="secondary" on:click=move |_| open.set(None)>
                {move || t(locale.get(), "staff-back-to-queue")}
            </button>
            {error_line(locale, "case-error", error)}
            {move || done.get().map(|id| view! {
                <p id="case-done" class="status-line ok" role="status" data-action=id>{move || t(locale.get(), id)}</p>
            })}
            {move || detail.get().map(|d| view! { <CaseBody ctx=ctx detail=d act=act /> })}
        </section>
    }
}

#[component]
fn CaseBody(
    ctx: Ctx,
    detail: CaseDetail,
    act: impl Fn(&'static str, CaseAction) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = ctx.locale;
    let id = detail.case.id;
    let status = detail.case.status;
    let closed = status == CaseStatus::Closed;
    let payload = detail.payload.clone().unwrap_or_default();
    let consents = detail.consents.clone();

    view! {
        <h3 id="case-heading">
            {move || t(locale.get(), &format!("staff-kind-{}", kind_code(detail.case.kind)))}
            " · "
            {move || t(locale.get(), &format!("staff-status-{}", status_code(status)))}
        </h3>
        <p class="hint">
            {move || t(locale.get(), "staff-received")}" "{when(detail.case.received_at_ms)}
            " · "{move || t(locale.get(), &region_id(detail.case.region))}
        </p>
        <WhatSheSent locale=locale payload=payload.clone() readable=detail.payload.is_some() />
        <ConsentList locale=locale consents=consents.clone() />
        <CallBack locale=locale consents=consents.clone() payload=payload />
        <div class="actions">
            {(status == CaseStatus::New).then(|| view! {
                <button id="case-ack" type="button" class="primary"
                    on:click=move |_| act("staff-done-acknowledged", Box::pin(ipc::acknowledge_case(id, None)))>
                    {move || t(locale.get(), "staff-acknowledge")}
                </button>
            })}
        </div>
        {(!closed).then(|| view! { <ReferForm ctx=ctx id=id region=detail.case.region consents=consents.clone() act=act /> })}
        <Referrals locale=locale id=id referrals=detail.referrals.clone() closed=closed act=act />
        {(!closed).then(|| view! { <NoteAndMessage locale=locale id=id act=act /> })}
        <History locale=locale detail=detail.clone() />
        {(!closed).then(|| view! {
            <div class="actions">
                <button id="case-close" type="button" class="secondary"
                    on:click=move |_| act("staff-done-closed", Box::pin(ipc::close_case(id)))>
                    {move || t(locale.get(), "staff-close-case")}
                </button>
            </div>
        })}
    }
}

#[component]
fn WhatSheSent(
    locale: ReadSignal<Locale>,
    payload: RecordPayload,
    readable: bool,
) -> impl IntoView {
    let lang = payload.language;
    let row = move |label: &'static str, value: String| {
        view! { <dt>{move || t(locale.get(), label)}</dt><dd>{value}</dd> }
    };
    let l = locale.get_untracked();
    let flag = move |v: Option<bool>| {
        v.map(|v| yes_no(l, v))
            .unwrap_or_else(|| t(l, "staff-not-said"))
    };
    view! {
        <section aria-labelledby="case-sent-heading">
            <h4 id="case-sent-heading">{move || t(locale.get(), "staff-what-she-sent")}</h4>
            {(!readable).then(|| view! { <p class="status-line warn">{move || t(locale.get(), "staff-unreadable")}</p> })}
            <p id="case-language" data-lang=lang.map(|l| l.code()).unwrap_or("")>
                {move || t(locale.get(), "staff-her-language")}" "
                {lang.map(|l| l.native_name()).unwrap_or("—")}
            </p>
            {payload.description.clone().map(|text| view! {
                // Her words, in her language and its direction.
                <blockquote id="case-description" lang=lang.map(|l| l.code()).unwrap_or("")
                    dir=lang.map(|l| l.direction().as_str()).unwrap_or("auto")>{text}</blockquote>
            })}
            {payload.voice_note.as_ref().and_then(|n| n.data_url()).map(|url| view! {
                // Her voice: played here only, never stored by this app.
                <p>
                    <label for="case-voice">{move || t(locale.get(), "staff-voice-note")}</label>
                    <audio id="case-voice" controls=true preload="metadata" src=url></audio>
                </p>
            })}
            <dl class="case-facts">
                {(!payload.violence.is_empty()).then(|| row("staff-violence",
                    payload.violence.iter().map(|v| t(l, &format!("violence-{}", violence_code(*v)))).collect::<Vec<_>>().join(", ")))}
                {payload.happened.clone().map(|v| row("staff-happened", v))}
                {payload.place.clone().map(|v| row("staff-place", v))}
                {row("staff-in-danger", flag(payload.in_danger_now))}
                {row("staff-children", flag(payload.children_at_risk))}
                {payload.perpetrator.map(|p| row("staff-perpetrator", t(l, &format!("relation-{}", relation_code(p)))))}
                {payload.support_topic.map(|p| row("staff-topic", t(l, &format!("topic-{}", topic_code(p)))))}
            </dl>
        </section>
    }
}

fn violence_code(v: kulna_model::record::ViolenceForm) -> &'static str {
    use kulna_model::record::ViolenceForm as V;
    match v {
        V::Physical => "physical",
        V::Sexual => "sexual",
        V::Psychological => "psychological",
        V::Economic => "economic",
        V::Digital => "digital",
    }
}

fn relation_code(p: kulna_model::record::PerpetratorRelation) -> &'static str {
    use kulna_model::record::PerpetratorRelation as P;
    match p {
        P::Partner => "partner",
        P::FormerPartner => "former_partner",
        P::Family => "family",
        P::Acquaintance => "acquaintance",
        P::Work => "work",
        P::Stranger => "stranger",
        P::NotSaid => "not_said",
    }
}

fn topic_code(s: kulna_model::record::SupportTopic) -> &'static str {
    use kulna_model::record::SupportTopic as S;
    match s {
        S::Job => "job",
        S::Training => "training",
        S::VocationalTraining => "vocational_training",
        S::Business => "business",
        S::IncomeGeneratingProject => "income_generating_project",
        S::Other => "other",
    }
}

pub(crate) fn destination_id(d: ReferralDestination) -> String {
    format!("staff-destination-{}", d.as_str())
}

#[component]
fn ConsentList(locale: ReadSignal<Locale>, consents: Consents) -> impl IntoView {
    let to = consents.referral_to.clone();
    let c = consents.clone();
    view! {
        <section aria-labelledby="case-consents-heading">
            <h4 id="case-consents-heading">{move || t(locale.get(), "staff-consents")}</h4>
            <ul id="case-consents" data-referral=c.referral.to_string() data-contact=c.contact.to_string()>
                <li>{move || t(locale.get(), "staff-consent-services")}": "{move || yes_no(locale.get(), c.services)}</li>
                <li>{move || t(locale.get(), "staff-consent-referral")}": "{move || yes_no(locale.get(), consents.referral)}
                    {(consents.referral).then(|| {
                        let to = to.clone();
                        move || {
                            let l = locale.get();
                            if to.is_empty() {
                                format!(" ({})", t(l, "staff-consent-any-service"))
                            } else {
                                format!(" ({})", to.iter().map(|d| t(l, &destination_id(*d))).collect::<Vec<_>>().join(", "))
                            }
                        }
                    })}
                </li>
                <li>{move || t(locale.get(), "staff-consent-contact")}": "{move || yes_no(locale.get(), consents.contact)}</li>
                <li>{move || t(locale.get(), "staff-consent-statistics")}": "{move || yes_no(locale.get(), consents.statistics)}</li>
            </ul>
        </section>
    }
}

/// Shown only if she consented to be contacted.
#[component]
fn CallBack(
    locale: ReadSignal<Locale>,
    consents: Consents,
    payload: RecordPayload,
) -> impl IntoView {
    if !consents.contact {
        return view! {
            <p id="case-no-contact" class="hint">{move || t(locale.get(), "staff-no-contact")}</p>
        }
        .into_any();
    }
    let contact = payload.contact.unwrap_or_default();
    let times = contact.safe_times.clone();
    view! {
        <section id="case-callback" aria-labelledby="callback-heading">
            <h4 id="callback-heading">{move || t(locale.get(), "staff-call-back")}</h4>
            {match contact.phone.clone() {
                Some(phone) => view! {
                    <a id="case-call" class="button primary" href=format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())>
                        {move || t(locale.get(), "staff-call")}" "<bdi dir="ltr">{phone.clone()}</bdi>
                    </a>
                }.into_any(),
                None => view! { <p class="hint">{move || t(locale.get(), "staff-no-phone")}</p> }.into_any(),
            }}
            <p id="case-safe-times">
                {move || t(locale.get(), "staff-safe-times")}" "
                {times.clone().map(|x| view! { <bdi>{x}</bdi> }.into_any())
                    .unwrap_or_else(|| view! { {move || t(locale.get(), "staff-not-said")} }.into_any())}
            </p>
        </section>
    }
    .into_any()
}

/// The directory category of the services a destination names; `None`
/// where the directory lists no services of that kind.
fn destination_category(d: ReferralDestination) -> Option<&'static str> {
    match d {
        ReferralDestination::Prosecutor => Some("care_cell"),
        ReferralDestination::Police => Some("police"),
        ReferralDestination::Gendarmerie => Some("gendarmerie"),
        ReferralDestination::Health => Some("health"),
        ReferralDestination::Shelter => Some("shelter"),
        ReferralDestination::LegalAid => Some("legal_aid"),
        ReferralDestination::Association => Some("association"),
        ReferralDestination::TrainingEmployment => None,
    }
}

/// A directory listing's title in her language (or the next best), with
/// its town; the id while the listing is not in this device's directory.
fn listing_label(locale: Locale, e: &DirectoryEntry) -> String {
    let title = pick(locale, &e.title).map_or_else(|| e.id.clone(), |(t, _)| t);
    match &e.town {
        Some(town) if !town.trim().is_empty() => format!("{title} — {town}"),
        _ => title,
    }
}

#[component]
fn ReferForm(
    ctx: Ctx,
    id: RecordId,
    region: Option<u8>,
    consents: Consents,
    act: impl Fn(&'static str, CaseAction) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = ctx.locale;
    let destination = RwSignal::new(None::<ReferralDestination>);
    let reason = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    // The organisations of that kind in the directory this device holds,
    // nearest her region first.
    let listing = RwSignal::new(None::<String>);
    let listings = RwSignal::new(Vec::<DirectoryEntry>::new());
    Effect::new(move |_| {
        let category = destination.get().and_then(destination_category);
        listing.set(None);
        listings.set(Vec::new());
        if let Some(category) = category {
            spawn_local(async move {
                let query = DirectoryQuery {
                    kind: Some(EntryKind::Service),
                    categories: vec![category.to_owned()],
                    near_region: region,
                    ..DirectoryQuery::default()
                };
                if let Ok(hits) = ipc::search_directory(&query, 50).await {
                    // Only if she has not changed the destination meanwhile.
                    if destination.get_untracked().and_then(destination_category) == Some(category)
                    {
                        listings.set(hits.into_iter().map(|h| h.entry).collect());
                    }
                }
            });
        }
    });
    let consented = move || {
        destination
            .get()
            .is_some_and(|d| consents.allows_referral_to(d))
    };
    let submit = move |_| {
        let Some(d) = destination.get_untracked() else {
            return;
        };
        let r = reason.get_untracked();
        let m = message.get_untracked();
        let l = listing.get_untracked();
        act(
            "staff-done-referred",
            Box::pin(async move {
                let (r, m) = (r.trim(), m.trim());
                ipc::refer_case(
                    id,
                    d,
                    l.as_deref(),
                    (!r.is_empty()).then_some(r),
                    (!m.is_empty()).then_some(m),
                )
                .await
            }),
        );
    };
    view! {
        <section class="refer" aria-labelledby="refer-heading">
            <h4 id="refer-heading">{move || t(locale.get(), "staff-refer")}</h4>
            <label for="refer-destination">{move || t(locale.get(), "staff-refer-to")}</label>
            <select id="refer-destination" on:change=move |ev| {
                let v = event_target_value(&ev);
                destination.set(ReferralDestination::parse(&v));
            }>
                <option value="">{move || t(locale.get(), "staff-choose")}</option>
                {ReferralDestination::ALL.into_iter().map(|d| view! {
                    <option value=d.as_str()>{move || t(locale.get(), &destination_id(d))}</option>
                }).collect_view()}
            </select>
            <Show when=move || !listings.with(Vec::is_empty)>
                <label for="refer-listing">{move || t(locale.get(), "staff-refer-listing")}</label>
                <select id="refer-listing" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    listing.set((!v.is_empty()).then_some(v));
                }>
                    <option value="">{move || t(locale.get(), "staff-refer-listing-none")}</option>
                    {move || {
                        let l = locale.get();
                        listings.get().into_iter().map(|e| view! {
                            <option value=e.id.clone()>{listing_label(l, &e)}</option>
                        }).collect_view()
                    }}
                </select>
            </Show>
            <Show when=move || destination.get().is_some() && !consented()>
                <p id="refer-no-consent" class="status-line warn">
                    {move || t(locale.get(), if ctx.supervises() { "staff-refer-no-consent-supervisor" } else { "staff-refer-no-consent" })}
                </p>
                <Show when=move || ctx.supervises()>
                    <label for="refer-override">{move || t(locale.get(), "staff-override-reason")}</label>
                    <textarea id="refer-override" rows="2" prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                </Show>
            </Show>
            <label for="refer-message">{move || t(locale.get(), "staff-refer-message")}</label>
            <textarea id="refer-message" rows="2" prop:value=message
                on:input=move |ev| message.set(event_target_value(&ev))></textarea>
            <button id="refer-submit" type="button" class="primary"
                disabled=move || destination.get().is_none()
                on:click=submit>
                {move || t(locale.get(), "staff-refer-submit")}
            </button>
        </section>
    }
}

fn referral_status_id(s: ReferralStatus) -> String {
    format!("staff-referral-{}", s.as_str())
}

#[component]
fn Referrals(
    locale: ReadSignal<Locale>,
    id: RecordId,
    referrals: Vec<Referral>,
    closed: bool,
    act: impl Fn(&'static str, CaseAction) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    if referrals.is_empty() {
        return ().into_any();
    }
    view! {
        <section aria-labelledby="referrals-heading">
            <h4 id="referrals-heading">{move || t(locale.get(), "staff-referrals")}</h4>
            <ul id="case-referrals">
                {referrals.into_iter().map(|r| {
                    let reason = RwSignal::new(None::<ReferralFailureReason>);
                    let rid = r.id.clone();
                    let step = move |next: ReferralStatus, label: &'static str, cls: &'static str, text_id: &'static str| {
                        let rid = rid.clone();
                        let needs_reason = matches!(next, ReferralStatus::Rejected | ReferralStatus::Revoked);
                        view! {
                            <button type="button" class=format!("secondary {cls}")
                                on:click=move |_| {
                                    let rid = rid.clone();
                                    let why = if needs_reason { reason.get_untracked() } else { None };
                                    act(label, Box::pin(async move {
                                        ipc::update_referral(id, &rid, next, why).await
                                    }));
                                }>
                                {move || t(locale.get(), text_id)}
                            </button>
                        }
                    };
                    let can = move |next| !closed && r.status.can_become(next);
                    let failing = can(ReferralStatus::Rejected) || can(ReferralStatus::Revoked);
                    view! {
                        <li class="referral" data-id=r.id.clone() data-status=r.status.as_str()
                            data-override=r.consent_override.to_string() data-destination=r.destination.as_str()>
                            <span>{move || t(locale.get(), &destination_id(r.destination))}</span>" · "
                            {r.listing.clone().map(|l| view! { <ListingName locale=locale id=l />" · " })}
                            <span class="referral-status">{move || t(locale.get(), &referral_status_id(r.status))}</span>
                            {r.reason.map(|why| view! { " · "<span>{move || t(locale.get(), &format!("staff-reason-{}", why.as_str()))}</span> })}
                            {r.consent_override.then(|| view! { " · "<span class="warn">{move || t(locale.get(), "staff-overridden")}</span> })}
                            " · "{when(r.updated_at_ms)}
                            <div class="actions">
                                {can(ReferralStatus::Accepted).then(|| step(ReferralStatus::Accepted, "staff-done-referral", "referral-accept", "staff-referral-accept"))}
                                {can(ReferralStatus::Done).then(|| step(ReferralStatus::Done, "staff-done-referral", "referral-done", "staff-referral-mark-done"))}
                                {failing.then(|| view! {
                                    <select class="referral-reason" aria-label=move || t(locale.get(), "staff-reason")
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            reason.set(ReferralFailureReason::ALL.into_iter().find(|x| x.as_str() == v));
                                        }>
                                        <option value="">{move || t(locale.get(), "staff-reason")}</option>
                                        {ReferralFailureReason::ALL.into_iter().map(|x| view! {
                                            <option value=x.as_str()>{move || t(locale.get(), &format!("staff-reason-{}", x.as_str()))}</option>
                                        }).collect_view()}
                                    </select>
                                })}
                                {can(ReferralStatus::Rejected).then(|| step(ReferralStatus::Rejected, "staff-done-referral", "referral-reject", "staff-referral-reject"))}
                                {can(ReferralStatus::Revoked).then(|| step(ReferralStatus::Revoked, "staff-done-referral", "referral-revoke", "staff-referral-revoke"))}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// The name of a referral's organisation, from this device's directory.
#[component]
fn ListingName(locale: ReadSignal<Locale>, id: String) -> impl IntoView {
    let entry = RwSignal::new(None::<DirectoryEntry>);
    {
        let id = id.clone();
        spawn_local(async move {
            if let Ok(e) = ipc::get_directory_listing(&id).await {
                entry.set(Some(e));
            }
        });
    }
    let shown = id.clone();
    view! {
        <span class="referral-listing" data-listing=id dir="auto">
            {move || entry.with(|e| e.as_ref().map_or_else(|| shown.clone(), |e| listing_label(locale.get(), e)))}
        </span>
    }
}

#[component]
fn NoteAndMessage(
    locale: ReadSignal<Locale>,
    id: RecordId,
    act: impl Fn(&'static str, CaseAction) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let note = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    view! {
        <section aria-labelledby="note-heading">
            <h4 id="note-heading">{move || t(locale.get(), "staff-note")}</h4>
            <textarea id="case-note" rows="2" prop:value=note
                on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            <button id="case-note-add" type="button" class="secondary" on:click=move |_| {
                let text = note.get_untracked();
                note.set(String::new());
                act("staff-done-note", Box::pin(async move { ipc::add_case_note(id, &text).await }));
            }>{move || t(locale.get(), "staff-note-add")}</button>
            <h4 id="message-heading">{move || t(locale.get(), "staff-message")}</h4>
            <p class="hint">{move || t(locale.get(), "staff-message-hint")}</p>
            <textarea id="case-message" rows="2" prop:value=message
                on:input=move |ev| message.set(event_target_value(&ev))></textarea>
            <button id="case-message-send" type="button" class="secondary" on:click=move |_| {
                let text = message.get_untracked();
                message.set(String::new());
                act("staff-done-message", Box::pin(async move { ipc::send_case_message(id, &text).await }));
            }>{move || t(locale.get(), "staff-message-send")}</button>
        </section>
    }
}

/// An event's detail in her words. The service writes referral steps as
/// codes (`police (listing) (consent overridden…)`, `police in_progress ->
/// accepted`); those are said in the listener's language. Notes, messages
/// and anything unknown are shown as written.
fn event_detail(locale: Locale, action: &str, detail: &str) -> String {
    let destination =
        |code: &str| ReferralDestination::parse(code).map(|d| t(locale, &destination_id(d)));
    let status =
        |code: &str| ReferralStatus::parse(code).map(|s| t(locale, &referral_status_id(s)));
    match action {
        "refer" => {
            let mut words = detail.split_whitespace();
            let Some(dest) = words.next().and_then(destination) else {
                return detail.to_owned();
            };
            if detail.contains("consent overridden") {
                format!("{dest} · {}", t(locale, "staff-overridden"))
            } else {
                dest
            }
        }
        "referral_update" => {
            let parts: Vec<&str> = detail.split_whitespace().collect();
            match parts.as_slice() {
                [dest, from, "->", to] => match (destination(dest), status(from), status(to)) {
                    (Some(d), Some(before), Some(after)) => {
                        let arrow = if locale.direction().as_str() == "rtl" {
                            "←"
                        } else {
                            "→"
                        };
                        format!("{d}: {before} {arrow} {after}")
                    }
                    _ => detail.to_owned(),
                },
                _ => detail.to_owned(),
            }
        }
        "assign" => detail.strip_prefix("center ").unwrap_or(detail).to_owned(),
        _ => detail.to_owned(),
    }
}

#[component]
fn History(locale: ReadSignal<Locale>, detail: CaseDetail) -> impl IntoView {
    let count = detail.events.len();
    view! {
        <section aria-labelledby="history-heading">
            <h4 id="history-heading">{move || t(locale.get(), "staff-history")}</h4>
            <ol id="case-history" data-count=count.to_string()>
                <li>{when(detail.case.received_at_ms)}" · "{move || t(locale.get(), "staff-event-received")}</li>
                {detail.events.into_iter().map(|e| {
                    let action = e.action.clone();
                    let label = format!("staff-event-{}", e.action);
                    view! {
                        <li class="case-event" data-action=action>
                            {when(e.at_ms)}" · "<bdi>{e.by}</bdi>" · "
                            {move || t(locale.get(), &label)}
                            {(!e.detail.is_empty()).then(|| {
                                let (action, detail) = (e.action.clone(), e.detail.clone());
                                view! { ": "<bdi class="event-detail">{move || event_detail(locale.get(), &action, &detail)}</bdi> }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
