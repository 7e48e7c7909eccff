//! Near-duplicate clustering (issue 18): its quality on a corpus with known truth, and what
//! it costs at index time.
//!
//! ```sh
//! cargo run --release --example dedup_eval                          # quality, 1,500 stories
//! cargo run --release --example dedup_eval -- --stories 3000 --seed 5
//! cargo run --release --example dedup_eval -- --stories 0 --cost-docs 100000 --rounds 3
//! ```
//!
//! **Quality.** `--stories N` articles from the generator (`telusur::generate`, seed
//! `--seed`) are the originals. Article *i* gets *i* mod 5 portal copies
//! ([`telusur::dedup::synth::portal_copy`]: header and footer of the portal, lead sentence
//! rewritten, up to a third of the paragraphs dropped, two swapped, related-link lines, typos,
//! own headline), and every third original a second reporter's story of the same event
//! ([`telusur::dedup::synth::same_event`]: the same names, places, numbers and headline in
//! other sentences), which is a story of its own. The generated originals themselves share
//! sentence templates, topics and partners: they are the near-miss negatives. Everything is
//! shuffled and indexed through [`Engine::index_articles`]; the story ids are read back from
//! the index and compared with the truth: pair precision (of the pairs put in one story, how
//! many are copies of one story) and pair recall (of the pairs of copies, how many were put
//! in one story).
//!
//! **Cost.** `--cost-docs N` generated articles (seed `--cost-seed`, default 1: the corpus of
//! `telusur generate --docs N --seed 1`) are indexed `--rounds` times with story ids and as
//! many times without (an index whose schema lacks the story fields, so the pipeline skips
//! them), alternately, each into a new directory; the median wall-clock times and their ratio
//! are printed, and the number of stories the corpus holds.

use std::collections::HashMap;
use std::time::Instant;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use telusur::dedup::synth::{portal_copy, same_event};
use telusur::generate::Generator;
use telusur::limits::MAX_LIMIT;
use telusur::stable_id;
use telusur::IndexOptions;
use telusur::{Article, Engine};
use telusur::{SearchRequest, Sort};

/// The most estimated similarity of two originals of the quality corpus.
const DISTINCT_BELOW: f32 = 1.0 / 6.0;

struct Args {
    stories: usize,
    seed: u64,
    cost_docs: usize,
    cost_seed: u64,
    rounds: usize,
    show: usize,
}

fn parse_args() -> Args {
    let mut a = Args {
        stories: 1500,
        seed: 7,
        cost_docs: 0,
        cost_seed: 1,
        rounds: 3,
        show: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut num = || -> u64 {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{flag} needs a number"))
        };
        match flag.as_str() {
            "--stories" => a.stories = num() as usize,
            "--seed" => a.seed = num(),
            "--cost-docs" => a.cost_docs = num() as usize,
            "--cost-seed" => a.cost_seed = num(),
            "--rounds" => a.rounds = num().max(1) as usize,
            "--show" => a.show = num() as usize,
            other => panic!("unknown argument {other}"),
        }
    }
    a
}

fn opts() -> IndexOptions {
    IndexOptions {
        memory_mb: 512,
        ..IndexOptions::default()
    }
}

