//! Every demo in `content/demos/` builds, and runs at its minimum and maximum parameters within
//! its timeout, printing only lines its `demo.toml` declares, a sample for every chart, the
//! runtime it got and (when it asks for a prediction) a result.

use std::path::Path;
use std::sync::Arc;

use demos::check::{Extreme, check_run};
use demos::{DemoRunner, RunnerConfig, Toolchain};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_demo_keeps_its_contract_at_both_ends_of_its_parameters() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cache = root.join("target/demo-test-cache");
    std::fs::create_dir_all(&cache).unwrap();
    let toolchain = Toolchain {
        go_root: std::path::absolute(root.join("tools/go")).unwrap(),
        cache_dir: std::path::absolute(cache).unwrap(),
    };
    // One run per core at a time: the demos measure real work, and so does this test.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let runner = DemoRunner::load(&root.join("content/demos"), RunnerConfig { toolchain, slots: cores })
        .unwrap_or_else(|e| panic!("{e}"));
    let mut ids: Vec<String> = runner.ids().map(|id| id.to_string()).collect();
    ids.sort();
    assert!(ids.len() >= 14, "at least 14 server-run demos, found {}", ids.len());
    for id in &ids {
        runner.build(id).await.unwrap_or_else(|e| panic!("{e}"));
    }
    // No more runs in line than the slots can take: the queue itself is bounded.
    let in_line = Arc::new(tokio::sync::Semaphore::new(cores));
    let mut jobs = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        for extreme in [Extreme::Min, Extreme::Max] {
            let (runner, id, in_line) = (runner.clone(), id.clone(), in_line.clone());
            let owner = format!("check-{n}-{extreme:?}");
            jobs.push(tokio::spawn(async move {
                let _turn = in_line.acquire_owned().await.unwrap();
                (id.clone(), extreme, check_run(&runner, &id, extreme, &owner).await)
            }));
        }
    }
    let mut failures = Vec::new();
    for job in jobs {
        let (id, extreme, report) = job.await.unwrap();
        let spec = runner.spec(&id).unwrap();
        eprintln!(
            "{id:>24} {extreme:?}: {:>5.2} s (limit {} s), first sample {:?}",
            report.elapsed.as_secs_f64(),
            spec.timeout_seconds,
            report.first_sample
        );
        for problem in report.problems {
            failures.push(format!("{id} at {extreme:?}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_demo_asks_for_a_prediction() {
    // Predict-then-run is the point of most demos; this keeps it from being forgotten.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/demos");
    let mut without = Vec::new();
    for dir in catalog::demo::demo_dirs(&root).unwrap() {
        let spec = catalog::demo::DemoSpec::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        if spec.prediction.is_none() {
            without.push(spec.id.to_string());
        }
    }
    assert!(without.is_empty(), "demos without a prediction: {without:?}");
}
