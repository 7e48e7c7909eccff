//! International organisations and regions, hand-written by the telusur authors.
//!
//! Aliases with `PBB` are also matched with `PBB` spelled out (`Perserikatan Bangsa-Bangsa`,
//! `Persatuan Bangsa-Bangsa`), and every hyphenated alias also with a space: see
//! [`super::expand_alias`].

use super::Org;

macro_rules! org {
    ($code:expr, $id:expr, $en:expr, $parent:expr, [$($a:expr),* $(,)?]) => {
        Org { code: $code, name_id: $id, name_en: $en, parent: $parent, aliases: &[$($a),*] }
    };
}

/// Every organisation, UN first, then alphabetical by code.
pub(super) const ORGS: &[Org] = &[
    org!(
        "UN",
        "Perserikatan Bangsa-Bangsa",
        "United Nations",
        None,
        ["PBB", "Persatuan Bangsa-Bangsa", "UN", "U.N."]
    ),
    org!(
        "UNOCT",
        "Kantor Kontra Terorisme PBB",
        "United Nations Office of Counter-Terrorism",
        Some("UN"),
        [
            "Kantor Penanggulangan Terorisme PBB",
            "Kantor Kontraterorisme PBB",
            "Kantor PBB untuk Kontra Terorisme",
            "Kantor PBB untuk Penanggulangan Terorisme",
            "United Nations Office of Counter Terrorism",
            "UN Office of Counter-Terrorism",
            "UN Office of Counter Terrorism",
            "UN Counter-Terrorism Office",
            "UNOCT",
            "UN OCT"
        ]
    ),
    org!(
        "UNCCT",
        "Pusat Kontra Terorisme PBB",
        "United Nations Counter-Terrorism Centre",
        Some("UN"),
        [
            "UN Counter-Terrorism Centre",
            "UN Counter-Terrorism Center",
            "United Nations Counter-Terrorism Center",
            "UNCCT"
        ]
    ),
    org!(
        "CTED",
        "Direktorat Eksekutif Komite Kontra-Terorisme PBB",
        "Counter-Terrorism Committee Executive Directorate",
        Some("UN"),
        [
            "UN CTED",
            "UNCTED",
            "CTED",
            "Komite Kontra-Terorisme PBB",
            "Counter-Terrorism Committee",
            "UN Counter-Terrorism Committee"
        ]
    ),
    org!(
        "UNODC",
        "Kantor PBB untuk Urusan Narkoba dan Kejahatan",
        "United Nations Office on Drugs and Crime",
        Some("UN"),
        [
            "UN Office on Drugs and Crime",
            "Badan PBB untuk Urusan Narkoba dan Kejahatan",
            "UNODC"
        ]
    ),
    org!(
        "UNDP",
        "Program Pembangunan PBB",
        "United Nations Development Programme",
        Some("UN"),
        [
            "Badan Program Pembangunan PBB",
            "UN Development Programme",
            "United Nations Development Program",
            "UNDP"
        ]
    ),
    org!(
        "UNSC",
        "Dewan Keamanan PBB",
        "United Nations Security Council",
        Some("UN"),
        ["DK PBB", "DK-PBB", "UN Security Council", "UNSC"]
    ),
    org!(
        "UNGA",
        "Majelis Umum PBB",
        "United Nations General Assembly",
        Some("UN"),
        ["Sidang Umum PBB", "UN General Assembly", "UNGA"]
    ),
    org!(
        "UNHCR",
        "Badan Pengungsi PBB",
        "UN Refugee Agency",
        Some("UN"),
        [
            "Komisariat Tinggi PBB untuk Pengungsi",
            "United Nations High Commissioner for Refugees",
            "UNHCR"
        ]
    ),
    org!(
        "UNICEF",
        "Dana Anak-Anak PBB",
        "United Nations Children's Fund",
        Some("UN"),
        ["Badan PBB untuk Anak-Anak", "UNICEF", "Unicef"]
    ),
    org!(
        "UNWOMEN",
        "UN Women",
        "UN Women",
        Some("UN"),
        ["Badan PBB untuk Perempuan"]
    ),
    org!(
        "UNESCO",
        "Organisasi Pendidikan, Keilmuan, dan Kebudayaan PBB",
        "United Nations Educational, Scientific and Cultural Organization",
        Some("UN"),
        ["UNESCO", "Unesco"]
    ),
    org!(
        "UNFPA",
        "Dana Kependudukan PBB",
        "United Nations Population Fund",
        Some("UN"),
        ["UNFPA"]
    ),
    org!(
        "UNICRI",
        "Institut Penelitian Kejahatan dan Keadilan Antarkawasan PBB",
        "United Nations Interregional Crime and Justice Research Institute",
        Some("UN"),
        ["UNICRI"]
    ),
    org!(
        "UNITAR",
        "Institut PBB untuk Pelatihan dan Penelitian",
        "United Nations Institute for Training and Research",
        Some("UN"),
        ["UNITAR"]
    ),
    org!(
        "OHCHR",
        "Kantor Komisaris Tinggi PBB untuk Hak Asasi Manusia",
        "Office of the United Nations High Commissioner for Human Rights",
        Some("UN"),
        ["OHCHR", "Komisaris Tinggi HAM PBB"]
    ),
    org!(
        "IOM",
        "Organisasi Internasional untuk Migrasi",
        "International Organization for Migration",
        Some("UN"),
        ["International Organisation for Migration", "IOM"]
    ),
    org!(
        "APEC",
        "Kerja Sama Ekonomi Asia-Pasifik",
        "Asia-Pacific Economic Cooperation",
        None,
        ["Kerja Sama Ekonomi Asia Pasifik", "APEC"]
    ),
    org!(
        "APG",
        "Kelompok Asia/Pasifik tentang Pencucian Uang",
        "Asia/Pacific Group on Money Laundering",
        None,
        [
            "Asia Pacific Group on Money Laundering",
            "Asia-Pacific Group on Money Laundering",
            "APG"
        ]
    ),
    org!(
        "ARF",
        "Forum Regional ASEAN",
        "ASEAN Regional Forum",
        Some("ASEAN"),
        ["ARF"]
    ),
    org!(
        "ASEAN",
        "Perhimpunan Bangsa-Bangsa Asia Tenggara",
        "Association of Southeast Asian Nations",
        None,
        [
            "ASEAN",
            "Asean",
            "Association of South East Asian Nations",
            // ASEAN's meetings are ASEAN as a counterpart (the labels of every set code them
            // so, and an analyst filters by the organisation, not by the meeting's format).
            "ASEAN Ministerial Meeting on Transnational Crime",
            "Pertemuan Tingkat Menteri ASEAN tentang Kejahatan Lintas Negara",
            "AMMTC",
            "SOMTC",
            "Senior Officials Meeting on Transnational Crime",
            "ASEAN Defence Ministers' Meeting",
            "Pertemuan Menteri Pertahanan ASEAN",
            "ASEAN Defence Ministers Meeting",
            "ASEAN Defense Ministers' Meeting",
            "ADMM",
            "ADMM-Plus",
            "ADMM Plus"
        ]
    ),
    org!(
        "ASEANAPOL",
        "Kepala Kepolisian Negara-Negara ASEAN",
        "ASEAN Chiefs of Police",
        Some("ASEAN"),
        ["ASEANAPOL", "Aseanapol", "ASEAN National Police"]
    ),
    org!(
        "MSG",
        "Kelompok Ujung Tombak Melanesia",
        "Melanesian Spearhead Group",
        None,
        // Not `MSG` alone: in Indonesian news that is mostly monosodium glutamate.
        ["Melanesian Spearhead Group"]
    ),
    org!(
        "EGMONT",
        "Kelompok Egmont",
        "Egmont Group",
        None,
        ["Egmont Group of Financial Intelligence Units"]
    ),
    org!(
        "EU",
        "Uni Eropa",
        "European Union",
        None,
        ["UE", "EU", "Uni-Eropa"]
    ),
    org!(
        "EUROPOL",
        "Europol",
        "European Union Agency for Law Enforcement Cooperation",
        None,
        ["EUROPOL"]
    ),
    org!(
        "FATF",
        "Gugus Tugas Aksi Keuangan",
        "Financial Action Task Force",
        None,
        [
            "Satuan Tugas Aksi Keuangan",
            "Financial Action Task Force on Money Laundering",
            "FATF"
        ]
    ),
    org!(
        "G20",
        "Kelompok 20",
        "Group of Twenty",
        None,
        ["G20", "G-20", "Group of 20"]
    ),
    org!(
        "GCERF",
        "Global Community Engagement and Resilience Fund",
        "Global Community Engagement and Resilience Fund",
        None,
        ["GCERF"]
    ),
    org!(
        "GCC",
        "Dewan Kerja Sama Teluk",
        "Gulf Cooperation Council",
        None,
        [
            "Dewan Kerjasama Teluk",
            "Dewan Kerja Sama Negara-Negara Teluk",
            "Cooperation Council for the Arab States of the Gulf",
            "GCC"
        ]
    ),
    org!(
        "GCTF",
        "Forum Global Penanggulangan Terorisme",
        "Global Counterterrorism Forum",
        None,
        [
            "Forum Global Kontra Terorisme",
            "Forum Kontra-Terorisme Global",
            "Global Counter-Terrorism Forum",
            "Global Counter Terrorism Forum",
            "GCTF"
        ]
    ),
    org!(
        "GIFCT",
        "Global Internet Forum to Counter Terrorism",
        "Global Internet Forum to Counter Terrorism",
        None,
        ["GIFCT"]
    ),
    org!(
        "HEDAYAH",
        "Hedayah",
        "Hedayah International Center of Excellence for Countering Violent Extremism",
        None,
        ["Hedayah Center", "Hedayah Centre"]
    ),
    org!(
        "INTERPOL",
        "Organisasi Polisi Kriminal Internasional",
        "International Criminal Police Organization",
        None,
        ["INTERPOL", "Interpol", "ICPO-Interpol", "ICPO"]
    ),
    org!(
        "IORA",
        "Asosiasi Negara-Negara Lingkar Samudra Hindia",
        "Indian Ocean Rim Association",
        None,
        [
            "Asosiasi Lingkar Samudra Hindia",
            "Asosiasi Negara Lingkar Samudera Hindia",
            "IORA"
        ]
    ),
    org!("MIKTA", "MIKTA", "MIKTA", None, []),
    org!(
        "NATO",
        "Pakta Pertahanan Atlantik Utara",
        "North Atlantic Treaty Organization",
        None,
        ["NATO", "North Atlantic Treaty Organisation"]
    ),
    org!(
        "OIC",
        "Organisasi Kerja Sama Islam",
        "Organisation of Islamic Cooperation",
        None,
        [
            "Organisasi Kerjasama Islam",
            "Organisasi Konferensi Islam",
            "OKI",
            "Organization of Islamic Cooperation",
            "Organisation of the Islamic Conference",
            "OIC"
        ]
    ),
    // The Red Cross movement's international committee.
    org!(
        "ICRC",
        "Komite Internasional Palang Merah",
        "International Committee of the Red Cross",
        None,
        ["ICRC", "Komite Palang Merah Internasional"]
    ),
];

