//! Large records (voice notes, photos) through the sync client to the real
//! central service on loopback, with things broken on purpose: connections
//! cut mid-request and mid-answer, a cut at a chosen byte, the client
//! SIGKILLed mid-upload, a chunk altered on the way, an alert raised while
//! an upload holds the link.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod sync_common;

use kulna_core::{AppData, NewRecord, Pin, SyncEngine, SystemClock};
use kulna_model::{RecordId, RecordKind};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};
use sync_common::*;

const MIB: usize = 1024 * 1024;
/// HTTP heads and the small requests around an upload (key, limits,
/// registration, declarations, status pulls): generous.
const OVERHEAD: usize = 96 * 1024;

fn big_payload(len: usize) -> Vec<u8> {
    let mut p = vec![0u8; len];
    fastrand::fill(&mut p);
    p
}

fn save(data: &AppData, kind: RecordKind, payload: &[u8]) -> RecordId {
    data.vault()
        .save_record(NewRecord {
            kind,
            region: Some(6),
            payload,
        })
        .unwrap()
}

fn device(dir: &Path, service: &Service) -> Arc<AppData> {
    let data = open_device(dir, Some(service.public_key()), Arc::new(SystemClock));
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    data
}

/// The envelope text of a record waiting in the outbox, as it is uploaded.
fn envelope_len(dir: &Path, id: RecordId) -> usize {
    let conn = rusqlite::Connection::open(dir.join("kulna.sqlite")).unwrap();
    conn.query_row(
        "SELECT length(CAST(envelope AS BLOB)) FROM outbox WHERE record_id = ?1",
        [&id.as_bytes()[..]],
        |r| r.get::<_, i64>(0),
    )
    .unwrap() as usize
}

/// What the service holds of a device's upload (0: nothing yet).
async fn held_bytes(service: &Service, device: kulna_model::DeviceId, id: RecordId) -> u64 {
    service
        .state
        .store()
        .upload(device, id)
        .await
        .unwrap()
        .map_or(0, |u| u.received)
}

