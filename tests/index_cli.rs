//! End-to-end tests of `telusur index`, `show` and `stats`, run as a user runs them.
//!
//! Fixtures are plain-text articles written here (each test says what its files are for), in a
//! fresh temporary directory per test.

use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

/// Three short, distinct articles in Indonesian (written for these tests).
const ARTICLES: [(&str, &str); 3] = [
    (
        "filipina.txt",
        "Indonesia dan Filipina memperkuat kerja sama patroli laut\n\nKedua negara sepakat bertukar informasi tentang pergerakan kelompok bersenjata di perairan perbatasan.\n",
    ),
    (
        "australia.txt",
        "Australia melatih penyidik Polri\n\nPelatihan forensik digital itu diikuti tiga puluh penyidik dari berbagai daerah.\n",
    ),
    (
        "malaysia.txt",
        "Polisi Malaysia dan Densus 88 menangkap buronan\n\nPenangkapan dilakukan setelah kedua kepolisian berbagi data perjalanan tersangka.\n",
    ),
];

fn telusur() -> Command {
    assert_cmd::cargo_bin_cmd!("telusur")
}

fn write_articles(dir: &Path) {
    std::fs::create_dir_all(dir).expect("create corpus dir");
    for (name, text) in ARTICLES {
        std::fs::write(dir.join(name), text).expect("write fixture");
    }
}

