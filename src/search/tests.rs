//! Searches run both ways: words-only queries on their posting lists (`conjunction`) and
//! through tantivy's scorers must give the same page, scores, total and facets (with facets
//! or without).

use crate::engine::Engine;
use crate::generate::Generator;
use crate::index::IndexOptions;
use crate::search::{SearchRequest, SearchResults};

/// An engine over generated articles in several segments, some articles replaced (so that
/// segments have deleted documents).
fn engine() -> Engine {
    let engine = Engine::in_memory().expect("engine");
    let opts = IndexOptions {
        memory_mb: 50,
        threads: Some(2),
        commit_every_docs: 400,
        ..IndexOptions::default()
    };
    engine
        .index_articles(Generator::new(31).take(1600), &opts)
        .expect("index");
    // Same ids, new text: the old versions are deleted in their segments.
    let changed = Generator::new(31).take(120).map(|mut a| {
        a.body
            .push_str(" Pertemuan lanjutan membahas pendanaan terorisme.");
        a
    });
    let report = engine.index_articles(changed, &opts).expect("reindex");
    assert_eq!(report.updated, 120, "{report:?}");
    assert!(engine.reader.searcher().segment_readers().len() > 1);
    engine
}

fn both(engine: &Engine, req: &SearchRequest) -> (SearchResults, SearchResults) {
    let by_words = engine.search_with(req, true).expect("search by words");
    let by_scorers = engine.search_with(req, false).expect("search by scorers");
    (by_words, by_scorers)
}

#[test]
fn words_run_on_postings_rank_and_count_as_tantivy_does() {
    let engine = engine();
    let queries = [
        "terorisme",
        "kerja sama",
        "penanggulangan terorisme",
        "bnpt pertemuan bilateral",
        "densus -penangkapan",
        "pendanaan -deradikalisasi -pelatihan",
        "ekstradisi",
        "kata_yang_tidak_ada terorisme",
        "densus densus",
        "pelatihan OR lokakarya",
        "deportasi OR pemulangan OR ekstradisi -terorisme",
        "kata_yang_tidak_ada OR bnpt",
    ];
    let mut compared_hits = 0;
    for q in queries {
        let base = SearchRequest::new(q).facets(true).snippets(false);
        let requests = [
            base.clone(),
            base.clone().limit(1),
            base.clone().limit(50),
            base.clone().offset(15).limit(5),
            base.clone().country("Filipina"),
            base.clone().country("Australia").year(2021),
            base.clone().year_range(2015, 2019),
            base.clone().country("Asia Tenggara").org("ASEAN"),
            base.clone().facets(false),
            base.clone()
                .facets(false)
                .country("Filipina")
                .year_range(2012, 2022),
        ];
        for req in &requests {
            let (w, s) = both(&engine, req);
            assert_eq!(w.total, s.total, "{q}: total for {req:?}");
            assert_eq!(w.facets, s.facets, "{q}: facets for {req:?}");
            let page = |r: &SearchResults| -> Vec<(String, Option<f32>)> {
                r.hits.iter().map(|h| (h.id.clone(), h.score)).collect()
            };
            assert_eq!(page(&w), page(&s), "{q}: page for {req:?}");
            compared_hits += w.hits.len();
        }
    }
    // The comparison is not vacuous: the queries match, and pages were compared.
    assert!(compared_hits > 200, "{compared_hits} hits compared");
}

#[test]
fn headline_words_rank_first_on_postings_too() {
    let engine = engine();
    let req = SearchRequest::new("terorisme").facets(true).limit(20);
    let (w, _) = both(&engine, &req);
    assert!(w.total > 100, "{}", w.total);
    // The bonus is applied: the best hits have the word in the headline.
    let first = &w.hits[0];
    assert!(
        first.title.to_lowercase().contains("teror"),
        "first hit without the word in its headline: {}",
        first.title
    );
    let scores: Vec<f32> = w.hits.iter().filter_map(|h| h.score).collect();
    assert!(scores.windows(2).all(|p| p[0] >= p[1]), "{scores:?}");
}

