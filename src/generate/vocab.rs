//! Word tables of the generator: partner countries with weights, organisations, people,
//! places, publishers, and inflected word forms. All hand-written for this project.
//!
//! Country names come from the gazetteer ([`crate::extract::gazetteer::country`]); the
//! Indonesian names here are only a fallback for codes the gazetteer does not know (yet).

use crate::extract::gazetteer;

/// A partner country: ISO code, relative weight among partner draws, fallback Indonesian
/// name, and the name pool its officials are drawn from.
pub(crate) struct Partner {
    pub code: &'static str,
    pub weight: u32,
    pub fallback: &'static str,
    pub names: NamePool,
    /// Capital, for ambassador visits and meetings abroad.
    pub capital: &'static str,
}

/// Which pool invented foreign names come from.
#[derive(Clone, Copy)]
pub(crate) enum NamePool {
    Anglo,
    Malay,
    Filipino,
    Chinese,
    Japanese,
    Korean,
    Arabic,
    European,
    Slavic,
    South,
    African,
    Latin,
}

macro_rules! p {
    ($c:literal, $w:literal, $n:literal, $pool:ident, $cap:literal) => {
        Partner {
            code: $c,
            weight: $w,
            fallback: $n,
            names: NamePool::$pool,
            capital: $cap,
        }
    };
}

/// Partner countries, weighted roughly by how often they appear as Indonesia's counterpart
/// in counterterrorism news: Australia, the US, the UK and the ASEAN neighbours lead, then a
/// long tail from every region.
pub(crate) const PARTNERS: &[Partner] = &[
    p!("AU", 120, "Australia", Anglo, "Canberra"),
    p!("US", 110, "Amerika Serikat", Anglo, "Washington DC"),
    p!("GB", 70, "Inggris", Anglo, "London"),
    p!("MY", 80, "Malaysia", Malay, "Kuala Lumpur"),
    p!("SG", 55, "Singapura", Chinese, "Singapura"),
    p!("PH", 75, "Filipina", Filipino, "Manila"),
    p!("CN", 45, "Tiongkok", Chinese, "Beijing"),
    p!("JP", 45, "Jepang", Japanese, "Tokyo"),
    p!("NL", 35, "Belanda", European, "Den Haag"),
    p!("DE", 30, "Jerman", European, "Berlin"),
    p!("FR", 30, "Prancis", European, "Paris"),
    p!("SA", 30, "Arab Saudi", Arabic, "Riyadh"),
    p!("TR", 28, "Turki", Arabic, "Ankara"),
    p!("EG", 22, "Mesir", Arabic, "Kairo"),
    p!("NZ", 22, "Selandia Baru", Anglo, "Wellington"),
    p!("KR", 25, "Korea Selatan", Korean, "Seoul"),
    p!("RU", 22, "Rusia", Slavic, "Moskow"),
    p!("IN", 20, "India", South, "New Delhi"),
    p!("TH", 22, "Thailand", Malay, "Bangkok"),
    p!("BN", 12, "Brunei Darussalam", Malay, "Bandar Seri Begawan"),
    p!("VN", 10, "Vietnam", Chinese, "Hanoi"),
    p!("KH", 6, "Kamboja", Malay, "Phnom Penh"),
    p!("LA", 4, "Laos", Malay, "Vientiane"),
    p!("MM", 5, "Myanmar", Malay, "Naypyidaw"),
    p!("TL", 4, "Timor Leste", Latin, "Dili"),
    p!("CA", 12, "Kanada", Anglo, "Ottawa"),
    p!("AE", 14, "Uni Emirat Arab", Arabic, "Abu Dhabi"),
    p!("QA", 8, "Qatar", Arabic, "Doha"),
    p!("JO", 8, "Yordania", Arabic, "Amman"),
    p!("MA", 6, "Maroko", Arabic, "Rabat"),
    p!("DZ", 5, "Aljazair", Arabic, "Aljir"),
    p!("TN", 4, "Tunisia", Arabic, "Tunis"),
    p!("PK", 9, "Pakistan", South, "Islamabad"),
    p!("BD", 6, "Bangladesh", South, "Dhaka"),
    p!("LK", 5, "Sri Lanka", South, "Kolombo"),
    p!("IR", 5, "Iran", Arabic, "Teheran"),
    p!("KZ", 4, "Kazakhstan", Slavic, "Astana"),
    p!("UZ", 5, "Uzbekistan", Slavic, "Tashkent"),
    p!("IT", 8, "Italia", European, "Roma"),
    p!("ES", 7, "Spanyol", European, "Madrid"),
    p!("BE", 6, "Belgia", European, "Brussel"),
    p!("CH", 6, "Swiss", European, "Bern"),
    p!("SE", 5, "Swedia", European, "Stockholm"),
    p!("NO", 6, "Norwegia", European, "Oslo"),
    p!("DK", 4, "Denmark", European, "Kopenhagen"),
    p!("HU", 4, "Hongaria", European, "Budapest"),
    p!("PL", 3, "Polandia", Slavic, "Warsawa"),
    p!("NG", 4, "Nigeria", African, "Abuja"),
    p!("KE", 3, "Kenya", African, "Nairobi"),
    p!("ZA", 4, "Afrika Selatan", African, "Pretoria"),
    p!("ET", 2, "Etiopia", African, "Addis Ababa"),
    p!("BR", 3, "Brasil", Latin, "Brasilia"),
    p!("MX", 3, "Meksiko", Latin, "Mexico City"),
    p!("AR", 2, "Argentina", Latin, "Buenos Aires"),
    p!("CO", 2, "Kolombia", Latin, "Bogota"),
    p!("CL", 2, "Cile", Latin, "Santiago"),
    p!("PG", 3, "Papua Nugini", Anglo, "Port Moresby"),
    p!("FJ", 2, "Fiji", Anglo, "Suva"),
];