/// Runs `telusur index ... --json` and returns the report.
fn index_json(index: &Path, args: &[&str]) -> serde_json::Value {
    let out = telusur()
        .arg("index")
        .args(args)
        .arg("--index")
        .arg(index)
        .arg("--json")
        .output()
        .expect("run telusur");
    assert!(
        out.status.success(),
        "telusur index failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("index --json prints JSON")
}

fn counts(report: &serde_json::Value) -> (u64, u64, u64, usize, u64) {
    (
        report["indexed"].as_u64().unwrap_or(u64::MAX),
        report["updated"].as_u64().unwrap_or(u64::MAX),
        report["unchanged"].as_u64().unwrap_or(u64::MAX),
        report["skipped"]["total"]
            .as_u64()
            .map_or(usize::MAX, |n| n as usize),
        report["documents"].as_u64().unwrap_or(u64::MAX),
    )
}

/// The (id, path) of every document, read with tantivy directly.
fn ids_and_paths(index: &Path) -> Vec<(String, String)> {
    let idx = tantivy::Index::open_in_dir(index).expect("open index");
    let searcher = idx.reader().expect("reader").searcher();
    let schema = idx.schema();
    let id = schema.get_field("id").expect("id field");
    let path = schema.get_field("path").expect("path field");
    let hits = searcher
        .search(&AllQuery, &TopDocs::with_limit(1000).order_by_score())
        .expect("search");
    let mut out: Vec<(String, String)> = hits
        .into_iter()
        .map(|(_, addr)| {
            let doc: TantivyDocument = searcher.doc(addr).expect("stored doc");
            let get = |f| {
                doc.get_first(f)
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            };
            (get(id), get(path))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn reindexing_the_same_folder_does_not_duplicate() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    write_articles(&corpus);
    let corpus = corpus.to_str().expect("utf-8 path");

    let first = index_json(&index, &[corpus]);
    assert_eq!(counts(&first), (3, 0, 0, 0, 3));
    let second = index_json(&index, &[corpus]);
    assert_eq!(counts(&second), (0, 0, 3, 0, 3));
    assert_eq!(ids_and_paths(&index).len(), 3);
}

#[test]
fn an_index_inside_the_corpus_is_not_read_as_articles() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = corpus.join("idx");
    write_articles(&corpus);
    let corpus = corpus.to_str().expect("utf-8 path");
    assert_eq!(counts(&index_json(&index, &[corpus])), (3, 0, 0, 0, 3));
    assert_eq!(counts(&index_json(&index, &[corpus])), (0, 0, 3, 0, 3));
}

#[test]
fn a_changed_article_replaces_the_old_one() {
    // The same article text moved to another file: same id, changed stored path → updated.
    let tmp = tempfile::tempdir().expect("tempdir");
    let index = tmp.path().join("idx");
    write_articles(&tmp.path().join("a"));
    index_json(&index, &[tmp.path().join("a").to_str().expect("utf-8")]);
    let before = ids_and_paths(&index);

    let moved = tmp.path().join("b");
    std::fs::create_dir_all(&moved).expect("mkdir");
    let (name, text) = ARTICLES[0];
    std::fs::write(moved.join(name), text).expect("write");
    let report = index_json(&index, &[moved.join(name).to_str().expect("utf-8")]);
    assert_eq!(counts(&report), (0, 1, 0, 0, 3));

    let after = ids_and_paths(&index);
    assert_eq!(
        before.iter().map(|p| &p.0).collect::<Vec<_>>(),
        after.iter().map(|p| &p.0).collect::<Vec<_>>(),
        "same ids before and after"
    );
    let new_path = moved.join(name).display().to_string();
    assert_eq!(after.iter().filter(|(_, p)| *p == new_path).count(), 1);
}

#[test]
fn rebuild_starts_over() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let index = tmp.path().join("idx");
    write_articles(&tmp.path().join("a"));
    index_json(&index, &[tmp.path().join("a").to_str().expect("utf-8")]);
    let one = tmp.path().join("a").join(ARTICLES[1].0);
    let report = index_json(&index, &[one.to_str().expect("utf-8"), "--rebuild"]);
    assert_eq!(counts(&report), (1, 0, 0, 0, 1));
}

#[test]
fn bad_inputs_are_reported_with_path_and_reason_and_the_rest_is_indexed() {
    // An empty file and a path that does not exist, beside two good articles.
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    for (name, text) in &ARTICLES[..2] {
        std::fs::write(corpus.join(name), text).expect("write");
    }
    std::fs::write(corpus.join("kosong.txt"), "").expect("write");
    let missing = tmp.path().join("tidak-ada.txt");

    let out = telusur()
        .arg("index")
        .arg(&corpus)
        .arg(&missing)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "some articles were indexed");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("2 indexed"), "{stdout}");
    assert!(stdout.contains("2 skipped"), "{stdout}");
    assert!(stdout.contains("kosong.txt"), "{stdout}");
    assert!(stdout.contains("tidak-ada.txt"), "{stdout}");

    // The JSON report gives each skip its path and a reason.
    let report = index_json(
        &index,
        &[
            corpus.to_str().expect("utf-8"),
            missing.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(report["skipped"]["total"], 2);
    let skipped: Vec<&serde_json::Value> = report["skipped"]["by_reason"]
        .as_array()
        .expect("skipped by reason")
        .iter()
        .flat_map(|r| r["examples"].as_array().expect("examples"))
        .collect();
    assert_eq!(skipped.len(), 2);
    for s in skipped {
        let path = s["path"].as_str().unwrap_or_default();
        assert!(
            path.ends_with("kosong.txt") || path.ends_with("tidak-ada.txt"),
            "{s}"
        );
        assert!(!s["reason"].as_str().unwrap_or_default().is_empty(), "{s}");
    }
}

#[test]
fn nothing_indexed_is_exit_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    telusur()
        .arg("index")
        .arg(tmp.path().join("tidak-ada"))
        .arg("--index")
        .arg(tmp.path().join("idx"))
        .assert()
        .code(2)
        .stdout(predicate::str::contains("tidak-ada"))
        .stderr(predicate::str::contains("nothing was indexed"));
}

#[test]
fn show_prints_one_article_in_full() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    write_articles(&corpus);
    index_json(&index, &[corpus.to_str().expect("utf-8")]);
    let file = corpus.join("australia.txt").display().to_string();
    let (id, _) = ids_and_paths(&index)
        .into_iter()
        .find(|(_, p)| *p == file)
        .expect("the australia article is indexed");

    telusur()
        .args(["show", &id, "--index"])
        .arg(&index)
        .assert()
        .success()
        .stdout(predicate::str::contains("Pelatihan forensik digital"))
        .stdout(predicate::str::contains(format!("id:         {id}")))
        .stdout(predicate::str::contains(file.as_str()));

    let out = telusur()
        .args(["show", &id, "--json", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).expect("show --json is JSON");
    assert_eq!(a["id"], id.as_str());
    assert!(a["body"]
        .as_str()
        .unwrap_or_default()
        .contains("tiga puluh penyidik"));

    telusur()
        .args(["show", "0000000000000000", "--index"])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article"));
}

