//! Word queries run on the posting lists directly: the common searches of words that must
//! all occur, or of alternative words (`a OR b`), with words that must not occur, plus the
//! headline bonus.
//!
//! A search with facets must visit every match, to count it; only the page needs scores.
//! Through tantivy's collector interface every match is also scored, through boxed scorers
//! (the required/optional scorer of the headline bonus over an intersection or union of term
//! scorers): about half the cost of a dense query. Tantivy's own block-max pruning
//! (`Weight::for_each_pruning`) skips documents, so it cannot count them, and does not apply
//! to a required/optional query anyway.
//!
//! Here the words' posting lists are read block by block ([`BlockSegmentPostings`], public
//! tantivy API) by concrete cursors, so that visiting a match is a few inlined reads. For
//! required words, a match is scored only if its upper bound (its exact headline bonus plus
//! the block-max BM25 of each word's current block, from the skip data) can reach the page:
//! the k-th best score so far. Scores are tantivy's to the bit: the same [`Bm25Weight`]s,
//! summed in the order tantivy sums them (an intersection in ascending document frequency, a
//! union and the headline terms in query order), so a search ranks the same whichever way it
//! runs; tests compare both ways.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{Bm25Weight, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, Score, Searcher, SegmentReader, Term};

/// The words of a query that is only words in one field: all of `must` (or, when `must` is
/// empty, any of `should`), none of `must_not`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Words {
    /// Words that must occur, in query order (a repeated word counts twice, as in tantivy).
    pub must: Vec<Term>,
    /// Words of which one must occur (`a OR b`), in query order; empty when `must` is not.
    pub should: Vec<Term>,
    /// Words that must not occur.
    pub must_not: Vec<Term>,
}

impl Words {
    /// The words of `query` if it is a word, a boolean query of words that must or must not
    /// occur (at least one must), or a boolean query of alternative words (`a OR b`, and
    /// words that must not occur) in `field`; `None` for anything else (phrases, mixed
    /// clauses, other fields), which runs through tantivy's scorers.
    pub fn of(query: &dyn Query, field: Field) -> Option<Words> {
        let mut words = Words {
            must: Vec::new(),
            should: Vec::new(),
            must_not: Vec::new(),
        };
        if let Some(b) = query.downcast_ref::<BooleanQuery>() {
            if b.get_minimum_number_should_match() > 1 {
                // Most of the words (a relaxed search): tantivy's scorers.
                return None;
            }
            let clauses = b.clauses();
            let is_word = |q: &dyn Query| {
                q.downcast_ref::<TermQuery>()
                    .filter(|t| t.term().field() == field)
                    .map(|t| t.term().clone())
            };
            let alternatives = clauses.iter().any(|(o, _)| *o == Occur::Should)
                && clauses
                    .iter()
                    .all(|(o, q)| *o != Occur::Must && is_word(&**q).is_some());
            if alternatives {
                for (o, q) in clauses {
                    let term = is_word(&**q)?;
                    match o {
                        Occur::Should => words.should.push(term),
                        _ if !words.must_not.contains(&term) => words.must_not.push(term),
                        _ => {}
                    }
                }
                if words.should.len() == 1 {
                    words.must = std::mem::take(&mut words.should);
                }
                return Some(words);
            }
        }
        words.add(query, Occur::Must, field)?;
        (!words.must.is_empty()).then_some(words)
    }

    fn add(&mut self, query: &dyn Query, occur: Occur, field: Field) -> Option<()> {
        if let Some(t) = query.downcast_ref::<TermQuery>() {
            let term = t.term();
            if term.field() != field {
                return None;
            }
            match occur {
                Occur::Must => self.must.push(term.clone()),
                Occur::MustNot if !self.must_not.contains(term) => self.must_not.push(term.clone()),
                Occur::MustNot => {}
                Occur::Should => return None,
            }
            return Some(());
        }
        let b = query.downcast_ref::<BooleanQuery>()?;
        if occur != Occur::Must || b.clauses().is_empty() {
            return None;
        }
        for (o, q) in b.clauses() {
            match o {
                Occur::Must => self.add(&**q, Occur::Must, field)?,
                // Only a word can be excluded here: `-(a b)` excludes documents with both.
                Occur::MustNot if q.downcast_ref::<TermQuery>().is_some() => {
                    self.add(&**q, Occur::MustNot, field)?
                }
                _ => return None,
            }
        }
        Some(())
    }
}

