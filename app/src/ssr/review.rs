//! Spaced review between the scheduler (the `review` crate) and the store: a rating moves its
//! card as FSRS says and is logged. Used by the `rate` server function (questions) and by the
//! judge workers (a solved problem enters the queue with the judge's rating).

use domain::{CardRef, Rating};
use review::{CardMemory, DesiredRetention, Scheduler, SchedulerError};
use store::{Review, Store, StoreError, UserId};

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Scheduler(#[from] SchedulerError),
}

/// The learner's scheduler (their own retention and fitted parameters come with the settings page).
fn scheduler() -> Scheduler {
    Scheduler::new(DesiredRetention::default())
}

fn memory_of(state: Option<&store::CardState>) -> (Option<CardMemory>, Option<i64>) {
    let memory = state.and_then(|s| s.memory).map(|(stability, difficulty)| CardMemory { stability, difficulty });
    (memory, state.and_then(|s| s.last_review))
}

/// What each rating would do to `state` now: the whole days until it is due (0: within the
/// session), for the buttons.
pub fn preview(state: &store::CardState, now: i64) -> Result<[(Rating, u32); 4], ReviewError> {
    let (memory, last_review) = memory_of(Some(state));
    Ok(scheduler().preview(memory, last_review, now)?.map(|(r, s)| (r, s.interval_days)))
}

/// Schedules `card` after `rating` at `now` and stores the review.
pub async fn record(
    store: &Store,
    user: UserId,
    card: CardRef,
    rating: Rating,
    now: i64,
) -> Result<Review, ReviewError> {
    let state = store.card_state(user, &card).await?;
    let memory =
        state.as_ref().and_then(|s| s.memory).map(|(stability, difficulty)| CardMemory { stability, difficulty });
    let last_review = state.as_ref().and_then(|s| s.last_review);
    // Learners' own retention and fitted parameters come with the settings page.
    let scheduler = Scheduler::new(DesiredRetention::default());
    let next = scheduler.review(memory, last_review, rating, now)?;
    let review = Review {
        card,
        rating,
        at: now,
        stability: next.memory.stability,
        difficulty: next.memory.difficulty,
        interval_days: next.interval_days,
        due: next.due,
    };
    store.record_review(user, &review).await?;
    Ok(review)
}
