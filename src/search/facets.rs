//! Facet counts: partner country (with region totals), year, source, organisation.
//!
//! Counts cover the whole result set. They are disjunctive: the counts of a dimension ignore
//! that dimension's own filter, so with `--country PH` the country counts still show what
//! the other countries would give. Dimensions without an active filter are counted in the
//! main pass; each active one costs one extra pass with its filter left out.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use tantivy::collector::{FacetCollector, FacetCounts};
use tantivy::schema::Facet;

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

/// The sub-regions of the gazetteer (`/asia/south-eastern-asia`, ...): the facets whose
/// children are the countries.
fn subregions() -> &'static [Facet] {
    static SUBREGIONS: OnceLock<Vec<Facet>> = OnceLock::new();
    SUBREGIONS.get_or_init(|| {
        let set: BTreeSet<(&str, &str)> = gazetteer::countries()
            .iter()
            .map(|c| (c.region, c.subregion))
            .collect();
        set.into_iter()
            .map(|(r, s)| Facet::from_path([r, s]))
            .collect()
    })
}

/// Collector of partner countries at leaf level (children of every sub-region).
pub(crate) fn country_collector(field_name: &str) -> FacetCollector {
    let mut c = FacetCollector::for_field(field_name);
    for sub in subregions() {
        c.add_facet(sub.clone());
    }
    c
}

/// Collector of the top level of a facet field (regions, years, sources, orgs).
pub(crate) fn root_collector(field_name: &str) -> FacetCollector {
    let mut c = FacetCollector::for_field(field_name);
    c.add_facet(Facet::root());
    c
}

/// The last level of a facet: `PH` for `/asia/south-eastern-asia/PH`.
fn leaf(facet: &Facet) -> String {
    facet
        .to_path()
        .last()
        .copied()
        .unwrap_or_default()
        .to_string()
}

fn by_count(mut v: Vec<FacetCount>, limit: usize) -> Vec<FacetCount> {
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v.truncate(limit);
    v
}

/// Partner country counts with Indonesian names.
pub(crate) fn countries(counts: &FacetCounts, limit: usize) -> Vec<FacetCount> {
    let mut out = Vec::new();
    for sub in subregions() {
        for (facet, count) in counts.get(sub.clone()) {
            let key = leaf(facet);
            let name = gazetteer::country(&key).map_or_else(|| key.clone(), |c| c.name_id.into());
            out.push(FacetCount { key, name, count });
        }
    }
    by_count(out, limit)
}

/// Top-level counts (`/asia`, `/2022`, `/ANTARA`, `/UNOCT`), with `name` for each key.
pub(crate) fn top_level(
    counts: &FacetCounts,
    limit: usize,
    name: impl Fn(&str) -> String,
) -> Vec<FacetCount> {
    let out = counts
        .get(Facet::root())
        .map(|(facet, count)| {
            let key = leaf(facet);
            FacetCount {
                name: name(&key),
                key,
                count,
            }
        })
        .collect();
    by_count(out, limit)
}

/// Year counts in chronological order.
pub(crate) fn years(counts: &FacetCounts) -> Vec<FacetCount> {
    let mut v = top_level(counts, usize::MAX, str::to_string);
    v.sort_by(|a, b| {
        let num = |k: &str| k.parse::<i64>().unwrap_or(i64::MAX);
        num(&a.key)
            .cmp(&num(&b.key))
            .then_with(|| a.key.cmp(&b.key))
    });
    v
}

/// Organisation display name: the Indonesian name from the gazetteer, else the code.
pub(crate) fn org_name(code: &str) -> String {
    gazetteer::org(code).map_or_else(|| code.to_string(), |o| o.name_id.to_string())
}
