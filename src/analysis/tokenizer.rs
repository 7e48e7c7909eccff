//! The Indonesian word tokenizer: words on Unicode word boundaries (UAX #29, through
//! `unicode-segmentation`), numbers kept (`Densus 88` → `Densus`, `88`), and words joined by a
//! single hyphen (`negara-negara`, `kuasa-Mu`, `Indonesia–Tiongkok`) kept together as one token
//! spanning the whole form, hyphens included, for the [`HyphenFilter`](super::hyphen::HyphenFilter)
//! to resolve after normalisation.
//!
//! Positions are token ordinals; offsets are byte offsets into the text (always character
//! boundaries, since they come from the segmenter). Punctuation, spaces and emoji make no token.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

use super::normalize::{normalize_into, too_long};

/// Words of a text on UAX #29 word boundaries, like `unicode_word_indices`, with a fast path
/// for ASCII: words are segmented by the ASCII subset of the UAX #29 rules here (letters and
/// digits join; `.` `'` `:` join two letters; `.` `'` `,` `;` join two digits; `_` joins
/// anything), several times faster than the general tables. As soon as a non-ASCII byte is
/// seen in a word or right after it, the text from that word's start to the next ASCII
/// whitespace (always a word boundary) goes through `unicode-segmentation` instead. A test checks
/// both paths agree on random mixed text.
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
    unicode: Option<(usize, UnicodeWordIndices<'a>)>,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Self {
        Words::from(text, 0)
    }

    /// The words of `text` from byte `pos` on (a word boundary).
    fn from(text: &'a str, pos: usize) -> Self {
        Words {
            text,
            pos,
            unicode: None,
        }
    }

    /// Hands `text[from..]` up to the next ASCII whitespace at or after `seen` (a non-ASCII
    /// byte) to the general segmenter.
    fn fall_back(&mut self, from: usize, seen: usize) {
        let bytes = self.text.as_bytes();
        let mut end = seen;
        while end < bytes.len() && !is_ascii_space(bytes[end]) {
            end += 1;
        }
        // `from` follows an ASCII byte and `end` is at ASCII whitespace or the end: both are
        // char boundaries.
        self.unicode = Some((from, self.text[from..end].unicode_word_indices()));
        self.pos = end;
    }
}

/// Byte classes of the ASCII fast path, one table lookup per byte.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const UNDERSCORE: u8 = 4;
const SPACE: u8 = 8;
/// Letters, digits and `_`: the bytes a word is made of.
const WORD: u8 = LETTER | DIGIT | UNDERSCORE;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'_' {
            UNDERSCORE
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    class(b) == SPACE
}

/// The length in bytes of the character at `bytes[i..]` if it is punctuation that the word
/// rules of UAX #29 treat as ASCII punctuation (Word_Break=Other, not a joining hyphen): the
/// curly double quotes and the em dash of news text. 0 for anything else.
#[inline]
fn other_punctuation(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..i + 3) {
        // “ ” —
        Some([0xE2, 0x80, 0x9C | 0x9D | 0x94]) => 3,
        _ => 0,
    }
}

/// The first word byte at or after `pos` (or the end of `bytes`), skipping ASCII and
/// [`other_punctuation`] that make no word; `Err` with the index of another non-ASCII byte met
/// first.
#[inline]
fn skip_to_word(bytes: &[u8], pos: usize) -> Result<usize, usize> {
    let mut i = pos;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            match other_punctuation(bytes, i) {
                0 => return Err(i),
                len => {
                    i += len;
                    continue;
                }
            }
        }
        if class(b) & WORD != 0 {
            break;
        }
        i += 1;
    }
    Ok(i)
}

