//! Indonesian dates and publication-year inference.
//!
//! [`infer`] reads a scraped article split into header, body and footer (plus its URL) and
//! says when it was published, with the evidence used. The evidence is ranked, strongest first:
//!
//! 1. a full date in the header (`Minggu, 11 September 2022 12:50 WIB`, `Kompas.com -
//!    14/04/2022, 09:46 WIB`; of several, the one nearest the story that is not an update
//!    stamp), or a date line at the very start of the body;
//! 2. a date in the URL (`/2015/01/31/`, `/20180312/`), or a publisher's time stamp there
//!    (Republika's base-36 codes, `…/berita/lovtib/…`: 25 July 2011): the publisher's own
//!    record, stronger than any date in the story (which is often that of an old agreement or
//!    law);
//! 3. dateline-style dates in the story: `(6/12/2024)`, `Rabu(23/8/2017)`, or a full date with
//!    a weekday that agrees (`Sabtu 13 Maret 2021`); the latest one not marked as planned;
//! 4. a weekday with day and month (`Kamis (24/3)`): the year in which that date falls on that
//!    weekday, chosen with the story's anchors: who held which office when it was written
//!    (`Kepala BNPT Boy Rafli Amar`: 2020-2023), the events it names (`bom Thamrin`: not before
//!    2016; `peringatan 20 tahun Bom Bali`: 2022; `16 tahun lalu, 9 November 2005`: 2021), the
//!    years it mentions (after the events it
//!    calls past, before those it calls planned; not before a full date it tells as done),
//!    and the publisher's article number in the URL between two articles of known dates
//!    (`liputan6.com/news/read/2676500/…`: December 2016). The table of offices and events is
//!    the data file `anchors.tsv`, that of article numbers `url_ids.tsv`. When nothing decides
//!    between the fitting years, the year is left unknown and the evidence names the
//!    candidates: no year beats a wrong one. A bracketed day and month without weekday
//!    (`Kemarin (1/2)`) is placed in the one year the anchors leave for it, if they leave one;
//! 5. the year of a copyright footer (`Copyright © ANTARA 2022`);
//! 6. a full date in prose (`pada 5 November 2024`): publication is on or after it;
//! 7. a year marked as current (`2022 ini`), else the latest year the story mentions in a
//!    plain time reference (not a law, an agreement or a name like `Pilkada 2024`), marked
//!    weak. The guesses of 5-7 must agree with the anchors, else the year is left unknown.
//!
//! Parsing lives in [`parse`](self) (private); this module ranks.

mod anchors;
mod parse;
mod url_ids;

use anchors::Bounds;

use super::floor_char;

use chrono::{Datelike, NaiveDate, Utc};

use parse::{copyright_year, scan, url_date, weekday_name, years_named, Mode, Scan, Tense};
pub(crate) use parse::{month_alternation, month_number, weekday_of};

/// What the date inference looks at, split by the cleaner.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateInput<'a> {
    /// Lines before the story: headline, date line, breadcrumb (captions already removed).
    pub header: &'a str,
    /// The story itself (related-link lines removed).
    pub body: &'a str,
    /// Boilerplate after the story (copyright footers, credits).
    pub footer: &'a str,
    /// The article's URL, if known.
    pub url: Option<&'a str>,
}

/// An inferred publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The full date, when the day is known.
    pub date: Option<NaiveDate>,
    /// The year; `None` when the evidence leaves several years open (the evidence names them).
    pub year: Option<i32>,
    /// Human-readable evidence (`"header 'Minggu, 11 September 2022'"`).
    pub evidence: String,
}

/// The first dateline-style date of the story's lead paragraph (bracketed, in digits, with a
/// weekday that agrees, told neither as past nor as plan).
fn lead_dateline_date(body: &str) -> Option<parse::Dated> {
    let lead = body.trim_start();
    let end = floor_char(lead, lead.find('\n').unwrap_or(lead.len()).min(600));
    scan(&lead[..end], Mode::Body).dated.into_iter().find(|d| {
        d.numeric
            && d.bracketed
            && d.weekday_agrees()
            && !matches!(d.tense, Tense::Future | Tense::Past)
    })
}

/// The earliest year taken as a publication year (news sites on the web).
pub const MIN_YEAR: i32 = 1990;

/// The earliest year a weekday-only date (`Kamis (24/3)`) is placed in.
pub const MIN_INFERRED_YEAR: i32 = 2000;

/// Infers the publication date, with today's date (UTC) as the latest possible one.
pub fn infer(input: &DateInput<'_>) -> Option<Published> {
    infer_as_of(input, Utc::now().date_naive())
}

