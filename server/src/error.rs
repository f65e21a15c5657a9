/// Why the server could not start, in words that say what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("content: {0}")]
    Content(#[from] catalog::LoadError),
    #[error("{0}")]
    Database(#[from] store::OpenError),
    #[error("search index: {0}")]
    SearchIndex(store::StoreError),
    #[error("demo cache {path}: {source}")]
    DemoCache { path: std::path::PathBuf, source: std::io::Error },
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("--external-workers needs a Postgres database: on SQLite every judge worker lives in the web process")]
    ExternalWorkersNeedPostgres,
    #[error("prep worker needs a Postgres database (on SQLite, run the judge inside `prep serve`)")]
    WorkerNeedsPostgres,
}
