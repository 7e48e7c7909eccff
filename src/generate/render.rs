//! The scraped-page form of a generated article: the story wrapped in each publisher's page
//! chrome (headline, date header, dateline, related-link lines, photo credits, credits,
//! promotions), as text scraped off news sites looks.

use chrono::{Datelike, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::vocab::{self, PARTNERS, PLACES};
use super::{push_2, push_u32, weekday_id};
use crate::article::Article;

/// An article rendered as a scraped page, with the ground truth as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scraped {
    /// The page text.
    pub text: String,
    /// The headline as the page shows it (`None` where the page starts at the dateline).
    pub title: Option<String>,
    /// The dateline city as written (`JAKARTA` on some sites), `None` where there is none.
    pub dateline: Option<String>,
}

/// Renders an article as a scraped news page in the format of its publisher
/// (`article.meta.source`, one of the generator's fictional outlets, each imitating the page
/// shape of a kind of Indonesian news site): `KBC` (a wire service) pages start at the
/// dateline and end with credits and a copyright line; Harian Contoh, Warta Contoh, Suara
/// Contoh, Rakyat Contoh and Kabar Contoh carry a date header line; Majalah Contoh, Damai
/// Contoh and others give the date in the story only. Related-link lines (`Baca juga:`)
/// name other countries, which are *not* part of the ground truth.
///
/// The chrome is drawn from a generator seeded by `seed` and the article's id, so the same
/// article and seed always give the same page (see `render_has_publisher_formats` in the
/// generator's tests).
pub(crate) fn render_scraped(article: &Article, seed: u64) -> Scraped {
    let mut rng =
        ChaCha8Rng::seed_from_u64(seed ^ xxhash_rust::xxh3::xxh3_64(article.id.as_bytes()));
    let date = article.meta.published.unwrap_or(NaiveDate::MIN);
    let title = article.meta.title.as_deref().unwrap_or("");
    let dl = article.meta.dateline.as_deref();
    let upper = dl.map(str::to_uppercase);
    let paras: Vec<&str> = article
        .body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut out = String::with_capacity(article.body.len() + 1024);
    let source = article.meta.source.as_deref();
    let (shown_title, shown_dateline): (bool, Option<String>) = match source {
        Some("KBC") | Some("DC") => (false, dl.map(str::to_string)),
        Some("Majalah Contoh") | Some("Damai Contoh") => (true, dl.map(str::to_string)),
        Some("Rakyat Contoh") | Some("Kabar Contoh") => (true, None),
        _ => (true, upper.clone()),
    };
    let hour = rng.random_range(6..24);
    let minute = rng.random_range(0..60);
    let sep = if source == Some("KBC") || source == Some("DC") {
        "\n"
    } else {
        "\n\n"
    };
    let related_at = if paras.len() > 3 && rng.random_bool(0.8) {
        rng.random_range(1..paras.len() - 1)
    } else {
        usize::MAX
    };
    let related_at2 = if paras.len() > 6 && rng.random_bool(0.4) {
        rng.random_range(related_at.saturating_add(1).min(paras.len() - 1)..paras.len())
    } else {
        usize::MAX
    };

    // Header.
    match source {
        Some("KBC") | Some("DC") => {}
        Some("Harian Contoh") => {
            line(&mut out, title);
            out.push_str("\nHarianContoh.example - ");
            push_2(&mut out, date.day());
            out.push('/');
            push_2(&mut out, date.month());
            out.push('/');
            push_u32(&mut out, date.year() as u32);
            out.push_str(", ");
            time(&mut out, hour, minute);
            out.push_str(" WIB\nPenulis ");
            name(&mut out, &mut rng);
            out.push_str(" | Editor ");
            name(&mut out, &mut rng);
            out.push_str("\n\n");
        }
        Some("Warta Contoh") => {
            line(&mut out, title);
            long_date(&mut out, date, ", ", false);
            out.push_str(" – ");
            time(&mut out, hour, minute);
            out.push_str(" WIB\n\n");
        }
        Some("Suara Contoh") => {
            line(&mut out, title);
            out.push_str(weekday_id(date));
            out.push(' ');
            push_u32(&mut out, date.day());
            out.push(' ');
            out.push_str(vocab::MONTHS_SHORT[date.month0() as usize]);
            out.push(' ');
            push_u32(&mut out, date.year() as u32);
            out.push(' ');
            time(&mut out, hour, minute);
            out.push_str(" WIB\nRep: ");
            name(&mut out, &mut rng);
            out.push_str("/ Red: ");
            name(&mut out, &mut rng);
            out.push_str("\nFoto: KBC/");
            name(&mut out, &mut rng);
            out.push_str("\n\n");
        }
        Some("Majalah Contoh") => {
            line(&mut out, title);
            out.push('\n');
        }
        Some("Rakyat Contoh") => {
            out.push_str("Dark/Light Mode\n\n");
            line(&mut out, title);
            out.push('\n');
            long_date(&mut out, date, ", ", false);
            out.push(' ');
            time(&mut out, hour, minute);
            out.push_str(" WIB\nFoto: Humas BNPT.\nFoto: Humas BNPT.\n\n");
        }
        Some("Kabar Contoh") => {
            line(&mut out, title);
            long_date(&mut out, date, ", ", true);
            out.push_str(" | ");
            time(&mut out, hour, minute);
            out.push_str(" WIB\n\n");
        }
        Some("Damai Contoh") => {
            out.push_str("\n\n");
            line(&mut out, title);
            out.push_str("\nwritten by Damai Contoh\n\n\n\n");
        }
        Some("Umat Contoh") => {
            line(&mut out, title);
            push_u32(&mut out, date.day());
            out.push(' ');
            out.push_str(vocab::MONTHS[date.month0() as usize]);
            out.push(' ');
            push_u32(&mut out, date.year() as u32);
            out.push(' ');
            time(&mut out, hour, minute);
            out.push_str("\n\n");
        }
        _ => {
            line(&mut out, title);
            out.push_str("\nNasional");
            push_u32(&mut out, rng.random_range(40..5000));
            out.push_str(" Dilihat\n\n");
        }
    }

    // Dateline.
    let city = dl.unwrap_or("Jakarta");
    let city_up = upper.as_deref().unwrap_or("JAKARTA");
    match source {
        Some("KBC") => {
            out.push_str(city);
            out.push_str(" (KBC) - ");
        }
        Some("DC") => out.push_str("DC – "),
        Some("Harian Contoh") => {
            out.push_str(city_up);
            out.push_str(", HARIANCONTOH.example - ");
        }
        Some("Warta Contoh") => {
            out.push_str("wartacontoh.example, ");
            out.push_str(city_up);
            out.push_str(" - ");
        }
        Some("Suara Contoh") => {
            out.push_str("SUARACONTOH.EXAMPLE, ");
            out.push_str(city_up);
            out.push_str(" -- ");
        }
        Some("Majalah Contoh") => {
            out.push_str("MAJALAHCONTOH.EXAMPLE, ");
            out.push_str(city);
            out.push_str(" - ");
        }
        Some("Rakyat Contoh") => out.push_str("RakyatContoh.example  Rakyat Contoh - "),
        Some("Kabar Contoh") => out.push_str("KabarContoh.example - "),
        Some("Damai Contoh") => {
            out.push_str("DamaiContoh.example. ");
            out.push_str(city);
            out.push_str(" - ");
        }
        Some("Umat Contoh") => {
            out.push_str(city_up);
            out.push_str(" (UmatContoh.example) – ");
        }
        _ => {
            out.push_str(city_up);
            out.push_str(" – ");
        }
    }

    // Story, with related-link lines between paragraphs.
    let year = date.year();
    for (i, p) in paras.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if source == Some("Damai Contoh") && i == 0 {
            out.push_str(&p.replacen("kerja sama", "[kerja sama](#)", 1));
        } else {
            out.push_str(p);
        }
        if i == related_at || i == related_at2 {
            out.push_str(sep);
            out.push_str(match source {
                Some("Suara Contoh") => "BACA JUGA: ",
                Some("Rakyat Contoh") => "Baca juga : ",
                None => "Baca Juga: ",
                _ => "Baca juga: ",
            });
            related(&mut out, &mut rng, year);
        }
    }
    out.push('\n');

    // Footer.
    match source {
        Some("KBC") => {
            out.push_str("Pewarta: ");
            name(&mut out, &mut rng);
            out.push_str("\nEditor: ");
            name(&mut out, &mut rng);
            if rng.random_bool(0.9) {
                out.push_str("\nCopyright © KBC ");
                push_u32(&mut out, year as u32);
            }
            out.push('\n');
        }
        Some("DC") => out.push_str("\nSumber : humas.contoh.example\nEditor : Redaksi\n\nDiscussion about this post\n"),
        Some("Harian Contoh") => out.push_str(
            "\nDapatkan update berita pilihan dan breaking news setiap hari dari HarianContoh.example. \
             Simak breaking news dan berita pilihan kami langsung di ponselmu, ikuti kami di Google News.\n",
        ),
        Some("Warta Contoh") => {
            out.push('(');
            out.push_str(["jos", "fat", "dil", "mcr"][rng.random_range(0..4)]);
            out.push_str("/wc)\n");
        }
        Some("Majalah Contoh") => {
            out.push_str("\nPilihan Editor: ");
            related(&mut out, &mut rng, year);
            out.push('\n');
        }
        Some("Rakyat Contoh") => out.push_str(
            "\nIkuti update berita RAKYATCONTOH.EXAMPLE lainnya lewat Google News\n\n\
             Dapatkan juga update berita pilihan setiap hari dari RakyatContoh.example melalui Grup Telegram.\n",
        ),
        None => out.push_str("\nTinggalkan Balas\nAlamat email Anda tidak akan dipublikasikan.\n"),
        _ => {}
    }

    Scraped {
        text: out,
        title: shown_title.then(|| title.to_string()),
        dateline: shown_dateline,
    }
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

