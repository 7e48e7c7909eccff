//! Per-segment facet tables: each facet column of a segment read once into plain arrays of
//! small bucket numbers, so that counting and filtering a matching document costs a few array
//! reads instead of a column decode per facet collector.
//!
//! A segment is immutable, so its table is built the first time a search with facets meets
//! the segment and kept (keyed by segment id) until the segment leaves the index. At 100k
//! articles a table takes ~1 MB and is built in a few milliseconds.
//!
//! Buckets are the values a facet is counted by: the country (`/asia/south-eastern-asia/PH`
//! → `PH`), the year (`/2022/09` → `2022`), the publisher, the organisation. Region totals
//! come from each country bucket's region.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::SegmentReader;

/// "No value" in a single-valued column.
pub(crate) const NONE: u16 = u16::MAX;

/// The documents' bucket numbers of one facet dimension in one segment.
pub(crate) enum Column {
    /// At most one value per document (`NONE` for none): year, publisher.
    Single(Vec<u16>),
    /// Any number of values per document: document `d` has `values[offsets[d]..offsets[d+1]]`.
    Multi { offsets: Vec<u32>, values: Vec<u16> },
}

impl Column {
    /// The buckets of document `doc`.
    #[inline]
    pub fn get(&self, doc: u32) -> &[u16] {
        match self {
            Column::Single(v) => {
                let slot = &v[doc as usize..doc as usize + 1];
                if slot[0] == NONE {
                    &[]
                } else {
                    slot
                }
            }
            Column::Multi { offsets, values } => {
                let d = doc as usize;
                &values[offsets[d] as usize..offsets[d + 1] as usize]
            }
        }
    }
}

/// One facet dimension of a segment: the documents' buckets, and for each bucket its key
/// (what the facet counts show) and the facet paths of the values folded into it.
pub(crate) struct Dimension {
    /// Per-document bucket numbers.
    pub column: Column,
    /// Bucket number → key (`PH`, `2022`, `ANTARA`).
    pub keys: Vec<String>,
    /// Bucket number → full facet path of the bucket (`/asia/south-eastern-asia/PH`), for
    /// filters that name a region or a country.
    pub paths: Vec<Facet>,
}

impl Dimension {
    /// Reads facet field `field` of `reader`, bucketing each value by its first `depth`
    /// levels (`usize::MAX`: the whole path).
    fn read(reader: &SegmentReader, field: &str, depth: usize) -> tantivy::Result<Dimension> {
        let Some(facets) = reader.fast_fields().str(field)? else {
            return Err(tantivy::TantivyError::SchemaError(format!(
                "facet field `{field}` has no column"
            )));
        };
        // Dictionary ordinal → bucket: values that share their first `depth` levels share a
        // bucket; the dictionary is sorted, so equal prefixes are neighbours.
        let mut ord_bucket: Vec<u16> = Vec::with_capacity(facets.num_terms());
        let mut keys: Vec<String> = Vec::new();
        let mut paths: Vec<Facet> = Vec::new();
        let mut stream = facets.dictionary().stream()?;
        while stream.advance() {
            let encoded = stream.key();
            let end = encoded
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == 0)
                .nth(depth.saturating_sub(1))
                .map_or(encoded.len(), |(i, _)| i);
            let prefix = Facet::from_encoded(encoded[..end].to_vec())
                .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
            let bucket = match paths.last() {
                Some(last) if *last == prefix => paths.len() - 1,
                _ => {
                    keys.push(prefix.to_path().last().copied().unwrap_or("").to_string());
                    paths.push(prefix);
                    paths.len() - 1
                }
            };
            ord_bucket.push(u16::try_from(bucket).unwrap_or(NONE - 1));
        }

