//! telusur: full-text search over Indonesian-language counterterrorism news.
//!
//! Index three articles in a temporary directory, search them with a country filter, and read
//! the facet counts:
//!
//! ```
//! use telusur::{Article, Engine, IndexOptions, Metadata, SearchRequest};
//!
//! # fn main() -> telusur::Result<()> {
//! let dir = tempfile::tempdir().map_err(|e| telusur::Error::io("tempdir", e))?;
//! let engine = Engine::create(dir.path())?;
//! let article = |id: &str, title: &str, body: &str, partner: &str, year: i32| Article {
//!     id: id.to_string(),
//!     body: body.to_string(),
//!     meta: Metadata {
//!         title: Some(title.to_string()),
//!         source: Some("ANTARA".into()),
//!         year: Some(year),
//!         partners: vec![partner.to_string()],
//!         ..Metadata::default()
//!     },
//!     ..Article::default()
//! };
//! engine.index_articles(
//!     [
//!         article("a", "BNPT dan Filipina perkuat kerja sama",
//!             "BNPT menggelar kelompok kerja bersama dengan Filipina untuk menanggulangi terorisme.", "PH", 2022),
//!         article("b", "Densus 88 dan polisi Malaysia bertukar data",
//!             "Kerjasama penanggulangan terorisme lintas batas dibahas di Kuala Lumpur.", "MY", 2023),
//!         article("c", "Pelatihan investigasi bersama Australia",
//!             "Penyidik Densus 88 mengikuti pelatihan forensik bersama polisi Australia.", "AU", 2021),
//!     ],
//!     &IndexOptions::default(),
//! )?;
//!
//! // "kerja sama" meets "kerjasama"; "menanggulangi" meets "penanggulangan".
//! let results = engine.search(&SearchRequest::new("kerja sama penanggulangan").facets(true))?;
//! assert_eq!(results.total, 2);
//!
//! // Filter by partner country, in any of its names: Filipina, Philippines, PH.
//! let ph = engine.search(&SearchRequest::new("kerja sama").country("Philippines").facets(true))?;
//! assert_eq!(ph.hits[0].id, "a");
//! // Country facets are disjunctive: they still show what Malaysia would give.
//! let facets = ph.facets.expect("facets were asked for");
//! let my = facets.countries.iter().find(|c| c.key == "MY").expect("MY counted");
//! assert_eq!((my.name.as_str(), my.count), ("Malaysia", 1));
//! # Ok(())
//! # }
//! ```
//!
//! Data flows one way: files → [`Article`]s → analysed tokens → index → query → results.
//! Every stage is usable alone:
//! - [`analysis`]: the Indonesian analyzer (tokenizer, stopwords, stemmer), registrable in any
//!   tantivy index under the name [`analysis::ANALYZER_NAME`];
//! - [`extract`]: metadata (title, source, date, partner countries and organisations) from
//!   scraped article text;
//! - [`ingest`]: files, directories and JSON Lines into [`Article`] values;
//! - `index` and `search`: the tantivy index and the query layer, behind [`Engine`];
//! - [`dedup`]: near-duplicate signatures and story ids: copies of one story (a release and
//!   its republications) are found at index time, collapsed and counted once at search time;
//! - `generate` (feature `generate`, on by default through `cli`): a deterministic synthetic
//!   corpus for demos, tests and benchmarks;
//! - [`trends`]: articles per year for each partner country, organisation or publisher;
//! - `serve` (feature `serve`, on by default): the HTTP API and the search page.
//!
//! Features: `cli` (default) builds the `telusur` command line and turns on `generate`;
//! `serve` (default) the HTTP server; `default-features = false` gives the engine alone,
//! without clap, indicatif, anyhow, axum or tokio.

#![warn(missing_docs)]

pub mod analysis;
mod article;
pub mod dedup;
mod engine;
mod error;
pub mod extract;
#[cfg(feature = "generate")]
pub mod generate;
mod index;
pub mod ingest;
pub mod limits;
mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod trends;

// The core API, each item at one path: the crate root.
pub use article::{stable_id, Article, Metadata};
pub use engine::Engine;
pub use error::{Error, Result};
pub use index::{IndexOptions, IndexReport, KeyCount, Progress, Stats};
pub use search::{
    BatchAnswer, FacetCount, Facets, Hit, MatchMode, OtherCopy, Relaxation, SearchRequest,
    SearchResults, Snippet, Sort, SNIPPET_MAX,
};
