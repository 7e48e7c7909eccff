//! Compounds as one term, for fast phrase search.
//!
//! After the compound filter, both spellings of a compound are two tokens (`kerja` `sama`), so
//! the phrase `"kerja sama"` must check positions in every document that has both words: the
//! slowest query of a news index, where both words are common. This filter, last in the chain,
//! adds one joined term for each known compound, `kerja_sama`, at the position of its first
//! word and with the offsets of the two words:
//!
//! - at index time ([`JoinMode::Add`]) the parts stay, so `kerja` alone still finds the
//!   compound, and the joined term is added;
//! - at query time ([`JoinMode::Replace`]) the joined term replaces the parts, so `"kerja
//!   sama"`, `kerjasama` and `bekerjasama` become a term query for `kerja_sama` (and `"kerja sama
//!   intelijen"` a two-term phrase) — the same matches, found from one posting list.
//!
//! Pairs are matched on the final forms (stems when stemming is on), consecutive positions only:
//! a removed stopword between the two words leaves a gap and no join.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::stopwords::FxHasher;

/// The character between the parts of a joined term (`kerja_sama`); the tokenizer keeps `_`
/// inside words, so a user may also type the joined term.
pub const JOINER: char = '_';

/// What the filter does with a compound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinMode {
    /// Keep the parts and add the joined term (indexing).
    Add,
    /// Replace the parts by the joined term (queries).
    Replace,
}

/// The compound pairs, by their final forms.
#[derive(Debug, Default)]
pub struct Pairs {
    /// Second word → the first words it forms a compound with. Looked up for every token at
    /// indexing time: the project's fast hasher for short keys.
    by_second: HashMap<String, Vec<String>, BuildHasherDefault<FxHasher>>,
    /// The first words.
    firsts: HashSet<String, BuildHasherDefault<FxHasher>>,
}

impl Pairs {
    /// The pairs `(first, second)`.
    pub fn new<'s>(pairs: impl IntoIterator<Item = (&'s str, &'s str)>) -> Pairs {
        let mut out = Pairs::default();
        for (a, b) in pairs {
            let firsts = out.by_second.entry(b.to_string()).or_default();
            if !firsts.iter().any(|f| f == a) {
                firsts.push(a.to_string());
            }
            out.firsts.insert(a.to_string());
        }
        out
    }

    /// Whether `word` is the first word of some pair.
    pub fn is_first(&self, word: &str) -> bool {
        self.firsts.contains(word)
    }

    /// Whether `word` is the second word of some pair.
    pub fn is_second(&self, word: &str) -> bool {
        self.by_second.contains_key(word)
    }

    /// Whether `first second` is a compound.
    #[inline]
    pub fn contains(&self, first: &str, second: &str) -> bool {
        self.by_second
            .get(second)
            .is_some_and(|firsts| firsts.iter().any(|f| f == first))
    }
}

/// The token filter: see the module docs.
#[derive(Clone, Debug)]
pub struct JoinFilter {
    pairs: Arc<Pairs>,
    mode: JoinMode,
}

impl JoinFilter {
    /// Joins `pairs` in `mode`.
    pub fn new(pairs: Arc<Pairs>, mode: JoinMode) -> Self {
        JoinFilter { pairs, mode }
    }

    /// The pairs joined.
    pub(crate) fn pairs(&self) -> &Pairs {
        &self.pairs
    }

    /// What the filter does with a compound.
    pub(crate) fn mode(&self) -> JoinMode {
        self.mode
    }
}

/// Writes the joined term of `first` and `second` into `out` (cleared first).
pub(crate) fn join_into(first: &str, second: &str, out: &mut String) {
    out.clear();
    out.reserve(first.len() + 1 + second.len());
    out.push_str(first);
    out.push(JOINER);
    out.push_str(second);
}

impl TokenFilter for JoinFilter {
    type Tokenizer<T: Tokenizer> = JoinFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> JoinFilterWrapper<T> {
        JoinFilterWrapper {
            inner: tokenizer,
            filter: self,
        }
    }
}

/// The [`JoinFilter`] wrapped around a tokenizer.
#[derive(Clone)]
pub struct JoinFilterWrapper<T> {
    inner: T,
    filter: JoinFilter,
}

