use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::submission_page_html;
use crate::components::server_fragment::ServerFragment;

/// `/submissions/:id`: one of the learner's submissions, rendered on the server (it is also
/// where a browser without JavaScript lands after submitting).
#[component]
pub fn SubmissionPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
    let key = Signal::derive(move || params.with(|p| p.get("id").unwrap_or_default()));
    view! {
        <Title text="Submission" />
        <ServerFragment
            fetch=move || submission_page_html(id())
            key
            class="submission-page"
            loading="Loading the submission…"
        />
    }
}
