//! The directory on the device: search that understands how people type,
//! over the cached, signature-verified listings. Public listings need no
//! PIN: everything here works while the vault is locked, and nothing she
//! types is written anywhere (no search history in this public cache).
//!
//! # Search
//!
//! [`Vault::search_directory`] (blocking; call it off the async runtime,
//! e.g. `spawn_blocking`, at each keystroke) normalizes what she typed
//! exactly as the index was normalized ([`normalize`]), takes every word
//! as a prefix (whole words are asked first, see [`MatchQuality`] tiers
//! below; a prefix of more than 3 letters only when whole words found too
//! few), and asks the FTS5 index ([`index`]) in stages, best first, each
//! stage in deadline order and stopping as soon as `limit` hits are found:
//!
//! 1. **relevance**: every word in the title or organisation
//!    ([`MatchQuality::Title`]), then every word anywhere
//!    ([`MatchQuality::Anywhere`]: place names, summaries, category words);
//! 2. **nearness to her region** (`near_region`): her region and national
//!    listings, then neighbouring regions, then the rest;
//! 3. **deadline**: soonest first, no deadline last.
//!
//! Listings whose deadline has passed come after all open ones (in the
//! same order, most recently closed first), or not at all with `open_only`.
//!
//! Relevance is a quality tier, not a bm25 score: a bm25 float differs for
//! almost every listing, so "then nearness, then deadline" would never
//! apply; and computing it for every match is what makes a plain FTS5
//! query slow on common words (see `benches/directory.rs`). Because the
//! index's row order *is* the deadline order, each stage reads only the
//! rows it returns.
//!
//! Filters (kind, categories, region, province, town, women only, open
//! only) are tokens in the index's `tags` column, so they narrow the FTS5
//! query itself. Any input gives results or an empty list, never an error:
//! words are letters and digits only, so FTS5 syntax (`"`, `*`, `NEAR(`,
//! `-`, `:`) typed by her is just separators.
//!
//! # Saved listings
//!
//! What she saves goes in the vault ([`saved`]), not in this cache.
//!
//! # Updates
//!
//! The index changes with `directory_entry`, in the same transaction
//! (`directory_apply_snapshot`, `directory_apply_delta`, through
//! `index::ListingWriter`); replacing or removing a listing does not read
//! the old one, and index changes are written in key order. The index's
//! segments are merged afterwards, not when a delta commits
//! ([`Vault::tidy_directory_index`], see [`index`]).
//! [`Vault::apply_signed_directory`] verifies and applies a signed body
//! without the network (a snapshot bundled with the app, or tests).

pub mod index;
pub mod normalize;
pub mod regions;
pub mod saved;

use crate::error::StoreError;
use crate::vault::Vault;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_model::directory::{
    DirectoryBodyKind, DirectoryDelta, DirectoryEntry, DirectoryHit, DirectoryQuery,
    DirectorySnapshot, DirectoryState, MatchQuality, SignedDirectory, DIRECTORY_SIGNATURE_TAG,
};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// The most hits one search returns.
pub const MAX_LIMIT: usize = 200;
/// The most words of a query used (the rest is ignored).
pub const MAX_QUERY_WORDS: usize = 8;
/// The most bytes of a query read (the rest is ignored).
pub const MAX_QUERY_BYTES: usize = 1024;

/// Why a signed directory body was not applied.
#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    /// The signature does not verify with the pinned key: nothing changed.
    #[error("the directory's signature does not verify; the cached directory is kept")]
    BadSignature,
    /// Signed, but not a snapshot or delta this app can read.
    #[error("the directory body is not readable by this version of the app")]
    Unreadable,
    /// Local storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What [`Vault::apply_signed_directory`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectoryUpdate {
    /// The cache is now at this version.
    Applied(u64),
    /// Nothing to do: an old version, or a delta from another version (a
    /// replay, or a delta that arrived twice).
    Ignored,
}

/// One stage of a search: an FTS5 expression and a row id range.
struct Stage {
    expr: String,
    /// The same without the region clause: asked once (`LIMIT 1`) before
    /// the region stages, which are skipped when it finds nothing.
    probe: Option<String>,
    quality: MatchQuality,
    /// Open listings (ascending keys from today) or closed ones (descending).
    open: bool,
}

fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The query's words, normalized, without duplicates, at most
/// [`MAX_QUERY_WORDS`]. A Darija word written in Latin letters ("khdma",
/// "takwin") is asked as the Arabic word it stands for
/// ([`regions::latin_darija`]).
fn query_words(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    normalize::words(truncate(text, MAX_QUERY_BYTES))
        .into_iter()
        .map(|w| match regions::latin_darija(&w) {
            // Normalized like the index (the table is written by hand).
            Some(arabic) => normalize::words(arabic).into_iter().next().unwrap_or(w),
            None => w,
        })
        .filter(|w| seen.insert(w.clone()))
        .take(MAX_QUERY_WORDS)
        .collect()
}

fn one_of(tags: &[String]) -> String {
    format!("{{tags}} : ({})", tags.join(" OR "))
}

/// The region groups to ask, nearest first; `None`: no region clause.
fn rings(q: &DirectoryQuery) -> Vec<Option<Vec<String>>> {
    if let Some(r) = q.region {
        // A region that does not exist has no listings; national ones stay.
        let own = if regions::region(r).is_some() {
            vec![index::region_tag(Some(r)), index::region_tag(None)]
        } else {
            vec![index::region_tag(None)]
        };
        return vec![Some(own)];
    }
    let Some(near) = q.near_region.and_then(regions::region) else {
        return vec![None];
    };
    let own = vec![index::region_tag(Some(near.code)), index::region_tag(None)];
    let borders: Vec<String> = near
        .borders
        .iter()
        .map(|b| index::region_tag(Some(*b)))
        .collect();
    let rest: Vec<String> = regions::REGIONS
        .iter()
        .filter(|r| r.code != near.code && !near.borders.contains(&r.code))
        .map(|r| index::region_tag(Some(r.code)))
        .collect();
    vec![Some(own), Some(borders), Some(rest)]
}

fn stages(q: &DirectoryQuery) -> Vec<Stage> {
    let words = query_words(&q.text);
    let mut filters = Vec::new();
    if let Some(kind) = q.kind {
        filters.push(format!("{{tags}} : {}", index::kind_tag(kind)));
    }
    let cats: Vec<String> = q
        .categories
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| index::value_tag("xc", c))
        .collect();
    if !cats.is_empty() {
        filters.push(one_of(&cats));
    }
    if let Some(p) = q.province.as_deref().filter(|p| !p.trim().is_empty()) {
        filters.push(format!("{{tags}} : {}", index::value_tag("xp", p)));
    }
    if let Some(t) = q.town.as_deref().filter(|t| !t.trim().is_empty()) {
        filters.push(format!("{{tags}} : {}", index::value_tag("xt", t)));
    }
    if q.women_only {
        filters.push(format!("{{tags}} : {}", index::TAG_WOMEN));
    }
    let tiers: Vec<(MatchQuality, String)> = if words.is_empty() {
        vec![(
            MatchQuality::Listed,
            format!("{{tags}} : {}", index::TAG_ALL),
        )]
    } else {
        // Words of up to 3 letters are prefixes (FTS5 keeps prefix indexes
        // for 2 and 3). Longer ones are asked as whole words first, then as
        // prefixes only if that found too few: a prefix longer than the
        // prefix indexes makes FTS5 merge the lists of every word it
        // begins, which is the slow part of a plain FTS5 search.
        let terms = |prefix: bool| {
            words
                .iter()
                .map(|w| {
                    if prefix || w.chars().count() <= 3 {
                        format!("\"{w}\"*")
                    } else {
                        format!("\"{w}\"")
                    }
                })
                .collect::<Vec<_>>()
                .join(" AND ")
        };
        let any_long = words.iter().any(|w| w.chars().count() > 3);
        let mut tiers = Vec::new();
        for (quality, cols) in [
            (MatchQuality::Title, "title"),
            (MatchQuality::Anywhere, "title places body"),
        ] {
            tiers.push((quality, format!("{{{cols}}} : ({})", terms(false))));
            if any_long {
                tiers.push((quality, format!("{{{cols}}} : ({})", terms(true))));
            }
        }
        tiers
    };
    let parts: &[bool] = if q.open_only { &[true] } else { &[true, false] };
    let mut out = Vec::new();
    for open in parts {
        for (quality, tier) in &tiers {
            let mut base = vec![tier.clone()];
            base.extend(filters.iter().cloned());
            let probe = base.join(" AND ");
            let rings = rings(q);
            let several = rings.len() > 1;
            for ring in rings {
                let mut clauses = base.clone();
                let has_ring = match &ring {
                    Some(tags) if tags.is_empty() => continue,
                    Some(tags) => {
                        clauses.insert(1, one_of(tags));
                        several
                    }
                    None => false,
                };
                out.push(Stage {
                    expr: clauses.join(" AND "),
                    probe: has_ring.then(|| probe.clone()),
                    quality: *quality,
                    open: *open,
                });
            }
        }
    }
    out
}

