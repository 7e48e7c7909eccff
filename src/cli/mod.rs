//! Command-line definitions and output rendering. Each subcommand lives in its own file with
//! its clap `Args` and a `run` function returning the process exit code.

mod analyze;
mod extract;
mod generate;
mod index;
mod output;
mod search;
#[cfg(feature = "serve")]
mod serve;
mod show;
mod stats;
mod trends;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code: success, with results (grep-like).
pub const EXIT_OK: u8 = 0;
/// Exit code: success, but nothing matched.
pub const EXIT_NO_MATCH: u8 = 1;
/// Exit code: an error.
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "telusur",
    version,
    about = "Full-text search over Indonesian counterterrorism news",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Index articles (files, directories, `-` for stdin) into the index.
    Index(index::IndexArgs),
    /// Search the index: keywords, filters, facets, snippets.
    Search(search::SearchArgs),
    /// Show one article in full with its metadata.
    Show(show::ShowArgs),
    /// Statistics of the index: documents, size, date range, top partners and sources.
    Stats(stats::StatsArgs),
    /// Run the Indonesian analyzer on text and print the terms it makes.
    Analyze(analyze::AnalyzeArgs),
    /// Extract metadata (title, source, date, partners) from articles without indexing.
    Extract(extract::ExtractArgs),
    /// Generate a synthetic corpus of Indonesian counterterrorism news.
    Generate(generate::GenerateArgs),
    /// Articles per year for the top partner countries (or orgs, sources) of a search.
    Trends(trends::TrendsArgs),
    /// Serve the JSON API and the search page over HTTP (loopback by default).
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
}

/// Prints a command-line error (help and version go to stdout with exit 0, as clap does).
/// An unknown option given to `search` is most often a query that starts with an excluded
/// word (`telusur search -anak`): the error then says how to write it.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let _ = e.print();
    if !e.use_stderr() {
        return ExitCode::from(EXIT_OK);
    }
    let searching = std::env::args().nth(1).as_deref() == Some("search");
    if searching && e.kind() == ErrorKind::UnknownArgument {
        if let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) {
            if !arg.starts_with("--") {
                // clap names the unknown short option (`-a` of `-anak`): find the word.
                let word = std::env::args()
                    .skip(2)
                    .find(|a| a.starts_with(arg.as_str()))
                    .unwrap_or_else(|| arg.clone());
                eprintln!(
                    "telusur: a query that starts with '-' (an excluded word) must come after '--', \
                     which ends the options: telusur search [OPTIONS] -- {word} ..."
                );
            }
        }
    }
    ExitCode::from(EXIT_ERROR)
}

/// The default index directory.
pub const DEFAULT_INDEX: &str = "index";

/// Opens the index for reading: the given directory (which must hold an index), or the default
/// `index/`, built from the built-in sample corpus when it does not exist yet (said on stderr).
pub fn open_index(dir: Option<&std::path::Path>) -> anyhow::Result<telusur::Engine> {
    match dir {
        Some(d) => Ok(telusur::Engine::open(d)?),
        None => {
            let (engine, built) = telusur::Engine::open_default(DEFAULT_INDEX)?;
            if let Some(r) = built {
                eprintln!(
                    "telusur: no index at {DEFAULT_INDEX}/ yet: built it from the built-in sample corpus ({} articles)",
                    r.documents
                );
            }
            Ok(engine)
        }
    }
}

/// Parses the command line, runs the command, maps errors to exit code 2.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let result = match cli.command {
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Show(a) => show::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Analyze(a) => analyze::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Trends(a) => trends::run(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("telusur: error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
