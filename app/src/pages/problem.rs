use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{ApiError, ProblemView, get_problem};
use crate::app::AuthActions;
use crate::components::error_box::ErrorBox;
use crate::components::note_panel::{NoteBody, NotePanel, note_resource};
use crate::components::question_card::StartToSave;
use crate::components::workbench::Workbench;
use crate::pages::not_found::NotFound;

#[component]
pub fn ProblemPage() -> impl IntoView {
    let params = use_params_map();
    let auth = expect_context::<AuthActions>();
    let id = move || params.read().get("id").unwrap_or_default();
    let problem = Resource::new(move || (id(), auth.version()), |(id, _)| get_problem(id));
    let note = note_resource(domain::NoteTarget::Problem, id);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading the problem…"</p> }>
            {move || Suspend::new(async move {
                match problem.await {
                    Ok(p) => {
                        let note = note.await;
                        view! { <Problem problem=p note /> }.into_any()
                    }
                    Err(ApiError::NotFound(_)) => view! { <NotFound /> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Problem(problem: ProblemView, note: NoteBody) -> impl IntoView {
    let ProblemView { id, title, difficulty, body_html, lesson, starters, drafts, keymap, logged_in } = problem;
    let workbench_id = id.clone();
    // Set by `submit_form` when a form sent without JavaScript was refused.
    let query = leptos_router::hooks::use_query_map();
    let refused = query.with_untracked(|q| q.get("refused"));
    // From the review page: solve it again from a blank editor (the starter, not the draft).
    let drafts = if query.with_untracked(|q| q.get("fresh").is_some_and(|v| v == "1")) { Vec::new() } else { drafts };
    view! {
        <Title text=title.clone() />
        <article class="problem lesson" data-problem=id.clone()>
            <p class="crumb">
                "Problem"
                " · "
                <span class=format!("difficulty {difficulty}")>{difficulty.as_str()}</span>
                {lesson.map(|l| view! { " · from " <A href=format!("/lessons/{}", l.id)>{l.title}</A> })}
            </p>
            <h1>{title}</h1>
            <div class="prose" inner_html=body_html></div>
            {refused.map(|reason| view! { <p class="error" role="alert">{reason}</p> })}
            {if logged_in {
                view! { <Workbench problem_id=workbench_id starters drafts keymap /> }.into_any()
            } else {
                view! {
                    <section class="workbench">
                        <h2>"Solve it"</h2>
                        <p>"Write a solution in Rust or Go and the judge runs it against the tests."</p>
                        <StartToSave />
                    </section>
                }
                .into_any()
            }}
            <NotePanel note />
            <p class="muted small">
                {format!("Judge a solution on your own machine with the same sandbox, tests and limits: cargo run --release -p sandbox --bin prep-judge -- content/problems/{id} solution.go")}
            </p>
        </article>
    }
}
