//! The search index over the cached directory, and the SQL functions that
//! fill it.
//!
//! `directory_fts` is a contentless FTS5 table (`detail=column`, prefix
//! indexes for 2 and 3 characters) kept in step with `directory_entry` by
//! triggers (schema 4): every insert, update or delete of a listing, made by
//! `directory_apply_snapshot` or `directory_apply_delta`, changes the index
//! **in the same transaction**. The triggers call two functions registered
//! on every connection (`register`):
//!
//! * `kulna_dir_col(entry, n)`: the normalized text of column `n` of the
//!   listing (JSON `entry`): 0 `title` (titles and organisation in every
//!   language), 1 `places` (town, province, their names in each language,
//!   the region's Arabic and French names), 2 `body` (summaries, category
//!   words), 3 `tags` (filter tokens, see `tags`).
//! * `kulna_dir_key(entry, rowid)`: the index row id,
//!   `deadline_day << 32 | rowid`, so the index's own row order is the
//!   deadline order (no deadline sorts last), and "deadline not passed" is a
//!   row id range. The listing's row is `key & 0xFFFF_FFFF`.
//!
//! Both depend only on the listing's JSON and row id, so the delete trigger
//! finds the row the insert trigger made. A change to what they compute
//! needs a migration that rebuilds the index (`delete-all`, then insert).

use super::normalize::{normalize, words};
use super::regions::{category_words, region};
use kulna_model::directory::{DirectoryEntry, EntryKind, Localized};
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::Connection;
use std::cell::RefCell;
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
/// on every connection before migrations (the triggers of schema 4 use
/// them).
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
        assert!(k >= day_start(20_785) && k < day_start(20_786));
        assert!(key(NO_DEADLINE, 1) > key(20_785, 99));
        assert_eq!(value_tag("xt", "Fès"), value_tag("xt", "FES"));
        assert_eq!(value_tag("xt", "Fès").len(), 14);
    }
}
