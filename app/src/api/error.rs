//! The one error type every server function returns.
//!
//! Variants are what a learner can act on; internal failures are logged where they happen and
//! reach the browser only as `Internal`. On the server each variant also sets the HTTP status.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    /// A form field or argument that cannot be accepted; the message says why.
    #[error("{0}")]
    BadInput(String),
    #[error("Wrong username or password.")]
    WrongCredentials,
    #[error("That username is taken. Pick another.")]
    UsernameTaken,
    #[error("Please log in or start as a guest first.")]
    NotLoggedIn,
    #[error("{0} not found.")]
    NotFound(String),
    #[error("Too many failed attempts. Try again in {0} seconds.")]
    Throttled(u64),
    /// Refused for now by a deliberate limit (submissions waiting, runs in a minute); the
    /// message says what to wait for.
    #[error("{0}")]
    Limited(String),
    /// The database cannot take the request for now (the disk is full, a lock is held too
    /// long): nothing was saved, and the message says so.
    #[error("{0}")]
    Unavailable(String),
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
    /// Transport-level failures (bad request encoding, network errors in the browser).
    #[error("{0}")]
    Transport(String),
}

impl ApiError {
    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::BadInput(message.into())
    }

    pub fn status(&self) -> u16 {
        match self {
            ApiError::BadInput(_) | ApiError::Transport(_) => 400,
            ApiError::WrongCredentials | ApiError::NotLoggedIn => 401,
            ApiError::NotFound(_) => 404,
            ApiError::UsernameTaken => 409,
            ApiError::Throttled(_) | ApiError::Limited(_) => 429,
            ApiError::Internal => 500,
            ApiError::Unavailable(_) => 503,
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = match value {
            ServerFnErrorErr::Args(m) | ServerFnErrorErr::MissingArg(m) => {
                ApiError::Transport(format!("Malformed request: {m}"))
            }
            ServerFnErrorErr::Request(_) => {
                ApiError::Transport("Could not reach the server. Check your connection.".into())
            }
            other => ApiError::Transport(other.to_string()),
        };
        // On the server this runs when a request cannot be decoded: that is the client's
        // fault (400), not ours (the framework's default 500).
        #[cfg(feature = "ssr")]
        set_status(&error);
        error
    }
}

/// Server side: record the status for this error on the response being built.
#[cfg(feature = "ssr")]
pub fn set_status(error: &ApiError) {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(code) = http::StatusCode::from_u16(error.status())
    {
        res.set_status(code);
    }
}
