//! The directory search on a real SQLite cache: spellings that must meet,
//! filters, order, updates applied once, tampered bodies refused, any input
//! answered without an error, the shipped data importable.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_core::directory::regions::REGIONS;
use kulna_core::{
    AppData, Clock, DirectoryError, DirectoryUpdate, KdfCost, Pin, StoreError, VaultOptions,
};
use kulna_model::directory::{
    DirectoryBodyKind, DirectoryDelta, DirectoryEntry, DirectoryQuery, DirectorySnapshot,
    EntryDetails, EntryKind, Localized, MatchQuality, SignedDirectory, DIRECTORY_SIGNATURE_TAG,
};
use ring::signature::{Ed25519KeyPair, KeyPair};
use std::num::NonZeroU32;
use std::sync::Arc;

/// 2025-11-24, noon UTC.
#[derive(Debug)]
struct Fixed;
impl Clock for Fixed {
    fn now_ms(&self) -> i64 {
        1_763_985_600_000
    }
}

struct Fixture {
    dir: tempfile::TempDir,
    data: AppData,
    key: Ed25519KeyPair,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = AppData::open_with(
            dir.path(),
            VaultOptions {
                kdf_cost: KdfCost::insecure_for_tests(NonZeroU32::new(1_000).unwrap()),
                clock: Arc::new(Fixed),
                ..VaultOptions::default()
            },
        )
        .unwrap();
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&ring::rand::SystemRandom::new()).unwrap();
        let key = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
        Self { dir, data, key }
    }

    fn sign(&self, kind: DirectoryBodyKind, version: u64, body: String) -> SignedDirectory {
        let mut msg = DIRECTORY_SIGNATURE_TAG.to_vec();
        msg.extend_from_slice(body.as_bytes());
        SignedDirectory {
            kind,
            version,
            signature: B64.encode(self.key.sign(&msg).as_ref()),
            body,
        }
    }

    fn apply(&self, s: &SignedDirectory) -> Result<DirectoryUpdate, DirectoryError> {
        self.data
            .vault()
            .apply_signed_directory(self.key.public_key().as_ref(), s)
    }

    fn snapshot(&self, version: u64, entries: Vec<DirectoryEntry>) {
        let body = serde_json::to_string(&DirectorySnapshot {
            version,
            published_at_ms: 1,
            entries,
        })
        .unwrap();
        let s = self.sign(DirectoryBodyKind::Snapshot, version, body);
        assert_eq!(self.apply(&s).unwrap(), DirectoryUpdate::Applied(version));
    }

    fn ids(&self, q: &DirectoryQuery) -> Vec<String> {
        self.data
            .vault()
            .search_directory(q, 20)
            .unwrap()
            .into_iter()
            .map(|h| h.entry.id)
            .collect()
    }

    fn find(&self, text: &str) -> Vec<String> {
        let mut ids = self.ids(&text_query(text));
        ids.sort();
        ids
    }
}

fn text_query(text: &str) -> DirectoryQuery {
    DirectoryQuery {
        text: text.into(),
        ..DirectoryQuery::default()
    }
}

fn loc(ar: &str, fr: &str) -> Localized {
    Localized {
        ar: Some(ar.into()),
        fr: Some(fr.into()),
        ..Localized::default()
    }
}

#[allow(clippy::too_many_arguments)]
fn entry(
    id: &str,
    kind: EntryKind,
    category: &str,
    region: Option<u8>,
    town: Option<&str>,
    title: Localized,
    deadline: Option<&str>,
    women_only: bool,
) -> DirectoryEntry {
    DirectoryEntry {
        id: id.into(),
        kind,
        category: category.into(),
        region,
        province: town.map(Into::into),
        town: town.map(Into::into),
        title,
        summary: Localized::default(),
        how_to_apply: Localized::default(),
        phone: None,
        sample: true,
        details: EntryDetails {
            deadline: deadline.map(Into::into),
            women_only,
            ..EntryDetails::default()
        },
    }
}

