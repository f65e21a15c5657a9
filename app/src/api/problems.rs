use leptos::prelude::*;

use super::{ApiError, ProblemView};
#[cfg(feature = "ssr")]
use {super::LessonLink, super::respond, crate::server::AppState, crate::server::session};

/// A problem's statement and starter code. (Submitting from the browser comes with the judge's
/// web integration; the judge itself is `sandbox/`.)
#[server(endpoint = "problem")]
pub async fn get_problem(id: String) -> Result<ProblemView, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let problem = state.catalog.problems.get(&id).ok_or_else(|| ApiError::NotFound("Problem".into()))?;
        let lesson = problem
            .lesson
            .as_deref()
            .and_then(|l| state.catalog.lesson(l))
            .map(|l| LessonLink { id: l.id.to_string(), title: l.title.clone() });
        Ok(ProblemView {
            id: problem.id.to_string(),
            title: problem.title.clone(),
            difficulty: problem.difficulty.clone(),
            body_html: problem.body_html.clone(),
            lesson,
            starters: problem.starters.clone(),
            logged_in: session::current_user(&state).await?.is_some(),
        })
    })
    .await
}
