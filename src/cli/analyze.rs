//! `telusur analyze`: run the Indonesian analyzer on text and print the terms it makes.
//!
//! - `telusur analyze TEXT...`: a table of terms with their position and byte offsets (and the
//!   original text under each term); `--json` prints one JSON document instead. Without TEXT,
//!   the text is read from stdin.
//! - `telusur analyze --words`: reads words on stdin, one a line, and prints one line per word:
//!   the terms the analyzer makes of it with stopword removal off, separated by spaces (an empty
//!   line for none). This is how the stemmer is scored, so it streams: one analyzer, reused
//!   buffers, buffered output.

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;
use telusur::analysis::AnalyzerBuilder;

/// Arguments of `telusur analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// The text to analyse (several arguments are joined with spaces); read from stdin if absent.
    #[arg(value_name = "TEXT", conflicts_with = "words")]
    text: Vec<String>,
    /// Print JSON: {"text", "terms": [{"term", "position", "offset_from", "offset_to", "source"}]}.
    #[arg(long)]
    pub json: bool,
    /// Read words on stdin, one a line; print the terms of each on one line (stopwords off).
    #[arg(long)]
    words: bool,
    /// Do not stem.
    #[arg(long)]
    no_stem: bool,
    /// Do not remove stopwords.
    #[arg(long, conflicts_with = "stopwords")]
    no_stopwords: bool,
    /// Use this stopword list instead of the embedded one (one word a line, `#` comments).
    #[arg(long, value_name = "FILE")]
    stopwords: Option<PathBuf>,
    /// Use this root lexicon instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonTerm<'a> {
    term: &'a str,
    position: usize,
    offset_from: usize,
    offset_to: usize,
    source: &'a str,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    text: &'a str,
    terms: Vec<JsonTerm<'a>>,
}

/// Runs `telusur analyze`.
pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let mut builder = AnalyzerBuilder::new()
        .stemming(!args.no_stem)
        .stopwords(!args.no_stopwords && !args.words);
    if args.words {
        // One word's own terms: no joined compound terms.
        builder = builder.without_joined_compounds();
    }
    if let Some(path) = &args.lexicon {
        builder = builder.lexicon_file(path);
    }
    if let (Some(path), false) = (&args.stopwords, args.words) {
        builder = builder.stopwords_file(path);
    }
    let mut analyzer = builder.build()?;
    if args.words {
        words(&mut analyzer)?;
        return Ok(ExitCode::from(super::EXIT_OK));
    }

    let text = if args.text.is_empty() {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .context("reading text from stdin")?;
        text
    } else {
        args.text.join(" ")
    };

    let mut terms = Vec::new();
    let mut stream = analyzer.token_stream(&text);
    while let Some(token) = stream.next() {
        terms.push(token.clone());
    }
    drop(stream);

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.json {
        let doc = JsonOutput {
            text: &text,
            terms: terms
                .iter()
                .map(|t| JsonTerm {
                    term: &t.text,
                    position: t.position,
                    offset_from: t.offset_from,
                    offset_to: t.offset_to,
                    source: text.get(t.offset_from..t.offset_to).unwrap_or(""),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        let term_width = terms
            .iter()
            .map(|t| t.text.chars().count())
            .max()
            .unwrap_or(0)
            .max(4);
        writeln!(
            out,
            "{:>4}  {:>11}  {:<term_width$}  text",
            "pos", "bytes", "term"
        )?;
        for t in &terms {
            let bytes = format!("{}..{}", t.offset_from, t.offset_to);
            let source = text.get(t.offset_from..t.offset_to).unwrap_or("");
            writeln!(
                out,
                "{:>4}  {:>11}  {:<term_width$}  {}",
                t.position, bytes, t.text, source
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::from(super::EXIT_OK))
}

/// The `--words` loop: one line in, one line out; a line that is not UTF-8 is read with
/// replacement characters and reported on stderr (the first few by number), never the end of
/// the stream.
fn words(analyzer: &mut tantivy::tokenizer::TextAnalyzer) -> anyhow::Result<()> {
    const SHOWN: usize = 10;
    let stdin = io::stdin();
    let stdout = io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut reported = 0;
    let report = telusur::analysis::analyze_words(analyzer, stdin.lock(), out, |n| {
        reported += 1;
        if reported <= SHOWN {
            super::warn(format!(
                "line {n}: not UTF-8; read with replacement characters"
            ));
        }
    })
    .context("analysing words from stdin")?;
    if report.not_utf8 > 0 {
        super::warn(format!(
            "{} of {} lines were not UTF-8 (read with replacement characters)",
            report.not_utf8, report.lines
        ));
    }
    Ok(())
}
