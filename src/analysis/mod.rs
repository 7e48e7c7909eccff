//! Indonesian text analysis, registered in tantivy as the analyzer named [`ANALYZER_NAME`].
//!
//! The analyzer is a chain of small filters, each usable alone:
//!
//! 1. `tokenizer::IndonesianTokenizer`: words on Unicode word boundaries, numbers kept,
//!    hyphenated forms kept together;
//! 2. `normalize::Normalizer`: lowercase, diacritics folded, apostrophes dropped, typographic
//!    dashes folded; tokens of `MAX_TOKEN_LEN` bytes or more (URLs, hashes) dropped (the
//!    analyzer has the tokenizer do this while it copies each word:
//!    `IndonesianTokenizer::normalizing`);
//! 3. `hyphen::HyphenFilter`: reduplication (`negara-negara` → `negara`), clitics
//!    (`kuasa-Mu` → `kuasa`), hyphenated compounds split (`RI-Jepang` → `ri`, `jepang`);
//! 4. `compounds::CompoundFilter`: closed compounds split into their open spelling
//!    (`kerjasama` → `kerja`, `sama`);
//! 5. `stopwords::StopWordFilter`: the custom list `stopwords/id.txt`, position gaps kept,
//!    stopwords inside open compounds kept (optional);
//! 6. `stem_filter::StemFilter`: the Indonesian `stemmer` behind a memo (optional);
//! 7. `join::JoinFilter`: a known compound also gives one joined term (`kerja_sama`); the
//!    query form of the analyzer ([`AnalyzerBuilder::for_queries`], [`query_tokenizers`])
//!    gives the joined term alone, so that a compound phrase is a one-term query.
//!
//! The analyzer built by [`AnalyzerBuilder`] runs stages 3-7 in one token stream rather than as
//! five filter layers: each word's compound split, stopword role, stem and place in the joined
//! pairs are looked up together in one memo, and what depends on neighbours is decided as the
//! filters do. Its tokens are those of the chain of filters (a test compares them in every
//! configuration).
//!
//! Positions are token ordinals (a split adds positions, a removal leaves a gap, identically at
//! index and query time) and offsets are byte offsets into the original text.
//!
//! # Register as a tantivy tokenizer
//!
//! ```
//! use tantivy::collector::TopDocs;
//! use tantivy::query::QueryParser;
//! use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value};
//! use tantivy::{doc, Index, TantivyDocument};
//! use telusur::analysis::{self, AnalyzerBuilder};
//!
//! # fn main() -> telusur::Result<()> {
//! let mut schema = Schema::builder();
//! let indexing = TextFieldIndexing::default()
//!     .set_tokenizer(analysis::ANALYZER_NAME)
//!     .set_index_option(IndexRecordOption::WithFreqsAndPositions);
//! let body = schema.add_text_field("body", TextOptions::default().set_indexing_options(indexing).set_stored());
//! let index = Index::create_in_ram(schema.build());
//!
//! // The default analyzer (`analysis::register(&index)`), or one from the builder:
//! index.tokenizers().register(analysis::ANALYZER_NAME, AnalyzerBuilder::new().build()?);
//!
//! let mut writer = index.writer(15_000_000)?;
//! writer.add_document(doc!(body => "Indonesia dan Australia menandatangani kerjasama baru."))?;
//! writer.commit()?;
//!
//! let searcher = index.reader()?.searcher();
//! // Queries are parsed with the query form of the analyzer (compounds as one term).
//! let parser = QueryParser::new(index.schema(), vec![body], analysis::query_tokenizers());
//! // The open spelling finds the closed one.
//! let query = parser.parse_query("\"kerja sama\"").expect("valid query");
//! let hits = searcher.search(&query, &TopDocs::with_limit(10).order_by_score())?;
//! assert_eq!(hits.len(), 1);
//! let doc: TantivyDocument = searcher.doc(hits[0].1)?;
//! assert!(doc.get_first(body).and_then(|v| v.as_str()).is_some());
//! # Ok(())
//! # }
//! ```

