//! The Indonesian word tokenizer: words on Unicode word boundaries (UAX #29, through
//! `unicode-segmentation`), numbers kept (`Densus 88` → `Densus`, `88`), and words joined by a
//! single hyphen (`negara-negara`, `kuasa-Mu`, `Indonesia–Tiongkok`) kept together as one token
//! spanning the whole form, hyphens included, for the [`HyphenFilter`](super::hyphen::HyphenFilter)
//! to resolve after normalisation.
//!
//! Positions are token ordinals; offsets are byte offsets into the text (always character
//! boundaries, since they come from the segmenter). Punctuation, spaces and emoji make no token.

use std::iter::Peekable;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

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
#[derive(Clone, Debug, Default)]
pub struct IndonesianTokenizer {
    token: Token,
}

/// The stream of [`IndonesianTokenizer`].
pub struct IndonesianTokenStream<'a> {
    text: &'a str,
    words: Peekable<UnicodeWordIndices<'a>>,
    token: &'a mut Token,
    /// The ordinal of the next token. Kept here, not read back from the token: filters
    /// downstream may move the token's position.
    next_position: usize,
}

impl Tokenizer for IndonesianTokenizer {
    type TokenStream<'a> = IndonesianTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> IndonesianTokenStream<'a> {
        self.token.reset();
        IndonesianTokenStream {
            text,
            words: text.unicode_word_indices().peekable(),
            token: &mut self.token,
            next_position: 0,
        }
    }
}

impl IndonesianTokenStream<'_> {
    /// Whether the gap `text[end..next_start]` is exactly one joining hyphen.
    #[inline]
    fn hyphen_between(&self, end: usize, next_start: usize) -> bool {
        let gap = &self.text[end..next_start];
        let mut chars = gap.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if is_joining_hyphen(c))
    }
}

impl TokenStream for IndonesianTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((start, word)) = self.words.next() else {
            return false;
        };
        let mut end = start + word.len();
        while let Some(&(next_start, next)) = self.words.peek() {
            if !self.hyphen_between(end, next_start) {
                break;
            }
            end = next_start + next.len();
            self.words.next();
        }
        self.token.position = self.next_position;
        self.next_position += 1;
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.text.clear();
        self.token.text.push_str(&self.text[start..end]);
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
