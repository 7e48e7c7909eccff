//! Human-readable rendering of search results: numbered hits with highlighted snippets, and
//! facet counts drawn as bars. The text carries `anstyle` styles (bold titles and matches,
//! dim details); it is written through `anstream`, which drops them unless `--color` (or a
//! terminal without `NO_COLOR`) asks for colour.

use std::fmt::Write as _;

use anstyle::Style;
use telusur::{FacetCount, Facets, Hit, SearchResults};

/// Titles and matched words.
const BOLD: Style = Style::new().bold();
/// Matched words within a bold title.
const UNDERLINE: Style = Style::new().bold().underline();
/// Details: publisher, date, partners, id; notes.
const DIM: Style = Style::new().dimmed();

/// What the built-in sample corpus is.
pub const SAMPLE_WHAT: &str = "generated articles from fictional outlets, not real news \
(index your own with `telusur index PATH...`)";

/// The line that marks output from the built-in sample corpus.
pub const SAMPLE_LINE: &str = "sample data: generated articles from fictional outlets, not real \
news (index your own with `telusur index PATH...`)";

/// Widest bar of a facet chart, in characters.
const BAR_WIDTH: u64 = 30;

/// The whole human output of one search: a summary line, the hits, the facets if present.
pub fn render(results: &SearchResults) -> String {
    let mut out = String::new();
    if results.sample {
        let _ = writeln!(out, "{DIM}{SAMPLE_LINE}{DIM:#}");
    }
    let shown = results.hits.len();
    let first = results.offset + 1;
    let hits = match results.articles {
        Some(articles) if results.collapse => format!(
            "{} ({})",
            plural(results.total, "story", "stories"),
            plural(articles, "article", "articles")
        ),
        _ => plural(results.total, "hit", "hits"),
    };
    // "1 hit (..)": a page of the one hit there is needs no range.
    if shown == 0 || (shown == 1 && results.total == 1) {
        let _ = writeln!(out, "{hits} ({:.2} ms)", results.took_ms);
    } else {
        let _ = writeln!(
            out,
            "{hits}, showing {}-{} ({:.2} ms)",
            first,
            results.offset + shown,
            results.took_ms
        );
    }
    if let Some(r) = &results.relaxation {
        let _ = writeln!(
            out,
            "{DIM}note: {} (--match all for every word){DIM:#}",
            r.message
        );
    }
    for (i, hit) in results.hits.iter().enumerate() {
        out.push('\n');
        render_hit(&mut out, results.offset + i + 1, hit);
    }
    if let Some(f) = &results.facets {
        out.push('\n');
        if results.count == telusur::dedup::CountUnit::Stories {
            let _ = writeln!(out, "(facets count stories)");
        }
        render_facets(&mut out, f);
    }
    out
}

fn render_hit(out: &mut String, n: usize, hit: &Hit) {
    // Inside a bold title, matches are underlined too (and bold again after them).
    let title = telusur::Snippet {
        text: hit.title.clone(),
        highlights: hit.title_highlights.clone(),
    }
    .marked(
        &format!("{BOLD:#}{UNDERLINE}"),
        &format!("{UNDERLINE:#}{BOLD}"),
    );
    let excerpt = if hit.title_is_excerpt {
        " [first sentence]"
    } else {
        ""
    };
    let _ = writeln!(out, "{n:>3}. {BOLD}{title}{BOLD:#}{excerpt}");
    let mut meta: Vec<String> = Vec::with_capacity(5);
    // An unknown publisher is left out, not shown as a placeholder.
    meta.extend(hit.source.clone());
    meta.push(match (hit.published, hit.year) {
        (Some(p), _) => p.to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => "undated".into(),
    });
    if !hit.partner_names.is_empty() {
        meta.push(hit.partner_names.join(", "));
    }
    if !hit.orgs.is_empty() {
        meta.push(hit.orgs.join(", "));
    }
    if let Some(s) = hit.score {
        meta.push(format!("score {s:.2}"));
    }
    meta.push(format!("id {}", hit.id));
    let _ = writeln!(out, "     {DIM}{}{DIM:#}", meta.join(" · "));
    if let Some(s) = &hit.snippet {
        let text = s.marked(&BOLD.render().to_string(), &BOLD.render_reset().to_string());
        let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(out, "     {one_line}");
    }
    if let Some(n) = hit.copies.filter(|&n| n > 1) {
        let mut sources: Vec<String> = hit
            .other_copies
            .iter()
            .map(|c| {
                c.source
                    .clone()
                    .unwrap_or_else(|| "unknown publisher".into())
            })
            .collect();
        let more = (n - 1).saturating_sub(sources.len());
        if more > 0 {
            sources.push(format!("{more} more"));
        }
        let _ = writeln!(
            out,
            "     {DIM}{n} copies · also in {}{DIM:#}",
            sources.join(", ")
        );
    }
}

