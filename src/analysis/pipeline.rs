//! The analyzer's stages in one token stream.
//!
//! Chained as tantivy filters, the stages after the tokenizer (hyphens, compounds, stopwords,
//! stems, joined terms) are five stream layers, each of which looks at every token again: a
//! scan for hyphens, a compound test, a stopword lookup, a stem lookup, a pair lookup, and
//! copies of the token in between. [`Pipeline`] is one tokenizer doing the same work: it reads
//! the tokenizer's normalised forms, resolves hyphenated forms, and for each word makes one
//! lookup in a memo of everything the later stages decide about that word alone (its compound
//! split, whether it is a stopword, its stem, whether that stem starts or ends a joined pair).
//! News vocabulary repeats, so most tokens cost the tokenizer and one hash lookup. What depends
//! on neighbours (stopwords kept in an open compound, joined terms) is decided on the pieces,
//! as the filters do.
//!
//! Its tokens are those of the filter chain, token for token: a test compares the two on varied
//! text in every configuration of the builder.

use std::collections::VecDeque;
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::compounds::{original_split, CompoundFilter};
use super::hyphen::{digit_reduplication, repeats, resolve, Part, Resolved};
use super::join::{join_into, JoinFilter, JoinMode, Pairs};
use super::short_str::Word;
use super::stem_filter::StemFilter;
use super::stemmer::StemCache;
use super::stopwords::{StopWordFilter, ROLE_FIRST, ROLE_SECOND};
use super::tokenizer::Forms;
use super::word_memo::WordMemo;

/// The stages after the hyphen filter, as configured: the filters the analyzer's chain would
/// have, whose tables and settings [`Pipeline`] uses.
#[derive(Clone)]
pub(crate) struct Stages {
    /// Closed compounds and bound prefixes split.
    pub(crate) compounds: CompoundFilter,
    /// Stopwords removed, if on.
    pub(crate) stopwords: Option<StopWordFilter>,
    /// Stems, if on.
    pub(crate) stem: Option<StemFilter>,
    /// Joined compound terms, if on.
    pub(crate) join: Option<JoinFilter>,
}

/// A piece's final form starts a joined pair.
const PAIR_FIRST: u8 = 1;
/// A piece's final form ends a joined pair.
const PAIR_SECOND: u8 = 2;

/// What the stages after the compound split make of a word on its own.
#[derive(Clone, Debug)]
struct PieceInfo {
    /// Its role in the compound table if it is a stopword (see [`StopWordFilter::role`]).
    stop: Option<u8>,
    /// Its stem, if not the word itself (shared: pieces copy it).
    stem: Option<Arc<str>>,
    /// [`PAIR_FIRST`] | [`PAIR_SECOND`]: where its final form stands in the joined pairs.
    pair: u8,
}

/// What the stages after the hyphen filter make of a word on its own: the memo's value.
#[derive(Clone, Debug)]
struct Analysis {
    /// Where it splits as a token of its own (a closed compound, a bound prefix).
    split: Option<usize>,
    /// What the later stages make of it as one piece.
    piece: PieceInfo,
}

impl Stages {
    /// What the stopword, stem and join stages make of `word` on its own.
    fn piece_info(
        &self,
        word: &str,
        stems: &mut Option<StemCache>,
        scratch: &mut String,
    ) -> PieceInfo {
        let stop = self.stopwords.as_ref().and_then(|s| s.role(word));
        // As the stem filter does: tokens holding a digit are left as they are.
        let stem = match stems {
            Some(cache) if !word.bytes().any(|b| b.is_ascii_digit()) => {
                cache.stem_into(word, scratch);
                (scratch != word).then(|| Arc::from(scratch.as_str()))
            }
            _ => None,
        };
        let final_form = stem.as_deref().unwrap_or(word);
        let pair = self.join.as_ref().map_or(0, |join| {
            let pairs = join.pairs();
            (u8::from(pairs.is_first(final_form)) * PAIR_FIRST)
                | (u8::from(pairs.is_second(final_form)) * PAIR_SECOND)
        });
        PieceInfo { stop, stem, pair }
    }