/// [`Words`] with their BM25 weights over the searcher, and the headline bonus: the words'
/// weights in the headline field, boosted.
pub(crate) struct ScoredWords {
    must: Vec<(Term, TermWeight)>,
    should: Vec<(Term, TermWeight)>,
    must_not: Vec<Term>,
    bonus: Vec<(Term, TermWeight)>,
}

impl ScoredWords {
    /// Weighs `words` as tantivy would for this searcher; `bonus` are the headline terms of
    /// the bonus clause, in its order, each with its boost.
    pub fn new(
        searcher: &Searcher,
        words: &Words,
        bonus: &[(Term, Score)],
    ) -> tantivy::Result<ScoredWords> {
        let bm25 = |t: &Term| Bm25Weight::for_terms(searcher, std::slice::from_ref(t));
        let weigh = |t: &Term| bm25(t).map(TermWeight::new);
        Ok(ScoredWords {
            must: words
                .must
                .iter()
                .map(|t| Ok((t.clone(), weigh(t)?)))
                .collect::<tantivy::Result<_>>()?,
            should: words
                .should
                .iter()
                .map(|t| Ok((t.clone(), weigh(t)?)))
                .collect::<tantivy::Result<_>>()?,
            must_not: words.must_not.clone(),
            bonus: bonus
                .iter()
                .map(|(t, boost)| Ok((t.clone(), TermWeight::new(bm25(t)?.boost_by(*boost)))))
                .collect::<tantivy::Result<_>>()?,
        })
    }

    /// Opens the cursors of one segment; `None` when no document of it can match.
    /// `unfiltered`: the search has no filter, so one word may score its headline's
    /// documents first (see [`SegmentWords::headline_first`]).
    pub fn open(
        &self,
        reader: &SegmentReader,
        unfiltered: bool,
    ) -> tantivy::Result<Option<SegmentQuery>> {
        if self.should.is_empty() {
            return Ok(self
                .open_all(reader, unfiltered)?
                .map(|w| SegmentQuery::All(Box::new(w))));
        }
        let terms = self.should.iter().map(|(t, w)| (t, w));
        let words = cursors(reader, terms, IndexRecordOption::WithFreqs)?;
        if words.is_empty() {
            return Ok(None);
        }
        let weight = &self.should[0].1;
        Ok(Some(SegmentQuery::Any(SegmentAlternatives {
            words,
            excluded: self.excluded(reader, weight)?,
            bonus: self.bonus(reader)?,
        })))
    }

    /// The cursors of the excluded words (`weight` is not used: they are not scored).
    fn excluded(
        &self,
        reader: &SegmentReader,
        weight: &TermWeight,
    ) -> tantivy::Result<Vec<Cursor>> {
        let terms = self.must_not.iter().map(|t| (t, weight));
        cursors(reader, terms, IndexRecordOption::Basic)
    }

    /// The cursors of the headline terms of the bonus.
    fn bonus(&self, reader: &SegmentReader) -> tantivy::Result<Vec<Cursor>> {
        let terms = self.bonus.iter().map(|(t, w)| (t, w));
        cursors(reader, terms, IndexRecordOption::WithFreqs)
    }

    /// [`open`](Self::open) for words that must all occur; `None` when one is absent.
    fn open_all(
        &self,
        reader: &SegmentReader,
        unfiltered: bool,
    ) -> tantivy::Result<Option<SegmentWords>> {
        let mut must = Vec::with_capacity(self.must.len());
        for (term, weight) in &self.must {
            match Cursor::open(reader, term, weight, IndexRecordOption::WithFreqs)? {
                Some(c) => must.push(c),
                None => return Ok(None),
            }
        }
        // Tantivy intersects (and sums) in ascending document frequency; the sort is stable.
        must.sort_by_key(|c| c.block.doc_freq());
        let lead = must.remove(0);
        let excluded = self.excluded(reader, &self.must[0].1)?;
        let bonus = self.bonus(reader)?;
        // One word and its headline, no filters: a second cursor on the word scores the
        // headline's documents ahead of the scan (see `headline_first`).
        let one_word = unfiltered && must.is_empty() && excluded.is_empty();
        let lead_again = match (one_word, &bonus[..]) {
            (true, [_]) => {
                let (term, weight) = &self.must[0];
                Cursor::open(reader, term, weight, IndexRecordOption::WithFreqs)?
            }
            _ => None,
        };
        // Otherwise, the documents with a headline word, when the headline lists are not
        // much longer than the rarest word's.
        let headline_df: u32 = bonus.iter().map(|c| c.block.doc_freq()).sum();
        let headline = (lead_again.is_none()
            && !bonus.is_empty()
            && headline_df <= lead.block.doc_freq().saturating_mul(HEADLINE_RATIO))
        .then(|| {
            let mut bits = BitSet::with_max_value(reader.max_doc());
            for (term, _) in &self.bonus {
                insert_all(reader, term, &mut bits)?;
            }
            tantivy::Result::Ok(bits)
        })
        .transpose()?;
        // What the other words and the headline can add at most (BM25's bounds; the exact
        // maxima would take a pass over their lists on every search).
        let others_max = must.iter().map(|c| c.weight.max_score()).sum();
        let bonus_max: Score = bonus.iter().map(|c| c.weight.max_score()).sum();
        Ok(Some(SegmentWords {
            lead,
            others: must,
            excluded,
            bonus,
            headline,
            lead_again,
            others_max,
            bonus_max,
        }))
    }
}

