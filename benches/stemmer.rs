//! Stemmer throughput on a news-like word stream (words/s).
//!
//! The stream is generated, not corpus text: a vocabulary of affixed forms built from common
//! roots and the productive affix patterns of news Indonesian, plus function words, names and
//! acronyms that pass through, drawn with Zipfian frequencies (news vocabulary repeats).
//!
//! `cargo bench --bench stemmer`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rand::{Rng, SeedableRng};
use telusur::analysis::{StemCache, Stemmer};

const ROOTS: &[&str] = &[
    "serang",
    "tangkap",
    "tuntut",
    "cegah",
    "selidik",
    "rekrut",
    "dana",
    "kata",
    "kuat",
    "bantu",
    "periksa",
    "ancam",
    "bunuh",
    "tembak",
    "duga",
    "jaga",
    "lindung",
    "sebar",
    "ajar",
    "ikut",
    "ambil",
    "beri",
    "pimpin",
    "latih",
    "rencana",
    "temu",
    "ungkap",
    "kembang",
    "tingkat",
    "kelola",
    "hasil",
    "sita",
    "tindak",
    "awas",
    "putus",
    "damai",
    "cari",
    "rakit",
    "bangun",
    "juang",
    "tahan",
    "ganggu",
    "kirim",
    "sasar",
    "pakai",
    "ubah",
    "kerja",
    "tanggulang",
    "berantas",
    "hukum",
    "adil",
    "satu",
    "aman",
    "libat",
    "sidang",
    "ledak",
];
const PATTERNS: &[(&str, &str)] = &[
    ("me", ""),
    ("me", "kan"),
    ("me", "i"),
    ("pe", "an"),
    ("di", ""),
    ("di", "kan"),
    ("di", "i"),
    ("", "an"),
    ("ter", ""),
    ("ber", ""),
    ("ke", "an"),
    ("", "nya"),
    ("pe", ""),
];
const PLAIN: &[&str] = &[
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "dengan",
    "untuk",
    "dalam",
    "pada",
    "ini",
    "itu",
    "tidak",
    "akan",
    "juga",
    "oleh",
    "sebagai",
    "tersebut",
    "telah",
    "bahwa",
    "kepada",
    "indonesia",
    "densus",
    "bnpt",
    "polri",
    "jakarta",
    "poso",
    "jamaah",
    "kelompok",
    "teroris",
    "terorisme",
    "tahun",
    "orang",
    "negara",
    "kepala",
    "gürbüz",
    "88",
    "negara-negara",
    "asean",
    "unoct",
];

/// A naive nasal prefix (the recoding is the stemmer's job to undo, so spell it right).
fn affix(prefix: &str, root: &str, suffix: &str) -> String {
    let first = root.as_bytes()[0];
    let p = match (prefix, first) {
        ("me" | "pe", b'b' | b'f' | b'v') => format!("{prefix}m{root}"),
        ("me" | "pe", b'p') => format!("{prefix}m{}", &root[1..]),
        ("me" | "pe", b'c' | b'd' | b'j' | b'z') => format!("{prefix}n{root}"),
        ("me" | "pe", b't') => format!("{prefix}n{}", &root[1..]),
        ("me" | "pe", b's') => format!("{prefix}ny{}", &root[1..]),
        ("me" | "pe", b'k') => format!("{prefix}ng{}", &root[1..]),
        ("me" | "pe", b'g' | b'h' | b'a' | b'e' | b'i' | b'o' | b'u') => {
            format!("{prefix}ng{root}")
        }
        _ => format!("{prefix}{root}"),
    };
    p + suffix
}

/// `n` tokens drawn with Zipf(1) frequencies over the shuffled vocabulary.
fn news_words(n: usize) -> Vec<String> {
    let mut vocab: Vec<String> = PLAIN.iter().map(|s| s.to_string()).collect();
    for r in ROOTS {
        vocab.push(r.to_string());
        for (p, s) in PATTERNS {
            vocab.push(affix(p, r, s));
        }
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    for i in (1..vocab.len()).rev() {
        vocab.swap(i, rng.random_range(0..=i));
    }
    let weights: Vec<f64> = (1..=vocab.len()).map(|r| 1.0 / r as f64).collect();
    let total: f64 = weights.iter().sum();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut acc = 0.0;
    for w in weights {
        acc += w / total;
        cumulative.push(acc);
    }
    (0..n)
        .map(|_| {
            let x: f64 = rng.random();
            let i = cumulative.partition_point(|&c| c < x).min(vocab.len() - 1);
            vocab[i].clone()
        })
        .collect()
}

fn bench_stemmer(c: &mut Criterion) {
    let words = news_words(50_000);
    let stemmer = Stemmer::default();
    let mut group = c.benchmark_group("stemmer");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("cached (StemCache 10k)", |b| {
        let mut cache = StemCache::new(stemmer.clone(), 10_000);
        let mut out = String::new();
        b.iter(|| {
            for w in &words {
                cache.stem_into(w, &mut out);
                black_box(&out);
            }
        })
    });
    group.bench_function("uncached (Stemmer::stem)", |b| {
        b.iter(|| {
            for w in &words {
                black_box(stemmer.stem(w));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_stemmer);
criterion_main!(benches);
