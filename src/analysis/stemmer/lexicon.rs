//! The root lexicon: the set of Indonesian base words the stemmer strips affixes down to.
//!
//! The embedded lexicon is `src/analysis/lexicon/roots.txt` (derived from Debian's hunspell-id
//! `id_ID.dic`, LGPL-3.0; see the README beside it) plus the hand-written domain section
//! `src/analysis/lexicon/domain.txt`. Both are compiled into the binary and parsed once.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::error::Error;

const ROOTS: &str = include_str!("../lexicon/roots.txt");
const ROOTS_BARE: &str = include_str!("../lexicon/roots_bare.txt");
const DOMAIN: &str = include_str!("../lexicon/domain.txt");

/// The hasher of the lexicon and stem cache: rustc's Fx hash (crate `rustc-hash`); std's
/// SipHash costs more than the stemming rules themselves on 5-10 byte words.
pub(crate) use rustc_hash::FxHasher;

/// The hasher builder used by the lexicon and the stem cache.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// A set of Indonesian root words.
///
/// Roots are either affixable (the default) or *bare*: words known to take no affix (hunspell-id
/// lists them without affix flags: `merang`, `urang`, `nah`). The stemmer keeps bare words whole
/// and strips down to one only when no affixable root fits.
///
/// ```
/// use telusur::analysis::Lexicon;
/// let lex = Lexicon::from_words(["tangkap", "serang"]);
/// assert!(lex.contains("tangkap"));
/// assert!(!lex.contains("menangkap"));
/// assert!(Lexicon::embedded().contains("selidik"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashSet<Box<str>, FxBuild>,
    bare: HashSet<Box<str>, FxBuild>,
}

impl Lexicon {
    /// The embedded lexicon (hunspell-id roots plus the domain words), parsed once and shared.
    pub fn embedded() -> Arc<Lexicon> {
        static EMBEDDED: OnceLock<Arc<Lexicon>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                let mut lex = Lexicon::default();
                lex.words.reserve(32_000);
                for text in [ROOTS, DOMAIN] {
                    for line in text.lines() {
                        if let Some(word) = entry(line) {
                            lex.insert(word);
                        }
                    }
                }
                lex.bare.reserve(21_000);
                for line in ROOTS_BARE.lines() {
                    if let Some(word) = entry(line) {
                        if !lex.words.contains(word) {
                            lex.bare.insert(word.into());
                        }
                    }
                }
                Arc::new(lex)
            })
            .clone()
    }

    /// Reads a lexicon file (all its roots affixable): one root a line, `#` starts a comment, blank lines are ignored.
    /// Words are lowercased. Fails with [`Error::Config`] when the file cannot be read, is not
    /// UTF-8, has a line with more than one word, or holds no word at all.
    pub fn from_file(path: &Path) -> crate::Result<Lexicon> {
        let config = |reason: String| Error::Config {
            path: path.to_path_buf(),
            reason,
        };
        let bytes = std::fs::read(path).map_err(|e| config(format!("cannot read lexicon: {e}")))?;
        let text =
            String::from_utf8(bytes).map_err(|e| config(format!("lexicon is not UTF-8: {e}")))?;
        let mut lex = Lexicon::default();
        for (i, line) in text.lines().enumerate() {
            let Some(word) = entry(line) else { continue };
            if word.split_whitespace().nth(1).is_some() {
                return Err(config(format!(
                    "line {}: expected one word, found '{word}'",
                    i + 1
                )));
            }
            lex.insert(word);
        }
        if lex.is_empty() {
            return Err(config("lexicon holds no word".to_string()));
        }
        Ok(lex)
    }

    /// Builds a lexicon from words (lowercased; blank words ignored).
    pub fn from_words<I: IntoIterator<Item = S>, S: AsRef<str>>(words: I) -> Lexicon {
        let mut lex = Lexicon::default();
        for w in words {
            let w = w.as_ref().trim();
            if !w.is_empty() {
                lex.insert(w);
            }
        }
        lex
    }

    /// Whether `word` (lowercase) is a root (affixable or bare).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word) || self.bare.contains(word)
    }

    /// Whether `word` is a root that takes affixes (not a bare word).
    #[inline]
    pub fn is_affixable(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Adds bare words: roots kept whole, stripped down to only when no affixable root fits.
    pub fn add_bare<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, words: I) {
        for w in words {
            let w = w.as_ref().trim().to_lowercase();
            if !w.is_empty() && !self.words.contains(w.as_str()) {
                self.bare.insert(w.into_boxed_str());
            }
        }
    }

    /// The number of roots (affixable and bare).
    pub fn len(&self) -> usize {
        self.words.len() + self.bare.len()
    }

    /// Whether the lexicon holds no root.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.bare.is_empty()
    }

    fn insert(&mut self, word: &str) {
        if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
            self.words.insert(word.to_lowercase().into_boxed_str());
        } else if !self.words.contains(word) {
            self.words.insert(word.into());
        }
    }
}

