//! One collection pass for the total and the disjunctive facet counts (and, when asked, the
//! page of hits).
//!
//! The query runs without its facet filters (country, year, source, organisation); the
//! collector checks each matching document against the filters in the segment's
//! [`SegmentFacets`] table and
//!
//! - passes it to the inner collector (the page), counts it in the total and in every facet
//!   when it meets all filters;
//! - counts it only in dimension *d* when it fails *d*'s filter alone: the disjunctive count
//!   of *d* is over the documents that meet every filter but *d*'s own;
//! - skips it when it fails two filters or more.
//!
//! So a search with facets costs one pass whatever the number of active filters.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::facet_table::{Dimension, FacetTables, FieldNames, SegmentFacets};

/// The facet filters of a search, as facets (a facet covers its descendants) or a year range.
#[derive(Debug, Clone, Default)]
pub(crate) struct FacetFilters {
    /// Partner countries or regions.
    pub countries: Option<Vec<Facet>>,
    /// Inclusive year range.
    pub years: Option<(i64, i64)>,
    /// Publisher.
    pub source: Option<Vec<Facet>>,
    /// Partner organisations.
    pub orgs: Option<Vec<Facet>>,
}

/// Raw facet counts by key, merged over segments.
#[derive(Debug, Default)]
pub(crate) struct RawCounts {
    pub countries: HashMap<String, u64>,
    pub regions: HashMap<String, u64>,
    pub years: HashMap<String, u64>,
    pub sources: HashMap<String, u64>,
    pub orgs: HashMap<String, u64>,
}

impl RawCounts {
    fn add(&mut self, other: RawCounts) {
        let pairs = [
            (&mut self.countries, other.countries),
            (&mut self.regions, other.regions),
            (&mut self.years, other.years),
            (&mut self.sources, other.sources),
            (&mut self.orgs, other.orgs),
        ];
        for (into, from) in pairs {
            for (k, n) in from {
                *into.entry(k).or_insert(0) += n;
            }
        }
    }
}

/// Counts the total and the facets, and feeds the documents that meet all filters to
/// `inner`: see the module docs.
pub(crate) struct Faceted<'a, C> {
    pub inner: C,
    pub tables: &'a FacetTables,
    pub names: FieldNames<'a>,
    pub filters: &'a FacetFilters,
}

/// Dimension numbers, for the filter bookkeeping.
const COUNTRY: usize = 0;
const YEAR: usize = 1;
const SOURCE: usize = 2;
const ORG: usize = 3;

impl<C: Collector> Collector for Faceted<'_, C> {
    type Fruit = (C::Fruit, usize, RawCounts);
    type Child = FacetedSegment<C::Child>;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let table = self.tables.get(reader, &self.names)?;
        let f = self.filters;
        let allow = [
            f.countries.as_deref().map(|c| table.country.allowed(c)),
            f.years.map(|(lo, hi)| years_allowed(&table.year, lo, hi)),
            f.source.as_deref().map(|s| table.source.allowed(s)),
            f.orgs.as_deref().map(|o| table.org.allowed(o)),
        ];
        let counts = Counts {
            country: vec![0; table.country.keys.len()],
            region: vec![0; table.region_keys.len()],
            year: vec![0; table.year.keys.len()],
            source: vec![0; table.source.keys.len()],
            org: vec![0; table.org.keys.len()],
        };
        Ok(FacetedSegment {
            inner: self.inner.for_segment(ord, reader)?,
            table,
            allow,
            total: 0,
            counts,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut inner = Vec::with_capacity(fruits.len());
        let mut total = 0;
        let mut counts = RawCounts::default();
        for (fruit, n, c) in fruits {
            inner.push(fruit);
            total += n;
            counts.add(c);
        }
        Ok((self.inner.merge_fruits(inner)?, total, counts))
    }
}

/// Year buckets whose year is within `lo..=hi`.
fn years_allowed(dim: &Dimension, lo: i64, hi: i64) -> Vec<bool> {
    dim.keys
        .iter()
        .map(|k| k.parse::<i64>().is_ok_and(|y| lo <= y && y <= hi))
        .collect()
}

/// Per-bucket counts of one segment.
struct Counts {
    country: Vec<u64>,
    region: Vec<u64>,
    year: Vec<u64>,
    source: Vec<u64>,
    org: Vec<u64>,
}

/// The segment side of [`Faceted`].
pub(crate) struct FacetedSegment<S> {
    inner: S,
    table: Arc<SegmentFacets>,
    /// Per dimension, the buckets its filter lets through (`None`: no filter).
    allow: [Option<Vec<bool>>; 4],
    total: usize,
    counts: Counts,
}

#[inline]
fn bump(counts: &mut [u64], buckets: &[u16]) {
    for &b in buckets {
        counts[b as usize] += 1;
    }
}

impl Counts {
    fn countries(&mut self, countries: &[u16], region_of: &[u16]) {
        bump(&mut self.country, countries);
        for (i, &c) in countries.iter().enumerate() {
            let r = region_of[c as usize];
            // Two partners in one region count the region once.
            if !countries[..i].iter().any(|&p| region_of[p as usize] == r) {
                self.region[r as usize] += 1;
            }
        }
    }
}

impl<S: SegmentCollector> SegmentCollector for FacetedSegment<S> {
    type Fruit = (S::Fruit, usize, RawCounts);

    fn collect(&mut self, doc: DocId, score: Score) {
        let FacetedSegment {
            inner,
            table,
            allow,
            total,
            counts,
        } = self;
        let values = [
            table.country.column.get(doc),
            table.year.column.get(doc),
            table.source.column.get(doc),
            table.org.column.get(doc),
        ];
        let mut failed = 0;
        let mut which = 0;
        for (dim, allow) in allow.iter().enumerate() {
            if let Some(allow) = allow {
                if !values[dim].iter().any(|&b| allow[b as usize]) {
                    failed += 1;
                    which = dim;
                }
            }
        }
        match failed {
            0 => {
                inner.collect(doc, score);
                *total += 1;
                counts.countries(values[COUNTRY], &table.region_of);
                bump(&mut counts.year, values[YEAR]);
                bump(&mut counts.source, values[SOURCE]);
                bump(&mut counts.org, values[ORG]);
            }
            1 => match which {
                COUNTRY => counts.countries(values[COUNTRY], &table.region_of),
                YEAR => bump(&mut counts.year, values[YEAR]),
                SOURCE => bump(&mut counts.source, values[SOURCE]),
                _ => bump(&mut counts.org, values[ORG]),
            },
            _ => {}
        }
    }

    fn harvest(self) -> Self::Fruit {
        let keyed = |counts: Vec<u64>, keys: &[String]| -> HashMap<String, u64> {
            counts
                .into_iter()
                .zip(keys)
                .filter(|(n, _)| *n > 0)
                .map(|(n, k)| (k.clone(), n))
                .collect()
        };
        let t = &self.table;
        let raw = RawCounts {
            countries: keyed(self.counts.country, &t.country.keys),
            regions: keyed(self.counts.region, &t.region_keys),
            years: keyed(self.counts.year, &t.year.keys),
            sources: keyed(self.counts.source, &t.source.keys),
            orgs: keyed(self.counts.org, &t.org.keys),
        };
        (self.inner.harvest(), self.total, raw)
    }
}
