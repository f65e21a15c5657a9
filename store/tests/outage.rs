//! A database that cannot take a query for now (full, locked) is told apart from a bug, so the
//! API can say "try again later" instead of "something went wrong".

use sqlx::{AnyConnection, Connection, Executor};
use store::{DatabaseUrl, Outage, Store, StoreError};

async fn raw_sqlite(path: &std::path::Path) -> AnyConnection {
    sqlx::any::install_default_drivers();
    AnyConnection::connect(&format!("sqlite://{}", path.display())).await.unwrap()
}

#[tokio::test]
async fn a_full_database_is_an_outage_and_other_failures_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.db");
    let store = Store::open(&DatabaseUrl::Sqlite(path.clone())).await.unwrap();
    store.close().await;

    // The file may not grow past its size now: to SQLite exactly what a full disk is (SQLITE_FULL).
    let mut conn = raw_sqlite(&path).await;
    conn.execute("PRAGMA max_page_count = 1").await.unwrap();
    let full = conn
        .execute("CREATE TABLE filler (x BLOB); INSERT INTO filler VALUES (randomblob(1000000));")
        .await
        .expect_err("the file cannot grow");
    let full = StoreError::from(full);
    assert_eq!(full.outage(), Some(Outage::DiskFull), "{full}");

    // A query that is wrong stays a bug.
    let wrong = conn.execute("SELECT no_such_column FROM users").await.expect_err("no such column");
    assert_eq!(StoreError::from(wrong).outage(), None);
    let twice = conn
        .execute("INSERT INTO users (id, created_at) VALUES (1, 0); INSERT INTO users (id, created_at) VALUES (1, 0);")
        .await
        .expect_err("duplicate key");
    assert_eq!(StoreError::from(twice).outage(), None);
}

#[tokio::test]
async fn a_write_lock_held_past_the_wait_is_a_busy_outage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.db");
    let store = Store::open(&DatabaseUrl::Sqlite(path.clone())).await.unwrap();
    let user = store.create_guest().await.unwrap();
    // Another process's write transaction, held longer than the store waits (5 s).
    let mut other = raw_sqlite(&path).await;
    other.execute("BEGIN EXCLUSIVE").await.unwrap();
    let started = std::time::Instant::now();
    let busy = store.save_answer(user, "q1", "waiting").await.expect_err("the file is locked");
    assert_eq!(busy.outage(), Some(Outage::Busy), "{busy}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "waited {:?}", started.elapsed());
    other.execute("ROLLBACK").await.unwrap();
    store.save_answer(user, "q1", "after the lock").await.unwrap();
    store.close().await;
}

/// A full disk inside a transaction makes SQLite roll the whole transaction back by itself.
/// A connection must not go back to the pool believing it is still in one: the next
/// transaction on it would then begin as a mere savepoint, and a failure in that one would
/// leave the connection inside an open transaction for good, where every later write is
/// answered "saved" and never committed (and holds the write lock against everyone else).
#[tokio::test]
async fn a_transaction_cut_short_by_a_full_disk_leaves_no_connection_inside_it() {
    use domain::{CardKind, Rating};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("capped.db");
    Store::open(&DatabaseUrl::Sqlite(path.clone())).await.unwrap().close().await;
    let mut raw = raw_sqlite(&path).await;
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(&mut raw).await.unwrap();
    let store = store::testing::open_sqlite_capped(&path, pages as u32 + 24).await.unwrap();
    let user = store.create_guest().await.unwrap();

    // Ratings with long ids (three rows each, in one transaction) until the file is full.
    let review = |i: usize| store::Review {
        card: CardKind::Question.card(format!("q{i}-{}", "x".repeat(3000))),
        rating: Rating::Good,
        at: 1,
        stability: 1.0,
        difficulty: 5.0,
        interval_days: 1,
        due: 2,
    };
    let mut i = 0;
    let full = loop {
        match store.record_rating(user, &review(i)).await {
            Ok(()) => i += 1,
            Err(e) => break e,
        }
        assert!(i < 1000, "the capped file never filled");
    };
    assert_eq!(full.outage(), Some(Outage::DiskFull), "{full}");
    // Every pooled connection meets the full disk (the pool hands them out in turn).
    for k in 0..8 {
        let again = store.record_rating(user, &review(i + k)).await.expect_err("still full");
        assert_eq!(again.outage(), Some(Outage::DiskFull), "{again}");
    }

    // Room again (another process deletes), then on every connection a transaction that fails
    // on its own merits (a rating for an account that does not exist), then ordinary writes.
    raw.execute("DELETE FROM review_log; DELETE FROM review_cards; DELETE FROM ratings;").await.unwrap();
    let nobody = store::UserId::from_raw(999_999);
    for _ in 0..8 {
        store.record_rating(nobody, &review(0)).await.expect_err("no such account");
    }
    store.save_answer(user, "q1", "saved after the disk had room again").await.unwrap();

    // What the store called saved is there for everyone, and nobody is locked out.
    let seen: Option<String> = sqlx::query_scalar("SELECT answer FROM answers WHERE question_id = 'q1'")
        .fetch_optional(&mut raw)
        .await
        .unwrap();
    assert_eq!(seen.as_deref(), Some("saved after the disk had room again"), "the write was never committed");
    raw.execute("BEGIN IMMEDIATE; ROLLBACK;").await.expect("the write lock is free");
    store.close().await;
}

/// Writers that find the file locked by another process wait for their turn without holding
/// the pool's connections: reads go on meanwhile, and every write lands once the lock is gone.
/// (Before, each waiting writer sat on a connection; a burst of them took the whole pool and a
/// lesson page waited behind them.)
#[tokio::test]
async fn reads_go_on_while_writers_wait_out_a_lock_held_elsewhere() {
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("queued.db");
    let store = Store::open(&DatabaseUrl::Sqlite(path.clone())).await.unwrap();
    let user = store.create_guest().await.unwrap();
    store.save_answer(user, "before", "saved before the lock").await.unwrap();
    let mut other = raw_sqlite(&path).await;
    other.execute("BEGIN IMMEDIATE").await.unwrap();

    // More writers than the pool has connections.
    let writers: Vec<_> = (0..20)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move { store.save_answer(user, &format!("q{i}"), "queued").await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(writers.iter().all(|w| !w.is_finished()), "the lock holds every writer back");
    let read = tokio::time::timeout(Duration::from_secs(2), store.question_states(user, &["before"]))
        .await
        .expect("a read does not wait for the writers")
        .unwrap();
    assert_eq!(read.answers["before"], "saved before the lock");

    other.execute("ROLLBACK").await.unwrap();
    for w in writers {
        w.await.unwrap().expect("each write lands once the lock is gone");
    }
    let ids: Vec<String> = (0..20).map(|i| format!("q{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(store.question_states(user, &ids).await.unwrap().answers.len(), 20);
    store.close().await;
}
