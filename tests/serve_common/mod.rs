//! Shared by the server tests (`tests/serve.rs`, `tests/browser.rs`): a fixture index, the
//! `telusur serve` process on a free loopback port, and a small HTTP/1.1 client.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The `telusur` binary under test.
pub fn telusur() -> Command {
    Command::new(env!("CARGO_BIN_EXE_telusur"))
}

/// A scraped page whose title and body hold markup: must show as text, never run.
pub const EVIL_TITLE: &str =
    "<script>alert(\"judul\")</script> BNPT dan Tiongkok bahas deradikalisasi";
/// The body of the same page.
pub const EVIL_BODY: &str =
    "\"><img src=x onerror=alert(1)> Kepala BNPT menerima delegasi Tiongkok \
    di Jakarta untuk membahas kerja sama deradikalisasi. <script>alert('isi')</script> \
    Kedua pihak sepakat bertukar pengalaman.";

/// url, title, body, source, published, partners, partner organisations.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Articles written for these tests (JSON Lines), the evil page among them.
pub fn fixture_jsonl() -> String {
    let rows: [Row; 8] = [
        ("https://contoh.id/1", EVIL_TITLE, EVIL_BODY, "ANTARA", "2021-03-04", &["CN"], &[]),
        ("https://contoh.id/2", "BNPT dan Filipina perkuat kerja sama", "BNPT menggelar kelompok kerja bersama Filipina untuk kerja sama penanggulangan terorisme di kawasan.", "ANTARA", "2022-09-11", &["PH"], &["ASEAN"]),
        ("https://contoh.id/3", "Densus 88 dan polisi Malaysia bertukar data", "Kerja sama penanggulangan terorisme lintas batas dibahas di Kuala Lumpur oleh Densus 88 dan polisi Malaysia.", "Kompas", "2023-01-20", &["MY"], &[]),
        ("https://contoh.id/4", "Pelatihan investigasi bersama Australia", "Penyidik Densus 88 mengikuti pelatihan forensik bersama polisi Australia di Semarang.", "Tempo", "2021-06-02", &["AU"], &[]),
        ("https://contoh.id/5", "BNPT dan Tiongkok teken nota kerja sama", "BNPT dan Kementerian Keamanan Publik Tiongkok menandatangani nota kesepahaman kerja sama penanggulangan terorisme.", "Kompas", "2022-11-30", &["CN"], &[]),
        ("https://contoh.id/6", "Indonesia dan PBB bahas pencegahan ekstremisme", "Delegasi Indonesia bertemu UNOCT membahas kerja sama pencegahan ekstremisme kekerasan.", "ANTARA", "2020-02-14", &[], &["UNOCT"]),
        ("https://contoh.id/7", "Filipina dan Indonesia latihan bersama", "Pasukan Filipina dan Indonesia menggelar latihan bersama di perbatasan laut untuk kerja sama keamanan.", "Tempo", "2023-07-08", &["PH"], &[]),
        ("https://contoh.id/8", "Tiongkok dan Malaysia hadiri forum BNPT", "Forum kerja sama penanggulangan terorisme BNPT dihadiri delegasi Tiongkok dan Malaysia.", "ANTARA", "2023-05-17", &["CN", "MY"], &["ASEAN"]),
    ];
    let mut out = String::new();
    for (url, title, body, source, published, partners, orgs) in rows {
        let v = serde_json::json!({
            "url": url, "title": title, "body": body, "source": source,
            "published": published, "partners": partners, "partner_orgs": orgs,
        });
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

/// Writes `jsonl` to a file in `dir` and indexes it with `telusur index` into `dir/index`.
pub fn index_jsonl(dir: &Path, name: &str, jsonl: &str) -> PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, jsonl).expect("write fixture");
    let index = dir.join("index");
    let out = telusur()
        .arg("index")
        .arg(&file)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run telusur index");
    assert!(
        out.status.success(),
        "index failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    index
}

/// A running `telusur serve`; stopped (Ctrl-C) when dropped.
pub struct Server {
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts `telusur serve --index DIR --addr 127.0.0.1:0` and reads the URL it prints.
    pub fn start(index: &Path) -> Server {
        let mut child = telusur()
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start telusur serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the URL line");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "{addr}");
        Server { child, addr }
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit status (at most 10 s).
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        for _ in 0..200 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("the server did not stop within 10 s of Ctrl-C");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request on its own connection (`Connection: close`).
pub fn request(addr: &str, method: &str, path: &str, body: Option<&[u8]>) -> Answer {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(b) = body {
        head.push_str(&format!(
            "Content-Length: {}\r\nContent-Type: application/json\r\n",
            b.len()
        ));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).expect("send");
    if let Some(b) = body {
        // The server may answer (413) before reading it all.
        let _ = s.write_all(b);
    }
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    parse_answer(&raw)
}

/// A `GET`.
pub fn get(addr: &str, path: &str) -> Answer {
    request(addr, "GET", path, None)
}

fn parse_answer(raw: &[u8]) -> Answer {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
    out
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
