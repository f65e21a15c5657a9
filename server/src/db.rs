//! Opens the SQLite database: WAL for concurrent readers, a busy timeout instead of instant
//! "database is locked" errors, foreign keys on, and the embedded migrations applied.

use std::path::Path;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::error::StartupError;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub async fn open(path: &Path) -> Result<SqlitePool, StartupError> {
    let fail = |reason: String| StartupError::Database { path: path.to_path_buf(), reason };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| fail(format!("cannot create its folder: {e}")))?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(BUSY_TIMEOUT + Duration::from_secs(1))
        .connect_with(options)
        .await
        .map_err(|e| fail(explain(&e)))?;
    sqlx::migrate!("../migrations").run(&pool).await.map_err(|e| fail(format!("migrations failed: {e}")))?;
    // Migrations that are already applied write nothing, so a read-only or locked file would
    // pass them; take the write lock once now rather than fail on a learner's first click.
    sqlx::query("BEGIN IMMEDIATE; ROLLBACK;").execute(&pool).await.map_err(|e| fail(explain(&e)))?;
    // Expired sessions are refused by every lookup; deleting them at start keeps the table small.
    sqlx::query("DELETE FROM sessions WHERE expires_at <= ?")
        .bind(app::server::state::now())
        .execute(&pool)
        .await
        .map_err(|e| fail(explain(&e)))?;
    Ok(pool)
}

fn explain(e: &sqlx::Error) -> String {
    let text = e.to_string();
    if text.contains("locked") || text.contains("busy") {
        format!("the database is locked by another process (is another prep running?): {text}")
    } else if text.contains("readonly") || text.contains("read-only") || text.contains("unable to open") {
        format!("cannot open it for writing (check the file's and folder's permissions): {text}")
    } else {
        text
    }
}
