//! [`SearchRequest`]: what to search for, built with a builder or read from JSON, and its
//! validation against the gazetteer.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use tantivy::schema::Facet;

use super::relax::MatchMode;
use crate::dedup::CountUnit;
use crate::extract::gazetteer;
use crate::{Error, Result};

use crate::limits::{MAX_LIMIT, MAX_OFFSET, MAX_QUERY_BYTES, MAX_QUERY_DEPTH};

/// How many suggestions an unknown country or organisation error carries.
const SUGGESTIONS: usize = 3;

/// The order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// BM25 score, best first (title matches weigh more than body matches).
    #[default]
    Relevance,
    /// Publication date, newest first; articles without a date come last.
    Newest,
    /// Publication date, oldest first; articles without a date come last.
    Oldest,
}

impl Sort {
    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Sort {
    type Err = Error;

    fn from_str(s: &str) -> Result<Sort> {
        match s.trim().to_ascii_lowercase().as_str() {
            "relevance" | "score" => Ok(Sort::Relevance),
            "newest" | "new" | "date" => Ok(Sort::Newest),
            "oldest" | "old" => Ok(Sort::Oldest),
            other => Err(Error::InvalidRequest(format!(
                "unknown sort '{other}' (expected relevance, newest or oldest)"
            ))),
        }
    }
}

/// A search: query text, filters, order, page, and what to compute besides the hits.
///
/// Filters combine with AND across kinds and with OR within a kind: `countries: [PH, MY]`
/// with `year: 2022` means "(partner PH or partner MY) and published in 2022". A country may be
/// given by any name the gazetteer knows (`Inggris`, `UK`, `GB`, `United Kingdom`), or be a
/// region (`asia`, `south-eastern-asia`), which matches every country under it.
///
/// ```
/// use telusur::{SearchRequest, Sort};
/// let req = SearchRequest::new("kerja sama")
///     .country("Filipina")
///     .year_range(2019, 2022)
///     .sort(Sort::Newest)
///     .limit(5)
///     .facets(true);
/// assert_eq!(req.countries, ["Filipina"]);
/// assert_eq!((req.year_from, req.year_to), (Some(2019), Some(2022)));
///
/// // The same request as a line of a batch file:
/// let line = r#"{"query": "kerja sama", "countries": ["Filipina"], "year_from": 2019,
///                "year_to": 2022, "sort": "newest", "limit": 5, "facets": true}"#;
/// let parsed: SearchRequest = serde_json::from_str(line).unwrap();
/// assert_eq!(parsed, req);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchRequest {
    /// Query text: words (AND-ed), `"phrases"`, `-word`, `OR`, parentheses, `title:` and
    /// `source:` fields. Empty: every article matching the filters (browse).
    pub query: String,
    /// Partner countries or regions, any of them (OR).
    pub countries: Vec<String>,
    /// Partner organisations, any of them (OR).
    pub orgs: Vec<String>,
    /// Countries or regions the article mentions, partner or not, any of them (OR): any
    /// name as for `countries`.
    pub mentions: Vec<String>,
    /// Publication year (exclusive with `year_from`/`year_to`).
    pub year: Option<i32>,
    /// First publication year, inclusive.
    pub year_from: Option<i32>,
    /// Last publication year, inclusive.
    pub year_to: Option<i32>,
    /// Publisher (`ANTARA`; case does not matter).
    pub source: Option<String>,
    /// Order of the hits; default: relevance with a query, newest first without.
    pub sort: Option<Sort>,
    /// Page size (0: count and facets only). Default 10, at most [`MAX_LIMIT`].
    pub limit: usize,
    /// Hits to skip (paging), at most [`MAX_OFFSET`](crate::limits::MAX_OFFSET).
    pub offset: usize,
    /// Compute facet counts (partner country, region, year, source, organisation).
    pub facets: bool,
    /// How many partner countries and organisations the facets list at most. Default 20.
    pub facet_limit: usize,
    /// Compute a highlighted snippet for each hit. Default true.
    pub snippets: bool,
    /// What several bare words mean: all of them, all then most ([`MatchMode::Relaxed`],
    /// the default), or any.
    pub match_mode: MatchMode,
    /// One hit per story (near-duplicate cluster): its best-ranked matching copy, with the
    /// number of copies and the others listed; `total` then counts stories. Default false.
    pub collapse: bool,
    /// What facet counts count: articles (the default) or stories.
    pub count: CountUnit,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            countries: Vec::new(),
            orgs: Vec::new(),
            mentions: Vec::new(),
            year: None,
            year_from: None,
            year_to: None,
            source: None,
            sort: None,
            limit: 10,
            offset: 0,
            facets: false,
            facet_limit: 20,
            snippets: true,
            match_mode: MatchMode::default(),
            collapse: false,
            count: CountUnit::Articles,
        }
    }
}

