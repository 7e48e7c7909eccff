//! Library-level search tests on a small in-RAM index of articles written for these tests.
//! The tests at the end depend on the Indonesian analyzer (compound normalisation, stemming).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use telusur::{Article, Engine, Error, IndexOptions, Metadata};
use telusur::{FacetCount, MatchMode, SearchRequest, SearchResults, Sort};

// ------------------------------------------------------------------------------------------
// Fixture index: the fixtures through the index module's own mapping.
// ------------------------------------------------------------------------------------------

/// An in-memory engine holding `articles`, indexed in order in one segment.
fn engine_with(articles: &[Article]) -> Engine {
    let e = Engine::in_memory().expect("engine");
    let opts = IndexOptions {
        threads: Some(1),
        ..IndexOptions::default()
    };
    e.index_articles(articles.to_vec(), &opts).expect("index");
    e
}

#[allow(clippy::too_many_arguments)]
fn art(
    id: &str,
    title: Option<&str>,
    body: &str,
    source: &str,
    date: Option<(i32, u32, u32)>,
    partners: &[&str],
    orgs: &[&str],
) -> Article {
    let published = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    Article {
        id: id.to_string(),
        path: Some(format!("fixtures/{id}.txt")),
        url: Some(format!("https://example.id/berita/{id}")),
        body: body.to_string(),
        meta: Metadata {
            title: title.map(str::to_string),
            source: Some(source.to_string()),
            published,
            year: published.map(|p| chrono::Datelike::year(&p)),
            partners: partners.iter().map(|s| s.to_string()).collect(),
            partner_orgs: orgs.iter().map(|s| s.to_string()).collect(),
            mentioned_countries: partners.iter().map(|s| s.to_string()).collect(),
            ..Metadata::default()
        },
    }
}

/// A dozen short articles, each there for a reason given beside it.
fn fixtures() -> Vec<Article> {
    vec![
        // Partner PH, phrase "kerja sama", stemmed forms of "tanggulang".
        art("a01", Some("Indonesia dan Filipina perkuat kerja sama penanggulangan terorisme"),
            "Pemerintah kedua negara sepakat menanggulangi ancaman teror di wilayah perbatasan. \
             Kerja sama itu mencakup pertukaran informasi intelijen.",
            "ANTARA", Some((2022, 9, 11)), &["PH"], &["ASEAN"]),
        // No partner; "Poso" for OR.
        art("a02", Some("Densus 88 menangkap tiga terduga teroris di Poso"),
            "Penangkapan dilakukan pada dini hari tanpa perlawanan. Polisi menyita bahan peledak.",
            "Kompas", Some((2021, 3, 4)), &[], &[]),
        // No title (first sentence becomes the title); the compound "kerjasama".
        art("a03", None,
            "Indonesia dan Malaysia menandatangani nota kesepahaman kerjasama deradikalisasi. \
             Program itu menyasar narapidana kasus terorisme.",
            "ANTARA", Some((2019, 5, 20)), &["MY"], &[]),
        // Partner CN (Tiongkok / China).
        art("a04", Some("Tiongkok dan Indonesia bahas pendanaan terorisme"),
            "Kedua delegasi membahas cara memutus aliran dana kelompok teror lintas negara.",
            "ANTARA", Some((2020, 11, 2)), &["CN"], &[]),
        // Partner AU; "kerja" and "sama" apart, not as a phrase.
        art("a05", Some("Australia latih polisi Indonesia"),
            "Pelatihan forensik digelar sama seperti tahun lalu, dengan kerja lapangan di Semarang.",
            "Kompas", Some((2018, 7, 15)), &["AU"], &[]),
        // Partner GB, org UN; non-ASCII punctuation for snippet boundaries.
        art("a06", Some("Delegasi Inggris kunjungi BNPT"),
            "Pertemuan itu — kata juru bicara — membahas “kerja sama” pencegahan ekstremisme \
             kekerasan di sekolah.",
            "ANTARA", Some((2022, 2, 10)), &["GB"], &["UN"]),
        // Partner US; "siber" once in the body (title boost counterpart of a12).
        art("a07", Some("Amerika Serikat dan Indonesia gelar latihan bersama"),
            "Latihan meliputi penanganan sandera dan keamanan siber di fasilitas publik.",
            "Kompas", Some((2023, 6, 1)), &["US"], &[]),
        // Two partners in one region: PH and MY, org ASEAN; "Sulu" for OR.
        art("a08", Some("Patroli maritim trilateral di Laut Sulu"),
            "Indonesia, Filipina dan Malaysia menggelar patroli bersama untuk mencegah \
             penculikan dan penyelundupan senjata.",
            "ANTARA", Some((2017, 6, 19)), &["MY", "PH"], &["ASEAN"]),
        // No partner, trial story.
        art("a09", Some("Sidang terdakwa bom gereja ditunda"),
            "Majelis hakim menunda sidang karena saksi ahli berhalangan hadir.",
            "Kompas", Some((2019, 1, 28)), &[], &[]),
        // Org ASEAN and UN, partner MY.
        art("a10", Some("Pertemuan ASEAN bahas ekstremisme kekerasan"),
            "Menteri dari negara anggota bertemu dengan perwakilan Malaysia membahas kerja sama \
             regional melawan terorisme.",
            "ANTARA", Some((2021, 10, 5)), &["MY"], &["ASEAN", "UN"]),
        // No date at all (sorts last), third source.
        art("a11", Some("Seminar radikalisme daring di Jakarta"),
            "Para peneliti membahas penyebaran paham radikal melalui media sosial.",
            "jpnn.com", None, &[], &[]),
        // "siber" in the title only (title boost).
        art("a12", Some("Ancaman siber dan terorisme"),
            "Pakar menilai kelompok teror makin memanfaatkan internet untuk merekrut anggota.",
            "Kompas", Some((2020, 4, 14)), &[], &[]),
    ]
}