/// Countries mentioned only as places (where fighters went, where attacks happened, where a
/// group trained): never counterparts in the story they appear in.
pub(crate) const PLACES: &[(&str, &str)] = &[
    ("SY", "Suriah"),
    ("IQ", "Irak"),
    ("AF", "Afganistan"),
    ("PH", "Filipina"),
    ("SO", "Somalia"),
    ("LY", "Libya"),
    ("YE", "Yaman"),
    ("ML", "Mali"),
];

/// Fallback Indonesian names for place codes missing from both tables above.
fn fallback_name(code: &str) -> &'static str {
    PARTNERS
        .iter()
        .find(|p| p.code == code)
        .map(|p| p.fallback)
        .or_else(|| PLACES.iter().find(|p| p.0 == code).map(|p| p.1))
        .unwrap_or("negara sahabat")
}

/// The Indonesian name of a country: the gazetteer's when it knows the code, else ours.
pub(crate) fn country_name(code: &str) -> &'static str {
    match gazetteer::country(code) {
        Some(c) if !c.name_id.is_empty() => c.name_id,
        _ => fallback_name(code),
    }
}

/// An international organisation as the generator writes it: the codes it counts as (an
/// office of the UN counts as UN too, as the labelled seeds do), its name in the text, a
/// short form for later mentions, and a typical venue city.
pub(crate) struct OrgEntry {
    pub codes: &'static [&'static str],
    pub long: &'static str,
    pub short: &'static str,
    pub venue: &'static str,
    pub weight: u32,
}

