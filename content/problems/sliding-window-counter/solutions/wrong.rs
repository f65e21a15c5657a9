use std::collections::{HashMap, VecDeque};

// Off by one at the boundary: treats the window as [t - window, t], so an event exactly
// `window` ms old is still counted. Must get WA.
fn velocity(window: i64, limit: usize, events: &[(i64, String, i64)]) -> Vec<(usize, i64, bool)> {
    let mut state: HashMap<&str, (VecDeque<(i64, i64)>, i64)> = HashMap::new();
    let mut out = Vec::with_capacity(events.len());
    for (t, card, amount) in events {
        let (q, sum) = state.entry(card.as_str()).or_default();
        q.push_back((*t, *amount));
        *sum += amount;
        // The window is (t - window, t]: an event exactly `window` ms old has left it.
        while let Some(&(old, a)) = q.front() {
            if old >= t - window {
                break;
            }
            q.pop_front();
            *sum -= a;
        }
        out.push((q.len(), *sum, q.len() > limit));
    }
    out
}
