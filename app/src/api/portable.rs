//! The "Your data" page's part rendered on the server. The files themselves (export, import,
//! Anki) are plain HTTP handlers in the server crate (`server/src/your_data.rs`): downloads with
//! their own names and an upload larger than any form do not fit server functions.

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::ssr::{AppState, session},
};

/// The cookie in which `POST /api/import` leaves its outcome for the page (`ok:<summary>` or
/// `error:<message>`, form-encoded). A cookie rather than the query string, so a link cannot
/// make the page claim an import that never happened.
pub const IMPORT_RESULT_COOKIE: &str = "prep_import";

/// The last import's outcome as the page shows it: `(succeeded, text)`.
#[cfg(feature = "ssr")]
fn last_import() -> Option<(bool, String)> {
    let parts = use_context::<http::request::Parts>()?;
    let raw = session::cookie_value(&parts.headers, IMPORT_RESULT_COOKIE)?;
    let decoded: String = form_urlencoded::parse(format!("v={raw}").as_bytes()).next()?.1.into_owned();
    let (kind, text) = decoded.split_once(':')?;
    Some((kind == "ok", text.chars().take(600).collect()))
}

/// `/data`: export, Anki export, the import form and the last import's outcome.
#[server(endpoint = "data_page_html")]
pub async fn data_page_html() -> Result<String, ApiError> {
    use crate::fragments::data_panel::DataPanel;
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let last = last_import();
        Ok(view! { <DataPanel username=user.username last /> }.to_html())
    })
    .await
}
