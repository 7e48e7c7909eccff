//! Headline, publisher and dateline.
//!
//! A scraped story usually opens with a *dateline*: the city it was filed from and the
//! publisher, in one of many house styles (`Jakarta (ANTARA) -`, `jpnn.com, JAKARTA -`,
//! `JAKARTA, KOMPAS.com -`, `REPUBLIKA.CO.ID, JAKARTA --`, `Merdeka.com -`, `DM –`, ...).
//! [`parse_dateline`] recognises them by shape (a short prefix, then a dash, then the first
//! sentence), [`publisher`] maps any spelling of a known publisher to one canonical name, and
//! [`from_url`] does the same for a URL's host. [`title`] picks the headline from the lines
//! before the story.

use std::sync::OnceLock;

use regex::Regex;

/// A dateline found at the start of a story line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The city, as written (`Manado`, `JAKARTA`).
    pub city: Option<String>,
    /// The publisher, normalised with [`publisher`] when known, else as written (`DM`).
    pub source: Option<String>,
    /// The dateline itself, as written, without the story (`Jakarta (ANTARA) -`).
    pub text: String,
    /// Byte offset in the line where the story proper begins (after the dash).
    pub story_offset: usize,
}

/// Known publishers: the stem of any of their spellings (lowercase, letters and digits only, the
/// first label of a domain) → canonical name.
const PUBLISHERS: &[(&str, &str)] = &[
    ("antara", "ANTARA"),
    ("antaranews", "ANTARA"),
    ("kompas", "Kompas"),
    ("kompascom", "Kompas"),
    ("kompasid", "Kompas"),
    ("kompastv", "Kompas"),
    ("jpnn", "jpnn.com"),
    ("jpnncom", "jpnn.com"),
    ("republika", "Republika"),
    ("republikaonline", "Republika"),
    ("tempo", "Tempo"),
    ("tempoco", "Tempo"),
    ("korantempo", "Tempo"),
    ("rm", "RM.id"),
    ("rmid", "RM.id"),
    ("rakyatmerdeka", "RM.id"),
    ("detik", "Detik"),
    ("detikcom", "Detik"),
    ("detiknews", "Detik"),
    ("liputan6", "Liputan6"),
    ("liputan6com", "Liputan6"),
    ("cnnindonesia", "CNN Indonesia"),
    ("cnn", "CNN Indonesia"),
    ("okezone", "Okezone"),
    ("okezonecom", "Okezone"),
    ("sindonews", "Sindonews"),
    ("sindo", "Sindonews"),
    ("koransindo", "Sindonews"),
    ("tribunnews", "Tribunnews"),
    ("tribun", "Tribunnews"),
    ("merdeka", "Merdeka"),
    ("merdekacom", "Merdeka"),
    ("suara", "Suara"),
    ("suaracom", "Suara"),
    ("kumparan", "Kumparan"),
    ("inews", "iNews"),
    ("inewsid", "iNews"),
    ("harakatuna", "Harakatuna"),
    ("arrahmah", "Arrahmah"),
    ("mediaindonesia", "Media Indonesia"),
    ("mi", "Media Indonesia"),
    ("viva", "Viva"),
    ("vivanews", "Viva"),
    ("beritasatu", "Beritasatu"),
    ("idntimes", "IDN Times"),
    ("tirto", "Tirto"),
    ("bisnis", "Bisnis"),
    ("jawapos", "Jawa Pos"),
    ("pikiranrakyat", "Pikiran Rakyat"),
    ("rmol", "RMOL"),
    ("gatra", "Gatra"),
    ("medcom", "Medcom"),
    ("metrotvnews", "Metro TV"),
    ("metrotv", "Metro TV"),
    ("voaindonesia", "VOA Indonesia"),
    ("bbc", "BBC"),
    ("thejakartapost", "The Jakarta Post"),
    ("jakartapost", "The Jakarta Post"),
    ("jakartaglobe", "Jakarta Globe"),
    ("elshinta", "Elshinta"),
    ("rri", "RRI"),
    ("kbr", "KBR"),
    ("hidayatullah", "Hidayatullah"),
    ("nu", "NU Online"),
    ("nuonline", "NU Online"),
    ("harianjogja", "Harian Jogja"),
    ("solopos", "Solopos"),
    ("dw", "DW"),
    ("voi", "VOI"),
    ("medcomid", "Medcom"),
    ("alinea", "Alinea"),
    ("tagar", "Tagar"),
    ("suaramerdeka", "Suara Merdeka"),
    ("serambinews", "Serambinews"),
    ("kontan", "Kontan"),
    ("katadata", "Katadata"),
    ("tvone", "tvOne"),
    ("tvonenews", "tvOne"),
    ("sindonewscom", "Sindonews"),
    ("minanews", "MINA"),
    // Government and international bodies publishing their own news (their sites name no
    // publisher in the text: the address does).
    ("bnpt", "BNPT"),
    ("damailahindonesiaku", "Damailah Indonesiaku"),
    ("kemlu", "Kemlu"),
    ("polri", "Polri"),
    ("humaspolri", "Polri"),
    ("presidenri", "Presiden RI"),
    ("setkab", "Setkab"),
    ("sekretariatkabinet", "Setkab"),
    ("kemenkopolhukam", "Kemenko Polhukam"),
    ("polkam", "Kemenko Polhukam"),
    ("unodc", "UNODC"),
    ("unwomen", "UN Women"),
    ("undp", "UNDP"),
    ("kaskus", "KASKUS"),
];

/// Canonical name of a known publisher from any of its spellings: `KOMPAS.com`, `kompas.com`
/// → `Kompas`; `REPUBLIKA.CO.ID` → `Republika`; `ANTARA GORONTALO` → `ANTARA`;
/// `RM.id` → `RM.id`. `None` for a name the table does not know.
///
/// ```
/// use telusur::extract::publisher;
/// assert_eq!(publisher("REPUBLIKA.CO.ID"), Some("Republika"));
/// assert_eq!(publisher("ANTARA GORONTALO"), Some("ANTARA"));
/// assert_eq!(publisher("Bandung"), None);
/// ```
pub fn publisher(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if name.is_empty() {
        return None;
    }
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    let whole = stem(lower);
    if let Some(p) = lookup(&whole) {
        return Some(p);
    }
    // The first label of a domain (`republika.co.id` → `republika`).
    if let Some((first, _)) = lower.split_once('.') {
        if let Some(p) = lookup(&stem(first)) {
            return Some(p);
        }
    }
    // The first word of a name with a region or desk (`ANTARA GORONTALO`, `detikNews Jakarta`).
    let first_word = lower.split_whitespace().next().unwrap_or("");
    if first_word != lower {
        return publisher(first_word);
    }
    None
}

/// Like [`publisher`], but only for a whole name (`CNN Indonesia`, `detikNews`, `Kompas.com`):
/// no first-word fallback, so `Suara Rakyat` is not `Suara`.
pub fn publisher_exact(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    lookup(&stem(lower)).or_else(|| {
        domain_like(lower)
            .then(|| lower.split('.').next().and_then(|f| lookup(&stem(f))))
            .flatten()
    })
}

fn stem(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn lookup(stem: &str) -> Option<&'static str> {
    PUBLISHERS.iter().find(|(k, _)| *k == stem).map(|(_, v)| *v)
}

/// Whether `s` is written like a web address (`Merdeka.com`, `REPUBLIKA.CO.ID`, `RM.id`).
pub(crate) fn domain_like(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(com|co|id|net|org|news|info|tv|my\.id|or\.id|go\.id)$")
            .expect("static regex")
    });
    re.is_match(s)
}

/// The publisher of a URL: a known publisher when any label of the host names one
/// (`www.antaranews.com`, `gorontalo.antaranews.com` → `ANTARA`; `web.bnpt.go.id` → `BNPT`),
/// else the registered domain (`news.harianjogja.com` → `harianjogja.com`), or a blog's own name
/// on a blog host (`nama.blogspot.com` → `nama`).
pub fn from_url(url: &str) -> Option<String> {
    let host = url_host(url)?;
    let labels: Vec<&str> = host.split('.').collect();
    // Skip the top-level parts (`co.id`, `com`): only labels before them name a publisher.
    let n = labels.len();
    let skip = suffix_labels(&labels);
    let names = &labels[..n.saturating_sub(skip)];
    // The registered name first (`web.bnpt.go.id` → bnpt, `news.detik.com` → detik), then the
    // subdomains (`m.`, `amp.`, desks and regions name no publisher; a regional edition may).
    for l in names.iter().rev() {
        if let Some(p) = lookup(&stem(l)) {
            return Some(p.to_string());
        }
    }
    let registered = *names.last()?;
    // A government site names its agency by acronym (`ppatk.go.id` → PPATK).
    // A longer one by a contracted name, written capitalised (`kemenkumham.go.id` →
    // Kemenkumham, `wantimpres.go.id` → Wantimpres).
    if host.ends_with(".go.id") {
        if registered.len() <= 6 {
            return Some(registered.to_uppercase());
        }
        let mut chars = registered.chars();
        let first = chars.next()?.to_uppercase();
        return Some(first.chain(chars).collect());
    }
    // A blog host names its blogs by subdomain (`nama.blogspot.com`), a newspaper group's
    // platform its papers (`kotaekspres.disway.id`).
    if is_platform(registered) && names.len() >= 2 {
        return Some(names[names.len() - 2].to_string());
    }
    // Otherwise the registered domain itself (`news.harianjogja.com` → `harianjogja.com`).
    Some(labels[n - skip - 1..].join("."))
}

/// Hosts whose subdomains are publications of their own: blog hosts, and newspaper groups'
/// platforms that give each regional paper a subdomain (`kotaekspres.disway.id`,
/// `sumbarekspres.bacakoran.co`).
fn is_platform(registered: &str) -> bool {
    matches!(
        registered,
        "blogspot" | "wordpress" | "medium" | "tumblr" | "disway" | "bacakoran"
    )
}