/// A words-only query opened on one segment.
pub(crate) enum SegmentQuery {
    /// Words that must all occur (boxed: its cursors' blocks make it large).
    All(Box<SegmentWords>),
    /// Alternative words.
    Any(SegmentAlternatives),
}

/// The cursors of alternative words (`a OR b`) in one segment: [`fill`](Self::fill) a
/// [`Window`] with the next documents that have any of the words and no excluded one,
/// [`score`](Self::score) those that meet the filters and add their
/// [`bonus`](Self::bonus).
pub(crate) struct SegmentAlternatives {
    /// The words, in query order.
    words: Vec<Cursor>,
    excluded: Vec<Cursor>,
    /// Headline terms of the bonus, in query order.
    bonus: Vec<Cursor>,
}

/// The document ids a [`Window`] spans (fewer in tests, so that their small segments take
/// several windows).
#[cfg(not(test))]
pub(crate) const WINDOW: usize = 4096;
#[cfg(test)]
pub(crate) const WINDOW: usize = 128;

/// The documents of alternative words in a range of [`WINDOW`] document ids, and each word's
/// term frequency in them: the union is made a word at a time (a tight loop over each list)
/// instead of a document at a time (the least of the cursors, then each cursor compared and
/// advanced: branches as unpredictable as the lists' gaps).
pub(crate) struct Window {
    /// The first document id of the range.
    base: DocId,
    /// Bit `d`: document `base + d` has a word (and no excluded one).
    bits: Box<[u64; WINDOW / 64]>,
    /// Per word (query order), its term frequency in document `base + d`; 0 without it.
    freqs: Vec<[u32; WINDOW]>,
}

impl Window {
    /// An empty window for `any`'s words.
    pub fn new(any: &SegmentAlternatives) -> Window {
        Window {
            base: 0,
            bits: Box::new([0; WINDOW / 64]),
            freqs: vec![[0; WINDOW]; any.words.len()],
        }
    }

    /// Moves the window's documents, ascending, to `docs` (which it clears) and empties the
    /// window.
    pub fn take(&mut self, docs: &mut Vec<DocId>) {
        docs.clear();
        for (w, bits) in self.bits.iter_mut().enumerate() {
            let mut b = std::mem::take(bits);
            while b != 0 {
                docs.push(self.base + (w * 64) as DocId + b.trailing_zeros());
                b &= b - 1;
            }
        }
    }

    /// Forgets the term frequencies of `docs` (taken from this window): one by one when they
    /// are few, else the whole window at once.
    pub fn clear(&mut self, docs: &[DocId]) {
        for freqs in &mut self.freqs {
            if docs.len() > WINDOW / 16 {
                freqs.fill(0);
            } else {
                for &doc in docs {
                    freqs[(doc - self.base) as usize] = 0;
                }
            }
        }
    }
}

