//! `telusur search`: one query from the arguments, or a batch of JSON requests (one a line).
//!
//! Exit codes like grep: 0 when something matched, 1 when nothing did, 2 on an error (in a
//! batch: when any line failed; the other lines still run).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use telusur::dedup::CountUnit;
use telusur::Engine;
use telusur::{BatchAnswer, MatchMode, SearchRequest, Sort};

use super::output;
use super::{EXIT_ERROR, EXIT_NO_MATCH, EXIT_OK};

/// Arguments of `telusur search`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Query syntax: words are all required, and when fewer than 10 articles have them all, articles
with most of them follow (a note says so; --all or --match all: every word strictly, --match
any: any word); AND, +word, \"a phrase\" are strict; -word excludes; a OR b; (parentheses);
title:word and source:antara search one field. Several --country (or --org) mean any of them;
different filters combine with AND. A region (Asia, Asia Tenggara, Eropa) matches its countries.
--country filters on partners, --mentions on every country an article names.

Exit status: 0 if something matched, 1 if nothing did, 2 on an error.")]
pub struct SearchArgs {
    /// Query text (several words are joined with spaces). Empty: browse, newest first.
    pub query: Vec<String>,
    /// Index directory [default: index/, built from the built-in sample corpus when missing].
    #[arg(long, value_name = "DIR", env = super::INDEX_ENV)]
    pub index: Option<PathBuf>,
    #[command(flatten)]
    pub filters: super::filters::Filters,
    /// Order: relevance, newest, oldest (default: relevance, or newest without a query).
    #[arg(long, value_parser = super::parse_value::<Sort>)]
    pub sort: Option<Sort>,
    /// Number of hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Show facet counts (partner country, region, year, source, organisation).
    #[arg(long)]
    pub facets: bool,
    /// What several bare words mean: all (every word), relaxed (every word, else most of
    /// them, with a note; the default), any (any word, more words ranking higher).
    #[arg(long = "match", value_name = "MODE", value_parser = super::parse_value::<MatchMode>, conflicts_with = "all")]
    pub match_mode: Option<MatchMode>,
    /// Every word must occur (same as --match all).
    #[arg(long)]
    pub all: bool,
    /// One hit per story: copies of one story (syndicated, republished) are shown once, the
    /// best-ranked copy, with the number of copies and their sources; the total counts
    /// stories.
    #[arg(long)]
    pub collapse: bool,
    /// What facet counts count: articles (default) or stories (each story once).
    #[arg(long, value_name = "UNIT", value_parser = super::parse_value::<CountUnit>)]
    pub count: Option<CountUnit>,
    /// One JSON document on stdout (facets included).
    #[arg(long)]
    pub json: bool,
    /// Run JSON requests from FILE (`-`: stdin), one a line; print one JSON result a line.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["query", "countries", "mentions", "orgs", "year", "from", "to", "source", "sort", "facets", "collapse", "count"])]
    pub batch: Option<PathBuf>,
}

impl SearchArgs {
    /// The request these arguments describe.
    pub fn request(&self) -> SearchRequest {
        self.filters.apply(SearchRequest {
            query: self.query.join(" "),
            sort: self.sort,
            limit: self.limit,
            offset: self.offset,
            facets: self.facets || self.json,
            collapse: self.collapse,
            count: self.count.unwrap_or_default(),
            match_mode: if self.all {
                MatchMode::All
            } else {
                self.match_mode.unwrap_or_default()
            },
            ..SearchRequest::default()
        })
    }
}

/// Runs `telusur search`.
pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let engine = super::open_index(args.index.as_deref())?;
    // Styled text goes through anstream: styles kept or dropped as `--color` says.
    let mut out = anstream::stdout().lock();
    let code = match &args.batch {
        Some(path) if path.as_os_str() == "-" => batch(&engine, std::io::stdin().lock(), &mut out)?,
        Some(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open batch file {}", path.display()))?;
            batch(&engine, BufReader::new(file), &mut out)?
        }
        None => single(&engine, &args, &mut out)?,
    };
    out.flush()?;
    Ok(ExitCode::from(code))
}

/// One search from the arguments; returns the exit code.
fn single(engine: &Engine, args: &SearchArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let results = engine.search(&args.request())?;
    for w in &results.warnings {
        super::warn(w);
    }
    if args.json {
        serde_json::to_writer(&mut *out, &results)?;
        writeln!(out)?;
    } else {
        out.write_all(output::render(&results).as_bytes())?;
    }
    Ok(if results.total > 0 {
        EXIT_OK
    } else {
        EXIT_NO_MATCH
    })
}

