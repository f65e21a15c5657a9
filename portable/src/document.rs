//! The export document, version 1. Field names are the format: renaming one is a new version.
//!
//! Times are Unix seconds (UTC), as the database keeps them. Content ids are the course's ids
//! (lesson, question, problem, demo); no database row ids appear, so a document means the same
//! on any server. Domain values are the `domain` enums, so a misspelt one fails to parse.

use domain::{BookmarkKind, CardKind, Keymap, Language, LessonStatus, NoteTarget, Rating, SubmissionResult, Verdict};
use serde::{Deserialize, Serialize};

/// The value of `format` in every export.
pub const FORMAT: &str = "prep-export";
/// The version this code writes, and the newest it reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub exported_at: i64,
    pub source: Source,
    pub settings: Settings,
    /// The lesson "Continue" points at.
    #[serde(default)]
    pub last_lesson: Option<LastLesson>,
    #[serde(default)]
    pub lessons: Vec<LessonRecord>,
    #[serde(default)]
    pub answers: Vec<AnswerRecord>,
    #[serde(default)]
    pub ratings: Vec<RatingRecord>,
    #[serde(default)]
    pub review_cards: Vec<CardRecord>,
    #[serde(default)]
    pub review_log: Vec<ReviewRecord>,
    #[serde(default)]
    pub notes: Vec<NoteRecord>,
    #[serde(default)]
    pub bookmarks: Vec<BookmarkRecord>,
    #[serde(default)]
    pub submissions: Vec<SubmissionRecord>,
    #[serde(default)]
    pub drafts: Vec<DraftRecord>,
    #[serde(default)]
    pub demo_predictions: Vec<PredictionRecord>,
}

impl Document {
    /// An empty document of the current version, to be filled.
    pub fn new(exported_at: i64, username: Option<String>, settings: Settings) -> Self {
        Document {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at,
            source: Source { username },
            settings,
            last_lesson: None,
            lessons: Vec::new(),
            answers: Vec::new(),
            ratings: Vec::new(),
            review_cards: Vec::new(),
            review_log: Vec::new(),
            notes: Vec::new(),
            bookmarks: Vec::new(),
            submissions: Vec::new(),
            drafts: Vec::new(),
            demo_predictions: Vec::new(),
        }
    }

    /// Whether there is anything of the learner's in it (settings aside).
    pub fn has_progress(&self) -> bool {
        !(self.lessons.is_empty()
            && self.answers.is_empty()
            && self.ratings.is_empty()
            && self.review_cards.is_empty()
            && self.review_log.is_empty()
            && self.notes.is_empty()
            && self.bookmarks.is_empty()
            && self.submissions.is_empty()
            && self.drafts.is_empty()
            && self.demo_predictions.is_empty())
    }

    /// Serialises with two-space indents: people open these files.
    pub fn to_json(&self) -> String {
        // A Document holds only strings, numbers and enums: serialising it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Who exported it (informational only: an import never looks accounts up by it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// `None` for a guest account.
    pub username: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub editor_keymap: Keymap,
    /// FSRS's target recall probability, 0.70–0.97.
    pub desired_retention: f64,
}

impl Settings {
    /// What a new account starts with; an import only replaces a setting still at its default.
    pub const DEFAULT: Settings = Settings { editor_keymap: Keymap::Standard, desired_retention: 0.9 };
    pub const RETENTION_RANGE: std::ops::RangeInclusive<f64> = 0.7..=0.97;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastLesson {
    pub lesson_id: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonRecord {
    pub lesson_id: String,
    pub status: LessonStatus,
    pub started_at: i64,
    /// Present exactly when `status` is `done`.
    #[serde(default)]
    pub done_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub question_id: String,
    pub answer: String,
    pub updated_at: i64,
}

/// One rating of a question, as given on its lesson or in review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingRecord {
    pub question_id: String,
    pub rating: Rating,
    pub rated_at: i64,
}

/// A review card's scheduling state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardRecord {
    pub kind: CardKind,
    pub card_id: String,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub due: i64,
    pub last_review: Option<i64>,
    pub reps: i64,
    pub lapses: i64,
}

/// One entry of the review log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewRecord {
    pub kind: CardKind,
    pub card_id: String,
    pub rating: Rating,
    pub reviewed_at: i64,
    pub interval_days: Option<i64>,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteRecord {
    pub kind: NoteTarget,
    pub target_id: String,
    pub body: String,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookmarkRecord {
    pub kind: BookmarkKind,
    pub target_id: String,
    pub created_at: i64,
}

/// A judged submission: the code and what the judge said. Submissions still waiting or running
/// when the export was made are not in it (they have no verdict yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionRecord {
    pub problem_id: String,
    pub language: Language,
    /// "Run" (the sample tests) rather than "Submit" (every test).
    pub samples_only: bool,
    pub source: String,
    pub verdict: Verdict,
    pub result: Option<SubmissionResult>,
    /// The learner's own input for a "Run with custom input".
    #[serde(default)]
    pub custom_input: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRecord {
    pub problem_id: String,
    pub language: Language,
    pub source: String,
    pub updated_at: i64,
}

/// A prediction made before running a demo, and how the run came out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictionRecord {
    pub demo_id: String,
    pub params: String,
    pub prediction: String,
    /// The demo's result, as JSON text.
    pub outcome: String,
    pub correct: bool,
    pub created_at: i64,
}
