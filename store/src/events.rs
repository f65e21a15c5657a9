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
use sqlx::postgres::PgListener;
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

pub(crate) struct Events {
    progress: broadcast::Sender<ProgressEvent>,
    queued: Arc<Notify>,
    /// Ids of running submissions their learners cancelled.
    cancels: broadcast::Sender<i64>,
    /// Learners whose data may have changed (what their pages show is stale).
    learners: broadcast::Sender<UserId>,
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
                listener.listen_all([PROGRESS_CHANNEL, QUEUE_CHANNEL, CANCEL_CHANNEL, LEARNER_CHANNEL]).await?;
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
    learners: broadcast::Sender<UserId>,
    /// A learner's change may be a session ending (logout elsewhere): this process's cached
    /// lookups for them go.
    sessions: Arc<SessionCache>,
}

async fn forward(mut listener: PgListener, to: Forward) {
    loop {
        match listener.recv().await {
            Ok(n) if n.channel() == QUEUE_CHANNEL => to.queued.notify_one(),
            Ok(n) if n.channel() == CANCEL_CHANNEL => match n.payload().parse::<i64>() {
                Ok(id) => {
                    let _ = to.cancels.send(id);
                }
                Err(_) => tracing::warn!("ignored a cancel notification that is not an id"),
            },
            Ok(n) if n.channel() == LEARNER_CHANNEL => match n.payload().parse::<i64>() {
                Ok(id) => {
                    to.sessions.forget_user(UserId::from_raw(id));
                    let _ = to.learners.send(UserId::from_raw(id));
                }
                Err(_) => tracing::warn!("ignored a learner notification that is not an id"),
            },
            Ok(n) => match serde_json::from_str::<ProgressEvent>(n.payload()) {
                Ok(event) => {
                    let _ = to.progress.send(event);
                }
                Err(e) => tracing::warn!(error = %e, "ignored a progress notification that does not parse"),
            },
            Err(e) => {
                // PgListener reconnects on the next recv; notifications in between are lost,
                // which the readers tolerate (see the module comment). A missed one may have
                // ended a session, so no cached lookup survives.
                to.sessions.forget_everyone();
                tracing::warn!(error = %e, "lost the Postgres notification connection; listening again");
                tokio::time::sleep(RECONNECT_DELAY).await;
            }
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
                let _ = self.events.learners.send(user);
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
    pub fn subscribe_learner_changes(&self) -> broadcast::Receiver<UserId> {
        self.events.learners.subscribe()
    }
}
