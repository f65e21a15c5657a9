//! Data the server functions return: plain, serialisable views of the catalog and progress.

use serde::{Deserialize, Serialize};

use domain::{Difficulty, Language, ProblemStatus};
pub use domain::{ProgressEvent, SubmissionResult, SubmissionView, TestRow, human_count};

use super::fields::Rating;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// `None` for a guest who has not claimed the account yet.
    pub username: Option<String>,
}

impl Me {
    pub fn is_guest(&self) -> bool {
        self.username.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonLink {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub started: bool,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub lessons: Vec<LessonSummary>,
}

impl SectionSummary {
    pub fn done(&self) -> usize {
        self.lessons.iter().filter(|l| l.done).count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outline {
    pub sections: Vec<SectionSummary>,
    /// The lesson to continue with: the last one visited, or the first not yet done.
    pub continue_with: Option<LessonLink>,
    pub logged_in: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TocItem {
    pub level: u8,
    pub anchor: String,
    pub text: String,
}

/// A problem or demo linked from a lesson; `available` is false while it is "coming soon".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Linked {
    pub id: String,
    pub title: String,
    pub available: bool,
    /// For a problem and a signed-in learner: where they stand with it.
    pub status: Option<ProblemStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    #[serde(serialize_with = "super::static_html::serialize")]
    pub prompt_html: String,
    #[serde(serialize_with = "super::static_html::serialize")]
    pub answer_html: String,
    pub my_answer: Option<String>,
    pub last_rating: Option<Rating>,
    /// Whether the learner bookmarked it (always false for a visitor).
    #[serde(default)]
    pub bookmarked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub section_title: String,
    #[serde(serialize_with = "super::static_html::serialize")]
    pub html: String,
    pub toc: Vec<TocItem>,
    pub takeaways: Vec<String>,
    pub questions: Vec<QuestionView>,
    pub problems: Vec<Linked>,
    pub demos: Vec<Linked>,
    /// The demos that exist, in the lesson's order, as server-rendered HTML ("" when none).
    /// Kept in the hydration data: whether it is empty decides what the page renders.
    pub demos_html: String,
    pub prev: Option<LessonLink>,
    pub next: Option<LessonLink>,
    pub logged_in: bool,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionProgress {
    pub id: String,
    pub title: String,
    pub done: usize,
    pub total: usize,
}

/// One UTC day of activity: lessons started or finished, answers written, questions rated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayActivity {
    /// `YYYY-MM-DD`, UTC.
    pub date: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    pub username: Option<String>,
    pub sections: Vec<SectionProgress>,
    /// The last 365 days (UTC), oldest first, ending today; days without activity included.
    pub days: Vec<DayActivity>,
    /// Weekday of `days[0]`, 0 = Monday.
    pub first_weekday: u8,
    pub lessons_done: usize,
    pub lessons_total: usize,
    pub questions_answered: usize,
    pub ratings_given: usize,
    /// Predictions made before running a demo, and how many the run proved right.
    pub predictions_made: i64,
    pub predictions_right: i64,
    /// The latest predictions, newest first.
    pub recent_predictions: Vec<PredictionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictionView {
    pub demo_id: String,
    pub demo_title: String,
    pub params: String,
    pub prediction: String,
    pub outcome: String,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemView {
    pub id: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub body_html: String,
    pub lesson: Option<LessonLink>,
    /// Each language offered, with its starter code.
    pub starters: Vec<(Language, String)>,
    /// The learner's saved drafts, per language (empty for a visitor).
    pub drafts: Vec<(Language, String)>,
    /// The learner's editor key bindings.
    pub keymap: domain::Keymap,
    pub logged_in: bool,
}

/// A demo's panel: what the server renders its form and chart frames from (see
/// `fragments::demo_panel`). The live part (the run, the charts) is `/pkg/demo/panel.js`, which
/// reads `chart_json` from each frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoPanel {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub look_for: Vec<String>,
    pub caveat: String,
    pub timeout_seconds: u32,
    pub params: Vec<DemoParamField>,
    pub prediction: Option<DemoPredictionField>,
    pub charts: Vec<DemoChartFrame>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoParamField {
    pub name: String,
    pub label: String,
    pub input: DemoInput,
    pub default: String,
    pub unit: Option<String>,
    pub help: Option<String>,
}

/// How a parameter or prediction is entered. Bounds travel as the text the form shows: the
/// browser bundle then carries no float formatting or parsing (tens of KB of wasm).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DemoInput {
    Number { min: Option<String>, max: Option<String>, whole: bool },
    Choice(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoPredictionField {
    pub question: String,
    pub input: DemoInput,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoChartFrame {
    pub id: String,
    pub title: String,
    /// The chart's declaration (kind, axes, series) as JSON, for the chart code.
    pub chart_json: String,
}

/// The standalone page of one demo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoPageView {
    pub title: String,
    /// The panel, rendered on the server.
    pub panel_html: String,
    pub lesson: Option<LessonLink>,
}
