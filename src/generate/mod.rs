//! Deterministic synthetic corpus of Indonesian counterterrorism-cooperation news, for demos,
//! tests and benchmarks (`telusur generate`).
//!
//! Every article is written from hand-made templates ([`templates`](self)) with a long-tailed
//! vocabulary: inflected verb and noun forms, invented names, numbers, both `kerja sama` and
//! `kerjasama`. Its [`Metadata`] is the ground truth: the partner countries and organisations
//! the story is about, every foreign country it names (places where fighters went count as
//! mentioned, never as partners), the publisher, the dateline and the publication date.
//!
//! The same seed always gives the same articles, byte for byte (the generator draws from
//! [`rand_chacha::ChaCha8Rng`], whose output is stable across versions). Generation streams:
//! memory stays constant whatever the number of articles.
//!
//! ```
//! use telusur::generate::Generator;
//! let a: Vec<_> = Generator::new(7).take(3).collect();
//! let b: Vec<_> = Generator::new(7).take(3).collect();
//! assert_eq!(a, b);
//! assert!(a.iter().all(|x| x.meta.year.is_some() && !x.body.is_empty()));
//! ```

mod render;
mod templates;
mod vocab;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::article::{stable_id, Article, Metadata};
use crate::{Error, Result};

pub(crate) use render::render_scraped;

use templates::{Counterpart, TOPICS};
use vocab::{NamePool, ORGS, PARTNERS, PLACES};

/// Number of articles in the built-in sample corpus ([`sample_corpus`]).
pub const SAMPLE_DOCS: usize = 2000;

/// Seed of the built-in sample corpus ([`sample_corpus`]).
pub const SAMPLE_SEED: u64 = 20_240_611;

/// The first and last publication years the generator uses.
pub(crate) const YEARS: (i32, i32) = (2010, 2025);

/// Bounds of the body length in words.
pub(crate) const WORDS: (usize, usize) = (150, 1000);

/// What to generate: how many articles, from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Number of articles.
    pub docs: usize,
    /// Seed: the same seed gives the same corpus.
    pub seed: u64,
    /// Dense articles (see `Generator::dense`): 300-900-word bodies whose every paragraph
    /// names countries, organisations and dates, as real cooperation news does; for extraction
    /// and indexing benchmarks. The records then carry `partners` and `year` but no
    /// organisations and no mentioned countries, like most scraped input.
    pub dense: bool,
}

impl Default for GenerateOptions {
    /// The built-in sample: [`SAMPLE_DOCS`] articles from [`SAMPLE_SEED`].
    fn default() -> Self {
        GenerateOptions {
            docs: SAMPLE_DOCS,
            seed: SAMPLE_SEED,
            dense: false,
        }
    }
}

/// The built-in sample corpus: [`SAMPLE_DOCS`] articles from [`SAMPLE_SEED`], generated on
/// the fly (about 2,000 articles, a few hundred of them with the Philippines as a partner).
///
/// ```
/// let n = telusur::generate::sample_corpus().take(5).count();
/// assert_eq!(n, 5);
/// ```
pub fn sample_corpus() -> impl Iterator<Item = Article> {
    Generator::new(SAMPLE_SEED).take(SAMPLE_DOCS)
}

/// How the day of the event is written in the body; each publisher has its habits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateStyle {
    /// `Kamis (24/3)`
    Short,
    /// `Kamis (24/3/2022)`
    Full,
    /// `Kamis (04/03/2022)`
    Padded,
    /// `Kamis, 24 Maret 2022`
    Long,
}

/// A publisher the generator imitates.
pub(crate) struct Publisher {
    /// Normalised source name (ground truth), `None` for a site without a recognisable name.
    pub source: Option<&'static str>,
    pub host: &'static str,
    pub weight: u32,
    pub style: DateStyle,
}

