//! Crash safety: `telusur index` killed (SIGKILL) at random points, several times over.
//!
//! After each kill the index must open and hold exactly one of its commits (the corpus is
//! read in order and committed every `EVERY` documents, so a commit holds a multiple of
//! `EVERY` documents, or all of them), must not keep files that no commit uses once the next
//! run has started, and the next run must reach the full count with no duplicates.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Articles in the corpus.
const N: u64 = 800;
/// The commit period: small, so that kills land between commits.
const EVERY: u64 = 50;

fn corpus(path: &Path) {
    let mut text = String::new();
    for i in 0..N {
        text.push_str(
            &serde_json::json!({
                "id": format!("c{i:05}"),
                "title": format!("Berita nomor {i}"),
                "body": format!(
                    "Aparat keamanan di wilayah {i} menggelar pelatihan bersama {} peserta dari negara tetangga, membahas pencegahan terorisme dan pertukaran informasi intelijen.",
                    i * 7 + 3
                ),
                "published": format!("20{:02}-0{}-1{}", 10 + i % 14, 1 + i % 9, i % 9),
            })
            .to_string(),
        );
        text.push('\n');
    }
    std::fs::write(path, text).expect("write corpus");
}

fn run_index(corpus: &Path, index: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_telusur"));
    cmd.arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .args(["--commit-every", &EVERY.to_string(), "--threads", "1"])
        .args(["--memory", "20"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The ids of the live documents, read with tantivy directly (the index must open).
fn ids(index: &Path) -> Vec<String> {
    use tantivy::collector::DocSetCollector;
    use tantivy::query::AllQuery;
    use tantivy::schema::Value;
    let idx = tantivy::Index::open_in_dir(index).expect("the index opens after a kill");
    let reader = idx.reader().expect("reader");
    let searcher = reader.searcher();
    let id = idx.schema().get_field("id").expect("id field");
    let addrs = searcher
        .search(&AllQuery, &DocSetCollector)
        .expect("search");
    addrs
        .into_iter()
        .map(|a| {
            let doc: tantivy::TantivyDocument = searcher.doc(a).expect("stored doc");
            doc.get_first(id)
                .and_then(|v| v.as_str().map(str::to_string))
                .expect("an id")
        })
        .collect()
}

/// Live documents, when the index exists and opens.
fn num_docs(index: &Path) -> Option<u64> {
    let idx = tantivy::Index::open_in_dir(index).ok()?;
    Some(idx.reader().ok()?.searcher().num_docs())
}

/// Files of the index directory that no segment of the last commit uses.
fn orphans(index: &Path) -> Vec<String> {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(index.join("meta.json")).expect("meta.json"))
            .expect("meta JSON");
    let live: HashSet<String> = meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["segment_id"].as_str().expect("id").replace('-', ""))
        .collect();
    std::fs::read_dir(index)
        .expect("read index dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && name != "meta.json")
        .filter(|name| !live.iter().any(|id| name.starts_with(id.as_str())))
        .collect()
}

/// A small deterministic generator of kill delays (no dependency needed for that).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn killed_runs_keep_a_commit_and_the_next_run_completes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("corpus.jsonl");
    corpus(&file);

    // How long a whole run takes here, to spread the kills over it.
    let probe = tmp.path().join("probe");
    let started = Instant::now();
    assert!(run_index(&file, &probe).status().expect("run").success());
    let full = started.elapsed();
    assert_eq!(ids(&probe).len() as u64, N);

    let mut rng = Lcg(0x7e1_0505);
    let mut partial = 0;
    for trial in 0..2 {
        let index = tmp.path().join(format!("idx{trial}"));
        // Two kills in a row on the same index (the second run resumes from the first's last
        // commit), then a run to the end.
        for kill in 0..2 {
            let before = num_docs(&index).unwrap_or(0);
            let mut child = run_index(&file, &index).spawn().expect("spawn");
            if kill == 1 {
                // The second kill lands after this run's first commit, at a random point.
                let deadline = Instant::now() + full * 4;
                while num_docs(&index).unwrap_or(0) == before
                    && child.try_wait().expect("poll").is_none()
                    && Instant::now() < deadline
                {
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
            let delay =
                full.mul_f64((rng.next() % 1000) as f64 / if kill == 1 { 8000.0 } else { 1000.0 });
            std::thread::sleep(delay);
            let _ = child.kill();
            child.wait().expect("reap");
            if !index.join("meta.json").exists() {
                continue; // killed before the index was created: nothing to check
            }
            let got = ids(&index);
            let count = got.len() as u64;
            assert!(
                count % EVERY == 0 || count == N,
                "trial {trial}, kill {kill}: {count} documents is no commit (every {EVERY}, or {N})"
            );
            let distinct: HashSet<&String> = got.iter().collect();
            assert_eq!(distinct.len(), got.len(), "trial {trial}: duplicates");
            if count > 0 && count < N {
                partial += 1;
            }
        }
        assert!(run_index(&file, &index).status().expect("run").success());
        let got = ids(&index);
        let distinct: HashSet<&String> = got.iter().collect();
        assert_eq!((got.len() as u64, distinct.len() as u64), (N, N));
        assert_eq!(orphans(&index), Vec::<String>::new(), "trial {trial}");
    }
    // The kills did land mid-run (else the test proved little).
    assert!(partial > 0, "no kill landed between two commits");
}