/// The ASCII word starting at `start` (a word byte), by the ASCII subset of UAX #29: its end
/// and whether an apostrophe joins two of its letters. `Err` with the index of a non-ASCII byte
/// met in the word or right after it (the general segmenter must decide).
#[inline]
fn ascii_word(bytes: &[u8], start: usize) -> Result<(usize, bool), usize> {
    let mut i = start;
    let mut apostrophe = false;
    loop {
        // The run of word bytes, then what ends it.
        while i < bytes.len() && class(bytes[i]) & WORD != 0 {
            i += 1;
        }
        if i >= bytes.len() {
            return Ok((i, apostrophe));
        }
        let b = bytes[i];
        if b >= 0x80 {
            return if other_punctuation(bytes, i) > 0 {
                Ok((i, apostrophe))
            } else {
                Err(i)
            };
        }
        if i + 1 < bytes.len() {
            let (prev, next) = (bytes[i - 1], bytes[i + 1]);
            if next >= 0x80 && matches!(b, b'.' | b'\'' | b':' | b',' | b';') {
                return Err(i + 1);
            }
            let (prev, next) = (class(prev), class(next));
            let letters = prev == LETTER && next == LETTER && matches!(b, b'.' | b'\'' | b':');
            let digits = prev == DIGIT && next == DIGIT && matches!(b, b'.' | b'\'' | b',' | b';');
            if letters || digits {
                apostrophe |= b == b'\'';
                i += 2;
                continue;
            }
        }
        return Ok((i, apostrophe));
    }
}

/// Whether the bytes of a segment make a word: a run of underscores alone does not.
#[inline]
fn is_word(segment: &[u8]) -> bool {
    segment.iter().any(|&b| b != b'_')
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        loop {
            if let Some((base, words)) = &mut self.unicode {
                if let Some((i, w)) = words.next() {
                    return Some((*base + i, w));
                }
                self.unicode = None;
            }
            let start = match skip_to_word(bytes, self.pos) {
                Ok(start) => start,
                Err(seen) => {
                    self.fall_back(seen, seen);
                    continue;
                }
            };
            if start >= bytes.len() {
                self.pos = start;
                return None;
            }
            let end = match ascii_word(bytes, start) {
                Ok((end, _)) => end,
                Err(seen) => {
                    self.fall_back(start, seen);
                    continue;
                }
            };
            self.pos = end;
            if is_word(&bytes[start..end]) {
                return Some((start, &self.text[start..end]));
            }
        }
    }
}

/// Characters that join two words into one hyphenated form when they stand alone between them:
/// the hyphen-minus, the Unicode hyphens, the figure dash, the en dash and the minus sign.
/// (The em dash is punctuation between clauses, not a joiner.)
#[inline]
pub(crate) fn is_joining_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

/// Tokenizer on Unicode word boundaries that keeps hyphenated forms together.
///
/// [`IndonesianTokenizer::default`] gives the words as written;
/// [`IndonesianTokenizer::normalizing`] gives them as the [`Normalizer`](super::normalize::Normalizer)
/// filter would make them, in the same pass as the copy.
#[derive(Clone, Debug, Default)]
pub struct IndonesianTokenizer {
    token: Token,
    normalize: bool,
}

impl IndonesianTokenizer {
    /// A tokenizer that also normalises: its tokens are exactly those of this tokenizer followed
    /// by [`Normalizer`](super::normalize::Normalizer) (lowercase, folded, long and empty tokens
    /// dropped with their positions left as gaps), without a second pass over each token.
    pub fn normalizing() -> Self {
        IndonesianTokenizer {
            token: Token::default(),
            normalize: true,
        }
    }
}

/// The forms of a text: words, hyphenated forms joined (see the module documentation), each
/// with its ordinal. The source of [`IndonesianTokenStream`] and of the analyzer's fused stream.
///
/// ASCII text is read in one pass per form ([`ascii_form`]: the words, the hyphens joining
/// them, whether lowercasing alone normalises the form). A stretch holding non-ASCII, from the
/// form it is met in to the next ASCII whitespace (where no word or form goes on), is read
/// through [`Words`] with one word of lookahead for the hyphens ([`Chunk`]). A test checks
/// that the forms are those of [`Words`] joined on single hyphens, on random mixed text.
pub(crate) struct Forms<'a> {
    text: &'a str,
    /// Where the ASCII scan goes on when there is no chunk.
    pos: usize,
    chunk: Option<Chunk<'a>>,
    /// The ordinal of the next form. Kept here, not read back from a token: filters downstream
    /// may move a token's position.
    next_position: usize,
}