impl SegmentAlternatives {
    /// Fills `window` (empty) with the next [`WINDOW`] document ids' documents that have any
    /// of the words and no excluded one; false at the end.
    pub fn fill(&mut self, window: &mut Window) -> bool {
        let Some(base) = self.words.iter().map(Cursor::doc).min() else {
            return false;
        };
        if base == tantivy::TERMINATED {
            return false;
        }
        let end = base.saturating_add(WINDOW as DocId);
        window.base = base;
        for (c, freqs) in self.words.iter_mut().zip(&mut window.freqs) {
            loop {
                let doc = c.doc();
                if doc >= end {
                    break;
                }
                let d = (doc - base) as usize;
                window.bits[d / 64] |= 1 << (d % 64);
                freqs[d] = c.block.freq(c.cur);
                c.advance();
            }
        }
        for c in &mut self.excluded {
            c.seek(base);
            loop {
                let doc = c.doc();
                if doc >= end {
                    break;
                }
                let d = (doc - base) as usize;
                window.bits[d / 64] &= !(1 << (d % 64));
                // Not taken, so not cleared with the taken ones.
                for freqs in &mut window.freqs {
                    freqs[d] = 0;
                }
                c.advance();
            }
        }
        true
    }

    /// The sum of the words' scores in `doc` (from `window`), as tantivy's union sums them
    /// (in query order). Asked only for the documents that meet the filters.
    #[inline]
    pub fn score(&self, window: &Window, doc: DocId) -> Score {
        let d = (doc - window.base) as usize;
        let mut sum: Score = 0.0;
        for (c, freqs) in self.words.iter().zip(&window.freqs) {
            let tf = freqs[d];
            if tf > 0 {
                sum += c.score_at(doc, tf);
            }
        }
        sum
    }

    /// The headline bonus of `doc`: see [`SegmentWords::bonus`].
    #[inline]
    pub fn bonus(&mut self, doc: DocId) -> Score {
        headline_bonus(&mut self.bonus, doc)
    }
}

/// The words' cursors in one segment. The rarest required word drives: iterate its blocks
/// ([`block_len`](Self::block_len), [`block_doc`](Self::block_doc),
/// [`next_block`](Self::next_block)), confirm a candidate with [`matches`](Self::matches)
/// (when [`has_others`](Self::has_others)), then bound and score it:
/// [`block_bound`](Self::block_bound), [`block_bonus_bound`](Self::block_bonus_bound),
/// [`lead_score`](Self::lead_score), [`words_score`](Self::words_score),
/// [`bonus`](Self::bonus).
pub(crate) struct SegmentWords {
    /// The rarest required word.
    lead: Cursor,
    /// The other required words, in ascending document frequency.
    others: Vec<Cursor>,
    excluded: Vec<Cursor>,
    /// Headline terms of the bonus, in query order.
    bonus: Vec<Cursor>,
    /// The documents with any headline term (see [`HEADLINE_RATIO`]).
    headline: Option<BitSet>,
    /// For one word with its headline term: a second cursor on the word, to score the
    /// headline's documents ahead of the scan.
    lead_again: Option<Cursor>,
    /// What the other required words can add at most (BM25's bound).
    others_max: Score,
    /// What the headline bonus can be at most (BM25's bound).
    bonus_max: Score,
}

impl SegmentWords {
    /// The number of documents in the rarest word's current block (0 at the end).
    #[inline(always)]
    pub fn block_len(&self) -> usize {
        self.lead.block.block_len()
    }

    /// The `i`-th document of the rarest word's current block.
    #[inline(always)]
    pub fn block_doc(&self, i: usize) -> DocId {
        self.lead.block.doc(i)
    }

    /// The documents of the rarest word's current block.
    #[inline(always)]
    pub fn block_docs(&self) -> &[DocId] {
        self.lead.block.docs()
    }

    /// Moves to the rarest word's next block; false at the end.
    #[inline]
    pub fn next_block(&mut self) -> bool {
        self.lead.block.advance();
        self.lead.cur = 0;
        self.lead.last = last_doc(&self.lead.block);
        self.lead.block.block_len() > 0
    }

    /// Whether a candidate needs [`matches`](Self::matches): other required or excluded
    /// words.
    #[inline(always)]
    pub fn has_others(&self) -> bool {
        !self.others.is_empty() || !self.excluded.is_empty()
    }

    /// Whether candidate `doc` has every other required word and no excluded one.
    #[inline]
    pub fn matches(&mut self, doc: DocId) -> bool {
        for c in &mut self.others {
            if !c.seek_near(doc) {
                return false;
            }
        }
        for c in &mut self.excluded {
            if c.seek(doc) {
                return false;
            }
        }
        true
    }

    /// The headline bonus of the matching `doc`: the sum of the boosted scores of the words
    /// in its headline, in query order (0 when there are none), as tantivy's union sums it.
    /// Only asked for the few matches whose words' score leaves room for it to reach the
    /// page, so a seek of each headline list costs less than merging the lists with every
    /// block.
    #[inline]
    pub fn bonus(&mut self, doc: DocId) -> Score {
        headline_bonus(&mut self.bonus, doc)
    }

