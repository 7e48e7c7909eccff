//! Files → [`Article`]s: scraped plain text (`.txt`) and JSON Lines (`.jsonl`, `.ndjson`).
//!
//! STUB (to be replaced by the ingest work). Per-file problems never stop a run: they are
//! returned as [`Problem`]s beside the articles that could be read.

pub mod jsonl;
pub mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::article::Article;

/// Why one input (a file, or one line of a JSON Lines file) was skipped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file (`-` for stdin).
    pub path: String,
    /// The 1-based line, for JSON Lines.
    pub line: Option<usize>,
    /// Why it was skipped, for humans.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

/// The articles read from one input, and what was skipped in it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles ready to index, in input order.
    pub articles: Vec<Article>,
    /// Lines or files that were skipped, with reasons.
    pub problems: Vec<Problem>,
}

/// One input to read: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// Expands paths (files, directories recursively, `-` for stdin) into inputs, sorted within each
/// directory. Paths that do not exist or have an unknown extension become problems.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_file() {
            inputs.push(Input::File(p.clone()));
        } else if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                files.sort();
                inputs.extend(files.into_iter().filter(|f| f.is_file()).map(Input::File));
            }
        } else {
            problems.push(Problem {
                path: p.display().to_string(),
                line: None,
                reason: "no such file or directory".into(),
            });
        }
    }
    (inputs, problems)
}

/// Reads one input into articles (extracting metadata), never failing as a whole.
pub fn load(input: &Input) -> Loaded {
    match input {
        Input::Stdin => Loaded::default(),
        Input::File(path) => load_file(path),
    }
}

fn load_file(path: &Path) -> Loaded {
    let mut out = Loaded::default();
    match std::fs::read_to_string(path) {
        Ok(raw) => {
            let ex = crate::extract::extract(&raw, None);
            out.articles.push(Article {
                id: crate::article::stable_id(None, &ex.body),
                path: Some(path.display().to_string()),
                url: None,
                body: ex.body,
                meta: ex.meta,
            });
        }
        Err(e) => out.problems.push(Problem {
            path: path.display().to_string(),
            line: None,
            reason: e.to_string(),
        }),
    }
    out
}
