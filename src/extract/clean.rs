//! Boilerplate removal: scraped page text → header, story, footer.
//!
//! Real pages carry, around the story, site chrome (mode toggles, view counters, share
//! buttons, comment prompts, newsletter and channel promotions), photo captions, related-link
//! lines (`Baca juga: ...`, a bare `Baca Juga` followed by headlines, trailing `- headline`
//! lists) and credits (`Editor:`, `Sumber:`, `(jos/jpnn)`). The cleaner classifies every line by
//! *shape* (regular expressions over the whole line, not exact strings), finds where the story
//! starts (the dateline, else the first paragraph) and where it ends (the last paragraph before
//! trailing boilerplate), and returns three parts:
//! - `header`: the lines before the story (headline, date line, breadcrumb), captions removed;
//! - `body`: the story, related-link lines, captions and chrome removed, hard-wrapped lines
//!   joined, paragraphs separated by a blank line;
//! - `footer`: the credits and boilerplate after (and removed from inside) the story.

use std::sync::OnceLock;

use regex::Regex;

use super::floor_char;
use super::headline::{self, Dateline};

/// A page split into header, story and footer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Lines before the story, one per line, chrome and captions removed.
    pub header: Vec<String>,
    /// For each header line, whether it stood right under the header line before it, with no
    /// blank line between (a headline and its subtitle are printed so; a kicker and the
    /// headline often apart). Empty for a `Cleaned` built by hand: unknown.
    pub header_joined: Vec<bool>,
    /// The story paragraphs, in order.
    pub paragraphs: Vec<String>,
    /// Credits, copyright lines and other boilerplate after or inside the story.
    pub footer: Vec<String>,
    /// The dateline the story opens with, if any.
    pub dateline: Option<Dateline>,
}

impl Cleaned {
    /// The story, paragraphs separated by a blank line.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The story without its opening dateline (what partner detection should see: the city a
    /// story was filed from is no counterpart).
    pub fn story_without_dateline(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            match (&self.dateline, i) {
                (Some(d), 0) => out.push_str(p.get(d.story_offset..).unwrap_or(p)),
                _ => out.push_str(p),
            }
        }
        out
    }
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Site chrome: dropped everywhere.
    Chrome,
    /// Photo caption: dropped everywhere (its dates and places are not the story's).
    Caption,
    /// A related-link line (`Baca juga: ...`): dropped.
    Related,
    /// A bare related-links heading (`Baca Juga`): the headlines after it are dropped too.
    RelatedHeading,
    /// Credits, copyright, tags: kept in the footer (dates may hide there).
    Credit,
    /// A list item (`- headline`): a related link when trailing the story.
    Bullet,
    /// Anything else: story, headline, date line.
    Text,
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        fn $name() -> &'static Regex {
            static RE: OnceLock<Regex> = OnceLock::new();
            RE.get_or_init(|| Regex::new($pat).expect("static regex"))
        }
    };
}

re!(
    related_re,
    r"(?i)^(baca|lihat|simak|klik)\s*(juga|lagi|pula|selengkapnya|berita\s+lainnya|artikel)\b|^(baca|simak|lihat)\s*:\s*\S|^(berita|artikel|video)\s+(terkait|lainnya|pilihan|populer|terpopuler)\s*(:|$)|^(related|read\s+also|see\s+also|also\s+read)\b"
);
// A photo caption: the line opens like one...
re!(
    caption_head_re,
    r"(?i)^[\[(]?\s*(foto|photo|ilustrasi|gambar|image|dok(umentasi)?|sumber\s+(foto|gambar))\s*[.:|)\]]|^(arsip\s+foto|foto\s+arsip|ilustrasi|dokumentasi)\s+[-–—]\s"
);
// ... or ends with a photo credit.
re!(
    caption_tail_re,
    r"(?i)\((antara\s*foto|antara/|ho[-/ ]|dok[./ ]|foto\s*:|photo\s*:|istimewa|foto\s+istimewa)[^()]{0,80}\)\.?$|\((wikipedia|wikimedia|internet|net|google|getty\s*images|shutterstock)\)\.?$|\bANTARA\s*FOTO/[^\s/]+(/[^\s/]+)*\.?$"
);

/// Whether a line is a photo caption: it opens like one, or ends with a photo credit. The
/// credit's expression runs only on a line that can end with one (a `)` at the end, or `foto/`
/// in its last word), not over every paragraph.
fn is_caption(line: &str) -> bool {
    if caption_head_re().is_match(line) {
        return true;
    }
    let end = line.trim_end_matches('.');
    let last_word = end.rsplit(char::is_whitespace).next().unwrap_or(end);
    let tail_possible = end.ends_with(')')
        || last_word
            .as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"foto/"));
    tail_possible && caption_tail_re().is_match(line)
}
re!(
    inline_credit_re,
    r"(?i)\((foto|photo|dok|dokumentasi|ist|istimewa|antara\s*foto|ho)\b[^()]{0,80}\)"
);
re!(
    credit_re,
    r"(?i)^(pewarta|editor|redaktur|penyunting|penulis|reporter|wartawan|kontributor|sumber|source|copyright|hak\s+cipta|tags?|topik|kata\s+kunci|keyword|baca\s+artikel\s+sumber)\s*:|^(©|\(c\)|copyright\b)|^(written|posted|reported|edited)\s+by\b|^dilarang\s+(keras\s+)?(mengambil|mengutip|menyalin|memperbanyak)"
);
re!(byline_re, r"^(?i:oleh|editor|penulis|reporter|by)\s+\p{Lu}");
re!(
    chrome_re,
    r"(?ix)
    ^(dark|light)\s*/\s*(dark|light)(\s*mode)?$
    | \d+\s*(kali\s+)?(dilihat|dibaca|views?|komentar|comments?|shares?)$
    | ^scroll\s+(to|untuk)\s+(continue|lanjut)
    | ^(advertisement|advertorial|iklan|ads|sponsored|promoted|konten\s+sponsor)$
    | ^tinggalkan\s+(balas|komentar)
    | ^alamat\s+email\s+anda
    | ruas\s+yang\s+wajib\s+ditandai
    | ^discussion\s+about\s+this\s+post$
    | ^(tulis|berikan|kirim|lihat\s+semua)\s+komentar
    | ^(\d+\s+)?(komentar|comments?)$
    | ^(selanjutnya|sebelumnya|berikutnya|next|previous|prev|lanjutkan|load\s+more|muat\s+lebih)$
    | ^halaman\s+\d+(\s+dari\s+\d+)?$
    | ^\d+(\s+\d+)*$
    | ^(bagikan|share|tweet|kirim)(\s+(ke|to|on|artikel|berita|this))?\s*:?$
    | ^((facebook|twitter|whatsapp|telegram|linkedin|line|email|copy\s+link|salin\s+(link|tautan)|x|pinterest)\s*[|,·]?\s*){1,8}$
    | (google\s+news|t\.me/|wa\.me/)
    | ^(update|dapatkan|ikuti|follow|subscribe|berlangganan|download|unduh|simak|saksikan|tonton|nikmati)\b.{0,160}\b(berita|news|aplikasi|app|newsletter|channel|kanal|grup|instagram|youtube|tiktok|twitter|facebook|telegram|whatsapp)\b
    | ^(simak|saksikan)\s+(berita|video)\b.*\b(di|melalui)\b
    | ^(cek|check)\s+berita\b
    | ^(loading|memuat)\.*$
    | ^(dilihat|dibaca|views?)\s*:?\s*[\d.,]+(\s*kali)?$
    | ^(waktu\s+baca|reading\s+time|estimasi\s+baca)\b
    | ^\d+\s*(menit|min)\s+(baca|read)$
    | ^[*\-_=~•·]{2,}$
    | ^!\[[^\]]*\]\([^)]*\)(\s*\|)?$
    "
);
re!(
    initials_re,
    r"\s*(?:\((?:[a-z]{2,5}|ANT|\*{1,3}|[a-z]{2,5}(?:/[a-zA-Z0-9.]{2,12}){1,3})\)|\[[a-z]{2,5}\])\s*$"
);
re!(md_image_re, r"!\[[^\]\n]{0,200}\]\([^)\s]*\)");
re!(md_link_re, r"\[([^\]\n]{1,200})\]\([^)\s]*\)");
re!(
    md_emph_re,
    r"(^|[\s(\[“\x22'])(?:_{1,2}|\*{1,2})([^_*\n]{1,300}?)(?:_{1,2}|\*{1,2})([\s.,;:!?)\]”\x22']|$)"
);
re!(bullet_re, r"^[-–—•*·]\s+\S");

