//! `telusur serve` as a client sees it: the server runs as its own process on a free loopback
//! port, over an index of articles written for these tests (`serve_common`).

mod serve_common;

use serde_json::Value;
use serve_common::*;

fn setup() -> (tempfile::TempDir, std::path::PathBuf, Server) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = index_jsonl(dir.path(), "berita.jsonl", &fixture_jsonl());
    let server = Server::start(&index);
    (dir, index, server)
}

/// The CLI's stdout as JSON.
fn cli_json(args: &[&str], index: &std::path::Path) -> Value {
    let out = telusur()
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// `v` without its timing, which differs from run to run.
fn untimed(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        assert!(
            o.remove("took_ms").is_some_and(|t| t.is_number()),
            "took_ms is there"
        );
    }
    v
}

#[test]
fn api_answers_equal_the_cli_json() {
    let (_dir, index, server) = setup();
    let a = &server.addr;

    let api = get(
        a,
        "/api/v1/search?q=kerja+sama&country=Tiongkok&country=PH&from=2021&to=2023&limit=5",
    );
    assert_eq!(api.status, 200);
    assert!(api
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/json")));
    let cli = cli_json(
        &[
            "search",
            "kerja",
            "sama",
            "--country",
            "Tiongkok",
            "--country",
            "PH",
            "--from",
            "2021",
            "--to",
            "2023",
            "--limit",
            "5",
            "--json",
        ],
        &index,
    );
    let api = untimed(api.json());
    assert_eq!(api, untimed(cli));
    assert!(api["total"].as_u64().is_some_and(|t| t >= 3), "{api}");
    assert!(api["facets"]["countries"].is_array());
    assert!(api["hits"][0]["snippet"]["highlights"].is_array());

    // The same with sort, offset and a source.
    let api = get(
        a,
        "/api/v1/search?q=&source=antara&sort=oldest&offset=1&limit=2",
    );
    let cli = cli_json(
        &[
            "search", "--source", "antara", "--sort", "oldest", "--offset", "1", "--limit", "2",
            "--json",
        ],
        &index,
    );
    assert_eq!(untimed(api.json()), untimed(cli));

    let id = api.json()["hits"][0]["id"]
        .as_str()
        .expect("an id")
        .to_string();
    let api = get(a, &format!("/api/v1/articles/{id}"));
    assert_eq!(api.status, 200);
    assert_eq!(api.json(), cli_json(&["show", &id, "--json"], &index));

    let api = get(a, "/api/v1/stats");
    assert_eq!(api.json(), cli_json(&["stats", "--json"], &index));
    assert_eq!(api.json()["documents"], 8);

    let api = get(a, "/api/v1/trends?q=kerja+sama&by=country&per=year");
    assert_eq!(api.status, 200);
    let cli = cli_json(
        &["trends", "kerja", "sama", "--by", "country", "--json"],
        &index,
    );
    let api = untimed(api.json());
    assert_eq!(api, untimed(cli));
    assert_eq!(api["years"], serde_json::json!([2020, 2021, 2022, 2023]));
    let cn = api["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "CN")
        .expect("CN");
    assert_eq!(cn["counts"], serde_json::json!([0, 1, 1, 1]));
    let csv = get(a, "/api/v1/trends?q=kerja+sama&format=csv");
    assert!(
        csv.text()
            .starts_with("key,name,total,2020,2021,2022,2023\n"),
        "{}",
        csv.text()
    );
    let svg = get(a, "/api/v1/trends?q=kerja+sama&format=svg");
    assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
    assert!(svg.text().starts_with("<svg"));

    // A batch: JSON Lines in, JSON Lines out, line for line what `search --batch` prints.
    let batch = "{\"query\": \"kerja sama\", \"limit\": 2}\nnot json\n\n{\"countries\": [\"Narnia\"]}\n{\"query\": \"densus\", \"facets\": true}\n";
    let api = request(a, "POST", "/api/v1/search/batch", Some(batch.as_bytes()));
    assert_eq!(api.status, 200);
    let file = _dir.path().join("batch.jsonl");
    std::fs::write(&file, batch).unwrap();
    let cli = telusur()
        .args(["search", "--batch"])
        .arg(&file)
        .arg("--index")
        .arg(&index)
        .output()
        .unwrap();
    let lines = |s: &str| -> Vec<Value> {
        s.lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
            .map(|v| {
                if v.get("took_ms").is_some() {
                    untimed(v)
                } else {
                    v
                }
            })
            .collect()
    };
    let api_lines = lines(&api.text());
    assert_eq!(api_lines, lines(&String::from_utf8_lossy(&cli.stdout)));
    assert_eq!(api_lines.len(), 4);
    assert_eq!(api_lines[1]["line"], 2);
    assert!(api_lines[2]["error"]
        .as_str()
        .is_some_and(|e| e.contains("Narnia")));
    // A JSON array gets an array.
    let api = request(
        a,
        "POST",
        "/api/v1/search/batch",
        Some(b"[{\"query\": \"densus\"}, {\"limit\": 0}]"),
    );
    assert_eq!(api.json().as_array().map(Vec::len), Some(2));
}

#[test]
fn errors_are_json_with_a_fitting_status() {
    let (_dir, _index, server) = setup();
    let a = &server.addr;
    let check = |ans: Answer, status: u16, needle: &str| -> Value {
        assert_eq!(ans.status, status, "{}", ans.text());
        let v = ans.json();
        let msg = v["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error message: {v}"));
        assert!(msg.contains(needle), "{msg:?} lacks {needle:?}");
        assert!(!msg.contains("panicked") && !msg.contains("src/"), "{msg}");
        v
    };
    let v = check(
        get(a, "/api/v1/search?q=teror&country=Filipna"),
        400,
        "unknown country 'Filipna'",
    );
    assert_eq!(v["suggestions"][0], "Filipina");
    check(
        get(a, "/api/v1/search?org=ASEANN"),
        400,
        "unknown organisation",
    );
    check(
        get(a, "/api/v1/articles/0000000000000000"),
        404,
        "no article",
    );
    check(
        get(a, &format!("/api/v1/articles/{}", "x".repeat(600))),
        400,
        "id too long",
    );
    check(get(a, "/api/v1/nothing"), 404, "no such endpoint");
    check(
        get(a, &format!("/api/v1/search?q={}", "teror+".repeat(3000))),
        400,
        "query too long",
    );
    check(
        get(a, &format!("/api/v1/search?q={}", "x".repeat(40_000))),
        400,
        "query string too long",
    );
    check(get(a, "/api/v1/search?limit=5000"), 400, "maximum");
    check(get(a, "/api/v1/search?offset=200000"), 400, "offset");
    check(get(a, "/api/v1/search?year=abc"), 400, "'year'");
    check(
        get(a, "/api/v1/search?year=2020&from=2019"),
        400,
        "either a year or a range",
    );
    check(
        get(a, "/api/v1/search?qq=teror"),
        400,
        "unknown parameter 'qq'",
    );
    check(
        get(a, "/api/v1/trends?by=year"),
        400,
        "unknown trend dimension",
    );
    check(get(a, "/api/v1/trends?per=month"), 400, "per year");
    check(get(a, "/api/v1/trends?top=0"), 400, "top 0");
    check(
        request(a, "POST", "/api/v1/search", Some(b"{}")),
        405,
        "method",
    );
    let big = vec![b' '; 2 * 1024 * 1024];
    check(
        request(a, "POST", "/api/v1/search/batch", Some(&big)),
        413,
        "too large",
    );
    let many = "{\"query\": \"x\"}\n".repeat(101);
    check(
        request(a, "POST", "/api/v1/search/batch", Some(many.as_bytes())),
        413,
        "too many",
    );
    let ans = request(
        a,
        "POST",
        "/api/v1/search/batch",
        Some(b"{\"limit\": 5000}\n"),
    );
    assert_eq!(ans.status, 200);
    assert!(ans.json()["error"]
        .as_str()
        .is_some_and(|e| e.contains("maximum")));
    // Read-only: nothing answers a write.
    assert_eq!(request(a, "DELETE", "/api/v1/articles/x", None).status, 405);
    assert_eq!(request(a, "POST", "/api/v1/stats", Some(b"{}")).status, 405);
}

#[test]
fn article_text_is_escaped_in_the_page() {
    let (_dir, _index, server) = setup();
    let a = &server.addr;
    let page = get(a, "/?q=deradikalisasi");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/html")));
    assert!(page
        .header("content-security-policy")
        .is_some_and(|c| c.contains("script-src 'self'")));
    let html = page.text();
    assert!(
        html.contains("&lt;script&gt;alert(&quot;judul&quot;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        !html.contains("<script>alert"),
        "a script from the title reached the page"
    );
    assert!(
        !html.contains("<img src=x"),
        "markup from the body reached the page"
    );
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "the snippet shows the text"
    );
    // The only script is the page's own.
    assert_eq!(html.matches("<script").count(), 1);

    let id = get(a, "/api/v1/search?q=deradikalisasi").json()["hits"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let article = get(a, &format!("/artikel/{id}?q=deradikalisasi"));
    assert_eq!(article.status, 200);
    let html = article.text();
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(&#39;isi&#39;)&lt;/script&gt;"));
    assert!(html.contains("Bukti ekstraksi") || html.contains("Negara mitra"));
    assert!(
        html.contains("href=\"/?q=deradikalisasi\""),
        "the way back keeps the search"
    );

    // The query itself, echoed in the search box and the title.
    let evil_q = "\"><script>alert(9)</script>";
    let html = get(a, &format!("/?q={}", enc(evil_q))).text();
    assert!(!html.contains("<script>alert(9)"), "{html}");
    assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;\""));
    assert_eq!(get(a, "/artikel/nope").status, 404);
}

/// The `href` of the first `<a` whose tag holds `marker`.
fn href_with(html: &str, marker: &str) -> Option<String> {
    let at = html.find(marker)?;
    let start = html[..at].rfind("<a ")?;
    let tag = &html[start..];
    let h = tag.find("href=\"")? + 6;
    let end = tag[h..].find('"')? + h;
    Some(tag[h..end].replace("&amp;", "&"))
}

#[test]
fn the_page_works_without_javascript() {
    let (_dir, _index, server) = setup();
    let a = &server.addr;
    let html = get(a, "/?q=kerja+sama&limit=2").text();
    assert!(html.contains("Negara mitra") && html.contains("class=\"hit\""));
    assert!(html.contains("rel=\"next\""), "paging");
    let next = href_with(&html, "rel=\"next\"").expect("next link");
    assert!(next.contains("offset=2"), "{next}");
    assert_eq!(get(a, &next).status, 200);

    // A country facet: a plain link to the filtered search, marked once selected.
    let my = href_with(&html, "data-key=\"MY\"").expect("a Malaysia facet link");
    assert!(my.contains("country=MY"), "{my}");
    let filtered = get(a, &my).text();
    let marked = filtered
        .split("<li>")
        .find(|li| li.contains("data-key=\"MY\""))
        .expect("MY still listed");
    assert!(marked.contains("class=\"on\""), "{marked}");
    let api: Value = get(a, "/api/v1/search?q=kerja+sama&country=MY").json();
    assert!(filtered.contains(&format!("<strong>{}</strong> artikel", api["total"])));

    // The trends view: each bar links to its articles.
    let trends = get(a, "/?q=kerja+sama&view=tren").text();
    assert!(trends.contains("class=\"chart\""));
    let bar = href_with(&trends, "data-key=\"CN\" data-year=\"2023\"").expect("a CN 2023 bar");
    assert!(
        bar.contains("country=CN") && bar.contains("from=2023") && !bar.contains("view=tren"),
        "{bar}"
    );
    let behind = get(a, &bar).text();
    let count = get(a, "/api/v1/search?q=kerja+sama&country=CN&year=2023").json()["total"].clone();
    assert!(behind.contains(&format!("<strong>{count}</strong> artikel")));
    assert!(trends.contains(&format!(
        "data-key=\"CN\" data-year=\"2023\" data-count=\"{count}\""
    )));
    // Assets are embedded and served by the binary.
    assert!(get(a, "/assets/app.css").text().contains(".hit"));
    assert!(get(a, "/assets/app.js").text().contains("pushState"));
    // A bad filter is a page with the error, not a crash.
    let bad = get(a, "/?country=Filipna");
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("Maksud Anda"));
}