/// The publishers, in the order [`render`] knows them. They are fictional ("contoh" is
/// Indonesian for "example"), on reserved `.example` domains (RFC 2606), so that no generated
/// story can pass for a real outlet's; each imitates the page shape of a kind of news site.
pub(crate) const PUBLISHERS: &[Publisher] = &[
    Publisher {
        source: Some("KBC"),
        host: "www.kantorberitacontoh.example",
        weight: 30,
        style: DateStyle::Short,
    },
    Publisher {
        source: Some("Harian Contoh"),
        host: "nasional.hariancontoh.example",
        weight: 12,
        style: DateStyle::Full,
    },
    Publisher {
        source: Some("Warta Contoh"),
        host: "www.wartacontoh.example",
        weight: 8,
        style: DateStyle::Full,
    },
    Publisher {
        source: Some("Suara Contoh"),
        host: "news.suaracontoh.example",
        weight: 10,
        style: DateStyle::Short,
    },
    Publisher {
        source: Some("Majalah Contoh"),
        host: "nasional.majalahcontoh.example",
        weight: 8,
        style: DateStyle::Full,
    },
    Publisher {
        source: Some("Rakyat Contoh"),
        host: "rakyatcontoh.example",
        weight: 6,
        style: DateStyle::Short,
    },
    Publisher {
        source: Some("Kabar Contoh"),
        host: "www.kabarcontoh.example",
        weight: 6,
        style: DateStyle::Full,
    },
    Publisher {
        source: Some("Damai Contoh"),
        host: "www.damaicontoh.example",
        weight: 4,
        style: DateStyle::Long,
    },
    Publisher {
        source: Some("Umat Contoh"),
        host: "www.umatcontoh.example",
        weight: 3,
        style: DateStyle::Long,
    },
    Publisher {
        source: Some("DC"),
        host: "www.damaicontoh-dc.example",
        weight: 3,
        style: DateStyle::Short,
    },
    Publisher {
        source: None,
        host: "www.blogcontoh.example",
        weight: 5,
        style: DateStyle::Padded,
    },
];

/// Cumulative weight tables, built once.
struct Tables {
    partners: Vec<u32>,
    topics: Vec<u32>,
    cities: Vec<u32>,
    orgs: Vec<u32>,
    years: Vec<u32>,
    publishers: Vec<u32>,
    places: Vec<u32>,
}

fn cumulative(weights: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut acc = 0;
    weights
        .map(|w| {
            acc += w;
            acc
        })
        .collect()
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        partners: cumulative(PARTNERS.iter().map(|p| p.weight)),
        topics: cumulative(TOPICS.iter().map(|t| t.weight)),
        cities: cumulative(vocab::CITIES.iter().map(|c| c.1)),
        orgs: cumulative(ORGS.iter().map(|o| o.weight)),
        // Linearly more articles in recent years: 2025 weighs 16 times 2010.
        years: cumulative((YEARS.0..=YEARS.1).map(|y| (y - YEARS.0 + 1) as u32)),
        publishers: cumulative(PUBLISHERS.iter().map(|p| p.weight)),
        // Syria first, then Iraq, Afghanistan, the southern Philippines, the rest.
        places: cumulative(
            [40u32, 20, 12, 14, 3, 3, 3, 2]
                .into_iter()
                .take(PLACES.len()),
        ),
    })
}

/// Index drawn from a cumulative weight table.
fn pick_weighted(rng: &mut ChaCha8Rng, cum: &[u32]) -> usize {
    let total = cum.last().copied().unwrap_or(0);
    if total == 0 {
        return 0;
    }
    let r = rng.random_range(0..total);
    cum.partition_point(|&c| c <= r)
}

