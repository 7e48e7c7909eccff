//! Indonesian stemmer: dictionary-backed confix stripping (Nazief & Adriani; Asian 2007;
//! Arifin et al. 2009, "Enhanced Confix Stripping", the family behind Sastrawi) over the root
//! [`Lexicon`], with the over-stemming traps of Sastrawi avoided (penyelidikan is selidik, berikan is
//! beri, menangis is tangis, bali stays bali).
//!
//! ```
//! use telusur::analysis::Stemmer;
//! let s = Stemmer::default();
//! assert_eq!(s.stem("menangkap"), "tangkap");
//! assert_eq!(s.stem("penanggulangan"), "tanggulang");
//! assert_eq!(s.stem("teroris"), "teroris");
//! assert_eq!(s.stem("bnpt"), "bnpt");
//! ```

mod lexicon;
mod rules;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use lexicon::FxBuild;

use super::short_str::ShortStr;
pub use lexicon::Lexicon;

/// An Indonesian stemmer over a root lexicon. Cheap to clone (the lexicon is shared).
///
/// Input is one lowercase word. Words that are roots, that contain anything but ASCII letters
/// (digits, non-ASCII such as `gürbüz`), that are very long, or that no rule decomposes into a
/// root are returned unchanged. A hyphenated word whose parts stem alike (`negara-negara`,
/// `bermain-main`) gives that stem. Never panics.
#[derive(Debug, Clone)]
pub struct Stemmer {
    lexicon: Arc<Lexicon>,
}

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer::new(Lexicon::embedded())
    }
}

impl Stemmer {
    /// A stemmer over `lexicon`.
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        Stemmer { lexicon }
    }

    /// The lexicon this stemmer strips down to.
    pub fn lexicon(&self) -> &Arc<Lexicon> {
        &self.lexicon
    }

    /// Stems one lowercase word (borrowed when unchanged).
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if word.len() > rules::MAX_WORD * 2 + 1 {
            return Cow::Borrowed(word);
        }
        if let Some((a, b)) = word.split_once('-') {
            if a.is_empty() || b.is_empty() {
                return Cow::Borrowed(word);
            }
            let (sa, sb) = (self.stem(a), self.stem(b));
            return if sa == sb {
                Cow::Owned(sa.into_owned())
            } else {
                Cow::Borrowed(word)
            };
        }
        if !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return Cow::Borrowed(word);
        }
        if self.lexicon.contains(word) {
            return Cow::Borrowed(word);
        }
        match rules::strip(&self.lexicon, word.as_bytes()) {
            Some(root) => Cow::Owned(root.as_str().to_owned()),
            None => Cow::Borrowed(word),
        }
    }
}

/// A bounded memo of recent stems, for one thread (e.g. one analyzer clone).
///
/// News vocabulary is Zipfian: a few thousand word forms make up most tokens. The memo is a hash
/// map that is simply cleared when it reaches `capacity` (no LRU bookkeeping on the hot path: the
/// frequent words come straight back after a clear, and a hit costs one hash lookup).
///
/// ```
/// use telusur::analysis::{StemCache, Stemmer};
/// let mut cache = StemCache::new(Stemmer::default(), 10_000);
/// let mut out = String::new();
/// cache.stem_into("penyerangan", &mut out);
/// assert_eq!(out, "serang");
/// ```
#[derive(Debug, Clone)]
pub struct StemCache {
    stemmer: Stemmer,
    /// Words of up to [`ShortStr::MAX_LEN`] bytes (nearly all), stored inline: a hit follows no
    /// pointer.
    short: HashMap<ShortStr, Memo, FxBuild>,
    /// Longer words.
    long: HashMap<Box<str>, Memo, FxBuild>,
    capacity: usize,
    /// Stems shared with the memos of other clones of the same analyzer.
    shared: Option<Arc<SharedStems>>,
}

/// Stems of short words shared by the memos of one analyzer and all its clones (tantivy clones
/// the analyzer for each snippet, query and indexing thread; a clone's own memo starts empty).
/// Read on a miss of the clone's memo; bounded, and never blocks a writer on contention.
#[derive(Debug)]
pub struct SharedStems {
    map: RwLock<HashMap<ShortStr, Memo, FxBuild>>,
    capacity: usize,
}

impl SharedStems {
    /// A shared memo of at most `capacity` words.
    pub fn new(capacity: usize) -> Self {
        SharedStems {
            map: RwLock::new(HashMap::default()),
            capacity,
        }
    }

    /// The number of shared words.
    pub fn len(&self) -> usize {
        self.map.read().map_or(0, |m| m.len())
    }

