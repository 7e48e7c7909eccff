//! Deterministic synthetic corpus of Indonesian counterterrorism-cooperation news. STUB.
