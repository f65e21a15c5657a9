use std::collections::{HashMap, VecDeque};

// WRONG: the window is taken as [t - W, t], so a payment exactly W ms old still counts.
// Otherwise the plain solution.
fn top_merchants(k: usize, window: i64, events: &[Event]) -> Vec<Vec<(i64, i64)>> {
    let mut totals: HashMap<i64, i64> = HashMap::new();
    let mut queue: VecDeque<(i64, i64, i64)> = VecDeque::new();
    let mut result: Vec<Vec<(i64, i64)>> = Vec::new();
    for event in events.iter() {
        match event.clone() {
            Event::Payment { at, merchant, amount } => {
                queue.push_back((at, merchant, amount));
                *totals.entry(merchant).or_insert(0) += amount;
            }
            Event::Query { at } => {
                while !queue.is_empty() && queue[0].0 < at - window {
                    let (_, merchant, amount) = queue.pop_front().unwrap();
                    let total = totals.get_mut(&merchant).unwrap();
                    *total -= amount;
                    if *total == 0 {
                        totals.remove(&merchant);
                    }
                }
                let mut all: Vec<(i64, i64)> = totals.iter().map(|(m, t)| (*m, *t)).collect();
                all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let top: Vec<(i64, i64)> = all.iter().take(k).cloned().collect();
                result.push(top.clone());
            }
        }
    }
    result
}
