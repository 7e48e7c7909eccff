//! The unit of everything: one news article with its metadata.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Metadata of an article, given explicitly or extracted from its text.
///
/// Country codes are ISO 3166-1 alpha-2 (`"PH"`), organisation codes the gazetteer's short
/// codes (`"UNOCT"`, `"ASEAN"`). Lists are sorted and free of duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline, where the page has one.
    pub title: Option<String>,
    /// The publisher, normalised (`ANTARA`, `Kompas`, `jpnn.com`, ...).
    pub source: Option<String>,
    /// The city the story was filed from.
    pub dateline: Option<String>,
    /// Publication date, when the day is known.
    pub published: Option<NaiveDate>,
    /// Publication year, when known (also when only the year is known).
    pub year: Option<i32>,
    /// Foreign countries that are Indonesia's counterpart in the story.
    pub partners: Vec<String>,
    /// International organisations that are the counterpart in the story.
    pub partner_orgs: Vec<String>,
    /// Every foreign country named in the story.
    pub mentioned_countries: Vec<String>,
    /// For each extracted field (`"year"`, `"source"`, `"title"`, `"partners"`, ...), the
    /// evidence it was taken from.
    pub evidence: BTreeMap<String, String>,
}

/// One article, ready to index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: see [`stable_id`].
    pub id: String,
    /// The file it came from (with `:line` for JSON Lines), if any.
    pub path: Option<String>,
    /// The article's URL, if known.
    pub url: Option<String>,
    /// The story text, cleaned of site chrome and related-link lines.
    pub body: String,
    /// Title, source, date, partners...
    #[serde(flatten)]
    pub meta: Metadata,
}

/// A stable identifier for an article: a hash of its normalised URL when it has one, else of
/// its normalised text (case and whitespace folded). Indexing the same article twice gives
/// the same id, so re-indexing upserts instead of duplicating.
///
/// ```
/// use telusur::stable_id;
/// let a = stable_id(Some("https://www.antaranews.com/berita/1/"), "x");
/// let b = stable_id(Some("http://antaranews.com/berita/1"), "y");
/// assert_eq!(a, b);
/// assert_eq!(stable_id(None, "Densus  88\nmenangkap"), stable_id(None, "densus 88 menangkap"));
/// assert_eq!(a.len(), 16);
/// ```
pub fn stable_id(url: Option<&str>, body: &str) -> String {
    let hash = match url.map(normalize_url).filter(|u| !u.is_empty()) {
        Some(u) => xxhash_rust::xxh3::xxh3_64(format!("url:{u}").as_bytes()),
        None => {
            let mut norm = String::with_capacity(body.len());
            for word in body.split_whitespace() {
                if !norm.is_empty() {
                    norm.push(' ');
                }
                norm.extend(word.chars().flat_map(char::to_lowercase));
            }
            xxhash_rust::xxh3::xxh3_64(format!("text:{norm}").as_bytes())
        }
    };
    format!("{hash:016x}")
}

/// Normalises a URL for identity: scheme, `www.`, trailing slash, fragment and case of the
/// host do not matter.
fn normalize_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        host.to_lowercase()
    } else {
        format!("{}/{}", host.to_lowercase(), path)
    }
}
