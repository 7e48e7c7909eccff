//! The search page, rendered on the server: search box, disjunctive facets, year range,
//! sort, hits with highlighted snippets, paging, the trends chart, and the article view.
//! Every state is in the URL; `assets/app.js` only makes the same links and forms instant.

use std::fmt::Write as _;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::html::{marked, safe_href, Esc};
use super::params::Params;
use super::{ApiError, AppState};
use crate::article::Article;
use crate::extract::gazetteer;
use crate::limits::MAX_OFFSET;
use crate::search::{FacetCount, Facets, Hit, SearchRequest, SearchResults, Sort};
use crate::trends::{TrendBy, Trends};

/// Series in the page's chart.
const CHART_TOP: usize = 6;

/// The state of the page, as its URL holds it.
#[derive(Debug, Clone, PartialEq)]
struct UrlState {
    q: String,
    countries: Vec<String>,
    orgs: Vec<String>,
    from: Option<i32>,
    to: Option<i32>,
    source: Option<String>,
    sort: Option<Sort>,
    limit: usize,
    offset: usize,
    trends: bool,
    by: TrendBy,
}

impl UrlState {
    fn from_params(p: &Params) -> UrlState {
        let r = &p.req;
        // A single year is the range of that year, so that the range control shows it.
        let (from, to) = match r.year {
            Some(y) => (Some(y), Some(y)),
            None => (r.year_from, r.year_to),
        };
        UrlState {
            q: r.query.clone(),
            countries: r.countries.clone(),
            orgs: r.orgs.clone(),
            from,
            to,
            source: r.source.clone(),
            sort: r.sort,
            limit: r.limit.clamp(1, 100),
            offset: r.offset,
            trends: p.view.as_deref() == Some("tren"),
            by: p.by,
        }
    }

    fn request(&self) -> SearchRequest {
        SearchRequest {
            query: self.q.clone(),
            countries: self.countries.clone(),
            orgs: self.orgs.clone(),
            year_from: self.from,
            year_to: self.to,
            source: self.source.clone(),
            sort: self.sort,
            limit: if self.trends { 0 } else { self.limit },
            offset: if self.trends { 0 } else { self.offset },
            facets: true,
            ..SearchRequest::default()
        }
    }

    /// The URL of this state: `path` and the query string, defaults left out.
    fn href(&self, path: &str) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        for c in &self.countries {
            s.append_pair("country", c);
        }
        for o in &self.orgs {
            s.append_pair("org", o);
        }
        if let Some(y) = self.from {
            s.append_pair("from", &y.to_string());
        }
        if let Some(y) = self.to {
            s.append_pair("to", &y.to_string());
        }
        if let Some(src) = &self.source {
            s.append_pair("source", src);
        }
        if let Some(sort) = self.sort {
            s.append_pair("sort", sort.as_str());
        }
        if self.limit != 10 {
            s.append_pair("limit", &self.limit.to_string());
        }
        if self.offset > 0 {
            s.append_pair("offset", &self.offset.to_string());
        }
        if self.trends {
            s.append_pair("view", "tren");
            if self.by != TrendBy::Country {
                s.append_pair("by", self.by.as_str());
            }
        }
        let qs = s.finish();
        if qs.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{qs}")
        }
    }

    /// This state changed by `f`, back on the first page.
    fn with(&self, f: impl FnOnce(&mut UrlState)) -> UrlState {
        let mut s = self.clone();
        s.offset = 0;
        f(&mut s);
        s
    }

    fn country_selected(&self, code: &str) -> bool {
        self.countries.iter().any(|c| {
            gazetteer::resolve_country(c).is_some_and(|k| k.code == code)
                || c.eq_ignore_ascii_case(code)
        })
    }

    fn org_selected(&self, code: &str) -> bool {
        self.orgs.iter().any(|o| {
            gazetteer::resolve_org(o).is_some_and(|k| k.code == code)
                || o.eq_ignore_ascii_case(code)
        })
    }

    fn source_selected(&self, key: &str) -> bool {
        self.source
            .as_deref()
            .is_some_and(|s| s.trim().trim_matches('/').eq_ignore_ascii_case(key))
    }

    fn year_selected(&self, year: i32) -> bool {
        self.from == Some(year) && self.to == Some(year)
    }

    fn toggle_country(&self, code: &str) -> UrlState {
        let on = self.country_selected(code);
        self.with(|s| {
            if on {
                s.countries.retain(|c| {
                    !(gazetteer::resolve_country(c).is_some_and(|k| k.code == code)
                        || c.eq_ignore_ascii_case(code))
                });
            } else {
                s.countries.push(code.to_string());
            }
        })
    }

    fn toggle_org(&self, code: &str) -> UrlState {
        let on = self.org_selected(code);
        self.with(|s| {
            if on {
                s.orgs.retain(|o| {
                    !(gazetteer::resolve_org(o).is_some_and(|k| k.code == code)
                        || o.eq_ignore_ascii_case(code))
                });
            } else {
                s.orgs.push(code.to_string());
            }
        })
    }

    fn toggle_source(&self, key: &str) -> UrlState {
        let on = self.source_selected(key);
        self.with(|s| s.source = (!on).then(|| key.to_string()))
    }

    fn toggle_year(&self, year: i32) -> UrlState {
        let on = self.year_selected(year);
        self.with(|s| {
            let y = (!on).then_some(year);
            (s.from, s.to) = (y, y);
        })
    }

    /// The articles behind one bar of the chart: that key alone, that year, as a list.
    fn bar(&self, by: TrendBy, key: &str, year: Option<i32>) -> UrlState {
        self.with(|s| {
            match by {
                TrendBy::Country => s.countries = vec![key.to_string()],
                TrendBy::Org => s.orgs = vec![key.to_string()],
                TrendBy::Source => s.source = Some(key.to_string()),
            }
            if let Some(y) = year {
                (s.from, s.to) = (Some(y), Some(y));
            }
            s.trends = false;
        })
    }
}

