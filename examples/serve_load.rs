//! Load bench of `telusur serve` (not a timed test): 1, 8 and 32 concurrent clients, each on
//! its own keep-alive connection, send searches with facets and snippets for a fixed time per
//! level; prints requests/s, p50 and p99 latency, errors, and the CPU time of the process and
//! of the search executor's helper threads (`telusur-search-*`) per request.
//!
//! ```text
//! cargo run --release -- generate --docs 100000 --seed 1 --out /tmp/g100k.jsonl
//! cargo run --release -- index /tmp/g100k.jsonl --index /tmp/idx100k
//! cargo run --release --example serve_load -- --index /tmp/idx100k [--seconds 10]
//!     [--levels 1,8,32] [--search-threads N] [--concurrency N]
//! ```
//!
//! The server runs in this process (so that its threads' CPU time can be read from
//! /proc/self/task), on a free loopback port; the clients are threads of the same process.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use telusur::serve::{serve, ServeOptions};

/// Searches of the kind an analyst makes: words, a partner filter, a year range; every one
/// with facets (the API's default) and snippets.
const QUERIES: &[&str] = &[
    "q=kerja+sama",
    "q=terorisme&country=Tiongkok",
    "q=densus+88&from=2018&to=2022",
    "q=deradikalisasi",
    "q=bnpt+delegasi&country=PH&country=MY",
    "q=pelatihan+penyidik",
    "q=ekstremisme+kekerasan&org=ASEAN",
    "q=",
    "q=kerja+sama+keamanan&sort=newest",
    "q=pertukaran+informasi&source=ANTARA",
];

struct Args {
    index: std::path::PathBuf,
    seconds: f64,
    levels: Vec<usize>,
    search_threads: usize,
    concurrency: usize,
    /// Also time the same searches through `Engine::search` alone (no HTTP).
    direct: bool,
}

fn args() -> Args {
    let mut a = Args {
        index: "index".into(),
        seconds: 10.0,
        levels: vec![1, 8, 32],
        search_threads: 0,
        concurrency: 0,
        direct: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        if k == "--direct" {
            a.direct = true;
            continue;
        }
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--index" => a.index = v.into(),
            "--seconds" => a.seconds = v.parse().expect("seconds"),
            "--levels" => a.levels = v.split(',').map(|x| x.parse().expect("level")).collect(),
            "--search-threads" => a.search_threads = v.parse().expect("threads"),
            "--concurrency" => a.concurrency = v.parse().expect("concurrency"),
            other => panic!("unknown option {other}"),
        }
    }
    a
}

/// CPU seconds (user + system) of this process's threads: all, and the search helpers.
fn cpu_seconds() -> (f64, f64) {
    let tick = 100.0; // USER_HZ on Linux
    let (mut all, mut helpers) = (0.0, 0.0);
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return (0.0, 0.0);
    };
    for t in tasks.flatten() {
        let Ok(stat) = std::fs::read_to_string(t.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = &stat[open + 1..close];
        let fields: Vec<&str> = stat[close + 2..].split(' ').collect();
        let secs = (fields[11].parse::<f64>().unwrap_or(0.0)
            + fields[12].parse::<f64>().unwrap_or(0.0))
            / tick;
        all += secs;
        if name.starts_with("telusur-search") {
            helpers += secs;
        }
    }
    (all, helpers)
}

/// One keep-alive client: requests until `stop`, returns latencies (µs) and errors.
fn client(addr: String, offset: usize, stop: Arc<AtomicBool>) -> (Vec<u32>, usize) {
    let stream = TcpStream::connect(&addr).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut writer = stream;
    let (mut lat, mut errors) = (Vec::new(), 0);
    let mut i = offset;
    let mut body = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        let q = QUERIES[i % QUERIES.len()];
        i += 1;
        let t = Instant::now();
        let req = format!("GET /api/v1/search?{q}&limit=10 HTTP/1.1\r\nHost: {addr}\r\n\r\n");
        if writer.write_all(req.as_bytes()).is_err() {
            errors += 1;
            break;
        }
        let mut status = 0;
        let mut len = 0usize;
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return (lat, errors + 1);
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some(s) = l.strip_prefix("HTTP/1.1 ") {
                status = s[..3].parse().unwrap_or(0);
            } else if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
        }
        body.resize(len, 0);
        if reader.read_exact(&mut body).is_err() {
            return (lat, errors + 1);
        }
        lat.push(t.elapsed().as_micros().min(u32::MAX as u128) as u32);
        if status != 200 || !body.starts_with(b"{\"query\"") {
            errors += 1;
        }
    }
    (lat, errors)
}

