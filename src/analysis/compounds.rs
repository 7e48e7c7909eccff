//! Closed compounds meet their open spelling.
//!
//! Indonesian news writes many compounds both ways: `kerja sama` and `kerjasama`, `bekerja sama`
//! and `bekerjasama`, `tanda tangan` and `ditandatangani`, `tanggung jawab` and
//! `pertanggungjawaban`, `kontra terorisme` and `kontraterorisme`. The design: the closed form is
//! split into the two words of the open form, at consecutive positions, each with its own
//! offsets. Both spellings then give the same terms at the same relative positions, so a term
//! query for either spelling and a phrase query for either spelling find both (tantivy's
//! `QueryParser` turns a single word that analyses to two tokens into a phrase query). Joining
//! the open form instead would not work: the `QueryParser` analyses the words of an unquoted
//! query one by one, so `kerja sama` typed without quotes would never meet a joined term.
//!
//! Affixes stay on the part they belong to (`bekerjasama` → `bekerja` `sama`,
//! `pertanggungjawabkan` → `pertanggung` `jawabkan`, `menandatangani` → `menanda` `tangani`) and
//! the stemmer, later in the chain, takes them off both spellings alike.
//!
//! Two sources of compounds:
//! - [`COMPOUNDS`]: a hand-written list of compounds of news text (below, with comments);
//! - [`BOUND_PREFIXES`]: bound forms written closed by the spelling rules (`anti`, `kontra`,
//!   `pasca`, `pra`, `antar`, `lintas`, `non`): split off only when the word is not itself in
//!   the root lexicon (`prajurit`, `nonton` stay whole) and the rest, or its stem, is.
//!
//! The same table tells the stopword filter which stopwords to keep because they belong to a
//! compound (`dalam` in `dalam negeri`): see [`Compounds::protects_next`].

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::normalize::original_offset;
use super::stemmer::{Lexicon, Stemmer};
use super::stopwords::FxHasher;

type FxMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

/// A 4096-bit set of 4-byte windows: the junctions (two bytes either side of the split) of the
/// compound patterns. A token holding none of them holds no compound, and most tokens are
/// rejected by a few bit tests instead of an automaton search.
#[derive(Clone, Debug)]
struct JunctionSet([u64; 64]);

