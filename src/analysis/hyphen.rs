//! Resolution of hyphenated forms (tokens holding `-` after
//! [`Normalizer`](super::normalize::Normalizer)):
//!
//! - clitics after a hyphen are dropped: `kuasa-Mu` → `kuasa`, `negara-nya` → `negara`
//!   (`mu`, `ku`, `nya`, `lah`, `kah`, `pun`, `tah`);
//! - reduplication gives the base word, one token at the position with offsets spanning the whole
//!   form: `negara-negara` → `negara`, `anak-anaknya` → `anak`, `besar-besaran` → `besar`,
//!   `bahu-membahu` → `bahu`, `tembak-menembak` → `tembak`, `sebesar-besarnya` → `besar`,
//!   `berhari-hari` → `hari`;
//! - anything else is a hyphenated compound and gives one token per part, at consecutive
//!   positions, each with its own offsets: `Indonesia-Tiongkok` → `indonesia`, `tiongkok`;
//!   `kontra-radikalisasi` → `kontra`, `radikalisasi`. Later tokens are shifted so that
//!   positions stay ordinals.
//!
//! - a reduplication written without its hyphen (`negara negara`) is merged into one token: the
//!   repeat gives no token and later positions move back by one; one written with the digit 2
//!   (`negara2`, `anak2nya`) gives its base over the whole form. Text and query meet however
//!   the reduplication is written;
//! - a meN- verb repeated without its prefix keeps its nasal (`meniru-niru`,
//!   `memanggil-manggil`): its base is the prefixed form, which stems to the root (tiru).
//!
//! Rhyming reduplication (`sayur-mayur`, `gerak-gerik`) is not recognised and gives two tokens.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::normalize::original_offset;

/// Clitics that may follow a hyphen.
const CLITICS: &[&str] = &["nya", "mu", "ku", "lah", "kah", "pun", "tah"];

/// The base of a reduplicated pair `a-b`, as a slice of `a` or `b`, if `a-b` is reduplication.
pub(crate) fn reduplication_base<'s>(a: &'s str, b: &'s str) -> Option<&'s str> {
    if a == b {
        return Some(a);
    }
    // b = affixes + a + affixes: anak-anaknya, besar-besaran, bahu-membahu.
    if a.len() >= 3 && b.contains(a) {
        return Some(a);
    }
    // Nasal assimilation of a's first letter: tembak-menembak, pukul-memukul, sambung-menyambung.
    if a.len() >= 4 && (b.starts_with("me") || b.starts_with("pe")) {
        let mut chars = a.chars();
        let first = chars.next()?;
        if matches!(first, 't' | 'p' | 'k' | 's') && b.ends_with(chars.as_str()) {
            return Some(a);
        }
    }
    // The longest suffix of a that is a prefix of b: sebesar-besarnya, berhari-hari.
    let mut best = None;
    for (i, _) in a.char_indices() {
        let suffix = &a[i..];
        if suffix.len() >= 3 && b.starts_with(suffix) {
            // A meN-/peN- verb repeated without its me-/pe- keeps the nasal that replaced the
            // root's first letter (meniru-niru, memanggil-manggil, menyebut-nyebut): the base
            // is the whole first part, whose stem recovers the letter (tiru, panggil, sebut).
            let nasal = suffix.starts_with('m') || suffix.starts_with('n');
            if i == 2 && nasal && (a.starts_with("me") || a.starts_with("pe")) {
                return Some(a);
            }
            best = Some(suffix);
            break;
        }
    }
    best
}

/// The end of the base of a reduplication written with the digit 2 (`negara2` is negara-negara,
/// `anak2nya` anak-anaknya), if `word` (normalised) is one: three letters or more, then `2`, then
/// nothing or a clitic. The base is `word[..end]`.
pub(crate) fn digit_reduplication(word: &str) -> Option<usize> {
    let end = word.find('2')?;
    let (base, rest) = (&word[..end], &word[end + 1..]);
    let letters = |s: &str| s.bytes().all(|b| b.is_ascii_lowercase());
    (base.len() >= 3 && letters(base) && (rest.is_empty() || CLITICS.contains(&rest)))
        .then_some(end)
}

