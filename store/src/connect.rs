//! Which database, and how to open it: `--database` is a SQLite file path (or `sqlite:` URL)
//! or a `postgres://` URL.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Connection, Executor};

use crate::error::OpenError;

/// How long a query waits for a lock another connection holds before it fails as busy: SQLite's
/// write lock (busy_timeout), a Postgres row or table lock (lock_timeout). Unbounded waits on
/// Postgres would pile requests onto the few pooled connections until every other request,
/// reads included, timed out waiting for one.
pub(crate) const LOCK_WAIT: Duration = Duration::from_secs(5);
/// Connections per process. SQLite has one writer anyway; Postgres counts connections per
/// server, so several processes share its `max_connections` (default 100).
const MAX_CONNECTIONS: u32 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A parsed `--database` value.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl FromStr for DatabaseUrl {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err("the database is empty: give a SQLite file path or a postgres:// URL".into());
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(raw.to_owned()));
        }
        if let Some(path) = raw.strip_prefix("sqlite://").or_else(|| raw.strip_prefix("sqlite:")) {
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if let Some((scheme, _)) = raw.split_once("://") {
            return Err(format!("unsupported database `{scheme}://`: use a SQLite file path or a postgres:// URL"));
        }
        Ok(DatabaseUrl::Sqlite(PathBuf::from(raw)))
    }
}

impl From<PathBuf> for DatabaseUrl {
    fn from(path: PathBuf) -> Self {
        DatabaseUrl::Sqlite(path)
    }
}

impl fmt::Display for DatabaseUrl {
    /// The file, or the URL without its password (it goes into logs and error messages).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "{}", path.display()),
            DatabaseUrl::Postgres(url) => {
                let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
                match rest.split_once('@') {
                    Some((credentials, host)) => {
                        let user = credentials.split(':').next().unwrap_or("");
                        write!(f, "{scheme}://{user}@{host}")
                    }
                    None => write!(f, "{scheme}://{rest}"),
                }
            }
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl DatabaseUrl {
    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::Sqlite(_) => Backend::Sqlite,
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        }
    }

    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            DatabaseUrl::Sqlite(p) => Some(p),
            DatabaseUrl::Postgres(_) => None,
        }
    }

    pub(crate) fn fail(&self, reason: impl Into<String>) -> OpenError {
        OpenError { database: self.to_string(), reason: reason.into() }
    }

    /// The URL sqlx's Any driver is given. SQLite file names are percent-encoded where the URL
    /// syntax would misread them.
    pub(crate) fn driver_url(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(path) => {
                let mut encoded = String::new();
                for c in path.to_string_lossy().chars() {
                    match c {
                        '%' => encoded.push_str("%25"),
                        '?' => encoded.push_str("%3F"),
                        '#' => encoded.push_str("%23"),
                        c => encoded.push(c),
                    }
                }
                format!("sqlite://{encoded}?mode=rwc")
            }
            DatabaseUrl::Postgres(url) => url.clone(),
        }
    }
}

/// Per-connection settings beyond the defaults: only tests change them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tuning {
    /// SQLite's `max_page_count`: the file may not grow past it, which is exactly what a full
    /// disk looks like to SQLite (tests use it instead of filling a real disk).
    pub sqlite_max_pages: Option<u32>,
}

pub(crate) async fn pool(url: &DatabaseUrl, tuning: Tuning) -> Result<AnyPool, OpenError> {
    sqlx::any::install_default_drivers();
    if let Some(dir) = url.sqlite_path().and_then(Path::parent).filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| url.fail(format!("cannot create its folder: {e}")))?;
    }
    let options: AnyConnectOptions = url.driver_url().parse().map_err(|e: sqlx::Error| url.fail(explain(&e)))?;
    let backend = url.backend();
    // One connection first, by hand: the pool retries failed connections until its timeout and
    // then reports only "timed out", hiding the reason (locked, read-only, refused).
    let mut probe = AnyConnection::connect_with(&options).await.map_err(|e| url.fail(explain(&e)))?;
    prepare_connection(&mut probe, backend, tuning).await.map_err(|e| url.fail(explain(&e)))?;
    probe.close().await.map_err(|e| url.fail(explain(&e)))?;
    AnyPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(LOCK_WAIT + Duration::from_secs(1))
        .after_connect(move |conn, _| Box::pin(prepare_connection(conn, backend, tuning)))
        .after_release(move |conn, _| Box::pin(fit_for_reuse(conn, backend)))
        .connect_with(options)
        .await
        .map_err(|e| url.fail(explain(&e)))
}

