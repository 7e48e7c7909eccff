//! The tantivy index: schema, the article ⇄ document mapping, and the indexing pipeline
//! (parallel parsing into one writer, upsert by stable id, periodic commits).
//!
//! Most users go through [`Engine`](crate::Engine); this module holds the pieces it is built
//! from: [`schema`], [`IndexOptions`], [`IndexReport`], [`Progress`] and [`Stats`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, NaiveTime};
use rayon::prelude::*;
use serde::Serialize;
use tantivy::columnar::Column;
use tantivy::fastfield::AliveBitSet;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Facet, FacetOptions, Field, IndexRecordOption, NumericOptions,
    Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::{
    DateTime, DocSet, Index, IndexReader, IndexWriter, InvertedIndexReader, Searcher,
    TantivyDocument, TantivyError, Term, TERMINATED,
};

use crate::analysis::ANALYZER_NAME;
use crate::article::{stable_id, Article, Metadata};
use crate::extract::gazetteer;
use crate::ingest::{self, Input, Problem, Problems, ReasonCount};
use crate::limits::MAX_ID_BYTES;

/// Handles to every field of the telusur schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Stable article id (STRING, stored): the upsert key.
    pub id: Field,
    /// Headline (Indonesian analyzer, positions, stored): `title:` queries and the title
    /// bonus of the ranking.
    pub title: Field,
    /// Story text (stored only: searched through `text`).
    pub body: Field,
    /// Headline and story text as one field (Indonesian analyzer, positions, not stored):
    /// what queries match and rank by, one posting list per term.
    pub text: Field,
    /// Publisher as a facet `/ANTARA` (stored).
    pub source: Field,
    /// URL (STRING, stored).
    pub url: Field,
    /// The file the article came from (stored only).
    pub path: Field,
    /// Dateline city (stored only).
    pub dateline: Field,
    /// Publication date (indexed, fast, stored) for range filters and date sort.
    pub published: Field,
    /// Publication year as a number (indexed, fast, stored) for year ranges.
    pub year_num: Field,
    /// Publication year as a facet: `/2022`.
    pub year: Field,
    /// Partner countries, hierarchical facet: `/asia/south-eastern-asia/PH`.
    pub country: Field,
    /// Partner organisations, facet: `/UNOCT`.
    pub org: Field,
    /// Every mentioned foreign country, hierarchical facet like `country`.
    pub mentioned: Field,
    /// Extraction evidence as JSON (stored only), for `telusur show`.
    pub evidence: Field,
    /// Content hash of the indexed article (fast, stored): re-indexing an unchanged article
    /// is skipped, a changed one is reported as updated.
    pub hash: Field,
    /// The lead sentence of an article without a headline (Indonesian analyzer, not
    /// stored): it stands in for the headline in the ranking's headline bonus. `None` in an
    /// index made before it existed (its headline-less articles get no bonus).
    pub lead: Option<Field>,
}

/// Builds the telusur schema and the handles to its fields.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER_NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", STORED),
        text: b.add_text_field(
            "text",
            TextOptions::default().set_indexing_options(
                text.get_indexing_options()
                    .cloned()
                    .expect("text options index"),
            ),
        ),
        source: b.add_facet_field("source", FacetOptions::default().set_stored()),
        url: b.add_text_field("url", STRING | STORED),
        path: b.add_text_field("path", STORED),
        dateline: b.add_text_field("dateline", STORED),
        published: b.add_date_field(
            "published",
            DateOptions::from(INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds),
        ),
        year_num: b.add_i64_field(
            "year_num",
            NumericOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored(),
        ),
        year: b.add_facet_field("year", FacetOptions::default().set_stored()),
        country: b.add_facet_field("country", FacetOptions::default().set_stored()),
        org: b.add_facet_field("org", FacetOptions::default().set_stored()),
        mentioned: b.add_facet_field("mentioned", FacetOptions::default().set_stored()),
        evidence: b.add_text_field("evidence", STORED),
        hash: b.add_u64_field("hash", FAST | STORED),
        lead: Some(
            b.add_text_field(
                "lead",
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(ANALYZER_NAME)
                        .set_index_option(IndexRecordOption::WithFreqs),
                ),
            ),
        ),
    };
    (b.build(), fields)
}

/// Looks up the telusur fields in an existing schema (an index made by this version).
pub(crate) fn fields_of(schema: &Schema) -> crate::Result<Fields> {
    let get = |name: &str| {
        schema.get_field(name).map_err(|_| {
            crate::Error::InvalidRequest(format!(
                "index has no field '{name}': not a telusur index, or made by another version (rebuild it with --rebuild)"
            ))
        })
    };
    Ok(Fields {
        id: get("id")?,
        title: get("title")?,
        body: get("body")?,
        text: get("text")?,
        source: get("source")?,
        url: get("url")?,
        path: get("path")?,
        dateline: get("dateline")?,
        published: get("published")?,
        year_num: get("year_num")?,
        year: get("year")?,
        country: get("country")?,
        org: get("org")?,
        mentioned: get("mentioned")?,
        evidence: get("evidence")?,
        hash: get("hash")?,
        lead: schema.get_field("lead").ok(),
    })
}

// ---------------------------------------------------------------------------------------------
// Article ⇄ document
// ---------------------------------------------------------------------------------------------

