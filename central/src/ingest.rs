//! Ingest: envelopes from devices, checked and stored durably, exactly once.
//!
//! # Group commit
//!
//! Every accepted batch goes to one writer task through a channel. The writer
//! takes whatever is waiting (alerts first), up to `max_group_envelopes`,
//! inserts it all in **one transaction** and answers each request once that
//! transaction is committed (on SQLite with `synchronous=FULL`: on disk).
//! Under load, many requests share one commit and one disk sync, instead of
//! a pool of writers queueing on the database's write lock.
//!
//! Alerts do not join the group: each commits in its own transaction
//! ([`Storage::insert_urgent`]). On SQLite, where there is one writer
//! connection, an alert that finds a group in flight is made durable in the
//! alert journal beside the database and moved in after the group (see
//! `store::sqlite`); staff hear of it once it is in their queue.
//!
//! # Exactly once
//!
//! Inserts are idempotent by record id: a resend is answered as held without
//! a second row. The answer lists exactly the ids held, so a client that
//! marks those as sent, and resends anything else, delivers each record once
//! whatever fails in between. An id already held for *another* device is
//! refused (`id_conflict`), never overwritten.
//!
//! # Checks, per item
//!
//! JSON shape, format version, the device named is the caller, the key id is
//! the service's, region 1 to 12, ciphertext size, base64, and the Ed25519
//! signature against the key the device registered. A batch that carries
//! the device's signature over the SHA-256 of every item's text
//! (`batch_signature`, see `kulna_crypto::sign_batch`) costs one signature
//! check; each envelope's own signature is then checked when its case is
//! opened. Without it (or when it does not match, or an item is unreadable)
//! the envelopes' signatures are verified together
//! (`kulna_crypto::verify_envelopes`: batch verification, and one by one
//! only when the batch fails). One bad item is reported with its index and
//! reason; the others are stored.

use crate::devices::{DeviceAuth, KnownDevice};
use crate::error::{AppError, AppResult};
use crate::store::{InsertOutcome, NewRecord, Storage, StoreError, StoreResult};
use crate::AppState;
use axum::extract::FromRequest as _;
use axum::extract::State;
use axum::Json;
use kulna_crypto::EnvelopeError;
use kulna_model::api::{
    AlertResponse, CaseStatus, IngestResponse, RejectReason, Rejection, MAX_BATCH,
    MAX_CIPHERTEXT_BYTES,
};
use kulna_model::staff::QueueItem;
use kulna_model::{Envelope, RecordId, RecordKind, ENVELOPE_VERSION};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::sync::Arc;
use tokio::sync::{broadcast, mpsc, oneshot};

struct Job {
    records: Vec<NewRecord>,
    reply: oneshot::Sender<StoreResult<Vec<InsertOutcome>>>,
}

/// The handle to the writer task.
#[derive(Debug, Clone)]
pub struct Writer {
    batches: mpsc::Sender<Job>,
    store: Arc<dyn Storage>,
    events: broadcast::Sender<QueueItem>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("records", &self.records.len())
            .finish()
    }
}

impl Writer {
    /// Starts the writer task. It ends when every handle is dropped, after
    /// committing what it was given.
    pub fn spawn(
        store: Arc<dyn Storage>,
        max_group: usize,
        events: broadcast::Sender<QueueItem>,
    ) -> Self {
        let (batches, batch_rx) = mpsc::channel(1024);
        tokio::spawn(run(
            store.clone(),
            max_group.max(1),
            batch_rx,
            events.clone(),
        ));
        Self {
            batches,
            store,
            events,
        }
    }

    /// Stores records durably; answers one outcome per record once committed.
    pub async fn submit(
        &self,
        records: Vec<NewRecord>,
        urgent: bool,
    ) -> AppResult<Vec<InsertOutcome>> {
        if urgent {
            // An alert does not queue behind batches: its own transaction,
            // beside the group in flight (on SQLite, in the alert journal
            // while the group holds the writer).
            let all = Arc::new(records);
            let outcomes = self.store.insert_urgent(all.clone()).await?;
            // Staff hear of it once it is in their queue (on SQLite, an
            // alert held aside during a group is moved there just after).
            let (store, events, ids) = (
                self.store.clone(),
                self.events.clone(),
                all.iter().map(|r| r.id).collect(),
            );
            let answered = outcomes.clone();
            tokio::spawn(async move {
                store.until_queued(ids).await;
                announce(&store, &events, &all, &answered);
            });
            return Ok(outcomes);
        }
        let (reply, answer) = oneshot::channel();
        self.batches
            .send(Job { records, reply })
            .await
            .map_err(|_| AppError::Unavailable(anyhow::anyhow!("the writer has stopped")))?;
        let outcome = answer
            .await
            .map_err(|_| AppError::Unavailable(anyhow::anyhow!("the writer has stopped")))?;
        Ok(outcome?)
    }
}