    /// What the stages after the hyphen filter make of `word` (normalised, no hyphen).
    fn analyse(&self, word: &str, stems: &mut Option<StemCache>, scratch: &mut String) -> Analysis {
        Analysis {
            split: self.compounds.split_point(word),
            piece: self.piece_info(word, stems, scratch),
        }
    }
}

/// The memo of word analyses and the buffers to make one.
struct Lookup {
    memo: WordMemo<Analysis>,
    /// The stemmer behind the memo shared by the clones of the analyzer.
    stems: Option<StemCache>,
    scratch: String,
}

impl Lookup {
    fn new(stages: &Stages, capacity: usize) -> Self {
        let stems = stages.stem.as_ref().map(StemFilter::shared_cache);
        Lookup {
            memo: WordMemo::new(capacity),
            stems,
            scratch: String::new(),
        }
    }

    #[inline]
    fn analysis(&mut self, stages: &Stages, word: &str) -> &Analysis {
        let Lookup {
            memo,
            stems,
            scratch,
        } = self;
        memo.get_or_insert_with(word, || stages.analyse(word, stems, scratch))
    }
}

/// The Indonesian analyzer as one tokenizer (see the module documentation). Each clone has its
/// own memo, empty, and shares the stem memo of the others.
pub(crate) struct Pipeline {
    stages: Arc<Stages>,
    lookup: Lookup,
    capacity: usize,
    buffers: Buffers,
}

/// Buffers reused from one text to the next.
#[derive(Default)]
struct Buffers {
    token: Token,
    /// The token to hand out after a joined term.
    second: Token,
    /// The normalised form being split.
    form: String,
    /// The form before it, as the tokenizer gave it.
    prev_form: String,
    parts: Vec<Part>,
    pieces: VecDeque<Piece>,
}

impl Pipeline {
    /// The analyzer: the tokenizer's normalised forms, hyphens resolved, then `stages` as
    /// their filters would do them, memoising the analyses of up to `capacity` words.
    pub(crate) fn new(stages: Stages, capacity: usize) -> Self {
        let stages = Arc::new(stages);
        Pipeline {
            lookup: Lookup::new(&stages, capacity),
            stages,
            capacity,
            buffers: Buffers::default(),
        }
    }
}

impl Clone for Pipeline {
    fn clone(&self) -> Self {
        Pipeline {
            stages: Arc::clone(&self.stages),
            lookup: Lookup::new(&self.stages, self.capacity),
            capacity: self.capacity,
            buffers: Buffers::default(),
        }
    }
}

impl Tokenizer for Pipeline {
    type TokenStream<'a> = PipelineStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PipelineStream<'a> {
        let b = &mut self.buffers;
        b.token.reset();
        b.second.reset();
        b.pieces.clear();
        PipelineStream {
            text,
            forms: Forms::new(text),
            stages: &self.stages,
            lookup: &mut self.lookup,
            token: &mut b.token,
            second: &mut b.second,
            form: &mut b.form,
            prev_form: &mut b.prev_form,
            prev_position: None,
            merged: 0,
            parts: &mut b.parts,
            pieces: &mut b.pieces,
            shift: 0,
            stop_prev: None,
            join_prev: JoinPrev::default(),
            held: None,
            then_second: false,
        }
    }
}

/// A token between the stages: a word after the hyphen and compound splits.
#[derive(Clone, Debug)]
struct Piece {
    position: usize,
    from: usize,
    to: usize,
    /// The normalised word, before stemming.
    word: Word,
    info: PieceInfo,
}

impl Piece {
    /// The word as it is indexed: its stem, or itself.
    #[inline]
    fn final_form(&self) -> &str {
        self.info.stem.as_deref().unwrap_or(self.word.as_str())
    }

    /// Whether `self` then `next` is a joined pair.
    #[inline]
    fn joins(&self, next: &Piece, pairs: &Pairs) -> bool {
        self.info.pair & PAIR_FIRST != 0
            && next.info.pair & PAIR_SECOND != 0
            && self.position + 1 == next.position
            && pairs.contains(self.final_form(), next.final_form())
    }
}