/// Folds odd spaces (NBSP, thin, ideographic) to a plain space, drops zero-width characters and
/// soft hyphens, folds runs of spaces and tabs, trims the line, and unwraps markdown residue
/// (`[kerja sama](#)` → `kerja sama`, `_italic_` → `italic`).
pub fn normalize_line(line: &str) -> String {
    let mut s = if is_normal(line) {
        // Most lines of a story need nothing folded: one copy instead of one push per char.
        line.to_string()
    } else {
        fold_spaces(line)
    };
    if s.contains("![") {
        // An image's alt text and address say nothing of the story: one bare marker, which
        // the classifier knows (`![]() |` is a line of chrome, its caption under it).
        s = md_image_re().replace_all(&s, "![]()").into_owned();
    }
    if s.contains("](") {
        s = md_link_re().replace_all(&s, "$1").into_owned();
    }
    if s.contains('_') || s.contains('*') {
        s = md_emph_re().replace_all(&s, "$1$2$3").into_owned();
    }
    s
}

/// Whether a character is folded to a space by [`normalize_line`].
fn odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t'
    )
}

/// Whether a character is dropped by [`normalize_line`].
fn dropped_char(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    ) || c.is_control()
}

/// Whether `fold_spaces(line) == line`: no odd space, dropped character, double space or
/// space at either end. Checked over bytes, with the few non-ASCII characters decoded.
fn is_normal(line: &str) -> bool {
    let b = line.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for &x in b {
        if x < 0x20 || x == 0x7f {
            return false;
        }
        let space = x == b' ';
        if space && prev_space {
            return false;
        }
        prev_space = space;
    }
    b.is_ascii()
        || !line
            .chars()
            .any(|c| !c.is_ascii() && (odd_space(c) || dropped_char(c)))
            && !line.contains("Â ")
            && !line.ends_with('Â')
}

/// Folds odd spaces to one plain space, drops zero-width and control characters, trims.
fn fold_spaces(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut space = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // `Â` then a space is a no-break space read in the wrong encoding (UTF-8's C2 A0 as
        // Latin-1), often with the A0 already lost: `JAKARTA -Â Menko`.
        let mojibake_space = c == 'Â' && chars.peek().is_none_or(|&n| n == ' ' || n == '\u{a0}');
        let c = if odd_space(c) || mojibake_space {
            ' '
        } else if dropped_char(c) {
            continue;
        } else {
            c
        };
        if c == ' ' {
            if !space && !s.is_empty() {
                s.push(' ');
            }
            space = true;
        } else {
            s.push(c);
            space = false;
        }
    }
    while s.ends_with(' ') {
        s.pop();
    }
    s
}

#[cfg(test)]
fn classify(line: &str) -> Kind {
    classify_known(line, None)
}

/// [`classify`], with whether the line is a caption (`is_caption`) when already known.
fn classify_known(line: &str, caption: Option<bool>) -> Kind {
    if line.is_empty() {
        return Kind::Blank;
    }
    if let Some(m) = related_re().find(line) {
        // A bare heading (`Baca Juga`, `Berita Terkait:`) introduces a list of headlines.
        let rest = line[m.end()..].trim_start_matches([':', ' ', '-', '–', '.', '»', '>']);
        return if rest.is_empty() {
            Kind::RelatedHeading
        } else {
            Kind::Related
        };
    }
    if caption.unwrap_or_else(|| is_caption(line)) {
        return Kind::Caption;
    }
    let words = words_up_to(line, 26);
    if credit_re().is_match(line) && words <= 25 {
        return Kind::Credit;
    }
    // A byline (`Oleh Fulan`, `Penulis Fulan | Editor Fulani`), not a sentence (`Oleh Polri, ...`).
    if words <= 6 && !line.ends_with('.') && !line.contains(',') && byline_re().is_match(line) {
        return Kind::Credit;
    }
    if line.chars().count() <= 300 && chrome_re().is_match(line) {
        return Kind::Chrome;
    }
    if bullet_re().is_match(line) {
        return Kind::Bullet;
    }
    Kind::Text
}

