//! Facet counts: partner country (with region totals), year, source, organisation.
//!
//! Counts cover the whole result set. They are disjunctive: the counts of a dimension ignore
//! that dimension's own filter, so with `--country PH` the country counts still show what
//! the other countries would give. All dimensions are counted in the pass that finds the
//! hits (see [`super::faceted`]).

use serde::{Deserialize, Serialize};

use tantivy::schema::Facet;

use super::faceted::RawCounts;
use super::request::Resolved;
use crate::extract::gazetteer;

/// One value of a facet and the number of matching articles that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value: ISO code (`PH`), year (`2022`), publisher (`ANTARA`), org code (`UNOCT`),
    /// region key (`asia`, or `asia/south-eastern-asia` for a sub-region); each is accepted
    /// by the matching filter of a [`SearchRequest`](super::SearchRequest).
    pub key: String,
    /// The display name: the Indonesian name of a country, region or organisation, else the
    /// key.
    pub name: String,
    /// Matching articles with this value.
    pub count: u64,
    /// Whether the request's filter selects this value (a named country, region,
    /// organisation or publisher; a year within the range).
    #[serde(default)]
    pub selected: bool,
}

/// Facet counts of a search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Partner countries, most frequent first (at most the request's `facet_limit`).
    pub countries: Vec<FacetCount>,
    /// Partner regions, most frequent first: continents (`asia`, named `Asia`) and their
    /// sub-regions (`asia/south-eastern-asia`, named `Asia Tenggara`); an article with two
    /// partners in the same region counts once.
    pub regions: Vec<FacetCount>,
    /// Publication years, in chronological order.
    pub years: Vec<FacetCount>,
    /// Publishers, most frequent first.
    pub sources: Vec<FacetCount>,
    /// Partner organisations, most frequent first (at most the request's `facet_limit`).
    pub orgs: Vec<FacetCount>,
}

/// Counts by key to facet counts with display names, most frequent first (ties by key); the
/// `limit` first are kept, and any selected value beyond them; only the kept are named.
fn named(
    mut counts: Vec<(String, u64)>,
    limit: usize,
    name: impl Fn(&str) -> String,
    selected: impl Fn(&str) -> bool,
) -> Vec<FacetCount> {
    counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut i = 0;
    counts.retain(|(key, _)| {
        i += 1;
        i <= limit || selected(key)
    });
    counts
        .into_iter()
        .map(|(key, count)| FacetCount {
            name: name(&key),
            selected: selected(&key),
            key,
            count,
        })
        .collect()
}

/// Country display name: the Indonesian name from the gazetteer, else the code.
fn country_name(code: &str) -> String {
    gazetteer::country(code).map_or_else(|| code.to_string(), |c| c.name_id.to_string())
}

/// Region display name: the Indonesian name (`Asia Tenggara`), else the key.
fn region_name(key: &str) -> String {
    gazetteer::region_name(key).map_or_else(|| key.to_string(), str::to_string)
}

/// Organisation display name: the Indonesian name from the gazetteer, else the code.
pub(crate) fn org_name(code: &str) -> String {
    gazetteer::org(code).map_or_else(|| code.to_string(), |o| o.name_id.to_string())
}

/// Year counts in chronological order.
fn years(counts: Vec<(String, u64)>, range: Option<(i64, i64)>) -> Vec<FacetCount> {
    let within =
        |k: &str| range.is_some_and(|(lo, hi)| k.parse::<i64>().is_ok_and(|y| lo <= y && y <= hi));
    let mut v = named(counts, usize::MAX, str::to_string, within);
    v.sort_by(|a, b| {
        let num = |k: &str| k.parse::<i64>().unwrap_or(i64::MAX);
        num(&a.key)
            .cmp(&num(&b.key))
            .then_with(|| a.key.cmp(&b.key))
    });
    v
}

/// The path of a facet as text without the leading `/` (`asia/south-eastern-asia/PH`).
fn path_key(f: &Facet) -> String {
    f.to_path().join("/")
}

impl Facets {
    /// The facets of raw counts; countries and organisations cut at `limit`; the values
    /// `resolved` filters on are marked selected.
    pub(crate) fn from_counts(raw: RawCounts, limit: usize, resolved: &Resolved) -> Facets {
        let places: Vec<String> = resolved.countries.iter().map(path_key).collect();
        let country_selected = |code: &str| {
            places
                .iter()
                .any(|p| p.rsplit('/').next() == Some(code) && p.matches('/').count() == 2)
        };
        let region_selected = |key: &str| places.iter().any(|p| p == key);
        let orgs: Vec<String> = resolved.orgs.iter().map(path_key).collect();
        let org_selected = |code: &str| orgs.iter().any(|o| o == code);
        let source_selected = |s: &str| {
            resolved
                .source
                .as_deref()
                .is_some_and(|x| x.eq_ignore_ascii_case(s))
        };
        Facets {
            countries: named(raw.countries, limit, country_name, country_selected),
            regions: named(raw.regions, usize::MAX, region_name, region_selected),
            years: years(raw.years, resolved.years),
            sources: named(raw.sources, usize::MAX, str::to_string, source_selected),
            orgs: named(raw.orgs, limit, org_name, org_selected),
        }
    }
}