/// Whether the form `form` repeats the form `prev` just before it, as a reduplication written
/// without its hyphen (`negara negara`, `praktik praktik`): the same word, of two letters or
/// more, with no digit or hyphen. The analyzer merges it into `prev`, so that `negara negara`,
/// `negara-negara` and `negara2` are all one `negara`, in the text as in a phrase query.
#[inline]
pub(crate) fn repeats(prev: &str, form: &str) -> bool {
    prev == form && form.len() >= 2 && !form.bytes().any(|b| b.is_ascii_digit() || b == b'-')
}

/// A part of a hyphenated token: byte ranges in the normalised text and in the original text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part {
    /// The part in the normalised form.
    pub(crate) norm: (usize, usize),
    /// The part in the text analysed (offsets of the token).
    pub(crate) orig: (usize, usize),
}

/// What a hyphenated form resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// Nothing (only hyphens and clitics).
    Nothing,
    /// One token: this range of the normalised form, with the offsets of the whole form.
    Base(usize, usize),
    /// One token per part, at consecutive positions (the parts are in the `parts` given).
    Parts,
}

/// Resolves the hyphenated form `whole` (normalised; `original` is its text, at byte
/// `offset_from` of the text analysed), filling `parts` when it splits.
pub(crate) fn resolve(
    whole: &str,
    original: &str,
    offset_from: usize,
    parts: &mut Vec<Part>,
) -> Resolved {
    parts.clear();
    // ASCII that normalising did not shorten (no apostrophe dropped): the same byte indices.
    let same = original.len() == whole.len() && original.is_ascii();
    let to_original = |i: usize| {
        if same {
            i
        } else {
            original_offset(original, i)
        }
    };
    let mut start = 0;
    for piece in whole.split('-') {
        let end = start + piece.len();
        if !piece.is_empty() {
            parts.push(Part {
                norm: (start, end),
                orig: (
                    offset_from + to_original(start),
                    offset_from + to_original(end),
                ),
            });
        }
        start = end + 1;
    }
    // Clitics after the first part.
    while parts.len() > 1 {
        let last = parts[parts.len() - 1];
        if CLITICS.contains(&&whole[last.norm.0..last.norm.1]) {
            parts.pop();
        } else {
            break;
        }
    }
    if parts.is_empty() {
        return Resolved::Nothing;
    }
    if parts.len() == 1 || parts.len() == 2 {
        let a = parts[0];
        let base = if parts.len() == 1 {
            Some(a.norm)
        } else {
            let b = parts[1];
            let (sa, sb) = (&whole[a.norm.0..a.norm.1], &whole[b.norm.0..b.norm.1]);
            reduplication_base(sa, sb).map(|base| {
                let from = base.as_ptr() as usize - whole.as_ptr() as usize;
                (from, from + base.len())
            })
        };
        if let Some((from, to)) = base {
            parts.clear();
            return Resolved::Base(from, to);
        }
    }
    Resolved::Parts
}

/// Token filter resolving hyphenated forms (see the module documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct HyphenFilter;

impl TokenFilter for HyphenFilter {
    type Tokenizer<T: Tokenizer> = HyphenFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> HyphenFilterWrapper<T> {
        HyphenFilterWrapper {
            inner: tokenizer,
            whole: String::new(),
            prev: String::new(),
            parts: Vec::new(),
        }
    }
}

/// The [`HyphenFilter`] wrapped around a tokenizer.
#[derive(Clone, Debug)]
pub struct HyphenFilterWrapper<T> {
    inner: T,
    whole: String,
    prev: String,
    parts: Vec<Part>,
}

impl<T: Tokenizer> Tokenizer for HyphenFilterWrapper<T> {
    type TokenStream<'a> = HyphenTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.parts.clear();
        HyphenTokenStream {
            text,
            tail: self.inner.token_stream(text),
            whole: &mut self.whole,
            prev: &mut self.prev,
            prev_position: None,
            merged: 0,
            parts: &mut self.parts,
            next_part: 0,
            base_position: 0,
            shift: 0,
        }
    }
}

