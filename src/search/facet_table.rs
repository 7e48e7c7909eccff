//! Per-segment facet tables: each facet column of a segment read once into plain arrays, so
//! that counting and filtering a matching document costs one 16-byte read and four
//! increments instead of a column decode per facet collector.
//!
//! Each document's values in a dimension (its partner countries, say) form a set; the distinct
//! sets of a segment are few (hundreds of country combinations among 100k articles), so each
//! is numbered once and a document holds one set number per dimension ([`Row`]). A search
//! counts set numbers, and filters by a precomputed allow-list of sets; only the sets it met
//! are expanded into buckets when the counts are harvested.
//!
//! A segment is immutable, so its table is built the first time a search with facets meets
//! the segment and kept (keyed by segment id) until the segment leaves the index. At 100k
//! articles a table takes ~1.6 MB and is built in a few milliseconds.
//!
//! Buckets are the values a facet is counted by: the country (`/asia/south-eastern-asia/PH`
//! → `PH`), the year (`/2022/09` → `2022`), the publisher, the organisation. Region totals
//! come from each country bucket's region.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use tantivy::columnar::column_index::MultiValueIndex;
use tantivy::columnar::ColumnIndex;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::SegmentReader;

use rustc_hash::FxHashMap;

/// Distinct sets of buckets, numbered: set `i` is `values[offsets[i]..offsets[i + 1]]`.
/// Set 0 is the empty set (a document without a value).
pub(crate) struct Sets {
    offsets: Vec<u32>,
    values: Vec<u16>,
}

impl Sets {
    /// The buckets of set `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &[u16] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The number of sets.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }
}

/// Numbers the distinct bucket sets of one dimension as they are met. Most documents have
/// one value or none: those sets are found by index; only combinations are hashed.
struct Interner {
    sets: Sets,
    /// Bucket → the number of the set holding that bucket alone.
    singles: Vec<Option<u32>>,
    combinations: FxHashMap<Vec<u16>, u32>,
}

impl Interner {
    fn new(buckets: usize) -> Interner {
        Interner {
            sets: Sets {
                offsets: vec![0, 0],
                values: Vec::new(),
            },
            singles: vec![None; buckets],
            combinations: FxHashMap::default(),
        }
    }

    /// The number of `buckets` (distinct, in any order) as a set.
    fn intern(&mut self, buckets: &mut Vec<u16>) -> u32 {
        match buckets.as_slice() {
            [] => return 0,
            &[b] => {
                if let Some(id) = self.singles[b as usize] {
                    return id;
                }
            }
            _ => {
                buckets.sort_unstable();
                buckets.dedup();
                if let Some(&id) = self.combinations.get(buckets.as_slice()) {
                    return id;
                }
            }
        }
        let id = self.sets.len() as u32;
        self.sets.values.extend_from_slice(buckets);
        self.sets.offsets.push(self.sets.values.len() as u32);
        match buckets.as_slice() {
            &[b] => self.singles[b as usize] = Some(id),
            _ => {
                self.combinations.insert(buckets.clone(), id);
            }
        }
        id
    }
}

/// One facet dimension of a segment: for each bucket its key (what the facet counts show)
/// and the facet path it covers, the distinct bucket sets of the documents, and each
/// document's set.
pub(crate) struct Dimension {
    /// Bucket number → key (`PH`, `2022`, `ANTARA`).
    pub keys: Vec<String>,
    /// Bucket number → full facet path of the bucket (`/asia/south-eastern-asia/PH`), for
    /// filters that name a region or a country.
    pub paths: Vec<Facet>,
    /// The distinct bucket sets of the segment's documents.
    pub sets: Sets,
}

impl Dimension {
    /// Reads facet field `field` of `reader`, bucketing each value by its first `depth`
    /// levels (`usize::MAX`: the whole path); writes each document's set number to
    /// `rows[doc][dim]`.
    fn read(
        reader: &SegmentReader,
        field: &str,
        depth: usize,
        rows: &mut [Row],
        dim: usize,
    ) -> tantivy::Result<Dimension> {
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
            let bucket = u16::try_from(bucket).map_err(|_| {
                tantivy::TantivyError::InternalError(format!(
                    "facet field `{field}` has more than {} values in one segment",
                    u16::MAX
                ))
            })?;
            ord_bucket.push(bucket);
        }

