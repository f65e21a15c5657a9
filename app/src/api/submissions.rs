//! Submitting solutions to the judge and reading the results.
//!
//! Live progress is not a server function: the browser listens on
//! `GET /api/submissions/<id>/events` (server-sent events, served by the server crate).

use leptos::prelude::*;

use super::{ApiError, SubmissionView};
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::server::db::submissions,
    crate::server::{AppState, session, state::internal},
};

/// Largest source accepted, in bytes. Solutions are one function; this is generous.
pub const MAX_SOURCE_BYTES: usize = 50_000;
/// Submissions one learner may have waiting or running at once.
pub const MAX_PENDING: i64 = 3;
pub const LANGUAGES: [(&str, &str); 2] = [("rust", "Rust"), ("go", "Go")];

/// Queues a solution. `samples_only`: "Run" (sample tests) rather than "Submit" (all tests).
/// Returns the submission id; progress streams from `/api/submissions/<id>/events`.
#[server(endpoint = "submit")]
pub async fn submit_solution(
    problem_id: String,
    language: String,
    source: String,
    samples_only: bool,
) -> Result<i64, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        if !state.catalog.problems.contains_key(&problem_id) {
            return Err(ApiError::NotFound("Problem".into()));
        }
        if !LANGUAGES.iter().any(|(id, _)| *id == language) {
            return Err(ApiError::bad_input("Language is rust or go."));
        }
        if source.trim().is_empty() {
            return Err(ApiError::bad_input("Write a solution first."));
        }
        if source.len() > MAX_SOURCE_BYTES {
            return Err(ApiError::bad_input(format!("Solutions may be at most {MAX_SOURCE_BYTES} bytes.")));
        }
        if !state.judge.enabled {
            return Err(ApiError::bad_input("The judge is not running on this server."));
        }
        let pending = submissions::pending(&state.pool, user.id).await.map_err(internal("counting submissions"))?;
        if pending >= MAX_PENDING {
            return Err(ApiError::bad_input(format!(
                "You have {pending} submissions waiting for the judge; wait for one to finish."
            )));
        }
        let id = submissions::insert(&state.pool, user.id, &problem_id, &language, &source, samples_only)
            .await
            .map_err(internal("queueing submission"))?;
        state.judge.wake.notify_one();
        Ok(id)
    })
    .await
}

#[server(endpoint = "submission")]
pub async fn get_submission(id: i64) -> Result<SubmissionView, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        submissions::get(&state.pool, user.id, id)
            .await
            .map_err(internal("reading submission"))?
            .ok_or_else(|| ApiError::NotFound("Submission".into()))
    })
    .await
}

/// The verdict of a submission as HTML, for the workbench. Rendered on the server so the
/// browser bundle carries no result tables (it stays small; see `scripts/bench.sh`).
#[server(endpoint = "submission_html")]
pub async fn submission_html(id: i64) -> Result<String, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let submission = submissions::get(&state.pool, user.id, id)
            .await
            .map_err(internal("reading submission"))?
            .ok_or_else(|| ApiError::NotFound("Submission".into()))?;
        Ok(view! { <crate::fragments::verdict_table::VerdictTable submission /> }.to_html())
    })
    .await
}

/// The learner's last ten submissions to a problem, newest first.
#[server(endpoint = "submissions")]
pub async fn my_submissions(problem_id: String) -> Result<Vec<SubmissionView>, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let Some(user) = session::current_user(&state).await? else {
            return Ok(Vec::new());
        };
        submissions::recent(&state.pool, user.id, &problem_id, 10).await.map_err(internal("listing submissions"))
    })
    .await
}
