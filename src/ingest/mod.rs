//! Files → [`Article`]s: scraped plain text (`.txt`) and JSON Lines (`.jsonl`, `.ndjson`).
//!
//! Per-file problems never stop a run: they are returned as [`Problem`]s beside the articles
//! that could be read, and nothing is skipped silently.
//!
//! - `discover` expands paths: files, directories (recursively, sorted by name so every run
//!   sees the same order), and `-` for standard input. In directories, hidden entries
//!   (`.git`, `.DS_Store`) and the `*.json` label files beside same-named `*.txt` articles (the
//!   labelled-corpus layout) are ignored quietly and only counted; any other file with an
//!   unknown extension is reported.
//! - [`load`] reads one input: a `.txt` file is one scraped page (refused when binary, not
//!   UTF-8, empty, or over [`MAX_TEXT_BYTES`]); a JSON Lines file is streamed line by line (see
//!   `jsonl`); standard input is JSON Lines when its first line is a JSON object, else one
//!   scraped page.
//!
//! Problems are counted per reason with the first few examples of each ([`Problems`]): a
//! file of millions of bad lines is reported in bounded memory. Only regular files are read
//! (a FIFO or a device is reported: opening a FIFO blocks, a device never ends), and no
//! input over [`MAX_INPUT_BYTES`].
//!
//! ```no_run
//! use std::path::PathBuf;
//! use telusur::ingest::{discover_all, load, Problems};
//! let found = discover_all(&[PathBuf::from("corpus/")]);
//! let mut problems: Problems = found.problems.into_iter().collect();
//! for input in &found.inputs {
//!     let loaded = load(input);
//!     problems.merge(loaded.problems);
//!     for a in loaded.articles {
//!         println!("{} {:?}", a.id, a.meta.title);
//!     }
//! }
//! for p in &problems {
//!     eprintln!("{p}");
//! }
//! eprintln!("{} problems in all", problems.total());
//! ```

pub(crate) mod jsonl;
mod problems;
pub(crate) mod text;

pub use jsonl::parse_line;
pub use problems::{Problems, ReasonCount};

use std::fmt;
use std::fs;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::article::Article;

use crate::limits::{MAX_INPUT_BYTES, MAX_TEXT_BYTES};

/// Why one input (a file, or one line of a JSON Lines file) was skipped, or a field of it
/// ignored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file (`-` for stdin).
    pub path: String,
    /// The 1-based line, for JSON Lines.
    pub line: Option<usize>,
    /// Why it was skipped, for humans.
    pub reason: String,
}

impl Problem {
    fn file(path: &Path, reason: impl Into<String>) -> Self {
        Problem {
            path: path.display().to_string(),
            line: None,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

/// The articles read from one input, what was skipped in it, and what was ignored in the
/// articles that were read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles ready to index, in input order.
    pub articles: Vec<Article>,
    /// Lines or files that were skipped, with reasons (counted, a bounded sample kept).
    pub problems: Problems,
    /// Fields of read articles that were ignored (an unknown country, a bad date): the
    /// article itself was read.
    pub warnings: Problems,
}

/// One input to read: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// The formats an input file can have, by extension (`.txt`; `.jsonl`, `.ndjson`; any
/// case; see the `format_by_extension` test).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// One scraped article per file (`.txt`).
    Text,
    /// One article per line (`.jsonl`, `.ndjson`).
    JsonLines,
}

impl Format {
    /// The format of a path by its extension (case-insensitive), if known.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// What [`discover_all`] found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Inputs to read, in order.
    pub inputs: Vec<Input>,
    /// Paths that cannot be read, with reasons.
    pub problems: Vec<Problem>,
    /// Files ignored on purpose inside directories: hidden entries and `*.json` label files
    /// beside same-named `*.txt` articles.
    pub ignored: Vec<PathBuf>,
}

/// Expands paths (files, directories recursively, `-` for stdin) into inputs, sorted within each
/// directory. Paths that do not exist or have an unknown extension become problems.
pub(crate) fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<Problem>) {
    let d = discover_all(paths);
    (d.inputs, d.problems)
}

/// Like `discover`, also listing the files ignored on purpose.
pub fn discover_all(paths: &[PathBuf]) -> Discovered {
    let mut d = Discovered::default();
    for p in paths {
        if p.as_os_str() == "-" {
            d.inputs.push(Input::Stdin);
            continue;
        }
        match fs::metadata(p) {
            Err(e) => d.problems.push(Problem::file(p, io_reason(&e))),
            Ok(m) if m.is_dir() => walk(p, &mut d),
            Ok(m) if !m.is_file() => d.problems.push(Problem::file(p, not_regular(&m))),
            Ok(_) => match Format::of(p) {
                Some(_) => d.inputs.push(Input::File(p.clone())),
                None => d.problems.push(Problem::file(p, unknown_ext(p))),
            },
        }
    }
    d
}

