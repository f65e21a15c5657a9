//! Prep's data, in one place: every SQL statement, the migrations and the row types.
//!
//! One [`Store`] serves SQLite (the embedded default: a file, WAL, one machine) and PostgreSQL
//! (scale-out: several web and judge-worker processes on several machines). Queries go through
//! sqlx's Any driver with `$n` placeholders, which both engines accept, so almost every
//! statement has one text; the few that differ say so next to each other ([`Backend`]).
//!
//! Statuses, languages, verdicts and ratings cross this boundary as the `domain` enums; a value
//! in the database that does not parse is reported as [`StoreError::Corrupt`], never guessed.

mod clock;
mod connect;
mod drafts;
mod error;
mod events;
mod learner_data;
mod login_throttle;
mod migrations;
mod notes;
mod predictions;
mod preferences;
mod progress;
mod queue;
mod review;
mod review_settings;
mod search;
mod session_cache;
mod sessions;
mod submissions;
#[cfg(feature = "test-support")]
pub mod testing;
mod users;
mod write_turns;

use std::sync::Arc;

use sqlx::AnyPool;

pub use clock::now;
pub use connect::{Backend, DatabaseUrl};
pub use error::{OpenError, Outage, StoreError};
pub use events::LearnerChange;
pub use learner_data::{ImportReport, MergeOutcome, PendingMerge, Tally};
pub use login_throttle::LoginFailures;
pub use notes::{Bookmark, Note};
pub use predictions::{NewPrediction, PredictionRecord, PredictionTally};
pub use progress::{LessonStates, QuestionStates};
pub use queue::{ClaimedSubmission, Lease, Renewal};
pub use review::{CardState, DueCounts, Review};
pub use review_settings::{CardLog, FittedWeights};
pub use search::{SearchHit, SearchIndex};
pub use sessions::SESSION_LIFETIME_SECS;
pub use submissions::{Cancel, Enqueue, NewSubmission, PendingLimits};
pub use users::{Claim, Credentials, SessionUser, UserId};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database and its event channels. Cheap to clone; every clone shares one pool.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    events: Arc<events::Events>,
    /// Recent session lookups, shared by every clone of this store.
    sessions: Arc<session_cache::SessionCache>,
    /// SQLite's writers queue here rather than in the busy handler (see `write_turns.rs`).
    write_turns: Arc<write_turns::WriteTurns>,
}

impl Store {
    /// Opens (creating a SQLite file and its folder if missing) and migrates the database.
    pub async fn open(url: &DatabaseUrl) -> Result<Store, OpenError> {
        Self::open_tuned(url, connect::Tuning::default()).await
    }

    pub(crate) async fn open_tuned(url: &DatabaseUrl, tuning: connect::Tuning) -> Result<Store, OpenError> {
        let pool = connect::pool(url, tuning).await?;
        migrations::run(&pool, url.backend()).await.map_err(|e| url.fail(format!("migrations failed: {e}")))?;
        connect::check_writable(&pool, url).await?;
        let sessions = Arc::new(session_cache::SessionCache::default());
        let events = events::Events::start(url, sessions.clone()).await.map_err(|e| url.fail(e.to_string()))?;
        Ok(Store { pool, backend: url.backend(), events: Arc::new(events), sessions, write_turns: Default::default() })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection (after in-flight queries finish).
    pub async fn close(&self) {
        self.events.stop();
        self.pool.close().await;
    }
}
