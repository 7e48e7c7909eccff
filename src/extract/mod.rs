//! Metadata from scraped article text: cleaning, title, source, dateline, date, partners.
//!
//! The pipeline, usable as a whole ([`extract`], [`extract_with`]) or stage by stage:
//! 1. `clean::clean` splits the page into header, story and footer, dropping site chrome,
//!    captions and related-link lines;
//! 2. `headline` reads the dateline (city and publisher) and the headline;
//! 3. `dates::infer` reads the publication date from header, story, footer and URL;
//! 4. [`partners::detect`] finds the counterpart countries and organisations in the story.
//!
//! ```
//! use telusur::extract::extract;
//! let page = "Polisi dan Jaksa Bahas Keamanan Pelabuhan\n\nJakarta (ANTARA) - Polisi dan jaksa membahas pengamanan pelabuhan penumpang di ibu kota pada Senin.\n\nBaca juga: Kabar Lain dari Kota Lain";
//! let ex = extract(page, None);
//! assert_eq!(ex.meta.title.as_deref(), Some("Polisi dan Jaksa Bahas Keamanan Pelabuhan"));
//! assert_eq!(ex.meta.source.as_deref(), Some("ANTARA"));
//! assert_eq!(ex.meta.dateline.as_deref(), Some("Jakarta"));
//! assert!(!ex.body.contains("Baca juga"));
//! ```

pub(crate) mod clean;
pub(crate) mod dates;
pub mod gazetteer;
pub(crate) mod headline;

pub use headline::publisher;
pub mod partners;

use crate::article::Metadata;

/// The result of extracting one article's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The story text, cleaned of site chrome, related-link lines and credits.
    pub body: String,
    /// Everything that could be extracted.
    pub meta: Metadata,
}

/// Extracts metadata from the raw text of one scraped article (`url` helps with source and date).
pub fn extract(raw: &str, url: Option<&str>) -> Extracted {
    extract_with(raw, url, &Metadata::default())
}