fn engine() -> Engine {
    engine_with(&fixtures())
}

fn run(e: &Engine, req: SearchRequest) -> SearchResults {
    e.search(&req).expect("search")
}

/// The ids of the hits (all of them: limit is raised).
fn ids(e: &Engine, req: SearchRequest) -> Vec<String> {
    run(e, req.limit(100))
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn id_set(e: &Engine, req: SearchRequest) -> BTreeSet<String> {
    ids(e, req).into_iter().collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn counts(v: &[FacetCount]) -> Vec<(String, u64)> {
    v.iter().map(|c| (c.key.clone(), c.count)).collect()
}

// ------------------------------------------------------------------------------------------
// Query syntax
// ------------------------------------------------------------------------------------------

#[test]
fn words_are_anded_by_default() {
    let e = engine();
    // "kerja" and "sama" and "Filipina": only a01 has all three (a08 has Filipina, no kerja).
    let all = SearchRequest::new("kerja sama Filipina").match_mode(MatchMode::All);
    assert_eq!(id_set(&e, all), set(&["a01"]));
    // By default, fewer than a page have them all: the articles with any of them follow,
    // a01 first, and the results say so.
    let relaxed = run(&e, SearchRequest::new("kerja sama Filipina"));
    assert_eq!(relaxed.hits[0].id, "a01");
    assert!(relaxed.hits.len() > 1);
    let note = relaxed.relaxation.as_ref().expect("relaxed");
    assert_eq!((note.words, note.all_words_total), (2, 1));
    // Each word alone matches more.
    assert!(id_set(&e, SearchRequest::new("Filipina")).len() > 1);
}

#[test]
fn phrase_needs_adjacent_words() {
    let e = engine();
    let words = id_set(&e, SearchRequest::new("kerja AND sama"));
    let phrase = id_set(&e, SearchRequest::new("\"kerja sama\""));
    assert!(words.contains("a05"), "a05 has both words apart: {words:?}");
    assert!(!phrase.contains("a05"), "but not the phrase: {phrase:?}");
    assert!(
        phrase.is_superset(&set(&["a01", "a06", "a10"])),
        "{phrase:?}"
    );
    // A known compound written open and unquoted is read as the compound.
    assert_eq!(id_set(&e, SearchRequest::new("kerja sama")), phrase);
    let all = |q: &str| SearchRequest::new(q).match_mode(MatchMode::All);
    assert_eq!(
        id_set(&e, all("kerja sama Filipina")),
        id_set(&e, all("\"kerja sama\" Filipina"))
    );
}

#[test]
fn phrases_do_not_run_from_headline_into_body() {
    let e = engine_with(&[art(
        "g01",
        Some("Pelatihan gabungan Densus"),
        "88 peserta mengikuti latihan di Bogor.",
        "ANTARA",
        Some((2023, 1, 9)),
        &[],
        &[],
    )]);
    assert_eq!(ids(&e, SearchRequest::new("densus 88")), ["g01"]);
    assert!(ids(&e, SearchRequest::new("\"densus 88\"")).is_empty());
    assert_eq!(ids(&e, SearchRequest::new("\"88 peserta\"")), ["g01"]);
}

#[test]
fn minus_excludes() {
    let e = engine();
    let all = id_set(&e, SearchRequest::new("terorisme"));
    let without = id_set(&e, SearchRequest::new("terorisme -Tiongkok"));
    assert!(all.contains("a04"));
    assert!(!without.contains("a04"));
    assert_eq!(all.len(), without.len() + 1);
    // A query of exclusions only means "everything but".
    let only_not = id_set(&e, SearchRequest::new("-terorisme"));
    assert_eq!(only_not.len(), fixtures().len() - all.len());
    assert!(only_not.is_disjoint(&all));
}

#[test]
fn or_and_parentheses() {
    let e = engine();
    assert_eq!(
        id_set(&e, SearchRequest::new("Poso OR Sulu")),
        set(&["a02", "a08"])
    );
    assert_eq!(
        id_set(&e, SearchRequest::new("(Poso OR Sulu) patroli")),
        set(&["a08"])
    );
}

#[test]
fn title_field_and_title_boost() {
    let e = engine();
    assert_eq!(id_set(&e, SearchRequest::new("title:siber")), set(&["a12"]));
    // "siber" once in a12's title and once in a07's body: the title match ranks first.
    let r = run(&e, SearchRequest::new("siber"));
    let order: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, ["a12", "a07"]);
    assert!(r.hits[0].score > r.hits[1].score);
    assert_eq!(r.hits[0].title_highlights, vec![[8, 13]]);
}

#[test]
fn source_field_in_query_is_case_insensitive() {
    let e = engine();
    let upper = id_set(&e, SearchRequest::new("terorisme source:ANTARA"));
    let lower = id_set(&e, SearchRequest::new("terorisme source:antara"));
    assert_eq!(upper, lower);
    assert_eq!(upper, set(&["a01", "a03", "a04", "a10"]));
    let filter = id_set(&e, SearchRequest::new("terorisme").source("Antara"));
    assert_eq!(filter, upper);
    let excluded = id_set(&e, SearchRequest::new("terorisme -source:antara"));
    assert_eq!(excluded, set(&["a12"]));
}

#[test]
fn unknown_source_warns_and_matches_nothing() {
    let e = engine();
    let r = run(&e, SearchRequest::new("").source("Tempo"));
    assert_eq!(r.total, 0);
    assert!(
        r.warnings.iter().any(|w| w.contains("Tempo")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn syntax_errors_are_read_leniently() {
    let e = engine();
    for q in [
        "\"unclosed",
        "(a OR",
        "title:",
        "kerja AND",
        ")(",
        "\"",
        "title:\"siber",
    ] {
        let r = e
            .search(&SearchRequest::new(q))
            .unwrap_or_else(|err| panic!("{q}: {err}"));
        assert_eq!(r.query, q);
    }
    let r = run(&e, SearchRequest::new("(Poso OR"));
    assert!(
        !r.warnings.is_empty(),
        "a warning for an unclosed parenthesis"
    );
    let r = run(&e, SearchRequest::new("\"patroli maritim"));
    assert!(!r.warnings.is_empty(), "a warning for an unclosed quote");
}

// ------------------------------------------------------------------------------------------
// Filters
// ------------------------------------------------------------------------------------------

#[test]
fn country_aliases_give_the_same_hits() {
    let e = engine();
    let tiongkok = ids(&e, SearchRequest::new("").country("Tiongkok"));
    let china = ids(&e, SearchRequest::new("").country("China"));
    let code = ids(&e, SearchRequest::new("").country("cn"));
    assert_eq!(tiongkok, ["a04"]);
    assert_eq!(tiongkok, china);
    assert_eq!(tiongkok, code);
    let uk = ids(&e, SearchRequest::new("").country("United Kingdom"));
    assert_eq!(uk, ids(&e, SearchRequest::new("").country("Inggris")));
    assert_eq!(uk, ["a06"]);
}

#[test]
fn several_countries_mean_any_of_them() {
    let e = engine();
    let r = id_set(
        &e,
        SearchRequest::new("")
            .country("Filipina")
            .country("Australia"),
    );
    assert_eq!(r, set(&["a01", "a05", "a08"]));
}

#[test]
fn region_drills_down() {
    let e = engine();
    let asia = id_set(&e, SearchRequest::new("").country("asia"));
    assert_eq!(asia, set(&["a01", "a03", "a04", "a08", "a10"]));
    let sea = id_set(&e, SearchRequest::new("").country("south-eastern-asia"));
    assert_eq!(sea, set(&["a01", "a03", "a08", "a10"]));
}

#[test]
fn unknown_country_error_has_suggestions() {
    let e = engine();
    match e.search(&SearchRequest::new("").country("Filipinnes")) {
        Err(Error::UnknownCountry { name, suggestions }) => {
            assert_eq!(name, "Filipinnes");
            assert!(
                suggestions
                    .iter()
                    .any(|s| s == "Filipina" || s == "Philippines"),
                "{suggestions:?}"
            );
        }
        other => panic!("expected UnknownCountry, got {other:?}"),
    }
    assert!(matches!(
        e.search(&SearchRequest::new("").year_range(2023, 2020)),
        Err(Error::InvalidRequest(_))
    ));
}

#[test]
fn open_ended_year_ranges() {
    let e = engine();
    let mut from = SearchRequest::new("");
    from.year_from = Some(2021);
    let mut to = SearchRequest::new("");
    to.year_to = Some(2019);
    for facets in [false, true] {
        assert_eq!(
            id_set(&e, from.clone().facets(facets)),
            id_set(
                &e,
                SearchRequest::new("").year_range(2021, 9999).facets(facets)
            )
        );
        assert_eq!(
            id_set(&e, to.clone().facets(facets)),
            id_set(
                &e,
                SearchRequest::new("").year_range(1, 2019).facets(facets)
            )
        );
    }
    assert!(!id_set(&e, from).is_empty());
}

#[test]
fn filters_combine() {
    let e = engine();
    assert_eq!(
        id_set(&e, SearchRequest::new("").year_range(2019, 2021)),
        set(&["a02", "a03", "a04", "a09", "a10", "a12"])
    );
    assert_eq!(
        id_set(&e, SearchRequest::new("").year(2022)),
        set(&["a01", "a06"])
    );
    assert_eq!(
        id_set(
            &e,
            SearchRequest::new("")
                .country("Malaysia")
                .year_range(2019, 2021)
        ),
        set(&["a03", "a10"])
    );
    assert_eq!(
        id_set(&e, SearchRequest::new("").org("ASEAN").year(2017)),
        set(&["a08"])
    );
    assert_eq!(
        id_set(&e, SearchRequest::new("terorisme").source("Kompas")),
        set(&["a12"])
    );
    // Filters do not change scores.
    let plain = run(&e, SearchRequest::new("terorisme"));
    let filtered = run(&e, SearchRequest::new("terorisme").country("asia"));
    for h in &filtered.hits {
        let same = plain.hits.iter().find(|p| p.id == h.id).expect("in both");
        assert_eq!(same.score, h.score);
    }
}

// ------------------------------------------------------------------------------------------
// Order, paging, browsing
// ------------------------------------------------------------------------------------------

#[test]
fn empty_query_browses_newest_first_dateless_last() {
    let e = engine();
    let r = run(&e, SearchRequest::new("").limit(100));
    assert_eq!(r.total, 12);
    assert_eq!(r.sort, Sort::Newest);
    let order: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        order,
        ["a07", "a01", "a06", "a10", "a02", "a04", "a12", "a03", "a09", "a05", "a08", "a11"]
    );
    assert!(r.hits.iter().all(|h| h.score.is_none()));
}

#[test]
fn oldest_first_keeps_dateless_last() {
    let e = engine();
    let order = ids(&e, SearchRequest::new("").sort(Sort::Oldest));
    assert_eq!(order.first().map(String::as_str), Some("a08"));
    assert_eq!(order.last().map(String::as_str), Some("a11"));
    let by_date = ids(&e, SearchRequest::new("terorisme").sort(Sort::Newest));
    assert_eq!(by_date, ["a01", "a10", "a04", "a12", "a03"]);
}

#[test]
fn paging_is_consistent_and_deterministic() {
    let e = engine();
    let all = ids(&e, SearchRequest::new("indonesia"));
    let mut paged = Vec::new();
    for page in 0..4 {
        let r = run(
            &e,
            SearchRequest::new("indonesia").limit(2).offset(page * 2),
        );
        assert_eq!(r.total, all.len());
        paged.extend(r.hits.into_iter().map(|h| h.id));
    }
    assert_eq!(paged, all[..paged.len()]);
    assert_eq!(all, ids(&e, SearchRequest::new("indonesia")));
    // limit 0: count only.
    let r = run(&e, SearchRequest::new("indonesia").limit(0));
    assert!(r.hits.is_empty());
    assert_eq!(r.total, all.len());
}

// ------------------------------------------------------------------------------------------
// Hits and snippets
// ------------------------------------------------------------------------------------------

#[test]
fn hit_fields() {
    let e = engine();
    let r = run(&e, SearchRequest::new("patroli"));
    let h = &r.hits[0];
    assert_eq!(h.id, "a08");
    assert_eq!(h.source.as_deref(), Some("ANTARA"));
    assert_eq!(h.published, NaiveDate::from_ymd_opt(2017, 6, 19));
    assert_eq!(h.year, Some(2017));
    assert_eq!(h.partners, ["MY", "PH"]);
    assert_eq!(h.partner_names, ["Malaysia", "Filipina"]);
    assert_eq!(h.orgs, ["ASEAN"]);
    assert_eq!(h.url.as_deref(), Some("https://example.id/berita/a08"));
    assert_eq!(h.path.as_deref(), Some("fixtures/a08.txt"));
    assert!(!h.title_is_excerpt);
    assert!(h.score.is_some_and(|s| s > 0.0));
}

#[test]
fn first_sentence_stands_in_for_a_missing_title() {
    let e = engine();
    let r = run(&e, SearchRequest::new("deradikalisasi"));
    let h = &r.hits[0];
    assert_eq!(h.id, "a03");
    assert!(h.title_is_excerpt);
    assert_eq!(
        h.title,
        "Indonesia dan Malaysia menandatangani nota kesepahaman kerjasama deradikalisasi."
    );
}

#[test]
fn snippet_highlights_are_valid_byte_ranges() {
    let e = engine();
    for q in [
        "kerja sama",
        "ekstremisme",
        "\"kerja sama\" pencegahan",
        "sekolah",
        "indonesia",
    ] {
        let r = run(&e, SearchRequest::new(q));
        assert!(!r.hits.is_empty(), "{q}");
        for h in &r.hits {
            let s = h.snippet.as_ref().expect("snippets are on by default");
            assert!(s.text.len() <= telusur::SNIPPET_MAX + 4, "{}", s.text);
            let mut last_end = 0;
            for &[a, b] in &s.highlights {
                assert!(a < b && b <= s.text.len(), "{q}: {a}..{b} in {:?}", s.text);
                assert!(a >= last_end, "sorted, not overlapping");
                assert!(s.text.is_char_boundary(a) && s.text.is_char_boundary(b));
                last_end = b;
            }
            for &[a, b] in &h.title_highlights {
                assert!(h.title.is_char_boundary(a) && h.title.is_char_boundary(b));
                assert!(a < b && b <= h.title.len());
            }
        }
    }
    // The word itself is marked, in a body with multi-byte punctuation around it.
    let r = run(
        &e,
        SearchRequest::new("ekstremisme sekolah").match_mode(MatchMode::All),
    );
    let s = r.hits[0].snippet.as_ref().expect("snippet");
    let marked: Vec<&str> = s.highlights.iter().map(|&[a, b]| &s.text[a..b]).collect();
    assert_eq!(marked, ["ekstremisme", "sekolah"]);
    assert!(s.text.contains('“'));
}

#[test]
fn snippet_is_the_earliest_window_with_every_term() {
    // "siber" alone early, "siber" with "propaganda" in a later window, and again after it.
    let filler = "Pertemuan berlangsung di Jakarta dan dihadiri para pejabat kedua negara. ";
    let body = format!(
        "Serangan siber menjadi perhatian utama. {f}{f}{f}Ancaman siber dan propaganda daring \
         dibahas bersama. {f}{f}{f}Kerja sama melawan propaganda siber akan diperluas.",
        f = filler
    );
    let e = engine_with(&[art(
        "s01",
        Some("Dialog keamanan"),
        &body,
        "ANTARA",
        Some((2023, 5, 2)),
        &["AU"],
        &[],
    )]);
    let marked = |q: &str| -> (String, Vec<String>) {
        let r = run(&e, SearchRequest::new(q));
        let s = r.hits[0].snippet.clone().expect("snippet");
        let words = s
            .highlights
            .iter()
            .map(|&[a, b]| s.text[a..b].to_lowercase())
            .collect();
        (s.text, words)
    };
    let (text, words) = marked("siber propaganda");
    assert!(text.contains("Ancaman siber dan propaganda"), "{text}");
    assert_eq!(words, ["siber", "propaganda"]);
    let (text, words) = marked("siber");
    assert!(text.starts_with("Serangan siber"), "{text}");
    assert_eq!(words, ["siber"]);
    // A compound and one of its words: one merged mark, not two overlapping ones.
    let (text, words) = marked("kerja \"kerja sama\"");
    assert!(text.contains("Kerja sama melawan"), "{text}");
    assert_eq!(words, ["kerja sama"]);
}

#[test]
fn browse_snippet_is_the_start_of_the_body() {
    let e = engine();
    let r = run(&e, SearchRequest::new("").country("Australia"));
    let s = r.hits[0].snippet.as_ref().expect("snippet");
    assert!(s.highlights.is_empty());
    assert!(s.text.starts_with("Pelatihan forensik"));
    let r = run(&e, SearchRequest::new("siber").snippets(false));
    assert!(r.hits.iter().all(|h| h.snippet.is_none()));
}

// ------------------------------------------------------------------------------------------
// Facets
// ------------------------------------------------------------------------------------------

#[test]
fn facets_count_the_whole_result_set() {
    let e = engine();
    let r = run(&e, SearchRequest::new("").limit(1).facets(true));
    let f = r.facets.expect("facets");
    // From the fixtures: PH a01,a08; MY a03,a08,a10; CN a04; AU a05; GB a06; US a07.
    assert_eq!(
        counts(&f.countries),
        [
            ("MY", 3),
            ("PH", 2),
            ("AU", 1),
            ("CN", 1),
            ("GB", 1),
            ("US", 1)
        ]
        .map(|(k, c)| (k.to_string(), c))
    );
    assert_eq!(f.countries[1].name, "Filipina");
    // a08 has two Asian partners and counts once for asia.
    // Continents and their sub-regions, named in Indonesian.
    assert_eq!(
        counts(&f.regions),
        [
            ("asia", 5),
            ("asia/south-eastern-asia", 4),
            ("americas", 1),
            ("americas/northern-america", 1),
            ("asia/eastern-asia", 1),
            ("europe", 1),
            ("europe/northern-europe", 1),
            ("oceania", 1),
            ("oceania/australia-and-new-zealand", 1)
        ]
        .map(|(k, c)| (k.to_string(), c))
    );
    assert_eq!(f.regions[0].name, "Asia");
    assert_eq!(f.regions[1].name, "Asia Tenggara");
    assert!(f.countries.iter().all(|c| !c.selected), "nothing selected");
    assert_eq!(
        counts(&f.years),
        [
            ("2017", 1),
            ("2018", 1),
            ("2019", 2),
            ("2020", 2),
            ("2021", 2),
            ("2022", 2),
            ("2023", 1)
        ]
        .map(|(k, c)| (k.to_string(), c))
    );
    assert_eq!(
        counts(&f.sources),
        [("ANTARA", 6), ("Kompas", 5), ("jpnn.com", 1)].map(|(k, c)| (k.to_string(), c))
    );
    assert_eq!(
        counts(&f.orgs),
        [("ASEAN", 3), ("UN", 2)].map(|(k, c)| (k.to_string(), c))
    );
    assert!(
        run(&e, SearchRequest::new("")).facets.is_none(),
        "only when asked"
    );
}

#[test]
fn facets_are_disjunctive() {
    let e = engine();
    // With a country filter, the country counts ignore it, the others respect it.
    let r = run(&e, SearchRequest::new("").country("Filipina").facets(true));
    assert_eq!(r.total, 2);
    let f = r.facets.expect("facets");
    let unfiltered = run(&e, SearchRequest::new("").facets(true))
        .facets
        .expect("facets");
    // The same counts; only the selection marks differ.
    assert_eq!(counts(&f.countries), counts(&unfiltered.countries));
    assert_eq!(counts(&f.regions), counts(&unfiltered.regions));
    assert_eq!(
        counts(&f.years),
        [("2017", 1), ("2022", 1)].map(|(k, c)| (k.to_string(), c))
    );
    assert_eq!(counts(&f.orgs), [("ASEAN".to_string(), 2)]);

    // With a year filter and a query: years ignore the year filter, countries respect it.
    let r = run(&e, SearchRequest::new("terorisme").year(2021).facets(true));
    assert_eq!(r.total, 1);
    let f = r.facets.expect("facets");
    // "terorisme": a01 2022, a03 2019, a04 2020, a10 2021, a12 2020.
    assert_eq!(
        counts(&f.years),
        [("2019", 1), ("2020", 2), ("2021", 1), ("2022", 1)].map(|(k, c)| (k.to_string(), c))
    );
    assert_eq!(counts(&f.countries), [("MY".to_string(), 1)]);

    // Both filters: each dimension ignores only its own.
    let r = run(
        &e,
        SearchRequest::new("")
            .country("Malaysia")
            .year(2019)
            .facets(true),
    );
    assert_eq!(r.total, 1);
    let f = r.facets.expect("facets");
    // Countries over 2019 (a03 MY, a09 none): MY 1.
    assert_eq!(counts(&f.countries), [("MY".to_string(), 1)]);
    // Years over MY (a03 2019, a08 2017, a10 2021).
    assert_eq!(
        counts(&f.years),
        [("2017", 1), ("2019", 1), ("2021", 1)].map(|(k, c)| (k.to_string(), c))
    );
    // Sources and orgs respect both.
    assert_eq!(counts(&f.sources), [("ANTARA".to_string(), 1)]);
    assert!(f.orgs.is_empty());
}

/// Brute-force disjunctive counts of one dimension: over the articles matching the text
/// (`base`) that pass every filter but the dimension's own.
fn brute_counts(
    articles: &[Article],
    base: &BTreeSet<String>,
    filters: &Filters,
    dim: usize,
) -> Vec<(String, u64)> {
    let mut counts = std::collections::BTreeMap::<String, u64>::new();
    for a in articles.iter().filter(|a| base.contains(&a.id)) {
        let pass = filters.pass(a);
        if (0..4).all(|d| d == dim || pass[d]) {
            let values: Vec<String> = match dim {
                0 => a.meta.partners.clone(),
                1 => a.meta.year.iter().map(|y| y.to_string()).collect(),
                2 => a.meta.source.iter().cloned().collect(),
                _ => a.meta.partner_orgs.clone(),
            };
            for v in values {
                *counts.entry(v).or_insert(0) += 1;
            }
        }
    }
    let mut v: Vec<(String, u64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Filters by code, for the brute force: countries, year range, source, orgs.
#[derive(Default, Clone)]
struct Filters {
    countries: Vec<&'static str>,
    years: Option<(i32, i32)>,
    source: Option<&'static str>,
    orgs: Vec<&'static str>,
}

impl Filters {
    fn pass(&self, a: &Article) -> [bool; 4] {
        let m = &a.meta;
        [
            self.countries.is_empty()
                || m.partners
                    .iter()
                    .any(|p| self.countries.contains(&p.as_str())),
            self.years
                .is_none_or(|(lo, hi)| m.year.is_some_and(|y| lo <= y && y <= hi)),
            self.source.is_none_or(|s| m.source.as_deref() == Some(s)),
            self.orgs.is_empty()
                || m.partner_orgs
                    .iter()
                    .any(|o| self.orgs.contains(&o.as_str())),
        ]
    }

    fn apply(&self, mut req: SearchRequest) -> SearchRequest {
        for c in &self.countries {
            req = req.country(*c);
        }
        if let Some((lo, hi)) = self.years {
            req = req.year_range(lo, hi);
        }
        if let Some(s) = self.source {
            req = req.source(s);
        }
        for o in &self.orgs {
            req = req.org(*o);
        }
        req
    }
}

#[test]
fn one_pass_facets_agree_with_filter_queries_and_brute_force_across_segments() {
    // Indexed in three commits (three segments), then one article changed (a deletion in an
    // old segment): the facet tables must follow.
    let mut articles = fixtures();
    let e = Engine::in_memory().expect("engine");
    let opts = telusur::IndexOptions::default();
    for chunk in articles.chunks(5) {
        e.index_articles(chunk.to_vec(), &opts).expect("index");
    }
    // Warm the facet tables before the change, so a stale table would show.
    run(&e, SearchRequest::new("").facets(true));
    articles[7].meta.partners = vec!["JP".to_string()];
    articles[7].meta.partner_orgs = vec![];
    e.index_articles(vec![articles[7].clone()], &opts)
        .expect("reindex");
    assert!(e.stats().expect("stats").documents == 12);

    let cases: Vec<(&str, Filters)> = vec![
        ("", Filters::default()),
        (
            "",
            Filters {
                countries: vec!["MY"],
                ..Default::default()
            },
        ),
        (
            "",
            Filters {
                countries: vec!["MY", "JP"],
                years: Some((2017, 2021)),
                ..Default::default()
            },
        ),
        // A phrase: one scored pass for page, total and facets.
        (
            "\"kerja sama\"",
            Filters {
                years: Some((2018, 2023)),
                ..Default::default()
            },
        ),
        (
            "kerja",
            Filters {
                source: Some("ANTARA"),
                ..Default::default()
            },
        ),
        (
            "terorisme",
            Filters {
                years: Some((2019, 2022)),
                orgs: vec!["ASEAN"],
                ..Default::default()
            },
        ),
        (
            "",
            Filters {
                countries: vec!["PH"],
                years: Some((2000, 2030)),
                source: Some("ANTARA"),
                orgs: vec!["ASEAN", "UN"],
            },
        ),
    ];
    for (text, filters) in cases {
        let label = format!(
            "{text:?} {:?} {:?} {:?} {:?}",
            filters.countries, filters.years, filters.source, filters.orgs
        );
        let faceted = run(
            &e,
            filters
                .apply(SearchRequest::new(text))
                .limit(100)
                .facets(true),
        );
        let plain = run(&e, filters.apply(SearchRequest::new(text)).limit(100));
        let hit_ids = |r: &SearchResults| r.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        assert_eq!(hit_ids(&faceted), hit_ids(&plain), "{label}");
        assert_eq!(faceted.total, plain.total, "{label}");
        let expected: BTreeSet<String> = articles
            .iter()
            .filter(|a| {
                filters.pass(a).iter().all(|&p| p)
                    && id_set(&e, SearchRequest::new(text)).contains(&a.id)
            })
            .map(|a| a.id.clone())
            .collect();
        assert_eq!(
            hit_ids(&plain).into_iter().collect::<BTreeSet<_>>(),
            expected,
            "{label}"
        );

        let base = id_set(&e, SearchRequest::new(text));
        let f = faceted.facets.expect("facets");
        assert_eq!(
            counts(&f.countries),
            brute_counts(&articles, &base, &filters, 0),
            "{label}"
        );
        let mut years = brute_counts(&articles, &base, &filters, 1);
        years.sort();
        assert_eq!(counts(&f.years), years, "{label}");
        assert_eq!(
            counts(&f.sources),
            brute_counts(&articles, &base, &filters, 2),
            "{label}"
        );
        assert_eq!(
            counts(&f.orgs),
            brute_counts(&articles, &base, &filters, 3),
            "{label}"
        );
    }
}

#[test]
fn results_serialise_with_stable_names() {
    let e = engine();
    let r = run(&e, SearchRequest::new("patroli").facets(true));
    let v: serde_json::Value = serde_json::to_value(&r).expect("json");
    for key in ["query", "total", "took_ms", "hits", "facets", "warnings"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let hit = &v["hits"][0];
    for key in [
        "id",
        "path",
        "url",
        "title",
        "source",
        "published",
        "year",
        "partners",
        "score",
        "snippet",
    ] {
        assert!(hit.get(key).is_some(), "hit.{key}");
    }
    assert_eq!(hit["published"], "2017-06-19");
    assert!(hit["snippet"]["highlights"][0].is_array());
    assert_eq!(v["facets"]["countries"][0]["key"], "MY");
}

// ------------------------------------------------------------------------------------------
// Depend on the Indonesian analyzer
// ------------------------------------------------------------------------------------------

#[test]
fn compound_spellings_find_the_same_articles() {
    let e = engine();
    let split = id_set(&e, SearchRequest::new("\"kerja sama\""));
    let joined = id_set(&e, SearchRequest::new("kerjasama"));
    assert!(split.contains("a03") && split.contains("a01"), "{split:?}");
    assert_eq!(split, joined);
}

#[test]
fn stemmed_words_are_highlighted() {
    let e = engine();
    let r = run(&e, SearchRequest::new("penanggulangan"));
    assert_eq!(r.hits[0].id, "a01");
    let s = r.hits[0].snippet.as_ref().expect("snippet");
    let marked: Vec<&str> = s.highlights.iter().map(|&[a, b]| &s.text[a..b]).collect();
    assert!(
        marked.contains(&"menanggulangi"),
        "{marked:?} in {:?}",
        s.text
    );
}

// ------------------------------------------------------------------------------------------
// Presentation: selected facet values, mentioned countries, cut text
// ------------------------------------------------------------------------------------------

#[test]
fn facets_mark_the_selected_values() {
    let e = engine();
    let r = run(
        &e,
        SearchRequest::new("")
            .country("Filipina")
            .country("Asia Tenggara")
            .org("ASEAN")
            .year_range(2017, 2021)
            .source("antara")
            .facets(true),
    );
    let f = r.facets.expect("facets");
    let selected = |v: &[FacetCount]| -> Vec<String> {
        v.iter()
            .filter(|c| c.selected)
            .map(|c| c.key.clone())
            .collect()
    };
    assert_eq!(selected(&f.countries), ["PH"]);
    assert_eq!(selected(&f.regions), ["asia/south-eastern-asia"]);
    assert_eq!(selected(&f.orgs), ["ASEAN"]);
    // Every year shown within the range, and only those.
    let in_range: Vec<String> = f
        .years
        .iter()
        .filter(|c| (2017..=2021).contains(&c.key.parse::<i32>().unwrap_or(0)))
        .map(|c| c.key.clone())
        .collect();
    assert!(
        !in_range.is_empty() && in_range.len() < f.years.len(),
        "{:?}",
        f.years
    );
    assert_eq!(selected(&f.years), in_range);
    assert_eq!(selected(&f.sources), ["ANTARA"]);
    // A region key from the facets is a filter value too.
    let by_key = id_set(
        &e,
        SearchRequest::new("").country("asia/south-eastern-asia"),
    );
    assert_eq!(
        by_key,
        id_set(&e, SearchRequest::new("").country("Asia Tenggara"))
    );
}

#[test]
fn mentions_filter_on_every_named_country() {
    let mut named = art(
        "m1",
        Some("Densus 88 menangkap pendukung kelompok teroris"),
        "Tersangka pernah berangkat ke Suriah sebelum kembali ke Jawa Timur.",
        "ANTARA",
        Some((2021, 4, 1)),
        &[],
        &[],
    );
    named.meta.mentioned_countries = vec!["SY".into()];
    let partner = art(
        "m2",
        Some("Indonesia dan Filipina perkuat kerja sama"),
        "Kedua negara sepakat berbagi data tentang kelompok teroris.",
        "ANTARA",
        Some((2022, 4, 1)),
        &["PH"],
        &[],
    );
    let e = engine_with(&[named, partner]);
    // A mention is not a partnership.
    assert_eq!(
        ids(&e, SearchRequest::new("teroris").country("Suriah")),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(&e, SearchRequest::new("teroris").mentions("Suriah")),
        ["m1"]
    );
    assert_eq!(ids(&e, SearchRequest::new("").mentions("Syria")), ["m1"]);
    // A partner is mentioned too; regions work as for partners; filters combine with AND.
    assert_eq!(ids(&e, SearchRequest::new("").mentions("Filipina")), ["m2"]);
    assert_eq!(
        ids(&e, SearchRequest::new("").mentions("Asia Barat")),
        ["m1"]
    );
    let both = SearchRequest::new("teroris")
        .mentions("Suriah")
        .country("PH");
    assert_eq!(ids(&e, both), Vec::<String>::new());
    // With facets (the one-pass collector) and relaxed words alike.
    let r = run(
        &e,
        SearchRequest::new("teroris")
            .mentions("Suriah")
            .facets(true),
    );
    assert_eq!(r.total, 1);
    let r = run(&e, SearchRequest::new("teroris kapal").mentions("Suriah"));
    assert_eq!(
        r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["m1"]
    );
    assert!(matches!(
        e.search(&SearchRequest::new("").mentions("Narnia")),
        Err(Error::UnknownCountry { .. })
    ));
    // A request line of a batch file.
    let line: SearchRequest = serde_json::from_str(r#"{"mentions": ["Suriah"]}"#).expect("json");
    assert_eq!(line.mentions, ["Suriah"]);
}

#[test]
fn text_cut_within_a_sentence_is_marked() {
    let long_lead = format!(
        "Kepolisian {} menyelesaikan penyidikan jaringan pendanaan teroris lintas negara.",
        "daerah dan pusat bersama kejaksaan ".repeat(8)
    );
    let body = format!(
        "{long_lead} Kalimat kedua menyebut pelatihan. {}Bagian akhir membahas kerja sama siber yang panjang sekali.",
        "Isi tambahan tentang kegiatan lain. ".repeat(10)
    );
    let e = engine_with(&[art(
        "c1",
        None,
        &body,
        "ANTARA",
        Some((2020, 1, 1)),
        &[],
        &[],
    )]);
    let h = &run(&e, SearchRequest::new("siber")).hits[0];
    // The first sentence is longer than a title may be: cut, and marked as cut.
    assert!(h.title_is_excerpt);
    assert!(h.title.ends_with('…'), "{}", h.title);
    assert!(h.title.starts_with("Kepolisian daerah"), "{}", h.title);
    // The snippet starts within the text, at its sentence: no mark before it.
    let s = h.snippet.as_ref().expect("snippet");
    assert!(s.text.starts_with("Bagian akhir"), "{}", s.text);
    assert!(!s.text.ends_with('…'), "{}", s.text);
    for &[a, b] in &s.highlights {
        assert_eq!(&s.text[a..b], "siber");
    }
    // A browse snippet (the start of the body) cut within its first sentence.
    let browse = &run(&e, SearchRequest::new("")).hits[0];
    let s = browse.snippet.as_ref().expect("snippet");
    assert!(
        s.text.starts_with("Kepolisian") && s.text.ends_with('…'),
        "{}",
        s.text
    );
}
