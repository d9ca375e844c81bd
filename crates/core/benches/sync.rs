//! Sync speed, against the real central service on loopback, with its own
//! baseline measured in the same run:
//!
//! 1. **Drain**: 10,000 queued 1 KiB reports sent by the sync engine, in
//!    records/s, as a ratio to the service's own ingest rate (the same
//!    envelopes posted straight from memory, 500 per batch, sequentially and
//!    with 4 requests in flight).
//! 2. **Panic button**: from the IPC call (seal the alert durably on the
//!    device) to the alert durable on the service and acknowledged, with a
//!    10,000-report backlog draining at the same time: p50, p99, max. Where
//!    the time goes, sample by sample: the IPC call itself (sealed and
//!    durable on the device), and `POST /v1/alerts` of an alert sealed
//!    beforehand, posted straight to the service by another device at the
//!    same moment of the same drain (the service's share); the rest is the
//!    alert lane waking, its request, and settling on the device.
//!
//! Run: `cargo bench -p kulna-core --bench sync` (env `SYNC_BENCH_RECORDS`
//! to change the backlog).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "../tests/sync_common/mod.rs"]
mod sync_common;

use kulna_core::{AppData, ServiceUrl, SyncEngine, SyncOptions};
use kulna_model::api::{IngestResponse, RegisterDeviceRequest, RegisterDeviceResponse, MAX_BATCH};
use std::sync::Arc;
use std::time::{Duration, Instant};
use sync_common::{device_with_backlog, Service};

fn records() -> usize {
    std::env::var("SYNC_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// The service's own ingest rate: envelopes already in memory, posted in
/// batches of 500 with `parallel` requests in flight.
async fn baseline(service: &Service, n: usize, parallel: usize) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let key = service.public_key();
    let path = dir.path().to_owned();
    let (data, _) = tokio::task::spawn_blocking(move || device_with_backlog(&path, key, n))
        .await
        .unwrap();
    let v = data.vault();
    let envelopes = v.outbox_next_batch(n).unwrap();
    let client = reqwest::Client::new();
    let reg: RegisterDeviceResponse = client
        .post(format!("{}/v1/devices", service.url))
        .json(&RegisterDeviceRequest {
            device_id: v.device_id(),
            verifying_key: v.device_verifying_key().to_base64(),
            sealing_public_key: v.device_sealing_key().unwrap().to_base64(),
        })
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bodies: Vec<String> = envelopes
        .chunks(MAX_BATCH)
        .map(|c| serde_json::to_string(&serde_json::json!({ "envelopes": c })).unwrap())
        .collect();
    let bodies = Arc::new(std::sync::Mutex::new(bodies));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..parallel {
        let (client, bodies, url, token) = (
            client.clone(),
            bodies.clone(),
            service.url.clone(),
            reg.token.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut held = 0;
            loop {
                let Some(body) = bodies.lock().unwrap().pop() else {
                    return held;
                };
                let r: IngestResponse = client
                    .post(format!("{url}/v1/envelopes"))
                    .header("authorization", format!("Bearer {token}"))
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                held += r.held.len();
            }
        }));
    }
    let mut held = 0;
    for t in tasks {
        held += t.await.unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(held, n);
    n as f64 / secs
}

async fn backlog_device(service: &Service, n: usize) -> (tempfile::TempDir, Arc<AppData>) {
    let dir = tempfile::tempdir().unwrap();
    let key = service.public_key();
    let path = dir.path().to_owned();
    let (data, _) = tokio::task::spawn_blocking(move || device_with_backlog(&path, key, n))
        .await
        .unwrap();
    (dir, data)
}

fn options(service: &Service) -> SyncOptions {
    SyncOptions::new(ServiceUrl::parse(&service.url).unwrap())
}

/// The sync engine draining `n` queued reports, records/s.
async fn drain(service: &Service, n: usize) -> f64 {
    let (_dir, data) = backlog_device(service, n).await;
    let start = Instant::now();
    let engine = SyncEngine::start(data.clone(), options(service)).unwrap();
    let mut rx = engine.subscribe();
    // Wait for the first count, then for nothing waiting.
    loop {
        let s = rx.borrow_and_update().clone();
        if s.waiting.total() == 0 && data.vault().outbox_next_batch(1).unwrap().is_empty() {
            break;
        }
        let _ = tokio::time::timeout(Duration::from_millis(50), rx.changed()).await;
    }
    let secs = start.elapsed().as_secs_f64();
    engine.shutdown().await;
    n as f64 / secs
}

/// Panic button to alert held by the service, while a backlog of `n`
/// reports drains: alerts one after the other, timed only while reports
/// are still waiting; rounds with a fresh backlog until `want` samples.
struct Direct {
    client: reqwest::Client,
    url: String,
    token: String,
    envelopes: Vec<String>,
}