/// A stretch of text read word by word through [`Words`].
struct Chunk<'a> {
    words: Words<'a>,
    /// The word read ahead to see whether a hyphen joins it to the previous one.
    pending: Option<(usize, &'a str)>,
    /// Where the stretch ends (an ASCII whitespace or the end of the text).
    end: usize,
}

impl Chunk<'_> {
    /// The next form of the stretch, as (start, end).
    fn next_form(&mut self, text: &str) -> Option<(usize, usize)> {
        let (start, word) = self.pending.take().or_else(|| self.words.next())?;
        let mut end = start + word.len();
        for (next_start, next) in self.words.by_ref() {
            if !hyphen_between(text, end, next_start) {
                self.pending = Some((next_start, next));
                break;
            }
            end = next_start + next.len();
        }
        Some((start, end))
    }
}

/// What [`ascii_form`] finds.
enum Scan {
    /// No more words.
    End,
    /// The form `start..end`; `plain` when it is ASCII without an apostrophe (lowercasing it
    /// normalises it).
    Form {
        start: usize,
        end: usize,
        plain: bool,
    },
    /// A non-ASCII byte at `seen`: the general path must read from `from` (the start of the form
    /// it is met in, or the byte itself between words).
    Unicode { from: usize, seen: usize },
}

/// The next form at or after `pos`, if ASCII decides it: [`Words`]' ASCII rules, and words
/// joined when a single `-` stands between them.
#[inline]
fn ascii_form(bytes: &[u8], pos: usize) -> Scan {
    let mut i = pos;
    loop {
        let start = match skip_to_word(bytes, i) {
            Ok(start) => start,
            Err(seen) => return Scan::Unicode { from: seen, seen },
        };
        if start >= bytes.len() {
            return Scan::End;
        }
        let (mut end, mut apostrophe) = match ascii_word(bytes, start) {
            Ok(word) => word,
            Err(seen) => return Scan::Unicode { from: start, seen },
        };
        if !is_word(&bytes[start..end]) {
            i = end;
            continue;
        }
        while end + 1 < bytes.len() && bytes[end] == b'-' {
            let next = bytes[end + 1];
            if next >= 0x80 {
                return Scan::Unicode {
                    from: start,
                    seen: end + 1,
                };
            }
            if class(next) & WORD == 0 {
                break;
            }
            let (next_end, next_apostrophe) = match ascii_word(bytes, end + 1) {
                Ok(word) => word,
                Err(seen) => return Scan::Unicode { from: start, seen },
            };
            if !is_word(&bytes[end + 1..next_end]) {
                break;
            }
            end = next_end;
            apostrophe |= next_apostrophe;
        }
        return Scan::Form {
            start,
            end,
            plain: !apostrophe,
        };
    }
}

