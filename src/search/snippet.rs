//! Snippets: the best fragment of the body with the matched words marked as byte ranges, and
//! the excerpts used when nothing in the body matched or there is no title.
//!
//! Matching uses the field's own analyzer, so a stemmed query `penanggulangan` marks
//! `menanggulangi` too.
//!
//! The fragment is chosen as tantivy's `SnippetGenerator` chooses it, from consecutive windows
//! of at most [`SNIPPET_MAX`] bytes, but scored by the distinct query terms a window holds
//! (each weighted by its rarity), the earliest window winning ties. So the analysis stops at
//! the first window that holds every query term: for most articles, within the lead paragraph,
//! instead of analysing the whole body as tantivy does.

use std::ops::Range;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::Field;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::Searcher;

/// Longest snippet, in bytes (about 200 characters of Indonesian text).
pub const SNIPPET_MAX: usize = 200;

/// Longest title made from the first sentence of the body, in bytes.
pub const EXCERPT_TITLE_MAX: usize = 120;

/// What marks text left out where a snippet or an excerpt title is cut within a sentence.
pub(crate) const ELLIPSIS: &str = "…";

/// `text[range]` with an ellipsis (`…`) where it cuts a sentence: before it when it starts within
/// one, after it when text follows in the same sentence. Returns the text and how many bytes
/// were put before the slice (to shift offsets into it by).
pub(crate) fn elided(text: &str, range: Range<usize>) -> (String, usize) {
    let slice = &text[range.clone()];
    let before = range.start > 0 && sentence_start(text, range.start) != range.start;
    let rest = text[range.end..].trim();
    let ends_sentence = slice.trim_end().ends_with(['.', '!', '?', '"', '”']);
    let after = !rest.is_empty() && !ends_sentence;
    let mut out = String::with_capacity(slice.len() + 2 * ELLIPSIS.len());
    if before {
        out.push_str(ELLIPSIS);
    }
    out.push_str(slice);
    if after {
        out.push_str(ELLIPSIS);
    }
    (out, if before { ELLIPSIS.len() } else { 0 })
}

/// A fragment of an article with the matched words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The fragment: a verbatim slice of the stored text, with an ellipsis (`…`) before it when it
    /// starts within a sentence and after it when it stops within one.
    pub text: String,
    /// Matched words as `[start, end)` byte ranges into `text`, sorted, not overlapping, on
    /// character boundaries.
    pub highlights: Vec<[usize; 2]>,
}

impl Snippet {
    /// The fragment with each highlight wrapped in `open` and `close` (e.g. ANSI bold).
    ///
    /// ```
    /// use telusur::Snippet;
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

/// Most query terms a [`Highlighter`] tells apart (the rest are not marked).
const MAX_TERMS: usize = 64;

/// Finds and marks the query's terms in the text of one field: see the module docs.
#[derive(Clone)]
pub(crate) struct Highlighter {
    /// The query's terms in this field, as the analyzer makes them, with their weights.
    terms: Vec<(String, f32)>,
    /// Longest fragment, in bytes.
    max_bytes: usize,
}

impl Highlighter {
    /// The highlighter of `query`'s terms in `fields` (texts are read by the analyzer of
    /// those fields, given to [`Highlighter::fragment`]), for fragments of at most `max_bytes`; a term's weight is
    /// `1 / (1 + document frequency)`, so rare terms count most. Excluded words (`-word`) are
    /// not marked: a hit does not hold them, and looking for them would keep the analysis going
    /// to the end of every text.
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        fields: &[Field],
        max_bytes: usize,
    ) -> tantivy::Result<Highlighter> {
        let mut found = Vec::new();
        query.query_terms(&mut |term, _| {
            if fields.contains(&term.field()) && !found.contains(&term) {
                found.push(term);
            }
        });
        let mut excluded = Vec::new();
        excluded_words(query, &mut excluded);
        let mut terms: Vec<(String, f32)> = Vec::new();
        for term in found {
            let value = term.value();
            let Some(text) = value.as_str() else {
                continue;
            };
            if terms.iter().any(|(t, _)| t == text) || excluded.iter().any(|w| w == text) {
                continue;
            }
            let doc_freq = searcher.doc_freq(term)?;
            if doc_freq > 0 && terms.len() < MAX_TERMS {
                terms.push((text.to_string(), 1.0 / (1.0 + doc_freq as f32)));
            }
        }
        Ok(Highlighter { terms, max_bytes })
    }

    /// The same highlighter for fragments of at most `max_bytes`.
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Highlighter {
        self.max_bytes = max_bytes;
        self
    }

