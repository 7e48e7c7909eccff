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
//! figure is the best of several interleaved runs, in CPU time of the thread where the
//! system tells it (Linux), which keeps a busy machine from failing it.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tantivy::tokenizer::TokenStream;

/// Largest allowed time ratio for a doubled input.
const MAX_RATIO: f64 = 2.5;
/// Runs of each measurement (the best counts).
const RUNS: usize = 5;

/// CPU time of this thread (Linux: `/proc/thread-self/schedstat`, which a busy machine does
/// not inflate the way it does wall time); wall time elsewhere.
fn clock() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_else(|| START.get_or_init(Instant::now).elapsed())
}

/// Best times of `runs` runs of `f(false)` (the input) and `f(true)` (the doubled input),
/// interleaved so that a change of load hits both alike.
/// Each measurement repeats `f` until it took at least 50 ms (the CPU clock is updated at
/// scheduler ticks), and reports the time of one call.
fn best(runs: usize, mut f: impl FnMut(bool)) -> (Duration, Duration) {
    let started = Instant::now();
    f(false);
    let once = started.elapsed().max(Duration::from_micros(10));
    let reps = (Duration::from_millis(50).as_secs_f64() / once.as_secs_f64()).ceil() as u32;
    let reps = reps.clamp(1, 10_000);
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        let t = clock();
        (0..reps).for_each(|_| f(false));
        a = a.min(clock().saturating_sub(t) / reps);
        let t = clock();
        (0..reps).for_each(|_| f(true));
        b = b.min(clock().saturating_sub(t) / reps);
    }
    (a, b)
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
    let mut report = |name: &str, size: String, (one, two): (Duration, Duration)| {
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
    let pick = |double: bool| if double { &two } else { &one };
    report(
        "extract: one long article",
        format!("{} KB", one.len() / 1024),
        best(RUNS, |d| {
            drop(black_box(telusur::extract::extract(pick(d), None)))
        }),
    );
    report(
        "analyze: one long text",
        format!("{} KB", one.len() / 1024),
        best(RUNS, |d| {
            black_box(analyse(&mut analyzer, pick(d)));
        }),
    );

    // A corpus, article by article: the same articles twice is exactly double the work.
    let n = 200 * scale;
    let few = articles(n);
    let many: Vec<String> = few.iter().chain(&few).cloned().collect();
    report(
        "extract: corpus of articles",
        format!("{n} articles"),
        best(RUNS, |d| {
            for a in if d { &many } else { &few } {
                black_box(telusur::extract::extract(a, None));
            }
        }),
    );

    // One line without a break.
    let flat = |s: &str| s.replace('\n', " ");
    let (one, two) = (flat(&news(base / 4)), flat(&news(base / 2)));
    let pick = |double: bool| if double { &two } else { &one };
    report(
        "extract: one line, no line break",
        format!("{} KB", one.len() / 1024),
        best(RUNS, |d| {
            drop(black_box(telusur::extract::extract(pick(d), None)))
        }),
    );
    report(
        "analyze: one line, no line break",
        format!("{} KB", one.len() / 1024),
        best(RUNS, |d| {
            black_box(analyse(&mut analyzer, pick(d)));
        }),
    );

    if failed {
        eprintln!("linearity: a doubled input took more than {MAX_RATIO}x the time");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
