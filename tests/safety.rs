//! Data safety and robustness, through the binary as a user runs it (issue 13): nothing is
//! lost (a rebuild from a mistyped path), nothing hangs (FIFOs, devices), nothing aborts
//! (deep queries, huge offsets), and bad input is counted without being hoarded.
//!
//! Each test names the item of the issue it keeps fixed. Fixtures are written here, in a
//! fresh temporary directory per test.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

/// Three short, distinct articles (written for these tests) as JSON Lines.
const CORPUS: &str = r#"{"id":"a1","title":"Indonesia dan Filipina memperkuat kerja sama","body":"Kedua negara sepakat bertukar informasi tentang kelompok teroris di perairan perbatasan.","source":"ANTARA","published":"2022-03-01"}
{"id":"a2","title":"Australia melatih penyidik Polri","body":"Pelatihan forensik digital itu membahas pendanaan teroris.","source":"Kompas","published":"2021-05-02"}
{"id":"a3","title":"Polisi Malaysia dan Densus 88 menangkap buronan","body":"Penangkapan teroris dilakukan setelah kedua kepolisian berbagi data.","source":"ANTARA","published":"2023-07-03"}
"#;

fn telusur() -> Command {
    let mut cmd = assert_cmd::cargo_bin_cmd!("telusur");
    // Nothing here may hang: a test that blocks fails instead.
    cmd.timeout(Duration::from_secs(120));
    cmd
}

/// A temporary directory with `corpus.jsonl` indexed into `idx/`.
fn indexed() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus.jsonl");
    std::fs::write(&corpus, CORPUS).expect("write corpus");
    let index = tmp.path().join("idx");
    telusur()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(0);
    (tmp, index)
}

fn documents(index: &Path) -> u64 {
    let out = telusur()
        .args(["stats", "--json", "--index"])
        .arg(index)
        .output()
        .expect("run stats");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    v["documents"].as_u64().expect("documents")
}

fn search(index: &Path, args: &[&str]) -> Output {
    telusur()
        .arg("search")
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("run search")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn index_report(index: &Path, paths: &[&Path], extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let out = telusur()
        .arg("index")
        .args(paths)
        .arg("--index")
        .arg(index)
        .arg("--json")
        .args(extra)
        .output()
        .expect("run index");
    let v = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), v)
}

// 1. A rebuild from a mistyped path wiped the index.
#[test]
fn a_rebuild_with_nothing_to_read_keeps_the_index() {
    let (tmp, index) = indexed();
    assert_eq!(documents(&index), 3);
    telusur()
        .arg("index")
        .arg(tmp.path().join("korpus-salah-ketik"))
        .arg("--rebuild")
        .arg("--index")
        .arg(&index)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("not rebuilt").and(predicate::str::contains("3 documents")),
        );
    assert_eq!(documents(&index), 3, "the old documents are still there");

    // A file whose every line is bad is no better than a missing path.
    let bad = tmp.path().join("rusak.jsonl");
    std::fs::write(&bad, "bukan json\n{\"title\":\"tanpa isi\"}\n").expect("write");
    let (code, report) = index_report(&index, &[&bad], &["--rebuild"]);
    assert_eq!(code, Some(2));
    assert_eq!(report["rebuild_skipped"], true);
    assert_eq!(documents(&index), 3);

    // A rebuild with articles replaces the old ones, in one commit even with a tiny period.
    let one = tmp.path().join("satu.jsonl");
    std::fs::write(&one, CORPUS.lines().next().expect("a line")).expect("write");
    let (code, report) = index_report(&index, &[&one], &["--rebuild", "--commit-every", "1"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        (report["commits"].as_u64(), report["documents"].as_u64()),
        (Some(1), Some(1))
    );
}

