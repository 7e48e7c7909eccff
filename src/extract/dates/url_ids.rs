//! Publication dates bracketed by a publisher's article numbers.
//!
//! Many Indonesian portals number their articles in the address instead of dating it
//! (`antaranews.com/berita/54887/…`, `detik.com/berita/d-1428841/…`, Republika's base-36
//! codes `republika.co.id/berita/lovtib/…`). The numbers grow with time, so an article numbered
//! between two articles of known dates was published between them. The data file
//! `url_ids.tsv` beside this module (embedded at build time) defines each numbering (the hosts
//! that share it and a pattern that reads the number) and lists calibration points: addresses
//! of other articles with the publication date their pages show.
//!
//! [`bounds`] gives the dates an address's article lies between, and only when the evidence is
//! sound: the number must lie between two points (never beyond the last one: a site may restart
//! its numbering), and the points around it must be in date order (a numbering that went back,
//! or two schemes mixed, decides nothing). The date inference uses the bracket like the year
//! anchors: to choose among the years a weekday date fits, to refuse a weak guess outside it,
//! and to date a story that names no date when the bracket lies within one year.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::anchors::Bounds;
use crate::extract::headline::url_host;

/// The embedded table.
const TABLE: &str = include_str!("url_ids.tsv");

/// Slack around a bracket: an article numbered when its draft was opened may go out days
/// after the next one.
const SLACK_DAYS: u64 = 14;

/// Two points further apart than this bracket too loosely to be worth the risk.
const MAX_BRACKET_DAYS: i64 = 3 * 366;

/// How one numbering writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A decimal counter, dated by the calibration points around it.
    Dec,
    /// The moment of posting in seconds since 1970, in decimal (`…-1508737861`).
    Unix,
    /// The moment of posting in seconds since 1970, in lowercase base 36, as the first six
    /// characters of a code (Republika's `lovtib`, `ofo4hs354`).
    Base36Unix,
    /// A MongoDB object id (24 hex digits), whose first eight are the seconds since 1970 at
    /// its creation (Kaskus's `5862743460e24b49588b4569`).
    HexUnix,
}

/// Hosts a numbering covers: one host exactly, or every subdomain of a domain.
#[derive(Debug)]
enum HostPat {
    Exact(String),
    Subdomains(String),
}

impl HostPat {
    fn matches(&self, host: &str) -> bool {
        match self {
            HostPat::Exact(h) => host == h,
            HostPat::Subdomains(d) => {
                host == d
                    || host
                        .strip_suffix(d.as_str())
                        .is_some_and(|p| p.ends_with('.'))
            }
        }
    }
}

/// One numbering and its calibration points, sorted by number.
#[derive(Debug)]
struct Space {
    name: String,
    hosts: Vec<HostPat>,
    pattern: Regex,
    kind: Kind,
    points: Vec<(u64, NaiveDate)>,
}

impl Space {
    /// The article number of `url` in this numbering, if the address is one of its own.
    fn number(&self, host: &str, url: &str) -> Option<u64> {
        if !self.hosts.iter().any(|h| h.matches(host)) {
            return None;
        }
        let path = url.split_once("://").map_or(url, |(_, r)| r);
        let path = &path[path.find('/')?..];
        let code = self.pattern.captures(path)?.get(1)?.as_str();
        match self.kind {
            Kind::Dec | Kind::Unix => (code.len() >= 3).then(|| code.parse().ok()).flatten(),
            Kind::Base36Unix => {
                let head = code.get(..6)?;
                (code.bytes().any(|b| b.is_ascii_lowercase()) && code.len() >= 6)
                    .then(|| u64::from_str_radix(head, 36).ok())
                    .flatten()
            }
            Kind::HexUnix => code
                .get(..8)
                .and_then(|head| u64::from_str_radix(head, 16).ok()),
        }
    }
}

/// The numberings of the table, in table order (the first that reads an address wins).
static SPACES: LazyLock<Vec<Space>> = LazyLock::new(|| parse_table(TABLE));

