//! The vault: one SQLite database (WAL, `secure_delete`) whose sensitive
//! columns are AES-256-GCM ciphertext under a data key that only her PIN
//! unwraps.
//!
//! # Spaces and slots
//!
//! The database holds two key slots, always both filled. Each wraps its own
//! data key; the rows a key encrypts carry that slot's number as their
//! `space`. Setting the PIN puts the real key in a slot chosen at random and
//! fills the other with a decoy that no PIN opens; setting a duress PIN
//! replaces that decoy with an empty vault of its own. Which slot is real is
//! written only inside the wrapped keys, so the files do not say whether a
//! duress PIN exists, nor which slot it is.
//!
//! # Unlocking
//!
//! 1. If the last failures impose a wait, refuse with `TooManyAttempts`.
//! 2. Count the attempt as failed, on disk, *before* deriving: killing the
//!    app mid-check does not give a free try.
//! 3. Derive the PIN key (PBKDF2, outside the database lock) and try every
//!    slot with it ([`kulna_crypto::unlock_slots`]): same work whichever PIN.
//! 4. On success reset the count. The real PIN adopts the records made while
//!    locked; the duress PIN opens the decoy and, if she chose so, shreds the
//!    real slot and its rows first. The caller sees `Ok(())` either way.
//! 5. On failure, after `wipe_after` failures in a row, wipe everything.
//!
//! Locking drops the data key, which zeroizes it. An idle session locks
//! itself on the next call after the auto-lock delay; the shell may also
//! call [`Vault::lock_if_idle`] on a timer.
//!
//! # Wipe
//!
//! Crypto-shredding: the wrapped keys are overwritten with random bytes and
//! deleted (with `secure_delete` on, SQLite zeroes freed pages), every table
//! is emptied, then the database, WAL and shared-memory files are removed and
//! a fresh database is created. What flash storage keeps of old blocks is
//! beyond the app's reach; without the wrapped keys it is ciphertext no one
//! can open.

use crate::device::DeviceKeys;
use crate::error::StoreError;
use crate::schema::{self, VAULT_SCHEMA};
use kulna_crypto::vault::{FieldAad, KdfParams};
use kulna_crypto::{
    unlock_slots, DataKey, KdfCost, Pin, SealingPublicKey, SealingSecretKey, WrappedKey,
};
use rusqlite::{params, Connection, OptionalExtension};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

/// The database file, under the app data directory.
pub const DATABASE_FILE: &str = "kulna.sqlite";

/// Wrong PINs allowed before waits begin.
pub const FREE_ATTEMPTS: u32 = 5;
/// The first wait, after [`FREE_ATTEMPTS`] wrong PINs; it doubles with each
/// further wrong PIN up to [`MAX_WAIT`].
pub const FIRST_WAIT: Duration = Duration::from_secs(30);
/// The longest wait between two tries.
pub const MAX_WAIT: Duration = Duration::from_secs(60 * 60);
/// The auto-lock delay of a new vault.
pub const DEFAULT_AUTO_LOCK: Duration = Duration::from_secs(300);

const META_DECOY: u32 = 1;
const META_WIPE_REAL: u32 = 2;
const ITEM_DURESS: &str = "vault.duress_configured";
pub(crate) const ITEM_DEVICE_SECRET: &str = "device.sealing_secret";

/// The time, in milliseconds since the Unix epoch. Injected so tests can
/// move it; the app uses [`SystemClock`].
pub trait Clock: Send + Sync + fmt::Debug {
    /// Now.
    fn now_ms(&self) -> i64;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}

/// How a vault is opened.
#[derive(Debug, Clone)]
pub struct VaultOptions {
    /// The PIN derivation cost for new and re-wrapped keys:
    /// [`KdfCost::PRODUCTION`] except in tests.
    pub kdf_cost: KdfCost,
    /// The central service's public key, pinned in the build; needed to seal
    /// records (not to store drafts).
    pub service_key: Option<SealingPublicKey>,
    /// The clock.
    pub clock: Arc<dyn Clock>,
}

impl Default for VaultOptions {
    fn default() -> Self {
        Self {
            kdf_cost: KdfCost::PRODUCTION,
            service_key: None,
            clock: Arc::new(SystemClock),
        }
    }
}

#[cfg(test)]
impl VaultOptions {
    /// For unit tests: the cheapest PIN cost, and `service_key` pinned.
    pub(crate) fn for_tests(service_key: Option<&SealingPublicKey>) -> Self {
        Self {
            kdf_cost: KdfCost::insecure_for_tests(std::num::NonZeroU32::MIN),
            service_key: service_key.cloned(),
            ..Self::default()
        }
    }
}

/// Where the vault stands, for the UI to pick its screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultState {
    /// First run (or after a wipe): ask her to choose a PIN.
    NotSetUp,
    /// A PIN is set and the vault is locked.
    Locked,
    /// Open.
    Unlocked,
}

