//! End-to-end benchmark: generate a corpus, index it through the real pipeline (files →
//! ingest → extraction → analysis → index), run a fixed query mix, print the figures.
//!
//! ```sh
//! cargo run --release --example bench_e2e -- --docs 100000
//! cargo run --release --example bench_e2e -- --docs 1000000 --no-baseline
//! cargo run --release --example bench_e2e -- --dir DIR --reuse --per-query   # one line a request
//! cargo run --release --example bench_e2e -- --corpus /tmp/dense_100k.jsonl --dir DIR --no-queries
//! ```
//!
//! Two baselines: plain tantivy (default analyzer, title and body of each JSON Lines record,
//! no extraction: what an engine without extraction does, the floor of issue 12) and the same
//! pipeline as telusur with the default analyzer in place of ours (extraction included:
//! it isolates the analyzer's cost); `--plain-baseline-only` skips the second.
//!
//! `--corpus FILE` indexes a given JSON Lines file (or folder) instead of generating one, e.g.
//! the dense corpus of `../shared/tools/dense_corpus.py`; `--dense` generates articles of that
//! density with [`telusur::generate`] instead of the default sample-like ones.
//!
//! Prints: indexing docs/s and MB/s of text, index size and its ratio to the text, peak RSS
//! of the indexing phase (and the sampled peaks of its anonymous and file-mapped parts), query latency p50/p95/p99 (with and without facets and snippets),
//! and, in the same run, the same corpus indexed with tantivy's default analyzer
//! (SimpleTokenizer + LowerCaser) as the baseline.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};
use telusur::generate::{self, GenerateOptions};
use telusur::Engine;
use telusur::IndexOptions;
use telusur::{SearchRequest, Sort};

/// Articles per JSON Lines shard of the generated corpus.
const SHARD_DOCS: usize = 10_000;

struct Args {
    docs: usize,
    seed: u64,
    dir: Option<PathBuf>,
    baseline: bool,
    rounds: usize,
    memory_mb: usize,
    reuse: bool,
    per_query: bool,
    corpus: Option<PathBuf>,
    dense: bool,
    pipeline_baseline: bool,
    queries: bool,
}

fn parse_args() -> Args {
    let mut a = Args {
        docs: 100_000,
        seed: 7,
        dir: None,
        baseline: true,
        rounds: 20,
        memory_mb: 512,
        reuse: false,
        per_query: false,
        corpus: None,
        dense: false,
        pipeline_baseline: true,
        queries: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--docs" => a.docs = value().parse().unwrap_or_else(|_| usage("--docs N")),
            "--seed" => a.seed = value().parse().unwrap_or_else(|_| usage("--seed S")),
            "--dir" => a.dir = Some(PathBuf::from(value())),
            "--rounds" => a.rounds = value().parse().unwrap_or_else(|_| usage("--rounds N")),
            "--memory" => a.memory_mb = value().parse().unwrap_or_else(|_| usage("--memory MB")),
            "--no-baseline" => a.baseline = false,
            "--reuse" => a.reuse = true,
            "--per-query" => a.per_query = true,
            "--corpus" => a.corpus = Some(PathBuf::from(value())),
            "--dense" => a.dense = true,
            "--plain-baseline-only" => a.pipeline_baseline = false,
            "--no-queries" => a.queries = false,
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    a
}

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("bench_e2e: {msg}");
    }
    eprintln!(
        "usage: bench_e2e [--docs N=100000] [--seed S=7] [--dir DIR] [--rounds N=20] [--memory MB=512] [--no-baseline] [--reuse (query DIR/index-id only)] [--corpus FILE.jsonl (index it instead of generating)] [--dense] [--no-queries] [--plain-baseline-only]"
    );
    std::process::exit(2)
}

/// Peak resident set size since the last reset, in MiB (Linux; 0 elsewhere).
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The peaks of the process's resident memory by kind while a phase runs, sampled every 50 ms
/// from `/proc/self/status` (Linux; zeros elsewhere): `RssAnon` is the program's own memory
/// (heap, stacks, the indexing buffers), `RssFile` the index files mapped during merges and
/// searches, which the kernel drops under pressure.
struct MemSampler {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    handle: std::thread::JoinHandle<(f64, f64)>,
}

