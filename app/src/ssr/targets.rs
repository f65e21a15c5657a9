//! What a note or a bookmark points at, looked up in the catalog: a title to show and the page
//! to link to. `None` means the id is not (or no longer) in the course.

use catalog::Catalog;
use domain::BookmarkKind;

use crate::api::ApiError;

pub struct Target {
    /// Plain text: the lesson's or problem's title, or "Lesson — Question 2".
    pub title: String,
    /// The page it is on (for a question: its card on its lesson page).
    pub href: String,
    /// A question's prompt (HTML from the catalog), shown under its link.
    pub prompt_html: Option<String>,
}

pub fn find(catalog: &Catalog, kind: BookmarkKind, id: &str) -> Option<Target> {
    match kind {
        BookmarkKind::Lesson => catalog.lesson(id).map(|l| Target {
            title: l.title.clone(),
            href: format!("/lessons/{id}"),
            prompt_html: None,
        }),
        BookmarkKind::Problem => catalog.problems.get(id).map(|p| Target {
            title: p.title.clone(),
            href: format!("/problems/{id}"),
            prompt_html: None,
        }),
        BookmarkKind::Question => {
            let lesson = catalog.lesson_of_question(id)?;
            let (index, q) = lesson.questions.iter().enumerate().find(|(_, q)| q.id.as_str() == id)?;
            Some(Target {
                title: format!("{} — Question {}", lesson.title, index + 1),
                // The card's heading id (components/question_card.rs).
                href: format!("/lessons/{}#q-{id}", lesson.id),
                prompt_html: Some(q.prompt_html.clone()),
            })
        }
    }
}

/// Like [`find`], but an unknown id is the caller's mistake: a 404 that names the kind.
pub fn require(catalog: &Catalog, kind: BookmarkKind, id: &str) -> Result<Target, ApiError> {
    find(catalog, kind, id).ok_or_else(|| {
        let what = match kind {
            BookmarkKind::Lesson => "Lesson",
            BookmarkKind::Question => "Question",
            BookmarkKind::Problem => "Problem",
        };
        ApiError::NotFound(what.into())
    })
}
