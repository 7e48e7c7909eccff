//! Extraction speed at a glance: MB/s of dense generated articles on one core (as pages, and as
//! JSON Lines records giving title, date, year and partners), and the time of one 4 MB body
//! on a single line.
//!
//! ```sh
//! cargo run --release --example extract_speed [-- --docs 2000]
//! ```
//!
//! `cargo bench --bench extract` measures the same with criterion.

use std::hint::black_box;
use std::time::Instant;

use telusur::extract::{extract, extract_with, partners};
use telusur::generate::{GenerateOptions, Generator};
use telusur::Metadata;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut docs = 2000;
    let mut line_only = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--docs" => docs = args.next().and_then(|v| v.parse().ok()).unwrap_or(docs),
            "--line-only" => line_only = true,
            _ => {
                eprintln!("usage: extract_speed [--docs N=2000] [--line-only]");
                std::process::exit(2);
            }
        }
    }
    let opts = GenerateOptions {
        docs,
        seed: 1,
        dense: true,
    };
    let articles: Vec<_> = Generator::with_options(&opts).take(docs).collect();
    let bytes: usize = articles
        .iter()
        .map(|a| a.body.len() + a.meta.title.as_ref().map_or(0, String::len))
        .sum();
    let mb = bytes as f64 / 1e6;
    let pages: Vec<String> = articles
        .iter()
        .map(|a| format!("{}\n\n{}", a.meta.title.as_deref().unwrap_or(""), a.body))
        .collect();
    // Warm the lazily built tables.
    black_box(extract(&pages[0], None));
    if !line_only {
        speeds(&articles, &pages, mb);
    }
    one_line(&articles);
}

/// CPU time of this thread so far, in seconds (Linux; wall-clock figures on a shared machine
/// would measure the neighbours too), or `None` elsewhere.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Runs `f`, returns (wall seconds, CPU seconds).
fn timed(f: impl FnOnce()) -> (f64, f64) {
    let (t, c) = (Instant::now(), cpu_secs());
    f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = c.zip(cpu_secs()).map_or(wall, |(a, b)| b - a);
    (wall, cpu)
}

fn speeds(articles: &[telusur::Article], pages: &[String], mb: f64) {
    let docs = articles.len();
    let page = timed(|| {
        for p in pages {
            black_box(extract(p, None));
        }
    });
    let given = timed(|| {
        for a in articles {
            let known = Metadata {
                title: a.meta.title.clone(),
                published: a.meta.published,
                year: a.meta.year,
                partners: a.meta.partners.clone(),
                ..Metadata::default()
            };
            black_box(extract_with(&a.body, a.url.as_deref(), &known));
        }
    });
    let detect = timed(|| {
        for a in articles {
            black_box(partners::detect(a.meta.title.as_deref(), &a.body));
        }
    });
    println!(
        "{docs} dense articles, {mb:.1} MB of text, one core (MB/s of CPU time; of wall time)"
    );
    for (label, (wall, cpu)) in [
        ("extract (pages)           ", page),
        ("extract_with (JSONL given)", given),
        ("partners::detect          ", detect),
    ] {
        println!(
            "  {label}  {:7.1} MB/s  ({:.1} MB/s wall)",
            mb / cpu,
            mb / wall
        );
    }
}

fn one_line(articles: &[telusur::Article]) {
    let mut line = String::with_capacity(4 << 20);
    'fill: loop {
        for a in articles {
            for w in a.body.split_whitespace() {
                line.push_str(w);
                line.push(' ');
            }
            if line.len() >= 4 << 20 {
                break 'fill;
            }
        }
    }
    let mut ex = None;
    let (wall, cpu) = timed(|| ex = Some(extract(&line, None)));
    let (dwall, dcpu) = timed(|| {
        black_box(partners::detect(None, &line));
    });
    println!(
        "  one line of {:.1} MB: extract {cpu:.3} s CPU ({wall:.3} s wall, {} partners), partners::detect {dcpu:.3} s CPU ({dwall:.3} s wall)",
        line.len() as f64 / 1e6,
        ex.map_or(0, |e| e.meta.partners.len()),
    );
}
