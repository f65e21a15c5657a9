//! "My note" on a lesson's or problem's page: a heading, why the last save was refused (if it
//! was), and the panel itself rendered on the server (`note_html`), so none of it adds to the
//! browser bundle beyond this mount.

use domain::NoteTarget;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::note_html;
use crate::components::question_card::StartToSave;
use crate::components::server_fragment::ServerFragment;

#[component]
pub fn NotePanel(kind: NoteTarget, target_id: String, logged_in: bool) -> impl IntoView {
    // Set by `save_note` when a form sent without JavaScript was refused.
    let refused = use_query_map().with_untracked(|q| q.get("note_refused"));
    view! {
        <section class="note-panel" id="my-note" aria-labelledby="my-note-title">
            <h2 id="my-note-title">"My note"</h2>
            {refused.map(|reason| view! { <p class="error" role="alert">{reason}</p> })}
            // A visitor has no note to fetch (and the page stays a 200, not the API's 401).
            {if logged_in {
                view! {
                    <ServerFragment
                        fetch=move || note_html(kind.as_str().to_string(), target_id.clone())
                        class="note-panel-body"
                        loading="Loading your note…"
                        not_logged_in=|| view! { <StartToSave /> }
                    />
                }
                .into_any()
            } else {
                view! { <StartToSave /> }.into_any()
            }}
        </section>
    }
}
