//! The library's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in the library. Variants say what and where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory concerned.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// An input file (or one line of it) could not be used.
    #[error("{path}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Input {
        /// The file concerned.
        path: PathBuf,
        /// The 1-based line, for line-oriented formats.
        line: Option<usize>,
        /// Why the input was rejected.
        reason: String,
    },
    /// Another process holds the index writer lock.
    #[error("index at {0} is locked by another writer (is another `telusur index` running?)")]
    Locked(PathBuf),
    /// No index exists at the given location.
    #[error("no index at {0} (create one with `telusur index PATH... --index {0}`)")]
    NoIndex(PathBuf),
    /// A country name that no entry of the gazetteer knows.
    #[error("unknown country '{name}'{}", suggest_suffix(.suggestions))]
    UnknownCountry {
        /// The name as given.
        name: String,
        /// The closest known names.
        suggestions: Vec<String>,
    },
    /// An organisation name that no entry of the gazetteer knows.
    #[error("unknown organisation '{name}'{}", suggest_suffix(.suggestions))]
    UnknownOrg {
        /// The name as given.
        name: String,
        /// The closest known names.
        suggestions: Vec<String>,
    },
    /// A request that cannot be run as given (bad range, bad option value).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// A file of the analyzer's configuration (stopwords, lexicon) could not be read.
    #[error("{path}: {reason}")]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An error from tantivy.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// A JSON (de)serialisation error.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

fn suggest_suffix(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", suggestions.join(", "))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
