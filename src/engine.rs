//! [`Engine`]: one telusur index, opened for indexing and searching.
//!
//! Creating, opening and indexing live here; searching (`Engine::search`) lives in
//! [`crate::search`].
//!
//! ```
//! use telusur::{Article, Engine, Metadata};
//! use telusur::IndexOptions;
//!
//! # fn main() -> telusur::Result<()> {
//! let dir = tempfile::tempdir().map_err(|e| telusur::Error::io("tempdir", e))?;
//! let engine = Engine::create(dir.path())?;
//! let article = |url: &str, body: &str, partner: &str, year: i32| Article {
//!     url: Some(url.to_string()),
//!     body: body.to_string(),
//!     meta: Metadata {
//!         source: Some("ANTARA".into()),
//!         year: Some(year),
//!         partners: vec![partner.to_string()],
//!         ..Metadata::default()
//!     },
//!     ..Article::default()
//! };
//! let report = engine.index_articles(
//!     [
//!         article("https://example.org/1", "Indonesia dan Filipina memperkuat kerja sama.", "PH", 2022),
//!         article("https://example.org/2", "Densus 88 bertukar data dengan polisi Malaysia.", "MY", 2023),
//!         article("https://example.org/3", "Pelatihan bersama penanggulangan terorisme.", "AU", 2021),
//!     ],
//!     &IndexOptions::default(),
//! )?;
//! assert_eq!((report.indexed, report.documents), (3, 3));
//!
//! // Indexing the same articles again changes nothing.
//! let again = engine.index_articles(
//!     [article("https://example.org/1", "Indonesia dan Filipina memperkuat kerja sama.", "PH", 2022)],
//!     &IndexOptions::default(),
//! )?;
//! assert_eq!((again.unchanged, again.documents), (1, 3));
//!
//! let stats = engine.stats()?;
//! assert_eq!(stats.partners.len(), 3);
//! # Ok(())
//! # }
//! ```

use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::article::Article;
use crate::index::{self, Fields, IndexOptions, IndexReport, Progress, Source, Stats};

/// A telusur index, ready to search (and to index into).
///
/// Readers see the index as of the last [`reload`](Engine::reload); every indexing method of
/// the engine reloads when it has committed. Only one process (one indexing run) can write to
/// an index at a time: a second writer gets [`Error::Locked`](crate::Error::Locked).
pub struct Engine {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) dir: Option<PathBuf>,
    /// The analyzers of query text (see [`crate::analysis::query_tokenizers`]).
    pub(crate) query_tokenizers: tantivy::tokenizer::TokenizerManager,
    /// The stale-analysis warning of the searcher generation it was computed for.
    pub(crate) analysis_warning: std::sync::Mutex<Option<(u64, Option<String>)>>,
    /// Per-segment facet tables, read on the first search with facets.
    pub(crate) facet_tables: crate::search::FacetTables,
    /// Analyzers lent to snippet making and given back, so that their word memos stay warm
    /// between searches (a fresh copy starts with an empty memo).
    pub(crate) snippet_analyzers: crate::search::AnalyzerPool,
    /// The threads of a search: the caller and one helper per other core (the number of
    /// cores is looked up once: `available_parallelism` reads the cgroup files on every
    /// call, ~2% of a search's time when called per search).
    pub(crate) workers: crate::search::Workers,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("dir", &self.dir)
            .field("documents", &self.num_docs())
            .finish()
    }
}

impl Engine {
    /// Whether `dir` holds an index.
    pub fn exists(dir: impl AsRef<Path>) -> bool {
        dir.as_ref().join("meta.json").is_file()
    }

