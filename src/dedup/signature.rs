//! The near-duplicate signature of a story: a one-permutation MinHash over word shingles.
//!
//! The story text is read as lowercase words (letters and digits; everything else separates
//! words, so punctuation, line breaks and paragraph order inside a shingle's reach do not
//! matter), each run of [`SHINGLE`] consecutive words is hashed, and the hashes are split by
//! their top bits into [`BINS`] bins, keeping the least hash of each bin (one-permutation
//! hashing, Li, Owen and Zhang 2012). Empty bins of a short text borrow the nearest filled bin
//! to their right, rehashed with the distance (densification, Shrivastava and Li 2014), so two
//! signatures always compare bin by bin. A bin keeps 16 bits of its least hash: two unrelated
//! bins agree by chance once in 65,536.
//!
//! The fraction of bins on which two signatures agree estimates the Jaccard similarity of
//! the two shingle sets ([`Signature::similarity`]); with the number of shingles of each,
//! it also estimates how much of the shorter text the longer one contains
//! ([`Signature::containment`]), which is what a portal's shortened copy keeps.
//!
//! Cost: one pass over the text (a multiply per letter, a mix per word and per shingle); no
//! allocation. The words are not stemmed: copies share the same inflections, and the
//! Indonesian analyzer would cost as much again as indexing's own analysis.
//!
//! ```
//! use telusur::dedup::Signature;
//! let a = Signature::of("Kepala BNPT menerima delegasi Filipina di Jakarta pada Senin untuk membahas kerja sama.");
//! let b = Signature::of("KEPALA BNPT menerima delegasi Filipina di Jakarta, pada Senin, untuk membahas kerja sama!");
//! assert_eq!(a, b); // case and punctuation do not count
//! let c = Signature::of("Densus 88 menangkap tiga terduga teroris di Sulawesi Tengah kemarin malam.");
//! assert!(a.similarity(&c) < 0.2);
//! ```

/// Words in a shingle.
pub const SHINGLE: usize = 4;

/// Bins of a signature (hash values kept).
pub const BINS: usize = 64;

/// Bytes of a signature's stored form ([`Signature::to_bytes`]): the shingle count (4 bytes,
/// little-endian) and the bins (2 bytes each).
pub const SIGNATURE_BYTES: usize = 4 + 2 * BINS;

/// A near-duplicate signature: see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Signature {
    /// Shingles the text had (with repeats; 0 for a text with no word).
    pub shingles: u32,
    /// The 16 low bits of each bin's least shingle hash (rehashed).
    pub bins: [u16; BINS],
}

/// splitmix64's finaliser: a bijective mix of 64 bits.
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Calls `each` with the hash of every lowercase word of `text` (letters and digits). ASCII
/// is read a byte at a time; other characters are decoded and lowercased.
fn words(text: &str, mut each: impl FnMut(u64)) {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = text.as_bytes();
    let mut h = 0u64;
    let mut len = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if b.is_ascii_alphanumeric() {
                h = (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(K);
                len += 1;
            } else if len > 0 {
                each(mix(h ^ len as u64));
                (h, len) = (0, 0);
            }
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        i += ch.len_utf8();
        if ch.is_alphanumeric() {
            for lower in ch.to_lowercase() {
                h = (h.rotate_left(5) ^ u64::from(lower)).wrapping_mul(K);
                len += 1;
            }
        } else if len > 0 {
            each(mix(h ^ len as u64));
            (h, len) = (0, 0);
        }
    }
    if len > 0 {
        each(mix(h ^ len as u64));
    }
}

