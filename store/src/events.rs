//! Signals between the processes that share the database: "a submission was queued" (wakes
//! judge workers), judge progress (reaches the web process whose learner is watching), "the
//! learner cancelled submission N" (reaches the worker judging it, in whichever process) and
//! "learner N changed something" (every web process drops the pages it keeps for them).
//!
//! On SQLite every worker lives in the web process, so both are in-process channels. On Postgres
//! they travel as `NOTIFY` on two channels and every process `LISTEN`s; a process's own
//! notifications come back to it the same way, so there is one path, not two. Notifications are
//! hints, not the record: a listener that reconnects may miss some, so the readers (the SSE
//! stream, the worker loop) also look at the database now and then.

use std::sync::Arc;
use std::time::Duration;

use domain::ProgressEvent;
use sqlx::postgres::{PgListener, PgNotification};
use tokio::sync::{Notify, broadcast};
use tokio::task::JoinHandle;

use crate::connect::DatabaseUrl;
use crate::session_cache::SessionCache;
use crate::users::UserId;
use crate::{Result, Store};

const PROGRESS_CHANNEL: &str = "prep_progress";
const QUEUE_CHANNEL: &str = "prep_queue";
const CANCEL_CHANNEL: &str = "prep_cancel";
const LEARNER_CHANNEL: &str = "prep_learner";
/// Progress events buffered per subscriber; a slower one skips ahead (it re-reads the row).
const PROGRESS_BUFFER: usize = 1024;
/// Wait before listening again after the connection dropped.
const RECONNECT_DELAY: Duration = Duration::from_secs(1);
const CHANNELS: [&str; 4] = [PROGRESS_CHANNEL, QUEUE_CHANNEL, CANCEL_CHANNEL, LEARNER_CHANNEL];

/// What a process hears about learners' data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearnerChange {
    /// This learner's data may have changed.
    Learner(UserId),
    /// Announcements may have been missed (the Postgres notification connection dropped): any
    /// learner's data may have changed.
    Anyone,
}

pub(crate) struct Events {
    progress: broadcast::Sender<ProgressEvent>,
    queued: Arc<Notify>,
    /// Ids of running submissions their learners cancelled.
    cancels: broadcast::Sender<i64>,
    /// Learners whose data may have changed (what their pages show is stale).
    learners: broadcast::Sender<LearnerChange>,
    /// Postgres: the task that listens; stopped with the store.
    listener: Option<JoinHandle<()>>,
}

impl Events {
    pub(crate) async fn start(url: &DatabaseUrl, sessions: Arc<SessionCache>) -> Result<Events, sqlx::Error> {
        let (progress, _) = broadcast::channel(PROGRESS_BUFFER);
        let queued = Arc::new(Notify::new());
        let (cancels, _) = broadcast::channel(PROGRESS_BUFFER);
        let (learners, _) = broadcast::channel(PROGRESS_BUFFER);
        let listener = match url {
            DatabaseUrl::Sqlite(_) => None,
            DatabaseUrl::Postgres(url) => {
                // Connect once here, so a bad URL fails start-up rather than a background task.
                let mut listener = PgListener::connect(url).await?;
                listener.listen_all(CHANNELS).await?;
                let to = Forward {
                    progress: progress.clone(),
                    queued: queued.clone(),
                    cancels: cancels.clone(),
                    learners: learners.clone(),
                    sessions,
                };
                Some(tokio::spawn(forward(listener, to)))
            }
        };
        Ok(Events { progress, queued, cancels, learners, listener })
    }

