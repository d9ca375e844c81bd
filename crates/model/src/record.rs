//! What a device seals inside an envelope: the record itself, in JSON.
//!
//! The service reads it only when an authorized staff member opens the case
//! (and, for statistics, only the consent, region and incident type). Every
//! field is optional so that older and newer apps stay readable; unknown
//! fields are ignored.

use crate::Locale;
use serde::{Deserialize, Serialize};

use crate::staff::ReferralDestination;

/// The sealed content of a report, alert, support request or intake.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordPayload {
    /// What she agreed to.
    pub consents: Consents,
    /// The incident, as GBVIMS classifies it (one per incident).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incident_type: Option<IncidentType>,
    /// Forms of violence as law 103-13 names them (several may apply).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violence: Vec<ViolenceForm>,
    /// What happened, in her words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it happened, as she said it (free text or a date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub happened: Option<String>,
    /// Where, as she said it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Whether someone is in danger now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_danger_now: Option<bool>,
    /// Whether children are at risk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children_at_risk: Option<bool>,
    /// Who the person responsible is to her.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perpetrator: Option<PerpetratorRelation>,
    /// How to reach her safely, if she consented to contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<SafeContact>,
    /// For a support request: what she asks help with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_topic: Option<SupportTopic>,
    /// For a support request: her age group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_group: Option<AgeGroup>,
    /// For a support request: how far she went in school.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schooling: Option<Schooling>,
    /// The language she wrote in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Locale>,
    /// For a support request asked from the directory: the id of the
    /// listing she asks about (`DirectoryEntry::id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listing: Option<String>,
    /// What happened, in her voice: a note recorded in the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_note: Option<VoiceNote>,
}

/// A voice note recorded in the app, sealed with the report it belongs to.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VoiceNote {
    /// The recording's media type, as the recorder named it
    /// (`audio/webm;codecs=opus`, `audio/ogg`, `audio/mp4`, `audio/wav`).
    pub mime: String,
    /// How long it lasts, in milliseconds.
    pub duration_ms: u32,
    /// The recording, base64 (standard alphabet, padded).
    pub data: String,
}

impl VoiceNote {
    /// The containers the app records voice notes in: each media type,
    /// with the bytes its files start with and at which offset.
    pub const CONTAINERS: [(&'static str, &'static [u8], usize); 4] = [
        // Matroska/WebM: the EBML magic.
        ("audio/webm", &[0x1a, 0x45, 0xdf, 0xa3], 0),
        ("audio/ogg", b"OggS", 0),
        ("audio/wav", b"RIFF", 0),
        // ISO media: a box of type `ftyp` after its 4-byte length.
        ("audio/mp4", b"ftyp", 4),
    ];

    /// Its media type, normalized (lower case, no spaces) if it is one the
    /// app records and safe to put in a `data:` URL; `None` otherwise.
    pub fn media_type(&self) -> Option<String> {
        let mime: String = self
            .mime
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        let safe = mime.len() <= 64
            && mime
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/;=.,+-".contains(c));
        let base = mime.split(';').next().unwrap_or_default();
        (safe && Self::CONTAINERS.iter().any(|(name, _, _)| *name == base)).then_some(mime)
    }

    /// A `data:` URL to play it, if its media type is one the app records.
    pub fn data_url(&self) -> Option<String> {
        let mime = self.media_type()?;
        let base64_only = self
            .data
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b));
        base64_only.then(|| format!("data:{mime};base64,{}", self.data))
    }

    /// What the form shows of it (never the sound itself).
    pub fn info(&self) -> VoiceNoteInfo {
        VoiceNoteInfo {
            mime: self.mime.clone(),
            duration_ms: self.duration_ms,
            // base64: 4 characters for 3 bytes, padding aside.
            bytes: u32::try_from(self.data.len() / 4 * 3).unwrap_or(u32::MAX),
        }
    }
}

impl std::fmt::Debug for VoiceNote {
    // Her voice stays out of logs and panics.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VoiceNote")
            .field("mime", &self.mime)
            .field("duration_ms", &self.duration_ms)
            .field(
                "data",
                &format_args!("<{} base64 characters>", self.data.len()),
            )
            .finish()
    }
}

/// A voice note as the report form knows it: the recording itself stays
/// in the vault and crosses to the UI only when she asks to listen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceNoteInfo {
    /// The recording's media type.
    pub mime: String,
    /// How long it lasts, in milliseconds.
    pub duration_ms: u32,
    /// About how many bytes it takes.
    pub bytes: u32,
}

