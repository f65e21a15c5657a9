//! "Run with custom input" as the workers do it: the sandbox runs the learner's program and the
//! reference on the learner's input; the result is stored like any other, with `custom` set.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use domain::{CustomRun, RunEnd, SubmissionResult, Verdict};
use sandbox::{CustomOutcome, Problem};
use store::ClaimedSubmission;

use super::judge::{INTERNAL_ERROR_MESSAGE, Judging, Outcome};

impl Judging {
    pub(super) fn run_custom(
        &self,
        claim: &ClaimedSubmission,
        problem: &Problem,
        input: &str,
        cancel: &Arc<AtomicBool>,
    ) -> Outcome {
        match self.judge.run_custom(problem, claim.language, &claim.source, input.as_bytes(), Some(cancel)) {
            Ok(CustomOutcome::Ran(run)) => Outcome::Judged(result_of(run)),
            Ok(CustomOutcome::CompileError(message)) => {
                Outcome::Judged(SubmissionResult::without_tests(Verdict::CE, message))
            }
            Err(sandbox::Error::Cancelled) => Outcome::Cancelled,
            Err(e) => {
                tracing::error!(submission = claim.id, error = %e, "a custom-input run failed");
                Outcome::Judged(SubmissionResult::internal_error(INTERNAL_ERROR_MESSAGE))
            }
        }
    }
}

/// Nothing is graded: the verdict says how the learner's run ended, the title whether its
/// output agrees with the reference's.
fn result_of(run: Box<CustomRun>) -> SubmissionResult {
    let verdict = match run.yours.end {
        RunEnd::Finished => Verdict::AC,
        RunEnd::Exit(_) | RunEnd::Crashed(_) => Verdict::RE,
        RunEnd::OutOfInstructions => Verdict::TLE,
        RunEnd::OutOfMemory => Verdict::MLE,
        RunEnd::TooMuchOutput => Verdict::OLE,
    };
    let title = match (verdict, run.same_output) {
        (Verdict::AC, Some(true)) => "Ran: same output as the reference".to_string(),
        (Verdict::AC, Some(false)) => "Ran: output differs from the reference".to_string(),
        (Verdict::AC, None) => "Ran".to_string(),
        (v, _) => v.description().to_string(),
    };
    SubmissionResult {
        verdict,
        title,
        message: None,
        tests: Vec::new(),
        total_tests: 0,
        instructions: run.yours.instructions,
        peak_memory: run.yours.peak_memory,
        scaling: None,
        custom: Some(run),
    }
}