pub(crate) struct Session {
    pub(crate) slot: i64,
    decoy: bool,
    pub(crate) key: DataKey,
    last_activity_ms: i64,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Session([redacted])")
    }
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) conn: Connection,
    pub(crate) session: Option<Session>,
    pub(crate) device: DeviceKeys,
}

/// The vault, its device identity and its outbox. One per data directory;
/// share it behind an `Arc`. Every method is blocking (SQLite, PBKDF2): call
/// it off the async runtime.
///
/// # An alert has the database first
///
/// Every write goes through one connection behind one lock. An alert being
/// written (the panic button) or settled by the alert lane asks for it as
/// urgent: while an urgent caller waits, no ordinary caller starts, so the
/// alert waits at most for the one call in progress. The long writers keep
/// their calls short for this: the sync client settles in small
/// transactions, reads its batches on a second connection and checkpoints
/// the WAL on a third, never under the lock.
#[derive(Debug)]
pub struct Vault {
    path: PathBuf,
    options: VaultOptions,
    service_key: Mutex<Option<SealingPublicKey>>,
    inner: Mutex<Inner>,
    /// Urgent callers waiting for `inner`.
    urgent: UrgentGate,
    /// A second connection, for the sync client's reads of the outbox: they
    /// do not need the first connection's lock (WAL readers never block its
    /// writer).
    side: Mutex<Option<Connection>>,
    /// A third one, for WAL checkpoints only: a checkpoint (two disk syncs)
    /// running in the background never holds up the next read of a batch.
    checkpointer: Mutex<Option<Connection>>,
}

/// How many urgent callers wait for the connection; the others hold back
/// while there are any.
#[derive(Debug, Default)]
struct UrgentGate {
    waiting: Mutex<usize>,
    clear: Condvar,
}

/// The longest an ordinary call holds back for urgent ones (it then goes on:
/// a stream of alerts must not stop the app).
const MAX_HOLD_BACK: Duration = Duration::from_secs(2);

