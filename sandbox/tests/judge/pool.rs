//! The bounded pool: a burst of submissions completes with correct verdicts; cancellation works.

use std::time::{Duration, Instant};

use sandbox::{Event, Language, Pool, Submission, Tests, Verdict};

use crate::{judge, problem};

const RUST_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.rs");
const GO_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.go");

#[test]
fn burst_of_fifty_completes_correctly() {
    let pool = Pool::new(judge().clone(), 0, 64).expect("pool");
    let lcs = problem("lcs");
    let kinds = [
        (Language::Rust, RUST_AC.to_string(), Verdict::AC),
        (Language::Rust, "fn lcs(_a: &str, _b: &str) -> i32 { 7 }".to_string(), Verdict::WA),
        (Language::Go, GO_AC.to_string(), Verdict::AC),
        (Language::Go, "package main\n\nfunc lcs(a, b string) int { return 7 }\n".to_string(), Verdict::WA),
        (Language::Rust, "fn lcs(_a: &str, _b: &str) -> i32 { loop {} }".to_string(), Verdict::TLE),
    ];
    let start = Instant::now();
    let tickets: Vec<_> = (0..50)
        .map(|i| {
            let (lang, src, want) = &kinds[i % kinds.len()];
            let sub = Submission { problem: lcs.clone(), language: *lang, source: src.clone(), tests: Tests::All };
            (pool.submit(sub).expect("queued"), *want)
        })
        .collect();
    for (i, (ticket, want)) in tickets.into_iter().enumerate() {
        let report = ticket.wait().expect("judged");
        assert_eq!(report.verdict, want, "submission {i}");
    }
    eprintln!("burst of 50: {:?}", start.elapsed());
}

#[test]
fn queue_is_bounded_and_cancellation_stops_work() {
    let pool = Pool::new(judge().clone(), 1, 2).expect("pool");
    // A const-eval loop keeps rustc busy until its wall-clock limit: long enough to cancel.
    let spin = "const X: u64 = { let mut i: u64 = 1; while i != 0 { i = i.wrapping_mul(3); } i };\nfn lcs(_a: &str, _b: &str) -> i32 { X as i32 }";
    let sub = Submission { problem: problem("lcs"), language: Language::Rust, source: spin.into(), tests: Tests::All };
    let running = pool.submit(sub.clone()).expect("queued");
    assert!(matches!(running.events.recv_timeout(Duration::from_secs(60)), Ok(Event::Started)));
    let mut queued = Vec::new();
    let mut rejected = 0;
    for _ in 0..4 {
        match pool.submit(sub.clone()) {
            Ok(t) => queued.push(t),
            Err(sandbox::Error::QueueFull) => rejected += 1,
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!((queued.len(), rejected), (2, 2), "capacity 2");
    for t in &queued {
        t.cancel();
    }
    let t = Instant::now();
    running.cancel();
    assert_eq!(running.wait().err().as_deref(), Some("cancelled"));
    assert!(t.elapsed() < Duration::from_secs(5), "cancellation took {:?}", t.elapsed());
    for t in queued {
        assert_eq!(t.wait().err().as_deref(), Some("cancelled"));
    }
}