impl SearchRequest {
    /// A request for `query` with default settings (10 hits, snippets, no facets).
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }

    /// Adds a partner country or region filter (any of the given ones matches).
    pub fn country(mut self, name: impl Into<String>) -> Self {
        self.countries.push(name.into());
        self
    }

    /// Adds a partner organisation filter (any of the given ones matches).
    pub fn org(mut self, name: impl Into<String>) -> Self {
        self.orgs.push(name.into());
        self
    }

    /// Adds a filter on mentioned countries or regions (partner or not; any of the given
    /// ones matches).
    pub fn mentions(mut self, name: impl Into<String>) -> Self {
        self.mentions.push(name.into());
        self
    }

    /// Keeps only articles published in `year`.
    pub fn year(mut self, year: i32) -> Self {
        self.year = Some(year);
        self
    }

    /// Keeps only articles published from `from` to `to`, both inclusive.
    pub fn year_range(mut self, from: i32, to: i32) -> Self {
        self.year_from = Some(from);
        self.year_to = Some(to);
        self
    }

    /// Keeps only articles of this publisher.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Sets the order of the hits.
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// Sets the page size.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Sets how many hits to skip.
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// Asks for facet counts.
    pub fn facets(mut self, on: bool) -> Self {
        self.facets = on;
        self
    }

    /// Asks for snippets (on by default).
    pub fn snippets(mut self, on: bool) -> Self {
        self.snippets = on;
        self
    }

    /// Sets what several bare words mean (see [`MatchMode`]).
    pub fn match_mode(mut self, mode: MatchMode) -> Self {
        self.match_mode = mode;
        self
    }

    /// Asks for one hit per story (see [`collapse`](Self::collapse)).
    pub fn collapse(mut self, on: bool) -> Self {
        self.collapse = on;
        self
    }

    /// Sets what facet counts count (see [`CountUnit`]).
    pub fn count(mut self, unit: CountUnit) -> Self {
        self.count = unit;
        self
    }

    /// Checks the request and resolves its names to facets.
    pub(crate) fn resolve(&self) -> Result<Resolved> {
        if self.limit > MAX_LIMIT {
            return Err(Error::InvalidRequest(format!(
                "limit {} is above the maximum of {MAX_LIMIT}",
                self.limit
            )));
        }
        if self.offset > MAX_OFFSET {
            return Err(Error::InvalidRequest(format!(
                "offset {} is above the maximum of {MAX_OFFSET} (narrow the search with words or filters instead of paging this deep)",
                self.offset
            )));
        }
        check_query(&self.query)?;
        let countries = self
            .countries
            .iter()
            .map(|name| resolve_country_facet(name))
            .collect::<Result<Vec<_>>>()?;
        let mentions = self
            .mentions
            .iter()
            .map(|name| resolve_country_facet(name))
            .collect::<Result<Vec<_>>>()?;
        let orgs = self
            .orgs
            .iter()
            .map(|name| resolve_org_facet(name))
            .collect::<Result<Vec<_>>>()?;
        let years = match (self.year, self.year_from, self.year_to) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return Err(Error::InvalidRequest(
                    "give either a year or a range (from/to), not both".into(),
                ))
            }
            (Some(y), None, None) => Some((i64::from(y), i64::from(y))),
            (None, None, None) => None,
            (None, from, to) => {
                let lo = from.map_or(i64::MIN, i64::from);
                let hi = to.map_or(i64::MAX, i64::from);
                if lo > hi {
                    return Err(Error::InvalidRequest(format!(
                        "year range is empty: from {lo} is after to {hi}"
                    )));
                }
                Some((lo, hi))
            }
        };
        let source = match self.source.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => match s.trim_matches('/').trim() {
                "" => {
                    return Err(Error::InvalidRequest(format!(
                        "source '{s}' names no publisher (give a name such as ANTARA)"
                    )))
                }
                name => Some(name.to_string()),
            },
        };
        let has_text = !self.query.trim().is_empty();
        let sort = match self.sort {
            // Without a query every score is equal: relevance would be index order.
            Some(Sort::Relevance) | None if !has_text => Sort::Newest,
            Some(sort) => sort,
            None => Sort::Relevance,
        };
        Ok(Resolved {
            countries,
            mentions,
            orgs,
            years,
            source,
            sort,
        })
    }
}