pub(crate) mod compounds;
// The stages' tantivy filter forms (settings, wrapper, stream, as tantivy's own filters) are
// built only by the test that compares them with the fused pipeline (`pipeline.rs`), and a
// few helpers kept with them are used by neither.
#[allow(dead_code)]
pub(crate) mod hyphen;
pub(crate) mod join;
// The stages' tantivy filter forms (settings, wrapper, stream, as tantivy's own filters) are
// built only by the test that compares them with the fused pipeline (`pipeline.rs`), and a
// few helpers kept with them are used by neither.
#[allow(dead_code)]
pub(crate) mod normalize;
mod pipeline;
mod short_str;
pub(crate) mod stem_filter;
mod stemmer;
// The stages' tantivy filter forms (settings, wrapper, stream, as tantivy's own filters) are
// built only by the test that compares them with the fused pipeline (`pipeline.rs`), and a
// few helpers kept with them are used by neither.
#[allow(dead_code)]
pub(crate) mod stopwords;
// The stages' tantivy filter forms (settings, wrapper, stream, as tantivy's own filters) are
// built only by the test that compares them with the fused pipeline (`pipeline.rs`), and a
// few helpers kept with them are used by neither.
#[allow(dead_code)]
pub(crate) mod tokenizer;
mod word_memo;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::tokenizer::TextAnalyzer;

use compounds::{CompoundFilter, Compounds};
use join::{JoinFilter, JoinMode, Pairs};
use pipeline::{Pipeline, Stages};
use stem_filter::{StemFilter, DEFAULT_CACHE_CAPACITY};
use stopwords::{StopWordFilter, StopWords};

/// The name under which the Indonesian analyzer is registered in an index.
pub const ANALYZER_NAME: &str = "id";

/// The version of the terms the analyzer makes, recorded with every commit of an index (its
/// commit payload): an index whose documents were analysed by another version may miss
/// matches (version 2 added the joined compound terms, `kerja_sama`).
pub(crate) const ANALYSIS_VERSION: &str = "telusur-analysis/2";

pub use stemmer::{Lexicon, StemCache, Stemmer};

/// Builder for the Indonesian analyzer: stopwords on (embedded list), stemming on (embedded
/// lexicon) by default.
///
/// ```
/// use telusur::analysis::AnalyzerBuilder;
///
/// let mut analyzer = AnalyzerBuilder::new().stopwords(false).stemming(false).build().unwrap();
/// let mut stream = analyzer.token_stream("Negara-negara bekerjasama");
/// let mut terms = Vec::new();
/// while let Some(token) = stream.next() {
///     terms.push(token.text.clone());
/// }
/// assert_eq!(terms, ["negara", "bekerja", "sama"]);
/// ```
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder {
    stopwords: bool,
    stopwords_file: Option<PathBuf>,
    stemming: bool,
    lexicon_file: Option<PathBuf>,
    cache_capacity: usize,
    join: Option<JoinMode>,
}

impl Default for AnalyzerBuilder {
    fn default() -> Self {
        AnalyzerBuilder {
            stopwords: true,
            stopwords_file: None,
            stemming: true,
            lexicon_file: None,
            cache_capacity: DEFAULT_CACHE_CAPACITY,
            join: Some(JoinMode::Add),
        }
    }
}

impl AnalyzerBuilder {
    /// The default settings: stopwords and stemming on, embedded data.
    pub fn new() -> Self {
        Self::default()
    }

    /// Removes stopwords (default: true).
    pub fn stopwords(mut self, on: bool) -> Self {
        self.stopwords = on;
        self
    }

    /// Reads the stopword list from `path` instead of the embedded one (one word a line, `#`
    /// comments); implies [`stopwords(true)`](Self::stopwords).
    pub fn stopwords_file(mut self, path: impl AsRef<Path>) -> Self {
        self.stopwords_file = Some(path.as_ref().to_path_buf());
        self.stopwords = true;
        self
    }

