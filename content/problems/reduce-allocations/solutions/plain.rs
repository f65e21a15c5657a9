use std::collections::BTreeMap;

// Everyday Rust, written with care for allocations: lines() and splitn() yield &str slices of
// the batch, str::parse::<i64> does not allocate, and the BTreeMap is keyed by borrowed
// slices, so the only allocations are the tree's nodes and the result.
fn settle(batch: &str) -> (Vec<(&str, &str, i64)>, usize) {
    let mut totals: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    let mut rejected = 0;
    for line in batch.lines() {
        if line.is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, ',');
        let merchant = parts.next().unwrap_or("");
        let amount = parts.next().unwrap_or("");
        let currency = parts.next().unwrap_or("");
        let digits = amount.strip_prefix('-').unwrap_or(amount);
        let amount_ok = !digits.is_empty() && digits.len() <= 12 && digits.chars().all(|c| c.is_ascii_digit());
        let currency_ok = currency.len() == 3 && currency.chars().all(|c| c.is_ascii_uppercase());
        if merchant.is_empty() || !amount_ok || !currency_ok {
            rejected += 1;
            continue;
        }
        let value: i64 = amount.parse().unwrap();
        *totals.entry((merchant, currency)).or_insert(0) += value;
    }
    let mut result = Vec::new();
    for ((merchant, currency), net) in totals {
        result.push((merchant, currency, net));
    }
    (result, rejected)
}
