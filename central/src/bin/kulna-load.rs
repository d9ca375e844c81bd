//! `kulna-load`: the ingest load benchmark.
//!
//! Starts `kulna-central` (the binary next to this one) on loopback in its
//! own process, over a fresh SQLite database (or the PostgreSQL database given
//! with `--database-url`), then, in this process:
//!
//! 1. measures a `GET /health` baseline with the same number of connections;
//! 2. registers `--devices` devices and seals all their envelopes beforehand
//!    (1 KiB payloads by default), so the generator spends its time sending;
//! 3. sends the batches, one connection per device, while another device
//!    sends an alert every 10 ms to `POST /v1/alerts`;
//! 4. prints envelopes/s, request latency p50/p99, alert latency p50/p99
//!    under that load, the server's resident memory (peak), and the ratios to
//!    the baseline.
//!
//! All along, a probe thread writes 512 bytes into a file beside the
//! database and syncs it (`fdatasync`) every 20 ms: the fastest durable
//! write the disk allows, idle (before the load) and under the ingest's
//! writes. No durable alert can be answered faster than that; the alert's
//! latency is reported as a ratio to it.
//!
//! By default every device sends its next batch as soon as the last is
//! answered (a closed loop: the service saturated, and a request's mean
//! latency is devices × batch size ÷ rate). With `--rate N` the devices
//! together offer N envelopes/s on a fixed schedule instead (an open loop),
//! and a request's latency counts from when it was due, so a service that
//! falls behind is charged for the wait.
//!
//! Batches are signed as a whole, as the app sends them (one signature check
//! per request); `--unsigned-batches` leaves the batch signature out, so the
//! service checks every envelope's own signature.
//!
//! ```sh
//! cargo build --release -p kulna-central --bins
//! $CARGO_TARGET_DIR/release/kulna-load            # or target/release/kulna-load
//! ```

use anyhow::{bail, Context as _};
use clap::Parser;
use kulna_crypto::{
    seal_envelope, DeviceSigningKey, SealInput, SealingPublicKey, SealingSecretKey,
};
use kulna_model::api::{
    IngestResponse, RegisterDeviceRequest, RegisterDeviceResponse, ServiceKeyResponse,
};
use kulna_model::{DeviceId, RecordId, RecordKind};
use std::io::{BufRead as _, BufReader, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Parser)]
#[command(name = "kulna-load", about = "Ingest load benchmark for kulna-central")]
struct Args {
    /// Concurrent devices (one connection each).
    #[arg(long, default_value_t = 32)]
    devices: usize,
    /// Batches each device sends.
    #[arg(long, default_value_t = 40)]
    batches: usize,
    /// Envelopes per batch.
    #[arg(long, default_value_t = 100)]
    batch_size: usize,
    /// Plaintext bytes per envelope.
    #[arg(long, default_value_t = 1024)]
    payload: usize,
    /// `GET /health` requests per connection for the baseline.
    #[arg(long, default_value_t = 1000)]
    health_requests: usize,
    /// PostgreSQL URL of an empty database (default: SQLite in a temporary directory).
    #[arg(long)]
    database_url: Option<String>,
    /// The service binary (default: `kulna-central` next to this one).
    #[arg(long)]
    server_bin: Option<PathBuf>,
    /// Offer this many envelopes/s in all, on a fixed schedule, instead of
    /// sending each device's next batch as soon as the last is answered.
    #[arg(long)]
    rate: Option<f64>,
    /// Send batches without a batch signature, so the service checks every
    /// envelope's own signature (as for a client that does not sign
    /// batches).
    #[arg(long)]
    unsigned_batches: bool,
}

