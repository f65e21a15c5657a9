use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap, VecDeque};

// Keyed state, updated incrementally: a FIFO of the payments still in the window, a running
// total per merchant, and an ordered set of (total descending, merchant ascending) holding the
// merchants with positive volume. A payment enters and leaves the window once, each time moving
// its merchant in the set: O((P + Q·K) log M).
fn top_merchants(k: usize, window: i64, events: &[Event]) -> Vec<Vec<(i64, i64)>> {
    let mut totals: HashMap<i64, i64> = HashMap::new();
    let mut ranked: BTreeSet<(Reverse<i64>, i64)> = BTreeSet::new();
    let mut in_window: VecDeque<(i64, i64, i64)> = VecDeque::new();
    let mut answers = Vec::new();

    let mut change = |merchant: i64, delta: i64, ranked: &mut BTreeSet<(Reverse<i64>, i64)>| {
        let old = totals.get(&merchant).copied().unwrap_or(0);
        if old > 0 {
            ranked.remove(&(Reverse(old), merchant));
        }
        let new = old + delta;
        if new > 0 {
            ranked.insert((Reverse(new), merchant));
            totals.insert(merchant, new);
        } else {
            totals.remove(&merchant); // zero volume: off the dashboard
        }
    };

    for e in events {
        match *e {
            Event::Payment { at, merchant, amount } => {
                in_window.push_back((at, merchant, amount));
                change(merchant, amount, &mut ranked);
            }
            Event::Query { at } => {
                // The window is (at - window, at]: a payment at exactly at - window has left.
                while let Some(&(t, merchant, amount)) = in_window.front() {
                    if t > at - window {
                        break;
                    }
                    in_window.pop_front();
                    change(merchant, -amount, &mut ranked);
                }
                answers.push(ranked.iter().take(k).map(|&(Reverse(total), m)| (m, total)).collect());
            }
        }
    }
    answers
}
