//! Query latency: a mix of queries (common and rare terms, AND, OR, phrases, each with and
//! without country/year filters, with and without facets and snippets) over an in-RAM index
//! of generated articles (100k by default; `TELUSUR_BENCH_DOCS=N` to change).
//!
//! Run: `cargo bench --bench query`. Besides criterion's per-query figures it prints the
//! p50/p95/p99 of the whole mix, run in-process as a user's searches would be.
//!
//! The corpus comes from `telusur::generate` (seed 42), indexed through `Engine::index_articles`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use telusur::generate::Generator;
use telusur::Engine;
use telusur::IndexOptions;
use telusur::SearchRequest;

/// Indexes `n_docs` articles of the project's generator (seed 42) through the real indexing
/// path, in RAM.
fn build_engine(n_docs: usize) -> Engine {
    let engine = Engine::in_memory().expect("engine");
    let opts = IndexOptions::default();
    engine
        .index_articles(Generator::new(42).take(n_docs), &opts)
        .expect("index");
    engine
}

/// The query mix: (name, query text).
const QUERIES: &[(&str, &str)] = &[
    ("common", "terorisme"),
    ("rare", "interpol"),
    ("compound", "kerja sama"),
    ("and3", "densus penangkapan terduga"),
    ("or", "pelatihan OR lokakarya"),
    ("phrase", "\"nota kesepahaman\""),
    ("browse", ""),
];

fn variants(q: &str) -> Vec<(String, SearchRequest)> {
    let base = SearchRequest::new(q).facets(false).snippets(false);
    let full = |r: SearchRequest| r.facets(true).snippets(true);
    vec![
        ("plain".into(), base.clone()),
        (
            "country+year".into(),
            base.clone().country("Filipina").year_range(2015, 2020),
        ),
        ("facets+snippets".into(), full(base.clone())),
        (
            "country+year+facets+snippets".into(),
            full(base.country("Filipina").year_range(2015, 2020)),
        ),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn print_percentiles(engine: &Engine, rounds: usize) {
    let mut all = Vec::new();
    let mut full = Vec::new();
    for _ in 0..rounds {
        for (_, q) in QUERIES {
            for (v, req) in variants(q) {
                let t = Instant::now();
                let r = engine.search(&req).expect("search");
                let d = t.elapsed();
                black_box(r);
                all.push(d);
                if v.contains("facets") {
                    full.push(d);
                }
            }
        }
    }
    all.sort();
    full.sort();
    for (name, v) in [("whole mix", &all), ("with facets+snippets", &full)] {
        println!(
            "query latency, {name} ({} searches): p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            v.len(),
            percentile(v, 0.50).as_secs_f64() * 1e3,
            percentile(v, 0.95).as_secs_f64() * 1e3,
            percentile(v, 0.99).as_secs_f64() * 1e3,
            v.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
        );
    }
}

fn main() {
    let n_docs: usize = std::env::var("TELUSUR_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let t = Instant::now();
    let engine = build_engine(n_docs);
    eprintln!(
        "indexed {n_docs} generated articles in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    for (name, q) in QUERIES {
        let r = engine
            .search(&SearchRequest::new(*q).limit(0))
            .expect("search");
        eprintln!("  {name:<7} {q:<28} {:>7} hits", r.total);
    }
    print_percentiles(&engine, 30);

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20)
        .configure_from_args();
    for (name, q) in QUERIES {
        let mut group = c.benchmark_group(format!("query/{name}"));
        for (v, req) in variants(q) {
            group.bench_function(v, |b| {
                b.iter(|| engine.search(black_box(&req)).expect("search"))
            });
        }
        group.finish();
    }
    c.final_summary();
}