impl UrgentGate {
    fn count(&self) -> MutexGuard<'_, usize> {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn enter(&self) {
        *self.count() += 1;
    }

    fn leave(&self) {
        let mut n = self.count();
        *n = n.saturating_sub(1);
        if *n == 0 {
            self.clear.notify_all();
        }
    }

    /// Waits until no urgent caller is waiting (bounded).
    fn hold_back(&self) {
        let deadline = Instant::now() + MAX_HOLD_BACK;
        let mut n = self.count();
        while *n > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            n = self
                .clear
                .wait_timeout(n, left)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Guard {
    failed: u32,
    last_failure_ms: Option<i64>,
    wipe_after: Option<u32>,
    auto_lock_secs: Option<u64>,
}

pub(crate) fn open_connection(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    // The directory index's triggers call these (schema 4).
    crate::directory::index::register(&conn)?;
    schema::migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// A connection beside the first (the reader, the checkpointer): the
/// database must exist already (it is never created here); it reads, or
/// checkpoints, but never writes rows.
fn open_side(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(conn)
}

/// Runs `f` on the connection in `slot`, opening it first if needed;
/// `None` when it cannot be opened.
fn with_extra<T>(
    slot: &Mutex<Option<Connection>>,
    path: &Path,
    f: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Option<Result<T, StoreError>> {
    let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
    if slot.is_none() {
        match open_side(path) {
            Ok(c) => *slot = Some(c),
            Err(e) => {
                tracing::debug!(error = %e, "a second connection did not open");
                return None;
            }
        }
    }
    slot.as_ref().map(f)
}

fn wait_after(failed: u32) -> Duration {
    if failed < FREE_ATTEMPTS {
        return Duration::ZERO;
    }
    let doublings = (failed - FREE_ATTEMPTS).min(16);
    FIRST_WAIT.saturating_mul(1 << doublings).min(MAX_WAIT)
}

fn ceil_secs(ms: i64) -> u64 {
    u64::try_from(ms.max(0)).unwrap_or(0).div_ceil(1000)
}

impl Vault {
    /// Opens (creating if needed) the vault database in `dir` and brings its
    /// schema up to date. Opening never overwrites a file it cannot read.
    pub fn open(dir: &Path, options: VaultOptions) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(StoreError::Directory)?;
        let path = dir.join(DATABASE_FILE);
        let conn = open_connection(&path)?;
        let device = DeviceKeys::load_or_create(&conn)?;
        let service_key = match &options.service_key {
            Some(key) => {
                save_service_key(&conn, key)?;
                Some(key.clone())
            }
            None => load_service_key(&conn)?,
        };
        Ok(Self {
            path,
            service_key: Mutex::new(service_key),
            options,
            inner: Mutex::new(Inner {
                conn,
                session: None,
                device,
            }),
            urgent: UrgentGate::default(),
            side: Mutex::new(None),
            checkpointer: Mutex::new(None),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection and session, after any urgent caller waiting for them.
    pub(crate) fn inner(&self) -> MutexGuard<'_, Inner> {
        self.urgent.hold_back();
        self.lock_inner()
    }

    /// The connection and session for an alert: ahead of every ordinary
    /// caller not yet holding them.
    pub(crate) fn inner_urgent(&self) -> MutexGuard<'_, Inner> {
        self.urgent.enter();
        let guard = self.lock_inner();
        self.urgent.leave();
        guard
    }

    fn lock_inner(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (transactions roll back), so a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the second connection (opened on first use). `None` when
    /// it cannot be opened; the caller then uses the first one.
    pub(crate) fn with_side<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Option<Result<T, StoreError>> {
        with_extra(&self.side, &self.path, f)
    }

    /// Copies what the WAL holds back into the database (a passive
    /// checkpoint: it waits for no reader or writer), on a connection kept
    /// for this alone, so neither the lock nor the second connection is
    /// held meanwhile: an alert's commit does not pay for it, and the sync
    /// client reads its next batch while it runs. Best effort: SQLite still
    /// checkpoints by itself if this is never called.
    pub(crate) fn checkpoint(&self) {
        let done = with_extra(&self.checkpointer, &self.path, |conn| {
            conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
            Ok(())
        });
        if let Some(Err(e)) = done {
            tracing::debug!(error = %e, "checkpoint failed");
        }
    }

    pub(crate) fn now_ms(&self) -> i64 {
        self.options.clock.now_ms()
    }

    /// Sets the central service's public key (pinned in the build, or
    /// learned at registration) and remembers it across restarts, so the
    /// panic button can seal an alert at the next start, offline and locked.
    pub fn set_service_key(&self, key: SealingPublicKey) -> Result<(), StoreError> {
        save_service_key(&self.inner().conn, &key)?;
        *self.service_key.lock().unwrap_or_else(|e| e.into_inner()) = Some(key);
        Ok(())
    }

    pub(crate) fn service_key(&self) -> Result<SealingPublicKey, StoreError> {
        self.service_key
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or(StoreError::NoServiceKey)
    }

    /// Runs `f` on the open session, locking first if it sat idle too long.
    /// Counts as activity.
    pub(crate) fn with_session<T>(
        &self,
        inner: &mut Inner,
        f: impl FnOnce(&Connection, &Session) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.check_idle(inner)?;
        let session = inner.session.as_mut().ok_or(StoreError::Locked)?;
        session.last_activity_ms = self.now_ms();
        f(&inner.conn, session)
    }

    /// Locks if the session sat idle too long; `Locked` if no session is open.
    /// Not activity.
    pub(crate) fn check_idle(&self, inner: &mut Inner) -> Result<(), StoreError> {
        let now = self.now_ms();
        let guard = load_guard(&inner.conn)?;
        let session = inner.session.as_ref().ok_or(StoreError::Locked)?;
        if let Some(secs) = guard.auto_lock_secs {
            let limit = i64::try_from(secs.saturating_mul(1000)).unwrap_or(i64::MAX);
            if now.saturating_sub(session.last_activity_ms) >= limit {
                inner.session = None;
                return Err(StoreError::Locked);
            }
        }
        Ok(())
    }

    /// Where the vault stands.
    pub fn state(&self) -> Result<VaultState, StoreError> {
        let mut inner = self.inner();
        if !has_slots(&inner.conn)? {
            return Ok(VaultState::NotSetUp);
        }
        match self.check_idle(&mut inner) {
            Ok(()) => Ok(VaultState::Unlocked),
            Err(StoreError::Locked) => Ok(VaultState::Locked),
            Err(e) => Err(e),
        }
    }

    /// First run: sets her PIN, creates the vault and the device's sealing
    /// key pair, and leaves the vault open.
    pub fn set_pin(&self, pin: &Pin) -> Result<(), StoreError> {
        let params = KdfParams::generate(self.options.kdf_cost)?;
        let key = DataKey::generate()?;
        let mut slot_byte = [0u8; 1];
        kulna_crypto::vault::random_bytes(&mut slot_byte)?;
        let real_slot = i64::from(slot_byte[0] & 1);
        let real = WrappedKey::wrap_with_pin(&key, 0, pin, params.clone())?;
        let decoy = WrappedKey::decoy(params)?;
        let device_secret = SealingSecretKey::generate();

        let mut inner = self.inner();
        if has_slots(&inner.conn)? {
            return Err(StoreError::AlreadySetUp);
        }
        let now = self.now_ms();
        let tx = inner.conn.transaction()?;
        tx.execute(
            "INSERT INTO key_slot (slot, wrapped) VALUES (?1, ?2), (?3, ?4)",
            params![real_slot, real.to_bytes(), 1 - real_slot, decoy.to_bytes()],
        )?;
        tx.execute(
            "UPDATE pin_guard SET failed_attempts = 0, last_failure_ms = NULL",
            [],
        )?;
        put_item(
            &tx,
            &key,
            real_slot,
            ITEM_DEVICE_SECRET,
            &device_secret.to_bytes(),
        )?;
        tx.execute(
            "UPDATE device SET sealing_public = ?1",
            [device_secret.public_key().to_bytes().to_vec()],
        )?;
        tx.commit()?;
        inner.device.sealing_public = Some(device_secret.public_key().clone());
        inner.session = Some(Session {
            slot: real_slot,
            decoy: false,
            key,
            last_activity_ms: now,
        });
        adopt_orphans(&inner.conn, inner.session.as_ref(), &device_secret)?;
        Ok(())
    }

    /// Opens the vault with her PIN, or with the duress PIN (which opens the
    /// decoy, and wipes the real vault if she chose so): both return `Ok(())`
    /// after the same work.
    pub fn unlock(&self, pin: &Pin) -> Result<(), StoreError> {
        let now = self.now_ms();
        let slots = {
            let mut inner = self.inner();
            // Whatever was open closes: a PIN typed now decides what opens.
            inner.session = None;
            let slots = load_slots(&inner.conn)?;
            if slots.is_empty() {
                return Err(StoreError::NotSetUp);
            }
            let guard = load_guard(&inner.conn)?;
            check_wait(&inner.conn, &guard, now)?;
            count_failure(&inner.conn, now)?;
            slots
        };
        let wrapped: Vec<WrappedKey> = slots.iter().map(|(_, w)| w.clone()).collect();
        let opened = unlock_slots(&wrapped, pin);

        let mut inner = self.inner();
        // The slots may have changed while the PIN was derived (a wipe).
        if load_slots(&inner.conn)? != slots {
            return Err(self.failed(&mut inner));
        }
        let Some(opened) = opened else {
            return Err(self.failed(&mut inner));
        };
        let slot = slots[opened.index].0;
        inner.conn.execute(
            "UPDATE pin_guard SET failed_attempts = 0, last_failure_ms = NULL",
            [],
        )?;
        let decoy = opened.meta & META_DECOY != 0;
        if decoy && opened.meta & META_WIPE_REAL != 0 {
            let params = slots[opened.index].1.params().clone();
            shred_space(&mut inner.conn, 1 - slot, params)?;
            inner.device.sealing_public = None;
        }
        inner.session = Some(Session {
            slot,
            decoy,
            key: opened.key,
            last_activity_ms: now,
        });
        if !decoy {
            let secret = self.device_secret_in(&inner)?;
            if let Some(secret) = secret {
                adopt_orphans(&inner.conn, inner.session.as_ref(), &secret)?;
            }
        }
        let current = &slots[opened.index].1;
        if current.params().cost() < self.options.kdf_cost {
            self.raise_cost(&mut inner, pin, current.params(), opened.meta)?;
        }
        Ok(())
    }

    /// The answer to a wrong PIN: wipe if she set a limit and it is reached,
    /// otherwise say how long to wait.
    fn failed(&self, inner: &mut Inner) -> StoreError {
        let guard = match load_guard(&inner.conn) {
            Ok(g) => g,
            Err(e) => return e,
        };
        if let Some(limit) = guard.wipe_after {
            if guard.failed >= limit {
                tracing::warn!("wrong PIN limit reached: wiping the vault");
                if let Err(e) = self.wipe_inner(inner) {
                    return e;
                }
                return StoreError::WrongPin {
                    attempts_left: Some(0),
                    retry_after_secs: 0,
                };
            }
        }
        StoreError::WrongPin {
            attempts_left: guard.wipe_after.map(|l| l.saturating_sub(guard.failed)),
            retry_after_secs: wait_after(guard.failed).as_secs(),
        }
    }

    /// Re-wraps the open slot at the configured cost; when no duress PIN is
    /// set, renews the decoy slot at the same cost so both match again.
    fn raise_cost(
        &self,
        inner: &mut Inner,
        pin: &Pin,
        params: &KdfParams,
        meta: u32,
    ) -> Result<(), StoreError> {
        let raised = params.with_cost(self.options.kdf_cost);
        let Some(session) = inner.session.as_ref() else {
            return Ok(());
        };
        let slot = session.slot;
        let rewrapped = WrappedKey::wrap_with_pin(&session.key, meta, pin, raised.clone())?;
        let duress_set =
            !session.decoy && get_item(&inner.conn, &session.key, slot, ITEM_DURESS)?.is_some();
        let renew_decoy = !session.decoy && !duress_set;
        let decoy = if renew_decoy {
            Some(WrappedKey::decoy(raised)?)
        } else {
            None
        };
        let tx = inner.conn.transaction()?;
        tx.execute(
            "UPDATE key_slot SET wrapped = ?2 WHERE slot = ?1",
            params![slot, rewrapped.to_bytes()],
        )?;
        if let Some(decoy) = decoy {
            tx.execute(
                "UPDATE key_slot SET wrapped = ?2 WHERE slot = ?1",
                params![1 - slot, decoy.to_bytes()],
            )?;
        }
        tx.commit()?;
        forget_old_keys(&inner.conn)?;
        tracing::info!(
            iterations = self.options.kdf_cost.iterations(),
            "PIN key cost raised"
        );
        Ok(())
    }

    /// Locks: the data key is dropped, which zeroizes it.
    pub fn lock(&self) {
        self.inner().session = None;
    }

    /// Marks activity, postponing auto-lock.
    pub fn touch(&self) {
        let mut inner = self.inner();
        let _ = self.with_session(&mut inner, |_, _| Ok(()));
    }

    /// Locks if the session sat idle longer than the auto-lock delay.
    /// Returns whether this call locked it (an already locked vault gives
    /// `false`, so the shell's timer reports each lock once).
    pub fn lock_if_idle(&self) -> Result<bool, StoreError> {
        let mut inner = self.inner();
        if inner.session.is_none() {
            return Ok(false);
        }
        match self.check_idle(&mut inner) {
            Ok(()) => Ok(false),
            Err(StoreError::Locked) => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// The auto-lock delay (`None`: never).
    pub fn auto_lock(&self) -> Result<Option<Duration>, StoreError> {
        let inner = self.inner();
        Ok(load_guard(&inner.conn)?
            .auto_lock_secs
            .map(Duration::from_secs))
    }

    /// Sets the auto-lock delay (`None`: never). Needs the vault open.
    pub fn set_auto_lock(&self, after: Option<Duration>) -> Result<(), StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, _| {
            let secs = after.map(|d| i64::try_from(d.as_secs().max(1)).unwrap_or(i64::MAX));
            conn.execute("UPDATE pin_guard SET auto_lock_secs = ?1", [secs])?;
            Ok(())
        })
    }

    /// Sets the number of wrong PINs in a row after which everything is
    /// wiped (`None`: never). Needs the vault open.
    pub fn set_wipe_after(&self, attempts: Option<u32>) -> Result<(), StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, _| {
            let n = attempts.map(|n| n.max(1));
            conn.execute("UPDATE pin_guard SET wipe_after = ?1", [n])?;
            Ok(())
        })
    }

    /// Wrong PINs in a row so far, and how long until the next try.
    pub fn pin_attempts(&self) -> Result<(u32, Duration), StoreError> {
        let inner = self.inner();
        let guard = load_guard(&inner.conn)?;
        let wait = match check_wait(&inner.conn, &guard, self.now_ms()) {
            Err(StoreError::TooManyAttempts { retry_after_secs }) => {
                Duration::from_secs(retry_after_secs)
            }
            _ => Duration::ZERO,
        };
        Ok((guard.failed, wait))
    }

    /// Changes the PIN of the open vault: `current` must open the slot that
    /// is open now. Only the data key is re-wrapped; no data is re-encrypted.
    pub fn change_pin(&self, current: &Pin, new: &Pin) -> Result<(), StoreError> {
        let slots = {
            let mut inner = self.inner();
            self.with_session(&mut inner, |_, _| Ok(()))?;
            let guard = load_guard(&inner.conn)?;
            let now = self.now_ms();
            check_wait(&inner.conn, &guard, now)?;
            count_failure(&inner.conn, now)?;
            load_slots(&inner.conn)?
        };
        let wrapped: Vec<WrappedKey> = slots.iter().map(|(_, w)| w.clone()).collect();
        let opened = unlock_slots(&wrapped, current);
        let clash = unlock_slots(&wrapped, new);
        let mut inner = self.inner();
        let open_slot = inner.session.as_ref().map(|s| s.slot);
        let Some(opened) = opened.filter(|o| Some(slots[o.index].0) == open_slot) else {
            return Err(self.failed(&mut inner));
        };
        inner.conn.execute(
            "UPDATE pin_guard SET failed_attempts = 0, last_failure_ms = NULL",
            [],
        )?;
        if clash.is_some_and(|c| c.index != opened.index) {
            return Err(StoreError::PinInUse);
        }
        let params = slots[opened.index]
            .1
            .params()
            .with_cost(self.options.kdf_cost);
        let rewrapped = WrappedKey::wrap_with_pin(&opened.key, opened.meta, new, params)?;
        inner.conn.execute(
            "UPDATE key_slot SET wrapped = ?2 WHERE slot = ?1",
            params![slots[opened.index].0, rewrapped.to_bytes()],
        )?;
        // The old wrapped key opens with the old PIN: leave no copy of it.
        forget_old_keys(&inner.conn)?;
        Ok(())
    }

    /// Sets (or replaces) the duress PIN: it will open an empty decoy vault,
    /// and, if `wipe_real`, shred this vault at the same moment. Needs the
    /// real vault open. In the decoy vault this returns `Ok(())` and changes
    /// nothing.
    pub fn set_duress_pin(&self, duress: &Pin, wipe_real: bool) -> Result<(), StoreError> {
        let slots = {
            let mut inner = self.inner();
            self.with_session(&mut inner, |_, _| Ok(()))?;
            load_slots(&inner.conn)?
        };
        let wrapped: Vec<WrappedKey> = slots.iter().map(|(_, w)| w.clone()).collect();
        let clash = unlock_slots(&wrapped, duress);
        let mut inner = self.inner();
        let (slot, decoy_session) = self.with_session(&mut inner, |_, s| Ok((s.slot, s.decoy)))?;
        if decoy_session {
            return Ok(());
        }
        if clash.is_some_and(|c| slots[c.index].0 == slot) {
            return Err(StoreError::PinInUse);
        }
        let Some((_, real)) = slots.iter().find(|(s, _)| *s == slot) else {
            return Err(StoreError::Locked);
        };
        let params = real.params().with_cost(self.options.kdf_cost);
        let key = DataKey::generate()?;
        let meta = META_DECOY | if wipe_real { META_WIPE_REAL } else { 0 };
        let w = WrappedKey::wrap_with_pin(&key, meta, duress, params)?;
        let Inner { conn, session, .. } = &mut *inner;
        let Some(session) = session.as_ref() else {
            return Err(StoreError::Locked);
        };
        let tx = conn.transaction()?;
        clear_space(&tx, 1 - slot)?;
        tx.execute(
            "UPDATE key_slot SET wrapped = ?2 WHERE slot = ?1",
            params![1 - slot, w.to_bytes()],
        )?;
        put_item(&tx, &session.key, slot, ITEM_DURESS, &[1])?;
        tx.commit()?;
        forget_old_keys(conn)?;
        Ok(())
    }

    /// Removes the duress PIN (its decoy vault and what it held).
    pub fn clear_duress_pin(&self) -> Result<(), StoreError> {
        let mut inner = self.inner();
        let (slot, decoy, params) = self.with_session(&mut inner, |conn, s| {
            let slots = load_slots(conn)?;
            let params = slots
                .iter()
                .find(|(n, _)| *n == s.slot)
                .map(|(_, w)| w.params().clone())
                .ok_or(StoreError::Locked)?;
            Ok((s.slot, s.decoy, params))
        })?;
        if decoy {
            return Ok(());
        }
        let w = WrappedKey::decoy(params)?;
        let tx = inner.conn.transaction()?;
        clear_space(&tx, 1 - slot)?;
        tx.execute(
            "UPDATE key_slot SET wrapped = ?2 WHERE slot = ?1",
            params![1 - slot, w.to_bytes()],
        )?;
        tx.execute(
            "DELETE FROM vault_item WHERE space = ?1 AND name = ?2",
            params![slot, ITEM_DURESS],
        )?;
        tx.commit()?;
        forget_old_keys(&inner.conn)?;
        Ok(())
    }

    /// Whether a duress PIN is set (as the real vault knows; the decoy says no).
    pub fn duress_pin_set(&self) -> Result<bool, StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            Ok(!s.decoy && get_item(conn, &s.key, s.slot, ITEM_DURESS)?.is_some())
        })
    }

    /// Stores a small secret value in the open vault (a case status, a staff
    /// session), encrypted.
    pub fn put_item(&self, name: &str, value: &[u8]) -> Result<(), StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| {
            put_item(conn, &s.key, s.slot, name, value)
        })
    }

    /// Reads a value stored by [`Vault::put_item`].
    pub fn item(&self, name: &str) -> Result<Option<Zeroizing<Vec<u8>>>, StoreError> {
        let mut inner = self.inner();
        self.with_session(&mut inner, |conn, s| get_item(conn, &s.key, s.slot, name))
    }

    /// Erases everything: shreds the keys, deletes the database and its WAL
    /// and shared-memory files, and starts a fresh one. Afterwards the app
    /// is as new (a new device identity, no PIN).
    pub fn wipe(&self) -> Result<(), StoreError> {
        let mut inner = self.inner();
        self.wipe_inner(&mut inner)
    }

    fn wipe_inner(&self, inner: &mut Inner) -> Result<(), StoreError> {
        inner.session = None;
        // Best effort inside the file: a damaged database must still be deleted.
        let shred = inner.conn.execute_batch(
            "PRAGMA synchronous = FULL;
             UPDATE key_slot SET wrapped = randomblob(length(wrapped));
             DELETE FROM key_slot;
             DELETE FROM vault_item;
             DELETE FROM staff_session;
             DELETE FROM outbox;
             DELETE FROM record;
             DELETE FROM delivered;
             DELETE FROM device;
             DELETE FROM setting;
             PRAGMA wal_checkpoint(TRUNCATE);",
        );
        if shred.is_err() {
            tracing::warn!("wipe: the database could not be emptied; deleting its files");
        }
        // The other connections go too (they would keep the old file).
        for slot in [&self.side, &self.checkpointer] {
            let mut extra = slot.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(c) = extra.take() {
                let _ = c.close();
            }
        }
        let old = std::mem::replace(&mut inner.conn, Connection::open_in_memory()?);
        if let Err((_, e)) = old.close() {
            tracing::warn!(error = %e, "wipe: closing the database failed");
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.path.as_os_str().to_owned();
            name.push(suffix);
            match std::fs::remove_file(PathBuf::from(name)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::Directory(e)),
            }
        }
        inner.conn = open_connection(&self.path)?;
        inner.device = DeviceKeys::load_or_create(&inner.conn)?;
        // The service's public key is no secret of hers: keep the panic button working.
        let service_key = self
            .service_key
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(key) = service_key {
            save_service_key(&inner.conn, &key)?;
        }
        tracing::info!("vault wiped");
        Ok(())
    }

    pub(crate) fn device_secret_in(
        &self,
        inner: &Inner,
    ) -> Result<Option<SealingSecretKey>, StoreError> {
        let Some(s) = inner.session.as_ref().filter(|s| !s.decoy) else {
            return Ok(None);
        };
        match get_item(&inner.conn, &s.key, s.slot, ITEM_DEVICE_SECRET)? {
            Some(bytes) => Ok(Some(SealingSecretKey::from_bytes(&bytes)?)),
            None => Ok(None),
        }
    }
}

