//! Data the server functions return: plain, serialisable views of the catalog and progress.

use serde::{Deserialize, Serialize};

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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub prompt_html: String,
    pub answer_html: String,
    pub my_answer: Option<String>,
    pub last_rating: Option<Rating>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub section_title: String,
    pub html: String,
    pub toc: Vec<TocItem>,
    pub takeaways: Vec<String>,
    pub questions: Vec<QuestionView>,
    pub problems: Vec<Linked>,
    pub demos: Vec<Linked>,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemView {
    pub id: String,
    pub title: String,
    pub difficulty: Option<String>,
    pub body_html: String,
    pub lesson: Option<LessonLink>,
    /// `(language, starter code)`.
    pub starters: Vec<(String, String)>,
    pub logged_in: bool,
}

/// The judge's result for a submission, as stored and shown. Built by the server's judge worker
/// from the sandbox's report; the app itself knows nothing of the sandbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionResult {
    /// `AC`, `WA`, `TLE`, `MLE`, `OLE`, `RE`, `CE` or `IE`.
    pub verdict: String,
    /// "Accepted", "Wrong answer", …
    pub title: String,
    /// Compiler output for CE; a generic message for IE.
    pub message: Option<String>,
    pub tests: Vec<TestRow>,
    pub total_tests: usize,
    pub instructions: u64,
    pub peak_memory: u64,
}

impl SubmissionResult {
    /// "Accepted — 3.1 M instructions", "Wrong answer on test 3", "Compile error".
    pub fn headline(&self) -> String {
        if self.verdict == "AC" {
            return format!("{} — {} instructions", self.title, human_count(self.instructions));
        }
        match self.tests.iter().find(|t| t.verdict != "AC") {
            Some(t) => format!("{} on test {}", self.title, t.number),
            None => self.title.clone(),
        }
    }
}

/// 3_100_000 → "3.1 M". Integer arithmetic only: float formatting would add tens of kilobytes
/// to the browser bundle.
pub fn human_count(n: u64) -> String {
    let scaled = |unit: u64, decimals: u32, suffix: &str| {
        let step = unit / 10u64.pow(decimals);
        let v = (n + step / 2) / step;
        let (whole, frac) = (v / 10u64.pow(decimals), v % 10u64.pow(decimals));
        format!("{whole}.{frac:0width$} {suffix}", width = decimals as usize)
    };
    match n {
        0..1_000 => n.to_string(),
        1_000..1_000_000 => scaled(1_000, 1, "k"),
        1_000_000..1_000_000_000 => scaled(1_000_000, 1, "M"),
        _ => scaled(1_000_000_000, 2, "G"),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestRow {
    pub number: usize,
    pub sample: bool,
    pub verdict: String,
    pub instructions: u64,
    pub instruction_limit: u64,
    pub peak_memory: u64,
    pub detail: Option<String>,
    /// Sample tests only: input, expected and actual output.
    pub io: Option<(String, String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub id: i64,
    pub problem_id: String,
    pub language: String,
    pub samples_only: bool,
    /// `queued`, `running` or `done`.
    pub status: String,
    pub result: Option<SubmissionResult>,
    pub created_at: i64,
}

/// Judge progress, streamed to the browser while a submission runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressEvent {
    pub submission: i64,
    /// Tests finished so far.
    pub done: usize,
    pub total: usize,
    /// Verdict of the last finished test.
    pub verdict: Option<String>,
    /// The submission is done; fetch the result.
    pub finished: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_like_people_write_them() {
        assert_eq!(human_count(999), "999");
        assert_eq!(human_count(3_100_000), "3.1 M");
        assert_eq!(human_count(12_345), "12.3 k");
        assert_eq!(human_count(2_500_000_000), "2.50 G");
        assert_eq!(human_count(1_000), "1.0 k");
        assert_eq!(human_count(752_000_000), "752.0 M");
        assert_eq!(human_count(3_149_999), "3.1 M");
    }

    #[test]
    fn headlines_name_the_first_failing_test() {
        let row = |n, v: &str| TestRow {
            number: n,
            sample: false,
            verdict: v.into(),
            instructions: 10,
            instruction_limit: 100,
            peak_memory: 0,
            detail: None,
            io: None,
        };
        let mut r = SubmissionResult {
            verdict: "AC".into(),
            title: "Accepted".into(),
            message: None,
            tests: vec![row(1, "AC")],
            total_tests: 1,
            instructions: 3_100_000,
            peak_memory: 0,
        };
        assert_eq!(r.headline(), "Accepted — 3.1 M instructions");
        r.verdict = "TLE".into();
        r.title = "Time limit exceeded".into();
        r.tests.push(row(12, "TLE"));
        assert_eq!(r.headline(), "Time limit exceeded on test 12");
    }
}
