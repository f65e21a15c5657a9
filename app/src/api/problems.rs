use leptos::prelude::*;

use super::{ApiError, ProblemView};
#[cfg(feature = "ssr")]
use {
    super::LessonLink,
    super::respond,
    crate::ssr::{AppState, session, state::internal},
};

/// A problem's statement and starter code. (Submitting from the browser comes with the judge's
/// web integration; the judge itself is `sandbox/`.)
#[server(endpoint = "problem")]
pub async fn get_problem(id: String) -> Result<ProblemView, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let problem = state.catalog.problems.get(id.as_str()).ok_or_else(|| ApiError::NotFound("Problem".into()))?;
        let lesson = problem
            .lesson
            .as_ref()
            .and_then(|l| state.catalog.lesson(l.as_str()))
            .map(|l| LessonLink { id: l.id.to_string(), title: l.title.clone() });
        Ok(ProblemView {
            id: problem.id.to_string(),
            title: problem.title.clone(),
            difficulty: problem.difficulty,
            body_html: problem.body_html.clone(),
            lesson,
            starters: problem.starters.clone(),
            logged_in: session::current_user(&state).await?.is_some(),
        })
    })
    .await
}

/// Every problem, in course order, with whether this learner has solved it, as HTML for the
/// problems page.
#[server(endpoint = "problems_html")]
pub async fn problems_html() -> Result<String, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let catalog = &state.catalog;
        let solved = match session::current_user(&state).await? {
            Some(u) => state.store.solved_problems(u.id).await.map_err(internal("reading solved problems"))?,
            None => Default::default(),
        };
        let mut rows: Vec<_> = catalog
            .problems
            .values()
            .map(|p| {
                let lesson = p.lesson.as_ref().and_then(|l| catalog.lesson(l.as_str()));
                let position = lesson.and_then(|l| catalog.lesson_position(l.id.as_str())).unwrap_or(usize::MAX);
                crate::fragments::problem_list::Row {
                    id: p.id.to_string(),
                    title: p.title.clone(),
                    difficulty: p.difficulty,
                    lesson: lesson.map(|l| LessonLink { id: l.id.to_string(), title: l.title.clone() }),
                    solved: solved.contains(p.id.as_str()),
                    position,
                }
            })
            .collect();
        rows.sort_by(|a, b| (a.position, &a.title).cmp(&(b.position, &b.title)));
        Ok(view! { <crate::fragments::problem_list::ProblemList rows /> }.to_html())
    })
    .await
}
