//! What the judge says about a submission and about each test.

use std::time::Duration;

pub use domain::Verdict;
use serde::{Deserialize, Serialize};

/// One test's outcome.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TestResult {
    /// 1-based position in the problem's test list.
    pub number: usize,
    pub name: String,
    pub sample: bool,
    pub verdict: Verdict,
    /// Wasm instructions executed (fuel consumed). Deterministic.
    pub instructions: u64,
    pub instruction_limit: u64,
    /// Peak linear memory in bytes.
    pub peak_memory: u64,
    /// For RE: the trap or exit code and the panic message; for WA/TLE/MLE/OLE: a short reason.
    pub detail: Option<String>,
    /// Only for sample tests: the test's input, expected and actual output (capped).
    pub sample_io: Option<SampleIo>,
    #[serde(with = "duration_micros")]
    pub wall: Duration,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SampleIo {
    pub input: String,
    pub expected: String,
    pub actual: String,
}

/// Where the time went, for benchmarks and logs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Timings {
    /// rustc / go tool compile+link.
    #[serde(with = "duration_micros")]
    pub source_compile: Duration,
    /// Wasm → machine code (Winch).
    #[serde(with = "duration_micros")]
    pub module_compile: Duration,
    /// All tests.
    #[serde(with = "duration_micros")]
    pub run: Duration,
    /// The module came from the cache (same language and source seen before).
    pub cached: bool,
}

/// The whole submission's outcome.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub verdict: Verdict,
    /// For CE: the compiler's messages (capped, paths scrubbed). For IE: a generic message.
    pub message: Option<String>,
    pub tests: Vec<TestResult>,
    /// Number of tests the problem has (tests may stop at the first failure).
    pub total_tests: usize,
    pub timings: Timings,
}

impl Report {
    pub fn accepted(&self) -> bool {
        self.verdict == Verdict::AC
    }

    /// The first failing test, if any.
    pub fn first_failure(&self) -> Option<&TestResult> {
        self.tests.iter().find(|t| t.verdict != Verdict::AC)
    }

    /// Total instructions over all tests run.
    pub fn instructions(&self) -> u64 {
        self.tests.iter().map(|t| t.instructions).sum()
    }

    pub fn peak_memory(&self) -> u64 {
        self.tests.iter().map(|t| t.peak_memory).max().unwrap_or(0)
    }
}

mod duration_micros {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_micros() as u64)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_micros(u64::deserialize(d)?))
    }
}
