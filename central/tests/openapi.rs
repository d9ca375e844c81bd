//! The served OpenAPI description equals the checked-in `central/openapi.json`,
//! and every documented route exists.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

#[tokio::test]
async fn served_description_matches_the_checked_in_file_and_routes_exist() {
    let app = common::spawn_app(common::Backend::Sqlite).await.unwrap();
    let served: serde_json::Value = app
        .client
        .get(app.at("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    let pretty = serde_json::to_string_pretty(&served).unwrap() + "\n";
    if std::env::var("KULNA_WRITE_OPENAPI").as_deref() == Ok("1") {
        std::fs::write(&path, &pretty).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).expect("central/openapi.json is missing");
    assert!(
        checked_in == pretty,
        "central/openapi.json differs from what the service serves; regenerate with \
         KULNA_WRITE_OPENAPI=1 cargo test -p kulna-central --test openapi"
    );
    // Every documented route is routed (not the fallback).
    for (method, p) in kulna_central::openapi::documented_routes() {
        let url = app.at(&p
            .replace("{id}", &kulna_model::RecordId::new_v7().to_string())
            .replace("{record_id}", &kulna_model::RecordId::new_v7().to_string())
            .replace("{referral_id}", "r"));
        let req = match method {
            "get" => app.client.get(&url),
            "patch" => app.client.patch(&url).body(vec![0u8; 4]),
            _ => app.client.post(&url).json(&serde_json::json!({})),
        };
        let r = req.send().await.unwrap();
        let text = r.text().await.unwrap();
        assert!(
            !text.contains("no such route") && !text.contains("method not allowed"),
            "{method} {p} is documented but not routed"
        );
    }
    let schemas = served["components"]["schemas"].as_object().unwrap();
    let all = serde_json::to_string(&served).unwrap();
    for name in schemas.keys() {
        assert!(
            all.contains(&format!("#/components/schemas/{name}"))
                || name == "StatusUpdate"
                || name == "DirectorySnapshot"
                || name == "DirectoryDelta",
            "{name} is unused"
        );
    }
}
