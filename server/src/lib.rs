//! The `prep` binary as a library, so tests can start the real thing on port 0: `serve` (the
//! site, with judge workers inside) and `worker` (judge workers only, for scale-out on Postgres).

mod client_address;
pub mod config;
mod csrf;
mod demo_runs;
mod error;
mod nul_guard;
mod page_cache;
mod routes;
mod security_headers;
pub mod startup;
mod submission_events;
mod worker;
mod your_data;

pub use config::{Cli, Command, JudgeOptions, ServeConfig, WorkerConfig};
pub use error::StartupError;
/// The body limits, for tests that send bodies just over them.
pub use routes::MAX_BODY_BYTES;
pub use startup::{Application, run_worker};
pub use your_data::IMPORT_BODY_BYTES;
