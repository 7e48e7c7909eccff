//! Copies made the way portals make them, and stories on the same event written anew: a
//! corpus with known truth for measuring the clustering (`examples/dedup_eval.rs`, tests).
//!
//! [`portal_copy`] takes an article and returns what a republishing portal would print:
//! its own header line and footer, the lead sentence rewritten, paragraphs dropped or two of
//! them swapped, "Baca juga" related-link lines inserted, a few typos, a headline of its own.
//! [`same_event`] writes another reporter's story of the same event: the same facts (names,
//! places, numbers, the headline words), in other sentences.
//!
//! Deterministic: the same article and seed give the same copy.
//!
//! ```
//! use telusur::dedup::synth::{portal_copy, same_event};
//! use telusur::dedup::{is_copy, Signature};
//! use telusur::generate::Generator;
//! let original = Generator::new(3).next_article();
//! let copy = portal_copy(&original, 1);
//! assert_ne!(copy.body, original.body);
//! assert!(is_copy(&Signature::of(&original.body), &Signature::of(&copy.body)).is_some());
//! let other = same_event(&original, 1);
//! assert!(is_copy(&Signature::of(&original.body), &Signature::of(&other.body)).is_none());
//! ```

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::article::{Article, Metadata};

/// Portals that republish, with the header and footer lines they add.
const PORTALS: &[(&str, &str, &str)] = &[
    (
        "SuaraDaerah",
        "SUARADAERAH.COM, JAKARTA —",
        "Editor: Redaksi SuaraDaerah. Ikuti kami di media sosial untuk kabar terbaru.",
    ),
    (
        "KabarNusantara",
        "KabarNusantara.id —",
        "(kn/red) Artikel ini telah tayang sebelumnya dengan judul yang sama.",
    ),
    (
        "PortalBerita",
        "Portal Berita Online, Jakarta:",
        "Simak berita dan artikel lainnya di Google News. Hak cipta dilindungi undang-undang.",
    ),
    (
        "WartaSatu",
        "WARTASATU —",
        "Pewarta: Tim Warta Satu | Penyunting: Redaksi",
    ),
];

/// Related-link lines, as portals put them between paragraphs.
const RELATED: &[&str] = &[
    "Baca juga: Polisi amankan puluhan kendaraan dalam operasi lalu lintas",
    "Baca Juga: Harga cabai naik menjelang akhir pekan di pasar tradisional",
    "BACA JUGA: Gempa kecil guncang wilayah selatan, tidak ada korban",
    "Baca juga: Tim sepak bola daerah lolos ke babak final turnamen",
    "Artikel terkait: Jadwal pemadaman listrik bergilir pekan depan",
];

/// Openings of a rewritten lead sentence.
const LEADS: &[&str] = &[
    "Dalam perkembangan terbaru, pemerintah melaporkan",
    "Kabar ini disampaikan resmi oleh pejabat terkait, yang menyebut",
    "Sebagaimana diberitakan sebelumnya, pihak berwenang menjelaskan",
    "Menurut keterangan yang diterima redaksi,",
];

fn paragraphs(body: &str) -> Vec<String> {
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// A typo: two neighbouring letters of one word swapped, or a letter dropped.
fn typo(text: &mut String, rng: &mut ChaCha8Rng) {
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| w.len() >= 5 && w.is_ascii())
        .collect();
    if words.is_empty() {
        return;
    }
    let (start, word) = words[rng.random_range(0..words.len())];
    let mut bytes = word.as_bytes().to_vec();
    let i = rng.random_range(1..bytes.len() - 1);
    if rng.random_bool(0.5) {
        bytes.swap(i, i + 1);
    } else {
        bytes.remove(i);
    }
    let new = String::from_utf8(bytes).unwrap_or_else(|_| word.to_string());
    text.replace_range(start..start + word.len(), &new);
}

/// What a portal republishing `a` prints (see the module docs). `seed` picks the portal
/// and the edits.
pub fn portal_copy(a: &Article, seed: u64) -> Article {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ crate::dedup::own_story(&a.id));
    let (portal, header, footer) = PORTALS[rng.random_range(0..PORTALS.len())];
    let mut paras = paragraphs(&a.body);
    // The lead sentence rewritten: its first clause replaced by the portal's own words.
    if let Some(first) = paras.first_mut() {
        let cut = first
            .find(". ")
            .map_or(first.len(), |i| i + 1)
            .min(first.len());
        let lead = &first[..cut];
        let words: Vec<&str> = lead.split_whitespace().collect();
        let keep = words.len() / 2;
        let rewritten = format!(
            "{} {}",
            LEADS[rng.random_range(0..LEADS.len())],
            words[keep..].join(" ")
        );
        *first = format!("{rewritten}{}", &first[cut..]);
    }
    // Paragraphs dropped (never the first), up to a third of them.
    if paras.len() > 3 {
        let drop = rng.random_range(0..=paras.len() / 3);
        for _ in 0..drop {
            let i = rng.random_range(1..paras.len());
            paras.remove(i);
        }
    }
    // Two paragraphs after the lead swapped.
    if paras.len() > 3 && rng.random_bool(0.5) {
        let i = rng.random_range(1..paras.len() - 1);
        paras.swap(i, i + 1);
    }
    // Related-link lines between paragraphs.
    let links = rng.random_range(1..=3);
    for _ in 0..links {
        let at = rng.random_range(1..=paras.len());
        paras.insert(at, RELATED[rng.random_range(0..RELATED.len())].to_string());
    }
    let mut body = format!("{header} {}", paras.join("\n\n"));
    for _ in 0..rng.random_range(1..=4) {
        typo(&mut body, &mut rng);
    }
    body.push_str("\n\n");
    body.push_str(footer);
    Article {
        id: String::new(),
        path: None,
        url: Some(format!(
            "https://{}.example/read/{}-{seed}",
            portal.to_ascii_lowercase(),
            a.id
        )),
        body,
        meta: Metadata {
            title: a.meta.title.as_ref().map(|t| format!("{t} | {portal}")),
            source: Some(portal.to_string()),
            ..a.meta.clone()
        },
    }
}

