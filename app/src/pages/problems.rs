use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::problems_html;
use crate::components::server_fragment::ServerFragment;

/// The filters live in the URL (`?section=…&difficulty=…&tag=…&status=…`), so a filtered list
/// can be bookmarked and shared, and the server renders it without the bundle.
#[component]
pub fn ProblemsPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.with_untracked(|q| q.get(name).unwrap_or_default());
    let key = Signal::derive(move || query.with(|q| format!("{q:?}")));
    view! {
        <Title text="Problems" />
        <ServerFragment
            fetch=move || problems_html(param("section"), param("difficulty"), param("tag"), param("status"))
            key
            class="problems"
            loading="Loading the problems…"
        />
    }
}
