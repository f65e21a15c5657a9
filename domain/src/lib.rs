//! Values every part of Prep agrees on, defined once: content [`Id`]s, the [`Language`]s a
//! solution may be written in, the judge's [`Verdict`]s, a submission's [`SubmissionStatus`] and
//! result, a question's [`Rating`], a problem's [`Difficulty`] and a learner's [`ProblemStatus`] with it,
//! a solution's measured [`Growth`], what a note or a bookmark is attached to ([`NoteTarget`],
//! [`BookmarkKind`]).
//!
//! Small on purpose (serde only): the browser bundle compiles it too. Every type parses from and
//! prints to one spelling, the one stored in the database and sent over the API.

mod card;
mod custom_run;
mod difficulty;
mod growth;
mod id;
mod keymap;
mod language;
mod lesson_status;
mod notes;
mod parse;
mod problem_status;
mod rating;
mod search;
mod submission;
mod verdict;

pub use card::{CardKind, CardRef};
pub use custom_run::{CustomRun, RunEnd, RunReport};
pub use difficulty::Difficulty;
pub use growth::{Growth, ScalingPoint, ScalingReport};
pub use id::{Id, IdError};
pub use keymap::Keymap;
pub use language::Language;
pub use lesson_status::LessonStatus;
pub use notes::{BookmarkKind, NOTE_MAX_BYTES, NoteTarget};
pub use parse::UnknownValue;
pub use problem_status::ProblemStatus;
pub use rating::Rating;
pub use search::{
    MARK_END, MARK_START, SEARCH_QUERY_MAX_CHARS, SearchDocument, SearchKind, SearchQuery, SearchQueryError, Snippet,
};
pub use submission::{ProgressEvent, SubmissionResult, SubmissionStatus, SubmissionView, TestRow, human_count};
pub use verdict::Verdict;
