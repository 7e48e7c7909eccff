//! URL query parameters to a [`SearchRequest`]: the command line's options by the same names
//! (`q, country, org, year, from, to, source, sort, limit, offset, facets, match`), shared by
//! the API and the page, plus those of trends (`by, per, top, format`) and of the page
//! (`view`).

use crate::search::{MatchMode, SearchRequest, Sort};
use crate::trends::TrendBy;

use super::{ApiError, MAX_PAGE, MAX_QUERY_STRING_BYTES};

/// The parameters of one URL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Params {
    /// The search (query text, filters, page); facets on unless `facets=false`.
    pub req: SearchRequest,
    /// Trends: the dimension (`by`).
    pub by: TrendBy,
    /// Trends: how many series (`top`), when given.
    pub top: Option<usize>,
    /// Trends: `json` (default), `csv` or `svg`.
    pub format: Option<String>,
    /// Page: `tren` for the trends view.
    pub view: Option<String>,
    /// Names not known (the API refuses them; the page ignores them).
    pub unknown: Vec<String>,
}

impl Params {
    /// Parses a raw query string (without the `?`). Errors name the parameter.
    pub fn parse(raw: &str) -> Result<Params, ApiError> {
        if raw.len() > MAX_QUERY_STRING_BYTES {
            return Err(ApiError::bad_request(format!(
                "query string too long ({} bytes; the limit is {MAX_QUERY_STRING_BYTES})",
                raw.len()
            )));
        }
        let mut p = Params {
            req: SearchRequest {
                facets: true,
                ..SearchRequest::default()
            },
            by: TrendBy::default(),
            top: None,
            format: None,
            view: None,
            unknown: Vec::new(),
        };
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let value = value.trim();
            // An empty field of a form is no value.
            if value.is_empty() && key != "q" && key != "query" {
                continue;
            }
            let r = &mut p.req;
            match &*key {
                "q" | "query" => r.query = value.to_string(),
                "country" => r.countries.push(value.to_string()),
                "org" => r.orgs.push(value.to_string()),
                "year" => r.year = Some(number(&key, value)?),
                "from" => r.year_from = Some(number(&key, value)?),
                "to" => r.year_to = Some(number(&key, value)?),
                "source" => r.source = Some(value.to_string()),
                "sort" => r.sort = Some(value.parse::<Sort>().map_err(ApiError::from)?),
                "limit" => {
                    let limit: usize = number(&key, value)?;
                    if limit > MAX_PAGE {
                        return Err(ApiError::bad_request(format!(
                            "limit {limit} is above the server's maximum of {MAX_PAGE}"
                        )));
                    }
                    r.limit = limit;
                }
                "offset" => r.offset = number(&key, value)?,
                "facets" => r.facets = boolean(&key, value)?,
                "snippets" => r.snippets = boolean(&key, value)?,
                "match" => r.match_mode = value.parse::<MatchMode>().map_err(ApiError::from)?,
                "by" => p.by = value.parse::<TrendBy>().map_err(ApiError::from)?,
                "per" if value == "year" || value == "tahun" => {}
                "per" => {
                    return Err(ApiError::bad_request(format!(
                        "unknown period '{value}' (trends are per year)"
                    )))
                }
                "top" => p.top = Some(number(&key, value)?),
                "format" => p.format = Some(value.to_ascii_lowercase()),
                "view" => p.view = Some(value.to_string()),
                other => p.unknown.push(other.to_string()),
            }
        }
        Ok(p)
    }

    /// Refuses the parameters that are not in `known` besides the search's own.
    pub fn refuse_unknown(&self) -> Result<(), ApiError> {
        match self.unknown.first() {
            Some(name) => Err(ApiError::bad_request(format!(
                "unknown parameter '{name}' (expected q, country, org, year, from, to, source, \
                 sort, limit, offset, facets, snippets, match; trends: by, per, top, format)"
            ))),
            None => Ok(()),
        }
    }
}

fn number<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, ApiError> {
    value.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "parameter '{key}' must be a whole number, not '{value}'"
        ))
    })
}

fn boolean(key: &str, value: &str) -> Result<bool, ApiError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" | "ya" => Ok(true),
        "0" | "false" | "no" | "off" | "tidak" => Ok(false),
        _ => Err(ApiError::bad_request(format!(
            "parameter '{key}' must be true or false, not '{value}'"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_make_the_cli_request() {
        let p = Params::parse(
            "q=kerja+sama&country=PH&country=Malaysia&from=2019&to=2022&sort=newest&limit=5&offset=10&facets=false&by=org&view=tren&zzz=1",
        )
        .unwrap();
        let r = &p.req;
        assert_eq!(r.query, "kerja sama");
        assert_eq!(r.countries, ["PH", "Malaysia"]);
        assert_eq!((r.year_from, r.year_to), (Some(2019), Some(2022)));
        assert_eq!(
            (r.sort, r.limit, r.offset, r.facets),
            (Some(Sort::Newest), 5, 10, false)
        );
        assert_eq!(p.by, TrendBy::Org);
        assert_eq!(p.view.as_deref(), Some("tren"));
        assert!(p.refuse_unknown().is_err());
    }

    #[test]
    fn empty_form_fields_are_no_value_and_bad_values_say_which() {
        let p = Params::parse("q=&from=&to=&sort=&country=").unwrap();
        assert_eq!(p.req.year_from, None);
        assert!(p.req.countries.is_empty());
        assert!(p.req.facets, "facets by default, as with --json");
        assert!(p.refuse_unknown().is_ok());
        for bad in [
            "year=abc",
            "limit=-1",
            "sort=best",
            "facets=maybe",
            "per=month",
            "by=year",
        ] {
            assert!(Params::parse(bad).is_err(), "{bad}");
        }
        let err = Params::parse("limit=5000").unwrap_err();
        assert!(err.message.contains("maximum"));
        assert!(Params::parse(&"q=a".repeat(20_000)).is_err());
    }
}