impl<'a> Forms<'a> {
    /// The forms of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Forms {
            text,
            pos: 0,
            chunk: None,
            next_position: 0,
        }
    }

    /// The next form as (start, end, plain): see [`Scan::Form`].
    #[inline]
    fn scan(&mut self) -> Option<(usize, usize, bool)> {
        let bytes = self.text.as_bytes();
        loop {
            if let Some(chunk) = &mut self.chunk {
                if let Some((start, end)) = chunk.next_form(self.text) {
                    return Some((start, end, false));
                }
                self.pos = chunk.end;
                self.chunk = None;
            }
            match ascii_form(bytes, self.pos) {
                Scan::End => {
                    self.pos = bytes.len();
                    return None;
                }
                Scan::Form { start, end, plain } => {
                    self.pos = end;
                    return Some((start, end, plain));
                }
                Scan::Unicode { from, seen } => {
                    let end = seen
                        + bytes[seen..]
                            .iter()
                            .position(|&b| is_ascii_space(b))
                            .unwrap_or(bytes.len() - seen);
                    // `end` is at ASCII whitespace or the end: a char boundary.
                    self.chunk = Some(Chunk {
                        words: Words::from(&self.text[..end], from),
                        pending: None,
                        end,
                    });
                }
            }
        }
    }

    /// The next form as (ordinal, start, end): the form is `text[start..end]`.
    pub(crate) fn next_form(&mut self) -> Option<(usize, usize, usize)> {
        let (start, end, _) = self.scan()?;
        let position = self.next_position;
        self.next_position += 1;
        Some((position, start, end))
    }

    /// The next form normalised into `out` (see [`IndonesianTokenizer::normalizing`]), as
    /// (ordinal, start, end). Forms dropped by the normaliser are skipped, their ordinals left
    /// as gaps.
    #[inline]
    pub(crate) fn next_normalized(&mut self, out: &mut String) -> Option<(usize, usize, usize)> {
        loop {
            let (start, end, plain) = self.scan()?;
            let position = self.next_position;
            self.next_position += 1;
            let form = &self.text[start..end];
            if too_long(form) {
                continue;
            }
            if plain {
                out.clear();
                out.push_str(form);
                out.make_ascii_lowercase();
                return Some((position, start, end));
            }
            normalize_into(form, out);
            if !out.is_empty() {
                return Some((position, start, end));
            }
        }
    }
}

/// The stream of [`IndonesianTokenizer`].
pub struct IndonesianTokenStream<'a> {
    text: &'a str,
    forms: Forms<'a>,
    token: &'a mut Token,
    normalize: bool,
}

impl Tokenizer for IndonesianTokenizer {
    type TokenStream<'a> = IndonesianTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> IndonesianTokenStream<'a> {
        self.token.reset();
        IndonesianTokenStream {
            text,
            forms: Forms::new(text),
            token: &mut self.token,
            normalize: self.normalize,
        }
    }
}

/// Whether the gap `text[end..next_start]` is exactly one joining hyphen.
#[inline]
fn hyphen_between(text: &str, end: usize, next_start: usize) -> bool {
    match next_start - end {
        1 => text.as_bytes()[end] == b'-',
        // The other joining hyphens are 3 bytes long in UTF-8.
        3 => {
            let gap = &text[end..next_start];
            let mut chars = gap.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if is_joining_hyphen(c))
        }
        _ => false,
    }
}

