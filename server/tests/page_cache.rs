//! Cached lesson pages never outlive what they show: a learner's own writes (from any of their
//! devices) and their verdicts show at once, visitors share one page with a nonce of its own per
//! response, and a cached visit still counts as the learner's last lesson. Both backends.

mod common;

use std::time::{Duration, Instant};

use common::{Client, TestServer, first_lesson};
use prep_server::ServeConfig;
use sqlx::Executor;
use store::Backend;

on_both_backends!(
    visitors_share_a_page_but_each_response_has_its_own_nonce,
    a_learners_writes_show_on_their_next_visit_from_any_device,
    a_cached_visit_still_moves_continue_where_you_left_off,
    a_verdict_shows_on_the_lesson_page_it_was_cached_before,
    a_write_through_one_web_process_shows_through_another,
    pages_kept_while_a_process_heard_nothing_are_not_served_after,
);

async fn visitors_share_a_page_but_each_response_has_its_own_nonce(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let http = reqwest::Client::new();
    let (mut seen, mut bodies) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let res = http.get(s.url("/lessons/go-gmp-model")).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let headers = res.headers().clone();
        let body = res.text().await.unwrap();
        let policy = headers["content-security-policy"].to_str().unwrap();
        let named = policy.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).unwrap().to_string();
        let in_body: Vec<&str> = body.split("nonce=\"").skip(1).map(|r| r.split('"').next().unwrap()).collect();
        assert!(!in_body.is_empty(), "the page has scripts with nonces");
        assert!(in_body.iter().all(|n| *n == named), "every script carries the policy's nonce {named}: {in_body:?}");
        seen.push(named.clone());
        bodies.push(body.replace(&named, "NONCE"));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 3, "a fresh nonce per response, cached or not");
    for w in bodies.windows(2) {
        let at = w[0].bytes().zip(w[1].bytes()).position(|(a, b)| a != b).unwrap_or(w[0].len().min(w[1].len()));
        assert_eq!(
            w[0].len(),
            w[1].len(),
            "apart from the nonce, visitors get the same page; first difference at {at}: {:?} vs {:?}",
            &w[0][at.saturating_sub(80)..(at + 80).min(w[0].len())],
            &w[1][at.saturating_sub(80)..(at + 80).min(w[1].len())]
        );
        assert!(w[0] == w[1], "apart from the nonce, visitors get the same page; first difference at {at}");
    }
}

