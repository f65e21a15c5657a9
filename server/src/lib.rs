//! The `prep` binary as a library, so tests can start the real thing on port 0: `serve` (the
//! site, with judge workers inside) and `worker` (judge workers only, for scale-out on Postgres).

pub mod config;
mod csrf;
mod demo_runs;
mod error;
mod routes;
pub mod startup;
mod submission_events;
mod worker;
mod your_data;

pub use config::{Cli, Command, JudgeOptions, ServeConfig, WorkerConfig};
pub use error::StartupError;
pub use startup::{Application, run_worker};