impl TokenStream for IndonesianTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let form = if self.normalize {
            self.forms.next_normalized(&mut self.token.text)
        } else {
            self.forms.next_form().inspect(|&(_, start, end)| {
                self.token.text.clear();
                self.token.text.push_str(&self.text[start..end]);
            })
        };
        let Some((position, start, end)) = form else {
            return false;
        };
        self.token.position = position;
        self.token.offset_from = start;
        self.token.offset_to = end;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut tokenizer = IndonesianTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            assert_eq!(&text[t.offset_from..t.offset_to], t.text);
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn t(s: &str, p: usize, f: usize, to: usize) -> (String, usize, usize, usize) {
        (s.to_string(), p, f, to)
    }

    #[test]
    fn words_and_numbers() {
        assert_eq!(
            tokens("Densus 88 menangkap 3 orang."),
            vec![
                t("Densus", 0, 0, 6),
                t("88", 1, 7, 9),
                t("menangkap", 2, 10, 19),
                t("3", 3, 20, 21),
                t("orang", 4, 22, 27),
            ]
        );
    }

    #[test]
    fn hyphenated_forms_stay_together() {
        assert_eq!(
            tokens("negara-negara kuasa-Mu RI–Jepang"),
            vec![
                t("negara-negara", 0, 0, 13),
                t("kuasa-Mu", 1, 14, 22),
                t("RI–Jepang", 2, 23, 34),
            ]
        );
        // A spaced dash or an em dash separates words; a double hyphen too.
        assert_eq!(
            tokens("bom — ledakan - korban--saksi"),
            vec![
                t("bom", 0, 0, 3),
                t("ledakan", 1, 8, 15),
                t("korban", 2, 18, 24),
                t("saksi", 3, 26, 31),
            ]
        );
    }

    #[test]
    fn multibyte_quotes_dashes_and_emoji() {
        let text = "“Gürbüz” berkata—👍 hari ini";
        assert_eq!(
            tokens(text),
            vec![
                t("Gürbüz", 0, 3, 11),
                t("berkata", 1, 15, 22),
                t("hari", 2, 30, 34),
                t("ini", 3, 35, 38),
            ]
        );
    }

    /// 20,000 texts of 1 to `max_pieces` pieces of `alphabet`, from a fixed LCG seeded with
    /// `seed` (the same texts on every run).
    fn random_texts(
        seed: u64,
        alphabet: &'static [&'static str],
        max_pieces: u64,
    ) -> impl Iterator<Item = String> {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state
        };
        (0..20_000).map(move |_| {
            let len = (next() >> 33) % max_pieces + 1;
            (0..len)
                .map(|_| alphabet[(next() >> 33) as usize % alphabet.len()])
                .collect()
        })
    }

    #[test]
    fn fast_path_agrees_with_unicode_segmentation() {
        const ALPHABET: &[&str] = &[
            "a", "Z", "k", "0", "9", "_", ".", ",", ";", ":", "'", "-", " ", "\t", "\n", "!", "(",
            "/", "\"", "é", "’", "\u{301}", "٣", "“", "”", "—", "–", "\u{200d}", "🙂", "\u{a0}",
        ];
        for s in random_texts(7, ALPHABET, 32) {
            let fast: Vec<(usize, &str)> = Words::new(&s).collect();
            let reference: Vec<(usize, &str)> = s.unicode_word_indices().collect();
            assert_eq!(fast, reference, "{s:?}");
        }
        // Mixed text: non-ASCII chunks take the general path.
        let s = "Gürbüz 3,5 km. U.S.A “kutip” a:b 1.000,5 e\u{301}";
        let fast: Vec<(usize, &str)> = Words::new(s).collect();
        let reference: Vec<(usize, &str)> = s.unicode_word_indices().collect();
        assert_eq!(fast, reference);
    }

    #[test]
    fn forms_are_words_joined_on_single_hyphens() {
        // The reference: the words, and a hyphen alone between two of them joins them.
        fn reference(text: &str) -> Vec<(usize, usize)> {
            let mut forms: Vec<(usize, usize)> = Vec::new();
            for (start, word) in Words::new(text) {
                let end = start + word.len();
                match forms.last_mut() {
                    Some(last) if hyphen_between(text, last.1, start) => last.1 = end,
                    _ => forms.push((start, end)),
                }
            }
            forms
        }
        const ALPHABET: &[&str] = &[
            "a", "Z", "k", "0", "9", "_", "__", ".", ",", ";", ":", "'", "-", "-", "--", "–", "—",
            " ", "\t", "\n", "!", "/", "é", "’", "“", "”", "\u{301}", "🙂", "\u{a0}", "ab", "12",
        ];
        for s in random_texts(11, ALPHABET, 64) {
            let mut forms = Forms::new(&s);
            let mut got = Vec::new();
            while let Some((position, start, end)) = forms.next_form() {
                assert_eq!(position, got.len(), "{s:?}");
                got.push((start, end));
            }
            assert_eq!(got, reference(&s), "{s:?}");
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "-",
            "--a--",
            "a-",
            "-a",
            "\u{301}",
            "👍-👍",
            "a-\u{301}b",
            "ℌ𝔢𝔩𝔩𝔬-𝔴𝔬𝔯𝔩𝔡",
            "\u{0}\u{7f}",
        ] {
            let _ = tokens(text);
        }
    }
}
