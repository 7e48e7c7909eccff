//! Indonesian text analysis, registered in tantivy as the analyzer named [`ANALYZER_NAME`].
//!
//! STUB (to be replaced by the analysis work): tantivy's simple tokenizer and lowercaser.

pub mod stemmer;
pub mod stopwords;
pub mod tokenizer;

use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

/// The name under which the Indonesian analyzer is registered in an index.
pub const ANALYZER_NAME: &str = "id";

/// Builder for the Indonesian analyzer.
#[derive(Debug, Clone, Default)]
pub struct AnalyzerBuilder {}

impl AnalyzerBuilder {
    /// Builds the analyzer.
    pub fn build(&self) -> crate::Result<TextAnalyzer> {
        Ok(TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build())
    }
}

/// The Indonesian analyzer with default settings.
pub fn analyzer() -> TextAnalyzer {
    AnalyzerBuilder::default()
        .build()
        .expect("the default analyzer uses only embedded data")
}

/// Registers the default Indonesian analyzer in `index` under [`ANALYZER_NAME`].
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(ANALYZER_NAME, analyzer());
}
