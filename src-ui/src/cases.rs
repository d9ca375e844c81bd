//! "My cases": what she sent, where each stands, and what listeners said
//! back. Shown only while the vault is open.

use crate::i18n::t;
use kulna_model::api::CaseStatus;
use kulna_model::record::MyCase;
use kulna_model::{Locale, RecordKind};
use leptos::prelude::*;

fn status_id(case: &MyCase) -> &'static str {
    match (case.status, case.sent) {
        (Some(CaseStatus::Acknowledged), _) => "case-status-acknowledged",
        (Some(CaseStatus::Referred), _) => "case-status-referred",
        (Some(CaseStatus::Closed), _) => "case-status-closed",
        (Some(CaseStatus::New) | None, true) => "case-status-sent",
        (Some(CaseStatus::New) | None, false) => "case-status-waiting",
    }
}

fn kind_id(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Alert => "case-kind-alert",
        RecordKind::Report => "case-kind-report",
        RecordKind::SupportRequest => "case-kind-support_request",
        RecordKind::Intake => "case-kind-intake",
    }
}

/// The list.
#[component]
pub fn MyCases(locale: ReadSignal<Locale>, cases: ReadSignal<Vec<MyCase>>) -> impl IntoView {
    view! {
        <section class="card" id="my-cases" aria-labelledby="cases-heading">
            <h2 id="cases-heading">{move || t(locale.get(), "cases-heading")}</h2>
            {move || {
                let l = locale.get();
                let list = cases.get();
                if list.is_empty() {
                    return view! { <p class="hint">{t(l, "cases-none")}</p> }.into_any();
                }
                view! {
                    <ul class="cases">
                        {list
                            .into_iter()
                            .map(|c| {
                                let status = status_id(&c);
                                view! {
                                    <li class="case" id=format!("case-{}", c.id) data-status=status>
                                        <strong>{t(l, kind_id(c.kind))}</strong>
                                        " · "
                                        <span>{t(l, status)}</span>
                                        {c.messages
                                            .into_iter()
                                            .map(|m| view! {
                                                <p class="case-message">
                                                    {t(l, "case-message")} " "
                                                    <bdi>{m}</bdi>
                                                </p>
                                            })
                                            .collect_view()}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
