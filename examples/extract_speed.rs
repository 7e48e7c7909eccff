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
    while let Some(a) = args.next() {
        match a.as_str() {
            "--docs" => docs = args.next().and_then(|v| v.parse().ok()).unwrap_or(docs),
            _ => {
                eprintln!("usage: extract_speed [--docs N=2000]");
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

    let t = Instant::now();
    for p in &pages {
        black_box(extract(p, None));
    }
    let page_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    for a in &articles {
        let known = Metadata {
            title: a.meta.title.clone(),
            published: a.meta.published,
            year: a.meta.year,
            partners: a.meta.partners.clone(),
            ..Metadata::default()
        };
        black_box(extract_with(&a.body, a.url.as_deref(), &known));
    }
    let given_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    for a in &articles {
        black_box(partners::detect(a.meta.title.as_deref(), &a.body));
    }
    let detect_s = t.elapsed().as_secs_f64();

    println!("{docs} dense articles, {mb:.1} MB of text, one core");
    println!("  extract (pages)              {:7.1} MB/s", mb / page_s);
    println!("  extract_with (JSONL given)   {:7.1} MB/s", mb / given_s);
    println!("  partners::detect             {:7.1} MB/s", mb / detect_s);

    let mut line = String::with_capacity(4 << 20);
    'fill: loop {
        for a in &articles {
            for w in a.body.split_whitespace() {
                line.push_str(w);
                line.push(' ');
            }
            if line.len() >= 4 << 20 {
                break 'fill;
            }
        }
    }
    let t = Instant::now();
    let ex = black_box(extract(&line, None));
    let one = t.elapsed().as_secs_f64();
    let t = Instant::now();
    black_box(partners::detect(None, &line));
    let one_detect = t.elapsed().as_secs_f64();
    println!(
        "  one line of {:.1} MB: extract {:.3} s ({} partners), partners::detect {:.3} s",
        line.len() as f64 / 1e6,
        one,
        ex.meta.partners.len(),
        one_detect
    );
}
