//! The crate's one error type. Submissions that fail (CE, WA, TLE …) are *verdicts*, not errors;
//! an `Error` means the judge itself could not do its job (an IE) or the caller gave it bad input.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {reason}")]
    Problem { path: PathBuf, reason: String },
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("sandbox: {0}")]
    Sandbox(String),
    #[error("toolchain: {0}")]
    Toolchain(String),
    #[error("wasmtime: {0}")]
    Wasmtime(String),
    #[error("the reference solution for {problem} ({language}) does not pass: {reason}")]
    Reference { problem: String, language: String, reason: String },
    #[error("the submission was cancelled")]
    Cancelled,
    #[error("the judge queue is full")]
    QueueFull,
    #[error("the judge has shut down")]
    ShutDown,
}

impl Error {
    pub(crate) fn io(what: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { what: what.into(), source }
    }

    pub(crate) fn problem(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Error::Problem { path: path.into(), reason: reason.into() }
    }

    pub(crate) fn wasmtime(e: wasmtime::Error) -> Self {
        Error::Wasmtime(format!("{e:#}"))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