/// The registered name of a URL's host as the page's own words spell it: a run of one to four
/// words whose letters and digits, lower-cased and joined, are the host's registered label
/// (`Kabar Pesisir` for `kabarpesisir.com`, `Kemenkumham` for `kemenkumham.go.id`). The words are
/// taken as printed, so the publisher reads as its name rather than its address.
pub(crate) fn host_spelled<'a>(url: &str, lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let host = url_host(url)?;
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let mut at = n.checked_sub(suffix_labels(&labels) + 1)?;
    // On a platform, the publication is the subdomain (`kotaekspres.disway.id`).
    if is_platform(labels[at]) && at >= 1 {
        at -= 1;
    }
    let registered = labels[at];
    let key: String = registered
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    // Short keys (`rm`, `dm`) would match ordinary words; a name this short is left to the tables.
    if key.len() < 4 {
        return None;
    }
    let key = key.as_bytes();
    let trim = |w: &'a str| w.trim_matches(|c: char| !c.is_alphanumeric());
    for line in lines {
        let mut words = line.split_whitespace();
        loop {
            let span = words.clone();
            if words.next().is_none() {
                break;
            }
            // Allocation-free: most words fail on their first letter.
            let mut matched = 0;
            for (n, w) in span.clone().take(4).enumerate() {
                match fit(&key[matched..], w) {
                    Fit::Part(k) if k > 0 => matched += k,
                    // One word may carry the site's kind after the name (`PAJAKNews` on
                    // `pajak.co.id`, `KabarPesisir.com`).
                    Fit::Kind if n == 0 => return Some(trim(w).to_string()),
                    _ => break,
                }
                if matched == key.len() {
                    let spelled: Vec<&str> = span.take(n + 1).map(trim).collect();
                    return Some(spelled.join(" "));
                }
            }
        }
    }
    None
}

/// How a word's letters and digits fit the rest of a host key.
enum Fit {
    /// All of them, lower-cased, are the key's next `n` bytes.
    Part(usize),
    /// They are the whole key and then a site kind (`news`, `online`, `tv`, `com`, `id`).
    Kind,
    /// Neither.
    No,
}

fn fit(key: &[u8], word: &str) -> Fit {
    let mut k = 0;
    let mut tail = [0u8; 6];
    let mut t = 0;
    for b in word.bytes() {
        if !b.is_ascii() {
            return Fit::No;
        }
        if !b.is_ascii_alphanumeric() {
            continue;
        }
        let b = b.to_ascii_lowercase();
        if k < key.len() {
            if key[k] != b {
                return Fit::No;
            }
            k += 1;
        } else if k == key.len() && t < tail.len() {
            tail[t] = b;
            t += 1;
        } else {
            return Fit::No;
        }
    }
    match &tail[..t] {
        [] => Fit::Part(k),
        b"news" | b"online" | b"tv" | b"com" | b"coid" | b"id" if k == key.len() => Fit::Kind,
        _ => Fit::No,
    }
}

/// How many labels at the end of a host are its public suffix: two for a country's
/// second-level domains (`co.id`, `go.id`, `com.tr`, `net.au`, `org.my`), else one.
fn suffix_labels(labels: &[&str]) -> usize {
    let n = labels.len();
    let second_level = matches!(
        labels.get(n.wrapping_sub(2)).copied(),
        Some(
            "co" | "or"
                | "go"
                | "ac"
                | "my"
                | "web"
                | "sch"
                | "com"
                | "net"
                | "org"
                | "gov"
                | "edu"
                | "mil"
                | "biz"
        )
    );
    if n >= 3 && second_level && labels[n - 1].len() == 2 {
        2
    } else {
        1
    }
}

/// Whether a dateline's "city" is the publisher's own name as its address spells it
/// (`JAKARTA TODAY -` on `bogor-today.com`, `RADAR TANGSEL RATAS -` on `ratas.id`): a word of
/// it, not a known city, is a part of the registered name of the host.
pub(crate) fn names_the_host(city: &str, url: &str) -> bool {
    let Some(host) = url_host(url) else {
        return false;
    };
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let skip = suffix_labels(&labels);
    let Some(registered) = n.checked_sub(skip + 1).map(|i| labels[i]) else {
        return false;
    };
    let whole = stem(registered);
    let parts: Vec<&str> = registered.split('-').collect();
    let city_stem = stem(&city.to_lowercase());
    // A one-word name must be the whole registered name (`CIANJUR -` on `cianjur-news.com`
    // stays a city); a longer one may share a part with it.
    let several_words = city.split_whitespace().nth(1).is_some();
    let shares_a_part = || {
        city.split_whitespace().any(|w| {
            let w = stem(&w.to_lowercase());
            w.len() >= 4 && !known_city(&w) && parts.contains(&w.as_str())
        })
    };
    city_stem == whole || (several_words && shares_a_part())
}

/// The lowercase host of a URL, if it has one.
pub(crate) fn url_host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?; // user info
    let host = host.split(':').next()?; // port
    if host.is_empty() || !host.contains('.') || host.contains(char::is_whitespace) {
        return None;
    }
    Some(host.to_lowercase())
}

/// Cities that open datelines often enough to know by name (Indonesian spelling).
const CITIES: &[&str] = &[
    "jakarta",
    "bandung",
    "surabaya",
    "semarang",
    "yogyakarta",
    "jogja",
    "medan",
    "makassar",
    "manado",
    "palu",
    "poso",
    "batam",
    "denpasar",
    "padang",
    "pekanbaru",
    "palembang",
    "solo",
    "surakarta",
    "malang",
    "bogor",
    "depok",
    "bekasi",
    "tangerang",
    "kupang",
    "ambon",
    "jayapura",
    "mataram",
    "banda aceh",
    "pontianak",
    "balikpapan",
    "samarinda",
    "banjarmasin",
    "kendari",
    "gorontalo",
    "jambi",
    "bengkulu",
    "bandar lampung",
    "serang",
    "cirebon",
    "sleman",
    "lamongan",
    "bima",
    "ternate",
    "sorong",
    "bukittinggi",
    "tasikmalaya",
    "sukoharjo",
    "klaten",
    "kediri",
    "jember",
    "mojokerto",
    "sidoarjo",
    "cilacap",
    "purwokerto",
    "nusa dua",
    "kuala lumpur",
    "singapura",
    "manila",
    "marawi",
    "canberra",
    "sydney",
    "beijing",
    "tokyo",
    "london",
    "washington",
    "new york",
    "jenewa",
    "wina",
    "den haag",
    "bangkok",
    "hanoi",
    "moskow",
    "paris",
    "brussel",
    "riyadh",
    "kairo",
    "doha",
];

pub(crate) fn known_city(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    CITIES.contains(&l.as_str())
}

fn dash_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A dash with white space on at least one side (so `BNPT-Kantor` is no dateline), or
        // right after a closing parenthesis (`Jakarta (ANTARA)-`); an em dash also bare
        // (`Harianjogja.com, JAKARTA—Indonesia`: it joins no compound word), as is a double
        // hyphen (`JAKARTA--KBRI`); a colon after a publisher's address and a city
        // (`medcom.id, Surakarta: Sejak`, also the other way round: `Bogor, channelsatu.com:`),
        // after a publisher's name and a city (`TEMPO Interaktif, Jakarta: Menteri`: a known
        // publisher only, checked after the match) or after a publisher in parentheses
        // (`BEIJING-(IDB) :`).
        Regex::new(r"(?:\s+(?:---|--|-|–|—|ー|−|―)\s*|(?:---|--|-|–|—|ー|−|―)\s+|\)\s*(?:--|-|–|—|ー|−|―)|\)\s*:\s|—|---|--|^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6},\s[^,:]{2,30}(:)\s|^\p{Lu}[\p{L} ]{1,28},\s[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}(:)\s|^\p{Lu}[\p{L}]+(?: \p{L}+){0,2},\s\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?(:)\s)")
            .expect("static regex")
    })
}

fn parens_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?P<city>[^()]*?)\s*\((?P<pub>\p{L}[^()]{1,40})\)\s*,?$")
            .expect("static regex")
    })
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn capitalised_words(s: &str) -> bool {
    !s.is_empty()
        && s.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '\'')
        })
}

fn all_caps(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic())
        && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn is_datey(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

fn as_publisher(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(p) = publisher(s) {
        return Some(p.to_string());
    }
    // An unknown web address: its name without the top-level part (`Example.com` → `Example`).
    let first = s.split_whitespace().next().unwrap_or(s);
    if domain_like(first) {
        return Some(first.to_string());
    }
    // A site's name in words ending in its address (`KABAR JATIM.COM`).
    let last = s.split_whitespace().last().unwrap_or(s);
    if words(s) <= 4 && domain_like(&last.to_lowercase()) {
        return Some(s.to_string());
    }
    None
}

/// [`as_publisher`], else the name as written.
fn house_of(s: &str) -> String {
    as_publisher(s).unwrap_or_else(|| s.to_string())
}

/// The city and the paper in capitals joined by a bare hyphen, then a comma (`BOGOR-RADAR
/// BOGOR, Lembaga itu ...`: the house style of a regional newspaper group).
fn city_hyphen_house(line: &str) -> Option<Dateline> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(\p{Lu}{3,}(?: \p{Lu}{3,})?)-(\p{Lu}{2,}(?: \p{Lu}{2,}){0,2}),\s+\p{Lu}")
            .expect("static regex")
    });
    // (The cheap test first: three capitals open the line.)
    if !line.chars().take(3).all(char::is_uppercase) {
        return None;
    }
    let c = re.captures(line)?;
    let end = c.get(2)?.end() + 1;
    (words(&line[end..]) >= 4).then(|| Dateline {
        city: Some(c[1].to_string()),
        source: Some(house_of(&c[2])),
        text: line[..end].trim().to_string(),
        story_offset: end,
    })
}

