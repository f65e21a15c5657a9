use std::sync::Arc;

use catalog::Catalog;
use leptos::prelude::use_context;
use sqlx::SqlitePool;

use super::throttle::Throttle;
use crate::api::ApiError;

/// What server functions need, provided to every request as Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    pub catalog: Arc<Catalog>,
    pub throttle: Arc<Throttle>,
    /// Mark cookies `Secure` (when served over HTTPS behind a proxy).
    pub secure_cookies: bool,
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
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
