//! Search requests, hits, facets and snippets. STUB.
