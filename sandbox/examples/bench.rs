//! Prints where the judge's time goes. Run with:
//!
//!   CARGO_TARGET_DIR=target/judge cargo run --release -p sandbox --example bench
//!
//! 1. split per language: source compile / module compile / run, for fresh (uncached) submissions
//!    of the reference solutions on a 20-test problem; p50 and p90 of submit → all verdicts;
//! 2. fuel determinism: the same submission judged repeatedly gives identical counts;
//! 3. a burst of 50 distinct submissions one judge thread per core: wall time and peak RSS.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use sandbox::{Judge, JudgeConfig, Language, Problem, Submission, Tests, Verdict};

const ROUNDS: usize = 11;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let t = Instant::now();
    let judge = Arc::new(Judge::new(JudgeConfig::for_repo(&root))?);
    println!("judge start-up (Go std warm check, engine): {:.0} ms", ms(t.elapsed()));

    let dir = tempfile::tempdir()?;
    let problem = Arc::new(twenty_test_problem(&root, dir.path())?);
    for lang in [Language::Rust, Language::Go] {
        let t = Instant::now();
        judge.calibration(&problem, lang, None)?;
        println!("{lang}: calibration (once per problem and language): {:.0} ms", ms(t.elapsed()));
    }

    println!("\n== submit → 20 verdicts, fresh compile each time ({ROUNDS} rounds) ==");
    for lang in [Language::Rust, Language::Go] {
        let reference = problem.reference_source(lang)?;
        let mut totals = Vec::new();
        let (mut src_c, mut mod_c, mut run) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..ROUNDS {
            // A unique comment defeats the module cache without changing the code.
            let source = format!("{reference}\n// bench round {i} {:?}\n", Instant::now());
            let sub = Submission { problem: problem.clone(), language: lang, source, tests: Tests::All };
            let t = Instant::now();
            let report = judge.judge(&sub, None, &mut |_| {})?;
            totals.push(t.elapsed());
            assert_eq!(report.verdict, Verdict::AC, "{lang}: {:?}", report.first_failure());
            assert_eq!(report.tests.len(), 20);
            src_c.push(report.timings.source_compile);
            mod_c.push(report.timings.module_compile);
            run.push(report.timings.run);
        }
        println!(
            "{lang:>4}: total p50 {:>5.0} ms  p90 {:>5.0} ms | source compile p50 {:>4.0} ms | module compile p50 {:>4.0} ms | run (20 tests) p50 {:>4.0} ms",
            ms(pct(&mut totals, 50)),
            ms(pct(&mut totals, 90)),
            ms(pct(&mut src_c, 50)),
            ms(pct(&mut mod_c, 50)),
            ms(pct(&mut run, 50)),
        );
        // Cached: the same source again (run samples, then submit).
        let sub = Submission { problem: problem.clone(), language: lang, source: reference, tests: Tests::All };
        judge.judge(&sub, None, &mut |_| {})?;
        let t = Instant::now();
        let report = judge.judge(&sub, None, &mut |_| {})?;
        println!(
            "{lang:>4}: resubmission of an identical source (module cached): {:.0} ms, {} instructions",
            ms(t.elapsed()),
            report.instructions()
        );
    }

    println!("\n== fuel determinism ==");
    for lang in [Language::Rust, Language::Go] {
        let reference = problem.reference_source(lang)?;
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..10 {
            let source = if i % 2 == 0 { format!("{reference}\n// det {i}\n") } else { reference.clone() };
            let sub = Submission { problem: problem.clone(), language: lang, source, tests: Tests::All };
            let report = judge.judge(&sub, None, &mut |_| {})?;
            seen.insert(report.tests.iter().map(|t| t.instructions).collect::<Vec<_>>());
        }
        println!("{lang:>4}: 10 runs (5 fresh compiles) → {} distinct instruction-count vectors", seen.len());
    }

    println!("\n== burst of 50 distinct submissions, one judge thread per core (as the server's workers) ==");
    let rss_before = peak_rss_kb();
    let queue: Mutex<Vec<Submission>> = Mutex::new(
        (0..50)
            .map(|i| {
                let language = if i % 2 == 0 { Language::Rust } else { Language::Go };
                let reference = problem.reference_source(language).unwrap_or_default();
                let source = format!("{reference}\n// burst {i}\n");
                Submission { problem: problem.clone(), language, source, tests: Tests::All }
            })
            .collect(),
    );
    let accepted = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let t = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(sub) = queue.lock().ok().and_then(|mut q| q.pop()) {
                    if judge.judge(&sub, None, &mut |_| {}).is_ok_and(|r| r.verdict == Verdict::AC) {
                        accepted.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    println!(
        "50 submissions: {}/50 accepted in {:.1} s through {workers} threads; peak RSS {} MB before, {} MB after",
        accepted.load(Ordering::Relaxed),
        t.elapsed().as_secs_f64(),
        rss_before / 1024,
        peak_rss_kb() / 1024
    );
    Ok(())
}

/// A copy of the lcs problem with 20 tests of typical size (3 samples + 17 generated).
fn twenty_test_problem(root: &Path, parent: &Path) -> Result<Problem, Box<dyn std::error::Error>> {
    let lcs = root.join("content/problems/lcs");
    // A problem's folder is named for its id.
    let dir = &parent.join("lcs-bench");
    for sub in ["drivers", "solutions", "tests"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    let manifest = std::fs::read_to_string(lcs.join("problem.toml"))?;
    let manifest = manifest.split("[[solutions]]").next().unwrap_or("").replace("id = \"lcs\"", "id = \"lcs-bench\"");
    std::fs::write(dir.join("problem.toml"), manifest)?;
    for f in ["statement.md", "drivers/main.rs", "drivers/main.go", "solutions/ref.rs", "solutions/ref.go"] {
        std::fs::copy(lcs.join(f), dir.join(f))?;
    }
    for n in ["01", "02", "03"] {
        for ext in ["in", "out"] {
            std::fs::copy(lcs.join(format!("tests/{n}.{ext}")), dir.join(format!("tests/{n}.{ext}")))?;
        }
    }
    let mut seed = 42u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 4..=20 {
        let len = 50 + (next() % 450) as usize;
        let a: String = (0..len).map(|_| (b'a' + (next() % 4) as u8) as char).collect();
        let b: String = (0..len).map(|_| (b'a' + (next() % 4) as u8) as char).collect();
        std::fs::write(dir.join(format!("tests/{i:02}.in")), format!("{a}\n{b}\n"))?;
        std::fs::write(dir.join(format!("tests/{i:02}.out")), format!("{}\n", lcs_len(a.as_bytes(), b.as_bytes())))?;
    }
    Ok(Problem::load(dir)?)
}

fn lcs_len(a: &[u8], b: &[u8]) -> u32 {
    let mut prev = vec![0u32; b.len() + 1];
    for &x in a {
        let mut cur = vec![0u32; b.len() + 1];
        for j in 0..b.len() {
            cur[j + 1] = if x == b[j] { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        prev = cur;
    }
    prev[b.len()]
}

fn pct(v: &mut [Duration], p: usize) -> Duration {
    v.sort();
    v[(v.len() - 1) * p / 100]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}