impl Signature {
    /// The signature of a story text.
    pub fn of(text: &str) -> Signature {
        let mut mins = [u64::MAX; BINS];
        let mut window = [0u64; SHINGLE];
        let mut seen = 0usize;
        let mut shingles = 0u32;
        let shift = 64 - BINS.trailing_zeros();
        let mut add = |h: u64| {
            let bin = (h >> shift) as usize;
            let v = h & ((1u64 << shift) - 1);
            if v < mins[bin] {
                mins[bin] = v;
            }
        };
        words(text, |w| {
            window.rotate_left(1);
            window[SHINGLE - 1] = w;
            seen += 1;
            if seen >= SHINGLE {
                let mut h = 0u64;
                for (i, &x) in window.iter().enumerate() {
                    h = (h ^ x.rotate_left(13 * i as u32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                }
                add(mix(h));
                shingles += 1;
            }
        });
        if seen > 0 && seen < SHINGLE {
            // A text shorter than one shingle: its words together are its one shingle.
            let mut h = 0u64;
            for &x in &window[SHINGLE - seen..] {
                h = (h ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
            add(mix(h));
            shingles = 1;
        }
        let mut bins = [0u16; BINS];
        if shingles > 0 {
            for (i, bin) in bins.iter_mut().enumerate() {
                // Densification: an empty bin takes the next filled bin to its right, mixed
                // with the distance so that two borrowed bins do not agree by construction.
                let (dist, v) = (0..BINS)
                    .map(|d| (d, mins[(i + d) % BINS]))
                    .find(|&(_, v)| v != u64::MAX)
                    .unwrap_or((0, 0));
                *bin = mix(v ^ ((dist as u64) << 58)) as u16;
            }
        }
        Signature { shingles, bins }
    }

    /// The estimated Jaccard similarity of the two shingle sets: the fraction of agreeing
    /// bins (0 when either text had no word).
    pub fn similarity(&self, other: &Signature) -> f32 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        // (A sum of 0/1, which the compiler vectorises.)
        let same: u32 = self
            .bins
            .iter()
            .zip(&other.bins)
            .map(|(a, b)| u32::from(a == b))
            .sum();
        same as f32 / BINS as f32
    }

    /// The estimated share of the shorter text's shingles that the other text holds, from
    /// the similarity `j` and the sizes: |A ∩ B| = j (|A| + |B|) / (1 + j).
    pub fn containment(&self, other: &Signature, j: f32) -> f32 {
        let (a, b) = (self.shingles as f32, other.shingles as f32);
        let small = a.min(b);
        if small == 0.0 {
            return 0.0;
        }
        (j * (a + b) / (1.0 + j) / small).min(1.0)
    }

    /// The stored form: [`SIGNATURE_BYTES`] bytes.
    pub fn to_bytes(&self) -> [u8; SIGNATURE_BYTES] {
        let mut out = [0u8; SIGNATURE_BYTES];
        out[..4].copy_from_slice(&self.shingles.to_le_bytes());
        for (i, b) in self.bins.iter().enumerate() {
            out[4 + 2 * i..6 + 2 * i].copy_from_slice(&b.to_le_bytes());
        }
        out
    }

    /// Reads the stored form; `None` when `bytes` is not [`SIGNATURE_BYTES`] long.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != SIGNATURE_BYTES {
            return None;
        }
        let shingles = u32::from_le_bytes(bytes[..4].try_into().ok()?);
        let mut bins = [0u16; BINS];
        for (i, b) in bins.iter_mut().enumerate() {
            *b = u16::from_le_bytes([bytes[4 + 2 * i], bytes[5 + 2 * i]]);
        }
        Some(Signature { shingles, bins })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Badan Nasional Penanggulangan Terorisme menerima kunjungan delegasi \
        Kepolisian Filipina di Jakarta pada Senin. Kedua pihak membahas pertukaran informasi \
        tentang jaringan pendanaan kelompok bersenjata di perairan Sulu.\n\nKepala BNPT \
        mengatakan kerja sama itu akan diperluas ke pelatihan bersama penyidik pada tahun depan. \
        Delegasi Filipina dipimpin seorang jenderal polisi yang membawahi unit antiteror.\n\n\
        Pertemuan ditutup dengan penandatanganan catatan bersama tentang rencana kunjungan \
        balasan ke Manila.";

    #[test]
    fn case_punctuation_and_line_breaks_do_not_count() {
        let other = STORY
            .to_uppercase()
            .replace(". ", " ... ")
            .replace("\n\n", " ");
        assert_eq!(Signature::of(STORY), Signature::of(&other));
    }

    #[test]
    fn a_copy_with_a_dropped_paragraph_is_contained() {
        let a = Signature::of(STORY);
        let short: String = STORY.split("\n\n").take(2).collect::<Vec<_>>().join("\n\n");
        let b = Signature::of(&short);
        let j = a.similarity(&b);
        assert!(j > 0.4 && j < 1.0, "{j}");
        assert!(a.containment(&b, j) > 0.8, "{}", a.containment(&b, j));
        assert!(b.shingles < a.shingles);
    }

    #[test]
    fn unrelated_texts_agree_on_few_bins() {
        let a = Signature::of(STORY);
        let b = Signature::of(
            "Tim Densus 88 menangkap dua terduga anggota jaringan teror di Poso. Polisi menyita \
             bahan peledak dan dokumen dari rumah kontrakan mereka, kata juru bicara Polda.",
        );
        assert!(a.similarity(&b) < 0.15, "{}", a.similarity(&b));
    }

    #[test]
    fn empty_and_short_texts() {
        let empty = Signature::of("  ,. ");
        assert_eq!(empty.shingles, 0);
        assert_eq!(empty.similarity(&empty), 0.0);
        let short = Signature::of("BNPT Filipina");
        assert_eq!(short.shingles, 1);
        assert_eq!(short.similarity(&Signature::of("bnpt, filipina")), 1.0);
        assert!(short.similarity(&Signature::of("BNPT Malaysia")) < 0.1);
    }

    #[test]
    fn stored_form_round_trips() {
        let a = Signature::of(STORY);
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    #[test]
    fn non_ascii_words_are_lowercased() {
        assert_eq!(
            Signature::of("ÉTAT ISLAMIQUE DAN ÖSTERREICH BERSAMA"),
            Signature::of("état islamique dan österreich bersama")
        );
    }
}