/// Infers the publication date as if today were `today` (nothing later is accepted).
pub fn infer_as_of(input: &DateInput<'_>, today: NaiveDate) -> Option<Published> {
    let latest = today
        .checked_add_days(chrono::Days::new(2))
        .unwrap_or(today);
    let plausible = |d: NaiveDate| d.year() >= MIN_YEAR && d <= latest;
    let year_ok = |y: i32| (MIN_YEAR..=today.year()).contains(&y);

    // 1. Header date (on a date line, not inside a headline about an old event).
    let header = scan(input.header, Mode::Header);
    let header_line = |d: &&parse::Dated| plausible(d.date) && is_date_line(input.header, d);
    // Of several date lines, the one nearest the story: a page's chrome may show the day it
    // was crawled or reposted above the story's own date line. An update stamp (`Diperbarui 14
    // Maret 2019`) is not the publication date while there is another.
    let lines: Vec<&parse::Dated> = header.dated.iter().filter(header_line).collect();
    let chosen = lines
        .iter()
        .rfind(|d| !is_update_stamp(input.header, d))
        .or(lines.first());
    // The address's date, fixed when the story was posted, outweighs a header date of a later
    // year (the day the page was crawled, or a later update, shown above the story).
    let from_url = input
        .url
        .and_then(|u| {
            url_date(u).or_else(|| {
                // A publisher's time stamp in the address (Republika's base-36 codes).
                url_ids::stamp(u).map(|(date, text)| parse::UrlDate {
                    year: date.year(),
                    date: Some(date),
                    text,
                })
            })
        })
        .filter(|u| year_ok(u.year) && u.date.is_none_or(plausible))
        .map(|u| Published {
            date: u.date,
            year: Some(u.year),
            evidence: format!("URL date '{}'", u.text.trim_matches(['/', '-', '_', '.'])),
        });
    if let Some(d) = chosen {
        if let Some(mut p) = from_url.filter(|p| p.year < Some(d.date.year())) {
            p.evidence += &format!(" (the header's '{}' is of a later year)", d.text);
            return Some(p);
        }
        // A lead dated in the dateline style with its weekday right (`Minggu (25/9/2011)`) two
        // years or more before the header's date: the header shows the day of a crawl.
        if let Some(lead) = lead_dateline_date(input.body)
            .filter(|l| plausible(l.date) && d.date.year() - l.date.year() >= 2)
        {
            return Some(found(
                lead.date,
                format!(
                    "dateline date '{}' (the header's '{}' is years later: a crawl date)",
                    lead.text, d.text
                ),
            ));
        }
        return Some(found(d.date, format!("header '{}'", d.text)));
    }
    // 1b. A date line opening the body (a crude split may leave it there).
    let opening = opening_date_line(input.body);
    if let Some(d) = opening.as_ref().and_then(|s| s.dated.first()) {
        if plausible(d.date) {
            return Some(found(d.date, format!("date line '{}'", d.text)));
        }
    }

    let body = scan(input.body, Mode::Body);

    // 1c. A full date the story calls today, with a weekday that agrees (`hari ini, Jumat, 31
    // Maret 2017`): the article's own date, stronger than a scraper's marker (which may be
    // the date of a later re-publication).
    if let Some(d) = body
        .dated
        .iter()
        .find(|d| plausible(d.date) && d.weekday_agrees() && called_today(input.body, d))
    {
        return Some(found(d.date, format!("today's date '{}'", d.text)));
    }

    // 1d. A scraper's date marker opening the page (`date 2017-08`, `date 2023-10-28`).
    if let Some((year, date, text)) = date_marker(input.header).or_else(|| date_marker(input.body))
    {
        if year_ok(year) && date.is_none_or(plausible) {
            return Some(Published {
                date,
                year: Some(year),
                evidence: format!("date marker '{text}'"),
            });
        }
    }

    // 2. URL date.
    if from_url.is_some() {
        return from_url;
    }

    // 3. Dateline-style dates in the story: the latest that is not a plan.
    let dateline = body
        .dated
        .iter()
        // Told as past (`pada Selasa (3/9/2019) lalu`) or planned, a date is history or
        // agenda, not the dateline: it only anchors the inference below.
        .filter(|d| plausible(d.date) && !matches!(d.tense, Tense::Future | Tense::Past))
        .filter(|d| (d.numeric && (d.bracketed || d.weekday.is_some())) || d.weekday_agrees())
        .max_by_key(|d| (d.date, std::cmp::Reverse(d.start)));
    if let Some(d) = dateline {
        let what = if d.numeric {
            "dateline date"
        } else {
            "weekday date"
        };
        return Some(found(d.date, format!("{what} '{}'", d.text)));
    }

    // Every year the story writes (in names, numbers and ranges too): a tie-break among
    // candidates that other evidence leaves open.
    let named: Vec<i32> = years_named(input.header)
        .chain(years_named(input.body))
        .filter(|y| year_ok(*y))
        .collect();
    let footer = copyright_year(input.footer).filter(|(y, _)| year_ok(*y));
    let anchors = Anchors::collect(&header, &body, footer.as_ref().map(|f| f.0), today);
    let mut bounds = anchors::find(input.header);
    bounds.merge(anchors::find(input.body));
    // The publisher's article number, bracketed by articles of known dates.
    if let Some(url) = input.url {
        bounds.merge(url_ids::bounds(url));
    }
    // `16 tahun lalu, 9 November 2005`: the story's own year, like an anniversary.
    if bounds.exact.is_none() {
        if let Some((y, text)) = parse::years_ago(input.body).filter(|(y, _)| year_ok(*y)) {
            bounds.exact = Some(y);
            bounds.notes.push(format!("'{text}'"));
        }
    }

    // A full date the story tells as done or neutral (`digelar pada 24 Juli 2025`): the story
    // is not older than it.
    let floor = body
        .dated
        .iter()
        .chain(&header.dated)
        .filter(|d| plausible(d.date) && d.tense != Tense::Future)
        .map(|d| d.date)
        .max();

    // 4. Weekday + day/month, chosen with the anchors.
    if let Some(p) = weekday_inference(&header, &body, &anchors, &bounds, &named, floor, today) {
        return Some(p);
    }
    // An anniversary dates the story by itself.
    if let Some(y) = bounds.exact.filter(|y| year_ok(*y)) {
        return Some(Published {
            date: None,
            year: Some(y),
            evidence: format!("anchors: {}", bounds.describe()),
        });
    }

    // 4b. A bracketed day/month without weekday (`Kemarin (1/2)`) inside anchors that span
    // about a year: the one year where that day lies within them.
    if let Some(p) = bare_day_month(&body, &bounds, today) {
        return Some(p);
    }

    // 5. Copyright footer, where it names its holder (a bare notice's year is the template's:
    // it only caps the year, above).
    if let Some((year, text)) = footer.filter(|_| parse::copyright_names_holder(input.footer)) {
        return Some(checked(year, format!("footer '{text}'"), &bounds, &named));
    }

    // 6. A full date in prose (or in a headline): publication on or after the latest that is
    // not a plan.
    let prose = body
        .dated
        .iter()
        .chain(&header.dated)
        .filter(|d| plausible(d.date));
    let past = prose
        .clone()
        .filter(|d| d.tense != Tense::Future)
        .max_by_key(|d| d.date);
    if let Some(d) = past.or_else(|| prose.min_by_key(|d| d.date)) {
        return Some(checked(
            d.date.year(),
            format!("date in text '{}'", d.text),
            &bounds,
            &named,
        ));
    }

    // 7. A year marked as current, else the latest plain year mentioned.
    let current = body
        .years
        .iter()
        .filter(|y| y.tense == Tense::Current && year_ok(y.year));
    if let Some(y) = current.max_by_key(|y| y.year) {
        return Some(checked(
            y.year,
            format!("year {} marked as current", y.year),
            &bounds,
            &named,
        ));
    }
    let plain = body
        .years
        .iter()
        .filter(|y| matches!(y.tense, Tense::Past | Tense::Neutral) && year_ok(y.year));
    if let Some(y) = plain.max_by_key(|y| y.year) {
        return Some(checked(
            y.year,
            format!("latest year mentioned {} (weak)", y.year),
            &bounds,
            &named,
        ));
    }
    // Only the anchors: a year when their bounds leave one.
    match (bounds.lo, bounds.hi) {
        (Some(lo), Some(hi)) if lo.year() == hi.year() && year_ok(lo.year()) => Some(Published {
            date: None,
            year: Some(lo.year()),
            evidence: format!("anchors: {}", bounds.describe()),
        }),
        _ => None,
    }
}

/// A weaker guess (footer, prose date, year mentioned) kept only when the anchors allow it;
/// otherwise the year the anchors leave, if they leave one, else unknown with both reasons.
///
/// Among the years the anchors leave, the one the story itself names (`ADMM ke-13/2019`
/// inside an office term of 2014-2019), when it names exactly one of them.
fn checked(year: i32, evidence: String, bounds: &Bounds, named: &[i32]) -> Published {
    if bounds.allows_year(year) {
        return Published {
            date: None,
            year: Some(year),
            evidence,
        };
    }
    let named_in_bounds = the_one(named.iter().copied().filter(|y| bounds.allows_year(*y)));
    match (bounds.lo, bounds.hi) {
        (Some(lo), Some(hi)) if lo.year() == hi.year() => Published {
            date: None,
            year: Some(lo.year()),
            evidence: format!("anchors: {} (over {evidence})", bounds.describe()),
        },
        (Some(_), Some(_)) if named_in_bounds.is_some() => Published {
            date: None,
            year: named_in_bounds,
            evidence: format!(
                "the one year named within the anchors ({}), over {evidence}",
                bounds.describe()
            ),
        },
        _ => Published {
            date: None,
            year: None,
            evidence: format!(
                "undecided: {evidence} contradicts the anchors ({})",
                bounds.describe()
            ),
        },
    }
}

/// The single distinct value of `years`, if there is exactly one.
fn the_one(years: impl Iterator<Item = i32>) -> Option<i32> {
    let set: std::collections::BTreeSet<i32> = years.collect();
    (set.len() == 1).then(|| set.into_iter().next()).flatten()
}

fn found(date: NaiveDate, evidence: String) -> Published {
    Published {
        year: Some(date.year()),
        date: Some(date),
        evidence,
    }
}

/// Whether a header date stands on a date line (`Kamis, 14 Juni 2018 00:13 WIB`,
/// `Portal.com - 14/04/2022`, `Diperbarui 4 Mei 2019`) rather than inside a headline
/// (`Mengenang Tragedi 12 Oktober 2002`): it has a weekday, is numeric, is followed by a time,
/// or starts its line after at most two words. Never deep inside a sentence: a photo caption
/// under the headline (`Seorang warga melapor di kantor yayasan di Banda Aceh, Rabu
/// (19/12/2018) sore.`) tells when the photo was taken.
fn is_date_line(header: &str, d: &parse::Dated) -> bool {
    let line_start = header[..d.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = header[d.start..]
        .find('\n')
        .map_or(header.len(), |i| d.start + i);
    let before = &header[line_start..d.start];
    let words_before = before.split_whitespace().count();
    let after_words = header
        .get(d.end..line_end.max(d.end))
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let sentence = header[line_start..line_end].trim_end().ends_with('.');
    if words_before > 8 || (words_before > 3 && sentence && after_words >= 3) {
        return false;
    }
    if d.weekday.is_some() || d.numeric {
        return true;
    }
    if words_before <= 2 {
        return true;
    }
    // A time of day right after the date: `5 Mei 2019 10:15`, `5 Mei 2019 | 10.15 WIB`.
    let after = header.get(d.end..line_end.max(d.end)).unwrap_or("");
    let after = after
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .as_bytes();
    after.len() >= 4
        && after[0].is_ascii_digit()
        && (after
            .get(1..3)
            .is_some_and(|w| matches!(w[0], b':' | b'.') || matches!(w[1], b':' | b'.')))
}

/// Whether a header date is an update stamp (`Diperbarui 14 Maret 2019`, `Updated: ...`).
fn is_update_stamp(header: &str, d: &parse::Dated) -> bool {
    // The few words before the date on its line (a bounded look back: a long line costs no
    // more).
    let near = &header[floor_char(header, d.start.saturating_sub(40))..d.start];
    let before = near[near.rfind('\n').map_or(0, |i| i + 1)..].to_lowercase();
    [
        "diperbarui",
        "diupdate",
        "update",
        "pembaruan",
        "terakhir diubah",
        "diedit",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// Whether a date is introduced as today (`hari ini, Jumat, 31 Maret 2017`, `hari ini Senin
/// 3 Mei 2021`).
fn called_today(text: &str, d: &parse::Dated) -> bool {
    let before = text[floor_char(text, d.start.saturating_sub(24))..d.start]
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '(')
        .to_lowercase();
    before.ends_with("hari ini") || before.ends_with("today")
}

/// A date marker at the very start of a page (`date 2017-08`, `date 2023-10-28`), as some
/// scrapers write the page's publication meta field before its text.
fn date_marker(text: &str) -> Option<(i32, Option<NaiveDate>, String)> {
    let t = text.trim_start();
    let rest = t.strip_prefix("date ")?.trim_start();
    let b = rest.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .and_then(|_| rest[r].parse::<u32>().ok())
    };
    let year = digits(0..4)?;
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let month = digits(5..7)?;
    let day = (b.get(7) == Some(&b'-')).then(|| digits(8..10)).flatten();
    let end = if day.is_some() { 10 } else { 7 };
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) || !(1..=12).contains(&month) {
        return None;
    }
    let year = i32::try_from(year).ok()?;
    let date = day.and_then(|d| NaiveDate::from_ymd_opt(year, month, d));
    Some((year, date, format!("date {}", &rest[..end])))
}

