use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::review_settings_html;
use crate::components::question_card::StartToSave;
use crate::components::server_fragment::ServerFragment;

/// `/settings`: review settings, rendered on the server; the forms post and come back here with
/// `?saved=` or `?refused=`.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved"));
    let refused = query.with_untracked(|q| q.get("refused"));
    let key = Signal::derive(move || query.with(|q| format!("{q:?}")));
    view! {
        <Title text="Settings" />
        <h1>"Settings"</h1>
        {refused.map(|reason| view! { <p class="error" role="alert">{reason}</p> })}
        {saved.map(|what| view! {
            <p class="saved" role="status">
                {if what == "parameters" { "Your parameters were fitted." } else { "Saved." }}
            </p>
        })}
        <ServerFragment
            fetch=review_settings_html
            key
            class="settings"
            loading="Loading your settings…"
            not_logged_in=|| view! { <StartToSave /> }
        />
    }
}
