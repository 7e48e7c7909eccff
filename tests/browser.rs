//! The page in a real browser: Debian's headless Chromium at /usr/bin/chromium (`.ci/run`
//! installs it when missing), driven over the DevTools protocol. Loads the page, runs a
//! search, clicks a country facet, opens an article, goes back, opens the trends view and
//! clicks a bar, checks the DOM at each step, and saves screenshots to target/screenshots/.

mod serve_common;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use serve_common::*;
use tungstenite::{Message, WebSocket};

const CHROMIUM: &str = "/usr/bin/chromium";

/// A headless Chromium and one page of it.
struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch() -> Browser {
        assert!(
            Path::new(CHROMIUM).exists(),
            "{CHROMIUM} is missing: `apt-get install -y chromium` (.ci/run does it)"
        );
        let profile = tempfile::tempdir().expect("profile dir");
        let mut child = Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1280,1000",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID"
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent {
                    if let Some(at) = line.find("ws://") {
                        let _ = tx.send(line[at..].trim().to_string());
                        sent = true;
                    }
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("chromium printed no DevTools URL within 30 s");
        let hostport = url["ws://".len()..]
            .split('/')
            .next()
            .expect("host:port")
            .to_string();
        let stream = TcpStream::connect(&hostport).expect("connect to DevTools");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let (ws, _) = tungstenite::client(url.as_str(), stream).expect("DevTools handshake");
        let mut b = Browser {
            child,
            ws,
            session: String::new(),
            next_id: 0,
            _profile: profile,
        };
        let target = b.call("Target.createTarget", json!({"url": "about:blank"}));
        let target_id = target["targetId"].as_str().expect("targetId").to_string();
        let attached = b.call(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        );
        b.session = attached["sessionId"]
            .as_str()
            .expect("sessionId")
            .to_string();
        b.call("Page.enable", json!({}));
        b.call("Runtime.enable", json!({}));
        b.viewport(1280, 1000, false);
        b
    }

    /// Sends a command (to the page once attached) and returns its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            msg["sessionId"] = json!(self.session);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .expect("send to DevTools");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            assert!(Instant::now() < deadline, "no answer to {method}");
            let m = self.ws.read().expect("read from DevTools");
            let Message::Text(text) = m else { continue };
            let v: Value = serde_json::from_str(text.as_str()).expect("DevTools JSON");
            if v["id"] == id {
                if let Some(err) = v.get("error") {
                    panic!("{method} failed: {err}");
                }
                return v["result"].clone();
            }
        }
    }

    fn viewport(&mut self, width: u32, height: u32, mobile: bool) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        );
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(ex) = r.get("exceptionDetails") {
            panic!("{expr}: {ex}");
        }
        r["result"]["value"].clone()
    }

    /// Waits (at most 10 s) until `expr` is true in the page.
    fn wait(&mut self, expr: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let ok = self.eval(&format!(
                "(() => {{ try {{ return !!({expr}); }} catch (e) {{ return false; }} }})()"
            ));
            if ok == json!(true) {
                return;
            }
            if Instant::now() > deadline {
                let url = self.eval("location.href");
                let body = self.eval("document.body ? document.body.innerText.slice(0, 800) : ''");
                panic!("timed out waiting for {expr} at {url}: {body}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn goto(&mut self, url: &str) {
        self.call("Page.navigate", json!({"url": url}));
        self.wait(&format!(
            "document.readyState === 'complete' && location.href === {}",
            json!(url)
        ));
    }

    fn screenshot(&mut self, path: &Path) {
        let r = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let png = base64_decode(r["data"].as_str().expect("data"));
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, png).expect("write screenshot");
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(val) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn screenshots_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("screenshots")
}

/// A corpus of 400 generated articles (and the page with markup in it).
fn corpus_index(dir: &Path) -> PathBuf {
    let generated = dir.join("generated.jsonl");
    let out = telusur()
        .args(["generate", "--docs", "400", "--seed", "3", "--out"])
        .arg(&generated)
        .output()
        .expect("generate");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut jsonl = std::fs::read_to_string(&generated).expect("read generated");
    jsonl.push_str(&fixture_jsonl());
    index_jsonl(dir, "berita.jsonl", &jsonl)
}

#[test]
fn a_person_searches_filters_reads_and_charts_in_chromium() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = corpus_index(dir.path());
    let server = Server::start(&index);
    let base = server.url();
    let shots = screenshots_dir();
    let mut b = Browser::launch();

    // 1. The page loads, with the newest articles and the facets.
    b.goto(&format!("{base}/"));
    b.wait("document.querySelectorAll('.hit').length === 10");
    assert_eq!(b.eval("document.documentElement.lang"), json!("id"));
    assert!(
        b.eval("document.querySelector('.facet.countries h2').textContent")
            == json!("Negara mitra")
    );

    // 2. A search, typed into the box and submitted.
    b.eval(
        "(() => { const q = document.querySelector('input[name=q]'); q.focus(); q.value = ''; })()",
    );
    b.call("Input.insertText", json!({"text": "kerja sama"}));
    b.eval("document.querySelector('form.search button[type=submit]').click()");
    b.wait("new URL(location.href).searchParams.get('q') === 'kerja sama' && document.querySelector('.hit mark')");
    let total: u64 = b
        .eval("document.querySelector('.summary strong').textContent.replace(/\\./g, '')")
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("a total");
    assert!(total > 10, "{total}");

    // 3. A country facet, clicked: the URL, the mark and the hits follow.
    let (key, name, count) = {
        let v = b.eval(
            "(() => { const a = document.querySelector('.facet.countries a'); \
             return [a.dataset.key, a.querySelector('.name').textContent, a.querySelector('.count').textContent]; })()",
        );
        (
            v[0].as_str().unwrap().to_string(),
            v[1].as_str().unwrap().to_string(),
            v[2].as_str().unwrap().replace('.', ""),
        )
    };
    b.eval("document.querySelector('.facet.countries a').click()");
    b.wait(&format!(
        "new URL(location.href).searchParams.getAll('country').includes({})",
        json!(key)
    ));
    b.wait(&format!(
        "document.querySelector('.facet.countries a[data-key={}]').classList.contains('on')",
        json!(key)
    ));
    assert_eq!(
        b.eval("document.querySelector('.summary strong').textContent.replace(/\\./g, '')"),
        json!(count)
    );
    let partners_ok = b.eval(&format!(
        "[...document.querySelectorAll('.hit')].every(h => (h.querySelector('.partners') || {{textContent: ''}}).textContent.includes({}))",
        json!(name)
    ));
    assert_eq!(
        partners_ok,
        json!(true),
        "every hit has {name} as a partner"
    );
    b.screenshot(&shots.join("page.png"));

    // 4. An article, opened: full text and metadata with evidence; back returns to the list.
    let title = b.eval("document.querySelector('.hit h3 a').textContent");
    b.eval("document.querySelector('.hit h3 a').click()");
    b.wait(
        "location.pathname.startsWith('/artikel/') && document.querySelector('main.article h1')",
    );
    assert_eq!(
        b.eval("document.querySelector('main.article h1').textContent"),
        title
    );
    assert_eq!(
        b.eval("document.querySelectorAll('.body p').length > 0"),
        json!(true)
    );
    assert_eq!(
        b.eval("!!document.querySelector('dl.meta') && !!document.querySelector('.evidence td')"),
        json!(true)
    );
    b.screenshot(&shots.join("article.png"));
    b.eval("history.back()");
    b.wait(&format!(
        "location.pathname === '/' && document.querySelector('.facet.countries a[data-key={}].on')",
        json!(key)
    ));

    // 5. The trends view: a chart of the top partners; a bar, clicked, lists its articles.
    b.eval("document.querySelector('.facet.countries a.on').click()");
    b.wait("!new URL(location.href).searchParams.has('country')");
    b.eval("[...document.querySelectorAll('.tabs a')].find(a => a.textContent.includes('Tren')).click()");
    b.wait("document.querySelectorAll('.chart .seg').length > 5");
    assert_eq!(
        b.eval("new URL(location.href).searchParams.get('view')"),
        json!("tren")
    );
    assert_eq!(
        b.eval("document.querySelectorAll('.legend li').length"),
        json!(6)
    );
    b.screenshot(&shots.join("trends.png"));
    let bar = b.eval(
        "(() => { const s = [...document.querySelectorAll('.chart .seg')].sort((a, b) => b.dataset.count - a.dataset.count)[0]; \
         s.click(); return [s.dataset.key, s.dataset.year, s.dataset.count]; })()",
    );
    let (bkey, year, bcount) = (bar[0].clone(), bar[1].clone(), bar[2].clone());
    b.wait(&format!(
        "(() => {{ const p = new URL(location.href).searchParams; return p.get('country') === {bkey} && p.get('from') === {year} && p.get('to') === {year}; }})()"
    ));
    b.wait(&format!(
        "document.querySelector('.summary strong').textContent.replace(/\\./g, '') === {bcount}"
    ));

    // 6. A page with markup in its title and body shows it as text.
    b.goto(&format!(
        "{base}/?q=deradikalisasi+delegasi+tiongkok+pengalaman&match=all"
    ));
    b.wait("document.querySelector('.hit')");
    assert_eq!(
        b.eval("document.querySelectorAll('script').length"),
        json!(1),
        "only the page's own script"
    );
    assert_eq!(b.eval("document.querySelectorAll('img').length"), json!(0));
    assert_eq!(
        b.eval("document.querySelector('.hit h3 a').textContent.includes('<script>alert(\"judul\")</script>')"),
        json!(true)
    );
    b.eval("document.querySelector('.hit h3 a').click()");
    b.wait("document.querySelector('.body p')");
    assert_eq!(b.eval("document.querySelector('.body p').textContent.startsWith('\"><img src=x onerror=alert(1)>')"), json!(true));
    assert_eq!(
        b.eval(
            "document.querySelectorAll('img').length + document.querySelectorAll('script').length"
        ),
        json!(1)
    );

    // 7. Without JavaScript, the same links work (server-rendered).
    b.call(
        "Emulation.setScriptExecutionDisabled",
        json!({"value": true}),
    );
    b.goto(&format!("{base}/?q=kerja+sama"));
    b.call(
        "Runtime.evaluate",
        json!({"expression": "document.querySelector('.facet.countries a').click()"}),
    );
    b.wait("location.search.includes('country=')");
    b.call(
        "Emulation.setScriptExecutionDisabled",
        json!({"value": false}),
    );
    b.wait("document.querySelector('.facet.countries a.on')");

    // 8. On a phone-sized screen.
    b.viewport(390, 844, true);
    b.goto(&format!("{base}/?q=kerja+sama&view=tren"));
    b.wait("document.querySelectorAll('.chart .seg').length > 5");
    assert_eq!(
        b.eval("document.documentElement.scrollWidth <= window.innerWidth + 1"),
        json!(true),
        "no sideways scrolling on a phone"
    );
    b.screenshot(&shots.join("trends-phone.png"));
    b.goto(&format!("{base}/?q=kerja+sama"));
    b.wait("document.querySelector('.hit')");
    b.screenshot(&shots.join("page-phone.png"));
}
