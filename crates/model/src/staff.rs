//! HTTP bodies between staff (listeners, field workers, supervisors,
//! administrators) and the central service.
//!
//! | route | body | answer |
//! |---|---|---|
//! | `POST /v1/staff/login` | [`LoginRequest`] | [`LoginResponse`] |
//! | `POST /v1/staff/logout` | — | 204 |
//! | `GET /v1/staff/me` | — | [`StaffProfile`] |
//! | `POST /v1/staff/devices` | [`LinkDeviceRequest`] | 204 (center staff only) |
//! | `GET /v1/queue?include_closed=false&limit=200` | — | [`QueueResponse`] |
//! | `GET /v1/queue/events` | — | server-sent events: `queue` with a [`QueueItem`] in JSON, `ping` |
//! | `GET /v1/cases/{id}` | — | [`CaseDetail`] (audited) |
//! | `POST /v1/cases/{id}/acknowledge` | [`AcknowledgeRequest`] | [`CaseDetail`] |
//! | `POST /v1/cases/{id}/assign` | [`AssignRequest`] | [`CaseDetail`] |
//! | `POST /v1/cases/{id}/referrals` | [`ReferralRequest`] | [`CaseDetail`] |
//! | `POST /v1/cases/{id}/referrals/{referral_id}` | [`ReferralUpdateRequest`] | [`CaseDetail`] |
//! | `POST /v1/cases/{id}/notes` | [`NoteRequest`] | [`CaseDetail`] |
//! | `POST /v1/cases/{id}/messages` | [`MessageRequest`] | [`CaseDetail`] |
//! | `POST /v1/cases/{id}/close` | [`CloseRequest`] | [`CaseDetail`] |
//! | `GET /v1/audit?after=N&limit=M` | — | [`AuditLogResponse`] (supervisors, admins) |
//! | `GET /v1/stats` | — | [`StatsResponse`] (supervisors, admins) |
//!
//! Every route takes `Authorization: Bearer <session token>`.

use crate::api::CaseStatus;
use crate::{RecordId, RecordKind};
use serde::{Deserialize, Serialize};

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A listener of the line: works the queue, refers.
    Listener,
    /// A field worker at a women's center: intakes, the center's queue.
    FieldWorker,
    /// Also reads the audit log and statistics, may override a missing referral consent.
    Supervisor,
    /// Everything a supervisor may, for the whole service.
    Admin,
}

impl Role {
    /// The snake_case name used in JSON, storage and the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Listener => "listener",
            Self::FieldWorker => "field_worker",
            Self::Supervisor => "supervisor",
            Self::Admin => "admin",
        }
    }

    /// The role for a name.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "listener" => Some(Self::Listener),
            "field_worker" => Some(Self::FieldWorker),
            "supervisor" => Some(Self::Supervisor),
            "admin" => Some(Self::Admin),
            _ => None,
        }
    }

    /// Supervisors and administrators.
    pub const fn supervises(self) -> bool {
        matches!(self, Self::Supervisor | Self::Admin)
    }
}

/// Which cases a staff member sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    /// Every case (national listeners, administrators).
    National,
    /// Cases of one region (1 to 12): a regional listening cell.
    Region {
        /// The region code.
        region: u8,
    },
    /// Cases assigned to one women's center.
    Center {
        /// The center's id.
        center_id: String,
    },
}

/// `POST /v1/staff/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRequest {
    /// The account name.
    pub username: String,
    /// The password.
    pub password: String,
}

/// A successful sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginResponse {
    /// The session token: `Authorization: Bearer <token>`.
    pub token: String,
    /// When the session ends, milliseconds since the epoch.
    pub expires_at_ms: i64,
    /// Who signed in.
    pub staff: StaffProfile,
}

/// A staff member, as they see themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffProfile {
    /// The account id.
    pub id: String,
    /// The account name.
    pub username: String,
    /// What they may do.
    pub role: Role,
    /// Which cases they see.
    pub scope: Scope,
}

/// The staff session as the app's UI sees it: who is signed in and until
/// when. The token itself never leaves the app shell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSession {
    /// Who is signed in.
    pub staff: StaffProfile,
    /// When the session ends, milliseconds since the epoch.
    pub expires_at_ms: i64,
}

