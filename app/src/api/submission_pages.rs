//! The server-rendered parts of solving: the learner's history of a problem, one submission's
//! page (its code and full report), and the plain form that submits without JavaScript.

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    super::submissions::{Run, check_custom_input, enqueue, own_source, own_submission},
    crate::ssr::{AppState, session, state::internal},
};

/// Submissions kept in a problem's history list.
pub const HISTORY_LENGTH: i64 = 20;

/// The learner's submissions to a problem as an HTML table (see `fragments::submission_history`).
#[server(endpoint = "history_html")]
pub async fn history_html(problem_id: String) -> Result<String, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let submissions = state
            .store
            .recent_submissions(user.id, &problem_id, HISTORY_LENGTH)
            .await
            .map_err(internal("listing submissions"))?;
        let now = store::now();
        Ok(view! { <crate::fragments::submission_history::SubmissionHistory submissions now /> }.to_html())
    })
    .await
}

/// One submission's page: what problem, its code, its full report (or that it is still waiting,
/// with a refresh for browsers without JavaScript).
#[server(endpoint = "submission_page_html")]
pub async fn submission_page_html(id: i64) -> Result<String, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let submission = own_submission(&state, user.id, id).await?;
        let (_, source) = own_source(&state, user.id, id).await?;
        let title = state.catalog.problems.get(submission.problem_id.as_str()).map(|p| p.title.clone());
        Ok(view! { <crate::fragments::submission_page::SubmissionPage submission source title now=store::now() /> }
            .to_html())
    })
    .await
}

/// The workbench's form as a browser without JavaScript sends it: `kind` is the button pressed
/// (`samples`, `submit` or `custom`). Answers with a redirect: to the submission's page, or back
/// to the problem with the reason it was refused.
#[server(endpoint = "submit_form")]
pub async fn submit_form(
    problem_id: String,
    language: String,
    source: String,
    kind: String,
    input: String,
) -> Result<(), ApiError> {
    let state = AppState::current()?;
    let queued = async {
        let custom = kind == "custom";
        if custom {
            check_custom_input(&input)?;
        }
        let run = Run {
            problem_id: &problem_id,
            language: &language,
            source: &source,
            samples_only: kind != "submit",
            custom_input: custom.then_some(input.as_str()),
        };
        enqueue(&state, run).await
    };
    match queued.await {
        Ok(id) => leptos_axum::redirect(&format!("/submissions/{id}")),
        Err(e) => {
            let reason: String = form_urlencoded::byte_serialize(e.to_string().as_bytes()).collect();
            let problem: String = form_urlencoded::byte_serialize(problem_id.as_bytes()).collect();
            leptos_axum::redirect(&format!("/problems/{problem}?refused={reason}"))
        }
    }
    Ok(())
}
