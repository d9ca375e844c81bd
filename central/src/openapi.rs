//! The OpenAPI 3.1 description of every route, served at `/openapi.json` and
//! checked in at `central/openapi.json` (a test fails when they drift;
//! regenerate with `KULNA_WRITE_OPENAPI=1 cargo test -p kulna-central --test openapi`).
//!
//! The bodies are the types of `kulna_model::api`, `::staff`, `::record` and
//! `::directory`; their JSON shapes are pinned by tests there. This file
//! describes them by hand, because the model crate stays serde-only.

use serde_json::{json, Value};

fn s(t: &str) -> Value {
    json!({ "type": t })
}

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn opt(v: Value) -> Value {
    json!({ "anyOf": [v, { "type": "null" }] })
}

fn arr(v: Value) -> Value {
    json!({ "type": "array", "items": v })
}

fn strings(values: &[&str]) -> Value {
    json!({ "type": "string", "enum": values })
}

fn obj(required: &[&str], props: &[(&str, Value)]) -> Value {
    let mut p = serde_json::Map::new();
    for (k, v) in props {
        p.insert((*k).to_owned(), v.clone());
    }
    json!({ "type": "object", "required": required, "properties": p })
}

fn uuid() -> Value {
    json!({ "type": "string", "format": "uuid" })
}

fn b64() -> Value {
    json!({ "type": "string", "contentEncoding": "base64" })
}

fn region() -> Value {
    json!({ "type": "integer", "minimum": 1, "maximum": 12 })
}

fn schemas() -> Value {
    let mut all = base_schemas();
    all["ServiceLimits"] = obj(
        &[
            "max_batch",
            "max_inline_envelope_bytes",
            "max_upload_bytes",
            "upload_chunk_bytes",
        ],
        &[
            ("max_batch", s("integer")),
            ("max_inline_envelope_bytes", s("integer")),
            ("max_upload_bytes", s("integer")),
            ("upload_chunk_bytes", s("integer")),
        ],
    );
    all["CreateUploadRequest"] = obj(
        &["record_id", "size", "sha256"],
        &[
            ("record_id", uuid()),
            ("size", json!({"type": "integer", "minimum": 1})),
            ("sha256", b64()),
        ],
    );
    all["UploadStatus"] = obj(
        &["record_id", "size", "received", "held"],
        &[
            ("record_id", uuid()),
            ("size", s("integer")),
            ("received", s("integer")),
            ("held", s("boolean")),
        ],
    );
    all
}

