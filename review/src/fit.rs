//! A learner's own FSRS parameters, fitted to their review log by the crate's optimizer, and the
//! forgetting curve those parameters predict (what the settings page draws).

use domain::Rating;
use fsrs::{ComputeParametersInput, DEFAULT_PARAMETERS, FSRSItem, FSRSReview, MemoryState};

/// How many reviews of cards seen before, at least a day after the previous review, the
/// optimizer needs before it trains all parameters: below this the crate only adjusts the
/// initial stabilities (from 8) or keeps the defaults, so Prep waits for it and says so.
pub const MIN_REVIEWS_TO_FIT: usize = 64;

const DAY: i64 = 86_400;

/// One card's reviews, oldest first: the rating and when (Unix seconds).
pub type CardHistory = Vec<(Rating, i64)>;

/// FSRS parameters (21 weights for FSRS-6): the crate's defaults or a learner's fitted ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameters(Vec<f32>);

#[derive(Debug, thiserror::Error)]
pub enum FitError {
    #[error("{have} of the {MIN_REVIEWS_TO_FIT} reviews needed to fit parameters")]
    NotEnoughReviews { have: usize },
    /// The crate sets aside, per first rating, the 20 cards with the least typical first
    /// interval before it trains; with reviews of too few different cards nothing is left and
    /// it returns its defaults, which Prep reports rather than stores as "fitted".
    #[error("too few different cards yet: the optimizer sets aside the 20 least typical cards per first rating")]
    TooFewCards,
    #[error("the optimizer failed: {0}")]
    Optimizer(String),
    #[error("stored parameters are not valid FSRS weights ({0} values)")]
    Invalid(usize),
}

impl Parameters {
    /// The values stored for a learner, checked: FSRS-6 has 21 finite weights.
    pub fn new(weights: Vec<f32>) -> Result<Parameters, FitError> {
        if weights.len() != DEFAULT_PARAMETERS.len() || weights.iter().any(|w| !w.is_finite()) {
            return Err(FitError::Invalid(weights.len()));
        }
        Ok(Parameters(weights))
    }

    pub fn weights(&self) -> &[f32] {
        &self.0
    }

    /// The stability (days) of a card after its first review rated `rating`.
    pub fn initial_stability(&self, rating: Rating) -> f32 {
        self.0[rating_number(rating) as usize - 1]
    }

    /// Predicted recall `days` after a review that left the card with `stability` (FSRS-6's
    /// power forgetting curve, its decay the last weight).
    pub fn recall_after(&self, stability: f32, days: f32) -> f32 {
        let decay = self.0[20];
        fsrs::current_retrievability(MemoryState { stability, difficulty: 5.0 }, days, decay)
    }
}

impl Default for Parameters {
    fn default() -> Self {
        Parameters(DEFAULT_PARAMETERS.to_vec())
    }
}

/// Reviews the optimizer learns from: each review of a card seen on an earlier day, with the
/// card's history before it.
pub fn training_items(histories: &[CardHistory]) -> Vec<FSRSItem> {
    let mut items = Vec::new();
    for history in histories {
        let mut reviews: Vec<FSRSReview> = Vec::with_capacity(history.len());
        let mut previous: Option<i64> = None;
        for &(rating, at) in history {
            let delta_t = previous.map_or(0, |p| ((at - p).max(0) / DAY) as u32);
            reviews.push(FSRSReview { rating: rating_number(rating), delta_t });
            if previous.is_some() && delta_t > 0 {
                items.push(FSRSItem { reviews: reviews.clone() });
            }
            previous = Some(at);
        }
    }
    items
}

/// Fits parameters to a learner's histories once there are [`MIN_REVIEWS_TO_FIT`] of them.
/// Seconds of CPU for a few thousand reviews: run it off the async threads.
pub fn fit(histories: &[CardHistory]) -> Result<Parameters, FitError> {
    let items = training_items(histories);
    if items.len() < MIN_REVIEWS_TO_FIT {
        return Err(FitError::NotEnoughReviews { have: items.len() });
    }
    let input = ComputeParametersInput { train_set: items, ..ComputeParametersInput::default() };
    let weights = fsrs::compute_parameters(input).map_err(|e| FitError::Optimizer(e.to_string()))?;
    if weights == DEFAULT_PARAMETERS {
        return Err(FitError::TooFewCards);
    }
    Parameters::new(weights)
}

fn rating_number(rating: Rating) -> u32 {
    match rating {
        Rating::Again => 1,
        Rating::Hard => 2,
        Rating::Good => 3,
        Rating::Easy => 4,
    }
}
