//! Metadata from scraped article text: cleaning, title, source, dateline, date, partners.
//!
//! STUB orchestration (to be replaced by the extraction work).

pub mod clean;
pub mod dates;
pub mod gazetteer;
pub mod partners;

use crate::article::Metadata;

/// The result of extracting one article's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The story text, cleaned of site chrome, related-link lines and credits.
    pub body: String,
    /// Everything that could be extracted.
    pub meta: Metadata,
}

/// Extracts metadata from the raw text of one scraped article (`url` helps with source and date).
pub fn extract(raw: &str, url: Option<&str>) -> Extracted {
    let _ = url;
    let body = raw.trim().to_string();
    let found = partners::detect(None, &body);
    Extracted {
        body,
        meta: Metadata {
            partners: found.partners,
            partner_orgs: found.partner_orgs,
            mentioned_countries: found.mentioned,
            ..Metadata::default()
        },
    }
}
