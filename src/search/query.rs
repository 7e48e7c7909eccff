//! Query text and filters to tantivy queries.
//!
//! The text goes through tantivy's [`QueryParser`] in lenient mode (a syntax error gives a
//! reading of what could be parsed plus a warning, never a failure), over the `text` field
//! (headline and story together), words AND-ed by default (OR-ed for `MatchMode::Any` and
//! for the relaxed pass, see `relax`), with a bonus for the words in the headline (see
//! `with_title_bonus`). `source:` terms are rewritten to the publisher facet as
//! spelled in the index, so `source:antara` finds `/ANTARA`. Two bare words that make a known
//! compound (`kerja sama`, `tanda tangan`, `bekerja sama`) are read as the compound, as if
//! quoted: the analyst means cooperation, not the two words anywhere (`kerja AND sama` asks for
//! that), and the compound is one joined term in the index. Filters become constant-score
//! clauses: they narrow the hits without changing their scores.

use std::ops::Bound;
use std::sync::OnceLock;

use regex::Regex;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, InvertedIndexRangeQuery, Occur, Query,
    QueryParser, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream, TokenizerManager};
use tantivy::{Searcher, Term};

use crate::index::Fields;

use super::conjunction::Words;
use super::faceted::FacetFilters;
use super::request::Resolved;

/// How much the headline's own score for the query's words adds to an article's score, for
/// a word as rare in the articles as in the headlines; a commoner word adds less (see
/// `bonus_terms`).
pub const TITLE_BOOST: f32 = 2.5;

/// The parts of a search: the text query (if any) and one filter per active dimension.
pub(crate) struct Parts {
    /// The parsed text query; `None` for an empty query (browse).
    pub text: Option<Box<dyn Query>>,
    /// The text query's words, when it is only words that must (or must not) occur.
    pub words: Option<Words>,
    /// The headline terms of the title bonus, in the bonus clause's order, with their
    /// boosts (see [`bonus_terms`]).
    pub bonus: Vec<(Term, f32)>,
    /// Active filters, at most one per dimension.
    pub filters: Vec<Box<dyn Query>>,
    /// The filter on mentioned countries, part of `text` (it is no facet dimension, so the
    /// facet tables do not apply it): kept to join a relaxed text too.
    pub mentions: Option<Box<dyn Query>>,
    /// The same filters as facet values, for the one-pass faceted search.
    pub facet_filters: FacetFilters,
    /// Parse problems and unknown sources, for the user.
    pub warnings: Vec<String>,
}

impl Parts {
    /// The query: the text with the filters as constant-score clauses, or (`with_filters`
    /// false) the text alone, for a collector that applies the filters itself.
    pub fn assemble(&self, with_filters: bool) -> Box<dyn Query> {
        let filters: Vec<&Box<dyn Query>> = self.filters.iter().filter(|_| with_filters).collect();
        match (&self.text, filters.is_empty()) {
            (None, true) => Box::new(AllQuery),
            (Some(text), true) => text.box_clone(),
            (text, false) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                    Vec::with_capacity(filters.len() + 1);
                if let Some(text) = text {
                    clauses.push((Occur::Must, text.box_clone()));
                }
                for f in filters {
                    clauses.push((
                        Occur::Must,
                        Box::new(ConstScoreQuery::new(f.box_clone(), 0.0)),
                    ));
                }
                Box::new(BooleanQuery::new(clauses))
            }
        }
    }
}

