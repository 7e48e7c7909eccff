use std::collections::HashMap;

use super::*;

fn jsonl(docs: usize, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let n = write_jsonl(
        &mut out,
        &GenerateOptions {
            docs,
            seed,
            dense: false,
        },
    )
    .unwrap();
    assert_eq!(n, docs);
    out
}

#[test]
fn same_seed_same_bytes_other_seed_differs() {
    let a = jsonl(200, 42);
    assert_eq!(a, jsonl(200, 42));
    let b = jsonl(200, 43);
    assert_ne!(a, b);
    // The iterator and the writer produce the same articles.
    let first: serde_json::Value =
        serde_json::from_slice(a.split(|&b| b == b'\n').next().unwrap()).unwrap();
    let art = Generator::new(42).next_article();
    assert_eq!(first["id"], art.id.as_str());
    assert_eq!(first["body"], art.body.as_str());
}

#[test]
fn zero_docs_writes_nothing() {
    assert!(jsonl(0, 1).is_empty());
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        write_text_dir(
            dir.path(),
            &GenerateOptions {
                docs: 0,
                seed: 1,
                dense: false
            }
        )
        .unwrap(),
        0
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("truth.jsonl")).unwrap(),
        ""
    );
}

/// Weekday-and-date phrases in a text, as (weekday, day, month, Some(year) when given).
fn day_phrases(text: &str) -> Vec<(String, u32, u32, Option<i32>)> {
    let re = regex::Regex::new(
        r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)(?: \((\d{1,2})/(\d{1,2})(?:/(\d{4}))?\)|, (\d{1,2}) ([A-Z][a-z]+) (\d{4}))",
    )
    .unwrap();
    re.captures_iter(text)
        .map(|c| {
            let wd = c[1].to_string();
            if let Some(d) = c.get(2) {
                (
                    wd,
                    d.as_str().parse().unwrap(),
                    c[3].parse().unwrap(),
                    c.get(4).map(|y| y.as_str().parse().unwrap()),
                )
            } else {
                let m = vocab::MONTHS.iter().position(|m| *m == &c[6]).unwrap() as u32 + 1;
                (wd, c[5].parse().unwrap(), m, Some(c[7].parse().unwrap()))
            }
        })
        .collect()
}

