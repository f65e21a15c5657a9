//! Submitting solutions to the judge and reading the results.
//!
//! Live progress is not a server function: the browser listens on
//! `GET /api/submissions/<id>/events` (server-sent events, served by the server crate).

use leptos::prelude::*;

use super::{ApiError, SubmissionView};
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::ssr::{AppState, session, state::internal},
    domain::Language,
    store::{Cancel, Enqueue, NewSubmission, PendingLimits},
};

/// Largest source accepted, in bytes. Solutions are one function; this is generous.
pub const MAX_SOURCE_BYTES: usize = 50_000;
/// Submissions one learner may have waiting or running at once.
pub const MAX_PENDING_PER_LEARNER: i64 = 3;
/// … and all guest accounts from one address together (a crowd of guests is one learner).
pub const MAX_PENDING_PER_GUEST_ADDRESS: i64 = 6;
/// Runs (samples, submissions, custom inputs) one learner may make in any minute: a fast
/// compile error never fills the pending cap, so this is what bounds a script.
pub const MAX_PER_MINUTE_PER_LEARNER: i64 = 20;
/// … and all guests from one address together.
pub const MAX_PER_MINUTE_PER_GUEST_ADDRESS: i64 = 40;
/// Largest custom input, in bytes: a typed or pasted test, not a generated one.
pub const MAX_CUSTOM_INPUT_BYTES: usize = 32_000;

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
        enqueue(
            &state,
            Run { problem_id: &problem_id, language: &language, source: &source, samples_only, custom_input: None },
        )
        .await
    })
    .await
}

/// "Run with custom input": runs the solution, and the reference beside it, on `input` instead
/// of the tests (same limits as a test; hidden tests stay hidden). Queued like a submission;
/// the result's `custom` holds both runs.
#[server(endpoint = "run_custom")]
pub async fn run_custom_input(
    problem_id: String,
    language: String,
    source: String,
    input: String,
) -> Result<i64, ApiError> {
    respond(async {
        let state = AppState::current()?;
        check_custom_input(&input)?;
        let run = Run {
            problem_id: &problem_id,
            language: &language,
            source: &source,
            samples_only: true,
            custom_input: Some(&input),
        };
        enqueue(&state, run).await
    })
    .await
}

/// Stops a waiting or running submission of the learner's. Running ones stop within a tick of
/// the sandbox; the event stream then ends with the `cancelled` verdict.
#[server(endpoint = "cancel_submission")]
pub async fn cancel_submission(id: i64) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        match state.store.cancel_submission(user.id, id).await.map_err(internal("cancelling submission"))? {
            Cancel::Cancelled | Cancel::Stopping => Ok(()),
            Cancel::AlreadyDone => Err(ApiError::bad_input("The judge has already finished this submission.")),
            Cancel::NotFound => Err(ApiError::NotFound("Submission".into())),
        }
    })
    .await
}

/// What a learner asked the judge to run.
#[cfg(feature = "ssr")]
pub(crate) struct Run<'a> {
    pub problem_id: &'a str,
    pub language: &'a str,
    pub source: &'a str,
    pub samples_only: bool,
    pub custom_input: Option<&'a str>,
}