/// A page's HTML response with its status.
fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The document around `body`.
fn document(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"icon\" href=\"data:,\">\
         <link rel=\"stylesheet\" href=\"/assets/app.css\">\
         <script src=\"/assets/app.js\" defer></script></head>\
         <body>{body}</body></html>\n",
        Esc(title)
    )
}

/// Thousands with dots, as Indonesian writes them: 12.345.
fn num(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

const MONTHS: [&str; 12] = [
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

fn date_id(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

fn region_name(key: &str) -> String {
    match key {
        "asia" => "Asia".into(),
        "europe" => "Eropa".into(),
        "africa" => "Afrika".into(),
        "americas" => "Amerika".into(),
        "oceania" => "Oseania".into(),
        other => other.replace('-', " "),
    }
}

/// The header with the search form: the query, the filters as hidden fields, the year
/// range and the order.
fn header_form(st: &UrlState) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<header class=\"top\"><a class=\"brand\" href=\"/\">telusur</a>\
         <form class=\"search\" action=\"/\" method=\"get\" role=\"search\">\
         <div class=\"box\"><input type=\"search\" name=\"q\" value=\"{}\" \
         placeholder=\"Cari berita, mis. BNPT Tiongkok\" aria-label=\"Kata kunci\" autocomplete=\"off\">\
         <button type=\"submit\">Cari</button></div>",
        Esc(&st.q)
    );
    for c in &st.countries {
        let _ = write!(
            h,
            "<input type=\"hidden\" name=\"country\" value=\"{}\">",
            Esc(c)
        );
    }
    for o in &st.orgs {
        let _ = write!(
            h,
            "<input type=\"hidden\" name=\"org\" value=\"{}\">",
            Esc(o)
        );
    }
    if let Some(s) = &st.source {
        let _ = write!(
            h,
            "<input type=\"hidden\" name=\"source\" value=\"{}\">",
            Esc(s)
        );
    }
    if st.trends {
        let _ = write!(h, "<input type=\"hidden\" name=\"view\" value=\"tren\">");
        if st.by != TrendBy::Country {
            let _ = write!(h, "<input type=\"hidden\" name=\"by\" value=\"{}\">", st.by);
        }
    }
    if st.limit != 10 {
        let _ = write!(
            h,
            "<input type=\"hidden\" name=\"limit\" value=\"{}\">",
            st.limit
        );
    }
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    let _ = write!(
        h,
        "<div class=\"controls\"><label>Tahun <input type=\"number\" name=\"from\" min=\"1900\" max=\"2100\" \
         value=\"{}\" placeholder=\"dari\" aria-label=\"Dari tahun\"></label>\
         <label>– <input type=\"number\" name=\"to\" min=\"1900\" max=\"2100\" value=\"{}\" \
         placeholder=\"sampai\" aria-label=\"Sampai tahun\"></label>\
         <label>Urutkan <select name=\"sort\">",
        year(st.from),
        year(st.to)
    );
    for (value, label) in [
        ("", "Otomatis"),
        ("relevance", "Relevansi"),
        ("newest", "Terbaru"),
        ("oldest", "Terlama"),
    ] {
        let on = st.sort.map_or("", Sort::as_str) == value;
        let _ = write!(
            h,
            "<option value=\"{value}\"{}>{label}</option>",
            if on { " selected" } else { "" }
        );
    }
    h.push_str("</select></label><noscript><button type=\"submit\">Terapkan</button></noscript></div></form></header>");
    h
}

/// One facet section: each value a link that toggles it, the selected ones marked.
fn facet_section(
    out: &mut String,
    title: &str,
    class: &str,
    counts: &[FacetCount],
    label: impl Fn(&FacetCount) -> String,
    selected: impl Fn(&FacetCount) -> bool,
    toggle: impl Fn(&FacetCount) -> String,
) {
    if counts.is_empty() {
        return;
    }
    let _ = write!(out, "<section class=\"facet {class}\"><h2>{title}</h2><ul>");
    for c in counts {
        let on = selected(c);
        let _ = write!(
            out,
            "<li><a href=\"{}\" data-key=\"{}\"{}><span class=\"name\">{}</span><span class=\"count\">{}</span></a></li>",
            Esc(&toggle(c)),
            Esc(&c.key),
            if on { " class=\"on\" aria-current=\"true\"" } else { "" },
            Esc(&label(c)),
            num(c.count)
        );
    }
    out.push_str("</ul></section>");
}

fn facets_html(st: &UrlState, f: &Facets) -> String {
    let mut out = String::from("<aside class=\"facets\" id=\"saring\" aria-label=\"Saring\">");
    let path = "/";
    facet_section(
        &mut out,
        "Negara mitra",
        "countries",
        &f.countries,
        |c| c.name.clone(),
        |c| st.country_selected(&c.key),
        |c| st.toggle_country(&c.key).href(path),
    );
    facet_section(
        &mut out,
        "Organisasi",
        "orgs",
        &f.orgs,
        |c| c.name.clone(),
        |c| st.org_selected(&c.key),
        |c| st.toggle_org(&c.key).href(path),
    );
    facet_section(
        &mut out,
        "Sumber",
        "sources",
        &f.sources,
        |c| c.name.clone(),
        |c| st.source_selected(&c.key),
        |c| st.toggle_source(&c.key).href(path),
    );
    let years: Vec<FacetCount> = f.years.iter().rev().cloned().collect();
    facet_section(
        &mut out,
        "Tahun",
        "years",
        &years,
        |c| c.name.clone(),
        |c| c.key.parse().is_ok_and(|y| st.year_selected(y)),
        |c| match c.key.parse() {
            Ok(y) => st.toggle_year(y).href(path),
            Err(_) => st.href(path),
        },
    );
    facet_section(
        &mut out,
        "Kawasan",
        "regions",
        &f.regions,
        |c| region_name(&c.key),
        |c| st.countries.iter().any(|x| x.eq_ignore_ascii_case(&c.key)),
        |c| st.toggle_country(&c.key).href(path),
    );
    out.push_str("</aside>");
    out
}

/// The active filters as chips, each with a link that removes it.
fn chips(st: &UrlState) -> String {
    let mut items: Vec<(String, String)> = Vec::new();
    for c in &st.countries {
        let name =
            gazetteer::resolve_country(c).map_or_else(|| c.clone(), |k| k.name_id.to_string());
        let rest = st.with(|s| s.countries.retain(|x| x != c));
        items.push((format!("Negara: {name}"), rest.href("/")));
    }
    for o in &st.orgs {
        let name = gazetteer::resolve_org(o).map_or_else(|| o.clone(), |k| k.name_id.to_string());
        let rest = st.with(|s| s.orgs.retain(|x| x != o));
        items.push((format!("Organisasi: {name}"), rest.href("/")));
    }
    if let Some(src) = &st.source {
        items.push((
            format!("Sumber: {src}"),
            st.with(|s| s.source = None).href("/"),
        ));
    }
    match (st.from, st.to) {
        (None, None) => {}
        (a, b) if a == b => items.push((
            format!("Tahun: {}", a.unwrap_or_default()),
            st.with(|s| (s.from, s.to) = (None, None)).href("/"),
        )),
        (a, b) => items.push((
            format!(
                "Tahun: {}–{}",
                a.map(|y| y.to_string()).unwrap_or_default(),
                b.map(|y| y.to_string()).unwrap_or_default()
            ),
            st.with(|s| (s.from, s.to) = (None, None)).href("/"),
        )),
    }
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"chips\" aria-label=\"Saringan aktif\">");
    for (label, href) in &items {
        let _ = write!(
            out,
            "<li><a href=\"{}\" title=\"Hapus saringan\">{} <span aria-hidden=\"true\">×</span></a></li>",
            Esc(href),
            Esc(label)
        );
    }
    let clear = st.with(|s| {
        s.countries.clear();
        s.orgs.clear();
        s.source = None;
        (s.from, s.to) = (None, None);
    });
    let _ = write!(
        out,
        "<li class=\"clear\"><a href=\"{}\">Hapus semua</a></li></ul>",
        Esc(&clear.href("/"))
    );
    out
}

