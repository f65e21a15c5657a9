//! The judge: compiles learners' Rust and Go to WebAssembly (wasm32-wasip1) and grades them in
//! wasmtime, deterministically (time is fuel) and safely (compilers in a Landlock jail, programs
//! in a wasm sandbox with an in-memory WASI). Knows nothing of HTTP, users or SQL.
//!
//! ```no_run
//! # use std::sync::Arc;
//! # use sandbox::*;
//! let judge = Judge::new(JudgeConfig::for_repo(std::path::Path::new(".")))?;
//! let problem = Arc::new(Problem::load(std::path::Path::new("content/problems/lcs"))?);
//! let sub = Submission { problem, language: Language::Go, source: "…".into(), tests: Tests::All };
//! let report = judge.judge(&sub, None, &mut |t| println!("test {} {}", t.number, t.verdict))?;
//! # Ok::<(), sandbox::Error>(())
//! ```

mod admission;
pub mod checker;
pub mod compile;
mod error;
pub mod jail;
mod judge;
pub mod limits;
mod memory;
pub mod problem;
pub mod run;
pub mod scaling;
mod verdict;
mod wasi;

pub use checker::{Check, Checker};
pub use domain::{Growth, Language, ScalingPoint, ScalingReport};
pub use error::{Error, Result};
pub use judge::{CustomOutcome, Judge, JudgeConfig, Submission, Tests};
pub use problem::Problem;
pub use verdict::{Report, SampleIo, TestResult, Timings, Verdict};