/// Tells live queue listeners about newly stored records (in the
/// background: an answer never waits for it).
fn announce(
    store: &Arc<dyn Storage>,
    events: &broadcast::Sender<QueueItem>,
    records: &[NewRecord],
    outcomes: &[InsertOutcome],
) {
    if !store.shares_events() && events.receiver_count() == 0 {
        return;
    }
    let items: Vec<QueueItem> = records
        .iter()
        .zip(outcomes)
        .filter(|(_, o)| **o == InsertOutcome::Inserted)
        .map(|(rec, _)| QueueItem {
            id: rec.id,
            kind: rec.kind,
            region: rec.region,
            center_id: rec.center_id.clone(),
            status: CaseStatus::New,
            created_at_ms: rec.created_at_ms,
            received_at_ms: rec.received_at_ms,
            acknowledged_at_ms: None,
        })
        .collect();
    let (store, events) = (store.clone(), events.clone());
    tokio::spawn(async move { crate::store::deliver_events(&store, &events, items).await });
}

async fn run(
    store: Arc<dyn Storage>,
    max_group: usize,
    mut batch_rx: mpsc::Receiver<Job>,
    events: broadcast::Sender<QueueItem>,
) {
    loop {
        let Some(first) = batch_rx.recv().await else {
            break;
        };
        let mut count = first.records.len();
        let mut jobs = vec![first];
        while count < max_group {
            let Ok(next) = batch_rx.try_recv() else { break };
            count += next.records.len();
            jobs.push(next);
        }
        let mut all: Vec<NewRecord> = Vec::with_capacity(count);
        let mut lens = Vec::with_capacity(jobs.len());
        for job in &mut jobs {
            lens.push(job.records.len());
            all.append(&mut job.records);
        }
        let all = Arc::new(all);
        let started = std::time::Instant::now();
        let result = store.insert_records(all.clone()).await;
        tracing::debug!(
            records = all.len(),
            requests = jobs.len(),
            micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
            "group commit"
        );
        match result {
            Ok(outcomes) if outcomes.len() == all.len() => {
                announce(&store, &events, &all, &outcomes);
                let mut rest = outcomes.as_slice();
                for (job, len) in jobs.into_iter().zip(lens) {
                    let (mine, tail) = rest.split_at(len.min(rest.len()));
                    rest = tail;
                    let _ = job.reply.send(Ok(mine.to_vec()));
                }
            }
            Ok(_) => {
                for job in jobs {
                    let _ = job.reply.send(Err(StoreError::Other(anyhow::anyhow!(
                        "storage answered the wrong number of outcomes"
                    ))));
                }
            }
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), records = all.len(), "group commit failed");
                let msg = e.to_string();
                for job in jobs {
                    let _ = job
                        .reply
                        .send(Err(StoreError::Unavailable(anyhow::anyhow!("{msg}"))));
                }
            }
        }
    }
}

fn reject_for(e: &EnvelopeError) -> RejectReason {
    match e {
        EnvelopeError::UnknownVersion(_) => RejectReason::UnknownVersion,
        EnvelopeError::WrongKey => RejectReason::WrongKey,
        EnvelopeError::BadBase64(_) => RejectReason::BadBase64,
        EnvelopeError::BadRegion => RejectReason::BadRegion,
        EnvelopeError::BadKeyId => RejectReason::WrongKey,
        _ => RejectReason::BadSignature,
    }
}

/// Reads one envelope (as JSON text) from `device` and checks its fields;
/// the signature is checked afterwards, with the rest of the batch. Pure
/// CPU work.
fn read_one(
    raw: &str,
    device: &KnownDevice,
    key_id: &str,
) -> Result<Envelope, (Option<RecordId>, RejectReason, String)> {
    let env: Envelope = serde_json::from_str(raw).map_err(|e| {
        let id = serde_json::from_str::<IdOnly>(raw).ok().and_then(|p| p.id);
        (id, RejectReason::Malformed, format!("not an envelope: {e}"))
    })?;
    let id = Some(env.id);
    if env.version != ENVELOPE_VERSION {
        return Err((
            id,
            RejectReason::UnknownVersion,
            format!("unknown envelope version {}", env.version),
        ));
    }
    if env.device_id != device.id {
        return Err((
            id,
            RejectReason::WrongDevice,
            "the envelope names another device than the caller".into(),
        ));
    }
    if env.key_id != key_id {
        return Err((
            id,
            RejectReason::WrongKey,
            "sealed to a key this service does not hold; fetch /v1/service-key".into(),
        ));
    }
    if matches!(env.region, Some(r) if !(1..=12).contains(&r)) {
        return Err((
            id,
            RejectReason::BadRegion,
            "region must be between 1 and 12".into(),
        ));
    }
    if env.ciphertext.len() / 4 * 3 > MAX_CIPHERTEXT_BYTES {
        return Err((
            id,
            RejectReason::TooLarge,
            format!("ciphertext larger than {MAX_CIPHERTEXT_BYTES} bytes"),
        ));
    }
    Ok(env)
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<RecordId>,
}

