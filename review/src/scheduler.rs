//! FSRS scheduling of one card: from its memory state (stability, difficulty), the days since
//! it was last seen and the learner's rating, the next memory state and when it is due.

use domain::Rating;
use fsrs::{FSRS, MemoryState, NextStates};

use crate::{DesiredRetention, Parameters};

/// Seconds in a day: due times are Unix seconds, FSRS intervals days.
const DAY: i64 = 86_400;
/// A card rated Again comes back within the session, as Anki's relearning step does.
pub const AGAIN_AFTER_SECS: i64 = 10 * 60;

/// What FSRS knows of a card: how long it is remembered (stability, days until recall falls to
/// 90 %) and how hard it is (difficulty, 1–10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardMemory {
    pub stability: f64,
    pub difficulty: f64,
}

/// A card after a rating: its memory and when it is due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scheduled {
    pub memory: CardMemory,
    /// Whole days until it is due (0: again today).
    pub interval_days: u32,
    /// Unix seconds.
    pub due: i64,
}

#[derive(Debug, thiserror::Error)]
#[error("the scheduler refused: {0}")]
pub struct SchedulerError(String);

pub struct Scheduler {
    fsrs: FSRS,
    retention: DesiredRetention,
}

impl Scheduler {
    /// With FSRS's default parameters (a learner's own, once fitted, via [`Scheduler::with_parameters`]).
    pub fn new(retention: DesiredRetention) -> Scheduler {
        Scheduler { fsrs: FSRS::default(), retention }
    }

    /// With a learner's own parameters ([`crate::fit`]).
    pub fn with_parameters(parameters: &Parameters, retention: DesiredRetention) -> Result<Scheduler, SchedulerError> {
        let fsrs = FSRS::new(parameters.weights()).map_err(|e| SchedulerError(e.to_string()))?;
        Ok(Scheduler { fsrs, retention })
    }

    /// The card after `rating` at `now`: `memory` is `None` for its first review; `last_review`
    /// (Unix seconds) is when it was last rated.
    pub fn review(
        &self,
        memory: Option<CardMemory>,
        last_review: Option<i64>,
        rating: Rating,
        now: i64,
    ) -> Result<Scheduled, SchedulerError> {
        let next = self.next_states(memory, last_review, now)?;
        let state = match rating {
            Rating::Again => next.again,
            Rating::Hard => next.hard,
            Rating::Good => next.good,
            Rating::Easy => next.easy,
        };
        let interval_days = if rating == Rating::Again { 0 } else { whole_days(state.interval) };
        let due = if interval_days == 0 { now + AGAIN_AFTER_SECS } else { now + i64::from(interval_days) * DAY };
        let memory =
            CardMemory { stability: f64::from(state.memory.stability), difficulty: f64::from(state.memory.difficulty) };
        Ok(Scheduled { memory, interval_days, due })
    }

    /// What each rating would do, for the buttons ("Good · 3 d"), in the order Again, Hard,
    /// Good, Easy.
    pub fn preview(
        &self,
        memory: Option<CardMemory>,
        last_review: Option<i64>,
        now: i64,
    ) -> Result<[(Rating, Scheduled); 4], SchedulerError> {
        let one = |r| self.review(memory, last_review, r, now).map(|s| (r, s));
        Ok([one(Rating::Again)?, one(Rating::Hard)?, one(Rating::Good)?, one(Rating::Easy)?])
    }

    /// Whole days until recall of a card of this stability falls to the desired retention.
    pub fn interval_for(&self, stability: f64) -> u32 {
        whole_days(self.fsrs.next_interval(Some(stability as f32), self.retention.get(), 3))
    }

    fn next_states(
        &self,
        memory: Option<CardMemory>,
        last_review: Option<i64>,
        now: i64,
    ) -> Result<NextStates, SchedulerError> {
        let days = last_review.map_or(0, |t| ((now - t).max(0) / DAY) as u32);
        self.fsrs
            .next_states(memory.map(to_fsrs), self.retention.get(), days)
            .map_err(|e| SchedulerError(e.to_string()))
    }
}

fn to_fsrs(m: CardMemory) -> MemoryState {
    MemoryState { stability: m.stability as f32, difficulty: m.difficulty as f32 }
}

/// FSRS's interval rounded to whole days, at least one.
fn whole_days(interval: f32) -> u32 {
    interval.round().max(1.0) as u32
}