fn tabs(st: &UrlState) -> String {
    let list = st.with(|s| s.trends = false);
    let trend = st.with(|s| s.trends = true);
    format!(
        "<nav class=\"tabs\"><a href=\"{}\"{}>Artikel</a><a href=\"{}\"{}>Tren per tahun</a></nav>",
        Esc(&list.href("/")),
        if st.trends {
            ""
        } else {
            " class=\"on\" aria-current=\"page\""
        },
        Esc(&trend.href("/")),
        if st.trends {
            " class=\"on\" aria-current=\"page\""
        } else {
            ""
        },
    )
}

fn hit_html(st: &UrlState, hit: &Hit) -> String {
    let mut out = String::from("<article class=\"hit\">");
    let title = marked(&hit.title, &hit.title_highlights);
    let _ = write!(
        out,
        "<h3><a href=\"{}\">{title}</a></h3><p class=\"meta\">",
        Esc(&st.href(&format!("/artikel/{}", urlencode(&hit.id)))),
    );
    let mut parts: Vec<String> = Vec::new();
    parts.push(format!(
        "<span class=\"src\">{}</span>",
        Esc(hit.source.as_deref().unwrap_or("sumber tidak diketahui"))
    ));
    parts.push(match (hit.published, hit.year) {
        (Some(d), _) => format!("<time datetime=\"{d}\">{}</time>", date_id(d)),
        (None, Some(y)) => format!("<time datetime=\"{y}\">{y}</time>"),
        (None, None) => "tanpa tanggal".into(),
    });
    if !hit.partner_names.is_empty() {
        parts.push(format!(
            "<span class=\"partners\">{}</span>",
            Esc(&hit.partner_names.join(", "))
        ));
    }
    if !hit.orgs.is_empty() {
        let names: Vec<String> = hit
            .orgs
            .iter()
            .map(|o| gazetteer::org(o).map_or_else(|| o.clone(), |k| k.name_id.to_string()))
            .collect();
        parts.push(format!(
            "<span class=\"orgs\">{}</span>",
            Esc(&names.join(", "))
        ));
    }
    out.push_str(&parts.join(" · "));
    out.push_str("</p>");
    if let Some(s) = &hit.snippet {
        let _ = write!(
            out,
            "<p class=\"snippet\">{}</p>",
            marked(&s.text, &s.highlights)
        );
    }
    out.push_str("</article>");
    out
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn paging(st: &UrlState, total: usize) -> String {
    if total <= st.limit {
        return String::new();
    }
    let pages = total.div_ceil(st.limit);
    let page = st.offset / st.limit + 1;
    let mut out = String::from("<nav class=\"paging\" aria-label=\"Halaman\">");
    if st.offset > 0 {
        let prev = UrlState {
            offset: st.offset.saturating_sub(st.limit),
            ..st.clone()
        };
        let _ = write!(
            out,
            "<a rel=\"prev\" href=\"{}\">« Sebelumnya</a>",
            Esc(&prev.href("/"))
        );
    }
    let _ = write!(
        out,
        "<span>Halaman {} dari {}</span>",
        num(page as u64),
        num(pages as u64)
    );
    let next = st.offset + st.limit;
    if next < total && next <= MAX_OFFSET {
        let n = UrlState {
            offset: next,
            ..st.clone()
        };
        let _ = write!(
            out,
            "<a rel=\"next\" href=\"{}\">Berikutnya »</a>",
            Esc(&n.href("/"))
        );
    }
    out.push_str("</nav>");
    out
}

fn notices(r: &SearchResults) -> String {
    let mut out = String::new();
    if let Some(rel) = &r.relaxation {
        let _ = write!(
            out,
            "<p class=\"note\">Tidak cukup artikel memuat semua kata; ditampilkan artikel yang memuat \
             sebagian kata. <span class=\"en\">({})</span></p>",
            Esc(&rel.message)
        );
    }
    for w in &r.warnings {
        let _ = write!(out, "<p class=\"note\">{}</p>", Esc(w));
    }
    out
}

fn by_label(by: TrendBy) -> &'static str {
    match by {
        TrendBy::Country => "Negara mitra",
        TrendBy::Org => "Organisasi",
        TrendBy::Source => "Sumber",
    }
}

