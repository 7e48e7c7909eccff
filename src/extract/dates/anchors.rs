//! Year anchors: who held which office when, and events with a known date.
//!
//! A story that calls someone "Kepala BNPT Boy Rafli Amar" was written while he held that
//! office (May 2020 to March 2023); one that names the Thamrin attack is not older than 2016;
//! "peringatan 20 tahun Bom Bali" is from 2022. The table is the editable data file
//! `anchors.tsv` beside this module (embedded at build time), with a source for every row.
//!
//! [`find`] reads a text once (one Aho-Corasick pass over every name of the table) and returns
//! the bounds it implies; the date inference uses them to choose among the years a weekday date
//! fits, and to refuse weak guesses that contradict them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use regex::Regex;

use crate::extract::{ceil_char, floor_char};

/// The embedded table.
const TABLE: &str = include_str!("anchors.tsv");

/// One row of the table.
#[derive(Debug)]
enum Row {
    /// Someone held an office from `from` to `to` (open-ended when `None`).
    Office {
        cues: Vec<String>,
        person: String,
        from: NaiveDate,
        to: Option<NaiveDate>,
    },
    /// An event happened in the month of `date`.
    Event { name: String, date: NaiveDate },
}

/// The table and one automaton over every name in it (pattern `i` names `rows[j]` for every
/// `j` in `owner[i]`: one person may hold an office twice, `Jusuf Kalla` 2004-2009, 2014-2019).
struct Table {
    rows: Vec<Row>,
    owner: Vec<Vec<usize>>,
    names: AhoCorasick,
}

static ANCHORS: LazyLock<Table> = LazyLock::new(|| parse_table(TABLE));

/// A number of years before an event's name: `20 tahun Bom Bali`, `peringatan ke-20 ...`.
static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(lebih dari\s+|lebih\s+)?(?:(\d{1,2})\s+tahun|ke-?\s*(\d{1,2})(?:\s+tahun)?)\s*(?:(?:sejak|setelah|pasca|peristiwa|tragedi|terjadinya|peringatan)\s*)*$",
    )
    .expect("static regex")
});

/// An event's name followed by the years since it (`, Oktober tahun lalu`, `10 tahun lalu`):
/// a month's name at most between.
static AGO_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[\s,]*(?:(?:pada\s+)?(?:bulan\s+)?(?:{m})(?-u:\b)\.?\s+)?(?:(\d{{1,2}})\s+)?tahun\s+(?:yang\s+)?lalu\b",
        m = super::parse::month_alternation()
    ))
    .expect("static regex")
});

/// Words that mark an office holder as former or the office as past.
const FORMER: &[&str] = &[
    "mantan",
    "eks ",
    "eks-",
    "saat itu",
    "kala itu",
    "waktu itu",
    "ketika itu",
    "terdahulu",
    "periode",
    "almarhum",
    "terpilih",
    "calon",
    "former",
];

/// How far before a name its title cue may stand (bytes: `Kepala BNPT Komjen Pol Dr. Boy`).
const CUE_WINDOW: usize = 96;

fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.trim().split_once('-')?;
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

fn parse_table(text: &str) -> Table {
    let mut rows = Vec::new();
    let mut patterns = Vec::new();
    let mut owner: Vec<Vec<usize>> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let row = match cols.as_slice() {
            ["office", cues, people, from, to, _source] => parse_month(from).map(|from| {
                let names: Vec<&str> = people.split('|').map(str::trim).collect();
                (
                    Row::Office {
                        cues: cues.split('|').map(|c| c.trim().to_lowercase()).collect(),
                        person: names[0].to_string(),
                        from,
                        to: parse_month(to),
                    },
                    names,
                )
            }),
            ["event", names, date, _source] => parse_month(date).map(|date| {
                let names: Vec<&str> = names.split('|').map(str::trim).collect();
                (
                    Row::Event {
                        name: names[0].to_string(),
                        date,
                    },
                    names,
                )
            }),
            _ => None,
        };
        // The table is ours and tested; a malformed row is skipped rather than a panic.
        let Some((row, names)) = row else { continue };
        for n in names.into_iter().filter(|n| !n.is_empty()) {
            let key = n.to_lowercase();
            match patterns
                .iter()
                .position(|p: &String| p.to_lowercase() == key)
            {
                Some(i) => owner[i].push(rows.len()),
                None => {
                    patterns.push(n.to_string());
                    owner.push(vec![rows.len()]);
                }
            }
        }
        rows.push(row);
    }
    let names = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("anchor names build an automaton");
    Table { rows, owner, names }
}

