//! `telusur index`: index files and directories, with a progress bar and a summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use telusur::Engine;
use telusur::{IndexOptions, IndexReport};

use super::{EXIT_ERROR, EXIT_OK};

/// Arguments of `telusur index`.
///
/// Exit status: 0 when the run indexed, updated or found unchanged at least one article (even
/// if some inputs were skipped); 2 on an error, or when every input was skipped (nothing
/// usable was found, which is almost always a wrong path or format).
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Files, directories (read recursively) or `-` for stdin: `.txt` scraped articles,
    /// `.jsonl` articles with metadata.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The index directory (created when missing).
    #[arg(long, value_name = "DIR", default_value = super::DEFAULT_INDEX, env = super::INDEX_ENV)]
    index: PathBuf,
    /// Replace every document with these articles, in one commit at the end (the index keeps
    /// its old documents until then, and when nothing could be read).
    #[arg(long)]
    rebuild: bool,
    /// Memory budget of the index writer in MB.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    memory: usize,
    /// Threads for parsing and indexing (default: the number of CPUs).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Commit after this many documents (a killed run keeps what was committed; a rebuild
    /// commits once).
    #[arg(long, value_name = "N", default_value_t = 50_000)]
    commit_every: usize,
    /// Print the summary as one JSON document on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Runs `telusur index`.
pub fn run(args: IndexArgs) -> anyhow::Result<ExitCode> {
    if args.threads == Some(0) {
        anyhow::bail!("--threads must be at least 1");
    }
    let engine = Engine::open_or_create(&args.index)
        .with_context(|| format!("cannot open the index at {}", args.index.display()))?;
    let opts = IndexOptions {
        memory_mb: args.memory,
        threads: args.threads,
        rebuild: args.rebuild,
        commit_every_docs: args.commit_every.max(1),
        ..IndexOptions::default()
    };
    let bar = (std::io::stderr().is_terminal() && !super::quiet()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });
    let report = engine.index_paths(&args.paths, &opts, |p| {
        if let Some(bar) = &bar {
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_done);
            bar.set_message(format!(
                "{}/{} files · {} new · {} updated · {} unchanged · {} skipped",
                p.inputs_done, p.inputs_total, p.indexed, p.updated, p.unchanged, p.skipped
            ));
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = report?;
    if args.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else if !super::quiet() {
        print_summary(&report, &args.index)?;
    }
    Ok(ExitCode::from(if report.any_article() {
        EXIT_OK
    } else {
        if report.rebuild_skipped {
            eprintln!(
                "telusur: nothing was indexed: every input was skipped; the index was not rebuilt and keeps its {} documents",
                report.documents
            );
        } else {
            eprintln!("telusur: nothing was indexed: every input was skipped");
        }
        EXIT_ERROR
    }))
}

/// Prints the human summary: counts, then the skipped inputs and the warnings grouped by
/// reason, with the first examples of each.
fn print_summary(r: &IndexReport, dir: &std::path::Path) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} indexed, {} updated, {} unchanged, {} skipped, {} with warnings ({} inputs, {:.1} s)",
        r.indexed,
        r.updated,
        r.unchanged,
        r.skipped.total(),
        r.warnings.total(),
        r.inputs,
        r.elapsed_ms as f64 / 1000.0
    )?;
    writeln!(out, "{} documents in {}", r.documents, dir.display())?;
    print_problems(&mut out, "skipped", &r.skipped)?;
    print_problems(&mut out, "warning", &r.warnings)?;
    Ok(())
}

/// One block per reason: `skipped (N): reason`, its first examples, `... and N more`.
fn print_problems(
    out: &mut impl Write,
    label: &str,
    problems: &telusur::ingest::Problems,
) -> anyhow::Result<()> {
    for group in problems.by_reason() {
        writeln!(out, "{label} ({}): {}", group.count, group.reason)?;
        for p in &group.examples {
            match p.line {
                Some(l) => writeln!(out, "  {}:{l}", p.path)?,
                None => writeln!(out, "  {}", p.path)?,
            }
        }
        if group.count > group.examples.len() {
            writeln!(
                out,
                "  ... and {} more (only the first {} are kept)",
                group.count - group.examples.len(),
                group.examples.len()
            )?;
        }
    }
    if problems.uncategorised() > 0 {
        writeln!(
            out,
            "{label} ({}): other reasons (more than {} distinct reasons: only counted)",
            problems.uncategorised(),
            telusur::limits::MAX_PROBLEM_REASONS
        )?;
    }
    Ok(())
}
