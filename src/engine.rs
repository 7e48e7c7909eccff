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

// ---------------------------------------------------------------------------------------------
// TEMPORARY (search branch): minimal `open` and `from_index` so that search, its CLI and its
// tests can run before the index work lands. At merge, keep the index branch's versions of
// `open`; `from_index` is used by tests/search.rs and benches/query.rs to wrap an in-RAM index.
// ---------------------------------------------------------------------------------------------
impl Engine {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: impl AsRef<Path>) -> crate::Result<Engine> {
        let dir = dir.as_ref();
        if !dir.join("meta.json").exists() {
            return Err(crate::Error::NoIndex(dir.to_path_buf()));
        }
        let index = Index::open_in_dir(dir)?;
        let mut engine = Engine::from_index(index)?;
        engine.dir = Some(dir.to_path_buf());
        Ok(engine)
    }

    /// Wraps an existing tantivy index made with [`crate::index::schema`] (for example an
    /// in-RAM one): registers the Indonesian analyzer and opens a reader.
    pub fn from_index(index: Index) -> crate::Result<Engine> {
        crate::analysis::register(&index);
        let fields = crate::index::fields_of(&index.schema())?;
        let reader = index.reader()?;
        Ok(Engine {
            index,
            reader,
            fields,
            dir: None,
        })
    }
}
