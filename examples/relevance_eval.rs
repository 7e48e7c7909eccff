//! Measures ranking against a judged query set: nDCG@10, P@5 and zero-hit queries for each
//! match mode of telusur and for a plain BM25-OR baseline (tantivy's default analyzer, one
//! field of headline and story) on the same pages.
//!
//! ```text
//! cargo run --release --example relevance_eval -- \
//!     --pages devset/pages --pages ../shared/corpus/seeds \
//!     --queries devset/relevance/queries.tsv --qrels devset/relevance/qrels.tsv \
//!     [--half tune|held|all] [--per-query] [--pool N]
//! ```
//!
//! - `queries.tsv`: `qid <TAB> half (tune|held) <TAB> kind <TAB> query`, `#` comments.
//! - `qrels.tsv`: `qid <TAB> page id <TAB> grade (0, 1, 2)`; a page id is the file stem of
//!   the page (`000_9dc4df86ae90a29c`). Pages a ranker returns that were not judged count
//!   as 0 and are reported (`unjudged in top 10`).
//! - nDCG@10 with gains 2^grade − 1 and the ideal order of all judged grades of the query;
//!   P@5 counts grades ≥ 1. A query without any relevant page is left out of the means.
//! - `--pool N` prints, per query, the pages in the union of every ranker's top N that have
//!   no grade yet (id, headline or lead, start of the story), for judging.
//! - `--per-query` prints each query's nDCG@10 per ranker.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Schema, Value, STORED, STRING, TEXT};
use tantivy::{doc, Index, TantivyDocument};
use telusur::ingest;
use telusur::{Article, Engine, IndexOptions};
use telusur::{MatchMode, SearchRequest};

struct Query {
    qid: String,
    half: String,
    kind: String,
    text: String,
}

