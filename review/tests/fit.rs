//! Fitting a learner's parameters: a simulated learner who forgets faster than FSRS's defaults
//! assume reviews on the default schedule; the fitted parameters must see it.

use domain::Rating;
use review::{CardHistory, CardMemory, DesiredRetention, FitError, MIN_REVIEWS_TO_FIT, Parameters, Scheduler, fit};

const DAY: i64 = 86_400;
const T0: i64 = 1_800_000_000;

/// A small deterministic generator (xorshift), so the simulated learner is the same every run.
struct Dice(u64);
impl Dice {
    fn uniform(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// `cards` cards reviewed `reviews` times each on the default schedule by a learner whose real
/// memory is `truth`'s: recalled (Good) with the probability `truth` predicts, else Again.
fn simulate(truth: &Parameters, cards: usize, reviews: usize) -> Vec<CardHistory> {
    let schedule = Scheduler::new(DesiredRetention::default());
    let real = Scheduler::with_parameters(truth, DesiredRetention::default()).unwrap();
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    (0..cards)
        .map(|card| {
            let mut now = T0 + card as i64 * 600;
            let (mut seen, mut known): (Option<CardMemory>, Option<CardMemory>) = (None, None);
            let mut last = None;
            let mut history = Vec::new();
            for _ in 0..reviews {
                let rating = match (known, last) {
                    (Some(m), Some(l)) => {
                        let days = ((now - l) / DAY) as f32;
                        let p = truth.recall_after(m.stability as f32, days);
                        if dice.uniform() < p { Rating::Good } else { Rating::Again }
                    }
                    _ => Rating::Good,
                };
                history.push((rating, now));
                let next = schedule.review(seen, last, rating, now).unwrap();
                known = Some(real.review(known, last, rating, now).unwrap().memory);
                seen = Some(next.memory);
                last = Some(now);
                // Again comes back the next day here (a day is the optimizer's resolution).
                now = if rating == Rating::Again { now + DAY } else { next.due };
            }
            history
        })
        .collect()
}

#[test]
fn too_few_reviews_are_refused_with_the_count() {
    let histories = simulate(&Parameters::default(), 10, 3);
    match fit(&histories) {
        Err(FitError::NotEnoughReviews { have }) => assert_eq!(have, 20, "two reviews after the first, per card"),
        other => panic!("expected NotEnoughReviews, got {other:?}"),
    }
}

#[test]
fn a_learner_who_forgets_fast_gets_a_steeper_curve() {
    let defaults = Parameters::default();
    // The same learner as the defaults but with a quarter of the stability after a first Good.
    let mut weights = defaults.weights().to_vec();
    weights[2] /= 4.0;
    let truth = Parameters::new(weights).unwrap();
    let histories = simulate(&truth, 150, 4);
    let started = std::time::Instant::now();
    let fitted = fit(&histories).expect("enough reviews to fit");
    eprintln!(
        "fitted {} reviews in {:?}: S0(Good) {:.2} d (defaults {:.2}, truth {:.2})",
        review::training_items(&histories).len(),
        started.elapsed(),
        fitted.initial_stability(Rating::Good),
        defaults.initial_stability(Rating::Good),
        truth.initial_stability(Rating::Good)
    );
    let s0 = fitted.initial_stability(Rating::Good);
    assert!(s0 < defaults.initial_stability(Rating::Good) * 0.75, "fitted S0(Good) {s0}");
    // Three days after a first Good, the fitted curve predicts less recall than the defaults.
    let at = |p: &Parameters| p.recall_after(p.initial_stability(Rating::Good), 3.0);
    assert!(at(&fitted) < at(&defaults) - 0.05, "fitted {} vs defaults {}", at(&fitted), at(&defaults));
    // And a scheduler on the fitted parameters schedules a first Good sooner.
    let own = Scheduler::with_parameters(&fitted, DesiredRetention::default()).unwrap();
    let default = Scheduler::new(DesiredRetention::default());
    let first = |s: &Scheduler| s.review(None, None, Rating::Good, T0).unwrap().interval_days;
    assert!(first(&own) < first(&default), "{} vs {}", first(&own), first(&default));
}

#[test]
fn reviews_of_too_few_cards_leave_nothing_to_fit() {
    // 64 reviews, but of 16 cards: fewer than the 20 per first rating the optimizer sets aside.
    let histories = simulate(&Parameters::default(), 16, 5);
    assert_eq!(review::training_items(&histories).len(), MIN_REVIEWS_TO_FIT);
    assert!(matches!(fit(&histories), Err(FitError::TooFewCards)), "{:?}", fit(&histories));
}

#[test]
fn stored_weights_are_checked() {
    assert!(matches!(Parameters::new(vec![1.0; 5]), Err(FitError::Invalid(5))));
    let mut w = Parameters::default().weights().to_vec();
    w[3] = f32::NAN;
    assert!(Parameters::new(w).is_err());
}
