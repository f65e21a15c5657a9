//! The judge under attack, through the web path: every file in `tests/hostile/` (Rust and Go:
//! file reads, the environment, network, processes, thread and goroutine bombs, memory and
//! output floods, compiler bombs, huge sources, Unicode and markup tricks, fake verdicts…) is
//! submitted at once by a crowd of learners to a real server with several judge workers, while
//! an honest learner submits correct solutions. Every hostile submission must end in a verdict
//! its header allows, its report and pages must leak nothing and escape what it printed, its
//! event stream must end with one well-formed verdict; the server keeps serving a lesson page
//! throughout, no jailed process or scratch directory outlives the batch, and the honest
//! learner is judged before the batch is through.

#[path = "hostile_judge/checks.rs"]
mod checks;
mod common;
#[path = "hostile_judge/corpus.rs"]
mod corpus;
#[path = "hostile_judge/sse.rs"]
mod sse;
#[path = "hostile_judge/watch.rs"]
mod watch;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Client, TestServer};
use corpus::{Case, Expect, Substitutions};
use domain::{SubmissionView, Verdict};
use prep_server::{JudgeOptions, ServeConfig};
use store::Backend;

/// Judge workers in the server: more than one, so the batch is judged concurrently.
const WORKERS: usize = 3;
/// A learner may have this many submissions waiting (`MAX_PENDING_PER_LEARNER`): the crowd is
/// sized so that every hostile file is queued at once, none refused.
const PER_LEARNER: usize = 3;
/// Everything (a cold Go standard library included) must be done within this.
const OVERALL: Duration = Duration::from_secs(480);
const SECRET_VAR: &str = "PREP_HOSTILE_SECRET";
const LESSON: &str = "/lessons/dsa-dp-lcs-knapsack";

#[test]
fn hostile_submissions_get_clean_verdicts_while_an_honest_learner_is_judged() {
    let planted = Planted::new();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(attack(&planted, Backend::Sqlite));
    if store::testing::postgres_cluster().is_some() {
        runtime.block_on(attack(&planted, Backend::Postgres));
    }
}

/// The secrets and scratch space of this run. The marker is in the process environment (the
/// server runs in this process) and in files beside the compile directories and in the judge's
/// cache; compile directories are made in `scratch` (TMPDIR), so they can be counted.
struct Planted {
    root: tempfile::TempDir,
    scratch: PathBuf,
    marker: String,
    cache_secret: PathBuf,
    pwned: PathBuf,
}

impl Planted {
    fn new() -> Planted {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("scratch")).unwrap();
        let scratch = root.path().join("scratch").canonicalize().unwrap();
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let marker = format!("PREP-SECRET-{:x}", nanos ^ u128::from(std::process::id()));
        std::fs::write(scratch.join("prep-hostile-secret.txt"), &marker).unwrap();
        let cache = JudgeOptions::for_tests().judge_cache;
        std::fs::create_dir_all(&cache).unwrap();
        let cache_secret = cache.canonicalize().unwrap().join(format!("hostile-secret-{}.txt", std::process::id()));
        std::fs::write(&cache_secret, &marker).unwrap();
        // SAFETY: this is the only test in this binary and it sets these before it starts any
        // thread of its own (the runtime, the server); nothing else reads the environment yet.
        unsafe {
            std::env::set_var(SECRET_VAR, &marker);
            std::env::set_var("TMPDIR", &scratch);
        }
        let pwned = root.path().join("pwned-by-a-submission");
        Planted { root, scratch, marker, cache_secret, pwned }
    }

    fn secrets(&self) -> checks::Secrets {
        checks::Secrets { marker: self.marker.clone(), scratch: self.scratch.display().to_string() }
    }
}

impl Drop for Planted {
    fn drop(&mut self) {
        // The judge cache is shared with other tests: leave nothing of ours in it.
        let _ = std::fs::remove_file(&self.cache_secret);
    }
}

