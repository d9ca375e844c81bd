//! The sync client against the real central service on loopback, with
//! things broken on purpose: a faulty network, the service SIGKILLed
//! mid-batch, the client SIGKILLed mid-sync, a large backlog, a wrong clock.
//!
//! The service-kill test runs the real `kulna-central` binary: build it
//! first with `cargo build -p kulna-central` (the workspace test run does).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod sync_common;

use kulna_core::{NewRecord, Pin, SyncEngine, SyncOptions, SystemClock};
use kulna_crypto::SealingSecretKey;
use kulna_model::api::{RejectReason, ServiceKeyResponse};
use kulna_model::{DirectoryDownload, RecordKind, SyncProblem};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};
use sync_common::*;

fn save(
    data: &kulna_core::AppData,
    kind: RecordKind,
    label: &str,
    n: usize,
) -> (kulna_model::RecordId, Vec<u8>) {
    let p = payload(label, n);
    let id = data
        .vault()
        .save_record(NewRecord {
            kind,
            region: None,
            payload: &p,
        })
        .unwrap();
    (id, p)
}

/// A network that cuts requests and answers, delays, and answers 500, 503
/// and 429: once it calms down, every record is on the service exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_record_arrives_once_through_a_faulty_network() {
    let service = Service::start().await;
    let proxy = Proxy::start(
        service.addr,
        Faults {
            cut_request: 3,
            cut_response: 3,
            delay: 1,
            status_500: 2,
            status_503: 2,
            status_429: 1,
            pass: 2,
        },
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(
        dir.path(),
        Some(service.public_key()),
        Arc::new(SystemClock),
    );
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    let mut expected = HashMap::new();
    for n in 0..200 {
        let kind = match n % 20 {
            0 => RecordKind::Alert,
            1..=4 => RecordKind::SupportRequest,
            _ => RecordKind::Report,
        };
        let (id, p) = save(&data, kind, "faulty", n);
        expected.insert(id, p);
    }
    let mut options = fast_options(&proxy.url);
    options.batch_max_records = 15;
    let engine = SyncEngine::start(data.clone(), options).unwrap();
    // More records while the network misbehaves (each wakes the engine),
    // until the proxy has injected enough faults.
    let deadline = Instant::now() + Duration::from_secs(40);
    let mut n = 200;
    while proxy.counts.faults() < 60 && Instant::now() < deadline {
        let kind = if n % 15 == 0 {
            RecordKind::Alert
        } else {
            RecordKind::Report
        };
        let (id, p) = save(&data, kind, "faulty", n);
        expected.insert(id, p);
        engine.record_saved(kind);
        n += 1;
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let c = &proxy.counts;
    let load = |a: &std::sync::atomic::AtomicU64| a.load(std::sync::atomic::Ordering::SeqCst);
    println!(
        "faults injected: cut request {}, cut response {}, delay {}, 500 {}, 503 {}, 429 {} (clean {})",
        load(&c.cut_request),
        load(&c.cut_response),
        load(&c.delay),
        load(&c.status_500),
        load(&c.status_503),
        load(&c.status_429),
        load(&c.pass)
    );
    assert!(c.faults() >= 60, "the proxy injected too few faults");
    assert!(load(&c.cut_request) > 0 && load(&c.cut_response) > 0);
    proxy.calm();
    engine.send_now();
    wait_drained(&data, Duration::from_secs(60)).await;
    let state = wait_state(&engine, Duration::from_secs(20), |s| {
        s.waiting.total() == 0 && s.problem.is_none()
    })
    .await;
    assert_eq!(state.refused, 0);
    assert!(state.last_contact_ms.is_some());
    assert_exactly_once(&service.db, &service.secret(), &expected);
    engine.shutdown().await;
}

/// The real service binary SIGKILLed and restarted mid-batch, 20 times in a
/// row, with 2,000 records queued: exactly 2,000 on the service, all
/// decrypt, none twice.
#[test]
fn the_service_killed_mid_batch_20_times_loses_and_doubles_nothing() {
    const RECORDS: usize = 2_000;
    const KILLS: usize = 20;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let sdir = tempfile::tempdir().unwrap();
    central_init(sdir.path());
    let (mut child, addr) = central_serve(sdir.path());
    let proxy = rt.block_on(Proxy::clean(addr));
    let key: ServiceKeyResponse = rt.block_on(async {
        reqwest::get(format!("http://{addr}/v1/service-key"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    let key = kulna_crypto::SealingPublicKey::from_base64(&key.sealing_public_key).unwrap();
    let ddir = tempfile::tempdir().unwrap();
    let (data, expected) = device_with_backlog(ddir.path(), key, RECORDS);
    let mut options = fast_options(&proxy.url);
    options.batch_max_records = 20;
    let engine = SyncEngine::start_on(rt.handle(), data.clone(), options).unwrap();
    let db = central_db(sdir.path());
    let started = Instant::now();
    for _ in 0..KILLS {
        let before = service_count(&db);
        let deadline = Instant::now() + Duration::from_secs(30);
        // Kill while batches are in flight: after at least one more landed.
        while service_count(&db) < before + 20 {
            assert!(Instant::now() < deadline, "no progress after a restart");
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(fastrand::u64(0..8)));
        child.kill().unwrap();
        child.wait().unwrap();
        let (c, a) = central_serve(sdir.path());
        child = c;
        proxy.set_upstream(a);
    }
    rt.block_on(wait_drained(&data, Duration::from_secs(60)));
    println!(
        "{KILLS} kills, {} records, {:?}",
        service_count(&db),
        started.elapsed()
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let secret = rt.block_on(central_secret(sdir.path()));
    assert_eq!(expected.len(), RECORDS);
    assert_exactly_once(&db, &secret, &expected);
    rt.block_on(engine.shutdown());
}

const CHILD_DIR: &str = "KULNA_SYNC_CHILD_DIR";
const CHILD_URL: &str = "KULNA_SYNC_CHILD_URL";

/// The client process of the next test: syncs the device in `CHILD_DIR` to
/// `CHILD_URL` until it is killed.
#[test]
fn sync_child() {
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
        let mut options = fast_options(&url);
        options.batch_max_records = 20;
        let _engine = SyncEngine::start(data, options).unwrap();
        let mut out = std::io::stdout().lock();
        writeln!(out, "STARTED").unwrap();
        out.flush().unwrap();
        drop(out);
        tokio::time::sleep(Duration::from_secs(3600)).await;
    });
}

fn device_outbox_len(dir: &Path) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("kulna.sqlite")).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.query_row(
        "SELECT COUNT(*) FROM outbox WHERE rejected_reason IS NULL",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// The client process SIGKILLed mid-sync, five times, and started again: it
/// resumes and every record is on the service exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_killed_mid_sync_resumes_and_delivers_everything_once() {
    const RECORDS: usize = 1_000;
    let service = Service::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (data, expected) = device_with_backlog(dir.path(), service.public_key(), RECORDS);
    drop(data);
    let spawn = || {
        spawn_child_test(
            "sync_child",
            &[
                (CHILD_DIR, dir.path().as_os_str()),
                (CHILD_URL, service.url.as_ref()),
            ],
        )
    };
    for _ in 0..5 {
        let before = service_count(&service.db);
        let mut child = tokio::task::block_in_place(spawn);
        let deadline = Instant::now() + Duration::from_secs(30);
        while service_count(&service.db) < before + 60 {
            assert!(
                Instant::now() < deadline,
                "the child made no progress ({} held)",
                service_count(&service.db)
            );
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        tokio::time::sleep(Duration::from_millis(fastrand::u64(0..10))).await;
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(
            service_count(&service.db) < RECORDS,
            "killed too late to prove anything"
        );
    }
    let mut child = tokio::task::block_in_place(spawn);
    let deadline = Instant::now() + Duration::from_secs(60);
    while device_outbox_len(dir.path()) > 0 {
        assert!(
            Instant::now() < deadline,
            "the last child did not finish ({} held, {} waiting)",
            service_count(&service.db),
            device_outbox_len(dir.path())
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_exactly_once(&service.db, &service.secret(), &expected);
}

/// 10,000 reports waiting and one new alert: the alert is on the service
/// before the 100th report; an alert raised while the backlog drains is
/// held within a second.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alert_overtakes_a_10000_record_backlog() {
    let service = Service::start().await;
    let (_dir, data, mut expected) = backlog_device(&service, 10_000).await;
    let (alert, p) = save(&data, RecordKind::Alert, "alert", 0);
    expected.insert(alert, p);
    let url = service.url.clone();
    let engine = SyncEngine::start(
        data.clone(),
        SyncOptions::new(kulna_core::ServiceUrl::parse(&url).unwrap()),
    )
    .unwrap();
    // A second alert while the backlog drains.
    let deadline = Instant::now() + Duration::from_secs(60);
    while service_count(&service.db) < 2_000 {
        assert!(Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let p2 = payload("alert", 1);
    let t0 = Instant::now();
    let second = engine.raise_alert(Some(6), p2.clone()).await.unwrap();
    expected.insert(second, p2);
    loop {
        if service_records(&service.db)
            .iter()
            .any(|(_, e)| e.id == second)
        {
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(1),
            "the second alert waited behind the backlog"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    println!(
        "second alert held {:?} after the panic button",
        t0.elapsed()
    );
    wait_drained(&data, Duration::from_secs(120)).await;
    let held = service_records(&service.db);
    let pos = held.iter().position(|(_, e)| e.id == alert).unwrap();
    println!("the first alert was record {pos} on the service");
    assert!(pos < 100, "the alert came after {pos} reports");
    let pos2 = held.iter().position(|(_, e)| e.id == second).unwrap();
    assert!(
        pos2 < held.len() - 1_000,
        "the second alert came at {pos2} of {}",
        held.len()
    );
    assert_exactly_once(&service.db, &service.secret(), &expected);
    engine.shutdown().await;
}

/// Draining a backlog keeps the device's WAL short: each batch's checkpoint
/// is done before the next settle, so the WAL starts over at every batch
/// and never reaches SQLite's automatic checkpoint (1,000 pages), which
/// would run inside a settle's commit, under the lock an alert waits for.
/// The same holds while the sent envelopes' rows are deleted afterwards,
/// and every one of them is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draining_backlog_never_lets_the_wal_reach_the_automatic_checkpoint() {
    const RECORDS: usize = 3_000;
    let service = Service::start().await;
    let (_dir, data, expected) = backlog_device(&service, RECORDS).await;
    // The WAL file keeps its largest size: start from an empty one.
    let db = data.vault().path().to_owned();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    let mut wal = db.clone().into_os_string();
    wal.push("-wal");
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0);
    let options = SyncOptions::new(kulna_core::ServiceUrl::parse(&service.url).unwrap());
    let engine = SyncEngine::start(data.clone(), options).unwrap();
    wait_drained(&data, Duration::from_secs(120)).await;
    // The sent envelopes' rows are deleted (zeroed) after the drain, with
    // the same checkpoints.
    wait_purged(&data, Duration::from_secs(60)).await;
    engine.shutdown().await;
    let frames = std::fs::metadata(&wal).unwrap().len() / (4096 + 24);
    println!("the WAL held at most {frames} pages while {RECORDS} reports drained and their rows were deleted");
    assert!(
        frames < 900,
        "the WAL grew to {frames} pages: a settle ran before the last checkpoint ended"
    );
    assert_exactly_once(&service.db, &service.secret(), &expected);
}

/// Stopped right after a drain, while the rows of what was sent are being
/// deleted: what is left is deleted after the next start's pass, and
/// nothing marked sent is sent again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_left_by_a_stop_after_a_drain_are_deleted_after_the_next_pass() {
    const RECORDS: usize = 2_000;
    let service = Service::start().await;
    let (_dir, data, expected) = backlog_device(&service, RECORDS).await;
    let options = SyncOptions::new(kulna_core::ServiceUrl::parse(&service.url).unwrap());
    let engine = SyncEngine::start(data.clone(), options.clone()).unwrap();
    wait_drained(&data, Duration::from_secs(120)).await;
    engine.shutdown().await;
    let raw = rusqlite::Connection::open(data.vault().path()).unwrap();
    let left: i64 = raw
        .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
        .unwrap();
    let marked: i64 = raw
        .query_row("SELECT COUNT(*) FROM outbox_sent", [], |r| r.get(0))
        .unwrap();
    drop(raw);
    println!("{left} outbox rows left by the stop, {marked} of them marked sent");
    assert_eq!(left, marked, "a row left behind was not marked sent");
    assert_eq!(data.vault().outbox_counts().unwrap().total(), 0);

    let engine = SyncEngine::start(data.clone(), options).unwrap();
    wait_purged(&data, Duration::from_secs(60)).await;
    engine.shutdown().await;
    assert_exactly_once(&service.db, &service.secret(), &expected);
}

/// The device clock days ahead, then days behind: nothing is refused, the
/// reports arrive in the order they were written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_device_clock_changes_nothing() {
    let service = Service::start().await;
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(SkewedClock::default());
    clock.set_offset_days(4);
    let data = open_device(dir.path(), Some(service.public_key()), clock.clone());
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    let mut expected = HashMap::new();
    let mut order = Vec::new();
    for (n, days) in [4, -3, 9, -11].into_iter().enumerate() {
        clock.set_offset_days(days);
        for i in 0..25 {
            let (id, p) = save(&data, RecordKind::Report, "clock", n * 100 + i);
            expected.insert(id, p);
            order.push(id);
        }
    }
    clock.set_offset_days(-5);
    let (alert, p) = save(&data, RecordKind::Alert, "clock-alert", 0);
    expected.insert(alert, p);
    let mut options = fast_options(&service.url);
    options.batch_max_records = 10;
    // One batch in flight, so the service's order is the sending order:
    // with two, neighbouring batches may land either way round (the
    // service orders its queue by its own receipt time anyway).
    options.pipeline = 1;
    let engine = SyncEngine::start(data.clone(), options).unwrap();
    wait_drained(&data, Duration::from_secs(30)).await;
    let state = wait_state(&engine, Duration::from_secs(10), |s| s.waiting.total() == 0).await;
    assert_eq!(state.refused, 0);
    assert!(data.vault().outbox_refused().unwrap().is_empty());
    let held = service_records(&service.db);
    let reports: Vec<_> = held
        .iter()
        .filter(|(_, e)| e.kind == RecordKind::Report)
        .map(|(_, e)| e.id)
        .collect();
    assert_eq!(reports, order, "reports were reordered");
    assert_exactly_once(&service.db, &service.secret(), &expected);
    engine.shutdown().await;
}

/// First contact pins the service key; a device that trusts another key
/// reports it and sends nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_key_is_pinned_on_first_contact_and_a_changed_one_is_refused() {
    let service = Service::start().await;
    // A device with no key yet: it cannot seal before first contact...
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(dir.path(), None, Arc::new(SystemClock));
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    assert!(data.vault().seal_alert(None, b"too early").is_err());
    let engine = SyncEngine::start(data.clone(), fast_options(&service.url)).unwrap();
    wait_state(&engine, Duration::from_secs(10), |s| {
        s.last_contact_ms.is_some() && s.problem.is_none()
    })
    .await;
    // ...and can after it.
    let p = b"help".to_vec();
    let id = engine.raise_alert(None, p.clone()).await.unwrap();
    wait_drained(&data, Duration::from_secs(10)).await;
    assert_exactly_once(&service.db, &service.secret(), &HashMap::from([(id, p)]));
    engine.shutdown().await;

    // A device pinned to another key: nothing leaves it, and she is told.
    let dir = tempfile::tempdir().unwrap();
    let other = SealingSecretKey::generate();
    let data = open_device(
        dir.path(),
        Some(other.public_key().clone()),
        Arc::new(SystemClock),
    );
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    save(&data, RecordKind::Report, "pinned", 0);
    save(&data, RecordKind::Alert, "pinned", 1);
    let engine = SyncEngine::start(data.clone(), fast_options(&service.url)).unwrap();
    let state = wait_state(&engine, Duration::from_secs(10), |s| {
        s.problem == Some(SyncProblem::ServiceKeyChanged)
    })
    .await;
    assert_eq!(state.waiting.alerts, 1);
    assert_eq!(state.waiting.reports, 1);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        service_records(&service.db).len(),
        1,
        "only the first device's alert"
    );
    engine.shutdown().await;
}

/// A record the service refuses stays on the device with its reason; the
/// others go. An alert refused on the alert route gets its reason from the
/// batch route.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_record_is_kept_with_its_reason_and_the_rest_goes() {
    let service = Service::start().await;
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(
        dir.path(),
        Some(service.public_key()),
        Arc::new(SystemClock),
    );
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    let mut expected = HashMap::new();
    let mut ids = Vec::new();
    for n in 0..6 {
        let (id, p) = save(&data, RecordKind::Report, "refuse", n);
        ids.push(id);
        expected.insert(id, p);
    }
    let (alert, _) = save(&data, RecordKind::Alert, "refuse-alert", 0);
    let (bad, good_alert) = {
        let (a, p) = save(&data, RecordKind::Alert, "refuse-alert", 1);
        expected.insert(a, p);
        (ids[2], a)
    };
    expected.remove(&bad);
    // Spoil two envelopes after they were sealed: the service must refuse
    // them. The alert (sent alone, its own signature checked) is altered
    // under its signature; the report (sent in a batch the engine signs as
    // it is) names a region that does not exist.
    {
        let conn = rusqlite::Connection::open(dir.path().join("kulna.sqlite")).unwrap();
        for (id, path, value) in [(bad, "$.region", 13), (alert, "$.created_at_ms", 5)] {
            let n = conn
                .execute(
                    "UPDATE outbox SET envelope = json_set(envelope, ?2, ?3)
                     WHERE record_id = ?1",
                    rusqlite::params![&id.as_bytes()[..], path, value],
                )
                .unwrap();
            assert_eq!(n, 1);
        }
    }
    let engine = SyncEngine::start(data.clone(), fast_options(&service.url)).unwrap();
    let state = wait_state(&engine, Duration::from_secs(15), |s| {
        s.waiting.total() == 0 && s.refused == 2
    })
    .await;
    match state.problem {
        Some(SyncProblem::ItemRefused { reason, .. }) => assert!(
            matches!(reason, RejectReason::BadSignature | RejectReason::BadRegion),
            "{reason:?}"
        ),
        other => panic!("expected a refused item, got {other:?}"),
    }
    let refused = data.vault().outbox_refused().unwrap();
    let mut refused: Vec<_> = refused.iter().map(|r| (r.id, r.reason)).collect();
    refused.sort_by_key(|(id, _)| *id);
    let mut want = vec![
        (bad, RejectReason::BadRegion),
        (alert, RejectReason::BadSignature),
    ];
    want.sort_by_key(|(id, _)| *id);
    assert_eq!(refused, want);
    assert!(!data.vault().record(bad).unwrap().queued);
    let _ = good_alert;
    assert_exactly_once(&service.db, &service.secret(), &expected);
    // Refused items are not sent again.
    engine.send_now();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(service_records(&service.db).len(), expected.len());
    engine.shutdown().await;
}

fn entry(id: &str, title: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "kind": "service", "category": "shelter", "region": 6,
        "title": {"ar": title, "fr": title}})
}

