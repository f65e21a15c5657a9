// Expands every copy into its own 0/1 item: O(W · Σ c). Correct, but with 10^4 copies per
// type it must exceed the time limit.
fn bounded_knapsack(capacity: usize, items: &[(usize, i64, usize)]) -> i64 {
    let mut best = vec![0i64; capacity + 1];
    for &(w, v, count) in items {
        for _ in 0..count {
            if w > capacity {
                break;
            }
            for c in (w..=capacity).rev() {
                best[c] = best[c].max(best[c - w] + v);
            }
        }
    }
    best[capacity]
}
