//! Finding date expressions in Indonesian (and English) news text.
//!
//! [`scan`] turns a piece of text into what the inference needs: full dates (day, month and year
//! known), weekday + day/month mentions without a year (`Kamis (24/3)`), and year mentions
//! (bare years and month + year) with the tense of the sentence around them. URL dates and
//! copyright footers have their own small parsers. Nothing here panics on odd input: every
//! number goes through `NaiveDate::from_ymd_opt` and out-of-range values are dropped.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::{Captures, Regex};

use crate::extract::{ceil_char, floor_char};

/// Month names and abbreviations, Indonesian and English, with their number.
const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("pebruari", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agus", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Weekday names, Indonesian and English.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
    ("ahad", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Weekday alternation (`Jum'at` and `Jum’at` included).
const WD: &str = r"senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/// Words that may stand between a weekday and its date: time of day and the like
/// (`Rabu petang (19/7)`, `Senin dini hari, 3 Mei 2021`).
const FILLER: &str = r"(?:(?:pagi|siang|sore|petang|malam|dini\s+hari|subuh|lalu|kemarin|ini|waktu\s+setempat|wib|wita|wit)[\s,]*){0,3}";

/// The month alternation, longest names first so that `Maret` is not read as `Mar`.
pub(crate) fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

/// `[Weekday[,] [filler]] d Month [yyyy]` (`Minggu, 11 September 2022`, `14 Jun 2018`,
/// `Kamis, 24 Maret`). The year is optional: without it, only a weekday makes it useful.
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)(?:(?-u:\b)({WD})(?-u:\b)[\s,]*{FILLER}\(?\s*)?(?-u:\b)(\d{{1,2}})\s*({m})(?-u:\b)\.?(?:[\s,]*'?(\d{{4}})(?-u:\b))?",
        m = month_alternation()
    );
    Regex::new(&re).expect("static regex")
});

/// English order: `[Weekday, ]November 5, 2024`.
/// A date glued to the byline before it (`Nama Penulis21 Februari 2009`), in a header: the
/// groups of [`TEXT_DATE`], the weekday's empty.
static GLUED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)()\p{{Ll}}(\d{{1,2}})\s*({m})(?-u:\b)\.?[\s,]*(\d{{4}})(?-u:\b)",
        m = month_alternation()
    );
    Regex::new(&re).expect("static regex")
});

/// A date opening a line with the story glued after its year (`7 Februari 201775 warga ...`: a
/// date line and a lead that opens with a number, joined by the scraper): the groups of
/// [`TEXT_DATE`], the weekday's empty; the match runs into the story, the date ends at the year.
static GLUED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?im)^()(\d{{1,2}})\s*({m})\.?\s+((?:19|20)\d{{2}})\d{{1,3}}\s+\p{{L}}",
        m = month_alternation()
    );
    Regex::new(&re).expect("static regex")
});

/// Where a date line glued to the story's first words ends (`7 Februari 2017` of `7 Februari
/// 201775 warga ...`), when the line opens with one.
pub(crate) fn glued_date_line_end(line: &str) -> Option<usize> {
    let c = GLUED_AFTER.captures(line)?;
    (c.get(0)?.start() == 0)
        .then(|| c.get(4).map(|y| y.end()))
        .flatten()
}

static TEXT_DATE_EN: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)(?:(?-u:\b)({WD})(?-u:\b)[\s,]*)?(?-u:\b)({m})(?-u:\b)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)",
        m = month_alternation()
    );
    Regex::new(&re).expect("static regex")
});

/// Year first with a month name, on a date line: `[Weekday, ]2020 September 02` (some CMS
/// templates print `D, Y F d`).
static TEXT_DATE_YMD: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)(?:(?-u:\b)({WD})(?-u:\b)[\s,]*)?(?-u:\b)((?:19|20)\d{{2}})\s+({m})(?-u:\b)\.?\s+(\d{{1,2}})(?-u:\b)",
        m = month_alternation()
    );
    Regex::new(&re).expect("static regex")
});

/// `[Weekday [filler]] [(] [d-]d/m/yyyy` with `/`, `.` or `-` (`Rabu(23/8/2017)`, `(06/12/2024)`,
/// `14/04/2022, 09:46`, a span of days `Rabu hingga Kamis (23-24/1/2019)`: its last day).
static NUM_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)(?:(?-u:\b)({WD})(?-u:\b)[\s,]*{FILLER})?(\(\s*)?(?:(?-u:\b)\d{{1,2}}\s*[-–]\s*)?(?-u:\b)(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})\s*([/.-])\s*(\d{{4}}|\d{{2}})(?-u:\b)"
    );
    Regex::new(&re).expect("static regex")
});

/// Year-first dates (`2022-09-11`, `2022/09/11`, also at the start of `2022-09-11T12:50`).
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)\d{2})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:T|(?-u:\b))")
        .expect("static regex")
});

/// `Weekday [filler] (d/m)`: the most common dateline form, no year; also with the weekday
/// inside the brackets (`hari ini (Rabu 18/3)`): groups 4-6 then.
static WEEKDAY_DM: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)(?-u:\b)({WD})(?-u:\b)[\s,]*{FILLER}\(\s*(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*\)|\(({WD})(?-u:\b)[\s,]+(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*\)"
    );
    Regex::new(&re).expect("static regex")
});

/// `(d/m)` without a weekday (`Kemarin (1/2)`, `di Gedung Pancasila (28/10)`): the day of the
/// story, whose year only tight anchors can give.
static BARE_DM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*\)").expect("static regex"));