fn pick(rng: &mut ChaCha8Rng, items: &[&'static str]) -> &'static str {
    items[rng.random_range(0..items.len())]
}

/// Appends a number in decimal without going through `fmt`.
fn push_u32(out: &mut String, mut n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

fn push_2(out: &mut String, n: u32) {
    out.push((b'0' + (n / 10 % 10) as u8) as char);
    out.push((b'0' + (n % 10) as u8) as char);
}

/// Indonesian weekday name of a date.
pub(crate) fn weekday_id(d: NaiveDate) -> &'static str {
    vocab::WEEKDAYS[d.weekday().num_days_from_monday() as usize]
}

/// Writes a date in one of the body styles.
pub(crate) fn push_day(out: &mut String, d: NaiveDate, style: DateStyle) {
    out.push_str(weekday_id(d));
    match style {
        DateStyle::Short | DateStyle::Full | DateStyle::Padded => {
            out.push_str(" (");
            if style == DateStyle::Padded {
                push_2(out, d.day());
                out.push('/');
                push_2(out, d.month());
            } else {
                push_u32(out, d.day());
                out.push('/');
                push_u32(out, d.month());
            }
            if style != DateStyle::Short {
                out.push('/');
                push_u32(out, d.year() as u32);
            }
            out.push(')');
        }
        DateStyle::Long => {
            out.push_str(", ");
            push_u32(out, d.day());
            out.push(' ');
            out.push_str(vocab::MONTHS[d.month0() as usize]);
            out.push(' ');
            push_u32(out, d.year() as u32);
        }
    }
}

/// Capitalisation of a slot: inside a sentence, at its start, in a headline.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Sentence,
    Title,
}

/// The scratch state of one article, reused from one article to the next.
struct Story {
    title: String,
    body: String,
    url: String,
    topic: usize,
    partners: Vec<usize>,
    /// Indonesian names of the partners and places, looked up once per article.
    partner_names: [&'static str; 2],
    place_names: [&'static str; 2],
    org: Option<usize>,
    places: [usize; 2],
    place_used: [bool; 2],
    people: [(u8, u8); 10],
    official: (NamePool, u8, u8),
    city: &'static str,
    venue: &'static str,
    dateline: Option<&'static str>,
    published: NaiveDate,
    event: NaiveDate,
    publisher: usize,
    ks_spaced: bool,
    na: u32,
    nna: u32,
    initials: &'static str,
    group: usize,
    used: [u64; 8],
    words: usize,
}

impl Story {
    fn new() -> Self {
        Story {
            title: String::with_capacity(128),
            body: String::with_capacity(8192),
            url: String::with_capacity(160),
            topic: 0,
            partners: Vec::with_capacity(2),
            partner_names: ["negara mitra"; 2],
            place_names: ["Suriah"; 2],
            org: None,
            places: [0, 1],
            place_used: [false; 2],
            people: [(0, 0); 10],
            official: (NamePool::Anglo, 0, 0),
            city: "Jakarta",
            venue: "Jakarta",
            dateline: None,
            published: NaiveDate::MIN,
            event: NaiveDate::MIN,
            publisher: 0,
            ks_spaced: true,
            na: 2,
            nna: 20,
            initials: "AR",
            group: 0,
            used: [0; 8],
            words: 0,
        }
    }

    fn partner_name(&self, i: usize) -> &'static str {
        self.partner_names[i]
    }

    /// Expands a template into `out` (see [`templates`] for the slots).
    fn expand(&mut self, rng: &mut ChaCha8Rng, tpl: &str, out: &mut String, title: bool) {
        let bytes = tpl.as_bytes();
        let mut i = 0;
        let mut lit = 0;
        while i < bytes.len() {
            // Jump to the next slot; literal text is copied in one piece.
            match bytes[i..].iter().position(|&b| b == b'{' || b == b'[') {
                Some(k) => i += k,
                None => break,
            }
            match bytes[i] {
                b'{' => {
                    out.push_str(&tpl[lit..i]);
                    let end = tpl[i..].find('}').map_or(bytes.len(), |e| i + e);
                    let key = &tpl[i + 1..end];
                    self.slot(
                        rng,
                        key,
                        out,
                        if title {
                            Case::Title
                        } else if i == 0 {
                            Case::Sentence
                        } else {
                            Case::Lower
                        },
                    );
                    i = end + 1;
                    lit = i;
                }
                b'[' => {
                    out.push_str(&tpl[lit..i]);
                    let end = tpl[i..].find(']').map_or(bytes.len(), |e| i + e);
                    let alts = &tpl[i + 1..end];
                    let n = alts.bytes().filter(|&b| b == b'|').count() + 1;
                    let k = rng.random_range(0..n);
                    if let Some(choice) = alts.split('|').nth(k) {
                        out.push_str(choice);
                    }
                    i = end + 1;
                    lit = i;
                }
                _ => i += 1,
            }
        }
        out.push_str(&tpl[lit.min(tpl.len())..]);
    }

    fn person(&self, out: &mut String, role: usize, full: bool) {
        let (f, l) = self.people[role];
        if full {
            out.push_str(vocab::ID_FIRST[f as usize]);
            out.push(' ');
        }
        out.push_str(vocab::ID_LAST[l as usize]);
    }

    fn slot(&mut self, rng: &mut ChaCha8Rng, key: &str, out: &mut String, case: Case) {
        match key {
            "P" => out.push_str(self.partner_name(0)),
            "P2" => out.push_str(self.partner_name(1)),
            "PC" => out.push_str(
                self.partners
                    .first()
                    .map_or("Jakarta", |&p| PARTNERS[p].capital),
            ),
            "PO" | "POS" => {
                let (pool, f, l) = self.official;
                let (first, last) = vocab::pool(pool);
                if key == "PO" {
                    out.push_str(first[f as usize % first.len()]);
                    out.push(' ');
                }
                out.push_str(last[l as usize % last.len()]);
            }
            "ORG" | "ORGS" => {
                let o = &ORGS[self.org.unwrap_or(0)];
                out.push_str(if key == "ORG" { o.long } else { o.short });
            }
            "DAY" => push_day(out, self.event, PUBLISHERS[self.publisher].style),
            "WD" => out.push_str(weekday_id(self.event)),
            "CITY" => out.push_str(self.city),
            "CITY2" => {
                let c = pick_weighted(rng, &tables().cities);
                out.push_str(vocab::CITIES[c].0);
            }
            "VENUE" => out.push_str(self.venue),
            "Y" => push_u32(out, self.published.year() as u32),
            "NY" => push_u32(out, self.published.year() as u32 + 1),
            "PY" => {
                let y = self.published.year();
                push_u32(out, rng.random_range((y - 8).max(2003)..y) as u32);
            }
            "PM" => out.push_str(pick(rng, &vocab::MONTHS)),
            "N" => push_u32(out, rng.random_range(2..16)),
            "NA" => push_u32(out, self.na),
            "NN" => push_u32(out, long_tail(rng, 20, 600)),
            "NNA" => push_u32(out, self.nna),
            "RP" => {
                out.push_str("Rp");
                if rng.random_bool(0.5) {
                    push_u32(out, rng.random_range(1..20));
                    out.push(',');
                    push_u32(out, rng.random_range(1..10));
                    out.push_str(" miliar");
                } else {
                    push_u32(out, rng.random_range(10..950));
                    out.push_str(" juta");
                }
            }
            "AGE" => push_u32(out, rng.random_range(19..59)),
            "INI" => out.push_str(self.initials),
            "G" => out.push_str(vocab::GROUPS[self.group].0),
            "GS" => out.push_str(vocab::GROUPS[self.group].1),
            "X" | "X2" => {
                let k = usize::from(key == "X2");
                self.place_used[k] = true;
                out.push_str(self.place_names[k]);
            }
            "KS" => {
                let spaced = if rng.random_bool(0.85) {
                    self.ks_spaced
                } else {
                    !self.ks_spaced
                };
                out.push_str(match (spaced, case) {
                    (true, Case::Lower) => "kerja sama",
                    (true, Case::Sentence) => "Kerja sama",
                    (true, Case::Title) => "Kerja Sama",
                    (false, Case::Lower) => "kerjasama",
                    (false, _) => "Kerjasama",
                });
            }
            "ME" => out.push_str(pick(rng, vocab::ME_VERBS)),
            "NOUN" => out.push_str(pick(rng, vocab::NOUNS)),
            "ADJ" => out.push_str(pick(rng, vocab::ADJS)),
            "ORD" => {
                out.push_str("ke-");
                push_u32(out, rng.random_range(2..13));
            }
            "UU" => out.push_str(if self.published.year() >= 2018 {
                "Undang-Undang Nomor 5 Tahun 2018"
            } else {
                "Undang-Undang Nomor 15 Tahun 2003"
            }),
            _ => {
                let b = key.as_bytes();
                if b.len() == 2 && (b[0] == b'N' || b[0] == b'S') && b[1].is_ascii_digit() {
                    self.person(out, (b[1] - b'0') as usize, b[0] == b'N');
                } else {
                    // Unknown key: keep it visible rather than panic (tests catch it).
                    out.push('{');
                    out.push_str(key);
                    out.push('}');
                }
            }
        }
    }

    /// Picks a template of `pool` not yet used in this article (`slot` names the pool's
    /// usage mask); when all are used, one of the generic pool, and only when that is used
    /// up too, a repeat.
    fn fresh(
        &mut self,
        rng: &mut ChaCha8Rng,
        pool: &'static [&'static str],
        slot: usize,
    ) -> &'static str {
        let n = pool.len().min(64);
        let full = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        if slot != GENERIC_SLOT && self.used[slot] & full == full {
            return self.fresh_or_repeat(rng, templates::GENERIC, GENERIC_SLOT);
        }
        self.fresh_or_repeat(rng, pool, slot)
    }

    fn fresh_or_repeat(
        &mut self,
        rng: &mut ChaCha8Rng,
        pool: &'static [&'static str],
        slot: usize,
    ) -> &'static str {
        let n = pool.len().min(64);
        if n == 0 {
            return "";
        }
        let mask = &mut self.used[slot];
        let full = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        if *mask & full == full {
            *mask = 0;
        }
        let mut k = rng.random_range(0..n);
        while *mask & (1 << k) != 0 {
            k = (k + 1) % n;
        }
        *mask |= 1 << k;
        pool[k]
    }

    /// Appends one sentence (a template) to the body, separated by a space.
    fn sentence(&mut self, rng: &mut ChaCha8Rng, tpl: &str) {
        let mut body = std::mem::take(&mut self.body);
        if !body.is_empty() && !body.ends_with('\n') {
            body.push(' ');
        }
        let start = body.len();
        self.expand(rng, tpl, &mut body, false);
        // Templates separate words by single spaces.
        self.words += 1 + body.as_bytes()[start..]
            .iter()
            .filter(|&&b| b == b' ')
            .count();
        self.body = body;
    }
}

