//! Tokenizer. STUB.