    /// Stems tokens (default: true).
    pub fn stemming(mut self, on: bool) -> Self {
        self.stemming = on;
        self
    }

    /// The analyzer for query text: a compound gives its joined term (`kerja_sama`) instead of
    /// its parts plus the joined term, so that a compound phrase is one term query (see
    /// `join`). Default: false (the indexing form).
    pub fn for_queries(mut self, on: bool) -> Self {
        self.join = Some(if on { JoinMode::Replace } else { JoinMode::Add });
        self
    }

    /// Gives no joined compound terms at all, only the parts (`kerja` `sama`): for looking at
    /// words one by one, as `telusur analyze --words` does. Default: joined terms on.
    pub fn without_joined_compounds(mut self) -> Self {
        self.join = None;
        self
    }

    /// Reads the root lexicon from `path` instead of the embedded one.
    pub fn lexicon_file(mut self, path: impl AsRef<Path>) -> Self {
        self.lexicon_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// How many words each analyzer memoises the analysis of (stems and the rest; default
    /// `DEFAULT_CACHE_CAPACITY`), and how many stems its clones share.
    pub fn stem_cache_capacity(mut self, capacity: usize) -> Self {
        self.cache_capacity = capacity;
        self
    }

    /// Builds the analyzer. Fails with [`Error::Config`](crate::Error::Config), naming the file,
    /// if a stopword list or lexicon file cannot be read or parsed.
    pub fn build(&self) -> crate::Result<TextAnalyzer> {
        // The stages in one stream: the same tokens as the chain of filters
        // `IndonesianTokenizer::normalizing()`, `HyphenFilter`, then the stages.
        Ok(TextAnalyzer::from(Pipeline::new(
            self.stages()?,
            self.cache_capacity,
        )))
    }

    /// The stages after the hyphen filter, as configured.
    fn stages(&self) -> crate::Result<Stages> {
        let lexicon = match &self.lexicon_file {
            Some(path) => Arc::new(Lexicon::from_file(path)?),
            None => Lexicon::embedded(),
        };
        let stemmer = Stemmer::new(lexicon.clone());
        let compounds = Compounds::embedded();
        let stopwords = match (&self.stopwords_file, self.stopwords) {
            (_, false) => None,
            (Some(path), true) => Some(Arc::new(StopWords::from_file(path)?)),
            (None, true) => Some(StopWords::embedded()),
        };
        let compound_filter =
            CompoundFilter::new(compounds.clone(), Some((lexicon, stemmer.clone())));
        // Compound pairs in their final form: stemmed when the analyzer stems.
        let final_form = |w: &str| -> String {
            if self.stemming {
                stemmer.stem(w).into_owned()
            } else {
                w.to_string()
            }
        };
        let pairs: Vec<(String, String)> = compounds::COMPOUNDS
            .iter()
            .map(|(a, b)| (final_form(a), final_form(b)))
            .collect();
        let join = self.join.map(|mode| {
            JoinFilter::new(
                Arc::new(Pairs::new(
                    pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())),
                )),
                mode,
            )
        });
        let stem = self
            .stemming
            .then(|| StemFilter::new(stemmer, self.cache_capacity));
        Ok(Stages {
            compounds: compound_filter,
            stopwords: stopwords.map(|words| StopWordFilter::new(words, Some(compounds))),
            stem,
            join,
        })
    }
}

/// The Indonesian analyzer with default settings.
pub fn analyzer() -> TextAnalyzer {
    AnalyzerBuilder::default()
        .build()
        .expect("the default analyzer uses only embedded data")
}

/// The default Indonesian analyzer for query text ([`AnalyzerBuilder::for_queries`]).
pub(crate) fn query_analyzer() -> TextAnalyzer {
    AnalyzerBuilder::default()
        .for_queries(true)
        .build()
        .expect("the default analyzer uses only embedded data")
}