/// A 3 MiB record (with small ones and alerts around it) through a network
/// that cuts requests and answers, delays, and answers 500/503/429: once it
/// calms down, every record is on the service exactly once, the large one
/// intact.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_3_mib_record_arrives_once_and_intact_through_a_faulty_network() {
    let service = Service::start().await;
    let proxy = Proxy::start(
        service.addr,
        Faults {
            cut_request: 3,
            cut_response: 3,
            delay: 1,
            status_500: 1,
            status_503: 1,
            status_429: 1,
            pass: 3,
        },
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let data = device(dir.path(), &service);
    let mut expected = HashMap::new();
    for n in 0..20 {
        let p = payload("around", n);
        let kind = if n % 10 == 0 {
            RecordKind::Alert
        } else {
            RecordKind::Report
        };
        expected.insert(save(&data, kind, &p), p);
    }
    let big = big_payload(3 * MIB);
    let big_id = save(&data, RecordKind::Report, &big);
    expected.insert(big_id, big);
    for n in 20..30 {
        let p = payload("around", n);
        expected.insert(save(&data, RecordKind::SupportRequest, &p), p);
    }
    let engine = SyncEngine::start(data.clone(), fast_options(&proxy.url)).unwrap();
    // Faults until the upload has been cut several times and got somewhere.
    let deadline = Instant::now() + Duration::from_secs(60);
    let device_id = data.vault().device_id();
    loop {
        let held = held_bytes(&service, device_id, big_id).await;
        if proxy.counts.faults() >= 40 && held >= MIB as u64 {
            println!(
                "upload at {held} bytes after {} faults",
                proxy.counts.faults()
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no progress through the faults: {held} bytes held, {} faults",
            proxy.counts.faults()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let load = |a: &std::sync::atomic::AtomicU64| a.load(Ordering::SeqCst);
    assert!(load(&proxy.counts.cut_request) > 0 && load(&proxy.counts.cut_response) > 0);
    proxy.calm();
    engine.send_now();
    wait_drained(&data, Duration::from_secs(90)).await;
    let state = wait_state(&engine, Duration::from_secs(20), |s| {
        s.waiting.total() == 0 && s.problem.is_none() && s.upload.is_none()
    })
    .await;
    assert_eq!(state.refused, 0);
    assert_exactly_once(&service.db, &service.secret(), &expected);
    engine.shutdown().await;
}

/// A connection cut in the middle of the upload (at 1.5 MiB of traffic):
/// the client goes on from the offset the service holds, so the bytes it
/// sends in all are the record's plus at most the chunk that was cut.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_cut_the_bytes_held_are_not_sent_again() {
    let service = Service::start().await;
    let proxy = Proxy::clean(service.addr).await;
    let dir = tempfile::tempdir().unwrap();
    let data = device(dir.path(), &service);
    let big = big_payload(3 * MIB);
    let id = save(&data, RecordKind::Report, &big);
    let size = envelope_len(dir.path(), id);
    proxy.extra.cut_at.store(3 * MIB / 2, Ordering::SeqCst);
    let engine = SyncEngine::start(data.clone(), fast_options(&proxy.url)).unwrap();
    wait_drained(&data, Duration::from_secs(60)).await;
    engine.shutdown().await;
    assert_eq!(
        proxy.extra.cuts.load(Ordering::SeqCst),
        1,
        "no cut happened"
    );
    let forwarded = proxy.forwarded.load(Ordering::SeqCst);
    let chunk = service
        .state
        .config()
        .upload_chunk_bytes
        .min(service.state.config().body_limit_bytes);
    println!("envelope {size} bytes, {forwarded} bytes sent through the proxy");
    assert!(
        forwarded <= size + chunk + OVERHEAD,
        "{forwarded} bytes sent for a {size}-byte envelope: bytes held were sent again"
    );
    assert!(forwarded >= size);
    assert_exactly_once(&service.db, &service.secret(), &HashMap::from([(id, big)]));
}

const CHILD_DIR: &str = "KULNA_UPLOAD_CHILD_DIR";
const CHILD_URL: &str = "KULNA_UPLOAD_CHILD_URL";

/// The client process of the next test: syncs the device in `CHILD_DIR` to
/// `CHILD_URL` until it is killed.
#[test]
fn upload_child() {
    let (Ok(dir), Ok(url)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_URL)) else {
        return;
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let data = open_device(Path::new(&dir), None, Arc::new(SystemClock));
        let _engine = SyncEngine::start(data, fast_options(&url)).unwrap();
        let mut out = std::io::stdout().lock();
        writeln!(out, "STARTED").unwrap();
        out.flush().unwrap();
        drop(out);
        tokio::time::sleep(Duration::from_secs(3600)).await;
    });
}

