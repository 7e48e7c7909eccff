//! Trends: how many matching articles each partner country (or organisation, or publisher)
//! has per publication year — "how often did BNPT meet China, per year?". Shared by
//! `telusur trends`, the `/api/v1/trends` endpoint and the trends view of the page.
//!
//! A [`Trends`] is computed from the same [`SearchRequest`] as a search (query text and
//! filters): one search with facets finds the years, then one count-only search per year
//! gives that year's facet counts. Like the facets, the counts of the dimension a trend is
//! *by* ignore that dimension's own filter (they are disjunctive), so that with
//! `--country China` the other partners still show, and a bar of country *X* in year *Y*
//! holds exactly the articles a search with `country=X` and `year=Y` finds. The
//! [`Trends::totals`] apply every filter.
//!
//! ```
//! use telusur::trends::TrendBy;
//! use telusur::{Article, Engine, IndexOptions, Metadata, SearchRequest};
//!
//! # fn main() -> telusur::Result<()> {
//! let engine = Engine::in_memory()?;
//! let article = |url: &str, partner: &str, year: i32| Article {
//!     url: Some(url.to_string()),
//!     body: "Kerja sama penanggulangan terorisme.".to_string(),
//!     meta: Metadata { year: Some(year), partners: vec![partner.to_string()], ..Metadata::default() },
//!     ..Article::default()
//! };
//! engine.index_articles(
//!     [article("u:1", "CN", 2021), article("u:2", "CN", 2022), article("u:3", "MY", 2022)],
//!     &IndexOptions::default(),
//! )?;
//! let t = engine.trends(&SearchRequest::new("terorisme"), TrendBy::Country, 5)?;
//! assert_eq!(t.years, [2021, 2022]);
//! assert_eq!(t.totals, [1, 2]);
//! assert_eq!((t.series[0].key.as_str(), t.series[0].name.as_str()), ("CN", "Tiongkok"));
//! assert_eq!(t.series[0].counts, [1, 1]);
//! assert_eq!(t.series[1].counts, [0, 1]);
//! # Ok(())
//! # }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;
use std::str::FromStr;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::extract::gazetteer;
use crate::search::{FacetCount, Facets, MatchMode, Relaxation, SearchRequest};
use crate::{Engine, Error, Result};

#[cfg(feature = "serve")]
mod svg;

/// The most series a trend shows (`--top`).
pub(crate) const MAX_TOP: usize = 50;

/// What a trend counts articles by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrendBy {
    /// Partner country (ISO code).
    #[default]
    Country,
    /// Partner organisation (code).
    Org,
    /// Publisher.
    Source,
}

impl TrendBy {
    /// The lowercase name used on the command line, in URLs and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TrendBy::Country => "country",
            TrendBy::Org => "org",
            TrendBy::Source => "source",
        }
    }

    /// The facet counts of this dimension.
    fn counts(self, facets: &Facets) -> &[FacetCount] {
        match self {
            TrendBy::Country => &facets.countries,
            TrendBy::Org => &facets.orgs,
            TrendBy::Source => &facets.sources,
        }
    }

    /// The keys (codes, or publisher as given) that the request filters this dimension by.
    fn selected(self, req: &SearchRequest) -> Vec<String> {
        match self {
            TrendBy::Country => req
                .countries
                .iter()
                .filter_map(|n| gazetteer::resolve_country(n).map(|c| c.code.to_string()))
                .collect(),
            TrendBy::Org => req
                .orgs
                .iter()
                .filter_map(|n| gazetteer::resolve_org(n).map(|o| o.code.to_string()))
                .collect(),
            TrendBy::Source => req
                .source
                .iter()
                .map(|s| s.trim().trim_matches('/').trim().to_string())
                .collect(),
        }
    }

    /// Whether facet key `key` is one of `selected` (publishers: case does not matter).
    fn is_selected(self, key: &str, selected: &[String]) -> bool {
        match self {
            TrendBy::Source => selected.iter().any(|s| s.eq_ignore_ascii_case(key)),
            _ => selected.iter().any(|s| s == key),
        }
    }
}

impl fmt::Display for TrendBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TrendBy {
    type Err = Error;

    fn from_str(s: &str) -> Result<TrendBy> {
        match s.trim().to_ascii_lowercase().as_str() {
            "country" | "countries" | "negara" | "partner" => Ok(TrendBy::Country),
            "org" | "orgs" | "organisation" | "organization" | "organisasi" => Ok(TrendBy::Org),
            "source" | "sources" | "sumber" | "publisher" => Ok(TrendBy::Source),
            other => Err(Error::InvalidRequest(format!(
                "unknown trend dimension '{other}' (expected country, org or source)"
            ))),
        }
    }
}

