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
        let user = session::current_user(&state).await?;
        let (drafts, keymap) = match &user {
            Some(u) => (
                state.store.drafts(u.id, &id).await.map_err(internal("reading drafts"))?,
                state.store.editor_keymap(u.id).await.map_err(internal("reading keymap"))?,
            ),
            None => (Vec::new(), domain::Keymap::default()),
        };
        Ok(ProblemView {
            id: problem.id.to_string(),
            title: problem.title.clone(),
            difficulty: problem.difficulty,
            body_html: problem.body_html.clone(),
            lesson,
            starters: problem.starters.clone(),
            drafts,
            keymap,
            logged_in: user.is_some(),
        })
    })
    .await
}

/// Every problem, in course order, filtered by the page's query (section, difficulty, tag and
/// the learner's status), with facet counts, as HTML for the problems page. Values that name
/// nothing are reported and ignored.
#[server(endpoint = "problems_html")]
pub async fn problems_html(
    #[server(default)] section: String,
    #[server(default)] difficulty: String,
    #[server(default)] tag: String,
    #[server(default)] status: String,
) -> Result<String, ApiError> {
    use crate::fragments::problem_filter::{Filter, Query};
    use crate::fragments::problem_list::{ProblemList, Row, SectionLink};
    respond(async {
        let state = AppState::current()?;
        let catalog = &state.catalog;
        let user = session::current_user(&state).await?;
        let statuses = match &user {
            Some(u) => state.store.problem_statuses(u.id).await.map_err(internal("reading problem statuses"))?,
            None => Default::default(),
        };
        let mut rows: Vec<Row> = catalog
            .problems
            .values()
            .map(|p| {
                let lesson = p.lesson.as_ref().and_then(|l| catalog.lesson(l.as_str()));
                let position = lesson.and_then(|l| catalog.lesson_position(l.id.as_str())).unwrap_or(usize::MAX);
                let section = lesson.map(|l| &catalog.sections[l.section]);
                Row {
                    id: p.id.to_string(),
                    title: p.title.clone(),
                    difficulty: p.difficulty,
                    tags: p.tags.clone(),
                    languages: p.starters.iter().map(|(l, _)| *l).collect(),
                    lesson: lesson.map(|l| LessonLink { id: l.id.to_string(), title: l.title.clone() }),
                    section: section.map(|s| SectionLink { id: s.id.to_string(), title: s.title.clone() }),
                    status: statuses.get(p.id.as_str()).copied().unwrap_or_default(),
                    position,
                }
            })
            .collect();
        rows.sort_by(|a, b| (a.position, &a.title).cmp(&(b.position, &b.title)));
        let (filter, notes) = Filter::parse(&Query { section, difficulty, tag, status }, &rows);
        Ok(view! { <ProblemList rows filter notes logged_in=user.is_some() /> }.to_html())
    })
    .await
}