fn parse_table(text: &str) -> Vec<Space> {
    let mut spaces: Vec<Space> = Vec::new();
    let mut points: Vec<(&str, NaiveDate)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            ["numbering", name, hosts, pattern, kind] => {
                let kind = match *kind {
                    "dec" => Kind::Dec,
                    "unix" => Kind::Unix,
                    "b36unix" => Kind::Base36Unix,
                    "hexunix" => Kind::HexUnix,
                    _ => continue,
                };
                // The table is ours and tested; a malformed row is skipped rather than a panic.
                let Ok(pattern) = Regex::new(pattern) else {
                    continue;
                };
                let hosts = hosts
                    .split(',')
                    .map(|h| match h.trim().strip_prefix("*.") {
                        Some(d) => HostPat::Subdomains(d.to_string()),
                        None => HostPat::Exact(h.trim().to_string()),
                    })
                    .collect();
                spaces.push(Space {
                    name: name.to_string(),
                    hosts,
                    pattern,
                    kind,
                    points: Vec::new(),
                });
            }
            ["point", url, date, ..] => {
                if let Ok(d) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                    points.push((url, d));
                }
            }
            _ => {}
        }
    }
    for (url, date) in points {
        if let Some((i, n)) = locate(&spaces, url) {
            spaces[i].points.push((n, date));
        }
    }
    for s in &mut spaces {
        s.points.sort_unstable();
        s.points.dedup_by_key(|p| p.0);
    }
    spaces
}

/// The numbering that reads `url`, and the number.
fn locate(spaces: &[Space], url: &str) -> Option<(usize, u64)> {
    let host = url_host(url)?;
    spaces
        .iter()
        .enumerate()
        .find_map(|(i, s)| s.number(&host, url).map(|n| (i, n)))
}

/// The dates between which the article at `url` was published, by its number among the
/// calibration points of its publisher's numbering; empty bounds when the address carries no
/// known numbering or the points do not bracket it soundly.
pub(crate) fn bounds(url: &str) -> Bounds {
    bracket(&SPACES, url).unwrap_or_default()
}

/// The date a publisher's own time stamp in the address gives (Republika's base-36 codes,
/// the seconds some sites end their addresses with), and the code as written.
pub(crate) fn stamp(url: &str) -> Option<(NaiveDate, String)> {
    stamp_in(&SPACES, url)
}

fn stamp_in(spaces: &[Space], url: &str) -> Option<(NaiveDate, String)> {
    let (i, n) = locate(spaces, url)?;
    let space = &spaces[i];
    if space.kind == Kind::Dec {
        return None;
    }
    let secs = i64::try_from(n).ok()?;
    let date = chrono::DateTime::from_timestamp(secs, 0)?.date_naive();
    Some((date, format!("{} time stamp {n}", space.name)))
}