/// The app SIGKILLed mid-upload, three times, over a slow link: each new
/// process goes on from the offset the service holds (never from zero), and
/// the record arrives once, intact.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_killed_mid_upload_resumes_from_the_services_offset() {
    let service = Service::start().await;
    let proxy = Proxy::clean(service.addr).await;
    // About 1.5 s for the whole envelope: kills land mid-upload.
    proxy.extra.rate.store(3 * MIB, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let data = device(dir.path(), &service);
    let big = big_payload(3 * MIB);
    let id = save(&data, RecordKind::Report, &big);
    let size = envelope_len(dir.path(), id);
    let device_id = data.vault().device_id();
    drop(data);
    let spawn = || {
        spawn_child_test(
            "upload_child",
            &[
                (CHILD_DIR, dir.path().as_os_str()),
                (CHILD_URL, proxy.url.as_ref()),
            ],
        )
    };
    let mut last = 0u64;
    for kill in 1..=3u64 {
        let mut child = tokio::task::block_in_place(spawn);
        // Each run gets a quarter of the way further, then dies.
        let target = size as u64 * kill / 4;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let held = held_bytes(&service, device_id, id).await;
            if held >= target {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "run {kill} made no progress ({held} bytes held)"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let held = held_bytes(&service, device_id, id).await;
        assert!(held > last, "the upload went back");
        assert!(held < size as u64, "killed too late to prove anything");
        last = held;
    }
    // The device remembers how far it got, as the service confirmed it.
    {
        let conn = rusqlite::Connection::open(dir.path().join("kulna.sqlite")).unwrap();
        let sent: i64 = conn
            .query_row(
                "SELECT sent FROM outbox_upload WHERE record_id = ?1",
                [&id.as_bytes()[..]],
                |r| r.get(0),
            )
            .unwrap();
        assert!(sent > 0 && sent as u64 <= last);
    }
    proxy.extra.rate.store(0, Ordering::SeqCst);
    let mut child = tokio::task::block_in_place(spawn);
    let deadline = Instant::now() + Duration::from_secs(60);
    while service_count(&service.db) == 0 {
        assert!(Instant::now() < deadline, "the last run did not finish");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Settled on the device too (the progress row went with it).
    while {
        let conn = rusqlite::Connection::open(dir.path().join("kulna.sqlite")).unwrap();
        conn.query_row("SELECT COUNT(*) FROM outbox_upload", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap()
            + conn
                .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get::<_, i64>(0))
                .unwrap()
            > 0
    } {
        assert!(Instant::now() < deadline, "the device did not settle");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let forwarded = proxy.forwarded.load(Ordering::SeqCst);
    let chunk = service.state.config().upload_chunk_bytes;
    println!("envelope {size} bytes, {forwarded} bytes sent over 4 runs");
    // Each of the 3 kills loses at most the chunk in flight.
    assert!(
        forwarded <= size + 3 * chunk + 4 * OVERHEAD,
        "{forwarded} bytes sent for a {size}-byte envelope: a run started from zero"
    );
    assert_exactly_once(&service.db, &service.secret(), &HashMap::from([(id, big)]));
}

/// One byte of an upload chunk altered on the way: the service finds the
/// digest wrong and discards the upload; the device sends it again and it
/// arrives once, intact.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chunk_altered_on_the_way_is_refused_and_the_record_still_arrives_intact() {
    let service = Service::start().await;
    let proxy = Proxy::clean(service.addr).await;
    proxy.extra.tamper_next_chunk.store(true, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let data = device(dir.path(), &service);
    let big = big_payload(MIB);
    let id = save(&data, RecordKind::Report, &big);
    let size = envelope_len(dir.path(), id);
    let engine = SyncEngine::start(data.clone(), fast_options(&proxy.url)).unwrap();
    wait_drained(&data, Duration::from_secs(60)).await;
    engine.shutdown().await;
    assert_eq!(proxy.extra.tampered.load(Ordering::SeqCst), 1);
    // Refused once, then sent whole again.
    assert!(proxy.forwarded.load(Ordering::SeqCst) >= 2 * size);
    assert_exactly_once(&service.db, &service.secret(), &HashMap::from([(id, big)]));
    assert_eq!(data.vault().outbox_refused().unwrap().len(), 0);
}

/// Every chunk altered on the way, every time: after three digest
/// mismatches in a row the device keeps the record as refused
/// (`digest_mismatch`) instead of sending it forever, and the rest goes on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_altered_every_time_is_refused_after_three_tries_not_sent_forever() {
    let service = Service::start().await;
    let proxy = Proxy::clean(service.addr).await;
    proxy.extra.tamper_every_chunk.store(true, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let data = device(dir.path(), &service);
    let big = big_payload(MIB);
    let big_id = save(&data, RecordKind::Report, &big);
    let size = envelope_len(dir.path(), big_id);
    let small = payload("report", 1);
    let small_id = save(&data, RecordKind::Report, &small);
    let engine = SyncEngine::start(data.clone(), fast_options(&proxy.url)).unwrap();
    let state = wait_state(&engine, Duration::from_secs(60), |s| {
        s.refused == 1 && s.waiting.total() == 0
    })
    .await;
    assert_eq!(
        state.problem,
        Some(kulna_model::SyncProblem::ItemRefused {
            id: big_id,
            kind: RecordKind::Report,
            reason: kulna_model::api::RejectReason::DigestMismatch,
        })
    );
    let refused = data.vault().outbox_refused().unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].id, big_id);
    assert_eq!(
        refused[0].reason,
        kulna_model::api::RejectReason::DigestMismatch
    );
    // Sent whole three times, then no more: give the engine time to try
    // again if it were going to.
    let sent = proxy.forwarded.load(Ordering::SeqCst);
    assert!(sent >= 3 * size, "{sent} bytes for three {size}-byte tries");
    assert!(
        sent < 4 * size + 4 * OVERHEAD,
        "{sent} bytes: sent a fourth time"
    );
    engine.send_now();
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        proxy.forwarded.load(Ordering::SeqCst) < sent + OVERHEAD,
        "a refused upload was sent again"
    );
    engine.shutdown().await;
    // The small record arrived; the altered one is not on the service.
    assert_exactly_once(
        &service.db,
        &service.secret(),
        &HashMap::from([(small_id, small)]),
    );
}