/// A body whose first non-empty line is just a date (`Kamis, 14 Juni 2018 00:13 WIB`).
fn opening_date_line(body: &str) -> Option<Scan> {
    let mut line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    // A date line the scraper glued to a lead that opens with a number (`7 Februari 201775
    // warga ...`).
    if let Some(end) = parse::glued_date_line_end(line) {
        line = &line[..end];
    }
    if line.len() > 64 {
        return None;
    }
    let s = scan(line, Mode::Header);
    let d = s.dated.first()?;
    // The date must be most of the line (allowing a time and zone after it).
    let rest = line.len().saturating_sub(d.text.len());
    (rest <= 24).then_some(s)
}

/// The years the story gives as bounds for its own publication.
#[derive(Debug, Default)]
struct Anchors {
    /// Latest year of an event told as past (or a law/agreement): publication is not earlier.
    past: Option<i32>,
    /// Earliest year of a planned event (not before `past`): publication is not later.
    future: Option<i32>,
    /// Latest year mentioned in a plain time reference (past, neutral, current).
    near: Option<i32>,
    /// The year of a copyright footer: publication is not later.
    ceiling: Option<i32>,
}

impl Anchors {
    fn collect(header: &Scan, body: &Scan, footer: Option<i32>, today: NaiveDate) -> Anchors {
        let max_year = today.year();
        let mut a = Anchors::default();
        let mut add = |year: i32, tense: Tense| {
            if !(MIN_YEAR..=max_year + 10).contains(&year) {
                return;
            }
            match tense {
                Tense::Past | Tense::Law => a.past = a.past.max(Some(year)),
                Tense::Future => {
                    a.future = Some(a.future.map_or(year, |f| f.min(year)));
                }
                Tense::Current | Tense::Neutral | Tense::Named => {}
            }
            if matches!(tense, Tense::Past | Tense::Current | Tense::Neutral) && year <= max_year {
                a.near = a.near.max(Some(year));
            }
        };
        for s in [header, body] {
            for d in &s.dated {
                add(d.date.year(), d.tense);
            }
            for y in &s.years {
                add(y.year, y.tense);
            }
        }
        // A copyright footer is often the year the page was rendered, not written: a ceiling.
        a.ceiling = footer;
        if let (Some(f), Some(p)) = (a.future, a.past) {
            if f < p {
                a.future = None; // contradictory markers: trust the past ones
            }
        }
        a
    }

    /// Lower is better.
    fn cost(&self, y: i32, today_year: i32) -> i64 {
        let y = i64::from(y);
        let mut cost = 0;
        if let Some(p) = self.past.map(i64::from) {
            if y < p {
                cost += 100 + 10 * (p - y);
            }
        }
        if let Some(f) = self.future.map(i64::from) {
            if y > f {
                cost += 50 + 5 * (y - f);
            }
        }
        if let Some(c) = self.ceiling.map(i64::from) {
            if y > c {
                cost += 100 + 10 * (y - c);
            }
        }
        match self.near.or(self.past).map(i64::from) {
            Some(a) if y >= a => cost += y - a,
            // A plain year in a story is far more often behind it than ahead of it (plans are
            // marked: `akan`, `mendatang`): a candidate before it costs more than one after.
            Some(a) => cost += 6 * (a - y),
            // No year anywhere: the most recent candidate, a guess.
            None => cost += i64::from(today_year) - y,
        }
        cost
    }

    /// Whether the story mentions no year at all.
    fn is_empty(&self) -> bool {
        self.past.is_none() && self.near.is_none() && self.future.is_none()
    }

    fn describe(&self) -> String {
        match (self.past, self.near, self.future) {
            (Some(p), _, Some(f)) => format!("latest past year mentioned {p}; planned {f}"),
            (Some(p), _, None) => format!("latest past year mentioned {p}"),
            (None, Some(n), Some(f)) => format!("latest year mentioned {n}; planned {f}"),
            (None, Some(n), None) => format!("latest year mentioned {n}"),
            (None, None, Some(f)) => format!("planned {f}"),
            (None, None, None) => "no year mentioned: most recent such year (weak)".into(),
        }
    }
}

