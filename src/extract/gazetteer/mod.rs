//! Countries and international organisations. STUB with a handful of entries.

/// A country of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// Indonesian name (`Filipina`).
    pub name_id: &'static str,
    /// English name (`Philippines`).
    pub name_en: &'static str,
    /// UN M49 region slug (`asia`).
    pub region: &'static str,
    /// UN M49 sub-region slug (`south-eastern-asia`).
    pub subregion: &'static str,
}

/// An international organisation of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Org {
    /// Short code (`UNOCT`).
    pub code: &'static str,
    /// Indonesian name.
    pub name_id: &'static str,
    /// English name.
    pub name_en: &'static str,
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "ID",
        name_id: "Indonesia",
        name_en: "Indonesia",
        region: "asia",
        subregion: "south-eastern-asia",
    },
    Country {
        code: "PH",
        name_id: "Filipina",
        name_en: "Philippines",
        region: "asia",
        subregion: "south-eastern-asia",
    },
    Country {
        code: "MY",
        name_id: "Malaysia",
        name_en: "Malaysia",
        region: "asia",
        subregion: "south-eastern-asia",
    },
    Country {
        code: "AU",
        name_id: "Australia",
        name_en: "Australia",
        region: "oceania",
        subregion: "australia-and-new-zealand",
    },
    Country {
        code: "CN",
        name_id: "Tiongkok",
        name_en: "China",
        region: "asia",
        subregion: "eastern-asia",
    },
    Country {
        code: "GB",
        name_id: "Inggris",
        name_en: "United Kingdom",
        region: "europe",
        subregion: "northern-europe",
    },
    Country {
        code: "US",
        name_id: "Amerika Serikat",
        name_en: "United States",
        region: "americas",
        subregion: "northern-america",
    },
];

const ORGS: &[Org] = &[
    Org {
        code: "UN",
        name_id: "Perserikatan Bangsa-Bangsa",
        name_en: "United Nations",
    },
    Org {
        code: "ASEAN",
        name_id: "ASEAN",
        name_en: "Association of Southeast Asian Nations",
    },
];

/// Every country of the gazetteer.
pub fn countries() -> &'static [Country] {
    COUNTRIES
}

/// Every organisation of the gazetteer.
pub fn orgs() -> &'static [Org] {
    ORGS
}

/// The country with this ISO code (case-insensitive).
pub fn country(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// The organisation with this code (case-insensitive).
pub fn org(code: &str) -> Option<&'static Org> {
    ORGS.iter().find(|o| o.code.eq_ignore_ascii_case(code))
}

/// Resolves any name, alias or code of a country (case-insensitive): `Inggris`, `UK`, `GB`,
/// `Britania Raya`, `United Kingdom` all give GB.
pub fn resolve_country(name: &str) -> Option<&'static Country> {
    let n = name.trim();
    COUNTRIES.iter().find(|c| {
        c.code.eq_ignore_ascii_case(n)
            || c.name_id.eq_ignore_ascii_case(n)
            || c.name_en.eq_ignore_ascii_case(n)
    })
}

/// Resolves any name, alias or code of an organisation (case-insensitive).
pub fn resolve_org(name: &str) -> Option<&'static Org> {
    let n = name.trim();
    ORGS.iter().find(|o| {
        o.code.eq_ignore_ascii_case(n)
            || o.name_id.eq_ignore_ascii_case(n)
            || o.name_en.eq_ignore_ascii_case(n)
    })
}

/// A region or sub-region, for facet drill-down: resolves `Asia`, `Asia Tenggara`,
/// `South-Eastern Asia`, `Eropa` ... to a facet path prefix like `/asia/south-eastern-asia`.
pub fn resolve_region(name: &str) -> Option<String> {
    let n = name.trim().to_lowercase();
    COUNTRIES.iter().find_map(|c| {
        if c.region == n {
            Some(format!("/{}", c.region))
        } else if c.subregion == n {
            Some(format!("/{}/{}", c.region, c.subregion))
        } else {
            None
        }
    })
}

/// The closest known country names to `name`, best first, at most `n`.
pub fn suggest_countries(name: &str, n: usize) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = COUNTRIES
        .iter()
        .flat_map(|c| [c.name_id, c.name_en])
        .map(|s| {
            (
                strsim::jaro_winkler(&name.to_lowercase(), &s.to_lowercase()),
                s,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(n)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// The closest known organisation names to `name`, best first, at most `n`.
pub fn suggest_orgs(name: &str, n: usize) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = ORGS
        .iter()
        .flat_map(|o| [o.code, o.name_id, o.name_en])
        .map(|s| {
            (
                strsim::jaro_winkler(&name.to_lowercase(), &s.to_lowercase()),
                s,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(n)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// The hierarchical facet path of a country: `/asia/south-eastern-asia/PH`.
pub fn facet_path(country: &Country) -> String {
    format!("/{}/{}/{}", country.region, country.subregion, country.code)
}