/// The stream of [`HyphenFilter`].
pub struct HyphenTokenStream<'a, T> {
    text: &'a str,
    tail: T,
    /// The normalised text of the hyphenated token being split.
    whole: &'a mut String,
    /// The previous token as it came in, and its position (repeats are merged into it).
    prev: &'a mut String,
    prev_position: Option<usize>,
    /// How many positions later tokens move back because repeats were merged.
    merged: usize,
    parts: &'a mut Vec<Part>,
    next_part: usize,
    base_position: usize,
    /// How many positions later tokens move because earlier tokens were split.
    shift: usize,
}

impl<T: TokenStream> HyphenTokenStream<'_, T> {
    /// Emits the next pending part into the tail's token.
    fn emit_part(&mut self) {
        let part = self.parts[self.next_part];
        let token = self.tail.token_mut();
        token.text.clear();
        token.text.push_str(&self.whole[part.norm.0..part.norm.1]);
        token.offset_from = part.orig.0;
        token.offset_to = part.orig.1;
        token.position = self.base_position + self.next_part;
        self.next_part += 1;
    }

    /// Resolves the hyphenated token now in the tail. Returns false if nothing is left of it.
    fn resolve(&mut self) -> bool {
        let token = self.tail.token_mut();
        std::mem::swap(self.whole, &mut token.text);
        let original = &self.text[token.offset_from..token.offset_to];
        match resolve(self.whole, original, token.offset_from, self.parts) {
            Resolved::Nothing => false,
            Resolved::Base(from, to) => {
                // One token at the position, offsets of the whole form.
                token.text.clear();
                token.text.push_str(&self.whole[from..to]);
                token.position += self.shift;
                true
            }
            Resolved::Parts => {
                self.base_position = token.position + self.shift;
                self.shift += self.parts.len() - 1;
                self.next_part = 0;
                self.emit_part();
                true
            }
        }
    }
}