impl JunctionSet {
    #[inline]
    fn slot(window: &[u8]) -> usize {
        let w = u32::from_le_bytes([window[0], window[1], window[2], window[3]]);
        (w.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    fn insert(&mut self, window: &[u8]) {
        let s = Self::slot(window);
        self.0[s >> 6] |= 1 << (s & 63);
    }

    #[inline]
    fn may_contain_any(&self, word: &[u8]) -> bool {
        word.windows(4).any(|w| {
            let s = Self::slot(w);
            self.0[s >> 6] & (1 << (s & 63)) != 0
        })
    }
}

/// Compounds of news text written both open and closed, as (first word, second word).
pub const COMPOUNDS: &[(&str, &str)] = &[
    // Cooperation, agreements, responsibility: the vocabulary of bilateral news.
    ("kerja", "sama"),     // kerjasama, bekerjasama, kerja samanya
    ("tanda", "tangan"),   // tandatangan, ditandatangani, penandatanganan
    ("tanggung", "jawab"), // tanggungjawab, bertanggungjawab, pertanggungjawaban
    ("tindak", "lanjut"),  // tindaklanjut, ditindaklanjuti
    ("tindak", "pidana"),  // tindakpidana
    ("beri", "tahu"),      // memberitahu, pemberitahuan
    ("ambil", "alih"),     // diambilalih, pengambilalihan
    ("campur", "tangan"),  // campurtangan, dicampurtangani
    ("garis", "bawah"),    // digarisbawahi
    ("sebar", "luas"),     // disebarluaskan, penyebarluasan
    ("salah", "guna"),     // disalahgunakan, penyalahgunaan
    ("lipat", "ganda"),    // dilipatgandakan
    ("daya", "guna"),      // berdayaguna
    ("tata", "kelola"),    // tatakelola
    ("tata", "cara"),      // tatacara
    ("sumber", "daya"),    // sumberdaya
    // Places and people.
    ("luar", "negeri"),   // luarnegeri, Kemenlu
    ("dalam", "negeri"),  // dalamnegeri, Kemendagri
    ("warga", "negara"),  // warganegara, kewarganegaraan
    ("ibu", "kota"),      // ibukota
    ("wali", "kota"),     // walikota
    ("tanah", "air"),     // tanahair
    ("orang", "tua"),     // orangtua
    ("nara", "pidana"),   // narapidana (the closed form is the standard spelling)
    ("nara", "sumber"),   // narasumber
    ("kaki", "tangan"),   // kakitangan
    ("garis", "keras"),   // gariskeras
    ("hak", "asasi"),     // hakasasi
    ("lalu", "lintas"),   // lalulintas
    ("luar", "biasa"),    // luarbiasa
    ("bela", "sungkawa"), // belasungkawa
];

/// Bound forms written closed with the next word (`antiterorisme`, `pascaserangan`).
pub const BOUND_PREFIXES: &[&str] = &["kontra", "lintas", "antar", "pasca", "anti", "non", "pra"];

/// Longest prefix (in bytes) allowed before a closed compound (`memper`, `diper`, `ketidak`).
const MAX_PREFIX: usize = 7;
/// Longest suffix (in bytes) allowed after a closed compound (`kannya`, `annya`).
const MAX_SUFFIX: usize = 7;
/// Shortest remainder after a bound prefix.
const MIN_REST: usize = 3;

#[derive(Clone, Copy, Debug)]
struct Pattern {
    /// Where the second word starts, in bytes from the start of the pattern.
    split: usize,
    /// The first word's initial consonant is assimilated by a nasal prefix (`menandatangani`).
    nasal: bool,
}

/// The compound table: closed forms to split and the open forms they stand for.
#[derive(Clone, Debug)]
pub struct Compounds {
    pairs: Vec<(String, String)>,
    matcher: AhoCorasick,
    patterns: Vec<Pattern>,
    min_len: usize,
    junctions: JunctionSet,
    by_first: FxMap<Vec<usize>>,
    by_second: FxMap<Vec<usize>>,
}

/// The nasal form of a word's first letter after `me-`/`pe-`: `tanda` → `nanda`,
/// `salah` → `nyalah`, `kerja` → `ngerja`, `pukul` → `mukul`.
fn nasal_form(word: &str) -> Option<String> {
    let rest = word.get(1..)?;
    let nasal = match word.as_bytes().first()? {
        b't' => "n",
        b'p' => "m",
        b's' => "ny",
        b'k' => "ng",
        _ => return None,
    };
    Some(format!("{nasal}{rest}"))
}

impl Compounds {
    /// Builds the table from (first, second) pairs of lowercase words.
    pub fn new<'s>(pairs: impl IntoIterator<Item = (&'s str, &'s str)>) -> Compounds {
        let pairs: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        let mut by_first: FxMap<Vec<usize>> = FxMap::default();
        let mut by_second: FxMap<Vec<usize>> = FxMap::default();
        for (i, (first, second)) in pairs.iter().enumerate() {
            texts.push(format!("{first}{second}"));
            patterns.push(Pattern {
                split: first.len(),
                nasal: false,
            });
            if let Some(nasal) = nasal_form(first) {
                patterns.push(Pattern {
                    split: nasal.len(),
                    nasal: true,
                });
                texts.push(format!("{nasal}{second}"));
            }
            by_first.entry(first.clone()).or_default().push(i);
            by_second.entry(second.clone()).or_default().push(i);
        }
        let min_len = texts.iter().map(String::len).min().unwrap_or(usize::MAX);
        let mut junctions = JunctionSet([0; 64]);
        let mut all_have_junctions = true;
        for (text, pattern) in texts.iter().zip(&patterns) {
            let bytes = text.as_bytes();
            if pattern.split >= 2 && pattern.split + 2 <= bytes.len() {
                junctions.insert(&bytes[pattern.split - 2..pattern.split + 2]);
            } else {
                all_have_junctions = false;
            }
        }
        if !all_have_junctions {
            // A pattern too short to have a junction: let every token through.
            junctions = JunctionSet([u64::MAX; 64]);
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&texts)
            .expect("compound patterns are short literal strings");
        Compounds {
            pairs,
            matcher,
            patterns,
            min_len,
            junctions,
            by_first,
            by_second,
        }
    }

    /// The built-in table ([`COMPOUNDS`]), shared.
    pub fn embedded() -> Arc<Compounds> {
        static EMBEDDED: OnceLock<Arc<Compounds>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Arc::new(Compounds::new(COMPOUNDS.iter().copied())))
            .clone()
    }