/// The stream of [`Pipeline`].
pub(crate) struct PipelineStream<'a> {
    text: &'a str,
    forms: Forms<'a>,
    stages: &'a Stages,
    lookup: &'a mut Lookup,
    token: &'a mut Token,
    second: &'a mut Token,
    form: &'a mut String,
    /// The previous form as the tokenizer gave it, and its position: a form that repeats it
    /// (`negara negara`) is merged into it, as `negara-negara` is.
    prev_form: &'a mut String,
    prev_position: Option<usize>,
    /// How many positions later forms move back because repeated forms were merged.
    merged: usize,
    parts: &'a mut Vec<Part>,
    /// Pieces made and not yet through the stopword stage.
    pieces: &'a mut VecDeque<Piece>,
    /// How many positions later pieces move because earlier forms were split.
    shift: usize,
    /// The stopword stage's previous piece (kept or not), when some stopword can be the second
    /// word of a compound.
    stop_prev: Option<(Word, usize)>,
    /// [`JoinMode::Add`]: the previous token handed out.
    join_prev: JoinPrev,
    /// [`JoinMode::Replace`]: the piece read ahead.
    held: Option<Piece>,
    /// [`JoinMode::Add`]: `second` goes out next (a joined term went out before it).
    then_second: bool,
}

/// What the join stage keeps of the previous token in [`JoinMode::Add`].
#[derive(Default)]
struct JoinPrev {
    position: usize,
    from: usize,
    /// Its [`PAIR_FIRST`] | [`PAIR_SECOND`] flags (0 before the first token).
    pair: u8,
    /// Its text, when it can start a pair.
    text: String,
}

/// Pushes the pieces of `word` (normalised, no hyphen; `text[from..to]` is under it) from
/// `position` on. Returns how many.
fn push_word(
    stages: &Stages,
    lookup: &mut Lookup,
    pieces: &mut VecDeque<Piece>,
    text: &str,
    word: &str,
    (from, to): (usize, usize),
    position: usize,
) -> usize {
    let mut push = |position, from, to, word: &str, info| {
        pieces.push_back(Piece {
            position,
            from,
            to,
            word: Word::new(word),
            info,
        })
    };
    let analysis = lookup.analysis(stages, word);
    let Some(at) = analysis.split else {
        push(position, from, to, word, analysis.piece.clone());
        return 1;
    };
    let middle = from + original_split(&text[from..to], word, at);
    let (first, second) = word.split_at(at);
    let info = lookup.analysis(stages, first).piece.clone();
    push(position, from, middle, first, info);
    let info = lookup.analysis(stages, second).piece.clone();
    push(position + 1, middle, to, second, info);
    2
}