/// The request body, read item by item so that one bad item does not spoil
/// the batch; the items borrow from the body, nothing is copied.
#[derive(Debug, Deserialize)]
struct RawBatch<'a> {
    #[serde(borrow)]
    envelopes: Vec<&'a RawValue>,
    /// The device's signature over the items' texts (base64).
    #[serde(default, borrow)]
    batch_signature: Option<std::borrow::Cow<'a, str>>,
}

/// Reads a JSON body as bytes, with the service's size limit and content type.
async fn json_bytes(req: axum::extract::Request) -> AppResult<axum::body::Bytes> {
    let is_json = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if !is_json {
        return Err(AppError::UnsupportedMediaType(
            "expected Content-Type: application/json".into(),
        ));
    }
    axum::body::Bytes::from_request(req, &())
        .await
        .map_err(|rej| {
            if rej.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge("request body too large".into())
            } else {
                AppError::InvalidInput(rej.body_text())
            }
        })
}

struct Checked {
    records: Vec<(usize, NewRecord)>,
    rejected: Vec<Rejection>,
}

fn check_all(
    items: &[&RawValue],
    batch_signature: Option<&str>,
    device: &KnownDevice,
    key_id: &str,
) -> Checked {
    let now = crate::now_ms();
    let mut read = Vec::with_capacity(items.len());
    let mut rejected = Vec::new();
    for (index, raw) in items.iter().enumerate() {
        match read_one(raw.get(), device, key_id) {
            Ok(env) => read.push((index, env)),
            Err((id, reason, message)) => rejected.push(Rejection {
                index,
                id,
                reason,
                message,
            }),
        }
    }
    let envelopes: Vec<&Envelope> = read.iter().map(|(_, env)| env).collect();
    // A batch signature over every item, all of them readable: one check
    // for the batch (each envelope's own signature is checked when its case
    // is opened). Otherwise every envelope's signature, all at once; a
    // failed batch is checked item by item, so the bad ones are found and
    // the good ones kept.
    let signed_together = batch_signature.is_some_and(|sig| {
        rejected.is_empty() && {
            let texts: Vec<&str> = items.iter().map(|raw| raw.get()).collect();
            kulna_crypto::verify_batch_signature(&device.id, &texts, sig, &device.verifying_key)
        }
    });
    let verdicts: Vec<Result<(), EnvelopeError>> = if signed_together {
        envelopes
            .iter()
            .map(|env| kulna_crypto::check_envelope(env))
            .collect()
    } else {
        kulna_crypto::verify_envelopes(&envelopes, &device.verifying_key)
    };
    let mut records = Vec::with_capacity(read.len());
    for ((index, env), verdict) in read.into_iter().zip(verdicts) {
        if let Err(e) = verdict {
            rejected.push(Rejection {
                index,
                id: Some(env.id),
                reason: reject_for(&e),
                message: e.to_string(),
            });
            continue;
        }
        match envelope_json(&env) {
            Ok(text) => records.push((
                index,
                NewRecord {
                    id: env.id,
                    device_id: env.device_id,
                    kind: env.kind,
                    region: env.region,
                    created_at_ms: env.created_at_ms,
                    received_at_ms: now,
                    center_id: device.center_id.clone(),
                    envelope: text,
                },
            )),
            Err(e) => rejected.push(Rejection {
                index,
                id: Some(env.id),
                reason: RejectReason::Malformed,
                message: e,
            }),
        }
    }
    rejected.sort_by_key(|r| r.index);
    Checked { records, rejected }
}

/// The envelope as stored: its JSON, written once into a buffer of the
/// right size (the ciphertext is most of it).
fn envelope_json(env: &Envelope) -> Result<String, String> {
    let mut text = Vec::with_capacity(env.ciphertext.len() + env.enc.len() + 320);
    serde_json::to_writer(&mut text, env).map_err(|e| e.to_string())?;
    String::from_utf8(text).map_err(|e| e.to_string())
}

