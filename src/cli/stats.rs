//! `telusur stats`. STUB.

use std::process::ExitCode;

/// Arguments of `telusur stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {}

/// Runs `telusur stats`.
pub fn run(_args: StatsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`telusur stats` is not implemented yet")
}