/// Registers the default Indonesian analyzer in `index` under [`ANALYZER_NAME`].
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(ANALYZER_NAME, analyzer());
}

/// A tokenizer manager for query parsing: [`ANALYZER_NAME`] is the query form of the analyzer
/// (compounds as one joined term), the other names are tantivy's defaults.
pub fn query_tokenizers() -> tantivy::tokenizer::TokenizerManager {
    let manager = tantivy::tokenizer::TokenizerManager::default();
    manager.register(ANALYZER_NAME, query_analyzer());
    manager
}

/// What [`analyze_words`] read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordsReport {
    /// Lines read (and written: one output line per input line).
    pub lines: usize,
    /// Lines that were not UTF-8 (read with U+FFFD in place of the bad bytes).
    pub not_utf8: usize,
}

/// The `telusur analyze --words` loop: reads words from `input`, one a line, and writes for
/// each line one line of the terms `analyzer` makes of it, separated by spaces (an empty
/// line for none). It is used in pipes, so it never stops early on bad input: a line that is
/// not UTF-8 is read with U+FFFD in place of its bad bytes, and `on_not_utf8` is told its
/// 1-based number. Only I/O errors end it.
///
/// ```
/// let mut analyzer = telusur::analysis::AnalyzerBuilder::new().stopwords(false).build()?;
/// let mut out = Vec::new();
/// let mut bad = Vec::new();
/// let input = &b"menanggulangi\nCaf\xe9\n\nnegara-negara\n"[..];
/// let r = telusur::analysis::analyze_words(&mut analyzer, input, &mut out, |n| bad.push(n))
///     .map_err(|e| telusur::Error::io("-", e))?;
/// assert_eq!((r.lines, r.not_utf8, bad), (4, 1, vec![2]));
/// assert_eq!(String::from_utf8(out).unwrap().lines().collect::<Vec<_>>(),
///            ["tanggulang", "caf", "", "negara"]);
/// # Ok::<(), telusur::Error>(())
/// ```
pub fn analyze_words(
    analyzer: &mut TextAnalyzer,
    mut input: impl std::io::BufRead,
    mut out: impl std::io::Write,
    mut on_not_utf8: impl FnMut(usize),
) -> std::io::Result<WordsReport> {
    let mut report = WordsReport::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        report.lines += 1;
        let text = match std::str::from_utf8(&line) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => {
                report.not_utf8 += 1;
                on_not_utf8(report.lines);
                String::from_utf8_lossy(&line)
            }
        };
        let word = text.trim_end_matches(['\n', '\r']);
        let mut stream = analyzer.token_stream(word);
        let mut first = true;
        while let Some(token) = stream.next() {
            if !first {
                out.write_all(b" ")?;
            }
            out.write_all(token.text.as_bytes())?;
            first = false;
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            assert!(text.is_char_boundary(t.offset_from));
            assert!(text.is_char_boundary(t.offset_to));
            assert!(t.offset_from <= t.offset_to);
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn full_chain_positions_and_terms() {
        let mut a = AnalyzerBuilder::new().stemming(false).build().unwrap();
        assert_eq!(
            terms(
                &mut a,
                "Negara-negara ASEAN bekerjasama dengan Densus 88 di luar negeri."
            ),
            vec![
                ("negara".to_string(), 0),
                ("asean".to_string(), 1),
                ("bekerja".to_string(), 2),
                ("sama".to_string(), 3),
                ("densus".to_string(), 5),
                ("88".to_string(), 6),
                // A known compound also gives its joined term, at its first word's position.
                ("luar".to_string(), 8),
                ("luar_negeri".to_string(), 8),
                ("negeri".to_string(), 9),
            ]
        );
    }

    #[test]
    fn open_and_closed_spellings_give_the_same_terms() {
        let mut a = analyzer();
        let pairs = [
            ("kerja sama", "kerjasama"),
            ("tanda tangan", "tandatangan"),
            ("tanggung jawab", "tanggungjawab"),
            ("garis keras", "gariskeras"),
            ("luar negeri", "luarnegeri"),
            ("dalam negeri", "dalamnegeri"),
            ("hak asasi", "hakasasi"),
            ("nara pidana", "narapidana"),
            ("kontra terorisme", "kontraterorisme"),
        ];
        for (open, closed) in pairs {
            let o: Vec<String> = terms(&mut a, open).into_iter().map(|t| t.0).collect();
            let c: Vec<String> = terms(&mut a, closed).into_iter().map(|t| t.0).collect();
            assert_eq!(o, c, "{open} / {closed}");
            // The two parts, and the joined term for the compounds of the table (not for
            // bound prefixes such as `kontra`).
            let joined = open.replace(' ', "_");
            let expected = if open.starts_with("kontra") { 2 } else { 3 };
            assert_eq!(o.len(), expected, "{open}: {o:?}");
            assert_eq!(o.contains(&joined), expected == 3, "{open}: {o:?}");
        }
    }

    #[test]
    fn the_query_form_gives_one_term_for_a_compound() {
        let mut q = query_analyzer();
        for text in ["kerja sama", "kerjasama", "bekerjasama", "bekerja sama"] {
            assert_eq!(
                terms(&mut q, text),
                [("kerja_sama".to_string(), 0)],
                "{text}"
            );
        }
        // In a longer phrase the joined term keeps the first word's position.
        assert_eq!(
            terms(&mut q, "kerja sama intelijen"),
            [("kerja_sama".to_string(), 0), ("intelijen".to_string(), 2)]
        );
        // Not consecutive (a stopword between): no join; order matters.
        assert_eq!(terms(&mut q, "sama kerja").len(), 2);
        let mut idx = analyzer();
        assert_eq!(
            terms(&mut idx, "menandatangani kerja sama"),
            [
                ("tanda".to_string(), 0),
                ("tanda_tangan".to_string(), 0),
                ("tangan".to_string(), 1),
                ("kerja".to_string(), 2),
                ("kerja_sama".to_string(), 2),
                ("sama".to_string(), 3),
            ]
        );
    }

    #[test]
    fn builder_options_and_errors() {
        let mut plain = AnalyzerBuilder::new()
            .stopwords(false)
            .stemming(false)
            .build()
            .unwrap();
        assert_eq!(terms(&mut plain, "yang dan")[0].0, "yang");
        let mut stop = analyzer();
        assert!(terms(&mut stop, "yang dan").is_empty());

        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("stop.txt");
        std::fs::write(&list, "# mine\nnegara\n").unwrap();
        let mut custom = AnalyzerBuilder::new()
            .stopwords_file(&list)
            .build()
            .unwrap();
        assert_eq!(
            terms(&mut custom, "negara yang"),
            vec![("yang".to_string(), 1)]
        );

        let missing = dir.path().join("missing.txt");
        let Err(err) = AnalyzerBuilder::new().stopwords_file(&missing).build() else {
            panic!("a missing stopword file must fail");
        };
        assert!(matches!(err, crate::Error::Config { ref path, .. } if path == &missing));
        let Err(err) = AnalyzerBuilder::new().lexicon_file(&missing).build() else {
            panic!("a missing lexicon file must fail");
        };
        assert!(err.to_string().contains("missing.txt"), "{err}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let mut a = analyzer();
        let long = "a".repeat(200);
        let inputs = [
            "",
            " ",
            "\u{0}",
            "-",
            "—",
            "“”",
            "🙂🙂",
            "\u{301}\u{301}",
            "ℌ𝔢𝔩𝔩𝔬",
            "日本語のテキスト",
            "العربية",
            "İstanbul",
            "a-b-c-d-e-f",
            long.as_str(),
            "kerjasama-kerjasama",
            "\u{feff}Bom\u{200b}bali",
        ];
        for text in inputs {
            let _ = terms(&mut a, text);
        }
    }
}
