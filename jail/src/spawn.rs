//! Starting a confined child without copying the parent.
//!
//! `std::process::Command` with a `pre_exec` hook has to `fork()`: the kernel copies the page
//! tables of the whole parent and holds the parent's memory-map lock while it does. Inside a web
//! server of a gigabyte, started from a low-priority judge thread, one such fork was measured at
//! up to 3 s, and every server thread that faulted a page in meanwhile waited for it (lesson p99
//! 140–370 ms under the load suite). [`ConfinedCommand::spawn`] does what `posix_spawn` does
//! instead: the child shares the parent's memory (`CLONE_VM`) on a stack of its own, the parent
//! thread waits (`CLONE_VFORK`) until the child has called `exec` or died, so nothing is copied
//! and the cost does not grow with the parent. Between creation and `exec` the child confines
//! itself (`Steps` in `lib.rs`) and does what `Command` would have done for it (`vfork.rs`).

use std::ffi::{CString, OsStr};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::ExitStatus;
use std::sync::atomic::{AtomicI32, Ordering};

use crate::vfork::{ChildPlan, Step, clone_vfork};
use crate::{Jail, JailError, Rlimits, Steps, kill_group};

/// A program to start in a jail: [`Jail::command`], then arguments, variables and stdio, then
/// [`ConfinedCommand::spawn`]. The environment starts empty; stdin is `/dev/null`, stdout and
/// stderr are `/dev/null` unless given.
#[derive(Debug)]
pub struct ConfinedCommand<'j> {
    jail: &'j Jail,
    program: CString,
    args: Vec<CString>,
    env: Vec<CString>,
    stdout: Option<OwnedFd>,
    stderr: Option<OwnedFd>,
    limits: Rlimits,
    die_with_thread: bool,
    /// The first argument, variable or path that cannot reach `exec` (it holds a NUL byte).
    unfit: Option<String>,
}

/// A running (or finished, not yet reaped) confined child; the leader of its own process group.
/// Dropping it kills the group and reaps the child, so no zombie or straggler outlives it.
#[derive(Debug)]
pub struct ConfinedChild {
    pid: libc::pid_t,
    status: Option<ExitStatus>,
}

impl Jail {
    /// Starts describing a confined run of `program` (an absolute path: there is no `PATH`).
    pub fn command(&self, program: &Path) -> ConfinedCommand<'_> {
        let mut cmd = ConfinedCommand {
            jail: self,
            program: CString::default(),
            args: Vec::new(),
            env: Vec::new(),
            stdout: None,
            stderr: None,
            limits: Rlimits::default(),
            die_with_thread: false,
            unfit: None,
        };
        cmd.program = cmd.c_string(program.as_os_str());
        cmd
    }
}