#[test]
fn a_word_only_in_the_headline_is_not_looked_for_in_the_story() {
    use crate::article::{Article, Metadata};
    let engine = Engine::in_memory().expect("engine");
    let story = "Pertemuan di Jakarta membahas kerja sama keamanan kawasan. ".repeat(30)
        + "Di akhir berita, kedua pihak menyebut ekstradisi buronan.";
    let article = |url: &str, title: &str| Article {
        url: Some(url.into()),
        body: story.clone(),
        meta: Metadata {
            title: Some(title.into()),
            ..Metadata::default()
        },
        ..Article::default()
    };
    let opts = IndexOptions {
        memory_mb: 50,
        threads: Some(1),
        ..IndexOptions::default()
    };
    engine
        .index_articles(
            [
                article("u:1", "Densus dan BNPT bertemu"),
                article("u:2", "Pertemuan keamanan"),
            ],
            &opts,
        )
        .expect("index");
    let searcher = engine.reader.searcher();
    let hits = |q: &str| {
        engine
            .search(
                &SearchRequest::new(q)
                    .limit(5)
                    .match_mode(crate::search::MatchMode::All),
            )
            .expect("search")
    };

    // `densus` is in the first headline only, `ekstradisi` at the end of both stories.
    let r = hits("densus ekstradisi");
    assert_eq!(r.total, 1);
    let snippet = r.hits[0].snippet.as_ref().expect("snippet");
    assert!(snippet.text.contains("ekstradisi"), "{}", snippet.text);
    assert_eq!(snippet.highlights.len(), 1, "{snippet:?}");
    // A word only in the headline: the story's start, unmarked.
    let r = hits("densus");
    let snippet = r.hits[0].snippet.as_ref().expect("snippet");
    assert!(snippet.highlights.is_empty(), "{snippet:?}");
    // (Cut within a sentence: marked as cut.)
    let shown = snippet.text.strip_suffix(crate::search::snippet::ELLIPSIS);
    assert!(
        shown.is_some_and(|s| story.starts_with(s)),
        "{}",
        snippet.text
    );
    assert_eq!(r.hits[0].title_highlights.len(), 1);

    // The counts themselves: `densus` headline only, `ekstradisi` once in the story,
    // `jakarta` 30 times.
    let addr = searcher
        .search(
            &tantivy::query::TermQuery::new(
                tantivy::Term::from_field_text(engine.fields.title, "densus"),
                tantivy::schema::IndexRecordOption::Basic,
            ),
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )
        .expect("search")[0]
        .1;
    let counts = super::story_counts(
        &searcher,
        &engine.fields,
        addr,
        ["densus", "ekstradisi", "tidakada", "jakarta"].into_iter(),
    );
    assert_eq!(counts, Some(vec![0, 1, 0, 30]));
}

#[test]
fn one_word_fills_the_page_past_its_headlines() {
    use crate::article::{Article, Metadata};
    // `ekstradisi` is in two headlines (one of them replaced, so deleted in its segment)
    // and in the stories of six articles of sixteen: a page of five needs story-only
    // matches, ranked after the headline ones by the word's own score. (The word is in a
    // third of the articles: the headline bonus of a word in nearly all of them is small.)
    let engine = Engine::in_memory().expect("engine");
    let article = |i: usize, title: &str, body: String| Article {
        url: Some(format!("u:{i}")),
        body,
        meta: Metadata {
            title: Some(title.into()),
            ..Metadata::default()
        },
        ..Article::default()
    };
    let story = |n: usize| {
        "Pertemuan membahas kerja sama keamanan. ".repeat(n) + "Soal ekstradisi disinggung."
    };
    let opts = IndexOptions {
        memory_mb: 50,
        threads: Some(1),
        commit_every_docs: 3,
        ..IndexOptions::default()
    };
    let articles = (0..6).map(|i| {
        let title = if i < 2 {
            "Ekstradisi dibahas"
        } else {
            "Pertemuan"
        };
        article(i, title, story(i + 1))
    });
    let others = (6..16).map(|i| {
        let body = "Pertemuan membahas kerja sama keamanan. ".repeat(i % 4 + 1);
        article(i, "Pertemuan", body)
    });
    engine
        .index_articles(articles.chain(others), &opts)
        .expect("index");
    engine
        .index_articles([article(0, "Ekstradisi dibahas lagi", story(9))], &opts)
        .expect("reindex");
    let req = SearchRequest::new("ekstradisi").limit(5).snippets(false);
    for facets in [false, true] {
        let req = req.clone().facets(facets);
        let (w, s) = both(&engine, &req);
        assert_eq!(w.total, 6);
        let page = |r: &SearchResults| -> Vec<(String, Option<f32>)> {
            r.hits.iter().map(|h| (h.id.clone(), h.score)).collect()
        };
        assert_eq!(page(&w), page(&s));
        assert_eq!(w.hits.len(), 5);
        // The two headline matches first.
        assert!(w.hits[..2]
            .iter()
            .all(|h| h.title.starts_with("Ekstradisi")));
        assert!(w.hits[2..].iter().all(|h| h.title == "Pertemuan"));
    }
}