fn listings() -> Vec<DirectoryEntry> {
    use EntryKind::{Opportunity, Service};
    let mut forsa = entry(
        "forsa",
        Opportunity,
        "business_creation",
        None,
        None,
        loc("برنامج فرصة", "Forsa : entrepreneuriat"),
        None,
        false,
    );
    forsa.summary = loc(
        "مواكبة حاملي المشاريع لإنشاء مقاولة",
        "Accompagnement pour créer son entreprise",
    );
    vec![
        entry(
            "ofppt-fes-couture",
            Opportunity,
            "vocational_training",
            Some(3),
            Some("Fès"),
            loc("التكوين المهني في الخياطة", "Formation en couture"),
            Some("2026-01-15"),
            true,
        ),
        entry(
            "anapec-idmaj",
            Opportunity,
            "programme",
            None,
            None,
            loc("برنامج إدماج", "Idmaj : contrats d'insertion"),
            None,
            false,
        ),
        forsa,
        entry(
            "casa-job",
            Opportunity,
            "job",
            Some(6),
            Some("Casablanca"),
            loc("عرض شغل: مساعدة ممرضة", "Offre d'emploi : aide-soignante"),
            Some("2025-12-01"),
            false,
        ),
        entry(
            "rabat-closed",
            Opportunity,
            "training",
            Some(4),
            Some("Rabat"),
            loc("تكوين في المعلوميات", "Formation en informatique"),
            Some("2025-10-01"),
            false,
        ),
        entry(
            "tanger-ecoute",
            Service,
            "listening_center",
            Some(1),
            Some("Tanger"),
            loc("مركز الاستماع للنساء", "Centre d'écoute pour les femmes"),
            None,
            true,
        ),
        entry(
            "oujda-coiffure",
            Opportunity,
            "training",
            Some(2),
            Some("Oujda"),
            loc("تكوين في الحلاقة", "Formation en coiffure"),
            Some("2025-12-20"),
            false,
        ),
    ]
}

fn loaded() -> Fixture {
    let f = Fixture::new();
    f.snapshot(1, listings());
    f
}

#[test]
fn spellings_people_use_find_the_same_listings() {
    let f = loaded();
    let groups: &[(&[&str], &str)] = &[
        (
            &["التكوين", "تكوين", "تَكْوِين", "تـكـويـن"],
            "ofppt-fes-couture",
        ),
        (&["مقاولة", "مقاوله"], "forsa"),
        (&["إدماج", "ادماج", "Idmaj", "IDMAJ"], "anapec-idmaj"),
        (
            &["formation", "Formation", "fôrmation", "FORMATION"],
            "oujda-coiffure",
        ),
        (&["Fès", "Fes", "fes", "FÈS"], "ofppt-fes-couture"),
        (
            &["فاس مكناس", "Fès-Meknès", "fes meknes"],
            "ofppt-fes-couture",
        ),
        (&["الدار البيضاء", "Casablanca-Settat"], "casa-job"),
    ];
    for (spellings, must) in groups {
        let first = f.find(spellings[0]);
        assert!(
            first.iter().any(|id| id == must),
            "{:?} finds {must}: {first:?}",
            spellings[0]
        );
        for s in &spellings[1..] {
            assert_eq!(
                f.find(s),
                first,
                "{s:?} finds what {:?} finds",
                spellings[0]
            );
        }
    }
    // Prefixes, as she types.
    assert!(f.find("form").contains(&"rabat-closed".to_owned()));
    assert!(f.find("تكو").contains(&"ofppt-fes-couture".to_owned()));
    // Two words must both match.
    assert_eq!(f.find("formation couture"), vec!["ofppt-fes-couture"]);
    assert_eq!(f.find("تكوين خياطة"), vec!["ofppt-fes-couture"]);
    assert!(f.find("formation plomberie").is_empty());
}

