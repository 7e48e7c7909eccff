//! Near-duplicate detection: one story, many copies.
//!
//! News is syndicated: one press release reappears on regional sites and portals, each with
//! its own header, lead sentence, related links and footer. At index time every article gets
//! a signature of its story text (a MinHash over word shingles) and a **story id**: the story
//! of the earlier article it copies, else a new story named after its own id. Searches can
//! then show one hit per story (`collapse`) and count stories instead of articles
//! ([`CountUnit`]); [`Engine::show`](crate::Engine::show) lists an article's other copies.
//!
//! ```
//! use telusur::{stable_id, Article, Engine, IndexOptions, SearchRequest};
//! let release = "Badan Nasional Penanggulangan Terorisme dan Kepolisian Filipina sepakat \
//!     bertukar data pendanaan kelompok bersenjata. Kesepakatan itu diteken di Jakarta pada \
//!     Senin oleh kedua kepala lembaga, yang juga menyepakati pelatihan penyidik bersama.";
//! let portal = "JAKARTA - Badan Nasional Penanggulangan Terorisme dan Kepolisian Filipina \
//!     sepakat bertukar data pendanaan kelompok bersenjata. Kesepakatan itu diteken di Jakarta \
//!     pada Senin oleh kedua kepala lembaga, yang juga menyepakati pelatihan penyidik bersama. \
//!     Baca juga: Densus tangkap dua terduga teroris";
//! let article = |url: &str, body: &str| Article {
//!     id: stable_id(Some(url), body),
//!     url: Some(url.to_string()),
//!     body: body.to_string(),
//!     ..Article::default()
//! };
//! let engine = Engine::in_memory()?;
//! engine.index_articles(
//!     [article("https://bnpt.example/rilis", release), article("https://portal.example/b", portal)],
//!     &IndexOptions::default(),
//! )?;
//! let stories = engine.search(&SearchRequest::new("Filipina").collapse(true))?;
//! assert_eq!((stories.total, stories.articles), (1, Some(2))); // the portal's copy joins the release
//! # Ok::<(), telusur::Error>(())
//! ```

mod cluster;
mod signature;
#[cfg(feature = "generate")]
#[doc(hidden)]
pub mod synth;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use tantivy::schema::Facet;
use tantivy::Searcher;

#[doc(hidden)]
pub use cluster::{is_copy, MIN_CONTAINMENT, MIN_SIMILARITY};
pub(crate) use cluster::{Clusters, Slot};
#[doc(hidden)]
pub use signature::Signature;

use crate::index::{facet_leaf, Fields, KeyCount as Count, Stats};
use crate::{Error, Result};

/// Name of the story id field (u64: fast, indexed, stored).
pub(crate) const STORY_FIELD: &str = "story";
/// Name of the signature field (bytes, fast).
pub(crate) const SIGNATURE_FIELD: &str = "minhash";

/// The story an article starts when it copies no earlier one: a hash of its id (so the
/// same article always starts the same story).
pub(crate) fn own_story(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(format!("story:{id}").as_bytes())
}

/// A story id as printed and accepted: 16 lowercase hex digits.
pub fn story_hex(story: u64) -> String {
    format!("{story:016x}")
}

/// What facet counts and statistics count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountUnit {
    /// Every article (every copy of a story counts).
    #[default]
    Articles,
    /// Every story once, however many copies it has (a story counts for a key when any of
    /// its counted copies has it).
    Stories,
}

impl CountUnit {
    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CountUnit::Articles => "articles",
            CountUnit::Stories => "stories",
        }
    }
}

impl fmt::Display for CountUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CountUnit {
    type Err = Error;

    fn from_str(s: &str) -> Result<CountUnit> {
        match s.trim().to_ascii_lowercase().as_str() {
            "articles" | "article" | "docs" => Ok(CountUnit::Articles),
            "stories" | "story" => Ok(CountUnit::Stories),
            other => Err(Error::InvalidRequest(format!(
                "unknown count '{other}' (expected articles or stories)"
            ))),
        }
    }
}

/// The error of a story feature asked of an index made before story ids existed.
pub(crate) fn no_story_ids() -> Error {
    Error::InvalidRequest(
        "this index has no story ids (it was made before near-duplicate detection): \
         delete it and index again to collapse copies or count stories"
            .into(),
    )
}

/// The text a signature is taken over: the story (the headline is left out: portals
/// rewrite it).
pub(crate) fn signature_of(a: &crate::Article) -> Signature {
    Signature::of(&a.body)
}

