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
use tantivy::query::Weight;
use tantivy::schema::Facet;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use super::facet_table::{
    Dimension, FacetTables, FieldNames, Row, SegmentFacets, COUNTRY, ORG, SOURCE, YEAR,
};

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

/// Counts the total and the facets, and feeds the documents that meet all filters to
/// `inner`: see the module docs.
pub(crate) struct Faceted<'a, C> {
    pub inner: C,
    pub tables: &'a FacetTables,
    pub names: FieldNames<'a>,
    pub filters: &'a FacetFilters,
}

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
        let filtered = allow.iter().any(Option::is_some);
        // A dimension without a filter allows every set.
        let allow = std::array::from_fn(|d| {
            allow[d]
                .clone()
                .unwrap_or_else(|| vec![true; table.dims()[d].sets.len()])
        });
        let counts = std::array::from_fn(|d| vec![0; table.dims()[d].sets.len()]);
        Ok(FacetedSegment {
            inner: self.inner.for_segment(ord, reader)?,
            table,
            filtered,
            allow,
            total: 0,
            counts,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<<Self::Child as SegmentCollector>::Fruit> {
        let mut child = self.for_segment(ord, reader)?;
        let scoring = self.requires_scoring();
        match (child.filtered, reader.alive_bitset(), scoring) {
            (true, _, _) => child.run_filtered(weight, reader, scoring)?,
            // As tantivy's own collection loop, without filters.
            (false, None, true) => weight.for_each(reader, &mut |doc, score| {
                child.collect(doc, score);
            })?,
            (false, Some(alive), true) => weight.for_each(reader, &mut |doc, score| {
                if alive.is_alive(doc) {
                    child.collect(doc, score);
                }
            })?,
            (false, alive, false) => weight.for_each_no_score(reader, &mut |docs| {
                for &doc in docs {
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        child.collect(doc, 0.0);
                    }
                }
            })?,
        }
        Ok(child.harvest())
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut inner = Vec::with_capacity(fruits.len());
        let mut total = 0;
        let mut segments = Vec::with_capacity(fruits.len());
        for (fruit, n, c) in fruits {
            inner.push(fruit);
            total += n;
            segments.push(c);
        }
        Ok((self.inner.merge_fruits(inner)?, total, merge(&segments)))
    }
}

/// The counts of one segment by bucket, keyed by its table.
pub(crate) struct SegmentCounts {
    table: Arc<SegmentFacets>,
    /// Per dimension ([`COUNTRY`]...), matching documents by bucket.
    buckets: [Vec<u64>; 4],
    /// Matching documents by region.
    regions: Vec<u64>,
}

/// The index of the region counts beside the dimensions in [`merge`].
const REGIONS: usize = 4;

/// Sums the segments' counts by key (bucket numbers differ between segments, keys do not).
fn merge(segments: &[SegmentCounts]) -> RawCounts {
    let mut by_key: [HashMap<&str, u64>; 5] = Default::default();
    for c in segments {
        let dims = c.table.dims();
        let named = (0..4)
            .map(|d| (&c.buckets[d], &dims[d].keys))
            .chain(std::iter::once((&c.regions, &c.table.region_keys)));
        for (into, (counts, keys)) in by_key.iter_mut().zip(named) {
            for (n, key) in counts.iter().zip(keys) {
                if *n > 0 {
                    *into.entry(key.as_str()).or_insert(0) += n;
                }
            }
        }
    }
    let mut owned = |d: usize| -> HashMap<String, u64> {
        std::mem::take(&mut by_key[d])
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect()
    };
    RawCounts {
        countries: owned(COUNTRY),
        years: owned(YEAR),
        sources: owned(SOURCE),
        orgs: owned(ORG),
        regions: owned(REGIONS),
    }
}

/// Year sets whose year is within `lo..=hi`.
fn years_allowed(dim: &Dimension, lo: i64, hi: i64) -> Vec<bool> {
    dim.sets_with(|b| {
        dim.keys[b as usize]
            .parse::<i64>()
            .is_ok_and(|y| lo <= y && y <= hi)
    })
}

/// The segment side of [`Faceted`].
pub(crate) struct FacetedSegment<S> {
    inner: S,
    table: Arc<SegmentFacets>,
    /// Whether any dimension has a filter.
    filtered: bool,
    /// Per dimension, the sets its filter lets through (all when it has none).
    allow: [Vec<bool>; 4],
    total: usize,
    /// Per dimension, matching documents by set number.
    counts: [Vec<u32>; 4],
}

impl<S> FacetedSegment<S> {
    /// Whether a document with these sets meets every filter; one that fails a single
    /// dimension's filter is counted in that dimension here.
    #[inline(always)]
    fn passes(&mut self, sets: [u32; 4]) -> bool {
        let mut failed = 0;
        let mut which = 0;
        for (dim, allow) in self.allow.iter().enumerate() {
            if !allow[sets[dim] as usize] {
                failed += 1;
                which = dim;
            }
        }
        if failed == 1 {
            self.counts[which][sets[which] as usize] += 1;
        }
        failed == 0
    }
}

impl<S: SegmentCollector> FacetedSegment<S> {
    /// Counts a document that meets every filter, and hands it to the page.
    #[inline(always)]
    fn take(&mut self, doc: DocId, score: Score, sets: [u32; 4]) {
        self.inner.collect(doc, score);
        self.total += 1;
        for (counts, set) in self.counts.iter_mut().zip(sets) {
            counts[set as usize] += 1;
        }
    }

    /// Runs `weight` over the segment, scoring only the documents that meet every filter
    /// (with filters, most matches are only counted in one dimension, or skipped).
    fn run_filtered(
        &mut self,
        weight: &dyn Weight,
        reader: &SegmentReader,
        scoring: bool,
    ) -> tantivy::Result<()> {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let Row(sets) = self.table.rows[doc as usize];
                if self.passes(sets) {
                    let score = if scoring { scorer.score() } else { 0.0 };
                    self.take(doc, score, sets);
                }
            }
            doc = scorer.advance();
        }
        Ok(())
    }
}

impl<S: SegmentCollector> SegmentCollector for FacetedSegment<S> {
    type Fruit = (S::Fruit, usize, SegmentCounts);

    // Called for every match: inlined into tantivy's per-document callback.
    #[inline(always)]
    fn collect(&mut self, doc: DocId, score: Score) {
        let Row(sets) = self.table.rows[doc as usize];
        if self.filtered && !self.passes(sets) {
            return;
        }
        self.take(doc, score, sets);
    }

    fn harvest(self) -> Self::Fruit {
        let t = &self.table;
        let dims = t.dims();
        // Set counts → bucket counts, over the sets that were met.
        let buckets = std::array::from_fn(|d| {
            let mut by_bucket = vec![0u64; dims[d].keys.len()];
            for (set, &n) in self.counts[d].iter().enumerate() {
                if n > 0 {
                    for &b in dims[d].sets.get(set) {
                        by_bucket[b as usize] += u64::from(n);
                    }
                }
            }
            by_bucket
        });
        let mut regions = vec![0u64; t.region_keys.len()];
        for (set, &n) in self.counts[COUNTRY].iter().enumerate() {
            if n > 0 {
                for &r in &t.country_set_regions[set] {
                    regions[r as usize] += u64::from(n);
                }
            }
        }
        let counts = SegmentCounts {
            table: Arc::clone(&self.table),
            buckets,
            regions,
        };
        (self.inner.harvest(), self.total, counts)
    }
}
