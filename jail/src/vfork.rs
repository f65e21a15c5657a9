//! The child half of [`ConfinedCommand::spawn`](crate::ConfinedCommand::spawn):
//! `clone(CLONE_VM | CLONE_VFORK)` onto a
//! stack of its own, the steps between creation and `exec` in raw syscalls, and the two words
//! it writes back when one fails. The parent thread is suspended until the child has called
//! `exec` or exited, which is what makes sharing its memory safe.

use std::io;
use std::sync::atomic::{AtomicI32, Ordering};

use crate::Steps;

/// Stack for the child between `clone` and `exec`: the steps are a handful of syscalls.
const CHILD_STACK_BYTES: usize = 64 * 1024;

/// Linux numbers signals 1 to 64.
const MAX_SIGNAL: libc::c_int = 64;

/// The steps the child takes before `exec`, in order; the one that failed is written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub(crate) enum Step {
    ProcessGroup = 1,
    DieWithThread,
    Stdio,
    WorkingDirectory,
    LimitsAndLandlock,
    UnblockSignals,
    Exec,
}

impl Step {
    const ALL: [Step; 7] = [
        Step::ProcessGroup,
        Step::DieWithThread,
        Step::Stdio,
        Step::WorkingDirectory,
        Step::LimitsAndLandlock,
        Step::UnblockSignals,
        Step::Exec,
    ];

    /// The step a written-back code names; 0 (nothing written) is none.
    pub(crate) fn from_code(code: i32) -> Option<Step> {
        Step::ALL.into_iter().find(|s| *s as i32 == code)
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Step::ProcessGroup => "own process group",
            Step::DieWithThread => "die with the spawning thread",
            Step::Stdio => "redirect stdio",
            Step::WorkingDirectory => "enter the working directory",
            Step::LimitsAndLandlock => "apply limits and Landlock",
            Step::UnblockSignals => "unblock signals",
            Step::Exec => "exec",
        }
    }
}

/// Everything the child reads, prepared by the parent (the child may not allocate), and the
/// two words it writes back when a step fails: the [`Step`] and its errno.
pub(crate) struct ChildPlan {
    pub(crate) program: *const libc::c_char,
    pub(crate) argv: *const *const libc::c_char,
    pub(crate) envp: *const *const libc::c_char,
    pub(crate) work_dir: *const libc::c_char,
    pub(crate) stdio: [libc::c_int; 3],
    /// Non-zero: die with the spawning thread, and check this is still the parent.
    pub(crate) parent: libc::pid_t,
    pub(crate) steps: Steps,
    pub(crate) failed_step: AtomicI32,
    pub(crate) errno: AtomicI32,
}

/// Creates the child with `CLONE_VM | CLONE_VFORK` and waits for it to `exec` or exit.
pub(crate) fn clone_vfork(plan: &ChildPlan) -> io::Result<libc::pid_t> {
    let stack = ChildStack::new()?;
    // Every signal stays blocked until the child has put its handlers back to the defaults: a
    // handler of the parent's, run in a child that shares its memory, could corrupt it.
    let all = full_sigset();
    let mut old = empty_sigset();
    // SAFETY: valid sigset pointers; the mask is restored below on every path.
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &all, &mut old) };
    let flags = libc::CLONE_VM | libc::CLONE_VFORK | libc::SIGCHLD;
    let arg = std::ptr::from_ref(plan).cast_mut().cast::<libc::c_void>();
    // SAFETY: `child_main` only makes raw syscalls on data in `plan`, which lives until the
    // parent resumes; its stack is `stack`, which the parent frees only after that.
    let pid = unsafe { libc::clone(child_main, stack.top(), flags, arg) };
    let clone_error = io::Error::last_os_error();
    // SAFETY: restores the mask saved above.
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut()) };
    drop(stack);
    if pid < 0 { Err(clone_error) } else { Ok(pid) }
}

/// The child, between `clone` and `exec`, sharing the parent's memory: raw syscalls only, and
/// no write to memory but the failure words of the plan.
extern "C" fn child_main(arg: *mut libc::c_void) -> libc::c_int {
    // SAFETY: `arg` is the `ChildPlan` the suspended parent keeps alive.
    let plan = unsafe { &*arg.cast::<ChildPlan>() };
    let fail = |step: Step| -> libc::c_int {
        plan.errno.store(io::Error::last_os_error().raw_os_error().unwrap_or(0), Ordering::SeqCst);
        plan.failed_step.store(step as i32, Ordering::SeqCst);
        // SAFETY: ends the child without running the parent's exit handlers.
        unsafe { libc::_exit(127) }
    };
    // SAFETY: each call is a thin syscall wrapper on this child with pointers from the plan.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        for sig in 1..=MAX_SIGNAL {
            if sig != libc::SIGKILL && sig != libc::SIGSTOP {
                // Signals glibc keeps for itself refuse with EINVAL; they are blocked anyway.
                libc::sigaction(sig, &default, std::ptr::null_mut());
            }
        }
        if libc::setpgid(0, 0) != 0 {
            return fail(Step::ProcessGroup);
        }
        if plan.parent != 0
            && (libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 || libc::getppid() != plan.parent)
        {
            return fail(Step::DieWithThread);
        }
        for (target, &fd) in plan.stdio.iter().enumerate() {
            if libc::dup2(fd, target as libc::c_int) < 0 {
                return fail(Step::Stdio);
            }
        }
        if libc::chdir(plan.work_dir) != 0 {
            return fail(Step::WorkingDirectory);
        }
        if plan.steps.enter().is_err() {
            return fail(Step::LimitsAndLandlock);
        }
        let none = empty_sigset();
        if libc::pthread_sigmask(libc::SIG_SETMASK, &none, std::ptr::null_mut()) != 0 {
            return fail(Step::UnblockSignals);
        }
        libc::execve(plan.program, plan.argv, plan.envp);
    }
    fail(Step::Exec)
}

/// A stack with a guard page below it, so an overflow faults instead of writing into the
/// parent's memory (which the child shares).
struct ChildStack {
    base: *mut libc::c_void,
}

const GUARD_BYTES: usize = 4096;

impl ChildStack {
    fn new() -> io::Result<Self> {
        let len = GUARD_BYTES + CHILD_STACK_BYTES;
        // SAFETY: a fresh private anonymous mapping; its lowest page becomes the guard.
        unsafe {
            let base = libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_STACK,
                -1,
                0,
            );
            if base == libc::MAP_FAILED {
                return Err(io::Error::last_os_error());
            }
            let stack = ChildStack { base };
            if libc::mprotect(base, GUARD_BYTES, libc::PROT_NONE) != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(stack)
        }
    }

    /// Stacks grow down: the child starts at the top.
    fn top(&self) -> *mut libc::c_void {
        // SAFETY: one past the end of the mapping, which `clone` wants.
        unsafe { self.base.cast::<u8>().add(GUARD_BYTES + CHILD_STACK_BYTES).cast() }
    }
}

impl Drop for ChildStack {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in `new`.
        unsafe { libc::munmap(self.base, GUARD_BYTES + CHILD_STACK_BYTES) };
    }
}

fn full_sigset() -> libc::sigset_t {
    // SAFETY: sigfillset initialises the set it is given.
    unsafe {
        let mut set = std::mem::zeroed();
        libc::sigfillset(&mut set);
        set
    }
}

fn empty_sigset() -> libc::sigset_t {
    // SAFETY: sigemptyset initialises the set it is given.
    unsafe {
        let mut set = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        set
    }
}
