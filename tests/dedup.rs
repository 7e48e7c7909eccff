//! End-to-end tests of near-duplicate stories (issue 18): story ids at index time, collapsed
//! search, story counts, `telusur show` listing the copies, through the library and the CLI.
//!
//! The fixtures are written for these tests: one press release, a portal's copy of it (its
//! own header, lead sentence reworded, a paragraph dropped, a related-link line, a typo, its
//! own footer), a second reporter's story of the same meeting (same names and facts, own
//! sentences: a different story), and an unrelated story.

use std::path::Path;

use assert_cmd::Command;
use telusur::dedup::CountUnit;
use telusur::IndexOptions;
use telusur::{Article, Engine, Metadata};
use telusur::{SearchRequest, Sort};

const RELEASE: &str = "Badan Nasional Penanggulangan Terorisme menerima kunjungan delegasi Kepolisian Nasional Filipina di kantornya di Sentul, Bogor, pada Selasa pagi. Pertemuan itu membahas pertukaran data tentang pendanaan kelompok bersenjata yang beroperasi di perairan Sulu dan Sulawesi.

Kepala BNPT menyampaikan bahwa kedua lembaga sepakat membentuk tim kecil yang akan bertemu setiap tiga bulan untuk mencocokkan daftar pengirim dana yang dicurigai. Tim itu juga akan menyusun prosedur bersama untuk permintaan data yang mendesak.

Delegasi Filipina yang dipimpin Brigadir Jenderal Ramon Dizon menyatakan terima kasih atas pengalaman Indonesia dalam program deradikalisasi di lembaga pemasyarakatan. Ia mengundang penyidik Indonesia untuk mengikuti pelatihan analisis keuangan di Manila pada akhir tahun.

Di akhir pertemuan, kedua pihak menandatangani catatan kesepahaman yang memuat rencana kerja selama dua tahun, termasuk latihan gabungan penanganan penculikan di laut.";

const PORTAL: &str = "SUARAPESISIR.COM, BOGOR — Pada Selasa pagi, Badan Nasional Penanggulangan Terorisme kedatangan delegasi Kepolisian Nasional Filipina di Sentul, Bogor. Pertemuan itu membahas pertukaran data tentang pendanaan kelompok bersenjata yang beroperasi di perairan Sulu dan Sulawesi.

Kepala BNPT menyampaikan bahwa kedua lembaga sepakat membentuk tim kecil yang akan bertemu setiap tiga bulan untuk mencocokkan daftar pengirim dana yang dicurigai. Tim itu juga akan menyusun prosedur bersama untuk permintaan data yang mendesak.

Baca juga: Harga beras di pasar induk turun menjelang panen raya

Di akhir pertemuan, kedua pihak menandatangani catatan kesepahaman yang memuat rencana kerja selama dua tahun, termasuk latihan gabungan penanganan penculikan di laut.

Editor: Redaksi Suara Pesisir. Dilarang mengutip tanpa izin.";

const SAME_EVENT: &str = "Rombongan polisi Filipina tiba di Sentul, Bogor, Selasa pagi dengan dua mobil van. Wartawan hanya diizinkan mengambil gambar di lobi sebelum pintu ruang rapat ditutup.

Menurut seorang pejabat BNPT yang enggan disebut namanya, pembicaraan berkisar pada aliran dana untuk kelompok bersenjata di Sulu dan Sulawesi. Ia menyebut Brigadir Jenderal Ramon Dizon datang membawa berkas tebal berisi nama-nama pengirim uang.

Pengamat terorisme dari sebuah kampus di Jakarta menilai kerja sama semacam ini sudah lama tertunda. Ia mengingatkan bahwa kesepakatan di atas kertas perlu diikuti anggaran dan petugas yang cukup.

Rapat selesai menjelang siang. Kedua delegasi kemudian makan siang bersama sebelum rombongan Filipina kembali ke Jakarta.";

const UNRELATED: &str = "Detasemen Khusus 88 menangkap dua orang yang diduga merakit bahan peledak di sebuah rumah kontrakan di Pekalongan, Jawa Tengah, Kamis malam. Polisi menyita pipa besi, kabel, dan serbuk kimia dari lokasi.

