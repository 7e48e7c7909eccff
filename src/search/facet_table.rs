//! Per-segment facet tables: each facet column of a segment read once into plain arrays, so
//! that counting and filtering a matching document costs one 4-byte read and two
//! increments instead of a column decode per facet collector.
//!
//! Each document's values in a dimension (its partner countries, say) form a set; the distinct
//! sets of a segment are few (hundreds of country combinations among 100k articles), so each
//! is numbered once. The dimensions are then paired — partner countries with organisations,
//! year with source — and the distinct pairs of set numbers numbered in turn (about 900 and
//! 180 in a segment of 25k generated articles, 1,800 and 180 in one of 200k): a document
//! holds its two pair numbers packed in one `u32` ([`SegmentFacets::rows`]). A search counts
//! pair numbers, and filters by a precomputed mask per pair; only the pairs it met are
//! expanded into sets, and sets into buckets, when the counts are harvested. (A row of four
//! set numbers, 16 bytes, made the table 1.6 MB at 100k articles: more than a core's L2
//! cache, and its reads were a quarter of a dense search.)
//!
//! The packing holds as long as the pairs of countries and organisations of a segment, times
//! the power of two above its pairs of year and source, stay below 2^32 (16 million with the
//! 180 pairs of year and source above); a segment beyond that cannot be faceted and its
//! searches fail with an error that says so.
//!
//! A segment is immutable, so its table is built the first time a search with facets meets
//! the segment and kept (keyed by segment id) until the segment leaves the index. At 100k
//! articles the tables take ~0.4 MB and are built in a few milliseconds.
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
    /// `sets[doc][dim]`.
    fn read(
        reader: &SegmentReader,
        field: &str,
        depth: usize,
        sets: &mut [[u32; 4]],
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
        for_each_doc_rows(&ords.index, sets.len() as u32, |doc, ids| {
            buckets.clear();
            buckets.extend(
                values[ids.start as usize..ids.end as usize]
                    .iter()
                    .map(|&ord| ord_bucket[ord as usize]),
            );
            sets[doc as usize][dim] = interner.intern(&mut buckets);
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

/// Dimension numbers: indexes into the per-dimension arrays of a search, and the bit
/// `1 << d` of dimension `d` in a failure mask.
pub(crate) const COUNTRY: usize = 0;
/// See [`COUNTRY`].
pub(crate) const YEAR: usize = 1;
/// See [`COUNTRY`].
pub(crate) const SOURCE: usize = 2;
/// See [`COUNTRY`].
pub(crate) const ORG: usize = 3;

/// The dimensions of each pair: pair 0 is (countries, organisations), pair 1 (year, source).
pub(crate) const PAIRED: [[usize; 2]; 2] = [[COUNTRY, ORG], [YEAR, SOURCE]];

/// The distinct pairs of set numbers of one pairing ([`PAIRED`]): pair `i` is the `i`-th, its
/// set numbers in the pairing's two dimensions.
pub(crate) type Pairs = Vec<[u32; 2]>;

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
    /// The distinct pairs of each pairing ([`PAIRED`]).
    pub pairs: [Pairs; 2],
    /// Per document, its number in pairing 0 shifted left by [`shift`](Self::shift), or-ed
    /// with its number in pairing 1: see [`split`].
    pub rows: Vec<u32>,
    /// The bits of a row that hold the number in pairing 1.
    pub shift: u32,
    /// Region keys: continents (`asia`, `europe`, ...) and sub-regions
    /// (`asia/south-eastern-asia`).
    pub region_keys: Vec<String>,
    /// Country set number → its distinct regions (indexes into `region_keys`): two partners
    /// in one region count the region once.
    pub country_set_regions: Vec<Vec<u16>>,
}

impl SegmentFacets {
    /// The dimensions in the order of [`COUNTRY`]...
    pub fn dims(&self) -> [&Dimension; 4] {
        [&self.country, &self.year, &self.source, &self.org]
    }
}

/// A row's numbers in pairing 0 and pairing 1, packed with `shift` (see
/// [`SegmentFacets::rows`]).
#[inline(always)]
pub(crate) fn split(row: u32, shift: u32) -> [usize; 2] {
    // (In 64 bits: the shift is 32 when pairing 1 fills the row.)
    let row = u64::from(row);
    [(row >> shift) as usize, (row & ((1 << shift) - 1)) as usize]
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
        let mut sets = vec![[0u32; 4]; reader.max_doc() as usize];
        let country = Dimension::read(reader, names.country, usize::MAX, &mut sets, COUNTRY)?;
        let year = Dimension::read(reader, names.year, 1, &mut sets, YEAR)?;
        let source = Dimension::read(reader, names.source, 1, &mut sets, SOURCE)?;
        let org = Dimension::read(reader, names.org, 1, &mut sets, ORG)?;
        let (pairs, rows, shift) = pack(&sets)?;
        // Each country counts for its continent (`asia`) and its sub-region
        // (`asia/south-eastern-asia`): the region facet drills down one level.
        let mut region_keys: Vec<String> = Vec::new();
        let mut key_index = |key: String| -> u16 {
            match region_keys.iter().position(|r| *r == key) {
                Some(i) => i as u16,
                None => {
                    region_keys.push(key);
                    (region_keys.len() - 1) as u16
                }
            }
        };
        let region_of: Vec<Vec<u16>> = country
            .paths
            .iter()
            .map(|p| {
                let path = p.to_path();
                let mut keys = Vec::with_capacity(2);
                if let Some(continent) = path.first().filter(|c| !c.is_empty()) {
                    keys.push(key_index(continent.to_string()));
                    if let Some(sub) = path.get(1).filter(|_| path.len() > 2) {
                        keys.push(key_index(format!("{continent}/{sub}")));
                    }
                }
                keys
            })
            .collect();
        let country_set_regions = (0..country.sets.len())
            .map(|i| {
                let mut regions: Vec<u16> = country
                    .sets
                    .get(i)
                    .iter()
                    .flat_map(|&c| region_of[c as usize].iter().copied())
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
            pairs,
            rows,
            shift,
            region_keys,
            country_set_regions,
        })
    }
}

/// Numbers the distinct pairs of set numbers in each pairing ([`PAIRED`]) and packs each
/// document's two pair numbers in one `u32`: the rows, and the shift of pairing 0.
fn pack(sets: &[[u32; 4]]) -> tantivy::Result<([Pairs; 2], Vec<u32>, u32)> {
    let mut numbers: Vec<[u32; 2]> = vec![[0; 2]; sets.len()];
    let pairs = [0, 1].map(|p| {
        let [x, y] = PAIRED[p];
        let mut seen: FxHashMap<[u32; 2], u32> = FxHashMap::default();
        let mut pairs = Vec::new();
        for (doc, s) in sets.iter().enumerate() {
            let key = [s[x], s[y]];
            numbers[doc][p] = *seen.entry(key).or_insert_with(|| {
                pairs.push(key);
                pairs.len() as u32 - 1
            });
        }
        pairs
    });
    // Bits for pairing 1's numbers; pairing 0's must fit in the rest.
    let shift = u32::BITS - (pairs[1].len().max(1) as u32 - 1).leading_zeros();
    let room = 1u64 << (u32::BITS - shift);
    if pairs[0].len() as u64 > room {
        return Err(tantivy::TantivyError::InternalError(format!(
            "facet table: {} combinations of partner countries and organisations and {} of \
             year and source in one segment do not fit in 32 bits",
            pairs[0].len(),
            pairs[1].len()
        )));
    }
    let rows = numbers
        .iter()
        .map(|&[a, b]| (u64::from(a) << shift | u64::from(b)) as u32)
        .collect();
    Ok((pairs, rows, shift))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_unpack_to_each_documents_sets() {
        // Documents over 7 country sets, 3 years, 2 sources and 5 organisation sets.
        let sets: Vec<[u32; 4]> = (0..300u32).map(|i| [i % 7, i % 3, i % 2, i % 5]).collect();
        let (pairs, rows, shift) = pack(&sets).expect("pack");
        assert_eq!(pairs[0].len(), 35);
        assert_eq!(pairs[1].len(), 6);
        // Six pairs of year and source take three bits.
        assert_eq!(shift, 3);
        for (s, &row) in sets.iter().zip(&rows) {
            let [a, b] = split(row, shift);
            assert_eq!(pairs[0][a], [s[COUNTRY], s[ORG]]);
            assert_eq!(pairs[1][b], [s[YEAR], s[SOURCE]]);
        }
    }

    #[test]
    fn one_pair_of_year_and_source_takes_no_bits() {
        let sets: Vec<[u32; 4]> = (0..10u32).map(|i| [i, 4, 2, 0]).collect();
        let (pairs, rows, shift) = pack(&sets).expect("pack");
        assert_eq!(shift, 0);
        assert_eq!(pairs[1], vec![[4, 2]]);
        for (i, &row) in rows.iter().enumerate() {
            assert_eq!(split(row, shift), [i, 0]);
        }
    }

    #[test]
    fn pairs_that_do_not_fit_in_a_row_are_an_error() {
        // 70,000 distinct pairs in each pairing: 17 bits each.
        let sets: Vec<[u32; 4]> = (0..70_000u32).map(|i| [i; 4]).collect();
        let err = pack(&sets).expect_err("too many pairs");
        assert!(err.to_string().contains("do not fit"), "{err}");
    }
}