/// An alert raised while a large upload holds a slow link is on the service
/// quickly, before the upload is done: the chunk in flight gives way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alert_is_not_delayed_by_an_upload_in_progress() {
    let service = Service::start().await;
    let proxy = Proxy::clean(service.addr).await;
    // 1 MiB/s shared by every connection: a 256 KiB chunk takes 250 ms.
    proxy.extra.rate.store(MIB, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let data = device(dir.path(), &service);
    let big = big_payload(3 * MIB);
    let big_id = save(&data, RecordKind::Report, &big);
    let device_id = data.vault().device_id();
    let engine = SyncEngine::start(data.clone(), fast_options(&proxy.url)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while held_bytes(&service, device_id, big_id).await < 512 * 1024 {
        assert!(Instant::now() < deadline, "the upload did not start");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // The screen shows it waiting, and how far it got.
    let size = envelope_len(dir.path(), big_id) as u64;
    let state = wait_state(&engine, Duration::from_secs(10), |s| {
        s.upload.is_some_and(|u| u.sent_bytes > 0)
    })
    .await;
    assert_eq!(state.waiting.reports, 1);
    let progress = state.upload.unwrap();
    assert_eq!(progress.id, big_id);
    assert_eq!(progress.kind, RecordKind::Report);
    assert_eq!(progress.total_bytes, size);
    assert!(progress.sent_bytes < size);
    let mut latencies = Vec::new();
    for n in 0..3 {
        let pressed = Instant::now();
        let alert = engine
            .raise_alert(Some(6), payload("alert", n))
            .await
            .unwrap();
        loop {
            if service.state.store().case(alert).await.unwrap().is_some() {
                break;
            }
            assert!(
                pressed.elapsed() < Duration::from_secs(5),
                "the alert waited behind the upload"
            );
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        latencies.push(pressed.elapsed());
        assert!(
            service.state.store().case(big_id).await.unwrap().is_none(),
            "the upload finished first: nothing proved"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    println!("alert latencies during an upload: {latencies:?}");
    // A 256 KiB chunk alone takes 250 ms on this link: the alert did not
    // wait for the chunk in flight.
    assert!(
        latencies.iter().all(|l| *l < Duration::from_millis(250)),
        "{latencies:?}"
    );
    wait_drained(&data, Duration::from_secs(60)).await;
    assert!(service.state.store().case(big_id).await.unwrap().is_some());
    let state = wait_state(&engine, Duration::from_secs(10), |s| {
        s.waiting.total() == 0 && s.upload.is_none()
    })
    .await;
    assert_eq!(state.refused, 0);
    engine.shutdown().await;
}