fn unknown_ext(p: &Path) -> String {
    match p.extension().and_then(|e| e.to_str()) {
        Some(e) => format!("unknown extension '.{e}' (expected .txt, .jsonl or .ndjson); skipped"),
        None => "no extension (expected .txt, .jsonl or .ndjson); skipped".to_string(),
    }
}

/// Why a path that is neither a directory nor a regular file is not read: opening a FIFO
/// blocks until a writer comes, and a device (`/dev/urandom`) never ends.
fn not_regular(m: &fs::Metadata) -> String {
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else if t.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        }
    };
    #[cfg(not(unix))]
    let kind = {
        let _ = m;
        "not a regular file"
    };
    format!("{kind}, not a regular file (only regular files and `-` for stdin are read); skipped")
}

/// Opens a regular file for reading, refusing anything else (a FIFO would block in `open`,
/// a device would never end), and files over `max_bytes`. The reason is for a [`Problem`].
pub(crate) fn open_regular(path: &Path, max_bytes: u64, what: &str) -> Result<fs::File, String> {
    let m = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !m.is_file() {
        return Err(not_regular(&m));
    }
    let file = fs::File::open(path).map_err(|e| io_reason(&e))?;
    // The path may have been replaced between the two looks: check what was opened.
    let m = file.metadata().map_err(|e| io_reason(&e))?;
    if !m.is_file() {
        return Err(not_regular(&m));
    }
    if m.len() > max_bytes {
        return Err(too_large(m.len(), max_bytes, what));
    }
    Ok(file)
}

fn too_large(len: u64, max: u64, what: &str) -> String {
    format!(
        "too large for {what} ({}; the limit is {}); skipped",
        human_bytes(len),
        human_bytes(max)
    )
}

