//! How it scales: the judge tells a linear, an n log n and a quadratic solution of the same
//! problem apart from their instruction counts on the problem's scaling series, the references
//! of every problem with a series get a sensible class, and the curves repeat exactly.

use std::sync::Arc;
use std::time::Instant;

use sandbox::{Growth, Language, Problem, ScalingReport, Submission, Tests};

use crate::{judge, problem, repo_root};

/// settlement-windows in O(n): windows grouped per merchant in a hash map, each merchant's
/// windows put in start order by an LSD radix sort (starts < 2^48, three 16-bit digits), the
/// few merchant ids sorted by name, then the usual sweep.
const LINEAR: &str = r#"
use std::collections::HashMap;

fn radix_by_start(v: &mut Vec<(i64, i64)>) {
    let mut tmp = vec![(0i64, 0i64); v.len()];
    for pass in 0..3 {
        let shift = pass * 16;
        let mut count = vec![0usize; 1 << 16];
        for &(s, _) in v.iter() {
            count[((s as u64 >> shift) & 0xffff) as usize] += 1;
        }
        let mut at = 0;
        for c in count.iter_mut() {
            let k = *c;
            *c = at;
            at += k;
        }
        for &w in v.iter() {
            let d = ((w.0 as u64 >> shift) & 0xffff) as usize;
            tmp[count[d]] = w;
            count[d] += 1;
        }
        std::mem::swap(v, &mut tmp);
    }
}

fn merge_windows(windows: &[(String, i64, i64)]) -> Vec<(String, i64, i64)> {
    let mut by: HashMap<&str, Vec<(i64, i64)>> = HashMap::new();
    for (m, s, e) in windows {
        by.entry(m.as_str()).or_default().push((*s, *e));
    }
    let mut merchants: Vec<&str> = by.keys().copied().collect();
    merchants.sort_unstable();
    let mut out = Vec::with_capacity(windows.len());
    for m in merchants {
        let mut list = by.remove(m).unwrap();
        radix_by_start(&mut list);
        let (mut s, mut e) = list[0];
        for &(a, b) in &list[1..] {
            if a <= e {
                e = e.max(b);
            } else {
                out.push((m.to_string(), s, e));
                (s, e) = (a, b);
            }
        }
        out.push((m.to_string(), s, e));
    }
    out
}
"#;

fn solution(problem: &Problem, file: &str) -> String {
    std::fs::read_to_string(problem.dir.join("solutions").join(file)).expect("solution readable")
}

fn scaling(problem: &Arc<Problem>, language: Language, source: &str) -> ScalingReport {
    let sub = Submission { problem: problem.clone(), language, source: source.into(), tests: Tests::All };
    judge().scaling(&sub, None).unwrap_or_else(|e| panic!("{} {language}: {e}", problem.id))
}

fn counts(r: &ScalingReport) -> Vec<(u64, u64)> {
    r.points.iter().map(|p| (p.n, p.instructions)).collect()
}

#[test]
fn linear_nlogn_and_quadratic_solutions_are_told_apart() {
    let start = Instant::now();
    let p = problem("settlement-windows");
    let cases = [
        ("hash + radix sort", LINEAR.to_string(), Growth::Linear),
        ("sort + sweep (ref.rs)", solution(&p, "ref.rs"), Growth::NLogN),
        ("pairwise merging (slow.rs)", solution(&p, "slow.rs"), Growth::Quadratic),
    ];
    let mut exponents = Vec::new();
    for (what, src, want) in cases {
        let r = scaling(&p, Language::Rust, &src);
        eprintln!(
            "settlement-windows  rust  {what:<28} exponent {:.3}  {:<10} points {:?}",
            r.exponent,
            r.growth.to_string(),
            counts(&r)
        );
        assert!(!r.truncated, "{what}: {:?}", r.note);
        assert_eq!(r.points.len(), p.scaling.as_ref().unwrap().sizes.len());
        assert_eq!(r.growth, want, "{what}: exponent {:.3}", r.exponent);
        // A fresh compile (a comment changes the hash, not the code) measures the same curve.
        let again = scaling(&p, Language::Rust, &format!("{src}\n// again\n"));
        assert_eq!(again, r, "{what} repeats exactly");
        exponents.push(r.exponent);
    }
    assert!(exponents.is_sorted(), "the exponents are ordered as the classes are: {exponents:?}");
    eprintln!("told apart in {:.1} s", start.elapsed().as_secs_f64());
}

