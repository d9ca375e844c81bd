//! Directory benchmarks on a generated 100,000-listing directory (titles in
//! ar, fr, zgh and en; summaries in ar and fr), each beside a baseline
//! measured in the same run.
//!
//! Run: `cargo bench -p kulna-core --bench directory`
//!
//! 1. Search, top 20, over a mix of Arabic, French, prefix and two-word
//!    queries, as the app asks (her region for "nearest first", open
//!    listings only): p50/p95/p99 of single calls of
//!    [`Vault::search_directory`], against a plain FTS5 table with
//!    `unicode61 remove_diacritics 2` over the raw text, ranked by
//!    `bm25` (`ORDER BY bm25(t) LIMIT 20`). Queries alternate between the
//!    two. Target: p95 < 5 ms and ≥ 3× faster than the baseline.
//! 2. Applying a signed delta of 1,000 changed listings (verify, parse,
//!    one transaction with the index): median, p95 and max over at least
//!    [`MIN_DELTAS`] deltas. Target: < 200 ms. After each, as the sync
//!    client does, the index is tidied (`Vault::tidy_directory_index`
//!    until it has nothing left, each step its own transaction), timed
//!    apart: total per delta and the longest step. Beside them, the full
//!    snapshot applied at the start (what a device would do without
//!    deltas), as a ratio, and per listing. Then the search mix again,
//!    after the deltas, and the index's segment count.
//! 3. The size of the cache file for 100,000 listings (and the baseline's).
//!
//! Criterion measures the whole query mix and the delta; the percentiles
//! come from a separate interleaved pass. The summary is printed at the end.
//! Experiment knobs: `KULNA_BENCH_AUTOMERGE=N` sets FTS5's `automerge`
//! before the delta runs (0 since schema 9; 4, FTS5's default, is how
//! schemas 4 to 8 merged at each commit); `KULNA_BENCH_TIDY=0` skips the
//! merging after each delta (the WAL is still checkpointed, untimed, as the
//! app's next write would).
//!
//! [`Vault::search_directory`]: kulna_core::Vault::search_directory
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use criterion::{BatchSize, Criterion};
use kulna_core::{AppData, DirectoryUpdate};
use kulna_model::directory::{
    DirectoryBodyKind, DirectoryDelta, DirectoryEntry, DirectoryQuery, DirectorySnapshot,
    EntryDetails, EntryKind, Localized, SignedDirectory, DIRECTORY_SIGNATURE_TAG,
};
use ring::signature::{Ed25519KeyPair, KeyPair};
use rusqlite::Connection;
use std::cell::Cell;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const LISTINGS: usize = 100_000;
const DELTA: usize = 1_000;
const ROUNDS: usize = 25;
/// Deltas applied at least (Criterion's, then more if it took fewer);
/// `KULNA_BENCH_DELTAS=N` changes it.
const MIN_DELTAS: usize = 40;

