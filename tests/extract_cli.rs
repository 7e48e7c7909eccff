//! End to end: `telusur extract` on fixtures written for these tests (tests/fixtures/extract/),
//! plus bad files made at run time (non-UTF-8, empty, binary, unknown extension).

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const KEYS: [&str; 12] = [
    "path",
    "id",
    "url",
    "title",
    "source",
    "dateline",
    "published",
    "year",
    "partners",
    "partner_orgs",
    "mentioned_countries",
    "evidence",
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

fn telusur() -> Command {
    Command::cargo_bin("telusur").unwrap()
}

/// Runs `telusur extract ARGS --json`; returns (exit code, articles by file name, stderr).
fn run_json(args: &[&Path]) -> (i32, Vec<Value>, String) {
    let out = telusur()
        .arg("extract")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let articles = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect();
    (out.status.code().unwrap_or(-1), articles, stderr)
}

fn by_name<'a>(articles: &'a [Value], suffix: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| a["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .unwrap_or_else(|| panic!("no article from {suffix}"))
}

fn list(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn extracts_a_directory_and_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    copy_dir(&fixtures(), &root);
    // Bad inputs, each reported with its path and reason while the rest is extracted.
    fs::write(root.join("latin1.txt"), b"Jakarta - Caf\xe9 dan teroris").unwrap();
    fs::write(root.join("empty.txt"), b"  \n\n").unwrap();
    fs::write(root.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(root.join("notes.pdf"), b"%PDF-1.4").unwrap();
    // Hidden files are ignored quietly.
    fs::write(root.join(".draft.txt"), b"draft").unwrap();

    let (code, articles, stderr) = run_json(&[&root]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(articles.len(), 11, "{stderr}");
    for a in &articles {
        let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = KEYS.to_vec();
        expected.sort();
        let mut got = keys.clone();
        got.sort();
        assert_eq!(got, expected);
    }

    for (file, why) in [
        ("latin1.txt", "not UTF-8"),
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("notes.pdf", "unknown extension"),
        ("articles.jsonl:3", "not valid JSON"),
        ("articles.jsonl:4", "no body"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(&format!("{file}: ")) && l.contains(why)),
            "{file} not reported with '{why}':\n{stderr}"
        );
    }
    assert!(!stderr.contains(".draft.txt"), "{stderr}");
    assert!(
        !stderr.contains("blog_no_source.json"),
        "label files are not problems: {stderr}"
    );
    let last = stderr.lines().last().unwrap();
    assert!(
        last.starts_with("extracted 11 articles; 6 problems"),
        "{last}"
    );
    assert!(
        last.contains("1 not UTF-8") && last.contains("1 binary") && last.contains("1 no body"),
        "{last}"
    );
    assert!(last.contains("ignored 2 files"), "{last}");

    // ANTARA with a regional desk, no headline: the text starts at the dateline.
    let a = by_name(&articles, "antara_no_title.txt");
    assert_eq!(a["title"], Value::Null);
    assert_eq!(a["source"], "ANTARA");
    assert_eq!(a["dateline"], "Palu");
    assert!(a["evidence"]["source"]
        .as_str()
        .unwrap()
        .contains("ANTARA SULTENG"));

    // Breadcrumb, repeated headline, a publisher date line, a caption; related lines naming
    // Malaysia must not feed the facets.
    let a = by_name(&articles, "kompas_breadcrumb.txt");
    assert_eq!(
        a["title"],
        "Polisi dan Imigrasi Perketat Pengawasan Orang Asing di Bandara"
    );
    assert_eq!(a["source"], "Kompas");
    assert_eq!(a["dateline"], "JAKARTA");
    assert!(!list(&a["mentioned_countries"]).contains(&"MY"));

    // Initials credit `(jos/jpnn)` and a bare `Baca Juga` list naming the Philippines.
    let a = by_name(&articles, "jpnn_initials.txt");
    assert_eq!(a["source"], "jpnn.com");
    assert_eq!(
        a["title"],
        "Densus 88 Amankan Dua Terduga Anggota Jaringan Teror di Lampung"
    );
    assert!(!list(&a["mentioned_countries"]).contains(&"PH"));

    let a = by_name(&articles, "republika.txt");
    assert_eq!(
        (a["source"].as_str(), a["dateline"].as_str()),
        (Some("Republika"), Some("JAKARTA"))
    );
    assert_eq!(list(&a["partners"]), ["MY"]);

    let a = by_name(&articles, "tempo_wrapped.txt");
    assert_eq!(
        (a["source"].as_str(), a["dateline"].as_str()),
        (Some("Tempo"), Some("Jakarta"))
    );
    assert_eq!(a["title"], Value::Null);

    let a = by_name(&articles, "initials.txt");
    assert_eq!(a["source"], "AB");
    assert_eq!(a["dateline"], Value::Null);

    // NBSPs in the dateline, site chrome, a related line naming Malaysia.
    let a = by_name(&articles, "rakyat_merdeka.txt");
    assert_eq!(a["source"], "RM.id");
    assert_eq!(
        a["title"],
        "Tiongkok dan Indonesia Bahas Kerja Sama Pencegahan Ekstremisme"
    );
    assert_eq!(list(&a["mentioned_countries"]), ["CN"]);

    // No publisher named, no URL: null, in a subdirectory.
    let a = by_name(&articles, "sub/blog_no_source.txt");
    assert_eq!(a["source"], Value::Null);
    assert_eq!(a["dateline"], "JAKARTA");
    assert_eq!(
        a["title"],
        "Menjaga Kerukunan di Tengah Ancaman Radikalisme Daring"
    );

    // JSON Lines: explicit fields win, extraction fills the rest.
    let a = by_name(&articles, "articles.jsonl:1");
    assert_eq!(a["id"], "given-1");
    assert_eq!(a["title"], "Judul Diberikan");
    assert_eq!(a["published"], "2019-06-05");
    assert_eq!(a["year"], 2019);
    assert_eq!(list(&a["partners"]), ["PH"]);
    assert_eq!(list(&a["partner_orgs"]), ["ASEAN"]);
    assert_eq!(a["dateline"], "Jakarta");
    assert_eq!(a["evidence"]["title"], "given");
    let a = by_name(&articles, "articles.jsonl:2");
    assert_eq!(a["source"], "Detik");
    assert_eq!(a["published"], "2021-03-01");
    assert_eq!(list(&a["partners"]), ["GB", "US"]);
    assert_eq!(a["id"].as_str().unwrap().len(), 16);
    let a = by_name(&articles, "articles.jsonl:5");
    assert_eq!(
        (a["year"].as_i64(), a["published"].is_null()),
        (Some(2020), true)
    );
    assert_eq!(a["source"], "Contoh News");
}

#[test]
fn same_input_same_output() {
    let (_, a, _) = run_json(&[&fixtures()]);
    let (_, b, _) = run_json(&[&fixtures()]);
    assert_eq!(a, b);
}

#[test]
fn nothing_extracted_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let (code, articles, stderr) = run_json(&[&empty, &dir.path().join("missing.jsonl")]);
    assert_eq!(code, 1);
    assert!(articles.is_empty());
    assert!(stderr.contains("empty.txt: empty"), "{stderr}");
    assert!(stderr.contains("missing.jsonl: no such file"), "{stderr}");
    assert!(stderr
        .lines()
        .last()
        .unwrap()
        .starts_with("extracted 0 articles; 2 problems"));
}

#[test]
fn usage_errors_exit_two() {
    telusur().arg("extract").assert().code(2);
    telusur()
        .args(["extract", "--bogus", "x.txt"])
        .assert()
        .code(2);
    telusur().args(["extract", "-", "-"]).assert().code(2);
}

#[test]
fn stdin_json_lines_and_text() {
    let out = telusur()
        .args(["extract", "-", "--json"])
        .write_stdin("{\"body\":\"Isi berita pertama.\",\"partners\":[\"Malaysia\"]}\n{bad\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let v: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(v["path"], "-:1");
    assert_eq!(list(&v["partners"]), ["MY"]);
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("-:2: not valid JSON"));

    let text = fs::read_to_string(fixtures().join("republika.txt")).unwrap();
    let out = telusur()
        .args(["extract", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.contains("title:     Indonesia dan Malaysia Sepakati Patroli Bersama"),
        "{human}"
    );
    assert!(
        human.contains("source:    Republika   dateline: JAKARTA"),
        "{human}"
    );
}
