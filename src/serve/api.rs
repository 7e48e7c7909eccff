//! The JSON API under `/api/v1/`: the command line's `--json` documents, over HTTP.

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::params::Params;
use super::{AppState, MAX_BATCH, MAX_BODY_BYTES, MAX_PAGE};
use crate::search::{BatchAnswer, SearchRequest};
use crate::Error;

/// An error answer: a status and `{"error": "…", "suggestions": […]}`.
#[derive(Debug, Clone, Serialize)]
pub struct ApiError {
    /// The HTTP status.
    #[serde(skip)]
    pub status: StatusCode,
    /// What went wrong, for a person.
    #[serde(rename = "error")]
    pub message: String,
    /// The closest known names, for an unknown country or organisation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl ApiError {
    /// An error with this status and message.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            suggestions: Vec::new(),
        }
    }

    /// A 400 Bad Request.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// A 500: something failed inside the server (the message says what, never how).
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = match &e {
            Error::UnknownCountry { .. }
            | Error::UnknownOrg { .. }
            | Error::InvalidRequest(_)
            | Error::Json(_) => StatusCode::BAD_REQUEST,
            Error::NoIndex(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let suggestions = match &e {
            Error::UnknownCountry { suggestions, .. } | Error::UnknownOrg { suggestions, .. } => {
                suggestions.clone()
            }
            _ => Vec::new(),
        };
        ApiError {
            status,
            message: e.to_string(),
            suggestions,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(&self)).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;

/// The parameters of an API request: unknown names are refused.
fn params(raw: Option<String>) -> Result<Params, ApiError> {
    let p = Params::parse(raw.as_deref().unwrap_or(""))?;
    p.refuse_unknown()?;
    Ok(p)
}

/// `GET /api/v1/search`: [`crate::SearchResults`], as `telusur search --json`.
pub(crate) async fn search(State(s): State<AppState>, RawQuery(raw): RawQuery) -> ApiResult {
    let req = params(raw)?.req;
    let results = s.run(move |e| e.search(&req)).await?;
    Ok(Json(results).into_response())
}

/// `GET /api/v1/articles/{id}`: the [`crate::Article`] with its story and other copies
/// ([`crate::dedup::Shown`]), as `telusur show --json`.
pub(crate) async fn article(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = id.trim().to_string();
    if id.len() > crate::limits::MAX_ID_BYTES {
        return Err(ApiError::bad_request(format!(
            "id too long (the limit is {} bytes)",
            crate::limits::MAX_ID_BYTES
        )));
    }
    let key = id.clone();
    // As `telusur show --json`: the article, its story and copies, and whether it is from the
    // built-in sample.
    match s.run(move |e| e.show(&key)).await? {
        Some(a) => Ok(Json(a).into_response()),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article with id '{id}'"),
        )),
    }
}

/// `GET /api/v1/stats`: [`crate::Stats`], as `telusur stats --json`.
pub(crate) async fn stats(State(s): State<AppState>) -> ApiResult {
    let stats = s.run(|e| e.stats()).await?;
    Ok(Json(stats).into_response())
}

/// `GET /api/v1/trends`: [`crate::trends::Trends`] as JSON (`telusur trends --json`), or
/// `format=csv` (as `--csv`) or `format=svg` (the chart of `--svg`).
pub(crate) async fn trends(State(s): State<AppState>, RawQuery(raw): RawQuery) -> ApiResult {
    let p = params(raw)?;
    let (req, by, top) = (p.req, p.by, p.top.unwrap_or(10));
    let format = p.format.unwrap_or_else(|| "json".into());
    if !matches!(format.as_str(), "json" | "csv" | "svg") {
        return Err(ApiError::bad_request(format!(
            "unknown format '{format}' (expected json, csv or svg)"
        )));
    }
    let t = s.run(move |e| e.trends(&req, by, top)).await?;
    Ok(match format.as_str() {
        "csv" => (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            t.to_csv(),
        )
            .into_response(),
        "svg" => {
            let svg = t.to_svg(900, 480).map_err(ApiError::from)?;
            ([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response()
        }
        _ => Json(t).into_response(),
    })
}

/// `POST /api/v1/search/batch`: the body is a batch as `telusur search --batch` reads it
/// (one JSON request a line), and so is the answer (one JSON answer a line,
/// `{"line": N, "error": "…"}` for a bad one). A body that is a JSON array of requests gets a
/// JSON array of answers.
pub(crate) async fn batch(State(s): State<AppState>, body: Body) -> ApiResult {
    let bytes: Bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body too large (the limit is {MAX_BODY_BYTES} bytes)"),
            )
        })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::bad_request("the request body is not UTF-8"))?
        .to_string();
    let array = text.trim_start().starts_with('[');
    let lines: Vec<(usize, String)> = if array {
        let items: Vec<serde_json::Value> = serde_json::from_str(&text)
            .map_err(|e| ApiError::bad_request(format!("the body is not a JSON array: {e}")))?;
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i + 1, v.to_string()))
            .collect()
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect()
    };
    if lines.len() > MAX_BATCH {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "too many requests in one batch ({}; the limit is {MAX_BATCH})",
                lines.len()
            ),
        ));
    }
    let answers: Vec<BatchAnswer> = s
        .run(move |e| {
            Ok(lines
                .iter()
                .map(
                    |(n, line)| match serde_json::from_str::<SearchRequest>(line) {
                        Ok(req) if req.limit > MAX_PAGE => BatchAnswer::error(
                            *n,
                            &Error::InvalidRequest(format!(
                                "limit {} is above the server's maximum of {MAX_PAGE}",
                                req.limit
                            )),
                        ),
                        _ => e.search_line(*n, line),
                    },
                )
                .collect())
        })
        .await?;
    if array {
        return Ok(Json(answers).into_response());
    }
    let mut out = Vec::new();
    for a in &answers {
        serde_json::to_writer(&mut out, a).map_err(|e| ApiError::internal(e.to_string()))?;
        out.push(b'\n');
    }
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response())
}
