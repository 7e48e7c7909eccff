//! `telusur search`. STUB.

use std::process::ExitCode;

/// Arguments of `telusur search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {}

/// Runs `telusur search`.
pub fn run(_args: SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`telusur search` is not implemented yet")
}