/// National agencies that stand for their country in the news: the main donors of
/// counterterrorism and prevention programmes in Indonesia (`USAID` funds a programme: the
/// United States is the counterpart). Names in running text only, not typed names.
pub(super) const NATIONAL_AGENCIES: &[(&str, &str)] = &[
    ("USAID", "US"),
    ("U.S. Agency for International Development", "US"),
    ("DFAT", "AU"),
    ("Department of Foreign Affairs and Trade", "AU"),
    ("JICA", "JP"),
    ("Japan International Cooperation Agency", "JP"),
    ("KOICA", "KR"),
    ("GIZ", "DE"),
    ("FCDO", "GB"),
    ("Foreign, Commonwealth and Development Office", "GB"),
    // Earlier names of the same donors, and others of prevention programmes.
    ("AusAID", "AU"),
    ("DFID", "GB"),
    ("Department for International Development", "GB"),
    ("Global Affairs Canada", "CA"),
    ("NORAD", "NO"),
    ("Norad", "NO"),
    ("Danida", "DK"),
    ("DANIDA", "DK"),
    // Police and intelligence agencies met as Indonesia's counterpart under their own names
    // (`Polri menggelar pertemuan dengan Australian Federal Police`). Not the bare `AFP`: it
    // is as often the French news agency.
    ("Australian Federal Police", "AU"),
    ("AUSTRAC", "AU"),
    ("Australian Transaction Reports and Analysis Centre", "AU"),
    ("Australian Transaction Report and Analysis Center", "AU"),
    ("Australian Transaction Reports and Analysis Center", "AU"),
    ("FinCEN", "US"),
    ("Financial Crimes Enforcement Network", "US"),
    ("Federal Bureau of Investigation", "US"),
    ("FBI", "US"),
    ("Central Intelligence Agency", "US"),
    ("CIA", "US"),
    ("Bundeskriminalamt", "DE"),
    ("Royal Malaysia Police", "MY"),
    ("PDRM", "MY"),
    ("Philippine National Police", "PH"),
];