Juru bicara kepolisian daerah mengatakan kedua tersangka berhubungan dengan jaringan lama yang pernah merencanakan serangan ke kantor polisi. Warga sekitar mengaku tidak curiga karena keduanya jarang keluar rumah.";

fn article(url: &str, source: &str, title: &str, body: &str) -> Article {
    Article {
        url: Some(url.into()),
        body: body.into(),
        meta: Metadata {
            title: Some(title.into()),
            source: Some(source.into()),
            year: Some(2023),
            partners: vec!["PH".into()],
            ..Metadata::default()
        },
        ..Article::default()
    }
}

fn release() -> Article {
    article(
        "https://bnpt.example/siaran/filipina",
        "BNPT",
        "BNPT dan Polisi Filipina Sepakat Bertukar Data Pendanaan",
        RELEASE,
    )
}

fn portal() -> Article {
    article(
        "https://suarapesisir.example/read/bnpt-filipina",
        "SuaraPesisir",
        "BNPT-Filipina Bentuk Tim Kecil Lacak Dana Teror",
        PORTAL,
    )
}

fn same_event() -> Article {
    article(
        "https://harian.example/liputan/sentul",
        "HarianKita",
        "Di Balik Pintu Rapat BNPT dan Polisi Filipina",
        SAME_EVENT,
    )
}

fn unrelated() -> Article {
    let mut a = article(
        "https://harian.example/densus-pekalongan",
        "HarianKita",
        "Densus 88 Tangkap Dua Perakit Bom di Pekalongan",
        UNRELATED,
    );
    a.meta.partners.clear();
    a
}

fn opts() -> IndexOptions {
    IndexOptions {
        memory_mb: 50,
        threads: Some(2),
        ..IndexOptions::default()
    }
}

fn id(a: &Article) -> String {
    telusur::stable_id(a.url.as_deref(), &a.body)
}

/// Each article's story id, by article id.
fn stories(e: &Engine) -> std::collections::HashMap<String, String> {
    e.search(&SearchRequest::new("").limit(100).snippets(false))
        .expect("browse")
        .hits
        .into_iter()
        .map(|h| (h.id, h.story.expect("a story id")))
        .collect()
}

#[test]
fn a_portal_copy_joins_the_release_and_a_second_reporter_does_not() -> telusur::Result<()> {
    let e = Engine::in_memory()?;
    e.index_articles([release(), portal(), same_event(), unrelated()], &opts())?;
    let s = stories(&e);
    assert_eq!(s[&id(&release())], s[&id(&portal())]);
    assert_ne!(s[&id(&release())], s[&id(&same_event())]);
    assert_ne!(s[&id(&release())], s[&id(&unrelated())]);
    assert_ne!(s[&id(&same_event())], s[&id(&unrelated())]);
    Ok(())
}

#[test]
fn incremental_runs_join_earlier_stories_and_rebuilds_are_stable() -> telusur::Result<()> {
    let e = Engine::in_memory()?;
    e.index_articles([release(), unrelated()], &opts())?;
    let before = stories(&e);
    // A later run: the copy finds the release's story among the indexed articles.
    let r = e.index_articles([portal(), same_event()], &opts())?;
    assert_eq!((r.indexed, r.documents), (2, 4));
    let after = stories(&e);
    assert_eq!(after[&id(&portal())], before[&id(&release())]);
    assert_eq!(after[&id(&release())], before[&id(&release())]);
    assert_ne!(after[&id(&same_event())], before[&id(&release())]);
    // Rebuilding from the same articles in the same order gives the same stories.
    let all = || [release(), unrelated(), portal(), same_event()];
    let rebuild = IndexOptions {
        rebuild: true,
        ..opts()
    };
    e.index_articles(all(), &rebuild)?;
    assert_eq!(stories(&e), after);
    e.index_articles(all(), &rebuild)?;
    assert_eq!(stories(&e), after);
    // Re-indexing unchanged articles keeps their stories.
    let r = e.index_articles(all(), &opts())?;
    assert_eq!(r.unchanged, 4);
    assert_eq!(stories(&e), after);
    Ok(())
}

