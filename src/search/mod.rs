//! Search: a [`SearchRequest`] in, [`SearchResults`] out — ranked hits with snippets, and
//! facet counts over the whole result set.
//!
//! - Query text: words, `"phrase"`, `-word`, `AND`, `+word`, `OR`, parentheses, `title:`
//!   and `source:` fields, over headline and story, with a bonus for the words in the
//!   headline (×[`TITLE_BOOST`] times how rare the word is). Several bare words mean all of
//!   them, then, when fewer than [`RELAX_BELOW`] articles have them all, any of them
//!   ([`MatchMode`]).
//!   A syntax error never fails a search: the text is read leniently and the problem is
//!   reported in [`SearchResults::warnings`].
//! - Filters (partner countries or regions, organisations, years, source) combine with AND
//!   across kinds and OR within a kind; they narrow the hits without changing scores.
//! - Order: BM25 relevance, or publication date ([`Sort`]); ties by index order, so the same
//!   index gives the same order.
//! - Facets ([`Facets`]) are disjunctive: a dimension's counts ignore its own filter.
//!
//! The JSON form (`telusur search --json`, one document; `--batch`, one a line) is the serde
//! serialisation of [`SearchResults`], with these stable field names:
//!
//! ```text
//! { "query": "kerja sama", "total": 42, "took_ms": 0.61, "sort": "relevance", "offset": 0,
//!   "hits": [ { "id": "…", "path": "…", "url": "…", "title": "…", "title_is_excerpt": false,
//!               "title_highlights": [[0, 5]], "source": "ANTARA", "published": "2022-09-11",
//!               "year": 2022, "partners": ["PH"], "partner_names": ["Filipina"],
//!               "orgs": ["ASEAN"], "score": 7.3,
//!               "snippet": { "text": "…", "highlights": [[12, 17], [18, 22]] } } ],
//!   "facets": { "countries": [{"key": "PH", "name": "Filipina", "count": 12}], "regions": […],
//!               "years": […], "sources": […], "orgs": […] },
//!   "warnings": [], "match_mode": "relaxed", "relaxation": null }
//! ```
//!
//! Highlights are `[start, end)` byte offsets into the `text` (or `title`) they belong to.
//!
//! A search runs one collection pass for the page, the total and the facets. With facets, the
//! filters are checked against per-segment facet tables (see `faceted`), so that every
//! dimension's disjunctive counts come from the same pass. A query of words that must (or
//! must not) occur, the commonest kind, or of alternative words (`a OR b`), runs in that pass
//! on the words' posting lists (see `conjunction`): every match is counted, but (for required
//! words) only a match whose block-max score bound can reach the page is scored, with
//! tantivy's scores to the bit. (Finding the page alone,
//! with tantivy's block-max WAND, and counting in a second unscored pass was measured slower
//! on the benchmark corpus, whose common words occur in most articles.) Snippets are made only
//! for the page of hits.

mod batch;
mod conjunction;
mod facet_table;
mod faceted;
mod facets;
mod parallel;
mod query;
mod relax;
mod request;
mod snippet;
mod stories;
#[cfg(all(test, feature = "generate"))]
mod tests;

use std::time::Instant;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::index::SegmentId;
use tantivy::postings::Postings;
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::schema::{Field, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, DocAddress, DocSet, Order, Searcher, TantivyDocument, Term};

pub use batch::BatchAnswer;
pub use facets::{FacetCount, Facets};
pub(crate) use relax::RELAX_BELOW;
pub use relax::{MatchMode, Relaxation};
pub use request::{SearchRequest, Sort};
pub(crate) use snippet::first_sentence;
pub use snippet::{Snippet, SNIPPET_MAX};
pub use stories::OtherCopy;

