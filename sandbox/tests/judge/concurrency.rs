//! One judge shared by several threads (as the server's workers share it): verdicts stay right;
//! cancellation stops a submission mid-compile.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sandbox::{Error, Language, Submission, Tests, Verdict};

use crate::{judge, problem};

const RUST_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.rs");
const GO_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.go");

#[test]
fn two_threads_share_one_judge_and_every_verdict_is_right() {
    let lcs = problem("lcs");
    let kinds = [
        (Language::Rust, RUST_AC.to_string(), Verdict::AC),
        (Language::Rust, "fn lcs(_a: &str, _b: &str) -> i32 { 7 }".to_string(), Verdict::WA),
        (Language::Go, GO_AC.to_string(), Verdict::AC),
        (Language::Go, "package main\n\nfunc lcs(a, b string) int { return 7 }\n".to_string(), Verdict::WA),
        (Language::Rust, "fn lcs(_a: &str, _b: &str) -> i32 { loop {} }".to_string(), Verdict::TLE),
    ];
    let start = Instant::now();
    std::thread::scope(|scope| {
        for worker in 0..2 {
            let (lcs, kinds) = (lcs.clone(), &kinds);
            scope.spawn(move || {
                for i in 0..10 {
                    let (lang, src, want) = &kinds[(worker + i) % kinds.len()];
                    // A per-submission comment defeats the module cache: every one compiles.
                    let source = format!("{src}\n// {worker}-{i}\n");
                    let sub = Submission { problem: lcs.clone(), language: *lang, source, tests: Tests::All };
                    let report = judge().judge(&sub, None, &mut |_| {}).expect("judged");
                    assert_eq!(report.verdict, *want, "worker {worker}, submission {i}");
                }
            });
        }
    });
    eprintln!("20 submissions through 2 threads: {:?}", start.elapsed());
}

#[test]
fn cancellation_stops_a_compile_at_once() {
    // A const-eval loop keeps rustc busy until its wall-clock limit: long enough to cancel.
    let spin = "const X: u64 = { let mut i: u64 = 1; while i != 0 { i = i.wrapping_mul(3); } i };\nfn lcs(_a: &str, _b: &str) -> i32 { X as i32 }";
    let sub = Submission { problem: problem("lcs"), language: Language::Rust, source: spin.into(), tests: Tests::All };
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        flag.store(true, Ordering::Relaxed);
        Instant::now()
    });
    let result = judge().judge(&sub, Some(&cancel), &mut |_| {});
    let stopped = Instant::now();
    let cancelled_at = canceller.join().unwrap();
    assert!(matches!(result, Err(Error::Cancelled)), "{result:?}");
    eprintln!("stopped {:?} after the cancel", stopped.duration_since(cancelled_at));
}
