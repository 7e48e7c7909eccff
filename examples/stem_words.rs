//! Reads words on stdin (one a line) and prints one stem a line: how the stemmer is scored
//! (`scripts/stemmer_eval.py 'cargo run --release --example stem_words'`).

use std::io::{BufRead, BufWriter, Write};

use telusur::analysis::{StemCache, Stemmer};

fn main() -> std::io::Result<()> {
    let mut cache = StemCache::new(Stemmer::default(), 100_000);
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut stem = String::new();
    for line in stdin.lock().lines() {
        let line = line?;
        let word = line.trim().to_lowercase();
        cache.stem_into(&word, &mut stem);
        writeln!(out, "{stem}")?;
    }
    out.flush()
}
