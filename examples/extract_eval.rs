//! Measures extraction against a folder of labelled articles (`*.txt` + `*.json` labels, as in
//! `../shared/corpus/README.md`).
//!
//! ```text
//! cargo run --release --example extract_eval -- ../shared/corpus/seeds [--quiet]
//! cargo run --release --example extract_eval -- devset/pages --url   # as JSON Lines with url
//! ```
//!
//! With `--url`, each page is extracted with the `url` of its label (as a JSON Lines record with
//! its address would be), and where the text names no publisher the expected source is the
//! label's `source_url` (the publisher known from the address: an agency's own site names none
//! in its text).
//!
//! Prints, per article, every field that differs from its label, then overall figures:
//! - year accuracy (a null label must be matched by a null prediction);
//! - partner countries precision and recall, micro-averaged over (article, code) pairs;
//! - partner organisations F1 and mentioned-country F1, micro-averaged likewise; organisation
//!   names of the labels are read through the gazetteer (`Hedayah` = `HEDAYAH`, `UN Women` =
//!   `UNWOMEN`; an unknown name stays as written and counts as missed), and on both sides a
//!   UN body implies the UN (`UNODC` alone in a label and `UN, UNODC` predicted agree: the
//!   extractor always adds the parent, some labels write it and some do not);
//! - title exact match after trimming white space (null matches only null);
//! - source accuracy, comparing publisher *names*: canonical where the publisher table knows the
//!   name (`detikNews` = `Detik`), else case-insensitive, `www.` and web suffixes
//!   (`.com`, `.co.id`, `.co`, `.id`, ...) dropped, only letters and digits kept, so `RM.id` =
//!   `rm.id`, `jpnn.com` = `JPNN`, `Harakatuna.com` = `Harakatuna` (null matches only null); a
//!   label written `Name (host or edition)` (`Medan Bagus (medanbagus.com)`, `ANTARA (Jatim)`)
//!   is compared by its name, so `medanbagus.com` = `Medan Bagus`;
//! - dateline accuracy, case-insensitive (`JAKARTA` = `Jakarta`; null matches only null).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;
use telusur::extract::gazetteer;
use telusur::ingest::{self, Input};

#[derive(Default)]
struct Set {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Set {
    fn add(&mut self, pred: &[String], gold: &[String]) {
        let p: BTreeSet<&String> = pred.iter().collect();
        let g: BTreeSet<&String> = gold.iter().collect();
        self.tp += p.intersection(&g).count();
        self.fp += p.difference(&g).count();
        self.fn_ += g.difference(&p).count();
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A ratio where 0/0 (nothing to find, nothing found) counts as perfect.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Default)]
struct Tally {
    hit: usize,
    n: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.hit += usize::from(ok);
    }
    fn show(&self) -> String {
        format!(
            "{:5.1}%  ({}/{})",
            100.0 * ratio(self.hit, self.n),
            self.hit,
            self.n
        )
    }
}

/// A publisher name compared by its canonical form where the publisher table knows it
/// (`detikNews` = `Detik`), else by its letters and digits without `www.` and web suffix.
fn source_key(s: &str) -> String {
    // `Name (host)` / `Name (edition)`: the name is the publisher.
    let s = match s.trim().strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((name, _)) if !name.trim().is_empty() => name,
        _ => s,
    };
    let s = telusur::extract::publisher(s).unwrap_or(s);
    let mut s = s.trim().to_lowercase();
    if let Some(r) = s.strip_prefix("www.") {
        s = r.to_string();
    }
    for suf in [
        ".blogspot.com",
        ".wordpress.com",
        ".co.id",
        ".go.id",
        ".or.id",
        ".com",
        ".co",
        ".id",
        ".net",
        ".org",
        ".news",
    ] {
        if let Some(r) = s.strip_suffix(suf) {
            s = r.to_string();
            break;
        }
    }
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn str_field(v: &Value, k: &str) -> Option<String> {
    v.get(k)
        .and_then(Value::as_str)
        .map(|s| s.trim().to_string())
}

