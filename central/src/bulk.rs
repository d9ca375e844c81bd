//! Bulk work (parsing and checking batches of envelopes, writing group
//! commits) on threads of its own, at a lower scheduling priority than the
//! threads that serve alerts, staff and everything else.
//!
//! On a machine whose cores are busy with batches, the kernel then gives a
//! core to an alert as soon as it arrives: its answer does not wait for a
//! batch's signature checks to use up their time slice. The batches lose
//! nothing when the machine is otherwise idle (niceness only weighs
//! threads that compete).

use std::panic::AssertUnwindSafe;
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use thread_priority::{ThreadPriority, ThreadPriorityValue};

type Job = Box<dyn FnOnce() + Send>;

/// The niceness of bulk threads on Linux: 10 (a scheduling weight of about
/// a tenth of a normal thread's), from the crate's 0–99 scale.
const BULK_PRIORITY: u8 = 22;

static POOL: OnceLock<Option<mpsc::Sender<Job>>> = OnceLock::new();

/// Runs `f` on a bulk thread and answers its result (or an error if it
/// panicked). Without bulk threads (they could not start), on tokio's
/// blocking pool.
pub async fn run<T, F>(f: F) -> anyhow::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(f());
    });
    match POOL.get_or_init(start) {
        Some(pool) => {
            if let Err(mpsc::SendError(job)) = pool.send(job) {
                tokio::task::spawn_blocking(job);
            }
        }
        None => {
            tokio::task::spawn_blocking(job);
        }
    }
    rx.await
        .map_err(|_| anyhow::anyhow!("bulk work failed before answering"))
}

fn start() -> Option<mpsc::Sender<Job>> {
    // One more than the cores: a group commit waiting on the disk holds a
    // thread while batches are checked on the others.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) + 1;
    let (tx, rx) = mpsc::channel::<Job>();
    let rx = Arc::new(Mutex::new(rx));
    let mut started = 0;
    for i in 0..threads {
        let rx = rx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("bulk-{i}"))
            .spawn(move || {
                lower_priority();
                loop {
                    let job = match rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(job) = job else { return };
                    // A panicking job drops its answer (the caller gets an
                    // error); the thread goes on.
                    let _ = std::panic::catch_unwind(AssertUnwindSafe(job));
                }
            });
        if spawned.is_ok() {
            started += 1;
        }
    }
    (started > 0).then_some(tx)
}

fn lower_priority() {
    let lowered = ThreadPriorityValue::try_from(BULK_PRIORITY)
        .map_err(|e| e.to_string())
        .and_then(|v| {
            ThreadPriority::Crossplatform(v)
                .set_for_current()
                .map_err(|e| e.to_string())
        });
    if let Err(e) = lowered {
        // Only slower alerts under load; everything still works.
        tracing::warn!(error = %e, "bulk threads keep the normal priority");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The niceness of the calling thread, from /proc (Linux).
    fn niceness() -> Option<i64> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        // Fields after the command name, which is in parentheses.
        let rest = stat.rsplit_once(')')?.1;
        rest.split_whitespace().nth(16)?.parse().ok()
    }

    #[tokio::test]
    async fn bulk_work_runs_at_a_lower_priority_and_survives_a_panic() {
        let there = run(niceness).await.unwrap();
        if cfg!(target_os = "linux") {
            // 10, or more when the tests themselves run niced.
            assert!(there.is_some_and(|n| n >= 10), "{there:?}");
            assert!(niceness().is_some_and(|n| n < there.unwrap_or(0)));
        }
        assert!(run(|| -> u8 { panic!("a job that fails") }).await.is_err());
        assert_eq!(run(|| 2 + 2).await.unwrap(), 4);
    }
}
