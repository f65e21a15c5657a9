use std::sync::Arc;

use catalog::Catalog;
use leptos::prelude::use_context;
use store::Store;

use super::failure::Failure;
use crate::api::ApiError;

/// What server functions need, provided to every request as Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalog: Arc<Catalog>,
    /// Full-text search over the catalog, built from it at start-up.
    pub search: Arc<store::SearchIndex>,
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

/// Logs a failure from below the API with context. One that only says the database cannot
/// take the request for now (a full disk, a lock held too long) reaches the learner as such
/// (503); anything else is hidden behind `Internal`.
pub fn internal<E: Failure>(context: &'static str) -> impl FnOnce(E) -> ApiError {
    move |e| match e.outage() {
        Some(outage) => {
            tracing::warn!(error = %e, "{context}");
            super::failure::unavailable(outage)
        }
        None => {
            tracing::error!(error = %e, "{context}");
            ApiError::Internal
        }
    }
}