/// Rank 4: the year in which the weekday mentions fall on their weekdays.
///
/// Candidates are the years where the most mentions fit; the office and event anchors narrow
/// them (unless no candidate survives them: then they are taken as misread), an anniversary
/// picks one, the years the story mentions rank the rest. Several candidates with nothing to
/// rank them give an unknown year with the candidates in the evidence.
///
/// `floor` is the latest full date the story names as done (`pada 24 Juli 2025`): years that
/// put the weekday date before it are out, and when none is left the weekday is taken as a
/// slip of the writer (`Sabtu (27/7)` in a 2025 story where 27 July is a Sunday) and decides
/// nothing.
fn weekday_inference(
    header: &Scan,
    body: &Scan,
    anchors: &Anchors,
    bounds: &Bounds,
    named: &[i32],
    floor: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Published> {
    let mentions: Vec<&parse::DayMonth> =
        header.day_months.iter().chain(&body.day_months).collect();
    if mentions.is_empty() {
        return None;
    }
    let latest = today
        .checked_add_days(chrono::Days::new(2))
        .unwrap_or(today);
    let date_of = |m: &parse::DayMonth, y: i32| {
        NaiveDate::from_ymd_opt(y, m.month, m.day).filter(|d| m.fits(y) && *d <= latest)
    };
    let count = |y: i32, bounded: bool| {
        mentions
            .iter()
            .filter_map(|m| date_of(m, y))
            .filter(|d| !bounded || bounds.allows_date(*d))
            .count()
    };
    let candidates = |bounded: bool| -> Vec<(i32, usize)> {
        let all: Vec<(i32, usize)> = (MIN_INFERRED_YEAR..=today.year())
            .map(|y| (y, count(y, bounded)))
            .filter(|&(_, n)| n > 0)
            .collect();
        let most = all.iter().map(|c| c.1).max().unwrap_or(0);
        all.into_iter().filter(|c| c.1 == most).collect()
    };
    let mut cands = candidates(true);
    let mut bounded = !bounds.is_empty();
    // The anchors leave no year the weekday fits: either they are misread or the weekday is a
    // slip of the writer. The weekday alone still decides when it fits one year; when it fits
    // several it decides nothing, and the weaker evidence checked against the anchors may.
    let against_anchors = bounded && cands.is_empty() && bounds.lo.is_some() && bounds.hi.is_some();
    if cands.is_empty() {
        cands = candidates(false);
        bounded = false;
    }
    if let Some(floor) = floor {
        // A week of slack: the full date may be the report's own (`13 Maret 2010, Aceh --`)
        // and the weekday an event of the days before it (`Jumat (12/3)`).
        let floor = floor - chrono::Duration::days(7);
        cands.retain(|&(y, _)| {
            mentions
                .iter()
                .any(|m| date_of(m, y).is_some_and(|d| d >= floor))
        });
    }
    if cands.is_empty() {
        return None;
    }
    let mut why = Vec::new();
    if bounded && !bounds.notes.is_empty() {
        why.push(format!("anchors: {}", bounds.describe()));
    }
    let fits = |y: &i32| cands.iter().any(|c| c.0 == *y);
    // When nothing else ranks the years left, the one the story itself names (`CTWG Work Plan
    // 2021`) if it names exactly one of them. Only a tie-break: the years the story tells as
    // past or planned rank first (a story of 2023 may name 2017 as history).
    let named_one = the_one(named.iter().copied().filter(fits));
    let year = if let Some(y) = bounds.exact.filter(fits) {
        y
    } else if let Some(y) = anchors.ceiling.filter(fits) {
        // The copyright footer's own year fits: the publisher's year of the story.
        why.push(format!("footer year {y}"));
        y
    } else if cands.len() == 1 {
        cands[0].0
    } else if against_anchors {
        // Titles outlive terms by some months (a chief still called by his last office, a
        // term's month read loosely): the one fitting year within a year of the anchors.
        let a_year = chrono::Duration::days(366);
        let (lo, hi) = (bounds.lo? - a_year, bounds.hi? + a_year);
        let near: Vec<i32> = cands
            .iter()
            .map(|c| c.0)
            .filter(|&y| {
                mentions
                    .iter()
                    .filter_map(|m| date_of(m, y))
                    .any(|d| (lo..=hi).contains(&d))
            })
            .collect();
        match near.as_slice() {
            [y] => {
                why.push(format!(
                    "the one fitting year next to the anchors ({})",
                    bounds.describe()
                ));
                *y
            }
            _ => return None,
        }
    } else if let Some(y) = named_one.filter(|_| anchors.is_empty()) {
        why.push(format!("the story names {y}"));
        y
    } else if anchors.is_empty() {
        let years: Vec<String> = cands.iter().map(|c| c.0.to_string()).collect();
        let m = mentions[0];
        return Some(Published {
            date: None,
            year: None,
            evidence: format!(
                "undecided: weekday '{}' fits {}; nothing in the story decides{}",
                m.text,
                years.join(", "),
                why.first().map_or(String::new(), |w| format!(" ({w})"))
            ),
        });
    } else {
        let mut ranked: Vec<(i64, i32)> = cands
            .iter()
            .map(|&(y, _)| (anchors.cost(y, today.year()), y))
            .collect();
        ranked.sort_by_key(|&(c, y)| (c, -y));
        let tied = ranked.len() > 1 && ranked[0].0 == ranked[1].0;
        let anchor = anchors.near.or(anchors.past);
        let far_behind = anchor.is_some_and(|a| ranked.iter().all(|&(_, y)| y - a > 3))
            && anchors.future.is_none();
        if let Some(y) = named_one.filter(|_| tied || far_behind) {
            why.push(format!("the story names {y}"));
            why.push(anchors.describe());
            y
        } else if tied {
            return Some(Published {
                date: None,
                year: None,
                evidence: format!(
                    "undecided: weekday '{}' fits {} and {} equally; {}",
                    mentions[0].text,
                    ranked[0].1,
                    ranked[1].1,
                    anchors.describe()
                ),
            });
        }
        // Years mentioned far behind every candidate (a law of 1999, an attack of 2002) say
        // the story is later, not which of the later years it is.
        else if far_behind {
            let years: Vec<String> = ranked.iter().map(|c| c.1.to_string()).collect();
            return Some(Published {
                date: None,
                year: None,
                evidence: format!(
                    "undecided: weekday '{}' fits {}; {} decides nothing between them",
                    mentions[0].text,
                    years.join(", "),
                    anchors.describe()
                ),
            });
        } else {
            why.push(anchors.describe());
            ranked[0].1
        }
    };
    if why.is_empty() {
        why.push(anchors.describe());
    }
    // The latest mention that fits is the closest to publication.
    let m = mentions
        .iter()
        .filter(|m| date_of(m, year).is_some())
        .max_by_key(|m| (m.month, m.day))?;
    let date = NaiveDate::from_ymd_opt(year, m.month, m.day);
    Some(Published {
        date,
        year: Some(year),
        evidence: format!(
            "weekday '{}' falls on {} in {year}; {}",
            m.text,
            weekday_name(m.weekday),
            why.join("; ")
        ),
    })
}

/// Rank 4b: bracketed day/month mentions without weekday (`(1/2)`) placed in the one year
/// where they lie within the anchors (`Menteri Agama Fachrul Razi` and `Kepala BNPT Suhardi
/// Alius`: October 2019 to May 2020, so `(1/2)` is 1 February 2020). Anchors that leave the
/// date in several years decide nothing.
fn bare_day_month(body: &Scan, bounds: &Bounds, today: NaiveDate) -> Option<Published> {
    let (lo, hi) = (bounds.lo?, bounds.hi.unwrap_or(today).min(today));
    if body.bare_day_months.is_empty() || hi.year() - lo.year() > 1 {
        return None;
    }
    let mut years = std::collections::BTreeSet::new();
    let mut last = None;
    for (day, month, text) in &body.bare_day_months {
        for y in lo.year() - 1..=hi.year() + 1 {
            if let Some(d) = NaiveDate::from_ymd_opt(y, *month, *day) {
                // A month of slack each side, as for weekday dates.
                if d <= today && bounds.allows_date(d) {
                    years.insert(y);
                    last = Some((d, text));
                }
            }
        }
    }
    if years.len() != 1 {
        return None;
    }
    let (date, text) = last?;
    Some(Published {
        date: Some(date),
        year: Some(date.year()),
        evidence: format!(
            "date '{text}' lies within the anchors only in {}; anchors: {}",
            date.year(),
            bounds.describe()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        ymd(2025, 6, 30)
    }

    fn body(text: &str) -> Option<Published> {
        infer_as_of(
            &DateInput {
                body: text,
                ..DateInput::default()
            },
            today(),
        )
    }

    #[test]
    fn of_the_weekday_years_left_the_one_the_story_names() {
        // Thursday 19 August: 2010 or 2021; the story only names 2021, in a document title.
        let p = body(
            "Jakarta - Kelompok kerja menggelar rapat daring pada Kamis (19/8). Rapat \
             mengesahkan Rencana Kerja 2021 kelompok itu.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2021), "{}", p.evidence);
        // Naming both decides nothing.
        let p = body(
            "Jakarta - Kelompok kerja menggelar rapat daring pada Kamis (19/8). Rapat \
             mengesahkan Rencana Kerja 2021 dan membaca Laporan 2010.",
        );
        assert_eq!(p.and_then(|p| p.year), None);
    }

    #[test]
    fn the_one_year_named_within_an_office_term() {
        // Ryamizard Ryacudu was minister of defence 2014-2019; the story names 2019 inside a
        // meeting number and 2020 as a later host year (not marked as planned).
        let p = body(
            "Kota - Menteri Pertahanan Ryamizard Ryacudu memimpin delegasi pada pertemuan \
             ke-9/2019. Pada 2020, pertemuan digelar di negara lain.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2019), "{}", p.evidence);
    }

    #[test]
    fn a_full_date_called_today_beats_a_scrapers_marker() {
        let p = body(
            " date 2024-02 KOTA - Rapat warga digelar hari ini, Senin, 6 Maret 2017, di balai \
             desa. Rapat membahas keamanan lingkungan.",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2017, 3, 6)), "{}", p.evidence);
        // A weekday that disagrees is no such date: the marker stays.
        let p = body(
            " date 2024-02 KOTA - Rapat warga digelar hari ini, Selasa, 6 Maret 2017, di balai \
             desa.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2024), "{}", p.evidence);
    }

    #[test]
    fn a_weekday_just_before_the_reports_own_date_is_that_year() {
        // Friday 12 March: 2010 or 2021; the report is dated 13 March 2010.
        let p = body(
            "13 Maret 2010, Kota -- Polisi menangkap delapan tersangka di jalan raya lintas \
             kabupaten, Jumat (12/3). Penangkapan itu berlangsung tanpa perlawanan.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2010), "{}", p.evidence);
    }

    #[test]
    fn a_full_date_told_as_done_bounds_the_weekday_year() {
        // Wednesday 19 July: 2017 or 2023; the meeting of 2 March 2019 rules out 2017.
        let p = body(
            "Jakarta - Rapat pertama digelar pada 2 Maret 2019 di Bogor. Rapat lanjutan \
             berlangsung di Jakarta, Rabu (19/7).",
        )
        .unwrap();
        assert_eq!(p.year, Some(2023), "{}", p.evidence);
        // Sunday 27 July fits no year after the meeting of 24 July 2024: the weekday is a
        // slip, and the meeting's date stands.
        let p = body(
            "Jakarta - Pertemuan konsultasi digelar pada 24 Juli 2024 di Jakarta. Hasilnya \
             diumumkan kepada wartawan, Minggu (27/7).",
        )
        .unwrap();
        assert_eq!(p.year, Some(2024), "{}", p.evidence);
    }

    #[test]
    fn a_bare_day_month_inside_tight_anchors_gives_the_year() {
        // Fachrul Razi (Oct 2019 - Dec 2020) and Suhardi Alius (to May 2020): 1 February 2020.
        let p = body(
            "Kemarin (1/2), Menteri Agama Fachrul Razi bertemu Kepala BNPT Komjen Suhardi Alius \
             untuk membahas pembinaan mantan narapidana.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2020), "{}", p.evidence);
        assert_eq!(p.date, Some(ymd(2020, 2, 1)));
        // Anchors spanning several years decide nothing.
        let p = body(
            "Kepala BNPT Komjen Suhardi Alius menerima tamu dari daerah di kantornya (28/10).",
        );
        assert!(p.as_ref().is_none_or(|p| p.year.is_none()), "{p:?}");
    }

    #[test]
    fn office_holder_picks_the_year_a_weekday_fits() {
        // 19 July is a Wednesday in 2017 and in 2023; only 2017 falls in Suhardi Alius's term.
        let p = body(
            "Jakarta - Kepala BNPT Komjen Pol Suhardi Alius menerima delegasi tamu, Rabu (19/7). \
             Pertemuan membahas pertukaran informasi.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2017), "{}", p.evidence);
        assert!(p.evidence.contains("Suhardi Alius"), "{}", p.evidence);
        // 13 June is a Monday in 2011, 2016 and 2022: only 2022 falls in Boy Rafli Amar's term.
        let p = body(
            "Jakarta - Kepala BNPT Boy Rafli Amar menerima delegasi tamu, Senin (13/6). \
             Pertemuan membahas pertukaran informasi.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2022), "{}", p.evidence);
    }

    #[test]
    fn a_weekday_the_office_holder_rules_out_is_a_slip() {
        // Monday 3 March is 2014 or 2025, but the spokesman named held the office in 2009-2010
        // and the raid told as done is of 2009: the weekday decides nothing, the raid's year
        // (inside the office's term) stands.
        let p = body(
            "Jakarta - Kepala Divisi Humas Polri Irjen Pol Nanan Soekarna mengatakan keluarga \
             tersangka tiba di ibu kota, Senin (3/3). Tersangka itu tewas dalam penggerebekan \
             di sebuah rumah di Jawa Tengah pada 17 September 2009.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2009), "{}", p.evidence);
        // Without the office, the weekday's years stay undecided (no year beats a wrong one).
        let p = body(
            "Jakarta - Juru bicara itu mengatakan keluarga tersangka tiba di ibu kota, Senin \
             (3/3). Tersangka itu tewas dalam penggerebekan di sebuah rumah di Jawa Tengah \
             pada 17 September 2009.",
        )
        .unwrap();
        assert_eq!(p.year, None, "{}", p.evidence);
    }

    #[test]
    fn nothing_to_decide_between_weekday_years_gives_no_year() {
        let p =
            body("Polisi menangkap seorang pria di sebuah rumah kontrakan, Rabu (19/7).").unwrap();
        assert_eq!(p.year, None);
        assert!(p.evidence.starts_with("undecided"), "{}", p.evidence);
        assert!(
            p.evidence.contains("2017") && p.evidence.contains("2023"),
            "{}",
            p.evidence
        );
    }

    #[test]
    fn anniversary_dates_the_story() {
        let p = body("Peringatan 20 tahun Bom Bali digelar di Kuta dengan doa bersama.").unwrap();
        assert_eq!(p.year, Some(2022), "{}", p.evidence);
    }

    #[test]
    fn a_date_line_glued_to_a_lead_that_opens_with_a_number() {
        let p = body(
            "7 Februari 201775 warga yang dipulangkan akan menjalani pembinaan, kata pejabat \
             itu. Wartawan menjenguk mereka hari Minggu (3/2) lalu.",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2017, 2, 7)), "{}", p.evidence);
        assert!(p.evidence.starts_with("date line"), "{}", p.evidence);
        // Not inside a sentence: a count after a year there is another number.
        let p = body("Sejak 7 Februari 201775 orang ditangkap, Minggu (3/2).").unwrap();
        assert_ne!(p.date, Some(ymd(2017, 2, 7)), "{}", p.evidence);
    }

    #[test]
    fn a_date_told_as_so_many_years_ago_dates_the_story() {
        let p = body(
            "JAKARTA - 16 tahun lalu, 9 November 2005, polisi mengepung sebuah vila di kota itu.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2021), "{}", p.evidence);
        assert!(p.evidence.contains("16 tahun lalu"), "{}", p.evidence);
        let p = body("Bom itu meledak pada 2002, atau 20 tahun yang lalu, kata saksi.").unwrap();
        assert_eq!(p.year, Some(2022), "{}", p.evidence);
        // A plain past year is no such statement.
        let p = body("Bom itu meledak pada 2002 dan pelakunya sudah dihukum.").unwrap();
        assert_eq!(p.year, Some(2002), "{}", p.evidence);
    }

    #[test]
    fn a_january_date_with_the_old_year_is_read_by_its_weekday() {
        // 2 January 2019 was a Wednesday, 2 January 2020 a Thursday.
        let input = DateInput {
            body: "Bandung - Polisi menggelar apel siaga di alun-alun pada Kamis (2/1/2019) \
                   pagi menjelang libur sekolah.",
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.year, Some(2020), "{}", p.evidence);
        assert!(p.evidence.contains("weekday is of 2020"), "{}", p.evidence);
        // The weekday of the year written, or a month other than January, is taken as written.
        for (body, year) in [
            (
                "Bandung - Apel siaga digelar pada Rabu (2/1/2019) pagi.",
                2019,
            ),
            (
                "Bandung - Apel siaga digelar pada Kamis (2/2/2019) pagi.",
                2019,
            ),
        ] {
            let input = DateInput {
                body,
                ..DateInput::default()
            };
            let p = infer_as_of(&input, today()).unwrap();
            assert_eq!(p.year, Some(year), "{body}: {}", p.evidence);
        }
    }

    #[test]
    fn a_date_glued_to_the_byline() {
        let input = DateInput {
            header: "Polisi Tangkap Buronan\nNama Penulis21 Februari 2009",
            body: "Jakarta - Polisi menangkap buronan kasus bom pada Sabtu pekan lalu.",
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2009, 2, 21)), "{}", p.evidence);
        assert!(p.evidence.contains("'21 Februari 2009'"), "{}", p.evidence);
    }

    #[test]
    fn a_header_date_of_another_year_yields_to_the_address_and_the_lead() {
        let body = "Semarang - Polisi menggelar sidang lapangan pada Selasa (17/5/2016) \
                    bersama jaksa.";
        // The header shows the crawl day; the address the day of posting.
        let input = DateInput {
            header: "Jumat, 3 Oktober 2025",
            body: "Semarang - Polisi menggelar sidang lapangan bersama jaksa.",
            url: Some("https://portal.example/read/2016/05/17/sidang"),
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.year, Some(2016), "{}", p.evidence);
        // Without an address, a lead dated in the dateline style years earlier.
        let input = DateInput {
            header: "Jumat, 3 Oktober 2025",
            body,
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.year, Some(2016), "{}", p.evidence);
        // A lead date of the year before (a story filed over New Year) leaves the header's.
        let input = DateInput {
            header: "Jumat, 2 Januari 2015",
            body: "Semarang - Polisi menggelar sidang lapangan pada Rabu (31/12/2014) malam.",
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.year, Some(2015), "{}", p.evidence);
    }

    #[test]
    fn url_date_beats_a_date_in_the_story() {
        let input = DateInput {
            body: "Jakarta - Kedua lembaga meninjau nota kesepahaman yang ditandatangani \
                   Selasa (12/5/2015) di Jakarta.",
            url: Some("https://portal.example/berita/2021/09/11/tinjauan-mou"),
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.year, Some(2021), "{}", p.evidence);
        assert!(p.evidence.starts_with("URL date"), "{}", p.evidence);
    }

    #[test]
    fn a_weak_guess_against_the_anchors_is_dropped() {
        // The latest year mentioned (2014) is older than the office named: no year.
        let p = body(
            "Kepala BNPT Boy Rafli Amar menyebut kerja sama yang dirintis sejak 2014 itu berjalan baik.",
        )
        .unwrap();
        assert_eq!(p.year, None, "{}", p.evidence);
        assert!(p.evidence.contains("Boy Rafli Amar"), "{}", p.evidence);
    }

    #[test]
    fn scraper_date_marker_opens_the_page() {
        let p = body(" date 2019-03 Jakarta - Polisi menggelar latihan bersama.").unwrap();
        assert_eq!((p.year, p.date), (Some(2019), None));
        let p = body("date 2019-03-05 Jakarta - Polisi menggelar latihan bersama.").unwrap();
        assert_eq!(p.date, Some(ymd(2019, 3, 5)));
        assert!(p.evidence.starts_with("date marker"), "{}", p.evidence);
        // Only at the very start, and only in that exact shape.
        let p = body("Jakarta - Ada update date 2019-03 di sistem, Rabu (19/7).").unwrap();
        assert_ne!(p.year, Some(2019));
    }

    #[test]
    fn header_date_wins_over_everything() {
        let input = DateInput {
            header: "Polisi Tangkap Dua Terduga\n\nSELASA, 17 APRIL 2018 | 08:42 WIB",
            body: "Surabaya - Polisi menangkap dua orang, Senin (16/4). Kasus serupa terjadi \
                   pada 2016 lalu.",
            footer: "Hak cipta 2024 Portal",
            url: Some("https://portal.example/2019/01/01/judul"),
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2018, 4, 17)));
        assert_eq!(p.year, Some(2018));
        assert!(
            p.evidence.starts_with("header 'SELASA, 17 APRIL 2018"),
            "{}",
            p.evidence
        );
    }

    #[test]
    fn of_several_header_date_lines_the_nearest_the_story_not_an_update() {
        // A blog's repost date above the original page's date line.
        let input = DateInput {
            header: "March 3, 2024\n\nBlog Kliping Berita\n\nPolisi Minta Data dari Tiga Negara\n\nSenin, 02/03/2015 10:06 WIB",
            body: "Jakarta - Polisi meminta data dari tiga negara, Senin (2/3).",
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.year, Some(2015), "{}", p.evidence);
        // An update stamp below the date line is not the publication date.
        let input = DateInput {
            header: "Warga Pesisir Ikuti Pelatihan\n17 Juli 2017 18:52 WIB\nDiperbarui 14 Maret 2019 21:17 WIB",
            body: "Warga pesisir mengikuti pelatihan, Senin (17/7).",
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2017, 7, 17)), "{}", p.evidence);
    }

    #[test]
    fn header_numeric_and_abbreviated_forms() {
        for (header, date) in [
            ("Portal.com - 02/11/2021, 14:30 WIB", ymd(2021, 11, 2)),
            ("Kamis 7 Jun 2018 00:13 WIB", ymd(2018, 6, 7)),
            ("Diperbarui: Jumat, 4 Nopember 2016", ymd(2016, 11, 4)),
        ] {
            let p = infer_as_of(
                &DateInput {
                    header,
                    ..DateInput::default()
                },
                today(),
            )
            .unwrap();
            assert_eq!(p.date, Some(date), "{header}");
        }
    }

    #[test]
    fn a_date_inside_a_headline_is_not_the_date_line() {
        let input = DateInput {
            header: "Warga Mengenang Tragedi 12 Oktober 2002 di Kuta",
            body: "Denpasar - Ratusan warga berkumpul, Rabu (12/10). Peringatan tahun lalu \
                   digelar pada Oktober 2021.",
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2022, 10, 12)), "{}", p.evidence);
        // With a time after it, the same kind of line is a date line.
        let input = DateInput {
            header: "Diunggah oleh redaksi 12 Oktober 2022 10:15 WIB",
            ..input
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert!(p.evidence.starts_with("header"), "{}", p.evidence);
        // Alone, the headline date is still better than nothing.
        let input = DateInput {
            header: "Warga Mengenang Tragedi 12 Oktober 2002 di Kuta",
            ..DateInput::default()
        };
        assert_eq!(
            infer_as_of(&input, today()).and_then(|p| p.year),
            Some(2002)
        );
    }

    #[test]
    fn date_line_at_start_of_body() {
        let p =
            body("Rabu, 5 Mei 2021 10:00 WIB\nMakassar - Rapat digelar, Selasa (4/5).").unwrap();
        assert_eq!(p.date, Some(ymd(2021, 5, 5)));
        assert!(p.evidence.starts_with("date line"), "{}", p.evidence);
    }

    #[test]
    fn dateline_date_in_body() {
        let p = body(
            "Medan - Aparat menggelar apel, Jumat (06/12/2024). Apel serupa pernah digelar \
             (Foto: dok 12/3/2019).",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2024, 12, 6)));
        assert_eq!(p.evidence, "dateline date 'Jumat (06/12/2024)'");
        // Time of day after the date, no weekday.
        let p = body("Kota itu diguncang ledakan (14/4/2022) malam.").unwrap();
        assert_eq!(p.year, Some(2022));
        // No space before the bracket.
        let p = body("kata dia, Rabu(23/8/2017).").unwrap();
        assert_eq!(p.date, Some(ymd(2017, 8, 23)));
    }

    #[test]
    fn older_photo_caption_dates_lose_to_the_dateline() {
        let p = body(
            "Petugas berjaga saat sidang (dok. Senin, 2/3/2015). Bandung - Sidang dilanjutkan, \
             Selasa (10/10/2017).",
        )
        .unwrap();
        assert_eq!(p.year, Some(2017));
    }

    #[test]
    fn full_weekday_date_in_prose() {
        let p = body(
            "Kerja sama pada tahun 2019 lalu berjalan baik, ujar dia kepada wartawan, \
             Rabu 17 Februari 2021.",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2021, 2, 17)));
        assert!(p.evidence.starts_with("weekday date"), "{}", p.evidence);
    }

    #[test]
    fn past_weekday_date_in_prose_is_history_not_dateline() {
        // 13 May 2018 was a Sunday, told as a past event; the story itself is from a Thursday
        // 24 March after it (2022).
        let p = body(
            "Ia mengenang serangan yang terjadi pada Minggu, 13 Mei 2018 lalu. Hal itu \
             disampaikan dalam diskusi daring, Kamis (24/3).",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2022, 3, 24)));
    }

    #[test]
    fn past_numeric_date_anchors_instead_of_dating() {
        let p = body(
            "Sebelumnya, pada Selasa (3/9/2019) lalu, forum pertama digelar. Forum kedua \
             dibuka Kamis (24/3).",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2022, 3, 24)), "{}", p.evidence);
        // Alone, the past date still gives a lower bound for the year.
        let p = body("Forum pertama digelar pada Selasa (3/9/2019) lalu.").unwrap();
        assert_eq!((p.year, p.date), (Some(2019), None));
    }

    #[test]
    fn a_publishers_number_in_the_address_dates_the_story() {
        // Republika's code is the moment of posting in base 36.
        let input = DateInput {
            body: "Jakarta - Polisi masih memburu tiga orang, Senin (25/7).",
            url: Some("https://news.republika.co.id/berita/lovtib/polisi-memburu"),
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2011, 7, 25)), "{}", p.evidence);
        assert!(p.evidence.contains("time stamp"), "{}", p.evidence);
        // A counter between two calibration points of December 2016 (url_ids.tsv): of the
        // years 12 December fell on a Monday (2011, 2016, 2022), 2016.
        let input = DateInput {
            body: "Jakarta - Polisi menangkap tiga orang, Senin (12/12).",
            url: Some("https://www.liputan6.com/news/read/2676500/polisi-menangkap"),
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2016, 12, 12)), "{}", p.evidence);
        assert!(
            p.evidence.contains("address number 2676500"),
            "{}",
            p.evidence
        );
        // Without the address the weekday decides nothing.
        let p = infer_as_of(&DateInput { url: None, ..input }, today()).unwrap();
        assert_eq!(p.year, None, "{}", p.evidence);
    }

    #[test]
    fn url_date_when_text_has_only_weekday() {
        let input = DateInput {
            body: "Polisi berjaga, Kamis (24/3).",
            url: Some("https://portal.example/read/2016/03/24/120000/judul"),
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2016, 3, 24)));
        assert!(p.evidence.starts_with("URL date"), "{}", p.evidence);
        let input = DateInput {
            url: Some("https://portal.example/judul-berita-20180312"),
            ..input
        };
        assert_eq!(
            infer_as_of(&input, today()).unwrap().date,
            Some(ymd(2018, 3, 12))
        );
    }

    #[test]
    fn weekday_inference_after_latest_past_year() {
        // 24 March is a Thursday in 2011, 2016 and 2022: the past event of 2019 rules out 2016.
        let p = body(
            "Kupang - Delegasi dua negara bertemu secara daring, Kamis (24/3). Pertemuan ini \
             melanjutkan rapat ketiga yang digelar sejak Oktober 2019.",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2022, 3, 24)));
        assert_eq!(
            p.evidence,
            "weekday 'Kamis (24/3)' falls on Thursday in 2022; latest past year mentioned 2019"
        );
    }

    #[test]
    fn weekday_inference_with_past_and_planned_years() {
        // 9 and 11 September: Friday and Sunday in 2016 and 2022. Past May 2022, plan Nov 2022.
        let p = body(
            "Kepala badan bertemu mitra di Jenewa, Jumat (9/9). Mitra itu direncanakan datang \
             pada 28 November-1 Desember 2022. Sebelumnya, pada 3-5 Mei 2022 lalu, forum \
             serupa digelar. Hal itu disampaikan dalam rilis, Minggu (11/9). Kerangka 2019-2025 \
             juga dibahas.",
        )
        .unwrap();
        assert_eq!(p.year, Some(2022));
        assert_eq!(p.date, Some(ymd(2022, 9, 11)));
    }

    #[test]
    fn weekday_inference_ignores_old_laws_and_agreements_as_anchors() {
        // 11 Nov is a Thursday in 2010, 2021; the MoU of April 2021 is the past anchor.
        let p = body(
            "Ambon - Kedua pihak membuka forum, Kamis (11/11). Sebelumnya mereka meneken nota \
             kesepahaman pada April 2021, merujuk UU Nomor 5 Tahun 2018 dan MoU 2015.",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2021, 11, 11)));
    }

    #[test]
    fn weekday_split_by_line_break_and_time_of_day() {
        let p = body("Polisi berjaga sejak 2020 lalu. Ia menjelaskan, Senin sore\n(3/5).").unwrap();
        // 3 May: Monday in 2021 (after 2020).
        assert_eq!(p.date, Some(ymd(2021, 5, 3)));
        let p = body("Pada 2016 lalu serangan terjadi. Ia bicara Rabu petang (19/7).").unwrap();
        assert_eq!(p.date, Some(ymd(2017, 7, 19)));
    }

    /// Offices whose terms leave a few months in which the weekday does not fall: the one year
    /// it fits next to them (a title kept for some months after the term).
    #[test]
    fn a_title_kept_past_its_term_still_dates_the_story_next_to_it() {
        let p = body(
            "Kepala BNPT Boy Rafli Amar dan Kapolda Bali Petrus Reinhard Golose membuka \
             lokakarya di Denpasar, Senin (15/3).",
        )
        .unwrap();
        assert_eq!(p.year, Some(2021), "{}", p.evidence);
        assert!(p.evidence.contains("next to the anchors"), "{}", p.evidence);
    }

    #[test]
    fn a_weekday_inside_the_brackets_is_the_story_day_after_a_past_date() {
        // The only full date is told as past: the story's own day, 18 March on a Wednesday
        // after June 2019, is in 2020 (not the past date's year).
        let p = body(
            "Pengadilan hari ini (Rabu 18/3) tetap menggelar sidang terdakwa yang ditangkap \
             pada 28 Juni 2019 lalu di Bekasi.",
        )
        .unwrap();
        assert_eq!(p.date, Some(ymd(2020, 3, 18)), "{}", p.evidence);
    }

    #[test]
    fn wrong_weekday_loses_to_explicit_dateline() {
        // 6 Dec 2024 is a Friday; the page says Kamis. The explicit date still wins.
        let p = body("Semarang - Rapat digelar Kamis (6/12/2024).").unwrap();
        assert_eq!(p.date, Some(ymd(2024, 12, 6)));
    }

    #[test]
    fn weekday_inference_agrees_with_the_calendar() {
        // For every day of several years, a weekday mention anchored on the year before
        // must land on a year where the weekday is right.
        let mut d = ymd(2012, 1, 1);
        while d <= ymd(2024, 12, 31) {
            let names = [
                "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
            ];
            let wd = names[d.weekday().num_days_from_monday() as usize];
            let text = format!(
                "Peristiwa itu terjadi pada {} lalu. Rapat lanjutan digelar {wd} ({}/{}).",
                d.year() - 1,
                d.day(),
                d.month()
            );
            let p = body(&text).unwrap();
            let got = p.date.unwrap();
            assert_eq!(got.weekday(), d.weekday(), "{text}");
            assert_eq!((got.day(), got.month()), (d.day(), d.month()));
            assert!(
                got.year() >= d.year() - 1 && got.year() <= d.year() + 11,
                "{text}: {got}"
            );
            if d.year() - 1 < got.year() && got.year() < d.year() {
                panic!("skipped the nearest year: {text}");
            }
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn prose_date_gives_year_only() {
        let p =
            body("Pertemuan kedua lembaga berlangsung pada 5 November 2024 di ibu kota.").unwrap();
        assert_eq!((p.year, p.date), (Some(2024), None));
        assert!(p.evidence.starts_with("date in text"), "{}", p.evidence);
    }

    #[test]
    fn footer_copyright_is_weak() {
        let input = DateInput {
            body: "Kerja sama kedua negara terus diperkuat.",
            footer: "Pewarta: A\nEditor: B\nCopyright © KANTOR BERITA 2020",
            ..DateInput::default()
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!((p.year, p.date), (Some(2020), None));
        assert!(p.evidence.starts_with("footer"), "{}", p.evidence);
        // A footer anchors a weekday: 24 March was a Thursday in 2016.
        let input = DateInput {
            body: "Rapat digelar Kamis (24/3).",
            footer: "© 2016 Portal",
            ..input
        };
        let p = infer_as_of(&input, today()).unwrap();
        assert_eq!(p.date, Some(ymd(2016, 3, 24)));
        // A bare notice names no holder: its year is the site template's, not the story's.
        let input = DateInput {
            body: "Kerja sama kedua negara terus diperkuat.",
            footer: "© Copyright 2024, All Rights Reserved",
            ..input
        };
        let p = infer_as_of(&input, today());
        assert_eq!(p.and_then(|p| p.year), None);
    }

    #[test]
    fn current_year_and_latest_plain_year() {
        let p = body("Anggaran pada 2021 ini naik, sedangkan 2019 lalu turun.").unwrap();
        assert_eq!(p.year, Some(2021));
        assert!(p.evidence.contains("current"), "{}", p.evidence);
        // A law's year is no time reference; the latest plain year is the guess.
        let p =
            body("Program sejak 2017 itu dilanjutkan, mengacu UU Nomor 15 Tahun 2003.").unwrap();
        assert_eq!(p.year, Some(2017));
        // But a law the story cites was passed before it: a story citing the law of May 2018
        // is not of 2017, whatever year it names.
        let p = body("Program sejak 2017 itu dilanjutkan, mengacu UU Nomor 5 Tahun 2018.").unwrap();
        assert_eq!(p.year, None, "{}", p.evidence);
        assert!(p.evidence.contains("undecided"), "{}", p.evidence);
    }

    #[test]
    fn traps_give_no_year() {
        assert_eq!(body("Serangan 9/11 mengubah banyak hal."), None);
        assert_eq!(body("Aturan UU Nomor 15 Tahun 2003 direvisi."), None);
        assert_eq!(body("Menjelang Pilkada 2024 aparat siaga."), None);
        assert_eq!(body("Rencana aksi 2020-2024 disusun."), None);
        assert_eq!(body("Tidak ada tanggal di sini."), None);
        assert_eq!(infer_as_of(&DateInput::default(), today()), None);
    }

    #[test]
    fn future_dates_are_not_publication_dates() {
        // A header date after today is not accepted.
        let input = DateInput {
            header: "Senin, 1 Januari 2035",
            ..DateInput::default()
        };
        assert_eq!(infer_as_of(&input, today()), None);
        // Weekday mention only possible after today: none.
        assert_eq!(body("Rapat Senin (31/2)."), None);
    }

    /// Whole little articles in several publishers' styles (fixtures written for this test).
    #[test]
    fn publisher_styles() {
        struct Case {
            header: &'static str,
            body: &'static str,
            footer: &'static str,
            url: Option<&'static str>,
            year: i32,
            date: Option<NaiveDate>,
            evidence: &'static str,
        }
        let cases = [
            // News agency: no header, weekday only, copyright footer.
            Case {
                header: "",
                body: "Palu (KANTOR) - Aparat gabungan menyisir pegunungan, Selasa (8/3). \
                       Operasi serupa digelar pada Januari 2021 lalu.\nKata kapolda, operasi \
                       akan diperpanjang hingga akhir tahun.",
                footer: "Pewarta: Fulan\nEditor: Fulanah\nCopyright © KANTOR 2022",
                url: None,
                year: 2022,
                date: Some(ymd(2022, 3, 8)),
                evidence: "weekday 'Selasa (8/3)' falls on Tuesday in 2022",
            },
            // Portal with a numeric header line and a law in the text.
            Case {
                header: "Polisi Ungkap Jaringan Pendanaan\nPortal.com - 21/09/2023, 07:05 WIB",
                body: "JAKARTA, PORTAL.com - Polisi mengungkap jaringan pendanaan, Rabu \
                       (20/9/2023). Mereka dijerat UU Nomor 9 Tahun 2013.",
                footer: "",
                url: None,
                year: 2023,
                date: Some(ymd(2023, 9, 21)),
                evidence: "header '21/09/2023'",
            },
            // Weekday split from its date by a line break; 9/11 and a range in the text.
            Case {
                header: "",
                body: "Pakar itu membandingkan dengan serangan 9/11 di Amerika. Diskusi digelar \
                       Jumat\n(27/10) di kampus. Lembaga itu berdiri sejak 2015 dan menyusun \
                       rencana aksi 2020-2024.",
                footer: "",
                url: None,
                year: 2017,
                date: Some(ymd(2017, 10, 27)),
                evidence: "weekday 'Jumat (27/10)' falls on Friday in 2017",
            },
            // English-language page with a month-first header.
            Case {
                header: "Police Arrest Suspects\nTuesday, March 5, 2019 10:00",
                body: "Jakarta - Police arrested two suspects on Monday (4/3).",
                footer: "",
                url: None,
                year: 2019,
                date: Some(ymd(2019, 3, 5)),
                evidence: "header 'Tuesday, March 5, 2019",
            },
            // Only a URL date and a weekday that does not fit it: the URL wins.
            Case {
                header: "",
                body: "Sidang dilanjutkan Rabu (16/5).",
                footer: "",
                url: Some("https://berita.example/nasional/2018/05/17/0905/sidang-lanjut"),
                year: 2018,
                date: Some(ymd(2018, 5, 17)),
                evidence: "URL date",
            },
            // A planned event bounds the year from above: 2 June is a Friday in 2017 and 2023.
            Case {
                header: "",
                body: "Tim gabungan bertemu di Surabaya, Jumat (2/6). Forum ini direncanakan \
                       berlanjut pada Agustus 2017.",
                footer: "",
                url: None,
                year: 2017,
                date: Some(ymd(2017, 6, 2)),
                evidence: "weekday 'Jumat (2/6)' falls on Friday in 2017",
            },
        ];
        for c in cases {
            let input = DateInput {
                header: c.header,
                body: c.body,
                footer: c.footer,
                url: c.url,
            };
            let p = infer_as_of(&input, today()).unwrap_or_else(|| panic!("none: {}", c.body));
            assert_eq!(
                (p.year, p.date),
                (Some(c.year), c.date),
                "{}: {}",
                c.body,
                p.evidence
            );
            assert!(
                p.evidence.starts_with(c.evidence),
                "{} vs {}",
                p.evidence,
                c.evidence
            );
        }
    }

    #[test]
    fn random_date_soup_does_not_panic() {
        use rand::{Rng, SeedableRng};
        const TOKENS: &[&str] = &[
            "Kamis",
            "JUMAT",
            "Jum’at",
            "(",
            ")",
            "/",
            "-",
            ".",
            ",",
            " ",
            "\n",
            "24",
            "3",
            "31",
            "2",
            "99",
            "0",
            "2022",
            "1999",
            "20",
            "9999999999",
            "Maret",
            "Pebruari",
            "Agt.",
            "lalu",
            "akan",
            "Tahun",
            "UU",
            "Nomor",
            "ini",
            "é",
            "©",
            "petang",
            "’",
            "T",
        ];
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..2000 {
            let n = rng.random_range(0..40);
            let text: String = (0..n)
                .map(|_| TOKENS[rng.random_range(0..TOKENS.len())])
                .collect();
            let input = DateInput {
                header: &text,
                body: &text,
                footer: &text,
                url: Some(&text),
            };
            if let Some(p) = infer_as_of(&input, today()) {
                assert!(
                    p.year.is_none_or(|y| (MIN_YEAR..=2025).contains(&y)),
                    "{text:?}: {p:?}"
                );
                assert!(
                    p.date.is_none_or(|d| Some(d.year()) == p.year),
                    "{text:?}: {p:?}"
                );
            }
        }
    }

    #[test]
    fn weird_input_does_not_panic() {
        for text in [
            "Senin (99/99/9999)",
            "(31/2)",
            "Kamis (99999999999999999999/3)",
            "Rabu, 32 Januari 2020",
            "\u{0}\u{feff}(((((/////)))))",
            "2022-13-45",
            &"Kamis (1/1) ".repeat(200),
        ] {
            let input = DateInput {
                header: text,
                body: text,
                footer: text,
                url: Some(text),
            };
            let _ = infer_as_of(&input, today());
            let _ = infer(&input);
        }
    }
}

/// Measurement on real labelled articles (`*.txt` + `*.json` with `year`), read at run time:
/// `cargo test --lib extract::dates::seeds -- --ignored --nocapture`
/// (folder from `TELUSUR_SEEDS`, default `../shared/corpus/seeds`).
#[cfg(test)]
mod seeds {
    use super::*;
    use std::path::PathBuf;

    /// A crude header/body/footer split, independent of the real cleaner: the story starts at
    /// the first line of 20 words or more; related-link and photo lines are dropped.
    fn split(raw: &str) -> (String, String, String) {
        let mut header = String::new();
        let mut body = String::new();
        let mut footer = String::new();
        let mut in_story = false;
        for line in raw.lines() {
            let t = line.trim();
            let lower = t.to_lowercase();
            if lower.starts_with("baca") || lower.starts_with("foto:") {
                continue;
            }
            if lower.contains("copyright") || t.contains('©') {
                footer.push_str(t);
                footer.push('\n');
                continue;
            }
            if !in_story && t.split_whitespace().count() >= 20 {
                in_story = true;
            }
            let target = if in_story { &mut body } else { &mut header };
            target.push_str(t);
            target.push('\n');
        }
        (header, body, footer)
    }

    /// `Jumat (6/12/2024)` → `Jumat (6/12)`, `Sabtu 13 Maret 2021` → `Sabtu 13 Maret`.
    fn strike_years(text: &str) -> String {
        let re = regex::Regex::new(
            r"(?i)((?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)[\s,]*\(?\d{1,2}(?:/\d{1,2}|\s+[a-z]+))(?:/\d{4}|,?\s+\d{4})",
        )
        .expect("regex");
        re.replace_all(text, "$1").into_owned()
    }

    #[test]
    #[ignore = "needs the labelled corpus outside the repository"]
    fn seeds_year_accuracy() {
        let dir = std::env::var_os("TELUSUR_SEEDS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds")
            });
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("seeds folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let (mut right, mut right_whole, mut right_hard, mut total) = (0, 0, 0, 0);
        for path in &paths {
            let raw = std::fs::read_to_string(path).expect("article text");
            let labels: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(path.with_extension("json")).expect("labels"),
            )
            .expect("labels JSON");
            let want = labels["year"].as_i64().map(|y| y as i32);
            let (header, body, footer) = split(&raw);
            let input = DateInput {
                header: &header,
                body: &body,
                footer: &footer,
                url: None,
            };
            let got = infer(&input);
            let ok = got.as_ref().and_then(|p| p.year) == want;
            total += 1;
            right += usize::from(ok);
            // Robustness to a bad split: everything as body, no header or footer.
            let whole = DateInput {
                body: &raw,
                ..DateInput::default()
            };
            let got_whole = infer(&whole);
            right_whole += usize::from(got_whole.as_ref().and_then(|p| p.year) == want);
            // Harder: no header, and the year struck from every weekday date, so that only
            // weekday inference can answer (`Jumat (6/12/2024)` → `Jumat (6/12)`).
            let struck = strike_years(&body);
            let hard = DateInput {
                body: &struck,
                ..DateInput::default()
            };
            let got_hard = infer(&hard);
            right_hard += usize::from(got_hard.as_ref().and_then(|p| p.year) == want);
            println!(
                "     years struck: {:?} — {}",
                got_hard.as_ref().map(|p| p.year),
                got_hard
                    .as_ref()
                    .map_or("no evidence", |p| p.evidence.as_str())
            );
            println!(
                "     whole text as body: {:?} — {}",
                got_whole.as_ref().map(|p| p.year),
                got_whole
                    .as_ref()
                    .map_or("no evidence", |p| p.evidence.as_str())
            );
            println!(
                "{} {:?} want {:?} got {:?} — {}",
                if ok { "OK  " } else { "MISS" },
                path.file_name().unwrap_or_default(),
                want,
                got.as_ref().map(|p| p.year),
                got.as_ref().map_or("no evidence", |p| p.evidence.as_str())
            );
        }
        println!(
            "year accuracy: {right}/{total} (whole text as body: {right_whole}/{total}; \
             header dropped and weekday dates' years struck: {right_hard}/{total})"
        );
        assert!(total > 0, "no articles in {}", dir.display());
        assert!(
            right * 100 >= total * 95,
            "year accuracy {right}/{total} below 95%"
        );
    }
}

/// The examples of the items above (crate-private, so not doc tests).
#[cfg(test)]
mod examples {
    #[test]
    fn infer_as_documented() {
        use crate::extract::dates::{infer, DateInput};

        let input = DateInput {
            body: "Jakarta (ANTARA) - Kedua negara sepakat, Kamis (24/3). \
                   Pertemuan sebelumnya digelar pada September 2019.",
            ..DateInput::default()
        };
        let p = infer(&input).unwrap();
        assert_eq!(p.year, Some(2022)); // 24 March is a Thursday in 2022, the first such year after 2019
        assert!(p.evidence.contains("Thursday"));
    }
}
