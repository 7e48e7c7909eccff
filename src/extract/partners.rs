//! Partner countries and organisations: which foreign countries and international organisations
//! are Indonesia's counterpart in a story, and which countries are merely named.
//!
//! The title and the body are each read once (`gazetteer::Scanner`: one automaton for every
//! gazetteer name and every cue word below); mentions that are not the country (`bahasa
//! Inggris`, a place in the dateline, `Amerika` among regions) are dropped. Each remaining
//! mention is scored from the cues within a few hundred bytes of it (the cost is linear in the
//! text, whatever the length of its lines):
//!
//! | cue | score |
//! | --- | --- |
//! | paired with Indonesia or an Indonesian agency (`Indonesia-Tiongkok`, `RI dan Jepang`, `BNPT dan UNOCT`; not an envoy's accreditation `untuk Indonesia dan Timor Leste`) | +3 |
//! | an envoy of the country just before it (`Dubes`, `Duta Besar`, `Kedutaan`, `Delegasi`; not Indonesia's own mission there: `KBRI di Damaskus, Suriah`) | +3 |
//! | an official of the country just before it (`Menteri Luar Negeri`, `pemerintah`, `otoritas`, `Kerajaan`; no verb of saying between: `Menteri ... Fachir mengatakan Selandia Baru`), or `dengan X` / `bersama X dan Y` / `dengan antiteror dari X, Y` / `dengan PPATK X` (the country's body under an acronym; not `KBRI X`) in a cooperation paragraph (not `berbatasan ... dengan X`) | +2 |
//! | a state deporting Indonesians: `dideportasi`, then `dari X` / `oleh X` (`dideportasi dari Turki`; the handing over is the cooperation, and `dari` here is no place) | +4 |
//! | a suspect's extradition in the same sentence (`ekstradisi terhadap X dari Filipina`, `tertangkap di Pakistan, X akan diekstradisi ke Indonesia`) | +4 |
//! | a donor: a word of giving, then `dari X` / `oleh X` (`hibah dari Jepang`, `didanai oleh Uni Eropa`, every name of `bantuan dari Australia dan Amerika Serikat`; `dana dari X` only with an Indonesian actor on the line before and no sign of terror money: not `aliran dana dari X`, `dana dari X untuk kelompok teroris`) | +4 |
//! | Indonesia's co-chair (`Indonesia menjadi ketua bersama ... bersama Australia`, `Indonesia dan Australia memimpin bersama`; never overshadowed) | +4 |
//! | an organisation Indonesia is or seeks to be a member of (`Indonesia menjadi anggota FATF`, `keanggotaan penuh FATF`, `bergabung dengan ...`, Indonesia in the sentence; not `negara anggota`) | +4 |
//! | paired with Indonesia initiating something (`Indonesia dan Amerika Serikat memprakarsai`, `menggagas`, `menginisiasi`) | +4 |
//! | head of state or government before it (`Presiden`, `PM`) | +1 |
//! | cooperation words in the same paragraph (`kerja sama`, `bilateral`, `pertemuan`, `MoU`, `nota kesepahaman`, `JWG`, `kunjungan`, `sepakat`, `lokakarya` ...) | +1 each, at most +2 |
//! | in the title (not as the source of a statement: `PBB Sebut ...`) | +3 |
//! | in a list with Indonesia (`Indonesia, Malaysia, dan Filipina sepakat`; a longer one in a cooperation or participation paragraph) | +3 |
//! | in a list of participants (`diikuti oleh Malaysia, Thailand, ...`, `delegasi dari ...`, `dengan antiteror dari ...`, with cooperation words; not a regional body's `mitra dialog`) | +3 |
//! | conflict, fighters, attacks, refugees, origin of persons, history just before it (`kombatan`, `di wilayah`, `serangan`, `asal`, `zaman`), unless the country's own authorities act (`dideportasi otoritas Turki`) | −3 |
//! | in any other list of three or more countries (a region's members, attacks in several countries) | −3 |
//! | a place (`di X`, `ke X`, `dari X`), more so at a venue (`menghadiri ... di X`) | −1 / −2 |
//! | an organisation's member states (`negara ASEAN`) | −3 |
//!
//! A list with Indonesia counts as cooperation also when the paragraph before names it (`...
//! meluncurkan pakta kerja sama`, then `Keenam negara itu meliputi Indonesia, Filipina, ...`).
//! A mention whose only support is the cooperation words of its paragraph scores at most 1;
//! the title counts only where the name is not a place (`WNI Pulang dari Suriah`).
//!
//! A country's score is the sum of its mentions' positive scores (each at most 6): a mention
//! against (a place, an origin, a conflict) takes nothing from the others, since a country is
//! often both the scene of a story and its counterpart. Plus +3 when the story
//! says `kedua negara` / `bilateral` and this country is the one most named, plus +2 when it
//! dominates the foreign mentions. A partner has a score ≥ 4 and at least one mention with a
//! positive cue; a country none of whose mentions has a cue of its own (only its paragraphs'
//! cooperation words, `kedua negara`, dominance) needs 6. A candidate named only once is
//! overshadowed by the story's main counterpart when its score is a quarter of the best of its
//! kind or less, or half or less of that of a counterpart (of either kind) named three times or
//! more, unless that one mention scores the most a mention can and names the country's own body
//! (`peserta dari Kepolisian Indonesia, Australia, Filipina`), or it is the other side of a
//! meeting Indonesia's side holds, met through its official or its body named in full
//! (`pertemuan bilateral ... dengan Dirjen ... Kementerian Keamanan Publik China`, `dengan
//! Head of ... National Crime Agency United Kingdom`). A country backed only by its
//! officials (`dibuka oleh Wakil Perdana Menteri Singapura`), not met by Indonesia's side, in a
//! story whose main organisation counterpart outscores it, is that meeting's host or chair, no
//! counterpart. Organisations are scored the same
//! way (`kedua lembaga` for `kedua negara`); a UN body as partner brings the UN (`Kantor Kontra
//! Terorisme PBB` → UN + UNOCT), an ASEAN body brings ASEAN; the UN's principal organs are the
//! UN itself (`Dewan Keamanan PBB` → UN). A national donor, police or
//! intelligence agency named by its own name stands for
//! its country (`USAID`, `FBI` → US; not the bare `AFP`, a news agency too). A story that names neither Indonesia nor an Indonesian actor
//! (`BNPT`, `Polri`, `WNI`, `Jakarta` ...) has no counterpart at all (a wire story on the
//! UN's figures about a foreign conflict).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use super::floor_char;
use super::gazetteer::{self, CueMatch, Entity, Scanner};

/// Countries and organisations found in a story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// ISO codes of the foreign countries that are Indonesia's counterpart, sorted.
    pub partners: Vec<String>,
    /// Codes of international organisations that are the counterpart, sorted.
    pub partner_orgs: Vec<String>,
    /// ISO codes of every foreign country named, sorted.
    pub mentioned: Vec<String>,
    /// Why each partner was taken (one line per partner).
    pub evidence: Vec<String>,
}

/// Score a candidate needs to be taken as partner.
const THRESHOLD: i32 = 4;

/// The most one mention adds to its country's score.
const MENTION_CAP: i32 = 6;

/// A candidate named once whose score is this many times below the best one's is dropped.
const OVERSHADOW: i32 = 4;

/// Cooperation words (lower case; matched at a word start, so suffixes are allowed).
const COOP: &[&str] = &[
    "kerja sama",
    "kerjasama",
    "bekerja sama",
    "bekerjasama",
    "kolaborasi",
    "berkolaborasi",
    "bilateral",
    "pertemuan",
    "bertemu",
    "lokakarya",
    "workshop",
    "diskusi",
    "kunjungan",
    "berkunjung",
    "mengunjungi",
    "delegasi",
    "mou",
    "nota kesepahaman",
    "memorandum",
    "jwg",
    "joint working group",
    "sepakat",
    "bersepakat",
    "menyepakati",
    "kesepakatan",
    "perjanjian",
    "hubungan",
    "mitra",
    "kemitraan",
    "dialog",
    "menandatangani",
    "penandatanganan",
    "hibah",
    "bantuan",
    "pelatihan",
    "latihan bersama",
    // Joint exercises, as the armed forces write them (`Latgabma`, `Latma`).
    "latihan gabungan",
    "latgabma",
    "latma",
    "joint exercise",
    "patroli bersama",
    "operasi bersama",
    "operasi gabungan",
    "program bersama",
    "pertukaran informasi",
    "berbagi informasi",
    "sharing informasi",
    "tukar informasi",
    "keanggotaan",
    "penilaian bersama",
    "mutual evaluation",
    "kedua negara",
    "antarkedua",
    "kedua belah pihak",
    "kedua pihak",
    "kedua lembaga",
    "cooperation",
    "meeting",
    "courtesy call",
    "audiensi",
    "koordinasi",
    "berkoordinasi",
    "membahas",
    "dubes",
    "duta besar",
    "kedutaan",
    "kedubes",
];

/// Embassies and delegations of the named country, just before the name (`Dubes Inggris`):
/// the strongest sign of a counterpart.
const ENVOY: &[&str] = &[
    "dubes",
    "duta besar",
    "kedubes",
    "kedutaan",
    "delegasi",
    "high commission",
    "konsul",
    "konsulat",
    "konjen",
    "atase",
    "utusan",
];

/// Officials or bodies of the named country, just before the name (`Menteri Luar Negeri
/// Inggris`, `Kepolisian Federal Australia`).
const OFFICIAL: &[&str] = &[
    "menteri",
    "menlu",
    "wamenlu",
    "kerajaan",
    "pemerintah",
    "pemerintahan",
    "kepolisian",
    "polis",
    "diraja",
    "kementerian",
    "pihak",
    "perwakilan",
    "mitra",
    "parlemen",
    "otoritas",
    "badan",
    "ketua",
    "kepala",
    "wakil",
    "komite",
    "dinas",
    "departemen",
    "lembaga",
    "dewan",
    "direktur",
    "angkatan",
    "sekretaris jenderal",
    "sekjen",
    "wakil sekretaris",
    "direktur eksekutif",
    "pejabat",
];

/// Heads of state or government: a weaker cue (news about them is often not cooperation).
const HEAD: &[&str] = &[
    "presiden",
    "pm",
    "perdana menteri",
    "raja",
    "ratu",
    "kanselir",
];

/// Just before a name: the country is where fighters went, attacks happened, persons come from,
/// or history, not a counterpart.
const NEGATIVE: &[&str] = &[
    "kombatan",
    "pejuang",
    "fighter",
    "bergabung",
    "serangan",
    "menyerang",
    "diserang",
    "tewas",
    "pengungsi",
    "kamp",
    "berangkat ke",
    "pergi ke",
    "di wilayah",
    "wilayah konflik",
    "konflik",
    "perang",
    "bom",
    "ledakan",
    "ditangkap",
    "dideportasi",
    "deportan",
    "dipulangkan",
    "pemulangan",
    "returnee",
    "simpatisan",
    "isis",
    "teroris ",
    "kelompok teroris",
    "mobilisasi",
    "militan",
    "penjajah",
    "penjajahan",
    "jajahan",
    "kolonial",
    "zaman",
    "masa lalu",
    "asal",
    "warga negara",
    "wna",
    "buron",
    "kabur",
    "melarikan diri",
    "bersembunyi",
    "invasi",
    "pendudukan",
];

/// A venue sentence: `menghadiri pertemuan ... di Thailand`.
const VENUE: &[&str] = &[
    "menghadiri",
    "berlangsung",
    "digelar",
    "diselenggarakan",
    "bertempat",
    "konferensi",
    "kongres",
    "sidang",
    "forum",
];

/// Taking part in a meeting or programme (`diikuti oleh Malaysia, Thailand, dan Filipina`):
/// with cooperation words in the paragraph, the countries of a list are its participants.
const PARTICIPATE: &[&str] = &[
    "diikuti",
    "dihadiri",
    "peserta",
    "berpartisipasi",
    "partisipasi",
    "ikut",
    "turut",
    "hadir",
    "observer",
    "delegasi",
    "disambut",
    "melibatkan",
    "negara mitra",
];

/// Words that make the following name something other than the country (`bahasa Inggris`),
/// and given names of people of this news whose family name is a country's (`Badrodin Haiti`,
/// Kapolri 2015-2016).
const NOT_COUNTRY_BEFORE: &[&str] = &[
    // A currency (`satu juta dolar AS`) names no country.
    "dolar",
    "dollar",
    "bahasa",
    "berbahasa",
    "liga",
    "aksen",
    "masakan",
    "badrodin",
];

/// Phrases by which a story refers back to its single counterpart.
const BOTH: &[&str] = &[
    "kedua negara",
    "antarkedua negara",
    "kedua belah pihak",
    "kedua pihak",
    "bilateral",
];
/// The same for organisations.
const BOTH_ORGS: &[&str] = &[
    "kedua lembaga",
    "kedua institusi",
    "kedua organisasi",
    "kedua pihak",
];

/// The UN's principal organs: as a counterpart each is the UN itself (Indonesia briefs the
/// Security Council, speaks at the General Assembly: the UN), unlike its offices and agencies
/// (`UNODC`, `UNOCT`), which are coded by name with the UN beside them.
const UN_ORGANS: &[&str] = &["UNSC", "UNGA"];

/// The code an organisation counterpart is given: its own, or `UN` for a UN organ.
fn org_code(o: &'static str) -> &'static str {
    if UN_ORGANS.contains(&o) {
        "UN"
    } else {
        o
    }
}

/// Indonesian actors a counterpart is paired with (`BNPT dan UNOCT`), as written.
const ACTORS: &[&str] = &[
    "Indonesia",
    "RI",
    "BNPT",
    "Polri",
    "POLRI",
    "Densus 88",
    "Densus",
    "Kemlu",
    "Kemenlu",
    "TNI",
    "BIN",
    "PPATK",
    "Kemenko Polhukam",
    "Kemenkopolhukam",
];

/// Further signs, as written, that a story concerns Indonesia (besides Indonesia and the
/// [`ACTORS`]): without any, a story has no Indonesian counterpart (a wire story about the UN's
/// figures on a foreign conflict).
const ANGLE: &[&str] = &[
    "Jakarta",
    "JAKARTA",
    "WNI",
    "KBRI",
    "Kemhan",
    "Kemenhan",
    "Kapolri",
    "Jokowi",
    "Indonesian",
    // Indonesia's regional police and its officers (`Wakapolres Balikpapan`, `Kapolda`).
    "Polda",
    "Polres",
    "Polresta",
    "Polrestabes",
    "Polsek",
    "Kapolda",
    "Kapolres",
    "Kapolresta",
    "Kapolsek",
    "Wakapolda",
    "Wakapolres",
    "Brimob",
    "Kopassus",
    "KOPASSUS",
];

/// Capitals that stand for their government when paired with Jakarta (`Canberra dan Jakarta
/// sepakat`, `hubungan Jakarta-Washington`), as written, with the country's code. Alone, a
/// capital is a place and not a mention of the country.
const CAPITALS: &[(&str, &str)] = &[
    ("Canberra", "AU"),
    ("Washington", "US"),
    ("Tokyo", "JP"),
    ("Beijing", "CN"),
    ("Moskow", "RU"),
    ("Moscow", "RU"),
    ("London", "GB"),
    ("Den Haag", "NL"),
    ("Paris", "FR"),
    ("Berlin", "DE"),
    ("Ankara", "TR"),
    ("Riyadh", "SA"),
    ("Kuala Lumpur", "MY"),
    ("Manila", "PH"),
    ("Bangkok", "TH"),
    ("Seoul", "KR"),
    ("New Delhi", "IN"),
    ("Wellington", "NZ"),
    ("Ottawa", "CA"),
    ("Abu Dhabi", "AE"),
    ("Kairo", "EG"),
    ("Hanoi", "VN"),
    ("Islamabad", "PK"),
    ("Dili", "TL"),
    ("Bandar Seri Begawan", "BN"),
];

/// Connectors of a pair (`Indonesia-Tiongkok`, `RI dan Jepang`, `BNPT dengan UNOCT`).
const PAIR_GAPS: &[&str] = &[
    "-",
    "–",
    "—",
    "/",
    "&",
    "dan",
    "and",
    "dengan",
    "bersama",
    "bersama dengan",
    "serta",
];

/// Separators of a list (`Filipina, Afghanistan, dan Suriah`).
const LIST_GAPS: &[&str] = &[
    ",", ", dan", "dan", ", serta", "serta", "atau", ", atau", "/",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Country(&'static str),
    Org(&'static str),
}

#[derive(Debug, Default)]
struct Tally {
    mentions: u32,
    score: i32,
    positive: bool,
    /// Some mention has a cue of its own (a pair, an envoy, an official, the title, a list
    /// with Indonesia...), not only the cooperation words of its paragraph.
    direct: bool,
    /// Some mention has the country's own envoy or official before it (`Kepolisian Malaysia`).
    own_body: bool,
    /// Some mention has a cue beyond an official of the country before it (a pair, an envoy,
    /// `dengan X`, the title, a list with Indonesia or of participants).
    beyond_official: bool,
    /// Some mention is Indonesia's co-chair (`ketua bersama ... bersama Australia`): a
    /// counterpart however much the forum it co-chairs is named.
    co_chair: bool,
    /// Some mention is the other side of a meeting Indonesia's side holds (`pertemuan
    /// bilateral ... dengan Dirjen ... Kementerian Keamanan Publik China`): a counterpart
    /// however much another is named.
    met: bool,
    /// Some mention hands Indonesians or a suspect over to Indonesia (a deporting state, an
    /// extradition): a counterpart however much another is named.
    handover: bool,
    reasons: Vec<String>,
}

impl Tally {
    /// Adds a reason (at most four, no repeats); `r` is only formatted when there is room.
    fn reason(&mut self, r: impl FnOnce() -> String) {
        if self.reasons.len() < 4 {
            let r = r();
            if !self.reasons.contains(&r) {
                self.reasons.push(r);
            }
        }
    }
}

/// A name found in the title or body, with what it is.
struct Mention<'t> {
    key: Key,
    start: usize,
    end: usize,
    text: &'t str,
    /// The word just before it on its line (`""` when none), as written.
    prev: &'t str,
}

/// The roles a cue word plays; one word may play several (`dubes` is a cooperation word and an
/// envoy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Coop,
    Envoy,
    Official,
    Head,
    Negative,
    Venue,
    Both,
    BothOrgs,
    Actor,
    Participate,
    Angle,
    Capital,
    /// A shared chair ([`CO_CHAIR`]).
    SharedChair,
    /// A chair after a pair ([`CHAIR_AFTER`]).
    ChairAfter,
    /// A meeting's chair named ([`CHAIRED`]).
    ChairedBy,
    /// Who held an event, named next ([`ORGANISED_BY`]).
    OrganisedBy,
    /// An extradition ([`EXTRADITE`]).
    Extradite,
}

/// The lists of cues, by role, in their order of preference.
/// The names of [`CAPITALS`], as a cue list.
const CAPITAL_NAMES: &[&str] = &{
    let mut names = [""; CAPITALS.len()];
    let mut i = 0;
    while i < CAPITALS.len() {
        names[i] = CAPITALS[i].0;
        i += 1;
    }
    names
};

const ROLES: [(Role, &[&str]); 17] = [
    (Role::Coop, COOP),
    (Role::Envoy, ENVOY),
    (Role::Official, OFFICIAL),
    (Role::Head, HEAD),
    (Role::Negative, NEGATIVE),
    (Role::Venue, VENUE),
    (Role::Both, BOTH),
    (Role::BothOrgs, BOTH_ORGS),
    (Role::Actor, ACTORS),
    (Role::Participate, PARTICIPATE),
    (Role::Angle, ANGLE),
    (Role::Capital, CAPITAL_NAMES),
    (Role::SharedChair, CO_CHAIR),
    (Role::ChairAfter, CHAIR_AFTER),
    (Role::ChairedBy, CHAIRED),
    (Role::OrganisedBy, ORGANISED_BY),
    (Role::Extradite, EXTRADITE),
];

/// Words of an extradition (matched at a word start, suffixes allowed: `ekstradisinya`).
const EXTRADITE: &[&str] = &["ekstradisi", "diekstradisi", "mengekstradisi"];

/// Every cue of every role, as one list for the scanner, with each cue's place in its roles'
/// lists (`u8::MAX` where it has no such role).
struct Cues {
    scanner: Scanner,
    /// For each cue of the scanner, its index in each role's list.
    rank: Vec<[u8; ROLES.len()]>,
}

impl Cues {
    /// Whether `cue` is `dideportasi`.
    fn deports(&self, cue: usize) -> bool {
        self.rank(cue, Role::Negative)
            .is_some_and(|r| NEGATIVE[r] == "dideportasi")
    }

    /// The index of `cue` in the list of `role`, if it plays that role.
    fn rank(&self, cue: usize, role: Role) -> Option<usize> {
        let r = self.rank[cue][role as usize];
        (r != u8::MAX).then_some(usize::from(r))
    }
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        // Words are matched in any case, so one pattern per lower-case spelling; Indonesian
        // actors (`RI`, `BIN`) are matched as written, so they are patterns of their own.
        let mut texts: Vec<&'static str> = Vec::new();
        let mut rank: Vec<[u8; ROLES.len()]> = Vec::new();
        for (role, list) in ROLES {
            for (i, &w) in list.iter().enumerate() {
                // Actors and signs of an Indonesian angle are matched as written.
                let actor = matches!(role, Role::Actor | Role::Angle | Role::Capital);
                let same = |t: &&str| {
                    if actor {
                        *t == w
                    } else {
                        t.eq_ignore_ascii_case(w)
                    }
                };
                let at = texts.iter().enumerate().position(|(j, t)| {
                    let exact = [Role::Actor, Role::Angle, Role::Capital]
                        .iter()
                        .any(|&r| rank[j][r as usize] != u8::MAX);
                    same(t) && exact == actor
                });
                let j = at.unwrap_or_else(|| {
                    texts.push(w);
                    rank.push([u8::MAX; ROLES.len()]);
                    texts.len() - 1
                });
                if rank[j][role as usize] == u8::MAX {
                    rank[j][role as usize] = u8::try_from(i).unwrap_or(u8::MAX - 1);
                }
            }
        }
        Cues {
            scanner: Scanner::new(&texts),
            rank,
        }
    })
}

