//! When each card comes back. Prep's only door to the scheduler: FSRS (the algorithm Anki uses,
//! from Anki's own `fsrs` crate) behind [`Scheduler`], so the rest of the code speaks of
//! ratings, memory states and due times, never of the crate.

mod fit;
mod retention;
mod scheduler;

pub use fit::{CardHistory, FitError, MIN_REVIEWS_TO_FIT, Parameters, fit, training_items};
pub use retention::DesiredRetention;
pub use scheduler::{AGAIN_AFTER_SECS, CardMemory, Scheduled, Scheduler, SchedulerError};
