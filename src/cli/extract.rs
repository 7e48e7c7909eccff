//! `telusur extract`. STUB.

use std::process::ExitCode;

/// Arguments of `telusur extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {}

/// Runs `telusur extract`.
pub fn run(_args: ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`telusur extract` is not implemented yet")
}
