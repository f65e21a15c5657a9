use std::sync::Arc;

use catalog::Catalog;
use leptos::prelude::use_context;
use store::Store;

use super::throttle::Throttle;
use crate::api::ApiError;

/// What server functions need, provided to every request as Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalog: Arc<Catalog>,
    /// Full-text search over the catalog, built from it at start-up.
    pub search: Arc<store::SearchIndex>,
    pub throttle: Arc<Throttle>,
    /// Mark cookies `Secure` (when served over HTTPS behind a proxy).
    pub secure_cookies: bool,
    /// Whether someone judges what is queued: workers in this process, or (on Postgres) worker
    /// processes elsewhere. When false, submissions are refused rather than queued forever.
    pub accepts_submissions: bool,
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

/// Logs a store error with context and hides it from the user.
pub fn internal<E: std::fmt::Display>(context: &'static str) -> impl FnOnce(E) -> ApiError {
    move |e| {
        tracing::error!(error = %e, "{context}");
        ApiError::Internal
    }
}