    /// Fills `out` with the headline bonus of each `wanted` document of the rarest word's
    /// current block (see [`bonus`](Self::bonus)), 0 for the others: one merge of each
    /// headline list with the block, for one word, whose matches are the whole block (for
    /// several words, most candidates fail, and the few matches seek the headline lists).
    pub fn block_bonus(&mut self, wanted: &[bool; BLOCK], out: &mut [Score; BLOCK]) {
        let docs = self.lead.block.docs();
        out[..docs.len()].fill(0.0);
        let (Some(&lo), Some(&hi)) = (docs.first(), docs.last()) else {
            return;
        };
        for c in &mut self.bonus {
            c.seek(lo);
            let mut i = 0;
            loop {
                let doc = c.doc();
                if doc > hi {
                    break;
                }
                // `doc` ≤ the block's last document: the scan stops inside the block.
                while docs[i] < doc {
                    i += 1;
                }
                if docs[i] == doc && wanted[i] {
                    out[i] += c.score_once(doc);
                }
                c.advance();
            }
        }
    }

    /// The highest score the rarest word has in its current block (from the skip data).
    #[inline]
    pub fn lead_block_max(&mut self) -> Score {
        self.lead.block_max()
    }

    /// An upper bound of the score of any match in the rarest word's current block, given
    /// its `lead_max` ([`lead_block_max`](Self::lead_block_max)) and a bound of the headline
    /// bonus in the block (BM25's bound when `None`), with BM25's bounds of the other words.
    #[inline]
    pub fn block_bound(&self, lead_max: Score, bonus: Option<Score>) -> Score {
        pad(lead_max + self.others_max + bonus.unwrap_or(self.bonus_max))
    }

    /// Whether the query is one word with its headline term and the search has no filter
    /// (with filters this measured slower at 1M), so the headline's documents are scored
    /// ahead of the scan: [`next_headline`](Self::next_headline),
    /// [`lead_score_of`](Self::lead_score_of).
    #[inline]
    pub fn headline_first(&self) -> bool {
        self.lead_again.is_some()
    }

    /// The next document of the headline term's list and its bonus; `None` at the end.
    #[inline]
    pub fn next_headline(&mut self) -> Option<(DocId, Score)> {
        let c = self.bonus.first_mut()?;
        let doc = c.doc();
        if doc == tantivy::TERMINATED {
            return None;
        }
        let bonus = c.score_once(doc);
        c.advance();
        Some((doc, bonus))
    }

    /// The word's score in `doc` (ascending from call to call), from the second cursor;
    /// `None` when it is not there.
    #[inline]
    pub fn lead_score_of(&mut self, doc: DocId) -> Option<Score> {
        let c = self.lead_again.as_mut()?;
        c.seek(doc).then(|| c.score(doc))
    }

    /// The highest score BM25 gives the rarest word.
    #[inline]
    pub fn lead_max_score(&self) -> Score {
        self.lead.weight.max_score()
    }

    /// Whether a match may have a headline word: false only when it is known not to.
    #[inline(always)]
    pub fn may_have_headline(&self, doc: DocId) -> bool {
        self.headline.as_ref().is_none_or(|b| b.contains(doc))
    }

    /// Whether [`may_have_headline`](Self::may_have_headline) can tell.
    #[inline]
    pub fn knows_headlines(&self) -> bool {
        self.headline.is_some()
    }

    /// What the headline bonus of a match in the rarest word's current block can be at
    /// most: per headline word, 0 when its list has no document in the block's range, the
    /// block-max score of its block covering that range (skip data), else BM25's bound.
    /// Moves the headline cursors to the block.
    pub fn block_bonus_bound(&mut self) -> Score {
        let docs = self.lead.block.docs();
        let (Some(&lo), Some(&hi)) = (docs.first(), docs.last()) else {
            return 0.0;
        };
        let mut bound = 0.0;
        for c in &mut self.bonus {
            c.seek(lo);
            if c.doc() > hi {
                continue;
            }
            bound += if c.last >= hi {
                c.block_max()
            } else {
                c.weight.max_score()
            };
        }
        bound
    }