    /// Where to split `word` if it holds a closed compound, possibly with affixes
    /// (`bekerjasama` → 7: `bekerja` | `sama`).
    pub fn split_closed(&self, word: &str) -> Option<usize> {
        if word.len() < self.min_len || !self.junctions.may_contain_any(word.as_bytes()) {
            return None;
        }
        for m in self.matcher.find_iter(word) {
            let pattern = self.patterns[m.pattern().as_usize()];
            let prefix = &word[..m.start()];
            let suffix_ok = word.len() - m.end() <= MAX_SUFFIX;
            let prefix_ok = if pattern.nasal {
                prefix == "me" || prefix == "pe"
            } else {
                prefix.len() <= MAX_PREFIX
            };
            if suffix_ok && prefix_ok {
                return Some(m.start() + pattern.split);
            }
        }
        None
    }

    /// Where to split a bound prefix off `word` (`kontraterorisme` → 6), given what words are
    /// known: only when `word` itself is not known and the rest is.
    pub fn split_prefix(&self, word: &str, known: impl Fn(&str) -> bool) -> Option<usize> {
        for prefix in BOUND_PREFIXES {
            if word.len() >= prefix.len() + MIN_REST && word.starts_with(prefix) {
                let rest = &word[prefix.len()..];
                if !known(word) && known(rest) {
                    return Some(prefix.len());
                }
                return None;
            }
        }
        None
    }

    /// Whether `word` followed by `next` is the open form of a compound of which `word` is the
    /// first word exactly and `next` starts with the second (`dalam` `negerinya`).
    pub fn protects_next(&self, word: &str, next: &str) -> bool {
        self.by_first.get(word).is_some_and(|ids| {
            ids.iter()
                .any(|&i| next.starts_with(self.pairs[i].1.as_str()))
        })
    }

    /// Whether `word` is the first word of some compound.
    pub fn is_first(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// Whether `word` is the second word of some compound.
    pub fn is_second(&self, word: &str) -> bool {
        self.by_second.contains_key(word)
    }

    /// Whether `prev` followed by `word` is the open form of a compound of which `word` is the
    /// second word exactly and `prev` ends with the first, possibly with a prefix
    /// (`bekerja` `sama`, `menanda` `tangan`).
    pub fn protects_prev(&self, prev: &str, word: &str) -> bool {
        self.by_second.get(word).is_some_and(|ids| {
            ids.iter().any(|&i| {
                let first = self.pairs[i].0.as_str();
                prev.ends_with(first)
                    || ((prev.starts_with("me") || prev.starts_with("pe"))
                        && first.len() >= 4
                        && prev.ends_with(&first[1..]))
            })
        })
    }
}

/// Token filter splitting closed compounds (see the module documentation).
#[derive(Clone)]
pub struct CompoundFilter {
    compounds: Arc<Compounds>,
    lexicon: Option<(Arc<Lexicon>, Stemmer)>,
}

impl CompoundFilter {
    /// Splits the closed compounds of `compounds`; with a lexicon (and the stemmer over it), also
    /// splits [`BOUND_PREFIXES`] off words the lexicon does not know.
    pub fn new(compounds: Arc<Compounds>, lexicon: Option<(Arc<Lexicon>, Stemmer)>) -> Self {
        CompoundFilter { compounds, lexicon }
    }