    /// Creates a new, empty index in `dir` (created if missing). Fails when `dir` already
    /// holds an index.
    pub fn create(dir: impl AsRef<Path>) -> crate::Result<Engine> {
        let dir = dir.as_ref();
        if Self::exists(dir) {
            return Err(crate::Error::InvalidRequest(format!(
                "an index already exists at {}",
                dir.display()
            )));
        }
        std::fs::create_dir_all(dir).map_err(|e| crate::Error::io(dir, e))?;
        let (schema, _) = index::schema();
        let idx = Index::builder()
            .schema(schema)
            .settings(index::settings())
            .create_in_dir(dir)?;
        index::fix_permissions(dir);
        Self::from_index_in(idx, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`; [`Error::NoIndex`](crate::Error::NoIndex) when there is none.
    pub fn open(dir: impl AsRef<Path>) -> crate::Result<Engine> {
        let dir = dir.as_ref();
        if !Self::exists(dir) {
            return Err(crate::Error::NoIndex(dir.to_path_buf()));
        }
        let mmap = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| crate::Error::Tantivy(e.into()))?;
        let idx = Index::open(SharedDir(mmap, dir.to_path_buf()))?;
        Self::from_index_in(idx, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, creating an empty one when there is none.
    pub fn open_or_create(dir: impl AsRef<Path>) -> crate::Result<Engine> {
        let dir = dir.as_ref();
        if Self::exists(dir) {
            Self::open(dir)
        } else {
            Self::create(dir)
        }
    }

    /// An index in memory, gone when dropped: for tests and examples.
    pub fn in_memory() -> crate::Result<Engine> {
        let (schema, _) = index::schema();
        let idx = Index::builder()
            .schema(schema)
            .settings(index::settings())
            .create_in_ram()?;
        Self::from_index_in(idx, None)
    }

    /// Opens the index in `dir`; when there is none, builds it from the built-in sample corpus
    /// first. The report is `Some` when the sample was indexed, so that the caller can say so
    /// (the command line prints a note on stderr).
    #[cfg(feature = "generate")]
    pub fn open_default(dir: impl AsRef<Path>) -> crate::Result<(Engine, Option<IndexReport>)> {
        let dir = dir.as_ref();
        if Self::exists(dir) {
            return Ok((Self::open(dir)?, None));
        }
        let engine = Self::create(dir)?;
        let report = engine.index_articles(default_sample(), &IndexOptions::default())?;
        let marker = dir.join(SAMPLE_MARKER);
        std::fs::write(&marker, SAMPLE_NOTE).map_err(|e| crate::Error::io(&marker, e))?;
        Ok((engine, Some(report)))
    }

    /// Whether this index holds the built-in sample corpus of `open_default`
    /// (Self::open_default): generated articles from fictional outlets on `.example`
    /// domains, not real news. The index records it in a file beside its own
    /// (`SAMPLE.txt`); a rebuild with other articles ([`IndexOptions::rebuild`]) removes it.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let (engine, _) = telusur::Engine::open_default(dir.path().join("index")).unwrap();
    /// assert!(engine.is_sample());
    /// assert!(engine.stats().unwrap().sample);
    /// ```
    pub fn is_sample(&self) -> bool {
        self.dir
            .as_ref()
            .is_some_and(|d| d.join(SAMPLE_MARKER).is_file())
    }

    /// After a successful rebuild the index holds only the given articles: no longer the
    /// sample.
    fn after_run(&self, opts: &IndexOptions, report: &IndexReport) {
        if opts.rebuild && !report.rebuild_skipped {
            if let Some(d) = &self.dir {
                let _ = std::fs::remove_file(d.join(SAMPLE_MARKER));
            }
        }
    }

    /// Wraps an existing tantivy index made with [`crate::index::schema`] (an in-RAM one, for
    /// instance): registers the Indonesian analyzer and opens a reader.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn from_index(index: Index) -> crate::Result<Engine> {
        Self::from_index_in(index, None)
    }

    /// Replaces the analyzer of the text fields (registered as [`crate::analysis::ANALYZER_NAME`])
    /// for this engine: for experiments such as the benchmark's default-analyzer baseline.
    /// Searches must use the analyzer the documents were indexed with.
    pub fn set_analyzer(&self, analyzer: tantivy::tokenizer::TextAnalyzer) {
        self.snippet_analyzers.clear();
        self.index
            .tokenizers()
            .register(crate::analysis::ANALYZER_NAME, analyzer.clone());
        self.query_tokenizers
            .register(crate::analysis::ANALYZER_NAME, analyzer);
    }

    fn from_index_in(idx: Index, dir: Option<PathBuf>) -> crate::Result<Engine> {
        // Segments are searched in parallel, one thread per core (see `search::Workers`).
        let workers = crate::search::Workers::new(
            std::thread::available_parallelism().map_or(1, |n| n.get()),
        )?;
        let fields = index::fields_of(&idx.schema())?;
        crate::analysis::register(&idx);
        let reader = idx
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Engine {
            index: idx,
            reader,
            fields,
            dir,
            query_tokenizers: crate::analysis::query_tokenizers(),
            analysis_warning: Default::default(),
            facet_tables: Default::default(),
            snippet_analyzers: Default::default(),
            workers,
        })
    }