fn bracket(spaces: &[Space], url: &str) -> Option<Bounds> {
    let (i, n) = locate(spaces, url)?;
    let space = &spaces[i];
    if space.kind != Kind::Dec {
        return None;
    }
    let pts = &space.points;
    // The last point at or below the number, and the first at or above it.
    let at = pts.partition_point(|p| p.0 <= n);
    let lo_i = at.checked_sub(1)?;
    let hi_i = if pts[lo_i].0 == n { lo_i } else { at };
    let (lo, hi) = (pts[lo_i], *pts.get(hi_i)?);
    // The points around the number must be in date order, one before and one after too: a
    // numbering that went back (a new system, a second scheme) decides nothing there.
    let from = lo_i.saturating_sub(1);
    let to = (hi_i + 1).min(pts.len() - 1);
    let tolerance = chrono::Duration::days(SLACK_DAYS as i64);
    if pts[from..=to]
        .windows(2)
        .any(|w| w[1].1 + tolerance < w[0].1)
    {
        return None;
    }
    if (hi.1 - lo.1).num_days() > MAX_BRACKET_DAYS {
        return None;
    }
    let slack = chrono::Days::new(SLACK_DAYS);
    let note = if lo.0 == n {
        format!("address number {n} of {} is that of {}", space.name, lo.1)
    } else {
        format!(
            "address number {n} of {} lies between {} ({}) and {} ({})",
            space.name, lo.0, lo.1, hi.0, hi.1
        )
    };
    Some(Bounds {
        lo: lo.1.checked_sub_days(slack),
        hi: hi.1.checked_add_days(slack),
        exact: None,
        notes: vec![note],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const OWN: &str = "\
numbering\tportal\t*.portal.example\t^/berita/(\\d+)/\tdec
numbering\tkode\tkode.example\t^/berita/([0-9a-z]+)/\tb36unix
numbering\tstempel\tportal.example\t-(1\\d{9})$\tunix
numbering\tforum\tforum.example\t^/post/([0-9a-f]{24})(?:/|$)\thexunix
point\thttps://portal.example/berita/1000/a\t2010-03-01
point\thttps://www.portal.example/berita/2000/b\t2011-02-01
point\thttps://news.portal.example/berita/3000/c\t2011-11-20
point\thttps://portal.example/berita/4000/d\t2015-06-01
";

    #[test]
    fn a_number_between_two_points_is_dated_between_them() {
        let spaces = parse_table(OWN);
        let b = bracket(&spaces, "https://m.portal.example/berita/2500/judul").unwrap();
        assert_eq!(b.lo, Some(ymd(2011, 1, 18)));
        assert_eq!(b.hi, Some(ymd(2011, 12, 4)));
        assert!(b.allows_year(2011) && !b.allows_year(2012) && !b.allows_year(2010));
        assert!(b.notes[0].contains("2500"), "{:?}", b.notes);
        // A point itself.
        let b = bracket(&spaces, "https://portal.example/berita/3000/x").unwrap();
        assert_eq!(b.lo.unwrap().year(), 2011);
        // A counter is no time stamp.
        assert!(stamp_in(&spaces, "https://portal.example/berita/2500/judul").is_none());
    }

    #[test]
    fn time_stamps_in_the_address_give_the_date() {
        let spaces = parse_table(OWN);
        // Base 36: `lovtib` is 1311585059 seconds, 25 July 2011.
        let (d, why) = stamp_in(&spaces, "https://kode.example/berita/lovtib/judul").unwrap();
        assert_eq!(d, ymd(2011, 7, 25));
        assert!(why.contains("kode"), "{why}");
        // Later codes carry three more characters after the stamp.
        let (d, _) = stamp_in(&spaces, "https://kode.example/berita/ofo4hs354/judul").unwrap();
        assert_eq!(d, ymd(2016, 10, 26));
        // Digits only, or too short: not a code.
        assert!(stamp_in(&spaces, "https://kode.example/berita/136709/judul").is_none());
        assert!(stamp_in(&spaces, "https://kode.example/berita/lovti/judul").is_none());
        // Decimal seconds at the end of the address.
        let (d, _) = stamp_in(&spaces, "https://portal.example/judul-berita-1508737861").unwrap();
        assert_eq!(d, ymd(2017, 10, 23));
        assert!(bracket(&spaces, "https://kode.example/berita/lovtib/judul").is_none());
        // An object id: its first eight hex digits are the seconds (0x556d9ac0: 2 June 2015).
        let (d, _) = stamp_in(
            &spaces,
            "https://forum.example/post/556d9ac0aa11bb22cc33dd44/",
        )
        .unwrap();
        assert_eq!(d, ymd(2015, 6, 2));
        assert!(stamp_in(&spaces, "https://forum.example/post/556d9ac0aa11/").is_none());
    }

    #[test]
    fn the_table_reads_the_codes_of_the_republika_network_and_kaskus() {
        // Codes of our own making in the publishers' address shapes; the ihram.co.id address
        // ends with its code.
        let (d, _) = stamp("https://ihram.co.id/berita/pnos00123").unwrap();
        assert_eq!(d, ymd(2019, 3, 1));
        let (d, _) = stamp("https://news.republika.co.id/berita/pnos00123/judul-berita").unwrap();
        assert_eq!(d, ymd(2019, 3, 1));
        let (d, _) =
            stamp("https://m.kaskus.co.id/post/556d9ac0aa11bb22cc33dd44/?med=post").unwrap();
        assert_eq!(d, ymd(2015, 6, 2));
        assert!(stamp("https://m.kaskus.co.id/thread/judul-tanpa-kode/").is_none());
    }

    #[test]
    fn no_bracket_outside_the_points_too_wide_or_on_another_host() {
        let spaces = parse_table(OWN);
        // Beyond the last point or before the first: a numbering may restart.
        assert!(bracket(&spaces, "https://portal.example/berita/5000/x").is_none());
        assert!(bracket(&spaces, "https://portal.example/berita/500/x").is_none());
        // Points three and a half years apart bracket nothing.
        assert!(bracket(&spaces, "https://portal.example/berita/3500/x").is_none());
        // Another host, another path, a number too short to be an article's.
        assert!(bracket(&spaces, "https://portalexample.com/berita/2500/x").is_none());
        assert!(bracket(&spaces, "https://portal.example/foto/2500/x").is_none());
        assert!(bracket(&spaces, "https://kode.example/berita/12/x").is_none());
        assert!(bounds("not a url").is_empty());
    }

    #[test]
    fn a_numbering_that_goes_back_decides_nothing_there() {
        let table = format!(
            "{OWN}point\thttps://portal.example/berita/2600/e\t2009-01-01\n\
             point\thttps://portal.example/berita/5000/f\t2016-02-01\n"
        );
        let spaces = parse_table(&table);
        assert!(bracket(&spaces, "https://portal.example/berita/2500/x").is_none());
        assert!(bracket(&spaces, "https://portal.example/berita/2800/x").is_none());
        // Away from the disorder the points still bracket.
        let b = bracket(&spaces, "https://portal.example/berita/4500/x").unwrap();
        assert!(b.allows_year(2015) && b.allows_year(2016) && !b.allows_year(2014));
    }

    #[test]
    fn every_row_of_the_table_is_read_and_its_points_are_in_date_order() {
        let spaces = &*SPACES;
        let rows = TABLE
            .lines()
            .filter(|l| l.starts_with("numbering\t"))
            .count();
        assert_eq!(spaces.len(), rows, "a numbering row did not parse");
        let mut points = 0;
        for line in TABLE.lines().filter(|l| l.starts_with("point\t")) {
            let url = line.split('\t').nth(1).unwrap();
            assert!(locate(spaces, url).is_some(), "no numbering reads {url}");
            points += 1;
        }
        assert!(points > 0);
        // Where a point's address carries a time stamp, the stamp gives the page's own date.
        for line in TABLE.lines().filter(|l| l.starts_with("point\t")) {
            let mut cols = line.split('\t').skip(1);
            let (url, date) = (cols.next().unwrap(), cols.next().unwrap());
            if let Some((d, _)) = stamp_in(spaces, url) {
                let shown = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
                assert!(
                    (d - shown).num_days().abs() <= 1,
                    "{url}: stamp {d}, page {shown}"
                );
            }
        }
        // Within each numbering, dates follow numbers (two weeks of slack): a point out of
        // order is a misread date or a restarted numbering, and must be looked at.
        for s in spaces {
            for w in s.points.windows(2) {
                assert!(
                    w[1].1 + chrono::Duration::days(SLACK_DAYS as i64) >= w[0].1,
                    "{}: {} ({}) before {} ({})",
                    s.name,
                    w[0].0,
                    w[0].1,
                    w[1].0,
                    w[1].1
                );
            }
        }
    }
}
