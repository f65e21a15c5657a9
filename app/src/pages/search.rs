use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::search_html;
use crate::components::server_fragment::ServerFragment;

/// `/search?q=…`: the header's search form lands here; the results are rendered on the server.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = Signal::derive(move || query.with(|m| m.get("q").unwrap_or_default()));
    view! {
        <Title text="Search" />
        <h1>"Search"</h1>
        <ServerFragment fetch=move || search_html(q.get_untracked()) key=q class="search" loading="Searching…" />
    }
}