/// One text (title or body) scanned once: its mentions and its cue words.
struct Scan<'t> {
    text: &'t str,
    mentions: Vec<Mention<'t>>,
    /// Cue words at word starts, by end offset.
    cues: Vec<CueMatch>,
    /// For each mention, the first and last mention of the list it is part of (itself when
    /// none).
    runs: Vec<(usize, usize)>,
    /// For each mention, the number of items of its list (names the gazetteer does not know
    /// between two of the run included).
    run_items: Vec<usize>,
    /// For each mention, whether it follows `dengan` / `bersama`, itself or through the names
    /// listed before it (`bersama Jepang dan Korea Selatan`).
    with: Vec<bool>,
    /// What was found out about a paragraph (by its bounds) once, for the other mentions of
    /// the same paragraph: a single-line body is one paragraph with thousands of mentions,
    /// where looking again for each would cost the square of them.
    paragraphs: RefCell<Vec<ParagraphFacts>>,
    /// The countries whose embassy the story names as an attack's target, worked out once
    /// (on the first embassy mention) for the others.
    attacked: std::cell::OnceCell<Vec<Key>>,
    /// Whether the text speaks of an extradition anywhere: most stories never do, and need no
    /// look around each name.
    extradition: bool,
    /// Whether the text has the cue `dideportasi` anywhere (the same saving).
    deportation: bool,
}

/// A fact about the paragraph `a..b` of a [`Scan`], memoised.
#[derive(Clone, Copy, PartialEq)]
enum Fact {
    /// [`officials_roster`] for this office.
    Roster(&'static str),
    /// [`foreign_participation`].
    Participation,
    /// [`indonesian_in`].
    Indonesian,
}

/// A memoised [`Fact`] of the paragraph `a..b` and its answer.
type ParagraphFacts = (usize, usize, Fact, bool);

impl<'t> Scan<'t> {
    /// Scans `text` for names and cues; names before byte `from` (a dateline) are left out.
    fn new(text: &'t str, from: usize) -> Scan<'t> {
        let c = cues();
        let (mut names, mut found) = (Vec::new(), Vec::new());
        c.scanner.scan(text, &mut names, &mut found);
        found.sort_by_key(|m| m.end);
        let mut mentions = Vec::with_capacity(names.len());
        for (k, m) in names.iter().enumerate() {
            if m.start < from || americas_among_regions(text, &names, k) {
                continue;
            }
            let key = match m.entity {
                Entity::Country(c) => Key::Country(c.code),
                Entity::Org(o) => Key::Org(o.code),
                Entity::Region(_) => continue,
            };
            let prev = prev_word(text, m.start);
            if matches!(key, Key::Country(_))
                && NOT_COUNTRY_BEFORE
                    .iter()
                    .any(|w| prev.eq_ignore_ascii_case(w))
            {
                continue;
            }
            mentions.push(Mention {
                key,
                start: m.start,
                end: m.end,
                text: m.text,
                prev,
            });
        }
        capitals_paired_with_jakarta(text, from, &found, &mut mentions);
        let (runs, run_items) = list_runs(text, &mentions);
        let mut with = Vec::with_capacity(mentions.len());
        for (i, m) in mentions.iter().enumerate() {
            let prev = m.prev;
            let with_word =
                |w: &str| w.eq_ignore_ascii_case("dengan") || w.eq_ignore_ascii_case("bersama");
            // `dengan antiteror dari Filipina`, `dengan aparat keamanan dari Malaysia`: the
            // counterpart's body, then its country (not `pernyataan bersama dari`).
            let body_from = || {
                let from = words_start(text, m.start, 4);
                text[from..m.start]
                    .split(is_separator)
                    .filter(|w| !w.is_empty())
                    .rev()
                    .skip(1)
                    .any(|w| w.eq_ignore_ascii_case("dengan"))
            };
            // `berbatasan darat ... dengan Suriah`: geography, not company.
            let bordering = || {
                let near = &text[last_chars_start(text, m.start, 80)..m.start];
                let clause = near.rsplit(['.', ';']).next().unwrap_or("");
                ["berbatasan", "bertetangga"]
                    .iter()
                    .any(|b| contains_ignore_ascii_case(clause, b))
            };
            // `bekerja sama dengan PPATK Australia`, `menggandeng FIU Malaysia`: the country's
            // own body under an acronym (not Indonesia's missions and nationals: `KBRI Turki`).
            let acronym_body = || {
                let short =
                    (2..=6).contains(&prev.len()) && prev.bytes().all(|b| b.is_ascii_uppercase());
                let ours =
                    ["KBRI", "KJRI", "WNI", "TKI", "PMI", "RI", "NKRI", "WNA"].contains(&prev);
                short
                    && !ours
                    && text[..m.start]
                        .trim_end()
                        .strip_suffix(prev)
                        .map(|before| prev_word(before, before.trim_end().len()))
                        .is_some_and(|w| with_word(w) || w.eq_ignore_ascii_case("menggandeng"))
            };
            // `dengan kepolisian Filipina`, `dengan tim antiteror dari negara Filipina`: the
            // words between `dengan` and the country name only its body.
            let body_between = || {
                const BODY: &[&str] = &[
                    "kepolisian",
                    "polisi",
                    "otoritas",
                    "pemerintah",
                    "aparat",
                    "keamanan",
                    "militer",
                    "tentara",
                    "intelijen",
                    "tim",
                    "antiteror",
                    "anti-teror",
                    "pihak",
                    "delegasi",
                    "dari",
                    "negara",
                    "lembaga",
                    "badan",
                    "pasukan",
                    "khusus",
                    "satuan",
                    "unit",
                    "penegak",
                    "hukum",
                ];
                let is_body = |w: &str| BODY.iter().any(|b| w.eq_ignore_ascii_case(b));
                // (The cheap test first: most mentions have no body word right before.)
                if !is_body(prev) {
                    return false;
                }
                // Back over body words to `dengan` (`pernyataan bersama dari Indonesia,
                // Brunei, ...` is a joint statement's list, not company: `dengan` only).
                let from = words_start(text, m.start, 6);
                for w in text[from..m.start]
                    .split(is_separator)
                    .filter(|w| !w.is_empty())
                    .rev()
                {
                    if w.eq_ignore_ascii_case("dengan") {
                        return true;
                    }
                    if !is_body(w) {
                        return false;
                    }
                }
                false
            };
            let direct = (with_word(prev) && !bordering())
                || (prev.eq_ignore_ascii_case("dari") && body_from())
                || body_between()
                || acronym_body();
            let listed = i > 0 && runs[i].0 < i && with[i - 1];
            let paired = i > 0
                && with[i - 1]
                && is_gap(&text[mentions[i - 1].end..m.start], &["dan", "serta"]);
            with.push(direct || listed || paired);
        }
        let extradition = found
            .iter()
            .any(|m| c.rank(m.cue, Role::Extradite).is_some());
        let deportation = found.iter().any(|m| c.deports(m.cue));
        Scan {
            text,
            mentions,
            extradition,
            deportation,
            cues: found,
            runs,
            run_items,
            with,
            paragraphs: RefCell::new(Vec::new()),
            attacked: std::cell::OnceCell::new(),
        }
    }

    /// The cues lying wholly within `a..b`.
    fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Mention<'t>> + '_ {
        let from = self.mentions.partition_point(|m| m.start < a);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.start < b)
            .filter(move |m| m.end <= b)
    }

    /// Whether a cue of `role` lies wholly within `a..b`; the end of the last one.
    fn last_of(&self, role: Role, a: usize, b: usize) -> Option<usize> {
        let c = cues();
        self.cues_in(a, b)
            .filter(|x| c.rank(x.cue, role).is_some())
            .map(|x| x.end)
            .max()
    }

    /// `fact` of the paragraph `a..b`: `find` once, then from the memo.
    fn fact(&self, a: usize, b: usize, fact: Fact, find: impl FnOnce() -> bool) -> bool {
        let known = self
            .paragraphs
            .borrow()
            .iter()
            .find(|&&(x, y, f, _)| (x, y) == (a, b) && f == fact)
            .map(|&(.., answer)| answer);
        known.unwrap_or_else(|| {
            let answer = find();
            self.paragraphs.borrow_mut().push((a, b, fact, answer));
            answer
        })
    }

    fn cues_in(&self, a: usize, b: usize) -> impl Iterator<Item = &CueMatch> + '_ {
        let from = self.cues.partition_point(|c| c.end <= a);
        self.cues[from..]
            .iter()
            .take_while(move |c| c.end <= b)
            .filter(move |c| c.start >= a)
    }

    /// The first (in the list's order) cue of `role` within `a..b`, as listed.
    fn first_of(&self, role: Role, a: usize, b: usize) -> Option<&'static str> {
        let c = cues();
        self.cues_in(a, b)
            .filter_map(|m| c.rank(m.cue, role))
            .min()
            .map(|r| ROLES[role as usize].1[r])
    }

    /// Does the text name Indonesia or an Indonesian actor anywhere (dateline included)?
    fn indonesian_angle(&self) -> bool {
        let c = cues();
        self.mentions.iter().any(|m| m.key == Key::Country("ID"))
            || self.cues.iter().any(|m| {
                let written = &self.text[m.start..m.end];
                [Role::Actor, Role::Angle]
                    .into_iter()
                    .filter_map(|role| c.rank(m.cue, role).map(|r| ROLES[role as usize].1[r]))
                    .any(|w| w == written)
            })
    }

    /// Any cue of `role` in the whole text?
    fn has(&self, role: Role) -> bool {
        let c = cues();
        self.cues.iter().any(|m| c.rank(m.cue, role).is_some())
    }
}

/// A capital paired with Jakarta (`Canberra dan Jakarta`, `Jakarta-Washington`) stands for its
/// country, and Jakarta for Indonesia: both become mentions (kept in text order). So does a
/// capital right after one of its government's bodies (`badan intelijen Abu Dhabi`).
fn capitals_paired_with_jakarta<'t>(
    text: &'t str,
    from: usize,
    cues_found: &[CueMatch],
    mentions: &mut Vec<Mention<'t>>,
) {
    let c = cues();
    let before = mentions.len();
    for x in cues_found.iter().filter(|x| x.start >= from) {
        let Some(r) = c.rank(x.cue, Role::Capital) else {
            continue;
        };
        let (name, code) = CAPITALS[r];
        if &text[x.start..x.end] != name || !is_word_end(text, x.end) {
            continue;
        }
        let after = &text[x.end..floor_char(text, (x.end + 24).min(text.len()))];
        let jakarta_after = after
            .find("Jakarta")
            .filter(|&p| is_gap(&after[..p], PAIR_GAPS))
            .map(|p| (x.end + p, x.end + p + "Jakarta".len()));
        let head = &text[floor_char(text, x.start.saturating_sub(24))..x.start];
        let jakarta_before = head
            .rfind("Jakarta")
            .filter(|&p| is_gap(&head[p + "Jakarta".len()..], PAIR_GAPS))
            .map(|p| {
                let start = x.start - head.len() + p;
                (start, start + "Jakarta".len())
            });
        let Some((js, je)) = jakarta_after.or(jakarta_before) else {
            // `badan intelijen Abu Dhabi`, `pemerintah Canberra`: the capital's own body.
            // Not after an envoy's title: `atase kepolisian Kuala Lumpur` is a posting there.
            let from = words_start(text, x.start, 2);
            // (The cues are sorted by end: only those ending in `from..=x.start` are looked at.)
            let lo = cues_found.partition_point(|y| y.end < from);
            let hi = cues_found.partition_point(|y| y.end <= x.start);
            let window = || {
                cues_found[lo..hi.max(lo)]
                    .iter()
                    .filter(move |y| y.start >= from)
            };
            let official = window().any(|y| {
                c.rank(y.cue, Role::Official).is_some()
                    && !text[y.end..x.start].split(is_separator).any(|w| {
                        is_place_word(w) || matches!(w, "RI" | "Indonesia" | "KBRI" | "untuk")
                    })
            }) && !window().any(|y| c.rank(y.cue, Role::Envoy).is_some());
            if official && is_word_start_at(text, x.start) {
                mentions.push(Mention {
                    key: Key::Country(code),
                    start: x.start,
                    end: x.end,
                    text: &text[x.start..x.end],
                    prev: prev_word(text, x.start),
                });
            }
            continue;
        };
        if !is_word_end(text, je) || !is_word_start_at(text, js) {
            continue;
        }
        mentions.push(Mention {
            key: Key::Country(code),
            start: x.start,
            end: x.end,
            text: &text[x.start..x.end],
            prev: prev_word(text, x.start),
        });
        mentions.push(Mention {
            key: Key::Country("ID"),
            start: js,
            end: je,
            text: &text[js..je],
            prev: prev_word(text, js),
        });
    }
    if mentions.len() > before {
        mentions.sort_by_key(|m| m.start);
        mentions.dedup_by_key(|m| m.start);
    }
}

