//! Storage: one trait, two backends.
//!
//! [`Storage`] is everything the service keeps. The SQLite backend
//! ([`sqlite::SqliteStore`], embedded, the default: one women's center or a
//! laptop) and the PostgreSQL backend ([`postgres::PgStore`]: the national line,
//! several stateless instances) implement it with their own migrations. The
//! service only ever stores envelopes as they came (ciphertext); it opens
//! them in memory when an authorized staff member reads a case.
//!
//! Ingest goes through [`Storage::insert_records`], which commits a whole group
//! of batches in one transaction (see `crate::ingest` for the group commit).

pub mod postgres;
pub mod sqlite;
pub mod uploads;

pub use crate::service_keys::StoredServiceKeys;
use async_trait::async_trait;
use kulna_model::api::CaseStatus;
use kulna_model::staff::{ReferralDestination, ReferralFailureReason, ReferralStatus, Role};
use kulna_model::{DeviceId, RecordId, RecordKind};

/// A registered device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRecord {
    /// Its own random id.
    pub id: DeviceId,
    /// Ed25519 verifying key, 32 bytes.
    pub verifying_key: Vec<u8>,
    /// X25519 public key, 32 bytes.
    pub sealing_key: Vec<u8>,
    /// SHA-256 of its current token's secret.
    pub token_hash: Vec<u8>,
    /// When it first registered.
    pub registered_at_ms: i64,
    /// The women's center it belongs to, when a field worker linked it:
    /// its records go straight to that center's queue.
    pub center_id: Option<String>,
}

/// What a registration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterOutcome {
    /// A new device.
    Created,
    /// Known with the same keys: its token was replaced.
    Renewed,
    /// Known with other keys: nothing changed.
    Conflict,
}

/// An envelope accepted for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecord {
    /// The record id.
    pub id: RecordId,
    /// The sending device.
    pub device_id: DeviceId,
    /// What it is.
    pub kind: RecordKind,
    /// Region 1 to 12.
    pub region: Option<u8>,
    /// Device clock.
    pub created_at_ms: i64,
    /// Service clock.
    pub received_at_ms: i64,
    /// The envelope in JSON, as verified.
    pub envelope: String,
    /// The center it goes to (records from a center's device).
    pub center_id: Option<String>,
}

/// What happened to one record of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// Stored now.
    Inserted,
    /// Already stored for the same device (a resend).
    AlreadyHeld,
    /// The id is stored for another device.
    IdConflict,
}

/// A case: a record and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    /// Storage order.
    pub seq: i64,
    /// The record id.
    pub id: RecordId,
    /// The device that sent it.
    pub device_id: DeviceId,
    /// What it is.
    pub kind: RecordKind,
    /// Region 1 to 12.
    pub region: Option<u8>,
    /// Assigned center.
    pub center_id: Option<String>,
    /// Where it stands.
    pub status: CaseStatus,
    /// Device clock.
    pub created_at_ms: i64,
    /// Service clock.
    pub received_at_ms: i64,
    /// When acknowledged.
    pub acknowledged_at_ms: Option<i64>,
    /// When closed.
    pub closed_at_ms: Option<i64>,
}

/// Which cases a query may return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeFilter {
    /// Every case.
    All,
    /// Cases of a region.
    Region(u8),
    /// Cases assigned to a center.
    Center(String),
}

impl ScopeFilter {
    /// (kind, region, center) as bound into SQL.
    pub(crate) fn sql_params(&self) -> (&'static str, Option<i64>, Option<String>) {
        match self {
            Self::All => ("all", None, None),
            Self::Region(r) => ("region", Some(i64::from(*r)), None),
            Self::Center(c) => ("center", None, Some(c.clone())),
        }
    }
}

