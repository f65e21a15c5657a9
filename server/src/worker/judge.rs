//! The sandbox as the workers use it: one judge and every problem, loaded once per process;
//! its reports turned into the results the store keeps.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use domain::{ProgressEvent, ScalingReport, SubmissionResult, TestRow, Verdict};
use sandbox::{Judge, JudgeConfig, Problem, Report, Submission, Tests};
use store::ClaimedSubmission;

use crate::config::JudgeOptions;

/// What learners see when the judge failed on our side (the cause is logged).
pub const INTERNAL_ERROR_MESSAGE: &str = "The judge failed on our side; it has been logged. Please try again.";

pub struct JudgingConfig {
    judge: JudgeConfig,
    problems_dir: PathBuf,
}

pub struct Judging {
    pub(super) judge: Judge,
    problems: HashMap<String, Arc<Problem>>,
}

/// How judging one submission ended.
// One per submission, moved once: its size does not matter, and boxing would only add noise.
#[allow(clippy::large_enum_variant)]
pub enum Outcome {
    Judged(SubmissionResult),
    /// Stopped because the worker lost its lease or is shutting down: store nothing.
    Cancelled,
}

impl Judging {
    pub fn config(options: &JudgeOptions, problems_dir: &Path) -> JudgingConfig {
        let judge = JudgeConfig {
            go_root: options.go_root.join("bin/go").is_file().then(|| options.go_root.clone()),
            cache_dir: options.judge_cache.clone(),
            ..JudgeConfig::for_repo(Path::new("."))
        };
        JudgingConfig { judge, problems_dir: problems_dir.to_path_buf() }
    }

    /// Judges a claimed submission on this (blocking) thread; `progress` sees each test's result.
    pub fn judge(
        &self,
        claim: &ClaimedSubmission,
        cancel: &Arc<AtomicBool>,
        progress: &mut (dyn FnMut(ProgressEvent) + Send),
    ) -> Outcome {
        let Some(problem) = self.problems.get(&claim.problem_id).cloned() else {
            tracing::error!(submission = claim.id, problem = %claim.problem_id, "submission for a problem the judge cannot load");
            return Outcome::Judged(SubmissionResult::internal_error(INTERNAL_ERROR_MESSAGE));
        };
        if claim.cancel_requested {
            // Cancelled while an earlier claim (whose worker died) was judging it.
            return Outcome::Judged(SubmissionResult::cancelled());
        }
        if let Some(input) = &claim.custom_input {
            progress(ProgressEvent { submission: claim.id, done: 0, total: 1, verdict: None, finished: false });
            return self.run_custom(claim, &problem, input, cancel);
        }
        let tests = if claim.samples_only { Tests::Samples } else { Tests::All };
        let total = problem.tests.iter().filter(|t| tests == Tests::All || t.sample).count();
        let id = claim.id;
        progress(ProgressEvent { submission: id, done: 0, total, verdict: None, finished: false });
        let submission = Submission { problem, language: claim.language, source: claim.source.clone(), tests };
        let mut done = 0;
        let report = self.judge.judge(&submission, Some(cancel), &mut |test| {
            done += 1;
            progress(ProgressEvent { submission: id, done, total, verdict: Some(test.verdict), finished: false });
        });
        match report {
            Ok(report) => {
                let mut result = result_of(report);
                result.scaling = self.scaling(&submission, &result, cancel);
                Outcome::Judged(result)
            }
            Err(sandbox::Error::Cancelled) => Outcome::Cancelled,
            Err(e) => {
                tracing::error!(submission = id, error = %e, "the judge failed");
                Outcome::Judged(SubmissionResult::internal_error(INTERNAL_ERROR_MESSAGE))
            }
        }
    }
}

impl Judging {
    /// After an accepted full submission, how it scales on the problem's series (if it has
    /// one). Best effort: the verdict stands whatever happens here.
    fn scaling(
        &self,
        submission: &Submission,
        result: &SubmissionResult,
        cancel: &Arc<AtomicBool>,
    ) -> Option<ScalingReport> {
        let wanted =
            result.verdict == Verdict::AC && submission.tests == Tests::All && submission.problem.scaling.is_some();
        if !wanted {
            return None;
        }
        match self.judge.scaling(submission, Some(cancel)) {
            Ok(report) => Some(report),
            Err(sandbox::Error::Cancelled) => None,
            Err(e) => {
                tracing::warn!(problem = %submission.problem.id, error = %e, "measuring how a solution scales failed");
                None
            }
        }
    }
}

impl JudgingConfig {
    /// Starts the judge (compiling Go's standard library the first time) and loads every
    /// problem. `None` (logged) when the judge cannot start: submissions then stay queued.
    pub async fn prepare(self) -> Option<Judging> {
        let JudgingConfig { judge, problems_dir } = self;
        let prepared = super::judge_thread::run(move || -> Result<Judging, sandbox::Error> {
            let judge = Judge::new(judge)?;
            let mut problems = HashMap::new();
            for problem in Problem::load_all(&problems_dir)? {
                problems.insert(problem.id.clone(), Arc::new(problem));
            }
            Ok(Judging { judge, problems })
        })
        .await;
        match prepared {
            Ok(Ok(j)) => {
                tracing::info!(problems = j.problems.len(), languages = ?j.judge.languages(), "judge ready");
                Some(j)
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, "the judge could not start; submissions stay queued");
                None
            }
            Err(e) => {
                tracing::error!(error = %e, "the judge's start-up task failed");
                None
            }
        }
    }
}

fn result_of(report: Report) -> SubmissionResult {
    SubmissionResult {
        verdict: report.verdict,
        title: report.verdict.description().to_owned(),
        instructions: report.instructions(),
        peak_memory: report.peak_memory(),
        message: report.message,
        total_tests: report.total_tests,
        scaling: None,
        custom: None,
        tests: report
            .tests
            .into_iter()
            .map(|t| TestRow {
                number: t.number,
                sample: t.sample,
                verdict: t.verdict,
                instructions: t.instructions,
                instruction_limit: t.instruction_limit,
                peak_memory: t.peak_memory,
                detail: t.detail,
                io: t.sample_io.map(|io| (io.input, io.expected, io.actual)),
            })
            .collect(),
    }
}