        let ords = facets.ords();
        let num_docs = reader.max_doc();
        let values: Vec<u64> = ords.values.iter().collect();
        let multi = (0..num_docs).any(|d| ords.index.value_row_ids(d).len() > 1);
        let column = if multi {
            let mut offsets = Vec::with_capacity(num_docs as usize + 1);
            let mut out = Vec::with_capacity(values.len());
            offsets.push(0u32);
            for doc in 0..num_docs {
                let rows = ords.index.value_row_ids(doc);
                let start = out.len();
                for &ord in &values[rows.start as usize..rows.end as usize] {
                    let b = ord_bucket[ord as usize];
                    // Two values in the same bucket (`/2022/03`, `/2022/04`) count once.
                    if !out[start..].contains(&b) {
                        out.push(b);
                    }
                }
                offsets.push(out.len() as u32);
            }
            Column::Multi {
                offsets,
                values: out,
            }
        } else {
            Column::Single(
                (0..num_docs)
                    .map(|doc| {
                        let rows = ords.index.value_row_ids(doc);
                        if rows.is_empty() {
                            NONE
                        } else {
                            ord_bucket[values[rows.start as usize] as usize]
                        }
                    })
                    .collect(),
            )
        };
        Ok(Dimension {
            column,
            keys,
            paths,
        })
    }

    /// Which buckets fall under any of `facets` (a facet covers itself and its descendants).
    pub fn allowed(&self, facets: &[Facet]) -> Vec<bool> {
        self.paths
            .iter()
            .map(|p| facets.iter().any(|f| f.is_prefix_of(p) || f == p))
            .collect()
    }
}

/// The facet table of one segment.
pub(crate) struct SegmentFacets {
    /// Partner countries, bucketed by country.
    pub country: Dimension,
    /// Country bucket → region bucket (an index into `region_keys`).
    pub region_of: Vec<u16>,
    /// Region keys (`asia`, `europe`, ...).
    pub region_keys: Vec<String>,
    /// Publication year.
    pub year: Dimension,
    /// Publisher.
    pub source: Dimension,
    /// Partner organisations.
    pub org: Dimension,
}

/// The names of the facet fields a table is read from.
#[derive(Clone, Copy)]
pub(crate) struct FieldNames<'a> {
    pub country: &'a str,
    pub year: &'a str,
    pub source: &'a str,
    pub org: &'a str,
}

impl SegmentFacets {
    fn read(reader: &SegmentReader, names: &FieldNames<'_>) -> tantivy::Result<SegmentFacets> {
        let country = Dimension::read(reader, names.country, usize::MAX)?;
        let mut region_keys: Vec<String> = Vec::new();
        let region_of = country
            .paths
            .iter()
            .map(|p| {
                let region = p.to_path().first().copied().unwrap_or("").to_string();
                let i = match region_keys.iter().position(|r| *r == region) {
                    Some(i) => i,
                    None => {
                        region_keys.push(region);
                        region_keys.len() - 1
                    }
                };
                i as u16
            })
            .collect();
        Ok(SegmentFacets {
            country,
            region_of,
            region_keys,
            year: Dimension::read(reader, names.year, 1)?,
            source: Dimension::read(reader, names.source, 1)?,
            org: Dimension::read(reader, names.org, 1)?,
        })
    }
}

/// The tables of the segments searched so far, shared by the searches of an engine.
#[derive(Default)]
pub(crate) struct FacetTables {
    tables: Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetTables {
    /// The table of `reader`'s segment, read now if it is not cached.
    pub fn get(
        &self,
        reader: &SegmentReader,
        names: &FieldNames<'_>,
    ) -> tantivy::Result<Arc<SegmentFacets>> {
        let id = reader.segment_id();
        if let Some(t) = self.lock().get(&id) {
            return Ok(Arc::clone(t));
        }
        // Read outside the lock: segments are read in parallel by the search threads.
        let table = Arc::new(SegmentFacets::read(reader, names)?);
        self.lock().insert(id, Arc::clone(&table));
        Ok(table)
    }

    /// Drops the tables of segments not in `live` (merged away or deleted).
    pub fn retain(&self, live: &[SegmentId]) {
        self.lock().retain(|id, _| live.contains(id));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentFacets>>> {
        // A panic while holding the lock leaves a usable map (entries are inserted whole).
        self.tables.lock().unwrap_or_else(|e| e.into_inner())
    }
}
