//! JSON Lines articles: one JSON object per line, explicit metadata winning over extraction.
//!
//! Fields (all optional but the body): `id`, `url`, `title`, `body` (or `text`, `content`),
//! `source`, `published` (or `date`: `YYYY-MM-DD`, RFC 3339, or a year), `year`, `partners`
//! (or `countries`: ISO codes or names in any language the gazetteer knows), `orgs` (or
//! `partner_orgs`), `mentioned_countries`, `dateline`. Lists may be JSON arrays or
//! comma-separated strings. Unknown fields are ignored. Fields that cannot be read are reported
//! and extracted instead; a line without a body, or that is not a JSON object, is skipped.
//!
//! The reader streams: one line in memory at a time, and a line longer than
//! [`MAX_LINE_BYTES`] is skipped without being held in memory.

use std::io::{BufRead, Read};

use chrono::{DateTime, Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::{Loaded, Problem};
use crate::article::{stable_id, Article, Metadata};
use crate::extract::{self, gazetteer};

pub(crate) use crate::limits::MAX_LINE_BYTES;
use crate::limits::{MAX_ID_BYTES, MAX_INPUT_BYTES};

/// Reads JSON Lines from `reader`; `label` names the input in paths and problems (`file.jsonl`,
/// `-`). Articles get the path `label:line`.
pub fn read<R: BufRead>(reader: R, label: &str) -> Loaded {
    let mut chunks = Chunks::new(reader, label);
    let mut out = Loaded::default();
    while let Some(chunk) = chunks.next_chunk(usize::MAX) {
        out.articles.extend(chunk.articles);
        out.problems.merge(chunk.problems);
        out.warnings.merge(chunk.warnings);
    }
    out
}

/// JSON Lines read a chunk at a time, so that a file of any size is indexed in bounded
/// memory.
pub struct Chunks<R> {
    reader: R,
    label: String,
    line_no: usize,
    bytes_read: u64,
    done: bool,
}

impl<R: BufRead> Chunks<R> {
    /// Chunks of `reader`; `label` names the input in paths and problems.
    pub fn new(reader: R, label: &str) -> Self {
        Chunks {
            reader,
            label: label.to_string(),
            line_no: 0,
            bytes_read: 0,
            done: false,
        }
    }

    /// Bytes of input read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The articles and problems of the next lines, up to and including the line that brings
    /// the bytes read to `max_bytes`; `None` at the end of the input.
    pub fn next_chunk(&mut self, max_bytes: usize) -> Option<Loaded> {
        if self.done {
            return None;
        }
        let label = self.label.as_str();
        let reader = &mut self.reader;
        let mut out = Loaded::default();
        let mut buf = Vec::new();
        let mut bytes = 0usize;
        while bytes < max_bytes {
            if self.bytes_read >= MAX_INPUT_BYTES {
                // An endless stream (a device, a runaway pipe) is not read forever.
                out.problems.push(problem(
                    label,
                    self.line_no + 1,
                    format!(
                        "input too large: stopped reading after {} (the limit of one input); the rest is skipped",
                        super::human_bytes(MAX_INPUT_BYTES)
                    ),
                ));
                self.done = true;
                break;
            }
            buf.clear();
            self.line_no += 1;
            let line_no = self.line_no;
            let limit = (MAX_LINE_BYTES + 1) as u64;
            let n = match (&mut *reader).take(limit).read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    out.problems
                        .push(problem(label, line_no, format!("read error: {e}")));
                    self.done = true;
                    break;
                }
            };
            if n == 0 {
                self.done = true;
                break;
            }
            bytes += n;
            self.bytes_read += n as u64;
            if buf.len() > MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
                // Skip the rest of the over-long line without keeping it.
                let mut skipped = buf.len() as u64;
                loop {
                    buf.clear();
                    match (&mut *reader).take(1 << 20).read_until(b'\n', &mut buf) {
                        Ok(0) => break,
                        Ok(k) => {
                            skipped += k as u64;
                            self.bytes_read += k as u64;
                            if buf.last() == Some(&b'\n') || self.bytes_read >= MAX_INPUT_BYTES {
                                break;
                            }
                        }
                        Err(_) => break,
                    }
                }
                out.problems.push(problem(
                    label,
                    line_no,
                    format!(
                        "line too long ({skipped} bytes; the limit is {MAX_LINE_BYTES}); skipped"
                    ),
                ));
                continue;
            }
            let text = match std::str::from_utf8(&buf) {
                Ok(t) => t,
                Err(e) => {
                    out.problems.push(problem(
                        label,
                        line_no,
                        format!("not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1),
                    ));
                    continue;
                }
            };
            let text = if line_no == 1 {
                text.strip_prefix('\u{feff}').unwrap_or(text)
            } else {
                text
            };
            if text.trim().is_empty() {
                continue; // blank lines separate nothing in JSON Lines; skipping them is no loss
            }
            let path = format!("{label}:{line_no}");
            match parse_line(text, &path) {
                Ok((article, warnings)) => {
                    out.warnings
                        .extend(warnings.into_iter().map(|w| problem(label, line_no, w)));
                    out.articles.push(article);
                }
                Err(reason) => out.problems.push(problem(label, line_no, reason)),
            }
        }
        Some(out)
    }
}

