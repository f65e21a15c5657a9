//! "My note" on a lesson's or problem's page: a heading, why the last save was refused (if it
//! was), and the panel itself rendered on the server (`note_html`), so none of it adds to the
//! browser bundle beyond this mount.
//!
//! The page creates the panel's resource ([`note_resource`]) outside its `Suspense` and awaits
//! it in its `Suspend` beside its own data; the panel gets the value. A resource (or a
//! `Suspense`) created inside the page's `Suspend` is created again whenever Leptos' server
//! render re-runs that closure (its `Suspense` walks the children a second time to find late
//! resource reads): once the page's own data was ready early (a warm session cache on a second
//! visit), the server sent two note resources, the browser built one, and hydration panicked.

use domain::NoteTarget;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{ApiError, note_html};
use crate::app::AuthActions;
use crate::components::error_box::ErrorBox;
use crate::components::question_card::StartToSave;

/// The panel's body as HTML, or `None` for a visitor (who has no note).
pub type NoteBody = Result<Option<String>, ApiError>;
pub type NoteResource = Resource<NoteBody>;

/// The note of `kind` `target_id()` of whoever is signed in, fetched again when they change.
pub fn note_resource(kind: NoteTarget, target_id: impl Fn() -> String + Send + Sync + 'static) -> NoteResource {
    let auth = expect_context::<AuthActions>();
    Resource::new(move || (target_id(), auth.version()), move |(id, _)| my_note(kind, id))
}

async fn my_note(kind: NoteTarget, target_id: String) -> NoteBody {
    // A visitor is not sent to `note_html` on the server: its 401 would become the page's status.
    #[cfg(feature = "ssr")]
    {
        let state = crate::ssr::AppState::current()?;
        if crate::ssr::session::current_user(&state).await?.is_none() {
            return Ok(None);
        }
    }
    match note_html(kind.as_str().to_string(), target_id).await {
        Ok(html) => Ok(Some(html)),
        Err(ApiError::NotLoggedIn) => Ok(None),
        Err(e) => Err(e),
    }
}

#[component]
pub fn NotePanel(note: NoteBody) -> impl IntoView {
    // Set by `save_note` when a form sent without JavaScript was refused.
    let refused = use_query_map().with_untracked(|q| q.get("note_refused"));
    view! {
        <section class="note-panel" id="my-note" aria-labelledby="my-note-title">
            <h2 id="my-note-title">"My note"</h2>
            {refused.map(|reason| view! { <p class="error" role="alert">{reason}</p> })}
            {match note {
                Ok(Some(html)) => view! { <div class="note-panel-body" inner_html=html></div> }.into_any(),
                Ok(None) => view! { <StartToSave /> }.into_any(),
                Err(e) => view! { <ErrorBox error=e /> }.into_any(),
            }}
        </section>
    }
}