/// Brings an article into the form it is indexed in: an id when it has none, the year from
/// the date when only the date is given, sorted and deduplicated code lists. `get` returns
/// exactly this form, and the content hash is taken over it.
pub(crate) fn normalize(article: &mut Article) {
    if article.id.trim().is_empty() {
        article.id = stable_id(article.url.as_deref(), &article.body);
    }
    if article.meta.year.is_none() {
        article.meta.year = article.meta.published.map(|d| d.year());
    }
    for list in [
        &mut article.meta.partners,
        &mut article.meta.partner_orgs,
        &mut article.meta.mentioned_countries,
    ] {
        list.sort_unstable();
        list.dedup();
    }
}

/// The content hash of a (normalised) article: xxh3 over its JSON form, streamed without an
/// intermediate buffer. Any change of text or metadata changes it.
pub(crate) fn content_hash(article: &Article) -> u64 {
    struct HashWriter(xxhash_rust::xxh3::Xxh3);
    impl std::io::Write for HashWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.update(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut w = HashWriter(xxhash_rust::xxh3::Xxh3::new());
    // Serialising plain strings, numbers and maps into a sink that never fails cannot fail.
    let _ = serde_json::to_writer(&mut w, article);
    w.0.digest()
}

/// The facet of a country code: its region hierarchy from the gazetteer
/// (`/asia/south-eastern-asia/PH`), or `/unknown/unknown/XX` for a code the gazetteer does
/// not know (kept at the same depth so that the code is always the last step).
pub(crate) fn country_facet(code: &str) -> Facet {
    match gazetteer::country(code) {
        Some(c) => Facet::from_path([c.region, c.subregion, c.code]),
        None => Facet::from_path(["unknown", "unknown", code]),
    }
}

/// The year facet: `/2022/03` when the date is known, `/2022` when only the year is.
pub(crate) fn year_facet(published: Option<NaiveDate>, year: Option<i32>) -> Option<Facet> {
    match (published, year) {
        (Some(d), _) => Some(Facet::from_path([
            d.year().to_string(),
            format!("{:02}", d.month()),
        ])),
        (None, Some(y)) => Some(Facet::from_path([y.to_string()])),
        (None, None) => None,
    }
}

/// The most of the body's first sentence that indexing puts in the `lead` field.
const LEAD_MAX: usize = 240;

/// The first sentence of `body` (up to a `.`, `!` or `?` followed by a space, not after a
/// short abbreviation), at most [`LEAD_MAX`] bytes cut at a word: what stands in for a
/// missing headline in the ranking.
pub(crate) fn lead_sentence(body: &str) -> &str {
    let body = body.trim_start();
    let bytes = body.as_bytes();
    let end = bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| {
            matches!(b, b'.' | b'!' | b'?')
                && i >= 3
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
        })
        .map_or(body.len(), |(i, _)| i + 1);
    let sentence = &body[..end];
    if sentence.len() <= LEAD_MAX {
        return sentence;
    }
    let mut cut = LEAD_MAX;
    while !sentence.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &sentence[..cut];
    head.rfind(char::is_whitespace).map_or(head, |i| &head[..i])
}

/// Builds the tantivy document of a normalised article with its content hash.
pub(crate) fn to_document(f: &Fields, a: &Article, hash: u64) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, &a.id);
    match (&a.meta.title, f.lead) {
        (Some(t), _) => {
            doc.add_text(f.title, t);
            doc.add_text(f.text, t);
        }
        (None, Some(lead)) => doc.add_text(lead, lead_sentence(&a.body)),
        (None, None) => {}
    }
    doc.add_text(f.body, &a.body);
    doc.add_text(f.text, &a.body);
    if let Some(s) = &a.meta.source {
        doc.add_facet(f.source, Facet::from_path([s.as_str()]));
    }
    if let Some(u) = &a.url {
        doc.add_text(f.url, u);
    }
    if let Some(p) = &a.path {
        doc.add_text(f.path, p);
    }
    if let Some(d) = &a.meta.dateline {
        doc.add_text(f.dateline, d);
    }
    if let Some(d) = a.meta.published {
        let secs = d.and_time(NaiveTime::MIN).and_utc().timestamp();
        doc.add_date(f.published, DateTime::from_timestamp_secs(secs));
    }
    if let Some(y) = a.meta.year {
        doc.add_i64(f.year_num, i64::from(y));
    }
    if let Some(y) = year_facet(a.meta.published, a.meta.year) {
        doc.add_facet(f.year, y);
    }
    for c in &a.meta.partners {
        doc.add_facet(f.country, country_facet(c));
    }
    for o in &a.meta.partner_orgs {
        doc.add_facet(f.org, Facet::from_path([o.as_str()]));
    }
    for c in &a.meta.mentioned_countries {
        doc.add_facet(f.mentioned, country_facet(c));
    }
    if !a.meta.evidence.is_empty() {
        if let Ok(json) = serde_json::to_string(&a.meta.evidence) {
            doc.add_text(f.evidence, json);
        }
    }
    doc.add_u64(f.hash, hash);
    doc
}

/// The last step of a stored facet (`/asia/south-eastern-asia/PH` → `PH`). Stored facets are
/// in tantivy's encoded form, steps separated by NUL.
pub(crate) fn facet_leaf(encoded: &str) -> &str {
    encoded.rsplit('\0').next().unwrap_or(encoded)
}

