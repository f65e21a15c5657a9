//! The runner with the real Go toolchain and real processes: events in order, parameters
//! refused, timeouts, Stop and disconnect killing the whole process group (checked in /proc),
//! the per-learner and global limits, output lines that break the contract, and the jail.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use catalog::demo::DemoSpec;
use demos::{DemoEvent, DemoRun, DemoRunner, RunStatus, RunnerConfig, StartError, Toolchain};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn runner(slots: usize) -> Arc<DemoRunner> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let demos = ["spin", "liar"]
        .iter()
        .map(|id| {
            let dir = fixtures.join(id);
            let spec = DemoSpec::load(&dir).unwrap_or_else(|e| panic!("{e}"));
            (dir, Arc::new(spec))
        })
        .collect();
    // Shared between test runs: the Go build cache makes a fixture build take a second.
    let cache = root().join("target/demo-test-cache");
    std::fs::create_dir_all(&cache).unwrap();
    let toolchain = Toolchain {
        go_root: std::path::absolute(root().join("tools/go")).unwrap(),
        cache_dir: std::path::absolute(cache).unwrap(),
    };
    DemoRunner::new(demos, RunnerConfig { toolchain, slots })
}

fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

async fn next(run: &mut DemoRun) -> DemoEvent {
    tokio::time::timeout(Duration::from_secs(120), run.events.recv()).await.expect("an event in time").expect("open")
}

async fn until(run: &mut DemoRun, mut wanted: impl FnMut(&DemoEvent) -> bool) -> DemoEvent {
    loop {
        let e = next(run).await;
        if wanted(&e) {
            return e;
        }
    }
}

async fn finish(run: &mut DemoRun) -> (RunStatus, u64, u64, Option<String>) {
    match until(run, |e| matches!(e, DemoEvent::Finished { .. })).await {
        DemoEvent::Finished { status, samples, rejected, message, .. } => (status, samples, rejected, message),
        _ => unreachable!(),
    }
}

/// Live (not zombie) processes in a process group, from /proc.
fn group_members(pgid: u32) -> Vec<u32> {
    let mut members = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // pid (comm) state ppid pgrp …; comm may hold spaces, so split after the last ')'.
        let Some((_, rest)) = stat.rsplit_once(')') else { continue };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.len() > 2 && fields[0] != "Z" && fields[2].parse() == Ok(pgid) {
            members.push(pid);
        }
    }
    members
}

