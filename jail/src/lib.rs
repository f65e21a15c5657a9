//! Confines a child process before it runs.
//!
//! Both the judge's compilers (fed hostile source) and the demo runner's programs (trusted, but
//! run on request by anyone) start through [`Jail::command`], which creates the child without
//! copying the parent (see `spawn.rs`: no `fork` of a server of a gigabyte). The child:
//! - runs in a working directory it owns, with an empty environment plus what the caller adds,
//! - is under Landlock: read/execute only beneath the directories the jail names (plus system
//!   libraries), read/write only beneath the working directory, no TCP, no signals or abstract
//!   sockets outside its own domain,
//! - has rlimits ([`Rlimits`]), its own process group (so [`kill_group`] reaches every
//!   descendant) and, when asked, a lower scheduling priority.

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use landlock::{
    ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, PathBeneath, PathFd, Ruleset, RulesetAttr,
    RulesetCreatedAttr, Scope,
};

mod spawn;
mod vfork;

pub use spawn::{ConfinedChild, ConfinedCommand};

#[derive(Debug, thiserror::Error)]
#[error("jail: {0}")]
pub struct JailError(String);

/// Resource limits applied in the child before `exec`. `None` leaves the inherited limit.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rlimits {
    pub cpu_seconds: Option<u64>,
    pub address_space_bytes: Option<u64>,
    pub file_size_bytes: Option<u64>,
    pub open_files: Option<u64>,
    /// Processes *and threads* of the user (Linux counts both); not enforced for root.
    pub processes: Option<u64>,
    /// Added niceness (0–19): a demo should not slow the pages down.
    pub nice: Option<i32>,
}

/// Which paths a confined process may read and execute.
#[derive(Debug, Clone)]
pub struct Jail {
    read_exec: Vec<PathBuf>,
    read_files: Vec<PathBuf>,
    own_proc: bool,
}

/// System paths every dynamically linked program needs: the loader, libc and friends.
/// Deliberately not `/etc` (only `ld.so.cache`), not `/home`, not `/proc`, not the repository.
const SYSTEM_DIRS: &[&str] = &["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/lib32"];
const SYSTEM_FILES: &[&str] = &["/etc/ld.so.cache", "/dev/null", "/dev/urandom"];

impl Jail {
    /// A jail whose processes may read and execute beneath `dirs` (plus system libraries).
    pub fn new(dirs: &[PathBuf]) -> Self {
        let mut read_exec: Vec<PathBuf> = SYSTEM_DIRS.iter().map(PathBuf::from).collect();
        read_exec.extend(dirs.iter().cloned());
        Jail { read_exec, read_files: SYSTEM_FILES.iter().map(PathBuf::from).collect(), own_proc: false }
    }

    /// Also lets the process read the file `path` (e.g. `/proc/meminfo`).
    pub fn also_readable_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.read_files.push(path.into());
        self
    }

    /// Lets the process read its own `/proc/<pid>/` (threads, I/O counters, memory maps) and
    /// nothing else of `/proc`: other processes' entries — the server's environment among
    /// them — stay out of reach.
    pub fn with_own_proc(mut self) -> Self {
        self.own_proc = true;
        self
    }

    /// Builds the Landlock ruleset in the parent (the child may not allocate).
    fn ruleset(&self, work_dir: &Path) -> Result<OwnedFd, JailError> {
        let abi = ABI::V6;
        let err = |e: &dyn std::fmt::Display| JailError(format!("landlock: {e}"));
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
        fd.ok_or_else(|| JailError("landlock is not available on this kernel".into()))
    }
}

/// What a child does to itself between its creation and `exec`, once it has its own process
/// group, stdio and directory: limits, priority, then Landlock, last (it also forbids what the
/// steps before it need).
#[derive(Debug, Clone)]
struct Steps {
    limits: Rlimits,
    own_proc: bool,
    ruleset_fd: i32,
}

impl Steps {
    /// Only raw syscalls: no allocation, no locks (the caller shares the parent's memory).
    fn enter(&self) -> std::io::Result<()> {
        let l = &self.limits;
        set_rlimit(libc::RLIMIT_CPU, l.cpu_seconds)?;
        set_rlimit(libc::RLIMIT_AS, l.address_space_bytes)?;
        set_rlimit(libc::RLIMIT_FSIZE, l.file_size_bytes)?;
        set_rlimit(libc::RLIMIT_NOFILE, l.open_files)?;
        set_rlimit(libc::RLIMIT_NPROC, l.processes)?;
        set_rlimit(libc::RLIMIT_CORE, Some(0))?;
        // SAFETY: plain syscalls on the calling process with valid arguments.
        unsafe {
            if let Some(nice) = l.nice
                && libc::setpriority(libc::PRIO_PROCESS, 0, nice) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            if self.own_proc {
                allow_own_proc(self.ruleset_fd)?;
            }
            if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::syscall(libc::SYS_landlock_restrict_self, self.ruleset_fd, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        Ok(())
    }
}

/// `struct landlock_path_beneath_attr` (packed in the kernel's uapi header).
#[repr(C, packed)]
struct PathBeneathAttr {
    allowed_access: u64,
    parent_fd: i32,
}

const LANDLOCK_RULE_PATH_BENEATH: libc::c_long = 1;
const LANDLOCK_ACCESS_FS_READ_FILE: u64 = 1 << 2;
const LANDLOCK_ACCESS_FS_READ_DIR: u64 = 1 << 3;

/// Runs in the child before exec: `/proc/self` only names the child there, so the rule is
/// added to this spawn's own ruleset then, with raw syscalls only.
///
/// # Safety
/// Only in a child before exec, whose ruleset `ruleset_fd` is.
unsafe fn allow_own_proc(ruleset_fd: i32) -> std::io::Result<()> {
    // SAFETY: open(2) and landlock_add_rule(2) with valid pointers; no allocation.
    unsafe {
        let fd = libc::open(c"/proc/self".as_ptr(), libc::O_PATH | libc::O_CLOEXEC);
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        let attr = PathBeneathAttr {
            allowed_access: LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR,
            parent_fd: fd,
        };
        let added = libc::syscall(libc::SYS_landlock_add_rule, ruleset_fd, LANDLOCK_RULE_PATH_BENEATH, &attr, 0);
        libc::close(fd);
        if added != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Kills every process in the group a confined child leads (its pid is the group id).
pub fn kill_group(pgid: u32) {
    // SAFETY: kill(2) on a process group we created; a group that is gone gives ESRCH.
    unsafe { libc::kill(-(pgid as libc::pid_t), libc::SIGKILL) };
}

fn set_rlimit(resource: libc::__rlimit_resource_t, value: Option<u64>) -> std::io::Result<()> {
    let Some(value) = value else { return Ok(()) };
    let lim = libc::rlimit { rlim_cur: value, rlim_max: value };
    // SAFETY: plain syscall with a valid pointer.
    if unsafe { libc::setrlimit(resource, &lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