/// Regions: names (Indonesian and English) → facet prefix. `None` marks a name that is not a
/// facet but must shadow a country alias inside it in running text (`Amerika Latin`, `Laut
/// China Selatan`, the hotel brand `Swiss-Bel...`: a shadowing pattern works even when its own
/// match is then dropped for lack of a word boundary).
pub(super) const REGIONS: &[(&[&str], Option<&str>)] = &[
    (&["Afrika", "Africa", "Benua Afrika"], Some("/africa")),
    (
        &["Afrika Utara", "Northern Africa", "North Africa"],
        Some("/africa/northern-africa"),
    ),
    (
        &["Afrika Timur", "Eastern Africa", "East Africa"],
        Some("/africa/eastern-africa"),
    ),
    (
        &["Afrika Tengah", "Middle Africa", "Central Africa"],
        Some("/africa/middle-africa"),
    ),
    (
        &["Afrika Bagian Selatan", "Southern Africa"],
        Some("/africa/southern-africa"),
    ),
    (
        &["Afrika Barat", "Western Africa", "West Africa"],
        Some("/africa/western-africa"),
    ),
    (
        &["Benua Amerika", "Americas", "the Americas"],
        Some("/americas"),
    ),
    (
        &["Karibia", "Kepulauan Karibia", "Caribbean"],
        Some("/americas/caribbean"),
    ),
    (
        &["Amerika Tengah", "Central America"],
        Some("/americas/central-america"),
    ),
    (
        &["Amerika Selatan", "South America"],
        Some("/americas/south-america"),
    ),
    (
        &["Amerika Utara", "Northern America", "North America"],
        Some("/americas/northern-america"),
    ),
    (
        &["Antarktika", "Antartika", "Antarctica"],
        Some("/antarctica"),
    ),
    (&["Asia", "Benua Asia"], Some("/asia")),
    (&["Asia Tengah", "Central Asia"], Some("/asia/central-asia")),
    (
        &["Asia Timur", "Eastern Asia", "East Asia"],
        Some("/asia/eastern-asia"),
    ),
    (
        &[
            "Asia Tenggara",
            "South-Eastern Asia",
            "Southeast Asia",
            "South East Asia",
        ],
        Some("/asia/south-eastern-asia"),
    ),
    (
        &["Asia Selatan", "Southern Asia", "South Asia"],
        Some("/asia/southern-asia"),
    ),
    (
        &[
            "Asia Barat",
            "Timur Tengah",
            "Western Asia",
            "West Asia",
            "Middle East",
        ],
        Some("/asia/western-asia"),
    ),
    (&["Eropa", "Europe", "Benua Eropa"], Some("/europe")),
    (
        &["Eropa Timur", "Eastern Europe"],
        Some("/europe/eastern-europe"),
    ),
    (
        &[
            "Eropa Utara",
            "Northern Europe",
            "Skandinavia",
            "Scandinavia",
        ],
        Some("/europe/northern-europe"),
    ),
    (
        &["Eropa Selatan", "Southern Europe"],
        Some("/europe/southern-europe"),
    ),
    (
        &["Eropa Barat", "Western Europe"],
        Some("/europe/western-europe"),
    ),
    (&["Oseania", "Oceania"], Some("/oceania")),
    (
        &[
            "Australasia",
            "Australia dan Selandia Baru",
            "Australia and New Zealand",
        ],
        Some("/oceania/australia-and-new-zealand"),
    ),
    (&["Melanesia"], Some("/oceania/melanesia")),
    (&["Polinesia", "Polynesia"], Some("/oceania/polynesia")),
    (&["Mikronesia", "Micronesia"], Some("/oceania/micronesia")),
    (
        &[
            "Amerika Latin",
            "Latin America",
            "Asia Pasifik",
            "Asia-Pasifik",
            "Asia Pacific",
            "Asia-Pacific",
            "Indo-Pasifik",
            "Indo Pasifik",
            "Indo-Pacific",
            "Semenanjung Korea",
            "Korean Peninsula",
            "Semenanjung Arab",
            "Jazirah Arab",
            "Teluk Persia",
            "Laut China Selatan",
            "Laut Cina Selatan",
            "Laut Tiongkok Selatan",
            "South China Sea",
            "Laut China Timur",
            "Laut Cina Timur",
            "Timur Jauh",
            "Eropa Tengah",
            "Central Europe",
            "Asia-Afrika",
            "Asia Afrika",
            "Konferensi Asia Afrika",
            "Papua Barat",
            "Swiss-Bel",
            "Timor Barat",
            "Selat Malaka",
            "Laut Sulawesi",
            "Laut Sulu",
            "Guinea Baru",
            // The Islamic State's name spelt out names no country (LABELLING.md: agreed).
            "Negara Islam Irak dan Suriah",
            "Negara Islam di Irak dan Suriah",
            "Negara Islam Irak dan Syam",
            "Negara Islam Irak dan Levant",
            "Islamic State of Iraq and Syria",
            "Islamic State in Iraq and Syria",
            "Islamic State of Iraq and the Levant",
            "Islamic State of Iraq and Levant",
            // Newspapers named after their country: a source cited, not the country named.
            "Utusan Malaysia",
            "South China Morning Post",
            "China Daily",
            "Philippine Daily Inquirer",
            "Philippine Star",
            "Japan Times",
            "Korea Herald",
            "Korea Times",
            "Times of India",
            "Saudi Gazette",
        ],
        None,
    ),
];