/// A wrapped key that was replaced (a changed PIN, a shredded slot) must not
/// survive in the WAL or in a stale page: push the WAL into the database and
/// truncate it. Freed pages are zeroed (`secure_delete`).
fn forget_old_keys(conn: &Connection) -> Result<(), StoreError> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

const SETTING_SERVICE_KEY: &str = "service_key";

fn save_service_key(conn: &Connection, key: &SealingPublicKey) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO setting (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [SETTING_SERVICE_KEY, &key.to_base64()],
    )?;
    Ok(())
}

fn load_service_key(conn: &Connection) -> Result<Option<SealingPublicKey>, StoreError> {
    let text: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE name = ?1",
            [SETTING_SERVICE_KEY],
            |r| r.get(0),
        )
        .optional()?;
    text.map(|t| {
        SealingPublicKey::from_base64(&t).map_err(|_| StoreError::BadSetting("service_key"))
    })
    .transpose()
}

fn has_slots(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM key_slot)", [], |r| r.get(0))?)
}

fn load_slots(conn: &Connection) -> Result<Vec<(i64, WrappedKey)>, StoreError> {
    let mut stmt = conn.prepare("SELECT slot, wrapped FROM key_slot ORDER BY slot")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = Vec::with_capacity(2);
    for row in rows {
        let (slot, bytes) = row?;
        out.push((slot, WrappedKey::from_bytes(&bytes)?));
    }
    Ok(out)
}

