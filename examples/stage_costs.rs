//! Where indexing time goes, stage by stage, on one core: reads the first records of a JSON
//! Lines corpus into memory, then times, over all of them, cleaning and extraction (as
//! `telusur index` does for a record giving its metadata), the Indonesian analyzer over title
//! and body, and tantivy's default analyzer over the same text (the plain baseline's share).
//! The best of `--rounds` passes is printed, so that a busy machine disturbs it less than an
//! end-to-end run.
//!
//! ```sh
//! cargo run --release --example stage_costs -- /tmp/dense_20k.jsonl [--docs 5000] [--rounds 3] [--cache WORDS]
//! ```

use std::hint::black_box;
use std::time::Instant;

use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};
use telusur::analysis::AnalyzerBuilder;
use telusur::extract::extract_with;
use telusur::Metadata;

struct Record {
    title: String,
    body: String,
    known: Metadata,
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut docs, mut rounds, mut cache) = (None, 5000usize, 3usize, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--docs" => docs = args.next().and_then(|v| v.parse().ok()).unwrap_or(docs),
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(rounds),
            "--cache" => cache = args.next().and_then(|v| v.parse().ok()),
            p => path = Some(p.to_string()),
        }
    }
    let Some(path) = path else {
        anyhow::bail!("usage: stage_costs FILE.jsonl [--docs N=5000] [--rounds N=3] [--cache WORDS (stem memo)]");
    };
    let text = std::fs::read_to_string(&path)?;
    let records: Vec<Record> = text
        .lines()
        .take(docs)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            let list = |k: &str| -> Vec<String> {
                v.get(k)
                    .and_then(|x| x.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Record {
                title: s("title").unwrap_or_default(),
                body: s("body").unwrap_or_default(),
                known: Metadata {
                    title: s("title"),
                    source: s("source"),
                    year: v
                        .get("year")
                        .and_then(|y| y.as_i64())
                        .and_then(|y| i32::try_from(y).ok()),
                    partners: list("countries"),
                    ..Metadata::default()
                },
            }
        })
        .collect();
    let bytes: usize = records.iter().map(|r| r.title.len() + r.body.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} records, {mb:.1} MB of text, best of {rounds}",
        records.len()
    );

    let best = |f: &mut dyn FnMut()| {
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let report = |name: &str, secs: f64| {
        println!(
            "  {name:<38} {:>7.0} ms  {:>6.1} MB/s",
            secs * 1e3,
            mb / secs
        );
    };

    let extract = best(&mut || {
        for r in &records {
            black_box(extract_with(&r.body, None, &r.known));
        }
    });
    report("clean + extract (record metadata)", extract);

    let tokens = |analyzer: &mut TextAnalyzer| {
        let mut n = 0usize;
        for r in &records {
            for t in [&r.title, &r.title, &r.body] {
                let mut s = analyzer.token_stream(t);
                while s.advance() {
                    n += s.token().text.len();
                }
            }
        }
        black_box(n);
    };
    // A fresh analyzer each round (as each segment of a run gets one): its memos start empty.
    let builder = match cache {
        Some(n) => AnalyzerBuilder::new().stem_cache_capacity(n),
        None => AnalyzerBuilder::new(),
    };
    let analysis = best(&mut || {
        if let Ok(mut ours) = builder.build() {
            tokens(&mut ours);
        }
    });
    report("Indonesian analyzer (title x2 + body)", analysis);
    let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build();
    let default = best(&mut || {
        for r in &records {
            for t in [&r.title, &r.body] {
                let mut s = plain.token_stream(t);
                while s.advance() {
                    black_box(&s.token().text);
                }
            }
        }
    });
    report("tantivy default analyzer (title + body)", default);
    Ok(())
}