impl<T: TokenStream> TokenStream for HyphenTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if self.next_part < self.parts.len() {
            self.emit_part();
            return true;
        }
        self.parts.clear();
        self.next_part = 0;
        while self.tail.advance() {
            let token = self.tail.token_mut();
            let prev = self.prev_position.replace(token.position);
            if prev.is_some_and(|p| p + 1 == token.position) && repeats(self.prev, &token.text) {
                self.merged += 1;
                continue;
            }
            self.prev.clear();
            self.prev.push_str(&token.text);
            token.position -= self.merged;
            if let Some(end) = digit_reduplication(&token.text) {
                token.text.truncate(end);
            }
            if self.tail.token().text.bytes().any(|b| b == b'-') {
                if self.resolve() {
                    return true;
                }
            } else {
                self.tail.token_mut().position += self.shift;
                return true;
            }
        }
        false
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
    use tantivy::tokenizer::TextAnalyzer;

    use super::*;
    use crate::analysis::normalize::Normalizer;
    use crate::analysis::tokenizer::IndonesianTokenizer;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut a = TextAnalyzer::builder(IndonesianTokenizer::default())
            .filter(Normalizer)
            .filter(HyphenFilter)
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

    #[test]
    fn reduplication_gives_the_base_over_the_whole_form() {
        assert_eq!(
            tokens("Negara-negara anggota"),
            vec![t("negara", 0, 0, 13), t("anggota", 1, 14, 21)]
        );
        assert_eq!(tokens("bahu-membahu"), vec![t("bahu", 0, 0, 12)]);
        assert_eq!(tokens("sebesar-besarnya"), vec![t("besar", 0, 0, 16)]);
        assert_eq!(tokens("besar-besaran"), vec![t("besar", 0, 0, 13)]);
        assert_eq!(tokens("tembak-menembak"), vec![t("tembak", 0, 0, 15)]);
        assert_eq!(tokens("berhari-hari"), vec![t("hari", 0, 0, 12)]);
        assert_eq!(tokens("anak-anaknya"), vec![t("anak", 0, 0, 12)]);
    }

    #[test]
    fn nasal_verbs_repeated_without_prefix_give_the_prefixed_form() {
        // The stemmer recovers the root's first letter from the prefixed form (tiru, panggil).
        assert_eq!(tokens("meniru-niru"), vec![t("meniru", 0, 0, 11)]);
        assert_eq!(tokens("meniru-nirukan"), vec![t("meniru", 0, 0, 14)]);
        assert_eq!(tokens("memanggil-manggil"), vec![t("memanggil", 0, 0, 17)]);
        assert_eq!(tokens("menyebut-nyebut"), vec![t("menyebut", 0, 0, 15)]);
        assert_eq!(tokens("mengirim-ngirim"), vec![t("mengirim", 0, 0, 15)]);
        // Without a nasal the overlap is still the base.
        assert_eq!(tokens("melihat-lihat"), vec![t("lihat", 0, 0, 13)]);
        assert_eq!(tokens("bermain-main"), vec![t("main", 0, 0, 12)]);
    }

    #[test]
    fn repeats_and_digit_two_are_reduplication() {
        // Written without a hyphen: the repeat is merged, later positions move back.
        assert_eq!(
            tokens("Negara negara anggota"),
            vec![t("negara", 0, 0, 6), t("anggota", 1, 14, 21)]
        );
        assert_eq!(
            tokens("hati hati hati-hati saja"),
            vec![
                t("hati", 0, 0, 4),
                t("hati", 1, 10, 19),
                t("saja", 2, 20, 24)
            ]
        );
        // With the digit 2 (and a clitic after it): the base over the whole form.
        assert_eq!(
            tokens("negara2 anggota"),
            vec![t("negara", 0, 0, 7), t("anggota", 1, 8, 15)]
        );
        assert_eq!(tokens("anak2nya"), vec![t("anak", 0, 0, 8)]);
        // A merge and a split in one text keep positions ordinal.
        assert_eq!(
            tokens("praktik praktik RI-Jepang baik"),
            vec![
                t("praktik", 0, 0, 7),
                t("ri", 1, 16, 18),
                t("jepang", 2, 19, 25),
                t("baik", 3, 26, 30),
            ]
        );
        // Not reduplication: numbers, codes, words apart, two-letter bases.
        assert_eq!(
            tokens("1 1 g20 ke2 dia, dia"),
            vec![
                t("1", 0, 0, 1),
                t("1", 1, 2, 3),
                t("g20", 2, 4, 7),
                t("ke2", 3, 8, 11),
                t("dia", 4, 12, 15),
            ]
        );
    }

    #[test]
    fn clitics_after_hyphen_are_dropped() {
        assert_eq!(
            tokens("kuasa-Mu dan rumah-nya"),
            vec![
                t("kuasa", 0, 0, 8),
                t("dan", 1, 9, 12),
                t("rumah", 2, 13, 22)
            ]
        );
        // Reduplication with a clitic.
        assert_eq!(tokens("negara-negara-nya"), vec![t("negara", 0, 0, 17)]);
    }

    #[test]
    fn compounds_split_with_consecutive_positions_and_shift() {
        assert_eq!(
            tokens("kerja sama Indonesia-Tiongkok dan RI–Jepang, kontra-radikalisasi lagi"),
            vec![
                t("kerja", 0, 0, 5),
                t("sama", 1, 6, 10),
                t("indonesia", 2, 11, 20),
                t("tiongkok", 3, 21, 29),
                t("dan", 4, 30, 33),
                t("ri", 5, 34, 36),
                t("jepang", 6, 39, 45),
                t("kontra", 7, 47, 53),
                t("radikalisasi", 8, 54, 66),
                t("lagi", 9, 67, 71),
            ]
        );
    }

    #[test]
    fn multibyte_parts_get_exact_offsets() {
        let text = "Gürbüz-Öztürk ke-2";
        assert_eq!(
            tokens(text),
            vec![
                t("gurbuz", 0, 0, 8),
                t("ozturk", 1, 9, 17),
                t("ke", 2, 18, 20),
                t("2", 3, 21, 22),
            ]
        );
        assert_eq!(&text[9..17], "Öztürk");
    }

    #[test]
    fn rhyming_forms_stay_two_words() {
        assert_eq!(
            tokens("sayur-mayur"),
            vec![t("sayur", 0, 0, 5), t("mayur", 1, 6, 11)]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "-",
            "a-\u{301}",
            "\u{301}-\u{301}",
            "nya-nya",
            "mu-ku",
            "x-x-x-x",
            "é-é",
        ] {
            let _ = tokens(text);
        }
        assert_eq!(tokens("nya-nya"), vec![t("nya", 0, 0, 7)]);
    }
}
