//! Every problem in content/problems: the reference solutions pass in both languages, and each
//! solution listed in problem.toml gets the verdict the problem says it must.

use sandbox::{Language, Problem, Submission, Tests, Verdict};

use crate::{describe, judge, repo_root};

#[test]
fn reference_and_listed_solutions_get_their_verdicts() {
    let problems = Problem::load_all(&repo_root().join("content/problems")).expect("problems load");
    assert!(problems.len() >= 2, "expected at least two problems");
    for problem in problems {
        let problem = std::sync::Arc::new(problem);
        assert!(problem.samples().count() >= 1, "{}: no samples", problem.id);
        assert!(problem.tests.iter().any(|t| !t.sample), "{}: no hidden tests", problem.id);
        for lang in [Language::Rust, Language::Go] {
            let source = problem.reference_source(lang).expect("reference exists");
            let sub = Submission { problem: problem.clone(), language: lang, source, tests: Tests::All };
            let report = judge().judge(&sub, None, &mut |_| {}).expect("judged");
            assert_eq!(report.verdict, Verdict::AC, "{} ref.{}: {}", problem.id, lang.ext(), describe(&report));
            assert_eq!(report.tests.len(), problem.tests.len());
        }
        for expected in &problem.solutions {
            let path = problem.dir.join(&expected.file);
            let lang = Language::from_path(&path).expect("solution has a .rs or .go name");
            let source = std::fs::read_to_string(&path).expect("solution readable");
            let sub = Submission { problem: problem.clone(), language: lang, source, tests: Tests::All };
            let report = judge().judge(&sub, None, &mut |_| {}).expect("judged");
            assert_eq!(
                report.verdict,
                expected.verdict,
                "{} {}: {}",
                problem.id,
                expected.file.display(),
                describe(&report)
            );
            // Slow solutions must fail on a hidden test, not because samples are tight.
            if expected.verdict == Verdict::TLE {
                let failed = report.first_failure().expect("a failing test");
                assert!(!failed.sample, "{}: TLE on a sample", expected.file.display());
            }
        }
    }
}

#[test]
fn sample_runs_show_expected_and_actual() {
    let report = crate::lcs_samples(Language::Rust, "fn lcs(a: &str, b: &str) -> i32 { (a.len() + b.len()) as i32 }");
    assert_eq!(report.verdict, Verdict::WA);
    let t = report.first_failure().expect("a failing test");
    let io = t.sample_io.as_ref().expect("samples show their I/O");
    assert_eq!(io.expected.trim(), "3");
    assert_eq!(io.actual.trim(), "8");
    assert!(io.input.contains("abcde"));
}

#[test]
fn hidden_tests_show_only_their_number() {
    // Right on the samples (they all have answer = min length … no: 3, 0, 5), wrong elsewhere.
    let src = r#"
fn lcs(a: &str, b: &str) -> i32 {
    match (a, b) {
        ("abcde", "ace") => 3,
        ("abc", "def") => 0,
        ("abcba", "abcbcba") => 5,
        _ => -1,
    }
}
"#;
    let report = crate::submit("lcs", Language::Rust, src, Tests::All);
    assert_eq!(report.verdict, Verdict::WA);
    let t = report.first_failure().expect("a failing test");
    assert!(!t.sample);
    assert_eq!(t.number, 4);
    assert!(t.sample_io.is_none(), "hidden test leaked its I/O");
    assert_eq!(report.tests.len(), 4, "stops at the first failure");
}