async fn publish(service: &Service, entries: &[serde_json::Value]) -> u64 {
    let text = serde_json::to_string(entries).unwrap();
    kulna_central::directory::import(service.state.store(), &text, false)
        .await
        .unwrap();
    kulna_central::directory::publish(service.state.store(), service.state.keys())
        .await
        .unwrap()
}

async fn wait_directory(data: &Arc<kulna_core::AppData>, version: u64) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while data.vault().directory_version().unwrap() != version {
        assert!(
            Instant::now() < deadline,
            "directory version {version} never arrived"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The directory arrives as a snapshot, then as a delta; a version whose
/// signature does not verify is refused and the old directory kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn directory_versions_are_verified_before_they_are_kept() {
    let service = Service::start().await;
    assert_eq!(
        publish(&service, &[entry("a", "one"), entry("b", "two")]).await,
        1
    );
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(dir.path(), None, Arc::new(SystemClock));
    let engine = SyncEngine::start(data.clone(), fast_options(&service.url)).unwrap();
    wait_directory(&data, 1).await;
    assert_eq!(data.vault().directory_entries().unwrap().len(), 2);

    assert_eq!(
        publish(&service, &[entry("a", "one again"), entry("c", "three")]).await,
        2
    );
    engine.send_now();
    wait_directory(&data, 2).await;
    let entries = data.vault().directory_entries().unwrap();
    let ids: Vec<_> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(entries[0].title.fr.as_deref(), Some("one again"));

    assert_eq!(
        publish(&service, &[entry("evil", "fake help line")]).await,
        3
    );
    {
        let conn = rusqlite::Connection::open(&service.db).unwrap();
        // Deltas are signed when asked for; a stored snapshot is what a
        // forger (or a damaged disk) could change. Without version 2 the
        // service answers with the snapshot of version 3.
        conn.execute_batch(
            "UPDATE directory_versions SET signature = zeroblob(64) WHERE version = 3;
             DELETE FROM directory_versions WHERE version = 2;",
        )
        .unwrap();
    }
    engine.send_now();
    wait_state(&engine, Duration::from_secs(10), |s| {
        s.problem == Some(SyncProblem::DirectoryRefused)
    })
    .await;
    assert_eq!(data.vault().directory_version().unwrap(), 2);
    assert_eq!(data.vault().directory_entries().unwrap().len(), 2);
    engine.shutdown().await;
}

/// The first download of the directory, over a slow link, says how far it
/// got (bytes of the announced size, then "saving"), and the progress goes
/// away once the listings are on the device.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_directory_download_shows_its_progress() {
    let service = Service::start().await;
    let long = "ⵜⴰⵍⵖⵓⵜ listing with a long description ".repeat(20);
    let entries: Vec<_> = (0..400)
        .map(|i| entry(&format!("l{i:04}"), &format!("{long}{i}")))
        .collect();
    assert_eq!(publish(&service, &entries).await, 1);
    let proxy = Proxy::clean(service.addr).await;
    // About 3 s for the snapshot: a 2G link.
    proxy.extra.down_rate.store(250_000, Ordering::SeqCst);

    let dir = tempfile::tempdir().unwrap();
    let data = open_device(dir.path(), None, Arc::new(SystemClock));
    let engine = SyncEngine::start(data.clone(), fast_options(&proxy.url)).unwrap();
    let mut rx = engine.subscribe();
    let mut seen: Vec<DirectoryDownload> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (now, syncing) = {
            let s = rx.borrow_and_update();
            (s.directory, s.syncing)
        };
        if let Some(d) = now {
            if seen.last() != Some(&d) {
                seen.push(d);
            }
        } else if !seen.is_empty() && data.vault().directory_version().unwrap() == 1 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the download never finished (syncing {syncing}); seen {seen:?}"
        );
        let _ = tokio::time::timeout(Duration::from_millis(200), rx.changed()).await;
    }
    assert_eq!(engine.state().directory, None);
    engine.shutdown().await;

    let total = seen[0].total_bytes.expect("the service announces the size");
    println!("{} bytes, {} progress events", total, seen.len());
    assert!(total > 500_000, "a directory this large is {total} bytes");
    assert!(
        seen.iter().all(|d| d.total_bytes == Some(total)),
        "{seen:?}"
    );
    let received: Vec<u64> = seen.iter().map(|d| d.received_bytes).collect();
    assert!(received.windows(2).all(|w| w[0] <= w[1]), "{received:?}");
    let percents: Vec<u8> = seen.iter().filter_map(DirectoryDownload::percent).collect();
    assert!(
        percents.iter().filter(|p| (1..100).contains(*p)).count() >= 5,
        "progress in between: {percents:?}"
    );
    // One event per percent at most, not one per piece of the answer.
    assert!(seen.len() <= 103, "{} events", seen.len());
    let last = seen.last().unwrap();
    assert_eq!((last.received_bytes, last.saving), (total, true));
    assert_eq!(data.vault().directory_entries().unwrap().len(), 400);
}

