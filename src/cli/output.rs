//! Human-readable rendering of search results: numbered hits with highlighted snippets, and
//! facet counts drawn as bars. Bold (ANSI) only when writing to a terminal.

use std::fmt::Write as _;

use telusur::search::{FacetCount, Facets, Hit, SearchResults};

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Widest bar of a facet chart, in characters.
const BAR_WIDTH: u64 = 30;

/// Styling of the output.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI bold for matched words and titles.
    pub color: bool,
}

impl Style {
    fn bold(self) -> (&'static str, &'static str) {
        if self.color {
            (BOLD, RESET)
        } else {
            ("", "")
        }
    }

    fn dim(self) -> (&'static str, &'static str) {
        if self.color {
            (DIM, RESET)
        } else {
            ("", "")
        }
    }
}

/// The whole human output of one search: a summary line, the hits, the facets if present.
pub fn render(results: &SearchResults, style: Style) -> String {
    let mut out = String::new();
    let shown = results.hits.len();
    let first = results.offset + 1;
    let total = match results.articles {
        Some(articles) if results.collapse => {
            format!("{} stories ({articles} articles)", results.total)
        }
        _ => format!("{} hits", results.total),
    };
    if shown == 0 {
        let _ = writeln!(out, "{total} ({:.2} ms)", results.took_ms);
    } else {
        let _ = writeln!(
            out,
            "{total}, showing {}-{} ({:.2} ms)",
            first,
            results.offset + shown,
            results.took_ms
        );
    }
    if let Some(r) = &results.relaxation {
        let (dim, reset) = style.dim();
        let _ = writeln!(
            out,
            "{dim}note: {} (--match all for every word){reset}",
            r.message
        );
    }
    for (i, hit) in results.hits.iter().enumerate() {
        out.push('\n');
        render_hit(&mut out, results.offset + i + 1, hit, style);
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

fn render_hit(out: &mut String, n: usize, hit: &Hit, style: Style) {
    let (b, r) = style.bold();
    let (d, dr) = style.dim();
    let title = if hit.title_highlights.is_empty() || !style.color {
        hit.title.clone()
    } else {
        telusur::search::Snippet {
            text: hit.title.clone(),
            highlights: hit.title_highlights.clone(),
        }
        // Inside a bold title, mark matches by underlining.
        .marked("\x1b[4m", "\x1b[24m")
    };
    let excerpt = if hit.title_is_excerpt {
        " [first sentence]"
    } else {
        ""
    };
    let _ = writeln!(out, "{n:>3}. {b}{title}{r}{excerpt}");
    let mut meta: Vec<String> = Vec::with_capacity(5);
    meta.push(hit.source.clone().unwrap_or_else(|| "?".into()));
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
    let _ = writeln!(out, "     {d}{}{dr}", meta.join(" · "));
    if let Some(s) = &hit.snippet {
        let text = s.marked(b, r);
        let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(out, "     {one_line}");
    }
    if let Some(n) = hit.copies.filter(|&n| n > 1) {
        let mut sources: Vec<String> = hit
            .other_copies
            .iter()
            .map(|c| c.source.clone().unwrap_or_else(|| "?".into()))
            .collect();
        let more = (n - 1).saturating_sub(sources.len());
        if more > 0 {
            sources.push(format!("{more} more"));
        }
        let _ = writeln!(
            out,
            "     {d}{n} copies · also in {}{dr}",
            sources.join(", ")
        );
    }
}

fn render_facets(out: &mut String, f: &Facets) {
    let sections: [(&str, &[FacetCount], bool); 5] = [
        ("Partner countries", &f.countries, true),
        ("Regions", &f.regions, false),
        ("Years", &f.years, false),
        ("Sources", &f.sources, false),
        ("Organisations", &f.orgs, true),
    ];
    for (heading, counts, with_code) in sections {
        if counts.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{heading}");
        let label = |c: &FacetCount| {
            if with_code && c.name != c.key {
                format!("{} ({})", c.name, c.key)
            } else {
                c.name.clone()
            }
        };
        let width = counts
            .iter()
            .map(|c| label(c).chars().count())
            .max()
            .unwrap_or(0);
        let max = counts.iter().map(|c| c.count).max().unwrap_or(1).max(1);
        for c in counts {
            let l = label(c);
            let pad = width - l.chars().count();
            let bar = bar(c.count, max);
            let _ = writeln!(out, "  {l}{:pad$}  {bar} {}", "", c.count);
        }
        out.push('\n');
    }
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
    use telusur::search::{Snippet, Sort};

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
                    },
                    FacetCount {
                        key: "MY".into(),
                        name: "Malaysia".into(),
                        count: 1,
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
        }
    }

    #[test]
    fn collapsed_output_counts_stories_and_lists_copies() {
        let mut r = results();
        r.collapse = true;
        r.articles = Some(5);
        r.hits[0].copies = Some(3);
        r.hits[0].other_copies = vec![telusur::search::OtherCopy {
            id: "def".into(),
            source: Some("Kompas".into()),
            url: None,
        }];
        let text = render(&r, Style { color: false });
        assert!(
            text.starts_with("2 stories (5 articles), showing 1-1"),
            "{text}"
        );
        assert!(text.contains("3 copies · also in Kompas, 1 more"), "{text}");
        // Without collapse, no copies line.
        assert!(!render(&results(), Style { color: false }).contains("copies"));
    }

    #[test]
    fn plain_output_has_no_escapes() {
        let text = render(&results(), Style { color: false });
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
    fn terminal_output_bolds_matches() {
        let text = render(&results(), Style { color: true });
        assert!(text.contains("menjalin \x1b[1mkerja\x1b[0m sama"), "{text}");
    }

    #[test]
    fn a_relaxed_search_says_so_in_the_text() {
        let mut r = results();
        assert!(!render(&r, Style { color: false }).contains("note:"));
        r.relaxation = Some(telusur::search::Relaxation {
            words: 3,
            required: 1,
            all_words_total: 0,
            message: "no article has all 3 words; showing articles with any of them".into(),
        });
        let text = render(&r, Style { color: false });
        let second = text.lines().nth(1).expect("a second line");
        assert_eq!(
            second,
            "note: no article has all 3 words; showing articles with any of them \
             (--match all for every word)"
        );
    }

    #[test]
    fn bars_scale() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(1, 1000).chars().count(), 1);
        assert_eq!(bar(10, 10).chars().count(), BAR_WIDTH as usize);
    }
}