/// Runs one stage; an FTS5 error (input the tokenizer splits in an
/// unexpected way) is logged and gives no rows, never a failed search.
fn run_stage(
    conn: &Connection,
    stage: &Stage,
    today: i64,
    want: usize,
) -> Result<Vec<i64>, StoreError> {
    let sql = if stage.open {
        "SELECT rowid FROM directory_fts WHERE directory_fts MATCH ?1 AND rowid >= ?2
         ORDER BY rowid ASC LIMIT ?3"
    } else {
        "SELECT rowid FROM directory_fts WHERE directory_fts MATCH ?1 AND rowid < ?2
         ORDER BY rowid DESC LIMIT ?3"
    };
    let limit = i64::try_from(want).unwrap_or(i64::MAX);
    let run = || -> rusqlite::Result<Vec<i64>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![stage.expr, index::day_start(today), limit], |r| {
            r.get(0)
        })?;
        rows.collect()
    };
    match run() {
        Ok(keys) => Ok(keys),
        Err(rusqlite::Error::SqliteFailure(e, msg)) if e.code == rusqlite::ErrorCode::Unknown => {
            tracing::warn!(error = ?msg, "a directory search stage failed; skipped");
            Ok(Vec::new())
        }
        Err(e) => Err(e.into()),
    }
}

fn load_entry(conn: &Connection, key: i64) -> Result<Option<DirectoryEntry>, StoreError> {
    // The day must match too: an index row is never shown for a listing
    // it does not describe.
    let json: Option<String> = conn
        .prepare_cached("SELECT entry FROM directory_entry WHERE rowid = ?1 AND search_day = ?2")?
        .query_row([index::row_of(key), index::day_of(key)], |r| r.get(0))
        .optional()?;
    Ok(json.and_then(|json| serde_json::from_str::<DirectoryEntry>(&json).ok()))
}

impl Vault {
    /// Searches the cached directory: at most `limit` (capped at
    /// [`MAX_LIMIT`]) listings, best first (see the [module docs](self)).
    /// Needs no PIN; writes nothing. Blocking (SQLite): run it off the
    /// async runtime. Any text gives hits or an empty list; only a storage
    /// failure is an error.
    pub fn search_directory(
        &self,
        query: &DirectoryQuery,
        limit: usize,
    ) -> Result<Vec<DirectoryHit>, StoreError> {
        let limit = limit.min(MAX_LIMIT);
        if limit == 0 {
            return Ok(Vec::new());
        }
        // Morocco is UTC+1: a deadline day lasts until its midnight there.
        let today = (self.now_ms() + 3_600_000).div_euclid(86_400_000);
        let inner = self.inner();
        let conn = &inner.conn;
        let mut seen = HashSet::new();
        let mut hits = Vec::new();
        let mut probed: HashMap<(String, bool), bool> = HashMap::new();
        for stage in stages(query) {
            if let Some(probe) = &stage.probe {
                let key = (probe.clone(), stage.open);
                let any = match probed.get(&key) {
                    Some(any) => *any,
                    None => {
                        let probe_stage = Stage {
                            expr: probe.clone(),
                            probe: None,
                            quality: stage.quality,
                            open: stage.open,
                        };
                        let any = !run_stage(conn, &probe_stage, today, 1)?.is_empty();
                        probed.insert(key, any);
                        any
                    }
                };
                if !any {
                    continue;
                }
            }
            let want = limit - hits.len() + seen.len();
            for key in run_stage(conn, &stage, today, want)? {
                if hits.len() >= limit {
                    break;
                }
                if !seen.insert(key) {
                    continue;
                }
                let Some(entry) = load_entry(conn, key)? else {
                    continue;
                };
                let distance = query
                    .near_region
                    .filter(|n| regions::region(*n).is_some())
                    .map(|n| entry.region.map_or(0, |r| regions::distance(n, r)));
                hits.push(DirectoryHit {
                    closed: index::deadline_day(&entry) < today,
                    entry,
                    quality: stage.quality,
                    distance,
                });
            }
            if hits.len() >= limit {
                break;
            }
        }
        Ok(hits)
    }