// 2. Deeply nested queries overflowed the stack (exit 134), in a batch too.
#[test]
fn deep_nesting_is_a_clear_error_not_an_abort() {
    let (tmp, index) = indexed();
    let deep = format!("{}teroris{}", "(".repeat(3000), ")".repeat(3000));
    let out = search(&index, &[&deep]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nested too deeply"),
        "{}",
        stderr(&out)
    );
    // Unbalanced opening parentheses are just as deep for the parser.
    let out = search(&index, &[&"(".repeat(5000)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    // In a batch, that line fails and the others run.
    let batch = tmp.path().join("q.jsonl");
    let line = serde_json::json!({ "query": deep }).to_string();
    std::fs::write(&batch, format!("{line}\n{{\"query\":\"teroris\"}}\n")).expect("write");
    let out = search(&index, &["--batch", batch.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"]
        .as_str()
        .is_some_and(|e| e.contains("nested")));
    assert_eq!(lines[1]["total"], 3);

    // A batch line over the limit fails alone, without being held whole.
    let long = format!(
        "{{\"query\":\"{}\"}}\n{{\"query\":\"teroris\"}}\n",
        "a".repeat(telusur::limits::MAX_BATCH_LINE_BYTES + 10)
    );
    std::fs::write(&batch, long).expect("write");
    let out = search(&index, &["--batch", batch.to_str().expect("utf-8")]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"]
        .as_str()
        .is_some_and(|e| e.contains("too long")));
    assert_eq!(lines[1]["total"], 3);
}

// 3. `--offset 1000000000` asked for 48 GB and aborted.
#[test]
fn huge_offsets_are_refused() {
    let (_tmp, index) = indexed();
    for args in [
        &["--offset", "1000000000", "--sort", "newest"][..],
        &["--offset", "1000000000"][..],
        &["teroris", "--offset", "1000000000", "--limit", "10000"][..],
    ] {
        let out = search(&index, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("offset"), "{}", stderr(&out));
    }
    let out = search(&index, &["--limit", "1000000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("limit"));
    // Within the limits, paging past the end is an honest empty page.
    let max = telusur::limits::MAX_OFFSET.to_string();
    let out = search(&index, &["teroris", "--offset", &max, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        (v["total"].as_u64(), v["hits"].as_array().map(Vec::len)),
        (Some(3), Some(0))
    );
}

// 4. A FIFO blocked forever in open(); a link to /dev/urandom read forever.
#[cfg(unix)]
#[test]
fn only_regular_files_are_read() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("korpus");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("baik.jsonl"), CORPUS).expect("write");
    let fifo = dir.join("x.jsonl");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/urandom", dir.join("rand.jsonl")).expect("symlink");
    std::os::unix::fs::symlink("/dev/zero", dir.join("nol.txt")).expect("symlink");
    let index = tmp.path().join("idx");

    // Found in a directory, and given by name.
    for paths in [
        vec![dir.clone()],
        vec![dir.join("baik.jsonl"), fifo.clone(), dir.join("rand.jsonl")],
    ] {
        let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let (code, report) = index_report(&index, &paths, &[]);
        assert_eq!(code, Some(0), "{report}");
        assert_eq!(report["documents"], 3);
        let reasons = report["skipped"].to_string();
        assert!(reasons.contains("FIFO"), "{reasons}");
        assert!(reasons.contains("device"), "{reasons}");
    }

    // stdin stays supported.
    let out = telusur()
        .args(["index", "-", "--json", "--index"])
        .arg(tmp.path().join("idx2"))
        .write_stdin(CORPUS)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// 4. The size of one input is bounded (sparse files: nothing is written to disk).
#[test]
fn oversized_inputs_are_skipped_with_the_limit() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let good = tmp.path().join("baik.jsonl");
    std::fs::write(&good, CORPUS).expect("write");
    let big_txt = tmp.path().join("besar.txt");
    std::fs::File::create(&big_txt)
        .and_then(|f| f.set_len(telusur::limits::MAX_TEXT_BYTES + 1))
        .expect("sparse txt");
    let big_jsonl = tmp.path().join("besar.jsonl");
    std::fs::File::create(&big_jsonl)
        .and_then(|f| f.set_len(telusur::limits::MAX_INPUT_BYTES + 1))
        .expect("sparse jsonl");
    let (code, report) = index_report(&tmp.path().join("idx"), &[&good, &big_txt, &big_jsonl], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(report["documents"], 3);
    assert_eq!(report["skipped"]["total"], 2);
    let reasons = report["skipped"].to_string();
    assert!(reasons.contains("too large for one article"), "{reasons}");
    assert!(
        reasons.contains("too large for one input") && reasons.contains("4.0 GB"),
        "{reasons}"
    );
}

// 5. Every bad line was kept in memory.
#[test]
fn bad_lines_are_counted_with_a_bounded_sample() {
    const BAD: usize = 5000;
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("rusak.jsonl");
    let mut text = String::from(CORPUS);
    for _ in 0..BAD {
        text.push_str("{oops\n");
    }
    std::fs::write(&file, text).expect("write");
    let index = tmp.path().join("idx");
    let (code, report) = index_report(&index, &[&file], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(report["skipped"]["total"], BAD);
    let groups = report["skipped"]["by_reason"].as_array().expect("groups");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["count"], BAD);
    assert_eq!(
        groups[0]["examples"].as_array().map(Vec::len),
        Some(telusur::limits::PROBLEM_EXAMPLES)
    );
    // The human summary says that the list is a sample.
    let out = telusur()
        .arg("index")
        .arg(&file)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("{BAD} skipped")), "{stdout}");
    assert!(
        stdout.contains(&format!("and {} more", BAD - 10)),
        "{stdout}"
    );
    assert!(stdout.lines().count() < 30, "{stdout}");
    // So does extract.
    let out = telusur().arg("extract").arg(&file).output().expect("run");
    let err = stderr(&out);
    assert!(err.lines().count() < 30, "{err}");
    assert!(err.contains(&format!("{BAD} problems")), "{err}");
}

// 6. Ids over 65,530 bytes broke upsert.
#[test]
fn over_long_ids_are_rejected_and_never_duplicated() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("panjang.jsonl");
    let id = "x".repeat(70_000);
    let line = serde_json::json!({"id": id, "body": "Isi berita tentang teroris."});
    std::fs::write(&file, format!("{line}\n{CORPUS}")).expect("write");
    let index = tmp.path().join("idx");
    for _ in 0..2 {
        let (code, report) = index_report(&index, &[&file], &[]);
        assert_eq!(code, Some(0));
        assert_eq!(report["documents"], 3, "no copy added: {report}");
        let reasons = report["skipped"].to_string();
        assert!(
            reasons.contains("\\\"id\\\" is too long (70000 bytes; the limit is 512)"),
            "{reasons}"
        );
    }
}

// 7. `field:*` was a hard error.
#[test]
fn field_exists_syntax_is_a_warning() {
    let (_tmp, index) = indexed();
    for q in [
        "teroris :*",
        "foo:*",
        "title:*",
        "teroris title:* -source:*",
    ] {
        let out = search(&index, &[q]);
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "{q}: {code:?} {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("not supported; ignored"),
            "{q}: {}",
            stderr(&out)
        );
    }
    let out = search(&index, &["teroris title:*", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["total"], 3);
}

// 8. `.managed.json` was written 0600: other users could not search the index.
#[cfg(unix)]
#[test]
fn index_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus.jsonl");
    std::fs::write(&corpus, CORPUS).expect("write");
    let index = tmp.path().join("idx");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" index \"$1\" --index \"$2\" >/dev/null")
        .arg(env!("CARGO_BIN_EXE_telusur"))
        .arg(&corpus)
        .arg(&index)
        .status()
        .expect("run");
    assert!(status.success());
    for name in ["meta.json", ".managed.json"] {
        let mode = std::fs::metadata(index.join(name))
            .expect(name)
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o644, "{name} is {mode:o}");
    }

    // Another user searches it (where this test can become one: root with runuser).
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let runuser = Path::new("/usr/sbin/runuser").exists() || Path::new("/sbin/runuser").exists();
    let as_nobody = || {
        let mut cmd = std::process::Command::new("runuser");
        cmd.args(["-u", "nobody", "--"])
            .arg(env!("CARGO_BIN_EXE_telusur"));
        cmd
    };
    // The binary itself must be reachable by that user (a checkout under /root is not).
    let reachable = || {
        as_nobody()
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !(root && runuser && reachable()) {
        eprintln!(
            "skipped the other-user search: not root, no runuser, or the binary is out of reach"
        );
        return;
    }
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = as_nobody()
        .args(["search", "teroris", "--index"])
        .arg(&index)
        .output()
        .expect("run as nobody");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// 10. Field warnings were counted as skipped records.
#[test]
fn warnings_are_counted_apart_from_skips() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("campur.jsonl");
    std::fs::write(
        &file,
        concat!(
            "{\"body\":\"Satu tentang teroris.\",\"partners\":[\"Atlantis\"]}\n",
            "{\"body\":\"Dua tentang teroris.\",\"published\":\"kemarin\"}\n",
            "{\"body\":\"Tiga tentang teroris.\",\"id\":\"\"}\n",
            "bukan json\n",
        ),
    )
    .expect("write");
    let index = tmp.path().join("idx");
    let (code, report) = index_report(&index, &[&file], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(report["indexed"], 3);
    assert_eq!(report["skipped"]["total"], 1);
    assert_eq!(report["warnings"]["total"], 3);
    // An empty id says so (it was "expected a string or number, found a string").
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("\\\"id\\\" is empty"), "{warnings}");
    let out = telusur()
        .arg("index")
        .arg(&file)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 skipped, 3 with warnings"), "{stdout}");
}

