//! Files that carry Prep data out of (and back into) a server, one module per format:
//!
//! - [`document`]: everything a learner did, as one versioned JSON document (`prep-export`,
//!   version [`VERSION`]); [`parse`] is its only reader, and says in words what is wrong with a
//!   file that is not one.
//! - [`anki`]: the course's question cards as the tab-separated text Anki imports.
//!
//! No SQL and no HTTP here: the store fills and applies a [`Document`], the server moves bytes.
//! The merge rules for importing are the store's (`docs/export.md` describes both).

pub mod anki;
pub mod document;
mod parse;

pub use document::{
    AnswerRecord, BookmarkRecord, CardRecord, Document, DraftRecord, FORMAT, LastLesson, LessonRecord, NoteRecord,
    PredictionRecord, RatingRecord, ReviewRecord, Settings, Source, SubmissionRecord, VERSION,
};
pub use parse::{MAX_ID_CHARS, MAX_IMPORT_BYTES, ParseError, parse};