use crate::dedup::CountUnit;
use crate::engine::Engine;
use crate::extract::gazetteer;
use crate::index::Fields;
use crate::Result;
use conjunction::ScoredWords;
pub(crate) use facet_table::FacetTables;
use facet_table::FieldNames;
use faceted::{Faceted, RawCounts};
pub(crate) use parallel::Workers;
use query::Parts;
pub(crate) use snippet::AnalyzerPool;
use snippet::Highlighter;

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Stable article id (for `telusur show`).
    pub id: String,
    /// The file the article was indexed from.
    pub path: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The headline; the first sentence of the body when the article has none.
    pub title: String,
    /// Whether `title` is the first sentence of the body rather than a headline.
    pub title_is_excerpt: bool,
    /// Matched words in `title` as `[start, end)` byte ranges.
    pub title_highlights: Vec<[usize; 2]>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Publication year (also known when the day is not).
    pub year: Option<i32>,
    /// Partner countries, ISO codes.
    pub partners: Vec<String>,
    /// Partner countries, Indonesian names (same order as `partners`).
    pub partner_names: Vec<String>,
    /// Partner organisations, codes.
    pub orgs: Vec<String>,
    /// BM25 score; `None` when sorted by date.
    pub score: Option<f32>,
    /// The best fragment of the body with matched words marked; the start of the body when
    /// nothing in it matched; `None` when snippets were not asked for.
    pub snippet: Option<Snippet>,
    /// The story (near-duplicate cluster) the article belongs to, 16 hex digits; `None`
    /// in an index without story ids.
    #[serde(default)]
    pub story: Option<String>,
    /// With `collapse`: the matching copies of the story, this one included; else `None`.
    #[serde(default)]
    pub copies: Option<usize>,
    /// With `collapse`: the other matching copies (at most 10), best
    /// ranked first; else empty.
    #[serde(default)]
    pub other_copies: Vec<OtherCopy>,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query text as given.
    pub query: String,
    /// Matching articles in all (not just this page).
    pub total: usize,
    /// Time spent in the search, in milliseconds.
    pub took_ms: f64,
    /// The effective order.
    pub sort: Sort,
    /// Hits skipped before this page.
    pub offset: usize,
    /// This page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over all matching articles, when asked for.
    pub facets: Option<Facets>,
    /// Problems that did not stop the search (query syntax read leniently, unknown source).
    pub warnings: Vec<String>,
    /// What a query of several bare words meant (see [`MatchMode`]).
    #[serde(default)]
    pub match_mode: MatchMode,
    /// How the search was relaxed, when too few articles held every word
    /// ([`MatchMode::Relaxed`]); `None` (JSON `null`) when it was not.
    #[serde(default)]
    pub relaxation: Option<Relaxation>,
    /// Whether hits are stories (one per story, `total` counting stories).
    #[serde(default)]
    pub collapse: bool,
    /// With `collapse`: the matching articles (every copy); else `None`.
    #[serde(default)]
    pub articles: Option<usize>,
    /// What the facet counts count.
    #[serde(default)]
    pub count: CountUnit,
    /// Whether the index is the built-in sample corpus: generated articles with fictional
    /// outlets, not real news (see [`Engine::is_sample`]).
    #[serde(default)]
    pub sample: bool,
}

