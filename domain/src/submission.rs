//! A submission's life: queued → running → done, the progress events on the way, and the
//! judge's result as it is stored and shown.

use serde::{Deserialize, Serialize};

use crate::parse::string_enum;
use crate::verdict::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubmissionStatus {
    /// Waiting for a judge worker.
    Queued,
    /// A worker holds it (under a lease that it renews while judging).
    Running,
    /// The result is stored.
    Done,
}

string_enum!(SubmissionStatus, "submission status", { Queued => "queued", Running => "running", Done => "done" });

/// A submission as its owner sees it: what the store reads and the API returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub id: i64,
    pub problem_id: String,
    pub language: crate::Language,
    /// "Run" (the sample tests) rather than "Submit" (every test).
    pub samples_only: bool,
    pub status: SubmissionStatus,
    pub result: Option<SubmissionResult>,
    pub created_at: i64,
}

/// The judge's result for a submission, as stored and shown. Built by a judge worker from the
/// sandbox's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionResult {
    pub verdict: Verdict,
    /// "Accepted", "Wrong answer", …
    pub title: String,
    /// Compiler output for CE; a generic message for IE.
    pub message: Option<String>,
    pub tests: Vec<TestRow>,
    pub total_tests: usize,
    pub instructions: u64,
    pub peak_memory: u64,
    /// How an accepted full submission's cost grows on the problem's scaling series, when the
    /// problem has one (absent in results stored before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scaling: Option<crate::ScalingReport>,
    /// A run on the learner's own input (`Run with custom input`), with the reference's run
    /// beside it; `tests` is empty then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<Box<crate::CustomRun>>,
}

impl SubmissionResult {
    /// A result no test ran for: a verdict and what to say about it.
    pub fn without_tests(verdict: Verdict, message: impl Into<String>) -> Self {
        SubmissionResult {
            verdict,
            title: verdict.description().into(),
            message: Some(message.into()),
            tests: Vec::new(),
            total_tests: 0,
            instructions: 0,
            peak_memory: 0,
            scaling: None,
            custom: None,
        }
    }

    /// The result of a submission the judge could not judge (its failure is logged, not shown).
    pub fn internal_error(message: impl Into<String>) -> Self {
        SubmissionResult::without_tests(Verdict::IE, message)
    }

    /// The result of a submission its learner cancelled before the judge finished.
    pub fn cancelled() -> Self {
        SubmissionResult::without_tests(Verdict::Cancelled, "You cancelled this submission before the judge finished.")
    }

    /// "Accepted — 3.1 M instructions", "Wrong answer on test 3", "Compile error".
    pub fn headline(&self) -> String {
        if self.verdict == Verdict::AC {
            return format!("{} — {} instructions", self.title, human_count(self.instructions));
        }
        match self.tests.iter().find(|t| t.verdict != Verdict::AC) {
            Some(t) => format!("{} on test {}", self.title, t.number),
            None => self.title.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestRow {
    pub number: usize,
    pub sample: bool,
    pub verdict: Verdict,
    pub instructions: u64,
    pub instruction_limit: u64,
    pub peak_memory: u64,
    pub detail: Option<String>,
    /// Sample tests only: input, expected and actual output.
    pub io: Option<(String, String, String)>,
}

/// Judge progress on one submission, streamed to the browser while it runs. Small: on Postgres
/// it travels between processes as a `NOTIFY` payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressEvent {
    pub submission: i64,
    /// Tests finished so far.
    pub done: usize,
    pub total: usize,
    /// Verdict of the last finished test (or the final verdict once finished).
    pub verdict: Option<Verdict>,
    /// The submission is done; fetch the result.
    pub finished: bool,
}

impl ProgressEvent {
    /// The event that ends a stream: the stored result's verdict and counts.
    pub fn finished(submission: i64, result: &SubmissionResult) -> Self {
        ProgressEvent {
            submission,
            done: result.tests.len(),
            total: result.total_tests,
            verdict: Some(result.verdict),
            finished: true,
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
        let row = |n, v| TestRow {
            number: n,
            sample: false,
            verdict: v,
            instructions: 10,
            instruction_limit: 100,
            peak_memory: 0,
            detail: None,
            io: None,
        };
        let mut r = SubmissionResult {
            verdict: Verdict::AC,
            title: "Accepted".into(),
            message: None,
            tests: vec![row(1, Verdict::AC)],
            total_tests: 1,
            instructions: 3_100_000,
            peak_memory: 0,
            scaling: None,
            custom: None,
        };
        assert_eq!(r.headline(), "Accepted — 3.1 M instructions");
        r.verdict = Verdict::TLE;
        r.title = "Time limit exceeded".into();
        r.tests.push(row(12, Verdict::TLE));
        assert_eq!(r.headline(), "Time limit exceeded on test 12");
    }

    #[test]
    fn stored_results_keep_their_json_shape() {
        // Rows written before these types existed spell verdicts as bare codes.
        let old = r#"{"verdict":"WA","title":"Wrong answer","message":null,"tests":[{"number":1,"sample":true,
            "verdict":"WA","instructions":5,"instruction_limit":9,"peak_memory":0,"detail":null,"io":["1","2","3"]}],
            "total_tests":3,"instructions":5,"peak_memory":0}"#;
        let r: SubmissionResult = serde_json::from_str(old).unwrap();
        assert_eq!(r.tests[0].verdict, Verdict::WA);
        assert!(serde_json::to_string(&r).unwrap().contains(r#""verdict":"WA""#));
        assert!(serde_json::from_str::<SubmissionStatus>("\"lost\"").is_err());
    }
}