/// Reads the signatures and stories of every document of `searcher` into [`Clusters`]:
/// slot = the segment's first slot (segments in searcher order, each `max_doc` slots) +
/// doc id. Deleted documents and documents without a signature are placeholders.
pub(crate) fn load(searcher: &Searcher) -> Result<Clusters> {
    let mut clusters = Clusters::new();
    for seg in searcher.segment_readers() {
        let stories = seg.fast_fields().u64(STORY_FIELD)?;
        let sigs = seg.fast_fields().bytes(SIGNATURE_FIELD)?;
        // The dictionary in order: one signature per term ordinal.
        let mut by_ord: Vec<Option<Signature>> = Vec::new();
        if let Some(col) = &sigs {
            by_ord.reserve(col.num_terms());
            let mut stream = col
                .dictionary()
                .stream()
                .map_err(|e| Error::Tantivy(e.into()))?;
            while stream.advance() {
                by_ord.push(Signature::from_bytes(stream.key()));
            }
        }
        let alive = seg.alive_bitset();
        for doc in 0..seg.max_doc() {
            let live = alive.is_none_or(|a| a.is_alive(doc));
            let sig = sigs
                .as_ref()
                .filter(|_| live)
                .and_then(|c| c.ords().first(doc))
                .and_then(|ord| by_ord.get(ord as usize).copied().flatten());
            let story = stories.first(doc).unwrap_or(0);
            let slot = clusters.insert(sig.as_ref(), story);
            if !live {
                clusters.remove(slot);
            }
        }
    }
    Ok(clusters)
}