#[test]
fn filters_narrow_the_results() {
    let f = loaded();
    let q = |edit: fn(&mut DirectoryQuery)| {
        let mut q = DirectoryQuery::default();
        edit(&mut q);
        let mut ids = f.ids(&q);
        ids.sort();
        ids
    };
    assert_eq!(
        q(|q| q.kind = Some(EntryKind::Service)),
        vec!["tanger-ecoute"]
    );
    assert_eq!(
        q(|q| q.women_only = true),
        vec!["ofppt-fes-couture", "tanger-ecoute"]
    );
    // A region keeps its own and the national listings.
    assert_eq!(
        q(|q| q.region = Some(6)),
        vec!["anapec-idmaj", "casa-job", "forsa"]
    );
    assert_eq!(q(|q| q.region = Some(13)), vec!["anapec-idmaj", "forsa"]);
    assert_eq!(
        q(|q| q.town = Some("FES".into())),
        vec!["ofppt-fes-couture"]
    );
    assert_eq!(
        q(|q| q.province = Some("Oujda".into())),
        vec!["oujda-coiffure"]
    );
    assert_eq!(
        q(|q| q.categories = vec!["training".into(), "job".into()]),
        vec!["casa-job", "oujda-coiffure", "rabat-closed"]
    );
    let open = q(|q| q.open_only = true);
    assert!(!open.contains(&"rabat-closed".to_owned()));
    assert_eq!(open.len(), listings().len() - 1);
    let mut both = f.ids(&DirectoryQuery {
        text: "formation".into(),
        women_only: true,
        region: Some(3),
        open_only: true,
        kind: Some(EntryKind::Opportunity),
        ..DirectoryQuery::default()
    });
    both.sort();
    assert_eq!(both, vec!["ofppt-fes-couture"]);
}

#[test]
fn order_is_relevance_then_nearness_then_deadline() {
    let f = loaded();
    // No region: open ones by deadline (Oujda 2025-12-20 before Fès
    // 2026-01-15), the closed one last.
    let hits = f
        .data
        .vault()
        .search_directory(&text_query("formation"), 20)
        .unwrap();
    let ids: Vec<_> = hits.iter().map(|h| h.entry.id.as_str()).collect();
    assert_eq!(ids, ["oujda-coiffure", "ofppt-fes-couture", "rabat-closed"]);
    assert!(hits[2].closed && !hits[0].closed);
    assert!(hits.iter().all(|h| h.quality == MatchQuality::Title));
    // She lives in Rabat-Salé-Kénitra (4): Fès-Meknès borders it, the
    // Oriental does not.
    let near = DirectoryQuery {
        near_region: Some(4),
        ..text_query("formation")
    };
    let hits = f.data.vault().search_directory(&near, 20).unwrap();
    let ids: Vec<_> = hits.iter().map(|h| h.entry.id.as_str()).collect();
    assert_eq!(ids, ["ofppt-fes-couture", "oujda-coiffure", "rabat-closed"]);
    assert_eq!(
        hits.iter().map(|h| h.distance).collect::<Vec<_>>(),
        [Some(1), Some(2), Some(0)]
    );
    // A title match before a summary match: "entreprise" is in Forsa's
    // summary only; "entrepreneuriat" in its title.
    let hits = f
        .data
        .vault()
        .search_directory(&text_query("entrepr"), 20)
        .unwrap();
    assert_eq!(hits[0].entry.id, "forsa");
    assert_eq!(hits[0].quality, MatchQuality::Title);
    // Nothing typed, her region first (national listings with it).
    let browse = DirectoryQuery {
        near_region: Some(1),
        ..DirectoryQuery::default()
    };
    let hits = f.data.vault().search_directory(&browse, 3).unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h.distance == Some(0)));
    assert_eq!(hits[0].quality, MatchQuality::Listed);
    assert_eq!(f.data.vault().search_directory(&browse, 0).unwrap(), vec![]);
}