/// The trends chart as stacked bars of links (each segment: the articles behind it), a
/// legend, the table of counts and the downloads.
fn trends_html(st: &UrlState, t: &Trends) -> String {
    let mut out = String::new();
    out.push_str("<nav class=\"by\" aria-label=\"Tren menurut\"><span>Menurut:</span>");
    for by in [TrendBy::Country, TrendBy::Org, TrendBy::Source] {
        let s = UrlState { by, ..st.clone() };
        let _ = write!(
            out,
            "<a href=\"{}\"{}>{}</a>",
            Esc(&s.href("/")),
            if by == st.by {
                " class=\"on\" aria-current=\"true\""
            } else {
                ""
            },
            by_label(by)
        );
    }
    out.push_str("</nav>");
    if t.years.is_empty() || t.series.is_empty() {
        out.push_str("<p class=\"empty\">Tidak ada artikel bertahun yang cocok.</p>");
        return out;
    }
    let sums: Vec<u64> = (0..t.years.len())
        .map(|i| t.series.iter().map(|s| s.counts[i]).sum())
        .collect();
    let top = sums.iter().copied().max().unwrap_or(1).max(1);
    let _ = write!(
        out,
        "<figure class=\"chart\" id=\"tren\"><figcaption>Artikel per tahun untuk {} {} teratas \
         (satu artikel dapat dihitung untuk beberapa {}). Klik batang untuk melihat artikelnya.</figcaption>\
         <div class=\"plot\" role=\"img\" aria-label=\"Grafik artikel per tahun\"><span class=\"ymax\">{}</span>",
        t.series.len(),
        by_label(t.by).to_lowercase(),
        by_label(t.by).to_lowercase(),
        num(top)
    );
    for (i, &year) in t.years.iter().enumerate() {
        let height = sums[i] as f64 / top as f64 * 100.0;
        let _ = write!(
            out,
            "<div class=\"col\"><div class=\"stack\" style=\"height:{height:.1}%\">"
        );
        for (k, s) in t.series.iter().enumerate() {
            let n = s.counts[i];
            if n == 0 {
                continue;
            }
            let share = n as f64 / sums[i].max(1) as f64 * 100.0;
            let _ = write!(
                out,
                "<a class=\"seg s{}\" style=\"height:{share:.1}%\" href=\"{}\" title=\"{}, {year}: {} artikel\" \
                 data-key=\"{}\" data-year=\"{year}\" data-count=\"{n}\"></a>",
                k % 10,
                Esc(&st.bar(t.by, &s.key, Some(year)).href("/")),
                Esc(&s.name),
                num(n),
                Esc(&s.key),
            );
        }
        // On a phone the century is left out ('10 for 2010), so that 16 years fit.
        let (century, rest) = if (1000..10000).contains(&year) {
            (year / 100, format!("{:02}", year % 100))
        } else {
            (0, year.to_string())
        };
        let century = if century > 0 {
            century.to_string()
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "</div><span class=\"yr\"><span class=\"cc\">{century}</span>{rest}</span></div>"
        );
    }
    out.push_str("</div><ul class=\"legend\">");
    for (k, s) in t.series.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a class=\"key s{}\" href=\"{}\"><i></i>{} <span class=\"count\">{}</span></a></li>",
            k % 10,
            Esc(&st.bar(t.by, &s.key, None).href("/")),
            Esc(&s.name),
            num(s.total)
        );
    }
    out.push_str("</ul></figure>");
    // The numbers, as a table (readable without the chart, and by a screen reader).
    out.push_str(
        "<div class=\"table-wrap\"><table class=\"counts\"><thead><tr><th scope=\"col\"></th>",
    );
    for y in &t.years {
        let _ = write!(out, "<th scope=\"col\">{y}</th>");
    }
    out.push_str("<th scope=\"col\">Jumlah</th></tr></thead><tbody>");
    for s in &t.series {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", Esc(&s.name));
        for (i, &n) in s.counts.iter().enumerate() {
            if n == 0 {
                out.push_str("<td>·</td>");
            } else {
                let _ = write!(
                    out,
                    "<td><a href=\"{}\">{}</a></td>",
                    Esc(&st.bar(t.by, &s.key, Some(t.years[i])).href("/")),
                    num(n)
                );
            }
        }
        let _ = write!(out, "<td>{}</td></tr>", num(s.total));
    }
    out.push_str("<tr class=\"all\"><th scope=\"row\">Semua artikel</th>");
    for &n in &t.totals {
        let _ = write!(out, "<td>{}</td>", num(n));
    }
    let _ = write!(
        out,
        "<td>{}</td></tr></tbody></table></div>",
        num(t.totals.iter().sum())
    );
    let api_state = UrlState {
        trends: false,
        sort: None,
        ..st.clone()
    };
    let base = api_state.href("/api/v1/trends");
    let sep = if base.contains('?') { '&' } else { '?' };
    let _ = write!(
        out,
        "<p class=\"downloads\">Unduh: <a href=\"{0}{1}by={2}&amp;top={3}&amp;format=csv\">CSV</a> · \
         <a href=\"{0}{1}by={2}&amp;top={3}\">JSON</a> · <a href=\"{0}{1}by={2}&amp;top={3}&amp;format=svg\">SVG</a></p>",
        Esc(&base),
        sep,
        st.by,
        CHART_TOP
    );
    out
}

