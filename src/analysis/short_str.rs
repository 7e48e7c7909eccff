//! Short strings stored inline: a key or value of a hot hash table that is compared and hashed
//! as two machine words, with no pointer to follow and no `memcmp` call.
//!
//! Words of news text are short (a token is 6-8 bytes on average): the stem memo and the
//! stopword table keep words of up to [`ShortStr::MAX_LEN`] bytes this way, and longer ones in
//! an ordinary map beside.

use std::hash::{Hash, Hasher};

/// A string of at most [`ShortStr::MAX_LEN`] bytes, stored inline: its bytes, zero-padded,
/// then its length in the last byte (so that equal packings mean equal strings).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct ShortStr([u8; 16]);

impl ShortStr {
    /// The longest string that fits.
    pub(crate) const MAX_LEN: usize = 15;

    /// `s` packed, if it fits.
    #[inline]
    pub(crate) fn new(s: &str) -> Option<ShortStr> {
        let b = s.as_bytes();
        let n = b.len();
        if n > Self::MAX_LEN {
            return None;
        }
        // Whole-word loads (overlapping for lengths between powers of two) rather than a
        // byte copy: a `memcpy` into the array and a word load out of it stall the pipeline.
        let (lo, hi) = match n {
            0 => (0, 0),
            1..=3 => {
                let lo = u64::from(b[0])
                    | u64::from(b[n / 2]) << (8 * (n / 2))
                    | u64::from(b[n - 1]) << (8 * (n - 1));
                (lo, 0)
            }
            4..=7 => (
                u64::from(read_u32(b, 0)) | u64::from(read_u32(b, n - 4)) << (8 * (n - 4)),
                0,
            ),
            8 => (read_u64(b, 0), 0),
            _ => (read_u64(b, 0), read_u64(b, n - 8) >> (8 * (16 - n))),
        };
        let packed = u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120;
        Some(ShortStr(packed.to_le_bytes()))
    }

    /// The string.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        let len = usize::from(self.0[15]).min(Self::MAX_LEN);
        // Always valid: the bytes were a whole `&str`.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }
}

/// A word held by value: inline when it fits a [`ShortStr`], boxed when longer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// Up to [`ShortStr::MAX_LEN`] bytes.
    Short(ShortStr),
    /// Longer.
    Long(Box<str>),
}

impl Word {
    /// `s`, inline if it fits.
    #[inline]
    pub(crate) fn new(s: &str) -> Word {
        match ShortStr::new(s) {
            Some(short) => Word::Short(short),
            None => Word::Long(s.into()),
        }
    }

    /// The string.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Word::Short(short) => short.as_str(),
            Word::Long(long) => long,
        }
    }
}

#[inline]
fn read_u32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

#[inline]
fn read_u64(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or([0; 8]))
}

impl Hash for ShortStr {
    /// One well-mixed word (a folded 64×64→128 multiply of the two halves), so that even a
    /// hasher that only multiplies, like Fx, spreads keys over the low bits the table indexes by.
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        let lo = u64::from_le_bytes(self.0[..8].try_into().unwrap_or([0; 8]));
        let hi = u64::from_le_bytes(self.0[8..].try_into().unwrap_or([0; 8]));
        let product =
            u128::from(lo ^ 0x243f_6a88_85a3_08d3) * u128::from(hi ^ 0x1319_8a2e_0370_7344);
        state.write_u64((product as u64) ^ ((product >> 64) as u64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_round_trip_and_distinguish_lengths() {
        let all = "abcdefghijklmnopqrstuvwxyz";
        for n in 0..=ShortStr::MAX_LEN {
            let s = &all[..n];
            assert_eq!(ShortStr::new(s).unwrap().as_str(), s);
            // Same length, last byte different: a different key.
            let t = format!("{}z", &all[..n.saturating_sub(1)]);
            if n > 0 {
                assert_ne!(ShortStr::new(s), ShortStr::new(&t));
            }
        }
        for s in ["", "a", "dan", "sebagaimana", "123456789012345", "gürbüz"] {
            assert_eq!(ShortStr::new(s).unwrap().as_str(), s);
        }
        assert!(ShortStr::new("1234567890123456").is_none());
        // A trailing NUL is part of the string: the length tells them apart.
        assert_ne!(ShortStr::new("a"), ShortStr::new("a\0"));
    }

    #[test]
    fn words_are_inline_when_short() {
        let short = Word::new("kerjasama");
        assert!(matches!(short, Word::Short(_)));
        assert_eq!(short.as_str(), "kerjasama");
        let long = Word::new("pertanggungjawabannya");
        assert!(matches!(long, Word::Long(_)));
        assert_eq!(long.as_str(), "pertanggungjawabannya");
    }
}
