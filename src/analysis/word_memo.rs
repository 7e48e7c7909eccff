//! A bounded memo keyed by words: words of up to [`ShortStr::MAX_LEN`] bytes (nearly all) as
//! inline keys, longer ones in a map beside. Like the stem memo, it is simply cleared when it
//! reaches its capacity: no LRU bookkeeping on the hot path, and the frequent words of news
//! text come straight back after a clear.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::short_str::ShortStr;
use super::stopwords::FxHasher;

type FxBuild = BuildHasherDefault<FxHasher>;

/// Values memoised by word, at most `capacity` of them (0: nothing is memoised).
#[derive(Clone, Debug)]
pub(crate) struct WordMemo<V> {
    short: HashMap<ShortStr, V, FxBuild>,
    long: HashMap<Box<str>, V, FxBuild>,
    capacity: usize,
    /// The last value made when nothing is memoised.
    unmemoised: Option<V>,
}

impl<V> WordMemo<V> {
    /// An empty memo of at most `capacity` words. The tables grow with use: a small vocabulary
    /// stays in a small, cache-friendly table.
    pub(crate) fn new(capacity: usize) -> Self {
        WordMemo {
            short: HashMap::default(),
            long: HashMap::default(),
            capacity,
            unmemoised: None,
        }
    }

    /// The number of memoised words.
    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The value memoised for `word`, if any.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        match ShortStr::new(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// The value for `word`, made by `make` if it is not memoised (a full memo is cleared
    /// first).
    #[inline]
    pub(crate) fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> &V {
        if self.len() >= self.capacity && self.get(word).is_none() {
            if self.capacity == 0 {
                return self.unmemoised.insert(make());
            }
            self.short.clear();
            self.long.clear();
        }
        match ShortStr::new(word) {
            Some(key) => self.short.entry(key).or_insert_with(make),
            None => {
                if !self.long.contains_key(word) {
                    self.long.insert(word.into(), make());
                }
                &self.long[word]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memoises_up_to_capacity_then_starts_over() {
        let mut memo = WordMemo::new(3);
        let mut made = 0;
        let long = "x".repeat(ShortStr::MAX_LEN + 1);
        for word in ["a", "b", "a", long.as_str(), long.as_str()] {
            let len = *memo.get_or_insert_with(word, || {
                made += 1;
                word.len()
            });
            assert_eq!(len, word.len());
        }
        assert_eq!((made, memo.len()), (3, 3));
        assert_eq!(memo.get(&long), Some(&long.len()));
        assert_eq!(memo.get("c"), None);
        // Full: a memoised word is still found, a new one starts a new memo.
        assert_eq!(*memo.get_or_insert_with("a", || 7), 1);
        assert_eq!(*memo.get_or_insert_with("c", || 7), 7);
        assert_eq!(memo.len(), 1);
    }

    #[test]
    fn capacity_zero_memoises_nothing() {
        let mut memo = WordMemo::new(0);
        assert_eq!(*memo.get_or_insert_with("a", || 1), 1);
        assert_eq!(*memo.get_or_insert_with("a", || 2), 2);
        assert_eq!(memo.len(), 0);
    }
}