/// Per-connection settings.
async fn prepare_connection(conn: &mut AnyConnection, backend: Backend, tuning: Tuning) -> Result<(), sqlx::Error> {
    match backend {
        Backend::Sqlite => {
            // WAL: readers never wait for the writer. NORMAL: durable across crashes of the
            // process (not of the machine's power), at a fraction of FULL's fsyncs.
            let pragmas = format!(
                "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                LOCK_WAIT.as_millis()
            );
            conn.execute(pragmas.as_str()).await?;
            if let Some(pages) = tuning.sqlite_max_pages {
                conn.execute(format!("PRAGMA max_page_count = {pages}").as_str()).await?;
            }
        }
        Backend::Postgres => {
            conn.execute(format!("SET lock_timeout = {}", LOCK_WAIT.as_millis()).as_str()).await?;
        }
    }
    Ok(())
}

/// Whether a connection going back to the pool is outside any transaction, by sqlx's count and
/// by SQLite's own state; if not, the pool closes it (SQLite rolls back whatever it held) and
/// opens a fresh one. SQLite rolls a transaction back by itself on some errors (a full disk);
/// sqlx still counts it open, and the next transaction on that connection then begins as a
/// mere savepoint whose rollback leaves SQLite inside a transaction for good: every later
/// write on the connection would be answered "saved", never be committed, and hold the write
/// lock against everyone else.
async fn fit_for_reuse(conn: &mut AnyConnection, backend: Backend) -> Result<bool, sqlx::Error> {
    if backend != Backend::Sqlite {
        return Ok(true);
    }
    // Queued after any rollback a dropped transaction left behind; BEGIN fails inside a
    // transaction, and a deferred one takes no lock.
    if conn.execute("BEGIN DEFERRED; ROLLBACK;").await.is_err() {
        return Ok(false);
    }
    Ok(!conn.is_in_transaction())
}

/// Migrations that are already applied write nothing, so a read-only or locked SQLite file would
/// pass them; take the write lock once now rather than fail on a learner's first click.
pub(crate) async fn check_writable(pool: &AnyPool, url: &DatabaseUrl) -> Result<(), OpenError> {
    let probe = match url.backend() {
        Backend::Sqlite => "BEGIN IMMEDIATE; ROLLBACK;",
        Backend::Postgres => "CREATE TEMPORARY TABLE prep_write_probe (x INTEGER); DROP TABLE prep_write_probe;",
    };
    pool.execute(probe).await.map_err(|e| url.fail(explain(&e)))?;
    Ok(())
}

pub(crate) fn explain(e: &sqlx::Error) -> String {
    let text = e.to_string();
    if text.contains("locked") || text.contains("busy") {
        format!("the database is locked by another process (is another prep running?): {text}")
    } else if text.contains("readonly") || text.contains("read-only") || text.contains("unable to open") {
        format!("cannot open it for writing (check the file's and folder's permissions): {text}")
    } else if text.contains("Connection refused") || text.contains("connection refused") {
        format!("nobody answers at that address (is PostgreSQL running?): {text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paths_and_urls() {
        assert_eq!("data/prep.db".parse(), Ok(DatabaseUrl::Sqlite("data/prep.db".into())));
        assert_eq!("sqlite:///tmp/x.db".parse(), Ok(DatabaseUrl::Sqlite("/tmp/x.db".into())));
        let pg: DatabaseUrl = "postgres://prep:secret@127.0.0.1:5433/prep".parse().unwrap();
        assert_eq!(pg.backend(), Backend::Postgres);
        assert_eq!(pg.to_string(), "postgres://prep@127.0.0.1:5433/prep", "no password in logs");
        assert!("mysql://x".parse::<DatabaseUrl>().unwrap_err().contains("unsupported"));
        assert!("  ".parse::<DatabaseUrl>().is_err());
    }

    #[test]
    fn odd_file_names_survive_the_url() {
        let url = DatabaseUrl::Sqlite("/tmp/a?b#c%d.db".into());
        assert_eq!(url.driver_url(), "sqlite:///tmp/a%3Fb%23c%25d.db?mode=rwc");
    }
}
