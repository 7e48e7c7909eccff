//! Confix stripping (Nazief & Adriani; Asian 2007; Arifin et al. 2009, "Enhanced Confix
//! Stripping") over a root lexicon.
//!
//! Order, as in ECS: a word that is itself a root is returned whole (by the caller: `teroris`,
//! `kepala`); words with an ECS precedence confix (me-/di-/pe-/ter- ... -i, be- ... -lah) first
//! try their prefixes; then the suffix-only readings (particle -lah/-kah/-pun, possessive
//! -ku/-mu/-nya (-nya also onto a three-letter root: `adanya`, `bomnya`), derivational -kan/-an/-i); then prefix chains (up to three prefixes, none twice,
//! all recoding alternatives of a rule) on each suffix state, most stripped first, restoring
//! suffixes one by one (ECS loop-restore), with `-kan` also read as root-final `k` + `-an`.
//! The first root found wins, except where a suffix may also be the end of the root (the `k` of
//! -kan, the `i` of -i): both readings are tried and the longer root wins (`pemasukan` is masuk,
//! `penegakan` tegak, `membeli` beli).
//!
//! Traps avoided (PySastrawi falls into them): a bare `-i` is never stripped (`bali`), a bare
//! `-an`/`-kan` needs a root of four letters (`asean`); `se-` is only outermost or after `ke-`
//! (`penyelidikan` is selidik, not pe+se+lidi); the be-...-an precedence comes after the suffix-only
//! readings (`berikan` is beri, not ikan); the foreign suffix -is is not stripped (`menangis` is tangis).
//!
//! Beyond ECS: the proclitic pronouns ku-/kau- are an outermost prefix onto an affixable root
//! (`kupukul` is pukul, `kauhajar` hajar); se- may follow per- (`persemakmuran` is makmur); meN-
//! and peN- may sit before a root that itself starts with ng (`menganga` is nganga), tried after
//! the usual readings.
//!
//! The rules see only ASCII lowercase letters; the caller returns every other word unchanged.

use super::lexicon::Lexicon;

/// Longest word (in bytes) the rules work on; longer words are returned unchanged.
pub(crate) const MAX_WORD: usize = 40;
/// Shortest root the rules stem to.
const MIN_ROOT: usize = 3;
/// Shortest root a bare -i suffix may be stripped onto (`tangani` → tangan; `bali` stays).
const BARE_I_MIN_ROOT: usize = 5;

/// A small fixed buffer holding a candidate root (ASCII).
#[derive(Clone, Copy)]
pub(crate) struct Buf {
    b: [u8; MAX_WORD + 2],
    n: usize,
}

impl Buf {
    /// `head` followed by `rest` (None if too long).
    #[inline]
    fn join(head: &[u8], rest: &[u8]) -> Option<Buf> {
        let n = head.len() + rest.len();
        if n > MAX_WORD + 2 {
            return None;
        }
        let mut b = [0u8; MAX_WORD + 2];
        b[..head.len()].copy_from_slice(head);
        b[head.len()..n].copy_from_slice(rest);
        Some(Buf { b, n })
    }
    #[inline]
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.b[..self.n]
    }
    /// The text (always valid: only ASCII is ever stored).
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or("")
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prefix {
    Di,
    Ke,
    Se,
    Be,
    Te,
    Me,
    Pe,
    /// The proclitic pronouns ku- and kau- (`kupukul`, `kauhajar`, `kuberikan`): outermost only,
    /// onto an affixable root of four letters or more.
    Ku,
}