#[test]
fn a_new_commit_is_seen_and_ctrl_c_stops_cleanly() {
    let (dir, index, mut server) = setup();
    let a = server.addr.clone();
    assert_eq!(get(&a, "/api/v1/stats").json()["documents"], 8);
    let extra = "{\"url\": \"https://contoh.id/9\", \"title\": \"Kerja sama baru dengan Singapura\", \"body\": \"BNPT dan Singapura memperkuat kerja sama pertukaran informasi.\", \"published\": \"2024-02-02\", \"partners\": [\"SG\"]}\n";
    let file = dir.path().join("tambahan.jsonl");
    std::fs::write(&file, extra).unwrap();
    let out = telusur()
        .arg("index")
        .arg(&file)
        .arg("--index")
        .arg(&index)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if get(&a, "/api/v1/stats").json()["documents"] == 9 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the new commit was not seen within 10 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(get(&a, "/api/v1/search?q=singapura").json()["total"], 1);
    let status = server.interrupt();
    assert!(status.success(), "exit status after Ctrl-C: {status:?}");
    assert!(
        std::net::TcpStream::connect(&a).is_err(),
        "still listening after stopping"
    );
}

#[test]
fn trends_in_the_terminal_as_csv_and_as_an_svg_chart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = index_jsonl(dir.path(), "berita.jsonl", &fixture_jsonl());
    let run = |args: &[&str]| {
        let out = telusur()
            .arg("trends")
            .args(args)
            .arg("--index")
            .arg(&index)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, table) = run(&["kerja", "sama", "--top", "2"]);
    assert_eq!(code, Some(0));
    assert!(
        table.starts_with("Articles per year by partner country matching \"kerja sama\""),
        "{table}"
    );
    let header = table
        .lines()
        .find(|l| l.contains("2020"))
        .expect("a header of years");
    assert!(
        header.contains("2023") && header.contains("total"),
        "{header}"
    );
    let cn = table
        .lines()
        .find(|l| l.starts_with("Tiongkok (CN)"))
        .expect("a CN row");
    assert!(cn.ends_with(" ▄▄▄"), "a sparkline, blank for 2020: {cn}");
    assert!(table.contains("more (--top to show them)"));
    let (_, csv) = run(&["--by", "source", "--csv"]);
    let first: Vec<&str> = csv.lines().take(2).collect();
    assert_eq!(first[0], "key,name,total,2020,2021,2022,2023");
    assert_eq!(first[1], "*,semua artikel,8,1,2,2,3");
    let svg = dir.path().join("chart.svg");
    let out = telusur()
        .args(["trends", "--by", "org", "--index"])
        .arg(&index)
        .arg("--svg")
        .arg(&svg)
        .output()
        .unwrap();
    assert!(out.status.success());
    let chart = std::fs::read_to_string(&svg).expect("the chart");
    assert!(
        chart.starts_with("<svg") && chart.contains("Perhimpunan Bangsa-Bangsa Asia Tenggara"),
        "{}",
        &chart[..200.min(chart.len())]
    );
    let (code, _) = run(&["tidakadakatainidimanapun", "--match", "all"]);
    assert_eq!(code, Some(1), "nothing matched");
    let (code, _) = run(&["--by", "year"]);
    assert_eq!(code, Some(2));
}