/// Parts of a second reporter's sentences: an opening, a verb phrase before the fact, a
/// closing; drawn at random, so that two such stories share the facts, not the sentences.
const OPENINGS: &[&str] = &[
    "Wartawan kami di lokasi",
    "Sejumlah pengamat",
    "Seorang peserta yang enggan disebut namanya",
    "Panitia acara",
    "Beberapa warga sekitar",
    "Sumber di lingkungan kementerian",
    "Seorang akademisi yang dihubungi terpisah",
    "Juru bicara lembaga itu",
    "Redaksi",
    "Peneliti lembaga kajian keamanan",
    "Anggota dewan dari komisi terkait",
    "Pengurus organisasi masyarakat",
];
const VERBS: &[&str] = &[
    "menyebut bahwa",
    "mencatat",
    "menyoroti",
    "mengingatkan soal",
    "mempertanyakan",
    "memuji langkah terkait",
    "menilai penting",
    "menggarisbawahi",
    "meminta kejelasan tentang",
    "mengonfirmasi",
    "membenarkan kabar mengenai",
    "belum bersedia mengomentari",
];
const CLOSINGS: &[&str] = &[
    "saat dihubungi sore itu",
    "dalam wawancara singkat",
    "seusai acara berakhir",
    "melalui pesan tertulis",
    "ketika ditemui di lobi gedung",
    "dalam diskusi terbatas",
    "kepada sejumlah media",
    "sambil menunjukkan dokumen",
    "di sela rehat siang",
    "dengan nada hati-hati",
    "menjelang malam",
    "pada kesempatan berbeda",
];

/// Another reporter's story of the event `a` reports: the same facts (capitalised words,
/// numbers, the headline), one quotation of the original word for word (both reporters
/// heard the same official), and sentences of its own.
pub fn same_event(a: &Article, seed: u64) -> Article {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ crate::dedup::own_story(&a.id) ^ 0x5e);
    // The facts: runs of capitalised words and numbers of the original, in order.
    let mut facts: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for w in a.body.split_whitespace() {
        let clean = w.trim_matches(|c: char| !c.is_alphanumeric());
        let fact = clean
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if fact {
            run.push(clean);
        } else if !run.is_empty() {
            facts.push(run.join(" "));
            run.clear();
        }
    }
    if !run.is_empty() {
        facts.push(run.join(" "));
    }
    facts.dedup();
    if let Some(t) = &a.meta.title {
        facts.insert(0, t.clone());
    }
    let pick = |rng: &mut ChaCha8Rng, list: &[&'static str]| list[rng.random_range(0..list.len())];
    let mut paras = Vec::new();
    for chunk in facts.chunks(3) {
        let sentences: Vec<String> = chunk
            .iter()
            .map(|fact| {
                format!(
                    "{} {} {} {}.",
                    pick(&mut rng, OPENINGS),
                    pick(&mut rng, VERBS),
                    fact,
                    pick(&mut rng, CLOSINGS)
                )
            })
            .collect();
        paras.push(sentences.join(" "));
    }
    // One quotation of the original, word for word.
    if let Some(quote) = a
        .body
        .split("\n\n")
        .find(|p| p.trim_start().starts_with('"'))
    {
        let at = rng.random_range(0..=paras.len());
        paras.insert(at, quote.trim().to_string());
    }
    Article {
        id: String::new(),
        path: None,
        url: Some(format!("https://reporter-two.example/{}-{seed}", a.id)),
        body: paras.join("\n\n"),
        meta: Metadata {
            source: Some("ReporterDua".into()),
            ..a.meta.clone()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::Generator;

    #[test]
    fn copies_differ_from_the_original_and_are_deterministic() {
        let mut g = Generator::new(11);
        for _ in 0..20 {
            let a = g.next_article();
            let c = portal_copy(&a, 4);
            assert_eq!(c, portal_copy(&a, 4));
            assert_ne!(c.body, a.body);
            // Related links inserted (their first word is too short for a typo), the
            // portal's footer last.
            let lower = c.body.to_lowercase();
            assert!(
                lower.contains("\nbaca ") || lower.contains("\nartikel"),
                "{lower}"
            );
            assert!(PORTALS
                .iter()
                .any(|(_, _, footer)| c.body.ends_with(footer)));
            assert_ne!(c.meta.source, a.meta.source);
            let s = same_event(&a, 4);
            assert_eq!(s, same_event(&a, 4));
            assert!(!s.body.is_empty());
        }
    }
}
