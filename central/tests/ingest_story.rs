//! Devices and ingest, the same story on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{TestApp, TestDevice};
use kulna_model::api::{
    AlertResponse, ApiError, ApiErrorCode, DeviceUpdatesResponse, IngestResponse, RejectReason,
    ServiceKeyResponse,
};
use kulna_model::{RecordKind, ENVELOPE_VERSION};
use reqwest::StatusCode;
use serde_json::json;

stories!(
    health_ready_and_service_key,
    registration_is_idempotent_and_refuses_other_keys,
    registration_refuses_bad_input,
    a_batch_keeps_the_good_and_names_the_bad,
    a_replayed_batch_is_held_once,
    another_devices_token_or_id_is_refused,
    alerts_answer_once_durable,
    bodies_too_large_are_refused,
    updates_start_empty_and_check_their_cursor,
);

async fn health_ready_and_service_key(app: TestApp) {
    let r = app.client.get(app.at("/health")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), r#"{"status":"ok"}"#);
    let r = app.client.get(app.at("/ready")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let k: ServiceKeyResponse = app
        .client
        .get(app.at("/v1/service-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(k.key_id, app.state.keys().key_id());
    assert_eq!(
        common::b64(&app.service_key().to_bytes()),
        k.sealing_public_key
    );
    assert_eq!(k.directory_signing_key.len(), 44);
    let r = app
        .client
        .get(app.at("/v1/nothing-here"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        r.json::<ApiError>().await.unwrap().error,
        ApiErrorCode::NotFound
    );
}

async fn registration_is_idempotent_and_refuses_other_keys(app: TestApp) {
    let d = TestDevice::new();
    let r = app
        .client
        .post(app.at("/v1/devices"))
        .json(&d.registration())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let first: kulna_model::api::RegisterDeviceResponse = r.json().await.unwrap();
    let r = app
        .client
        .post(app.at("/v1/devices"))
        .json(&d.registration())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let second: kulna_model::api::RegisterDeviceResponse = r.json().await.unwrap();
    assert_ne!(first.token, second.token);
    // The old token no longer works; the new one does.
    let get = |t: &str| {
        app.client
            .get(app.at("/v1/devices/me/updates"))
            .header("authorization", format!("Bearer {t}"))
            .send()
    };
    assert_eq!(
        get(&first.token).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(get(&second.token).await.unwrap().status(), StatusCode::OK);
    // Same id, other keys: refused, and the registered keys stay.
    let mut other = TestDevice::new();
    other.id = d.id;
    let r = app
        .client
        .post(app.at("/v1/devices"))
        .json(&other.registration())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(
        r.json::<ApiError>().await.unwrap().error,
        ApiErrorCode::Conflict
    );
    assert_eq!(get(&second.token).await.unwrap().status(), StatusCode::OK);
}

async fn registration_refuses_bad_input(app: TestApp) {
    let d = TestDevice::new();
    let post = |body: String| {
        app.client
            .post(app.at("/v1/devices"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let cases = [
        ("{not json".to_owned(), StatusCode::BAD_REQUEST),
        (json!({"device_id": "x", "verifying_key": "AA==", "sealing_public_key": "AA=="}).to_string(), StatusCode::BAD_REQUEST),
        (json!({"device_id": d.id, "verifying_key": 5, "sealing_public_key": "AA=="}).to_string(), StatusCode::BAD_REQUEST),
        (json!({"device_id": d.id, "verifying_key": "%%%", "sealing_public_key": "AA=="}).to_string(), StatusCode::BAD_REQUEST),
        (json!({"device_id": d.id, "verifying_key": "AAAA", "sealing_public_key": "AAAA"}).to_string(), StatusCode::BAD_REQUEST),
        (json!({"device_id": d.id}).to_string(), StatusCode::BAD_REQUEST),
        (json!({"device_id": "'; DROP TABLE devices; --", "verifying_key": "AA==", "sealing_public_key": "AA=="}).to_string(), StatusCode::BAD_REQUEST),
    ];
    for (body, status) in cases {
        let r = post(body.clone()).await.unwrap();
        assert_eq!(r.status(), status, "{body}");
        let e: ApiError = r.json().await.unwrap();
        assert_eq!(e.error, ApiErrorCode::InvalidInput);
        assert!(!e.message.is_empty());
    }
    let r = app
        .client
        .post(app.at("/v1/devices"))
        .body(serde_json::to_string(&d.registration()).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // Still serving, and the device was never half-registered.
    assert_eq!(app.state.store().device(d.id).await.unwrap(), None);
    let r = app
        .client
        .post(app.at("/v1/devices"))
        .json(&d.registration())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
}

async fn post_batch(
    app: &TestApp,
    d: &TestDevice,
    envelopes: serde_json::Value,
) -> reqwest::Response {
    app.client
        .post(app.at("/v1/envelopes"))
        .header("authorization", d.bearer())
        .json(&json!({ "envelopes": envelopes }))
        .send()
        .await
        .unwrap()
}

async fn a_batch_keeps_the_good_and_names_the_bad(app: TestApp) {
    let d = app.device().await;
    let p = json!({"description": "x"});
    let good: Vec<_> = (0..3)
        .map(|_| d.seal(&app, RecordKind::Report, Some(6), &p))
        .collect();
    let mut bad_sig = d.seal(&app, RecordKind::Report, None, &p);
    bad_sig.created_at_ms += 1;
    let mut bad_version = d.seal(&app, RecordKind::Report, None, &p);
    bad_version.version = ENVELOPE_VERSION + 7;
    let mut bad_b64 = d.seal(&app, RecordKind::Report, None, &p);
    bad_b64.ciphertext = "***not base64***".into();
    let mut bad_key = d.seal(&app, RecordKind::Report, None, &p);
    bad_key.key_id = "0000000000000000".into();
    let mut bad_region = d.seal(&app, RecordKind::Report, None, &p);
    bad_region.region = Some(13);
    let batch = json!([
        good[0],
        bad_sig,
        {"id": "01890a5d-ac96-774b-bcce-b302099a8057", "kind": "report", "version": "one"},
        good[1],
        bad_version,
        bad_b64,
        "just a string",
        bad_key,
        bad_region,
        good[2],
    ]);
    let r = post_batch(&app, &d, batch).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: IngestResponse = r.json().await.unwrap();
    assert_eq!(body.held, good.iter().map(|e| e.id).collect::<Vec<_>>());
    let reasons: Vec<(usize, RejectReason)> =
        body.rejected.iter().map(|r| (r.index, r.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            (1, RejectReason::BadSignature),
            (2, RejectReason::Malformed),
            (4, RejectReason::UnknownVersion),
            (5, RejectReason::BadBase64),
            (6, RejectReason::Malformed),
            (7, RejectReason::WrongKey),
            (8, RejectReason::BadRegion),
        ]
    );
    assert_eq!(body.rejected[0].id, Some(bad_sig.id));
    for e in &good {
        let (case, stored) = app.state.store().case(e.id).await.unwrap().expect("held");
        assert_eq!(case.device_id, d.id);
        let back: kulna_model::Envelope = serde_json::from_str(&stored).unwrap();
        assert_eq!(&back, e);
    }
    assert!(app.state.store().case(bad_sig.id).await.unwrap().is_none());
}

async fn a_replayed_batch_is_held_once(app: TestApp) {
    let d = app.device().await;
    let envs: Vec<_> = (0..20)
        .map(|_| d.seal(&app, RecordKind::SupportRequest, Some(1), &json!({})))
        .collect();
    let first: IngestResponse = post_batch(&app, &d, json!(envs))
        .await
        .json()
        .await
        .unwrap();
    let again: IngestResponse = post_batch(&app, &d, json!(envs))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first.held.len(), 20);
    assert_eq!(first, again);
    // The same record twice in one batch is held once.
    let twice: IngestResponse = post_batch(&app, &d, json!([envs[0], envs[0]]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(twice.held, vec![envs[0].id]);
    let all = app.state.store().stats_sources(0, 1000).await.unwrap();
    assert_eq!(all.len(), 20);
}

async fn another_devices_token_or_id_is_refused(app: TestApp) {
    let a = app.device().await;
    let b = app.device().await;
    let env_a = a.seal(&app, RecordKind::Report, None, &json!({}));
    // B's token with A's envelope: wrong device.
    let r: IngestResponse = post_batch(&app, &b, json!([env_a]))
        .await
        .json()
        .await
        .unwrap();
    assert!(r.held.is_empty());
    assert_eq!(r.rejected[0].reason, RejectReason::WrongDevice);
    // A stores it; B then reuses the record id under its own name: id conflict.
    let r: IngestResponse = post_batch(&app, &a, json!([env_a]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(r.held, vec![env_a.id]);
    let mut env_b = b.seal(&app, RecordKind::Report, None, &json!({}));
    env_b.id = env_a.id;
    let env_b = kulna_crypto::seal_envelope(
        &kulna_crypto::SealInput {
            id: env_a.id,
            kind: RecordKind::Report,
            device_id: b.id,
            created_at_ms: 1,
            region: None,
            plaintext: b"{}",
        },
        &app.service_key(),
        &b.signing,
    )
    .unwrap();
    let r: IngestResponse = post_batch(&app, &b, json!([env_b]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(r.rejected[0].reason, RejectReason::IdConflict);
    let (case, _) = app.state.store().case(env_a.id).await.unwrap().unwrap();
    assert_eq!(case.device_id, a.id);
    // No token, a garbled token, a token for an unknown device.
    for auth in [
        None,
        Some("Bearer nonsense".to_owned()),
        Some(format!(
            "Bearer {}.abc",
            kulna_model::DeviceId::new_random()
        )),
        Some(format!("Bearer {}.{}", a.id, "x".repeat(43))),
    ] {
        let mut req = app
            .client
            .post(app.at("/v1/envelopes"))
            .json(&json!({"envelopes": []}));
        if let Some(h) = auth {
            req = req.header("authorization", h);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            r.json::<ApiError>().await.unwrap().error,
            ApiErrorCode::Unauthorized
        );
    }
}

async fn alerts_answer_once_durable(app: TestApp) {
    let d = app.device().await;
    let alert = d.seal(
        &app,
        RecordKind::Alert,
        Some(6),
        &json!({"in_danger_now": true}),
    );
    let post = |body: serde_json::Value| {
        app.client
            .post(app.at("/v1/alerts"))
            .header("authorization", d.bearer())
            .json(&body)
            .send()
    };
    let r = post(json!(alert)).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<AlertResponse>().await.unwrap().id, alert.id);
    let (case, _) = app
        .state
        .store()
        .case(alert.id)
        .await
        .unwrap()
        .expect("durable when answered");
    assert_eq!(case.kind, RecordKind::Alert);
    // Resent: the same answer, one row.
    assert_eq!(post(json!(alert)).await.unwrap().status(), StatusCode::OK);
    assert_eq!(
        app.state.store().stats_sources(0, 10).await.unwrap().len(),
        1
    );
    // A report is not an alert; a tampered alert is refused with its reason.
    let report = d.seal(&app, RecordKind::Report, None, &json!({}));
    let r = post(json!(report)).await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let e: ApiError = r.json().await.unwrap();
    assert_eq!(e.reason, Some(RejectReason::NotAnAlert));
    let mut forged = d.seal(&app, RecordKind::Alert, None, &json!({}));
    forged.region = Some(2);
    let r = post(json!(forged)).await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let e: ApiError = r.json().await.unwrap();
    assert!(e.message.contains("BadSignature"), "{}", e.message);
    assert_eq!(e.index, Some(0));
    // The reason, for machines: the device marks the alert refused with it.
    assert_eq!(e.reason, Some(RejectReason::BadSignature));
    // Another device's alert id: 409 with its reason.
    let other = app.device().await;
    let stolen = kulna_crypto::seal_envelope(
        &kulna_crypto::SealInput {
            id: alert.id,
            kind: RecordKind::Alert,
            device_id: other.id,
            created_at_ms: 1_764_000_000_000,
            region: None,
            plaintext: b"{}",
        },
        &app.service_key(),
        &other.signing,
    )
    .unwrap();
    let r = app
        .client
        .post(app.at("/v1/alerts"))
        .header("authorization", other.bearer())
        .json(&stolen)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let e: ApiError = r.json().await.unwrap();
    assert_eq!(e.reason, Some(RejectReason::IdConflict));
}

async fn bodies_too_large_are_refused(app: TestApp) {
    let d = app.device().await;
    let big = "A".repeat(app.state.config().body_limit_bytes + 10);
    let r = app
        .client
        .post(app.at("/v1/envelopes"))
        .header("authorization", d.bearer())
        .header("content-type", "application/json")
        .body(format!(r#"{{"envelopes":["{big}"]}}"#))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        r.json::<ApiError>().await.unwrap().error,
        ApiErrorCode::PayloadTooLarge
    );
    let one = d.seal(&app, RecordKind::Report, None, &json!({}));
    let many: Vec<_> = std::iter::repeat_n(one, kulna_model::api::MAX_BATCH + 1).collect();
    let r = post_batch(&app, &d, json!(many)).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Still serving.
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

async fn updates_start_empty_and_check_their_cursor(app: TestApp) {
    let d = app.device().await;
    let r = app
        .client
        .get(app.at("/v1/devices/me/updates?since=0"))
        .header("authorization", d.bearer())
        .send()
        .await
        .unwrap();
    let u: DeviceUpdatesResponse = r.json().await.unwrap();
    assert!(u.updates.is_empty());
    assert_eq!(u.next, 0);
    let r = app
        .client
        .get(app.at("/v1/devices/me/updates?since=minus-one"))
        .header("authorization", d.bearer())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}
