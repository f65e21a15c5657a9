//! The search index on small, made-up documents: query safety, stemming, weighting, snippets.
//! (Relevance on the real course is `tests/search_relevance.rs`.)

use domain::{SearchDocument, SearchKind, SearchQuery};
use store::SearchIndex;

fn doc(kind: SearchKind, title: &str, url: &str, body: &str) -> SearchDocument {
    SearchDocument { kind, title: title.into(), context: "Lesson".into(), url: url.into(), body: body.into() }
}

async fn index() -> SearchIndex {
    SearchIndex::build(&[
        doc(
            SearchKind::Section,
            "Run queues",
            "/lessons/a#run-queues",
            "Every P keeps runnable goroutines in a ring. Mentions the word scheduler once.",
        ),
        doc(SearchKind::Section, "The scheduler", "/lessons/a#the-scheduler", "How it picks what runs next."),
        doc(
            SearchKind::Question,
            "Why sync.Pool?",
            "/lessons/b#q-pool",
            "A pool of buffers survives one GC cycle in the victim cache. <script>alert(1)</script> & more",
        ),
        doc(SearchKind::Problem, "Two-phase commit", "/problems/2pc", "Coordinate 2PC with compensation steps."),
    ])
    .await
    .unwrap()
}

async fn search(index: &SearchIndex, q: &str) -> Vec<store::SearchHit> {
    index.search(&SearchQuery::parse(q).unwrap(), 10).await.unwrap_or_else(|e| panic!("{q:?}: {e}"))
}

#[tokio::test]
async fn hostile_queries_are_searched_as_words_never_as_syntax() {
    let index = index().await;
    let long = "word ".repeat(40);
    for q in [
        "\"",
        "\"\"",
        "NEAR(",
        "NEAR(a b",
        "*",
        "-",
        ")",
        "(",
        "a OR",
        "AND",
        "NOT",
        "title:x",
        "^start",
        "{title}: x",
        "sync.Pool -GC",
        "pool*",
        "<script>",
        "'; DROP TABLE docs; --",
        "\u{301}",
        long.trim(),
    ] {
        let hits = search(&index, q).await;
        for h in &hits {
            let html = h.snippet.to_html();
            assert!(!html.contains("<script"), "{q:?}: {html}");
            assert!(html.replace("<mark>", "").replace("</mark>", "").find('<').is_none(), "{q:?}: {html}");
        }
    }
    // The index still answers afterwards.
    assert_eq!(search(&index, "compensation").await[0].url, "/problems/2pc");
}

#[tokio::test]
async fn operators_typed_by_a_learner_are_plain_words() {
    let index = index().await;
    // `2PC` and `sync.Pool` would be syntax errors or column filters if passed raw.
    assert_eq!(search(&index, "2PC").await[0].url, "/problems/2pc");
    assert_eq!(search(&index, "sync.Pool GC").await[0].url, "/lessons/b#q-pool");
    // "NOT" is a word here, not the operator: it matches nothing rather than excluding.
    assert!(search(&index, "NOT").await.is_empty());
}

#[tokio::test]
async fn an_overlong_query_is_refused_before_it_reaches_the_index() {
    let err = SearchQuery::parse(&"x".repeat(5_000)).unwrap_err();
    assert!(err.to_string().contains("at most 200 characters"), "{err}");
}

#[tokio::test]
async fn empty_queries_find_nothing() {
    let index = index().await;
    for q in ["", "   ", "* - ()"] {
        assert!(search(&index, q).await.is_empty(), "{q:?}");
    }
}

#[tokio::test]
async fn words_are_stemmed() {
    let index = index().await;
    // "goroutine" finds "goroutines", "coordinating" finds "Coordinate", "queue" finds "queues".
    assert_eq!(search(&index, "goroutine").await[0].url, "/lessons/a#run-queues");
    assert_eq!(search(&index, "coordinating").await[0].url, "/problems/2pc");
    assert_eq!(search(&index, "queue").await[0].url, "/lessons/a#run-queues");
}

#[tokio::test]
async fn a_title_hit_outranks_a_body_only_mention() {
    let index = index().await;
    let hits = search(&index, "scheduler").await;
    let urls: Vec<_> = hits.iter().map(|h| h.url.as_str()).collect();
    assert_eq!(urls, ["/lessons/a#the-scheduler", "/lessons/a#run-queues"]);
}

#[tokio::test]
async fn a_heading_about_just_the_words_beats_a_longer_one() {
    let index = SearchIndex::build(&[
        doc(SearchKind::Section, "Consistency: 2PC, sagas, outbox", "/l", "Sagas sagas sagas and a saga."),
        doc(SearchKind::Section, "Sagas", "/l#sagas", "A long story with one saga in it, told at length."),
    ])
    .await
    .unwrap();
    let urls: Vec<_> = search(&index, "saga").await.into_iter().map(|h| h.url).collect();
    assert_eq!(urls, ["/l#sagas", "/l"]);
}

#[tokio::test]
async fn every_term_beats_some_terms() {
    let index = index().await;
    let hits = search(&index, "ring scheduler").await;
    let urls: Vec<_> = hits.iter().map(|h| h.url.as_str()).collect();
    // Only the run-queues section has both words, though "scheduler" is the other's title.
    assert_eq!(urls, ["/lessons/a#run-queues", "/lessons/a#the-scheduler"]);
}

#[tokio::test]
async fn snippets_mark_the_matched_words_and_escape_the_rest() {
    let index = index().await;
    let hit = &search(&index, "buffers").await[0];
    assert_eq!(hit.kind, SearchKind::Question);
    assert_eq!(hit.title, "Why sync.Pool?");
    let html = hit.snippet.to_html();
    assert!(html.contains("<mark>buffers</mark>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), "{html}");
}

#[tokio::test]
async fn markers_in_content_cannot_forge_highlights() {
    let body = format!("plain {}forged{} text", domain::MARK_START, domain::MARK_END);
    let index = SearchIndex::build(&[doc(SearchKind::Section, "T", "/x", &body)]).await.unwrap();
    let html = search(&index, "plain").await[0].snippet.to_html();
    assert_eq!(html, "<mark>plain</mark> forged text");
}

#[tokio::test]
async fn searches_run_in_parallel_on_one_index() {
    let index = std::sync::Arc::new(index().await);
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let index = index.clone();
            tokio::spawn(async move { search(&index, "goroutines").await.len() })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap(), 1);
    }
    assert_eq!(index.len(), 4);
}