/// Recognises a dateline at the start of `line` (a story line, white space already folded).
///
/// Besides the shapes of [`parse_dateline_at`]: a scraper's date marker before it (`date
/// 2017-08 Jakarta (ANTARA) -`), the city after a publisher's own dash (`jpnn.com - JAKARTA -`,
/// `KONTAN.CO.ID - JAKARTA. Indonesia`), and a known city glued to the story by an en dash
/// (`Jakarta–Kapolri`).
pub fn parse_dateline(line: &str) -> Option<Dateline> {
    let skip = marker_re()
        .find(line)
        .or_else(|| {
            // (Only a line opening with a digit can open with a date.)
            line.trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
                .then(|| leading_date_re().find(line))
                .flatten()
        })
        .map_or(0, |m| m.end());
    let body = &line[skip..];
    let mut d = parse_dateline_at(body)
        .or_else(|| city_en_dash(body))
        .or_else(|| address_or_city_lead(body))
        .or_else(|| city_hyphen_house(body))?;
    if d.city.is_none() && d.source.is_some() {
        // `jpnn.com - JAKARTA - Indonesia ...`, `KONTAN.CO.ID - JAKARTA. Indonesia ...`.
        let rest = &body[d.story_offset..];
        if let Some(c) = city_after_re().captures(rest) {
            let city = c.get(1).map_or("", |m| m.as_str());
            let end = c.get(0).map_or(0, |m| m.end());
            // An unknown place counts when its date follows it (`Pangkal Pinang, 25 November
            // 2025 -`).
            let dated = c.get(2).is_some();
            if (known_city(city) || (dated && capitalised_words(city)))
                && rest[end..].split_whitespace().count() >= 4
            {
                d.city = Some(city.to_string());
                d.text = body[..d.story_offset + end].trim().to_string();
                d.story_offset += end;
            }
        }
    }
    // `Bisnis.com, JAKARTA.- Pemerintah`: the period is the dateline's, not the city's.
    if let Some(c) = d.city.as_mut() {
        let trimmed = c.trim_end_matches('.').trim_end();
        if trimmed.len() < c.len() && !trimmed.is_empty() {
            *c = trimmed.to_string();
        }
    }
    d.story_offset += skip;
    Some(d)
}

/// A scraper's date marker opening a line (`date 2017-08 `, `date 2023-10-28 `).
fn marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\s*date \d{4}-\d{2}(?:-\d{2})?\s+").expect("static regex"))
}

/// A city right after a publisher's dash, then its own dash or period (`JAKARTA - `,
/// `JAKARTA. `), or the date and then the dash (`Pangkal Pinang, 25 November 2025 - `).
fn city_after_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[\p{L}]+(?: [\p{L}]+)?)(,\s*\d{1,2}\s+\p{L}+\s+\d{4})?(?:\s+[-–—]+\s+|\.\s+|\s*[-–—]\s*)")
            .expect("static regex")
    })
}

/// A full date opening a line before its dateline (`23 Maret 2010, Jakarta -- ...`): the date
/// and its comma, when the month is a month's name.
fn leading_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let months = crate::extract::dates::month_alternation();
        Regex::new(&format!(
            r"(?i)^\s*\d{{1,2}}\s+(?:{months})\s+(?:19|20)\d{{2}}\s*,\s+"
        ))
        .expect("static regex")
    })
}

/// Whether `rest` opens with a count of something (`16 WNI ditahan ...`), a story's opening
/// words, rather than a date or a time (`14/04/2022`, `5 Juni 2019`, `09:46 WIB`).
fn counted_noun(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    let (Some(n), Some(next)) = (words.next(), words.next()) else {
        return false;
    };
    n.bytes().all(|b| b.is_ascii_digit())
        && next.starts_with(char::is_alphabetic)
        && crate::extract::dates::month_number(next).is_none()
        && !["wib", "wita", "wit"].contains(&next.to_lowercase().as_str())
}

/// Leads the dash forms miss: a publisher's address closed by a bar, a period or a dash glued to
/// the story (`PORTAL.com | Polisi ...`, `Portal.co.id. Polisi ...`, `Portal.com–Polisi`), a
/// known city closed by a colon (`Surabaya : Polisi ...`, `Malang: Polisi ...`), publisher and
/// city in parentheses (`(Portal – Jakarta) Pemerintah ...`), or a known city, a colon and the
/// publisher's initials (`JAKARTA:(PM) | Indonesia ...`).
fn address_or_city_lead(line: &str) -> Option<Dateline> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\s*(?:([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6})(?:\s?[|.]\s+|\s*[-–—]\s*)|(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)\s?:\s+|([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}),\s(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)\s+|\((\p{L}[\p{L}.]*(?: \p{L}[\p{L}.]*){0,2})\s+[-–—]\s+(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)\)\s+|(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)\s*:\s*\((\p{L}[\p{L}.]{0,20})\)\s*[|–—-]\s+)\p{Lu}")
            .expect("static regex")
    });
    let c = re.captures(line)?;
    let end = c.get(0)?.end() - 1;
    if words(&line[end..]) < 4 {
        return None;
    }
    let domain = |m: regex::Match<'_>| domain_like(&m.as_str().to_lowercase());
    let (city, source) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
        // `(Portal – Jakarta) Pemerintah ...`, `JAKARTA:(PM) | Indonesia ...`.
        _ if c
            .get(6)
            .or(c.get(7))
            .is_some_and(|city| known_city(city.as_str())) =>
        {
            let (p, city) = match (c.get(5), c.get(6)) {
                (Some(p), Some(city)) => (p, city),
                _ => (c.get(8)?, c.get(7)?),
            };
            (Some(city.as_str().to_string()), Some(house_of(p.as_str())))
        }
        // `Portal.com | Polisi ...`, `Portal.com–Polisi ...`.
        (Some(a), ..) if domain(a) => (None, Some(house_of(a.as_str()))),
        // `Surabaya : Polisi ...`.
        (_, Some(city), ..) if known_city(city.as_str()) => (Some(city.as_str().to_string()), None),
        // `Portal.com, Jakarta Polisi ...`: a known city after the address, then the story.
        (.., Some(site), Some(city)) if domain(site) && known_city(city.as_str()) => (
            Some(city.as_str().to_string()),
            Some(house_of(site.as_str())),
        ),
        _ => return None,
    };
    Some(Dateline {
        city,
        source,
        text: line[..end].trim().to_string(),
        story_offset: end,
    })
}

/// A known city glued to the story by an en dash (`Jakarta–Kapolri`, `JAKARTA–Indonesia`).
fn city_en_dash(line: &str) -> Option<Dateline> {
    // Only near the start: a city is short, and a long line costs no more.
    let at = line[..super::floor_char(line, 40)].find('–')?;
    let (city, rest) = (&line[..at], &line[at + '–'.len_utf8()..]);
    let city = city.trim();
    if !known_city(city) || rest.split_whitespace().count() < 4 {
        return None;
    }
    let first = rest.trim_start().chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let offset = city.len() + (line.len() - line.trim_start().len()) + '–'.len_utf8();
    Some(Dateline {
        city: Some(city.to_string()),
        source: None,
        text: line[..offset].trim().to_string(),
        story_offset: offset,
    })
}

