//! Generator throughput: articles/s and MB/s of JSON Lines written to memory, and of the
//! iterator producing owned `Article`s.
//!
//! Run with `cargo bench --bench generate`.

use std::io::Write;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use telusur::generate::{write_jsonl, GenerateOptions, Generator};

/// Counts bytes, keeps none: measures generation and serialisation, not memory copies.
struct Sink(u64);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const DOCS: usize = 10_000;

fn bench(c: &mut Criterion) {
    let opts = GenerateOptions {
        docs: DOCS,
        seed: 1,
        dense: false,
    };
    let mut sink = Sink(0);
    write_jsonl(&mut sink, &opts).expect("generate");
    let bytes = sink.0;
    eprintln!(
        "generate: {DOCS} articles = {:.1} MB of JSONL ({:.0} bytes/article)",
        bytes as f64 / 1e6,
        bytes as f64 / DOCS as f64
    );

    let mut g = c.benchmark_group("generate_jsonl");
    g.sample_size(10);
    g.throughput(Throughput::Elements(DOCS as u64));
    g.bench_function("articles", |b| {
        b.iter(|| write_jsonl(Sink(0), &opts).expect("generate"))
    });
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("bytes", |b| {
        b.iter(|| write_jsonl(Sink(0), &opts).expect("generate"))
    });
    g.finish();

    let mut g = c.benchmark_group("generate_iter");
    g.sample_size(10);
    g.throughput(Throughput::Elements(DOCS as u64));
    g.bench_function("articles", |b| {
        b.iter(|| {
            Generator::new(1)
                .take(DOCS)
                .map(|a| a.body.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