fn problem(label: &str, line: usize, reason: String) -> Problem {
    Problem {
        path: label.to_string(),
        line: Some(line),
        reason,
    }
}

/// Parses one JSON Lines record into an article (`path` is stored in it), with warnings about
/// fields that were ignored; or why the whole line is unusable.
///
/// ```
/// use telusur::ingest::parse_line;
/// let (a, warnings) = parse_line(r#"{"id":"k1","text":"Isi berita.","year":"2020","countries":"GB, Atlantis"}"#, "f:1").unwrap();
/// assert_eq!((a.id.as_str(), a.meta.year), ("k1", Some(2020)));
/// assert_eq!(a.meta.partners, vec!["GB"]);
/// assert!(warnings[0].contains("Atlantis"));
/// assert!(parse_line(r#"{"title":"no body"}"#, "f:2").unwrap_err().contains("body"));
/// ```
pub fn parse_line(line: &str, path: &str) -> Result<(Article, Vec<String>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(obj) = value else {
        return Err(format!(
            "not a JSON object (found {}); each line must be one article object",
            kind(&value)
        ));
    };
    let mut warnings = Vec::new();
    let body = ["body", "text", "content"]
        .iter()
        .find_map(|k| string_field(&obj, k, &mut warnings))
        .filter(|b| !b.trim().is_empty())
        .ok_or_else(|| {
            "no body: expected a non-empty \"body\", \"text\" or \"content\" string".to_string()
        })?;

    let mut known = Metadata {
        title: string_field(&obj, "title", &mut warnings).filter(|s| !s.trim().is_empty()),
        source: string_field(&obj, "source", &mut warnings).filter(|s| !s.trim().is_empty()),
        dateline: string_field(&obj, "dateline", &mut warnings).filter(|s| !s.trim().is_empty()),
        ..Metadata::default()
    };
    if let Some(t) = known.title.as_mut() {
        *t = t.trim().to_string();
    }
    for key in ["published", "date"] {
        if let Some(v) = obj.get(key).filter(|v| !v.is_null()) {
            match parse_date(v) {
                Some(When::Day(d)) => {
                    known.published = Some(d);
                    known.year = Some(d.year());
                }
                Some(When::Year(y)) => known.year = Some(y),
                None => warnings.push(format!(
                    "field \"{key}\": cannot read {v} as a date (expected YYYY-MM-DD, RFC 3339 or a year); extracting it instead"
                )),
            }
            break;
        }
    }
    if let Some(v) = obj.get("year").filter(|v| !v.is_null()) {
        match parse_date(v) {
            Some(When::Year(y)) => {
                if known.year.is_some_and(|k| k != y) {
                    warnings.push(format!(
                        "field \"year\" ({y}) disagrees with the published date; keeping the date's year"
                    ));
                } else {
                    known.year = Some(y);
                }
            }
            _ => warnings.push(format!(
                "field \"year\": cannot read {v} as a year; ignored"
            )),
        }
    }
    for (keys, target) in [
        (&["partners", "countries"][..], &mut known.partners),
        (&["mentioned_countries"][..], &mut known.mentioned_countries),
    ] {
        if let Some((key, v)) = keys.iter().find_map(|k| obj.get(*k).map(|v| (*k, v))) {
            for name in list(v, key, &mut warnings) {
                match gazetteer::resolve_country(&name) {
                    Some(c) if c.code == "ID" => warnings.push(format!(
                        "field \"{key}\": Indonesia is never a partner; ignored"
                    )),
                    Some(c) => target.push(c.code.to_string()),
                    None => warnings.push(format!(
                        "field \"{key}\": unknown country '{name}' ignored{}",
                        suggest(&gazetteer::suggest_countries(&name, 3))
                    )),
                }
            }
            target.sort();
            target.dedup();
        }
    }
    if let Some((key, v)) = ["orgs", "partner_orgs"]
        .iter()
        .find_map(|k| obj.get(*k).map(|v| (*k, v)))
    {
        for name in list(v, key, &mut warnings) {
            match gazetteer::resolve_org(&name) {
                Some(o) => known.partner_orgs.push(o.code.to_string()),
                None => warnings.push(format!(
                    "field \"{key}\": unknown organisation '{name}' ignored{}",
                    suggest(&gazetteer::suggest_orgs(&name, 3))
                )),
            }
        }
        known.partner_orgs.sort();
        known.partner_orgs.dedup();
    }
    let url = string_field(&obj, "url", &mut warnings).filter(|s| !s.trim().is_empty());
    let id = match obj.get("id") {
        Some(Value::String(s)) if s.trim().len() > MAX_ID_BYTES => {
            return Err(format!(
                "field \"id\" is too long ({} bytes; the limit is {MAX_ID_BYTES}); skipped (leave the id out to have a stable one computed)",
                s.trim().len()
            ));
        }
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::String(_)) => {
            warnings.push("field \"id\" is empty; a stable id is computed instead".to_string());
            None
        }
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Null) | None => None,
        Some(v) => {
            warnings.push(format!("field \"id\": expected a string or number, found {}; a stable id is computed instead", kind(v)));
            None
        }
    };

    let ex = extract::extract_with(&body, url.as_deref(), &known);
    // A given body the cleaner empties entirely (a one-line teaser, say) is kept as given.
    let body = if ex.body.is_empty() {
        body.trim().to_string()
    } else {
        ex.body
    };
    let article = Article {
        id: id.unwrap_or_else(|| stable_id(url.as_deref(), &body)),
        path: Some(path.to_string()),
        url,
        body,
        meta: ex.meta,
    };
    Ok((article, warnings))
}