#[test]
fn any_input_gives_results_or_a_clean_empty_answer() {
    let f = loaded();
    let long = "تكوين ".repeat(2_000);
    let ten_kb = "x".repeat(10 * 1024);
    let inputs = [
        "",
        " ",
        "!!!",
        "؟؟؟ ...",
        "\"",
        "\"\"\"",
        "*",
        "formation*",
        "NEAR(",
        "NEAR(formation couture, 2)",
        "-",
        "-formation",
        "formation -couture",
        "AND",
        "OR NOT",
        "{title}:formation",
        "title:formation",
        "^formation",
        "(",
        ")",
        "'; DROP TABLE directory_entry; --",
        "\u{0}",
        "\u{200f}\u{202e}",
        "ⵜⴰⵎⴰⵣⵉⵖⵜ",
        "नमस्ते",
        "😀 formation",
        "a b c d e f g h i j k l",
        &long,
        &ten_kb,
    ];
    for input in inputs {
        let r = f.data.vault().search_directory(&text_query(input), 20);
        assert!(r.is_ok(), "{input:?}: {r:?}");
    }
    assert_eq!(f.find("formation*"), f.find("formation"));
    assert!(!f.find(&long).is_empty());
    assert!(f.find(&ten_kb).is_empty());
    // Nothing typed lists everything (up to the limit).
    assert_eq!(f.find("").len(), listings().len());
    assert_eq!(f.find("!!!").len(), listings().len());
}

#[test]
fn updates_apply_once_and_tampering_changes_nothing() {
    let f = loaded();
    let before = f.find("formation");
    // A tampered snapshot is refused; the cache is as it was.
    let mut bad = f.sign(
        DirectoryBodyKind::Snapshot,
        2,
        serde_json::to_string(&DirectorySnapshot {
            version: 2,
            published_at_ms: 2,
            entries: vec![],
        })
        .unwrap(),
    );
    bad.body = bad.body.replace("\"entries\":[]", "\"entries\":[ ]");
    assert!(matches!(f.apply(&bad), Err(DirectoryError::BadSignature)));
    assert_eq!(f.data.vault().directory_version().unwrap(), 1);
    assert_eq!(f.find("formation"), before);

    // A delta: one listing changed (its title), one removed, one added.
    let mut changed = listings()[0].clone();
    changed.title = loc("تكوين في الطبخ", "Formation en cuisine");
    let added = entry(
        "agadir-awrach",
        EntryKind::Opportunity,
        "job",
        Some(9),
        Some("Agadir"),
        loc("أوراش: شغل مؤقت", "Awrach : emploi temporaire"),
        None,
        false,
    );
    let delta = DirectoryDelta {
        from_version: 1,
        to_version: 2,
        published_at_ms: 2,
        upserted: vec![changed, added],
        removed: vec!["oujda-coiffure".into()],
    };
    let signed = f.sign(
        DirectoryBodyKind::Delta,
        2,
        serde_json::to_string(&delta).unwrap(),
    );
    let mut tampered = signed.clone();
    tampered.body = tampered.body.replace("cuisine", "cuisinE");
    assert!(matches!(
        f.apply(&tampered),
        Err(DirectoryError::BadSignature)
    ));
    assert_eq!(f.find("formation"), before);

    assert_eq!(f.data.vault().directory_published_at_ms().unwrap(), Some(1));
    assert_eq!(f.apply(&signed).unwrap(), DirectoryUpdate::Applied(2));
    assert_eq!(f.data.vault().directory_published_at_ms().unwrap(), Some(2));
    let after = f.find("formation");
    let entries = f.data.vault().directory_entries().unwrap();
    assert_eq!(after, vec!["ofppt-fes-couture", "rabat-closed"]);
    assert!(f.find("couture").is_empty(), "the old title left the index");
    assert_eq!(f.find("cuisine"), vec!["ofppt-fes-couture"]);
    assert_eq!(f.find("coiffure"), Vec::<String>::new());
    assert_eq!(f.find("اوراش"), vec!["agadir-awrach"]);

    // The same delta again: nothing changes.
    assert_eq!(f.apply(&signed).unwrap(), DirectoryUpdate::Ignored);
    assert_eq!(f.data.vault().directory_version().unwrap(), 2);
    assert_eq!(f.data.vault().directory_entries().unwrap(), entries);
    assert_eq!(f.find("formation"), after);
    assert_eq!(f.find("").len(), entries.len());
    // An old snapshot, even signed, is not taken.
    let old = f.sign(
        DirectoryBodyKind::Snapshot,
        1,
        serde_json::to_string(&DirectorySnapshot {
            version: 1,
            published_at_ms: 1,
            entries: vec![],
        })
        .unwrap(),
    );
    assert_eq!(f.apply(&old).unwrap(), DirectoryUpdate::Ignored);
    assert_eq!(f.find("").len(), entries.len());
    // A newer snapshot replaces everything, index included.
    f.snapshot(3, vec![listings()[1].clone()]);
    assert_eq!(f.find(""), vec!["anapec-idmaj"]);
    assert!(f.find("formation").is_empty());
}

