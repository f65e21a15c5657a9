//! Judge workers: each claims the next submission whose turn it is, judges it in the sandbox
//! under a lease it keeps renewing, stores the result and publishes progress. They run inside
//! `prep serve` (the embedded default) or as `prep worker` processes on other machines; either
//! way the database is the queue, so a crash loses nothing: a dead worker's lease runs out and
//! the submission is judged again by whoever claims it next.

mod custom_run;
mod execute;
mod judge;
mod judge_thread;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use store::Store;
use tokio::sync::watch;

use self::judge::Judging;
use crate::config::JudgeOptions;

/// How long an idle worker waits before looking at the queue again without being woken (a
/// wake-up can be missed, e.g. while a Postgres listener reconnects).
const IDLE_POLL: Duration = Duration::from_secs(2);
/// Wait after the queue could not be read before trying again.
const ERROR_BACKOFF: Duration = Duration::from_secs(2);

/// A running set of judge workers; [`Workers::stop`] or dropping the handle stops them.
pub struct Workers {
    stop: watch::Sender<bool>,
}

impl Workers {
    /// Starts `count` workers in the background. Preparing the judge (compiling Go's standard
    /// library the first time) can take a minute; the site does not wait for it.
    pub fn start(store: Store, options: &JudgeOptions, content: &Path, count: usize) -> Workers {
        let (stop, stopped) = watch::channel(false);
        let judging = Judging::config(options, &content.join("problems"));
        let lease_secs = i64::from(options.lease_seconds);
        tokio::spawn(async move {
            let judging = match judging.prepare().await {
                Some(j) => Arc::new(j),
                None => return,
            };
            for n in 0..count {
                let worker =
                    Worker { store: store.clone(), judging: judging.clone(), lease_secs, stopped: stopped.clone() };
                tokio::spawn(async move {
                    tracing::debug!(worker = n, "judge worker started");
                    worker.run().await
                });
            }
        });
        Workers { stop }
    }

    /// Stops claiming; a submission being judged is given back to the queue.
    pub fn stop(&self) {
        let _ = self.stop.send(true);
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.stop();
    }
}

struct Worker {
    store: Store,
    judging: Arc<Judging>,
    lease_secs: i64,
    stopped: watch::Receiver<bool>,
}

impl Worker {
    async fn run(mut self) {
        while !*self.stopped.borrow() {
            match self.next_submission().await {
                Ok(Some(claim)) => self.execute(claim).await,
                Ok(None) => self.wait_for_work().await,
                Err(e) => {
                    tracing::error!(error = %e, "could not read the submission queue");
                    tokio::time::sleep(ERROR_BACKOFF).await;
                }
            }
        }
    }

    /// Requeues what dead workers left behind, then claims whatever's turn it is.
    async fn next_submission(&self) -> store::Result<Option<store::ClaimedSubmission>> {
        let requeued = self.store.requeue_expired_leases().await?;
        if requeued > 0 {
            tracing::warn!(count = requeued, "re-queued submissions whose worker stopped renewing its lease");
        }
        self.store.claim_next_submission(self.lease_secs).await
    }

    async fn wait_for_work(&mut self) {
        tokio::select! {
            _ = self.store.queued() => {}
            _ = tokio::time::sleep(IDLE_POLL) => {}
            // Told to stop (the handle sends that when dropped, too).
            _ = self.stopped.changed() => {}
        }
    }
}