impl Story {
    /// The body of the default corpus: a lead, then paragraphs until the target length.
    fn default_body(
        &mut self,
        rng: &mut ChaCha8Rng,
        topic: &'static templates::Topic,
        second: bool,
        sidelines: bool,
    ) {
        let s = self;
        let target = WORDS.0 + 10 + long_tail_f(rng, (WORDS.1 - WORDS.0 - 60) as f64);
        let lead = pick(rng, topic.leads);
        s.sentence(rng, lead);
        if rng.random_bool(0.5) {
            let tpl = s.fresh(rng, topic.sentences, 0);
            s.sentence(rng, tpl);
        }
        let mut paragraphs = 1;
        let mut extra_done = false;
        // The second counterpart's sentences, or a meeting's sidelines.
        let extra_pool = if second {
            templates::SECOND_PARTNER
        } else {
            templates::SIDELINES
        };
        while s.words < target {
            s.body.push_str("\n\n");
            paragraphs += 1;
            if rng.random_bool(0.18) {
                let tpl = s.fresh(rng, topic.quotes, 1);
                s.sentence(rng, tpl);
                continue;
            }
            if !extra_done && paragraphs >= 3 && (second || sidelines) {
                extra_done = true;
                let tpl = pick(rng, extra_pool);
                s.sentence(rng, tpl);
            }
            let n = 1 + usize::from(rng.random_bool(0.7)) + usize::from(rng.random_bool(0.25));
            for _ in 0..n {
                let r: f64 = rng.random();
                let tpl = if r < 0.45 {
                    s.fresh(rng, topic.sentences, 0)
                } else if r < 0.65 && topic.counterpart == Counterpart::Country {
                    s.fresh(rng, templates::GENERIC_PARTNER, 2)
                } else if r < 0.65 && topic.counterpart == Counterpart::Org {
                    s.fresh(rng, templates::GENERIC_ORG, 3)
                } else {
                    s.fresh(rng, templates::GENERIC, GENERIC_SLOT)
                };
                s.sentence(rng, tpl);
                if s.words >= target {
                    break;
                }
            }
        }
        if !extra_done && (second || sidelines) {
            // Short story: the second counterpart still has to be named.
            s.body.push_str("\n\n");
            let tpl = pick(rng, extra_pool);
            s.sentence(rng, tpl);
        }
    }

