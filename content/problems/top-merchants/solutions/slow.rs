use std::collections::HashMap;

// Keeps no state: every query sums the payments in its window again, from scratch.
// Correct, but O(Q · P): must exceed the time limit on the large tests.
fn top_merchants(k: usize, window: i64, events: &[Event]) -> Vec<Vec<(i64, i64)>> {
    let mut result = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if let Event::Query { at } = *e {
            let mut totals: HashMap<i64, i64> = HashMap::new();
            for earlier in &events[..i] {
                if let Event::Payment { at: t, merchant, amount } = *earlier {
                    if t > at - window {
                        *totals.entry(merchant).or_insert(0) += amount;
                    }
                }
            }
            let mut all: Vec<(i64, i64)> = totals.into_iter().collect();
            all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            all.truncate(k);
            result.push(all);
        }
    }
    result
}