/// Checks a run and queues it within the learner's limits; wakes the workers.
#[cfg(feature = "ssr")]
pub(crate) async fn enqueue(state: &AppState, run: Run<'_>) -> Result<i64, ApiError> {
    let user = session::require_user(state).await?;
    let language = offered_language(state, run.problem_id, run.language)?;
    if run.source.trim().is_empty() {
        return Err(ApiError::bad_input("Write a solution first."));
    }
    check_source_text(run.source)?;
    if !state.accepts_submissions {
        return Err(ApiError::bad_input("The judge is not running on this server."));
    }
    // Whose turn in the queue: an account is one learner; guests from one address are one.
    let (fair_key, per_fair_key, per_minute) = match (&user.username, session::client_ip()) {
        (None, Some(ip)) => (format!("guest@{ip}"), MAX_PENDING_PER_GUEST_ADDRESS, MAX_PER_MINUTE_PER_GUEST_ADDRESS),
        _ => (format!("user:{}", user.id), MAX_PENDING_PER_LEARNER, MAX_PER_MINUTE_PER_LEARNER),
    };
    let new = NewSubmission {
        user: user.id,
        problem_id: run.problem_id,
        language,
        source: run.source,
        samples_only: run.samples_only,
        fair_key: &fair_key,
        custom_input: run.custom_input,
    };
    let limits = PendingLimits { per_learner: MAX_PENDING_PER_LEARNER, per_fair_key, per_minute };
    match state.store.enqueue_submission(&new, limits).await.map_err(internal("queueing submission"))? {
        Enqueue::Queued(id) => {
            if let Err(e) = state.store.announce_queued().await {
                // Workers also poll the queue, so this only delays the judging.
                tracing::warn!(error = %e, "could not wake the judge workers");
            }
            Ok(id)
        }
        Enqueue::LearnerBusy { pending } => Err(ApiError::Limited(format!(
            "You have {pending} submissions waiting for the judge; wait for one to finish."
        ))),
        Enqueue::FairKeyBusy { pending } => Err(ApiError::Limited(format!(
            "Guests from your address have {pending} submissions waiting for the judge; wait for one to \
             finish, or sign up."
        ))),
        Enqueue::TooFast { retry_after } => Err(ApiError::Limited(format!(
            "That is {per_minute} runs in a minute, the most the judge takes; try again in {retry_after} s."
        ))),
    }
}

/// The language, if `problem_id` exists and can be solved in it.
#[cfg(feature = "ssr")]
pub(crate) fn offered_language(state: &AppState, problem_id: &str, language: &str) -> Result<Language, ApiError> {
    let problem = state.catalog.problems.get(problem_id).ok_or_else(|| ApiError::NotFound("Problem".into()))?;
    let language: Language = language.parse().map_err(|_| ApiError::bad_input("Language is rust or go."))?;
    if !problem.starters.iter().any(|(l, _)| *l == language) {
        return Err(ApiError::bad_input(format!("This problem cannot be solved in {}.", language.label())));
    }
    Ok(language)
}

/// Source text the store and the compilers can take: within the size cap, no NUL characters.
#[cfg(feature = "ssr")]
pub(crate) fn check_source_text(source: &str) -> Result<(), ApiError> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(ApiError::bad_input(format!("Solutions may be at most {MAX_SOURCE_BYTES} bytes.")));
    }
    if source.contains('\0') {
        return Err(ApiError::bad_input("The code contains a NUL character; remove it."));
    }
    Ok(())
}

/// A custom input the store and the sandbox can take: within the size cap, no NUL characters.
#[cfg(feature = "ssr")]
pub(crate) fn check_custom_input(input: &str) -> Result<(), ApiError> {
    if input.len() > MAX_CUSTOM_INPUT_BYTES {
        return Err(ApiError::bad_input(format!("Custom input may be at most {MAX_CUSTOM_INPUT_BYTES} bytes.")));
    }
    if input.contains('\0') {
        return Err(ApiError::bad_input("The input contains a NUL character; remove it."));
    }
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) async fn own_submission(state: &AppState, user: store::UserId, id: i64) -> Result<SubmissionView, ApiError> {
    state
        .store
        .submission(user, id)
        .await
        .map_err(internal("reading submission"))?
        .ok_or_else(|| ApiError::NotFound("Submission".into()))
}

/// The language and code of one of `user`'s submissions.
#[cfg(feature = "ssr")]
pub(crate) async fn own_source(state: &AppState, user: store::UserId, id: i64) -> Result<(Language, String), ApiError> {
    state
        .store
        .submission_source(user, id)
        .await
        .map_err(internal("reading submission"))?
        .ok_or_else(|| ApiError::NotFound("Submission".into()))
}

#[server(endpoint = "submission")]
pub async fn get_submission(id: i64) -> Result<SubmissionView, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        own_submission(&state, user.id, id).await
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
        let submission = own_submission(&state, user.id, id).await?;
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
        state.store.recent_submissions(user.id, &problem_id, 10).await.map_err(internal("listing submissions"))
    })
    .await
}

/// The code of one of the learner's submissions, with its language: "Restore into editor".
#[server(endpoint = "submission_source")]
pub async fn submission_source(id: i64) -> Result<(domain::Language, String), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        own_source(&state, user.id, id).await
    })
    .await
}
