//! Runs an untrusted-input compiler as a child process in the shared [`jail`].
//!
//! A compiler fed hostile source can be made to read files (`include_str!`, `#[path]`,
//! `//go:embed`), read the environment (`env!`), loop forever in const evaluation, or eat memory.
//! So every compiler runs:
//! - in an empty temporary directory that holds only the submission,
//! - with an empty environment plus the few variables the caller names,
//! - under Landlock (read/execute only beneath the toolchain directories, read/write only beneath
//!   the temp dir, no TCP, no signals or abstract sockets outside the jail),
//! - with rlimits on CPU time, address space, file size and core dumps, in its own process group,
//! - with a wall-clock deadline after which the whole group is killed,
//! - killed with the thread that started it (a judge that dies does not leave it running),
//! - started without copying the judge's process ([`jail::ConfinedCommand`]: no `fork` of a
//!   server of a gigabyte for every compile),
//! - with stdout/stderr going to files in the temp dir (capped by `RLIMIT_FSIZE`), read back capped.

use std::fs::File;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::error::Error;
pub use crate::limits::JailLimits;

/// What a jailed command did.
#[derive(Debug)]
pub struct JailOutcome {
    pub success: bool,
    /// stderr then stdout, capped.
    pub output: String,
    pub timed_out: bool,
    /// Killed by a signal (e.g. SIGKILL from the OOM path, SIGXCPU, SIGXFSZ, SIGSEGV on ENOMEM).
    pub signal: Option<i32>,
    pub elapsed: Duration,
}

/// A prepared jail: the shared [`jail::Jail`] plus the judge's way of running a compiler.
#[derive(Debug, Clone)]
pub struct Jail(jail::Jail);

impl Jail {
    /// A jail whose processes may read and execute beneath `toolchain_dirs` (plus system libraries).
    pub fn new(toolchain_dirs: &[PathBuf]) -> Self {
        Jail(jail::Jail::new(toolchain_dirs))
    }

    /// Runs `program args…` in `work_dir` with only `env` in its environment.
    pub fn run(
        &self,
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        work_dir: &Path,
        limits: &JailLimits,
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<JailOutcome, Error> {
        let stderr_path = work_dir.join(".stderr");
        let stdout_path = work_dir.join(".stdout");
        let stderr = File::create(&stderr_path).map_err(|e| Error::io("create stderr file", e))?;
        let stdout = File::create(&stdout_path).map_err(|e| Error::io("create stdout file", e))?;

        let rlimits = jail::Rlimits {
            cpu_seconds: Some(limits.cpu_seconds),
            address_space_bytes: Some(limits.address_space_bytes),
            file_size_bytes: Some(limits.file_size_bytes),
            ..Default::default()
        };
        // A compiler has its own process group, so a judge killed with SIGKILL would leave it
        // running up to its CPU limit for a result nobody reads: it dies with the judge thread
        // instead, which waits for it below.
        let cmd = env
            .iter()
            .fold(self.0.command(program).args(args), |cmd, (k, v)| cmd.env(k, v))
            .stdout(stdout)
            .stderr(stderr)
            .limits(rlimits)
            .die_with_thread();
        let start = Instant::now();
        let mut child = cmd.spawn(work_dir).map_err(|e| Error::Sandbox(e.to_string()))?;
        let pgid = child.id();
        let mut timed_out = false;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) => {}
                Err(e) => return Err(Error::io("wait for compiler", e)),
            }
            let cancelled = cancel.is_some_and(|c| c.load(Ordering::Relaxed));
            if start.elapsed() > limits.wall || cancelled {
                timed_out = !cancelled;
                jail::kill_group(pgid);
                let status = child.wait().map_err(|e| Error::io("wait for compiler", e))?;
                if cancelled {
                    return Err(Error::Cancelled);
                }
                break status;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        // Grandchildren (e.g. rust-lld) share the group; make sure none outlive the compile.
        jail::kill_group(pgid);
        let elapsed = start.elapsed();
        let mut output = read_capped(&stderr_path, limits.output_bytes);
        let out = read_capped(&stdout_path, limits.output_bytes.saturating_sub(output.len()));
        output.push_str(&out);
        Ok(JailOutcome { success: status.success() && !timed_out, output, timed_out, signal: status.signal(), elapsed })
    }
}

fn read_capped(path: &Path, cap: usize) -> String {
    let mut buf = Vec::new();
    if let Ok(f) = File::open(path) {
        // A short read just means less output shown; nothing to report.
        let _ = f.take(cap as u64).read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}