/// The word of one lexicon line, if any (comments after `#` and surrounding blanks removed).
fn entry(line: &str) -> Option<&str> {
    let line = match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    };
    let word = line.trim();
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn embedded_has_hunspell_roots_and_domain_words() {
        let lex = Lexicon::embedded();
        assert!(lex.len() > 25_000, "only {} roots", lex.len());
        for w in [
            "tangkap",
            "serang",
            "selidik",
            "tanggulang",
            "kata",
            "bom",
            "kerja",
        ] {
            assert!(lex.contains(w), "{w} missing");
        }
        for w in ["deradikalisasi", "terorisme", "kerjasama", "siber"] {
            assert!(lex.contains(w), "domain word {w} missing");
        }
        // Bare words (no affix flags in hunspell) are roots, but not affixable ones.
        for w in ["urang", "kalam", "nah"] {
            assert!(
                lex.contains(w) && !lex.is_affixable(w),
                "{w} should be bare"
            );
        }
        assert!(lex.is_affixable("perang") && lex.is_affixable("kurang"));
        // Excluded over-stemming roots and proper names are not in the set.
        for w in ["bal", "lidi", "abraham", "menangkap", "ketahu"] {
            assert!(!lex.contains(w), "{w} should not be a root");
        }
        assert!(Arc::ptr_eq(&lex, &Lexicon::embedded()));
    }

    #[test]
    fn from_file_reads_words_and_rejects_bad_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let good = dir.path().join("good.txt");
        let mut f = std::fs::File::create(&good).expect("create");
        writeln!(f, "# roots\nTangkap\n\n serang  # attack\n").expect("write");
        let lex = Lexicon::from_file(&good).expect("good file");
        assert_eq!(lex.len(), 2);
        assert!(lex.contains("tangkap") && lex.contains("serang"));

        let two = dir.path().join("two.txt");
        std::fs::write(&two, "tangkap serang\n").expect("write");
        assert!(matches!(
            Lexicon::from_file(&two),
            Err(Error::Config { .. })
        ));
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "# nothing\n").expect("write");
        assert!(matches!(
            Lexicon::from_file(&empty),
            Err(Error::Config { .. })
        ));
        let bin = dir.path().join("bin.txt");
        std::fs::write(&bin, [0xff, 0xfe, b'a']).expect("write");
        assert!(matches!(
            Lexicon::from_file(&bin),
            Err(Error::Config { .. })
        ));
        let missing = dir.path().join("missing.txt");
        assert!(matches!(
            Lexicon::from_file(&missing),
            Err(Error::Config { .. })
        ));
    }

    #[test]
    fn from_words_lowercases_and_skips_blanks() {
        let lex = Lexicon::from_words(["Bom", "", "  ", "kata"]);
        assert_eq!(lex.len(), 2);
        assert!(lex.contains("bom"));
        assert!(!lex.contains(""));
    }
}
