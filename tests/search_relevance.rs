//! Search relevance on the real course: queries a learner would type, each with the section,
//! question or problem a learner would want first (chosen by reading the content, not by
//! running the index). Also prints the index's size and build time.
//!
//!     cargo test -p prep-tests --test search_relevance -- --nocapture

use std::path::Path;
use std::time::Instant;

use domain::{SearchKind, SearchQuery};
use store::{SearchHit, SearchIndex};

async fn course_index() -> SearchIndex {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let catalog = catalog::load(&root.join("content")).unwrap();
    let started = Instant::now();
    let docs = catalog.search_documents();
    let split = started.elapsed();
    let index = SearchIndex::build(&docs).await.unwrap();
    let count = |k| docs.iter().filter(|d| d.kind == k).count();
    eprintln!(
        "search index: {} documents ({} sections, {} questions, {} problems), {} KiB of text; split in {split:?}, built in {:?}",
        docs.len(),
        count(SearchKind::Section),
        count(SearchKind::Question),
        count(SearchKind::Problem),
        docs.iter().map(|d| d.title.len() + d.context.len() + d.body.len()).sum::<usize>() / 1024,
        started.elapsed(),
    );
    index
}

async fn search(index: &SearchIndex, q: &str) -> Vec<SearchHit> {
    index.search(&SearchQuery::parse(q).unwrap(), 5).await.unwrap()
}

/// (query, the URL a learner wants first, why)
const EXPECTED: &[(&str, &str, &str)] = &[
    ("work stealing", "/lessons/go-work-stealing", "the lesson of that name"),
    ("idempotency key", "/lessons/distributed-consistency#idempotency-keys", "the section \"Idempotency keys\""),
    (
        "2PC compensation",
        "/lessons/distributed-consistency",
        "the lesson whose summary and takeaways contrast 2PC (no compensation step) with sagas' compensations",
    ),
    ("sync.Pool GC", "/lessons/perf-memory#syncpool", "the sync.Pool section, which explains the GC clearing pools"),
    ("goroutine leak", "/lessons/go-extreme-concurrency#goroutine-leaks", "the section \"Goroutine leaks\""),
    (
        "false sharing",
        "/lessons/go-atomics-lock-free#q-lf-10x-contention",
        "the only prose explaining false sharing: the contended atomic counter's answer",
    ),
    ("outbox", "/lessons/distributed-consistency#the-transactional-outbox", "the section \"The transactional outbox\""),
    ("context cancellation", "/lessons/go-channel-patterns#cancellation-tools", "the section on ctx and cancellation"),
    ("GMP scheduler", "/lessons/go-gmp-model", "the G, M and P lesson (\"GMP\" is only in its ids)"),
    (
        "GOMAXPROCS container",
        "/lessons/go-gmp-model#q-gmp-containers",
        "the question about GOMAXPROCS under a CPU limit",
    ),
    ("hot keys", "/lessons/sharding-consistent-hashing#hot-keys", "the section \"Hot keys\""),
    ("write barrier", "/lessons/os-virtual-memory-go-gc#the-write-barrier", "the section \"The write barrier\""),
    ("suffix array", "/lessons/dsa-suffix-array-lcp", "the suffix-array lesson"),
    ("consistent hashing", "/lessons/sharding-consistent-hashing", "the lesson \"Sharding and consistent hashing\""),
    ("saga", "/lessons/distributed-consistency#sagas", "the section \"Sagas\", not the lesson listing four topics"),
    (
        "escape analysis",
        "/lessons/perf-memory#stack-or-heap-escape-analysis",
        "the section \"Stack or heap: escape analysis\"",
    ),
    ("union find", "/lessons/dsa-union-find-kruskal", "the union-find lesson"),
    ("circuit breaker", "/lessons/peak-load#circuit-breakers", "the section \"Circuit breakers\""),
    ("goroutines leaking", "/lessons/go-extreme-concurrency#goroutine-leaks", "stemming: leaking → leak"),
];

#[tokio::test]
async fn learners_queries_find_what_they_mean_first() {
    let index = course_index().await;
    let mut failures = Vec::new();
    let started = Instant::now();
    for (q, want, why) in EXPECTED {
        let hits = search(&index, q).await;
        let got: Vec<_> = hits.iter().map(|h| h.url.as_str()).collect();
        if got.first() != Some(want) {
            failures.push(format!("{q:?}: want {want} ({why}), got {got:#?}"));
        }
    }
    eprintln!("{} searches in {:?}", EXPECTED.len(), started.elapsed());
    assert!(failures.is_empty(), "{} of {} queries:\n{}", failures.len(), EXPECTED.len(), failures.join("\n"));
}

#[tokio::test]
async fn the_more_specific_answer_is_near_the_top_too() {
    let index = course_index().await;
    let urls: Vec<_> = search(&index, "2PC compensation").await.into_iter().map(|h| h.url).take(3).collect();
    assert!(urls.iter().any(|u| u == "/lessons/distributed-consistency#q-dc-2pc-partial-failure"), "{urls:?}");
}

#[tokio::test]
async fn every_hit_links_to_a_heading_the_lesson_renders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let catalog = catalog::load(&root.join("content")).unwrap();
    for doc in catalog.search_documents() {
        let Some((path, anchor)) = doc.url.split_once('#') else { continue };
        let lesson = catalog.lesson(path.trim_start_matches("/lessons/")).unwrap_or_else(|| panic!("{}", doc.url));
        let rendered = match anchor.strip_prefix("q-") {
            Some(q) => lesson.questions.iter().any(|x| x.id.as_str() == q),
            None => lesson.html.contains(&format!("id=\"{anchor}\"")),
        };
        assert!(rendered, "{} has no element with that id", doc.url);
    }
}

#[tokio::test]
async fn snippets_from_the_course_highlight_the_query() {
    let index = course_index().await;
    let hit = &search(&index, "idempotency key").await[0];
    assert_eq!(hit.kind, SearchKind::Section);
    assert_eq!(hit.title, "Idempotency keys");
    let html = hit.snippet.to_html();
    assert!(html.contains("<mark>"), "{html}");
}

/// Not a check: `Q="a,b" cargo test -p prep-tests --test search_relevance explore -- --ignored --nocapture`
/// prints the top five of each query, for choosing weights.
#[tokio::test]
#[ignore]
async fn explore() {
    let index = course_index().await;
    for q in std::env::var("Q").unwrap_or_default().split(',') {
        eprintln!("== {q}");
        for h in search(&index, q).await {
            eprintln!("  {:?} {} | {}", h.kind, h.url, h.title);
        }
    }
}
