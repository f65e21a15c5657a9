package main

// Binary splitting: a type with count c becomes 0/1 pieces of 1, 2, 4, ... copies and a
// remainder (every amount 0..c is a subset sum of them). A 0/1 knapsack over the pieces, with
// one row iterated downwards so each piece is used at most once: O(W · Σ log c).
func boundedKnapsack(capacity int, items []Item) int64 {
	// best[c] = the most value within capacity c using the pieces seen so far.
	best := make([]int64, capacity+1)
	for _, it := range items {
		for k, left := 1, it.Count; left > 0; k *= 2 {
			take := min(k, left)
			left -= take
			pw := it.Weight * take
			if pw > capacity {
				// take copies do not fit, and the pieces so far (summing to take − 1) already
				// cover every amount that does.
				break
			}
			pv := it.Value * int64(take)
			for c := capacity; c >= pw; c-- {
				if cand := best[c-pw] + pv; cand > best[c] {
					best[c] = cand
				}
			}
		}
	}
	return best[capacity]
}
