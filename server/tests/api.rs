//! The API and pages over real HTTP, against SQLite and Postgres alike.

mod common;

use common::{TestServer, first_lesson};
use store::Backend;

on_both_backends!(
    home_lesson_and_404_pages_render_on_the_server,
    sign_up_log_out_and_log_in,
    bad_sign_ups_say_why,
    progress_is_saved_and_shown_on_the_dashboard,
    bad_progress_requests_are_refused_without_side_effects,
    a_guest_claims_the_account_and_keeps_progress,
    signing_up_as_a_guest_claims_the_guest_account,
    sessions_survive_a_restart,
    cross_origin_posts_are_refused,
    oversized_and_malformed_bodies_get_4xx,
    repeated_failed_logins_are_throttled,
    continue_points_at_the_last_lesson_until_it_is_done,
    problems_linked_from_lessons_have_pages,
    drafts_follow_the_learner_and_bad_ones_are_refused,
    a_rated_question_enters_the_review_queue,
);

async fn home_lesson_and_404_pages_render_on_the_server(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    let (lesson, _) = first_lesson(&mut c).await;
    let home = c.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("class=\"outline\""), "{}", &home.body[..500.min(home.body.len())]);
    assert!(home.body.contains(&format!("/lessons/{lesson}")));

    let page = c.get(&format!("/lessons/{lesson}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("class=\"prose\""));
    assert!(page.body.contains("On this page"));
    assert!(page.body.contains("/pkg/prep.js"), "hydration script missing");

    assert_eq!(c.get("/lessons/no-such-lesson").await.status, 404);
    let missing = c.get("/no/such/page").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("404"));
    s.stop().await;
}

async fn sign_up_log_out_and_log_in(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    assert!(c.me().await.is_null());
    let r = c.sign_up("ada", "correct horse").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(c.me().await["username"], "ada");

    assert_eq!(c.call("logout", &[]).await.status, 200);
    assert!(c.session.is_none());
    assert!(c.me().await.is_null());

    let wrong = c.call("login", &[("username", "ada"), ("password", "wrong password")]).await;
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.json(), serde_json::json!("WrongCredentials"));
    let unknown = c.call("login", &[("username", "nobody"), ("password", "whatever1")]).await;
    assert_eq!(unknown.status, 401, "unknown users look like wrong passwords");

    let ok = c.call("login", &[("username", "ADA"), ("password", "correct horse")]).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(c.me().await["username"], "ada");
    s.stop().await;
}

async fn bad_sign_ups_say_why(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("grace", "long enough").await;
    let mut other = s.client();
    let taken = other.sign_up("Grace", "long enough").await;
    assert_eq!(taken.status, 409);
    assert!(taken.body.contains("UsernameTaken"));
    let short = other.sign_up("bob", "short").await;
    assert_eq!(short.status, 400);
    assert!(short.body.contains("at least 8 characters"), "{}", short.body);
    let empty = other.sign_up("", "long enough").await;
    assert_eq!(empty.status, 400);
    let long = other.sign_up(&"x".repeat(100), "long enough").await;
    assert_eq!(long.status, 400);
    let missing = other.call("signup", &[("username", "bob")]).await;
    assert_eq!(missing.status, 400, "{}", missing.body);
    assert!(other.session.is_none());
    s.stop().await;
}

async fn progress_is_saved_and_shown_on_the_dashboard(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("linus", "kernel hacker").await;
    let (lesson, question) = first_lesson(&mut c).await;

    let done = c.call("lesson_done", &[("lesson_id", &lesson), ("done", "true")]).await;
    assert_eq!((done.status, done.json()), (200, serde_json::json!(true)));
    let saved = c.call("answer", &[("question_id", &question), ("answer", "Because of work stealing.")]).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    for rating in ["again", "good"] {
        let r = c.call("rate", &[("question_id", &question), ("rating", rating)]).await;
        assert_eq!(r.status, 200, "{}", r.body);
    }

    let view = c.call("lesson", &[("id", &lesson)]).await.json();
    assert_eq!(view["done"], true);
    assert_eq!(view["questions"][0]["my_answer"], "Because of work stealing.");
    assert_eq!(view["questions"][0]["last_rating"], "good", "ratings travel as they are stored");

    let dash = c.call("dashboard", &[]).await.json();
    assert_eq!(dash["lessons_done"], 1);
    assert_eq!(dash["questions_answered"], 1);
    assert_eq!(dash["ratings_given"], 2, "every rating is kept");
    let days = dash["days"].as_array().unwrap();
    assert_eq!(days.len(), 365);
    let today = days.last().unwrap();
    assert_eq!(today["date"], chrono::Utc::now().format("%Y-%m-%d").to_string());
    // started + done + answer + two ratings
    assert_eq!(today["count"], 5);

    let outline = c.call("outline", &[]).await.json();
    let first = &outline["sections"][0]["lessons"][0];
    assert_eq!(first["done"], true);
    s.stop().await;
}