/// Builds the query parts of a resolved request.
pub(crate) fn build(
    tokenizers: &TokenizerManager,
    searcher: &Searcher,
    fields: &Fields,
    text: &str,
    resolved: &Resolved,
    any: bool,
) -> Parts {
    let mut warnings = Vec::new();
    let parsed = parse_text(tokenizers, searcher, fields, text, any, &mut warnings);
    let (words, bonus) = match &parsed {
        Some(q) => (
            Words::of(&**q, fields.text),
            bonus_terms(&**q, searcher, fields),
        ),
        None => (None, Vec::new()),
    };
    let text = parsed.map(|q| with_title_bonus(q, &bonus));
    let mentions =
        (!resolved.mentions.is_empty()).then(|| any_facet(fields.mentioned, &resolved.mentions));
    let (text, words) = with_mentions(text, words, mentions.as_deref());
    let mut filters: Vec<Box<dyn Query>> = Vec::with_capacity(4);
    let mut facet_filters = FacetFilters::default();
    if !resolved.countries.is_empty() {
        filters.push(any_facet(fields.country, &resolved.countries));
        facet_filters.countries = Some(resolved.countries.clone());
    }
    if !resolved.orgs.is_empty() {
        filters.push(any_facet(fields.org, &resolved.orgs));
        facet_filters.orgs = Some(resolved.orgs.clone());
    }
    if let Some((lo, hi)) = resolved.years {
        facet_filters.years = Some((lo, hi));
        // Open ends are the widest years: the inverted index needs both bounds, and a union
        // of the few year terms beats a scan of the fast column when intersected with text.
        let term = |y: i64| Bound::Included(Term::from_field_i64(fields.year_num, y));
        let range = InvertedIndexRangeQuery::new(
            term(lo.max(i64::from(i16::MIN))),
            term(hi.min(i64::from(i16::MAX))),
        );
        filters.push(Box::new(range));
    }
    if let Some(source) = &resolved.source {
        let canonical = match canonical_source(searcher, fields.source, source) {
            Some(c) => c,
            None => {
                warnings.push(format!("no article in the index has the source '{source}'"));
                source.clone()
            }
        };
        let facet = Facet::from_path([canonical.as_str()]);
        filters.push(any_facet(fields.source, std::slice::from_ref(&facet)));
        facet_filters.source = Some(vec![facet]);
    }
    Parts {
        text,
        words,
        bonus,
        filters,
        mentions,
        facet_filters,
        warnings,
    }
}

/// The text query with the mentioned-countries filter as a constant-score clause (all
/// articles when there is no text); such a query is no longer words only.
pub(crate) fn with_mentions(
    text: Option<Box<dyn Query>>,
    words: Option<Words>,
    mentions: Option<&dyn Query>,
) -> (Option<Box<dyn Query>>, Option<Words>) {
    let Some(filter) = mentions else {
        return (text, words);
    };
    let text = text.unwrap_or_else(|| Box::new(AllQuery));
    let both = BooleanQuery::new(vec![
        (Occur::Must, text),
        (
            Occur::Must,
            Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0)),
        ),
    ]);
    (Some(Box::new(both)), None)
}

/// A query matching documents with any of `facets` (a facet matches its descendants too).
fn any_facet(field: Field, facets: &[Facet]) -> Box<dyn Query> {
    let term_query = |f: &Facet| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(field, f),
            IndexRecordOption::Basic,
        ))
    };
    match facets {
        [one] => term_query(one),
        many => Box::new(BooleanQuery::new(
            many.iter()
                .map(|f| (Occur::Should, term_query(f)))
                .collect(),
        )),
    }
}

/// Parses the query text (without the title bonus), words AND-ed unless `any`; `None` when
/// it is empty.
pub(crate) fn parse_text(
    tokenizers: &TokenizerManager,
    searcher: &Searcher,
    fields: &Fields,
    text: &str,
    any: bool,
    warnings: &mut Vec<String>,
) -> Option<Box<dyn Query>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let without_exists = strip_exists(text, warnings);
    let text = without_exists.trim();
    if text.is_empty() {
        return None;
    }
    let rewritten;
    let text = if contains_source_field(text) {
        rewritten = rewrite_source_terms(text, |s| {
            canonical_source(searcher, fields.source, s).unwrap_or_else(|| {
                warnings.push(format!("no article in the index has the source '{s}'"));
                s.to_string()
            })
        });
        rewritten.as_str()
    } else {
        text
    };
    let quoted;
    let text = match tokenizers.get(crate::analysis::ANALYZER_NAME) {
        Some(mut analyzer) => {
            quoted = quote_compounds(text, |pair| makes_one_joined_term(&mut analyzer, pair));
            quoted.as_str()
        }
        None => text,
    };
    let mut parser = QueryParser::new(
        searcher.schema().clone(),
        vec![fields.text],
        tokenizers.clone(),
    );
    if !any {
        parser.set_conjunction_by_default();
    }
    let (query, errors) = parser.parse_query_lenient(text);
    for e in errors {
        warnings.push(format!("query syntax: {e}; read leniently"));
    }
    Some(only_negative_fix(query))
}

