//! Harness of the sync tests: the real central service (in process, or the
//! real binary), a fault-injecting TCP proxy, and devices with a backlog.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use kulna_central::service_keys::ServiceKeys;
use kulna_central::store::sqlite::SqliteStore;
use kulna_central::store::Storage;
use kulna_central::AppState;
use kulna_core::{AppData, Clock, KdfCost, Pin, ServiceUrl, SyncEngine, SyncOptions, VaultOptions};
use kulna_crypto::{open_envelope, SealingPublicKey, SealingSecretKey};
use kulna_model::{Envelope, RecordId, RecordKind, SyncState};
use secrecy::SecretString;
use std::collections::HashMap;
use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const PASSPHRASE: &str = "a long operator passphrase for tests";

// ----- the service, in process ------------------------------------------------

pub struct Service {
    pub addr: SocketAddr,
    pub url: String,
    pub state: AppState,
    pub db: PathBuf,
    _dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Service {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl Service {
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("central.sqlite3");
        let store: Arc<dyn Storage> = Arc::new(SqliteStore::open(&db).unwrap());
        let pass = SecretString::from(PASSPHRASE.to_owned());
        let (keys, stored) =
            tokio::task::spawn_blocking(move || ServiceKeys::generate(&pass, 1).unwrap())
                .await
                .unwrap();
        assert!(store.save_service_keys(&stored).await.unwrap());
        let config = kulna_central::config::Config {
            data_dir: dir.path().to_owned(),
            rate_limit_per_minute: 60_000,
            rate_limit_burst: 10_000,
            password_memory_kib: 1024,
            ..Default::default()
        };
        let state = AppState::new(store, keys, config);
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let s = state.clone();
        tokio::spawn(async move {
            kulna_central::serve(s, listener, async move {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        Self {
            addr,
            url: format!("http://{addr}"),
            state,
            db,
            _dir: dir,
            shutdown: Some(tx),
        }
    }

    pub fn public_key(&self) -> SealingPublicKey {
        self.state.keys().sealing_public().clone()
    }

    pub fn secret(&self) -> SealingSecretKey {
        SealingSecretKey::from_bytes(&self.state.keys().sealing_secret().to_bytes()).unwrap()
    }
}

/// Every record the service holds, in the order it stored them.
pub fn service_records(db: &Path) -> Vec<(i64, Envelope)> {
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    let mut stmt = conn
        .prepare("SELECT seq, envelope FROM records ORDER BY seq")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|r| {
            let (seq, text) = r.unwrap();
            (seq, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

pub fn service_count(db: &Path) -> usize {
    let Ok(conn) = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return 0;
    };
    let _ = conn.busy_timeout(Duration::from_secs(5));
    conn.query_row("SELECT COUNT(*) FROM records", [], |r| r.get::<_, i64>(0))
        .map(|n| n as usize)
        .unwrap_or(0)
}

/// Every expected record is on the service exactly once and decrypts to
/// what was written; nothing else is there.
pub fn assert_exactly_once(
    db: &Path,
    secret: &SealingSecretKey,
    expected: &HashMap<RecordId, Vec<u8>>,
) {
    let held = service_records(db);
    let mut seen: HashMap<RecordId, usize> = HashMap::new();
    let mut plaintexts = std::collections::HashSet::new();
    for (_, env) in &held {
        *seen.entry(env.id).or_default() += 1;
        let plain = open_envelope(env, secret).expect("every record decrypts");
        let want = expected
            .get(&env.id)
            .unwrap_or_else(|| panic!("the service holds a record nobody wrote: {}", env.id));
        assert_eq!(
            plain.as_slice(),
            want.as_slice(),
            "record {} differs",
            env.id
        );
        assert!(
            plaintexts.insert(plain.to_vec()),
            "the same record twice under two ids"
        );
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "held twice: {twice:?}");
    let missing: Vec<_> = expected
        .keys()
        .filter(|id| !seen.contains_key(id))
        .collect();
    assert!(
        missing.is_empty(),
        "{} records never arrived",
        missing.len()
    );
    assert_eq!(held.len(), expected.len());
}

// ----- the real binary -----------------------------------------------------

/// The `kulna-central` binary, built by `cargo build -p kulna-central`.
pub fn central_binary() -> PathBuf {
    if let Ok(p) = std::env::var("KULNA_CENTRAL_BIN") {
        return PathBuf::from(p);
    }
    // target/<profile>/deps/<this test> → target/<profile>/kulna-central
    let exe = std::env::current_exe().unwrap();
    let mut candidates = Vec::new();
    if let Some(profile_dir) = exe.parent().and_then(Path::parent) {
        candidates.push(profile_dir.join("kulna-central"));
    }
    if let Ok(t) = std::env::var("CARGO_TARGET_DIR") {
        candidates.push(Path::new(&t).join("debug").join("kulna-central"));
    }
    for c in &candidates {
        if c.is_file() {
            return c.clone();
        }
    }
    panic!(
        "the kulna-central binary is missing (looked at {candidates:?}). \
         Build it first: `cargo build -p kulna-central` (with the same CARGO_TARGET_DIR), \
         or set KULNA_CENTRAL_BIN to its path."
    );
}

pub fn central_command(dir: &Path) -> Command {
    let mut c = Command::new(central_binary());
    c.arg("--data-dir")
        .arg(dir)
        .env("KULNA_OPERATOR_PASSPHRASE", PASSPHRASE)
        .env("KULNA_RATE_LIMIT_PER_MINUTE", "60000")
        .env("KULNA_RATE_LIMIT_BURST", "10000")
        .env_remove("KULNA_DATABASE_URL");
    c
}

pub fn central_init(dir: &Path) {
    let out = central_command(dir).arg("init").output().unwrap();
    assert!(
        out.status.success(),
        "init failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts `kulna-central serve` and returns it with its address.
pub fn central_serve(dir: &Path) -> (Child, SocketAddr) {
    let mut child = central_command(dir)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .parse()
        .unwrap();
    (child, addr)
}

pub fn central_db(dir: &Path) -> PathBuf {
    dir.join("kulna-central.sqlite3")
}

pub async fn central_secret(dir: &Path) -> SealingSecretKey {
    let store: Arc<dyn Storage> = Arc::new(SqliteStore::open(&central_db(dir)).unwrap());
    let keys = kulna_central::open_keys(&store, SecretString::from(PASSPHRASE.to_owned()))
        .await
        .unwrap();
    SealingSecretKey::from_bytes(&keys.sealing_secret().to_bytes()).unwrap()
}

// ----- the fault-injecting proxy ------------------------------------------

/// What the proxy does to each new connection while faults are on, in
/// weights (the rest passes clean).
#[derive(Debug, Clone, Copy, Default)]
pub struct Faults {
    pub cut_request: u32,
    pub cut_response: u32,
    pub delay: u32,
    pub status_500: u32,
    pub status_503: u32,
    pub status_429: u32,
    pub pass: u32,
}

#[derive(Debug, Default)]
pub struct FaultCounts {
    pub cut_request: AtomicU64,
    pub cut_response: AtomicU64,
    pub delay: AtomicU64,
    pub status_500: AtomicU64,
    pub status_503: AtomicU64,
    pub status_429: AtomicU64,
    pub pass: AtomicU64,
}

impl FaultCounts {
    pub fn faults(&self) -> u64 {
        [
            &self.cut_request,
            &self.cut_response,
            &self.delay,
            &self.status_500,
            &self.status_503,
            &self.status_429,
        ]
        .iter()
        .map(|c| c.load(Ordering::SeqCst))
        .sum()
    }
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    Pass,
    CutRequest(usize),
    CutResponse(usize),
    Delay(Duration),
    Status(u16),
}

pub struct Proxy {
    pub addr: SocketAddr,
    pub url: String,
    upstream: Arc<Mutex<SocketAddr>>,
    faulty: Arc<AtomicBool>,
    pub counts: Arc<FaultCounts>,
    /// Bytes forwarded from clients to the service.
    pub forwarded: Arc<AtomicUsize>,
    /// One-shot faults and a bandwidth limit, set while running.
    pub extra: Arc<Extra>,
}

/// Faults armed by hand: a cut at a given byte of all the traffic to the
/// service, one altered byte in the next upload chunk, a bandwidth limit.
#[derive(Debug, Default)]
pub struct Extra {
    /// Cut the connection carrying the byte at this position of everything
    /// forwarded to the service (0: none). Fires once.
    pub cut_at: AtomicUsize,
    /// Cuts done by `cut_at`.
    pub cuts: AtomicU64,
    /// Flip one byte in the body of the next `PATCH /v1/uploads` request.
    pub tamper_next_chunk: AtomicBool,
    /// Flip one byte in the body of every `PATCH /v1/uploads` request.
    pub tamper_every_chunk: AtomicBool,
    /// Bytes altered.
    pub tampered: AtomicU64,
    /// Bytes per second to the service, shared by every connection (0: no limit).
    pub rate: AtomicUsize,
    next_free: Mutex<Option<Instant>>,
    /// Bytes per second from the service, shared by every connection (0: no limit).
    pub down_rate: AtomicUsize,
    next_free_down: Mutex<Option<Instant>>,
}

impl Extra {
    /// Waits for `n` bytes' turn on the shared link to the service.
    async fn pace(&self, n: usize) {
        Self::pace_on(n, &self.rate, &self.next_free).await;
    }

    /// Waits for `n` bytes' turn on the shared link from the service.
    async fn pace_down(&self, n: usize) {
        Self::pace_on(n, &self.down_rate, &self.next_free_down).await;
    }

    async fn pace_on(n: usize, rate: &AtomicUsize, next_free: &Mutex<Option<Instant>>) {
        let rate = rate.load(Ordering::SeqCst);
        if rate == 0 {
            return;
        }
        let cost = Duration::from_secs_f64(n as f64 / rate as f64);
        let done = {
            let mut next = next_free.lock().unwrap();
            let start = next.map_or(Instant::now(), |t| t.max(Instant::now()));
            let done = start + cost;
            *next = Some(done);
            done
        };
        tokio::time::sleep_until(done.into()).await;
    }

    /// Alters the body of an upload chunk (once when armed, or every one).
    /// `pending` is this connection's memory that a chunk's head went by
    /// without body.
    fn tamper(&self, buf: &mut [u8], pending: &mut bool) {
        let every = self.tamper_every_chunk.load(Ordering::SeqCst);
        if !every && !self.tamper_next_chunk.load(Ordering::SeqCst) {
            return;
        }
        let body_at = if *pending {
            Some(0)
        } else {
            find(buf, b"PATCH /v1/uploads/")
                .and_then(|head| find(&buf[head..], b"\r\n\r\n").map(|end| head + end + 4))
        };
        let Some(at) = body_at else {
            return;
        };
        if at < buf.len() {
            if every
                || self
                    .tamper_next_chunk
                    .compare_exchange(true, false, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok()
            {
                buf[at] ^= 0x01;
                self.tampered.fetch_add(1, Ordering::SeqCst);
            }
            *pending = false;
        } else {
            *pending = true;
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Proxy {
    pub async fn start(upstream: SocketAddr, faults: Faults) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let upstream = Arc::new(Mutex::new(upstream));
        let faulty = Arc::new(AtomicBool::new(faults.pass != u32::MAX));
        let counts = Arc::new(FaultCounts::default());
        let forwarded = Arc::new(AtomicUsize::new(0));
        let extra = Arc::new(Extra::default());
        let (u, f, c, fw, ex) = (
            upstream.clone(),
            faulty.clone(),
            counts.clone(),
            forwarded.clone(),
            extra.clone(),
        );
        tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    return;
                };
                let faulty = f.load(Ordering::SeqCst);
                let mode = if faulty { pick(&faults) } else { Mode::Pass };
                count(&c, mode);
                let target = *u.lock().unwrap();
                tokio::spawn(handle(client, target, mode, faulty, fw.clone(), ex.clone()));
            }
        });
        Self {
            addr,
            url: format!("http://{addr}"),
            upstream,
            faulty,
            counts,
            forwarded,
            extra,
        }
    }

    /// A proxy that never injects faults (a stable address in front of a
    /// service that restarts on other ports).
    pub async fn clean(upstream: SocketAddr) -> Self {
        Self::start(
            upstream,
            Faults {
                pass: u32::MAX,
                ..Faults::default()
            },
        )
        .await
    }

    pub fn set_upstream(&self, addr: SocketAddr) {
        *self.upstream.lock().unwrap() = addr;
    }

    /// Faults off: every new connection passes clean.
    pub fn calm(&self) {
        self.faulty.store(false, Ordering::SeqCst);
    }
}

fn pick(f: &Faults) -> Mode {
    let total = f.cut_request
        + f.cut_response
        + f.delay
        + f.status_500
        + f.status_503
        + f.status_429
        + f.pass;
    let mut r = fastrand::u32(0..total.max(1));
    let mut take = |w: u32| {
        if r < w {
            true
        } else {
            r -= w;
            false
        }
    };
    if take(f.cut_request) {
        Mode::CutRequest(fastrand::usize(0..40_000))
    } else if take(f.cut_response) {
        Mode::CutResponse(fastrand::usize(0..2_000))
    } else if take(f.delay) {
        Mode::Delay(Duration::from_millis(fastrand::u64(50..1_500)))
    } else if take(f.status_500) {
        Mode::Status(500)
    } else if take(f.status_503) {
        Mode::Status(503)
    } else if take(f.status_429) {
        Mode::Status(429)
    } else {
        Mode::Pass
    }
}

fn count(c: &FaultCounts, mode: Mode) {
    let counter = match mode {
        Mode::Pass => &c.pass,
        Mode::CutRequest(_) => &c.cut_request,
        Mode::CutResponse(_) => &c.cut_response,
        Mode::Delay(_) => &c.delay,
        Mode::Status(500) => &c.status_500,
        Mode::Status(503) => &c.status_503,
        Mode::Status(_) => &c.status_429,
    };
    counter.fetch_add(1, Ordering::SeqCst);
}

async fn handle(
    mut client: TcpStream,
    target: SocketAddr,
    mode: Mode,
    faulty: bool,
    forwarded: Arc<AtomicUsize>,
    extra: Arc<Extra>,
) {
    if let Mode::Status(code) = mode {
        // Read the request head, answer without asking the service.
        let mut buf = vec![0u8; 64 * 1024];
        let mut seen = Vec::new();
        while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
            match client.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
        let (reason, extra) = match code {
            500 => ("Internal Server Error", ""),
            503 => ("Service Unavailable", "retry-after: 1\r\n"),
            _ => ("Too Many Requests", "retry-after: 1\r\n"),
        };
        let body = r#"{"error":"unavailable","message":"injected"}"#;
        let resp = format!(
            "HTTP/1.1 {code} {reason}\r\ncontent-type: application/json\r\n{extra}content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = client.write_all(resp.as_bytes()).await;
        let _ = client.shutdown().await;
        return;
    }
    if let Mode::Delay(d) = mode {
        tokio::time::sleep(d).await;
    }
    let Ok(server) = TcpStream::connect(target).await else {
        return;
    };
    let down_extra = extra.clone();
    let (mut cr, mut cw) = client.into_split();
    let (mut sr, mut sw) = server.into_split();
    let up_limit = match mode {
        Mode::CutRequest(n) => Some(n),
        // While faults are on, even a clean connection does not live long:
        // the client must keep making new ones (as on a mobile network).
        Mode::Pass | Mode::Delay(_) | Mode::CutResponse(_) if faulty => {
            Some(fastrand::usize(20_000..120_000))
        }
        _ => None,
    };
    let down_limit = match mode {
        Mode::CutResponse(n) => Some(n),
        _ => None,
    };
    let up = async move {
        let mut buf = vec![0u8; 16 * 1024];
        let mut sent = 0usize;
        let mut tamper_pending = false;
        loop {
            let n = match cr.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            extra.pace(n).await;
            extra.tamper(&mut buf[..n], &mut tamper_pending);
            let cut = extra.cut_at.load(Ordering::SeqCst);
            let before = forwarded.load(Ordering::SeqCst);
            if cut != 0
                && before + n >= cut
                && extra
                    .cut_at
                    .compare_exchange(cut, 0, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok()
            {
                let keep = cut.saturating_sub(before).min(n);
                let _ = sw.write_all(&buf[..keep]).await;
                forwarded.fetch_add(keep, Ordering::SeqCst);
                extra.cuts.fetch_add(1, Ordering::SeqCst);
                break;
            }
            let n = match up_limit {
                Some(limit) if sent + n >= limit => {
                    let _ = sw.write_all(&buf[..limit - sent]).await;
                    forwarded.fetch_add(limit - sent, Ordering::SeqCst);
                    break;
                }
                _ => n,
            };
            if sw.write_all(&buf[..n]).await.is_err() {
                break;
            }
            forwarded.fetch_add(n, Ordering::SeqCst);
            sent += n;
        }
    };
    let down = async move {
        let mut buf = vec![0u8; 16 * 1024];
        let mut sent = 0usize;
        loop {
            let n = match sr.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            down_extra.pace_down(n).await;
            let n = match down_limit {
                Some(limit) if sent + n >= limit => {
                    let _ = cw.write_all(&buf[..limit - sent]).await;
                    break;
                }
                _ => n,
            };
            if cw.write_all(&buf[..n]).await.is_err() {
                break;
            }
            sent += n;
        }
    };
    // Whichever side stops first (or is cut) ends the connection both ways.
    tokio::select! {
        _ = up => {}
        _ = down => {}
    }
}

// ----- devices --------------------------------------------------------------

pub fn cheap() -> KdfCost {
    KdfCost::insecure_for_tests(NonZeroU32::new(1_000).unwrap())
}

/// A device clock the test sets by hand (offset from the real clock).
#[derive(Debug, Default)]
pub struct SkewedClock(pub std::sync::atomic::AtomicI64);

impl SkewedClock {
    pub fn set_offset_days(&self, days: i64) {
        self.0.store(days * 86_400_000, Ordering::SeqCst);
    }
}

impl Clock for SkewedClock {
    fn now_ms(&self) -> i64 {
        kulna_core::SystemClock.now_ms() + self.0.load(Ordering::SeqCst)
    }
}

pub fn open_device(
    dir: &Path,
    service: Option<SealingPublicKey>,
    clock: Arc<dyn Clock>,
) -> Arc<AppData> {
    Arc::new(
        AppData::open_with(
            dir,
            VaultOptions {
                kdf_cost: cheap(),
                service_key: service,
                clock,
            },
        )
        .unwrap(),
    )
}

/// A device with its PIN set (so it has its sealing key) and `reports`
/// queued, plus the payload of each record by id.
pub fn device_with_backlog(
    dir: &Path,
    service: SealingPublicKey,
    reports: usize,
) -> (Arc<AppData>, HashMap<RecordId, Vec<u8>>) {
    let data = open_device(dir, Some(service), Arc::new(kulna_core::SystemClock));
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    let mut expected = HashMap::new();
    for n in 0..reports {
        let p = payload("report", n);
        let id = data
            .vault()
            .save_record(kulna_core::NewRecord {
                kind: RecordKind::Report,
                region: Some((n % 12) as u8 + 1),
                payload: &p,
            })
            .unwrap();
        expected.insert(id, p);
    }
    (data, expected)
}

/// A 1 KiB payload, unique per (label, n).
pub fn payload(label: &str, n: usize) -> Vec<u8> {
    let mut p = format!("{label} {n} {} ", fastrand::u64(..)).into_bytes();
    p.resize(1024, b'.');
    p
}

/// Options for tests: short waits so that retries happen in test time.
pub fn fast_options(url: &str) -> SyncOptions {
    let mut o = SyncOptions::new(ServiceUrl::parse(url).unwrap());
    o.retry_base = Duration::from_millis(20);
    o.retry_cap = Duration::from_millis(400);
    o.alert_retry_base = Duration::from_millis(20);
    o.alert_retry_cap = Duration::from_millis(300);
    o.connect_timeout = Duration::from_secs(2);
    o.request_timeout = Duration::from_secs(3);
    o.alert_timeout = Duration::from_secs(2);
    o.interval = Duration::from_secs(2);
    o
}

/// Waits until the engine's state satisfies `done`, or fails after `limit`.
pub async fn wait_state(
    engine: &SyncEngine,
    limit: Duration,
    done: impl Fn(&SyncState) -> bool,
) -> SyncState {
    let mut rx = engine.subscribe();
    let deadline = Instant::now() + limit;
    loop {
        let s = rx.borrow_and_update().clone();
        if done(&s) {
            return s;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            panic!("timed out; last state: {s:?}");
        }
        let _ = tokio::time::timeout(left.min(Duration::from_millis(200)), rx.changed()).await;
    }
}

/// Counts what `count` finds (off the runtime) every 20 ms until it is 0;
/// fails after `limit`, saying how many `what` were left.
async fn wait_for_none(
    limit: Duration,
    what: &str,
    count: impl Fn() -> i64 + Clone + Send + 'static,
) {
    let deadline = Instant::now() + limit;
    loop {
        let left = tokio::task::spawn_blocking(count.clone()).await.unwrap();
        if left == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{left} {what} still there after {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until nothing waits in the device's outbox (every record settled).
pub async fn wait_drained(data: &Arc<AppData>, limit: Duration) {
    let data = data.clone();
    wait_for_none(limit, "records waiting", move || {
        let waiting = data.vault().outbox_next_batch(1).unwrap();
        i64::from(!waiting.is_empty())
    })
    .await;
}

/// Waits until the engine has deleted the outbox rows of everything the
/// service holds (the purge after a pass): no outbox row is left at all.
pub async fn wait_purged(data: &Arc<AppData>, limit: Duration) {
    let path = data.vault().path().to_owned();
    wait_for_none(limit, "outbox rows", move || {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.busy_timeout(Duration::from_secs(5)).unwrap();
        conn.query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
            .unwrap()
    })
    .await;
}

/// A device of its own (in the returned directory) with `reports` 1 KiB
/// reports queued for `service`, and what each should decrypt to.
pub async fn backlog_device(
    service: &Service,
    reports: usize,
) -> (tempfile::TempDir, Arc<AppData>, HashMap<RecordId, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    let key = service.public_key();
    let path = dir.path().to_owned();
    let (data, expected) =
        tokio::task::spawn_blocking(move || device_with_backlog(&path, key, reports))
            .await
            .unwrap();
    (dir, data, expected)
}

/// Runs the test `name` of the current test binary as a child process (a
/// client that can be killed for real) with `env` set, and returns once it
/// prints `STARTED`.
pub fn spawn_child_test(name: &str, env: &[(&str, &std::ffi::OsStr)]) -> Child {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(&exe)
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        match lines.next() {
            Some(Ok(l)) if l.trim_end().ends_with("STARTED") => break,
            Some(Ok(_)) => {}
            _ => panic!("the child test {name} did not start"),
        }
    }
    child
}
