//! `telusur serve`: the JSON API and the search page over HTTP, until Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use telusur::serve::{serve, ServeOptions};

use super::{open_index, EXIT_OK};

/// Arguments of `telusur serve`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The page is at the printed URL; the JSON API under /api/v1/ (search, search/batch,
articles/{id}, stats, trends): see the README. Read-only. A commit by a `telusur index`
running meanwhile is seen within a second. Ctrl-C stops the server cleanly.")]
pub struct ServeArgs {
    /// Index directory [default: index/, built from the built-in sample corpus when missing].
    #[arg(long, value_name = "DIR", env = super::INDEX_ENV)]
    pub index: Option<PathBuf>,
    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7700")]
    pub addr: SocketAddr,
    /// Searches run at once; the others wait their turn [default: one per core].
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub concurrency: usize,
}

/// Runs `telusur serve`.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let engine = Arc::new(open_index(args.index.as_deref())?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("telusur-serve")
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "telusur: warning: listening on {addr}, not a loopback address: anyone who can reach it can search the index"
            );
        }
        let dir = engine
            .dir()
            .map_or_else(|| "<memory>".into(), |d| d.display().to_string());
        println!(
            "telusur: serving {dir} ({} articles) at http://{addr}/ (Ctrl-C to stop)",
            engine.num_docs()
        );
        use std::io::Write as _;
        std::io::stdout().flush()?;
        let opts = ServeOptions {
            concurrency: args.concurrency,
        };
        serve(engine, listener, opts, shutdown_signal()).await?;
        eprintln!("telusur: stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::from(EXIT_OK))
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