/// Organisations that appear as counterparts in multilateral stories.
pub(crate) const ORGS: &[OrgEntry] = &[
    OrgEntry {
        codes: &["ASEAN"],
        long: "Perhimpunan Bangsa-Bangsa Asia Tenggara (ASEAN)",
        short: "ASEAN",
        venue: "Jakarta",
        weight: 30,
    },
    OrgEntry {
        codes: &["UN", "UNOCT"],
        long: "Kantor Penanggulangan Terorisme PBB (UNOCT)",
        short: "UNOCT",
        venue: "New York",
        weight: 18,
    },
    OrgEntry {
        codes: &["UN", "UNODC"],
        long: "Kantor PBB untuk Urusan Narkoba dan Kejahatan (UNODC)",
        short: "UNODC",
        venue: "Wina",
        weight: 14,
    },
    OrgEntry {
        codes: &["UN"],
        long: "Perserikatan Bangsa-Bangsa (PBB)",
        short: "PBB",
        venue: "New York",
        weight: 14,
    },
    OrgEntry {
        codes: &["GCTF"],
        long: "Global Counterterrorism Forum (GCTF)",
        short: "GCTF",
        venue: "Jenewa",
        weight: 10,
    },
    OrgEntry {
        codes: &["EU"],
        long: "Uni Eropa (UE)",
        short: "Uni Eropa",
        venue: "Brussel",
        weight: 12,
    },
    OrgEntry {
        codes: &["INTERPOL"],
        long: "Organisasi Polisi Kriminal Internasional (INTERPOL)",
        short: "INTERPOL",
        venue: "Lyon",
        weight: 10,
    },
    OrgEntry {
        codes: &["FATF"],
        long: "Financial Action Task Force (FATF)",
        short: "FATF",
        venue: "Paris",
        weight: 8,
    },
    OrgEntry {
        codes: &["OIC"],
        long: "Organisasi Kerja Sama Islam (OKI)",
        short: "OKI",
        venue: "Jeddah",
        weight: 6,
    },
    OrgEntry {
        codes: &["APEC"],
        long: "Kerja Sama Ekonomi Asia-Pasifik (APEC)",
        short: "APEC",
        venue: "Bangkok",
        weight: 4,
    },
];

/// Indonesian given names and family names (invented combinations).
pub(crate) const ID_FIRST: &[&str] = &[
    "Agus", "Bambang", "Budi", "Dedi", "Eko", "Fajar", "Gatot", "Hendra", "Irfan", "Joko",
    "Kurnia", "Lukman", "Muhamad", "Nanang", "Oki", "Prasetyo", "Rizal", "Slamet", "Teguh",
    "Usman", "Wahyu", "Yudi", "Zainal", "Ahmad", "Dwi", "Hari", "Rudi", "Setyo", "Arief", "Bayu",
    "Dimas", "Galih", "Herman", "Indra", "Sri", "Retno", "Dewi", "Ratna", "Siti", "Wulan", "Ayu",
    "Rina", "Nur", "Lestari", "Fitri", "Yanti", "Mega", "Puspa",
];
pub(crate) const ID_LAST: &[&str] = &[
    "Santoso",
    "Wibowo",
    "Hidayat",
    "Saputra",
    "Kurniawan",
    "Nugroho",
    "Prabowo",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Harahap",
    "Lubis",
    "Pohan",
    "Wijaya",
    "Gunawan",
    "Setiawan",
    "Susanto",
    "Hartono",
    "Purnomo",
    "Rahardjo",
    "Sulistyo",
    "Handoko",
    "Firmansyah",
    "Ramadhan",
    "Syahputra",
    "Pratama",
    "Utomo",
    "Suharto",
    "Mahendra",
    "Baskoro",
    "Anggraini",
    "Marpaung",
    "Tanjung",
    "Pangaribuan",
    "Sembiring",
    "Ginting",
    "Tarigan",
    "Manurung",
    "Sitompul",
    "Daulay",
    "Rangkuti",
    "Munthe",
    "Situmorang",
    "Latuconsina",
    "Pattiasina",
    "Rumagesan",
    "Mandagi",
    "Lumban",
    "Sinaga",
    "Purba",
];