/// One key's articles per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// The key: ISO code (`CN`), organisation code (`UNOCT`) or publisher (`ANTARA`).
    pub key: String,
    /// The display name (Indonesian name of a country or organisation, else the key).
    pub name: String,
    /// Articles over all the years shown.
    pub total: u64,
    /// Articles per year, in the order of [`Trends::years`].
    pub counts: Vec<u64>,
    /// Whether the request filters by this key.
    pub selected: bool,
}

/// Articles per year for the top keys of one dimension (JSON: `telusur trends --json`,
/// `GET /api/v1/trends`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trends {
    /// The query text as given.
    pub query: String,
    /// The dimension counted.
    pub by: TrendBy,
    /// The period: always `"year"`.
    pub per: String,
    /// Matching articles (every filter applied), dated or not.
    pub total: usize,
    /// Matching articles without a known year (not in any year's count).
    pub undated: u64,
    /// The years that have matching articles, oldest first.
    pub years: Vec<i32>,
    /// Matching articles per year (every filter applied), in the order of `years`.
    pub totals: Vec<u64>,
    /// The top keys by articles over all years (those the request filters by always
    /// included), most first.
    pub series: Vec<Series>,
    /// How many keys had articles but are not among `series`.
    pub other_keys: usize,
    /// Problems that did not stop the search (see [`crate::SearchResults::warnings`]).
    pub warnings: Vec<String>,
    /// How the query was relaxed, as in a search ([`Relaxation`]); `None` when it was not.
    pub relaxation: Option<Relaxation>,
    /// Time spent, in milliseconds.
    pub took_ms: f64,
}

impl Engine {
    /// Articles per year for the `top` keys of dimension `by` among the articles matching
    /// `req` (its page, sort and snippet settings are ignored). See the [module
    /// docs](crate::trends).
    ///
    /// Errors: those of [`Engine::search`], and a `top` of 0 or above 50.
    pub fn trends(&self, req: &SearchRequest, by: TrendBy, top: usize) -> Result<Trends> {
        let started = Instant::now();
        if top == 0 || top > MAX_TOP {
            return Err(Error::InvalidRequest(format!(
                "top {top} is out of range (1 to {MAX_TOP})"
            )));
        }
        let mut base = req.clone();
        base.limit = 0;
        base.offset = 0;
        base.sort = None;
        base.facets = true;
        base.facet_limit = usize::MAX;
        base.snippets = false;
        let all = self.search(&base)?;
        let (lo, hi) = match (req.year, req.year_from, req.year_to) {
            (Some(y), _, _) => (y, y),
            (None, from, to) => (from.unwrap_or(i32::MIN), to.unwrap_or(i32::MAX)),
        };
        // The years' facet ignores the year filter: keep the years asked for.
        let mut years: Vec<i32> = all
            .facets
            .as_ref()
            .map(|f| {
                f.years
                    .iter()
                    .filter(|c| c.count > 0)
                    .filter_map(|c| c.key.parse().ok())
                    .filter(|y| (lo..=hi).contains(y))
                    .collect()
            })
            .unwrap_or_default();
        years.sort_unstable();
        years.dedup();

        // A strict search stays strict year by year; a relaxed one (fewer than a page of
        // articles hold every word, so fewer in each year too) relaxes each year alike.
        let mut per_year = base;
        if all.relaxation.is_none() && per_year.match_mode == MatchMode::Relaxed {
            per_year.match_mode = MatchMode::All;
        }
        per_year.year_from = None;
        per_year.year_to = None;
        let mut totals = Vec::with_capacity(years.len());
        let mut counts: HashMap<String, (String, Vec<u64>)> = HashMap::new();
        for (i, &year) in years.iter().enumerate() {
            per_year.year = Some(year);
            let r = self.search(&per_year)?;
            totals.push(r.total as u64);
            let Some(facets) = r.facets else { continue };
            for c in by.counts(&facets) {
                let entry = counts
                    .entry(c.key.clone())
                    .or_insert_with(|| (c.name.clone(), vec![0; years.len()]));
                entry.1[i] = c.count;
            }
        }
        let selected = by.selected(req);
        let mut series: Vec<Series> = counts
            .into_iter()
            .map(|(key, (name, counts))| Series {
                total: counts.iter().sum(),
                selected: by.is_selected(&key, &selected),
                key,
                name,
                counts,
            })
            .filter(|s| s.total > 0 || s.selected)
            .collect();
        series.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.key.cmp(&b.key)));
        let keys = series.len();
        // The top ones, and the selected ones wherever they rank.
        let mut rank = 0;
        series.retain(|s| {
            rank += 1;
            rank <= top || s.selected
        });
        let dated: u64 = totals.iter().sum();
        Ok(Trends {
            query: req.query.clone(),
            by,
            per: "year".into(),
            total: all.total,
            undated: if req.year.is_some() || req.year_from.is_some() || req.year_to.is_some() {
                0
            } else {
                (all.total as u64).saturating_sub(dated)
            },
            years,
            totals,
            other_keys: keys - series.len(),
            series,
            warnings: all.warnings,
            relaxation: all.relaxation,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }
}