    /// Whether nothing is shared yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, key: &ShortStr) -> Option<Memo> {
        self.map.read().ok()?.get(key).cloned()
    }

    fn offer(&self, key: ShortStr, memo: &Memo) {
        // Skip rather than wait when another thread holds the lock.
        if let Ok(mut map) = self.map.try_write() {
            if map.len() < self.capacity {
                map.insert(key, memo.clone());
            }
        }
    }
}

/// A memoised stem.
#[derive(Debug, Clone)]
enum Memo {
    /// The word is its own stem (names, roots, function words): a hit copies nothing.
    Same,
    Short(ShortStr),
    Long(Box<str>),
}

impl Memo {
    fn new(stem: Cow<'_, str>) -> Memo {
        match stem {
            Cow::Borrowed(_) => Memo::Same,
            Cow::Owned(stem) => match ShortStr::new(&stem) {
                Some(short) => Memo::Short(short),
                None => Memo::Long(stem.into_boxed_str()),
            },
        }
    }

    /// Replaces `word` by the stem.
    #[inline]
    fn apply(&self, word: &mut String) {
        let stem = match self {
            Memo::Same => return,
            Memo::Short(stem) => stem.as_str(),
            Memo::Long(stem) => stem,
        };
        word.clear();
        word.push_str(stem);
    }
}

impl StemCache {
    /// A memo of at most `capacity` words (0 disables memoisation). The tables grow with use:
    /// a small vocabulary stays in a small, cache-friendly table.
    pub fn new(stemmer: Stemmer, capacity: usize) -> Self {
        StemCache {
            stemmer,
            short: HashMap::default(),
            long: HashMap::default(),
            capacity,
            shared: None,
        }
    }

    /// A memo of at most `capacity` words backed by `shared`, the memo of its siblings.
    pub fn with_shared(stemmer: Stemmer, capacity: usize, shared: Arc<SharedStems>) -> Self {
        StemCache {
            shared: Some(shared),
            ..StemCache::new(stemmer, capacity)
        }
    }

    /// The stemmer behind the memo.
    pub fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// The number of memoised words.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Whether nothing is memoised.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replaces `word` (lowercase) by its stem; a word that is its own stem is left untouched.
    #[inline]
    pub fn stem_in_place(&mut self, word: &mut String) {
        let key = ShortStr::new(word);
        let hit = match key {
            Some(key) => self.short.get(&key),
            None => self.long.get(word.as_str()),
        };
        if let Some(memo) = hit {
            memo.apply(word);
            return;
        }
        let from_shared = match (&self.shared, &key) {
            (Some(shared), Some(key)) => shared.get(key),
            _ => None,
        };
        let memo = match from_shared {
            Some(memo) => memo,
            None => {
                let memo = Memo::new(self.stemmer.stem(word));
                if let (Some(shared), Some(key)) = (&self.shared, &key) {
                    if word.len() <= rules::MAX_WORD {
                        shared.offer(*key, &memo);
                    }
                }
                memo
            }
        };
        // Only words the rules look at are worth memoising; longer ones pass through anyway.
        if self.capacity > 0 && word.len() <= rules::MAX_WORD {
            if self.len() >= self.capacity {
                self.short.clear();
                self.long.clear();
            }
            match key {
                Some(key) => self.short.insert(key, memo.clone()),
                None => self.long.insert(word.as_str().into(), memo.clone()),
            };
        }
        memo.apply(word);
    }

