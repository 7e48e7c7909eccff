//! `telusur serve`: the HTTP face of the same [`Engine`] — a JSON API with the contract of the
//! command line's `--json` output, and a server-rendered search page (facets, trends, article
//! view) that JavaScript makes instant. Read-only; every asset is embedded in the binary.
//!
//! | route | answer |
//! | --- | --- |
//! | `GET /api/v1/search?q=…&country=…` | [`SearchResults`](crate::SearchResults), as `telusur search --json` |
//! | `POST /api/v1/search/batch` | one answer a line, as `telusur search --batch` |
//! | `GET /api/v1/articles/{id}` | [`Article`](crate::Article), as `telusur show --json` |
//! | `GET /api/v1/stats` | [`Stats`](crate::Stats), as `telusur stats --json` |
//! | `GET /api/v1/trends?by=country&per=year` | [`Trends`](crate::trends::Trends), as `telusur trends --json` (`format=csv` or `svg` too) |
//! | `GET /` | the search page; `view=tren`: the trends chart |
//! | `GET /artikel/{id}` | one article with its metadata and evidence |
//!
//! Errors are JSON `{"error": "…"}` (with `"suggestions"` for an unknown country or
//! organisation) with status 400 (bad request), 404 (unknown id or route), 413 (body too
//! large) or 500.
//!
//! Searches are CPU work: they run on tokio's blocking threads, at most
//! [`ServeOptions::concurrency`] at a time (one per core by default), the others waiting
//! their turn, so that a burst of clients queues instead of thrashing the cores.
//!
//! ```no_run
//! use std::sync::Arc;
//! use telusur::serve::{serve, ServeOptions};
//!
//! # async fn run() -> telusur::Result<()> {
//! let engine = Arc::new(telusur::Engine::open("index")?);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:7700")
//!     .await
//!     .map_err(|e| telusur::Error::io("127.0.0.1:7700", e))?;
//! serve(engine, listener, ServeOptions::default(), std::future::pending()).await?;
//! # Ok(())
//! # }
//! ```

mod api;
mod html;
mod page;
mod params;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

use crate::{Engine, Error, Result};

pub(crate) use api::ApiError;

/// The largest request body (`POST /api/v1/search/batch`), in bytes.
pub(crate) const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The most requests in one batch.
pub(crate) const MAX_BATCH: usize = 100;
/// The largest page (`limit`) the server gives.
pub(crate) const MAX_PAGE: usize = 1000;
/// The longest query string of a URL (after `?`), in bytes.
pub(crate) const MAX_QUERY_STRING_BYTES: usize = 32 * 1024;
/// How often the server looks for a new commit of the index.
pub(crate) const RELOAD_EVERY: Duration = Duration::from_millis(500);

/// Settings of the server.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// Searches run at once (0: one per core); the others wait their turn.
    pub concurrency: usize,
}

/// What every handler shares: the engine, and the permits to run searches.
#[derive(Clone)]
pub(crate) struct AppState {
    engine: Arc<Engine>,
    permits: Arc<Semaphore>,
}

impl AppState {
    /// Runs `f` on the engine on a blocking thread, once a permit is free.
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Engine) -> Result<T> + Send + 'static,
    ) -> std::result::Result<T, ApiError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
        let engine = Arc::clone(&self.engine);
        tokio::task::spawn_blocking(move || f(&engine))
            .await
            .map_err(|_| ApiError::internal("the request failed inside the server"))?
            .map_err(ApiError::from)
    }
}

/// The routes of the API and the page over `engine`.
pub(crate) fn router(engine: Arc<Engine>, opts: &ServeOptions) -> Router {
    let permits = match opts.concurrency {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let state = AppState {
        engine,
        permits: Arc::new(Semaphore::new(permits)),
    };
    Router::new()
        .route("/", get(page::search_page))
        .route("/artikel/{id}", get(page::article_page))
        .route("/assets/app.css", get(css))
        .route("/assets/app.js", get(js))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/search/batch", post(api::batch))
        .route("/api/v1/articles/{id}", get(api::article))
        .route("/api/v1/stats", get(api::stats))
        .route("/api/v1/trends", get(api::trends))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Serves `engine` on `listener` until `shutdown` completes, then finishes the requests in
/// flight and returns. A new commit to the index directory (by a `telusur index` running
/// meanwhile) is picked up within 500 ms.
pub async fn serve(
    engine: Arc<Engine>,
    listener: tokio::net::TcpListener,
    opts: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let watcher = engine
        .dir()
        .map(|dir| tokio::spawn(watch_commits(Arc::clone(&engine), dir.to_path_buf())));
    let app = router(engine, &opts);
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| Error::io("the server's socket", e));
    if let Some(w) = watcher {
        w.abort();
    }
    served
}

/// A fingerprint of the index's commit point: `meta.json` changes with every commit.
fn commit_mark(dir: &std::path::Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(dir.join("meta.json")).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Reloads the engine whenever the index's `meta.json` changes.
async fn watch_commits(engine: Arc<Engine>, dir: PathBuf) {
    let mut seen = commit_mark(&dir);
    let mut tick = tokio::time::interval(RELOAD_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = commit_mark(&dir);
        if now != seen {
            let e = Arc::clone(&engine);
            match tokio::task::spawn_blocking(move || e.reload()).await {
                Ok(Ok(())) => seen = now,
                Ok(Err(e)) => eprintln!("telusur: cannot reload the index: {e}"),
                Err(_) => eprintln!("telusur: cannot reload the index"),
            }
        }
    }
}

/// Defence in depth for the page: scripts only from this server, no framing, no sniffing.
async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

const APP_CSS: &str = include_str!("assets/app.css");
const APP_JS: &str = include_str!("assets/app.js");

async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        APP_CSS,
    )
}

async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        APP_JS,
    )
}

/// A known route asked with another method (the server is read-only).
async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "method {method} is not allowed on {} (the server is read-only)",
            uri.path()
        ),
    )
    .into_response()
}

/// Unknown routes: JSON under `/api/`, a page elsewhere.
async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no such endpoint: {}", uri.path()),
        )
        .into_response()
    } else {
        page::not_found_page()
    }
}