/// What the queue screen asks for: every case in scope, or only one status
/// and/or one kind. Closed cases are listed only when asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// Only cases with this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CaseStatus>,
    /// Only cases of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RecordKind>,
}

impl QueueFilter {
    /// Whether a queue line passes the filter.
    pub fn admits(&self, item: &QueueItem) -> bool {
        self.status.is_none_or(|s| s == item.status) && self.kind.is_none_or(|k| k == item.kind)
    }

    /// Whether closed cases must be fetched.
    pub fn wants_closed(&self) -> bool {
        self.status == Some(CaseStatus::Closed)
    }
}

/// `POST /v1/staff/devices`: a field worker links the device she takes
/// intakes on to her center; its records then go to the center's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkDeviceRequest {
    /// The device's id (as it registered).
    pub device_id: crate::DeviceId,
}

/// One line of the queue. Never holds anything she wrote: opening the case
/// (audited) is the only way to read that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// The case id (the record id the device made).
    pub id: RecordId,
    /// Alert, report, intake or support request.
    pub kind: RecordKind,
    /// Region code, if she gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<u8>,
    /// The center it is assigned to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center_id: Option<String>,
    /// Where it stands.
    pub status: CaseStatus,
    /// When the device made it (device clock).
    pub created_at_ms: i64,
    /// When the service received it.
    pub received_at_ms: i64,
    /// When a listener acknowledged it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_at_ms: Option<i64>,
}

/// `GET /v1/queue`: alerts first, then reports and intakes, then support
/// requests; oldest first within each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueResponse {
    /// The cases in the caller's scope.
    pub items: Vec<QueueItem>,
}

/// An opened case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetail {
    /// The queue line.
    pub case: QueueItem,
    /// What she sent, decrypted; `None` when it is not a readable
    /// [`crate::record::RecordPayload`].
    pub payload: Option<crate::record::RecordPayload>,
    /// The consents read from the payload (all false when absent).
    pub consents: crate::record::Consents,
    /// Referrals, oldest first.
    pub referrals: Vec<Referral>,
    /// What staff did, oldest first.
    pub events: Vec<CaseEvent>,
}

/// Where a case can be referred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralDestination {
    /// The public prosecutor's care cell for women victims.
    Prosecutor,
    /// The national police (DGSN), in towns.
    Police,
    /// The Royal Gendarmerie, in rural areas.
    Gendarmerie,
    /// A health unit.
    Health,
    /// A shelter.
    Shelter,
    /// Legal aid.
    LegalAid,
    /// An association.
    Association,
    /// A training or employment body (OFPPT, ANAPEC, a programme).
    TrainingEmployment,
}

impl ReferralDestination {
    /// The services a woman can consent to be referred to, in the order her
    /// report form lists them.
    pub const FOR_CONSENT: [ReferralDestination; 7] = [
        Self::Prosecutor,
        Self::Police,
        Self::Gendarmerie,
        Self::Health,
        Self::Shelter,
        Self::LegalAid,
        Self::Association,
    ];

    /// Every destination, in the order a referral form lists them.
    pub const ALL: [ReferralDestination; 8] = [
        Self::Prosecutor,
        Self::Police,
        Self::Gendarmerie,
        Self::Health,
        Self::Shelter,
        Self::LegalAid,
        Self::Association,
        Self::TrainingEmployment,
    ];

    /// The snake_case name used in JSON and storage.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Prosecutor => "prosecutor",
            Self::Police => "police",
            Self::Gendarmerie => "gendarmerie",
            Self::Health => "health",
            Self::Shelter => "shelter",
            Self::LegalAid => "legal_aid",
            Self::Association => "association",
            Self::TrainingEmployment => "training_employment",
        }
    }

    /// The destination for a stored name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == text)
    }
}

/// A referral's lifecycle: in progress → accepted / rejected / revoked;
/// accepted → done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Sent, not yet answered.
    InProgress,
    /// The service took it.
    Accepted,
    /// The service refused it (a reason is required).
    Rejected,
    /// Withdrawn (a reason is required).
    Revoked,
    /// Finished.
    Done,
}