/// What the blocking part of a page computes.
struct Found {
    results: SearchResults,
    trends: Option<Trends>,
}

fn error_box(e: &ApiError, st: &UrlState) -> String {
    let mut out = format!(
        "<div class=\"error\" role=\"alert\"><p>Pencarian tidak dapat dijalankan: {}</p>",
        Esc(&e.message)
    );
    if !e.suggestions.is_empty() {
        out.push_str("<p>Maksud Anda: ");
        let links: Vec<String> = e
            .suggestions
            .iter()
            .map(|s| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    Esc(&st.with(|x| x.countries = vec![s.clone()]).href("/")),
                    Esc(s)
                )
            })
            .collect();
        out.push_str(&links.join(", "));
        out.push_str("?</p>");
    }
    let _ = write!(out, "<p><a href=\"/\">Mulai lagi</a></p></div>");
    out
}

/// `GET /`: the search page (and the trends view with `view=tren`).
pub(crate) async fn search_page(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let params = match Params::parse(raw.as_deref().unwrap_or("")) {
        Ok(p) => p,
        Err(e) => {
            let st = UrlState::from_params(&Params::parse("").expect("empty parameters parse"));
            let body = format!(
                "<div id=\"app\">{}<main class=\"solo\">{}</main></div>",
                header_form(&st),
                error_box(&e, &st)
            );
            return html(e.status, document("telusur", &body));
        }
    };
    let st = UrlState::from_params(&params);
    let req = st.request();
    let by = st.by;
    let trends = st.trends;
    let found = s
        .run(move |e| {
            let results = e.search(&req)?;
            let trends = match trends {
                true => Some(e.trends(&req, by, CHART_TOP)?),
                false => None,
            };
            Ok(Found { results, trends })
        })
        .await;
    let title = if st.q.is_empty() {
        "telusur — berita kontraterorisme".to_string()
    } else {
        format!("{} — telusur", st.q)
    };
    let (status, inner) = match found {
        Err(e) => (
            e.status,
            format!("<main class=\"solo\">{}</main>", error_box(&e, &st)),
        ),
        Ok(Found { results, trends }) => {
            let mut m = String::new();
            m.push_str("<div class=\"layout\">");
            if let Some(f) = &results.facets {
                m.push_str(&facets_html(&st, f));
            }
            m.push_str("<main>");
            m.push_str(&tabs(&st));
            m.push_str("<a class=\"to-facets\" href=\"#saring\">Saring ↓</a>");
            m.push_str(&chips(&st));
            let _ = write!(
                m,
                "<p class=\"summary\"><strong>{}</strong> artikel <span class=\"took\">({:.1} ms)</span></p>",
                num(results.total as u64),
                results.took_ms
            );
            m.push_str(&notices(&results));
            match &trends {
                Some(t) => m.push_str(&trends_html(&st, t)),
                None if results.hits.is_empty() => {
                    m.push_str("<p class=\"empty\">Tidak ada artikel yang cocok. Coba kata lain atau hapus saringan.</p>")
                }
                None => {
                    m.push_str("<ol class=\"hits\">");
                    for hit in &results.hits {
                        let _ = write!(m, "<li>{}</li>", hit_html(&st, hit));
                    }
                    m.push_str("</ol>");
                    m.push_str(&paging(&st, results.total));
                }
            }
            m.push_str("</main></div>");
            (StatusCode::OK, m)
        }
    };
    let body = format!("<div id=\"app\">{}{inner}</div>", header_form(&st));
    html(status, document(&title, &body))
}

