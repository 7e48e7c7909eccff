//! `telusur stats`: what an index holds.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use telusur::dedup::CountUnit;
use telusur::KeyCount as Count;

use super::{open_index, EXIT_OK};

/// Arguments of `telusur stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The index directory (default `index/`, built from the sample corpus when missing).
    #[arg(long, value_name = "DIR", env = super::INDEX_ENV)]
    index: Option<PathBuf>,
    /// Print the statistics as one JSON document.
    #[arg(long)]
    pub json: bool,
    /// What the year, partner, organisation and source counts count: articles (default) or
    /// stories (each story once, however many copies it has).
    #[arg(long, value_name = "UNIT", value_parser = super::parse_value::<CountUnit>)]
    pub count: Option<CountUnit>,
}

/// Runs `telusur stats`.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let engine = open_index(args.index.as_deref())?;
    let s = engine.stats_by(args.count.unwrap_or_default())?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &s)?;
        writeln!(out)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    let dir = engine
        .dir()
        .map_or_else(|| "<memory>".into(), |d| d.display().to_string());
    writeln!(out, "index:      {dir}")?;
    if s.sample {
        writeln!(out, "sample:     {}", super::output::SAMPLE_WHAT)?;
    }
    writeln!(out, "documents:  {}", s.documents)?;
    if let Some(n) = s.stories {
        writeln!(out, "stories:    {n}")?;
    }
    writeln!(
        out,
        "size:       {} ({} segments)",
        human_bytes(s.size_bytes),
        s.segments
    )?;
    match (s.first_published, s.last_published) {
        (Some(a), Some(b)) => writeln!(out, "published:  {a} .. {b}")?,
        _ => writeln!(out, "published:  -")?,
    }
    if s.undated > 0 {
        writeln!(out, "undated:    {}", s.undated)?;
    }
    if s.count == CountUnit::Stories {
        writeln!(out, "(counts below are stories)")?;
    }
    section(&mut out, "years", &s.years, usize::MAX)?;
    section(&mut out, "top partners", &s.partners, 10)?;
    section(&mut out, "top organisations", &s.orgs, 10)?;
    section(&mut out, "sources", &s.sources, 10)?;
    Ok(ExitCode::from(EXIT_OK))
}

fn section(out: &mut impl Write, title: &str, counts: &[Count], max: usize) -> std::io::Result<()> {
    if counts.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title}:")?;
    let width = counts
        .iter()
        .take(max)
        .map(|c| label(c).chars().count())
        .max()
        .unwrap_or(0);
    for c in counts.iter().take(max) {
        writeln!(out, "  {:<width$}  {:>7}", label(c), c.count)?;
    }
    if counts.len() > max {
        writeln!(out, "  ... and {} more", counts.len() - max)?;
    }
    Ok(())
}

fn label(c: &Count) -> String {
    match &c.name {
        Some(n) if *n != c.key => format!("{n} ({})", c.key),
        _ => c.key.clone(),
    }
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}