impl ReferralStatus {
    /// The snake_case name used in JSON and storage.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InProgress => "in_progress",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Revoked => "revoked",
            Self::Done => "done",
        }
    }

    /// The status for a stored name.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::InProgress,
            Self::Accepted,
            Self::Rejected,
            Self::Revoked,
            Self::Done,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// Whether the lifecycle allows going from `self` to `next`.
    pub const fn can_become(self, next: Self) -> bool {
        matches!(
            (self, next),
            (
                Self::InProgress,
                Self::Accepted | Self::Rejected | Self::Revoked
            ) | (Self::Accepted, Self::Done | Self::Revoked)
        )
    }
}

/// Why a referral did not succeed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralFailureReason {
    /// She refused the services.
    RefusedServices,
    /// The service had no capacity.
    NoCapacity,
    /// No longer needed.
    NoLongerNeeded,
    /// She could not be reached.
    UnableToContactHer,
    /// The service could not be reached.
    UnableToContactService,
    /// Something else (see the notes).
    Other,
}

impl ReferralFailureReason {
    /// Every reason, in the order a form lists them.
    pub const ALL: [ReferralFailureReason; 6] = [
        Self::RefusedServices,
        Self::NoCapacity,
        Self::NoLongerNeeded,
        Self::UnableToContactHer,
        Self::UnableToContactService,
        Self::Other,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::RefusedServices => "refused_services",
            Self::NoCapacity => "no_capacity",
            Self::NoLongerNeeded => "no_longer_needed",
            Self::UnableToContactHer => "unable_to_contact_her",
            Self::UnableToContactService => "unable_to_contact_service",
            Self::Other => "other",
        }
    }
}

/// A referral of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    /// The referral's id.
    pub id: String,
    /// Where to.
    pub destination: ReferralDestination,
    /// Where it stands.
    pub status: ReferralStatus,
    /// Why it did not succeed, when rejected or revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReferralFailureReason>,
    /// Made without her recorded consent, on a supervisor's override.
    pub consent_override: bool,
    /// The organisation referred to: the id of a service listing of the
    /// published directory, when one was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listing: Option<String>,
    /// When made.
    pub created_at_ms: i64,
    /// When last changed.
    pub updated_at_ms: i64,
}

/// One thing staff did on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// When.
    pub at_ms: i64,
    /// Who (username).
    pub by: String,
    /// What: `acknowledge`, `assign`, `refer`, `referral_update`, `note`, `message`, `close`.
    pub action: String,
    /// Details: the note's text, the referral, the message sent.
    pub detail: String,
}

/// `POST /v1/cases/{id}/acknowledge`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcknowledgeRequest {
    /// A short message for her device (sealed to it), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `POST /v1/cases/{id}/assign`: route a case to a women's center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignRequest {
    /// The center's id.
    pub center_id: String,
}

/// `POST /v1/cases/{id}/referrals`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralRequest {
    /// Where to.
    pub destination: ReferralDestination,
    /// Which organisation: the id of a service listing of the published
    /// directory (refused if the directory has no such service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listing: Option<String>,
    /// Only for supervisors: refer although her consent to this referral is
    /// not recorded. The reason is required and logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
    /// A short message for her device, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `POST /v1/cases/{id}/referrals/{referral_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralUpdateRequest {
    /// The new status.
    pub status: ReferralStatus,
    /// Required when rejected or revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReferralFailureReason>,
    /// A short message for her device, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `POST /v1/cases/{id}/notes`: a note for staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRequest {
    /// The note.
    pub text: String,
}

/// `POST /v1/cases/{id}/messages`: a status message to her device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRequest {
    /// The message (sealed to her device).
    pub message: String,
}

/// `POST /v1/cases/{id}/close`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloseRequest {
    /// A short message for her device, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Position in the log.
    pub seq: i64,
    /// When.
    pub at_ms: i64,
    /// Who (account id).
    pub staff_id: String,
    /// Who (username).
    pub username: String,
    /// What: `case_read`, `acknowledge`, `refer`, `consent_override`, …
    pub action: String,
    /// Which case, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<RecordId>,
}

/// `GET /v1/audit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLogResponse {
    /// Entries after the cursor, oldest first.
    pub entries: Vec<AuditEntry>,
}

