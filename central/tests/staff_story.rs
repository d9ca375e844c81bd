//! Staff, the queue and cases: the same story on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{TestApp, TestDevice};
use kulna_central::staff::{add_center, add_staff, NewStaff};
use kulna_model::api::{
    ApiError, ApiErrorCode, CaseStatus, DeviceUpdatesResponse, IngestResponse, RejectReason,
    StatusUpdate,
};
use kulna_model::staff::{
    AuditLogResponse, CaseDetail, LoginResponse, QueueResponse, ReferralDestination,
    ReferralStatus, Role, StaffProfile,
};
use kulna_model::{Envelope, RecordKind};
use reqwest::StatusCode;
use secrecy::SecretString;
use serde_json::json;

stories!(
    sign_in_sessions_and_throttling,
    queue_is_ordered_and_scoped,
    opening_a_case_is_audited,
    referrals_need_consent_unless_a_supervisor_overrides,
    status_updates_reach_only_her_device,
    notes_are_sealed_at_rest_and_bad_input_is_refused,
    live_queue_events_arrive,
    a_live_queue_ends_with_its_session,
    a_linked_center_device_sends_to_the_center_queue,
    a_signed_batch_vouches_for_its_items_and_each_is_checked_when_opened,
);

const PW: &str = "a good long password";

async fn staff(
    app: &TestApp,
    name: &str,
    role: Role,
    region: Option<u8>,
    center: Option<&str>,
) -> String {
    add_staff(
        app.state.store(),
        NewStaff {
            username: name.into(),
            role,
            region,
            center: center.map(str::to_owned),
            password: SecretString::from(PW.to_owned()),
        },
        1024,
    )
    .await
    .unwrap();
    login(app, name, PW)
        .await
        .json::<LoginResponse>()
        .await
        .unwrap()
        .token
}

async fn login(app: &TestApp, name: &str, pw: &str) -> reqwest::Response {
    app.client
        .post(app.at("/v1/staff/login"))
        .json(&json!({"username": name, "password": pw}))
        .send()
        .await
        .unwrap()
}