    /// Where to split `word` (a normalised token), if it is a closed compound or starts with a
    /// bound prefix to split off.
    pub(crate) fn split_point(&self, word: &str) -> Option<usize> {
        if let Some(at) = self.compounds.split_closed(word) {
            return Some(at);
        }
        // All bound prefixes start with one of these letters: most words go no further.
        if !matches!(
            word.as_bytes().first(),
            Some(b'k' | b'l' | b'a' | b'p' | b'n')
        ) {
            return None;
        }
        let (lexicon, stemmer) = self.lexicon.as_ref()?;
        if !BOUND_PREFIXES.iter().any(|p| word.starts_with(p)) {
            return None;
        }
        self.compounds.split_prefix(word, |w| {
            lexicon.contains(w) || lexicon.contains(&stemmer.stem(w))
        })
    }
}

/// The byte of `original` (the text under a token) where the token's second part starts, when
/// the token, `normalized`, is split at byte `at`.
#[inline]
pub(crate) fn original_split(original: &str, normalized: &str, at: usize) -> usize {
    if original.len() == normalized.len() && original.is_ascii() {
        at
    } else {
        original_offset(original, at)
    }
}

impl TokenFilter for CompoundFilter {
    type Tokenizer<T: Tokenizer> = CompoundFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CompoundFilterWrapper<T> {
        CompoundFilterWrapper {
            inner: tokenizer,
            filter: self,
            second: Token::default(),
        }
    }
}

/// The [`CompoundFilter`] wrapped around a tokenizer.
#[derive(Clone)]
pub struct CompoundFilterWrapper<T> {
    inner: T,
    filter: CompoundFilter,
    second: Token,
}

impl<T: Tokenizer> Tokenizer for CompoundFilterWrapper<T> {
    type TokenStream<'a> = CompoundTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CompoundTokenStream {
            text,
            tail: self.inner.token_stream(text),
            filter: &self.filter,
            second: &mut self.second,
            has_second: false,
            shift: 0,
        }
    }
}

/// The stream of [`CompoundFilter`].
pub struct CompoundTokenStream<'a, T> {
    text: &'a str,
    tail: T,
    filter: &'a CompoundFilter,
    /// The second word of the compound just split, emitted by the next `advance`.
    second: &'a mut Token,
    has_second: bool,
    shift: usize,
}