#[test]
fn a_changed_article_leaves_the_story_it_no_longer_copies() -> telusur::Result<()> {
    let e = Engine::in_memory()?;
    e.index_articles([release(), portal()], &opts())?;
    let mut changed = portal();
    changed.body = UNRELATED.replace("Pekalongan", "Tegal");
    let r = e.index_articles([changed], &opts())?;
    assert_eq!(r.updated, 1);
    let s = stories(&e);
    assert_ne!(s[&id(&portal())], s[&id(&release())]);
    Ok(())
}

#[test]
fn collapsed_search_shows_one_hit_per_story_with_its_copies() -> telusur::Result<()> {
    let e = Engine::in_memory()?;
    e.index_articles([release(), portal(), same_event(), unrelated()], &opts())?;
    let plain = e.search(&SearchRequest::new("Filipina Sentul").facets(true))?;
    assert_eq!(plain.total, 3);
    assert_eq!(plain.articles, None);
    assert!(plain.hits.iter().all(|h| h.copies.is_none()));

    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let c = e.search(
            &SearchRequest::new("Filipina Sentul")
                .collapse(true)
                .sort(sort)
                .facets(true),
        )?;
        assert!(c.collapse);
        assert_eq!((c.total, c.articles), (2, Some(3)), "{sort}");
        assert_eq!(c.hits.len(), 2);
        let copied = c
            .hits
            .iter()
            .find(|h| h.copies == Some(2))
            .expect("the release's story, with its copy");
        assert_eq!(copied.other_copies.len(), 1);
        let other = &copied.other_copies[0];
        assert_ne!(other.id, copied.id);
        assert!([id(&release()), id(&portal())].contains(&other.id));
        assert!(["BNPT", "SuaraPesisir"].contains(&other.source.as_deref().unwrap_or("")));
        let alone = c.hits.iter().find(|h| h.copies == Some(1)).expect("alone");
        assert_eq!(alone.id, id(&same_event()));
        assert!(alone.other_copies.is_empty());
    }
    // The best-ranked copy stands for its story: the one ranked first among the two when
    // not collapsed.
    let best_of_two = plain
        .hits
        .iter()
        .find(|h| h.id == id(&release()) || h.id == id(&portal()))
        .map(|h| h.id.clone());
    let c = e.search(&SearchRequest::new("Filipina Sentul").collapse(true))?;
    let shown = c
        .hits
        .iter()
        .find(|h| h.copies == Some(2))
        .map(|h| h.id.clone());
    assert_eq!(shown, best_of_two);
    // Paging goes by stories.
    let second = e.search(
        &SearchRequest::new("Filipina Sentul")
            .collapse(true)
            .offset(1)
            .limit(1),
    )?;
    assert_eq!((second.total, second.hits.len()), (2, 1));
    assert_eq!(second.hits[0].id, c.hits[1].id);
    Ok(())
}

#[test]
fn facets_and_stats_count_stories_when_asked() -> telusur::Result<()> {
    let e = Engine::in_memory()?;
    e.index_articles([release(), portal(), same_event(), unrelated()], &opts())?;
    let count = |unit: CountUnit, year: Option<i32>| -> telusur::Result<(u64, usize)> {
        let mut req = SearchRequest::new("").facets(true).count(unit);
        req.year = year;
        let r = e.search(&req)?;
        let facets = r.facets.expect("facets");
        let ph = facets
            .countries
            .iter()
            .find(|c| c.key == "PH")
            .map_or(0, |c| c.count);
        Ok((ph, r.total))
    };
    // Three articles with partner PH, two stories; the total stays a count of articles.
    assert_eq!(count(CountUnit::Articles, None)?, (3, 4));
    assert_eq!(count(CountUnit::Stories, None)?, (2, 4));
    // Disjunctive as before: the year filter narrows the other dimensions.
    assert_eq!(count(CountUnit::Stories, Some(2022))?.0, 0);
    assert_eq!(count(CountUnit::Stories, Some(2023))?.0, 2);
    // Sources: a story counts once for each source that carried it.
    let r = e.search(
        &SearchRequest::new("")
            .facets(true)
            .count(CountUnit::Stories)
            .collapse(true),
    )?;
    assert_eq!((r.total, r.articles), (3, Some(4)));
    let sources: Vec<(String, u64)> = r
        .facets
        .expect("facets")
        .sources
        .into_iter()
        .map(|c| (c.key, c.count))
        .collect();
    assert!(sources.contains(&("HarianKita".into(), 2)), "{sources:?}");
    assert!(sources.contains(&("BNPT".into(), 1)), "{sources:?}");

    let s = e.stats()?;
    assert_eq!((s.documents, s.stories), (4, Some(3)));
    assert_eq!(s.partners[0].count, 3);
    let s = e.stats_by(CountUnit::Stories)?;
    assert_eq!(s.count, CountUnit::Stories);
    assert_eq!(s.partners[0].count, 2);
    assert_eq!(s.years[0].count, 3);
    Ok(())
}

