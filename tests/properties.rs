//! Property tests on arbitrary Unicode and bytes (issue 13): the query parser and search
//! request, the analyzer, extraction and ingestion never panic, and their outputs keep their
//! invariants. Case counts are modest so that CI stays fast.

use std::sync::OnceLock;

use proptest::prelude::*;
use telusur::{Article, Engine, Metadata, SearchRequest, Sort};

/// Query text: arbitrary Unicode, and strings made of the query syntax's own characters
/// (where the parser's corner cases are).
fn query_text() -> impl Strategy<Value = String> {
    let syntax = prop::sample::select(vec![
        "(", ")", "\"", "-", "+", ":", "*", "^", "~", "[", "]", "{", "}", " ", "OR", "AND", "NOT",
        "title:", "source:", "kerja", "sama", "teroris", "é", "\u{0}", "\\", "TO", "2", "IN", "/",
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(syntax, 0..40).prop_map(|parts| parts.concat()),
    ]
}

/// A small in-memory index shared by the cases.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let engine = Engine::in_memory().expect("engine");
        let articles = (0..30).map(|i| Article {
            url: Some(format!("https://contoh.id/{i}")),
            body: format!(
                "Kerja sama penanggulangan teroris nomor {i} antara Indonesia dan Filipina, “dikutip” é ü 日本 {}.",
                "kalimat panjang ".repeat(i % 7)
            ),
            meta: Metadata {
                title: Some(format!("Berita teroris {i}")),
                source: Some(if i % 2 == 0 { "ANTARA" } else { "Kompas" }.into()),
                year: Some(2015 + (i % 9) as i32),
                partners: vec!["PH".into()],
                ..Metadata::default()
            },
            ..Article::default()
        });
        engine
            .index_articles(articles, &telusur::IndexOptions::default())
            .expect("index");
        engine
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Any query text with any paging: an answer or an error, never a panic; a page never
    /// larger than asked; snippet and title highlights inside their text, on char boundaries.
    #[test]
    fn search_never_panics_and_pages_are_sound(
        query in query_text(),
        limit in 0usize..20,
        offset in 0usize..40,
        sort in prop::sample::select(vec![None, Some(Sort::Relevance), Some(Sort::Newest), Some(Sort::Oldest)]),
        source in prop::option::of(prop::sample::select(vec!["antara", "/", "x", " "])),
    ) {
        let mut req = SearchRequest::new(query).limit(limit).offset(offset).facets(true);
        req.sort = sort;
        req.source = source.map(str::to_string);
        if let Ok(r) = engine().search(&req) {
            prop_assert!(r.hits.len() <= limit);
            prop_assert!(r.hits.len() <= r.total.saturating_sub(offset));
            for h in &r.hits {
                for [a, b] in &h.title_highlights {
                    prop_assert!(a < b && *b <= h.title.len());
                    prop_assert!(h.title.is_char_boundary(*a) && h.title.is_char_boundary(*b));
                }
                if let Some(s) = &h.snippet {
                    for [a, b] in &s.highlights {
                        prop_assert!(a < b && *b <= s.text.len());
                        prop_assert!(s.text.is_char_boundary(*a) && s.text.is_char_boundary(*b));
                    }
                }
            }
        }
    }

    /// Any text: every token's offsets are in the text, on char boundaries, in order;
    /// positions never go back; no term is empty.
    #[test]
    fn analyzer_offsets_are_sound(text in any::<String>()) {
        for mut analyzer in [telusur::analysis::analyzer(), telusur::analysis::AnalyzerBuilder::default()
            .for_queries(true)
            .build()
            .expect("the default analyzer")] {
            let mut stream = analyzer.token_stream(&text);
            let mut last_position = 0;
            while let Some(t) = stream.next() {
                prop_assert!(t.offset_from <= t.offset_to && t.offset_to <= text.len(), "{t:?}");
                prop_assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
                prop_assert!(t.position >= last_position, "{t:?}");
                prop_assert!(!t.text.is_empty());
                last_position = t.position;
            }
        }
    }

    /// `analyze --words` as a library call: one output line per input line, whatever the
    /// bytes; the bad lines are counted.
    #[test]
    fn analyze_words_writes_one_line_per_line(lines in prop::collection::vec(
        prop::collection::vec(any::<u8>().prop_filter("no newline", |b| *b != b'\n'), 0..24), 0..20)
    ) {
        let mut input = Vec::new();
        for l in &lines {
            input.extend_from_slice(l);
            input.push(b'\n');
        }
        let mut analyzer = telusur::analysis::AnalyzerBuilder::new()
            .stopwords(false)
            .without_joined_compounds()
            .build()
            .expect("analyzer");
        let mut out = Vec::new();
        let report = telusur::analysis::analyze_words(&mut analyzer, &input[..], &mut out, |_| {})
            .expect("in-memory I/O");
        let out = String::from_utf8(out).expect("output is UTF-8");
        prop_assert_eq!(report.lines, lines.len());
        prop_assert_eq!(out.matches('\n').count(), lines.len());
        let bad = lines.iter().filter(|l| std::str::from_utf8(l).is_err()).count();
        prop_assert_eq!(report.not_utf8, bad);
    }

    /// Extraction of any text: no panic; partners are country codes; a year, when found, is
    /// plausible.
    #[test]
    fn extraction_never_panics(text in any::<String>(), url in prop::option::of("https://[a-z]{1,8}\\.id/[0-9a-z/-]{0,20}")) {
        let ex = telusur::extract::extract(&text, url.as_deref());
        for code in &ex.meta.partners {
            prop_assert!(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
        }
        if let Some(y) = ex.meta.year {
            prop_assert!((1900..=2100).contains(&y), "{y}");
        }
    }

    /// Ingestion of any bytes from stdin, and of any JSON Lines line: articles or problems,
    /// never a panic; every article has text and an id.
    #[test]
    fn ingestion_of_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), line in any::<String>()) {
        let loaded = telusur::ingest::load_reader(&bytes[..], "-");
        for a in &loaded.articles {
            prop_assert!(!a.body.trim().is_empty() || a.meta.title.is_some());
        }
        if let Ok((a, _warnings)) = telusur::ingest::parse_line(&line, "p:1") {
            prop_assert!(!a.id.is_empty());
            prop_assert!(a.id.len() <= telusur::limits::MAX_ID_BYTES.max(64));
        }
        let json = serde_json::json!({"id": line, "body": "Isi."}).to_string();
        match telusur::ingest::parse_line(&json, "p:2") {
            Ok((a, _)) => prop_assert!(!a.id.is_empty() && a.id.len() <= telusur::limits::MAX_ID_BYTES),
            Err(reason) => prop_assert!(reason.contains("too long"), "{reason}"),
        }
    }
}
