use std::collections::HashMap;

// Correct, but the usual first draft: every line is split into a fresh Vec<&str>, one heap
// allocation per line. Fine on the samples, far over the allocation budget on a large batch.
fn settle(batch: &str) -> (Vec<(&str, &str, i64)>, usize) {
    let mut totals: HashMap<(&str, &str), i64> = HashMap::new();
    let mut rejected = 0;
    for line in batch.lines() {
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != 3 || fields[0].is_empty() {
            rejected += 1;
            continue;
        }
        let digits = fields[1].strip_prefix('-').unwrap_or(fields[1]);
        let ok = !digits.is_empty()
            && digits.len() <= 12
            && digits.chars().all(|c| c.is_ascii_digit())
            && fields[2].len() == 3
            && fields[2].chars().all(|c| c.is_ascii_uppercase());
        if !ok {
            rejected += 1;
            continue;
        }
        *totals.entry((fields[0], fields[2])).or_insert(0) += fields[1].parse::<i64>().unwrap();
    }
    (totals.into_iter().map(|((m, c), v)| (m, c, v)).collect(), rejected)
}
