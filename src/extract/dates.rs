//! Indonesian dates and publication-year inference. STUB.

use chrono::NaiveDate;

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
    /// The year.
    pub year: i32,
    /// Human-readable evidence (`"header line 'Minggu, 11 September 2022'"`).
    pub evidence: String,
}

/// Infers the publication date. STUB: never finds one.
pub fn infer(input: &DateInput<'_>) -> Option<Published> {
    let _ = input;
    None
}
