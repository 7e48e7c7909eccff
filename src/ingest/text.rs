//! Scraped plain-text articles: bytes → checked text → [`Article`].
//!
//! One `.txt` file is one scraped page. Before extraction the bytes are checked: binary data
//! (NUL bytes), text that is not UTF-8, and empty or white-space-only text are refused with a
//! reason a person can act on. A UTF-8 byte-order mark is dropped.

use crate::article::{stable_id, Article};
use crate::extract;

/// Checks raw bytes as article text: the text without a byte-order mark, or why it is unusable.
pub fn check_text(bytes: &[u8]) -> Result<&str, String> {
    if let Some(i) = memchr_nul(bytes) {
        return Err(format!("binary data (NUL byte at offset {i}), not text"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Err(format!(
                "not UTF-8 (invalid byte at offset {}); convert it first, e.g. `iconv -f latin1 -t utf-8`",
                e.valid_up_to()
            ))
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("empty (no text, or white space only)".into());
    }
    Ok(text)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Makes an article of one scraped page: cleans it and extracts its metadata. `path` is where
/// it came from (kept in the article), `url` its address when known.
pub fn article_from_text(text: &str, path: Option<&str>, url: Option<&str>) -> Article {
    let ex = extract::extract(text, url);
    Article {
        id: stable_id(url, &ex.body),
        path: path.map(str::to_string),
        url: url.map(str::to_string),
        body: ex.body,
        meta: ex.meta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_unusable_bytes() {
        assert!(check_text(b"").unwrap_err().contains("empty"));
        assert!(check_text(b"\xEF\xBB\xBF \t\r\n")
            .unwrap_err()
            .contains("empty"));
        assert!(check_text(b"\x89PNG\r\n\x1a\n\0\0")
            .unwrap_err()
            .contains("offset 8"));
        assert!(check_text(b"ok \xff\xfe").unwrap_err().contains("offset 3"));
        assert_eq!(
            check_text("Teks biasa, ünïcödé.".as_bytes()),
            Ok("Teks biasa, ünïcödé.")
        );
    }

    #[test]
    fn same_text_same_id() {
        let t = "Medan (ANTARA) - Polisi menggelar latihan gabungan di pelabuhan pada Rabu pagi.";
        let a = article_from_text(t, Some("a.txt"), None);
        let b = article_from_text(&format!("\n\n{t}\n"), Some("b.txt"), None);
        assert_eq!(a.id, b.id);
        assert_ne!(a.path, b.path);
    }
}

/// The examples of the items above (crate-private, so not doc tests).
#[cfg(test)]
mod examples {
    #[test]
    fn check_text_as_documented() {
        use crate::ingest::text::check_text;
        assert_eq!(check_text(b"\xEF\xBB\xBFhalo").unwrap(), "halo");
        assert!(check_text(b"  \n ").unwrap_err().contains("empty"));
        assert!(check_text(b"a\0b").unwrap_err().contains("binary"));
        assert!(check_text(b"caf\xE9").unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn article_from_text_as_documented() {
        use crate::ingest::text::article_from_text;
        let a = article_from_text(
            "Medan (ANTARA) - Polisi menggelar latihan gabungan di pelabuhan pada Rabu pagi.",
            Some("a.txt"),
            None,
        );
        assert_eq!(a.meta.source.as_deref(), Some("ANTARA"));
        assert_eq!(a.path.as_deref(), Some("a.txt"));
        assert_eq!(a.id.len(), 16);
    }
}