/// The shapes of a dateline at the very start of `line`.
fn parse_dateline_at(line: &str) -> Option<Dateline> {
    let head_end = line.char_indices().nth(70).map_or(line.len(), |(i, _)| i);
    let c = dash_re().captures(&line[..head_end])?;
    // The colon form matches from the line's start: the separator is its colon.
    // `TEMPO Interaktif, Jakarta:`: the colon ends a dateline only after a known publisher.
    if c.get(3).is_some() {
        let name = line[..c.get(3).map_or(0, |m| m.start())]
            .split(',')
            .next()
            .unwrap_or("");
        publisher(name)?;
    }
    let m = c
        .get(1)
        .or_else(|| c.get(2))
        .or_else(|| c.get(3))
        .unwrap_or_else(|| c.get(0).expect("whole match"));
    let mut pre = &line[..m.start()];
    if m.as_str().starts_with(')') {
        pre = &line[..m.start() + 1];
    }
    let pre = pre.trim();
    let rest = line[m.end()..].trim_start();
    // A date may stand between city and publisher (`Jakarta, 5 Muharam 1438/6 Oktober 2016
    // (MINA) –`).
    let max_words = if pre.ends_with(')') { 9 } else { 6 };
    if pre.is_empty() || words(pre) > max_words {
        return None;
    }
    // The story begins with a word or a quote, not a date (`Kompas.com - 14/04/2022, 09:46 WIB`).
    let first = rest.chars().next()?;
    if !(first.is_alphabetic() || "\"“'‘".contains(first) || counted_noun(rest)) {
        return None;
    }
    let rest_words = words(rest);
    let ends_sentence = rest.trim_end().ends_with(['.', '!', '?', '"', '”', ')']);
    let strong_rest = rest_words >= 4;
    let weak_rest = rest_words >= 20 || (rest_words >= 8 && ends_sentence);

    let (city, source) = if let Some(c) = parens_re().captures(pre) {
        // `Jakarta (ANTARA) -`, `BATAM (Arrahmah.com) –`, `Jakarta, 5/6 (ANTARA) -`.
        // `BEIJING-(IDB) :`: the hyphen joins city and publisher.
        let city = c["city"].split(',').next().unwrap_or("");
        let city = city.trim().trim_end_matches(['-', '–']).trim();
        let mut pubs = c["pub"].trim();
        if is_datey(pubs) {
            // `Jakarta, (Tagar 12/4/2017) –`: a known publisher, then the date.
            let name = pubs
                .split(|c: char| c.is_ascii_digit())
                .next()
                .unwrap_or("");
            match publisher(name) {
                Some(_) if !name.trim().is_empty() => pubs = name.trim(),
                _ => return None,
            }
        }
        // `BARITORAYAPOST.COM (Hanoi) –`: the portal's address, then the city in parentheses.
        if domain_like(&city.to_lowercase())
            && as_publisher(pubs).is_none()
            && capitalised_words(pubs)
            && words(pubs) <= 3
        {
            let source = house_of(city);
            return Some(Dateline {
                city: Some(pubs.to_string()),
                source: Some(source),
                text: line[..m.end()].trim().to_string(),
                story_offset: m.end(),
            });
        }
        // `SEMARANG (JATENG) -`: a province after its city, no publisher.
        if province(pubs) {
            let city = (!city.is_empty() && capitalised_words(city)).then(|| city.to_string());
            if city.is_none() || !strong_rest {
                return None;
            }
            return Some(Dateline {
                city,
                source: None,
                text: line[..m.end()].trim().to_string(),
                story_offset: m.end(),
            });
        }
        let source = house_of(pubs);
        let city = (!city.is_empty() && capitalised_words(city)).then(|| city.to_string());
        if city.is_none() && !strong_rest {
            return None;
        }
        (city, Some(source))
    } else if let Some((a, b)) = split_two(pre) {
        // `jpnn.com, JAKARTA -`, `JAKARTA, KOMPAS.com -`, `Harakatuna.com. Jakarta -`.
        let (a, b) = (a.trim(), b.trim());
        if words(a) > 4 || words(b) > 4 {
            return None;
        }
        if let Some(p) = as_publisher(a).filter(|_| !known_city(a)) {
            let city = (!is_datey(b) && capitalised_words(b)).then(|| b.to_string());
            if !strong_rest {
                return None;
            }
            (city, Some(p))
        } else if let Some(p) = as_publisher(b) {
            if !capitalised_words(a) || !strong_rest {
                return None;
            }
            (Some(a.to_string()), Some(p))
        } else if known_city(b)
            && !all_caps(b)
            && !known_city(a)
            && words(a) == 1
            && all_caps(a)
            && a.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && a.chars().all(|c| c.is_alphanumeric())
            && strong_rest
        {
            // `PARBOABOA, Jakarta -`, `SR, Jakarta –`: an unknown name in capitals, then a
            // known city not in capitals: the publisher's house style.
            (Some(b.to_string()), Some(a.to_string()))
        } else if house_name(a) && known_city(b) && strong_rest {
            // `TIMES KOTA, MALANG –`: a news house's name, then a known city.
            (Some(b.to_string()), Some(a.to_string()))
        } else if capitalised_words(a) && (known_city(a) || weak_rest) {
            // `Poso, Sulawesi Tengah -` or `Jakarta, 12 Maret -`: the city only.
            (Some(a.to_string()), None)
        } else {
            return None;
        }
    } else {
        // One part: `Merdeka.com -`, `RM.id Rakyat Merdeka -`, `JAKARTA -`, `DM –`.
        let first_word = pre.split_whitespace().next().unwrap_or(pre);
        if let Some((p, city)) = glued_publisher_city(pre).filter(|_| strong_rest) {
            (Some(city.to_string()), Some(p.to_string()))
        } else if let Some(p) = as_publisher(pre).or_else(|| {
            domain_like(first_word)
                .then(|| as_publisher(first_word))
                .flatten()
        }) {
            let enough = if domain_like(first_word) {
                strong_rest
            } else {
                weak_rest
            };
            if !enough || known_city(pre) {
                return None;
            }
            (None, Some(p))
        } else if known_city(pre) && strong_rest {
            (Some(pre.to_string()), None)
        } else if let Some(name) = house_before_section(pre).filter(|_| strong_rest) {
            // `MerahPutih Nasional -`: the house, then the section the story stands in.
            (None, Some(house_of(name)))
        } else if house_name(pre) && strong_rest {
            // `SERAYUNEWS –`, `Nata Indonesia –`: a name no city bears.
            (None, Some(pre.to_string()))
        } else if all_caps(pre)
            && words(pre) == 1
            && pre.chars().all(char::is_alphabetic)
            && pre.chars().count() <= 3
            && weak_rest
        {
            // Publisher initials (`DM –`).
            (None, Some(pre.to_string()))
        } else if capitalised_words(pre) && words(pre) <= 3 && weak_rest && !is_section(pre) {
            (Some(pre.to_string()), None)
        } else {
            return None;
        }
    };
    Some(Dateline {
        city,
        source,
        text: line[..m.end()].trim().to_string(),
        story_offset: m.end(),
    })
}

/// A site's section names (`Nasional`, `Daerah`, `Kriminal`): a page prints them before the
/// story (`Nasional – Tim Densus 88 ...`) and in its tag lines, and no city bears them.
const SECTIONS: &[&str] = &[
    "nasional",
    "internasional",
    "daerah",
    "regional",
    "nusantara",
    "politik",
    "hukum",
    "kriminal",
    "ekonomi",
    "bisnis",
    "olahraga",
    "peristiwa",
    "metro",
    "megapolitan",
    "berita",
    "news",
    "dunia",
    "global",
    "hiburan",
    "teknologi",
    "opini",
    "headline",
    "utama",
    "terkini",
    "populer",
    "humaniora",
    "keamanan",
    "pertahanan",
];

/// `MerahPutih Nasional`: a news house's name (known, written as a web address, or one word
/// with a capital inside it), then one of its sections; the name.
fn house_before_section(pre: &str) -> Option<&str> {
    let (name, section) = pre.trim().rsplit_once(' ')?;
    let camel = |w: &str| {
        let c: Vec<char> = w.chars().collect();
        c.first().is_some_and(|f| f.is_uppercase())
            && c.windows(2)
                .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
            && c.iter().all(|c| c.is_alphanumeric())
    };
    (is_section(section)
        && !name.contains(' ')
        && (publisher(name).is_some() || domain_like(&name.to_lowercase()) || camel(name)))
    .then_some(name)
}

/// Whether `name` is one of a site's section names (`Nasional`, `Hukum & Kriminal`).
fn is_section(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name
            .split(|c: char| c.is_whitespace() || c == '&')
            .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("dan"))
            .all(|w| SECTIONS.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

/// A page's tag line of sections and places (`Daerah, Jawa Timur, Kriminal`): three or more
/// short parts between commas, one of them a section's name.
fn section_tags(line: &str) -> bool {
    let parts: Vec<&str> = line.split(',').map(str::trim).collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| (1..=2).contains(&words(p)) && capitalised_words(p))
        && parts.iter().any(|p| is_section(p))
}

/// Whether a name is one of Indonesia's provinces by its usual short name (`Jateng`, `NTB`,
/// `Sulteng`), as a dateline puts it after the city.
fn province(name: &str) -> bool {
    const PROVINCES: &[&str] = &[
        "aceh",
        "sumut",
        "sumbar",
        "riau",
        "kepri",
        "jambi",
        "sumsel",
        "babel",
        "bengkulu",
        "lampung",
        "dki",
        "jabar",
        "banten",
        "jateng",
        "diy",
        "jatim",
        "bali",
        "ntb",
        "ntt",
        "kalbar",
        "kalteng",
        "kalsel",
        "kaltim",
        "kaltara",
        "sulut",
        "gorontalo",
        "sulteng",
        "sulbar",
        "sulsel",
        "sultra",
        "maluku",
        "malut",
        "papua",
        "pabar",
    ];
    PROVINCES.iter().any(|p| name.eq_ignore_ascii_case(p))
}

/// Whether a dateline's one part is shaped like a news house's name rather than a city's: its
/// last word (or the end of its one word) is a word of media (`SERAYUNEWS`, `Kabar Online`,
/// `Sinar Pos`) or `Indonesia` (`Nata Indonesia`: no city is named after the country), or its
/// first word says what it is (`Harian Kota`, `Koran ...`, `Majalah ...`, `TIMES Kota`, `Warta
/// ...`, `Kabar ...`, `Suara ...`, `Radar ...`).
fn house_name(pre: &str) -> bool {
    let n = words(pre);
    if !(1..=3).contains(&n) || !capitalised_words(pre) || known_city(pre) {
        return false;
    }
    let last = pre.split_whitespace().last().unwrap_or(pre).to_lowercase();
    let media = ["news", "online", "post", "pos", "times", "tv"];
    if n == 1 {
        return media
            .iter()
            .any(|m| last.len() >= m.len() + 2 && last.ends_with(m));
    }
    let first = pre.split_whitespace().next().unwrap_or(pre).to_lowercase();
    media.contains(&last.as_str())
        || media.contains(&first.as_str())
        || last == "indonesia"
        || matches!(
            first.as_str(),
            "harian"
                | "koran"
                | "majalah"
                | "tabloid"
                | "warta"
                | "kabar"
                | "suara"
                | "radar"
                | "tribun"
                | "media"
        )
}

/// A known publisher glued to a known city, one word (`TEMPO.COJakarta`): the publisher's
/// canonical name and the city as written.
fn glued_publisher_city(pre: &str) -> Option<(&'static str, &str)> {
    if pre.contains(char::is_whitespace) {
        return None;
    }
    pre.char_indices().skip(2).find_map(|(i, ch)| {
        let (p, city) = pre.split_at(i);
        (ch.is_uppercase() && known_city(city) && p.ends_with(|c: char| c.is_alphabetic()))
            .then(|| {
                publisher_exact(p)
                    .or_else(|| publisher(p))
                    .map(|p| (p, city))
            })
            .flatten()
    })
}

/// Splits `a, b`, `a | b` or `a. b` (a period followed by a space: `Harakatuna.com. Jakarta`).
fn split_two(pre: &str) -> Option<(&str, &str)> {
    if let Some((a, b)) = pre.split_once(',').or_else(|| pre.split_once(" | ")) {
        return Some((a, b));
    }
    let i = pre.find(". ")?;
    Some((&pre[..i], &pre[i + 2..]))
}

fn date_line_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
            \b\d{1,2}\s+(jan|feb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec)[a-z]*\.?\s+\d{4}\b
            | [a-z]\d{1,2}\s+(jan|feb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec)[a-z]*\.?\s+\d{4}$
            | \b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b
            | \b\d{4}-\d{2}-\d{2}\b
            | \b\d{1,2}[:.]\d{2}\s*(wib|wita|wit)\b
            | ^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\s*[,|]
            | \b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b
            | \b(diperbarui|dipublikasikan|diterbitkan|published|updated|posted)\b",
        )
        .expect("static regex")
    })
}