/// Runs every request line of `input`; a bad line gives `{"line": N, "error": "..."}` and the
/// run goes on. Returns 2 if any line failed, else 0 if any matched, else 1.
fn batch(engine: &Engine, input: impl BufRead, out: &mut impl Write) -> anyhow::Result<u8> {
    let mut any_error = false;
    let mut any_hit = false;
    let mut input = input;
    let mut buf = Vec::new();
    for i in 0usize.. {
        buf.clear();
        // A line is read up to the limit and no further: a runaway line is never held whole.
        let limit = telusur::limits::MAX_BATCH_LINE_BYTES as u64 + 1;
        let n = (&mut input)
            .take(limit)
            .read_until(b'\n', &mut buf)
            .context("cannot read the batch input")?;
        if n == 0 {
            break;
        }
        let too_long = buf.len() as u64 == limit && buf.last() != Some(&b'\n');
        if too_long {
            // Skip the rest of the line.
            loop {
                let available = input.fill_buf().context("cannot read the batch input")?;
                if available.is_empty() {
                    break;
                }
                match available.iter().position(|&b| b == b'\n') {
                    Some(k) => {
                        input.consume(k + 1);
                        break;
                    }
                    None => {
                        let len = available.len();
                        input.consume(len);
                    }
                }
            }
        }
        let line = String::from_utf8_lossy(&buf);
        if !too_long && line.trim().is_empty() {
            continue;
        }
        let answer = if too_long {
            BatchAnswer::error(
                i + 1,
                &telusur::Error::InvalidRequest(format!(
                    "request line too long (the limit is {} bytes)",
                    telusur::limits::MAX_BATCH_LINE_BYTES
                )),
            )
        } else {
            engine.search_line(i + 1, &line)
        };
        match &answer {
            BatchAnswer::Results(results) => any_hit |= results.total > 0,
            BatchAnswer::Error { .. } => any_error = true,
        }
        serde_json::to_writer(&mut *out, &answer)?;
        writeln!(out)?;
    }
    Ok(if any_error {
        EXIT_ERROR
    } else if any_hit {
        EXIT_OK
    } else {
        EXIT_NO_MATCH
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Wrap {
        #[command(flatten)]
        args: SearchArgs,
    }

    fn empty_engine() -> Engine {
        Engine::in_memory().expect("engine")
    }

    #[test]
    fn arguments_make_a_request() {
        let w = Wrap::try_parse_from([
            "t",
            "kerja",
            "sama",
            "--country",
            "PH",
            "--country",
            "Malaysia",
            "--from",
            "2019",
            "--to",
            "2022",
            "--sort",
            "newest",
            "--json",
        ])
        .expect("parse");
        let r = w.args.request();
        assert_eq!(r.query, "kerja sama");
        assert_eq!(r.countries, ["PH", "Malaysia"]);
        assert_eq!((r.year_from, r.year_to), (Some(2019), Some(2022)));
        assert_eq!(r.sort, Some(Sort::Newest));
        assert!(r.facets, "--json always carries facets");
        assert!(Wrap::try_parse_from(["t", "--sort", "best"]).is_err());
        assert!(Wrap::try_parse_from(["t", "--year", "2020", "--from", "2019"]).is_err());
    }

    #[test]
    fn match_mode_flags() {
        let mode = |args: &[&str]| {
            let w = Wrap::try_parse_from(std::iter::once("t").chain(args.iter().copied()));
            w.map(|w| w.args.request().match_mode)
        };
        assert_eq!(mode(&["a", "b"]).unwrap(), MatchMode::Relaxed);
        assert_eq!(mode(&["--all", "a", "b"]).unwrap(), MatchMode::All);
        assert_eq!(mode(&["--match", "any", "a"]).unwrap(), MatchMode::Any);
        assert_eq!(mode(&["--match", "all", "a"]).unwrap(), MatchMode::All);
        assert!(mode(&["--match", "some", "a"]).is_err());
        assert!(mode(&["--all", "--match", "any", "a"]).is_err());
    }

    #[test]
    fn batch_reports_bad_lines_and_goes_on() {
        let e = empty_engine();
        let input = "{\"query\": \"teror\"}\nnot json\n\n{\"countries\": [\"Narnia\"]}\n{\"query\": \"x\", \"limit\": 3}\n";
        let mut out = Vec::new();
        let code = batch(&e, input.as_bytes(), &mut out).expect("batch");
        assert_eq!(code, EXIT_ERROR);
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .expect("utf8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["total"], 0);
        assert!(lines[0]["took_ms"].is_number());
        assert_eq!(lines[1]["line"], 2);
        assert_eq!(lines[2]["line"], 4);
        assert!(lines[2]["error"]
            .as_str()
            .is_some_and(|s| s.contains("Narnia")));
        assert_eq!(lines[3]["query"], "x");
    }

    #[test]
    fn nothing_found_is_exit_one() {
        let e = empty_engine();
        let mut out = Vec::new();
        let w = Wrap::try_parse_from(["t", "teror", "--json"]).expect("parse");
        let code = single(&e, &w.args, &mut out).expect("search");
        assert_eq!(code, EXIT_NO_MATCH);
        let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(v["total"], 0);
        assert!(v["facets"].is_object());
        let mut out = Vec::new();
        assert_eq!(
            batch(&e, "".as_bytes(), &mut out).expect("batch"),
            EXIT_NO_MATCH
        );
    }
}
