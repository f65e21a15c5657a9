//! Server-only parts of the app: state, sessions, passwords and SQL. Never in the browser bundle.

pub mod db;
pub mod password;
pub mod session;
pub mod state;
pub mod throttle;

pub use state::{AppState, JudgeLink};
