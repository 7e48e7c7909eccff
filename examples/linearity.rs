//! Checks that extraction and analysis stay linear in their input (issue 13): each is timed
//! on an input and on the same input doubled, and the time may grow at most 2.5× (linear
//! is 2×; a quadratic step shows as 4×). Prints the figures; exits 1 when a ratio is over.
//!
//! ```sh
//! cargo run --release --example linearity            # the default sizes
//! cargo run --release --example linearity -- 4       # inputs 4× larger
//! ```
//!
//! Three shapes: one long article (a quadratic scan within one text shows here), a corpus of
//! many articles (extraction article by article), and one long line without any line break
//! (line-oriented cleaning). It calls only the public `extract` and `analysis` APIs. Each
//! figure is the best of several runs, which keeps a busy machine from failing it.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tantivy::tokenizer::TokenStream;

/// Largest allowed time ratio for a doubled input.
const MAX_RATIO: f64 = 2.5;

/// Best wall time of `runs` runs of `f`.
fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// A news-like text of about `bytes` bytes: generated articles, joined.
fn news(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 4096);
    let mut generator = telusur::generate::Generator::new(1);
    while text.len() < bytes {
        let a = generator.next_article();
        if let Some(t) = &a.meta.title {
            text.push_str(t);
            text.push_str("\n\n");
        }
        text.push_str(&a.body);
        text.push_str("\n\n");
    }
    text
}

fn articles(n: usize) -> Vec<String> {
    let mut generator = telusur::generate::Generator::new(2);
    std::iter::repeat_with(|| generator.next_article())
        .take(n)
        .map(|a| format!("{}\n\n{}", a.meta.title.unwrap_or_default(), a.body))
        .collect()
}

fn analyse(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += 1;
    }
    n
}

fn main() -> ExitCode {
    let scale: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let base = 256 * 1024 * scale;
    let mut analyzer = telusur::analysis::analyzer();
    let mut failed = false;
    let mut report = |name: &str, size: String, one: Duration, two: Duration| {
        let ratio = two.as_secs_f64() / one.as_secs_f64().max(1e-9);
        let verdict = if ratio <= MAX_RATIO { "ok" } else { "OVER" };
        failed |= ratio > MAX_RATIO;
        println!(
            "{name:<34} {size:>18}  {:>9.2} ms  {:>9.2} ms  {ratio:>5.2}x  {verdict}",
            one.as_secs_f64() * 1e3,
            two.as_secs_f64() * 1e3
        );
    };
    println!(
        "{:<34} {:>18}  {:>12}  {:>12}  {:>6}",
        "what", "input (1x)", "1x", "2x", "ratio"
    );

    // One long article.
    let (one, two) = (news(base), news(2 * base));
    report(
        "extract: one long article",
        format!("{} KB", one.len() / 1024),
        best(5, || drop(black_box(telusur::extract::extract(&one, None)))),
        best(5, || drop(black_box(telusur::extract::extract(&two, None)))),
    );
    report(
        "analyze: one long text",
        format!("{} KB", one.len() / 1024),
        best(5, || {
            black_box(analyse(&mut analyzer, &one));
        }),
        best(5, || {
            black_box(analyse(&mut analyzer, &two));
        }),
    );

    // A corpus, article by article.
    let n = 200 * scale;
    let (few, many) = (articles(n), articles(2 * n));
    report(
        "extract: corpus of articles",
        format!("{n} articles"),
        best(5, || {
            for a in &few {
                black_box(telusur::extract::extract(a, None));
            }
        }),
        best(5, || {
            for a in &many {
                black_box(telusur::extract::extract(a, None));
            }
        }),
    );

    // One line without a break.
    let flat = |s: &str| s.replace('\n', " ");
    let (one, two) = (flat(&news(base / 4)), flat(&news(base / 2)));
    report(
        "extract: one line, no line break",
        format!("{} KB", one.len() / 1024),
        best(5, || drop(black_box(telusur::extract::extract(&one, None)))),
        best(5, || drop(black_box(telusur::extract::extract(&two, None)))),
    );
    report(
        "analyze: one line, no line break",
        format!("{} KB", one.len() / 1024),
        best(5, || {
            black_box(analyse(&mut analyzer, &one));
        }),
        best(5, || {
            black_box(analyse(&mut analyzer, &two));
        }),
    );

    if failed {
        eprintln!("linearity: a doubled input took more than {MAX_RATIO}x the time");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