    /// One listing of the cached directory by its id; `None` when the
    /// cache has none (removed, or never downloaded). Needs no PIN.
    pub fn directory_listing(&self, id: &str) -> Result<Option<DirectoryEntry>, StoreError> {
        let json: Option<String> = self
            .inner()
            .conn
            .prepare_cached("SELECT entry FROM directory_entry WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        json.map(|j| {
            serde_json::from_str(&j).map_err(|_| StoreError::BadSetting("directory_entry"))
        })
        .transpose()
    }

    /// What the device holds of the directory: version (0: never
    /// downloaded), when it was published, how many listings. Needs no PIN.
    pub fn directory_state(&self) -> Result<DirectoryState, StoreError> {
        let listings: i64 =
            self.inner()
                .conn
                .query_row("SELECT count(*) FROM directory_entry", [], |r| r.get(0))?;
        Ok(DirectoryState {
            version: self.directory_version()?,
            published_at_ms: self.directory_published_at_ms()?,
            listings: u32::try_from(listings).unwrap_or(u32::MAX),
        })
    }

    /// When the cached directory version was published (the service's
    /// clock, ms since the epoch), for "updated 3 days ago"; `None` before
    /// the first directory. Needs no PIN.
    pub fn directory_published_at_ms(&self) -> Result<Option<i64>, StoreError> {
        Ok(crate::sync::local::get_setting(
            &self.inner().conn,
            crate::sync::local::SETTING_DIRECTORY_PUBLISHED,
        )?
        .and_then(|v| v.parse().ok()))
    }

    /// Does one small step of the search index's merge work, in a
    /// transaction of its own, and tells whether there may be more:
    /// call it again (each call a separate one, so an alert waiting for
    /// the database waits for one step at most) until it returns `false`.
    /// After a delta, so searches stay fast as deltas pile up; skipping it
    /// never changes what a search finds. Each step first checkpoints the
    /// WAL on a connection of its own, without the lock (a delta's commit
    /// leaves that to it). Needs no PIN. Blocking.
    pub fn tidy_directory_index(&self) -> Result<bool, StoreError> {
        self.checkpoint();
        let mut inner = self.inner();
        let tx = inner.conn.transaction()?;
        let more = index::merge_step(&tx)?;
        tx.commit()?;
        Ok(more)
    }

    /// Verifies a signed directory body with the pinned directory key (raw
    /// Ed25519 public key bytes) and applies it in one transaction (the
    /// search index with it). A bad signature or an unreadable body changes
    /// nothing. A snapshot older than or equal to the cached version, or a
    /// delta not from the cached version, is ignored. Blocking.
    pub fn apply_signed_directory(
        &self,
        pinned_key: &[u8],
        signed: &SignedDirectory,
    ) -> Result<DirectoryUpdate, DirectoryError> {
        let signature = B64
            .decode(signed.signature.trim())
            .map_err(|_| DirectoryError::BadSignature)?;
        let mut message = DIRECTORY_SIGNATURE_TAG.to_vec();
        message.extend_from_slice(signed.body.as_bytes());
        ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, pinned_key)
            .verify(&message, &signature)
            .map_err(|_| DirectoryError::BadSignature)?;
        let current = self.directory_version()?;
        match signed.kind {
            DirectoryBodyKind::Snapshot => {
                let s: DirectorySnapshot =
                    serde_json::from_str(&signed.body).map_err(|_| DirectoryError::Unreadable)?;
                if s.version <= current {
                    return Ok(DirectoryUpdate::Ignored);
                }
                self.directory_apply_snapshot(&s)?;
                Ok(DirectoryUpdate::Applied(s.version))
            }
            DirectoryBodyKind::Delta => {
                let d: DirectoryDelta =
                    serde_json::from_str(&signed.body).map_err(|_| DirectoryError::Unreadable)?;
                if d.from_version != current || d.to_version <= current {
                    return Ok(DirectoryUpdate::Ignored);
                }
                self.directory_apply_delta(&d)?;
                Ok(DirectoryUpdate::Applied(d.to_version))
            }
        }
    }
}