#[test]
fn disjunctive_facets_equal_a_count_over_the_articles() {
    use std::collections::BTreeMap;
    type Filter = (
        Option<&'static str>,
        Option<&'static str>,
        Option<(i32, i32)>,
        Option<&'static str>,
    );
    // Filters of two dimensions of one pairing (countries and organisations), of the other
    // (year and source), and of three or four.
    let filters: [Filter; 5] = [
        (Some("PH"), Some("ASEAN"), None, None),
        (None, None, Some((2014, 2019)), Some("KBC")),
        (
            Some("AU"),
            Some("UN"),
            Some((2012, 2022)),
            Some("Harian Contoh"),
        ),
        (Some("MY"), None, None, Some("KBC")),
        (None, Some("FATF"), Some((2016, 2016)), None),
    ];
    let engine = engine();
    let mut nonzero = 0;
    // The browse (every article) and a word (its own loop on the postings).
    for query in ["", "terorisme"] {
        // Every match with its metadata, read back from the index.
        let all = engine
            .search(
                &SearchRequest::new(query)
                    .limit(crate::limits::MAX_LIMIT)
                    .snippets(false),
            )
            .expect("all matches");
        assert_eq!(all.hits.len(), all.total);
        for (country, org, years, source) in filters {
            let mut req = SearchRequest::new(query).facets(true).limit(3);
            req.facet_limit = usize::MAX;
            if let Some(c) = country {
                req = req.country(c);
            }
            if let Some(o) = org {
                req = req.org(o);
            }
            if let Some((from, to)) = years {
                req = req.year_range(from, to);
            }
            if let Some(s) = source {
                req = req.source(s);
            }
            // Which filters a match meets: country, org, year, source.
            let meets = |h: &super::Hit| -> [bool; 4] {
                [
                    country.is_none_or(|c| h.partners.iter().any(|p| p == c)),
                    org.is_none_or(|o| h.orgs.iter().any(|x| x == o)),
                    years.is_none_or(|(a, b)| h.year.is_some_and(|y| a <= y && y <= b)),
                    source.is_none_or(|s| h.source.as_deref() == Some(s)),
                ]
            };
            // A dimension counts the matches that meet every filter but its own.
            let expected = |dim: usize, keys: &dyn Fn(&super::Hit) -> Vec<String>| {
                let mut counts: BTreeMap<String, u64> = BTreeMap::new();
                for h in &all.hits {
                    let m = meets(h);
                    if (0..4).all(|d| d == dim || m[d]) {
                        for k in keys(h) {
                            *counts.entry(k).or_default() += 1;
                        }
                    }
                }
                counts
            };
            let got = |counts: &[super::FacetCount]| -> BTreeMap<String, u64> {
                counts.iter().map(|c| (c.key.clone(), c.count)).collect()
            };
            let r = engine.search(&req).expect("search");
            let f = r.facets.expect("facets");
            let what = format!("{query:?} {country:?} {org:?} {years:?} {source:?}");
            let partners = |h: &super::Hit| h.partners.clone();
            assert_eq!(
                got(&f.countries),
                expected(0, &partners),
                "countries, {what}"
            );
            let orgs = |h: &super::Hit| h.orgs.clone();
            assert_eq!(got(&f.orgs), expected(1, &orgs), "orgs, {what}");
            let year = |h: &super::Hit| h.year.map(|y| y.to_string()).into_iter().collect();
            assert_eq!(got(&f.years), expected(2, &year), "years, {what}");
            let source = |h: &super::Hit| h.source.clone().into_iter().collect();
            assert_eq!(got(&f.sources), expected(3, &source), "sources, {what}");
            let total = all.hits.iter().filter(|h| meets(h) == [true; 4]).count();
            assert_eq!(r.total, total, "total, {what}");
            nonzero += usize::from(total > 0);
        }
    }
    assert!(nonzero >= 6, "filters too narrow for the sample: {nonzero}");
}

#[test]
fn alternatives_score_as_tantivy_does_across_windows() {
    use crate::article::{Article, Metadata};
    // One segment of 1,200 articles, the words of `a OR b` sparse (a few a window, so that
    // windows are cleared one document at a time) or dense, and an excluded word that
    // removes some of their documents.
    let engine = Engine::in_memory().expect("engine");
    let opts = IndexOptions {
        memory_mb: 50,
        threads: Some(1),
        ..IndexOptions::default()
    };
    let articles = (0..1200).map(|i| {
        let mut body = String::from("Pertemuan membahas keamanan kawasan. ");
        // Scattered: word `w` in about `per_100` of every 100 articles.
        let words = [
            ("ekstradisi", 1),
            ("deportasi", 2),
            ("pelatihan", 40),
            ("lokakarya", 30),
            ("penangkapan", 20),
        ];
        for (w, (word, per_100)) in words.into_iter().enumerate() {
            if (i * 7919 + w * 104_729) % 100 < per_100 {
                body.push_str(&format!("{word} ").repeat(1 + (i + w) % 3));
            }
        }
        Article {
            url: Some(format!("u:{i}")),
            body,
            meta: Metadata {
                title: Some(
                    if i % 50 == 0 {
                        "Ekstradisi dan pelatihan"
                    } else {
                        "Berita"
                    }
                    .into(),
                ),
                ..Metadata::default()
            },
            ..Article::default()
        }
    });
    engine.index_articles(articles, &opts).expect("index");
    assert_eq!(engine.reader.searcher().segment_readers().len(), 1);
    for q in [
        "ekstradisi OR deportasi",
        "ekstradisi OR deportasi -penangkapan",
        "pelatihan OR lokakarya",
        "pelatihan OR lokakarya OR ekstradisi -penangkapan",
    ] {
        let req = SearchRequest::new(q)
            .facets(true)
            .snippets(false)
            .limit(200);
        let (w, s) = both(&engine, &req);
        assert!(w.total > 20, "{q}: {}", w.total);
        assert_eq!(w.total, s.total, "{q}");
        let page = |r: &SearchResults| -> Vec<(String, Option<f32>)> {
            r.hits.iter().map(|h| (h.id.clone(), h.score)).collect()
        };
        assert_eq!(page(&w), page(&s), "{q}");
    }
}