/// The audit query, the same text for both backends.
pub(crate) const AUDIT_SQL: &str = "SELECT a.seq, a.at_ms, a.staff_id, a.username, a.action, a.case_id, a.detail
     FROM audit_log a LEFT JOIN records r ON r.id = a.case_id
     WHERE a.seq > $1 AND ($3 = 'all' OR ($3 = 'region' AND r.region = $4) OR ($3 = 'center' AND r.center_id = $5))
     ORDER BY a.seq LIMIT $2";

/// A queue query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueQuery {
    /// Whose cases.
    pub scope: ScopeFilter,
    /// Closed cases too.
    pub include_closed: bool,
    /// At most this many.
    pub limit: u32,
}

/// A staff account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRecord {
    /// Account id (UUID).
    pub id: String,
    /// Unique sign-in name.
    pub username: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// What they may do.
    pub role: Role,
    /// Region scope.
    pub scope_region: Option<u8>,
    /// Center scope.
    pub scope_center: Option<String>,
    /// Disabled accounts cannot sign in; their sessions are revoked.
    pub disabled: bool,
    /// When made.
    pub created_at_ms: i64,
}

/// A staff session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// Session id (the token's public half).
    pub id: String,
    /// Whose.
    pub staff_id: String,
    /// SHA-256 of the token's secret half.
    pub token_hash: Vec<u8>,
    /// When made.
    pub created_at_ms: i64,
    /// When it ends.
    pub expires_at_ms: i64,
    /// Revoked by sign-out, disabling or a password reset.
    pub revoked: bool,
}

/// A women's center.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CenterRecord {
    /// Short id, e.g. `casa-1`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its region.
    pub region: u8,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// Position (0 when writing).
    pub seq: i64,
    /// When.
    pub at_ms: i64,
    /// Who.
    pub staff_id: String,
    /// Who, by name.
    pub username: String,
    /// What.
    pub action: String,
    /// Which case.
    pub case_id: Option<RecordId>,
    /// Details (never case content).
    pub detail: String,
}

/// A staff action on a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEventRecord {
    /// When.
    pub at_ms: i64,
    /// Who.
    pub staff_id: String,
    /// Who, by name.
    pub username: String,
    /// What.
    pub action: String,
    /// Details.
    pub detail: String,
}

/// A referral as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRecord {
    /// Id.
    pub id: String,
    /// Where to.
    pub destination: ReferralDestination,
    /// Where it stands.
    pub status: ReferralStatus,
    /// Why not successful.
    pub reason: Option<ReferralFailureReason>,
    /// Made on a supervisor's override.
    pub consent_override: bool,
    /// The directory listing referred to, if one was chosen.
    pub listing: Option<String>,
    /// Who made it.
    pub created_by: String,
    /// When made.
    pub created_at_ms: i64,
    /// When changed.
    pub updated_at_ms: i64,
}

/// A change to a referral inside a [`CaseAction`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralWrite {
    /// A new referral.
    New(ReferralRecord),
    /// A status change, applied only if the referral is still in `from`.
    Update {
        /// Which.
        id: String,
        /// Expected current status.
        from: ReferralStatus,
        /// New status.
        to: ReferralStatus,
        /// Reason.
        reason: Option<ReferralFailureReason>,
    },
}

/// Everything one staff action writes, in one transaction: it all happens
/// or none of it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseAction {
    /// Which case.
    pub case_id: RecordId,
    /// The event for the case history.
    pub event: CaseEventRecord,
    /// Status change, applied only if the case is still in the first status.
    pub status_change: Option<(CaseStatus, CaseStatus)>,
    /// New center assignment.
    pub assign_center: Option<String>,
    /// Referral change.
    pub referral: Option<ReferralWrite>,
    /// A status update sealed to the device: (device, sealed bytes).
    pub device_update: Option<(DeviceId, Vec<u8>)>,
    /// Audit lines.
    pub audit: Vec<AuditRecord>,
}