impl<T: TokenStream> TokenStream for CompoundTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if self.has_second {
            self.has_second = false;
            std::mem::swap(&mut self.tail.token_mut().text, &mut self.second.text);
            let token = self.tail.token_mut();
            token.offset_from = self.second.offset_from;
            token.offset_to = self.second.offset_to;
            token.position = self.second.position;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let split = self.filter.split_point(&self.tail.token().text);
        let token = self.tail.token_mut();
        token.position += self.shift;
        if let Some(at) = split {
            let original = &self.text[token.offset_from..token.offset_to];
            let orig_at = original_split(original, &token.text, at);
            self.second.text.clear();
            self.second.text.push_str(&token.text[at..]);
            self.second.offset_from = token.offset_from + orig_at;
            self.second.offset_to = token.offset_to;
            self.second.position = token.position + 1;
            token.text.truncate(at);
            token.offset_to = token.offset_from + orig_at;
            self.has_second = true;
            self.shift += 1;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use tantivy::tokenizer::TextAnalyzer;

    use super::*;
    use crate::analysis::hyphen::HyphenFilter;
    use crate::analysis::normalize::Normalizer;
    use crate::analysis::tokenizer::IndonesianTokenizer;

    fn test_lexicon() -> Arc<Lexicon> {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        writeln!(
            file,
            "# test roots\nteror\nterorisme\nnegara\nserangan\nprajurit\nnonton\nmuslim"
        )
        .unwrap();
        Arc::new(Lexicon::from_file(file.path()).unwrap())
    }

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let lexicon = test_lexicon();
        let stemmer = Stemmer::new(lexicon.clone());
        let mut a = TextAnalyzer::builder(IndonesianTokenizer::default())
            .filter(Normalizer)
            .filter(HyphenFilter)
            .filter(CompoundFilter::new(
                Compounds::embedded(),
                Some((lexicon, stemmer)),
            ))
            .build();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn t(s: &str, p: usize, f: usize, to: usize) -> (String, usize, usize, usize) {
        (s.to_string(), p, f, to)
    }

    fn texts(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn closed_form_splits_into_the_open_form() {
        assert_eq!(
            tokens("Kerjasama erat"),
            vec![
                t("kerja", 0, 0, 5),
                t("sama", 1, 5, 9),
                t("erat", 2, 10, 14)
            ]
        );
        assert_eq!(texts("kerja sama erat"), texts("kerjasama erat"));
        assert_eq!(texts("bekerjasama"), ["bekerja", "sama"]);
        assert_eq!(texts("kerjasamanya"), ["kerja", "samanya"]);
        assert_eq!(texts("pertanggungjawaban"), ["pertanggung", "jawaban"]);
        assert_eq!(texts("ditandatangani"), ["ditanda", "tangani"]);
        assert_eq!(texts("narapidana teroris"), ["nara", "pidana", "teroris"]);
        assert_eq!(
            texts("Kemendagri dalamnegeri"),
            ["kemendagri", "dalam", "negeri"]
        );
    }

    #[test]
    fn nasal_assimilated_prefix_only_after_me_pe() {
        assert_eq!(texts("menandatangani"), ["menanda", "tangani"]);
        assert_eq!(texts("penandatanganan"), ["penanda", "tanganan"]);
        assert_eq!(texts("penyalahgunaan"), ["penyalah", "gunaan"]);
        // `nandatangan` after anything else is not the compound.
        assert_eq!(texts("xnandatangan"), ["xnandatangan"]);
    }

    #[test]
    fn affixes_too_long_do_not_split() {
        assert_eq!(texts("xxxxxxxxkerjasama"), ["xxxxxxxxkerjasama"]);
        assert_eq!(texts("kerjasamaxxxxxxxx"), ["kerjasamaxxxxxxxx"]);
    }

    #[test]
    fn positions_shift_after_a_split() {
        assert_eq!(
            tokens("hak asasi hakasasi manusia"),
            vec![
                t("hak", 0, 0, 3),
                t("asasi", 1, 4, 9),
                t("hak", 2, 10, 13),
                t("asasi", 3, 13, 18),
                t("manusia", 4, 19, 26),
            ]
        );
    }

    #[test]
    fn multibyte_closed_form_offsets() {
        let text = "KERJASAMÁ";
        assert_eq!(tokens(text), vec![t("kerja", 0, 0, 5), t("sama", 1, 5, 10)]);
    }

    #[test]
    fn bound_prefixes_split_only_off_unknown_words() {
        assert_eq!(
            tokens("kontraterorisme"),
            vec![t("kontra", 0, 0, 6), t("terorisme", 1, 6, 15)]
        );
        assert_eq!(
            texts("antiteror nonmuslim"),
            ["anti", "teror", "non", "muslim"]
        );
        assert_eq!(texts("antarnegara"), ["antar", "negara"]);
        // Known words and unknown rests stay whole.
        assert_eq!(
            texts("prajurit nonton antara antisipasi"),
            ["prajurit", "nonton", "antara", "antisipasi"]
        );
        // Same terms as the hyphenated and open spellings.
        assert_eq!(texts("kontra-terorisme"), texts("kontraterorisme"));
        assert_eq!(texts("kontra terorisme"), texts("kontraterorisme"));
    }

    #[test]
    fn protection_of_open_forms() {
        let c = Compounds::embedded();
        assert!(c.protects_next("dalam", "negeri"));
        assert!(c.protects_next("dalam", "negerinya"));
        assert!(!c.protects_next("dalam", "rumah"));
        assert!(c.protects_prev("bekerja", "sama"));
        assert!(c.protects_prev("kerja", "sama"));
        assert!(!c.protects_prev("dia", "sama"));
        assert!(c.is_first("dalam"));
        assert!(c.is_second("negeri"));
        // The quick first-letter test in `split_point` covers every bound prefix.
        for p in BOUND_PREFIXES {
            assert!(
                matches!(p.as_bytes()[0], b'k' | b'l' | b'a' | b'p' | b'n'),
                "{p}"
            );
        }
        assert!(!c.is_first("negeri"));
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "kerjasama-",
            "mekerjasama",
            "pe",
            "me",
            "anti",
            "noné",
            "🙂kerjasama",
        ] {
            let _ = tokens(text);
        }
    }
}
