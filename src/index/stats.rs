//! Statistics of an index: documents, dates, years, partners, organisations, sources.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::schema::Facet;
use tantivy::Searcher;

use crate::extract::gazetteer;

use super::*;

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

/// One value of a facet or field with the number of documents that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyCount {
    /// The value: a country or organisation code, a source, a year.
    pub key: String,
    /// Its human name when it has one (`Filipina` for `PH`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Documents with this value.
    pub count: u64,
}

/// What an index holds: `telusur stats`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Documents (articles) in the index.
    pub documents: u64,
    /// Index segments (fewer is faster to search).
    pub segments: usize,
    /// Size of the index files on disk in bytes (0 in memory).
    pub size_bytes: u64,
    /// The earliest publication date.
    pub first_published: Option<NaiveDate>,
    /// The latest publication date.
    pub last_published: Option<NaiveDate>,
    /// Documents without a known year.
    pub undated: u64,
    /// Documents per year, oldest first.
    pub years: Vec<KeyCount>,
    /// Documents per partner country, most first.
    pub partners: Vec<KeyCount>,
    /// Documents per partner organisation, most first.
    pub orgs: Vec<KeyCount>,
    /// Documents per source, most first.
    pub sources: Vec<KeyCount>,
    /// Whether the index holds the built-in sample corpus: generated articles with fictional
    /// outlets, not real news (see [`Engine::is_sample`](crate::Engine::is_sample)).
    #[serde(default)]
    pub sample: bool,
    /// Distinct stories (near-duplicate clusters; `None` for an index without story ids).
    pub stories: Option<u64>,
    /// What the year, partner, organisation and source counts count: articles, or stories
    /// (`telusur stats --count stories`).
    pub count: crate::dedup::CountUnit,
}

/// Computes [`Stats`] over the live documents of a searcher.
pub(crate) fn stats(searcher: &Searcher, f: &Fields, dir: Option<&Path>) -> crate::Result<Stats> {
    let mut s = Stats {
        documents: searcher.num_docs(),
        segments: searcher.segment_readers().len(),
        size_bytes: dir.map_or(0, dir_size),
        ..Stats::default()
    };
    let schema = searcher.schema();
    let mut years: BTreeMap<i64, u64> = BTreeMap::new();
    let (mut first, mut last) = (None::<i64>, None::<i64>);
    let mut facets: [BTreeMap<String, u64>; 3] = Default::default();
    let facet_fields = [f.country, f.org, f.source];
    for seg in searcher.segment_readers() {
        let dates = seg.fast_fields().date("published")?;
        let year_col = seg.fast_fields().i64("year_num")?;
        let readers = facet_fields
            .iter()
            .map(|&field| seg.facet_reader(schema.get_field_name(field)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let mut ord_counts: Vec<Vec<u64>> =
            readers.iter().map(|r| vec![0; r.num_facets()]).collect();
        for doc in seg.doc_ids_alive() {
            if let Some(d) = dates.first(doc) {
                let secs = d.into_timestamp_secs();
                first = Some(first.map_or(secs, |x| x.min(secs)));
                last = Some(last.map_or(secs, |x| x.max(secs)));
            }
            match year_col.first(doc) {
                Some(y) => *years.entry(y).or_default() += 1,
                None => s.undated += 1,
            }
            for (reader, counts) in readers.iter().zip(ord_counts.iter_mut()) {
                for ord in reader.facet_ords(doc) {
                    if let Some(c) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                        *c += 1;
                    }
                }
            }
        }
        let mut facet = Facet::root();
        for ((reader, counts), out) in readers.iter().zip(&ord_counts).zip(facets.iter_mut()) {
            for (ord, &n) in counts.iter().enumerate() {
                if n > 0 {
                    reader.facet_from_ord(ord as u64, &mut facet)?;
                    *out.entry(facet_leaf(facet.encoded_str()).to_string())
                        .or_default() += n;
                }
            }
        }
    }
    let to_date = |secs: i64| chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive());
    s.first_published = first.and_then(to_date);
    s.last_published = last.and_then(to_date);
    s.years = years
        .into_iter()
        .map(|(y, count)| KeyCount {
            key: y.to_string(),
            name: None,
            count,
        })
        .collect();
    let [countries, orgs, sources] = facets;
    let ranked = |m: BTreeMap<String, u64>, name: &dyn Fn(&str) -> Option<String>| {
        let mut v: Vec<KeyCount> = m
            .into_iter()
            .map(|(key, count)| KeyCount {
                name: name(&key),
                key,
                count,
            })
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        v
    };
    s.partners = ranked(countries, &|k| {
        gazetteer::country(k).map(|c| c.name_id.to_string())
    });
    s.orgs = ranked(orgs, &|k| gazetteer::org(k).map(|o| o.name_id.to_string()));
    s.sources = ranked(sources, &|_| None);
    Ok(s)
}

/// Sum of the sizes of the files in an index directory (tantivy keeps it flat).
fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |rd| {
        rd.filter_map(|e| e.ok()?.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    })
}