/// A ranking setting: its name and the ranked page ids of a query.
type Ranker<'a> = (&'a str, Box<dyn Fn(&str) -> Vec<String> + 'a>);

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("relevance_eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(path)
        .to_string()
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut pages: Vec<PathBuf> = Vec::new();
    let mut queries_path = PathBuf::from("devset/relevance/queries.tsv");
    let mut qrels_path = PathBuf::from("devset/relevance/qrels.tsv");
    let mut half = "all".to_string();
    let mut pool = 0usize;
    let mut per_query = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--pages" => pages.push(value()?.into()),
            "--queries" => queries_path = value()?.into(),
            "--qrels" => qrels_path = value()?.into(),
            "--half" => half = value()?,
            "--pool" => pool = value()?.parse()?,
            "--per-query" => per_query = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if pages.is_empty() {
        return Err("give --pages DIR (repeatable)".into());
    }

    // The pages, as telusur reads them.
    let found = ingest::discover_all(&pages);
    let mut articles: Vec<Article> = Vec::new();
    for input in &found.inputs {
        articles.extend(ingest::load(input).articles);
    }
    let engine = Engine::in_memory()?;
    engine.index_articles(articles.clone(), &IndexOptions::default())?;

    // The baseline: tantivy's default analyzer, headline and story in one field, OR.
    let mut schema = Schema::builder();
    let id = schema.add_text_field("id", STRING | STORED);
    let text = schema.add_text_field("text", TEXT);
    let baseline = Index::create_in_ram(schema.build());
    {
        let mut writer = baseline.writer(50_000_000)?;
        for a in &articles {
            let page = stem(a.path.as_deref().unwrap_or(&a.id));
            let all = format!("{}\n{}", a.meta.title.as_deref().unwrap_or(""), a.body);
            writer.add_document(doc!(id => page, text => all))?;
        }
        writer.commit()?;
    }
    let base_reader = baseline.reader()?;
    let base_searcher = base_reader.searcher();
    let parser = QueryParser::for_index(&baseline, vec![text]);

    let queries = read_queries(&queries_path)?;
    let qrels = read_qrels(&qrels_path)?;
    let shown: Vec<&Query> = queries
        .iter()
        .filter(|q| half == "all" || q.half == half)
        .collect();

    let telusur = |mode: MatchMode| {
        let engine = &engine;
        move |q: &str| -> Vec<String> {
            let req = SearchRequest::new(q)
                .limit(10)
                .snippets(false)
                .match_mode(mode);
            match engine.search(&req) {
                Ok(r) => r
                    .hits
                    .iter()
                    .map(|h| stem(h.path.as_deref().unwrap_or(&h.id)))
                    .collect(),
                Err(_) => Vec::new(),
            }
        }
    };
    let bm25 = |q: &str| -> Vec<String> {
        let (query, _) = parser.parse_query_lenient(q);
        let top = base_searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .unwrap_or_default();
        top.into_iter()
            .filter_map(|(_, addr)| {
                let d: TantivyDocument = base_searcher.doc(addr).ok()?;
                d.get_first(id).and_then(|v| v.as_str()).map(str::to_string)
            })
            .collect()
    };
    let rankers: Vec<Ranker> = vec![
        ("telusur all", Box::new(telusur(MatchMode::All))),
        ("telusur relaxed", Box::new(telusur(MatchMode::Relaxed))),
        ("telusur any", Box::new(telusur(MatchMode::Any))),
        ("bm25-or baseline", Box::new(bm25)),
    ];

    if pool > 0 {
        let by_id: HashMap<String, &Article> = articles
            .iter()
            .map(|a| (stem(a.path.as_deref().unwrap_or(&a.id)), a))
            .collect();
        for q in &shown {
            let judged = qrels.get(&q.qid);
            let mut pooled: BTreeSet<String> = BTreeSet::new();
            for (_, rank) in &rankers {
                pooled.extend(rank(&q.text).into_iter().take(pool));
            }
            let new: Vec<&String> = pooled
                .iter()
                .filter(|p| judged.is_none_or(|j| !j.contains_key(*p)))
                .collect();
            if new.is_empty() {
                continue;
            }
            println!("## {} [{}] {}", q.qid, q.kind, q.text);
            for p in new {
                let a = by_id.get(p);
                let title = a
                    .and_then(|a| a.meta.title.clone())
                    .unwrap_or_else(|| "(no headline)".into());
                let body: String = a.map_or(String::new(), |a| a.body.chars().take(300).collect());
                println!("{p}\t{title}\n    {}", body.replace('\n', " "));
            }
        }
        return Ok(());
    }

    println!(
        "{} pages, {} queries ({} half), {} judged pairs",
        articles.len(),
        shown.len(),
        half,
        qrels.values().map(BTreeMap::len).sum::<usize>()
    );
    println!(
        "{:<18} {:>8} {:>6} {:>10} {:>10}",
        "ranker", "nDCG@10", "P@5", "zero-hit", "unjudged"
    );
    for (name, rank) in &rankers {
        let (mut ndcg, mut p5, mut n, mut zero, mut unjudged) = (0.0, 0.0, 0, 0, 0);
        for q in &shown {
            let got = rank(&q.text);
            if got.is_empty() {
                zero += 1;
            }
            let empty = BTreeMap::new();
            let grades = qrels.get(&q.qid).unwrap_or(&empty);
            unjudged += got.iter().filter(|p| !grades.contains_key(*p)).count();
            if !grades.values().any(|&g| g > 0) {
                continue;
            }
            let g = |p: &String| grades.get(p).copied().unwrap_or(0);
            let dcg: f64 = got
                .iter()
                .take(10)
                .enumerate()
                .map(|(i, p)| gain(g(p)) / ((i + 2) as f64).log2())
                .sum();
            let mut ideal: Vec<u8> = grades.values().copied().collect();
            ideal.sort_unstable_by(|a, b| b.cmp(a));
            let idcg: f64 = ideal
                .iter()
                .take(10)
                .enumerate()
                .map(|(i, &x)| gain(x) / ((i + 2) as f64).log2())
                .sum();
            let q_ndcg = dcg / idcg;
            let q_p5 = got.iter().take(5).filter(|p| g(p) > 0).count() as f64 / 5.0;
            if per_query {
                println!("  {name:<16} {} {q_ndcg:.3} {q_p5:.2} {}", q.qid, q.text);
            }
            ndcg += q_ndcg;
            p5 += q_p5;
            n += 1;
        }
        let n = n.max(1) as f64;
        println!(
            "{:<18} {:>8.3} {:>6.3} {:>10} {:>10}",
            name,
            ndcg / n,
            p5 / n,
            format!("{zero}/{}", shown.len()),
            unjudged
        );
    }
    Ok(())
}

fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade) - 1)
}

fn lines(path: &Path) -> Result<Vec<Vec<String>>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|s| s.trim().to_string()).collect())
        .collect())
}

fn read_queries(path: &Path) -> Result<Vec<Query>, Box<dyn std::error::Error>> {
    lines(path)?
        .into_iter()
        .map(|f| match &f[..] {
            [qid, half, kind, text] => Ok(Query {
                qid: qid.clone(),
                half: half.clone(),
                kind: kind.clone(),
                text: text.clone(),
            }),
            _ => Err(format!("bad query line {f:?}").into()),
        })
        .collect()
}

fn read_qrels(
    path: &Path,
) -> Result<HashMap<String, BTreeMap<String, u8>>, Box<dyn std::error::Error>> {
    let mut out: HashMap<String, BTreeMap<String, u8>> = HashMap::new();
    if !path.exists() {
        return Ok(out);
    }
    for f in lines(path)? {
        match &f[..] {
            [qid, page, grade] => {
                out.entry(qid.clone())
                    .or_default()
                    .insert(page.clone(), grade.parse()?);
            }
            _ => return Err(format!("bad qrels line {f:?}").into()),
        }
    }
    Ok(out)
}