fn load_guard(conn: &Connection) -> Result<Guard, StoreError> {
    Ok(conn.query_row(
        "SELECT failed_attempts, last_failure_ms, wipe_after, auto_lock_secs FROM pin_guard",
        [],
        |r| {
            Ok(Guard {
                failed: r.get(0)?,
                last_failure_ms: r.get(1)?,
                wipe_after: r.get(2)?,
                auto_lock_secs: r.get(3)?,
            })
        },
    )?)
}

fn check_wait(conn: &Connection, guard: &Guard, now: i64) -> Result<(), StoreError> {
    let wait = i64::try_from(wait_after(guard.failed).as_millis()).unwrap_or(i64::MAX);
    let Some(last) = guard.last_failure_ms else {
        return Ok(());
    };
    if wait == 0 {
        return Ok(());
    }
    if now < last {
        // The clock went back: the wait starts again from now.
        conn.execute("UPDATE pin_guard SET last_failure_ms = ?1", [now])?;
        return Err(StoreError::TooManyAttempts {
            retry_after_secs: ceil_secs(wait),
        });
    }
    let remaining = last.saturating_add(wait).saturating_sub(now);
    if remaining > 0 {
        return Err(StoreError::TooManyAttempts {
            retry_after_secs: ceil_secs(remaining),
        });
    }
    Ok(())
}

