// Binary splitting: a type with count c becomes 0/1 pieces of 1, 2, 4, ... copies and a
// remainder (every amount 0..=c is a subset sum of them). A 0/1 knapsack over the pieces, with
// one row iterated downwards so each piece is used at most once: O(W · Σ log c).
fn bounded_knapsack(capacity: usize, items: &[(usize, i64, usize)]) -> i64 {
    // best[c] = the most value within capacity c using the pieces seen so far.
    let mut best = vec![0i64; capacity + 1];
    for &(w, v, count) in items {
        let mut left = count;
        let mut k = 1;
        while left > 0 {
            let take = k.min(left);
            left -= take;
            k *= 2;
            let pw = w * take;
            if pw > capacity {
                // take copies do not fit, and the pieces so far (summing to take − 1) already
                // cover every amount that does.
                break;
            }
            let pv = v * take as i64;
            for c in (pw..=capacity).rev() {
                let cand = best[c - pw] + pv;
                if cand > best[c] {
                    best[c] = cand;
                }
            }
        }
    }
    best[capacity]
}
