//! Uploads of large envelopes in chunks, the same story on SQLite and
//! PostgreSQL: limits announced, resume at the held offset, idempotent
//! resends, tampering refused, uploads scoped to their device.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use common::{TestApp, TestDevice};
use kulna_model::api::{
    ApiError, ApiErrorCode, CreateUploadRequest, IngestResponse, RejectReason, ServiceLimits,
    UploadStatus,
};
use kulna_model::{Envelope, RecordId, RecordKind};
use reqwest::StatusCode;

stories!(
    limits_are_announced,
    a_large_envelope_arrives_in_chunks_and_resumes_where_it_stopped,
    a_tampered_upload_is_refused_and_discarded,
    another_device_can_neither_read_nor_append,
    bad_uploads_are_refused_with_a_reason,
);

const KIB: usize = 1024;

fn sha(bytes: &[u8]) -> String {
    B64.encode(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
}

/// A sealed report whose JSON text is well over the inline limit.
fn large(app: &TestApp, d: &TestDevice, plain_len: usize) -> (Envelope, Vec<u8>, Vec<u8>) {
    let mut plain = vec![0u8; plain_len];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut plain).unwrap();
    let env = d.seal_bytes(&app.service_key(), RecordKind::Report, Some(6), &plain);
    let text = serde_json::to_vec(&env).unwrap();
    (env, text, plain)
}

async fn create(app: &TestApp, d: &TestDevice, id: RecordId, text: &[u8]) -> reqwest::Response {
    app.client
        .post(app.at("/v1/uploads"))
        .header("authorization", d.bearer())
        .json(&CreateUploadRequest {
            record_id: id,
            size: text.len() as u64,
            sha256: sha(text),
        })
        .send()
        .await
        .unwrap()
}