const AR: &[&str] = &[
    "تكوين",
    "التكوين",
    "المهني",
    "خياطة",
    "حلاقة",
    "الطبخ",
    "المعلوميات",
    "مقاولة",
    "تعاونية",
    "فلاحية",
    "شغل",
    "عرض",
    "مساعدة",
    "ممرضة",
    "الصناعة",
    "التقليدية",
    "النسيج",
    "التجارة",
    "المحاسبة",
    "السياحة",
    "الفندقة",
    "إدماج",
    "تأهيل",
    "تمويل",
    "قرض",
    "مشروع",
    "مدر",
    "للدخل",
    "النساء",
    "الشباب",
    "مواكبة",
    "احتضان",
    "ورشة",
    "مركز",
    "الاستماع",
    "التوجيه",
    "دعم",
    "التربية",
    "رعاية",
    "الأطفال",
    "الصحة",
    "اللغة",
    "الفرنسية",
    "الإنجليزية",
    "السياقة",
    "التلحيم",
    "الكهرباء",
    "الترصيص",
    "النجارة",
    "الزراعة",
    "النحل",
    "الزرابي",
    "الحلويات",
    "الخبز",
    "التجميل",
    "الطرز",
    "الفخار",
    "الحاسوب",
    "التسويق",
    "الرقمي",
];
const FR: &[&str] = &[
    "formation",
    "professionnelle",
    "couture",
    "coiffure",
    "cuisine",
    "informatique",
    "entreprise",
    "coopérative",
    "agricole",
    "emploi",
    "offre",
    "aide-soignante",
    "artisanat",
    "tissage",
    "commerce",
    "comptabilité",
    "tourisme",
    "hôtellerie",
    "insertion",
    "financement",
    "prêt",
    "projet",
    "revenus",
    "femmes",
    "jeunes",
    "accompagnement",
    "incubation",
    "atelier",
    "centre",
    "écoute",
    "orientation",
    "soutien",
    "éducation",
    "enfants",
    "santé",
    "langue",
    "anglais",
    "conduite",
    "soudure",
    "électricité",
    "plomberie",
    "menuiserie",
    "apiculture",
    "tapis",
    "pâtisserie",
    "boulangerie",
    "esthétique",
    "broderie",
    "poterie",
    "numérique",
    "marketing",
    "vente",
    "gestion",
    "secrétariat",
    "logistique",
    "textile",
    "élevage",
    "transformation",
    "produits",
    "terroir",
];
const ZGH: &[&str] = &[
    "ⴰⵙⵍⵎⴷ",
    "ⵜⴰⵡⵓⵔⵉ",
    "ⵜⴰⵎⵖⴰⵔⵜ",
    "ⵜⵉⵎⵖⴰⵔⵉⵏ",
    "ⴰⵎⵙⵏⴰⵡ",
    "ⵜⴰⵙⵏⵓⵍⴼⵓⵜ",
    "ⴰⵏⴰⵡⴰⵍ",
    "ⵜⴰⴷⵔⴰⵔⵜ",
    "ⵉⵎⴰⵍ",
    "ⴰⵖⵔⵓⵎ",
    "ⵜⵉⵣⵍⵉ",
    "ⴰⵎⵓⵙⵙⵓ",
    "ⵜⴰⵙⴷⴰⵡⵉⵜ",
    "ⴰⵙⵡⵓⵔ",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
];
const EN: &[&str] = &[
    "training",
    "vocational",
    "sewing",
    "hairdressing",
    "cooking",
    "computing",
    "business",
    "cooperative",
    "job",
    "offer",
    "nurse",
    "crafts",
    "weaving",
    "trade",
    "accounting",
    "tourism",
    "hotel",
    "insertion",
    "financing",
    "loan",
    "project",
    "income",
    "women",
    "youth",
    "support",
    "incubation",
    "workshop",
    "centre",
    "listening",
    "guidance",
    "education",
    "children",
    "health",
    "language",
    "english",
    "driving",
    "welding",
    "electricity",
    "plumbing",
    "carpentry",
    "beekeeping",
    "carpets",
    "pastry",
    "bakery",
    "beauty",
];
const TOWNS: [&[&str]; 12] = [
    &[
        "Tanger",
        "Tétouan",
        "Larache",
        "Al Hoceïma",
        "Chefchaouen",
        "Ouezzane",
    ],
    &["Oujda", "Nador", "Berkane", "Taourirt", "Guercif", "Figuig"],
    &["Fès", "Meknès", "Ifrane", "Sefrou", "Taza", "Taounate"],
    &[
        "Rabat",
        "Salé",
        "Kénitra",
        "Témara",
        "Khémisset",
        "Sidi Kacem",
    ],
    &[
        "Béni Mellal",
        "Khénifra",
        "Khouribga",
        "Azilal",
        "Fquih Ben Salah",
    ],
    &[
        "Casablanca",
        "Mohammedia",
        "El Jadida",
        "Settat",
        "Berrechid",
        "Benslimane",
    ],
    &["Marrakech", "Safi", "Essaouira", "Chichaoua", "Youssoufia"],
    &["Errachidia", "Ouarzazate", "Midelt", "Tinghir", "Zagora"],
    &["Agadir", "Inezgane", "Taroudant", "Tiznit", "Tata"],
    &["Guelmim", "Tan-Tan", "Sidi Ifni", "Assa"],
    &["Laâyoune", "Boujdour", "Tarfaya", "Smara"],
    &["Dakhla", "Aousserd"],
];
const CATEGORIES: &[&str] = &[
    "job",
    "training",
    "vocational_training",
    "business_creation",
    "income_generating",
    "financing",
    "listening_center",
    "association",
];

