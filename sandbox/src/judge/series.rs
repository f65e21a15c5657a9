//! The judge's scaling runs: a solution and its reference on the problem's scaling series
//! (`[scaling]` in problem.toml), fitted by `crate::scaling`.

use super::*;

impl Judge {
    /// How the submission's cost grows on the problem's scaling series (`[scaling]`), next to
    /// the reference's curve in the same language. Meant for an accepted submission; its output
    /// on the series is not checked, only its instructions counted. Deterministic: the inputs
    /// come from a fixed-seed generator and time is fuel, so the same code gets the same curve.
    ///
    /// Every size runs under one cap, [`SCALING_FUEL_FACTOR`] × the reference's count on the
    /// largest size; a solution that exceeds it (or fails) at some size gets the points measured
    /// before it, `truncated` and a note, never an error. `Err` is a problem without a series, a
    /// generator or reference that fails, a compile error, the judge's failure or cancellation.
    pub fn scaling(&self, sub: &Submission, cancel: Option<&Arc<AtomicBool>>) -> Result<ScalingReport> {
        let problem = &sub.problem;
        let reference = self.scaling_reference(problem, sub.language, cancel)?;
        let inputs = self.scaling_inputs(problem)?;
        let prepared = self.prepared(problem, sub.language, &sub.source, cancel)?;
        let prepared = match prepared {
            Ok(p) => p,
            Err(msg) => {
                let first = msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("compile error");
                return Err(Error::Toolchain(format!("the solution does not compile: {first}")));
            }
        };
        let Artifact::Ready(prepared) = prepared.as_ref() else { unreachable!("prepared() returns only Ready") };
        let largest = reference.last().map_or(0, |p| p.instructions);
        let cap = largest.saturating_mul(SCALING_FUEL_FACTOR).clamp(SCALING_FUEL_FLOOR, SCALING_FUEL_MAX);
        let (points, stop) = self.run_series(prepared, problem, &inputs, cap, cancel)?;
        let note = stop.map(|Stop { n, end, stderr }| match end {
            End::OutOfFuel => format!("over {cap} instructions at n = {n}"),
            End::WallClock => format!("stopped by the wall-clock backstop at n = {n}"),
            End::MemoryLimit => format!("over {} MiB of memory at n = {n}", problem.limits.memory_mb),
            End::OutputLimit => format!("over {} MiB of output at n = {n}", SCALING_OUTPUT_BYTES >> 20),
            End::Exit(code) if stderr.is_empty() => format!("exit code {code} at n = {n}"),
            End::Exit(code) => format!("exit code {code} at n = {n}: {stderr}"),
            End::Trap(what) => format!("{} at n = {n}", what.lines().next().unwrap_or("trap")),
            End::Success | End::Cancelled => format!("stopped at n = {n}"),
        });
        let fit = scaling::fit(&points);
        let reference_fit = scaling::fit(&reference);
        Ok(ScalingReport {
            points,
            exponent: fit.exponent,
            growth: fit.growth,
            truncated: note.is_some(),
            note,
            reference: reference.as_ref().clone(),
            reference_exponent: reference_fit.exponent,
            reference_growth: reference_fit.growth,
        })
    }

    /// The problem's scaling inputs, generated on first use.
    fn scaling_inputs(&self, problem: &Problem) -> Result<Arc<Vec<ScalingInput>>> {
        let Some(series) = &problem.scaling else {
            return Err(Error::problem(problem.dir.join("problem.toml"), "declares no [scaling] series"));
        };
        once(&self.scaling_inputs, problem.id.clone(), || scaling::generate(&problem.dir, series))
    }

    /// The reference solution's curve on the scaling series, measured once per problem and language.
    pub fn scaling_reference(
        &self,
        problem: &Problem,
        lang: Language,
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<Arc<Vec<ScalingPoint>>> {
        let inputs = self.scaling_inputs(problem)?;
        once(&self.scaling_references, (problem.id.clone(), lang), || {
            let fail =
                |reason: String| Error::Reference { problem: problem.id.clone(), language: lang.to_string(), reason };
            let source = problem.reference_source(lang)?;
            let artifact = match self.prepared(problem, lang, &source, cancel)? {
                Ok(a) => a,
                Err(msg) => return Err(fail(format!("compile error:\n{msg}"))),
            };
            let Artifact::Ready(prepared) = artifact.as_ref() else { unreachable!("prepared() returns only Ready") };
            let (points, stop) = self.run_series(prepared, problem, &inputs, SCALING_FUEL_MAX, cancel)?;
            match stop {
                None => Ok(points),
                Some(Stop { n, end, stderr }) => Err(fail(format!("scaling series, n = {n}: {end:?} {stderr}"))),
            }
        })
    }

    /// Runs the series in size order under one fuel cap, up to the first run that does not
    /// succeed: the points measured and, if it stopped early, where and why.
    fn run_series(
        &self,
        prepared: &Prepared,
        problem: &Problem,
        inputs: &[ScalingInput],
        fuel: u64,
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<(Vec<ScalingPoint>, Option<Stop>)> {
        let limits = RunLimits { output_bytes: SCALING_OUTPUT_BYTES, ..test_limits(problem, fuel) };
        on_run_thread(|| {
            let mut points = Vec::with_capacity(inputs.len());
            for input in inputs {
                let outcome = prepared.run(input.input.clone(), &limits, cancel.cloned())?;
                match outcome.end {
                    End::Cancelled => return Err(Error::Cancelled),
                    End::Success => points.push(ScalingPoint { n: input.n, instructions: outcome.fuel_used }),
                    end => {
                        let stderr = String::from_utf8_lossy(&outcome.stderr);
                        let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                        return Ok((
                            points,
                            Some(Stop { n: input.n, end, stderr: cap(first.trim(), HIDDEN_STDERR_CAP) }),
                        ));
                    }
                }
            }
            Ok((points, None))
        })
    }
}
