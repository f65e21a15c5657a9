use sqlx::error::DatabaseError;

/// A query that failed. Callers log it and show the learner a generic message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    /// A stored value none of our types can hold (a status, language or verdict we never write).
    #[error("corrupt row: {0}")]
    Corrupt(String),
}

impl StoreError {
    pub(crate) fn corrupt(what: impl std::fmt::Display) -> Self {
        StoreError::Corrupt(what.to_string())
    }

    /// Whether the query failed because the database cannot take it right now, through no
    /// fault of the query: the caller can only say so and let the learner try again later.
    pub fn outage(&self) -> Option<Outage> {
        let StoreError::Sqlx(e) = self else { return None };
        match e {
            // Every connection is held (by queries waiting for a lock): busy, not broken.
            sqlx::Error::PoolTimedOut => Some(Outage::Busy),
            sqlx::Error::Io(io) if io.raw_os_error() == Some(ENOSPC) => Some(Outage::DiskFull),
            sqlx::Error::Database(db) => {
                if let Some(e) = db.try_downcast_ref::<sqlx::sqlite::SqliteError>() {
                    let code = e.code().and_then(|c| c.parse::<i32>().ok())?;
                    sqlite_outage(code)
                } else if let Some(e) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
                    postgres_outage(e.code())
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

/// Why the database cannot take a query for now (see [`StoreError::outage`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outage {
    /// The disk (or the database's size limit) is full: writes fail until space is freed.
    DiskFull,
    /// Another process holds a lock longer than we wait for it, or every connection is taken.
    Busy,
}

/// No space left on the device (Linux's errno).
const ENOSPC: i32 = 28;

/// SQLite's result codes, by their primary code (the low byte of the extended one).
fn sqlite_outage(extended: i32) -> Option<Outage> {
    const BUSY: i32 = 5;
    const LOCKED: i32 = 6;
    // A write that fails with ENOSPC is reported as FULL by SQLite's file layer; FULL is also
    // what `max_page_count` gives.
    const FULL: i32 = 13;
    match extended & 0xff {
        FULL => Some(Outage::DiskFull),
        BUSY | LOCKED => Some(Outage::Busy),
        _ => None,
    }
}

/// Postgres' SQLSTATEs: class 53 is "insufficient resources"; 55P03 a lock not granted within
/// `lock_timeout`, 57014 a statement cancelled by `statement_timeout`.
fn postgres_outage(sqlstate: &str) -> Option<Outage> {
    match sqlstate {
        "53100" => Some(Outage::DiskFull),
        "55P03" | "57014" | "53300" | "53000" => Some(Outage::Busy),
        _ => None,
    }
}

/// Why the database could not be opened, in words that say what to do about it.
#[derive(Debug, thiserror::Error)]
#[error("database {database}: {reason}")]
pub struct OpenError {
    /// The file or URL (without its password).
    pub database: String,
    pub reason: String,
}