/// The headline terms of the query's words in the `text` field, in query order, each once,
/// with their boosts: [`TITLE_BOOST`] times how rare the word is in the articles relative to
/// how rare it is in headlines (the ratio of its IDFs in `text` and in the headline field,
/// at most 1). The bonus is so the headline's BM25 with the word's IDF among the articles: a
/// word in nearly every article (`terorisme`) gains little from being in a headline, a rare
/// one (a name, a partner country) gains fully. The lead sentence of an article without a
/// headline stands in for it (field `lead`), with the same boosts, after the headline terms.
fn bonus_terms(query: &dyn Query, searcher: &Searcher, fields: &Fields) -> Vec<(Term, f32)> {
    let mut words: Vec<String> = Vec::new();
    let mut texts: Vec<Term> = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() != fields.text {
            return;
        }
        if let Some(word) = term.value().as_str() {
            if !words.iter().any(|w| w == word) {
                words.push(word.to_string());
                texts.push(term.clone());
            }
        }
    });
    let n = searcher.num_docs() as f32;
    let idf = |df: u64| {
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    };
    let df = |t: &Term| searcher.doc_freq(t).unwrap_or(0);
    let mut out = Vec::with_capacity(words.len() * 2);
    let fields_of_bonus = [Some(fields.title), fields.lead];
    for field in fields_of_bonus.into_iter().flatten() {
        for (word, text) in words.iter().zip(&texts) {
            let term = Term::from_field_text(field, word);
            let in_field = df(&term);
            let rarity = if in_field == 0 {
                1.0
            } else {
                (idf(df(text)) / idf(in_field)).clamp(0.0, 1.0)
            };
            out.push((term, TITLE_BOOST * rarity));
        }
    }
    out
}

/// `query` (over `text`, headline and story together) plus an optional clause that adds the
/// BM25 score of the query's words in the headline alone (and in the lead sentence of an
/// article without a headline), each word weighted by its boost (see [`bonus_terms`]): an
/// article whose headline holds the words ranks above one that only mentions them. The
/// clause never changes which articles match, and costs little: headline posting lists are
/// short and only advanced to the documents the query matches (tantivy's required/optional
/// scorer), where a per-word union of title and body would visit both lists in full.
pub(crate) fn with_title_bonus(query: Box<dyn Query>, words: &[(Term, f32)]) -> Box<dyn Query> {
    if words.is_empty() {
        return query;
    }
    let bonus = BooleanQuery::new(
        words
            .iter()
            .map(|(t, boost)| {
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs));
                let q: Box<dyn Query> = Box::new(BoostQuery::new(q, *boost));
                (Occur::Should, q)
            })
            .collect(),
    );
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::Should, Box::new(bonus)),
    ]))
}

/// Whether the query analyzer reads `pair` (two words) as one joined compound term.
fn makes_one_joined_term(analyzer: &mut TextAnalyzer, pair: &str) -> bool {
    let mut stream = analyzer.token_stream(pair);
    let mut n = 0;
    let mut joined = false;
    while let Some(token) = stream.next() {
        n += 1;
        joined = token.text.contains(crate::analysis::join::JOINER);
    }
    n == 1 && joined
}