/// How many segments the cache's search index is made of (ids of
/// `directory_fts_data` rows hold their segment's id in bits 37 and up;
/// from 2^16 they are tombstone pages).
fn index_segments(f: &Fixture) -> i64 {
    let db = rusqlite::Connection::open(f.data.vault().path()).unwrap();
    db.query_row(
        "SELECT count(DISTINCT id >> 37) FROM directory_fts_data
         WHERE id >> 37 BETWEEN 1 AND 65535",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// Tidies the index until nothing is left; the number of steps.
fn tidy(f: &Fixture) -> usize {
    let mut steps = 1;
    while f.data.vault().tidy_directory_index().unwrap() {
        steps += 1;
        assert!(steps < 1_000, "tidying ends");
    }
    steps
}

/// A delta is found as soon as it is applied, before the index is tidied;
/// a delta adds a segment to the index (FTS5 merges nothing at commit),
/// and tidying after each keeps it to a few, with every listing found as
/// before and FTS5 finding the index sound.
#[test]
fn deltas_are_found_at_once_and_tidying_keeps_the_index_small() {
    const LISTINGS: usize = 2_000;
    const CHANGED: usize = 100;
    const DELTAS: u64 = 12;
    let generated = |i: usize, word: &str| {
        entry(
            &format!("gen-{i:04}"),
            EntryKind::Opportunity,
            "job",
            Some(u8::try_from(1 + i % 12).unwrap()),
            None,
            loc("تكوين", &format!("Formation {word}")),
            Some(format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28)).as_deref(),
            false,
        )
    };
    let f = Fixture::new();
    f.snapshot(1, (0..LISTINGS).map(|i| generated(i, "initiale")).collect());
    assert_eq!(tidy(&f), 1, "a snapshot leaves nothing to merge");
    let start = index_segments(&f);
    let mut listed: std::collections::HashSet<String> =
        (0..LISTINGS).map(|i| format!("gen-{i:04}")).collect();
    for v in 2..=DELTAS + 1 {
        let word = format!("edition{v}x");
        let step = usize::try_from(v).unwrap();
        // The first listing (soonest deadline, so first found) every time.
        let upserted: Vec<DirectoryEntry> = std::iter::once(0)
            .chain((1..CHANGED).map(|k| (step * 37 + k * 13) % LISTINGS))
            .map(|i| generated(i, &word))
            .collect();
        listed.extend(upserted.iter().map(|e| e.id.clone()));
        let removed = format!("gen-{:04}", (step * 101) % LISTINGS);
        let delta = DirectoryDelta {
            from_version: v - 1,
            to_version: v,
            published_at_ms: 2,
            upserted,
            removed: vec![removed.clone()],
        };
        let before = index_segments(&f);
        let signed = f.sign(
            DirectoryBodyKind::Delta,
            v,
            serde_json::to_string(&delta).unwrap(),
        );
        assert_eq!(f.apply(&signed).unwrap(), DirectoryUpdate::Applied(v));
        listed.remove(&removed);

        // Searchable at once: the new text, not the old, not the removed.
        let found = f.find(&word);
        assert_eq!(found.len(), 20, "version {v} found before tidying");
        assert!(!found.contains(&removed));
        assert_eq!(found[0], "gen-0000");
        assert!(!f.find(&format!("edition{}x", v - 1)).contains(&found[0]));
        assert!(!f.find("initiale").contains(&found[0]));
        assert_eq!(f.data.vault().directory_listing(&removed).unwrap(), None);
        assert_eq!(index_segments(&f), before + 1, "the delta merged nothing");

        tidy(&f);
        assert_eq!(f.find(&word), found, "tidying changes no result");
    }
    let segments = index_segments(&f);
    assert!(
        segments <= start + 4,
        "{segments} segments after {DELTAS} tidied deltas (without tidying, {})",
        start + i64::try_from(DELTAS).unwrap()
    );
    let all = f
        .data
        .vault()
        .search_directory(&text_query(""), 200)
        .unwrap();
    assert_eq!(all.len(), 200);
    assert_eq!(
        f.data.vault().directory_state().unwrap().listings,
        u32::try_from(listed.len()).unwrap()
    );
    let db = rusqlite::Connection::open(f.data.vault().path()).unwrap();
    db.execute(
        "INSERT INTO directory_fts (directory_fts, rank) VALUES ('integrity-check', 0)",
        [],
    )
    .unwrap();
}

#[test]
fn search_needs_no_pin_and_survives_a_restart() {
    let f = loaded();
    let pin = Pin::new("2468".into()).unwrap();
    f.data.vault().set_pin(&pin).unwrap();
    // Saved listings live in the vault, encrypted, and need the PIN.
    f.data
        .vault()
        .set_listing_saved("anapec-idmaj", true)
        .unwrap();
    f.data.vault().set_listing_saved("forsa", true).unwrap();
    assert_eq!(
        f.data.vault().set_listing_saved("forsa", false).unwrap(),
        vec!["anapec-idmaj"]
    );
    assert_eq!(
        f.data.vault().saved_listings().unwrap()[0].id,
        "anapec-idmaj"
    );
    f.data.vault().lock();
    assert!(f.data.vault().saved_listing_ids().is_err());
    assert_eq!(f.find("Fes"), vec!["ofppt-fes-couture"]);
    let dir = f.dir.path().to_owned();
    drop(f.data);
    let data = AppData::open(&dir).unwrap();
    let hits = data
        .vault()
        .search_directory(&text_query("إدماج"), 5)
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].entry.id, "anapec-idmaj");
}

