//! When each card comes back. Prep's only door to the scheduler: FSRS (the algorithm Anki uses,
//! from Anki's own `fsrs` crate) behind [`Scheduler`], so the rest of the code speaks of
//! ratings, memory states and due times, never of the crate.

mod retention;
mod scheduler;

pub use retention::DesiredRetention;
pub use scheduler::{CardMemory, Scheduled, Scheduler, SchedulerError};