impl Engine {
    /// Runs a search.
    ///
    /// Errors: an unknown country or organisation (with suggestions), an empty year range,
    /// a limit above `MAX_LIMIT`, or an index error. A query syntax error is not an error:
    /// see [`SearchResults::warnings`].
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        self.search_with(req, true)
    }

    /// [`search`](Self::search), with words-only queries run on their posting lists (see
    /// `conjunction`) when `by_words`, else through tantivy's scorers (for tests comparing
    /// both ways).
    pub(crate) fn search_with(&self, req: &SearchRequest, by_words: bool) -> Result<SearchResults> {
        let started = Instant::now();
        let resolved = req.resolve()?;
        let searcher = self.reader.searcher();
        let f = &self.fields;
        let any = req.match_mode == MatchMode::Any;
        let parts = query::build(
            &self.query_tokenizers,
            &searcher,
            f,
            &req.query,
            &resolved,
            any,
        );
        let mut found = self.collect(req, &resolved, &searcher, &parts, by_words)?;
        // Relaxed: too few articles hold every word, so one more pass asks for most of them.
        let mut relaxation = None;
        let mut parts = parts;
        if req.match_mode == MatchMode::Relaxed && found.total < RELAX_BELOW {
            if let Some((relaxed, words, required)) =
                parts.relaxed(&self.query_tokenizers, &searcher, f, &req.query)
            {
                let again = self.collect(req, &resolved, &searcher, &relaxed, by_words)?;
                if again.total > found.total {
                    relaxation = Some(relax::relaxation(words, required, found.total));
                    found = again;
                    parts = relaxed;
                }
            }
        }
        let Found {
            page,
            total,
            raw,
            stories,
        } = found;
        let facets = raw
            .filter(|_| req.facets)
            .map(|raw| Facets::from_counts(raw, req.facet_limit, &resolved));

        let mut hits = self.make_hits(&searcher, &parts, &page, req.snippets)?;
        if let Some(collapsed) = &stories {
            self.annotate_copies(&searcher, &mut hits, collapsed)?;
        }
        Ok(SearchResults {
            query: req.query.clone(),
            total,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            sort: resolved.sort,
            offset: req.offset,
            hits,
            facets,
            warnings: {
                let mut warnings = parts.warnings;
                warnings.extend(self.analysis_warning(&searcher));
                warnings
            },
            match_mode: req.match_mode,
            relaxation,
            collapse: req.collapse,
            articles: stories.map(|s| s.articles),
            count: req.count,
            sample: self.is_sample(),
        })
    }

    /// One collection pass of `parts`: the page, the total and the raw facet counts.
    fn collect_page(
        &self,
        req: &SearchRequest,
        resolved: &request::Resolved,
        searcher: &Searcher,
        parts: &Parts,
        by_words: bool,
    ) -> Result<Found> {
        let f = &self.fields;
        let schema = self.index.schema();
        let name = |field: Field| schema.get_field_name(field);

        // Words-only queries ranked by relevance run on their posting lists (see
        // `conjunction`), with or without facets: the facet tables apply the filters.
        let words = match (&parts.words, resolved.sort) {
            (Some(words), Sort::Relevance) if by_words && req.limit > 0 => {
                Some(ScoredWords::new(searcher, words, &parts.bonus)?)
            }
            _ => None,
        };
        let pass = Pass {
            searcher,
            workers: &self.workers,
            parts,
            words: words.as_ref(),
            top: req.offset + req.limit.max(1),
            count_facets: req.facets,
            facets: (req.facets || words.is_some()).then(|| {
                let live: Vec<SegmentId> = searcher
                    .segment_readers()
                    .iter()
                    .map(|r| r.segment_id())
                    .collect();
                self.facet_tables.retain(&live);
                (
                    &self.facet_tables,
                    FieldNames {
                        country: name(f.country),
                        year: name(f.year),
                        source: name(f.source),
                        org: name(f.org),
                    },
                )
            }),
        };
        let top = TopDocs::with_limit(req.limit.max(1)).and_offset(req.offset);
        let want_page = req.limit > 0;
        let (page, total, raw): (Vec<(Option<f32>, DocAddress)>, _, _) = match resolved.sort {
            Sort::Relevance => {
                let (page, total, raw) = pass.run(want_page.then(|| top.order_by_score()))?;
                let page = page.unwrap_or_default();
                let page = page.into_iter().map(|(s, a)| (Some(s), a)).collect();
                (page, total, raw)
            }
            Sort::Newest | Sort::Oldest => {
                let order = if resolved.sort == Sort::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let by_date = top.order_by_fast_field::<DateTime>(name(f.published), order);
                let (page, total, raw) = pass.run(want_page.then_some(by_date))?;
                let page = page.unwrap_or_default();
                let page = page.into_iter().map(|(_, a)| (None, a)).collect();
                (page, total, raw)
            }
        };
        Ok(Found {
            page,
            total,
            raw,
            stories: None,
        })
    }
}

/// What a collection pass found.
struct Found {
    page: Vec<(Option<f32>, DocAddress)>,
    total: usize,
    raw: Option<RawCounts>,
    /// A collapsed search's articles and copies.
    stories: Option<stories::Collapsed>,
}

