//! End-to-end: the Indonesian analyzer registered in a tantivy index, queried through tantivy's
//! `QueryParser` as the search layer does. Each fixture sentence is written for the case it
//! tests (named in the test).

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, TantivyDocument};
use telusur::analysis::{self, ANALYZER_NAME};
use telusur::analysis::{Lexicon, Stemmer};

struct Fixture {
    index: Index,
    id: Field,
    body: Field,
}

const DOCS: &[(&str, &str)] = &[
    // Closed compounds, each in one document, open spellings in others.
    (
        "closed-kerjasama",
        "Kedua negara sepakat memperluas kerjasama pencegahan terorisme.",
    ),
    (
        "open-kerja-sama",
        "Polri dan AFP menjalin kerja sama baru di bidang forensik.",
    ),
    (
        "affixed-bekerjasama",
        "BNPT bekerjasama dengan lembaga pendidikan di Jawa Timur.",
    ),
    (
        "open-bekerja-sama",
        "Densus 88 bekerja sama dengan kepolisian Filipina.",
    ),
    (
        "ditandatangani",
        "Nota kesepahaman itu ditandatangani di Canberra pekan lalu.",
    ),
    (
        "tanda-tangan",
        "Kedua menteri membubuhkan tanda tangan pada dokumen tersebut.",
    ),
    (
        "tanggungjawab",
        "Kelompok itu menyatakan bertanggungjawab atas ledakan di pasar.",
    ),
    (
        "dalam-negeri",
        "Menteri Dalam Negeri meminta pemerintah daerah waspada.",
    ),
    (
        "luar-negeri",
        "Kementerian Luar Negeri memanggil duta besar negara tetangga.",
    ),
    // Reduplication and a phrase across a stopword.
    (
        "negara-negara",
        "Negara-negara anggota ASEAN bertukar data intelijen.",
    ),
    (
        "phrase-gap",
        "Tersangka ditangkap di Poso pada Selasa malam.",
    ),
    (
        "hyphen-compound",
        "Latihan bersama Indonesia-Tiongkok digelar di perairan Natuna.",
    ),
    (
        "kontra",
        "Program kontra-radikalisasi menyasar mantan narapidana.",
    ),
    // Reduplication written three ways, and a repeated meN- verb that keeps its nasal.
    (
        "redup-hyphen",
        "Forum itu berbagi praktik-praktik terbaik deradikalisasi.",
    ),
    (
        "redup-space",
        "Negara negara sahabat mengirim pengamat ke sidang itu.",
    ),
    ("redup-digit", "Wakil negara2 donor hadir di Bali."),
    (
        "redup-nasal",
        "Pelaku menyebut-nyebut nama kelompoknya di video.",
    ),
    ("unrelated", "Harga beras naik menjelang hari raya."),
    // Multi-byte text for snippets.
    (
        "multibyte",
        "“Kami menolak kekerasan,” kata Gürbüz — warga Turki — di Jakarta 🙂.",
    ),
];

fn fixture() -> Fixture {
    let mut schema = Schema::builder();
    let id = schema.add_text_field("id", STRING | STORED);
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let body = schema.add_text_field(
        "body",
        TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored(),
    );
    let index = Index::create_in_ram(schema.build());
    analysis::register(&index);
    let mut writer = index.writer(15_000_000).expect("writer");
    for (key, text) in DOCS {
        writer
            .add_document(doc!(id => *key, body => *text))
            .expect("add");
    }
    writer.commit().expect("commit");
    Fixture { index, id, body }
}