/// Refuses query text the parser cannot take safely: longer than [`MAX_QUERY_BYTES`], or
/// parentheses nested deeper than [`MAX_QUERY_DEPTH`] (tantivy's parser recurses once per
/// level, and a few thousand levels overflow the stack and abort the process). Parentheses
/// inside quotes are text, not nesting.
pub(crate) fn check_query(query: &str) -> Result<()> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(Error::InvalidRequest(format!(
            "query too long ({} bytes; the limit is {MAX_QUERY_BYTES})",
            query.len()
        )));
    }
    let (mut depth, mut deepest, mut quoted) = (0usize, 0usize, false);
    for b in query.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'(' if !quoted => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_QUERY_DEPTH {
        return Err(Error::InvalidRequest(format!(
            "query nested too deeply ({deepest} levels of parentheses; the limit is {MAX_QUERY_DEPTH})"
        )));
    }
    Ok(())
}

/// A request checked against the gazetteer: every name is a facet.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    /// Country facets (`/asia/south-eastern-asia/PH`) or region prefixes (`/asia`).
    pub countries: Vec<Facet>,
    /// Mentioned-country facets, as `countries`.
    pub mentions: Vec<Facet>,
    /// Organisation facets (`/UNOCT`).
    pub orgs: Vec<Facet>,
    /// Inclusive year range.
    pub years: Option<(i64, i64)>,
    /// Publisher as given, without a leading `/`; matched case-insensitively at search time.
    pub source: Option<String>,
    /// The effective order.
    pub sort: Sort,
}

/// A country name, alias or code, or a region name, to its facet.
fn resolve_country_facet(name: &str) -> Result<Facet> {
    let path = if let Some(country) = gazetteer::resolve_country(name) {
        gazetteer::facet_path(country)
    } else if let Some(prefix) = gazetteer::resolve_region(name) {
        prefix
    } else {
        return Err(Error::UnknownCountry {
            name: name.to_string(),
            suggestions: gazetteer::suggest_countries(name, SUGGESTIONS),
        });
    };
    Facet::from_text(&path).map_err(|e| {
        Error::InvalidRequest(format!("country '{name}' gives a bad facet '{path}': {e}"))
    })
}

