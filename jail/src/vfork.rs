//! The child half of [`Jail::spawn`](crate::Jail): `clone(CLONE_VM | CLONE_VFORK)` onto a
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

/// Which step failed in the child, for the error message; index 0 means none did.
pub(crate) const STEP_NAMES: &[&str] = &[
    "",
    "reset signal handlers",
    "own process group",
    "die with the spawning thread",
    "redirect stdio",
    "enter the working directory",
    "apply limits and Landlock",
    "unblock signals",
    "exec",
];

/// Everything the child reads, prepared by the parent (the child may not allocate), and the
/// two words it writes back when a step fails.
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
    let fail = |step: i32| -> libc::c_int {
        plan.errno.store(io::Error::last_os_error().raw_os_error().unwrap_or(0), Ordering::SeqCst);
        plan.failed_step.store(step, Ordering::SeqCst);
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
            return fail(2);
        }
        if plan.parent != 0
            && (libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 || libc::getppid() != plan.parent)
        {
            return fail(3);
        }
        for (target, &fd) in plan.stdio.iter().enumerate() {
            if libc::dup2(fd, target as libc::c_int) < 0 {
                return fail(4);
            }
        }
        if libc::chdir(plan.work_dir) != 0 {
            return fail(5);
        }
        if plan.steps.enter().is_err() {
            return fail(6);
        }
        let none = empty_sigset();
        if libc::pthread_sigmask(libc::SIG_SETMASK, &none, std::ptr::null_mut()) != 0 {
            return fail(7);
        }
        libc::execve(plan.program, plan.argv, plan.envp);
    }
    fail(8)
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
