//! Boilerplate removal. STUB.