/// `Month yyyy` (`pada September 2019`, `Mei tahun 2022`).
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)(?-u:\b)({m})(?-u:\b)\.?\s+(?:tahun\s+)?(\d{{4}})(?-u:\b)",
        m = month_alternation()
    );
    Regex::new(&re).expect("static regex")
});

/// A bare four-digit year.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(19\d{2}|20\d{2})(?-u:\b)").expect("static regex"));

/// URL dates: `/2015/01/31/`, `/2015/01/`, `/20180312/`, `-20180312`, `_2018-03-12`.
static URL_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[/_-]((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?:[/_.?#-]|$)")
        .expect("static regex")
});
/// Day-first URL dates: `/22/09/2014/` (some portals end the address with the date).
static URL_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?:[/_.?#-]|$)").expect("static regex")
});
static URL_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})\d{0,6}(?:[/_.?#-]|$)").expect("static regex")
});

/// Copyright footers: `Copyright © ANTARA 2022`, `© 2015-2022 Kompas.com`, `Hak cipta ... 2021`.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:copyright|hak\s+cipta|©|\(c\))[^\n\d]{0,60}?((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?",
    )
    .expect("static regex")
});

/// The month number of a name or abbreviation (`Pebruari` → 2, `Sept.` → 9).
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

/// The weekday of a name (`Jum'at`, `KAMIS`, `Thursday`).
pub(crate) fn weekday_of(word: &str) -> Option<Weekday> {
    let mut buf = [0u8; 16];
    let mut n = 0;
    for b in word.bytes() {
        if b == b'\'' || !b.is_ascii() {
            continue; // apostrophes, including the UTF-8 bytes of '’'
        }
        if n == buf.len() {
            return None;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    let w = std::str::from_utf8(&buf[..n]).ok()?;
    WEEKDAYS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|&(_, d)| d)
}

/// The Indonesian weekday name, for evidence strings.
pub(crate) fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The tense of the sentence around a date or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Marked as past (`lalu`, `sebelumnya`, `sejak`, `telah`, ...): publication is later.
    Past,
    /// Marked as planned (`akan`, `rencana`, `mendatang`, ...): publication is earlier.
    Future,
    /// Marked as now (`2022 ini`).
    Current,
    /// The year of a law or agreement (`UU Nomor 5 Tahun 2018`, `MoU 2015`): past, but old.
    Law,
    /// A year in a name (`Pilkada 2024`, `Piala Dunia 2022`): says nothing reliable.
    Named,
    /// No marker.
    Neutral,
}

/// A date whose day, month and year are all known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dated {
    /// Byte offset in the scanned text.
    pub start: usize,
    /// Byte offset of the end of the match.
    pub end: usize,
    /// The matched text, whitespace collapsed.
    pub text: String,
    /// The date.
    pub date: NaiveDate,
    /// The weekday written before it, if any.
    pub weekday: Option<Weekday>,
    /// Written in digits (`6/12/2024`) rather than with a month name.
    pub numeric: bool,
    /// Written in parentheses (`(6/12/2024)`), the dateline style.
    pub bracketed: bool,
    /// The tense of its sentence.
    pub tense: Tense,
}

impl Dated {
    /// Whether a weekday was written and it agrees with the date.
    pub fn weekday_agrees(&self) -> bool {
        self.weekday.is_some_and(|w| w == self.date.weekday())
    }
}

/// A weekday with day and month but no year (`Kamis (24/3)`, `Kamis, 24 Maret`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DayMonth {
    /// Byte offset in the scanned text.
    pub start: usize,
    /// The matched text, whitespace collapsed.
    pub text: String,
    /// The weekday written.
    pub weekday: Weekday,
    /// Day of month (not validated: `(31/2)` is kept and simply never matches a year).
    pub day: u32,
    /// Month (not validated).
    pub month: u32,
}

impl DayMonth {
    /// Whether this day and month fall on this weekday in `year`.
    pub fn fits(&self, year: i32) -> bool {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .is_some_and(|d| d.weekday() == self.weekday)
    }
}

/// A year mentioned without a day (`2020`, `September 2019`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearMention {
    /// Byte offset in the scanned text.
    pub start: usize,
    /// The year.
    pub year: i32,
    /// The month, when written with one.
    pub month: Option<u32>,
    /// The tense of its sentence.
    pub tense: Tense,
}

/// Everything date-like found in one piece of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    /// Full dates, in text order.
    pub dated: Vec<Dated>,
    /// Weekday + day/month without year, in text order.
    pub day_months: Vec<DayMonth>,
    /// Years and month-years (not those inside full dates), in text order.
    pub years: Vec<YearMention>,
    /// Bracketed day/month without weekday or year (`(1/2)`), as (day, month, text), in text
    /// order; story text only.
    pub bare_day_months: Vec<(u32, u32, String)>,
}

/// How strict to be with numbers that look like dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A header line: any `d/m/yyyy` is a date (`Kompas.com - 14/04/2022, 09:46 WIB`).
    Header,
    /// Story text: a numeric date needs parentheses or a weekday before it.
    Body,
}

