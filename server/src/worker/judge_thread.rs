//! Judging runs on threads of its own that only get the CPU when the web server does not want
//! it: on a small machine two busy judge workers would otherwise take turns with every page
//! request, and a lesson page would wait behind a compiler. The sandbox's run threads and the
//! compilers it starts inherit the policy. Verdicts do not change: a test's limit is fuel
//! (instructions), not time; a judge slowed by pages only finishes later.

use tokio::sync::oneshot;

/// Added niceness of the judge's threads (0–19), for where SCHED_IDLE is refused: the scheduler
/// then weighs a page request's thread about 68 times a compiler thread's (1024 against 15).
const JUDGE_NICENESS: libc::c_int = 19;

#[derive(Debug, thiserror::Error)]
pub enum JudgeThreadError {
    #[error("could not start a judge thread: {0}")]
    Spawn(std::io::Error),
    #[error("the judge thread panicked")]
    Panicked,
}

/// Runs `work` on a new low-priority thread and waits for its result without blocking the runtime.
pub async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, JudgeThreadError> {
    let (done, result) = oneshot::channel();
    std::thread::Builder::new()
        .name("judge".into())
        .spawn(move || {
            lower_priority();
            let _ = done.send(work());
        })
        .map_err(JudgeThreadError::Spawn)?;
    // The sender is dropped without a value only if `work` panicked.
    result.await.map_err(|_| JudgeThreadError::Panicked)
}

/// Puts the calling thread in SCHED_IDLE: any runnable thread of normal priority (a page
/// request, the database) preempts it at once. Nice 10, and then 19, were not enough under the
/// load suite: rustc and `go build` run several threads each, and lesson pages still waited
/// hundreds of milliseconds behind them. An idle machine still judges at full speed. Linux
/// keeps the policy and the nice value per thread, and new threads and processes inherit both.
fn lower_priority() {
    // SAFETY: plain system calls about the calling thread (pid 0: the caller).
    let failed = unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        let niced = libc::setpriority(libc::PRIO_PROCESS, tid, JUDGE_NICENESS) == 0;
        let param = libc::sched_param { sched_priority: 0 };
        let idle = libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) == 0;
        !(niced || idle)
    };
    if failed {
        // Judging still works, only without yielding to pages.
        tracing::warn!(error = %std::io::Error::last_os_error(), "could not lower the judge thread's priority");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Field 41 of a `/proc/…/stat` line: the scheduling policy (5 is SCHED_IDLE).
    fn policy_in_stat(stat: &str) -> i32 {
        // The command name (field 2) may hold spaces; fields after it are plain.
        let after_name = &stat[stat.rfind(')').expect("stat has a command name") + 2..];
        after_name.split(' ').nth(41 - 3).expect("stat has a policy field").parse().expect("policy is a number")
    }

    #[tokio::test]
    async fn judging_threads_and_the_processes_they_start_yield_to_everything_else() {
        let (thread_policy, child_stat) = run(|| {
            // SAFETY: a plain query about the calling thread.
            let policy = unsafe { libc::sched_getscheduler(0) };
            let child = std::process::Command::new("cat").arg("/proc/self/stat").output().expect("cat runs");
            (policy, String::from_utf8(child.stdout).expect("stat is text"))
        })
        .await
        .expect("the judge thread ran");
        assert_eq!(thread_policy, libc::SCHED_IDLE, "the judge thread itself");
        assert_eq!(policy_in_stat(&child_stat), libc::SCHED_IDLE, "a process it starts (a compiler): {child_stat}");
        // SAFETY: as above, on the test's own thread, which keeps the normal policy.
        assert_eq!(unsafe { libc::sched_getscheduler(0) }, libc::SCHED_OTHER, "pages keep the normal policy");
    }
}