/// Where a caption that opens a longer paragraph ends, when at least six words of story
/// follow it: after a parenthesised photo credit (`Ilustrasi latihan. (Foto: Istimewa) Kedua
/// ...`), else, for a line that opens like a caption (`Foto: Humas BNPT. Jakarta - ...`), at the
/// first sentence end (`. `, `) `) followed by a capital within its first 200 bytes. `None`
/// when the line holds no caption or nothing but one.
///
/// `caption` receives whether the whole line is a caption (`is_caption`), when that was computed.
fn caption_prefix_end(line: &str, caption: &mut Option<bool>) -> Option<usize> {
    let story_after = |i: usize| {
        let rest = line[i..].trim_start();
        rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"')
            && words_up_to(rest, 6) >= 6
    };
    let head = &line[..floor_char(line, 300)];
    // The credit is parenthesised: no `(`, no credit (a byte search, not a regex run).
    let m = if head.contains('(') {
        inline_credit_re().find(head)
    } else {
        None
    };
    if let Some(m) = m {
        if words_up_to(&line[..m.start()], 31) <= 30 && story_after(m.end()) {
            return Some(m.end());
        }
    }
    let caption_line = is_caption(line);
    *caption = Some(caption_line);
    if !caption_line {
        return None;
    }
    let b = line.as_bytes();
    (1..line.len().min(200))
        .find(|&i| matches!(b[i - 1], b'.' | b')' | b']') && b[i] == b' ' && story_after(i))
}

/// The number of words of `s`, counted up to `cap` (a paragraph's words need not all be
/// counted to know it has more than a few).
fn words_up_to(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap).count()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';', '…'])
}

/// Whether a line reads like a paragraph of a story rather than a headline or a label.
fn paragraph_like(s: &str) -> bool {
    let n = words_up_to(s, 25);
    n >= 25 || (n >= 10 && ends_sentence(s) && !tagged_headline(s))
}

/// Prose cut off before its full stop: twelve words or more, most of them in lower case (a
/// sentence, not a title, a tag list or a menu).
fn cut_prose(s: &str) -> bool {
    let (mut n, mut lower) = (0, 0);
    for w in s.split_whitespace().take(60) {
        n += 1;
        if w.starts_with(|c: char| c.is_lowercase()) {
            lower += 1;
        }
    }
    n >= 12 && lower * 2 >= n
}

/// A headline closed by a tag in parentheses (`Ledakan di Hotel Mirip Bom Bali (Arsip
/// Harian)`): it ends like a sentence, but holds none.
fn tagged_headline(s: &str) -> bool {
    s.trim_end().ends_with(')') && !s.contains(['.', '!', '?'])
}

/// Whether a line is a short headline-like line (an item of a related-links list).
fn headline_like(s: &str) -> bool {
    (1..=22).contains(&words_up_to(s, 23)) && !s.ends_with('.')
}

/// Splits scraped page text into header, story and footer.
pub fn clean(raw: &str) -> Cleaned {
    // Lines, classified, with hard-wrapped text lines joined back into one.
    let mut lines: Vec<String> = Vec::new();
    let mut kinds: Vec<Kind> = Vec::new();
    let mut text_lines = 0usize;
    // A caption opening a paragraph (`Foto: Humas BNPT. Jakarta - Kepala BNPT ...`, common in
    // JSON Lines bodies where the page's lines were joined) is split off, so that only the
    // caption goes and the story after it stays.
    let mut split: Vec<(String, Option<bool>)> = Vec::new();
    for line in raw.lines().map(normalize_line) {
        let mut caption = None;
        match caption_prefix_end(&line, &mut caption) {
            Some(end) => {
                let rest = line[end..].trim_start().to_string();
                split.push((line[..end].trim_end().to_string(), None));
                split.push((rest, None));
            }
            None => split.push((line, caption)),
        }
    }
    let mut after_image = false;
    for (line, caption) in split {
        let mut kind = classify_known(&line, caption);
        // Under an image of a scraped table layout (`![](...) |`), a short line closed by the
        // table's `|` is the image's caption.
        if after_image && kind == Kind::Text && line.ends_with('|') && words_up_to(&line, 31) <= 30
        {
            kind = Kind::Caption;
        }
        after_image = kind == Kind::Chrome && line.starts_with("![");
        if kind == Kind::Text && kinds.last() == Some(&Kind::Text) {
            // The first text line of a page is its headline's place: it does not continue
            // into a capitalised line.
            let first_text = text_lines == 1;
            if let Some(prev) = lines.last_mut() {
                let upper_ok = !first_text;
                if continues(prev, &line, upper_ok) {
                    prev.push(' ');
                    prev.push_str(&line);
                    continue;
                }
            }
        }
        if kind == Kind::Text {
            text_lines += 1;
        }
        lines.push(line);
        kinds.push(kind);
    }

    // Lines dropped as related links: their own kind, plus the headline list after a bare
    // heading (up to the first paragraph-like line).
    let mut dropped = vec![false; lines.len()];
    let mut in_list = false;
    for i in 0..lines.len() {
        match kinds[i] {
            Kind::Related | Kind::Chrome | Kind::Caption => {
                dropped[i] = true;
                in_list = false;
            }
            Kind::RelatedHeading => {
                dropped[i] = true;
                in_list = true;
            }
            Kind::Blank => {}
            Kind::Bullet if in_list => dropped[i] = true,
            Kind::Text if in_list && headline_like(&lines[i]) && !paragraph_like(&lines[i]) => {
                dropped[i] = true
            }
            _ => in_list = false,
        }
    }

    // A caption printed on both sides of its photo credit (`<caption>`, `Foto: ANTARA/...`,
    // `<caption>`): the same text around a caption line is the caption, not a headline said
    // twice.
    for c in 0..lines.len() {
        if kinds[c] != Kind::Caption {
            continue;
        }
        let shown = |j: &usize| kinds[*j] != Kind::Blank && !dropped[*j];
        let before = (0..c).rev().find(shown);
        let after = (c + 1..lines.len()).find(shown);
        if let (Some(b), Some(a)) = (before, after) {
            if kinds[b] == Kind::Text && kinds[a] == Kind::Text && lines[b] == lines[a] {
                for j in [b, a] {
                    dropped[j] = true;
                    kinds[j] = Kind::Caption;
                }
            }
        }
    }

    // Story start: the first dateline among the first text lines, else the first paragraph.
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| !dropped[i] && kinds[i] == Kind::Text)
        .collect();
    let mut start = None;
    let mut dateline = None;
    // The dateline opens the first paragraph, or one of the few after a teaser; menus and
    // other short lines before it may be many.
    // After the first paragraph (a teaser), up to two more paragraphs are looked at, with any
    // short lines between them (a byline, a repeated headline, a photo credit).
    let mut paragraphs = 0;
    // The line of a dateline standing alone (not part of the header).
    let mut city_line = None;
    for (k, &i) in candidates.iter().enumerate().take(300) {
        if let Some(d) = headline::parse_dateline(&lines[i]) {
            start = Some(i);
            dateline = Some(d);
            break;
        }
        // A dateline on a line of its own: a known city alone (`JAKARTA`), then the story's
        // first paragraph (wire and agency pages put byline, date and city on lines).
        if let Some(&next) = candidates.get(k + 1) {
            // A dateline cut from its story by a line break (`Warta Kita, Jakarta -`, then the
            // story's first paragraph): read with the paragraph's first words.
            if let Some(d) = dateline_stub(&lines[i], &lines[next]) {
                dateline = Some(d);
                start = Some(next);
                city_line = Some(i);
                break;
            }
            let line = lines[i].trim_end_matches(['-', '–', '—', ',', ':', '.', ' ']);
            // Or a known city and its publisher (`Jakarta, NU Online`).
            let (city, source) = match line.split_once(", ") {
                Some((c, p)) if headline::known_city(c) && (1..=3).contains(&words_up_to(p, 4)) => {
                    (
                        c,
                        Some(headline::publisher(p).map_or_else(|| p.to_string(), str::to_string)),
                    )
                }
                _ => (line, None),
            };
            if words_up_to(city, 4) <= 3
                && headline::known_city(city)
                && paragraph_like(&lines[next])
            {
                dateline = Some(Dateline {
                    city: Some(city.to_string()),
                    source,
                    text: lines[i].clone(),
                    story_offset: 0,
                });
                start = Some(next);
                city_line = Some(i);
                break;
            }
        }
        // (A standfirst printed twice counts once.)
        if paragraph_like(&lines[i]) && !candidates[..k].iter().any(|&j| lines[j] == lines[i]) {
            paragraphs += 1;
            if paragraphs >= 3 {
                break;
            }
        }
    }
    if start.is_none() {
        start = candidates
            .iter()
            .copied()
            .find(|&i| paragraph_like(&lines[i]) && !headline::is_date_line_only(&lines[i]));
    }
    let Some(start) = start.or_else(|| candidates.first().copied()) else {
        // No text at all: everything is boilerplate.
        return Cleaned {
            footer: lines
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| **k == Kind::Credit)
                .map(|(l, _)| l.clone())
                .collect(),
            ..Cleaned::default()
        };
    };

    // Story end: the last paragraph-like text line; shorter text lines after it are trailing
    // boilerplate unless a paragraph follows them.
    // The page's last text line may be a paragraph cut off by the scraper (an excerpt, a
    // truncated body): prose without its full stop is still the story.
    let last_text = (0..lines.len())
        .rev()
        .find(|&i| !dropped[i] && kinds[i] != Kind::Blank);
    let end = (start..lines.len())
        .rev()
        .find(|&i| {
            !dropped[i]
                && kinds[i] == Kind::Text
                && (i == start
                    || paragraph_like(&lines[i])
                    || (Some(i) == last_text && cut_prose(&lines[i]))
                    || (words_up_to(&lines[i], 2) >= 2
                        && ends_sentence(&lines[i])
                        && !initials_re().is_match(&lines[i])))
        })
        .unwrap_or(start);

    let mut header = Vec::new();
    let mut header_joined = Vec::new();
    let mut blank_since = false;
    for i in 0..start {
        if kinds[i] == Kind::Blank {
            blank_since = true;
        }
        if !dropped[i] && matches!(kinds[i], Kind::Text | Kind::Bullet) && city_line != Some(i) {
            header_joined.push(!header.is_empty() && !blank_since);
            header.push(std::mem::take(&mut lines[i]));
            blank_since = false;
        }
    }

    let mut footer = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    for i in start..=end {
        if dropped[i] {
            continue;
        }
        match kinds[i] {
            Kind::Credit => footer.push(std::mem::take(&mut lines[i])),
            Kind::Text | Kind::Bullet => paragraphs.push(std::mem::take(&mut lines[i])),
            _ => {}
        }
    }
    // Author initials closing the story: `... kata dia. (jos/jpnn)`.
    if let Some(last) = paragraphs.last_mut() {
        if let Some(m) = initials_re().find(last) {
            footer.push(m.as_str().trim().to_string());
            last.truncate(m.start());
            if last.is_empty() {
                paragraphs.pop();
            }
        }
    }
    for i in end + 1..lines.len() {
        if !dropped[i] && matches!(kinds[i], Kind::Credit | Kind::Text) {
            footer.push(std::mem::take(&mut lines[i]));
        }
    }
    Cleaned {
        header,
        header_joined,
        paragraphs,
        footer,
        dateline,
    }
}

