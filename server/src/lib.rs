//! The `prep` server as a library, so tests can start the real thing on port 0.

pub mod config;
mod csrf;
mod db;
mod error;
mod judge_worker;
mod routes;
pub mod startup;
mod submission_events;

pub use config::Config;
pub use error::StartupError;
pub use startup::Application;
