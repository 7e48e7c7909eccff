//! A batch of searches, one JSON [`SearchRequest`] a line (`telusur search --batch`,
//! `POST /api/v1/search/batch`): each line gets its [`BatchAnswer`], and a bad line never
//! stops the others.

use serde::Serialize;

use super::{SearchRequest, SearchResults};
use crate::{Engine, Error};

/// The answer to one line of a batch: the results, or `{"line": N, "error": "…"}`.
///
/// ```
/// use telusur::BatchAnswer;
/// let engine = telusur::Engine::in_memory()?;
/// assert!(matches!(engine.search_line(1, r#"{"query": "teror"}"#), BatchAnswer::Results(_)));
/// let bad = engine.search_line(2, "not json");
/// assert!(serde_json::to_string(&bad)?.starts_with(r#"{"line":2,"error":"json: "#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum BatchAnswer {
    /// The search ran.
    Results(Box<SearchResults>),
    /// The line could not be read or run.
    Error {
        /// The 1-based line (or position) of the request.
        line: usize,
        /// What went wrong.
        error: String,
    },
}

impl BatchAnswer {
    /// The answer of a request that failed with `error`.
    pub fn error(line: usize, error: &Error) -> BatchAnswer {
        BatchAnswer::Error {
            line,
            error: error.to_string(),
        }
    }
}

impl Engine {
    /// Runs one request line of a batch: `text` is a JSON [`SearchRequest`], `line` its
    /// 1-based number (named in the answer when it fails).
    pub fn search_line(&self, line: usize, text: &str) -> BatchAnswer {
        match serde_json::from_str::<SearchRequest>(text)
            .map_err(Error::from)
            .and_then(|req| self.search(&req))
        {
            Ok(results) => BatchAnswer::Results(Box::new(results)),
            Err(e) => BatchAnswer::error(line, &e),
        }
    }
}