/// One hostile submission as the test saw it.
struct Judged {
    case: Case,
    id: i64,
    learner: usize,
    elapsed: Duration,
    finished_at: Instant,
    view: SubmissionView,
    raw_view: String,
    stream: String,
    pages: Vec<(&'static str, String)>,
}

async fn attack(planted: &Planted, backend: Backend) {
    let started = Instant::now();
    let cases = corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile"));
    let languages = |l: &str| cases.iter().filter(|c| c.language == l).count();
    assert!(cases.len() >= 40 && languages("rust") >= 15 && languages("go") >= 15, "a corpus of 40, both languages");

    let db_dir = planted.root.path().join(format!("db-{backend:?}"));
    std::fs::create_dir_all(&db_dir).unwrap();
    let db = store::testing::fresh_database(backend, &db_dir).await;
    let mut config = ServeConfig::for_tests(db);
    config.judge_workers = WORKERS;
    let server = TestServer::start_with(config).await;
    let subs = Substitutions {
        secret_file: planted.cache_secret.display().to_string(),
        server_pid: std::process::id(),
        server_addr: server.addr.to_string(),
        pwned_file: planted.pwned.display().to_string(),
    };
    let sources: Vec<String> = cases.iter().map(|c| c.source(&subs)).collect();
    let mut distinct = sources.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), sources.len(), "every file is distinct (no module-cache hits)");

    let queued = cases.iter().filter(|c| c.expect != Expect::Refused).count();
    let learners = sign_up(&server, queued.div_ceil(PER_LEARNER) + 1, &format!("{backend:?}")).await;
    let (crowd, honest) = learners.split_at(learners.len() - 1);
    let watch = watch::Watch::start(server.url(LESSON), planted.scratch.clone());
    let rss_before = memory_kib("VmRSS");
    let submitting = Instant::now();

    // Everything at once: one request per file, spread so no learner has more than PER_LEARNER.
    let mut slot = 0;
    let submits = cases.iter().zip(&sources).map(|(case, source)| {
        let learner = if case.expect == Expect::Refused { 0 } else { slot };
        if case.expect != Expect::Refused {
            slot += 1;
        }
        let mut client = as_learner(&server, &crowd[learner % crowd.len()]);
        async move {
            let samples = if case.all_tests { "false" } else { "true" };
            let form =
                [("problem_id", "lcs"), ("language", case.language), ("source", source), ("samples_only", samples)];
            let reply = client.call("submit", &form).await;
            (learner % crowd.len(), Instant::now(), reply)
        }
    });
    let replies = futures::future::join_all(submits).await;
    eprintln!("{} files submitted at once by {} learners in {:?}", cases.len(), crowd.len(), submitting.elapsed());

    let mut pending = Vec::new();
    for (case, (learner, at, reply)) in cases.iter().zip(replies) {
        if case.expect == Expect::Refused {
            assert_eq!(reply.status, 400, "{}: {}", case.file, reply.body);
            assert!(reply.body.contains("at most 50000 bytes"), "{}: a clear reason: {}", case.file, reply.body);
            continue;
        }
        assert_eq!(reply.status, 200, "{} was not queued: {}", case.file, reply.body);
        let id = reply.json().as_i64().unwrap();
        let client = as_learner(&server, &crowd[learner]);
        pending.push(tokio::spawn(follow(client, case.clone(), id, learner, at)));
    }
    let honest_run = tokio::spawn(honest_learner(as_learner(&server, &honest[0])));

    let deadline = OVERALL.saturating_sub(started.elapsed());
    let mut judged = Vec::new();
    for task in pending {
        let one = tokio::time::timeout(deadline, task).await.expect("a hostile submission was never finished");
        judged.push(one.expect("following a submission panicked"));
    }
    let batch_done = judged.iter().map(|j| j.finished_at).max().unwrap();
    let (honest_done, honest_times) = tokio::time::timeout(deadline, honest_run).await.expect("honest run").unwrap();
    let seen = watch.stop().await;

    report(&judged, &seen, &honest_times, started.elapsed());
    eprintln!(
        "server process (this test) RSS: {} MiB before the batch, {} MiB after, peak {} MiB",
        rss_before / 1024,
        memory_kib("VmRSS") / 1024,
        memory_kib("VmHWM") / 1024
    );
    let mut failures = Vec::new();
    for j in &judged {
        failures.extend(check(j, &planted.secrets()));
    }
    failures.extend(same_outputs(&judged));
    for (n, learner) in crowd.iter().enumerate() {
        let mut c = as_learner(&server, learner);
        let history = c.call("history_html", &[("problem_id", "lcs")]).await;
        assert_eq!(history.status, 200, "{}", history.body);
        failures.extend(checks::leaks(&format!("learner {n}'s history"), &history.body, &planted.secrets()));
        failures.extend(checks::raw_markup(&format!("learner {n}'s history"), &history.body));
    }
    assert!(
        honest_done < batch_done,
        "the honest learner's submissions were judged only after the whole hostile batch ({:?} vs {:?})",
        honest_done.duration_since(started),
        batch_done.duration_since(started)
    );
    failures.extend(leftovers(planted, &seen).await);
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
    server.stop().await;
}