    /// The query's terms in this field, as the analyzer makes them (bit `i` of a term mask
    /// is term `i`).
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|(t, _)| t.as_str())
    }

    /// The best fragment of `text` and its matched words as `[start, end)` byte ranges into
    /// the fragment (sorted, merged where they overlap); `None` when nothing matches.
    /// `counts`, when known, is how many times each of the [`terms`](Self::terms) occurs in
    /// `text` (from the postings): the analysis stops at the first window holding every
    /// term that occurs (no later window can score more), or once the last occurrence has
    /// been seen and its window filled (later windows hold nothing); a text with no
    /// occurrence is not analysed at all.
    pub fn fragment(
        &self,
        analyzer: &mut TextAnalyzer,
        text: &str,
        counts: Option<&[u32]>,
    ) -> Option<(Range<usize>, Vec<[usize; 2]>)> {
        let mut all: u64 = if self.terms.len() == 64 {
            u64::MAX
        } else {
            (1u64 << self.terms.len()) - 1
        };
        // Occurrences still to be seen (`u64::MAX`: not known).
        let mut remaining = u64::MAX;
        if let Some(counts) = counts {
            remaining = 0;
            for (i, &n) in counts.iter().enumerate().take(self.terms.len()) {
                if n == 0 {
                    all &= !(1 << i);
                }
                remaining += u64::from(n);
            }
        }
        if all == 0 {
            return None;
        }
        let mut best: Option<Window> = None;
        let mut window = Window::new(0);
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            if token.offset_to.saturating_sub(window.start) > self.max_bytes {
                let full = std::mem::replace(&mut window, Window::new(token.offset_from));
                if full.better_than(best.as_ref()) {
                    let complete = full.found == all;
                    best = Some(full);
                    if complete {
                        // No later window can score more, and ties go to the earliest.
                        break;
                    }
                }
                if remaining == 0 {
                    break;
                }
            }
            window.end = window.end.max(token.offset_to);
            let term = token.text.as_str();
            if let Some(i) = self.terms.iter().position(|(t, _)| t == term) {
                if window.found & (1 << i) == 0 {
                    window.found |= 1 << i;
                    window.score += self.terms[i].1;
                }
                window.marks.push(token.offset_from..token.offset_to);
                remaining = remaining.saturating_sub(1);
            }
        }
        if window.better_than(best.as_ref()) {
            best = Some(window);
        }
        let best = best?;
        Some((best.start..best.end, best.marks_within()))
    }
}

/// The words of `query` under an excluding (must-not) clause of its boolean queries.
fn excluded_words(query: &dyn Query, out: &mut Vec<String>) {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return;
    };
    for (occur, sub) in boolean.clauses() {
        if *occur == Occur::MustNot {
            sub.query_terms(&mut |term, _| {
                if let Some(word) = term.value().as_str() {
                    out.push(word.to_string());
                }
            });
        } else {
            excluded_words(sub.as_ref(), out);
        }
    }
}

/// A candidate fragment: the tokens from `start` until the window is full.
struct Window {
    start: usize,
    end: usize,
    /// Bit `i`: the window holds term `i`.
    found: u64,
    score: f32,
    marks: Vec<Range<usize>>,
}

impl Window {
    fn new(start: usize) -> Window {
        Window {
            start,
            end: start,
            found: 0,
            score: 0.0,
            marks: Vec::new(),
        }
    }

    /// Whether this window is worth more than `best` (an earlier window); an empty window is
    /// worth nothing.
    fn better_than(&self, best: Option<&Window>) -> bool {
        self.score > best.map_or(0.0, |b| b.score)
    }

    /// The marks relative to the window's start, sorted, overlaps merged.
    fn marks_within(mut self) -> Vec<[usize; 2]> {
        self.marks.sort_by_key(|r| (r.start, r.end));
        let mut out: Vec<[usize; 2]> = Vec::with_capacity(self.marks.len());
        for r in self.marks {
            let (a, b) = (r.start - self.start, r.end - self.start);
            match out.last_mut() {
                Some(last) if a <= last[1] => last[1] = last[1].max(b),
                _ => out.push([a, b]),
            }
        }
        out
    }
}

/// Analyzers lent out and given back (see [`Lent`]), at most [`AnalyzerPool::KEPT`] kept.
#[derive(Default)]
pub(crate) struct AnalyzerPool {
    idle: Mutex<Vec<TextAnalyzer>>,
}

impl AnalyzerPool {
    /// Most analyzers kept idle: one per search thread is enough.
    const KEPT: usize = 8;

