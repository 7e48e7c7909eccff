//! Normalisation of word tokens: lowercase, diacritics folded (`é` → `e`, `ü` → `u`),
//! apostrophes dropped (`Jum'at`, `Jum’at` → `jumat`), typographic hyphens and dashes folded to
//! `-`.
//!
//! Diacritics are folded with the canonical decomposition (NFD) of `unicode-normalization`,
//! keeping the base characters and dropping the combining marks; ASCII words take a fast path
//! (lowercasing in place, no decomposition). The folding is character-local, which is what lets
//! [`original_offset`] map a byte index of the normalised text back to the original text.
//! Tokens that normalise to nothing (a word made of combining marks only) are removed, and so
//! are unhyphenated tokens of [`MAX_TOKEN_LEN`] bytes or more (URLs, hashes: never searched
//! for; dropping them here saves a filter stage).

/// Unhyphenated tokens this long (in bytes) or longer are dropped.
pub const MAX_TOKEN_LEN: usize = 64;

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the normalised form of `c` to `out`.
#[inline]
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        if c != '\'' && c != '`' {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    match c {
        // Apostrophes and primes inside words (`Jum’at`, `Qur’an`): dropped.
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{02BB}' | '\u{2032}'
        | '\u{00B4}' | '\u{FF07}' => {}
        // Hyphens and dashes that can join words: folded to '-'.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            out.push('-')
        }
        // Letters without a canonical decomposition.
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        _ => {
            for lower in c.to_lowercase() {
                if lower.is_ascii() {
                    out.push(lower);
                } else {
                    decompose_canonical(lower, |d| {
                        if !is_combining_mark(d) {
                            out.push(d);
                        }
                    });
                }
            }
        }
    }
}

/// Writes the normalised form of `word` into `out` (cleared first).
#[inline]
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    // The common case, ASCII without apostrophes: copy and lowercase in place.
    if word
        .bytes()
        .all(|b| b.is_ascii() && b != b'\'' && b != b'`')
    {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    fold_into(word, out);
}

/// The general case of [`normalize_into`], character by character.
fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.reserve(word.len());
        for b in word.bytes() {
            if b != b'\'' && b != b'`' {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return;
    }
    for c in word.chars() {
        push_folded(c, out);
    }
}

/// Whether a token is dropped for its length: [`MAX_TOKEN_LEN`] bytes or more, and no joining
/// hyphen (long hyphenated forms are split later, not dropped).
#[inline]
pub(crate) fn too_long(text: &str) -> bool {
    text.len() >= MAX_TOKEN_LEN
        && !text.contains([
            '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2212}',
        ])
}

/// Maps a byte index into the normalised form of `original` back to a byte index of
/// `original`: the end of the shortest prefix of `original` whose normalised form is at least
/// `normalized_len` bytes long. Always a character boundary of `original`.
pub fn original_offset(original: &str, normalized_len: usize) -> usize {
    if normalized_len == 0 {
        return 0;
    }
    let mut scratch = String::new();
    let mut produced = 0;
    for (i, c) in original.char_indices() {
        if c.is_ascii() {
            produced += usize::from(c != '\'' && c != '`');
        } else {
            scratch.clear();
            push_folded(c, &mut scratch);
            produced += scratch.len();
        }
        if produced >= normalized_len {
            return i + c.len_utf8();
        }
    }
    original.len()
}

/// Token filter that normalises every token (see the module documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct Normalizer;

