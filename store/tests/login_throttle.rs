//! The login throttle's counts on both engines: counting per key, forgetting old failures,
//! clearing one key, and keeping the table to what is still remembered.

mod common;

use common::each_backend;
use store::LoginFailures;

const T0: i64 = 1_000_000;
/// The window the tests pretend the throttle remembers.
const MEMORY: i64 = 3600;

#[tokio::test]
async fn failures_are_counted_per_key() {
    each_backend(|s| async move {
        let keys = ["pair:ada|10.0.0.1", "ip:10.0.0.1"];
        assert_eq!(s.login_failures(&keys, T0 - MEMORY).await.unwrap(), vec![None, None]);
        for i in 0..3 {
            s.record_login_failure(&keys, T0 + i, T0 - MEMORY).await.unwrap();
        }
        s.record_login_failure(&["ip:10.0.0.1"], T0 + 10, T0 - MEMORY).await.unwrap();
        let found = s.login_failures(&["ip:10.0.0.1", "pair:ada|10.0.0.1", "pair:bob|10.0.0.1"], T0).await.unwrap();
        assert_eq!(
            found,
            vec![
                Some(LoginFailures { failures: 4, last_failure_at: T0 + 10 }),
                Some(LoginFailures { failures: 3, last_failure_at: T0 + 2 }),
                None,
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn old_failures_are_forgotten_and_start_again() {
    each_backend(|s| async move {
        let key = ["pair:ada|10.0.0.1"];
        for _ in 0..5 {
            s.record_login_failure(&key, T0, T0 - MEMORY).await.unwrap();
        }
        // Read with a window that no longer reaches the failures: as if there were none.
        assert_eq!(s.login_failures(&key, T0 + 1).await.unwrap(), vec![None]);
        // A failure after the window starts the count again rather than adding to it.
        let later = T0 + MEMORY + 1;
        s.record_login_failure(&key, later, later - MEMORY).await.unwrap();
        assert_eq!(
            s.login_failures(&key, later - MEMORY).await.unwrap(),
            vec![Some(LoginFailures { failures: 1, last_failure_at: later })]
        );
    })
    .await;
}

#[tokio::test]
async fn clearing_one_key_leaves_the_others() {
    each_backend(|s| async move {
        let keys = ["pair:ada|10.0.0.1", "ip:10.0.0.1", "user:ada"];
        s.record_login_failure(&keys, T0, T0 - MEMORY).await.unwrap();
        s.clear_login_failures("pair:ada|10.0.0.1").await.unwrap();
        let found = s.login_failures(&keys, T0 - MEMORY).await.unwrap();
        assert_eq!(found[0], None);
        assert_eq!(found[1].map(|f| f.failures), Some(1));
        assert_eq!(found[2].map(|f| f.failures), Some(1));
    })
    .await;
}

#[tokio::test]
async fn storage_holds_only_what_is_remembered() {
    each_backend(|s| async move {
        // A flood of random names: each leaves a row...
        for i in 0..50 {
            s.record_login_failure(&[&format!("pair:name{i}|10.0.0.9")], T0, T0 - MEMORY).await.unwrap();
        }
        // ...which the next failure after the window deletes on its way.
        let later = T0 + MEMORY + 5;
        s.record_login_failure(&["pair:late|10.0.0.9"], later, later - MEMORY).await.unwrap();
        let rows: Vec<Option<LoginFailures>> = s.login_failures(&["pair:name0|10.0.0.9"], i64::MIN).await.unwrap();
        assert_eq!(rows, vec![None], "an expired row is deleted, not only ignored");
        assert_eq!(s.purge_login_failures(later - MEMORY).await.unwrap(), 0, "nothing left to purge");

        s.record_login_failure(&["pair:x|10.0.0.9", "ip:10.0.0.9"], later, later - MEMORY).await.unwrap();
        assert_eq!(s.purge_login_failures(later + 1).await.unwrap(), 3, "purge removes every expired row");
        assert_eq!(s.login_failures(&["pair:late|10.0.0.9"], i64::MIN).await.unwrap(), vec![None]);
    })
    .await;
}
