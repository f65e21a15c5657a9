//! The one writer of `Set-Cookie` values, so every cookie the site sets (session, theme, an
//! import's outcome) gets `Secure` exactly when the server runs with `--secure-cookies`, and
//! `SameSite=Lax` always.

use http::HeaderValue;
use http::header::SET_COOKIE;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use super::AppState;

pub struct Cookie<'a> {
    pub name: &'a str,
    /// Written as given: callers pass values that need no quoting (hex, a theme name, or
    /// percent-encoded text).
    pub value: &'a str,
    pub path: &'a str,
    /// 0 deletes the cookie.
    pub max_age_secs: i64,
    /// `HttpOnly`: hidden from the page's scripts.
    pub http_only: bool,
}

impl Cookie<'_> {
    /// The `Set-Cookie` header's value.
    pub fn header_value(&self, secure: bool) -> String {
        let Cookie { name, value, path, max_age_secs, http_only } = self;
        let mut v = format!("{name}={value}; Path={path}; Max-Age={max_age_secs}; SameSite=Lax");
        if *http_only {
            v.push_str("; HttpOnly");
        }
        if secure {
            v.push_str("; Secure");
        }
        v
    }

    /// Adds this cookie to the response a server function or page is building.
    pub fn set(&self, state: &AppState) {
        if let (Some(res), Ok(v)) =
            (use_context::<ResponseOptions>(), HeaderValue::from_str(&self.header_value(state.secure_cookies)))
        {
            res.append_header(SET_COOKIE, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SESSION: Cookie = Cookie { name: "s", value: "abc", path: "/", max_age_secs: 60, http_only: true };

    #[test]
    fn secure_only_when_asked() {
        assert_eq!(SESSION.header_value(false), "s=abc; Path=/; Max-Age=60; SameSite=Lax; HttpOnly");
        assert_eq!(SESSION.header_value(true), "s=abc; Path=/; Max-Age=60; SameSite=Lax; HttpOnly; Secure");
        let theme = Cookie { http_only: false, ..SESSION };
        assert!(!theme.header_value(true).contains("HttpOnly"));
    }
}