impl MemSampler {
    fn start() -> MemSampler {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = std::sync::Arc::clone(&stop);
        let handle = std::thread::spawn(move || {
            let (mut anon, mut file) = (0.0f64, 0.0f64);
            loop {
                let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
                let kb = |key: &str| {
                    status
                        .lines()
                        .find_map(|l| l.strip_prefix(key))
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
                        .unwrap_or(0.0)
                };
                anon = anon.max(kb("RssAnon:") / 1024.0);
                file = file.max(kb("RssFile:") / 1024.0);
                if flag.load(std::sync::atomic::Ordering::Relaxed) {
                    return (anon, file);
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        });
        MemSampler { stop, handle }
    }

    /// Stops sampling: the peaks of (anonymous, file-backed) resident memory, in MiB.
    fn finish(self) -> (f64, f64) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.handle.join().unwrap_or((0.0, 0.0))
    }
}

/// Resets the peak RSS counter so that each phase is measured on its own (Linux).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| {
                    let m = e.metadata().ok();
                    match m {
                        Some(m) if m.is_dir() => dir_size(&e.path()),
                        Some(m) => m.len(),
                        None => 0,
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// CPU time of the whole process so far (user + system, every thread), in seconds (Linux; 0
/// elsewhere): on a shared machine wall time measures the neighbours too.
fn process_cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; the kernel
    // counts them in clock ticks of 1/100 s on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

struct IndexFigures {
    cpu: f64,
    secs: f64,
    docs: u64,
    bytes: u64,
    peak_mib: f64,
    /// Peak anonymous (the program's own) and file-backed (mapped index files) resident MiB.
    peak_anon_file: (f64, f64),
}

fn index_corpus(
    dir: &Path,
    corpus: &Path,
    memory_mb: usize,
    analyzer: Option<TextAnalyzer>,
) -> anyhow::Result<(Engine, IndexFigures)> {
    let _ = std::fs::remove_dir_all(dir);
    let engine = Engine::create(dir)?;
    if let Some(a) = analyzer {
        engine.set_analyzer(a);
    }
    let opts = IndexOptions {
        memory_mb,
        ..IndexOptions::default()
    };
    reset_peak_rss();
    let sampler = MemSampler::start();
    let (t, cpu) = (Instant::now(), process_cpu_secs());
    let report = engine.index_paths(&[corpus.to_path_buf()], &opts, |_| {})?;
    let secs = t.elapsed().as_secs_f64();
    let cpu = process_cpu_secs() - cpu;
    let peak_mib = peak_rss_mib();
    let peak_anon_file = sampler.finish();
    if !report.skipped.is_empty() {
        eprintln!("  ({} inputs skipped)", report.skipped.total());
        for r in report.skipped_by_reason() {
            eprintln!("    {} x {}", r.count, r.reason);
        }
    }
    let figures = IndexFigures {
        cpu,
        secs,
        docs: report.documents,
        bytes: dir_size(dir),
        peak_mib,
        peak_anon_file,
    };
    Ok((engine, figures))
}

/// The floor's baseline: tantivy alone, as an engine without extraction would index the
/// corpus: each JSON Lines record's `id` (string), `title` and `body` (text, default analyzer,
/// stored) through one `IndexWriter` with the same memory budget, read in one thread.
fn index_plain(dir: &Path, corpus: &Path, memory_mb: usize) -> anyhow::Result<IndexFigures> {
    use std::io::BufRead;
    use tantivy::schema::{Schema, STORED, STRING, TEXT};
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let mut sb = Schema::builder();
    let id = sb.add_text_field("id", STRING | STORED);
    let title = sb.add_text_field("title", TEXT | STORED);
    let body = sb.add_text_field("body", TEXT | STORED);
    let index = tantivy::Index::create_in_dir(dir, sb.build())?;
    let files: Vec<PathBuf> = if corpus.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(corpus)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson"))
            .collect();
        v.sort();
        v
    } else {
        vec![corpus.to_path_buf()]
    };
    #[derive(serde::Deserialize)]
    struct Rec {
        #[serde(default)]
        id: String,
        #[serde(default)]
        title: String,
        #[serde(default)]
        body: String,
    }
    reset_peak_rss();
    let sampler = MemSampler::start();
    let (t, cpu) = (Instant::now(), process_cpu_secs());
    let mut writer: tantivy::IndexWriter = index.writer(memory_mb * 1_000_000)?;
    let mut docs = 0u64;
    for f in files {
        let reader = std::io::BufReader::new(std::fs::File::open(&f)?);
        for line in reader.lines() {
            let line = line?;
            let Ok(r) = serde_json::from_str::<Rec>(&line) else {
                continue;
            };
            writer.add_document(tantivy::doc!(id => r.id, title => r.title, body => r.body))?;
            docs += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let secs = t.elapsed().as_secs_f64();
    Ok(IndexFigures {
        cpu: process_cpu_secs() - cpu,
        secs,
        docs,
        bytes: dir_size(dir),
        peak_mib: peak_rss_mib(),
        peak_anon_file: sampler.finish(),
    })
}

/// The fixed query mix: single common and rare terms, 2-3 term AND/OR, phrases.
const QUERIES: &[&str] = &[
    "terorisme",
    "kerja sama",
    "penanggulangan",
    "deradikalisasi",
    "pendanaan",
    "ekstradisi",
    "densus penangkapan",
    "bnpt pertemuan bilateral",
    "pelatihan OR lokakarya",
    "deportasi OR pemulangan",
    "\"nota kesepahaman\"",
    "\"joint working group\"",
    "\"kerja sama\" intelijen",
    "siber propaganda -penangkapan",
];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// The request mix: every query alone and with a country, a year range, and both; one browse.
fn requests() -> Vec<SearchRequest> {
    let mut requests = Vec::new();
    for q in QUERIES {
        requests.push(SearchRequest::new(*q));
        requests.push(SearchRequest::new(*q).country("Filipina"));
        requests.push(SearchRequest::new(*q).year_range(2018, 2022));
        requests.push(SearchRequest::new(*q).country("Australia").year(2021));
    }
    requests.push(
        SearchRequest::new("")
            .country("Tiongkok")
            .sort(Sort::Newest),
    );
    requests.into_iter().map(|r| r.limit(10)).collect()
}

/// Times `rounds` runs of `req` after one warm-up run; returns the sorted times.
fn time_request(
    engine: &Engine,
    req: &SearchRequest,
    rounds: usize,
) -> anyhow::Result<Vec<Duration>> {
    engine.search(req)?;
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        std::hint::black_box(engine.search(req)?);
        times.push(t.elapsed());
    }
    times.sort();
    Ok(times)
}

/// The four settings of the mix: (facets, snippets).
const SETTINGS: [(bool, bool); 4] = [(false, false), (true, false), (false, true), (true, true)];

/// Times `rounds` rounds of the mix in each of the [`SETTINGS`]; returns the sorted times of
/// each setting. The settings take turns round by round, so that a slow spell of the machine
/// (on a shared virtual machine they last seconds) falls on all of them alike instead of on
/// whichever setting was being measured.
fn run_queries(engine: &Engine, rounds: usize) -> anyhow::Result<[Vec<Duration>; 4]> {
    let base = requests();
    let mixes: Vec<Vec<SearchRequest>> = SETTINGS
        .iter()
        .map(|&(facets, snippets)| {
            base.iter()
                .map(|r| r.clone().facets(facets).snippets(snippets))
                .collect()
        })
        .collect();
    // Warm-up round: page cache, searcher, facet tables.
    for r in mixes.iter().flatten() {
        engine.search(r)?;
    }
    let mut times: [Vec<Duration>; 4] = Default::default();
    for _ in 0..rounds {
        for (mix, times) in mixes.iter().zip(&mut times) {
            for r in mix {
                let t = Instant::now();
                let res = engine.search(r)?;
                times.push(t.elapsed());
                std::hint::black_box(res);
            }
        }
    }
    for t in &mut times {
        t.sort();
    }
    Ok(times)
}

/// One line per request of the mix: its total and median time in each setting.
fn print_per_query(engine: &Engine, rounds: usize) -> anyhow::Result<()> {
    println!(
        "{:>8} {:>8} {:>8} {:>8} {:>8}  request",
        "total", "plain", "facets", "snippets", "both"
    );
    for req in requests() {
        let total = engine.search(&req)?.total;
        let mut medians = Vec::new();
        for (facets, snippets) in SETTINGS {
            let r = req.clone().facets(facets).snippets(snippets);
            medians.push(percentile(&time_request(engine, &r, rounds)?, 0.5));
        }
        println!(
            "{total:>8} {:>8.3} {:>8.3} {:>8.3} {:>8.3}  {:?} countries={:?} years={:?}-{:?}",
            medians[0],
            medians[1],
            medians[2],
            medians[3],
            req.query,
            req.countries,
            req.year.or(req.year_from),
            req.year.or(req.year_to)
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    // As the `telusur` binary does (src/main.rs): two malloc arenas unless MALLOC_ARENA_MAX
    // says otherwise, so that the memory figures are the program's.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: `mallopt` only sets a parameter of the allocator, and no other thread
        // exists yet.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
    let args = parse_args();
    let tmp;
    let root = match &args.dir {
        Some(d) => d.clone(),
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    std::fs::create_dir_all(&root)?;
    if args.reuse {
        let engine = Engine::open(root.join("index-id"))?;
        println!(
            "queries on the existing index {} ({} documents)",
            root.join("index-id").display(),
            engine.num_docs()
        );
        if args.per_query {
            return print_per_query(&engine, args.rounds);
        }
        return print_queries(&engine, args.rounds);
    }
    let (corpus, text_bytes, gen_secs) = match &args.corpus {
        Some(given) => {
            let bytes = jsonl_text_bytes(given)?;
            (given.clone(), bytes, None)
        }
        None => {
            let (corpus, bytes, secs) = generate_corpus(&root, &args)?;
            (corpus, bytes, Some(secs))
        }
    };
    let text_mb = text_bytes as f64 / 1e6;
    eprintln!("indexing with the Indonesian analyzer...");
    let (engine, fig) = index_corpus(&root.join("index-id"), &corpus, args.memory_mb, None)?;
    let plain = if args.baseline {
        eprintln!("indexing with plain tantivy (default analyzer, no extraction)...");
        Some(index_plain(
            &root.join("index-plain"),
            &corpus,
            args.memory_mb,
        )?)
    } else {
        None
    };
    let base = if args.baseline && args.pipeline_baseline {
        eprintln!("indexing with tantivy's default analyzer (baseline)...");
        let default = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        let (_e, b) = index_corpus(
            &root.join("index-default"),
            &corpus,
            args.memory_mb,
            Some(default),
        )?;
        Some(b)
    } else {
        None
    };

    let machine = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    println!("telusur end-to-end benchmark");
    println!(
        "  machine            {} x {machine}",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    match (&args.corpus, gen_secs) {
        (Some(c), _) => println!(
            "  corpus             {} ({} articles indexed, {text_mb:.1} MB of text)",
            c.display(),
            fig.docs
        ),
        (None, secs) => {
            println!(
                "  corpus             {} {}articles, {text_mb:.1} MB of text (seed {})",
                args.docs,
                if args.dense { "dense " } else { "" },
                args.seed
            );
            if let Some(secs) = secs {
                println!(
                    "  generate           {:.0} articles/s",
                    args.docs as f64 / secs
                );
            }
        }
    }
    println!("indexing (Indonesian analyzer)");
    println!("  documents          {}", fig.docs);
    println!("  time               {:.1} s", fig.secs);
    println!(
        "  CPU time           {:.1} s ({:.2} cores busy)",
        fig.cpu,
        fig.cpu / fig.secs
    );
    println!(
        "  throughput         {:.0} docs/s, {:.2} MB/s of text",
        fig.docs as f64 / fig.secs,
        text_mb / fig.secs
    );
    println!(
        "  index size         {:.1} MB ({:.2}x the text)",
        fig.bytes as f64 / 1e6,
        fig.bytes as f64 / text_bytes as f64
    );
    println!(
        "  peak RSS           {:.0} MiB (sampled peaks: {:.0} MiB anonymous, {:.0} MiB mapped files)",
        fig.peak_mib, fig.peak_anon_file.0, fig.peak_anon_file.1
    );
    if let Some(b) = &base {
        println!("baseline (tantivy default analyzer, same pipeline)");
        println!("  time               {:.1} s", b.secs);
        println!(
            "  CPU time           {:.1} s ({:.2} cores busy)",
            b.cpu,
            b.cpu / b.secs
        );
        println!(
            "  throughput         {:.0} docs/s, {:.2} MB/s of text",
            b.docs as f64 / b.secs,
            text_mb / b.secs
        );
        println!(
            "  index size         {:.1} MB ({:.2}x the text)",
            b.bytes as f64 / 1e6,
            b.bytes as f64 / text_bytes as f64
        );
        println!(
        "  peak RSS           {:.0} MiB (sampled peaks: {:.0} MiB anonymous, {:.0} MiB mapped files)",
        b.peak_mib, b.peak_anon_file.0, b.peak_anon_file.1
    );
        println!(
            "  ratio telusur/base {:.2}x indexing throughput",
            b.secs / fig.secs
        );
    }
    if let Some(p) = &plain {
        println!("plain tantivy (default analyzer, JSON Lines title + body, no extraction)");
        println!("  time               {:.1} s", p.secs);
        println!(
            "  CPU time           {:.1} s ({:.2} cores busy)",
            p.cpu,
            p.cpu / p.secs
        );
        println!(
            "  throughput         {:.0} docs/s, {:.2} MB/s of text",
            p.docs as f64 / p.secs,
            text_mb / p.secs
        );
        println!(
            "  index size         {:.1} MB ({:.2}x the text)",
            p.bytes as f64 / 1e6,
            p.bytes as f64 / text_bytes as f64
        );
        println!(
        "  peak RSS           {:.0} MiB (sampled peaks: {:.0} MiB anonymous, {:.0} MiB mapped files)",
        p.peak_mib, p.peak_anon_file.0, p.peak_anon_file.1
    );
        println!(
            "  ratio telusur/plain {:.2}x indexing throughput ({:.2}x by CPU time)",
            p.secs / fig.secs,
            p.cpu / fig.cpu
        );
    }
    if !args.queries {
        return Ok(());
    }
    eprintln!("querying...");
    print_queries(&engine, args.rounds)
}

/// Writes the generated corpus as JSON Lines shards of 10,000 articles (as a real archive would
/// be split by month or source: the indexer then streams them file by file); returns its
/// folder, its text size (title and body of every article, what is analysed, not the JSON
/// framing) and the generation time.
fn generate_corpus(root: &Path, args: &Args) -> anyhow::Result<(PathBuf, u64, f64)> {
    let corpus = root.join("corpus");
    let _ = std::fs::remove_dir_all(&corpus);
    std::fs::create_dir_all(&corpus)?;
    let shards = args.docs.div_ceil(SHARD_DOCS);
    let shard_docs = |i: usize| SHARD_DOCS.min(args.docs - i * SHARD_DOCS);
    let options = |i: usize| GenerateOptions {
        docs: shard_docs(i),
        seed: args.seed + i as u64,
        dense: args.dense,
    };

    eprintln!("generating {} articles (seed {})...", args.docs, args.seed);
    let t = Instant::now();
    for i in 0..shards {
        let path = corpus.join(format!("shard-{i:05}.jsonl"));
        let file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        generate::write_jsonl(file, &options(i))?;
    }
    let gen_secs = t.elapsed().as_secs_f64();
    let text_bytes: u64 = (0..shards)
        .flat_map(|i| generate::Generator::with_options(&options(i)).take(shard_docs(i)))
        .map(|a| (a.body.len() + a.meta.title.as_ref().map_or(0, |t| t.len())) as u64)
        .sum();
    eprintln!(
        "  {gen_secs:.1} s; {:.1} MB of text",
        text_bytes as f64 / 1e6
    );
    Ok((corpus, text_bytes, gen_secs))
}

/// The text size (title and body) of a given JSON Lines file, or of the `.jsonl` files of a
/// folder.
fn jsonl_text_bytes(path: &Path) -> anyhow::Result<u64> {
    use std::io::BufRead;
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson"))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut total = 0u64;
    for f in files {
        let reader = std::io::BufReader::new(std::fs::File::open(&f)?);
        for line in reader.lines() {
            let line = line?;
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            for k in ["title", "body"] {
                total += v
                    .get(k)
                    .and_then(|t| t.as_str())
                    .map_or(0, |t| t.len() as u64);
            }
        }
    }
    Ok(total)
}

fn print_queries(engine: &Engine, rounds: usize) -> anyhow::Result<()> {
    let [plain, facets, snippets, full] = run_queries(engine, rounds)?;
    for (label, t) in [
        ("queries (no facets, no snippets)", &plain),
        ("queries (facets, no snippets)", &facets),
        ("queries (snippets, no facets)", &snippets),
        ("queries (facets + snippets)", &full),
    ] {
        println!("{label}: {} runs", t.len());
        println!(
            "  p50 {:.3} ms   p95 {:.3} ms   p99 {:.3} ms   max {:.3} ms",
            percentile(t, 0.50),
            percentile(t, 0.95),
            percentile(t, 0.99),
            percentile(t, 1.0)
        );
    }
    Ok(())
}