struct Server {
    child: Child,
    url: String,
    dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(args: &Args) -> anyhow::Result<Server> {
    let bin = match &args.server_bin {
        Some(b) => b.clone(),
        None => std::env::current_exe()?.with_file_name("kulna-central"),
    };
    if !bin.exists() {
        bail!(
            "{} not found: build it with `cargo build --release -p kulna-central --bins`",
            bin.display()
        );
    }
    let dir = tempfile::tempdir()?;
    let cmd = |sub: &[&str]| {
        let mut c = Command::new(&bin);
        c.arg("--data-dir")
            .arg(dir.path())
            .args(sub)
            .env("KULNA_OPERATOR_PASSPHRASE", "load benchmark passphrase")
            .env("KULNA_RATE_LIMIT_PER_MINUTE", "100000")
            .env("KULNA_RATE_LIMIT_BURST", "10000")
            .env(
                "KULNA_LOG",
                std::env::var("KULNA_LOAD_SERVER_LOG").unwrap_or_else(|_| "warn".into()),
            );
        match &args.database_url {
            Some(u) => c.env("KULNA_DATABASE_URL", u),
            None => c.env_remove("KULNA_DATABASE_URL"),
        };
        c
    };
    let status = cmd(&["init"]).stdout(Stdio::null()).status()?;
    if !status.success() {
        bail!("kulna-central init failed");
    }
    let mut child = cmd(&["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().context("server stdout")?).read_line(&mut line)?;
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .context("no listening line")?
        .to_owned();
    Ok(Server { child, url, dir })
}

fn memory_kib(pid: u32) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// CPU seconds (user + system) the process has used.
fn cpu_secs(pid: u32) -> f64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let rest = text.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Size of the disk probe's file, written once beforehand so that a probe
/// write never grows it (a sync then has no file size to record).
const PROBE_FILE: usize = 1 << 20;

/// Writes 512 bytes into a file in `dir` and syncs its data, every 20 ms
/// until `stop`; answers each write's latency, sorted.
fn disk_probe(
    dir: &Path,
    name: &str,
    stop: Arc<AtomicBool>,
) -> anyhow::Result<std::thread::JoinHandle<Vec<Duration>>> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(dir.join(name))?;
    file.write_all(&vec![0u8; PROBE_FILE])?;
    file.sync_all()?;
    Ok(std::thread::spawn(move || {
        let block = [0x5a_u8; 512];
        let mut lat = Vec::new();
        let mut offset = 0u64;
        while !stop.load(Ordering::Relaxed) {
            let t = Instant::now();
            let written = file
                .seek(SeekFrom::Start(offset))
                .and_then(|_| file.write_all(&block))
                .and_then(|()| file.sync_data());
            if written.is_err() {
                break;
            }
            lat.push(t.elapsed());
            offset = (offset + 4096) % PROBE_FILE as u64;
            std::thread::sleep(Duration::from_millis(20));
        }
        lat.sort();
        lat
    }))
}

fn join_probe(probe: std::thread::JoinHandle<Vec<Duration>>) -> anyhow::Result<Vec<Duration>> {
    probe
        .join()
        .map_err(|_| anyhow::anyhow!("disk probe thread panicked"))
}

struct Device {
    id: DeviceId,
    signing: DeviceSigningKey,
    token: String,
}

async fn register(client: &reqwest::Client, url: &str) -> anyhow::Result<Device> {
    let id = DeviceId::new_random();
    let signing = DeviceSigningKey::generate()?;
    let sealing = SealingSecretKey::generate();
    let req = RegisterDeviceRequest {
        device_id: id,
        verifying_key: signing.verifying_key().to_base64(),
        sealing_public_key: sealing.public_key().to_base64(),
    };
    let resp: RegisterDeviceResponse = client
        .post(format!("{url}/v1/devices"))
        .json(&req)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(Device {
        id,
        signing,
        token: resp.token,
    })
}

fn seal(
    d: &Device,
    service: &SealingPublicKey,
    kind: RecordKind,
    payload: &[u8],
) -> anyhow::Result<kulna_model::Envelope> {
    Ok(seal_envelope(
        &SealInput {
            id: RecordId::new_v7(),
            kind,
            device_id: d.id,
            created_at_ms: 1_764_000_000_000,
            region: Some(6),
            plaintext: payload,
        },
        service,
        &d.signing,
    )?)
}

fn new_client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(60))
        .build()?)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let server = start_server(&args)?;
    let url = server.url.clone();
    let pid = server.child.id();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "kulna-load: {} devices x {} batches x {} envelopes of {} B ({}), {} backend, server pid {pid} at {url}",
        args.devices,
        args.batches,
        args.batch_size,
        args.payload,
        if args.unsigned_batches { "every envelope's signature checked" } else { "batches signed" },
        if args.database_url.is_some() { "PostgreSQL" } else { "SQLite" }
    )?;
    let (rss_idle, _) = memory_kib(pid);
    writeln!(
        out,
        "machine: {} cores, load average before the run {}",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
        load_average()
    )?;

    // 1. Baselines: GET /health with the same number of connections; the
    // disk's own sync latency from now until the load starts (nothing else
    // writes to it meanwhile).
    let probing = Arc::new(AtomicBool::new(false));
    let idle_probe = disk_probe(server.dir.path(), "disk-probe-idle", probing.clone())?;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..args.devices {
        let (client, url, n) = (new_client()?, url.clone(), args.health_requests);
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(n);
            for _ in 0..n {
                let t = Instant::now();
                let r = client.get(format!("{url}/health")).send().await?;
                r.error_for_status()?.bytes().await?;
                lat.push(t.elapsed());
            }
            anyhow::Ok(lat)
        }));
    }
    let mut health = Vec::new();
    for t in tasks {
        health.extend(t.await??);
    }
    let health_secs = started.elapsed().as_secs_f64();
    health.sort();
    let health_rps = health.len() as f64 / health_secs;

    // 2. Devices and their envelopes, sealed beforehand.
    let client = new_client()?;
    let key: ServiceKeyResponse = client
        .get(format!("{url}/v1/service-key"))
        .send()
        .await?
        .json()
        .await?;
    let service = SealingPublicKey::from_base64(&key.sealing_public_key)?;
    let mut devices = Vec::new();
    for _ in 0..args.devices {
        devices.push(register(&client, &url).await?);
    }
    let alerter = register(&client, &url).await?;
    let payload = vec![b'x'; args.payload];
    let t = Instant::now();
    let bodies: Vec<Vec<axum::body::Bytes>> = std::thread::scope(|s| {
        let handles: Vec<_> = devices
            .chunks(args.devices.div_ceil(2).max(1))
            .map(|chunk| {
                let (service, payload) = (&service, &payload);
                let (batches, size, unsigned) =
                    (args.batches, args.batch_size, args.unsigned_batches);
                s.spawn(move || -> anyhow::Result<Vec<Vec<axum::body::Bytes>>> {
                    let mut all = Vec::new();
                    for d in chunk {
                        let mut mine = Vec::with_capacity(batches);
                        for _ in 0..batches {
                            let texts = (0..size)
                                .map(|_| {
                                    let env = seal(d, service, RecordKind::Report, payload)?;
                                    Ok(serde_json::to_string(&env)?)
                                })
                                .collect::<anyhow::Result<Vec<String>>>()?;
                            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                            // As the app sends them: signed as a batch.
                            let signature = (!unsigned)
                                .then(|| kulna_crypto::sign_batch(&d.id, &texts, &d.signing));
                            mine.push(axum::body::Bytes::from(kulna_model::api::ingest_body(
                                &texts,
                                signature.as_deref(),
                            )));
                        }
                        all.push(mine);
                    }
                    Ok(all)
                })
            })
            .collect();
        let mut all = Vec::new();
        for h in handles {
            all.extend(
                h.join()
                    .map_err(|_| anyhow::anyhow!("sealing thread panicked"))??,
            );
        }
        anyhow::Ok(all)
    })?;
    let alerts: Vec<axum::body::Bytes> = (0..5000)
        .map(|_| {
            Ok(axum::body::Bytes::from(serde_json::to_vec(&seal(
                &alerter,
                &service,
                RecordKind::Alert,
                b"{\"in_danger_now\":true}",
            )?)?))
        })
        .collect::<anyhow::Result<_>>()?;
    writeln!(
        out,
        "sealed {} envelopes in {:.1} s",
        args.devices * args.batches * args.batch_size,
        t.elapsed().as_secs_f64()
    )?;

    // 3. The load, with alerts alongside.
    let done = Arc::new(AtomicBool::new(false));
    // The alerting device has a thread and a runtime of its own, as a phone
    // would: its latency is the service's, not this generator's queue of 32
    // other devices.
    let alert_task = {
        let (client, url, token, done) = (
            new_client()?,
            url.clone(),
            alerter.token.clone(),
            done.clone(),
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::spawn(move || {
            rt.block_on(async move {
                let mut lat = Vec::new();
                let mut tick = tokio::time::interval(Duration::from_millis(10));
                for body in alerts {
                    tick.tick().await;
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    let t = Instant::now();
                    let r = client
                        .post(format!("{url}/v1/alerts"))
                        .header("authorization", format!("Bearer {token}"))
                        .header("content-type", "application/json")
                        .body(body)
                        .send()
                        .await?;
                    r.error_for_status()?.bytes().await?;
                    lat.push(t.elapsed());
                }
                anyhow::Ok(lat)
            })
        })
    };
    let peak = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let sampler = {
        let (done, peak) = (done.clone(), peak.clone());
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                let (rss, _) = memory_kib(pid);
                peak.fetch_max(rss, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    probing.store(true, Ordering::Relaxed);
    let disk_idle = join_probe(idle_probe)?;
    let load_probe = disk_probe(server.dir.path(), "disk-probe-load", done.clone())?;
    let started = Instant::now();
    let cpu_before = cpu_secs(pid);
    // With --rate: when each device's first batch is due (spread over one
    // interval), and the interval between its batches.
    let schedule = |device: usize| {
        args.rate.filter(|r| *r > 0.0).map(|rate| {
            let every = Duration::from_secs_f64((args.devices * args.batch_size) as f64 / rate);
            let first = started + every.mul_f64(device as f64 / args.devices as f64);
            (first, every)
        })
    };
    let mut tasks = Vec::new();
    for (i, (d, mine)) in devices.iter().zip(bodies).enumerate() {
        let (client, url, token) = (new_client()?, url.clone(), d.token.clone());
        let schedule = schedule(i);
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(mine.len());
            let mut held = 0usize;
            for (n, body) in mine.into_iter().enumerate() {
                let t = match schedule {
                    Some((first, every)) => {
                        let due = first + every.mul_f64(n as f64);
                        tokio::time::sleep_until(due.into()).await;
                        due
                    }
                    None => Instant::now(),
                };
                let r = client
                    .post(format!("{url}/v1/envelopes"))
                    .header("authorization", format!("Bearer {token}"))
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await?;
                let r: IngestResponse = r.error_for_status()?.json().await?;
                lat.push(t.elapsed());
                if !r.rejected.is_empty() {
                    bail!("the service refused envelopes: {:?}", r.rejected.first());
                }
                held += r.held.len();
            }
            anyhow::Ok((lat, held))
        }));
    }
    let mut lat = Vec::new();
    let mut held = 0;
    for t in tasks {
        let (l, h) = t.await??;
        lat.extend(l);
        held += h;
    }
    let secs = started.elapsed().as_secs_f64();
    let server_cpu = cpu_secs(pid) - cpu_before;
    done.store(true, Ordering::Relaxed);
    let mut alert_lat = alert_task
        .join()
        .map_err(|_| anyhow::anyhow!("alert thread panicked"))??;
    let disk_load = join_probe(load_probe)?;
    let _ = sampler.await;
    let (_, hwm) = memory_kib(pid);
    lat.sort();
    alert_lat.sort();
    let rate = held as f64 / secs;
    let req_rate = lat.len() as f64 / secs;

    writeln!(
        out,
        "GET /health baseline: {health_rps:.0} req/s, p50 {:.2} ms, p99 {:.2} ms",
        ms(percentile(&health, 0.5)),
        ms(percentile(&health, 0.99))
    )?;
    if let Some(offered) = args.rate {
        writeln!(
            out,
            "offered: {offered:.0} envelopes/s on a fixed schedule (latency counted from when each batch was due)"
        )?;
    }
    writeln!(
        out,
        "ingest: {held} envelopes in {secs:.2} s = {rate:.0} envelopes/s ({req_rate:.0} req/s), request p50 {:.1} ms, p99 {:.1} ms",
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.99))
    )?;
    writeln!(
        out,
        "server CPU during ingest: {server_cpu:.2} s ({:.0} us per envelope, {:.2} cores busy)",
        server_cpu * 1e6 / held.max(1) as f64,
        server_cpu / secs
    )?;
    writeln!(
        out,
        "alerts under load: {} sent, p50 {:.2} ms, p99 {:.2} ms",
        alert_lat.len(),
        ms(percentile(&alert_lat, 0.5)),
        ms(percentile(&alert_lat, 0.99))
    )?;
    writeln!(
        out,
        "disk (512 B + fdatasync beside the database, every 20 ms): idle p50 {:.2} ms, p99 {:.2} ms ({} writes); under the ingest p50 {:.2} ms, p99 {:.2} ms ({} writes)",
        ms(percentile(&disk_idle, 0.5)),
        ms(percentile(&disk_idle, 0.99)),
        disk_idle.len(),
        ms(percentile(&disk_load, 0.5)),
        ms(percentile(&disk_load, 0.99)),
        disk_load.len()
    )?;
    writeln!(
        out,
        "server memory: idle {:.1} MiB, peak during load {:.1} MiB (VmHWM {:.1} MiB)",
        rss_idle as f64 / 1024.0,
        peak.load(Ordering::Relaxed) as f64 / 1024.0,
        hwm as f64 / 1024.0
    )?;
    writeln!(
        out,
        "ratios to the baseline: ingest req/s / health req/s = {:.3}; ingest p99 / health p99 = {:.1}; alert p99 / disk p99 under the ingest = {:.2}",
        req_rate / health_rps,
        ms(percentile(&lat, 0.99)) / ms(percentile(&health, 0.99)).max(1e-6),
        ms(percentile(&alert_lat, 0.99)) / ms(percentile(&disk_load, 0.99)).max(1e-6)
    )?;
    Ok(())
}
