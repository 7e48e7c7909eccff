use std::collections::BTreeMap;

use chrono::NaiveDate;
use tantivy::schema::{Facet, Value};

use crate::article::{stable_id, Article, Metadata};
use crate::ingest::Problem;

use super::*;

fn article() -> Article {
    let mut evidence = BTreeMap::new();
    evidence.insert("year".to_string(), "Senin (14/3/2022)".to_string());
    Article {
        id: String::new(),
        path: Some("corpus/a.txt".into()),
        url: Some("https://example.org/berita/1".into()),
        body: "Indonesia dan Filipina sepakat bekerja sama.".into(),
        meta: Metadata {
            title: Some("Kerja sama".into()),
            source: Some("detik/news".into()),
            dateline: Some("Jakarta".into()),
            published: NaiveDate::from_ymd_opt(2022, 3, 14),
            year: None,
            partners: vec!["PH".into(), "AU".into(), "PH".into()],
            partner_orgs: vec!["UN".into()],
            mentioned_countries: vec!["PH".into(), "ZZ".into()],
            evidence,
        },
    }
}

#[test]
fn normalize_fills_id_and_year_and_sorts_lists() {
    let mut a = article();
    normalize(&mut a);
    assert_eq!(a.id, stable_id(a.url.as_deref(), ""));
    assert_eq!(a.meta.year, Some(2022));
    assert_eq!(a.meta.partners, ["AU", "PH"]);
}

#[test]
fn document_round_trips_every_field() {
    let (_, f) = schema();
    let mut a = article();
    normalize(&mut a);
    let doc = to_document(&f, &a, 42);
    assert_eq!(from_document(&f, &doc), a);
    assert_eq!(doc.get_first(f.hash).and_then(|v| v.as_u64()), Some(42));
}

#[test]
fn facets_escape_slashes_and_keep_country_depth() {
    let (_, f) = schema();
    let mut a = article();
    normalize(&mut a);
    let doc = to_document(&f, &a, 0);
    let facets: Vec<String> = doc
        .get_all(f.mentioned)
        .filter_map(|v| {
            v.as_facet()
                .map(|s| Facet::from_encoded(s.as_bytes().to_vec()).map(|f| f.to_string()))
        })
        .collect::<Result<_, _>>()
        .expect("utf-8 facets");
    assert_eq!(
        facets,
        ["/asia/south-eastern-asia/PH", "/unknown/unknown/ZZ"]
    );
    let source = doc
        .get_first(f.source)
        .and_then(|v| v.as_facet())
        .map(facet_leaf);
    assert_eq!(source, Some("detik/news"));
}

#[test]
fn year_facet_has_the_month_when_the_day_is_known() {
    let d = NaiveDate::from_ymd_opt(2022, 3, 14);
    assert_eq!(
        year_facet(d, Some(2022)).map(|f| f.to_string()).as_deref(),
        Some("/2022/03")
    );
    assert_eq!(
        year_facet(None, Some(2019))
            .map(|f| f.to_string())
            .as_deref(),
        Some("/2019")
    );
    assert_eq!(year_facet(None, None), None);
}

#[test]
fn content_hash_follows_content() {
    let mut a = article();
    normalize(&mut a);
    let h = content_hash(&a);
    assert_eq!(h, content_hash(&a.clone()));
    a.body.push('!');
    assert_ne!(h, content_hash(&a));
    let mut b = article();
    normalize(&mut b);
    b.meta.partners.push("MY".into());
    assert_ne!(h, content_hash(&b));
}

#[test]
fn report_groups_skips_by_reason() {
    let p = |path: &str, reason: &str| Problem {
        path: path.into(),
        line: None,
        reason: reason.into(),
    };
    let r = IndexReport {
        skipped: [p("a", "bad json"), p("b", "empty"), p("c", "bad json")]
            .into_iter()
            .collect(),
        ..IndexReport::default()
    };
    let groups = r.skipped_by_reason();
    assert_eq!(groups.len(), 2);
    assert_eq!(
        (groups[0].reason.as_str(), groups[0].count),
        ("bad json", 2)
    );
    assert_eq!(
        groups[0]
            .examples
            .iter()
            .map(|p| p.path.as_str())
            .collect::<Vec<_>>(),
        ["a", "c"]
    );
    assert!(!r.any_article());
}