/// `count` fresh accounts, signed up at once.
async fn sign_up(server: &TestServer, count: usize, tag: &str) -> Vec<Client> {
    let mut clients: Vec<Client> = (0..count).map(|_| server.client()).collect();
    let signups = clients.iter_mut().enumerate().map(|(n, c)| async move {
        let r = c.sign_up(&format!("attacker-{tag}-{n}"), "long enough").await;
        assert!(r.status < 400, "sign-up: {}", r.body);
    });
    futures::future::join_all(signups).await;
    clients
}

/// Another connection with the same session (calls take `&mut`, so each task has its own).
fn as_learner(server: &TestServer, learner: &Client) -> Client {
    let mut c = server.client();
    c.session = learner.session.clone();
    c
}

/// Reads the submission's event stream to its end, then everything shown about it.
async fn follow(mut c: Client, case: Case, id: i64, learner: usize, submitted: Instant) -> Judged {
    let stream = c.get(&format!("/api/submissions/{id}/events")).await;
    assert_eq!(stream.status, 200, "{}: {}", case.file, stream.body);
    let finished_at = Instant::now();
    let reply = c.call("submission", &[("id", &id.to_string())]).await;
    assert_eq!(reply.status, 200, "{}: {}", case.file, reply.body);
    let view: SubmissionView =
        serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{}: {e}: {}", case.file, reply.body));
    let mut pages = Vec::new();
    for endpoint in ["submission_html", "submission_page_html"] {
        let r = c.call(endpoint, &[("id", &id.to_string())]).await;
        assert_eq!(r.status, 200, "{} {endpoint}: {}", case.file, r.body);
        pages.push((endpoint, r.json().as_str().unwrap_or_default().to_string()));
    }
    let page = c.get(&format!("/submissions/{id}")).await;
    assert_eq!(page.status, 200, "{}: the submission's page", case.file);
    pages.push(("GET /submissions/<id>", page.body));
    Judged {
        case,
        id,
        learner,
        elapsed: finished_at - submitted,
        finished_at,
        view,
        raw_view: reply.body,
        stream: stream.body,
        pages,
    }
}