/// Collapses runs of whitespace to one space and drops trailing punctuation (for evidence).
fn collapse(s: &str) -> String {
    s.trim_end_matches(['.', ',', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a small number; absurdly long digit runs are `None`, not a panic.
fn num(s: &str) -> Option<u32> {
    if s.len() > 4 {
        return None;
    }
    s.parse().ok()
}

fn cap<'t>(c: &Captures<'t>, i: usize) -> Option<&'t str> {
    c.get(i).map(|m| m.as_str())
}

/// Non-overlapping byte ranges, by start.
#[derive(Default)]
struct Covered(std::collections::BTreeMap<usize, usize>);

impl Covered {
    fn push(&mut self, start: usize, end: usize) {
        let e = self.0.entry(start).or_insert(end);
        *e = (*e).max(end);
    }

    /// Whether `[s, e)` overlaps no range.
    fn free(&self, s: usize, e: usize) -> bool {
        self.0
            .range(..e)
            .next_back()
            .is_none_or(|(_, &end)| end <= s)
    }
}

/// Finds every date expression in `text`.
pub(crate) fn scan(text: &str, mode: Mode) -> Scan {
    let mut out = Scan::default();
    // Byte ranges already claimed by a longer expression, by start (they do not overlap, so
    // the one starting last before a match's end is the only one that can overlap it: a
    // lookup per match, not a pass over every range claimed, which was quadratic on a long
    // line dense with dates).
    let mut covered = Covered::default();
    let free = |covered: &Covered, s: usize, e: usize| covered.free(s, e);

    for c in NUM_DATE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let weekday = cap(&c, 1).and_then(weekday_of);
        let bracketed = c.get(2).is_some();
        if cap(&c, 4) != cap(&c, 6) {
            continue; // `1/2-2020`: not one date
        }
        let (Some(d), Some(mo), Some(ys)) = (
            cap(&c, 3).and_then(num),
            cap(&c, 5).and_then(num),
            cap(&c, 7),
        ) else {
            continue;
        };
        if mode == Mode::Body && !bracketed && weekday.is_none() {
            continue;
        }
        let year = match (ys.len(), num(ys)) {
            (4, Some(y)) => y as i32,
            (2, Some(y)) if bracketed || weekday.is_some() || mode == Mode::Header => {
                2000 + y as i32
            }
            _ => continue,
        };
        // Day first (Indonesian); month first only when day first cannot be a date.
        let date = NaiveDate::from_ymd_opt(year, mo, d)
            .or_else(|| (d <= 12 && mo > 12).then(|| NaiveDate::from_ymd_opt(year, d, mo))?);
        let Some(date) = date else { continue };
        let start = c.get(2).map_or(m.start(), |p| p.start()).min(m.start());
        let mut end = m.end();
        if bracketed && text[end..].trim_start().starts_with(')') {
            end += text[end..].find(')').map_or(0, |i| i + 1);
        }
        covered.push(m.start(), end);
        out.dated.push(Dated {
            start,
            end,
            text: collapse(&text[m.start()..end]),
            date,
            weekday,
            numeric: true,
            bracketed,
            tense: tense(text, m.start(), end, false),
        });
    }

    if mode == Mode::Header {
        for c in ISO_DATE.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            if !free(&covered, m.start(), m.end()) {
                continue;
            }
            if cap(&c, 2) != cap(&c, 4) {
                continue;
            }
            let (Some(y), Some(mo), Some(d)) = (
                cap(&c, 1).and_then(num),
                cap(&c, 3).and_then(num),
                cap(&c, 5).and_then(num),
            ) else {
                continue;
            };
            let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d) else {
                continue;
            };
            covered.push(m.start(), m.end());
            out.dated.push(Dated {
                start: m.start(),
                end: m.end(),
                text: collapse(m.as_str().trim_end_matches('T')),
                date,
                weekday: None,
                numeric: true,
                bracketed: false,
                tense: Tense::Neutral,
            });
        }
    }

    // Year first only on a date line (header): in a story `2020 September 12` is rare and
    // more likely a year followed by something else.
    let year_first: &[&Regex] = if mode == Mode::Header {
        &[&TEXT_DATE_YMD, &GLUED_DATE]
    } else {
        &[]
    };
    for re in [&*TEXT_DATE, &*TEXT_DATE_EN, &*GLUED_AFTER]
        .into_iter()
        .chain(year_first.iter().copied())
    {
        let english = std::ptr::eq(re, &*TEXT_DATE_EN);
        let ymd = std::ptr::eq(re, &*TEXT_DATE_YMD);
        let glued = std::ptr::eq(re, &*GLUED_DATE);
        let glued_after = std::ptr::eq(re, &*GLUED_AFTER);
        // (Only a line opening with a digit can hold one: a pass of memchr, not of the regex.)
        if glued_after
            && !text
                .split('\n')
                .any(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        for c in re.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            // A glued date starts at its day, after the byline's last letter.
            let from = if glued {
                c.get(2).map_or(m.start(), |d| d.start())
            } else {
                m.start()
            };
            // A date with the story glued after it ends at its year.
            let to = if glued_after {
                c.get(4).map_or(m.end(), |y| y.end())
            } else {
                m.end()
            };
            if !free(&covered, m.start(), to) {
                continue;
            }
            let weekday = cap(&c, 1).and_then(weekday_of);
            let (day, month, year) = if english {
                (cap(&c, 3), cap(&c, 2), cap(&c, 4))
            } else if ymd {
                (cap(&c, 4), cap(&c, 3), cap(&c, 2))
            } else {
                (cap(&c, 2), cap(&c, 3), cap(&c, 4))
            };
            let (Some(day), Some(month)) = (day.and_then(num), month.and_then(month_number)) else {
                continue;
            };
            match year.and_then(num) {
                Some(y) => {
                    let Some(date) = NaiveDate::from_ymd_opt(y as i32, month, day) else {
                        continue;
                    };
                    covered.push(from, to);
                    out.dated.push(Dated {
                        start: from,
                        end: to,
                        text: collapse(&text[from..to]),
                        date,
                        weekday,
                        numeric: false,
                        bracketed: false,
                        tense: tense(text, from, to, false),
                    });
                }
                None => {
                    // `Kamis, 24 Maret`: only worth keeping with its weekday.
                    if let Some(weekday) = weekday {
                        covered.push(m.start(), m.end());
                        out.day_months.push(DayMonth {
                            start: m.start(),
                            text: collapse(m.as_str()),
                            weekday,
                            day,
                            month,
                        });
                    }
                }
            }
        }
    }

    for c in WEEKDAY_DM.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if !free(&covered, m.start(), m.end()) {
            continue;
        }
        let (Some(weekday), Some(day), Some(month)) = (
            cap(&c, 1).or_else(|| cap(&c, 4)).and_then(weekday_of),
            cap(&c, 2).or_else(|| cap(&c, 5)).and_then(num),
            cap(&c, 3).or_else(|| cap(&c, 6)).and_then(num),
        ) else {
            continue;
        };
        covered.push(m.start(), m.end());
        out.day_months.push(DayMonth {
            start: m.start(),
            text: collapse(m.as_str()),
            weekday,
            day,
            month,
        });
    }

    if mode == Mode::Body {
        for c in BARE_DM.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            if !free(&covered, m.start(), m.end()) {
                continue;
            }
            if let (Some(day), Some(month)) = (cap(&c, 1).and_then(num), cap(&c, 2).and_then(num)) {
                if (1..=31).contains(&day) && (1..=12).contains(&month) {
                    out.bare_day_months.push((day, month, collapse(m.as_str())));
                }
            }
        }
    }

    for c in MONTH_YEAR.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if !free(&covered, m.start(), m.end()) {
            continue;
        }
        let (Some(month), Some(year)) =
            (cap(&c, 1).and_then(month_number), cap(&c, 2).and_then(num))
        else {
            continue;
        };
        covered.push(m.start(), m.end());
        out.years.push(YearMention {
            start: m.start(),
            year: year as i32,
            month: Some(month),
            tense: tense(text, m.start(), m.end(), false),
        });
    }

    for m in YEAR.find_iter(text) {
        if !free(&covered, m.start(), m.end()) || in_range_or_number(text, m.start(), m.end()) {
            continue;
        }
        let Some(year) = num(m.as_str()) else {
            continue;
        };
        out.years.push(YearMention {
            start: m.start(),
            year: year as i32,
            month: None,
            tense: tense(text, m.start(), m.end(), true),
        });
    }

    for d in &mut out.dated {
        new_years_slip(d);
    }
    out.dated.sort_by_key(|d| d.start);
    out.day_months.sort_by_key(|d| d.start);
    out.years.sort_by_key(|y| y.start);
    out
}

