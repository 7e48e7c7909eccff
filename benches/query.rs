//! Query latency: a mix of queries (common and rare terms, AND, OR, phrases, each with and
//! without country/year filters, with and without facets and snippets) over an in-RAM index
//! of generated articles (100k by default; `TELUSUR_BENCH_DOCS=N` to change).
//!
//! Run: `cargo bench --bench query`. Besides criterion's per-query figures it prints the
//! p50/p95/p99 of the whole mix, run in-process as a user's searches would be.
//!
//! The corpus comes from a small local generator (below); it is to be replaced by
//! `telusur::generate` once that lands.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use tantivy::schema::Facet;
use tantivy::{doc, DateTime, Index, TantivyDocument};
use telusur::extract::gazetteer;
use telusur::search::SearchRequest;
use telusur::Engine;

const COMMON: &[&str] = &[
    "indonesia",
    "kerja",
    "sama",
    "terorisme",
    "penanggulangan",
    "teroris",
    "densus",
    "polisi",
    "pemerintah",
    "negara",
    "keamanan",
    "menteri",
    "delegasi",
    "pertemuan",
    "bom",
    "peledak",
    "menangkap",
    "terduga",
    "jaringan",
    "radikal",
    "deradikalisasi",
    "intelijen",
    "informasi",
    "pertukaran",
    "latihan",
    "bersama",
    "perbatasan",
    "ekstremisme",
    "kekerasan",
    "pendanaan",
    "sidang",
    "terdakwa",
    "hakim",
    "vonis",
    "penjara",
    "narapidana",
    "program",
    "pencegahan",
    "kawasan",
    "regional",
    "nota",
    "kesepahaman",
    "menandatangani",
    "kunjungan",
    "kerjasama",
    "yang",
    "dan",
    "di",
    "dengan",
    "untuk",
    "dalam",
    "pada",
    "itu",
    "ini",
    "dari",
    "oleh",
];

const SOURCES: &[&str] = &["ANTARA", "Kompas", "jpnn.com", "Tempo", "Detik"];

/// A long-tailed vocabulary: common words plus generated rare ones (Zipf-like draw).
struct Vocab {
    words: Vec<String>,
}

impl Vocab {
    fn new(rng: &mut ChaCha8Rng) -> Self {
        let syllables = [
            "ka", "ri", "ta", "mu", "ng", "se", "la", "po", "di", "ban", "per", "kan", "an", "me",
            "ber", "tu", "si", "ja", "wa", "ro",
        ];
        let mut words: Vec<String> = COMMON.iter().map(|s| s.to_string()).collect();
        for _ in 0..30_000 {
            let n = rng.random_range(2..5);
            let w: String = (0..n)
                .map(|_| syllables[rng.random_range(0..syllables.len())])
                .collect();
            words.push(w);
        }
        Vocab { words }
    }

    fn word(&self, rng: &mut ChaCha8Rng) -> &str {
        // Roughly Zipfian: the index is the square of a uniform draw, skewed to the front.
        let u: f64 = rng.random();
        let i = ((u * u * u) * self.words.len() as f64) as usize;
        &self.words[i.min(self.words.len() - 1)]
    }
}

fn build_engine(n_docs: usize) -> Engine {
    let mut rng = ChaCha8Rng::seed_from_u64(42);
    let vocab = Vocab::new(&mut rng);
    let (schema, f) = telusur::index::schema();
    let index = Index::create_in_ram(schema);
    telusur::analysis::register(&index);
    let mut writer = index
        .writer_with_num_threads::<TantivyDocument>(2, 400_000_000)
        .expect("writer");
    let countries = gazetteer::countries();
    let orgs = gazetteer::orgs();
    let mut text = String::new();
    for i in 0..n_docs {
        let mut d = doc!(f.id => format!("{i:016x}"));
        text.clear();
        for _ in 0..rng.random_range(5..11) {
            text.push_str(vocab.word(&mut rng));
            text.push(' ');
        }
        d.add_text(f.title, &text);
        text.clear();
        let words = rng.random_range(150..600);
        for w in 0..words {
            text.push_str(vocab.word(&mut rng));
            text.push(if w % 15 == 14 { '.' } else { ' ' });
            if w % 15 == 14 {
                text.push(' ');
            }
        }
        d.add_text(f.body, &text);
        d.add_facet(
            f.source,
            Facet::from_path([SOURCES[rng.random_range(0..SOURCES.len())]]),
        );
        let year = rng.random_range(2010..2026);
        let day = rng.random_range(0..365i64);
        let secs = (i64::from(year) - 1970) * 31_556_952 + day * 86_400;
        d.add_date(f.published, DateTime::from_timestamp_secs(secs));
        d.add_i64(f.year_num, i64::from(year));
        d.add_facet(f.year, Facet::from_path([year.to_string()]));
        for _ in 0..rng.random_range(0..3) {
            let c = &countries[rng.random_range(0..countries.len())];
            d.add_facet(f.country, Facet::from(gazetteer::facet_path(c).as_str()));
        }
        if rng.random_bool(0.3) {
            let o = &orgs[rng.random_range(0..orgs.len())];
            d.add_facet(f.org, Facet::from_path([o.code]));
        }
        writer.add_document(d).expect("add");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merge");
    Engine::from_index(index).expect("engine")
}

/// The query mix: (name, query text).
const QUERIES: &[(&str, &str)] = &[
    ("common", "terorisme"),
    ("rare", "kabanper"),
    ("and2", "kerja sama"),
    ("and3", "densus menangkap terduga"),
    ("or", "bom OR peledak"),
    ("phrase", "\"kerja sama\""),
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
