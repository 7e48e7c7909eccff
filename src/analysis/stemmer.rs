//! Indonesian stemmer. STUB: returns the word unchanged.
//!
//! The analysis branch adds minimal [`Lexicon`] and [`StemCache`] with the agreed signatures so
//! the analyzer compiles; the real stemmer (written on another branch) replaces this file.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// A set of root words. STUB: a hash set.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashSet<String>,
}

/// A few roots so that the stub's embedded lexicon is not empty (the real one has ~31k).
const STUB_ROOTS: &[&str] = &[
    "teror",
    "terorisme",
    "teroris",
    "radikal",
    "radikalisasi",
    "radikalisme",
    "serang",
    "serangan",
    "negara",
    "bom",
    "kerja",
    "sama",
    "tanda",
    "tangan",
    "tanggung",
    "jawab",
    "muslim",
    "agama",
    "sarjana",
    "lembaga",
    "jurit",
    "nata",
    "ton",
    "tonton",
    "prajurit",
];

impl Lexicon {
    /// The embedded root lexicon, shared.
    pub fn embedded() -> Arc<Lexicon> {
        static EMBEDDED: OnceLock<Arc<Lexicon>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                Arc::new(Lexicon {
                    words: STUB_ROOTS.iter().map(|w| (*w).to_string()).collect(),
                })
            })
            .clone()
    }

    /// Reads a lexicon file: one root a line, `#` comments.
    pub fn from_file(path: &Path) -> crate::Result<Lexicon> {
        let text = std::fs::read_to_string(path).map_err(|e| crate::Error::Config {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let words = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        Ok(Lexicon { words })
    }

    /// Whether `w` is a root of the lexicon.
    pub fn contains(&self, w: &str) -> bool {
        self.words.contains(w)
    }
}

/// An Indonesian stemmer.
#[derive(Debug, Clone, Default)]
pub struct Stemmer {}

impl Stemmer {
    /// A stemmer over `lexicon`.
    pub fn new(_lexicon: Arc<Lexicon>) -> Self {
        Stemmer {}
    }

    /// Stems one lowercase word.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(word)
    }
}

/// A bounded memo of recent stems. STUB: no caching.
#[derive(Debug)]
pub struct StemCache {
    stemmer: Stemmer,
}

impl StemCache {
    /// A memo of at most `capacity` stems in front of `stemmer`.
    pub fn new(stemmer: Stemmer, _capacity: usize) -> Self {
        StemCache { stemmer }
    }

    /// Writes the stem of `word` into `out` (cleared first).
    pub fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        out.push_str(&self.stemmer.stem(word));
    }
}