/// The query mix: Arabic, French, prefixes (as she types), two words.
const QUERIES: &[&str] = &[
    "تكوين",
    "التكوين المهني",
    "خياطة",
    "مقاولة",
    "إدماج",
    "تعاونية",
    "حلاقة",
    "تَكْوِين",
    "شغل",
    "المعلوميات",
    "formation",
    "couture",
    "emploi",
    "coopérative",
    "informatique",
    "Fès",
    "entreprise",
    "pâtisserie",
    "comptabilité",
    "Casablanca",
    "for",
    "cou",
    "تكو",
    "مقا",
    "inf",
    "emp",
    "خيا",
    "co",
    "تع",
    "ⵜⴰ",
    "formation couture",
    "تكوين خياطة",
    "emploi Casablanca",
    "مقاولة النساء",
    "formation informatique",
    "aide soignante",
    "تعاونية فلاحية",
    "centre écoute",
    "prêt projet",
    "femmes entreprise",
];

fn words(rng: &mut fastrand::Rng, list: &[&str], n: std::ops::RangeInclusive<usize>) -> String {
    let n = rng.usize(n);
    (0..n)
        .map(|_| list[rng.usize(..list.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn listing(rng: &mut fastrand::Rng, i: usize, generation: u32) -> DirectoryEntry {
    let region = if rng.u8(..20) == 0 {
        None
    } else {
        Some(rng.u8(1..=12))
    };
    let town = region.map(|r| {
        let towns = TOWNS[usize::from(r - 1)];
        towns[rng.usize(..towns.len())].to_owned()
    });
    let category = CATEGORIES[rng.usize(..CATEGORIES.len())];
    let deadline = match rng.u8(..4) {
        0 => None,
        // Some already closed (2025), most open (2026, 2027).
        n => Some(format!(
            "{}-{:02}-{:02}",
            2024 + u32::from(n),
            rng.u8(1..=12),
            rng.u8(1..=28)
        )),
    };
    let title = Localized {
        ar: Some(words(rng, AR, 3..=5)),
        ary: None,
        zgh: Some(words(rng, ZGH, 2..=3)),
        fr: Some(words(rng, FR, 3..=6)),
        en: Some(words(rng, EN, 3..=5)),
    };
    let summary = Localized {
        ar: Some(words(rng, AR, 10..=16)),
        fr: Some(words(rng, FR, 10..=16)),
        ..Localized::default()
    };
    DirectoryEntry {
        id: format!("gen-{i:06}"),
        kind: if category.ends_with("center") || category == "association" {
            EntryKind::Service
        } else {
            EntryKind::Opportunity
        },
        category: category.to_owned(),
        region,
        province: town.clone(),
        town,
        title,
        summary,
        how_to_apply: Localized {
            fr: Some(format!("Version {generation}.")),
            ..Localized::default()
        },
        phone: None,
        sample: true,
        details: EntryDetails {
            deadline,
            women_only: rng.u8(..3) == 0,
            ..EntryDetails::default()
        },
    }
}

fn sign(
    key: &Ed25519KeyPair,
    kind: DirectoryBodyKind,
    version: u64,
    body: String,
) -> SignedDirectory {
    let mut msg = DIRECTORY_SIGNATURE_TAG.to_vec();
    msg.extend_from_slice(body.as_bytes());
    SignedDirectory {
        kind,
        version,
        signature: B64.encode(key.sign(&msg).as_ref()),
        body,
    }
}

fn baseline_text(e: &DirectoryEntry) -> [String; 3] {
    let join = |l: &Localized| l.texts().collect::<Vec<_>>().join(" ");
    [
        join(&e.title),
        join(&e.summary),
        [e.town.clone().unwrap_or_default(), e.category.clone()].join(" "),
    ]
}

/// The plain FTS5 baseline: raw text, `unicode61 remove_diacritics 2`.
fn baseline_db(path: &Path, entries: &[DirectoryEntry]) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE t USING fts5(title, summary, places,
            tokenize = 'unicode61 remove_diacritics 2');",
    )
    .unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut ins = tx
            .prepare("INSERT INTO t (title, summary, places) VALUES (?1, ?2, ?3)")
            .unwrap();
        for e in entries {
            let [a, b, c] = baseline_text(e);
            ins.execute([a, b, c]).unwrap();
        }
    }
    tx.commit().unwrap();
    conn
}

/// The baseline query: each word quoted (prefix for short last words),
/// all required, ranked by bm25.
fn baseline_query(q: &str) -> String {
    let tokens: Vec<&str> = q.split_whitespace().collect();
    tokens
        .iter()
        .map(|t| {
            let t = t.replace('"', "");
            if tokens.len() == 1 && t.chars().count() <= 3 {
                format!("\"{t}\"*")
            } else {
                format!("\"{t}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn baseline_search(conn: &Connection, q: &str) -> Vec<i64> {
    let mut stmt = conn
        .prepare_cached("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY bm25(t) LIMIT 20")
        .unwrap();
    stmt.query_map([baseline_query(q)], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn app_query(i: usize, text: &str) -> DirectoryQuery {
    DirectoryQuery {
        text: text.to_owned(),
        near_region: Some(u8::try_from(i % 12).unwrap() + 1),
        open_only: true,
        ..DirectoryQuery::default()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Segments of the directory index (see `directory::index::segments`).
fn segments(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT count(DISTINCT id >> 37) FROM directory_fts_data
             WHERE id >> 37 BETWEEN 1 AND 65535",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn file_size(path: &Path) -> u64 {
    let wal = path.with_extension("sqlite-wal");
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let t = Instant::now();
    let entries: Vec<DirectoryEntry> = (0..LISTINGS).map(|i| listing(&mut rng, i, 0)).collect();
    let generated = t.elapsed();

    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&ring::rand::SystemRandom::new()).unwrap();
    let key = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
    let public = key.public_key().as_ref().to_vec();
    let app_dir = dir.path().join("app");
    let app = AppData::open(&app_dir).unwrap();
    let snapshot = sign(
        &key,
        DirectoryBodyKind::Snapshot,
        1,
        serde_json::to_string(&DirectorySnapshot {
            version: 1,
            published_at_ms: 1,
            entries: entries.clone(),
        })
        .unwrap(),
    );
    let t = Instant::now();
    assert_eq!(
        app.vault()
            .apply_signed_directory(&public, &snapshot)
            .unwrap(),
        DirectoryUpdate::Applied(1)
    );
    let snapshot_apply = t.elapsed();
    drop(snapshot);

    let base_path = dir.path().join("baseline.sqlite");
    let t = Instant::now();
    let base = baseline_db(&base_path, &entries);
    let baseline_build = t.elapsed();

    // Sanity: both find things.
    let found = app
        .vault()
        .search_directory(&app_query(0, "formation"), 20)
        .unwrap();
    assert_eq!(found.len(), 20);
    assert_eq!(baseline_search(&base, "formation").len(), 20);

    // Interleaved pass for the percentiles.
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let mut per_query = vec![Vec::new(); QUERIES.len()];
    let mut empty = 0usize;
    for _ in 0..ROUNDS {
        for (i, q) in QUERIES.iter().enumerate() {
            let query = app_query(i, q);
            let t = Instant::now();
            let hits = black_box(app.vault().search_directory(&query, 20).unwrap());
            ours.push(t.elapsed());
            per_query[i].push(t.elapsed());
            if hits.is_empty() {
                empty += 1;
            }
            let t = Instant::now();
            black_box(baseline_search(&base, q));
            theirs.push(t.elapsed());
        }
    }
    ours.sort();
    theirs.sort();

    let mut group = c.benchmark_group("directory");
    group.bench_function("search_mix_40_queries/ours", |b| {
        b.iter(|| {
            for (i, q) in QUERIES.iter().enumerate() {
                black_box(app.vault().search_directory(&app_query(i, q), 20).unwrap());
            }
        })
    });
    group.bench_function("search_mix_40_queries/baseline_fts5_bm25", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(baseline_search(&base, q));
            }
        })
    });
    // An experiment knob: FTS5's automerge for the delta runs.
    if let Ok(n) = std::env::var("KULNA_BENCH_AUTOMERGE") {
        let conn = Connection::open(app.vault().path()).unwrap();
        conn.execute(
            "INSERT INTO directory_fts (directory_fts, rank) VALUES ('automerge', ?1)",
            [n.parse::<i64>().unwrap()],
        )
        .unwrap();
        println!("automerge set to {n}");
    }
    let tidy_on = std::env::var("KULNA_BENCH_TIDY").map_or(true, |v| v != "0");
    // Deltas of 1,000 changed listings, each from the version before.
    let version = Cell::new(1u64);
    let generation = Cell::new(1u32);
    let next_delta = || {
        let g = generation.get();
        generation.set(g + 1);
        let mut rng = fastrand::Rng::with_seed(u64::from(g));
        let upserted: Vec<DirectoryEntry> = (0..DELTA)
            .map(|_| {
                let i = rng.usize(..LISTINGS);
                listing(&mut rng, i, g)
            })
            .collect();
        let from = version.get();
        version.set(from + 1);
        let body = serde_json::to_string(&DirectoryDelta {
            from_version: from,
            to_version: from + 1,
            published_at_ms: 2,
            upserted,
            removed: vec![format!("gen-{:06}", rng.usize(..LISTINGS))],
        })
        .unwrap();
        sign(&key, DirectoryBodyKind::Delta, from + 1, body)
    };
    let apply = |signed: SignedDirectory| {
        let t = Instant::now();
        let r = app
            .vault()
            .apply_signed_directory(&public, &signed)
            .unwrap();
        let took = t.elapsed();
        assert!(matches!(r, DirectoryUpdate::Applied(_)));
        took
    };
    let mut delta_times = Vec::new();
    // The previous delta's merge work, as the sync client does it.
    let mut tidy_totals = Vec::new();
    let mut tidy_steps = Vec::new();
    let mut tidy = || {
        if version.get() == 1 {
            return;
        }
        if !tidy_on {
            Connection::open(app.vault().path())
                .and_then(|c| c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())))
                .unwrap();
            return;
        }
        let start = Instant::now();
        loop {
            let t = Instant::now();
            let more = app.vault().tidy_directory_index().unwrap();
            tidy_steps.push(t.elapsed());
            if !more {
                break;
            }
        }
        tidy_totals.push(start.elapsed());
    };
    group.bench_function("apply_delta_1000", |b| {
        b.iter_batched(
            || {
                tidy();
                next_delta()
            },
            |signed| delta_times.push(apply(signed)),
            BatchSize::PerIteration,
        )
    });
    group.finish();
    let min_deltas = std::env::var("KULNA_BENCH_DELTAS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(MIN_DELTAS);
    while delta_times.len() < min_deltas {
        tidy();
        delta_times.push(apply(next_delta()));
    }
    tidy();
    let delta_mean = delta_times.iter().sum::<Duration>() / delta_times.len().max(1) as u32;
    delta_times.sort();
    tidy_totals.sort();
    tidy_steps.sort();
    let index_segments = segments(app.vault().path());

    // The search mix again, after the deltas.
    let deltas_applied = version.get() - 1;
    let mut after = Vec::new();
    for _ in 0..ROUNDS / 2 {
        for (i, q) in QUERIES.iter().enumerate() {
            let query = app_query(i, q);
            let t = Instant::now();
            black_box(app.vault().search_directory(&query, 20).unwrap());
            after.push(t.elapsed());
        }
    }
    after.sort();

    let cache_path = app.vault().path().to_owned();
    drop(app);
    drop(base);
    let cache = file_size(&cache_path);
    let baseline_size = file_size(&base_path);
    let index_size = Connection::open(&cache_path)
        .and_then(|conn| {
            conn.query_row(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'directory_fts%'",
                [],
                |r| r.get::<_, i64>(0),
            )
        })
        .ok();
    // Pages freed by index merges stay in the file and are reused.
    let free_size = Connection::open(&cache_path)
        .and_then(|conn| {
            conn.query_row(
                "SELECT freelist_count * page_size FROM pragma_freelist_count, pragma_page_size",
                [],
                |r| r.get::<_, i64>(0),
            )
        })
        .ok();

    let mut slowest: Vec<(Duration, &str)> = per_query
        .iter_mut()
        .zip(QUERIES)
        .map(|(v, q)| {
            v.sort();
            (percentile(v, 0.5), *q)
        })
        .collect();
    slowest.sort();
    slowest.reverse();
    let p95_ours = percentile(&ours, 0.95);
    let p95_base = percentile(&theirs, 0.95);
    println!();
    println!("== directory: {LISTINGS} listings (ar, fr, zgh, en) ==");
    println!(
        "generated in {:.1} s; snapshot verified and applied (with the index) in {:.1} s; baseline table built in {:.1} s",
        generated.as_secs_f64(),
        snapshot_apply.as_secs_f64(),
        baseline_build.as_secs_f64()
    );
    println!(
        "search top 20, {} queries x {ROUNDS} rounds ({} gave no hit):",
        QUERIES.len(),
        empty
    );
    for (name, v) in [
        ("ours (normalized, staged)", &ours),
        ("baseline FTS5 unicode61 rd2 + bm25", &theirs),
    ] {
        println!(
            "  {name:<38} p50 {:>7.3} ms   p95 {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms",
            ms(percentile(v, 0.5)),
            ms(percentile(v, 0.95)),
            ms(percentile(v, 0.99)),
            ms(percentile(v, 1.0)),
        );
    }
    println!(
        "  p95 ratio baseline/ours: {:.1}x  (target: ours < 5 ms, ratio >= 3x)",
        p95_base.as_secs_f64() / p95_ours.as_secs_f64()
    );
    println!(
        "  slowest queries (ours, median): {}",
        slowest
            .iter()
            .take(6)
            .map(|(d, q)| format!("{q:?} {:.2} ms", ms(*d)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  after {deltas_applied} deltas: ours p50 {:>7.3} ms   p95 {:>7.3} ms   p99 {:>7.3} ms   ({index_segments} index segments)",
        ms(percentile(&after, 0.5)),
        ms(percentile(&after, 0.95)),
        ms(percentile(&after, 0.99)),
    );
    if !delta_times.is_empty() {
        let median = percentile(&delta_times, 0.5);
        println!(
            "apply a signed delta of {DELTA} changed listings: median {:.1} ms, p95 {:.1} ms, max {:.1} ms, mean {:.1} ms over {} deltas (target < 200 ms)",
            ms(median),
            ms(percentile(&delta_times, 0.95)),
            ms(percentile(&delta_times, 1.0)),
            ms(delta_mean),
            delta_times.len()
        );
        if tidy_totals.is_empty() {
            println!("  index not tidied (KULNA_BENCH_TIDY=0)");
        } else {
            println!(
                "  then tidied, each delta's merge work: median {:.1} ms, p95 {:.1} ms, max {:.1} ms in all; {} steps, longest {:.1} ms, p95 {:.1} ms",
                ms(percentile(&tidy_totals, 0.5)),
                ms(percentile(&tidy_totals, 0.95)),
                ms(percentile(&tidy_totals, 1.0)),
                tidy_steps.len(),
                ms(percentile(&tidy_steps, 1.0)),
                ms(percentile(&tidy_steps, 0.95)),
            );
        }
        println!(
            "  vs the full snapshot of {LISTINGS} applied at the start: {:.0}x faster; per listing, {:.3} ms in a delta, {:.3} ms in the snapshot ({:.1}x)",
            snapshot_apply.as_secs_f64() / median.as_secs_f64(),
            ms(median) / DELTA as f64,
            ms(snapshot_apply) / LISTINGS as f64,
            (ms(median) / DELTA as f64) / (ms(snapshot_apply) / LISTINGS as f64),
        );
    }
    println!(
        "cache file for {LISTINGS} listings after the deltas: {:.1} MiB (search index {}, free pages {}); baseline FTS5 file: {:.1} MiB",
        cache as f64 / 1_048_576.0,
        index_size.map_or("n/a".to_owned(), |b| format!("{:.1} MiB", b as f64 / 1_048_576.0)),
        free_size.map_or("n/a".to_owned(), |b| format!("{:.1} MiB", b as f64 / 1_048_576.0)),
        baseline_size as f64 / 1_048_576.0
    );
}