async fn assert_group_gone(pgid: u32) {
    assert_ne!(pgid, 0, "the run had started");
    let deadline = Instant::now() + Duration::from_secs(3);
    while !group_members(pgid).is_empty() {
        assert!(Instant::now() < deadline, "processes of group {pgid} survive: {:?}", group_members(pgid));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_run_streams_runtime_samples_result_and_finish_in_order() {
    let runner = runner(2);
    let mut run = runner.start("spin", "ada", &params(&[("ms", "300")]), Some("3.2")).unwrap();
    // A "compiling first" note may come before `started` when the build is not cached yet.
    let started = until(&mut run, |e| !matches!(e, DemoEvent::Note { .. })).await;
    assert!(matches!(started, DemoEvent::Started { cores, .. } if cores >= 1), "{started:?}");
    assert!(matches!(next(&mut run).await, DemoEvent::Runtime(r) if r.gomaxprocs >= 1 && r.version.starts_with("go")));
    let result = until(&mut run, |e| matches!(e, DemoEvent::Result { .. })).await;
    assert_eq!(
        result,
        DemoEvent::Result { value: serde_json::json!(3), prediction: Some("3.2".into()), correct: Some(true) },
        "3.2 is within 10 % of 3"
    );
    let (status, samples, rejected, message) = finish(&mut run).await;
    assert_eq!((status, rejected, message), (RunStatus::Completed, 0, None));
    assert!(samples >= 5, "a tick every 20 ms for 300 ms, got {samples}");
    assert!(run.events.recv().await.is_none(), "nothing after finished");
}

#[tokio::test]
async fn bad_parameters_are_refused_with_a_reason_before_anything_runs() {
    let runner = runner(1);
    let refuse = |pairs: &[(&str, &str)], prediction: Option<&str>| match runner.start(
        "spin",
        "ada",
        &params(pairs),
        prediction,
    ) {
        Err(StartError::BadParams(message)) => message,
        Err(other) => panic!("refused for the wrong reason: {other}"),
        Ok(_) => panic!("{pairs:?} was accepted"),
    };
    assert_eq!(refuse(&[("ms", "99999")], None), "Run for must be between 0 and 5000 ms");
    assert_eq!(refuse(&[("ms", "-1")], None), "Run for must be between 0 and 5000 ms");
    assert_eq!(refuse(&[("ms", "1.5")], None), "Run for must be a whole number between 0 and 5000 ms");
    assert_eq!(refuse(&[("ms", "; rm -rf /")], None), "Run for must be a whole number between 0 and 5000 ms");
    assert_eq!(refuse(&[("workers", "4")], None), "“workers” is not a parameter of this demo");
    assert_eq!(refuse(&[("ms", "10")], Some("lots")), "the prediction must be a number");
    assert!(matches!(runner.start("nope", "ada", &[], None), Err(StartError::UnknownDemo(_))));
    assert_eq!(runner.slots().running(), 0, "nothing was queued");
    // An empty value means the default.
    let mut run = runner.start("spin", "ada", &params(&[("ms", " ")]), None).unwrap();
    assert_eq!(finish(&mut run).await.0, RunStatus::Completed);
}

#[tokio::test]
async fn a_run_past_its_timeout_is_killed() {
    let runner = runner(1);
    let started = Instant::now();
    let mut run = runner.start("spin", "ada", &params(&[("ms", "0")]), None).unwrap();
    let (status, _, _, message) = finish(&mut run).await;
    assert_eq!(status, RunStatus::TimedOut);
    assert_eq!(message.as_deref(), Some("stopped after its time limit of 2 s"));
    assert!(started.elapsed() >= Duration::from_secs(2));
    assert_group_gone(run.process_group.load(Ordering::SeqCst)).await;
}

#[tokio::test]
async fn stop_kills_the_whole_process_group_grandchildren_too() {
    let runner = runner(1);
    let mut run = runner.start("spin", "ada", &params(&[("ms", "0"), ("child", "1")]), None).unwrap();
    let DemoEvent::Started { run: run_id, .. } = until(&mut run, |e| matches!(e, DemoEvent::Started { .. })).await
    else {
        unreachable!()
    };
    let DemoEvent::Note { text } = until(&mut run, |e| matches!(e, DemoEvent::Note { .. })).await else {
        unreachable!()
    };
    let grandchild: u32 = text.strip_prefix("child ").unwrap().parse().unwrap();
    let pgid = run.process_group.load(Ordering::SeqCst);
    assert_eq!(group_members(pgid).len(), 2, "the demo and its child run in one group");
    assert!(!runner.stop(&run_id, "someone else"), "only the owner may stop a run");
    assert!(runner.stop(&run_id, "ada"));
    assert_eq!(finish(&mut run).await.0, RunStatus::Stopped);
    assert_group_gone(pgid).await;
    assert!(!group_members(pgid).contains(&grandchild));
}

#[tokio::test]
async fn a_viewer_who_leaves_ends_the_run() {
    let runner = runner(1);
    let mut run = runner.start("spin", "ada", &params(&[("ms", "0"), ("child", "1")]), None).unwrap();
    until(&mut run, |e| matches!(e, DemoEvent::Sample(_))).await;
    let pgid = run.process_group.load(Ordering::SeqCst);
    drop(run);
    assert_group_gone(pgid).await;
    // The learner's slot is free again.
    let deadline = Instant::now() + Duration::from_secs(3);
    while runner.slots().running() > 0 {
        assert!(Instant::now() < deadline, "the slot was not given back");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    runner.start("spin", "ada", &params(&[("ms", "10")]), None).expect("ada may run again");
}

#[tokio::test]
async fn one_demo_per_learner_and_a_queue_beyond_the_global_limit() {
    let runner = runner(1);
    let mut a = runner.start("spin", "ada", &params(&[("ms", "0")]), None).unwrap();
    let DemoEvent::Started { run: a_id, .. } = until(&mut a, |e| matches!(e, DemoEvent::Started { .. })).await else {
        unreachable!()
    };
    assert!(matches!(runner.start("spin", "ada", &[], None), Err(StartError::AlreadyRunning)));
    let mut b = runner.start("spin", "bob", &params(&[("ms", "100")]), None).unwrap();
    assert_eq!(next(&mut b).await, DemoEvent::Queued { position: 1 });
    let mut c = runner.start("spin", "cy", &params(&[("ms", "100")]), None).unwrap();
    assert_eq!(next(&mut c).await, DemoEvent::Queued { position: 2 });
    assert_eq!(runner.slots().running(), 1, "the global limit holds");
    runner.stop(&a_id, "ada");
    assert_eq!(finish(&mut a).await.0, RunStatus::Stopped);
    assert!(matches!(next(&mut b).await, DemoEvent::Started { .. }), "b is next");
    assert_eq!(next(&mut c).await, DemoEvent::Queued { position: 1 }, "c moves up");
    assert_eq!(finish(&mut b).await.0, RunStatus::Completed);
    assert!(matches!(until(&mut c, |e| !matches!(e, DemoEvent::Queued { .. })).await, DemoEvent::Started { .. }));
    assert_eq!(finish(&mut c).await.0, RunStatus::Completed);
}

#[tokio::test]
async fn lines_that_break_the_contract_are_refused_and_the_scheduler_trace_is_drawn() {
    let runner = runner(1);
    let mut run = runner.start("liar", "ada", &[], None).unwrap();
    let mut good = Vec::new();
    let mut notes = Vec::new();
    let mut trace = 0;
    let (status, rejected, message) = loop {
        match next(&mut run).await {
            DemoEvent::Sample(s) if s.chart == "good" => good.push(s.x),
            DemoEvent::Sample(s) if s.chart == "trace" => {
                assert!(s.values.contains_key("global") && s.values.contains_key("threads"), "{s:?}");
                trace += 1;
            }
            DemoEvent::Finished { status, rejected, message, .. } => break (status, rejected, message),
            DemoEvent::Note { text } if !text.starts_with("Compiling") => notes.push(text),
            _ => {}
        }
    };
    assert_eq!(status, RunStatus::Completed);
    assert_eq!(good, vec![serde_json::json!(2)], "only the one good sample is drawn");
    assert_eq!(rejected, 8, "{message:?}");
    assert!(message.unwrap().starts_with("8 line(s) of the demo's output were refused, the first because: not JSON"));
    assert!(trace >= 3, "the runtime's own trace became samples ({trace})");
    assert_eq!(notes, ["parent environ: denied", "write outside: denied"], "the jail holds");
}
