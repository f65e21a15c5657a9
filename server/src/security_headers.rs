//! The headers every response carries: a Content-Security-Policy, `nosniff`, no framing, and a
//! referrer kept to this site.
//!
//! Each request gets a fresh random nonce (in its extensions, where the Leptos context picks it
//! up for `<script nonce=…>`); an HTML response's policy lets scripts run only from this site or
//! with that nonce, so markup injected into a page cannot run script. Anything else (JSON, event
//! streams, files under `/pkg`, downloads) is not a document that should load anything, and gets
//! a policy that allows nothing.

use axum::body::Body;
use axum::http::{HeaderValue, Request, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;

/// The nonce of the request being served.
#[derive(Clone)]
pub struct RequestNonce(pub Nonce);

/// For anything that is not an HTML page.
const NOT_A_PAGE: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// A page's policy. `'wasm-unsafe-eval'` lets the hydration bundle compile its WebAssembly (it
/// allows no JavaScript `eval`). Styles keep `'unsafe-inline'`: server-rendered markup carries
/// `style` attributes (the progress bar's width) and the problem page's editor (CodeMirror)
/// injects its own stylesheet; a style cannot run script. `data:` images: the empty favicon.
fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
    )
}

pub async fn apply(mut req: Request<Body>, next: Next) -> Response {
    let nonce = Nonce::new();
    req.extensions_mut().insert(RequestNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let is_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"));
    let policy = if is_page {
        HeaderValue::from_str(&page_policy(&nonce)).unwrap_or_else(|_| HeaderValue::from_static(NOT_A_PAGE))
    } else {
        HeaderValue::from_static(NOT_A_PAGE)
    };
    let headers = res.headers_mut();
    // Overriding: no handler sets its own policy, and none may weaken this one.
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.entry(header::REFERRER_POLICY).or_insert(HeaderValue::from_static("same-origin"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_policy_carries_the_nonce_and_forbids_the_rest() {
        let p = page_policy("abc");
        assert!(p.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"), "{p}");
        for part in ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"] {
            assert!(p.contains(part), "{part} missing from {p}");
        }
        assert!(!p.contains("script-src 'self' 'unsafe-inline'"));
    }
}