/// Does a word end at `at` (no letter or digit right after)?
fn is_word_end(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Does a word start at `at` (no letter or digit right before)?
fn is_word_start_at(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// `Amerika` alone next to other regions (`Asia Pasifik, Timur Tengah, Amerika, Eropa`,
/// `Direktorat Amerika dan Eropa`) is the Americas, not the United States.
fn americas_among_regions(text: &str, names: &[gazetteer::NameMatch<'_>], k: usize) -> bool {
    let m = &names[k];
    if !m.text.eq_ignore_ascii_case("amerika") {
        return false;
    }
    let region_joined = |a: &gazetteer::NameMatch<'_>, b: &gazetteer::NameMatch<'_>, r| {
        matches!(r, Entity::Region(_)) && is_gap(&text[a.end..b.start], LIST_GAPS)
    };
    k.checked_sub(1)
        .is_some_and(|j| region_joined(&names[j], m, names[j].entity))
        || names
            .get(k + 1)
            .is_some_and(|n| region_joined(m, n, n.entity))
}

/// Detects partners in a story: `title` (if any) and the cleaned body (a dateline like
/// `Manado (ANTARA) -` may still start it: places there are ignored).
///
/// The title and the body are each scanned once for every gazetteer name and every cue word
/// (`gazetteer::Scanner`); each mention then looks only at the cues within a few hundred
/// bytes of it, so the cost is linear in the text.
///
/// ```
/// use telusur::extract::partners::detect;
/// let f = detect(
///     Some("BNPT dan Kedutaan Besar Jepang Bahas Kerja Sama"),
///     "Jakarta (ANTARA) - BNPT menerima Duta Besar Jepang untuk membahas kerja sama \
///      penanggulangan terorisme. Kombatan asal Indonesia masih berada di Suriah.",
/// );
/// assert_eq!(f.partners, ["JP"]);
/// assert_eq!(f.mentioned, ["JP", "SY"]);
/// ```
pub fn detect(title: Option<&str>, body: &str) -> Findings {
    let mut tallies: BTreeMap<Key, Tally> = BTreeMap::new();
    let mut mentioned: BTreeSet<&'static str> = BTreeSet::new();

    let title = Scan::new(title.unwrap_or(""), 0);
    let body = Scan::new(body, dateline_end(body));
    for (scan, in_title) in [(&title, true), (&body, false)] {
        for (i, m) in scan.mentions.iter().enumerate() {
            if let Key::Country(code) = m.key {
                if code == "ID" {
                    // Indonesia is kept among the mentions only to find pairs.
                    continue;
                }
                mentioned.insert(code);
            }
            let t = tallies.entry(m.key).or_default();
            // The embassy an attack was aimed at is a place: it neither scores nor counts
            // towards the country's share of the story's mentions.
            if attack_target(scan, i) {
                continue;
            }
            t.mentions += 1;
            score_mention(scan, i, in_title, t);
        }
    }

    // `kedua negara` / `bilateral` refer back to the one foreign country most named; likewise
    // `kedua lembaga` for organisations. A country that dominates the foreign mentions of a
    // cooperation story is its subject.
    let coop_story = body.has(Role::Coop);
    let most_named_country = tallies
        .iter()
        .filter(|(k, t)| matches!(k, Key::Country(_)) && t.score > 0)
        .map(|(_, t)| t.mentions)
        .max()
        .unwrap_or(0);
    for (both, is_country) in [(Role::Both, true), (Role::BothOrgs, false)] {
        let of_kind = |k: &Key| matches!(k, Key::Country(_)) == is_country;
        let mut ranked: Vec<(&Key, u32)> = tallies
            .iter()
            .filter(|(k, t)| of_kind(k) && t.score > 0)
            .map(|(k, t)| (k, t.mentions))
            .collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
        let total: u32 = tallies
            .iter()
            .filter(|(k, _)| of_kind(k))
            .map(|(_, t)| t.mentions)
            .sum();
        let Some(&(top, n)) = ranked.first() else {
            continue;
        };
        let unique = ranked.get(1).is_none_or(|&(_, m)| m < n);
        if !unique {
            continue;
        }
        let top = *top;
        // `kedua pihak` may be two states as well as two bodies: it refers back to an
        // organisation only when no country is named more often (`Rusia dan Indonesia ...
        // kedua belah pihak ... di bawah koordinasi PBB`: the two states).
        let phrase = body
            .first_of(both, 0, body.text.len())
            .filter(|p| is_country || !BOTH.contains(p) || most_named_country < n);
        if let Some(phrase) = phrase {
            if let Some(t) = tallies.get_mut(&top) {
                t.score += 3;
                t.reason(|| format!("'{phrase}'"));
            }
        }
        if coop_story && n >= 3 && n * 10 >= total * 7 {
            if let Some(t) = tallies.get_mut(&top) {
                t.score += 2;
                t.reason(|| "dominant".to_string());
            }
        }
    }

    // A country named once in passing in a story about another counterpart (`the ambassador
    // mentioned his country's work with Australia`) is overshadowed by it.
    let top_score = |is_country: bool| {
        tallies
            .iter()
            .filter(|(k, _)| matches!(k, Key::Country(_)) == is_country)
            .map(|(_, t)| t.score)
            .max()
            .unwrap_or(0)
    };
    let (top_country, top_org) = (top_score(true), top_score(false));
    // The story's main counterpart, of either kind: named at least three times.
    let main = tallies
        .values()
        .filter(|t| t.mentions >= 3)
        .map(|t| t.score)
        .max()
        .unwrap_or(0);

    // The main organisation counterpart, named at least three times.
    let main_org = tallies
        .iter()
        .filter(|(k, t)| matches!(k, Key::Org(_)) && t.mentions >= 3)
        .map(|(_, t)| t.score)
        .max()
        .unwrap_or(0);

    let mut f = Findings::default();
    let angle = [&title, &body].iter().any(|scan| scan.indonesian_angle());
    // A story that sets ASEAN face to face with a counterpart (`ASEAN-Uni Eropa`) speaks of
    // ASEAN as Indonesia's own side.
    let asean_side = [&title, &body].iter().any(|scan| {
        (0..scan.mentions.len())
            .any(|i| scan.mentions[i].key == Key::Org("ASEAN") && bloc_pair(scan, i).is_some())
    });
    for (key, t) in tallies.iter().filter(|_| angle) {
        // A country whose only cue is an official of it, in a story about an organisation
        // that outscores it, is a host or a chair of that body's meeting (`dibuka oleh Wakil
        // Perdana Menteri Singapura`), not Indonesia's counterpart.
        let presiding = matches!(key, Key::Country(_))
            && t.own_body
            && !t.beyond_official
            && main_org > t.score;
        if (asean_side && *key == Key::Org("ASEAN"))
            || presiding
            || t.score < THRESHOLD
            || !t.positive
            || (matches!(key, Key::Country(_)) && !t.direct && t.score < THRESHOLD + 2)
        {
            continue;
        }
        let top = if matches!(key, Key::Country(_)) {
            top_country
        } else {
            top_org
        };
        // Named once beside a main counterpart with twice its score (members of a pact the
        // story's counterpart is invited to, a regional body named as a wish): overshadowed,
        // unless that one mention is as strong as a mention gets and names the country's own
        // body (`peserta dari Kepolisian Indonesia, Australia, Filipina, ...`).
        if t.mentions == 1
            && !t.co_chair
            && !t.met
            && !t.handover
            && (t.score * OVERSHADOW <= top
                || (t.score * 2 <= main && !(t.score >= MENTION_CAP && t.own_body)))
        {
            continue;
        }
        let (code, list) = match key {
            Key::Country(c) => (*c, &mut f.partners),
            Key::Org(o) => (org_code(o), &mut f.partner_orgs),
        };
        list.push(code.to_string());
        f.evidence.push(format!(
            "{code}: {} ({} mentions, score {})",
            t.reasons.join(", "),
            t.mentions,
            t.score
        ));
        if let Key::Org(o) = key {
            if let Some(parent) = gazetteer::org(o).and_then(|o| o.parent) {
                if !f.partner_orgs.iter().any(|p| p == parent) {
                    f.partner_orgs.push(parent.to_string());
                    f.evidence.push(format!("{parent}: parent of {o}"));
                }
            }
        }
    }
    family_lists(&[&title, &body], &mut f);
    f.partners.sort();
    f.partner_orgs.sort();
    f.partner_orgs.dedup();
    f.mentioned = mentioned.into_iter().map(str::to_string).collect();
    f
}

/// A list of a counterpart organisation's own agencies (`badan PBB yang hadir antara lain
/// UNDP, UNODC, dan UN Women`) names that body's parts that Indonesia worked with: each agency
/// of a list of two or more, all of one accepted parent, is a counterpart too.
fn family_lists(scans: &[&Scan<'_>], f: &mut Findings) {
    for scan in scans {
        let mut lo = 0;
        while lo < scan.mentions.len() {
            let (a, b) = scan.runs[lo];
            lo = b + 1;
            let run = &scan.mentions[a..=b];
            if run.len() < 2 {
                continue;
            }
            let parent_of = |m: &Mention<'_>| match m.key {
                Key::Org(o) => gazetteer::org(o).and_then(|g| g.parent),
                Key::Country(_) => None,
            };
            let Some(parent) = run.first().and_then(parent_of) else {
                continue;
            };
            let agencies = run.iter().filter(|m| m.key != Key::Org(parent));
            if !f.partner_orgs.iter().any(|p| p == parent)
                || !agencies.clone().all(|m| parent_of(m) == Some(parent))
            {
                continue;
            }
            for m in agencies {
                let Key::Org(o) = m.key else { continue };
                let o = org_code(o);
                if !f.partner_orgs.iter().any(|p| p == o) {
                    f.partner_orgs.push(o.to_string());
                    f.evidence
                        .push(format!("{o}: listed among the {parent} agencies met"));
                }
            }
        }
    }
}

/// The end of a dateline (`Manado (ANTARA) -`, `JAKARTA, KOMPAS.com -`, `Singapura -`) at the
/// start of the body, or 0 when there is none.
fn dateline_end(body: &str) -> usize {
    let lead = body.len() - body.trim_start().len();
    let head = &body[lead..floor_char(body, lead + 100)];
    let head = head.find('\n').map_or(head, |i| &head[..i]);
    for sep in [" - ", " – ", " -- ", " — ", " ー ", " —", " –"] {
        if let Some(i) = head.find(sep) {
            let before = &head[..i];
            if before.split_whitespace().count() <= 3 || before.contains(['(', ',']) {
                return lead + i + sep.len();
            }
        }
    }
    0
}

fn score_mention(scan: &Scan<'_>, i: usize, in_title: bool, t: &mut Tally) {
    let (text, all) = (scan.text, &scan.mentions);
    let m = &all[i];
    if m.key == Key::Country("ID") {
        return;
    }
    let is_org = matches!(m.key, Key::Org(_));
    let (pa, pb) = paragraph(text, m.start, m.end);
    let before = words_start(text, m.start, 8);
    let prev_word = m.prev;
    let mut s = 0i32;
    let mut positive = false;
    let mut direct = false;
    let mut beyond = false;
    // `dengan Head of Region Asia Pacific National Crime Agency United Kingdom`: met by
    // Indonesia's side, the country's body named in full before the country.
    // (Only a capitalised word, or `of`, `for`, `the`, can stand right before the name then.)
    let met_body = (prev_word
        .trim_start_matches('(')
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        || matches!(prev_word, "of" | "for" | "the"))
    .then(|| met_through_body(text, m.start))
    .flatten();

    // The cooperation words of the paragraph, the first two in the list's order.
    let c = cues();
    let mut coop: Vec<usize> = scan
        .cues_in(pa, pb)
        .filter_map(|x| c.rank(x.cue, Role::Coop))
        .collect();
    coop.sort_unstable();
    coop.dedup();
    coop.truncate(2);

    // `ASEAN-Uni Eropa`, `ASEAN dan Jepang`: Indonesia's own grouping facing a counterpart;
    // the counterpart is paired with Indonesia through it, and ASEAN is no counterpart there.
    let bloc = bloc_pair(scan, i);
    if m.key == Key::Org("ASEAN") && bloc.is_some() {
        return;
    }
    if let Some(pair) = pair_with_indonesia(scan, i).or(bloc) {
        s += 3;
        positive = true;
        direct = true;
        beyond = true;
        t.reason(|| format!("pair '{pair}'"));
    }
    if let Some(w) = foreign_envoy(scan, before, m.start) {
        s += 3;
        positive = true;
        direct = true;
        beyond = true;
        t.reason(|| format!("'{w} {}'", m.text));
        t.own_body = true;
    } else if let Some(w) = official_before(scan, before, m.start).filter(|w| {
        !indonesian_unit_after(text, m.end)
            && !officials_roster(scan, pa, pb, w)
            && !chaired_by(scan, i, before)
            && !speaks_alone(scan, i, !coop.is_empty(), pa, pb)
    }) {
        s += 2;
        positive = true;
        direct = true;
        t.own_body = true;
        // Met by Indonesia's side (`bertemu dengan Menteri Luar Negeri Jepang`): more than a
        // host or a chair.
        beyond |= text[before..m.start].split(is_separator).any(|w| {
            ["dengan", "bersama", "menerima", "bertemu", "menemui"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        });
        t.reason(|| format!("'{w} {}'", m.text));
        // Its body in company of Indonesia's side in a cooperation (`berkoordinasi dengan
        // kepolisian Filipina`).
        if scan.with[i] && !coop.is_empty() {
            s += 1;
        }
    } else if (scan.with[i] || met_body.is_some()) && !coop.is_empty() {
        s += 2;
        positive = true;
        direct = true;
        beyond = true;
        t.reason(|| format!("'dengan/bersama {}'", m.text));
    } else if !is_org && scan.first_of(Role::Head, before, m.start).is_some() {
        s += 1;
    }
    if !coop.is_empty() {
        s += coop.len() as i32;
        positive = true;
        t.reason(|| {
            let words: Vec<&str> = coop.iter().map(|&r| COOP[r]).collect();
            format!("cues {}", words.join("/"))
        });
    }
    // Indonesia's co-chair (`Indonesia menjadi ketua bersama ... bersama Australia`,
    // `Indonesia dan Australia memimpin bersama ...`) or co-organiser (`diselenggarakan oleh
    // UNODC dan Pemerintah Indonesia`): holding it together is the cooperation.
    let shared = if co_chair_with_indonesia(scan, i) {
        Some("co-chair")
    } else if co_organiser(scan, i) {
        Some("co-organiser")
    } else {
        None
    };
    if let Some(role) = shared {
        s += 4;
        positive = true;
        direct = true;
        beyond = true;
        t.co_chair = true;
        t.reason(|| role.to_string());
    }
    // A co-initiative with Indonesia (`Indonesia dan Amerika Serikat memprakarsai ...`).
    if let Some(v) = co_initiative(scan, i) {
        s += 4;
        positive = true;
        direct = true;
        beyond = true;
        t.reason(|| format!("co-initiative '{v}'"));
    }
    // In the title, unless as a place (`WNI Pulang dari Suriah`) or as the source of a
    // statement (`PBB Sebut ISIS ...`).
    if in_title && !is_place_word(m.prev) && !speech_after(text, m.end, 2) {
        s += 3;
        positive = true;
        direct = true;
        beyond = true;
        t.reason(|| "title".to_string());
    }
    // The country's own authorities right before the name (`dideportasi otoritas Turki`):
    // the state acts, so what happens near it does not make the name a mere place.
    let adjacent = words_start(text, m.start, 2);
    // A state that deports Indonesians hands them over to Indonesia's police (`dideportasi
    // dari Turki`, `dideportasi oleh otoritas Turki`): a counterpart, not a place.
    // (The scanner's `dideportasi` cue, within the three words before the name.)
    // (Every name of a list after it: `dideportasi dari Singapura, Malaysia dan Turki`.)
    let deports = !is_org && scan.deportation && deported_by(scan, &scan.mentions[scan.runs[i].0]);
    if deports {
        // The handing over is the cooperation: enough on its own.
        s += 4;
        positive = true;
        direct = true;
        t.handover = true;
        t.reason(|| "deported Indonesians".to_string());
    }
    // A donor: aid, a grant or funding received from it (`bantuan ... dari Australia dan
    // Amerika Serikat`, `didanai oleh Uni Eropa`): the giving is the cooperation.
    let donor = !deports && from_donor(scan, i);
    if donor {
        s += 4;
        positive = true;
        direct = true;
        beyond = true;
        t.reason(|| "donor".to_string());
    }
    // A suspect extradited between the country and Indonesia (`ekstradisi terhadap X dari
    // Filipina`, `tertangkap di Pakistan, X akan diekstradisi ke Indonesia`): the handing over
    // is the cooperation, as with a deporting state; only in the sentence that says so.
    let extradites =
        !is_org && !deports && !donor && scan.extradition && extradition_in_sentence(scan, m);
    if extradites {
        s += 4;
        positive = true;
        direct = true;
        t.handover = true;
        t.reason(|| "extradition".to_string());
    }
    // Indonesia's membership of an organisation (`menjadi anggota FATF`, `keanggotaan penuh
    // FATF`, `bergabung ke FATF`): joining is the cooperation, not fighters joining a group.
    let member = is_org && indonesian_membership(scan, i);
    if member {
        s += 4;
        positive = true;
        direct = true;
        beyond = true;
        t.reason(|| "membership".to_string());
    }
    let state_acts = deports
        || member
        || scan.first_of(Role::Official, adjacent, m.start).is_some()
        || scan.first_of(Role::Envoy, adjacent, m.start).is_some();
    let near = last_chars_start(text, m.start, 60);
    if !state_acts && scan.first_of(Role::Negative, near, m.start).is_some() {
        s -= 3;
    }
    match list_around(scan, i) {
        List::None => {}
        // `Indonesia, Malaysia, dan Filipina sepakat`; longer lists with Indonesia only in
        // a cooperation paragraph (the delegations of a regional meeting).
        // `Australia, Indonesia, Korea Selatan, Meksiko, dan Turki (MIKTA)`: a grouping's roll,
        // whose counterpart is the grouping.
        List::WithIndonesia(_) if grouping_roll(scan, i) => {}
        List::WithIndonesia(n)
            if n <= WITH_CAP
                && (n <= 3
                    || !coop.is_empty()
                    || scan.first_of(Role::Participate, pa, pb).is_some()
                    || coop_in_previous_paragraph(scan, pa)) =>
        {
            s += 3;
            if coop.is_empty() {
                // The cooperation was named in the paragraph before (`... pakta kerja sama`,
                // then `Keenam negara itu meliputi Indonesia, ...`).
                s += 1;
            }
            positive = true;
            direct = true;
            beyond = true;
            t.reason(|| format!("{n}-way with Indonesia"));
        }
        // The participants of a cooperation (`diikuti oleh Malaysia, Thailand, ...`); a list
        // in passing (attacks in several countries, a region's members) has no such words.
        List::Other(n)
            if n <= OTHER_CAP
                && !coop.is_empty()
                && (scan.with[i] || foreign_participation(scan, pa, pb))
                && !dialogue_partners(scan, i) =>
        {
            s += 3;
            positive = true;
            direct = true;
            beyond = true;
            t.reason(|| "listed participant".to_string());
        }
        // The donors of a programme (`didukung oleh UNDP, UNICEF, dan UN Women`); each
        // state that deported Indonesians (`dideportasi dari Singapura 2 WNI dan ... dari
        // Jepang`).
        _ if donor || deports => {}
        _ => s -= 3,
    }
    if is_place_word(m.prev) && !deports && !donor && !extradites {
        s -= 1;
        if scan.first_of(Role::Venue, pa, pb).is_some() {
            s -= 1;
        }
    }
    let member_states = text[last_chars_start(text, m.start, 20)..m.start]
        .ends_with(char::is_whitespace)
        && (prev_word.eq_ignore_ascii_case("negara")
            || prev_word.eq_ignore_ascii_case("negara-negara"));
    if is_org && member_states {
        s -= 3;
    }
    // A mention backed only by the cooperation words of its paragraph counts little; a
    // mention against (a place, an origin, a conflict) takes nothing away from the others: a
    // country can be the scene of a story and its counterpart (`ditangkap di Malaysia` and
    // `koordinasi antara Kepolisian Indonesia dengan Diraja Malaysia`).
    let s = if direct { s.min(MENTION_CAP) } else { s.min(1) };
    if s > 0 {
        t.score += s;
    }
    // The other side of a meeting Indonesia's side holds (`pertemuan bilateral ... dilaksanakan
    // dengan Dirjen ... China`): met in person, under its own body's name.
    if s >= THRESHOLD && !is_org && (met_body.is_some() || (t.own_body && beyond)) {
        let meeting = scan.cues_in(pa, m.start).any(|x| {
            c.rank(x.cue, Role::Coop)
                .is_some_and(|r| MEETING.contains(&COOP[r]))
        });
        if meeting {
            t.met = true;
            t.reason(|| "met".to_string());
        }
    }
    t.positive |= positive && s > 0;
    t.direct |= direct && s > 0;
    t.beyond_official |= beyond && s > 0;
}

/// Cooperation words that name a meeting in person.
const MEETING: &[&str] = &[
    "pertemuan",
    "bertemu",
    "bilateral",
    "courtesy call",
    "audiensi",
];

/// Words by which Indonesia's side meets someone (`dilaksanakan dengan`, `bertemu`).
const MEET_WORDS: &[&str] = &["dengan", "bersama", "bertemu", "menerima", "menemui"];

/// Where a meeting word stands before a foreign body named in full, capitalised words only
/// (and `of`, `for`, `the` of an English name), right up to the country's name at `at`:
/// `dengan Head of Region Asia Pacific National Crime Agency United Kingdom`. At least one
/// capitalised word between, at most ten words, within the line.
fn met_through_body(text: &str, at: usize) -> Option<usize> {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let from = words_start(text, at, 11);
    // From the name back to the meeting word: every word between capitalised (or `of`, `for`,
    // `the`), none an Indonesian actor, at least one. (Most mentions stop at the first word.)
    let mut capitals = 0;
    for w in text[from..at]
        .rsplit(is_separator)
        .filter(|w| !w.is_empty())
    {
        if MEET_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m)) {
            // (Each word's offset in `text`: the words are slices of it.)
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            // No punctuation between the meeting word and the name other than hyphens, spaces
            // and a body's acronym in parentheses (`Special Operation Command (Socom)
            // Australia`).
            let clean =
                !without_acronyms(&text[start..at]).contains([',', '.', ';', ':', '(', ')', '"']);
            return (capitals > 0 && clean).then_some(start);
        }
        if ACTORS.contains(&w) || !(capitalised(w) || matches!(w, "of" | "for" | "the")) {
            return None;
        }
        capitals += usize::from(capitalised(w));
    }
    None
}

/// `s` without its parenthesised single words (`(Socom)`), a body's acronym after its name.
fn without_acronyms(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('(') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..];
        match inner.find(')') {
            Some(close)
                if !inner[..close].is_empty()
                    && inner[..close].chars().all(char::is_alphanumeric) =>
            {
                rest = &inner[close + 1..];
            }
            _ => {
                out.push('(');
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// Words of a shared chair (`ketua bersama`, `co-chair`, `memimpin bersama`), lower case.
const CO_CHAIR: &[&str] = &[
    "ketua bersama",
    "co-chair",
    "co chair",
    "cochair",
    "memimpin bersama",
    "mengetuai bersama",
];

/// Words after a partner that make the pair the chair (`Indonesia bersama Australia menjadi
/// ketua ...`), lower case.
const CHAIR_AFTER: &[&str] = &["menjadi ketua", "sebagai ketua", "menjabat ketua"];

/// Whether mention `i` is Indonesia's co-chair: after `bersama` / `dengan` in a clause where
/// Indonesia (or an Indonesian actor) holds a shared chair (`Indonesia menjadi Ketua Bersama
/// ... Working Group bersama Australia`), or paired with Indonesia (or after `bersama`) right
/// before the chair (`Indonesia dan Australia menjadi ketua bersama`).
fn co_chair_with_indonesia(scan: &Scan<'_>, i: usize) -> bool {
    let (text, m) = (scan.text, &scan.mentions[i]);
    let to = floor_char(text, (m.end + 60).min(text.len()));
    let after_end = text[m.end..to].find(['.', '\n']).map_or(to, |p| m.end + p);
    let chair_after = scan.last_of(Role::SharedChair, m.end, after_end).is_some()
        || scan.last_of(Role::ChairAfter, m.end, after_end).is_some();
    // (The cheap tests first: most mentions have neither a companion word nor a chair after.)
    if !scan.with[i] && !chair_after {
        return false;
    }
    let from = last_chars_start(text, m.start, 200);
    let clause_start = text[from..m.start]
        .rfind(". ")
        .map_or(from, |p| from + p + 2);
    let indonesian = || {
        let c = cues();
        scan.mentions[..i]
            .iter()
            .any(|n| n.key == Key::Country("ID") && n.start >= clause_start)
            || scan
                .cues_in(clause_start, m.start)
                .any(|x| c.rank(x.cue, Role::Actor).is_some())
    };
    let shared_before = || {
        scan.last_of(Role::SharedChair, clause_start, m.start)
            .is_some()
    };
    if scan.with[i] && shared_before() && indonesian() {
        return true;
    }
    chair_after && (scan.with[i] || pair_with_indonesia(scan, i).is_some()) && indonesian()
}

/// The passive organiser phrases (`diselenggarakan oleh`), lower case: what follows names who
/// held the event.
const ORGANISED_BY: &[&str] = &[
    "diselenggarakan oleh",
    "digelar oleh",
    "diadakan oleh",
    "dilaksanakan oleh",
    "diinisiasi oleh",
    "diprakarsai oleh",
    "diorganisasi oleh",
    "diorganisir oleh",
    "disponsori oleh",
];

/// Whether mention `i` holds an event together with Indonesia: named right after a passive
/// organiser phrase (within seven words, as in `diselenggarakan oleh Kantor PBB urusan Narkoba
/// dan Kejahatan (UNODC)`) and joined by `dan` / `bersama` to Indonesia or an Indonesian actor,
/// before or after it (`... (UNODC) dan Pemerintah Indonesia`, `oleh BNPT dan UNODC`).
fn co_organiser(scan: &Scan<'_>, i: usize) -> bool {
    let (text, m) = (scan.text, &scan.mentions[i]);
    let from = last_chars_start(text, m.start, 120);
    // (The cheap test first: an organiser phrase among the cues just before.)
    let Some(at) = scan.last_of(Role::OrganisedBy, from, m.start) else {
        return false;
    };
    let between = &text[at..m.start];
    if between.contains(['.', '\n'])
        || between
            .split_whitespace()
            .filter(|w| w.contains(char::is_alphanumeric))
            .count()
            > 7
    {
        return false;
    }
    let to = floor_char(text, (m.end + 50).min(text.len()));
    let after = &text[m.end..to];
    let after = &after[..after.find(['.', '\n', ',']).unwrap_or(after.len())];
    let c = cues();
    let indonesian_in = |a: usize, b: usize| {
        scan.mentions
            .iter()
            .any(|n| n.key == Key::Country("ID") && n.start >= a && n.end <= b)
            || scan
                .cues_in(a, b)
                .any(|x| c.rank(x.cue, Role::Actor).is_some())
    };
    let joined = |s: &str| {
        s.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("dan") || w.eq_ignore_ascii_case("bersama"))
    };
    // Indonesia after it (`UNODC dan Pemerintah Indonesia`) or between the phrase and it
    // (`oleh BNPT dan UNODC`).
    let after_start = m.end + after.find(char::is_alphanumeric).unwrap_or(after.len());
    let after_end = m.end + after.len();
    let first = text[after_start..after_end].split_whitespace().next();
    (first.is_some_and(&joined) && indonesian_in(after_start, after_end))
        || (joined(between) && indonesian_in(at, m.start))
}

/// Whether organisation mention `i` is one Indonesia is, or seeks to be, a member of: within
/// the four words before it `menjadi` / `jadi` / `sebagai anggota` (not `negara anggota`),
/// `keanggotaan`, or `bergabung ke` / `dengan` / `dalam`, and Indonesia (or an Indonesian
/// actor) in the same sentence (`... potensinya menjadi anggota FATF, salah satunya
/// Indonesia`).
fn indonesian_membership(scan: &Scan<'_>, i: usize) -> bool {
    let (text, m) = (scan.text, &scan.mentions[i]);
    let words: Vec<&str> = text[words_start(text, m.start, 5)..m.start]
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .collect();
    let is = |w: &str, of: &[&str]| of.iter().any(|o| w.eq_ignore_ascii_case(o));
    let joins = words.iter().enumerate().any(|(k, w)| {
        let before = k.checked_sub(1).map_or("", |j| words[j]);
        let after = words.get(k + 1).copied().unwrap_or("");
        (is(w, &["anggota"]) && is(before, &["menjadi", "jadi", "sebagai"]))
            || is(w, &["keanggotaan"])
            || (is(w, &["bergabung"]) && is(after, &["ke", "dengan", "dalam"]))
    });
    if !joins {
        return false;
    }
    let from = last_chars_start(text, m.start, 200);
    let start = text[from..m.start]
        .rfind(". ")
        .map_or(from, |p| from + p + 2);
    let to = floor_char(text, (m.end + 200).min(text.len()));
    let end = text[m.end..to].find(['.', '\n']).map_or(to, |p| m.end + p);
    let c = cues();
    scan.mentions
        .iter()
        .any(|n| n.key == Key::Country("ID") && n.start >= start && n.end <= end)
        || scan
            .cues_in(start, end)
            .any(|x| c.rank(x.cue, Role::Actor).is_some())
}

/// Whether a verb of saying or reporting follows the name within `n` words, in its sentence
/// (`Sekjen PBB Ban Ki Moon menyebut ...`, `PBB Sebut ISIS ...`).
fn speech_after(text: &str, end: usize, n: usize) -> bool {
    let to = floor_char(text, (end + 60).min(text.len()));
    let after = &text[end..to];
    let after = after.find(['.', '\n']).map_or(after, |p| &after[..p]);
    after
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .take(n)
        .any(|w| {
            is_speech_word(w)
                || [
                    "sebut",
                    "katakan",
                    "ungkap",
                    "nilai",
                    "peringatkan",
                    "memperingatkan",
                    "laporkan",
                    "melaporkan",
                    "catat",
                    "mencatat",
                ]
                .iter()
                .any(|v| w.eq_ignore_ascii_case(v))
        })
}

/// Whether the official named by mention `i` only speaks: a verb of saying follows within six
/// words (`Sekjen PBB Ban Ki Moon menyebut ...`), and its paragraph (`pa..pb`) has neither
/// cooperation words (`coop`) nor Indonesia: the source of a report, not a counterpart.
fn speaks_alone(scan: &Scan<'_>, i: usize, coop: bool, pa: usize, pb: usize) -> bool {
    !coop && speech_after(scan.text, scan.mentions[i].end, 6) && !indonesian_in(scan, pa, pb)
}

/// Whether Indonesia or an Indonesian actor is named in `a..b`.
fn indonesian_in(scan: &Scan<'_>, a: usize, b: usize) -> bool {
    scan.fact(a, b, Fact::Indonesian, || indonesian_in_scan(scan, a, b))
}

fn indonesian_in_scan(scan: &Scan<'_>, a: usize, b: usize) -> bool {
    let c = cues();
    scan.mentions_in(a, b).any(|n| n.key == Key::Country("ID"))
        || scan
            .cues_in(a, b)
            .any(|x| c.rank(x.cue, Role::Actor).is_some())
}

/// Verbs of initiating, as word starts in lower case (`memprakar` also takes the common typo
/// `memprakarasi`).
const INITIATE: &[&str] = &[
    "memprakar",
    "menggagas",
    "menginisiasi",
    "mempelopori",
    "memelopori",
    "mensponsori",
];

/// The verb, if mention `i` is paired with Indonesia (`Indonesia dan Amerika Serikat`,
/// `Indonesia bersama Jepang`) and the pair initiates something: a verb of initiating within
/// the two words after it (`... telah menggagas`).
fn co_initiative(scan: &Scan<'_>, i: usize) -> Option<&'static str> {
    let (text, m) = (scan.text, &scan.mentions[i]);
    // After the pair: past Indonesia when it comes second (`Jepang dan Indonesia`).
    let end = scan
        .mentions
        .get(i + 1)
        .filter(|n| n.key == Key::Country("ID") && is_gap(&text[m.end..n.start], PAIR_GAPS))
        .map_or(m.end, |n| n.end);
    let to = floor_char(text, (end + 60).min(text.len()));
    // The verb first (a few bytes to look at), the pair only then.
    let verb = text[end..to]
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .take(2)
        .find_map(|w| {
            INITIATE
                .iter()
                .find(|v| w.get(..v.len()).is_some_and(|p| p.eq_ignore_ascii_case(v)))
                .copied()
        })?;
    pair_with_indonesia(scan, i).map(|_| verb)
}

/// Words by which a meeting names its chair (`Pertemuan dipimpin oleh Menlu AS`).
const CHAIRED: &[&str] = &["dipimpin", "diketuai"];

/// Whether the official before mention `i` (from byte `before`) chairs a meeting (`dipimpin
/// oleh Menlu Amerika Serikat dan Menlu Turki`): the chair of a forum, no counterpart. Not
/// when an Indonesian chairs with him (`dipimpin oleh Menlu RI dan Menlu Australia`, or a
/// name: `dipimpin Menlu Retno dan Menlu Australia`, whose first chair is no foreign name).
fn chaired_by(scan: &Scan<'_>, i: usize, before: usize) -> bool {
    let (text, m) = (scan.text, &scan.mentions[i]);
    let Some(from) = scan.last_of(Role::ChairedBy, before, m.start) else {
        return false;
    };
    let between = &text[from..m.start];
    let words: Vec<&str> = between
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| matches!(*w, "RI" | "Indonesia") || ACTORS.contains(w))
    {
        return false;
    }
    // A second chair: the first must be a foreign name too.
    match between.find(" dan ").or_else(|| between.find(" serta ")) {
        None => true,
        Some(d) => scan.mentions[..i]
            .iter()
            .any(|n| n.key != Key::Country("ID") && n.start >= from && n.start < from + d),
    }
}

/// Words of giving before `dari` / `oleh` and a donor (`hibah dari Jepang`, `didanai oleh Uni
/// Eropa`, `pelatihan yang didapatkan dari Australia`), as whole words in lower case. Not
/// `dana` nor `pendanaan` (`aliran dana dari Australia untuk pendanaan terorisme`: money for
/// terrorists; `dana dari X` counts only for an Indonesian actor's programme: see
/// [`funds_for_indonesia`]) nor `pelatihan` alone (`pelatihan militer dari ...`).
const AID: &[&str] = &[
    "bantuan",
    "bantuannya",
    "hibah",
    "didanai",
    "dibiayai",
    "didukung",
    "dukungan",
    "sumbangan",
    "donasi",
    "didapat",
    "didapatkan",
    "diperoleh",
];

/// Whether mention `i`, or the list it heads or ends (`dari Australia dan Amerika Serikat`),
/// follows `dari` / `oleh` with a word of giving at most six words before
/// (`bantuan peralatan dari Jepang`).
fn from_donor(scan: &Scan<'_>, i: usize) -> bool {
    let first = &scan.mentions[scan.runs[i].0];
    if !(first.prev.eq_ignore_ascii_case("dari") || first.prev.eq_ignore_ascii_case("oleh")) {
        return false;
    }
    let text = scan.text;
    let words = || text[words_start(text, first.start, 7)..first.start].split(is_separator);
    words().any(|w| AID.iter().any(|a| w.eq_ignore_ascii_case(a)))
        || (words().any(|w| w.eq_ignore_ascii_case("dana") || w.eq_ignore_ascii_case("dananya"))
            && funds_for_indonesia(scan, i))
}

/// Words that may stand between `dideportasi dari` / `oleh` and the deporting state: its
/// authorities (`dideportasi oleh otoritas keamanan Malaysia`).
const DEPORTING_BODY: &[&str] = &[
    "otoritas",
    "pemerintah",
    "aparat",
    "keamanan",
    "kepolisian",
    "polisi",
    "imigrasi",
    "pihak",
    "berwenang",
];

/// Whether mention `m` names the state that deported Indonesians: `dideportasi`, then `dari`
/// or `oleh`, then at most three words of its authorities, then the name (`dideportasi dari
/// Turki`, `dideportasi oleh otoritas keamanan Malaysia`).
fn deported_by(scan: &Scan<'_>, m: &Mention<'_>) -> bool {
    // (The cheap test first: the word just before the name ends that phrase.)
    let before = |w: &str| m.prev.eq_ignore_ascii_case(w);
    if !(before("dari") || before("oleh") || DEPORTING_BODY.iter().any(|b| before(b))) {
        return false;
    }
    let text = scan.text;
    let c = cues();
    let Some(cue) = scan
        .cues_in(words_start(text, m.start, 6), m.start)
        .filter(|x| c.deports(x.cue))
        .last()
    else {
        return false;
    };
    let mut words = text[cue.end..m.start]
        .split(is_separator)
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if !(first.eq_ignore_ascii_case("dari") || first.eq_ignore_ascii_case("oleh")) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    rest.len() <= 3
        && rest
            .iter()
            .all(|w| DEPORTING_BODY.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

/// Whether the sentence of mention `m` speaks of an extradition (`ekstradisi`,
/// `diekstradisi`, `mengekstradisi`: cues of the one scan). The sentence is bounded by `.`,
/// `!`, `?` or a line break, and by 250 bytes either side of the name: the cost does not grow
/// with the line.
fn extradition_in_sentence(scan: &Scan<'_>, m: &Mention<'_>) -> bool {
    const SPAN: usize = 250;
    let text = scan.text;
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = floor_char(text, m.start.saturating_sub(SPAN));
    let from = text[from..m.start]
        .rfind(is_end)
        .map_or(from, |i| from + i + 1);
    let to = floor_char(text, (m.end + SPAN).min(text.len()));
    let to = text[m.end..to].find(is_end).map_or(to, |i| m.end + i);
    scan.first_of(Role::Extradite, from, to).is_some()
}

/// Whether the money (`dana dari X`) before the list around mention `i` goes to an Indonesian
/// actor's programme (`Densus 88 ... Dananya dari Amerika dan Australia`): an Indonesian actor
/// on the line before it, and no sign of terror money on the line around it (`aliran dana`,
/// `teroris`, `ISIS`, `jaringan`, `melacak` ...; not `antiteror`).
fn funds_for_indonesia(scan: &Scan<'_>, i: usize) -> bool {
    let (first, last) = (
        &scan.mentions[scan.runs[i].0],
        &scan.mentions[scan.runs[i].1],
    );
    let text = scan.text;
    let from = last_chars_start(text, first.start, 150);
    let to = floor_char(text, (last.end + 80).min(text.len()));
    let to = text[last.end..to].find('\n').map_or(to, |p| last.end + p);
    let c = cues();
    let actor = scan
        .cues_in(from, first.start)
        .any(|x| c.rank(x.cue, Role::Actor).is_some());
    let mut prev = "";
    let terror = text[from..to]
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .any(|w| {
            let l = w.to_ascii_lowercase();
            let hit = (l.starts_with("teror") && !matches!(prev, "anti" | "kontra"))
                || [
                    "isis",
                    "aliran",
                    "jaringan",
                    "kelompok",
                    "melacak",
                    "menelusuri",
                    "transfer",
                    "dikirim",
                    "mengirim",
                    "militan",
                    "jihad",
                    "mendanai",
                ]
                .contains(&l.as_str());
            prev = if matches!(l.as_str(), "anti" | "kontra") {
                "anti"
            } else {
                ""
            };
            hit
        });
    actor && !terror
}

/// Whether the paragraph before the one starting at `pa` (its last 300 bytes) has a
/// cooperation word: `... meluncurkan pakta kerja sama ...` then `Keenam negara itu meliputi
/// Indonesia, Filipina, ...`.
fn coop_in_previous_paragraph(scan: &Scan<'_>, pa: usize) -> bool {
    let end = scan.text[..pa].trim_end().len();
    if end == 0 {
        return false;
    }
    let from = floor_char(scan.text, end.saturating_sub(300));
    let start = scan.text[from..end]
        .rfind('\n')
        .map_or(from, |i| from + i + 1);
    let c = cues();
    scan.cues_in(start, end)
        .any(|x| c.rank(x.cue, Role::Coop).is_some())
}

/// The first official word (in the list's order) in `a..at` with no place word between it
/// and the name: `pemerintah Suriah`, `Menteri Luar Negeri Inggris`, not `kerja sama
/// pemerintah daerah, sebab sebagian masuk ke wilayah Suriah`.
/// Whether the paragraph has a word of participation that is not about Indonesia's own
/// delegation (`memimpin delegasi Indonesia` says nothing of the countries listed after it:
/// `didukung Malaysia, Rusia, Meksiko, Chili, dan Australia` in a parliamentary forum are
/// supporters of a proposal, not participants of a cooperation).
fn foreign_participation(scan: &Scan<'_>, pa: usize, pb: usize) -> bool {
    scan.fact(pa, pb, Fact::Participation, || {
        foreign_participation_in(scan, pa, pb)
    })
}

fn foreign_participation_in(scan: &Scan<'_>, pa: usize, pb: usize) -> bool {
    let c = cues();
    scan.cues_in(pa, pb)
        .filter(|x| c.rank(x.cue, Role::Participate).is_some())
        .any(|x| {
            let next = scan.text[x.end..]
                .split(is_separator)
                .find(|w| !w.is_empty())
                .unwrap_or("");
            !matches!(next, "Indonesia" | "RI" | "indonesia")
        })
}

/// Whether the paragraph names the same office for three or more foreign countries
/// (`bersama para koleganya, yaitu Menteri Pertahanan Brunei ..., Menteri Pertahanan Kamboja
/// ..., Menteri Pertahanan Laos ...`): the roster of a multilateral meeting, whose members are
/// participants, not Indonesia's counterparts by their title alone.
fn officials_roster(scan: &Scan<'_>, pa: usize, pb: usize, office: &'static str) -> bool {
    scan.fact(pa, pb, Fact::Roster(office), || {
        officials_roster_in(scan, pa, pb, office)
    })
}

fn officials_roster_in(scan: &Scan<'_>, pa: usize, pb: usize, office: &str) -> bool {
    let mut countries = BTreeSet::new();
    let mut cue_ends = BTreeSet::new();
    for m in scan.mentions_in(pa, pb) {
        let Key::Country(code) = m.key else { continue };
        if code == "ID" || countries.contains(code) {
            continue;
        }
        let before = words_start(scan.text, m.start, 8);
        // Each with its own title (not one title over a list: `Kepolisian Indonesia,
        // Australia, Filipina`).
        match official_cue_before(scan, before, m.start) {
            Some((w, end)) if w == office && !cue_ends.contains(&end) => {
                cue_ends.insert(end);
                countries.insert(code);
                if countries.len() >= 3 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn official_before(scan: &Scan<'_>, a: usize, at: usize) -> Option<&'static str> {
    official_cue_before(scan, a, at).map(|(w, _)| w)
}

/// The official's title before a name and where the title ends.
fn official_cue_before(scan: &Scan<'_>, a: usize, at: usize) -> Option<(&'static str, usize)> {
    let c = cues();
    scan.cues_in(a, at)
        .filter_map(|x| c.rank(x.cue, Role::Official).map(|r| (r, x.end)))
        .filter(|&(_, end)| {
            !scan.text[end..at]
                .split(is_separator)
                .any(|w| is_place_word(w) || is_speech_word(w) || is_verb_or_modal(w))
        })
        .min()
        .map(|(r, end)| (OFFICIAL[r], end))
}

/// The first envoy word (in the list's order) in `a..at` that is the named country's own:
/// not Indonesia's mission there (`Kedutaan Besar Republik Indonesia (KBRI) di Damaskus,
/// Suriah`, `Dubes RI untuk Suriah`).
fn foreign_envoy(scan: &Scan<'_>, a: usize, at: usize) -> Option<&'static str> {
    let c = cues();
    scan.cues_in(a, at)
        .filter_map(|x| c.rank(x.cue, Role::Envoy).map(|r| (r, x.end)))
        .filter(|&(_, end)| {
            !scan.text[end..at].split(is_separator).any(|w| {
                matches!(w, "RI" | "Indonesia" | "KBRI" | "untuk" | "di") || is_speech_word(w)
            })
        })
        .map(|(r, _)| r)
        .min()
        .map(|r| ENVOY[r])
}

/// Whether the list around mention `i` is closed by an organisation's name in parentheses
/// (`Australia, Indonesia, Korea Selatan, Meksiko, dan Turki (MIKTA)`): its members named.
fn grouping_roll(scan: &Scan<'_>, i: usize) -> bool {
    let (_, hi) = scan.runs[i];
    let last = &scan.mentions[hi];
    scan.mentions.get(hi + 1).is_some_and(|next| {
        matches!(next.key, Key::Org(_)) && scan.text[last.end..next.start].trim() == "("
    })
}

/// Whether a mention names the embassy an attack was aimed at (`bom di depan Kedubes
/// Australia`); so is that embassy wherever else the story names it (`pelaku bom bunuh diri di
/// Kedubes Australia`, `kantor Kedubes Australia yang rusak`). The countries are worked out once
/// per story, on its first embassy mention.
fn attack_target(scan: &Scan<'_>, i: usize) -> bool {
    let m = &scan.mentions[i];
    at_embassy(m)
        && scan
            .attacked
            .get_or_init(|| {
                let mut keys: Vec<Key> = scan
                    .mentions
                    .iter()
                    .filter(|o| attacked_embassy(scan.text, o))
                    .map(|o| o.key)
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .contains(&m.key)
}

/// The words that name an embassy right before its country (`Kedubes Australia`, `Kedutaan
/// Besar Australia`).
const EMBASSY: &[&str] = &["kedubes", "kedutaan", "embassy", "konsulat"];

/// Whether a mention names the country's embassy (`Kedubes Australia`, `Kedutaan Besar ...`).
fn at_embassy(m: &Mention<'_>) -> bool {
    EMBASSY.iter().any(|e| m.prev.eq_ignore_ascii_case(e)) || m.prev.eq_ignore_ascii_case("besar")
}

/// Whether this mention itself names the embassy an attack was aimed at: an embassy word right
/// before it (`Kedubes Australia`, `Kedutaan Besar Australia`) and an attack word or `depan` (in
/// front of) within the three words before that (`pengeboman di Kedubes`, `bom meledak di
/// depan Kedubes`).
fn attacked_embassy(text: &str, m: &Mention<'_>) -> bool {
    const ATTACK: &[&str] = &[
        "bom",
        "bomb",
        "pengeboman",
        "pemboman",
        "ledakan",
        "meledak",
        "serangan",
        "penyerangan",
        "diserang",
        "dibom",
        "teror",
        "depan",
        "peledakan",
        "diledakkan",
    ];
    let is = |w: &str, of: &[&str]| of.iter().any(|x| w.eq_ignore_ascii_case(x));
    // (The cheap test first: most mentions have no embassy word or `Besar` right before.)
    if !at_embassy(m) {
        return false;
    }
    let words: Vec<&str> = text[words_start(text, m.start, 6)..m.start]
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .collect();
    let Some(k) = words.iter().rposition(|w| is(w, EMBASSY)) else {
        return false;
    };
    words.len() - k <= 2 && words[k.saturating_sub(3)..k].iter().any(|w| is(w, ATTACK))
}

/// The paragraph (line) around a match, at most 250 bytes either side, as a byte range: the
/// line ends are only looked for within those 250 bytes, so a long line costs no more than a
/// short one.
fn paragraph(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = floor_char(text, start.saturating_sub(250));
    let a = text[from..start].rfind('\n').map_or(from, |i| from + i + 1);
    let to = floor_char(text, (end + 250).min(text.len()));
    let b = text[end..to].find('\n').map_or(to, |i| end + i);
    (a, b)
}

/// Where the text of up to `n` bytes before `at`, within the line, starts.
fn last_chars_start(text: &str, at: usize, n: usize) -> usize {
    let a = floor_char(text, at.saturating_sub(n));
    text[a..at].rfind('\n').map_or(a, |i| a + i + 1)
}

/// Separates words for [`words_start`] and [`prev_word`]: white space and punctuation other
/// than hyphens.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || (c.is_ascii_punctuation() && c != '-')
}

/// Where the last `n` words before `at` start, looking back at most 100 bytes within the line
/// (`at` when there is none).
fn words_start(text: &str, at: usize, n: usize) -> usize {
    let a = last_chars_start(text, at, 100);
    let bytes = text.as_bytes();
    let (mut count, mut in_word, mut start) = (0, false, at);
    // Backwards a character at a time: ASCII bytes tested directly (most of the text), other
    // characters decoded from their first byte (`a` is a character boundary, so the walk back
    // over continuation bytes stops there at the latest).
    let mut i = at;
    while i > a {
        let mut j = i - 1;
        let separator = if bytes[j].is_ascii() {
            is_separator(char::from(bytes[j]))
        } else {
            while j > a && bytes[j] & 0xC0 == 0x80 {
                j -= 1;
            }
            text[j..i].chars().next().is_some_and(is_separator)
        };
        if separator {
            in_word = false;
        } else {
            if !in_word {
                count += 1;
                if count > n {
                    break;
                }
                in_word = true;
            }
            start = j;
        }
        i = j;
    }
    start
}

/// The word just before `at` on the same line (`""` when there is none), as written.
fn prev_word(text: &str, at: usize) -> &str {
    let start = words_start(text, at, 1);
    let rest = &text[start..at];
    rest.find(is_separator).map_or(rest, |i| &rest[..i])
}

fn is_gap(gap: &str, gaps: &[&str]) -> bool {
    let g = gap.trim();
    gaps.iter().any(|p| g.eq_ignore_ascii_case(p))
}

/// `Indonesia-Tiongkok`, `RI dan Jepang`, `Inggris dan Indonesia`, `BNPT dengan UNOCT`: the
/// pair as written, if this mention is paired with Indonesia or an Indonesian actor.
fn pair_with_indonesia(scan: &Scan<'_>, i: usize) -> Option<String> {
    let (text, all) = (scan.text, &scan.mentions);
    let m = &all[i];
    // A neighbouring Indonesia mention, not as a place (`di Indonesia dan Malaysia`).
    if let Some(p) = i.checked_sub(1).and_then(|j| all.get(j)) {
        if p.key == Key::Country("ID")
            && is_gap(&text[p.end..m.start], PAIR_GAPS)
            && !is_place_word(p.prev)
            && !is_accreditation(p.prev)
        {
            return Some(text[p.start..m.end].to_string());
        }
    }
    if let Some(n) = all.get(i + 1) {
        if n.key == Key::Country("ID")
            && is_gap(&text[m.end..n.start], PAIR_GAPS)
            && !is_place_word(m.prev)
            && !is_accreditation(m.prev)
        {
            return Some(text[m.start..n.end].to_string());
        }
    }
    // An Indonesian agency right before or after (`BNPT-Kantor Kontra Terorisme PBB`), also
    // with the foreign body named before the country (`Polri dan Kepolisian Diraja Malaysia`).
    let full_start = last_chars_start(text, m.start, 80);
    let before_full = &text[full_start..m.start];
    let body_start = start_of_capitalised_run(before_full, 4);
    let before_end = full_start + body_start;
    let after_end = floor_char(text, (m.end + 40).min(text.len()));
    let after_end = text[m.end..after_end]
        .find('\n')
        .map_or(after_end, |j| m.end + j);
    // For each actor, its last occurrence before and its first after, as written.
    let c = cues();
    let mut last_before = [None; ACTORS.len()];
    let mut first_after = [None; ACTORS.len()];
    for x in scan.cues_in(full_start, after_end) {
        let Some(r) = c.rank(x.cue, Role::Actor) else {
            continue;
        };
        if &text[x.start..x.end] != ACTORS[r] {
            continue;
        }
        if x.end <= before_end {
            if last_before[r].is_none_or(|s| s < x.start) {
                last_before[r] = Some(x.start);
            }
        } else if x.start >= m.end && first_after[r].is_none_or(|s| s > x.start) {
            first_after[r] = Some(x.start);
        }
    }
    for (r, actor) in ACTORS.iter().enumerate() {
        if let Some(pos) = last_before[r] {
            let gap = &text[pos + actor.len()..before_end];
            if is_gap(gap, PAIR_GAPS)
                && !is_place(text, pos)
                && !is_place_word(m.prev)
                && !is_accreditation(prev_word(text, pos))
            {
                return Some(format!(
                    "{actor}{gap}{}{}",
                    &before_full[body_start..],
                    m.text
                ));
            }
        }
        if let Some(pos) = first_after[r] {
            let gap = &text[m.end..pos];
            let ends_word = !text[pos + actor.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if ends_word
                && is_gap(gap, PAIR_GAPS)
                && !is_place_word(m.prev)
                && !is_accreditation(m.prev)
            {
                return Some(format!("{}{gap}{actor}", m.text));
            }
        }
    }
    None
}

/// `ASEAN-Uni Eropa`, `Uni Eropa dan ASEAN`: the pair as written, if mention `i` and ASEAN
/// stand side by side (the other being neither ASEAN nor Indonesia).
fn bloc_pair(scan: &Scan<'_>, i: usize) -> Option<String> {
    let (text, all) = (scan.text, &scan.mentions);
    let asean = Key::Org("ASEAN");
    let other = |k: Key| k != Key::Country("ID");
    let side = |a: &Mention<'_>, b: &Mention<'_>| {
        ((a.key == asean) != (b.key == asean))
            && other(a.key)
            && other(b.key)
            && is_gap(&text[a.end..b.start], PAIR_GAPS)
            && !is_place_word(a.prev)
    };
    let m = &all[i];
    if let Some(p) = i.checked_sub(1).map(|j| &all[j]) {
        if side(p, m) {
            return Some(text[p.start..m.end].to_string());
        }
    }
    if let Some(n) = all.get(i + 1) {
        if side(m, n) {
            return Some(text[m.start..n.end].to_string());
        }
    }
    None
}

/// Where a run of at most `max` capitalised words ending `s` starts (`s.len()` when `s` does
/// not end with one): `Polri dan Kepolisian Diraja ` → the offset of `Kepolisian`.
fn start_of_capitalised_run(s: &str, max: usize) -> usize {
    let mut start = s.len();
    if !s.ends_with(char::is_whitespace) {
        return start;
    }
    let mut words = 0;
    let trimmed = s.trim_end();
    let mut rest = trimmed;
    while words < max {
        let word_start = rest.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let word = &rest[word_start..];
        if !word.chars().next().is_some_and(char::is_uppercase)
            || !word.chars().all(char::is_alphabetic)
            || ACTORS.contains(&word)
        {
            break;
        }
        start = word_start;
        words += 1;
        rest = rest[..word_start].trim_end();
        if rest.is_empty() {
            break;
        }
    }
    start
}

/// Is the name starting at `at` a place (`di`, `ke`, `dari`, `wilayah`, `asal` before it)?
fn is_place(text: &str, at: usize) -> bool {
    is_place_word(prev_word(text, at))
}

/// Whether an Indonesian ministry follows the name (`Direktur Politik dan Keamanan ASEAN
/// Kementerian Luar Negeri`): the official and the name are a unit of that ministry, named
/// after the region or body it deals with.
fn indonesian_unit_after(text: &str, end: usize) -> bool {
    let to = floor_char(text, (end + 40).min(text.len()));
    let after = text[end..to].trim_start_matches([' ', ',']);
    [
        "Kementerian",
        "Kemlu",
        "Kemenlu",
        "Kemhan",
        "Kemenhan",
        "Kemenko",
        "Ditjen",
    ]
    .iter()
    .any(|k| after.starts_with(k))
}

/// A verb of saying or judging between an official and a name ends the official's phrase:
/// `Wakil Menteri Luar Negeri Fachir mengatakan Selandia Baru ...` names the minister's own
/// country's view of New Zealand, not a New Zealand minister.
fn is_speech_word(w: &str) -> bool {
    // Most words are rejected by their first letter.
    if !matches!(
        w.as_bytes().first(),
        Some(b'm' | b'M' | b'b' | b'B' | b'k' | b'K' | b'u' | b'U')
    ) {
        return false;
    }
    [
        "mengatakan",
        "menyatakan",
        "menyebut",
        "menyebutkan",
        "menilai",
        "menegaskan",
        "menjelaskan",
        "mengungkapkan",
        "menuturkan",
        "bahwa",
        "kata",
        "ujar",
    ]
    .iter()
    .any(|p| w.eq_ignore_ascii_case(p))
}

/// A verb or a modal between an official and a name ends the official's phrase: `Kedua Menlu
/// akan menghadiri pertemuan darurat OKI` names where the ministers go, not an OIC minister.
/// Verbs are told by their active prefix `me-` in lower case (`menghadiri`, `membahas`), which
/// no title or name of a body in the phrase has (unlike `ber-`: `angkatan bersenjata`).
fn is_verb_or_modal(w: &str) -> bool {
    if matches!(
        w,
        "akan" | "telah" | "sudah" | "sedang" | "tengah" | "hendak"
    ) {
        return true;
    }
    w.len() >= 6
        && w != "mereka"
        && w.starts_with("me")
        && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// The word before the countries an envoy is accredited to (`Duta Besar Prancis untuk
/// Indonesia dan Timor Leste`): the pair names his posts, not two counterparts.
fn is_accreditation(w: &str) -> bool {
    ["untuk", "merangkap"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// Is `w`, the word before a name, one that makes it a place (`diaspora Qatar`: Indonesians
/// living there)?
fn is_place_word(w: &str) -> bool {
    ["di", "ke", "dari", "wilayah", "asal", "kawasan", "diaspora"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// What list, if any, a mention is part of.
#[derive(Debug, PartialEq, Eq)]
enum List {
    /// Not in a list of three or more.
    None,
    /// A list of this many names including Indonesia (`Indonesia, Malaysia, dan Filipina`).
    WithIndonesia(usize),
    /// A list of this many names (three or more) without Indonesia.
    Other(usize),
}

/// For each mention, the first and last mention of the run of names of the same kind joined
/// by list separators it is part of (`Filipina, Afghanistan, dan Suriah`): one pass.
///
/// A name the gazetteer does not know may stand between two of the run (`Malaysia, Filiphina,
/// Thailand dan Singapura`: a misspelling): the run goes on over it, and it counts as one more
/// item of the list (the second vector: the items of each mention's run).
fn list_runs(text: &str, all: &[Mention<'_>]) -> (Vec<(usize, usize)>, Vec<usize>) {
    // Whether mention `j` and the next are of one list, and how many unknown names stand
    // between them (0 or 1).
    let joined = |j: usize| -> Option<usize> {
        if matches!(all[j].key, Key::Country(_)) != matches!(all[j + 1].key, Key::Country(_)) {
            return None;
        }
        let gap = &text[all[j].end..all[j + 1].start];
        if is_gap(gap, LIST_GAPS) {
            Some(0)
        } else {
            unknown_item_gap(gap).then_some(1)
        }
    };
    let mut runs = vec![(0, 0); all.len()];
    let mut items = vec![1; all.len()];
    let (mut lo, mut unknown) = (0, 0);
    for i in 0..all.len() {
        match (i + 1 < all.len()).then(|| joined(i)).flatten() {
            Some(n) => unknown += n,
            None => {
                for k in lo..=i {
                    runs[k] = (lo, i);
                    items[k] = i - lo + 1 + unknown;
                }
                lo = i + 1;
                unknown = 0;
            }
        }
    }
    (runs, items)
}

/// Whether `gap` is a list separator, one name in title case of one or two words, and another
/// separator (`, Filiphina, `, `, Taipei dan `).
fn unknown_item_gap(gap: &str) -> bool {
    if gap.len() > 40 || gap.contains('\n') {
        return false;
    }
    let Some(rest) = gap.trim_start().strip_prefix(',') else {
        return false;
    };
    let (name, after) = rest.split_at(rest.find(',').unwrap_or(rest.len()));
    // A name in title case (not an acronym such as `TNI-Polri`) of one or two words, then a
    // separator: `dan` after it, or the comma that follows (`, Kedubes Indonesia` is the next
    // clause, not an item).
    let (mut words, mut conjunction) = (0, false);
    for w in name.split_whitespace() {
        if conjunction {
            return false;
        }
        if ["dan", "serta", "atau"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            conjunction = true;
            continue;
        }
        let title_case = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '\'');
        if !title_case {
            return false;
        }
        words += 1;
    }
    (1..=2).contains(&words)
        && if conjunction {
            after.trim().is_empty()
        } else {
            is_gap(after, LIST_GAPS)
        }
}

/// Whether the list around mention `i` names a regional body's dialogue partners (`negara
/// mitra dialog itu di antaranya Selandia Baru, Jepang, dan Australia`) or an event's
/// friendly states (`perwakilan negara sahabat Belgia, Amerika dan Australia`): guests of its
/// meeting, not Indonesia's counterparts.
fn dialogue_partners(scan: &Scan<'_>, i: usize) -> bool {
    let first = &scan.mentions[scan.runs[i].0];
    let before = &scan.text[last_chars_start(scan.text, first.start, 60)..first.start];
    [
        "mitra dialog",
        "mitra wicara",
        "dialogue partner",
        // Guests of an Indonesian event (`dihadiri ... perwakilan kedutaan besar negara
        // sahabat Belgia, Amerika dan Australia`).
        "negara sahabat",
        "negara-negara sahabat",
    ]
    .iter()
    .any(|w| contains_ignore_ascii_case(before, w))
}

/// Whether `hay` contains `needle` (lower-case ASCII) in any ASCII case, without allocating.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// The list of names of the same kind this mention is part of.
fn list_around(scan: &Scan<'_>, i: usize) -> List {
    let (lo, hi) = scan.runs[i];
    let n = scan.run_items[i];
    if n < 3 {
        List::None
    } else if scan.mentions[lo..=hi]
        .iter()
        .any(|m| m.key == Key::Country("ID"))
    {
        List::WithIndonesia(n)
    } else {
        List::Other(n)
    }
}

/// The longest list with Indonesia whose members are its counterparts (`Indonesia, Malaysia,
/// dan Filipina sepakat`, a quadrilateral): a longer one is the roll of a multilateral meeting,
/// whose members are mentioned (devset/LABELLING.md: every collector since fresh4 labels so).
const WITH_CAP: usize = 4;

/// The longest list of a cooperation's participants, without Indonesia, taken as counterparts
/// (`diikuti oleh Malaysia, Thailand, dan Filipina`); a longer one is a workshop's or a
/// meeting's roll.
const OTHER_CAP: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `detect` and compares partners, mentioned and partner orgs.
    #[track_caller]
    fn check(
        title: Option<&str>,
        body: &str,
        partners: &[&str],
        mentioned: &[&str],
        orgs: &[&str],
    ) {
        let f = detect(title, body);
        fn strs(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        assert_eq!(
            (strs(&f.partners), strs(&f.mentioned), strs(&f.partner_orgs)),
            (partners.to_vec(), mentioned.to_vec(), orgs.to_vec()),
            "evidence: {:?}",
            f.evidence
        );
    }

    #[test]
    fn a_list_of_a_counterparts_agencies() {
        // The UN is the counterpart; its agencies listed as the meeting's participants are
        // counterparts too, however little else is said of each.
        let text =
            "Jakarta - Menteri luar negeri menerima utusan sejumlah badan PBB di kantornya. \
                    Kunjungan PBB itu membahas kerja sama pencegahan.\n\
                    Badan PBB yang hadir antara lain UNICEF, UNODC, dan UN Women. Kerja sama \
                    dengan PBB akan diperluas, kata juru bicara kementerian.";
        check(None, text, &[], &[], &["UN", "UNICEF", "UNODC", "UNWOMEN"]);
        // Without the UN as a counterpart, a list of its agencies cited as sources is context.
        check(
            None,
            "Jakarta - Densus 88 menangkap tiga terduga teroris di Bekasi, kata juru bicara \
             Polri. Laporan UNICEF, UNODC, dan UN Women menyebut perekrutan daring meningkat.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn indonesias_co_organiser_is_a_counterpart() {
        // Named after `diselenggarakan oleh` and joined to Indonesia's side, either way round.
        let text = "Bogor - Pelatihan penyidik kejahatan siber dibuka pekan ini. Acara yang \
                    diselenggarakan oleh Kantor PBB urusan Narkoba dan Kejahatan (UNODC) dan \
                    Pemerintah Indonesia itu berlangsung tiga hari.";
        check(None, text, &[], &[], &["UN", "UNODC"]);
        check(
            None,
            "Jakarta - Lokakarya itu diselenggarakan oleh BNPT dan UNODC di Bogor pada Senin.",
            &[],
            &[],
            &["UN", "UNODC"],
        );
        // The organiser alone, or after another verb, is only named.
        check(
            None,
            "Jakarta - Laporan tahunan itu diterbitkan oleh UNODC dan dikutip dalam seminar di \
             Bogor pada Senin.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn an_agency_spelt_out_and_spelling_variants() {
        // AUSTRAC by its full name stands for Australia; `Jordania` and `Papuanugini` are
        // spellings of the news.
        check(
            None,
            "Jakarta - PPATK membekukan aset jaringan teror bekerja sama dengan Australian \
             Transaction Reports and Analysis Centre. Kerja sama PPATK dengan Australian \
             Transaction Reports and Analysis Centre berjalan sejak lama. Ulama dari Jordania \
             dan Papuanugini hadir dalam seminar terpisah.",
            &["AU"],
            &["AU", "JO", "PG"],
            &[],
        );
    }

    #[test]
    fn a_joint_exercise_with_a_body_named_with_its_acronym() {
        let text = "Darwin - Pasukan khusus TNI tiba di Australia untuk latihan gabungan \
                    bersama Special Operations Command (Socom) Australia dalam program \
                    pelatihan penanggulangan teror selama dua pekan.";
        check(None, text, &["AU"], &["AU"], &[]);
        // The acronym must stand alone in its parentheses.
        let f = detect(None, &text.replace("(Socom)", "(Socom, ADF)"));
        assert!(f.partners.is_empty(), "{:?}", f.evidence);
        assert_eq!(
            without_acronyms("Command (Socom) dan (Tim Satu)"),
            "Command  dan (Tim Satu)"
        );
    }

    #[test]
    fn company_through_the_counterparts_body() {
        // `dengan` reaches over the counterpart's body to the countries listed after it.
        check(
            None,
            "Jakarta - Densus 88 terus berkoordinasi dengan tim antiteror dari negara Filipina, \
             Afganistan dan Malaysia untuk memburu tiga buronan, kata juru bicara Polri.",
            &["AF", "MY", "PH"],
            &["AF", "MY", "PH"],
            &[],
        );
        check(
            None,
            "Jakarta - Densus 88 terus berkoordinasi dengan kepolisian Filipina untuk memburu \
             tiga buronan, kata juru bicara Polri.",
            &["PH"],
            &["PH"],
            &[],
        );
    }

    #[test]
    fn a_currency_names_no_country() {
        check(
            None,
            "Jakarta - Polisi menawarkan hadiah satu juta dolar AS bagi yang menemukan buronan \
             itu, kata juru bicara Polri. Nilai tukar rupiah melemah terhadap dollar Amerika.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn a_groupings_roll_and_an_attacked_embassy_are_no_counterparts() {
        check(
            None,
            "Bogor - Australia, Indonesia, Korea Selatan, Meksiko, dan Turki (MIKTA) membuka \
             forum pemuda untuk kerja sama pencegahan ekstremisme. Forum MIKTA itu diisi \
             diskusi. Kerja sama MIKTA berlanjut.",
            &[],
            &["AU", "KR", "MX", "TR"],
            &["MIKTA"],
        );
        check(
            None,
            "Jakarta - Tersangka itu disebut ikut merakit bom yang meledak di depan Kedubes \
             Australia pada 2004, kata juru bicara Polri.",
            &[],
            &["AU"],
            &[],
        );
        // Once the story names the embassy as the target, it is the target wherever named.
        check(
            None,
            "Jakarta - Polisi memburu perakit bom yang diledakkan di depan Kedubes Australia. \
             Salah satu pelaku bom bunuh diri di Kedubes Australia direkrut oleh Rois, kata \
             Kapolri. Kedubes Australia menyatakan duka.",
            &[],
            &["AU"],
            &[],
        );
        // Nor does the target count towards the country's share of the story: a head of
        // government blaming a group is no counterpart, however often the embassy is named.
        check(
            None,
            "Jakarta - Pada 9 September 2004 terjadi pengeboman Kedubes Australia oleh teroris. \
             Mobil meledak di depan kantor Kedutaan Besar Australia pagi itu.\n\
             Kerja sama penyelidikan dimulai. Pengeboman Kedutaan Besar Australia itu merusak \
             gedung Kedubes Australia.\n\
             Perdana Menteri Australia menyalahkan kelompok itu atas serangan tersebut.",
            &[],
            &["AU"],
            &[],
        );
        // The embassy met is a counterpart.
        check(
            None,
            "Jakarta - Kepala BNPT bertemu Kedubes Australia membahas kerja sama pencegahan \
             terorisme, kata juru bicara BNPT.",
            &["AU"],
            &["AU"],
            &[],
        );
    }

    /// The Islamic State's name spelt out names neither Iraq nor Syria.
    #[test]
    fn the_islamic_states_name_names_no_country() {
        check(
            None,
            "Jakarta - Polisi menangkap dua orang yang berbaiat kepada Negara Islam Irak dan \
             Suriah (ISIS) di sebuah rumah kontrakan.",
            &[],
            &[],
            &[],
        );
    }

    /// The Gulf's cooperation council, met under its own name.
    #[test]
    fn the_gulf_cooperation_council_is_an_organisation() {
        check(
            None,
            "Jakarta - Sekretaris Jenderal Gulf Cooperation Council (GCC) mengunjungi kantor BNPT \
             dan membahas kerja sama penanggulangan terorisme dengan Kepala BNPT.",
            &[],
            &[],
            &["GCC"],
        );
    }

    #[test]
    fn a_newspaper_named_after_its_country_is_a_source() {
        check(
            None,
            "Kuala Lumpur - Harian Utusan Malaysia dan South China Morning Post melaporkan \
             perburuan buronan itu, kata seorang wartawan Indonesia.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn ambassador_visit() {
        check(
            None,
            "Jakarta (ANTARA) - Kepala BNPT menerima kunjungan Dubes Australia di kantornya, \
             Senin (3/4). Keduanya membahas program deradikalisasi.",
            &["AU"],
            &["AU"],
            &[],
        );
    }

    #[test]
    fn an_envoys_accreditation_is_no_pair() {
        // `untuk Indonesia dan Timor Leste` names the ambassador's posts.
        check(
            None,
            "Jakarta - Kepala BNPT menerima kunjungan Duta Besar Belanda untuk Indonesia dan \
             Timor Leste di kantornya. Keduanya membahas kerja sama pelatihan deradikalisasi.",
            &["NL"],
            &["NL", "TL"],
            &[],
        );
    }

    #[test]
    fn a_country_backed_only_by_its_paragraphs_words_is_a_place() {
        // Norway is only where the Indonesian embassy briefs its citizens: the cooperation
        // words around it and its being the one country named make no counterpart of it.
        check(
            None,
            "Oslo - Kepala BNPT memberi pembekalan kepada warga Indonesia di Norwegia dalam \
             pertemuan di KBRI Oslo bersama Duta Besar RI.\n\
             Diskusi di Norwegia itu membahas kerja sama masyarakat mencegah paham radikal.\n\
             Warga Indonesia di Norwegia menyambut baik kunjungan tersebut.",
            &[],
            &["NO"],
            &[],
        );
    }

    #[test]
    fn counterpart_units_listed_after_dengan_dari() {
        // `dengan <unit> dari X, Y dan Z`: the units of those countries are the counterparts.
        check(
            None,
            "Jakarta - Densus 88 terus berkoordinasi dengan kepolisian dari Thailand, Vietnam \
             dan Kamboja untuk memburu buronan kasus bom, kata juru bicara Polri.",
            &["KH", "TH", "VN"],
            &["KH", "TH", "VN"],
            &[],
        );
    }

    #[test]
    fn dialogue_partners_of_a_regional_meeting_are_guests() {
        let text = "Jakarta - Kapolri membuka konferensi kepolisian se-Asia Tenggara yang \
             membahas kerja sama pemberantasan kejahatan lintas negara.\n\
             Konferensi itu juga dihadiri negara mitra dialog, di antaranya Kanada, Jepang, dan \
             Korea Selatan.";
        let f = detect(None, text);
        assert!(f.partners.is_empty(), "{:?}", f.evidence);
        assert_eq!(f.mentioned, ["CA", "JP", "KR"]);
        // The same list as the participants of a joint exercise counts.
        let f = detect(
            None,
            &text.replace("negara mitra dialog, di antaranya", "delegasi dari"),
        );
        assert_eq!(f.partners, ["CA", "JP", "KR"], "{:?}", f.evidence);
    }

    #[test]
    fn a_single_strong_mention_is_not_overshadowed() {
        check(
            None,
            "Jakarta - Kepolisian Jepang dan Polri membuka kursus investigasi pascaledakan di \
             Semarang.\n\
             Pemerintah Jepang mendanai kursus itu dalam kerja sama kepolisian kedua negara; \
             instruktur Jepang mengajar selama dua pekan.\n\
             Pelatihan itu diikuti peserta dari Kepolisian Indonesia, Jepang, Filipina, dan \
             Malaysia.",
            &["JP", "MY", "PH"],
            &["JP", "MY", "PH"],
            &[],
        );
    }

    #[test]
    fn a_border_is_no_company() {
        // `berbatasan ... dengan Irak` is geography: Iraq is no counterpart of the deportation.
        check(
            None,
            "Jakarta - Pemerintah Turki mendeportasi dua WNI yang hendak menyeberang, kata juru \
             bicara Polri. Polri berterima kasih atas bantuan otoritas Turki.\n\
             Turki berbatasan darat sepanjang ratusan kilometer dengan Irak dan menjadi jalur \
             bantuan kemanusiaan.",
            &["TR"],
            &["IQ", "TR"],
            &[],
        );
        let with = |text: &str| {
            let scan = Scan::new(text, 0);
            let i = scan
                .mentions
                .iter()
                .position(|m| m.key == Key::Country("IQ"));
            scan.with[i.unwrap()]
        };
        assert!(!with(
            "Turki berbatasan darat sepanjang 900 kilometer dengan Irak."
        ));
        assert!(with("Turki bekerja sama dengan Irak."));
    }

    #[test]
    fn a_capital_after_its_governments_body_stands_for_the_country() {
        let f = detect(
            None,
            "Jakarta - BNPT meminta bantuan badan intelijen Abu Dhabi untuk memetakan kamp \
             pengungsi di Suriah.",
        );
        assert_eq!(f.mentioned, ["AE", "SY"], "{:?}", f.evidence);
        // Alone, or as an envoy's posting, a capital is a place.
        let f = detect(
            None,
            "Jakarta - Atase kepolisian Kuala Lumpur menemui WNI itu. Ia pernah tinggal di \
             Bangkok.",
        );
        assert!(f.mentioned.is_empty(), "{:?}", f.mentioned);
    }

    #[test]
    fn an_official_who_speaks_about_a_country_is_not_its_official() {
        // The minister is Indonesia's: New Zealand is what he speaks about.
        check(
            None,
            "Jakarta - Wakil Menteri Luar Negeri Budi Santoso mengatakan Selandia Baru adalah \
             negara yang aman.\n\
             Pemerintah menyampaikan duka kepada kedua negara yang warganya menjadi korban \
             serangan di Selandia Baru, kata dia.",
            &[],
            &["NZ"],
            &[],
        );
        let f = detect(
            None,
            "Jakarta - Duta Besar Budi Santoso menyebut Selandia Baru mitra dagang penting \
             dalam kerja sama kedua negara.",
        );
        assert!(f.partners.is_empty(), "{:?}", f.evidence);
        check(
            None,
            "Jakarta - Menteri Luar Negeri Selandia Baru bertemu Menteri Luar Negeri RI untuk \
             membahas kerja sama kontra terorisme.",
            &["NZ"],
            &["NZ"],
            &[],
        );
    }

    #[test]
    fn asean_facing_a_counterpart_is_indonesias_side() {
        check(
            None,
            "Jakarta - Direktur Politik dan Keamanan ASEAN Kementerian Luar Negeri mengatakan \
             pertemuan para menteri ASEAN dan Uni Eropa akan membahas kerja sama kontra \
             terorisme.\n\
             Kerja sama ASEAN-Uni Eropa itu juga membahas pertukaran informasi dan pelatihan \
             aparat, kata dia.",
            &[],
            &[],
            &["EU"],
        );
        // A unit of an Indonesian ministry named after a region is no official of it.
        let scan = Scan::new(
            "Direktur Politik dan Keamanan ASEAN Kementerian Luar Negeri",
            0,
        );
        assert!(indonesian_unit_after(scan.text, scan.mentions[0].end));
    }

    #[test]
    fn the_host_of_an_organisations_meeting_is_no_counterpart() {
        let text = "Singapura - Konferensi ASEANAPOL ke-40 digelar di Singapura dan membahas \
             kerja sama pemberantasan terorisme.\n\
             Acara dibuka oleh Wakil Perdana Menteri Singapura dan Kepala Kepolisian Singapura.\n\
             Kapolri menyampaikan usulan Polri untuk memperkuat kerja sama ASEANAPOL dalam \
             pertukaran informasi. Delegasi Polri mendukung program ASEANAPOL.";
        let f = detect(None, text);
        assert!(f.partners.is_empty(), "{:?}", f.evidence);
        assert_eq!(f.partner_orgs, ["ASEAN", "ASEANAPOL"], "{:?}", f.evidence);
        // Met by Indonesia's side on the sidelines, a country's official is a counterpart.
        let f = detect(
            None,
            &format!(
                "{text}\nDi sela konferensi, Kapolri bertemu dengan Kepala Kepolisian Myanmar \
                 untuk membahas kerja sama pelatihan. Kepolisian Myanmar juga menawarkan \
                 pertukaran perwira."
            ),
        );
        assert_eq!(f.partners, ["MM"], "{:?}", f.evidence);
    }

    #[test]
    fn embassy_donation() {
        check(
            None,
            "Kedubes Rusia di Jakarta menyerahkan bantuan peralatan deteksi bahan peledak \
             kepada Densus 88 Antiteror.",
            &["RU"],
            &["RU"],
            &[],
        );
    }

    #[test]
    fn ministerial_meeting() {
        check(
            None,
            "Menteri Dalam Negeri Jepang bertemu Kepala BNPT di Tokyo untuk membahas \
             pertukaran informasi intelijen.",
            &["JP"],
            &["JP"],
            &[],
        );
    }

    #[test]
    fn joint_working_group_pair() {
        check(
            Some("RI-Selandia Baru Gelar JWG Kontra Terorisme"),
            "WELLINGTON - Indonesia dan Selandia Baru menggelar Joint Working Group kelima \
             di bidang penanggulangan terorisme pekan ini.",
            &["NZ"],
            &["NZ"],
            &[],
        );
    }

    #[test]
    fn memorandum_with_foreign_police() {
        check(
            None,
            "BNPT dan Kepolisian Federal Australia menandatangani nota kesepahaman tentang \
             pelatihan penyidik. Nota itu berlaku lima tahun.",
            &["AU"],
            &["AU"],
            &[],
        );
    }

    #[test]
    fn fighters_abroad_are_not_partners() {
        check(
            None,
            "Ratusan WNI diduga bergabung dengan ISIS di Suriah dan Irak. Sebagian kini \
             tinggal di kamp pengungsi di Suriah utara, kata pengamat.",
            &[],
            &["IQ", "SY"],
            &[],
        );
    }

    #[test]
    fn venue_of_a_un_meeting_is_not_a_partner() {
        check(
            Some("BNPT Perkuat Kerja Sama dengan UNODC"),
            "Deputi BNPT menghadiri lokakarya yang digelar di Thailand pekan lalu. BNPT dan \
             UNODC sepakat melanjutkan program bersama tentang peradilan pidana terorisme.",
            &[],
            &["TH"],
            &["UN", "UNODC"],
        );
    }

    #[test]
    fn language_is_not_a_country() {
        check(
            None,
            "Modul pelatihan disusun dalam bahasa Inggris dan berbahasa Jepang agar mudah \
             dipakai peserta.",
            &[],
            &[],
            &[],
        );
        check(
            None,
            "Jakarta - Kapolri Jenderal Badrodin Haiti meminta jajarannya waspada.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn capital_as_is_the_united_states() {
        check(
            None,
            "Duta Besar AS untuk Indonesia bertemu Kepala BNPT untuk membahas kerja sama. \
             Sumbu roda as kendaraan itu patah, tulis laporan lain.",
            &["US"],
            &["US"],
            &[],
        );
    }

    #[test]
    fn general_list_is_mentioned_only() {
        check(
            None,
            "Ancaman serupa juga dihadapi Prancis, Belgia, Jerman, dan Inggris dalam satu \
             dekade terakhir, menurut laporan itu.",
            &[],
            &["BE", "DE", "FR", "GB"],
            &[],
        );
    }

    #[test]
    fn historical_reference() {
        check(
            None,
            "Penjara itu dibangun pada zaman Belanda dan kini dipakai untuk narapidana \
             terorisme.",
            &[],
            &["NL"],
            &[],
        );
    }

    #[test]
    fn both_countries_refers_back() {
        check(
            None,
            "Kepala BNPT menerima Menteri Luar Negeri Singapura di Jakarta. Kedua negara \
             sepakat memperluas kerja sama pencegahan radikalisasi daring.\n\
             Singapura juga menawarkan beasiswa untuk peneliti muda.",
            &["SG"],
            &["SG"],
            &[],
        );
    }

    #[test]
    fn dateline_city_state_is_not_a_mention() {
        check(
            None,
            "Singapura (ANTARA) - Polri menangkap dua tersangka pendanaan terorisme di \
             Sumatera Utara, Selasa.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn agency_paired_with_un_body() {
        check(
            None,
            "BNPT dan UNODC meluncurkan modul pelatihan bagi jaksa. Kerja sama ini didanai \
             hibah Uni Eropa.",
            &[],
            &[],
            &["UN", "UNODC"],
        );
    }

    #[test]
    fn member_states_are_not_the_organisation() {
        check(
            None,
            "Indonesia mengajak negara ASEAN lain berbagi data. Menurut dia, ancaman itu \
             tidak mengenal batas.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn partner_next_to_conflict_zone() {
        check(
            None,
            "BNPT dan Australia membahas rencana pemulangan kombatan dari Suriah. Australia \
             menawarkan pelatihan rehabilitasi, ujar Deputi Kerja Sama Internasional.",
            &["AU"],
            &["AU", "SY"],
            &[],
        );
    }

    #[test]
    fn attack_abroad_is_not_a_partner() {
        check(
            None,
            "Serangan di Selandia Baru menewaskan puluhan jemaah. Kepala BNPT mengutuk \
             serangan itu dan meminta masyarakat tetap tenang.",
            &[],
            &["NZ"],
            &[],
        );
    }

    #[test]
    fn foreign_leader_in_the_news() {
        check(
            None,
            "Presiden AS mengumumkan pemimpin kelompok teror tewas dalam operasi militer. \
             Pengamat di Jakarta menilai dampaknya bagi Indonesia kecil.",
            &[],
            &["US"],
            &[],
        );
    }

    #[test]
    fn trilateral_cooperation() {
        check(
            None,
            "Indonesia, Malaysia, dan Filipina sepakat menggelar patroli bersama di Laut \
             Sulu untuk mencegah penculikan.",
            &["MY", "PH"],
            &["MY", "PH"],
            &[],
        );
    }

    #[test]
    fn un_office_spelled_out() {
        check(
            Some("BNPT-Kantor Penanggulangan Terorisme PBB Bahas Perlindungan Korban"),
            "Kepala BNPT bertemu pejabat Kantor Penanggulangan Terorisme PBB di New York. \
             Pertemuan membahas dukungan bagi korban.",
            &[],
            &[],
            &["UN", "UNOCT"],
        );
    }

    #[test]
    fn the_security_council_is_the_un() {
        // A principal organ of the UN met as counterpart is coded as the UN itself.
        check(
            Some("BNPT dan Dewan Keamanan PBB Bahas Kerja Sama Deradikalisasi"),
            "New York - Kepala BNPT memberi paparan kepada Dewan Keamanan PBB tentang \
             program deradikalisasi. Pertemuan itu membahas kerja sama pencegahan.",
            &[],
            &[],
            &["UN"],
        );
    }

    #[test]
    fn both_parties_are_the_two_states_before_a_forum() {
        // `kedua pihak` refers back to the two states, not to the UN named as a forum.
        check(
            None,
            "Jepang dan Indonesia sepakat memperkuat kerja sama kontraterorisme. Kedua pihak \
             menegaskan pentingnya upaya bersama di bawah koordinasi PBB. Jepang juga \
             menawarkan pelatihan.",
            &["JP"],
            &["JP"],
            &[],
        );
    }

    #[test]
    fn interpol_in_lower_case_coordinates() {
        check(
            None,
            "Kepala Divisi Humas Polri mengatakan Densus 88 terus berkoordinasi dengan interpol \
             melalui jalur kerja sama internasional untuk memburu buronan kasus bom itu.",
            &[],
            &[],
            &["INTERPOL"],
        );
    }

    #[test]
    fn donors_of_aid_are_partners() {
        // Aid or a grant received from a list of countries: each giver is a counterpart.
        check(
            None,
            "Bandung - Densus 88 menerima bantuan alat penyadap dari Belanda dan Kanada untuk \
             memperkuat penyelidikan.",
            &["CA", "NL"],
            &["CA", "NL"],
            &[],
        );
        // A programme funded by UN agencies, listed.
        check(
            None,
            "Jakarta - Modul pencegahan ekstremisme untuk guru di Jawa Timur didukung oleh \
             UNDP, UNICEF, dan UN Women.",
            &[],
            &[],
            &["UN", "UNDP", "UNICEF", "UNWOMEN"],
        );
    }

    #[test]
    fn indonesias_co_chair_is_a_partner() {
        // Co-chair of a forum's working group with Indonesia: a counterpart, however often
        // the forum itself is named.
        check(
            None,
            "Jenewa - Pertemuan GCTF membahas rehabilitasi narapidana. Anggota GCTF memuji \
             laporan GCTF. Indonesia terpilih lagi menjadi ketua bersama Kelompok Kerja \
             Pencegahan GCTF bersama Norwegia untuk dua tahun.",
            &["NO"],
            &["NO"],
            &["GCTF"],
        );
        // The pair named before the chair.
        check(
            None,
            "Bern - Indonesia dan Swiss menjadi ketua bersama lokakarya tentang pencegahan \
             ekstremisme di sekolah.",
            &["CH"],
            &["CH"],
            &[],
        );
    }

    #[test]
    fn the_chair_of_a_forum_is_no_counterpart() {
        // Foreign ministers chairing a multilateral meeting Indonesia speaks at.
        check(
            None,
            "Wina - Indonesia menyampaikan usulan kerja sama intelijen di depan forum GCTF.\n\
             Pertemuan dipimpin oleh Menteri Luar Negeri Amerika Serikat (AS) dan Menlu Kanada.\n\
             Anggota GCTF menyambut usulan itu dalam pertemuan GCTF.",
            &[],
            &["CA", "US"],
            &["GCTF"],
        );
        // Chaired jointly with Indonesia's minister: a counterpart.
        check(
            None,
            "Canberra - Pertemuan bilateral itu dipimpin oleh Menlu RI dan Menlu Kanada untuk \
             membahas kerja sama kontra-terorisme.",
            &["CA"],
            &["CA"],
            &[],
        );
    }

    #[test]
    fn indonesias_membership_of_an_organisation() {
        // Seeking membership of a body: the body is a counterpart.
        check(
            None,
            "Jakarta - Pemerintah menargetkan Indonesia menjadi anggota penuh Interpol tahun \
             depan. Interpol menilai laporan itu.",
            &[],
            &[],
            &["INTERPOL"],
        );
        // Joining it, with Indonesia at the end of the sentence.
        check(
            None,
            "Jakarta - Penilaian itu menentukan negara yang layak bergabung dengan FATF, salah \
             satunya Indonesia.",
            &[],
            &[],
            &["FATF"],
        );
        // Member states of a body, and fighters joining a group, are no membership.
        check(
            None,
            "Jakarta - Tiga negara anggota FATF menilai laporan itu, kata pejabat PPATK.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn an_officials_phrase_ends_at_a_verb() {
        // The ministers go to a body's meeting: no official of that body.
        check(
            None,
            "Jakarta - Menlu RI bertemu Menlu Jepang untuk membahas kerja sama deradikalisasi. \
             Kedua menteri juga akan menghadiri pertemuan Organisasi Kerja Sama Islam (OKI) \
             pekan depan.",
            &["JP"],
            &["JP"],
            &[],
        );
        // But armed forces are a body of the state: `bersenjata` is no verb.
        check(
            None,
            "Jakarta - Polri dan angkatan bersenjata Kenya sepakat menggelar pelatihan \
             bersama. Kerja sama itu dibahas dalam pertemuan dengan angkatan bersenjata Kenya.",
            &["KE"],
            &["KE"],
            &[],
        );
    }

    #[test]
    fn a_body_as_the_source_of_a_report_is_no_counterpart() {
        // The UN's chief reports on a foreign conflict; Indonesia is one of many places.
        check(
            Some("PBB Sebut Kelompok Teror Makin Terpecah"),
            "Jenewa - Sekretaris Jenderal PBB Antonio Guterres menyebut kelompok itu kini \
             terpecah.\n\
             Laporan itu mencatat serangan di Kenya, Nigeria, Indonesia, dan Mali.\n\
             Sekjen PBB Antonio Guterres mengatakan kelompok itu kehilangan pemimpinnya.",
            &[],
            &["KE", "ML", "NG"],
            &[],
        );
        // A minister who speaks of cooperation with Indonesia is a counterpart.
        check(
            Some("Menlu Kenya Sebut Kerja Sama dengan Indonesia Penting"),
            "Nairobi - Menteri Luar Negeri Kenya Monica Juma mengatakan kerja sama kontra \
             terorisme dengan Indonesia akan diperluas.",
            &["KE"],
            &["KE"],
            &[],
        );
    }

    #[test]
    fn a_co_initiative_with_indonesia() {
        // The pair launches something together: the other one is a counterpart.
        check(
            None,
            "New York - Indonesia dan Norwegia menggagas resolusi Majelis Umum tentang \
             pencegahan ekstremisme.",
            &["NO"],
            &["NO"],
            &[],
        );
        // With Indonesia second and a misspelt verb.
        check(
            None,
            "Jenewa - Meksiko dan Indonesia memprakarasi forum tentang korban terorisme.",
            &["MX"],
            &["MX"],
            &[],
        );
        // Two others initiating: no pair with Indonesia.
        check(
            None,
            "Jakarta - Wakil Menlu RI menghadiri forum yang digagas Norwegia dan Meksiko.",
            &[],
            &["MX", "NO"],
            &[],
        );
    }

    #[test]
    fn a_roster_of_the_same_office_in_several_countries_is_a_meetings_participants() {
        // Each minister with their own title: the meeting's roster, not counterparts.
        check(
            None,
            "Kota - Menhan hadir dalam pertemuan tahunan bersama para koleganya, yaitu \
             Menteri Pertahanan Brunei Darussalam, Menteri Pertahanan Laos, dan Menteri \
             Pertahanan Kamboja.",
            &[],
            &["BN", "KH", "LA"],
            &[],
        );
        // One minister met by Indonesia's side is still a counterpart.
        check(
            None,
            "Jakarta - Menhan RI bertemu dengan Menteri Pertahanan Laos untuk membahas kerja \
             sama pertahanan kedua negara.",
            &["LA"],
            &["LA"],
            &[],
        );
    }

    #[test]
    fn supporters_in_a_forum_after_indonesias_own_delegation_are_no_participants() {
        // `delegasi Indonesia` is Indonesia's side; the countries that backed its proposal in
        // a multilateral forum are mentions.
        check(
            None,
            "Jakarta - Ketua memimpin delegasi Indonesia dalam sidang forum parlemen itu, dan \
             usulannya didukung Peru, Norwegia, dan Kenya dalam pembahasan kerja sama.",
            &[],
            &["KE", "NO", "PE"],
            &[],
        );
    }

    #[test]
    fn a_diaspora_in_a_country_is_a_place() {
        // Indonesia's diaspora there: the country is where the audience lives.
        check(
            Some("BNPT dan Diaspora Oman Bahas Pencegahan Radikalisme"),
            "Jakarta - BNPT menggelar sosialisasi bagi diaspora Indonesia di Muskat, Oman, \
             atas kerja sama dengan KBRI.",
            &[],
            &["OM"],
            &[],
        );
    }

    #[test]
    fn money_for_terrorists_is_no_aid() {
        // `dana dari X` is the money of a terror network, not a donor.
        check(
            Some("Polisi Lacak Dana Teror dari Swedia"),
            "Medan - Polisi melacak aliran dana dari Swedia untuk kelompok teroris di Sumatra \
             Utara.",
            &[],
            &["SE"],
            &[],
        );
    }

    #[test]
    fn funds_for_an_indonesian_unit_come_from_donors() {
        // The money of an Indonesian agency's programme, from two states.
        check(
            None,
            "Jakarta - Program deradikalisasi BNPT di lapas itu besar. Dananya dari Jepang dan \
             Korea Selatan, kata pengamat.",
            &["JP", "KR"],
            &["JP", "KR"],
            &[],
        );
        // Money of a terror network traced by the police is no donor's.
        check(
            None,
            "Jakarta - Densus 88 menelusuri dana dari Yaman dan Somalia untuk jaringan itu.",
            &[],
            &["SO", "YE"],
            &[],
        );
        // Nor money sent to militants, even with an Indonesian actor named.
        check(
            None,
            "Jakarta - Menurut Polri, dana dari Yaman dan Somalia dipakai kelompok teroris.",
            &[],
            &["SO", "YE"],
            &[],
        );
    }

    #[test]
    fn a_visit_to_a_kingdom_is_to_its_state() {
        // `Kerajaan X` is the state, like `pemerintah X`: a visit to it is no mere place.
        check(
            None,
            "Rabat - Kepala BNPT melakukan kunjungan kerja ke Kerajaan Maroko untuk membahas \
             pertukaran informasi tentang jaringan teror.",
            &["MA"],
            &["MA"],
            &[],
        );
    }

    #[test]
    fn lowercase_words_do_not_fire() {
        check(None, "piring china dan as roda dijual murah", &[], &[], &[]);
    }

    #[test]
    fn empty_input() {
        check(None, "", &[], &[], &[]);
        check(Some(""), "   \n  ", &[], &[], &[]);
    }

    #[test]
    fn organisation_envoy() {
        check(
            None,
            "Kepala BNPT menerima kunjungan kehormatan Duta Besar Uni Eropa untuk Indonesia. \
             Mereka membahas pencegahan ekstremisme di lembaga pemasyarakatan.",
            &[],
            &[],
            &["EU"],
        );
    }

    #[test]
    fn deportees_from_abroad() {
        check(
            None,
            "Sebanyak 18 WNI deportan dari Turki menjalani program deradikalisasi di Bogor. \
             Mereka sempat ditahan otoritas setempat.",
            &[],
            &["TR"],
            &[],
        );
    }

    #[test]
    fn a_meetings_roll_is_mentioned_a_trilaterals_members_are_partners() {
        // The delegations listed at a regional meeting or workshop are its roll: mentioned
        // (devset/LABELLING.md).
        check(
            None,
            "Pertemuan regional itu dihadiri delegasi dari Australia, Brunei Darussalam, \
             Malaysia, Myanmar, Selandia Baru, dan Thailand. Indonesia menjadi tuan rumah.",
            &[],
            &["AU", "BN", "MM", "MY", "NZ", "TH"],
            &[],
        );
        check(
            None,
            "Lokakarya tentang rehabilitasi narapidana diikuti oleh Malaysia, Thailand, \
             Singapura, Indonesia, dan Jepang.",
            &[],
            &["JP", "MY", "SG", "TH"],
            &[],
        );
        // Up to three beside Indonesia, or three without it, they are its counterparts.
        check(
            None,
            "Lokakarya tentang rehabilitasi narapidana diikuti oleh Malaysia, Thailand, \
             Indonesia, dan Jepang.",
            &["JP", "MY", "TH"],
            &["JP", "MY", "TH"],
            &[],
        );
    }

    #[test]
    fn members_of_a_bloc_named_in_passing() {
        check(
            None,
            "Kawasan itu mencakup Brunei Darussalam, Kamboja, Laos, Malaysia, Myanmar, dan \
             Vietnam. Menurut pengamat, jaringan teror di sana kini melemah.",
            &[],
            &["BN", "KH", "LA", "MM", "MY", "VN"],
            &[],
        );
    }

    #[test]
    fn counterparts_in_an_enumeration() {
        check(
            None,
            "Densus 88 menggelar latihan bersama Jepang dan Korea Selatan di Bekasi untuk \
             memperkuat kerja sama penanganan serangan bahan kimia.",
            &["JP", "KR"],
            &["JP", "KR"],
            &[],
        );
    }

    #[test]
    fn the_main_counterpart_overshadows_a_pact_named_once() {
        // The story is about one counterpart; the members of an earlier pact and a regional
        // body it may join are named once each.
        check(
            Some("Korea Selatan Diundang ke Forum Intelijen Kawasan"),
            "Menteri Pertahanan Korea Selatan bertemu Menteri Pertahanan RI untuk membahas \
             kerja sama intelijen. Korea Selatan diundang menjadi pengamat.\n\
             Kerja sama itu diluncurkan dengan pernyataan bersama Indonesia, Brunei \
             Darussalam, Malaysia, dan Filipina. Korea Selatan juga ingin bekerja sama dengan \
             ASEAN.\n\
             Kedua negara sepakat menggelar pertemuan lanjutan tahun depan di Seoul, kata \
             juru bicara Korea Selatan.",
            &["KR"],
            &["BN", "KR", "MY", "PH"],
            &[],
        );
    }

    #[test]
    fn authorities_acting_are_the_counterpart() {
        check(
            None,
            "Enam WNI dideportasi otoritas Turki dan dijemput Densus 88 di bandara. Menurut \
             Polri, otoritas Turki sudah berkoordinasi sejak pekan lalu.",
            &["TR"],
            &["TR"],
            &[],
        );
    }

    #[test]
    fn indonesian_embassy_abroad_is_not_the_host_country() {
        check(
            None,
            "Kemlu meminta Kedutaan Besar Republik Indonesia (KBRI) di Damaskus, Suriah, untuk \
             memantau keadaan WNI di kamp pengungsian.",
            &[],
            &["SY"],
            &[],
        );
    }

    #[test]
    fn americas_among_regions() {
        check(
            None,
            "Direktur Amerika dan Eropa Kemlu memimpin delegasi dalam dialog kerja sama \
             keamanan. Ancaman datang dari Asia Pasifik, Timur Tengah, Amerika, dan Afrika.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn capital_paired_with_jakarta_stands_for_its_government() {
        check(
            None,
            "Canberra dan Jakarta sepakat memperluas pertukaran data intelijen tentang \
             pendanaan terorisme, kata Kepala PPATK.",
            &["AU"],
            &["AU"],
            &[],
        );
        // Alone, a capital is a place.
        check(
            None,
            "Kepala BNPT menghadiri konferensi di Canberra pekan lalu.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn no_indonesian_angle_no_counterpart() {
        // A wire story on a foreign conflict with the UN's figures: nobody's counterpart.
        check(
            Some("PBB: Ribuan Militan Asing Masih Bertahan di Wilayah Konflik"),
            "NEW YORK - Tim pemantau Dewan Keamanan PBB memperkirakan ribuan militan asing \
             masih bertahan. Laporan PBB itu juga membahas kerja sama kedua negara tetangga \
             dalam memantau perbatasan, kata diplomat PBB.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn each_bilateral_meeting_on_the_sidelines_is_a_counterpart() {
        // One counterpart named often, two more met once each: every side of a bilateral
        // meeting is a counterpart, also when its body is named in full in English.
        check(
            None,
            "Di sela konferensi regional di Manila, Kapolri menggelar tiga pertemuan bilateral.\n\n\
             Pertemuan pertama dengan Kepala Kepolisian Papua Nugini. Kepolisian Papua Nugini \
             dan Polri membahas patroli perbatasan. Papua Nugini juga meminta pelatihan bagi \
             personelnya, dan kerja sama kedua negara akan diperluas.\n\n\
             Pertemuan bilateral kedua dilaksanakan dengan Wakil Direktur Biro Investigasi \
             Kementerian Dalam Negeri Jerman Hans Muller. Keduanya membahas kerja sama \
             penanggulangan terorisme.\n\n\
             Pertemuan bilateral ketiga dilaksanakan dengan Director of the Counter Terrorism \
             Unit Kanada, John Smith, membahas kerja sama pertukaran informasi.",
            &["CA", "DE", "PG"],
            &["CA", "DE", "PG"],
            &[],
        );
    }

    #[test]
    fn regional_police_officer_is_an_indonesian_angle() {
        // No `Indonesia`, no `Polri`: the district police's deputy chief is Indonesia's side.
        check(
            None,
            "Wakapolres Lumajang mengikuti kursus singkat di Kanada selama dua pekan. Para \
             peserta mengunjungi markas kepolisian di sana.\n\nPemerintah Kanada menyiapkan \
             program itu sebagai kerja sama menangkal ekstremisme. Kanada juga membahas \
             pertukaran informasi dengan para peserta.",
            &["CA"],
            &["CA"],
            &[],
        );
    }

    #[test]
    fn national_donor_agency_stands_for_its_country() {
        check(
            None,
            "BNPT dan USAID meluncurkan program pencegahan ekstremisme di sekolah. Kerja sama \
             ini berlangsung tiga tahun.",
            &["US"],
            &["US"],
            &[],
        );
    }

    #[test]
    fn foreign_police_or_intelligence_agency_met_under_its_own_name() {
        // The counterpart named only by its agency: the agency's country.
        check(
            None,
            "Polri menggelar pertemuan tahunan dengan Australian Federal Police di Bandung. \
             Kerja sama kedua lembaga difokuskan pada kejahatan siber.",
            &["AU"],
            &["AU"],
            &[],
        );
        check(
            None,
            "Kepala BIN mengatakan lembaganya terus berkomunikasi dengan perwakilan FBI di \
             Jakarta dalam kerja sama pertukaran informasi.",
            &["US"],
            &["US"],
            &[],
        );
        // The French news agency's `AFP` is no police.
        check(
            None,
            "Polri menangkap dua tersangka di Medan, seperti dilaporkan kantor berita AFP.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn a_countrys_body_under_an_acronym_after_dengan() {
        check(
            None,
            "PPATK akan bekerja sama dengan FIU Selandia Baru untuk menelusuri aliran dana \
             kelompok itu. Sebelumnya PPATK juga menggandeng FIU Selandia Baru dalam pertukaran \
             data transaksi.",
            &["NZ"],
            &["NZ"],
            &[],
        );
        // Indonesia's own mission there is no counterpart.
        check(
            None,
            "Polri berkoordinasi dengan KBRI Turki untuk memulangkan dua WNI itu.",
            &[],
            &["TR"],
            &[],
        );
    }

    #[test]
    fn un_body_as_the_source_of_a_figure_is_not_a_partner() {
        check(
            None,
            "Menurut laporan UNODC, nilai perdagangan narkotika di kawasan naik dua kali lipat. \
             Polri menangkap tiga tersangka di Medan, Selasa.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn english_names_and_pairs_in_an_indonesian_story() {
        check(
            None,
            "Forum Indonesia-Netherlands Counter Terrorism Dialogue kembali digelar. Pihak \
             Belanda diwakili Koordinator Nasional Kontra Terorisme mereka; kedua negara \
             bertukar pengalaman menangani radikalisasi daring.",
            &["NL"],
            &["NL"],
            &[],
        );
    }

    #[test]
    fn passing_mention_in_a_story_about_another_partner() {
        check(
            Some("Dubes Kanada Kunjungi BNPT"),
            "Duta Besar Kanada untuk Indonesia berkunjung ke BNPT untuk membahas kerja sama \
             pencegahan ekstremisme. Kanada dan Indonesia sepakat menyusun program bersama.\n\
             Ia juga bercerita tentang kerja sama negaranya dengan Norwegia di bidang lain.",
            &["CA"],
            &["CA", "NO"],
            &[],
        );
    }

    #[test]
    fn places_joined_by_and_are_not_a_pair() {
        check(
            None,
            "Jaringan itu masih aktif di Indonesia dan Malaysia, kata pengamat yang mendorong \
             kerja sama regional lebih erat.",
            &[],
            &["MY"],
            &[],
        );
    }

    #[test]
    fn joint_police_operation() {
        check(
            None,
            "Polri dan Kepolisian Diraja Malaysia menggelar operasi bersama di perbatasan \
             Kalimantan untuk memutus jalur penyelundupan senjata.",
            &["MY"],
            &["MY"],
            &[],
        );
    }

    #[test]
    fn foreign_sanction_list_is_news_not_partnership() {
        check(
            None,
            "Departemen Luar Negeri AS memasukkan kelompok itu ke daftar organisasi teroris \
             asing. Pengamat menilai langkah itu tidak berdampak langsung.",
            &[],
            &["US"],
            &[],
        );
    }

    #[test]
    fn capitalised_run_before_a_name() {
        let s = "Polri dan Kepolisian Diraja ";
        assert_eq!(&s[start_of_capitalised_run(s, 4)..], "Kepolisian Diraja ");
        assert_eq!(start_of_capitalised_run("dan BNPT-", 4), "dan BNPT-".len());
        let s = "bersama BNPT dan ";
        assert_eq!(start_of_capitalised_run(s, 4), s.len());
    }

    #[test]
    fn agency_hyphen_pair_in_body() {
        check(
            None,
            "Forum BNPT-Kantor Penanggulangan Terorisme PBB membahas perlindungan korban.",
            &[],
            &[],
            &["UN", "UNOCT"],
        );
    }

    #[test]
    fn hotel_brand_is_not_a_country() {
        check(
            None,
            "Rapat koordinasi digelar di Hotel Swiss-Belinn Manado dan membahas kerja sama \
             antarlembaga.",
            &[],
            &[],
            &[],
        );
    }

    #[test]
    fn visit_abroad_meeting_officials() {
        check(
            Some("Kepala BNPT Kunjungi Uzbekistan"),
            "Kepala BNPT bertemu Ketua Komite Keamanan Negara Uzbekistan di Tashkent. \
             Keduanya membahas program rehabilitasi bagi perempuan dan anak yang dipulangkan.",
            &["UZ"],
            &["UZ"],
            &[],
        );
    }

    #[test]
    fn never_panics_on_any_prefix_of_mixed_text() {
        let text = "Türkiye–Tiongkok ー Dubes « Jepang » di Éropa, RI-AS dan PBB\n\
                    (Kantor Kontra Terorisme PBB) – Indonesia dan 日本 serta Malaysia.";
        for (i, _) in text.char_indices() {
            let f = detect(Some(&text[i..]), &text[..i]);
            assert!(f.partners.iter().all(|p| f.mentioned.contains(p)), "{f:?}");
        }
    }

    #[test]
    fn abbreviation_in_brackets_after_a_long_name() {
        check(
            None,
            "Sidang tahunan menteri ASEAN tentang kejahatan lintas negara (AMMTC) membahas \
             kerja sama penanganan pendanaan terorisme. Delegasi Indonesia dipimpin Kapolri.",
            &[],
            &[],
            &["ASEAN"],
        );
    }

    /// A state that deports Indonesians hands them over: a counterpart, where a mere place of
    /// arrival or a conflict zone is not.
    #[test]
    fn a_deporting_state_is_a_counterpart() {
        check(
            None,
            "Jakarta - Sebanyak sembilan WNI tiba di bandara setelah dideportasi dari Turki. \
             Mereka diduga hendak menyeberang ke Suriah. Petugas kepolisian menjemput dan \
             memeriksa mereka.",
            &["TR"],
            &["SY", "TR"],
            &[],
        );
        check(
            None,
            "Jakarta - Sebanyak sembilan WNI tiba di bandara setelah pulang dari Turki. \
             Mereka diduga hendak menyeberang ke Suriah.",
            &[],
            &["SY", "TR"],
            &[],
        );
    }

    /// The words before a point, counted back over multi-byte characters: a no-break space
    /// separates, accented letters and curly apostrophes do not.
    #[test]
    fn words_are_counted_back_over_any_character() {
        let text = "kata Menteri Pérez\u{a0}dari Jum’at, ke Turki";
        let at = text.find("Turki").unwrap();
        assert_eq!(prev_word(text, at), "ke");
        assert_eq!(&text[words_start(text, at, 2)..at], "Jum’at, ke ");
        let at = text.find("dari").unwrap();
        assert_eq!(prev_word(text, at), "Pérez");
        assert_eq!(
            &text[words_start(text, at, 3)..at],
            "kata Menteri Pérez\u{a0}"
        );
    }

    /// A name the gazetteer does not know (a misspelling) inside a list keeps the list whole:
    /// the delegations of a meeting two states co-host are still its roll.
    #[test]
    fn an_unknown_name_inside_a_list_is_one_more_item() {
        check(
            None,
            "Jakarta - Pertemuan tingkat menteri tentang terorisme lintas batas digagas oleh \
             Indonesia dan Selandia Baru.\nSelain dihadiri menteri kedua negara, pertemuan itu \
             diikuti oleh delegasi-delegasi dari Vietnam, Kamboja, Myanmarr dan Laos yang \
             dipimpin menteri masing-masing.",
            &["NZ"],
            &["KH", "LA", "NZ", "VN"],
            &[],
        );
        assert!(unknown_item_gap(", Myanmarr dan "));
        assert!(unknown_item_gap(", Taipei, "));
        // Not an acronym, not the next clause.
        assert!(!unknown_item_gap(", TNI-Polri dan "));
        assert!(!unknown_item_gap(", Kedubes "));
    }

    /// The embassies of friendly states among an event's guests are guests.
    #[test]
    fn friendly_states_among_the_guests_are_guests() {
        check(
            None,
            "Bandung - Kepala BNPT membuka rapat kerja forum pencegahan ekstremisme. Rapat kerja \
             itu dihadiri oleh organisasi masyarakat sipil dan perwakilan kedutaan besar negara \
             sahabat Kanada, Norwegia dan Jepang.",
            &[],
            &["CA", "JP", "NO"],
            &[],
        );
    }

    /// The deporting state named through its authorities (`dideportasi oleh otoritas keamanan
    /// Malaysia`), and every state of a list of them.
    #[test]
    fn a_state_deporting_through_its_authorities() {
        check(
            None,
            "Jakarta - Sebanyak 20 warga negara Indonesia yang dideportasi dari Malaysia, \
             Singapura dan Jepang tiba di bandara dan diperiksa Densus 88.",
            &["JP", "MY", "SG"],
            &["JP", "MY", "SG"],
            &[],
        );
        check(
            None,
            "Batam - Delapan warga negara Indonesia dideportasi oleh otoritas keamanan Malaysia \
             melalui pelabuhan, kata pejabat imigrasi.",
            &["MY"],
            &["MY"],
            &[],
        );
    }

    /// Each state that deported Indonesians is a counterpart, also beside a main one that
    /// deported many more and is named often.
    #[test]
    fn every_deporting_state_is_a_counterpart() {
        check(
            None,
            "Jakarta - Otoritas Turki kembali memulangkan warga yang hendak ke Suriah. Pemerintah \
             Turki menyerahkan mereka kepada polisi. Kerja sama dengan Turki berjalan baik, kata \
             kepala badan itu.\nMereka yang dideportasi oleh otoritas Turki berjumlah 40 orang, \
             dideportasi dari Malaysia 3 WNI dan satu WNI dideportasi dari Korea Selatan.",
            &["KR", "MY", "TR"],
            &["KR", "MY", "SY", "TR"],
            &[],
        );
    }

    /// A suspect extradited from or by a country: the country hands him over, in the sentence
    /// that says so; an extradition the next sentence speaks of does not reach back.
    #[test]
    fn an_extradition_makes_the_other_state_a_counterpart() {
        check(
            None,
            "Bandung - Tersangka yang tertangkap di Yaman, Abu Fulan, akan segera \
             diekstradisi ke Indonesia lewat kerja sama pemerintah. Ia disebut ahli perakit bom.",
            &["YE"],
            &["YE"],
            &[],
        );
        // Where he was caught is not who hands him over: without a word of cooperation, the
        // arrest (a place) outweighs the extradition.
        check(
            None,
            "Bandung - Belum pasti apakah Abu Fulan yang ditangkap di Yaman itu akan \
             diekstradisi ke Indonesia atau ke negara lain. Ia disebut ahli perakit bom.",
            &[],
            &["YE"],
            &[],
        );
        check(
            None,
            "Bandung - Keluarga menyambut upaya pemerintah RI melakukan ekstradisi terhadap Abu \
             Fulan dari Yaman. Abu Fulan sudah tiga tahun ditahan.",
            &["YE"],
            &["YE"],
            &[],
        );
        check(
            None,
            "Bandung - Kementerian masih menimbang permohonan ekstradisi bagi seorang WNI. \
             Perempuan itu kini ditahan di kantor polisi di Yaman.",
            &[],
            &["YE"],
            &[],
        );
    }

    /// `bersama` as an adverb (`secara bersama-sama`, `pelatihan ... bersama`) makes no list of
    /// participants: a proposal naming a region's countries is no cooperation with them.
    #[test]
    fn jointly_is_no_list_of_participants() {
        check(
            None,
            "Jakarta - Lembaga intelijen keuangan Indonesia mengusulkan kerja sama kawasan. \
             \"Kami mendorong negara-negara tetangga seperti Filipina, Malaysia, Singapura dan \
             Thailand membangun pertukaran informasi dan pelatihan analisis secara \
             bersama-sama,\" kata wakil kepala lembaga itu.",
            &[],
            &["MY", "PH", "SG", "TH"],
            &[],
        );
        // The participants of a meeting are still listed as such (three of them: a longer
        // list is the meeting's roll).
        check(
            None,
            "Jakarta - Lokakarya kerja sama penanggulangan pendanaan terorisme yang digelar PPATK \
             itu diikuti oleh delegasi Filipina, Malaysia dan Singapura.",
            &["MY", "PH", "SG"],
            &["MY", "PH", "SG"],
            &[],
        );
    }

    #[test]
    fn main_partner_and_prospects() {
        check(
            None,
            "jpnn.com, JAKARTA - Badan Nasional Penanggulangan Terorisme (BNPT) menjalin kerja sama dengan Pemerintah Arab Saudi dalam kontra narasi ekstremisme di media sosial.\n\
             Kesepakatan tersebut dituangkan dalam nota kesepahaman yang ditandatangani Kepala BNPT dan Sekretaris Jenderal pusat kontra ideologi ekstremis Arab Saudi di Riyadh.\n\
             Kepala BNPT menyebut Arab Saudi sebagai mitra strategis. Menurut dia, kedua negara memiliki kepentingan yang sama dalam melawan paham radikal.\n\
             Selain dengan Arab Saudi, BNPT juga tengah menjajaki kerja sama serupa dengan Mesir dan Uni Emirat Arab.",
            &["SA"],
            &["AE", "EG", "SA"],
            &[],
        );
    }

    /// The counterpart is also the scene: arrests "di Malaysia" do not cancel the police
    /// coordination with Malaysia's police.
    #[test]
    fn scene_and_counterpart() {
        check(
            None,
            "JAKARTA - Dua WNI ditangkap di Malaysia karena diduga merencanakan serangan.\n\
             Polri menyebut keduanya terkait jaringan teror di Malaysia dan di Jawa Barat.\n\
             \"Ada koordinasi antara Polri dengan Polis Diraja Malaysia sejak awal pekan,\" kata juru bicara Polri, Selasa (4/6).\n\
             Ia menambahkan, dua warga negara Malaysia juga diamankan dalam operasi itu.",
            &["MY"],
            &["MY"],
            &[],
        );
    }

    /// A list with Indonesia right after a paragraph about the pact: its members are the
    /// partners, although the list's own sentence names no cooperation.
    #[test]
    fn members_listed_after_the_pact() {
        check(
            None,
            "SURABAYA - Empat negara meresmikan pakta kerja sama intelijen maritim untuk menangkal terorisme lintas batas, Kamis (9/3).\n\
             Keempat negara itu ialah Indonesia, Filipina, Malaysia, dan Brunei Darussalam.\n\
             Pakta itu mengatur patroli bersama dan pertukaran data buronan.",
            &["BN", "MY", "PH"],
            &["BN", "MY", "PH"],
            &[],
        );
    }

    /// Where returnees came from is not a counterpart, even in the title; cooperation words
    /// elsewhere in a paragraph do not make a place one either.
    #[test]
    fn origin_in_the_title() {
        check(
            Some("Puluhan WNI Pulang dari Suriah Diawasi BNPT"),
            "JAKARTA - BNPT mengawasi puluhan WNI yang kembali dari Suriah tahun ini.\n\
             Pengawasan dilakukan dengan kerja sama pemerintah daerah, sebab sebagian sempat masuk ke wilayah Suriah.",
            &[],
            &["SY"],
            &[],
        );
    }

    #[test]
    fn dateline_detection() {
        assert_eq!(
            &"Manado (ANTARA) - Isi"[dateline_end("Manado (ANTARA) - Isi")..],
            "Isi"
        );
        assert_eq!(
            &"JAKARTA, KOMPAS.com - Isi"[dateline_end("JAKARTA, KOMPAS.com - Isi")..],
            "Isi"
        );
        assert_eq!(
            dateline_end("Kalimat biasa tanpa tanda pisah sama sekali."),
            0
        );
    }

    /// Measures on the labelled seed articles (`../shared/corpus/seeds`, outside the repo):
    /// `cargo test --lib extract::partners::tests::seeds -- --ignored --nocapture`.
    /// Related-link lines (`Baca ...`) are dropped here until the cleaner runs first.
    #[test]
    #[ignore = "needs ../shared/corpus/seeds"]
    fn seeds() {
        let dir = std::env::var_os("TELUSUR_SEEDS")
            .filter(|v| !v.is_empty())
            .map_or_else(
                || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds"),
                std::path::PathBuf::from,
            );
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("seeds folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        // (true positives, predicted, expected) for partners, mentioned, orgs.
        let mut sums = [[0usize; 3]; 3];
        for p in paths {
            let raw = std::fs::read_to_string(&p).expect("read");
            let label: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(p.with_extension("json")).expect("json"),
            )
            .expect("parse");
            let body: String = raw
                .lines()
                .filter(|l| !l.trim_start().to_lowercase().starts_with("baca"))
                .collect::<Vec<_>>()
                .join("\n");
            let title = label["title"].as_str();
            let f = detect(title, &body);
            let want = |k: &str| -> Vec<String> {
                let mut v: Vec<String> = label[k]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                v.sort();
                v
            };
            for (k, (got, exp)) in [
                (&f.partners, want("partners")),
                (&f.mentioned, want("mentioned_countries")),
                (&f.partner_orgs, want("partner_orgs")),
            ]
            .into_iter()
            .enumerate()
            {
                sums[k][0] += got.iter().filter(|g| exp.contains(g)).count();
                sums[k][1] += got.len();
                sums[k][2] += exp.len();
                if *got != exp {
                    println!("{}: field {k}: got {got:?}, want {exp:?}", p.display());
                }
            }
            println!(
                "{}: {:?}",
                p.file_name().unwrap_or_default().to_string_lossy(),
                f.evidence
            );
        }
        for (name, [tp, pred, exp]) in ["partners", "mentioned", "orgs"].iter().zip(sums) {
            let p = if pred == 0 {
                1.0
            } else {
                tp as f64 / pred as f64
            };
            let r = if exp == 0 {
                1.0
            } else {
                tp as f64 / exp as f64
            };
            let f1 = if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            };
            println!("{name}: precision {p:.3} recall {r:.3} F1 {f1:.3} (tp {tp}, predicted {pred}, expected {exp})");
        }
    }
}