    pub(crate) fn stop(&self) {
        if let Some(task) = &self.listener {
            task.abort();
        }
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Where the Postgres listener hands each notification, by channel.
struct Forward {
    progress: broadcast::Sender<ProgressEvent>,
    queued: Arc<Notify>,
    cancels: broadcast::Sender<i64>,
    learners: broadcast::Sender<LearnerChange>,
    /// A learner's change may be a session ending (logout elsewhere): this process's cached
    /// lookups for them go.
    sessions: Arc<SessionCache>,
}

async fn forward(mut listener: PgListener, to: Forward) {
    loop {
        match listener.try_recv().await {
            Ok(Some(n)) => to.deliver(&n),
            // The connection dropped and sqlx has connected and listened again by now: whatever
            // was announced in between is lost (the readers of progress and the queue tolerate
            // that, see the module comment), and what was built from the database meanwhile may
            // be stale.
            Ok(None) => {
                tracing::warn!("the Postgres notification connection dropped; listening again");
                to.missed_some();
            }
            // Connecting again failed too.
            Err(e) => {
                tracing::warn!(error = %e, "lost the Postgres notification connection; listening again");
                to.missed_some();
                listen_again(&mut listener).await;
                to.missed_some();
            }
        }
    }
}

impl Forward {
    fn deliver(&self, n: &PgNotification) {
        let id = || n.payload().parse::<i64>();
        match n.channel() {
            QUEUE_CHANNEL => self.queued.notify_one(),
            CANCEL_CHANNEL => match id() {
                Ok(id) => {
                    let _ = self.cancels.send(id);
                }
                Err(_) => tracing::warn!("ignored a cancel notification that is not an id"),
            },
            LEARNER_CHANNEL => match id() {
                Ok(id) => {
                    self.sessions.forget_user(UserId::from_raw(id));
                    let _ = self.learners.send(LearnerChange::Learner(UserId::from_raw(id)));
                }
                Err(_) => tracing::warn!("ignored a learner notification that is not an id"),
            },
            _ => match serde_json::from_str::<ProgressEvent>(n.payload()) {
                Ok(event) => {
                    let _ = self.progress.send(event);
                }
                Err(e) => tracing::warn!(error = %e, "ignored a progress notification that does not parse"),
            },
        }
    }

    /// A missed announcement may have ended a session or changed any learner's pages: no
    /// cached lookup survives, and every process-local copy of a learner's data is told.
    fn missed_some(&self) {
        self.sessions.forget_everyone();
        let _ = self.learners.send(LearnerChange::Anyone);
    }
}

/// Reconnects and listens on every channel again, retrying until the database answers.
async fn listen_again(listener: &mut PgListener) {
    loop {
        tokio::time::sleep(RECONNECT_DELAY).await;
        match listener.listen_all(CHANNELS).await {
            Ok(()) => return,
            Err(e) => tracing::warn!(error = %e, "the Postgres notification connection is still down"),
        }
    }
}

impl Store {
    /// Wakes a judge worker (in any process) to look at the queue.
    pub async fn announce_queued(&self) -> Result<()> {
        match self.events.listener {
            None => self.events.queued.notify_one(),
            Some(_) => {
                sqlx::query("SELECT pg_notify($1, '')").bind(QUEUE_CHANNEL).execute(&self.pool).await?;
            }
        }
        Ok(())
    }

    /// Resolves when a submission may have been queued since the last call.
    pub async fn queued(&self) {
        self.events.queued.notified().await
    }

    /// Tells whoever follows this submission how far the judge has got.
    pub async fn publish_progress(&self, event: &ProgressEvent) -> Result<()> {
        match self.events.listener {
            None => {
                let _ = self.events.progress.send(event.clone());
            }
            Some(_) => {
                let payload = serde_json::to_string(event).map_err(crate::StoreError::corrupt)?;
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(PROGRESS_CHANNEL)
                    .bind(payload)
                    .execute(&self.pool)
                    .await?;
            }
        }
        Ok(())
    }

    /// Every progress event from now on, for every submission (filter by id).
    pub fn subscribe_progress(&self) -> broadcast::Receiver<ProgressEvent> {
        self.events.progress.subscribe()
    }

    /// Tells the worker judging submission `id` (in any process) to stop.
    pub(crate) async fn announce_cancel(&self, id: i64) -> Result<()> {
        match self.events.listener {
            None => {
                let _ = self.events.cancels.send(id);
            }
            Some(_) => {
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CANCEL_CHANNEL)
                    .bind(id.to_string())
                    .execute(&self.pool)
                    .await?;
            }
        }
        Ok(())
    }

    /// Ids of running submissions cancelled from now on (a worker filters for its own).
    pub fn subscribe_cancellations(&self) -> broadcast::Receiver<i64> {
        self.events.cancels.subscribe()
    }

    /// Tells every process that this learner's data may have changed (so pages kept for them
    /// are stale).
    pub async fn announce_learner_changed(&self, user: UserId) -> Result<()> {
        match self.events.listener {
            None => {
                let _ = self.events.learners.send(LearnerChange::Learner(user));
            }
            Some(_) => {
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(LEARNER_CHANNEL)
                    .bind(user.get().to_string())
                    .execute(&self.pool)
                    .await?;
            }
        }
        Ok(())
    }

    /// Learners announced changed from now on, by any process (this one included).
    pub fn subscribe_learner_changes(&self) -> broadcast::Receiver<LearnerChange> {
        self.events.learners.subscribe()
    }
}