/// `1 hit`, `2 hits`, `0 hits`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line of a facet chart: indentation, label, count.
struct Row {
    depth: usize,
    label: String,
    count: u64,
    selected: bool,
}

fn render_facets(out: &mut String, f: &Facets) {
    let label = |c: &FacetCount, with_code: bool| {
        if with_code && c.name != c.key {
            format!("{} ({})", c.name, c.key)
        } else {
            c.name.clone()
        }
    };
    let flat = |counts: &[FacetCount], with_code: bool| -> Vec<Row> {
        counts
            .iter()
            .map(|c| Row {
                depth: 0,
                label: label(c, with_code),
                count: c.count,
                selected: c.selected,
            })
            .collect()
    };
    let sections: [(&str, Vec<Row>); 5] = [
        ("Partner countries", flat(&f.countries, true)),
        ("Regions", region_rows(f)),
        ("Years", flat(&f.years, false)),
        ("Sources", flat(&f.sources, false)),
        ("Organisations", flat(&f.orgs, true)),
    ];
    for (heading, rows) in sections {
        if rows.is_empty() {
            continue;
        }
        let marked = rows.iter().any(|r| r.selected);
        if marked {
            let _ = writeln!(out, "{heading} (* selected)");
        } else {
            let _ = writeln!(out, "{heading}");
        }
        let text = |r: &Row| format!("{}{}", "  ".repeat(r.depth), r.label);
        let width = rows
            .iter()
            .map(|r| text(r).chars().count())
            .max()
            .unwrap_or(0);
        let max = rows.iter().map(|r| r.count).max().unwrap_or(1).max(1);
        for r in &rows {
            let l = text(r);
            let pad = width - l.chars().count();
            let bar = bar(r.count, max);
            let mark = if r.selected { "* " } else { "  " };
            let _ = writeln!(out, "{mark}{l}{:pad$}  {bar} {}", "", r.count);
        }
        out.push('\n');
    }
}

/// The region facet as a tree: each continent, its sub-regions below it, and below a selected
/// sub-region its partner countries (the drill-down: `Asia Tenggara` → Filipina, Malaysia...).
fn region_rows(f: &Facets) -> Vec<Row> {
    let mut rows = Vec::new();
    let row = |depth: usize, c: &FacetCount| Row {
        depth,
        label: c.name.clone(),
        count: c.count,
        selected: c.selected,
    };
    for continent in f.regions.iter().filter(|r| !r.key.contains('/')) {
        rows.push(row(0, continent));
        let prefix = format!("{}/", continent.key);
        for sub in f.regions.iter().filter(|r| r.key.starts_with(&prefix)) {
            rows.push(row(1, sub));
            if !sub.selected {
                continue;
            }
            for c in &f.countries {
                let inside = telusur::extract::gazetteer::country(&c.key)
                    .is_some_and(|k| format!("{}/{}", k.region, k.subregion) == sub.key);
                if inside {
                    rows.push(Row {
                        depth: 2,
                        label: format!("{} ({})", c.name, c.key),
                        count: c.count,
                        selected: c.selected,
                    });
                }
            }
        }
    }
    rows
}

