//! `telusur analyze`. STUB.

use std::process::ExitCode;

/// Arguments of `telusur analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {}

/// Runs `telusur analyze`.
pub fn run(_args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`telusur analyze` is not implemented yet")
}
