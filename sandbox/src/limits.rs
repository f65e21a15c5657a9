//! Every limit the judge enforces, in one place, by what it limits. A problem's own limits
//! (memory, output, fuel factor and floor) come from its `problem.toml`; these are the judge's.

use std::time::Duration;

// ---- Compilers (child processes in the jail; see `jail.rs`) ----

/// What one compiler run may use. A Go compile and its link share one budget.
#[derive(Debug, Clone)]
pub struct JailLimits {
    /// Killed after this much wall-clock time: bounds how long one submission can hold a judge
    /// worker while compiling (a const-eval loop in Rust runs until stopped).
    pub wall: Duration,
    pub cpu_seconds: u64,
    pub address_space_bytes: u64,
    pub file_size_bytes: u64,
    /// How much of stdout+stderr is kept.
    pub output_bytes: usize,
}

/// An ordinary solution compiles in 0.1–0.3 s here (rustc at opt-level 2, Go compile+link);
/// ten seconds leaves room for a loaded machine and a large file, and no more.
pub const COMPILE_WALL: Duration = Duration::from_secs(10);

impl Default for JailLimits {
    fn default() -> Self {
        JailLimits {
            wall: COMPILE_WALL,
            cpu_seconds: COMPILE_WALL.as_secs(),
            address_space_bytes: 4 << 30,
            file_size_bytes: 64 << 20,
            output_bytes: 16 << 10,
        }
    }
}

/// Compiler output shown to the learner.
pub const COMPILER_MESSAGE_CAP: usize = 8 << 10;

// ---- Programs (wasm in wasmtime; see `run.rs`) ----

/// What one test run may use.
#[derive(Debug, Clone)]
pub struct RunLimits {
    /// Wasm instructions: the time limit, deterministic.
    pub fuel: u64,
    pub memory_bytes: u64,
    pub output_bytes: usize,
    /// Wall-clock backstop: fuel is the real limit, this only catches a stuck host.
    pub wall: Duration,
}

/// Fuel is the limit; wall-clock only catches a host that is stuck. Assume a slow machine runs
/// at least 20 M instructions per second.
pub fn wall_backstop(fuel: u64) -> Duration {
    Duration::from_secs(5) + Duration::from_millis(fuel / 20_000)
}

/// Wasm stack. Go's runtime runs goroutines on its own heap stacks but still needs a few MB of
/// wasm stack; Rust's deep recursion uses the wasm stack too.
pub const MAX_WASM_STACK: usize = 16 << 20;
/// Stack of the host threads that run wasm: more than `MAX_WASM_STACK` (virtual; pages are
/// touched only as used).
pub const RUN_THREAD_STACK: usize = 64 << 20;
/// How often the epoch ticks; the wall-clock backstop and cancellation are checked per tick.
pub const EPOCH_TICK: Duration = Duration::from_millis(10);
/// Largest compiled program (wasm bytes) the judge takes (see `admission.rs`). A Go program is
/// 2–5 MiB, a Rust one far less; beyond this it is a big initialised table, which the module
/// cache would keep in memory (16 of them: a gigabyte).
pub const MAX_MODULE_BYTES: usize = 16 << 20;
/// Most memory, first to last initialised byte, a program's data may span (see `admission.rs`).
/// wasmtime builds a copy-on-write image of up to this much whatever its density (`run.rs` sets
/// it), so no program makes it compile a data-copying start-up function.
pub const MAX_INITIALISED_SPAN: u64 = 16 << 20;
/// stderr kept per run: enough for a panic message and a short trace.
pub const RUN_STDERR_CAP: usize = 8 << 10;
/// Tables only hold function references; no sane program needs more.
pub const MAX_TABLE_ELEMENTS: usize = 1 << 20;
/// The Rust program's shadow stack in linear memory (Rust's default of 1 MiB is too small for
/// the recursive DFS a learner may reasonably write).
pub const RUST_SHADOW_STACK_BYTES: u32 = 8 << 20;
/// Largest goroutine stack in Go submissions, well under the memory limit, so runaway recursion
/// is a "stack overflow" runtime error (as on a native judge), not an out-of-memory.
pub const GO_MAX_STACK_BYTES: u64 = 32 << 20;

// ---- Calibration and reports ----

/// Fuel the reference solution may use on one test while calibrating.
pub const CALIBRATION_FUEL: u64 = 20_000_000_000;

// ---- Scaling series (see `scaling.rs`) ----

/// A solution's instruction cap on every size of a scaling series is this many times the
/// reference's count on the largest size: generous (a quadratic solution gets measured on most
/// of a series the linear reference runs), yet bounded, so the measurement cannot run away.
pub const SCALING_FUEL_FACTOR: u64 = 50;
/// … but at least this (covers Go's runtime start-up on a cheap series) …
pub const SCALING_FUEL_FLOOR: u64 = 200_000_000;
/// … and at most this, like calibration; the reference runs under this cap.
pub const SCALING_FUEL_MAX: u64 = CALIBRATION_FUEL;
/// stdout kept per scaling run: the output is not checked, only counted, and a large input may
/// have a large output (a suffix array prints n numbers).
pub const SCALING_OUTPUT_BYTES: usize = 64 << 20;
/// Sample I/O shown to the learner, per field.
pub const SAMPLE_IO_CAP: usize = 4 << 10;
/// stderr shown for a runtime error on a sample test.
pub const SAMPLE_STDERR_CAP: usize = 2 << 10;
/// On hidden tests only the first line of the panic message, this long: showing all of stderr
/// would let a submission print the hidden input.
pub const HIDDEN_STDERR_CAP: usize = 200;
/// A custom-input run's stdout and stderr shown to the learner, each (their own input: nothing
/// hidden to protect).
pub const CUSTOM_OUTPUT_CAP: usize = 16 << 10;
