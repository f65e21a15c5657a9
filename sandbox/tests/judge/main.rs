//! Integration tests with real compilers and real wasmtime. One test binary so that the judge,
//! its Go standard-library cache and each problem's calibration are shared by every test.

mod backstop;
mod concurrency;
mod custom_input;
mod determinism;
mod hostile;
mod problems;
mod scaling;
mod verdicts;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use sandbox::{Judge, JudgeConfig, Language, Problem, Report, Submission, Tests};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One judge for the whole test binary (as the server has one).
pub fn judge() -> &'static Arc<Judge> {
    static JUDGE: OnceLock<Arc<Judge>> = OnceLock::new();
    JUDGE.get_or_init(|| {
        let root = repo_root();
        let config = JudgeConfig::for_repo(&root);
        assert!(config.go_root.is_some(), "Go is missing: run scripts/setup.sh");
        Arc::new(Judge::new(config).expect("judge starts"))
    })
}

pub fn problem(id: &str) -> Arc<Problem> {
    Arc::new(Problem::load(&repo_root().join("content/problems").join(id)).expect("problem loads"))
}

pub fn submit(problem_id: &str, language: Language, source: &str, tests: Tests) -> Report {
    let sub = Submission { problem: problem(problem_id), language, source: source.into(), tests };
    judge().judge(&sub, None, &mut |_| {}).expect("the judge itself does not fail")
}

/// Judges a function body for `lcs` on its samples.
pub fn lcs_samples(language: Language, source: &str) -> Report {
    submit("lcs", language, source, Tests::Samples)
}

pub fn describe(r: &Report) -> String {
    let first = r.first_failure().map(|t| format!("test {} {} {:?}", t.number, t.verdict, t.detail));
    format!("{} {:?} {:?}", r.verdict, r.message, first)
}
