//! A learner's data as files over real HTTP, on SQLite and Postgres: export, import (JSON body
//! and the page's multipart form), the Anki file, and a guest's progress merged on log-in.

mod common;

use common::{Client, Reply, TestServer, first_lesson};
use serde_json::Value;
use store::Backend;

on_both_backends!(
    an_export_imported_elsewhere_gives_the_same_dashboard_and_review_queue,
    bad_files_are_refused_and_change_nothing,
    the_import_form_works_without_javascript,
    the_anki_file_has_one_line_per_question,
    a_guest_logging_in_is_offered_a_merge,
    a_guest_can_discard_instead,
);

async fn export(c: &Client) -> Reply {
    c.get("/api/export").await
}

/// An export without what differs between accounts and moments (owner and time).
async fn progress(c: &Client) -> Value {
    let r = export(c).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mut v = r.json();
    v["exported_at"] = Value::Null;
    v["source"] = Value::Null;
    v
}

async fn import(c: &mut Client, body: impl Into<reqwest::Body>) -> Reply {
    let req = c.http.post(format!("{}/api/import", c.base)).header("content-type", "application/json").body(body);
    c.send(req).await
}

async fn dashboard(c: &mut Client) -> Value {
    let mut d = c.call("dashboard", &[]).await.json();
    d["username"] = Value::Null;
    d
}

