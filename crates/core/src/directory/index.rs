//! The search index over the cached directory.
//!
//! `directory_fts` is a contentless FTS5 table (`detail=column`, prefix
//! indexes for 2 and 3 characters, `contentless_delete=1`). Its four
//! columns are a listing's normalized text ([`columns`]): 0 `title` (titles
//! and organisation in every language), 1 `places` (town, province, their
//! names in each language, the region's Arabic and French names), 2 `body`
//! (summaries, category words), 3 `tags` (filter tokens, see [`tags`]).
//!
//! Its row id is the listing's **key**, `deadline_day << 32 | rowid`, so the
//! index's own row order is the deadline order (no deadline sorts last),
//! and "deadline not passed" is a row id range. The listing's row is
//! `key & 0xFFFF_FFFF`.
//!
//! # Keeping it in step (schema 7)
//!
//! Every write of a listing goes through a [`ListingWriter`] (or [`clear`]),
//! which changes `directory_entry` and the index **in the same
//! transaction** (the caller's). `directory_entry` keeps each listing's
//! deadline day (`search_day`) beside its JSON, so a listing leaves the
//! index by its key alone: an update or a removal never reads, parses or
//! normalizes the old listing. The new listing is normalized once, from the
//! parsed value, never from its JSON, and index changes are written in key
//! order (see [`ListingWriter`]).
//!
//! # Merging (schema 9)
//!
//! FTS5 keeps the index as segments, and by default merges some of them
//! (`automerge`) whenever a transaction that wrote to it commits, paying
//! for each row deleted as for a page written: a delta of 1,000 changed
//! listings spent most of its time there, and now and then, once a tenth
//! of the big segment a snapshot leaves was deleted rows, merged that whole
//! segment (over a second, holding the database while an alert waited).
//! Since schema 9 `automerge` is 0: a delta writes one small segment and
//! its deletions and commits, nothing more, and what it leaves is merged by
//! `merge_step` ([`Vault::tidy_directory_index`]) afterwards, in
//! transactions of their own of at most `MERGE_PAGES` pages each. FTS5
//! still merges at commit if 16 segments pile up on its lowest level
//! (`crisismerge`), should the merging never run. Merging changes only how
//! the index is laid out, never what a search finds: a delta is searchable
//! as soon as it commits.
//!
//! [`Vault::tidy_directory_index`]: crate::Vault::tidy_directory_index
//!
//! # Before schema 7
//!
//! Schemas 4 to 6 did this with triggers calling two SQL functions,
//! `kulna_dir_col(entry, n)` and `kulna_dir_key(entry, rowid)`, which parsed
//! the listing's JSON at every call (on an update, the old listing's and
//! the new one's in turn, so a one-entry parse cache thrashed). Schema 7
//! drops the triggers and fills `search_day` with `kulna_dir_key`, so both
//! functions stay registered on every connection ([`register`]) and must
//! keep computing what they did.

use super::normalize::{normalize, words};
use super::regions::{category_words, region};
use kulna_model::directory::{DirectoryEntry, EntryKind, Localized};
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::{params, Connection, OptionalExtension};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Deadline day used for listings without a deadline: after every date.
pub(crate) const NO_DEADLINE: i64 = (1 << 20) - 1;
const ROW_MASK: i64 = 0xFFFF_FFFF;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub(crate) fn parse_day(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1970..=4000).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (H. Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The deadline day of a listing ([`NO_DEADLINE`] when none or unreadable).
pub(crate) fn deadline_day(e: &DirectoryEntry) -> i64 {
    e.details
        .deadline
        .as_deref()
        .and_then(parse_day)
        .map_or(NO_DEADLINE, |d| d.clamp(0, NO_DEADLINE - 1))
}

/// The index row id of a listing stored at `rowid`.
pub(crate) fn key(day: i64, rowid: i64) -> i64 {
    (day << 32) | (rowid & ROW_MASK)
}

/// The `directory_entry` row id of an index row id.
pub(crate) fn row_of(key: i64) -> i64 {
    key & ROW_MASK
}

/// The deadline day of an index row id.
pub(crate) fn day_of(key: i64) -> i64 {
    key >> 32
}

/// The first index row id of a day.
pub(crate) fn day_start(day: i64) -> i64 {
    day.clamp(0, NO_DEADLINE) << 32
}

/// A short token standing for a free-text filter value (province, town,
/// category): `prefix` and 12 hex digits of the FNV-1a hash of its
/// normalized form.
pub(crate) fn value_tag(prefix: &str, value: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalize(value).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{prefix}{:012x}", h >> 16)
}

/// The tag of a region (`xr00` for national listings).
pub(crate) fn region_tag(code: Option<u8>) -> String {
    format!("xr{:02}", code.unwrap_or(0))
}

/// The tag of a kind.
pub(crate) fn kind_tag(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Opportunity => "xko",
        EntryKind::Service => "xks",
    }
}

