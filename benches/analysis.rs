//! Analysis throughput in bytes: the full Indonesian analyzer beside tantivy's default
//! (SimpleTokenizer + LowerCaser) on the same news-like text, generated here from our own
//! sentences and vocabulary (a few hundred KB, deterministic).
//!
//! Run: `cargo bench --bench analysis`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};
use telusur::analysis::AnalyzerBuilder;

#[path = "common/news_text.rs"]
mod news_text;

use news_text::news_text;

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        black_box(&stream.token().text);
        n += 1;
    }
    n
}

fn bench_analysis(c: &mut Criterion) {
    let text = news_text(300_000);
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);

    let mut default = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build();
    group.bench_function("tantivy_default", |b| {
        b.iter(|| count_tokens(&mut default, black_box(&text)))
    });

    let mut full = AnalyzerBuilder::new().build().expect("embedded data");
    group.bench_function("telusur_full", |b| {
        b.iter(|| count_tokens(&mut full, black_box(&text)))
    });

    let mut no_stem = AnalyzerBuilder::new()
        .stemming(false)
        .build()
        .expect("embedded data");
    group.bench_function("telusur_no_stem", |b| {
        b.iter(|| count_tokens(&mut no_stem, black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);