/// Like [`extract`], with metadata already known (from a JSON Lines record, say): every field
/// set in `known` wins over extraction and is not extracted (a known title is still used for
/// partner detection); every field not set is extracted. Evidence for a known field is
/// `"given"`.
///
/// ```
/// use telusur::{extract::extract_with, Metadata};
/// let known = Metadata { year: Some(2019), source: Some("Kompas".into()), ..Metadata::default() };
/// let ex = extract_with("JAKARTA, KOMPAS.com - Polisi membahas pengamanan pelabuhan pada Senin pagi.", None, &known);
/// assert_eq!(ex.meta.year, Some(2019));
/// assert_eq!(ex.meta.evidence["year"], "given");
/// assert_eq!(ex.meta.dateline.as_deref(), Some("JAKARTA"));
/// ```
pub fn extract_with(raw: &str, url: Option<&str>, known: &Metadata) -> Extracted {
    let cleaned = clean::clean(raw);
    let mut meta = known.clone();
    let ev = &mut meta.evidence;
    for (field, set) in [
        ("title", known.title.is_some()),
        ("source", known.source.is_some()),
        ("dateline", known.dateline.is_some()),
        ("published", known.published.is_some()),
        ("year", known.year.is_some()),
        ("partners", !known.partners.is_empty()),
        ("partner_orgs", !known.partner_orgs.is_empty()),
        ("mentioned_countries", !known.mentioned_countries.is_empty()),
    ] {
        if set {
            ev.entry(field.to_string())
                .or_insert_with(|| "given".to_string());
        }
    }

    // Title: the headline among the header lines.
    if known.title.is_none() {
        let header: Vec<&str> = cleaned.header.iter().map(String::as_str).collect();
        if let Some((i, t)) = headline::title_in(&header, &cleaned.header_joined) {
            ev.insert("title".into(), format!("header line {}", i + 1));
            meta.title = Some(t);
        }
    }

    // Dateline city and source. A "city" the address spells is the publisher's house name
    // (`TOTHEPOINT –` on `tothepoint.id`).
    let mut dateline = cleaned.dateline.clone();
    if let (Some(d), Some(u)) = (dateline.as_mut(), url) {
        if d.source.is_none()
            && d.city
                .as_deref()
                .is_some_and(|c| headline::names_the_host(c, u))
        {
            d.source = d.city.take();
        }
    }
    let dl = dateline.as_ref();
    if known.dateline.is_none() {
        if let Some(city) = dl.and_then(|d| d.city.clone()) {
            ev.insert(
                "dateline".into(),
                format!("dateline '{}'", dl.map_or("", |d| d.text.as_str())),
            );
            meta.dateline = Some(city);
        }
    }
    if known.source.is_none() {
        if let Some((s, why)) = find_source(&cleaned, dl, url) {
            ev.insert("source".into(), why);
            meta.source = Some(s);
        }
    }

    // Date and year.
    // A given year or date wins and is not redone (a given year without a date leaves the
    // date unknown rather than paying for inference whose year would be thrown away).
    if known.published.is_none() && known.year.is_none() {
        let header = cleaned.header_text();
        let body = cleaned.body();
        let footer = cleaned.footer_text();
        let input = dates::DateInput {
            header: &header,
            body: &body,
            footer: &footer,
            url,
        };
        if let Some(p) = dates::infer(&input) {
            let consistent = known.year.is_none_or(|y| Some(y) == p.year);
            if known.published.is_none() && consistent {
                if let Some(d) = p.date {
                    meta.published = Some(d);
                    ev.insert("published".into(), p.evidence.clone());
                }
            }
            if known.year.is_none() {
                // An unknown year keeps its evidence: the candidates nothing decided between.
                meta.year = p.year;
                ev.insert("year".into(), p.evidence);
            }
        }
    }
    if meta.year.is_none() {
        if let Some(d) = meta.published {
            use chrono::Datelike;
            meta.year = Some(d.year());
            ev.insert("year".into(), "from the given date".into());
        }
    }

    // Partners: the story without its dateline and without related links or captions.
    let need_partners = known.partners.is_empty()
        || known.partner_orgs.is_empty()
        || known.mentioned_countries.is_empty();
    if need_partners {
        let story = cleaned.story_without_dateline();
        let found = partners::detect(meta.title.as_deref(), &story);
        if known.partners.is_empty() {
            meta.partners = found.partners;
        }
        if known.partner_orgs.is_empty() {
            meta.partner_orgs = found.partner_orgs;
        }
        if known.mentioned_countries.is_empty() {
            meta.mentioned_countries = found.mentioned;
        }
        if known.partners.is_empty() && !meta.partners.is_empty() {
            let why = if found.evidence.is_empty() {
                "story text".to_string()
            } else {
                found.evidence.join("; ")
            };
            meta.evidence.insert("partners".into(), why);
        }
        if known.partner_orgs.is_empty() && !meta.partner_orgs.is_empty() {
            let lines: Vec<&str> = found
                .evidence
                .iter()
                .filter(|e| meta.partner_orgs.iter().any(|o| e.contains(o.as_str())))
                .map(String::as_str)
                .collect();
            let why = if lines.is_empty() {
                "story text".to_string()
            } else {
                lines.join("; ")
            };
            meta.evidence.insert("partner_orgs".into(), why);
        }
        if known.mentioned_countries.is_empty() && !meta.mentioned_countries.is_empty() {
            meta.evidence.insert(
                "mentioned_countries".into(),
                "country names in the title and story (related links and captions excluded)".into(),
            );
        }
    }
    // A partner is always a mentioned country too (given partners may not be named in the text).
    if !known.partners.is_empty() && known.mentioned_countries.is_empty() {
        for p in &known.partners {
            if !meta.mentioned_countries.contains(p) {
                meta.mentioned_countries.push(p.clone());
            }
        }
        meta.mentioned_countries.sort();
    }
    Extracted {
        body: cleaned.body(),
        meta,
    }
}