/// Rebuilds an article from its stored document (the inverse of [`to_document`]).
pub(crate) fn from_document(f: &Fields, doc: &TantivyDocument) -> Article {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let leaves = |field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_facet().map(|s| facet_leaf(s).to_string()))
            .collect()
    };
    let published = doc
        .get_first(f.published)
        .and_then(|v| v.as_datetime())
        .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
        .map(|d| d.date_naive());
    let evidence = text(f.evidence)
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default();
    Article {
        id: text(f.id).unwrap_or_default(),
        path: text(f.path),
        url: text(f.url),
        body: text(f.body).unwrap_or_default(),
        meta: Metadata {
            title: text(f.title),
            source: leaves(f.source).into_iter().next(),
            dateline: text(f.dateline),
            published,
            year: doc
                .get_first(f.year_num)
                .and_then(|v| v.as_i64())
                .and_then(|y| i32::try_from(y).ok()),
            partners: leaves(f.country),
            partner_orgs: leaves(f.org),
            mentioned_countries: leaves(f.mentioned),
            evidence,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The indexing pipeline
// ---------------------------------------------------------------------------------------------

/// Bytes of stored text compressed together in the document store (tantivy's default is
/// 16 KB). Showing a hit decompresses its whole block; a page of ten hits from ten blocks
/// decompressed ~160 KB. 8 KB blocks halve that: searches with snippets at 100k ~0.1 ms
/// faster at the p50, for an index of 0.81× the text instead of 0.70× (LZ4 finds fewer
/// repeats in smaller blocks; 4 KB blocks made it 0.92×).
pub(crate) const DOCSTORE_BLOCK_BYTES: usize = 8192;

/// The settings of a new index: tantivy's, with [`DOCSTORE_BLOCK_BYTES`] blocks.
pub(crate) fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..tantivy::IndexSettings::default()
    }
}

/// How to index. `IndexOptions::default()` suits most runs.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Memory budget of the index writer in MB, shared by its threads (at least 15 MB per
    /// writer thread; fewer threads are used when the budget is small). Default 256.
    pub memory_mb: usize,
    /// Threads for parsing and extraction (and at most this many writer threads, which tantivy
    /// caps at 8). `None`: the number of CPUs.
    pub threads: Option<usize>,
    /// Replace every document with this run's articles: the index then holds exactly them.
    /// A rebuild is one commit at the end of the run (the old documents are deleted in the
    /// same commit that adds the new ones), and none at all when the run found no article to
    /// index: until then, and if the run fails or is killed, the index keeps its old
    /// documents. The periodic commits below do not apply.
    pub rebuild: bool,
    /// Commit after this many written documents (a killed run keeps what was committed).
    /// Not for a [`rebuild`](Self::rebuild), which commits once.
    pub commit_every_docs: usize,
    /// Commit at least this often while documents are being written (not for a rebuild).
    pub commit_every: Duration,
    /// Bytes of input read into memory at once: files are read in batches of about this
    /// size, and a bigger JSON Lines file is streamed in chunks of it. Default 32 MB.
    pub batch_bytes: u64,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            memory_mb: 256,
            threads: None,
            rebuild: false,
            commit_every_docs: 50_000,
            commit_every: Duration::from_secs(30),
            batch_bytes: BATCH_BYTES,
        }
    }
}

/// What one indexing run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexReport {
    /// Inputs read (files, stdin).
    pub inputs: usize,
    /// Articles whose id was not in the index before: added.
    pub indexed: usize,
    /// Articles whose id was in the index with other content: replaced.
    pub updated: usize,
    /// Articles already in the index with the same content: left as they were.
    pub unchanged: usize,
    /// Files, lines or articles that were not indexed: counted per reason, with the first
    /// few examples of each (see [`Problems`]).
    pub skipped: Problems,
    /// Articles that were indexed with something ignored (a field that could not be read,
    /// an unknown country) or that replaced an earlier article of the same id in this run.
    pub warnings: Problems,
    /// Whether a [`rebuild`](IndexOptions::rebuild) left the index as it was, because the
    /// run found no article to index.
    pub rebuild_skipped: bool,
    /// Commits made (periodic ones and the final one).
    pub commits: usize,
    /// Documents in the index after the run.
    pub documents: u64,
    /// Wall-clock time of the run in milliseconds.
    pub elapsed_ms: u64,
}

impl IndexReport {
    /// The skipped inputs grouped by reason, most frequent reason first, each with its count
    /// and first examples.
    pub fn skipped_by_reason(&self) -> Vec<&ReasonCount> {
        self.skipped.by_reason()
    }

    /// Whether the run added or kept anything (indexed, updated or unchanged articles).
    pub fn any_article(&self) -> bool {
        self.indexed + self.updated + self.unchanged > 0
    }
}

/// Where an indexing run is, reported to the progress callback after each batch of inputs.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Inputs to read in all.
    pub inputs_total: usize,
    /// Inputs read so far.
    pub inputs_done: usize,
    /// Bytes of all input files (stdin counts 0).
    pub bytes_total: u64,
    /// Bytes of the input files read so far.
    pub bytes_done: u64,
    /// Articles added so far.
    pub indexed: usize,
    /// Articles replaced so far.
    pub updated: usize,
    /// Articles found unchanged so far.
    pub unchanged: usize,
    /// Inputs or articles skipped so far.
    pub skipped: usize,
}

/// An article made ready by a worker: its document is built unless it is unchanged.
struct Prepared {
    id: String,
    path: String,
    status: Status,
    doc: TantivyDocument,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    New,
    Updated,
    Unchanged,
}