    /// A dense body (`GenerateOptions::dense`): 300-900 words in paragraphs of three to five
    /// sentences, every paragraph naming the partner, places, organisations and dates.
    fn dense_body(&mut self, rng: &mut ChaCha8Rng, topic: &'static templates::Topic) {
        let target = rng.random_range(300..=900);
        let lead = pick(rng, topic.leads);
        self.sentence(rng, lead);
        while self.words < target {
            self.body.push_str("\n\n");
            let n = rng.random_range(3..=5);
            for k in 0..n {
                let tpl = if k % 2 == 0 {
                    self.fresh_or_repeat(rng, templates::DENSE, DENSE_SLOT)
                } else if rng.random_bool(0.5) {
                    self.fresh(rng, topic.sentences, 0)
                } else {
                    self.fresh(rng, templates::GENERIC, GENERIC_SLOT)
                };
                self.sentence(rng, tpl);
            }
        }
    }
}

/// The usage-mask slot of [`templates::DENSE`].
const DENSE_SLOT: usize = 5;

/// The usage-mask slot of [`templates::GENERIC`].
const GENERIC_SLOT: usize = 4;

/// A number in `lo..hi` with many small and few large values.
fn long_tail(rng: &mut ChaCha8Rng, lo: u32, hi: u32) -> u32 {
    let u: f64 = rng.random();
    lo + ((hi - lo) as f64 * u * u * u) as u32
}

