//! Notes and bookmarks over real HTTP, against SQLite and Postgres alike.

mod common;

use common::{Client, Reply, TestServer, first_lesson};
use domain::{BookmarkKind, NoteTarget};
use store::{Backend, Store};

on_both_backends!(
    notes_are_saved_rendered_harmlessly_and_listed,
    refused_notes_change_nothing,
    plain_forms_go_back_to_their_page,
    bookmarks_toggle_idempotently_and_show_everywhere,
    removed_content_is_listed_as_removed,
    visitors_are_offered_a_guest_account_and_refused,
);

const PROBLEM: &str = "lcs";

async fn html(c: &mut Client, endpoint: &str, form: &[(&str, &str)]) -> String {
    let r = c.call(endpoint, form).await;
    assert_eq!(r.status, 200, "{endpoint}: {}", r.body);
    r.json().as_str().unwrap_or_else(|| panic!("{endpoint} is not HTML: {}", r.body)).to_string()
}

async fn note_panel(c: &mut Client, kind: &str, id: &str) -> String {
    html(c, "note_html", &[("kind", kind), ("target_id", id)]).await
}

async fn save(c: &mut Client, kind: &str, id: &str, body: &str) -> Reply {
    c.call("save_note", &[("kind", kind), ("target_id", id), ("body", body)]).await
}