/// `50 MB`, `4 GB`, `512 bytes`: sizes in the units a reader thinks in (binary multiples).
pub(crate) fn human_bytes(n: u64) -> String {
    const GB: u64 = 1 << 30;
    const MB: u64 = 1 << 20;
    if n >= GB {
        format!("{:.1} GB", n as f64 / GB as f64)
    } else if n >= MB {
        format!("{:.1} MB", n as f64 / MB as f64)
    } else {
        format!("{n} bytes")
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn walk(dir: &Path, d: &mut Discovered) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            d.problems.push(Problem::file(dir, io_reason(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for e in entries {
        match e {
            Ok(e) => paths.push(e.path()),
            Err(e) => d.problems.push(Problem::file(dir, io_reason(&e))),
        }
    }
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            d.ignored.push(p);
            continue;
        }
        let meta = match fs::symlink_metadata(&p) {
            Ok(m) => m,
            Err(e) => {
                d.problems.push(Problem::file(&p, io_reason(&e)));
                continue;
            }
        };
        if meta.file_type().is_symlink() {
            match fs::metadata(&p) {
                Ok(m) if m.is_dir() => {
                    d.problems.push(Problem::file(
                        &p,
                        "symbolic link to a directory not followed (name it explicitly to read it)",
                    ));
                    continue;
                }
                Ok(m) if !m.is_file() => {
                    d.problems.push(Problem::file(&p, not_regular(&m)));
                    continue;
                }
                Ok(_) => {}
                Err(e) => {
                    d.problems
                        .push(Problem::file(&p, format!("broken link: {}", io_reason(&e))));
                    continue;
                }
            }
        } else if meta.is_dir() {
            walk(&p, d);
            continue;
        } else if !meta.is_file() {
            d.problems.push(Problem::file(&p, not_regular(&meta)));
            continue;
        }
        if Format::of(&p).is_some() {
            d.inputs.push(Input::File(p));
        } else if is_label(&p) {
            d.ignored.push(p);
        } else {
            let reason = unknown_ext(&p);
            d.problems.push(Problem::file(&p, reason));
        }
    }
}

/// `x.json` beside `x.txt`: the labels of a labelled article.
fn is_label(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        && p.with_extension("txt").is_file()
}

/// Reads one input into articles (extracting metadata), never failing as a whole.
pub fn load(input: &Input) -> Loaded {
    match input {
        Input::Stdin => load_reader(std::io::stdin().lock(), "-"),
        Input::File(path) => load_file(path),
    }
}

fn load_file(path: &Path) -> Loaded {
    let label = path.display().to_string();
    let mut out = Loaded::default();
    let format = Format::of(path).unwrap_or(Format::Text);
    let (max, what) = match format {
        Format::JsonLines => (MAX_INPUT_BYTES, "one input"),
        Format::Text => (MAX_TEXT_BYTES, "one article"),
    };
    let file = match open_regular(path, max, what) {
        Ok(f) => f,
        Err(reason) => {
            out.problems.push(Problem::file(path, reason));
            return out;
        }
    };
    match format {
        Format::JsonLines => jsonl::read(BufReader::new(file), &label),
        Format::Text => {
            let len = file.metadata().map(|m| m.len()).unwrap_or(0);
            let mut bytes = Vec::with_capacity(len.min(MAX_TEXT_BYTES) as usize);
            if let Err(e) = file.take(MAX_TEXT_BYTES + 1).read_to_end(&mut bytes) {
                out.problems.push(Problem::file(path, io_reason(&e)));
                return out;
            }
            text_article(&bytes, &label, &mut out);
            out
        }
    }
}

fn text_article(bytes: &[u8], label: &str, out: &mut Loaded) {
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        out.problems.push(Problem {
            path: label.to_string(),
            line: None,
            reason: format!(
                "too large for one article (over {}); skipped",
                human_bytes(MAX_TEXT_BYTES)
            ),
        });
        return;
    }
    match text::check_text(bytes) {
        Ok(t) => {
            let a = text::article_from_text(t, Some(label), None);
            if a.body.is_empty() {
                out.problems.push(Problem {
                    path: label.to_string(),
                    line: None,
                    reason: "no story text (only site chrome, captions or related links)".into(),
                });
            } else {
                out.articles.push(a);
            }
        }
        Err(reason) => out.problems.push(Problem {
            path: label.to_string(),
            line: None,
            reason,
        }),
    }
}

/// Reads a stream whose format is told by its content: JSON Lines when the first non-blank
/// line is a JSON object, else one scraped article. `label` names it (`-` for stdin).
///
/// ```
/// use telusur::ingest::load_reader;
/// let l = load_reader("{\"body\":\"Isi.\"}\n{\"body\":\"Lagi.\"}\n".as_bytes(), "-");
/// assert_eq!(l.articles.len(), 2);
/// let l = load_reader("Judul Berita Ini\n\nJAKARTA - Isi berita yang cukup panjang untuk satu paragraf.".as_bytes(), "-");
/// assert_eq!(l.articles.len(), 1);
/// ```
pub fn load_reader<R: BufRead>(mut reader: R, label: &str) -> Loaded {
    // Read up to the first non-blank line.
    let mut head = Vec::new();
    let mut first_line = Vec::new();
    loop {
        first_line.clear();
        match (&mut reader)
            .take(jsonl::MAX_LINE_BYTES as u64)
            .read_until(b'\n', &mut first_line)
        {
            Ok(0) => break,
            Ok(_) => {
                let blank = first_line.iter().all(|b| b.is_ascii_whitespace());
                head.extend_from_slice(&first_line);
                if !blank {
                    break;
                }
            }
            Err(e) => {
                let mut out = Loaded::default();
                out.problems.push(Problem {
                    path: label.to_string(),
                    line: None,
                    reason: format!("read error: {e}"),
                });
                return out;
            }
        }
    }
    let trimmed = first_line.trim_ascii_start();
    let trimmed = trimmed
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(trimmed);
    let is_jsonl = trimmed.first() == Some(&b'{')
        && serde_json::from_slice::<serde_json::Value>(trimmed).is_ok_and(|v| v.is_object());
    if is_jsonl {
        return jsonl::read(Cursor::new(head).chain(reader), label);
    }
    let mut out = Loaded::default();
    let mut bytes = head;
    if let Err(e) = reader
        .take(MAX_TEXT_BYTES + 1 - bytes.len().min(MAX_TEXT_BYTES as usize) as u64)
        .read_to_end(&mut bytes)
    {
        out.problems.push(Problem {
            path: label.to_string(),
            line: None,
            reason: format!("read error: {e}"),
        });
        return out;
    }
    text_article(&bytes, label, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Jakarta (ANTARA) - Polisi menggelar latihan gabungan penanganan ancaman di pelabuhan pada Rabu pagi.";

    #[test]
    fn discovers_recursively_sorted_with_labels_and_hidden_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/sub")).unwrap();
        fs::write(root.join("b/sub/z.txt"), STORY).unwrap();
        fs::write(root.join("a.txt"), STORY).unwrap();
        fs::write(root.join("a.json"), "{}").unwrap();
        fs::write(root.join("c.jsonl"), "{\"body\":\"x.\"}").unwrap();
        fs::write(root.join("orphan.json"), "{}").unwrap();
        fs::write(root.join("notes.pdf"), "x").unwrap();
        fs::write(root.join(".hidden.txt"), STORY).unwrap();
        let d = discover_all(&[root.to_path_buf(), root.join("missing.txt")]);
        let names: Vec<PathBuf> = d
            .inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(root).unwrap().to_path_buf(),
                Input::Stdin => PathBuf::from("-"),
            })
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a.txt"),
                "b/sub/z.txt".into(),
                "c.jsonl".into()
            ]
        );
        assert_eq!(d.ignored.len(), 2);
        let reasons: Vec<String> = d.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons
            .iter()
            .any(|r| r.contains("notes.pdf") && r.contains("unknown extension")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("orphan.json") && r.contains("unknown extension")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("missing.txt") && r.contains("no such file")));
    }

    #[test]
    fn explicit_paths() {
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("x.docx");
        fs::write(&odd, "x").unwrap();
        let (inputs, problems) = discover(&[PathBuf::from("-"), odd]);
        assert_eq!(inputs, vec![Input::Stdin]);
        assert!(problems[0].reason.contains("'.docx'"));
    }

    #[test]
    fn loads_text_and_reports_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        fs::write(&good, STORY).unwrap();
        let l = load(&Input::File(good.clone()));
        assert_eq!(l.articles.len(), 1);
        assert_eq!(
            l.articles[0].path.as_deref(),
            Some(good.display().to_string().as_str())
        );
        assert_eq!(l.articles[0].meta.source.as_deref(), Some("ANTARA"));
        for (name, bytes, why) in [
            ("empty.txt", &b""[..], "empty"),
            ("blank.txt", &b" \n\t\n"[..], "empty"),
            ("bin.txt", &b"GIF89a\0\0\x01"[..], "binary"),
            ("latin1.txt", &b"Caf\xe9 teroris"[..], "UTF-8"),
        ] {
            let p = dir.path().join(name);
            fs::write(&p, bytes).unwrap();
            let l = load(&Input::File(p));
            assert!(l.articles.is_empty(), "{name}");
            assert!(
                l.problems.first().unwrap().reason.contains(why),
                "{name}: {:?}",
                l.problems
            );
        }
        let chrome = dir.path().join("chrome.txt");
        fs::write(
            &chrome,
            "Dark/Light Mode\nBaca juga: Sesuatu Lain\nTinggalkan Balasan",
        )
        .unwrap();
        let l = load(&Input::File(chrome));
        assert!(l.articles.is_empty());
        assert!(l.problems.first().unwrap().reason.contains("no story text"));
        let l = load(&Input::File(dir.path().join("gone.txt")));
        assert!(l.problems.first().unwrap().reason.contains("no such file"));
    }

    #[test]
    fn stdin_detection() {
        let l = load_reader("\n\n{\"body\":\"Isi.\"}\nbukan json\n".as_bytes(), "-");
        assert_eq!(l.articles.len(), 1);
        assert_eq!(l.articles[0].path.as_deref(), Some("-:3"));
        assert_eq!(l.problems.first().unwrap().line, Some(4));
        let l = load_reader(STORY.as_bytes(), "-");
        assert_eq!(l.articles[0].meta.dateline.as_deref(), Some("Jakarta"));
        assert_eq!(l.articles[0].path.as_deref(), Some("-"));
        // A text that merely starts with a brace is still text.
        let l = load_reader("{catatan redaksi}\nJAKARTA - Isi berita.".as_bytes(), "-");
        assert_eq!(l.articles.len(), 1);
        let l = load_reader(&b""[..], "-");
        assert!(l.problems.first().unwrap().reason.contains("empty"));
    }
}

#[cfg(test)]
mod format_tests {
    use super::Format;

    #[test]
    fn format_by_extension() {
        assert_eq!(Format::of("a/B.TXT".as_ref()), Some(Format::Text));
        assert_eq!(Format::of("x.ndjson".as_ref()), Some(Format::JsonLines));
        assert_eq!(Format::of("x.pdf".as_ref()), None);
    }
}