/// Counts an attempt as failed, durably, before the PIN is checked.
fn count_failure(conn: &Connection, now: i64) -> Result<(), StoreError> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    let r = conn.execute(
        "UPDATE pin_guard SET failed_attempts = failed_attempts + 1, last_failure_ms = ?1",
        [now],
    );
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    r?;
    Ok(())
}

fn item_aad<'a>(row: &'a [u8], schema_version: u32) -> FieldAad<'a> {
    FieldAad {
        table: "vault_item",
        column: "value",
        row_id: row,
        schema_version,
    }
}

fn item_row(space: i64, name: &str) -> Vec<u8> {
    let mut row = space.to_be_bytes().to_vec();
    row.extend_from_slice(name.as_bytes());
    row
}

pub(crate) fn put_item(
    conn: &Connection,
    key: &DataKey,
    space: i64,
    name: &str,
    value: &[u8],
) -> Result<(), StoreError> {
    let row = item_row(space, name);
    let ct = key.encrypt_field(item_aad(&row, VAULT_SCHEMA), value)?;
    conn.execute(
        "INSERT INTO vault_item (space, name, schema_version, value) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (space, name) DO UPDATE SET schema_version = excluded.schema_version,
         value = excluded.value",
        params![space, name, VAULT_SCHEMA, ct],
    )?;
    Ok(())
}

