//! Indonesian stemmer. STUB: returns the word unchanged.

use std::borrow::Cow;

/// An Indonesian stemmer.
#[derive(Debug, Clone, Default)]
pub struct Stemmer {}

impl Stemmer {
    /// Stems one lowercase word.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(word)
    }
}