/// What a run remembers of an id it has written or kept: what it was counted as.
struct Seen {
    status: Status,
}

/// Finds the content hash of an id in a fixed snapshot of the index (the state before the run,
/// so that every article is compared with what was there, not with this run's writes).
struct Lookup {
    segments: Vec<(Arc<InvertedIndexReader>, Column<u64>, Option<AliveBitSet>)>,
    id_field: Field,
}

impl Lookup {
    fn new(searcher: &Searcher, f: &Fields) -> crate::Result<Lookup> {
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        for seg in searcher.segment_readers() {
            segments.push((
                seg.inverted_index(f.id)?,
                seg.fast_fields().u64("hash")?,
                seg.alive_bitset().cloned(),
            ));
        }
        Ok(Lookup {
            segments,
            id_field: f.id,
        })
    }

    fn hash_of(&self, id: &str) -> crate::Result<Option<u64>> {
        let term = Term::from_field_text(self.id_field, id);
        for (inv, hashes, alive) in &self.segments {
            let Some(mut postings) = inv
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(|e| crate::Error::Tantivy(e.into()))?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.as_ref().is_none_or(|a| a.is_alive(doc)) {
                    return Ok(Some(hashes.first(doc).unwrap_or(0)));
                }
                doc = postings.advance();
            }
        }
        Ok(None)
    }
}

/// One input's prepared articles, its problems and its warnings.
type LoadedInput = (Vec<Result<Prepared, Problem>>, Problems, Problems);

/// The articles a run reads: files (loaded and extracted by the workers) or given values.
pub(crate) enum Source<'a> {
    Paths(&'a [PathBuf]),
    Articles(Box<dyn Iterator<Item = Article> + 'a>),
}

/// tantivy's limits on the writer (not exported by tantivy): memory per writer thread at
/// least 15 MB and below 4 GB, at most 8 writer threads.
const MEMORY_BUDGET_NUM_BYTES_MIN: usize = 15_000_000;
const MEMORY_BUDGET_NUM_BYTES_MAX_PER_THREAD: usize = u32::MAX as usize - 2_000_000;
const MAX_NUM_THREAD: usize = 8;

/// Number of inputs (files) or articles handed to the workers at a time.
const BATCH_INPUTS: usize = 64;
/// Default bytes of input read into memory at once (a batch holds at least one file).
const BATCH_BYTES: u64 = 32 << 20;
const BATCH_ARTICLES: usize = 1024;

/// Runs one indexing run into `index`. Parsing, extraction, hashing and document building run
/// on a rayon pool, a batch of inputs at a time; the calling thread feeds the documents, in
/// input order, to the one `IndexWriter` (whose own threads do the inverted indexing), so
/// that upserts and duplicates resolve deterministically: as across runs, the last article
/// with a given id in a run wins (each replacement is reported in the warnings).
///
/// Files the index directory holds but no commit uses (left by a killed or failed run) are
/// deleted when the run starts, and a failed run rolls back and deletes its own.
pub(crate) fn run(
    index: &Index,
    reader: &IndexReader,
    f: &Fields,
    location: &Path,
    source: Source<'_>,
    opts: &IndexOptions,
    progress: &mut dyn FnMut(&Progress),
) -> crate::Result<IndexReport> {
    let started = Instant::now();
    let threads = opts
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let budget = opts.memory_mb.saturating_mul(1 << 20);
    if budget < MEMORY_BUDGET_NUM_BYTES_MIN {
        return Err(crate::Error::InvalidRequest(format!(
            "memory budget {} MB is below the minimum of {} MB",
            opts.memory_mb,
            MEMORY_BUDGET_NUM_BYTES_MIN.div_ceil(1 << 20)
        )));
    }
    let writer_threads = threads
        .min(MAX_NUM_THREAD)
        .min(budget / MEMORY_BUDGET_NUM_BYTES_MIN)
        .max(1);
    let budget = budget.min(writer_threads * MEMORY_BUDGET_NUM_BYTES_MAX_PER_THREAD);
    let writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(writer_threads, budget)
        .map_err(|e| match e {
            TantivyError::LockFailure(..) => crate::Error::Locked(location.to_path_buf()),
            e => crate::Error::Tantivy(e),
        })?;
    // Segment files of a run that was killed or failed (a full disk) before its commit: no
    // commit uses them; left there they would fill the disk again at once.
    let _ = writer.garbage_collect_files().wait();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| {
            crate::Error::InvalidRequest(format!("cannot start {threads} threads: {e}"))
        })?;

    // The state before this run; empty when rebuilding (everything is new).
    reader.reload()?;
    let lookup = if opts.rebuild {
        writer.delete_all_documents()?;
        None
    } else {
        Some(Lookup::new(&reader.searcher(), f)?)
    };

    let mut feed = Feeder {
        writer,
        f,
        opts,
        report: IndexReport::default(),
        progress: Progress::default(),
        seen: HashMap::new(),
        pending: 0,
        last_commit: Instant::now(),
        marker: analysis_marker(index, reader, opts.rebuild)?,
        dir: location
            .join("meta.json")
            .is_file()
            .then(|| location.to_path_buf()),
    };
    let prepare = |mut a: Article| -> crate::Result<Result<Prepared, Problem>> {
        prepare(f, lookup.as_ref(), &mut a)
    };
    let fed = feed_source(location, source, &pool, &prepare, &mut feed, progress);
    let finished = fed.and_then(|()| {
        if opts.rebuild && !feed.report.any_article() {
            // Nothing to rebuild from (a mistyped path, every input bad): keep the old index.
            feed.report.rebuild_skipped = true;
            feed.writer.rollback()?;
            Ok(())
        } else {
            feed.commit()
        }
    });
    if let Err(e) = finished {
        // Undo what is not committed and delete its files (a full disk is then usable again).
        let _ = feed.writer.rollback();
        let _ = feed.writer.garbage_collect_files().wait();
        return Err(e);
    }
    let Feeder {
        writer, mut report, ..
    } = feed;
    // Let merges finish so that searches see few segments; a failure here loses nothing
    // committed.
    writer.wait_merging_threads()?;
    if let Some(dir) = location.join("meta.json").is_file().then_some(location) {
        fix_permissions(dir);
    }
    reader.reload()?;
    report.documents = reader.searcher().num_docs();
    report.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    Ok(report)
}

