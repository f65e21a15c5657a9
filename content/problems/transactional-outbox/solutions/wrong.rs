use std::collections::{BTreeSet, HashMap};

// The relay polls `WHERE id > last_sent_id`, a high-water mark. A transaction that took a
// smaller id but committed after a larger one was sent is skipped forever. Must get WA.
fn relay(ops: &[Op]) -> Vec<String> {
    let mut amount: Vec<i64> = vec![0]; // amount[id]; ids start at 1
    let mut open: HashMap<u64, Vec<usize>> = HashMap::new(); // open transaction -> its row ids
    let mut ready: BTreeSet<usize> = BTreeSet::new(); // committed and not yet marked sent
    let mut applied_ids: Vec<bool> = vec![false];
    let (mut published, mut applied, mut balance) = (0u64, 0u64, 0i64);
    let mut out = Vec::new();
    let mut last = 0usize;
    for op in ops {
        match op.kind.as_str() {
            "BEGIN" => {
                open.insert(op.tx, Vec::new());
            }
            "INSERT" => {
                let id = amount.len(); // taken now, even if the transaction rolls back
                amount.push(op.value);
                applied_ids.push(false);
                open.get_mut(&op.tx).expect("open transaction").push(id);
            }
            "COMMIT" => ready.extend(open.remove(&op.tx).unwrap_or_default()),
            "ROLLBACK" => {
                open.remove(&op.tx);
            }
            _ => {
                // POLL or CRASH: publish the smallest committed unsent ids, in id order.
                let batch: Vec<usize> =
                    ready.range(last + 1..).take(op.value as usize).copied().collect();
                let mut line = String::new();
                for &id in &batch {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&id.to_string());
                    published += 1;
                    if applied_ids[id] {
                        line.push('*'); // a redelivery: acknowledged and skipped
                    } else {
                        applied_ids[id] = true;
                        applied += 1;
                        balance += amount[id];
                    }
                }
                if op.kind == "POLL" {
                    for id in &batch {
                        ready.remove(id);
                        last = *id; // remembers the largest id sent so far
                    }
                }
                out.push(if line.is_empty() { "-".to_string() } else { line });
            }
        }
    }
    out.push(format!("published {} applied {} balance {}", published, applied, balance));
    out
}
