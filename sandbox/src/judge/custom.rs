//! "Run with custom input": the learner's program and the reference solution on an input the
//! learner typed, under the same limits a test of that size would get. Nothing is graded; the
//! reference's output is shown beside theirs, which is what makes it useful for finding a bug.

use domain::{CustomRun, RunEnd, RunReport};

use super::*;
use crate::limits::CUSTOM_OUTPUT_CAP;

/// How a custom run ended.
#[derive(Debug)]
pub enum CustomOutcome {
    CompileError(String),
    Ran(Box<CustomRun>),
}

impl Judge {
    /// Runs `source` and the problem's reference (in `lang`) on `input`. The learner's
    /// instruction limit is the one a test would get: the problem's factor × what the reference
    /// needed on this input. When the reference fails on it (usually an input that does not
    /// follow the format), the limit is the largest any test of the problem gets, and the
    /// comparison is left out with a note. `Err`: the judge failed, or it was cancelled.
    pub fn run_custom(
        &self,
        problem: &Problem,
        lang: Language,
        source: &str,
        input: &[u8],
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<CustomOutcome> {
        let yours = match self.prepared(problem, lang, source, cancel)? {
            Ok(a) => a,
            Err(message) => return Ok(CustomOutcome::CompileError(message)),
        };
        let reference_source = problem.reference_source(lang)?;
        let reference = match self.prepared(problem, lang, &reference_source, cancel)? {
            Ok(a) => a,
            Err(msg) => {
                let reason = format!("compile error:\n{msg}");
                return Err(Error::Reference { problem: problem.id.clone(), language: lang.to_string(), reason });
            }
        };
        let (Artifact::Ready(yours), Artifact::Ready(reference)) = (yours.as_ref(), reference.as_ref()) else {
            unreachable!("prepared() returns only Ready")
        };
        // The most any test allows: also the reference's budget, so an input far beyond the
        // problem's constraints costs the judge no more than its largest test would.
        let widest = self.calibration(problem, lang, cancel)?.iter().map(|&c| problem.limits.fuel_limit(lang, c)).max();
        let widest = widest.unwrap_or(CALIBRATION_FUEL);
        let stdin: Arc<[u8]> = Arc::from(input);
        let theirs = on_run_thread(|| reference.run(stdin.clone(), &test_limits(problem, widest), cancel.cloned()))?;
        let (fuel, note) = match theirs.end {
            End::Cancelled => return Err(Error::Cancelled),
            End::Success => (problem.limits.fuel_limit(lang, theirs.fuel_used).min(widest), None),
            _ => {
                let note = format!(
                    "The reference solution did not finish on this input ({}); check that it follows the \
                     input format. Your run got the largest limit any test gets.",
                    run_end(&theirs.end).describe()
                );
                (widest, Some(note))
            }
        };
        let mine = on_run_thread(|| yours.run(stdin.clone(), &test_limits(problem, fuel), cancel.cloned()))?;
        if mine.end == End::Cancelled {
            return Err(Error::Cancelled);
        }
        let same_output = (theirs.end == End::Success && mine.end == End::Success)
            .then(|| problem.checker.accepts(&theirs.stdout, &mine.stdout));
        let reference_ok = theirs.end == End::Success;
        Ok(CustomOutcome::Ran(Box::new(CustomRun {
            input: cap(&String::from_utf8_lossy(input), CUSTOM_OUTPUT_CAP),
            yours: report(&mine, fuel),
            reference: reference_ok.then(|| report(&theirs, widest)),
            same_output,
            note,
        })))
    }
}

fn report(out: &RunOutcome, fuel: u64) -> RunReport {
    let end = run_end(&out.end);
    RunReport {
        instructions: if end == RunEnd::OutOfInstructions { fuel } else { out.fuel_used },
        end,
        stdout: cap(&String::from_utf8_lossy(&out.stdout), CUSTOM_OUTPUT_CAP),
        stderr: cap(&String::from_utf8_lossy(&out.stderr), CUSTOM_OUTPUT_CAP),
        instruction_limit: fuel,
        peak_memory: out.peak_memory,
    }
}

fn run_end(end: &End) -> RunEnd {
    match end {
        End::Success => RunEnd::Finished,
        End::Exit(code) => RunEnd::Exit(*code),
        End::OutOfFuel | End::WallClock => RunEnd::OutOfInstructions,
        End::MemoryLimit => RunEnd::OutOfMemory,
        End::OutputLimit => RunEnd::TooMuchOutput,
        End::Trap(what) => RunEnd::Crashed(what.lines().next().unwrap_or("trap").to_string()),
        // Turned into `Error::Cancelled` before a report is made.
        End::Cancelled => RunEnd::Crashed("cancelled".into()),
    }
}
