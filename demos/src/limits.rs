//! Every limit the demo runner applies, named for what it limits.

use std::time::Duration;

/// Virtual address space of a demo: Go reserves address space generously, and the largest
/// demos keep a few hundred MiB live; four GiB bounds a runaway allocation.
pub const ADDRESS_SPACE_BYTES: u64 = 4 << 30;
/// Files a demo may write in its working directory.
pub const FILE_SIZE_BYTES: u64 = 256 << 20;
pub const OPEN_FILES: u64 = 256;
/// Threads and processes (Linux counts both per user; not enforced for root).
pub const PROCESSES: u64 = 4096;
/// Demos run at a lower priority than the web server, so that reading lessons stays fast.
pub const NICENESS: i32 = 19;

/// Lines of stdout a run may print; the rest is not forwarded.
pub const MAX_LINES: u64 = 20_000;
/// Longest line read from a demo; longer lines are refused whole.
pub const MAX_LINE_BYTES: usize = 4096;
/// Longest `note` text forwarded.
pub const MAX_NOTE_CHARS: usize = 300;
/// Longest string category (x of a bar or histogram).
pub const MAX_CATEGORY_CHARS: usize = 64;
/// How much of stderr is kept to explain a failed run.
pub const STDERR_TAIL_BYTES: usize = 4096;
/// How much of `go build`'s output (e.g. `-gcflags=-m`) is shown.
pub const BUILD_OUTPUT_BYTES: usize = 32 << 10;

/// Learners waiting for a free slot; beyond this, "busy, try again" at once.
pub const MAX_WAITING: usize = 32;
/// Building one demo with a warm Go cache takes ~0.5 s; a cold cache compiles the standard
/// library once (~40 s on two cores).
pub const BUILD_WALL: Duration = Duration::from_secs(300);
/// After the program exits, how long its pipes may take to drain.
pub const DRAIN_WALL: Duration = Duration::from_millis(500);

/// CPU seconds a run may use: its wall-clock timeout on every core, plus start-up.
pub fn cpu_seconds(timeout: Duration, cores: usize) -> u64 {
    timeout.as_secs() * cores as u64 + 2
}