/// One collection pass for the total, the facets if asked, and the page of `page`: with
/// facets (or a words-only query), the text query alone under a [`Faceted`] collector that
/// applies the filters; otherwise the text and filters as one query.
struct Pass<'a> {
    searcher: &'a Searcher,
    workers: &'a Workers,
    parts: &'a Parts,
    /// The text query as scored words, when it is only words.
    words: Option<&'a ScoredWords>,
    /// Documents the page needs, best first: offset + limit.
    top: usize,
    /// Whether facets are counted (else the facet tables only apply the filters).
    count_facets: bool,
    facets: Option<(&'a FacetTables, FieldNames<'a>)>,
}

impl Pass<'_> {
    fn run<C: Collector>(&self, page: C) -> Result<(C::Fruit, usize, Option<RawCounts>)> {
        match &self.facets {
            Some((tables, names)) => {
                let collector = Faceted {
                    inner: page,
                    tables,
                    names: *names,
                    filters: &self.parts.facet_filters,
                    words: self.words,
                    top: self.top,
                    count_facets: self.count_facets,
                };
                // A words-only query runs on its postings: tantivy's weight of the text query
                // (its BM25 statistics, looked up again) would go unused.
                let query: Box<dyn Query> = match self.words {
                    Some(_) => Box::new(tantivy::query::EmptyQuery),
                    None => self.parts.assemble(false),
                };
                let (page, total, raw) = self.collect(&*query, &collector)?;
                Ok((page, total, Some(raw)))
            }
            None => {
                let query = self.parts.assemble(true);
                let (page, total) = self.collect(&*query, &(page, Count))?;
                Ok((page, total, None))
            }
        }
    }

    /// What `searcher.search(query, collector)` gives, with the segments collected by the
    /// search's [`Workers`] (the calling thread among them) instead of tantivy's executor.
    fn collect<C: Collector>(&self, query: &dyn Query, collector: &C) -> Result<C::Fruit> {
        let searcher = self.searcher;
        let scoring = if collector.requires_scoring() {
            EnableScoring::enabled_from_searcher(searcher)
        } else {
            EnableScoring::disabled_from_searcher(searcher)
        };
        let weight = query.weight(scoring)?;
        let segments: Vec<_> = searcher.segment_readers().iter().enumerate().collect();
        let fruits = self.workers.map_with(
            &segments,
            || (),
            |_, &(ord, reader)| collector.collect_segment(&*weight, ord as u32, reader),
        );
        let fruits = fruits.into_iter().collect::<tantivy::Result<Vec<_>>>()?;
        Ok(collector.merge_fruits(fruits)?)
    }
}

impl Engine {
    /// Loads the stored fields of the page and makes snippets.
    fn make_hits(
        &self,
        searcher: &Searcher,
        parts: &Parts,
        page: &[(Option<f32>, DocAddress)],
        snippets: bool,
    ) -> Result<Vec<Hit>> {
        let f = &self.fields;
        let highlighters = match (&parts.text, snippets && !page.is_empty()) {
            (Some(text), true) => {
                // Headline and body were both indexed in `text` by the same analyzer (and
                // the headline alone in `title`): one set of terms marks both.
                let body = Highlighter::new(searcher, &**text, &[f.text, f.title], SNIPPET_MAX)?;
                let title = body.clone().with_max_bytes(usize::MAX / 2);
                Some((body, title))
            }
            _ => None,
        };
        // Loading a document and analysing its body for the snippet is the main cost of a
        // page: hits are made in parallel by the search's workers (the calling thread and the
        // helpers that have just collected the page; rayon's global pool, asleep since the
        // last page, took ~0.2 ms more to wake), each thread with an analyzer lent by the
        // engine, whose word memo is warm from earlier searches.
        let make = || searcher.index().tokenizer_for_field(f.text).ok();
        let hits = self.workers.map_with(
            page,
            || {
                highlighters
                    .as_ref()
                    .map(|_| self.snippet_analyzers.lend(make))
            },
            |lent, &(score, addr)| -> tantivy::Result<Hit> {
                let doc: TantivyDocument = searcher.doc(addr)?;
                let analyzer = lent.as_mut().and_then(|l| l.analyzer.as_mut());
                let marking = highlighters.as_ref().zip(analyzer);
                let counts = match (&highlighters, snippets) {
                    (Some((body, _)), true) => story_counts(searcher, f, addr, body.terms()),
                    _ => None,
                };
                Ok(to_hit(f, &doc, score, snippets, marking, counts.as_deref()))
            },
        );
        Ok(hits.into_iter().collect::<tantivy::Result<Vec<Hit>>>()?)
    }
}

