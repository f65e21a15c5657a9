//! Spaced review between the scheduler (the `review` crate) and the store: a rating moves its
//! card as FSRS says and is logged, on the learner's own retention and (once fitted) their own
//! parameters. Used by the `rate` server function (questions), the review page and the judge
//! workers (a solved problem enters the queue with the judge's rating).

use domain::{CardKind, CardRef, Rating};
use review::{CardHistory, CardMemory, DesiredRetention, FitError, Parameters, Scheduler, SchedulerError};
use store::{FittedWeights, Review, Store, StoreError, UserId};

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Scheduler(#[from] SchedulerError),
    #[error(transparent)]
    Fit(#[from] FitError),
    #[error("the fitting task stopped: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// A fit is redone once the learner has this many more usable reviews than the last fit used
/// (Anki suggests refitting about monthly; this is the same idea counted in reviews).
pub const REFIT_AFTER_NEW_REVIEWS: usize = 32;

/// The learner's review settings as the scheduler needs them.
pub struct LearnerSettings {
    pub retention: DesiredRetention,
    pub fitted: Option<(Parameters, FittedWeights)>,
}

impl LearnerSettings {
    pub async fn load(store: &Store, user: UserId) -> Result<LearnerSettings, ReviewError> {
        // The column's CHECK keeps it in range; a value that still fails is reported, not guessed.
        let stored = store.desired_retention(user).await?;
        let retention = DesiredRetention::new(stored as f32)
            .ok_or_else(|| StoreError::Corrupt(format!("desired retention {stored}")))?;
        let fitted = match store.fitted_weights(user).await? {
            Some(f) => Some((Parameters::new(f.weights.clone())?, f)),
            None => None,
        };
        Ok(LearnerSettings { retention, fitted })
    }

    pub fn parameters(&self) -> Parameters {
        self.fitted.as_ref().map_or_else(Parameters::default, |(p, _)| p.clone())
    }

    pub fn scheduler(&self) -> Result<Scheduler, ReviewError> {
        Ok(Scheduler::with_parameters(&self.parameters(), self.retention)?)
    }
}

fn memory_of(state: Option<&store::CardState>) -> (Option<CardMemory>, Option<i64>) {
    let memory = state.and_then(|s| s.memory).map(|(stability, difficulty)| CardMemory { stability, difficulty });
    (memory, state.and_then(|s| s.last_review))
}

/// What each rating would do to `state` now: the whole days until it is due (0: within the
/// session), for the buttons.
pub fn preview(scheduler: &Scheduler, state: &store::CardState, now: i64) -> Result<[(Rating, u32); 4], ReviewError> {
    let (memory, last_review) = memory_of(Some(state));
    Ok(scheduler.preview(memory, last_review, now)?.map(|(r, s)| (r, s.interval_days)))
}

/// Schedules `card` after `rating` at `now` and stores the review (for a question, with its
/// rating); then refits the learner's parameters in the background when enough new reviews
/// have come in.
pub async fn record(
    store: &Store,
    user: UserId,
    card: CardRef,
    rating: Rating,
    now: i64,
) -> Result<Review, ReviewError> {
    let settings = LearnerSettings::load(store, user).await?;
    let (memory, last_review) = memory_of(store.card_state(user, &card).await?.as_ref());
    let next = settings.scheduler()?.review(memory, last_review, rating, now)?;
    let review = Review {
        card,
        rating,
        at: now,
        stability: next.memory.stability,
        difficulty: next.memory.difficulty,
        interval_days: next.interval_days,
        due: next.due,
    };
    // A question's review is also one of its ratings (the lesson shows the latest): both rows
    // in one transaction, never one without the other.
    match review.card.kind {
        CardKind::Question => store.record_rating(user, &review).await?,
        CardKind::Problem => store.record_review(user, &review).await?,
    }
    let reviews_used = settings.fitted.as_ref().map(|(_, f)| f.reviews_used);
    let store = store.clone();
    tokio::spawn(async move {
        if let Err(e) = refit_if_due(&store, user, reviews_used, now).await {
            tracing::warn!(user = user.get(), "refitting review parameters failed: {e}");
        }
    });
    Ok(review)
}

/// Fits when the learner has enough usable reviews and `REFIT_AFTER_NEW_REVIEWS` more than the
/// last fit used; `Ok(None)` when no fit was due.
async fn refit_if_due(
    store: &Store,
    user: UserId,
    last_used: Option<i64>,
    now: i64,
) -> Result<Option<FittedWeights>, ReviewError> {
    let histories = histories(store, user).await?;
    let usable = review::training_items(&histories).len();
    let due = usable >= review::MIN_REVIEWS_TO_FIT
        && last_used.is_none_or(|used| usable >= used as usize + REFIT_AFTER_NEW_REVIEWS);
    if !due {
        return Ok(None);
    }
    match fit_and_save(store, user, histories, now).await {
        Ok(fitted) => Ok(Some(fitted)),
        // Tried again with the next rating, when there may be more cards.
        Err(ReviewError::Fit(FitError::TooFewCards)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Fits now (the settings page's button), whatever the last fit was.
pub async fn refit(store: &Store, user: UserId, now: i64) -> Result<FittedWeights, ReviewError> {
    let histories = histories(store, user).await?;
    fit_and_save(store, user, histories, now).await
}

/// How many of the learner's reviews the optimizer can learn from.
pub async fn usable_reviews(store: &Store, user: UserId) -> Result<usize, ReviewError> {
    Ok(review::training_items(&histories(store, user).await?).len())
}

async fn histories(store: &Store, user: UserId) -> Result<Vec<CardHistory>, ReviewError> {
    Ok(store.review_histories(user).await?.into_iter().map(|(_, log)| log).collect())
}

async fn fit_and_save(
    store: &Store,
    user: UserId,
    histories: Vec<CardHistory>,
    now: i64,
) -> Result<FittedWeights, ReviewError> {
    let used = review::training_items(&histories).len();
    // The optimizer is CPU work (milliseconds for hundreds of reviews, more for years of them).
    let parameters = tokio::task::spawn_blocking(move || review::fit(&histories)).await??;
    let fitted = FittedWeights { weights: parameters.weights().to_vec(), reviews_used: used as i64, fitted_at: now };
    store.save_fitted_weights(user, &fitted).await?;
    Ok(fitted)
}