    /// The rarest word's score in the `i`-th document of its block, `doc`.
    #[inline(always)]
    pub fn lead_score(&mut self, i: usize, doc: DocId) -> Score {
        self.lead.cur = i;
        self.lead.score(doc)
    }

    /// The score of the required words in the matching `doc` given the rarest one's
    /// `lead` score ([`lead_score`](Self::lead_score)): tantivy's sum (in ascending document
    /// frequency: the first two, then the others' sum). The document's score is this plus
    /// its [`bonus`](Self::bonus) (adding 0 changes nothing).
    #[inline]
    pub fn words_score(&mut self, lead: Score, doc: DocId) -> Score {
        match self.others.split_first() {
            None => lead,
            Some((second, rest)) => {
                lead + second.score(doc) + rest.iter().map(|c| c.score(doc)).sum::<Score>()
            }
        }
    }
}

/// The headline lists of a segment are read whole into a bitset (documents with any
/// headline word) when together they are at most this many times as long as the rarest
/// required word's list. Where the headline decides the ranking (the commonest words, whose
/// own scores hardly differ), a match without a headline word cannot reach the page, and
/// the bitset tells so without a seek.
const HEADLINE_RATIO: u32 = 4;

/// Inserts the documents of `reader`'s segment holding `term` (deleted ones included) into
/// `bits`.
fn insert_all(reader: &SegmentReader, term: &Term, bits: &mut BitSet) -> tantivy::Result<()> {
    let postings = reader
        .inverted_index(term.field())?
        .read_block_postings(term, IndexRecordOption::Basic)?;
    if let Some(mut block) = postings {
        while block.block_len() > 0 {
            for &doc in block.docs() {
                bits.insert(doc);
            }
            block.advance();
        }
    }
    Ok(())
}

/// A bound summed in another order than the score it bounds, with room for rounding.
#[inline(always)]
pub(crate) fn pad(bound: Score) -> Score {
    bound * (1.0 + 1e-5) + 1e-6
}

/// A word's BM25 weight, with its scores at term frequency 1 (the commonest, in headlines
/// above all) looked up in a table instead of computed (a division a document).
#[derive(Clone)]
pub(crate) struct TermWeight {
    bm25: Bm25Weight,
    /// By field norm id, the score at term frequency 1.
    once: Arc<[Score; 256]>,
}

impl TermWeight {
    fn new(bm25: Bm25Weight) -> TermWeight {
        let once = Arc::new(std::array::from_fn(|norm| bm25.score(norm as u8, 1)));
        TermWeight { bm25, once }
    }

    /// The BM25 score, as [`Bm25Weight::score`] computes it.
    #[inline(always)]
    fn score(&self, norm: u8, tf: u32) -> Score {
        if tf == 1 {
            self.once[usize::from(norm)]
        } else {
            self.bm25.score(norm, tf)
        }
    }

    /// The highest score BM25 can give.
    fn max_score(&self) -> Score {
        self.bm25.max_score()
    }
}

/// A cursor over one word's posting list in one segment.
struct Cursor {
    block: BlockSegmentPostings,
    /// Index of the current document in the block.
    cur: usize,
    /// The last document of the block ([`TERMINATED`](tantivy::TERMINATED) past the end).
    last: DocId,
    fieldnorms: FieldNormReader,
    weight: TermWeight,
}

/// Documents per posting block.
pub(crate) const BLOCK: usize = 128;

/// The cursors of the `terms` (with their weights) present in `reader`'s segment.
fn cursors<'t>(
    reader: &SegmentReader,
    terms: impl Iterator<Item = (&'t Term, &'t TermWeight)>,
    option: IndexRecordOption,
) -> tantivy::Result<Vec<Cursor>> {
    let mut out = Vec::new();
    for (term, weight) in terms {
        if let Some(c) = Cursor::open(reader, term, weight, option)? {
            out.push(c);
        }
    }
    Ok(out)
}

/// The headline bonus of `doc`: the sum of the boosted scores of the headline terms it
/// holds, in query order (0 when none), as tantivy's union sums it; `cursors` are sought.
#[inline]
fn headline_bonus(cursors: &mut [Cursor], doc: DocId) -> Score {
    let mut sum: Score = 0.0;
    for c in cursors {
        if c.seek(doc) {
            sum += c.score(doc);
        }
    }
    sum
}

/// The last document of `block`'s current block; [`TERMINATED`](tantivy::TERMINATED) past
/// the end.
#[inline]
fn last_doc(block: &BlockSegmentPostings) -> DocId {
    block.docs().last().copied().unwrap_or(tantivy::TERMINATED)
}

