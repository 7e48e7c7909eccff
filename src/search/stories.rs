//! Searching by story (see [`crate::dedup`]): one hit per story (`collapse`), and facet
//! counts of stories instead of articles ([`CountUnit::Stories`]).
//!
//! Both run apart from the fast paths of `faceted` and `conjunction`, which stay as they are
//! for the searches that ask for neither:
//! - collapse: the matches meeting every filter are grouped by their story (a fast field)
//!   in the same collection pass as the total and the facets; each story's best-ranked
//!   copy stands for it, and the page is a page of stories;
//! - stories counted: one more pass over the matches (the query without its facet
//!   filters) notes, per dimension, the (story, value) pairs of the matches that meet every
//!   filter but the dimension's own, from the same per-segment facet tables: a story counts
//!   once for a value when any of its matching copies has it.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::EnableScoring;
use tantivy::{DateTime, DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use super::facet_table::{split, Dimension, FacetTables, FieldNames, SegmentFacets, PAIRED};
use super::faceted::{FacetFilters, RawCounts};
use super::request::Resolved;
use super::{Found, Hit, Parts, Pass, SearchRequest, Sort};
use crate::dedup::{story_hex, CountUnit};
use crate::engine::Engine;
use crate::Result;

/// The most other copies listed with a collapsed hit.
pub(crate) const OTHER_COPIES_MAX: usize = 10;

/// Another copy of a collapsed hit's story that matched the search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherCopy {
    /// Its article id.
    pub id: String,
    /// Its publisher.
    pub source: Option<String>,
    /// Its URL.
    pub url: Option<String>,
}

/// What a collapsed search found besides the page: matching articles, and each page
/// story's copies (the best-ranked first).
#[derive(Debug, Default)]
pub(crate) struct Collapsed {
    /// Matching articles (the total counts stories).
    pub articles: usize,
    /// Per hit of the page: every matching copy, the shown one first.
    pub copies: Vec<Vec<DocAddress>>,
}

/// One story's matches in a collection: the best copy's rank key and address, and all.
#[derive(Debug, Clone)]
struct Group {
    key: u64,
    best: DocAddress,
    members: Vec<DocAddress>,
}

impl Group {
    fn better(key: u64, addr: DocAddress, than: (u64, DocAddress)) -> bool {
        key > than.0 || (key == than.0 && addr < than.1)
    }

    fn absorb(&mut self, other: Group) {
        if Group::better(other.key, other.best, (self.key, self.best)) {
            self.key = other.key;
            self.best = other.best;
        }
        self.members.extend(other.members);
    }
}

/// A rank key where bigger is better: a score, or a date (newest or oldest first; no date
/// last).
fn score_key(score: Score) -> u64 {
    let bits = score.to_bits();
    // Total order of floats as unsigned integers.
    u64::from(if bits >> 31 == 0 {
        bits | 0x8000_0000
    } else {
        !bits
    })
}

fn date_key(date: Option<DateTime>, newest: bool) -> u64 {
    match date {
        None => 0,
        Some(d) => {
            let t = (d.into_timestamp_secs() as u64) ^ (1 << 63);
            // 0 is kept for "no date".
            if newest {
                t.max(1)
            } else {
                (!t).max(1)
            }
        }
    }
}

/// Groups the matches by story: see the module docs.
struct Collapse<'a> {
    story: &'a str,
    published: &'a str,
    sort: Sort,
}

struct CollapseSegment {
    ord: SegmentOrdinal,
    stories: Column<u64>,
    dates: Option<Column<DateTime>>,
    newest: bool,
    groups: FxHashMap<u64, Group>,
}