/// How many times each of the `terms` occurs in the story of the document at `addr`, from
/// the postings: its occurrences in `text` (headline and story) less those in the headline
/// alone; `None` when a term's postings cannot be read.
fn story_counts<'t>(
    searcher: &Searcher,
    f: &Fields,
    addr: DocAddress,
    terms: impl Iterator<Item = &'t str>,
) -> Option<Vec<u32>> {
    let reader = searcher.segment_reader(addr.segment_ord);
    let freq = |field: Field, word: &str| -> tantivy::Result<u32> {
        let term = Term::from_field_text(field, word);
        let postings = reader
            .inverted_index(field)?
            .read_postings(&term, IndexRecordOption::WithFreqs)?;
        let Some(mut p) = postings else {
            return Ok(0);
        };
        // (`seek` never goes backwards.)
        Ok(
            if p.doc() <= addr.doc_id && p.seek(addr.doc_id) == addr.doc_id {
                p.term_freq()
            } else {
                0
            },
        )
    };
    terms
        .map(|word| {
            let all = freq(f.text, word).ok()?;
            let headline = freq(f.title, word).ok()?;
            Some(all.saturating_sub(headline))
        })
        .collect()
}

fn to_hit(
    f: &Fields,
    doc: &TantivyDocument,
    score: Option<f32>,
    snippets: bool,
    mut marking: Option<(&(Highlighter, Highlighter), &mut TextAnalyzer)>,
    counts: Option<&[u32]>,
) -> Hit {
    let text = |field: Field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
    };
    let leaves = |field: Field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_facet())
            .filter_map(|encoded| encoded.rsplit('\0').next())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let body = text(f.body).unwrap_or_default();
    let (title, title_is_excerpt) = match text(f.title) {
        Some(t) => (t.to_string(), false),
        None => {
            let sentence = snippet::first_sentence(body, snippet::EXCERPT_TITLE_MAX);
            let start = sentence.as_ptr() as usize - body.as_ptr() as usize;
            (snippet::elided(body, start..start + sentence.len()).0, true)
        }
    };
    let title_highlights = match marking.as_mut() {
        Some(((_, title_marks), analyzer)) if !title_is_excerpt => title_marks
            .fragment(analyzer, &title, None)
            .map(|(range, marks)| {
                marks
                    .into_iter()
                    .map(|[a, b]| [range.start + a, range.start + b])
                    .filter(|&[a, b]| title.is_char_boundary(a) && title.is_char_boundary(b))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let snippet = snippets.then(|| {
        marking
            .and_then(|((body_marks, _), analyzer)| {
                snippet::snippet(body_marks, analyzer, body, counts)
            })
            .unwrap_or_else(|| Snippet {
                text: snippet::excerpt_elided(body, SNIPPET_MAX),
                highlights: Vec::new(),
            })
    });
    let partners = leaves(f.country);
    let partner_names = partners
        .iter()
        .map(|c| gazetteer::country(c).map_or_else(|| c.clone(), |c| c.name_id.to_string()))
        .collect();
    let published = doc
        .get_first(f.published)
        .and_then(|v| v.as_datetime())
        .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
        .map(|d| d.date_naive());
    let year = doc
        .get_first(f.year_num)
        .and_then(|v| v.as_i64())
        .and_then(|y| i32::try_from(y).ok());
    Hit {
        id: text(f.id).unwrap_or_default().to_string(),
        path: text(f.path).map(str::to_string),
        url: text(f.url).map(str::to_string),
        title,
        title_is_excerpt,
        title_highlights,
        source: leaves(f.source).into_iter().next(),
        published,
        year,
        partners,
        partner_names,
        orgs: leaves(f.org),
        score,
        snippet,
        story: stories::story_of(f, doc),
        copies: None,
        other_copies: Vec::new(),
    }
}