pub(crate) fn get_item(
    conn: &Connection,
    key: &DataKey,
    space: i64,
    name: &str,
) -> Result<Option<Zeroizing<Vec<u8>>>, StoreError> {
    let row: Option<(u32, Vec<u8>)> = conn
        .query_row(
            "SELECT schema_version, value FROM vault_item WHERE space = ?1 AND name = ?2",
            params![space, name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((schema_version, ct)) = row else {
        return Ok(None);
    };
    let id = item_row(space, name);
    Ok(Some(key.decrypt_field(item_aad(&id, schema_version), &ct)?))
}

/// Deletes everything a space holds (records, items, queued envelopes).
fn clear_space(conn: &Connection, space: i64) -> Result<(), StoreError> {
    conn.execute("DELETE FROM record WHERE space = ?1", [space])?;
    conn.execute("DELETE FROM vault_item WHERE space = ?1", [space])?;
    conn.execute("DELETE FROM staff_session WHERE space = ?1", [space])?;
    conn.execute("DELETE FROM outbox WHERE space = ?1", [space])?;
    Ok(())
}

/// The duress wipe of the real vault: its slot becomes a decoy no PIN opens,
/// its rows and the records made while locked are deleted. Alerts still
/// waiting to be sent stay in the outbox: they are sealed to the service,
/// unreadable here, and she may still need help.
fn shred_space(conn: &mut Connection, space: i64, params: KdfParams) -> Result<(), StoreError> {
    let decoy = WrappedKey::decoy(params)?;
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE key_slot SET wrapped = ?2 WHERE slot = ?1",
        params![space, decoy.to_bytes()],
    )?;
    tx.execute(
        "DELETE FROM outbox WHERE (space = ?1 OR space IS NULL) AND kind != ?2",
        params![space, kulna_model::RecordKind::Alert.code()],
    )?;
    tx.execute("UPDATE outbox SET space = NULL WHERE space = ?1", [space])?;
    tx.execute(
        "DELETE FROM record WHERE space = ?1 OR space IS NULL",
        [space],
    )?;
    tx.execute("DELETE FROM vault_item WHERE space = ?1", [space])?;
    tx.execute("DELETE FROM staff_session WHERE space = ?1", [space])?;
    // Statuses were sealed to the device key destroyed here: unreadable,
    // but their case ids and times would still say she had cases.
    tx.execute("DELETE FROM case_update", [])?;
    tx.execute("UPDATE device SET sealing_public = NULL", [])?;
    tx.commit()?;
    forget_old_keys(conn)?;
    Ok(())
}

/// Records made while the vault was locked are sealed to the device key;
/// the real vault re-encrypts them under its data key when it opens.
fn adopt_orphans(
    conn: &Connection,
    session: Option<&Session>,
    secret: &SealingSecretKey,
) -> Result<(), StoreError> {
    let Some(session) = session.filter(|s| !s.decoy) else {
        return Ok(());
    };
    crate::records::adopt_orphans(conn, session, secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_and_are_capped() {
        assert_eq!(wait_after(0), Duration::ZERO);
        assert_eq!(wait_after(FREE_ATTEMPTS - 1), Duration::ZERO);
        assert_eq!(wait_after(FREE_ATTEMPTS), FIRST_WAIT);
        assert_eq!(wait_after(FREE_ATTEMPTS + 1), FIRST_WAIT * 2);
        assert_eq!(wait_after(FREE_ATTEMPTS + 30), MAX_WAIT);
    }

    #[test]
    fn a_duress_wipe_leaves_no_trace_of_case_statuses() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path(), VaultOptions::for_tests(None)).unwrap();
        let pin = |t: &str| Pin::new(t.into()).unwrap();
        vault.set_pin(&pin("2468")).unwrap();
        vault.set_duress_pin(&pin("1357"), true).unwrap();
        let count = |v: &Vault| -> i64 {
            v.inner()
                .conn
                .query_row("SELECT count(*) FROM case_update", [], |r| r.get(0))
                .unwrap()
        };
        vault
            .inner()
            .conn
            .execute(
                "INSERT INTO case_update (case_id, created_at_ms, sealed) VALUES (?1, 1, x'00')",
                [&[7u8; 16][..]],
            )
            .unwrap();
        assert_eq!(count(&vault), 1);
        vault.lock();
        vault.unlock(&pin("1357")).unwrap();
        assert_eq!(count(&vault), 0);
    }
}
