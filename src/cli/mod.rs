//! Command-line definitions and output rendering. Each subcommand lives in its own file with
//! its clap `Args` and a `run` function returning the process exit code.

mod analyze;
mod extract;
mod filters;
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
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};

/// Parses an option's value with its type's `FromStr` (sort orders, match modes, count units,
/// trend dimensions), the library's message as clap's error.
fn parse_value<T: std::str::FromStr<Err = telusur::Error>>(s: &str) -> Result<T, String> {
    s.parse().map_err(|e: telusur::Error| e.to_string())
}

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
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always (also
    /// when piped: highlights as ANSI bold), never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,
    /// Print results only: no notes, warnings, progress or summaries on stderr (errors still).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

/// The `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    /// Colour on a terminal, unless the NO_COLOR environment variable is set.
    Auto,
    /// Always colour, also when the output is piped or redirected.
    Always,
    /// Never colour.
    Never,
}

impl From<ColorWhen> for anstream::ColorChoice {
    fn from(c: ColorWhen) -> Self {
        match c {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

impl Command {
    /// Whether the command was asked for JSON output (errors are then JSON too).
    fn json(&self) -> bool {
        match self {
            Command::Index(a) => a.json,
            Command::Search(a) => a.json || a.batch.is_some(),
            Command::Show(a) => a.json,
            Command::Stats(a) => a.json,
            Command::Analyze(a) => a.json,
            Command::Extract(a) => a.json,
            Command::Trends(a) => a.json,
            #[cfg(feature = "serve")]
            Command::Serve(_) => false,
            Command::Generate(_) | Command::Completions { .. } | Command::Man => false,
        }
    }
}

static QUIET: AtomicBool = AtomicBool::new(false);

/// Whether `--quiet` was given.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// A note for the user on stderr (`telusur: ...`), unless `--quiet`.
pub fn note(message: impl std::fmt::Display) {
    if !quiet() {
        anstream::eprintln!("telusur: {message}");
    }
}

/// A warning on stderr (`telusur: warning: ...`), unless `--quiet`.
pub fn warn(message: impl std::fmt::Display) {
    if !quiet() {
        let s = anstyle::Style::new()
            .bold()
            .fg_color(Some(anstyle::AnsiColor::Yellow.into()));
        anstream::eprintln!("telusur: {s}warning:{s:#} {message}");
    }
}

/// An error on stderr (`telusur: error: ...`), always.
fn error_line(message: impl std::fmt::Display) {
    let s = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()));
    anstream::eprintln!("telusur: {s}error:{s:#} {message}");
}

/// An error as one JSON document on stdout, for `--json`: `{"error": message, "kind": ...}`,
/// with `name` and `suggestions` for an unknown country or organisation.
fn json_error(e: &anyhow::Error) {
    let mut doc = serde_json::json!({ "error": format!("{e:#}"), "kind": "error" });
    if let Some(t) = e.chain().find_map(|c| c.downcast_ref::<telusur::Error>()) {
        use telusur::Error as E;
        let kind = match t {
            E::Io { .. } => "io",
            E::Input { .. } => "input",
            E::Locked(_) => "locked",
            E::NoIndex(_) => "no_index",
            E::UnknownCountry { .. } => "unknown_country",
            E::UnknownOrg { .. } => "unknown_org",
            E::InvalidRequest(_) => "invalid_request",
            E::Config { .. } => "config",
            E::Tantivy(_) => "index",
            E::Json(_) => "json",
        };
        doc["kind"] = kind.into();
        if let E::UnknownCountry { name, suggestions } | E::UnknownOrg { name, suggestions } = t {
            doc["name"] = name.as_str().into();
            doc["suggestions"] = suggestions.clone().into();
        }
    }
    let mut out = std::io::stdout().lock();
    let _ = serde_json::to_writer(&mut out, &doc);
    let _ = std::io::Write::write_all(&mut out, b"\n");
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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) on stdout.
    #[command(after_help = "\
Install, for instance:
  telusur completions bash > ~/.local/share/bash-completion/completions/telusur
  telusur completions zsh > ~/.zfunc/_telusur      # with fpath+=~/.zfunc in ~/.zshrc
  telusur completions fish > ~/.config/fish/completions/telusur.fish")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on stdout: `telusur man | man -l -`.
    Man,
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
    // With `--json`, a usage error is JSON on stdout too.
    if std::env::args().any(|a| a == "--json" || a == "--batch" || a.starts_with("--batch=")) {
        let message = e.kind().as_str().unwrap_or("invalid arguments");
        let mut out = std::io::stdout().lock();
        let doc = serde_json::json!({ "error": message, "kind": "usage" });
        let _ = serde_json::to_writer(&mut out, &doc);
        let _ = std::io::Write::write_all(&mut out, b"\n");
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

/// The environment variable that names the index when `--index` is not given.
pub const INDEX_ENV: &str = "TELUSUR_INDEX";

/// Writes the completion script of `shell` on stdout.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "telusur", &mut out);
    std::io::Write::flush(&mut out)?;
    Ok(ExitCode::from(EXIT_OK))
}

/// Writes the manual page (roff) on stdout: the command, its options and its subcommands,
/// each subcommand's own options after it.
fn man() -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let mut out = std::io::stdout().lock();
    let mut cmd = Cli::command();
    // Built, so that the global options (--color, --quiet) show in each subcommand's page.
    cmd.build();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let sub = sub
            .clone()
            .display_name(format!("telusur-{}", sub.get_name()))
            .bin_name(format!("telusur {}", sub.get_name()))
            .version(env!("CARGO_PKG_VERSION"));
        let page = clap_mangen::Man::new(sub);
        page.render_title(&mut out)?;
        page.render_name_section(&mut out)?;
        page.render_synopsis_section(&mut out)?;
        page.render_description_section(&mut out)?;
        page.render_options_section(&mut out)?;
        page.render_extra_section(&mut out)?;
    }
    std::io::Write::flush(&mut out)?;
    Ok(ExitCode::from(EXIT_OK))
}

/// Opens the index for reading: the given directory (which must hold an index), or the default
/// `index/`, built from the built-in sample corpus when it does not exist yet (said on stderr).
pub fn open_index(dir: Option<&std::path::Path>) -> anyhow::Result<telusur::Engine> {
    match dir {
        Some(d) => Ok(telusur::Engine::open(d)?),
        None => {
            let (engine, built) = telusur::Engine::open_default(DEFAULT_INDEX)?;
            if let Some(r) = built {
                note(format!(
                    "no index at {DEFAULT_INDEX}/ yet: built it from the built-in sample corpus ({} articles)",
                    r.documents
                ));
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
    anstream::ColorChoice::write_global(cli.color.into());
    QUIET.store(cli.quiet, Ordering::Relaxed);
    let json = cli.command.json();
    let result = match cli.command {
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Show(a) => show::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Analyze(a) => analyze::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Completions { shell } => completions(shell),
        Command::Man => man(),
        Command::Trends(a) => trends::run(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => serve::run(a),
    };
    match result {
        Ok(code) => code,
        // A reader that stopped reading (`telusur stats | head -3`) ends the output quietly,
        // as in other Unix tools.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            if json {
                json_error(&e);
            }
            error_line(format!("{e:#}"));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Whether an error comes from writing to a closed pipe (directly, or through serde_json).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let kind = if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            Some(io.kind())
        } else if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            json.io_error_kind()
        } else if let Some(telusur::Error::Io { source, .. }) = cause.downcast_ref() {
            Some(source.kind())
        } else {
            None
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
