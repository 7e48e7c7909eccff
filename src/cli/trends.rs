//! `telusur trends`: matching articles per year for the top partner countries (or
//! organisations, or publishers), as a table with sparklines, CSV, JSON or an SVG chart.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use telusur::trends::{TrendBy, Trends};
use telusur::{MatchMode, SearchRequest};

use super::{open_index, EXIT_NO_MATCH, EXIT_OK};

/// Arguments of `telusur trends`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Counts of the dimension counted (--by) ignore that dimension's own filter, as facets do: with
--country China the other partners still show, and each count is what `telusur search` finds
with that key and --year. The `all` row applies every filter.

Exit status: 0 if something matched, 1 if nothing did, 2 on an error.")]
pub struct TrendsArgs {
    /// Query text (several words are joined with spaces). Empty: every article.
    pub query: Vec<String>,
    /// Index directory [default: index/, built from the built-in sample corpus when missing].
    #[arg(long, value_name = "DIR", env = super::INDEX_ENV)]
    pub index: Option<PathBuf>,
    /// Count by: country (partner countries), org (partner organisations) or source.
    #[arg(long, value_name = "DIM", default_value = "country", value_parser = super::parse_value::<TrendBy>)]
    pub by: TrendBy,
    /// How many keys to show (those filtered by are always shown).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    #[command(flatten)]
    pub filters: super::filters::Filters,
    /// What several words mean: relaxed (the default), all, any.
    #[arg(long = "match", value_name = "MODE", value_parser = super::parse_value::<MatchMode>)]
    pub match_mode: Option<MatchMode>,
    /// One JSON document on stdout.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV on stdout: key,name,total, then one column per year.
    #[arg(long)]
    pub csv: bool,
    /// Also write the chart as an SVG file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

impl TrendsArgs {
    /// The search whose articles are counted.
    pub fn request(&self) -> SearchRequest {
        self.filters.apply(SearchRequest {
            query: self.query.join(" "),
            match_mode: self.match_mode.unwrap_or_default(),
            ..SearchRequest::default()
        })
    }
}

/// Runs `telusur trends`.
pub fn run(args: TrendsArgs) -> anyhow::Result<ExitCode> {
    let engine = open_index(args.index.as_deref())?;
    let t = engine.trends(&args.request(), args.by, args.top)?;
    for w in &t.warnings {
        eprintln!("telusur: warning: {w}");
    }
    if let Some(path) = &args.svg {
        #[cfg(feature = "serve")]
        {
            let svg = t.to_svg(900, 480)?;
            std::fs::write(path, svg).map_err(|e| telusur::Error::io(path, e))?;
            eprintln!("telusur: chart written to {}", path.display());
        }
        #[cfg(not(feature = "serve"))]
        anyhow::bail!(
            "cannot write {}: this telusur was built without the `serve` feature (charts)",
            path.display()
        );
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &t)?;
        writeln!(out)?;
    } else if args.csv {
        out.write_all(t.to_csv().as_bytes())?;
    } else {
        out.write_all(render(&t, std::io::stdout().is_terminal()).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::from(if t.total > 0 {
        EXIT_OK
    } else {
        EXIT_NO_MATCH
    }))
}

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A sparkline of `counts` scaled to `max`: a space for 0, else one of eight heights.
fn sparkline(counts: &[u64], max: u64) -> String {
    counts
        .iter()
        .map(|&n| match n {
            0 => ' ',
            n => SPARKS[((n * 8).div_ceil(max.max(1)) as usize).clamp(1, 8) - 1],
        })
        .collect()
}

/// The table for a terminal: one row per key, one column per year, the total and a
/// sparkline (all rows on one scale).
fn render(t: &Trends, bold: bool) -> String {
    use std::fmt::Write as _;
    let (b, r) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut out = String::new();
    let by = match t.by {
        TrendBy::Country => "partner country",
        TrendBy::Org => "partner organisation",
        TrendBy::Source => "source",
    };
    let about = if t.query.trim().is_empty() {
        String::new()
    } else {
        format!(" matching \"{}\"", t.query)
    };
    let _ = write!(
        out,
        "{b}Articles per year by {by}{about}{r}: {} articles",
        t.total
    );
    if t.undated > 0 {
        let _ = write!(out, " ({} undated, not counted per year)", t.undated);
    }
    out.push('\n');
    if let Some(rel) = &t.relaxation {
        let _ = writeln!(out, "note: {}", rel.message);
    }
    if t.years.is_empty() {
        out.push_str("no dated articles\n");
        return out;
    }
    let label = |name: &str, key: &str| {
        if name == key || key.is_empty() {
            name.to_string()
        } else {
            format!("{name} ({key})")
        }
    };
    let mut rows: Vec<(String, u64, &[u64])> = vec![(
        "all".to_string(),
        t.totals.iter().sum(),
        t.totals.as_slice(),
    )];
    for s in &t.series {
        rows.push((label(&s.name, &s.key), s.total, s.counts.as_slice()));
    }
    let name_w = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let col_w = rows
        .iter()
        .flat_map(|r| r.2.iter())
        .map(|n| n.to_string().len())
        .max()
        .unwrap_or(1)
        .max(4);
    let total_w = rows
        .iter()
        .map(|r| r.1.to_string().len())
        .max()
        .unwrap_or(1)
        .max(5);
    let _ = write!(out, "\n{:name_w$}", "");
    for y in &t.years {
        let _ = write!(out, " {:>col_w$}", y);
    }
    let _ = writeln!(out, "  {:>total_w$}  trend", "total");
    let max = t.max_count();
    for (i, (name, total, counts)) in rows.iter().enumerate() {
        let pad = name_w - name.chars().count();
        let _ = write!(out, "{name}{:pad$}", "");
        for n in counts.iter() {
            let _ = write!(out, " {:>col_w$}", n);
        }
        // The `all` row on its own scale, the keys on theirs.
        let scale = if i == 0 {
            counts.iter().copied().max().unwrap_or(0)
        } else {
            max
        };
        let _ = writeln!(out, "  {total:>total_w$}  {}", sparkline(counts, scale));
    }
    if t.other_keys > 0 {
        let _ = writeln!(out, "\n... and {} more (--top to show them)", t.other_keys);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_and_keep_zeros_blank() {
        assert_eq!(sparkline(&[0, 1, 4, 8], 8), " ▁▄█");
        assert_eq!(sparkline(&[1], 1000), "▁");
        assert_eq!(sparkline(&[], 0), "");
    }
}
