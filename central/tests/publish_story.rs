//! Directory publishing and statistics: the same story on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use kulna_central::staff::{add_staff, NewStaff};
use kulna_model::api::{IngestResponse, ServiceKeyResponse};
use kulna_model::directory::{
    DirectoryBodyKind, DirectoryDelta, DirectorySnapshot, SignedDirectory, DIRECTORY_SIGNATURE_TAG,
};
use kulna_model::staff::{LoginResponse, Role, StatsResponse};
use kulna_model::RecordKind;
use reqwest::StatusCode;
use secrecy::SecretString;
use serde_json::json;

stories!(
    directory_versions_are_signed_with_deltas_and_etags,
    statistics_count_consented_records_only
);

fn verify(app_key: &ServiceKeyResponse, signed: &SignedDirectory) -> bool {
    let key = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        &app_key.directory_signing_key,
    )
    .unwrap();
    let sig = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        &signed.signature,
    )
    .unwrap();
    let mut msg = DIRECTORY_SIGNATURE_TAG.to_vec();
    msg.extend_from_slice(signed.body.as_bytes());
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, key)
        .verify(&msg, &sig)
        .is_ok()
}

const V1: &str = r#"[
 {"id": "shelter-casa", "kind": "service", "category": "shelter", "region": 6, "title": {"fr": "Refuge", "ar": "ملجأ"}, "phone": "+212 522 00 00 00", "sample": true},
 {"id": "ofppt-couture", "kind": "opportunity", "category": "vocational_training", "region": 6, "title": {"fr": "Couture"}, "sample": true}
]"#;

const V2: &str = "id,kind,category,region,title_fr,title_zgh,sample\n\
shelter-casa,service,shelter,6,Refuge (nouvelle adresse),ⴰⵙⵏⵓⴱⴳ,true\n\
forsa-2026,opportunity,business,,Forsa,,true\n";

