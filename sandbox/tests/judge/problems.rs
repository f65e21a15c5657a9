//! Every problem in content/problems: the reference solutions pass in both languages, and each
//! solution listed in problem.toml gets the verdict the problem says it must.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use sandbox::{Language, Problem, Submission, Tests, Verdict};

use crate::{describe, judge, repo_root};

/// The course promises at least this many judged problems.
const MIN_PROBLEMS: usize = 24;
/// Tests per problem, at the least (edge cases and large ones).
const MIN_TESTS: usize = 20;
/// Problems with an accepted "as people write it" solution per language (`plain.*`).
const MIN_PLAIN_STYLE: usize = 8;

fn all_problems() -> Vec<Arc<Problem>> {
    let problems = Problem::load_all(&repo_root().join("content/problems")).expect("problems load");
    problems.into_iter().map(Arc::new).collect()
}

/// Every reference and listed solution of one problem; returns how many were judged.
fn judge_problem(problem: &Arc<Problem>) -> usize {
    let mut judged = 0;
    assert!(problem.samples().count() >= 1, "{}: no samples", problem.id);
    assert!(problem.tests.iter().any(|t| !t.sample), "{}: no hidden tests", problem.id);
    assert!(problem.tests.len() >= MIN_TESTS, "{}: {} tests, want {MIN_TESTS}", problem.id, problem.tests.len());
    // Both references pass every test against the same .out files, so their outputs agree.
    for &lang in problem.languages.keys() {
        let source = problem.reference_source(lang).expect("reference exists");
        let sub = Submission { problem: problem.clone(), language: lang, source, tests: Tests::All };
        let report = judge().judge(&sub, None, &mut |_| {}).expect("judged");
        assert_eq!(report.verdict, Verdict::AC, "{} ref.{}: {}", problem.id, lang.ext(), describe(&report));
        assert_eq!(report.tests.len(), problem.tests.len());
        judged += 1;
    }
    for expected in &problem.solutions {
        let path = problem.dir.join(&expected.file);
        let lang = Language::from_path(&path).expect("solution has a .rs or .go name");
        assert!(
            problem.languages.contains_key(&lang),
            "{}: {} is in a language not offered",
            problem.id,
            path.display()
        );
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
        judged += 1;
    }
    judged
}

#[test]
fn reference_and_listed_solutions_get_their_verdicts() {
    let problems = all_problems();
    assert!(problems.len() >= MIN_PROBLEMS, "{} problems, the course promises {MIN_PROBLEMS}", problems.len());
    // Two workers share the judge (as the server's do): the set is judged in half the time.
    let next = AtomicUsize::new(0);
    let judged = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some(problem) = problems.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let t = Instant::now();
                    let n = judge_problem(problem);
                    judged.fetch_add(n, Ordering::Relaxed);
                    eprintln!("{:<28} {n:>2} solutions judged in {:>6.1?}", problem.id, t.elapsed());
                }
            });
        }
    });
    eprintln!("{} problems, {} solutions judged in {:.1?}", problems.len(), judged.into_inner(), start.elapsed());
}

#[test]
fn every_problem_offers_something_that_fails_and_plain_code_that_passes() {
    let problems = all_problems();
    let mut plain_style = 0;
    for p in &problems {
        if !p.languages.contains_key(&Language::Rust) {
            // Go-only problems are the concurrency ones: the page says what can be checked.
            assert!(
                p.statement.contains("What the judge checks"),
                "{}: Go only, but no \"What the judge checks\"",
                p.id
            );
        }
        for &lang in p.languages.keys() {
            let of_lang =
                |v: Verdict| p.solutions.iter().any(|s| s.verdict == v && Language::from_path(&s.file) == Some(lang));
            let fails = [Verdict::WA, Verdict::TLE, Verdict::RE, Verdict::MLE].into_iter().any(of_lang);
            assert!(fails, "{}: no listed {} solution that must fail", p.id, lang.ext());
        }
        let plain = |lang: Language| {
            p.solutions.iter().any(|s| {
                s.verdict == Verdict::AC
                    && Language::from_path(&s.file) == Some(lang)
                    && s.file.file_stem().is_some_and(|f| f.to_string_lossy().starts_with("plain"))
            })
        };
        if p.languages.keys().all(|&l| plain(l)) && p.languages.len() == 2 {
            plain_style += 1;
        }
    }
    assert!(
        plain_style >= MIN_PLAIN_STYLE,
        "{plain_style} problems judge a plain-style solution in both languages, want {MIN_PLAIN_STYLE}"
    );
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