impl Trends {
    /// The counts as CSV for a spreadsheet: a header `key,name,total,<years>`, a first row
    /// `*` with every matching article, then one row per series.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("key,name,total");
        for y in &self.years {
            let _ = write!(out, ",{y}");
        }
        out.push('\n');
        let mut row = |key: &str, name: &str, total: u64, counts: &[u64]| {
            let _ = write!(out, "{},{},{total}", csv_field(key), csv_field(name));
            for c in counts {
                let _ = write!(out, ",{c}");
            }
            out.push('\n');
        };
        let dated: u64 = self.totals.iter().sum();
        row("*", "semua artikel", dated, &self.totals);
        for s in &self.series {
            row(&s.key, &s.name, s.total, &s.counts);
        }
        out
    }

    /// The chart as an SVG document (a line per series, drawn with `plotters`), `width` by
    /// `height` pixels.
    #[cfg(feature = "serve")]
    pub fn to_svg(&self, width: u32, height: u32) -> Result<String> {
        svg::render(self, width, height)
    }

    /// The largest count of any series in any year (0 when there is none).
    pub fn max_count(&self) -> u64 {
        self.series
            .iter()
            .flat_map(|s| s.counts.iter().copied())
            .max()
            .unwrap_or(0)
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, IndexOptions, Metadata};

    fn art(
        url: &str,
        body: &str,
        partners: &[&str],
        orgs: &[&str],
        year: i32,
        src: &str,
    ) -> Article {
        Article {
            url: Some(url.into()),
            body: body.into(),
            meta: Metadata {
                title: Some(format!("Berita {url}")),
                source: Some(src.into()),
                year: Some(year),
                partners: partners.iter().map(|s| s.to_string()).collect(),
                partner_orgs: orgs.iter().map(|s| s.to_string()).collect(),
                ..Metadata::default()
            },
            ..Article::default()
        }
    }

    fn engine() -> Engine {
        let e = Engine::in_memory().expect("engine");
        let docs = vec![
            art(
                "u:1",
                "BNPT bertemu delegasi Tiongkok.",
                &["CN"],
                &[],
                2020,
                "ANTARA",
            ),
            art(
                "u:2",
                "BNPT dan Tiongkok bahas deradikalisasi.",
                &["CN"],
                &[],
                2021,
                "ANTARA",
            ),
            art(
                "u:3",
                "BNPT, Tiongkok dan Malaysia.",
                &["CN", "MY"],
                &["ASEAN"],
                2021,
                "Kompas",
            ),
            art(
                "u:4",
                "BNPT kunjungi Malaysia.",
                &["MY"],
                &["ASEAN"],
                2022,
                "Kompas",
            ),
            art(
                "u:5",
                "Polisi Australia latih penyidik.",
                &["AU"],
                &[],
                2022,
                "Tempo",
            ),
            Article {
                url: Some("u:6".into()),
                body: "BNPT tanpa tanggal bersama Tiongkok.".into(),
                meta: Metadata {
                    partners: vec!["CN".into()],
                    ..Metadata::default()
                },
                ..Article::default()
            },
        ];
        e.index_articles(docs, &IndexOptions::default())
            .expect("index");
        e
    }

    fn row<'a>(t: &'a Trends, key: &str) -> &'a Series {
        t.series.iter().find(|s| s.key == key).expect("series")
    }

    #[test]
    fn counts_per_key_per_year() {
        let e = engine();
        let t = e
            .trends(&SearchRequest::new("bnpt"), TrendBy::Country, 10)
            .unwrap();
        assert_eq!(t.years, [2020, 2021, 2022]);
        assert_eq!(t.totals, [1, 2, 1]);
        assert_eq!((t.total, t.undated), (5, 1));
        assert_eq!(row(&t, "CN").counts, [1, 2, 0]);
        assert_eq!(row(&t, "CN").total, 3);
        assert_eq!(row(&t, "MY").counts, [0, 1, 1]);
        assert!(
            t.series.iter().all(|s| s.key != "AU"),
            "AU does not match bnpt"
        );
        assert_eq!(t.series[0].key, "CN", "most articles first");
        let orgs = e
            .trends(&SearchRequest::new("bnpt"), TrendBy::Org, 10)
            .unwrap();
        assert_eq!(row(&orgs, "ASEAN").counts, [0, 1, 1]);
        let src = e
            .trends(&SearchRequest::new(""), TrendBy::Source, 10)
            .unwrap();
        assert_eq!(row(&src, "Kompas").counts, [0, 1, 1]);
        assert_eq!(row(&src, "Tempo").counts, [0, 0, 1]);
    }

    #[test]
    fn the_dimension_is_disjunctive_and_selected_keys_stay() {
        let e = engine();
        let req = SearchRequest::new("bnpt").country("Malaysia");
        let t = e.trends(&req, TrendBy::Country, 1).unwrap();
        // Totals apply the filter: MY's articles only.
        assert_eq!(
            (t.years.as_slice(), t.totals.as_slice()),
            (&[2021, 2022][..], &[1, 1][..])
        );
        // CN ranks first (2 articles in those years, ignoring the country filter) and MY
        // is kept though beyond the top 1.
        assert_eq!(t.series.len(), 2);
        assert_eq!(
            (t.series[0].key.as_str(), t.series[0].selected),
            ("CN", false)
        );
        assert!(row(&t, "MY").selected);
        // A bar holds what the search for its key and year finds.
        let bar = e
            .search(&SearchRequest::new("bnpt").country("CN").year(2021).limit(0))
            .unwrap();
        assert_eq!(row(&t, "CN").counts[0], bar.total as u64);
    }

    #[test]
    fn a_year_range_limits_the_years() {
        let e = engine();
        let mut req = SearchRequest::new("bnpt");
        req.year_from = Some(2021);
        let t = e.trends(&req, TrendBy::Country, 10).unwrap();
        assert_eq!(t.years, [2021, 2022]);
        assert_eq!(t.undated, 0);
        let one = e
            .trends(&SearchRequest::new("bnpt").year(2020), TrendBy::Country, 10)
            .unwrap();
        assert_eq!(
            (one.years.as_slice(), one.totals.as_slice()),
            (&[2020][..], &[1][..])
        );
    }

    #[test]
    fn bad_requests_are_errors() {
        let e = engine();
        assert!(e
            .trends(&SearchRequest::new(""), TrendBy::Country, 0)
            .is_err());
        assert!(e
            .trends(
                &SearchRequest::new("").country("Narnia"),
                TrendBy::Country,
                5
            )
            .is_err());
        assert!("negara"
            .parse::<TrendBy>()
            .is_ok_and(|b| b == TrendBy::Country));
        assert!("year".parse::<TrendBy>().is_err());
    }

    #[test]
    fn csv_has_a_row_per_series_and_quotes() {
        let e = engine();
        let t = e
            .trends(&SearchRequest::new("bnpt"), TrendBy::Country, 10)
            .unwrap();
        let csv = t.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "key,name,total,2020,2021,2022");
        assert_eq!(lines[1], "*,semua artikel,4,1,2,1");
        assert_eq!(lines[2], "CN,Tiongkok,3,1,2,0");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }

    #[cfg(feature = "serve")]
    #[test]
    fn svg_is_a_chart_with_a_legend() {
        let e = engine();
        let t = e
            .trends(&SearchRequest::new("bnpt"), TrendBy::Country, 10)
            .unwrap();
        let svg = t.to_svg(800, 400).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..100.min(svg.len())]);
        assert!(svg.contains("Tiongkok") && svg.contains("2021"));
        assert!(svg.contains("<polyline") || svg.contains("<path"));
        // Text in the chart (the query, the names) is escaped.
        let mut evil = t.clone();
        evil.query = "<script>x</script>".into();
        let svg = evil.to_svg(400, 300).unwrap();
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
    }
}