/// A dateline standing alone on its line, closed by its dash or colon (`Warta Kita, Jakarta -`,
/// `Jakarta (Portal.com)-`), read as the dateline of the paragraph `next` that follows it: the
/// dateline as if the two stood on one line, its text the first line's.
fn dateline_stub(line: &str, next: &str) -> Option<Dateline> {
    let l = line.trim_end();
    if words_up_to(l, 9) > 8
        || !l.ends_with(['-', '–', '—', ':'])
        || !paragraph_like(next)
        || headline::parse_dateline(next).is_some()
    {
        // (A paragraph with a dateline of its own has it: the line above is a credit.)
        return None;
    }
    let joined = format!("{l} {}", next.trim_start());
    let d = headline::parse_dateline(&joined)?;
    // The whole first line, and nothing of the paragraph, is the dateline.
    (d.story_offset >= l.len() && d.text.len() <= l.len()).then(|| Dateline {
        text: l.to_string(),
        story_offset: 0,
        ..d
    })
}

/// Whether `next` continues the sentence of `prev` (a hard-wrapped line).
fn continues(prev: &str, next: &str, upper_ok: bool) -> bool {
    if ends_sentence(prev) {
        return false;
    }
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        // A lead opening with the publisher's address in lower case (`jpnn.com - JAKARTA -`,
        // `tirto.id - Warga ...`) starts the story: it continues no headline.
        let first_word = next.split_whitespace().next().unwrap_or("");
        return !(first_word.contains('.') && headline::parse_dateline(next).is_some());
    }
    // A line stopping at a comma goes on in the next, even the page's first line (no headline
    // ends with a comma: `Patroli laut bersama Filipina,` then `Indonesia, dan Malaysia ...`);
    // never into a date line.
    let comma = prev.trim_end().ends_with(',');
    if !(upper_ok || comma) || headline::parse_dateline(next).is_some() {
        return false;
    }
    if comma {
        return true;
    }
    // A long line cut after a lower-case word, followed by more text (not a date line): a
    // headline in title case ends with a capitalised word and is not joined.
    let last_word = prev.split_whitespace().last().unwrap_or("");
    prev.chars().count() >= 50
        && last_word.chars().next().is_some_and(char::is_lowercase)
        && !headline::is_date_line_only(next)
}

impl Cleaned {
    /// The header as one string, one line per line.
    pub fn header_text(&self) -> String {
        self.header.join("\n")
    }

