//! Indexing throughput: a batch of 10,000 generated articles into a fresh in-memory index,
//! through the whole pipeline (normalise, hash, build documents in parallel, one writer,
//! final commit and merge). Reported as articles per second.
//!
//! Run with `cargo bench --bench indexing`. Articles come from `telusur::generate` (seed 7).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use telusur::generate::Generator;
use telusur::IndexOptions;
use telusur::{Article, Engine};

const BATCH: usize = 10_000;

/// The batch: the project's generator, seed 7 (150-1,000 words an article).
fn corpus(n: usize) -> Vec<Article> {
    Generator::new(7).take(n).collect()
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
