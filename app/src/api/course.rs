//! The course: outline, lessons, and the learner's progress through them.

use leptos::prelude::*;

use super::fields::Rating;
use super::{ApiError, LessonView, Outline};
#[cfg(feature = "ssr")]
use {
    super::fields::{AnswerText, parse_rating},
    super::respond,
    super::{LessonLink, LessonSummary, Linked, QuestionView, SectionSummary, TocItem},
    crate::ssr::{AppState, session, state::internal},
    catalog::{Catalog, Lesson, LinkedItem},
    domain::ProblemStatus,
    std::collections::HashMap,
};

#[cfg(feature = "ssr")]
fn link(lesson: &Lesson) -> LessonLink {
    LessonLink { id: lesson.id.to_string(), title: lesson.title.clone() }
}

/// Sections and lessons in order, with this learner's progress.
#[server(endpoint = "outline")]
pub async fn get_outline() -> Result<Outline, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let catalog = &state.catalog;
        let user = session::current_user(&state).await?;
        let states = match &user {
            Some(u) => Some(state.store.lesson_states(u.id).await.map_err(internal("reading progress"))?),
            None => None,
        };
        let started = |id: &str| states.as_ref().is_some_and(|s| s.started.contains(id));
        let done = |id: &str| states.as_ref().is_some_and(|s| s.done.contains(id));
        let sections = catalog
            .sections
            .iter()
            .map(|s| SectionSummary {
                id: s.id.to_string(),
                title: s.title.clone(),
                summary: s.summary.clone(),
                lessons: s
                    .lessons
                    .iter()
                    .map(|&i| {
                        let l = &catalog.lessons[i];
                        LessonSummary {
                            id: l.id.to_string(),
                            title: l.title.clone(),
                            summary: l.summary.clone(),
                            minutes: l.minutes,
                            started: started(l.id.as_str()),
                            done: done(l.id.as_str()),
                        }
                    })
                    .collect(),
            })
            .collect();
        // Continue where the learner was, unless that lesson is done: then the next one not done.
        let last = states.as_ref().and_then(|s| s.last_lesson.as_deref()).and_then(|id| catalog.lesson(id));
        let continue_with = match last {
            Some(l) if !done(l.id.as_str()) => Some(l),
            Some(l) => next_not_done(catalog, catalog.lesson_position(l.id.as_str()).unwrap_or(0), &done),
            None => next_not_done(catalog, 0, &done),
        }
        .map(link);
        Ok(Outline { sections, continue_with, logged_in: user.is_some() })
    })
    .await
}

/// The outline as HTML, for the home page (the JSON `outline` is for scripts and tests).
#[server(endpoint = "outline_html")]
pub async fn outline_html() -> Result<String, ApiError> {
    let outline = get_outline().await?;
    Ok(view! { <crate::fragments::outline::CourseOutline outline /> }.to_html())
}

#[cfg(feature = "ssr")]
fn next_not_done<'c>(catalog: &'c Catalog, from: usize, done: &dyn Fn(&str) -> bool) -> Option<&'c Lesson> {
    let n = catalog.lessons.len();
    (0..n).map(|k| &catalog.lessons[(from + k) % n]).find(|l| !done(l.id.as_str()))
}

/// How long a lesson page waits for its visit to be recorded before it goes on without it.
#[cfg(feature = "ssr")]
const VISIT_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// Marks the lesson started and last visited. The visit is only bookkeeping: a database that
/// cannot take writes for now (full disk, a write lock held elsewhere, a queue of writers) must
/// not hold the learner's reading up, so the write goes on by itself and the page waits for it
/// only briefly (long enough, normally, that the next page shows "continue with" this lesson).
#[cfg(feature = "ssr")]
async fn record_visit(state: &AppState, user: store::UserId, lesson_id: &str) -> Result<(), ApiError> {
    let store = state.store.clone();
    let lesson = lesson_id.to_owned();
    let visit = tokio::spawn(async move { store.record_lesson_visit(user, &lesson).await });
    match tokio::time::timeout(VISIT_WAIT, visit).await {
        Ok(Ok(Ok(()))) => Ok(()),
        Ok(Ok(Err(e))) if e.outage().is_none() => Err(internal("recording visit")(e)),
        Ok(Ok(Err(e))) => {
            tracing::warn!(error = %e, "lesson visit not recorded");
            Ok(())
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "recording visit: the task failed");
            Err(ApiError::Internal)
        }
        Err(_) => {
            tracing::warn!(lesson = lesson_id, "lesson visit still waiting for the database; the page goes on");
            Ok(())
        }
    }
}

