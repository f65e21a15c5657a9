use std::collections::{HashMap, VecDeque};

// Counts every transaction of the card in the window, declined ones too: an attacker's
// rejected retries then lock the card for the honest payment that follows. Must get WA.
fn screen(window: i64, max_amount: i64, max_count: usize, txns: &[(i64, String, i64)]) -> Vec<bool> {
    let mut cards: HashMap<&str, (VecDeque<(i64, i64)>, i64)> = HashMap::new();
    let mut out = Vec::with_capacity(txns.len());
    for (t, card, amount) in txns {
        let (q, sum) = cards.entry(card.as_str()).or_default();
        while let Some(&(old, a)) = q.front() {
            if old > t - window {
                break;
            }
            q.pop_front();
            *sum -= a;
        }
        out.push(*sum + amount <= max_amount && q.len() + 1 <= max_count);
        q.push_back((*t, *amount)); // wrong: recorded even when declined
        *sum += amount;
    }
    out
}
