use leptos::prelude::*;
use leptos_meta::Title;

/// A real 404: the status is set on the server response, not only the text.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Not found" />
        <section class="not-found">
            <h1>"404 — not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link is wrong."</p>
            <p>
                <a href="/">"Back to the course"</a>
            </p>
        </section>
    }
}
