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
}

/// Why the database could not be opened, in words that say what to do about it.
#[derive(Debug, thiserror::Error)]
#[error("database {database}: {reason}")]
pub struct OpenError {
    /// The file or URL (without its password).
    pub database: String,
    pub reason: String,
}