        let ords = facets.ords();
        let values: Vec<u64> = ords.values.iter().collect();
        let mut interner = Interner::new(keys.len());
        let mut buckets = Vec::new();
        // Documents without a value keep set 0, the empty set.
        for_each_doc_rows(&ords.index, rows.len() as u32, |doc, ids| {
            buckets.clear();
            buckets.extend(
                values[ids.start as usize..ids.end as usize]
                    .iter()
                    .map(|&ord| ord_bucket[ord as usize]),
            );
            rows[doc as usize].0[dim] = interner.intern(&mut buckets);
        });
        Ok(Dimension {
            keys,
            paths,
            sets: interner.sets,
        })
    }

    /// Which sets have a bucket under any of `facets` (a facet covers itself and its
    /// descendants). The empty set never does.
    pub fn allowed(&self, facets: &[Facet]) -> Vec<bool> {
        let buckets: Vec<bool> = self
            .paths
            .iter()
            .map(|p| facets.iter().any(|f| f.is_prefix_of(p) || f == p))
            .collect();
        self.sets_with(|b| buckets[b as usize])
    }

    /// Which sets have a bucket for which `pred` holds.
    pub fn sets_with(&self, pred: impl Fn(u16) -> bool) -> Vec<bool> {
        (0..self.sets.len())
            .map(|i| self.sets.get(i).iter().any(|&b| pred(b)))
            .collect()
    }
}

/// Calls `f` with each document that has values and its range of value rows, in document
/// order. One sweep over the column index: looking documents up one by one costs a rank
/// computation each in the optional and multi-valued indexes.
fn for_each_doc_rows(index: &ColumnIndex, num_docs: u32, mut f: impl FnMut(u32, Range<u32>)) {
    match index {
        ColumnIndex::Empty { .. } => {}
        ColumnIndex::Full => (0..num_docs).for_each(|doc| f(doc, doc..doc + 1)),
        ColumnIndex::Optional(optional) => {
            for (rank, doc) in (0u32..).zip(optional.iter_non_null_docs()) {
                f(doc, rank..rank + 1);
            }
        }
        // Row starts by rank among the documents with values.
        ColumnIndex::Multivalued(multi @ MultiValueIndex::MultiValueIndexV2(_)) => {
            let starts = multi.get_start_index_column();
            for (rank, doc) in (0u32..).zip(multi.iter_non_null_docs()) {
                f(doc, starts.get_val(rank)..starts.get_val(rank + 1));
            }
        }
        // Row starts by document.
        ColumnIndex::Multivalued(multi @ MultiValueIndex::MultiValueIndexV1(_)) => {
            let starts = multi.get_start_index_column();
            for doc in 0..num_docs {
                let rows = starts.get_val(doc)..starts.get_val(doc + 1);
                if !rows.is_empty() {
                    f(doc, rows);
                }
            }
        }
    }
}

/// Dimension numbers: indexes into a [`Row`] and the per-dimension arrays of a search.
pub(crate) const COUNTRY: usize = 0;
/// See [`COUNTRY`].
pub(crate) const YEAR: usize = 1;
/// See [`COUNTRY`].
pub(crate) const SOURCE: usize = 2;
/// See [`COUNTRY`].
pub(crate) const ORG: usize = 3;

/// A document's set number in each dimension (see [`COUNTRY`]).
#[derive(Clone, Copy, Default)]
pub(crate) struct Row(pub [u32; 4]);

/// The facet table of one segment.
pub(crate) struct SegmentFacets {
    /// Partner countries, bucketed by country.
    pub country: Dimension,
    /// Publication year.
    pub year: Dimension,
    /// Publisher.
    pub source: Dimension,
    /// Partner organisations.
    pub org: Dimension,
    /// Per document, its set in each dimension.
    pub rows: Vec<Row>,
    /// Region keys (`asia`, `europe`, ...).
    pub region_keys: Vec<String>,
    /// Country set number → its distinct regions (indexes into `region_keys`): two partners
    /// in one region count the region once.
    pub country_set_regions: Vec<Vec<u16>>,
}

impl SegmentFacets {
    /// The dimensions in [`Row`] order.
    pub fn dims(&self) -> [&Dimension; 4] {
        [&self.country, &self.year, &self.source, &self.org]
    }
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
        let mut rows = vec![Row::default(); reader.max_doc() as usize];
        let country = Dimension::read(reader, names.country, usize::MAX, &mut rows, COUNTRY)?;
        let year = Dimension::read(reader, names.year, 1, &mut rows, YEAR)?;
        let source = Dimension::read(reader, names.source, 1, &mut rows, SOURCE)?;
        let org = Dimension::read(reader, names.org, 1, &mut rows, ORG)?;
        let mut region_keys: Vec<String> = Vec::new();
        let region_of: Vec<u16> = country
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
        let country_set_regions = (0..country.sets.len())
            .map(|i| {
                let mut regions: Vec<u16> = country
                    .sets
                    .get(i)
                    .iter()
                    .map(|&c| region_of[c as usize])
                    .collect();
                regions.sort_unstable();
                regions.dedup();
                regions
            })
            .collect();
        Ok(SegmentFacets {
            country,
            year,
            source,
            org,
            rows,
            region_keys,
            country_set_regions,
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