#[test]
fn a_solution_over_the_cap_is_truncated_not_failed() {
    // Exponential recursion for lcs: fine on the tiny samples, hopeless on the series.
    let src = r#"
fn lcs(a: &str, b: &str) -> i32 {
    fn go(a: &[u8], b: &[u8]) -> i32 {
        if a.is_empty() || b.is_empty() {
            return 0;
        }
        if a[0] == b[0] {
            return 1 + go(&a[1..], &b[1..]);
        }
        go(&a[1..], b).max(go(a, &b[1..]))
    }
    go(a.as_bytes(), b.as_bytes())
}
"#;
    let r = scaling(&problem("lcs"), Language::Rust, src);
    assert!(r.truncated, "{r:?}");
    assert!(r.points.is_empty(), "{:?}", r.points);
    assert!(r.note.as_deref().unwrap_or("").contains("instructions at n = 125"), "{:?}", r.note);
    assert_eq!(r.reference_growth, Growth::Quadratic);
}

#[test]
fn a_problem_without_a_series_is_an_error() {
    let p = Problem::load_all(&repo_root().join("content/problems"))
        .expect("problems load")
        .into_iter()
        .find(|p| p.scaling.is_none())
        .expect("some problem has no series");
    let lang = *p.languages.keys().next().unwrap();
    let sub = Submission { problem: Arc::new(p), language: lang, source: String::new(), tests: Tests::All };
    let e = judge().scaling(&sub, None).unwrap_err().to_string();
    assert!(e.contains("declares no [scaling] series"), "{e}");
}

/// The classes a reference may get: what its algorithm is, or, for near-linear algorithms whose
/// n log n or α(n) part is small next to the driver's linear input parsing, either neighbour.
fn expected(problem: &str) -> &'static [Growth] {
    match problem {
        "lcs" => &[Growth::Quadratic],
        "lru-cache" | "bounded-knapsack" => &[Growth::Linear],
        "settlement-windows" | "suffix-array" => &[Growth::NLogN],
        _ => &[Growth::Linear, Growth::NLogN],
    }
}

#[test]
fn references_get_sensible_classes_and_repeat() {
    let start = Instant::now();
    let problems: Vec<Arc<Problem>> = Problem::load_all(&repo_root().join("content/problems"))
        .expect("problems load")
        .into_iter()
        .filter(|p| p.scaling.is_some())
        .map(Arc::new)
        .collect();
    assert!(problems.len() >= 6, "{} problems declare a scaling series", problems.len());
    let work: Vec<(Arc<Problem>, Language)> =
        problems.iter().flat_map(|p| p.languages.keys().map(move |&l| (p.clone(), l))).collect();
    // Two at a time: the judge is shared, the machine has two cores.
    let mut rows: Vec<(String, Language, f64, Growth)> = Vec::new();
    for pair in work.chunks(2) {
        let done: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = pair
                .iter()
                .map(|(p, lang)| {
                    s.spawn(move || {
                        let source = p.reference_source(*lang).expect("reference exists");
                        // The reference's own curve (cached) against a fresh measurement of the same code.
                        let r = scaling(p, *lang, &source);
                        assert_eq!(r.points, r.reference, "{} {lang}: the same code, the same curve", p.id);
                        assert_eq!((r.exponent, r.growth), (r.reference_exponent, r.reference_growth));
                        assert!(!r.truncated);
                        (p.id.clone(), *lang, r.reference_exponent, r.reference_growth)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("no panic")).collect()
        });
        rows.extend(done);
    }
    eprintln!("{:<24} {:<5} {:>8}  class", "problem", "lang", "exponent");
    for (id, lang, exponent, growth) in &rows {
        eprintln!("{id:<24} {:<5} {exponent:>8.3}  {}", lang.to_string(), growth.label());
    }
    eprintln!("references measured in {:.1} s", start.elapsed().as_secs_f64());
    for (id, lang, exponent, growth) in &rows {
        assert!(expected(id).contains(growth), "{id} {lang}: {growth} (exponent {exponent:.3})");
        let nominal = if *growth == Growth::Quadratic { 2.0 } else { 1.05 };
        assert!((exponent - nominal).abs() < 0.2, "{id} {lang}: exponent {exponent:.3}");
    }
}