impl ConfinedCommand<'_> {
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        let arg = self.c_string(arg.as_ref());
        self.args.push(arg);
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(self, args: I) -> Self {
        args.into_iter().fold(self, |cmd, a| cmd.arg(a))
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        let mut pair = key.as_ref().as_bytes().to_vec();
        pair.push(b'=');
        pair.extend_from_slice(value.as_ref().as_bytes());
        let pair = self.c_string(OsStr::from_bytes(&pair));
        self.env.push(pair);
        self
    }

    pub fn stdout(mut self, fd: impl Into<OwnedFd>) -> Self {
        self.stdout = Some(fd.into());
        self
    }

    pub fn stderr(mut self, fd: impl Into<OwnedFd>) -> Self {
        self.stderr = Some(fd.into());
        self
    }

    pub fn limits(mut self, limits: Rlimits) -> Self {
        self.limits = limits;
        self
    }

    /// The child gets SIGKILL when the thread that spawns it ends (`PR_SET_PDEATHSIG`): a judge
    /// thread that dies, or a process killed with SIGKILL, leaves no compiler running.
    pub fn die_with_thread(mut self) -> Self {
        self.die_with_thread = true;
        self
    }

    /// Starts the program in `work_dir`, confined. Returns once the child has called `exec`;
    /// a step that failed before it (a limit, Landlock, `exec` itself) is the error.
    pub fn spawn(mut self, work_dir: &Path) -> Result<ConfinedChild, JailError> {
        let refused = |what: &str, e: io::Error| JailError(format!("{what}: {e}"));
        let work_dir_c = self.c_string(work_dir.as_os_str());
        if let Some(unfit) = self.unfit {
            return Err(JailError(format!("{unfit:?} holds a NUL byte, which exec cannot pass")));
        }
        if !self.program.as_bytes().starts_with(b"/") {
            return Err(JailError(format!("{:?} is not an absolute path", self.program)));
        }
        let ruleset = self.jail.ruleset(work_dir)?;
        let devnull = || std::fs::OpenOptions::new().read(true).write(true).open("/dev/null");
        let mut stdio = Vec::with_capacity(3);
        for given in [None, self.stdout.take(), self.stderr.take()] {
            let fd = match given {
                Some(fd) => fd,
                None => devnull().map_err(|e| refused("open /dev/null", e))?.into(),
            };
            stdio.push(above_stdio(fd).map_err(|e| refused("duplicate a descriptor", e))?);
        }
        let argv: Vec<*const libc::c_char> = std::iter::once(self.program.as_ptr())
            .chain(self.args.iter().map(|a| a.as_ptr()))
            .chain(std::iter::once(std::ptr::null()))
            .collect();
        let envp: Vec<*const libc::c_char> =
            self.env.iter().map(|e| e.as_ptr()).chain(std::iter::once(std::ptr::null())).collect();
        let plan = ChildPlan {
            program: self.program.as_ptr(),
            argv: argv.as_ptr(),
            envp: envp.as_ptr(),
            work_dir: work_dir_c.as_ptr(),
            stdio: [stdio[0].as_raw_fd(), stdio[1].as_raw_fd(), stdio[2].as_raw_fd()],
            parent: if self.die_with_thread { std::process::id() as libc::pid_t } else { 0 },
            steps: Steps { limits: self.limits, own_proc: self.jail.own_proc, ruleset_fd: ruleset.as_raw_fd() },
            failed_step: AtomicI32::new(0),
            errno: AtomicI32::new(0),
        };
        let pid = clone_vfork(&plan).map_err(|e| refused("clone", e))?;
        // The child has exec'd or exited: everything `plan` points to may go now.
        let mut child = ConfinedChild { pid, status: None };
        if let Some(step) = Step::from_code(plan.failed_step.load(Ordering::SeqCst)) {
            let _ = child.wait();
            let step = step.describe();
            let program = String::from_utf8_lossy(self.program.as_bytes()).into_owned();
            return Err(refused(
                &format!("{step} for {program}"),
                io::Error::from_raw_os_error(plan.errno.load(Ordering::SeqCst)),
            ));
        }
        Ok(child)
    }
}

impl ConfinedChild {
    /// The child's pid, which is also its process group's id.
    pub fn id(&self) -> u32 {
        self.pid as u32
    }

    /// The exit status if the child has ended, without blocking.
    pub fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        self.reap(libc::WNOHANG)
    }

    /// Blocks until the child ends.
    pub fn wait(&mut self) -> io::Result<ExitStatus> {
        loop {
            if let Some(status) = self.reap(0)? {
                return Ok(status);
            }
        }
    }

    fn reap(&mut self, flags: libc::c_int) -> io::Result<Option<ExitStatus>> {
        if let Some(status) = self.status {
            return Ok(Some(status));
        }
        let mut raw = 0;
        // SAFETY: waitpid on our own child with a valid pointer.
        match unsafe { libc::waitpid(self.pid, &mut raw, flags) } {
            0 => Ok(None),
            -1 => {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted { Ok(None) } else { Err(e) }
            }
            _ => {
                self.status = Some(ExitStatus::from_raw(raw));
                Ok(self.status)
            }
        }
    }
}

impl Drop for ConfinedChild {
    fn drop(&mut self) {
        if self.status.is_none() {
            kill_group(self.id());
            let _ = self.wait();
        }
    }
}

impl ConfinedCommand<'_> {
    /// Text with a NUL byte cannot reach `exec`: it is remembered, and `spawn` refuses.
    fn c_string(&mut self, s: &OsStr) -> CString {
        CString::new(s.as_bytes()).unwrap_or_else(|_| {
            self.unfit.get_or_insert_with(|| s.to_string_lossy().into_owned());
            CString::default()
        })
    }
}

/// The child puts its stdio on descriptors 0–2 with `dup2`; one that already is 0–2 could be
/// overwritten by another before its turn, so it is moved above them first.
fn above_stdio(fd: OwnedFd) -> io::Result<OwnedFd> {
    if fd.as_raw_fd() > 2 {
        return Ok(fd);
    }
    // SAFETY: F_DUPFD_CLOEXEC returns a new descriptor we then own.
    let moved = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 3) };
    if moved < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `moved` is a fresh descriptor owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(moved) })
}
