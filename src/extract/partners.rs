//! Partner countries and organisations. STUB.

use super::gazetteer;

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

/// Detects partners in a story (title and cleaned body). STUB: exact-name matches only.
pub fn detect(title: Option<&str>, body: &str) -> Findings {
    let mut f = Findings::default();
    for c in gazetteer::countries() {
        if c.code != "ID"
            && (body.contains(c.name_id) || title.is_some_and(|t| t.contains(c.name_id)))
        {
            f.partners.push(c.code.to_string());
            f.mentioned.push(c.code.to_string());
        }
    }
    f
}