fn suggest(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", names.join(", "))
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn string_field(obj: &Map<String, Value>, key: &str, warnings: &mut Vec<String>) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        v => {
            warnings.push(format!(
                "field \"{key}\": expected a string, found {}; ignored",
                kind(v)
            ));
            None
        }
    }
}

fn list(v: &Value, key: &str, warnings: &mut Vec<String>) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                Value::String(_) => None,
                other => {
                    warnings.push(format!(
                        "field \"{key}\": expected names, found {}; ignored",
                        kind(other)
                    ));
                    None
                }
            })
            .collect(),
        Value::String(s) => s
            .split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        Value::Null => Vec::new(),
        other => {
            warnings.push(format!(
                "field \"{key}\": expected a list, found {}; ignored",
                kind(other)
            ));
            Vec::new()
        }
    }
}

/// A date as given: a full day, or only a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Day(NaiveDate),
    Year(i32),
}

fn plausible_year(y: i64) -> Option<i32> {
    (1900..=2100).contains(&y).then_some(y as i32)
}

/// `YYYY-MM-DD`, RFC 3339 (the local date as published), `YYYY-MM-DD HH:MM[:SS]`, or a year
/// (number or string).
fn parse_date(v: &Value) -> Option<When> {
    match v {
        Value::Number(n) => n.as_i64().and_then(plausible_year).map(When::Year),
        Value::String(s) => {
            let s = s.trim();
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                return s.parse().ok().and_then(plausible_year).map(When::Year);
            }
            if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
                return Some(When::Day(dt.date_naive()));
            }
            let day = s.get(..10)?;
            let rest = &s[10..];
            if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
                return None;
            }
            NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .ok()
                .filter(|d| plausible_year(d.year() as i64).is_some())
                .map(When::Day)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<When> {
        NaiveDate::from_ymd_opt(y, m, d).map(When::Day)
    }

    #[test]
    fn date_forms() {
        assert_eq!(parse_date(&Value::from("2022-09-11")), day(2022, 9, 11));
        assert_eq!(
            parse_date(&Value::from("2022-09-11T23:30:00+07:00")),
            day(2022, 9, 11)
        );
        assert_eq!(
            parse_date(&Value::from("2022-09-11 08:00")),
            day(2022, 9, 11)
        );
        assert_eq!(parse_date(&Value::from("2019")), Some(When::Year(2019)));
        assert_eq!(parse_date(&Value::from(2019)), Some(When::Year(2019)));
        assert_eq!(parse_date(&Value::from("2022-13-01")), None);
        assert_eq!(parse_date(&Value::from("kemarin")), None);
        assert_eq!(parse_date(&Value::from(12)), None);
        assert_eq!(parse_date(&Value::from("2022-09-11junk")), None);
    }

    #[test]
    fn explicit_fields_win_and_extraction_fills_the_rest() {
        let line = r#"{"url":"https://www.antaranews.com/berita/9/x","body":"Palu (ANTARA) - Polisi menggelar latihan gabungan di pelabuhan bersama mitra dari Malaysia pada Rabu pagi.","published":"2020-02-03","orgs":["ASEAN"]}"#;
        let (a, w) = parse_line(line, "f.jsonl:1").unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a.meta.published, NaiveDate::from_ymd_opt(2020, 2, 3));
        assert_eq!(a.meta.year, Some(2020));
        assert_eq!(a.meta.partner_orgs, vec!["ASEAN"]);
        assert_eq!(a.meta.evidence["partner_orgs"], "given");
        assert_eq!(a.meta.source.as_deref(), Some("ANTARA"));
        assert_eq!(a.meta.dateline.as_deref(), Some("Palu"));
        assert_eq!(
            a.id,
            stable_id(Some("https://antaranews.com/berita/9/x"), "")
        );
        assert_eq!(a.path.as_deref(), Some("f.jsonl:1"));
    }

    #[test]
    fn bad_lines() {
        assert!(parse_line("{", "p").unwrap_err().contains("not valid JSON"));
        assert!(parse_line("[1,2]", "p")
            .unwrap_err()
            .contains("not a JSON object"));
        assert!(parse_line(r#"{"body":"   "}"#, "p")
            .unwrap_err()
            .contains("no body"));
        assert!(parse_line(r#"{"body":42}"#, "p")
            .unwrap_err()
            .contains("no body"));
        let (_, w) = parse_line(
            r#"{"body":"Isi.","published":"kemarin","partners":["Indonesia"]}"#,
            "p",
        )
        .unwrap();
        assert_eq!(w.len(), 2, "{w:?}");
        let (a, _) = parse_line(r#"{"body":"Baca juga: teaser saja"}"#, "p").unwrap();
        assert_eq!(a.body, "Baca juga: teaser saja");
    }

    #[test]
    fn streams_lines_and_skips_overlong() {
        let mut input = String::from("{\"body\":\"satu.\"}\n\n");
        input.push_str(&"x".repeat(MAX_LINE_BYTES + 10));
        input.push_str("\n{\"body\":\"dua.\"}\n");
        let loaded = read(input.as_bytes(), "big.jsonl");
        assert_eq!(loaded.articles.len(), 2);
        assert_eq!(loaded.articles[1].path.as_deref(), Some("big.jsonl:4"));
        assert_eq!(loaded.problems.total(), 1);
        assert_eq!(loaded.problems.first().unwrap().line, Some(3));
        assert!(loaded.problems.first().unwrap().reason.contains("too long"));
    }

    #[test]
    fn invalid_utf8_line_is_reported() {
        let input = b"{\"body\":\"a\xff\"}\n{\"body\":\"b.\"}\n";
        let loaded = read(&input[..], "u.jsonl");
        assert_eq!(loaded.articles.len(), 1);
        assert!(loaded.problems.first().unwrap().reason.contains("UTF-8"));
    }
}

/// The examples of the items above (crate-private, so not doc tests).
#[cfg(test)]
mod examples {
    #[test]
    fn read_as_documented() {
        use crate::ingest::jsonl::read;
        let input = "{\"title\":\"Judul\",\"body\":\"Isi berita yang cukup panjang.\",\"published\":\"2021-03-04\",\"partners\":[\"Filipina\"]}\nnot json\n";
        let loaded = read(input.as_bytes(), "x.jsonl");
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.articles[0].meta.year, Some(2021));
        assert_eq!(loaded.articles[0].meta.partners, vec!["PH"]);
        assert_eq!(loaded.problems.first().and_then(|p| p.line), Some(2));
    }

    #[test]
    fn chunks_as_documented() {
        use crate::ingest::jsonl::Chunks;
        let input = "{\"body\":\"Satu.\"}\n{\"body\":\"Dua.\"}\n{\"body\":\"Tiga.\"}\n";
        let mut chunks = Chunks::new(input.as_bytes(), "x.jsonl");
        // Chunks end at the first line that reaches the byte budget.
        assert_eq!(chunks.next_chunk(20).map(|c| c.articles.len()), Some(2));
        assert_eq!(chunks.next_chunk(20).map(|c| c.articles.len()), Some(1));
        assert!(chunks.next_chunk(20).is_none());
    }
}