/// Alerts sealed beforehand by another registered device, to post straight
/// to the service.
async fn direct_alerts(service: &Service, n: usize) -> (tempfile::TempDir, Direct) {
    let (dir, data) = backlog_device(service, 0).await;
    let v = data.vault();
    for _ in 0..n {
        v.seal_alert(Some(6), &[b'!'; 256]).unwrap();
    }
    let envelopes = v
        .outbox_next_batch(n)
        .unwrap()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    let client = reqwest::Client::new();
    let reg: RegisterDeviceResponse = client
        .post(format!("{}/v1/devices", service.url))
        .json(&RegisterDeviceRequest {
            device_id: v.device_id(),
            verifying_key: v.device_verifying_key().to_base64(),
            sealing_public_key: v.device_sealing_key().unwrap().to_base64(),
        })
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        dir,
        Direct {
            client,
            url: service.url.clone(),
            token: reg.token,
            envelopes,
        },
    )
}

impl Direct {
    /// One alert posted straight to the service: its round trip.
    async fn post(&mut self) -> Option<Duration> {
        let body = self.envelopes.pop()?;
        let t0 = Instant::now();
        let r = self
            .client
            .post(format!("{}/v1/alerts", self.url))
            .header("authorization", format!("Bearer {}", self.token))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
        let _ = r.bytes().await.unwrap();
        Some(t0.elapsed())
    }
}

/// Samples of one alert: total (button to settled), the IPC call alone, and
/// the service's alert route alone at the same moment.
#[derive(Default)]
struct Samples {
    total: Vec<Duration>,
    ipc: Vec<Duration>,
    service: Vec<Duration>,
}

async fn alert_latency(service: &Service, n: usize, want: usize) -> (Samples, usize) {
    let mut samples = Samples::default();
    let (_direct_dir, mut direct) = direct_alerts(service, want * 2).await;
    let mut rounds = 0;
    while samples.total.len() < want && rounds < 8 {
        rounds += 1;
        let (_dir, data) = backlog_device(service, n).await;
        eprintln!("round {rounds}: backlog ready");
        let engine = SyncEngine::start(data.clone(), options(service)).unwrap();
        let mut rx = engine.subscribe();
        // Let the drain get going, and its counts be shown.
        while rx.borrow_and_update().waiting.reports == 0 {
            let _ = tokio::time::timeout(Duration::from_millis(50), rx.changed()).await;
        }
        loop {
            let t0 = Instant::now();
            let id = engine.raise_alert(Some(6), vec![b'!'; 256]).await.unwrap();
            let ipc = t0.elapsed();
            // Held by the service (durable there) and settled here.
            loop {
                // Checked when the state changes (the alert lane publishes
                // right after settling), not by hammering the vault.
                let _ = tokio::time::timeout(Duration::from_millis(50), rx.changed()).await;
                if data.vault().record(id).unwrap().sent_at_ms.is_some() {
                    break;
                }
            }
            let took = t0.elapsed();
            if samples.total.len() % 50 == 0 {
                eprintln!("{} samples", samples.total.len());
            }
            // The service's share, at the same moment of the same drain.
            let direct_took = direct.post().await;
            if rx.borrow().waiting.reports == 0 {
                break;
            }
            samples.total.push(took);
            samples.ipc.push(ipc);
            samples.service.extend(direct_took);
            tokio::time::sleep(Duration::from_millis(fastrand::u64(0..5))).await;
        }
        eprintln!("round {rounds}: shutting down");
        engine.shutdown().await;
    }
    (samples, rounds)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing
    // we need: run a tiny backlog then, to keep the bench compiling and working.
    let quick = !std::env::args().any(|a| a == "--bench");
    let n = if quick { 200 } else { records() };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let service = Service::start().await;
        let base_seq = baseline(&service, n, 1).await;
        let base_par = baseline(&service, n, 4).await;
        eprintln!("baselines done");
        let sync = drain(&service, n).await;
        eprintln!("drain done");
        println!("sync/drain: {n} queued 1 KiB reports");
        println!("  service ingest, 1 request in flight : {base_seq:>9.0} records/s");
        println!("  service ingest, 4 requests in flight: {base_par:>9.0} records/s");
        println!("  sync engine drain                   : {sync:>9.0} records/s");
        println!(
            "  ratio: {:.2}x of sequential, {:.2}x of saturated ingest (target >= 0.5x)",
            sync / base_seq,
            sync / base_par
        );
        let want = if quick { 20 } else { 200 };
        let (mut samples, rounds) = alert_latency(&service, n, want).await;
        println!(
            "sync/panic-to-durable: {} alerts raised while {n} reports drained ({rounds} rounds)",
            samples.total.len()
        );
        for (name, v) in [
            (
                "button to held and settled (target p99 < 50 ms)",
                &mut samples.total,
            ),
            (
                "  of which the IPC call (sealed, durable here)",
                &mut samples.ipc,
            ),
            ("  POST /v1/alerts alone, same moment", &mut samples.service),
        ] {
            v.sort();
            println!(
                "  {name}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                pct(v, 0.50).as_secs_f64() * 1e3,
                pct(v, 0.99).as_secs_f64() * 1e3,
                pct(v, 1.0).as_secs_f64() * 1e3
            );
        }
    });
}
