//! A run on the learner's own input ("Run with custom input"): what their program printed and
//! cost, next to what the reference solution printed and cost on the same input. Nothing is
//! checked against a hidden answer: the reference's output is the comparison.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomRun {
    /// The input as run (capped for display).
    pub input: String,
    pub yours: RunReport,
    /// `None` when the reference could not be run on it (see `note`).
    pub reference: Option<RunReport>,
    /// The problem's checker accepts your output against the reference's.
    pub same_output: Option<bool>,
    /// Why the comparison is missing or partial, e.g. the reference failed on this input
    /// (often: the input does not follow the format).
    pub note: Option<String>,
}

/// One program's run: its output (capped), how it ended, what it cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    pub end: RunEnd,
    pub stdout: String,
    pub stderr: String,
    pub instructions: u64,
    pub instruction_limit: u64,
    pub peak_memory: u64,
}

/// How a run ended, as a learner reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunEnd {
    /// Exit status 0.
    Finished,
    /// A non-zero exit status (`os.Exit(n)`, `process::exit(n)`; a Go panic exits with 2).
    Exit(i32),
    /// Used every instruction allowed.
    OutOfInstructions,
    /// Wanted more memory than the problem allows.
    OutOfMemory,
    /// Printed more than the problem allows.
    TooMuchOutput,
    /// A trap: a Rust panic (it aborts in WebAssembly), out-of-bounds access, stack overflow…
    Crashed(String),
}

impl RunEnd {
    /// "exit status 0", "exit status 101", "out of instructions", …
    pub fn describe(&self) -> String {
        match self {
            RunEnd::Finished => "exit status 0".into(),
            RunEnd::Exit(code) => format!("exit status {code}"),
            RunEnd::OutOfInstructions => "stopped: out of instructions (time limit)".into(),
            RunEnd::OutOfMemory => "stopped: over the memory limit".into(),
            RunEnd::TooMuchOutput => "stopped: over the output limit".into(),
            RunEnd::Crashed(what) => format!("crashed: {what}"),
        }
    }
}
