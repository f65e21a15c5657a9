//! Fresh databases for tests, on both engines.
//!
//! Postgres comes from the environment: `PREP_TEST_POSTGRES` is the URL of a throwaway cluster
//! (`scripts/with-postgres.sh` starts one; `./test.sh` runs every test inside it). Each call
//! creates a new database there, so tests never see each other's rows. Without the variable,
//! Postgres tests are skipped with a note, unless `PREP_REQUIRE_POSTGRES` is set (CI sets it):
//! then a missing cluster fails the test instead of passing silently.

use std::path::Path;

use sqlx::{Connection, Executor};

use crate::{Backend, DatabaseUrl};

pub const POSTGRES_ENV: &str = "PREP_TEST_POSTGRES";
pub const REQUIRE_POSTGRES_ENV: &str = "PREP_REQUIRE_POSTGRES";

/// The engines to run a test against: SQLite always, Postgres when a cluster is available.
pub fn backends() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    if postgres_cluster().is_some() {
        v.push(Backend::Postgres);
    }
    v
}

/// The test cluster's admin URL, if there is one.
pub fn postgres_cluster() -> Option<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os(REQUIRE_POSTGRES_ENV).is_some() => {
            panic!(
                "{REQUIRE_POSTGRES_ENV} is set but {POSTGRES_ENV} is not: run the tests through scripts/with-postgres.sh"
            )
        }
        _ => {
            eprintln!("note: {POSTGRES_ENV} is not set; Postgres cases skipped (./test.sh runs them)");
            None
        }
    }
}

/// A database nobody else uses: a new SQLite file in `dir`, or a new database on the cluster.
pub async fn fresh_database(backend: Backend, dir: &Path) -> DatabaseUrl {
    match backend {
        Backend::Sqlite => DatabaseUrl::Sqlite(dir.join(format!("prep-{}.db", unique()))),
        Backend::Postgres => {
            let admin = postgres_cluster().expect("no Postgres cluster for a Postgres test");
            let name = format!("prep_test_{}", unique());
            sqlx::any::install_default_drivers();
            let mut conn = sqlx::AnyConnection::connect(&admin).await.unwrap_or_else(|e| panic!("{admin}: {e}"));
            conn.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create test database");
            conn.close().await.ok();
            let base = admin.rsplit_once('/').map(|(base, _)| base).unwrap_or(&admin);
            DatabaseUrl::Postgres(format!("{base}/{name}"))
        }
    }
}

fn unique() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 6];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A store on a SQLite file that may not grow past `pages` pages (`PRAGMA max_page_count` on
/// every connection): to SQLite a full disk, without filling one.
pub async fn open_sqlite_capped(path: &Path, pages: u32) -> Result<crate::Store, crate::OpenError> {
    let tuning = crate::connect::Tuning { sqlite_max_pages: Some(pages) };
    crate::Store::open_tuned(&DatabaseUrl::Sqlite(path.to_owned()), tuning).await
}
