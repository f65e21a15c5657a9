//! SQLite lets one connection write at a time. A writer that finds the lock taken polls for it
//! (`busy_timeout` sleeps 1, 2, 5, 10, … up to 100 ms between tries) while holding one of the
//! pool's connections: under a burst of writes, writers wake late, and readers (a lesson page)
//! wait for a connection that a sleeping writer holds. So this process's writers queue here
//! first, in order, each woken the moment the one before it is done, and take a connection only
//! on their turn. Postgres locks rows, not the database: its writers do not queue.
//!
//! The busy timeout still covers another process holding the lock (a backup, `sqlite3`); a
//! writer queued behind it gives up after the same wait, as busy, so a long outside lock turns
//! into clear "try again later" answers instead of a queue that grows for as long as it lasts.

use tokio::sync::{Mutex, MutexGuard};

use crate::connect::{Backend, LOCK_WAIT};
use crate::{Result, Store, StoreError};

#[derive(Default)]
pub(crate) struct WriteTurns(Mutex<()>);

/// Held for the whole of one write (a statement or a transaction), commit included.
pub(crate) struct WriteTurn<'a> {
    /// None on Postgres. Only held, never read: dropping it hands the turn on.
    _held: Option<MutexGuard<'a, ()>>,
}

impl Store {
    /// Waits for this process's turn to write. Never call it while holding one: turns do not nest.
    pub(crate) async fn write_turn(&self) -> Result<WriteTurn<'_>> {
        match self.backend {
            Backend::Sqlite => match tokio::time::timeout(LOCK_WAIT, self.write_turns.0.lock()).await {
                Ok(turn) => Ok(WriteTurn { _held: Some(turn) }),
                // The same outage as a pool with every connection held: busy, try again later.
                Err(_) => Err(StoreError::Sqlx(sqlx::Error::PoolTimedOut)),
            },
            Backend::Postgres => Ok(WriteTurn { _held: None }),
        }
    }
}
