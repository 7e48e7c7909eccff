//! Article ⇄ document: the form an article is indexed in and read back from.

use chrono::{Datelike, NaiveDate, NaiveTime};
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, TantivyDocument};

use crate::article::{stable_id, Article, Metadata};
use crate::extract::gazetteer;

use super::*;

// ---------------------------------------------------------------------------------------------
// Article ⇄ document
// ---------------------------------------------------------------------------------------------

/// Brings an article into the form it is indexed in: an id when it has none, the year from
/// the date when only the date is given, sorted and deduplicated code lists. `get` returns
/// exactly this form, and the content hash is taken over it.
pub(crate) fn normalize(article: &mut Article) {
    if article.id.trim().is_empty() {
        article.id = stable_id(article.url.as_deref(), &article.body);
    }
    if article.meta.year.is_none() {
        article.meta.year = article.meta.published.map(|d| d.year());
    }
    for list in [
        &mut article.meta.partners,
        &mut article.meta.partner_orgs,
        &mut article.meta.mentioned_countries,
    ] {
        list.sort_unstable();
        list.dedup();
    }
}

/// The content hash of a (normalised) article: xxh3 over its JSON form, streamed without an
/// intermediate buffer. Any change of text or metadata changes it.
pub(crate) fn content_hash(article: &Article) -> u64 {
    struct HashWriter(xxhash_rust::xxh3::Xxh3);
    impl std::io::Write for HashWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.update(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut w = HashWriter(xxhash_rust::xxh3::Xxh3::new());
    // Serialising plain strings, numbers and maps into a sink that never fails cannot fail.
    let _ = serde_json::to_writer(&mut w, article);
    w.0.digest()
}

/// The facet of a country code: its region hierarchy from the gazetteer
/// (`/asia/south-eastern-asia/PH`), or `/unknown/unknown/XX` for a code the gazetteer does
/// not know (kept at the same depth so that the code is always the last step).
pub(crate) fn country_facet(code: &str) -> Facet {
    match gazetteer::country(code) {
        Some(c) => Facet::from_path([c.region, c.subregion, c.code]),
        None => Facet::from_path(["unknown", "unknown", code]),
    }
}

/// The year facet: `/2022/03` when the date is known, `/2022` when only the year is.
pub(crate) fn year_facet(published: Option<NaiveDate>, year: Option<i32>) -> Option<Facet> {
    match (published, year) {
        (Some(d), _) => Some(Facet::from_path([
            d.year().to_string(),
            format!("{:02}", d.month()),
        ])),
        (None, Some(y)) => Some(Facet::from_path([y.to_string()])),
        (None, None) => None,
    }
}

/// The most of the body's first sentence that indexing puts in the `lead` field.
const LEAD_MAX: usize = 240;

/// The first sentence of `body` (as the search's first-sentence titles cut it), at most
/// [`LEAD_MAX`] bytes: what stands in for a missing headline in the ranking.
pub(crate) fn lead_sentence(body: &str) -> &str {
    crate::search::first_sentence(body, LEAD_MAX)
}

/// Builds the tantivy document of a normalised article with its content hash.
pub(crate) fn to_document(f: &Fields, a: &Article, hash: u64) -> TantivyDocument {
    // Sized for what is copied in (the body twice: stored, and indexed in `text`), so that
    // the document's buffer is not grown and copied again and again.
    let title = a.meta.title.as_ref().map_or(0, String::len);
    let mut doc = TantivyDocument::with_capacity(2 * (a.body.len() + title) + 1024);
    doc.add_text(f.id, &a.id);
    match (&a.meta.title, f.lead) {
        (Some(t), _) => {
            doc.add_text(f.title, t);
            doc.add_text(f.text, t);
        }
        (None, Some(lead)) => doc.add_text(lead, lead_sentence(&a.body)),
        (None, None) => {}
    }
    doc.add_text(f.body, &a.body);
    doc.add_text(f.text, &a.body);
    if let Some(s) = &a.meta.source {
        doc.add_facet(f.source, Facet::from_path([s.as_str()]));
    }
    if let Some(u) = &a.url {
        doc.add_text(f.url, u);
    }
    if let Some(p) = &a.path {
        doc.add_text(f.path, p);
    }
    if let Some(d) = &a.meta.dateline {
        doc.add_text(f.dateline, d);
    }
    if let Some(d) = a.meta.published {
        let secs = d.and_time(NaiveTime::MIN).and_utc().timestamp();
        doc.add_date(f.published, DateTime::from_timestamp_secs(secs));
    }
    if let Some(y) = a.meta.year {
        doc.add_i64(f.year_num, i64::from(y));
    }
    if let Some(y) = year_facet(a.meta.published, a.meta.year) {
        doc.add_facet(f.year, y);
    }
    for c in &a.meta.partners {
        doc.add_facet(f.country, country_facet(c));
    }
    for o in &a.meta.partner_orgs {
        doc.add_facet(f.org, Facet::from_path([o.as_str()]));
    }
    for c in &a.meta.mentioned_countries {
        doc.add_facet(f.mentioned, country_facet(c));
    }
    if !a.meta.evidence.is_empty() {
        if let Ok(json) = serde_json::to_string(&a.meta.evidence) {
            doc.add_text(f.evidence, json);
        }
    }
    doc.add_u64(f.hash, hash);
    doc
}

/// The last step of a stored facet (`/asia/south-eastern-asia/PH` → `PH`). Stored facets are
/// in tantivy's encoded form, steps separated by NUL.
pub(crate) fn facet_leaf(encoded: &str) -> &str {
    encoded.rsplit('\0').next().unwrap_or(encoded)
}

/// Rebuilds an article from its stored document (the inverse of [`to_document`]).
pub(crate) fn from_document(f: &Fields, doc: &TantivyDocument) -> Article {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let leaves = |field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_facet().map(|s| facet_leaf(s).to_string()))
            .collect()
    };
    let published = doc
        .get_first(f.published)
        .and_then(|v| v.as_datetime())
        .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
        .map(|d| d.date_naive());
    let evidence = text(f.evidence)
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default();
    Article {
        id: text(f.id).unwrap_or_default(),
        path: text(f.path),
        url: text(f.url),
        body: text(f.body).unwrap_or_default(),
        meta: Metadata {
            title: text(f.title),
            source: leaves(f.source).into_iter().next(),
            dateline: text(f.dateline),
            published,
            year: doc
                .get_first(f.year_num)
                .and_then(|v| v.as_i64())
                .and_then(|y| i32::try_from(y).ok()),
            partners: leaves(f.country),
            partner_orgs: leaves(f.org),
            mentioned_countries: leaves(f.mentioned),
            evidence,
        },
    }
}
