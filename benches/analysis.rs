//! Analysis throughput in bytes: the full Indonesian analyzer beside tantivy's default
//! (SimpleTokenizer + LowerCaser) on the same news-like text, generated here from our own
//! sentences and vocabulary (a few hundred KB, deterministic).
//!
//! Run: `cargo bench --bench analysis`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};
use telusur::analysis::AnalyzerBuilder;

const SUBJECTS: &[&str] = &[
    "Densus 88 Antiteror Polri",
    "Badan Nasional Penanggulangan Terorisme (BNPT)",
    "Kementerian Luar Negeri",
    "Menteri Dalam Negeri",
    "Kepolisian Daerah Sulawesi Tengah",
    "Pemerintah Indonesia",
    "Delegasi Australia",
    "Tim gabungan TNI-Polri",
    "Negara-negara anggota ASEAN",
    "Kejaksaan Agung",
];
const VERBS: &[&str] = &[
    "menangkap tiga terduga teroris yang diduga terlibat jaringan",
    "menandatangani nota kesepahaman kerjasama penanggulangan terorisme dengan",
    "bekerja sama dengan mitra internasional untuk memperkuat pertukaran informasi intelijen tentang",
    "menggelar pelatihan kontra-radikalisasi bagi aparat penegak hukum di wilayah",
    "menyita bahan peledak dan senjata api rakitan dari sebuah rumah kontrakan di",
    "mengungkapkan bahwa kelompok garis keras masih merekrut anggota baru melalui media sosial di",
    "meminta masyarakat tidak terprovokasi oleh propaganda kelompok radikal di",
    "bertanggung jawab atas program deradikalisasi mantan narapidana terorisme di",
];
const PLACES: &[&str] = &[
    "Poso",
    "Bima",
    "Makassar",
    "Surabaya",
    "Jakarta Selatan",
    "Canberra",
    "Manila",
    "Kuala Lumpur",
    "Marawi",
    "Jawa Barat",
    "Tiongkok",
    "Jepang",
];
const TAILS: &[&str] = &[
    "pada Selasa (12/3) malam.",
    "sebagaimana disampaikan juru bicara kepolisian kepada wartawan.",
    "dalam rangka tindak lanjut pertemuan bilateral tahun lalu.",
    "“Kami tidak akan memberi ruang bagi terorisme,” ujarnya.",
    "— sebuah langkah yang disambut baik oleh negara-negara tetangga.",
    "setelah penyelidikan selama berbulan-bulan oleh aparat keamanan.",
    "sesuai dengan ketentuan hukum yang berlaku di Indonesia.",
];

/// Deterministic news-like text of about `target` bytes (a small LCG picks the parts).
fn news_text(target: usize) -> String {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut text = String::with_capacity(target + 512);
    while text.len() < target {
        text.push_str(SUBJECTS[next(SUBJECTS.len())]);
        text.push(' ');
        text.push_str(VERBS[next(VERBS.len())]);
        text.push(' ');
        text.push_str(PLACES[next(PLACES.len())]);
        text.push(' ');
        text.push_str(TAILS[next(TAILS.len())]);
        text.push(if next(5) == 0 { '\n' } else { ' ' });
    }
    text
}

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        black_box(&stream.token().text);
        n += 1;
    }
    n
}

fn bench_analysis(c: &mut Criterion) {
    let text = news_text(300_000);
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);

    let mut default = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build();
    group.bench_function("tantivy_default", |b| {
        b.iter(|| count_tokens(&mut default, black_box(&text)))
    });

    let mut full = AnalyzerBuilder::new().build().expect("embedded data");
    group.bench_function("telusur_full", |b| {
        b.iter(|| count_tokens(&mut full, black_box(&text)))
    });

    let mut no_stem = AnalyzerBuilder::new()
        .stemming(false)
        .build()
        .expect("embedded data");
    group.bench_function("telusur_no_stem", |b| {
        b.iter(|| count_tokens(&mut no_stem, black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);
