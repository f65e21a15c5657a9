use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{ApiError, Me, my_notes_html};
use crate::components::question_card::StartToSave;
use crate::components::server_fragment::ServerFragment;

/// `/notes`: the learner's notes and bookmarks, rendered on the server; a visitor is offered a
/// guest account (the page itself is not an error).
#[component]
pub fn NotesPage() -> impl IntoView {
    let me = expect_context::<Resource<Result<Option<Me>, ApiError>>>();
    view! {
        <Title text="My notes" />
        <h1>"My notes"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading your notes…"</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(_)) => view! {
                        <ServerFragment
                            fetch=my_notes_html
                            class="notes-page"
                            loading="Loading your notes…"
                            not_logged_in=|| view! { <StartToSave /> }
                        />
                    }
                    .into_any(),
                    _ => view! {
                        <p class="muted">"Your notes on lessons and problems, and your bookmarks, are listed here."</p>
                        <StartToSave />
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