fn base_schemas() -> Value {
    let localized = obj(
        &[],
        &[
            ("ar", s("string")),
            ("ary", s("string")),
            ("zgh", s("string")),
            ("fr", s("string")),
            ("en", s("string")),
        ],
    );
    let destinations = strings(&[
        "prosecutor",
        "police",
        "gendarmerie",
        "health",
        "shelter",
        "legal_aid",
        "association",
        "training_employment",
    ]);
    let reasons = strings(&[
        "refused_services",
        "no_capacity",
        "no_longer_needed",
        "unable_to_contact_her",
        "unable_to_contact_service",
        "other",
    ]);
    let referral_status = strings(&["in_progress", "accepted", "rejected", "revoked", "done"]);
    let case_status = strings(&["new", "acknowledged", "referred", "closed"]);
    let kind = strings(&["alert", "report", "support_request", "intake"]);
    let reject_reasons = strings(&[
        "malformed",
        "unknown_version",
        "wrong_device",
        "wrong_key",
        "bad_signature",
        "bad_base64",
        "bad_region",
        "too_large",
        "id_conflict",
        "not_an_alert",
    ]);
    json!({
        "HealthResponse": obj(&["status"], &[("status", s("string"))]),
        "ApiError": obj(&["error", "message"], &[
            ("error", strings(&["invalid_input", "unauthorized", "forbidden", "not_found", "conflict", "payload_too_large", "unsupported_media_type", "digest_mismatch", "rate_limited", "unavailable", "internal"])),
            ("message", s("string")),
            ("index", s("integer")),
            ("reason", reject_reasons.clone()),
            ("offset", s("integer")),
        ]),
        "ServiceKeyResponse": obj(&["key_id", "sealing_public_key", "directory_signing_key"], &[
            ("key_id", s("string")), ("sealing_public_key", b64()), ("directory_signing_key", b64()),
        ]),
        "RegisterDeviceRequest": obj(&["device_id", "verifying_key", "sealing_public_key"], &[
            ("device_id", uuid()), ("verifying_key", b64()), ("sealing_public_key", b64()),
        ]),
        "RegisterDeviceResponse": obj(&["device_id", "token"], &[("device_id", uuid()), ("token", s("string"))]),
        "Envelope": obj(&["version", "id", "kind", "device_id", "created_at_ms", "key_id", "enc", "ciphertext", "signature"], &[
            ("version", json!({"type": "integer", "const": 1})), ("id", uuid()), ("kind", kind.clone()), ("device_id", uuid()),
            ("created_at_ms", s("integer")), ("region", region()), ("key_id", s("string")),
            ("enc", b64()), ("ciphertext", b64()), ("signature", b64()),
        ]),
        "IngestRequest": obj(&["envelopes"], &[
            ("envelopes", json!({"type": "array", "maxItems": 500, "items": r("Envelope")})),
            ("batch_signature", json!({"type": "string", "contentEncoding": "base64",
                "description": "Ed25519 by the device over \"kulna-maak/batch-sig\" | device id (16 bytes) | item count (u32 BE) | SHA-256 of each envelope's JSON text exactly as in this body. One check for the batch; without it, or when it does not match, each envelope's own signature is checked."})),
        ]),
        "IngestResponse": obj(&["held", "rejected"], &[("held", arr(uuid())), ("rejected", arr(r("Rejection")))]),
        "Rejection": obj(&["index", "reason", "message"], &[
            ("index", s("integer")), ("id", uuid()),
            ("reason", reject_reasons),
            ("message", s("string")),
        ]),
        "AlertResponse": obj(&["id"], &[("id", uuid())]),
        "DeviceUpdatesResponse": obj(&["updates", "next"], &[("updates", arr(r("SealedUpdate"))), ("next", s("integer"))]),
        "SealedUpdate": obj(&["seq", "case_id", "created_at_ms", "sealed"], &[
            ("seq", s("integer")), ("case_id", uuid()), ("created_at_ms", s("integer")), ("sealed", b64()),
        ]),
        "StatusUpdate": obj(&["case_id", "status", "at_ms"], &[
            ("case_id", uuid()), ("status", case_status.clone()), ("message", s("string")), ("at_ms", s("integer")),
        ]),
        "LoginRequest": obj(&["username", "password"], &[("username", s("string")), ("password", s("string"))]),
        "LoginResponse": obj(&["token", "expires_at_ms", "staff"], &[("token", s("string")), ("expires_at_ms", s("integer")), ("staff", r("StaffProfile"))]),
        "StaffProfile": obj(&["id", "username", "role", "scope"], &[
            ("id", s("string")), ("username", s("string")),
            ("role", strings(&["listener", "field_worker", "supervisor", "admin"])), ("scope", r("Scope")),
        ]),
        "Scope": json!({ "oneOf": [
            obj(&["kind"], &[("kind", json!({"const": "national"}))]),
            obj(&["kind", "region"], &[("kind", json!({"const": "region"})), ("region", region())]),
            obj(&["kind", "center_id"], &[("kind", json!({"const": "center"})), ("center_id", s("string"))]),
        ]}),
        "QueueItem": obj(&["id", "kind", "status", "created_at_ms", "received_at_ms"], &[
            ("id", uuid()), ("kind", kind), ("region", region()), ("center_id", s("string")), ("status", case_status),
            ("created_at_ms", s("integer")), ("received_at_ms", s("integer")), ("acknowledged_at_ms", s("integer")),
        ]),
        "QueueResponse": obj(&["items"], &[("items", arr(r("QueueItem")))]),
        "Consents": obj(&[], &[
            ("services", s("boolean")), ("referral", s("boolean")), ("referral_to", arr(destinations.clone())),
            ("contact", s("boolean")), ("statistics", s("boolean")),
        ]),
        "RecordPayload": obj(&[], &[
            ("consents", r("Consents")),
            ("incident_type", strings(&["rape", "sexual_assault", "physical_assault", "forced_marriage", "denial_of_resources", "psychological_abuse", "digital_violence", "not_gbv"])),
            ("violence", arr(strings(&["physical", "sexual", "psychological", "economic", "digital"]))),
            ("description", s("string")), ("happened", s("string")), ("place", s("string")), ("in_danger_now", s("boolean")),
            ("contact", obj(&[], &[("phone", s("string")), ("safe_times", s("string"))])),
            ("support_topic", strings(&["job", "training", "vocational_training", "business", "income_generating_project", "other"])),
            ("language", strings(&["ar", "ary", "zgh", "fr", "en"])),
        ]),
        "Referral": obj(&["id", "destination", "status", "consent_override", "created_at_ms", "updated_at_ms"], &[
            ("id", s("string")), ("destination", destinations.clone()), ("status", referral_status.clone()), ("reason", reasons.clone()),
            ("consent_override", s("boolean")), ("listing", s("string")), ("created_at_ms", s("integer")), ("updated_at_ms", s("integer")),
        ]),
        "CaseEvent": obj(&["at_ms", "by", "action", "detail"], &[("at_ms", s("integer")), ("by", s("string")), ("action", s("string")), ("detail", s("string"))]),
        "CaseDetail": obj(&["case", "payload", "consents", "referrals", "events"], &[
            ("case", r("QueueItem")), ("payload", opt(r("RecordPayload"))), ("consents", r("Consents")),
            ("referrals", arr(r("Referral"))), ("events", arr(r("CaseEvent"))),
        ]),
        "AcknowledgeRequest": obj(&[], &[("message", s("string"))]),
        "LinkDeviceRequest": obj(&["device_id"], &[("device_id", uuid())]),
        "AssignRequest": obj(&["center_id"], &[("center_id", s("string"))]),
        "ReferralRequest": obj(&["destination"], &[("destination", destinations), ("listing", s("string")), ("override_reason", s("string")), ("message", s("string"))]),
        "ReferralUpdateRequest": obj(&["status"], &[("status", referral_status), ("reason", reasons), ("message", s("string"))]),
        "NoteRequest": obj(&["text"], &[("text", s("string"))]),
        "MessageRequest": obj(&["message"], &[("message", s("string"))]),
        "CloseRequest": obj(&[], &[("message", s("string"))]),
        "AuditEntry": obj(&["seq", "at_ms", "staff_id", "username", "action"], &[
            ("seq", s("integer")), ("at_ms", s("integer")), ("staff_id", s("string")), ("username", s("string")), ("action", s("string")), ("case_id", uuid()),
        ]),
        "AuditLogResponse": obj(&["entries"], &[("entries", arr(r("AuditEntry")))]),
        "StatsCell": obj(&["region", "month", "incident_type", "count"], &[
            ("region", opt(region())), ("month", s("string")), ("incident_type", s("string")), ("count", opt(s("integer"))),
        ]),
        "StatsResponse": obj(&["cells"], &[("cells", arr(r("StatsCell")))]),
        "Localized": localized,
        "SignedDirectory": obj(&["kind", "version", "body", "signature"], &[
            ("kind", strings(&["snapshot", "delta"])), ("version", s("integer")), ("body", s("string")), ("signature", b64()),
        ]),
        "DirectoryEntry": obj(&["id", "kind", "category", "title"], &[
            ("id", s("string")), ("kind", strings(&["opportunity", "service"])), ("category", s("string")), ("region", region()),
            ("province", s("string")), ("town", s("string")), ("title", r("Localized")), ("summary", r("Localized")),
            ("how_to_apply", r("Localized")), ("phone", s("string")), ("sample", s("boolean")),
        ]),
        "DirectorySnapshot": obj(&["version", "published_at_ms", "entries"], &[("version", s("integer")), ("published_at_ms", s("integer")), ("entries", arr(r("DirectoryEntry")))]),
        "DirectoryDelta": obj(&["from_version", "to_version", "published_at_ms", "upserted", "removed"], &[
            ("from_version", s("integer")), ("to_version", s("integer")), ("published_at_ms", s("integer")),
            ("upserted", arr(r("DirectoryEntry"))), ("removed", arr(s("string"))),
        ]),
    })
}