async fn bad_progress_requests_are_refused_without_side_effects(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut anon = s.client();
    let (lesson, question) = first_lesson(&mut anon).await;
    assert_eq!(anon.call("lesson_done", &[("lesson_id", &lesson), ("done", "true")]).await.status, 401);
    assert_eq!(anon.call("dashboard", &[]).await.status, 401);

    let mut c = s.client();
    c.sign_up("barbara", "liskov subst").await;
    assert_eq!(c.call("lesson_done", &[("lesson_id", "nope"), ("done", "true")]).await.status, 404);
    assert_eq!(c.call("answer", &[("question_id", "nope"), ("answer", "x")]).await.status, 404);
    assert_eq!(c.call("answer", &[("question_id", &question), ("answer", "   ")]).await.status, 400);
    let huge = "y".repeat(10_001);
    assert_eq!(c.call("answer", &[("question_id", &question), ("answer", &huge)]).await.status, 400);
    assert_eq!(c.call("rate", &[("question_id", &question), ("rating", "meh")]).await.status, 400);
    assert_eq!(c.call("lesson", &[("id", "nope")]).await.status, 404);
    assert_eq!(c.call("lesson_done", &[("lesson_id", &lesson), ("done", "maybe")]).await.status, 400);
    let dash = c.call("dashboard", &[]).await.json();
    assert_eq!(dash["questions_answered"], 0);
    assert_eq!(dash["ratings_given"], 0);
    assert_eq!(dash["lessons_done"], 0);
    s.stop().await;
}

async fn a_guest_claims_the_account_and_keeps_progress(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    assert_eq!(c.call("guest", &[]).await.status, 200);
    assert!(c.session.is_some());
    assert_eq!(c.me().await, serde_json::json!({ "username": null }));
    let (lesson, question) = first_lesson(&mut c).await;
    c.call("answer", &[("question_id", &question), ("answer", "guest answer")]).await;
    c.call("lesson_done", &[("lesson_id", &lesson), ("done", "true")]).await;

    let claimed = c.call("claim", &[("username", "margaret"), ("password", "apollo guidance")]).await;
    assert_eq!(claimed.status, 200, "{}", claimed.body);
    assert_eq!(c.me().await["username"], "margaret");
    let again = c.call("claim", &[("username", "other"), ("password", "apollo guidance")]).await;
    assert_eq!(again.status, 400, "a named account cannot be claimed twice");

    // Log in from a second device: the guest's progress is there.
    let mut other = s.client();
    let r = other.call("login", &[("username", "margaret"), ("password", "apollo guidance")]).await;
    assert_eq!(r.status, 200);
    let view = other.call("lesson", &[("id", &lesson)]).await.json();
    assert_eq!(view["done"], true);
    assert_eq!(view["questions"][0]["my_answer"], "guest answer");
    s.stop().await;
}

async fn signing_up_as_a_guest_claims_the_guest_account(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.call("guest", &[]).await;
    let (lesson, _) = first_lesson(&mut c).await;
    c.call("lesson_done", &[("lesson_id", &lesson), ("done", "true")]).await;
    assert_eq!(c.sign_up("alan", "turing test").await.status, 200);
    assert_eq!(c.call("dashboard", &[]).await.json()["lessons_done"], 1);
    s.stop().await;
}

