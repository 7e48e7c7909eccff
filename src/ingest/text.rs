//! Scraped plain-text articles. STUB.