    /// Sets how many threads one search uses: the calling thread and `threads − 1` helpers
    /// (default: one per core; 0 counts as 1). A server that already runs a search per core
    /// at once can measure whether helpers still pay (see `examples/serve_load.rs`).
    pub fn set_search_threads(&mut self, threads: usize) -> crate::Result<()> {
        self.workers = crate::search::Workers::new(threads.max(1))?;
        Ok(())
    }

    /// The directory the index lives in (`None` for an in-memory index).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Documents in the index (as of the last reload).
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Makes searches see what has been committed since the engine was opened or last
    /// reloaded (by another process, for instance).
    pub fn reload(&self) -> crate::Result<()> {
        Ok(self.reader.reload()?)
    }

    /// A warning when the index was analysed by another version of telusur's analysis (checked
    /// once per searcher generation).
    pub(crate) fn analysis_warning(&self, searcher: &tantivy::Searcher) -> Option<String> {
        let generation = searcher.generation().generation_id();
        let mut cached = self
            .analysis_warning
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match &*cached {
            Some((g, warning)) if *g == generation => warning.clone(),
            _ => {
                let warning = index::stale_analysis_warning(&self.index, searcher.num_docs());
                *cached = Some((generation, warning.clone()));
                warning
            }
        }
    }

    fn location(&self) -> PathBuf {
        self.dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("<memory>"))
    }

    /// Indexes files, directories (recursively) and `-` (stdin): each input is read and its
    /// metadata extracted by [`crate::ingest`], in parallel. Articles are upserted by their
    /// stable id; inputs and articles that cannot be used are reported in
    /// [`IndexReport::skipped`] and never end the run. `progress` is called on the calling
    /// thread after each batch of inputs.
    ///
    /// Errors: [`Error::Locked`](crate::Error::Locked) when another writer holds the index,
    /// I/O and tantivy errors of the index itself.
    pub fn index_paths(
        &self,
        paths: &[PathBuf],
        opts: &IndexOptions,
        mut progress: impl FnMut(&Progress),
    ) -> crate::Result<IndexReport> {
        let report = index::run(
            &self.index,
            &self.reader,
            &self.fields,
            &self.location(),
            Source::Paths(paths),
            opts,
            &mut progress,
        )?;
        self.after_run(opts, &report);
        Ok(report)
    }

    /// Indexes article values (upsert by [`Article::id`]; an empty id is computed with
    /// [`stable_id`](crate::article::stable_id)). Articles are prepared in parallel, a batch
    /// at a time, so the iterator may be long or lazy.
    pub fn index_articles(
        &self,
        articles: impl IntoIterator<Item = Article>,
        opts: &IndexOptions,
    ) -> crate::Result<IndexReport> {
        let report = index::run(
            &self.index,
            &self.reader,
            &self.fields,
            &self.location(),
            Source::Articles(Box::new(articles.into_iter())),
            opts,
            &mut |_| {},
        )?;
        self.after_run(opts, &report);
        Ok(report)
    }

    /// The article with this id, rebuilt from the stored fields, or `None`.
    pub fn get(&self, id: &str) -> crate::Result<Option<Article>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, addr)) => {
                let doc: TantivyDocument = searcher.doc(*addr)?;
                Ok(Some(index::from_document(&self.fields, &doc)))
            }
            None => Ok(None),
        }
    }

    /// Statistics of the index: documents, stories, size, date range, years, partners, orgs,
    /// sources (counting articles).
    pub fn stats(&self) -> crate::Result<Stats> {
        self.stats_by(crate::dedup::CountUnit::Articles)
    }

    /// [`stats`](Self::stats), with the years, partners, orgs and sources counting articles or
    /// stories (an error for stories in an index without story ids).
    pub fn stats_by(&self, count: crate::dedup::CountUnit) -> crate::Result<Stats> {
        let searcher = self.reader.searcher();
        let mut s = index::stats(&searcher, &self.fields, self.dir())?;
        s.sample = self.is_sample();
        s.stories = crate::dedup::count_stories(&searcher, &self.fields)?;
        match count {
            crate::dedup::CountUnit::Articles => Ok(s),
            crate::dedup::CountUnit::Stories => {
                crate::dedup::story_stats(&searcher, &self.fields, s)
            }
        }
    }
}

