//! Demos over real HTTP: panels on lessons, refusals with a message, a run streamed as SSE with
//! its prediction counted on the dashboard, one demo per learner, and a closed stream ending
//! the run.

mod common;

use std::time::{Duration, Instant};

use common::{Client, TestServer};
use store::Backend;

on_both_backends!(a_run_streams_its_events_and_the_prediction_is_counted);

/// Reads an SSE response until `finished` (or the body ends); returns `(event, data)` pairs.
async fn events(mut res: reqwest::Response) -> Vec<(String, serde_json::Value)> {
    let mut text = String::new();
    let mut out = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while let Some(chunk) =
        tokio::time::timeout_at(deadline.into(), res.chunk()).await.expect("events in time").unwrap()
    {
        text.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = text.find("\n\n") {
            let block: String = text.drain(..end + 2).collect();
            let mut name = String::new();
            let mut data = String::new();
            for line in block.lines() {
                if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_string();
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data.push_str(d);
                }
            }
            if !name.is_empty() {
                let done = name == "finished";
                out.push((name, serde_json::from_str(&data).unwrap()));
                if done {
                    return out;
                }
            }
        }
    }
    out
}

fn run_request(c: &Client, demo: &str, form: &[(&str, &str)]) -> reqwest::RequestBuilder {
    let mut req = c.http.post(format!("{}/api/demos/{demo}/runs", c.base)).form(form);
    if let Some(s) = &c.session {
        req = req.header("cookie", format!("prep_session={s}"));
    }
    req
}