#[test]
fn darija_in_latin_letters_finds_the_category() {
    let f = loaded();
    assert_eq!(f.find("khdma"), vec!["casa-job"]);
    assert_eq!(f.find("5dma"), f.find("khdma"));
    assert_eq!(f.find("Khedma"), f.find("khdma"));
    let training = f.find("تكوين");
    assert_eq!(training.len(), 3, "{training:?}");
    assert_eq!(f.find("takwin"), training);
    assert_eq!(f.find("tkwin"), training);
    assert_eq!(f.find("takwin fes"), vec!["ofppt-fes-couture"]);
    assert_eq!(f.find("machrou3"), vec!["forsa"]);
    assert_eq!(f.find("istima3"), vec!["tanger-ecoute"]);
    // A word that is no category's finds nothing by itself.
    assert!(f.find("khdmaz").is_empty());
}

#[test]
fn one_listing_the_state_and_saving_by_id() {
    let empty = Fixture::new();
    let state = empty.data.vault().directory_state().unwrap();
    assert!(state.is_empty(), "{state:?}");
    assert_eq!((state.listings, state.published_at_ms), (0, None));
    assert_eq!(empty.data.vault().directory_listing("forsa").unwrap(), None);

    let f = loaded();
    let state = f.data.vault().directory_state().unwrap();
    assert_eq!(state.version, 1);
    assert_eq!(state.published_at_ms, Some(1));
    assert_eq!(state.listings as usize, listings().len());
    let one = f.data.vault().directory_listing("forsa").unwrap().unwrap();
    assert_eq!(one.id, "forsa");
    assert_eq!(
        f.data.vault().directory_listing("nothing-here").unwrap(),
        None
    );
    assert_eq!(f.data.vault().listing("forsa").unwrap(), one);
    assert!(matches!(
        f.data.vault().listing("nothing-here"),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        f.data.vault().listing("../forsa"),
        Err(StoreError::InvalidInput(_))
    ));

    // Saving needs a PIN set and the vault open, before anything else.
    let v = f.data.vault();
    assert!(matches!(v.save_listing("forsa"), Err(StoreError::Locked)));
    let pin = Pin::new("2468".into()).unwrap();
    v.set_pin(&pin).unwrap();
    for bad in [
        "",
        "Forsa",
        "a b",
        "x/../y",
        "'; DROP TABLE",
        &"a".repeat(101),
    ] {
        assert!(
            matches!(v.save_listing(bad), Err(StoreError::InvalidInput(_))),
            "{bad:?}"
        );
        assert!(matches!(
            v.unsave_listing(bad),
            Err(StoreError::InvalidInput(_))
        ));
    }
    assert!(matches!(
        v.save_listing("nothing-here"),
        Err(StoreError::NotFound)
    ));
    assert_eq!(v.save_listing("forsa").unwrap(), vec!["forsa"]);
    assert_eq!(v.save_listing("forsa").unwrap(), vec!["forsa"]);
    assert_eq!(
        v.save_listing("anapec-idmaj").unwrap(),
        vec!["forsa", "anapec-idmaj"]
    );
    assert_eq!(v.unsave_listing("forsa").unwrap(), vec!["anapec-idmaj"]);
    // Forgetting what was never saved changes nothing.
    assert_eq!(v.unsave_listing("forsa").unwrap(), vec!["anapec-idmaj"]);
    v.lock();
    assert!(matches!(v.save_listing("forsa"), Err(StoreError::Locked)));
    assert!(matches!(v.unsave_listing("forsa"), Err(StoreError::Locked)));
    assert!(matches!(v.saved_listings(), Err(StoreError::Locked)));
    // The listing itself stays public.
    assert!(v.directory_listing("forsa").unwrap().is_some());
    v.unlock(&pin).unwrap();
    let saved: Vec<String> = v
        .saved_listings()
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(saved, vec!["anapec-idmaj"]);
}

