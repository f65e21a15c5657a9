use std::sync::Arc;

use catalog::Catalog;
use leptos::prelude::use_context;
use sqlx::SqlitePool;

use super::throttle::Throttle;
use crate::api::{ApiError, ProgressEvent};

/// What server functions need, provided to every request as Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    pub catalog: Arc<Catalog>,
    pub throttle: Arc<Throttle>,
    /// Mark cookies `Secure` (when served over HTTPS behind a proxy).
    pub secure_cookies: bool,
    pub judge: JudgeLink,
}

/// How server functions talk to the judge workers (which live in the server binary): the
/// submissions table is the queue; `wake` says a row was added; `progress` carries live events.
#[derive(Clone)]
pub struct JudgeLink {
    /// False when the server runs without judge workers: submissions are refused, not queued forever.
    pub enabled: bool,
    pub wake: Arc<tokio::sync::Notify>,
    pub progress: tokio::sync::broadcast::Sender<ProgressEvent>,
}

impl JudgeLink {
    pub fn new(enabled: bool) -> Self {
        let (progress, _) = tokio::sync::broadcast::channel(1024);
        Self { enabled, wake: Arc::new(tokio::sync::Notify::new()), progress }
    }
}

impl AppState {
    /// The state for the current request.
    pub fn current() -> Result<Self, ApiError> {
        use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            ApiError::Internal
        })
    }
}

/// Logs a database error with context and hides it from the user.
pub fn internal(context: &'static str) -> impl FnOnce(sqlx::Error) -> ApiError {
    move |e| {
        tracing::error!(error = %e, "{context}");
        ApiError::Internal
    }
}

pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}
