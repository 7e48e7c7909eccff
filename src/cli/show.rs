//! `telusur show`. STUB.

use std::process::ExitCode;

/// Arguments of `telusur show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {}

/// Runs `telusur show`.
pub fn run(_args: ShowArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`telusur show` is not implemented yet")
}