async fn sessions_survive_a_restart(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("edsger", "goto harmful").await;
    let (lesson, _) = first_lesson(&mut c).await;
    c.call("lesson_done", &[("lesson_id", &lesson), ("done", "true")]).await;
    let token = c.session.clone();
    let db = s.db.clone();
    let dir = s.stop().await;

    let s2 = TestServer::start_with(prep_server::ServeConfig::for_tests(db)).await;
    let mut c2 = s2.client();
    c2.session = token;
    assert_eq!(c2.me().await["username"], "edsger");
    assert_eq!(c2.call("dashboard", &[]).await.json()["lessons_done"], 1);
    s2.stop().await;
    drop(dir);
}

async fn cross_origin_posts_are_refused(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    let req = c
        .http
        .post(s.url("/api/signup"))
        .header("origin", "http://evil.example")
        .form(&[("username", "mallory"), ("password", "password123")]);
    let r = c.send(req).await;
    assert_eq!(r.status, 403);
    let req = c.http.post(s.url("/api/guest")).header("sec-fetch-site", "cross-site");
    assert_eq!(c.send(req).await.status, 403);
    assert!(c.session.is_none());
    let same = c.http.post(s.url("/api/guest")).header("origin", format!("http://{}", s.addr));
    assert_eq!(c.send(same).await.status, 200);
    s.stop().await;
}

async fn oversized_and_malformed_bodies_get_4xx(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("ken", "thompson unix").await;
    let big = "z".repeat(300 * 1024);
    let r = c.call("answer", &[("question_id", "x"), ("answer", &big)]).await;
    assert_eq!(r.status, 413);
    let garbage =
        c.http.post(s.url("/api/rate")).header("content-type", "application/x-www-form-urlencoded").body("%%%&&&===");
    let r = c.send(garbage).await;
    assert_eq!(r.status, 400, "{}", r.body);
    // The server is still healthy.
    assert_eq!(c.me().await["username"], "ken");
    s.stop().await;
}

async fn repeated_failed_logins_are_throttled(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("victim", "right password").await;
    c.call("logout", &[]).await;
    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(c.call("login", &[("username", "victim"), ("password", "wrong guess")]).await.status);
    }
    assert_eq!(&statuses[..5], &[401; 5]);
    assert_eq!(statuses[5], 429, "{statuses:?}");
    let r = c.call("login", &[("username", "victim"), ("password", "right password")]).await;
    assert_eq!(r.status, 429, "even the right password waits out the lockout");
    assert!(r.body.contains("Throttled"));
    s.stop().await;
}

async fn continue_points_at_the_last_lesson_until_it_is_done(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    let outline = c.call("outline", &[]).await.json();
    let ids: Vec<String> = outline["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["lessons"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string()))
        .collect();
    assert!(ids.len() >= 3);
    assert_eq!(outline["continue_with"]["id"], ids[0].as_str(), "a visitor starts at the beginning");

    c.sign_up("ada2", "correct horse").await;
    c.call("lesson", &[("id", &ids[2])]).await;
    assert_eq!(c.call("outline", &[]).await.json()["continue_with"]["id"], ids[2].as_str());
    c.call("lesson_done", &[("lesson_id", &ids[2]), ("done", "true")]).await;
    assert_eq!(
        c.call("outline", &[]).await.json()["continue_with"]["id"],
        ids[3].as_str(),
        "after finishing the last lesson visited, continue with the next one"
    );
    s.stop().await;
}

async fn problems_linked_from_lessons_have_pages(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    let page = c.get("/problems/lcs").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Longest common subsequence"));
    assert!(page.body.contains("Starter code: Go") && page.body.contains("Starter code: Rust"));
    assert!(page.body.contains("/lessons/dsa-dp-lcs-knapsack"), "links back to its lesson");
    assert_eq!(c.get("/problems/no-such-problem").await.status, 404);
    let index = c.get("/problems").await;
    assert_eq!(index.status, 200);
    assert!(
        index.body.contains("href=\"/problems/lcs\"")
            && index.body.contains("href=\"/problems/union-find-components\"")
    );
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/problems");
    let problems =
        std::fs::read_dir(&root).unwrap().flatten().filter(|e| e.path().join("problem.toml").is_file()).count();
    assert!(index.body.contains(&format!("{problems} problems")), "every problem is listed");
    assert_eq!(index.body.matches("class=\"problem-row ").count(), problems);
    assert!(!index.body.contains("name=\"status\""), "a visitor has no status to filter on");
    assert!(
        index.body.contains("data-problem=\"worker-pool-results\"") && index.body.contains("Go only"),
        "a concurrency problem says it is Go only"
    );

    // Filters narrow the list, and the counts say what each choice would show.
    let manifests: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path().join("problem.toml")).ok())
        .collect();
    let hard = manifests.iter().filter(|m| m.contains("difficulty = \"hard\"")).count();
    assert!(hard > 0, "some problem is hard");
    let only_hard = c.get("/problems?difficulty=hard").await;
    assert_eq!(only_hard.body.matches("class=\"problem-row ").count(), hard);
    assert!(only_hard.body.contains(&format!("Showing {hard} of {problems} problems")));
    assert!(only_hard.body.contains(&format!("Hard ({hard})")), "the chosen difficulty shows its count");
    let dsa = c.get("/problems?section=dsa&tag=union-find").await;
    assert!(dsa.body.contains("href=\"/problems/union-find-components\""));
    assert!(!dsa.body.contains("href=\"/problems/rate-limiter\""), "another section's problem is filtered out");
    let unknown = c.get("/problems?tag=%3Cscript%3E&difficulty=impossible").await;
    assert_eq!(unknown.status, 200);
    assert!(unknown.body.contains("There is no tag “&lt;script&gt;”"), "an unknown value is named, escaped");
    assert!(unknown.body.contains("There is no difficulty “impossible”"));
    assert_eq!(unknown.body.matches("class=\"problem-row ").count(), problems, "and ignored");
    let api = c.call("problem", &[("id", "union-find-components")]).await;
    assert_eq!(api.status, 200);
    assert_eq!(api.json()["lesson"]["id"], "dsa-union-find-kruskal");
    s.stop().await;
}

