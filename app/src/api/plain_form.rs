//! Forms that work without JavaScript: a browser posting a plain `<form>` asks for HTML, so it
//! is answered with a redirect back to its page (with the outcome in the query), while scripts
//! calling the same endpoint get the JSON result and HTTP status as usual.

/// Whether the current request is a plain form post from a browser (it accepts `text/html`).
#[cfg(feature = "ssr")]
pub(crate) fn is_plain_form() -> bool {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// `path?key=value`, the value form-encoded.
#[cfg(feature = "ssr")]
pub(crate) fn with_query(path: &str, key: &str, value: &str) -> String {
    let value: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
    format!("{path}?{key}={value}")
}
