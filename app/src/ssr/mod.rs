//! Server-only parts of the app (the `ssr` feature): the state server functions share, sessions,
//! passwords, login throttling, spaced-review scheduling. Never in the browser bundle. SQL lives in the `store` crate.

pub mod cookie;
pub mod failure;
pub mod password;
pub mod review;
pub mod session;
pub mod state;
pub mod targets;
pub mod throttle;

pub use state::AppState;

/// `YYYY-MM-DD` (UTC) of a Unix time, as pages show dates.
pub fn utc_date(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}
