//! `telusur generate`: a deterministic synthetic corpus of Indonesian counterterrorism news.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use telusur::generate::{self, GenerateOptions};

/// Output format of `telusur generate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines with the ground truth (`partners`, `partner_orgs`, `published`, ...).
    Jsonl,
    /// One scraped-page `.txt` file per article, plus `truth.jsonl`, in a directory.
    Text,
}

/// Arguments of `telusur generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Number of articles.
    #[arg(long, default_value_t = generate::SAMPLE_DOCS)]
    docs: usize,
    /// Seed: the same seed gives the same corpus, byte for byte.
    #[arg(long, default_value_t = generate::SAMPLE_SEED)]
    seed: u64,
    /// Dense articles for benchmarks: 300-900-word bodies naming countries, organisations and
    /// dates in every paragraph; records carry `partners` and `year` but no organisations and
    /// no mentioned countries.
    #[arg(long)]
    dense: bool,
    /// `jsonl`: one article a line; `text`: a directory of scraped-page files.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Output: a file (`-` for stdout) for `jsonl`, a directory for `text`.
    #[arg(long)]
    out: PathBuf,
}

/// Runs `telusur generate`.
pub fn run(args: GenerateArgs) -> anyhow::Result<ExitCode> {
    let opts = GenerateOptions {
        docs: args.docs,
        seed: args.seed,
        dense: args.dense,
    };
    let start = Instant::now();
    let n = match args.format {
        Format::Jsonl if args.out.as_os_str() == "-" => {
            let stdout = std::io::stdout();
            generate::write_jsonl(stdout.lock(), &opts)?
        }
        Format::Jsonl => {
            if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            let file = std::fs::File::create(&args.out)
                .with_context(|| format!("creating {}", args.out.display()))?;
            generate::write_jsonl(file, &opts)
                .with_context(|| format!("writing {}", args.out.display()))?
        }
        Format::Text => {
            anyhow::ensure!(
                args.out.as_os_str() != "-",
                "--format text writes a directory of files: give a directory to --out"
            );
            generate::write_text_dir(&args.out, &opts)?
        }
    };
    let secs = start.elapsed().as_secs_f64();
    super::note(format!(
        "generated {n} articles (seed {}) in {secs:.2} s ({:.0} articles/s)",
        args.seed,
        n as f64 / secs.max(1e-9)
    ));
    Ok(ExitCode::SUCCESS)
}
