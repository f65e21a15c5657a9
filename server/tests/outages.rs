//! A database another process keeps locked longer than the server waits: the learner is told
//! clearly (503, "busy", nothing saved), reading goes on, and no write is left half-done.

mod common;

use std::time::{Duration, Instant};

use common::{TestServer, first_lesson};
use sqlx::{AnyConnection, Connection, Executor};
use store::{Backend, DatabaseUrl};

on_both_backends!(a_lock_held_elsewhere_gets_a_clear_503_and_leaves_nothing_half_saved);

async fn raw(db: &DatabaseUrl) -> AnyConnection {
    sqlx::any::install_default_drivers();
    let url = match db {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        DatabaseUrl::Postgres(url) => url.clone(),
    };
    AnyConnection::connect(&url).await.unwrap()
}

async fn count(conn: &mut AnyConnection, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(conn).await.unwrap()
}

async fn a_lock_held_elsewhere_gets_a_clear_503_and_leaves_nothing_half_saved(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("patient", "long enough").await;
    let (lesson, question) = first_lesson(&mut c).await;

    let mut locker = raw(&s.db).await;
    match backend {
        // Another process's write transaction: the whole file.
        Backend::Sqlite => locker.execute("BEGIN EXCLUSIVE").await.unwrap(),
        // Only the tables behind a rating's review and an answer: the rating's own row could
        // still go in, which is exactly the half that must not be kept alone.
        Backend::Postgres => {
            locker.execute("BEGIN; LOCK TABLE review_cards, answers IN ACCESS EXCLUSIVE MODE").await.unwrap()
        }
    };

    for (endpoint, form) in [
        ("rate", vec![("question_id", question.as_str()), ("rating", "good")]),
        ("answer", vec![("question_id", question.as_str()), ("answer", "written while locked")]),
    ] {
        let started = Instant::now();
        let r = tokio::time::timeout(Duration::from_secs(20), c.call(endpoint, &form))
            .await
            .unwrap_or_else(|_| panic!("{endpoint} still waiting for the lock after 20 s"));
        assert_eq!(r.status, 503, "{endpoint}: {}", r.body);
        assert!(r.body.contains("busy") && r.body.contains("not saved"), "{endpoint}: {}", r.body);
        eprintln!("{endpoint} under a held lock: {} after {:?}", r.status, started.elapsed());
    }
    // Reading needs no write lock.
    assert_eq!(s.client().get(&format!("/lessons/{lesson}")).await.status, 200);
    if backend == Backend::Sqlite {
        // Nor does a learner's page, though visiting it is a write (the lesson is marked
        // started): SQLite readers never wait for a writer, and the visit goes on by itself.
        // (On Postgres the lock here covers `answers`, which the learner's page reads.)
        let started = Instant::now();
        let page = c.get(&format!("/lessons/{lesson}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let waited = started.elapsed();
        assert!(waited < Duration::from_secs(2), "a learner's lesson page waited {waited:?} for the lock");
    }

    locker.execute(if backend == Backend::Sqlite { "ROLLBACK" } else { "COMMIT" }).await.unwrap();
    let mut check = raw(&s.db).await;
    for table in ["ratings", "review_log", "review_cards", "answers"] {
        assert_eq!(count(&mut check, table).await, 0, "{table}: the refused writes left a row");
    }

    // The lock gone, the same requests go through, each whole.
    let r = c.call("rate", &[("question_id", &question), ("rating", "good")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    for table in ["ratings", "review_log", "review_cards"] {
        assert_eq!(count(&mut check, table).await, 1, "{table} after one rating");
    }
    s.stop().await;
}
