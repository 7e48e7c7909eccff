//! Runs the full Indonesian analyzer over the news-like text of the analysis bench, for profilers
//! (`valgrind --tool=callgrind`, `perf record`), or dumps every token it makes, to check that a
//! change to the analyzer keeps its output.
//!
//! ```sh
//! cargo run --release --example profile_analysis -- 50          # 50 passes over the text
//! cargo run --release --example profile_analysis -- 50 default  # tantivy's default analyzer
//! cargo run --release --example profile_analysis -- dump FILE.. # terms, positions, offsets
//! cargo run --release --example profile_analysis -- dump-all FILE.. # same, every configuration
//! ```
//!
//! `dump` analyses the bench text, a mixed text of hard cases (hyphens, apostrophes,
//! diacritics, compounds, stopwords, digits, emoji) and the given files with the default
//! analyzer; `dump-all` does the same with each configuration of the builder (query form, no
//! joined terms, stopwords or stemming off, no stem memo), under a `## name` header each.

use std::hint::black_box;
use std::io::{BufWriter, Write};

use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};
use telusur::analysis::AnalyzerBuilder;

#[path = "../benches/common/news_text.rs"]
mod news_text;

/// Pieces of the hard-case text, joined by random separators.
const PIECES: &[&str] = &[
    "Negara-negara",
    "kuasa-Mu",
    "RI–Jepang",
    "Jum'at",
    "Jum’at",
    "Gürbüz",
    "KERJASAMÁ",
    "bekerjasama",
    "ditandatangani",
    "menandatangani",
    "dalam",
    "negeri",
    "Dalam",
    "Negeri",
    "dalamnegeri",
    "yang",
    "dan",
    "di",
    "antiteror",
    "kontraterorisme",
    "nonmuslim",
    "prajurit",
    "88",
    "1.000,5",
    "U.S.A",
    "covid19",
    "e\u{301}te",
    "Straße",
    "İstanbul",
    "🙂",
    "—",
    "-",
    "--",
    "“kutip”",
    "a:b",
    "x_y",
    "sebesar-besarnya",
    "bahu-membahu",
    "anak-anaknya",
    "tembak-menembak",
    "berhari-hari",
    "sayur-mayur",
    "negara-negara-nya",
    "pertanggungjawaban",
    "penyelidikan",
    "menangkap",
    "terorisme",
    "teroris",
    "Densus",
    "BNPT",
    "kata",
    "ujarnya",
    "nya-nya",
    "Qurʼan",
    "pasca-serangan",
    "antar",
    "hakasasi",
    "tindaklanjut",
    "\u{200b}",
    "\u{feff}",
    "ﬁ",
    "ǅemal",
    "ΣΊΣΥΦΟΣ",
    "日本語",
    "x-\u{301}",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "bb-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    "memper-",
    "-nya",
    "Indonesia\u{2010}Tiongkok",
    "a\u{2212}b",
    "x\u{2013}\u{2013}y",
    "ke-2",
];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", "-", "\n", ", ", ". ", "'", "’", "\u{a0}", "", "/", "–",
];

fn hard_text() -> String {
    let mut state: u64 = 42;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut text = String::new();
    for _ in 0..200_000 {
        text.push_str(PIECES[next(PIECES.len())]);
        text.push_str(SEPARATORS[next(SEPARATORS.len())]);
    }
    text
}

fn dump(analyzer: &mut TextAnalyzer, text: &str, out: &mut impl Write) -> std::io::Result<()> {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            t.text, t.position, t.offset_from, t.offset_to, t.position_length
        )?;
    }
    Ok(())
}

/// The builder configurations `dump-all` goes through, by name.
fn configurations() -> Vec<(&'static str, AnalyzerBuilder)> {
    let new = AnalyzerBuilder::new;
    vec![
        ("index", new()),
        ("query", new().for_queries(true)),
        ("words", new().without_joined_compounds()),
        ("no_stopwords", new().stopwords(false)),
        (
            "no_stopwords_query",
            new().stopwords(false).for_queries(true),
        ),
        ("no_stemming", new().stemming(false)),
        ("no_stemming_query", new().stemming(false).for_queries(true)),
        ("plain", new().stopwords(false).stemming(false)),
        (
            "plain_words",
            new()
                .stopwords(false)
                .stemming(false)
                .without_joined_compounds(),
        ),
        ("no_memo", new().stem_cache_capacity(0)),
    ]
}

/// Dumps the tokens of each of `texts`.
fn dump_texts(
    analyzer: &mut TextAnalyzer,
    texts: &[String],
    out: &mut impl Write,
) -> std::io::Result<()> {
    for text in texts {
        dump(analyzer, text, out)?;
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut analyzer = AnalyzerBuilder::new().build().expect("embedded data");
    let text = news_text::news_text(300_000);
    let mode = args.first().map(String::as_str);
    if mode == Some("dump") || mode == Some("dump-all") {
        let mut texts = vec![text, hard_text()];
        for path in &args[1..] {
            texts.push(std::fs::read_to_string(path)?);
        }
        let mut out = BufWriter::new(std::io::stdout().lock());
        if mode == Some("dump") {
            dump_texts(&mut analyzer, &texts, &mut out)?;
        } else {
            for (name, builder) in configurations() {
                writeln!(out, "## {name}")?;
                let mut analyzer = builder.build().expect("embedded data");
                dump_texts(&mut analyzer, &texts, &mut out)?;
            }
        }
        return out.flush();
    }
    let passes: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(20);
    if args.get(1).map(String::as_str) == Some("default") {
        analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
    }
    let mut tokens = 0;
    for _ in 0..passes {
        let mut stream = analyzer.token_stream(&text);
        while stream.advance() {
            black_box(&stream.token().text);
            tokens += 1;
        }
    }
    println!(
        "{passes} passes, {} bytes, {tokens} tokens",
        text.len() * passes
    );
    Ok(())
}