/// Puts quotes around each two adjacent bare words of `text` for which `is_compound` holds
/// (called with the two words and the space between them). A bare word is outside quotes,
/// has no field, operator or prefix (`title:x`, `-x`, `+x`, `OR`, `x*`), and touches no
/// parenthesis; anything else in between keeps the words apart.
fn quote_compounds(text: &str, mut is_compound: impl FnMut(&str) -> bool) -> String {
    // Lexemes: quoted strings, parentheses, whitespace runs, and words.
    let mut lexemes: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c == '"' {
            rest[1..].find('"').map_or(rest.len(), |i| i + 2)
        } else if c == '(' || c == ')' {
            1
        } else if c.is_whitespace() {
            rest.find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len())
        } else {
            rest.find(|c: char| c.is_whitespace() || matches!(c, '"' | '(' | ')'))
                .unwrap_or(rest.len())
        };
        lexemes.push(&rest[..len]);
        rest = &rest[len..];
    }
    let bare = |w: &str| {
        !w.is_empty()
            && !matches!(w, "OR" | "AND" | "NOT")
            && w.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !w.starts_with('-')
    };
    let mut out = String::with_capacity(text.len() + 4);
    let mut i = 0;
    while i < lexemes.len() {
        if i + 2 < lexemes.len()
            && bare(lexemes[i])
            && lexemes[i + 1].chars().all(char::is_whitespace)
            && bare(lexemes[i + 2])
        {
            let start = lexemes[i].as_ptr() as usize - text.as_ptr() as usize;
            let end = start + lexemes[i].len() + lexemes[i + 1].len() + lexemes[i + 2].len();
            let pair = &text[start..end];
            if is_compound(pair) {
                out.push('"');
                out.push_str(pair);
                out.push('"');
                i += 3;
                continue;
            }
        }
        out.push_str(lexemes[i]);
        i += 1;
    }
    out
}

/// Removes `field:*` terms ("has any value in field"): tantivy reads them as a query that
/// fails at search time (an unknown field, or one that is not a fast field), which made the
/// whole search an error while every other syntax problem is a warning. Each is dropped
/// with a warning. A term ends at whitespace or `)`; quoted text is left alone.
fn strip_exists<'t>(text: &'t str, warnings: &mut Vec<String>) -> std::borrow::Cow<'t, str> {
    if !text.contains(":*") {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut copied, mut quoted) = (0, 0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b':' if !quoted
                && bytes.get(i + 1) == Some(&b'*')
                && bytes
                    .get(i + 2)
                    .is_none_or(|b| b.is_ascii_whitespace() || *b == b')') =>
            {
                // The term's start: after whitespace or `(` (its `+`/`-` go with it).
                let start = text[..i]
                    .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
                    .map_or(0, |k| k + 1);
                let end = i + 2;
                warnings.push(format!(
                    "query syntax: '{}' (any value of a field) is not supported; ignored",
                    &text[start..end]
                ));
                out.push_str(&text[copied..start]);
                out.push(' ');
                copied = end;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// `-word` alone means "everything but word"; tantivy's boolean query with only excluding
/// clauses matches nothing, so add an all-documents clause.
fn only_negative_fix(query: Box<dyn Query>) -> Box<dyn Query> {
    if let Some(bq) = query.downcast_ref::<BooleanQuery>() {
        let clauses = bq.clauses();
        if !clauses.is_empty() && clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
            let mut all: Vec<(Occur, Box<dyn Query>)> =
                clauses.iter().map(|(o, q)| (*o, q.box_clone())).collect();
            all.push((Occur::Must, Box::new(AllQuery)));
            return Box::new(BooleanQuery::new(all));
        }
    }
    query
}

fn contains_source_field(text: &str) -> bool {
    text.len() >= 7
        && text
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"source:"))
}

fn source_term_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)(^|[\s(+\-])source:(?:"([^"]*)"|([^\s()"]+))"#)
            .expect("the source-term pattern is valid")
    })
}