/// `GET /artikel/{id}`: one article in full, with its metadata and the evidence of each
/// extracted field; the query string is the search to go back to.
pub(crate) async fn article_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let params = Params::parse(raw.as_deref().unwrap_or(""))
        .unwrap_or_else(|_| Params::parse("").expect("empty parameters parse"));
    let st = UrlState::from_params(&params);
    let key = id.trim().to_string();
    let found = if key.len() > crate::limits::MAX_ID_BYTES {
        Ok(None)
    } else {
        s.run(move |e| e.get(&key)).await
    };
    let back = format!(
        "<p class=\"back\"><a href=\"{}\">← Kembali ke hasil</a></p>",
        Esc(&st.href("/"))
    );
    match found {
        Ok(Some(a)) => {
            let title = a
                .meta
                .title
                .clone()
                .unwrap_or_else(|| "(tanpa judul)".into());
            let body = format!(
                "<div id=\"app\">{}<main class=\"solo article\">{back}{}</main></div>",
                header_form(&st),
                article_html(&st, &a)
            );
            html(
                StatusCode::OK,
                document(&format!("{title} — telusur"), &body),
            )
        }
        Ok(None) => {
            let body = format!(
                "<div id=\"app\">{}<main class=\"solo\">{back}<div class=\"error\" role=\"alert\">\
                 <p>Tidak ada artikel dengan id <code>{}</code>.</p></div></main></div>",
                header_form(&st),
                Esc(&id)
            );
            html(
                StatusCode::NOT_FOUND,
                document("Artikel tidak ditemukan — telusur", &body),
            )
        }
        Err(e) => {
            let body = format!(
                "<div id=\"app\">{}<main class=\"solo\">{back}{}</main></div>",
                header_form(&st),
                error_box(&e, &st)
            );
            html(e.status, document("telusur", &body))
        }
    }
}

