// Iterates the capacity upwards: each type can then be reused any number of times, which
// solves the unbounded knapsack and ignores the counts. Must get WA.
fn bounded_knapsack(capacity: usize, items: &[(usize, i64, usize)]) -> i64 {
    let mut best = vec![0i64; capacity + 1];
    for &(w, v, count) in items {
        if count == 0 {
            continue;
        }
        for c in w..=capacity {
            best[c] = best[c].max(best[c - w] + v);
        }
    }
    best[capacity]
}
