//! What a query of several bare words means ([`MatchMode`]), and the relaxed second pass of
//! [`MatchMode::Relaxed`]: when fewer than [`RELAX_BELOW`] articles hold every word, the
//! search runs once more, asking for fewer of the words (see [`required_of`]), and says so
//! ([`Relaxation`]).
//!
//! Only a query of bare words (and `-word`s) is relaxed: quotes, `AND`, `OR`, `+word`,
//! parentheses and fields keep their strict meaning.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::tokenizer::TokenizerManager;
use tantivy::Searcher;

use super::conjunction::Words;
use super::query::{self, Parts};
use crate::index::Fields;
use crate::{Error, Result};

/// A strict pass with fewer matches than this (a page) is followed by a relaxed pass.
pub const RELAX_BELOW: usize = 10;

/// What a query of several bare words (no quotes, operators or fields) asks for.
///
/// ```
/// use telusur::{MatchMode, SearchRequest};
/// let strict = SearchRequest::new("densus bom surabaya").match_mode(MatchMode::All);
/// assert_eq!(strict.match_mode, MatchMode::All);
/// assert_eq!("any".parse::<MatchMode>().unwrap(), MatchMode::Any);
/// assert_eq!(MatchMode::default(), MatchMode::Relaxed);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// Every word must occur.
    All,
    /// Every word if at least `RELAX_BELOW` articles hold them all; else any of the words
    /// (see `required_of`), ranked by BM25 (articles with more of the words first, as a
    /// rule), with a [`Relaxation`] notice. The default.
    #[default]
    Relaxed,
    /// Any of the words (BM25 ranks articles with more of them first).
    Any,
}

impl MatchMode {
    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchMode::All => "all",
            MatchMode::Relaxed => "relaxed",
            MatchMode::Any => "any",
        }
    }
}

impl fmt::Display for MatchMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MatchMode {
    type Err = Error;

    fn from_str(s: &str) -> Result<MatchMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" | "and" | "strict" => Ok(MatchMode::All),
            "relaxed" | "most" => Ok(MatchMode::Relaxed),
            "any" | "or" => Ok(MatchMode::Any),
            other => Err(Error::InvalidRequest(format!(
                "unknown match mode '{other}' (expected all, relaxed or any)"
            ))),
        }
    }
}

/// How a [`MatchMode::Relaxed`] search was relaxed (JSON: `results.relaxation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relaxation {
    /// The distinct words of the query (a known compound, `kerja sama`, is one word).
    pub words: usize,
    /// How many of them a shown article holds at least.
    pub required: usize,
    /// How many articles hold every word.
    pub all_words_total: usize,
    /// The notice for the user, e.g. "no article has all 3 words; showing articles with at
    /// least 2".
    pub message: String,
}

impl Relaxation {
    fn new(words: usize, required: usize, all_words_total: usize) -> Relaxation {
        let with = if required == 1 {
            "any of them, most words first".to_string()
        } else {
            format!("at least {required}")
        };
        let all = if words == 2 { "both" } else { "all" };
        let message = match all_words_total {
            0 => format!("no article has {all} {words} words; showing articles with {with}"),
            1 => format!(
                "only 1 article has {all} {words} words (ranked among the others); also \
                 showing articles with {with}"
            ),
            n => format!(
                "only {n} articles have {all} {words} words (ranked among the others); also \
                 showing articles with {with}"
            ),
        };
        Relaxation {
            words,
            required,
            all_words_total,
            message,
        }
    }
}

/// Of `n` words, how many an article shown by a relaxed search holds at least: one, so
/// that the relaxed pass is the query's words OR-ed, ranked by BM25, under which an article
/// with more of the words (and rarer ones) ranks higher. On the tuning half of the judged
/// queries (`devset/relevance/`), requiring all words but one (Elasticsearch's
/// `minimum_should_match: -1`) gave nDCG@10 0.852 against 0.917 for one word: relevant
/// pages often hold only the name of the partner and a synonym of the rest.
pub fn required_of(n: usize) -> usize {
    n.min(1)
}

