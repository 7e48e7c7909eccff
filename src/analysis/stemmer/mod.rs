//! Indonesian stemmer: dictionary-backed confix stripping (Nazief & Adriani; Asian 2007;
//! Arifin et al. 2009, "Enhanced Confix Stripping", the family behind Sastrawi) over the root
//! [`Lexicon`], with the over-stemming traps of Sastrawi avoided (penyelidikan is selidik, berikan is
//! beri, menangis is tangis, bali stays bali).
//!
//! ```
//! use telusur::analysis::stemmer::Stemmer;
//! let s = Stemmer::default();
//! assert_eq!(s.stem("menangkap"), "tangkap");
//! assert_eq!(s.stem("penanggulangan"), "tanggulang");
//! assert_eq!(s.stem("teroris"), "teroris");
//! assert_eq!(s.stem("bnpt"), "bnpt");
//! ```

mod lexicon;
mod rules;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use lexicon::FxBuild;
pub use lexicon::Lexicon;

/// An Indonesian stemmer over a root lexicon. Cheap to clone (the lexicon is shared).
///
/// Input is one lowercase word. Words that are roots, that contain anything but ASCII letters
/// (digits, non-ASCII such as `gürbüz`), that are very long, or that no rule decomposes into a
/// root are returned unchanged. A hyphenated word whose parts stem alike (`negara-negara`,
/// `bermain-main`) gives that stem. Never panics.
#[derive(Debug, Clone)]
pub struct Stemmer {
    lexicon: Arc<Lexicon>,
}

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer::new(Lexicon::embedded())
    }
}

impl Stemmer {
    /// A stemmer over `lexicon`.
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        Stemmer { lexicon }
    }

    /// The lexicon this stemmer strips down to.
    pub fn lexicon(&self) -> &Arc<Lexicon> {
        &self.lexicon
    }

    /// Stems one lowercase word (borrowed when unchanged).
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if word.len() > rules::MAX_WORD * 2 + 1 {
            return Cow::Borrowed(word);
        }
        if let Some((a, b)) = word.split_once('-') {
            if a.is_empty() || b.is_empty() {
                return Cow::Borrowed(word);
            }
            let (sa, sb) = (self.stem(a), self.stem(b));
            return if sa == sb {
                Cow::Owned(sa.into_owned())
            } else {
                Cow::Borrowed(word)
            };
        }
        if !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return Cow::Borrowed(word);
        }
        if self.lexicon.contains(word) {
            return Cow::Borrowed(word);
        }
        match rules::strip(&self.lexicon, word.as_bytes()) {
            Some(root) => Cow::Owned(root.as_str().to_owned()),
            None => Cow::Borrowed(word),
        }
    }
}

/// A bounded memo of recent stems, for one thread (e.g. one analyzer clone).
///
/// News vocabulary is Zipfian: a few thousand word forms make up most tokens. The memo is a hash
/// map that is simply cleared when it reaches `capacity` (no LRU bookkeeping on the hot path: the
/// frequent words come straight back after a clear, and a hit costs one hash lookup).
///
/// ```
/// use telusur::analysis::stemmer::{StemCache, Stemmer};
/// let mut cache = StemCache::new(Stemmer::default(), 10_000);
/// let mut out = String::new();
/// cache.stem_into("penyerangan", &mut out);
/// assert_eq!(out, "serang");
/// ```
#[derive(Debug, Clone)]
pub struct StemCache {
    stemmer: Stemmer,
    map: HashMap<Box<str>, Box<str>, FxBuild>,
    capacity: usize,
}

impl StemCache {
    /// A memo of at most `capacity` words (0 disables memoisation).
    pub fn new(stemmer: Stemmer, capacity: usize) -> Self {
        StemCache {
            stemmer,
            map: HashMap::with_capacity_and_hasher(capacity.min(1 << 16), FxBuild::default()),
            capacity,
        }
    }

    /// The stemmer behind the memo.
    pub fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// The number of memoised words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is memoised.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Clears `out` and writes the stem of `word` (lowercase) into it.
    #[inline]
    pub fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        if let Some(stem) = self.map.get(word) {
            out.push_str(stem);
            return;
        }
        let stem = self.stemmer.stem(word);
        out.push_str(&stem);
        // Only words the rules look at are worth memoising; longer ones pass through anyway.
        if self.capacity > 0 && word.len() <= rules::MAX_WORD {
            if self.map.len() >= self.capacity {
                self.map.clear();
            }
            self.map
                .insert(word.into(), stem.into_owned().into_boxed_str());
        }
    }
}