/// Reads the source into the feeder, a batch at a time.
fn feed_source(
    location: &Path,
    source: Source<'_>,
    pool: &rayon::ThreadPool,
    prepare: &(dyn Fn(Article) -> crate::Result<Result<Prepared, Problem>> + Sync),
    feed: &mut Feeder<'_>,
    progress: &mut dyn FnMut(&Progress),
) -> crate::Result<()> {
    let opts = feed.opts;

    match source {
        Source::Paths(paths) => {
            let (mut inputs, mut problems) = ingest::discover(paths);
            // Never read the index's own files as articles (`telusur index . --index idx`).
            if let Ok(own) = location.canonicalize() {
                let inside = |p: &Path| p.canonicalize().is_ok_and(|c| c.starts_with(&own));
                inputs.retain(|i| !matches!(i, Input::File(p) if inside(p)));
                problems.retain(|pr| !inside(Path::new(&pr.path)));
            }
            feed.report.skipped.extend(problems);
            feed.report.inputs = inputs.len();
            feed.progress.inputs_total = inputs.len();
            let sizes: Vec<u64> = inputs
                .iter()
                .map(|i| match i {
                    Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
                    Input::Stdin => 0,
                })
                .collect();
            feed.progress.bytes_total = sizes.iter().sum();
            feed.progress.skipped = feed.report.skipped.total();
            progress(&feed.progress);
            let mut start = 0;
            while start < inputs.len() {
                // A batch: up to BATCH_INPUTS inputs and BATCH_BYTES of them (at least one), so
                // that memory stays bounded whether the inputs are small pages or big JSONL files.
                let mut end = start + 1;
                let mut bytes = sizes[start];
                while end < inputs.len()
                    && end - start < BATCH_INPUTS
                    && bytes + sizes[end] <= opts.batch_bytes
                {
                    bytes += sizes[end];
                    end += 1;
                }
                let (batch, batch_sizes) = (&inputs[start..end], &sizes[start..end]);
                start = end;
                if let [Input::File(path)] = batch {
                    if batch_sizes[0] > opts.batch_bytes
                        && ingest::Format::of(path) == Some(ingest::Format::JsonLines)
                    {
                        // A big JSON Lines file: streamed in chunks of `batch_bytes`.
                        stream_jsonl(path, pool, prepare, feed, progress)?;
                        feed.progress.inputs_done += 1;
                        feed.progress.skipped = feed.report.skipped.total();
                        progress(&feed.progress);
                        continue;
                    }
                }
                let loaded: Vec<crate::Result<LoadedInput>> = pool.install(|| {
                    batch
                        .par_iter()
                        .map(|input| {
                            let loaded = ingest::load(input);
                            let prepared = loaded
                                .articles
                                .into_par_iter()
                                .map(prepare)
                                .collect::<crate::Result<Vec<_>>>()?;
                            Ok((prepared, loaded.problems, loaded.warnings))
                        })
                        .collect()
                });
                for item in loaded {
                    let (prepared, problems, warnings) = item?;
                    feed.report.skipped.merge(problems);
                    feed.report.warnings.merge(warnings);
                    for p in prepared {
                        feed.take(p)?;
                    }
                    feed.progress.inputs_done += 1;
                }
                feed.progress.bytes_done += batch_sizes.iter().sum::<u64>();
                feed.progress.skipped = feed.report.skipped.total();
                progress(&feed.progress);
            }
        }
        Source::Articles(mut articles) => {
            let mut batch = Vec::with_capacity(BATCH_ARTICLES);
            loop {
                batch.clear();
                batch.extend(articles.by_ref().take(BATCH_ARTICLES));
                if batch.is_empty() {
                    break;
                }
                let prepared: Vec<_> = pool.install(|| {
                    batch
                        .par_drain(..)
                        .map(prepare)
                        .collect::<crate::Result<Vec<_>>>()
                })?;
                for p in prepared {
                    feed.take(p)?;
                }
                feed.progress.skipped = feed.report.skipped.total();
                progress(&feed.progress);
            }
        }
    }

    Ok(())
}

