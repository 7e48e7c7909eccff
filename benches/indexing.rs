//! Indexing throughput: a batch of 10,000 generated articles into a fresh in-memory index,
//! through the whole pipeline (normalise, hash, build documents in parallel, one writer,
//! final commit and merge). Reported as articles per second.
//!
//! Run with `cargo bench --bench indexing`.
//!
//! TEMPORARY: articles come from a small local generator until `telusur::generate` lands;
//! then `corpus()` becomes `telusur::generate::sample_corpus()`-style generation of 10k.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use telusur::index::IndexOptions;
use telusur::{Article, Engine, Metadata};

const BATCH: usize = 10_000;

const WORDS: &[&str] = &[
    "kerja",
    "sama",
    "penanggulangan",
    "terorisme",
    "pemerintah",
    "kepolisian",
    "pelatihan",
    "bersama",
    "informasi",
    "intelijen",
    "perbatasan",
    "keamanan",
    "negara",
    "sepakat",
    "memperkuat",
    "radikalisme",
    "pencegahan",
    "pendanaan",
    "jaringan",
    "tersangka",
    "patroli",
    "laut",
    "menteri",
    "pertemuan",
    "delegasi",
    "bantuan",
    "forensik",
    "penyidik",
    "deradikalisasi",
    "narapidana",
    "ekstremisme",
    "kekerasan",
    "digital",
    "propaganda",
    "kawasan",
    "regional",
];
const PARTNERS: &[&str] = &["PH", "MY", "AU", "CN", "GB", "US"];
const SOURCES: &[&str] = &["ANTARA", "Kompas", "jpnn.com", "Tempo"];

fn corpus(n: usize) -> Vec<Article> {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    (0..n)
        .map(|i| {
            let mut body = String::with_capacity(2048);
            for s in 0..12 {
                for w in 0..18 {
                    if w > 0 {
                        body.push(' ');
                    }
                    body.push_str(WORDS[rng.random_range(0..WORDS.len())]);
                }
                body.push_str(if s % 4 == 3 { ".\n\n" } else { ". " });
            }
            let year = 2015 + (i % 10) as i32;
            let partner = PARTNERS[rng.random_range(0..PARTNERS.len())];
            Article {
                url: Some(format!("https://bench.invalid/berita/{i}")),
                body,
                meta: Metadata {
                    title: Some(format!("Berita {i}: kerja sama dengan {partner}")),
                    source: Some(SOURCES[i % SOURCES.len()].to_string()),
                    published: chrono::NaiveDate::from_ymd_opt(
                        year,
                        1 + (i % 12) as u32,
                        1 + (i % 28) as u32,
                    ),
                    partners: vec![partner.to_string()],
                    mentioned_countries: vec![partner.to_string()],
                    ..Metadata::default()
                },
                ..Article::default()
            }
        })
        .collect()
}

fn bench_indexing(c: &mut Criterion) {
    let articles = corpus(BATCH);
    let mut group = c.benchmark_group("indexing");
    group.sample_size(10);
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("10k_articles_in_memory", |b| {
        b.iter_batched(
            || articles.clone(),
            |batch| {
                let engine = Engine::in_memory().expect("in-memory index");
                let report = engine
                    .index_articles(batch, &IndexOptions::default())
                    .expect("indexing succeeds");
                assert_eq!(report.documents, BATCH as u64);
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_indexing);
criterion_main!(benches);
