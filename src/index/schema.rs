//! The schema: fields, their options, and their handles.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use crate::analysis::ANALYZER_NAME;

/// Handles to every field of the telusur schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Stable article id (STRING, stored): the upsert key.
    pub id: Field,
    /// Headline (Indonesian analyzer, positions, stored): `title:` queries and the title
    /// bonus of the ranking.
    pub title: Field,
    /// Story text (stored only: searched through `text`).
    pub body: Field,
    /// Headline and story text as one field (Indonesian analyzer, positions, not stored):
    /// what queries match and rank by, one posting list per term.
    pub text: Field,
    /// Publisher as a facet `/ANTARA` (stored).
    pub source: Field,
    /// URL (STRING, stored).
    pub url: Field,
    /// The file the article came from (stored only).
    pub path: Field,
    /// Dateline city (stored only).
    pub dateline: Field,
    /// Publication date (indexed, fast, stored) for range filters and date sort.
    pub published: Field,
    /// Publication year as a number (indexed, fast, stored) for year ranges.
    pub year_num: Field,
    /// Publication year as a facet: `/2022`.
    pub year: Field,
    /// Partner countries, hierarchical facet: `/asia/south-eastern-asia/PH`.
    pub country: Field,
    /// Partner organisations, facet: `/UNOCT`.
    pub org: Field,
    /// Every mentioned foreign country, hierarchical facet like `country`.
    pub mentioned: Field,
    /// Extraction evidence as JSON (stored only), for `telusur show`.
    pub evidence: Field,
    /// Content hash of the indexed article (fast, stored): re-indexing an unchanged article
    /// is skipped, a changed one is reported as updated.
    pub hash: Field,
    /// The lead sentence of an article without a headline (Indonesian analyzer, not
    /// stored): it stands in for the headline in the ranking's headline bonus. `None` in an
    /// index made before it existed (its headline-less articles get no bonus).
    pub lead: Option<Field>,
    /// Story id (u64: fast, indexed, stored): the near-duplicate cluster the article joined
    /// when indexed (see [`crate::dedup`]). `None` in an index made before it existed.
    pub story: Option<Field>,
    /// Near-duplicate signature of the story text (bytes, fast; see
    /// [`crate::dedup::Signature`]). `None` in an index made before it existed.
    pub minhash: Option<Field>,
}

/// Builds the telusur schema and the handles to its fields.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER_NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", STORED),
        text: b.add_text_field(
            "text",
            TextOptions::default().set_indexing_options(
                text.get_indexing_options()
                    .cloned()
                    .expect("text options index"),
            ),
        ),
        source: b.add_facet_field("source", FacetOptions::default().set_stored()),
        url: b.add_text_field("url", STRING | STORED),
        path: b.add_text_field("path", STORED),
        dateline: b.add_text_field("dateline", STORED),
        published: b.add_date_field(
            "published",
            DateOptions::from(INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds),
        ),
        year_num: b.add_i64_field(
            "year_num",
            NumericOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored(),
        ),
        year: b.add_facet_field("year", FacetOptions::default().set_stored()),
        country: b.add_facet_field("country", FacetOptions::default().set_stored()),
        org: b.add_facet_field("org", FacetOptions::default().set_stored()),
        mentioned: b.add_facet_field("mentioned", FacetOptions::default().set_stored()),
        evidence: b.add_text_field("evidence", STORED),
        hash: b.add_u64_field("hash", FAST | STORED),
        lead: Some(
            b.add_text_field(
                "lead",
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(ANALYZER_NAME)
                        .set_index_option(IndexRecordOption::WithFreqs),
                ),
            ),
        ),
        story: Some(
            b.add_u64_field(
                crate::dedup::STORY_FIELD,
                NumericOptions::default()
                    .set_indexed()
                    .set_fast()
                    .set_stored(),
            ),
        ),
        minhash: Some(b.add_bytes_field(crate::dedup::SIGNATURE_FIELD, FAST)),
    };
    (b.build(), fields)
}

/// Looks up the telusur fields in an existing schema (an index made by this version).
pub(crate) fn fields_of(schema: &Schema) -> crate::Result<Fields> {
    let get = |name: &str| {
        schema.get_field(name).map_err(|_| {
            crate::Error::InvalidRequest(format!(
                "index has no field '{name}': not a telusur index, or made by another version (rebuild it with --rebuild)"
            ))
        })
    };
    Ok(Fields {
        id: get("id")?,
        title: get("title")?,
        body: get("body")?,
        text: get("text")?,
        source: get("source")?,
        url: get("url")?,
        path: get("path")?,
        dateline: get("dateline")?,
        published: get("published")?,
        year_num: get("year_num")?,
        year: get("year")?,
        country: get("country")?,
        org: get("org")?,
        mentioned: get("mentioned")?,
        evidence: get("evidence")?,
        hash: get("hash")?,
        lead: schema.get_field("lead").ok(),
        story: schema.get_field(crate::dedup::STORY_FIELD).ok(),
        minhash: schema.get_field(crate::dedup::SIGNATURE_FIELD).ok(),
    })
}
