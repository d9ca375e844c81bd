//! The published directory of opportunities and services, as the service
//! signs it and the app verifies it.
//!
//! `GET /v1/directory` answers a [`SignedDirectory`] holding a full
//! [`DirectorySnapshot`]; `GET /v1/directory?since=N` answers the
//! [`DirectoryDelta`] from version N to the latest (or 304 when N is the
//! latest). Both carry an `ETag`; `If-None-Match` gives 304.
//!
//! The signed bytes are `DIRECTORY_SIGNATURE_TAG || body`, where `body` is
//! the exact JSON text in [`SignedDirectory::body`]: verify the Ed25519
//! signature (the service's `directory_signing_key`) over those bytes
//! *before* parsing the body.

use serde::{Deserialize, Serialize};

/// Prefix of the signed bytes of a directory body.
pub const DIRECTORY_SIGNATURE_TAG: &[u8] = b"kulna-maak/directory v1\n";

/// A text in each of the app's languages; absent where not translated.
/// The app falls back to Arabic, then French.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Localized {
    /// Standard Arabic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    /// Darija in Arabic script.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ary: Option<String>,
    /// Tamazight in Tifinagh.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zgh: Option<String>,
    /// French.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    /// English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Localized {
    /// No text in any language.
    pub fn is_empty(&self) -> bool {
        self.texts().next().is_none()
    }

    /// Every non-empty text, in the order ar, ary, zgh, fr, en.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [&self.ar, &self.ary, &self.zgh, &self.fr, &self.en]
            .into_iter()
            .filter_map(|t| t.as_deref())
            .filter(|t| !t.trim().is_empty())
    }
}

/// Whether a listing is something to apply to or a service that helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A job, training, vocational training, business support, income-generating project or financing.
    Opportunity,
    /// A listening center, care cell, police, gendarmerie, health unit, shelter, legal aid, association.
    Service,
}

/// One listing. Its `id` is stable across versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    /// Stable id: lower-case letters, digits, `-` and `_`.
    pub id: String,
    /// Opportunity or service.
    pub kind: EntryKind,
    /// Category within the kind, e.g. `vocational_training`, `shelter`.
    pub category: String,
    /// Region code 1 to 12; `None` for national listings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<u8>,
    /// Province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// Title.
    pub title: Localized,
    /// Summary.
    #[serde(default)]
    pub summary: Localized,
    /// How to apply or how to get there.
    #[serde(default)]
    pub how_to_apply: Localized,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A clearly labelled sample, not a real listing.
    #[serde(default)]
    pub sample: bool,
    /// Organisation, eligibility, dates, contact and source (all optional;
    /// flattened, so older files without them still parse).
    #[serde(flatten, default)]
    pub details: EntryDetails,
}

/// The optional facts of a listing. Every field is absent by default and
/// left out of the JSON when absent, so versions published before these
/// fields existed parse unchanged. Dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryDetails {
    /// Who runs it (ANAPEC, OFPPT, an association…).
    #[serde(skip_serializing_if = "Localized::is_empty")]
    pub organisation: Localized,
    /// The town (and province) as written in each language, beside the
    /// `town` key used for filtering.
    #[serde(skip_serializing_if = "Localized::is_empty")]
    pub place: Localized,
    /// Only for women (and girls).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub women_only: bool,
    /// Youngest age accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_min: Option<u8>,
    /// Oldest age accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_max: Option<u8>,
    /// Schooling asked for.
    #[serde(skip_serializing_if = "Localized::is_empty")]
    pub schooling: Localized,
    /// Free of charge (`Some(true)`), paid (`Some(false)`), unknown (`None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free: Option<bool>,
    /// What it costs, in words.
    #[serde(skip_serializing_if = "Localized::is_empty")]
    pub cost: Localized,
    /// First day, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<String>,
    /// Last day to apply, `YYYY-MM-DD`; none: open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Opening hours (services).
    #[serde(skip_serializing_if = "Localized::is_empty")]
    pub hours: Localized,
    /// Street address (services).
    #[serde(skip_serializing_if = "Localized::is_empty")]
    pub address: Localized,
    /// Languages spoken there, as locale codes (`ar`, `ary`, `zgh`, `fr`, `en`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Other contact: e-mail or web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Where the facts come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When an administrator last checked them, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_on: Option<String>,
}

/// What to search the cached directory for (`search_directory`). Every
/// filter is optional; an empty `query` lists by nearness and deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DirectoryQuery {
    /// What she typed, as typed (any script; normalized by the search).
    pub text: String,
    /// Only this kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntryKind>,
    /// Only these categories (any of them); empty: all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Only this region (1 to 12); national listings are kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<u8>,
    /// Only this province (as in the listing's `province`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Only this town (as in the listing's `town`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// Hide listings whose deadline has passed.
    pub open_only: bool,
    /// Only listings for women.
    pub women_only: bool,
    /// Her region, for "nearest first" (1 to 12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_region: Option<u8>,
}

/// How well a hit matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchQuality {
    /// Every word she typed is in the title or the organisation.
    Title,
    /// Every word is in the title, the place names or the summary.
    Anywhere,
    /// She typed nothing: the listing passed the filters.
    Listed,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryHit {
    /// The listing.
    pub entry: DirectoryEntry,
    /// How well it matched.
    pub quality: MatchQuality,
    /// Hops from her region: 0 her region or national, 1 a neighbouring
    /// region, 2 farther; `None` when she gave no region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<u8>,
    /// The deadline has passed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
}