/// Whether a line carries a date (`Minggu, 11 September 2022 12:50 WIB`).
pub fn is_date_line(line: &str) -> bool {
    date_line_re().is_match(line)
}

/// Whether a line is only a date line: short, and carrying a date.
pub fn is_date_line_only(line: &str) -> bool {
    words(line) <= 12 && is_date_line(line)
}

fn breadcrumb_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(^(home|beranda|index|indeks)\b)|»|›|\s>\s|\s/\s|\s\|\s")
            .expect("static regex")
    })
}

/// `Headline - Kompas.com` → `Headline` (a page title with the site's name appended: a known
/// publisher, or any name written as a web address, `- portal.com |`).
fn strip_site_suffix(line: &str) -> &str {
    for sep in [" - ", " – ", " — ", " | "] {
        if let Some(i) = line.rfind(sep) {
            let site = line[i + sep.len()..].trim().trim_end_matches(['|', ' ']);
            if publisher_exact(site).is_some() || domain_like(&site.to_lowercase()) {
                return line[..i].trim_end();
            }
        }
    }
    line
}

/// A header line as a headline candidate: without a scraper's date marker, the site's name
/// after it and a share button's word glued to its end.
fn headline_candidate(line: &str) -> &str {
    strip_date_suffix(strip_share_word(strip_site_suffix(strip_date_marker(
        line.trim(),
    ))))
}

/// `Headline - 2003-03-11` → `Headline`: an archive's page title with its date appended
/// (year first or last, in digits, after a dash or a bar).
fn strip_date_suffix(line: &str) -> &str {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\s+[-–—|]\s+(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*$")
            .expect("static regex")
    });
    re.find(line).map_or(line, |m| &line[..m.start()])
}

/// `Headline 2015Tweet` → `Headline 2015`: a share button's word the scraper glued to the
/// headline's last word (no space between, the word after a small letter or a digit).
fn strip_share_word(line: &str) -> &str {
    for w in ["Tweet", "Share", "Bagikan"] {
        if let Some(head) = line.strip_suffix(w) {
            if head.ends_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
                return head;
            }
        }
    }
    line
}

/// Site chrome that reads like a headline: subscription and app prompts, navigation, menus
/// glued together by the scraper, photo and reporter credits.
fn is_chrome(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)(tanpa iklan|^gabung\b|\w\+$|berlangganan|\blangganan\b|read next|",
            r"baca selanjutnya|buka menu|menu utama|tentang kami|pedoman media siber|",
            r"kebijakan privasi|unduh aplikasi|download (the )?app|get app|ikuti kami|follow us|",
            r"scroll to continue|^scroll\b|advertisement|^iklan\b|geser ke atas|ukuran font|\bbanner\b|",
            r"\b\d{2,4}x\d{2,4}\b|^laporan (wartawan|reporter|koresponden|kontributor)\b|^editor\s*:|",
            r"^(foto|photo|ilustrasi|dok|dokumentasi|sumber)\s*[:./]|\(\s*(foto|dok|ist)\b|",
            r"\bfoto\s*/|/\s*(humas|ho|istimewa|dok)\b|^ilustrasi\b|\([^()]*/[^()]*\)\s*$|",
            r"©|\bcopyright\b|\bhak cipta\b|tanggapan anda (mengenai|tentang|terhadap) (artikel|berita)|",
            r"reaksi anda|",
            // A sentence closed by its photo credit (`Wakapolri di Manila. Foto: dok.X`,
            // `... di Bogor. Nama/Radar Kota`: the photographer and the paper).
            r"[.!?]\s+(foto|photo)\s*:|[.!?]\s+(?-i:\p{Lu}[\p{L}.]*(\s\p{Lu}[\p{L}.]*)?\s*/\s*\p{Lu}[\p{L}.]*(\s\p{L}+){0,3})$|",
            // An item of a list (`• Poin ringkasan`), not a headline.
            r"^[•·▪●◦‣]|^\d{1,2}\.\s|^disclaimer\s*:|",
            // Advertising prompts, a page's tag labels, a flipbook's page header.
            r"\bberiklan\b|\bpasang iklan\b|^(kasus|tag|tags|topik|kategori|rubrik|label)\s*:|^page \d+\b|",
            // The start of a dateline cut off its story (`Portal.com, Kupang: Komandan`).
            r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|co\.id|id|net|org)\s*[,:]|",
            // A caption's pointers and its office's credit (`(kanan)`, `(Humas BNPT)`).
            r"\((kanan|kiri|tengah|ka|ki|dari kiri|dari kanan)\)|\([^()]*\bhumas\b[^()]*\)\s*$)"
        ))
        .expect("static regex")
    });
    if re.is_match(line) || section_tags(line) {
        return true;
    }
    // Menu entries glued together (`Tentang KamiPedoman Media SiberKetentuan`): several words
    // with a capital inside them after a small letter.
    let glued = line
        .split_whitespace()
        .filter(|w| {
            let c: Vec<char> = w.chars().collect();
            c.windows(2)
                .skip(1)
                .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
        })
        .count();
    glued >= 3
}

/// Whether a line is only a date and time (`September 2013 - 08:22`, `Jum'at, 25 Maret 2022`):
/// nothing is left once month and weekday names, numbers and time zones are taken out.
fn only_date(line: &str) -> bool {
    let left = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let w = w.to_lowercase();
            crate::extract::dates::month_number(&w).is_none()
                && crate::extract::dates::weekday_of(&w).is_none()
                && !matches!(
                    w.as_str(),
                    "wib" | "wita" | "wit" | "pukul" | "jam" | "at" | "m" | "t"
                )
        })
        .count();
    left == 0 && line.chars().any(|c| c.is_ascii_digit())
}

/// A scraper's date marker opening a line (`date 2023-10-28 Headline`): the rest of the line.
fn strip_date_marker(line: &str) -> &str {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"^\s*date\s+\d{4}-\d{2}(-\d{2})?\s*").expect("static regex"));
    re.find(line).map_or(line, |m| &line[m.end()..])
}

/// [`title_in`] with nothing known of the blank lines between the header's lines.
#[cfg(test)]
pub(crate) fn title(header: &[&str]) -> Option<(usize, String)> {
    title_in(header, &[])
}

/// Picks the headline from the lines before the story (chrome already removed): a line that
/// reads like a headline, skipping date lines, breadcrumbs, site names, bylines, category
/// labels, prompts and credits. Where several do and a date line follows them, the one just
/// before the date line wins (a kicker or a teaser of another story comes first; the headline
/// stands over its date), unless `joined` (for each line, whether it stood right under the
/// line before it, as `Cleaned::header_joined`) says the two lines over the date line were
/// printed together: then the first is the headline and the second its subtitle (`Deplu
/// Berusaha Pulangkan Buronan`, `Sulit Diekstradisi Karena Paspornya`, then the date). Returns
/// the line's index and text.
pub fn title_in(header: &[&str], joined: &[bool]) -> Option<(usize, String)> {
    if let Some(found) = repeated_headline(header) {
        return Some(found);
    }
    let mut first: Option<(usize, String)> = None;
    let mut last: Option<(usize, String)> = None;
    for (i, line) in header.iter().enumerate() {
        let l = headline_candidate(line);
        if (is_date_line(l) || only_date(l)) && !headline_ending_in_date(l) {
            // The candidate standing right over the date line (at most a line between); right
            // over it, a headline in sentence case too (`Indonesia-Belanda perkuat kerja sama
            // cegah radikalisme`, then the date).
            if let Some((j, t)) = last.take() {
                if i - j <= 2 {
                    let above = j.checked_sub(1).map(|k| headline_candidate(header[k]));
                    if let Some(h) = above.filter(|h| {
                        joined.get(j) == Some(&true)
                            && headline_like(h)
                            && !is_date_line(h)
                            && !only_date(h)
                    }) {
                        return Some((j - 1, h.to_string()));
                    }
                    return Some((j, t));
                }
            }
            if let Some(prev) = i.checked_sub(1).map(|j| headline_candidate(header[j])) {
                if headline_like_with(prev, 1) && !is_date_line(prev) && !only_date(prev) {
                    return Some((i - 1, prev.to_string()));
                }
            }
            continue;
        }
        if headline_like(l) {
            first.get_or_insert_with(|| (i, l.to_string()));
            last = Some((i, l.to_string()));
        }
    }
    first
}

/// A headline that ends with the date of its event (`Kematian Gembong Teroris di Kota Solo, 17
/// September 2009`): five words or more read like a headline before a date that closes the line,
/// with no time or update word (a date line is mostly its date).
fn headline_ending_in_date(l: &str) -> bool {
    let l = l.trim_end();
    let Some(m) = date_line_re().find(l) else {
        return false;
    };
    let before = l[..m.start()].trim_end_matches([',', ' ', '-', '–', '|']);
    m.end() == l.len()
        && words(before) >= 5
        && !before.contains('|')
        && l[..m.start()].ends_with([',', ' '])
        && headline_like(before)
}

/// A headline the header gives twice: as a line of its own and again as another line, or as
/// the last step of a breadcrumb (`Beranda » Nasional » <headline>`). Pages repeat their
/// headline that way (a breadcrumb or a share block, then the H1), while the tag lines and
/// teasers that may come first are said once: the repetition decides.
fn repeated_headline(header: &[&str]) -> Option<(usize, String)> {
    let lines: Vec<&str> = header.iter().map(|l| headline_candidate(l)).collect();
    fn last_step(l: &str) -> Option<&str> {
        let step = l.rsplit(['»', '›']).next()?.trim();
        (step.len() < l.len()).then_some(step)
    }
    // How often each text stands in the header, as a line or as a breadcrumb's last step
    // (never the line itself: a step is shorter than its line). One pass, not one per pair.
    let mut said: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for &l in &lines {
        *said.entry(l).or_default() += 1;
        if let Some(step) = last_step(l) {
            *said.entry(step).or_default() += 1;
        }
    }
    lines.iter().enumerate().find_map(|(i, &l)| {
        let again = said.get(l).is_some_and(|&n| n >= 2);
        // (A date line said twice is still a date line.)
        (again && headline_like(l) && !is_date_line(l)).then(|| (i, l.to_string()))
    })
}

