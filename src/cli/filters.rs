//! The filters `search` and `trends` share: partner countries, mentioned countries,
//! organisations, year or year range, publisher.

use clap::Args;
use telusur::SearchRequest;

/// Filter options, flattened into the commands that search.
#[derive(Debug, Args)]
pub struct Filters {
    /// Partner country or region, any name or code (Filipina, Philippines, PH, Asia Tenggara);
    /// repeatable.
    #[arg(long = "country", value_name = "COUNTRY")]
    pub countries: Vec<String>,
    /// Country or region the article mentions, partner or not (Filipina, PH, Asia Tenggara);
    /// repeatable.
    #[arg(long = "mentions", value_name = "COUNTRY")]
    pub mentions: Vec<String>,
    /// Partner organisation (ASEAN, UNOCT, ...); repeatable.
    #[arg(long = "org", value_name = "ORG")]
    pub orgs: Vec<String>,
    /// Publication year.
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// First publication year (inclusive).
    #[arg(long)]
    pub from: Option<i32>,
    /// Last publication year (inclusive).
    #[arg(long)]
    pub to: Option<i32>,
    /// Publisher (case does not matter).
    #[arg(long)]
    pub source: Option<String>,
}

impl Filters {
    /// `req` with these filters set.
    pub fn apply(&self, req: SearchRequest) -> SearchRequest {
        SearchRequest {
            countries: self.countries.clone(),
            mentions: self.mentions.clone(),
            orgs: self.orgs.clone(),
            year: self.year,
            year_from: self.from,
            year_to: self.to,
            source: self.source.clone(),
            ..req
        }
    }
}