/// Foreign given and family names per pool (invented combinations, not real officials).
pub(crate) fn pool(p: NamePool) -> (&'static [&'static str], &'static [&'static str]) {
    match p {
        NamePool::Anglo => (
            &[
                "James", "Sarah", "Michael", "Emma", "David", "Claire", "Peter", "Rachel",
                "Andrew", "Kate", "Thomas", "Helen",
            ],
            &[
                "Whitford",
                "Harland",
                "Beckett",
                "Ashdown",
                "Carrow",
                "Pemberton",
                "Holloway",
                "Gresham",
                "Lindqvist",
                "Marlowe",
                "Thornbury",
                "Kealey",
            ],
        ),
        NamePool::Malay => (
            &[
                "Ahmad", "Zulkifli", "Hisham", "Nurul", "Faizal", "Azman", "Rosli", "Suhaimi",
                "Aminah", "Hafiz", "Sompong", "Anan",
            ],
            &[
                "bin Harun",
                "bin Osman",
                "binti Yusof",
                "bin Ismail",
                "Rahman",
                "bin Kassim",
                "Srisuk",
                "Chaiyaporn",
                "bin Latif",
                "Wongsakul",
                "bin Hamzah",
                "Daud",
            ],
        ),
        NamePool::Filipino => (
            &[
                "Ramon", "Eduardo", "Maria", "Josefina", "Carlos", "Antonio", "Cristina", "Rodel",
                "Ernesto", "Liza", "Manuel", "Teresita",
            ],
            &[
                "Dela Cruz",
                "Villanueva",
                "Bautista",
                "Macaraeg",
                "Santiago",
                "Reyes",
                "Tolentino",
                "Pangilinan",
                "Magbanua",
                "Dimaculangan",
                "Ocampo",
                "Soriano",
            ],
        ),
        NamePool::Chinese => (
            &[
                "Wei", "Jian", "Li", "Xiaoming", "Hong", "Tan", "Lin", "Chen", "Mei", "Zhao",
                "Kwok", "Yong",
            ],
            &[
                "Zhang", "Wang", "Liu", "Huang", "Ong", "Lim", "Goh", "Ng", "Xu", "Sun", "Tran",
                "Nguyen",
            ],
        ),
        NamePool::Japanese => (
            &[
                "Hiroshi", "Takeshi", "Kenji", "Yuko", "Akira", "Naoko", "Satoshi", "Haruka",
                "Kazuo", "Emi", "Daisuke", "Mariko",
            ],
            &[
                "Tanabe",
                "Morishita",
                "Kobayakawa",
                "Inoue",
                "Hoshino",
                "Sakamoto",
                "Fujiwara",
                "Okada",
                "Ishikawa",
                "Noguchi",
                "Kuroda",
                "Matsuda",
            ],
        ),
        NamePool::Korean => (
            &[
                "Min-jun",
                "Seo-yeon",
                "Ji-hoon",
                "Hye-jin",
                "Sung-ho",
                "Eun-ji",
                "Dong-hyun",
                "Soo-min",
                "Jae-won",
                "Yu-na",
                "Tae-hyun",
                "Ha-eun",
            ],
            &[
                "Kim", "Park", "Lee", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han", "Shin",
                "Oh",
            ],
        ),
        NamePool::Arabic => (
            &[
                "Abdullah", "Khalid", "Faisal", "Omar", "Hassan", "Tariq", "Yusuf", "Karim",
                "Mehmet", "Ayse", "Mustafa", "Layla",
            ],
            &[
                "Al-Harbi",
                "Al-Qahtani",
                "El-Sayed",
                "Mansour",
                "Haddad",
                "Demir",
                "Yilmaz",
                "Al-Mutairi",
                "Nasser",
                "Farouk",
                "Aydin",
                "Saleh",
            ],
        ),
        NamePool::European => (
            &[
                "Jan", "Pieter", "Anna", "Klaus", "Marie", "Luc", "Sophie", "Henrik", "Giulia",
                "Pablo", "Ingrid", "Matthias",
            ],
            &[
                "van der Berg",
                "Schreiber",
                "Dubois",
                "Hoffmann",
                "Lefebvre",
                "Janssen",
                "Bianchi",
                "Moreau",
                "Vermeulen",
                "Larsen",
                "Keller",
                "Garcia",
            ],
        ),
        NamePool::Slavic => (
            &[
                "Sergei",
                "Dmitry",
                "Olga",
                "Nikolai",
                "Irina",
                "Alexei",
                "Timur",
                "Aigerim",
                "Rustam",
                "Katarzyna",
                "Pavel",
                "Elena",
            ],
            &[
                "Volkov",
                "Sokolov",
                "Morozova",
                "Karimov",
                "Nurlanov",
                "Petrov",
                "Kowalska",
                "Ismoilov",
                "Fedorov",
                "Zhukov",
                "Abdullaev",
                "Orlova",
            ],
        ),
        NamePool::South => (
            &[
                "Rajesh", "Priya", "Imran", "Ayesha", "Sanjay", "Farhan", "Nimal", "Anjali",
                "Kamal", "Shirin", "Vikram", "Dilshan",
            ],
            &[
                "Sharma",
                "Khan",
                "Perera",
                "Chowdhury",
                "Iyer",
                "Qureshi",
                "Fernando",
                "Rahman",
                "Menon",
                "Jayasuriya",
                "Malik",
                "Rao",
            ],
        ),
        NamePool::African => (
            &[
                "Chinedu", "Amina", "Kwame", "Thandiwe", "Tesfaye", "Wanjiru", "Olumide", "Sipho",
                "Fatou", "Abebe", "Nnamdi", "Zanele",
            ],
            &[
                "Okafor", "Mensah", "Ndlovu", "Bekele", "Kamau", "Adeyemi", "Dlamini", "Diallo",
                "Haile", "Otieno", "Eze", "Mokoena",
            ],
        ),
        NamePool::Latin => (
            &[
                "Diego",
                "Camila",
                "Rafael",
                "Lucia",
                "Joaquim",
                "Valentina",
                "Mateo",
                "Isabela",
                "Andres",
                "Fernanda",
                "Jose",
                "Mariana",
            ],
            &[
                "Oliveira",
                "Hernandez",
                "Ramirez",
                "Souza",
                "Castillo",
                "Morales",
                "Pereira",
                "Navarro",
                "da Costa",
                "Vargas",
                "Mendoza",
                "Ximenes",
            ],
        ),
    }
}

