//! Judging runs on threads of its own at a lower CPU priority than the web server: on a small
//! machine two busy judge workers would otherwise take turns with every page request, and a
//! lesson page would wait behind a compiler. The sandbox's run threads and the compilers it
//! starts inherit the priority. Verdicts do not change: a test's limit is fuel (instructions),
//! not time; a judge slowed by pages only finishes later.

use tokio::sync::oneshot;

/// Added niceness of the judge's threads (0–19). At 10 the scheduler gives a page request about
/// nine times the share of a compiler when both want a core.
const JUDGE_NICENESS: libc::c_int = 10;

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

/// Linux keeps a nice value per thread; this sets the calling thread's.
fn lower_priority() {
    // SAFETY: plain system calls about the calling thread.
    let failed = unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, JUDGE_NICENESS) != 0
    };
    if failed {
        // Judging still works, only without yielding to pages.
        tracing::warn!(error = %std::io::Error::last_os_error(), "could not lower the judge thread's priority");
    }
}