async fn mark(c: &mut Client, kind: &str, id: &str, on: &str) -> serde_json::Value {
    let r = c.call("bookmark", &[("kind", kind), ("target_id", id), ("on", on)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

/// Posts the way a browser without JavaScript sends a form.
async fn plain_form(c: &mut Client, endpoint: &str, form: &[(&str, &str)]) -> (u16, String) {
    let req = c.http.post(format!("{}/api/{endpoint}", c.base)).header("accept", "text/html").form(form);
    let cookie = c.session.clone().map(|s| format!("prep_session={s}")).unwrap_or_default();
    let res = req.header("cookie", cookie).send().await.unwrap();
    let location = res.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (res.status().as_u16(), location)
}

async fn notes_are_saved_rendered_harmlessly_and_listed(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("nora", "long enough").await;
    let (lesson, _) = first_lesson(&mut c).await;

    let empty = html(&mut c, "my_notes_html", &[]).await;
    assert!(empty.contains("No notes yet") && empty.contains("No bookmarks yet"), "{empty}");
    assert!(note_panel(&mut c, "lesson", &lesson).await.contains("No note on this lesson yet"));

    let hostile = "## Plan\n\nSteal **half** the queue.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
                   [click](javascript:alert(3))\n\n</textarea><b>out</b> & more\n";
    assert_eq!(save(&mut c, "lesson", &lesson, hostile).await.status, 200);
    assert_eq!(save(&mut c, "problem", PROBLEM, "Use a *DP table*.").await.status, 200);

    let panel = note_panel(&mut c, "lesson", &lesson).await;
    assert!(panel.contains("<strong>half</strong>"), "rendered as Markdown: {panel}");
    assert!(panel.contains("id=\"note-plan\""), "a note's headings get their own anchors: {panel}");
    for bad in ["<script", "<img src=x", "href=\"javascript:", "</textarea><b>", "<b>out"] {
        assert!(!panel.contains(bad), "{bad} reached the page: {panel}");
    }
    assert!(panel.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "raw HTML is shown as text: {panel}");
    assert!(panel.contains("Edit note"), "{panel}");
    assert!(
        panel.contains("&lt;/textarea&gt;&lt;b&gt;out&lt;/b&gt; &amp; more"),
        "the edit box holds the source: {panel}"
    );

    // The pages render the panel on the server, readable without JavaScript.
    let page = c.get(&format!("/lessons/{lesson}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"my-note\"") && page.body.contains("<strong>half</strong>"));
    assert!(!page.body.contains("<img src=x"), "nothing hostile on the lesson page");
    let problem_page = c.get(&format!("/problems/{PROBLEM}")).await;
    assert!(problem_page.body.contains("<em>DP table</em>"), "the problem page shows its note");

    // Saving again replaces; a body of exactly the limit is accepted.
    let full = "x".repeat(domain::NOTE_MAX_BYTES);
    assert_eq!(save(&mut c, "problem", PROBLEM, &full).await.status, 200);
    assert!(note_panel(&mut c, "problem", PROBLEM).await.contains(&full));
    assert_eq!(save(&mut c, "problem", PROBLEM, "Use a *DP table*, two rows.").await.status, 200);

    let notes = html(&mut c, "my_notes_html", &[]).await;
    assert!(notes.contains(&format!("href=\"/lessons/{lesson}\"")), "{notes}");
    assert!(notes.contains(&format!("href=\"/problems/{PROBLEM}\"")), "{notes}");
    assert!(notes.contains("<em>DP table</em>, two rows."), "{notes}");
    assert!(!notes.contains("<script"), "{notes}");
    assert!(notes.contains(&chrono::Utc::now().format("%Y-%m-%d").to_string()), "dated: {notes}");
    let notes_page = c.get("/notes").await;
    assert_eq!(notes_page.status, 200);
    assert!(notes_page.body.contains("<strong>half</strong>") && notes_page.body.contains("href=\"/notes\""));

    // An empty note deletes it.
    assert_eq!(save(&mut c, "lesson", &lesson, " \n ").await.status, 200);
    assert!(note_panel(&mut c, "lesson", &lesson).await.contains("No note on this lesson yet"));
    assert!(!html(&mut c, "my_notes_html", &[]).await.contains("<strong>half</strong>"));
    s.stop().await;
}

async fn refused_notes_change_nothing(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("oscar", "long enough").await;
    let (lesson, question) = first_lesson(&mut c).await;
    assert_eq!(save(&mut c, "lesson", &lesson, "kept").await.status, 200);

    let too_big = "y".repeat(domain::NOTE_MAX_BYTES + 1);
    let r = save(&mut c, "lesson", &lesson, &too_big).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("at most 20000 bytes; this one is 20001 bytes"), "{}", r.body);
    // Multi-byte text counts in bytes: 7 000 characters of 3 bytes each is over the limit.
    let r = save(&mut c, "lesson", &lesson, &"€".repeat(7_000)).await;
    assert_eq!(r.status, 400, "{}", r.body);

    for (kind, id, status, says) in [
        ("lesson", "no-such-lesson", 404, "\"NotFound\":\"Lesson\""),
        ("problem", "no-such-problem", 404, "\"NotFound\":\"Problem\""),
        ("question", question.as_str(), 400, "lesson or problem"),
        ("demo", lesson.as_str(), 400, "lesson or problem"),
    ] {
        let r = save(&mut c, kind, id, "text").await;
        assert_eq!(r.status, status, "{kind} {id}: {}", r.body);
        assert!(r.body.contains(says), "{kind} {id}: {}", r.body);
    }
    let missing = c.call("save_note", &[("kind", "lesson"), ("target_id", &lesson)]).await;
    assert_eq!(missing.status, 400, "{}", missing.body);
    for (kind, id, status) in
        [("lesson", "nope", 404), ("question", "nope", 404), ("problem", "nope", 404), ("note", "x", 400)]
    {
        let r = c.call("bookmark", &[("kind", kind), ("target_id", id), ("on", "true")]).await;
        assert_eq!(r.status, status, "{kind}: {}", r.body);
    }

    let panel = note_panel(&mut c, "lesson", &lesson).await;
    assert!(panel.contains("<p>kept</p>"), "the note is unchanged: {panel}");
    let notes = html(&mut c, "my_notes_html", &[]).await;
    assert_eq!(notes.matches("class=\"note-entry\"").count(), 1, "nothing else was saved: {notes}");
    assert!(notes.contains("No bookmarks yet"), "{notes}");
    assert_eq!(c.call("note_html", &[("kind", "lesson"), ("target_id", "no-such-lesson")]).await.status, 404);
    s.stop().await;
}

async fn plain_forms_go_back_to_their_page(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("pia", "long enough").await;
    let (lesson, question) = first_lesson(&mut c).await;

    let saved =
        plain_form(&mut c, "save_note", &[("kind", "lesson"), ("target_id", &lesson), ("body", "no *JS*")]).await;
    assert_eq!(saved, (302, format!("/lessons/{lesson}#my-note")));
    assert!(note_panel(&mut c, "lesson", &lesson).await.contains("<em>JS</em>"));

    let too_big = "z".repeat(domain::NOTE_MAX_BYTES + 1);
    let (status, location) =
        plain_form(&mut c, "save_note", &[("kind", "problem"), ("target_id", PROBLEM), ("body", &too_big)]).await;
    assert_eq!(status, 302);
    assert!(location.starts_with(&format!("/problems/{PROBLEM}?note_refused=A+note+can+be+at+most")), "{location}");
    assert!(location.ends_with("#my-note"), "{location}");
    assert!(note_panel(&mut c, "problem", PROBLEM).await.contains("No note on this problem yet"), "nothing saved");
    let refused_page = c.get(&location).await.body;
    assert!(
        refused_page.contains("role=\"alert\"") && refused_page.contains("A note can be at most"),
        "the page says why"
    );

    let marked =
        plain_form(&mut c, "bookmark", &[("kind", "question"), ("target_id", &question), ("on", "true")]).await;
    assert_eq!(marked, (302, format!("/lessons/{lesson}#q-{question}")), "back to the question's card");
    let page = c.get(&format!("/lessons/{lesson}")).await.body;
    assert!(page.contains(&format!("id=\"q-{question}\"")), "the card has the anchor the link points at");
    assert!(page.contains("Remove bookmark from this question"), "the card shows the bookmark");
    let lesson_mark =
        plain_form(&mut c, "bookmark", &[("kind", "lesson"), ("target_id", &lesson), ("on", "true")]).await;
    assert_eq!(lesson_mark, (302, format!("/lessons/{lesson}#my-note")));
    assert!(c.get(&format!("/lessons/{lesson}")).await.body.contains("Remove bookmark from this lesson"));
    s.stop().await;
}

async fn bookmarks_toggle_idempotently_and_show_everywhere(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("quinn", "long enough").await;
    let (lesson, question) = first_lesson(&mut c).await;
    for _ in 0..2 {
        assert_eq!(mark(&mut c, "question", &question, "true").await, serde_json::json!(true));
        assert_eq!(mark(&mut c, "problem", PROBLEM, "true").await, serde_json::json!(true));
    }
    let view = c.call("lesson", &[("id", &lesson)]).await.json();
    assert_eq!(view["questions"][0]["bookmarked"], true);
    assert!(note_panel(&mut c, "problem", PROBLEM).await.contains("Remove bookmark from this problem"));
    assert!(note_panel(&mut c, "lesson", &lesson).await.contains("Bookmark this lesson"));

    let notes = html(&mut c, "my_notes_html", &[]).await;
    let to_card = format!("href=\"/lessons/{lesson}#q-{question}\"");
    assert_eq!(notes.matches(&to_card).count(), 1, "bookmarked twice, listed once: {notes}");
    assert_eq!(notes.matches(&format!("href=\"/problems/{PROBLEM}\"")).count(), 1, "{notes}");
    assert!(notes.contains("data-kind=\"question\"") && notes.contains("data-kind=\"problem\""), "grouped by kind");
    assert!(!notes.contains("data-kind=\"lesson\""), "no empty group: {notes}");

    for _ in 0..2 {
        assert_eq!(mark(&mut c, "question", &question, "false").await, serde_json::json!(false));
    }
    assert_eq!(c.call("lesson", &[("id", &lesson)]).await.json()["questions"][0]["bookmarked"], false);
    let notes = html(&mut c, "my_notes_html", &[]).await;
    assert!(!notes.contains(&to_card), "{notes}");
    // Another learner sees none of it.
    let mut other = s.client();
    other.sign_up("rita", "long enough").await;
    assert!(html(&mut other, "my_notes_html", &[]).await.contains("No bookmarks yet"));
    s.stop().await;
}

async fn removed_content_is_listed_as_removed(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("sam", "long enough").await;
    // Rows for content that a later version of the course dropped.
    let store = Store::open(&s.db).await.unwrap();
    let user = store.credentials("sam").await.unwrap().unwrap().id;
    store.save_note(user, NoteTarget::Lesson, "retired-lesson", "old *thoughts*").await.unwrap();
    store.set_bookmark(user, BookmarkKind::Question, "retired-question", true).await.unwrap();
    store.close().await;

    let notes = html(&mut c, "my_notes_html", &[]).await;
    assert!(notes.contains("retired-lesson (removed from the course)"), "{notes}");
    assert!(notes.contains("<em>thoughts</em>"), "the note itself is kept: {notes}");
    assert!(notes.contains("retired-question (removed from the course)"), "{notes}");
    assert_eq!(c.get("/notes").await.status, 200);
    s.stop().await;
}

async fn visitors_are_offered_a_guest_account_and_refused(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut visitor = s.client();
    let (lesson, question) = first_lesson(&mut visitor).await;
    for (endpoint, form) in [
        ("save_note", vec![("kind", "lesson"), ("target_id", lesson.as_str()), ("body", "hi")]),
        ("note_html", vec![("kind", "lesson"), ("target_id", lesson.as_str())]),
        ("bookmark", vec![("kind", "question"), ("target_id", question.as_str()), ("on", "true")]),
        ("my_notes_html", vec![]),
    ] {
        let r = visitor.call(endpoint, &form).await;
        assert_eq!(r.status, 401, "{endpoint}: {}", r.body);
        assert!(visitor.session.is_none(), "no account was made");
    }
    let page = visitor.get(&format!("/lessons/{lesson}")).await;
    assert_eq!(page.status, 200, "the lesson page is not an error for a visitor");
    let page = page.body;
    assert!(page.contains("My note") && page.contains("Start as guest"), "the panel offers an account");
    assert!(!page.contains("Bookmark this question"), "no bookmark buttons for visitors");
    let notes = visitor.get("/notes").await;
    assert_eq!(notes.status, 200);
    assert!(notes.body.contains("Start as guest"));
    s.stop().await;
}
