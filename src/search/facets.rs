//! Facet counts: partner country (with region totals), year, source, organisation.
//!
//! Counts cover the whole result set. They are disjunctive: the counts of a dimension ignore
//! that dimension's own filter, so with `--country PH` the country counts still show what
//! the other countries would give. All dimensions are counted in the pass that finds the
//! hits (see [`super::faceted`]).

use serde::{Deserialize, Serialize};

use super::faceted::RawCounts;
use crate::extract::gazetteer;

/// One value of a facet and the number of matching articles that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value: ISO code (`PH`), year (`2022`), publisher (`ANTARA`), org code (`UNOCT`),
    /// region slug (`asia`).
    pub key: String,
    /// The display name: the Indonesian name of a country or organisation, else the key.
    pub name: String,
    /// Matching articles with this value.
    pub count: u64,
}

/// Facet counts of a search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Partner countries, most frequent first (at most the request's `facet_limit`).
    pub countries: Vec<FacetCount>,
    /// Partner regions (`asia`, `europe`, ...), most frequent first: an article with two
    /// partners in the same region counts once.
    pub regions: Vec<FacetCount>,
    /// Publication years, in chronological order.
    pub years: Vec<FacetCount>,
    /// Publishers, most frequent first.
    pub sources: Vec<FacetCount>,
    /// Partner organisations, most frequent first (at most the request's `facet_limit`).
    pub orgs: Vec<FacetCount>,
}

/// Counts by key to facet counts with display names, most frequent first (ties by key);
/// only the `limit` kept are named.
fn named(
    mut counts: Vec<(String, u64)>,
    limit: usize,
    name: impl Fn(&str) -> String,
) -> Vec<FacetCount> {
    counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(limit);
    counts
        .into_iter()
        .map(|(key, count)| FacetCount {
            name: name(&key),
            key,
            count,
        })
        .collect()
}

/// Country display name: the Indonesian name from the gazetteer, else the code.
fn country_name(code: &str) -> String {
    gazetteer::country(code).map_or_else(|| code.to_string(), |c| c.name_id.to_string())
}

/// Organisation display name: the Indonesian name from the gazetteer, else the code.
pub(crate) fn org_name(code: &str) -> String {
    gazetteer::org(code).map_or_else(|| code.to_string(), |o| o.name_id.to_string())
}

/// Year counts in chronological order.
fn years(counts: Vec<(String, u64)>) -> Vec<FacetCount> {
    let mut v = named(counts, usize::MAX, str::to_string);
    v.sort_by(|a, b| {
        let num = |k: &str| k.parse::<i64>().unwrap_or(i64::MAX);
        num(&a.key)
            .cmp(&num(&b.key))
            .then_with(|| a.key.cmp(&b.key))
    });
    v
}

impl Facets {
    /// The facets of raw counts; countries and organisations cut at `limit`.
    pub(crate) fn from_counts(raw: RawCounts, limit: usize) -> Facets {
        Facets {
            countries: named(raw.countries, limit, country_name),
            regions: named(raw.regions, usize::MAX, str::to_string),
            years: years(raw.years),
            sources: named(raw.sources, usize::MAX, str::to_string),
            orgs: named(raw.orgs, limit, org_name),
        }
    }
}