    /// The footer as one string, one line per line.
    pub fn footer_text(&self) -> String {
        self.footer.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P1: &str = "Aparat keamanan di kota pelabuhan itu memperketat pemeriksaan penumpang kapal sejak awal pekan ini.";
    const P2: &str = "Kepala kepolisian setempat menyebut langkah itu bagian dari pengamanan rutin menjelang hari raya.";

    #[test]
    fn the_fast_path_of_normalize_line_agrees_with_folding() {
        let pieces = [
            "Kepala",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{200b}",
            "\u{ad}",
            "\u{3000}",
            "\u{2009}",
            "“kerja sama”",
            "é",
            "Â",
            "\u{7f}",
            "\u{85}",
            "—",
            "x",
            ".",
        ];
        // Every string of up to three pieces: each fast-path verdict is checked by folding.
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let line = format!("{a}{b}{c}");
                    assert_eq!(is_normal(&line), fold_spaces(&line) == line, "{line:?}");
                    assert_eq!(normalize_line(&line), fold_spaces(&line), "{line:?}");
                    n += 1;
                }
            }
        }
        assert_eq!(n, pieces.len().pow(3));
    }

    #[test]
    fn captions_split_in_two_expressions_match_as_one() {
        // The single expression the two replaced, as the reference.
        let one = Regex::new(
            r"(?i)^[\[(]?\s*(foto|photo|ilustrasi|gambar|image|dok(umentasi)?|sumber\s+(foto|gambar))\s*[.:|)\]]|\((antara\s*foto|antara/|ho[-/ ]|dok[./ ]|foto\s*:|photo\s*:|istimewa|foto\s+istimewa)[^()]{0,80}\)\.?$|^(arsip\s+foto|foto\s+arsip|ilustrasi|dokumentasi)\s+[-–—]\s|\bANTARA\s*FOTO/[^\s/]+(/[^\s/]+)*\.?$",
        )
        .unwrap();
        let lines = [
            "Foto: Humas Polda. Petugas berjaga di depan gedung.",
            "(Foto: Dok. Humas)",
            "Petugas berjaga di depan gedung kantor camat. (ANTARA FOTO/Nama Fotografer/abc)",
            "Petugas berjaga di depan gedung. ANTARA FOTO/Nama Fotografer/abc.",
            "Petugas berjaga di depan gedung. ANTARAFOTO/Nama",
            "Ilustrasi - Anggota Densus berjaga.",
            "Arsip foto – rapat koordinasi.",
            "Rapat berlangsung di Jakarta (istimewa).",
            "Rapat itu (foto: panitia) berlangsung lama.",
            "Rapat berlangsung di Jakarta, kata dia (ant).",
            "Sebuah foto/video beredar di media sosial pada Senin.",
            "Polisi menyita barang bukti dari rumah tersangka.",
            "dokumentasi rapat",
            "Kerja sama (HO-Humas)..",
            "",
        ];
        for line in lines {
            assert_eq!(is_caption(line), one.is_match(line), "{line:?}");
        }
        assert!(lines.iter().filter(|l| is_caption(l)).count() >= 7);
    }

    #[test]
    fn normalises_spaces_and_markdown() {
        assert_eq!(
            normalize_line("RM.id\u{a0}\u{a0}Rakyat  Merdeka -"),
            "RM.id Rakyat Merdeka -"
        );
        assert_eq!(
            normalize_line("perkuat [kerja sama](#) dan [ISIS](https://x.y/z)"),
            "perkuat kerja sama dan ISIS"
        );
        assert_eq!(
            normalize_line("dalam _opening remarks_ nya"),
            "dalam opening remarks nya"
        );
        assert_eq!(
            normalize_line("nama_berkas_ini tetap"),
            "nama_berkas_ini tetap"
        );
        assert_eq!(normalize_line("\u{a0}Selanjutnya\u{a0}"), "Selanjutnya");
        assert_eq!(normalize_line("a\u{200b}b"), "ab");
        assert_eq!(normalize_line("KOTA -Â Polisi"), "KOTA - Polisi");
        assert_eq!(normalize_line("KOTA -Â\u{a0}Polisi"), "KOTA - Polisi");
        assert_eq!(normalize_line("Âme"), "Âme");
        assert_eq!(
            normalize_line("![Foto rapat](https://x.y/a.jpg) |"),
            "![]() |"
        );
    }

    #[test]
    fn a_city_alone_on_its_line_before_the_story_is_the_dateline() {
        let story = "Polisi gabungan menggelar latihan pengamanan pelabuhan penumpang selama dua hari bersama petugas syahbandar dan relawan setempat.";
        let page = format!("Latihan Gabungan Amankan Pelabuhan Penumpang\nNama Penulis\n2017.11.06\nJAKARTA\n\n{story}\n\nLatihan berakhir pada sore hari.");
        let c = clean(&page);
        let d = c.dateline.as_ref().expect("a dateline");
        assert_eq!(d.city.as_deref(), Some("JAKARTA"));
        assert_eq!(d.source, None);
        assert_eq!(c.paragraphs[0], story);
        assert!(!c.header.iter().any(|h| h == "JAKARTA"), "{:?}", c.header);
        assert_eq!(c.story_without_dateline().lines().next(), Some(story));
        // A city named in a line of more words is no dateline.
        let page = format!("Kabar dari Jakarta Hari Ini\n\n{story}");
        assert!(clean(&page).dateline.is_none());
    }

    #[test]
    fn a_dateline_line_with_its_publisher() {
        let story = "Petugas pemadam menemukan tabung gas yang bocor di dapur rumah makan itu sebelum api menjalar, kata juru bicara kepolisian.";
        let c = clean(&format!(
            "Kebocoran Gas Cepat Ditangani\nJakarta, Warta Kita\n{story}"
        ));
        let d = c.dateline.expect("dateline");
        assert_eq!(d.city.as_deref(), Some("Jakarta"));
        assert_eq!(d.source.as_deref(), Some("Warta Kita"));
        assert_eq!(c.paragraphs, [story]);
    }

    #[test]
    fn a_caption_on_both_sides_of_its_credit_goes() {
        let story = "Kepala lembaga itu mengatakan pemblokiran rekening dilakukan bersama satuan tugas sejak awal tahun, kata juru bicara.";
        let caption = "Petugas gabungan menyisir hutan di lereng gunung";
        let page = format!(
            "Rekening Jaringan Teror Diblokir\n{caption}\nFoto: PORTAL/NAMA FOTOGRAFER\n{caption}\nKOTA, Portal - {story}"
        );
        let c = clean(&page);
        assert_eq!(
            c.header,
            ["Rekening Jaringan Teror Diblokir"],
            "{:?}",
            c.header
        );
        // A headline said twice with no credit between stays.
        let page = format!("Rekening Jaringan Teror Diblokir\nRekening Jaringan Teror Diblokir\nKOTA, Portal - {story}");
        assert_eq!(clean(&page).header.len(), 2);
    }

    #[test]
    fn an_image_of_a_table_layout_and_its_caption_go() {
        let story = "Petugas gabungan memeriksa kendaraan yang keluar dari pelabuhan penumpang sejak pagi hari, kata juru bicara kepolisian setempat.";
        let page = format!(
            "![]() |\nPeta Jalur Kapal Penumpang Antarpulau |\nKOTA, Kabar - {story}\n![foto](https://x.y/b.jpg) |\nJuru bicara kepolisian setempat |\nPemeriksaan berlangsung sampai malam dan tidak mengganggu jadwal keberangkatan kapal."
        );
        let c = clean(&page);
        assert!(c.header.is_empty(), "{:?}", c.header);
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
        assert!(c.paragraphs[0].ends_with("kepolisian setempat."));
        assert!(c.paragraphs[1].starts_with("Pemeriksaan berlangsung"));
        assert!(!c.body().contains('|') && !c.body().contains("!["));
    }

    #[test]
    fn classifies_boilerplate_by_shape() {
        for l in [
            "Baca juga: Sesuatu Terjadi",
            "BACA JUGA:Sesuatu",
            "Baca Lagi: X Y",
            "BACAJUGA: X",
            "Baca juga : X",
        ] {
            assert_eq!(classify(l), Kind::Related, "{l}");
        }
        assert_eq!(classify("Baca Juga"), Kind::RelatedHeading);
        assert_eq!(classify("Berita Terkait"), Kind::RelatedHeading);
        for l in [
            "Dark/Light Mode",
            "Nasional619 Dilihat",
            "Hukum 1.204 kali dibaca",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Tinggalkan Balasan",
            "Alamat email Anda tidak akan ditampilkan. Kolom wajib diberi tanda *",
            "Discussion about this post",
            "Update berita pilihan dan artikel menarik lainnya di Google News",
            "Ikuti kanal kami di WhatsApp untuk berita terbaru",
            "Selanjutnya",
            "Advertisement",
            "Facebook Twitter WhatsApp",
            "Bagikan:",
            "Simak breaking news dan berita pilihan kami langsung di ponselmu melalui saluran WhatsApp",
            "Nikmati berita pilihan tanpa gangguan hanya di aplikasi kami",
        ] {
            assert_eq!(classify(l), Kind::Chrome, "{l}");
        }
        for l in [
            "Foto: Humas Polda.",
            "FOTO: Dok. Istimewa",
            "(Foto: Istimewa)",
            "Ilustrasi: teroris",
            "Ilustrasi - Petugas berjaga di depan gedung pada Senin (5/10/2020). ANTARA FOTO/Fulan/abc.",
            "Petugas berjaga di depan gedung pada Senin (5/10/2020). ANTARA FOTO/Fulan/abc.",
            "Kepala badan menerima tamu di kantornya, Selasa (3/3/2015). (ANTARA/HO-Humas)",
        ] {
            assert_eq!(classify(l), Kind::Caption, "{l}");
        }
        for l in [
            "Pewarta: Budi",
            "Editor : Redaksi",
            "Sumber : bnpt.go.id",
            "written by Admin",
            "Copyright © ANTARA 2022",
            "Tags: terorisme",
        ] {
            assert_eq!(classify(l), Kind::Credit, "{l}");
        }
        assert_eq!(classify(P1), Kind::Text);
        assert_eq!(
            classify("Sumber itu mengatakan para pelaku sudah lama diawasi."),
            Kind::Text
        );
        assert_eq!(
            classify("Ia bergabung dengan grup Telegram milik jaringan itu sejak 2019."),
            Kind::Text
        );
        for story in [
            "Bergabung dengan kelompok itu melalui grup Telegram, ia kemudian berangkat ke luar negeri.",
            "Mereka menyebarkan propaganda melalui saluran WhatsApp dan media sosial lain.",
            "Berita terkait penangkapan itu cepat menyebar di media sosial.",
            "Oleh Polri, kedua tersangka dijerat pasal berlapis.",
            "Oleh karena itu, kerja sama harus diperkuat.",
        ] {
            assert_eq!(classify(story), Kind::Text, "{story}");
        }
        assert_eq!(classify("Oleh Fulan Fulani"), Kind::Credit);
        assert_eq!(classify("Penulis Fulan | Editor Fulani"), Kind::Credit);
    }

    #[test]
    fn splits_header_story_footer() {
        let page = format!(
            "Dark/Light Mode\n\nPolisi Perketat Pemeriksaan Kapal\n\nSelasa, 10 April 2018 | 08:42 WIB\nFoto: Dok. Polda, 2015.\n\nJAKARTA - {P1}\n\nBaca juga: Menlu Bertemu Mitra dari Jepang\n\n{P2} (abc/xyz)\n\nSelanjutnya\n\nEditor: Fulan\n\nTinggalkan Balasan\n\nAlamat email Anda tidak akan dipublikasikan."
        );
        let c = clean(&page);
        assert_eq!(
            c.header,
            vec![
                "Polisi Perketat Pemeriksaan Kapal",
                "Selasa, 10 April 2018 | 08:42 WIB"
            ]
        );
        assert_eq!(
            c.paragraphs,
            vec![format!("JAKARTA - {P1}"), P2.to_string()]
        );
        assert_eq!(
            c.footer,
            vec!["(abc/xyz)".to_string(), "Editor: Fulan".to_string()]
        );
        assert_eq!(
            c.dateline.as_ref().and_then(|d| d.city.as_deref()),
            Some("JAKARTA")
        );
        assert_eq!(c.story_without_dateline(), format!("{P1}\n\n{P2}"));
    }

    #[test]
    fn bare_related_heading_drops_its_list() {
        let page = format!(
            "{P1}\n\nBaca Juga\n\nMenteri Bertemu Dubes Jepang\nPolisi Tangkap Dua Orang di Filipina\n\n{P2}\n\n- Kapal Terbakar di Pelabuhan Lama\n- Warga Rusia Ditangkap"
        );
        let c = clean(&page);
        assert_eq!(c.paragraphs, vec![P1.to_string(), P2.to_string()]);
        assert!(c.header.is_empty());
        assert!(!c.footer.iter().any(|l| l.contains("Jepang")));
    }

    /// The page's first line stopping at a comma is no headline: it goes on in the next line.
    #[test]
    fn a_first_line_stopping_at_a_comma_goes_on() {
        let c = clean(
            "Latihan laut bersama Filipina,\nIndonesia, dan Malaysia digelar bulan depan di \
             perairan perbatasan, kata juru bicara angkatan laut.",
        );
        assert!(c.header.is_empty(), "{:?}", c.header);
        assert!(c.paragraphs[0].starts_with("Latihan laut bersama Filipina, Indonesia, dan"));
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        let page = "Aparat keamanan di kota pelabuhan itu memperketat pemeriksaan\npenumpang kapal sejak awal pekan ini, kata kepala kepolisian\nsetempat kepada wartawan di kantornya.\n\nKepala kepolisian setempat menyebut langkah itu bagian dari pengamanan rutin.";
        let c = clean(page);
        assert_eq!(c.paragraphs.len(), 2);
        assert!(c.paragraphs[0].contains("pemeriksaan penumpang"));
        assert!(c.paragraphs[0].contains("kepolisian setempat kepada"));
    }

    /// A story cut off by the scraper mid-sentence keeps its last paragraph (and a subhead
    /// before it): they are no footer.
    #[test]
    fn a_paragraph_cut_off_at_the_end_is_still_the_story() {
        let c = clean(
            "JAKARTA - Kepala badan itu memimpin delegasi dalam sidang tahunan lembaga PBB di \
             Wina. Ia menyampaikan sikap pemerintah tentang kerja sama internasional yang kuat.\n\
             Perkuat Sinergi dengan Lembaga PBB\n\
             Kepala badan juga mengungkapkan bahwa pemerintah terus memperkuat kerja sama teknis \
             bersama lembaga itu, khususnya dalam kerangka program",
        );
        assert_eq!(c.paragraphs.len(), 3, "{:?}", c.paragraphs);
        assert!(c.paragraphs[2].ends_with("kerangka program"));
        assert!(c.footer.is_empty(), "{:?}", c.footer);
    }

    /// A dateline cut from its story by a blank line is the story's dateline, not a header line.
    #[test]
    fn a_dateline_on_a_line_of_its_own() {
        let c = clean(
            "Menlu Bertemu Menteri Negara Sahabat Bahas Keamanan Kawasan\n\
             Warta Kita, Jakarta -\n\n\
             Menteri Luar Negeri bertemu dengan menteri negara sahabat untuk membahas kerja \
             sama keamanan kawasan di kantornya.\n\n\
             Keduanya sepakat memperkuat pertukaran informasi.",
        );
        let d = c.dateline.expect("dateline");
        assert_eq!(d.city.as_deref(), Some("Jakarta"));
        assert_eq!(d.source.as_deref(), Some("Warta Kita"));
        assert_eq!(
            c.header,
            vec!["Menlu Bertemu Menteri Negara Sahabat Bahas Keamanan Kawasan"]
        );
        assert!(c.paragraphs[0].starts_with("Menteri Luar Negeri bertemu"));
        // A photo credit over a paragraph with its own dateline is no dateline.
        let c = clean(
            "Menlu Bertemu Menteri Negara Sahabat Bahas Keamanan Kawasan\n\
             FOTO DOKUMEN KEMENTERIAN--\n\
             PORTALKITA.CO.ID - Menteri Luar Negeri bertemu dengan menteri negara sahabat untuk \
             membahas kerja sama keamanan kawasan di kantornya.",
        );
        assert_eq!(
            c.dateline.and_then(|d| d.source).as_deref(),
            Some("PORTALKITA.CO.ID")
        );
    }

    /// A lead opening with the publisher's address in lower case starts the story under the
    /// headline: it is not the headline's wrapped end.
    #[test]
    fn a_lower_case_address_lead_is_no_wrapped_line() {
        let c = clean(
            "Polisi Siap Periksa Warga yang Dipulangkan dari Luar Negeri\n\
             portalberita.com - BANDUNG - Kepala kepolisian daerah memastikan anak buahnya akan \
             memeriksa para warga begitu mereka tiba di bandara.\n\
             Sebelumnya para warga itu ditahan otoritas setempat di perbatasan.",
        );
        assert_eq!(
            c.header,
            vec!["Polisi Siap Periksa Warga yang Dipulangkan dari Luar Negeri"]
        );
        assert!(c.paragraphs[0].starts_with("portalberita.com - BANDUNG - Kepala"));
    }

    #[test]
    fn story_starting_at_dateline_has_no_header() {
        let c = clean(&format!(
            "Poso (ANTARA) - {P1}\n{P2}\nCopyright © ANTARA 2019"
        ));
        assert!(c.header.is_empty());
        assert_eq!(c.paragraphs.len(), 2);
        assert_eq!(c.footer, vec!["Copyright © ANTARA 2019"]);
    }

    /// The story of the fixture below, sentence by sentence: cleaning must keep every one.
    const STORY: &[&str] = &[
        "JAKARTA - Badan penanggulangan terorisme dan kepolisian negara sahabat menggelar latihan bersama di pelabuhan penumpang, Selasa (4/6).",
        "Latihan itu melibatkan empat ratus personel dari kedua negara.",
        "Kepala badan mengatakan kerja sama itu sudah berjalan sejak nota kesepahaman ditandatangani.",
        "\"Kami berbagi pengalaman dalam menangani ancaman di jalur laut,\" katanya.",
        "Delegasi tamu dipimpin wakil kepala kepolisian negara itu.",
        "Kedua pihak sepakat menggelar latihan serupa tahun depan di negara mitra.",
        "Latihan ditutup dengan simulasi pembebasan sandera di kapal penumpang.",
    ];

    #[test]
    fn cleaning_loses_no_sentence_of_the_story() {
        // Each paragraph of the story is given the way scraped pages and JSON Lines bodies
        // give it: a caption glued before it, a related-link line, a credit, site chrome.
        let page = format!(
            "Beranda » Nasional\n\
             Dua Negara Gelar Latihan Bersama di Pelabuhan\n\
             Selasa, 4 Juni 2019 10:00 WIB\n\
             Foto: Humas Badan. {} {}\n\
             Baca juga: Polisi Siaga di Perbatasan\n\
             {} {}\n\
             Foto: Dok. Kepolisian. {}\n\
             (ANTARA FOTO/Nama Fotografer)\n\
             Ilustrasi latihan. (Foto: Istimewa) {} {}\n\
             Editor: Redaksi\n\
             Tinggalkan Balasan",
            STORY[0], STORY[1], STORY[2], STORY[3], STORY[4], STORY[5], STORY[6]
        );
        let c = clean(&page);
        let body = c.body();
        for sentence in STORY {
            assert!(body.contains(sentence), "lost: {sentence}\nbody: {body}");
        }
        // And the captions, credits and links are gone.
        for chrome in [
            "Foto:",
            "Humas Badan",
            "ANTARA FOTO",
            "Baca juga",
            "Editor",
            "Istimewa",
        ] {
            assert!(!body.contains(chrome), "kept {chrome:?}: {body}");
        }
    }

    #[test]
    fn captions_credits_and_short_last_paragraph() {
        let page = format!(
            "{P1}\n\nKepala dinas meninjau lokasi bersama tamu dari luar negeri pada 2015. (ANTARA/HO-Humas)\n\n{P2}\n\nDemikian disampaikan.\n\nDilarang keras mengambil konten atau melakukan crawling tanpa izin tertulis dari redaksi situs ini.\n\n***"
        );
        let c = clean(&page);
        assert_eq!(c.paragraphs, vec![P1, P2, "Demikian disampaikan."]);
        assert_eq!(c.footer.len(), 1);
        assert!(c.footer[0].starts_with("Dilarang keras"));
    }

    #[test]
    fn headline_and_dateline_lines_are_not_joined() {
        // A sentence-case headline of wrap-like length, then the story with no blank line.
        let page = format!("Aparat keamanan dan warga bersatu menjaga kampung dari ancaman teror\nJakarta (ANTARA) - {P1}");
        let c = clean(&page);
        assert_eq!(c.header.len(), 1);
        assert!(c.dateline.is_some());
        let page = format!("{P2}\nKepala dinas yang baru dilantik itu juga mengatakan bahwa pengamanan tempat ibadah,\nJAKARTA - {P1}");
        let c = clean(&page);
        assert!(
            c.paragraphs.iter().any(|p| p.starts_with("JAKARTA - ")),
            "{:?}",
            c.paragraphs
        );
    }

    #[test]
    fn header_lines_know_whether_a_blank_line_stood_before_them() {
        let c = clean(
            "Menu Utama Situs\n\nJudul Berita Yang Panjang Sekali\nAnak Judul Yang Menyertainya\n\
             Selasa, 27 Januari 2009 – 01:33 WIB\n\n\
             JAKARTA - Polisi menahan tiga orang yang diduga terlibat jaringan teror di wilayah \
             itu pada pekan lalu, kata juru bicara.\n",
        );
        assert_eq!(c.header.len(), c.header_joined.len());
        let joined: Vec<(&str, bool)> = c
            .header
            .iter()
            .map(String::as_str)
            .zip(c.header_joined.iter().copied())
            .collect();
        assert_eq!(
            joined,
            [
                ("Menu Utama Situs", false),
                ("Judul Berita Yang Panjang Sekali", false),
                ("Anak Judul Yang Menyertainya", true),
                ("Selasa, 27 Januari 2009 – 01:33 WIB", true),
            ]
        );
    }

    #[test]
    fn a_tagged_headline_and_a_standfirst_said_twice_before_the_dateline() {
        let raw = "Ledakan di Hotel Mewah Mirip Ledakan Bom di Kota Lain (Arsip Harian)\n\
                   Bom mobil meledak di sebuah hotel pada Selasa siang, menelan banyak korban dan \
                   melukai lebih dari seratus orang. Ini ledakan kelima tahun itu.\n\n\
                   Bom mobil meledak di sebuah hotel pada Selasa siang, menelan banyak korban dan \
                   melukai lebih dari seratus orang. Ini ledakan kelima tahun itu.\n\
                   Artikel berikut ini pernah terbit di Harian Contoh edisi 6 Agustus 2003. Kami \
                   terbitkan kembali dalam rubrik Arsip.\n\
                   JAKARTA, HARIAN - Kepala Kepolisian menyatakan bahwa ledakan itu mirip dengan \
                   ledakan di kota lain dan polisi sedang menyelidiki kasus tersebut.\n";
        let c = clean(raw);
        assert_eq!(
            c.header.first().map(String::as_str),
            Some("Ledakan di Hotel Mewah Mirip Ledakan Bom di Kota Lain (Arsip Harian)")
        );
        let d = c.dateline.expect("dateline");
        assert_eq!(d.city.as_deref(), Some("JAKARTA"));
        assert!(
            c.paragraphs[0].starts_with("JAKARTA, HARIAN - Kepala"),
            "{:?}",
            c.paragraphs
        );
    }

    #[test]
    fn dateline_after_a_long_menu_and_a_teaser() {
        let mut page = String::new();
        for item in [
            "Beranda",
            "Nasional",
            "Internasional",
            "Ekonomi",
            "Olahraga",
            "Hiburan",
        ] {
            page.push_str(item);
            page.push('\n');
        }
        for n in 0..20 {
            page.push_str(&format!("Menu {n}\n"));
        }
        page.push_str("Polisi Perketat Pemeriksaan Kapal\n\n");
        page.push_str(
            "Ringkasan berita ini menyebut pemeriksaan kapal diperketat mulai pekan ini.\n\n",
        );
        page.push_str(&format!("Makassar (ANTARA) - {P1}\n\n{P2}"));
        let c = clean(&page);
        assert_eq!(c.dateline.and_then(|d| d.city).as_deref(), Some("Makassar"));
        assert_eq!(c.paragraphs.len(), 2);
        let header: Vec<&str> = c.header.iter().map(String::as_str).collect();
        assert_eq!(
            headline::title(&header).map(|t| t.1).as_deref(),
            Some("Polisi Perketat Pemeriksaan Kapal")
        );
    }

    #[test]
    fn empty_and_boilerplate_only() {
        assert_eq!(clean(""), Cleaned::default());
        let c = clean("Dark/Light Mode\nEditor: X");
        assert!(c.paragraphs.is_empty());
        assert_eq!(c.footer, vec!["Editor: X"]);
    }
}

/// The examples of the items above (crate-private, so not doc tests).
#[cfg(test)]
mod examples {
    #[test]
    fn clean_as_documented() {
        use crate::extract::clean::clean;
        let page = "Dark/Light Mode\n\nPolisi Bahas Keamanan Pelabuhan\n\nFoto: Humas.\n\nJAKARTA - Polisi dan otoritas pelabuhan membahas langkah pengamanan baru untuk kapal penumpang pekan ini.\n\nBaca juga: Hujan Deras Landa Kota\n\nRapat dihadiri sepuluh instansi dan berlangsung selama tiga jam di kantor pelabuhan.\n\nEditor: Redaksi\n\nTinggalkan Balasan";
        let c = clean(page);
        assert_eq!(c.header, vec!["Polisi Bahas Keamanan Pelabuhan"]);
        assert_eq!(c.paragraphs.len(), 2);
        assert!(c.paragraphs[0].starts_with("JAKARTA - Polisi"));
        assert_eq!(c.footer, vec!["Editor: Redaksi"]);
    }
}