/// The article generator: an endless, deterministic stream of [`Article`]s.
///
/// ```
/// use telusur::generate::Generator;
/// let mut g = Generator::new(1);
/// let a = g.next_article();
/// assert!(a.meta.published.is_some());
/// assert_eq!(a.id, telusur::stable_id(a.url.as_deref(), &a.body));
/// ```
pub struct Generator {
    rng: ChaCha8Rng,
    seed: u64,
    count: u64,
    story: Story,
    dense: bool,
}

impl Generator {
    /// A generator for this seed.
    pub fn new(seed: u64) -> Self {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            seed,
            count: 0,
            story: Story::new(),
            dense: false,
        }
    }

    /// A generator for `opts.seed`, dense if `opts.dense` (`opts.docs` is not used: the stream
    /// is endless).
    pub fn with_options(opts: &GenerateOptions) -> Self {
        let mut g = Generator::new(opts.seed);
        g.dense = opts.dense;
        g
    }

    /// The next article, with its metadata as ground truth and `id` =
    /// [`stable_id`]`(url, body)`. URLs are synthetic and unique for a seed.
    pub fn next_article(&mut self) -> Article {
        self.fill();
        let rec = self.record();
        Article {
            id: rec.id,
            path: None,
            url: Some(self.story.url.clone()),
            body: self.story.body.clone(),
            meta: Metadata {
                title: Some(self.story.title.clone()),
                source: rec.source.map(str::to_string),
                dateline: rec.dateline.map(str::to_string),
                published: Some(self.story.published),
                year: Some(rec.year),
                partners: rec.partners.iter().map(|s| s.to_string()).collect(),
                partner_orgs: rec.partner_orgs.iter().map(|s| s.to_string()).collect(),
                mentioned_countries: rec
                    .mentioned_countries
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                evidence: Default::default(),
            },
        }
    }

    /// Generates the next article into the scratch story.
    fn fill(&mut self) {
        let rng = &mut self.rng;
        let t = tables();
        let s = &mut self.story;
        s.title.clear();
        s.body.clear();
        s.url.clear();
        s.partners.clear();
        s.org = None;
        s.place_used = [false; 2];
        s.used = [0; 8];
        s.words = 0;
        self.count += 1;

        // Date: year weighted to recent years, any day of it.
        let year = YEARS.0 + pick_weighted(rng, &t.years) as i32;
        let days = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
            366
        } else {
            365
        };
        let ordinal = rng.random_range(1..=days);
        s.published = NaiveDate::from_yo_opt(year, ordinal).unwrap_or(NaiveDate::MIN);
        s.event = if ordinal > 1 && rng.random_bool(0.3) {
            s.published.pred_opt().unwrap_or(s.published)
        } else {
            s.published
        };

        s.topic = pick_weighted(rng, &t.topics);
        let topic = &TOPICS[s.topic];
        s.publisher = pick_weighted(rng, &t.publishers);
        s.ks_spaced = rng.random_bool(0.7);
        s.city = vocab::CITIES[pick_weighted(rng, &t.cities)].0;
        for p in s.people.iter_mut() {
            *p = (
                rng.random_range(0..vocab::ID_FIRST.len()) as u8,
                rng.random_range(0..vocab::ID_LAST.len()) as u8,
            );
        }
        s.na = rng.random_range(2..12);
        s.nna = long_tail(rng, 12, 400);
        s.initials = pick(rng, vocab::INITIALS);
        s.group = rng.random_range(0..vocab::GROUPS.len());

        // Counterparts.
        let mut second = false;
        let mut sidelines = false;
        match topic.counterpart {
            Counterpart::Country => {
                s.partners.push(pick_weighted(rng, &t.partners));
                second = rng.random_bool(0.12);
                if second {
                    let mut p2 = pick_weighted(rng, &t.partners);
                    while p2 == s.partners[0] {
                        p2 = (p2 + 1) % PARTNERS.len();
                    }
                    s.partners.push(p2);
                }
            }
            Counterpart::Org => {
                s.org = Some(if topic.name == "financing-fatf" {
                    ORGS.iter().position(|o| o.short == "FATF").unwrap_or(0)
                } else {
                    pick_weighted(rng, &t.orgs)
                });
                sidelines = rng.random_bool(0.25);
                if sidelines {
                    s.partners.push(pick_weighted(rng, &t.partners));
                }
            }
            Counterpart::None => {}
        }
        if let Some(&p) = s.partners.first() {
            let first = rng.random_range(0..12);
            let last = rng.random_range(0..12);
            s.official = (PARTNERS[p].names, first, last);
        }
        // Places: never a partner of this story.
        for k in 0..2 {
            let mut x = pick_weighted(rng, &t.places);
            loop {
                let code = PLACES[x].0;
                let clash = s.partners.iter().any(|&p| PARTNERS[p].code == code)
                    || (k == 1 && x == s.places[0]);
                if !clash {
                    break;
                }
                x = (x + 1) % PLACES.len();
            }
            s.places[k] = x;
            s.place_names[k] = vocab::country_name(PLACES[x].0);
        }
        s.partner_names = ["negara mitra"; 2];
        for (name, &p) in s.partner_names.iter_mut().zip(&s.partners) {
            *name = vocab::country_name(PARTNERS[p].code);
        }
        // Venue and dateline.
        s.venue = match (topic.counterpart, s.partners.first()) {
            (Counterpart::Org, _) if rng.random_bool(0.6) => ORGS[s.org.unwrap_or(0)].venue,
            (Counterpart::Country, Some(&p)) if rng.random_bool(0.3) => PARTNERS[p].capital,
            _ => s.city,
        };
        s.dateline = if PUBLISHERS[s.publisher].source == Some("Rakyat Contoh")
            || PUBLISHERS[s.publisher].source == Some("DC")
            || PUBLISHERS[s.publisher].source == Some("Kabar Contoh")
        {
            None
        } else {
            Some(s.venue)
        };

        // Title.
        let mut title = std::mem::take(&mut s.title);
        let tpl = pick(rng, topic.titles);
        s.expand(rng, tpl, &mut title, true);
        s.title = title;

        if self.dense {
            s.dense_body(rng, topic);
        } else {
            s.default_body(rng, topic, second, sidelines);
        }
        self.finish_url();
    }

    /// The URL of the current story: the publisher's host, a unique number, a slug of the
    /// title.
    fn finish_url(&mut self) {
        let s = &mut self.story;
        let publisher = &PUBLISHERS[s.publisher];
        s.url.push_str("https://");
        s.url.push_str(publisher.host);
        s.url
            .push_str(if publisher.source == Some("Harian Contoh") {
                "/read/"
            } else {
                "/berita/"
            });
        if publisher.source == Some("Harian Contoh") {
            let d = s.published;
            push_u32(&mut s.url, d.year() as u32);
            s.url.push('/');
            push_2(&mut s.url, d.month());
            s.url.push('/');
            push_2(&mut s.url, d.day());
            s.url.push('/');
        }
        let seed_tag = (xxhash_rust::xxh3::xxh3_64(&self.seed.to_le_bytes()) % 9000 + 1000) as u32;
        push_u32(&mut s.url, seed_tag);
        let count = self.count;
        for digit in format!("{count:08}").chars() {
            s.url.push(digit);
        }
        s.url.push('/');
        let mut dash = false;
        for c in s.title.chars() {
            if c.is_ascii_alphanumeric() {
                if dash && !s.url.ends_with('/') {
                    s.url.push('-');
                }
                dash = false;
                s.url.push(c.to_ascii_lowercase());
            } else {
                dash = true;
            }
        }
    }

    /// The ground-truth record of the current story.
    fn record(&self) -> Record<'_> {
        let s = &self.story;
        let mut partners: Vec<&'static str> =
            s.partners.iter().map(|&p| PARTNERS[p].code).collect();
        partners.sort_unstable();
        partners.dedup();
        let mut orgs: Vec<&'static str> = s.org.map_or(&[][..], |o| ORGS[o].codes).to_vec();
        orgs.sort_unstable();
        orgs.dedup();
        let mut mentioned = partners.clone();
        for (&used, &place) in s.place_used.iter().zip(&s.places) {
            if used {
                mentioned.push(PLACES[place].0);
            }
        }
        mentioned.sort_unstable();
        mentioned.dedup();
        if self.dense {
            // Like most scraped input: the partners and the year, nothing else detected.
            orgs.clear();
            mentioned.clear();
        }
        Record {
            id: stable_id(Some(&s.url), &s.body),
            url: &s.url,
            title: &s.title,
            body: &s.body,
            source: PUBLISHERS[s.publisher].source,
            published: s.published.format("%Y-%m-%d").to_string(),
            year: s.published.year(),
            partners,
            partner_orgs: orgs,
            mentioned_countries: mentioned,
            dateline: s.dateline,
        }
    }
}