/// A lesson, rendered, with this learner's answers. Visiting marks it started.
#[server(endpoint = "lesson")]
pub async fn get_lesson(id: String) -> Result<LessonView, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let catalog = &state.catalog;
        let lesson = catalog.lesson(&id).ok_or_else(|| ApiError::NotFound("Lesson".into()))?;
        let user = session::current_user(&state).await?;
        let (mut states, done, marked) = match &user {
            Some(u) => {
                record_visit(&state, u.id, &id).await?;
                let ids: Vec<&str> = lesson.questions.iter().map(|q| q.id.as_str()).collect();
                let states = state.store.question_states(u.id, &ids).await.map_err(internal("reading answers"))?;
                let done = state.store.is_lesson_done(u.id, &id).await.map_err(internal("reading progress"))?;
                let marked = state
                    .store
                    .bookmarked(u.id, domain::BookmarkKind::Question, &ids)
                    .await
                    .map_err(internal("reading bookmarks"))?;
                (states, done, marked)
            }
            None => Default::default(),
        };
        let problem_statuses = match &user {
            Some(u) if !lesson.problems.is_empty() => {
                state.store.problem_statuses(u.id).await.map_err(internal("reading problem statuses"))?
            }
            _ => HashMap::new(),
        };
        let linked = |items: &[LinkedItem], statuses: Option<&HashMap<String, ProblemStatus>>| {
            items
                .iter()
                .map(|i| Linked {
                    id: i.id.to_string(),
                    title: i.title.clone().unwrap_or_else(|| i.id.to_string()),
                    available: i.title.is_some(),
                    status: statuses.map(|s| s.get(i.id.as_str()).copied().unwrap_or_default()),
                })
                .collect()
        };
        Ok(LessonView {
            id: lesson.id.to_string(),
            title: lesson.title.clone(),
            summary: lesson.summary.clone(),
            minutes: lesson.minutes,
            section_title: catalog.sections[lesson.section].title.clone(),
            html: lesson.html.clone(),
            toc: lesson
                .toc
                .iter()
                .map(|t| TocItem { level: t.level, anchor: t.anchor.clone(), text: t.text.clone() })
                .collect(),
            takeaways: lesson.takeaways.clone(),
            questions: lesson
                .questions
                .iter()
                .map(|q| QuestionView {
                    id: q.id.to_string(),
                    prompt_html: q.prompt_html.clone(),
                    answer_html: q.answer_html.clone(),
                    my_answer: states.answers.remove(q.id.as_str()),
                    last_rating: states.ratings.get(q.id.as_str()).copied(),
                    bookmarked: marked.contains(q.id.as_str()),
                })
                .collect(),
            problems: linked(&lesson.problems, user.as_ref().map(|_| &problem_statuses)),
            demos: linked(&lesson.demos, None),
            demos_html: super::demos::lesson_demos_html(catalog, &lesson.demos),
            prev: catalog.prev(&id).map(link),
            next: catalog.next(&id).map(link),
            logged_in: user.is_some(),
            done,
        })
    })
    .await
}

/// Marks a lesson done (or not done again). Returns the new state.
#[server(endpoint = "lesson_done")]
pub async fn set_lesson_done(lesson_id: String, done: bool) -> Result<bool, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        if state.catalog.lesson(&lesson_id).is_none() {
            return Err(ApiError::NotFound("Lesson".into()));
        }
        state.store.set_lesson_done(user.id, &lesson_id, done).await.map_err(internal("saving progress"))?;
        Ok(done)
    })
    .await
}

/// Saves the learner's answer to a discussion question (the latest answer replaces the last).
#[server(endpoint = "answer")]
pub async fn save_answer(question_id: String, answer: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        if state.catalog.lesson_of_question(&question_id).is_none() {
            return Err(ApiError::NotFound("Question".into()));
        }
        let answer = AnswerText::parse(&answer)?;
        state.store.save_answer(user.id, &question_id, answer.as_str()).await.map_err(internal("saving answer"))
    })
    .await
}

/// Records how well the learner knew a question's answer. Every rating is kept.
#[server(endpoint = "rate")]
pub async fn rate_question(question_id: String, rating: String) -> Result<Rating, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        if state.catalog.lesson_of_question(&question_id).is_none() {
            return Err(ApiError::NotFound("Question".into()));
        }
        let rating = parse_rating(&rating)?;
        let card = domain::CardKind::Question.card(question_id);
        crate::ssr::review::record(&state.store, user.id, card, rating, store::now())
            .await
            .map_err(internal("saving rating"))?;
        Ok(rating)
    })
    .await
}