// 10. A duplicate id in one run kept the first article.
#[test]
fn the_last_duplicate_in_a_run_wins() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("ganda.jsonl");
    std::fs::write(
        &file,
        concat!(
            "{\"id\":\"d1\",\"body\":\"Versi pertama tentang teroris.\"}\n",
            "{\"id\":\"d1\",\"body\":\"Versi kedua tentang teroris.\"}\n",
        ),
    )
    .expect("write");
    let index = tmp.path().join("idx");
    let (code, report) = index_report(&index, &[&file], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        (report["indexed"].as_u64(), report["documents"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(report["warnings"]["total"], 1);
    telusur()
        .args(["show", "d1", "--index"])
        .arg(&index)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Versi kedua")
                .and(predicate::str::contains("Versi pertama").not()),
        );
}

// 10. `analyze --words` stopped at the first line that was not UTF-8.
#[test]
fn analyze_words_goes_on_after_bad_bytes() {
    let out = telusur()
        .args(["analyze", "--words"])
        .write_stdin(&b"menanggulangi\nCaf\xe9\n\xff\xfe\nnegara-negara\n"[..])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 out");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "one line out per line in: {stdout:?}");
    assert_eq!((lines[0], lines[3]), ("tanggulang", "negara"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2: not UTF-8") && err.contains("line 3"),
        "{err}"
    );
}

// 10. `--source /` warned, then returned everything with exit 0.
#[test]
fn an_empty_source_is_an_error() {
    let (_tmp, index) = indexed();
    for s in ["/", "//"] {
        let out = search(&index, &["teroris", "--source", s]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("names no publisher"),
            "{}",
            stderr(&out)
        );
    }
    // An unknown source is an honest no-match.
    let out = search(&index, &["teroris", "--source", "Tempo"]);
    assert_eq!(out.status.code(), Some(1));
}

// 10. A query starting with `-` needs `--`: the error says so.
#[test]
fn a_leading_dash_query_gets_a_hint() {
    let (_tmp, index) = indexed();
    let out = search(&index, &["-anak"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-- -anak"), "{}", stderr(&out));
    let out = telusur()
        .args(["search", "--index"])
        .arg(&index)
        .args(["--", "-anak", "teroris"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// 9. A full disk left uncommitted segment files behind, and the next run failed at once.
// Needs a small file system: a tmpfs mounted for the test (root on Linux); skipped where
// that is not possible.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_last_commit_and_no_debris() {
    struct Mount(PathBuf);
    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let mnt = tmp.path().join("mnt");
    std::fs::create_dir_all(&mnt).expect("mkdir");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"])
        .arg(&mnt)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small tmpfs here (not root?)");
        return;
    }
    let _guard = Mount(mnt.clone());
    let index = mnt.join("idx");
    let small = tmp.path().join("kecil.jsonl");
    std::fs::write(&small, CORPUS).expect("write");
    let (code, _) = index_report(&index, &[&small], &[]);
    assert_eq!(code, Some(0));

    // Far more text than the 3 MB file system holds.
    let big = tmp.path().join("besar.jsonl");
    telusur()
        .args(["generate", "--docs", "6000", "--seed", "7", "--out"])
        .arg(&big)
        .assert()
        .code(0);
    let out = telusur()
        .arg("index")
        .arg(&big)
        .arg("--index")
        .arg(&index)
        .args(["--commit-every", "1000000"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("No space left"), "{}", stderr(&out));

    // The last commit is intact, and nothing but it is left on the disk.
    assert_eq!(documents(&index), 3);
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(index.join("meta.json")).expect("meta"))
            .expect("json");
    let live: Vec<String> = meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["segment_id"].as_str().expect("id").replace('-', ""))
        .collect();
    let debris: Vec<String> = std::fs::read_dir(&index)
        .expect("ls")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.') && n != "meta.json")
        .filter(|n| !live.iter().any(|id| n.starts_with(id.as_str())))
        .collect();
    assert_eq!(debris, Vec::<String>::new());
    // And the next run works at once.
    let (code, report) = index_report(&index, &[&small], &[]);
    assert_eq!((code, report["unchanged"].as_u64()), (Some(0), Some(3)));
}