#[tokio::test]
async fn expired_sessions_are_refused_and_purged_at_start() {
    use sqlx::ConnectOptions;
    let s = TestServer::start().await;
    let mut c = s.client();
    c.sign_up("expiring", "long enough").await;
    let db = s.db.clone();
    let dir = s.stop().await;

    // SHA-256 of "expired-token", as the server stores it.
    let hash = "b52b3ef2233858ce1156d85f235cf2c41eddfa8ca1eedc924398b9af1db303cb";
    let mut conn =
        sqlx::sqlite::SqliteConnectOptions::new().filename(db.sqlite_path().unwrap()).connect().await.unwrap();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, 1, 0, 1)")
        .bind(hash)
        .execute(&mut conn)
        .await
        .unwrap();
    drop(conn);

    let s2 = TestServer::start_with(prep_server::ServeConfig::for_tests(db.clone())).await;
    let mut conn =
        sqlx::sqlite::SqliteConnectOptions::new().filename(db.sqlite_path().unwrap()).connect().await.unwrap();
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE expires_at <= 1").fetch_one(&mut conn).await.unwrap();
    assert_eq!(left, 0, "expired sessions are deleted at start");
    let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&mut conn).await.unwrap();
    assert_eq!(live, 1, "the live session stays");
    let mut stale = s2.client();
    stale.session = Some("expired-token".into());
    assert!(stale.me().await.is_null());
    s2.stop().await;
    drop(dir);
}

