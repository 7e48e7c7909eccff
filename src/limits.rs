//! The limits telusur enforces, in one place. Each is checked with a clear error (or, for one
//! input of a run, a reported and skipped input) before it can exhaust memory, the stack or
//! the process: a mistyped `--offset`, a pathological query, a device file named `x.jsonl`.
//!
//! | limit | value | what happens beyond it |
//! | --- | --- | --- |
//! | [`MAX_TEXT_BYTES`] | 50 MiB | a `.txt` article is skipped, with the reason |
//! | [`MAX_INPUT_BYTES`] | 4 GiB | a JSON Lines file (or stdin) is skipped, or stops being read, with the reason |
//! | `MAX_LINE_BYTES` | 16 MiB | a JSON Lines line is skipped without being held in memory |
//! | [`MAX_ID_BYTES`] | 512 bytes | an article with a longer explicit id is skipped |
//! | [`MAX_QUERY_BYTES`] | 16 KiB | the search is refused |
//! | [`MAX_QUERY_DEPTH`] | 32 | the search is refused (deeper parentheses) |
//! | [`MAX_LIMIT`] | 10,000 | the search is refused (page size) |
//! | [`MAX_OFFSET`] | 100,000 | the search is refused (hits skipped) |
//! | [`MAX_BATCH_LINE_BYTES`] | 1 MiB | that request line of `search --batch` fails, the others run |
//! | [`MAX_PROBLEM_REASONS`], [`PROBLEM_EXAMPLES`] | 100, 10 | further problems are only counted |
//!
//! ```
//! use telusur::{limits, Engine, SearchRequest};
//! let engine = Engine::in_memory()?;
//! let deep = format!("{}teroris{}", "(".repeat(3000), ")".repeat(3000));
//! let err = engine.search(&SearchRequest::new(deep)).unwrap_err();
//! assert!(err.to_string().contains("nested"));
//! let err = engine.search(&SearchRequest::new("").offset(limits::MAX_OFFSET + 1)).unwrap_err();
//! assert!(err.to_string().contains("offset"));
//! # Ok::<(), telusur::Error>(())
//! ```

/// The largest `.txt` article read (bytes). A scraped news page is a few kilobytes: anything
/// this big is not one article.
pub const MAX_TEXT_BYTES: u64 = 50 * 1024 * 1024;

/// The largest single input read (bytes): a JSON Lines file, or standard input. JSON Lines
/// are streamed, so this bounds time rather than memory: it stops a device or an endless
/// stream (`/dev/urandom` named `x.jsonl`) from being read forever.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// The longest JSON Lines line read (bytes); longer lines are reported and skipped.
pub(crate) const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// The longest explicit article id (bytes, after trimming). tantivy cannot index a term over
/// 65,530 bytes (such an id would never be found again, and every re-index would add another
/// copy); ids are keys, not text, so the limit is far below that.
pub const MAX_ID_BYTES: usize = 512;

/// The longest query text (bytes).
pub const MAX_QUERY_BYTES: usize = 16 * 1024;

/// The deepest nesting of parentheses in a query. The query parser recurses once per level:
/// thousands of levels overflow the stack and abort the process.
pub const MAX_QUERY_DEPTH: usize = 32;

/// The largest page a search may ask for (hits returned).
pub const MAX_LIMIT: usize = 10_000;

/// The most hits a search may skip (paging). The collector keeps `offset + limit` hits in
/// memory: an unchecked offset of a billion asked for 48 GB.
pub const MAX_OFFSET: usize = 100_000;

/// The longest request line of a `search --batch` input (bytes).
pub const MAX_BATCH_LINE_BYTES: usize = 1024 * 1024;

/// The most distinct problem reasons a run keeps (see [`crate::ingest::Problems`]); problems
/// of further reasons are counted, not kept.
pub const MAX_PROBLEM_REASONS: usize = 100;

/// Examples (file and line) kept per problem reason; the others are counted.
pub const PROBLEM_EXAMPLES: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_consistent() {
        const { assert!(MAX_ID_BYTES < 65_530) };
        const { assert!((MAX_LINE_BYTES as u64) < MAX_INPUT_BYTES) };
        const { assert!(MAX_QUERY_BYTES < MAX_BATCH_LINE_BYTES) };
        const { assert!(MAX_TEXT_BYTES < MAX_INPUT_BYTES) };
    }
}