impl<T: Tokenizer> Tokenizer for JoinFilterWrapper<T> {
    type TokenStream<'a> = JoinTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        JoinTokenStream {
            tail: self.inner.token_stream(text),
            pairs: Arc::clone(&self.filter.pairs),
            mode: self.filter.mode,
            current: Token::default(),
            serving: Serving::Tail,
            prev: None,
            held: None,
            tail_done: false,
        }
    }
}

/// The stream of [`JoinFilter`].
pub struct JoinTokenStream<T> {
    tail: T,
    pairs: Arc<Pairs>,
    mode: JoinMode,
    /// The token handed out when it is not the tail's own.
    current: Token,
    serving: Serving,
    /// `Add` mode: the previous token (already handed out), to test the pair; its buffer is
    /// reused.
    prev: Option<Token>,
    /// `Replace` mode: the token read ahead (the possible second word of a compound).
    held: Option<Token>,
    tail_done: bool,
}

/// Which token [`JoinTokenStream::token`] shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Serving {
    /// The tail's current token, untouched (the common case: no copy).
    Tail,
    /// `current`.
    Own,
    /// `current`, and the tail's token is to be handed out next (`Add` mode, after a joined
    /// term).
    OwnThenTail,
}

fn join(first: &Token, second: &Token) -> Token {
    let mut text = String::new();
    join_into(&first.text, &second.text, &mut text);
    Token {
        offset_from: first.offset_from,
        offset_to: second.offset_to,
        position: first.position,
        text,
        position_length: 1,
    }
}

impl<T: TokenStream> JoinTokenStream<T> {
    fn next_from_tail(&mut self) -> Option<Token> {
        if self.tail_done {
            return None;
        }
        if self.tail.advance() {
            Some(self.tail.token().clone())
        } else {
            self.tail_done = true;
            None
        }
    }

    fn is_pair(&self, first: &Token, second: &Token) -> bool {
        first.position + 1 == second.position && self.pairs.contains(&first.text, &second.text)
    }
}

/// Copies `src` into `dst`, reusing `dst`'s text buffer.
fn copy_into(dst: &mut Token, src: &Token) {
    dst.text.clear();
    dst.text.push_str(&src.text);
    dst.offset_from = src.offset_from;
    dst.offset_to = src.offset_to;
    dst.position = src.position;
    dst.position_length = src.position_length;
}

impl<T: TokenStream> TokenStream for JoinTokenStream<T> {
    fn advance(&mut self) -> bool {
        match self.mode {
            JoinMode::Add => {
                // A joined term goes out before the second word (the positions of each term
                // still increase: the joined term sits at the first word's position).
                if self.serving == Serving::OwnThenTail {
                    self.serving = Serving::Tail;
                    return true;
                }
                if self.tail_done || !self.tail.advance() {
                    self.tail_done = true;
                    return false;
                }
                let token = self.tail.token();
                self.serving = Serving::Tail;
                if let Some(prev) = &self.prev {
                    if prev.position + 1 == token.position
                        && self.pairs.contains(&prev.text, &token.text)
                    {
                        self.current = join(prev, token);
                        self.serving = Serving::OwnThenTail;
                    }
                }
                let prev = self.prev.get_or_insert_with(Token::default);
                copy_into(prev, token);
                true
            }
            JoinMode::Replace => {
                self.serving = Serving::Own;
                let Some(first) = self.held.take().or_else(|| self.next_from_tail()) else {
                    return false;
                };
                match self.next_from_tail() {
                    Some(second) if self.is_pair(&first, &second) => {
                        self.current = join(&first, &second);
                    }
                    next => {
                        self.held = next;
                        self.current = first;
                    }
                }
                true
            }
        }
    }

    fn token(&self) -> &Token {
        match self.serving {
            Serving::Tail => self.tail.token(),
            Serving::Own | Serving::OwnThenTail => &self.current,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.serving {
            Serving::Tail => self.tail.token_mut(),
            Serving::Own | Serving::OwnThenTail => &mut self.current,
        }
    }
}

/// The examples of the items above (crate-private, so not doc tests).
#[cfg(test)]
mod examples {
    #[test]
    fn new_as_documented() {
        use crate::analysis::join::Pairs;
        let pairs = Pairs::new([("kerja", "sama"), ("tanda", "tangan")]);
        assert!(pairs.contains("kerja", "sama"));
        assert!(!pairs.contains("sama", "kerja"));
        assert!(pairs.is_first("kerja") && pairs.is_second("sama"));
        assert!(!pairs.is_first("sama") && !pairs.is_second("kerja"));
    }
}
