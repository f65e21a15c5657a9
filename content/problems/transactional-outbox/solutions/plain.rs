use std::collections::{HashMap, HashSet};

// Written the way people usually do it: transactions in a HashMap with String keys, the ready
// rows in a Vec that is re-sorted after every commit, a HashSet for the consumer, format! and
// join for the output. Must still be accepted.
fn relay(ops: &[Op]) -> Vec<String> {
    let mut next_id: usize = 1;
    let mut amounts: HashMap<usize, i64> = HashMap::new();
    let mut txs: HashMap<String, Vec<usize>> = HashMap::new();
    let mut ready: Vec<usize> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut published = 0;
    let mut applied = 0;
    let mut balance: i64 = 0;
    let mut result: Vec<String> = Vec::new();
    for op in ops {
        let key = op.tx.to_string();
        if op.kind == "BEGIN" {
            txs.insert(key, vec![]);
        } else if op.kind == "INSERT" {
            amounts.insert(next_id, op.value);
            txs.get_mut(&key).unwrap().push(next_id);
            next_id += 1;
        } else if op.kind == "COMMIT" {
            let rows = txs.remove(&key).unwrap();
            for r in rows {
                ready.push(r);
            }
            ready.sort();
        } else if op.kind == "ROLLBACK" {
            txs.remove(&key);
        } else {
            let take = std::cmp::min(op.value as usize, ready.len());
            let batch: Vec<usize> = ready[..take].to_vec();
            let mut words: Vec<String> = Vec::new();
            for id in batch.clone() {
                published += 1;
                if seen.contains(&id) {
                    words.push(format!("{}*", id));
                } else {
                    seen.insert(id);
                    applied += 1;
                    balance += amounts[&id];
                    words.push(format!("{}", id));
                }
            }
            if op.kind == "POLL" {
                ready = ready[take..].to_vec();
            }
            if words.is_empty() {
                result.push("-".to_string());
            } else {
                result.push(words.join(" "));
            }
        }
    }
    result.push(format!("published {} applied {} balance {}", published, applied, balance));
    result
}
