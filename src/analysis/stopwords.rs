//! Stopwords: the custom Indonesian list `stopwords/id.txt` (embedded; see its header for how it
//! was chosen), or a list read from a file, and the filter that removes them.
//!
//! Like tantivy's `StopWordFilter`, removal leaves a gap in the positions: the analyzer makes the
//! same gaps at index and at query time, so phrase queries across a removed word still match.
//! Unlike it, a stopword that belongs to a compound written open (`dalam` in `dalam negeri`) is
//! kept, as the [`Compounds`] table says: `Kementerian Dalam Negeri` must not be searchable only
//! as `negeri`. This needs one token of lookahead, held in a reused buffer.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::compounds::Compounds;
use super::normalize::normalize_into;
use super::short_str::ShortStr;

/// The embedded stopword list.
pub const EMBEDDED_LIST: &str = include_str!("../../stopwords/id.txt");

/// The hasher of the word tables: rustc's Fx hash (crate `rustc-hash`); stopword lookups
/// happen for every token and std's SipHash would cost more than the rest of the filter.
pub(crate) use rustc_hash::FxHasher;

/// A set of stopwords, normalised like tokens (lowercase, diacritics folded).
#[derive(Clone, Debug, Default)]
pub struct StopWords {
    words: HashSet<String, BuildHasherDefault<FxHasher>>,
}

/// A 4096-bit signature set of (length, first two bytes, last byte) of the stopwords: most
/// content words are rejected by one bit test, without hashing the whole word.
#[derive(Clone, Debug)]
struct Signatures(Box<[u64; 64]>);

