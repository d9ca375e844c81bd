//! The queue of her scope: alerts first (time since raised, place), then
//! reports and intakes, then support requests. Live: the shell pushes an
//! event for every change and the list is fetched again; a slow refresh
//! runs beside it in case an event is lost.

use super::{ago, error_line, region_id, Ctx};
use crate::i18n::{t, t_count};
use crate::ipc;
use kulna_model::api::CaseStatus;
use kulna_model::staff::{QueueFilter, QueueItem};
use kulna_model::{ErrorKind, RecordId, RecordKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

pub(crate) fn kind_code(k: RecordKind) -> &'static str {
    k.as_str()
}

pub(crate) fn status_code(s: CaseStatus) -> &'static str {
    s.as_str()
}

const KINDS: [RecordKind; 4] = [
    RecordKind::Alert,
    RecordKind::Report,
    RecordKind::Intake,
    RecordKind::SupportRequest,
];
const STATUSES: [CaseStatus; 4] = [
    CaseStatus::New,
    CaseStatus::Acknowledged,
    CaseStatus::Referred,
    CaseStatus::Closed,
];

#[component]
pub(crate) fn Queue(ctx: Ctx, open: RwSignal<Option<RecordId>>) -> impl IntoView {
    let locale = ctx.locale;
    let items = RwSignal::new(None::<Vec<QueueItem>>);
    let filter = RwSignal::new(QueueFilter::default());
    let error = RwSignal::new(None::<ErrorKind>);
    let now = RwSignal::new(js_sys::Date::now());
    // Fetches in flight never overwrite a newer answer with an older one.
    let generation = StoredValue::new(0u64);

    let fetch = move || {
        let f = filter.get_untracked();
        let mine = generation.try_update_value(|g| {
            *g += 1;
            *g
        });
        spawn_local(async move {
            let answer = ipc::get_queue(f).await;
            if generation.try_get_value() != mine {
                return;
            }
            now.try_set(js_sys::Date::now());
            match answer {
                Ok(list) => {
                    error.try_set(None);
                    items.try_set(Some(list));
                }
                Err(e) => ctx.fail(&e, error),
            }
        });
    };
    Effect::new(move |_| {
        filter.track();
        fetch();
    });
    let unlisten = StoredValue::new_local(None::<js_sys::Function>);
    spawn_local(async move {
        let f = ipc::on_staff_event(ipc::StaffEvent::QueueChanged, fetch).await;
        unlisten.try_set_value(f);
    });
    let slow = set_interval_with_handle(fetch, Duration::from_secs(10)).ok();
    on_cleanup(move || {
        if let Some(h) = slow {
            h.clear();
        }
        if let Some(Some(f)) = unlisten.try_get_value() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    });

    let loaded = Memo::new(move |_| items.with(Option::is_some));
    let count = Memo::new(move |_| items.with(|l| l.as_ref().map_or(0, Vec::len)));

    let acknowledge = move |id: RecordId| {
        spawn_local(async move {
            match ipc::acknowledge_case(id, None).await {
                Ok(_) => fetch(),
                Err(e) => ctx.fail(&e, error),
            }
        });
    };

    view! {
        <section class="card" id="staff-queue-card" aria-labelledby="queue-heading">
            <h3 id="queue-heading">{move || t(locale.get(), "staff-queue-heading")}</h3>
            <div class="filters">
                <label for="queue-filter-status">{move || t(locale.get(), "staff-filter-status")}</label>
                <select id="queue-filter-status" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.status = STATUSES.into_iter().find(|s| status_code(*s) == v));
                }>
                    <option value="">{move || t(locale.get(), "staff-filter-open")}</option>
                    {STATUSES.into_iter().map(|s| view! {
                        <option value=status_code(s)>{move || t(locale.get(), &format!("staff-status-{}", status_code(s)))}</option>
                    }).collect_view()}
                </select>
                <label for="queue-filter-kind">{move || t(locale.get(), "staff-filter-kind")}</label>
                <select id="queue-filter-kind" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.kind = KINDS.into_iter().find(|k| kind_code(*k) == v));
                }>
                    <option value="">{move || t(locale.get(), "staff-filter-all")}</option>
                    {KINDS.into_iter().map(|k| view! {
                        <option value=kind_code(k)>{move || t(locale.get(), &format!("staff-kind-{}", kind_code(k)))}</option>
                    }).collect_view()}
                </select>
            </div>
            {error_line(locale, "queue-error", error)}
            // The list is keyed: a refresh (every event, every 10 s) keeps the
            // rows that did not change, so a row she is about to press, or
            // has focused with the keyboard, is not replaced under her.
            {move || loaded.get().then(|| view! {
                <p class="hint" id="queue-count">
                    {move || t_count(locale.get(), "staff-queue-count", count.get() as u32)}
                </p>
                <ul id="staff-queue" class="queue" data-count=move || count.get().to_string()>
                    <For
                        each=move || items.get().unwrap_or_default()
                        key=|item| (item.id, item.status, item.kind, item.region, item.received_at_ms)
                        children=move |item| {
                            let id = item.id;
                            let alert = item.kind == RecordKind::Alert;
                            let new = item.status == CaseStatus::New;
                            let (kind, status, region) = (item.kind, item.status, item.region);
                            let received = item.received_at_ms;
                            view! {
                                <li class=if alert { "queue-item alert" } else { "queue-item" }
                                    data-id=id.to_string() data-kind=kind_code(kind)
                                    data-status=status_code(status)>
                                    <span class="queue-kind">{move || t(locale.get(), &format!("staff-kind-{}", kind_code(kind)))}</span>
                                    <span class="queue-age">{move || ago(locale.get(), received, now.get())}</span>
                                    <span class="queue-place">{move || t(locale.get(), &region_id(region))}</span>
                                    <span class="queue-status">{move || t(locale.get(), &format!("staff-status-{}", status_code(status)))}</span>
                                    <span class="queue-actions">
                                        {(alert && new).then(|| view! {
                                            <button type="button" class="primary queue-ack"
                                                on:click=move |_| acknowledge(id)>
                                                {move || t(locale.get(), "staff-acknowledge")}
                                            </button>
                                        })}
                                        <button type="button" class="secondary queue-open"
                                            on:click=move |_| open.set(Some(id))>
                                            {move || t(locale.get(), "staff-open-case")}
                                        </button>
                                    </span>
                                </li>
                            }
                        }
                    />
                </ul>
            })}
        </section>
    }
}
