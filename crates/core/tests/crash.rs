//! Crash safety: a child process writes records in a loop and is killed with
//! SIGKILL at random moments. After every kill the database passes
//! `PRAGMA integrity_check` and every record whose write had returned is
//! there and decrypts.
//!
//! The child is this test binary run again with `KULNA_CRASH_CHILD_DIR` set,
//! executing only [`crash_child`].
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{pin, Fixture};
use kulna_core::{NewRecord, VaultState};
use kulna_model::{RecordId, RecordKind};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "KULNA_CRASH_CHILD_DIR";
const KILLS: usize = 60;
const PIN: &str = "1234";

fn payload(n: u64) -> Vec<u8> {
    let mut p = format!("record {n} ").into_bytes();
    p.resize(1024, b'.');
    p
}

/// The child: opens the vault and writes until it is killed, printing the
/// id of each record after its write returned.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let f = Fixture::new();
    let app = f.open(std::path::Path::new(&dir));
    let v = app.vault();
    if v.state().unwrap() == VaultState::NotSetUp {
        v.set_pin(&pin(PIN)).unwrap();
    } else {
        v.unlock(&pin(PIN)).unwrap();
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY").unwrap();
    out.flush().unwrap();
    let mut n: u64 = rand_seed();
    loop {
        n = n.wrapping_add(1);
        let kind = if n.is_multiple_of(5) {
            RecordKind::Alert
        } else {
            RecordKind::Report
        };
        let body = payload(n);
        let id = v
            .save_record(NewRecord {
                kind,
                region: None,
                payload: &body,
            })
            .unwrap();
        writeln!(out, "ID {id} {n}").unwrap();
        out.flush().unwrap();
    }
}

fn rand_seed() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    (t.as_nanos() as u64) ^ (u64::from(std::process::id()) << 32)
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

#[test]
fn killed_at_random_moments_loses_nothing_that_was_saved() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut rng = Rng(rand_seed() | 1);
    let mut saved: HashMap<RecordId, u64> = HashMap::new();
    let mut killed_mid_startup = 0;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Every fourth round, kill at a random moment from spawn (which may
        // fall while the child opens or migrates); otherwise at a random
        // moment while it writes.
        if round.is_multiple_of(4) {
            std::thread::sleep(Duration::from_millis(rng.below(40)));
        } else {
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                match rx.recv_timeout(Duration::from_secs(20)) {
                    Ok(line) if line.ends_with("READY") => break,
                    Ok(line) => record_line(&line, &mut saved),
                    Err(_) => panic!("the child never became ready"),
                }
                assert!(Instant::now() < deadline);
            }
            std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        let before = saved.len();
        let mut ready = false;
        for line in rx.try_iter() {
            ready |= line.ends_with("READY");
            record_line(&line, &mut saved);
        }
        if round.is_multiple_of(4) && !ready && saved.len() == before {
            killed_mid_startup += 1;
        }
        verify(dir.path(), &saved);
    }
    eprintln!(
        "{KILLS} kills, {} records saved and found, {killed_mid_startup} kills before the first write, {:?}",
        saved.len(),
        started.elapsed()
    );
    assert!(saved.len() > KILLS, "the child barely wrote anything");
}

fn record_line(line: &str, saved: &mut HashMap<RecordId, u64>) {
    if let Some(rest) = line.strip_prefix("ID ") {
        let mut parts = rest.split(' ');
        let id = RecordId::parse(parts.next().unwrap()).unwrap();
        let n: u64 = parts.next().unwrap().parse().unwrap();
        saved.insert(id, n);
    }
}

fn verify(dir: &std::path::Path, saved: &HashMap<RecordId, u64>) {
    let db = rusqlite::Connection::open(dir.join("kulna.sqlite")).unwrap();
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(db);
    let f = Fixture::new();
    let app = f.open(dir);
    let v = app.vault();
    if saved.is_empty() && v.state().unwrap() == VaultState::NotSetUp {
        return;
    }
    v.unlock(&pin(PIN)).unwrap();
    let records: HashMap<RecordId, Vec<u8>> = v
        .records()
        .unwrap()
        .into_iter()
        .map(|r| (r.id, r.payload.unwrap().to_vec()))
        .collect();
    let queued: std::collections::HashSet<RecordId> = v
        .outbox_next_batch(usize::MAX)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    for (id, n) in saved {
        assert_eq!(records.get(id), Some(&payload(*n)), "record {n} lost");
        assert!(queued.contains(id), "envelope of record {n} lost");
    }
    // And nothing half-written: every record has its envelope and back.
    assert_eq!(records.len(), queued.len());
}
