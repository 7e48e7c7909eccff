//! Story clusters: which earlier article a new one copies, found through locality-sensitive
//! hashing of the signatures' bins, without comparing it with every article.
//!
//! Each signature is cut into [`BANDS`] bands of [`ROWS`] bins; articles whose bins agree on
//! a whole band share a bucket. A new article is compared only with the articles of its
//! buckets (at most [`CHAIN_MAX`] of the latest of each bucket), and joins the story of the
//! most similar one that passes [`is_copy`]. With two bins a band, two texts of similarity
//! 0.3 share a bucket with probability 1 − (1 − 0.3²)³² ≈ 0.95; of 0.5, ≈ 0.9999.
//!
//! Joining is decided once, when an article arrives, against the articles already there:
//! an index grows without recomputing its clusters, and the same articles in the same order
//! always get the same stories.

use super::signature::{Signature, BINS};

/// Bins in a band.
pub const ROWS: usize = 2;
/// Bands of a signature.
pub const BANDS: usize = BINS / ROWS;
/// The most members of one bucket a new article is compared with (the latest ones): a
/// bucket shared by thousands of articles (boilerplate that survived cleaning, or the
/// generator's shared sentences) costs no more than this.
pub const CHAIN_MAX: usize = 4;

/// The least estimated similarity (Jaccard of the shingle sets) of a copy.
pub const MIN_SIMILARITY: f32 = 0.25;
/// The least estimated share of the shorter text that the longer one holds, for a copy.
pub const MIN_CONTAINMENT: f32 = 0.5;

/// Whether two signatures are copies of one story: estimated similarity at least
/// [`MIN_SIMILARITY`] and containment at least [`MIN_CONTAINMENT`]. `Some(similarity)` when
/// they are. Two texts without any word are never copies.
pub fn is_copy(a: &Signature, b: &Signature) -> Option<f32> {
    let j = a.similarity(b);
    (j >= MIN_SIMILARITY && a.containment(b, j) >= MIN_CONTAINMENT).then_some(j)
}

/// A slot: the place of one article in [`Clusters`].
pub type Slot = u32;

/// No slot (the end of a bucket's chain).
const NONE: u32 = u32::MAX;

/// The articles of an index (and of the current run) with their signatures and stories,
/// bucketed for lookup.
///
/// The buckets are a table per band of `2^bits` cells, a cell holding the latest slot whose
/// band key falls in it, and `next` chaining each slot to the previous one of its cell. Keys
/// are not stored: a slot's key is its signature's, read back when a chain is walked (a cell
/// shared by two keys only costs a skipped step). At a million articles this is 4 bytes a
/// band and article for the chains (~130 MB) and 2-4 for the cells, where a map from key to
/// slot held ~600 MB.
#[derive(Debug, Default)]
pub struct Clusters {
    sigs: Vec<Signature>,
    stories: Vec<u64>,
    alive: Vec<bool>,
    /// `BANDS` tables of `1 << bits` cells, one after the other (empty before the first
    /// article with a signature).
    cells: Vec<Slot>,
    bits: u32,
    /// Articles in the tables (the slots with a signature).
    bucketed: usize,
    /// Per slot and band: the previous slot of the same cell.
    next: Vec<Slot>,
}

/// The fewest cells of a band's table.
const MIN_BITS: u32 = 10;
/// The most articles a band's table holds per cell on average before it doubles: one to two
/// articles a cell (a lookup reads one or two other keys on its way down a chain, a cheap
/// step next to the comparisons) for half the memory of one article a cell at most (at a
/// million articles, 67 MB instead of 134 MB).
const LOAD: usize = 2;
/// The most chain steps walked for one band of a lookup (matching or not): a cell shared
/// with a crowded bucket costs no more than this.
const STEPS_MAX: usize = 8 * CHAIN_MAX;

