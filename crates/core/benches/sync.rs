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
//! to change the backlog, `SYNC_BENCH_ROUNDS` the drain's rounds (5),
//! `SYNC_BENCH_ONLY=drain` or `alerts` to run one part,
//! `SYNC_BENCH_PIPELINE` the batches in flight, `SYNC_BENCH_PAUSE=1` to
//! wait 2 s before each drain, after "drain: backlog ready", so a profiler
//! can attach: `perf record --call-graph dwarf -p PID`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "../tests/sync_common/mod.rs"]
mod sync_common;

use kulna_core::{ServiceUrl, SyncEngine, SyncOptions};
use kulna_model::api::{IngestResponse, RegisterDeviceRequest, RegisterDeviceResponse, MAX_BATCH};
use std::sync::Arc;
use std::time::{Duration, Instant};
use sync_common::{backlog_device, device_with_backlog, Service};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// CPU time this process has used (user + system), from `/proc/self/stat`
/// (in its clock ticks of 1/100 s); zero where that file does not exist.
fn cpu_secs() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name's closing parenthesis: utime is the
    // 12th, stime the 13th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// A rate, and how many cores this process (device and service) kept busy
/// meanwhile.
#[derive(Clone, Copy)]
struct Rate {
    per_sec: f64,
    cores: f64,
    /// For the drain: from its end until the sent envelopes' rows are
    /// deleted (the purge, local housekeeping that follows).
    purge: Duration,
}

/// Which parts to run: `SYNC_BENCH_ONLY=drain` or `alerts`; both by default.
fn runs(part: &str) -> bool {
    std::env::var("SYNC_BENCH_ONLY").map_or(true, |only| only == part)
}

/// The service's own ingest rate: envelopes already in memory, posted in
/// batches of 500 with `parallel` requests in flight.
async fn baseline(service: &Service, n: usize, parallel: usize) -> Rate {
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
    // As the engine sends them: signed as a batch.
    let bodies: Vec<String> = envelopes
        .chunks(MAX_BATCH)
        .map(|c| {
            let texts: Vec<String> = c
                .iter()
                .map(|e| serde_json::to_string(e).unwrap())
                .collect();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            kulna_model::api::ingest_body(&texts, Some(&v.sign_batch(&texts)))
        })
        .collect();
    let bodies = Arc::new(std::sync::Mutex::new(bodies));
    let (start, cpu) = (Instant::now(), cpu_secs());
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
    Rate {
        per_sec: n as f64 / secs,
        cores: (cpu_secs() - cpu) / secs,
        purge: Duration::ZERO,
    }
}

fn options(service: &Service) -> SyncOptions {
    let mut o = SyncOptions::new(ServiceUrl::parse(&service.url).unwrap());
    o.pipeline = env_number("SYNC_BENCH_PIPELINE", o.pipeline);
    o
}

/// The sync engine draining `n` queued reports, records/s.
async fn drain(service: &Service, n: usize) -> Rate {
    let (_dir, data, _) = backlog_device(service, n).await;
    if std::env::var_os("SYNC_BENCH_PAUSE").is_some() {
        // Time to attach a profiler to this process for the drain alone.
        eprintln!("drain: backlog ready");
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let (start, cpu) = (Instant::now(), cpu_secs());
    let engine = SyncEngine::start(data.clone(), options(service)).unwrap();
    let mut rx = engine.subscribe();
    // Until nothing is waiting: looked at every 5 ms (and at each state
    // the engine publishes), so the end is seen within 5 ms of happening.
    loop {
        let s = rx.borrow_and_update().clone();
        if s.waiting.total() == 0 && data.vault().outbox_next_batch(1).unwrap().is_empty() {
            break;
        }
        let _ = tokio::time::timeout(Duration::from_millis(5), rx.changed()).await;
    }
    let secs = start.elapsed().as_secs_f64();
    let cores = (cpu_secs() - cpu) / secs;
    let purging = Instant::now();
    sync_common::wait_purged(&data, Duration::from_secs(120)).await;
    let purge = purging.elapsed();
    engine.shutdown().await;
    Rate {
        per_sec: n as f64 / secs,
        cores,
        purge,
    }
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
    let (dir, data, _) = backlog_device(service, 0).await;
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
        let (_dir, data, _) = backlog_device(service, n).await;
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
    let n = if quick {
        200
    } else {
        env_number("SYNC_BENCH_RECORDS", 10_000)
    };
    let rounds = if quick {
        1
    } else {
        env_number("SYNC_BENCH_ROUNDS", 5).max(1)
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let service = Service::start().await;
        if runs("drain") {
            // Each round measures the drain and both baselines afresh, in
            // alternating order, so a noisy moment of this machine moves one
            // round's ratio, not the figure.
            println!("sync/drain: {n} queued 1 KiB reports, {rounds} rounds");
            let mut ratios = Vec::new();
            for round in 0..rounds {
                let (seq, par, sync) = if round % 2 == 0 {
                    let sync = drain(&service, n).await;
                    let par = baseline(&service, n, 4).await;
                    let seq = baseline(&service, n, 1).await;
                    (seq, par, sync)
                } else {
                    let seq = baseline(&service, n, 1).await;
                    let par = baseline(&service, n, 4).await;
                    let sync = drain(&service, n).await;
                    (seq, par, sync)
                };
                println!(
                    "  round {}: ingest 1 in flight {:>6.0}/s ({:.2} cores), 4 in flight {:>6.0}/s ({:.2} cores); \
                     sync engine drain {:>6.0}/s ({:.2} cores) = {:.2}x of sequential, {:.2}x of saturated; \
                     sent rows then deleted in {:.0} ms",
                    round + 1,
                    seq.per_sec,
                    seq.cores,
                    par.per_sec,
                    par.cores,
                    sync.per_sec,
                    sync.cores,
                    sync.per_sec / seq.per_sec,
                    sync.per_sec / par.per_sec,
                    sync.purge.as_secs_f64() * 1000.0
                );
                ratios.push((sync.per_sec / par.per_sec, sync.per_sec / seq.per_sec));
            }
            ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
            let median = ratios[ratios.len() / 2];
            println!(
                "  median round: {:.2}x of saturated ingest (target >= 0.5x), {:.2}x of sequential; \
                 range {:.2}-{:.2}x of saturated",
                median.0,
                median.1,
                ratios[0].0,
                ratios[ratios.len() - 1].0
            );
        }
        if !runs("alerts") {
            return;
        }
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