/// A bar of full blocks proportional to `count / max`, at least one block for a non-zero count.
fn bar(count: u64, max: u64) -> String {
    let n = (count * BAR_WIDTH)
        .div_ceil(max.max(1))
        .max(u64::from(count > 0));
    "█".repeat(usize::try_from(n).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use telusur::{Snippet, Sort};

    fn results() -> SearchResults {
        SearchResults {
            query: "kerja sama".into(),
            total: 2,
            took_ms: 0.5,
            sort: Sort::Relevance,
            offset: 0,
            hits: vec![Hit {
                id: "abc".into(),
                path: None,
                url: None,
                title: "Kerja sama Indonesia–Filipina".into(),
                title_is_excerpt: false,
                title_highlights: vec![[0, 5]],
                source: Some("ANTARA".into()),
                published: chrono::NaiveDate::from_ymd_opt(2022, 9, 11),
                year: Some(2022),
                partners: vec!["PH".into()],
                partner_names: vec!["Filipina".into()],
                orgs: vec![],
                score: Some(3.0),
                snippet: Some(Snippet {
                    text: "Kedua negara menjalin kerja\nsama".into(),
                    highlights: vec![[22, 27]],
                }),
                story: Some("00000000000000ab".into()),
                copies: None,
                other_copies: vec![],
            }],
            facets: Some(Facets {
                countries: vec![
                    FacetCount {
                        key: "PH".into(),
                        name: "Filipina".into(),
                        count: 4,
                        selected: false,
                    },
                    FacetCount {
                        key: "MY".into(),
                        name: "Malaysia".into(),
                        count: 1,
                        selected: false,
                    },
                ],
                ..Facets::default()
            }),
            warnings: vec![],
            match_mode: Default::default(),
            relaxation: None,
            collapse: false,
            articles: None,
            count: Default::default(),
            sample: false,
        }
    }

    /// The output as written where colour is off.
    fn plain(r: &SearchResults) -> String {
        anstream::adapter::strip_str(&render(r)).to_string()
    }

    #[test]
    fn collapsed_output_counts_stories_and_lists_copies() {
        let mut r = results();
        r.collapse = true;
        r.articles = Some(5);
        r.hits[0].copies = Some(3);
        r.hits[0].other_copies = vec![telusur::OtherCopy {
            id: "def".into(),
            source: Some("Kompas".into()),
            url: None,
        }];
        let text = plain(&r);
        assert!(
            text.starts_with("2 stories (5 articles), showing 1-1"),
            "{text}"
        );
        assert!(text.contains("3 copies · also in Kompas, 1 more"), "{text}");
        // Without collapse, no copies line.
        assert!(!plain(&results()).contains("copies"));
    }

    #[test]
    fn plain_output_has_no_escapes() {
        let text = plain(&results());
        assert!(!text.contains('\x1b'));
        assert!(text.contains("  1. Kerja sama Indonesia–Filipina\n"));
        assert!(text.contains("ANTARA · 2022-09-11 · Filipina · score 3.00 · id abc"));
        assert!(
            text.contains("Kedua negara menjalin kerja sama\n"),
            "{text}"
        );
        assert!(
            text.contains("Filipina (PH)  ██████████████████████████████ 4\n"),
            "{text}"
        );
        assert!(text.contains("Malaysia (MY)  ████████ 1\n"), "{text}");
    }

    #[test]
    fn coloured_output_bolds_matches() {
        let text = render(&results());
        assert!(text.contains("menjalin \x1b[1mkerja\x1b[0m sama"), "{text}");
        // The title is bold, its matched word underlined.
        assert!(
            text.contains("\x1b[1m\x1b[0m\x1b[1m\x1b[4mKerja\x1b[0m\x1b[1m sama"),
            "{text:?}"
        );
    }

    #[test]
    fn a_relaxed_search_says_so_in_the_text() {
        let mut r = results();
        assert!(!plain(&r).contains("note:"));
        r.relaxation = Some(telusur::Relaxation {
            words: 3,
            required: 1,
            all_words_total: 0,
            message: "no article has all 3 words; showing articles with any of them".into(),
        });
        let text = plain(&r);
        let second = text.lines().nth(1).expect("a second line");
        assert_eq!(
            second,
            "note: no article has all 3 words; showing articles with any of them \
             (--match all for every word)"
        );
    }

    #[test]
    fn one_hit_is_singular_and_an_unknown_publisher_is_left_out() {
        let mut r = results();
        r.total = 1;
        r.hits[0].source = None;
        let text = plain(&r);
        assert!(text.starts_with("1 hit (0.50 ms)\n"), "{text}");
        assert!(
            text.contains("     2022-09-11 · Filipina · score"),
            "{text}"
        );
        assert!(!text.contains('?'), "{text}");
        r.total = 0;
        r.hits.clear();
        assert!(plain(&r).starts_with("0 hits ("));
    }

    #[test]
    fn regions_drill_down_and_selected_values_are_marked() {
        let count = |key: &str, name: &str, count: u64, selected: bool| FacetCount {
            key: key.into(),
            name: name.into(),
            count,
            selected,
        };
        let mut r = results();
        r.facets = Some(Facets {
            countries: vec![
                count("PH", "Filipina", 4, false),
                count("AU", "Australia", 3, false),
                count("MY", "Malaysia", 2, false),
            ],
            regions: vec![
                count("asia", "Asia", 6, false),
                count("asia/south-eastern-asia", "Asia Tenggara", 6, true),
                count("oceania", "Oseania", 3, false),
                count("oceania/australia-and-new-zealand", "Australasia", 3, false),
            ],
            years: vec![
                count("2021", "2021", 2, false),
                count("2022", "2022", 5, true),
            ],
            ..Facets::default()
        });
        let text = plain(&r);
        let regions: Vec<&str> = text
            .split("Regions (* selected)\n")
            .nth(1)
            .expect("a region section with a selection")
            .lines()
            .take_while(|l| !l.is_empty())
            .map(|l| l.split("  █").next().unwrap_or(l).trim_end())
            .collect();
        assert_eq!(
            regions,
            [
                "  Asia",
                "*   Asia Tenggara",
                "      Filipina (PH)",
                "      Malaysia (MY)",
                "  Oseania",
                "    Australasia",
            ],
            "{text}"
        );
        assert!(text.contains("Years (* selected)\n  2021"), "{text}");
        assert!(text.contains("\n* 2022"), "{text}");
    }

    #[test]
    fn sample_results_say_so_first() {
        let mut r = results();
        assert!(!plain(&r).contains("sample data"));
        r.sample = true;
        assert!(plain(&r).starts_with("sample data: generated articles from fictional outlets"));
    }

    #[test]
    fn bars_scale() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(1, 1000).chars().count(), 1);
        assert_eq!(bar(10, 10).chars().count(), BAR_WIDTH as usize);
    }
}