/// `POST /v1/envelopes`.
pub async fn post_envelopes(
    State(state): State<AppState>,
    DeviceAuth(device): DeviceAuth,
    req: axum::extract::Request,
) -> AppResult<Json<IngestResponse>> {
    let body = json_bytes(req).await?;
    let key_id = state.keys().key_id().to_owned();
    // At most one parsing and signature-checking thread per core: more would
    // only take CPU from the writer, which every request waits for.
    let permit = state
        .inner
        .verifiers
        .acquire()
        .await
        .map_err(|_| AppError::Unavailable(anyhow::anyhow!("shutting down")))?;
    let checked = crate::bulk::run(move || -> AppResult<Checked> {
        let batch: RawBatch<'_> = serde_json::from_slice(&body)
            .map_err(|e| AppError::InvalidInput(format!("not a batch of envelopes: {e}")))?;
        if batch.envelopes.len() > MAX_BATCH {
            return Err(AppError::PayloadTooLarge(format!(
                "at most {MAX_BATCH} envelopes per batch"
            )));
        }
        Ok(check_all(
            &batch.envelopes,
            batch.batch_signature.as_deref(),
            &device,
            &key_id,
        ))
    })
    .await
    .map_err(AppError::internal)??;
    drop(permit);
    let Checked {
        records,
        mut rejected,
    } = checked;
    let (indexes, records): (Vec<usize>, Vec<NewRecord>) = records.into_iter().unzip();
    let ids: Vec<RecordId> = records.iter().map(|r| r.id).collect();
    let outcomes = if records.is_empty() {
        Vec::new()
    } else {
        state.inner.writer.submit(records, false).await?
    };
    let mut held = Vec::with_capacity(ids.len());
    let mut seen = HashSet::with_capacity(ids.len());
    for ((index, id), outcome) in indexes.into_iter().zip(ids).zip(outcomes) {
        match outcome {
            InsertOutcome::Inserted | InsertOutcome::AlreadyHeld => {
                if seen.insert(id) {
                    held.push(id);
                }
            }
            InsertOutcome::IdConflict => rejected.push(Rejection {
                index,
                id: Some(id),
                reason: RejectReason::IdConflict,
                message: "this record id is already held for another device".into(),
            }),
        }
    }
    rejected.sort_by_key(|r| r.index);
    if !rejected.is_empty() {
        tracing::info!(
            held = held.len(),
            rejected = rejected.len(),
            "batch partly refused"
        );
    }
    Ok(Json(IngestResponse { held, rejected }))
}

/// `POST /v1/alerts`: one alert envelope; answered once it is durable.
pub async fn post_alert(
    State(state): State<AppState>,
    DeviceAuth(device): DeviceAuth,
    req: axum::extract::Request,
) -> AppResult<Json<AlertResponse>> {
    let started = std::time::Instant::now();
    let body = json_bytes(req).await?;
    let raw: &RawValue = serde_json::from_slice(&body)
        .map_err(|e| AppError::InvalidInput(format!("not an envelope: {e}")))?;
    // One envelope: checked right here, so an alert never queues behind the
    // batches' signature checks.
    let mut checked = check_all(&[raw], None, &device, state.keys().key_id());
    if let Some(r) = checked.rejected.pop() {
        return Err(AppError::RefusedEnvelope {
            index: Some(0),
            reason: r.reason,
            message: format!("{:?}: {}", r.reason, r.message),
        });
    }
    let Some((_, record)) = checked.records.pop() else {
        return Err(AppError::InvalidInput("no envelope".into()));
    };
    if record.kind != RecordKind::Alert {
        return Err(AppError::RefusedEnvelope {
            index: Some(0),
            reason: RejectReason::NotAnAlert,
            message: "this route takes alerts only; send other records to /v1/envelopes".into(),
        });
    }
    let id = record.id;
    let outcome = state.inner.writer.submit(vec![record], true).await?;
    match outcome.first() {
        Some(InsertOutcome::Inserted | InsertOutcome::AlreadyHeld) => {
            tracing::debug!(
                micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
                "alert held"
            );
            Ok(Json(AlertResponse { id }))
        }
        Some(InsertOutcome::IdConflict) => Err(AppError::RefusedEnvelope {
            index: Some(0),
            reason: RejectReason::IdConflict,
            message: "this record id is already held for another device".into(),
        }),
        None => Err(AppError::internal(anyhow::anyhow!(
            "no outcome for the alert"
        ))),
    }
}
