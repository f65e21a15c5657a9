//! Server-only parts of the app (the `ssr` feature): the state server functions share, sessions,
//! passwords, login throttling, spaced-review scheduling. Never in the browser bundle. SQL lives in the `store` crate.

pub mod password;
pub mod review;
pub mod session;
pub mod state;
pub mod throttle;

pub use state::AppState;