/// What a text's anchors say about when it was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Bounds {
    /// Not written before this date (offices held, events that already happened).
    pub lo: Option<NaiveDate>,
    /// Not written after this date (offices held then).
    pub hi: Option<NaiveDate>,
    /// The year an anniversary dates the text to (`20 tahun Bom Bali` → 2022).
    pub exact: Option<i32>,
    /// What set the bounds, for evidence (`Kepala BNPT Boy Rafli Amar 2020-05..2023-03`).
    pub notes: Vec<String>,
}

impl Bounds {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.lo.is_none() && self.hi.is_none() && self.exact.is_none()
    }

    /// Whether `year` is possible under the bounds (a year that overlaps them).
    pub fn allows_year(&self, year: i32) -> bool {
        use chrono::Datelike;
        self.lo.is_none_or(|lo| year >= lo.year()) && self.hi.is_none_or(|hi| year <= hi.year())
    }

    /// Whether `date` is possible under the bounds (a month of slack each side: offices change
    /// hands in the middle of a month and the table keeps months only).
    pub fn allows_date(&self, date: NaiveDate) -> bool {
        let slack = chrono::Days::new(31);
        self.lo
            .is_none_or(|lo| date >= lo.checked_sub_days(slack).unwrap_or(lo))
            && self
                .hi
                .is_none_or(|hi| date <= hi.checked_add_days(slack).unwrap_or(hi))
    }

    /// Adds the anchors of another part of the same article (header and story are read apart).
    pub fn merge(&mut self, other: Bounds) {
        let lo = self.lo.max(other.lo);
        let hi = match (self.hi, other.hi) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if lo.zip(hi).is_none_or(|(lo, hi)| lo <= hi) {
            self.lo = lo;
            self.hi = hi;
        }
        self.exact = self.exact.or(other.exact);
        for n in other.notes {
            if !self.notes.contains(&n) {
                self.notes.push(n);
            }
        }
    }

    /// One line for the evidence.
    pub fn describe(&self) -> String {
        self.notes.join("; ")
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether one of `cues` ends in `before` (the text just before a name) as whole words, with
/// nothing marking the holder as former around it.
fn titled(before: &str, after: &str, cues: &[String]) -> bool {
    let lower = before.to_lowercase();
    // The cue must stand on the name's own line.
    let lower = lower.rsplit('\n').next().unwrap_or("");
    let Some(at) = cues
        .iter()
        .filter_map(|c| {
            lower.rmatch_indices(c.as_str()).find_map(|(i, m)| {
                let starts_word = i == 0 || !is_word_byte(lower.as_bytes()[i - 1]);
                let end = i + m.len();
                let ends_word = end == lower.len() || !is_word_byte(lower.as_bytes()[end]);
                // `Wakil Kepala Densus 88 X`: the deputy, not the head the cue names.
                let deputy = lower[..i].trim_end().ends_with("wakil");
                (starts_word && ends_word && !deputy).then_some(i)
            })
        })
        .max()
    else {
        return false;
    };
    let around = &lower[floor_char(lower, at.saturating_sub(24))..];
    let after = after.to_lowercase();
    let after = &after[..floor_char(&after, 32)];
    !FORMER
        .iter()
        .any(|f| around.contains(f) || after.contains(f))
}

/// Reads the anchors of `text` in one pass.
///
/// Offices count only with their title just before the name; bounds that contradict each other
/// (two offices whose terms do not overlap: a misread) are dropped, events are kept.
pub(crate) fn find(text: &str) -> Bounds {
    let table = &*ANCHORS;
    let mut office_lo: Option<NaiveDate> = None;
    let mut office_hi: Option<NaiveDate> = None;
    let mut office_notes = Vec::new();
    let mut event_lo: Option<NaiveDate> = None;
    let mut event_notes = Vec::new();
    let mut exact = None;
    let bytes = text.as_bytes();
    for m in table.names.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if (s > 0 && is_word_byte(bytes[s - 1])) || (e < bytes.len() && is_word_byte(bytes[e])) {
            continue;
        }
        let rows = &table.owner[m.pattern().as_usize()];
        match &table.rows[rows[0]] {
            Row::Office { person, .. } => {
                let before = &text[floor_char(text, s.saturating_sub(CUE_WINDOW))..s];
                let after = &text[e..ceil_char(text, e + 40)];
                // The terms of the offices whose title stands before the name (one person may
                // hold an office twice, or two offices: the span from first to last).
                let (mut from, mut to, mut any) = (NaiveDate::MAX, Some(NaiveDate::MIN), false);
                for r in rows {
                    if let Row::Office {
                        cues,
                        from: f,
                        to: t,
                        ..
                    } = &table.rows[*r]
                    {
                        if titled(before, after, cues) {
                            any = true;
                            from = from.min(*f);
                            to = to.zip(*t).map(|(a, b)| a.max(b));
                        }
                    }
                }
                if !any {
                    continue;
                }
                let note = format!(
                    "{} {}..{}",
                    person,
                    from.format("%Y-%m"),
                    to.map_or("now".to_string(), |t| t.format("%Y-%m").to_string())
                );
                if office_notes.contains(&note) {
                    continue;
                }
                office_lo = office_lo.max(Some(from));
                office_hi = match (office_hi, to) {
                    (Some(h), Some(t)) => Some(h.min(t)),
                    (h, t) => h.or(t),
                };
                office_notes.push(note);
            }
            Row::Event { name, date } => {
                let before = &text[floor_char(text, s.saturating_sub(48))..s];
                use chrono::Datelike;
                if let Some(c) = ANNIVERSARY.captures(before) {
                    let n = c
                        .get(2)
                        .or(c.get(3))
                        .and_then(|n| n.as_str().parse::<i32>().ok());
                    if let Some(n) = n.filter(|n| (1..=60).contains(n)) {
                        let year = date.year() + n;
                        if c.get(1).is_some() {
                            // "lebih dari 20 tahun": not before that year.
                            let d = NaiveDate::from_ymd_opt(year, 1, 1);
                            event_lo = event_lo.max(d);
                            event_notes.push(format!("more than {n} years after {name}"));
                        } else {
                            exact = Some(year);
                            event_notes.push(format!("{n} years after {name} ({year})"));
                        }
                        continue;
                    }
                }
                // `bom Bali II, Oktober tahun lalu`, `bom Bali, 10 tahun lalu`: the event so
                // many years (one, unsaid) before the story.
                let after = &text[e..ceil_char(text, e + 40)];
                if let Some(c) = AGO_AFTER.captures(after) {
                    let n = c.get(1).map_or(Some(1), |n| n.as_str().parse::<i32>().ok());
                    if let Some(n) = n.filter(|n| (1..=60).contains(n)) {
                        let year = date.year() + n;
                        exact = Some(year);
                        event_notes.push(format!("{name} {n} years before ({year})"));
                        continue;
                    }
                }
                if event_lo.is_none_or(|lo| lo < *date) {
                    event_lo = Some(*date);
                    event_notes.retain(|n: &String| !n.starts_with("after "));
                    event_notes.push(format!("after {name} ({})", date.format("%Y-%m")));
                }
            }
        }
    }
    let mut b = Bounds {
        exact,
        ..Bounds::default()
    };
    let consistent = match (office_lo, office_hi) {
        (Some(lo), Some(hi)) => lo <= hi,
        _ => true,
    };
    if consistent {
        b.lo = office_lo;
        b.hi = office_hi;
        b.notes = office_notes;
    }
    if event_lo > b.lo {
        if b.hi.is_some_and(|hi| event_lo.is_some_and(|e| e > hi)) {
            // An event after the term of the office named: one of them is misread.
        } else {
            b.lo = event_lo;
        }
    }
    b.notes.extend(event_notes);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    #[test]
    fn table_parses_every_row() {
        let lines = TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(ANCHORS.rows.len(), lines, "a malformed row in anchors.tsv");
        // Every row is reachable from some name.
        let mut seen = vec![false; lines];
        ANCHORS.owner.iter().flatten().for_each(|r| seen[*r] = true);
        assert!(seen.iter().all(|s| *s));
        assert!(ANCHORS.rows.len() > 40);
    }

    #[test]
    fn titled_office_holder_bounds_the_date() {
        let b = find("Kepala BNPT Komjen Pol Dr. Boy Rafli Amar membuka acara itu.");
        assert_eq!(b.lo, Some(ym(2020, 5)));
        assert_eq!(b.hi, Some(ym(2023, 3)));
        assert!(b.describe().contains("Boy Rafli Amar"));
        assert!(b.allows_year(2021) && !b.allows_year(2019) && !b.allows_year(2024));
    }

    #[test]
    fn two_offices_intersect() {
        let b = find(
            "Presiden Joko Widodo menerima Kepala BNPT Suhardi Alius. \
             Hadir pula Kapolri Jenderal Tito Karnavian.",
        );
        assert_eq!(b.lo, Some(ym(2016, 7)));
        assert_eq!(b.hi, Some(ym(2019, 10)));
    }

    #[test]
    fn a_name_without_its_title_or_marked_former_is_no_anchor() {
        assert!(find("Boy Rafli Amar hadir dalam diskusi itu.").is_empty());
        // (BNPT itself is an event: founded in 2010, a lower bound only.)
        let b = find("Mantan Kepala BNPT Ansyaad Mbai menilai hal itu wajar.");
        assert_eq!((b.lo, b.hi), (Some(ym(2010, 7)), None));
        let b = find("Kepala BNPT saat itu, Saud Usman Nasution, menyebutkan");
        assert_eq!((b.lo, b.hi), (Some(ym(2010, 7)), None));
        assert!(find("Presiden terpilih Prabowo Subianto berpidato.").is_empty());
        // A deputy's title ends in the chief's: `Wakapolri` is not `Kapolri`.
        assert!(find("Wakapolri Listyo Sigit Prabowo").is_empty());
        // Nor is `Wakil Kepala Densus 88` the head of Densus 88.
        assert!(find("Wakil Kepala Densus 88 Brigjen Sentot Prasetyo hadir.").is_empty());
    }

    #[test]
    fn spokespeople_unit_heads_and_counterparts_of_this_news() {
        // The joined short form of the title and the spokesman of the time.
        let b = find("Kadivhumas Mabes Polri Irjen Ronny F Sompie menjelaskan rencana itu.");
        assert_eq!((b.lo, b.hi), (Some(ym(2013, 1)), Some(ym(2015, 3))));
        // The coordinating minister's title without `bidang`.
        let b =
            find("kata Menteri Koordinator Politik Hukum dan Keamanan Djoko Suyanto di Jakarta.");
        assert_eq!((b.lo, b.hi), (Some(ym(2009, 10)), Some(ym(2014, 10))));
        // The head of Densus 88 with the unit's full name and ranks between.
        let b = find(
            "Kepala Detasemen Khusus 88 Anti Teror Polri Brigjen Pol Saud Usman Nasution \
             menemui keluarga itu.",
        );
        assert_eq!((b.lo, b.hi), (Some(ym(2008, 1)), Some(ym(2010, 6))));
        let b =
            find("Kepala Biro Penerangan Masyarakat Divisi Humas Polri Brigjen Ahmad Ramadhan.");
        assert_eq!((b.lo, b.hi), (Some(ym(2020, 6)), Some(ym(2024, 12))));
        let b = find("Komisioner AFP Andrew Colvin bertemu Kapolri di Jakarta.");
        assert_eq!((b.lo, b.hi), (Some(ym(2014, 9)), Some(ym(2019, 10))));
        let b = find("Satgas Operasi Tinombala kembali menangkap seorang buron.");
        assert_eq!((b.lo, b.hi), (Some(ym(2016, 1)), None));
    }

    #[test]
    fn events_bound_from_below_and_anniversaries_date_exactly() {
        let b = find("Aksi itu mengingatkan pada bom Thamrin di pusat kota.");
        assert_eq!(b.lo, Some(ym(2016, 1)));
        assert_eq!(b.hi, None);
        let b = find("Peringatan 20 tahun Bom Bali digelar di Kuta.");
        assert_eq!(b.exact, Some(2022));
        let b = find("Sudah lebih dari 15 tahun sejak bom Bali, katanya.");
        assert_eq!(b.exact, None);
        assert_eq!(b.lo, Some(ym(2017, 1)));
        let b = find("Ia buron sejak bom bunuh diri Mapolres Poso, kata polisi.");
        assert_eq!((b.lo, b.hi), (Some(ym(2013, 6)), None));
        let b = find("Pelaku itu lolos dari penggerebekan di Temanggung, Jawa Tengah.");
        assert_eq!((b.lo, b.hi), (Some(ym(2009, 8)), None));
        // An event told as last year, or so many years ago, dates the story.
        let b = find("Ia merakit bom Bali II, Oktober tahun lalu, kata polisi.");
        assert_eq!(b.exact, Some(2006));
        let b = find("Korban bom Bali, 10 tahun lalu, berkumpul di Kuta.");
        assert_eq!(b.exact, Some(2012));
        // Not when other words stand between.
        let b = find("Pelaku bom Bali yang ditangkap tahun lalu dihukum.");
        assert_eq!(b.exact, None);
    }

    #[test]
    fn foreign_and_financial_office_holders_and_the_jolo_bombing() {
        let b = find("Sekjen OKI Iyad Ameen Madani bertemu Menlu di Jakarta.");
        assert_eq!((b.lo, b.hi), (Some(ym(2014, 1)), Some(ym(2016, 11))));
        let b = find("Pesan Putra Mahkota Arab Saudi Pangeran Mohammed bin Nayef dibacakan.");
        assert_eq!(b.hi, Some(ym(2017, 6)));
        // The acronym between title and name, and the title's short form `Teroris`.
        let b = find(
            "Kepala Badan Nasional Penanggulangan Teroris (BNPT), Suhardi Alius, dan Kepala \
             Pusat Pelaporan dan Analisis Transaksi Keuangan (PPATK), Muhammad Yusuf, hadir.",
        );
        assert_eq!((b.lo, b.hi), (Some(ym(2016, 7)), Some(ym(2016, 10))));
        let b = find("Sekjen ASEAN Lim Jock Hoi dan Duta Besar AS untuk Indonesia Sung Kim hadir.");
        assert_eq!((b.lo, b.hi), (Some(ym(2020, 9)), Some(ym(2022, 12))));
        let b = find("Ia disebut terlibat bom bunuh diri di gereja di Jolo, Filipina Selatan.");
        assert_eq!(b.lo, Some(ym(2019, 1)));
    }

    #[test]
    fn a_second_term_widens_the_span() {
        let b = find("Wakil Presiden Jusuf Kalla membuka forum itu.");
        assert_eq!(b.lo, Some(ym(2004, 10)));
        assert_eq!(b.hi, Some(ym(2019, 10)));
    }

    #[test]
    fn contradictory_offices_are_dropped() {
        // Terms that do not overlap: one of the titles is misread, trust neither.
        let b = find("Kepala BNPT Ansyaad Mbai dan Kepala BNPT Eddy Hartono.");
        assert_eq!((b.lo, b.hi), (Some(ym(2010, 7)), None));
        assert!(!b.describe().contains("Ansyaad"), "{}", b.describe());
    }

    #[test]
    fn odd_text_does_not_panic() {
        for t in [
            "",
            "é",
            "Kepala BNPT",
            "ééé Boy Rafli Amar",
            "ke-99 bom bali",
            "\u{200b}Jokowi",
        ] {
            let _ = find(t);
        }
    }
}