impl Signatures {
    #[inline]
    fn slot(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, second, last) = match b {
            [] => (0, 0, 0),
            [x] => (*x, 0, *x),
            [x, y, .., z] | [x, y @ z] => (*x, *y, *z),
        };
        let key = u32::from_le_bytes([b.len().min(255) as u8, first, second, last]);
        (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    fn insert(&mut self, word: &str) {
        let s = Self::slot(word);
        self.0[s >> 6] |= 1 << (s & 63);
    }

    #[inline]
    fn may_contain(&self, word: &str) -> bool {
        let s = Self::slot(word);
        self.0[s >> 6] & (1 << (s & 63)) != 0
    }
}

/// What a stopword is in the compound table (bit set): the first word of some compound.
pub(crate) const ROLE_FIRST: u8 = 1;
/// The second word of some compound.
pub(crate) const ROLE_SECOND: u8 = 2;

impl StopWords {
    /// The embedded list `stopwords/id.txt`, shared.
    pub fn embedded() -> Arc<StopWords> {
        static EMBEDDED: OnceLock<Arc<StopWords>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                Arc::new(
                    StopWords::parse(EMBEDDED_LIST)
                        .expect("the embedded stopword list is one word a line"),
                )
            })
            .clone()
    }

    /// Parses a list: one word a line, blank lines and `#` comments (whole-line or trailing)
    /// ignored. A line holding two words is an error (`line N: ...`).
    pub fn parse(text: &str) -> Result<StopWords, String> {
        let mut words = HashSet::default();
        let mut normalized = String::new();
        for (i, line) in text.lines().enumerate() {
            let entry = line.split('#').next().unwrap_or("").trim();
            if entry.is_empty() {
                continue;
            }
            if entry.split_whitespace().nth(1).is_some() {
                return Err(format!(
                    "line {}: '{entry}' is more than one word (one word a line)",
                    i + 1
                ));
            }
            normalize_into(entry, &mut normalized);
            if !normalized.is_empty() {
                words.insert(normalized.clone());
            }
        }
        Ok(StopWords { words })
    }

    /// Reads a list from a file (see [`StopWords::parse`]); errors name the file.
    pub fn from_file(path: &Path) -> crate::Result<StopWords> {
        let text = std::fs::read_to_string(path).map_err(|e| crate::Error::Config {
            path: path.to_path_buf(),
            reason: format!("cannot read stopword list: {e}"),
        })?;
        StopWords::parse(&text).map_err(|reason| crate::Error::Config {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Builds a set from words (normalised like tokens).
    pub fn from_words<'s>(words: impl IntoIterator<Item = &'s str>) -> StopWords {
        let mut normalized = String::new();
        let mut set = HashSet::default();
        for w in words {
            normalize_into(w, &mut normalized);
            set.insert(normalized.clone());
        }
        StopWords { words: set }
    }

    /// The stopwords, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// Whether `word` (a normalised token) is a stopword.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Number of stopwords.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Each stopword with its role in the compound table (0: none): one lookup per token, on keys
/// stored inline for the short words (all of the embedded list).
#[derive(Clone, Debug, Default)]
struct Roles {
    short: HashMap<ShortStr, u8, BuildHasherDefault<FxHasher>>,
    long: HashMap<String, u8, BuildHasherDefault<FxHasher>>,
}

impl Roles {
    fn insert(&mut self, word: &str, role: u8) {
        match ShortStr::new(word) {
            Some(key) => self.short.insert(key, role),
            None => self.long.insert(word.to_string(), role),
        };
    }

    #[inline]
    fn get(&self, word: &str) -> Option<u8> {
        match ShortStr::new(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn any(&self, f: impl Fn(u8) -> bool) -> bool {
        self.short.values().chain(self.long.values()).any(|&r| f(r))
    }
}

/// Token filter removing stopwords, except those belonging to an open compound.
#[derive(Clone, Debug)]
pub struct StopWordFilter {
    roles: Arc<Roles>,
    signatures: Arc<Signatures>,
    /// Whether some stopword is the second word of a compound (then the previous token's text
    /// is kept for the check).
    any_second: bool,
    compounds: Option<Arc<Compounds>>,
}

impl StopWordFilter {
    /// Removes `words`; with `compounds`, keeps a stopword that is part of an open compound.
    pub fn new(words: Arc<StopWords>, compounds: Option<Arc<Compounds>>) -> Self {
        let mut roles = Roles::default();
        let mut signatures = Signatures(Box::new([0; 64]));
        for w in words.iter() {
            signatures.insert(w);
            let role = compounds.as_ref().map_or(0, |c| {
                (if c.is_first(w) { ROLE_FIRST } else { 0 })
                    | (if c.is_second(w) { ROLE_SECOND } else { 0 })
            });
            roles.insert(w, role);
        }
        let any_second = roles.any(|r| r & ROLE_SECOND != 0);
        StopWordFilter {
            roles: Arc::new(roles),
            signatures: Arc::new(signatures),
            any_second,
            compounds,
        }
    }

    /// The role of `word` in the compound table ([`ROLE_FIRST`], [`ROLE_SECOND`], 0 for none) if
    /// it is a stopword; `None` if it is not.
    #[inline]
    pub(crate) fn role(&self, word: &str) -> Option<u8> {
        if self.signatures.may_contain(word) {
            self.roles.get(word)
        } else {
            None
        }
    }

    /// Whether some stopword is the second word of a compound (the filter then needs the word
    /// before each token).
    pub(crate) fn any_second(&self) -> bool {
        self.any_second
    }

    /// The compound table whose open forms keep their stopwords, if any.
    pub(crate) fn compounds(&self) -> Option<&Compounds> {
        self.compounds.as_deref()
    }
}

impl TokenFilter for StopWordFilter {
    type Tokenizer<T: Tokenizer> = StopWordFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StopWordFilterWrapper<T> {
        StopWordFilterWrapper {
            inner: tokenizer,
            filter: self,
            current: Token::default(),
            pending: Token::default(),
            prev: String::new(),
        }
    }
}

/// The [`StopWordFilter`] wrapped around a tokenizer.
#[derive(Clone, Debug)]
pub struct StopWordFilterWrapper<T> {
    inner: T,
    filter: StopWordFilter,
    current: Token,
    pending: Token,
    prev: String,
}

impl<T: Tokenizer> Tokenizer for StopWordFilterWrapper<T> {
    type TokenStream<'a> = StopWordTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.prev.clear();
        StopWordTokenStream {
            tail: self.inner.token_stream(text),
            filter: &self.filter,
            any_second: self.filter.any_second,
            compounds: self.filter.compounds.as_deref(),
            current: &mut self.current,
            pending: &mut self.pending,
            prev: &mut self.prev,
            prev_position: None,
            use_current: false,
            has_pending: false,
        }
    }
}

/// The stream of [`StopWordFilter`].
pub struct StopWordTokenStream<'a, T> {
    tail: T,
    filter: &'a StopWordFilter,
    any_second: bool,
    compounds: Option<&'a Compounds>,
    /// A copy of the current token, used when the tail has moved on (lookahead).
    current: &'a mut Token,
    /// The token read ahead.
    pending: &'a mut Token,
    /// The text and position of the token before the current one (kept or not).
    prev: &'a mut String,
    prev_position: Option<usize>,
    use_current: bool,
    has_pending: bool,
}

fn copy_token(from: &Token, to: &mut Token) {
    to.text.clear();
    to.text.push_str(&from.text);
    to.offset_from = from.offset_from;
    to.offset_to = from.offset_to;
    to.position = from.position;
    to.position_length = from.position_length;
}

impl<T: TokenStream> StopWordTokenStream<'_, T> {
    /// Whether the current stopword belongs to an open compound with its neighbour.
    fn protected(&mut self, compounds: &Compounds, role: u8) -> bool {
        let token = self.token();
        if role & ROLE_SECOND != 0
            && self.prev_position.is_some_and(|p| p + 1 == token.position)
            && compounds.protects_prev(self.prev, &token.text)
        {
            return true;
        }
        if role & ROLE_FIRST == 0 {
            return false;
        }
        if !self.use_current {
            copy_token(self.tail.token(), self.current);
            self.use_current = true;
        }
        if !self.tail.advance() {
            return false;
        }
        copy_token(self.tail.token(), self.pending);
        self.has_pending = true;
        self.pending.position == self.current.position + 1
            && compounds.protects_next(&self.current.text, &self.pending.text)
    }
}

impl<T: TokenStream> TokenStream for StopWordTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        loop {
            if self.has_pending {
                std::mem::swap(self.current, self.pending);
                self.has_pending = false;
                self.use_current = true;
            } else {
                if !self.tail.advance() {
                    return false;
                }
                self.use_current = false;
            }
            let role = self.filter.role(&self.token().text);
            let mut keep = role.is_none();
            if let (Some(role), Some(compounds)) = (role, self.compounds) {
                if role != 0 {
                    keep = self.protected(compounds, role);
                }
            }
            if self.any_second {
                let token = if self.use_current {
                    &*self.current
                } else {
                    self.tail.token()
                };
                self.prev.clear();
                self.prev.push_str(&token.text);
                self.prev_position = Some(token.position);
            }
            if keep {
                return true;
            }
        }
    }

    fn token(&self) -> &Token {
        if self.use_current {
            self.current
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.use_current {
            self.current
        } else {
            self.tail.token_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::TextAnalyzer;

    use super::*;
    use crate::analysis::compounds::CompoundFilter;
    use crate::analysis::hyphen::HyphenFilter;
    use crate::analysis::normalize::Normalizer;
    use crate::analysis::tokenizer::IndonesianTokenizer;

    fn tokens(text: &str, protect: bool) -> Vec<(String, usize, usize, usize)> {
        let compounds = Compounds::embedded();
        let mut a = TextAnalyzer::builder(IndonesianTokenizer::default())
            .filter(Normalizer)
            .filter(HyphenFilter)
            .filter(CompoundFilter::new(compounds.clone(), None))
            .filter(StopWordFilter::new(
                StopWords::embedded(),
                protect.then_some(compounds),
            ))
            .build();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn t(s: &str, p: usize, f: usize, to: usize) -> (String, usize, usize, usize) {
        (s.to_string(), p, f, to)
    }

    #[test]
    fn embedded_list_parses_and_holds_function_words_only() {
        let s = StopWords::embedded();
        assert!(s.len() > 150, "{}", s.len());
        for w in [
            "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "kata", "ujar",
        ] {
            assert!(s.contains(w), "{w}");
        }
        // Domain words, negation and compound parts stay searchable.
        for w in [
            "negara",
            "kerja",
            "sama",
            "teror",
            "bom",
            "polisi",
            "tidak",
            "bukan",
            "tanpa",
            "luar",
            "negeri",
            "asing",
            "indonesia",
            "tahun",
        ] {
            assert!(!s.contains(w), "{w}");
        }
    }

    #[test]
    fn removal_leaves_position_gaps() {
        assert_eq!(
            tokens("Polisi menangkap teroris di Poso dan Bima", true),
            vec![
                t("polisi", 0, 0, 6),
                t("menangkap", 1, 7, 16),
                t("teroris", 2, 17, 24),
                t("poso", 4, 28, 32),
                t("bima", 6, 37, 41),
            ]
        );
    }

    #[test]
    fn stopwords_inside_open_compounds_are_kept() {
        assert_eq!(
            tokens("Kementerian Dalam Negeri dalam rapat", true),
            vec![
                t("kementerian", 0, 0, 11),
                t("dalam", 1, 12, 17),
                t("negeri", 2, 18, 24),
                t("rapat", 4, 31, 36),
            ]
        );
        // Closed spelling: the same terms.
        assert_eq!(
            tokens("Kementerian Dalamnegeri", true)
                .into_iter()
                .map(|t| t.0)
                .collect::<Vec<_>>(),
            ["kementerian", "dalam", "negeri"]
        );
        // Without protection, `dalam` goes.
        assert_eq!(tokens("dalam negeri", false), vec![t("negeri", 1, 6, 12)]);
        // A stopword as the last token: lookahead finds nothing.
        assert_eq!(tokens("rapat dalam", true), vec![t("rapat", 0, 0, 5)]);
        // The token read ahead is itself processed (here: removed).
        assert_eq!(tokens("dalam dan rapat", true), vec![t("rapat", 2, 10, 15)]);
    }

    #[test]
    fn every_listed_word_is_removed_by_the_filter() {
        // The signature prefilter must never reject a stopword.
        let words = StopWords::embedded();
        let filter = StopWordFilter::new(words.clone(), None);
        for w in words.iter() {
            assert!(filter.signatures.may_contain(w), "{w}");
        }
        let text: Vec<&str> = words.iter().collect();
        let text = text.join(" ");
        let mut a = TextAnalyzer::builder(tantivy::tokenizer::WhitespaceTokenizer::default())
            .filter(filter)
            .build();
        let mut stream = a.token_stream(&text);
        assert!(stream.next().is_none());
    }

    #[test]
    fn parse_reports_lines_and_files() {
        let s = StopWords::parse("# header\nYang  # trailing comment\n\nDÍ\n").unwrap();
        assert_eq!(s.len(), 2);
        assert!(s.contains("yang") && s.contains("di"));
        let err = StopWords::parse("yang\ndi mana\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let missing = Path::new("/nonexistent/stop.txt");
        let err = StopWords::from_file(missing).unwrap_err().to_string();
        assert!(err.contains("/nonexistent/stop.txt"), "{err}");
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "dalam",
            "dalam dalam dalam",
            "dalam-negeri",
            "yang\u{301}",
        ] {
            let _ = tokens(text, true);
        }
    }
}
