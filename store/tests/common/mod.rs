//! What every store test file shares: running one test body on each engine.

use store::Store;
use store::testing::{backends, fresh_database};

/// Runs `test` on a fresh, migrated database of each engine (SQLite always, Postgres when the
/// test cluster is up), closing it afterwards.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_database(backend, dir.path()).await;
        let store = Store::open(&url).await.unwrap_or_else(|e| panic!("{backend:?}: {e}"));
        eprintln!("-- {backend:?}");
        test(store.clone()).await;
        store.close().await;
    }
}
