//! `telusur index`. STUB.

use std::process::ExitCode;

/// Arguments of `telusur index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {}

/// Runs `telusur index`.
pub fn run(_args: IndexArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`telusur index` is not implemented yet")
}
