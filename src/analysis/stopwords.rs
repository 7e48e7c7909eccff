//! Stopwords. STUB.
