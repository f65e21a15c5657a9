use std::collections::HashMap;

// Tempting but wrong: a hand-rolled digit loop that skips the minus sign, so refunds are added
// instead of subtracted. Validation and allocations are as in the reference.
fn settle(batch: &str) -> (Vec<(&str, &str, i64)>, usize) {
    let mut net: HashMap<(&str, &str), i64> = HashMap::new();
    let mut rejected = 0;
    for line in batch.split('\n') {
        if line.is_empty() {
            continue; // blank lines, and the empty piece after the final '\n'
        }
        match parse_line(line) {
            Some((merchant, amount, currency)) => *net.entry((merchant, currency)).or_insert(0) += amount,
            None => rejected += 1,
        }
    }
    let rows = net.into_iter().map(|((m, c), v)| (m, c, v)).collect();
    (rows, rejected)
}

// "merchant,amount,currency" -> Some((merchant, amount, currency)) if the line is valid.
fn parse_line(line: &str) -> Option<(&str, i64, &str)> {
    let mut fields = line.split(',');
    let (merchant, amount, currency) = (fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() || merchant.is_empty() {
        return None;
    }
    let digits = amount.strip_prefix('-').unwrap_or(amount);
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let value = digits.bytes().fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
    Some((merchant, value, currency))
}