impl Iterator for Generator {
    type Item = Article;

    /// Never ends: use [`Iterator::take`].
    fn next(&mut self) -> Option<Article> {
        Some(self.next_article())
    }
}

/// A number in `0..max` with a long tail (a few long articles, many short ones).
fn long_tail_f(rng: &mut ChaCha8Rng, max: f64) -> usize {
    let u: f64 = rng.random();
    (max * u.powf(2.2)) as usize
}

/// One JSON Lines record: the article with its ground truth, in the field names the JSONL
/// reader accepts.
#[derive(Serialize)]
struct Record<'a> {
    id: String,
    url: &'a str,
    title: &'a str,
    body: &'a str,
    source: Option<&'static str>,
    published: String,
    year: i32,
    partners: Vec<&'static str>,
    partner_orgs: Vec<&'static str>,
    mentioned_countries: Vec<&'static str>,
    dateline: Option<&'static str>,
}

fn out_err(e: std::io::Error) -> Error {
    Error::io("<output>", e)
}

/// Writes `opts.docs` articles as JSON Lines (one object a line with `id, url, title, body,
/// source, published, year, partners, partner_orgs, mentioned_countries, dateline`), buffered
/// and streaming. Returns the number of articles written.
///
/// ```
/// use telusur::generate::{write_jsonl, GenerateOptions};
/// let mut out = Vec::new();
/// let n = write_jsonl(&mut out, &GenerateOptions { docs: 3, seed: 1, dense: false }).unwrap();
/// assert_eq!(n, 3);
/// assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 3);
/// ```
pub fn write_jsonl<W: Write>(w: W, opts: &GenerateOptions) -> Result<usize> {
    let mut w = BufWriter::with_capacity(1 << 18, w);
    let mut g = Generator::with_options(opts);
    let mut line = Vec::with_capacity(16 * 1024);
    for _ in 0..opts.docs {
        g.fill();
        line.clear();
        serde_json::to_writer(&mut line, &g.record())?;
        line.push(b'\n');
        w.write_all(&line).map_err(out_err)?;
    }
    w.flush().map_err(out_err)?;
    Ok(opts.docs)
}