fn list_field(v: &Value, k: &str) -> Vec<String> {
    v.get(k)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn show(v: &Option<String>) -> String {
    v.as_deref()
        .map_or("null".to_string(), |s| format!("{s:?}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let with_url = args.iter().any(|a| a == "--url");
    let why = args.iter().any(|a| a == "--why");
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!(
            "usage: extract_eval DIR [--quiet]   (DIR holds *.txt articles with *.json labels)"
        );
        return ExitCode::from(2);
    };
    let found = ingest::discover_all(&[PathBuf::from(dir)]);
    let (mut year, mut title, mut source, mut dateline) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let (mut partners, mut orgs, mut mentioned) = (Set::default(), Set::default(), Set::default());
    for p in &found.problems {
        eprintln!("{p}");
    }
    for input in &found.inputs {
        let Input::File(path) = input else { continue };
        let label_path = path.with_extension("json");
        let Some(label) = read_label(&label_path) else {
            eprintln!("{}: no labels beside it; not measured", path.display());
            continue;
        };
        let url = str_field(&label, "url").filter(|_| with_url);
        let meta = if let Some(url) = &url {
            let Ok(raw) = std::fs::read_to_string(path) else {
                eprintln!("{}: unreadable", path.display());
                continue;
            };
            telusur::extract::extract(&raw, Some(url)).meta
        } else {
            let loaded = ingest::load(input);
            for p in &loaded.problems {
                eprintln!("{p}");
            }
            let Some(a) = loaded.articles.first() else {
                continue;
            };
            a.meta.clone()
        };
        let m = &meta;
        let mut diffs = Vec::new();

        let gold_year = label.get("year").and_then(Value::as_i64).map(|y| y as i32);
        year.add(m.year == gold_year);
        if m.year != gold_year {
            diffs.push(format!(
                "year {:?} (label {:?}) — {}",
                m.year,
                gold_year,
                m.evidence.get("year").map_or("no evidence", String::as_str)
            ));
        }
        let gold_title = str_field(&label, "title");
        let pred_title = m.title.as_ref().map(|t| t.trim().to_string());
        title.add(pred_title == gold_title);
        if pred_title != gold_title {
            diffs.push(format!(
                "title {} (label {})",
                show(&pred_title),
                show(&gold_title)
            ));
        }
        // With the address, a page whose text names no publisher is expected to get the one
        // its address names (`source_url`); a publisher the text names stays the answer.
        let gold_source = match url {
            Some(_) => str_field(&label, "source").or_else(|| str_field(&label, "source_url")),
            None => str_field(&label, "source"),
        };
        let ok = m.source.as_deref().map(source_key) == gold_source.as_deref().map(source_key);
        source.add(ok);
        if !ok {
            diffs.push(format!(
                "source {} (label {})",
                show(&m.source),
                show(&gold_source)
            ));
        }
        let gold_dl = str_field(&label, "dateline");
        let ok = m.dateline.as_deref().map(str::to_lowercase)
            == gold_dl.as_deref().map(str::to_lowercase);
        dateline.add(ok);
        if !ok {
            diffs.push(format!(
                "dateline {} (label {})",
                show(&m.dateline),
                show(&gold_dl)
            ));
        }
        for (set, pred, key) in [
            (&mut partners, &m.partners, "partners"),
            (&mut orgs, &m.partner_orgs, "partner_orgs"),
            (
                &mut mentioned,
                &m.mentioned_countries,
                "mentioned_countries",
            ),
        ] {
            let mut gold = list_field(&label, key);
            let mut pred = pred.clone();
            if key == "partner_orgs" {
                gold = org_codes(&gold);
                pred = org_codes(&pred);
            }
            let pred = &pred;
            set.add(pred, &gold);
            let (mut p, mut g) = (pred.clone(), gold.clone());
            p.sort();
            g.sort();
            if p != g {
                diffs.push(format!("{key} {p:?} (label {g:?})"));
                // `--why`: the extractor's reasons for its partners.
                if why && key != "mentioned_countries" {
                    if let Some(e) = m.evidence.get(key) {
                        diffs.push(format!("  why: {e}"));
                    }
                }
            }
        }
        if !quiet {
            let name = path
                .file_name()
                .map_or(path.as_os_str(), |n| n)
                .to_string_lossy();
            if diffs.is_empty() {
                println!("{name}: all fields match");
            } else {
                println!("{name}:");
                for d in diffs {
                    println!("    {d}");
                }
            }
        }
    }
    println!();
    println!("articles measured    {}", year.n);
    println!("year accuracy        {}", year.show());
    println!(
        "partners precision   {:5.1}%  recall {:5.1}%  (tp {}, fp {}, fn {})",
        100.0 * partners.precision(),
        100.0 * partners.recall(),
        partners.tp,
        partners.fp,
        partners.fn_
    );
    println!(
        "partner orgs F1      {:5.1}%  (P {:.1}%, R {:.1}%; tp {}, fp {}, fn {})",
        100.0 * orgs.f1(),
        100.0 * orgs.precision(),
        100.0 * orgs.recall(),
        orgs.tp,
        orgs.fp,
        orgs.fn_
    );
    println!(
        "mentioned F1         {:5.1}%  (P {:.1}%, R {:.1}%)",
        100.0 * mentioned.f1(),
        100.0 * mentioned.precision(),
        100.0 * mentioned.recall()
    );
    println!("title exact match    {}", title.show());
    println!("source accuracy      {}", source.show());
    println!("dateline accuracy    {}", dateline.show());
    if year.n == 0 {
        eprintln!("no labelled articles found in {dir}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Organisation names as gazetteer codes, with each code's parent (`UNODC` → `UN`, `UNODC`).
fn org_codes(names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        match gazetteer::resolve_org(n) {
            Some(o) => {
                out.push(o.code.to_string());
                if let Some(p) = o.parent {
                    out.push(p.to_string());
                }
            }
            None => out.push(n.clone()),
        }
    }
    out.sort();
    out.dedup();
    out
}

fn read_label(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}
