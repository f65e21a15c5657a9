//! Refuses posts to `/api/` whose body carries a NUL character, raw or as `%00`.
//!
//! No field of Prep's holds one (code, notes, answers, names), and Postgres cannot store one in
//! text: without this check a NUL reached the database and came back as a 500. Checked once,
//! here, for every endpoint: the form's bytes are scanned before any handler decodes them, so a
//! new endpoint is covered too. The import (JSON, its own route and limit) is checked by
//! `portable::parse`.

use axum::Json;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::routes::MAX_BODY_BYTES;

pub async fn refuse_nul(req: Request<Body>, next: Next) -> Response {
    if req.method() != Method::POST || !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    // The body limit's own layer is outside this one, so this stops at the same size.
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "The request body is larger than 256 KiB.").into_response();
    };
    if has_nul(&bytes) {
        let error = app::api::ApiError::bad_input("The text contains a NUL character (%00); remove it and try again.");
        return (StatusCode::BAD_REQUEST, Json(error)).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// `%00` decodes to NUL in a form; `%2500` is the text `%00` and passes.
fn has_nul(body: &[u8]) -> bool {
    body.contains(&0) || body.windows(3).any(|w| w == b"%00")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_is_found_raw_and_percent_encoded_only() {
        assert!(has_nul(b"body=a%00b"));
        assert!(has_nul(b"body=a\0b"));
        assert!(!has_nul(b"body=a%2500b&x=%0A"));
        assert!(!has_nul(b""));
    }
}
