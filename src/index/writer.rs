//! The indexing pipeline: parallel reading and extraction into one writer, upsert by stable
//! id, periodic commits.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;
use tantivy::columnar::Column;
use tantivy::fastfield::AliveBitSet;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    DocSet, Index, IndexReader, IndexWriter, InvertedIndexReader, Searcher, TantivyDocument,
    TantivyError, Term, TERMINATED,
};

use crate::article::Article;
use crate::ingest::{self, Input, Problem, Problems, ReasonCount};
use crate::limits::MAX_ID_BYTES;

use super::*;

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
    /// size, and a bigger JSON Lines file is streamed in chunks of it. Default 16 MB.
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
    /// The near-duplicate signature (when the index has story ids).
    sig: Option<crate::dedup::Signature>,
    /// The slot of the article's document in the index before the run, if any.
    old: Option<crate::dedup::Slot>,
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
    /// Its slot in the run's clusters.
    slot: Option<crate::dedup::Slot>,
}

/// One segment of a [`Lookup`]: its ids, content hashes, deletions and first slot.
type LookupSegment = (
    Arc<InvertedIndexReader>,
    Column<u64>,
    Option<AliveBitSet>,
    u32,
);

/// Finds the content hash of an id in a fixed snapshot of the index (the state before the run,
/// so that every article is compared with what was there, not with this run's writes).
struct Lookup {
    segments: Vec<LookupSegment>,
    id_field: Field,
}

impl Lookup {
    fn new(searcher: &Searcher, f: &Fields) -> crate::Result<Lookup> {
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        // Each segment's first slot, as `dedup::load` numbers them.
        let mut base = 0u32;
        for seg in searcher.segment_readers() {
            segments.push((
                seg.inverted_index(f.id)?,
                seg.fast_fields().u64("hash")?,
                seg.alive_bitset().cloned(),
                base,
            ));
            base += seg.max_doc();
        }
        Ok(Lookup {
            segments,
            id_field: f.id,
        })
    }

