use std::collections::{HashMap, VecDeque};

// Per card, a deque of its APPROVED transactions still inside (t - window, t] and their running
// sum. A declined transaction is never pushed. Every approval is pushed once and popped at most
// once: O(n) expected time, and a deque never holds more than max_count entries.
fn screen(window: i64, max_amount: i64, max_count: usize, txns: &[(i64, String, i64)]) -> Vec<bool> {
    let mut cards: HashMap<&str, (VecDeque<(i64, i64)>, i64)> = HashMap::new();
    let mut out = Vec::with_capacity(txns.len());
    for (t, card, amount) in txns {
        let (q, sum) = cards.entry(card.as_str()).or_default();
        // An approval exactly `window` ms old has left the window.
        while let Some(&(old, a)) = q.front() {
            if old > t - window {
                break;
            }
            q.pop_front();
            *sum -= a;
        }
        let ok = *sum + amount <= max_amount && q.len() + 1 <= max_count;
        if ok {
            q.push_back((*t, *amount));
            *sum += amount;
        }
        out.push(ok);
    }
    out
}