    /// Clears `out` and writes the stem of `word` (lowercase) into it.
    #[inline]
    pub fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        out.push_str(word);
        self.stem_in_place(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> String {
        Stemmer::default().stem(w).into_owned()
    }

    #[test]
    fn sibling_memos_share_their_stems() {
        let shared = Arc::new(SharedStems::new(100));
        let mut a = StemCache::with_shared(Stemmer::default(), 100, Arc::clone(&shared));
        let mut b = StemCache::with_shared(Stemmer::default(), 100, Arc::clone(&shared));
        let mut out = String::new();
        a.stem_into("penanggulangan", &mut out);
        assert_eq!(out, "tanggulang");
        assert_eq!(shared.len(), 1);
        // b's own memo is empty: the stem comes from the shared one, and b keeps it.
        assert!(b.is_empty());
        b.stem_into("penanggulangan", &mut out);
        assert_eq!(out, "tanggulang");
        assert_eq!((b.len(), shared.len()), (1, 1));
        // The shared memo is bounded.
        for w in (0..200).map(|i| format!("kata{i}")) {
            a.stem_into(&w, &mut out);
        }
        assert_eq!(shared.len(), 100);
    }

    /// Every member of each family meets at the root.
    #[test]
    fn domain_families_meet_at_their_root() {
        let families: &[(&str, &[&str])] = &[
            (
                "serang",
                &[
                    "serang",
                    "menyerang",
                    "penyerangan",
                    "diserang",
                    "serangan",
                    "penyerang",
                ],
            ),
            (
                "tangkap",
                &[
                    "tangkap",
                    "menangkap",
                    "penangkapan",
                    "ditangkap",
                    "tertangkap",
                ],
            ),
            ("bom", &["bom", "mengebom", "pengeboman", "dibom"]),
            (
                "tuntut",
                &["tuntut", "menuntut", "penuntutan", "dituntut", "tuntutan"],
            ),
            (
                "kerja",
                &["kerja", "bekerja", "pekerjaan", "pekerja", "dikerjakan"],
            ),
            ("cegah", &["cegah", "mencegah", "pencegahan", "dicegah"]),
            (
                "tangan",
                &["tangani", "menangani", "ditangani", "penanganan"],
            ),
            (
                "tanggulang",
                &["menanggulangi", "penanggulangan", "ditanggulangi"],
            ),
            (
                "selidik",
                &[
                    "selidik",
                    "menyelidiki",
                    "penyelidikan",
                    "penyelidik",
                    "diselidiki",
                ],
            ),
            ("rekrut", &["rekrut", "merekrut", "perekrutan", "direkrut"]),
            ("dana", &["dana", "mendanai", "pendanaan", "didanai"]),
            ("radikal", &["radikal", "meradikalkan"]),
            ("kata", &["kata", "mengatakan", "dikatakan"]),
            (
                "kuat",
                &["kuat", "memperkuat", "diperkuat", "penguatan", "kekuatan"],
            ),
            (
                "berantas",
                &["berantas", "memberantas", "pemberantasan", "diberantas"],
            ),
            (
                "ancam",
                &["ancam", "mengancam", "ancaman", "diancam", "terancam"],
            ),
            (
                "tembak",
                &["menembak", "penembakan", "ditembak", "tertembak"],
            ),
            ("ledak", &["meledak", "ledakan", "peledakan", "meledakkan"]),
            (
                "tahu",
                &["mengetahui", "diketahui", "ketahui", "pengetahuan"],
            ),
            ("ajar", &["belajar", "pelajaran", "mengajar", "pelajar"]),
            ("beri", &["memberikan", "diberikan", "pemberian", "berikan"]),
            ("perintah", &["pemerintah", "pemerintahan", "diperintahkan"]),
            (
                "aman",
                &["keamanan", "mengamankan", "diamankan", "pengamanan"],
            ),
            (
                "tahan",
                &["menahan", "penahanan", "ditahan", "bertahan", "pertahanan"],
            ),
            ("hasil", &["berhasil", "keberhasilan", "menghasilkan"]),
            ("pakai", &["memakai", "pemakaian", "dipakai"]),
            ("perang", &["perang", "memerangi", "berperang", "diperangi"]),
            ("makan", &["makan", "memakan", "dimakan", "makanan"]),
        ];
        let s = Stemmer::default();
        for (root, forms) in families {
            for form in *forms {
                assert_eq!(s.stem(form), *root, "{form} should stem to {root}");
            }
        }
    }

    #[test]
    fn recoding_rules() {
        for (w, r) in [
            ("menyelidiki", "selidik"),
            ("memperkuat", "kuat"),
            ("mengebom", "bom"),
            ("mengeluarkan", "keluar"),
            ("memukul", "pukul"),
            ("menulis", "tulis"),
            ("pemberantasan", "berantas"),
            ("keberhasilan", "hasil"),
            ("terpercaya", "percaya"),
            ("kepolisian", "polisi"),
            ("dimulai", "mulai"),
            ("membeli", "beli"),
            ("kerusakan", "rusak"),
            ("mengalami", "alami"),
            ("mengurangi", "kurang"),
            ("penekan", "tekan"),
            ("pemasukan", "masuk"),
            ("penegakan", "tegak"),
            ("bukunya", "buku"),
            ("tangkaplah", "tangkap"),
            ("serangannya", "serang"),
            // -nya onto a three-letter root.
            ("adanya", "ada"),
            ("bomnya", "bom"),
            ("timnya", "tim"),
            ("haknya", "hak"),
        ] {
            assert_eq!(stem(w), r, "{w}");
        }
    }

    /// The proclitic pronouns ku-/kau-, se- after per-, meN- before a root in ng, and roots
    /// added to the lexicon.
    #[test]
    fn proclitics_and_less_common_prefix_chains() {
        for (w, r) in [
            ("kupukul", "pukul"),
            ("kauhajar", "hajar"),
            ("kuberikan", "beri"),
            ("kaulihat", "lihat"),
            ("kutangkap", "tangkap"),
            ("persemakmuran", "makmur"),
            ("perseorangan", "orang"),
            ("menganga", "nganga"),
            ("perusakan", "rusak"),
            ("kerusakan", "rusak"),
            ("merusak", "rusak"),
            ("bernafas", "nafas"),
            ("terhenyak", "henyak"),
        ] {
            assert_eq!(stem(w), r, "{w}");
        }
        // Roots in ku-/kau- stay whole; ku- needs an affixable root of four letters or more.
        for w in ["kuasa", "kuliah", "kurang", "kaum", "kuda", "kuota"] {
            assert_eq!(stem(w), w);
        }
        assert_eq!(stem("kumpulan"), "kumpul");
        // The ng-initial reading comes after the usual ones.
        assert_eq!(stem("mengatakan"), "kata");
        assert_eq!(stem("mengeluarkan"), "keluar");
    }

    /// Words Sastrawi over-stems, and words that must stay whole.
    #[test]
    fn over_stemming_traps() {
        for (w, r) in [
            ("penyelidikan", "selidik"),
            ("berikan", "beri"),
            ("menangis", "tangis"),
            ("bali", "bali"),
            ("teroris", "teroris"),
            ("terorisme", "terorisme"),
            ("kepala", "kepala"),
            ("kerjasama", "kerjasama"),
            ("deradikalisasi", "deradikalisasi"),
            ("taliban", "taliban"),
            ("asean", "asean"),
            ("berbasis", "basis"),
            ("sekedar", "sekedar"),
        ] {
            assert_eq!(stem(w), r, "{w}");
        }
        for name in [
            "bnpt", "densus", "tiongkok", "unoct", "polri", "jakarta", "xyzzy", "hanya", "kenya",
        ] {
            assert_eq!(stem(name), name);
        }
    }

    #[test]
    fn non_ascii_digits_hyphens_pass_through() {
        let s = Stemmer::default();
        for w in [
            "gürbüz",
            "88",
            "densus88",
            "",
            "-",
            "a",
            "--x",
            "x-",
            "ménangkap",
            "مرحبا",
        ] {
            assert_eq!(s.stem(w), w);
            assert!(matches!(s.stem(w), Cow::Borrowed(_)));
        }
        assert_eq!(s.stem("negara-negara"), "negara");
        assert_eq!(s.stem("serangan-serangan"), "serang");
        assert_eq!(s.stem("kuasa-mu"), "kuasa-mu");
    }

    #[test]
    fn own_lexicon_is_used() {
        let s = Stemmer::new(Arc::new(Lexicon::from_words(["lidi"])));
        // Only the given roots exist: tangkap is unknown, so menangkap stays.
        assert_eq!(s.stem("menangkap"), "menangkap");
        assert_eq!(s.stem("melidi"), "lidi");
    }

    #[test]
    fn never_panics_on_random_strings() {
        use rand::{Rng, SeedableRng};
        let s = Stemmer::default();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let alphabet: Vec<char> = "aeioumengpenyberdiketerkanlahnyaku-é漢ß0 \u{0301}ü"
            .chars()
            .collect();
        for i in 0..20_000 {
            let len = rng.random_range(0..if i % 100 == 0 { 400 } else { 24 });
            let w: String = (0..len)
                .map(|_| alphabet[rng.random_range(0..alphabet.len())])
                .collect();
            let out = s.stem(&w);
            // A stem is never longer than its word by more than a recoded letter or two.
            assert!(out.len() <= w.len() + 2, "{w:?} -> {out:?}");
        }
        let long = "me".repeat(5000) + "nangkap";
        assert_eq!(s.stem(&long), long);
        let long_ascii = "pe".repeat(19) + "ngan";
        let _ = s.stem(&long_ascii);
    }

    #[test]
    fn cache_equals_uncached_and_stays_bounded() {
        let s = Stemmer::default();
        let mut cache = StemCache::new(s.clone(), 8);
        let words = [
            "penyerangan",
            "bali",
            "mengebom",
            "gürbüz",
            "",
            "negara-negara",
            "ditangkap",
            "kepala",
            "penyelidikan",
            "berikan",
            "menangis",
            "densus",
            "pendanaan",
        ];
        let mut out = String::from("garbage");
        for round in 0..3 {
            for w in words {
                cache.stem_into(w, &mut out);
                assert_eq!(out, s.stem(w), "round {round}: {w}");
                assert!(cache.len() <= 8);
            }
        }
        let mut none = StemCache::new(s.clone(), 0);
        none.stem_into("menangkap", &mut out);
        assert_eq!(out, "tangkap");
        assert!(none.is_empty());
    }
}