/// A listener acknowledges her alert: the status update comes back sealed
/// to her device, stays sealed while the vault is locked (and is not even
/// counted), and opens once she unlocks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listeners_acknowledgement_comes_back_sealed_and_opens_on_unlock() {
    use kulna_model::api::CaseStatus;
    let service = Service::start().await;
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(
        dir.path(),
        Some(service.public_key()),
        Arc::new(SystemClock),
    );
    data.vault()
        .set_pin(&Pin::new("1234".into()).unwrap())
        .unwrap();
    let engine = SyncEngine::start(data.clone(), fast_options(&service.url)).unwrap();
    let alert = engine.raise_alert(Some(6), b"help".to_vec()).await.unwrap();
    wait_drained(&data, Duration::from_secs(10)).await;
    assert_eq!(
        data.alert_progress(alert).unwrap(),
        kulna_model::AlertProgress::Sent
    );

    let http = reqwest::Client::new();
    let token = listener_token(&service).await;
    data.vault().lock();
    let r = http
        .post(format!("{}/v1/cases/{alert}/acknowledge", service.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({"message": "we are with you"}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    engine.send_now();
    // Pulled while locked: held sealed, not counted, not readable.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let n: i64 = rusqlite::Connection::open(dir.path().join("kulna.sqlite"))
            .unwrap()
            .query_row("SELECT COUNT(*) FROM case_update", [], |r| r.get(0))
            .unwrap();
        if n > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "the status update never arrived");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(engine.state().status_updates, 0);
    assert!(data.vault().case_updates().is_err());
    // The panic screen may say "received" while locked: only the case id of
    // the sealed update is read.
    assert_eq!(
        data.alert_progress(alert).unwrap(),
        kulna_model::AlertProgress::Received
    );
    assert!(matches!(
        data.alert_progress(kulna_model::RecordId::new_v7()),
        Err(kulna_core::StoreError::NotFound)
    ));
    let raw = std::fs::read(dir.path().join("kulna.sqlite")).unwrap();
    assert!(!raw.windows(15).any(|w| w == b"we are with you"));

    data.vault()
        .unlock(&Pin::new("1234".into()).unwrap())
        .unwrap();
    engine.send_now();
    let updates = data.vault().case_updates().unwrap();
    assert!(!updates.is_empty());
    let ack = updates
        .iter()
        .find(|u| u.status == CaseStatus::Acknowledged)
        .unwrap();
    assert_eq!(ack.case_id, alert);
    assert_eq!(ack.message.as_deref(), Some("we are with you"));
    wait_state(&engine, Duration::from_secs(10), |s| {
        s.status_updates as usize == updates.len()
    })
    .await;
    engine.shutdown().await;
}

/// Before she has chosen any PIN, the panic button still works, and the
/// screen still follows the alert to "received".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alert_raised_before_any_pin_is_followed_to_received() {
    use kulna_model::AlertProgress;
    let service = Service::start().await;
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(
        dir.path(),
        Some(service.public_key()),
        Arc::new(SystemClock),
    );
    let engine = SyncEngine::start(data.clone(), fast_options(&service.url)).unwrap();
    let alert = engine.raise_alert(Some(6), b"help".to_vec()).await.unwrap();
    wait_drained(&data, Duration::from_secs(10)).await;
    assert_eq!(data.alert_progress(alert).unwrap(), AlertProgress::Sent);

    let http = reqwest::Client::new();
    let token = listener_token(&service).await;
    let r = http
        .post(format!("{}/v1/cases/{alert}/acknowledge", service.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        engine.send_now();
        if data.alert_progress(alert).unwrap() == AlertProgress::Received {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still {:?}",
            data.alert_progress(alert)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Stopping the engine in the middle of a sync returns promptly, and what
/// was in flight is sent once by the next engine.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_mid_sync_returns_and_the_next_engine_finishes() {
    let service = Service::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (data, expected) = device_with_backlog(dir.path(), service.public_key(), 600);
    let mut options = fast_options(&service.url);
    options.batch_max_records = 20;
    for _ in 0..3 {
        let engine = SyncEngine::start(data.clone(), options.clone()).unwrap();
        tokio::time::sleep(Duration::from_millis(fastrand::u64(5..60))).await;
        tokio::time::timeout(Duration::from_secs(10), engine.shutdown())
            .await
            .expect("shutdown hung");
    }
    let engine = SyncEngine::start(data.clone(), options).unwrap();
    wait_drained(&data, Duration::from_secs(30)).await;
    engine.shutdown().await;
    assert_exactly_once(&service.db, &service.secret(), &expected);
}

/// A field team points the app at its center's own service: refused while
/// something waits for the old one or the new one cannot be reached (and
/// nothing changes), then the new keys are pinned before anything moves,
/// the old service's token and statuses are forgotten, and the next alert
/// reaches the new service sealed to its key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_address_can_be_changed_safely() {
    use kulna_core::{ServiceUrl, StoreError, SyncError};
    let old = Service::start().await;
    let new = Service::start().await;
    let dir = tempfile::tempdir().unwrap();
    let data = open_device(dir.path(), Some(old.public_key()), Arc::new(SystemClock));
    let old_url = ServiceUrl::parse(&old.url).unwrap();
    let new_url = ServiceUrl::parse(&new.url).unwrap();

    // A request waits for the old service: refused, nothing changed.
    data.vault()
        .save_record(NewRecord {
            kind: RecordKind::SupportRequest,
            region: Some(6),
            payload: b"a job",
        })
        .unwrap();
    let refused = kulna_core::sync::change_service(&data, Some(&old_url), new_url.clone()).await;
    assert!(
        matches!(
            refused,
            Err(SyncError::Storage(StoreError::ItemsWaiting(1)))
        ),
        "{refused:?}"
    );
    assert_eq!(data.service_url().unwrap(), None);

    // Sent: the old service holds it, and the device has its token.
    let engine = SyncEngine::start(data.clone(), fast_options(&old.url)).unwrap();
    wait_drained(&data, Duration::from_secs(10)).await;
    assert_eq!(service_count(&old.db), 1);
    assert!(data.vault().device_token().unwrap().is_some());
    engine.shutdown().await;

    // An address that does not answer: refused, nothing changed.
    let nowhere = ServiceUrl::parse("http://127.0.0.1:9").unwrap();
    assert!(
        kulna_core::sync::change_service(&data, Some(&old_url), nowhere)
            .await
            .is_err()
    );
    assert_eq!(data.service_url().unwrap(), None);
    assert!(data.vault().device_token().unwrap().is_some());

    // The new service: switched.
    kulna_core::sync::change_service(&data, Some(&old_url), new_url.clone())
        .await
        .unwrap();
    assert_eq!(data.service_url().unwrap(), Some(new_url.clone()));
    assert!(data.vault().device_token().unwrap().is_none());
    // Offline right away, the panic button seals to the new service's key.
    let engine = SyncEngine::start(data.clone(), fast_options(&new.url)).unwrap();
    let alert = engine.raise_alert(Some(6), b"help".to_vec()).await.unwrap();
    wait_drained(&data, Duration::from_secs(10)).await;
    let held = service_records(&new.db);
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].1.id, alert);
    kulna_crypto::open_envelope(&held[0].1, &new.secret()).expect("sealed to the new key");
    assert_eq!(
        service_count(&old.db),
        1,
        "nothing more went to the old service"
    );
    engine.shutdown().await;

    // Choosing the address in use again changes nothing.
    kulna_core::sync::change_service(&data, Some(&new_url), new_url.clone())
        .await
        .unwrap();
    assert!(data.vault().device_token().unwrap().is_some());
}

/// A listener signed in to `service`: her session token.
async fn listener_token(service: &Service) -> String {
    use kulna_central::staff::{add_staff, NewStaff};
    use kulna_model::staff::{LoginResponse, Role};
    add_staff(
        service.state.store(),
        NewStaff {
            username: "amina".into(),
            role: Role::Listener,
            region: None,
            center: None,
            password: secrecy::SecretString::from("a good long password".to_owned()),
        },
        1024,
    )
    .await
    .unwrap();
    let login: LoginResponse = reqwest::Client::new()
        .post(format!("{}/v1/staff/login", service.url))
        .json(&serde_json::json!({"username": "amina", "password": "a good long password"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    login.token
}
