//! Directory publishing: import a draft from CSV or JSON (with a validation
//! report naming line and field), publish numbered versions signed with the
//! service's Ed25519 key, serve a snapshot or the delta since a version.
//!
//! Publishing stores the exact signed JSON text; the service never
//! re-serializes a published version, so a signature stays valid forever.

use crate::error::{AppError, AppResult};
use crate::http::ApiQuery;
use crate::store::{DirectoryVersionRecord, Storage};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_model::directory::{
    DirectoryBodyKind, DirectoryDelta, DirectoryEntry, DirectorySnapshot, EntryKind, Localized,
    SignedDirectory, DIRECTORY_SIGNATURE_TAG,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// One problem in an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line of the file where the entry starts.
    pub line: u64,
    /// The field, or `-` for the whole entry.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, field `{}`: {}",
            self.line, self.field, self.message
        )
    }
}

fn problem(line: u64, field: &str, message: impl Into<String>) -> ImportProblem {
    ImportProblem {
        line,
        field: field.to_owned(),
        message: message.into(),
    }
}

fn validate(
    e: &DirectoryEntry,
    line: u64,
    seen: &mut HashSet<String>,
    out: &mut Vec<ImportProblem>,
) {
    if e.id.is_empty()
        || e.id.len() > 100
        || !e
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        out.push(problem(
            line,
            "id",
            "1 to 100 lower-case letters, digits, '-' or '_'",
        ));
    } else if !seen.insert(e.id.clone()) {
        out.push(problem(line, "id", format!("`{}` appears twice", e.id)));
    }
    if e.category.trim().is_empty() {
        out.push(problem(line, "category", "required"));
    }
    if matches!(e.region, Some(r) if !(1..=12).contains(&r)) {
        out.push(problem(line, "region", "must be between 1 and 12"));
    }
    if e.title.ar.as_deref().unwrap_or("").trim().is_empty()
        && e.title.fr.as_deref().unwrap_or("").trim().is_empty()
    {
        out.push(problem(
            line,
            "title",
            "an Arabic or a French title is required",
        ));
    }
    if let Some(p) = &e.phone {
        if p.is_empty()
            || !p
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-'))
        {
            out.push(problem(line, "phone", "digits, spaces, '+' and '-' only"));
        }
    }
    let d = &e.details;
    for (field, value) in [
        ("starts_on", &d.starts_on),
        ("deadline", &d.deadline),
        ("verified_on", &d.verified_on),
    ] {
        if value.as_deref().is_some_and(|v| !is_date(v)) {
            out.push(problem(line, field, "a date as YYYY-MM-DD"));
        }
    }
    if matches!((d.age_min, d.age_max), (Some(a), Some(b)) if a > b) {
        out.push(problem(line, "age_max", "must not be below age_min"));
    }
    if d.age_max.is_some_and(|a| a > 120) {
        out.push(problem(line, "age_max", "must be an age in years"));
    }
    for l in &d.languages {
        if !LOCALES.contains(&l.as_str()) {
            out.push(problem(
                line,
                "languages",
                format!("`{l}` is not one of ar, ary, zgh, fr, en"),
            ));
        }
    }
    for (field, value) in [("contact", &d.contact), ("source", &d.source)] {
        if value.as_deref().is_some_and(|v| v.chars().count() > 500) {
            out.push(problem(line, field, "at most 500 characters"));
        }
    }
    for (field, text) in [
        ("title", &e.title),
        ("summary", &e.summary),
        ("how_to_apply", &e.how_to_apply),
        ("organisation", &d.organisation),
        ("place", &d.place),
        ("schooling", &d.schooling),
        ("cost", &d.cost),
        ("hours", &d.hours),
        ("address", &d.address),
    ] {
        for (loc, t) in [
            ("ar", &text.ar),
            ("ary", &text.ary),
            ("zgh", &text.zgh),
            ("fr", &text.fr),
            ("en", &text.en),
        ] {
            if t.as_deref().is_some_and(|t| t.chars().count() > 4000) {
                out.push(problem(
                    line,
                    &format!("{field}_{loc}"),
                    "at most 4000 characters",
                ));
            }
        }
    }
}

fn line_of(source: &str, part: &str) -> u64 {
    let offset = (part.as_ptr() as usize)
        .saturating_sub(source.as_ptr() as usize)
        .min(source.len());
    source.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
        + 1
}

