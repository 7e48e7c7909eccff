//! [`Engine`]: one telusur index, opened for indexing and searching.
//!
//! Skeleton: the index work fills in creation, opening and indexing; the search work adds
//! `Engine::search` in `search.rs`.

use std::path::{Path, PathBuf};

use tantivy::{Index, IndexReader};

use crate::index::Fields;

/// A telusur index, ready to search (and to index into).
pub struct Engine {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) dir: Option<PathBuf>,
}

impl Engine {
    /// The directory the index lives in (`None` for an in-memory index).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}