#[test]
fn an_index_without_story_ids_says_so() -> telusur::Result<()> {
    // An index made before story ids: the schema without the two fields.
    let e = telusur::dedup::engine_without_stories(None)?;
    e.index_articles([release(), portal()], &opts())?;
    let plain = e.search(&SearchRequest::new("Filipina"))?;
    assert_eq!(plain.total, 2);
    assert!(plain.hits.iter().all(|h| h.story.is_none()));
    let err = e
        .search(&SearchRequest::new("Filipina").collapse(true))
        .expect_err("no story ids");
    assert!(err.to_string().contains("no story ids"), "{err}");
    assert!(e.stats_by(CountUnit::Stories).is_err());
    assert_eq!(e.stats()?.stories, None);
    Ok(())
}

fn telusur() -> Command {
    assert_cmd::cargo_bin_cmd!("telusur")
}

fn write_jsonl(path: &Path, articles: &[Article]) {
    let mut text = String::new();
    for a in articles {
        text.push_str(&serde_json::to_string(a).expect("json"));
        text.push('\n');
    }
    std::fs::write(path, text).expect("write fixture");
}

#[test]
fn the_cli_collapses_counts_stories_and_shows_copies() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("berita.jsonl");
    let index = tmp.path().join("idx");
    write_jsonl(&corpus, &[release(), portal(), same_event(), unrelated()]);
    telusur()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .assert()
        .success();

    let out = telusur()
        .args([
            "search",
            "Filipina",
            "Sentul",
            "--collapse",
            "--json",
            "--index",
        ])
        .arg(&index)
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["collapse"], true);
    assert_eq!(
        (v["total"].as_u64(), v["articles"].as_u64()),
        (Some(2), Some(3))
    );
    let copies: Vec<u64> = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["copies"].as_u64().expect("copies"))
        .collect();
    assert_eq!(copies.iter().sum::<u64>(), 3);
    assert!(v["hits"][0]["story"]
        .as_str()
        .is_some_and(|s| s.len() == 16));

    let text = telusur()
        .args(["search", "Filipina", "Sentul", "--collapse", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.starts_with("2 stories (3 articles)"), "{text}");
    assert!(text.contains("2 copies · also in "), "{text}");

    // A batch line takes `collapse` and `count` too.
    let batch = tmp.path().join("q.jsonl");
    std::fs::write(
        &batch,
        "{\"query\": \"Filipina Sentul\", \"collapse\": true, \"count\": \"stories\", \"facets\": true}\n",
    )
    .expect("write");
    let out = telusur()
        .args(["search", "--batch"])
        .arg(&batch)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        (v["total"].as_u64(), v["count"].as_str()),
        (Some(2), Some("stories"))
    );

    // `show` lists the other copy of the release.
    let shown = telusur()
        .args(["show", &id(&release()), "--index"])
        .arg(&index)
        .output()
        .expect("run");
    let shown = String::from_utf8_lossy(&shown.stdout).to_string();
    assert!(shown.contains("(1 other copy)"), "{shown}");
    assert!(shown.contains(&id(&portal())), "{shown}");
    assert!(shown.contains("SuaraPesisir"), "{shown}");
    let shown = telusur()
        .args(["show", &id(&same_event()), "--json", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("json");
    assert_eq!(v["copies"].as_array().map(Vec::len), Some(0));

    let stats = telusur()
        .args(["stats", "--count", "stories", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    let stats = String::from_utf8_lossy(&stats.stdout).to_string();
    assert!(stats.contains("documents:  4\nstories:    3\n"), "{stats}");
    assert!(stats.contains("(counts below are stories)"), "{stats}");
    telusur()
        .args(["stats", "--count", "copies", "--index"])
        .arg(&index)
        .assert()
        .failure();
}