async fn a_learners_writes_show_on_their_next_visit_from_any_device(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut laptop = s.client();
    laptop.sign_up("cached", "long enough").await;
    let mut phone = s.client();
    let r = phone.call("login", &[("username", "cached"), ("password", "long enough")]).await;
    assert!(r.status < 400, "{}", r.body);
    let (lesson, question) = first_lesson(&mut laptop).await;
    let path = format!("/lessons/{lesson}");
    for c in [&laptop, &phone] {
        // Twice each: the second visit is served from the cache.
        for _ in 0..2 {
            assert!(!c.get(&path).await.body.contains("written on the phone"));
        }
    }

    let r = phone.call("answer", &[("question_id", &question), ("answer", "written on the phone")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    for c in [&laptop, &phone] {
        assert!(c.get(&path).await.body.contains("written on the phone"), "the answer shows on both devices");
    }

    let r = laptop.call("lesson_done", &[("lesson_id", &lesson), ("done", "true")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let page = phone.get(&path).await.body;
    assert!(page.contains("✓ Done — mark as not done"), "marked done on the other device: {}", done_part(&page));

    // A visitor's copy of the page never carries the learner's answer.
    assert!(!s.client().get(&path).await.body.contains("written on the phone"));
    // Logging out on the phone: the phone is a visitor again, the laptop still sees its answer.
    phone.call("logout", &[]).await;
    assert!(!phone.get(&path).await.body.contains("written on the phone"));
    assert!(laptop.get(&path).await.body.contains("written on the phone"));
}

/// The page's practice list, for failure messages.
fn practice_part(page: &str) -> &str {
    let at = page.find("class=\"practice\"").unwrap_or(0);
    &page[at..(at + 600).min(page.len())]
}

/// The part of a page around its done toggle, for failure messages.
fn done_part(page: &str) -> &str {
    let at = page.find("done").unwrap_or(0);
    &page[at.saturating_sub(300)..(at + 300).min(page.len())]
}

async fn a_cached_visit_still_moves_continue_where_you_left_off(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("reader", "long enough").await;
    let outline = c.call("outline", &[]).await.json();
    let lessons: Vec<String> = outline["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["lessons"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string()))
        .take(2)
        .collect();
    for lesson in [&lessons[0], &lessons[1], &lessons[0]] {
        assert_eq!(c.get(&format!("/lessons/{lesson}")).await.status, 200);
    }
    // The third visit was served from the cache; the visit is recorded in the background.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = continue_with(&mut c).await;
        if now == lessons[0] {
            break;
        }
        assert!(Instant::now() < deadline, "continue_with is still {now}, not {}", lessons[0]);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn continue_with(c: &mut Client) -> String {
    c.call("outline", &[]).await.json()["continue_with"]["id"].as_str().unwrap().to_string()
}

async fn a_verdict_shows_on_the_lesson_page_it_was_cached_before(backend: Backend) {
    let (db, _dir) = common::fresh_database(backend).await;
    let mut config = ServeConfig::for_tests(db);
    config.judge_workers = 1;
    let s = TestServer::start_with(config).await;
    let mut c = s.client();
    let r = c.sign_up("solver", "long enough").await;
    assert!(r.status < 400, "sign-up: {} {}", r.status, r.body);
    let path = "/lessons/dsa-dp-lcs-knapsack";
    let unsolved = "<li data-status=\"new\"><a href=\"/problems/lcs\"";
    // A loaded machine may answer "busy, try again" (503); a learner's browser would retry.
    let deadline = Instant::now() + Duration::from_secs(60);
    for _ in 0..2 {
        loop {
            let page = c.get(path).await;
            if page.status == 200 {
                assert!(page.body.contains(unsolved), "lcs is new on the lesson page: {}", practice_part(&page.body));
                break;
            }
            assert!(Instant::now() < deadline, "the lesson page: {} {}", page.status, practice_part(&page.body));
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/problems/lcs/solutions/ref.rs"),
    )
    .unwrap();
    let r = c
        .call("submit", &[("problem_id", "lcs"), ("language", "rust"), ("source", &source), ("samples_only", "false")])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    // From here on only GETs: nothing the learner sends marks the page stale, only the verdict
    // (the first judge start may compile Go's standard library first).
    let deadline = Instant::now() + Duration::from_secs(240);
    let mut visits = 0;
    while !c.get(path).await.body.contains("<li data-status=\"solved\"><a href=\"/problems/lcs\"") {
        visits += 1;
        assert!(Instant::now() < deadline, "the lesson page still shows lcs unsolved after 240 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(visits > 0, "the page was cached while the judge worked");
}

/// Postgres runs several web processes on one database: each keeps its own pages, and hears of
/// the others' writes through the store's notifications.
async fn a_write_through_one_web_process_shows_through_another(backend: Backend) {
    if backend == Backend::Sqlite {
        return; // one web process per SQLite database
    }
    let (db, _dir) = common::fresh_database(backend).await;
    let a = TestServer::start_with(ServeConfig::for_tests(db.clone())).await;
    let b = TestServer::start_with(ServeConfig::for_tests(db)).await;
    let mut on_a = a.client();
    on_a.sign_up("two-servers", "long enough").await;
    let mut on_b = b.client();
    on_b.session = on_a.session.clone();
    let (lesson, question) = first_lesson(&mut on_a).await;
    let path = format!("/lessons/{lesson}");
    for _ in 0..2 {
        assert!(!on_b.get(&path).await.body.contains("written through a"));
    }
    let r = on_a.call("answer", &[("question_id", &question), ("answer", "written through a")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !on_b.get(&path).await.body.contains("written through a") {
        assert!(Instant::now() < deadline, "the other web process still serves its old page after 10 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A web process whose notification connection dropped cannot know whose data changed while it
/// heard nothing: once it listens again, none of the pages it kept from before is served.
async fn pages_kept_while_a_process_heard_nothing_are_not_served_after(backend: Backend) {
    if backend == Backend::Sqlite {
        return; // no notification connection: every announcement stays in the process
    }
    let (db, _dir) = common::fresh_database(backend).await;
    let store::DatabaseUrl::Postgres(url) = &db else { unreachable!() };
    let a = TestServer::start_with(ServeConfig::for_tests(db.clone())).await;
    let mut on_a = a.client();
    on_a.sign_up("deaf-for-a-while", "long enough").await;
    let (lesson, question) = first_lesson(&mut on_a).await;
    let path = format!("/lessons/{lesson}");
    for _ in 0..2 {
        assert!(!on_a.get(&path).await.body.contains("written while a was deaf"));
    }

    // a's notification connection goes, and cannot come back until the database lets
    // connections in again; pooled ones stay.
    sqlx::any::install_default_drivers();
    let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(url).await.unwrap();
    let name: String = sqlx::query_scalar("SELECT current_database()::text").fetch_one(&mut admin).await.unwrap();
    // A database cannot shut its doors from the inside: the cluster's own database does it.
    let cluster = store::testing::postgres_cluster().expect("a Postgres test cluster");
    let mut outside = <sqlx::AnyConnection as sqlx::Connection>::connect(&cluster).await.unwrap();
    let allow = |yes: bool| format!("ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS {yes}");
    outside.execute(allow(false).as_str()).await.unwrap();
    let dropped: i64 = sqlx::query_scalar(
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'",
    )
    .fetch_one(&mut admin)
    .await
    .unwrap();
    assert_eq!(dropped, 1, "a listens");
    // Another process writes the learner's answer while a hears nothing (whatever it announces
    // is lost on the way to a).
    sqlx::query(
        "INSERT INTO answers (user_id, question_id, answer, updated_at)
         SELECT id, $1, 'written while a was deaf', $2 FROM users WHERE username = 'deaf-for-a-while'",
    )
    .bind(&question)
    .bind(store::now())
    .execute(&mut admin)
    .await
    .unwrap();
    // Long enough for a to fail to listen again at least once.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    outside.execute(allow(true).as_str()).await.unwrap();

    let deadline = Instant::now() + Duration::from_secs(10);
    while !on_a.get(&path).await.body.contains("written while a was deaf") {
        assert!(Instant::now() < deadline, "a still serves the page it kept while it heard nothing, after 10 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
