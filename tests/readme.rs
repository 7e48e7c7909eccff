//! The README's tour runs as written: its `sh` blocks are read from `README.md` (so the test
//! and the README cannot drift apart) and run, as one script per block, in a fresh copy of
//! the files a clone has (`demo/`), with `telusur` standing for the built binary.
//!
//! The `cargo` commands of the first block are not run here: `cargo test` is this very run,
//! and `cargo run --release -- search ...` is the tour's `telusur search` on a release build.
//! `telusur serve` serves until it is stopped: it runs for a few seconds on a free port
//! (`--addr 127.0.0.1:0`, so that a server already on the default port does not fail it) and
//! passes when it was still serving when stopped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `sh` code blocks of a Markdown text, each as its lines.
fn sh_blocks(markdown: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```sh") => current = Some(Vec::new()),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some(block), l) => block.push(l.to_string()),
            (None, _) => {}
        }
    }
    blocks
}

/// The commands of a block to run: blank lines, comments, the alias and `cargo` lines out.
fn commands(block: &[String]) -> Vec<&str> {
    block
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !l.starts_with("alias ") && !l.starts_with("cargo "))
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    std::fs::read_to_string(path).expect("README.md")
}

#[test]
fn the_readme_blocks_are_found() {
    let blocks = sh_blocks(&readme());
    assert!(blocks.len() >= 2, "{blocks:?}");
    // The quick start's two commands, the first a search with a country filter.
    let first: Vec<&str> = blocks[0].iter().map(|l| l.trim()).collect();
    assert!(first[0].starts_with("cargo run --release -- search \"kerja sama\" --country Filipina"));
    assert!(first[1].starts_with("cargo test"));
    let tour = commands(&blocks[1]);
    assert!(tour.len() >= 15, "{tour:?}");
    assert!(tour
        .iter()
        .all(|c| c.starts_with("telusur ") || c.starts_with("echo ") || c.starts_with("export ")));
}

#[test]
fn every_readme_command_runs_as_written() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_telusur"));
    let clone = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("demo"),
        &clone.path().join("demo"),
    );
    for block in sh_blocks(&readme()) {
        let commands = commands(&block);
        if commands.is_empty() {
            continue;
        }
        // One script per block (an `export` holds for the commands after it); each command
        // must succeed: exit 0, so every search finds something.
        let mut script = String::from("set -e\ntelusur() { \"$TELUSUR_BIN\" \"$@\"; }\n");
        for (i, c) in commands.iter().enumerate() {
            let c = match c.split_once(" #") {
                Some((command, _comment)) => command.trim_end(),
                None => c,
            };
            let c = if c.starts_with("telusur serve") {
                // Stopped by `timeout` (status 124): it was serving.
                let args = c.trim_start_matches("telusur");
                format!("timeout 3 \"$TELUSUR_BIN\"{args} --addr 127.0.0.1:0 && exit 1 || test $? = 124")
            } else {
                c.to_string()
            };
            script.push_str(&format!("echo '>>> {i}' >&2\n{c}\n"));
        }
        let out = Command::new("sh")
            .arg("-c")
            .arg(&script)
            .current_dir(clone.path())
            .env("TELUSUR_BIN", &bin)
            .env_remove("TELUSUR_INDEX")
            .env("NO_COLOR", "1")
            .output()
            .expect("sh");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let ran = stderr
            .lines()
            .rev()
            .filter_map(|l| l.strip_prefix(">>> "))
            .find_map(|n| n.parse::<usize>().ok());
        assert!(
            out.status.success(),
            "README command failed: {:?}\nstderr:\n{stderr}",
            ran.and_then(|i| commands.get(i))
        );
        assert_eq!(ran, Some(commands.len() - 1), "{stderr}");
    }
    // What the tour made is there: the sample index, the demo index, the generated corpus.
    for made in ["index/meta.json", "my-index/meta.json", "corpus.jsonl"] {
        assert!(clone.path().join(made).exists(), "{made}");
    }
}