impl Prefix {
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suffix {
    None,
    I,
    Kan,
    An,
}

/// ECS: combinations of the outermost prefix and the derivational suffix that do not occur.
fn disallowed(p: Prefix, s: Suffix) -> bool {
    matches!(
        (p, s),
        (Prefix::Be, Suffix::I)
            | (Prefix::Di, Suffix::An)
            | (Prefix::Ke, Suffix::I)
            | (Prefix::Ke, Suffix::Kan)
            | (Prefix::Me, Suffix::An)
            | (Prefix::Se, Suffix::I)
            | (Prefix::Se, Suffix::Kan)
            | (Prefix::Te, Suffix::An)
            | (Prefix::Ku, Suffix::An)
    )
}

#[inline]
fn vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The first root found (ECS order: the first lexicon hit ends the search).
struct Best {
    root: Option<Buf>,
    /// Accept only affixable roots (first pass) or any root (second pass).
    strict: bool,
}

impl Best {
    #[inline]
    fn offer(&mut self, cand: &[u8], lex: &Lexicon, min_len: usize) -> bool {
        if self.root.is_some() || cand.len() < min_len {
            return false;
        }
        let Ok(s) = std::str::from_utf8(cand) else {
            return false;
        };
        let hit = if self.strict {
            lex.is_affixable(s)
        } else {
            lex.contains(s)
        };
        if hit {
            self.root = Buf::join(cand, b"");
            true
        } else {
            false
        }
    }
}

/// The first root of the prefix chains on `state` read with suffix `suf`.
fn chain_root(lex: &Lexicon, state: &[u8], suf: Suffix, strict: bool) -> Option<Buf> {
    let mut best = Best { root: None, strict };
    chain(lex, state, 0, 0, suf, &mut best);
    best.root
}

/// Of two readings, the one with the longer root (ties to the first).
fn longer(a: Option<Buf>, b: Option<Buf>) -> Option<Buf> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.n > a.n { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Stems an ASCII lowercase word that is not itself a root. `None`: no decomposition found.
///
/// Two passes: the first accepts only affixable roots (so `memerangi` is perang, not the bare
/// word merang), the second any root.
pub(crate) fn strip(lex: &Lexicon, w: &[u8]) -> Option<Buf> {
    if w.len() > MAX_WORD || w.len() <= MIN_ROOT {
        return None;
    }
    strip_pass(lex, w, true).or_else(|| strip_pass(lex, w, false))
}

fn strip_pass(lex: &Lexicon, w: &[u8], strict: bool) -> Option<Buf> {
    let mut best = Best { root: None, strict };

    // Suffix states, ECS order: inflectional particle, possessive, derivational suffix.
    let s0 = w.len();
    let s1 = if s0 > 3 + MIN_ROOT
        && (w.ends_with(b"lah") || w.ends_with(b"kah") || w.ends_with(b"pun"))
    {
        s0 - 3
    } else {
        s0
    };
    let s2 = {
        let x = &w[..s1];
        if x.len() >= 3 + MIN_ROOT && x.ends_with(b"nya") {
            s1 - 3
        } else if x.len() > 2 + MIN_ROOT && (x.ends_with(b"ku") || x.ends_with(b"mu")) {
            s1 - 2
        } else {
            s1
        }
    };
    // Derivational states (at most two: -kan and its -an reading for roots ending in k).
    let mut deriv: [(usize, Suffix); 2] = [(s2, Suffix::None); 2];
    let mut nd = 0;
    {
        let x = &w[..s2];
        if x.len() > 3 + MIN_ROOT - 1 && x.ends_with(b"kan") {
            deriv[0] = (s2 - 3, Suffix::Kan);
            deriv[1] = (s2 - 2, Suffix::An);
            nd = 2;
        } else if x.len() > 2 + MIN_ROOT - 1 && x.ends_with(b"an") {
            deriv[0] = (s2 - 2, Suffix::An);
            nd = 1;
        } else if x.len() > 1 + MIN_ROOT - 1 && x.ends_with(b"i") {
            deriv[0] = (s2 - 1, Suffix::I);
            nd = 1;
        }
    }

    // 0. ECS precedence: me-/di-/pe-/ter- with -i and be- with -lah take the prefix off first
    //    (`dimulai` is mulai, not mula; `memakai` is pakai, not maka).
    if (w.ends_with(b"i")
        && (w.starts_with(b"me")
            || w.starts_with(b"di")
            || w.starts_with(b"pe")
            || w.starts_with(b"ter")))
        || (w.starts_with(b"be") && w.ends_with(b"lah"))
    {
        chain(lex, w, 0, 0, Suffix::None, &mut best);
        if best.root.is_some() {
            return best.root;
        }
    }
    // 1. Suffix-only readings, in ECS order (`berikan` is beri+kan). A bare -i is stripped
    //    only onto an affixable root of 5 letters or more (`tangani` is tangan, `bali` and
    //    `dani` stay), and a bare -an/-kan needs a root of 4 letters or more (asean is not
    //    ase+an).
    let found = (s1 < s0 && best.offer(&w[..s1], lex, MIN_ROOT))
        || (s2 < s1 && best.offer(&w[..s2], lex, MIN_ROOT));
    if !found {
        for &(end, suf) in &deriv[..nd] {
            let ok = match suf {
                Suffix::I => best.strict && best.offer(&w[..end], lex, BARE_I_MIN_ROOT),
                _ => best.offer(&w[..end], lex, MIN_ROOT + 1),
            };
            if ok {
                break;
            }
        }
    }
    if best.root.is_some() {
        return best.root;
    }
    // 1b. The be-...-an precedence of ECS, but only after the suffix-only readings (so that
    //     `berikan` stays beri+kan while `berpesan` is pesan, `bertahan` tahan).
    if w.starts_with(b"be") && w.ends_with(b"an") {
        let root = chain_root(lex, w, Suffix::None, strict);
        if root.is_some() {
            return root;
        }
    }
    // 2. Prefix chains on each state, most-stripped first (ECS loop-restore order). Where a
    //    suffix can also be read as the end of the root (the `k` of -kan: penegakan, pemasukan;
    //    the `i` of -i: membeli), both readings are tried and the longer root wins; once the
    //    first reading has an affixable root, the other may end in a bare word (`mengalami` is
    //    alami, not alam+i; but `penekan` is tekan, not bare nek+an).
    let root = match &deriv[..nd] {
        [(e1, s1k), (e2, s2a)] => {
            let first = chain_root(lex, &w[..*e1], *s1k, strict);
            let other = chain_root(lex, &w[..*e2], *s2a, strict && first.is_none());
            longer(first, other)
        }
        [(e, Suffix::I)] => {
            let first = chain_root(lex, &w[..*e], Suffix::I, strict);
            let other = chain_root(lex, &w[..s2], Suffix::None, strict && first.is_none());
            longer(first, other)
        }
        [(e, suf)] => chain_root(lex, &w[..*e], *suf, strict),
        _ => None,
    };
    if root.is_some() {
        return root;
    }
    for (end, taken) in [
        (s2, s2 < s1 || nd > 0),
        (s1, s1 < s0),
        (s0, s1 < s0 || s2 < s1 || nd == 0),
    ] {
        if taken {
            let root = chain_root(lex, &w[..end], Suffix::None, strict);
            if root.is_some() {
                return root;
            }
        }
    }
    None
}

/// Removes one more prefix from `cur` (all rule alternatives), offers each remainder, then
/// recurses (at most three prefixes, none twice).
fn chain(lex: &Lexicon, cur: &[u8], depth: u8, used: u8, suf: Suffix, best: &mut Best) {
    if depth >= 3 || cur.len() < MIN_ROOT + 2 {
        return;
    }
    let mut cands: [(Prefix, Buf); 6] = [(
        Prefix::Di,
        Buf {
            b: [0; MAX_WORD + 2],
            n: 0,
        },
    ); 6];
    let n = prefix_options(cur, depth, used, &mut cands);
    for (p, c) in &cands[..n] {
        if depth == 0 && disallowed(*p, suf) && !(*p == Prefix::Ke && c.bytes() == b"tahu") {
            continue;
        }
        if *p == Prefix::Ku && !best.strict {
            continue;
        }
        best.offer(c.bytes(), lex, MIN_ROOT);
    }
    for (p, c) in &cands[..n] {
        if depth == 0 && disallowed(*p, suf) || *p == Prefix::Ku && !best.strict {
            continue;
        }
        chain(lex, c.bytes(), depth + 1, used | p.bit(), suf, best);
    }
}

/// Fills `out` with the remainders of `c` after one prefix (with recodings); returns how many.
fn prefix_options(c: &[u8], depth: u8, used: u8, out: &mut [(Prefix, Buf); 6]) -> usize {
    let mut n = 0;
    let mut push = |p: Prefix, head: &[u8], rest: &[u8]| {
        if n < out.len() && rest.len() + head.len() >= MIN_ROOT {
            if let Some(b) = Buf::join(head, rest) {
                out[n] = (p, b);
                n += 1;
            }
        }
    };
    let at = |i: usize| c.get(i).copied().unwrap_or(0);
    let free = |p: Prefix| used & p.bit() == 0;
    let last_di_or_be = used != 0 && used & !(Prefix::Di.bit() | Prefix::Be.bit()) == 0;

    match (at(0), at(1)) {
        (b'd', b'i') if depth == 0 => push(Prefix::Di, b"", &c[2..]),
        (b'k', b'e') if (depth == 0 || last_di_or_be) && free(Prefix::Ke) => {
            push(Prefix::Ke, b"", &c[2..])
        }
        // se- is outermost, or after ke- (kesepakatan) or per- (persemakmuran, perseorangan).
        (b's', b'e') if depth == 0 || used == Prefix::Ke.bit() || used == Prefix::Pe.bit() => {
            push(Prefix::Se, b"", &c[2..])
        }
        // Proclitic pronouns: kau- before ku- (kauhajar is not ku+auhajar).
        (b'k', b'a') if depth == 0 && at(2) == b'u' && c.len() >= 3 + 4 => {
            push(Prefix::Ku, b"", &c[3..])
        }
        (b'k', b'u') if depth == 0 && c.len() >= 2 + 4 => push(Prefix::Ku, b"", &c[2..]),
        (b'm', b'e') if depth == 0 => {
            let (c2, c3, c4) = (at(2), at(3), at(4));
            match (c2, c3) {
                (b'n', b'g') => {
                    if matches!(c4, b'g' | b'h' | b'q' | b'k') {
                        push(Prefix::Me, b"", &c[4..]);
                    } else if vowel(c4) {
                        push(Prefix::Me, b"", &c[4..]);
                        push(Prefix::Me, b"k", &c[4..]);
                        if c4 == b'e' {
                            push(Prefix::Me, b"", &c[5..]);
                        }
                        // A root that starts with ng itself (menganga: nganga), tried last.
                        push(Prefix::Me, b"", &c[2..]);
                    }
                }
                (b'n', b'y') if vowel(c4) => {
                    push(Prefix::Me, b"s", &c[4..]);
                    push(Prefix::Me, b"", &c[2..]);
                }
                (b'n', b'c' | b'd' | b'j' | b's' | b'z' | b't') => push(Prefix::Me, b"", &c[3..]),
                (b'n', x) if vowel(x) => {
                    push(Prefix::Me, b"n", &c[3..]);
                    push(Prefix::Me, b"t", &c[3..]);
                }
                (b'm', b'b' | b'f' | b'v' | b'p') => push(Prefix::Me, b"", &c[3..]),
                (b'm', x) if vowel(x) || x == b'r' => {
                    push(Prefix::Me, b"m", &c[3..]);
                    push(Prefix::Me, b"p", &c[3..]);
                }
                (x, y) if matches!(x, b'l' | b'r' | b'w' | b'y') && vowel(y) => {
                    push(Prefix::Me, b"", &c[2..])
                }
                _ => {}
            }
        }
        (b'b', b'e') if free(Prefix::Be) && free(Prefix::Te) => {
            let (c2, c3, c4) = (at(2), at(3), at(4));
            if c2 == b'r' {
                push(Prefix::Be, b"", &c[3..]);
                if vowel(c3) {
                    push(Prefix::Be, b"", &c[2..]);
                }
            } else if c.starts_with(b"belajar") {
                push(Prefix::Be, b"", &c[3..]);
            } else if !vowel(c2) && c2 != b'l' && c3 == b'e' && c4 == b'r' {
                push(Prefix::Be, b"", &c[2..]);
            }
        }
        (b't', b'e') if free(Prefix::Te) && free(Prefix::Be) => {
            let (c2, c3, c4) = (at(2), at(3), at(4));
            if c2 == b'r' {
                push(Prefix::Te, b"", &c[3..]);
                if vowel(c3) {
                    push(Prefix::Te, b"", &c[2..]);
                }
            } else if !vowel(c2) && c3 == b'e' && c4 == b'r' {
                push(Prefix::Te, b"", &c[2..]);
            }
        }
        (b'p', b'e') if free(Prefix::Pe) => {
            let (c2, c3, c4) = (at(2), at(3), at(4));
            match (c2, c3) {
                (b'r', _) => {
                    push(Prefix::Pe, b"", &c[3..]);
                    if vowel(c3) {
                        push(Prefix::Pe, b"", &c[2..]);
                    }
                }
                (b'n', b'g') => {
                    if matches!(c4, b'g' | b'h' | b'q' | b'k') {
                        push(Prefix::Pe, b"", &c[4..]);
                    } else if vowel(c4) {
                        push(Prefix::Pe, b"", &c[4..]);
                        push(Prefix::Pe, b"k", &c[4..]);
                        if c4 == b'e' {
                            push(Prefix::Pe, b"", &c[5..]);
                        }
                        push(Prefix::Pe, b"", &c[2..]);
                    }
                }
                (b'n', b'y') if vowel(c4) => {
                    push(Prefix::Pe, b"s", &c[4..]);
                    push(Prefix::Pe, b"", &c[2..]);
                }
                (b'n', b'c' | b'd' | b'j' | b's' | b'z' | b't') => push(Prefix::Pe, b"", &c[3..]),
                (b'n', x) if vowel(x) => {
                    push(Prefix::Pe, b"n", &c[3..]);
                    push(Prefix::Pe, b"t", &c[3..]);
                }
                (b'm', b'b' | b'f' | b'v') => push(Prefix::Pe, b"", &c[3..]),
                (b'm', x) if vowel(x) || x == b'r' => {
                    push(Prefix::Pe, b"m", &c[3..]);
                    push(Prefix::Pe, b"p", &c[3..]);
                }
                (b'l', _) if c.starts_with(b"pelajar") => push(Prefix::Pe, b"", &c[3..]),
                (b'l' | b'w' | b'y', _) => push(Prefix::Pe, b"", &c[2..]),
                (x, _) if !vowel(x) && !matches!(x, b'm' | b'n') => push(Prefix::Pe, b"", &c[2..]),
                _ => {}
            }
        }
        _ => {}
    }
    n
}