impl TokenFilter for Normalizer {
    type Tokenizer<T: Tokenizer> = NormalizerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NormalizerFilter<T> {
        NormalizerFilter {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

/// The [`Normalizer`] wrapped around a tokenizer.
#[derive(Clone, Debug)]
pub struct NormalizerFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for NormalizerFilter<T> {
    type TokenStream<'a> = NormalizerTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalizerTokenStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

/// The stream of normalised tokens.
pub struct NormalizerTokenStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for NormalizerTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            if too_long(&token.text) {
                continue;
            }
            let (mut ascii, mut upper, mut quote) = (true, false, false);
            for b in token.text.bytes() {
                ascii &= b.is_ascii();
                upper |= b.is_ascii_uppercase();
                quote |= b == b'\'' || b == b'`';
            }
            if ascii && !quote {
                if upper {
                    token.text.make_ascii_lowercase();
                }
            } else {
                normalize_into(&token.text, self.buffer);
                mem::swap(&mut token.text, self.buffer);
            }
            if !token.text.is_empty() {
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
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalize_into(s, &mut out);
        out
    }

    #[test]
    fn lowercases_and_folds_diacritics() {
        assert_eq!(norm("Gürbüz"), "gurbuz");
        assert_eq!(norm("CAFÉ"), "cafe");
        assert_eq!(norm("Ñoño"), "nono");
        assert_eq!(norm("Łódź"), "lodz");
        assert_eq!(norm("Straße"), "strasse");
        assert_eq!(norm("Densus"), "densus");
        assert_eq!(norm("88"), "88");
    }

    #[test]
    fn drops_apostrophes_and_folds_dashes() {
        assert_eq!(norm("Jum'at"), "jumat");
        assert_eq!(norm("Jum’at"), "jumat");
        assert_eq!(norm("Qurʼan"), "quran");
        assert_eq!(norm("negara\u{2010}negara"), "negara-negara");
        assert_eq!(norm("Indonesia–Tiongkok"), "indonesia-tiongkok");
    }

    #[test]
    fn long_tokens_are_dropped_but_not_long_hyphenated_forms() {
        let long = "x".repeat(MAX_TOKEN_LEN);
        let text = format!("a {long} b");
        let got: Vec<(String, usize)> = stream(&text)
            .into_iter()
            .map(|t| (t.text, t.position))
            .collect();
        assert_eq!(got, vec![("a".to_string(), 0), ("b".to_string(), 2)]);
        let hyphenated = format!("{}-{}", "y".repeat(40), "z".repeat(40));
        assert_eq!(stream(&hyphenated).len(), 1);
    }

    #[test]
    fn combining_marks_alone_normalise_to_nothing() {
        assert_eq!(norm("\u{301}\u{308}"), "");
        // Decomposed input folds like composed input.
        assert_eq!(norm("e\u{301}te\u{301}"), "ete");
    }

    #[test]
    fn original_offset_maps_back_on_char_boundaries() {
        let original = "Gürbüz-Öz";
        let n = norm(original);
        assert_eq!(n, "gurbuz-oz");
        let hyphen = n.find('-').unwrap();
        let back = original_offset(original, hyphen);
        assert_eq!(&original[..back], "Gürbüz");
        assert_eq!(original_offset(original, 0), 0);
        assert_eq!(original_offset(original, n.len()), original.len());
        // `ß` folds to two bytes: an index inside its expansion maps to its end.
        assert_eq!(original_offset("aßb", 2), "aß".len());
        for k in 0..=n.len() {
            assert!(original.is_char_boundary(original_offset(original, k)));
        }
    }

    fn stream(text: &str) -> Vec<Token> {
        use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
        let mut a = TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(Normalizer)
            .build();
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        s.process(&mut |t| out.push(t.clone()));
        out
    }

    #[test]
    fn filter_keeps_offsets_and_positions_and_drops_empty_tokens() {
        let text = "Polisi \u{301} MENANGKAP Gürbüz";
        let tokens = stream(text);
        let got: Vec<(&str, usize, usize, usize)> = tokens
            .iter()
            .map(|t| (t.text.as_str(), t.position, t.offset_from, t.offset_to))
            .collect();
        assert_eq!(
            got,
            vec![
                ("polisi", 0, 0, 6),
                ("menangkap", 2, 10, 19),
                ("gurbuz", 3, 20, 28),
            ]
        );
        assert_eq!(&text[20..28], "Gürbüz");
    }
}