/// One cell of the anonymous statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsCell {
    /// Region code, or `None` when not given.
    pub region: Option<u8>,
    /// `YYYY-MM` of receipt.
    pub month: String,
    /// Incident type (snake_case name) or `unspecified`.
    pub incident_type: String,
    /// How many records; `None` when fewer than [`STATS_MIN_CELL`] (suppressed).
    pub count: Option<u64>,
}

/// Cells counting fewer records than this are suppressed.
pub const STATS_MIN_CELL: u64 = 5;

/// `GET /v1/stats`: counts of consented records only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsResponse {
    /// Cells, by region, month and incident type.
    pub cells: Vec<StatsCell>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn shapes_are_pinned() {
        let p = StaffProfile {
            id: "s1".into(),
            username: "amina".into(),
            role: Role::FieldWorker,
            scope: Scope::Center {
                center_id: "casa-1".into(),
            },
        };
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"id":"s1","username":"amina","role":"field_worker","scope":{"kind":"center","center_id":"casa-1"}}"#
        );
        assert_eq!(
            serde_json::to_string(&Scope::Region { region: 6 }).unwrap(),
            r#"{"kind":"region","region":6}"#
        );
        assert_eq!(
            serde_json::to_string(&Scope::National).unwrap(),
            r#"{"kind":"national"}"#
        );
        let q = QueueItem {
            id: RecordId::parse("01890a5d-ac96-774b-bcce-b302099a8057").unwrap(),
            kind: RecordKind::Alert,
            region: Some(6),
            center_id: None,
            status: CaseStatus::New,
            created_at_ms: 1,
            received_at_ms: 2,
            acknowledged_at_ms: None,
        };
        assert_eq!(
            serde_json::to_string(&q).unwrap(),
            r#"{"id":"01890a5d-ac96-774b-bcce-b302099a8057","kind":"alert","region":6,"status":"new","created_at_ms":1,"received_at_ms":2}"#
        );
        let r = ReferralRequest {
            destination: ReferralDestination::LegalAid,
            listing: None,
            override_reason: None,
            message: None,
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"destination":"legal_aid"}"#
        );
        let u = ReferralUpdateRequest {
            status: ReferralStatus::Rejected,
            reason: Some(ReferralFailureReason::NoCapacity),
            message: None,
        };
        assert_eq!(
            serde_json::to_string(&u).unwrap(),
            r#"{"status":"rejected","reason":"no_capacity"}"#
        );
        let link = LinkDeviceRequest {
            device_id: crate::DeviceId::parse("6f0c1a43-1111-4222-8333-944455556666").unwrap(),
        };
        assert_eq!(
            serde_json::to_string(&link).unwrap(),
            r#"{"device_id":"6f0c1a43-1111-4222-8333-944455556666"}"#
        );
        let l = LoginRequest {
            username: "a".into(),
            password: "b".into(),
        };
        assert_eq!(
            serde_json::to_string(&l).unwrap(),
            r#"{"username":"a","password":"b"}"#
        );
        let f = QueueFilter {
            status: Some(CaseStatus::New),
            kind: None,
        };
        assert_eq!(serde_json::to_string(&f).unwrap(), r#"{"status":"new"}"#);
        assert!(f.admits(&q));
        assert!(!QueueFilter {
            kind: Some(RecordKind::Report),
            ..f
        }
        .admits(&q));
        assert!(!f.wants_closed());
        let c = StatsCell {
            region: Some(1),
            month: "2026-11".into(),
            incident_type: "rape".into(),
            count: None,
        };
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"region":1,"month":"2026-11","incident_type":"rape","count":null}"#
        );
    }

    #[test]
    fn names_round_trip_and_lifecycle_holds() {
        for r in [
            Role::Listener,
            Role::FieldWorker,
            Role::Supervisor,
            Role::Admin,
        ] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(
            ReferralDestination::parse("gendarmerie"),
            Some(ReferralDestination::Gendarmerie)
        );
        assert_eq!(
            ReferralStatus::parse("in_progress"),
            Some(ReferralStatus::InProgress)
        );
        assert!(ReferralStatus::InProgress.can_become(ReferralStatus::Accepted));
        assert!(ReferralStatus::Accepted.can_become(ReferralStatus::Done));
        assert!(!ReferralStatus::Rejected.can_become(ReferralStatus::Done));
        assert!(!ReferralStatus::InProgress.can_become(ReferralStatus::Done));
    }
}