fn article_html(st: &UrlState, a: &Article) -> String {
    let m = &a.meta;
    let mut out = format!(
        "<h1>{}</h1><dl class=\"meta\">",
        Esc(m.title.as_deref().unwrap_or("(tanpa judul)"))
    );
    let mut row = |label: &str, value: String| {
        let _ = write!(out, "<dt>{label}</dt><dd>{value}</dd>");
    };
    let dash = || "–".to_string();
    row(
        "Sumber",
        m.source
            .as_deref()
            .map_or_else(dash, |s| Esc(s).to_string()),
    );
    row("Terbit", m.published.map_or_else(dash, date_id));
    row("Tahun", m.year.map_or_else(dash, |y| y.to_string()));
    row(
        "Dateline",
        m.dateline
            .as_deref()
            .map_or_else(dash, |s| Esc(s).to_string()),
    );
    let countries = |codes: &[String]| -> String {
        if codes.is_empty() {
            return dash();
        }
        codes
            .iter()
            .map(|c| {
                let name =
                    gazetteer::country(c).map_or_else(|| c.clone(), |k| k.name_id.to_string());
                let link = st.with(|s| {
                    s.countries = vec![c.clone()];
                    s.trends = false;
                });
                format!(
                    "<a href=\"{}\">{} ({})</a>",
                    Esc(&link.href("/")),
                    Esc(&name),
                    Esc(c)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    row("Negara mitra", countries(&m.partners));
    let orgs = if m.partner_orgs.is_empty() {
        dash()
    } else {
        m.partner_orgs
            .iter()
            .map(|o| {
                let name = gazetteer::org(o).map_or_else(|| o.clone(), |k| k.name_id.to_string());
                format!("{} ({})", Esc(&name), Esc(o))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    row("Organisasi mitra", orgs);
    row("Negara disebut", countries(&m.mentioned_countries));
    row(
        "URL",
        match a.url.as_deref() {
            Some(u) => match safe_href(u) {
                Some(href) => format!(
                    "<a href=\"{href}\" rel=\"noopener noreferrer\">{}</a>",
                    Esc(u)
                ),
                None => Esc(u).to_string(),
            },
            None => dash(),
        },
    );
    row(
        "Berkas",
        a.path.as_deref().map_or_else(dash, |p| Esc(p).to_string()),
    );
    row("ID", format!("<code>{}</code>", Esc(&a.id)));
    out.push_str("</dl>");
    if !m.evidence.is_empty() {
        out.push_str("<section class=\"evidence\"><h2>Bukti ekstraksi</h2><table><tbody>");
        for (field, ev) in &m.evidence {
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                Esc(field),
                Esc(ev)
            );
        }
        out.push_str("</tbody></table></section>");
    }
    out.push_str("<section class=\"body\"><h2>Isi berita</h2>");
    for para in a.body.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        let _ = write!(out, "<p>{}</p>", Esc(para));
    }
    out.push_str("</section>");
    out
}

/// The page of an unknown route.
pub(crate) fn not_found_page() -> Response {
    let st = UrlState::from_params(&Params::parse("").expect("empty parameters parse"));
    let body = format!(
        "<div id=\"app\">{}<main class=\"solo\"><div class=\"error\" role=\"alert\"><p>Halaman tidak ditemukan.</p>\
         <p><a href=\"/\">Ke halaman pencarian</a></p></div></main></div>",
        header_form(&st)
    );
    html(
        StatusCode::NOT_FOUND,
        document("Tidak ditemukan — telusur", &body),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(q: &str) -> UrlState {
        UrlState::from_params(&Params::parse(q).unwrap())
    }

    #[test]
    fn urls_round_trip_and_toggle() {
        let st = state("q=kerja+sama&country=PH&year=2021&view=tren&by=org");
        assert_eq!((st.from, st.to), (Some(2021), Some(2021)));
        assert_eq!(
            st.href("/"),
            "/?q=kerja+sama&country=PH&from=2021&to=2021&view=tren&by=org"
        );
        assert_eq!(state(&st.href("/")[2..]), st);
        assert!(st.country_selected("PH"));
        assert!(state("country=Filipina").country_selected("PH"));
        let off = st.toggle_country("PH");
        assert!(off.countries.is_empty());
        let on = st.toggle_country("MY");
        assert_eq!(on.countries, ["PH", "MY"]);
        assert_eq!(st.toggle_year(2021).from, None);
        let bar = st.bar(TrendBy::Country, "CN", Some(2019));
        assert_eq!(bar.href("/"), "/?q=kerja+sama&country=CN&from=2019&to=2019");
        assert_eq!(num(1234567), "1.234.567");
        assert_eq!(num(12), "12");
        let paged = state("offset=20");
        assert_eq!(
            paged.toggle_source("ANTARA").offset,
            0,
            "a new filter goes back to page 1"
        );
    }
}