/// An index directory that another user can search: tantivy takes the meta lock (which keeps
/// a writer from deleting segment files while a reader opens them) by opening the lock file
/// for writing, which fails for a user who may read the index but not write in it. Then this
/// directory takes the same lock shared, through a read-only handle: it still excludes the
/// writer, so the reader's view is as safe. Everything else is the mmap directory's.
#[derive(Debug, Clone)]
struct SharedDir(tantivy::directory::MmapDirectory, PathBuf);

/// The lock a reader holds (dropping the file releases it).
struct SharedLock(#[allow(dead_code)] std::fs::File);

impl tantivy::Directory for SharedDir {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> Result<
        std::sync::Arc<dyn tantivy::directory::FileHandle>,
        tantivy::directory::error::OpenReadError,
    > {
        self.0.get_file_handle(path)
    }
    fn open_read(
        &self,
        path: &Path,
    ) -> Result<tantivy::directory::FileSlice, tantivy::directory::error::OpenReadError> {
        self.0.open_read(path)
    }
    fn delete(&self, path: &Path) -> Result<(), tantivy::directory::error::DeleteError> {
        self.0.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, tantivy::directory::error::OpenReadError> {
        self.0.exists(path)
    }
    fn open_write(
        &self,
        path: &Path,
    ) -> Result<tantivy::directory::WritePtr, tantivy::directory::error::OpenWriteError> {
        self.0.open_write(path)
    }
    fn atomic_read(
        &self,
        path: &Path,
    ) -> Result<Vec<u8>, tantivy::directory::error::OpenReadError> {
        self.0.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }
    fn acquire_lock(
        &self,
        lock: &tantivy::directory::Lock,
    ) -> Result<tantivy::directory::DirectoryLock, tantivy::directory::error::LockError> {
        use tantivy::directory::error::LockError;
        match self.0.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if e.kind() == std::io::ErrorKind::PermissionDenied
                    && lock.filepath == tantivy::directory::META_LOCK.filepath =>
            {
                use fs4::fs_std::FileExt;
                let file = std::fs::File::open(self.1.join(&lock.filepath))
                    .map_err(|e| LockError::IoError(std::sync::Arc::new(e)))?;
                FileExt::lock_shared(&file)
                    .map_err(|e| LockError::IoError(std::sync::Arc::new(e)))?;
                Ok(tantivy::directory::DirectoryLock::from(Box::new(
                    SharedLock(file),
                )))
            }
            other => other,
        }
    }
    fn watch(
        &self,
        watch_callback: tantivy::directory::WatchCallback,
    ) -> tantivy::Result<tantivy::directory::WatchHandle> {
        self.0.watch(watch_callback)
    }
}

/// The file that marks an index built from the sample corpus (see [`Engine::is_sample`]).
const SAMPLE_MARKER: &str = "SAMPLE.txt";

/// What the marker file says, for a person who finds it.
#[cfg(feature = "generate")]
const SAMPLE_NOTE: &str = "This index was built by telusur from its built-in sample corpus: \
generated articles from fictional outlets on .example domains, not real news.\n\
Rebuild it with your own articles (telusur index PATH... --rebuild) or delete this folder.\n";

/// The built-in sample corpus indexed by [`Engine::open_default`]: [`crate::generate::sample_corpus`] (about 2,000 generated
/// articles, deterministic).
#[cfg(feature = "generate")]
pub(crate) fn default_sample() -> Vec<Article> {
    crate::generate::sample_corpus().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Metadata;
    use chrono::NaiveDate;

    fn art(
        url: &str,
        body: &str,
        partners: &[&str],
        date: (i32, u32, u32),
        source: &str,
    ) -> Article {
        Article {
            url: Some(url.into()),
            body: body.into(),
            meta: Metadata {
                source: Some(source.into()),
                published: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
                partners: partners.iter().map(|s| s.to_string()).collect(),
                ..Metadata::default()
            },
            ..Article::default()
        }
    }

    fn three() -> Vec<Article> {
        vec![
            art("u:1", "satu", &["PH"], (2022, 3, 1), "ANTARA"),
            art("u:2", "dua", &["PH", "MY"], (2019, 1, 5), "Kompas"),
            art("u:3", "tiga", &["AU"], (2023, 12, 31), "ANTARA"),
        ]
    }

    fn opts() -> IndexOptions {
        IndexOptions {
            memory_mb: 50,
            threads: Some(2),
            ..IndexOptions::default()
        }
    }

    #[test]
    fn reindexing_upserts_instead_of_duplicating() -> crate::Result<()> {
        let e = Engine::in_memory()?;
        let r = e.index_articles(three(), &opts())?;
        assert_eq!(
            (r.indexed, r.updated, r.unchanged, r.documents),
            (3, 0, 0, 3)
        );
        let r = e.index_articles(three(), &opts())?;
        assert_eq!(
            (r.indexed, r.updated, r.unchanged, r.documents),
            (0, 0, 3, 3)
        );

        let mut changed = three();
        changed[1].body = "dua, diperbarui".into();
        let r = e.index_articles(changed.clone(), &opts())?;
        assert_eq!(
            (r.indexed, r.updated, r.unchanged, r.documents),
            (0, 1, 2, 3)
        );
        let id = crate::article::stable_id(Some("u:2"), "");
        let got = e.get(&id)?.expect("the updated article is there");
        assert_eq!(got.body, "dua, diperbarui");
        assert_eq!(got.meta.partners, ["MY", "PH"]);
        assert_eq!(got.meta.year, Some(2019));
        assert_eq!(e.get("no-such-id")?, None);
        Ok(())
    }

    #[test]
    fn rebuild_keeps_only_this_runs_articles() -> crate::Result<()> {
        let e = Engine::in_memory()?;
        e.index_articles(three(), &opts())?;
        let rebuild = IndexOptions {
            rebuild: true,
            ..opts()
        };
        let r = e.index_articles(three().into_iter().take(1), &rebuild)?;
        assert_eq!((r.indexed, r.documents), (1, 1));
        Ok(())
    }

    #[test]
    fn a_later_duplicate_replaces_the_earlier_and_empty_articles_are_skipped() -> crate::Result<()>
    {
        let e = Engine::in_memory()?;
        let mut input = three();
        let mut dup = input[0].clone();
        dup.path = Some("second.jsonl:7".into());
        dup.body = "satu, versi kedua".into();
        input.push(dup);
        input.push(Article {
            path: Some("empty.txt".into()),
            body: "  \n".into(),
            ..Article::default()
        });
        let r = e.index_articles(input, &opts())?;
        assert_eq!((r.indexed, r.documents), (3, 3));
        let skipped: Vec<(&str, &str)> = r
            .skipped
            .iter()
            .map(|p| (p.path.as_str(), p.reason.as_str()))
            .collect();
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].0, "empty.txt");
        assert!(skipped[0].1.contains("no text"), "{skipped:?}");
        let warned: Vec<&str> = r.warnings.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(warned, ["second.jsonl:7"]);
        // The later one won, as it would have in a later run.
        let id = crate::article::stable_id(Some("u:1"), "");
        assert_eq!(
            e.get(&id)?.map(|a| a.body).as_deref(),
            Some("satu, versi kedua")
        );

        // In a re-run: the first copy changes the article, the second restores it.
        let mut again = three();
        let mut changed = again[0].clone();
        changed.body = "satu, versi ketiga".into();
        let mut restored = again[0].clone();
        restored.body = "satu, versi kedua".into();
        restored.path = Some("second.jsonl:7".into());
        again[0] = changed;
        again.push(restored);
        let r = e.index_articles(again, &opts())?;
        assert_eq!(
            (r.indexed, r.updated, r.unchanged, r.documents),
            (0, 0, 3, 3)
        );
        assert_eq!(
            e.get(&id)?.map(|a| a.body).as_deref(),
            Some("satu, versi kedua")
        );
        Ok(())
    }

    #[test]
    fn over_long_ids_are_skipped() -> crate::Result<()> {
        let e = Engine::in_memory()?;
        let mut long = three().remove(0);
        long.id = "x".repeat(crate::limits::MAX_ID_BYTES + 1);
        let r = e.index_articles([long], &opts())?;
        assert_eq!((r.indexed, r.documents, r.skipped.total()), (0, 0, 1));
        assert!(r
            .skipped
            .first()
            .is_some_and(|p| p.reason.contains("id too long")));
        Ok(())
    }

    #[test]
    fn a_rebuild_without_articles_keeps_the_index() -> crate::Result<()> {
        let e = Engine::in_memory()?;
        e.index_articles(three(), &opts())?;
        let rebuild = IndexOptions {
            rebuild: true,
            ..opts()
        };
        let r = e.index_paths(&["/no/such/dir".into()], &rebuild, |_| {})?;
        assert!(r.rebuild_skipped);
        assert_eq!((r.documents, e.num_docs()), (3, 3));
        // A rebuild that commits once, however small its commit period.
        let r = e.index_articles(
            three().into_iter().take(2),
            &IndexOptions {
                commit_every_docs: 1,
                ..rebuild
            },
        )?;
        assert_eq!((r.commits, r.documents), (1, 2));
        Ok(())
    }

    #[test]
    fn new_indexes_store_documents_in_small_blocks() -> crate::Result<()> {
        let dir = tempfile::tempdir().expect("tempdir");
        let on_disk = Engine::create(dir.path().join("idx"))?;
        let in_ram = Engine::in_memory()?;
        for e in [on_disk, in_ram] {
            let blocks = e.index.settings().docstore_blocksize;
            assert_eq!(blocks, crate::index::DOCSTORE_BLOCK_BYTES);
            assert!(blocks < tantivy::IndexSettings::default().docstore_blocksize);
        }
        Ok(())
    }

    #[test]
    fn a_big_jsonl_file_is_streamed_in_chunks() -> crate::Result<()> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("arsip.jsonl");
        let mut text = String::new();
        for i in 0..60 {
            if i == 31 {
                text.push_str("{ not json\n");
            }
            text.push_str(&format!(
                "{{\"url\":\"https://contoh.id/{i}\",\"title\":\"Berita {i}\",\"body\":\"Isi berita nomor {i} tentang kerja sama.\",\"published\":\"2021-05-0{}\"}}\n",
                i % 9 + 1
            ));
        }
        std::fs::write(&path, &text).expect("write");
        // Batches of 1 KB: the 6 KB file is read in several chunks.
        let small = IndexOptions {
            batch_bytes: 1024,
            ..opts()
        };
        let e = Engine::in_memory()?;
        let mut calls = 0;
        let r = e.index_paths(std::slice::from_ref(&path), &small, |_| calls += 1)?;
        assert_eq!((r.indexed, r.documents), (60, 60));
        // Progress after each chunk (at least 6 of them), not once for the file.
        assert!(calls >= 6, "{calls} progress calls");
        assert_eq!(r.skipped.total(), 1);
        assert_eq!(r.skipped.first().and_then(|p| p.line), Some(32));
        // The same file in one batch gives the same index.
        let whole = Engine::in_memory()?;
        let r = whole.index_paths(&[path], &opts(), |_| {})?;
        assert_eq!((r.indexed, r.skipped.total()), (60, 1));
        Ok(())
    }

    #[test]
    fn an_index_from_another_analysis_version_warns_until_rebuilt() -> crate::Result<()> {
        use crate::search::SearchRequest;
        let fresh = Engine::in_memory()?;
        fresh.index_articles(three(), &opts())?;
        assert!(fresh
            .search(&SearchRequest::new("satu"))?
            .warnings
            .is_empty());

        // Documents committed without the analysis version, as an older telusur did.
        let (schema, fields) = crate::index::schema();
        let index = tantivy::Index::create_in_ram(schema);
        crate::analysis::register(&index);
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000)?;
        writer.add_document(tantivy::doc!(fields.id => "lama", fields.body => "satu"))?;
        writer.commit()?;
        drop(writer);
        let old = Engine::from_index(index)?;
        let warned = |e: &Engine| -> crate::Result<bool> {
            Ok(e.search(&SearchRequest::new("satu"))?
                .warnings
                .iter()
                .any(|w| w.contains("--rebuild")))
        };
        assert!(warned(&old)?);
        // Adding to it keeps the warning: the old documents are still there.
        old.index_articles(three(), &opts())?;
        assert!(warned(&old)?);
        let rebuild = IndexOptions {
            rebuild: true,
            ..opts()
        };
        old.index_articles(three(), &rebuild)?;
        assert!(!warned(&old)?);
        Ok(())
    }

    #[test]
    fn periodic_commits_happen() -> crate::Result<()> {
        let e = Engine::in_memory()?;
        let many = (0..25).map(|i| art(&format!("u:{i}"), "isi", &[], (2020, 1, 1), "X"));
        let r = e.index_articles(
            many,
            &IndexOptions {
                commit_every_docs: 10,
                ..opts()
            },
        )?;
        // 10, 20, then the final commit.
        assert_eq!((r.commits, r.documents), (3, 25));
        Ok(())
    }

    #[test]
    fn stats_count_live_documents() -> crate::Result<()> {
        let e = Engine::in_memory()?;
        e.index_articles(three(), &opts())?;
        let mut changed = three();
        changed[2].meta.partners = vec!["PH".into()];
        e.index_articles(changed, &opts())?;
        let s = e.stats()?;
        assert_eq!(s.documents, 3);
        let partners: Vec<(&str, u64)> = s
            .partners
            .iter()
            .map(|c| (c.key.as_str(), c.count))
            .collect();
        assert_eq!(partners, [("PH", 3), ("MY", 1)]);
        assert_eq!(s.partners[0].name.as_deref(), Some("Filipina"));
        let sources: Vec<(&str, u64)> = s
            .sources
            .iter()
            .map(|c| (c.key.as_str(), c.count))
            .collect();
        assert_eq!(sources, [("ANTARA", 2), ("Kompas", 1)]);
        let years: Vec<&str> = s.years.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(years, ["2019", "2022", "2023"]);
        assert_eq!(s.first_published, NaiveDate::from_ymd_opt(2019, 1, 5));
        assert_eq!(s.last_published, NaiveDate::from_ymd_opt(2023, 12, 31));
        Ok(())
    }

    #[test]
    fn a_second_writer_gets_locked() -> crate::Result<()> {
        let e = Engine::in_memory()?;
        let _held: tantivy::IndexWriter = e.index.writer(15_000_000)?;
        match e.index_articles(three(), &opts()) {
            Err(crate::Error::Locked(_)) => Ok(()),
            other => panic!("expected Locked, got {other:?}"),
        }
    }

    #[test]
    #[cfg(feature = "generate")]
    fn open_create_and_default() -> crate::Result<()> {
        let tmp = tempfile::tempdir().map_err(|e| crate::Error::io("tmp", e))?;
        let dir = tmp.path().join("idx");
        assert!(matches!(Engine::open(&dir), Err(crate::Error::NoIndex(_))));
        let (e, built) = Engine::open_default(&dir)?;
        let built = built.expect("the sample is indexed on first use");
        assert_eq!(built.documents, default_sample().len() as u64);
        assert_eq!(e.num_docs(), built.documents);
        drop(e);
        assert!(Engine::create(&dir).is_err());
        let (e, built) = Engine::open_default(&dir)?;
        assert!(built.is_none());
        assert_eq!(e.num_docs(), default_sample().len() as u64);
        Ok(())
    }
}
