//! The scale-out topology for real: one Postgres, two web processes and two judge-worker
//! processes (the `prep` binary itself) on loopback. Learners submit through both web
//! processes; one worker is killed with SIGKILL while it judges. Every submission still ends
//! with the right verdict, stored once, and every learner's event stream ends with it.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{Client, fresh_database};
use store::{Backend, DatabaseUrl};

const LEASE_SECONDS: &str = "3";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A child process that is killed when the test ends, however it ends.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn prep(args: &[&str], db: &DatabaseUrl) -> Command {
    let root = root();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prep"));
    cmd.args(args)
        .arg(format!("--database={db}"))
        .arg(format!("--content={}", root.join("content").display()))
        .arg(format!("--judge-cache={}", root.join("data/judge").display()))
        .arg(format!("--go-root={}", root.join("tools/go").display()))
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "info")
        .stdin(Stdio::null());
    cmd
}

fn start_web(db: &DatabaseUrl) -> (Process, String) {
    let port = free_port();
    let site = root().join("target/site");
    let child = prep(&["serve", &format!("--addr=127.0.0.1:{port}"), "--judge-workers=0", "--external-workers"], db)
        .arg(format!("--site={}", site.display()))
        .arg(format!("--demo-cache={}", root().join("target/demo-test-cache").display()))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    (Process(child), format!("http://127.0.0.1:{port}"))
}

/// A worker, and the ids of the submissions it says it starts judging.
fn start_worker(db: &DatabaseUrl) -> (Process, mpsc::Receiver<i64>) {
    let mut child = prep(&["worker", "--workers=1", &format!("--lease-seconds={LEASE_SECONDS}")], db)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains(" judging") {
                let id =
                    line.split("submission=").nth(1).and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok());
                if let Some(id) = id {
                    let _ = tx.send(id);
                }
            }
        }
    });
    (Process(child), rx)
}

async fn wait_until_up(base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while reqwest::get(format!("{base}/")).await.map(|r| r.status().as_u16()).ok() != Some(200) {
        assert!(Instant::now() < deadline, "{base} did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn client(base: &str) -> Client {
    Client {
        base: base.to_string(),
        http: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(),
        session: None,
    }
}

fn source(file: &str) -> String {
    std::fs::read_to_string(root().join("content/problems/lcs/solutions").join(file)).unwrap()
}

/// Reads a submission's whole event stream; returns its data events.
async fn events(base: String, session: String, id: i64) -> Vec<serde_json::Value> {
    let res = reqwest::Client::new()
        .get(format!("{base}/api/submissions/{id}/events"))
        .header("cookie", format!("prep_session={session}"))
        .send()
        .await
        .unwrap();
    let body = tokio::time::timeout(Duration::from_secs(300), res.text()).await.expect("stream ended").unwrap();
    body.lines().filter_map(|l| l.strip_prefix("data:")).map(|d| serde_json::from_str(d.trim()).unwrap()).collect()
}

#[tokio::test]
async fn two_web_and_two_worker_processes_survive_a_killed_worker() {
    if store::testing::postgres_cluster().is_none() {
        return;
    }
    let (db, _dir) = fresh_database(Backend::Postgres).await;
    let (web_a, base_a) = start_web(&db);
    wait_until_up(&base_a).await;
    let (web_b, base_b) = start_web(&db);
    wait_until_up(&base_b).await;
    let (mut doomed, doomed_claims) = start_worker(&db);
    let (survivor, _) = start_worker(&db);

    // Four learners, two on each web process, three submissions each.
    let kinds = [
        ("rust", source("ref.rs"), "AC"),
        ("go", source("ref.go"), "AC"),
        ("rust", "fn lcs(a: &str, b: &str) -> i32 { (a.len() + b.len()) as i32 }\n".to_string(), "WA"),
    ];
    let mut submitted = Vec::new();
    for learner in 0..4 {
        let base = if learner % 2 == 0 { &base_a } else { &base_b };
        let mut c = client(base);
        assert_eq!(c.sign_up(&format!("learner{learner}"), "long enough").await.status, 200);
        for (lang, code, verdict) in &kinds {
            let code = format!("{code}\n// learner {learner}\n");
            let r = c
                .call(
                    "submit",
                    &[("problem_id", "lcs"), ("language", lang), ("source", &code), ("samples_only", "false")],
                )
                .await;
            assert_eq!(r.status, 200, "{}", r.body);
            let id = r.json().as_i64().unwrap();
            let stream = tokio::spawn(events(base.clone(), c.session.clone().unwrap(), id));
            submitted.push((id, *verdict, base.clone(), c.session.clone().unwrap(), stream));
        }
    }

    // Kill one worker with SIGKILL while it is judging.
    let killed = doomed_claims.recv_timeout(Duration::from_secs(240)).expect("the first worker never started judging");
    doomed.0.kill().unwrap();
    doomed.0.wait().unwrap();
    eprintln!("killed a worker while it judged submission {killed}");

    for (id, verdict, base, session, stream) in submitted {
        let events = stream.await.unwrap();
        let finished: Vec<_> = events.iter().filter(|e| e["finished"] == true).collect();
        assert_eq!(finished.len(), 1, "submission {id}: exactly one final event: {events:?}");
        assert_eq!(finished[0]["verdict"], verdict, "submission {id}'s stream ends with its verdict");
        let mut c = client(&base);
        c.session = Some(session);
        let row = c.call("submission", &[("id", &id.to_string())]).await.json();
        assert_eq!((row["status"].as_str(), row["result"]["verdict"].as_str()), (Some("done"), Some(verdict)), "{id}");
    }
    drop((web_a, web_b, survivor));
}
