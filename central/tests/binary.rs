//! The real `kulna-central` binary: init, serve, the one line scripts parse,
//! a busy port, and durability across SIGKILL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestDevice;
use kulna_central::store::sqlite::SqliteStore;
use kulna_central::store::Storage as _;
use kulna_model::api::{AlertResponse, IngestResponse, RegisterDeviceResponse, ServiceKeyResponse};
use kulna_model::RecordKind;
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_kulna-central");

fn cmd(dir: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data-dir")
        .arg(dir)
        .env("KULNA_OPERATOR_PASSPHRASE", "a long operator passphrase")
        .env_remove("KULNA_DATABASE_URL");
    c
}

fn start(dir: &Path, listen: &str) -> (Child, String) {
    spawn_serve(cmd(dir), listen)
}

fn spawn_serve(mut cmd: Command, listen: &str) -> (Child, String) {
    let mut child = cmd
        .args(["serve", "--listen", listen])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .expect("the listening line")
        .to_owned();
    (child, url)
}

#[test]
fn init_is_idempotent_and_serve_prints_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path()).arg("init").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("initialised"));
    let db = std::fs::read(dir.path().join("kulna-central.sqlite3")).unwrap();
    let again = cmd(dir.path()).arg("init").output().unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("already initialised"));
    assert_eq!(
        std::fs::read(dir.path().join("kulna-central.sqlite3"))
            .unwrap()
            .len(),
        db.len()
    );

    // Wrong passphrase: one clear sentence, non-zero.
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("KULNA_OPERATOR_PASSPHRASE", "not it")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong operator passphrase"), "{err}");

    let (mut child, url) = start(dir.path(), "127.0.0.1:0");
    assert!(url.starts_with("http://127.0.0.1:"));
    let port = url.rsplit(':').next().unwrap();
    // A busy port: one sentence on stderr, non-zero, no backtrace.
    let out = cmd(dir.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already in use"), "{err}");
    assert!(
        !err.contains("backtrace") && !err.contains("panicked"),
        "{err}"
    );
    // SIGTERM: a graceful exit.
    Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

/// Sends batches from 8 connections, and alerts from a ninth (one every
/// 2 ms, so that many find a group commit in flight and go through the
/// alert journal), until `stop_after` ids are acknowledged, runs `stop`,
/// and collects every acknowledged id, including answers that arrive after
/// `stop`.
fn load_until(url: &str, stop_after: usize, stop: impl FnOnce()) -> Vec<kulna_model::RecordId> {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let client = reqwest::Client::new();
        let key: ServiceKeyResponse = client
            .get(format!("{url}/v1/service-key"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let service = kulna_crypto::SealingPublicKey::from_base64(&key.sealing_public_key).unwrap();
        let mut d = TestDevice::new();
        let reg: RegisterDeviceResponse = client
            .post(format!("{url}/v1/devices"))
            .json(&d.registration())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        d.token = reg.token;
        let d = std::sync::Arc::new(d);
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        for _ in 0..8 {
            let (client, url, d, service, tx) = (
                client.clone(),
                url.to_owned(),
                d.clone(),
                service.clone(),
                tx.clone(),
            );
            tokio::spawn(async move {
                loop {
                    let envs: Vec<_> = (0..50)
                        .map(|_| d.seal_bytes(&service, RecordKind::Report, Some(3), &[7u8; 512]))
                        .collect();
                    let Ok(r) = client
                        .post(format!("{url}/v1/envelopes"))
                        .header("authorization", d.bearer())
                        .json(&serde_json::json!({ "envelopes": envs }))
                        .send()
                        .await
                    else {
                        return;
                    };
                    let Ok(body) = r.json::<IngestResponse>().await else {
                        return;
                    };
                    if tx.send(body.held).is_err() {
                        return;
                    }
                }
            });
        }
        {
            let (client, url, d, service, tx) = (
                client.clone(),
                url.to_owned(),
                d.clone(),
                service.clone(),
                tx.clone(),
            );
            tokio::spawn(async move {
                loop {
                    let env = d.seal_bytes(&service, RecordKind::Alert, Some(3), &[9u8; 64]);
                    let Ok(r) = client
                        .post(format!("{url}/v1/alerts"))
                        .header("authorization", d.bearer())
                        .json(&env)
                        .send()
                        .await
                    else {
                        return;
                    };
                    let Ok(body) = r.json::<AlertResponse>().await else {
                        return;
                    };
                    if tx.send(vec![body.id]).is_err() {
                        return;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
                }
            });
        }
        drop(tx);
        let mut held = Vec::new();
        let mut stop = Some(stop);
        while let Some(ids) = rx.recv().await {
            held.extend(ids);
            if held.len() >= stop_after {
                if let Some(stop) = stop.take() {
                    stop();
                }
            }
        }
        held
    })
}

#[test]
fn sigterm_finishes_accepted_requests() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cmd(dir.path())
        .arg("init")
        .stdout(Stdio::null())
        .status()
        .unwrap()
        .success());
    let (mut child, url) = start(dir.path(), "127.0.0.1:0");
    let pid = child.id().to_string();
    let held = load_until(&url, 1000, || {
        Command::new("kill")
            .arg("-TERM")
            .arg(&pid)
            .status()
            .unwrap();
    });
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(held.len() >= 1000);
    let store = SqliteStore::open(&dir.path().join("kulna-central.sqlite3")).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        for id in &held {
            assert!(
                store.case(*id).await.unwrap().is_some(),
                "acknowledged {id} was lost"
            );
        }
    });
}