/// Indexes one big JSON Lines file a chunk of `batch_bytes` at a time, so that memory stays
/// bounded whatever the size of the file.
fn stream_jsonl(
    path: &Path,
    pool: &rayon::ThreadPool,
    prepare: &(dyn Fn(Article) -> crate::Result<Result<Prepared, Problem>> + Sync),
    feed: &mut Feeder<'_>,
    progress: &mut dyn FnMut(&Progress),
) -> crate::Result<()> {
    let file = match ingest::open_regular(path, crate::limits::MAX_INPUT_BYTES, "one input") {
        Ok(f) => f,
        Err(reason) => {
            feed.report.skipped.push(Problem {
                path: path.display().to_string(),
                line: None,
                reason,
            });
            return Ok(());
        }
    };
    let before = feed.progress.bytes_done;
    let mut chunks =
        ingest::jsonl::Chunks::new(std::io::BufReader::new(file), &path.display().to_string());
    let chunk_bytes = usize::try_from(feed.opts.batch_bytes).unwrap_or(usize::MAX);
    while let Some(chunk) = chunks.next_chunk(chunk_bytes) {
        feed.report.skipped.merge(chunk.problems);
        feed.report.warnings.merge(chunk.warnings);
        let prepared: Vec<_> = pool.install(|| {
            chunk
                .articles
                .into_par_iter()
                .map(prepare)
                .collect::<crate::Result<Vec<_>>>()
        })?;
        for p in prepared {
            feed.take(p)?;
        }
        feed.progress.bytes_done = before + chunks.bytes_read();
        feed.progress.skipped = feed.report.skipped.total();
        progress(&feed.progress);
    }
    Ok(())
}

/// Normalises, hashes, compares with the index and builds the document of one article (on a
/// worker thread). An article without any text is a problem, not a document.
fn prepare(
    f: &Fields,
    lookup: Option<&Lookup>,
    a: &mut Article,
) -> crate::Result<Result<Prepared, Problem>> {
    let path = a.path.clone().unwrap_or_else(|| "-".to_string());
    if a.body.trim().is_empty() && a.meta.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Ok(Err(Problem {
            path,
            line: None,
            reason: "no text to index (empty title and body)".into(),
        }));
    }
    if a.id.trim().len() > MAX_ID_BYTES {
        return Ok(Err(Problem {
            path,
            line: None,
            reason: format!(
                "id too long ({} bytes; the limit is {MAX_ID_BYTES}); skipped",
                a.id.trim().len()
            ),
        }));
    }
    normalize(a);
    let hash = content_hash(a);
    let status = match lookup.map(|l| l.hash_of(&a.id)).transpose()?.flatten() {
        None => Status::New,
        Some(h) if h == hash => Status::Unchanged,
        Some(_) => Status::Updated,
    };
    // Built even when unchanged: a later article of the same id in this run may replace it
    // and then need it back (see `Feeder::take`). Building is copying; the writer analyses.
    let doc = to_document(f, a, hash);
    Ok(Ok(Prepared {
        id: std::mem::take(&mut a.id),
        path,
        status,
        doc,
    }))
}

/// The calling thread's side of a run: owns the writer, upserts, counts, commits.
struct Feeder<'a> {
    writer: IndexWriter<TantivyDocument>,
    f: &'a Fields,
    opts: &'a IndexOptions,
    report: IndexReport,
    progress: Progress,
    /// Ids written or kept in this run: where from, and how they were counted.
    seen: HashMap<String, Seen>,
    /// Documents written since the last commit.
    pending: usize,
    last_commit: Instant,
    /// The analysis version recorded with each commit.
    marker: String,
    /// The index directory, whose commit files get the directory's permissions.
    dir: Option<PathBuf>,
}

impl Feeder<'_> {
    fn count(&mut self, status: Status, by: isize) {
        let n = match status {
            Status::New => &mut self.report.indexed,
            Status::Updated => &mut self.report.updated,
            Status::Unchanged => &mut self.report.unchanged,
        };
        *n = n.saturating_add_signed(by);
    }

    fn take(&mut self, p: Result<Prepared, Problem>) -> crate::Result<()> {
        let p = match p {
            Ok(p) => p,
            Err(problem) => {
                self.report.skipped.push(problem);
                return Ok(());
            }
        };
        let id_term = Term::from_field_text(self.f.id, &p.id);
        match self.seen.get(&p.id).map(|s| s.status) {
            Some(earlier) => {
                // The same id again in this run: the later article wins, as it would in a
                // later run. It is counted as what it is to the index before the run.
                self.report.warnings.push(Problem {
                    path: p.path.clone(),
                    line: None,
                    reason: "same id as an earlier article of this run; the later one replaces it"
                        .into(),
                });
                self.count(earlier, -1);
                self.count(p.status, 1);
                if !(earlier == Status::Unchanged && p.status == Status::Unchanged) {
                    self.writer.delete_term(id_term.clone());
                    self.writer.add_document(p.doc)?;
                    self.pending += 1;
                }
            }
            None => {
                self.count(p.status, 1);
                if p.status != Status::Unchanged {
                    if p.status == Status::Updated {
                        self.writer.delete_term(id_term.clone());
                    }
                    self.writer.add_document(p.doc)?;
                    self.pending += 1;
                }
            }
        }
        self.progress.indexed = self.report.indexed;
        self.progress.updated = self.report.updated;
        self.progress.unchanged = self.report.unchanged;
        self.seen.insert(p.id, Seen { status: p.status });
        if self.pending > 0
            && !self.opts.rebuild
            && (self.pending >= self.opts.commit_every_docs
                || self.last_commit.elapsed() >= self.opts.commit_every)
        {
            self.commit()?;
        }
        Ok(())
    }

    /// Commits what was written, with the analysis version as the payload.
    fn commit(&mut self) -> crate::Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&self.marker);
        prepared.commit()?;
        self.report.commits += 1;
        self.pending = 0;
        self.last_commit = Instant::now();
        if let Some(dir) = &self.dir {
            fix_permissions(dir);
        }
        Ok(())
    }
}