/// Indonesian cities where stories are filed or events happen.
pub(crate) const CITIES: &[(&str, u32)] = &[
    ("Jakarta", 300),
    ("Bogor", 15),
    ("Bandung", 12),
    ("Surabaya", 15),
    ("Semarang", 12),
    ("Yogyakarta", 10),
    ("Denpasar", 14),
    ("Medan", 12),
    ("Makassar", 10),
    ("Manado", 6),
    ("Palu", 8),
    ("Poso", 5),
    ("Batam", 7),
    ("Solo", 6),
    ("Malang", 5),
    ("Padang", 4),
    ("Pekanbaru", 4),
    ("Palembang", 4),
    ("Lampung", 5),
    ("Mataram", 4),
    ("Pontianak", 3),
    ("Balikpapan", 3),
    ("Ambon", 3),
    ("Kupang", 3),
    ("Jayapura", 2),
    ("Serang", 3),
    ("Tangerang", 4),
    ("Bekasi", 4),
    ("Sukoharjo", 2),
    ("Lamongan", 2),
    ("Sibolga", 1),
    ("Bima", 2),
    ("Tasikmalaya", 2),
    ("Cirebon", 2),
    ("Banda Aceh", 3),
    ("Sentul", 3),
];

/// Terrorist networks named in domestic stories.
pub(crate) const GROUPS: &[(&str, &str)] = &[
    ("Jamaah Ansharut Daulah", "JAD"),
    ("Jamaah Islamiyah", "JI"),
    ("Mujahidin Indonesia Timur", "MIT"),
    ("Negara Islam Indonesia", "NII"),
    ("Jamaah Ansharut Tauhid", "JAT"),
    ("Jamaah Ansharusy Syariah", "JAS"),
];

/// Initials of suspects. Two-letter country aliases (`AS`, `RI`, `UK`, `UE`) are left out on
/// purpose so that the ground truth stays unambiguous.
pub(crate) const INITIALS: &[&str] = &[
    "AR", "MS", "HA", "YF", "DK", "SN", "BW", "TR", "ZA", "FH", "MR", "NH", "RS", "WD", "AK", "IH",
    "JM", "KD", "LP", "SY", "AW", "BH", "DS", "EP", "GN", "HS", "MF", "RA", "AAN", "MIS",
];

/// Months in Indonesian.
pub(crate) const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Month abbreviations used by some publishers' header lines.
pub(crate) const MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// Weekdays in Indonesian, Monday first (chrono's `num_days_from_monday`).
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// Verb forms in `me-`: the long tail the stemmer has to fold.
pub(crate) const ME_VERBS: &[&str] = &[
    "memperkuat",
    "meningkatkan",
    "menanggulangi",
    "mencegah",
    "memberantas",
    "mengantisipasi",
    "mengoptimalkan",
    "mengembangkan",
    "menindaklanjuti",
    "mengidentifikasi",
    "memetakan",
    "mengawasi",
    "memantau",
    "menangani",
    "menyelaraskan",
    "memfasilitasi",
    "mengoordinasikan",
    "mendorong",
    "menegaskan",
    "memperluas",
    "menyusun",
    "merumuskan",
    "memutus",
    "membendung",
    "menangkal",
    "meredam",
    "membongkar",
    "mengungkap",
    "menelusuri",
    "melacak",
    "membekukan",
    "memulihkan",
    "merehabilitasi",
    "membina",
    "mendampingi",
    "memberdayakan",
    "menyebarluaskan",
    "mensosialisasikan",
    "menguatkan",
    "memperdalam",
    "menjajaki",
    "menyepakati",
    "menandatangani",
    "melibatkan",
    "mengintegrasikan",
    "memodernisasi",
    "menginventarisasi",
    "mengevaluasi",
];