#[test]
fn acknowledged_envelopes_survive_sigkill() {
    survives_sigkill(None);
}

/// The same with the alert journal configured on another disk (here
/// another directory): `KULNA_ALERT_JOURNAL`.
#[test]
fn acknowledged_alerts_survive_sigkill_with_the_journal_elsewhere() {
    let other = tempfile::tempdir().unwrap();
    survives_sigkill(Some(&other.path().join("fast-disk").join("alerts.sqlite3")));
}

#[allow(clippy::print_stdout)]
fn survives_sigkill(journal: Option<&Path>) {
    let dir = tempfile::tempdir().unwrap();
    let with_journal = |mut c: Command| {
        if let Some(j) = journal {
            c.env("KULNA_ALERT_JOURNAL", j);
        }
        c
    };
    assert!(with_journal(cmd(dir.path()))
        .arg("init")
        .stdout(Stdio::null())
        .status()
        .unwrap()
        .success());
    let (mut child, url) = spawn_serve(with_journal(cmd(dir.path())), "127.0.0.1:0");
    // SIGKILL right after 2,000 acknowledgements, with requests in flight.
    let held = load_until(&url, 2000, || child.kill().unwrap());
    let rt = tokio::runtime::Runtime::new().unwrap();
    child.wait().unwrap();
    assert!(held.len() >= 2000);
    let db = dir.path().join("kulna-central.sqlite3");
    let default_journal = kulna_central::store::sqlite::journal_path(&db);
    let journal = journal.map_or(default_journal.clone(), Path::to_owned);
    assert!(journal.exists());
    assert_eq!(
        default_journal.exists(),
        journal == default_journal,
        "the journal is only where it is configured"
    );
    let alerts_at_kill = {
        let j = rusqlite::Connection::open(&journal).unwrap();
        j.query_row("SELECT count(*) FROM held_alerts", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap()
    };
    println!("alerts in the journal at the kill: {alerts_at_kill}");
    // Opening the store moves them where staff see them.
    let store = SqliteStore::open_with_journal(&db, &journal).unwrap();
    rt.block_on(async {
        for id in &held {
            assert!(
                store.case(*id).await.unwrap().is_some(),
                "acknowledged {id} was lost"
            );
        }
    });
    drop(store);
    // And the service starts again on the same data.
    let (mut child, url) = spawn_serve(with_journal(cmd(dir.path())), "127.0.0.1:0");
    let ok = rt.block_on(async {
        reqwest::get(format!("{url}/ready"))
            .await
            .unwrap()
            .status()
            .is_success()
    });
    assert!(ok);
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn configuration_comes_from_a_file_and_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let conf = dir.path().join("central.toml");
    std::fs::write(
        &conf,
        format!(
            "data_dir = {:?}\nlisten = \"127.0.0.1:0\"\nlog_format = \"json\"\n",
            data.display().to_string()
        ),
    )
    .unwrap();
    let pass = dir.path().join("pass");
    std::fs::write(&pass, "a passphrase from a file\n").unwrap();
    let run = |args: &[&str]| {
        Command::new(BIN)
            .arg("--config")
            .arg(&conf)
            .arg("--passphrase-file")
            .arg(&pass)
            .args(args)
            .env_remove("KULNA_OPERATOR_PASSPHRASE")
            .env_remove("KULNA_DATABASE_URL")
            .env("KULNA_UNRELATED_APP_SETTING", "ignored")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    assert!(run(&["init"]).wait().unwrap().success());
    assert!(
        data.join("kulna-central.sqlite3").exists(),
        "data_dir came from the file"
    );
    let mut child = run(&["serve"]);
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on http://127.0.0.1:"), "{line}");
    child.kill().unwrap();
    child.wait().unwrap();
    // KULNA_LISTEN overrides the file (here: a port already taken); a typo
    // in the file is one clear error.
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy_addr = busy.local_addr().unwrap().to_string();
    let child = Command::new(BIN)
        .arg("--config")
        .arg(&conf)
        .arg("--passphrase-file")
        .arg(&pass)
        .arg("serve")
        .env("KULNA_LISTEN", &busy_addr)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&busy_addr),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&conf, "lisen = \"x\"\n").unwrap();
    let out = Command::new(BIN)
        .arg("--config")
        .arg(&conf)
        .arg("init")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("lisen"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
