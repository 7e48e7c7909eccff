//! `telusur extract`: metadata of articles, without indexing.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use telusur::ingest::{self, Input};
use telusur::Article;

/// Arguments of `telusur extract`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Exit status: 0 when at least one article was extracted, 1 when none was (every input was \
skipped, or the inputs were empty), 2 on a usage error.

Problems (unreadable, binary, non-UTF-8 or empty files, JSON lines that do not parse or have no \
body, unknown extensions) are printed on stderr as `path[:line]: reason`, followed by one count \
line; they never stop the run. In directories, hidden files and the `*.json` label files beside \
same-named `*.txt` articles are ignored and only counted.

A .txt file is one scraped page. A JSON Lines file has one article per line with any of: id, url, \
title, body (or text, content), source, published (or date: YYYY-MM-DD, RFC 3339 or a year), year, \
partners (or countries: codes or names), orgs (or partner_orgs), mentioned_countries, dateline. \
Given fields win; the rest is extracted from the body. Standard input (`-`) is read as JSON Lines \
when its first line is a JSON object, else as one page.

Examples:
  telusur extract ../shared/corpus/seeds --json
  curl -s https://example.org/page.txt | telusur extract -")]
pub struct ExtractArgs {
    /// Files (.txt, .jsonl, .ndjson), directories (read recursively) or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print one JSON object per article (JSON Lines) with the keys path, id, url, title,
    /// source, dateline, published, year, partners, partner_orgs, mentioned_countries, evidence.
    #[arg(long)]
    pub json: bool,
}

/// One line of `--json` output: a stable contract, exactly these keys in this order.
#[derive(serde::Serialize)]
struct JsonArticle<'a> {
    path: Option<&'a str>,
    id: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    source: Option<&'a str>,
    dateline: Option<&'a str>,
    published: Option<String>,
    year: Option<i32>,
    partners: &'a [String],
    partner_orgs: &'a [String],
    mentioned_countries: &'a [String],
    evidence: &'a BTreeMap<String, String>,
}

impl<'a> From<&'a Article> for JsonArticle<'a> {
    fn from(a: &'a Article) -> Self {
        JsonArticle {
            path: a.path.as_deref(),
            id: &a.id,
            url: a.url.as_deref(),
            title: a.meta.title.as_deref(),
            source: a.meta.source.as_deref(),
            dateline: a.meta.dateline.as_deref(),
            published: a.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
            year: a.meta.year,
            partners: &a.meta.partners,
            partner_orgs: &a.meta.partner_orgs,
            mentioned_countries: &a.meta.mentioned_countries,
            evidence: &a.meta.evidence,
        }
    }
}

/// Runs `telusur extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let stdin_count = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        eprintln!("telusur: error: `-` (stdin) may be given only once");
        return Ok(ExitCode::from(super::EXIT_ERROR));
    }
    let found = ingest::discover_all(&args.paths);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut extracted = 0usize;
    let quiet = super::quiet();
    for p in found.problems.iter().filter(|_| !quiet) {
        eprintln!("{p}");
    }
    // Counted per reason with a few examples each: a file of millions of bad lines must not
    // hold millions of problems.
    let mut problems: ingest::Problems = found.problems.into_iter().collect();
    for input in &found.inputs {
        let loaded = ingest::load(input);
        for kept in [&loaded.problems, &loaded.warnings]
            .into_iter()
            .filter(|_| !quiet)
        {
            for p in kept.iter() {
                eprintln!("{p}");
            }
            let shown = kept.iter().count();
            if kept.total() > shown {
                eprintln!(
                    "{}: ... and {} more like these (not shown; counted below)",
                    input_label(input),
                    kept.total() - shown
                );
            }
        }
        problems.merge(loaded.problems);
        problems.merge(loaded.warnings);
        for a in &loaded.articles {
            extracted += 1;
            if args.json {
                serde_json::to_writer(&mut out, &JsonArticle::from(a))?;
                writeln!(out)?;
            } else {
                write_human(&mut out, a)?;
            }
        }
        // Keep output flowing for long runs and broken pipes surface early.
        if matches!(input, Input::Stdin) || extracted % 64 == 0 {
            out.flush()?;
        }
    }
    out.flush()?;
    if !quiet {
        eprintln!("{}", summary(extracted, &problems, found.ignored.len()));
    }
    Ok(ExitCode::from(if extracted > 0 {
        super::EXIT_OK
    } else {
        super::EXIT_NO_MATCH
    }))
}

