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
use tantivy::{BitSet, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use super::conjunction::{
    pad, KthScore, ScoredWords, SegmentAlternatives, SegmentQuery, SegmentWords, Window, BLOCK,
    WINDOW,
};
use super::facet_table::{
    split, Dimension, FacetTables, FieldNames, SegmentFacets, COUNTRY, ORG, PAIRED, SOURCE, YEAR,
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
        // Per pairing and pair, the bits `1 << d` of its dimensions `d` whose filters reject
        // it (not read without filters).
        let fails = std::array::from_fn(|p| {
            let [x, y] = PAIRED[p];
            let fail = |d: usize, set: u32| match &allow[d] {
                Some(allowed) if !allowed[set as usize] => 1u8 << d,
                _ => 0,
            };
            match filtered {
                true => table.pairs[p]
                    .iter()
                    .map(|&[sx, sy]| fail(x, sx) | fail(y, sy))
                    .collect(),
                false => Vec::new(),
            }
        });
        // Without facets, only the total is counted.
        let counts = std::array::from_fn(|p| match self.count_facets {
            true => vec![0; table.pairs[p].len()],
            false => Vec::new(),
        });
        Ok(FacetedSegment {
            inner: self.inner.for_segment(ord, reader)?,
            tally: Tally {
                filtered,
                counting: self.count_facets,
                shift: table.shift,
                fails,
                total: 0,
                counts,
            },
            table,
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
    /// Whether facets are counted (else `counts` is empty, and only the total counted).
    counting: bool,
    /// The segment's [`SegmentFacets::shift`].
    shift: u32,
    /// Per pairing and pair number, the bits `1 << d` of the pair's dimensions `d` whose
    /// filters reject it; empty without filters.
    fails: [Vec<u8>; 2],
    /// Matching documents that meet every filter.
    total: usize,
    /// Per pairing, by pair number: matching documents that meet every filter but at most
    /// one of the pair's own dimensions (see [`FacetedSegment::harvest`]).
    counts: [Vec<u32>; 2],
}

impl Tally {
    /// Counts a matching document whose facet row is `row` if it fails at most one filter
    /// and `confirm` holds (asked only then: it may cost a seek): in the total and every
    /// dimension when it meets every filter, in the dimension of the one filter it fails
    /// otherwise (disjunctive counts). Without `COUNT`, only the total. Whether it meets
    /// every filter. `FILTERED` must be `self.filtered` (a constant, so that the loops
    /// without filters have no filter code).
    #[inline(always)]
    fn admit<const FILTERED: bool, const COUNT: bool>(
        &mut self,
        row: u32,
        confirm: impl FnOnce() -> bool,
    ) -> bool {
        let [a, b] = split(row, self.shift);
        let (fa, fb) = if FILTERED {
            (self.fails[0][a], self.fails[1][b])
        } else {
            (0, 0)
        };
        let failed = fa | fb;
        // Failing two filters or more (or any, without facets): not counted anywhere.
        if FILTERED && failed != 0 && (!COUNT || failed & (failed - 1) != 0) {
            return false;
        }
        if !confirm() {
            return false;
        }
        if COUNT {
            // Failing one filter: counted only in the pairing of that filter's dimension.
            self.counts[0][a] += u32::from(fb == 0);
            self.counts[1][b] += u32::from(fa == 0);
        }
        if FILTERED && failed != 0 {
            return false;
        }
        self.total += 1;
        true
    }

    /// [`admit`](Self::admit) for each of `docs` (matches: nothing to confirm) that is
    /// alive in `alive`, with its row in `rows`; `admitted[i]`: whether `docs[i]` met
    /// every filter. The counters are held in locals for the loop (through `&mut self` they
    /// were read again after every count, and the total's store and load made each document
    /// wait for the one before), and a document's filters decide its counts without a
    /// branch: whether a match meets the filters is as good as random, and the mispredicted
    /// branches were a third of the loop (`terorisme` 2018-2022 at 100k, plain).
    #[inline(always)]
    fn admit_all<const FILTERED: bool, const COUNT: bool>(
        &mut self,
        rows: &[u32],
        alive: Option<&tantivy::fastfield::AliveBitSet>,
        docs: &[DocId],
        admitted: &mut [bool; BLOCK],
    ) {
        let Tally {
            total,
            shift,
            fails: [f0, f1],
            counts: [c0, c1],
            ..
        } = self;
        let (c0, c1, shift) = (c0.as_mut_slice(), c1.as_mut_slice(), *shift);
        let (f0, f1) = (f0.as_slice(), f1.as_slice());
        let mut n = *total;
        for (ok, &doc) in admitted.iter_mut().zip(docs) {
            let live = alive.is_none_or(|a| a.is_alive(doc));
            let [a, b] = match FILTERED || COUNT {
                true => split(rows[doc as usize], shift),
                false => [0, 0],
            };
            if FILTERED {
                let (fa, fb) = (f0[a], f1[b]);
                let failed = fa | fb;
                *ok = live & (failed == 0);
                if COUNT {
                    // At most one filter failed: counted in that filter's pairing only.
                    let counted = live & (failed & failed.wrapping_sub(1) == 0);
                    c0[a] += u32::from(counted & (fb == 0));
                    c1[b] += u32::from(counted & (fa == 0));
                }
            } else {
                *ok = live;
                if COUNT {
                    c0[a] += u32::from(live);
                    c1[b] += u32::from(live);
                }
            }
            n += usize::from(*ok);
        }
        *total = n;
    }

    /// [`admit`](Self::admit) with nothing to confirm.
    #[inline(always)]
    fn count(&mut self, row: u32) -> bool {
        match (self.filtered, self.counting) {
            (true, true) => self.admit::<true, true>(row, || true),
            (true, false) => self.admit::<true, false>(row, || true),
            (false, true) => self.admit::<false, true>(row, || true),
            (false, false) => self.admit::<false, false>(row, || true),
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
        let Some(query) = words.open(reader, !self.tally.filtered)? else {
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
        if w.headline_first() {
            match count_facets {
                false => scan.run_headline_first::<false, _>(&mut w, inner),
                true => scan.run_headline_first::<true, _>(&mut w, inner),
            }
            return Ok(());
        }
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
        if !self.tally.counting {
            let counts = SegmentCounts {
                table: Arc::clone(t),
                buckets: Default::default(),
                regions: Vec::new(),
            };
            return (self.inner.harvest(), self.tally.total, counts);
        }
        let dims = t.dims();
        // Pair counts → set counts. A pair counted with one failing dimension (its
        // documents fail that filter alone) counts in that dimension only.
        let mut sets: [Vec<u64>; 4] = dims.map(|d| vec![0; d.sets.len()]);
        for (p, counts) in self.tally.counts.iter().enumerate() {
            let [x, y] = PAIRED[p];
            for (pair, &n) in counts.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let [sx, sy] = t.pairs[p][pair];
                let failed = self.tally.fails[p].get(pair).copied().unwrap_or(0);
                if failed & (1 << y) == 0 {
                    sets[x][sx as usize] += u64::from(n);
                }
                if failed & (1 << x) == 0 {
                    sets[y][sy as usize] += u64::from(n);
                }
            }
        }
        // Set counts → bucket counts, over the sets that were met.
        let buckets = std::array::from_fn(|d| {
            let mut by_bucket = vec![0u64; dims[d].keys.len()];
            for (set, &n) in sets[d].iter().enumerate() {
                if n > 0 {
                    for &b in dims[d].sets.get(set) {
                        by_bucket[b as usize] += n;
                    }
                }
            }
            by_bucket
        });
        let mut regions = vec![0u64; t.region_keys.len()];
        for (set, &n) in sets[COUNTRY].iter().enumerate() {
            if n > 0 {
                for &r in &t.country_set_regions[set] {
                    regions[r as usize] += n;
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

/// What the matches of one block of the rarest word can score at most.
struct Bounds {
    /// The rarest word's block maximum.
    lead_max: Score,
    /// The headline bonus's bound over the block.
    bonus: Score,
    /// Whether only a match with a headline word may reach the page.
    headline_only: bool,
}

/// The state of [`FacetedSegment::run_words`]'s loops.
struct Scan<'a> {
    rows: &'a [u32],
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
            // Whether only a match with a headline word may reach the page.
            let mut headline_only = false;
            if scoring {
                bonus_bound = w.block_bonus_bound();
                scoring = self
                    .kth
                    .may_enter(w.block_bound(lead_max, Some(bonus_bound)));
                headline_only = OTHERS
                    && w.knows_headlines()
                    && !self.kth.may_enter(w.block_bound(lead_max, Some(0.0)));
            }
            let bounds = Bounds {
                lead_max,
                bonus: bonus_bound,
                headline_only,
            };
            let n = w.block_len();
            if OTHERS {
                // A candidate's other words are sought, then scored, before the next one.
                for i in 0..n {
                    let doc = w.block_doc(i);
                    if self.admit::<FILTERED, COUNT>(doc, || w.matches(doc)) && scoring {
                        self.consider(w, i, doc, &bounds, page);
                    }
                }
            } else {
                // Every document of the block matches: count them all in one tight loop,
                // then bound those that met the filters by their exact headline bonus (one
                // merge of the headline lists with the block) and score the few that pass.
                let mut admitted = [false; BLOCK];
                let docs = w.block_docs();
                self.tally
                    .admit_all::<FILTERED, COUNT>(self.rows, self.alive, docs, &mut admitted);
                if scoring {
                    let mut bonus = [0.0; BLOCK];
                    w.block_bonus(&admitted, &mut bonus);
                    // The documents whose bound reaches the k-th score as it is now, in one
                    // pass without branches (the k-th score only rises while they are
                    // scored: a superset of those that can enter).
                    let kth = self.kth.threshold();
                    let mut candidate = [false; BLOCK];
                    for ((c, &ok), &b) in candidate.iter_mut().zip(&admitted).zip(&bonus) {
                        *c = ok & (pad(lead_max + b) >= kth);
                    }
                    for (i, &c) in candidate.iter().enumerate().take(n) {
                        if !c {
                            continue;
                        }
                        let doc = w.block_doc(i);
                        // The order of tantivy's sum: the word, then the bonus.
                        let score = w.lead_score(i, doc) + bonus[i];
                        if self.kth.may_enter(score) {
                            self.kth.offer(score);
                            page.collect(doc, score);
                        }
                    }
                }
            }
            if !w.next_block() {
                break;
            }
        }
    }

    /// [`run`](Self::run) for one word with its headline term and no filters, where the
    /// headline mostly decides the ranking (the word's own scores hardly differ when it is
    /// common): the headline's documents are scored first, bounded by their exact bonus (a
    /// table lookup as their list is read), which quickly sets a k-th score that the word's
    /// score alone cannot reach; the scan of the word's list then only counts, except in the
    /// blocks whose block maximum could still reach the page. The page gets its documents in
    /// ascending order at the end.
    fn run_headline_first<const COUNT: bool, S: SegmentCollector>(
        &mut self,
        w: &mut SegmentWords,
        page: &mut S,
    ) {
        let mut found: Vec<(DocId, Score)> = Vec::new();
        let mut headline = BitSet::with_max_value(self.rows.len() as DocId);
        let lead_bound = w.lead_max_score();
        while let Some((doc, bonus)) = w.next_headline() {
            headline.insert(doc);
            if !self.kth.may_enter(pad(lead_bound + bonus))
                || self.alive.is_some_and(|a| !a.is_alive(doc))
            {
                continue;
            }
            let Some(lead) = w.lead_score_of(doc) else {
                continue;
            };
            // The order of tantivy's sum: the words, then the bonus.
            let score = lead + bonus;
            if self.kth.may_enter(score) {
                self.kth.offer(score);
                found.push((doc, score));
            }
        }
        while w.block_len() > 0 {
            let n = w.block_len();
            let scoring = self.kth.may_enter(pad(w.lead_block_max()));
            let mut admitted = [false; BLOCK];
            let docs = w.block_docs();
            self.tally
                .admit_all::<false, COUNT>(self.rows, self.alive, docs, &mut admitted);
            if scoring {
                for (i, &ok) in admitted.iter().enumerate().take(n) {
                    let doc = w.block_doc(i);
                    if !ok || headline.contains(doc) {
                        continue;
                    }
                    // No headline word: the word's score is the document's.
                    let score = w.lead_score(i, doc);
                    if self.kth.may_enter(score) {
                        self.kth.offer(score);
                        found.push((doc, score));
                    }
                }
            }
            if !w.next_block() {
                break;
            }
        }
        found.sort_unstable_by_key(|&(doc, _)| doc);
        for (doc, score) in found {
            page.collect(doc, score);
        }
    }

    /// Scores the match `doc` of several words, the `i`-th of the rarest word's block (the
    /// other words' cursors on it), and hands it to `page` if its score may reach the page,
    /// computing no more than `bounds` leave room for.
    #[inline(always)]
    fn consider<S: SegmentCollector>(
        &mut self,
        w: &mut SegmentWords,
        i: usize,
        doc: DocId,
        bounds: &Bounds,
        page: &mut S,
    ) {
        // Where only a headline word can bring a match to the page, its bonus comes first
        // (the bitset and one step in the headline lists): it rarely leaves room. Elsewhere
        // the headline lists are sought only when the words' score leaves room.
        let mut bonus = None;
        if bounds.headline_only {
            if !w.may_have_headline(doc) {
                return;
            }
            let b = w.bonus(doc);
            if !self.kth.may_enter(w.block_bound(bounds.lead_max, Some(b))) {
                return;
            }
            bonus = Some(b);
        }
        let lead = w.lead_score(i, doc);
        let words = w.words_score(lead, doc);
        if bonus.is_none() && !self.kth.may_enter(pad(words + bounds.bonus)) {
            return;
        }
        let score = words + bonus.unwrap_or_else(|| w.bonus(doc));
        if self.kth.may_enter(score) {
            self.kth.offer(score);
            page.collect(doc, score);
        }
    }

    /// [`run`](Self::run) for alternative words: every document with any of them is counted,
    /// and scored when it meets every filter (the page keeps the best). The union is made a
    /// [`Window`] of document ids at a time, and counted a block at a time.
    fn run_any<const FILTERED: bool, const COUNT: bool, S: SegmentCollector>(
        &mut self,
        any: &mut SegmentAlternatives,
        page: &mut S,
    ) {
        let mut window = Window::new(any);
        let mut docs = Vec::with_capacity(WINDOW);
        let mut admitted = [false; BLOCK];
        while any.fill(&mut window) {
            window.take(&mut docs);
            for block in docs.chunks(BLOCK) {
                self.tally.admit_all::<FILTERED, COUNT>(
                    self.rows,
                    self.alive,
                    block,
                    &mut admitted,
                );
                for (&doc, _) in block.iter().zip(&admitted).filter(|(_, &ok)| ok) {
                    let words = any.score(&window, doc);
                    page.collect(doc, words + any.bonus(doc));
                }
            }
            window.clear(&docs);
        }
    }
}
