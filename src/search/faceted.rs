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

use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::schema::Facet;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use super::conjunction::{
    pad, KthScore, ScoredWords, SegmentAlternatives, SegmentQuery, SegmentWords,
};
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

/// Raw facet counts by key (each key once, in no order), merged over segments.
#[derive(Debug, Default)]
pub(crate) struct RawCounts {
    pub countries: Vec<(String, u64)>,
    pub regions: Vec<(String, u64)>,
    pub years: Vec<(String, u64)>,
    pub sources: Vec<(String, u64)>,
    pub orgs: Vec<(String, u64)>,
}

/// Counts the total and the facets, and feeds the documents that meet all filters to
/// `inner`: see the module docs.
pub(crate) struct Faceted<'a, C> {
    pub inner: C,
    pub tables: &'a FacetTables,
    pub names: FieldNames<'a>,
    pub filters: &'a FacetFilters,
    /// The text query as words, when it is only words: run on their posting lists (see
    /// `conjunction`) instead of through the query's scorer, when scores are needed.
    pub words: Option<&'a ScoredWords>,
    /// The number of best-scored documents the page needs (offset + limit).
    pub top: usize,
    /// Whether facets are counted; without, a words-only query's matches are only counted
    /// in the total (the filters still apply).
    pub count_facets: bool,
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
        // Per dimension and set, the bit of the dimension when its filter rejects the set.
        let fails = std::array::from_fn(|d| match &allow[d] {
            Some(allowed) => allowed
                .iter()
                .map(|&ok| if ok { 0 } else { 1 << d })
                .collect(),
            None => vec![0; table.dims()[d].sets.len()],
        });
        let counts = std::array::from_fn(|d| vec![0; table.dims()[d].sets.len()]);
        Ok(FacetedSegment {
            inner: self.inner.for_segment(ord, reader)?,
            table,
            tally: Tally {
                filtered,
                fails,
                total: 0,
                counts,
            },
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
        match (child.tally.filtered, reader.alive_bitset(), scoring) {
            (_, _, true) if self.words.is_some() => {
                if let Some(words) = self.words {
                    child.run_words(words, reader, self.top, self.count_facets)?;
                }
            }
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
    let mut by_key: [FxHashMap<&str, u64>; 5] = Default::default();
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
    let mut owned = |d: usize| -> Vec<(String, u64)> {
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
    tally: Tally,
}

/// The filters and counts of one segment.
struct Tally {
    /// Whether any dimension has a filter.
    filtered: bool,
    /// Per dimension `d` and set number, `1 << d` when `d`'s filter rejects the set (0
    /// without a filter).
    fails: [Vec<u8>; 4],
    /// Matching documents that meet every filter.
    total: usize,
    /// Per dimension, matching documents by set number.
    counts: [Vec<u32>; 4],
}

impl Tally {
    /// Counts a matching document whose sets are `row` if it fails at most one filter and
    /// `confirm` holds (asked only then: it may cost a seek): in the total and every
    /// dimension when it meets every filter, in the dimension of the one filter it fails
    /// otherwise (disjunctive counts). Without `COUNT`, only the total. Whether it meets
    /// every filter. `FILTERED` must be `self.filtered` (a constant, so that the loops
    /// without filters have no filter code).
    #[inline(always)]
    fn admit<const FILTERED: bool, const COUNT: bool>(
        &mut self,
        Row(sets): Row,
        confirm: impl FnOnce() -> bool,
    ) -> bool {
        let sets = sets.map(|s| s as usize);
        let failed = if FILTERED {
            let [f0, f1, f2, f3] = &self.fails;
            f0[sets[0]] | f1[sets[1]] | f2[sets[2]] | f3[sets[3]]
        } else {
            0
        };
        // Failing two filters or more (or any, without facets): not counted anywhere.
        if FILTERED && failed != 0 && (!COUNT || failed & (failed - 1) != 0) {
            return false;
        }
        if !confirm() {
            return false;
        }
        let [c0, c1, c2, c3] = &mut self.counts;
        if FILTERED && failed != 0 {
            match failed {
                1 => c0[sets[0]] += 1,
                2 => c1[sets[1]] += 1,
                4 => c2[sets[2]] += 1,
                _ => c3[sets[3]] += 1,
            }
            return false;
        }
        self.total += 1;
        if COUNT {
            c0[sets[0]] += 1;
            c1[sets[1]] += 1;
            c2[sets[2]] += 1;
            c3[sets[3]] += 1;
        }
        true
    }

    /// [`admit`](Self::admit) with facets counted and nothing to confirm.
    #[inline(always)]
    fn count(&mut self, row: Row) -> bool {
        if self.filtered {
            self.admit::<true, true>(row, || true)
        } else {
            self.admit::<false, true>(row, || true)
        }
    }
}

impl<S: SegmentCollector> FacetedSegment<S> {
    /// Runs a words-only query on its posting lists (see `conjunction`): every match is
    /// counted; a match that meets every filter is scored and handed to the page only if
    /// its score bound reaches the `top`-th best score so far.
    fn run_words(
        &mut self,
        words: &ScoredWords,
        reader: &SegmentReader,
        top: usize,
        count_facets: bool,
    ) -> tantivy::Result<()> {
        let Some(query) = words.open(reader)? else {
            return Ok(());
        };
        let FacetedSegment {
            inner,
            table,
            tally,
        } = self;
        let filtered = tally.filtered;
        let mut scan = Scan {
            rows: &table.rows,
            alive: reader.alive_bitset(),
            kth: KthScore::new(top),
            tally,
        };
        let mut w = match query {
            SegmentQuery::All(w) => *w,
            SegmentQuery::Any(mut any) => {
                match (filtered, count_facets) {
                    (false, false) => scan.run_any::<false, false, _>(&mut any, inner),
                    (false, true) => scan.run_any::<false, true, _>(&mut any, inner),
                    (true, false) => scan.run_any::<true, false, _>(&mut any, inner),
                    (true, true) => scan.run_any::<true, true, _>(&mut any, inner),
                }
                return Ok(());
            }
        };
        // One loop per combination of filters, other words and facet counting, each without
        // the branches it does not need.
        match (filtered, w.has_others(), count_facets) {
            (false, false, false) => scan.run::<false, false, false, _>(&mut w, inner),
            (false, false, true) => scan.run::<false, false, true, _>(&mut w, inner),
            (false, true, false) => scan.run::<false, true, false, _>(&mut w, inner),
            (false, true, true) => scan.run::<false, true, true, _>(&mut w, inner),
            (true, false, false) => scan.run::<true, false, false, _>(&mut w, inner),
            (true, false, true) => scan.run::<true, false, true, _>(&mut w, inner),
            (true, true, false) => scan.run::<true, true, false, _>(&mut w, inner),
            (true, true, true) => scan.run::<true, true, true, _>(&mut w, inner),
        }
        Ok(())
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
            if alive.is_none_or(|a| a.is_alive(doc))
                && self.tally.count(self.table.rows[doc as usize])
            {
                let score = if scoring { scorer.score() } else { 0.0 };
                self.inner.collect(doc, score);
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
        if self.tally.count(self.table.rows[doc as usize]) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        let t = &self.table;
        let dims = t.dims();
        // Set counts → bucket counts, over the sets that were met.
        let buckets = std::array::from_fn(|d| {
            let mut by_bucket = vec![0u64; dims[d].keys.len()];
            for (set, &n) in self.tally.counts[d].iter().enumerate() {
                if n > 0 {
                    for &b in dims[d].sets.get(set) {
                        by_bucket[b as usize] += u64::from(n);
                    }
                }
            }
            by_bucket
        });
        let mut regions = vec![0u64; t.region_keys.len()];
        for (set, &n) in self.tally.counts[COUNTRY].iter().enumerate() {
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
        (self.inner.harvest(), self.tally.total, counts)
    }
}

/// The state of [`FacetedSegment::run_words`]'s loops.
struct Scan<'a> {
    rows: &'a [Row],
    alive: Option<&'a tantivy::fastfield::AliveBitSet>,
    kth: KthScore,
    tally: &'a mut Tally,
}

impl Scan<'_> {
    /// [`Tally::admit`] for the match `doc`, if it is alive.
    #[inline(always)]
    fn admit<const FILTERED: bool, const COUNT: bool>(
        &mut self,
        doc: DocId,
        confirm: impl FnOnce() -> bool,
    ) -> bool {
        if self.alive.is_some_and(|a| !a.is_alive(doc)) {
            return false;
        }
        self.tally
            .admit::<FILTERED, COUNT>(self.rows[doc as usize], confirm)
    }

    /// Visits every candidate of `w`: counts it (see [`admit`](Self::admit)) and hands it
    /// to `page` if it meets every filter and its score bound reaches the page. `OTHERS`: a
    /// candidate must be confirmed by the other words.
    fn run<const FILTERED: bool, const OTHERS: bool, const COUNT: bool, S: SegmentCollector>(
        &mut self,
        w: &mut SegmentWords,
        page: &mut S,
    ) {
        while w.block_len() > 0 {
            let lead_max = w.lead_block_max();
            // Whether a match in this block may reach the page at all: else it is only
            // counted, and the headline lists are not read. First from BM25's bounds alone,
            // then with the headline lists' block maxima over the block.
            let mut scoring = self.kth.may_enter(w.block_bound(lead_max, None));
            let mut bonus_bound = 0.0;
            if scoring {
                bonus_bound = w.block_bonus_bound();
                scoring = self
                    .kth
                    .may_enter(w.block_bound(lead_max, Some(bonus_bound)));
            }
            for i in 0..w.block_len() {
                let doc = w.block_doc(i);
                if !self.admit::<FILTERED, COUNT>(doc, || !OTHERS || w.matches(doc)) || !scoring {
                    continue;
                }
                // The headline lists are sought only when the words' score leaves room.
                let lead = w.lead_score(i, doc);
                let words = if OTHERS {
                    w.words_score(lead, doc)
                } else {
                    lead
                };
                if !self.kth.may_enter(pad(words + bonus_bound)) {
                    continue;
                }
                let score = words + w.bonus(doc);
                if self.kth.may_enter(score) {
                    self.kth.offer(score);
                    page.collect(doc, score);
                }
            }
            if !w.next_block() {
                break;
            }
        }
    }

    /// [`run`](Self::run) for alternative words: every document with any of them is counted,
    /// and scored when it meets every filter (the page keeps the best).
    fn run_any<const FILTERED: bool, const COUNT: bool, S: SegmentCollector>(
        &mut self,
        any: &mut SegmentAlternatives,
        page: &mut S,
    ) {
        loop {
            let (doc, words) = any.next();
            if doc == TERMINATED {
                break;
            }
            if self.admit::<FILTERED, COUNT>(doc, || !any.excluded(doc)) {
                page.collect(doc, words + any.bonus(doc));
            }
        }
    }
}