/// An organisation name, alias or code to its facet `/CODE`.
fn resolve_org_facet(name: &str) -> Result<Facet> {
    match gazetteer::resolve_org(name) {
        Some(org) => Ok(Facet::from_path([org.code])),
        None => Err(Error::UnknownOrg {
            name: name.to_string(),
            suggestions: gazetteer::suggest_orgs(name, SUGGESTIONS),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_the_same_facet() {
        let a = SearchRequest::new("").country("China").resolve().unwrap();
        let b = SearchRequest::new("")
            .country("tiongkok")
            .resolve()
            .unwrap();
        let c = SearchRequest::new("").country("CN").resolve().unwrap();
        assert_eq!(a.countries, b.countries);
        assert_eq!(a.countries, c.countries);
        assert_eq!(a.countries[0].to_string(), "/asia/eastern-asia/CN");
    }

    #[test]
    fn region_resolves_to_a_prefix() {
        let r = SearchRequest::new("").country("asia").resolve().unwrap();
        assert_eq!(r.countries[0].to_string(), "/asia");
    }

    #[test]
    fn unknown_country_suggests() {
        let err = SearchRequest::new("")
            .country("Filipna")
            .resolve()
            .unwrap_err();
        match err {
            Error::UnknownCountry { name, suggestions } => {
                assert_eq!(name, "Filipna");
                assert_eq!(suggestions.first().map(String::as_str), Some("Filipina"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn unknown_org_is_an_error() {
        let err = SearchRequest::new("").org("ASEANN").resolve().unwrap_err();
        assert!(matches!(err, Error::UnknownOrg { .. }), "{err:?}");
    }

    #[test]
    fn year_checks() {
        assert!(SearchRequest::new("")
            .year_range(2022, 2019)
            .resolve()
            .is_err());
        assert!(SearchRequest::new("")
            .year(2020)
            .year_range(2019, 2022)
            .resolve()
            .is_err());
        let r = SearchRequest::new("").year(2020).resolve().unwrap();
        assert_eq!(r.years, Some((2020, 2020)));
        let mut open = SearchRequest::new("");
        open.year_from = Some(2019);
        assert_eq!(open.resolve().unwrap().years, Some((2019, i64::MAX)));
        assert!(SearchRequest::new("")
            .limit(MAX_LIMIT + 1)
            .resolve()
            .is_err());
    }

    #[test]
    fn limits_are_errors_that_say_why() {
        let err = |r: SearchRequest| r.resolve().unwrap_err().to_string();
        let deep = format!("{}teroris{}", "(".repeat(33), ")".repeat(33));
        assert!(err(SearchRequest::new(deep)).contains("33 levels"));
        // Unbalanced and quoted parentheses: what counts is the deepest opening.
        assert!(err(SearchRequest::new("(".repeat(40))).contains("nested too deeply"));
        let quoted = format!("\"{}\" teroris", "(".repeat(100));
        assert!(SearchRequest::new(quoted).resolve().is_ok());
        let ok = format!("{}teroris{}", "(".repeat(32), ")".repeat(32));
        assert!(SearchRequest::new(ok).resolve().is_ok());
        assert!(err(SearchRequest::new("a ".repeat(MAX_QUERY_BYTES))).contains("too long"));
        assert!(err(SearchRequest::new("").offset(1_000_000_000)).contains("offset"));
        assert!(SearchRequest::new("").offset(MAX_OFFSET).resolve().is_ok());
        for s in ["/", "//", " / "] {
            assert!(err(SearchRequest::new("").source(s)).contains("names no publisher"));
        }
        let r = SearchRequest::new("").source("/ANTARA/").resolve().unwrap();
        assert_eq!(r.source.as_deref(), Some("ANTARA"));
    }

    #[test]
    fn default_sort_depends_on_the_query() {
        assert_eq!(
            SearchRequest::new("teror").resolve().unwrap().sort,
            Sort::Relevance
        );
        assert_eq!(
            SearchRequest::new("  ").resolve().unwrap().sort,
            Sort::Newest
        );
        let oldest = SearchRequest::new("").sort(Sort::Oldest).resolve().unwrap();
        assert_eq!(oldest.sort, Sort::Oldest);
    }

    #[test]
    fn sort_parses_and_batch_rejects_unknown_fields() {
        assert_eq!("Newest".parse::<Sort>().unwrap(), Sort::Newest);
        assert!("best".parse::<Sort>().is_err());
        assert!(serde_json::from_str::<SearchRequest>(r#"{"qeury": "x"}"#).is_err());
        let r: SearchRequest = serde_json::from_str(r#"{"query": "x"}"#).unwrap();
        assert_eq!(r.limit, 10);
        assert!(r.snippets);
    }
}