#[test]
fn shipped_data_imports_and_is_found() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../central/data");
    let text = std::fs::read_to_string(format!("{root}/directory.json")).unwrap();
    let entries = kulna_central::directory::parse_json(&text)
        .unwrap_or_else(|problems| panic!("import problems: {problems:?}"));
    assert!(entries.len() >= 10);
    for e in &entries {
        if e.sample {
            let fr = e.title.fr.as_deref().unwrap_or("");
            let ar = e.title.ar.as_deref().unwrap_or("");
            assert!(
                fr.contains("exemple"),
                "{}: sample in the French title",
                e.id
            );
            assert!(ar.contains("مثال"), "{}: sample in the Arabic title", e.id);
        } else {
            assert!(
                e.region.is_none(),
                "{}: only national programmes are real",
                e.id
            );
            assert!(e.details.source.is_some(), "{}: a source", e.id);
        }
    }
    let f = Fixture::new();
    f.snapshot(1, entries);
    for (query, id) in [
        ("Intelaka", "programme-intelaka"),
        ("انطلاقة", "programme-intelaka"),
        ("فرصة", "programme-forsa"),
        ("OFPPT", "programme-ofppt"),
        ("أوراش", "programme-awrach"),
        ("Tamkine", "programme-maroc-tamkine"),
        ("ادماج", "programme-anapec-idmaj"),
        ("تأهيل", "programme-anapec-taehil"),
        ("INDH", "programme-indh"),
    ] {
        assert!(f.find(query).contains(&id.to_owned()), "{query} finds {id}");
    }

    let regions: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/regions.json")).unwrap())
            .unwrap();
    let list = regions["regions"].as_array().unwrap();
    assert_eq!(list.len(), 12);
    for (r, built_in) in list.iter().zip(REGIONS) {
        assert_eq!(r["code"].as_u64(), Some(u64::from(built_in.code)));
        assert_eq!(r["name"]["fr"].as_str(), Some(built_in.fr));
        assert_eq!(r["name"]["ar"].as_str(), Some(built_in.ar));
        assert!(!r["provinces"].as_array().unwrap().is_empty());
    }
}
