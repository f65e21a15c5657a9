//! Refuses state-changing requests that a browser sent on behalf of another site.
//!
//! Browsers label every request with `Sec-Fetch-Site` and (for cross-origin POSTs) `Origin`;
//! a request from another origin is refused before it reaches a handler. Scripts that send
//! neither header (curl, tests) are allowed: they carry no victim's cookies. SameSite=Lax
//! cookies are the second line of defence.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn same_origin_only(req: Request<Body>, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) || is_same_origin(&req) {
        return next.run(req).await;
    }
    tracing::warn!(uri = %req.uri(), "refused a cross-origin request");
    (StatusCode::FORBIDDEN, "Cross-origin requests are not allowed.").into_response()
}

fn is_same_origin(req: &Request<Body>) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host =
        origin.to_str().ok().and_then(|o| o.split_once("://")).map(|(_, rest)| rest.trim_end_matches('/'));
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request<Body> {
        let mut b = Request::post("/api/login").header("host", "127.0.0.1:3000");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn same_origin_and_headerless_requests_pass() {
        assert!(is_same_origin(&post(&[])));
        assert!(is_same_origin(&post(&[("origin", "http://127.0.0.1:3000")])));
        assert!(is_same_origin(&post(&[("sec-fetch-site", "same-origin"), ("origin", "http://127.0.0.1:3000")])));
    }

    #[test]
    fn other_origins_are_refused() {
        assert!(!is_same_origin(&post(&[("origin", "http://evil.example")])));
        assert!(!is_same_origin(&post(&[("origin", "http://127.0.0.1:3001")])));
        assert!(!is_same_origin(&post(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_same_origin(&post(&[("origin", "null")])));
    }
}