async fn drafts_follow_the_learner_and_bad_ones_are_refused(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    let save = |problem: &'static str, language: &'static str, source: String| {
        [("problem_id", problem), ("language", language)]
            .map(|(k, v)| (k, v.to_string()))
            .into_iter()
            .chain([("source", source)])
            .collect::<Vec<_>>()
    };
    fn form<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        v.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }

    let anonymous = c.call("save_draft", &form(&save("lcs", "go", "package main".into()))).await;
    assert_eq!(anonymous.status, 401, "a visitor has nowhere to keep a draft");

    c.sign_up("drafter", "long enough").await;
    let draft = "package main\n\nfunc lcs(a, b string) int { return 0 } // mine".to_string();
    assert_eq!(c.call("save_draft", &form(&save("lcs", "go", draft.clone()))).await.status, 200);
    let problem = c.call("problem", &[("id", "lcs")]).await.json();
    assert_eq!(problem["drafts"], serde_json::json!([["go", draft]]), "{problem}");

    // Another device: log in afresh, the draft is there.
    let mut other = s.client();
    let login = other.call("login", &[("username", "drafter"), ("password", "long enough")]).await;
    assert_eq!(login.status, 200);
    assert_eq!(other.call("problem", &[("id", "lcs")]).await.json()["drafts"][0][1], draft.as_str());

    // Bad drafts get a clear message and change nothing.
    let refused = [
        (save("no-such-problem", "go", "x".into()), 404, "Problem"),
        (save("worker-pool-results", "rust", "fn main() {}".into()), 400, "cannot be solved in Rust"),
        (save("lcs", "cobol", "x".into()), 400, "rust or go"),
        (save("lcs", "go", "x".repeat(50_001)), 400, "at most 50000 bytes"),
        (save("lcs", "go", "bad\0byte".into()), 400, "NUL"),
    ];
    for (f, status, says) in refused {
        let r = c.call("save_draft", &form(&f)).await;
        assert_eq!(r.status, status, "{}", r.body);
        assert!(r.body.contains(says), "{status}: {}", r.body);
    }
    assert_eq!(c.call("problem", &[("id", "lcs")]).await.json()["drafts"][0][1], draft.as_str());

    assert_eq!(c.call("reset_draft", &[("problem_id", "lcs"), ("language", "go")]).await.status, 200);
    assert_eq!(c.call("problem", &[("id", "lcs")]).await.json()["drafts"], serde_json::json!([]));

    // The key bindings follow the learner too; nonsense is refused.
    assert_eq!(c.call("problem", &[("id", "lcs")]).await.json()["keymap"], "standard");
    assert_eq!(c.call("editor_keymap", &[("keymap", "vim")]).await.status, 200);
    assert_eq!(other.call("problem", &[("id", "lcs")]).await.json()["keymap"], "vim", "on the other device");
    let r = c.call("editor_keymap", &[("keymap", "emacs")]).await;
    assert_eq!((r.status, r.body.contains("standard or vim")), (400, true), "{}", r.body);
    s.stop().await;
}

async fn a_rated_question_enters_the_review_queue(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("reviewer", "long enough").await;
    let (_, question) = first_lesson(&mut c).await;
    let summary = |v: serde_json::Value| (v["due_now"].as_i64(), v["due_week"].as_i64());
    assert_eq!(summary(c.call("review_summary", &[]).await.json()), (Some(0), Some(0)), "nothing rated yet");
    assert!(!c.get("/").await.body.contains("review-summary"), "no review line for an empty queue");

    // A first Good: FSRS's initial stability for Good is 2.3 days, so due in two days.
    assert_eq!(c.call("rate", &[("question_id", &question), ("rating", "good")]).await.status, 200);
    assert_eq!(summary(c.call("review_summary", &[]).await.json()), (Some(0), Some(1)));
    // Again: back within the session (ten minutes), still not due this second.
    assert_eq!(c.call("rate", &[("question_id", &question), ("rating", "again")]).await.status, 200);
    assert_eq!(summary(c.call("review_summary", &[]).await.json()), (Some(0), Some(1)), "one card, moved");
    let home = c.get("/").await.body;
    assert!(home.contains("0 cards due today, 1 in the next 7 days"), "the home page says so");
    let mut visitor = s.client();
    assert_eq!(summary(visitor.call("review_summary", &[]).await.json()), (Some(0), Some(0)));

    // The review page's form: bad ratings are refused with a reason, a good one is logged.
    let rate = |kind: &'static str, id: &str, rating: &'static str| {
        vec![
            ("kind", kind.to_string()),
            ("card_id", id.to_string()),
            ("rating", rating.to_string()),
            ("ahead", "true".into()),
        ]
    };
    let refused = [
        (rate("question", "no-such-question", "good"), 404, "Review card"),
        (rate("question", &question, "meh"), 400, "again, hard, good or easy"),
        (rate("lesson", &question, "good"), 400, "question or problem"),
        (rate("problem", "lcs", "good"), 404, "Review card"),
    ];
    for (form, status, says) in refused {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = c.call("review_rate", &pairs).await;
        assert_eq!(r.status, status, "{}", r.body);
        assert!(r.body.contains(says), "{status}: {}", r.body);
    }
    let form = rate("question", &question, "easy");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(c.call("review_rate", &pairs).await.status, 200);
    let html = c.call("review_card_html", &[("ahead", "true")]).await.json();
    assert!(html.as_str().unwrap_or_default().contains("Nothing to review right now"), "just reviewed: skipped ahead");
    s.stop().await;
}