/// The review queue as the learner sees it: the counts and which card comes first.
async fn review_queue(c: &mut Client) -> (Value, String) {
    let summary = c.call("review_summary", &[]).await.json();
    let card = c.call("review_card_html", &[("ahead", "false")]).await.json();
    let html = card.as_str().unwrap_or_default();
    let first = html.split("data-card=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or("none");
    (summary, first.to_string())
}

/// Lesson done, an answer with awkward characters, ratings, a note, a bookmark, a draft.
async fn study(c: &mut Client) -> (String, String) {
    let (lesson, question) = first_lesson(c).await;
    assert_eq!(c.call("lesson", &[("id", &lesson)]).await.status, 200);
    assert_eq!(c.call("lesson_done", &[("lesson_id", &lesson), ("done", "true")]).await.status, 200);
    let answer = "Work stealing:\n\t\"half\" the queue, <b>not</b> all & more";
    assert_eq!(c.call("answer", &[("question_id", &question), ("answer", answer)]).await.status, 200);
    for rating in ["again", "good"] {
        let r = c.call("rate", &[("question_id", &question), ("rating", rating)]).await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    let note = c.call("save_note", &[("kind", "lesson"), ("target_id", &lesson), ("body", "P, M and G.")]).await;
    assert!(note.status < 400, "{}", note.body);
    let mark = c.call("bookmark", &[("kind", "question"), ("target_id", &question), ("on", "true")]).await;
    assert!(mark.status < 400, "{}", mark.body);
    let draft = c.call("save_draft", &[("problem_id", "lcs"), ("language", "go"), ("source", "package main\n")]).await;
    assert_eq!(draft.status, 200, "{}", draft.body);
    (lesson, question)
}

async fn an_export_imported_elsewhere_gives_the_same_dashboard_and_review_queue(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut ada = s.client();
    ada.sign_up("ada", "correct horse").await;
    study(&mut ada).await;
    let file = export(&ada).await;
    assert_eq!(file.status, 200);
    let doc = file.json();
    assert_eq!((doc["format"].as_str(), doc["version"].as_u64()), (Some("prep-export"), Some(1)));
    assert_eq!(doc["source"]["username"], "ada");
    assert_eq!(doc["lessons"][0]["status"], "done");
    assert_eq!(doc["ratings"].as_array().unwrap().len(), 2);
    assert_eq!(doc["notes"].as_array().unwrap().len(), 1);
    assert_eq!(doc["bookmarks"].as_array().unwrap().len(), 1);
    assert_eq!(doc["drafts"].as_array().unwrap().len(), 1);
    let disposition = ada
        .http
        .get(format!("{}{}", ada.base, "/api/export"))
        .header("cookie", format!("prep_session={}", ada.session.clone().unwrap()))
        .send()
        .await
        .unwrap()
        .headers()
        .get("content-disposition")
        .map(|v| v.to_str().unwrap().to_string());
    let today = chrono::Utc::now().format("%Y-%m-%d");
    assert_eq!(disposition, Some(format!("attachment; filename=\"prep-export-ada-{today}.json\"")));

    // Another account, on another server: the same dashboard and review queue.
    let other = TestServer::start_on(backend).await;
    let mut bob = other.client();
    bob.sign_up("bob", "battery staple").await;
    let r = import(&mut bob, file.body.clone()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["imported"]["lessons"]["added"], 1);
    assert_eq!(r.json()["imported"]["ratings"]["added"], 2);
    assert_eq!(dashboard(&mut bob).await, dashboard(&mut ada).await);
    assert_eq!(review_queue(&mut bob).await, review_queue(&mut ada).await);
    assert_eq!(review_queue(&mut bob).await.0["due_week"], 1, "the rated question is in the queue");
    assert_eq!(progress(&bob).await, progress(&ada).await);

    // Importing the same file again changes nothing.
    let before = progress(&bob).await;
    let again = import(&mut bob, file.body.clone()).await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["changed"], 0, "{}", again.body);
    assert_eq!(progress(&bob).await, before);
    s.stop().await;
    other.stop().await;
}

async fn bad_files_are_refused_and_change_nothing(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut ada = s.client();
    assert_eq!(import(&mut ada, "{}").await.status, 401, "an import needs an account");
    ada.sign_up("ada", "correct horse").await;
    study(&mut ada).await;
    let good = export(&ada).await.body;
    let before = export(&ada).await.json();

    let mut future: Value = serde_json::from_str(&good).unwrap();
    future["version"] = 9.into();
    let mut bad_enum: Value = serde_json::from_str(&good).unwrap();
    bad_enum["ratings"][1]["rating"] = "meh".into();
    let cases: Vec<(String, u16, &str)> = vec![
        (good[..good.len() / 2].to_string(), 400, "This is not a Prep export (not JSON"),
        (r#"{"format": "anki", "version": 1}"#.to_string(), 400, "not a Prep export"),
        (future.to_string(), 400, "made by a newer Prep (version 9); this server reads up to 1"),
        (bad_enum.to_string(), 400, "ratings[1].rating"),
        (" ".repeat(portable::MAX_IMPORT_BYTES + 1), 413, "too large"),
    ];
    for (body, status, message) in cases {
        let r = import(&mut ada, body).await;
        assert_eq!(r.status, status, "{}", r.body);
        let error = r.json()["error"].as_str().unwrap_or_default().to_string();
        assert!(error.contains(message), "{message:?} not in {error:?}");
    }
    let bigger = " ".repeat(portable::MAX_IMPORT_BYTES * 2);
    let r = import(&mut ada, bigger).await;
    assert_eq!(r.status, 413, "past the route's own limit too: {}", r.body);
    let mut after = export(&ada).await.json();
    after["exported_at"] = before["exported_at"].clone();
    assert_eq!(after, before, "nothing changed");
    assert!(progress(&ada).await["lessons"].as_array().unwrap().len() == 1);

    // The global limit still holds for every other route.
    let big_form = "x".repeat(300 * 1024);
    let r = ada.call("answer", &[("question_id", "q"), ("answer", &big_form)]).await;
    assert_eq!(r.status, 413);
    s.stop().await;
}

async fn the_import_form_works_without_javascript(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut ada = s.client();
    ada.sign_up("ada", "correct horse").await;
    study(&mut ada).await;
    let file = export(&ada).await.body;
    let mut bob = s.client();
    bob.sign_up("bob", "battery staple").await;
    let page = bob.get("/data").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("enctype=\"multipart/form-data\""), "{}", page.body);
    assert!(page.body.contains("for=\"import-file\""));

    let post = |c: &Client, bytes: Vec<u8>| {
        let part = reqwest::multipart::Part::bytes(bytes).file_name("prep-export.json");
        c.http
            .post(format!("{}{}", c.base, "/api/import"))
            .header("accept", "text/html")
            .header("cookie", format!("prep_session={}", c.session.clone().unwrap()))
            .multipart(reqwest::multipart::Form::new().part("file", part))
    };
    let res = post(&bob, file.clone().into_bytes()).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/data");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let shown = bob
        .http
        .get(format!("{}{}", bob.base, "/data"))
        .header("cookie", format!("prep_session={}; {cookie}", bob.session.clone().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains("role=\"status\""), "{shown}");
    assert!(shown.contains("lessons: 1 added"), "{shown}");

    let res = post(&bob, b"not json at all".to_vec()).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let shown = bob
        .http
        .get(format!("{}{}", bob.base, "/data"))
        .header("cookie", format!("prep_session={}; {cookie}", bob.session.clone().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains("role=\"alert\""), "{shown}");
    assert!(shown.contains("This is not a Prep export (not JSON"), "{shown}");
    s.stop().await;
}

async fn the_anki_file_has_one_line_per_question(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut ada = s.client();
    let mut questions = 0;
    let outline = ada.call("outline", &[]).await.json();
    for section in outline["sections"].as_array().unwrap() {
        for lesson in section["lessons"].as_array().unwrap() {
            let view = ada.call("lesson", &[("id", lesson["id"].as_str().unwrap())]).await.json();
            questions += view["questions"].as_array().map_or(0, |q| q.len());
        }
    }
    let file = ada.get("/api/export/anki.csv").await;
    assert_eq!(file.status, 200);
    let headers: Vec<&str> = file.body.lines().filter(|l| l.starts_with('#')).collect();
    assert!(headers.contains(&"#separator:tab") && headers.contains(&"#html:true") && headers.contains(&"#deck:Prep"));
    assert!(headers.contains(&"#tags column:4"));
    let notes: Vec<&str> = file.body.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(notes.len(), questions, "one line per question");
    assert!(notes.iter().all(|l| l.split('\t').count() == 4), "tabs inside fields are escaped");

    assert_eq!(ada.get("/api/export/anki.csv?answers=1").await.status, 401, "own answers need an account");
    ada.sign_up("ada", "correct horse").await;
    let (_, question) = study(&mut ada).await;
    let mine = ada.get("/api/export/anki.csv?answers=1").await;
    let line = mine.body.lines().find(|l| l.starts_with(&format!("prep-{question}\t"))).expect("the question's note");
    assert!(line.contains("Your answer:"), "{line}");
    assert!(line.contains("&lt;b&gt;not&lt;/b&gt; all &amp; more"), "escaped as text: {line}");
    assert_eq!(mine.body.lines().filter(|l| !l.starts_with('#')).count(), questions);
    s.stop().await;
}

/// The guest's id in the `/merge` offer.
async fn offered_guest(c: &mut Client) -> Option<String> {
    let html = c.call("merge_offer_html", &[]).await.json();
    let html = html.as_str().unwrap().to_string();
    html.split("data-guest=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_string)
}

async fn a_guest_logging_in_is_offered_a_merge(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut ada = s.client();
    ada.sign_up("ada", "correct horse").await;
    ada.call("logout", &[]).await;

    // A guest with nothing done is not offered anything.
    let mut idle = s.client();
    idle.call("guest", &[]).await;
    idle.call("login", &[("username", "ada"), ("password", "correct horse")]).await;
    assert_eq!(offered_guest(&mut idle).await, None);

    let mut guest = s.client();
    assert_eq!(guest.call("guest", &[]).await.status, 200);
    let (lesson, _) = study(&mut guest).await;
    let guest_dash = dashboard(&mut guest).await;
    let login = guest.call("login", &[("username", "ada"), ("password", "correct horse")]).await;
    assert_eq!(login.status, 200, "{}", login.body);
    assert_eq!(guest.me().await["username"], "ada");
    let page = guest.get("/merge").await;
    assert!(page.body.contains("Merge my guest progress into ada"), "{}", page.body);
    let id = offered_guest(&mut guest).await.expect("offered");

    // Ignoring the offer loses nothing: it is still there on the next visit.
    assert_eq!(offered_guest(&mut guest).await.as_deref(), Some(id.as_str()));
    let r = guest.call("merge_guest", &[("guest", &id), ("choice", "merge")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(dashboard(&mut guest).await, guest_dash, "the account has the guest's progress");
    let view = guest.call("lesson", &[("id", &lesson)]).await.json();
    assert_eq!(view["done"], true);
    assert_eq!(offered_guest(&mut guest).await, None);
    let twice = guest.call("merge_guest", &[("guest", &id), ("choice", "merge")]).await;
    assert_eq!(twice.status, 404, "the guest is gone");
    s.stop().await;
}

async fn a_guest_can_discard_instead(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut ada = s.client();
    ada.sign_up("ada", "correct horse").await;
    let ada_dash = dashboard(&mut ada).await;
    let mut guest = s.client();
    guest.call("guest", &[]).await;
    study(&mut guest).await;
    guest.call("login", &[("username", "ada"), ("password", "correct horse")]).await;
    let id = offered_guest(&mut guest).await.expect("offered");
    let mut mallory = s.client();
    mallory.sign_up("mallory", "not ada's friend").await;
    let r = mallory.call("merge_guest", &[("guest", &id), ("choice", "merge")]).await;
    assert_eq!(r.status, 404, "only the account it was offered to may take it");
    let bad = guest.call("merge_guest", &[("guest", &id), ("choice", "maybe")]).await;
    assert_eq!(bad.status, 400);
    let r = guest.call("merge_guest", &[("guest", &id), ("choice", "discard")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(dashboard(&mut guest).await, ada_dash, "nothing of the guest's arrived");
    assert_eq!(offered_guest(&mut guest).await, None);
    s.stop().await;
}