/// Submits the reference solutions, Rust then Go, every test, one after the other, each
/// judged Accepted; returns when the last was done and how long each took.
async fn honest_learner(mut c: Client) -> (Instant, Vec<Duration>) {
    let mut times = Vec::new();
    for (language, file) in [("rust", "ref.rs"), ("go", "ref.go")] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/problems/lcs/solutions").join(file);
        let source = std::fs::read_to_string(path).unwrap();
        let asked = Instant::now();
        let form = [("problem_id", "lcs"), ("language", language), ("source", &source), ("samples_only", "false")];
        let r = c.call("submit", &form).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let id = r.json().as_i64().unwrap().to_string();
        let view = loop {
            let v = c.call("submission", &[("id", &id)]).await.json();
            if v["status"] == "done" {
                break v;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(view["result"]["verdict"], "AC", "the honest {language} solution: {view}");
        times.push(asked.elapsed());
    }
    (Instant::now(), times)
}

/// Everything that must hold for one hostile submission.
fn check(j: &Judged, secrets: &checks::Secrets) -> Vec<String> {
    let file = &j.case.file;
    let mut failures = Vec::new();
    let Some(result) = &j.view.result else {
        return vec![format!("{file}: stream ended but the submission is {}", j.view.status)];
    };
    if result.verdict == Verdict::IE || !j.case.allows(result.verdict) {
        failures.push(format!(
            "{file}: {} ({}), expected {:?}: {}",
            result.verdict,
            result.title,
            j.case.expect,
            summary(j)
        ));
    }
    match sse::final_verdict(&j.stream, j.id) {
        Ok(v) if v == result.verdict => {}
        Ok(v) => failures.push(format!("{file}: the stream ended with {v}, the stored verdict is {}", result.verdict)),
        Err(e) => failures.push(format!("{file}: {e}")),
    }
    for text in &j.case.shows {
        if !j.raw_view.contains(text.as_str()) {
            failures.push(format!("{file}: the report does not say {text:?}: {}", summary(j)));
        }
    }
    failures.extend(checks::leaks(&format!("{file}'s report"), &j.raw_view, secrets));
    failures.extend(checks::leaks(&format!("{file}'s stream"), &j.stream, secrets));
    for (what, html) in &j.pages {
        failures.extend(checks::leaks(&format!("{file} {what}"), html, secrets));
        failures.extend(checks::raw_markup(&format!("{file} {what}"), html));
    }
    // Shown, and escaped: in the workbench's fragment and in the server-rendered page.
    for text in &j.case.escaped {
        for (what, html) in j.pages.iter().filter(|(w, _)| *w != "submission_page_html") {
            if !html.contains(&checks::escaped(text)) {
                failures.push(format!("{file}: {what} does not show {text:?} (escaped)"));
            }
        }
    }
    failures
}

/// Members of a `same-output` group printed the same on their first test.
fn same_outputs(judged: &[Judged]) -> Vec<String> {
    let mut groups: BTreeMap<&str, Vec<(&str, Option<String>)>> = BTreeMap::new();
    for j in judged {
        if let Some(group) = &j.case.same_output {
            let actual = j.view.result.as_ref().and_then(|r| r.tests.first()).and_then(|t| t.io.clone()).map(|io| io.2);
            groups.entry(group).or_default().push((&j.case.file, actual));
        }
    }
    let mut failures = Vec::new();
    for (group, members) in groups {
        let first = &members[0].1;
        if members.len() < 2 || first.as_deref().is_none_or(str::is_empty) {
            failures.push(format!("group {group}: needs two members with output: {members:?}"));
        } else if members.iter().any(|(_, a)| a != first) {
            failures.push(format!("group {group}: runs differ: {members:?}"));
        }
    }
    failures
}

/// What the batch left behind: jailed processes, compile directories, a file a submission made,
/// a lesson page that failed.
async fn leftovers(planted: &Planted, seen: &watch::Seen) -> Vec<String> {
    let mut failures = Vec::new();
    // Every compile was reaped before its verdict; give SIGKILLed grandchildren a moment.
    let mut alive = watch::jailed_processes(&planted.scratch);
    for _ in 0..50 {
        if alive.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        alive = watch::jailed_processes(&planted.scratch);
    }
    if !alive.is_empty() {
        failures.push(format!("jailed processes outlived the batch: {alive:?}"));
    }
    if seen.most_jailed == 0 {
        failures.push("the process scan never saw a compiler: it cannot be trusted".into());
    }
    let left: Vec<String> = std::fs::read_dir(&planted.scratch)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "prep-hostile-secret.txt")
        .collect();
    if !left.is_empty() {
        failures.push(format!("left in the judge's scratch directory: {left:?}"));
    }
    if planted.pwned.exists() {
        failures.push(format!("a submission created {}", planted.pwned.display()));
    }
    let bad: Vec<&String> = seen.pages.iter().filter_map(|p| p.as_ref().err()).collect();
    if !bad.is_empty() || seen.pages.is_empty() {
        failures.push(format!("the lesson page failed {} of {} times: {bad:?}", bad.len(), seen.pages.len()));
    }
    failures
}

/// A line of this process's `/proc/self/status` (the server runs in it; compilers are children).
fn memory_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
}

fn summary(j: &Judged) -> String {
    let Some(r) = &j.view.result else { return j.view.status.to_string() };
    let detail = r.tests.iter().find_map(|t| t.detail.clone()).or_else(|| r.message.clone()).unwrap_or_default();
    let detail: String = detail.chars().take(160).collect();
    format!("{} {}", r.title, detail.replace('\n', " | "))
}

fn report(judged: &[Judged], seen: &watch::Seen, honest: &[Duration], total: Duration) {
    eprintln!("\n{:<38} {:>7} {:>8} {:>9} {:>8}  detail", "file", "verdict", "time", "peak KiB", "learner");
    for j in judged {
        let (verdict, peak) =
            j.view.result.as_ref().map_or(("-".to_string(), 0), |r| (r.verdict.to_string(), r.peak_memory));
        let detail: String = summary(j).chars().take(70).collect();
        eprintln!(
            "{:<38} {:>7} {:>7.2}s {:>9} {:>8}  {detail}",
            j.case.file,
            verdict,
            j.elapsed.as_secs_f64(),
            peak / 1024,
            j.learner
        );
    }
    if let Some((p50, p99, max)) = watch::percentiles(&seen.pages) {
        eprintln!(
            "lesson page during the attack: {} requests, p50 {p50:?}, p99 {p99:?}, max {max:?}",
            seen.pages.len()
        );
    }
    eprintln!("honest learner, submit → Accepted: {honest:?}; jailed processes at once, at most: {}", seen.most_jailed);
    eprintln!("whole attack: {total:?}");
}