impl Cursor {
    fn open(
        reader: &SegmentReader,
        term: &Term,
        weight: &TermWeight,
        option: IndexRecordOption,
    ) -> tantivy::Result<Option<Cursor>> {
        let field = term.field();
        let Some(block) = reader
            .inverted_index(field)?
            .read_block_postings(term, option)?
        else {
            return Ok(None);
        };
        Ok(Some(Cursor {
            last: last_doc(&block),
            block,
            cur: 0,
            fieldnorms: reader.get_fieldnorms_reader(field)?,
            weight: weight.clone(),
        }))
    }

    /// The current document; [`TERMINATED`](tantivy::TERMINATED) past the end (blocks are padded with it).
    #[inline]
    fn doc(&self) -> DocId {
        self.block.doc(self.cur)
    }

    /// Moves to the first document ≥ `target` (never backwards); whether it is `target`.
    #[inline(always)]
    fn seek(&mut self, target: DocId) -> bool {
        // Usually the target is in this block, a few documents on.
        if target <= self.last {
            for _ in 0..4 {
                let doc = self.block.doc(self.cur);
                if doc >= target {
                    return doc == target;
                }
                self.cur += 1;
            }
        }
        self.seek_far(target)
    }

    /// [`seek`](Self::seek) for a list denser than the one that drives it, whose next
    /// documents usually hold the target: the target's place among the next eight is
    /// counted without a branch (the loop's exit, one to three documents on, was taken as
    /// unpredictably as the lists' gaps).
    #[inline(always)]
    fn seek_near(&mut self, target: DocId) -> bool {
        if target <= self.last {
            if let Some(next) = self.block.docs().get(self.cur..self.cur + 8) {
                let before: usize = next.iter().map(|&d| usize::from(d < target)).sum();
                if before < 8 {
                    self.cur += before;
                    return next[before] == target;
                }
            }
        }
        self.seek(target)
    }

    /// [`seek`](Self::seek) beyond the next few documents: the skip data finds the block,
    /// a branchless search the document.
    #[inline(never)]
    fn seek_far(&mut self, target: DocId) -> bool {
        self.cur = self.block.seek(target);
        self.last = last_doc(&self.block);
        self.doc() == target
    }

    /// Moves to the next document.
    #[inline]
    fn advance(&mut self) {
        if self.cur == BLOCK - 1 {
            self.cur = 0;
            self.block.advance();
            self.last = last_doc(&self.block);
        } else {
            self.cur += 1;
        }
    }

    /// The BM25 score of the current document, `doc`.
    #[inline(always)]
    fn score(&self, doc: DocId) -> Score {
        self.score_at(doc, self.block.freq(self.cur))
    }

    /// The BM25 score of the word in `doc`, where it occurs `tf` times.
    #[inline(always)]
    fn score_at(&self, doc: DocId, tf: u32) -> Score {
        self.weight
            .bm25
            .score(self.fieldnorms.fieldnorm_id(doc), tf)
    }

    /// [`score`](Self::score) from the table of scores at term frequency 1 when that is the
    /// frequency: for headline terms, which almost always occur once (for a word of the
    /// story, whose frequency varies, the branch would be mispredicted too often).
    #[inline(always)]
    fn score_once(&self, doc: DocId) -> Score {
        let norm = self.fieldnorms.fieldnorm_id(doc);
        self.weight.score(norm, self.block.freq(self.cur))
    }

    /// The highest score in the current block (from the skip data; cached per block).
    #[inline]
    fn block_max(&mut self) -> Score {
        self.block
            .block_max_score(&self.fieldnorms, &self.weight.bm25)
    }
}

/// The `k`-th best score among those offered: a document scoring below it cannot reach the
/// page. Scores are non-negative, so their bit patterns order as they do.
pub(crate) struct KthScore {
    k: usize,
    heap: BinaryHeap<Reverse<u32>>,
    /// The `k`-th best score once `k` were offered; `-∞` before.
    threshold: Score,
}

impl KthScore {
    /// Tracks the `k`-th best of the scores offered.
    pub fn new(k: usize) -> KthScore {
        KthScore {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
            threshold: Score::NEG_INFINITY,
        }
    }

    /// Whether a document whose score is at most `bound` may still reach the top `k`.
    #[inline]
    pub fn may_enter(&self, bound: Score) -> bool {
        bound >= self.threshold
    }