impl PipelineStream<'_> {
    /// Makes the pieces of the form now in `form`, the `position`-th of the text, over
    /// `text[from..to]`. False if it makes none (a form of hyphens and clitics).
    fn push_form(&mut self, position: usize, from: usize, to: usize) -> bool {
        let start = position + self.shift;
        let form: &str = self.form;
        let made = if !form.as_bytes().contains(&b'-') {
            push_word(
                self.stages,
                self.lookup,
                self.pieces,
                self.text,
                form,
                (from, to),
                start,
            )
        } else {
            match resolve(form, &self.text[from..to], from, self.parts) {
                Resolved::Nothing => return false,
                Resolved::Base(a, z) => push_word(
                    self.stages,
                    self.lookup,
                    self.pieces,
                    self.text,
                    &form[a..z],
                    (from, to),
                    start,
                ),
                Resolved::Parts => {
                    let mut made = 0;
                    for part in self.parts.iter() {
                        made += push_word(
                            self.stages,
                            self.lookup,
                            self.pieces,
                            self.text,
                            &form[part.norm.0..part.norm.1],
                            part.orig,
                            start + made,
                        );
                    }
                    made
                }
            }
        };
        self.shift += made - 1;
        true
    }

    /// The next form into `form` and its position, offsets: a form repeating the one before
    /// it is merged into it (skipped, later positions move back), and a reduplication written
    /// with the digit 2 is its base (`negara2` is negara, over the whole form).
    #[inline]
    fn next_form(&mut self) -> Option<(usize, usize, usize)> {
        loop {
            let (position, from, to) = self.forms.next_normalized(self.form)?;
            let prev = self.prev_position.replace(position);
            if prev.is_some_and(|p| p + 1 == position) && repeats(self.prev_form, self.form) {
                self.merged += 1;
                continue;
            }
            self.prev_form.clear();
            self.prev_form.push_str(self.form);
            if let Some(end) = digit_reduplication(self.form) {
                self.form.truncate(end);
            }
            return Some((position - self.merged, from, to));
        }
    }

    /// Makes the pieces of the next form that makes some. False at the end of the text.
    fn fill(&mut self) -> bool {
        loop {
            let Some((position, from, to)) = self.next_form() else {
                return false;
            };
            if self.push_form(position, from, to) {
                return true;
            }
        }
    }

    #[inline]
    fn next_piece(&mut self) -> Option<Piece> {
        if self.pieces.is_empty() && !self.fill() {
            return None;
        }
        self.pieces.pop_front()
    }

    fn peek_piece(&mut self) -> Option<&Piece> {
        if self.pieces.is_empty() && !self.fill() {
            return None;
        }
        self.pieces.front()
    }

    /// The next piece the stopword stage keeps.
    fn next_kept(&mut self) -> Option<Piece> {
        loop {
            let piece = self.next_piece()?;
            let keep = match piece.info.stop {
                None => true,
                Some(role) => role != 0 && self.protected(&piece, role),
            };
            if self.any_second() {
                self.stop_prev = Some((piece.word.clone(), piece.position));
            }
            if keep {
                return Some(piece);
            }
        }
    }

    /// Whether the stopword stage needs the piece before each one.
    #[inline]
    fn any_second(&self) -> bool {
        self.stages
            .stopwords
            .as_ref()
            .is_some_and(StopWordFilter::any_second)
    }

    /// Whether the stopword `piece` belongs to an open compound with its neighbour.
    fn protected(&mut self, piece: &Piece, role: u8) -> bool {
        let stages = self.stages;
        let Some(compounds) = stages
            .stopwords
            .as_ref()
            .and_then(StopWordFilter::compounds)
        else {
            return false;
        };
        if role & ROLE_SECOND != 0
            && self.stop_prev.as_ref().is_some_and(|(prev, position)| {
                position + 1 == piece.position
                    && compounds.protects_prev(prev.as_str(), piece.word.as_str())
            })
        {
            return true;
        }
        if role & ROLE_FIRST == 0 {
            return false;
        }
        self.peek_piece().is_some_and(|next| {
            next.position == piece.position + 1
                && compounds.protects_next(piece.word.as_str(), next.word.as_str())
        })
    }

    /// Writes the next token the stopword and stem stages give into `token` and returns its
    /// [`PAIR_FIRST`] | [`PAIR_SECOND`] flags; `None` at the end of the text.
    ///
    /// The common case makes no piece: a form whose analysis is memoised (so it has no hyphen),
    /// that does not split and is not a stopword with a compound role, goes straight from the
    /// memo to the token (or is dropped, as a stopword).
    #[inline]
    fn next_token(&mut self) -> Option<u8> {
        if self.pieces.is_empty() && !self.any_second() {
            loop {
                let (position, from, to) = self.next_form()?;
                if let Some(analysis) = self.lookup.memo.get(self.form) {
                    if analysis.split.is_none() {
                        match analysis.piece.stop {
                            Some(0) => continue,
                            None => {
                                let token = &mut *self.token;
                                match &analysis.piece.stem {
                                    Some(stem) => {
                                        token.text.clear();
                                        token.text.push_str(stem);
                                    }
                                    None => std::mem::swap(&mut token.text, self.form),
                                }
                                token.position = position + self.shift;
                                token.offset_from = from;
                                token.offset_to = to;
                                return Some(analysis.piece.pair);
                            }
                            Some(_) => {}
                        }
                    }
                }
                if self.push_form(position, from, to) {
                    break;
                }
            }
        }
        let piece = self.next_kept()?;
        emit(&piece, self.token);
        Some(piece.info.pair)
    }
}