/// Whether one line reads like a headline.
fn headline_like(l: &str) -> bool {
    headline_like_with(l, 2)
}

/// [`headline_like`], with at least `capitals` words capitalised (or digits).
fn headline_like_with(l: &str, capitals: usize) -> bool {
    let n = words(l);
    if !(4..=30).contains(&n) || l.chars().count() > 250 {
        return false;
    }
    if breadcrumb_re().is_match(l) || is_chrome(l) {
        return false;
    }
    // A sentence (a teaser or lead), not a headline; a line in capitals is a headline even
    // with a full stop (`POLISI TANGKAP DUA TERSANGKA DI PELABUHAN.`).
    if n >= 6 && l.ends_with('.') && !l.ends_with("...") && !all_caps(l) {
        return false;
    }
    // A headline starts with a capital, a digit or a quote, not mid-sentence or with a dash,
    // and does not stop at a comma (a sentence cut by the scraper's line break).
    if l.starts_with(|c: char| c.is_lowercase() || c == '-' || c == '–') || l.ends_with(',') {
        return false;
    }
    let lower = l.to_lowercase();
    let byline = ["written by", "oleh", "by", "penulis", "reporter"]
        .iter()
        .any(|b| {
            lower
                .strip_prefix(b)
                .is_some_and(|r| r.starts_with(|c: char| !c.is_alphanumeric()))
        });
    if byline {
        return false;
    }
    if publisher(l).is_some() && n <= 3 {
        return false;
    }
    // A headline names something: words with a capital or a digit.
    let named = l
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    named >= capitals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(line: &str) -> (Option<String>, Option<String>) {
        let d = parse_dateline(line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
        (d.city, d.source)
    }

    const REST: &str = "Polisi menahan tiga orang yang diduga terlibat jaringan teror di wilayah itu pada pekan lalu.";

    fn both(city: &str, source: &str) -> (Option<String>, Option<String>) {
        (Some(city.to_string()), Some(source.to_string()))
    }

    #[test]
    fn leads_that_name_only_the_house() {
        let source = |s: &str| (None, Some(s.to_string()));
        // A name shaped like a news house's, not a city's.
        assert_eq!(dl(&format!("KABARNEWS– {REST}")), source("KABARNEWS"));
        assert_eq!(
            dl(&format!("Warta Indonesia – {REST}")),
            source("Warta Indonesia")
        );
        assert_eq!(dl(&format!("HARIAN KOTA – {REST}")), source("HARIAN KOTA"));
        assert_eq!(
            dl(&format!("Kota Baru – {REST}")),
            (Some("Kota Baru".into()), None)
        );
        // An address closed by a bar or a period, and a known city by a spaced colon.
        assert_eq!(
            dl(&format!("PORTALKU.com | {REST}")),
            source("PORTALKU.com")
        );
        assert_eq!(
            dl(&format!("Portalku.co.id. {REST}")),
            source("Portalku.co.id")
        );
        assert_eq!(
            dl(&format!("Surabaya : {REST}")),
            (Some("Surabaya".into()), None)
        );
        // A province after the city names no publisher.
        assert_eq!(
            dl(&format!("PURWOKERTO (JATENG) - {REST}")),
            (Some("PURWOKERTO".into()), None)
        );
        // A dash glued to an address, a colon glued to a city, no separator after a city.
        assert_eq!(dl(&format!("Portalku.com–{REST}")), source("Portalku.com"));
        assert_eq!(
            dl(&format!("Malang: {REST}")),
            (Some("Malang".into()), None)
        );
        assert_eq!(
            dl(&format!("Portalku.com, Jakarta {REST}")),
            (Some("Jakarta".into()), Some("Portalku.com".into()))
        );
        // A caption's label before a colon is no city.
        assert!(parse_dateline(&format!("TERORIS : {REST}")).is_none());
    }

    #[test]
    fn datelines_of_further_house_styles() {
        // Station initials, then a known city.
        assert_eq!(dl(&format!("KR, Jakarta – {REST}")), both("Jakarta", "KR"));
        // Both in capitals: a house's name says what it is (`...NEWS`).
        assert_eq!(
            dl(&format!("KUNEWS, JAKARTA - {REST}")),
            both("JAKARTA", "KUNEWS")
        );
        // A portal's address, then the city in parentheses.
        assert_eq!(
            dl(&format!("WARTAPESISIR.COM (Hanoi) – {REST}")),
            both("Hanoi", "WARTAPESISIR.COM")
        );
        // The city, then the portal's address and a colon.
        assert_eq!(
            dl(&format!("Bogor, kabarpesisir.com: {REST}")),
            both("Bogor", "kabarpesisir.com")
        );
        // A known publisher glued to the city.
        assert_eq!(
            dl(&format!("TEMPO.COJakarta - {REST}")),
            both("Jakarta", "Tempo")
        );
        // A date beside the publisher in the parentheses.
        assert_eq!(
            dl(&format!("Jakarta, (Tagar 12/4/2017) – {REST}")),
            both("Jakarta", "Tagar")
        );
        // A known publisher's name, the city and a colon (Tempo's style of the 2000s); after
        // a name that is no publisher's, a colon ends no dateline.
        assert_eq!(
            dl(&format!("TEMPO Interaktif, Sydney: {REST}")),
            both("Sydney", "Tempo")
        );
        assert!(parse_dateline(&format!("Kata Kapolri, Jakarta: {REST}")).is_none());
        // Publisher and city in parentheses, or the publisher's initials after the city.
        assert_eq!(
            dl(&format!("(Portal Kita – Jakarta) {REST}")),
            both("Jakarta", "Portal Kita")
        );
        assert_eq!(dl(&format!("JAKARTA:(PK) | {REST}")), both("JAKARTA", "PK"));
        // A full date before the city; a date between the city and its dash.
        assert_eq!(
            dl(&format!("23 Maret 2010, Jakarta -- {REST}")),
            (Some("Jakarta".to_string()), None)
        );
        assert_eq!(
            dl(&format!(
                "portalkita.id - Pangkal Pinang, 25 November 2025 - {REST}"
            )),
            both("Pangkal Pinang", "portalkita.id")
        );
        // City and paper in capitals joined by a hyphen, then a comma.
        assert_eq!(
            dl(&format!("BANDUNG-WARTA KOTA, {REST}")),
            both("BANDUNG", "WARTA KOTA")
        );
        // A house's name in one word, then the section: the house, no city.
        assert_eq!(
            dl(&format!("KabarKita Nasional - {REST}")),
            (None, Some("KabarKita".to_string()))
        );
        // Two words before a section are no house's name.
        assert_ne!(
            dl(&format!("Kabar Kita Nasional - {REST}")).1,
            Some("Kabar Kita".to_string())
        );
        // A site's section before the story is no city.
        assert!(parse_dateline(&format!(
            "Nasional – {REST} Penyidik masih memeriksa mereka."
        ))
        .is_none());
        // Three hyphens.
        assert_eq!(
            dl(&format!("REPUBLIKA.CO.ID, TOMANG --- {REST}")),
            both("TOMANG", "Republika")
        );
        // A news house's name led by a word of media, then a known city.
        assert_eq!(
            dl(&format!("TIMES KOTA, MALANG – {REST}")),
            both("MALANG", "TIMES KOTA")
        );
    }

    #[test]
    fn datelines_of_many_houses() {
        assert_eq!(
            dl(&format!("Jakarta (ANTARA) - {REST}")),
            both("Jakarta", "ANTARA")
        );
        assert_eq!(
            dl(&format!("Manado (ANTARA GORONTALO) - {REST}")),
            both("Manado", "ANTARA")
        );
        assert_eq!(
            dl(&format!("jpnn.com, JAKARTA - {REST}")),
            both("JAKARTA", "jpnn.com")
        );
        assert_eq!(
            dl(&format!("JAKARTA, KOMPAS.com - {REST}")),
            both("JAKARTA", "Kompas")
        );
        assert_eq!(
            dl(&format!("REPUBLIKA.CO.ID, JAKARTA -- {REST}")),
            both("JAKARTA", "Republika")
        );
        assert_eq!(
            dl(&format!("TEMPO.CO, Jakarta - {REST}")),
            both("Jakarta", "Tempo")
        );
        assert_eq!(
            dl(&format!("Merdeka.com - {REST}")),
            (None, Some("Merdeka".into()))
        );
        // A bare em dash, and a colon after an address and a city.
        assert_eq!(
            dl(&format!("Harianjogja.com, JAKARTA—{REST}")),
            both("JAKARTA", "Harian Jogja")
        );
        assert_eq!(
            dl(&format!("medcom.id, Surakarta: {REST}")),
            both("Surakarta", "Medcom")
        );
        // No colon form without an address, and a hyphen still needs a space.
        assert!(parse_dateline(&format!("Catatan redaksi: {REST}")).is_none());
        assert!(parse_dateline(&format!("BNPT-Kantor PBB Perkuat Kerja Sama {REST}")).is_none());
        assert_eq!(
            dl(&format!("BATAM (Arrahmah.com) – {REST}")),
            both("BATAM", "Arrahmah")
        );
        assert_eq!(
            dl(&format!("RM.id Rakyat Merdeka - {REST}")),
            (None, Some("RM.id".into()))
        );
        assert_eq!(
            dl(&format!("Harakatuna.com. Jakarta - {REST}")),
            both("Jakarta", "Harakatuna")
        );
        assert_eq!(dl(&format!("DM – {REST}")), (None, Some("DM".into())));
        assert_eq!(
            dl(&format!("JAKARTA — {REST}")),
            (Some("JAKARTA".into()), None)
        );
        assert_eq!(
            dl(&format!("Jakarta, CNN Indonesia -- {REST}")),
            both("Jakarta", "CNN Indonesia")
        );
        assert_eq!(
            dl(&format!("Liputan6.com, Jakarta ー {REST}")),
            both("Jakarta", "Liputan6")
        );
        assert_eq!(
            dl(&format!("Bandar Lampung (ANTARA)- {REST}")),
            both("Bandar Lampung", "ANTARA")
        );
    }

    #[test]
    fn datelines_with_a_date_a_double_hyphen_a_colon_or_a_house_name_in_capitals() {
        // A date between city and publisher.
        assert_eq!(
            dl(&format!(
                "Medan, 2 Rajab 1440/9 Maret 2019 (ANTARA) – {REST}"
            )),
            both("Medan", "ANTARA")
        );
        // A bare double hyphen.
        assert_eq!(
            dl(&format!("Tempo.co, BANDUNG--{REST}")),
            both("BANDUNG", "Tempo")
        );
        // City, hyphen, publisher in parentheses, colon.
        assert_eq!(dl(&format!("MANILA-(ABC) : {REST}")), both("MANILA", "ABC"));
        // An unknown name in capitals before a known city is the house.
        assert_eq!(
            dl(&format!("KABARKITA, Surabaya - {REST}")),
            both("Surabaya", "KABARKITA")
        );
        // Both in capitals: a regency and its province's capital, no house name.
        assert_eq!(dl(&format!("WONOSARI, YOGYAKARTA - {REST}")).1, None);
        // But a region before a city stays the city's.
        assert_eq!(dl(&format!("Sleman, Yogyakarta - {REST}")).1, None);
        assert!(parse_dateline("Kerja sama-dengan mitra (Jepang) : catatan").is_none());
    }

    #[test]
    fn a_story_may_open_with_a_count_but_not_with_a_date() {
        let line = "Jakarta (KBR)-16 WNI ditahan petugas imigrasi di perbatasan kedua negara.";
        let d = parse_dateline(line).unwrap();
        assert_eq!(
            (d.city.as_deref(), d.source.as_deref()),
            (Some("Jakarta"), Some("KBR"))
        );
        assert!(line[d.story_offset..].trim_start().starts_with("16 WNI"));
        for line in [
            "Kabar Kota - 14 Januari 2020 pukul sembilan pagi waktu setempat",
            "Kabar Kota - 14/04/2022, 09:46 WIB dan seterusnya lagi",
            "Kabar Kota - 09 WIB semua petugas berkumpul di halaman",
        ] {
            assert_eq!(parse_dateline(line), None, "{line}");
        }
    }

    #[test]
    fn datelines_after_a_marker_a_publishers_dash_or_glued_by_an_en_dash() {
        let line = format!("date 2017-08 Jakarta (ANTARA) - {REST}");
        let d = parse_dateline(&line).unwrap();
        assert_eq!(
            (d.city.as_deref(), d.source.as_deref()),
            (Some("Jakarta"), Some("ANTARA"))
        );
        assert_eq!(line[d.story_offset..].trim_start(), REST);
        let line = format!("jpnn.com - SURABAYA - {REST}");
        let d = parse_dateline(&line).unwrap();
        assert_eq!(
            (d.city.as_deref(), d.source.as_deref()),
            (Some("SURABAYA"), Some("jpnn.com"))
        );
        assert_eq!(&line[d.story_offset..], REST);
        assert_eq!(
            dl(&format!("KONTAN.CO.ID - MEDAN. {REST}")),
            both("MEDAN", "Kontan")
        );
        assert_eq!(
            dl(&format!("Bisnis.com, MEDAN.- {REST}")),
            both("MEDAN", "Bisnis")
        );
        let line = format!("Surabaya–{REST}");
        let d = parse_dateline(&line).unwrap();
        assert_eq!((d.city.as_deref(), d.source), (Some("Surabaya"), None));
        assert_eq!(&line[d.story_offset..], REST);
        assert_eq!(
            dl(&format!("KABAR JATIM.COM | SURABAYA – {REST}"))
                .0
                .as_deref(),
            Some("SURABAYA")
        );
        // No known city before the en dash: a headline's pair.
        assert!(parse_dateline(
            "Indonesia–Australia Perkuat Kerja Sama Kontra Terorisme Tahun Ini"
        )
        .is_none());
    }

    #[test]
    fn headlines_and_date_lines_are_no_datelines() {
        assert!(parse_dateline("BNPT-Kantor PBB Perkuat Kerja Sama Penanggulangan").is_none());
        assert!(parse_dateline("Kompas.com - 14/04/2022, 09:46 WIB").is_none());
        assert!(parse_dateline("Densus 88 - Polri Tangkap Dua Terduga").is_none());
        assert!(parse_dateline("Indonesia-Jepang Perkuat Kerja Sama Kontra Terorisme").is_none());
        assert!(parse_dateline("BNPT - UNOCT Bahas Program Baru").is_none());
    }

    #[test]
    fn publishers_normalise() {
        assert_eq!(publisher("KOMPAS.com"), Some("Kompas"));
        assert_eq!(publisher("jpnn.com"), Some("jpnn.com"));
        assert_eq!(publisher("TEMPO.CO"), Some("Tempo"));
        assert_eq!(publisher("SINDOnews.com"), Some("Sindonews"));
        assert_eq!(publisher("Harakatuna.com"), Some("Harakatuna"));
        assert_eq!(publisher("Jakarta"), None);
    }

    #[test]
    fn share_word_and_reactions_widget_are_no_headline() {
        // A share button's word glued to the headline is dropped from it.
        assert_eq!(
            title(&["Pasukan Khusus Dua Negara Berlatih Bersama di Gurun 2019Tweet"]).map(|t| t.1),
            Some("Pasukan Khusus Dua Negara Berlatih Bersama di Gurun 2019".to_string())
        );
        // A word that only ends like one stays.
        assert_eq!(
            title(&["Warganet Diimbau Tidak Asal Retweet"]).map(|t| t.1),
            Some("Warganet Diimbau Tidak Asal Retweet".to_string())
        );
        // A reactions widget is chrome.
        assert_eq!(
            title(&["Bagaimana tanggapan anda mengenai artikel ini? Senang"]),
            None
        );
    }

    #[test]
    fn chrome_and_credits_are_no_headlines() {
        for line in [
            "Baca berita tanpa iklan. Gabung Portal.com+",
            "Aa Read Next : Pejabat Baru Dilantik Hari Ini di Ibu Kota",
            "PORTAL FOTO/Nama Fotografer Kami",
            "Ilustrasi kerja sama keamanan. (Portal/Nama Fotografer)",
            "Tentang KamiPedoman Media SiberKetentuan & Kebijakan PrivasiKarir",
            "Laporan Wartawan Portal.com, Nama Penulis",
            "Laporan Koresponden Portal.com, Nama Penulis dari Jepang",
            "Laporan Kontributor Portal.com, Nama Penulis",
            "2. Buka menu utama",
            "Oleh: Nama Penulis Tamu",
            "2025 © PT Media Contoh Nusantara",
            "- Panglima dan Duta Besar Negara Sahabat untuk",
            "Iklan - Geser ke atas untuk melanjutkan",
            "• Ukuran Font: - +",
            "Scroll untuk baca artikel banner 325x300",
            "Daerah, Jawa Timur, Kriminal",
            "Lembaga itu menggelar pelatihan bagi kelompok kerja desa di Bogor. Nama/Radar Kota",
        ] {
            assert_eq!(title(&[line]), None, "{line}");
        }
        // A caption with its credit, printed twice under the headline, is not the headline.
        let caption =
            "Lembaga itu menggelar pelatihan bagi kelompok kerja desa di Bogor. Nama/Radar Kota";
        assert_eq!(
            title(&["Lembaga Bikin Desa Damai di Bogor", caption, caption]).map(|t| t.0),
            Some(0)
        );
        // A line stopping at a comma is a sentence cut off, not a headline.
        assert_eq!(
            title(&["Patroli Laut Tiga Negara di Perairan Selatan,"]),
            None
        );
        // A headline in capitals closed by a full stop is still the headline.
        assert_eq!(
            title(&["POLISI TANGKAP DUA TERSANGKA DI PELABUHAN KOTA."]).map(|t| t.0),
            Some(0)
        );
        // An archive's headline with its date appended: the headline alone.
        assert_eq!(
            title(&["Dua Negara Bicarakan Kerja Sama Keamanan - 2003-03-11"]).map(|t| t.1),
            Some("Dua Negara Bicarakan Kerja Sama Keamanan".to_string())
        );
        assert!(only_date("September 2013 - 08:22"));
        assert!(!only_date("Polisi Tangkap Dua Orang pada September 2013"));
    }

    #[test]
    fn the_headline_stands_over_its_date_line() {
        // A kicker first, then the headline, then the date line.
        let header = [
            "Mode Gelap",
            "Jaga Keamanan Kawasan Bersama",
            "Kepala Badan Bahas Kerja Sama dengan Duta Besar",
            "Senin, 1 Agustus 2022 18:16 WIB",
        ];
        assert_eq!(
            title(&header),
            Some((
                2,
                "Kepala Badan Bahas Kerja Sama dengan Duta Besar".to_string()
            ))
        );
        // Without a date line the first headline-like line stays the answer.
        assert_eq!(title(&header[..3]).map(|t| t.0), Some(1));
        // Printed together over the date line, a headline and its subtitle: the first.
        let printed = [
            "Deplu Berusaha Pulangkan Tahanan Itu",
            "Sulit Dipulangkan Karena Berpaspor Asing",
            "Selasa, 27 Januari 2009 – 01:33 WIB",
        ];
        assert_eq!(
            title_in(&printed, &[false, true, true]).map(|t| t.0),
            Some(0)
        );
        // Apart (a blank line between), the second under a kicker.
        assert_eq!(
            title_in(&printed, &[false, false, true]).map(|t| t.0),
            Some(1)
        );
        // A headline that ends with its event's date is a headline; a date line is not.
        let dated = "Kematian Gembong Teroris, Buronan Lama di Kota Solo, 17 September 2009";
        assert_eq!(title(&[dated]).map(|t| t.1), Some(dated.to_string()));
        assert_eq!(title(&["Selasa, 27 Januari 2009 – 01:33 WIB"]), None);
        assert_eq!(
            title(&["Diperbarui pada hari Selasa, 27 Januari 2009"]),
            None
        );
        // A site's name written as an address after the headline is not part of it.
        assert_eq!(
            title(&["Dua Negara Sepakati Pertukaran Data Intelijen - portalberita.com |"])
                .map(|t| t.1),
            Some("Dua Negara Sepakati Pertukaran Data Intelijen".to_string())
        );
        // A scraper's date marker before the headline is not part of it.
        assert_eq!(
            title(&["date 2023-10-28 Dua Negara Sepakati Pertukaran Data Intelijen"]).map(|t| t.1),
            Some("Dua Negara Sepakati Pertukaran Data Intelijen".to_string())
        );
    }

    #[test]
    fn a_host_as_the_page_spells_it() {
        let lines = ["Berita Kabar Pesisir hari ini", "Polisi menggelar patroli."];
        assert_eq!(
            host_spelled("https://kabarpesisir.com/read/1", lines.into_iter()).as_deref(),
            Some("Kabar Pesisir")
        );
        // Every word must be a part of the name, in order, and the name must be complete.
        assert_eq!(
            host_spelled(
                "https://kabarpesisir.com/read/1",
                ["Kabar hari ini"].into_iter()
            ),
            None
        );
        assert_eq!(
            host_spelled(
                "https://kabarpesisir.com/1",
                ["Kabar Pesisirnya"].into_iter()
            ),
            None
        );
        assert_eq!(
            host_spelled(
                "https://www.kemenkumham.go.id/berita/1",
                ["Humas (Kemenkumham): rapat."].into_iter()
            )
            .as_deref(),
            Some("Kemenkumham")
        );
        // One word may add the site's kind to the name.
        assert_eq!(
            host_spelled(
                "https://www.pajak.co.id/1",
                ["Sumber: PAJAKNews."].into_iter()
            )
            .as_deref(),
            Some("PAJAKNews")
        );
        assert_eq!(
            host_spelled("https://www.pajak.co.id/1", ["PAJAKWarta"].into_iter()),
            None
        );
        // A key too short to tell from an ordinary word is not looked for.
        assert_eq!(
            host_spelled("https://rm.id/1", ["RM hari ini"].into_iter()),
            None
        );
        // On a newspaper group's platform, the paper is the subdomain.
        assert_eq!(
            host_spelled(
                "https://kotaekspres.disway.id/read/1",
                ["Kota Ekspres, Jambi - Polisi berjaga."].into_iter()
            )
            .as_deref(),
            Some("Kota Ekspres")
        );
        assert_eq!(
            from_url("https://kotaekspres.disway.id/read/1").as_deref(),
            Some("kotaekspres")
        );
        assert_eq!(
            from_url("https://nama.blogspot.com/2015/01/a.html").as_deref(),
            Some("nama")
        );
    }

    #[test]
    fn url_hosts() {
        assert_eq!(
            from_url("https://www.antaranews.com/berita/1").as_deref(),
            Some("ANTARA")
        );
        assert_eq!(
            from_url("https://gorontalo.antaranews.com/x").as_deref(),
            Some("ANTARA")
        );
        assert_eq!(
            from_url("https://news.republika.co.id/x").as_deref(),
            Some("Republika")
        );
        assert_eq!(
            from_url("http://www.unknown-site.net/x").as_deref(),
            Some("unknown-site.net")
        );
        assert_eq!(
            from_url("https://rm.id/baca-berita/x").as_deref(),
            Some("RM.id")
        );
        assert_eq!(from_url("no-scheme.com/x"), None);
        // A country's second-level domain is no publisher's name.
        assert_eq!(
            from_url("https://www.kabarbaru.com.tr/id/x").as_deref(),
            Some("kabarbaru.com.tr")
        );
        assert_eq!(
            from_url("https://berita.contoh.net.au/x").as_deref(),
            Some("contoh.net.au")
        );
    }

    #[test]
    fn a_headline_given_twice_wins_over_a_tag_line_before_it() {
        // The breadcrumb ends with the headline; a line of tags comes first.
        let header = [
            "Beranda » Polisi dan Jaksa Latih Petugas Pelabuhan Hadapi Ancaman",
            "Pelabuhan Polisi Berita Daerah Keamanan Terkini",
            "Polisi dan Jaksa Latih Petugas Pelabuhan Hadapi Ancaman",
        ];
        assert_eq!(
            title(&header),
            Some((2, header[2].to_string())),
            "the breadcrumb's last step is the headline"
        );
        // Said twice as lines of their own (a share block, then the headline).
        let header = [
            "Sorotan Pekan Ini Dari Redaksi Kami",
            "Jaksa Tuntut Dua Terdakwa Perakit Bom Rakitan",
            "Bagikan",
            "Jaksa Tuntut Dua Terdakwa Perakit Bom Rakitan",
        ];
        assert_eq!(title(&header).map(|t| t.0), Some(1));
        // Said once: the first headline-like line, as before.
        let header = [
            "Sorotan Pekan Ini Dari Redaksi Kami",
            "Jaksa Tuntut Dua Terdakwa",
        ];
        assert_eq!(title(&header).map(|t| t.0), Some(0));
    }

    #[test]
    fn title_skips_chrome_lines() {
        let header = [
            "Beranda » Nasional » Hukum",
            "Selasa, 10 April 2018 | 08:42 WIB",
            "Polisi dan Jaksa Bahas Pencegahan Radikalisme di Sekolah",
            "Polisi dan Jaksa Bahas Pencegahan Radikalisme di Sekolah",
        ];
        let (i, t) = title(&header).unwrap();
        assert_eq!(i, 2);
        assert_eq!(
            t,
            "Polisi dan Jaksa Bahas Pencegahan Radikalisme di Sekolah"
        );
        assert_eq!(title(&["written by Redaksi", "NASIONAL"]), None);
        assert_eq!(
            title(&["Polisi Tangkap Dua Orang di Poso - Kompas.com"])
                .map(|t| t.1)
                .as_deref(),
            Some("Polisi Tangkap Dua Orang di Poso")
        );
        let (i, _) = title(&[
            "Kabar Damai | Media Kontra Radikalisme",
            "Pemuda Diajak Lawan Hoaks di Media Sosial",
        ])
        .unwrap();
        assert_eq!(i, 1);
        assert_eq!(title(&[]), None);
        // Right over the date line, a headline in sentence case.
        assert_eq!(
            title(&[
                "Indonesia-Belanda perkuat kerja sama cegah radikalisme daring",
                "12 Maret 2016 09:10 WIB"
            ])
            .map(|t| t.0),
            Some(0)
        );
        assert_eq!(
            title(&["Indonesia-Belanda perkuat kerja sama cegah radikalisme daring"]),
            None
        );
        // A date line over the time line is no headline.
        assert_eq!(title(&["Kamis, 14 Maret 2019 |", "10:20 WIB"]), None);
        assert_eq!(
            title(&["Portal.com, Kupang: Komandan Pangkalan Meninjau"]),
            None
        );
        // A caption closed by its credit, a summary's bullet, a numbered menu item and an AI
        // summary's disclaimer are no headlines.
        for chrome in [
            "Kapolda meninjau pos jaga mudik. Foto: dok.Portal",
            "• Warga Diminta Waspadai Ajakan di Media Sosial",
            "3. Buka Situs Portal Lainnya di Menu Utama",
            "Mau Pasang Iklan di Portal Kami? Klik di Sini",
            "Topik: Keamanan, Patroli, Perbatasan",
            "Page 7 - Buletin Warga Edisi 3",
            "Disclaimer: Ringkasan Ini Dibuat Otomatis Oleh Mesin",
        ] {
            assert_eq!(title(&[chrome]), None, "{chrome}");
        }
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Minggu, 11 September 2022 12:50 WIB"));
        assert!(is_date_line("Kamis 14 Jun 2018 00:13 WIB"));
        assert!(is_date_line("Kompas.com - 14/04/2022, 09:46 WIB"));
        assert!(is_date_line("Monday, Oct. 3, 2005 Posted: 12:52:29PM PST"));
        assert!(!is_date_line(
            "Densus 88 Tangkap Dua Terduga Teroris di Poso"
        ));
    }
}

/// The examples of the items above (crate-private, so not doc tests).
#[cfg(test)]
mod examples {
    #[test]
    fn publisher_exact_as_documented() {
        use crate::extract::headline::publisher_exact;
        assert_eq!(publisher_exact("detikNews"), Some("Detik"));
        assert_eq!(publisher_exact("Suara Rakyat"), None);
    }

    #[test]
    fn from_url_as_documented() {
        use crate::extract::headline::from_url;
        assert_eq!(
            from_url("https://nasional.kompas.com/read/2022/04/14/x").as_deref(),
            Some("Kompas")
        );
        assert_eq!(
            from_url("https://www.example.org/a").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            from_url("https://web.bnpt.go.id/x").as_deref(),
            Some("BNPT")
        );
        assert_eq!(
            from_url("https://www.ppatk.go.id/x").as_deref(),
            Some("PPATK")
        );
        assert_eq!(
            from_url("https://m.news.unknown.co.id/x").as_deref(),
            Some("unknown.co.id")
        );
        assert_eq!(from_url("not a url"), None);
    }

    #[test]
    fn parse_dateline_as_documented() {
        use crate::extract::headline::parse_dateline;
        let d = parse_dateline("Manado (ANTARA GORONTALO) - Polisi menangkap dua orang yang diduga anggota jaringan teror di kota itu.").unwrap();
        assert_eq!(d.city.as_deref(), Some("Manado"));
        assert_eq!(d.source.as_deref(), Some("ANTARA"));
        assert!(parse_dateline("BNPT-Kantor PBB Perkuat Kerja Sama").is_none());
    }
}