    /// The `k`-th best score so far (`-∞` before `k` were offered): see
    /// [`may_enter`](Self::may_enter).
    #[inline]
    pub fn threshold(&self) -> Score {
        self.threshold
    }

    /// Offers a score.
    #[inline]
    pub fn offer(&mut self, score: Score) {
        let bits = score.max(0.0).to_bits();
        if self.heap.len() < self.k {
            self.heap.push(Reverse(bits));
        } else if let Some(mut min) = self.heap.peek_mut() {
            if bits > min.0 {
                *min = Reverse(bits);
            }
        }
        if self.heap.len() >= self.k {
            if let Some(Reverse(min)) = self.heap.peek() {
                self.threshold = f32::from_bits(*min);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::query::{PhraseQuery, TermQuery};
    use tantivy::schema::{Schema, TEXT};

    use super::*;

    fn term(field: Field, w: &str) -> Term {
        Term::from_field_text(field, w)
    }

    fn word(field: Field, w: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(term(field, w), IndexRecordOption::WithFreqs))
    }

    #[test]
    fn only_required_and_excluded_words_are_words() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let title = schema.add_text_field("title", TEXT);
        let _ = schema.build();

        let one = Words::of(&*word(text, "teror"), text).expect("a word");
        assert_eq!(one.must, vec![term(text, "teror")]);
        assert!(one.must_not.is_empty());

        let and_not = BooleanQuery::new(vec![
            (Occur::Must, word(text, "densus")),
            (Occur::Must, word(text, "densus")),
            (
                Occur::Must,
                Box::new(BooleanQuery::new(vec![(Occur::Must, word(text, "bom"))])),
            ),
            (Occur::MustNot, word(text, "tangkap")),
        ]);
        let w = Words::of(&and_not, text).expect("words");
        // A repeated word counts twice (tantivy intersects it with itself).
        let densus = term(text, "densus");
        assert_eq!(w.must, vec![densus.clone(), densus, term(text, "bom")]);
        assert_eq!(w.must_not, vec![term(text, "tangkap")]);

        // Alternatives, and words that must not occur.
        let or = BooleanQuery::new(vec![
            (Occur::Should, word(text, "a")),
            (Occur::MustNot, word(text, "c")),
            (Occur::Should, word(text, "b")),
        ]);
        let w = Words::of(&or, text).expect("alternatives");
        assert_eq!(w.should, vec![term(text, "a"), term(text, "b")]);
        assert_eq!(w.must_not, vec![term(text, "c")]);
        assert!(w.must.is_empty());

        // Anything else runs through tantivy's scorers.
        let mixed = BooleanQuery::new(vec![
            (Occur::Must, word(text, "a")),
            (Occur::Should, word(text, "b")),
        ]);
        let or_phrase = BooleanQuery::new(vec![
            (Occur::Should, word(text, "a")),
            (
                Occur::Should,
                Box::new(PhraseQuery::new(vec![term(text, "b"), term(text, "c")])),
            ),
        ]);
        assert_eq!(Words::of(&mixed, text), None);
        assert_eq!(Words::of(&or_phrase, text), None);
        let only_not = BooleanQuery::new(vec![(Occur::MustNot, word(text, "a"))]);
        let not_group = BooleanQuery::new(vec![
            (Occur::Must, word(text, "a")),
            (
                Occur::MustNot,
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, word(text, "b")),
                    (Occur::Must, word(text, "c")),
                ])),
            ),
        ]);
        let phrase = PhraseQuery::new(vec![term(text, "nota"), term(text, "kesepahaman")]);
        assert_eq!(Words::of(&only_not, text), None);
        assert_eq!(Words::of(&not_group, text), None);
        assert_eq!(Words::of(&phrase, text), None);
        assert_eq!(Words::of(&*word(title, "teror"), text), None);
    }

    #[test]
    fn the_kth_score_bounds_what_may_enter() {
        let mut kth = KthScore::new(2);
        assert!(kth.may_enter(0.0));
        kth.offer(3.0);
        assert!(kth.may_enter(0.5), "not full yet");
        kth.offer(1.0);
        assert!(!kth.may_enter(0.5));
        assert!(kth.may_enter(1.0), "a tie may enter (the page breaks ties)");
        kth.offer(2.0);
        assert!(!kth.may_enter(1.5));
        assert!(kth.may_enter(2.0));
    }
}