    /// An idle analyzer, or `make()` if none is; given back when the loan is dropped.
    pub fn lend(&self, make: impl FnOnce() -> Option<TextAnalyzer>) -> Lent<'_> {
        let idle = self.lock().pop();
        Lent {
            pool: self,
            analyzer: idle.or_else(make),
        }
    }

    /// Drops the idle analyzers (the index's analyzer was replaced).
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<TextAnalyzer>> {
        // A panic while holding the lock leaves a usable list.
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// An analyzer on loan from an [`AnalyzerPool`].
pub(crate) struct Lent<'a> {
    pool: &'a AnalyzerPool,
    /// The analyzer; `None` when none could be made.
    pub analyzer: Option<TextAnalyzer>,
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Some(analyzer) = self.analyzer.take() {
            let mut idle = self.pool.lock();
            if idle.len() < AnalyzerPool::KEPT {
                idle.push(analyzer);
            }
        }
    }
}

/// The snippet of `text`: its best fragment (trailing space trimmed) with the matched words;
/// `None` when nothing matched. `counts`: see [`Highlighter::fragment`].
pub(crate) fn snippet(
    highlighter: &Highlighter,
    analyzer: &mut TextAnalyzer,
    text: &str,
    counts: Option<&[u32]>,
) -> Option<Snippet> {
    let (window, marks) = highlighter.fragment(analyzer, text, counts)?;
    // Marks as byte ranges of `text`.
    let marks: Vec<[usize; 2]> = marks
        .into_iter()
        .map(|[a, b]| [window.start + a, window.start + b])
        .collect();
    let range = reframe(text, window, &marks, highlighter.max_bytes);
    let fragment = text[range.clone()].trim_end();
    let (shown, shift) = elided(text, range.start..range.start + fragment.len());
    let highlights = marks
        .into_iter()
        .filter(|&[a, b]| range.start <= a && b <= range.start + fragment.len())
        .map(|[a, b]| [a - range.start, b - range.start])
        .filter(|&[a, b]| a < b && fragment.is_char_boundary(a) && fragment.is_char_boundary(b))
        .map(|[a, b]| [a + shift, b + shift])
        .collect();
    Some(Snippet {
        text: shown,
        highlights,
    })
}

/// The fragment to show for a window whose marks are `marks`: from the start of the sentence
/// that holds the first mark when the marks still fit within `max` bytes from there (a window
/// otherwise starts wherever the previous one filled up, often mid-sentence), running on to
/// at most `max` bytes and cut after a whole word; else the window as it is.
fn reframe(text: &str, window: Range<usize>, marks: &[[usize; 2]], max: usize) -> Range<usize> {
    let (Some(first), Some(last)) = (marks.first(), marks.last()) else {
        return window;
    };
    let start = sentence_start(text, first[0]);
    if last[1] - start > max {
        return window;
    }
    let mut end = (start + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        // Cut after a whole word, never before the last mark.
        if let Some(space) = text[last[1]..end].rfind(char::is_whitespace) {
            end = last[1] + space;
        }
    }
    start..end
}

/// Where the sentence holding byte `at` starts: after the last `.`, `!`, `?` followed by
/// whitespace, or line break, before `at` (leading whitespace skipped); the text's start if none.
fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i > 0 {
        let b = bytes[i - 1];
        let ends_sentence = b == b'\n'
            || (b.is_ascii_whitespace() && i >= 2 && matches!(bytes[i - 2], b'.' | b'!' | b'?'));
        if ends_sentence {
            break;
        }
        i -= 1;
    }
    // `i` follows an ASCII byte or is 0: a char boundary.
    i + text[i..at].len() - text[i..at].trim_start().len()
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