/// Every listing has this tag (listing with no words typed).
pub(crate) const TAG_ALL: &str = "xa";
/// Listings for women only.
pub(crate) const TAG_WOMEN: &str = "xw";

/// The filter tokens of a listing.
pub(crate) fn tags(e: &DirectoryEntry) -> String {
    let mut t = vec![
        TAG_ALL.to_owned(),
        kind_tag(e.kind).to_owned(),
        region_tag(e.region),
        value_tag("xc", &e.category),
    ];
    if let Some(p) = &e.province {
        t.push(value_tag("xp", p));
    }
    if let Some(town) = &e.town {
        t.push(value_tag("xt", town));
    }
    if e.details.women_only {
        t.push(TAG_WOMEN.to_owned());
    }
    t.join(" ")
}

fn push_all(out: &mut Vec<String>, l: &Localized) {
    for t in l.texts() {
        out.extend(words(t));
    }
}

/// The four indexed columns of a listing, normalized.
#[derive(Debug, Default)]
struct Columns {
    cols: [String; 4],
    day: i64,
}

/// The normalized index columns of a listing and its deadline day.
fn columns(e: &DirectoryEntry) -> Columns {
    let mut title = Vec::new();
    push_all(&mut title, &e.title);
    push_all(&mut title, &e.details.organisation);
    let mut places = Vec::new();
    for t in [&e.town, &e.province].into_iter().flatten() {
        places.extend(words(t));
    }
    push_all(&mut places, &e.details.place);
    if let Some(r) = e.region.and_then(region) {
        places.extend(words(r.ar));
        places.extend(words(r.fr));
    }
    let mut body = Vec::new();
    push_all(&mut body, &e.summary);
    body.extend(words(category_words(&e.category)));
    Columns {
        cols: [title.join(" "), places.join(" "), body.join(" "), tags(e)],
        day: deadline_day(e),
    }
}

thread_local! {
    // The triggers call the functions five times per listing: parse once.
    static LAST: RefCell<Option<(String, Rc<Columns>)>> = const { RefCell::new(None) };
}

fn columns_of(json: &str) -> Rc<Columns> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((text, cols)) = last.as_ref() {
            if text == json {
                return Rc::clone(cols);
            }
        }
        let cols = Rc::new(
            serde_json::from_str::<DirectoryEntry>(json)
                .map(|e| columns(&e))
                .unwrap_or_default(),
        );
        *last = Some((json.to_owned(), Rc::clone(&cols)));
        cols
    })
}

fn text_arg(ctx: &Context<'_>, i: usize) -> rusqlite::Result<String> {
    Ok(ctx.get::<Option<String>>(i)?.unwrap_or_default())
}

/// Registers `kulna_dir_col` and `kulna_dir_key` on a connection. Called
/// on every connection before migrations (the triggers of schemas 4 to 6
/// and the migration to schema 7 use them).
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("kulna_dir_col", 2, flags, |ctx| {
        let json = text_arg(ctx, 0)?;
        let n: i64 = ctx.get(1)?;
        let cols = columns_of(&json);
        Ok(usize::try_from(n)
            .ok()
            .and_then(|n| cols.cols.get(n).cloned())
            .unwrap_or_default())
    })?;
    conn.create_scalar_function("kulna_dir_key", 2, flags, |ctx| {
        let json = text_arg(ctx, 0)?;
        let rowid: i64 = ctx.get(1)?;
        Ok(key(columns_of(&json).day, rowid))
    })?;
    Ok(())
}