async fn directory_versions_are_signed_with_deltas_and_etags(app: TestApp) {
    let key: ServiceKeyResponse = app
        .client
        .get(app.at("/v1/service-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        app.client
            .get(app.at("/v1/directory"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let store = app.state.store();
    assert_eq!(
        kulna_central::directory::import(store, V1, false)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        kulna_central::directory::publish(store, app.state.keys())
            .await
            .unwrap(),
        1
    );
    let r = app
        .client
        .get(app.at("/v1/directory"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let etag = r.headers().get("etag").unwrap().clone();
    let signed: SignedDirectory = r.json().await.unwrap();
    assert_eq!(
        (signed.kind, signed.version),
        (DirectoryBodyKind::Snapshot, 1)
    );
    assert!(verify(&key, &signed));
    let mut tampered = signed.clone();
    tampered.body = tampered.body.replace("Refuge", "Fake help");
    assert!(!verify(&key, &tampered));
    let snap: DirectorySnapshot = serde_json::from_str(&signed.body).unwrap();
    assert_eq!(snap.entries.len(), 2);
    let r = app
        .client
        .get(app.at("/v1/directory"))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);

    // A bad file changes nothing.
    let bad = "id,kind,category\nx,neither,y\n";
    let problems = kulna_central::directory::import(store, bad, true)
        .await
        .unwrap_err();
    assert_eq!((problems[0].line, problems[0].field.as_str()), (2, "kind"));
    assert_eq!(store.directory_draft().await.unwrap().len(), 2);

    assert_eq!(
        kulna_central::directory::import(store, V2, true)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        kulna_central::directory::publish(store, app.state.keys())
            .await
            .unwrap(),
        2
    );
    let r = app
        .client
        .get(app.at("/v1/directory?since=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let signed: SignedDirectory = r.json().await.unwrap();
    assert_eq!((signed.kind, signed.version), (DirectoryBodyKind::Delta, 2));
    assert!(verify(&key, &signed));
    let delta: DirectoryDelta = serde_json::from_str(&signed.body).unwrap();
    let mut up: Vec<_> = delta.upserted.iter().map(|e| e.id.as_str()).collect();
    up.sort();
    assert_eq!(up, vec!["forsa-2026", "shelter-casa"]);
    assert_eq!(delta.removed, vec!["ofppt-couture".to_owned()]);
    assert_eq!(
        delta
            .upserted
            .iter()
            .find(|e| e.id == "shelter-casa")
            .unwrap()
            .title
            .zgh
            .as_deref(),
        Some("ⴰⵙⵏⵓⴱⴳ")
    );
    assert_eq!(
        app.client
            .get(app.at("/v1/directory?since=2"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_MODIFIED
    );
    assert_eq!(
        app.client
            .get(app.at("/v1/directory?since=9"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.client
            .get(app.at("/v1/directory?since=abc"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::BAD_REQUEST
    );
}

async fn login(app: &TestApp, name: &str) -> String {
    app.client
        .post(app.at("/v1/staff/login"))
        .json(&json!({"username": name, "password": "a good long password"}))
        .send()
        .await
        .unwrap()
        .json::<LoginResponse>()
        .await
        .unwrap()
        .token
}

async fn statistics_count_consented_records_only(app: TestApp) {
    add_staff(
        app.state.store(),
        NewStaff {
            username: "sup".into(),
            role: Role::Supervisor,
            region: None,
            center: None,
            password: SecretString::from("a good long password".to_owned()),
        },
        1024,
    )
    .await
    .unwrap();
    add_staff(
        app.state.store(),
        NewStaff {
            username: "lis".into(),
            role: Role::Listener,
            region: None,
            center: None,
            password: SecretString::from("a good long password".to_owned()),
        },
        1024,
    )
    .await
    .unwrap();
    let sup = login(&app, "sup").await;
    let lis = login(&app, "lis").await;
    let d = app.device().await;
    let mut envs = Vec::new();
    for _ in 0..6 {
        envs.push(d.seal(
            &app,
            RecordKind::Report,
            Some(6),
            &json!({"consents": {"statistics": true}, "incident_type": "physical_assault"}),
        ));
    }
    for _ in 0..3 {
        envs.push(d.seal(
            &app,
            RecordKind::Report,
            Some(6),
            &json!({"consents": {"statistics": false}, "incident_type": "physical_assault"}),
        ));
    }
    for _ in 0..2 {
        envs.push(d.seal(
            &app,
            RecordKind::Report,
            Some(6),
            &json!({"consents": {"statistics": true}, "incident_type": "rape"}),
        ));
    }
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
    assert_eq!(r.held.len(), 11);
    assert_eq!(
        app.client
            .get(app.at("/v1/stats"))
            .bearer_auth(&lis)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let stats: StatsResponse = app
        .client
        .get(app.at("/v1/stats"))
        .bearer_auth(&sup)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let month = kulna_central::stats::month_of(kulna_central::now_ms());
    let cell = |t: &str| {
        stats
            .cells
            .iter()
            .find(|c| c.incident_type == t)
            .unwrap()
            .clone()
    };
    assert_eq!(
        cell("physical_assault").count,
        Some(6),
        "the three without consent are not counted"
    );
    assert_eq!(cell("physical_assault").month, month);
    assert_eq!(cell("rape").count, None, "a cell under 5 is suppressed");
    assert_eq!(stats.cells.len(), 2);
    // A supervisor of another region counts only her region's records.
    add_staff(
        app.state.store(),
        NewStaff {
            username: "sup1".into(),
            role: Role::Supervisor,
            region: Some(1),
            center: None,
            password: SecretString::from("a good long password".to_owned()),
        },
        1024,
    )
    .await
    .unwrap();
    let sup1 = login(&app, "sup1").await;
    let theirs: StatsResponse = app
        .client
        .get(app.at("/v1/stats"))
        .bearer_auth(&sup1)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(theirs.cells.is_empty(), "{theirs:?}");
}

#[tokio::test]
async fn expired_sessions_are_refused_on_both_backends() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = common::spawn_app_with(backend, |c| c.session_ttl_secs = 0).await else {
            continue;
        };
        add_staff(
            app.state.store(),
            NewStaff {
                username: "x".into(),
                role: Role::Listener,
                region: None,
                center: None,
                password: SecretString::from("a good long password".to_owned()),
            },
            1024,
        )
        .await
        .unwrap();
        let t: LoginResponse = app
            .client
            .post(app.at("/v1/staff/login"))
            .json(&json!({"username": "x", "password": "a good long password"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        let r = app
            .client
            .get(app.at("/v1/queue"))
            .bearer_auth(&t.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let e: kulna_model::api::ApiError = r.json().await.unwrap();
        assert!(e.message.contains("expired"), "{}", e.message);
    }
}