/// A sealed status update waiting for its device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateRecord {
    /// Position in the device's stream.
    pub seq: i64,
    /// Which case.
    pub case_id: RecordId,
    /// When made.
    pub created_at_ms: i64,
    /// `enc || ciphertext`.
    pub sealed: Vec<u8>,
}

/// A published directory version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryVersionRecord {
    /// Version number, from 1.
    pub version: i64,
    /// When published.
    pub published_at_ms: i64,
    /// The full snapshot, JSON.
    pub snapshot: String,
    /// Ed25519 signature.
    pub signature: Vec<u8>,
}

/// A record as the statistics read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsSource {
    /// Storage order.
    pub seq: i64,
    /// Region.
    pub region: Option<u8>,
    /// Assigned center.
    pub center_id: Option<String>,
    /// Service clock.
    pub received_at_ms: i64,
    /// The envelope JSON.
    pub envelope: String,
}

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached or is busy; retrying may help.
    #[error("storage unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// Anything else: a bug or a damaged database.
    #[error("storage failure: {0}")]
    Other(#[source] anyhow::Error),
}

/// Result of a storage call.
pub type StoreResult<T> = Result<T, StoreError>;

/// Everything the service keeps (uploads of large envelopes: see
/// [`uploads::UploadStore`]).
#[async_trait]
pub trait Storage: uploads::UploadStore + Send + Sync + std::fmt::Debug + 'static {
    /// Answers when the database does.
    async fn ping(&self) -> StoreResult<()>;
    /// The service keys, if `init` made them.
    async fn service_keys(&self) -> StoreResult<Option<StoredServiceKeys>>;
    /// Stores the service keys unless some are already there; says whether it stored them.
    async fn save_service_keys(&self, keys: &StoredServiceKeys) -> StoreResult<bool>;

    /// Registers a device, or renews its token if it is known with the same keys.
    async fn register_device(&self, device: &DeviceRecord) -> StoreResult<RegisterOutcome>;
    /// A registered device.
    async fn device(&self, id: DeviceId) -> StoreResult<Option<DeviceRecord>>;
    /// Links a device to a center; `false` if no such device.
    async fn link_device(&self, id: DeviceId, center_id: &str) -> StoreResult<bool>;

    /// Inserts a group of records in one durable transaction, idempotently
    /// by id. Answers one outcome per record, in order.
    async fn insert_records(
        &self,
        records: std::sync::Arc<Vec<NewRecord>>,
    ) -> StoreResult<Vec<InsertOutcome>>;

    /// Inserts an alert (or any records that must not wait) durably, beside
    /// the group in flight rather than after it. Same answers as
    /// [`Storage::insert_records`].
    async fn insert_urgent(
        &self,
        records: std::sync::Arc<Vec<NewRecord>>,
    ) -> StoreResult<Vec<InsertOutcome>> {
        self.insert_records(records).await
    }

    /// Returns once records answered as held by [`Storage::insert_urgent`]
    /// are in the queue (a store may hold an alert aside, durably, for a
    /// moment while a group is written). Staff hear of a record only then.
    async fn until_queued(&self, _ids: Vec<RecordId>) {}

    /// The queue: most urgent first, then oldest first.
    async fn queue(&self, query: &QueueQuery) -> StoreResult<Vec<CaseRow>>;
    /// One case and its envelope JSON.
    async fn case(&self, id: RecordId) -> StoreResult<Option<(CaseRow, String)>>;
    /// A case's history and referrals, oldest first.
    async fn case_history(
        &self,
        id: RecordId,
    ) -> StoreResult<(Vec<CaseEventRecord>, Vec<ReferralRecord>)>;
    /// Applies a staff action. `false` (and nothing written) when a
    /// conditional status change found another status.
    async fn apply_case_action(&self, action: &CaseAction) -> StoreResult<bool>;

    /// Status updates for a device after `since`, oldest first.
    async fn updates_since(
        &self,
        device: DeviceId,
        since: i64,
        limit: u32,
    ) -> StoreResult<Vec<UpdateRecord>>;

    /// Adds or renames a center.
    async fn upsert_center(&self, center: &CenterRecord) -> StoreResult<()>;
    /// A center.
    async fn center(&self, id: &str) -> StoreResult<Option<CenterRecord>>;

    /// Adds an account; `false` if the username is taken.
    async fn insert_staff(&self, staff: &StaffRecord) -> StoreResult<bool>;
    /// An account by name.
    async fn staff_by_username(&self, username: &str) -> StoreResult<Option<StaffRecord>>;
    /// An account by id.
    async fn staff_by_id(&self, id: &str) -> StoreResult<Option<StaffRecord>>;
    /// Disables/enables an account or replaces its password hash; either
    /// revokes its sessions. `false` if no such account.
    async fn update_staff(
        &self,
        username: &str,
        disabled: Option<bool>,
        password_hash: Option<String>,
    ) -> StoreResult<bool>;
    /// Stores a new session.
    async fn insert_session(&self, session: &SessionRecord) -> StoreResult<()>;
    /// A session by id.
    async fn session(&self, id: &str) -> StoreResult<Option<SessionRecord>>;
    /// Revokes a session.
    async fn revoke_session(&self, id: &str) -> StoreResult<()>;

    /// Appends to the audit log.
    async fn append_audit(&self, entry: &AuditRecord) -> StoreResult<()>;
    /// Audit lines after `after`, oldest first: all of them for
    /// [`ScopeFilter::All`], else only those about cases in the scope.
    async fn audit_log(
        &self,
        after: i64,
        limit: u32,
        scope: &ScopeFilter,
    ) -> StoreResult<Vec<AuditRecord>>;

    /// Replaces the directory draft with these entries (id, JSON).
    async fn replace_directory_draft(
        &self,
        entries: &[(String, String)],
        now_ms: i64,
    ) -> StoreResult<()>;
    /// The directory draft, by id.
    async fn directory_draft(&self) -> StoreResult<Vec<(String, String)>>;
    /// Stores a published version; `false` if that number is taken.
    async fn insert_directory_version(&self, version: &DirectoryVersionRecord)
        -> StoreResult<bool>;
    /// A published version, or the latest.
    async fn directory_version(
        &self,
        version: Option<i64>,
    ) -> StoreResult<Option<DirectoryVersionRecord>>;

    /// Records for the statistics, in storage order after `after_seq`.
    async fn stats_sources(&self, after_seq: i64, limit: u32) -> StoreResult<Vec<StatsSource>>;

    /// Whether queue events travel through the database (several instances
    /// share it); then [`Storage::publish_events`] replaces local delivery.
    fn shares_events(&self) -> bool {
        false
    }

    /// Sends queue events to every instance (including this one).
    async fn publish_events(&self, _items: &[kulna_model::staff::QueueItem]) -> StoreResult<()> {
        Ok(())
    }

    /// Forwards the events every instance publishes to `tx` until the store
    /// is dropped, reconnecting when the connection drops.
    async fn listen_events(
        &self,
        _tx: tokio::sync::broadcast::Sender<kulna_model::staff::QueueItem>,
    ) -> StoreResult<()> {
        Ok(())
    }
}

/// Delivers queue events: through the database when instances share it,
/// else straight to this instance's listeners.
pub async fn deliver_events(
    store: &std::sync::Arc<dyn Storage>,
    local: &tokio::sync::broadcast::Sender<kulna_model::staff::QueueItem>,
    items: Vec<kulna_model::staff::QueueItem>,
) {
    if items.is_empty() {
        return;
    }
    if store.shares_events() {
        if let Err(e) = store.publish_events(&items).await {
            tracing::warn!(error = %format!("{e:#}"), "queue events not published");
        }
    } else if local.receiver_count() > 0 {
        for item in items {
            let _ = local.send(item);
        }
    }
}