/// What the device holds of the directory (`get_directory_state`), for
/// "updated 3 days ago, 120 listings, works offline".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryState {
    /// The cached version; 0: never downloaded.
    pub version: u64,
    /// When that version was published (the service's clock, ms since the
    /// epoch); `None` before the first directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at_ms: Option<i64>,
    /// How many listings the cache holds.
    pub listings: u32,
}

impl DirectoryState {
    /// Nothing was ever downloaded on this device.
    pub const fn is_empty(&self) -> bool {
        self.version == 0
    }
}

/// A whole published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectorySnapshot {
    /// Version number, from 1.
    pub version: u64,
    /// When published, milliseconds since the epoch.
    pub published_at_ms: i64,
    /// Every listing, by id.
    pub entries: Vec<DirectoryEntry>,
}

/// What changed between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryDelta {
    /// The version the device has.
    pub from_version: u64,
    /// The version this brings it to.
    pub to_version: u64,
    /// When `to_version` was published.
    pub published_at_ms: i64,
    /// Listings added or changed.
    pub upserted: Vec<DirectoryEntry>,
    /// Ids of listings removed.
    pub removed: Vec<String>,
}

/// Snapshot or delta.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectoryBodyKind {
    /// `body` is a [`DirectorySnapshot`].
    Snapshot,
    /// `body` is a [`DirectoryDelta`].
    Delta,
}

/// `GET /v1/directory`: a signed snapshot or delta.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedDirectory {
    /// What `body` holds.
    pub kind: DirectoryBodyKind,
    /// The version it brings the device to.
    pub version: u64,
    /// The JSON text of the snapshot or delta, exactly as signed.
    pub body: String,
    /// Ed25519 signature of `DIRECTORY_SIGNATURE_TAG || body`, base64.
    pub signature: String,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn listings_without_details_still_parse_and_details_round_trip() {
        let old = r#"{"id":"a","kind":"service","category":"shelter","title":{"fr":"Abri"}}"#;
        let e: DirectoryEntry = serde_json::from_str(old).unwrap();
        assert_eq!(e.details, EntryDetails::default());
        let mut e2 = e.clone();
        e2.details.women_only = true;
        e2.details.deadline = Some("2026-12-31".into());
        e2.details.organisation.fr = Some("OFPPT".into());
        let text = serde_json::to_string(&e2).unwrap();
        assert!(
            text.contains(r#""women_only":true"#) && text.contains(r#""deadline":"2026-12-31""#)
        );
        assert_eq!(serde_json::from_str::<DirectoryEntry>(&text).unwrap(), e2);
        let q: DirectoryQuery =
            serde_json::from_str(r#"{"text":"تكوين","near_region":6}"#).unwrap();
        assert_eq!(q.near_region, Some(6));
        assert!(!q.open_only);
    }

    #[test]
    fn shapes_are_pinned() {
        let e = DirectoryEntry {
            id: "ofppt-casa-couture".into(),
            kind: EntryKind::Opportunity,
            category: "vocational_training".into(),
            region: Some(6),
            province: None,
            town: Some("Casablanca".into()),
            title: Localized {
                fr: Some("Couture".into()),
                ar: Some("خياطة".into()),
                ..Localized::default()
            },
            summary: Localized::default(),
            how_to_apply: Localized::default(),
            phone: None,
            sample: true,
            details: EntryDetails::default(),
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"id":"ofppt-casa-couture","kind":"opportunity","category":"vocational_training","region":6,"town":"Casablanca","title":{"ar":"خياطة","fr":"Couture"},"summary":{},"how_to_apply":{},"sample":true}"#
        );
        // What the shell sends, the UI reads back (an open listing leaves
        // `closed` out).
        let hit = DirectoryHit {
            entry: e.clone(),
            quality: MatchQuality::Title,
            distance: None,
            closed: false,
        };
        let text = serde_json::to_string(&hit).unwrap();
        assert!(!text.contains("closed"), "{text}");
        assert_eq!(serde_json::from_str::<DirectoryHit>(&text).unwrap(), hit);
        let state = DirectoryState {
            version: 4,
            published_at_ms: Some(1_700_000_000_000),
            listings: 15,
        };
        assert_eq!(
            serde_json::to_string(&state).unwrap(),
            r#"{"version":4,"published_at_ms":1700000000000,"listings":15}"#
        );
        assert!(!state.is_empty());
        assert!(DirectoryState::default().is_empty());
        assert_eq!(
            serde_json::to_string(&DirectoryState::default()).unwrap(),
            r#"{"version":0,"listings":0}"#
        );
        let s = SignedDirectory {
            kind: DirectoryBodyKind::Delta,
            version: 3,
            body: "{}".into(),
            signature: "AA==".into(),
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"kind":"delta","version":3,"body":"{}","signature":"AA=="}"#
        );
        let d = DirectoryDelta {
            from_version: 1,
            to_version: 2,
            published_at_ms: 5,
            upserted: vec![],
            removed: vec!["x".into()],
        };
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"from_version":1,"to_version":2,"published_at_ms":5,"upserted":[],"removed":["x"]}"#
        );
    }
}