impl Fixture {
    fn hits(&self, query: &str) -> Vec<String> {
        let searcher = self.index.reader().expect("reader").searcher();
        let parser = QueryParser::new(
            self.index.schema(),
            vec![self.body],
            analysis::query_tokenizers(),
        );
        let q = parser
            .parse_query(query)
            .unwrap_or_else(|e| panic!("{query}: {e}"));
        let mut keys: Vec<String> = searcher
            .search(&q, &TopDocs::with_limit(100).order_by_score())
            .expect("search")
            .into_iter()
            .map(|(_, addr)| {
                let d: TantivyDocument = searcher.doc(addr).expect("doc");
                d.get_first(self.id)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        keys.sort();
        keys
    }
}

fn sorted(keys: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = keys.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn closed_and_open_spellings_find_the_same_documents() {
    let f = fixture();
    let cooperation = sorted(&[
        "closed-kerjasama",
        "open-kerja-sama",
        "affixed-bekerjasama",
        "open-bekerja-sama",
    ]);
    // A single closed word (becomes a phrase), an open phrase, and the words unquoted (AND).
    for query in ["kerjasama", "\"kerja sama\"", "+kerja +sama"] {
        let hits = f.hits(query);
        for key in ["closed-kerjasama", "open-kerja-sama"] {
            assert!(hits.contains(&key.to_string()), "{query}: {hits:?}");
        }
        assert!(
            hits.iter().all(|h| cooperation.contains(h)),
            "{query}: {hits:?}"
        );
    }
    assert_eq!(f.hits("kerjasama"), f.hits("\"kerja sama\""));
    assert_eq!(f.hits("bekerjasama"), f.hits("\"bekerja sama\""));
    assert!(f
        .hits("bekerjasama")
        .contains(&"affixed-bekerjasama".to_string()));
    assert!(f
        .hits("bekerjasama")
        .contains(&"open-bekerja-sama".to_string()));
    // Once the stemmer takes `ber-` off (`bekerja` → `kerja`), all four spellings meet.
    let stemmer = Stemmer::new(Lexicon::embedded());
    if stemmer.stem("bekerja") == "kerja" {
        assert_eq!(f.hits("kerjasama"), cooperation);
        assert_eq!(f.hits("bekerjasama"), cooperation);
        assert_eq!(f.hits("\"kerja sama\""), cooperation);
    }

    // `ditandatangani` is `tandatangan` with di-…-i: the signing and the signature meet.
    let signing = sorted(&["ditandatangani", "tanda-tangan"]);
    assert_eq!(f.hits("\"tanda tangan\""), signing);
    assert_eq!(f.hits("tandatangan"), signing);
    assert_eq!(f.hits("menandatangani"), signing);
    assert_eq!(f.hits("bertanggungjawab"), f.hits("\"bertanggung jawab\""));
    assert_eq!(f.hits("bertanggungjawab"), sorted(&["tanggungjawab"]));
}

#[test]
fn stopword_inside_a_compound_is_searchable() {
    let f = fixture();
    assert_eq!(f.hits("\"dalam negeri\""), sorted(&["dalam-negeri"]));
    assert_eq!(f.hits("dalamnegeri"), sorted(&["dalam-negeri"]));
    assert_eq!(f.hits("\"luar negeri\""), sorted(&["luar-negeri"]));
    // `negeri` alone finds both.
    assert_eq!(f.hits("negeri"), sorted(&["dalam-negeri", "luar-negeri"]));
}

#[test]
fn phrase_across_a_removed_stopword() {
    let f = fixture();
    // `di` is removed at index and query time; the gap is the same, so the phrase matches.
    assert_eq!(f.hits("\"ditangkap di Poso\""), sorted(&["phrase-gap"]));
    // A different word in the gap still counts as one position.
    assert_eq!(f.hits("\"ditangkap ke Poso\""), sorted(&["phrase-gap"]));
    // Without the gap, no match: positions are real.
    assert!(f.hits("\"ditangkap Poso\"").is_empty());
    assert!(f.hits("\"Poso ditangkap\"").is_empty());
}

#[test]
fn reduplication_hyphen_compounds_and_numbers() {
    let f = fixture();
    assert!(f.hits("negara").contains(&"negara-negara".to_string()));
    assert_eq!(f.hits("\"negara anggota\""), sorted(&["negara-negara"]));
    assert_eq!(
        f.hits("\"indonesia tiongkok\""),
        sorted(&["hyphen-compound"])
    );
    assert_eq!(f.hits("tiongkok"), sorted(&["hyphen-compound"]));
    assert_eq!(f.hits("\"kontra radikalisasi\""), sorted(&["kontra"]));
    assert_eq!(f.hits("\"densus 88\""), sorted(&["open-bekerja-sama"]));
    assert_eq!(f.hits("gurbuz"), sorted(&["multibyte"]));
    assert_eq!(f.hits("GÜRBÜZ"), sorted(&["multibyte"]));
}

/// Text and phrase query meet however the reduplication is written: with a hyphen, repeated
/// with a space (as people type it), or with the digit 2; the single word finds them too.
#[test]
fn reduplication_meets_in_phrases_however_it_is_written() {
    let f = fixture();
    for q in [
        "\"praktik praktik terbaik\"",
        "\"praktik-praktik terbaik\"",
        "\"praktik2 terbaik\"",
        "\"praktik terbaik\"",
    ] {
        assert_eq!(f.hits(q), sorted(&["redup-hyphen"]), "{q}");
    }
    for q in [
        "\"negara negara sahabat\"",
        "\"negara-negara sahabat\"",
        "\"negara2 sahabat\"",
        "\"negara sahabat\"",
    ] {
        assert_eq!(f.hits(q), sorted(&["redup-space"]), "{q}");
    }
    for q in [
        "\"negara negara donor\"",
        "\"negara-negara donor\"",
        "\"negara2 donor\"",
    ] {
        assert_eq!(f.hits(q), sorted(&["redup-digit"]), "{q}");
    }
    // The repetition is not a word of its own: a phrase with "negara negara" finds the
    // hyphenated text of another document.
    assert_eq!(
        f.hits("\"negara negara anggota\""),
        sorted(&["negara-negara"])
    );
    // menyebut-nyebut is sebut: the root and the other forms of the verb find it.
    for q in [
        "sebut",
        "disebut",
        "\"menyebut nama\"",
        "\"menyebut-nyebut nama\"",
    ] {
        assert_eq!(f.hits(q), sorted(&["redup-nasal"]), "{q}");
    }
}

#[test]
fn snippet_offsets_are_valid_and_highlight_the_words() {
    let f = fixture();
    let searcher = f.index.reader().expect("reader").searcher();
    let parser = QueryParser::new(f.index.schema(), vec![f.body], analysis::query_tokenizers());
    for (query, key, highlighted) in [
        ("gurbuz", "multibyte", "Gürbüz"),
        ("jakarta", "multibyte", "Jakarta"),
        ("negara", "negara-negara", "Negara-negara"),
        ("tiongkok", "hyphen-compound", "Tiongkok"),
        ("kerjasama", "closed-kerjasama", "kerjasama"),
    ] {
        let q = parser.parse_query(query).expect("query");
        let generator = SnippetGenerator::create(&searcher, &*q, f.body).expect("generator");
        let text = DOCS.iter().find(|(k, _)| *k == key).expect("doc").1;
        let snippet = generator.snippet(text);
        assert!(!snippet.highlighted().is_empty(), "{query}");
        let fragment = snippet.fragment();
        let words: Vec<&str> = snippet
            .highlighted()
            .iter()
            .map(|r| {
                assert!(fragment.is_char_boundary(r.start) && fragment.is_char_boundary(r.end));
                &fragment[r.start..r.end]
            })
            .collect();
        let joined: String = if words.len() > 1 {
            // Adjacent highlights (the two halves of a split compound) join up.
            words.concat()
        } else {
            words[0].to_string()
        };
        assert_eq!(joined, highlighted, "{query}");
        assert!(snippet.to_html().contains("<b>"), "{query}");
    }
}

/// `telusur analyze --words` is how the stemmer is scored: one output line per input line,
/// stopwords kept, empty line for a word with no terms, all lines flushed.
#[test]
fn cli_words_mode_gives_one_line_per_word() {
    let output = assert_cmd::Command::cargo_bin("telusur")
        .expect("binary")
        .args(["analyze", "--words", "--no-stem"])
        .write_stdin("Yang\nkerjasama\n\n—\nkuasa-Mu\nGürbüz\r\nnegara-negara")
        .output()
        .expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        ["yang", "kerja sama", "", "", "kuasa", "gurbuz", "negara"]
    );
}

/// The table names each term with its position and byte offsets; `--json` is one document.
#[test]
fn cli_table_and_json() {
    let output = assert_cmd::Command::cargo_bin("telusur")
        .expect("binary")
        .args(["analyze", "--no-stem", "--json", "Polisi di “Poso”"])
        .output()
        .expect("run");
    assert!(output.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let terms = doc["terms"].as_array().expect("terms");
    assert_eq!(terms.len(), 2);
    assert_eq!(terms[1]["term"], "poso");
    assert_eq!(terms[1]["position"], 2);
    assert_eq!(terms[1]["offset_from"], 13);
    assert_eq!(terms[1]["offset_to"], 17);
    assert_eq!(terms[1]["source"], "Poso");

    let output = assert_cmd::Command::cargo_bin("telusur")
        .expect("binary")
        .args(["analyze", "--stopwords", "/nonexistent/stop.txt", "x"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/stop.txt"));
}