/// The slip of a new year's first weeks: a January date written with the old year (`Sabtu
/// (1/1/2021)` on a Saturday, which 1 January was in 2022, not 2021). When the weekday written
/// disagrees with the year written and agrees with the next, the next year is meant; the text
/// says so for the evidence.
fn new_years_slip(d: &mut Dated) {
    if d.date.month() != 1 || d.weekday.is_none() || d.weekday_agrees() {
        return;
    }
    let Some(next) = d.date.with_year(d.date.year() + 1) else {
        return;
    };
    if d.weekday == Some(next.weekday()) {
        d.date = next;
        d.text = format!("{} (its weekday is of {})", d.text, next.year());
    }
}

/// Whether a bare year is part of a range (`2019-2025`), a longer number (`1.2020`, `3/2020`),
/// or a count (`2020 orang`).
fn in_range_or_number(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    let after = text[end..].trim_start_matches([' ', '\u{a0}']);
    let joiner = |c: char| matches!(c, '-' | '–' | '—' | '/' | '.' | ',' | ':');
    if let Some(rest) = before.strip_suffix(joiner) {
        if rest.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    if let Some(rest) = after.strip_prefix(joiner) {
        if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    let next: &str = after
        .split(|c: char| !c.is_alphanumeric() && c != '%')
        .next()
        .unwrap_or("");
    const COUNTS: &[&str] = &[
        "orang", "jiwa", "unit", "kasus", "km", "meter", "persen", "%", "rupiah", "personel",
        "warga", "people", "persons",
    ];
    COUNTS.iter().any(|w| next.eq_ignore_ascii_case(w)) || next.starts_with('%')
}

const PAST: &[&str] = &[
    "lalu",
    "sebelumnya",
    "silam",
    "sejak",
    "pernah",
    "telah",
    "sudah",
    "terakhir",
    "kemarin",
    "ditandatangani",
    "menandatangani",
    "diteken",
    "meneken",
    "disepakati",
    "disahkan",
    "diundangkan",
    "dibentuk",
    "didirikan",
    "terjadi",
    "ago",
    "since",
    "previously",
    "earlier",
    "last",
    "signed",
];
const FUTURE: &[&str] = &[
    "akan",
    "direncanakan",
    "rencana",
    "rencananya",
    "berencana",
    "dijadwalkan",
    "mendatang",
    "depan",
    "target",
    "ditargetkan",
    "menargetkan",
    "menjelang",
    "jelang",
    "nanti",
    "kelak",
    "visi",
    "proyeksi",
    "upcoming",
    "will",
    "planned",
    "scheduled",
];
/// Markers that follow the date they qualify (`Mei 2022 lalu`, `Juni mendatang`).
const AFTER_MARKERS: &[&str] = &[
    "lalu",
    "silam",
    "ago",
    "earlier",
    "mendatang",
    "depan",
    "nanti",
];
const LAW: &[&str] = &[
    "uu",
    "undang",
    "nomor",
    "no",
    "peraturan",
    "perpres",
    "pp",
    "perppu",
    "perpu",
    "keppres",
    "inpres",
    "permen",
    "perkap",
    "perpol",
    "perma",
    "perda",
    "resolusi",
    "konvensi",
    "keputusan",
    "instruksi",
    "law",
    "resolution",
];
const AGREEMENT: &[&str] = &[
    "mou",
    "nota",
    "kesepahaman",
    "perjanjian",
    "kesepakatan",
    "agreement",
    "treaty",
    "memorandum",
    "deklarasi",
    "declaration",
    "piagam",
    "charter",
    "protokol",
];
/// Words that end a span (`sejak 2019 hingga 2021`, `hingga 2025`).
const SPAN_END: &[&str] = &["hingga", "sampai", "until", "through", "sd"];
/// Words before a bare year that make it a plain time reference, not part of a name.
const TIME_WORDS: &[&str] = &[
    "pada",
    "tahun",
    "sejak",
    "hingga",
    "sampai",
    "di",
    "dalam",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "sepanjang",
    "selama",
    "per",
    "in",
    "since",
    "until",
    "by",
    "of",
    "tahun-tahun",
    "periode",
    "semester",
    "kuartal",
    "triwulan",
    "bulan",
    "tanggal",
    "sekitar",
    "antara",
    "dan",
];

fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_any(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// How many words before a mention a tense marker may stand.
const MAX_BEFORE: usize = 8;
/// How many words after a mention a tense marker may stand (`pada Mei 2022 lalu`).
const MAX_AFTER: usize = 4;

/// Classifies the sentence around `text[start..end]` by the tense markers nearest to it.
fn tense(text: &str, start: usize, end: usize, bare_year: bool) -> Tense {
    // The sentence around the mention, at most ~120 bytes back and ~80 forward.
    let lo = floor_char(text, start.saturating_sub(120));
    let hi = ceil_char(text, end.saturating_add(80));
    let before_all = &text[lo..start];
    let before = match before_all.rfind(['.', '!', '?', '\n']) {
        // Keep `No.` style abbreviations inside the window: a boundary needs a space after it.
        Some(i) if before_all[i + 1..].starts_with([' ', '\n']) || &before_all[i..=i] == "\n" => {
            &before_all[i + 1..]
        }
        _ => before_all,
    };
    let after_all = &text[end..hi];
    let after = match after_all.find(['.', '!', '?', '\n']) {
        Some(i) => &after_all[..i],
        None => after_all,
    };

    if words(after)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("ini"))
    {
        return Tense::Current;
    }

    if bare_year {
        let prev: Vec<&str> = words(before).rev().take(8).collect();
        if prev
            .first()
            .is_some_and(|w| w.eq_ignore_ascii_case("tahun"))
            && prev.iter().skip(1).any(|w| is_any(w, LAW))
        {
            return Tense::Law;
        }
        if prev.iter().take(3).any(|w| is_any(w, AGREEMENT)) {
            return Tense::Law;
        }
        // `hingga 2025`: the end of a span, past or planned; no bound either way.
        if prev.first().is_some_and(|w| is_any(w, SPAN_END)) {
            return Tense::Named;
        }
        // `Pilkada 2024`, `Piala Dunia 2022`: a capitalised word right before the year.
        if let Some(p) = prev.first() {
            let capital = p.chars().next().is_some_and(char::is_uppercase);
            let adjacent = before.trim_end().ends_with(p);
            if capital
                && adjacent
                && !is_any(p, TIME_WORDS)
                && month_number(p).is_none()
                && !is_any(p, PAST)
            {
                return Tense::Named;
            }
        }
    }

    // Nearest marker wins; distance in words. A marker belongs to this mention only when no
    // other year stands between them (`pada 2019 lalu, ujar dia, Rabu 17 Februari 2021`).
    let is_year = |w: &&str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let back = || {
        words(before)
            .rev()
            .take_while(|w| !is_year(w))
            .take(MAX_BEFORE)
    };
    let fwd = || words(after).take_while(|w| !is_year(w)).take(MAX_AFTER);
    // `lalu`, `silam`, `mendatang` follow their date; the other markers precede it.
    let past_before = back().position(|w| is_any(w, PAST) && !is_any(w, AFTER_MARKERS));
    let fut_before = back().position(|w| is_any(w, FUTURE) && !is_any(w, AFTER_MARKERS));
    let past_after = fwd().position(|w| is_any(w, PAST) && is_any(w, AFTER_MARKERS));
    let fut_after = fwd().position(|w| is_any(w, FUTURE) && is_any(w, AFTER_MARKERS));
    let near = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    };
    match (near(past_before, past_after), near(fut_before, fut_after)) {
        (Some(p), Some(f)) if f < p => Tense::Future,
        (Some(_), _) => Tense::Past,
        (None, Some(_)) => Tense::Future,
        (None, None) => Tense::Neutral,
    }
}

/// Every four-digit year written in `text`, in names, numbers and ranges too (`Work Plan
/// 2021`, `ke-13/2019`, `2014-2019`).
pub(crate) fn years_named(text: &str) -> impl Iterator<Item = i32> + '_ {
    YEAR.find_iter(text)
        .filter_map(|m| num(m.as_str()).map(|y| y as i32))
}

