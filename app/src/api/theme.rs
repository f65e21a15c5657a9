use leptos::prelude::*;

use super::ApiError;
use super::fields::Theme;

pub const THEME_COOKIE: &str = "theme";

/// Remembers the colour scheme in a cookie, so the server renders it without a flash.
#[server(endpoint = "theme")]
pub async fn set_theme(theme: String) -> Result<Theme, ApiError> {
    super::respond(async {
        let theme = Theme::parse(&theme).ok_or_else(|| ApiError::bad_input("Theme is auto, light or dark."))?;
        let state = crate::ssr::AppState::current()?;
        crate::ssr::cookie::Cookie {
            name: THEME_COOKIE,
            value: theme.as_str(),
            path: "/",
            max_age_secs: 365 * 24 * 60 * 60,
            http_only: true,
        }
        .set(&state);
        Ok(theme)
    })
    .await
}

/// The theme this request asked for (server) or the page currently shows (browser).
pub fn current_theme() -> Theme {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|p| crate::ssr::session::cookie_value(&p.headers, THEME_COOKIE))
            .and_then(|v| Theme::parse(&v))
            .unwrap_or(Theme::Auto)
    }
    #[cfg(not(feature = "ssr"))]
    {
        #[cfg(feature = "hydrate")]
        {
            let attr = leptos::prelude::document().document_element().and_then(|e| e.get_attribute("data-theme"));
            if let Some(t) = attr.as_deref().and_then(Theme::parse) {
                return t;
            }
        }
        Theme::Auto
    }
}