/// Index changes buffered before they are written, at most.
const PENDING_MAX: usize = 4096;

/// A listing's index row waiting to be written.
struct Pending {
    key: i64,
    cols: [String; 4],
}

/// Writes listings into `directory_entry` and the index, in the caller's
/// transaction; [`ListingWriter::finish`] must be called before it commits.
///
/// FTS5 flushes what it holds in memory (writing a new segment, and doing
/// merge work) whenever a row id, inserted or deleted, is not greater than
/// the one before. Index keys follow deadlines, not the order listings
/// arrive in, so changed one by one nearly every listing would cost a
/// flush. Index changes are therefore buffered and written in key order,
/// deletions before insertions of the same key. A listing replaced or
/// removed leaves the index by its key (table row and stored day), never
/// by its old text.
pub(crate) struct ListingWriter<'c> {
    conn: &'c Connection,
    /// Keys to delete from the index.
    deletes: Vec<i64>,
    /// By `directory_entry` row: rows to insert (not in the index yet).
    inserts: HashMap<i64, Pending>,
}

impl<'c> ListingWriter<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Self {
        Self {
            conn,
            deletes: Vec::new(),
            inserts: HashMap::new(),
        }
    }

    /// Writes one listing (`json`: `e` serialized), replacing the listing
    /// with the same id.
    pub(crate) fn put(&mut self, e: &DirectoryEntry, json: &str) -> rusqlite::Result<()> {
        let Columns { cols, day } = columns(e);
        let old: Option<(i64, i64)> = self
            .conn
            .prepare_cached("SELECT rowid, search_day FROM directory_entry WHERE id = ?1")?
            .query_row([&e.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let rowid = match old {
            Some((rowid, old_day)) => {
                self.unindex(rowid, old_day);
                self.conn
                    .prepare_cached(
                        "UPDATE directory_entry SET entry = ?2, search_day = ?3 WHERE rowid = ?1",
                    )?
                    .execute(params![rowid, json, day])?;
                rowid
            }
            None => self
                .conn
                .prepare_cached(
                    "INSERT INTO directory_entry (id, entry, search_day) VALUES (?1, ?2, ?3)",
                )?
                .insert(params![e.id, json, day])?,
        };
        let key = key(day, rowid);
        self.inserts.insert(rowid, Pending { key, cols });
        self.flush_if_full()
    }

    /// Removes the listing with this id, if cached.
    pub(crate) fn remove(&mut self, id: &str) -> rusqlite::Result<()> {
        let gone: Option<(i64, i64)> = self
            .conn
            .prepare_cached(
                "DELETE FROM directory_entry WHERE id = ?1 RETURNING rowid, search_day",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((rowid, day)) = gone {
            self.unindex(rowid, day);
        }
        self.flush_if_full()
    }

    /// Writes the buffered index changes. Until then the index lacks them.
    pub(crate) fn finish(mut self) -> rusqlite::Result<()> {
        self.flush()
    }

    /// Takes the listing at `rowid` (its deadline day `day`) out of the
    /// index, or out of the buffer if it is not written yet.
    fn unindex(&mut self, rowid: i64, day: i64) {
        if self.inserts.remove(&rowid).is_none() {
            self.deletes.push(key(day, rowid));
        }
    }

    fn flush_if_full(&mut self) -> rusqlite::Result<()> {
        if self.inserts.len() + self.deletes.len() >= PENDING_MAX {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> rusqlite::Result<()> {
        let mut deletes = std::mem::take(&mut self.deletes);
        deletes.sort_unstable();
        let mut inserts: Vec<Pending> = self.inserts.drain().map(|(_, p)| p).collect();
        inserts.sort_unstable_by_key(|p| p.key);
        let mut delete = self
            .conn
            .prepare_cached("DELETE FROM directory_fts WHERE rowid = ?1")?;
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO directory_fts (rowid, title, places, body, tags)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut deletes = deletes.into_iter().peekable();
        for Pending { key, cols } in inserts {
            while let Some(old) = deletes.next_if(|old| *old <= key) {
                delete.execute([old])?;
            }
            let [title, places, body, tags] = cols;
            insert.execute(params![key, title, places, body, tags])?;
        }
        for old in deletes {
            delete.execute([old])?;
        }
        Ok(())
    }
}

/// Merges the whole index into one segment, dropping what deleted rows
/// left behind. After a snapshot: its rows were written as many segments,
/// which every search would read and which the next deltas would otherwise
/// pay to merge. Part of the caller's transaction.
pub(crate) fn optimize(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO directory_fts (directory_fts) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}

/// Index pages one [`merge_step`] writes at most: a few tens of
/// milliseconds of work.
pub(crate) const MERGE_PAGES: i64 = 200;

/// Does at most [`MERGE_PAGES`] pages of the index's pending merge work
/// (segments piled up by deltas, segments with many deleted rows) and
/// tells whether it did any: `false` when nothing was left to merge. Part
/// of the caller's transaction, which should hold nothing else.
pub(crate) fn merge_step(conn: &Connection) -> rusqlite::Result<bool> {
    let before = conn.total_changes();
    conn.execute(
        "INSERT INTO directory_fts (directory_fts, rank) VALUES ('merge', ?1)",
        [MERGE_PAGES],
    )?;
    // The command itself is one change; merging writes more (FTS5's
    // documented test for "nothing left to merge").
    Ok(conn.total_changes() - before >= 2)
}

/// Removes every listing and empties the index. Part of the caller's
/// transaction.
pub(crate) fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM directory_entry;
         INSERT INTO directory_fts (directory_fts) VALUES ('delete-all');",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_keys() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2026-11-28"), Some(20_785));
        assert_eq!(parse_day("2026-13-01"), None);
        assert_eq!(parse_day("soon"), None);
        assert_eq!(parse_day(""), None);
        let k = key(20_785, 7);
        assert_eq!(row_of(k), 7);
        assert_eq!(day_of(k), 20_785);
        assert!(k >= day_start(20_785) && k < day_start(20_786));
        assert!(key(NO_DEADLINE, 1) > key(20_785, 99));
        assert_eq!(value_tag("xt", "Fès"), value_tag("xt", "FES"));
        assert_eq!(value_tag("xt", "Fès").len(), 14);
    }

    fn listing(id: &str, title: &str, deadline: Option<&str>) -> DirectoryEntry {
        DirectoryEntry {
            id: id.to_owned(),
            kind: EntryKind::Opportunity,
            category: "training".to_owned(),
            region: Some(6),
            province: None,
            town: Some("Casablanca".to_owned()),
            title: Localized {
                fr: Some(title.to_owned()),
                ..Localized::default()
            },
            summary: Localized::default(),
            how_to_apply: Localized::default(),
            phone: None,
            sample: true,
            details: kulna_model::directory::EntryDetails {
                deadline: deadline.map(str::to_owned),
                ..Default::default()
            },
        }
    }

    fn keys_matching(conn: &Connection, expr: &str) -> Vec<i64> {
        let mut stmt = conn
            .prepare("SELECT rowid FROM directory_fts WHERE directory_fts MATCH ?1 ORDER BY rowid")
            .unwrap();
        stmt.query_map([expr], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn stored_keys(conn: &Connection) -> Vec<i64> {
        let mut stmt = conn
            .prepare("SELECT search_day << 32 | rowid FROM directory_entry ORDER BY 1")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// A cache indexed by the triggers of schema 6 keeps its listings and
    /// index rows through schema 7, and a listing then replaced or removed
    /// leaves no index row behind.
    #[test]
    fn a_schema_6_index_is_kept_and_then_updated_in_step() {
        let mut conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        crate::schema::migrations()
            .to_version(&mut conn, 6)
            .unwrap();
        let a = listing("a", "Formation couture", Some("2026-11-28"));
        let b = listing("b", "Formation cuisine", None);
        for e in [&a, &b] {
            conn.execute(
                "INSERT INTO directory_entry (id, entry) VALUES (?1, ?2)",
                params![e.id, serde_json::to_string(e).unwrap()],
            )
            .unwrap();
        }
        let indexed = keys_matching(&conn, "formation");
        assert_eq!(indexed.len(), 2);
        crate::schema::migrations().to_latest(&mut conn).unwrap();

        // The stored days give exactly the keys the triggers indexed.
        assert_eq!(stored_keys(&conn), indexed);
        assert_eq!(day_of(indexed[0]), 20_785);
        assert_eq!(day_of(indexed[1]), NO_DEADLINE);

        // Replaced (new title, new deadline) and removed, without triggers.
        let a2 = listing("a", "Atelier broderie", Some("2026-01-05"));
        let mut w = ListingWriter::new(&conn);
        w.put(&a2, &serde_json::to_string(&a2).unwrap()).unwrap();
        w.remove("b").unwrap();
        w.remove("nothing-here").unwrap();
        w.finish().unwrap();
        assert!(keys_matching(&conn, "{title} : formation").is_empty());
        assert!(keys_matching(&conn, "couture OR cuisine").is_empty());
        let keys = keys_matching(&conn, "broderie");
        assert_eq!(keys, stored_keys(&conn));
        assert_eq!(keys.len(), 1);
        assert_eq!(day_of(keys[0]), parse_day("2026-01-05").unwrap());
        assert_eq!(keys_matching(&conn, TAG_ALL), keys);

        // A new listing, then everything cleared.
        let mut w = ListingWriter::new(&conn);
        w.put(&b, &serde_json::to_string(&b).unwrap()).unwrap();
        w.finish().unwrap();
        assert_eq!(keys_matching(&conn, TAG_ALL), stored_keys(&conn));
        assert_eq!(keys_matching(&conn, TAG_ALL).len(), 2);
        clear(&conn).unwrap();
        assert!(keys_matching(&conn, TAG_ALL).is_empty());
        assert!(stored_keys(&conn).is_empty());
    }

    /// How many segments the index is made of (each search reads every
    /// one). A `directory_fts_data` row id holds its segment's id in bits
    /// 37 and up; ids from 2^16 are tombstone pages, 0 the structure.
    fn segments(conn: &Connection) -> rusqlite::Result<i64> {
        conn.query_row(
            "SELECT count(DISTINCT id >> 37) FROM directory_fts_data
             WHERE id >> 37 BETWEEN 1 AND 65535",
            [],
            |r| r.get(0),
        )
    }

    fn automerge(conn: &Connection) -> Option<i64> {
        conn.query_row(
            "SELECT v FROM directory_fts_config WHERE k = 'automerge'",
            [],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
    }

    /// A cache indexed at schema 8 keeps its index rows through schema 9,
    /// which stops FTS5 merging at commit: a write then adds a segment,
    /// and `merge_step` merges until it says nothing is left.
    #[test]
    fn schema_9_leaves_merging_to_merge_step() {
        let mut conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        crate::schema::migrations()
            .to_version(&mut conn, 8)
            .unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        let mut w = ListingWriter::new(&tx);
        for i in 0..50 {
            let e = listing(&format!("l{i}"), &format!("premier{i}"), None);
            w.put(&e, &serde_json::to_string(&e).unwrap()).unwrap();
        }
        w.finish().unwrap();
        tx.commit().unwrap();
        let indexed = keys_matching(&conn, TAG_ALL);
        assert_eq!(indexed.len(), 50);
        assert_eq!(automerge(&conn), None, "FTS5's default (4)");

        crate::schema::migrations().to_latest(&mut conn).unwrap();
        assert_eq!(automerge(&conn), Some(0));
        assert_eq!(keys_matching(&conn, TAG_ALL), indexed);
        assert_eq!(stored_keys(&conn), indexed);

        let start = segments(&conn).unwrap();
        for round in 0..6 {
            let tx = conn.unchecked_transaction().unwrap();
            let mut w = ListingWriter::new(&tx);
            for i in 0..10 {
                let e = listing(&format!("l{i}"), &format!("round{round}"), None);
                w.put(&e, &serde_json::to_string(&e).unwrap()).unwrap();
            }
            w.finish().unwrap();
            tx.commit().unwrap();
            assert_eq!(segments(&conn).unwrap(), start + round + 1);
        }
        assert_eq!(keys_matching(&conn, "{title} : round5").len(), 10);
        let mut steps = 0;
        while merge_step(&conn).unwrap() {
            steps += 1;
            assert!(steps < 100);
        }
        assert!(steps > 0);
        assert!(segments(&conn).unwrap() < start + 6);
        assert!(!merge_step(&conn).unwrap(), "nothing left");
        assert_eq!(keys_matching(&conn, TAG_ALL), stored_keys(&conn));
        assert!(keys_matching(&conn, "{title} : round4").is_empty());
        assert_eq!(keys_matching(&conn, "{title} : round5").len(), 10);
    }

    /// Listings changed in any order, twice in one batch, added then
    /// removed in one batch, across more than one flush: the index holds
    /// exactly one row per cached listing, under its current key, and
    /// FTS5 finds it consistent.
    #[test]
    fn a_writer_keeps_one_index_row_per_listing_whatever_the_order() {
        let mut conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        crate::schema::migrations().to_latest(&mut conn).unwrap();
        let day = |i: usize| Some(format!("2026-{:02}-{:02}", 12 - i % 12, 1 + i % 28));
        let n = PENDING_MAX + 100;
        let mut w = ListingWriter::new(&conn);
        for i in (0..n).rev() {
            let e = listing(&format!("l{i}"), &format!("premier{i}"), day(i).as_deref());
            w.put(&e, &serde_json::to_string(&e).unwrap()).unwrap();
        }
        w.finish().unwrap();
        assert_eq!(keys_matching(&conn, TAG_ALL), stored_keys(&conn));

        let mut w = ListingWriter::new(&conn);
        for i in 0..n {
            let e = listing(
                &format!("l{i}"),
                &format!("second{i}"),
                day(i + 5).as_deref(),
            );
            w.put(&e, &serde_json::to_string(&e).unwrap()).unwrap();
            if i % 3 == 0 {
                // Changed again before the batch is written.
                let e = listing(
                    &format!("l{i}"),
                    &format!("third{i}"),
                    day(i + 7).as_deref(),
                );
                w.put(&e, &serde_json::to_string(&e).unwrap()).unwrap();
            }
            if i % 10 == 0 {
                w.remove(&format!("l{i}")).unwrap();
            }
        }
        let added = listing("new", "nouveau", None);
        w.put(&added, &serde_json::to_string(&added).unwrap())
            .unwrap();
        w.remove("new").unwrap();
        w.finish().unwrap();

        let keys = stored_keys(&conn);
        assert_eq!(keys.len(), n - n.div_ceil(10));
        assert_eq!(keys_matching(&conn, TAG_ALL), keys);
        assert!(keys_matching(&conn, "{title} : premier*").is_empty());
        assert!(keys_matching(&conn, "{title} : nouveau").is_empty());
        assert_eq!(keys_matching(&conn, "{title} : third3").len(), 1);
        assert!(keys_matching(&conn, "{title} : second3").is_empty());
        assert_eq!(keys_matching(&conn, "{title} : second7").len(), 1);
        assert!(keys_matching(&conn, "{title} : second10").is_empty());
        conn.execute(
            "INSERT INTO directory_fts (directory_fts, rank) VALUES ('integrity-check', 0)",
            [],
        )
        .unwrap();
    }
}