impl Collector for Collapse<'_> {
    type Fruit = FxHashMap<u64, Group>;
    type Child = CollapseSegment;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<CollapseSegment> {
        Ok(CollapseSegment {
            ord,
            stories: reader.fast_fields().u64(self.story)?,
            dates: match self.sort {
                Sort::Relevance => None,
                _ => Some(reader.fast_fields().date(self.published)?),
            },
            newest: self.sort == Sort::Newest,
            groups: FxHashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.sort == Sort::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<FxHashMap<u64, Group>>) -> tantivy::Result<Self::Fruit> {
        let mut all: FxHashMap<u64, Group> = FxHashMap::default();
        for fruit in fruits {
            for (story, g) in fruit {
                match all.get_mut(&story) {
                    Some(have) => have.absorb(g),
                    None => {
                        all.insert(story, g);
                    }
                }
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for CollapseSegment {
    type Fruit = FxHashMap<u64, Group>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let key = match &self.dates {
            None => score_key(score),
            Some(dates) => date_key(dates.first(doc), self.newest),
        };
        let addr = DocAddress::new(self.ord, doc);
        // A document without a story (none in an index that has story ids) is its own.
        let story = self
            .stories
            .first(doc)
            .unwrap_or(u64::MAX - ((u64::from(self.ord) << 32) | u64::from(doc)));
        match self.groups.get_mut(&story) {
            Some(g) => {
                if Group::better(key, addr, (g.key, g.best)) {
                    g.key = key;
                    g.best = addr;
                }
                g.members.push(addr);
            }
            None => {
                self.groups.insert(
                    story,
                    Group {
                        key,
                        best: addr,
                        members: vec![addr],
                    },
                );
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.groups
    }
}

impl Engine {
    /// One collection pass, by story when the request asks for it (see the module docs).
    pub(super) fn collect(
        &self,
        req: &SearchRequest,
        resolved: &Resolved,
        searcher: &Searcher,
        parts: &Parts,
        by_words: bool,
    ) -> Result<Found> {
        if !req.collapse && req.count == CountUnit::Articles {
            return self.collect_page(req, resolved, searcher, parts, by_words);
        }
        let Some(story) = self.fields.story else {
            return Err(crate::dedup::no_story_ids());
        };
        let mut found = if req.collapse {
            self.collect_collapsed(req, resolved, searcher, parts)?
        } else {
            self.collect_page(req, resolved, searcher, parts, by_words)?
        };
        if req.count == CountUnit::Stories && req.facets {
            let schema = self.index.schema();
            let (raw, _) = self.story_facets(searcher, parts, schema.get_field_name(story))?;
            found.raw = Some(raw);
        }
        Ok(found)
    }

    fn names<'s>(&self, schema: &'s tantivy::schema::Schema) -> FieldNames<'s> {
        let f = &self.fields;
        FieldNames {
            country: schema.get_field_name(f.country),
            year: schema.get_field_name(f.year),
            source: schema.get_field_name(f.source),
            org: schema.get_field_name(f.org),
        }
    }

    fn live_tables(&self, searcher: &Searcher) -> &FacetTables {
        let live: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        self.facet_tables.retain(&live);
        &self.facet_tables
    }

    /// The page of stories, the number of stories (the total), the matching articles, and
    /// the facets (of articles) when asked.
    fn collect_collapsed(
        &self,
        req: &SearchRequest,
        resolved: &Resolved,
        searcher: &Searcher,
        parts: &Parts,
    ) -> Result<Found> {
        let schema = self.index.schema();
        let f = &self.fields;
        let story = f.story.ok_or_else(crate::dedup::no_story_ids)?;
        let pass = Pass {
            searcher,
            workers: &self.workers,
            parts,
            words: None,
            top: req.offset + req.limit.max(1),
            count_facets: req.facets,
            facets: req
                .facets
                .then(|| (self.live_tables(searcher), self.names(&schema))),
        };
        let collapse = Collapse {
            story: schema.get_field_name(story),
            published: schema.get_field_name(f.published),
            sort: resolved.sort,
        };
        let (groups, articles, raw) = pass.run(collapse)?;
        let total = groups.len();
        let mut groups: Vec<Group> = groups.into_values().collect();
        groups.sort_unstable_by(|a, b| b.key.cmp(&a.key).then(a.best.cmp(&b.best)));
        let mut page = Vec::new();
        let mut copies = Vec::new();
        for g in groups.into_iter().skip(req.offset).take(req.limit) {
            let score = (resolved.sort == Sort::Relevance).then(|| {
                let bits = g.key as u32;
                f32::from_bits(if bits >> 31 == 1 {
                    bits & 0x7fff_ffff
                } else {
                    !bits
                })
            });
            page.push((score, g.best));
            let mut members = g.members;
            members.sort_unstable();
            members.retain(|&a| a != g.best);
            members.insert(0, g.best);
            copies.push(members);
        }
        Ok(Found {
            page,
            total,
            raw,
            stories: Some(Collapsed { articles, copies }),
        })
    }

    /// Fills the hits' `copies` and `other_copies` from a collapsed search.
    pub(super) fn annotate_copies(
        &self,
        searcher: &Searcher,
        hits: &mut [Hit],
        collapsed: &Collapsed,
    ) -> Result<()> {
        use tantivy::schema::Value;
        let f = &self.fields;
        for (hit, members) in hits.iter_mut().zip(&collapsed.copies) {
            hit.copies = Some(members.len());
            hit.other_copies = Vec::new();
            for &addr in members.iter().skip(1).take(OTHER_COPIES_MAX) {
                let doc: tantivy::TantivyDocument = searcher.doc(addr)?;
                let text = |field| {
                    doc.get_first(field)
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                };
                hit.other_copies.push(OtherCopy {
                    id: text(f.id).unwrap_or_default(),
                    source: doc
                        .get_first(f.source)
                        .and_then(|v| v.as_facet())
                        .map(|s| crate::index::facet_leaf(s).to_string()),
                    url: text(f.url),
                });
            }
        }
        Ok(())
    }

    /// Facet counts of stories and the number of stories meeting every filter: one pass
    /// over the matches of the text query (see the module docs).
    fn story_facets(
        &self,
        searcher: &Searcher,
        parts: &Parts,
        story_name: &str,
    ) -> Result<(RawCounts, usize)> {
        let schema = self.index.schema();
        let collector = StoryFacets {
            tables: self.live_tables(searcher),
            names: self.names(&schema),
            filters: &parts.facet_filters,
            story: story_name,
        };
        let query = parts.assemble(false);
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let segments: Vec<_> = searcher.segment_readers().iter().enumerate().collect();
        let fruits = self.workers.map_with(
            &segments,
            || (),
            |_, &(ord, reader)| collector.collect_segment(&*weight, ord as u32, reader),
        );
        let fruits = fruits.into_iter().collect::<tantivy::Result<Vec<_>>>()?;
        let (by_key, total) = collector.merge_fruits(fruits)?;
        let [countries, years, sources, orgs, regions] =
            by_key.map(|m| m.into_iter().map(|(k, s)| (k, s.len() as u64)).collect());
        Ok((
            RawCounts {
                countries,
                regions,
                years,
                sources,
                orgs,
            },
            total,
        ))
    }
}

/// Per dimension (country, year, source, org, then regions): value → stories.
type StorySets = [FxHashMap<String, FxHashSet<u64>>; 5];

/// Counts stories by facet value: see the module docs.
struct StoryFacets<'a> {
    tables: &'a FacetTables,
    names: FieldNames<'a>,
    filters: &'a FacetFilters,
    story: &'a str,
}

/// The segment side of [`StoryFacets`]: the matches that fail at most one filter, with
/// their story, facet pair numbers and failed filters.
struct StoryFacetsSegment {
    table: Arc<SegmentFacets>,
    stories: Column<u64>,
    fails: [Vec<u8>; 2],
    matches: Vec<(u64, u32, u8)>,
}

/// The index of a dimension in [`StorySets`] (that of `facet_table`'s constants) and the
/// index of the regions.
const REGIONS: usize = 4;

fn years_allowed(dim: &Dimension, lo: i64, hi: i64) -> Vec<bool> {
    dim.sets_with(|b| {
        dim.keys[b as usize]
            .parse::<i64>()
            .is_ok_and(|y| lo <= y && y <= hi)
    })
}

impl Collector for StoryFacets<'_> {
    type Fruit = (StorySets, usize);
    type Child = StoryFacetsSegment;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<StoryFacetsSegment> {
        let table = self.tables.get(reader, &self.names)?;
        let f = self.filters;
        let allow = [
            f.countries.as_deref().map(|c| table.country.allowed(c)),
            f.years.map(|(lo, hi)| years_allowed(&table.year, lo, hi)),
            f.source.as_deref().map(|s| table.source.allowed(s)),
            f.orgs.as_deref().map(|o| table.org.allowed(o)),
        ];
        let fails = std::array::from_fn(|p| {
            let [x, y] = PAIRED[p];
            let fail = |d: usize, set: u32| match &allow[d] {
                Some(allowed) if !allowed[set as usize] => 1u8 << d,
                _ => 0,
            };
            table.pairs[p]
                .iter()
                .map(|&[sx, sy]| fail(x, sx) | fail(y, sy))
                .collect()
        });
        Ok(StoryFacetsSegment {
            stories: reader.fast_fields().u64(self.story)?,
            table,
            fails,
            matches: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<(StorySets, usize)>) -> tantivy::Result<Self::Fruit> {
        let mut all: StorySets = Default::default();
        let mut total: FxHashSet<u64> = FxHashSet::default();
        for (sets, _) in fruits {
            for (into, from) in all.iter_mut().zip(sets) {
                for (key, stories) in from {
                    if key.is_empty() {
                        // The segment's stories that met every filter.
                        total.extend(stories);
                    } else {
                        into.entry(key).or_default().extend(stories);
                    }
                }
            }
        }
        Ok((all, total.len()))
    }
}

impl SegmentCollector for StoryFacetsSegment {
    type Fruit = (StorySets, usize);

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(&row) = self.table.rows.get(doc as usize) else {
            return;
        };
        let [a, b] = split(row, self.table.shift);
        let failed =
            self.fails[0].get(a).copied().unwrap_or(0) | self.fails[1].get(b).copied().unwrap_or(0);
        if failed & failed.wrapping_sub(1) != 0 {
            return; // two filters or more
        }
        let story = self.stories.first(doc).unwrap_or(u64::MAX - u64::from(doc));
        self.matches.push((story, row, failed));
    }

    fn harvest(self) -> Self::Fruit {
        let t = &self.table;
        let dims = t.dims();
        let mut out: StorySets = Default::default();
        let mut passed: FxHashSet<u64> = FxHashSet::default();
        for &(story, row, failed) in &self.matches {
            if failed == 0 {
                passed.insert(story);
            }
            let pair_nums = split(row, t.shift);
            for (p, &[x, y]) in PAIRED.iter().enumerate() {
                let Some(&[sx, sy]) = t.pairs[p].get(pair_nums[p]) else {
                    continue;
                };
                for (d, set) in [(x, sx), (y, sy)] {
                    if failed & !(1u8 << d) != 0 {
                        continue; // fails another dimension's filter
                    }
                    for &bucket in dims[d].sets.get(set as usize) {
                        out[d]
                            .entry(dims[d].keys[bucket as usize].clone())
                            .or_default()
                            .insert(story);
                    }
                    if d == super::facet_table::COUNTRY {
                        for &r in &t.country_set_regions[set as usize] {
                            out[REGIONS]
                                .entry(t.region_keys[r as usize].clone())
                                .or_default()
                                .insert(story);
                        }
                    }
                }
            }
        }
        // The stories meeting every filter, under the empty key of the first dimension.
        out[0].entry(String::new()).or_default().extend(passed);
        (out, 0)
    }
}

/// The story id of a stored document, as printed.
pub(crate) fn story_of(f: &crate::index::Fields, doc: &tantivy::TantivyDocument) -> Option<String> {
    use tantivy::schema::Value;
    f.story
        .and_then(|field| doc.get_first(field))
        .and_then(|v| v.as_u64())
        .map(story_hex)
}
