//! An embedder's program: build an index from the generated sample corpus, then answer the
//! analyst's two standing questions with the library API.
//!
//! ```sh
//! cargo run --release --example embed [-- INDEX_DIR]
//! ```
//!
//! 1. every article on joint working groups with the Philippines in 2022 and earlier;
//! 2. how often BNPT met China, per year (a facet count over the whole result set).

use telusur::{Engine, IndexOptions, SearchRequest, Sort};

fn main() -> telusur::Result<()> {
    let dir = std::env::args().nth(1).map(std::path::PathBuf::from);
    let tmp = tempfile::tempdir().map_err(|e| telusur::Error::io("tempdir", e))?;
    let dir = dir.unwrap_or_else(|| tmp.path().join("index"));

    let engine = Engine::open_or_create(&dir)?;
    if engine.num_docs() == 0 {
        let report =
            engine.index_articles(telusur::generate::sample_corpus(), &IndexOptions::default())?;
        eprintln!(
            "indexed {} sample articles into {}",
            report.indexed,
            dir.display()
        );
    }

    // 1. Joint working groups with the Philippines, newest first.
    let jwg = engine.search(
        &SearchRequest::new("\"kelompok kerja\" OR JWG OR \"joint working group\"")
            .country("Filipina")
            .year_range(2010, 2022)
            .sort(Sort::Newest)
            .limit(5),
    )?;
    println!(
        "JWG with the Philippines, 2010-2022: {} articles",
        jwg.total
    );
    for hit in &jwg.hits {
        println!(
            "  {}  {:<10} {}",
            hit.published
                .map_or_else(|| "----------".to_string(), |d| d.to_string()),
            hit.source.as_deref().unwrap_or("?"),
            hit.title
        );
    }

    // 2. BNPT meeting China, per year: the year facet counts every matching article.
    let met = engine.search(
        &SearchRequest::new("BNPT (pertemuan OR bertemu OR kunjungan)")
            .country("China")
            .limit(0)
            .facets(true),
    )?;
    println!("\nBNPT meetings with China: {} articles", met.total);
    if let Some(facets) = &met.facets {
        for year in &facets.years {
            println!(
                "  {}  {:>3}  {}",
                year.name,
                year.count,
                "#".repeat(year.count as usize)
            );
        }
    }
    Ok(())
}