fn time(out: &mut String, h: u32, m: u32) {
    push_2(out, h);
    out.push(':');
    push_2(out, m);
}

/// `Kamis, 24 Maret 2022` (or all capitals).
fn long_date(out: &mut String, d: NaiveDate, after_weekday: &str, caps: bool) {
    let start = out.len();
    out.push_str(weekday_id(d));
    out.push_str(after_weekday);
    push_u32(out, d.day());
    out.push(' ');
    out.push_str(vocab::MONTHS[d.month0() as usize]);
    out.push(' ');
    push_u32(out, d.year() as u32);
    if caps {
        let up = out[start..].to_uppercase();
        out.truncate(start);
        out.push_str(&up);
    }
}

fn name(out: &mut String, rng: &mut ChaCha8Rng) {
    out.push_str(vocab::ID_FIRST[rng.random_range(0..vocab::ID_FIRST.len())]);
    out.push(' ');
    out.push_str(vocab::ID_LAST[rng.random_range(0..vocab::ID_LAST.len())]);
}

/// A related-link headline, usually naming some country (any: it is not part of the story).
fn related(out: &mut String, rng: &mut ChaCha8Rng, year: i32) {
    if rng.random_bool(0.25) {
        out.push_str(vocab::RELATED_PLAIN[rng.random_range(0..vocab::RELATED_PLAIN.len())]);
        return;
    }
    let tpl = vocab::RELATED[rng.random_range(0..vocab::RELATED.len())];
    let n = PARTNERS.len() + PLACES.len();
    let k = rng.random_range(0..n);
    let country = if k < PARTNERS.len() {
        vocab::country_name(PARTNERS[k].code)
    } else {
        vocab::country_name(PLACES[k - PARTNERS.len()].0)
    };
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('}').map_or(rest.len(), |e| i + e);
        match &rest[i + 1..end] {
            "C" => out.push_str(country),
            _ => push_u32(out, year as u32),
        }
        rest = &rest[(end + 1).min(rest.len())..];
    }
    out.push_str(rest);
}