/// One documented route.
struct Route {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    auth: Option<&'static str>,
    body: Option<&'static str>,
    ok: (u16, Option<&'static str>),
    errors: &'static [u16],
    query: &'static [(&'static str, &'static str)],
}

const ROUTES: &[Route] = &[
    Route { method: "get", path: "/health", summary: "Liveness", auth: None, body: None, ok: (200, Some("HealthResponse")), errors: &[], query: &[] },
    Route { method: "get", path: "/ready", summary: "Readiness: storage answers", auth: None, body: None, ok: (200, Some("HealthResponse")), errors: &[503], query: &[] },
    Route { method: "get", path: "/openapi.json", summary: "This description", auth: None, body: None, ok: (200, None), errors: &[], query: &[] },
    Route { method: "get", path: "/v1/service-key", summary: "The keys a device pins (rate limited)", auth: None, body: None, ok: (200, Some("ServiceKeyResponse")), errors: &[429], query: &[] },
    Route { method: "post", path: "/v1/devices", summary: "Register a device anonymously (201 new, 200 again with the same keys; rate limited)", auth: None, body: Some("RegisterDeviceRequest"), ok: (201, Some("RegisterDeviceResponse")), errors: &[400, 409, 413, 415, 429], query: &[] },
    Route { method: "post", path: "/v1/envelopes", summary: "Store a batch idempotently; answers the ids held and why others were refused", auth: Some("device"), body: Some("IngestRequest"), ok: (200, Some("IngestResponse")), errors: &[400, 401, 413, 415, 503], query: &[] },
    Route { method: "post", path: "/v1/alerts", summary: "Store one alert; answers once it is durable", auth: Some("device"), body: Some("Envelope"), ok: (200, Some("AlertResponse")), errors: &[400, 401, 409, 413, 503], query: &[] },
    Route { method: "get", path: "/v1/devices/me/updates", summary: "Status updates sealed to this device, after a cursor", auth: Some("device"), body: None, ok: (200, Some("DeviceUpdatesResponse")), errors: &[400, 401], query: &[("since", "integer"), ("limit", "integer")] },
    Route { method: "get", path: "/v1/limits", summary: "The sizes this service takes: batch, inline envelope, upload and chunk (rate limited)", auth: None, body: None, ok: (200, Some("ServiceLimits")), errors: &[429], query: &[] },
    Route { method: "post", path: "/v1/uploads", summary: "Declare the upload of one large envelope's JSON text (201), or find it again to resume (200: where it stands; held if already stored)", auth: Some("device"), body: Some("CreateUploadRequest"), ok: (201, Some("UploadStatus")), errors: &[400, 401, 409, 413, 415, 422, 503], query: &[] },
    Route { method: "get", path: "/v1/uploads/{record_id}", summary: "Where one of this device's uploads stands: the next chunk starts at `received`", auth: Some("device"), body: None, ok: (200, Some("UploadStatus")), errors: &[400, 401, 404], query: &[] },
    Route { method: "patch", path: "/v1/uploads/{record_id}", summary: "The next bytes (application/octet-stream, at most upload_chunk_bytes) from `offset`; bytes already held are skipped; 409 with the held offset when the chunk starts past it; the last chunk stores the record (held) or discards the upload (422 digest mismatch, 400/409 refused envelope with its reason)", auth: Some("device"), body: Some("octets"), ok: (200, Some("UploadStatus")), errors: &[400, 401, 404, 409, 413, 415, 422, 503], query: &[("offset", "integer")] },
    Route { method: "get", path: "/v1/directory", summary: "The signed directory: a snapshot, or the delta since a version (ETag, If-None-Match; rate limited)", auth: None, body: None, ok: (200, Some("SignedDirectory")), errors: &[304, 400, 404, 429], query: &[("since", "integer")] },
    Route { method: "post", path: "/v1/staff/login", summary: "Staff sign-in (throttled per account, rate limited per address)", auth: None, body: Some("LoginRequest"), ok: (200, Some("LoginResponse")), errors: &[400, 401, 429], query: &[] },
    Route { method: "post", path: "/v1/staff/logout", summary: "End this session", auth: Some("staff"), body: None, ok: (204, None), errors: &[401], query: &[] },
    Route { method: "get", path: "/v1/staff/me", summary: "Who is signed in", auth: Some("staff"), body: None, ok: (200, Some("StaffProfile")), errors: &[401], query: &[] },
    Route { method: "post", path: "/v1/staff/devices", summary: "Link a registered device to the caller's center: its records go to that center's queue", auth: Some("staff"), body: Some("LinkDeviceRequest"), ok: (204, None), errors: &[400, 401, 403, 404], query: &[] },
    Route { method: "get", path: "/v1/queue", summary: "Cases in the caller's scope: alerts, then reports and intakes, then support requests; oldest first", auth: Some("staff"), body: None, ok: (200, Some("QueueResponse")), errors: &[400, 401], query: &[("include_closed", "boolean"), ("limit", "integer")] },
    Route { method: "get", path: "/v1/queue/events", summary: "Server-sent events: `queue` (a QueueItem), `resync`, and `ping` every 15 s", auth: Some("staff"), body: None, ok: (200, None), errors: &[401], query: &[] },
    Route { method: "get", path: "/v1/cases/{id}", summary: "Open a case: decrypted for the caller, the read audited (404 outside the caller's scope)", auth: Some("staff"), body: None, ok: (200, Some("CaseDetail")), errors: &[400, 401, 404], query: &[] },
    Route { method: "post", path: "/v1/cases/{id}/acknowledge", summary: "Acknowledge; a status goes to her device", auth: Some("staff"), body: Some("AcknowledgeRequest"), ok: (200, Some("CaseDetail")), errors: &[400, 401, 404, 409], query: &[] },
    Route { method: "post", path: "/v1/cases/{id}/assign", summary: "Assign to a women's center (regional or national staff)", auth: Some("staff"), body: Some("AssignRequest"), ok: (200, Some("CaseDetail")), errors: &[400, 401, 403, 404, 409], query: &[] },
    Route { method: "post", path: "/v1/cases/{id}/referrals", summary: "Refer; refused without her consent unless a supervisor overrides with a reason (logged)", auth: Some("staff"), body: Some("ReferralRequest"), ok: (200, Some("CaseDetail")), errors: &[400, 401, 403, 404, 409], query: &[] },
    Route { method: "post", path: "/v1/cases/{id}/referrals/{referral_id}", summary: "Move a referral through its lifecycle", auth: Some("staff"), body: Some("ReferralUpdateRequest"), ok: (200, Some("CaseDetail")), errors: &[400, 401, 404, 409], query: &[] },
    Route { method: "post", path: "/v1/cases/{id}/notes", summary: "A note for staff (sealed at rest)", auth: Some("staff"), body: Some("NoteRequest"), ok: (200, Some("CaseDetail")), errors: &[400, 401, 404, 409], query: &[] },
    Route { method: "post", path: "/v1/cases/{id}/messages", summary: "A message to her device (sealed to it)", auth: Some("staff"), body: Some("MessageRequest"), ok: (200, Some("CaseDetail")), errors: &[400, 401, 404, 409], query: &[] },
    Route { method: "post", path: "/v1/cases/{id}/close", summary: "Close; a status goes to her device", auth: Some("staff"), body: Some("CloseRequest"), ok: (200, Some("CaseDetail")), errors: &[400, 401, 404, 409], query: &[] },
    Route { method: "get", path: "/v1/audit", summary: "The audit log (supervisors and administrators): everything for national staff, else the entries about cases in their scope", auth: Some("staff"), body: None, ok: (200, Some("AuditLogResponse")), errors: &[400, 401, 403], query: &[("after", "integer"), ("limit", "integer")] },
    Route { method: "get", path: "/v1/stats", summary: "Anonymous statistics over the caller's scope: consented records only, cells under 5 suppressed (supervisors and administrators)", auth: Some("staff"), body: None, ok: (200, Some("StatsResponse")), errors: &[401, 403], query: &[] },
];

/// Every documented (method, path), for tests.
pub fn documented_routes() -> Vec<(&'static str, &'static str)> {
    ROUTES.iter().map(|r| (r.method, r.path)).collect()
}

fn error_text(code: u16) -> &'static str {
    match code {
        304 => "Not modified",
        400 => "Invalid input, with the reason",
        401 => "No valid token or session",
        403 => "Not allowed for this account",
        404 => "Not found (or outside the caller's scope)",
        409 => "Conflicts with what is stored",
        413 => "Body too large",
        415 => "Not the expected content type",
        422 => "The upload's bytes do not have the declared SHA-256; the upload was discarded",
        429 => "Too many requests; see Retry-After",
        503 => "Storage is not answering; retry",
        _ => "Error",
    }
}

