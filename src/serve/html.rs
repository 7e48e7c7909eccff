//! HTML escaping: every text that comes from an article, a URL or the user goes through
//! [`Esc`] (or [`marked`]) on its way into a page.

use std::fmt::{self, Write as _};

/// Text escaped for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`).
pub(crate) struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// `text` escaped, with the byte ranges `highlights` (sorted, on char boundaries) in
/// `<mark>`; ranges out of order or out of bounds are skipped.
pub(crate) fn marked(text: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * highlights.len());
    let mut at = 0;
    for &[a, b] in highlights {
        if a < at
            || b <= a
            || b > text.len()
            || !text.is_char_boundary(a)
            || !text.is_char_boundary(b)
        {
            continue;
        }
        let _ = write!(
            out,
            "{}<mark>{}</mark>",
            Esc(&text[at..a]),
            Esc(&text[a..b])
        );
        at = b;
    }
    let _ = write!(out, "{}", Esc(&text[at..]));
    out
}

/// A URL safe to put in `href`: `http`/`https` only (never `javascript:`), escaped.
pub(crate) fn safe_href(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| Esc(u).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        let evil = r#""><img src=x onerror=alert(1)><script>alert('x')</script>&"#;
        let out = Esc(evil).to_string();
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('"'));
        assert_eq!(
            out,
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
    }

    #[test]
    fn marks_ranges_and_escapes_between() {
        assert_eq!(
            marked("a <b> teror c", &[[6, 11], [0, 1]]),
            "a &lt;b&gt; <mark>teror</mark> c"
        );
        assert_eq!(marked("é<", &[[0, 1]]), "é&lt;", "not a char boundary");
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(
            safe_href("https://x.id/?a=1&b=\"").unwrap(),
            "https://x.id/?a=1&amp;b=&quot;"
        );
    }
}
