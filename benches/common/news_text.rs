//! Deterministic news-like text for the analysis bench and `examples/profile_analysis.rs`: our own
//! sentences and vocabulary (no article text), picked by a small LCG.

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
pub fn news_text(target: usize) -> String {
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