/// Parses a JSON array of entries; every problem, or the entries.
pub fn parse_json(text: &str) -> Result<Vec<DirectoryEntry>, Vec<ImportProblem>> {
    let raws: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).map_err(|e| {
        vec![problem(
            e.line() as u64,
            "-",
            format!("not a JSON array of entries: {e}"),
        )]
    })?;
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for raw in raws {
        let line = line_of(text, raw.get());
        match serde_json::from_str::<DirectoryEntry>(raw.get()) {
            Ok(e) => {
                validate(&e, line, &mut seen, &mut problems);
                entries.push(e);
            }
            Err(err) => {
                let msg = err.to_string();
                let field = msg
                    .split('`')
                    .nth(1)
                    .filter(|_| msg.starts_with("missing field") || msg.starts_with("unknown"))
                    .unwrap_or("-")
                    .to_owned();
                problems.push(problem(line + err.line() as u64 - 1, &field, msg));
            }
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// Columns holding one value.
const CSV_PLAIN: [&str; 17] = [
    "id",
    "kind",
    "category",
    "region",
    "province",
    "town",
    "phone",
    "sample",
    "women_only",
    "age_min",
    "age_max",
    "free",
    "starts_on",
    "deadline",
    "languages",
    "contact",
    "source",
];
/// Columns with one value per language: `title_ar`, `title_ary`, …
const CSV_LOCALIZED: [&str; 9] = [
    "title",
    "summary",
    "how_to_apply",
    "organisation",
    "place",
    "schooling",
    "cost",
    "hours",
    "address",
];
const LOCALES: [&str; 5] = ["ar", "ary", "zgh", "fr", "en"];

/// Every CSV column, in any order: the plain ones, `verified_on`, and each
/// localized one once per language (`title_ar` … `address_en`).
pub fn csv_columns() -> Vec<String> {
    let mut out: Vec<String> = CSV_PLAIN.iter().map(|c| (*c).to_owned()).collect();
    out.push("verified_on".to_owned());
    for field in CSV_LOCALIZED {
        for loc in LOCALES {
            out.push(format!("{field}_{loc}"));
        }
    }
    out
}

/// A yes/no cell: `true/yes/1` or `false/no/0`.
fn yes_no(v: &str) -> Option<bool> {
    match v {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// A calendar date as `YYYY-MM-DD` with a month and day that exist.
fn is_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let [y, m, day] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(day, 2)) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), day.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Parses CSV with a header row; every problem, or the entries.
pub fn parse_csv(text: &str) -> Result<Vec<DirectoryEntry>, Vec<ImportProblem>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| vec![problem(1, "-", format!("unreadable header: {e}"))])?
        .clone();
    let columns = csv_columns();
    let known: HashSet<&str> = columns.iter().map(String::as_str).collect();
    let mut problems = Vec::new();
    for h in headers.iter() {
        if !known.contains(h) {
            problems.push(problem(1, h, "unknown column"));
        }
    }
    for required in ["id", "kind", "category"] {
        if !headers.iter().any(|h| h == required) {
            problems.push(problem(1, required, "missing column"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                problems.push(problem(line, "-", format!("unreadable row: {e}")));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let row: BTreeMap<&str, &str> = headers.iter().zip(rec.iter()).collect();
        let get = |k: &str| {
            row.get(k)
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let loc = |prefix: &str| Localized {
            ar: get(&format!("{prefix}_ar")),
            ary: get(&format!("{prefix}_ary")),
            zgh: get(&format!("{prefix}_zgh")),
            fr: get(&format!("{prefix}_fr")),
            en: get(&format!("{prefix}_en")),
        };
        let kind = match get("kind").as_deref() {
            Some("opportunity") => EntryKind::Opportunity,
            Some("service") => EntryKind::Service,
            _ => {
                problems.push(problem(line, "kind", "must be `opportunity` or `service`"));
                continue;
            }
        };
        let region = match get("region") {
            None => None,
            Some(r) => match r.parse::<u8>() {
                Ok(r) => Some(r),
                Err(_) => {
                    problems.push(problem(line, "region", "must be a number between 1 and 12"));
                    continue;
                }
            },
        };
        // Yes/no and number cells: a bad one is named, and the row left out.
        let mut bad = false;
        let mut flag = |name: &str| match get(name) {
            None => None,
            Some(v) => {
                let parsed = yes_no(&v);
                if parsed.is_none() {
                    problems.push(problem(line, name, "must be true or false"));
                    bad = true;
                }
                parsed
            }
        };
        let sample = flag("sample").unwrap_or(false);
        let women_only = flag("women_only").unwrap_or(false);
        let free = flag("free");
        let mut age = |name: &str| match get(name) {
            None => None,
            Some(v) => match v.parse::<u8>() {
                Ok(a) => Some(a),
                Err(_) => {
                    problems.push(problem(line, name, "must be an age in years"));
                    bad = true;
                    None
                }
            },
        };
        let (age_min, age_max) = (age("age_min"), age("age_max"));
        if bad {
            continue;
        }
        let details = kulna_model::directory::EntryDetails {
            organisation: loc("organisation"),
            place: loc("place"),
            women_only,
            age_min,
            age_max,
            schooling: loc("schooling"),
            free,
            cost: loc("cost"),
            starts_on: get("starts_on"),
            deadline: get("deadline"),
            hours: loc("hours"),
            address: loc("address"),
            languages: get("languages")
                .map(|l| {
                    l.split([' ', ',', ';'])
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            contact: get("contact"),
            source: get("source"),
            verified_on: get("verified_on"),
        };
        let e = DirectoryEntry {
            id: get("id").unwrap_or_default(),
            kind,
            category: get("category").unwrap_or_default(),
            region,
            province: get("province"),
            town: get("town"),
            title: loc("title"),
            summary: loc("summary"),
            how_to_apply: loc("how_to_apply"),
            phone: get("phone"),
            sample,
            details,
        };
        validate(&e, line, &mut seen, &mut problems);
        entries.push(e);
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// Replaces the draft with a validated file (`.csv` or `.json`).
pub async fn import(
    store: &Arc<dyn Storage>,
    text: &str,
    csv: bool,
) -> Result<usize, Vec<ImportProblem>> {
    let entries = if csv {
        parse_csv(text)?
    } else {
        parse_json(text)?
    };
    let rows: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e.id.clone(), serde_json::to_string(e).unwrap_or_default()))
        .collect();
    store
        .replace_directory_draft(&rows, crate::now_ms())
        .await
        .map_err(|e| vec![problem(0, "-", format!("storage: {e}"))])?;
    Ok(rows.len())
}

fn sign(keys: &crate::service_keys::ServiceKeys, body: &str) -> Vec<u8> {
    let mut msg = DIRECTORY_SIGNATURE_TAG.to_vec();
    msg.extend_from_slice(body.as_bytes());
    keys.sign(&msg)
}

/// Publishes the draft as the next version; answers its number.
pub async fn publish(
    store: &Arc<dyn Storage>,
    keys: &crate::service_keys::ServiceKeys,
) -> anyhow::Result<u64> {
    let draft = store.directory_draft().await?;
    let entries = draft
        .iter()
        .map(|(_, e)| serde_json::from_str::<DirectoryEntry>(e))
        .collect::<Result<Vec<_>, _>>()?;
    for _ in 0..5 {
        let latest = store
            .directory_version(None)
            .await?
            .map(|v| v.version)
            .unwrap_or(0);
        let version = u64::try_from(latest + 1)?;
        let snapshot = DirectorySnapshot {
            version,
            published_at_ms: crate::now_ms(),
            entries: entries.clone(),
        };
        let body = serde_json::to_string(&snapshot)?;
        let signature = sign(keys, &body);
        let rec = DirectoryVersionRecord {
            version: latest + 1,
            published_at_ms: snapshot.published_at_ms,
            snapshot: body,
            signature,
        };
        if store.insert_directory_version(&rec).await? {
            return Ok(version);
        }
    }
    anyhow::bail!("another publication kept taking the version number; try again")
}

/// Query of `GET /v1/directory`.
#[derive(Debug, Deserialize)]
pub struct DirectoryParams {
    /// The version the device has; answers the delta from it.
    pub since: Option<u64>,
}

fn etag(v: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{v}\"")).unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

/// `GET /v1/directory[?since=N]`.
pub async fn get_directory(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(p): ApiQuery<DirectoryParams>,
) -> AppResult<Response> {
    let latest = state
        .store()
        .directory_version(None)
        .await?
        .ok_or(AppError::NotFound("no directory has been published yet"))?;
    let latest_v = u64::try_from(latest.version).unwrap_or(0);
    let tag = match p.since {
        Some(s) if s < latest_v => etag(&format!("d{s}-{latest_v}")),
        _ => etag(&format!("v{latest_v}")),
    };
    let not_modified = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == tag.as_bytes())
        || p.since == Some(latest_v);
    if not_modified {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response());
    }
    let signed = match p.since {
        Some(s) if s > latest_v => {
            return Err(AppError::InvalidInput(
                "`since` is newer than the latest version".into(),
            ))
        }
        Some(s) if s > 0 => {
            let old = state
                .store()
                .directory_version(Some(i64::try_from(s).unwrap_or(i64::MAX)))
                .await?;
            match old {
                Some(old) => delta(&state, &old, &latest)?,
                None => snapshot(&latest, latest_v),
            }
        }
        _ => snapshot(&latest, latest_v),
    };
    Ok((
        [
            (header::ETAG, tag),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        Json(signed),
    )
        .into_response())
}

fn snapshot(latest: &DirectoryVersionRecord, v: u64) -> SignedDirectory {
    SignedDirectory {
        kind: DirectoryBodyKind::Snapshot,
        version: v,
        body: latest.snapshot.clone(),
        signature: B64.encode(&latest.signature),
    }
}

fn delta(
    state: &AppState,
    old: &DirectoryVersionRecord,
    new: &DirectoryVersionRecord,
) -> AppResult<SignedDirectory> {
    let a: DirectorySnapshot = serde_json::from_str(&old.snapshot).map_err(AppError::internal)?;
    let b: DirectorySnapshot = serde_json::from_str(&new.snapshot).map_err(AppError::internal)?;
    let before: BTreeMap<&str, &DirectoryEntry> =
        a.entries.iter().map(|e| (e.id.as_str(), e)).collect();
    let after: HashSet<&str> = b.entries.iter().map(|e| e.id.as_str()).collect();
    let d = DirectoryDelta {
        from_version: a.version,
        to_version: b.version,
        published_at_ms: b.published_at_ms,
        upserted: b
            .entries
            .iter()
            .filter(|e| before.get(e.id.as_str()) != Some(e))
            .cloned()
            .collect(),
        removed: a
            .entries
            .iter()
            .filter(|e| !after.contains(e.id.as_str()))
            .map(|e| e.id.clone())
            .collect(),
    };
    let body = serde_json::to_string(&d).map_err(AppError::internal)?;
    let signature = B64.encode(sign(state.keys(), &body));
    Ok(SignedDirectory {
        kind: DirectoryBodyKind::Delta,
        version: b.version,
        body,
        signature,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn csv_report_names_line_and_field() {
        let text = "id,kind,category,region,title_fr,title_ar,phone\n\
                    ok-1,service,shelter,6,Refuge,ملجأ,+212 5\n\
                    BAD ID,service,shelter,6,Refuge,,\n\
                    ok-2,nonsense,shelter,6,Refuge,,\n\
                    ok-3,opportunity,training,13,,,\n\
                    ok-1,service,shelter,,Refuge,,call me\n";
        let problems = parse_csv(text).unwrap_err();
        let got: Vec<(u64, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, "id"),
                (4, "kind"),
                (5, "region"),
                (5, "title"),
                (6, "id"),
                (6, "phone")
            ]
        );
        assert!(problems[0].to_string().starts_with("line 3, field `id`"));
        let details = "id,kind,category,title_fr,deadline,age_min,age_max,women_only,free,languages,address_fr,organisation_ar,verified_on\n\
                       x,opportunity,training,Couture,2027-03-31,18,35,yes,true,ar fr,Rue 1,مؤسسة,2026-11-01\n\
                       y,opportunity,training,Couture,2027-02-30,40,18,maybe,,de,,,\n";
        let problems = parse_csv(details).unwrap_err();
        let got: Vec<(u64, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(got, vec![(3, "women_only")]);
        let details = details.replace("maybe", "no");
        let got: Vec<(u64, String)> = parse_csv(&details)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.line, p.field))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, "deadline".to_owned()),
                (3, "age_max".to_owned()),
                (3, "languages".to_owned())
            ]
        );
        let first = details.lines().take(2).collect::<Vec<_>>().join("\n");
        let e = &parse_csv(&first).unwrap()[0];
        assert_eq!(e.details.deadline.as_deref(), Some("2027-03-31"));
        assert_eq!((e.details.age_min, e.details.age_max), (Some(18), Some(35)));
        assert!(e.details.women_only);
        assert_eq!(e.details.free, Some(true));
        assert_eq!(e.details.languages, vec!["ar", "fr"]);
        assert_eq!(e.details.address.fr.as_deref(), Some("Rue 1"));
        assert_eq!(e.details.organisation.ar.as_deref(), Some("مؤسسة"));
        assert_eq!(e.details.verified_on.as_deref(), Some("2026-11-01"));
        let fine = "id,kind,category,title_fr,sample\nx,opportunity,job,Emploi,true\n";
        let entries = parse_csv(fine).unwrap();
        assert!(entries[0].sample);
        assert_eq!(parse_csv("id,colour\n").unwrap_err()[0].field, "colour");
    }

    #[test]
    fn json_report_names_line_and_field() {
        let text = "[\n  {\"id\": \"a\", \"kind\": \"service\", \"category\": \"health\", \"title\": {\"fr\": \"Santé\"}},\n  {\"id\": \"b\", \"kind\": \"service\", \"title\": {\"fr\": \"x\"}},\n  {\"id\": \"c\", \"kind\": \"service\", \"category\": \"health\", \"region\": 40, \"title\": {}}\n]";
        let problems = parse_json(text).unwrap_err();
        let got: Vec<(u64, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(got, vec![(3, "category"), (4, "region"), (4, "title")]);
        assert_eq!(parse_json("{").unwrap_err()[0].field, "-");
    }
}