#[test]
fn ground_truth_is_consistent_with_text() {
    let mut words_seen = (usize::MAX, 0);
    let mut no_partner = 0;
    let mut with_places = 0;
    let mut orgs = 0;
    let mut both_spellings = (0, 0);
    let names: Vec<(&str, regex::Regex)> = PARTNERS
        .iter()
        .map(|p| p.code)
        .chain(PLACES.iter().map(|p| p.0))
        .map(|c| {
            (
                c,
                regex::Regex::new(&format!(r"\b{}\b", vocab::country_name(c))).unwrap(),
            )
        })
        .collect();
    for a in Generator::new(9).take(1500) {
        let m = &a.meta;
        assert_eq!(a.id, stable_id(a.url.as_deref(), &a.body));
        let year = m.year.unwrap();
        assert!((YEARS.0..=YEARS.1).contains(&year), "year {year}");
        assert_eq!(m.published.unwrap().year(), year);
        let words = a.body.split_whitespace().count();
        assert!(
            (WORDS.0..=WORDS.1).contains(&words),
            "{words} words: {}",
            a.body
        );
        words_seen = (words_seen.0.min(words), words_seen.1.max(words));
        assert!(
            !a.body.contains('{') && !a.body.contains('['),
            "unexpanded slot: {}",
            a.body
        );
        let story = format!("{}\n{}", m.title.as_deref().unwrap(), a.body);
        for code in &m.partners {
            let name = vocab::country_name(code);
            assert!(
                a.body.contains(name),
                "partner {code} ({name}) not in body: {}",
                a.body
            );
        }
        // Every country named in the story is in `mentioned_countries`, partners included.
        for p in &m.partners {
            assert!(m.mentioned_countries.contains(p));
        }
        for (code, re) in &names {
            let name = re.as_str();
            let named = re.is_match(&story);
            assert_eq!(
                named,
                m.mentioned_countries.iter().any(|c| c == code),
                "{code} ({name}) in {story}"
            );
        }
        assert!(!m.partners.iter().any(|c| c == "ID"));
        if m.partners.is_empty() && m.partner_orgs.is_empty() {
            no_partner += 1;
        }
        if m.mentioned_countries.len() > m.partners.len() {
            with_places += 1;
        }
        if !m.partner_orgs.is_empty() {
            orgs += 1;
        }
        // Weekdays written in the story are right for their dates.
        let published = m.published.unwrap();
        let phrases = day_phrases(&a.body);
        assert!(!phrases.is_empty(), "no dated phrase: {}", a.body);
        for (wd, d, mo, y) in phrases {
            let date = NaiveDate::from_ymd_opt(y.unwrap_or(year), mo, d).unwrap();
            assert_eq!(weekday_id(date), wd, "{wd} {d}/{mo} in {year}");
            assert!((published - date).num_days() <= 1 && date <= published);
        }
        both_spellings.0 += usize::from(a.body.contains("kerja sama"));
        both_spellings.1 += usize::from(a.body.contains("kerjasama"));
        // Lists are sorted and unique.
        for list in [&m.partners, &m.partner_orgs, &m.mentioned_countries] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
    // The corpus has every kind of article the tests of the other stages need.
    assert!(no_partner > 200, "{no_partner} domestic stories");
    assert!(
        with_places > 100,
        "{with_places} stories naming non-partner places"
    );
    assert!(orgs > 100, "{orgs} stories with an organisation");
    assert!(
        both_spellings.0 > 300 && both_spellings.1 > 100,
        "{both_spellings:?}"
    );
    assert!(words_seen.0 < 250 && words_seen.1 > 700, "{words_seen:?}");
}

#[test]
fn partners_and_years_are_spread() {
    let mut partners: HashMap<String, usize> = HashMap::new();
    let mut years: HashMap<i32, usize> = HashMap::new();
    for a in Generator::new(5).take(3000) {
        for p in a.meta.partners {
            *partners.entry(p).or_default() += 1;
        }
        *years.entry(a.meta.year.unwrap()).or_default() += 1;
    }
    assert!(partners.len() >= 40, "{} partners", partners.len());
    assert!(
        partners["AU"] > partners["NL"]
            && partners["NL"] > partners.get("FJ").copied().unwrap_or(0)
    );
    assert_eq!(years.len(), 16);
    assert!(years[&2024] > 3 * years[&2011]);
}

#[test]
fn every_record_parses_with_all_fields() {
    let out = jsonl(300, 11);
    let mut n = 0;
    let mut ids = std::collections::HashSet::new();
    let mut urls = std::collections::HashSet::new();
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        for key in [
            "id",
            "url",
            "title",
            "body",
            "source",
            "published",
            "year",
            "partners",
            "partner_orgs",
            "mentioned_countries",
            "dateline",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        let published = v["published"].as_str().unwrap();
        let d = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        assert_eq!(d.year() as i64, v["year"].as_i64().unwrap());
        assert!(ids.insert(v["id"].as_str().unwrap().to_string()));
        assert!(urls.insert(v["url"].as_str().unwrap().to_string()));
        n += 1;
    }
    assert_eq!(n, 300);
}

/// A writer that remembers its largest single write.
struct Chunks {
    total: usize,
    largest: usize,
}

impl Write for Chunks {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.total += buf.len();
        self.largest = self.largest.max(buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn writing_streams_in_bounded_chunks() {
    let mut sink = Chunks {
        total: 0,
        largest: 0,
    };
    write_jsonl(
        &mut sink,
        &GenerateOptions {
            docs: 3000,
            seed: 2,
            dense: false,
        },
    )
    .unwrap();
    // Several MB went out, never more than the buffer (plus one line) at a time.
    assert!(sink.total > 4_000_000, "{}", sink.total);
    assert!(sink.largest <= (1 << 18) + 64 * 1024, "{}", sink.largest);
}

#[test]
fn sample_corpus_has_philippine_cooperation() {
    let mut ph = 0;
    let mut n = 0;
    for a in sample_corpus() {
        n += 1;
        let text = a.body.to_lowercase();
        if a.meta.partners.iter().any(|p| p == "PH")
            && (text.contains("kerja sama") || text.contains("kerjasama"))
        {
            ph += 1;
        }
    }
    assert_eq!(n, SAMPLE_DOCS);
    assert!(ph >= 40, "{ph} Philippine cooperation articles");
}

#[test]
fn text_dir_has_pages_and_truth() {
    let dir = tempfile::tempdir().unwrap();
    let n = write_text_dir(
        dir.path(),
        &GenerateOptions {
            docs: 150,
            seed: 4,
            dense: false,
        },
    )
    .unwrap();
    assert_eq!(n, 150);
    let truth = std::fs::read_to_string(dir.path().join("truth.jsonl")).unwrap();
    let mut sources = std::collections::HashSet::new();
    let mut related = 0;
    for line in truth.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = std::fs::read_to_string(dir.path().join(v["file"].as_str().unwrap())).unwrap();
        if let Some(t) = v["title"].as_str() {
            assert!(text.contains(t));
        }
        if let Some(d) = v["dateline"].as_str() {
            assert!(text.contains(d), "dateline {d}");
        }
        sources.insert(v["source"].as_str().unwrap_or("-").to_string());
        related += usize::from(
            text.contains("aca juga")
                || text.contains("ACA JUGA")
                || text.contains("Pilihan Editor"),
        );
        for p in v["partners"].as_array().unwrap() {
            assert!(text.contains(vocab::country_name(p.as_str().unwrap())));
        }
    }
    assert_eq!(truth.lines().count(), 150);
    assert!(sources.len() >= 8, "{sources:?}");
    assert!(related > 50, "{related} pages with related links");
}

#[test]
fn render_has_publisher_formats() {
    // One page per publisher: its dateline form and its date evidence.
    let mut seen = std::collections::HashSet::new();
    for a in Generator::new(8).take(400) {
        let src = a.meta.source.clone();
        if !seen.insert(src.clone()) {
            continue;
        }
        let page = render_scraped(&a, 8);
        let t = &page.text;
        let d = a.meta.published.unwrap();
        match src.as_deref() {
            Some("KBC") => {
                assert!(t.starts_with(&format!("{} (KBC) - ", a.meta.dateline.as_deref().unwrap())));
                assert!(page.title.is_none());
            }
            Some("Harian Contoh") => {
                assert!(t.contains(&format!("HarianContoh.example - {}", d.format("%d/%m/%Y"))))
            }
            Some("Warta Contoh") => {
                assert!(t.contains("wartacontoh.example, ") && t.contains(weekday_id(d)))
            }
            Some("Suara Contoh") => assert!(t.contains("SUARACONTOH.EXAMPLE, ")),
            Some("Majalah Contoh") => {
                assert!(
                    t.contains("MAJALAHCONTOH.EXAMPLE, ") && t.contains(&format!("/{})", d.year()))
                )
            }
            Some("Rakyat Contoh") => {
                assert!(t.starts_with("Dark/Light Mode") && t.contains(" WIB\nFoto: "))
            }
            Some("Kabar Contoh") => assert!(t.contains(&weekday_id(d).to_uppercase())),
            Some("Damai Contoh") => assert!(t.contains("DamaiContoh.example. ")),
            Some("DC") => assert!(t.starts_with("DC – ")),
            _ => {}
        }
        // Same article, same seed: same page.
        assert_eq!(render_scraped(&a, 8), page);
    }
    assert!(seen.len() >= 9, "{seen:?}");
}

#[test]
fn sentences_do_not_repeat_within_an_article() {
    for a in Generator::new(13).take(500) {
        if a.body.split_whitespace().count() > 450 {
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        for s in a
            .body
            .split(['\n'])
            .flat_map(|p| p.split(". "))
            .filter(|s| s.len() > 40)
        {
            assert!(seen.insert(s), "repeated: {s}");
        }
        // Headline case only in headlines.
        assert!(!a.body.contains("Kerja Sama Indonesia"), "{}", a.body);
    }
}

#[test]
fn dense_articles_are_long_deterministic_and_full_of_names() {
    let opts = GenerateOptions {
        docs: 40,
        seed: 3,
        dense: true,
    };
    let a: Vec<_> = Generator::with_options(&opts).take(40).collect();
    let b: Vec<_> = Generator::with_options(&opts).take(40).collect();
    assert_eq!(a, b);
    for x in &a {
        let words = x.body.split_whitespace().count();
        assert!((300..=1000).contains(&words), "{words} words");
        let paragraphs: Vec<&str> = x.body.split("\n\n").collect();
        assert!(paragraphs.len() >= 3, "{} paragraphs", paragraphs.len());
        // Every paragraph after the lead names at least one country, organisation or date.
        for p in &paragraphs[1..] {
            let names = crate::extract::gazetteer::find_names(p).count();
            assert!(names >= 1, "no name in {p:?}");
        }
        // Like most scraped input: partners and year given, nothing else detected.
        assert!(x.meta.partner_orgs.is_empty() && x.meta.mentioned_countries.is_empty());
        assert!(x.meta.year.is_some());
    }
}

#[test]
fn the_default_corpus_is_not_dense() {
    let opts = GenerateOptions {
        docs: 20,
        seed: 5,
        dense: false,
    };
    let a: Vec<_> = Generator::with_options(&opts).take(20).collect();
    let b: Vec<_> = Generator::new(5).take(20).collect();
    assert_eq!(a, b);
}