/// Separate consents (survivor-centred practice): no referral without
/// `referral`, no statistics without `statistics`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consents {
    /// To receive services at all.
    pub services: bool,
    /// To be referred.
    pub referral: bool,
    /// To which services she may be referred; empty means any.
    pub referral_to: Vec<ReferralDestination>,
    /// To be contacted back.
    pub contact: bool,
    /// To be counted in anonymous statistics.
    pub statistics: bool,
}

impl Consents {
    /// Whether she consented to a referral to `dest`.
    pub fn allows_referral_to(&self, dest: ReferralDestination) -> bool {
        self.referral && (self.referral_to.is_empty() || self.referral_to.contains(&dest))
    }
}

/// How to reach her without putting her at risk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SafeContact {
    /// A phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// When it is safe to call, in her words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safe_times: Option<String>,
}

/// GBVIMS incident types, plus digital violence (law 103-13 names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentType {
    /// Rape.
    Rape,
    /// Sexual assault, attempted rape, FGM/C.
    SexualAssault,
    /// Physical assault.
    PhysicalAssault,
    /// Forced marriage.
    ForcedMarriage,
    /// Denial of resources, opportunities or services (economic violence).
    DenialOfResources,
    /// Psychological or emotional abuse: threats, stalking, harassment.
    PsychologicalAbuse,
    /// Violence through images, messages or online stalking.
    DigitalViolence,
    /// Not gender-based violence.
    NotGbv,
}

impl ViolenceForm {
    /// Every form, in the order a form lists them.
    pub const ALL: [ViolenceForm; 5] = [
        Self::Physical,
        Self::Sexual,
        Self::Psychological,
        Self::Economic,
        Self::Digital,
    ];
}

impl IncidentType {
    /// The snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Rape => "rape",
            Self::SexualAssault => "sexual_assault",
            Self::PhysicalAssault => "physical_assault",
            Self::ForcedMarriage => "forced_marriage",
            Self::DenialOfResources => "denial_of_resources",
            Self::PsychologicalAbuse => "psychological_abuse",
            Self::DigitalViolence => "digital_violence",
            Self::NotGbv => "not_gbv",
        }
    }
}

/// Forms of violence in law 103-13.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViolenceForm {
    /// Bodily harm.
    Physical,
    /// Sexual.
    Sexual,
    /// Psychological.
    Psychological,
    /// Economic.
    Economic,
    /// Digital (images, messages, online stalking).
    Digital,
}

/// Who the person responsible is to her.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerpetratorRelation {
    /// Husband or partner.
    Partner,
    /// Former husband or partner.
    FormerPartner,
    /// Another family member.
    Family,
    /// Someone she knows.
    Acquaintance,
    /// An employer or colleague.
    Work,
    /// A stranger.
    Stranger,
    /// She would rather not say.
    NotSaid,
}

impl PerpetratorRelation {
    /// Every relation, in the order a form lists them.
    pub const ALL: [PerpetratorRelation; 7] = [
        Self::Partner,
        Self::FormerPartner,
        Self::Family,
        Self::Acquaintance,
        Self::Work,
        Self::Stranger,
        Self::NotSaid,
    ];
}

/// A report she is writing: kept as an encrypted draft on her phone at
/// every step, sent only when she submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDraft {
    /// The draft's record id (a UUIDv7, kept when it is sent).
    pub id: Option<crate::RecordId>,
    /// The region (1 to 12) it concerns, for routing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<u8>,
    /// What she has written so far. Its `voice_note` is always empty
    /// here: the recording stays in the vault (see `voice_note`).
    #[serde(default)]
    pub payload: RecordPayload,
    /// The voice note she recorded for it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_note: Option<VoiceNoteInfo>,
}

/// One of her reports, alerts or requests as "my cases" shows it: where it
/// stands, and what listeners said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCase {
    /// The record.
    pub id: crate::RecordId,
    /// What it is.
    pub kind: crate::RecordKind,
    /// When she made it (device clock, ms since the epoch).
    pub created_at_ms: i64,
    /// Whether the service holds it.
    pub sent: bool,
    /// The latest status a listener sent back, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<crate::api::CaseStatus>,
    /// Messages from listeners, oldest first.
    #[serde(default)]
    pub messages: Vec<String>,
}

/// Age groups a support request asks for (young people of any gender are
/// served too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    /// Under 18.
    Under18,
    /// 18 to 24.
    From18To24,
    /// 25 to 34.
    From25To34,
    /// 35 to 49.
    From35To49,
    /// 50 and over.
    From50,
}