/// Rewrites every `source:X` / `source:"X Y"` to `source:"/CANON"`, CANON from `canon`.
fn rewrite_source_terms(text: &str, mut canon: impl FnMut(&str) -> String) -> String {
    source_term_regex()
        .replace_all(text, |c: &regex::Captures<'_>| {
            let lead = c.get(1).map_or("", |m| m.as_str());
            let raw = c.get(2).or_else(|| c.get(3)).map_or("", |m| m.as_str());
            let canonical = canon(raw.trim().trim_start_matches('/'));
            // Quotes inside a facet phrase cannot be escaped: drop them.
            let canonical = canonical.replace('"', "");
            format!("{lead}source:\"/{canonical}\"")
        })
        .into_owned()
}

/// The publisher as spelled in the index, matched case-insensitively; `None` if no article
/// has it. Reads the few terms of the source field's dictionary.
pub(crate) fn canonical_source(searcher: &Searcher, field: Field, name: &str) -> Option<String> {
    let name = name.trim().trim_start_matches('/');
    for reader in searcher.segment_readers() {
        let Ok(inverted) = reader.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(key) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            // Facet terms are encoded with `\0` between levels; sources have one level.
            if !key.is_empty() && !key.contains('\0') && key.eq_ignore_ascii_case(name) {
                return Some(key.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_of_bare_words_are_quoted() {
        let mut analyzer = crate::analysis::query_analyzer();
        let mut q = |s: &str| quote_compounds(s, |pair| makes_one_joined_term(&mut analyzer, pair));
        assert_eq!(q("kerja sama"), r#""kerja sama""#);
        assert_eq!(q("bekerja  sama intelijen"), r#""bekerja  sama" intelijen"#);
        assert_eq!(
            q("Tanda Tangan (kerja sama)"),
            r#""Tanda Tangan" ("kerja sama")"#
        );
        // Not bare, or not adjacent: left alone.
        for kept in [
            "kerja AND sama",
            "-kerja sama",
            "title:kerja sama",
            "kerja -sama",
            "kerja* sama",
            r#""kerja" sama"#,
            "kerja OR sama",
            "kerjasama intelijen",
            "pertemuan bilateral",
            "",
        ] {
            assert_eq!(q(kept), kept);
        }
        // Multi-byte text and unbalanced quotes survive.
        assert_eq!(q("“kerja sama” é"), "“kerja sama” é");
        assert_eq!(q(r#"kerja sama "tanda"#), r#""kerja sama" "tanda"#);
    }

    #[test]
    fn field_exists_terms_are_dropped_with_a_warning() {
        let mut w = Vec::new();
        assert_eq!(strip_exists("teroris :*", &mut w), "teroris  ");
        assert_eq!(
            strip_exists("(title:* OR foo:*) bom", &mut w),
            "(  OR  ) bom"
        );
        assert_eq!(strip_exists("-source:* x", &mut w), "  x");
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w[0].contains("':*'"), "{w:?}");
        let mut w = Vec::new();
        for kept in ["\"a:* b\"", "title:te*", "a:*b", "plain"] {
            assert_eq!(strip_exists(kept, &mut w), kept);
        }
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn source_terms_are_rewritten_in_place() {
        let up = |s: &str| s.to_uppercase();
        assert_eq!(
            rewrite_source_terms("teror source:antara", up),
            r#"teror source:"/ANTARA""#
        );
        assert_eq!(
            rewrite_source_terms(r#"(source:"kompas tv" OR source:x) -Source:y"#, up),
            r#"(source:"/KOMPAS TV" OR source:"/X") -source:"/Y""#
        );
        // Not a field when glued to a word.
        assert_eq!(rewrite_source_terms("opensource:x", up), "opensource:x");
        assert!(contains_source_field("a SOURCE:b"));
        assert!(!contains_source_field("sumber"));
    }
}