async fn chunk(
    app: &TestApp,
    d: &TestDevice,
    id: RecordId,
    offset: usize,
    bytes: &[u8],
) -> reqwest::Response {
    app.client
        .patch(app.at(&format!("/v1/uploads/{id}?offset={offset}")))
        .header("authorization", d.bearer())
        .header("content-type", "application/octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
}

async fn status(app: &TestApp, d: &TestDevice, id: RecordId) -> reqwest::Response {
    app.client
        .get(app.at(&format!("/v1/uploads/{id}")))
        .header("authorization", d.bearer())
        .send()
        .await
        .unwrap()
}

async fn ok_status(r: reqwest::Response) -> UploadStatus {
    assert_eq!(r.status(), StatusCode::OK, "unexpected answer");
    r.json().await.unwrap()
}

async fn api_error(r: reqwest::Response, want: StatusCode) -> ApiError {
    assert_eq!(r.status(), want);
    r.json().await.unwrap()
}

async fn limits_are_announced(app: TestApp) {
    let r = app.client.get(app.at("/v1/limits")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let l: ServiceLimits = r.json().await.unwrap();
    assert_eq!(
        l,
        ServiceLimits {
            max_batch: 500,
            max_inline_envelope_bytes: kulna_model::api::MAX_INLINE_ENVELOPE_BYTES as u64,
            max_upload_bytes: app.state.config().max_upload_bytes as u64,
            upload_chunk_bytes: app.state.config().upload_chunk_bytes as u64,
        }
    );
    assert_eq!(l.upload_chunk_bytes, 256 * KIB as u64);
}

async fn a_large_envelope_arrives_in_chunks_and_resumes_where_it_stopped(app: TestApp) {
    let d = app.device().await;
    let (env, text, plain) = large(&app, &d, 700 * KIB);
    let id = env.id;
    assert!(text.len() > kulna_model::api::MAX_INLINE_ENVELOPE_BYTES);
    // Inline, it is too large: that is why it goes as an upload.
    let r = app
        .client
        .post(app.at("/v1/envelopes"))
        .header("authorization", d.bearer())
        .json(&serde_json::json!({ "envelopes": [env] }))
        .send()
        .await
        .unwrap();
    let inline: IngestResponse = r.json().await.unwrap();
    assert!(inline.held.is_empty());
    assert_eq!(inline.rejected[0].reason, RejectReason::TooLarge);

    let r = create(&app, &d, id, &text).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let s: UploadStatus = r.json().await.unwrap();
    assert_eq!((s.size, s.received, s.held), (text.len() as u64, 0, false));

    let c = 256 * KIB;
    let s = ok_status(chunk(&app, &d, id, 0, &text[..c]).await).await;
    assert_eq!(s.received, c as u64);
    // The resume point, asked.
    let s = ok_status(status(&app, &d, id).await).await;
    assert_eq!((s.received, s.held), (c as u64, false));
    // A chunk already held, sent again (its answer was lost): no change.
    let s = ok_status(chunk(&app, &d, id, 0, &text[..c]).await).await;
    assert_eq!(s.received, c as u64);
    // A chunk that overlaps what is held: only its new bytes are taken.
    let s = ok_status(chunk(&app, &d, id, c / 2, &text[c / 2..c + c / 2]).await).await;
    let held = c + c / 2;
    assert_eq!(s.received, held as u64);
    // A chunk past the bytes held: 409 with where to start.
    let r = chunk(&app, &d, id, held + 10, &text[held + 10..held + 20]).await;
    assert_eq!(
        r.headers()
            .get("upload-offset")
            .and_then(|v| v.to_str().ok()),
        Some(held.to_string().as_str())
    );
    let e = api_error(r, StatusCode::CONFLICT).await;
    assert_eq!(e.error, ApiErrorCode::Conflict);
    assert_eq!(e.offset, Some(held as u64));
    // Declared again (a restarted device): where it stands, not from zero.
    let r = create(&app, &d, id, &text).await;
    assert_eq!(r.status(), StatusCode::OK);
    let s: UploadStatus = r.json().await.unwrap();
    assert_eq!((s.received, s.held), (held as u64, false));
    assert!(app.state.store().case(id).await.unwrap().is_none());
    // The rest, in chunks; the last one stores the record.
    let mut at = held;
    let mut last = s;
    while at < text.len() {
        let end = (at + c).min(text.len());
        last = ok_status(chunk(&app, &d, id, at, &text[at..end]).await).await;
        at = end;
    }
    assert!(last.held);
    assert_eq!(last.received, text.len() as u64);
    // An ordinary record now: the same envelope, it opens to what was sealed.
    let (case, stored) = app.state.store().case(id).await.unwrap().unwrap();
    assert_eq!(case.kind, RecordKind::Report);
    assert_eq!(case.region, Some(6));
    assert_eq!(case.device_id, d.id);
    let stored: Envelope = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored, env);
    let secret =
        kulna_crypto::SealingSecretKey::from_bytes(&app.state.keys().sealing_secret().to_bytes())
            .unwrap();
    let opened = kulna_crypto::open_envelope(&stored, &secret).unwrap();
    assert_eq!(opened.as_slice(), plain.as_slice());
    // Late resends and declarations answer "held"; nothing is stored twice.
    let s = ok_status(chunk(&app, &d, id, 0, &text[..c]).await).await;
    assert!(s.held);
    let s = ok_status(status(&app, &d, id).await).await;
    assert!(s.held && s.received == s.size);
    let r = create(&app, &d, id, &text).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.json::<UploadStatus>().await.unwrap().held);
    let r = app
        .client
        .post(app.at("/v1/envelopes"))
        .header("authorization", d.bearer())
        .json(&serde_json::json!({ "envelopes": [d.seal(&app, RecordKind::Report, None, &serde_json::json!({"n": 1}))] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let queue = app
        .state
        .store()
        .queue(&kulna_central::store::QueueQuery {
            scope: kulna_central::store::ScopeFilter::All,
            include_closed: true,
            limit: 100,
        })
        .await
        .unwrap();
    assert_eq!(queue.iter().filter(|c| c.id == id).count(), 1);
    assert_eq!(queue.len(), 2);
}

async fn a_tampered_upload_is_refused_and_discarded(app: TestApp) {
    let d = app.device().await;
    let (env, text, _) = large(&app, &d, 300 * KIB);
    let id = env.id;
    assert_eq!(
        create(&app, &d, id, &text).await.status(),
        StatusCode::CREATED
    );
    let c = 256 * KIB;
    ok_status(chunk(&app, &d, id, 0, &text[..c]).await).await;
    // The second chunk altered on the way: one byte of the ciphertext.
    let mut bad = text[c..].to_vec();
    let flip = bad.len() / 2;
    bad[flip] = if bad[flip] == b'A' { b'B' } else { b'A' };
    let e = api_error(
        chunk(&app, &d, id, c, &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(e.error, ApiErrorCode::DigestMismatch);
    // Discarded: nothing held, nothing stored.
    let e = api_error(status(&app, &d, id).await, StatusCode::NOT_FOUND).await;
    assert_eq!(e.error, ApiErrorCode::NotFound);
    assert!(app.state.store().case(id).await.unwrap().is_none());
    assert_eq!(
        chunk(&app, &d, id, 0, &text[..c]).await.status(),
        StatusCode::NOT_FOUND
    );
    // Started again with the right bytes, it arrives.
    assert_eq!(
        create(&app, &d, id, &text).await.status(),
        StatusCode::CREATED
    );
    ok_status(chunk(&app, &d, id, 0, &text[..c]).await).await;
    let s = ok_status(chunk(&app, &d, id, c, &text[c..]).await).await;
    assert!(s.held);
    assert!(app.state.store().case(id).await.unwrap().is_some());

    // An envelope altered before it was declared: the digest matches, the
    // device's signature does not. Refused with the reason, discarded.
    let (env, text, _) = large(&app, &d, 300 * KIB);
    let mut altered = env.clone();
    altered.created_at_ms += 1;
    let text2 = serde_json::to_vec(&altered).unwrap();
    assert_ne!(text, text2);
    assert_eq!(
        create(&app, &d, env.id, &text2).await.status(),
        StatusCode::CREATED
    );
    ok_status(chunk(&app, &d, env.id, 0, &text2[..c]).await).await;
    let e = api_error(
        chunk(&app, &d, env.id, c, &text2[c..]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(e.reason, Some(RejectReason::BadSignature));
    assert_eq!(
        status(&app, &d, env.id).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(app.state.store().case(env.id).await.unwrap().is_none());
}

async fn another_device_can_neither_read_nor_append(app: TestApp) {
    let a = app.device().await;
    let b = app.device().await;
    let (env, text, _) = large(&app, &a, 300 * KIB);
    let id = env.id;
    assert_eq!(
        create(&app, &a, id, &text).await.status(),
        StatusCode::CREATED
    );
    let c = 256 * KIB;
    ok_status(chunk(&app, &a, id, 0, &text[..c]).await).await;
    // B, with its own valid token, finds nothing of A's upload.
    assert_eq!(status(&app, &b, id).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        chunk(&app, &b, id, c, &text[c..]).await.status(),
        StatusCode::NOT_FOUND
    );
    // No token, or a forged one: 401.
    let r = app
        .client
        .get(app.at(&format!("/v1/uploads/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let forged = TestDevice {
        token: format!("{}.not-the-secret", a.id),
        ..TestDevice::new()
    };
    assert_eq!(
        chunk(&app, &forged, id, c, &text[c..]).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // B declaring the same record id gets an upload of its own, which does
    // not touch A's, and cannot complete with A's envelope.
    assert_eq!(
        create(&app, &b, id, &text).await.status(),
        StatusCode::CREATED
    );
    ok_status(chunk(&app, &b, id, 0, &text[..c]).await).await;
    let e = api_error(
        chunk(&app, &b, id, c, &text[c..]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(e.reason, Some(RejectReason::WrongDevice));
    let s = ok_status(status(&app, &a, id).await).await;
    assert_eq!(s.received, c as u64);
    // A finishes; B declaring it again now hits A's record: 409.
    let s = ok_status(chunk(&app, &a, id, c, &text[c..]).await).await;
    assert!(s.held);
    let e = api_error(create(&app, &b, id, &text).await, StatusCode::CONFLICT).await;
    assert_eq!(e.reason, Some(RejectReason::IdConflict));
    let (case, _) = app.state.store().case(id).await.unwrap().unwrap();
    assert_eq!(case.device_id, a.id);
}

async fn bad_uploads_are_refused_with_a_reason(app: TestApp) {
    let d = app.device().await;
    let (env, text, _) = large(&app, &d, 300 * KIB);
    let id = env.id;
    let post = |body: serde_json::Value| {
        app.client
            .post(app.at("/v1/uploads"))
            .header("authorization", d.bearer())
            .json(&body)
            .send()
    };
    let e = api_error(
        post(serde_json::json!({"record_id": id, "size": 0, "sha256": sha(&text)}))
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(e.error, ApiErrorCode::InvalidInput);
    let too_big = app.state.config().max_upload_bytes + 1;
    let e = api_error(
        post(serde_json::json!({"record_id": id, "size": too_big, "sha256": sha(&text)}))
            .await
            .unwrap(),
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert_eq!(e.error, ApiErrorCode::PayloadTooLarge);
    for bad in ["", "AAAA", "not base64!", &B64.encode([0u8; 31])] {
        let r = post(serde_json::json!({"record_id": id, "size": 10, "sha256": bad}))
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "sha256 {bad:?}");
    }
    let r = post(serde_json::json!({"record_id": "'; DROP TABLE uploads; --", "size": 10, "sha256": sha(&text)}))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        create(&app, &d, id, &text).await.status(),
        StatusCode::CREATED
    );
    // A chunk larger than announced: 413, nothing taken.
    let limit = app.state.config().upload_chunk_bytes;
    let e = api_error(
        chunk(&app, &d, id, 0, &text[..limit + 1]).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert_eq!(e.error, ApiErrorCode::PayloadTooLarge);
    // Not octets: 415.
    let r = app
        .client
        .patch(app.at(&format!("/v1/uploads/{id}?offset=0")))
        .header("authorization", d.bearer())
        .json(&serde_json::json!({"bytes": "AAAA"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // No offset, or a bad one: 400.
    for q in ["", "?offset=-1", "?offset=x"] {
        let r = app
            .client
            .patch(app.at(&format!("/v1/uploads/{id}{q}")))
            .header("authorization", d.bearer())
            .header("content-type", "application/octet-stream")
            .body(vec![b'{'; 4])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "query {q:?}");
    }
    // Past the declared size: 400, nothing taken.
    let mut longer = text.clone();
    longer.extend_from_slice(b"   ");
    let mut at = 0;
    while at + limit < text.len() {
        ok_status(chunk(&app, &d, id, at, &text[at..at + limit]).await).await;
        at += limit;
    }
    let e = api_error(
        chunk(&app, &d, id, at, &longer[at..]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(e.error, ApiErrorCode::InvalidInput);
    let s = ok_status(status(&app, &d, id).await).await;
    assert_eq!(s.received, at as u64);
    // An envelope that carries another record id than declared: refused.
    let other = RecordId::new_v7();
    assert_eq!(
        create(&app, &d, other, &text).await.status(),
        StatusCode::CREATED
    );
    let mut at = 0;
    let mut last = None;
    while at < text.len() {
        let end = (at + limit).min(text.len());
        last = Some(chunk(&app, &d, other, at, &text[at..end]).await);
        at = end;
    }
    let e = api_error(last.unwrap(), StatusCode::BAD_REQUEST).await;
    assert_eq!(e.reason, Some(RejectReason::Malformed));
    assert!(app.state.store().case(other).await.unwrap().is_none());
    // The process kept serving throughout.
    let r = app.client.get(app.at("/ready")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