/// The request of one of [`QUERIES`], as the server builds it (facets on, 10 hits).
fn request(q: &str) -> telusur::SearchRequest {
    let mut r = telusur::SearchRequest::new("").facets(true);
    for (k, v) in form_urlencoded::parse(q.as_bytes()) {
        match &*k {
            "q" => r.query = v.into_owned(),
            "country" => r.countries.push(v.into_owned()),
            "org" => r.orgs.push(v.into_owned()),
            "from" => r.year_from = v.parse().ok(),
            "to" => r.year_to = v.parse().ok(),
            "source" => r.source = Some(v.into_owned()),
            "sort" => r.sort = v.parse().ok(),
            _ => {}
        }
    }
    r
}

/// The same searches on one thread through the library: CPU per search, and the time of
/// serialising the results, to compare with the server's CPU per request.
fn direct(engine: &telusur::Engine, seconds: f64) {
    let reqs: Vec<_> = QUERIES.iter().map(|q| request(q)).collect();
    let (cpu0, _) = cpu_seconds();
    let started = Instant::now();
    let (mut n, mut json_ns, mut bytes) = (0u64, 0u128, 0usize);
    while started.elapsed().as_secs_f64() < seconds {
        let r = engine
            .search(&reqs[n as usize % reqs.len()])
            .expect("search");
        let t = Instant::now();
        bytes += serde_json::to_vec(&r).expect("json").len();
        json_ns += t.elapsed().as_nanos();
        n += 1;
    }
    let (cpu1, _) = cpu_seconds();
    println!(
        "direct: {n} searches on one thread, {:.3} ms wall, {:.3} ms CPU each; JSON {:.3} ms, {} bytes each",
        started.elapsed().as_secs_f64() * 1000.0 / n as f64,
        (cpu1 - cpu0) * 1000.0 / n as f64,
        json_ns as f64 / 1e6 / n as f64,
        bytes / n as usize
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args();
    let mut engine = telusur::Engine::open(&a.index)?;
    if a.search_threads > 0 {
        engine.set_search_threads(a.search_threads)?;
    }
    let docs = engine.num_docs();
    let engine = Arc::new(engine);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?.to_string();
    let opts = ServeOptions {
        concurrency: a.concurrency,
    };
    rt.spawn(serve(
        Arc::clone(&engine),
        listener,
        opts,
        std::future::pending(),
    ));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{docs} documents, {cores} cores, search threads {}, concurrency {}, {} s per level",
        if a.search_threads == 0 {
            "default".to_string()
        } else {
            a.search_threads.to_string()
        },
        if a.concurrency == 0 {
            "default".to_string()
        } else {
            a.concurrency.to_string()
        },
        a.seconds
    );
    if a.direct {
        direct(&engine, a.seconds);
    }
    // Warm-up: facet tables, analyzers, page cache.
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (s, addr) = (Arc::clone(&stop), addr.clone());
        let h = std::thread::spawn(move || client(addr, 0, s));
        std::thread::sleep(Duration::from_secs(2));
        stop.store(true, Ordering::Relaxed);
        h.join().expect("warm-up");
    }
    println!(
        "clients  requests      req/s    p50 ms    p99 ms  errors  cpu ms/req  helper cpu ms/req"
    );
    let mut first_rps = None;
    for &n in &a.levels {
        let stop = Arc::new(AtomicBool::new(false));
        let (cpu0, help0) = cpu_seconds();
        let started = Instant::now();
        let handles: Vec<_> = (0..n)
            .map(|i| {
                let (s, addr) = (Arc::clone(&stop), addr.clone());
                std::thread::spawn(move || client(addr, i * 3, s))
            })
            .collect();
        std::thread::sleep(Duration::from_secs_f64(a.seconds));
        stop.store(true, Ordering::Relaxed);
        let mut lat = Vec::new();
        let mut errors = 0;
        for h in handles {
            let (l, e) = h.join().expect("client");
            lat.extend(l);
            errors += e;
        }
        let secs = started.elapsed().as_secs_f64();
        let (cpu1, help1) = cpu_seconds();
        lat.sort_unstable();
        let pct = |p: f64| {
            lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
                .map_or(0.0, |&us| us as f64 / 1000.0)
        };
        let rps = lat.len() as f64 / secs;
        let per = |x: f64| x * 1000.0 / lat.len().max(1) as f64;
        println!(
            "{n:>7}  {:>8}  {rps:>9.0}  {:>8.2}  {:>8.2}  {errors:>6}  {:>10.2}  {:>17.2}",
            lat.len(),
            pct(0.50),
            pct(0.99),
            per(cpu1 - cpu0),
            per(help1 - help0),
        );
        let base = *first_rps.get_or_insert(rps);
        if n != a.levels[0] {
            println!(
                "         throughput {:.2}x that of {} client(s)",
                rps / base,
                a.levels[0]
            );
        }
    }
    Ok(())
}