/// The largest char boundary of `s` at or below `i` (`i` clamped to its length): what
/// `str::floor_char_boundary` does, which the crate's minimum Rust (1.85) does not have.
pub(crate) fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i` (`i` clamped to its length).
pub(crate) fn ceil_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The publisher: the dateline's, else the URL host's, else a known publisher named by a header
/// date line (`Kompas.com - 14/04/2022`) or byline (`| by BNPT`), a site address after the
/// headline (`Judul Berita - situs.com |`), or a copyright footer (`Copyright © ANTARA 2022`).
fn find_source(
    cleaned: &clean::Cleaned,
    dateline: Option<&headline::Dateline>,
    url: Option<&str>,
) -> Option<(String, String)> {
    if let Some(d) = dateline {
        if let Some(s) = &d.source {
            return Some((s.clone(), format!("dateline '{}'", d.text)));
        }
    }
    if let Some(u) = url {
        if let Some(s) = headline::from_url(u) {
            // A host the publisher table does not know reads better as the page spells it
            // (in the chrome around the story or its dateline: a record's story alone is not
            // searched).
            if s.contains('.') || u.contains(".go.id") {
                let lines = cleaned
                    .header
                    .iter()
                    .chain(cleaned.dateline.as_ref().map(|d| &d.text))
                    .chain(&cleaned.footer)
                    .map(String::as_str);
                if let Some(name) = headline::host_spelled(u, lines) {
                    return Some((name, format!("URL host of '{u}', as the page spells it")));
                }
            }
            return Some((s, format!("URL host of '{u}'")));
        }
    }
    for line in &cleaned.header {
        // A site name on its own line (`detikNews`, `CNN Indonesia`).
        if line.split_whitespace().count() <= 3 {
            if let Some(p) = headline::publisher_exact(line) {
                return Some((p.to_string(), format!("header line '{line}'")));
            }
        }
        // A byline: `Nama Penulis - detikNews`, `Nama - Bisnis.com 10 Januari 2020`.
        if let Some((who, site)) = line.rsplit_once(" - ") {
            let site: Vec<&str> = site.split_whitespace().take(2).collect();
            let names = [
                site.join(" "),
                site.first().map_or(String::new(), |s| s.to_string()),
            ];
            if (1..=4).contains(&who.split_whitespace().count()) {
                if let Some(p) = names.iter().find_map(|n| headline::publisher_exact(n)) {
                    return Some((p.to_string(), format!("byline '{line}'")));
                }
            }
        }
        // `Kamis, 3 September 2020 | by BNPT`: a known publisher as author.
        for part in line.split('|') {
            let part = part.trim();
            if let Some(name) = part
                .strip_prefix("by ")
                .or_else(|| part.strip_prefix("oleh "))
            {
                if let Some(p) = headline::publisher_exact(name.trim()) {
                    return Some((p.to_string(), format!("header line '{line}'")));
                }
            }
        }
        // A headline with its site's address after it (`Judul Berita - situs.com |`).
        if let Some((head, site)) = line.rsplit_once(" - ") {
            let site = site.trim().trim_end_matches('|').trim();
            if head.split_whitespace().count() >= 3 && headline::domain_like(&site.to_lowercase()) {
                let name = headline::publisher_exact(site).map_or(site.to_string(), str::to_string);
                return Some((name, format!("header line '{line}'")));
            }
        }
        let first = line
            .split(|c: char| c.is_whitespace() || c == '-' || c == '|' || c == ',')
            .next()
            .unwrap_or("");
        if first.contains('.') {
            if let Some(p) = headline::publisher(first) {
                return Some((p.to_string(), format!("header line '{line}'")));
            }
        }
    }
    // A source telling the publisher itself (`kata juru bicara kepada detikcom`, `saat
    // dihubungi Kompas.com`): the reporter's house.
    for p in cleaned.paragraphs.iter().take(6) {
        // (A paragraph's first 2,000 bytes: a single-line body is one paragraph.)
        let mut words = p[..floor_char(p, 2000)].split_whitespace();
        while let Some(w) = words.next() {
            let told = ["kepada", "dihubungi", "dikonfirmasi", "ditemui"]
                .iter()
                .any(|t| w.eq_ignore_ascii_case(t));
            if !told {
                continue;
            }
            let Some(next) = words.clone().next() else {
                break;
            };
            let name = next.trim_end_matches(|c: char| !c.is_alphanumeric());
            if let Some(pb) = headline::publisher_exact(name) {
                return Some((pb.to_string(), format!("told to '{w} {next}'")));
            }
        }
    }
    for line in &cleaned.footer {
        let lower = line.to_lowercase();
        if lower.starts_with("copyright")
            || lower.starts_with('©')
            || lower.starts_with("hak cipta")
        {
            for w in line.split_whitespace().skip(1) {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
                if w.chars().any(char::is_alphabetic) {
                    if let Some(p) = headline::publisher(w) {
                        return Some((p.to_string(), format!("footer line '{line}'")));
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_source_dateline_and_evidence() {
        let page = "Beranda » Nasional\nRabu, 5 Juni 2019 10:00 WIB\nPolisi Gelar Latihan Gabungan di Pelabuhan\n\nSURABAYA, KOMPAS.com - Polisi menggelar latihan gabungan penanganan ancaman di pelabuhan penumpang, Rabu (5/6/2019).\n\nBaca juga: Latihan Serupa di Kota Lain\n\nLatihan itu melibatkan ratusan personel dari berbagai satuan dan berlangsung sepanjang hari.";
        let ex = extract(page, None);
        assert_eq!(
            ex.meta.title.as_deref(),
            Some("Polisi Gelar Latihan Gabungan di Pelabuhan")
        );
        assert_eq!(ex.meta.source.as_deref(), Some("Kompas"));
        assert_eq!(ex.meta.dateline.as_deref(), Some("SURABAYA"));
        assert_eq!(ex.meta.evidence["title"], "header line 3");
        assert!(ex.meta.evidence["source"].contains("SURABAYA, KOMPAS.com"));
        assert!(!ex.body.contains("Baca juga"));
        assert!(ex.body.starts_with("SURABAYA, KOMPAS.com - Polisi"));
    }

    #[test]
    fn source_falls_back_to_url_then_footer() {
        let story = "JAKARTA - Polisi menggelar latihan gabungan penanganan ancaman di pelabuhan penumpang pada Rabu pagi.";
        let ex = extract(story, Some("https://news.detik.com/berita/d-1/x"));
        assert_eq!(ex.meta.source.as_deref(), Some("Detik"));
        assert_eq!(ex.meta.dateline.as_deref(), Some("JAKARTA"));
        let ex = extract(&format!("{story}\nCopyright © ANTARA 2019"), None);
        assert_eq!(ex.meta.source.as_deref(), Some("ANTARA"));
        let ex = extract(story, None);
        assert_eq!(ex.meta.source, None);
        assert!(!ex.meta.evidence.contains_key("source"));
    }

    /// A teaser, a byline and a photo caption with an older date sit between the headline and
    /// the dateline: the dateline is still found, the byline names the publisher, and the
    /// caption's date is not the article's.
    #[test]
    fn dateline_after_teaser_byline_and_caption() {
        let page = "Polisi dan Relawan Latih Warga Pesisir Kenali Propaganda\n\n\
            Pelatihan itu diikuti ratusan warga dari tiga kecamatan pesisir selama dua hari penuh.\n\n\
            Dewi Lestari - detikNews\n\
            Relawan memandu warga di balai desa, Rabu (19/12/2018) sore, dalam kegiatan serupa yang digelar tahun sebelumnya.\n\n\
            Liputan6.com, Kendari - Polisi dan relawan melatih warga pesisir mengenali propaganda di media sosial, Kamis (24/1/2019).\n\
            Kegiatan berlangsung di balai desa dan diikuti warga dari tiga kecamatan.";
        let ex = extract(page, None);
        assert_eq!(ex.meta.dateline.as_deref(), Some("Kendari"));
        assert_eq!(ex.meta.source.as_deref(), Some("Liputan6"));
        assert_eq!(ex.meta.year, Some(2019), "{:?}", ex.meta.evidence);
        let bylined = "Polisi dan Relawan Latih Warga Pesisir Kenali Propaganda\n\n\
            Dewi Lestari - detikNews\n\
            Kamis, 24 Jan 2019 10:15 WIB\n\n\
            Polisi dan relawan melatih warga pesisir mengenali propaganda di media sosial.\n\
            Kegiatan berlangsung di balai desa dan diikuti warga dari tiga kecamatan.";
        let ex = extract(bylined, None);
        assert_eq!(
            ex.meta.source.as_deref(),
            Some("Detik"),
            "{:?}",
            ex.meta.evidence
        );
        assert!(ex.meta.evidence["source"].starts_with("byline"));
    }

    #[test]
    fn source_from_the_house_a_speaker_told() {
        let page = "Polisi menjaga ketat ruang sidang perkara terorisme sejak pagi hari di \
                    pengadilan negeri.\n\nPembatasan itu sesuai aturan, kata juru bicara \
                    pengadilan kepada detikcom, Kamis (14/3/2019).";
        let ex = extract(page, None);
        assert_eq!(
            ex.meta.source.as_deref(),
            Some("Detik"),
            "{:?}",
            ex.meta.evidence
        );
        // An outlet only quoted from is not the house.
        let ex = extract(
            &page.replace("kepada detikcom", "dikutip dari detikcom"),
            None,
        );
        assert_eq!(ex.meta.source, None);
    }

    #[test]
    fn source_from_a_byline_a_title_suffix_or_a_house_name_the_address_spells() {
        let story = "Jakarta - Polisi menggelar latihan gabungan penanganan ancaman di pelabuhan \
                     penumpang pada Rabu pagi bersama relawan.";
        let ex = extract(&format!("Rabu, 2021 Juni 02 | by BNPT\n{story}"), None);
        assert_eq!(
            ex.meta.source.as_deref(),
            Some("BNPT"),
            "{:?}",
            ex.meta.evidence
        );
        let ex = extract(
            &format!("Polisi Gelar Latihan Gabungan di Pelabuhan - kabarpelabuhan.com |\n{story}"),
            None,
        );
        assert_eq!(ex.meta.source.as_deref(), Some("kabarpelabuhan.com"));
        // `TELUK PELABUHAN -` is a city, unless the address spells it.
        let page = "TELUK PELABUHAN – Polisi menggelar latihan gabungan penanganan ancaman di \
                    pelabuhan penumpang pada Rabu pagi bersama relawan dan warga.";
        let ex = extract(page, None);
        assert_eq!(ex.meta.dateline.as_deref(), Some("TELUK PELABUHAN"));
        let ex = extract(page, Some("https://teluk-pelabuhan.com/berita/1"));
        assert_eq!(ex.meta.dateline, None);
        assert_eq!(ex.meta.source.as_deref(), Some("TELUK PELABUHAN"));
        // A house's name says what it is (`KABAR ...`): no city, address or not.
        let ex = extract(&page.replace("TELUK", "KABAR"), None);
        assert_eq!(ex.meta.dateline, None);
        assert_eq!(ex.meta.source.as_deref(), Some("KABAR PELABUHAN"));
        // A known city, or one word that is only a part of the address, stays the city.
        let ex = extract(
            "CIANJUR – Polisi menggelar latihan gabungan penanganan ancaman di pelabuhan pada \
             Rabu pagi bersama relawan dan warga sekitar.",
            Some("https://www.cianjur-news.com/berita/1"),
        );
        assert_eq!(ex.meta.dateline.as_deref(), Some("CIANJUR"));
        let ex = extract(
            "MALANG – Polisi menggelar latihan gabungan penanganan ancaman di pelabuhan pada \
             Rabu pagi bersama relawan dan warga sekitar.",
            Some("https://www.malang-news.com/berita/1"),
        );
        assert_eq!(ex.meta.dateline.as_deref(), Some("MALANG"));
    }

    #[test]
    fn known_fields_win() {
        let known = Metadata {
            title: Some("Judul Diberikan".into()),
            source: Some("Tempo".into()),
            ..Metadata::default()
        };
        let ex = extract_with(
            "Judul Lain Dari Halaman Ini\n\nJakarta (ANTARA) - Polisi menggelar latihan gabungan di pelabuhan pada Rabu pagi.",
            None,
            &known,
        );
        assert_eq!(ex.meta.title.as_deref(), Some("Judul Diberikan"));
        assert_eq!(ex.meta.source.as_deref(), Some("Tempo"));
        assert_eq!(ex.meta.evidence["source"], "given");
        assert_eq!(ex.meta.dateline.as_deref(), Some("Jakarta"));
    }

    #[test]
    fn given_partners_win_and_detection_fills_the_rest() {
        let known = Metadata {
            partners: vec!["GB".into()],
            year: Some(2021),
            ..Metadata::default()
        };
        let ex = extract_with(
            "Jakarta (ANTARA) - BNPT dan UNODC menerima Duta Besar Jepang untuk membahas kerja \
             sama pelatihan jaksa pada Senin.",
            None,
            &known,
        );
        assert_eq!(ex.meta.partners, ["GB"]);
        assert_eq!(ex.meta.evidence["partners"], "given");
        assert_eq!(ex.meta.year, Some(2021));
        assert_eq!(ex.meta.partner_orgs, ["UN", "UNODC"]);
        // Mentioned: the detected Japan, and the given partner.
        assert_eq!(ex.meta.mentioned_countries, ["GB", "JP"]);
    }

    #[test]
    fn empty_text_gives_empty_result() {
        let ex = extract("", None);
        assert_eq!(ex.body, "");
        assert_eq!(ex.meta.title, None);
    }
}