fn input_label(input: &Input) -> String {
    match input {
        Input::File(p) => p.display().to_string(),
        Input::Stdin => "-".to_string(),
    }
}

/// `extracted 3 articles; 2 problems (1 not UTF-8, 1 unknown extension); ignored 3 files`.
fn summary(extracted: usize, problems: &ingest::Problems, ignored: usize) -> String {
    let mut s = format!(
        "extracted {extracted} article{}",
        if extracted == 1 { "" } else { "s" }
    );
    if !problems.is_empty() {
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for r in problems.by_reason() {
            *by.entry(category(&r.reason)).or_default() += r.count;
        }
        if problems.uncategorised() > 0 {
            *by.entry("other").or_default() += problems.uncategorised();
        }
        let parts: Vec<String> = by.iter().map(|(k, n)| format!("{n} {k}")).collect();
        s.push_str(&format!(
            "; {} problem{} ({})",
            problems.total(),
            if problems.total() == 1 { "" } else { "s" },
            parts.join(", ")
        ));
    }
    if ignored > 0 {
        s.push_str(&format!(
            "; ignored {ignored} file{} (hidden or labels)",
            if ignored == 1 { "" } else { "s" }
        ));
    }
    s
}

/// A short category of a problem reason, for the count line.
fn category(reason: &str) -> &'static str {
    const CATS: &[(&str, &str)] = &[
        ("\"id\" is too long", "id too long"),
        ("field \"", "ignored field"),
        ("not a regular file", "not a regular file"),
        ("not UTF-8", "not UTF-8"),
        ("binary", "binary"),
        ("no body", "no body"),
        ("no story text", "no story text"),
        ("empty", "empty"),
        ("not valid JSON", "bad JSON"),
        ("not a JSON object", "bad JSON"),
        ("extension", "unknown extension"),
        ("too large", "too large"),
        ("too long", "too large"),
        ("no such file", "not found"),
        ("permission denied", "unreadable"),
    ];
    CATS.iter()
        .find(|(needle, _)| reason.contains(needle))
        .map_or("other", |(_, c)| c)
}

fn write_human(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    let m = &a.meta;
    let dash = "-";
    writeln!(out, "{}  [{}]", a.path.as_deref().unwrap_or(dash), a.id)?;
    writeln!(out, "  title:     {}", m.title.as_deref().unwrap_or(dash))?;
    writeln!(
        out,
        "  source:    {}{}",
        m.source.as_deref().unwrap_or(dash),
        m.dateline
            .as_deref()
            .map(|d| format!("   dateline: {d}"))
            .unwrap_or_default()
    )?;
    let date = match (m.published, m.year) {
        (Some(d), _) => d.format("%Y-%m-%d").to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => dash.to_string(),
    };
    writeln!(out, "  published: {date}")?;
    let list = |v: &[String]| {
        if v.is_empty() {
            dash.to_string()
        } else {
            v.join(", ")
        }
    };
    writeln!(out, "  partners:  {}", list(&m.partners))?;
    writeln!(out, "  orgs:      {}", list(&m.partner_orgs))?;
    writeln!(out, "  mentioned: {}", list(&m.mentioned_countries))?;
    if let Some(u) = &a.url {
        writeln!(out, "  url:       {u}")?;
    }
    for (k, v) in &m.evidence {
        writeln!(out, "  why {k}: {v}")?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_by_reason() {
        let p = |r: &str| ingest::Problem {
            path: "x".into(),
            line: None,
            reason: r.into(),
        };
        let s = summary(
            2,
            &[
                p("not UTF-8 (invalid byte at offset 3)"),
                p("empty (no text)"),
                p("empty (no text)"),
            ]
            .into_iter()
            .collect(),
            1,
        );
        assert_eq!(s, "extracted 2 articles; 3 problems (2 empty, 1 not UTF-8); ignored 1 file (hidden or labels)");
        assert_eq!(
            summary(1, &ingest::Problems::default(), 0),
            "extracted 1 article"
        );
    }
}