/// Writes `piece` into `token`.
#[inline]
fn emit(piece: &Piece, token: &mut Token) {
    token.text.clear();
    token.text.push_str(piece.final_form());
    token.position = piece.position;
    token.offset_from = piece.from;
    token.offset_to = piece.to;
}

/// Writes the joined term of `first` and `second` into `token`.
fn emit_joined(first: &Piece, second: &Piece, token: &mut Token) {
    join_into(first.final_form(), second.final_form(), &mut token.text);
    token.position = first.position;
    token.offset_from = first.from;
    token.offset_to = second.to;
}

impl TokenStream for PipelineStream<'_> {
    fn advance(&mut self) -> bool {
        let stages = self.stages;
        let Some(join) = stages.join.as_ref() else {
            return self.next_token().is_some();
        };
        match join.mode() {
            JoinMode::Add => {
                // A joined term goes out before the second word.
                if self.then_second {
                    self.then_second = false;
                    std::mem::swap(self.token, self.second);
                    return true;
                }
                let Some(pair) = self.next_token() else {
                    return false;
                };
                let prev = &mut self.join_prev;
                if pair & PAIR_SECOND != 0
                    && prev.pair & PAIR_FIRST != 0
                    && prev.position + 1 == self.token.position
                    && join.pairs().contains(&prev.text, &self.token.text)
                {
                    std::mem::swap(self.token, self.second);
                    let (token, second) = (&mut *self.token, &*self.second);
                    join_into(&prev.text, &second.text, &mut token.text);
                    token.position = prev.position;
                    token.offset_from = prev.from;
                    token.offset_to = second.offset_to;
                    self.then_second = true;
                }
                let current = if self.then_second {
                    &*self.second
                } else {
                    &*self.token
                };
                prev.position = current.position;
                prev.from = current.offset_from;
                prev.pair = pair;
                if pair & PAIR_FIRST != 0 {
                    prev.text.clear();
                    prev.text.push_str(&current.text);
                }
                true
            }
            JoinMode::Replace => {
                let Some(first) = self.held.take().or_else(|| self.next_kept()) else {
                    return false;
                };
                match self.next_kept() {
                    Some(second) if first.joins(&second, join.pairs()) => {
                        emit_joined(&first, &second, self.token);
                    }
                    next => {
                        self.held = next;
                        emit(&first, self.token);
                    }
                }
                true
            }
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::TextAnalyzer;

    use super::*;
    use crate::analysis::hyphen::HyphenFilter;
    use crate::analysis::tokenizer::IndonesianTokenizer;
    use crate::analysis::AnalyzerBuilder;

    /// The analyzer as a chain of tantivy filters: what the pipeline must give.
    fn chain(stages: &Stages) -> TextAnalyzer {
        let mut builder = TextAnalyzer::builder(IndonesianTokenizer::normalizing())
            .filter(HyphenFilter)
            .filter_dynamic(stages.compounds.clone());
        if let Some(stopwords) = &stages.stopwords {
            builder = builder.filter_dynamic(stopwords.clone());
        }
        if let Some(stem) = &stages.stem {
            builder = builder.filter_dynamic(stem.clone());
        }
        if let Some(join) = &stages.join {
            builder = builder.filter_dynamic(join.clone());
        }
        builder.build()
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    /// Words and separators of the mixed text: compounds open, closed and hyphenated, the
    /// stopwords that belong to compounds, reduplication, clitics, digits, non-ASCII, long
    /// forms.
    const WORDS: &[&str] = &[
        "kerja",
        "sama",
        "kerjasama",
        "bekerjasama",
        "Kerja-sama",
        "dalam",
        "negeri",
        "dalamnegeri",
        "luar",
        "biasa",
        "lalu",
        "lintas",
        "lalulintas",
        "tanda",
        "tangan",
        "menandatangani",
        "ditandatangani",
        "tanggung",
        "jawab",
        "pertanggungjawabannya",
        "yang",
        "dan",
        "di",
        "itu",
        "negara-negara",
        "kuasa-Mu",
        "anak-anaknya",
        "tembak-menembak",
        "sayur-mayur",
        "RI–Jepang",
        "kontra-terorisme",
        "kontraterorisme",
        "antiteror",
        "prajurit",
        "nonmuslim",
        "pascaserangan",
        "Densus",
        "88",
        "covid19",
        "1.000,5",
        "Jum'at",
        "Jum’at",
        "Gürbüz",
        "KERJASAMÁ",
        "Straße",
        "🙂",
        "—",
        "-",
        "nya-nya",
        "menangkap",
        "penyelidikan",
        "teroris",
        "ujarnya",
        "kata",
        "hak",
        "asasi",
        "hakasasi",
        "warga",
        "negara",
        "warganegara",
        "ibu",
        "kota",
        "ibukota",
        "tindak",
        "lanjut",
        "ditindaklanjuti",
        "pidana",
        "narapidana",
        "x-\u{301}",
        "e\u{301}te",
        "sebesar-besarnya",
        "kerjasama-kerjasama",
        "luar-negeri",
        "dalam-negeri-nya",
        // Reduplication without a hyphen (a repeat of the word before), with the digit 2, and
        // of a meN- verb that keeps its nasal.
        "negara2",
        "anak2nya",
        "meniru-niru",
        "memanggil-manggil",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", " ", " ", "-", "\n", ", ", ". ", "–", "", "/"];

    fn mixed_text(seed: u64, words: usize) -> String {
        let mut state = seed;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) as usize) % n
        };
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(WORDS[next(WORDS.len())]);
            text.push_str(SEPARATORS[next(SEPARATORS.len())]);
        }
        text
    }

    #[test]
    fn gives_the_tokens_of_the_filter_chain_in_every_configuration() {
        let dir = tempfile::tempdir().unwrap();
        // A list whose stopwords are first and second words of compounds (`sama`, `negeri`:
        // kept by the word before them).
        let list = dir.path().join("stop.txt");
        std::fs::write(
            &list,
            "yang\ndan\nsama\nnegeri\ndalam\nlalu\ntangan\nbiasa\n",
        )
        .unwrap();
        let new = AnalyzerBuilder::new;
        let builders = [
            new(),
            new().for_queries(true),
            new().without_joined_compounds(),
            new().stopwords(false),
            new().stopwords(false).for_queries(true),
            new().stemming(false),
            new().stemming(false).for_queries(true),
            new()
                .stopwords(false)
                .stemming(false)
                .without_joined_compounds(),
            new().stopwords_file(&list),
            new().stopwords_file(&list).for_queries(true),
            new().stopwords_file(&list).stemming(false),
            new().stem_cache_capacity(0),
            new().stem_cache_capacity(5),
        ];
        let texts: Vec<String> = (1..=6).map(|seed| mixed_text(seed, 3_000)).collect();
        for builder in builders {
            let stages = builder.stages().unwrap();
            let mut expected = chain(&stages);
            let mut pipeline = TextAnalyzer::from(Pipeline::new(stages, builder.cache_capacity));
            // A clone starts with an empty memo: it must give the same tokens too.
            let mut clone = pipeline.clone();
            for text in &texts {
                let want = tokens(&mut expected, text);
                assert!(!want.is_empty());
                assert_eq!(tokens(&mut pipeline, text), want, "{builder:?}");
                assert_eq!(tokens(&mut clone, text), want, "{builder:?}");
            }
            // Short texts: every stage's state starts afresh with each text.
            for text in texts[0].split(['.', '\n']) {
                assert_eq!(
                    tokens(&mut pipeline, text),
                    tokens(&mut expected, text),
                    "{builder:?}: {text:?}"
                );
            }
        }
    }
}