    /// The content hash and slot of the live document with this id.
    fn hash_of(&self, id: &str) -> crate::Result<Option<(u64, crate::dedup::Slot)>> {
        let term = Term::from_field_text(self.id_field, id);
        for (inv, hashes, alive, base) in &self.segments {
            let Some(mut postings) = inv
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(|e| crate::Error::Tantivy(e.into()))?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.as_ref().is_none_or(|a| a.is_alive(doc)) {
                    return Ok(Some((hashes.first(doc).unwrap_or(0), base + doc)));
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
const BATCH_BYTES: u64 = 16 << 20;
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
    let before = reader.searcher();
    let lookup = if opts.rebuild {
        writer.delete_all_documents()?;
        None
    } else {
        Some(Lookup::new(&before, f)?)
    };
    // The stories of the articles already there, for the new ones to join.
    let clusters = match (f.story, opts.rebuild) {
        (None, _) => None,
        (Some(_), true) => Some(crate::dedup::Clusters::new()),
        (Some(_), false) => Some(crate::dedup::load(&before)?),
    };
    drop(before);

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
        clusters,
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
        // A merge begun before the failure may still be writing its segment after the
        // rollback (its result is dropped, its files stay): sweep again until nothing but the
        // last commit is left, for up to two seconds.
        let _ = feed.writer.rollback();
        for _ in 0..20 {
            let _ = feed.writer.garbage_collect_files().wait();
            if !location.join("meta.json").is_file() || !has_debris(location, index) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
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
    let found = lookup.map(|l| l.hash_of(&a.id)).transpose()?.flatten();
    let status = match found {
        None => Status::New,
        Some((h, _)) if h == hash => Status::Unchanged,
        Some(_) => Status::Updated,
    };
    // Built even when unchanged: a later article of the same id in this run may replace it
    // and then need it back (see `Feeder::take`). Building is copying; the writer analyses.
    let mut doc = to_document(f, a, hash);
    let sig = f.minhash.map(|field| {
        let sig = crate::dedup::signature_of(a);
        doc.add_bytes(field, &sig.to_bytes());
        sig
    });
    Ok(Ok(Prepared {
        id: std::mem::take(&mut a.id),
        path,
        status,
        doc,
        sig,
        old: found.map(|(_, slot)| slot),
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
    /// (Keyed by a 128-bit hash of the id, not the id: at a million articles the ids' own
    /// strings were ~50 MB more; two ids of one run share a 128-bit hash with a chance of
    /// about 10^-27.)
    seen: HashMap<u128, Seen>,
    /// Documents written since the last commit.
    pending: usize,
    last_commit: Instant,
    /// The analysis version recorded with each commit.
    marker: String,
    /// The stories of the index and of this run's articles (`None`: the index has no
    /// story ids).
    clusters: Option<crate::dedup::Clusters>,
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
        let mut p = match p {
            Ok(p) => p,
            Err(problem) => {
                self.report.skipped.push(problem);
                return Ok(());
            }
        };
        let id_term = Term::from_field_text(self.f.id, &p.id);
        let key = xxhash_rust::xxh3::xxh3_128(p.id.as_bytes());
        let earlier = self.seen.get(&key).map(|s| (s.status, s.slot));
        let mut slot = p.old;
        match earlier.map(|(status, _)| status) {
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
                    let replaced = self.seen.get(&key).and_then(|s| s.slot);
                    slot = self.place(&mut p, replaced);
                    self.writer.delete_term(id_term.clone());
                    self.add(p.doc)?;
                    self.pending += 1;
                } else {
                    slot = self.seen.get(&key).and_then(|s| s.slot);
                }
            }
            None => {
                self.count(p.status, 1);
                if p.status != Status::Unchanged {
                    let old = p.old;
                    slot = self.place(&mut p, old);
                    if p.status == Status::Updated {
                        self.writer.delete_term(id_term.clone());
                    }
                    self.add(p.doc)?;
                    self.pending += 1;
                }
            }
        }
        self.progress.indexed = self.report.indexed;
        self.progress.updated = self.report.updated;
        self.progress.unchanged = self.report.unchanged;
        self.seen.insert(
            key,
            Seen {
                status: p.status,
                slot,
            },
        );
        if self.pending > 0
            && !self.opts.rebuild
            && (self.pending >= self.opts.commit_every_docs
                || self.last_commit.elapsed() >= self.opts.commit_every)
        {
            self.commit()?;
        }
        Ok(())
    }

    /// Sends a document to the writer. When a writer thread has failed (a full disk while
    /// it wrote a segment), the writer only says it was killed; joining its threads, as a
    /// commit does first, gives the failure itself, which is reported instead.
    fn add(&mut self, doc: TantivyDocument) -> crate::Result<()> {
        match self.writer.add_document(doc) {
            Ok(_) => Ok(()),
            Err(killed) => Err(match self.writer.prepare_commit() {
                Err(cause) => cause.into(),
                Ok(_) => killed.into(),
            }),
        }
    }

    /// Gives the article about to be written its story (see [`crate::dedup`]): the
    /// document it replaces (`replaced`) leaves the clusters first. Its new slot.
    fn place(
        &mut self,
        p: &mut Prepared,
        replaced: Option<crate::dedup::Slot>,
    ) -> Option<crate::dedup::Slot> {
        let (clusters, field, sig) = (self.clusters.as_mut()?, self.f.story?, p.sig.as_ref()?);
        if let Some(old) = replaced {
            clusters.remove(old);
        }
        let (story, slot) = clusters.assign(sig, crate::dedup::own_story(&p.id));
        p.doc.add_u64(field, story);
        Some(slot)
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

/// Whether the index directory holds files of segments its last commit does not use (left by
/// a failed run's threads). Unreadable state counts as none: the next run sweeps at its start.
fn has_debris(dir: &Path, index: &Index) -> bool {
    let Ok(live) = index.searchable_segment_ids() else {
        return false;
    };
    let live: Vec<String> = live.iter().map(|id| id.uuid_string()).collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.') && n != "meta.json")
        .any(|n| !live.iter().any(|id| n.starts_with(id.as_str())))
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