/// Gives the files tantivy writes atomically (`meta.json`, `.managed.json`: through a
/// temporary file, created 0600) the permissions of the other index files, those of the
/// directory less the execute bits (a directory made under umask 022 is 0755, so 0644):
/// an index built by one user can then be searched by another, as its segment files can be
/// read. Best effort: an index on a file system without Unix permissions is left alone.
pub(crate) fn fix_permissions(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(dir_meta) = std::fs::metadata(dir) else {
            return;
        };
        let mode = dir_meta.permissions().mode() & 0o666;
        for name in ["meta.json", ".managed.json"] {
            let path = dir.join(name);
            if let Ok(m) = std::fs::metadata(&path) {
                if m.permissions().mode() & 0o777 != mode {
                    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The analysis version to record with this run's commits: the current one, unless documents
/// analysed by another version stay in the index (then theirs, so that the index keeps saying
/// it needs a rebuild).
fn analysis_marker(index: &Index, reader: &IndexReader, rebuild: bool) -> crate::Result<String> {
    let current = crate::analysis::ANALYSIS_VERSION.to_string();
    if rebuild || reader.searcher().num_docs() == 0 {
        return Ok(current);
    }
    Ok(index
        .load_metas()?
        .payload
        .unwrap_or_else(|| "telusur-analysis/1".into()))
}

/// A warning when `index` holds documents analysed by another analysis version than this
/// build's ([`crate::analysis::ANALYSIS_VERSION`]).
pub(crate) fn stale_analysis_warning(index: &Index, num_docs: u64) -> Option<String> {
    if num_docs == 0 {
        return None;
    }
    let payload = index.load_metas().ok()?.payload;
    (payload.as_deref() != Some(crate::analysis::ANALYSIS_VERSION)).then(|| {
        format!(
            "this index was built by another version of telusur's analysis ({}; this build makes {}): \
             some matches (compound phrases such as \"kerja sama\") may be missed; rebuild it with \
             `telusur index PATH... --rebuild`",
            payload.as_deref().unwrap_or("telusur-analysis/1"),
            crate::analysis::ANALYSIS_VERSION
        )
    })
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

/// One value of a facet or field with the number of documents that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyCount {
    /// The value: a country or organisation code, a source, a year.
    pub key: String,
    /// Its human name when it has one (`Filipina` for `PH`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Documents with this value.
    pub count: u64,
}

/// What an index holds: `telusur stats`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Documents (articles) in the index.
    pub documents: u64,
    /// Index segments (fewer is faster to search).
    pub segments: usize,
    /// Size of the index files on disk in bytes (0 in memory).
    pub size_bytes: u64,
    /// The earliest publication date.
    pub first_published: Option<NaiveDate>,
    /// The latest publication date.
    pub last_published: Option<NaiveDate>,
    /// Documents without a known year.
    pub undated: u64,
    /// Documents per year, oldest first.
    pub years: Vec<KeyCount>,
    /// Documents per partner country, most first.
    pub partners: Vec<KeyCount>,
    /// Documents per partner organisation, most first.
    pub orgs: Vec<KeyCount>,
    /// Documents per source, most first.
    pub sources: Vec<KeyCount>,
    /// Whether the index holds the built-in sample corpus: generated articles with fictional
    /// outlets, not real news (see [`Engine::is_sample`](crate::Engine::is_sample)).
    #[serde(default)]
    pub sample: bool,
}

/// Computes [`Stats`] over the live documents of a searcher.
pub(crate) fn stats(searcher: &Searcher, f: &Fields, dir: Option<&Path>) -> crate::Result<Stats> {
    let mut s = Stats {
        documents: searcher.num_docs(),
        segments: searcher.segment_readers().len(),
        size_bytes: dir.map_or(0, dir_size),
        ..Stats::default()
    };
    let schema = searcher.schema();
    let mut years: BTreeMap<i64, u64> = BTreeMap::new();
    let (mut first, mut last) = (None::<i64>, None::<i64>);
    let mut facets: [BTreeMap<String, u64>; 3] = Default::default();
    let facet_fields = [f.country, f.org, f.source];
    for seg in searcher.segment_readers() {
        let dates = seg.fast_fields().date("published")?;
        let year_col = seg.fast_fields().i64("year_num")?;
        let readers = facet_fields
            .iter()
            .map(|&field| seg.facet_reader(schema.get_field_name(field)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let mut ord_counts: Vec<Vec<u64>> =
            readers.iter().map(|r| vec![0; r.num_facets()]).collect();
        for doc in seg.doc_ids_alive() {
            if let Some(d) = dates.first(doc) {
                let secs = d.into_timestamp_secs();
                first = Some(first.map_or(secs, |x| x.min(secs)));
                last = Some(last.map_or(secs, |x| x.max(secs)));
            }
            match year_col.first(doc) {
                Some(y) => *years.entry(y).or_default() += 1,
                None => s.undated += 1,
            }
            for (reader, counts) in readers.iter().zip(ord_counts.iter_mut()) {
                for ord in reader.facet_ords(doc) {
                    if let Some(c) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                        *c += 1;
                    }
                }
            }
        }
        let mut facet = Facet::root();
        for ((reader, counts), out) in readers.iter().zip(&ord_counts).zip(facets.iter_mut()) {
            for (ord, &n) in counts.iter().enumerate() {
                if n > 0 {
                    reader.facet_from_ord(ord as u64, &mut facet)?;
                    *out.entry(facet_leaf(facet.encoded_str()).to_string())
                        .or_default() += n;
                }
            }
        }
    }
    let to_date = |secs: i64| chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive());
    s.first_published = first.and_then(to_date);
    s.last_published = last.and_then(to_date);
    s.years = years
        .into_iter()
        .map(|(y, count)| KeyCount {
            key: y.to_string(),
            name: None,
            count,
        })
        .collect();
    let [countries, orgs, sources] = facets;
    let ranked = |m: BTreeMap<String, u64>, name: &dyn Fn(&str) -> Option<String>| {
        let mut v: Vec<KeyCount> = m
            .into_iter()
            .map(|(key, count)| KeyCount {
                name: name(&key),
                key,
                count,
            })
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        v
    };
    s.partners = ranked(countries, &|k| {
        gazetteer::country(k).map(|c| c.name_id.to_string())
    });
    s.orgs = ranked(orgs, &|k| gazetteer::org(k).map(|o| o.name_id.to_string()));
    s.sources = ranked(sources, &|_| None);
    Ok(s)
}

/// Sum of the sizes of the files in an index directory (tantivy keeps it flat).
fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |rd| {
        rd.filter_map(|e| e.ok()?.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        let mut evidence = BTreeMap::new();
        evidence.insert("year".to_string(), "Senin (14/3/2022)".to_string());
        Article {
            id: String::new(),
            path: Some("corpus/a.txt".into()),
            url: Some("https://example.org/berita/1".into()),
            body: "Indonesia dan Filipina sepakat bekerja sama.".into(),
            meta: Metadata {
                title: Some("Kerja sama".into()),
                source: Some("detik/news".into()),
                dateline: Some("Jakarta".into()),
                published: NaiveDate::from_ymd_opt(2022, 3, 14),
                year: None,
                partners: vec!["PH".into(), "AU".into(), "PH".into()],
                partner_orgs: vec!["UN".into()],
                mentioned_countries: vec!["PH".into(), "ZZ".into()],
                evidence,
            },
        }
    }

    #[test]
    fn normalize_fills_id_and_year_and_sorts_lists() {
        let mut a = article();
        normalize(&mut a);
        assert_eq!(a.id, stable_id(a.url.as_deref(), ""));
        assert_eq!(a.meta.year, Some(2022));
        assert_eq!(a.meta.partners, ["AU", "PH"]);
    }

    #[test]
    fn document_round_trips_every_field() {
        let (_, f) = schema();
        let mut a = article();
        normalize(&mut a);
        let doc = to_document(&f, &a, 42);
        assert_eq!(from_document(&f, &doc), a);
        assert_eq!(doc.get_first(f.hash).and_then(|v| v.as_u64()), Some(42));
    }

    #[test]
    fn facets_escape_slashes_and_keep_country_depth() {
        let (_, f) = schema();
        let mut a = article();
        normalize(&mut a);
        let doc = to_document(&f, &a, 0);
        let facets: Vec<String> = doc
            .get_all(f.mentioned)
            .filter_map(|v| {
                v.as_facet()
                    .map(|s| Facet::from_encoded(s.as_bytes().to_vec()).map(|f| f.to_string()))
            })
            .collect::<Result<_, _>>()
            .expect("utf-8 facets");
        assert_eq!(
            facets,
            ["/asia/south-eastern-asia/PH", "/unknown/unknown/ZZ"]
        );
        let source = doc
            .get_first(f.source)
            .and_then(|v| v.as_facet())
            .map(facet_leaf);
        assert_eq!(source, Some("detik/news"));
    }

    #[test]
    fn year_facet_has_the_month_when_the_day_is_known() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 14);
        assert_eq!(
            year_facet(d, Some(2022)).map(|f| f.to_string()).as_deref(),
            Some("/2022/03")
        );
        assert_eq!(
            year_facet(None, Some(2019))
                .map(|f| f.to_string())
                .as_deref(),
            Some("/2019")
        );
        assert_eq!(year_facet(None, None), None);
    }

    #[test]
    fn content_hash_follows_content() {
        let mut a = article();
        normalize(&mut a);
        let h = content_hash(&a);
        assert_eq!(h, content_hash(&a.clone()));
        a.body.push('!');
        assert_ne!(h, content_hash(&a));
        let mut b = article();
        normalize(&mut b);
        b.meta.partners.push("MY".into());
        assert_ne!(h, content_hash(&b));
    }

    #[test]
    fn report_groups_skips_by_reason() {
        let p = |path: &str, reason: &str| Problem {
            path: path.into(),
            line: None,
            reason: reason.into(),
        };
        let r = IndexReport {
            skipped: [p("a", "bad json"), p("b", "empty"), p("c", "bad json")]
                .into_iter()
                .collect(),
            ..IndexReport::default()
        };
        let groups = r.skipped_by_reason();
        assert_eq!(groups.len(), 2);
        assert_eq!(
            (groups[0].reason.as_str(), groups[0].count),
            ("bad json", 2)
        );
        assert_eq!(
            groups[0]
                .examples
                .iter()
                .map(|p| p.path.as_str())
                .collect::<Vec<_>>(),
            ["a", "c"]
        );
        assert!(!r.any_article());
    }
}
