//! Sessions as every process sees them: a lookup may be reused for a moment (signed-in pages
//! cost no query), but a session that ends, or a guest that gets a name, is never believed
//! afterwards, in this process at once and in another one as soon as the notification lands.

use std::time::{Duration, Instant};

mod common;

use common::each_backend;
use store::testing::{backends, fresh_database};
use store::{Backend, Claim, Store};

/// How long a notification from another process may take here (a shared, noisy machine).
const NOTIFICATION_WAIT: Duration = Duration::from_secs(3);

#[tokio::test]
async fn what_a_process_changes_it_never_reads_stale() {
    each_backend(|s| async move {
        let guest = s.create_guest().await.unwrap();
        s.create_session("guest-token", guest).await.unwrap();
        assert_eq!(s.session_user("guest-token").await.unwrap().unwrap().username, None);
        assert_eq!(s.claim_guest(guest, "grace", "h").await.unwrap(), Claim::Claimed);
        let claimed = s.session_user("guest-token").await.unwrap().expect("still a session");
        assert_eq!(claimed.username.as_deref(), Some("grace"), "the name shows at once after a claim");

        s.delete_session("guest-token").await.unwrap();
        assert_eq!(s.session_user("guest-token").await.unwrap(), None, "a logout ends the session at once");
    })
    .await;
}

/// Two stores on one Postgres database are two web processes.
#[tokio::test]
async fn a_session_ended_in_one_process_is_refused_by_another_that_looked_it_up() {
    if !backends().contains(&Backend::Postgres) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(Backend::Postgres, dir.path()).await;
    let (here, there) = (Store::open(&url).await.unwrap(), Store::open(&url).await.unwrap());

    let ada = here.create_user("ada", "h").await.unwrap().unwrap();
    here.create_session("ada-token", ada).await.unwrap();
    assert!(there.session_user("ada-token").await.unwrap().is_some(), "looked up (and kept) over there");
    here.delete_session("ada-token").await.unwrap();
    refused_soon(&there, "ada-token").await;

    // A guest merged into an account is deleted, sessions and all.
    let (account, guest) = (here.create_user("bob", "h").await.unwrap().unwrap(), here.create_guest().await.unwrap());
    here.create_session("guest-token", guest).await.unwrap();
    assert!(there.session_user("guest-token").await.unwrap().is_some());
    assert!(!here.offer_guest_merge(account, guest).await.unwrap(), "a guest without progress is deleted at once");
    refused_soon(&there, "guest-token").await;

    here.close().await;
    there.close().await;
}

async fn refused_soon(store: &Store, token: &str) {
    let start = Instant::now();
    while store.session_user(token).await.unwrap().is_some() {
        assert!(start.elapsed() < NOTIFICATION_WAIT, "{token} still believed after {NOTIFICATION_WAIT:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
