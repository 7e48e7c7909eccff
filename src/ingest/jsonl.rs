//! JSON Lines articles. STUB.
