//! No PIN, key, token or anything she wrote appears in a log line, an error
//! message or a debug print, through a whole life cycle.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{pin, Fixture};
use kulna_core::{DeviceToken, NewRecord};
use kulna_model::{CommandError, RecordKind};
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const PIN: &str = "246813";
const WRONG: &str = "975310";
const DURESS: &str = "864202";
const SECRET_TEXT: &str = "he threatened me at 12 rue des Orangers";
const TOKEN: &str = "tok-3f9a1c77e2";

#[test]
fn nothing_secret_in_logs_errors_or_debug_output() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let mut shown = String::new();
    tracing::subscriber::with_default(subscriber, || {
        let f = Fixture::new();
        let dir = tempfile::tempdir().unwrap();
        let app = f.open(dir.path());
        let v = app.vault();
        v.set_pin(&pin(PIN)).unwrap();
        v.set_device_token(&DeviceToken::new(TOKEN.into())).unwrap();
        let id = v
            .save_record(NewRecord {
                kind: RecordKind::Report,
                region: Some(4),
                payload: SECRET_TEXT.as_bytes(),
            })
            .unwrap();
        v.set_duress_pin(&pin(DURESS), false).unwrap();
        v.set_wipe_after(Some(3)).unwrap();
        let record = v.record(id).unwrap();
        shown.push_str(&format!("{record:?} {:?}", v.device_token().unwrap()));
        shown.push_str(&format!("{:?} {app:?}", pin(PIN)));
        v.lock();
        for _ in 0..3 {
            let e = v.unlock(&pin(WRONG)).unwrap_err();
            let c: CommandError = e.into();
            shown.push_str(&format!("{c} {c:?}"));
        }
        // The third wrong PIN wiped everything (and logged that it did).
        let e = v.record(id).unwrap_err();
        shown.push_str(&format!("{e} {e:?}"));
    });
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("vault wiped"), "the wipe is logged: {logs}");
    for secret in [PIN, WRONG, DURESS, SECRET_TEXT, TOKEN] {
        assert!(!logs.contains(secret), "a secret in the logs");
        assert!(
            !shown.contains(secret),
            "a secret in an error or debug print"
        );
    }
    assert!(shown.contains("[redacted]"));
}