/// The whole description.
pub fn document() -> Value {
    let mut paths = serde_json::Map::new();
    for route in ROUTES {
        let mut responses = serde_json::Map::new();
        let ok = match route.ok.1 {
            Some(schema) => {
                json!({"description": "OK", "content": {"application/json": {"schema": r(schema)}}})
            }
            None => json!({"description": "OK"}),
        };
        responses.insert(route.ok.0.to_string(), ok);
        for code in route.errors {
            let resp = if *code == 304 {
                json!({"description": error_text(*code)})
            } else {
                json!({"description": error_text(*code), "content": {"application/json": {"schema": r("ApiError")}}})
            };
            responses.insert(code.to_string(), resp);
        }
        let mut params: Vec<Value> = route
            .path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": if name == "id" || name == "record_id" { uuid() } else { s("string") }}))
            .collect();
        params.extend(route.query.iter().map(
            |(name, t)| json!({"name": name, "in": "query", "required": false, "schema": s(t)}),
        ));
        let mut op = json!({ "summary": route.summary, "responses": responses });
        if !params.is_empty() {
            op["parameters"] = Value::Array(params);
        }
        match route.body {
            Some("octets") => {
                op["requestBody"] = json!({"required": true, "content": {"application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}}}});
            }
            Some(body) => {
                op["requestBody"] =
                    json!({"required": true, "content": {"application/json": {"schema": r(body)}}});
            }
            None => {}
        }
        if let Some(auth) = route.auth {
            op["security"] = json!([{ auth: [] }]);
        }
        let item = paths
            .entry(route.path.to_owned())
            .or_insert_with(|| json!({}));
        item[route.method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Kulna Ma'ak central service",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Devices register anonymously and send sealed envelopes; staff work the queue. Every refusal is an ApiError with a reason."
        },
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": {
                "device": {"type": "http", "scheme": "bearer", "description": "The token from POST /v1/devices"},
                "staff": {"type": "http", "scheme": "bearer", "description": "The token from POST /v1/staff/login"}
            }
        }
    })
}

/// `GET /openapi.json`.
pub async fn serve() -> axum::Json<Value> {
    axum::Json(document())
}