/// Writes `opts.docs` articles as scraped text files into `dir` (created if needed), one
/// `NNNNNNN_ID.txt` per article in the publishers' page formats (see `render_scraped`),
/// plus `truth.jsonl` with the ground truth of each file as the text shows it (`file`,
/// `id`, `url`, `title` (null where the page shows none), `source`, `dateline` (as written),
/// `published`, `year`, `partners`, `partner_orgs`, `mentioned_countries`). Returns the
/// number of articles written.
pub fn write_text_dir(dir: &Path, opts: &GenerateOptions) -> Result<usize> {
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let truth_path = dir.join("truth.jsonl");
    let truth_file = fs::File::create(&truth_path).map_err(|e| Error::io(&truth_path, e))?;
    let mut truth = BufWriter::new(truth_file);
    let mut g = Generator::with_options(opts);
    let mut name = String::with_capacity(40);
    for n in 0..opts.docs {
        let article = g.next_article();
        let scraped = render_scraped(&article, opts.seed);
        name.clear();
        name.push_str(&format!("{:07}_{}.txt", n, article.id));
        let path = dir.join(&name);
        fs::write(&path, scraped.text.as_bytes()).map_err(|e| Error::io(&path, e))?;
        let rec = TextTruth {
            file: &name,
            id: &article.id,
            url: article.url.as_deref(),
            title: scraped.title.as_deref(),
            source: article.meta.source.as_deref(),
            dateline: scraped.dateline.as_deref(),
            published: article
                .meta
                .published
                .map(|d| d.format("%Y-%m-%d").to_string()),
            year: article.meta.year,
            partners: &article.meta.partners,
            partner_orgs: &article.meta.partner_orgs,
            mentioned_countries: &article.meta.mentioned_countries,
        };
        serde_json::to_writer(&mut truth, &rec)?;
        truth
            .write_all(b"\n")
            .map_err(|e| Error::io(&truth_path, e))?;
    }
    truth.flush().map_err(|e| Error::io(&truth_path, e))?;
    Ok(opts.docs)
}

/// A line of `truth.jsonl` beside generated text files.
#[derive(Serialize)]
struct TextTruth<'a> {
    file: &'a str,
    id: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    source: Option<&'a str>,
    dateline: Option<&'a str>,
    published: Option<String>,
    year: Option<i32>,
    partners: &'a [String],
    partner_orgs: &'a [String],
    mentioned_countries: &'a [String],
}

#[cfg(test)]
mod tests;
