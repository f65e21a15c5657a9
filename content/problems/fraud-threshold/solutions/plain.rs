use std::collections::HashMap;
use std::collections::VecDeque;

// Straightforward version: String keys (cloned), one map for the windows and one for the sums.
fn screen(window: i64, max_amount: i64, max_count: usize, txns: &[(i64, String, i64)]) -> Vec<bool> {
    let mut windows: HashMap<String, VecDeque<(i64, i64)>> = HashMap::new();
    let mut sums: HashMap<String, i64> = HashMap::new();
    let mut result: Vec<bool> = Vec::new();
    for i in 0..txns.len() {
        let t = txns[i].0;
        let card = txns[i].1.clone();
        let amount = txns[i].2;
        if !windows.contains_key(&card) {
            windows.insert(card.clone(), VecDeque::new());
            sums.insert(card.clone(), 0);
        }
        let q = windows.get_mut(&card).unwrap();
        let mut sum = *sums.get(&card).unwrap();
        while !q.is_empty() && q[0].0 <= t - window {
            let first = q.pop_front().unwrap();
            sum -= first.1;
        }
        if sum + amount > max_amount || q.len() + 1 > max_count {
            result.push(false);
        } else {
            q.push_back((t, amount));
            sum += amount;
            result.push(true);
        }
        sums.insert(card.clone(), sum);
    }
    result
}