/// Nouns in `pe-an`, `per-an`, `ke-an` and `-an`.
pub(crate) const NOUNS: &[&str] = &[
    "penanggulangan",
    "pencegahan",
    "penindakan",
    "pemberantasan",
    "penegakan hukum",
    "pertukaran informasi",
    "peningkatan kapasitas",
    "pengawasan perbatasan",
    "pendanaan",
    "pemulihan korban",
    "perlindungan saksi",
    "pembinaan narapidana",
    "penguatan kelembagaan",
    "pemetaan jaringan",
    "penelusuran aset",
    "pembekuan dana",
    "pengamanan objek vital",
    "kesiapsiagaan nasional",
    "ketahanan masyarakat",
    "kerentanan",
    "keamanan siber",
    "perekrutan daring",
    "penyebaran propaganda",
    "pelatihan bersama",
    "pendampingan",
    "pemberdayaan",
    "kontra-narasi",
    "kontra-radikalisasi",
    "deradikalisasi",
    "reintegrasi",
    "rehabilitasi",
    "penyelidikan",
    "penyidikan",
    "penuntutan",
    "pengadilan",
    "pemasyarakatan",
    "keimigrasian",
    "pengungsian",
    "perbatasan laut",
    "perdagangan senjata",
    "pencucian uang",
    "pengumpulan bukti",
    "pertahanan",
    "kepolisian",
    "kejaksaan",
    "pengendalian",
    "pengamanan",
];

/// Adjectives and adverbial phrases.
pub(crate) const ADJS: &[&str] = &[
    "strategis",
    "konkret",
    "berkelanjutan",
    "komprehensif",
    "terpadu",
    "efektif",
    "nyata",
    "erat",
    "produktif",
    "konstruktif",
    "saling menguntungkan",
    "terukur",
    "menyeluruh",
    "sinergis",
    "penting",
    "mendesak",
    "signifikan",
];

/// Headlines for related-link lines (`Baca juga:`): other news, often naming other countries.
/// `{C}` is replaced by a random country name, `{Y}` by a year.
pub(crate) const RELATED: &[&str] = &[
    "Presiden Terima Kunjungan Perdana Menteri {C} di Istana Bogor",
    "Ekspor Kopi ke {C} Naik Dua Kali Lipat",
    "Timnas Indonesia Kalahkan {C} di Laga Uji Coba",
    "Harga Minyak Dunia Naik, {C} Pangkas Produksi",
    "Gempa Magnitudo 6,1 Guncang Wilayah {C}",
    "Menparekraf Promosikan Wisata Bali di {C}",
    "Pekerja Migran Indonesia di {C} Diminta Waspada Penipuan",
    "Pemilu {C} {Y}: Partai Oposisi Unggul Sementara",
    "Bulog Impor Beras dari {C}",
    "Mahasiswa Indonesia di {C} Gelar Festival Budaya",
    "KBRI Pulangkan WNI Korban Perdagangan Orang dari {C}",
    "Investasi {C} di Kawasan Industri Batang Capai Rp5 Triliun",
];

/// Related-link headlines without a country.
pub(crate) const RELATED_PLAIN: &[&str] = &[
    "Cuaca Ekstrem Diprediksi Landa Jawa Pekan Ini",
    "Harga Cabai Rawit di Pasar Induk Turun",
    "Lima Tips Menjaga Kesehatan Saat Mudik",
    "Jadwal Lengkap Liga 1 Pekan Depan",
    "Banjir Rendam Ratusan Rumah di Kabupaten Bandung",
    "Kemenag Umumkan Jadwal Sidang Isbat",
    "Polisi Tangkap Pengedar Sabu di Pelabuhan",
];
