//! Search over HTTP: the `/search` page (no JavaScript needed), the JSON endpoint, refusals.
//! The index is built from the catalog whatever the learner database is; both are run anyway,
//! since the server starts on either.

mod common;

use common::TestServer;
use store::Backend;

on_both_backends!(
    the_search_page_links_to_the_heading_and_marks_the_words,
    the_json_endpoint_returns_ranked_hits,
    empty_and_unmatched_queries_say_so,
    an_overlong_query_is_refused_with_a_message,
    hostile_queries_render_as_text,
);

async fn the_search_page_links_to_the_heading_and_marks_the_words(backend: Backend) {
    let server = TestServer::start_on(backend).await;
    let c = server.client();
    let page = c.get("/search?q=work+stealing").await;
    assert_eq!(page.status, 200, "{}", page.body);
    // The top hit is the lesson of that name; its sections link to their headings' anchors.
    let first = page.body.find("class=\"search-hit\"").expect("no hits");
    assert!(page.body[first..].contains("href=\"/lessons/go-work-stealing\""), "{}", page.body);
    assert!(page.body.contains("href=\"/lessons/go-work-stealing#stealing-half\""), "{}", page.body);
    assert!(page.body.contains("<mark>"), "{}", page.body);
    assert!(page.body.contains("results for “work stealing”"), "{}", page.body);
    assert!(page.body.contains("The best 20 results"), "a capped search says so: {}", page.body);
    // The header's box shows what was searched.
    assert!(page.body.contains("value=\"work stealing\""), "{}", page.body);
    server.stop().await;
}

async fn the_json_endpoint_returns_ranked_hits(backend: Backend) {
    let server = TestServer::start_on(backend).await;
    let mut c = server.client();
    let reply = c.call("search", &[("q", "goroutine leak")]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let hits = reply.json();
    let top = &hits[0];
    assert_eq!(top["kind"], "section");
    assert_eq!(top["title"], "Goroutine leaks");
    assert_eq!(top["url"], "/lessons/go-extreme-concurrency#goroutine-leaks");
    assert!(top["context"].as_str().unwrap().starts_with("Extreme goroutine counts"), "{top}");
    assert!(top["snippet_html"].as_str().unwrap().contains("<mark>"), "{top}");
    let kinds: Vec<_> = hits.as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap().to_string()).collect();
    assert!(kinds.iter().all(|k| ["section", "question", "problem"].contains(&k.as_str())), "{kinds:?}");
    assert!(hits.as_array().unwrap().len() <= 20);
    server.stop().await;
}

async fn empty_and_unmatched_queries_say_so(backend: Backend) {
    let server = TestServer::start_on(backend).await;
    let mut c = server.client();
    let empty = c.get("/search?q=").await;
    assert_eq!(empty.status, 200);
    assert!(empty.body.contains("class=\"search-hint\""), "{}", empty.body);
    assert!(!empty.body.contains("class=\"search-hit\""), "{}", empty.body);
    let none = c.get("/search?q=zyxwvut").await;
    assert_eq!(none.status, 200);
    assert!(none.body.contains("No results for “zyxwvut”."), "{}", none.body);
    assert_eq!(c.call("search", &[("q", "   ")]).await.json(), serde_json::json!([]));
    server.stop().await;
}

async fn an_overlong_query_is_refused_with_a_message(backend: Backend) {
    let server = TestServer::start_on(backend).await;
    let mut c = server.client();
    let long = "a".repeat(5_000);
    let reply = c.call("search", &[("q", &long)]).await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert!(reply.body.contains("at most 200 characters"), "{}", reply.body);
    let page = c.get(&format!("/search?q={long}")).await;
    assert_eq!(page.status, 400);
    assert!(page.body.contains("Search for at most 200 characters (this query has 5000)."), "{}", page.body);
    server.stop().await;
}

async fn hostile_queries_render_as_text(backend: Backend) {
    let server = TestServer::start_on(backend).await;
    let mut c = server.client();
    for q in ["<script>alert(1)</script>", "\"", "NEAR(", "*", "-", ")", "sync.Pool\" OR \"x"] {
        let reply = c.call("search", &[("q", q)]).await;
        assert_eq!(reply.status, 200, "{q}: {}", reply.body);
        for hit in reply.json().as_array().unwrap() {
            let html = hit["snippet_html"].as_str().unwrap().replace("<mark>", "").replace("</mark>", "");
            assert!(!html.contains('<'), "{q}: {html}");
        }
    }
    let page = c.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>alert(1)"), "{}", page.body);
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{}", page.body);
    server.stop().await;
}
