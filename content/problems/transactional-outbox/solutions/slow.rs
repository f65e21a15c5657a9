// Keeps every outbox row with flags and, on each poll, scans the whole table from the first
// row for committed unsent ones: the SELECT without an index. Correct, but O(rows × polls):
// must exceed the time limit on the large tests.
fn relay(ops: &[Op]) -> Vec<String> {
    // (transaction, amount, committed, rolled back, sent)
    let mut rows: Vec<(u64, i64, bool, bool, bool)> = Vec::new();
    let mut applied_ids: Vec<bool> = Vec::new();
    let (mut published, mut applied, mut balance) = (0u64, 0u64, 0i64);
    let mut out = Vec::new();
    for op in ops {
        match op.kind.as_str() {
            "BEGIN" => {}
            "INSERT" => {
                rows.push((op.tx, op.value, false, false, false));
                applied_ids.push(false);
            }
            "COMMIT" | "ROLLBACK" => {
                for r in rows.iter_mut() {
                    if r.0 == op.tx && !r.2 && !r.3 {
                        if op.kind == "COMMIT" { r.2 = true } else { r.3 = true }
                    }
                }
            }
            _ => {
                let mut batch = Vec::new();
                for (i, r) in rows.iter().enumerate() {
                    if batch.len() as i64 == op.value {
                        break;
                    }
                    if r.2 && !r.4 {
                        batch.push(i);
                    }
                }
                let mut words: Vec<String> = Vec::new();
                for &i in &batch {
                    published += 1;
                    if applied_ids[i] {
                        words.push(format!("{}*", i + 1));
                    } else {
                        applied_ids[i] = true;
                        applied += 1;
                        balance += rows[i].1;
                        words.push((i + 1).to_string());
                    }
                    if op.kind == "POLL" {
                        rows[i].4 = true;
                    }
                }
                out.push(if words.is_empty() { "-".to_string() } else { words.join(" ") });
            }
        }
    }
    out.push(format!("published {} applied {} balance {}", published, applied, balance));
    out
}
