use std::path::PathBuf;

/// Why the server could not start, in words that say what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("content: {0}")]
    Content(#[from] catalog::LoadError),
    #[error("database {path}: {reason}")]
    Database { path: PathBuf, reason: String },
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: std::net::SocketAddr, source: std::io::Error },
}
