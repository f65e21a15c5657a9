use std::collections::{HashMap, VecDeque};

// Uses the closed window [t - window, t]: an approval exactly `window` ms old still counts, so
// a customer paying once per window is declined every second time. Must get WA.
fn screen(window: i64, max_amount: i64, max_count: usize, txns: &[(i64, String, i64)]) -> Vec<bool> {
    let mut cards: HashMap<&str, (VecDeque<(i64, i64)>, i64)> = HashMap::new();
    let mut out = Vec::with_capacity(txns.len());
    for (t, card, amount) in txns {
        let (q, sum) = cards.entry(card.as_str()).or_default();
        while let Some(&(old, a)) = q.front() {
            if old >= t - window {
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