/// A date or year read from a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UrlDate {
    /// The year.
    pub year: i32,
    /// The full date, when the URL carries the day.
    pub date: Option<NaiveDate>,
    /// The matched part of the URL.
    pub text: String,
}

/// Reads a date from a URL path (`/2015/01/31/`, `/20180312/`, `-20180312`, `/2015/01/`).
pub(crate) fn url_date(url: &str) -> Option<UrlDate> {
    // Ignore the host: `news-2018.example` is not a date.
    let path_start = url
        .find("://")
        .map(|i| i + 3)
        .and_then(|i| url[i..].find('/').map(|j| i + j))
        .unwrap_or(0);
    let path = &url[path_start..];
    for c in URL_YMD.captures_iter(path) {
        let (Some(y), Some(m)) = (cap(&c, 1).and_then(num), cap(&c, 2).and_then(num)) else {
            continue;
        };
        let text = c.get(0).map_or("", |m| m.as_str());
        match cap(&c, 3).and_then(num) {
            Some(d) => {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    return Some(UrlDate {
                        year: y as i32,
                        date: Some(date),
                        text: text.into(),
                    });
                }
            }
            // Year and month only: `/2019/07/` yes, a slug's `-2019-12-` (a count?) no.
            None if (1..=12).contains(&m) && text.as_bytes().get(5) == Some(&b'/') => {
                return Some(UrlDate {
                    year: y as i32,
                    date: None,
                    text: text.into(),
                });
            }
            None => {}
        }
    }
    // Year first (`/20180312/`), then day first (`/22/09/2014/`): the capture groups of
    // year, month and day in each; only a real date counts.
    for (re, [yi, mi, di]) in [(&*URL_COMPACT, [1, 2, 3]), (&*URL_DMY, [3, 2, 1])] {
        for c in re.captures_iter(path) {
            let (Some(y), Some(m), Some(d)) = (
                cap(&c, yi).and_then(num),
                cap(&c, mi).and_then(num),
                cap(&c, di).and_then(num),
            ) else {
                continue;
            };
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                let text = c.get(0).map_or("", |m| m.as_str());
                return Some(UrlDate {
                    year: y as i32,
                    date: Some(date),
                    text: text.into(),
                });
            }
        }
    }
    // A whole path segment of month and year (`/03-2015/`): an archive folder by month.
    for seg in path.split(['/', '?', '#']) {
        let b = seg.as_bytes();
        if b.len() == 7 && b[2] == b'-' {
            let (m, y) = (num(&seg[..2]), num(&seg[3..]));
            if let (Some(m), Some(y)) = (m, y) {
                if (1..=12).contains(&m) && (1990..=2100).contains(&y) {
                    return Some(UrlDate {
                        year: y as i32,
                        date: None,
                        text: format!("/{seg}/"),
                    });
                }
            }
        }
    }
    None
}

