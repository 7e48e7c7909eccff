//! `telusur show`: one article in full with its metadata.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use telusur::extract::gazetteer;

use super::{open_index, EXIT_OK};

/// Arguments of `telusur show`. Exit status 0 when found, 2 when there is no such article.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article id (as printed by `telusur search`).
    id: String,
    /// The index directory (default `index/`, built from the sample corpus when missing).
    #[arg(long, value_name = "DIR", env = super::INDEX_ENV)]
    index: Option<PathBuf>,
    /// Print the article as one JSON document.
    #[arg(long)]
    pub json: bool,
}

/// Runs `telusur show`.
pub fn run(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let engine = open_index(args.index.as_deref())?;
    let Some(a) = engine.get(args.id.trim())? else {
        anyhow::bail!("no article with id '{}'", args.id.trim());
    };
    // The other copies of its story (none listed for an index without story ids).
    let copies = engine.copies(&a.id).ok().flatten();
    let mut out = anstream::stdout().lock();
    if args.json {
        // The article's own fields, then `story` and `copies` (its other copies), `sample`.
        let value = engine.show(&a.id)?;
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    if engine.is_sample() {
        let dim = anstyle::Style::new().dimmed();
        writeln!(out, "{dim}{}{dim:#}", super::output::SAMPLE_LINE)?;
    }
    let m = &a.meta;
    let or_dash = |o: Option<String>| o.unwrap_or_else(|| "-".into());
    let countries = |codes: &[String]| {
        if codes.is_empty() {
            return "-".to_string();
        }
        codes
            .iter()
            .map(|c| match gazetteer::country(c) {
                Some(k) => format!("{} ({c})", k.name_id),
                None => c.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let bold = anstyle::Style::new().bold();
    writeln!(
        out,
        "{bold}{}{bold:#}",
        m.title.as_deref().unwrap_or("(no title)")
    )?;
    writeln!(out)?;
    writeln!(out, "id:         {}", a.id)?;
    writeln!(out, "source:     {}", or_dash(m.source.clone()))?;
    writeln!(
        out,
        "published:  {}",
        or_dash(m.published.map(|d| d.to_string()))
    )?;
    writeln!(
        out,
        "year:       {}",
        or_dash(m.year.map(|y| y.to_string()))
    )?;
    writeln!(out, "dateline:   {}", or_dash(m.dateline.clone()))?;
    writeln!(out, "partners:   {}", countries(&m.partners))?;
    writeln!(
        out,
        "orgs:       {}",
        if m.partner_orgs.is_empty() {
            "-".to_string()
        } else {
            m.partner_orgs.join(", ")
        }
    )?;
    writeln!(out, "mentioned:  {}", countries(&m.mentioned_countries))?;
    writeln!(out, "url:        {}", or_dash(a.url.clone()))?;
    writeln!(out, "path:       {}", or_dash(a.path.clone()))?;
    if let Some((story, others)) = &copies {
        writeln!(
            out,
            "story:      {} ({} other {})",
            telusur::dedup::story_hex(*story),
            others.len(),
            if others.len() == 1 { "copy" } else { "copies" }
        )?;
        for c in others {
            writeln!(
                out,
                "  {} · {} · {} · {}",
                c.id,
                c.source.as_deref().unwrap_or("unknown publisher"),
                c.published
                    .map_or_else(|| "undated".into(), |d| d.to_string()),
                c.title.as_deref().or(c.url.as_deref()).unwrap_or("-")
            )?;
        }
    }
    if !m.evidence.is_empty() {
        writeln!(out, "evidence:")?;
        for (field, ev) in &m.evidence {
            writeln!(out, "  {field}: {ev}")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", a.body)?;
    Ok(ExitCode::from(EXIT_OK))
}