/// [`Stats`] counting stories: each year, partner, organisation and source counts the
/// stories with at least one copy having it (`documents` stays the number of articles,
/// `stories` is set).
pub(crate) fn story_stats(searcher: &Searcher, f: &Fields, mut s: Stats) -> Result<Stats> {
    if f.story.is_none() {
        return Err(no_story_ids());
    }
    let schema = searcher.schema();
    let mut stories: HashSet<u64> = HashSet::new();
    let mut undated: HashSet<u64> = HashSet::new();
    let mut years: BTreeMap<i64, HashSet<u64>> = BTreeMap::new();
    let mut facets: [HashMap<String, HashSet<u64>>; 3] = Default::default();
    let facet_fields = [f.country, f.org, f.source];
    for seg in searcher.segment_readers() {
        let story_col = seg.fast_fields().u64(STORY_FIELD)?;
        let year_col = seg.fast_fields().i64("year_num")?;
        let readers = facet_fields
            .iter()
            .map(|&field| seg.facet_reader(schema.get_field_name(field)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let mut keys: Vec<Vec<Option<String>>> =
            readers.iter().map(|r| vec![None; r.num_facets()]).collect();
        let mut facet = Facet::root();
        for doc in seg.doc_ids_alive() {
            let story = story_col.first(doc).unwrap_or(0);
            stories.insert(story);
            match year_col.first(doc) {
                Some(y) => {
                    years.entry(y).or_default().insert(story);
                }
                None => {
                    undated.insert(story);
                }
            }
            for ((reader, names), out) in readers.iter().zip(keys.iter_mut()).zip(&mut facets) {
                for ord in reader.facet_ords(doc) {
                    let Some(name) = usize::try_from(ord).ok().and_then(|o| names.get_mut(o))
                    else {
                        continue;
                    };
                    if name.is_none() {
                        reader.facet_from_ord(ord, &mut facet)?;
                        *name = Some(facet_leaf(facet.encoded_str()).to_string());
                    }
                    if let Some(key) = name.as_deref() {
                        out.entry(key.to_string()).or_default().insert(story);
                    }
                }
            }
        }
    }
    let ranked = |m: &HashMap<String, HashSet<u64>>, name: &dyn Fn(&str) -> Option<String>| {
        let mut v: Vec<Count> = m
            .iter()
            .map(|(key, set)| Count {
                name: name(key),
                key: key.clone(),
                count: set.len() as u64,
            })
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        v
    };
    use crate::extract::gazetteer;
    s.stories = Some(stories.len() as u64);
    s.undated = undated.len() as u64;
    s.years = years
        .into_iter()
        .map(|(y, set)| Count {
            key: y.to_string(),
            name: None,
            count: set.len() as u64,
        })
        .collect();
    s.partners = ranked(&facets[0], &|k| {
        gazetteer::country(k).map(|c| c.name_id.to_string())
    });
    s.orgs = ranked(&facets[1], &|k| {
        gazetteer::org(k).map(|o| o.name_id.to_string())
    });
    s.sources = ranked(&facets[2], &|_| None);
    s.count = CountUnit::Stories;
    Ok(s)
}

/// The number of distinct stories among the live documents, `None` for an index without
/// story ids.
pub(crate) fn count_stories(searcher: &Searcher, f: &Fields) -> Result<Option<u64>> {
    if f.story.is_none() {
        return Ok(None);
    }
    let mut stories: HashSet<u64> = HashSet::new();
    for seg in searcher.segment_readers() {
        let col = seg.fast_fields().u64(STORY_FIELD)?;
        stories.extend(seg.doc_ids_alive().map(|d| col.first(d).unwrap_or(0)));
    }
    Ok(Some(stories.len() as u64))
}

/// One copy of a story, as `telusur show` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copy {
    /// The copy's article id.
    pub id: String,
    /// Its publisher.
    pub source: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<chrono::NaiveDate>,
}

impl Copy {
    fn of(a: &crate::Article) -> Copy {
        Copy {
            id: a.id.clone(),
            source: a.meta.source.clone(),
            url: a.url.clone(),
            title: a.meta.title.clone(),
            published: a.meta.published,
        }
    }
}

/// The most copies [`Engine::copies`](crate::Engine::copies) lists.
pub(crate) const MAX_COPIES_LISTED: usize = 100;

impl crate::Engine {
    /// The story of the article `id` and its other copies (oldest first, at most
    /// at most 100); `None` when there is no such article. An error for an index
    /// without story ids.
    pub fn copies(&self, id: &str) -> Result<Option<(u64, Vec<Copy>)>> {
        use tantivy::collector::TopDocs;
        use tantivy::query::TermQuery;
        use tantivy::schema::{IndexRecordOption, Value};
        let Some(story_field) = self.fields.story else {
            return Err(no_story_ids());
        };
        let searcher = self.reader.searcher();
        let by_id = TermQuery::new(
            tantivy::Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let Some((_, addr)) = searcher
            .search(&by_id, &TopDocs::with_limit(1).order_by_score())?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let doc: tantivy::TantivyDocument = searcher.doc(addr)?;
        let Some(story) = doc.get_first(story_field).and_then(|v| v.as_u64()) else {
            return Ok(Some((0, Vec::new())));
        };
        let by_story = TermQuery::new(
            tantivy::Term::from_field_u64(story_field, story),
            IndexRecordOption::Basic,
        );
        let found = searcher.search(
            &by_story,
            &TopDocs::with_limit(MAX_COPIES_LISTED + 1).order_by_score(),
        )?;
        let mut copies = Vec::with_capacity(found.len());
        for (_, a) in found {
            let d: tantivy::TantivyDocument = searcher.doc(a)?;
            let article = crate::index::from_document(&self.fields, &d);
            if article.id != id {
                copies.push(Copy::of(&article));
            }
        }
        copies.sort_by(|a, b| {
            (a.published.is_none(), a.published, &a.id).cmp(&(
                b.published.is_none(),
                b.published,
                &b.id,
            ))
        });
        copies.truncate(MAX_COPIES_LISTED);
        Ok(Some((story, copies)))
    }
}

/// An article with its story and the story's other copies: what `telusur show --json` and
/// the server's article route print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shown {
    /// The article.
    #[serde(flatten)]
    pub article: crate::Article,
    /// Its story id (16 hex digits); absent for an index without story ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// The story's other copies, oldest first (see [`crate::Engine::copies`]); absent for an
    /// index without story ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<Vec<Copy>>,
    /// Whether the index is the built-in sample corpus (generated articles, fictional outlets).
    pub sample: bool,
}

impl crate::Engine {
    /// The article `id` with its story and other copies, or `None`.
    pub fn show(&self, id: &str) -> Result<Option<Shown>> {
        let Some(article) = self.get(id)? else {
            return Ok(None);
        };
        let (story, copies) = match self.fields.story {
            None => (None, None),
            Some(_) => match self.copies(id)? {
                Some((story, copies)) => (Some(story_hex(story)), Some(copies)),
                None => (None, None),
            },
        };
        Ok(Some(Shown {
            article,
            story,
            copies,
            sample: self.is_sample(),
        }))
    }
}

/// An engine over a new, empty index made the way telusur made them before story ids (its
/// schema without the `story` and `minhash` fields), in `dir` or in memory: for the tests of
/// the old-index path and the benchmark of what story ids cost. Not for embedders.
#[doc(hidden)]
pub fn engine_without_stories(dir: Option<&std::path::Path>) -> Result<crate::Engine> {
    let (full, _) = crate::index::schema();
    let mut b = tantivy::schema::Schema::builder();
    for (_, entry) in full.fields() {
        if entry.name() != STORY_FIELD && entry.name() != SIGNATURE_FIELD {
            b.add_field(entry.clone());
        }
    }
    let builder = tantivy::Index::builder()
        .schema(b.build())
        .settings(crate::index::settings());
    let index = match dir {
        Some(d) => builder.create_in_dir(d)?,
        None => builder.create_in_ram()?,
    };
    crate::Engine::from_index(index)
}