/// The year of a copyright footer (`Copyright © ANTARA 2022`; the later year of a range).
pub(crate) fn copyright_year(footer: &str) -> Option<(i32, String)> {
    let c = COPYRIGHT.captures_iter(footer).last()?;
    let year = cap(&c, 2).or(cap(&c, 1)).and_then(num)? as i32;
    Some((year, collapse(c.get(0)?.as_str())))
}

/// `16 tahun lalu, 9 November 2005` or `pada 2002, atau 20 tahun lalu`: a date or year told as
/// so many years ago dates the story itself (2021, 2022). The year and the words that say so.
pub(crate) fn years_ago(text: &str) -> Option<(i32, String)> {
    // (The cheap test first: most stories say no such thing.)
    if !(text.contains("ahun lalu") || text.contains("ahun yang lalu")) {
        return None;
    }
    static AGO_THEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(\d{1,2})\s+tahun\s+(?:yang\s+)?lalu\s*[,(]?\s*(?:yakni\s+|tepatnya\s+)?(?:pada\s+)?(?:tanggal\s+)?(?:\d{1,2}\s+\p{L}+\s+)?((?:19|20)\d{2})\b",
        )
        .expect("static regex")
    });
    static THEN_AGO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b((?:19|20)\d{2})\s*[,(]?\s*(?:atau\s+|sekitar\s+|tepatnya\s+)?(\d{1,2})\s+tahun\s+(?:yang\s+)?lalu\b",
        )
        .expect("static regex")
    });
    let found = |y: &str, n: &str, m: regex::Match<'_>| {
        let (y, n) = (num(y)? as i32, num(n)? as i32);
        (n >= 1).then(|| (y + n, collapse(m.as_str())))
    };
    if let Some(c) = AGO_THEN.captures(text) {
        return found(&c[2], &c[1], c.get(0)?);
    }
    let c = THEN_AGO.captures(text)?;
    found(&c[1], &c[2], c.get(0)?)
}

