use leptos::prelude::*;

use crate::api::ApiError;

/// The message of a failed action, announced to screen readers.
#[component]
pub fn ErrorBox(error: ApiError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.to_string()}</p> }
}

/// An error as HTML, for places that show server-rendered fragments with `inner_html`.
pub fn error_html(error: &ApiError) -> String {
    let text = error.to_string().replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!("<p class=\"error\" role=\"alert\">{text}</p>")
}

/// Shows the error of the last run of an action, if it failed.
pub fn action_error<T, S>(value: S) -> impl IntoView
where
    T: Send + Sync + 'static,
    S: Get<Value = Option<Result<T, ApiError>>> + Send + Sync + 'static,
{
    move || match value.get() {
        Some(Err(e)) => Some(view! { <ErrorBox error=e /> }),
        _ => None,
    }
}