/// The bucket key of band `band` of `sig`.
fn band_key(sig: &Signature, band: usize) -> u32 {
    let mut k = band as u64;
    for &b in &sig.bins[band * ROWS..(band + 1) * ROWS] {
        k = (k << 16) | u64::from(b);
    }
    // A bijective mix, cut to 32 bits: a collision only adds a candidate to compare.
    let mut x = k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 29;
    x as u32
}

impl Clusters {
    /// No articles.
    pub fn new() -> Clusters {
        Clusters::default()
    }

    /// Slots so far (live or not).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.sigs.len()
    }

    /// Adds an article of known story and returns its slot. Without a signature (`None`:
    /// a deleted document, or one indexed before signatures) the slot is a placeholder
    /// that nothing matches.
    pub fn insert(&mut self, sig: Option<&Signature>, story: u64) -> Slot {
        let slot = self.sigs.len() as Slot;
        let live = sig.is_some_and(|s| s.shingles > 0);
        self.sigs.push(sig.copied().unwrap_or(Signature {
            shingles: 0,
            bins: [0; BINS],
        }));
        self.stories.push(story);
        self.alive.push(live);
        self.next.extend(std::iter::repeat_n(NONE, BANDS));
        if live {
            self.bucketed += 1;
            if self.cells.is_empty() || self.bucketed > LOAD << self.bits {
                // Grown (or made) by rebuilding every chain in slot order: the same chains
                // as if the table had always had this size.
                self.bits = MIN_BITS.max(usize::BITS - (self.bucketed / LOAD).leading_zeros());
                self.cells = vec![NONE; BANDS << self.bits];
                self.next.fill(NONE);
                for s in 0..self.sigs.len() {
                    if self.sigs[s].shingles > 0 {
                        self.chain(s as Slot);
                    }
                }
            } else {
                self.chain(slot);
            }
        }
        slot
    }

    /// The cell of band `band` where key `key` falls.
    fn cell(&self, band: usize, key: u32) -> usize {
        (band << self.bits) | (key as usize & ((1 << self.bits) - 1))
    }

    /// Puts a slot with a signature at the head of its cell in every band.
    fn chain(&mut self, slot: Slot) {
        for band in 0..BANDS {
            let cell = self.cell(band, band_key(&self.sigs[slot as usize], band));
            self.next[slot as usize * BANDS + band] = self.cells[cell];
            self.cells[cell] = slot;
        }
    }

    /// Takes an article out (it was replaced or deleted): nothing matches it any more.
    pub fn remove(&mut self, slot: Slot) {
        if let Some(a) = self.alive.get_mut(slot as usize) {
            *a = false;
        }
    }

    /// The story of a slot.
    pub fn story(&self, slot: Slot) -> Option<u64> {
        self.stories.get(slot as usize).copied()
    }

    /// The live article `sig` copies best: the most similar one that passes [`is_copy`]
    /// (the earliest of equals), with its similarity.
    pub fn best_match(&self, sig: &Signature) -> Option<(Slot, f32)> {
        if sig.shingles == 0 {
            return None;
        }
        // The candidates: the latest members of each bucket it falls in, each once.
        let mut candidates: Vec<Slot> = Vec::with_capacity(BANDS * 2);
        if !self.cells.is_empty() {
            for band in 0..BANDS {
                let key = band_key(sig, band);
                let mut slot = self.cells[self.cell(band, key)];
                let (mut walked, mut steps) = (0, 0);
                while slot != NONE && walked < CHAIN_MAX && steps < STEPS_MAX {
                    steps += 1;
                    if band_key(&self.sigs[slot as usize], band) == key {
                        walked += 1;
                        if self.alive[slot as usize] {
                            candidates.push(slot);
                        }
                    }
                    slot = self.next[slot as usize * BANDS + band];
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        // The most similar copy; the earliest of equals (candidates are in slot order). Once
        // a story has a copy among the candidates, its other members are not compared: a
        // big story (boilerplate-heavy text) would otherwise cost a comparison per member.
        let mut best: Option<(Slot, f32)> = None;
        let mut matched: Vec<u64> = Vec::new();
        for slot in candidates {
            let story = self.stories[slot as usize];
            if matched.contains(&story) {
                continue;
            }
            if let Some(j) = is_copy(sig, &self.sigs[slot as usize]) {
                matched.push(story);
                if best.is_none_or(|(_, bj)| j > bj) {
                    best = Some((slot, j));
                }
            }
        }
        best
    }

    /// Places a new article: it joins the story of the article it copies best, or starts
    /// its own story `own`. Returns its story and slot.
    pub fn assign(&mut self, sig: &Signature, own: u64) -> (u64, Slot) {
        let story = self
            .best_match(sig)
            .and_then(|(slot, _)| self.story(slot))
            .unwrap_or(own);
        (story, self.insert(Some(sig), story))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(seed: usize, words: usize) -> String {
        // Distinct made-up words, so that two seeds share no shingle.
        (0..words)
            .map(|i| format!("kata{}x{}", seed, i * 7 % 101))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_copy_joins_the_story_and_a_stranger_starts_its_own() {
        let mut c = Clusters::new();
        let original = format!("{}. {}. {}", para(1, 60), para(2, 60), para(3, 60));
        let copy = format!("{}. {}. Baca juga lainnya", para(1, 60), para(3, 60));
        let other = format!("{}. {}", para(4, 80), para(5, 80));
        let (s1, _) = c.assign(&Signature::of(&original), 1);
        let (s2, _) = c.assign(&Signature::of(&copy), 2);
        let (s3, _) = c.assign(&Signature::of(&other), 3);
        assert_eq!((s1, s2, s3), (1, 1, 3));
    }

    #[test]
    fn a_removed_article_is_no_longer_matched() {
        let mut c = Clusters::new();
        let text = para(7, 120);
        let (_, slot) = c.assign(&Signature::of(&text), 10);
        c.remove(slot);
        let (story, _) = c.assign(&Signature::of(&text), 11);
        assert_eq!(story, 11);
        // Placeholders take a slot and match nothing.
        let p = c.insert(None, 12);
        assert_eq!(p as usize, c.len() - 1);
        assert_eq!(c.story(p), Some(12));
    }

    #[test]
    fn stories_survive_the_tables_growing() {
        // Enough articles to grow the tables several times (from 2^10 cells a band), with
        // placeholders between them: the first article's copy still finds it afterwards, and
        // strangers still start their own stories.
        let mut c = Clusters::new();
        let first = format!("{} {}", para(100_000, 80), para(100_001, 80));
        let (s0, _) = c.assign(&Signature::of(&first), 1);
        for i in 0..5000u64 {
            if i % 7 == 0 {
                c.insert(None, 0);
            }
            let text = para(i as usize * 2 + 2, 40);
            let (story, _) = c.assign(&Signature::of(&text), i + 2);
            assert_eq!(story, i + 2, "stranger {i} joined another story");
        }
        assert!(c.bits > MIN_BITS, "the tables grew");
        let copy = format!("{} Baca juga berita lainnya", para(100_000, 80));
        let (s1, _) = c.assign(&Signature::of(&copy), 999_999);
        assert_eq!((s0, s1), (1, 1));
    }

    #[test]
    fn the_most_similar_article_wins() {
        let mut c = Clusters::new();
        let base = format!("{} {} {}", para(1, 50), para(2, 50), para(3, 50));
        let most = format!("{} {}", para(1, 50), para(2, 50));
        let padded = format!("{base} {}", para(9, 150));
        c.assign(&Signature::of(&most), 1);
        c.assign(&Signature::of(&padded), 2);
        let sig = Signature::of(&base);
        let (j_most, j_padded) = (
            sig.similarity(&Signature::of(&most)),
            sig.similarity(&Signature::of(&padded)),
        );
        assert!(j_most > j_padded, "{j_most} {j_padded}");
        assert!(is_copy(&sig, &Signature::of(&padded)).is_some());
        assert_eq!(c.assign(&sig, 3).0, 1);
    }
}