/// Whether the line of a copyright footer names its holder (`Copyright © ANTARA 2022`, `© 2016
/// Portal`), not only the notice (`© Copyright 2024, All Rights Reserved`: a site template's
/// year, often the year the page was shown, not written).
pub(crate) fn copyright_names_holder(footer: &str) -> bool {
    let Some(m) = COPYRIGHT.find_iter(footer).last() else {
        return false;
    };
    let start = footer[..m.start()].rfind('\n').map_or(0, |i| i + 1);
    let end = footer[m.end()..]
        .find('\n')
        .map_or(footer.len(), |i| m.end() + i);
    const NOTICE: &[&str] = &[
        "copyright",
        "hak",
        "cipta",
        "dilindungi",
        "undang-undang",
        "all",
        "rights",
        "reserved",
        "c",
    ];
    footer[start..end]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .any(|w| !NOTICE.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_and_weekdays_in_both_languages() {
        for (w, m) in [
            ("Januari", 1),
            ("Pebruari", 2),
            ("feb", 2),
            ("MARET", 3),
            ("Mei", 5),
            ("May", 5),
            ("Agt", 8),
            ("Agu", 8),
            ("Aug.", 8),
            ("Sept", 9),
            ("Okt", 10),
            ("Oct", 10),
            ("Nopember", 11),
            ("Des", 12),
            ("Dec", 12),
        ] {
            assert_eq!(month_number(w), Some(m), "{w}");
        }
        assert_eq!(month_number("Maretan"), None);
        assert_eq!(weekday_of("Jum'at"), Some(Weekday::Fri));
        assert_eq!(weekday_of("Jum’at"), Some(Weekday::Fri));
        assert_eq!(weekday_of("KAMIS"), Some(Weekday::Thu));
        assert_eq!(weekday_of("Ahad"), Some(Weekday::Sun));
        assert_eq!(weekday_of("Thursday"), Some(Weekday::Thu));
        assert_eq!(weekday_of("Kemis"), None);
    }

    #[test]
    fn year_first_text_dates_only_in_headers() {
        // In a story, a year before a month name is a year, not the start of a date.
        let s = scan("Pada 2020 September 12 orang ditangkap.", Mode::Body);
        assert!(s.dated.is_empty(), "{s:?}");
        assert_eq!(s.years.len(), 1, "{s:?}");
    }

    #[test]
    fn header_forms() {
        let cases = [
            (
                "Senin, 3 Oktober 2022 09:15 WIB",
                ymd(2022, 10, 3),
                Some(Weekday::Mon),
            ),
            (
                "Rabu 7 Feb 2018 21:05 WIB",
                ymd(2018, 2, 7),
                Some(Weekday::Wed),
            ),
            ("Tribun.com - 05/07/2021, 18:20 WIB", ymd(2021, 7, 5), None),
            (
                "JUMAT, 20 JULI 2018 | 10:11 WIB",
                ymd(2018, 7, 20),
                Some(Weekday::Fri),
            ),
            ("Published 2019-06-04T08:00:00+07:00", ymd(2019, 6, 4), None),
            (
                "Tuesday, March 5, 2019",
                ymd(2019, 3, 5),
                Some(Weekday::Tue),
            ),
            ("Diunggah 9 Agt. 2016", ymd(2016, 8, 9), None),
            ("Terbit 2017/08/23 13:45", ymd(2017, 8, 23), None),
            (
                "Thursday, 2019 March 14 | oleh Redaksi",
                ymd(2019, 3, 14),
                Some(Weekday::Thu),
            ),
            ("Thu, 2019 March 14 | oleh Redaksi", ymd(2019, 3, 14), None),
            ("2021 Okt 05 - Admin", ymd(2021, 10, 5), None),
        ];
        for (text, date, wd) in cases {
            let s = scan(text, Mode::Header);
            assert_eq!(s.dated.len(), 1, "{text}: {s:?}");
            assert_eq!(s.dated[0].date, date, "{text}");
            assert_eq!(s.dated[0].weekday, wd, "{text}");
        }
    }

    #[test]
    fn dateline_numeric_forms_in_body() {
        let cases = [
            (
                "Ia tiba di Medan, Selasa (3/9/2019), untuk rapat.",
                ymd(2019, 9, 3),
                true,
            ),
            (
                "pejabat itu berkata, Senin(21/8/2017) pagi",
                ymd(2017, 8, 21),
                true,
            ),
            ("dalam rilis Kamis (05/03/2020) lalu", ymd(2020, 3, 5), true),
            ("seperti dikutip (12/1/2023) malam", ymd(2023, 1, 12), true),
            ("pada Selasa malam (10/12/2024)", ymd(2024, 12, 10), true),
        ];
        for (text, date, bracketed) in cases {
            let s = scan(text, Mode::Body);
            assert_eq!(s.dated.len(), 1, "{text}: {s:?}");
            assert_eq!(s.dated[0].date, date, "{text}");
            assert_eq!(s.dated[0].bracketed, bracketed, "{text}");
        }
        // Without brackets or a weekday, digits in the story are not a date.
        assert!(scan("surat bernomor 12/04/2019 itu", Mode::Body)
            .dated
            .is_empty());
        assert_eq!(
            scan("surat bernomor 12/04/2019 itu", Mode::Header)
                .dated
                .len(),
            1
        );
    }

    #[test]
    fn weekday_day_month_forms() {
        let cases = [
            (
                "kata dia di Bandung, Rabu petang (19/7).",
                Weekday::Wed,
                19,
                7,
            ),
            ("Senin sore (3/5) dalam rapat", Weekday::Mon, 3, 5),
            ("berkunjung, Jumat\n(8/4), ke sana", Weekday::Fri, 8, 4),
            ("rapat pada Kamis, 24 Maret, di gedung", Weekday::Thu, 24, 3),
            ("Jum'at ( 2 / 10 )", Weekday::Fri, 2, 10),
            (
                "sidang digelar hari ini (Rabu 18/3) di pengadilan",
                Weekday::Wed,
                18,
                3,
            ),
            (
                "sidang digelar (Kamis, 9/4) di pengadilan",
                Weekday::Thu,
                9,
                4,
            ),
        ];
        for (text, wd, d, m) in cases {
            let s = scan(text, Mode::Body);
            assert_eq!(s.day_months.len(), 1, "{text}: {s:?}");
            let dm = &s.day_months[0];
            assert_eq!((dm.weekday, dm.day, dm.month), (wd, d, m), "{text}");
            assert!(s.dated.is_empty(), "{text}");
        }
        // `9/11` alone is not a date mention; `(9/11)` without weekday neither.
        let s = scan("serangan 9/11 dan peristiwa (9/11) itu", Mode::Body);
        assert!(s.day_months.is_empty() && s.dated.is_empty());
    }

    #[test]
    fn day_month_fits_uses_the_real_calendar() {
        let dm = |wd, day, month| DayMonth {
            start: 0,
            text: String::new(),
            weekday: wd,
            day,
            month,
        };
        // 24 March 2022 was a Thursday, 24 March 2021 a Wednesday.
        assert!(dm(Weekday::Thu, 24, 3).fits(2022));
        assert!(!dm(Weekday::Thu, 24, 3).fits(2021));
        assert!(dm(Weekday::Tue, 29, 2).fits(2028));
        assert!(!dm(Weekday::Thu, 29, 2).fits(2023)); // not a leap year
        for y in 1990..2100 {
            assert!(!dm(Weekday::Mon, 31, 2).fits(y));
            assert!(!dm(Weekday::Mon, 99, 99).fits(y));
        }
    }

    #[test]
    fn years_tenses_and_traps() {
        let s = scan(
            "Sebelumnya kedua negara menandatangani nota kesepahaman pada Juni 2016. \
             Aturan itu ada di UU Nomor 5 Tahun 2018. Rencana kerja 2020-2024 disusun. \
             Program ini akan digelar pada Oktober 2023. Sebanyak 2019 orang hadir. \
             Tahun 2021 ini anggaran naik. Menjelang Pemilu 2024 polisi siaga. \
             Program berjalan hingga 2025.",
            Mode::Body,
        );
        let got: Vec<(i32, Tense)> = s.years.iter().map(|y| (y.year, y.tense)).collect();
        assert_eq!(
            got,
            vec![
                (2016, Tense::Past),
                (2018, Tense::Law),
                (2023, Tense::Future),
                (2021, Tense::Current),
                (2024, Tense::Named),
                (2025, Tense::Named),
            ]
        );
    }

    #[test]
    fn numeric_day_span_and_bare_day_month() {
        let s = scan(
            "Rapat kerja itu digelar Senin hingga Selasa (14-15/3/2022) di Surabaya, dan \
             dilanjutkan kemarin (16/3) di Malang.",
            Mode::Body,
        );
        let got: Vec<(NaiveDate, bool)> = s.dated.iter().map(|d| (d.date, d.bracketed)).collect();
        assert_eq!(got, vec![(ymd(2022, 3, 15), true)]);
        assert_eq!(s.bare_day_months, vec![(16, 3, "(16/3)".to_string())]);
        // A header line keeps no bare day/month, and a bracketed full date is not one.
        assert!(scan("Berita (16/3)", Mode::Header)
            .bare_day_months
            .is_empty());
        assert!(scan("pada (16/3/2022)", Mode::Body)
            .bare_day_months
            .is_empty());
    }

    #[test]
    fn prose_dates_and_ranges() {
        let s = scan(
            "Forum itu berlangsung pada 14-16 Juni 2021 lalu, dan tim akan datang pada \
             30 Oktober-3 November 2021.",
            Mode::Body,
        );
        let got: Vec<(NaiveDate, Tense)> = s.dated.iter().map(|d| (d.date, d.tense)).collect();
        assert_eq!(
            got,
            vec![
                (ymd(2021, 6, 16), Tense::Past),
                (ymd(2021, 11, 3), Tense::Future)
            ]
        );
    }

    #[test]
    fn weird_input_does_not_panic() {
        for text in [
            "(31/2)",
            "Senin (31/2)",
            "Senin (99/99/9999)",
            "(00/00/0000)",
            "Kamis (123456789012345678901234567890/3)",
            "Rabu, 99 Maret 99999999999999999999",
            "12/12/12/12/12/12",
            "ーー2022ーー(２４/３)",
            "Jum’at (1/1/2020)é",
            "",
            "/",
        ] {
            let _ = scan(text, Mode::Body);
            let _ = scan(text, Mode::Header);
            let _ = url_date(text);
            let _ = copyright_year(text);
        }
        assert!(scan("Senin (99/99/9999)", Mode::Body).dated.is_empty());
    }

    #[test]
    fn url_dates() {
        let u = url_date("https://news.example.com/read/2015/01/31/10450011/judul").unwrap();
        assert_eq!(u.date, Some(ymd(2015, 1, 31)));
        let u = url_date("https://example.id/berita/20180312/judul-berita").unwrap();
        assert_eq!(u.date, Some(ymd(2018, 3, 12)));
        let u = url_date("https://example.id/judul-berita-20180312").unwrap();
        assert_eq!(u.date, Some(ymd(2018, 3, 12)));
        let u = url_date("https://example.id/2019/07/judul").unwrap();
        assert_eq!((u.year, u.date), (2019, None));
        assert_eq!(url_date("https://example.id/berita/d-5982736/judul"), None);
        assert_eq!(
            url_date("https://example.id/polisi-amankan-2019-12-barang-bukti"),
            None
        );
        assert_eq!(url_date("https://site2018.example/judul-20189999"), None);
        let u = url_date("https://cms.example.id/03-2015/judul_berita/69068.html").unwrap();
        assert_eq!((u.year, u.date), (2015, None));
        assert_eq!(url_date("https://example.id/13-2015/judul"), None);
        assert_eq!(url_date("https://example.id/berita/12-2015-judul"), None);
        // Day first at the end of the address.
        let u = url_date("https://radio.example.id/polisi-tangkap-dua-orang/22/09/2014/").unwrap();
        assert_eq!(u.date, Some(ymd(2014, 9, 22)));
        let u = url_date("https://radio.example.id/judul/03/11/2016").unwrap();
        assert_eq!(u.date, Some(ymd(2016, 11, 3)));
        // Month first, or no such day: not a date.
        assert_eq!(url_date("https://example.id/judul/09/22/2014/"), None);
        assert_eq!(url_date("https://example.id/judul/31/02/2014/"), None);
        assert_eq!(url_date("https://example.id/judul/5/40/2014/"), None);
    }

    #[test]
    fn copyright_footers() {
        assert_eq!(
            copyright_year("Pewarta: X\nCopyright © KANTOR 2020").map(|c| c.0),
            Some(2020)
        );
        assert_eq!(
            copyright_year("© 2015-2023 Portal.com. All rights reserved").map(|c| c.0),
            Some(2023)
        );
        assert_eq!(copyright_year("Editor: Y"), None);
    }
}
