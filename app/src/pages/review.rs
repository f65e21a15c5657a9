use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::review_card_html;
use crate::components::module_script::load_module;
use crate::components::question_card::StartToSave;
use crate::components::server_fragment::ServerFragment;

/// The keys (Space, 1–4); the page works without them.
const KEYS_MODULE: &str = "/pkg/review/keys.js";

/// `/review`: one due card at a time, rendered on the server (`?ahead=1` reviews ahead).
#[component]
pub fn ReviewPage() -> impl IntoView {
    let query = use_query_map();
    let ahead = move || query.with_untracked(|q| q.get("ahead").is_some_and(|v| v == "1"));
    let key = Signal::derive(move || query.with(|q| format!("{q:?}")));
    load_module(KEYS_MODULE);
    view! {
        <Title text="Review" />
        <script type="module" src=KEYS_MODULE nonce=use_nonce()></script>
        <h1>"Review"</h1>
        <p class="muted small">
            <kbd>"Space"</kbd>" shows the answer; "<kbd>"1"</kbd>"–"<kbd>"4"</kbd>
            " rate it: Again, Hard, Good, Easy. Each button says when the card comes back (FSRS). "
            <a href="/settings">"Review settings"</a>
        </p>
        <ServerFragment
            fetch=move || review_card_html(ahead())
            key
            class="review"
            loading="Loading the next card…"
            not_logged_in=|| view! { <StartToSave /> }
        />
    }
}