async fn get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.at(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn post(
    app: &TestApp,
    token: &str,
    path: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    app.client
        .post(app.at(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn send(app: &TestApp, d: &TestDevice, envs: &[Envelope]) {
    let r: IngestResponse = app
        .client
        .post(app.at("/v1/envelopes"))
        .header("authorization", d.bearer())
        .json(&json!({ "envelopes": envs }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r.held.len(), envs.len(), "{r:?}");
}

/// Posts envelopes (as these JSON texts) with a batch signature made by
/// `signer` over `signed` (the same texts, unless a test changes them after
/// signing).
async fn send_signed(
    app: &TestApp,
    d: &TestDevice,
    signer: &TestDevice,
    signed: &[String],
    sent: &[String],
) -> IngestResponse {
    let signed: Vec<&str> = signed.iter().map(String::as_str).collect();
    let sent: Vec<&str> = sent.iter().map(String::as_str).collect();
    let signature = kulna_crypto::sign_batch(&d.id, &signed, &signer.signing);
    let r = app
        .client
        .post(app.at("/v1/envelopes"))
        .header("authorization", d.bearer())
        .header("content-type", "application/json")
        .body(kulna_model::api::ingest_body(&sent, Some(&signature)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

fn texts(envs: &[&Envelope]) -> Vec<String> {
    envs.iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect()
}

async fn error_of(r: reqwest::Response) -> (StatusCode, ApiError) {
    (r.status(), r.json().await.unwrap())
}

async fn sign_in_sessions_and_throttling(app: TestApp) {
    let token = staff(&app, "amina", Role::Listener, Some(6), None).await;
    let me: StaffProfile = get(&app, &token, "/v1/staff/me")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me.role, Role::Listener);
    // Wrong password and unknown account: the same answer.
    let (s1, e1) = error_of(login(&app, "amina", "wrong password!!").await).await;
    let (s2, e2) = error_of(login(&app, "nobody' OR '1'='1", PW).await).await;
    assert_eq!(
        (s1, s2),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    assert_eq!(e1.message, e2.message);
    for _ in 0..5 {
        login(&app, "victim", "guess guess guess").await;
    }
    let r = login(&app, "victim", "guess guess guess").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().get("retry-after").is_some());
    // Sign-out ends the session.
    assert_eq!(
        post(&app, &token, "/v1/staff/logout", json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let (s, e) = error_of(get(&app, &token, "/v1/staff/me").await).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(e.message.contains("ended"), "{}", e.message);
    // Disabling and a password reset end sessions too.
    let t2 = login(&app, "amina", PW)
        .await
        .json::<LoginResponse>()
        .await
        .unwrap()
        .token;
    assert!(app
        .state
        .store()
        .update_staff("amina", Some(true), None)
        .await
        .unwrap());
    assert_eq!(
        get(&app, &t2, "/v1/staff/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login(&app, "amina", PW).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // A forged token for a real session id is refused.
    let id = t2.split('.').next().unwrap();
    assert_eq!(
        get(&app, &format!("{id}.forged"), "/v1/staff/me")
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn queue_is_ordered_and_scoped(app: TestApp) {
    add_center(app.state.store(), "casa-a", "Centre A", 6)
        .await
        .unwrap();
    add_center(app.state.store(), "casa-b", "Centre B", 6)
        .await
        .unwrap();
    let listener6 = staff(&app, "l6", Role::Listener, Some(6), None).await;
    let listener3 = staff(&app, "l3", Role::Listener, Some(3), None).await;
    let worker_a = staff(&app, "fa", Role::FieldWorker, None, Some("casa-a")).await;
    let worker_b = staff(&app, "fb", Role::FieldWorker, None, Some("casa-b")).await;
    let admin = staff(&app, "root", Role::Admin, None, None).await;
    let d = app.device().await;
    let p = json!({});
    let support = d.seal(&app, RecordKind::SupportRequest, Some(6), &p);
    let report = d.seal(&app, RecordKind::Report, Some(6), &p);
    let alert = d.seal(&app, RecordKind::Alert, Some(6), &p);
    let elsewhere = d.seal(&app, RecordKind::Report, Some(3), &p);
    send(&app, &d, std::slice::from_ref(&support)).await;
    send(&app, &d, std::slice::from_ref(&report)).await;
    send(&app, &d, &[alert.clone(), elsewhere.clone()]).await;
    let q: QueueResponse = get(&app, &listener6, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<_> = q.items.iter().map(|i| i.id).collect();
    assert_eq!(ids, vec![alert.id, report.id, support.id]);
    let q: QueueResponse = get(&app, &listener3, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        q.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![elsewhere.id]
    );
    let q: QueueResponse = get(&app, &admin, "/v1/queue").await.json().await.unwrap();
    assert_eq!(q.items.len(), 4);
    // Field workers see nothing until a case is assigned to their center.
    let q: QueueResponse = get(&app, &worker_a, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert!(q.items.is_empty());
    let path = format!("/v1/cases/{}", report.id);
    assert_eq!(
        get(&app, &listener3, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    // A field worker cannot assign; a listener of another region cannot either.
    assert_eq!(
        post(
            &app,
            &worker_a,
            &format!("{path}/assign"),
            json!({"center_id": "casa-a"})
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(
            &app,
            &listener3,
            &format!("{path}/assign"),
            json!({"center_id": "casa-a"})
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    let r = post(
        &app,
        &listener6,
        &format!("{path}/assign"),
        json!({"center_id": "casa-a"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let q: QueueResponse = get(&app, &worker_a, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        q.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![report.id]
    );
    assert_eq!(get(&app, &worker_a, &path).await.status(), StatusCode::OK);
    // Center B's field worker can neither see nor act on center A's case.
    let (s, e) = error_of(get(&app, &worker_b, &path).await).await;
    assert_eq!(
        (s, e.error),
        (StatusCode::NOT_FOUND, ApiErrorCode::NotFound)
    );
    assert_eq!(
        post(&app, &worker_b, &format!("{path}/acknowledge"), json!({}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(
            &app,
            &worker_b,
            &format!("{path}/notes"),
            json!({"text": "x"})
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    // Closed cases leave the queue unless asked for.
    assert_eq!(
        post(
            &app,
            &listener6,
            &format!("/v1/cases/{}/close", support.id),
            json!({})
        )
        .await
        .status(),
        StatusCode::OK
    );
    let q: QueueResponse = get(&app, &listener6, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(q.items.len(), 2);
    let q: QueueResponse = get(&app, &listener6, "/v1/queue?include_closed=true")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(q.items.len(), 3);
}

async fn opening_a_case_is_audited(app: TestApp) {
    let listener = staff(&app, "salma", Role::Listener, None, None).await;
    let supervisor = staff(&app, "khadija", Role::Supervisor, None, None).await;
    let d = app.device().await;
    let report = d.seal(
        &app,
        RecordKind::Report,
        Some(4),
        &json!({"description": "he hit me", "consents": {"statistics": true}}),
    );
    send(&app, &d, std::slice::from_ref(&report)).await;
    let detail: CaseDetail = get(&app, &listener, &format!("/v1/cases/{}", report.id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        detail.payload.unwrap().description.as_deref(),
        Some("he hit me")
    );
    assert!(detail.consents.statistics);
    // Listeners do not read the audit log; supervisors do, and the read is there.
    assert_eq!(
        get(&app, &listener, "/v1/audit").await.status(),
        StatusCode::FORBIDDEN
    );
    let log: AuditLogResponse = get(&app, &supervisor, "/v1/audit")
        .await
        .json()
        .await
        .unwrap();
    let reads: Vec<_> = log
        .entries
        .iter()
        .filter(|e| e.action == "case_read")
        .collect();
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].username, "salma");
    assert_eq!(reads[0].case_id, Some(report.id));
    // A supervisor of another region does not see reads of this case.
    let elsewhere = staff(&app, "zineb", Role::Supervisor, Some(1), None).await;
    let theirs: AuditLogResponse = get(&app, &elsewhere, "/v1/audit")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        theirs.entries.iter().all(|e| e.case_id != Some(report.id)),
        "{theirs:?}"
    );
    let regional = staff(&app, "hanane", Role::Supervisor, Some(4), None).await;
    let ours: AuditLogResponse = get(&app, &regional, "/v1/audit")
        .await
        .json()
        .await
        .unwrap();
    assert!(ours
        .entries
        .iter()
        .any(|e| e.case_id == Some(report.id) && e.action == "case_read"));
    let after = log.entries.last().unwrap().seq;
    let later: AuditLogResponse = get(&app, &supervisor, &format!("/v1/audit?after={after}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(later.entries.is_empty());
}

async fn referrals_need_consent_unless_a_supervisor_overrides(app: TestApp) {
    let listener = staff(&app, "nadia", Role::Listener, None, None).await;
    let supervisor = staff(&app, "fatima", Role::Supervisor, None, None).await;
    let d = app.device().await;
    let report = d.seal(
        &app,
        RecordKind::Report,
        Some(6),
        &json!({"consents": {"referral": true, "referral_to": ["police"]}, "incident_type": "physical_assault"}),
    );
    send(&app, &d, std::slice::from_ref(&report)).await;
    let base = format!("/v1/cases/{}", report.id);
    // The organisation comes from the published directory: a service of
    // it is accepted; an opportunity, or an id it does not hold, is not,
    // and nothing is written.
    let store = app.state.store();
    kulna_central::directory::import(
        store,
        r#"[
 {"id": "police-casa-anfa", "kind": "service", "category": "police", "region": 6, "title": {"fr": "Commissariat (exemple)"}, "sample": true},
 {"id": "ofppt-couture", "kind": "opportunity", "category": "vocational_training", "region": 6, "title": {"fr": "Couture"}, "sample": true}
]"#,
        false,
    )
    .await
    .unwrap();
    kulna_central::directory::publish(store, app.state.keys())
        .await
        .unwrap();
    for listing in ["ofppt-couture", "nowhere", "x'; DROP TABLE referrals; --"] {
        let (s, e) = error_of(
            post(
                &app,
                &listener,
                &format!("{base}/referrals"),
                json!({"destination": "police", "listing": listing}),
            )
            .await,
        )
        .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{listing}");
        assert!(e.message.contains("listing"), "{}", e.message);
    }
    let detail: CaseDetail = get(&app, &listener, &base).await.json().await.unwrap();
    assert!(detail.referrals.is_empty());
    let r = post(
        &app,
        &listener,
        &format!("{base}/referrals"),
        json!({"destination": "police", "listing": "police-casa-anfa"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let detail: CaseDetail = r.json().await.unwrap();
    assert_eq!(detail.case.status, CaseStatus::Referred);
    let police = detail.referrals[0].clone();
    assert_eq!(police.listing.as_deref(), Some("police-casa-anfa"));
    assert_eq!(
        (police.destination, police.status, police.consent_override),
        (
            ReferralDestination::Police,
            ReferralStatus::InProgress,
            false
        )
    );
    // No consent to the gendarmerie: a listener is refused, nothing is written.
    let (s, e) = error_of(
        post(
            &app,
            &listener,
            &format!("{base}/referrals"),
            json!({"destination": "gendarmerie", "override_reason": "urgent"}),
        )
        .await,
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(e.message.contains("consent"));
    let (s, _) = error_of(
        post(
            &app,
            &supervisor,
            &format!("{base}/referrals"),
            json!({"destination": "gendarmerie"}),
        )
        .await,
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let detail: CaseDetail = get(&app, &listener, &base).await.json().await.unwrap();
    assert_eq!(detail.referrals.len(), 1);
    // A supervisor overrides with a reason: made, flagged, logged.
    let r = post(
        &app,
        &supervisor,
        &format!("{base}/referrals"),
        json!({"destination": "gendarmerie", "override_reason": "her life is in danger"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let detail: CaseDetail = r.json().await.unwrap();
    assert!(detail.referrals[1].consent_override);
    let log: AuditLogResponse = get(&app, &supervisor, "/v1/audit")
        .await
        .json()
        .await
        .unwrap();
    assert!(log
        .entries
        .iter()
        .any(|e| e.action == "consent_override" && e.username == "fatima"));
    // Lifecycle: in progress → accepted → done; not back; rejection needs a reason.
    let rp = format!("{base}/referrals/{}", police.id);
    assert_eq!(
        post(&app, &listener, &rp, json!({"status": "done"}))
            .await
            .status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        post(&app, &listener, &rp, json!({"status": "accepted"}))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        post(&app, &listener, &rp, json!({"status": "done"}))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        post(&app, &listener, &rp, json!({"status": "accepted"}))
            .await
            .status(),
        StatusCode::CONFLICT
    );
    let rg = format!("{base}/referrals/{}", detail.referrals[1].id);
    assert_eq!(
        post(&app, &listener, &rg, json!({"status": "rejected"}))
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    let r = post(
        &app,
        &listener,
        &rg,
        json!({"status": "rejected", "reason": "no_capacity"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let detail: CaseDetail = r.json().await.unwrap();
    assert_eq!(
        detail.referrals[1].reason,
        Some(kulna_model::staff::ReferralFailureReason::NoCapacity)
    );
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("{base}/referrals/nope"),
            json!({"status": "accepted"})
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("{base}/referrals"),
            json!({"destination": "the moon"})
        )
        .await
        .status(),
        StatusCode::BAD_REQUEST
    );
}

async fn status_updates_reach_only_her_device(app: TestApp) {
    let listener = staff(&app, "hind", Role::Listener, None, None).await;
    let d = app.device().await;
    let other = app.device().await;
    let alert = d.seal(
        &app,
        RecordKind::Alert,
        Some(1),
        &json!({"in_danger_now": true}),
    );
    let r = app
        .client
        .post(app.at("/v1/alerts"))
        .header("authorization", d.bearer())
        .json(&alert)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = post(
        &app,
        &listener,
        &format!("/v1/cases/{}/acknowledge", alert.id),
        json!({"message": "we are with you"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("/v1/cases/{}/acknowledge", alert.id),
            json!({})
        )
        .await
        .status(),
        StatusCode::CONFLICT
    );
    let u: DeviceUpdatesResponse = app
        .client
        .get(app.at("/v1/devices/me/updates?since=0"))
        .header("authorization", d.bearer())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(u.updates.len(), 1);
    let sealed = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        &u.updates[0].sealed,
    )
    .unwrap();
    let mut aad = d.id.as_bytes().to_vec();
    aad.extend_from_slice(alert.id.as_bytes());
    let plain = kulna_crypto::envelope::open_sealed(
        &d.sealing,
        kulna_model::api::STATUS_UPDATE_CONTEXT,
        &aad,
        &sealed,
    )
    .unwrap();
    let update: StatusUpdate = serde_json::from_slice(&plain).unwrap();
    assert_eq!(update.status, CaseStatus::Acknowledged);
    assert_eq!(update.message.as_deref(), Some("we are with you"));
    let again: DeviceUpdatesResponse = app
        .client
        .get(app.at(&format!("/v1/devices/me/updates?since={}", u.next)))
        .header("authorization", d.bearer())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(again.updates.is_empty());
    let theirs: DeviceUpdatesResponse = app
        .client
        .get(app.at("/v1/devices/me/updates"))
        .header("authorization", other.bearer())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(theirs.updates.is_empty());
}

async fn notes_are_sealed_at_rest_and_bad_input_is_refused(app: TestApp) {
    let listener = staff(&app, "rim", Role::Listener, None, None).await;
    let d = app.device().await;
    let report = d.seal(&app, RecordKind::Report, None, &json!({}));
    send(&app, &d, std::slice::from_ref(&report)).await;
    let base = format!("/v1/cases/{}", report.id);
    let text = "Robert'); DROP TABLE records;-- she is safe at her sister's";
    let r = post(
        &app,
        &listener,
        &format!("{base}/notes"),
        json!({"text": text}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let detail: CaseDetail = r.json().await.unwrap();
    assert_eq!(detail.events.last().unwrap().detail, text);
    let (events, _) = app.state.store().case_history(report.id).await.unwrap();
    assert!(events.last().unwrap().detail.starts_with("sealed:"));
    assert!(!events.last().unwrap().detail.contains("sister"));
    // Bad input: each a clear 4xx, and the service keeps serving.
    assert_eq!(
        get(&app, &listener, "/v1/cases/not-a-uuid").await.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(
            &app,
            &listener,
            &format!("/v1/cases/{}", kulna_model::RecordId::new_v7())
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("{base}/notes"),
            json!({"text": ""})
        )
        .await
        .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("{base}/notes"),
            json!({"text": 5})
        )
        .await
        .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("{base}/notes"),
            json!({"text": "x".repeat(9000)})
        )
        .await
        .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("{base}/messages"),
            json!({"message": "x".repeat(2000)})
        )
        .await
        .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(&app, &listener, &format!("{base}/close"), json!({}))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        post(&app, &listener, &format!("{base}/close"), json!({}))
            .await
            .status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        post(
            &app,
            &listener,
            &format!("{base}/referrals"),
            json!({"destination": "police"})
        )
        .await
        .status(),
        StatusCode::CONFLICT
    );
    let r = app
        .client
        .get(app.at("/v1/queue"))
        .bearer_auth("x.y")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = app
        .client
        .get(app.at("/v1/queue"))
        .header("authorization", d.bearer())
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "a device token is not a staff session"
    );
    assert_eq!(
        app.client
            .get(app.at("/health"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

/// Opens the live queue (`GET /v1/queue/events`) with a staff token; it must be accepted.
async fn live_queue(app: &TestApp, token: &str) -> reqwest::Response {
    let r = app
        .client
        .get(app.at("/v1/queue/events"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r
}

async fn live_queue_events_arrive(app: TestApp) {
    let listener = staff(&app, "ghita", Role::Listener, Some(6), None).await;
    let d = app.device().await;
    let mut body = live_queue(&app, &listener).await;
    let outside = d.seal(&app, RecordKind::Alert, Some(2), &json!({}));
    let inside = d.seal(&app, RecordKind::Alert, Some(6), &json!({}));
    send(&app, &d, &[outside, inside.clone()]).await;
    let got = tokio::time::timeout(std::time::Duration::from_secs(2), async {
        let mut text = String::new();
        while let Some(chunk) = body.chunk().await.unwrap() {
            text.push_str(&String::from_utf8_lossy(&chunk));
            if text.contains("event: queue") && text.contains(&inside.id.to_string()) {
                return text;
            }
        }
        text
    })
    .await
    .expect("the alert arrives within 2 s");
    assert!(got.contains(&inside.id.to_string()));
}

/// Reads a live queue until the service ends it; `None` if it is still open
/// after `within`.
async fn ended_within(mut body: reqwest::Response, within: std::time::Duration) -> Option<()> {
    tokio::time::timeout(within, async {
        while let Ok(Some(_)) = body.chunk().await {}
    })
    .await
    .ok()
}

async fn a_live_queue_ends_with_its_session(app: TestApp) {
    // Signed out: the stream ends at once, not when the session would have expired.
    let token = staff(&app, "leila", Role::Listener, Some(6), None).await;
    let live = live_queue(&app, &token).await;
    let started = std::time::Instant::now();
    assert_eq!(
        post(&app, &token, "/v1/staff/logout", json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert!(
        ended_within(live, std::time::Duration::from_secs(2))
            .await
            .is_some(),
        "the live queue of a signed-out session still runs"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(2));

    // The account disabled behind its back (by the admin command, on the
    // database): the stream ends at the next check.
    let token = login(&app, "leila", PW)
        .await
        .json::<LoginResponse>()
        .await
        .unwrap()
        .token;
    let live = live_queue(&app, &token).await;
    assert!(app
        .state
        .store()
        .update_staff("leila", Some(true), None)
        .await
        .unwrap());
    assert!(
        ended_within(
            live,
            kulna_central::cases::SESSION_RECHECK + std::time::Duration::from_secs(3)
        )
        .await
        .is_some(),
        "the live queue of a disabled account still runs"
    );
}

async fn a_linked_center_device_sends_to_the_center_queue(app: TestApp) {
    add_center(app.state.store(), "casa-a", "Centre A", 6)
        .await
        .unwrap();
    add_center(app.state.store(), "casa-b", "Centre B", 6)
        .await
        .unwrap();
    let worker_a = staff(&app, "fa", Role::FieldWorker, None, Some("casa-a")).await;
    let worker_b = staff(&app, "fb", Role::FieldWorker, None, Some("casa-b")).await;
    let listener = staff(&app, "l6", Role::Listener, Some(6), None).await;
    let laptop = app.device().await;
    let link = |token: String, id: kulna_model::DeviceId| {
        let app = &app;
        async move {
            post(app, &token, "/v1/staff/devices", json!({ "device_id": id }))
                .await
                .status()
        }
    };
    assert_eq!(
        link(listener.clone(), laptop.id).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        link(worker_a.clone(), kulna_model::DeviceId::new_random()).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        link(worker_a.clone(), laptop.id).await,
        StatusCode::NO_CONTENT
    );
    // An intake taken offline on the laptop, synced later: straight to center A.
    let intake = laptop.seal(
        &app,
        RecordKind::Intake,
        Some(6),
        &json!({"consents": {"services": true}}),
    );
    send(&app, &laptop, std::slice::from_ref(&intake)).await;
    let q: QueueResponse = get(&app, &worker_a, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        q.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![intake.id]
    );
    assert_eq!(q.items[0].center_id.as_deref(), Some("casa-a"));
    // Another laptop's intake went out before its link did: the link
    // brings it into the center's queue.
    let early = app.device().await;
    let before = early.seal(
        &app,
        RecordKind::Intake,
        Some(6),
        &json!({"consents": {"services": true}}),
    );
    send(&app, &early, std::slice::from_ref(&before)).await;
    let q: QueueResponse = get(&app, &worker_a, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert!(!q.items.iter().any(|i| i.id == before.id));
    assert_eq!(
        link(worker_a.clone(), early.id).await,
        StatusCode::NO_CONTENT
    );
    let q: QueueResponse = get(&app, &worker_a, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    let moved = q.items.iter().find(|i| i.id == before.id);
    assert_eq!(moved.and_then(|i| i.center_id.as_deref()), Some("casa-a"));
    let q: QueueResponse = get(&app, &worker_b, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert!(q.items.is_empty());
    // The regional cell sees them too.
    let q: QueueResponse = get(&app, &listener, "/v1/queue")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(q.items.len(), 2);
}

/// Several stateless instances on one PostgreSQL database: a listener
/// connected to one sees an alert that a device sent to another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_events_cross_instances_on_postgres() {
    let Some(a) = common::spawn_app(common::Backend::Postgres).await else {
        return;
    };
    let url = common::postgres_url().unwrap();
    // The same schema as `a`, through a second pool.
    let schema = a.schema.clone().expect("a PostgreSQL schema");
    let store_b = kulna_central::store::postgres::PgStore::connect(&url, Some(&schema), 4)
        .await
        .unwrap();
    let b = common::spawn_instance(std::sync::Arc::new(store_b), common::Backend::Postgres).await;
    let listener = staff(&b, "ikram", Role::Listener, Some(6), None).await;
    let r = live_queue(&b, &listener).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let d = a.device().await;
    let alert = d.seal(&a, RecordKind::Alert, Some(6), &json!({}));
    let sent = a
        .client
        .post(a.at("/v1/alerts"))
        .header("authorization", d.bearer())
        .json(&alert)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    let mut body = r;
    let got = tokio::time::timeout(std::time::Duration::from_secs(3), async {
        let mut text = String::new();
        while let Some(chunk) = body.chunk().await.unwrap() {
            text.push_str(&String::from_utf8_lossy(&chunk));
            if text.contains(&alert.id.to_string()) {
                return true;
            }
        }
        false
    })
    .await;
    assert_eq!(
        got,
        Ok(true),
        "the alert sent to instance A reaches a listener on instance B"
    );
}

/// A batch signed as a whole is held on that one signature; a batch whose
/// signature does not match falls back to every envelope's own, so a
/// changed envelope is still refused; and an envelope the batch signature
/// vouched for but whose own signature is wrong is never opened.
async fn a_signed_batch_vouches_for_its_items_and_each_is_checked_when_opened(app: TestApp) {
    let listener = staff(&app, "salma", Role::Listener, None, None).await;
    let d = app.device().await;
    let other = app.device().await;
    let report = |text: &str| {
        d.seal(
            &app,
            RecordKind::Report,
            Some(4),
            &json!({ "description": text }),
        )
    };
    let open = |id| {
        let (app, listener) = (&app, &listener);
        async move {
            let r = get(app, listener, &format!("/v1/cases/{id}")).await;
            assert_eq!(r.status(), StatusCode::OK);
            r.json::<CaseDetail>().await.unwrap()
        }
    };

    // Signed by her device: all held, and each opens.
    let (a, b) = (report("first"), report("second"));
    let sent = texts(&[&a, &b]);
    let r = send_signed(&app, &d, &d, &sent, &sent).await;
    assert_eq!(r.held, vec![a.id, b.id], "{r:?}");
    let detail = open(b.id).await;
    assert_eq!(
        detail.payload.unwrap().description.as_deref(),
        Some("second")
    );

    // Changed after signing: the batch signature fails, every envelope's
    // own is checked, and only the changed one is refused.
    let (c, e) = (report("third"), report("fourth"));
    let signed = texts(&[&c, &e]);
    let mut changed = e.clone();
    changed.created_at_ms += 1;
    let r = send_signed(&app, &d, &d, &signed, &texts(&[&c, &changed])).await;
    assert_eq!(r.held, vec![c.id]);
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(
        (r.rejected[0].index, r.rejected[0].reason),
        (1, RejectReason::BadSignature)
    );
    assert!(app.state.store().case(e.id).await.unwrap().is_none());

    // Another device's key over the batch: not hers, so each envelope's own
    // signature decides (they are hers).
    let f = report("fifth");
    let sent = texts(&[&f]);
    let r = send_signed(&app, &d, &other, &sent, &sent).await;
    assert_eq!(r.held, vec![f.id]);

    // Her batch signature over an envelope whose own signature is wrong (a
    // faulty app): held on the batch's word, but never opened.
    let mut faulty = report("sixth");
    let mut sig = faulty.signature.into_bytes();
    sig[3] = if sig[3] == b'A' { b'B' } else { b'A' };
    faulty.signature = String::from_utf8(sig).unwrap();
    let sent = texts(&[&faulty]);
    let r = send_signed(&app, &d, &d, &sent, &sent).await;
    assert_eq!(r.held, vec![faulty.id], "{r:?}");
    let detail = open(faulty.id).await;
    assert!(
        detail.payload.is_none(),
        "a wrongly signed envelope was opened"
    );
    assert_eq!(detail.consents, Default::default());
}