/// Every article's story id, read back from the index.
fn stories_of(engine: &Engine) -> telusur::Result<HashMap<String, String>> {
    let mut out = HashMap::new();
    let mut offset = 0;
    loop {
        let page = engine.search(
            &SearchRequest::new("")
                .sort(Sort::Oldest)
                .limit(MAX_LIMIT)
                .offset(offset)
                .snippets(false),
        )?;
        for h in &page.hits {
            out.insert(h.id.clone(), h.story.clone().unwrap_or_default());
        }
        offset += page.hits.len();
        if page.hits.is_empty() || offset >= page.total {
            break;
        }
    }
    Ok(out)
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

fn quality(a: &Args) -> telusur::Result<()> {
    let mut g = Generator::new(a.seed);
    let mut corpus: Vec<(Article, usize, &'static str)> = Vec::new();
    let mut truth_stories = 0usize;
    // The generator writes articles from a shared pool of sentences: two of them can be as
    // alike as copies. An original is kept only when it shares less than a sixth of its
    // shingles (estimated) with every original kept before it: distinct stories by text.
    let mut kept: Vec<telusur::dedup::Signature> = Vec::new();
    let mut drawn = 0usize;
    for i in 0..a.stories {
        let original = loop {
            let candidate = g.next_article();
            drawn += 1;
            let sig = telusur::dedup::Signature::of(&candidate.body);
            if kept.iter().all(|k| k.similarity(&sig) < DISTINCT_BELOW) {
                kept.push(sig);
                break candidate;
            }
        };
        let story = truth_stories;
        truth_stories += 1;
        for k in 0..(i % 5) {
            corpus.push((portal_copy(&original, k as u64 + 1), story, "copy"));
        }
        if i % 3 == 0 {
            corpus.push((same_event(&original, 1), truth_stories, "same-event"));
            truth_stories += 1;
        }
        corpus.push((original, story, "original"));
    }
    println!(
        "originals: {} distinct of {drawn} generated (seed {}; estimated similarity below {DISTINCT_BELOW} with each other)",
        a.stories, a.seed
    );
    // How alike the pairs are, by the signatures: copies of one original with it, and the
    // same-event stories with their event's original.
    {
        use telusur::dedup::{is_copy, Signature};
        let mut originals: HashMap<usize, Signature> = HashMap::new();
        for (art, s, kind) in &corpus {
            if *kind == "original" {
                originals.insert(*s, Signature::of(&art.body));
            }
        }
        let (mut copies, mut events) = (Vec::new(), Vec::new());
        let mut copies_failing = 0;
        for (art, s, kind) in &corpus {
            let sig = Signature::of(&art.body);
            match *kind {
                "copy" => {
                    let o = &originals[s];
                    let j = sig.similarity(o);
                    copies.push((j, sig.containment(o, j)));
                    copies_failing += usize::from(is_copy(&sig, o).is_none());
                }
                "same-event" => {
                    // Its event's original is the story before it.
                    if let Some(o) = originals.get(&(s - 1)) {
                        let j = sig.similarity(o);
                        events.push((j, sig.containment(o, j)));
                    }
                }
                _ => {}
            }
        }
        let pct = |v: &mut Vec<(f32, f32)>, by: fn(&(f32, f32)) -> f32| -> String {
            let mut x: Vec<f32> = v.iter().map(by).collect();
            x.sort_by(f32::total_cmp);
            let at = |q: f64| x[((x.len() - 1) as f64 * q) as usize];
            format!(
                "min {:.2} p5 {:.2} p50 {:.2} p95 {:.2} max {:.2}",
                at(0.0),
                at(0.05),
                at(0.5),
                at(0.95),
                at(1.0)
            )
        };
        println!(
            "copy vs its original ({}): similarity {}; containment {}; {} below the thresholds",
            copies.len(),
            pct(&mut copies, |p| p.0),
            pct(&mut copies, |p| p.1),
            copies_failing
        );
        println!(
            "same-event story vs the original ({}): similarity {}; containment {}",
            events.len(),
            pct(&mut events, |p| p.0),
            pct(&mut events, |p| p.1)
        );
    }
    corpus.shuffle(&mut ChaCha8Rng::seed_from_u64(a.seed));
    for (art, _, _) in corpus.iter_mut() {
        if art.id.is_empty() {
            art.id = stable_id(art.url.as_deref(), &art.body);
        }
    }
    let truth: HashMap<String, (usize, &str)> = corpus
        .iter()
        .map(|(art, s, kind)| (art.id.clone(), (*s, *kind)))
        .collect();
    let titles: HashMap<String, String> = corpus
        .iter()
        .map(|(art, _, _)| (art.id.clone(), art.meta.title.clone().unwrap_or_default()))
        .collect();

    let dir = tempfile::tempdir().map_err(|e| telusur::Error::io("tempdir", e))?;
    let engine = Engine::create(dir.path())?;
    let started = Instant::now();
    let report = engine.index_articles(corpus.into_iter().map(|(a, _, _)| a), &opts())?;
    let took = started.elapsed();
    let found = stories_of(&engine)?;

    // Contingency of (found story, true story).
    let mut cells: HashMap<(&str, usize), u64> = HashMap::new();
    let mut by_found: HashMap<&str, u64> = HashMap::new();
    let mut by_truth: HashMap<usize, u64> = HashMap::new();
    for (id, story) in &found {
        let (t, _) = truth[id];
        *cells.entry((story.as_str(), t)).or_default() += 1;
        *by_found.entry(story.as_str()).or_default() += 1;
        *by_truth.entry(t).or_default() += 1;
    }
    let together: u64 = cells.values().map(|&n| pairs(n)).sum();
    let said: u64 = by_found.values().map(|&n| pairs(n)).sum();
    let real: u64 = by_truth.values().map(|&n| pairs(n)).sum();
    let precision = together as f64 / said.max(1) as f64;
    let recall = together as f64 / real.max(1) as f64;
    println!(
        "quality: {} articles ({} stories by truth, {} found), indexed in {:.2} s",
        report.documents,
        by_truth.len(),
        by_found.len(),
        took.as_secs_f64()
    );
    println!(
        "  pair precision {:.4} ({together} of {said} pairs put together are copies)",
        precision
    );
    println!(
        "  pair recall    {:.4} ({together} of {real} pairs of copies put together)",
        recall
    );

    // Same-event stories merged with their event's original, and the other false merges.
    let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
    for (id, story) in &found {
        members.entry(story.as_str()).or_default().push(id.as_str());
    }
    let (mut same_event_merged, mut wrong_clusters) = (0, 0);
    let mut shown = 0;
    for ids in members.values() {
        let mut kinds: HashMap<usize, Vec<&str>> = HashMap::new();
        for id in ids {
            kinds.entry(truth[*id].0).or_default().push(id);
        }
        if kinds.len() > 1 {
            wrong_clusters += 1;
            if ids.iter().any(|id| truth[*id].1 == "same-event") {
                same_event_merged += 1;
            }
            if shown < a.show {
                shown += 1;
                println!("  merged wrongly:");
                for id in ids {
                    println!("    [{}] {} {}", truth[*id].0, truth[*id].1, titles[*id]);
                }
            }
        }
    }
    println!(
        "  found stories holding more than one true story: {wrong_clusters} (with a same-event story: {same_event_merged})"
    );
    // True stories spread over more than one found story.
    let mut spread: HashMap<usize, std::collections::HashSet<&str>> = HashMap::new();
    for (id, story) in &found {
        spread
            .entry(truth[id].0)
            .or_default()
            .insert(story.as_str());
    }
    let split = spread.values().filter(|s| s.len() > 1).count();
    println!("  true stories split over several found stories: {split}");
    Ok(())
}

/// CPU seconds of this process so far (user + system, from `/proc/self/stat`; 0 where
/// there is none): steadier than wall-clock time on a shared machine.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses): utime and stime are the
    // 12th and 13th of them, in clock ticks (100 a second on Linux).
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
}

fn cost(a: &Args) -> telusur::Result<()> {
    let docs = || Generator::new(a.cost_seed).take(a.cost_docs);
    let (mut with, mut without) = (Vec::new(), Vec::new());
    let (mut cpu_with, mut cpu_without) = (Vec::new(), Vec::new());
    let mut stories = None;
    for round in 0..a.rounds {
        for dedup in [round % 2 == 0, round % 2 != 0] {
            let dir = tempfile::tempdir().map_err(|e| telusur::Error::io("tempdir", e))?;
            let engine = if dedup {
                Engine::create(dir.path())?
            } else {
                telusur::dedup::engine_without_stories(Some(dir.path()))?
            };
            let (started, cpu) = (Instant::now(), cpu_seconds());
            let r = engine.index_articles(docs(), &opts())?;
            let secs = started.elapsed().as_secs_f64();
            let cpu = cpu_seconds() - cpu;
            println!(
                "  round {round}: {} {} docs in {secs:.2} s, {cpu:.2} s of CPU",
                if dedup {
                    "with story ids   "
                } else {
                    "without story ids"
                },
                r.documents
            );
            if dedup {
                with.push(secs);
                cpu_with.push(cpu);
                stories = engine.stats()?.stories;
            } else {
                without.push(secs);
                cpu_without.push(cpu);
            }
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (w, wo) = (median(&mut with), median(&mut without));
    println!(
        "cost: {} generated articles (seed {}): median {w:.2} s with story ids, {wo:.2} s without: {:.3}x the time ({:.0} vs {:.0} docs/s)",
        a.cost_docs,
        a.cost_seed,
        w / wo,
        a.cost_docs as f64 / w,
        a.cost_docs as f64 / wo
    );
    let (cw, cwo) = (median(&mut cpu_with), median(&mut cpu_without));
    println!(
        "cost by CPU time (generating the articles included in both): median {cw:.2} s with story ids, {cwo:.2} s without: {:.3}x",
        cw / cwo.max(f64::MIN_POSITIVE)
    );
    if let Some(s) = stories {
        println!(
            "stories in the generated corpus: {s} of {} articles",
            a.cost_docs
        );
    }
    Ok(())
}

fn main() -> telusur::Result<()> {
    let a = parse_args();
    if a.stories > 0 {
        quality(&a)?;
    }
    if a.cost_docs > 0 {
        cost(&a)?;
    }
    Ok(())
}
