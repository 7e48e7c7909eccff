//! The command line as scripts and shells meet it: `--json` errors, `--color`, `NO_COLOR`,
//! `--quiet`, a closed pipe, completions, the man page, `TELUSUR_INDEX`, and the marks of
//! the built-in sample corpus. Indexes are built from the pages in `demo/` (our own writing).

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;

fn telusur() -> Command {
    let mut cmd = Command::cargo_bin("telusur").expect("binary");
    cmd.env_remove("TELUSUR_INDEX").env_remove("NO_COLOR");
    cmd
}

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("demo")
}

/// An index of the demo pages in a fresh directory.
fn demo_index() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = dir.path().join("idx");
    telusur()
        .arg("index")
        .arg(demo().join("articles"))
        .arg(demo().join("more.jsonl"))
        .arg("--index")
        .arg(&index)
        .assert()
        .success();
    (dir, index)
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("run").stdout).expect("utf8")
}

#[test]
fn with_json_errors_are_json_on_stdout() {
    let (_dir, index) = demo_index();
    let out = telusur()
        .args([
            "search",
            "teror",
            "--country",
            "Ingris",
            "--json",
            "--index",
        ])
        .arg(&index)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON error");
    assert_eq!(v["kind"], "unknown_country");
    assert_eq!(v["name"], "Ingris");
    // A near spelling, not a far guess.
    assert_eq!(v["suggestions"], serde_json::json!(["Inggris"]));
    assert!(v["error"].as_str().is_some_and(|e| e.contains("Ingris")));
    // Without --json: plain text on stderr, nothing on stdout.
    let out = telusur()
        .args(["search", "teror", "--country", "Ingris", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean: Inggris?"));
    // A missing article and a usage error, with --json.
    let out = telusur()
        .args(["show", "no-such-id", "--json", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["error"]
        .as_str()
        .is_some_and(|e| e.contains("no-such-id")));
    let out = telusur()
        .args(["search", "--sort", "best", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["kind"], "usage");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let (_dir, index) = demo_index();
    let search = |color: Option<&str>, no_color: bool| {
        let mut cmd = telusur();
        cmd.args(["search", "kripto", "--index"]).arg(&index);
        if let Some(c) = color {
            cmd.args(["--color", c]);
        }
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        stdout_of(&mut cmd)
    };
    // Piped: plain by default, highlighted when asked, whatever NO_COLOR says.
    assert!(!search(None, false).contains('\x1b'));
    let always = search(Some("always"), false);
    assert!(always.contains("\x1b[1m"), "{always:?}");
    assert!(search(Some("always"), true).contains("\x1b[1m"));
    assert!(!search(Some("never"), false).contains('\x1b'));
    assert!(!search(Some("auto"), true).contains('\x1b'));
    // The flag goes before the subcommand too.
    let mut cmd = telusur();
    cmd.args(["--color", "always", "search", "kripto", "--index"])
        .arg(&index);
    assert!(stdout_of(&mut cmd).contains("\x1b[1m"));
    assert!(telusur()
        .args(["search", "x", "--color", "sometimes"])
        .assert()
        .failure()
        .get_output()
        .stdout
        .is_empty());
}

#[test]
fn one_hit_is_one_hit_and_quiet_is_quiet() {
    let (dir, index) = demo_index();
    let mut cmd = telusur();
    cmd.args(["search", "kripto", "--index"]).arg(&index);
    let text = stdout_of(&mut cmd);
    assert!(text.starts_with("1 hit ("), "{text}");
    // The demo page's publisher is not known: left out, not shown as `?`.
    assert!(!text.contains(" ? "), "{text}");
    // --quiet: the indexing summary and notes go; results stay.
    let out = telusur()
        .args(["index", "--quiet", "--index"])
        .arg(dir.path().join("other"))
        .arg(demo().join("articles"))
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    let out = telusur()
        .args(["-q", "search", "kripto", "--index"])
        .arg(&index)
        .output()
        .expect("run");
    assert!(out.stderr.is_empty());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 hit"));
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let (_dir, index) = demo_index();
    let bin = assert_cmd::cargo::cargo_bin("telusur");
    for args in [&["stats"][..], &["search", "terorisme", "--limit", "50"]] {
        let mut child = std::process::Command::new(&bin)
            .args(args)
            .arg("--index")
            .arg(&index)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // The reader goes away before anything is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn completions_man_page_and_the_index_variable() {
    for shell in ["bash", "zsh", "fish"] {
        let mut cmd = telusur();
        cmd.args(["completions", shell]);
        let script = stdout_of(&mut cmd);
        assert!(script.contains("telusur"), "{shell}");
        assert!(
            script.contains("mentions"),
            "{shell}: the subcommands' options"
        );
    }
    telusur().args(["completions", "tcsh"]).assert().failure();
    let mut cmd = telusur();
    cmd.arg("man");
    let page = stdout_of(&mut cmd);
    assert!(
        page.starts_with(".ie") || page.contains(".TH telusur"),
        "{page}"
    );
    assert!(page.contains("telusur\\-search") || page.contains("telusur-search"));
    assert!(page.contains("TELUSUR_INDEX"));

    let (_dir, index) = demo_index();
    let mut cmd = telusur();
    cmd.args(["stats", "--json"]).env("TELUSUR_INDEX", &index);
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&mut cmd)).expect("json");
    assert_eq!(v["documents"], 6);
    assert_eq!(v["sample"], false);
    // --index wins over the variable; a variable naming no index is an error, not the sample.
    telusur()
        .args(["stats", "--index"])
        .arg(&index)
        .env("TELUSUR_INDEX", "/no/such/index")
        .assert()
        .success();
    telusur()
        .args(["search", "teror"])
        .env("TELUSUR_INDEX", "/no/such/index")
        .assert()
        .code(2);
}

#[test]
fn the_sample_says_what_it_is_everywhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        let mut cmd = telusur();
        cmd.args(args).current_dir(dir.path());
        stdout_of(&mut cmd)
    };
    let text = run(&[
        "search",
        "kerja sama",
        "--country",
        "Filipina",
        "--limit",
        "3",
    ]);
    assert!(
        text.starts_with("sample data: generated articles"),
        "{text}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&run(&["search", "kerja sama", "--json"])).expect("json");
    assert_eq!(v["sample"], true);
    // Fictional outlets on reserved domains.
    for hit in v["hits"].as_array().expect("hits") {
        let url = hit["url"].as_str().expect("url");
        let host = url.split('/').nth(2).expect("host");
        assert!(host.ends_with(".example"), "{url}");
    }
    let sources: Vec<String> = v["facets"]["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["key"].as_str().unwrap_or_default().to_string())
        .collect();
    for real in ["ANTARA", "Kompas", "Tempo", "Republika", "jpnn.com"] {
        assert!(!sources.iter().any(|s| s == real), "{sources:?}");
    }
    let id = v["hits"][0]["id"].as_str().expect("id").to_string();
    assert!(run(&["show", &id]).starts_with("sample data:"));
    let shown: serde_json::Value =
        serde_json::from_str(&run(&["show", &id, "--json"])).expect("json");
    assert_eq!(shown["sample"], true);
    assert!(run(&["stats"]).contains("sample:     generated articles"));
    let batch = run(&["search", "--batch", "-"]);
    assert!(batch.is_empty(), "no request, no line");
    // The index records it; a rebuild with real articles ends it.
    assert!(dir.path().join("index/SAMPLE.txt").is_file());
    let mut cmd = telusur();
    cmd.args(["index", "--rebuild"])
        .arg(demo().join("articles"))
        .current_dir(dir.path())
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_str(&run(&["stats", "--json"])).expect("json");
    assert_eq!(
        (v["sample"].as_bool(), v["documents"].as_u64()),
        (Some(false), Some(4))
    );
    assert!(!run(&["search", "kerja sama"]).contains("sample data"));
}
