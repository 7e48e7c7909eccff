//! Snippets: the best fragment of the body with the matched words marked as byte ranges, and
//! the excerpts used when nothing in the body matched or there is no title.
//!
//! Matching uses the field's own analyzer (tantivy's `SnippetGenerator`), so a stemmed query
//! `penanggulangan` marks `menanggulangi` too.

use serde::{Deserialize, Serialize};

/// Longest snippet, in bytes (about 200 characters of Indonesian text).
pub const SNIPPET_MAX: usize = 200;

/// Longest title made from the first sentence of the body, in bytes.
pub const EXCERPT_TITLE_MAX: usize = 120;

/// A fragment of an article with the matched words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The fragment, a verbatim slice of the stored text.
    pub text: String,
    /// Matched words as `[start, end)` byte ranges into `text`, sorted, not overlapping, on
    /// character boundaries.
    pub highlights: Vec<[usize; 2]>,
}

impl Snippet {
    /// The fragment with each highlight wrapped in `open` and `close` (e.g. ANSI bold).
    ///
    /// ```
    /// use telusur::search::Snippet;
    /// let s = Snippet { text: "Densus 88 menangkap".into(), highlights: vec![[10, 19]] };
    /// assert_eq!(s.marked("[", "]"), "Densus 88 [menangkap]");
    /// ```
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + self.highlights.len() * 8);
        let mut at = 0;
        for &[start, end] in &self.highlights {
            let (Some(before), Some(word)) = (self.text.get(at..start), self.text.get(start..end))
            else {
                continue;
            };
            out.push_str(before);
            out.push_str(open);
            out.push_str(word);
            out.push_str(close);
            at = end;
        }
        out.push_str(self.text.get(at..).unwrap_or_default());
        out
    }
}

/// Converts tantivy's snippet; `None` when the fragment is empty (nothing matched).
pub(crate) fn from_tantivy(s: &tantivy::snippet::Snippet) -> Option<Snippet> {
    let text = s.fragment();
    if text.is_empty() {
        return None;
    }
    let text = text.trim_end();
    let highlights = s
        .highlighted()
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .map(|r| [r.start, r.end])
        .collect();
    Some(Snippet {
        text: text.to_string(),
        highlights,
    })
}

/// The start of `text`, at most `max` bytes, cut after a whole word when possible.
pub(crate) fn excerpt(text: &str, max: usize) -> &str {
    let text = text.trim_start();
    if text.len() <= max {
        return text.trim_end();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    match head.rfind(char::is_whitespace) {
        Some(space) if space > max / 2 => head[..space].trim_end(),
        _ => head,
    }
}

/// The first sentence of `body` (up to `.`, `!` or `?` before a space), at most `max` bytes.
pub(crate) fn first_sentence(body: &str, max: usize) -> &str {
    let body = body.trim_start();
    let bytes = body.as_bytes();
    let end = bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| {
            matches!(b, b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
                // Not after a one- or two-letter abbreviation like "AS." or "H."
                && i >= 3
        })
        .map_or(body.len(), |(i, _)| i + 1);
    excerpt(&body[..end], max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_on_words_and_char_boundaries() {
        assert_eq!(excerpt("  pendek  ", 20), "pendek");
        assert_eq!(excerpt("satu dua tiga empat lima", 15), "satu dua tiga");
        let s = "ééééééééééé";
        let e = excerpt(s, 5);
        assert!(s.starts_with(e) && e.len() <= 5);
    }

    #[test]
    fn first_sentence_stops_at_the_full_stop() {
        assert_eq!(
            first_sentence("Densus 88 menangkap dua orang. Mereka diduga anggota.", 120),
            "Densus 88 menangkap dua orang."
        );
        assert_eq!(first_sentence("Tanpa titik", 120), "Tanpa titik");
    }

    #[test]
    fn marked_wraps_highlights() {
        let s = Snippet {
            text: "kerja sama Indonesia–Filipina".into(),
            highlights: vec![[0, 5], [11, 20]],
        };
        assert_eq!(s.marked("<", ">"), "<kerja> sama <Indonesia>–Filipina");
    }
}
