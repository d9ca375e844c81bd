//! The sync client: moves the outbox to the central service, exactly once,
//! alerts first, whatever breaks in between; brings case statuses and the
//! directory back.
//!
//! # Protocol
//!
//! 1. **Keys.** On first contact in a run the client reads
//!    `GET /v1/service-key`. If the device has no service key yet it pins
//!    this one (and the directory signing key); otherwise the keys must be
//!    the pinned ones. A changed key stops all sync and is reported
//!    ([`SyncProblem::ServiceKeyChanged`]): it is never silently accepted.
//! 2. **Registration.** The device registers its id, its Ed25519 verifying
//!    key and its X25519 sealing key (`POST /v1/devices`) and keeps the
//!    token. A 401 later means the token is stale: register again (same
//!    keys), once, then go on.
//! 3. **Push.** Batches of envelopes, in the order they were written
//!    (never by the device clock), up to [`SyncOptions::batch_max_records`]
//!    and [`SyncOptions::batch_max_bytes`], with up to
//!    [`SyncOptions::pipeline`] batches in flight. The service inserts
//!    idempotently by record id and answers the ids it holds: exactly those
//!    stop waiting (marked sent), in short local transactions (an alert
//!    waiting for the database gets in between two; a kill between two
//!    leaves the rest to be sent again, answered as held). Their outbox
//!    rows are deleted after the pass, in the same short transactions
//!    ([`Vault::outbox_purge_sent`](crate::Vault::outbox_purge_sent)):
//!    deleting zeroes the rows' pages (`secure_delete`), which is most of
//!    what a batch writes to the disk, so the next batch no longer waits
//!    for it. A sent alert's row is deleted at once. A refused item stays on the device with its reason and is
//!    never resent; the rest goes on. A request refused as a whole for its
//!    size or shape is split in halves until the one bad item is found.
//!    At-least-once sending plus idempotent insert is exactly once on the
//!    service, whatever fails between the two.
//! 4. **Alerts** have their own lane: sent one by one to `POST /v1/alerts`
//!    (answered once durable on the service) as soon as they are written,
//!    never behind a backlog, and retried every few seconds
//!    ([`SyncOptions::alert_retry_cap`]) until the service holds them.
//!    Nothing the backlog does makes an alert wait for long: the alert is
//!    written and settled ahead of every other caller waiting for the
//!    device's database (see [`Vault`](crate::Vault)), which the backlog
//!    holds only briefly (small settle transactions, counts from an index,
//!    the WAL checkpointed on a connection of its own); it is sent on an
//!    HTTP client of its own, never behind a batch; and the lane reads the
//!    counts again only once no alert waits.
//! 5. **Large records** (a voice note, a photo): before its first push in a
//!    run the main lane reads `GET /v1/limits` (the alert lane never waits
//!    for it). An envelope longer than the
//!    announced `max_inline_envelope_bytes` is left out of the batches and
//!    sent after them, one at a time in written order, as an **upload** of
//!    its JSON text: declared (`POST /v1/uploads`: record id, size,
//!    SHA-256; declaring again answers where it stands), then sent in
//!    chunks (`PATCH /v1/uploads/{id}?offset=N`), each from the offset the
//!    service says it holds, so a cut or a killed app resumes there, never
//!    from zero. Chunks start at the announced size, halve (down to 16 KiB)
//!    after a cut and double back after each chunk that gets through. The
//!    chunk that completes the upload stores the record on the service;
//!    the client then settles it like a batch item. How far it got is kept
//!    on the device (`outbox_upload`, gone with the outbox item) and shown
//!    in [`SyncState::upload`]; it counts as waiting until the service holds
//!    it. A chunk in flight gives way the moment an alert is raised, and no
//!    new chunk starts while an alert is being sent. A digest mismatch
//!    (bytes altered on the way) starts the upload over; the third in a row
//!    for the same record (in a run) keeps it as refused (`digest_mismatch`)
//!    instead of sending it forever; a refused envelope is kept with its reason; one larger than
//!    `max_upload_bytes` is refused as `too_large`. A service without
//!    `/v1/limits` gets everything in batches, as before.
//! 6. **Pull.** Status updates for this device since a cursor, stored as
//!    they came (sealed to the device key), opened only in the unlocked
//!    real vault ([`Vault::case_updates`]); directory versions since the
//!    cached one, kept only if the Ed25519 signature of the pinned directory
//!    key verifies (a bad one is reported, the old directory kept).
//!
//! # When it runs
//!
//! [`SyncEngine`] runs one task per lane (so one sync at a time per device):
//! at start, on [`SyncEngine::on_foreground`], on
//! [`SyncEngine::record_saved`], every [`SyncOptions::interval`], and at
//! once on [`SyncEngine::send_now`]. Failures are classified
//! ([`SyncError::is_retryable`]): network, timeouts, cut connections, 5xx
//! and 429 are retried with exponential backoff and full jitter, capped,
//! honouring `Retry-After`. Loss and return of the network are learned from
//! failed and successful requests; scheduling uses the monotonic clock only,
//! so a wrong device clock changes nothing.
//!
//! The state for the UI ([`SyncState`]) is published on a
//! `tokio::sync::watch` channel ([`SyncEngine::subscribe`]).
//!
//! [`Vault::case_updates`]: crate::Vault::case_updates
//! [`SyncProblem::ServiceKeyChanged`]: kulna_model::SyncProblem::ServiceKeyChanged
//! [`SyncState`]: kulna_model::SyncState
//! [`SyncState::upload`]: kulna_model::SyncState::upload

pub(crate) mod client;
mod engine;
mod error;
pub(crate) mod local;
mod switch;

pub use engine::{SyncEngine, SyncOptions};
pub use error::{Backoff, SyncError};
pub use local::RefusedItem;
pub use switch::change_service;