#[test]
fn stats_reports_documents_and_size() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    write_articles(&corpus);
    index_json(&index, &[corpus.to_str().expect("utf-8")]);

    telusur()
        .args(["stats", "--index"])
        .arg(&index)
        .assert()
        .success()
        .stdout(predicate::str::contains("documents:  3"));
    let out = telusur()
        .args(["stats", "--json", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats --json is JSON");
    assert_eq!(s["documents"], 3);
    assert!(s["size_bytes"].as_u64().unwrap_or(0) > 0, "{s}");

    telusur()
        .args(["stats", "--index"])
        .arg(tmp.path().join("none"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index"));
}

#[test]
fn a_second_writer_gets_a_locked_error_not_a_hang() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    write_articles(&corpus);
    index_json(&index, &[corpus.to_str().expect("utf-8")]);

    let idx = tantivy::Index::open_in_dir(&index).expect("open");
    let _held: tantivy::IndexWriter = idx.writer(15_000_000).expect("this test holds the writer");
    telusur()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("locked"));
}

#[test]
fn a_killed_run_leaves_the_index_openable_at_its_last_commit() {
    const N: usize = 4000;
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    for i in 0..N {
        let text = format!(
            "Berita nomor {i}\n\nAparat keamanan di wilayah {i} menggelar pelatihan bersama {} peserta dari negara tetangga, membahas pencegahan terorisme dan pertukaran informasi intelijen.\n",
            i * 7 + 3
        );
        std::fs::write(corpus.join(format!("{i:05}.txt")), text).expect("write");
    }

    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_telusur"))
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .args(["--commit-every", "50", "--threads", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn telusur index");

    // Wait for the first periodic commit to be visible from outside.
    let deadline = Instant::now() + Duration::from_secs(120);
    let committed = loop {
        if let Ok(engine) = telusur::Engine::open(&index) {
            if engine.num_docs() > 0 {
                break engine.num_docs();
            }
        }
        assert!(
            child.try_wait().expect("poll child").is_none(),
            "the run ended before its first commit was seen"
        );
        assert!(Instant::now() < deadline, "no commit within 2 minutes");
        std::thread::sleep(Duration::from_millis(5));
    };
    let still_running = child.try_wait().expect("poll child").is_none();
    child.kill().expect("SIGKILL the indexer");
    child.wait().expect("reap");
    assert!(still_running, "the run should be killed mid-way");

    let engine = telusur::Engine::open(&index).expect("the index opens after SIGKILL");
    let docs = engine.num_docs();
    assert!(
        docs >= committed && docs < N as u64,
        "{docs} documents after the kill"
    );
    drop(engine);

    // The lock died with the process: the next run finishes the job.
    let report = index_json(&index, &[corpus.to_str().expect("utf-8")]);
    let (indexed, _, unchanged, skipped, documents) = counts(&report);
    assert_eq!(
        (indexed + unchanged, skipped, documents),
        (N as u64, 0, N as u64)
    );
}

/// Keeps the fixture helpers honest: the paths the tests compare are the ones indexed.
#[test]
fn stored_paths_are_the_input_paths() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    write_articles(&corpus);
    index_json(&index, &[corpus.to_str().expect("utf-8")]);
    let mut paths: Vec<PathBuf> = ids_and_paths(&index)
        .into_iter()
        .map(|(_, p)| PathBuf::from(p))
        .collect();
    paths.sort();
    let mut expected: Vec<PathBuf> = ARTICLES.iter().map(|(n, _)| corpus.join(n)).collect();
    expected.sort();
    assert_eq!(paths, expected);
}
