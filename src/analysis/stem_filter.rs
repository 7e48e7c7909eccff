//! The stemming filter: every token through the Indonesian [`Stemmer`], behind a bounded memo
//! ([`StemCache`]) of recent stems (news vocabulary is Zipfian: most words repeat).
//!
//! Tokens holding a digit (`88`, `covid19`, `1.000`) are left as they are. Each wrapper owns a
//! memo, backed by a second memo shared by all clones of the analyzer: tantivy clones the
//! analyzer for every snippet and query, and a clone then starts with the stems its siblings
//! already made.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use std::sync::Arc;

use super::stemmer::{SharedStems, StemCache, Stemmer};

/// Default number of words memoised per analyzer (and shared by its clones): news text has a
/// long tail of rare words (names, places, typos), and a memo that starts over as soon as it
/// is full stems its common words again and again. 256k words (~20 MB when full) keeps the
/// words of a 20k-article segment: the analyzer is ~20% faster than with 16k on dense news
/// (`cargo run --release --example stage_costs -- FILE --cache N`).
pub const DEFAULT_CACHE_CAPACITY: usize = 256 * 1024;

/// Token filter replacing each token by its stem.
#[derive(Clone)]
pub struct StemFilter {
    stemmer: Stemmer,
    capacity: usize,
    shared: Arc<SharedStems>,
}

impl StemFilter {
    /// Stems with `stemmer`, memoising up to `capacity` stems per clone, and as many again
    /// in a memo shared by all clones.
    pub fn new(stemmer: Stemmer, capacity: usize) -> Self {
        StemFilter {
            stemmer,
            capacity,
            shared: Arc::new(SharedStems::new(capacity)),
        }
    }

    /// A memo of no stems of its own, backed by the memo shared by all clones: for a stage
    /// that memoises whole words itself (the analyzer's fused stream).
    pub(crate) fn shared_cache(&self) -> StemCache {
        StemCache::with_shared(self.stemmer.clone(), 0, Arc::clone(&self.shared))
    }

    fn cache(&self) -> StemCache {
        StemCache::with_shared(
            self.stemmer.clone(),
            self.capacity,
            Arc::clone(&self.shared),
        )
    }
}

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemFilterWrapper<T> {
        StemFilterWrapper {
            inner: tokenizer,
            cache: self.cache(),
            filter: self,
        }
    }
}

/// The [`StemFilter`] wrapped around a tokenizer.
pub struct StemFilterWrapper<T> {
    inner: T,
    filter: StemFilter,
    cache: StemCache,
}

impl<T: Clone> Clone for StemFilterWrapper<T> {
    fn clone(&self) -> Self {
        StemFilterWrapper {
            inner: self.inner.clone(),
            filter: self.filter.clone(),
            cache: self.filter.cache(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for StemFilterWrapper<T> {
    type TokenStream<'a> = StemTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemTokenStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
        }
    }
}

/// The stream of [`StemFilter`].
pub struct StemTokenStream<'a, T> {
    tail: T,
    cache: &'a mut StemCache,
}

impl<T: TokenStream> TokenStream for StemTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !token.text.bytes().any(|b| b.is_ascii_digit()) {
            self.cache.stem_in_place(&mut token.text);
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
    use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};

    use super::*;
    use crate::analysis::stemmer::Lexicon;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let stemmer = Stemmer::new(Lexicon::embedded());
        let mut a = TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(StemFilter::new(stemmer.clone(), 8))
            .build();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            // Every token is what the stemmer makes of the word under it.
            let word = &text[t.offset_from..t.offset_to];
            if !word.bytes().any(|b| b.is_ascii_digit()) {
                assert_eq!(t.text, stemmer.stem(word));
            } else {
                assert_eq!(t.text, word);
            }
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn keeps_positions_offsets_and_numbers() {
        let got = tokens("densus 88 menangkap 1.000 gürbüz");
        let shape: Vec<(usize, usize, usize)> = got.iter().map(|t| (t.1, t.2, t.3)).collect();
        assert_eq!(
            shape,
            vec![(0, 0, 6), (1, 7, 9), (2, 10, 19), (3, 20, 25), (4, 26, 34)]
        );
        assert_eq!(got[1].0, "88");
        assert_eq!(got[3].0, "1.000");
    }

    #[test]
    fn clones_work_independently() {
        let mut a = TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(StemFilter::new(Stemmer::new(Lexicon::embedded()), 4))
            .build();
        let mut b = a.clone();
        let mut s = a.token_stream("bom");
        assert!(s.advance());
        let mut s2 = b.token_stream("bom");
        assert!(s2.advance());
        assert_eq!(s2.token().text, "bom");
    }
}
