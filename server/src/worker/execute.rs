//! Judging one claimed submission: keep the lease alive, forward progress, stop when the learner
//! cancels, store the result only while the lease holds.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use domain::{CardKind, ProgressEvent, Rating, SubmissionResult, Verdict};
use store::{ClaimedSubmission, Renewal};
use tokio::sync::{broadcast, mpsc};

use super::Worker;
use super::judge::Outcome;

/// A submission claimed this many times (each claim ended by a dead worker) is given up: it is
/// most likely what kills them.
const MAX_ATTEMPTS: i64 = 3;

impl Worker {
    pub(super) async fn execute(&self, claim: ClaimedSubmission) {
        let id = claim.id;
        tracing::info!(submission = id, attempt = claim.attempts, "judging");
        if claim.attempts > MAX_ATTEMPTS {
            tracing::error!(
                submission = id,
                attempts = claim.attempts,
                "giving up on a submission that keeps stopping its workers"
            );
            let result = SubmissionResult::internal_error(
                "The judge stopped several times while judging this submission; it has been logged.",
            );
            return self.finish(&claim, result).await;
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let heartbeat = tokio::spawn(keep_lease(self.clone_parts(), claim.clone(), cancel.clone()));
        let listener = tokio::spawn(stop_on_cancel(self.store.subscribe_cancellations(), id, cancel.clone()));
        let outcome = self.judge(&claim, cancel.clone()).await;
        heartbeat.abort();
        listener.abort();
        match outcome {
            Outcome::Judged(result) => self.finish(&claim, result).await,
            Outcome::Cancelled if *self.stopped.borrow() => {
                if let Err(e) = self.store.release_submission(id, &claim.lease).await {
                    tracing::warn!(submission = id, error = %e, "could not give a submission back; its lease will expire");
                }
            }
            // Stopped by the learner, or by losing the lease: one renewal tells which.
            Outcome::Cancelled => match self.store.renew_lease(id, &claim.lease, self.lease_secs).await {
                Ok(Renewal::CancelRequested) => {
                    tracing::info!(submission = id, "cancelled by the learner");
                    self.finish(&claim, SubmissionResult::cancelled()).await
                }
                Ok(_) => tracing::warn!(submission = id, "stopped judging: the lease was lost"),
                Err(e) => tracing::warn!(submission = id, error = %e, "stopped judging; its lease will expire"),
            },
        }
    }

    /// Runs the sandbox on a blocking thread; progress events go out as they come.
    async fn judge(&self, claim: &ClaimedSubmission, cancel: Arc<AtomicBool>) -> Outcome {
        let (events, mut pending) = mpsc::unbounded_channel::<ProgressEvent>();
        let store = self.store.clone();
        let forwarder = tokio::spawn(async move {
            while let Some(event) = pending.recv().await {
                if let Err(e) = store.publish_progress(&event).await {
                    tracing::warn!(error = %e, "could not publish judge progress");
                }
            }
        });
        let judging = self.judging.clone();
        let job = claim.clone();
        let outcome = super::judge_thread::run(move || {
            judging.judge(&job, &cancel, &mut |event| {
                let _ = events.send(event);
            })
        })
        .await;
        // The sender is gone with the closure: the forwarder drains what is left, so every test
        // event is out before the finished one.
        let _ = forwarder.await;
        outcome.unwrap_or_else(|e| {
            tracing::error!(submission = claim.id, error = %e, "the judge task panicked");
            Outcome::Judged(SubmissionResult::internal_error(super::judge::INTERNAL_ERROR_MESSAGE))
        })
    }

    async fn finish(&self, claim: &ClaimedSubmission, result: SubmissionResult) {
        match self.store.finish_submission(claim.id, &claim.lease, &result).await {
            Ok(true) => {
                if let Err(e) = self.store.publish_progress(&ProgressEvent::finished(claim.id, &result)).await {
                    tracing::warn!(submission = claim.id, error = %e, "could not publish the verdict");
                }
                let solved = result.verdict == Verdict::AC && !claim.samples_only && claim.custom_input.is_none();
                if solved && let Err(e) = self.review_solved(claim).await {
                    tracing::warn!(submission = claim.id, error = %e, "could not schedule the problem for review");
                }
            }
            // Another worker took over after our lease ran out; its result is the one kept.
            Ok(false) => tracing::warn!(submission = claim.id, "result dropped: the lease was lost"),
            Err(e) => tracing::error!(submission = claim.id, error = %e, "could not store the judge's result"),
        }
    }

    /// A solved problem enters (or moves in) the learner's review queue, rated by the judge:
    /// accepted without a failed full submission since it was last reviewed → Good, after
    /// failures → Hard.
    async fn review_solved(&self, claim: &ClaimedSubmission) -> Result<(), app::ssr::review::ReviewError> {
        let card = CardKind::Problem.card(claim.problem_id.clone());
        let since = self.store.card_state(claim.user, &card).await?.and_then(|c| c.last_review).unwrap_or(0);
        let failed = self.store.failed_full_attempts(claim.user, &claim.problem_id, since).await?;
        let rating = if failed == 0 { Rating::Good } else { Rating::Hard };
        app::ssr::review::record(&self.store, claim.user, card, rating, store::now()).await?;
        Ok(())
    }

    fn clone_parts(&self) -> (store::Store, i64, tokio::sync::watch::Receiver<bool>) {
        (self.store.clone(), self.lease_secs, self.stopped.clone())
    }
}

/// Renews the lease three times per lease period; stops the judging (through `cancel`) when
/// the lease is lost or the worker is told to stop.
async fn keep_lease(
    (store, lease_secs, mut stopped): (store::Store, i64, tokio::sync::watch::Receiver<bool>),
    claim: ClaimedSubmission,
    cancel: Arc<AtomicBool>,
) {
    let every = Duration::from_millis((lease_secs as u64 * 1000 / 3).max(500));
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stopped.changed() => {
                cancel.store(true, Ordering::Relaxed);
                return;
            }
        }
        match store.renew_lease(claim.id, &claim.lease, lease_secs).await {
            Ok(Renewal::Held) => {}
            Ok(Renewal::Lost | Renewal::CancelRequested) => {
                cancel.store(true, Ordering::Relaxed);
                return;
            }
            // A failed renewal is not yet a lost lease: try again next time round.
            Err(e) => tracing::warn!(submission = claim.id, error = %e, "could not renew the lease"),
        }
    }
}

/// Stops the judging the moment the learner cancels this submission (the sandbox checks the
/// flag every epoch tick, 10 ms; a compile is killed within a few ms).
async fn stop_on_cancel(mut cancels: broadcast::Receiver<i64>, id: i64, cancel: Arc<AtomicBool>) {
    loop {
        match cancels.recv().await {
            Ok(cancelled) if cancelled == id => {
                cancel.store(true, Ordering::Relaxed);
                return;
            }
            // Skipped some under a flood: the lease renewal still sees the flag in the row.
            Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {}
            Err(broadcast::error::RecvError::Closed) => return,
        }
    }
}
