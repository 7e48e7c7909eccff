//! The tantivy index: schema, the article ⇄ document mapping, and the indexing pipeline
//! (parallel parsing into one writer, upsert by stable id, periodic commits).
//!
//! Most users go through [`Engine`](crate::Engine); this module holds the pieces it is built
//! from: [`schema`], [`IndexOptions`], [`IndexReport`], [`Progress`] and [`Stats`].

mod document;
mod schema;
mod stats;
#[cfg(test)]
mod tests;
mod writer;

pub(crate) use document::*;
pub(crate) use schema::*;
pub(crate) use stats::*;
pub use stats::{KeyCount, Stats};
pub(crate) use writer::*;
pub use writer::{IndexOptions, IndexReport, Progress};