/// The start of `text` as [`excerpt`] cuts it, with an ellipsis (`…`) when the cut falls within
/// a sentence.
pub(crate) fn excerpt_elided(text: &str, max: usize) -> String {
    let head = excerpt(text, max);
    let start = head.as_ptr() as usize - text.as_ptr() as usize;
    elided(text, start..start + head.len()).0
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
    fn fragments_start_at_the_sentence_when_the_marks_fit() {
        let text = "Kalimat pertama selesai. Kedua menyebut BNPT dan Densus di tengah kalimat ini.";
        let at = |w: &str| {
            let a = text.find(w).expect("word");
            [a, a + w.len()]
        };
        assert_eq!(sentence_start(text, at("BNPT")[0]), at("Kedua")[0]);
        assert_eq!(sentence_start(text, at("pertama")[0]), 0);
        // The window started at "BNPT"; the fragment starts at its sentence and ends on a word.
        let marks = [at("BNPT"), at("Densus")];
        let r = reframe(text, at("BNPT")[0]..text.len(), &marks, 45);
        assert_eq!(&text[r], "Kedua menyebut BNPT dan Densus di tengah");
        // Marks too far from the sentence start for the limit: the window is kept.
        let w = at("BNPT")[0]..at("Densus")[1];
        assert_eq!(reframe(text, w.clone(), &marks, 20), w);
        // After a line break too, and multi-byte text before it is left whole.
        let text = "Judul “baru”\nIsi berita tentang BNPT.";
        let b = text.find("BNPT").expect("word");
        assert_eq!(&text[sentence_start(text, b)..b], "Isi berita tentang ");
    }

    /// A highlighter of `densus` and `bom` (equal weights, 30-byte windows) and an analyzer.
    fn densus_and_bom() -> (Highlighter, TextAnalyzer) {
        let h = Highlighter {
            terms: vec![("densus".into(), 0.5), ("bom".into(), 0.5)],
            max_bytes: 30,
        };
        (h, crate::analysis::query_analyzer())
    }

    #[test]
    fn terms_known_absent_are_not_waited_for() {
        let (h, mut analyzer) = densus_and_bom();
        let text = "Densus menangkap tersangka. Kalimat lain tanpa kata yang dicari sama sekali.";
        // `bom` is known absent: the first window with `densus` is the answer.
        let all = h.fragment(&mut analyzer, text, None).expect("found");
        let known = h
            .fragment(&mut analyzer, text, Some(&[1, 0]))
            .expect("found");
        assert_eq!(all, known);
        assert_eq!(known.1, vec![[0, 6]]);
        // Nothing present: no fragment, the caller shows the start of the text.
        assert_eq!(h.fragment(&mut analyzer, text, Some(&[0, 0])), None);
    }

    #[test]
    fn the_analysis_stops_after_the_last_occurrence() {
        let (h, mut analyzer) = densus_and_bom();
        let text = "Densus datang pagi ini. Kalimat kedua soal bom rakitan. \
                    Kalimat ketiga: Densus dan bom.";
        let at = |w: &str, from: usize| text[from..].find(w).expect("word") + from;
        // Not knowing the counts: the third window holds both words and wins.
        let (range, _) = h.fragment(&mut analyzer, text, None).expect("found");
        assert!(range.contains(&at("Densus", 1)), "{range:?}");
        // Told the right counts, the same answer.
        let told = h
            .fragment(&mut analyzer, text, Some(&[2, 2]))
            .expect("found");
        assert_eq!(told.0, range);
        // Told one of each (as if the rest were not there), the analysis stops once the
        // window of the first `bom` is full: the first window wins the tie.
        let (first, marks) = h
            .fragment(&mut analyzer, text, Some(&[1, 1]))
            .expect("found");
        assert_eq!(first.start, 0);
        assert_eq!(marks, vec![[0, 6]]);
    }

    #[test]
    fn excluded_words_are_found_at_any_depth() {
        use tantivy::query::TermQuery;
        use tantivy::schema::{IndexRecordOption, Schema, TEXT};
        use tantivy::Term;
        let mut schema = Schema::builder();
        let f = schema.add_text_field("text", TEXT);
        let term = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f, w),
                IndexRecordOption::Basic,
            ))
        };
        let inner = BooleanQuery::new(vec![
            (Occur::Must, term("siber")),
            (Occur::MustNot, term("tangkap")),
        ]);
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(inner) as Box<dyn Query>),
            (Occur::Should, term("propaganda")),
            (Occur::MustNot, term("sidang")),
        ]);
        let mut out = Vec::new();
        excluded_words(&query, &mut out);
        out.sort();
        assert_eq!(out, ["sidang", "tangkap"]);
    }

    #[test]
    fn analyzers_are_lent_and_given_back() {
        let pool = AnalyzerPool::default();
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            Some(TextAnalyzer::default())
        };
        {
            let a = pool.lend(make);
            let b = pool.lend(make);
            assert!(a.analyzer.is_some() && b.analyzer.is_some());
        }
        assert_eq!(made.get(), 2);
        // Both came back: the next two loans make nothing new.
        let (_a, _b) = (pool.lend(make), pool.lend(make));
        assert_eq!(made.get(), 2);
        let _c = pool.lend(make);
        assert_eq!(made.get(), 3);
        pool.clear();
        assert!(pool.lock().is_empty());
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
