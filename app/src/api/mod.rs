//! Server functions — Prep's API — and the types they exchange.
//!
//! Every function has an explicit endpoint, so its URL is `POST /api/<endpoint>` forever
//! (no hashed names): scripts and tests call them directly. Arguments are form-encoded
//! (`application/x-www-form-urlencoded`), results are JSON. See `docs/api.md`.

mod auth;
mod course;
mod dashboard;
mod demos;
mod drafts;
mod error;
pub mod fields;
mod guest_merge;
mod notes;
mod plain_form;
mod portable;
mod problems;
mod review;
mod review_settings;
mod search;
pub mod static_html;
mod submission_pages;
mod submissions;
mod theme;
mod types;

pub use auth::*;
pub use course::*;
pub use dashboard::*;
pub use demos::*;
pub use drafts::*;
pub use error::ApiError;
#[cfg(feature = "ssr")]
pub use error::set_status;
pub use guest_merge::*;
pub use notes::*;
pub use portable::*;
pub use problems::*;
pub use review::*;
pub use review_settings::*;
pub use search::*;
pub use submission_pages::*;
pub use submissions::*;
pub use theme::*;
pub use types::*;

/// Runs a server function's body and, on the server, turns an error into the right HTTP status.
#[cfg(feature = "ssr")]
pub(crate) async fn respond<T>(body: impl Future<Output = Result<T, ApiError>>) -> Result<T, ApiError> {
    let result = body.await;
    if let Err(e) = &result {
        set_status(e);
    }
    result
}