#[tokio::test]
async fn every_demo_a_lesson_links_exists_and_lessons_show_their_panels() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let catalog = catalog::load(&root.join("content")).unwrap();
    let mut linked = std::collections::BTreeSet::new();
    for lesson in &catalog.lessons {
        for demo in &lesson.demos {
            assert!(demo.title.is_some(), "lesson {} links demo {} which does not exist", lesson.id, demo.id);
            linked.insert(demo.id.to_string());
        }
    }
    assert!(linked.len() >= 22, "{} demo ids linked", linked.len());
    for demo in catalog.demos.values() {
        assert!(linked.contains(demo.id.as_str()), "demo {} is linked from no lesson", demo.id);
    }

    let s = TestServer::start().await;
    let c = s.client();
    let page = c.get("/lessons/go-work-stealing").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"data-run-url="/api/demos/work-stealing/runs""#), "the panel's form");
    assert!(page.body.contains(r#"name="workers""#) && page.body.contains(r#"name="skew""#), "its parameters");
    assert!(page.body.contains("data-chart="), "its chart frames");
    assert!(page.body.contains("/pkg/demo/panel.js"), "the chart code");
    assert!(page.body.contains(r##"href="#demo-work-stealing""##), "the practice list points at the panel");
    let alone = c.get("/demos/work-stealing").await;
    assert_eq!(alone.status, 200);
    assert!(alone.body.contains("/lessons/go-work-stealing"), "links back to its lesson");
    assert_eq!(c.get("/demos/no-such-demo").await.status, 404);
    s.stop().await;
}

#[tokio::test]
async fn bad_runs_are_refused_with_a_message_and_nothing_runs() {
    let s = TestServer::start().await;
    let mut c = s.client();
    c.call("guest", &[]).await;
    let refused = |r: common::Reply| (r.status, r.body);
    let r = c.send(run_request(&c, "work-stealing", &[("workers", "99")])).await;
    assert_eq!(refused(r), (400, "Workers (GOMAXPROCS) must be between 1 and 8 Ps".into()));
    let r = c.send(run_request(&c, "work-stealing", &[("skew", "sideways")])).await;
    assert_eq!(r.status, 400);
    assert!(r.body.starts_with("Skew must be one of: "), "{}", r.body);
    let r = c.send(run_request(&c, "work-stealing", &[("evil", "1")])).await;
    assert_eq!(refused(r), (400, "“evil” is not a parameter of this demo".into()));
    let r = c.send(run_request(&c, "no-such-demo", &[])).await;
    assert_eq!(r.status, 404);
    let cross = run_request(&c, "work-stealing", &[])
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site");
    assert_eq!(c.send(cross).await.status, 403);
    let stop = c.http.post(format!("{}/api/demos/runs/r999/stop", c.base));
    assert_eq!(c.send(stop).await.status, 404);
    s.stop().await;
}

async fn a_run_streams_its_events_and_the_prediction_is_counted(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    assert_eq!(c.sign_up("ada", "correct horse").await.status, 200);
    let form = [("workers", "2"), ("tasks", "2000"), ("skew", "high"), ("prediction", "1")];
    let res = run_request(&c, "work-stealing", &form).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/event-stream");
    let events = events(res).await;
    let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
    // The demo may still be compiling (the server builds demos in the background at start-up):
    // then one note says so before the run starts.
    let first_after_build = names.iter().position(|n| *n != "note").unwrap_or(names.len());
    assert!(first_after_build <= 1, "at most the compile note comes first: {names:?}");
    assert_eq!(names.get(first_after_build), Some(&"started"), "{names:?}");
    assert!(names.contains(&"runtime") && names.contains(&"sample") && names.contains(&"result"), "{names:?}");
    let (_, runtime) = events.iter().find(|(n, _)| n == "runtime").unwrap();
    assert_eq!(runtime["gomaxprocs"], 2, "the demo set GOMAXPROCS to its workers");
    let (_, finished) = events.last().unwrap();
    assert_eq!(finished["status"], "completed", "{finished}");
    assert_eq!(finished["rejected"], 0);
    let (_, result) = events.iter().find(|(n, _)| n == "result").unwrap();
    assert_eq!(result["prediction"], "1");
    let correct = result["correct"].as_bool().expect("judged");

    let dashboard = c.call("dashboard", &[]).await.json();
    assert_eq!(dashboard["predictions_made"], 1);
    assert_eq!(dashboard["predictions_right"], i64::from(correct));
    assert_eq!(dashboard["recent_predictions"][0]["demo_id"], "work-stealing");
    assert!(dashboard["recent_predictions"][0]["params"].as_str().unwrap().contains("workers=2"));
    s.stop().await;
}

#[tokio::test]
async fn one_demo_per_learner_and_a_closed_stream_ends_the_run() {
    let s = TestServer::start().await;
    let mut c = s.client();
    c.call("guest", &[]).await;
    // rate-limiter runs in real time for `duration` seconds.
    let long = [("duration", "5")];
    let mut first = run_request(&c, "rate-limiter", &long).send().await.unwrap();
    assert_eq!(first.status(), 200);
    // Wait until it runs (its first event is `started` once built and given a slot).
    let chunk = tokio::time::timeout(Duration::from_secs(120), first.chunk()).await.unwrap().unwrap().unwrap();
    assert!(String::from_utf8_lossy(&chunk).contains("event: started"));
    let second = c.send(run_request(&c, "rate-limiter", &long)).await;
    assert_eq!(
        (second.status, second.body.as_str()),
        (409, "You already have a demo running; stop it or wait for it to finish.")
    );
    let other = s.client();
    let other_run = run_request(&other, "rate-limiter", &[("duration", "1")]).send().await.unwrap();
    assert_eq!(other_run.status(), 200, "another learner may run one at the same time");
    drop(other_run);

    let closed_at = Instant::now();
    drop(first);
    // Within a couple of keep-alive intervals the run is gone and the learner may start again.
    loop {
        let again = run_request(&c, "rate-limiter", &[("duration", "1")]).send().await.unwrap();
        if again.status() == 200 {
            break;
        }
        assert_eq!(again.status(), 409);
        assert!(closed_at.elapsed() < Duration::from_secs(4), "the closed stream's run kept going");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(closed_at.elapsed() < Duration::from_secs(4));
    s.stop().await;
}