/// Whether `text` is bare words and `-word`s only: no quotes, parentheses, fields,
/// `AND`/`OR`/`NOT`, `+word` or wildcard, so that relaxing it goes against nothing the
/// user wrote.
pub(crate) fn is_bare(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        let w = w.strip_prefix('-').unwrap_or(w);
        !matches!(w, "AND" | "OR" | "NOT" | "&&" | "||")
            && !w.is_empty()
            && !w.contains(['"', '(', ')', ':', '+', '*', '^', '[', ']', '{', '}', '~'])
    })
}

impl Parts {
    /// The relaxed form of a strict query of bare words `text`: its words (a word the
    /// analyzer splits, `antiteror`, is one phrase; a known compound, one term) of which at
    /// least [`required_of`] must occur, the excluded ones still excluded, with the same
    /// headline bonus and filters; `None` when the query is not bare words or has fewer
    /// than two distinct words. Also returns the number of distinct words and how many are
    /// required.
    pub(crate) fn relaxed(
        &self,
        tokenizers: &TokenizerManager,
        searcher: &Searcher,
        fields: &Fields,
        text: &str,
    ) -> Option<(Parts, usize, usize)> {
        if !is_bare(text) {
            return None;
        }
        let mut warnings = Vec::new();
        let parsed = query::parse_text(tokenizers, searcher, fields, text, true, &mut warnings)?;
        let b = parsed.downcast_ref::<BooleanQuery>()?;
        let mut seen: Vec<String> = Vec::new();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(b.clauses().len());
        for (occur, q) in b.clauses() {
            if *occur == Occur::Should {
                let key = format!("{q:?}");
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
            }
            clauses.push((*occur, q.box_clone()));
        }
        let n = seen.len();
        if n < 2 {
            return None;
        }
        let required = required_of(n);
        let relaxed = BooleanQuery::with_minimum_required_clauses(clauses, required);
        Some((self.with_text(Box::new(relaxed), fields), n, required))
    }

    /// These parts (filters, warnings) with another text query.
    fn with_text(&self, parsed: Box<dyn Query>, fields: &Fields) -> Parts {
        let words = Words::of(&*parsed, fields.text);
        let text = Some(query::with_title_bonus(parsed, &self.bonus));
        let (text, words) = query::with_mentions(text, words, self.mentions.as_deref());
        Parts {
            text,
            words,
            mentions: self.mentions.as_ref().map(|m| m.box_clone()),
            bonus: self.bonus.clone(),
            filters: self.filters.iter().map(|f| f.box_clone()).collect(),
            facet_filters: self.facet_filters.clone(),
            warnings: self.warnings.clone(),
        }
    }
}

/// The notice of a relaxed search.
pub(crate) fn relaxation(words: usize, required: usize, strict_total: usize) -> Relaxation {
    Relaxation::new(words, required, strict_total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_is_required() {
        let got: Vec<usize> = (0..=4).map(required_of).collect();
        assert_eq!(got, [0, 1, 1, 1, 1]);
    }

    #[test]
    fn only_bare_words_relax() {
        for bare in ["densus bom surabaya", "kerja sama -australia", "a  b"] {
            assert!(is_bare(bare), "{bare}");
        }
        for strict in [
            "densus AND bom",
            "\"kerja sama\" australia",
            "+densus bom",
            "densus OR bom",
            "(densus bom)",
            "title:densus bom",
            "dens* bom",
        ] {
            assert!(!is_bare(strict), "{strict}");
        }
    }

    #[test]
    fn the_notice_says_what_was_shown() {
        let r = relaxation(3, 2, 0);
        assert_eq!(
            r.message,
            "no article has all 3 words; showing articles with at least 2"
        );
        let r = relaxation(3, 1, 0);
        assert_eq!(
            r.message,
            "no article has all 3 words; showing articles with any of them, most words first"
        );
        let r = relaxation(2, 1, 4);
        assert!(
            r.message.starts_with("only 4 articles have both 2 words"),
            "{}",
            r.message
        );
        assert!(r.message.ends_with("most words first"), "{}", r.message);
    }

    #[test]
    fn modes_parse() {
        assert_eq!("ALL".parse::<MatchMode>().unwrap(), MatchMode::All);
        assert_eq!("relaxed".parse::<MatchMode>().unwrap(), MatchMode::Relaxed);
        assert!("some".parse::<MatchMode>().is_err());
    }
}
