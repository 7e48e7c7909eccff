//! Extraction throughput in bytes of text on dense generated articles
//! (`GenerateOptions::dense`: 300-900-word bodies with countries, organisations and dates in
//! every paragraph), and the time of one 4 MB body on a single line (no super-linear term).
//!
//! Run: `cargo bench --bench extract`. `cargo run --release --example extract_speed` prints
//! the same figures without criterion.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use telusur::extract::{extract, extract_with, partners};
use telusur::generate::{GenerateOptions, Generator};
use telusur::{Article, Metadata};

/// Dense articles of seed 1.
fn articles(n: usize) -> Vec<Article> {
    let opts = GenerateOptions {
        docs: n,
        seed: 1,
        dense: true,
    };
    Generator::with_options(&opts).take(n).collect()
}

fn text_bytes(articles: &[Article]) -> u64 {
    articles
        .iter()
        .map(|a| (a.body.len() + a.meta.title.as_ref().map_or(0, String::len)) as u64)
        .sum()
}

fn bench_extract(c: &mut Criterion) {
    let articles = articles(300);
    let pages: Vec<String> = articles
        .iter()
        .map(|a| format!("{}\n\n{}", a.meta.title.as_deref().unwrap_or(""), a.body))
        .collect();
    // What a JSON Lines record of the dense corpus gives: title, date, year, partners.
    let given: Vec<Metadata> = articles
        .iter()
        .map(|a| Metadata {
            title: a.meta.title.clone(),
            published: a.meta.published,
            year: a.meta.year,
            partners: a.meta.partners.clone(),
            ..Metadata::default()
        })
        .collect();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text_bytes(&articles)));
    group.sample_size(20);
    group.bench_function("page_dense", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(extract(black_box(p), None));
            }
        })
    });
    group.bench_function("jsonl_given_dense", |b| {
        b.iter(|| {
            for (a, k) in articles.iter().zip(&given) {
                black_box(extract_with(black_box(&a.body), a.url.as_deref(), k));
            }
        })
    });
    group.bench_function("partners_dense", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(partners::detect(
                    a.meta.title.as_deref(),
                    black_box(&a.body),
                ));
            }
        })
    });
    group.finish();

    let line = one_line(&articles, 4 << 20);
    let mut group = c.benchmark_group("extract_one_line");
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.sample_size(10);
    group.bench_function("page_4mb", |b| {
        b.iter(|| black_box(extract(black_box(&line), None)))
    });
    group.finish();
}

/// The bodies joined into one line of at least `bytes` bytes.
fn one_line(articles: &[Article], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 8192);
    for a in articles.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        for w in a.body.split_whitespace() {
            s.push_str(w);
            s.push(' ');
        }
    }
    s
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
