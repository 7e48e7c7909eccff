//! `telusur generate`. STUB.

use std::process::ExitCode;

/// Arguments of `telusur generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {}

/// Runs `telusur generate`.
pub fn run(_args: GenerateArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`telusur generate` is not implemented yet")
}