impl AgeGroup {
    /// Every group, in the order a form lists them.
    pub const ALL: [AgeGroup; 5] = [
        Self::Under18,
        Self::From18To24,
        Self::From25To34,
        Self::From35To49,
        Self::From50,
    ];
}

/// How far she went in school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schooling {
    /// No schooling.
    None,
    /// Primary school.
    Primary,
    /// Middle or secondary school.
    Secondary,
    /// Vocational training.
    Vocational,
    /// University.
    University,
}

impl Schooling {
    /// Every level, in the order a form lists them.
    pub const ALL: [Schooling; 5] = [
        Self::None,
        Self::Primary,
        Self::Secondary,
        Self::Vocational,
        Self::University,
    ];
}

/// What a support request is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportTopic {
    /// A job.
    Job,
    /// Training.
    Training,
    /// Vocational training.
    VocationalTraining,
    /// Starting a business.
    Business,
    /// An income-generating project.
    IncomeGeneratingProject,
    /// Something else.
    Other,
}

impl SupportTopic {
    /// Every topic, in the order a form lists them.
    pub const ALL: [SupportTopic; 6] = [
        Self::Job,
        Self::Training,
        Self::VocationalTraining,
        Self::Business,
        Self::IncomeGeneratingProject,
        Self::Other,
    ];
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn shape_is_pinned_and_lenient() {
        let p = RecordPayload {
            consents: Consents {
                services: true,
                referral: true,
                referral_to: vec![ReferralDestination::Police],
                contact: false,
                statistics: true,
            },
            incident_type: Some(IncidentType::PhysicalAssault),
            violence: vec![ViolenceForm::Physical],
            description: Some("…".into()),
            language: Some(Locale::Ary),
            ..RecordPayload::default()
        };
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"consents":{"services":true,"referral":true,"referral_to":["police"],"contact":false,"statistics":true},"incident_type":"physical_assault","violence":["physical"],"description":"…","language":"ary"}"#
        );
        let draft = ReportDraft {
            id: None,
            region: Some(4),
            payload: RecordPayload {
                children_at_risk: Some(true),
                perpetrator: Some(PerpetratorRelation::FormerPartner),
                ..RecordPayload::default()
            },
            voice_note: None,
        };
        assert_eq!(
            serde_json::to_string(&draft).unwrap(),
            r#"{"id":null,"region":4,"payload":{"consents":{"services":false,"referral":false,"referral_to":[],"contact":false,"statistics":false},"children_at_risk":true,"perpetrator":"former_partner"}}"#
        );
        let spoken = RecordPayload {
            voice_note: Some(VoiceNote {
                mime: "audio/mp4".into(),
                duration_ms: 3000,
                data: "AAAAHGZ0eXA=".into(),
            }),
            ..RecordPayload::default()
        };
        assert_eq!(
            serde_json::to_string(&spoken).unwrap(),
            r#"{"consents":{"services":false,"referral":false,"referral_to":[],"contact":false,"statistics":false},"voice_note":{"mime":"audio/mp4","duration_ms":3000,"data":"AAAAHGZ0eXA="}}"#
        );
        assert_eq!(
            spoken
                .voice_note
                .as_ref()
                .and_then(VoiceNote::data_url)
                .as_deref(),
            Some("data:audio/mp4;base64,AAAAHGZ0eXA=")
        );
        let hostile = VoiceNote {
            mime: "text/html".into(),
            ..VoiceNote::default()
        };
        assert_eq!(hostile.data_url(), None);
        let about = RecordPayload {
            support_topic: Some(SupportTopic::VocationalTraining),
            listing: Some("sample-fes-couture".into()),
            ..RecordPayload::default()
        };
        assert_eq!(
            serde_json::to_string(&about).unwrap(),
            r#"{"consents":{"services":false,"referral":false,"referral_to":[],"contact":false,"statistics":false},"support_topic":"vocational_training","listing":"sample-fes-couture"}"#
        );
        let empty: RecordPayload = serde_json::from_str(r#"{"future_field":1}"#).unwrap();
        assert_eq!(empty, RecordPayload::default());
        assert!(p.consents.allows_referral_to(ReferralDestination::Police));
        assert!(!p
            .consents
            .allows_referral_to(ReferralDestination::Gendarmerie));
        assert!(!Consents::default().allows_referral_to(ReferralDestination::Police));
        assert_eq!(
            IncidentType::DenialOfResources.as_str(),
            "denial_of_resources"
        );
    }
}
