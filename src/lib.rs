//! telusur: full-text search over Indonesian-language counterterrorism news.
//!
//! Data flows one way: files → [`Article`]s → analysed tokens → index → query → results.
//! Every stage is usable alone:
//! - [`analysis`]: the Indonesian analyzer (tokenizer, stopwords, stemmer), registrable in any
//!   tantivy index under the name [`analysis::ANALYZER_NAME`];
//! - [`extract`]: metadata (title, source, date, partner countries and organisations) from
//!   scraped article text;
//! - [`ingest`]: files, directories and JSON Lines into [`Article`] values;
//! - [`index`] and [`search`]: the tantivy index and the query layer, behind [`Engine`];
//! - [`generate`]: a deterministic synthetic corpus for demos, tests and benchmarks.

#![warn(missing_docs)]

pub mod analysis;
pub mod article;
pub mod engine;
pub mod error;
pub mod extract;
pub mod generate;
pub mod index;
pub mod ingest;
pub mod search;

pub use article::{Article, Metadata};
pub use engine::Engine;
pub use error::{Error, Result};
