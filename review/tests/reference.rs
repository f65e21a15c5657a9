//! The scheduler against the values the `fsrs` crate publishes for its default parameters (its
//! documentation's first-review example and its interval test), so a change of crate version or
//! of our wrapping that moves a schedule is caught.

use domain::Rating;
use review::{CardMemory, DesiredRetention, Scheduler};

const DAY: i64 = 86_400;
const T0: i64 = 1_800_000_000;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn a_first_review_starts_from_the_published_initial_states() {
    let s = Scheduler::new(DesiredRetention::default());
    // (rating, stability, difficulty) after the first review, FSRS-6 defaults.
    let published = [
        (Rating::Again, 0.212, 6.4133),
        (Rating::Hard, 1.2931, 5.1121707),
        (Rating::Good, 2.3065, 2.118104),
        (Rating::Easy, 8.2956, 1.0),
    ];
    for (rating, stability, difficulty) in published {
        let next = s.review(None, None, rating, T0).unwrap();
        assert!(close(next.memory.stability, stability), "{rating:?}: {:?}", next.memory);
        assert!(close(next.memory.difficulty, difficulty), "{rating:?}: {:?}", next.memory);
    }
    // At 90 % retention the interval equals the stability (that is what stability means),
    // rounded to whole days; Again comes back in ten minutes.
    let days: Vec<u32> = s.preview(None, None, T0).unwrap().iter().map(|(_, n)| n.interval_days).collect();
    assert_eq!(days, [0, 1, 2, 8]);
    let good = s.review(None, None, Rating::Good, T0).unwrap();
    assert_eq!(good.due, T0 + 2 * DAY);
    assert_eq!(s.review(None, None, Rating::Again, T0).unwrap().due, T0 + 600);
}

#[test]
fn intervals_follow_the_desired_retention_as_published() {
    // The crate's published intervals for stability 1 day at retentions 0.7 … 0.9 (its test
    // covers 0.1 … 1.0; ours are the ones a learner may choose): 27, 9, 3 … 1 days.
    let card = CardMemory { stability: 1.0, difficulty: 5.0 };
    let published = [(0.70, 9u32), (0.80, 3), (0.90, 1)];
    for (retention, days) in published {
        let s = Scheduler::new(DesiredRetention::new(retention).expect("allowed"));
        assert_eq!(s.interval_for(card.stability), days, "retention {retention}");
    }
    assert!(DesiredRetention::new(0.6).is_none() && DesiredRetention::new(0.98).is_none(), "outside 0.70–0.97");
    // A Good review one day later from the same state grows the interval more at lower
    // retention: the schedule responds to the setting, monotonically.
    let mut last = u32::MAX;
    for r in [0.70, 0.80, 0.90, 0.95, 0.97] {
        let s = Scheduler::new(DesiredRetention::new(r).unwrap());
        let next = s.review(Some(card), Some(T0 - DAY), Rating::Good, T0).unwrap();
        assert!(next.interval_days <= last, "retention {r}: {} days after {last}", next.interval_days);
        last = next.interval_days;
    }
}

#[test]
fn a_card_reviewed_on_time_grows_and_a_lapse_shrinks_it() {
    let s = Scheduler::new(DesiredRetention::default());
    let mut at = T0;
    let mut card = s.review(None, None, Rating::Good, at).unwrap();
    let mut intervals = vec![card.interval_days];
    for _ in 0..4 {
        let last = at;
        at = card.due;
        card = s.review(Some(card.memory), Some(last), Rating::Good, at).unwrap();
        intervals.push(card.interval_days);
    }
    assert!(intervals.windows(2).all(|w| w[0] < w[1]), "{intervals:?}");
    let lapse = s.review(Some(card.memory), Some(at), Rating::Again, card.due).unwrap();
    assert!(lapse.memory.stability < card.memory.stability / 2.0, "{lapse:?} after {card:?}");
    assert!(lapse.memory.difficulty > card.memory.difficulty);
}
