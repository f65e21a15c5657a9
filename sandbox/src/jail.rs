//! Runs an untrusted-input compiler as a child process in a jail.
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
//! - with stdout/stderr going to files in the temp dir (capped by `RLIMIT_FSIZE`), read back capped.

use std::fs::File;
use std::io::Read;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use landlock::{
    ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, PathBeneath, PathFd, Ruleset, RulesetAttr,
    RulesetCreatedAttr, Scope,
};

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

/// A prepared jail: which paths may be read and executed.
#[derive(Debug, Clone)]
pub struct Jail {
    read_exec: Vec<PathBuf>,
    read_files: Vec<PathBuf>,
}

/// System paths every dynamically linked compiler needs: the loader, libc and friends.
/// Deliberately not `/etc` (only `ld.so.cache`), not `/home`, not `/proc`, not the repository.
const SYSTEM_DIRS: &[&str] = &["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/lib32"];
const SYSTEM_FILES: &[&str] = &["/etc/ld.so.cache", "/dev/null", "/dev/urandom"];

impl Jail {
    /// A jail whose processes may read and execute beneath `toolchain_dirs` (plus system libraries).
    pub fn new(toolchain_dirs: &[PathBuf]) -> Self {
        let mut read_exec: Vec<PathBuf> = SYSTEM_DIRS.iter().map(PathBuf::from).collect();
        read_exec.extend(toolchain_dirs.iter().cloned());
        Jail { read_exec, read_files: SYSTEM_FILES.iter().map(PathBuf::from).collect() }
    }

    /// Builds the Landlock ruleset in the parent (allocation is not allowed after fork) and
    /// returns its file descriptor; the child only calls `landlock_restrict_self` on it.
    fn ruleset(&self, work_dir: &Path) -> Result<OwnedFd, Error> {
        let abi = ABI::V6;
        let err = |e: &dyn std::fmt::Display| Error::Sandbox(format!("landlock: {e}"));
        let mut ruleset = Ruleset::default()
            .set_compatibility(CompatLevel::HardRequirement)
            .handle_access(AccessFs::from_all(abi))
            .map_err(|e| err(&e))?
            .handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp)
            .map_err(|e| err(&e))?
            .scope(Scope::AbstractUnixSocket | Scope::Signal)
            .map_err(|e| err(&e))?
            .create()
            .map_err(|e| err(&e))?;
        let read_exec = AccessFs::from_read(abi);
        for dir in &self.read_exec {
            // Missing system dirs (e.g. /lib32) are normal; skip them.
            let Ok(fd) = PathFd::new(dir) else { continue };
            ruleset = ruleset.add_rule(PathBeneath::new(fd, read_exec)).map_err(|e| err(&e))?;
        }
        for file in &self.read_files {
            let Ok(fd) = PathFd::new(file) else { continue };
            let access = if file == Path::new("/dev/null") {
                AccessFs::ReadFile | AccessFs::WriteFile
            } else {
                AccessFs::ReadFile.into()
            };
            ruleset = ruleset.add_rule(PathBeneath::new(fd, access)).map_err(|e| err(&e))?;
        }
        let fd = PathFd::new(work_dir).map_err(|e| err(&e))?;
        ruleset = ruleset.add_rule(PathBeneath::new(fd, AccessFs::from_all(abi))).map_err(|e| err(&e))?;
        let fd: Option<OwnedFd> = ruleset.into();
        fd.ok_or_else(|| Error::Sandbox("landlock is not available on this kernel".into()))
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
        let ruleset = self.ruleset(work_dir)?;
        let ruleset_fd = ruleset.as_raw_fd();
        let stderr_path = work_dir.join(".stderr");
        let stdout_path = work_dir.join(".stdout");
        let stderr = File::create(&stderr_path).map_err(|e| Error::io("create stderr file", e))?;
        let stdout = File::create(&stdout_path).map_err(|e| Error::io("create stdout file", e))?;

        let mut cmd = Command::new(program);
        cmd.args(args).current_dir(work_dir).env_clear().stdin(Stdio::null()).stdout(stdout).stderr(stderr);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let l = limits.clone();
        // SAFETY: the closure runs between fork and exec, so it only makes raw syscalls:
        // no allocation, no locks.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setpgid(0, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                set_rlimit(libc::RLIMIT_CPU, l.cpu_seconds)?;
                set_rlimit(libc::RLIMIT_AS, l.address_space_bytes)?;
                set_rlimit(libc::RLIMIT_FSIZE, l.file_size_bytes)?;
                set_rlimit(libc::RLIMIT_CORE, 0)?;
                if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::syscall(libc::SYS_landlock_restrict_self, ruleset_fd, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let start = Instant::now();
        let mut child = cmd.spawn().map_err(|e| Error::io(format!("spawn {}", program.display()), e))?;
        drop(ruleset);
        let pgid = child.id() as libc::pid_t;
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
                // SAFETY: kill(2) on our own child's process group.
                unsafe { libc::kill(-pgid, libc::SIGKILL) };
                let status = child.wait().map_err(|e| Error::io("wait for compiler", e))?;
                if cancelled {
                    return Err(Error::Cancelled);
                }
                break status;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        // Grandchildren (e.g. rust-lld) share the group; make sure none outlive the compile.
        // SAFETY: as above.
        unsafe { libc::kill(-pgid, libc::SIGKILL) };
        let elapsed = start.elapsed();
        let mut output = read_capped(&stderr_path, limits.output_bytes);
        let out = read_capped(&stdout_path, limits.output_bytes.saturating_sub(output.len()));
        output.push_str(&out);
        Ok(JailOutcome { success: status.success() && !timed_out, output, timed_out, signal: status.signal(), elapsed })
    }
}

fn set_rlimit(resource: libc::__rlimit_resource_t, value: u64) -> std::io::Result<()> {
    let lim = libc::rlimit { rlim_cur: value, rlim_max: value };
    // SAFETY: plain syscall with a valid pointer.
    if unsafe { libc::setrlimit(resource, &lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

fn read_capped(path: &Path, cap: usize) -> String {
    let mut buf = Vec::new();
    if let Ok(f) = File::open(path) {
        // A short read just means less output shown; nothing to report.
        let _ = f.take(cap as u64).read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}
