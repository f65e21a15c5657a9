//! Submissions through the web API, judged by the real sandbox (real rustc, real wasmtime).

mod common;

use std::time::{Duration, Instant};

use common::{Client, TestServer, fresh_database};
use prep_server::ServeConfig;
use store::{Backend, DatabaseUrl, Enqueue, NewSubmission, PendingLimits, Store};

on_both_backends!(
    a_reference_solution_is_accepted_and_a_wrong_one_shows_expected_vs_actual,
    progress_streams_as_server_sent_events_to_the_owner_only,
    a_submission_whose_worker_died_is_judged_when_its_lease_runs_out,
    bad_submissions_are_refused,
    one_learners_slow_compiles_do_not_hold_up_another_learner,
    a_learner_cancels_a_running_and_a_waiting_submission,
    a_custom_input_runs_beside_the_reference,
    a_learner_who_submits_too_often_is_told_when_to_try_again,
);

fn judged_config(db: DatabaseUrl) -> ServeConfig {
    let mut config = ServeConfig::for_tests(db);
    config.judge_workers = 1;
    config
}

fn solution(file: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/problems/lcs/solutions").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

async fn submit(c: &mut Client, language: &str, source: &str, samples_only: bool) -> i64 {
    let samples = if samples_only { "true" } else { "false" };
    let r = c
        .call("submit", &[("problem_id", "lcs"), ("language", language), ("source", source), ("samples_only", samples)])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json().as_i64().unwrap()
}

/// Polls until the judge is done. The first judge start may compile Go's standard library.
async fn wait_done(c: &mut Client, id: i64) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(240);
    loop {
        let s = c.call("submission", &[("id", &id.to_string())]).await.json();
        if s["status"] == "done" {
            return s;
        }
        assert!(Instant::now() < deadline, "submission {id} still {} after 240 s", s["status"]);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn a_reference_solution_is_accepted_and_a_wrong_one_shows_expected_vs_actual(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(judged_config(db)).await;
    let mut c = s.client();
    c.sign_up("solver", "long enough").await;

    let id = submit(&mut c, "rust", &solution("ref.rs"), false).await;
    let done = wait_done(&mut c, id).await;
    let result = &done["result"];
    assert_eq!(result["verdict"], "AC", "{done}");
    assert_eq!(result["tests"].as_array().unwrap().len(), result["total_tests"].as_u64().unwrap() as usize);
    assert!(result["instructions"].as_u64().unwrap() > 0);
    // lcs has a scaling series: the accepted solution's growth is measured beside the reference's.
    let scaling = &result["scaling"];
    assert_eq!(scaling["growth"], "quadratic", "an O(n·m) table on two strings of n letters: {scaling}");
    assert_eq!(scaling["points"], scaling["reference"], "the reference itself traces the reference curve");
    let index = c.get("/problems").await;
    assert!(
        index.body.contains("data-problem=\"lcs\" data-status=\"solved\""),
        "an accepted submission marks the problem solved"
    );
    assert!(index.body.contains("data-problem=\"bounded-knapsack\" data-status=\"new\""));
    let solved = c.get("/problems?status=solved").await;
    assert_eq!(solved.body.matches("class=\"problem-row ").count(), 1, "only lcs is solved");
    assert!(solved.body.contains("Solved (1)"));
    let lesson = c.get("/lessons/dsa-dp-lcs-knapsack").await;
    assert!(lesson.body.contains("<li data-status=\"solved\"><a href=\"/problems/lcs\""), "the lesson shows it solved");
    assert!(lesson.body.contains("<li data-status=\"new\"><a href=\"/problems/bounded-knapsack\""));

    let wrong = "fn lcs(a: &str, b: &str) -> i32 { (a.len() + b.len()) as i32 }\n";
    let id = submit(&mut c, "rust", wrong, true).await;
    let done = wait_done(&mut c, id).await;
    let result = &done["result"];
    assert_eq!(result["verdict"], "WA", "{done}");
    let first = &result["tests"][0];
    assert_eq!(first["sample"], true);
    let io = first["io"].as_array().expect("sample tests show input, expected and actual");
    assert_ne!(io[1], io[2], "expected and actual differ");

    let broken = "fn lcs(a: &str, b: &str) -> i32 { let x: i32 = \"no\"; x }\n";
    let id = submit(&mut c, "rust", broken, true).await;
    let done = wait_done(&mut c, id).await;
    assert_eq!(done["result"]["verdict"], "CE");
    assert!(done["result"]["message"].as_str().unwrap().contains("mismatched types"), "{done}");

    // Every starter the problem page offers compiles: a learner's first run is never a CE.
    let problem = c.call("problem", &[("id", "lcs")]).await.json();
    for starter in problem["starters"].as_array().unwrap() {
        let (lang, code) = (starter[0].as_str().unwrap(), starter[1].as_str().unwrap());
        assert!(lang == "rust" || lang == "go", "languages travel by their one spelling: {lang}");
        let id = submit(&mut c, lang, code, true).await;
        let done = wait_done(&mut c, id).await;
        // Rust's starter panics in todo!() (RE), Go's returns 0 (WA); neither fails to compile.
        let verdict = done["result"]["verdict"].as_str().unwrap();
        assert!(verdict == "WA" || verdict == "RE", "{lang} starter: {done}");
    }

    let history = c.call("submissions", &[("problem_id", "lcs")]).await.json();
    assert_eq!(history.as_array().unwrap().len(), 5);
    // "Restore into editor": the code of one's own submission, never another learner's.
    let oldest = history.as_array().unwrap().last().unwrap()["id"].as_i64().unwrap().to_string();
    let code = c.call("submission_source", &[("id", &oldest)]).await;
    assert_eq!(code.status, 200, "{}", code.body);
    assert_eq!(code.json(), serde_json::json!(["rust", solution("ref.rs")]));
    let mut stranger = s.client();
    stranger.sign_up("stranger", "long enough").await;
    assert_eq!(stranger.call("submission_source", &[("id", &oldest)]).await.status, 404);
    // Solved: the problem is in the review queue, due within the week.
    let due = c.call("review_summary", &[]).await.json();
    assert_eq!(due["due_week"], 1, "{due}");
    s.stop().await;
}

async fn progress_streams_as_server_sent_events_to_the_owner_only(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(judged_config(db)).await;
    let mut c = s.client();
    c.sign_up("watcher", "long enough").await;
    let id = submit(&mut c, "rust", &solution("ref.rs"), false).await;

    let mut stranger = s.client();
    stranger.sign_up("stranger", "long enough").await;
    let path = format!("/api/submissions/{id}/events");
    assert_eq!(stranger.get(&path).await.status, 404);
    assert_eq!(s.client().get(&path).await.status, 401);

    // The stream ends by itself after the finished event.
    let body = tokio::time::timeout(Duration::from_secs(240), c.get(&path)).await.expect("stream did not end");
    assert_eq!(body.status, 200);
    let events: Vec<serde_json::Value> = body
        .body
        .lines()
        .filter_map(|l| l.strip_prefix("data:"))
        .map(|d| serde_json::from_str(d.trim()).unwrap())
        .collect();
    let last = events.last().unwrap();
    assert_eq!(last["finished"], true);
    assert_eq!(last["verdict"], "AC");
    assert_eq!(last["done"], last["total"]);
    s.stop().await;
}

async fn a_submission_whose_worker_died_is_judged_when_its_lease_runs_out(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    // A learner, then a worker that claims their submission and dies without a word (as under
    // kill -9): its lease is never renewed.
    let s = TestServer::start_with(ServeConfig::for_tests(db.clone())).await;
    let mut c = s.client();
    c.sign_up("crashy", "long enough").await;
    s.stop().await;
    let store = Store::open(&db).await.unwrap();
    let user = store.credentials("crashy").await.unwrap().unwrap().id;
    let source = solution("ref.rs");
    let new = NewSubmission {
        user,
        problem_id: "lcs",
        language: domain::Language::Rust,
        source: &source,
        samples_only: true,
        fair_key: "user:crashy",
        custom_input: None,
    };
    let limits = PendingLimits { per_learner: 3, per_fair_key: 3, per_minute: 100 };
    let Enqueue::Queued(id) = store.enqueue_submission(&new, limits).await.unwrap() else { panic!("not queued") };
    let dead = store.claim_next_submission(2).await.unwrap().expect("claimed");
    assert_eq!(dead.id, id);
    store.close().await;

    // A live worker (in a new server) picks it up once the lease has run out: no restart of
    // anything that held it, no manual step.
    let mut config = judged_config(db);
    config.judge.lease_seconds = 2;
    let s = TestServer::start_with(config).await;
    let mut c2 = s.client();
    c2.session = c.session.clone();
    let done = wait_done(&mut c2, id).await;
    assert_eq!(done["result"]["verdict"], "AC");
    s.stop().await;
}

async fn one_learners_slow_compiles_do_not_hold_up_another_learner(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(judged_config(db)).await;
    let mut hostile = s.client();
    hostile.sign_up("spinner", "long enough").await;
    let mut learner = s.client();
    learner.sign_up("ordinary", "long enough").await;
    // A const-eval loop keeps rustc busy until the compile limit stops it.
    let spin = "const X: u64 = { let mut i: u64 = 1; while i != 0 { i = i.wrapping_mul(3); } i };\nfn lcs(_a: &str, _b: &str) -> i32 { X as i32 }\n";
    let mut slow = Vec::new();
    for n in 0..3 {
        slow.push(submit(&mut hostile, "rust", &format!("{spin}// {n}\n"), true).await);
    }
    // Wait until the first slow one holds the only worker, then submit an ordinary solution.
    let deadline = Instant::now() + Duration::from_secs(240);
    while hostile.call("submission", &[("id", &slow[0].to_string())]).await.json()["status"] != "running" {
        assert!(Instant::now() < deadline, "the judge never started");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let started = Instant::now();
    let id = submit(&mut learner, "rust", &solution("ref.rs"), true).await;
    let done = wait_done(&mut learner, id).await;
    eprintln!("ordinary submission behind a slow compile: verdict after {:?}", started.elapsed());
    assert_eq!(done["result"]["verdict"], "AC");
    // It went before the spinner's second and third: they are still waiting or running.
    for later in &slow[1..] {
        let s = hostile.call("submission", &[("id", &later.to_string())]).await.json();
        assert_ne!(s["status"], "done", "the spinner's later submission {later} was judged before the other learner's");
    }
    s.stop().await;
}

async fn bad_submissions_are_refused(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(judged_config(db)).await;
    let mut c = s.client();
    let anon = c
        .call("submit", &[("problem_id", "lcs"), ("language", "rust"), ("source", "x"), ("samples_only", "true")])
        .await;
    assert_eq!(anon.status, 401);
    c.sign_up("refused", "long enough").await;
    let cases =
        [(("nope", "rust", "fn x() {}"), 404), (("lcs", "cobol", "fn x() {}"), 400), (("lcs", "rust", "   "), 400)];
    for ((problem, lang, source), status) in cases {
        let r = c
            .call(
                "submit",
                &[("problem_id", problem), ("language", lang), ("source", source), ("samples_only", "true")],
            )
            .await;
        assert_eq!(r.status, status, "{problem} {lang}: {}", r.body);
    }
    let long = "a".repeat(50_001);
    let r = c
        .call("submit", &[("problem_id", "lcs"), ("language", "rust"), ("source", &long), ("samples_only", "true")])
        .await;
    assert_eq!(r.status, 400, "over the source limit");
    // Percent-encoding triples this one past the request body limit.
    let huge = "/".repeat(100_000);
    let r = c
        .call("submit", &[("problem_id", "lcs"), ("language", "rust"), ("source", &huge), ("samples_only", "true")])
        .await;
    assert_eq!(r.status, 413);
    assert_eq!(c.call("submission", &[("id", "999")]).await.status, 404);
    s.stop().await;
}

/// A const-eval loop keeps rustc busy until the compile limit (10 s) stops it.
const COMPILE_SPIN: &str = "const X: u64 = { let mut i: u64 = 1; while i != 0 { i = i.wrapping_mul(3); } i };\nfn lcs(_a: &str, _b: &str) -> i32 { X as i32 }\n";

async fn status_of(c: &mut Client, id: i64) -> serde_json::Value {
    c.call("submission", &[("id", &id.to_string())]).await.json()
}

async fn a_learner_cancels_a_running_and_a_waiting_submission(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(judged_config(db)).await;
    let mut c = s.client();
    c.sign_up("canceller", "long enough").await;
    let running = submit(&mut c, "rust", COMPILE_SPIN, false).await;
    let waiting = submit(&mut c, "rust", &solution("ref.rs"), false).await;
    let deadline = Instant::now() + Duration::from_secs(240);
    while status_of(&mut c, running).await["status"] != "running" {
        assert!(Instant::now() < deadline, "the judge never started");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Let the compiler get going, then cancel the waiting one first: it never runs.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(c.call("cancel_submission", &[("id", &waiting.to_string())]).await.status, 200);
    let w = status_of(&mut c, waiting).await;
    assert_eq!((w["status"].as_str(), w["result"]["verdict"].as_str()), (Some("done"), Some("cancelled")));

    let asked = Instant::now();
    let r = c.call("cancel_submission", &[("id", &running.to_string())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let done = loop {
        let v = status_of(&mut c, running).await;
        if v["status"] == "done" {
            break v;
        }
        // Well inside the 10 s the compile would take if nothing stopped it.
        assert!(asked.elapsed() < Duration::from_secs(5), "still {} after {:?}", v["status"], asked.elapsed());
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    eprintln!("cancel → stored cancellation of a running compile: {:?}", asked.elapsed());
    assert_eq!(done["result"]["verdict"], "cancelled");
    let again = c.call("cancel_submission", &[("id", &running.to_string())]).await;
    assert_eq!(again.status, 400, "already finished: {}", again.body);
    let mut other = s.client();
    other.sign_up("bystander", "long enough").await;
    assert_eq!(other.call("cancel_submission", &[("id", &waiting.to_string())]).await.status, 404, "not theirs");

    // The worker is free again and judges the next one normally.
    let next = submit(&mut c, "rust", &solution("ref.rs"), true).await;
    assert_eq!(wait_done(&mut c, next).await["result"]["verdict"], "AC");

    // The history lists all three, newest first, each with a way to open and restore it.
    let history = c.call("history_html", &[("problem_id", "lcs")]).await;
    assert_eq!(history.status, 200);
    let html = history.json().as_str().unwrap_or_default().to_string();
    let rows: Vec<usize> = [next, waiting, running]
        .iter()
        .map(|id| html.find(&format!("data-submission=\"{id}\"")).unwrap_or_else(|| panic!("{id} listed: {html}")))
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "newest first: {html}");
    assert_eq!(html.matches(">Cancelled<").count(), 2, "{html}");
    assert!(
        html.contains(&format!("href=\"/submissions/{next}\"")) && html.contains(&format!("data-restore=\"{next}\""))
    );
    let page = c.call("submission_page_html", &[("id", &running.to_string())]).await.json();
    assert!(page.as_str().unwrap_or_default().contains("wrapping_mul"), "its code is on its page");
    assert_eq!(other.call("submission_page_html", &[("id", &running.to_string())]).await.status, 404);
    s.stop().await;
}

async fn a_custom_input_runs_beside_the_reference(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(judged_config(db)).await;
    let mut c = s.client();
    c.sign_up("experimenter", "long enough").await;
    let wrong = "fn lcs(a: &str, b: &str) -> i32 { a.len().min(b.len()) as i32 }";
    let run = |source: &str, input: &str| {
        [
            ("problem_id", "lcs".to_string()),
            ("language", "rust".into()),
            ("source", source.into()),
            ("input", input.into()),
        ]
    };
    let args = run(wrong, "kitten\nsitting\n");
    let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = c.call("run_custom", &pairs).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let done = wait_done(&mut c, r.json().as_i64().unwrap()).await;
    let custom = &done["result"]["custom"];
    assert_eq!(custom["yours"]["stdout"].as_str().map(str::trim), Some("6"));
    assert_eq!(custom["reference"]["stdout"].as_str().map(str::trim), Some("4"));
    assert_eq!(custom["same_output"], false);
    assert_eq!(done["result"]["title"], "Ran: output differs from the reference");
    let history = c.call("submissions", &[("problem_id", "lcs")]).await.json();
    assert_eq!(history.as_array().map(Vec::len), Some(0), "custom runs stay out of the history");

    let args = run(wrong, &"1".repeat(32_001));
    let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = c.call("run_custom", &pairs).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("at most 32000 bytes"), "{}", r.body);
    s.stop().await;
}

async fn a_learner_who_submits_too_often_is_told_when_to_try_again(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(judged_config(db)).await;
    let mut c = s.client();
    c.sign_up("hasty", "long enough").await;
    // Cancelled at once, so the pending cap never binds: only the rate does.
    for n in 0..20 {
        let id = submit(&mut c, "rust", &format!("fn lcs( // {n}"), true).await;
        assert_eq!(c.call("cancel_submission", &[("id", &id.to_string())]).await.status, 200);
        wait_done(&mut c, id).await;
    }
    let r = c
        .call("submit", &[("problem_id", "lcs"), ("language", "rust"), ("source", "fn lcs("), ("samples_only", "true")])
        .await;
    assert_eq!(r.status, 429, "a deliberate limit, not bad input: {}", r.body);
    assert!(r.body.contains("20 runs in a minute") && r.body.contains("try again in"), "{}", r.body);
    s.stop().await;
}
